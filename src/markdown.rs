//! Editorial Markdown: finding wiki-links and rendering to HTML.

use crate::model::RawHtml;
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

/// `[@slug]`, `[@slug#p-anchor]`, `[@slug#p-anchor-s2]`, or several at once:
/// `[@a#p-1; @b#p-2]`. Each renders as a numbered footnote that quotes the
/// cited sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Byte range of the whole `[@…]` in the Markdown text.
    pub range: Range<usize>,
    pub items: Vec<CiteItem>,
}

/// One cited source within a citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CiteItem {
    /// Byte range of this item in the Markdown text, for error positions.
    pub range: Range<usize>,
    pub target: String,
    pub anchor: Option<String>,
    /// Set when the item is not of the form `@slug` or `@slug#anchor`.
    pub malformed: bool,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Byte ranges where `[[` and `[@` are literal text: code and raw HTML.
fn literal_ranges(markdown: &str) -> Vec<Range<usize>> {
    // Code needs a backtick, a tilde fence or an indent (four spaces or a tab,
    // after a list marker or '>' too), and raw HTML a '<': most sentences have
    // none, and need no parse.
    let may_have_literals = markdown.contains(['`', '~', '<', '\t']) || markdown.contains("    ");
    if !may_have_literals {
        return Vec::new();
    }
    Parser::new_ext(markdown, options())
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
        .collect()
}

/// Every wiki-link in `markdown` outside code spans, code blocks and raw HTML.
pub fn wikilinks(markdown: &str) -> Vec<WikiLink> {
    if !markdown.contains("[[") {
        return Vec::new();
    }
    let excluded = literal_ranges(markdown);

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

/// A standard Markdown link to a content file, `[text](../actors/gantz.md#x)`:
/// the slug it names (the file name without extension), the anchor, and the
/// folders the path passes through, to tell which section it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLink {
    pub link: WikiLink,
    pub folders: Vec<String>,
}

/// Every Markdown link whose destination is a relative `.md` or `.txt` path.
pub fn file_links(markdown: &str) -> Vec<FileLink> {
    if !markdown.contains(".md") && !markdown.contains(".txt") {
        return Vec::new();
    }
    Parser::new_ext(markdown, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let (folders, target, anchor) = content_file(&dest_url)?;
                Some(FileLink {
                    link: WikiLink {
                        range,
                        target,
                        anchor,
                        label: None,
                    },
                    folders,
                })
            }
            _ => None,
        })
        .collect()
}

/// The folders, slug and anchor of a relative link to a `.md` or `.txt` file.
fn content_file(url: &str) -> Option<(Vec<String>, String, Option<String>)> {
    if !is_relative(url) {
        return None;
    }
    let (path, anchor) = match url.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor.to_string()).filter(|a| !a.is_empty())),
        None => (url, None),
    };
    let lower = path.to_ascii_lowercase();
    let stem_len = if lower.ends_with(".md") {
        path.len() - 3
    } else if lower.ends_with(".txt") {
        path.len() - 4
    } else {
        return None;
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in path[..stem_len].split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let target = parts.pop()?.to_string();
    Some((
        parts.into_iter().map(String::from).collect(),
        target,
        anchor,
    ))
}

/// Every citation in `markdown` outside code and raw HTML. `[@…](url)` and
/// `[@…][ref]` are links whose text starts with `@`, not citations.
pub fn citations(markdown: &str) -> Vec<Citation> {
    if !markdown.contains("[@") {
        return Vec::new();
    }
    let excluded = literal_ranges(markdown);
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = markdown[from..].find("[@") {
        let start = from + at;
        from = start + 2;
        if excluded.iter().any(|r| r.contains(&start)) || markdown[..start].ends_with(['[', '\\']) {
            continue;
        }
        let rest = &markdown[start + 1..];
        let Some(close) = rest.find([']', '\n', '[']) else {
            break;
        };
        if rest.as_bytes()[close] != b']' {
            continue;
        }
        let end = start + 1 + close + 1;
        if markdown[end..].starts_with(['(', '[']) {
            continue;
        }
        let mut items = Vec::new();
        let mut offset = start + 1;
        for part in rest[..close].split(';') {
            let trimmed = part.trim();
            let item_start = offset + (part.len() - part.trim_start().len());
            offset += part.len() + 1;
            let body = trimmed.strip_prefix('@');
            let (target, anchor) = match body.unwrap_or(trimmed).split_once('#') {
                Some((target, anchor)) => (target.trim(), Some(anchor.trim().to_string())),
                None => (body.unwrap_or(trimmed).trim(), None),
            };
            items.push(CiteItem {
                range: item_start..item_start + trimmed.len(),
                malformed: body.is_none()
                    || target.is_empty()
                    || target.contains(char::is_whitespace)
                    || anchor
                        .as_deref()
                        .is_some_and(|a| a.is_empty() || a.contains(char::is_whitespace)),
                target: target.to_string(),
                anchor: anchor.filter(|a| !a.is_empty()),
            });
        }
        found.push(Citation {
            range: start..end,
            items,
        });
        from = end;
    }
    found
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
    render_document(markdown, RawHtml::Sanitise, resolve, |_| None).html
}

