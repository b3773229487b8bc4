//! What a long-running process keeps between builds of the same dossier so that
//! a rebuild redoes only what an edit changed: ingested sources (the costly
//! stage for sources), the compiled furniture rules, and rendered pages.

use crate::error::Result;
use crate::fingerprint::{Fingerprint, FingerprintHasher, Keys};
use crate::ingest::rules::RuleSet;
use crate::ingest::{ingest_with, OutletRepeats, Source};
use crate::model::{Config, Document, Origin, SourceMeta, TextFile};
use crate::render::PageCache;
use std::collections::HashMap;
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
    pub(crate) pages: PageCache,
    /// How many sources the last build ingested (the rest came from the cache).
    pub(crate) ingested: usize,
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
        // A source's cleaning also depends on the lines other sources of its
        // outlet repeat, so those are part of its key.
        let repeats = OutletRepeats::of(&documents);
        let keys: Vec<Key> = documents
            .iter()
            .map(|doc| {
                self.hashers.of(|h| {
                    hash_document(doc, context, h);
                    repeats.of_outlet(doc.meta.outlet.as_deref()).hash(h);
                })
            })
            .collect();
        let mut slots: Vec<Option<Source>> = Vec::with_capacity(documents.len());
        let mut missing = Vec::new();
        let mut missing_at = Vec::new();
        for (index, (doc, key)) in documents.into_iter().zip(&keys).enumerate() {
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
        for (index, source) in missing_at.into_iter().zip(fresh) {
            slots[index] = Some(source);
        }
        let sources: Vec<Source> = slots
            .into_iter()
            .map(|s| s.expect("every slot is filled"))
            .collect();
        // Only the sources of this build stay: a removed file is forgotten.
        self.sources = sources
            .iter()
            .zip(keys)
            .map(|(source, key)| (source.origin.path.clone(), (key, source.clone())))
            .collect();
        Ok(sources)
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
