//! Pull quotes: a passage of the article set again in large type between its
//! paragraphs, and the line naming whom it quotes.

use super::*;
use fnv::FnvHashMap;

/// How many words a paragraph needs before it counts as a pull quote: a shorter
/// one ("He declined to comment.") may well be repeated word for word.
const PULL_QUOTE_WORDS: usize = 8;

/// A paragraph whose words all stand, in order, inside a longer paragraph is a
/// pull quote: a passage of the article set in large type between its
/// paragraphs. Nothing is lost by removing it. A short line right after it that
/// names a speaker ("Jo Roe, former minister.") goes with it, when `credits`.
pub(super) fn mark_pull_quotes(
    judged: &mut [Judged],
    decided: &mut [bool],
    kept: &[bool],
    keys: &Keys,
    credits: bool,
) {
    let body: Vec<(usize, String)> = (0..judged.len())
        .filter(|&i| judged[i].fate == Fate::Body)
        .map(|i| (i, format!(" {} ", keys.of(i, judged))))
        .collect();
    // The paragraphs long enough to be one, with their runs outside brackets.
    let candidates: Vec<(usize, Vec<String>)> = body
        .iter()
        .enumerate()
        .filter(|(_, (i, key))| {
            !kept[*i] && (PULL_QUOTE_WORDS..=60).contains(&key.split_whitespace().count())
        })
        .map(|(at, (i, key))| {
            let text = &judged[*i].text;
            // Without brackets the one run is the paragraph, whose key is known.
            let parts = if text.contains('[') {
                unbracketed_parts(text)
            } else {
                vec![key.clone()]
            };
            (at, parts)
        })
        .collect();
    // Which paragraphs hold each candidate's opening pair of words: the places a
    // candidate may stand are found by it, so an article costs time in proportion
    // to its length.
    let mut by_pair: FnvHashMap<(&str, &str), Vec<usize>> = FnvHashMap::default();
    for (_, parts) in &candidates {
        if let Some(pair) = opening(parts) {
            by_pair.entry(pair).or_default();
        }
    }
    if !by_pair.is_empty() {
        for (at, (_, key)) in body.iter().enumerate() {
            let mut words = key.split_whitespace();
            let Some(mut previous) = words.next() else {
                continue;
            };
            for word in words {
                if let Some(holders) = by_pair.get_mut(&(previous, word)) {
                    if holders.last() != Some(&at) {
                        holders.push(at);
                    }
                }
                previous = word;
            }
        }
    }
    let everywhere: Vec<usize> = (0..body.len()).collect();
    for (at, parts) in &candidates {
        let (i, key) = &body[*at];
        if decided[*i] {
            continue;
        }
        let holders = match opening(parts) {
            Some(pair) => by_pair.get(&pair).map_or(&[][..], Vec::as_slice),
            None => &everywhere,
        };
        let inside = holders.iter().any(|&other| {
            let long = &body[other].1;
            other != *at && long.len() > key.len() && contains_in_order(long, parts)
        });
        if !inside {
            continue;
        }
        decide(
            &mut judged[*i],
            &mut decided[*i],
            Fate::Removed,
            "pull-quote",
        );
        let credit = i + 1;
        if credit < judged.len()
            && !decided[credit]
            && !kept[credit]
            && credits
            && is_speaker_credit(&judged[credit].text)
        {
            decide(
                &mut judged[credit],
                &mut decided[credit],
                Fate::Removed,
                "pull-quote-credit",
            );
        }
    }
}

/// The first two words of a candidate's first run, by which its holders are found.
fn opening(parts: &[String]) -> Option<(&str, &str)> {
    let mut words = parts.first()?.split_whitespace();
    Some((words.next()?, words.next()?))
}

/// The comparison keys of a text's runs outside square brackets, each padded with
/// spaces: an editor's "[the minister]" stands in for the quote's own "he".
fn unbracketed_parts(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = text;
    loop {
        let (outside, after) = match rest.split_once('[') {
            Some((outside, after)) => (outside, after.split_once(']').map(|(_, a)| a)),
            None => (rest, None),
        };
        let key = comparison_key(outside);
        if !key.is_empty() {
            parts.push(format!(" {key} "));
        }
        match after {
            Some(after) => rest = after,
            None => return parts,
        }
    }
}

/// Whether `long` holds every part, in order, with at most three words standing
/// in for each bracketed insertion between them.
fn contains_in_order(long: &str, parts: &[String]) -> bool {
    let Some((first, rest)) = parts.split_first() else {
        return false;
    };
    long.match_indices(first.as_str()).any(|(start, _)| {
        let mut at = start + first.len() - 1;
        rest.iter().all(|part| {
            let found = long[at..]
                .find(part.as_str())
                .filter(|&gap| long[at..at + gap + 1].split_whitespace().count() <= 3);
            found.map(|gap| at += gap + part.len() - 1).is_some()
        })
    })
}

/// "Jo Roe, former minister." or "— Jo Roe": a name in capitals, then a comma and
/// a title, or a dash before it; at most 12 words, no quotation marks.
fn is_speaker_credit(text: &str) -> bool {
    let text = text.trim();
    let dashed = text.trim_start_matches(['—', '–', '-', '―', ' ']);
    let name_first = |t: &str| {
        let name: Vec<&str> = t
            .split(',')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        (1..=4).contains(&name.len())
            && name
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    count_words(text) <= 12
        && !text.contains(['"', '“', '”', '«', '»'])
        && ((dashed.len() < text.len() && name_first(dashed))
            || (text.contains(',') && name_first(text)))
}
