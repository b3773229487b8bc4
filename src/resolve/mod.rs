//! Stage 3: the link graph. Every reference between content files is checked here,
//! and every broken one is reported with the place to fix it.

pub mod citations;
pub mod discover;
pub mod lookups;
pub mod mentions;

use crate::error::{collect, Diagnostic, Result};
use crate::ingest::Source;
use crate::load::Content;
use crate::location::{find_value, line_col};
use crate::markdown::{citations, file_links, plain_text, wikilinks, CiteItem, FileLink, WikiLink};
use crate::model::{
    ActorMeta, ClaimSpec, Config, Document, Framing, NoteMeta, Origin, PartialDate,
};
use crate::model::{Section, TextFile};
use crate::text::truncate_words;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

pub type Actor = Document<ActorMeta>;
pub type Note = Document<NoteMeta>;

/// The whole dossier with every reference checked.
#[derive(Debug, Clone)]
pub struct Dossier {
    pub config: Config,
    pub sources: Vec<Source>,
    pub actors: Vec<Actor>,
    pub notes: Vec<Note>,
    pub events: Vec<Event>,
    pub links: Vec<Link>,
    pub index: BTreeMap<String, Target>,
    /// The comparison's lexicons, when the dossier has `framing.toml`.
    pub framing: Option<Framing>,
    /// Claims tracked across sources, each stance checked.
    pub claims: Vec<ClaimSpec>,
    /// Every citation, in the order each document makes them.
    pub citations: Vec<Cited>,
    /// What discovery found in the text: actors with no file (also in `actors`,
    /// after the hand-written ones), their evidence, and ambiguous spellings.
    pub discovery: crate::resolve::discover::Discovery,
    /// What points at each page: citations, events and backlinks by slug.
    pub lookups: lookups::Lookups,
    /// Every actor's names, compiled once discovery has run (empty before).
    pub mentions: mentions::MentionMatcher,
}

/// A checked citation: who cites which sentence of which source, and why.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Cited {
    /// Slug of the citing note, actor or source.
    pub from: String,
    pub source: String,
    /// The anchor as written: a paragraph, a sentence, or none for the whole source.
    pub anchor: Option<String>,
    /// The sentence quoted, by its anchor (`p-abc123-s2`); none when the whole
    /// source is cited.
    pub sentence_anchor: Option<String>,
    /// The quoted words: the cited sentence, or the headline for a whole source.
    pub quote: String,
    /// The citing sentence, as plain text.
    pub context: String,
}

/// Where a slug lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub section: Section,
    pub position: usize,
}

/// A timeline event, declared in a note.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Event {
    pub date: PartialDate,
    pub title: String,
    pub actors: Vec<String>,
    pub sources: Vec<Reference>,
    /// Slug of the note that declares it.
    pub note: String,
}

/// A checked pointer at a content file, optionally at one paragraph of a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Reference {
    pub slug: String,
    pub anchor: Option<String>,
}

/// One wiki-link, kept for backlinks.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Link {
    pub from: String,
    pub to: String,
    pub anchor: Option<String>,
    /// The sentence or line the link stands in, as plain text.
    pub context: String,
}

impl Dossier {
    pub fn source(&self, slug: &str) -> Option<&Source> {
        self.lookup(slug, Section::Sources)
            .map(|i| &self.sources[i])
    }

    pub fn actor(&self, slug: &str) -> Option<&Actor> {
        self.actor_position(slug).map(|i| &self.actors[i])
    }

    /// Where the actor `slug` stands in `actors`.
    pub fn actor_position(&self, slug: &str) -> Option<usize> {
        self.lookup(slug, Section::Actors)
    }

    pub fn note(&self, slug: &str) -> Option<&Note> {
        self.lookup(slug, Section::Notes).map(|i| &self.notes[i])
    }

    fn lookup(&self, slug: &str, section: Section) -> Option<usize> {
        self.index
            .get(slug)
            .filter(|t| t.section == section)
            .map(|t| t.position)
    }

    /// The display title of any content file.
    pub fn title_of(&self, slug: &str) -> Option<&str> {
        title_in(&self.index, &self.sources, &self.actors, &self.notes, slug)
    }
}

/// The display title of a content file, as a rendered link shows it.
fn title_in<'a>(
    index: &BTreeMap<String, Target>,
    sources: &'a [Source],
    actors: &'a [Actor],
    notes: &'a [Note],
    slug: &str,
) -> Option<&'a str> {
    let target = index.get(slug)?;
    Some(match target.section {
        Section::Sources => sources[target.position].title(),
        Section::Actors => &actors[target.position].meta.name,
        Section::Notes => &notes[target.position].meta.title,
    })
}

