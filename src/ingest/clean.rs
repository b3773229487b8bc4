//! Telling the article from the page around it. Data rules (`rules.rs`) name the
//! furniture; the structural rules here use the article's shape: where the prose
//! starts and ends, what repeats, what stands before the headline.

use super::infer;
use super::rules::{Action, Infer, Rule, RuleSet, Scope};
use crate::model::PartialDate;
use crate::text::{comparison_key, count_words, normalise_space};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The data rule that finds a byline ("By Jo Roe"), which marks the head of
/// the article in a page scraped whole.
const BYLINE_RULE: &str = "byline";

/// Rules that follow from an article's shape rather than its wording.
/// A dossier can switch them off like any rule (`disable` in furniture.toml).
mod keys;
mod quotes;
mod regions;
use keys::Keys;
use quotes::mark_pull_quotes;
use regions::*;

pub const STRUCTURAL_RULES: &[(&str, &str)] = &[
    (
        "repeated-headline",
        "The headline repeated, as a subtitle or page title",
    ),
    (
        "before-headline",
        "A short line above the headline: a section label or kicker",
    ),
    (
        "sentence-headline",
        "Without a title, a short first paragraph that ends like a sentence is the headline",
    ),
    (
        "duplicate-paragraph",
        "A paragraph repeating an earlier one exactly or nearly",
    ),
    (
        "standfirst",
        "A summary above the article that repeats its first sentence (kept as the deck)",
    ),
    (
        "subtitle",
        "A line between the headline and the first paragraph (kept as the deck)",
    ),
    (
        "outlet-repeat",
        "A short line that is not a sentence and recurs in other sources of the same outlet",
    ),
    (
        "teaser",
        "A title-cased line between two paragraphs, not a sentence: a link to another article",
    ),
    (
        "subhead",
        "A short line between two paragraphs that does not end like a statement: a heading inside the article",
    ),
    (
        "outside-article",
        "A longer line beyond the stretch of the page where prose outweighs short lines: another article's teaser, a comment, a blurb",
    ),
    (
        "before-dateline",
        "A line between the headline and a first paragraph that opens with a dateline: a photo or video caption",
    ),
    (
        "pull-quote",
        "A paragraph whose words all stand inside a longer paragraph of the article: a pull quote",
    ),
    (
        "pull-quote-credit",
        "A short 'Name, title' line right after a pull quote: whom it quotes",
    ),
    (
        "teaser-run",
        "A 'Label: …' line between two link teasers: another teaser with its own label",
    ),
    (
        "tail-short-line",
        "A short line after the last paragraph: widget labels, tags, buttons",
    ),
    (
        "front-matter-drop",
        "Listed under `drop` in the source's front matter",
    ),
    (
        "front-matter-deck",
        "Listed under `deck` in the source's front matter (kept as the deck)",
    ),
];

/// A run of text that is one paragraph, with the body lines it spans (0-based).
#[derive(Debug, Clone)]
pub struct Block {
    pub text: String,
    pub first_line: usize,
    pub last_line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Headline,
    Deck,
    Body,
    Removed,
}

#[derive(Debug, Clone)]
pub struct Judged {
    pub block: Block,
    pub fate: Fate,
    /// The rule that decided, for the provenance view.
    pub rule: Option<String>,
    /// The block's text once any trimmed end is gone.
    pub text: String,
    /// Text cut from the end of the block, and the rule that cut it.
    pub trimmed: Option<(String, String)>,
}

/// A value read from the text and the rule that found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<T> {
    pub value: T,
    pub evidence: String,
}

#[derive(Debug, Clone, Default)]
pub struct Inferred {
    pub author: Option<Found<String>>,
    pub date: Option<Found<PartialDate>>,
    pub outlet: Option<Found<String>>,
    pub dateline: Option<infer::Dateline>,
}

