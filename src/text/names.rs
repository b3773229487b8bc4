//! Proper names in running text: words, capitalised spans, possessives, and
//! whether a match stands inside a longer name. Plain functions over `&str`
//! with byte ranges; the word lists they need are passed in by the caller.

use std::ops::Range;

/// Small words that may stand between the capitalised words of one name
/// ("Bank of England", "Customs and Border Protection", "Charles de Gaulle").
pub const CONNECTORS: [&str; 24] = [
    "of", "and", "for", "the", "de", "du", "des", "la", "le", "del", "della", "von", "van", "der",
    "den", "al", "bin", "ibn", "y", "di", "da", "dos", "ter", "zu",
];

/// The byte ranges of the words of `text`. A word is a run of letters and
/// digits, joined across an inner hyphen, apostrophe or full stop ("O'Brien",
/// "Al-Assad", "U.S"); a possessive "'s" is not part of it, and a final full
/// stop belongs to it only for an initial or a dotted abbreviation ("S.", "U.S.").
pub fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut dotted = false;
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() {
                end = i + c.len_utf8();
                chars.next();
                continue;
            }
            let joiner = matches!(c, '-' | '\'' | '’' | '.');
            let rest = &text[i + c.len_utf8()..];
            let next_alnum = rest.chars().next().is_some_and(char::is_alphanumeric);
            let possessive = matches!(c, '\'' | '’') && is_possessive_tail(rest);
            if joiner && next_alnum && !possessive {
                dotted |= c == '.';
                chars.next();
                continue;
            }
            break;
        }
        // "S." and "U.S." keep their last full stop; "Doe." at a sentence's end does not.
        let letters = text[start..end]
            .chars()
            .filter(|c| c.is_alphabetic())
            .count();
        if text[end..].starts_with('.')
            && (dotted || (letters == 1 && is_capitalised(&text[start..end])))
        {
            end += 1;
            chars.next();
        }
        out.push(start..end);
    }
    out
}

/// "s" then no more letters: what follows the apostrophe of a possessive.
fn is_possessive_tail(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next() == Some('s') && !chars.next().is_some_and(char::is_alphanumeric)
}

/// Starts with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// "Doe's", "Doe’s", "Jones'" → "Doe", "Doe", "Jones".
pub fn strip_possessive(name: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = name.strip_suffix(suffix) {
            return stem;
        }
    }
    name
}

/// Runs of capitalised words joined by single spaces, with connectors
/// allowed between them ("Department of the Treasury"). A run ends at any
/// punctuation, so "Doe, a spokeswoman" gives "Doe" and "Doe's office" gives "Doe".
pub fn capitalised_spans(text: &str) -> Vec<Range<usize>> {
    let words = words(text);
    let mut spans = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !is_capitalised(&text[words[i].clone()]) {
            i += 1;
            continue;
        }
        let start = words[i].start;
        let mut end = words[i].end;
        let mut j = i + 1;
        // Connectors are taken only when a capitalised word follows them.
        let mut pending = 0;
        while j < words.len() && joined(text, end_of(&words, j - 1), words[j].start) {
            let word = &text[words[j].clone()];
            if is_capitalised(word) {
                end = words[j].end;
                pending = 0;
            } else if CONNECTORS.contains(&word) && pending < 2 {
                pending += 1;
            } else {
                break;
            }
            j += 1;
        }
        let j = j - pending;
        spans.push(start..end);
        i = j.max(i + 1);
    }
    spans
}

fn end_of(words: &[Range<usize>], i: usize) -> usize {
    words[i].end
}

/// Two words are part of one run when one plain space separates them.
fn joined(text: &str, end: usize, next: usize) -> bool {
    &text[end..next] == " " || &text[end..next] == "\u{a0}"
}

/// A headline or a line in Title Case: capitals say nothing there about names.
/// A sentence, however many names it holds, has some longer word in lower
/// case; a Title Case line has none.
pub fn is_title_case(text: &str) -> bool {
    let long: Vec<&str> = words(text)
        .into_iter()
        .map(|r| &text[r])
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = long.iter().filter(|w| is_capitalised(w)).count();
    long.len() >= 3 && capitalised == long.len()
}

