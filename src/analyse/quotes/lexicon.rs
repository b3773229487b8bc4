//! The speech lexicon (`speech.toml`), parsed and compiled once.

use super::words::{ends_with_one_of, is_one_of, last_words, word_before};
use crate::text::names::word_ending_at;
use crate::text::phrases::PhraseMatcher;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

pub const DEFAULT_LEXICON: &str = include_str!("../speech.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    verbs: Vec<String>,
    anonymous: Vec<String>,
    anonymous_plural: Vec<String>,
    pronouns: Vec<String>,
    plural_pronouns: Vec<String>,
    masculine_pronouns: Vec<String>,
    feminine_pronouns: Vec<String>,
    masculine_words: Vec<String>,
    feminine_words: Vec<String>,
    determiners: Vec<String>,
    function_words: Vec<String>,
    not_names: Vec<String>,
    between: Vec<String>,
    relatives: Vec<String>,
    conjunctions: Vec<String>,
    listener_verbs: Vec<String>,
    labelling_verbs: Vec<String>,
    question_verbs: Vec<String>,
    before_adjectives: Vec<String>,
    negations: Vec<String>,
    negation_endings: Vec<String>,
    passive_auxiliaries: Vec<String>,
    passive_adverbs: Vec<String>,
    adverb_endings: Vec<String>,
    participle_endings: Vec<String>,
    honorifics: Vec<String>,
    equivalent_roles: Vec<Vec<String>>,
    particles: Vec<String>,
    prepositions: Vec<String>,
    documents: Vec<String>,
    document_verbs: Vec<String>,
    infinitive_markers: Vec<String>,
    prepositional_verbs: Vec<String>,
    complementizers: Vec<String>,
    inversions: BTreeMap<String, Vec<String>>,
}

/// The speech lexicon, with its verbs compiled once into a case-insensitive
/// matcher that reports offsets in the original text. See `speech.toml` for what
/// each list is for.
pub struct Lexicon {
    pub verbs: Vec<String>,
    /// Every noun of an unnamed speaker, singular and plural.
    pub anonymous: Vec<String>,
    pub anonymous_plural: Vec<String>,
    pub pronouns: Vec<String>,
    pub plural_pronouns: Vec<String>,
    pub masculine_pronouns: Vec<String>,
    pub feminine_pronouns: Vec<String>,
    pub masculine_words: Vec<String>,
    pub feminine_words: Vec<String>,
    pub determiners: Vec<String>,
    pub function_words: Vec<String>,
    pub not_names: Vec<String>,
    pub between: Vec<String>,
    pub relatives: Vec<String>,
    pub conjunctions: Vec<String>,
    pub listener_verbs: Vec<String>,
    pub labelling_verbs: Vec<String>,
    pub question_verbs: Vec<String>,
    pub before_adjectives: Vec<String>,
    pub negations: Vec<String>,
    pub negation_endings: Vec<String>,
    pub passive_auxiliaries: Vec<String>,
    pub passive_adverbs: Vec<String>,
    pub adverb_endings: Vec<String>,
    pub participle_endings: Vec<String>,
    pub honorifics: Vec<String>,
    /// Each spelling of a role that another stands for, to the one it stands
    /// for (`equivalent_roles`): "congresswoman" and "rep" to "representative".
    pub role_of: HashMap<String, String>,
    pub particles: Vec<String>,
    pub prepositions: Vec<String>,
    pub documents: Vec<String>,
    pub document_verbs: Vec<String>,
    pub infinitive_markers: Vec<String>,
    /// Verbs whose speaker follows them (`prepositional_verbs`).
    pub prepositional_verbs: Vec<String>,
    /// Words that open what a verb says ("that", "che"; `complementizers`).
    pub complementizers: Vec<String>,
    pub verb_matcher: PhraseMatcher,
    /// Verbs that are speech only beside a document noun (`document_verbs`).
    pub document_verb_matcher: PhraseMatcher,
    /// Verbs that are speech only before a quotation (`labelling_verbs`).
    pub labelling_verb_matcher: PhraseMatcher,
}

/// What follows a speech verb's "by": see [`Lexicon::by_phrase`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ByPhrase {
    Nothing,
    Agent(usize),
    Means,
}

