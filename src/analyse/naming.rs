//! Naming found in the text, not only listed: for each actor and each source,
//! the names and epithets the source uses for it, with their sentences. Read
//! around each mention of an actor: the name as matched, a title or honorific
//! just before it ("Premier Jo Roe", "Ms. Roe"), a describing phrase just before
//! it ("the strongman Jo Roe") or set off by commas after it ("Roe, the
//! country's leader,"), and the actor's own `titles` standing alone ("the
//! premier"). Words inside quotation marks are the speaker's and are counted
//! apart. The reading is by word lists (`naming.toml`, and the titles,
//! honorifics and roles of `discover.toml`), never by a list of stories.
//!
//! Each paragraph is read once, and only a short window around each mention:
//! the cost follows the text and its mentions.

use super::compare::{compile, quoted_spans, Evidence};
use super::{Analysis, Mention};
use crate::error::Result;
use crate::model::ActorKind;
use crate::resolve::discover::{cues, Cues};
use crate::resolve::Dossier;
use crate::text::floor_boundary;
use crate::text::names::{is_capitalised, strip_possessive, word_ending_at, words};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

pub const DEFAULT_WORDS: &str = include_str!("naming.toml");

/// Actors given a found-naming table, most mentioned first: enough for the
/// people a story turns on without making the page a list of everyone.
pub const ACTORS_SHOWN: usize = 12;
/// Phrasings shown per actor, most used first.
pub const ROWS_SHOWN: usize = 25;
/// Evidence sentences kept per phrasing and source (the count is always whole).
const EVIDENCE_KEPT: usize = 5;
/// How far around a mention a describing phrase is looked for, in bytes.
const WINDOW: usize = 160;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordFile {
    heads: Vec<String>,
    determiners: Vec<String>,
    stops: Vec<String>,
}

struct Words {
    heads: HashSet<String>,
    determiners: HashSet<String>,
    stops: HashSet<String>,
}

fn lower(list: Vec<String>) -> HashSet<String> {
    list.into_iter().map(|w| w.to_lowercase()).collect()
}

fn lexicon() -> &'static Words {
    static WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let file: WordFile = toml::from_str(DEFAULT_WORDS).expect("naming.toml is valid (tested)");
        Words {
            heads: lower(file.heads),
            determiners: lower(file.determiners),
            stops: lower(file.stops),
        }
    })
}

/// How a phrasing was found.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum PhrasingKind {
    /// A name or alias of the actor, as matched ("Jo Roe", "Roe").
    Name,
    /// An office before the name ("Premier Jo Roe"), or one of the actor's
    /// `titles` standing alone ("the premier").
    Title,
    /// A courtesy title before the name ("Ms. Roe").
    Honorific,
    /// A describing phrase before the name or set off by commas after it
    /// ("the strongman", "the country's leader").
    Apposition,
}

/// The found naming of the dossier.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct FoundNamings {
    /// Actors named by at least two sources, most mentions first, at most
    /// `ACTORS_SHOWN` of them.
    pub actors: Vec<FoundNaming>,
    /// How many actors are named by at least two sources, shown or not.
    pub eligible: usize,
}

/// How the sources name one actor.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FoundNaming {
    /// The actor's slug.
    pub actor: String,
    /// The actor's name.
    pub label: String,
    /// Mentions of the actor in all sources.
    pub mentions: usize,
    /// The sources that name the actor, by index in dossier order.
    pub sources: Vec<usize>,
    /// Most used first, at most `ROWS_SHOWN`.
    pub rows: Vec<Phrasing>,
    /// Phrasings found but not in `rows`.
    pub more: usize,
}

/// One way of naming an actor, and who uses it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Phrasing {
    /// As written at its first use.
    pub text: String,
    pub kind: PhrasingKind,
    /// The sources that use it, in dossier order. Sparse: a phrasing one source
    /// uses costs one entry, however many sources the dossier has.
    pub uses: Vec<PhrasingUse>,
    /// Some sources that name the actor use it in their own words and others
    /// that name the actor do not.
    pub differs: bool,
}

