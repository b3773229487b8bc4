//! What each fuzz target does with one input, and the invariants it asserts.
//!
//! This file is shared: `fuzz/src/lib.rs` uses it for the libFuzzer targets, and
//! `tests/fuzz_regressions.rs` includes it with `#[path]` to replay the seed corpus
//! and every saved regression input through exactly the same code. It may only
//! use `std`, `dossier` and `serde_yaml_ng` (a dependency of `dossier` itself).

#![allow(dead_code)]

use dossier::analyse::quotes::{
    self, Lexicon, QuoteFinder, Speaker, SpeakerMention, StatementKind,
};
use dossier::ingest::{self, rules::RuleSet, LineRole};
use dossier::load::{self, FrontMatterFormat, MaybeDefault};
use dossier::markdown::{self, LinkTarget, WikiLink};
use dossier::model::{
    ActorMeta, Config, Document, NoteMeta, Origin, PartialDate, RawHtml, SourceMeta,
};
use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

/// The fuzz targets, by the name of their folder under `fuzz/seeds/`.
/// A fuzz target: its name and the check it runs on one input.
pub type Target = (&'static str, fn(&[u8]));

pub const TARGETS: &[Target] = &[
    ("front_matter", front_matter),
    ("clean", clean),
    ("wikilinks", wikilinks),
    ("markdown", markdown),
    ("quotes", quotes),
    ("html_import", html_import),
    ("articles", articles),
];

/// Runs the target named `name` on `data`; false if there is no such target.
pub fn run(name: &str, data: &[u8]) -> bool {
    match TARGETS.iter().find(|(n, _)| *n == name) {
        Some((_, check)) => {
            check(data);
            true
        }
        None => false,
    }
}

// ---------------------------------------------------------------------------
// Shared invariant helpers.

fn assert_range_in(text: &str, range: &Range<usize>, what: &str) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{what}: range {range:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what}: range {range:?} not on char boundaries"
    );
}

fn assert_increasing(ranges: &[Range<usize>], what: &str) {
    for pair in ranges.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "{what}: ranges overlap or go backwards: {:?} then {:?}",
            pair[0],
            pair[1]
        );
    }
}

/// `sub` must be a slice of `text` (same allocation), as `split_front_matter` promises.
fn offset_in(text: &str, sub: &str) -> usize {
    let base = text.as_ptr() as usize;
    let at = sub.as_ptr() as usize;
    assert!(
        at >= base && at + sub.len() <= base + text.len(),
        "a part of the split is not a slice of the input"
    );
    at - base
}

// ---------------------------------------------------------------------------
// front_matter: decode_text, split_front_matter, parse_toml / YAML into the meta types.

pub fn front_matter(data: &[u8]) {
    let text = match load::decode_text(data) {
        Ok(text) => {
            assert!(!text.contains('\r'), "decode_text left a carriage return");
            text
        }
        Err((offset, line, col)) => {
            let bom = if data.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            assert!(
                offset >= bom && offset < data.len(),
                "invalid byte offset {offset}"
            );
            assert!(
                std::str::from_utf8(&data[bom..offset]).is_ok(),
                "bytes before the reported offset {offset} are not valid UTF-8"
            );
            assert!(
                std::str::from_utf8(&data[bom..]).is_err(),
                "decode_text rejected valid UTF-8"
            );
            assert!(line >= 1 && col >= 1, "line/col {line}:{col}");
            // The loader stops at an invalid file; go on with the valid part.
            String::from_utf8_lossy(data).into_owned()
        }
    };

    let split = match load::split_front_matter(&text) {
        Ok(split) => split,
        Err((line, message, _hint)) => {
            assert_eq!(line, 1);
            assert!(message.contains("never closed"), "{message}");
            return;
        }
    };
    let body_at = offset_in(&text, split.body);
    if split.format.is_some() {
        let fm_at = offset_in(&text, split.front_matter);
        assert!(
            fm_at + split.front_matter.len() <= body_at,
            "front matter runs into the body"
        );
    } else {
        assert!(split.front_matter.is_empty());
    }
    assert_eq!(
        body_at + split.body.len(),
        text.len(),
        "the body is not the end of the file"
    );
    if !split.body.is_empty() {
        let newlines = text[..body_at].matches('\n').count();
        assert_eq!(split.body_line, newlines + 1, "body_line is wrong");
    }
    let Some(format) = split.format else {
        assert_eq!(split.body, text);
        return;
    };
    assert_eq!(split.front_matter_line, 2);
    let fm = split.front_matter;
    let first = split.front_matter_line;

    let source: Option<SourceMeta> = parse_meta(format, fm, first);
    let _actor: Option<ActorMeta> = parse_meta(format, fm, first);
    let note: Option<NoteMeta> = parse_meta(format, fm, first);
    if format == FrontMatterFormat::Toml {
        let _ = load::parse_toml::<Config>(fm, Path::new("dossier.toml"), 1);
    }
    if let Some(meta) = source {
        if let Some(date) = meta.published.as_deref().and_then(PartialDate::parse) {
            check_date(date);
        }
    }
    if let Some(meta) = note {
        for event in &meta.events {
            if let Some(date) = PartialDate::parse(&event.date) {
                check_date(date);
            }
        }
    }
}