pub fn resolve(content: Content, sources: Vec<Source>) -> Result<Dossier> {
    let slugs = [
        (
            Section::Sources,
            sources.iter().map(|s| &s.slug).collect::<Vec<_>>(),
        ),
        (
            Section::Actors,
            content.actors.iter().map(|a| &a.slug).collect(),
        ),
        (
            Section::Notes,
            content.notes.iter().map(|n| &n.slug).collect(),
        ),
    ];
    let mut index = BTreeMap::new();
    for (section, list) in slugs {
        for (position, slug) in list.into_iter().enumerate() {
            index.insert(slug.clone(), Target { section, position });
        }
    }

    let checker = Checker {
        index: &index,
        sources: &sources,
        actors: &content.actors,
        notes: &content.notes,
    };
    let mut diagnostics = Vec::new();
    let mut found = Found::default();

    for source in &sources {
        if let Some(note) = &source.meta.note {
            // The note lives inside the front matter; locate each reference by its text there.
            let at = |range: std::ops::Range<usize>| {
                let (line, col) =
                    find_value(&source.origin.front_matter, &note[range]).unwrap_or((1, 1));
                (source.origin.front_matter_line + line - 1, col)
            };
            checker.references(
                &source.slug,
                &source.origin,
                note,
                at,
                &mut found,
                &mut diagnostics,
            );
        }
    }
    for doc in &content.actors {
        checker.body_links(
            &doc.slug,
            &doc.origin,
            &doc.body,
            &mut found,
            &mut diagnostics,
        );
        if let Some(affiliation) = &doc.meta.affiliation {
            checker.expect(
                Section::Actors,
                affiliation,
                None,
                &doc.origin,
                "affiliation",
                &mut diagnostics,
            );
        }
    }
    check_aliases(&content.actors, &mut diagnostics);

    let mut events = Vec::new();
    for doc in &content.notes {
        checker.body_links(
            &doc.slug,
            &doc.origin,
            &doc.body,
            &mut found,
            &mut diagnostics,
        );
        for event in &doc.meta.events {
            let Some(date) = PartialDate::parse(&event.date) else {
                diagnostics.push(
                    value_diagnostic(
                        &doc.origin,
                        &event.date,
                        format!("'{}' is not a date", event.date),
                    )
                    .with_hint("write date = \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\""),
                );
                continue;
            };
            for actor in &event.actors {
                checker.expect(
                    Section::Actors,
                    actor,
                    None,
                    &doc.origin,
                    "event actor",
                    &mut diagnostics,
                );
            }
            let mut references = Vec::new();
            for reference in &event.sources {
                let (slug, anchor) = match reference.split_once('#') {
                    Some((slug, anchor)) => (slug, Some(anchor)),
                    None => (reference.as_str(), None),
                };
                checker.expect(
                    Section::Sources,
                    slug,
                    anchor,
                    &doc.origin,
                    "event source",
                    &mut diagnostics,
                );
                references.push(Reference {
                    slug: slug.to_string(),
                    anchor: anchor.map(String::from),
                });
            }
            events.push(Event {
                date,
                title: event.title.clone(),
                actors: event.actors.clone(),
                sources: references,
                note: doc.slug.clone(),
            });
        }
    }

    if let Some(crate::load::ClaimsFile {
        file: TextFile { path, text },
        claims,
    }) = &content.claims
    {
        for claim in &claims.claim {
            for stance in &claim.stance {
                let origin = Origin {
                    path: path.clone(),
                    front_matter: text.clone(),
                    front_matter_line: 1,
                    body_line: 1,
                };
                let what = format!("claim '{}'", claim.id);
                checker.expect(
                    Section::Sources,
                    &stance.source,
                    stance.cite.as_deref(),
                    &origin,
                    &what,
                    &mut diagnostics,
                );
            }
        }
    }

    collect(diagnostics)?;
    events.sort_by(|a, b| (a.date, &a.title).cmp(&(b.date, &b.title)));
    let lookups = lookups::Lookups::new(&found.citations, &events, &found.links);
    Ok(Dossier {
        lookups,
        config: content.config,
        sources,
        actors: content.actors,
        notes: content.notes,
        events,
        links: found.links,
        citations: found.citations,
        discovery: Default::default(),
        mentions: mentions::MentionMatcher::empty(),
        index,
        framing: content.framing,
        claims: content
            .claims
            .map(|file| file.claims.claim)
            .unwrap_or_default(),
    })
}

struct Checker<'a> {
    index: &'a BTreeMap<String, Target>,
    sources: &'a [Source],
    actors: &'a [Actor],
    notes: &'a [Note],
}