/// One source's uses of a phrasing.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PhrasingUse {
    /// Index of the source in dossier order.
    pub source: usize,
    /// Uses in the outlet's own words.
    pub count: usize,
    /// Uses inside quotations: the speakers' words.
    pub quoted: usize,
    /// Sentences of the own uses, at most five.
    pub evidence: Vec<Evidence>,
    /// Sentences of the quoted uses, at most five.
    pub quoted_evidence: Vec<Evidence>,
}

/// A phrasing read at a place in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub kind: PhrasingKind,
    pub range: Range<usize>,
}

/// A title or honorific written just before a name that starts at `start`:
/// "Ms. Roe" (honorific), "Premier Jo Roe", "Deputy Attorney General Jo Roe"
/// (title, the whole run of title words). The range covers the prefix only.
pub fn prefix_before(text: &str, start: usize, cues: &Cues) -> Option<Reading> {
    let mut at = start;
    let mut run: Option<usize> = None;
    for round in 0..4 {
        let Some(before) = text[..at].strip_suffix(' ') else {
            break;
        };
        let Some((from, word)) = word_ending_at(text, before.len()) else {
            break;
        };
        // "Sen. Roe", but not "… the leader. Roe": only a short abbreviation has a stop.
        if word.ends_with('.') && word.chars().count() > 5 {
            break;
        }
        if !is_capitalised(word) {
            break;
        }
        if round == 0 && cues.is_honorific(word) {
            // "Jo M. Roe": a lone capital after a name is an initial, not "M." (Monsieur).
            let bare = word.trim_end_matches('.');
            let initial = bare.chars().count() == 1
                && word_ending_at(text, text[..from].trim_end().len())
                    .is_some_and(|(_, w)| is_capitalised(w));
            if initial {
                return None;
            }
            return Some(Reading {
                kind: PhrasingKind::Honorific,
                range: from..before.len(),
            });
        }
        let leads = run.is_some() && cues.is_title_lead(word);
        if cues.is_title_word(word) || leads {
            run = Some(from);
            at = from;
        } else {
            break;
        }
    }
    let from = run?;
    // The run ends just before the name, at the space.
    Some(Reading {
        kind: PhrasingKind::Title,
        range: from..text[..start].trim_end().len(),
    })
}

/// The words of `text` without the "s" of a possessive, which `words` gives as
/// a word of its own: "country's leader" is two words with the gap "'s ".
fn phrase_words(text: &str) -> Vec<Range<usize>> {
    words(text)
        .into_iter()
        .filter(|w| !(&text[w.clone()] == "s" && text[..w.start].ends_with(['\'', '’'])))
        .collect()
}

fn is_head(word: &str, cues: &Cues) -> bool {
    !is_capitalised(word)
        && (lexicon().heads.contains(&word.to_lowercase())
            || cues.is_role(word)
            || cues.is_organisation_kind(word))
}

/// Whether a phrase's last word is a kind of organisation and nothing else
/// that could describe a person ("the airline", not "the giant").
fn ends_with_organisation_kind(phrase: &str, cues: &Cues) -> bool {
    phrase.split_whitespace().next_back().is_some_and(|w| {
        cues.is_organisation_kind(w)
            && !cues.is_role(w)
            && !lexicon().heads.contains(&w.to_lowercase())
    })
}

/// The gap between two words is a possessive: "country's leader".
fn is_possessive_gap(gap: &str) -> bool {
    matches!(gap, "'s " | "’s " | "' " | "’ ")
}