fn check_date(date: PartialDate) {
    let _ = date.human();
    let rfc = date.rfc3339();
    assert!(rfc.ends_with("T00:00:00Z"), "{rfc}");
    // What Display writes, parse reads back.
    let shown = date.to_string();
    if (1000..=9999).contains(&date.year) {
        assert_eq!(PartialDate::parse(&shown), Some(date), "{shown}");
    }
}

/// As the loader does it: TOML through `load::parse_toml`; YAML through
/// serde_yaml_ng with an empty block read as `{}` (the loader's `parse_yaml` is private).
fn parse_meta<M: serde::de::DeserializeOwned>(
    format: FrontMatterFormat,
    text: &str,
    first_line: usize,
) -> Option<M> {
    match format {
        FrontMatterFormat::Toml => {
            match load::parse_toml::<M>(text, Path::new("fuzz.md"), first_line) {
                Ok(meta) => Some(meta),
                Err(d) => {
                    let lines = text.matches('\n').count() + 1;
                    assert!(
                    d.line <= first_line + lines,
                    "diagnostic line {} past the front matter ({lines} lines from {first_line})",
                    d.line
                );
                    assert!(!d.message.is_empty());
                    None
                }
            }
        }
        FrontMatterFormat::Yaml => {
            let text = if text.trim().is_empty() { "{}" } else { text };
            match serde_yaml_ng::from_str::<M>(text) {
                Ok(meta) => Some(meta),
                Err(e) => {
                    let message = e.to_string();
                    let _ = message.split(" at line ").next();
                    let _ = e.location().map(|l| (l.line(), l.column()));
                    None
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// clean: a whole source file through front matter and `ingest::ingest_one`.

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(RuleSet::builtin)
}

fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| {
        load::parse_toml("title = \"Fuzz\"\n", Path::new("dossier.toml"), 1)
            .expect("a minimal config parses")
    })
}

pub fn clean(data: &[u8]) {
    let Ok(text) = load::decode_text(data) else {
        return;
    };
    // As the loader does it: typed front matter when there is some, else a bare article.
    let (meta, front_matter, body, body_line) = match load::split_front_matter(&text) {
        Ok(split) => {
            let meta = match split.format {
                Some(format) => match parse_meta::<SourceMeta>(format, split.front_matter, 2) {
                    Some(meta) => meta,
                    None => return,
                },
                None => SourceMeta::fallback().expect("a source may lack front matter"),
            };
            (meta, split.front_matter, split.body, split.body_line)
        }
        Err(_) => return,
    };
    for extension in ["txt", "md"] {
        let doc = Document {
            slug: "fuzz".to_string(),
            origin: Origin {
                path: Path::new("content/sources").join(format!("fuzz.{extension}")),
                front_matter: front_matter.to_string(),
                front_matter_line: 2,
                body_line,
            },
            meta: meta.clone(),
            body: body.to_string(),
        };
        let Ok(source) = ingest::ingest_one(doc, config(), rules()) else {
            continue;
        };
        check_source(&source, body, body_line);
    }
}

fn check_source(source: &ingest::Source, body: &str, body_line: usize) {
    let mut expected_lines: Vec<&str> = body.split('\n').collect();
    if body.ends_with('\n') {
        expected_lines.pop();
    }
    assert_eq!(
        source.lines.len(),
        expected_lines.len(),
        "one TextLine per body line"
    );
    for (i, (line, text)) in source.lines.iter().zip(&expected_lines).enumerate() {
        assert_eq!(line.number, body_line + i);
        assert_eq!(line.text, *text, "the provenance view must be verbatim");
        if let Some(dossier::ingest::SplitLine { kept, cut }) = &line.split {
            assert_eq!(
                format!("{kept}{cut}"),
                line.text,
                "a split line must join back"
            );
        }
        if line.role == LineRole::Blank {
            assert!(dossier::text::normalise_space(&line.text).is_empty());
        }
    }
    assert!(source.headline.as_deref().is_none_or(|h| !h.is_empty()));
    assert!(!source.title().is_empty());
    let mut anchors = HashSet::new();
    for p in &source.paragraphs {
        assert!(
            anchors.insert(p.anchor.clone()),
            "duplicate anchor {}",
            p.anchor
        );
        assert!(!p.text.trim().is_empty(), "an empty paragraph");
        for r in &p.sentences {
            assert_range_in(&p.text, r, "sentence");
        }
        assert_increasing(&p.sentences, "sentences");
        for r in &p.credits {
            assert_range_in(&p.text, r, "credit");
        }
    }
    let words: usize = source
        .paragraphs
        .iter()
        .map(|p| dossier::text::count_words(&p.text))
        .sum();
    assert_eq!(source.word_count, words);
}

// ---------------------------------------------------------------------------
// wikilinks: `markdown::wikilinks` (and `citations`, its sibling scanner).

pub fn wikilinks(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let links = markdown::wikilinks(text);
    let ranges: Vec<Range<usize>> = links.iter().map(|l| l.range.clone()).collect();
    for link in &links {
        assert_range_in(text, &link.range, "wiki-link");
        let whole = &text[link.range.clone()];
        assert!(
            whole.starts_with("[[") && whole.ends_with("]]"),
            "{whole:?}"
        );
        assert!(whole.len() >= 5, "an empty wiki-link {whole:?}");
        let inner = &whole[2..whole.len() - 2];
        assert!(!inner.contains(['\n', '[', ']']), "{whole:?}");
        assert_eq!(link.target, link.target.trim());
        assert!(
            inner.contains(link.target.as_str()),
            "target {:?} not in {whole:?}",
            link.target
        );
        assert!(link.anchor.as_deref().is_none_or(|a| !a.is_empty()));
        assert!(link.label.as_deref().is_none_or(|l| !l.is_empty()));
    }
    assert_increasing(&ranges, "wiki-links");

    let citations = markdown::citations(text);
    let ranges: Vec<Range<usize>> = citations.iter().map(|c| c.range.clone()).collect();
    for citation in &citations {
        assert_range_in(text, &citation.range, "citation");
        let whole = &text[citation.range.clone()];
        assert!(whole.starts_with("[@") && whole.ends_with(']'), "{whole:?}");
        assert!(!citation.items.is_empty());
        for item in &citation.items {
            assert_range_in(text, &item.range, "citation item");
            assert!(
                citation.range.start <= item.range.start && item.range.end <= citation.range.end,
                "item {:?} outside its citation {:?}",
                item.range,
                citation.range
            );
        }
        assert_increasing(
            &citation
                .items
                .iter()
                .map(|i| i.range.clone())
                .collect::<Vec<_>>(),
            "citation items",
        );
    }
    assert_increasing(&ranges, "citations");

    for found in markdown::file_links(text) {
        assert_range_in(text, &found.link.range, "file link");
        assert!(!found.link.target.is_empty());
    }
}

// ---------------------------------------------------------------------------
// markdown: `render_document` (what `render` calls), `render_inline`, `plain_text`.

/// Titles a resolved link may show: actor and note titles are user text too.
const TITLES: &[&str] = &[
    "Benny Gantz",
    "<script>alert(1)</script>",
    "a*b_c [x](javascript:alert(1)) `d`",
    "](javascript:alert(1)) <img src=x onerror=alert(1)>",
    "\\",
];

/// Resolves some targets, as the site does: valid slugs of even length, and a few names.
fn resolve(link: &WikiLink) -> Option<LinkTarget> {
    let known = ["gantz", "israel", "overview", "nnn-landmark-pact", "a"];
    if !(dossier::text::is_valid_slug(&link.target)
        && (link.target.len().is_multiple_of(2) || known.contains(&link.target.as_str())))
    {
        return None;
    }
    let mut url = format!("../actors/{}.html", link.target);
    if let Some(anchor) = &link.anchor {
        url.push('#');
        url.push_str(anchor);
    }
    Some(LinkTarget {
        url,
        title: TITLES[link.target.len() % TITLES.len()].to_string(),
    })
}

pub fn markdown(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // `Escape` shows raw HTML as text: only the renderer's own markup may appear.
    // `Sanitise` (the default, what `render` uses) keeps harmless HTML: nothing that runs.
    for mode in [RawHtml::Escape, RawHtml::Sanitise] {
        let mut cited: Vec<String> = Vec::new();
        let rendered = markdown::render_document(text, mode, resolve, |item| {
            if item.malformed || item.target.len() % 3 == 0 {
                return None;
            }
            let key = format!("{}#{:?}", item.target, item.anchor);
            let n = cited.iter().position(|c| *c == key).unwrap_or_else(|| {
                cited.push(key);
                cited.len() - 1
            });
            Some(n + 1)
        });
        check_html(&rendered.html, mode == RawHtml::Escape);
        if mode == RawHtml::Escape {
            let markers: usize = rendered.citation_markers.iter().sum();
            assert_eq!(
                markers,
                rendered.html.matches("<sup class=\"cite\">").count(),
                "citation markers miscounted:\n{}",
                rendered.html
            );
        }
    }

    check_html(&markdown::render_inline(text, resolve), false);

    let plain = markdown::plain_text(text, |link| resolve(link).map(|t| t.title));
    assert_eq!(
        plain,
        dossier::text::normalise_space(&plain),
        "plain text is not normalised"
    );
}

/// Tags the renderer itself writes (pulldown-cmark, citations, syntect's spans).
const TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "em",
    "strong",
    "del",
    "a",
    "img",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
    "sup",
    "div",
    "span",
];
const ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "alt",
    "title",
    "id",
    "class",
    "start",
    "style",
    "data-lang",
];
/// Elements that run code, load resources or change the page, whatever the mode.
const FORBIDDEN_TAGS: &[&str] = &[
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta",
    "base", "form", "input", "button", "textarea", "select", "svg", "math", "template", "noscript",
    "audio", "video", "source", "track",
];

