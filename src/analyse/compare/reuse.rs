//! Shared text: passages two sources have in common, found through word
//! shingles, of which winnowing (Schleimer, Wilkerson and Aiken, "Winnowing:
//! local algorithms for document fingerprinting", SIGMOD 2003) keeps the
//! fingerprints: the least hash of every `WINNOW` shingles in a row. Any run of
//! `WINDOW + WINNOW - 1` words that two paragraphs share gives both a same
//! fingerprint, and the index holds about 2 / (`WINNOW` + 1) of the shingles.

use super::*;

const WINDOW: usize = 8;
/// Shingles in a row of which winnowing keeps the least.
const WINNOW: usize = 4;
/// Up to this many sources, shared text is drawn as a full matrix.
const MATRIX_SOURCES: usize = 30;
/// Pairs of sources sharing text listed for each source, closest first.
const PARTNERS: usize = 5;
/// Aligned passages shown, closest first.
const PASSAGES_SHOWN: usize = 60;
/// A paragraph by source index and paragraph index.
type ParagraphAt = (usize, usize);
/// A shingle found in more paragraphs than this is boilerplate, not reuse.
const COMMON: usize = 40;

/// Word shingles with an inverted index: each shingle lists the sources (and the
/// paragraph) that hold it, so the cost follows the text, never the number of
/// pairs of sentences.
pub(super) fn reuse(sources: &[Source]) -> Reuse {
    use rayon::prelude::*;
    // The maps below take millions of small keys that are hashes or indices
    // already: FNV hashes them several times faster than SipHash. It resists no
    // crafted collisions, but a crafted article could only slow this step down;
    // the result is sorted afterwards and does not depend on the map's order.
    type FastMap<K, V> = fnv::FnvHashMap<K, V>;
    let shingled: Vec<Vec<Vec<u64>>> = sources
        .par_iter()
        .map(|s| s.paragraphs.iter().map(|p| fingerprints(&p.text)).collect())
        .collect();
    let mut index: FastMap<u64, Vec<ParagraphAt>> = FastMap::default();
    let mut totals = vec![0usize; sources.len()];
    for (s, paragraphs) in shingled.iter().enumerate() {
        let mut seen = fnv::FnvHashSet::default();
        for (p, list) in paragraphs.iter().enumerate() {
            for shingle in list {
                if seen.insert(*shingle) {
                    totals[s] += 1;
                    index.entry(*shingle).or_default().push((s, p));
                }
            }
        }
    }
    let mut shared: FastMap<(usize, usize), usize> = FastMap::default();
    let mut paragraph_pairs: FastMap<(ParagraphAt, ParagraphAt), usize> = FastMap::default();
    for holders in index.values() {
        if holders.len() < 2 || holders.len() > COMMON {
            continue;
        }
        for (i, a) in holders.iter().enumerate() {
            for b in &holders[i + 1..] {
                *shared.entry((a.0, b.0)).or_default() += 1;
                *paragraph_pairs.entry((*a, *b)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<SharedPair> = shared
        .iter()
        .map(|(&(a, b), &count)| SharedPair {
            a: sources[a].slug.clone(),
            b: sources[b].slug.clone(),
            a_in_b: percent(count, totals[a]),
            b_in_a: percent(count, totals[b]),
        })
        .filter(|p| p.a_in_b.max(p.b_in_a) >= 5)
        .collect();
    pairs.sort_by(|x, y| {
        y.a_in_b
            .max(y.b_in_a)
            .cmp(&x.a_in_b.max(x.b_in_a))
            .then((&x.a, &x.b).cmp(&(&y.a, &y.b)))
    });
    // Wire copy reprinted by forty outlets makes 780 pairs: each source keeps
    // its closest partners, so the list grows with the sources, not their pairs.
    let mut partners: HashMap<String, usize> = HashMap::new();
    pairs.retain(|pair| {
        let keep = [&pair.a, &pair.b]
            .iter()
            .any(|s| partners.get(s.as_str()).copied().unwrap_or(0) < PARTNERS);
        if keep {
            for s in [&pair.a, &pair.b] {
                *partners.entry(s.to_string()).or_default() += 1;
            }
        }
        keep
    });
    // A matrix of every source by every source grows with the square of the corpus:
    // it is drawn for small dossiers, and the list of pairs serves the rest.
    let overlap = if sources.len() <= MATRIX_SOURCES {
        (0..sources.len())
            .map(|i| {
                (0..sources.len())
                    .map(|j| {
                        let count = shared.get(&(i.min(j), i.max(j))).copied().unwrap_or(0);
                        if i == j {
                            100
                        } else {
                            percent(count, totals[i])
                        }
                    })
                    .collect()
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut candidates: Vec<(usize, ParagraphAt, ParagraphAt)> = paragraph_pairs
        .into_iter()
        .filter_map(|((a, b), count)| {
            let smaller = shingled[a.0][a.1]
                .len()
                .min(shingled[b.0][b.1].len())
                .max(1);
            let share = percent(count, smaller);
            (share >= 20).then_some((share, a, b))
        })
        .collect();
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut shown: std::collections::HashSet<(&str, &str)> = std::collections::HashSet::new();
    let passages = candidates
        .into_iter()
        .filter(|(_, a, b)| {
            // One alignment per pair of texts: wire copy reprinted fifty times is one finding.
            let (ta, tb) = (
                &sources[a.0].paragraphs[a.1].text,
                &sources[b.0].paragraphs[b.1].text,
            );
            shown.insert((ta.as_str(), tb.as_str()))
        })
        .take(PASSAGES_SHOWN)
        .map(|(share, a, b)| {
            let (pa, pb) = (&sources[a.0].paragraphs[a.1], &sources[b.0].paragraphs[b.1]);
            SharedPassage {
                a: sources[a.0].slug.clone(),
                a_anchor: pa.anchor.clone(),
                b: sources[b.0].slug.clone(),
                b_anchor: pb.anchor.clone(),
                percent: share,
                diff: word_diff(&pa.text, &pb.text),
            }
        })
        .collect();
    Reuse {
        window: WINDOW,
        winnow: WINNOW,
        overlap,
        pairs,
        passages,
    }
}

/// The paragraph's winnowed shingle hashes, in text order: in each window of
/// `WINNOW` shingles the least hash (the rightmost where two are equal), each
/// position once. A paragraph of fewer shingles keeps its least.
fn fingerprints(text: &str) -> Vec<u64> {
    let hashes = shingles(text);
    let width = WINNOW.min(hashes.len()).max(1);
    let mut kept: Vec<u64> = Vec::new();
    let mut last = None;
    for (start, window) in hashes.windows(width).enumerate() {
        let least = window
            .iter()
            .enumerate()
            .rev()
            .min_by_key(|(_, hash)| **hash)
            .map(|(offset, _)| start + offset);
        if least != last {
            kept.extend(least.map(|at| hashes[at]));
            last = least;
        }
    }
    kept
}

/// The shingles of a paragraph's own words: a quotation is the speaker's,
/// and two outlets that quote one statement have reused nothing of each
/// other's, so no sequence is taken inside or across a quotation.
fn shingles(text: &str) -> Vec<u64> {
    let mut hashes = Vec::new();
    let mut from = 0;
    for span in crate::text::sentences::quote_spans(text) {
        hashes.extend(segment_shingles(&text[from..span.open.max(from)]));
        from = span.close_end.max(from);
    }
    hashes.extend(segment_shingles(&text[from.min(text.len())..]));
    hashes
}

fn segment_shingles(text: &str) -> Vec<u64> {
    use std::hash::Hasher;
    let key = comparison_key(text);
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() < WINDOW {
        return Vec::new();
    }
    words
        .windows(WINDOW)
        .map(|window| {
            // The hash of the words joined by spaces, without joining them.
            let mut hasher = fnv::FnvHasher::default();
            for (i, word) in window.iter().enumerate() {
                if i > 0 {
                    hasher.write(b" ");
                }
                hasher.write(word.as_bytes());
            }
            hasher.finish()
        })
        .collect()
}

/// Words the two texts share between two changes that are too few to stand as
/// shared text: a word-by-word alignment of rewritten sentences otherwise keeps
/// every "the" and "they" they happen to share and reads as
/// "<del>restart.</del><ins>they</ins> <del>They're</del><ins>restart</ins>".
const ABSORBED_WORDS: usize = 2;

/// The two paragraphs aligned word by word: what is the same, what only one
/// has. Where they differ, each change is one run of the first text's words and
/// one of the second's, with the few shared words among them counted in both
/// (the semantic clean-up of Myers' diff, as diff-match-patch does it).
fn word_diff(a: &str, b: &str) -> Vec<DiffPart> {
    let diff = similar::TextDiff::from_words(a, b);
    let mut raw: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let side = match change.tag() {
            similar::ChangeTag::Equal => DiffSide::Same,
            similar::ChangeTag::Delete => DiffSide::A,
            similar::ChangeTag::Insert => DiffSide::B,
        };
        push_part(&mut raw, side, change.value());
    }
    let mut out: Vec<DiffPart> = Vec::new();
    let (mut only_a, mut only_b) = (String::new(), String::new());
    let flush = |out: &mut Vec<DiffPart>, only_a: &mut String, only_b: &mut String| {
        // A change's runs keep their inner spaces; the spaces at their ends stand
        // outside them, shared, so that a run never touches the next word.
        let (a_text, b_text) = (std::mem::take(only_a), std::mem::take(only_b));
        let lead = common_prefix_spaces(&a_text, &b_text);
        let trail = common_suffix_spaces(&a_text[lead..], &b_text[lead..]);
        push_part(out, DiffSide::Same, &a_text[..lead]);
        push_part(out, DiffSide::A, &a_text[lead..a_text.len() - trail]);
        push_part(out, DiffSide::B, &b_text[lead..b_text.len() - trail]);
        push_part(out, DiffSide::Same, &a_text[a_text.len() - trail..]);
    };
    for (i, part) in raw.iter().enumerate() {
        let between_changes = i > 0 && i + 1 < raw.len();
        match part.side {
            DiffSide::A => only_a.push_str(&part.text),
            DiffSide::B => only_b.push_str(&part.text),
            DiffSide::Same
                if between_changes && crate::text::count_words(&part.text) <= ABSORBED_WORDS =>
            {
                only_a.push_str(&part.text);
                only_b.push_str(&part.text);
            }
            DiffSide::Same => {
                flush(&mut out, &mut only_a, &mut only_b);
                push_part(&mut out, DiffSide::Same, &part.text);
            }
        }
    }
    flush(&mut out, &mut only_a, &mut only_b);
    out
}

/// Appends `text` to the last part when it is on the same side; empty text adds nothing.
fn push_part(parts: &mut Vec<DiffPart>, side: DiffSide, text: &str) {
    if text.is_empty() {
        return;
    }
    match parts.last_mut() {
        Some(last) if last.side == side => last.text.push_str(text),
        _ => parts.push(DiffPart {
            side,
            text: text.to_string(),
        }),
    }
}

/// The length of the white space both texts open with.
fn common_prefix_spaces(a: &str, b: &str) -> usize {
    a.bytes()
        .zip(b.bytes())
        .take_while(|(x, y)| x == y && x.is_ascii_whitespace())
        .count()
}

/// The length of the white space both texts end with.
fn common_suffix_spaces(a: &str, b: &str) -> usize {
    a.bytes()
        .rev()
        .zip(b.bytes().rev())
        .take_while(|(x, y)| x == y && x.is_ascii_whitespace())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Made-up prose of `n` distinct words.
    fn prose(prefix: &str, n: usize) -> String {
        (0..n)
            .map(|i| format!("{prefix}{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The text of one side as the diff shows it: shared parts and that side's.
    fn side_text(parts: &[DiffPart], side: DiffSide) -> String {
        parts
            .iter()
            .filter(|p| p.side == DiffSide::Same || p.side == side)
            .map(|p| p.text.as_str())
            .collect()
    }

    #[test]
    fn a_rewritten_clause_is_one_change_not_word_by_word() {
        let a = "\"You will see about that. It will not be easy for them to restart. They are not going to be restarting anything,\" the mayor said during the visit.";
        let b = "\"If they restart their harbour plan, they are going to have problems,\" the mayor said on Monday.";
        let parts = word_diff(a, b);
        // Both texts read back whole, exactly.
        assert_eq!(side_text(&parts, DiffSide::A), a);
        assert_eq!(side_text(&parts, DiffSide::B), b);
        // Changes alternate with shared text of more than two words, or stand
        // at either end: never a lone shared "they" between two changes.
        for (i, part) in parts.iter().enumerate() {
            if part.side == DiffSide::Same && i > 0 && i + 1 < parts.len() {
                let words = crate::text::count_words(&part.text);
                assert!(
                    words == 0 || words > 2,
                    "{:?} between changes in {parts:?}",
                    part.text
                );
            }
        }
        // Each change is the first text's run, then the second's.
        assert!(parts.windows(2).all(|w| !(w[0].side != DiffSide::Same
            && w[1].side != DiffSide::Same)
            || (w[0].side == DiffSide::A && w[1].side == DiffSide::B)));
        assert!(parts
            .iter()
            .any(|p| p.side == DiffSide::Same && p.text.contains("the mayor said")));
        // Identical texts are one shared part.
        assert_eq!(
            word_diff(a, a),
            vec![DiffPart {
                side: DiffSide::Same,
                text: a.to_string()
            }]
        );
    }

    #[test]
    fn a_quotation_two_outlets_share_is_not_reuse() {
        let words = "the river belongs to every farmer who has ever worked the valley and to their children";
        let a = format!("In a long speech to the council on Monday morning, the mayor said “{words}” to applause.");
        let b = format!("Speaking at the dam, the mayor told reporters “{words}” before he left.");
        let first: Vec<u64> = shingles(&a);
        assert!(
            !first.is_empty(),
            "the narration around the quotation is shingled"
        );
        assert!(shingles(&b).iter().all(|h| !first.contains(h)));
        // The same words, written as the outlets' own, are shared text.
        let c = format!("The mayor said {words} on Monday.");
        let d = format!("Reporters heard that {words} before he left.");
        assert!(shingles(&c).iter().any(|h| shingles(&d).contains(h)));
    }

    #[test]
    fn winnowing_keeps_a_shared_run_and_fewer_hashes_than_shingles() {
        let shared = prose("harbour", WINDOW + WINNOW - 1);
        let a = format!("{} {shared} {}", prose("alpha", 30), prose("beta", 30));
        let b = format!("{} {shared}", prose("gamma", 45));
        let (fa, fb) = (fingerprints(&a), fingerprints(&b));
        assert!(
            fa.iter().any(|h| fb.contains(h)),
            "no fingerprint in common"
        );
        let all = shingles(&a).len();
        assert!(fa.len() * 10 < all * 7, "{} of {all} kept", fa.len());
        // Texts with nothing in common share no fingerprint.
        let c = prose("delta", 60);
        assert!(fingerprints(&c).iter().all(|h| !fa.contains(h)));
        // A paragraph too short for a window keeps its least shingle.
        let short = prose("epsilon", WINDOW + 1);
        assert_eq!(fingerprints(&short).len(), 1);
        assert!(fingerprints(&prose("zeta", WINDOW - 1)).is_empty());
    }
}
