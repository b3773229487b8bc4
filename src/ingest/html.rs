//! A page saved from a browser (`.html`, `.htm`, or gzipped as archivers keep it):
//! the article's paragraphs and its metadata, as plain text.
//!
//! The body comes from `dom_smoothie`, a port of Mozilla's Readability; the metadata
//! it does not return, or returns from fewer places (JSON-LD `@graph`, `<time>`,
//! canonical links), is read here from the same parsed document. Nothing of the
//! markup survives: every value is text with its white space collapsed.

use crate::error::Diagnostic;
use crate::load::MAX_FILE_BYTES;
use crate::model::PartialDate;
use dom_query::{Document, Matcher, NodeRef};
use json_ld::Article;
use links::{leading_links, link_texts, trailing_links};
use regex::Regex;
use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;

/// A saved page as it was read: the bytes exactly as on disk, for provenance,
/// and its markup as text.
#[derive(Debug, Clone)]
pub struct SavedPage {
    pub bytes: Vec<u8>,
    pub gzip: bool,
    pub html: String,
    /// True when the page was not UTF-8 and invalid bytes were replaced.
    pub lossy: bool,
}

impl SavedPage {
    /// The extension the kept copy gets beside the source file.
    pub fn kept_extension(&self) -> &'static str {
        if self.gzip {
            crate::load::PAGE_GZ_EXTENSION
        } else {
            crate::load::PAGE_EXTENSION
        }
    }
}

/// One metadata value and where in the page it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub value: String,
    pub from: &'static str,
}

/// A block of the page's text that was not kept, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub text: String,
    pub reason: &'static str,
}

/// What a saved page says, as plain text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    pub headline: Option<Found>,
    pub deck: Option<Found>,
    pub author: Option<Found>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub published: Option<Found>,
    pub outlet: Option<Found>,
    pub language: Option<Found>,
    pub url: Option<Found>,
    pub paragraphs: Vec<String>,
    /// Blocks the extractor returned that this module set aside. Readability
    /// itself does not say what it removed, so page furniture is not listed here.
    pub dropped: Vec<Dropped>,
}

/// Whether a file name says HTML: `.html`, `.htm`, `.xhtml`, or one of them gzipped.
pub fn is_html_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    [".html", ".htm", ".xhtml"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Whether the text starts like a web page (`<!doctype html`, `<html`), after a
/// byte-order mark, white space and comments, whatever its file is called.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    for _ in 0..16 {
        let start = rest
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        rest = &rest[start..];
        if rest.starts_with(b"<!--") {
            match rest.windows(3).position(|w| w == b"-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return false,
            }
        } else if rest.starts_with(b"<?xml") {
            match rest.iter().position(|&b| b == b'>') {
                Some(end) => rest = &rest[end + 1..],
                None => return false,
            }
        } else {
            break;
        }
    }
    let head: Vec<u8> = rest.iter().take(14).map(u8::to_ascii_lowercase).collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Reads a saved page, inflating it when it is gzipped. A page, or what a gzip
/// inflates to, over [`MAX_FILE_BYTES`] is refused before it is all in memory.
pub fn read_page(path: &Path) -> Result<SavedPage, Diagnostic> {
    let too_big = |what: String| {
        Diagnostic::new(path, 0, 0, what).with_hint(
            "save only the article's page (File → Save Page As…, 'Web Page, HTML only'), \
             or copy its text into a .txt file and import that",
        )
    };
    let size = std::fs::metadata(path)
        .map_err(|e| Diagnostic::new(path, 0, 0, format!("cannot read: {e}")))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(too_big(format!(
            "is {:.1} MiB; saved pages are read up to {} MiB",
            size as f64 / 1048576.0,
            MAX_FILE_BYTES / 1048576
        )));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::new(path, 0, 0, format!("cannot read: {e}")))?;
    decode_page(bytes).map_err(|refused| match refused {
        Refused::Inflates => too_big(format!(
            "inflates to more than {} MiB; saved pages are read up to that size",
            MAX_FILE_BYTES / 1048576
        )),
        Refused::BadGzip(e) => {
            Diagnostic::new(path, 0, 0, format!("not a readable gzip file: {e}"))
                .with_hint("save the page again, or unpack it with gunzip and import the .html")
        }
    })
}

