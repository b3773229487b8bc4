//! What stands beside a name and says what the name is: the word just before
//! it ("Sen. Doe", "spokeswoman Jo Roe"), a role in apposition after it ("Jo
//! Roe, a spokeswoman for …", "Jane Doe, the special envoy"), the title a run
//! of title words gives it, and a state that qualifies that title.

use super::*;

/// The word just before `start`, across one space and an optional full stop ("Sen. Doe").
pub(super) fn word_before(text: &str, start: usize) -> Option<&str> {
    let end = text[..start].strip_suffix(' ')?.len();
    let (_, word) = word_ending_at(text, end)?;
    let (word, dotted) = match word.strip_suffix('.') {
        Some(w) => (w, true),
        None => (word, false),
    };
    // "Sen. Doe" but not "… the President. Soon": only an abbreviation has a full stop.
    (!dotted || word.chars().count() <= 4).then_some(word)
}

/// ", a spokeswoman for …", ", the party's treasurer": the role noun, within a
/// few words after a comma.
pub(super) fn apposition_role<'t>(after: &'t str, cues: &Cues) -> Option<&'t str> {
    let rest = after.strip_prefix(", ")?;
    let clause = rest.split([',', '.', ';', '(', '"', '“']).next()?;
    words(clause)
        .into_iter()
        .take(6)
        .map(|w| &clause[w])
        .find(|w| !is_capitalised(w) && Cues::is(&cues.roles, w))
}

/// The title a run gives the person after it, lower-cased: the title's words
/// in `title` (its word and any portfolio: "Secretary of State") and the
/// title words before them ("Deputy Attorney General" → "deputy attorney
/// general"), and whether a state's name or demonym
/// qualifies it ("Ruritanian President"). None for a past title ("former
/// President Jane Doe", "ex-Minister"), which no role noun refers to.
pub(super) fn title_held(
    text: &str,
    tokens: &[Range<usize>],
    token_text: &[&str],
    title: Range<usize>,
    cues: &Cues,
) -> Option<(String, bool)> {
    let t = title.start;
    if Cues::is(&cues.honorifics, token_text[t]) {
        return None;
    }
    let mut first = t;
    while first > 0 && {
        let w = token_text[first - 1];
        (cues.is_title_word(w) || cues.is_title_lead(w)) && !Cues::is(&cues.honorifics, w)
    } {
        first -= 1;
    }
    let before = if first > 0 {
        Some(token_text[first - 1])
    } else {
        word_before(text, tokens[0].start)
    };
    if before.is_some_and(|w| Cues::is(&cues.past_titles, w)) {
        return None;
    }
    let qualified = before.is_some_and(|w| cues.is_state_word(w));
    let words: Vec<String> = token_text[first..title.end]
        .iter()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    Some((words.join(" "), qualified))
}

/// " of Ruritania", " of the United States": the words after a name name a state.
pub(super) fn of_a_state(after: &str, cues: &Cues) -> bool {
    let Some(rest) = after.strip_prefix(" of ") else {
        return false;
    };
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let spans = words(rest);
    (1..=3).any(|n| {
        spans
            .get(n - 1)
            .is_some_and(|last| cues.is_state_word(&rest[..last.end]))
    })
}

/// ", the special envoy, said": the role a definite apposition gives, from
/// after "the" to its role word, when every word is in lower case.
pub(super) fn definite_role(after: &str, cues: &Cues) -> Option<String> {
    role_after_the(after.strip_prefix(", the ")?, cues)
}

/// The role that `rest`, the words after a "the", opens with (see `definite_role`).
fn role_after_the(rest: &str, cues: &Cues) -> Option<String> {
    let clause = rest.split([',', '.', ';', '(', '"', '“']).next()?;
    let spans = words(clause);
    let role = spans
        .iter()
        .take(3)
        .position(|w| Cues::is(&cues.roles, &clause[w.clone()]))?;
    let phrase = &clause[..spans[role].end];
    // "the party's treasurer" qualifies the role by another name, and "the
    // president's adviser" names another role: neither is a title.
    let possessive = clause[spans[role].end..].starts_with(['\'', '’']);
    (!phrase.contains(['\'', '’', '-'])
        && !possessive
        && spans[..=role]
            .iter()
            .all(|w| !is_capitalised(&clause[w.clone()])))
    .then(|| phrase.to_lowercase())
}

/// "the special envoy, Jane Doe": the role a definite apposition before a
/// name gives (`before` ends with ", "), as `definite_role` reads one after it.
pub(super) fn definite_role_before(before: &str, cues: &Cues) -> Option<String> {
    let clause = before.strip_suffix(", ")?;
    let start = clause
        .char_indices()
        .rfind(|(_, c)| ",.;()\"“”:".contains(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = &clause[start..];
    let at = clause
        .rfind("the ")
        .filter(|&i| i == 0 || clause[..i].ends_with(char::is_whitespace))?;
    let rest = &clause[at + "the ".len()..];
    role_after_the(rest, cues).filter(|role| rest.trim_end().to_lowercase() == *role)
}

/// "his lawyer, Jane Doe": a lower-case role noun and a comma just before
/// `start`.
pub(super) fn role_before_comma<'t>(text: &'t str, start: usize, cues: &Cues) -> Option<&'t str> {
    let end = text[..start].strip_suffix(", ")?.len();
    let (_, word) = word_ending_at(text, end)?;
    (!is_capitalised(word) && Cues::is(&cues.roles, word)).then_some(word)
}