impl Checker<'_> {
    fn title_of(&self, slug: &str) -> Option<String> {
        title_in(self.index, self.sources, self.actors, self.notes, slug).map(String::from)
    }

    fn body_links(
        &self,
        from: &str,
        origin: &Origin,
        body: &str,
        found: &mut Found,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let at = |range: std::ops::Range<usize>| {
            let (line, col) = line_col(body, range.start);
            (origin.body_line + line - 1, col)
        };
        self.references(from, origin, body, at, found, diagnostics);
    }

    /// Checks every wiki-link, citation and link to a content file in one text;
    /// `at` turns a byte range of the text into a line and column of the file.
    fn references(
        &self,
        from: &str,
        origin: &Origin,
        text: &str,
        at: impl Fn(std::ops::Range<usize>) -> (usize, usize),
        found: &mut Found,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let mut report = |range: std::ops::Range<usize>,
                          (message, hint): (String, Option<String>)| {
            let (line, col) = at(range);
            let mut d = Diagnostic::new(&origin.path, line, col, message);
            if let Some(hint) = hint {
                d = d.with_hint(hint);
            }
            diagnostics.push(d);
        };
        let mut blocks = Blocks::default();
        for link in wikilinks(text) {
            match self.problem(None, &link.target, link.anchor.as_deref()) {
                Some(problem) => report(link.range.clone(), problem),
                None => found
                    .links
                    .push(self.backlink(from, &link, text, &mut blocks)),
            }
        }
        for FileLink { link, folders } in file_links(text) {
            match self.file_problem(&link, &folders) {
                Some(problem) => report(link.range.clone(), problem),
                None => found
                    .links
                    .push(self.backlink(from, &link, text, &mut blocks)),
            }
        }
        for citation in citations(text) {
            for item in &citation.items {
                if item.malformed {
                    report(
                        item.range.clone(),
                        (
                            format!("'{}' is not a citation", &text[item.range.clone()]),
                            Some(
                                "write [@source-slug#p-anchor], and separate several with ';' \
                                 (a literal '[@' is written '\\[@')"
                                    .to_string(),
                            ),
                        ),
                    );
                    continue;
                }
                if let Some(problem) =
                    self.problem(Some(Section::Sources), &item.target, item.anchor.as_deref())
                {
                    report(item.range.clone(), problem);
                    continue;
                }
                let link = WikiLink {
                    range: citation.range.clone(),
                    target: item.target.clone(),
                    anchor: item.anchor.clone(),
                    label: None,
                };
                let backlink = self.backlink(from, &link, text, &mut blocks);
                found
                    .citations
                    .push(self.cited(from, item, backlink.context.clone()));
                found.links.push(backlink);
            }
        }
    }

    fn backlink(&self, from: &str, link: &WikiLink, text: &str, blocks: &mut Blocks) -> Link {
        Link {
            from: from.to_string(),
            to: link.target.clone(),
            anchor: link.anchor.clone(),
            context: context_of(text, link.range.clone(), blocks, |l| {
                self.title_of(&l.target)
            }),
        }
    }

    /// A link to a content file must name an existing file, in the folder it says.
    fn file_problem(
        &self,
        link: &WikiLink,
        folders: &[String],
    ) -> Option<(String, Option<String>)> {
        let problem = self.problem(None, &link.target, link.anchor.as_deref());
        if problem.is_some() {
            return problem;
        }
        let section = self.index.get(&link.target)?.section;
        let named = folders.iter().rev().find(|f| {
            [Section::Sources, Section::Actors, Section::Notes]
                .iter()
                .any(|s| s.folder() == f.as_str())
        });
        match named {
            Some(folder) if folder != section.folder() => Some((
                format!(
                    "'{}' is in {}/, not in {folder}/",
                    link.target,
                    section.folder()
                ),
                Some(format!("link to ../{}/{}", section.folder(), link.target)),
            )),
            _ => None,
        }
    }

    /// The sentence a citation quotes: the one it names, or the cited paragraph's
    /// sentence sharing most words with the citing sentence.
    fn cited(&self, from: &str, item: &CiteItem, context: String) -> Cited {
        let source = &self.sources[self.index[&item.target].position];
        let (sentence_anchor, quote) = match item.anchor.as_deref() {
            None => (None, source.title().to_string()),
            Some(anchor) if source.standing_line(anchor).is_some() => (
                Some(anchor.to_string()),
                source.standing_line(anchor).unwrap_or_default().to_string(),
            ),
            Some(anchor) => {
                let (paragraph, index) = locate(source, anchor).expect("checked before");
                let index = index.unwrap_or_else(|| closest_sentence(paragraph, &context));
                let quote = paragraph
                    .sentences
                    .get(index)
                    .map_or(paragraph.text.as_str(), |r| &paragraph.text[r.clone()]);
                (
                    Some(paragraph.sentence_anchor(index)),
                    quote.trim().to_string(),
                )
            }
        };
        Cited {
            from: from.to_string(),
            source: item.target.clone(),
            anchor: item.anchor.clone(),
            sentence_anchor,
            quote,
            context,
        }
    }

    fn expect(
        &self,
        section: Section,
        slug: &str,
        anchor: Option<&str>,
        origin: &Origin,
        what: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        if let Some((message, hint)) = self.problem(Some(section), slug, anchor) {
            // Point at the anchor when the slug is fine and the anchor is not.
            let culprit = match anchor {
                Some(anchor) if self.index.contains_key(slug) => anchor,
                _ => slug,
            };
            let mut d = value_diagnostic(origin, culprit, format!("{what}: {message}"));
            if let Some(hint) = hint {
                d = d.with_hint(hint);
            }
            diagnostics.push(d);
        }
    }

    /// What is wrong with a reference, if anything: a message and a hint.
    fn problem(
        &self,
        section: Option<Section>,
        slug: &str,
        anchor: Option<&str>,
    ) -> Option<(String, Option<String>)> {
        let wanted = section.map_or("content file", |s| match s {
            Section::Sources => "source",
            Section::Actors => "actor",
            Section::Notes => "note",
        });
        let Some(target) = self
            .index
            .get(slug)
            .filter(|t| section.is_none_or(|s| s == t.section))
        else {
            let candidates = self
                .index
                .iter()
                .filter(|(_, t)| section.is_none_or(|s| s == t.section))
                .map(|(slug, _)| slug.as_str());
            let hint = nearest(slug, candidates)
                .map(|names| format!("did you mean {names}?"))
                .or_else(|| {
                    Some(format!(
                        "no {wanted} has that slug; slugs are file names without extension"
                    ))
                });
            return Some((format!("no {wanted} named '{slug}'"), hint));
        };
        let anchor = anchor?;
        if target.section != Section::Sources {
            return Some((
                format!("'{slug}#{anchor}': only sources have paragraph anchors"),
                Some(format!("link to [[{slug}]] instead")),
            ));
        }
        let source = &self.sources[target.position];
        if source.standing_line(anchor).is_some() {
            return None;
        }
        if let Some((paragraph, sentence)) = locate(source, anchor) {
            return match sentence {
                Some(i) if i >= paragraph.sentences.len().max(1) => Some((
                    format!(
                        "paragraph '#{}' of '{slug}' has {} sentences, not {}",
                        paragraph.anchor,
                        paragraph.sentences.len().max(1),
                        i + 1
                    ),
                    Some(format!(
                        "sentences are anchored '{}-s1' to '{}-s{}'",
                        paragraph.anchor,
                        paragraph.anchor,
                        paragraph.sentences.len().max(1)
                    )),
                )),
                _ => None,
            };
        }
        let hint = nearest(anchor, source.paragraphs.iter().map(|p| p.anchor.as_str()))
            .map(|names| {
                format!("did you mean {names}? Each paragraph's anchor is shown on the source page")
            })
            .or_else(|| Some("each paragraph's anchor is shown on the source page".to_string()));
        Some((
            format!("source '{slug}' has no paragraph '#{anchor}'"),
            hint,
        ))
    }
}

