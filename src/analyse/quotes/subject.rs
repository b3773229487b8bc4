//! Who a speech pronoun points to when the sentence before names someone without a
//! speech verb: "Jo Roe agreed the plan was late. “We start on Monday,” she said."
//! The attribution before may belong to someone else; the person the text has just
//! made its subject is the likelier one, provided they are a speaker of the article.

use super::{QuoteFinder, Speaker, SpeakerMention};
use std::ops::Range;

impl QuoteFinder<'_> {
    /// Remembers the subject of a sentence that attributes nothing, for the pronouns
    /// after it. The subject is the first person the sentence names outside its
    /// quotations that opens a clause (not "with Roe", not "met Roe") and
    /// is not a possessive ("Roe's plan"). It counts when that person has already been quoted in the article, or
    /// when no attribution so far offers a person: a speech pronoun points into the
    /// article's speakers, and a name that has not spoken is as often someone spoken
    /// about (the test "a pronoun is the subject of the last attribution, not the
    /// nearest name" keeps that case). It counts too when the sentence opens its
    /// paragraph and names the person for the first time in the article: that is
    /// how a report brings in a new voice ("Former Governor Tom Reed went further.
    /// “…,” he said.").
    pub(super) fn note_subject(
        &mut self,
        text: &str,
        sentence: Range<usize>,
        quoted: &[Range<usize>],
        mentions: &[SpeakerMention],
    ) {
        let Some(subject) = self.subject(text, &sentence, quoted, mentions, true) else {
            return;
        };
        self.last_subject = Some(Speaker::Actor(subject.actor.clone()));
        let no_person = self
            .last_person()
            .is_none_or(|speaker| *speaker == Speaker::Unattributed);
        let introduced =
            text[..sentence.start].trim().is_empty() && !self.named.contains(&subject.actor);
        if no_person || introduced || self.spoken.contains(&subject.actor) {
            self.person_spoke(Speaker::Actor(subject.actor.clone()));
            self.attributions += 1;
        }
    }

    /// The subject of `sentence`: the first actor it names outside its
    /// quotations that opens a clause and is not a possessive; with
    /// `person`, the first person.
    pub(super) fn subject<'m>(
        &self,
        text: &str,
        sentence: &Range<usize>,
        quoted: &[Range<usize>],
        mentions: &'m [SpeakerMention],
        person: bool,
    ) -> Option<&'m SpeakerMention> {
        mentions
            .iter()
            .filter(|m| (!person || m.rank == 0) && sentence.contains(&m.range.start))
            .filter(|m| !quoted.iter().any(|q| q.contains(&m.range.start)))
            .filter(|m| !self.possessive(text, m.range.end) && self.opens_clause(text, sentence, m))
            .min_by_key(|m| m.range.start)
    }

    /// Records who has been quoted or paraphrased so far in the article.
    pub(super) fn note_speaker(&mut self, speaker: &Speaker) {
        if let Speaker::Actor(actor) = speaker {
            self.spoken.insert(actor.clone());
        }
    }

    fn possessive(&self, text: &str, end: usize) -> bool {
        let rest = &text[end..];
        rest.starts_with("'s") || rest.starts_with("’s") || rest.starts_with("' ")
    }

    /// Whether the mention opens its clause, titles and an article aside: at the start of the
    /// sentence, after a comma or dash, or after a conjunction ("and Roe", "as Roe")
    /// but not a preposition ("with Roe"). A name after a verb is its object.
    fn opens_clause(&self, text: &str, sentence: &Range<usize>, mention: &SpeakerMention) -> bool {
        let mut before = text[sentence.start..mention.range.start].trim_end();
        loop {
            let cut = before
                .rfind(|c: char| c.is_whitespace() || ",;—–(".contains(c))
                .map_or(0, |i| {
                    i + before[i..].chars().next().map_or(1, char::len_utf8)
                });
            let word = &before[cut..];
            let bare = word.trim_end_matches('.').to_lowercase();
            // "Receiving Ivo Brandt …, Jo Roe said": a participle opening the
            // sentence is a verb, and the name after it its object.
            let opening_participle =
                before[..cut].trim().is_empty() && self.is_long_participle(&bare);
            let title = (word.chars().next().is_some_and(char::is_uppercase)
                && !opening_participle)
                || self.lexicon.honorifics.contains(&bare);
            // "…,” the council filed": an article opens the subject's phrase.
            let article = self.lexicon.determiners.contains(&bare);
            if word.is_empty() || !(title || article) || (!article && self.is_function_word(&bare))
            {
                break;
            }
            before = before[..cut].trim_end();
        }
        // A clause may end inside a closing quotation mark: "…,” the council filed".
        let before = before
            .trim_end_matches(['”', '"', '’', '\'', '»'])
            .trim_end();
        let Some(last) = before.chars().last() else {
            return true;
        };
        if ",;—–(".contains(last) {
            return true;
        }
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        self.is_function_word(&word) && !self.lexicon.prepositions.contains(&word)
    }

    /// A present participle with a stem of four letters or more: "receiving",
    /// not "king" nor the title "acting".
    fn is_long_participle(&self, word: &str) -> bool {
        let letters = word.chars().count();
        self.lexicon
            .participle_endings
            .iter()
            .any(|ending| word.ends_with(ending.as_str()) && letters >= ending.chars().count() + 4)
    }

    fn is_function_word(&self, word: &str) -> bool {
        self.lexicon.function_words.iter().any(|w| w == word)
    }
}