/// Parses every tag of `html` (quotes respected) and checks its name and
/// attributes. With `strict`, only the renderer's own tags and attributes are allowed.
fn check_html(html: &str, strict: bool) {
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "<script in output:\n{html}");
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let tag_start = i + 1;
        let mut j = tag_start;
        let mut quote: Option<u8> = None;
        while j < bytes.len() {
            match (quote, bytes[j]) {
                (None, b'>') => break,
                (None, q @ (b'"' | b'\'')) => quote = Some(q),
                (Some(q), c) if c == q => quote = None,
                _ => {}
            }
            j += 1;
        }
        assert!(j < bytes.len(), "unclosed tag in output:\n{html}");
        let tag = &html[tag_start..j];
        i = j + 1;
        if tag.starts_with("!--") {
            assert!(!strict, "a comment in escaped output:\n{html}");
            continue;
        }
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let tag = tag.strip_suffix('/').unwrap_or(tag).trim_end();
        let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
        let name = tag[..name_end].to_ascii_lowercase();
        assert!(!name.is_empty(), "an empty tag in output:\n{html}");
        assert!(
            !FORBIDDEN_TAGS.contains(&name.as_str()),
            "tag <{name}> in output:\n{html}"
        );
        if strict {
            assert!(
                TAGS.contains(&name.as_str()),
                "tag <{name}> in output:\n{html}"
            );
        }
        for (attr, value) in attributes(&tag[name_end..], html) {
            let attr = attr.to_ascii_lowercase();
            assert!(
                !attr.starts_with("on"),
                "event handler {attr:?} in output:\n{html}"
            );
            assert!(
                attr != "srcdoc" && attr != "formaction",
                "{attr:?} in output:\n{html}"
            );
            if strict {
                assert!(
                    ATTRIBUTES.contains(&attr.as_str()),
                    "attribute {attr:?} in output:\n{html}"
                );
            }
            if matches!(
                attr.as_str(),
                "href" | "src" | "srcset" | "xlink:href" | "action" | "poster" | "background"
            ) {
                check_url(&attr, &value, html);
            }
        }
    }
}