/// Points at a front-matter value of a document.
fn value_diagnostic(origin: &Origin, value: &str, message: String) -> Diagnostic {
    let (line, col) = find_value(&origin.front_matter, value).unwrap_or((1, 1));
    Diagnostic::new(
        &origin.path,
        origin.front_matter_line + line - 1,
        col,
        message,
    )
}

/// Up to three known names close to a misspelt one, quoted and joined.
fn nearest<'a>(wrong: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut scored: Vec<(f64, &str)> = candidates
        .map(|c| (strsim::jaro_winkler(wrong, c), c))
        .filter(|(score, _)| *score >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let names: Vec<String> = scored
        .iter()
        .take(3)
        .map(|(_, c)| format!("'{c}'"))
        .collect();
    (!names.is_empty()).then(|| names.join(" or "))
}

/// What one text refers to, gathered while checking it.
#[derive(Default)]
struct Found {
    links: Vec<Link>,
    citations: Vec<Cited>,
}

/// The paragraph an anchor names, and the sentence when it names one (`p-abc-s2`).
fn locate<'s>(
    source: &'s Source,
    anchor: &str,
) -> Option<(&'s crate::ingest::Paragraph, Option<usize>)> {
    if let Some(p) = source.paragraphs.iter().find(|p| p.anchor == anchor) {
        return Some((p, None));
    }
    let (paragraph, number) = anchor.rsplit_once("-s")?;
    let number: usize = number.parse().ok().filter(|n| *n > 0)?;
    let p = source.paragraphs.iter().find(|p| p.anchor == paragraph)?;
    Some((p, Some(number - 1)))
}

