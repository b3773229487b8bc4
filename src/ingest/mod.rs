//! Stage 2: turn a source's verbatim text into a headline, a deck and anchored
//! paragraphs, read what metadata the text gives, and remember for every line
//! what became of it and which rule decided.

pub mod clean;
pub mod html;
pub mod infer;
pub mod rules;

use crate::error::{collect, Diagnostic, Result};
use crate::location::find_value;
use crate::model::{Config, Document, Origin, PartialDate, SourceKind, SourceMeta, TextFile};
use crate::text::{comparison_key, count_words, normalise_space, text_direction, Direction};
pub use clean::OutletRepeats;
use clean::{Block, Cleaner, Fate, Found, Inferred, LinePattern, Overrides};
use rayon::prelude::*;
use rules::RuleSet;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::hash::Hasher;
use std::path::PathBuf;

/// A source article ready to be linked and analysed.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Source {
    pub slug: String,
    #[serde(skip)]
    pub origin: Origin,
    pub meta: SourceMeta,
    /// None when neither the front matter nor the text gives one (see `title`).
    pub headline: Option<String>,
    /// True when the headline was taken from the text rather than the front matter.
    pub headline_inferred: bool,
    /// Subtitle or standfirst lines shown under the headline.
    pub deck: Vec<String>,
    pub paragraphs: Vec<Paragraph>,
    /// Every line of the verbatim text and what became of it.
    pub lines: Vec<TextLine>,
    /// None when neither the front matter nor the text says.
    pub outlet: Option<Field>,
    pub author: Option<Field>,
    pub published: Option<PartialDate>,
    /// How the date was established when the front matter does not give it.
    pub published_evidence: Option<String>,
    /// "RABAT, Nov 25": where and when a wire story says it was filed.
    pub dateline: Option<String>,
    pub language: String,
    pub language_inferred: bool,
    pub direction: Direction,
    pub kind: SourceKind,
    pub word_count: usize,
    /// How many lines each rule removed or trimmed.
    pub rules_fired: BTreeMap<String, usize>,
}

/// A metadata value and, when it was read from the text, how.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct Field {
    pub value: String,
    /// Set when the value was inferred from the text: the evidence.
    pub inferred_from: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Paragraph {
    /// Derived from the paragraph's own words, so it survives edits elsewhere in the text.
    pub anchor: String,
    pub text: String,
    /// 1-based line in the source file.
    pub line: usize,
    /// Byte ranges of the text that credit the story rather than tell it: a
    /// dateline ("RABAT, Nov 25 (NNN-AGENCIES) —") or a sign-off ("— NNN-AGENCIES").
    pub credits: Vec<std::ops::Range<usize>>,
    /// Byte ranges of its sentences; sentence `n` (from 1) is anchored `{anchor}-s{n}`.
    pub sentences: Vec<std::ops::Range<usize>>,
}

/// The anchor of a source's headline on its page. Deck lines are `deck-1`,
/// `deck-2`… ([`deck_anchor`]); paragraphs `p-…` and their sentences `p-…-s2`.
pub const HEADLINE_ANCHOR: &str = "headline";

/// The anchor of the deck line at `index` (from 0).
pub fn deck_anchor(index: usize) -> String {
    format!("deck-{}", index + 1)
}

impl Source {
    /// The lines above the body, headline then deck, each with its anchor: the
    /// article's words too, though no paragraph.
    pub fn standing_lines(&self) -> impl Iterator<Item = (String, &str)> {
        let headline = self.headline.as_deref();
        headline
            .map(|h| (HEADLINE_ANCHOR.to_string(), h))
            .into_iter()
            .chain(
                self.deck
                    .iter()
                    .enumerate()
                    .map(|(i, line)| (deck_anchor(i), line.as_str())),
            )
    }

    /// What the source is called on its pages and in lists: its headline, or
    /// where it has none its slug, which its file name gives.
    pub fn title(&self) -> &str {
        self.headline.as_deref().unwrap_or(&self.slug)
    }

    /// The headline or deck line an anchor names.
    pub fn standing_line(&self, anchor: &str) -> Option<&str> {
        if anchor == HEADLINE_ANCHOR {
            return self.headline.as_deref();
        }
        let n: usize = anchor.strip_prefix("deck-")?.parse().ok()?;
        self.deck.get(n.checked_sub(1)?).map(String::as_str)
    }
}

