//! Who says what: direct quotations, their speakers, scare quotes, and paraphrased
//! statements. The speech-verb lexicon is data (`speech.toml`).

use super::mentions::PhraseMatcher;
use serde::{Deserialize, Serialize};
use std::ops::Range;

pub const DEFAULT_LEXICON: &str = include_str!("speech.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    verbs: Vec<String>,
    anonymous: Vec<String>,
    pronouns: Vec<String>,
    abbreviations: Vec<String>,
}

/// The speech lexicon, with its verbs compiled once into a case-insensitive
/// matcher that reports offsets in the original text.
pub struct Lexicon {
    pub verbs: Vec<String>,
    pub anonymous: Vec<String>,
    pub pronouns: Vec<String>,
    pub abbreviations: Vec<String>,
    pub verb_matcher: PhraseMatcher,
}

/// The built-in abbreviations, parsed once: ingest splits every paragraph into
/// sentences before any lexicon is loaded.
pub fn builtin_abbreviations() -> &'static [String] {
    static ABBREVIATIONS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    ABBREVIATIONS.get_or_init(|| {
        let file: LexiconFile =
            toml::from_str(DEFAULT_LEXICON).expect("the built-in speech lexicon is valid (tested)");
        file.abbreviations
    })
}

/// Sentence ranges of a paragraph, with the built-in abbreviations.
pub fn paragraph_sentences(text: &str) -> Vec<Range<usize>> {
    sentences(text, &quote_spans(text), builtin_abbreviations())
}

impl Lexicon {
    pub fn builtin() -> Lexicon {
        let file: LexiconFile =
            toml::from_str(DEFAULT_LEXICON).expect("the built-in speech lexicon is valid (tested)");
        let verb_matcher = PhraseMatcher::new(file.verbs.iter().map(|v| (0, v.as_str())), true)
            .expect("the speech verbs compile (tested)");
        Lexicon {
            verbs: file.verbs,
            anonymous: file.anonymous,
            pronouns: file.pronouns,
            abbreviations: file.abbreviations,
            verb_matcher,
        }
    }
}

/// Who a statement is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", content = "who", rename_all = "lowercase")]
pub enum Speaker {
    /// An actor of the dossier, by slug.
    Actor(String),
    /// Someone the text does not name: the words that stand for them ("security officials").
    Anonymous(String),
    /// Nobody: the text does not say who speaks.
    Unattributed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// Words in quotation marks.
    Direct,
    /// Words reported without quotation marks: "Palti added it will…".
    Indirect,
    /// Quoted words that are not speech: a term or label held at a distance.
    Scare,
}

/// A statement found in one paragraph.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Statement {
    pub kind: StatementKind,
    /// The quoted words, or the whole sentence for an indirect statement.
    pub text: String,
    pub speaker: Speaker,
    /// The word that introduces it ("said", "told"), if any.
    pub verb: Option<String>,
    /// True when the quote continues the previous paragraph's speaker.
    pub continued: bool,
    pub words: usize,
    /// Byte range in the paragraph text.
    pub range: Range<usize>,
}

/// An actor mention inside a paragraph, as the quote finder needs it.
#[derive(Debug, Clone)]
pub struct SpeakerMention {
    pub actor: String,
    /// Lower ranks first: people before organisations before states.
    pub rank: u8,
    pub range: Range<usize>,
}

/// Finds statements paragraph by paragraph, carrying the last speaker across
/// paragraphs for continued quotes and pronouns.
pub struct QuoteFinder<'a> {
    lexicon: &'a Lexicon,
    last_speaker: Option<Speaker>,
    last_paragraph_quoted: bool,
}

impl<'a> QuoteFinder<'a> {
    /// One finder per source: speakers never carry over from one article to another.
    pub fn new(lexicon: &'a Lexicon) -> Self {
        QuoteFinder {
            lexicon,
            last_speaker: None,
            last_paragraph_quoted: false,
        }
    }

