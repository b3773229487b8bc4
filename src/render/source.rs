//! A source's page and its verbatim view, line by line.

use super::compare;
use super::jobs::{Page, PageJob};
use super::paragraph::paragraph_html;
use super::views::{SourceCard, StatementView, Views};
use crate::ingest::Source;
use crate::model::Section;
use crate::urls::page_path;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub(super) struct ParagraphView<'a> {
    pub(super) anchor: &'a str,
    pub(super) line: usize,
    pub(super) html: String,
}

impl<'a> Views<'a> {
    /// Each source's page and its verbatim view, in dossier order.
    pub(super) fn source_jobs(&self) -> Vec<PageJob<'_>> {
        let mut jobs = Vec::new();
        for (index, (source, card)) in self.dossier.sources.iter().zip(&self.sources).enumerate() {
            jobs.push(self.later(&card.url, move || self.source_page(index, source, card)));
            let title = format!("Verbatim text: {}", card.headline);
            jobs.push(self.job(
                &card.text_url,
                "source_text.html",
                &title,
                "sources",
                move |c| {
                    c.insert("source", card);
                    c.insert("lines", &source.lines);
                    c.insert("origin", &source.meta.origin);
                    c.insert("file", &source_file_name(source));
                },
            ));
        }
        jobs
    }

    fn source_page(&self, index: usize, source: &'a Source, card: &SourceCard<'a>) -> Page {
        let mentions = self.mentions_by_paragraph(&source.slug);
        let paragraphs: Vec<ParagraphView> = source
            .paragraphs
            .iter()
            .map(|p| ParagraphView {
                anchor: &p.anchor,
                line: p.line,
                html: paragraph_html(
                    p,
                    mentions
                        .get(p.anchor.as_str())
                        .map(Vec::as_slice)
                        .unwrap_or(&[]),
                    "../",
                ),
            })
            .collect();
        let actors: Vec<serde_json::Value> = self
            .analysis
            .source_actors
            .get(&source.slug)
            .into_iter()
            .flatten()
            .filter_map(|ac| {
                let actor = self.dossier.actor(&ac.actor)?;
                Some(serde_json::json!({
                    "url": page_path(Section::Actors, &actor.slug),
                    "name": actor.meta.name,
                    "kind": actor.meta.kind,
                    "count": ac.count,
                }))
            })
            .collect();
        let (note_html, citations, has_code) = match source.meta.note.as_deref() {
            Some(note) => {
                let (prose, citations) = self.markdown(&source.slug, note);
                (Some(prose.html), citations, prose.has_code)
            }
            None => (None, Vec::new(), false),
        };
        let original_url = Some(source.meta.url.as_str())
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
        let events = self.event_views(self.by.events_by_source.get(source.slug.as_str()));
        let statements: Vec<StatementView> = self
            .by
            .statements_by_source
            .get(source.slug.as_str())
            .into_iter()
            .flatten()
            .filter_map(|s| self.statement_view(s))
            .collect();
        let framing = self.framing_box(index);
        self.page("source.html", card.headline, "sources", |c| {
            c.insert("framing", &framing);
            c.insert("compare_url", &compare::compare_page_of(index));
            c.insert("statements", &statements);
            c.insert("source", card);
            c.insert("paragraphs", &paragraphs);
            c.insert("deck", &source.deck);
            c.insert("actors", &actors);
            c.insert("note_html", &note_html);
            c.insert("citations", &citations);
            c.insert("has_code", &has_code);
            c.insert("origin", &source.meta.origin);
            c.insert("original_url", &original_url);
            c.insert("events", &events);
            c.insert("backlinks", self.backlinks_of(&source.slug));
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
