//! The page cache of `dossier serve`: a page whose templates and context did not
//! change since the last build is not rendered again, and a page whose quick
//! key (`inputs.rs`) did not change does not even have its context built.

use super::dossier_json::JsonParts;
use super::search::SourceIndex;
use super::templates::{compile_templates, template_uses};
use crate::error::Result;
use crate::fingerprint::{Fingerprint, FingerprintHasher, Keys};
use crate::theme::Theme;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use tera::Tera;

/// What a page's bytes depend on, hashed: its template and every template that
/// one uses, and its whole context. 128 bits from two SipHash keys drawn at
/// random when the cache is made, so no content can be written to collide.
pub(super) type PageKey = Fingerprint;

/// A rendered page and the keys it was rendered for.
#[derive(Clone)]
pub(super) struct CachedPage {
    /// The quick key: the corpus key, every template and what the notes put
    /// on the page; none for a page that has none.
    pub(super) quick: Option<PageKey>,
    /// The page's template and its whole context.
    pub(super) key: PageKey,
    pub(super) bytes: Arc<Vec<u8>>,
    /// Whether the page shows highlighted code (the site then needs `syntax.css`).
    pub(super) has_code: bool,
}

/// Rendered pages by path, with the keys they were rendered for, and the
/// compiled templates.
#[derive(Default)]
pub struct PageCache {
    hashers: Keys,
    pages: HashMap<String, CachedPage>,
    tera: Option<(PageKey, Arc<Tera>)>,
    /// The parts of `dossier.json` that do not come from the notes.
    pub(super) json: JsonParts,
    /// The search index's part that comes from the sources.
    pub(super) search: SourceIndex,
}

/// The page cache of a render, and the caller's key of everything pages show
/// that is not from the notes (see `inputs.rs`); without that key, every
/// page's context is built.
pub struct Cached<'c> {
    pub pages: &'c mut PageCache,
    pub corpus: Option<Fingerprint>,
}

impl PageCache {
    /// The theme's templates, compiled once for as long as they do not change,
    /// and a key for each template covering its own text and that of every
    /// template it uses: editing `note.html` renders the notes again, editing
    /// `base.html` every page.
    /// Also returns the key of all the templates together.
    pub(super) fn templates(
        &mut self,
        theme: &Theme,
    ) -> Result<(Arc<Tera>, HashMap<String, PageKey>, PageKey)> {
        let templates = theme.templates()?;
        let mut all = self.hashers.hasher();
        for (name, text) in &templates {
            all.add(name.as_bytes());
            all.add(text.as_bytes());
        }
        let all = all.fingerprint();
        let tera = match &self.tera {
            Some((cached, tera)) if *cached == all => tera.clone(),
            _ => {
                let tera = Arc::new(compile_templates(theme)?);
                self.tera = Some((all, tera.clone()));
                tera
            }
        };
        let text: BTreeMap<&str, &str> = templates
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let keys = template_uses(&text)
            .into_iter()
            .map(|(name, used)| {
                let mut hash = self.hashers.hasher();
                for name in used {
                    hash.add(name.as_bytes());
                    hash.add(text.get(name).unwrap_or(&"").as_bytes());
                }
                (name.to_string(), hash.fingerprint())
            })
            .collect();
        Ok((tera, keys, all))
    }

    /// A quick key: whatever `feed` writes, with these keys.
    pub(super) fn quick_key(&self, feed: impl FnOnce(&mut FingerprintHasher)) -> PageKey {
        self.hashers.of(feed)
    }

    /// The key of a page: its template's key, the template's name and the
    /// context, hashed as it is serialised, so no copy of it is built.
    pub(super) fn page_key(
        &self,
        templates: PageKey,
        template: &str,
        context: &impl Serialize,
    ) -> serde_json::Result<PageKey> {
        let mut hash = self.hashers.hasher();
        hash.add(&templates.0.to_le_bytes());
        hash.add(&templates.1.to_le_bytes());
        hash.add(template.as_bytes());
        serde_json::to_writer(&mut hash, context)?;
        Ok(hash.fingerprint())
    }

    pub(super) fn get(&self, path: &str, key: PageKey) -> Option<Arc<Vec<u8>>> {
        self.pages
            .get(path)
            .filter(|page| page.key == key)
            .map(|page| page.bytes.clone())
    }

    /// The page rendered for this quick key, if any.
    pub(super) fn get_quick(&self, path: &str, quick: PageKey) -> Option<&CachedPage> {
        self.pages
            .get(path)
            .filter(|page| page.quick == Some(quick))
    }

    /// The pages of the latest build replace the cache's: a page gone from the
    /// site is forgotten.
    pub(super) fn keep(&mut self, pages: impl Iterator<Item = (String, CachedPage)>) {
        self.pages = pages.collect();
    }
}
