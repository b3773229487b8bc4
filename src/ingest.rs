//! Stage 2: turn a source's verbatim text into a headline, a deck and anchored paragraphs,
//! remembering for every line what became of it.

use crate::error::{collect, Diagnostic, Result};
use crate::location::find_value;
use crate::model::{Config, Document, Origin, PartialDate, SourceKind, SourceMeta};
use serde::Serialize;
use std::collections::HashSet;
use std::hash::Hasher;

/// A source article ready to be linked and analysed.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub slug: String,
    #[serde(skip)]
    pub origin: Origin,
    pub meta: SourceMeta,
    pub headline: String,
    /// True when the headline was taken from the text rather than the front matter.
    pub headline_inferred: bool,
    pub deck: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    /// Every line of the verbatim text and what became of it.
    pub lines: Vec<TextLine>,
    pub published: Option<PartialDate>,
    pub language: String,
    pub direction: &'static str,
    pub kind: SourceKind,
    pub word_count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    /// Derived from the paragraph's own words, so it survives edits elsewhere in the text.
    pub anchor: String,
    pub text: String,
    /// 1-based line in the source file.
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineRole {
    Headline,
    Deck,
    Body,
    Blank,
    Removed,
}

#[derive(Debug, Clone, Serialize)]
pub struct TextLine {
    /// 1-based line in the source file.
    pub number: usize,
    pub text: String,
    pub role: LineRole,
    /// Why the line is not body text, for the provenance view.
    pub reason: Option<String>,
}

pub fn ingest(documents: Vec<Document<SourceMeta>>, config: &Config) -> Result<Vec<Source>> {
    let mut diagnostics = Vec::new();
    let sources = documents
        .into_iter()
        .filter_map(|doc| {
            ingest_one(doc, config)
                .map_err(|d| diagnostics.push(d))
                .ok()
        })
        .collect();
    collect(diagnostics)?;
    Ok(sources)
}

fn ingest_one(doc: Document<SourceMeta>, config: &Config) -> Result<Source, Diagnostic> {
    let published = parse_published(&doc)?;
    let is_markdown = doc.origin.path.extension().is_some_and(|e| e == "md");
    let blocks = blocks(&doc.body, doc.origin.body_line, is_markdown);

    let mut lines: Vec<TextLine> = doc
        .body
        .split('\n')
        .enumerate()
        .map(|(i, text)| TextLine {
            number: doc.origin.body_line + i,
            text: text.to_string(),
            role: if text.trim().is_empty() {
                LineRole::Blank
            } else {
                LineRole::Body
            },
            reason: None,
        })
        .collect();
    if doc.body.ends_with('\n') {
        lines.pop();
    }

    let title = doc.meta.title.as_deref().map(normalise_space);
    let mut headline = title.clone();
    let mut paragraphs = Vec::new();
    let mut seen_text = HashSet::new();
    let mut anchors = HashSet::new();
    for (index, block) in blocks.iter().enumerate() {
        let key = comparison_key(&block.text);
        let role_reason = if index == 0 && title.as_deref().is_none_or(|t| comparison_key(t) == key)
        {
            if headline.is_none() {
                headline = Some(block.text.clone());
            }
            Some((LineRole::Headline, "the headline"))
        } else if !seen_text.insert(key.clone())
            || title.as_deref().is_some_and(|t| comparison_key(t) == key)
        {
            Some((
                LineRole::Removed,
                "repeats an earlier paragraph or the headline",
            ))
        } else {
            None
        };
        match role_reason {
            Some((role, reason)) => {
                for line in block.first_line..=block.last_line {
                    let entry = &mut lines[line - doc.origin.body_line];
                    if entry.role != LineRole::Blank {
                        entry.role = role;
                        entry.reason = Some(reason.to_string());
                    }
                }
            }
            None => {
                let anchor = unique_anchor(&key, &mut anchors);
                paragraphs.push(Paragraph {
                    anchor,
                    text: block.text.clone(),
                    line: block.first_line,
                });
            }
        }
    }

    let word_count = paragraphs.iter().map(|p| count_words(&p.text)).sum();
    let language = doc
        .meta
        .language
        .clone()
        .unwrap_or_else(|| config.language.clone());
    Ok(Source {
        slug: doc.slug,
        headline_inferred: title.is_none() && headline.is_some(),
        headline: headline.unwrap_or_else(|| "Untitled source".to_string()),
        deck: None,
        paragraphs,
        lines,
        published,
        direction: text_direction(&language),
        language,
        kind: doc.meta.kind.unwrap_or(SourceKind::News),
        word_count,
        origin: doc.origin,
        meta: doc.meta,
    })
}

