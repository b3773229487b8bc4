//! The site's own name as a page states it, kept apart from the headline: many
//! sites set their name as the page's first `h1`, a logo linking to the front page,
//! and end the `<title>` with it.

use super::{find_in, found, Found};
use dom_query::{Document, NodeRef};

/// Words in a class or id that mark a heading as the site's name.
const SITE_HEADING_WORDS: [&str; 5] = ["logo", "brand", "branding", "masthead", "sitename"];

/// Whether an `h1` is the site's name rather than the article's headline: it links
/// to the site's front page, sits inside such a link, or is named as a logo or the
/// site's title.
pub(super) fn is_site_heading(node: &NodeRef) -> bool {
    let links_home = |node: &NodeRef| {
        node.node_name().as_deref() == Some("a")
            && node.attr("href").is_some_and(|href| is_front_page(&href))
    };
    let named_as_site = |node: &NodeRef| {
        let names = format!(
            "{} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default()
        )
        .to_ascii_lowercase();
        // "site-title", "site_name", "logo", "brand": the words, not substrings,
        // so that "website-article" or "catalogue" do not count.
        let words: Vec<&str> = names
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        words.iter().any(|w| SITE_HEADING_WORDS.contains(w))
            || words
                .windows(2)
                .any(|pair| pair[0] == "site" && matches!(pair[1], "title" | "name" | "logo"))
    };
    let inside_home_link = node.ancestors_it(Some(3)).any(|a| links_home(&a));
    let holds_home_link = dom_query::Selection::from(*node)
        .select("a[href]")
        .nodes()
        .iter()
        .any(links_home);
    inside_home_link || holds_home_link || named_as_site(node)
}

/// "/", "./", "index.html", or a site's address with no path.
fn is_front_page(href: &str) -> bool {
    let href = href.trim();
    if matches!(
        href,
        "/" | "./" | "/index.html" | "index.html" | "/index.php"
    ) {
        return true;
    }
    href.split_once("://").is_some_and(|(scheme, rest)| {
        matches!(scheme, "http" | "https") && !rest.trim_end_matches('/').contains('/')
    })
}

/// The page's first `h1` that is not the site's name.
pub(super) fn headline_heading(document: &Document) -> Option<Found> {
    find_in(document, "h1", |node| {
        (!is_site_heading(&node))
            .then(|| found(&node.text(), "the page's first h1 heading"))
            .flatten()
    })
}

/// The text of the first `h1` that is the site's name.
pub(super) fn site_heading(document: &Document) -> Option<Found> {
    find_in(document, "h1", |node| {
        is_site_heading(&node)
            .then(|| found(&node.text(), "the page's site-title heading"))
            .flatten()
    })
}

/// A site's name as written where a name alone belongs: "Autoracing | F1 | Indy"
/// names the site and its sections, "@lakewire" is a social-media handle.
pub(super) fn as_outlet(found: Found) -> Option<Found> {
    let name = found
        .value
        .split(" | ")
        .next()
        .unwrap_or_default()
        .trim()
        .trim_start_matches('@')
        .trim();
    (!name.is_empty()).then(|| Found {
        value: name.to_string(),
        from: found.from,
    })
}
