//! A source's page, with its verbatim view: every line of the text as
//! collected and what the cleaner made of it.

use super::compare::compare_page_of;
use super::framing::FramingBox;
use super::jobs::PageJob;
use super::pages::PageContext;
use super::paragraph::paragraph_html;
use super::views::{Backlink, CitationView, EventView, SourceCard, StatementView, Views};
use crate::ingest::{LineRole, Source};
use crate::model::{ActorKind, Section};
use crate::text::escape_html;
use crate::urls::{page_path, root_of};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Serialize, JsonSchema)]
pub(super) struct SourcePage<'a> {
    source: &'a SourceCard<'a>,
    paragraphs: Vec<ParagraphView<'a>>,
    deck: &'a [String],
    actors: Vec<ActorInSource<'a>>,
    statements: Vec<StatementView<'a>>,
    note_html: Option<String>,
    citations: Vec<CitationView>,
    pub(super) has_code: bool,
    origin: Option<&'a str>,
    original_url: Option<&'a str>,
    events: Vec<EventView>,
    backlinks: &'a [Backlink],
    compare_url: String,
    framing: FramingBox<'a>,
    verbatim: VerbatimView,
}

/// The provenance view: the text as collected, line by line.
#[derive(Serialize, JsonSchema)]
struct VerbatimView {
    /// The name of the file under `content/sources/` the source was read from.
    file: String,
    lines: usize,
    removed: usize,
    /// One table row per line, made here: a long text has thousands of lines,
    /// and a template loop would spend more on them than on the whole page.
    rows_html: String,
}

#[derive(Serialize, JsonSchema)]
struct ParagraphView<'a> {
    anchor: &'a str,
    line: usize,
    html: String,
}

/// An actor a source mentions, and how often.
#[derive(Serialize, JsonSchema)]
struct ActorInSource<'a> {
    url: String,
    name: &'a str,
    kind: ActorKind,
    count: usize,
}

impl Views<'_> {
    /// Each source's page, in dossier order.
    pub(super) fn source_jobs(&self) -> impl Iterator<Item = PageJob<'_>> {
        let sources = self.dossier.sources.iter().zip(&self.sources);
        sources.enumerate().map(move |(index, (source, card))| {
            PageJob::new(&card.url, card.headline, move || {
                self.source_page(index, source, card)
            })
        })
    }

    fn source_page<'v>(
        &'v self,
        index: usize,
        source: &'v Source,
        card: &'v SourceCard<'v>,
    ) -> PageContext<'v> {
        let root = root_of(&card.url);
        let mentions = self.mentions_by_paragraph(&source.slug);
        let paragraphs = source
            .paragraphs
            .iter()
            .map(|p| ParagraphView {
                anchor: &p.anchor,
                line: p.line,
                html: paragraph_html(
                    p,
                    mentions.get(p.anchor.as_str()).map_or(&[], Vec::as_slice),
                    &root,
                ),
            })
            .collect();
        let actors = self
            .analysis
            .source_actors
            .get(&source.slug)
            .into_iter()
            .flatten()
            .filter_map(|ac| {
                let actor = self.dossier.actor(&ac.actor)?;
                Some(ActorInSource {
                    url: page_path(Section::Actors, &actor.slug),
                    name: &actor.meta.name,
                    kind: actor.meta.kind,
                    count: ac.count,
                })
            })
            .collect();
        let (note_html, citations, has_code) = match source.meta.note.as_deref() {
            Some(note) => {
                let (prose, citations) = self.markdown(&source.slug, note, &root);
                (Some(prose.html), citations, prose.has_code)
            }
            None => (None, Vec::new(), false),
        };
        let statements = self
            .by
            .statements_by_source
            .get(source.slug.as_str())
            .into_iter()
            .flatten()
            .filter_map(|s| self.statement_view(s))
            .collect();
        PageContext::Source(SourcePage {
            source: card,
            paragraphs,
            deck: &source.deck,
            actors,
            statements,
            note_html,
            citations,
            has_code,
            origin: source.meta.origin.as_deref(),
            original_url: source
                .meta
                .url
                .as_deref()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
            events: self.event_views(self.dossier.lookups.events_by_source.get(&source.slug)),
            backlinks: self.backlinks_of(&source.slug),
            compare_url: compare_page_of(index),
            framing: self.framing_box(index),
            verbatim: VerbatimView {
                file: source_file_name(source),
                lines: source.lines.len(),
                removed: source
                    .lines
                    .iter()
                    .filter(|l| l.role == LineRole::Removed)
                    .count(),
                rows_html: verbatim_rows(source),
            },
        })
    }

    fn mentions_by_paragraph(
        &self,
        source: &str,
    ) -> BTreeMap<&str, Vec<(&str, std::ops::Range<usize>)>> {
        let mut map: BTreeMap<&str, Vec<(&str, std::ops::Range<usize>)>> = BTreeMap::new();
        for mention in self.by.mentions_by_source.get(source).into_iter().flatten() {
            map.entry(&mention.anchor)
                .or_default()
                .push((&mention.actor, mention.range.clone()));
        }
        map
    }
}

/// The rows of the verbatim view: each line's number, its text (struck out
/// where removed) and what became of it, with the rule and its reason.
fn verbatim_rows(source: &Source) -> String {
    let language = escape_html(&source.language);
    let direction = source.direction.as_str();
    let mut html = String::new();
    for line in &source.lines {
        let role = line.role.as_str();
        let text = match (&line.split, line.role) {
            (_, LineRole::Removed) => format!("<del>{}</del>", escape_html(&line.text)),
            (Some(split), _) => format!(
                "{}<del>{}</del>",
                escape_html(&split.kept),
                escape_html(&split.cut)
            ),
            (None, _) => escape_html(&line.text),
        };
        let _ = write!(
            html,
            r#"<tr class="role-{role}"><td class="num">{}</td><td lang="{language}" dir="{direction}">{text}</td><td>{role}"#,
            line.number
        );
        if let Some(rule) = &line.rule {
            let _ = write!(html, " <code>{}</code>", escape_html(rule));
        }
        if let Some(reason) = &line.reason {
            let _ = write!(html, ": {}", escape_html(reason));
        }
        if line.split.is_some() {
            html.push_str("; the struck-out end of the line is removed");
        }
        html.push_str("</td></tr>\n");
    }
    html
}

/// The name of the file a source was read from, so a reader knows what to edit
/// even when the slug was made from a name like `My_Article.txt`.
fn source_file_name(source: &Source) -> String {
    source
        .origin
        .path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}
