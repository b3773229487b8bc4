//! Documents as speakers: "the lawsuit states", "reads one question", "a statement
//! from Jo Roe". News quotes filings, statements, memos and letters as often as
//! people; the words belong to the document (or to the author it names), and
//! saying so beats leaving the quotation without a speaker.

use super::{Kind, Lexicon, QuoteFinder, Slot, Speaker, SpeakerMention};
use std::ops::Range;

impl Lexicon {
    pub(super) fn is_document(&self, word: &str) -> bool {
        self.documents.iter().any(|d| d == word)
    }

    /// Whether a document noun stands within three words of the verb at `range`,
    /// before it ("the suit also states") or after it ("reads one question"): the
    /// verbs that are speech only for documents count only then.
    pub(super) fn document_near(&self, text: &str, range: &Range<usize>) -> bool {
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        let before = words(&text[..range.start]);
        let after = words(&text[range.end..]);
        before
            .iter()
            .rev()
            .take(3)
            .chain(after.iter().take(3))
            .any(|w| self.is_document(w))
    }
}

impl QuoteFinder<'_> {
    /// A document noun phrase as a speaker: its author when the text names one right
    /// after it ("a statement from Jo Roe", "a letter by the ministry"), else the
    /// author of the last document of its kind that named one ("the statement" after
    /// "a statement from Jo Roe"), otherwise the document's own words ("the
    /// lawsuit"), which no pronoun points back to.
    pub(super) fn document(
        &mut self,
        text: &str,
        phrase: Range<usize>,
        mentions: &[SpeakerMention],
    ) -> Option<(Speaker, Kind)> {
        let words = super::normalise_title(&text[phrase.clone()], self.lexicon);
        let head = words.rsplit(' ').next()?;
        if !self.lexicon.is_document(head) {
            return None;
        }
        let rest = &text[phrase.end..];
        let trimmed = rest.trim_start();
        let by = ["from ", "by "].iter().find(|p| trimmed.starts_with(**p));
        if let Some(by) = by {
            let start = phrase.end + (rest.len() - trimmed.len()) + by.len();
            let author = self.lexicon.read_after(text, start..text.len());
            if matches!(author, Slot::Name { .. }) {
                let speaker = self.resolve(text, author, mentions);
                if speaker != Speaker::Unattributed {
                    self.authors.insert(head.to_string(), speaker.clone());
                    return Some((speaker, Kind::Thing));
                }
            }
        }
        let speaker = self.authors.get(head).cloned();
        Some((speaker.unwrap_or(Speaker::Anonymous(words)), Kind::Thing))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Lexicon, QuoteFinder, Speaker, SpeakerMention, StatementKind};

    fn speakers(text: &str, mentions: &[SpeakerMention]) -> Vec<Speaker> {
        let lexicon = Lexicon::builtin();
        QuoteFinder::new(&lexicon)
            .paragraph(text, mentions)
            .into_iter()
            .filter(|s| s.kind == StatementKind::Direct)
            .map(|s| s.speaker)
            .collect()
    }

    #[test]
    fn a_document_speaks_with_its_own_verbs() {
        let text = "“The board acted in bad faith,” the complaint states. The filing also claims the board “ignored three warnings from its auditors.”";
        assert_eq!(
            speakers(text, &[]),
            vec![
                Speaker::Anonymous("complaint".into()),
                Speaker::Anonymous("filing".into())
            ]
        );
    }

    #[test]
    fn a_verb_that_is_speech_only_for_documents_needs_one() {
        let text = "The region states its case plainly: “we want the bridge built by winter.”";
        assert_eq!(speakers(text, &[]), vec![Speaker::Unattributed]);
    }

    #[test]
    fn a_statement_from_someone_is_theirs() {
        let text = "“The dam is safe,” said a statement from Mayor Ada Vale and her deputy.";
        let start = text.find("Ada Vale").unwrap();
        let mention = SpeakerMention {
            actor: "ada-vale".into(),
            rank: 0,
            range: start..start + "Ada Vale".len(),
        };
        let later = format!("{text} “It was inspected in May,” the statement read.");
        assert_eq!(
            speakers(&later, &[mention]),
            vec![Speaker::Actor("ada-vale".into()); 2]
        );
    }
}