/// Line patterns from a source's front matter that override the rules.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub keep: Vec<LinePattern>,
    pub drop: Vec<LinePattern>,
    /// Comparison keys of lines that other sources of the same outlet repeat,
    /// one set shared by every source of the outlet.
    pub outlet_repeats: Arc<HashSet<String>>,
    /// `None` when the front matter names no deck and the rules look for one.
    pub deck: Option<Vec<LinePattern>>,
    /// The text was taken from a saved page's article element, whose structure
    /// (containers, link density) has already set the article apart from the
    /// page around it: the `outside-article` rule, meant for flat text, holds back.
    pub from_page_structure: bool,
}

/// How many words a line may have and still be an outlet's furniture when it
/// recurs: sign-up prompts, credits, section labels are short.
const REPEAT_MAX_WORDS: usize = 15;

/// Short lines that stand in two or more sources of one outlet and do not end
/// like a sentence: that outlet's page furniture (a follow prompt, a credit
/// line, a section label), whatever its wording or language. Sentences are left
/// alone, since one outlet may well reuse a sentence of its own.
#[derive(Debug, Default)]
pub struct OutletRepeats {
    by_outlet: HashMap<String, Arc<HashSet<String>>>,
}

impl OutletRepeats {
    pub fn of(documents: &[crate::model::Document<crate::model::SourceMeta>]) -> OutletRepeats {
        let mut counts: HashMap<(String, String), usize> = HashMap::new();
        for doc in documents {
            let Some(outlet) = doc.meta.outlet.as_deref().and_then(outlet_key) else {
                continue;
            };
            let title = doc.meta.title.as_deref().map(comparison_key);
            let keys: HashSet<String> = doc
                .body
                .lines()
                .map(str::trim)
                .filter(|line| {
                    !line.is_empty()
                        && count_words(line) <= REPEAT_MAX_WORDS
                        && !ends_like_a_sentence(line)
                })
                .map(comparison_key)
                .filter(|key| !key.is_empty() && title.as_ref() != Some(key))
                .collect();
            for key in keys {
                *counts.entry((outlet.clone(), key)).or_default() += 1;
            }
        }
        let mut by_outlet: HashMap<String, HashSet<String>> = HashMap::new();
        for ((outlet, key), count) in counts {
            if count >= 2 {
                by_outlet.entry(outlet).or_default().insert(key);
            }
        }
        let by_outlet = by_outlet
            .into_iter()
            .map(|(outlet, lines)| (outlet, Arc::new(lines)))
            .collect();
        OutletRepeats { by_outlet }
    }

    /// The repeated lines of `outlet`, shared: a copy per source would cost
    /// each source as much as its outlet has repeated lines.
    pub fn set_of_outlet(&self, outlet: Option<&str>) -> Arc<HashSet<String>> {
        outlet
            .and_then(outlet_key)
            .and_then(|o| self.by_outlet.get(&o))
            .cloned()
            .unwrap_or_default()
    }

    /// The repeated lines of `outlet`, sorted (so that they can be hashed).
    pub fn of_outlet(&self, outlet: Option<&str>) -> Vec<&str> {
        let mut keys: Vec<&str> = outlet
            .and_then(outlet_key)
            .and_then(|o| self.by_outlet.get(&o))
            .map(|set| set.iter().map(String::as_str).collect())
            .unwrap_or_default();
        keys.sort_unstable();
        keys
    }
}

fn outlet_key(outlet: &str) -> Option<String> {
    let key = comparison_key(outlet);
    (!key.is_empty()).then_some(key)
}

/// An exact line (white space folded) or, written `/…/`, a regular expression.
#[derive(Debug, Clone)]
pub enum LinePattern {
    Exact(String),
    Regex(Regex),
}

impl LinePattern {
    pub fn parse(text: &str) -> Result<LinePattern, String> {
        match text.strip_prefix('/').and_then(|t| t.strip_suffix('/')) {
            Some(pattern) if text.len() >= 2 => Regex::new(pattern)
                .map(LinePattern::Regex)
                .map_err(|e| format!("invalid pattern /{pattern}/: {e}")),
            _ => Ok(LinePattern::Exact(normalise_space(text))),
        }
    }