    pub fn paragraph(&mut self, text: &str, mentions: &[SpeakerMention]) -> Vec<Statement> {
        let spans = quote_spans(text);
        let sentences = sentences(text, &spans, &self.lexicon.abbreviations);
        let mut statements = Vec::new();
        let mut quoted_here = false;
        // Where the verbs that introduce this paragraph's quotations stand.
        let mut framing_verbs: Vec<usize> = Vec::new();

        for span in &spans {
            let inner = text[span.inner.clone()].trim();
            let words = crate::ingest::count_words(inner);
            if words == 0 {
                continue;
            }
            let sentence = sentences
                .iter()
                .find(|s| s.contains(&span.open))
                .cloned()
                .unwrap_or(0..text.len());
            let before = sentence.start..span.open;
            let after =
                span.close_end.min(text.len())..sentence.end.max(span.close_end).min(text.len());
            let attribution = self
                .attribute(text, after.clone(), mentions, Side::After)
                .or_else(|| self.attribute(text, before.clone(), mentions, Side::Before));
            let starts_paragraph = text[..span.open].trim().is_empty();
            if let Some((_, _, at)) = &attribution {
                framing_verbs.push(*at);
            }
            let (speaker, verb, continued) = match attribution {
                Some((speaker, verb, _)) => (speaker, Some(verb), false),
                None if words <= 4 || looks_like_a_name(inner) => {
                    statements.push(Statement {
                        kind: StatementKind::Scare,
                        text: inner.to_string(),
                        speaker: Speaker::Unattributed,
                        verb: None,
                        continued: false,
                        words,
                        range: span.inner.clone(),
                    });
                    continue;
                }
                None if starts_paragraph
                    && self.last_paragraph_quoted
                    && self.last_speaker.is_some() =>
                {
                    (self.last_speaker.clone().expect("checked"), None, true)
                }
                None => (Speaker::Unattributed, None, false),
            };
            if speaker != Speaker::Unattributed {
                self.last_speaker = Some(speaker.clone());
            }
            quoted_here = true;
            statements.push(Statement {
                kind: StatementKind::Direct,
                text: inner.to_string(),
                speaker,
                verb,
                continued,
                words,
                range: span.inner.clone(),
            });
        }

        for sentence in &sentences {
            if let Some((speaker, verb, at)) =
                self.attribute(text, sentence.clone(), mentions, Side::Within)
            {
                // A sentence whose verb introduces a quotation is the quotation's; one
                // that only borrows a few quoted words ("created a “strategic
                // alliance”") reports speech of its own.
                if matches!(speaker, Speaker::Unattributed) || framing_verbs.contains(&at) {
                    continue;
                }
                self.last_speaker = Some(speaker.clone());
                let sentence_text = text[sentence.clone()].trim();
                statements.push(Statement {
                    kind: StatementKind::Indirect,
                    text: sentence_text.to_string(),
                    speaker,
                    verb: Some(verb),
                    continued: false,
                    words: crate::ingest::count_words(sentence_text),
                    range: sentence.clone(),
                });
            }
        }
        statements.sort_by_key(|s| s.range.start);
        self.last_paragraph_quoted = quoted_here;
        statements
    }

