//! The files that are not pages to read: the sitemap, the Atom feed and the
//! page a server shows for a missing one.

use super::jobs::PageJob;
use super::pages::PageContext;
use super::views::{author_known, Views};
use crate::theme::Theme;
use crate::urls::absolute_url;
use schemars::JsonSchema;
use serde::Serialize;

#[derive(Serialize, JsonSchema)]
pub(super) struct NotFoundPage {
    /// A server shows this page at any depth, where the stylesheet's relative
    /// link may not resolve: the page carries its own copy.
    inline_css: String,
}

#[derive(Serialize, JsonSchema)]
pub(super) struct SitemapPage {
    urls: Vec<String>,
}

#[derive(Serialize, JsonSchema)]
pub(super) struct AtomPage<'a> {
    updated: &'a str,
    feed_url: String,
    home_url: String,
    entries: Vec<FeedEntry<'a>>,
}

#[derive(Serialize, JsonSchema)]
struct FeedEntry<'a> {
    title: &'a str,
    url: String,
    updated: String,
    summary: &'a str,
    author: Option<&'a str>,
}

impl Views<'_> {
    pub(super) fn not_found(&self, theme: &Theme) -> PageJob<'_> {
        let css = theme.file("static/style.css").unwrap_or_default();
        let inline_css = String::from_utf8_lossy(css).into_owned();
        PageJob::new("404.html", "Page not found", || {
            PageContext::NotFound(NotFoundPage { inline_css })
        })
    }

    /// The sitemap of `pages`, absolute URLs.
    pub(super) fn sitemap(&self, pages: Vec<String>) -> PageJob<'_> {
        PageJob::new("sitemap.xml", "Sitemap", || {
            PageContext::Sitemap(SitemapPage { urls: pages })
        })
    }

    /// The feed: every source, then every note.
    pub(super) fn atom(&self) -> PageJob<'_> {
        PageJob::new("atom.xml", "Feed", || {
            let base_url = &self.dossier.config.base_url;
            let sources = self.dossier.sources.iter().zip(&self.sources);
            let entries = sources
                .map(|(source, card)| FeedEntry {
                    title: card.headline,
                    url: absolute_url(base_url, &card.url),
                    updated: source
                        .published
                        .map_or_else(|| self.feed_updated.clone(), |d| d.rfc3339()),
                    summary: source.paragraphs.first().map_or("", |p| &p.text),
                    author: author_known(source),
                })
                .chain(self.notes.iter().map(|note| FeedEntry {
                    title: note.title,
                    url: absolute_url(base_url, &note.url),
                    updated: self.feed_updated.clone(),
                    summary: note.summary.unwrap_or(""),
                    author: None,
                }))
                .collect();
            PageContext::Atom(AtomPage {
                updated: &self.feed_updated,
                feed_url: absolute_url(base_url, "atom.xml"),
                home_url: absolute_url(base_url, ""),
                entries,
            })
        })
    }
}
