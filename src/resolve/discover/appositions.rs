//! What stands beside a name and says what the name is: the word just before
//! it ("Sen. Doe", "spokeswoman Jo Roe"), a role in apposition after it ("Jo
//! Roe, a spokeswoman for …", "Jane Doe, the special envoy"), the title a run
//! of title words gives it, and a state that qualifies that title.

use super::cues::after_one_of;
use super::*;
use crate::text::sentences::ends_abbreviated;

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

/// ", a spokeswoman for …", ", the party's treasurer": the role noun of a noun
/// phrase after a comma (see `role_of_phrase`).
pub(super) fn apposition_role<'t>(after: &'t str, cues: &Cues) -> Option<&'t str> {
    role_of_phrase(after.strip_prefix(", ")?, cues)
}

/// " was a policy adviser", " est l'avocate de …": the role noun of a noun
/// phrase that one of the language's `copulas` joins to the name, where the
/// phrase opens with a determiner or an article.
pub(super) fn predicate_role<'t>(after: &'t str, cues: &Cues) -> Option<&'t str> {
    let rest = after_one_of(after.strip_prefix(' ')?, &cues.copulas)?;
    // Only the first word: the rest of the paragraph may be long.
    let first = rest.split([' ', '\'', '’']).next()?;
    match cues.after_article(rest) {
        // "l'avocate de …": an elided article is no word of its own.
        Some(phrase) => role_of_phrase(phrase, cues),
        None if Cues::is(&cues.determiners, first) => role_of_phrase(rest, cues),
        None => None,
    }
}

/// The role noun of the noun phrase `rest` opens. The phrase opens with its
/// role, a determiner, a past word ("former") or a name ("Acme's spokeswoman",
/// "Ms. Roe's lawyer"), and its role comes before any second determiner:
/// "who met the mayor", "a rencontré le maire" and "the man who met the mayor"
/// hold no role of the name's. A noun that only says the name is a person's
/// (`person_nouns`: "a Lakeshire man who …") counts as a role here, where the
/// phrase ends with it or a `person_noun_links` word follows it: in "Santa
/// Rosa, the man told police" the man is someone else.
fn role_of_phrase<'t>(rest: &'t str, cues: &Cues) -> Option<&'t str> {
    let clause = phrase(rest, cues);
    let spans = words(clause);
    let is_role = |i: usize| {
        let word = &clause[spans[i].clone()];
        // "the mayor's aide": the role is the aide's, not the mayor's.
        let possessive = clause[spans[i].end..].starts_with(['\'', '’']);
        let person_noun = Cues::is(&cues.person_nouns, word)
            && spans
                .get(i + 1)
                .is_none_or(|next| Cues::is(&cues.person_noun_links, &clause[next.clone()]));
        !is_capitalised(word) && !possessive && (Cues::is(&cues.roles, word) || person_noun)
    };
    let first = &clause[spans.first()?.clone()];
    let opens = is_role(0)
        || Cues::is(&cues.determiners, first)
        || Cues::is(&cues.past_titles, first)
        || is_capitalised(first);
    if !opens {
        return None;
    }
    (0..spans.len().min(6))
        .take_while(|&i| i == 0 || !Cues::is(&cues.determiners, &clause[spans[i].clone()]))
        .find(|&i| is_role(i))
        .map(|i| &clause[spans[i].clone()])
}

/// The phrase `rest` opens, up to the punctuation that ends it. The full stop
/// of an abbreviation, an initial or an abbreviated title ("Ms. Roe's lawyer",
/// "Gov. Doe's aide") ends none; after a whole word ("… the Governor.") it does.
fn phrase<'t>(rest: &'t str, cues: &Cues) -> &'t str {
    let mut from = 0;
    while let Some(at) = rest[from..]
        .find([',', '.', ';', '(', '"', '“'])
        .map(|i| from + i)
    {
        let abbreviated = rest[at..].starts_with('.')
            && word_ending_at(rest, at + 1).is_some_and(|(_, word)| {
                ends_abbreviated(word) || (cues.is_title(word) && word.chars().count() <= 5)
            });
        if !abbreviated {
            return &rest[..at];
        }
        from = at + 1;
    }
    rest
}