impl Lexicon {
    /// The built-in lexicon, parsed and compiled once a process: `serve`, the
    /// tests and the fuzz targets analyse many times.
    pub fn shared() -> &'static Lexicon {
        static SHARED: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        SHARED.get_or_init(Lexicon::builtin)
    }

    pub fn builtin() -> Lexicon {
        let mut file: LexiconFile =
            toml::from_str(DEFAULT_LEXICON).expect("the built-in speech lexicon is valid (tested)");
        file.verbs = with_inversions(file.verbs, &file.inversions);
        let verb_matcher = PhraseMatcher::new(file.verbs.iter().map(|v| (0, v.as_str())), true)
            .expect("the speech verbs compile (tested)");
        let document_verb_matcher =
            PhraseMatcher::new(file.document_verbs.iter().map(|v| (0, v.as_str())), true)
                .expect("the document verbs compile (tested)");
        let labelling_verb_matcher =
            PhraseMatcher::new(file.labelling_verbs.iter().map(|v| (0, v.as_str())), true)
                .expect("the labelling verbs compile (tested)");
        let labelling_verbs = file.labelling_verbs;
        // Prepositions are function words too: they are listed once, below them.
        let mut function_words = file.function_words;
        function_words.extend(file.prepositions.iter().cloned());
        let mut anonymous = file.anonymous;
        anonymous.extend(file.anonymous_plural.iter().cloned());
        Lexicon {
            verbs: file.verbs,
            anonymous,
            anonymous_plural: file.anonymous_plural,
            pronouns: file.pronouns,
            plural_pronouns: file.plural_pronouns,
            masculine_pronouns: file.masculine_pronouns,
            feminine_pronouns: file.feminine_pronouns,
            masculine_words: file.masculine_words,
            feminine_words: file.feminine_words,
            determiners: file.determiners,
            function_words,
            not_names: file.not_names,
            between: file.between,
            relatives: file.relatives,
            conjunctions: file.conjunctions,
            listener_verbs: file.listener_verbs,
            labelling_verbs,
            question_verbs: file.question_verbs,
            before_adjectives: file.before_adjectives,
            negations: file.negations,
            negation_endings: file.negation_endings,
            passive_auxiliaries: file.passive_auxiliaries,
            passive_adverbs: file.passive_adverbs,
            adverb_endings: file.adverb_endings,
            participle_endings: file.participle_endings,
            honorifics: file.honorifics,
            role_of: file
                .equivalent_roles
                .iter()
                .flat_map(|roles| {
                    let first = roles.first().cloned().unwrap_or_default();
                    roles.iter().map(move |r| (r.to_lowercase(), first.clone()))
                })
                .collect(),
            particles: file.particles,
            prepositions: file.prepositions,
            documents: file.documents,
            document_verbs: file.document_verbs,
            infinitive_markers: file.infinitive_markers,
            prepositional_verbs: file.prepositional_verbs,
            complementizers: file.complementizers,
            verb_matcher,
            document_verb_matcher,
            labelling_verb_matcher,
        }
    }
}

/// The verbs, each followed by its inverted forms: "a prévenu" by "a-t-il
/// prévenu" and "a-t-elle prévenu" when `inversions` maps "a" to those.
fn with_inversions(verbs: Vec<String>, inversions: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    let mut all = Vec::with_capacity(verbs.len() * 2);
    for verb in verbs {
        let inverted = verb
            .split_once(' ')
            .and_then(|(first, rest)| Some((inversions.get(first)?, rest)));
        if let Some((forms, rest)) = inverted {
            all.extend(forms.iter().map(|form| format!("{form} {rest}")));
        }
        all.push(verb);
    }
    all
}

impl Lexicon {
    /// How many verbs and phrases can attribute words: the speech verbs, the
    /// labelling verbs and the verbs of a document that speaks.
    pub fn verb_count(&self) -> usize {
        self.verbs.len() + self.labelling_verbs.len() + self.document_verbs.len()
    }

    /// A verb of asking (`question_verbs`).
    pub(super) fn asks(&self, verb: &str) -> bool {
        is_one_of(&self.question_verbs, verb)
    }

