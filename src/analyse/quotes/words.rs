//! Small word tests of the quote finder, kept apart to keep `quotes.rs` short.

/// Byte length of the first `n` words of `text`.
pub(super) fn first_words(text: &str, n: usize) -> usize {
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

/// Byte offset where the last `n` words of `text` start (0 when it has fewer).
pub(super) fn last_words(text: &str, n: usize) -> usize {
    let starts = text
        .char_indices()
        .filter(|&(i, c)| !c.is_whitespace() && text[..i].ends_with(char::is_whitespace));
    let starts: Vec<usize> = starts.map(|(i, _)| i).collect();
    starts.len().checked_sub(n).map_or(0, |k| starts[k])
}

/// The word before `start`, when a space separates them, and where it starts.
pub(super) fn word_before(text: &str, start: usize) -> Option<(usize, &str)> {
    let before = text[..start].trim_end();
    if before.len() == start {
        return None;
    }
    crate::text::names::word_ending_at(text, before.len())
}

/// `word` is one of `list`, ignoring case.
pub(super) fn is_one_of(list: &[String], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether `word` is longer than one of `endings` and ends with it, in any case.
pub(super) fn ends_with_one_of(endings: &[String], word: &str) -> bool {
    let word = word.to_lowercase();
    endings
        .iter()
        .any(|e| word.len() > e.len() && word.ends_with(e.as_str()))
}

/// A quoted name or title: every word capitalised ("Abraham Agreements").
pub(super) fn looks_like_a_name(text: &str) -> bool {
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