    fn matches(&self, text: &str) -> bool {
        match self {
            LinePattern::Exact(line) => line == text,
            LinePattern::Regex(regex) => regex.is_match(text),
        }
    }
}

pub struct Cleaner<'a> {
    rules: &'a RuleSet,
}

impl<'a> Cleaner<'a> {
    pub fn new(rules: &'a RuleSet) -> Self {
        Cleaner { rules }
    }

    fn structural(&self, name: &str) -> bool {
        !self.rules.disabled.iter().any(|d| d == name)
    }

    /// Decides the fate of every block. `title` is the headline from the front matter.
    pub fn clean(
        &self,
        blocks: Vec<Block>,
        title: Option<&str>,
        overrides: &Overrides,
    ) -> (Vec<Judged>, Inferred) {
        let mut judged: Vec<Judged> = blocks
            .into_iter()
            .map(|block| Judged {
                text: block.text.clone(),
                block,
                fate: Fate::Body,
                rule: None,
                trimmed: None,
            })
            .collect();
        let n = judged.len();
        let mut decided = vec![false; n];
        let mut kept = vec![false; n];
        let mut inferred = Inferred::default();
        let mut deck_lines: Vec<&LinePattern> = overrides.deck.iter().flatten().collect();

        for (i, item) in judged.iter_mut().enumerate() {
            if self.structural("front-matter-drop")
                && overrides.drop.iter().any(|p| p.matches(&item.text))
            {
                decide(item, &mut decided[i], Fate::Removed, "front-matter-drop");
            } else if let Some(at) = deck_lines.iter().position(|p| p.matches(&item.text)) {
                // Only its first line: a deck that repeats the lede leaves the lede be.
                deck_lines.remove(at);
                decide(item, &mut decided[i], Fate::Deck, "front-matter-deck");
            } else if overrides.keep.iter().any(|p| p.matches(&item.text)) {
                kept[i] = true;
            } else if !overrides.outlet_repeats.is_empty()
                && self.structural("outlet-repeat")
                && overrides
                    .outlet_repeats
                    .contains(&comparison_key(&item.text))
            {
                decide(item, &mut decided[i], Fate::Removed, "outlet-repeat");
            }
        }

        // Trimmed ends first, so that the rest of the block is judged on its own.
        for (i, item) in judged.iter_mut().enumerate() {
            if decided[i] || kept[i] {
                continue;
            }
            for rule in self
                .rules
                .rules
                .iter()
                .filter(|r| r.action == Action::TrimEnd)
            {
                let Some(captures) = rule.captures(&item.text) else {
                    continue;
                };
                let whole = captures.get(0).expect("group 0 always matches");
                if whole.end() != item.text.len() {
                    continue;
                }
                note_inference(&mut inferred, rule, &captures);
                let cut = item.text[whole.start()..].trim().to_string();
                item.text = item.text[..whole.start()].trim_end().to_string();
                item.trimmed = Some((cut, rule.name.clone()));
                if item.text.is_empty() {
                    decide(item, &mut decided[i], Fate::Removed, &rule.name);
                }
                break;
            }
        }

        let keys = Keys::new(n);
        self.apply_line_rules(
            &mut judged,
            &mut decided,
            &kept,
            &mut inferred,
            |_, scope| scope == Scope::Anywhere,
        );

        let prose: Vec<usize> = (0..n)
            .filter(|&i| !decided[i] && is_prose(&judged[i].text))
            .collect();
        let mut first_prose = prose.first().copied().unwrap_or(n);
        let mut last_prose = prose.last().copied();

        // A page scraped whole opens with its menus; a byline near the start
        // marks the article's head, and lines between it and the headline,
        // even sentences, are the deck.
        let byline = (0..n.min(first_prose + 3))
            .find(|&i| decided[i] && judged[i].rule.as_deref() == Some(BYLINE_RULE))
            .filter(|_| title.is_none());
        let mut headline = self.find_headline(
            (&judged, &keys),
            &decided,
            &kept,
            title,
            first_prose,
            byline,
        );
        if let (Some(h), Some(by)) = (headline, byline) {
            if h < by && first_prose < by {
                first_prose = prose.iter().copied().find(|&p| p > by).unwrap_or(n);
            }
        }
        if headline.is_none() && title.is_none() && self.structural("sentence-headline") {
            // A headline that ends like a sentence ("Ministers sign a pact.") looks
            // like prose; the article then starts at the next paragraph.
            if let [first, next, ..] = prose[..] {
                if looks_like_headline(&judged[first].text) {
                    headline = Some(first);
                    judged[first].rule = Some("sentence-headline".to_string());
                    first_prose = next;
                }
            }
        }
        if let Some(h) = headline {
            judged[h].fate = Fate::Headline;
            decided[h] = true;
        }
        // Text taken from a saved page's article element is the article its
        // structure chose; weighing prose against furniture is for flat text.
        if self.structural("outside-article") && !overrides.from_page_structure {
            let from = headline.map_or(0, |h| h + 1);
            let opens_block = |rule: &str| {
                self.rules
                    .rules
                    .iter()
                    .any(|r| r.opens_block && r.name == rule)
            };
            let outside =
                mark_outside_article(&mut judged, &mut decided, &kept, from, &opens_block);
            if outside {
                let prose: Vec<usize> = (from..n)
                    .filter(|&i| !decided[i] && is_prose(&judged[i].text))
                    .collect();
                first_prose = first_prose.max(prose.first().copied().unwrap_or(n));
                last_prose = prose.last().copied().or(last_prose);
            }
        }
        let in_head = |i: usize| i < first_prose;
        let in_tail = |i: usize| last_prose.is_some_and(|last| i > last);

        self.apply_line_rules(
            &mut judged,
            &mut decided,
            &kept,
            &mut inferred,
            |i, scope| (scope == Scope::Head && in_head(i)) || (scope == Scope::Tail && in_tail(i)),
        );

        let headline_key = headline.map(|h| keys.of(h, &judged));
        // A deck the front matter names (an imported page gives its own) is the
        // whole deck: the lines under the headline are then the article's.
        let deck_named = overrides.deck.is_some();
        for i in 0..n {
            if decided[i] || kept[i] {
                continue;
            }
            let repeats_headline = headline_key.is_some_and(|h| h == keys.of(i, &judged));
            let item = &mut judged[i];
            if repeats_headline && self.structural("repeated-headline") {
                decide(item, &mut decided[i], Fate::Removed, "repeated-headline");
            } else if in_head(i)
                && headline.is_some_and(|h| i < h)
                && self.structural("before-headline")
            {
                decide(item, &mut decided[i], Fate::Removed, "before-headline");
            } else if in_head(i) && !deck_named && self.structural("subtitle") {
                decide(item, &mut decided[i], Fate::Deck, "subtitle");
            }
        }

        if let Some(h) = headline.filter(|_| self.structural("before-dateline")) {
            mark_before_dateline(&mut judged, &mut decided, &kept, h, deck_named);
        }
        if !deck_named && self.structural("standfirst") {
            mark_standfirst(&mut judged, &mut decided, &kept, &keys, first_prose);
        }
        if self.structural("duplicate-paragraph") {
            remove_duplicates(&mut judged, &mut decided, &kept, &keys);
        }
        if self.structural("pull-quote") {
            let credits = self.structural("pull-quote-credit");
            mark_pull_quotes(&mut judged, &mut decided, &kept, &keys, credits);
        }
        self.mark_inner_headings(&mut judged, &mut decided, &kept);
        if self.structural("teaser-run") {
            mark_teaser_runs(&mut judged, &mut decided, &kept);
        }
        if self.structural("tail-short-line") {
            for i in 0..n {
                if !decided[i] && !kept[i] && in_tail(i) && is_short_label(&judged[i].text) {
                    decide(
                        &mut judged[i],
                        &mut decided[i],
                        Fate::Removed,
                        "tail-short-line",
                    );
                }
            }
        }

        self.infer_from_body(&judged, &mut inferred);
        (judged, inferred)
    }

