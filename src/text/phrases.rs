//! Finding a lexicon's phrases in a text, whole words only.

use aho_corasick::{AhoCorasick, Anchored, Input, Match, MatchKind, StartKind};
use std::ops::Range;

/// Whole-word phrases from a lexicon, each belonging to an owner (an actor, a
/// frame, a category), found with one automaton in one pass over a text. The
/// longest phrase wins; a phrase ending in `*` also matches longer words
/// ("normaliz*" → "normalization").
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    automaton: AhoCorasick,
    /// For each pattern: its owner, whether it matches word beginnings, and
    /// its position among the phrases given (empty ones are dropped).
    patterns: Vec<(usize, bool, usize)>,
}

impl PhraseMatcher {
    /// `phrases` are (owner, phrase) pairs.
    pub fn new<'p>(
        phrases: impl IntoIterator<Item = (usize, &'p str)>,
        case_insensitive: bool,
    ) -> Result<PhraseMatcher, aho_corasick::BuildError> {
        Self::build(phrases, case_insensitive, StartKind::Unanchored)
    }

    /// The same, able to answer `longest_at` too: its automaton also holds the
    /// anchored searches, which cost building time that other lexicons need not pay.
    pub fn anchorable<'p>(
        phrases: impl IntoIterator<Item = (usize, &'p str)>,
        case_insensitive: bool,
    ) -> Result<PhraseMatcher, aho_corasick::BuildError> {
        Self::build(phrases, case_insensitive, StartKind::Both)
    }

    fn build<'p>(
        phrases: impl IntoIterator<Item = (usize, &'p str)>,
        case_insensitive: bool,
        start_kind: StartKind,
    ) -> Result<PhraseMatcher, aho_corasick::BuildError> {
        let mut texts = Vec::new();
        let mut patterns = Vec::new();
        for (given, (owner, phrase)) in phrases.into_iter().enumerate() {
            let phrase = phrase.trim();
            let (text, prefix) = match phrase.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (phrase, false),
            };
            if !text.is_empty() {
                texts.push(text.to_string());
                patterns.push((owner, prefix, given));
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(start_kind)
            .ascii_case_insensitive(case_insensitive)
            .build(&texts)?;
        Ok(PhraseMatcher {
            automaton,
            patterns,
        })
    }

    /// Owner, phrase index (its position among the phrases given) and byte
    /// range of each match in `text`; a prefix pattern's range covers the
    /// whole word it begins.
    pub fn find(&self, text: &str) -> Vec<(usize, usize, Range<usize>)> {
        self.automaton
            .find_iter(text)
            .filter_map(|m| self.whole_words(text, m))
            .collect()
    }

    /// The longest phrase that starts at `start`, as `find` reports it; none
    /// from a matcher made with `new`, which holds no anchored search.
    pub fn longest_at(&self, text: &str, start: usize) -> Option<(usize, usize, Range<usize>)> {
        let input = Input::new(text).range(start..).anchored(Anchored::Yes);
        let found = self.automaton.try_find(input).ok()??;
        self.whole_words(text, found)
    }

    /// A match of the automaton, if it stands as whole words.
    fn whole_words(&self, text: &str, m: Match) -> Option<(usize, usize, Range<usize>)> {
        let (owner, prefix, given) = self.patterns[m.pattern().as_usize()];
        let end = if prefix {
            m.end()
                + text[m.end()..]
                    .find(|c: char| !c.is_alphanumeric())
                    .unwrap_or(text.len() - m.end())
        } else {
            m.end()
        };
        is_word_boundary(text, m.start(), end).then_some((owner, given, m.start()..end))
    }
}

pub fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The phrase at `start..end` stands as whole words: where it begins or ends
/// with a letter, no letter runs on from it ("in" is not the end of "within").
/// A phrase of punctuation ("(", "—") stands anywhere.
pub fn stands_whole(text: &str, start: usize, end: usize) -> bool {
    let phrase = &text[start..end];
    let opens = phrase.chars().next().is_some_and(char::is_alphanumeric);
    let closes = phrase
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let runs_into = text[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let runs_on = text[end..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    !((opens && runs_into) || (closes && runs_on))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_anchorable_matcher_answers_the_longest_phrase_at_a_place() {
        let phrases = [(0, "Department"), (1, "Department of Fisheries")];
        let text = "The Department of Fisheries said so.";
        let anchorable = PhraseMatcher::anchorable(phrases, false).unwrap();
        assert_eq!(anchorable.longest_at(text, 4), Some((1, 1, 4..27)));
        assert_eq!(anchorable.longest_at(text, 5), None);
        let plain = PhraseMatcher::new(phrases, false).unwrap();
        assert_eq!(plain.longest_at(text, 4), None);
        assert_eq!(plain.find(text), anchorable.find(text));
    }
}
