//! The offline search index: every source paragraph, source, actor (with its
//! aliases) and note, tokenised the same way the page's script tokenises a query.
//!
//! It is split into small scripts under `search/`, loaded on demand, because at
//! ten thousand sources the whole index is tens of megabytes and a reader's
//! query needs a sliver of it. They are scripts rather than JSON because a page
//! opened from `file://` may load a script but may not fetch a file:
//!
//! - `search/index.js`, the manifest, sets `window.dossierSearchIndex` to
//!   `{total, terms, entries}`: the number of entries, the first and last term
//!   of each term shard (`search/t<i>.js`) and the first entry number of each
//!   entry shard (`search/e<i>.js`).
//! - Each shard calls `window.dossierSearch.add(name, data)`: a term shard's data
//!   is a list of `[term, postings]`, an entry shard's a list of entries.
//!
//! Term shards cut the terms, in the order JavaScript compares strings (UTF-16
//! code units), into consecutive runs of at most the budget's bytes, so a word
//! and every longer word it is a prefix of sit in one shard or a few neighbours.
//! A term whose postings alone exceed the budget is spread over shards of its
//! own. Entry shards are consecutive runs of entries at a thirty-second of the
//! budget: the page shows up to 50 results, each possibly in a shard of its
//! own, so small entry shards keep what a query loads to about 800 KB of text
//! at the default budget.
//!
//! Why not elasticlunr: its tokeniser trims every character outside ASCII `\w`,
//! so Arabic, Hebrew or Cyrillic words would index as nothing; a dossier reads
//! sources in any language.

use super::views::ItemKind;
use crate::fingerprint::Fingerprint;
use crate::model::Section;
use crate::resolve::Dossier;
use crate::text::Direction;
use crate::urls::page_path;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Write;

/// The default largest size of a term shard, in bytes: a one-word query loads
/// one such shard, or a few for a very common word.
pub const DEFAULT_SHARD_BYTES: usize = 512 * 1024;

/// Entry shards are this fraction of the budget (see the module's comment).
const ENTRY_SHARD_FRACTION: usize = 32;

/// The folder of the index, and its manifest, relative to the site root.
pub const FOLDER: &str = "search";
pub const MANIFEST: &str = "search/index.js";

/// One search result: what it is, its title, its page (and paragraph), its text.
#[derive(Serialize)]
struct Entry<'a> {
    kind: ItemKind,
    title: &'a str,
    url: String,
    text: Cow<'a, str>,
    /// Text direction, so a result in Arabic is shown right to left.
    #[serde(skip_serializing_if = "is_ltr")]
    dir: Direction,
}

fn is_ltr(dir: &Direction) -> bool {
    *dir == Direction::Ltr
}

/// What the manifest tells the page's script.
#[derive(Serialize)]
struct Manifest {
    /// Entries in the whole index, for the weight of rare words.
    total: usize,
    /// The first and last term of each term shard, in shard order: the page
    /// loads only the shards whose range can hold a query's word.
    terms: Vec<[String; 2]>,
    /// The number of the first entry in each entry shard, in shard order.
    entries: Vec<usize>,
}

/// Lower-cased words of letters and digits, in any script; what the page's
/// script does to a query (`search.js`, `tokens`): the whole text is lower-cased
/// first, then split, as in JavaScript, since lower-casing can add characters
/// (`İ` becomes `i` and a combining dot) or depend on the next word (`Σ`).
pub fn tokens(text: &str) -> impl Iterator<Item = String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(String::from)
        .collect::<Vec<_>>()
        .into_iter()
}

/// How JavaScript orders strings, by UTF-16 code unit, so that the script's
/// binary searches agree with the order the shards were cut in.
fn js_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// One file of the index: its path under the site root and its bytes.
pub type IndexFile = (String, Vec<u8>);

/// The part of the index that comes from the sources alone, kept by `dossier
/// serve` for the corpus key it was made for: after an edit to a note only the
/// actors and notes are tokenised again, not every paragraph. Sources come first
/// among the entries, so their entry numbers do not depend on the rest.
#[derive(Default)]
pub(super) struct SourceIndex {
    corpus: Option<Fingerprint>,
    /// The sources' entries (each source, then its paragraphs), serialised.
    entries: Vec<Vec<u8>>,
    terms: Vec<Term>,
}

