//! The comparison of sources: frames, loaded language, naming, voices, claims,
//! discrepancies, coverage and shared text. Every figure keeps the sentences it
//! was counted from, so the page can show its evidence.

use super::quotes::{self, Lexicon, Speaker, StatementKind};
use super::Analysis;
use crate::ingest::{Paragraph, Source};
use crate::model::{ActorKind, Stance};
use crate::resolve::Dossier;
use crate::text::comparison_key;
use crate::text::phrases::PhraseMatcher;
use rayon::prelude::*;
use regex::Regex;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::sync::LazyLock;

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

/// A sentence that carries a finding, with the words that triggered it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Evidence {
    pub anchor: String,
    pub text: String,
    pub cues: Vec<String>,
    /// True when the cues stand inside a quotation: the words are the speaker's,
    /// not the outlet's own. Such evidence is kept apart (`LoadedRow::quoted`).
    #[serde(skip)]
    pub quoted: bool,
}

/// About how many characters of a long sentence evidence keeps. A sentence longer
/// than this (a scrape that lost its full stops can make one of a whole article)
/// is cut to windows around its cues, so that evidence, repeated once per finding,
/// keeps pages and `dossier.json` proportional to the sources.
pub const EVIDENCE_CHARS: usize = 300;

impl Evidence {
    /// Evidence from a sentence; a long sentence is cut around its cues.
    pub fn new(anchor: String, sentence: &str, cues: Vec<String>) -> Evidence {
        let text = excerpt_around(sentence, &cues);
        Evidence {
            anchor,
            text,
            cues,
            quoted: false,
        }
    }

    /// The sentence as HTML, escaped, with every cue marked.
    pub fn marked(&self) -> String {
        // Searched in the original text, ignoring ASCII case: ASCII lowercasing
        // keeps every byte offset, whatever the script. A sentence has few cues,
        // so plain substring search beats building an automaton per sentence.
        let haystack = self.text.to_ascii_lowercase();
        let mut marks: Vec<(usize, usize)> = Vec::new();
        for cue in self.cues.iter().filter(|c| !c.is_empty()) {
            let needle = cue.to_ascii_lowercase();
            marks.extend(
                haystack
                    .match_indices(needle.as_str())
                    .map(|(start, m)| (start, start + m.len())),
            );
        }
        marks.sort();
        let mut html = String::with_capacity(self.text.len() + 32);
        let mut last = 0;
        for (start, end) in marks {
            if start < last {
                continue;
            }
            html.push_str(&crate::text::escape_html(&self.text[last..start]));
            html.push_str("<mark>");
            html.push_str(&crate::text::escape_html(&self.text[start..end]));
            html.push_str("</mark>");
            last = end;
        }
        html.push_str(&crate::text::escape_html(&self.text[last..]));
        html
    }
}