/// Whether the word at `start` opens a sentence: nothing but quotation marks,
/// brackets or spaces stand between it and the text's start or a sentence's end.
pub fn opens_sentence(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '¿' | '¡')
    });
    before.is_empty() || before.ends_with(['.', '!', '?', ':', ';', '—', '–', '-', '”', '»'])
}

/// The words a name may have beside it without those words being part of it.
pub trait NameEdges {
    /// A capitalised word just before a name that is not part of it: a title,
    /// an honorific, a demonym ("President", "Mr.", "Russian").
    fn may_lead(&self, word: &str) -> bool;
    /// Capitalised words just after the name that are not part of it: for
    /// a state, an office it qualifies ("Defense Ministry", "Foreign Minister X").
    fn may_follow(&self, run: &[&str]) -> bool;
    /// A word that ends a name, so that nothing after it extends it (an
    /// organisation's "Ministry" in "the Defence Ministry Jane Doe heads").
    fn closes_name(&self, word: &str) -> bool;
}

/// How many bytes after a match are read for the rest of a proper noun: longer
/// than any name's run of capitalised words.
const NAME_WINDOW: usize = 200;

/// True when the match at `range` stands inside a longer proper noun: a
/// capitalised word joins it from either side ("The Springfield Herald" for
/// "Springfield", "Doe Tower" for "Doe", "New Doeville" for "Doeville").
/// Text in Title Case tells nothing, so nothing is ruled out there.
pub fn inside_longer_name(
    text: &str,
    range: Range<usize>,
    title_case: bool,
    edges: &dyn NameEdges,
) -> bool {
    if title_case {
        return false;
    }
    let matched = &text[range.clone()];
    let last_word = matched.rsplit(' ').next().unwrap_or("");
    if is_capitalised(last_word)
        && !edges.closes_name(last_word)
        && !text[range.end..].starts_with(['\'', '’'])
    {
        if let Some(rest) = text[range.end..]
            .strip_prefix(' ')
            .filter(|r| !r.starts_with(' '))
        {
            let offset = text.len() - rest.len();
            // Only the words right after the match matter: a bounded window keeps
            // each match's check independent of the paragraph's length.
            let mut end = rest.len().min(NAME_WINDOW);
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            let rest = &rest[..end];
            let run: Vec<&str> = capitalised_spans(rest)
                .into_iter()
                .next()
                .filter(|span| span.start == 0)
                .map(|span| {
                    words(&rest[span.clone()])
                        .into_iter()
                        .map(|w| &text[offset + span.start + w.start..offset + span.start + w.end])
                        .collect()
                })
                .unwrap_or_default();
            if !run.is_empty() && !edges.may_follow(&run) {
                return true;
            }
        }
    }
    if is_capitalised(matched) {
        if let Some(lead) = word_joined_before(text, range.start) {
            let lead_text = &text[lead.clone()];
            // "Bank of Ruritania": a name joined across "of" is one name too.
            let lead = if matches!(lead_text, "of" | "de" | "du" | "des" | "del") {
                word_joined_before(text, lead.start)
                    .filter(|w| is_capitalised(&text[w.clone()]))
                    .unwrap_or(lead)
            } else {
                lead
            };
            let lead_text = &text[lead.clone()];
            // "Staff. Zohar Palti": a full stop after a word longer than an
            // initial ends a sentence, unless the word is a title ("Sen.").
            let ends_sentence = text[lead.end..].starts_with('.')
                && !lead_text.contains('.')
                && lead_text.chars().count() > 1
                && !edges.may_lead(lead_text)
                && !edges.may_lead(&format!("{lead_text}."));
            if is_capitalised(lead_text)
                && !ends_sentence
                && !opens_sentence(text, lead.start)
                && !edges.may_lead(lead_text)
                && !edges.closes_name(lead_text)
            {
                return true;
            }
        }
    }
    false
}