/// A term with its postings (entry number and weight, in pairs, by entry), and
/// the item a shard holds for it when it holds all of them.
struct Term {
    term: String,
    postings: Vec<u32>,
    item: Option<Vec<u8>>,
}

/// Writes the index, the manifest last, handing each file to `put` as it is
/// made. `plain` turns editorial Markdown into the text to index; no shard
/// exceeds `budget` bytes unless it holds a single entry or part of a term's
/// postings that cannot be cut smaller. With `kept`, the sources' part is
/// reused when it was made for the same corpus key, and kept for the next build.
pub(super) fn write_index(
    dossier: &Dossier,
    plain: impl Fn(&str) -> String,
    budget: usize,
    kept: Option<(&mut SourceIndex, Fingerprint)>,
    put: &mut dyn FnMut(IndexFile) -> crate::Result<()>,
) -> crate::Result<()> {
    let fresh;
    let sources: &SourceIndex = match kept {
        Some((kept, corpus)) => {
            if kept.corpus != Some(corpus) {
                *kept = SourceIndex::of(dossier, true);
                kept.corpus = Some(corpus);
            }
            kept
        }
        None => {
            fresh = SourceIndex::of(dossier, false);
            &fresh
        }
    };
    let others = other_entries(dossier, plain);
    let other_terms = index_terms(&others, sources.entries.len(), false);

    let mut manifest = Manifest {
        total: sources.entries.len() + others.len(),
        terms: Vec::new(),
        entries: Vec::new(),
    };
    let mut shard = Shard::new('t', 0, budget);
    for (term, postings, whole) in merged(&sources.terms, &other_terms) {
        // A term goes whole into the next shard when it does not fit this
        // one; only a term too large for a shard of its own is cut in pieces.
        let mut rest = postings.as_ref();
        while !rest.is_empty() {
            let (item, taken) = match whole.filter(|_| rest.len() == postings.len()) {
                Some(item) if shard.fits(item) => (Some(item.to_vec()), rest.len()),
                Some(_) if !shard.is_empty() => (None, 0),
                _ => term_item(term, rest, shard.room()),
            };
            let (item, taken) = match item {
                Some(item) if taken == rest.len() || shard.is_empty() => (item, taken),
                _ if !shard.is_empty() => {
                    manifest.terms.push(shard.range.take().unwrap_or_default());
                    shard = shard.next(put)?;
                    continue;
                }
                // Not even one posting fits an empty shard: the budget is
                // tiny, and the shard holds that one posting all the same.
                _ => {
                    let (item, taken) = term_item(term, &rest[..2], usize::MAX);
                    (item.expect("anything fits in unlimited room"), taken)
                }
            };
            let range = shard
                .range
                .get_or_insert_with(|| [term.to_string(), String::new()]);
            term.clone_into(&mut range[1]);
            shard.push(&item);
            rest = &rest[taken..];
        }
    }
    if !shard.is_empty() || manifest.terms.is_empty() {
        manifest.terms.push(shard.range.take().unwrap_or_default());
        shard.finish(put)?;
    }

    let mut shard = Shard::new('e', 0, (budget / ENTRY_SHARD_FRACTION).max(1));
    let source_items = sources
        .entries
        .iter()
        .map(|item| Cow::Borrowed(item.as_slice()));
    let other_items = others
        .iter()
        .map(|entry| Cow::Owned(serde_json::to_vec(entry).expect("an entry serialises")));
    for (i, item) in source_items.chain(other_items).enumerate() {
        if !shard.fits(&item) && !shard.is_empty() {
            shard = shard.next(put)?;
        }
        if shard.is_empty() {
            manifest.entries.push(i);
        }
        shard.push(&item);
    }
    if !shard.is_empty() {
        shard.finish(put)?;
    }

    let mut bytes = b"window.dossierSearchIndex = ".to_vec();
    serde_json::to_writer(&mut bytes, &manifest).expect("the manifest serialises");
    bytes.extend_from_slice(b";\n");
    put((MANIFEST.to_string(), bytes))
}

impl SourceIndex {
    /// The sources' entries and terms; with `items`, each term's whole item too,
    /// for a cache that writes the next index from them.
    fn of(dossier: &Dossier, items: bool) -> SourceIndex {
        let entries = source_entries(dossier);
        SourceIndex {
            corpus: None,
            terms: index_terms(&entries, 0, items),
            entries: entries
                .iter()
                .map(|entry| serde_json::to_vec(entry).expect("an entry serialises"))
                .collect(),
        }
    }
}