/// Editorial Markdown as HTML, with the number of times each footnote is cited.
pub struct Rendered {
    pub html: String,
    /// For footnote `n`, at index `n - 1`: how many markers point at it.
    pub citation_markers: Vec<usize>,
    /// True when a code block was highlighted: the page needs the code stylesheet.
    pub has_code: bool,
}

/// Where a citation marker points: it links to `#cite-N` and is itself
/// `#cite-ref-N-K` for the K-th marker of footnote N, so footnotes can link back.
const CITE_SCHEME: &str = "dossier-cite:";

/// Renders editorial Markdown as [`render`] does; `cite` numbers each cited
/// source (the same number for the same source and anchor), and each citation
/// becomes a superscript marker linking to its footnote.
pub fn render_document(
    markdown: &str,
    raw_html: RawHtml,
    resolve: impl Fn(&WikiLink) -> Option<LinkTarget>,
    mut cite: impl FnMut(&CiteItem) -> Option<usize>,
) -> Rendered {
    let rewritten = rewrite_references(markdown, &resolve, &mut cite);
    let mut markers: Vec<usize> = Vec::new();
    // For each open link or image: what its end becomes.
    let mut open: Vec<Option<Event>> = Vec::new();
    let mut events = Vec::new();
    // The language and text of the code block being read, if any.
    let mut code: Option<(String, String)> = None;
    let mut has_code = false;
    // Inside an image everything is alt text: a citation there is words, not a marker.
    let mut image_depth = 0usize;
    for event in Parser::new_ext(&rewritten, options()) {
        if let Some((language, text)) = code.as_mut() {
            match event {
                Event::End(TagEnd::CodeBlock) => {
                    let html = crate::highlight::code_block(text, language);
                    has_code |= html.contains("z-code");
                    events.push(Event::Html(html.into()));
                    code = None;
                }
                Event::Text(t) | Event::Html(t) => text.push_str(&t),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let language = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => info.to_string(),
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                code = Some((language, String::new()));
            }
            Event::Html(raw) | Event::InlineHtml(raw) if raw_html == RawHtml::Escape => {
                events.push(Event::Text(raw))
            }
            Event::Start(Tag::Link { ref dest_url, .. })
                if image_depth > 0 && dest_url.starts_with(CITE_SCHEME) =>
            {
                open.push(None);
            }
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                if let Some(number) = dest_url
                    .strip_prefix(CITE_SCHEME)
                    .and_then(|n| n.parse::<usize>().ok())
                    .filter(|n| *n > 0)
                {
                    if markers.len() < number {
                        markers.resize(number, 0);
                    }
                    markers[number - 1] += 1;
                    events.push(Event::InlineHtml(
                        format!(
                            "<sup class=\"cite\"><a id=\"cite-ref-{number}-{}\" href=\"#cite-{number}\">",
                            markers[number - 1]
                        )
                        .into(),
                    ));
                    open.push(Some(Event::InlineHtml("</a></sup>".into())));
                } else if let Some((_, target, anchor)) = content_file(dest_url) {
                    let link = WikiLink {
                        range: 0..0,
                        target,
                        anchor,
                        label: None,
                    };
                    match resolve(&link) {
                        Some(resolved) => {
                            events.push(Event::Start(Tag::Link {
                                link_type: pulldown_cmark::LinkType::Inline,
                                dest_url: resolved.url.into(),
                                title: "".into(),
                                id: "".into(),
                            }));
                            open.push(Some(Event::End(TagEnd::Link)));
                        }
                        None => open.push(None),
                    }
                } else if is_safe_link(dest_url) {
                    events.push(event);
                    open.push(Some(Event::End(TagEnd::Link)));
                } else {
                    open.push(None);
                }
            }
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                image_depth += 1;
                // The site works offline: an image from elsewhere would be a request.
                if is_relative(dest_url) {
                    events.push(event);
                    open.push(Some(Event::End(TagEnd::Image)));
                } else {
                    open.push(None);
                }
            }
            Event::End(tag @ (TagEnd::Link | TagEnd::Image)) => {
                if tag == TagEnd::Image {
                    image_depth = image_depth.saturating_sub(1);
                }
                if let Some(Some(end)) = open.pop() {
                    events.push(end);
                }
            }
            other => events.push(other),
        }
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html, events.into_iter());
    if raw_html == RawHtml::Sanitise && rewritten.contains('<') {
        html = sanitiser().clean(&html).to_string();
    }
    Rendered {
        html,
        citation_markers: markers,
        has_code,
    }
}

