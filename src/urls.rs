//! Where each page of the site lives, and how one page links to another: every link
//! the site makes is relative, so it works from `file://`, from a sub-path and from
//! a domain root alike.

use crate::model::Section;

/// The site-relative URL of a content item's page.
pub fn page_path(section: Section, slug: &str) -> String {
    format!("{}/{slug}.html", section.folder())
}

/// The prefix that leads from a page back to the site root ("", "../", …).
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// An absolute URL under `base_url`, for the few places that need one.
pub fn absolute_url(base_url: &str, path: &str) -> String {
    let base = base_url.trim_end_matches('/');
    let path = path.strip_suffix("index.html").unwrap_or(path);
    format!("{base}/{path}")
}
