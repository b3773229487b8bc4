//! Plain data types passed between the pipeline stages.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::PathBuf;

/// The three kinds of content file, each in its own folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Sources,
    Actors,
    Notes,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Sources, Section::Actors, Section::Notes];

    pub fn folder(self) -> &'static str {
        match self {
            Section::Sources => "sources",
            Section::Actors => "actors",
            Section::Notes => "notes",
        }
    }
}

/// A data file of the dossier as read, kept whole so that an error in it can be
/// located by line and column.
#[derive(Debug, Clone, Hash)]
pub struct TextFile {
    pub path: PathBuf,
    pub text: String,
}

/// `content/dossier.toml`.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: String,
    #[serde(default)]
    pub summary: String,
    /// Used only where an absolute URL is required: sitemap, feed, canonical link.
    #[serde(default = "default_base_url")]
    pub base_url: String,
    #[serde(default = "default_language")]
    pub language: String,
    /// A folder under `themes/` next to the content that overrides the default theme.
    #[serde(default)]
    pub theme: Option<String>,
    /// When true, every factual sentence of every note must cite a source
    /// (`[@source#p-anchor]`); a note may opt out in its front matter.
    #[serde(default)]
    pub require_citations: bool,
    /// What raw HTML in editorial Markdown becomes.
    #[serde(default)]
    pub raw_html: RawHtml,
}

/// Raw HTML in editorial Markdown: kept when safe (the default), shown as text,
/// or trusted as written.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Cleaned by ammonia: harmless tags stay, scripts, event handlers, remote
    /// resources and unsafe URLs go.
    #[default]
    Sanitise,
    /// Shown as text.
    Escape,
    /// Kept as written: only for a dossier whose editors all trust each other.
    Trust,
}

fn default_base_url() -> String {
    "https://example.invalid/".to_string()
}

fn default_language() -> String {
    "en".to_string()
}

/// Where a content item came from, for error messages and provenance.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Origin {
    /// The path as the user would type it (content folder joined with the relative path).
    pub path: PathBuf,
    /// The front matter text, kept so that errors about its values can be located.
    #[serde(skip)]
    pub front_matter: String,
    /// 1-based line of the first front-matter line in the file.
    pub front_matter_line: usize,
    /// 1-based line of the first body line in the file.
    pub body_line: usize,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    News,
    Wire,
    Analysis,
    Opinion,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    State,
    Organisation,
    Group,
}

impl ActorKind {
    pub const ALL: [ActorKind; 4] = [
        ActorKind::Person,
        ActorKind::State,
        ActorKind::Organisation,
        ActorKind::Group,
    ];

    pub fn plural_label(self) -> &'static str {
        match self {
            ActorKind::Person => "People",
            ActorKind::State => "States",
            ActorKind::Organisation => "Organisations",
            ActorKind::Group => "Groups and movements",
        }
    }
}

/// Front matter of a source article.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    /// The headline; inferred from the text when absent.
    pub title: Option<String>,
    // Files write "unknown" where the article does not say (`dossier new` and
    // `dossier import` do): read as no value.
    #[serde(default, deserialize_with = "known")]
    pub outlet: Option<String>,
    #[serde(default, deserialize_with = "known")]
    pub author: Option<String>,
    /// As written: a date, or none when the file says "unknown" or nothing.
    #[serde(default, deserialize_with = "known")]
    pub published: Option<String>,
    #[serde(default, deserialize_with = "known")]
    pub url: Option<String>,
    pub language: Option<String>,
    pub kind: Option<SourceKind>,
    /// The file the text was imported from.
    pub origin: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Editorial Markdown about the source and its metadata.
    pub note: Option<String>,
    /// Lines to keep although a furniture rule would remove them: the exact line,
    /// or a regular expression written `/…/`.
    #[serde(default)]
    pub keep: Vec<String>,
    /// Lines to remove although no rule does, written the same way.
    #[serde(default)]
    pub drop: Vec<String>,
    /// The deck (the standfirst under the headline), written like `keep`: the
    /// first line each entry matches is the deck whatever the rules say. When
    /// given, even empty, no other line is taken for the deck: an imported web
    /// page says what its deck is, or that it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deck: Option<Vec<String>>,
}

