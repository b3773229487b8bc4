//! What a long-running process keeps between builds of the same dossier so that
//! a rebuild redoes only what an edit changed: ingested sources (the costly
//! stage for sources), the compiled furniture rules, what discovery found, the
//! analysis of the corpus, and rendered pages.
//!
//! Discovery and the analysis read the sources, the actors and a few files of
//! the dossier, never the notes (but for `Analysis::note_actors`, recomputed each
//! build, and the slugs discovery must not take). Each is kept with a key of
//! what it reads, so an edit to a note redoes neither.

use crate::analyse::{analyse, note_actors, Analysis};
use crate::error::Result;
use crate::fingerprint::{Fingerprint, FingerprintHasher, Keys};
use crate::ingest::rules::RuleSet;
use crate::ingest::{ingest_with, OutletRepeats, Source};
use crate::model::{Config, Document, Origin, SourceMeta, TextFile};
use crate::render::PageCache;
use crate::resolve::discover::{discover, Discovery};
use crate::resolve::mentions::MentionMatcher;
use crate::resolve::{Actor, Dossier, Target};
use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::path::PathBuf;
use std::sync::Arc;

/// Everything a source's ingestion depends on, hashed (128 bits, random keys).
type Key = Fingerprint;

#[derive(Default)]
pub struct Cache {
    hashers: Keys,
    rules: Option<(Key, Arc<RuleSet>)>,
    /// Ingested sources by file, with the key they were ingested for.
    sources: HashMap<PathBuf, (Key, Source)>,
    /// The lines each outlet repeats, with the key of every document they were
    /// found in.
    repeats: Option<(Key, OutletRepeats)>,
    /// The keys of the last build's sources, in dossier order.
    source_keys: Vec<Key>,
    /// What discovery added to the dossier, for the key of what it read.
    discovered: Option<(Key, Discovered)>,
    /// The analysis of the last build and the key of what it read but the
    /// notes (see [`Cache::corpus_key`]); its `note_actors` are those of the
    /// last build.
    analysis: Option<(Key, Analysis)>,
    pub(crate) pages: PageCache,
    /// How many sources the last build ingested (the rest came from the cache).
    pub(crate) ingested: usize,
    /// Whether the last build reused discovery and the analysis of the corpus.
    pub(crate) reused_analysis: bool,
}

/// What discovery adds to a dossier: the actors after it (hand-written and
/// found), the index entries of those it found, what it found, and the matcher.
struct Discovered {
    actors: Vec<Actor>,
    index: Vec<(String, Target)>,
    discovery: Discovery,
    mentions: MentionMatcher,
}

impl Cache {
    /// The furniture rules for this `furniture.toml` (if any), compiled once.
    pub(crate) fn rule_set(&mut self, extra: Option<&TextFile>) -> Result<Arc<RuleSet>> {
        let key = self.hashers.of(|h| extra.hash(h));
        if let Some((cached, rules)) = &self.rules {
            if *cached == key {
                return Ok(rules.clone());
            }
        }
        let rules = Arc::new(crate::ingest::rule_set(extra)?);
        self.rules = Some((key, rules.clone()));
        Ok(rules)
    }

    /// The sources of `documents`, in their order: those whose file, front matter,
    /// text, configuration and rules are as last time come from the cache, the
    /// others are ingested (in parallel, as in a full build).
    pub(crate) fn ingest(
        &mut self,
        documents: Vec<Document<SourceMeta>>,
        config: &Config,
        rules: &RuleSet,
        rules_key: Option<&TextFile>,
    ) -> Result<Vec<Source>> {
        // Whatever in the configuration and rules a source could depend on.
        let config_json = serde_json::to_string(config).expect("the configuration serialises");
        let context = self.hashers.of(|h| {
            config_json.hash(h);
            rules_key.hash(h);
        });
        let own: Vec<Key> = documents
            .iter()
            .map(|doc| self.hashers.of(|h| hash_document(doc, context, h)))
            .collect();
        // A source's cleaning also depends on the lines other sources of its
        // outlet repeat, so those are part of its key. They are found again
        // only when some document changed.
        let all = self.hashers.of(|h| own.hash(h));
        let repeats = match self.repeats.take() {
            Some((cached, repeats)) if cached == all => repeats,
            _ => OutletRepeats::of(&documents),
        };
        let mut by_outlet: HashMap<Option<&str>, Key> = HashMap::new();
        let keys: Vec<Key> = documents
            .iter()
            .zip(&own)
            .map(|(doc, own)| {
                let outlet = doc.meta.outlet.as_deref();
                let lines = *by_outlet
                    .entry(outlet)
                    .or_insert_with(|| self.hashers.of(|h| repeats.of_outlet(outlet).hash(h)));
                self.hashers.of(|h| {
                    own.hash(h);
                    lines.hash(h);
                })
            })
            .collect();
        let mut slots: Vec<Option<Source>> = Vec::with_capacity(documents.len());
        let mut missing = Vec::new();
        let mut missing_at = Vec::new();
        let mut paths = HashSet::with_capacity(documents.len());
        for (index, (doc, key)) in documents.into_iter().zip(&keys).enumerate() {
            paths.insert(doc.origin.path.clone());
            match self.sources.get(&doc.origin.path) {
                Some((cached, source)) if cached == key => slots.push(Some(source.clone())),
                _ => {
                    slots.push(None);
                    missing_at.push(index);
                    missing.push(doc);
                }
            }
        }
        self.ingested = missing.len();
        let fresh = ingest_with(missing, config, rules, &repeats)?;
        self.repeats = Some((all, repeats));
        for (index, source) in missing_at.into_iter().zip(fresh) {
            let entry = (keys[index], source.clone());
            self.sources.insert(source.origin.path.clone(), entry);
            slots[index] = Some(source);
        }
        let sources: Vec<Source> = slots
            .into_iter()
            .map(|s| s.expect("every slot is filled"))
            .collect();
        // Only the sources of this build stay: a removed file is forgotten.
        self.sources.retain(|path, _| paths.contains(path));
        self.source_keys = keys;
        Ok(sources)
    }

