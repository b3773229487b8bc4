//! Editorial Markdown: finding wiki-links and rendering to HTML.

use pulldown_cmark::{html, Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// `[[target]]`, `[[target#anchor]]`, `[[target|label]]` or `[[target#anchor|label]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WikiLink {
    /// Byte range of the whole `[[…]]` in the Markdown text.
    pub range: Range<usize>,
    pub target: String,
    pub anchor: Option<String>,
    pub label: Option<String>,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Every wiki-link in `markdown` outside code spans, code blocks and raw HTML.
pub fn wikilinks(markdown: &str) -> Vec<WikiLink> {
    if !markdown.contains("[[") {
        return Vec::new();
    }
    let excluded: Vec<Range<usize>> = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .filter(|(event, _)| {
            matches!(
                event,
                Event::Code(_)
                    | Event::Start(Tag::CodeBlock(_))
                    | Event::Html(_)
                    | Event::InlineHtml(_)
            )
        })
        .map(|(_, range)| range)
        .collect();

    let mut links = Vec::new();
    let mut from = 0;
    while let Some(found) = markdown[from..].find("[[") {
        let start = from + found;
        from = start + 2;
        if excluded.iter().any(|r| r.contains(&start)) {
            continue;
        }
        let rest = &markdown[start + 2..];
        let Some(close) = rest.find("]]") else { break };
        let inner = &rest[..close];
        if inner.contains(['\n', '[', ']']) || inner.trim().is_empty() {
            continue;
        }
        let (reference, label) = match inner.split_once('|') {
            Some((reference, label)) => (reference, Some(label.trim().to_string())),
            None => (inner, None),
        };
        let (target, anchor) = match reference.split_once('#') {
            Some((target, anchor)) => (target, Some(anchor.trim().to_string())),
            None => (reference, None),
        };
        let end = start + 2 + close + 2;
        links.push(WikiLink {
            range: start..end,
            target: target.trim().to_string(),
            anchor: anchor.filter(|a| !a.is_empty()),
            label: label.filter(|l| !l.is_empty()),
        });
        from = end;
    }
    links
}

/// A resolved wiki-link: where it points and the text to show when it has no label.
pub struct LinkTarget {
    pub url: String,
    pub title: String,
}

/// Renders editorial Markdown. Wiki-links become ordinary links through `resolve`
/// (an unresolved one stays as text: the resolve stage has already reported it);
/// raw HTML is shown as text, so a note cannot inject markup.
pub fn render(markdown: &str, resolve: impl Fn(&WikiLink) -> Option<LinkTarget>) -> String {
    let rewritten = rewrite_wikilinks(markdown, resolve);
    // For each open link or image: whether it was dropped (its text stays).
    let mut open: Vec<bool> = Vec::new();
    let events = Parser::new_ext(&rewritten, options()).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link { ref dest_url, .. }) => {
            let keep = is_safe_link(dest_url);
            open.push(!keep);
            keep.then_some(event)
        }
        Event::Start(Tag::Image { ref dest_url, .. }) => {
            // The site works offline: an image from elsewhere would be a request.
            let keep = is_relative(dest_url);
            open.push(!keep);
            keep.then_some(event)
        }
        Event::End(TagEnd::Link | TagEnd::Image) => (!open.pop().unwrap_or(false)).then_some(event),
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// A link a reader may follow: relative, a fragment, or web and mail addresses.
/// `javascript:`, `data:` and other schemes are dropped, keeping the link's text.
fn is_safe_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    is_relative(&lower)
        || ["http://", "https://", "mailto:"]
            .iter()
            .any(|s| lower.starts_with(s))
}

/// A URL with no scheme and no host: it stays inside the site.
fn is_relative(url: &str) -> bool {
    let url = url.trim();
    let before = url.split(['/', '?', '#']).next().unwrap_or("");
    !before.contains(':') && !url.starts_with("//") && !url.starts_with('\\')
}

/// Renders a one-line Markdown fragment without the enclosing paragraph.
pub fn render_inline(markdown: &str, resolve: impl Fn(&WikiLink) -> Option<LinkTarget>) -> String {
    let html = render(markdown, resolve);
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => html,
    }
}