/// Why a page's bytes cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// A gzip that inflates beyond [`MAX_FILE_BYTES`].
    Inflates,
    BadGzip(String),
}

/// A page from its bytes: inflated, at most [`MAX_FILE_BYTES`] of it, when it
/// is gzipped; as UTF-8, invalid bytes replaced.
pub fn decode_page(bytes: Vec<u8>) -> Result<SavedPage, Refused> {
    let gzip = is_gzip(&bytes);
    let mut markup = if gzip {
        // A gzip ends with its (last member's) size, modulo 4 GiB: room for it
        // is made at once rather than by doubling and copying. Deflate shrinks
        // nothing more than 1032 times, which bounds what a forged size asks.
        let stated = bytes
            .last_chunk::<4>()
            .map_or(0, |size| u64::from(u32::from_le_bytes(*size)));
        let room = stated.min(bytes.len() as u64 * 1032).min(MAX_FILE_BYTES);
        let mut inflated = Vec::with_capacity(room as usize + 1);
        flate2::read::MultiGzDecoder::new(bytes.as_slice())
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut inflated)
            .map_err(|e| Refused::BadGzip(e.to_string()))?;
        if inflated.len() as u64 > MAX_FILE_BYTES {
            return Err(Refused::Inflates);
        }
        inflated
    } else {
        bytes.clone()
    };
    if markup.starts_with(b"\xEF\xBB\xBF") {
        markup.drain(..3);
    }
    // Valid UTF-8, as nearly every page is, becomes the text without a copy.
    let (html, lossy) = match String::from_utf8(markup) {
        Ok(text) => (text, false),
        Err(invalid) => (
            String::from_utf8_lossy(invalid.as_bytes()).into_owned(),
            true,
        ),
    };
    Ok(SavedPage {
        bytes,
        gzip,
        html,
        lossy,
    })
}

/// Whether the file holds a web page: gzipped, or starting like markup.
pub fn file_is_html(path: &Path) -> bool {
    let mut head = [0u8; 1024];
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let read = file.read(&mut head).unwrap_or(0);
    let head = &head[..read];
    is_gzip(head) && is_html_name(path) || looks_like_html(head)
}

