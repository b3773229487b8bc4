//! The comparison pages: the analysis's findings for a slice of the sources,
//! turned into rows and cells that link to the sentences they rest on or to
//! the framing box of a source's page (`framing`).

use super::framing::{frame_id, loaded_id, named_id};
use super::jobs::PageJob;
use super::pages::PageContext;
use super::views::{source_label, source_url, Naming, SourceCard, Views};
use crate::analyse::compare::{
    self as found, Comparison, DiffPart, Evidence, HeadlineCheck, VoiceGroup,
};
use crate::analyse::naming::{FoundNaming, PhrasingKind, PhrasingUse};
use crate::error::{Error, Result};
use crate::model::{Section, Stance};
use crate::urls::page_path;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// Rows of the actor coverage table: the actors most sources name. Every actor's
/// own page lists all the sources that name it.
const COVERAGE_ACTORS: usize = 40;

/// Sources compared on one page: as many columns as a table can show side by
/// side. A larger dossier gets a run of comparison pages, each a slice of the
/// sources, so no page (and no build) grows with the square of the corpus.
const SOURCES_PER_PAGE: usize = 30;

/// The site-relative path of comparison page `number` (from 1).
fn compare_page_path(number: usize) -> String {
    match number {
        1 => "compare.html".to_string(),
        n => format!("compare-{n}.html"),
    }
}

/// The comparison page that shows source `index`.
pub(super) fn compare_page_of(index: usize) -> String {
    compare_page_path(index / SOURCES_PER_PAGE + 1)
}

/// How many comparison pages a dossier of `sources` sources has.
fn compare_pages(sources: usize) -> usize {
    sources.div_ceil(SOURCES_PER_PAGE).max(1)
}

/// The findings that span two sources, sorted once by the comparison page
/// that shows them (that of the first source), each with the positions of
/// both sources, so building a page costs what the page shows and no page
/// looks a source up by slug.
pub(super) struct PageIndex {
    /// By page: (the pair's position in the findings, its two sources).
    pairs: Vec<Vec<(usize, usize, usize)>>,
    passages: Vec<Vec<(usize, usize, usize)>>,
    /// By page and claim: (the match's position in the claim's list, its source).
    unreviewed: Vec<HashMap<usize, Vec<(usize, usize)>>>,
}

impl PageIndex {
    /// An error when a finding names a source the dossier does not have: the
    /// analysis and the dossier disagree, and no link would be right.
    pub(super) fn new(sources: &[crate::ingest::Source], comparison: &Comparison) -> Result<Self> {
        let pages = compare_pages(sources.len());
        let positions: HashMap<&str, usize> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.slug.as_str(), i))
            .collect();
        let position = |slug: &str| {
            positions.get(slug).copied().ok_or_else(|| Error::Template {
                template: "compare.html".to_string(),
                message: format!(
                    "the comparison names a source `{slug}` the dossier does not have"
                ),
            })
        };
        let mut index = PageIndex {
            pairs: vec![Vec::new(); pages],
            passages: vec![Vec::new(); pages],
            unreviewed: vec![HashMap::new(); pages],
        };
        let reuse = &comparison.reuse;
        let pairs = reuse.pairs.iter().map(|p| (&p.a, &p.b));
        for (i, (a, b)) in pairs.enumerate() {
            let (a, b) = (position(a)?, position(b)?);
            index.pairs[a / SOURCES_PER_PAGE].push((i, a, b));
        }
        let passages = reuse.passages.iter().map(|p| (&p.a, &p.b));
        for (i, (a, b)) in passages.enumerate() {
            let (a, b) = (position(a)?, position(b)?);
            index.passages[a / SOURCES_PER_PAGE].push((i, a, b));
        }
        for (claim, row) in comparison.claims.iter().enumerate() {
            for (i, found) in row.unreviewed.iter().enumerate() {
                let source = position(&found.source)?;
                let page = &mut index.unreviewed[source / SOURCES_PER_PAGE];
                page.entry(claim).or_default().push((i, source));
            }
        }
        Ok(index)
    }
}

#[derive(Serialize, JsonSchema)]
pub(super) struct ComparePage<'a> {
    compare: CompareView<'a>,
}

