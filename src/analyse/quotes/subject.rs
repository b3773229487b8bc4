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
    /// nearest name" keeps that case).
    pub(super) fn note_subject(
        &mut self,
        text: &str,
        sentence: Range<usize>,
        quoted: &[Range<usize>],
        mentions: &[SpeakerMention],
    ) {
        let subject = mentions
            .iter()
            .filter(|m| m.rank == 0 && sentence.contains(&m.range.start))
            .filter(|m| !quoted.iter().any(|q| q.contains(&m.range.start)))
            .filter(|m| {
                !self.possessive(text, m.range.end) && self.opens_clause(text, &sentence, m)
            })
            .min_by_key(|m| m.range.start);
        let Some(subject) = subject else {
            return;
        };
        let no_person = self
            .last_person
            .as_ref()
            .is_none_or(|(speaker, _)| *speaker == Speaker::Unattributed);
        if no_person || self.spoken.contains(&subject.actor) {
            self.last_person = Some((Speaker::Actor(subject.actor.clone()), self.attributions));
            self.attributions += 1;
        }
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

    /// Whether the mention opens its clause, titles aside: at the start of the
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
            let title = word.chars().next().is_some_and(char::is_uppercase)
                || self.lexicon.honorifics.contains(&bare);
            if word.is_empty() || !title || self.is_function_word(&bare) {
                break;
            }
            before = before[..cut].trim_end();
        }
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

    fn is_function_word(&self, word: &str) -> bool {
        self.lexicon.function_words.iter().any(|w| w == word)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Lexicon, QuoteFinder, Speaker, SpeakerMention, StatementKind};

    fn mentions(text: &str, names: &[(&str, &str)]) -> Vec<SpeakerMention> {
        let mut out = Vec::new();
        for (name, actor) in names {
            for (start, _) in text.match_indices(name) {
                out.push(SpeakerMention {
                    actor: actor.to_string(),
                    rank: 0,
                    range: start..start + name.len(),
                });
            }
        }
        out
    }

    fn direct_speakers(
        finder: &mut QuoteFinder,
        text: &str,
        names: &[(&str, &str)],
    ) -> Vec<Speaker> {
        finder
            .paragraph(text, &mentions(text, names))
            .into_iter()
            .filter(|s| s.kind == StatementKind::Direct)
            .map(|s| s.speaker)
            .collect()
    }

    const NAMES: &[(&str, &str)] = &[
        ("Ada Vale", "vale"),
        ("Vale", "vale"),
        ("Bo Lund", "lund"),
        ("Lund", "lund"),
    ];

    #[test]
    fn a_speaker_made_subject_again_takes_the_next_pronoun() {
        let lexicon = Lexicon::builtin();
        let mut finder = QuoteFinder::new(&lexicon);
        let p1 = "“The harbour will reopen in spring,” Ada Vale said. “The dredging is done,” Bo Lund said.";
        direct_speakers(&mut finder, p1, NAMES);
        let p2 = "Ms. Vale agreed that the costs had grown. “We will find the money,” she said.";
        assert_eq!(
            direct_speakers(&mut finder, p2, NAMES),
            vec![Speaker::Actor("vale".into())]
        );
    }

    #[test]
    fn with_no_person_quoted_yet_the_subject_takes_the_pronoun() {
        let lexicon = Lexicon::builtin();
        let mut finder = QuoteFinder::new(&lexicon);
        let p1 =
            "Officials said the vote was close. At the same time, Bo Lund signalled he would wait.";
        direct_speakers(&mut finder, p1, NAMES);
        let p2 = "“Nobody knows what I will do,” he said.";
        assert_eq!(
            direct_speakers(&mut finder, p2, NAMES),
            vec![Speaker::Actor("lund".into())]
        );
    }

    #[test]
    fn a_name_after_a_verb_or_a_preposition_is_not_the_subject() {
        let lexicon = Lexicon::builtin();
        for middle in [
            "The mayor has long criticised Bo Lund over the budget.",
            "The council met with Bo Lund on Tuesday.",
        ] {
            let mut finder = QuoteFinder::new(&lexicon);
            let p1 = "“The harbour will reopen in spring,” Ada Vale said. “The dredging is done,” Bo Lund said. “It is not,” Ada Vale said.";
            direct_speakers(&mut finder, p1, NAMES);
            let p2 = format!("{middle} “We will find the money,” he said.");
            assert_eq!(
                direct_speakers(&mut finder, &p2, NAMES),
                vec![Speaker::Actor("vale".into())],
                "{middle}"
            );
        }
    }
}