/// The article and its metadata.
pub fn extract(html: &str) -> Extracted {
    let document = Document::from(html);
    let article = Article::find(&document);
    let metas = Metas::of(&document);
    let mut extracted = Extracted {
        headline: first([
            &|| article.text("headline", "the JSON-LD headline"),
            &|| meta(&metas, "property", "og:title", "the og:title tag"),
            &|| meta(&metas, "name", "twitter:title", "the twitter:title tag"),
            &|| site::headline_heading(&document),
            &|| text_of(&document, "title", "the page's title element"),
        ]),
        deck: first([
            &|| article.text("description", "the JSON-LD description"),
            &|| {
                meta(
                    &metas,
                    "property",
                    "og:description",
                    "the og:description tag",
                )
            },
            &|| meta(&metas, "name", "description", "the description tag"),
            &|| {
                meta(
                    &metas,
                    "name",
                    "twitter:description",
                    "the twitter:description tag",
                )
            },
        ]),
        author: first_kept(
            [
                &|| article.author(),
                &|| meta(&metas, "name", "author", "the author tag"),
                &|| {
                    meta(
                        &metas,
                        "property",
                        "article:author",
                        "the article:author tag",
                    )
                    .filter(|f| !f.value.contains("://"))
                },
                &|| text_of(&document, "[rel=author]", "the page's author link"),
            ],
            as_author,
        ),
        published: first_kept(
            [
                &|| article.text("datePublished", "the JSON-LD datePublished"),
                &|| {
                    meta(
                        &metas,
                        "property",
                        "article:published_time",
                        "the article:published_time tag",
                    )
                },
                &|| meta(&metas, "name", "date", "the date tag"),
                &|| meta(&metas, "name", "pubdate", "the pubdate tag"),
                &|| meta(&metas, "itemprop", "datePublished", "the datePublished tag"),
                &|| meta(&metas, "name", "dc.date", "the DC.date tag"),
                &|| {
                    attr_of(
                        &document,
                        "time[datetime]",
                        "datetime",
                        "the page's time element",
                    )
                },
                &|| article.text("dateCreated", "the JSON-LD dateCreated"),
                &|| {
                    date_in(
                        &document,
                        "[itemprop=datePublished]",
                        "the page's datePublished element",
                    )
                },
                &|| date_in(&document, "time", "the page's time element"),
                &|| date_in(&document, PUBLISHED_CLASSES, "the page's date line"),
                &|| date_in_page_data(&document),
                &|| date_in_url(&document, &metas),
            ],
            as_date,
        ),
        outlet: first_kept(
            [
                &|| meta(&metas, "property", "og:site_name", "the og:site_name tag"),
                &|| article.publisher(),
                &|| {
                    meta(
                        &metas,
                        "name",
                        "application-name",
                        "the application-name tag",
                    )
                },
                &|| {
                    text_of(&document, "title", "the end of the page's title").and_then(|title| {
                        found(&super::infer::site_name_in_title(&title.value)?, title.from)
                    })
                },
                &|| site::site_heading(&document),
            ],
            site::as_outlet,
        ),
        language: first_kept(
            [
                &|| attr_of(&document, "html[lang]", "lang", "the page's lang attribute"),
                &|| {
                    meta(
                        &metas,
                        "http-equiv",
                        "content-language",
                        "the content-language tag",
                    )
                },
                &|| article.text("inLanguage", "the JSON-LD inLanguage"),
                &|| meta(&metas, "property", "og:locale", "the og:locale tag"),
            ],
            as_language,
        ),
        url: first_kept(
            [
                &|| {
                    attr_of(
                        &document,
                        "link[rel=canonical]",
                        "href",
                        "the canonical link",
                    )
                },
                &|| meta(&metas, "property", "og:url", "the og:url tag"),
                &|| article.text("url", "the JSON-LD url"),
            ],
            |f| Some(f).filter(|f| is_web_address(&f.value)),
        ),
        ..Extracted::default()
    };
    if extracted.outlet.is_none() {
        // The page's own address names its site when nothing else does.
        extracted.outlet = extracted.url.as_ref().and_then(|url| {
            let host = url
                .value
                .split("://")
                .nth(1)?
                .split(['/', '?', '#', ':'])
                .next()?;
            let host = host.strip_prefix("www.").unwrap_or(host);
            found(host, "the site of the page's address").filter(|f| f.value.contains('.'))
        });
    }
    if let Some(headline) = &mut extracted.headline {
        headline.value = without_site_name(&headline.value, extracted.outlet.as_ref());
        if extracted.published.is_none() {
            extracted.published =
                date_line::date_line_under(&document, &headline.value).and_then(as_date);
        }
    }
    let (paragraphs, mut dropped) = body(document, &extracted);
    // A description that is the lede, or its opening, is no deck: shown above the
    // body it would repeat it, and the body's copy would be taken for a repeat.
    // Some sites fill it with the opening paragraphs run together, cut short.
    let lede = |deck: &Found| {
        let deck = crate::text::comparison_key(deck.value.trim_end_matches(['.', '…']));
        !deck.is_empty() && keys_contain(&paragraphs, &deck)
    };
    if let Some(deck) = extracted.deck.take_if(|deck| lede(deck)) {
        dropped.push(Dropped {
            text: deck.value,
            reason: "the page's description repeats the body",
        });
    }
    extracted.paragraphs = paragraphs;
    extracted.dropped = dropped;
    extracted
}

/// Whether the comparison key of the paragraphs joined by spaces contains `key`
/// (itself a comparison key). That key is the paragraphs' own keys joined by
/// spaces: it is built paragraph by paragraph, and the search stops at the first
/// paragraph that completes `key`, most often one of the first.
fn keys_contain(paragraphs: &[String], key: &str) -> bool {
    let mut joined = String::new();
    for paragraph in paragraphs {
        let own = crate::text::comparison_key(paragraph);
        if own.is_empty() {
            continue;
        }
        // Only a match that ends in the new part is new.
        let mut from = joined.len().saturating_sub(key.len());
        while !joined.is_char_boundary(from) {
            from -= 1;
        }
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(&own);
        if joined[from..].contains(key) {
            return true;
        }
    }
    false
}