fn rewrite_wikilinks(markdown: &str, resolve: impl Fn(&WikiLink) -> Option<LinkTarget>) -> String {
    let links = wikilinks(markdown);
    if links.is_empty() {
        return markdown.to_string();
    }
    let mut out = String::with_capacity(markdown.len() + links.len() * 24);
    let mut last = 0;
    for link in &links {
        out.push_str(&markdown[last..link.range.start]);
        match resolve(link) {
            Some(target) => {
                let label = link.label.as_deref().unwrap_or(&target.title);
                out.push('[');
                out.push_str(&escape_markdown(label));
                out.push_str("](<");
                out.push_str(&target.url.replace(['<', '>', ' '], ""));
                out.push_str(">)");
            }
            None => out.push_str(&escape_markdown(&markdown[link.range.clone()])),
        }
        last = link.range.end;
    }
    out.push_str(&markdown[last..]);
    out
}

fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Plain text of a Markdown fragment, for summaries and search; `title_of` names
/// the target of a wiki-link that has no label.
pub fn plain_text(markdown: &str, title_of: impl Fn(&WikiLink) -> Option<String>) -> String {
    let rewritten = rewrite_wikilinks(markdown, |link| {
        Some(LinkTarget {
            url: String::new(),
            title: title_of(link).unwrap_or_else(|| link.target.clone()),
        })
    });
    let mut out = String::new();
    for event in Parser::new_ext(&rewritten, options()) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak if !out.ends_with(' ') => out.push(' '),
            Event::End(tag) if !is_inline(tag) && !out.ends_with(' ') => out.push(' '),
            _ => {}
        }
    }
    crate::ingest::normalise_space(&out)
}

fn is_inline(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_form_outside_code() {
        let md = "See [[gantz]], [[gantz|the minister]] and [[reuters#p-abc123]].\n\n`[[not-a-link]]`\n\n```\n[[nor-this]]\n```\n";
        let links = wikilinks(md);
        assert_eq!(links.len(), 3);
        assert_eq!(links[0].target, "gantz");
        assert_eq!(links[1].label.as_deref(), Some("the minister"));
        assert_eq!(links[2].anchor.as_deref(), Some("p-abc123"));
        assert_eq!(&md[links[0].range.clone()], "[[gantz]]");
    }

    #[test]
    fn renders_links_and_escapes_raw_html() {
        let html = render("Hi [[a|A*b]] <script>alert(1)</script>", |link| {
            Some(LinkTarget {
                url: format!("../actors/{}.html", link.target),
                title: "Alpha".into(),
            })
        });
        assert!(
            html.contains(r#"<a href="../actors/a.html">A*b</a>"#),
            "{html}"
        );
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn script_links_and_remote_images_are_dropped_but_their_text_stays() {
        let html = render(
            "[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](data:text/html,x) <javascript:alert(2)> [d](https://ok.org/) [e](../notes/x.html#y) ![f](https://tracker.example/p.png) ![g](../static/g.png)",
            |_| None,
        );
        let lower = html.to_lowercase();
        assert!(
            !lower.contains("href=\"javascript") && !lower.contains("href=\"data:"),
            "{html}"
        );
        assert!(html.starts_with("<p>a b c javascript:alert(2) "), "{html}");
        assert!(
            html.contains(r#"<a href="https://ok.org/">d</a>"#)
                && html.contains(r#"<a href="../notes/x.html#y">e</a>"#),
            "{html}"
        );
        assert!(
            !html.contains("tracker.example")
                && html.contains("f")
                && html.contains(r#"src="../static/g.png""#),
            "{html}"
        );
    }

    #[test]
    fn unresolved_links_stay_text() {
        let html = render("[[missing]]", |_| None);
        assert_eq!(html.trim(), "<p>[[missing]]</p>");
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(
            plain_text("A *b* [[c|Cee]].\n\nNext [[d]]", |_| None),
            "A b Cee. Next d"
        );
        assert_eq!(plain_text("[[d]]", |_| Some("Dee".into())), "Dee");
    }
}