    /// The speaker and verb of a clause, if it carries a speech verb.
    fn attribute(
        &self,
        text: &str,
        clause: Range<usize>,
        mentions: &[SpeakerMention],
        side: Side,
    ) -> Option<(Speaker, String, usize)> {
        if clause.is_empty() {
            return None;
        }
        let clause_text = &text[clause.clone()];
        // After a quote the attribution comes first ("…,” the aide, Zohar Palti, told);
        // before it, the verb nearest the quote counts.
        let (verb, at) = match side {
            Side::After => {
                let window = first_words(clause_text, 14);
                self.find_verb(&clause_text[..window], true)?
            }
            Side::Before => self.find_verb(clause_text, false)?,
            Side::Within => self.find_verb(clause_text, true)?,
        };
        let verb_start = clause.start + at;
        let verb_end = verb_start + verb.len();
        let follows = |range: &Range<usize>| range.start >= verb_end && range.end <= clause.end;
        let precedes =
            |range: &Range<usize>| range.start >= clause.start && range.end <= verb_start;
        let speaker_after_verb =
            is_prepositional(&verb) || text[verb_end..clause.end].trim_start().starts_with("by ");

        let pick = |keep: &dyn Fn(&Range<usize>) -> bool, nearest_first: bool| -> Option<String> {
            let mut candidates: Vec<&SpeakerMention> =
                mentions.iter().filter(|m| keep(&m.range)).collect();
            if nearest_first {
                candidates.sort_by_key(|m| (m.rank, std::cmp::Reverse(m.range.start)));
            } else {
                candidates.sort_by_key(|m| (m.rank, m.range.start));
            }
            candidates.first().map(|m| m.actor.clone())
        };
        let subject = if speaker_after_verb {
            &text[verb_end..clause.end]
        } else {
            &text[clause.start..verb_start]
        };
        // "a senior aide said", "officials told": an unnamed speaker right before the verb
        // is the subject, whoever else the clause names.
        if !speaker_after_verb {
            let tail: Vec<&str> = subject.split_whitespace().rev().take(1).collect();
            if let Some(cue) = tail.first().and_then(|w| self.anonymous_cue(w)) {
                let speaker = Speaker::Anonymous(self.anonymous_cue(subject).unwrap_or(cue));
                return Some((speaker, verb, verb_start));
            }
        }
        let named = if speaker_after_verb {
            pick(&follows, false)
        } else {
            pick(&precedes, false)
        };
        if let Some(actor) = named {
            return Some((Speaker::Actor(actor), verb, verb_start));
        }
        if let Some(cue) = self.anonymous_cue(subject) {
            return Some((Speaker::Anonymous(cue), verb, verb_start));
        }
        // "…,” said Gantz: the speaker right after the verb, when nothing stands before it.
        if !speaker_after_verb && subject.split_whitespace().count() <= 2 {
            let near =
                verb_end..(verb_end + first_words(&text[verb_end..clause.end], 4)).min(clause.end);
            if let Some(actor) = pick(
                &|r: &Range<usize>| r.start >= near.start && r.end <= near.end,
                false,
            ) {
                return Some((Speaker::Actor(actor), verb, verb_start));
            }
        }
        if self.starts_with_pronoun(subject)
            || self.starts_with_pronoun(&text[verb_end..clause.end])
        {
            if let Some(last) = &self.last_speaker {
                return Some((last.clone(), verb, verb_start));
            }
        }
        match side {
            Side::Within => None,
            _ => Some((Speaker::Unattributed, verb, verb_start)),
        }
    }

    /// The first (or, with `first == false`, the last) speech verb in `text`, as a whole word.
    fn find_verb(&self, text: &str, first: bool) -> Option<(String, usize)> {
        let found = self.lexicon.verb_matcher.find(text);
        let (_, _, range) = if first {
            found.into_iter().next()
        } else {
            found.into_iter().last()
        }?;
        Some((text[range.clone()].to_string(), range.start))
    }

    fn anonymous_cue(&self, clause: &str) -> Option<String> {
        let lower = clause.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let position = words
            .iter()
            .position(|w| self.lexicon.anonymous.iter().any(|a| a == w))?;
        let start = position.saturating_sub(2);
        Some(words[start..=position].join(" "))
    }

    fn starts_with_pronoun(&self, clause: &str) -> bool {
        let first = clause
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_lowercase();
        self.lexicon.pronouns.contains(&first)
    }
}

#[derive(Clone, Copy)]
enum Side {
    /// The clause after a quote.
    After,
    /// The clause before a quote.
    Before,
    /// A whole sentence without quotes.
    Within,
}

fn is_prepositional(verb: &str) -> bool {
    matches!(
        verb.to_lowercase().as_str(),
        "according to" | "selon" | "según" | "segundo" | "laut"
    )
}

/// Byte length of the first `n` words of `text`.
fn first_words(text: &str, n: usize) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                count += 1;
                if count == n {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}

/// A quoted name or title: every word capitalised ("Abraham Agreements").
fn looks_like_a_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() <= 6
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(
                    *w,
                    "of" | "the" | "and" | "de" | "la" | "le" | "du" | "des" | "for"
                )
        })
}

/// A quotation: where its marks are and what is between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte offset of the opening mark.
    pub open: usize,
    pub inner: Range<usize>,
    /// Byte offset just after the closing mark (the text end when unclosed).
    pub close_end: usize,
}