/// Words in a class or id that mark page furniture in nearly every site's markup.
const FURNITURE_WORDS: [&str; 11] = [
    "caption",
    "credit",
    "share",
    "sharing",
    "social",
    "newsletter",
    "breadcrumb",
    "breadcrumbs",
    "subscribe",
    "cookie",
    "consent",
];

/// Removes what Readability would score as text although its markup says it is
/// furniture: share bars, newsletter boxes, related links, cookie banners, and
/// navigation. An element holding three paragraphs or more is left: it is more
/// likely a wrapper whose name happens to match.
fn remove_furniture(document: &Document) {
    // `nav, aside, button, iframe, figcaption, [role=navigation]`
    let navigation = elements_where(document, |element| {
        matches!(
            &*element.name.local,
            "nav" | "aside" | "button" | "iframe" | "figcaption"
        ) || has_attribute(element, "role", |role| role == "navigation")
    });
    for node in &navigation {
        if fewer_than_three_paragraphs(node) {
            node.remove_from_parent();
        }
    }
    // `[class], [id]`, in what is left of the page.
    let named = elements_where(document, |element| {
        has_attribute(element, "class", |_| true) || has_attribute(element, "id", |_| true)
    });
    for node in &named {
        let (class, id) = (node.attr("class"), node.attr("id"));
        // The words of both, compared without ASCII case.
        let words = || {
            [class.as_deref(), id.as_deref()]
                .into_iter()
                .flatten()
                .flat_map(|names| names.split(|c: char| !c.is_ascii_alphanumeric()))
        };
        let furniture = words().any(|word| {
            FURNITURE_WORDS
                .iter()
                .any(|furniture| word.eq_ignore_ascii_case(furniture))
        });
        // "related", "relatedposts", "related_stories": links to other articles.
        let related = words().any(|word| {
            word.as_bytes()
                .get(..7)
                .is_some_and(|start| start.eq_ignore_ascii_case(b"related"))
        });
        if related && is_heading(node) {
            // The heading of a block of related links: what follows it in its
            // container is that block.
            while let Some(next) = node.next_sibling() {
                next.remove_from_parent();
            }
            node.remove_from_parent();
            continue;
        }
        if (furniture || related)
            && !matches!(
                node.node_name().as_deref(),
                Some("html" | "body" | "article" | "main")
            )
            && fewer_than_three_paragraphs(node)
        {
            node.remove_from_parent();
        }
    }
}

/// The page's elements that `keep` picks, in document order: what a selector
/// of element names and attributes picks, in one walk without a CSS matcher.
fn elements_where<'a>(
    document: &'a Document,
    keep: impl Fn(&dom_query::Element) -> bool,
) -> Vec<NodeRef<'a>> {
    document
        .root()
        .descendants_it()
        .filter(|node| node.element_ref().is_some_and(|element| keep(&element)))
        .collect()
}

/// Whether the element has the attribute `name` (in no namespace, as a CSS
/// attribute selector reads it) with a value `value` accepts.
fn has_attribute(element: &dom_query::Element, name: &str, value: impl Fn(&str) -> bool) -> bool {
    element
        .attrs
        .iter()
        .any(|attr| attr.name.ns.is_empty() && &*attr.name.local == name && value(&attr.value))
}

/// Whether fewer than three `p` elements stand inside `node`: counted up to the
/// third, not over the whole of a big container.
fn fewer_than_three_paragraphs(node: &NodeRef) -> bool {
    node.descendants_it()
        .filter(|inside| inside.has_name("p"))
        .take(3)
        .count()
        < 3
}

fn is_heading(node: &dom_query::NodeRef) -> bool {
    matches!(
        node.node_name().as_deref(),
        Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6")
    )
}

