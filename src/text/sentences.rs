//! Where quotations and sentences are in a paragraph: the marks that open and close
//! a quotation, and the full stops that end a sentence. Ingest splits every paragraph
//! into sentences for their anchors; the analysis reads quotations from them.

use std::ops::Range;
use std::sync::OnceLock;

/// Abbreviations that end with a full stop without ending a sentence, as data.
const ABBREVIATIONS: &str = include_str!("abbreviations.toml");

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AbbreviationsFile {
    abbreviations: Vec<String>,
}

/// The built-in abbreviations, parsed once.
pub fn abbreviations() -> &'static [String] {
    static PARSED: OnceLock<Vec<String>> = OnceLock::new();
    PARSED.get_or_init(|| {
        toml::from_str::<AbbreviationsFile>(ABBREVIATIONS)
            .expect("the built-in abbreviations are valid (tested)")
            .abbreviations
    })
}

/// Sentence ranges of a paragraph, with the built-in abbreviations.
pub fn paragraph_sentences(text: &str) -> Vec<Range<usize>> {
    sentences(text, &quote_spans(text), abbreviations())
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

/// A straight mark after a space (or the start, or a bracket) and before a word. An
/// editor's bracket may open the quotation: "[The minister] said …".
fn opens_straight(text: &str, at: usize, after: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|b| b.is_whitespace() || "([{—–-".contains(b))
        && text[after..]
            .chars()
            .next()
            .is_some_and(|n| n.is_alphanumeric() || "‘'([".contains(n))
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
        if !matches!(c, '.' | '!' | '?' | '…' | '。' | '؟') {
            k += 1;
            continue;
        }
        // A full stop inside a quotation ends no sentence, unless it ends the quotation
        // too. Spans follow one another, so only the last one opened before it can hold
        // it: a binary search keeps a paragraph of many quotations linear.
        let opened = spans.partition_point(|s| s.open < i);
        let inside_quote = opened > 0 && {
            let s = &spans[opened - 1];
            i < s.inner.end && !text[i + c.len_utf8()..s.inner.end].trim().is_empty()
        };
        if !inside_quote {
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

/// Whether the full stop ending `word` ends an abbreviation ("Gen.", "U.S.",
/// an initial), not a sentence, by the built-in abbreviations.
pub fn ends_abbreviated(word: &str) -> bool {
    word.strip_suffix('.')
        .is_some_and(|stem| is_abbreviation(stem, abbreviations()))
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
    let word = word.trim_start_matches('(');
    // An initial ("Jane Q. Doe") or dotted capital initials ("H.R. McMaster",
    // "U.S. officials"): a name goes on after them far more often than a
    // sentence ends. Not "p.m.": "at 8 p.m. Results came" is two sentences.
    let initials = word
        .split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    initials || abbreviations.contains(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_but_not_after_abbreviations_or_inside_quotes() {
        let text = "Lt. Gen. (Ret.) Benny Gantz arrived. He said “Good. Very good.” Then he left.";
        let spans = quote_spans(text);
        let found: Vec<&str> = sentences(text, &spans, abbreviations())
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
    fn dotted_initials_end_no_sentence() {
        let text = "The board fired the adviser J.R. Castellane and his deputy. P.K. Osei stayed.";
        let found: Vec<&str> = sentences(text, &quote_spans(text), abbreviations())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            found,
            [
                "The board fired the adviser J.R. Castellane and his deputy.",
                "P.K. Osei stayed."
            ]
        );
        let text = "Polls close at 8 p.m. Results come later.";
        assert_eq!(
            sentences(text, &quote_spans(text), abbreviations()).len(),
            2
        );
    }
}