/// Every measure of the comparison for one page's slice of the sources.
#[derive(Serialize, JsonSchema)]
struct CompareView<'a> {
    pager: Pager,
    columns: Vec<Column<'a>>,
    frames: Vec<FrameRow<'a>>,
    loaded: Vec<LoadedRow<'a>>,
    naming: Vec<NamingRow<'a>>,
    found_naming: FoundNamingSection,
    voices: Vec<VoiceColumn<'a>>,
    claims: Vec<ClaimRow<'a>>,
    discrepancies: Vec<DiscrepancyRow<'a>>,
    actor_coverage: Vec<CoverageRow<'a>>,
    /// Actors any source names, shown or not.
    actors_covered: usize,
    actors_shown: usize,
    topic_coverage: Vec<CoverageRow<'a>>,
    reuse: ReuseView<'a>,
    lexicon_sizes: &'a BTreeMap<String, usize>,
    has_framing: bool,
    has_claims: bool,
}

/// Where a comparison page stands in the run of them.
#[derive(Serialize, JsonSchema)]
struct Pager {
    number: usize,
    count: usize,
    /// The 1-based positions of the page's first and last source.
    first: usize,
    last: usize,
    total: usize,
    first_url: Option<String>,
    previous_url: Option<String>,
    next_url: Option<String>,
    last_url: Option<String>,
}

/// One source of the page, as a column.
#[derive(Serialize, JsonSchema)]
struct Column<'a> {
    label: String,
    card: &'a SourceCard<'a>,
    deck: &'a [String],
    lede: Option<&'a str>,
    lede_url: Option<String>,
    headline_check: &'a HeadlineCheck,
    sentences: usize,
}

/// A sentence a finding rests on.
#[derive(Serialize, JsonSchema)]
pub(super) struct EvidenceView<'a> {
    url: String,
    html: String,
    cues: &'a [String],
}

#[derive(Serialize, JsonSchema)]
struct FrameRow<'a> {
    id: &'a str,
    label: &'a str,
    description: &'a str,
    cells: Vec<FrameCell>,
}

#[derive(Serialize, JsonSchema)]
struct FrameCell {
    count: usize,
    percent: usize,
    heat: usize,
    url: String,
}

#[derive(Serialize, JsonSchema)]
struct LoadedRow<'a> {
    category: &'a str,
    description: &'a str,
    cells: Vec<LoadedCell>,
}

#[derive(Serialize, JsonSchema)]
struct LoadedCell {
    count: usize,
    terms: Vec<(String, usize)>,
    quoted_count: usize,
    quoted_terms: Vec<(String, usize)>,
    url: String,
}

#[derive(Serialize, JsonSchema)]
struct NamingRow<'a> {
    label: &'a str,
    varies: bool,
    cells: Vec<Vec<NameUseView<'a>>>,
}

#[derive(Serialize, JsonSchema)]
struct NameUseView<'a> {
    variant: &'a str,
    count: usize,
    url: String,
}

/// The found naming of a comparison page.
#[derive(Serialize, JsonSchema)]
struct FoundNamingSection {
    /// One table per actor, most mentioned first.
    actors: Vec<FoundNamingTable>,
    /// Actors named by at least two sources, shown or not.
    eligible: usize,
    /// At most this many actors get a table, and this many phrasings a row.
    actors_limit: usize,
    rows_limit: usize,
}

/// One actor's found-naming table on a comparison page.
#[derive(Serialize, JsonSchema)]
struct FoundNamingTable {
    /// The actor's name and page.
    label: String,
    url: String,
    /// Its mentions, in all sources.
    mentions: usize,
    /// How many sources name it (all pages).
    sources: usize,
    rows: Vec<PhrasingRow>,
    /// Phrasings found but not shown.
    more: usize,
}

#[derive(Serialize, JsonSchema)]
struct PhrasingRow {
    text: String,
    /// How it was found: `name`, `title`, `honorific` or `apposition`.
    kind: PhrasingKind,
    differs: bool,
    /// One per source of the page.
    cells: Vec<PhrasingCell>,
}