    /// Whether the speech verb at `start` follows an article or a possessive,
    /// which makes it an adjective or a noun ("the alleged plot").
    pub(super) fn is_adjective_at(&self, text: &str, start: usize) -> bool {
        // After a possessive too: "the minister's alleged demands", but not
        // after a pronoun's "has" ("he's said").
        let before = text[..start].trim_end();
        let owner = before
            .strip_suffix("'s")
            .or_else(|| before.strip_suffix("’s"))
            .and_then(|stem| word_ending_at(stem, stem.len()));
        let possessive = owner.is_some_and(|(_, owner)| {
            !is_one_of(&self.pronouns, owner)
                && !is_one_of(&self.function_words, owner)
                && !is_one_of(&self.relatives, owner)
        });
        possessive
            || word_before(text, start).is_some_and(|(_, w)| is_one_of(&self.before_adjectives, w))
    }

    /// Whether a negation stands right before the verb at `start`, or before an
    /// adverb before it ("did not say", "never wrote", "didn't immediately
    /// comment"): a statement denied is none.
    pub(super) fn is_negated_at(&self, text: &str, start: usize) -> bool {
        let mut words = text[..start].split_whitespace().rev();
        let Some(mut word) = words.next() else {
            return false;
        };
        if ends_with_one_of(&self.adverb_endings, word) || is_one_of(&self.passive_adverbs, word) {
            match words.next() {
                Some(before) => word = before,
                None => return false,
            }
        }
        is_one_of(&self.negations, word) || ends_with_one_of(&self.negation_endings, word)
    }

    /// Whether an auxiliary makes the verb at `start` passive: right before it,
    /// or before an adverb ("was later called", "is widely described").
    pub(super) fn is_passive_at(&self, text: &str, start: usize) -> bool {
        let Some((at, word)) = word_before(text, start) else {
            return false;
        };
        let auxiliary = |w: &str| is_one_of(&self.passive_auxiliaries, w);
        let adverb =
            ends_with_one_of(&self.adverb_endings, word) || is_one_of(&self.passive_adverbs, word);
        auxiliary(word) || (adverb && word_before(text, at).is_some_and(|(_, w)| auxiliary(w)))
    }

    /// What a "by" right after the verb ending at `end` brings: the agent of a
    /// passive verb ("was told by Ann Lee", the start of "Ann Lee"), or a
    /// means ("responded by hitting him": an act, not speech).
    pub(super) fn by_phrase(&self, text: &str, end: usize) -> ByPhrase {
        let Some(rest) = text[end..].trim_start().strip_prefix("by ") else {
            return ByPhrase::Nothing;
        };
        let next = rest.split_whitespace().next().unwrap_or("");
        if ends_with_one_of(&self.participle_endings, next) {
            ByPhrase::Means
        } else {
            ByPhrase::Agent(text.len() - rest.len())
        }
    }

    /// Whether the verb at `range` speaks for its subject or an agent: not a
    /// passive verb without its agent ("Roe is charged with", "was told to
    /// leave", where Roe says nothing), nor one done by some means, nor one
    /// denied ("never wrote that").
    pub(super) fn speaks_at(&self, text: &str, range: &Range<usize>) -> bool {
        (match self.by_phrase(text, range.end) {
            ByPhrase::Means => false,
            ByPhrase::Agent(_) => true,
            ByPhrase::Nothing => !self.is_passive_at(text, range.start),
        }) && !self.is_negated_at(text, range.start)
    }

    /// Whether one of the last few words of `clause` is a labelling verb, as
    /// in "called the plan a “…”".
    pub(super) fn labels_just_before(&self, clause: &str) -> bool {
        let from = last_words(clause, 6);
        self.labelling_verbs_in(&clause[from..]).next().is_some()
    }

    /// The labelling verbs of `text` that are verbs whose subject speaks: not an
    /// adjective after an article, not passive ("was called"), nor part of a
    /// hyphenated word ("so-called", "self-described"), which marks a term.
    pub(super) fn labelling_verbs_in<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = Range<usize>> + 't {
        self.labelling_verb_matcher
            .find(text)
            .into_iter()
            .map(|(_, _, range)| range)
            .filter(move |range| {
                !text[..range.start].ends_with('-')
                    && !self.is_adjective_at(text, range.start)
                    && !self.is_passive_at(text, range.start)
            })
    }

    /// The spelling a role word stands for ("rep" → "representative"), or
    /// the word itself.
    pub(super) fn canonical_role<'w>(&'w self, word: &'w str) -> &'w str {
        self.role_of.get(word).map_or(word, String::as_str)
    }

    /// A verb that is speech only before a quotation (`labelling_verbs`).
    pub(super) fn labels(&self, verb: &str) -> bool {
        is_one_of(&self.labelling_verbs, verb)
    }
}
