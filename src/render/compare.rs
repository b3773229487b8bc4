//! The comparison page's view: the analysis's findings turned into rows and cells
//! with links to the paragraphs they rest on.

use super::jobs::PageJob;
use super::views::Views;
use crate::analyse::compare::{Comparison, Evidence};
use crate::analyse::naming::{FoundNaming, PhrasingKind, PhrasingUse};
use crate::model::Section;
use crate::urls::page_path;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::ops::Range;

/// Rows of the actor coverage table: the actors most sources name. Every actor's
/// own page lists all the sources that name it.
const COVERAGE_ACTORS: usize = 40;

/// Sources compared on one page: as many columns as a table can show side by
/// side. A larger dossier gets a run of comparison pages, each a slice of the
/// sources, so no page (and no build) grows with the square of the corpus.
pub(super) const SOURCES_PER_PAGE: usize = 30;

/// The site-relative path of comparison page `number` (from 1).
pub fn compare_page_path(number: usize) -> String {
    match number {
        1 => "compare.html".to_string(),
        n => format!("compare-{n}.html"),
    }
}

/// The comparison page that shows source `index`.
pub fn compare_page_of(index: usize) -> String {
    compare_page_path(index / SOURCES_PER_PAGE + 1)
}

/// The findings that span sources, sorted once by the comparison page that
/// shows them, so building each page costs what the page shows.
#[derive(Default)]
pub(super) struct PageIndex<'a> {
    positions: HashMap<&'a str, usize>,
    /// By page: the reuse pairs and passages whose first source is on it.
    pairs: Vec<Vec<usize>>,
    passages: Vec<Vec<usize>>,
    /// By page and claim: the unreviewed matches in its sources.
    unreviewed: Vec<HashMap<usize, Vec<usize>>>,
}

impl<'a> PageIndex<'a> {
    pub(super) fn new(sources: &'a [crate::ingest::Source], comparison: &Comparison) -> Self {
        let pages = compare_pages(sources.len());
        let positions: HashMap<&str, usize> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.slug.as_str(), i))
            .collect();
        let page_of = |slug: &str| positions.get(slug).map(|i| i / SOURCES_PER_PAGE);
        let mut index = PageIndex {
            pairs: vec![Vec::new(); pages],
            passages: vec![Vec::new(); pages],
            unreviewed: vec![HashMap::new(); pages],
            ..PageIndex::default()
        };
        for (i, pair) in comparison.reuse.pairs.iter().enumerate() {
            if let Some(page) = page_of(&pair.a) {
                index.pairs[page].push(i);
            }
        }
        for (i, passage) in comparison.reuse.passages.iter().enumerate() {
            if let Some(page) = page_of(&passage.a) {
                index.passages[page].push(i);
            }
        }
        for (claim, row) in comparison.claims.iter().enumerate() {
            for (i, (slug, _)) in row.unreviewed.iter().enumerate() {
                if let Some(page) = page_of(slug) {
                    index.unreviewed[page].entry(claim).or_default().push(i);
                }
            }
        }
        index.positions = positions;
        index
    }
}

/// A sentence a finding rests on, for a template.
#[derive(Serialize)]
pub(super) struct EvidenceView {
    url: String,
    html: String,
    cues: Vec<String>,
}

/// The found naming of a comparison page.
#[derive(Serialize)]
pub(super) struct FoundNamingSection {
    /// One table per actor, most mentioned first.
    actors: Vec<FoundNamingView>,
    /// Actors named by at least two sources, shown or not.
    eligible: usize,
    /// At most this many actors get a table, and this many phrasings a row.
    actors_limit: usize,
    rows_limit: usize,
}

/// One actor's found-naming table on a comparison page.
#[derive(Serialize)]
pub(super) struct FoundNamingView {
    /// The actor's name and page.
    label: String,
    url: String,
    /// Its mentions, in all sources.
    mentions: usize,
    /// How many sources name it (all pages).
    sources: usize,
    rows: Vec<PhrasingRowView>,
    /// Phrasings found but not shown.
    more: usize,
}

#[derive(Serialize)]
pub(super) struct PhrasingRowView {
    text: String,
    /// How it was found: `name`, `title`, `honorific` or `apposition`.
    kind: PhrasingKind,
    differs: bool,
    /// One per source of the page.
    cells: Vec<PhrasingCellView>,
}