/// Whether an anchor names the headline or a deck line rather than the body.
pub fn is_standing_anchor(anchor: &str) -> bool {
    anchor == HEADLINE_ANCHOR || anchor.starts_with("deck-")
}

impl Paragraph {
    pub fn sentence_anchor(&self, index: usize) -> String {
        format!("{}-s{}", self.anchor, index + 1)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LineRole {
    Headline,
    Deck,
    Body,
    Blank,
    Removed,
}

impl LineRole {
    /// The role as `dossier.json` and the page's class names spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            LineRole::Headline => "headline",
            LineRole::Deck => "deck",
            LineRole::Body => "body",
            LineRole::Blank => "blank",
            LineRole::Removed => "removed",
        }
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TextLine {
    /// 1-based line in the source file.
    pub number: usize,
    pub text: String,
    pub role: LineRole,
    /// The rule that decided, when the line is not plain body text.
    pub rule: Option<String>,
    /// What that rule is for.
    pub reason: Option<String>,
    /// When a rule cut the end of the line: the part kept and the part cut.
    pub split: Option<SplitLine>,
}

/// A line a rule cut in two, both parts exactly as in the text.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SplitLine {
    pub kept: String,
    pub cut: String,
}

/// Loads the furniture rules: the built-in set, then `content/furniture.toml` if present.
pub fn rule_set(extra: Option<&TextFile>) -> Result<RuleSet> {
    let Some(extra) = extra else {
        return Ok(RuleSet::builtin());
    };
    let mut files = vec![TextFile {
        path: PathBuf::from(rules::DEFAULT_RULES_NAME),
        text: rules::DEFAULT_RULES.to_string(),
    }];
    files.push(extra.clone());
    RuleSet::from_sources(&files).map_err(crate::Error::Content)
}

pub fn ingest(
    documents: Vec<Document<SourceMeta>>,
    config: &Config,
    rules: &RuleSet,
) -> Result<Vec<Source>> {
    let repeats = OutletRepeats::of(&documents);
    ingest_with(documents, config, rules, &repeats)
}

/// Ingests `documents` knowing the lines their outlets repeat, which may have
/// been found over more documents than these (a rebuild ingests only some).
pub fn ingest_with(
    documents: Vec<Document<SourceMeta>>,
    config: &Config,
    rules: &RuleSet,
    repeats: &OutletRepeats,
) -> Result<Vec<Source>> {
    let results: Vec<Result<Source, Vec<Diagnostic>>> = documents
        .into_par_iter()
        .map(|doc| ingest_one_with(doc, config, rules, repeats))
        .collect();
    let mut sources = Vec::with_capacity(results.len());
    let mut diagnostics = Vec::new();
    for result in results {
        match result {
            Ok(source) => sources.push(source),
            Err(mut found) => diagnostics.append(&mut found),
        }
    }
    collect(diagnostics)?;
    Ok(sources)
}

/// One source on its own, as `dossier import` sees it: no other source of its
/// outlet to compare lines with.
pub fn ingest_one(
    doc: Document<SourceMeta>,
    config: &Config,
    rules: &RuleSet,
) -> Result<Source, Vec<Diagnostic>> {
    ingest_one_with(doc, config, rules, &OutletRepeats::default())
}

fn ingest_one_with(
    doc: Document<SourceMeta>,
    config: &Config,
    rules: &RuleSet,
    repeats: &OutletRepeats,
) -> Result<Source, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let published = parse_published(&doc)
        .map_err(|d| diagnostics.push(d))
        .ok()
        .flatten();
    let mut overrides = overrides(&doc)
        .map_err(|mut d| diagnostics.append(&mut d))
        .unwrap_or_default();
    overrides.outlet_repeats = repeats.set_of_outlet(doc.meta.outlet.as_deref());
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }

    let is_markdown = doc.origin.path.extension().is_some_and(|e| e == "md");
    let title = doc
        .meta
        .title
        .as_deref()
        .map(normalise_space)
        .filter(|t| !t.is_empty());
    let (judged, inferred) =
        Cleaner::new(rules).clean(blocks(&doc.body, is_markdown), title.as_deref(), &overrides);

    let mut lines: Vec<TextLine> = doc
        .body
        .split('\n')
        .enumerate()
        .map(|(i, text)| TextLine {
            number: doc.origin.body_line + i,
            text: text.to_string(),
            role: if normalise_space(text).is_empty() {
                LineRole::Blank
            } else {
                LineRole::Body
            },
            rule: None,
            reason: None,
            split: None,
        })
        .collect();
    if doc.body.ends_with('\n') {
        lines.pop();
    }

    let mut headline = title.clone();
    let mut deck = Vec::new();
    let mut paragraphs = Vec::new();
    let mut anchors = HashSet::new();
    let mut rules_fired: BTreeMap<String, usize> = BTreeMap::new();
    for item in &judged {
        let role = match item.fate {
            Fate::Headline => LineRole::Headline,
            Fate::Deck => LineRole::Deck,
            Fate::Body => LineRole::Body,
            Fate::Removed => LineRole::Removed,
        };
        for entry in &mut lines[item.block.first_line..=item.block.last_line] {
            if entry.role != LineRole::Blank {
                entry.role = role;
                entry.rule = item.rule.clone();
                entry.reason = item.rule.as_deref().map(|r| describe(rules, r));
            }
        }
        if let Some((cut, rule)) = &item.trimmed {
            let last = &mut lines[item.block.last_line];
            let raw = last.text.trim_end();
            let at = raw.rfind(cut.as_str()).unwrap_or(raw.len());
            last.split = Some(SplitLine {
                kept: last.text[..at].to_string(),
                cut: last.text[at..].to_string(),
            });
            last.rule.get_or_insert_with(|| rule.clone());
            last.reason.get_or_insert_with(|| describe(rules, rule));
            *rules_fired.entry(rule.clone()).or_default() += 1;
        }
        if let (Fate::Removed, Some(rule)) = (item.fate, &item.rule) {
            *rules_fired.entry(rule.clone()).or_default() += 1;
        }
        match item.fate {
            Fate::Headline => {
                headline.get_or_insert_with(|| item.text.clone());
            }
            Fate::Deck => deck.push(item.text.clone()),
            Fate::Body => paragraphs.push(Paragraph {
                anchor: unique_anchor(&comparison_key(&item.text), &mut anchors),
                text: item.text.clone(),
                line: doc.origin.body_line + item.block.first_line,
                credits: Vec::new(),
                sentences: crate::text::paragraph_sentences(&item.text),
            }),
            Fate::Removed => {}
        }
    }

    if let Some(first) = paragraphs.first_mut() {
        if let Some(line) = infer::dateline(&first.text) {
            first.credits.push(0..line.length);
        }
    }
    if let Some(last) = paragraphs.last_mut() {
        if let Some((start, _)) = infer::sign_off(&last.text) {
            last.credits.push(start..last.text.len());
        }
    }
    let body_text: String = paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let (language, language_inferred) = match &doc.meta.language {
        Some(language) => (language.clone(), false),
        None => match infer::detect_language(&body_text) {
            Some(language) => (language, true),
            None => (config.language.clone(), false),
        },
    };
    let Inferred {
        author,
        date,
        outlet,
        dateline,
    } = inferred;
    let (published, published_evidence) = match (published, date) {
        (Some(date), _) => (Some(date), None),
        (None, Some(found)) => (Some(found.value), Some(found.evidence)),
        (None, None) => (None, None),
    };
    Ok(Source {
        slug: doc.slug,
        headline_inferred: title.is_none() && headline.is_some(),
        headline,
        deck,
        word_count: paragraphs.iter().map(|p| count_words(&p.text)).sum(),
        paragraphs,
        lines,
        outlet: field(doc.meta.outlet.as_deref(), outlet),
        author: field(doc.meta.author.as_deref(), author),
        published,
        published_evidence,
        dateline: dateline.map(|d| d.text),
        direction: text_direction(&language),
        language,
        language_inferred,
        kind: doc.meta.kind.unwrap_or(SourceKind::News),
        rules_fired,
        origin: doc.origin,
        meta: doc.meta,
    })
}