/// The terms of `entries`, numbered from `first`, in JavaScript's string order.
fn index_terms(entries: &[Entry], first: usize, items: bool) -> Vec<Term> {
    let mut terms: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let mut weights: BTreeMap<String, u32> = BTreeMap::new();
        // A paragraph's title is its source's headline: indexing it on every
        // paragraph would rank all of them alike.
        if entry.kind != ItemKind::Paragraph {
            for token in tokens(entry.title) {
                *weights.entry(token).or_default() += 3;
            }
        }
        for token in tokens(&entry.text) {
            *weights.entry(token).or_default() += 1;
        }
        for (token, weight) in weights {
            let postings = terms.entry(token).or_default();
            postings.push((first + i) as u32);
            postings.push(weight);
        }
    }
    let mut terms: Vec<Term> = terms
        .into_iter()
        .map(|(term, postings)| Term {
            item: items
                .then(|| term_item(&term, &postings, usize::MAX).0)
                .flatten(),
            term,
            postings,
        })
        .collect();
    terms.sort_by(|a, b| js_order(&a.term, &b.term));
    terms
}

/// The terms of both lists in JavaScript's order, a term in both with the
/// postings of `first` before those of `second` (whose entries come later), and
/// the whole item of a term only `first` has, when it was kept.
fn merged<'t>(
    first: &'t [Term],
    second: &'t [Term],
) -> impl Iterator<Item = (&'t str, Cow<'t, [u32]>, Option<&'t [u8]>)> {
    let (mut a, mut b) = (first.iter().peekable(), second.iter().peekable());
    std::iter::from_fn(move || {
        let order = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => js_order(&x.term, &y.term),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => return None,
        };
        Some(match order {
            std::cmp::Ordering::Less => {
                let x = a.next()?;
                (
                    x.term.as_str(),
                    Cow::Borrowed(x.postings.as_slice()),
                    x.item.as_deref(),
                )
            }
            std::cmp::Ordering::Greater => {
                let y = b.next()?;
                (y.term.as_str(), Cow::Borrowed(y.postings.as_slice()), None)
            }
            std::cmp::Ordering::Equal => {
                let (x, y) = (a.next()?, b.next()?);
                (
                    x.term.as_str(),
                    Cow::Owned([x.postings.as_slice(), &y.postings].concat()),
                    None,
                )
            }
        })
    })
}

/// `[term, postings]` for as many of `postings` as fit in `room` bytes (all of
/// them when they do), with how many numbers it took; `None` when not even one
/// posting fits. Entry numbers are written as the difference from the previous
/// one (the first from zero): mostly one or two digits instead of five or six.
fn term_item(term: &str, postings: &[u32], room: usize) -> (Option<Vec<u8>>, usize) {
    let mut item = b"[".to_vec();
    serde_json::to_writer(&mut item, term).expect("a string serialises");
    item.extend_from_slice(b",[");
    let (mut taken, mut previous) = (0, 0);
    let mut text = Vec::with_capacity(24);
    for pair in postings.chunks(2) {
        text.clear();
        if taken > 0 {
            text.push(b',');
        }
        write!(text, "{},{}", pair[0] - previous, pair[1]).expect("writing to a Vec succeeds");
        if item.len() + text.len() + 2 > room {
            break;
        }
        item.extend_from_slice(&text);
        previous = pair[0];
        taken += 2;
    }
    if taken == 0 {
        return (None, 0);
    }
    item.extend_from_slice(b"]]");
    (Some(item), taken)
}

/// A shard being filled: `window.dossierSearch.add("t3",[item,item]);`.
struct Shard {
    kind: char,
    number: usize,
    budget: usize,
    bytes: Vec<u8>,
    items: usize,
    /// The first and last term, for the manifest (term shards only).
    range: Option<[String; 2]>,
}

const SHARD_END: &[u8] = b"]);\n";

impl Shard {
    fn new(kind: char, number: usize, budget: usize) -> Shard {
        let bytes = format!("window.dossierSearch.add(\"{kind}{number}\",[").into_bytes();
        Shard {
            kind,
            number,
            budget,
            bytes,
            items: 0,
            range: None,
        }
    }

    fn is_empty(&self) -> bool {
        self.items == 0
    }