#[derive(Serialize)]
pub(super) struct PhrasingCellView {
    /// Uses in the outlet's own words.
    count: usize,
    /// Uses inside quotations.
    quoted: usize,
    /// Whether the source names the actor at all.
    names: bool,
    /// The list of its sentences on the source's page; null when it has none.
    url: Option<String>,
}

/// The phrasings one source uses for one actor, with their sentences, for the
/// framing box of the source's page.
#[derive(Serialize)]
pub(super) struct FoundNamingBox {
    label: String,
    url: String,
    phrasings: Vec<PhrasingBox>,
}

#[derive(Serialize)]
pub(super) struct PhrasingBox {
    /// The element id the comparison links to: `named-<actor>-<row>`.
    id: String,
    text: String,
    kind: PhrasingKind,
    count: usize,
    quoted: usize,
    sentences: Vec<EvidenceView>,
    quoted_sentences: Vec<EvidenceView>,
}

/// The id of the list of sentences of phrasing `row` of actor `actor` on a source page.
fn named_id(actor: usize, row: usize) -> String {
    format!("named-{actor}-{row}")
}

/// The use of a phrasing by source `index`, if any (`uses` is in source order).
fn use_of(uses: &[PhrasingUse], index: usize) -> Option<&PhrasingUse> {
    uses.binary_search_by_key(&index, |u| u.source)
        .ok()
        .map(|i| &uses[i])
}

/// How many comparison pages a dossier of `sources` sources has.
pub(super) fn compare_pages(sources: usize) -> usize {
    sources.div_ceil(SOURCES_PER_PAGE).max(1)
}

