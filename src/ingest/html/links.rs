//! Blocks of a saved page's body that are links to other pages, not the
//! article: a run of them ending the body, and those opening it.

use dom_query::Document;
use std::collections::HashSet;

/// The comparison keys of the page's link texts of two words or more: a block
/// that is one of them whole is a link, not prose.
pub(super) fn link_texts(document: &Document) -> HashSet<String> {
    document
        .select("a[href]")
        .iter()
        .map(|link| crate::text::comparison_key(&link.text()))
        .filter(|key| key.split(' ').count() >= 2)
        .collect()
}

/// Where a run of links to other pages, ending the body, starts: two or more
/// blocks that are each one link's whole text, with the short heading above
/// them ("More stories", "Top news"). Related articles and "most read" lists
/// sit there; an article's own text does not end in bare links.
pub(super) fn trailing_links(paragraphs: &[String], links: &HashSet<String>) -> usize {
    let is_link = |p: &String| links.contains(&crate::text::comparison_key(p));
    let run = paragraphs.iter().rev().take_while(|p| is_link(p)).count();
    if run < 2 {
        return paragraphs.len();
    }
    let start = paragraphs.len() - run;
    let heading = start.checked_sub(1).filter(|&h| {
        let text = paragraphs[h].trim_end();
        crate::text::count_words(text) <= 6 && !ends_a_sentence(text)
    });
    heading.unwrap_or(start)
}

/// How many blocks open the body as links to other pages: each one link's
/// whole text, not a sentence ("View author archive", "Email the author", a
/// section's name). An article does not open with a bare link; an author box
/// or a section trail inside the article element does.
pub(super) fn leading_links(paragraphs: &[String], links: &HashSet<String>) -> usize {
    paragraphs
        .iter()
        .take_while(|p| {
            links.contains(&crate::text::comparison_key(p)) && !ends_a_sentence(p.trim_end())
        })
        .count()
}

/// A block that ends as a sentence or a quotation does: prose, not a link's label.
fn ends_a_sentence(text: &str) -> bool {
    text.ends_with(['.', '!', '?', '"', '”', '…'])
}
