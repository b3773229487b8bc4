//! A source's page and its verbatim view, line by line.

use super::compare::compare_page_of;
use super::framing::FramingBox;
use super::jobs::PageJob;
use super::pages::PageContext;
use super::paragraph::paragraph_html;
use super::views::{Backlink, CitationView, EventView, SourceCard, StatementView, Views};
use crate::ingest::{Source, TextLine};
use crate::model::{ActorKind, Section};
use crate::urls::{page_path, root_of};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

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

#[derive(Serialize, JsonSchema)]
pub(super) struct SourceTextPage<'a> {
    source: &'a SourceCard<'a>,
    lines: &'a [TextLine],
    origin: Option<&'a str>,
    file: String,
}

impl Views<'_> {
    /// Each source's page and its verbatim view, in dossier order.
    pub(super) fn source_jobs(&self) -> impl Iterator<Item = PageJob<'_>> {
        let sources = self.dossier.sources.iter().zip(&self.sources);
        sources
            .enumerate()
            .flat_map(move |(index, (source, card))| {
                let page = PageJob::new(&card.url, card.headline, move || {
                    self.source_page(index, source, card)
                });
                let text = PageJob::new(
                    &card.text_url,
                    format!("Verbatim text: {}", card.headline),
                    move || {
                        PageContext::SourceText(SourceTextPage {
                            source: card,
                            lines: &source.lines,
                            origin: source.meta.origin.as_deref(),
                            file: source_file_name(source),
                        })
                    },
                );
                [page, text]
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