    fn apply_line_rules(
        &self,
        judged: &mut [Judged],
        decided: &mut [bool],
        kept: &[bool],
        inferred: &mut Inferred,
        applies: impl Fn(usize, Scope) -> bool,
    ) {
        for i in 0..judged.len() {
            if decided[i] || kept[i] {
                continue;
            }
            let rule = self
                .rules
                .rules
                .iter()
                .filter(|r| r.action == Action::Line && applies(i, r.scope))
                .find(|r| r.is_match(&judged[i].text));
            if let Some(rule) = rule {
                if let Some(captures) = rule.captures(&judged[i].text) {
                    note_inference(inferred, rule, &captures);
                }
                decide(&mut judged[i], &mut decided[i], Fate::Removed, &rule.name);
            }
        }
    }

    /// The line that matches the front-matter title; without a title, the first
    /// line before the prose that no head rule claims, or the line above a
    /// byline that stands below it.
    fn find_headline(
        &self,
        (judged, keys): (&[Judged], &Keys),
        decided: &[bool],
        kept: &[bool],
        title: Option<&str>,
        first_prose: usize,
        byline: Option<usize>,
    ) -> Option<usize> {
        let open = |i: &usize| !decided[*i] && !kept[*i];
        if let Some(title) = title {
            let key = comparison_key(title);
            return (0..judged.len().min(first_prose.max(1) + 1))
                .filter(open)
                .find(|&i| keys.of(i, judged) == key);
        }
        let unclaimed = |i: &usize| {
            !self.rules.rules.iter().any(|r| {
                r.scope == Scope::Head
                    && r.action == Action::Line
                    && !r.spares_headline
                    && r.is_match(&judged[*i].text)
            })
        };
        let first = (0..first_prose).filter(open).find(unclaimed);
        // Above a byline, the headline is the nearest of the three open lines
        // that has three words or more and does not end like a sentence, as a
        // deck between them would.
        let above_byline = byline.and_then(|by| {
            (0..by)
                .rev()
                .filter(open)
                .take(3)
                .filter(unclaimed)
                .find(|&i| {
                    count_words(&judged[i].text) >= 3 && !ends_like_a_sentence(&judged[i].text)
                })
        });
        match (first, above_byline) {
            (Some(first), Some(above)) if above > first => Some(above),
            _ => first,
        }
    }