/// The body as Readability finds it, one paragraph per block of text.
fn body(document: Document, found: &Extracted) -> (Vec<String>, Vec<Dropped>) {
    let links = link_texts(&document);
    remove_furniture(&document);
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let text = dom_smoothie::Readability::with_document(document, None, Some(config))
        .ok()
        .and_then(|mut readability| readability.parse().ok())
        .map(|article| article.text_content.to_string())
        .unwrap_or_default();
    let key = |s: &str| crate::text::comparison_key(s);
    // A first block that is the description stays: it is the lede, and the
    // description is then dropped as no deck (see `extract`).
    let repeats = [&found.headline]
        .into_iter()
        .flatten()
        .map(|f| key(&f.value))
        .collect::<Vec<_>>();
    let author = found.author.as_ref().map(|author| key(&author.value));
    let mut paragraphs = Vec::new();
    let mut dropped = Vec::new();
    for line in text.lines() {
        let paragraph = clean_text(line);
        if paragraph.is_empty() {
            continue;
        }
        let reason = if paragraphs.is_empty() && repeats.contains(&key(&paragraph)) {
            Some("repeats the headline or deck above the body")
        } else if is_dateline_or_byline(&paragraph, author.as_deref()) {
            Some("a date or byline the metadata already gives")
        } else {
            None
        };
        match reason {
            Some(reason) => dropped.push(Dropped {
                text: paragraph,
                reason,
            }),
            None => paragraphs.push(paragraph),
        }
    }
    let end = trailing_links(&paragraphs, &links);
    dropped.extend(paragraphs.drain(end..).map(|text| Dropped {
        text,
        reason: "links to other pages after the article",
    }));
    let start = leading_links(&paragraphs, &links);
    dropped.extend(paragraphs.drain(..start).map(|text| Dropped {
        text,
        reason: "links to other pages before the article",
    }));
    (paragraphs, dropped)
}

/// "5 March 2024", "By Mira Holm": a short block that is only a date, or only
/// the author the metadata names (`author`, as its comparison key).
fn is_dateline_or_byline(paragraph: &str, author: Option<&str>) -> bool {
    let words = crate::text::count_words(paragraph);
    if words > 8 {
        return false;
    }
    let by_author = author.is_some_and(|name| {
        let key = crate::text::comparison_key(paragraph);
        !name.is_empty() && (key == name || key.strip_prefix("by ") == Some(name))
    });
    let only_a_date = || {
        paragraph.chars().filter(|c| c.is_alphabetic()).count() <= 20
            && super::infer::parse_date(paragraph).is_some()
    };
    by_author || only_a_date()
}

/// The first value a candidate finds, trying them in order: the later ones
/// (a walk over the whole page for a date line) run only when needed.
fn first<const N: usize>(candidates: [&dyn Fn() -> Option<Found>; N]) -> Option<Found> {
    candidates.into_iter().find_map(|candidate| candidate())
}

/// The same, each value passed through `keep` (a check or a cleaning), which
/// may turn it down for the next candidate's.
fn first_kept<const N: usize>(
    candidates: [&dyn Fn() -> Option<Found>; N],
    keep: impl Fn(Found) -> Option<Found>,
) -> Option<Found> {
    candidates
        .into_iter()
        .find_map(|candidate| candidate().and_then(&keep))
}

/// White space collapsed and control characters removed: one line of plain text.
fn clean_text(text: &str) -> String {
    if !text.contains(char::is_control) {
        return crate::text::normalise_space(text);
    }
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    crate::text::normalise_space(&text)
}

fn found(value: &str, from: &'static str) -> Option<Found> {
    let value = clean_text(&decode_entities(value));
    (!value.is_empty()).then_some(Found { value, from })
}

