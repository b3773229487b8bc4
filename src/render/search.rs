//! The offline search index: every source paragraph, source, actor (with its
//! aliases) and note, tokenised the same way the page's script tokenises a query.
//! It is a script (`search-index.js`) rather than JSON, because a page opened
//! from `file://` may load a script but may not fetch a file.
//!
//! Why not elasticlunr: its tokeniser trims every character outside ASCII `\w`,
//! so Arabic, Hebrew or Cyrillic words would index as nothing; a dossier reads
//! sources in any language.

use super::page_path;
use crate::load::Section;
use crate::resolve::Dossier;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// One search result: what it is, its title, its page (and paragraph), its text.
#[derive(Serialize)]
struct Entry<'a> {
    kind: &'static str,
    title: &'a str,
    url: String,
    text: Cow<'a, str>,
    /// Text direction, so a result in Arabic is shown right to left.
    #[serde(skip_serializing_if = "is_ltr")]
    dir: &'static str,
}

fn is_ltr(dir: &&str) -> bool {
    *dir == "ltr"
}

#[derive(Serialize)]
struct Index<'a> {
    entries: Vec<Entry<'a>>,
    /// Term → flat list of (entry, weight) pairs. Title words weigh more.
    terms: BTreeMap<String, Vec<u32>>,
}

/// Lower-cased words of letters and digits, in any script; what the page's
/// script does to a query (`search.js`, `tokens`).
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
}

/// Writes the index as a script that sets `window.dossierSearch`, as it is
/// serialised: it holds the text of every paragraph, tens of megabytes at scale.
/// `plain` turns editorial Markdown into the text to index.
pub fn write_index_script(
    dossier: &Dossier,
    plain: impl Fn(&str) -> String,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut entries = Vec::new();
    for source in &dossier.sources {
        let page = page_path(Section::Sources, &source.slug);
        entries.push(Entry {
            kind: "source",
            title: &source.headline,
            url: page.clone(),
            text: Cow::Owned(source.deck.join(" ")),
            dir: source.direction,
        });
        for paragraph in &source.paragraphs {
            entries.push(Entry {
                kind: "paragraph",
                title: &source.headline,
                url: format!("{page}#{}", paragraph.anchor),
                text: Cow::Borrowed(&paragraph.text),
                dir: source.direction,
            });
        }
    }
    for actor in &dossier.actors {
        let mut text = actor.meta.aliases.join(" · ");
        for part in actor.meta.role.iter().cloned().chain([plain(&actor.body)]) {
            if !part.is_empty() {
                text.push_str(" — ");
                text.push_str(&part);
            }
        }
        entries.push(Entry {
            kind: "actor",
            title: &actor.meta.name,
            url: page_path(Section::Actors, &actor.slug),
            text: Cow::Owned(text),
            dir: "ltr",
        });
    }
    for note in &dossier.notes {
        entries.push(Entry {
            kind: "note",
            title: &note.meta.title,
            url: page_path(Section::Notes, &note.slug),
            text: Cow::Owned(plain(&note.body)),
            dir: "ltr",
        });
    }

    let mut terms: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let mut weights: BTreeMap<String, u32> = BTreeMap::new();
        // A paragraph's title is its source's headline: indexing it on every
        // paragraph would rank all of them alike.
        if entry.kind != "paragraph" {
            for token in tokens(entry.title) {
                *weights.entry(token).or_default() += 3;
            }
        }
        for token in tokens(&entry.text) {
            *weights.entry(token).or_default() += 1;
        }
        for (token, weight) in weights {
            let postings = terms.entry(token).or_default();
            postings.push(i as u32);
            postings.push(weight);
        }
    }
    out.write_all(b"window.dossierSearch = ")?;
    serde_json::to_writer(&mut *out, &Index { entries, terms }).map_err(std::io::Error::from)?;
    out.write_all(b";\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_every_script_and_drop_punctuation() {
        let found: Vec<String> = tokens("Gantz's MoU — المغرب, 2021! a").collect();
        assert_eq!(found, vec!["gantz", "mou", "المغرب", "2021"]);
    }
}