/// The cleaner for editorial HTML: ammonia's safe defaults, plus what the
/// renderer itself writes (classes and ids for citations, footnotes and code),
/// minus anything that would load from the network or run.
fn sanitiser() -> &'static ammonia::Builder<'static> {
    static SANITISER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    SANITISER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .add_generic_attributes(["class", "id"])
            .add_tag_attributes("pre", ["data-lang"])
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(None)
            .attribute_filter(|element, attribute, value| {
                // The site works offline: nothing may be loaded from elsewhere.
                if attribute == "src" || (element == "img" && attribute == "srcset") {
                    return is_relative(value).then(|| value.into());
                }
                Some(value.into())
            });
        builder
    })
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

fn rewrite_references(
    markdown: &str,
    resolve: &impl Fn(&WikiLink) -> Option<LinkTarget>,
    cite: &mut dyn FnMut(&CiteItem) -> Option<usize>,
) -> String {
    let links = wikilinks(markdown);
    let citations = citations(markdown);
    if links.is_empty() && citations.is_empty() {
        return markdown.to_string();
    }
    let mut out = String::with_capacity(markdown.len() + links.len() * 24);
    let mut last = 0;
    let mut links = links.iter().peekable();
    let mut citations = citations.iter().peekable();
    loop {
        let take_link = match (links.peek(), citations.peek()) {
            (Some(l), Some(c)) => l.range.start < c.range.start,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if take_link {
            let link = links.next().expect("peeked");
            if link.range.start < last {
                continue;
            }
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
        } else {
            let citation = citations.next().expect("peeked");
            if citation.range.start < last {
                continue;
            }
            out.push_str(&markdown[last..citation.range.start]);
            let numbers: Vec<Option<usize>> = citation.items.iter().map(&mut *cite).collect();
            if numbers.iter().all(Option::is_some) {
                for number in numbers.into_iter().flatten() {
                    out.push_str(&format!("[\\[{number}\\]]({CITE_SCHEME}{number})"));
                }
            } else {
                out.push_str(&escape_markdown(&markdown[citation.range.clone()]));
            }
            last = citation.range.end;
        }
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
    // A citation is not part of the sentence it supports.
    let stripped = strip_citations(markdown);
    let rewritten = rewrite_references(
        &stripped,
        &|link: &WikiLink| {
            Some(LinkTarget {
                url: String::new(),
                title: title_of(link).unwrap_or_else(|| link.target.clone()),
            })
        },
        &mut |_| None,
    );
    let mut out = String::new();
    for event in Parser::new_ext(&rewritten, options()) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak if !out.ends_with(' ') => out.push(' '),
            Event::End(tag) if !is_inline(tag) && !out.ends_with(' ') => out.push(' '),
            _ => {}
        }
    }
    crate::text::normalise_space(&out)
}