/// Metadata strings in JSON-LD are often entity-encoded a second time: named
/// entities of markup and numeric ones (`&#8217;`, `&#x2019;`).
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("&#") {
        decoded.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after.find(';').filter(|&e| e <= 8);
        let code = end.and_then(|e| match after[..e].strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => after[..e].parse().ok(),
        });
        match (end, code.and_then(char::from_u32)) {
            (Some(e), Some(c)) if !c.is_control() || c.is_whitespace() => {
                decoded.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                decoded.push_str("&#");
                rest = after;
            }
        }
    }
    decoded.push_str(rest);
    [
        ("&amp;", "&"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&#039;", "'"),
        ("&apos;", "'"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&nbsp;", " "),
    ]
    .iter()
    .fold(decoded, |text, (entity, plain)| text.replace(entity, plain))
}

/// The page's `<meta … content="…">` tags, read in one pass over the document
/// rather than one per value looked up.
struct Metas(Vec<Vec<(String, String)>>);

impl Metas {
    fn of(document: &Document) -> Metas {
        let attributes = |node: &dom_query::NodeRef| {
            node.attrs()
                .iter()
                .map(|a| (a.name.local.to_string(), a.value.to_string()))
                .collect()
        };
        Metas(
            document
                .select("meta[content]")
                .nodes()
                .iter()
                .map(attributes)
                .collect(),
        )
    }
}

/// `<meta {key}="{name}" content="…">`, the name compared without case.
fn meta(metas: &Metas, key: &str, name: &str, from: &'static str) -> Option<Found> {
    let value = |attributes: &[(String, String)], wanted: &str| {
        attributes
            .iter()
            .find(|(n, _)| n == wanted)
            .map(|(_, v)| v.clone())
    };
    metas
        .0
        .iter()
        .find(|m| value(m, key).is_some_and(|v| v.trim().eq_ignore_ascii_case(name)))
        .and_then(|m| found(&value(m, "content")?, from))
}

/// The first value `read` finds in the elements `selector` picks, in document
/// order. The elements are matched one at a time, so that the search ends at
/// the first that gives a value instead of walking the rest of the page.
fn find_in<'a, T>(
    document: &'a Document,
    selector: &str,
    read: impl FnMut(NodeRef<'a>) -> Option<T>,
) -> Option<T> {
    let matcher = Matcher::new(selector).expect("a valid selector");
    let found = dom_query::Selection::from(document.root())
        .select_matcher_iter(&matcher)
        .find_map(read);
    found
}

fn text_of(document: &Document, selector: &str, from: &'static str) -> Option<Found> {
    find_in(document, selector, |node| found(&node.text(), from))
}

fn attr_of(document: &Document, selector: &str, name: &str, from: &'static str) -> Option<Found> {
    find_in(document, selector, |node| found(&node.attr(name)?, from))
}

/// "By" before a byline, in the languages the furniture rules cover.
static BYLINE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:by|par|por|von|di|door|av)\s+").expect("valid"));

/// An author as a reader writes the name: without a leading "By", and with
/// names set in capitals, as wire bylines are ("By JANE ROE and JOHN DOE,
/// Associated Press"), in ordinary case. A lone capitalised word is left as it
/// is: it may be an agency's initials ("AP").
fn as_author(found: Found) -> Option<Found> {
    let value = BYLINE_WORD.replace(&found.value, "");
    let words: Vec<&str> = value.split(' ').collect();
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let cased: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let beside =
                |j: Option<usize>| j.and_then(|j| words.get(j)).is_some_and(|w| capitals(w));
            let joined_to_next = !word.ends_with(',');
            let in_a_name = (i > 0 && !words[i - 1].ends_with(',') && beside(i.checked_sub(1)))
                || (joined_to_next && beside(Some(i + 1)));
            if capitals(word) && in_a_name {
                ordinary_case(word)
            } else {
                word.to_string()
            }
        })
        .collect();
    let value = cased.join(" ");
    (!value.is_empty()).then_some(Found {
        value,
        from: found.from,
    })
}

/// "ROE-SMITH" → "Roe-Smith".
fn ordinary_case(word: &str) -> String {
    let mut after_letter = false;
    word.chars()
        .flat_map(|c| {
            let cased: Vec<char> = if after_letter {
                c.to_lowercase().collect()
            } else {
                c.to_uppercase().collect()
            };
            after_letter = c.is_alphabetic();
            cased
        })
        .collect()
}

/// Class names of the element that shows when an article was published.
const PUBLISHED_CLASSES: &str = "[class*=publish-date], [class*=publish_date], \
    [class*=published], [class*=pubdate], [class*=post-date], [class*=entry-date], \
    [class*=article-date], [class*=date-published], [class*=dateline]";

/// The first of the elements `selector` picks whose `content` or `datetime`
/// attribute, or text, holds a date.
fn date_in(document: &Document, selector: &str, from: &'static str) -> Option<Found> {
    find_in(document, selector, |node| {
        ["content", "datetime", "value"]
            .iter()
            .filter_map(|name| node.attr(name))
            .map(|value| value.to_string())
            .chain(std::iter::once_with(|| node.text().to_string()))
            .find_map(|value| found(&value, from).and_then(as_date))
    })
}

