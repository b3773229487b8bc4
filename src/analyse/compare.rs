//! The comparison of sources: frames, loaded language, naming, voices, claims,
//! discrepancies, coverage and shared text. Every figure keeps the sentences it
//! was counted from, so the page can show its evidence.

use super::quotes::{self, Lexicon, Speaker, StatementKind};
use super::Analysis;
use crate::error::{Error, Result};
use crate::ingest::{Paragraph, Source};
use crate::model::{ActorKind, Stance};
use crate::resolve::Dossier;
use crate::text::comparison_key;
use crate::text::names::{inside_longer_name, is_title_case, opens_sentence, NameEdges};
use crate::text::phrases::PhraseMatcher;
use rayon::prelude::*;
use regex::Regex;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::sync::LazyLock;

mod evidence;
mod headline;
mod reuse;

pub use evidence::{Evidence, EVIDENCE_CHARS};

use headline::headline_check;
use reuse::reuse;

/// A sentence of a source and the paragraph (or headline, deck) it stands in.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Sentence {
    pub anchor: String,
    pub text: String,
    /// Byte ranges of `text` inside quotation marks: someone else's words.
    #[serde(skip)]
    pub quoted: Vec<Range<usize>>,
}

impl Sentence {
    fn is_quoted(&self, range: &Range<usize>) -> bool {
        self.quoted
            .iter()
            .any(|q| q.start <= range.start && range.end <= q.end)
    }
}