/// The titles a run gives the person after it: the title's words in `title`
/// (its word and any portfolio: "Secretary of State") and the title words
/// before them ("Deputy Attorney General" → "deputy attorney general"), each
/// with whether a state's name or demonym qualifies it ("Ruritanian
/// President"). An initialism before the title names what the title is of,
/// and gives a second, fuller title ("FBI Director Jo Roe": "director" and
/// "FBI director"). A past title ("former President Jane Doe",
/// "former FBI Director Jo Roe") is held with its past word: "former
/// president", never "president", so that "the former president" names her
/// and "the president" does not.
pub(super) fn titles_held(
    text: &str,
    tokens: &[Range<usize>],
    token_text: &[&str],
    title: Range<usize>,
    cues: &Cues,
) -> Vec<(String, Option<usize>)> {
    let t = title.start;
    if Cues::is(&cues.honorifics, token_text[t]) {
        return Vec::new();
    }
    let mut first = t;
    while first > 0 && {
        let w = token_text[first - 1];
        (cues.is_title_word(w) || cues.is_title_lead(w)) && !Cues::is(&cues.honorifics, w)
    } {
        first -= 1;
    }
    let words: Vec<String> = token_text[first..title.end]
        .iter()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    // The word before the title's words, inside the run or just before it.
    let word_at = |i: usize| match i {
        0 => word_before(text, tokens[0].start),
        i => Some(token_text[i - 1]),
    };
    let mut before = word_at(first);
    let of = before.filter(|w| is_acronym(w));
    if of.is_some() {
        // Before the run ("fbi. FBI Director Jo Roe" with "FBI" cut from it),
        // the word before the initialism is not looked for.
        before = first.checked_sub(1).and_then(word_at);
    }
    // "Ruritanian Foreign Minister": the state stands before the office's
    // portfolio and qualifies the title all the same.
    let (mut at, mut word) = (first, before);
    while at > 0 && word.is_some_and(|w| Cues::is(&cues.state_organs, w)) {
        at -= 1;
        word = word_at(at);
    }
    if at < first && word.is_some_and(|w| cues.is_state_word(w)) {
        before = word;
    }
    // "U.S. President Jo Roe": an initialism that names a state qualifies the
    // title, unless a past word stands before it ("former U.S. President").
    if of.is_some_and(|w| cues.is_state_word(w))
        && !before.is_some_and(|w| Cues::is(&cues.past_titles, w))
    {
        before = of;
    }
    titles_with(words.join(" "), of, before, cues)
}

/// The titles a lower-case role right before `start` gives the person there,
/// "spokeswoman Jo Roe", "former NSB director Jo Roe", as `titles_held`
/// reads capitalised ones.
pub(super) fn titles_of_role(
    text: &str,
    start: usize,
    cues: &Cues,
) -> Vec<(String, Option<usize>)> {
    let role = text[..start]
        .strip_suffix(' ')
        .and_then(|before| word_ending_at(text, before.len()));
    // "Gov. Jo Roe": an abbreviation is no role noun ("the gov.").
    let Some((role_start, role)) = role.filter(|(_, role)| !role.ends_with('.')) else {
        return Vec::new();
    };
    let mut before = word_before(text, role_start);
    let of = before.filter(|w| is_acronym(w));
    if of.is_some() {
        let initialism = text[..role_start]
            .strip_suffix(' ')
            .and_then(|before| word_ending_at(text, before.len()));
        before = initialism.and_then(|(at, _)| word_before(text, at));
    }
    match before {
        Some(word) if Cues::is(&cues.determiners, word) => {
            titles_with(role.to_lowercase(), of, None, cues)
        }
        Some(word) if !Cues::is(&cues.past_titles, word) => Vec::new(),
        before => titles_with(role.to_lowercase(), of, before, cues),
    }
}

/// The title `words`, and `of` it where an initialism names what it is of,
/// as held after the word `before` them: with the past word where it is one,
/// and with the state that qualifies it where `before` names one
/// ("Ruritanian President").
fn titles_with(
    words: String,
    of: Option<&str>,
    before: Option<&str>,
    cues: &Cues,
) -> Vec<(String, Option<usize>)> {
    let of_words = of.map(|initialism| format!("{initialism} {words}"));
    match before {
        Some(past) if Cues::is(&cues.past_titles, past) => {
            let past = past.to_lowercase();
            std::iter::once(words)
                .chain(of_words)
                .map(|w| (format!("{past} {w}"), None))
                .collect()
        }
        before => {
            let state = before.and_then(|w| cues.state_of(w));
            // "U.S. ambassador" is the state's title, a role noun of the
            // state's (`roles::state_roles`), not one of its own.
            let of_words = of_words.filter(|_| !of.is_some_and(|w| cues.is_state_word(w)));
            std::iter::once((words, state))
                .chain(of_words.map(|w| (w, None)))
                .collect()
        }
    }
}