/// The word ending at `end` (an abbreviation's full stop included) and its start.
pub fn word_ending_at(text: &str, end: usize) -> Option<(usize, &str)> {
    let body = text[..end].strip_suffix('.').unwrap_or(&text[..end]);
    let start = body
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '-')
        .last()
        .map(|(i, _)| i)?;
    Some((start, &text[start..end]))
}

/// The word that ends one plain space before `at` (an abbreviation's full
/// stop included: "Sen. Doe").
fn word_joined_before(text: &str, at: usize) -> Option<Range<usize>> {
    let before = text[..at].strip_suffix(' ')?;
    if before.ends_with(' ') {
        return None;
    }
    let mut from = before.len();
    for (i, c) in before.char_indices().rev().take(64) {
        if c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’') {
            from = i;
        } else {
            break;
        }
    }
    let window = &before[from..];
    let last = words(window).pop()?;
    (from + last.end == before.len() || &window[last.end..] == ".")
        .then(|| from + last.start..from + last.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'t>(text: &'t str, ranges: &[Range<usize>]) -> Vec<&'t str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn words_keep_initials_and_drop_possessives() {
        let text = "Jane S. Doe’s aide met U.S. envoys and O'Brien. Doe.";
        assert_eq!(
            texts(text, &words(text)),
            ["Jane", "S.", "Doe", "s", "aide", "met", "U.S.", "envoys", "and", "O'Brien", "Doe"]
        );
    }

    #[test]
    fn spans_join_capitalised_words_and_connectors() {
        let text = "Officials at the Department of the Treasury and Jane Doe's staff met Customs and Border Protection (CBP) in Ruritania, said Doe.";
        assert_eq!(
            texts(text, &capitalised_spans(text)),
            [
                "Officials",
                // Where "and" joins two names is for the caller to judge: it
                // knows the organisation words ("Customs and Border Protection").
                "Department of the Treasury and Jane Doe",
                "Customs and Border Protection",
                "CBP",
                "Ruritania",
                "Doe"
            ]
        );
    }

    #[test]
    fn possessives_and_title_case() {
        assert_eq!(strip_possessive("Doe's"), "Doe");
        assert_eq!(strip_possessive("Jones’"), "Jones");
        assert!(is_title_case("Doe Wins Vote As Rivals Walk Out"));
        assert!(!is_title_case("Doe wins the vote as rivals walk out"));
        assert!(!is_title_case(
            "President Jane Doe of Ruritania met Bordurian envoys in Vienna."
        ));
    }

    struct Edges;
    impl NameEdges for Edges {
        fn may_lead(&self, word: &str) -> bool {
            word == "President"
        }
        fn may_follow(&self, run: &[&str]) -> bool {
            run.contains(&"Minister")
        }
        fn closes_name(&self, word: &str) -> bool {
            word == "Ministry"
        }
    }

    #[test]
    fn a_name_inside_a_longer_name_is_not_the_name() {
        let inside = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            inside_longer_name(text, start..start + name.len(), false, &Edges)
        };
        assert!(inside(
            "He wrote for The Springfield Herald.",
            "Springfield"
        ));
        assert!(inside("They met in Doe Tower on Monday.", "Doe"));
        assert!(inside("Voters in New Doeville agreed.", "Doeville"));
        assert!(!inside("President Doe spoke. Doe's aide, too.", "Doe"));
        assert!(!inside("Springfield voted; Doe said so.", "Doe"));
        assert!(!inside(
            "The Ruritanian Foreign Minister Jane Doe came.",
            "Ruritanian"
        ));
        assert!(!inside_longer_name("Doe Tower", 0..3, true, &Edges));
        // A sentence that ends with a capitalised word does not join the next one.
        assert!(!inside(
            "He met the Chief of Staff. Jane Doe spoke later.",
            "Jane Doe"
        ));
        assert!(inside("The John F. Kennedy Center", "Kennedy"));
        assert!(!inside(
            "led by the Ruritanian Ministry Jane Doe heads",
            "Jane Doe"
        ));
    }
}
