//! Small word tests of the quote finder, kept apart to keep `quotes.rs` short.

pub(super) fn is_prepositional(verb: &str) -> bool {
    matches!(
        verb.to_lowercase().as_str(),
        "according to" | "selon" | "según" | "segundo" | "laut"
    )
}

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