/// Keys under which a page's own data (a framework's state, analytics, JSON-LD
/// of a type not read as the article) gives the publication time.
static PUBLISHED_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#""(?:datePublished|publishedAt|published_at|publishDate|publish_date|firstPublished|date_published|pubDate)"\s*:\s*"([^"]{6,40})""#,
    )
    .expect("valid")
});

/// The first publication time in the page's scripts of data: the last resort,
/// since a page's data may hold other articles' dates after its own.
fn date_in_page_data(document: &Document) -> Option<Found> {
    find_in(document, "script", |script| {
        let text = script.text();
        PUBLISHED_KEY
            .captures_iter(&text)
            .find_map(|c| found(&c[1], "the page's data").and_then(as_date))
    })
}

/// `/2024/03/05/` or `/2024/mar/05/` in a path.
static DATE_IN_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})/(\d{1,2}|\p{L}{3,9})/(\d{1,2})/").expect("valid")
});

/// The date many outlets put in an article's address, from its canonical link
/// or Open Graph URL.
fn date_in_url(document: &Document, metas: &Metas) -> Option<Found> {
    let url = attr_of(document, "link[rel=canonical]", "href", "")
        .or_else(|| meta(metas, "property", "og:url", ""))?;
    // The year opens the match: an address without "/19" or "/20" has none,
    // and the pattern (slow to compile) is not needed.
    if !url.value.contains("/19") && !url.value.contains("/20") {
        return None;
    }
    let c = DATE_IN_PATH.captures(&url.value)?;
    let (year, month, day) = (&c[1], &c[2], &c[3]);
    // A month in digits makes an ISO date; a month's name goes to the reading
    // of dates in words ("05 mar 2024").
    let date = match month.parse::<u8>() {
        Ok(month) => format!("{year}-{month:02}-{day:0>2}"),
        Err(_) => format!("{day} {month} {year}"),
    };
    found(&date, "the date in the page's address")
}

/// A date as the front matter writes it, from an ISO date or date-time; a
/// date in words goes through the text import's own reading.
fn as_date(found: Found) -> Option<Found> {
    let value = found.value.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let date = value
        .get(..10)
        .filter(|d| {
            let parts: Vec<&str> = d.split('-').collect();
            parts.len() == 3 && parts.iter().all(|p| digits(p))
        })
        .and_then(PartialDate::parse)
        .or_else(|| super::infer::parse_date(value))
        .filter(|date| !is_zero_date(date))?;
    Some(Found {
        value: date.to_string(),
        from: found.from,
    })
}

/// A date field left at a system's zero value: `0001-01-01` (.NET), `1970-01-01`
/// (Unix time), `1900-01-01` (spreadsheets and SQL). No page was published then.
fn is_zero_date(date: &PartialDate) -> bool {
    let first_of_january = date.month == Some(1) && date.day == Some(1);
    date.year < 1000 || (first_of_january && matches!(date.year, 1900 | 1970))
}

/// `en`, `en-GB`; Open Graph's `en_GB` too. Anything else is not a language tag.
fn as_language(found: Found) -> Option<Found> {
    let value = found.value.replace('_', "-");
    let tag_like = value.len() <= 35
        && value.split('-').all(|part| {
            (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
        })
        && value.split('-').next().is_some_and(|p| p.len() <= 3);
    tag_like.then_some(Found {
        value,
        from: found.from,
    })
}

fn is_web_address(value: &str) -> bool {
    (value.starts_with("https://") || value.starts_with("http://"))
        && !value.contains(char::is_whitespace)
        && !value.contains('"')
}

/// "Ministers sign the pact | The Daily Planet" → "Ministers sign the pact", when
/// the end is the outlet the page names, or looks like a site's name.
fn without_site_name(headline: &str, outlet: Option<&Found>) -> String {
    let named = outlet.map(|o| o.value.as_str());
    let site = super::infer::site_name_in_title(headline);
    for end in named.into_iter().chain(site.as_deref()) {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " _ "] {
            if let Some(rest) = headline.strip_suffix(&format!("{separator}{end}")) {
                if !rest.trim().is_empty() {
                    return rest.trim().to_string();
                }
            }
        }
    }
    headline.to_string()
}

mod date_line;
mod json_ld;
mod links;
mod site;
#[cfg(test)]
mod tests;