#[derive(Serialize, JsonSchema)]
struct PhrasingCell {
    /// Uses in the outlet's own words.
    count: usize,
    /// Uses inside quotations.
    quoted: usize,
    /// Whether the source names the actor at all.
    names: bool,
    /// The list of its sentences on the source's page; null when it has none.
    url: Option<String>,
}

/// Who one source gives a voice to.
#[derive(Serialize, JsonSchema)]
struct VoiceColumn<'a> {
    label: String,
    groups: &'a [VoiceGroup],
    speakers: Vec<SpeakerView<'a>>,
    silent: Vec<Voice<'a>>,
    unattributed_percent: usize,
    unattributed_sentences: usize,
}

#[derive(Serialize, JsonSchema)]
struct SpeakerView<'a> {
    who: Voice<'a>,
    group: &'a str,
    direct: usize,
    indirect: usize,
    words: usize,
    verbs: &'a [String],
    urls: Vec<String>,
}

/// Someone quoted or named: an actor, with its page, or words with none.
#[derive(Serialize, JsonSchema)]
struct Voice<'a> {
    name: &'a str,
    url: Option<String>,
}

#[derive(Serialize, JsonSchema)]
struct ClaimRow<'a> {
    id: &'a str,
    title: &'a str,
    question: Option<&'a str>,
    contested: bool,
    cells: Vec<ClaimCell<'a>>,
    unreviewed: Vec<Unreviewed>,
}

#[derive(Serialize, JsonSchema)]
struct ClaimCell<'a> {
    stance: Option<Stance>,
    url: Option<String>,
    note: Option<&'a str>,
}

/// A sentence matching a claim's keywords in a source with no recorded stance.
#[derive(Serialize, JsonSchema)]
struct Unreviewed {
    source: String,
    url: String,
    html: String,
}

#[derive(Serialize, JsonSchema)]
struct DiscrepancyRow<'a> {
    label: &'a str,
    differs: bool,
    cells: Vec<Vec<EvidenceView<'a>>>,
}

#[derive(Serialize, JsonSchema)]
struct CoverageRow<'a> {
    label: &'a str,
    url: Option<String>,
    cells: Vec<Option<String>>,
}

#[derive(Serialize, JsonSchema)]
struct ReuseView<'a> {
    window: usize,
    winnow: usize,
    rows: Vec<OverlapRow<'a>>,
    pairs: Vec<ReusePair>,
    passages: Vec<Passage<'a>>,
}

#[derive(Serialize, JsonSchema)]
struct OverlapRow<'a> {
    label: String,
    cells: &'a [usize],
}

#[derive(Serialize, JsonSchema)]
struct ReusePair {
    a: String,
    a_url: String,
    b: String,
    b_url: String,
    a_in_b: usize,
    b_in_a: usize,
}

#[derive(Serialize, JsonSchema)]
struct Passage<'a> {
    a: String,
    a_url: String,
    b: String,
    b_url: String,
    percent: usize,
    diff: &'a [DiffPart],
}

/// The use of a phrasing by source `index`, if any (`uses` is in source order).
pub(super) fn use_of(uses: &[PhrasingUse], index: usize) -> Option<&PhrasingUse> {
    uses.binary_search_by_key(&index, |u| u.source)
        .ok()
        .map(|i| &uses[i])
}