/// A describing phrase that ends at `end` (just before a name, or before the
/// comma that precedes it): "the strongman", "the country's leader",
/// "Roe's longtime adviser". The phrase ends with a head noun; it runs back to a
/// determiner or possessive, or is the head noun alone when none opens it.
pub fn phrase_before(text: &str, end: usize, cues: &Cues) -> Option<Range<usize>> {
    let lex = lexicon();
    let from = floor_boundary(text, end.saturating_sub(WINDOW));
    let window = &text[from..end];
    let ws = phrase_words(window);
    let last = ws.last()?;
    if last.end != window.len() || !is_head(&window[last.clone()], cues) {
        return None;
    }
    // The head alone, unless a determiner or a possessive opens the phrase
    // within two modifiers of it: "the country's longtime leader".
    let mut start = last.start;
    let mut modifiers = 0;
    for i in (0..ws.len() - 1).rev() {
        let word = &window[ws[i].clone()];
        let gap = &window[ws[i].end..ws[i + 1].start];
        let lower = word.to_lowercase();
        if is_possessive_gap(gap) {
            start = ws[i].start;
            // A name's possessive ("Roe's adviser") opens the phrase itself.
            if is_capitalised(word) {
                break;
            }
            continue;
        }
        if gap != " " || lex.stops.contains(&lower) {
            break;
        }
        if lex.determiners.contains(&lower) {
            start = ws[i].start;
            break;
        }
        modifiers += 1;
        if modifiers > 2 {
            break;
        }
    }
    Some(from + start..end)
}

/// A describing phrase set off by a comma after a name that ends at `end`:
/// "Roe, the strongman," "Roe, the leader of the opposition." It opens with a
/// determiner or a possessive and ends at its first head noun (with an "of",
/// "for" or "at" tail of up to four words before punctuation), and is followed by
/// punctuation, such a tail, or a relative pronoun: "Roe, the army and …" is a list.
pub fn phrase_after(text: &str, end: usize, cues: &Cues) -> Option<Range<usize>> {
    let lex = lexicon();
    let rest = text[end..].strip_prefix(", ")?;
    let base = end + 2;
    let window = &rest[..floor_boundary(rest, WINDOW)];
    let ws = phrase_words(window);
    let first = ws.first()?;
    if first.start != 0 {
        return None;
    }
    let opener = |i: usize| {
        let word = window[ws[i].clone()].to_lowercase();
        lex.determiners.contains(&word)
            || ws
                .get(i + 1)
                .is_some_and(|next| is_possessive_gap(&window[ws[i].end..next.start]))
    };
    if !opener(0) {
        return None;
    }
    for i in 1..ws.len().min(7) {
        let gap = &window[ws[i - 1].end..ws[i].start];
        if gap != " " && !is_possessive_gap(gap) {
            return None;
        }
        let word = &window[ws[i].clone()];
        if lex.stops.contains(&word.to_lowercase()) {
            return None;
        }
        // A possessor ("the country's leader") is no head, whatever the word.
        let possessor = ws
            .get(i + 1)
            .is_some_and(|next| is_possessive_gap(&window[ws[i].end..next.start]));
        if possessor || !is_head(word, cues) {
            continue;
        }
        let head_end = ws[i].end;
        let after = &window[head_end..];
        let closes =
            |s: &str| s.is_empty() || s.starts_with([',', '.', ';', ':', ')', '—', '–', '"', '”']);
        if closes(after) {
            return Some(base..base + head_end);
        }
        if ["who", "whose", "which", "that"]
            .iter()
            .any(|r| after.strip_prefix(' ').is_some_and(|a| a.starts_with(r)))
        {
            return Some(base..base + head_end);
        }
        let tail = ["of", "for", "at"].iter().any(|t| {
            after
                .strip_prefix(' ')
                .is_some_and(|a| a.starts_with(&format!("{t} ")))
        });
        if tail {
            let mut tail_end = head_end;
            for w in ws[i + 1..].iter().take(5) {
                if window[tail_end..w.start] != *" "
                    && !is_possessive_gap(&window[tail_end..w.start])
                {
                    break;
                }
                tail_end = w.end;
                if closes(&window[tail_end..]) {
                    return Some(base..base + tail_end);
                }
            }
        }
        return None;
    }
    None
}

