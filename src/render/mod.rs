//! Stage 5: every page of the site, rendered in memory. Nothing is written here, so
//! a template error leaves the output folder untouched.
//!
//! `jobs` lists the pages and renders them; each page family builds its own
//! context (`home`, `source`, `actor`, `note`, `timeline`, `compare`, `lists`,
//! `feeds`) from the cards and grouped findings of `views`.

mod actor;
mod cache;
mod compare;
mod dossier_json;
mod feeds;
mod framing;
mod home;
mod inputs;
mod jobs;
mod lists;
mod note;
mod pages;
mod paragraph;
pub mod search;
mod source;
mod svg;
mod templates;
#[cfg(test)]
mod tests;
mod timeline;
mod views;

pub use cache::{Cached, PageCache};
pub use pages::context_schema;
pub use templates::compile_templates;

use crate::analyse::Analysis;
use crate::error::Result;
use crate::output::Sink;
use crate::resolve::Dossier;
use crate::theme::Theme;
use jobs::{render_with, Compiled};
use std::sync::Arc;
use tera::Tera;

/// Renders the site into `sink`, each page as soon as it is made, with the
/// theme's templates compiled by [`compile_templates`].
pub fn render(
    dossier: &Dossier,
    analysis: &Analysis,
    theme: &Theme,
    templates: Arc<Tera>,
    search_shard_bytes: usize,
    sink: &dyn Sink,
) -> Result<RenderStats> {
    let compiled = Compiled::Ready(templates);
    render_with(dossier, analysis, theme, compiled, search_shard_bytes, sink)
}

/// The pages of a build (every HTML page, the sitemap and the feed), how many
/// of them tera rendered rather than took from the cache, and every file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderStats {
    pub pages: usize,
    pub rendered: usize,
    /// Pages whose context was built (the others were taken from the cache
    /// by their quick key).
    pub contexts: usize,
    /// HTML pages among the files.
    pub html: usize,
    /// All files of the site.
    pub files: usize,
}

/// As [`render`], but a page whose template, theme templates and context are
/// those `cache` rendered before is taken from the cache instead of rendered
/// again. With a corpus key (`cache.corpus`), a page whose corpus key,
/// templates and note-derived inputs are as when it was rendered is taken
/// without its context being built (`inputs.rs` says which pages may be);
/// any other page's context is built and compared, so the bytes are those a
/// fresh [`render`] gives.
pub fn render_cached(
    dossier: &Dossier,
    analysis: &Analysis,
    theme: &Theme,
    cache: Cached,
    search_shard_bytes: usize,
    sink: &dyn Sink,
) -> Result<RenderStats> {
    let compiled = Compiled::Cached(cache);
    render_with(dossier, analysis, theme, compiled, search_shard_bytes, sink)
}