/// The front matter wins; where it says nothing (or "unknown") the text speaks.
fn field(stated: Option<&str>, found: Option<Found<String>>) -> Option<Field> {
    match (stated.map(str::trim), found) {
        (Some(stated), _) => Some(Field {
            value: stated.to_string(),
            inferred_from: None,
        }),
        (None, Some(found)) => Some(Field {
            value: found.value,
            inferred_from: Some(found.evidence),
        }),
        (None, None) => None,
    }
}

fn describe(rules: &RuleSet, name: &str) -> String {
    rules
        .get(name)
        .map(|r| r.description.clone())
        .or_else(|| {
            clean::STRUCTURAL_RULES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, d)| d.to_string())
        })
        .unwrap_or_default()
}

fn overrides(doc: &Document<SourceMeta>) -> Result<Overrides, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let mut parse = |list: &[String]| -> Vec<LinePattern> {
        list.iter()
            .filter_map(|text| {
                LinePattern::parse(text)
                    .map_err(|message| {
                        let (line, col) =
                            find_value(&doc.origin.front_matter, text).unwrap_or((1, 1));
                        diagnostics.push(Diagnostic::new(
                            &doc.origin.path,
                            doc.origin.front_matter_line + line - 1,
                            col,
                            message,
                        ));
                    })
                    .ok()
            })
            .collect()
    };
    let overrides = Overrides {
        keep: parse(&doc.meta.keep),
        drop: parse(&doc.meta.drop),
        outlet_repeats: Default::default(),
        deck: doc.meta.deck.as_deref().map(&mut parse),
        from_page_structure: doc
            .meta
            .origin
            .as_deref()
            .is_some_and(|origin| html::is_html_name(std::path::Path::new(origin))),
    };
    if diagnostics.is_empty() {
        Ok(overrides)
    } else {
        Err(diagnostics)
    }
}

