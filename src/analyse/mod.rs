//! Stage 4: pure functions over the whole corpus. Each text is scanned once.

pub mod compare;
pub mod framing;
pub mod naming;
pub mod quotes;

use crate::error::Result;
use crate::ingest::Source;
use crate::model::ActorKind;
use crate::resolve::Dossier;
use quotes::{Gender, Lexicon, QuoteFinder, SpeakerMention, Statement, Title};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

/// What the analysis found, keyed by slugs so templates can look things up.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct Analysis {
    /// Mentions of actors in source paragraphs, in source then paragraph order.
    pub mentions: Vec<Mention>,
    /// For each actor, the position in `mentions` of its first mention.
    #[serde(skip)]
    pub first_mention: std::collections::HashMap<String, usize>,
    /// For each actor, how many times each source that names it does so (sources in dossier order).
    pub actor_coverage: BTreeMap<String, Vec<SourceCount>>,
    /// For each source, the actors it mentions, most mentioned first.
    pub source_actors: BTreeMap<String, Vec<ActorCount>>,
    /// For each note, the actors its text names.
    pub note_actors: BTreeMap<String, Vec<String>>,
    /// Quotes, paraphrases and scare quotes, in source then paragraph order.
    pub statements: Vec<SourceStatement>,
    /// Pairs of actors named in the same paragraph, and in how many paragraphs.
    pub co_mentions: Vec<CoMention>,
    /// How the sources compare: frames, language, voices, claims, reuse.
    pub comparison: compare::Comparison,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Mention {
    pub actor: String,
    pub source: String,
    pub anchor: String,
    /// Byte range in the paragraph text.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SourceCount {
    pub source: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ActorCount {
    pub actor: String,
    pub count: usize,
}

/// A statement and the paragraph it stands in.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SourceStatement {
    pub source: String,
    pub anchor: String,
    #[serde(flatten)]
    pub statement: Statement,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct CoMention {
    pub a: String,
    pub b: String,
    pub paragraphs: usize,
}

/// What one source says on its own: read in parallel, joined in dossier order.
struct SourceReading {
    mentions: Vec<Mention>,
    statements: Vec<SourceStatement>,
    /// Each pair of actors named together, once per paragraph that names both.
    pairs: Vec<(String, String)>,
    /// How often the source names each actor, most named first.
    counts: Vec<ActorCount>,
}

/// Fails only when a lexicon is too large to compile (`Error::Matcher`).
pub fn analyse(dossier: &Dossier) -> Result<Analysis> {
    let lexicon = Lexicon::shared();
    let matcher = &dossier.mentions;
    // An ambiguous spelling names the candidate its source settles on, or no one.
    let settle = |source: &str, owner: usize| -> Option<usize> {
        match owner.checked_sub(dossier.actors.len()) {
            None => Some(owner),
            Some(i) => dossier
                .discovery
                .settled_in(i)?
                .get(source)
                .and_then(|slug| dossier.actor_position(slug)),
        }
    };
    let rank = |index: usize| match dossier.actors[index].meta.kind {
        ActorKind::Person => 0,
        ActorKind::Organisation | ActorKind::Group => 1,
        ActorKind::State => 2,
    };

    let titles: Vec<Title> = dossier
        .actors
        .iter()
        .flat_map(|actor| {
            actor.meta.titles.iter().map(|words| Title {
                words: words.clone(),
                actor: actor.slug.clone(),
                person: actor.meta.kind == ActorKind::Person,
            })
        })
        .collect();
    // A person's gender where the whole dossier tells it: discovery's cues
    // ("Ms.", "spokeswoman") and honorifics in a hand-written alias ("Mme Benali").
    let genders: HashMap<String, Gender> = dossier
        .actors
        .iter()
        .filter(|actor| actor.meta.kind == ActorKind::Person)
        .filter_map(|actor| {
            let evidence = dossier
                .discovery
                .actor(&actor.slug)
                .into_iter()
                .flat_map(|found| found.evidence.iter().map(|e| e.words.as_str()));
            let honorifics = actor
                .meta
                .aliases
                .iter()
                .filter_map(|alias| alias.split_once(' ').map(|(first, _)| first));
            let words = evidence.chain(honorifics).flat_map(str::split_whitespace);
            Some((actor.slug.clone(), lexicon.gender_of_words(words)?))
        })
        .collect();
    // Each source is read on its own, so the sources are read in parallel and
    // their findings joined in dossier order.
    let read_source = |source: &Source| {
        let mut mentions = Vec::new();
        let mut statements: Vec<SourceStatement> = Vec::new();
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut appositions: BTreeMap<String, String> = BTreeMap::new();
        let mut finder = QuoteFinder::new(lexicon)
            .with_titles(titles.clone())
            .with_genders(&genders);
        // The headline and deck name actors too; only the body is searched for speech.
        let top = source
            .standing_lines()
            .map(|(anchor, text)| (anchor, text, None));
        let body = source
            .paragraphs
            .iter()
            .map(|p| (p.anchor.clone(), p.text.as_str(), Some(p)));
        for (anchor, text, paragraph) in top.chain(body) {
            let credits = paragraph.map(|p| p.credits.as_slice()).unwrap_or(&[]);
            let found: Vec<(usize, Range<usize>)> = matcher
                .find(text)
                .into_iter()
                .filter(|(_, range)| {
                    !credits
                        .iter()
                        .any(|c| c.start <= range.start && range.end <= c.end)
                })
                .filter_map(|(owner, range)| Some((settle(&source.slug, owner)?, range)))
                .collect();
            let found = one_mention_per_phrase(text, found);
            for (actor, range) in &found {
                if dossier.actors[*actor].meta.kind == ActorKind::Person {
                    if let Some(noun) = apposition_noun(&text[..range.start], lexicon) {
                        appositions
                            .entry(noun)
                            .or_insert_with(|| dossier.actors[*actor].slug.clone());
                    }
                }
            }
            if paragraph.is_some() {
                let speakers: Vec<SpeakerMention> = found
                    .iter()
                    .map(|(actor, range)| SpeakerMention {
                        actor: dossier.actors[*actor].slug.clone(),
                        rank: rank(*actor),
                        range: range.clone(),
                    })
                    .collect();
                for statement in finder.paragraph(text, &speakers) {
                    statements.push(SourceStatement {
                        source: source.slug.clone(),
                        anchor: anchor.clone(),
                        statement,
                    });
                }
            }
            let distinct: BTreeSet<&str> = found
                .iter()
                .map(|(a, _)| dossier.actors[*a].slug.as_str())
                .collect();
            let distinct: Vec<&str> = distinct.into_iter().collect();
            for (i, a) in distinct.iter().enumerate() {
                for b in &distinct[i + 1..] {
                    pairs.push((a.to_string(), b.to_string()));
                }
            }
            for (actor, range) in found {
                mentions.push(Mention {
                    actor: dossier.actors[actor].slug.clone(),
                    source: source.slug.clone(),
                    anchor: anchor.clone(),
                    range,
                });
            }
        }
        // "a senior aide said …" then "the aide, Zohar Palti, told …": the article
        // names the unnamed speaker later, by apposition.
        for found in &mut statements {
            if let quotes::Speaker::Anonymous(words) = &found.statement.speaker {
                let noun = words.rsplit(' ').next().unwrap_or(words);
                if let Some(actor) = appositions.get(noun) {
                    found.statement.speaker = quotes::Speaker::Actor(actor.clone());
                }
            }
        }
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for mention in &mentions {
            *counts.entry(&mention.actor).or_default() += 1;
        }
        let mut counts: Vec<ActorCount> = counts
            .into_iter()
            .map(|(actor, count)| ActorCount {
                actor: actor.to_string(),
                count,
            })
            .collect();
        counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.actor.cmp(&b.actor)));
        SourceReading {
            mentions,
            statements,
            pairs,
            counts,
        }
    };
    let read: Vec<_> = dossier.sources.par_iter().map(read_source).collect();
    let mut mentions = Vec::new();
    let mut statements = Vec::new();
    let mut pairs: BTreeMap<(String, String), usize> = BTreeMap::new();
    // Only the sources that do mention an actor: a table of every actor by every
    // source would grow with the square of the corpus.
    let mut actor_coverage: BTreeMap<String, Vec<SourceCount>> = dossier
        .actors
        .iter()
        .map(|a| (a.slug.clone(), Vec::new()))
        .collect();
    let mut source_actors: BTreeMap<String, Vec<ActorCount>> = BTreeMap::new();
    for (source, reading) in dossier.sources.iter().zip(read) {
        mentions.extend(reading.mentions);
        statements.extend(reading.statements);
        for pair in reading.pairs {
            *pairs.entry(pair).or_default() += 1;
        }
        for found in &reading.counts {
            if let Some(list) = actor_coverage.get_mut(&found.actor) {
                list.push(SourceCount {
                    source: source.slug.clone(),
                    count: found.count,
                });
            }
        }
        if !reading.counts.is_empty() {
            source_actors.insert(source.slug.clone(), reading.counts);
        }
    }

    let note_actors = note_actors(dossier);
    let co_mentions = pairs
        .into_iter()
        .map(|((a, b), paragraphs)| CoMention { a, b, paragraphs })
        .collect();

    let mut first_mention = std::collections::HashMap::new();
    for (i, mention) in mentions.iter().enumerate() {
        if !first_mention.contains_key(&mention.actor) {
            first_mention.insert(mention.actor.clone(), i);
        }
    }
    let mut analysis = Analysis {
        first_mention,
        mentions,
        actor_coverage,
        source_actors,
        note_actors,
        statements,
        co_mentions,
        comparison: compare::Comparison::default(),
    };
    analysis.comparison = compare::compare(dossier, &analysis, lexicon)?;
    Ok(analysis)
}

