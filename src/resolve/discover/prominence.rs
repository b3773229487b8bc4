//! Prominence: where one spelling could name several people in one article
//! (a surname two of them share, a title two of them hold), the article means
//! the one it names far more often than all the others together, at least
//! `PROMINENCE` times as often. A news story keeps calling its main figure by
//! surname or by title and gives a relative or a predecessor a line or two.
//! Where the article's own counts do not tell (it names each once with a
//! cue, then writes the bare surname), the whole corpus's counts decide, by
//! the same measure. Where no one stands out so, the spelling names no one
//! there: the ambiguity is flagged, never guessed.

use super::*;

/// How many times as often as all the other candidates together an article
/// must name one for a shared spelling to mean that one.
pub const PROMINENCE: usize = 3;

/// Of `candidates` (an index, and how often the article names it), the one the
/// article means: the only one it names, or the one it names at least
/// `PROMINENCE` times as often as all the others together. The flag says
/// whether prominence decided, rather than there being one candidate only.
pub(super) fn prominent(candidates: &[(usize, usize)]) -> Option<(usize, bool)> {
    let named: Vec<(usize, usize)> = candidates.iter().copied().filter(|c| c.1 > 0).collect();
    match named.as_slice() {
        [] => None,
        [(one, _)] => Some((*one, false)),
        _ => {
            let total: usize = named.iter().map(|c| c.1).sum();
            let (top, count) = named.iter().copied().max_by_key(|c| c.1)?;
            (count >= PROMINENCE * (total - count)).then_some((top, true))
        }
    }
}

/// Of `candidates` in one article (index, how often that article names it),
/// the one it means: by `prominent` over the article's counts, or, where
/// several are named and none stands out there, over the corpus's (`corpus`).
pub(super) fn in_article(
    candidates: &[(usize, usize)],
    corpus: impl Fn(usize) -> usize,
) -> Option<(usize, bool)> {
    prominent(candidates).or_else(|| {
        let named: Vec<(usize, usize)> = candidates
            .iter()
            .filter(|c| c.1 > 0)
            .map(|&(i, _)| (i, corpus(i)))
            .collect();
        prominent(&named)
    })
}

/// Where each source settles a spelling that `people` share (each an index
/// and how often each source names it), by slug; and the sources where
/// prominence decided among several.
pub(super) fn settle_by_source<'p>(
    people: impl Iterator<Item = (usize, &'p BTreeMap<String, usize>)>,
    slugs: &[String],
) -> (BTreeMap<String, String>, BTreeSet<String>) {
    let people: Vec<(usize, &BTreeMap<String, usize>)> = people.collect();
    let totals: HashMap<usize, usize> = people
        .iter()
        .map(|(p, seen)| (*p, seen.values().sum()))
        .collect();
    let mut per_source: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    for (p, seen) in &people {
        for (source, count) in seen.iter() {
            per_source.entry(source).or_default().push((*p, *count));
        }
    }
    let mut settled_in = BTreeMap::new();
    let mut prominent_in = BTreeSet::new();
    for (source, candidates) in per_source {
        let corpus = |p: usize| totals.get(&p).copied().unwrap_or(0);
        if let Some((one, by_prominence)) = in_article(&candidates, corpus) {
            settled_in.insert(source.to_string(), slugs[one].clone());
            if by_prominence {
                prominent_in.insert(source.to_string());
            }
        }
    }
    (settled_in, prominent_in)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_candidate_or_a_prominent_one_settles_a_close_call_does_not() {
        assert_eq!(prominent(&[(0, 4)]), Some((0, false)));
        assert_eq!(prominent(&[(0, 0), (1, 2)]), Some((1, false)));
        assert_eq!(prominent(&[(0, 9), (1, 2), (2, 1)]), Some((0, true)));
        assert_eq!(prominent(&[(0, 8), (1, 2), (2, 1)]), None);
        assert_eq!(prominent(&[(0, 2), (1, 2)]), None);
        assert_eq!(prominent(&[]), None);
        // A close call in the article goes to the corpus; one there too stays open.
        assert_eq!(
            in_article(&[(0, 1), (1, 1)], |i| [30, 2][i]),
            Some((0, true))
        );
        assert_eq!(in_article(&[(0, 1), (1, 1)], |i| [3, 2][i]), None);
    }
}