/// The attributes of a tag: `name="value"`, `name='value'`, `name=value` or `name`.
fn attributes<'a>(mut rest: &'a str, html: &str) -> Vec<(&'a str, String)> {
    let mut found = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return found;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let name = &rest[..name_end];
        assert!(
            !name.is_empty(),
            "malformed attributes {rest:?} in:\n{html}"
        );
        rest = rest[name_end..].trim_start();
        let Some(after) = rest.strip_prefix('=') else {
            found.push((name, String::new()));
            continue;
        };
        let after = after.trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let close = after[1..]
                    .find(q)
                    .unwrap_or_else(|| panic!("unterminated attribute in:\n{html}"));
                (&after[1..1 + close], &after[close + 2..])
            }
            _ => {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        found.push((name, value.to_string()));
        rest = next;
    }
}

/// The URL as a browser reads it: entities decoded, tabs and newlines removed,
/// leading controls and spaces trimmed, lowercased.
fn check_url(attr: &str, value: &str, html: &str) {
    if attr == "srcset" {
        for candidate in value.split(',') {
            let url = candidate.split_whitespace().next().unwrap_or("");
            check_url("src", url, html);
        }
        return;
    }
    let decoded = decode_entities(value);
    let url: String = decoded
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    for scheme in ["javascript:", "data:", "vbscript:"] {
        assert!(
            !url.starts_with(scheme),
            "{attr}=\"{value}\" in output:\n{html}"
        );
    }
    if attr != "href" {
        // The site works offline: images are relative.
        let before = url.split(['/', '?', '#']).next().unwrap_or("");
        assert!(
            !before.contains(':') && !url.starts_with("//") && !url.starts_with('\\'),
            "remote image src=\"{value}\" in output:\n{html}"
        );
    }
}