/// For each note, the actors its text names: the one part of the analysis
/// that reads the notes (`dossier serve` recomputes only this part when only
/// notes changed).
pub fn note_actors(dossier: &Dossier) -> BTreeMap<String, Vec<String>> {
    dossier
        .notes
        .iter()
        .map(|note| {
            let text = crate::markdown::plain_text(&note.body, |l| {
                dossier.title_of(&l.target).map(String::from)
            });
            let named: BTreeSet<String> = dossier
                .mentions
                .find(&text)
                .into_iter()
                .filter_map(|(a, _)| dossier.actors.get(a))
                .map(|a| a.slug.clone())
                .collect();
            (note.slug.clone(), named.into_iter().collect())
        })
        .collect()
}

/// "the aide, " just before a name: the noun the name identifies.
fn apposition_noun(before: &str, lexicon: &Lexicon) -> Option<String> {
    let before = before.trim_end().strip_suffix(',')?;
    // Split the original text first; lowercase only the pieces compared, so no
    // byte offset crosses from one string to the other.
    let (head, noun) = before.rsplit_once(|c: char| !c.is_alphanumeric())?;
    let article = head.trim_end().rsplit(' ').next()?.to_lowercase();
    let noun = noun.to_lowercase();
    (matches!(article.as_str(), "the" | "l'" | "le" | "la" | "el")
        && lexicon.anonymous.contains(&noun))
    .then_some(noun)
}

