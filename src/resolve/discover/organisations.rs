//! Organisations in a run of capitalised words: named by an organisation
//! word ("Ministry of Defence", "Justice Department"), with an initialism the
//! text gives them, and in French by the lower-case words after a lone
//! organisation word ("le Parti vert").

use super::*;

/// An organisation in a run of capitalised words: up to its last organisation
/// word, or the whole run when a connector follows it ("Department of Justice").
pub(super) fn read_organisation(
    token_text: &[&str],
    text: &str,
    tokens: &[Range<usize>],
    source: &str,
    cues: &Cues,
    reading: &mut Reading,
    initialism: Option<&str>,
) {
    // "Director of the … Office": an office's title is no part of the
    // organisation's name; but "Justice Department" is one name.
    let lead = token_text
        .iter()
        .position(|w| is_capitalised(w) && !cues.is_title(w))
        .unwrap_or(token_text.len());
    let lead = if token_text[..lead].iter().all(|w| is_capitalised(w))
        && token_text
            .get(lead)
            .is_some_and(|w| cues.is_organisation_word(w))
    {
        0
    } else {
        lead
    };
    let (token_text, tokens) = (&token_text[lead..], &tokens[lead..]);
    // "Jo F. Roe of the District Court": where no organisation word stands
    // before the first connector, the words before it are someone or
    // something of the organisation, not its name's head ("Department of
    // Justice" has its organisation word first).
    let lead = match token_text.iter().position(|w| !is_capitalised(w)) {
        Some(connector)
            if !token_text[..connector]
                .iter()
                .any(|w| cues.is_organisation_word(w)) =>
        {
            token_text[connector..]
                .iter()
                .position(|w| is_capitalised(w))
                .map_or(token_text.len(), |p| connector + p)
        }
        _ => 0,
    };
    let (token_text, tokens) = (&token_text[lead..], &tokens[lead..]);
    let Some(last) = token_text
        .iter()
        .rposition(|w| cues.is_organisation_word(w))
    else {
        return;
    };
    // "Department of Justice": after a connector the name runs to the span's end;
    // a capitalised word right after the organisation word starts another name.
    let end = if token_text
        .get(last + 1)
        .is_some_and(|next| !is_capitalised(next))
    {
        tokens.len() - 1
    } else {
        last
    };
    // A lone organisation word ("House", "Times") names nothing by itself.
    if end == 0 {
        return;
    }
    let name = &text[tokens[0].start..tokens[end].end];
    cite_organisation(reading, name, token_text[last], source, initialism);
}

/// An organisation found by its organisation word, and by the initialism the
/// text gives it.
pub(super) fn cite_organisation(
    reading: &mut Reading,
    name: &str,
    word: &str,
    source: &str,
    initialism: Option<&str>,
) {
    let org = reading.organisation(name);
    org.cite(Cue::OrganisationWord, word, source);
    if let Some(initialism) = initialism {
        *org.spellings.entry(initialism.to_string()).or_default() += 1;
        org.cite(Cue::Initialism, initialism, source);
    }
}

/// How many bytes of `after` (the text right after a name) are up to two of
/// `tails`, each after one space: " nationale" of "Assemblée nationale".
pub(super) fn lower_case_tail(after: &str, tails: &HashSet<String>) -> usize {
    let mut taken = 0;
    for _ in 0..2 {
        let Some(rest) = after[taken..].strip_prefix(' ') else {
            break;
        };
        let word_len = rest
            .find(|c: char| !c.is_alphanumeric() && c != '-')
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        if word.is_empty() || !tails.contains(word) {
            break;
        }
        taken += 1 + word_len;
    }
    taken
}

