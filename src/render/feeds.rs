//! The files that are not pages to read: the sitemap, the Atom feed and the
//! page a server shows for a missing one.

use super::jobs::PageJob;
use super::views::Views;
use crate::urls::absolute_url;

impl Views<'_> {
    pub(super) fn not_found(&self) -> PageJob<'_> {
        self.job("404.html", "404.html", "Page not found", "404", |_| {})
    }

    /// The sitemap of `pages`, absolute URLs.
    pub(super) fn sitemap(&self, pages: Vec<String>) -> PageJob<'_> {
        self.job("sitemap.xml", "sitemap.xml", "Sitemap", "feed", move |c| {
            c.insert("urls", &pages);
        })
    }

    pub(super) fn atom(&self) -> PageJob<'_> {
        self.job("atom.xml", "atom.xml", "Feed", "feed", |c| {
            c.insert("updated", &self.feed_updated);
            c.insert(
                "feed_url",
                &absolute_url(&self.dossier.config.base_url, "atom.xml"),
            );
            c.insert("home_url", &absolute_url(&self.dossier.config.base_url, ""));
            let entries: Vec<serde_json::Value> = self
                .dossier
                .sources
                .iter()
                .zip(&self.sources)
                .map(|(s, card)| {
                    serde_json::json!({
                        "title": card.headline,
                        "url": absolute_url(&self.dossier.config.base_url, &card.url),
                        "updated": s.published.map_or(self.feed_updated.clone(), |d| d.rfc3339()),
                        "summary": s.paragraphs.first().map(|p| p.text.as_str()).unwrap_or(""),
                        "author": card.author,
                    })
                })
                .chain(self.notes.iter().map(|n| {
                    serde_json::json!({
                        "title": n.title,
                        "url": absolute_url(&self.dossier.config.base_url, &n.url),
                        "updated": self.feed_updated,
                        "summary": n.summary.unwrap_or(""),
                        "author": "",
                    })
                }))
                .collect();
            c.insert("entries", &entries);
        })
    }
}
