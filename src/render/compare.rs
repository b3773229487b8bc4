//! The comparison page's view: the analysis's findings turned into rows and cells
//! with links to the paragraphs they rest on.

use super::{page_path, Views};
use crate::analyse::compare::{Comparison, Evidence};
use crate::load::Section;
use serde_json::{json, Value};

/// Rows of the actor coverage table: the actors most sources name. Every actor's
/// own page lists all the sources that name it.
const COVERAGE_ACTORS: usize = 40;

impl Views<'_> {
    /// One cell per source: a link to the sentence that covers the row, or none.
    fn coverage_cells(&self, covered: &[crate::analyse::compare::Covered]) -> Vec<Option<String>> {
        let mut cells = vec![None; self.dossier.sources.len()];
        for c in covered {
            cells[c.source] = Some(self.evidence_url(c.source, &c.anchor));
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

    fn evidence_list(&self, index: usize, list: &[Evidence]) -> Vec<Value> {
        list.iter()
            .map(|e| json!({ "url": self.evidence_url(index, &e.anchor), "html": e.marked(), "cues": e.cues }))
            .collect()
    }

    /// A short name for a source in column headers: its outlet, or its headline.
    pub(super) fn column_label(&self, index: usize) -> String {
        let source = &self.dossier.sources[index];
        if source.outlet.value.eq_ignore_ascii_case("unknown") {
            crate::resolve::truncate_words(&source.headline, 40)
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
                let hits = row.cells.get(index).filter(|h| !h.is_empty())?;
                let mut terms: Vec<String> = hits
                    .iter()
                    .flat_map(|e| e.cues.iter().map(|c| c.to_lowercase()))
                    .collect();
                terms.sort();
                terms.dedup();
                Some(json!({
                    "id": format!("loaded-{r}"),
                    "category": row.category,
                    "terms": terms,
                    "sentences": self.evidence_list(index, hits),
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
        json!({ "frames": frames, "loaded": loaded, "naming": naming, "sentences": comparison.sentence_counts.get(index) })
    }

    pub(super) fn compare_context(&self, comparison: &Comparison) -> Value {
        let n = self.dossier.sources.len();
        let positions: std::collections::HashMap<&str, usize> = self
            .dossier
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.slug.as_str(), i))
            .collect();
        let columns: Vec<Value> = (0..n)
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

        let frames: Vec<Value> = comparison
            .frames
            .iter()
            .map(|row| {
                json!({
                    "id": row.id,
                    "label": row.label,
                    "description": row.description,
                    "cells": row.cells.iter().enumerate().map(|(i, cell)| json!({
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
                    "cells": row.cells.iter().enumerate().map(|(i, hits)| {
                        let mut terms: Vec<(String, usize)> = Vec::new();
                        for cue in hits.iter().flat_map(|e| &e.cues) {
                            let cue = cue.to_lowercase();
                            match terms.iter_mut().find(|(t, _)| *t == cue) {
                                Some((_, count)) => *count += 1,
                                None => terms.push((cue, 1)),
                            }
                        }
                        json!({
                            "count": hits.len(),
                            "terms": terms,
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
                    "cells": row.cells.iter().enumerate().map(|(i, uses)| uses.iter().map(|u| json!({
                        "variant": u.variant,
                        "count": u.count,
                        "url": self.evidence_url(i, &u.anchor),
                    })).collect::<Vec<_>>()).collect::<Vec<_>>(),
                })
            })
            .collect();

        let voices: Vec<Value> = comparison
            .voices
            .iter()
            .enumerate()
            .map(|(i, v)| {
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
            .map(|row| {
                json!({
                    "id": row.id,
                    "title": row.title,
                    "question": row.question,
                    "contested": row.contested,
                    "cells": row.cells.iter().enumerate().map(|(i, cell)| json!({
                        "stance": cell.stance,
                        "url": cell.cite.as_deref().map(|a| self.evidence_url(i, a)),
                        "note": cell.note,
                    })).collect::<Vec<_>>(),
                    "unreviewed": row.unreviewed.iter().map(|(slug, e)| {
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
                    "cells": row.cells.iter().enumerate().map(|(i, values)| self.evidence_list(i, values)).collect::<Vec<_>>(),
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
                            "cells": self.coverage_cells(&row.sources),
                        })
                    })
                    .collect()
            };

        let label_of = |slug: &str| {
            let i = positions.get(slug).copied().unwrap_or(0);
            (self.column_label(i), i)
        };
        let reuse_pairs: Vec<Value> = comparison
            .reuse
            .pairs
            .iter()
            .map(|p| {
                let (a_label, a) = label_of(&p.a);
                let (b_label, b) = label_of(&p.b);
                json!({
                    "a": a_label, "a_url": page_path(Section::Sources, &self.dossier.sources[a].slug),
                    "b": b_label, "b_url": page_path(Section::Sources, &self.dossier.sources[b].slug),
                    "a_in_b": p.a_in_b, "b_in_a": p.b_in_a,
                })
            })
            .collect();
        let reuse_rows: Vec<Value> = comparison
            .reuse
            .overlap
            .iter()
            .enumerate()
            .map(|(i, cells)| json!({ "label": self.column_label(i), "cells": cells }))
            .collect();
        let passages: Vec<Value> = comparison
            .reuse
            .passages
            .iter()
            .map(|p| {
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
            "columns": columns,
            "frames": frames,
            "loaded": loaded,
            "naming": naming,
            "voices": voices,
            "claims": claims,
            "discrepancies": discrepancies,
            "actor_coverage": coverage(&comparison.actor_coverage[..comparison.actor_coverage.len().min(COVERAGE_ACTORS)], true),
            "actors_covered": comparison.actor_coverage.len(),
            "actors_shown": comparison.actor_coverage.len().min(COVERAGE_ACTORS),
            "topic_coverage": coverage(&comparison.topic_coverage, false),
            "reuse": { "window": comparison.reuse.window, "rows": reuse_rows, "pairs": reuse_pairs, "passages": passages },
            "lexicon_sizes": comparison.lexicon_sizes,
            "has_framing": self.dossier.framing.is_some(),
            "has_claims": !self.dossier.claims.is_empty(),
        })
    }
}