fn decode_entities(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let Some(semi) = after.find(';').filter(|s| *s <= 10) else {
            out.push('&');
            rest = after;
            continue;
        };
        let entity = &after[..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "apos" => Some('\''),
            "colon" => Some(':'),
            "Tab" => Some('\t'),
            "NewLine" => Some('\n'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------
// quotes: `quote_spans`, `sentences`, `QuoteFinder::paragraph` with the built-in lexicon.

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::builtin)
}

/// Stand-in actor mentions: every capitalised word, ranked by its length.
fn mentions(text: &str) -> Vec<SpeakerMention> {
    let mut found = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                if text[s..].starts_with(char::is_uppercase) {
                    found.push(SpeakerMention {
                        actor: text[s..i].to_lowercase(),
                        rank: ((i - s) % 3) as u8,
                        range: s..i,
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    found
}

pub fn quotes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lexicon = lexicon();
    // One finder per article, one paragraph per line, as analyse does.
    let mut finder = QuoteFinder::new(lexicon);
    for paragraph in text.split('\n') {
        let spans = quotes::quote_spans(paragraph);
        for (i, span) in spans.iter().enumerate() {
            assert!(
                span.open < span.inner.start
                    && span.inner.start <= span.inner.end
                    && span.inner.end <= span.close_end
                    && span.close_end <= paragraph.len(),
                "bad quote span {span:?} in {} bytes",
                paragraph.len()
            );
            assert_range_in(paragraph, &(span.open..span.close_end), "quote span");
            assert_range_in(paragraph, &span.inner, "quote inner");
            if i > 0 {
                assert!(spans[i - 1].close_end <= span.open, "quote spans overlap");
            }
        }
        let sentences =
            quotes::sentences(paragraph, &spans, dossier::text::sentences::abbreviations());
        for r in &sentences {
            assert_range_in(paragraph, r, "sentence");
            assert!(!r.is_empty());
        }
        assert_increasing(&sentences, "sentences");
        assert_eq!(
            sentences,
            dossier::text::paragraph_sentences(paragraph),
            "paragraph_sentences disagrees"
        );

        let speakers = mentions(paragraph);
        for statement in finder.paragraph(paragraph, &speakers) {
            assert_range_in(paragraph, &statement.range, "statement");
            assert_eq!(
                statement.text,
                paragraph[statement.range.clone()].trim(),
                "statement text is not its range"
            );
            assert!(statement.words > 0 || statement.kind == StatementKind::Indirect);
        }
    }
}

// ---------------------------------------------------------------------------
// html_import: any bytes as a saved page (gzipped when they start like gzip).

/// No panic; every value one line of plain text, bounded by the page's size;
/// dates and addresses in the form the front matter accepts.
pub fn html_import(data: &[u8]) {
    use dossier::ingest::html;
    let _ = html::looks_like_html(data);
    let Ok(page) = html::decode_page(data.to_vec()) else {
        return;
    };
    assert_eq!(page.bytes, data, "the kept page is the bytes as they came");
    let found = html::extract(&page.html);
    let limit = page.html.len();
    let values = [
        &found.headline,
        &found.deck,
        &found.author,
        &found.published,
        &found.outlet,
        &found.language,
        &found.url,
    ];
    let mut total = 0;
    for value in values.into_iter().flatten() {
        assert!(!value.value.is_empty(), "{}: empty value", value.from);
        assert!(
            !value.value.chars().any(char::is_control),
            "{}: control character in {:?}",
            value.from,
            value.value
        );
        total += value.value.len();
    }
    for paragraph in &found.paragraphs {
        assert!(!paragraph.trim().is_empty(), "an empty paragraph");
        assert!(
            !paragraph.chars().any(char::is_control),
            "control character in paragraph {paragraph:?}"
        );
        total += paragraph.len();
    }
    // Entities expand at most a few bytes each; the values repeat at most a few
    // parts of the page.
    assert!(
        total <= 16 * limit + 64,
        "{total} bytes of text from a page of {limit}"
    );
    if let Some(date) = &found.published {
        assert!(
            PartialDate::parse(&date.value).is_some(),
            "date {:?} the front matter would refuse",
            date.value
        );
    }
    if let Some(url) = &found.url {
        assert!(url.value.starts_with("http"), "url {:?}", url.value);
    }
}

// ---------------------------------------------------------------------------
// articles: any text as the articles of a new dossier with no actor file, through
// ingest, discovery and analysis, where the text decides everything.

/// A scratch dossier folder for one input, removed when dropped: one per
/// process and thread, so replays on parallel test threads do not meet.
struct ScratchDossier(std::path::PathBuf);

impl ScratchDossier {
    fn new() -> ScratchDossier {
        let thread = format!("{:?}", std::thread::current().id());
        let name: String = thread.chars().filter(char::is_ascii_digit).collect();
        let dir = std::env::temp_dir().join(format!(
            "dossier-fuzz-articles-{}-{name}",
            std::process::id()
        ));
        std::fs::create_dir_all(dir.join("sources")).expect("a scratch folder");
        std::fs::write(dir.join("dossier.toml"), "title = \"Fuzz\"\n").expect("dossier.toml");
        ScratchDossier(dir)
    }
}

impl Drop for ScratchDossier {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// No panic; every mention and statement lies inside its paragraph, on character
/// boundaries, and names an actor or a source the dossier has. The input is cut
/// at each byte 0x01 into up to three articles of three outlets, so grouping
/// across sources (the surname of one article, the full name of another) is read.
pub fn articles(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let scratch = ScratchDossier::new();
    let dir = scratch.0.as_path();
    for (i, article) in text.splitn(3, '\u{1}').enumerate() {
        let path = dir.join("sources").join(format!("article-{i}.txt"));
        let front = format!("+++\noutlet = \"Outlet {i}\"\nlanguage = \"en\"\n+++\n");
        std::fs::write(&path, front + article).expect("a scratch article");
    }
    let options = dossier::Options {
        content: dir.to_path_buf(),
        ..Default::default()
    };
    let Ok(dossier) = dossier::pipeline::load_dossier(&options) else {
        return;
    };
    let Ok(analysis) = dossier::analyse::analyse(&dossier) else {
        return;
    };
    let paragraph = |source: &str, anchor: &str| -> String {
        let source = dossier.source(source).expect("a mention's source exists");
        source
            .standing_line(anchor)
            .or_else(|| {
                let mut paragraphs = source.paragraphs.iter();
                paragraphs
                    .find(|p| p.anchor == anchor)
                    .map(|p| p.text.as_str())
            })
            .unwrap_or_else(|| panic!("no paragraph {anchor} in {}", source.slug))
            .to_string()
    };
    for mention in &analysis.mentions {
        assert!(
            dossier.actor(&mention.actor).is_some(),
            "a mention of {:?}, which is no actor",
            mention.actor
        );
        let text = paragraph(&mention.source, &mention.anchor);
        assert_range_in(&text, &mention.range, "mention");
        assert!(!mention.range.is_empty(), "an empty mention");
    }
    for found in &analysis.statements {
        let text = paragraph(&found.source, &found.anchor);
        let statement = &found.statement;
        assert_range_in(&text, &statement.range, "statement");
        if let Speaker::Actor(actor) = &statement.speaker {
            assert!(
                dossier.actor(actor).is_some(),
                "a speaker {actor:?}, which is no actor"
            );
        }
    }
}