    /// Lines standing between two body paragraphs that are not prose themselves:
    /// title-cased teasers for other articles, and subheads (a short heading, often
    /// a question). Both are page structure, not the article's text; the
    /// provenance view keeps them.
    fn mark_inner_headings(&self, judged: &mut [Judged], decided: &mut [bool], kept: &[bool]) {
        let is_body_prose =
            |j: &Judged| j.fate == Fate::Body && is_prose(&j.text) && ends_like_a_sentence(&j.text);
        for i in 1..judged.len().saturating_sub(1) {
            if decided[i] || kept[i] {
                continue;
            }
            let Some(rule) = inner_heading(&judged[i].text).filter(|r| self.structural(r)) else {
                continue;
            };
            let between_paragraphs = judged[..i]
                .iter()
                .rev()
                .find(|j| j.fate != Fate::Removed)
                .is_some_and(is_body_prose)
                && judged[i + 1..]
                    .iter()
                    .find(|j| j.fate != Fate::Removed)
                    .is_some_and(is_body_prose);
            if between_paragraphs {
                decide(&mut judged[i], &mut decided[i], Fate::Removed, rule);
            }
        }
    }

    fn infer_from_body(&self, judged: &[Judged], inferred: &mut Inferred) {
        let body: Vec<&Judged> = judged.iter().filter(|j| j.fate == Fate::Body).collect();
        if let Some(line) = body.first().and_then(|first| infer::dateline(&first.text)) {
            if let (Some(year), None) = (line.year, &inferred.date) {
                if let Some(date) =
                    PartialDate::parse(&format!("{year}-{:02}-{:02}", line.month, line.day))
                {
                    inferred.date = Some(Found {
                        value: date,
                        evidence: format!("the dateline '{}'", line.text),
                    });
                }
            }
            if let (Some(agency), None) = (&line.agency, &inferred.outlet) {
                inferred.outlet = Some(Found {
                    value: agency.clone(),
                    evidence: format!("the agency credited in the dateline '{}'", line.text),
                });
            }
            inferred.dateline = Some(line);
        }
        if inferred.outlet.is_none() {
            if let Some((_, agency)) = body.last().and_then(|last| infer::sign_off(&last.text)) {
                inferred.outlet = Some(Found {
                    evidence: format!("the sign-off '— {agency}' ending the article"),
                    value: agency,
                });
            }
        }
        if inferred.outlet.is_none() {
            let urls = judged
                .iter()
                .filter(|j| j.rule.as_deref() == Some("bare-url"))
                .map(|j| j.text.as_str());
            if let Some(domain) = infer::common_domain(urls) {
                inferred.outlet = Some(Found {
                    evidence: format!("the links to other articles on {domain} in the page"),
                    value: domain,
                });
            }
        }
    }
}

