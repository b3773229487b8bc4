//! The framing box of a source's page: the comparison's findings for that
//! one source, with their sentences, which the comparison's cells link to.

use super::compare::use_of;
use super::views::Views;
use crate::analyse::compare::Evidence;
use crate::analyse::naming::PhrasingKind;
use crate::model::Section;
use crate::text::escape_html;
use crate::urls::page_path;
use schemars::JsonSchema;
use serde::Serialize;
use std::fmt::Write;

// The ids of the framing box on a source's page, which the comparison's cells
// link to: each is spelled here only.

pub(super) fn frame_id(frame: &str) -> String {
    format!("frame-{frame}")
}

pub(super) fn loaded_id(row: usize) -> String {
    format!("loaded-{row}")
}

/// The list of sentences of phrasing `row` of actor `actor`.
pub(super) fn named_id(actor: usize, row: usize) -> String {
    format!("named-{actor}-{row}")
}

/// The framing box of one source's page: its frames, loaded words and names,
/// each linking to the comparison.
#[derive(Serialize, JsonSchema)]
pub(super) struct FramingBox<'a> {
    frames: Vec<FrameFinding<'a>>,
    loaded: Vec<LoadedFinding<'a>>,
    naming: Vec<NamingFinding<'a>>,
    found_naming: Vec<FoundNamingBox<'a>>,
    sentences: usize,
}

#[derive(Serialize, JsonSchema)]
struct FrameFinding<'a> {
    id: String,
    label: &'a str,
    percent: usize,
    count: usize,
    sentences_html: String,
}

#[derive(Serialize, JsonSchema)]
struct LoadedFinding<'a> {
    id: String,
    category: &'a str,
    terms: Vec<String>,
    sentences_html: String,
    quoted_terms: Vec<String>,
    quoted_sentences_html: String,
}

#[derive(Serialize, JsonSchema)]
struct NamingFinding<'a> {
    label: &'a str,
    variants: Vec<&'a str>,
}

/// The phrasings one source uses for one actor, with their sentences.
#[derive(Serialize, JsonSchema)]
struct FoundNamingBox<'a> {
    label: &'a str,
    url: String,
    phrasings: Vec<PhrasingBox<'a>>,
}

#[derive(Serialize, JsonSchema)]
struct PhrasingBox<'a> {
    /// The element id the comparison links to: `named-<actor>-<row>`.
    id: String,
    text: &'a str,
    kind: PhrasingKind,
    count: usize,
    quoted: usize,
    sentences_html: String,
    quoted_sentences_html: String,
}

impl Views<'_> {
    /// The framing box of source `index`'s page.
    pub(super) fn framing_box(&self, index: usize) -> FramingBox<'_> {
        let comparison = &self.analysis.comparison;
        let mut frames: Vec<FrameFinding> = comparison
            .frames
            .iter()
            .filter_map(|row| {
                let cell = row.cells.get(index).filter(|c| c.count > 0)?;
                Some(FrameFinding {
                    id: frame_id(&row.id),
                    label: &row.label,
                    percent: cell.percent,
                    count: cell.count,
                    sentences_html: self.evidence_list(index, &cell.sentences),
                })
            })
            .collect();
        frames.sort_by_key(|f| std::cmp::Reverse(f.percent));
        let loaded = comparison
            .loaded
            .iter()
            .enumerate()
            .filter_map(|(r, row)| {
                let hits = row.cells.get(index).map_or(&[][..], Vec::as_slice);
                let quoted = row.quoted.get(index).map_or(&[][..], Vec::as_slice);
                if hits.is_empty() && quoted.is_empty() {
                    return None;
                }
                Some(LoadedFinding {
                    id: loaded_id(r),
                    category: &row.category,
                    terms: distinct_terms(hits),
                    sentences_html: self.evidence_list(index, hits),
                    quoted_terms: distinct_terms(quoted),
                    quoted_sentences_html: self.evidence_list(index, quoted),
                })
            })
            .collect();
        let naming = comparison
            .naming
            .iter()
            .filter_map(|row| {
                let uses = row.cells.get(index).filter(|u| !u.is_empty())?;
                Some(NamingFinding {
                    label: &row.label,
                    variants: uses.iter().map(|u| u.variant.as_str()).collect(),
                })
            })
            .collect();
        FramingBox {
            frames,
            loaded,
            naming,
            found_naming: self.found_naming_box(index),
            sentences: comparison.sentence_counts.get(index).copied().unwrap_or(0),
        }
    }

    /// The found naming of source `index`: every shown phrasing it uses, with
    /// its sentences, which the comparison's counts link to.
    fn found_naming_box(&self, index: usize) -> Vec<FoundNamingBox<'_>> {
        let found = &self.analysis.comparison.found_naming;
        found
            .actors
            .iter()
            .enumerate()
            .filter_map(|(a, found)| {
                let phrasings: Vec<PhrasingBox> = found
                    .rows
                    .iter()
                    .enumerate()
                    .filter_map(|(r, row)| {
                        let used = use_of(&row.uses, index)?;
                        Some(PhrasingBox {
                            id: named_id(a, r),
                            text: &row.text,
                            kind: row.kind,
                            count: used.count,
                            quoted: used.quoted,
                            sentences_html: self.evidence_list(index, &used.evidence),
                            quoted_sentences_html: self.evidence_list(index, &used.quoted_evidence),
                        })
                    })
                    .collect();
                (!phrasings.is_empty()).then(|| FoundNamingBox {
                    label: &found.label,
                    url: page_path(Section::Actors, &found.actor),
                    phrasings,
                })
            })
            .collect()
    }
}

impl Views<'_> {
    /// Evidence of source `index` as one `<ul>` (empty when there is none):
    /// each sentence marked, in the source's language, linking to itself in the
    /// article on the same page. Made here rather than by a template loop: a
    /// framing box holds dozens of sentences, and tera's lookups for each cost
    /// more than the rest of the page.
    fn evidence_list(&self, index: usize, list: &[Evidence]) -> String {
        if list.is_empty() {
            return String::new();
        }
        let source = &self.dossier.sources[index];
        let language = escape_html(&source.language);
        let direction = source.direction.as_str();
        let link_language = escape_html(&self.dossier.config.language);
        let mut html = String::from("<ul>");
        for evidence in list {
            let _ = write!(
                html,
                r##"<li lang="{language}" dir="{direction}">{} <a href="#{}" lang="{link_language}">paragraph</a></li>"##,
                evidence.marked(),
                escape_html(&evidence.anchor),
            );
        }
        html.push_str("</ul>");
        html
    }
}

/// The cues of `list`, lower-cased, once each, in alphabetical order.
fn distinct_terms(list: &[Evidence]) -> Vec<String> {
    let mut terms: Vec<String> = list
        .iter()
        .flat_map(|e| e.cues.iter().map(|c| c.to_lowercase()))
        .collect();
    terms.sort();
    terms.dedup();
    terms
}