/// The first sentence of the corpus that names an actor: (source, sentence
/// anchor, text), from the first mention the analysis found.
pub fn first_sentence(
    dossier: &Dossier,
    analysis: &Analysis,
    slug: &str,
) -> Option<(String, String, String)> {
    let mention = &analysis.mentions[*analysis.first_mention.get(slug)?];
    let source = dossier.source(&mention.source)?;
    if let Some(text) = source.standing_line(&mention.anchor) {
        return Some((
            source.slug.clone(),
            mention.anchor.clone(),
            text.to_string(),
        ));
    }
    let paragraph = source
        .paragraphs
        .iter()
        .find(|p| p.anchor == mention.anchor)?;
    let index = paragraph
        .sentences
        .iter()
        .position(|r| r.start <= mention.range.start && mention.range.start < r.end)
        .unwrap_or(0);
    let text = paragraph
        .sentences
        .get(index)
        .map_or(paragraph.text.as_str(), |r| &paragraph.text[r.clone()]);
    Some((
        source.slug.clone(),
        paragraph.sentence_anchor(index),
        text.trim().to_string(),
    ))
}

/// "The mayor Jo Greco", "il sindaco Paolo Greco": a role noun right before
/// the name of the person it settles on is one mention of one person with the
/// name, not two. The naming table still reads the role before the name.
fn one_mention_per_phrase(
    text: &str,
    found: Vec<(usize, Range<usize>)>,
) -> Vec<(usize, Range<usize>)> {
    let mut kept = Vec::with_capacity(found.len());
    let mut found = found.into_iter().peekable();
    while let Some((actor, range)) = found.next() {
        let before_its_name = found.peek().is_some_and(|(next, next_range)| {
            *next == actor && text.get(range.end..next_range.start) == Some(" ")
        });
        if !before_its_name {
            kept.push((actor, range));
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appositions_survive_text_whose_case_changes_length() {
        let lexicon = Lexicon::builtin();
        assert_eq!(
            apposition_noun("They met the aide, ", &lexicon).as_deref(),
            Some("aide")
        );
        assert_eq!(apposition_noun("İstanbul, ", &lexicon), None);
        assert_eq!(apposition_noun("met —İ, ", &lexicon), None);
    }
}