/// Index of the paragraph's sentence with most words in common with `context`.
fn closest_sentence(paragraph: &crate::ingest::Paragraph, context: &str) -> usize {
    let words = |text: &str| -> std::collections::HashSet<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    let wanted = words(context);
    let mut best = (0, 0);
    for (i, range) in paragraph.sentences.iter().enumerate() {
        let shared = words(&paragraph.text[range.clone()])
            .intersection(&wanted)
            .count();
        if shared > best.1 {
            best = (i, shared);
        }
    }
    best.0
}

/// The sentence of Markdown a reference stands in, as plain text, trimmed to a
/// readable length.
fn context_of(
    text: &str,
    at: std::ops::Range<usize>,
    blocks: &mut Blocks,
    title_of: impl Fn(&WikiLink) -> Option<String>,
) -> String {
    let block = block_around(text, at.start);
    let offset = at.start - block.start;
    let sentences = blocks
        .sentences
        .entry(block.start)
        .or_insert_with(|| crate::text::paragraph_sentences(&text[block.clone()]));
    let sentence = sentences
        .iter()
        .find(|r| r.contains(&offset) || r.end == offset)
        .map_or(block.clone(), |r| {
            block.start + r.start..block.start + r.end
        });
    blocks
        .contexts
        .entry((sentence.start, sentence.end))
        .or_insert_with(|| {
            let plain = plain_text(&text[sentence], title_of);
            let plain = plain.trim_start_matches(['-', '*', '#', '>', ' ']);
            truncate_words(plain, 240)
        })
        .clone()
}

/// What one text's references stand in, worked out once: a note cites
/// sentence after sentence of one paragraph, often several sources at a time.
#[derive(Default)]
struct Blocks {
    /// The sentences of each block, by where the block starts.
    sentences: HashMap<usize, Vec<std::ops::Range<usize>>>,
    /// Each sentence's plain text, by its range.
    contexts: HashMap<(usize, usize), String>,
}

/// The Markdown block (paragraph, list item, heading) around a byte offset.
fn block_around(text: &str, at: usize) -> std::ops::Range<usize> {
    let starts_block = |line: &str| {
        let line = line.trim_start();
        line.starts_with(['#', '>', '-', '*', '+', '|'])
            || line
                .split_once(['.', ')'])
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    let mut start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    while start > 0 && !starts_block(&text[start..]) {
        let previous = text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        if text[previous..start].trim().is_empty() {
            break;
        }
        start = previous;
    }
    let mut end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    while end < text.len() {
        let next_end = text[end + 1..]
            .find('\n')
            .map_or(text.len(), |i| end + 1 + i);
        let next = &text[end + 1..next_end];
        if next.trim().is_empty() || starts_block(next) {
            break;
        }
        end = next_end;
    }
    start..end
}

/// One alias naming two actors would make every mention ambiguous.
fn check_aliases(actors: &[Actor], diagnostics: &mut Vec<Diagnostic>) {
    let mut owners: BTreeMap<String, &str> = BTreeMap::new();
    for actor in actors {
        let mut own = std::collections::BTreeSet::new();
        for alias in std::iter::once(&actor.meta.name).chain(&actor.meta.aliases) {
            let key = alias.trim().to_lowercase();
            if key.is_empty() || !own.insert(key.clone()) {
                continue;
            }
            match owners.get(&key) {
                Some(owner) if *owner != actor.slug => diagnostics.push(
                    value_diagnostic(&actor.origin, alias, format!("alias '{alias}' also names actor '{owner}'"))
                        .with_hint("an alias may belong to one actor only; remove it from one of the two files"),
                ),
                _ => {
                    owners.insert(key, &actor.slug);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_suggests_close_slugs_only() {
        let slugs = ["benny-gantz", "israel", "morocco"];
        assert_eq!(
            nearest("beny-gantz", slugs.into_iter()).as_deref(),
            Some("'benny-gantz'")
        );
        assert_eq!(nearest("zzz", slugs.into_iter()), None);
    }

    #[test]
    fn truncates_on_a_word() {
        assert_eq!(truncate_words("one two three", 8), "one two…");
        assert_eq!(truncate_words("short", 8), "short");
    }
}