/// " of Ruritania", " of the United States": the words after a name name a
/// state, whose index this is.
pub(super) fn of_a_state(after: &str, cues: &Cues) -> Option<usize> {
    let rest = after.strip_prefix(" of ")?;
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let spans = words(rest);
    (1..=3).find_map(|n| {
        let name = &rest[..spans.get(n - 1)?.end];
        cues.state_of(name)
    })
}

/// ", the special envoy, said": the role a definite apposition gives, from
/// after "the" (or the source language's article: ", el ministro,") to its
/// role word, when every word is in lower case.
pub(super) fn definite_role(after: &str, cues: &Cues) -> Option<String> {
    role_after_the(cues.after_article(after.strip_prefix(", ")?)?, cues)
}

/// The role that `rest`, the words after a "the", opens with (see `definite_role`).
fn role_after_the(rest: &str, cues: &Cues) -> Option<String> {
    let clause = phrase(rest, cues);
    let spans = words(clause);
    let role = spans
        .iter()
        .take(3)
        .position(|w| Cues::is(&cues.roles, &clause[w.clone()]))?;
    let last = role + usize::from(adjective_after(clause, &spans, role, cues));
    let phrase = &clause[..spans[last].end];
    // "the party's treasurer" qualifies the role by another name, and "the
    // president's adviser" names another role: neither is a title.
    let possessive = clause[spans[last].end..].starts_with(['\'', '’']);
    // A hyphen inside the role noun is part of it ("porte-parole",
    // "vice-president"); elsewhere it qualifies the role ("the US-backed …").
    (!phrase.contains(['\'', '’'])
        && !phrase[..spans[role].start].contains('-')
        && !possessive
        && spans[..=role]
            .iter()
            .all(|w| !is_capitalised(&clause[w.clone()])))
    .then(|| phrase.to_lowercase())
}

/// Whether the word after the role noun at `role` is its adjective, in a
/// language that writes them after the noun: a lower-case word that ends the
/// phrase or that a role complement follows ("directeur général de …"), never
/// a verb that goes on ("le maire a dit").
fn adjective_after(clause: &str, spans: &[Range<usize>], role: usize, cues: &Cues) -> bool {
    let word = |i: usize| spans.get(i).map(|w| &clause[w.clone()]);
    cues.adjective_after_noun
        && word(role + 1).is_some_and(|w| {
            !is_capitalised(w)
                && !Cues::is(&cues.role_complements, w)
                && !Cues::is(&cues.determiners, w)
                && clause[spans[role].end..spans[role + 1].start]
                    .trim()
                    .is_empty()
        })
        && word(role + 2).is_none_or(|w| Cues::is(&cues.role_complements, w))
}

/// "the special envoy, Jane Doe": the role a definite apposition before a
/// name gives (`before` ends with ", "), as `definite_role` reads one after it,
/// with what it is a role of, if anything, left out.
pub(super) fn definite_role_before(before: &str, cues: &Cues) -> Option<String> {
    let clause = before.strip_suffix(", ")?;
    let start = clause
        .char_indices()
        .rfind(|(_, c)| ",.;()\"“”:".contains(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = &clause[start..];
    let rest = cues.after_article(&clause[cues.last_article(clause)?..])?;
    // The role may be of something: "the chief executive of Acme, Jo Roe",
    // "le ministre des Transports, Julien Ferrand" hold "chief executive", "ministre".
    let rest = rest.trim_end();
    role_after_the(rest, cues).filter(|role| {
        let tail = rest.get(role.len()..).unwrap_or_default();
        tail.is_empty()
            || tail
                .strip_prefix(' ')
                .and_then(|t| t.split(' ').next())
                .is_some_and(|word| Cues::is(&cues.role_complements, word))
    })
}

/// "his lawyer, Jane Doe", "the chief executive of Acme, Jo Roe": a lower-case
/// role noun, perhaps with what it is a role of (`role_complements` and up to
/// three words), and a comma just before `start`.
pub(super) fn role_before_comma<'t>(text: &'t str, start: usize, cues: &Cues) -> Option<&'t str> {
    let mut end = text[..start].strip_suffix(", ")?.len();
    let is_role = |word: &str| !is_capitalised(word) && Cues::is(&cues.roles, word);
    let mut next: Option<&str> = None;
    for words_after in 0..=3 {
        let (at, word) = word_ending_at(text, end)?;
        if words_after > 0 && Cues::is(&cues.role_complements, word) {
            return role_ending_at(text, at, is_role);
        }
        if words_after == 0 && is_role(word) {
            return Some(word);
        }
        // "le directeur général, Paul Werner": a role and its adjective.
        if words_after == 1
            && cues.adjective_after_noun
            && is_role(word)
            && next.is_some_and(|adjective| !is_capitalised(adjective))
        {
            return Some(word);
        }
        next = Some(word);
        // "directeur d'Acme": "de" elided and joined to the word after it.
        if let Some(elided) = ["d'", "d’"].iter().find_map(|d| text[..at].strip_suffix(d)) {
            return role_ending_at(text, elided.len(), is_role);
        }
        end = text[..at].strip_suffix(' ')?.len();
    }
    None
}