fn strip_citations(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut last = 0;
    for citation in citations(markdown) {
        out.push_str(markdown[last..citation.range.start].trim_end_matches(' '));
        last = citation.range.end;
    }
    out.push_str(&markdown[last..]);
    out
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
    fn links_in_indented_code_are_literal_however_the_indent_is_made() {
        for text in [
            "Text.\n\n    [[in-code]]\n",
            "Text.\n\n  \t[[in-code]]\n",
            "> Quote.\n>\n>     [[in-code]]\n",
            "1. Item.\n\n        [[in-code]]\n",
        ] {
            assert!(wikilinks(text).is_empty(), "{text:?}");
        }
        assert_eq!(wikilinks("Plain [[link]] text.").len(), 1);
    }

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
        assert!(
            !html.contains("<script") && !html.contains("alert"),
            "{html}"
        );
    }

    #[test]
    fn raw_html_is_sanitised_escaped_or_trusted_as_the_dossier_says() {
        let md = "<abbr title=\"memorandum of understanding\">MOU</abbr> <img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">j</a> <img src=\"https://t.example/p.gif\"> <iframe src=\"https://e.example\"></iframe>\n\n<div onclick=\"alert(3)\" style=\"x\">d</div>\n\n<!-- c --> {{ x }} {% y %}\n";
        let clean = render_document(md, RawHtml::Sanitise, |_| None, |_| None).html;
        assert!(
            clean.contains("<abbr title=\"memorandum of understanding\">MOU</abbr>"),
            "{clean}"
        );
        let lower = clean.to_lowercase();
        for bad in [
            "onerror",
            "onclick",
            "javascript:",
            "t.example",
            "iframe",
            "<!--",
            "style=",
        ] {
            assert!(!lower.contains(bad), "{bad} in {clean}");
        }
        assert!(
            clean.contains("{{ x }} {% y %}"),
            "template syntax is plain text: {clean}"
        );
        let escaped = render_document(md, RawHtml::Escape, |_| None, |_| None).html;
        assert!(
            escaped.contains("&lt;abbr") && !escaped.contains("<abbr"),
            "{escaped}"
        );
        let trusted = render_document(md, RawHtml::Trust, |_| None, |_| None).html;
        assert!(trusted.contains("<div onclick"), "{trusted}");
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
    fn finds_citations_single_and_grouped_but_not_links_or_code() {
        let md =
            "A [@reuters#p-abc123]. B [@a#p-1-s2; @b] and [@c](https://x.org) `[@d]` [@bad item].";
        let found = citations(md);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(&md[found[0].range.clone()], "[@reuters#p-abc123]");
        assert_eq!(found[0].items[0].target, "reuters");
        assert_eq!(found[0].items[0].anchor.as_deref(), Some("p-abc123"));
        assert_eq!(found[1].items.len(), 2);
        assert_eq!(&md[found[1].items[1].range.clone()], "@b");
        assert_eq!(found[1].items[1].anchor, None);
        assert!(!found[1].items[0].malformed);
        assert!(found[2].items[0].malformed, "{:?}", found[2]);
    }

    #[test]
    fn citations_become_numbered_markers_and_count_repeats() {
        let mut cited: Vec<String> = Vec::new();
        let rendered = render_document(
            "X [@a#p-1]. Y [@b; @a#p-1]. Z [@missing].",
            RawHtml::Sanitise,
            |_| None,
            |item| {
                if item.target == "missing" {
                    return None;
                }
                let key = format!("{}#{:?}", item.target, item.anchor);
                let n = cited.iter().position(|c| *c == key).unwrap_or_else(|| {
                    cited.push(key);
                    cited.len() - 1
                });
                Some(n + 1)
            },
        );
        let html = rendered.html;
        assert!(
            html.contains(
                r##"X <sup class="cite"><a id="cite-ref-1-1" href="#cite-1">[1]</a></sup>."##
            ),
            "{html}"
        );
        assert!(
            html.contains(r##"<a id="cite-ref-2-1" href="#cite-2">[2]</a></sup><sup class="cite"><a id="cite-ref-1-2" href="#cite-1">[1]</a></sup>"##),
            "{html}"
        );
        assert!(html.contains("Z [@missing]."), "{html}");
        assert_eq!(rendered.citation_markers, vec![2, 1]);
    }

    #[test]
    fn plain_text_leaves_citations_out() {
        assert_eq!(
            plain_text("Signed on 24 November [@a#p-1; @b].", |_| None),
            "Signed on 24 November."
        );
    }

    #[test]
    fn markdown_links_to_content_files_go_to_their_pages() {
        let md = "[Gantz](../actors/gantz.md) [p](../sources/wire.txt#p-1) [o](overview.md) [x](https://a.org/b.md) [i](img.png)";
        let found = file_links(md);
        let targets: Vec<(&str, Option<&str>, Vec<String>)> = found
            .iter()
            .map(|f| {
                (
                    f.link.target.as_str(),
                    f.link.anchor.as_deref(),
                    f.folders.clone(),
                )
            })
            .collect();
        assert_eq!(
            targets,
            vec![
                ("gantz", None, vec!["actors".to_string()]),
                ("wire", Some("p-1"), vec!["sources".to_string()]),
                ("overview", None, vec![]),
            ]
        );
        let html = render(md, |link| {
            Some(LinkTarget {
                url: format!("../x/{}.html", link.target),
                title: String::new(),
            })
        });
        assert!(
            html.contains(r#"<a href="../x/gantz.html">Gantz</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="https://a.org/b.md">x</a>"#),
            "{html}"
        );
        assert!(html.contains(r#"<a href="img.png">i</a>"#), "{html}");
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
