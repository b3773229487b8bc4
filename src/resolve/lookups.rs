//! The link graph read the other way: for each page, what points at it. Built
//! once in resolve, so no page scans the whole dossier and every list keeps the
//! dossier's order, for deterministic output.

use super::{Cited, Event, Link};
use std::collections::{HashMap, HashSet};

/// Positions in `Dossier::citations`, `Dossier::events` and `Dossier::links`, by slug.
#[derive(Debug, Clone, Default)]
pub struct Lookups {
    /// Citations, by the note, actor or source that makes them.
    pub citations_by_document: HashMap<String, Vec<usize>>,
    /// Events, by the note that lists them.
    pub events_by_note: HashMap<String, Vec<usize>>,
    /// Events, by each source they cite (once per event).
    pub events_by_source: HashMap<String, Vec<usize>>,
    pub events_by_actor: HashMap<String, Vec<usize>>,
    /// Links that point at a page, by its slug: one per linking page and
    /// sentence, never a page's link to itself.
    pub backlinks: HashMap<String, Vec<usize>>,
}

impl Lookups {
    pub fn new(citations: &[Cited], events: &[Event], links: &[Link]) -> Lookups {
        let mut lookups = Lookups::default();
        let push =
            |map: &mut HashMap<String, Vec<usize>>, key: &str, at: usize| match map.get_mut(key) {
                Some(list) => list.push(at),
                None => {
                    map.insert(key.to_string(), vec![at]);
                }
            };
        for (i, cited) in citations.iter().enumerate() {
            push(&mut lookups.citations_by_document, &cited.from, i);
        }
        for (i, event) in events.iter().enumerate() {
            push(&mut lookups.events_by_note, &event.note, i);
            let mut sources: Vec<&str> = event.sources.iter().map(|r| r.slug.as_str()).collect();
            sources.sort_unstable();
            sources.dedup();
            for slug in sources {
                push(&mut lookups.events_by_source, slug, i);
            }
            for slug in &event.actors {
                push(&mut lookups.events_by_actor, slug, i);
            }
        }
        let mut seen: HashSet<(&str, &str, &str)> = HashSet::new();
        for (i, link) in links.iter().enumerate() {
            if link.from != link.to && seen.insert((&link.to, &link.from, &link.context)) {
                push(&mut lookups.backlinks, &link.to, i);
            }
        }
        lookups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(from: &str, to: &str, context: &str) -> Link {
        Link {
            from: from.into(),
            to: to.into(),
            anchor: None,
            context: context.into(),
        }
    }

    #[test]
    fn backlinks_keep_one_link_per_page_and_sentence_and_none_to_itself() {
        let links = [
            link("a", "b", "A meets [[b]]."),
            link("a", "b", "A meets [[b]]."),
            link("a", "b", "Later [[b]] left."),
            link("b", "b", "See [[b]]."),
            link("c", "b", "A meets [[b]]."),
        ];
        let lookups = Lookups::new(&[], &[], &links);
        assert_eq!(lookups.backlinks["b"], [0, 2, 4]);
        assert!(!lookups.backlinks.contains_key("a"));
    }
}