impl Views<'_> {
    /// The comparison pages, one per slice of the sources.
    pub(super) fn compare_jobs(&self) -> impl Iterator<Item = PageJob<'_>> {
        let pages = compare_pages(self.dossier.sources.len());
        (1..=pages).map(move |number| {
            let title = match pages {
                1 => "How the sources compare".to_string(),
                _ => format!("How the sources compare ({number} of {pages})"),
            };
            PageJob::new(compare_page_path(number), title, move || {
                PageContext::Compare(ComparePage {
                    compare: self.compare_view(number),
                })
            })
        })
    }

    /// The site-relative link to a sentence's paragraph in source `index`.
    fn evidence_url(&self, index: usize, anchor: &str) -> String {
        source_url(&self.dossier.sources[index].slug, Some(anchor))
    }

    pub(super) fn evidence_views<'e>(
        &self,
        index: usize,
        list: &'e [Evidence],
    ) -> Vec<EvidenceView<'e>> {
        list.iter()
            .map(|e| EvidenceView {
                url: self.evidence_url(index, &e.anchor),
                html: e.marked(),
                cues: &e.cues,
            })
            .collect()
    }

    /// A short name for source `index` in column headers.
    fn column_label(&self, index: usize) -> String {
        source_label(&self.dossier.sources[index], Naming::Short)
    }

    fn voice<'v>(&'v self, slug: &'v str) -> Voice<'v> {
        match self.dossier.actor(slug) {
            Some(actor) => Voice {
                name: &actor.meta.name,
                url: Some(page_path(Section::Actors, slug)),
            },
            None => Voice {
                name: slug,
                url: None,
            },
        }
    }

    /// Comparison page `number` (from 1): every measure for its slice of the sources.
    fn compare_view(&self, number: usize) -> CompareView<'_> {
        let comparison = &self.analysis.comparison;
        let n = self.dossier.sources.len();
        let range = ((number - 1) * SOURCES_PER_PAGE).min(n)..(number * SOURCES_PER_PAGE).min(n);
        let page = Page {
            views: self,
            comparison,
            range,
        };
        let index = &self.compare_index;
        let actors_shown = comparison.actor_coverage.len().min(COVERAGE_ACTORS);
        CompareView {
            pager: page.pager(number, n),
            columns: page.columns(),
            frames: page.frames(),
            loaded: page.loaded(),
            naming: page.naming(),
            found_naming: page.found_naming(),
            voices: page.voices(),
            claims: page.claims(&index.unreviewed[number - 1]),
            discrepancies: page.discrepancies(),
            actor_coverage: page.coverage(&comparison.actor_coverage[..actors_shown], true),
            actors_covered: comparison.actor_coverage.len(),
            actors_shown,
            topic_coverage: page.coverage(&comparison.topic_coverage, false),
            reuse: page.reuse(&index.pairs[number - 1], &index.passages[number - 1]),
            lexicon_sizes: &comparison.lexicon_sizes,
            has_framing: !comparison.frames.is_empty(),
            has_claims: !self.dossier.claims.is_empty(),
        }
    }
}

/// One comparison page being built: the sources in `range`.
struct Page<'v> {
    views: &'v Views<'v>,
    comparison: &'v Comparison,
    range: Range<usize>,
}