impl Views<'_> {
    /// The comparison pages, one per slice of the sources.
    pub(super) fn compare_jobs(&self) -> Vec<PageJob<'_>> {
        let pages = compare_pages(self.dossier.sources.len());
        (1..=pages)
            .map(|number| {
                let title = match pages {
                    1 => "How the sources compare".to_string(),
                    _ => format!("How the sources compare ({number} of {pages})"),
                };
                let path = compare_page_path(number);
                self.job(&path, "compare.html", &title, "compare", move |c| {
                    c.insert(
                        "compare",
                        &self.compare_context(&self.analysis.comparison, number),
                    );
                })
            })
            .collect()
    }

    /// One cell per source: a link to the sentence that covers the row, or none.
    fn coverage_cells(
        &self,
        covered: &[crate::analyse::compare::Covered],
        range: &Range<usize>,
    ) -> Vec<Option<String>> {
        let mut cells = vec![None; range.len()];
        // `covered` is in source order.
        let from = covered.partition_point(|c| c.source < range.start);
        let to = covered.partition_point(|c| c.source < range.end);
        for c in &covered[from..to] {
            cells[c.source - range.start] = Some(self.evidence_url(c.source, &c.anchor));
        }
        cells
    }

    /// The site-relative link to a sentence's paragraph in source `index`.
    fn evidence_url(&self, index: usize, anchor: &str) -> String {
        format!(
            "{}#{}",
            page_path(Section::Sources, &self.dossier.sources[index].slug),
            anchor
        )
    }

    fn evidence_views(&self, index: usize, list: &[Evidence]) -> Vec<EvidenceView> {
        list.iter()
            .map(|e| EvidenceView {
                url: self.evidence_url(index, &e.anchor),
                html: e.marked(),
                cues: e.cues.clone(),
            })
            .collect()
    }

    /// The found naming of source `index`: every shown phrasing it uses, with
    /// its sentences, which the comparison's counts link to.
    fn found_naming_box(&self, index: usize) -> Vec<FoundNamingBox> {
        self.analysis
            .comparison
            .found_naming
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
                            text: row.text.clone(),
                            kind: row.kind,
                            count: used.count,
                            quoted: used.quoted,
                            sentences: self.evidence_views(index, &used.evidence),
                            quoted_sentences: self.evidence_views(index, &used.quoted_evidence),
                        })
                    })
                    .collect();
                (!phrasings.is_empty()).then(|| FoundNamingBox {
                    label: found.label.clone(),
                    url: page_path(Section::Actors, &found.actor),
                    phrasings,
                })
            })
            .collect()
    }

    /// One actor's found-naming table for the sources in `range`.
    fn found_naming_view(
        &self,
        a: usize,
        found: &FoundNaming,
        range: &Range<usize>,
    ) -> FoundNamingView {
        let rows = found
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| PhrasingRowView {
                text: row.text.clone(),
                kind: row.kind,
                differs: row.differs,
                cells: range
                    .clone()
                    .map(|i| {
                        let used = use_of(&row.uses, i);
                        PhrasingCellView {
                            count: used.map_or(0, |u| u.count),
                            quoted: used.map_or(0, |u| u.quoted),
                            names: found.sources.binary_search(&i).is_ok(),
                            url: used.map(|_| {
                                format!(
                                    "{}#{}",
                                    page_path(Section::Sources, &self.dossier.sources[i].slug),
                                    named_id(a, r)
                                )
                            }),
                        }
                    })
                    .collect(),
            })
            .collect();
        FoundNamingView {
            label: found.label.clone(),
            url: page_path(Section::Actors, &found.actor),
            mentions: found.mentions,
            sources: found.sources.len(),
            rows,
            more: found.more,
        }
    }

    fn evidence_list(&self, index: usize, list: &[Evidence]) -> Vec<Value> {
        list.iter()
            .map(|e| json!({ "url": self.evidence_url(index, &e.anchor), "html": e.marked(), "cues": e.cues }))
            .collect()
    }

    /// A short name for a source in column headers: its outlet, or its headline.
    pub(super) fn column_label(&self, index: usize) -> String {
        let source = &self.dossier.sources[index];
        if source.outlet.value.eq_ignore_ascii_case("unknown") {
            crate::text::truncate_words(&source.headline, 40)
        } else {
            source.outlet.value.clone()
        }
    }

    fn actor_link(&self, slug: &str) -> Value {
        match self.dossier.actor(slug) {
            Some(actor) => {
                json!({ "name": actor.meta.name, "url": page_path(Section::Actors, slug) })
            }
            None => json!({ "name": slug, "url": null }),
        }
    }

    /// The framing box of one source's page: its frames, loaded words and names,
    /// each linking to the comparison.
    pub(super) fn framing_box(&self, index: usize) -> Value {
        let comparison = &self.analysis.comparison;
        let mut frames: Vec<Value> = comparison
            .frames
            .iter()
            .filter_map(|row| {
                let cell = row.cells.get(index).filter(|c| c.count > 0)?;
                Some(json!({
                    "id": format!("frame-{}", row.id),
                    "label": row.label,
                    "percent": cell.percent,
                    "count": cell.count,
                    "sentences": self.evidence_list(index, &cell.sentences),
                }))
            })
            .collect();
        frames.sort_by(|a, b| b["percent"].as_u64().cmp(&a["percent"].as_u64()));
        let loaded: Vec<Value> = comparison
            .loaded
            .iter()
            .enumerate()
            .filter_map(|(r, row)| {
                let hits = row.cells.get(index).map_or(&[][..], Vec::as_slice);
                let quoted = row.quoted.get(index).map_or(&[][..], Vec::as_slice);
                if hits.is_empty() && quoted.is_empty() {
                    return None;
                }
                let distinct = |list: &[Evidence]| {
                    let mut terms: Vec<String> = list
                        .iter()
                        .flat_map(|e| e.cues.iter().map(|c| c.to_lowercase()))
                        .collect();
                    terms.sort();
                    terms.dedup();
                    terms
                };
                Some(json!({
                    "id": format!("loaded-{r}"),
                    "category": row.category,
                    "terms": distinct(hits),
                    "sentences": self.evidence_list(index, hits),
                    "quoted_terms": distinct(quoted),
                    "quoted_sentences": self.evidence_list(index, quoted),
                }))
            })
            .collect();
        let naming: Vec<Value> = comparison
            .naming
            .iter()
            .filter_map(|row| {
                let uses = row.cells.get(index).filter(|u| !u.is_empty())?;
                Some(json!({ "label": row.label, "variants": uses.iter().map(|u| u.variant.as_str()).collect::<Vec<_>>() }))
            })
            .collect();
        json!({
            "frames": frames,
            "loaded": loaded,
            "naming": naming,
            "found_naming": self.found_naming_box(index),
            "sentences": comparison.sentence_counts.get(index),
        })
    }

    /// Comparison page `number` (from 1): every measure for its slice of the sources.
    pub(super) fn compare_context(&self, comparison: &Comparison, number: usize) -> Value {
        let n = self.dossier.sources.len();
        let pages = compare_pages(n);
        let range = ((number - 1) * SOURCES_PER_PAGE).min(n)..(number * SOURCES_PER_PAGE).min(n);
        let slice = |len: usize| range.start.min(len)..range.end.min(len);
        let index = self
            .compare_index
            .get_or_init(|| PageIndex::new(&self.dossier.sources, comparison));
        let positions = &index.positions;
        let page = number - 1;
        let columns: Vec<Value> = range
            .clone()
            .map(|i| {
                let source = &self.dossier.sources[i];
                let check = &comparison.headline_checks[i];
                json!({
                    "label": self.column_label(i),
                    "card": self.sources[i],
                    "deck": source.deck,
                    "lede": source.paragraphs.first().map(|p| p.text.as_str()),
                    "lede_url": source.paragraphs.first().map(|p| self.evidence_url(i, &p.anchor)),
                    "headline_check": check,
                    "sentences": comparison.sentence_counts[i],
                })
            })
            .collect();
        let link = |k: usize| (1..=pages).contains(&k).then(|| compare_page_path(k));
        let pager = json!({
            "number": number,
            "count": pages,
            "first": range.start + 1,
            "last": range.end,
            "total": n,
            "first_url": link(1).filter(|_| number > 1),
            "previous_url": link(number.wrapping_sub(1)),
            "next_url": link(number + 1),
            "last_url": link(pages).filter(|_| number < pages),
        });

        let frames: Vec<Value> = comparison
            .frames
            .iter()
            .map(|row| {
                json!({
                    "id": row.id,
                    "label": row.label,
                    "description": row.description,
                    "cells": row.cells[slice(row.cells.len())].iter().zip(range.clone()).map(|(cell, i)| json!({
                        "count": cell.count,
                        "percent": cell.percent,
                        "heat": cell.percent.div_ceil(10),
                        "url": format!("{}#frame-{}", page_path(Section::Sources, &self.dossier.sources[i].slug), row.id),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();

        let loaded: Vec<Value> = comparison
            .loaded
            .iter()
            .enumerate()
            .map(|(r, row)| {
                json!({
                    "category": row.category,
                    "description": row.description,
                    "cells": row.cells[slice(row.cells.len())].iter().zip(&row.quoted[slice(row.quoted.len())]).zip(range.clone()).map(|((hits, quoted), i)| {
                        json!({
                            "count": hits.len(),
                            "terms": term_counts(hits),
                            "quoted_count": quoted.len(),
                            "quoted_terms": term_counts(quoted),
                            "url": format!("{}#loaded-{r}", page_path(Section::Sources, &self.dossier.sources[i].slug)),
                        })
                    }).collect::<Vec<_>>(),
                })
            })
            .collect();

        let naming: Vec<Value> = comparison
            .naming
            .iter()
            .map(|row| {
                json!({
                    "label": row.label,
                    "varies": row.varies,
                    "cells": row.cells[slice(row.cells.len())].iter().zip(range.clone()).map(|(uses, i)| uses.iter().map(|u| json!({
                        "variant": u.variant,
                        "count": u.count,
                        "url": self.evidence_url(i, &u.anchor),
                    })).collect::<Vec<_>>()).collect::<Vec<_>>(),
                })
            })
            .collect();

        let found = &comparison.found_naming;
        let found_naming: Vec<FoundNamingView> = found
            .actors
            .iter()
            .enumerate()
            .map(|(a, f)| self.found_naming_view(a, f, &range))
            .collect();

        let voices: Vec<Value> = comparison.voices[slice(comparison.voices.len())]
            .iter()
            .zip(range.clone())
            .map(|(v, i)| {
                json!({
                    "label": self.column_label(i),
                    "groups": v.groups,
                    "speakers": v.speakers.iter().map(|s| json!({
                        "who": if s.is_actor { self.actor_link(&s.speaker) } else { json!({ "name": s.speaker, "url": null }) },
                        "group": s.group,
                        "direct": s.direct,
                        "indirect": s.indirect,
                        "words": s.words,
                        "verbs": s.verbs,
                        "urls": s.anchors.iter().map(|a| self.evidence_url(i, a)).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                    "silent": v.silent.iter().map(|s| self.actor_link(s)).collect::<Vec<_>>(),
                    "unattributed_percent": v.unattributed_percent,
                    "unattributed_sentences": v.unattributed_sentences,
                })
            })
            .collect();

        let claims: Vec<Value> = comparison
            .claims
            .iter()
            .enumerate()
            .map(|(claim, row)| {
                json!({
                    "id": row.id,
                    "title": row.title,
                    "question": row.question,
                    "contested": row.contested,
                    "cells": row.cells[slice(row.cells.len())].iter().zip(range.clone()).map(|(cell, i)| json!({
                        "stance": cell.stance,
                        "url": cell.cite.as_deref().map(|a| self.evidence_url(i, a)),
                        "note": cell.note,
                    })).collect::<Vec<_>>(),
                    "unreviewed": index.unreviewed[page].get(&claim).into_iter().flatten().map(|&i| {
                        let (slug, e) = &row.unreviewed[i];
                        let i = positions.get(slug.as_str()).copied().unwrap_or(0);
                        json!({ "source": self.column_label(i), "url": self.evidence_url(i, &e.anchor), "html": e.marked() })
                    }).collect::<Vec<_>>(),
                })
            })
            .collect();

        let discrepancies: Vec<Value> = comparison
            .discrepancies
            .iter()
            .map(|row| {
                json!({
                    "label": row.label,
                    "differs": row.differs,
                    "cells": row.cells[slice(row.cells.len())].iter().zip(range.clone()).map(|(values, i)| self.evidence_list(i, values)).collect::<Vec<_>>(),
                })
            })
            .collect();

        let coverage =
            |rows: &[crate::analyse::compare::CoverageRow], actors: bool| -> Vec<Value> {
                rows.iter()
                    .map(|row| {
                        json!({
                            "label": row.label,
                            "url": actors.then(|| page_path(Section::Actors, &row.id)),
                            "cells": self.coverage_cells(&row.sources, &range),
                        })
                    })
                    .collect()
            };

        let label_of = |slug: &str| {
            let i = positions.get(slug).copied().unwrap_or(0);
            (self.column_label(i), i)
        };
        let reuse_pairs: Vec<Value> = index.pairs[page]
            .iter()
            .map(|&i| {
                let p = &comparison.reuse.pairs[i];
                let (a_label, a) = label_of(&p.a);
                let (b_label, b) = label_of(&p.b);
                json!({
                    "a": a_label, "a_url": page_path(Section::Sources, &self.dossier.sources[a].slug),
                    "b": b_label, "b_url": page_path(Section::Sources, &self.dossier.sources[b].slug),
                    "a_in_b": p.a_in_b, "b_in_a": p.b_in_a,
                })
            })
            .collect();
        let overlap = &comparison.reuse.overlap;
        let reuse_rows: Vec<Value> = overlap[slice(overlap.len())]
            .iter()
            .zip(range.clone())
            .map(|(cells, i)| json!({ "label": self.column_label(i), "cells": cells[slice(cells.len())] }))
            .collect();
        let passages: Vec<Value> = index.passages[page]
            .iter()
            .map(|&i| {
                let p = &comparison.reuse.passages[i];
                let (a_label, a) = label_of(&p.a);
                let (b_label, b) = label_of(&p.b);
                json!({
                    "a": a_label, "a_url": self.evidence_url(a, &p.a_anchor),
                    "b": b_label, "b_url": self.evidence_url(b, &p.b_anchor),
                    "percent": p.percent,
                    "diff": p.diff,
                })
            })
            .collect();

        json!({
            "pager": pager,
            "columns": columns,
            "frames": frames,
            "loaded": loaded,
            "naming": naming,
            "found_naming": FoundNamingSection {
                actors: found_naming,
                eligible: found.eligible,
                actors_limit: crate::analyse::naming::ACTORS_SHOWN,
                rows_limit: crate::analyse::naming::ROWS_SHOWN,
            },
            "voices": voices,
            "claims": claims,
            "discrepancies": discrepancies,
            "actor_coverage": coverage(&comparison.actor_coverage[..comparison.actor_coverage.len().min(COVERAGE_ACTORS)], true),
            "actors_covered": comparison.actor_coverage.len(),
            "actors_shown": comparison.actor_coverage.len().min(COVERAGE_ACTORS),
            "topic_coverage": coverage(&comparison.topic_coverage, false),
            "reuse": { "window": comparison.reuse.window, "rows": reuse_rows, "pairs": reuse_pairs, "passages": passages },
            "lexicon_sizes": comparison.lexicon_sizes,
            "has_framing": !comparison.frames.is_empty(),
            "has_claims": !self.dossier.claims.is_empty(),
        })
    }
}

/// Each cue of `hits` (lower-cased) with how often it occurs, in order of first use.
fn term_counts(hits: &[Evidence]) -> Vec<(String, usize)> {
    let mut terms: Vec<(String, usize)> = Vec::new();
    for cue in hits.iter().flat_map(|e| &e.cues) {
        let cue = cue.to_lowercase();
        match terms.iter_mut().find(|(t, _)| *t == cue) {
            Some((_, count)) => *count += 1,
            None => terms.push((cue, 1)),
        }
    }
    terms
}