fn decide(item: &mut Judged, decided: &mut bool, fate: Fate, rule: &str) {
    item.fate = fate;
    item.rule = Some(rule.to_string());
    *decided = true;
}

fn note_inference(inferred: &mut Inferred, rule: &Rule, captures: &regex::Captures) {
    let (Some(kind), Some(value)) = (rule.infer, captures.name("value")) else {
        return;
    };
    let value = value
        .as_str()
        .trim()
        .trim_end_matches(['.', ','])
        .to_string();
    let line = captures.get(0).map_or("", |m| m.as_str()).trim();
    let evidence = format!(
        "the line '{}' (rule {})",
        crate::text::truncate_words(line, 80),
        rule.name
    );
    match kind {
        Infer::Author if inferred.author.is_none() => {
            inferred.author = Some(Found { value, evidence })
        }
        Infer::Outlet if inferred.outlet.is_none() => {
            inferred.outlet = Some(Found { value, evidence })
        }
        Infer::Date if inferred.date.is_none() => {
            if let Some(date) = infer::parse_date(&value) {
                inferred.date = Some(Found {
                    value: date,
                    evidence,
                });
            }
        }
        _ => {}
    }
}

/// Among the first paragraphs, one whose opening is a later paragraph in full is
/// a summary written above the article: it becomes the deck, and nothing is lost.
fn mark_standfirst(
    judged: &mut [Judged],
    decided: &mut [bool],
    kept: &[bool],
    keys: &Keys,
    first_prose: usize,
) {
    let candidates: Vec<usize> = (first_prose..judged.len())
        .filter(|&i| !decided[i] && !kept[i])
        .take(3)
        .collect();
    let by_prefix: HashMap<&str, Vec<usize>> =
        candidates.iter().fold(HashMap::new(), |mut map, &i| {
            map.entry(prefix(keys.of(i, judged))).or_default().push(i);
            map
        });
    for later in first_prose..judged.len() {
        if decided[later]
            || judged[later].fate != Fate::Body
            || count_words(&judged[later].text) < 8
        {
            continue;
        }
        let key = keys.of(later, judged);
        let Some(earlier) = by_prefix.get(prefix(key)) else {
            continue;
        };
        for &i in earlier {
            let candidate = keys.of(i, judged);
            if i < later && !decided[i] && candidate.len() > key.len() && candidate.starts_with(key)
            {
                decide(&mut judged[i], &mut decided[i], Fate::Deck, "standfirst");
            }
        }
    }
}