    /// Discovery, run again only when the sources, the actor files or the
    /// slugs of the dossier changed: it reads the sources and the actors, and
    /// the index only to give a found actor a slug no file has.
    pub(crate) fn discover(&mut self, mut dossier: Dossier) -> Result<Dossier> {
        let key = self.hashers.of(|h| {
            self.source_keys.hash(h);
            hash_actors(&dossier.actors, h);
            // Only whether a slug is taken matters, not where it points.
            dossier.index.keys().for_each(|slug| slug.hash(h));
        });
        if let Some((cached, found)) = &self.discovered {
            if *cached == key {
                dossier.actors = found.actors.clone();
                dossier.index.extend(found.index.iter().cloned());
                dossier.discovery = found.discovery.clone();
                dossier.mentions = found.mentions.clone();
                return Ok(dossier);
            }
        }
        self.discovered = None;
        let before = dossier.actors.len();
        let dossier = discover(dossier)?;
        let index = dossier.actors[before..]
            .iter()
            .filter_map(|a| Some((a.slug.clone(), *dossier.index.get(&a.slug)?)))
            .collect();
        let found = Discovered {
            actors: dossier.actors.clone(),
            index,
            discovery: dossier.discovery.clone(),
            mentions: dossier.mentions.clone(),
        };
        self.discovered = Some((key, found));
        Ok(dossier)
    }

    /// The key of everything the analysis of the corpus reads and everything a
    /// page shows that does not come from the notes: the sources (by their
    /// ingest keys), the actors after discovery and what discovery found, the
    /// configuration, the framing lexicons and the claims. Notes, and what
    /// resolve derives from them (events, links, citations, lookups, the
    /// index), are not in it.
    pub(crate) fn corpus_key(&self, dossier: &Dossier) -> Key {
        self.hashers.of(|h| {
            self.source_keys.hash(h);
            hash_actors(&dossier.actors, h);
            h.json(&dossier.discovery);
            h.json(&dossier.config);
            h.json(&dossier.framing);
            h.json(&dossier.claims);
        })
    }

    /// The analysis, reused whole but for the notes' part when the corpus key
    /// is as last time. Returns the analysis and the corpus key.
    pub(crate) fn analyse(&mut self, dossier: &Dossier) -> Result<(&Analysis, Key)> {
        let key = self.corpus_key(dossier);
        let reused = matches!(&self.analysis, Some((cached, _)) if *cached == key);
        self.reused_analysis = reused;
        if reused {
            let (_, analysis) = self.analysis.as_mut().expect("matched above");
            analysis.note_actors = note_actors(dossier);
        } else {
            self.analysis = None;
            self.analysis = Some((key, analyse(dossier)?));
        }
        let (_, analysis) = self.analysis.as_ref().expect("set above");
        Ok((analysis, key))
    }

    /// The analysis of the last build and the page cache, borrowed together.
    pub(crate) fn analysis_and_pages(&mut self) -> Option<(&Analysis, &mut PageCache)> {
        let (_, analysis) = self.analysis.as_ref()?;
        Some((analysis, &mut self.pages))
    }
}

/// Feeds every actor to the hasher: slug, origin, typed front matter and body.
fn hash_actors(actors: &[Actor], hasher: &mut FingerprintHasher) {
    actors.len().hash(hasher);
    for actor in actors {
        let Document {
            slug,
            origin,
            meta,
            body,
        } = actor;
        slug.hash(hasher);
        origin.path.hash(hasher);
        origin.front_matter.hash(hasher);
        origin.front_matter_line.hash(hasher);
        origin.body_line.hash(hasher);
        serde_json::to_writer(&mut *hasher, meta).expect("front matter serialises");
        body.hash(hasher);
    }
}

/// Feeds every field of a document to the hasher. The destructuring names each
/// field, so a field added to `Document` or `Origin` stops the build here until
/// it is hashed too, rather than leaving the cache blind to it.
fn hash_document(doc: &Document<SourceMeta>, context: Key, hasher: &mut FingerprintHasher) {
    let Document {
        slug,
        origin,
        meta,
        body,
    } = doc;
    let Origin {
        path,
        front_matter,
        front_matter_line,
        body_line,
    } = origin;
    context.hash(hasher);
    slug.hash(hasher);
    path.hash(hasher);
    front_matter.hash(hasher);
    front_matter_line.hash(hasher);
    body_line.hash(hasher);
    // The front matter's text is hashed, but the typed values are what ingest reads.
    serde_json::to_string(meta)
        .expect("front matter serialises")
        .hash(hasher);
    body.hash(hasher);
}