fn parse_published(doc: &Document<SourceMeta>) -> Result<Option<PartialDate>, Diagnostic> {
    let text = doc.meta.published.trim();
    if text.eq_ignore_ascii_case("unknown") || text.is_empty() {
        return Ok(None);
    }
    PartialDate::parse(text).map(Some).ok_or_else(|| {
        let (line, col) = find_value(&doc.origin.front_matter, text).unwrap_or((1, 1));
        Diagnostic::new(
            &doc.origin.path,
            doc.origin.front_matter_line + line - 1,
            col,
            format!("'{text}' is not a date"),
        )
        .with_hint("write published = \"YYYY-MM-DD\", \"YYYY-MM\", \"YYYY\" or \"unknown\"")
    })
}

/// A run of text that becomes one paragraph.
struct Block {
    text: String,
    first_line: usize,
    last_line: usize,
}

/// Scraped text has one paragraph per line; Markdown separates paragraphs by blank lines.
fn blocks(body: &str, first_line: usize, is_markdown: bool) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut open = false;
    for (i, line) in body.split('\n').enumerate() {
        let number = first_line + i;
        let text = normalise_space(line);
        if text.is_empty() {
            open = false;
            continue;
        }
        match blocks.last_mut() {
            Some(block) if open && is_markdown => {
                block.text.push(' ');
                block.text.push_str(&text);
                block.last_line = number;
            }
            _ => blocks.push(Block {
                text,
                first_line: number,
                last_line: number,
            }),
        }
        open = true;
    }
    blocks
}

/// Collapses every run of white space, including non-breaking and zero-width spaces.
pub fn normalise_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Lowercased letters and digits only: two paragraphs with the same key say the same thing.
fn comparison_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            key.push(c);
        } else if !key.ends_with(' ') && !key.is_empty() {
            key.push(' ');
        }
    }
    key.trim_end().to_string()
}

fn unique_anchor(key: &str, taken: &mut HashSet<String>) -> String {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(key.as_bytes());
    let base = format!("p-{:06x}", hasher.finish() & 0xff_ffff);
    let mut anchor = base.clone();
    let mut n = 2;
    while !taken.insert(anchor.clone()) {
        anchor = format!("{base}-{n}");
        n += 1;
    }
    anchor
}

pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Scripts written right to left, by the primary language subtag.
pub fn text_direction(language: &str) -> &'static str {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "ar" | "he" | "iw" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb" | "syr" => {
            "rtl"
        }
        _ => "ltr",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn doc(title: Option<&str>, body: &str) -> Document<SourceMeta> {
        Document {
            slug: "s".into(),
            origin: Origin {
                path: PathBuf::from("content/sources/s.txt"),
                front_matter: String::new(),
                front_matter_line: 2,
                body_line: 5,
            },
            meta: SourceMeta {
                title: title.map(String::from),
                published: "unknown".into(),
                ..SourceMeta::default()
            },
            body: body.to_string(),
        }
    }

    fn config() -> Config {
        toml::from_str("title = \"t\"").unwrap()
    }

    #[test]
    fn first_line_matching_the_title_is_the_headline_and_repeats_are_removed() {
        let source = ingest_one(
            doc(
                Some("Big news"),
                "Big news\n\nFirst para.\nSecond para.\n\nFirst  para.\nBig News\n",
            ),
            &config(),
        )
        .unwrap();
        let texts: Vec<_> = source.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["First para.", "Second para."]);
        assert_eq!(source.lines[0].role, LineRole::Headline);
        assert_eq!(source.lines[5].role, LineRole::Removed);
        assert_eq!(source.lines[6].role, LineRole::Removed);
        assert_eq!(source.paragraphs[0].line, 7);
    }

    #[test]
    fn headline_is_inferred_without_a_title() {
        let source = ingest_one(doc(None, "Headline here\nBody.\n"), &config()).unwrap();
        assert_eq!(source.headline, "Headline here");
        assert!(source.headline_inferred);
        assert_eq!(source.paragraphs.len(), 1);
    }

    #[test]
    fn anchors_depend_only_on_the_paragraph() {
        let a = ingest_one(doc(None, "H\nOne.\nTwo.\n"), &config()).unwrap();
        let b = ingest_one(doc(None, "H\nInserted.\nOne.\nTwo changed.\n"), &config()).unwrap();
        assert_eq!(a.paragraphs[0].anchor, b.paragraphs[1].anchor);
        assert_ne!(a.paragraphs[1].anchor, b.paragraphs[2].anchor);
    }

    #[test]
    fn a_bad_date_is_located() {
        let mut d = doc(None, "H\n");
        d.meta.published = "24/11/2021".into();
        d.origin.front_matter = "title = \"x\"\npublished = \"24/11/2021\"\n".into();
        let diagnostic = ingest_one(d, &config()).unwrap_err();
        assert_eq!((diagnostic.line, diagnostic.col), (3, 14));
    }

    #[test]
    fn right_to_left_languages() {
        assert_eq!(text_direction("ar"), "rtl");
        assert_eq!(text_direction("he-IL"), "rtl");
        assert_eq!(text_direction("fr"), "ltr");
    }
}
