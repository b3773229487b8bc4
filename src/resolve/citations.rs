//! Editorial discipline: in a dossier that asks for it, every factual sentence of
//! a note carries a citation. A sentence counts as factual when it names an actor
//! or a source, gives a number, or quotes someone; the test is deliberately
//! simple so an editor can predict it.

use crate::error::{collect, Diagnostic, Result};
use crate::location::line_col;
use crate::markdown::{citations, plain_text, wikilinks};
use crate::model::Section;
use crate::resolve::{Dossier, Note};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// Fails with one diagnostic per uncited factual sentence, in every note that
/// the dossier (`require_citations = true`) or the note itself asks to check.
pub fn check(dossier: &Dossier) -> Result<()> {
    let mut diagnostics = Vec::new();
    for note in &dossier.notes {
        if note
            .meta
            .require_citations
            .unwrap_or(dossier.config.require_citations)
        {
            diagnostics.extend(uncited(dossier, note));
        }
    }
    collect(diagnostics)
}

fn uncited(dossier: &Dossier, note: &Note) -> Vec<Diagnostic> {
    let body = &note.body;
    let mut found = Vec::new();
    for block in prose_blocks(body) {
        let text = &body[block.clone()];
        for sentence in crate::text::paragraph_sentences(text) {
            let markdown = &text[sentence.clone()];
            if !citations(markdown).is_empty() || !is_factual(dossier, markdown) {
                continue;
            }
            let (line, col) = line_col(body, block.start + sentence.start);
            let plain = plain_text(markdown, |l| dossier.title_of(&l.target).map(String::from));
            found.push(
                Diagnostic::new(
                    &note.origin.path,
                    note.origin.body_line + line - 1,
                    col,
                    format!(
                        "uncited statement: “{}”",
                        crate::text::truncate_words(&plain, 120)
                    ),
                )
                .with_hint(
                    "cite the paragraph it rests on, [@source-slug#p-anchor], or set \
                     require_citations = false in this note's front matter",
                ),
            );
        }
    }
    found
}

/// Names an actor or a source, gives a number, or quotes. Only actors with a
/// file count: a note need not cite sources for a name only discovery knows.
fn is_factual(dossier: &Dossier, markdown: &str) -> bool {
    let links_to_fact = wikilinks(markdown).iter().any(|l| {
        dossier
            .index
            .get(&l.target)
            .is_some_and(|t| t.section != Section::Notes)
    });
    let plain = plain_text(markdown, |l| dossier.title_of(&l.target).map(String::from));
    links_to_fact
        || plain.chars().any(|c| c.is_ascii_digit())
        || plain.contains(['“', '"', '«', '„'])
        || dossier.mentions.find(&plain).iter().any(|&(owner, _)| {
            dossier
                .actors
                .get(owner)
                .is_some_and(|actor| dossier.discovery.actor(&actor.slug).is_none())
        })
}

/// Byte ranges of a note's prose: paragraphs and list items, not headings,
/// code or tables. A list item ends where a list nested in it begins.
fn prose_blocks(body: &str) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut depth_in_item = 0usize;
    let mut open_item: Option<usize> = None;
    for (event, range) in Parser::new_ext(body, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Item) => {
                if let Some(start) = open_item.take() {
                    blocks.push(start..range.start);
                }
                depth_in_item += 1;
                open_item = Some(range.start);
            }
            Event::Start(Tag::List(_)) if depth_in_item > 0 => {
                if let Some(start) = open_item.take() {
                    blocks.push(start..range.start);
                }
            }
            Event::End(TagEnd::Item) => {
                depth_in_item -= 1;
                if let Some(start) = open_item.take() {
                    blocks.push(start..range.end);
                }
            }
            Event::Start(Tag::Paragraph) if depth_in_item == 0 => blocks.push(range),
            _ => {}
        }
    }
    blocks
        .into_iter()
        .map(|r| r.start + marker_len(&body[r.clone()])..r.end)
        .filter(|r| !body[r.clone()].trim().is_empty())
        .collect()
}

/// Length of a list item's marker (`- `, `* `, `12. `) and the spaces around it.
fn marker_len(text: &str) -> usize {
    let rest = text.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = if digits > 0 && rest[digits..].starts_with(['.', ')']) {
        &rest[digits + 1..]
    } else if rest.starts_with(['-', '*', '+']) && rest[1..].starts_with(char::is_whitespace) {
        &rest[1..]
    } else {
        rest
    };
    text.len() - after.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_blocks_are_paragraphs_and_items_not_headings_or_code() {
        let body = "# Head 1\n\nOne para\nwrapped.\n\n- item a\n- **item** b\n  - nested c\n\n3. three\n\n```\ncode 2\n```\n";
        let blocks: Vec<&str> = prose_blocks(body)
            .into_iter()
            .map(|r| body[r].trim())
            .collect();
        assert_eq!(
            blocks,
            vec![
                "One para\nwrapped.",
                "item a",
                "**item** b",
                "nested c",
                "three"
            ]
        );
    }
}