/// Collapses exact and near-exact repeats (one is the other with its end cut off,
/// and keeps at least nine tenths of it), keeping the first. Candidates are found
/// by a shared opening, so an article costs time in proportion to its length.
fn remove_duplicates(judged: &mut [Judged], decided: &mut [bool], kept: &[bool], keys: &Keys) {
    let mut exact: HashSet<&str> = HashSet::new();
    let mut by_prefix: HashMap<&str, Vec<&str>> = HashMap::new();
    for i in 0..judged.len() {
        if !matches!(judged[i].fate, Fate::Body | Fate::Deck)
            || (decided[i] && judged[i].fate == Fate::Body)
        {
            continue;
        }
        let key = keys.of(i, judged);
        if key.is_empty() {
            continue;
        }
        let near = key.len() >= PREFIX
            && by_prefix.get(prefix(key)).is_some_and(|seen| {
                seen.iter().any(|other| {
                    let (short, long) = if other.len() < key.len() {
                        (*other, key)
                    } else {
                        (key, *other)
                    };
                    long.starts_with(short) && short.len() * 10 >= long.len() * 9
                })
            });
        if (!exact.insert(key) || near) && !kept[i] {
            decide(
                &mut judged[i],
                &mut decided[i],
                Fate::Removed,
                "duplicate-paragraph",
            );
        } else if key.len() >= PREFIX {
            by_prefix.entry(prefix(key)).or_default().push(key);
        }
    }
}

const PREFIX: usize = 32;

/// The first `PREFIX` characters of a key.
fn prefix(key: &str) -> &str {
    key.char_indices()
        .nth(PREFIX)
        .map_or(key, |(at, _)| &key[..at])
}

/// A paragraph of running text: long enough, and finished like a sentence.
pub fn is_prose(text: &str) -> bool {
    let words = count_words(text);
    words >= 25 || (words >= 8 && ends_like_a_sentence(text))
}

/// Which kind of heading a line between two paragraphs is, if it is one.
fn inner_heading(text: &str) -> Option<&'static str> {
    let text = text.trim();
    let words = count_words(text);
    let last = text.chars().last()?;
    let first = text.chars().next()?;
    let quoted = text.contains(['"', '“', '”', '«', '»']);
    if quoted || !first.is_uppercase() || matches!(last, '.' | '!' | ')' | ',' | ';' | '…') {
        return None;
    }
    if (4..=20).contains(&words) && crate::text::names::is_title_case(text) {
        return Some("teaser");
    }
    (words <= 12 && (last == '?' || last == ':' || last.is_alphanumeric())).then_some("subhead")
}

/// A first paragraph that reads as a headline although it ends like a sentence:
/// shorter than a lede, a single sentence, and not opening with a dateline.
fn looks_like_headline(text: &str) -> bool {
    let words = count_words(text);
    let opens_with_dateline = infer::dateline(text).is_some()
        || text.split_once(" — ").is_some_and(|(lead, _)| {
            lead.chars().any(char::is_alphabetic) && !lead.chars().any(char::is_lowercase)
        });
    words < 25 && !opens_with_dateline && crate::text::paragraph_sentences(text).len() == 1
}

/// Ends with a full stop, a question or an exclamation, perhaps inside closing
/// quotation marks or brackets (`… he said.”`, `(… in May.)`). A closing mark
/// alone is not an ending: a headline quoting someone (`Minister: “We will
/// sign”`), a share button's `(Opens in new window)`, a teaser's comment count
/// `(185)`.
fn ends_like_a_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '”', '’', '\'', '»', ')', ']'])
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | '。' | '؟' | '۔'))
}

fn is_short_label(text: &str) -> bool {
    count_words(text) <= 6 && !ends_like_a_sentence(text)
}

#[cfg(test)]
mod tests;