/// The word a front matter writes for a value the article does not give.
pub const UNKNOWN: &str = "unknown";

/// A front-matter value, or none when it is empty or says "unknown" (any case).
fn known<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let value: Option<String> = Option::deserialize(deserializer)?;
    Ok(value.filter(|v| !v.trim().is_empty() && !v.trim().eq_ignore_ascii_case(UNKNOWN)))
}

/// Front matter of an actor profile.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActorMeta {
    pub name: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub role: Option<String>,
    /// Slug of the actor this one belongs to.
    pub affiliation: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Roles the sources call this actor by instead of a name ("the president", "the
    /// prime minister"): "the president said" is then this actor speaking. A title
    /// two actors share names neither.
    #[serde(default)]
    pub titles: Vec<String>,
    /// When an alias names this actor only in some places ("Rabat" the government,
    /// not "in Rabat" the city).
    #[serde(default)]
    pub alias_rules: Vec<AliasRule>,
}

/// Where an alias does not mean the actor: after or before certain words,
/// or, where `only_after` or `only_before` are given, anywhere but beside them.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AliasRule {
    pub alias: String,
    /// Words or phrases that, just before the alias, make it not a mention ("in", "visit to").
    #[serde(default)]
    pub not_after: Vec<String>,
    /// Words or phrases that, just after the alias, make it not a mention.
    #[serde(default)]
    pub not_before: Vec<String>,
    /// Words or phrases of which one must stand just before the alias ("talks
    /// with") or, from `only_before`, just after it ("said") for it to be a
    /// mention. Both empty: no such condition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only_after: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only_before: Vec<String>,
}

/// Front matter of an editorial note.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteMeta {
    pub title: String,
    pub summary: Option<String>,
    /// Lower comes first in lists.
    #[serde(default = "default_weight")]
    pub weight: i64,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub events: Vec<EventMeta>,
    /// Overrides the dossier's `require_citations` for this note.
    #[serde(default)]
    pub require_citations: Option<bool>,
}

fn default_weight() -> i64 {
    100
}

/// A dated event declared in a note, shown on the timeline.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventMeta {
    pub date: String,
    pub title: String,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A content file after loading: typed front matter over its body.
#[derive(Debug, Clone)]
pub struct Document<M> {
    pub slug: String,
    pub origin: Origin,
    pub meta: M,
    pub body: String,
}