/// Organisations whose name the text spells out before an initialism in
/// brackets, where the name has lower-case words that no run of capitalised
/// words takes in: "Syndicat des travailleurs portuaires (STP)", "Partido de
/// los Trabajadores (PT)", "Committee on Foreign Investment in the United
/// States (CFIUS)". The name is the fewest words before the bracket whose
/// initials, leaving out `initialism_fillers`, spell the initialism, and it
/// starts with a capital. A name of capitalised words and connectors only is
/// left to `read_spans`, which reads it with its run.
pub(super) fn read_spelled_out_initialisms(
    text: &str,
    source: &str,
    cues: &Cues,
    reading: &mut Reading,
) {
    for (bracket, _) in text.match_indices(" (") {
        let Some((inner, _)) = text[bracket + 2..].split_once(')') else {
            continue;
        };
        if !is_acronym(inner) {
            continue;
        }
        let letters: Vec<char> = initialism_letters(inner).chars().collect();
        let Some(start) = spelled_out_start(&text[..bracket], &letters, cues) else {
            continue;
        };
        let name = &text[start..bracket];
        let only_a_run = name
            .split(' ')
            .all(|w| is_capitalised(w) || CONNECTORS.contains(&w));
        if only_a_run {
            continue;
        }
        let org = reading.organisation(name);
        *org.spellings.entry(inner.to_string()).or_default() += 1;
        org.cite(Cue::Initialism, inner, source);
    }
}

/// Where the name spelled out by `letters` starts in `before`, reading its
/// words back from the end, or `None` when they do not spell it.
fn spelled_out_start(before: &str, letters: &[char], cues: &Cues) -> Option<usize> {
    let mut remaining = letters.len();
    let mut end = before.len();
    // Fillers may stand between the words, never more than the letters.
    for _ in 0..letters.len() * 3 {
        let start = before[..end].rfind(' ').map_or(0, |space| space + 1);
        let whole = &before[start..end];
        if whole.is_empty()
            || !whole
                .chars()
                .all(|c| c.is_alphabetic() || "-'’".contains(c))
        {
            return None;
        }
        // "l'aviation": the elided article is no word of the name.
        let word_start = match whole.char_indices().nth(1) {
            Some((at, quote @ ('\'' | '’'))) => start + at + quote.len_utf8(),
            _ => start,
        };
        let word = &before[word_start..end];
        if word.is_empty() {
            return None;
        }
        if !cues.is_initialism_filler(word) {
            let initial = word.chars().next()?;
            remaining -= 1;
            if !initial.to_uppercase().eq(letters[remaining].to_uppercase()) {
                return None;
            }
            if remaining == 0 {
                return is_capitalised(word).then_some(word_start);
            }
        }
        end = start.checked_sub(1)?;
    }
    None
}

/// Institutions written with a lower-case head and a capitalised field: "le
/// ministère des Transports", "le ministère de l'Intérieur", "el ministerio
/// de Defensa" (`lowercase_heads` of the source's language and
/// `lowercase_head_links`). The name runs from the head to the end of the
/// capitalised run after the link, and up to two `tails` after it ("ministère
/// des Affaires étrangères").
pub(super) fn read_lowercase_heads(
    text: &str,
    source: &str,
    heads: &HashSet<String>,
    tails: Option<&HashSet<String>>,
    cues: &Cues,
    reading: &mut Reading,
) {
    for word in words(text) {
        let head = &text[word.clone()];
        if !heads.contains(head) {
            continue;
        }
        let Some(after) = text[word.end..].strip_prefix(' ') else {
            continue;
        };
        let field = cues::after_one_of(after, &cues.lowercase_head_links);
        let Some(field) = field.filter(|f| f.chars().next().is_some_and(char::is_uppercase)) else {
            continue;
        };
        let field_start = text.len() - field.len();
        let Some(run) = capitalised_spans(field).into_iter().next() else {
            continue;
        };
        if run.start != 0 {
            continue;
        }
        let mut end = field_start + run.end;
        if let Some(tails) = tails {
            end += lower_case_tail(&text[end..], tails);
        }
        let org = reading.organisation(&text[word.start..end]);
        org.cite(Cue::OrganisationWord, head, source);
    }
}