/// `text` whole when it is short; else a window around the first occurrence of each
/// cue (ignoring ASCII case), windows cut at spaces and joined by "…", about
/// `EVIDENCE_CHARS` characters in all (more only when there are many cues).
fn excerpt_around(text: &str, cues: &[String]) -> String {
    if text.chars().count() <= EVIDENCE_CHARS {
        return text.to_string();
    }
    let haystack = text.to_ascii_lowercase();
    let mut found: Vec<(usize, usize)> = cues
        .iter()
        .filter(|c| !c.is_empty())
        .filter_map(|c| {
            let at = haystack.find(&c.to_ascii_lowercase())?;
            Some((at, at + c.len()))
        })
        .collect();
    if found.is_empty() {
        found.push((0, 0));
    }
    found.sort_unstable();
    // Room for a short cue inside each share of the characters.
    let margin = ((EVIDENCE_CHARS / found.len()).max(60) - 20) / 2;
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    // Each window: `margin` characters either side of its cue, a cue itself
    // counted up to EVIDENCE_CHARS.
    let windows = found.into_iter().map(|(start, end)| {
        let before = text[..start]
            .char_indices()
            .rev()
            .nth(margin.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        let cue_end = text[start..]
            .char_indices()
            .nth(EVIDENCE_CHARS)
            .map_or(end, |(i, _)| (start + i).min(end));
        let after = text[cue_end..]
            .char_indices()
            .nth(margin)
            .map_or(text.len(), |(i, _)| cue_end + i);
        (floor(before), after)
    });
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in windows {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let mut out = String::new();
    for (start, end) in merged {
        // Whole words only, unless the window is a single word.
        let start = if start > 0 {
            text[start..end]
                .find(' ')
                .map_or(start, |space| start + space + 1)
        } else {
            start
        };
        let end = if end < text.len() {
            text[start..end]
                .rfind(' ')
                .map_or(end, |space| start + space)
        } else {
            end
        };
        if start > 0 && !out.ends_with('…') {
            out.push('…');
        }
        out.push_str(text[start..end].trim());
        if end < text.len() {
            out.push('…');
        }
    }
    out
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
    pub unreviewed: Vec<(String, Evidence)>,
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
    /// The words of the alignment: ("same" | "a" | "b", text).
    pub diff: Vec<(&'static str, String)>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct HeadlineCheck {
    /// Content words of the headline, as written there, whose stem the body uses.
    pub supported: Vec<String>,
    /// Content words of the headline, as written there, whose stem the body never uses.
    pub unsupported: Vec<String>,
    pub matches: bool,
}

pub fn compare(dossier: &Dossier, analysis: &Analysis, lexicon: &Lexicon) -> Comparison {
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
    );
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
    );
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

    comparison.naming = naming(&framing.naming, &sentences);
    comparison.found_naming = super::naming::found_naming(dossier, analysis);
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
    comparison.claims = claims(dossier, &sentences);
    comparison.discrepancies = discrepancies(&framing.fact, &sentences);
    comparison.actor_coverage = actor_coverage(dossier, analysis);
    comparison.topic_coverage = lexicon_hits(
        &sentences,
        framing.topic.iter().map(|t| t.cues.as_slice()),
        false,
    )
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
    comparison.reuse = reuse(&dossier.sources);
    comparison.headline_checks = dossier.sources.iter().map(headline_check).collect();
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
        ("speech verbs", lexicon.verbs.len()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    comparison
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
    let mut out = vec![whole("headline".into(), &source.headline)];
    for (i, deck) in source.deck.iter().enumerate() {
        out.push(whole(format!("deck-{}", i + 1), deck));
    }
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
) -> Vec<Vec<Vec<Evidence>>> {
    let groups: Vec<&[String]> = groups.collect();
    let phrases = groups
        .iter()
        .enumerate()
        .flat_map(|(g, phrases)| phrases.iter().map(move |p| (g, p.as_str())));
    let mut hits = vec![vec![Vec::new(); sentences.len()]; groups.len()];
    let Some(matcher) = PhraseMatcher::new(phrases, true) else {
        return hits;
    };
    // Sources are independent: scanned in parallel, gathered in order.
    let per_source: Vec<Vec<(usize, Evidence)>> = sentences
        .par_iter()
        .map(|source| {
            let mut found = Vec::new();
            for sentence in source {
                let mut cues: BTreeMap<(usize, bool), Vec<String>> = BTreeMap::new();
                for (group, _, range) in matcher.find(&sentence.text) {
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
    hits
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

fn naming(specs: &[crate::model::NamingSpec], sentences: &[Vec<Sentence>]) -> Vec<NamingRow> {
    let phrases = specs
        .iter()
        .enumerate()
        .flat_map(|(i, spec)| spec.variants.iter().map(move |v| (i, v.as_str())));
    let Some(matcher) = PhraseMatcher::new(phrases, false) else {
        return Vec::new();
    };
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
    rows
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
        .filter(|s| s.anchor != "headline" && !s.anchor.starts_with("deck-"))
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

fn claims(dossier: &Dossier, sentences: &[Vec<Sentence>]) -> Vec<ClaimRow> {
    // Every claim's keywords in one automaton: one pass over the sentences.
    let mut keyword_hits = lexicon_hits(
        sentences,
        dossier.claims.iter().map(|c| c.keywords.as_slice()),
        false,
    )
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
                    evidence
                        .into_iter()
                        .map(move |e| (dossier.sources[s].slug.clone(), e))
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
    rows
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
) -> Vec<Discrepancy> {
    // Each date or number goes to the fact whose cue stands nearest it in its sentence.
    let phrases = facts
        .iter()
        .enumerate()
        .flat_map(|(i, fact)| fact.cues.iter().map(move |c| (i, c.as_str())));
    let Some(cues) = PhraseMatcher::new(phrases, true) else {
        return Vec::new();
    };
    let mut rows: Vec<Discrepancy> = facts
        .iter()
        .map(|fact| Discrepancy {
            fact: fact.id.clone(),
            label: fact.label.clone(),
            cells: vec![Vec::new(); sentences.len()],
            differs: false,
        })
        .collect();
    for (s, source) in sentences.iter().enumerate() {
        for sentence in source {
            let facts = cues.find(&sentence.text);
            if facts.is_empty() {
                continue;
            }
            let values = DATE_VALUE
                .find_iter(&sentence.text)
                .chain(NUMBER_VALUE.find_iter(&sentence.text));
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
    rows
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

const WINDOW: usize = 8;
/// Up to this many sources, shared text is drawn as a full matrix.
const MATRIX_SOURCES: usize = 30;
/// Pairs of sources sharing text listed for each source, closest first.
const PARTNERS: usize = 5;
/// Aligned passages shown, closest first.
const PASSAGES_SHOWN: usize = 60;
/// A paragraph by source index and paragraph index.
type ParagraphAt = (usize, usize);
/// A shingle found in more paragraphs than this is boilerplate, not reuse.
const COMMON: usize = 40;

/// Word shingles with an inverted index: each shingle lists the sources (and the
/// paragraph) that hold it, so the cost follows the text, never the number of
/// pairs of sentences.
fn reuse(sources: &[Source]) -> Reuse {
    use rayon::prelude::*;
    // The maps below take millions of small keys that are hashes or indices
    // already: FNV hashes them several times faster than SipHash. It resists no
    // crafted collisions, but a crafted article could only slow this step down;
    // the result is sorted afterwards and does not depend on the map's order.
    type FastMap<K, V> = fnv::FnvHashMap<K, V>;
    let shingled: Vec<Vec<Vec<u64>>> = sources
        .par_iter()
        .map(|s| s.paragraphs.iter().map(|p| shingles(&p.text)).collect())
        .collect();
    let mut index: FastMap<u64, Vec<ParagraphAt>> = FastMap::default();
    let mut totals = vec![0usize; sources.len()];
    for (s, paragraphs) in shingled.iter().enumerate() {
        let mut seen = fnv::FnvHashSet::default();
        for (p, list) in paragraphs.iter().enumerate() {
            for shingle in list {
                if seen.insert(*shingle) {
                    totals[s] += 1;
                    index.entry(*shingle).or_default().push((s, p));
                }
            }
        }
    }
    let mut shared: FastMap<(usize, usize), usize> = FastMap::default();
    let mut paragraph_pairs: FastMap<(ParagraphAt, ParagraphAt), usize> = FastMap::default();
    for holders in index.values() {
        if holders.len() < 2 || holders.len() > COMMON {
            continue;
        }
        for (i, a) in holders.iter().enumerate() {
            for b in &holders[i + 1..] {
                *shared.entry((a.0, b.0)).or_default() += 1;
                *paragraph_pairs.entry((*a, *b)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<SharedPair> = shared
        .iter()
        .map(|(&(a, b), &count)| SharedPair {
            a: sources[a].slug.clone(),
            b: sources[b].slug.clone(),
            a_in_b: percent(count, totals[a]),
            b_in_a: percent(count, totals[b]),
        })
        .filter(|p| p.a_in_b.max(p.b_in_a) >= 5)
        .collect();
    pairs.sort_by(|x, y| {
        y.a_in_b
            .max(y.b_in_a)
            .cmp(&x.a_in_b.max(x.b_in_a))
            .then((&x.a, &x.b).cmp(&(&y.a, &y.b)))
    });
    // Wire copy reprinted by forty outlets makes 780 pairs: each source keeps
    // its closest partners, so the list grows with the sources, not their pairs.
    let mut partners: HashMap<String, usize> = HashMap::new();
    pairs.retain(|pair| {
        let keep = [&pair.a, &pair.b]
            .iter()
            .any(|s| partners.get(s.as_str()).copied().unwrap_or(0) < PARTNERS);
        if keep {
            for s in [&pair.a, &pair.b] {
                *partners.entry(s.to_string()).or_default() += 1;
            }
        }
        keep
    });
    // A matrix of every source by every source grows with the square of the corpus:
    // it is drawn for small dossiers, and the list of pairs serves the rest.
    let overlap = if sources.len() <= MATRIX_SOURCES {
        (0..sources.len())
            .map(|i| {
                (0..sources.len())
                    .map(|j| {
                        let count = shared.get(&(i.min(j), i.max(j))).copied().unwrap_or(0);
                        if i == j {
                            100
                        } else {
                            percent(count, totals[i])
                        }
                    })
                    .collect()
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut candidates: Vec<(usize, ParagraphAt, ParagraphAt)> = paragraph_pairs
        .into_iter()
        .filter_map(|((a, b), count)| {
            let smaller = shingled[a.0][a.1]
                .len()
                .min(shingled[b.0][b.1].len())
                .max(1);
            let share = percent(count, smaller);
            (share >= 20).then_some((share, a, b))
        })
        .collect();
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut shown: std::collections::HashSet<(&str, &str)> = std::collections::HashSet::new();
    let passages = candidates
        .into_iter()
        .filter(|(_, a, b)| {
            // One alignment per pair of texts: wire copy reprinted fifty times is one finding.
            let (ta, tb) = (
                &sources[a.0].paragraphs[a.1].text,
                &sources[b.0].paragraphs[b.1].text,
            );
            shown.insert((ta.as_str(), tb.as_str()))
        })
        .take(PASSAGES_SHOWN)
        .map(|(share, a, b)| {
            let (pa, pb) = (&sources[a.0].paragraphs[a.1], &sources[b.0].paragraphs[b.1]);
            SharedPassage {
                a: sources[a.0].slug.clone(),
                a_anchor: pa.anchor.clone(),
                b: sources[b.0].slug.clone(),
                b_anchor: pb.anchor.clone(),
                percent: share,
                diff: word_diff(&pa.text, &pb.text),
            }
        })
        .collect();
    Reuse {
        window: WINDOW,
        overlap,
        pairs,
        passages,
    }
}

fn shingles(text: &str) -> Vec<u64> {
    use std::hash::Hasher;
    let key = comparison_key(text);
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() < WINDOW {
        return Vec::new();
    }
    words
        .windows(WINDOW)
        .map(|window| {
            // The hash of the words joined by spaces, without joining them.
            let mut hasher = fnv::FnvHasher::default();
            for (i, word) in window.iter().enumerate() {
                if i > 0 {
                    hasher.write(b" ");
                }
                hasher.write(word.as_bytes());
            }
            hasher.finish()
        })
        .collect()
}

/// The two paragraphs aligned word by word: what is the same, what only one has.
fn word_diff(a: &str, b: &str) -> Vec<(&'static str, String)> {
    let diff = similar::TextDiff::from_words(a, b);
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            similar::ChangeTag::Equal => "same",
            similar::ChangeTag::Delete => "a",
            similar::ChangeTag::Insert => "b",
        };
        match out.last_mut() {
            Some((last, text)) if *last == tag => text.push_str(change.value()),
            _ => out.push((tag, change.value().to_string())),
        }
    }
    out
}

/// Words too common to carry a headline's claim.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "as", "by", "from",
    "is", "are", "was", "were", "be", "its", "their", "his", "her", "new", "after", "over", "into",
    "amid", "s",
];

/// Does the body say what the headline says? Each content word of the headline
/// is looked for in the body by its Snowball stem in the source's language (so
/// "signs" meets "signed"), or as a whole word where Snowball has no stemmer.
fn headline_check(source: &Source) -> HeadlineCheck {
    headline_against_body(
        &source.headline,
        source.paragraphs.iter().map(|p| p.text.as_str()),
        &source.language,
    )
}

fn headline_against_body<'a>(
    headline: &str,
    body: impl Iterator<Item = &'a str>,
    language: &str,
) -> HeadlineCheck {
    let stemmer = stemmer_for(language);
    let body: BTreeSet<String> = body
        .flat_map(text_words)
        .filter_map(|word| word_key(word, stemmer.as_ref()))
        .collect();
    let mut seen = BTreeSet::new();
    let mut supported = Vec::new();
    let mut unsupported = Vec::new();
    for word in text_words(headline) {
        let Some(key) = word_key(word, stemmer.as_ref()) else {
            continue;
        };
        if !seen.insert(key.clone()) {
            continue;
        }
        if body.contains(&key) {
            supported.push(word.to_string());
        } else {
            unsupported.push(word.to_string());
        }
    }
    HeadlineCheck {
        matches: unsupported.is_empty(),
        supported,
        unsupported,
    }
}

/// The Snowball stemmer for a BCP 47 language tag, by its primary subtag; none
/// for a language Snowball has no algorithm for, whose words are then compared whole.
fn stemmer_for(language: &str) -> Option<rust_stemmers::Stemmer> {
    use rust_stemmers::Algorithm::*;
    let primary = language.split(['-', '_']).next()?.to_ascii_lowercase();
    let algorithm = match primary.as_str() {
        "ar" => Arabic,
        "da" => Danish,
        "nl" => Dutch,
        "en" => English,
        "fi" => Finnish,
        "fr" => French,
        "de" => German,
        "el" => Greek,
        "hu" => Hungarian,
        "it" => Italian,
        "no" | "nb" | "nn" => Norwegian,
        "pt" => Portuguese,
        "ro" => Romanian,
        "ru" => Russian,
        "es" => Spanish,
        "sv" => Swedish,
        "ta" => Tamil,
        "tr" => Turkish,
        _ => return None,
    };
    Some(rust_stemmers::Stemmer::create(algorithm))
}

/// The words of a text as written, slices of it. A word may hold apostrophes
/// ("Israel's", "l'accord") and, when it is an abbreviation of short letter
/// groups ("U.S.", "e.g."), its full stops, so it is never cut into letters.
fn text_words(text: &str) -> Vec<&str> {
    let is_joiner = |c: char| matches!(c, '.' | '\'' | '’');
    let mut words = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            let joined =
                is_joiner(c) && text[i + c.len_utf8()..].starts_with(char::is_alphanumeric);
            if !(c.is_alphanumeric() || joined) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        let word = &text[start..end];
        if !word.contains('.') {
            words.push(word);
        } else if word
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
        {
            // The abbreviation's closing stop, which no letter follows.
            if let Some(&(i, '.')) = chars.peek() {
                end = i + 1;
                chars.next();
            }
            words.push(&text[start..end]);
        } else if word.starts_with(|c: char| c.is_ascii_digit()) {
            words.push(word);
        } else {
            // Sentences run together ("deal.Officials"): their words apart.
            words.extend(word.split('.'));
        }
    }
    words
}

/// What a word is compared by: lowercased, an abbreviation without its stops, an
/// elided article ("l'", "d'") dropped, then stemmed. None for a word that
/// carries no claim: a stop word, or a one-letter fragment.
fn word_key(word: &str, stemmer: Option<&rust_stemmers::Stemmer>) -> Option<String> {
    let lower = word.to_lowercase().replace('’', "'");
    if lower.contains('.') && !lower.starts_with(|c: char| c.is_ascii_digit()) {
        let letters = lower.replace('.', "");
        return (letters.chars().count() > 1).then_some(letters);
    }
    let lower = match lower.split_once('\'') {
        Some((article, rest)) if article.chars().count() <= 2 && !rest.is_empty() => rest,
        _ => lower.as_str(),
    };
    if lower.chars().filter(|c| c.is_alphanumeric()).count() <= 1 || STOPWORDS.contains(&lower) {
        return None;
    }
    Some(match stemmer {
        Some(stemmer) => stemmer.stem(lower).into_owned(),
        None => lower.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(headline: &str, body: &str, language: &str) -> HeadlineCheck {
        headline_against_body(headline, std::iter::once(body), language)
    }

    #[test]
    fn headline_words_meet_the_body_by_stem() {
        let result = check(
            "Ruritania signs defence pact",
            "Ruritania signed a defence pact on Tuesday.",
            "en",
        );
        assert!(result.matches, "{result:?}");
        let result = check(
            "Ruritania signed accords",
            "Ruritania signs an accord.",
            "en-GB",
        );
        assert!(result.matches, "{result:?}");
        // French, by its own stemmer, and an elided article.
        let result = check(
            "La Bordurie signe l'accord",
            "La Bordurie a signé un accord.",
            "fr",
        );
        assert_eq!(result.unsupported, Vec::<String>::new(), "{result:?}");
    }

    #[test]
    fn headline_words_are_reported_as_written() {
        let result = check(
            "Ruritania Unveils Sweeping Submarine Programme",
            "Ruritania unveiled a programme.",
            "en",
        );
        assert_eq!(result.unsupported, ["Sweeping", "Submarine"]);
        assert_eq!(result.supported, ["Ruritania", "Unveils", "Programme"]);
    }

    #[test]
    fn abbreviations_stay_whole_and_letters_are_never_reported() {
        let result = check(
            "U.S.-backed deal: Ruritania's X-ray plan",
            "Ruritania plans a deal backed by an X-ray.",
            "en",
        );
        assert_eq!(result.unsupported, ["U.S."], "{result:?}");
        assert!(!result.supported.iter().any(|w| w.chars().count() == 1));
        assert!(result.supported.contains(&"Ruritania's".to_string()));
        let result = check(
            "U.S. and U.N. sign",
            "The U.S. and the U.N. signed it.",
            "en",
        );
        assert!(result.matches, "{result:?}");
        assert_eq!(result.supported, ["U.S.", "U.N.", "sign"]);
        assert_eq!(
            text_words("Talks end.Officials left"),
            ["Talks", "end", "Officials", "left"]
        );
        assert_eq!(text_words("a $1.5bn deal"), ["a", "1.5bn", "deal"]);
    }

    #[test]
    fn a_language_without_a_stemmer_compares_whole_words() {
        assert!(stemmer_for("he").is_none() && stemmer_for("").is_none());
        let result = check("חוזה ביטחון נחתם", "החוזה נחתם היום. ביטחון.", "he");
        assert_eq!(result.unsupported, ["חוזה"], "{result:?}");
        assert_eq!(result.supported, ["ביטחון", "נחתם"]);
        // Whole words only: no stem joins "signs" and "signed" here.
        let result = check("Zorg signs", "Zorg signed.", "x-klingon");
        assert_eq!(result.unsupported, ["signs"]);
    }

    #[test]
    fn long_evidence_is_cut_around_its_cue() {
        let short = Evidence::new("p-1".into(), "A historic pact.", vec!["historic".into()]);
        assert_eq!(short.text, "A historic pact.");
        let long = format!(
            "{}the HISTORIC pact{}",
            "Ⅹ words ".repeat(500),
            " and more".repeat(500)
        );
        let evidence = Evidence::new("p-1".into(), &long, vec!["historic".into()]);
        assert!(
            evidence.text.chars().count() <= EVIDENCE_CHARS + 2,
            "{}",
            evidence.text.len()
        );
        assert!(evidence.text.starts_with('…') && evidence.text.ends_with('…'));
        assert!(evidence.marked().contains("<mark>HISTORIC</mark>"));
        // A cue that is not found keeps the start of the sentence.
        let evidence = Evidence::new("p-1".into(), &long, vec!["absent".into()]);
        assert!(evidence.text.starts_with("Ⅹ words") && evidence.text.ends_with('…'));
    }

    #[test]
    fn marking_cues_never_slices_inside_a_character() {
        let evidence = Evidence {
            anchor: "p-1".into(),
            text: "Ministers ẞ—“x” İ were HISTORIC <b>".into(),
            cues: vec!["historic".into(), "x".into()],
            quoted: false,
        };
        let html = evidence.marked();
        assert!(
            html.contains("<mark>HISTORIC</mark>") && html.contains("“<mark>x</mark>”"),
            "{html}"
        );
        assert!(html.ends_with("&lt;b&gt;"));
    }
}