#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct Comparison {
    /// Sources in dossier order: the columns of every table.
    pub sources: Vec<String>,
    pub sentence_counts: Vec<usize>,
    pub frames: Vec<FrameRow>,
    pub loaded: Vec<LoadedRow>,
    /// The `[[naming]]` rows of `framing.toml`: the user's own lexicon.
    pub naming: Vec<NamingRow>,
    /// Names and epithets found in the text for each actor, per source: kept
    /// apart from `naming`, which holds only what the user listed.
    pub found_naming: super::naming::FoundNamings,
    pub voices: Vec<Voices>,
    pub claims: Vec<ClaimRow>,
    pub discrepancies: Vec<Discrepancy>,
    pub actor_coverage: Vec<CoverageRow>,
    pub topic_coverage: Vec<CoverageRow>,
    pub reuse: Reuse,
    pub headline_checks: Vec<HeadlineCheck>,
    /// Sizes of the lexicons used, for the methods section.
    pub lexicon_sizes: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FrameRow {
    pub id: String,
    pub label: String,
    pub description: String,
    pub cells: Vec<FrameCell>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FrameCell {
    pub count: usize,
    /// Whole percent of the source's sentences that carry the frame.
    pub percent: usize,
    pub sentences: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct LoadedRow {
    pub category: String,
    pub description: String,
    /// Per source: every hit in the outlet's own words, with its sentence.
    pub cells: Vec<Vec<Evidence>>,
    /// Per source: the hits inside quotations, which are the speakers' words.
    pub quoted: Vec<Vec<Evidence>>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct NamingRow {
    pub referent: String,
    pub label: String,
    /// Per source: which variants it uses, how often, and where first.
    pub cells: Vec<Vec<NameUse>>,
    /// True when the sources do not all use the same variants.
    pub varies: bool,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct NameUse {
    pub variant: String,
    pub count: usize,
    pub anchor: String,
    pub text: String,
}

/// Who one source gives a voice to.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Voices {
    pub speakers: Vec<VoiceRow>,
    pub groups: Vec<VoiceGroup>,
    /// People and organisations the source names but never quotes or paraphrases.
    pub silent: Vec<String>,
    /// Sentences with neither a quotation nor a speech verb.
    pub unattributed_sentences: usize,
    pub unattributed_percent: usize,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VoiceRow {
    /// An actor slug, a name the text gives without an actor file (group "Named, no
    /// actor page"), the words for an unnamed speaker, or "unattributed".
    pub speaker: String,
    pub is_actor: bool,
    pub group: String,
    pub direct: usize,
    pub indirect: usize,
    pub words: usize,
    pub verbs: Vec<String>,
    pub anchors: Vec<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VoiceGroup {
    pub group: String,
    pub direct: usize,
    pub indirect: usize,
    pub words: usize,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ClaimRow {
    pub id: String,
    pub title: String,
    pub question: Option<String>,
    /// Some source supports the claim and another contradicts it.
    pub contested: bool,
    pub cells: Vec<ClaimCell>,
    /// Keyword matches in sources that have no stance yet: to review, never scored.
    pub unreviewed: Vec<UnreviewedMatch>,
}

/// A keyword match in a source that has taken no stance on the claim yet.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct UnreviewedMatch {
    /// The source's slug.
    pub source: String,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ClaimCell {
    pub stance: Option<Stance>,
    pub cite: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Discrepancy {
    pub fact: String,
    pub label: String,
    /// Per source: the values it gives, each with its sentence.
    pub cells: Vec<Vec<Evidence>>,
    pub differs: bool,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CoverageRow {
    pub id: String,
    pub label: String,
    /// The sources that cover it, by index in dossier order, each with the
    /// anchor of the first sentence that does. Sparse: an actor named by few
    /// of many sources costs only what it is named.
    pub sources: Vec<Covered>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Covered {
    pub source: usize,
    pub anchor: String,
}

#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct Reuse {
    /// Shingle length, in words.
    pub window: usize,
    /// Winnowing's window, in shingles: of every this many shingles in a row
    /// the least hash is kept, and shares are counted on those.
    pub winnow: usize,
    /// overlap[i][j]: percent of source i's shingles that source j also has;
    /// empty for dossiers too large to draw as a matrix.
    pub overlap: Vec<Vec<usize>>,
    /// Every pair of sources that shares text, most shared first.
    pub pairs: Vec<SharedPair>,
    pub passages: Vec<SharedPassage>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SharedPair {
    pub a: String,
    pub b: String,
    /// Percent of a's word sequences that b also has, and the other way round.
    pub a_in_b: usize,
    pub b_in_a: usize,
}

/// Two paragraphs that share text, aligned word by word.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SharedPassage {
    pub a: String,
    pub a_anchor: String,
    pub b: String,
    pub b_anchor: String,
    pub percent: usize,
    /// The words of the alignment, in order.
    pub diff: Vec<DiffPart>,
}

/// A run of words of an aligned passage, and which source has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct DiffPart {
    pub side: DiffSide,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DiffSide {
    /// In both sources.
    Same,
    /// Only in the first source (`a`).
    A,
    /// Only in the second (`b`).
    B,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct HeadlineCheck {
    /// Content words of the headline, as written there, whose stem the body uses.
    pub supported: Vec<String>,
    /// Content words of the headline, as written there, whose stem the body never uses.
    pub unsupported: Vec<String>,
    pub matches: bool,
}

pub fn compare(dossier: &Dossier, analysis: &Analysis, lexicon: &Lexicon) -> Result<Comparison> {
    // Shared text reads every source against every other through its own index,
    // apart from the sentence-by-sentence reading: the two run side by side.
    let (shared, comparison) = rayon::join(
        || reuse(&dossier.sources),
        || compare_sentences(dossier, analysis, lexicon),
    );
    let mut comparison = comparison?;
    comparison.reuse = shared;
    Ok(comparison)
}

/// Everything the comparison reads sentence by sentence.
fn compare_sentences(
    dossier: &Dossier,
    analysis: &Analysis,
    lexicon: &Lexicon,
) -> Result<Comparison> {
    let sentences: Vec<Vec<Sentence>> = dossier.sources.par_iter().map(source_sentences).collect();
    let framing = super::framing::effective(dossier.framing.as_ref());
    // Statements grouped by source once: no per-source scan of the whole corpus.
    let mut by_source: HashMap<&str, Vec<&super::SourceStatement>> = HashMap::new();
    for found in &analysis.statements {
        by_source
            .entry(found.source.as_str())
            .or_default()
            .push(found);
    }
    let mut comparison = Comparison {
        sources: dossier.sources.iter().map(|s| s.slug.clone()).collect(),
        sentence_counts: sentences.iter().map(Vec::len).collect(),
        ..Comparison::default()
    };

    let frame_hits = lexicon_hits(
        &sentences,
        framing.frame.iter().map(|f| f.cues.as_slice()),
        false,
    )?;
    comparison.frames = framing
        .frame
        .iter()
        .zip(frame_hits)
        .map(|(frame, per_source)| FrameRow {
            id: frame.id.clone(),
            label: frame.label.clone(),
            description: frame.description.clone(),
            cells: per_source
                .into_iter()
                .zip(&comparison.sentence_counts)
                .map(|(sentences, total)| FrameCell {
                    count: sentences.len(),
                    percent: percent(sentences.len(), *total),
                    sentences,
                })
                .collect(),
        })
        .collect();

    let loaded_hits = lexicon_hits(
        &sentences,
        framing.loaded.iter().map(|l| l.terms.as_slice()),
        true,
    )?;
    comparison.loaded = framing
        .loaded
        .iter()
        .zip(loaded_hits)
        .map(|(loaded, cells)| {
            let (quoted, cells): (Vec<_>, Vec<_>) = cells
                .into_iter()
                .map(|hits| hits.into_iter().partition(|e: &Evidence| e.quoted))
                .unzip();
            LoadedRow {
                category: loaded.category.clone(),
                description: loaded.description.clone(),
                cells,
                quoted,
            }
        })
        .collect();
    // Scare quotes are loaded language too: distance taken with quotation marks.
    comparison.loaded.push(LoadedRow {
        category: "scare quotes".into(),
        description: "Words put in quotation marks without being anyone's speech".into(),
        cells: dossier
            .sources
            .iter()
            .map(|source| {
                let paragraphs: HashMap<&str, &Paragraph> = source
                    .paragraphs
                    .iter()
                    .map(|p| (p.anchor.as_str(), p))
                    .collect();
                by_source
                    .get(source.slug.as_str())
                    .into_iter()
                    .flatten()
                    .filter(|s| s.statement.kind == StatementKind::Scare)
                    .map(|s| {
                        let (anchor, sentence) = match paragraphs.get(s.anchor.as_str()) {
                            Some(paragraph) => sentence_holding(paragraph, s.statement.range.start),
                            None => (s.anchor.clone(), ""),
                        };
                        Evidence::new(anchor, sentence, vec![s.statement.text.clone()])
                    })
                    .collect()
            })
            .collect(),
        quoted: vec![Vec::new(); dossier.sources.len()],
    });

    comparison.naming = naming(&framing.naming, &sentences)?;
    comparison.found_naming = super::naming::found_naming(dossier, analysis)?;
    comparison.voices = dossier
        .sources
        .iter()
        .zip(&sentences)
        .map(|(s, ss)| {
            let said = by_source
                .get(s.slug.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            voices(dossier, analysis, s, said, ss, &lexicon.verb_matcher)
        })
        .collect();
    comparison.claims = claims(dossier, &sentences)?;
    comparison.discrepancies = discrepancies(&framing.fact, &sentences)?;
    comparison.actor_coverage = actor_coverage(dossier, analysis);
    comparison.topic_coverage = lexicon_hits(
        &sentences,
        framing.topic.iter().map(|t| t.cues.as_slice()),
        false,
    )?
    .into_iter()
    .zip(&framing.topic)
    .map(|(cells, topic)| CoverageRow {
        id: topic.id.clone(),
        label: topic.label.clone(),
        sources: cells
            .into_iter()
            .enumerate()
            .filter_map(|(source, hits)| {
                Some(Covered {
                    source,
                    anchor: hits.first()?.anchor.clone(),
                })
            })
            .collect(),
    })
    .collect();
    comparison.headline_checks = dossier.sources.par_iter().map(headline_check).collect();
    comparison.lexicon_sizes = [
        (
            "frame cues",
            framing.frame.iter().map(|f| f.cues.len()).sum(),
        ),
        (
            "loaded terms",
            framing.loaded.iter().map(|l| l.terms.len()).sum(),
        ),
        (
            "naming variants",
            framing.naming.iter().map(|n| n.variants.len()).sum(),
        ),
        (
            "topic cues",
            framing.topic.iter().map(|t| t.cues.len()).sum(),
        ),
        ("fact cues", framing.fact.iter().map(|f| f.cues.len()).sum()),
        ("speech verbs", lexicon.verb_count()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    Ok(comparison)
}

/// A lexicon's phrases in one automaton; a lexicon too large for one is an error,
/// never an empty row.
pub(super) fn compile<'p>(
    phrases: impl IntoIterator<Item = (usize, &'p str)>,
    case_insensitive: bool,
    what: &'static str,
) -> Result<PhraseMatcher> {
    PhraseMatcher::new(phrases, case_insensitive).map_err(|source| Error::Matcher { what, source })
}

fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

/// The headline, the deck and every sentence of the body, in order.
pub fn source_sentences(source: &Source) -> Vec<Sentence> {
    let whole = |anchor: String, text: &str| Sentence {
        anchor,
        text: text.to_string(),
        quoted: quoted_ranges(&quoted_spans(text), 0..text.len()),
    };
    let mut out: Vec<Sentence> = source
        .standing_lines()
        .map(|(anchor, text)| whole(anchor, text))
        .collect();
    for paragraph in &source.paragraphs {
        let spans = quoted_spans(&paragraph.text);
        for (i, range) in paragraph.sentences.iter().enumerate() {
            let raw = &paragraph.text[range.clone()];
            let start = range.start + (raw.len() - raw.trim_start().len());
            let text = raw.trim();
            out.push(Sentence {
                anchor: paragraph.sentence_anchor(i),
                text: text.to_string(),
                quoted: quoted_ranges(&spans, start..start + text.len()),
            });
        }
    }
    out
}

/// The byte ranges of `text` inside quotation marks, in order.
pub(super) fn quoted_spans(text: &str) -> Vec<Range<usize>> {
    if !text.contains(['"', '“', '”', '«', '»', '„', '‘', '’', '\'']) {
        return Vec::new();
    }
    quotes::quote_spans(text)
        .into_iter()
        .map(|q| q.inner)
        .collect()
}

/// The parts of `within` inside the quotations `spans` (sorted, not overlapping),
/// relative to its start. A quotation spanning sentences counts in each.
fn quoted_ranges(spans: &[Range<usize>], within: Range<usize>) -> Vec<Range<usize>> {
    let first = spans.partition_point(|q| q.end <= within.start);
    spans[first..]
        .iter()
        .take_while(|q| q.start < within.end)
        .map(|q| q.start.max(within.start) - within.start..q.end.min(within.end) - within.start)
        .collect()
}

/// The anchor and text of the sentence of `paragraph` that holds byte `at`.
fn sentence_holding(paragraph: &Paragraph, at: usize) -> (String, &str) {
    // Sentences are in order: a binary search keeps a paragraph of thousands of
    // sentences and scare quotes linear.
    let i = paragraph.sentences.partition_point(|r| r.end <= at);
    match paragraph.sentences.get(i).filter(|r| r.contains(&at)) {
        Some(range) => (
            paragraph.sentence_anchor(i),
            paragraph.text[range.clone()].trim(),
        ),
        None => (paragraph.anchor.clone(), paragraph.text.as_str()),
    }
}

/// For each group of phrases (a frame's cues, a category's terms), per source,
/// the sentences that contain any of them: one automaton, one pass per sentence.
/// With `split_quoted`, a sentence's cues inside quotation marks make evidence of
/// their own, marked `quoted`: they are the speaker's words, not the outlet's.
fn lexicon_hits<'a>(
    sentences: &[Vec<Sentence>],
    groups: impl Iterator<Item = &'a [String]>,
    split_quoted: bool,
) -> Result<Vec<Vec<Vec<Evidence>>>> {
    let groups: Vec<&[String]> = groups.collect();
    let phrases: Vec<(usize, &str)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, phrases)| phrases.iter().map(move |p| (g, p.as_str())))
        .collect();
    // A cue the lexicon writes in lower case is a common word: capitalised
    // inside a longer proper noun ("the Justice Department", "Protect
    // Democracy") it is part of a name, not the outlet's choice of words, and
    // capitalised alone where no sentence opens it is a name too (the month
    // in "talks resume in May", not the hedge "may"). A cue written with a
    // capital ("Western Sahara") is a name and counts anywhere.
    let common: Vec<bool> = phrases
        .iter()
        .map(|(_, p)| !p.trim_start().starts_with(char::is_uppercase))
        .collect();
    let mut hits = vec![vec![Vec::new(); sentences.len()]; groups.len()];
    let matcher = compile(phrases, true, "the comparison's lexicons")?;
    // Sources are independent: scanned in parallel, gathered in order.
    let per_source: Vec<Vec<(usize, Evidence)>> = sentences
        .par_iter()
        .map(|source| {
            let mut found = Vec::new();
            for sentence in source {
                let mut cues: BTreeMap<(usize, bool), Vec<String>> = BTreeMap::new();
                let title_case = is_title_case(&sentence.text);
                for (group, phrase, range) in matcher.find(&sentence.text) {
                    if common[phrase]
                        && (inside_longer_name(&sentence.text, range.clone(), title_case, &NoEdges)
                            || names_something(&sentence.text, range.start, title_case))
                    {
                        continue;
                    }
                    let quoted = split_quoted && sentence.is_quoted(&range);
                    let cue = sentence.text[range].to_string();
                    let list = cues.entry((group, quoted)).or_default();
                    if !list.contains(&cue) {
                        list.push(cue);
                    }
                }
                for ((group, quoted), cues) in cues {
                    let mut evidence = Evidence::new(sentence.anchor.clone(), &sentence.text, cues);
                    evidence.quoted = quoted;
                    found.push((group, evidence));
                }
            }
            found
        })
        .collect();
    for (s, found) in per_source.into_iter().enumerate() {
        for (group, evidence) in found {
            hits[group][s].push(evidence);
        }
    }
    Ok(hits)
}

/// A word capitalised where no sentence opens ("in May", "Will Roe said"),
/// outside Title Case text: a proper noun.
fn names_something(text: &str, start: usize, title_case: bool) -> bool {
    !title_case && text[start..].starts_with(char::is_uppercase) && !opens_sentence(text, start)
}

/// A common word inside a proper noun: any capitalised word beside it is part
/// of the name.
struct NoEdges;

impl NameEdges for NoEdges {
    fn may_lead(&self, _: &str) -> bool {
        false
    }
    fn may_follow(&self, _: &[&str]) -> bool {
        false
    }
    fn closes_name(&self, _: &str) -> bool {
        false
    }
}

/// Whether the sources that give any value do not all give the same ones
/// (compared without case); a source that gives none does not count.
fn sources_disagree<'v, C, V>(cells: C) -> bool
where
    C: Iterator<Item = V>,
    V: Iterator<Item = &'v str>,
{
    let sets: Vec<BTreeSet<String>> = cells
        .map(|values| values.map(str::to_lowercase).collect::<BTreeSet<_>>())
        .filter(|set| !set.is_empty())
        .collect();
    sets.windows(2).any(|w| w[0] != w[1])
}

fn naming(
    specs: &[crate::model::NamingSpec],
    sentences: &[Vec<Sentence>],
) -> Result<Vec<NamingRow>> {
    let phrases = specs
        .iter()
        .enumerate()
        .flat_map(|(i, spec)| spec.variants.iter().map(move |v| (i, v.as_str())));
    let matcher = compile(phrases, false, "the naming lexicon")?;
    let mut rows: Vec<NamingRow> = specs
        .iter()
        .map(|spec| NamingRow {
            referent: spec.referent.clone(),
            label: spec.label.clone(),
            cells: vec![Vec::new(); sentences.len()],
            varies: false,
        })
        .collect();
    for (s, source) in sentences.iter().enumerate() {
        for sentence in source {
            for (row, _, range) in matcher.find(&sentence.text) {
                let variant = sentence.text[range].to_string();
                let uses = &mut rows[row].cells[s];
                match uses
                    .iter_mut()
                    .find(|u| u.variant.eq_ignore_ascii_case(&variant))
                {
                    Some(used) => used.count += 1,
                    None => uses.push(NameUse {
                        variant,
                        count: 1,
                        anchor: sentence.anchor.clone(),
                        text: sentence.text.clone(),
                    }),
                }
            }
        }
    }
    for row in &mut rows {
        row.varies = sources_disagree(
            row.cells
                .iter()
                .map(|c| c.iter().map(|u| u.variant.as_str())),
        );
    }
    rows.retain(|r| r.cells.iter().any(|c| !c.is_empty()));
    Ok(rows)
}

/// The group a speaker belongs to: the state at the top of its affiliations.
fn voice_group(dossier: &Dossier, slug: &str) -> String {
    let mut current = slug;
    for _ in 0..8 {
        let Some(actor) = dossier.actor(current) else {
            break;
        };
        if actor.meta.kind == ActorKind::State {
            return format!("{} voices", actor.meta.name);
        }
        match actor.meta.affiliation.as_deref() {
            Some(next) if next != current => current = next,
            _ => return "Other voices".into(),
        }
    }
    "Other voices".into()
}

fn voices(
    dossier: &Dossier,
    analysis: &Analysis,
    source: &Source,
    statements: &[&super::SourceStatement],
    sentences: &[Sentence],
    verbs: &PhraseMatcher,
) -> Voices {
    let mut rows: Vec<VoiceRow> = Vec::new();
    for found in statements {
        let statement = &found.statement;
        if statement.kind == StatementKind::Scare {
            continue;
        }
        let (speaker, is_actor, group) = match &statement.speaker {
            Speaker::Actor(slug) => (slug.clone(), true, voice_group(dossier, slug)),
            Speaker::Anonymous(words) => (words.clone(), false, "Unnamed sources".into()),
            Speaker::Unlisted(name) => (name.clone(), false, "Named, no actor page".into()),
            Speaker::Unattributed => ("unattributed".into(), false, "Unattributed".into()),
        };
        // The group too: an unlisted name and an unnamed speaker's words never merge.
        let row = match rows
            .iter()
            .position(|r| r.speaker == speaker && r.group == group)
        {
            Some(i) => &mut rows[i],
            None => {
                rows.push(VoiceRow {
                    speaker,
                    is_actor,
                    group,
                    direct: 0,
                    indirect: 0,
                    words: 0,
                    verbs: Vec::new(),
                    anchors: Vec::new(),
                });
                rows.last_mut().expect("pushed")
            }
        };
        match statement.kind {
            StatementKind::Direct => {
                row.direct += 1;
                row.words += statement.words;
            }
            _ => row.indirect += 1,
        }
        if let Some(verb) = &statement.verb {
            let verb = verb.to_lowercase();
            if !row.verbs.contains(&verb) {
                row.verbs.push(verb);
            }
        }
        if !row.anchors.contains(&found.anchor) {
            row.anchors.push(found.anchor.clone());
        }
    }
    let mut groups: Vec<VoiceGroup> = Vec::new();
    for row in &rows {
        match groups.iter_mut().find(|g| g.group == row.group) {
            Some(group) => {
                group.direct += row.direct;
                group.indirect += row.indirect;
                group.words += row.words;
            }
            None => groups.push(VoiceGroup {
                group: row.group.clone(),
                direct: row.direct,
                indirect: row.indirect,
                words: row.words,
            }),
        }
    }
    let voiced: BTreeSet<&str> = rows
        .iter()
        .filter(|r| r.is_actor)
        .map(|r| r.speaker.as_str())
        .collect();
    let silent = analysis
        .source_actors
        .get(&source.slug)
        .into_iter()
        .flatten()
        .filter(|a| !voiced.contains(a.actor.as_str()))
        .filter(|a| {
            dossier.actor(&a.actor).is_some_and(|actor| {
                matches!(actor.meta.kind, ActorKind::Person | ActorKind::Organisation)
            })
        })
        .map(|a| a.actor.clone())
        .collect();
    let unattributed = sentences
        .iter()
        .filter(|s| !crate::ingest::is_standing_anchor(&s.anchor))
        .filter(|s| quotes::quote_spans(&s.text).is_empty() && verbs.find(&s.text).is_empty())
        .count();
    let body = sentences
        .iter()
        .filter(|s| s.anchor.starts_with("p-"))
        .count();
    Voices {
        speakers: rows,
        groups,
        silent,
        unattributed_sentences: unattributed,
        unattributed_percent: percent(unattributed, body),
    }
}

fn claims(dossier: &Dossier, sentences: &[Vec<Sentence>]) -> Result<Vec<ClaimRow>> {
    // Every claim's keywords in one automaton: one pass over the sentences.
    let mut keyword_hits = lexicon_hits(
        sentences,
        dossier.claims.iter().map(|c| c.keywords.as_slice()),
        false,
    )?
    .into_iter();
    let mut rows: Vec<ClaimRow> = dossier
        .claims
        .iter()
        .map(|claim| {
            let cells: Vec<ClaimCell> = dossier
                .sources
                .iter()
                .map(|source| {
                    let stance = claim.stance.iter().find(|s| s.source == source.slug);
                    ClaimCell {
                        stance: stance.map(|s| s.stance),
                        cite: stance.and_then(|s| s.cite.clone()),
                        note: stance.and_then(|s| s.note.clone()),
                    }
                })
                .collect();
            let contested = cells.iter().any(|c| c.stance == Some(Stance::Supports))
                && cells.iter().any(|c| c.stance == Some(Stance::Contradicts));
            let unreviewed = keyword_hits
                .next()
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .filter(|(s, _)| cells[*s].stance.is_none())
                .flat_map(|(s, evidence)| {
                    evidence.into_iter().map(move |evidence| UnreviewedMatch {
                        source: dossier.sources[s].slug.clone(),
                        evidence,
                    })
                })
                .collect();
            ClaimRow {
                id: claim.id.clone(),
                title: claim.title.clone(),
                question: claim.question.clone(),
                contested,
                cells,
                unreviewed,
            }
        })
        .collect();
    // Contradictions first: they are what a reader most needs to see.
    rows.sort_by_key(|r| !r.contested);
    Ok(rows)
}

static DATE_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b((monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\s+\d{1,2}(,\s*\d{4})?|\d{1,2}\s+(january|february|march|april|may|june|july|august|september|october|november|december)(\s+\d{4})?|(january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4}|(19|20)\d{2}s?|today|yesterday|last (year|month|week)|a year (ago|after|earlier))\b",
    )
    .expect("valid")
});

static NUMBER_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b((nearly|almost|about|around|more than|over|some|at least)\s+)?(\d[\d,.]*\s*(%|percent|per cent)|\d{1,3}(,\d{3})+|\d+(\.\d+)?\s+(million|billion|thousand)|(half|a|one|two|three) (a )?(million|billion|thousand))",
    )
    .expect("valid")
});

/// Dates and numbers that sources give for the same fact, side by side.
fn discrepancies(
    facts: &[crate::model::CueGroup],
    sentences: &[Vec<Sentence>],
) -> Result<Vec<Discrepancy>> {
    // Each date or number goes to the fact whose cue stands nearest it in its sentence.
    let phrases = facts
        .iter()
        .enumerate()
        .flat_map(|(i, fact)| fact.cues.iter().map(move |c| (i, c.as_str())));
    let cues = compile(phrases, true, "the facts' cues")?;
    let mut rows: Vec<Discrepancy> = facts
        .iter()
        .map(|fact| Discrepancy {
            fact: fact.id.clone(),
            label: fact.label.clone(),
            cells: vec![Vec::new(); sentences.len()],
            differs: false,
        })
        .collect();
    let calendar = crate::resolve::discover::cues();
    for (s, source) in sentences.iter().enumerate() {
        for sentence in source {
            let facts = cues.find(&sentence.text);
            if facts.is_empty() {
                continue;
            }
            let title_case = is_title_case(&sentence.text);
            // "Today" in "USA Today" names an outlet, not a day: a value of
            // words only, other than a day or a month, inside a proper noun is
            // part of the name.
            let in_a_name = |value: &regex::Match| {
                !value.as_str().contains(|c: char| c.is_ascii_digit())
                    && !calendar.is_calendar(value.as_str())
                    && inside_longer_name(&sentence.text, value.range(), title_case, &NoEdges)
            };
            let values = DATE_VALUE
                .find_iter(&sentence.text)
                .chain(NUMBER_VALUE.find_iter(&sentence.text))
                .filter(|value| !in_a_name(value));
            for value in values {
                // The fact whose cue stands nearest the value.
                let (fact, _, _) = facts
                    .iter()
                    .min_by_key(|(_, _, r)| r.start.abs_diff(value.start()))
                    .expect("not empty");
                let cell = &mut rows[*fact].cells[s];
                let text = value.as_str().to_string();
                if !cell
                    .iter()
                    .any(|e| e.cues.contains(&text) && e.anchor == sentence.anchor)
                {
                    cell.push(Evidence::new(
                        sentence.anchor.clone(),
                        &sentence.text,
                        vec![text],
                    ));
                }
            }
        }
    }
    for row in &mut rows {
        row.differs = sources_disagree(
            row.cells
                .iter()
                .map(|c| c.iter().flat_map(|e| e.cues.iter().map(String::as_str))),
        );
    }
    // A fact only one source gives cannot disagree with anything.
    rows.retain(|r| r.cells.iter().filter(|c| !c.is_empty()).count() >= 2);
    Ok(rows)
}

fn actor_coverage(dossier: &Dossier, analysis: &Analysis) -> Vec<CoverageRow> {
    let position: HashMap<&str, usize> = dossier
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.slug.as_str(), i))
        .collect();
    // Mentions come in source then paragraph order: the first per pair is kept.
    let mut covered: HashMap<&str, Vec<Covered>> = HashMap::new();
    for mention in &analysis.mentions {
        let Some(&source) = position.get(mention.source.as_str()) else {
            continue;
        };
        let list = covered.entry(mention.actor.as_str()).or_default();
        if list.last().is_none_or(|c| c.source != source) {
            list.push(Covered {
                source,
                anchor: mention.anchor.clone(),
            });
        }
    }
    let mut rows: Vec<CoverageRow> = dossier
        .actors
        .iter()
        .filter_map(|actor| {
            Some(CoverageRow {
                id: actor.slug.clone(),
                label: actor.meta.name.clone(),
                sources: covered.remove(actor.slug.as_str())?,
            })
        })
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.sources.len()));
    rows
}

#[cfg(test)]
mod tests;
