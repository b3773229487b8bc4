//! A published date the page writes only as a line of text under its headline
//! ("November 15, 2019" beside the byline, "Published: 3 May 2021, 14:02"), read
//! with the text cleaning's own `date-line` rule so that a saved page and a scrape
//! of it agree on what a date line is.

use super::{clean_text, Found};
use crate::ingest::infer::parse_date;
use crate::ingest::rules::RuleSet;
use dom_query::{Document, NodeRef};
use regex::Regex;
use std::sync::LazyLock;

/// How many lines of text after the headline a date line may come: a byline, an
/// author's title, a reading time and share labels sit between them on most sites.
const LINES_AFTER_HEADLINE: usize = 40;

/// A date line is short: a label, a date, perhaps a time and a place.
const LONGEST_DATE_LINE: usize = 80;

static DATE_LINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    RuleSet::builtin()
        .get("date-line")
        .map(|rule| rule.regex.clone())
});

/// The first line of text within a few lines after the headline that is a date
/// line, as its date.
pub(super) fn date_line_under(document: &Document, headline: &str) -> Option<Found> {
    let date_line = DATE_LINE.as_ref()?;
    let headline = crate::text::comparison_key(headline);
    if headline.is_empty() {
        return None;
    }
    let root = super::find_in(document, "body", Some)?;
    // The headline as the page shows it: a line that reads as the headline, or the
    // article's h1 (whose words markup may split into several lines).
    let lines = root
        .descendants_it()
        .filter(|node| node.is_text() && !inside_code(node))
        .map(|node| (in_headline_heading(&node), clean_text(&node.text())))
        .filter(|(_, line)| !line.is_empty());
    let mut after_headline = lines
        .skip_while(|(in_h1, line)| !in_h1 && crate::text::comparison_key(line) != headline)
        .skip(1)
        .skip_while(|(in_h1, _)| *in_h1)
        .map(|(_, line)| line)
        .take(LINES_AFTER_HEADLINE);
    after_headline.find_map(|line| {
        if line.chars().count() > LONGEST_DATE_LINE {
            return None;
        }
        let value = date_line
            .captures(&line)?
            .name("value")?
            .as_str()
            .to_string();
        let date = parse_date(&value)?;
        Some(Found {
            value: date.to_string(),
            from: "the date line under the headline",
        })
    })
}

fn in_headline_heading(node: &NodeRef) -> bool {
    node.ancestors_it(Some(4))
        .find(|a| a.node_name().as_deref() == Some("h1"))
        .is_some_and(|h1| !super::site::is_site_heading(&h1))
}

fn inside_code(node: &NodeRef) -> bool {
    node.parent().is_some_and(|parent| {
        matches!(
            parent.node_name().as_deref(),
            Some("script" | "style" | "noscript" | "template")
        )
    })
}
