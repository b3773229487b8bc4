//! A person's gender, where the text tells it: "Ms. Roe", "a spokeswoman",
//! "Mme Benali". It keeps a gendered pronoun from going back to someone it
//! cannot be ("“…,” he said" after Ms. Roe spoke is not hers). The words are
//! data (`masculine_words`, `feminine_words` and the pronouns of each in
//! `speech.toml`); a person no such word stands beside may be either.

use super::words::word_before;
use super::{Lexicon, QuoteFinder, Speaker, SpeakerMention};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
}

impl Lexicon {
    /// The gender a word before a name or in a description tells ("Mr.", "spokeswoman").
    pub fn gender_of_word(&self, word: &str) -> Option<Gender> {
        let word = word.trim_end_matches('.').to_lowercase();
        if self.masculine_words.contains(&word) {
            Some(Gender::Masculine)
        } else if self.feminine_words.contains(&word) {
            Some(Gender::Feminine)
        } else {
            None
        }
    }

    /// The one gender all of `words` that tell one agree on.
    pub fn gender_of_words<'w>(&self, words: impl IntoIterator<Item = &'w str>) -> Option<Gender> {
        let mut told = words.into_iter().filter_map(|w| self.gender_of_word(w));
        let first = told.next()?;
        told.all(|g| g == first).then_some(first)
    }

    fn gender_of_pronoun(&self, pronoun: &str) -> Option<Gender> {
        if self.masculine_pronouns.iter().any(|p| p == pronoun) {
            Some(Gender::Masculine)
        } else if self.feminine_pronouns.iter().any(|p| p == pronoun) {
            Some(Gender::Feminine)
        } else {
            None
        }
    }
}

/// What is known of one person's gender: a gender, or that the text says both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Told {
    One(Gender),
    Both,
}

/// The genders known so far in one source, by actor slug or unlisted name,
/// over those the whole dossier tells (shared by every source's finder, not
/// copied into each: that would cost sources × people).
#[derive(Debug, Default)]
pub(super) struct Genders<'a> {
    told: HashMap<String, Told>,
    dossier: Option<&'a HashMap<String, Gender>>,
}

impl Genders<'_> {
    fn tell(&mut self, who: String, gender: Gender) {
        self.told
            .entry(who)
            .and_modify(|told| {
                if *told != Told::One(gender) {
                    *told = Told::Both;
                }
            })
            .or_insert(Told::One(gender));
    }

    fn of(&self, speaker: &Speaker) -> Option<Gender> {
        let across = match (speaker, self.dossier) {
            (Speaker::Actor(slug), Some(dossier)) => dossier.get(slug).copied(),
            _ => None,
        };
        match (self.told.get(&key(speaker)), across) {
            (Some(Told::Both), _) => None,
            (Some(Told::One(here)), Some(across)) if *here != across => None,
            (Some(Told::One(here)), _) => Some(*here),
            (None, across) => across,
        }
    }
}

impl<'a> QuoteFinder<'a> {
    /// Genders known from the whole dossier (discovery's evidence), by actor slug.
    pub fn with_genders(mut self, genders: &'a HashMap<String, Gender>) -> Self {
        self.genders.dossier = Some(genders);
        self
    }
}

impl QuoteFinder<'_> {
    /// Learns the gender that the words beside a person's mention tell: the
    /// word right before it or its own first word ("Ms. Roe", "spokeswoman
    /// Jo Roe"), or a short description set off by commas before or after
    /// it ("a spokeswoman for the council, Jo Roe", "Jo Roe, a spokeswoman").
    pub(super) fn note_genders(&mut self, text: &str, mentions: &[SpeakerMention]) {
        for mention in mentions.iter().filter(|m| m.rank == 0) {
            let range = mention.range.clone();
            let word_before = word_before(text, range.start).map(|(_, word)| word);
            let first_word = text[range.clone()]
                .split(|c: char| !c.is_alphanumeric())
                .next();
            let beside = [
                set_off_before(text, range.start),
                set_off_after(text, range.end),
            ];
            let told = word_before
                .into_iter()
                .chain(first_word)
                .find_map(|w| self.lexicon.gender_of_word(w))
                .or_else(|| {
                    beside.into_iter().flatten().find_map(|phrase| {
                        self.lexicon
                            .gender_of_words(phrase.split(|c: char| !c.is_alphanumeric()))
                    })
                });
            if let Some(gender) = told {
                self.genders
                    .tell(key(&Speaker::Actor(mention.actor.clone())), gender);
            }
        }
    }

    /// Learns the gender an unlisted or anonymous speaker's own words tell
    /// ("Ms. Jo Roe", "a spokeswoman").
    pub(super) fn note_gender_in(&mut self, speaker: &Speaker, words: &str) {
        let told = self
            .lexicon
            .gender_of_words(words.split(|c: char| !c.is_alphanumeric()));
        if let Some(gender) = told.filter(|_| *speaker != Speaker::Unattributed) {
            self.genders.tell(key(speaker), gender);
        }
    }

    /// Whether `speaker` may be the one a pronoun stands for.
    pub(super) fn may_be(&self, speaker: &Speaker, pronoun: &str) -> bool {
        let Some(wanted) = self.lexicon.gender_of_pronoun(pronoun) else {
            return true;
        };
        let known = self.genders.of(speaker);
        known.is_none_or(|gender| gender == wanted)
    }
}

/// The longest description set off by commas that a reader takes as one
/// person's: a few words.
const DESCRIPTION_WORDS: usize = 6;

/// Punctuation that ends a description.
fn ends_description(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '«' | '»'
    )
}

/// "a spokeswoman for the council, " right before `start`.
fn set_off_before(text: &str, start: usize) -> Option<&str> {
    let clause = text[..start].strip_suffix(", ")?;
    let from = clause
        .char_indices()
        .rfind(|(_, c)| ends_description(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let phrase = &clause[from..];
    (phrase.split_whitespace().count() <= DESCRIPTION_WORDS).then_some(phrase)
}

/// ", a spokeswoman for the council," right after `end`.
fn set_off_after(text: &str, end: usize) -> Option<&str> {
    let rest = text[end..].strip_prefix(", ")?;
    let phrase = &rest[..rest.find(ends_description).unwrap_or(rest.len())];
    (phrase.split_whitespace().count() <= DESCRIPTION_WORDS).then_some(phrase)
}

/// One key a speaker: an actor's slug and an unlisted name never meet.
fn key(speaker: &Speaker) -> String {
    match speaker {
        Speaker::Actor(slug) => format!("actor {slug}"),
        Speaker::Unlisted(name) => format!("unlisted {name}"),
        Speaker::Anonymous(words) => format!("anonymous {words}"),
        Speaker::Unattributed => String::new(),
    }
}