impl<'v> Page<'v> {
    /// The part of a row with one cell per source that this page shows.
    fn slice<'c, T>(&self, cells: &'c [T]) -> impl Iterator<Item = (&'c T, usize)> {
        let shown = self.shown(cells.len());
        cells[shown.clone()].iter().zip(shown)
    }

    /// The positions of this page's sources in a row of `len` cells.
    fn shown(&self, len: usize) -> Range<usize> {
        self.range.start.min(len)..self.range.end.min(len)
    }

    fn pager(&self, number: usize, total: usize) -> Pager {
        let count = compare_pages(total);
        let link = |k: usize| (1..=count).contains(&k).then(|| compare_page_path(k));
        Pager {
            number,
            count,
            first: self.range.start + 1,
            last: self.range.end,
            total,
            first_url: link(1).filter(|_| number > 1),
            previous_url: link(number.wrapping_sub(1)),
            next_url: link(number + 1),
            last_url: link(count).filter(|_| number < count),
        }
    }

    fn columns(&self) -> Vec<Column<'v>> {
        let views = self.views;
        self.range
            .clone()
            .map(|i| {
                let source = &views.dossier.sources[i];
                let lede = source.paragraphs.first();
                Column {
                    label: views.column_label(i),
                    card: &views.sources[i],
                    deck: &source.deck,
                    lede: lede.map(|p| p.text.as_str()),
                    lede_url: lede.map(|p| views.evidence_url(i, &p.anchor)),
                    headline_check: &self.comparison.headline_checks[i],
                    sentences: self.comparison.sentence_counts[i],
                }
            })
            .collect()
    }

    /// The link from a cell to the framing box of source `i`'s page.
    fn box_url(&self, i: usize, id: &str) -> String {
        source_url(&self.views.dossier.sources[i].slug, Some(id))
    }

    fn frames(&self) -> Vec<FrameRow<'v>> {
        self.comparison
            .frames
            .iter()
            .map(|row| FrameRow {
                id: &row.id,
                label: &row.label,
                description: &row.description,
                cells: self
                    .slice(&row.cells)
                    .map(|(cell, i)| FrameCell {
                        count: cell.count,
                        percent: cell.percent,
                        heat: cell.percent.div_ceil(10),
                        url: self.box_url(i, &frame_id(&row.id)),
                    })
                    .collect(),
            })
            .collect()
    }

    fn loaded(&self) -> Vec<LoadedRow<'v>> {
        self.comparison
            .loaded
            .iter()
            .enumerate()
            .map(|(r, row)| LoadedRow {
                category: &row.category,
                description: &row.description,
                cells: self
                    .slice(&row.cells)
                    .zip(self.slice(&row.quoted))
                    .map(|((hits, i), (quoted, _))| LoadedCell {
                        count: hits.len(),
                        terms: term_counts(hits),
                        quoted_count: quoted.len(),
                        quoted_terms: term_counts(quoted),
                        url: self.box_url(i, &loaded_id(r)),
                    })
                    .collect(),
            })
            .collect()
    }

    fn naming(&self) -> Vec<NamingRow<'v>> {
        self.comparison
            .naming
            .iter()
            .map(|row| NamingRow {
                label: &row.label,
                varies: row.varies,
                cells: self
                    .slice(&row.cells)
                    .map(|(uses, i)| {
                        uses.iter()
                            .map(|u| NameUseView {
                                variant: &u.variant,
                                count: u.count,
                                url: self.views.evidence_url(i, &u.anchor),
                            })
                            .collect()
                    })
                    .collect(),
            })
            .collect()
    }

    fn found_naming(&self) -> FoundNamingSection {
        let found = &self.comparison.found_naming;
        FoundNamingSection {
            actors: found
                .actors
                .iter()
                .enumerate()
                .map(|(a, f)| self.found_naming_table(a, f))
                .collect(),
            eligible: found.eligible,
            actors_limit: crate::analyse::naming::ACTORS_SHOWN,
            rows_limit: crate::analyse::naming::ROWS_SHOWN,
        }
    }

    /// One actor's found-naming table.
    fn found_naming_table(&self, a: usize, found: &FoundNaming) -> FoundNamingTable {
        let rows = found
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| PhrasingRow {
                text: row.text.clone(),
                kind: row.kind,
                differs: row.differs,
                cells: self
                    .range
                    .clone()
                    .map(|i| {
                        let used = use_of(&row.uses, i);
                        PhrasingCell {
                            count: used.map_or(0, |u| u.count),
                            quoted: used.map_or(0, |u| u.quoted),
                            names: found.sources.binary_search(&i).is_ok(),
                            url: used.map(|_| self.box_url(i, &named_id(a, r))),
                        }
                    })
                    .collect(),
            })
            .collect();
        FoundNamingTable {
            label: found.label.clone(),
            url: page_path(Section::Actors, &found.actor),
            mentions: found.mentions,
            sources: found.sources.len(),
            rows,
            more: found.more,
        }
    }

    fn voices(&self) -> Vec<VoiceColumn<'v>> {
        let views = self.views;
        self.slice(&self.comparison.voices)
            .map(|(v, i)| VoiceColumn {
                label: views.column_label(i),
                groups: &v.groups,
                speakers: v
                    .speakers
                    .iter()
                    .map(|s| SpeakerView {
                        who: match s.is_actor {
                            true => views.voice(&s.speaker),
                            false => Voice {
                                name: &s.speaker,
                                url: None,
                            },
                        },
                        group: &s.group,
                        direct: s.direct,
                        indirect: s.indirect,
                        words: s.words,
                        verbs: &s.verbs,
                        urls: s.anchors.iter().map(|a| views.evidence_url(i, a)).collect(),
                    })
                    .collect(),
                silent: v.silent.iter().map(|s| views.voice(s)).collect(),
                unattributed_percent: v.unattributed_percent,
                unattributed_sentences: v.unattributed_sentences,
            })
            .collect()
    }

    /// The claims, with the unreviewed matches `unreviewed` lists for this page.
    fn claims(&self, unreviewed: &HashMap<usize, Vec<(usize, usize)>>) -> Vec<ClaimRow<'v>> {
        let views = self.views;
        self.comparison
            .claims
            .iter()
            .enumerate()
            .map(|(claim, row)| ClaimRow {
                id: &row.id,
                title: &row.title,
                question: row.question.as_deref(),
                contested: row.contested,
                cells: self
                    .slice(&row.cells)
                    .map(|(cell, i)| ClaimCell {
                        stance: cell.stance,
                        url: cell.cite.as_deref().map(|a| views.evidence_url(i, a)),
                        note: cell.note.as_deref(),
                    })
                    .collect(),
                unreviewed: unreviewed
                    .get(&claim)
                    .into_iter()
                    .flatten()
                    .map(|&(k, source)| {
                        let evidence = &row.unreviewed[k].evidence;
                        Unreviewed {
                            source: views.column_label(source),
                            url: views.evidence_url(source, &evidence.anchor),
                            html: evidence.marked(),
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    fn discrepancies(&self) -> Vec<DiscrepancyRow<'v>> {
        self.comparison
            .discrepancies
            .iter()
            .map(|row| DiscrepancyRow {
                label: &row.label,
                differs: row.differs,
                cells: self
                    .slice(&row.cells)
                    .map(|(values, i)| self.views.evidence_views(i, values))
                    .collect(),
            })
            .collect()
    }

    /// Coverage rows, each cell linking to the first sentence that covers the
    /// row in the source, if any; `actors` rows link to the actor's page.
    fn coverage(&self, rows: &'v [found::CoverageRow], actors: bool) -> Vec<CoverageRow<'v>> {
        rows.iter()
            .map(|row| {
                let mut cells = vec![None; self.range.len()];
                // `sources` is in source order.
                let covered = &row.sources;
                let from = covered.partition_point(|c| c.source < self.range.start);
                let to = covered.partition_point(|c| c.source < self.range.end);
                for c in &covered[from..to] {
                    cells[c.source - self.range.start] =
                        Some(self.views.evidence_url(c.source, &c.anchor));
                }
                CoverageRow {
                    label: &row.label,
                    url: actors.then(|| page_path(Section::Actors, &row.id)),
                    cells,
                }
            })
            .collect()
    }

    /// Shared text: the overlap of this page's sources with each other, and
    /// the pairs and passages whose first source is on this page.
    fn reuse(
        &self,
        pairs: &[(usize, usize, usize)],
        passages: &[(usize, usize, usize)],
    ) -> ReuseView<'v> {
        let views = self.views;
        let reuse = &self.comparison.reuse;
        let page_of = |i: usize| page_path(Section::Sources, &views.dossier.sources[i].slug);
        ReuseView {
            window: reuse.window,
            winnow: reuse.winnow,
            rows: self
                .slice(&reuse.overlap)
                .map(|(cells, i)| OverlapRow {
                    label: views.column_label(i),
                    cells: &cells[self.shown(cells.len())],
                })
                .collect(),
            pairs: pairs
                .iter()
                .map(|&(k, a, b)| {
                    let pair = &reuse.pairs[k];
                    ReusePair {
                        a: views.column_label(a),
                        a_url: page_of(a),
                        b: views.column_label(b),
                        b_url: page_of(b),
                        a_in_b: pair.a_in_b,
                        b_in_a: pair.b_in_a,
                    }
                })
                .collect(),
            passages: passages
                .iter()
                .map(|&(k, a, b)| {
                    let passage = &reuse.passages[k];
                    Passage {
                        a: views.column_label(a),
                        a_url: views.evidence_url(a, &passage.a_anchor),
                        b: views.column_label(b),
                        b_url: views.evidence_url(b, &passage.b_anchor),
                        percent: passage.percent,
                        diff: &passage.diff,
                    }
                })
                .collect(),
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::compare::SharedPair;

    #[test]
    fn a_finding_about_a_source_the_dossier_lacks_is_an_error_not_a_link() {
        let mut comparison = Comparison::default();
        comparison.reuse.pairs.push(SharedPair {
            a: "gone".to_string(),
            b: "also-gone".to_string(),
            a_in_b: 50,
            b_in_a: 50,
        });
        let error = PageIndex::new(&[], &comparison).err().expect("an error");
        assert!(error.to_string().contains("`gone`"), "{error}");
    }
}