/// A calendar date that may be known only to the year or the month.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the calendar.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let mut parts = text.trim().split('-');
        let year_text = parts.next()?;
        if year_text.len() != 4 {
            return None;
        }
        let year: i32 = year_text.parse().ok()?;
        let month = match parts.next() {
            Some(m) if m.len() == 2 => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            Some(_) => return None,
            None => None,
        };
        let day = match parts.next() {
            Some(d) if d.len() == 2 => {
                let d: u8 = d.parse().ok()?;
                let max = days_in_month(year, month?);
                Some(Some(d).filter(|d| (1..=max).contains(d))?)
            }
            Some(_) => return None,
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate { year, month, day })
    }

    pub fn month_name(&self) -> Option<&'static str> {
        self.month.map(|m| MONTHS[usize::from(m) - 1])
    }

    /// "24 November 2021", "November 2021" or "2021".
    pub fn human(&self) -> String {
        match (self.day, self.month_name()) {
            (Some(day), Some(month)) => format!("{day} {month} {}", self.year),
            (None, Some(month)) => format!("{month} {}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// RFC 3339 timestamp at midnight UTC of the first day the date can mean.
    pub fn rfc3339(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T00:00:00Z",
            self.year,
            self.month.unwrap_or(1),
            self.day.unwrap_or(1)
        )
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_partial_dates_and_rejects_impossible_ones() {
        let d = PartialDate::parse("2021-11-24").unwrap();
        assert_eq!(d.human(), "24 November 2021");
        assert_eq!(
            PartialDate::parse("2023-01").unwrap().human(),
            "January 2023"
        );
        assert_eq!(PartialDate::parse("2020").unwrap().to_string(), "2020");
        assert!(PartialDate::parse("2021-02-29").is_none());
        assert!(PartialDate::parse("2020-02-29").is_some());
        assert!(PartialDate::parse("2021-13").is_none());
        assert!(PartialDate::parse("unknown").is_none());
        assert!(PartialDate::parse("21-11-24").is_none());
        assert!(PartialDate::parse("2021-11-24-1").is_none());
    }

    #[test]
    fn orders_year_before_month_before_day() {
        let year = PartialDate::parse("2021").unwrap();
        let month = PartialDate::parse("2021-11").unwrap();
        let day = PartialDate::parse("2021-11-24").unwrap();
        assert!(year < month && month < day);
    }
}

/// `content/framing.toml`: the lexicons the comparison counts with.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Framing {
    #[serde(default)]
    pub frame: Vec<FrameSpec>,
    #[serde(default)]
    pub loaded: Vec<LoadedSpec>,
    #[serde(default)]
    pub naming: Vec<NamingSpec>,
    #[serde(default)]
    pub topic: Vec<CueGroup>,
    /// Kinds of fact (a signing, an arrival, a count of people) that dates and
    /// numbers are assigned to when sources are checked for discrepancies.
    #[serde(default)]
    pub fact: Vec<CueGroup>,
}

/// A frame dimension and the cue phrases that signal it.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrameSpec {
    pub id: String,
    /// Optional where the entry adds cues to a built-in frame of the same id.
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub cues: Vec<String>,
    /// Take the built-in entry's place instead of adding to it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub replace: bool,
}

/// Loaded language of one kind: evaluative words, intensifiers, hedges, labels.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoadedSpec {
    pub category: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub terms: Vec<String>,
    /// Take the built-in entry's place instead of adding to it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub replace: bool,
}

/// The ways one referent can be named ("Israel", "the Jewish state", "Tel Aviv").
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NamingSpec {
    pub referent: String,
    #[serde(default)]
    pub label: String,
    pub variants: Vec<String>,
    /// Take the built-in entry's place instead of adding to it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub replace: bool,
}

/// A named group of cue phrases: a topic whose presence each source is checked
/// for, or a kind of fact that dates and numbers are assigned to.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CueGroup {
    pub id: String,
    #[serde(default)]
    pub label: String,
    pub cues: Vec<String>,
    /// Take the built-in entry's place instead of adding to it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub replace: bool,
}

impl Framing {
    /// A dossier's own lexicons laid over the built-in ones. An entry whose key is
    /// built in adds its phrases to the built-in entry (its label and description,
    /// when given, win), or with `replace` takes its place; any other entry comes
    /// after the built-in ones, in file order. A phrase the dossier lists leaves
    /// any other built-in entry that had it.
    pub fn laid_over(self, builtin: Framing) -> Framing {
        Framing {
            frame: lay_over(builtin.frame, self.frame),
            loaded: lay_over(builtin.loaded, self.loaded),
            naming: lay_over(builtin.naming, self.naming),
            topic: lay_over(builtin.topic, self.topic),
            fact: lay_over(builtin.fact, self.fact),
        }
    }
}

/// One row of a lexicon, as `Framing::laid_over` combines them.
trait LexiconEntry {
    fn key(&self) -> &str;
    fn replaces(&self) -> bool;
    fn phrases(&mut self) -> &mut Vec<String>;
    /// Its label, for the kinds of entry that have one apart from their key.
    fn label(&mut self) -> Option<&mut String>;
    /// Its label and description: the texts an entry adding to it may restate.
    fn texts(&mut self) -> Vec<&mut String>;
}