fn parse_published(doc: &Document<SourceMeta>) -> Result<Option<PartialDate>, Diagnostic> {
    let Some(text) = doc.meta.published.as_deref().map(str::trim) else {
        return Ok(None);
    };
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

/// Scraped text has one paragraph per line; Markdown separates paragraphs by blank lines.
fn blocks(body: &str, is_markdown: bool) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut open = false;
    for (i, line) in body.split('\n').enumerate() {
        let text = normalise_space(line);
        if text.is_empty() {
            open = false;
            continue;
        }
        match blocks.last_mut() {
            Some(block) if open && is_markdown => {
                block.text.push(' ');
                block.text.push_str(&text);
                block.last_line = i;
            }
            _ => blocks.push(Block {
                text,
                first_line: i,
                last_line: i,
            }),
        }
        open = true;
    }
    blocks
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

#[cfg(test)]
mod tests {
    use super::*;

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
                ..SourceMeta::default()
            },
            body: body.to_string(),
        }
    }

    fn ingest_text(title: Option<&str>, body: &str) -> Source {
        let config: Config = toml::from_str("title = \"t\"").unwrap();
        ingest_one(doc(title, body), &config, &RuleSet::builtin()).unwrap()
    }

    const P1: &str =
        "The minister said on Tuesday that the agreement would be signed within weeks.";
    const P2: &str = "Officials from both countries have met several times since the spring to agree on the text.";

    #[test]
    fn lines_keep_their_file_numbers_and_fates() {
        let source = ingest_text(
            Some("Big news"),
            &format!("Big news\n\n{P1}\n{P2}\n\n{P1}\nBig News\n"),
        );
        let texts: Vec<_> = source.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, [P1, P2]);
        assert_eq!(source.lines[0].role, LineRole::Headline);
        assert_eq!(source.lines[5].role, LineRole::Removed);
        assert_eq!(source.lines[6].rule.as_deref(), Some("repeated-headline"));
        assert_eq!(source.paragraphs[0].line, 7);
        assert_eq!(source.rules_fired.get("duplicate-paragraph"), Some(&1));
    }

    #[test]
    fn headline_is_inferred_without_a_title() {
        let source = ingest_text(None, &format!("Headline here\n{P1}\n"));
        assert_eq!(source.headline.as_deref(), Some("Headline here"));
        assert!(source.headline_inferred);
        assert_eq!(source.paragraphs.len(), 1);
    }

    #[test]
    fn a_headline_ending_like_a_sentence_is_still_the_headline() {
        for headline in [
            "Ministers of two small states sign a water pact at last.",
            "Will the two small states finally sign the water pact?",
            "U.S. and Canada agree on a new fishing quota for the lakes.",
        ] {
            let source = ingest_text(None, &format!("{headline}\n{P1}\n{P2}\n"));
            assert_eq!(source.headline.as_deref(), Some(headline));
            assert!(source.headline_inferred);
            assert_eq!(source.paragraphs.len(), 2, "{headline}");
            assert_eq!(source.lines[0].rule.as_deref(), Some("sentence-headline"));
        }
    }

    #[test]
    fn a_lede_is_not_taken_for_a_headline() {
        let two_sentences = "The ministers met. They signed nothing at all that day.";
        let datelined = "OTTAWA — The ministers met at the lake and signed the pact.";
        let long = "The ministers of the two states met for three hours on Tuesday at the lake \
                    house, and signed a pact that splits the water of the river between them.";
        for lede in [two_sentences, datelined, long] {
            let source = ingest_text(None, &format!("{lede}\n{P1}\n"));
            assert_eq!(source.headline, None, "{lede}");
            assert_eq!(source.paragraphs.len(), 2, "{lede}");
        }
        // Alone, a short paragraph is the whole article, not a headline.
        let alone = ingest_text(
            None,
            "Ministers of two small states sign a water pact at last.\n",
        );
        assert_eq!(alone.paragraphs.len(), 1);
    }

    #[test]
    fn anchors_depend_only_on_the_paragraph() {
        let a = ingest_text(Some("H"), &format!("H\n{P1}\n{P2}\n"));
        let b = ingest_text(Some("H"), &format!("H\nAn inserted paragraph that says something new about the talks.\n{P1}\n{P2} Changed.\n"));
        assert_eq!(a.paragraphs[0].anchor, b.paragraphs[1].anchor);
        assert_ne!(a.paragraphs[1].anchor, b.paragraphs[2].anchor);
    }

    #[test]
    fn metadata_is_inferred_and_the_front_matter_wins() {
        let body = format!("Deal signed\nBy Jane Roe\nMonday 29 November 2021\n{P1}\n{P2}\n");
        let source = ingest_text(Some("Deal signed"), &body);
        let author = source.author.unwrap();
        assert_eq!(author.value, "Jane Roe");
        assert!(author.inferred_from.as_deref().unwrap().contains("byline"));
        assert_eq!(source.published.unwrap().to_string(), "2021-11-29");
        assert_eq!(source.language, "en");
        assert!(source.language_inferred);

        let config: Config = toml::from_str("title = \"t\"").unwrap();
        let mut stated = doc(Some("Deal signed"), &body);
        stated.meta.author = Some("John Doe".into());
        stated.meta.published = Some("2021-11-24".into());
        let source = ingest_one(stated, &config, &RuleSet::builtin()).unwrap();
        assert_eq!(
            source.author,
            Some(Field {
                value: "John Doe".into(),
                inferred_from: None
            })
        );
        assert_eq!(source.published.unwrap().to_string(), "2021-11-24");
        assert!(source.published_evidence.is_none());
    }

    #[test]
    fn a_bad_date_or_override_is_located() {
        let config: Config = toml::from_str("title = \"t\"").unwrap();
        let mut d = doc(None, "H\n");
        d.meta.published = Some("24/11/2021".into());
        d.meta.drop = vec!["/(unclosed/".into()];
        d.origin.front_matter =
            "title = \"x\"\npublished = \"24/11/2021\"\ndrop = [\"/(unclosed/\"]\n".into();
        let diagnostics = ingest_one(d, &config, &RuleSet::builtin()).unwrap_err();
        assert_eq!((diagnostics[0].line, diagnostics[0].col), (3, 14));
        assert_eq!(diagnostics[1].line, 4);
    }

    #[test]
    fn hostile_and_odd_text_is_handled() {
        let nbsp = format!("H\n\u{a0}\u{200b}\n<script>alert(1)</script> {P1}\n\t{P2}\u{a0}\n");
        let source = ingest_text(Some("H"), &nbsp);
        assert_eq!(source.paragraphs.len(), 2);
        assert!(source.paragraphs[0].text.starts_with("<script>"));
        assert_eq!(source.lines[1].role, LineRole::Blank);
        let long = format!("H\n{}\n", "word ".repeat(400_000));
        let source = ingest_text(Some("H"), &long);
        assert_eq!(source.word_count, 400_000);
        let empty = ingest_text(None, "");
        assert_eq!(empty.headline, None);
        assert_eq!(empty.title(), empty.slug);
        assert_eq!(empty.standing_lines().count(), 0);
        assert!(empty.paragraphs.is_empty());
    }

    #[test]
    fn right_to_left_languages() {
        assert_eq!(text_direction("ar"), Direction::Rtl);
        assert_eq!(text_direction("he-IL"), Direction::Rtl);
        assert_eq!(text_direction("fr"), Direction::Ltr);
    }
}