/// Quotations marked “…”, «…», „…“ or "…". An opening mark without a closing one
/// quotes to the end of the paragraph, as a quote running on to the next one does.
pub fn quote_spans(text: &str) -> Vec<QuoteSpan> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char, usize)> = None;
    for (i, c) in text.char_indices() {
        let after = i + c.len_utf8();
        match (open, c) {
            (None, '“' | '«' | '„') => open = Some((i, c, after)),
            // A straight mark opens only where a word could start, and closes only
            // where one ends: an inch mark or a stray `">` pairs with nothing.
            (None | Some((_, '"', _)), '"') if opens_straight(text, i, after) => {
                open = Some((i, c, after))
            }
            (Some((start, '"', inner)), '"')
                if !text[after..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric) =>
            {
                spans.push(QuoteSpan {
                    open: start,
                    inner: inner..i,
                    close_end: after,
                });
                open = None;
            }
            (Some((_, '"', _)), '"') => {}
            (Some((start, opener, inner)), _) if closes(opener, c) => {
                spans.push(QuoteSpan {
                    open: start,
                    inner: inner..i,
                    close_end: after,
                });
                open = None;
            }
            _ => {}
        }
    }
    if let Some((start, _, inner)) = open {
        spans.push(QuoteSpan {
            open: start,
            inner: inner..text.len(),
            close_end: text.len(),
        });
    }
    spans
}

/// A straight mark after a space (or the start, or a bracket) and before a word.
fn opens_straight(text: &str, at: usize, after: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|b| b.is_whitespace() || "([{—–-".contains(b))
        && text[after..]
            .chars()
            .next()
            .is_some_and(|n| n.is_alphanumeric() || "‘'(".contains(n))
}

fn closes(opener: char, c: char) -> bool {
    match opener {
        '“' => c == '”',
        '«' => c == '»',
        '„' => c == '“' || c == '”',
        '"' => c == '"',
        _ => false,
    }
}

/// Sentence ranges in a paragraph. A full stop after an abbreviation or an initial
/// does not end a sentence, nor does one inside a quotation.
pub fn sentences(text: &str, spans: &[QuoteSpan], abbreviations: &[String]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        // A full stop inside a quotation ends no sentence, unless it ends the quotation too.
        let inside_quote = spans.iter().any(|s| {
            i > s.open && i < s.inner.end && !text[i + c.len_utf8()..s.inner.end].trim().is_empty()
        });
        if matches!(c, '.' | '!' | '?' | '…' | '。' | '؟') && !inside_quote {
            let mut end = k + 1;
            while end < chars.len() && matches!(chars[end].1, '"' | '”' | '’' | '»' | ')' | '\'')
            {
                end += 1;
            }
            let next = chars.get(end).map(|(_, c)| *c);
            let after_space = chars[end..]
                .iter()
                .find(|(_, c)| !c.is_whitespace())
                .map(|(_, c)| *c);
            let boundary = next.is_none()
                || (next.is_some_and(char::is_whitespace)
                    && after_space.is_some_and(|c| {
                        c.is_uppercase() || c.is_numeric() || matches!(c, '“' | '"' | '«' | '„')
                    })
                    && !(c == '.' && is_abbreviation(&text[start..i], abbreviations)));
            if boundary {
                let stop = chars.get(end).map_or(text.len(), |(j, _)| *j);
                ranges.push(start..stop);
                start = stop;
                k = end;
                continue;
            }
        }
        k += 1;
    }
    if text[start..].trim().chars().any(char::is_alphanumeric) {
        ranges.push(start..text.len());
    }
    ranges
        .into_iter()
        .map(|r| {
            let leading = text[r.clone()].len() - text[r.clone()].trim_start().len();
            r.start + leading..r.end
        })
        .filter(|r| !r.is_empty())
        .collect()
}