/// Everything read around one mention of `actor` at `range` of `text`: its
/// phrasing (the name, or the name with its title or honorific) and any
/// apposition before or after it.
pub fn read_mention(text: &str, range: Range<usize>, person: bool, cues: &Cues) -> Vec<Reading> {
    let name_end = range.start + strip_possessive(&text[range.clone()]).len();
    let possessive = name_end < range.end || text[range.end..].starts_with(['\'', '’']);
    let prefix = person
        .then(|| prefix_before(text, range.start, cues))
        .flatten();
    let mut out = vec![match &prefix {
        Some(p) => Reading {
            kind: p.kind,
            range: p.range.start..name_end,
        },
        None => Reading {
            kind: PhrasingKind::Name,
            range: range.start..name_end,
        },
    }];
    // A describing phrase before the name (or its title): "the strongman Jo Roe",
    // "the country's strongman, Jo Roe, said" (then a comma must close it).
    let front = prefix.as_ref().map_or(range.start, |p| p.range.start);
    let before = &text[..front];
    if let Some(end) = before.strip_suffix(' ').map(str::len) {
        let comma = before[..end].strip_suffix(',');
        let closed = text[range.end..].starts_with(',');
        let at = match comma {
            Some(c) if closed => Some(c.len()),
            Some(_) => None,
            None => Some(end),
        };
        if let Some(p) = at.and_then(|at| phrase_before(text, at, cues)) {
            // After a comma the phrase must be opened, not a lone noun.
            let lone = comma.is_some() && !text[p.clone()].contains(' ');
            // "the company Jo Roe founded": a kind of organisation names no person.
            let kind_of_body = person && ends_with_organisation_kind(&text[p.clone()], cues);
            if !lone && !kind_of_body {
                out.push(Reading {
                    kind: PhrasingKind::Apposition,
                    range: p,
                });
            }
        }
    }
    if !possessive {
        let after = phrase_after(text, range.end, cues)
            .filter(|p| !(person && ends_with_organisation_kind(&text[p.clone()], cues)));
        if let Some(p) = after {
            out.push(Reading {
                kind: PhrasingKind::Apposition,
                range: p,
            });
        }
    }
    out
}

/// A text the mentions were found in: a paragraph, the headline or a deck line.
struct Place<'a> {
    text: &'a str,
    /// Sentence ranges and anchors; the headline and deck lines are one sentence.
    sentences: Vec<(Range<usize>, String)>,
}

impl Place<'_> {
    fn sentence(&self, at: usize) -> (&str, &str) {
        let i = self
            .sentences
            .partition_point(|(r, _)| r.end <= at)
            .min(self.sentences.len().saturating_sub(1));
        match self.sentences.get(i) {
            Some((r, anchor)) => (anchor.as_str(), self.text[r.clone()].trim()),
            None => ("", self.text),
        }
    }
}

#[derive(Default)]
struct Tally {
    text: String,
    kind: Option<PhrasingKind>,
    uses: BTreeMap<usize, PhrasingUse>,
    total: usize,
}