/// "two officials – Jo Roe and Al Moss –", "aides including Mr. Doe, Jo Roe
/// and Al Moss": the plural role noun before a list of names, the last of
/// which starts at `start`. Each name before it is a run of capitalised words;
/// the role stands right before the first, across a dash, a colon or a word
/// that opens a list (`list_openers`: "including").
pub(super) fn plural_role_before<'t>(text: &'t str, start: usize, cues: &Cues) -> Option<&'t str> {
    let is_plural_role = |word: &str| {
        !is_capitalised(word)
            && word
                .strip_suffix('s')
                .is_some_and(|stem| Cues::is(&cues.roles, stem))
    };
    let mut end = start;
    for _ in 0..LIST_NAMES {
        let before = &text[..end];
        // Not a comma or a space alone: "According to officials, Lake Tahoe
        // reopens", "advisers Goldman Sachs and Lazard".
        let openers = [" – ", " — ", ": "]
            .into_iter()
            .filter_map(|joiner| before.strip_suffix(joiner))
            .chain(cues.list_openers.iter().filter_map(|opener| {
                before
                    .strip_suffix(' ')?
                    .strip_suffix(opener.as_str())?
                    .strip_suffix(' ')
            }));
        for rest in openers {
            if let Some((_, word)) = word_ending_at(text, rest.len()) {
                if is_plural_role(word) {
                    return Some(word);
                }
            }
        }
        // Step back over the name before: "Jo Roe, " or "Jo Roe and ".
        let rest = [", and ", " and ", ", "]
            .into_iter()
            .find_map(|joiner| before.strip_suffix(joiner))?;
        let mut at = rest.len();
        let mut name_words = 0;
        while let Some((word_start, word)) = word_ending_at(text, at) {
            if !is_capitalised(word) || name_words == 4 {
                break;
            }
            name_words += 1;
            end = word_start;
            match text[..word_start].strip_suffix(' ') {
                Some(r) => at = r.len(),
                None => break,
            }
        }
        if name_words == 0 {
            return None;
        }
    }
    None
}

/// How many names a list before `plural_role_before`'s name may hold.
const LIST_NAMES: usize = 8;

/// The role noun that ends one space before `at`, or one word earlier when a
/// lower-case adjective follows it ("le directeur général de …").
fn role_ending_at(text: &str, at: usize, is_role: impl Fn(&str) -> bool) -> Option<&str> {
    let (at, word) = word_ending_at(text, text[..at].strip_suffix(' ')?.len())?;
    if is_role(word) {
        return Some(word);
    }
    if is_capitalised(word) {
        return None;
    }
    let (_, role) = word_ending_at(text, text[..at].strip_suffix(' ')?.len())?;
    is_role(role).then_some(role)
}

/// "the mining company Ferrex", "la société Ferrex": the noun of a kind of
/// organisation just before `start`; in "le groupe minier Ferrex" one
/// lower-case word that is no role or title stands between.
pub(super) fn organisation_kind_before<'t>(
    text: &'t str,
    start: usize,
    cues: &Cues,
) -> Option<&'t str> {
    let kind = |word: &str| {
        (!is_capitalised(word) || word.chars().all(|c| !c.is_lowercase()))
            && Cues::is(&cues.organisation_kinds, word)
    };
    let end = text[..start].strip_suffix(' ')?.len();
    let (at, word) = word_ending_at(text, end)?;
    if kind(word) {
        return Some(word);
    }
    if is_capitalised(word) || cues.is_title(word) || Cues::is(&cues.roles, word) {
        return None;
    }
    let (_, before) = word_ending_at(text, text[..at].strip_suffix(' ')?.len())?;
    kind(before).then_some(before)
}