fn is_abbreviation(before: &str, abbreviations: &[String]) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.' || *c == '(')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let word = word.trim_start_matches('(').to_lowercase();
    (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
        || abbreviations.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(text: &str, name: &str, actor: &str, rank: u8) -> SpeakerMention {
        let start = text.find(name).unwrap();
        SpeakerMention {
            actor: actor.into(),
            rank,
            range: start..start + name.len(),
        }
    }

    #[test]
    fn the_builtin_lexicon_loads() {
        let lexicon = Lexicon::builtin();
        assert!(lexicon.verbs.contains(&"told".to_string()));
    }

    #[test]
    fn splits_sentences_but_not_after_abbreviations_or_inside_quotes() {
        let lexicon = Lexicon::builtin();
        let text = "Lt. Gen. (Ret.) Benny Gantz arrived. He said “Good. Very good.” Then he left.";
        let spans = quote_spans(text);
        let found: Vec<&str> = sentences(text, &spans, &lexicon.abbreviations)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            found,
            [
                "Lt. Gen. (Ret.) Benny Gantz arrived.",
                "He said “Good. Very good.”",
                "Then he left."
            ]
        );
    }

    #[test]
    fn attributes_after_before_and_continued_quotes() {
        let lexicon = Lexicon::builtin();
        let mut finder = QuoteFinder::new(&lexicon);
        let p1 = "“This is a deal,” the aide, Zohar Palti, told Israel’s Kan broadcaster.";
        let found = finder.paragraph(
            p1,
            &[
                mention(p1, "Zohar Palti", "palti", 0),
                mention(p1, "Kan", "kan", 1),
                mention(p1, "Israel", "israel", 2),
            ],
        );
        assert_eq!(found[0].speaker, Speaker::Actor("palti".into()));
        assert_eq!(found[0].verb.as_deref(), Some("told"));
        let p2 = "“Morocco has for years been battling terror on several fronts.”";
        let found = finder.paragraph(p2, &[mention(p2, "Morocco", "morocco", 2)]);
        assert_eq!(found[0].speaker, Speaker::Actor("palti".into()));
        assert!(found[0].continued);

        let p3 = "In a statement, Gantz said that the agreement was “very significant and will allow us to exchange ideas.”";
        let found = QuoteFinder::new(&lexicon).paragraph(p3, &[mention(p3, "Gantz", "gantz", 0)]);
        assert_eq!(found[0].speaker, Speaker::Actor("gantz".into()));
        assert_eq!(found[0].kind, StatementKind::Direct);
    }

    #[test]
    fn scare_quotes_and_names_are_not_speech() {
        let lexicon = Lexicon::builtin();
        let text = "Israel is cementing their newfound “friendships” in line with the “Abraham Agreements”.";
        let found = QuoteFinder::new(&lexicon).paragraph(text, &[]);
        assert!(
            found.iter().all(|s| s.kind == StatementKind::Scare),
            "{found:?}"
        );
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn indirect_and_anonymous_statements() {
        let lexicon = Lexicon::builtin();
        let text = "Palti added it will allow the beginning of official cooperation. Other security officials who spoke under the condition of anonymity, stressed Morocco and Israel will not engage in weapon sales.";
        let found = QuoteFinder::new(&lexicon).paragraph(
            text,
            &[
                mention(text, "Palti", "palti", 0),
                mention(text, "Morocco", "morocco", 2),
            ],
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].speaker, Speaker::Actor("palti".into()));
        assert_eq!(found[0].kind, StatementKind::Indirect);
        assert_eq!(
            found[1].speaker,
            Speaker::Anonymous("other security officials".into())
        );
    }

    #[test]
    fn scripts_whose_case_changes_length_do_not_break_verb_search() {
        let lexicon = Lexicon::builtin();
        for text in [
            "The ẞ—said İ were all present at the meeting in the capital.",
            "İstanbul, Benny Gantz told reporters “İ will go.”",
        ] {
            QuoteFinder::new(&lexicon).paragraph(text, &[]);
        }
    }

    #[test]
    fn stray_straight_marks_do_not_flip_the_pairing() {
        let text = r#""><img src=x> Benny Gantz said "hello there" to Israel. A 12" pipe."#;
        let inner: Vec<&str> = quote_spans(text)
            .iter()
            .map(|s| &text[s.inner.clone()])
            .collect();
        assert_eq!(inner, ["hello there"]);
    }

    #[test]
    fn unattributed_quotes_stay_unattributed() {
        let lexicon = Lexicon::builtin();
        let text = "“We will not be intimidated by anyone at all,” read a banner at the rally.";
        let found = QuoteFinder::new(&lexicon).paragraph(text, &[]);
        assert_eq!(found[0].speaker, Speaker::Unattributed);
        assert_eq!(found[0].kind, StatementKind::Direct);
    }
}