pub fn found_naming(dossier: &Dossier, analysis: &Analysis) -> Result<FoundNamings> {
    let cues = cues();
    // Mentions come in source then paragraph order: grouped once.
    let mut by_place: HashMap<(&str, &str), Vec<&Mention>> = HashMap::new();
    for m in &analysis.mentions {
        by_place
            .entry((m.source.as_str(), m.anchor.as_str()))
            .or_default()
            .push(m);
    }
    let titles = compile(
        dossier.actors.iter().enumerate().flat_map(|(i, a)| {
            a.meta
                .titles
                .iter()
                .map(move |t| (i, t.as_str()))
                .filter(|(_, t)| !t.trim().is_empty())
        }),
        true,
        "the actors' titles",
    )?;
    let titles = Some(titles).filter(|_| dossier.actors.iter().any(|a| !a.meta.titles.is_empty()));

    let mut tallies: Vec<HashMap<(PhrasingKind, String), Tally>> =
        (0..dossier.actors.len()).map(|_| HashMap::new()).collect();
    let mut named: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); dossier.actors.len()];
    for (s, source) in dossier.sources.iter().enumerate() {
        let places = source
            .standing_lines()
            .map(|(anchor, text)| Place {
                text,
                sentences: vec![(0..text.len(), anchor)],
            })
            .chain(source.paragraphs.iter().map(|p| {
                Place {
                    text: &p.text,
                    sentences: p
                        .sentences
                        .iter()
                        .enumerate()
                        .map(|(i, r)| (r.clone(), p.sentence_anchor(i)))
                        .collect(),
                }
            }));
        let anchors = source
            .standing_lines()
            .map(|(anchor, _)| anchor)
            .chain(source.paragraphs.iter().map(|p| p.anchor.clone()));
        for (place, anchor) in places.zip(anchors) {
            let mentions = by_place
                .get(&(source.slug.as_str(), anchor.as_str()))
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let title_hits = titles
                .as_ref()
                .map(|t| t.find(place.text))
                .unwrap_or_default();
            if mentions.is_empty() && title_hits.is_empty() {
                continue;
            }
            let quoted = quoted_spans(place.text);
            let is_quoted =
                |r: &Range<usize>| quoted.iter().any(|q| q.start <= r.start && r.end <= q.end);
            let mut found: Vec<(usize, Reading)> = Vec::new();
            for m in mentions {
                let Some(a) = dossier.actor_position(&m.actor) else {
                    continue;
                };
                *named[a].entry(s).or_default() += 1;
                let person = dossier.actors[a].meta.kind == ActorKind::Person;
                for reading in read_mention(place.text, m.range.clone(), person, cues) {
                    found.push((a, reading));
                }
            }
            // A title standing alone ("the premier"), where no mention's
            // reading has taken its words already.
            for (a, _, range) in title_hits {
                let taken = found
                    .iter()
                    .any(|(_, r)| r.range.start < range.end && range.start < r.range.end);
                if !taken {
                    found.push((
                        a,
                        Reading {
                            kind: PhrasingKind::Title,
                            range,
                        },
                    ));
                }
            }
            for (a, reading) in found {
                let written = place.text[reading.range.clone()].trim();
                if written.is_empty() {
                    continue;
                }
                let key = (reading.kind, written.to_lowercase());
                let tally = tallies[a].entry(key).or_default();
                // A capital that only opens a sentence ("The strongman said") is
                // no part of the phrasing: the row shows it as written inside one.
                let sentence_capital = tally.text.starts_with(char::is_uppercase)
                    && written.starts_with(char::is_lowercase);
                if tally.kind.is_none() || sentence_capital {
                    tally.kind = Some(reading.kind);
                    tally.text = written.to_string();
                }
                tally.total += 1;
                let (anchor, sentence) = place.sentence(reading.range.start);
                let inside = is_quoted(&reading.range);
                let used = tally.uses.entry(s).or_insert_with(|| PhrasingUse {
                    source: s,
                    count: 0,
                    quoted: 0,
                    evidence: Vec::new(),
                    quoted_evidence: Vec::new(),
                });
                let (count, list) = if inside {
                    (&mut used.quoted, &mut used.quoted_evidence)
                } else {
                    (&mut used.count, &mut used.evidence)
                };
                *count += 1;
                // One sentence once, however often it uses the phrasing.
                if list.len() < EVIDENCE_KEPT && list.last().is_none_or(|e| e.anchor != anchor) {
                    let mut evidence =
                        Evidence::new(anchor.to_string(), sentence, vec![written.to_string()]);
                    evidence.quoted = inside;
                    list.push(evidence);
                }
            }
        }
    }

    let mut actors: Vec<FoundNaming> = Vec::new();
    for (a, tally) in tallies.into_iter().enumerate() {
        let sources: Vec<usize> = named[a].keys().copied().collect();
        if sources.len() < 2 {
            continue;
        }
        let mut rows: Vec<(usize, Phrasing)> = tally
            .into_values()
            .map(|t| {
                let users = t.uses.values().filter(|u| u.count > 0).count();
                let phrasing = Phrasing {
                    text: t.text,
                    kind: t.kind.unwrap_or(PhrasingKind::Name),
                    uses: t.uses.into_values().collect(),
                    differs: users > 0 && users < sources.len(),
                };
                (t.total, phrasing)
            })
            .collect();
        rows.sort_by(|x, y| {
            y.0.cmp(&x.0)
                .then(x.1.kind.cmp(&y.1.kind))
                .then_with(|| x.1.text.to_lowercase().cmp(&y.1.text.to_lowercase()))
        });
        let more = rows.len().saturating_sub(ROWS_SHOWN);
        rows.truncate(ROWS_SHOWN);
        actors.push(FoundNaming {
            actor: dossier.actors[a].slug.clone(),
            label: dossier.actors[a].meta.name.clone(),
            mentions: named[a].values().sum(),
            sources,
            rows: rows.into_iter().map(|(_, p)| p).collect(),
            more,
        });
    }
    actors.sort_by(|x, y| y.mentions.cmp(&x.mentions).then(x.actor.cmp(&y.actor)));
    let eligible = actors.len();
    actors.truncate(ACTORS_SHOWN);
    Ok(FoundNamings { actors, eligible })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<'t>(text: &'t str, name: &str, person: bool) -> Vec<(PhrasingKind, &'t str)> {
        let start = text.find(name).unwrap();
        let mut end = start + name.len();
        if text[end..].starts_with("'s") {
            end += 2;
        }
        read_mention(text, start..end, person, cues())
            .into_iter()
            .map(|r| (r.kind, &text[r.range]))
            .collect()
    }

    use PhrasingKind::*;

    #[test]
    fn the_word_list_parses() {
        assert!(lexicon().heads.contains("strongman"));
        assert!(lexicon().determiners.contains("the"));
    }

    #[test]
    fn honorifics_and_titles_before_a_name() {
        assert_eq!(
            read("Later Ms. Roe left.", "Roe", true),
            [(Honorific, "Ms. Roe")]
        );
        assert_eq!(
            read("Then Mr Roe left.", "Roe", true),
            [(Honorific, "Mr Roe")]
        );
        assert_eq!(
            read("Mme Roe a dit.", "Roe", true),
            [(Honorific, "Mme Roe")]
        );
        assert_eq!(
            read("Premier Jo Roe spoke.", "Jo Roe", true),
            [(Title, "Premier Jo Roe")]
        );
        assert_eq!(
            read("Yesterday Prime Minister Jo Roe spoke.", "Jo Roe", true),
            [(Title, "Prime Minister Jo Roe")]
        );
        assert_eq!(
            read("Deputy Attorney General Jo Roe spoke.", "Jo Roe", true),
            [(Title, "Deputy Attorney General Jo Roe")]
        );
        // A middle initial is not "M." (Monsieur); a plain name has no prefix.
        assert_eq!(read("Jo M. Roe spoke.", "Roe", true), [(Name, "Roe")]);
        assert_eq!(read("Jo Roe spoke.", "Jo Roe", true), [(Name, "Jo Roe")]);
        // A sentence's last word is no abbreviation.
        assert_eq!(
            read("They met the President. Roe spoke.", "Roe", true),
            [(Name, "Roe")]
        );
        // Titles and honorifics are read for people only.
        assert_eq!(
            read("General Ruritania said.", "Ruritania", false),
            [(Name, "Ruritania")]
        );
        // A possessive is not part of the phrasing.
        assert_eq!(
            read("Ms. Roe's plan.", "Roe", true),
            [(Honorific, "Ms. Roe")]
        );
    }

    #[test]
    fn appositions_before_a_name() {
        assert_eq!(
            read("He met the strongman Jo Roe today.", "Jo Roe", true),
            [(Name, "Jo Roe"), (Apposition, "the strongman")]
        );
        // The kind an outlet gives an organisation is how it names it.
        assert_eq!(
            read(
                "A deal with the embattled mining company Ferrex.",
                "Ferrex",
                false
            ),
            [
                (Name, "Ferrex"),
                (Apposition, "the embattled mining company")
            ]
        );
        assert_eq!(
            read(
                "He met the country's longtime leader Jo Roe.",
                "Jo Roe",
                true
            ),
            [
                (Name, "Jo Roe"),
                (Apposition, "the country's longtime leader")
            ]
        );
        assert_eq!(
            read("It was Zed's adviser Jo Roe who spoke.", "Jo Roe", true),
            [(Name, "Jo Roe"), (Apposition, "Zed's adviser")]
        );
        // No determiner: the head noun alone.
        assert_eq!(
            read("He met longtime adviser Jo Roe.", "Jo Roe", true),
            [(Name, "Jo Roe"), (Apposition, "adviser")]
        );
        // Before a comma, the phrase must be opened and the name closed by a comma.
        assert_eq!(
            read("The aide, Jo Roe, said so.", "Jo Roe", true),
            [(Name, "Jo Roe"), (Apposition, "The aide")]
        );
        assert_eq!(
            read("After he met the leader, Roe left.", "Roe", true),
            [(Name, "Roe")]
        );
        // A stop word ends the phrase.
        assert_eq!(
            read("said the dictator Jo Roe", "Jo Roe", true),
            [(Name, "Jo Roe"), (Apposition, "the dictator")]
        );
        // A title and a phrase before it.
        assert_eq!(
            read("the veteran Premier Jo Roe", "Jo Roe", true),
            [(Title, "Premier Jo Roe"), (Apposition, "the veteran")]
        );
        // A capitalised word is a name, not a head.
        assert_eq!(
            read("Springfield Leader Roe", "Roe", false),
            [(Name, "Roe")]
        );
    }

    #[test]
    fn appositions_after_a_name() {
        assert_eq!(
            read("Roe, the strongman, spoke.", "Roe", true),
            [(Name, "Roe"), (Apposition, "the strongman")]
        );
        assert_eq!(
            read("They met Roe, the country's leader.", "Roe", true),
            [(Name, "Roe"), (Apposition, "the country's leader")]
        );
        assert_eq!(
            read(
                "Jo Roe, a spokeswoman for the ministry, said.",
                "Jo Roe",
                true
            ),
            [
                (Name, "Jo Roe"),
                (Apposition, "a spokeswoman for the ministry")
            ]
        );
        assert_eq!(
            read("Roe, the strongman who ruled for years, left.", "Roe", true),
            [(Name, "Roe"), (Apposition, "the strongman")]
        );
        assert_eq!(
            read("Jo Roe, Zed's longtime adviser, left.", "Jo Roe", true),
            [(Name, "Jo Roe"), (Apposition, "Zed's longtime adviser")]
        );
        // A list is no apposition; nor a clause; nor a phrase with no head.
        assert_eq!(
            read("Roe, the government and the army met.", "Roe", false),
            [(Name, "Roe")]
        );
        assert_eq!(
            read("Roe, the man who met the leader, left.", "Roe", true),
            [(Name, "Roe")]
        );
        assert_eq!(read("Roe, 64, left.", "Roe", true), [(Name, "Roe")]);
        assert_eq!(
            read("Roe, who is the leader, left.", "Roe", true),
            [(Name, "Roe")]
        );
    }

    #[test]
    fn reading_never_slices_inside_a_character() {
        for text in [
            "İ, the strongman ẞ",
            "ẞẞ the ẞleader Roe",
            "—Roe, the ",
            "Roe, ",
        ] {
            let at = text.find("Roe").unwrap_or(0);
            let end = (at + 3).min(text.len());
            let _ = read_mention(text, at..end, true, cues());
        }
        let long = format!("{}the strongman Roe", "ẞ ".repeat(200));
        let at = long.find("Roe").unwrap();
        assert_eq!(read_mention(&long, at..at + 3, true, cues()).len(), 2);
    }
}