fn lay_over<T: LexiconEntry>(builtin: Vec<T>, mut own: Vec<T>) -> Vec<T> {
    // A phrase the dossier gives to one entry is that entry's alone: a phrase
    // matches for one owner only, and the dossier knows its story better.
    let mut claimed: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for entry in &mut own {
        let key = entry.key().to_string();
        for phrase in entry.phrases().iter() {
            claimed.insert(phrase.clone(), key.clone());
        }
    }
    let mut merged = builtin;
    for entry in &mut merged {
        let key = entry.key().to_string();
        entry
            .phrases()
            .retain(|p| claimed.get(p).is_none_or(|owner| *owner == key));
    }
    for mut entry in own {
        match merged.iter_mut().find(|b| b.key() == entry.key()) {
            Some(slot) if entry.replaces() => *slot = entry,
            Some(slot) => {
                for (mine, theirs) in slot.texts().into_iter().zip(entry.texts()) {
                    if !theirs.is_empty() {
                        *mine = std::mem::take(theirs);
                    }
                }
                let added: Vec<String> = std::mem::take(entry.phrases())
                    .into_iter()
                    .filter(|p| !slot.phrases().contains(p))
                    .collect();
                slot.phrases().extend(added);
            }
            None => merged.push(entry),
        }
    }
    for entry in &mut merged {
        let key = entry.key().to_string();
        if let Some(label) = entry.label().filter(|l| l.is_empty()) {
            *label = key;
        }
    }
    merged
}

impl LexiconEntry for FrameSpec {
    fn key(&self) -> &str {
        &self.id
    }
    fn replaces(&self) -> bool {
        self.replace
    }
    fn phrases(&mut self) -> &mut Vec<String> {
        &mut self.cues
    }
    fn label(&mut self) -> Option<&mut String> {
        Some(&mut self.label)
    }
    fn texts(&mut self) -> Vec<&mut String> {
        vec![&mut self.label, &mut self.description]
    }
}

impl LexiconEntry for LoadedSpec {
    fn key(&self) -> &str {
        &self.category
    }
    fn replaces(&self) -> bool {
        self.replace
    }
    fn phrases(&mut self) -> &mut Vec<String> {
        &mut self.terms
    }
    /// A category is its own label.
    fn label(&mut self) -> Option<&mut String> {
        None
    }
    fn texts(&mut self) -> Vec<&mut String> {
        vec![&mut self.description]
    }
}

impl LexiconEntry for NamingSpec {
    fn key(&self) -> &str {
        &self.referent
    }
    fn replaces(&self) -> bool {
        self.replace
    }
    fn phrases(&mut self) -> &mut Vec<String> {
        &mut self.variants
    }
    fn label(&mut self) -> Option<&mut String> {
        Some(&mut self.label)
    }
    fn texts(&mut self) -> Vec<&mut String> {
        vec![&mut self.label]
    }
}

impl LexiconEntry for CueGroup {
    fn key(&self) -> &str {
        &self.id
    }
    fn replaces(&self) -> bool {
        self.replace
    }
    fn phrases(&mut self) -> &mut Vec<String> {
        &mut self.cues
    }
    fn label(&mut self) -> Option<&mut String> {
        Some(&mut self.label)
    }
    fn texts(&mut self) -> Vec<&mut String> {
        vec![&mut self.label]
    }
}

/// `content/claims.toml`: claims the editors track across sources.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claims {
    #[serde(default)]
    pub claim: Vec<ClaimSpec>,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimSpec {
    pub id: String,
    pub title: String,
    pub question: Option<String>,
    /// Phrases that find sentences which may bear on the claim.
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub stance: Vec<StanceSpec>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Supports,
    Contradicts,
    Hedged,
    Silent,
}

/// One source's stance on a claim, as an editor read it.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StanceSpec {
    pub source: String,
    pub stance: Stance,
    /// The anchor of the paragraph that shows the stance.
    pub cite: Option<String>,
    pub note: Option<String>,
}
