//! What a page shows that comes from the notes, for `dossier serve`'s quick
//! page key.
//!
//! The caller vouches, with a key of its own (the *corpus key*), for everything
//! a page reads that is not a note: the sources, the actors, what discovery
//! and the analysis of the corpus found, the configuration, the framing
//! lexicons and the claims. What is left for a page is what the notes put on
//! it: the links, citations, events and backlinks of its document, the titles
//! those name, the notes that name an actor. A page whose corpus key, templates
//! and note-derived inputs are as when it was rendered is the same page, so it
//! is taken from the cache without its context being built.
//!
//! The rule is conservative: a page not listed here (the lists of notes, the
//! timeline, tags, the A–Z index, the sitemap, …) has no quick key and has its
//! context built and compared, as before. Tests compare every rebuild with a
//! full build (`tests/serve.rs`).

use super::views::Views;
use crate::fingerprint::FingerprintHasher;
use crate::ingest::Source;
use crate::model::Section;
use crate::resolve::{Actor, Link, Note};
use crate::urls::page_path;
use std::collections::HashMap;
use std::hash::Hash;

/// A page whose note-derived inputs are known.
enum Kind<'v> {
    /// A source's page: its own note's links and citations, the events citing
    /// it, its backlinks.
    Source(&'v Source),
    /// An actor's page: as a source's, and the notes that name it.
    Actor(&'v Actor),
    /// A note's page: the note itself, and as a source's.
    Note(&'v Note),
    /// The home page: the notes' cards and the first and last events.
    Home,
    /// The Atom feed: the notes' cards and the newest date.
    Atom,
    /// The list of notes, the tags and the A–Z index: the notes' cards.
    NoteCards,
    /// Pages that show nothing of the notes: the comparison, the lists of
    /// sources and of actors.
    CorpusOnly,
}

/// The note-derived inputs of the pages that have a quick key, by path.
pub(super) struct Inputs<'v> {
    views: &'v Views<'v>,
    kinds: HashMap<String, Kind<'v>>,
    /// Every link, by the document it stands in, in dossier order.
    links_from: HashMap<&'v str, Vec<&'v Link>>,
}

impl<'v> Inputs<'v> {
    pub(super) fn new(views: &'v Views<'v>) -> Inputs<'v> {
        let dossier = views.dossier;
        let mut kinds = HashMap::new();
        for source in &dossier.sources {
            kinds.insert(
                page_path(Section::Sources, &source.slug),
                Kind::Source(source),
            );
        }
        for actor in &dossier.actors {
            kinds.insert(page_path(Section::Actors, &actor.slug), Kind::Actor(actor));
        }
        for note in &dossier.notes {
            kinds.insert(page_path(Section::Notes, &note.slug), Kind::Note(note));
        }
        for path in ["sources/index.html", "actors/index.html"] {
            kinds.insert(path.to_string(), Kind::CorpusOnly);
        }
        for path in ["notes/index.html", "a-z.html"] {
            kinds.insert(path.to_string(), Kind::NoteCards);
        }
        kinds.insert("index.html".to_string(), Kind::Home);
        kinds.insert("atom.xml".to_string(), Kind::Atom);
        let mut links_from: HashMap<&str, Vec<&Link>> = HashMap::new();
        for link in &dossier.links {
            links_from.entry(&link.from).or_default().push(link);
        }
        Inputs {
            views,
            kinds,
            links_from,
        }
    }

    /// Feeds the note-derived inputs of the page at `path` to `hasher`; false
    /// when the page has no quick key.
    pub(super) fn feed(&self, path: &str, hasher: &mut FingerprintHasher) -> bool {
        let views = self.views;
        let lookups = &views.dossier.lookups;
        // The comparison pages: `compare.html`, `compare-2.html`, … at the root.
        let compare = path.starts_with("compare") && !path.contains('/');
        let kind = match self.kinds.get(path) {
            Some(kind) => kind,
            None if compare => &Kind::CorpusOnly,
            // Each tag's page and the index of tags.
            None if path.starts_with("tags/") => &Kind::NoteCards,
            None => return false,
        };
        match kind {
            Kind::Source(source) => {
                self.document(&source.slug, hasher);
                hasher.json(&views.event_views(lookups.events_by_source.get(&source.slug)));
            }
            Kind::Actor(actor) => {
                let slug = actor.slug.as_str();
                self.document(slug, hasher);
                hasher.json(&views.event_views(lookups.events_by_actor.get(slug)));
                for note in views.by.notes_by_actor.get(slug).into_iter().flatten() {
                    note.hash(hasher);
                    views.dossier.note(note).map(|n| &n.meta.title).hash(hasher);
                }
            }
            Kind::Note(note) => {
                note.slug.hash(hasher);
                hasher.json(&note.meta);
                note.body.hash(hasher);
                self.document(&note.slug, hasher);
                hasher.json(&views.event_views(lookups.events_by_note.get(&note.slug)));
            }
            Kind::Home => {
                self.note_cards(hasher);
                views.timeline.len().hash(hasher);
                hasher.json(&views.timeline.first());
                hasher.json(&views.timeline.last());
            }
            Kind::Atom => {
                self.note_cards(hasher);
                views.feed_updated.hash(hasher);
            }
            Kind::NoteCards => self.note_cards(hasher),
            Kind::CorpusOnly => {}
        }
        true
    }

    /// The notes' cards (slug, title, summary, tags, events) in the order of
    /// the lists, and the notes' slugs in dossier order (the order of a tag's page).
    fn note_cards(&self, hasher: &mut FingerprintHasher) {
        hasher.json(&self.views.notes);
        for note in &self.views.dossier.notes {
            note.slug.hash(hasher);
        }
    }

    /// What the notes may change in a document's own text and around it: its
    /// links (with the title and section of each target, which a rendered link
    /// shows), its citations, and the backlinks to it.
    fn document(&self, slug: &str, hasher: &mut FingerprintHasher) {
        let dossier = self.views.dossier;
        for link in self.links_from.get(slug).into_iter().flatten() {
            hasher.json(&link);
            dossier.title_of(&link.to).hash(hasher);
            dossier
                .index
                .get(&link.to)
                .map(|t| t.section.folder())
                .hash(hasher);
        }
        hasher.add(b"citations");
        for &i in dossier
            .lookups
            .citations_by_document
            .get(slug)
            .into_iter()
            .flatten()
        {
            hasher.json(&dossier.citations[i]);
        }
        hasher.json(&self.views.backlinks_of(slug));
    }
}