    /// Bytes left for one more item, its separating comma included.
    fn room(&self) -> usize {
        let used = self.bytes.len() + SHARD_END.len() + usize::from(self.items > 0);
        self.budget.saturating_sub(used)
    }

    fn fits(&self, item: &[u8]) -> bool {
        item.len() <= self.room()
    }

    fn push(&mut self, item: &[u8]) {
        if self.items > 0 {
            self.bytes.push(b',');
        }
        self.bytes.extend_from_slice(item);
        self.items += 1;
    }

    fn finish(mut self, put: &mut dyn FnMut(IndexFile) -> crate::Result<()>) -> crate::Result<()> {
        self.bytes.extend_from_slice(SHARD_END);
        put((
            format!("{FOLDER}/{}{}.js", self.kind, self.number),
            self.bytes,
        ))
    }

    /// Writes this shard and starts the next.
    fn next(self, put: &mut dyn FnMut(IndexFile) -> crate::Result<()>) -> crate::Result<Shard> {
        let next = Shard::new(self.kind, self.number + 1, self.budget);
        self.finish(put)?;
        Ok(next)
    }
}

/// Every source and its paragraphs, in that order: they come first in the index.
fn source_entries(dossier: &Dossier) -> Vec<Entry<'_>> {
    let mut entries = Vec::new();
    for source in &dossier.sources {
        let page = page_path(Section::Sources, &source.slug);
        entries.push(Entry {
            kind: ItemKind::Source,
            title: source.title(),
            url: page.clone(),
            text: Cow::Owned(source.deck.join(" ")),
            dir: source.direction,
        });
        for paragraph in &source.paragraphs {
            entries.push(Entry {
                kind: ItemKind::Paragraph,
                title: source.title(),
                url: format!("{page}#{}", paragraph.anchor),
                text: Cow::Borrowed(&paragraph.text),
                dir: source.direction,
            });
        }
    }
    entries
}

/// Every actor and note, in that order, after the sources. An actor's text may
/// name a note through a link's title, so actors are not the sources' part.
fn other_entries<'a>(dossier: &'a Dossier, plain: impl Fn(&str) -> String) -> Vec<Entry<'a>> {
    let mut entries = Vec::new();
    for actor in &dossier.actors {
        let mut text = actor.meta.aliases.join(" · ");
        for part in actor.meta.role.iter().cloned().chain([plain(&actor.body)]) {
            if !part.is_empty() {
                text.push_str(" — ");
                text.push_str(&part);
            }
        }
        entries.push(Entry {
            kind: ItemKind::Actor,
            title: &actor.meta.name,
            url: page_path(Section::Actors, &actor.slug),
            text: Cow::Owned(text),
            dir: Direction::Ltr,
        });
    }
    for note in &dossier.notes {
        entries.push(Entry {
            kind: ItemKind::Note,
            title: &note.meta.title,
            url: page_path(Section::Notes, &note.slug),
            text: Cow::Owned(plain(&note.body)),
            dir: Direction::Ltr,
        });
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_every_script_and_drop_punctuation() {
        let found: Vec<String> = tokens("Gantz's MoU — المغرب, 2021! a").collect();
        assert_eq!(found, vec!["gantz", "mou", "المغرب", "2021"]);
    }

    #[test]
    fn tokens_lower_case_before_splitting_as_javascript_does() {
        // `İ` lower-cases to `i` and U+0307, which is not a letter: JavaScript
        // splits there, and so must the index.
        let found: Vec<String> = tokens("İstanbul ΟΔΟΣ").collect();
        assert_eq!(found, vec!["stanbul", "οδο\u{3c2}"]);
    }

    #[test]
    fn a_term_too_large_for_one_shard_is_cut_into_pieces_that_fit() {
        let postings: Vec<u32> = (0..100).flat_map(|i| [i * 1000, 1]).collect();
        let (item, taken) = term_item("the", &postings, 40);
        let item = item.unwrap();
        assert!(item.len() <= 40 && taken > 0 && taken < postings.len());
        assert!(item.starts_with(b"[\"the\",[0,1,1000,1"), "{item:?}");
        let (rest, _) = term_item("the", &postings[taken..], 40);
        // Each piece starts from zero, so it reads on its own.
        let first = format!("[\"the\",[{},1", postings[taken]);
        assert!(rest.unwrap().starts_with(first.as_bytes()));
        assert_eq!(term_item("the", &postings, 10), (None, 0));
    }
}
