//! What pages are made of: the cards and views several pages share, computed
//! once per build, and the analysis's findings grouped by the page that shows them.

use super::compare::PageIndex;
use crate::analyse::quotes::{Speaker, StatementKind};
use crate::analyse::{Analysis, SourceStatement};
use crate::error::Result;
use crate::ingest::Source;
use crate::markdown::{self, LinkTarget, WikiLink};
use crate::model::{ActorKind, PartialDate, Section};
use crate::resolve::{Actor, Cited, Dossier, Event, Note, Reference};
use crate::text::Direction;
use crate::urls::page_path;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// A link to a page: where it is from the site root and what to call it.
#[derive(Serialize, JsonSchema)]
pub(super) struct LinkRef {
    pub(super) url: String,
    pub(super) title: String,
}

impl LinkRef {
    pub(super) fn to(section: Section, slug: &str, title: &str) -> LinkRef {
        LinkRef {
            url: page_path(section, slug),
            title: title.to_string(),
        }
    }
}

#[derive(Serialize, JsonSchema)]
pub(super) struct SourceCard<'a> {
    slug: &'a str,
    pub(super) url: String,
    pub(super) headline: &'a str,
    headline_inferred: bool,
    /// Neither the front matter nor the text gives a headline: `headline` is the slug.
    untitled: bool,
    /// None when neither the front matter nor the text says.
    outlet: Option<&'a str>,
    /// Set when the outlet was read from the text: how.
    outlet_inferred_from: Option<&'a str>,
    author: Option<&'a str>,
    author_inferred_from: Option<&'a str>,
    published: Option<String>,
    published_inferred_from: Option<&'a str>,
    dateline: Option<&'a str>,
    language_inferred: bool,
    published_label: String,
    kind: crate::model::SourceKind,
    language: &'a str,
    direction: Direction,
    word_count: usize,
    paragraph_count: usize,
    tags: Vec<LinkRef>,
}

#[derive(Serialize, JsonSchema)]
pub(super) struct ActorCard<'a> {
    pub(super) slug: &'a str,
    pub(super) url: String,
    pub(super) name: &'a str,
    pub(super) kind: ActorKind,
    role: Option<&'a str>,
    aliases: &'a [String],
    pub(super) mention_count: usize,
    source_count: usize,
    /// Found in the text by discovery, with no file of its own.
    discovered: bool,
}

#[derive(Serialize, JsonSchema)]
pub(super) struct NoteCard<'a> {
    slug: &'a str,
    pub(super) url: String,
    pub(super) title: &'a str,
    pub(super) summary: Option<&'a str>,
    tags: Vec<LinkRef>,
    event_count: usize,
}

/// Editorial Markdown rendered for a page.
pub(super) struct Prose {
    pub(super) html: String,
    pub(super) has_code: bool,
}

/// A numbered footnote: the sentence a document cites and where it stands.
#[derive(Serialize, JsonSchema)]
pub(super) struct CitationView {
    number: usize,
    /// The footnote's own id, `cite-N`.
    id: String,
    /// Ids of the markers in the text that point at it, to link back.
    markers: Vec<String>,
    quote: String,
    url: String,
    source: String,
    outlet: Option<String>,
    published: Option<String>,
    language: String,
    direction: Direction,
    /// True when the whole source is cited: the quote is its headline.
    whole_source: bool,
}

#[derive(Serialize, JsonSchema)]
pub(super) struct Backlink {
    url: String,
    title: String,
    kind: ItemKind,
    context: String,
}

#[derive(Serialize, JsonSchema)]
pub(super) struct EventView {
    date: String,
    date_label: String,
    pub(super) year: i32,
    pub(super) month: Option<&'static str>,
    title: String,
    kind: ItemKind,
    actors: Vec<LinkRef>,
    sources: Vec<LinkRef>,
    note: Option<LinkRef>,
}

/// A quote, paraphrase or scare quote, ready for a page.
#[derive(Serialize, JsonSchema)]
pub(super) struct StatementView<'a> {
    kind: StatementKind,
    text: &'a str,
    verb: Option<&'a str>,
    words: usize,
    continued: bool,
    /// The paragraph it stands in.
    url: String,
    source: &'a str,
    outlet: Option<&'a str>,
    language: &'a str,
    direction: Direction,
    /// Who speaks, as a reader should see it.
    speaker: String,
    /// The speaker's page, when the speaker is an actor.
    speaker_url: Option<String>,
}

/// Everything the templates see, computed once and shared by all pages.
pub(super) struct Views<'a> {
    pub(super) dossier: &'a Dossier,
    pub(super) analysis: &'a Analysis,
    /// The analysis's findings grouped once, so no page scans the whole corpus.
    pub(super) by: Grouped<'a>,
    backlinks: BTreeMap<&'a str, Vec<Backlink>>,
    pub(super) sources: Vec<SourceCard<'a>>,
    pub(super) actors: Vec<ActorCard<'a>>,
    pub(super) notes: Vec<NoteCard<'a>>,
    /// The notes the cards of `notes` are made from, in the same order.
    pub(super) note_order: Vec<&'a Note>,
    pub(super) timeline: Vec<EventView>,
    pub(super) feed_updated: String,
    /// What each comparison page shows, sorted by page.
    pub(super) compare_index: PageIndex,
    /// Set when any page has a highlighted code block: the site needs `syntax.css`.
    pub(super) has_code: std::sync::atomic::AtomicBool,
}

/// Findings grouped by the page that shows them. Lookups only: every list keeps
/// the analysis's order, so output stays deterministic.
#[derive(Default)]
pub(super) struct Grouped<'a> {
    pub(super) mentions_by_source: HashMap<&'a str, Vec<&'a crate::analyse::Mention>>,
    pub(super) mentions_by_actor: HashMap<&'a str, Vec<&'a crate::analyse::Mention>>,
    pub(super) statements_by_source: HashMap<&'a str, Vec<&'a SourceStatement>>,
    pub(super) statements_by_speaker: HashMap<&'a str, Vec<&'a SourceStatement>>,
    pub(super) co_mentions_by_actor: HashMap<&'a str, Vec<(&'a str, usize)>>,
    /// Notes whose text names an actor, by actor.
    pub(super) notes_by_actor: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Grouped<'a> {
    fn new(analysis: &'a Analysis) -> Self {
        let mut by = Grouped::default();
        for (note, actors) in &analysis.note_actors {
            for actor in actors {
                by.notes_by_actor.entry(actor).or_default().push(note);
            }
        }
        for mention in &analysis.mentions {
            by.mentions_by_source
                .entry(&mention.source)
                .or_default()
                .push(mention);
            by.mentions_by_actor
                .entry(&mention.actor)
                .or_default()
                .push(mention);
        }
        for found in &analysis.statements {
            by.statements_by_source
                .entry(&found.source)
                .or_default()
                .push(found);
            if let Speaker::Actor(slug) = &found.statement.speaker {
                by.statements_by_speaker
                    .entry(slug)
                    .or_default()
                    .push(found);
            }
        }
        for pair in &analysis.co_mentions {
            by.co_mentions_by_actor
                .entry(&pair.a)
                .or_default()
                .push((&pair.b, pair.paragraphs));
            by.co_mentions_by_actor
                .entry(&pair.b)
                .or_default()
                .push((&pair.a, pair.paragraphs));
        }
        by
    }
}

impl<'a> Views<'a> {
    pub(super) fn new(dossier: &'a Dossier, analysis: &'a Analysis) -> Result<Views<'a>> {
        let sources = dossier.sources.iter().map(source_card).collect();
        let actors = dossier
            .actors
            .iter()
            .map(|a| actor_card(a, analysis, dossier))
            .collect();
        let mut note_order: Vec<&Note> = dossier.notes.iter().collect();
        note_order
            .sort_by(|a, b| (a.meta.weight, &a.meta.title).cmp(&(b.meta.weight, &b.meta.title)));
        let notes = note_order.iter().map(|n| note_card(n)).collect();

        // Resolve kept one link per linking page and sentence, in order.
        let backlinks = dossier
            .lookups
            .backlinks
            .iter()
            .map(|(to, links)| {
                let list = links
                    .iter()
                    .map(|&i| &dossier.links[i])
                    .filter_map(|link| {
                        let target = dossier.index.get(&link.from)?;
                        Some(Backlink {
                            url: page_path(target.section, &link.from),
                            title: dossier.title_of(&link.from).unwrap_or_default().to_string(),
                            kind: section_kind(target.section),
                            context: link.context.clone(),
                        })
                    })
                    .collect();
                (to.as_str(), list)
            })
            .collect();

        let mut timeline: Vec<(PartialDate, EventView)> = dossier
            .events
            .iter()
            .map(|e| (e.date, event_view(dossier, e)))
            .collect();
        for source in &dossier.sources {
            if let Some(date) = source.published {
                timeline.push((date, publication_view(source, date)));
            }
        }
        timeline.sort_by(|a, b| (a.0, a.1.kind, &a.1.title).cmp(&(b.0, b.1.kind, &b.1.title)));
        // The feed's date is that of the newest dated item, never the build time:
        // a build today must not change the bytes of a site whose content did not change.
        let feed_updated = timeline
            .iter()
            .map(|(date, _)| *date)
            .max()
            .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |d| d.rfc3339());

        Ok(Views {
            has_code: std::sync::atomic::AtomicBool::new(false),
            compare_index: PageIndex::new(&dossier.sources, &analysis.comparison)?,
            dossier,
            analysis,
            by: Grouped::new(analysis),
            backlinks,
            sources,
            actors,
            notes,
            note_order,
            timeline: timeline.into_iter().map(|(_, v)| v).collect(),
            feed_updated,
        })
    }

    /// Renders a document's editorial Markdown for a page whose way back to the
    /// site root is `root`, with its citations numbered as footnotes.
    pub(super) fn markdown(
        &self,
        from: &str,
        text: &str,
        root: &str,
    ) -> (Prose, Vec<CitationView>) {
        let cited: Vec<&Cited> = self
            .dossier
            .lookups
            .citations_by_document
            .get(from)
            .into_iter()
            .flatten()
            .map(|&i| &self.dossier.citations[i])
            .collect();
        // Resolve recorded this document's citations in the order they are
        // written, which is the order `cite` is asked about them.
        let mut next = 0;
        let mut footnotes: Vec<&Cited> = Vec::new();
        let rendered = markdown::render_document(
            text,
            self.dossier.config.raw_html,
            |link| self.link_target(link, root),
            |item| {
                let found = cited[next.min(cited.len())..]
                    .iter()
                    .position(|c| c.source == item.target && c.anchor == item.anchor)?;
                let this = cited[next + found];
                next += found + 1;
                let number = match footnotes.iter().position(|f| {
                    f.source == this.source && f.sentence_anchor == this.sentence_anchor
                }) {
                    Some(i) => i + 1,
                    None => {
                        footnotes.push(this);
                        footnotes.len()
                    }
                };
                Some(number)
            },
        );
        let views = footnotes
            .iter()
            .enumerate()
            .map(|(i, cited)| self.citation_view(i + 1, cited, &rendered.citation_markers, root))
            .collect();
        if rendered.has_code {
            self.has_code
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        (
            Prose {
                html: rendered.html,
                has_code: rendered.has_code,
            },
            views,
        )
    }

    fn citation_view(
        &self,
        number: usize,
        cited: &Cited,
        markers: &[usize],
        root: &str,
    ) -> CitationView {
        let source = self.dossier.source(&cited.source);
        let url = format!(
            "{root}{}",
            source_url(&cited.source, cited.sentence_anchor.as_deref())
        );
        CitationView {
            number,
            id: format!("cite-{number}"),
            markers: (1..=markers.get(number - 1).copied().unwrap_or(0))
                .map(|k| format!("cite-ref-{number}-{k}"))
                .collect(),
            quote: cited.quote.clone(),
            url,
            source: source.map_or(cited.source.clone(), |s| s.title().to_string()),
            outlet: source.and_then(outlet_known).map(str::to_string),
            published: source.and_then(|s| s.published).map(|d| d.to_string()),
            language: source.map_or(String::new(), |s| s.language.clone()),
            direction: source.map_or(Direction::Ltr, |s| s.direction),
            whole_source: cited.sentence_anchor.is_none(),
        }
    }

    fn link_target(&self, link: &WikiLink, root: &str) -> Option<LinkTarget> {
        let target = self.dossier.index.get(&link.target)?;
        let mut url = format!("{root}{}", page_path(target.section, &link.target));
        if let Some(anchor) = &link.anchor {
            url.push('#');
            url.push_str(anchor);
        }
        Some(LinkTarget {
            url,
            title: self.dossier.title_of(&link.target)?.to_string(),
        })
    }

    pub(super) fn statement_view(&self, found: &'a SourceStatement) -> Option<StatementView<'a>> {
        let source = self.dossier.source(&found.source)?;
        let statement = &found.statement;
        let (speaker, speaker_url) = match &statement.speaker {
            Speaker::Actor(slug) => (
                self.dossier
                    .actor(slug)
                    .map_or(slug.clone(), |a| a.meta.name.clone()),
                Some(page_path(Section::Actors, slug)),
            ),
            Speaker::Anonymous(words) => (format!("unnamed ({words})"), None),
            Speaker::Unlisted(name) => (name.clone(), None),
            Speaker::Unattributed => ("unattributed".to_string(), None),
        };
        Some(StatementView {
            kind: statement.kind,
            text: &statement.text,
            verb: statement.verb.as_deref(),
            words: statement.words,
            continued: statement.continued,
            url: source_url(&source.slug, Some(&found.anchor)),
            source: source.title(),
            outlet: outlet_known(source),
            language: &source.language,
            direction: source.direction,
            speaker,
            speaker_url,
        })
    }

    pub(super) fn backlinks_of(&self, slug: &str) -> &[Backlink] {
        self.backlinks.get(slug).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The events a lookup of `Dossier::lookups` lists.
    pub(super) fn event_views(&self, events: Option<&Vec<usize>>) -> Vec<EventView> {
        events
            .into_iter()
            .flatten()
            .map(|&i| event_view(self.dossier, &self.dossier.events[i]))
            .collect()
    }
}

/// What an item in a list, a search result or a backlink is. The timeline sorts
/// an event before a publication of the same day, by this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(super) enum ItemKind {
    Source,
    Actor,
    Note,
    Tag,
    /// An event of the timeline.
    Event,
    /// A source's publication, on the timeline.
    Publication,
    /// A paragraph of a source, in search results.
    Paragraph,
}

fn section_kind(section: Section) -> ItemKind {
    match section {
        Section::Sources => ItemKind::Source,
        Section::Actors => ItemKind::Actor,
        Section::Notes => ItemKind::Note,
    }
}

fn source_card(source: &Source) -> SourceCard<'_> {
    SourceCard {
        slug: &source.slug,
        url: page_path(Section::Sources, &source.slug),
        headline: source.title(),
        headline_inferred: source.headline_inferred,
        untitled: source.headline.is_none(),
        outlet: outlet_known(source),
        outlet_inferred_from: source
            .outlet
            .as_ref()
            .and_then(|f| f.inferred_from.as_deref()),
        author: author_known(source),
        author_inferred_from: source
            .author
            .as_ref()
            .and_then(|f| f.inferred_from.as_deref()),
        published_inferred_from: source.published_evidence.as_deref(),
        dateline: source.dateline.as_deref(),
        language_inferred: source.language_inferred,
        published: source.published.map(|d| d.to_string()),
        published_label: source
            .published
            .map_or_else(|| "date unknown".to_string(), |d| d.human()),
        kind: source.kind,
        language: &source.language,
        direction: source.direction,
        word_count: source.word_count,
        paragraph_count: source.paragraphs.len(),
        tags: tag_links(&source.meta.tags),
    }
}

pub(super) fn tag_links(tags: &[String]) -> Vec<LinkRef> {
    tags.iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| LinkRef {
            url: super::lists::tag_path(t),
            title: t.trim().to_string(),
        })
        .collect()
}

fn actor_card<'a>(actor: &'a Actor, analysis: &Analysis, dossier: &Dossier) -> ActorCard<'a> {
    let coverage = analysis.actor_coverage.get(&actor.slug);
    ActorCard {
        slug: &actor.slug,
        url: page_path(Section::Actors, &actor.slug),
        name: &actor.meta.name,
        kind: actor.meta.kind,
        role: actor.meta.role.as_deref(),
        aliases: &actor.meta.aliases,
        mention_count: coverage.map_or(0, |c| c.iter().map(|s| s.count).sum()),
        source_count: coverage.map_or(0, |c| c.iter().filter(|s| s.count > 0).count()),
        discovered: dossier.discovery.actor(&actor.slug).is_some(),
    }
}

fn note_card(note: &Note) -> NoteCard<'_> {
    NoteCard {
        slug: &note.slug,
        url: page_path(Section::Notes, &note.slug),
        title: &note.meta.title,
        summary: note.meta.summary.as_deref(),
        tags: tag_links(&note.meta.tags),
        event_count: note.meta.events.len(),
    }
}

fn event_view(dossier: &Dossier, event: &Event) -> EventView {
    EventView {
        date: event.date.to_string(),
        date_label: event.date.human(),
        year: event.date.year,
        month: event.date.month_name(),
        title: event.title.clone(),
        kind: ItemKind::Event,
        actors: event
            .actors
            .iter()
            .filter_map(|slug| {
                Some(LinkRef::to(
                    Section::Actors,
                    slug,
                    &dossier.actor(slug)?.meta.name,
                ))
            })
            .collect(),
        sources: event
            .sources
            .iter()
            .filter_map(|r| reference_link(dossier, r))
            .collect(),
        note: dossier
            .note(&event.note)
            .map(|n| LinkRef::to(Section::Notes, &n.slug, &n.meta.title)),
    }
}

/// A source's publication, as an entry of the timeline.
fn publication_view(source: &Source, date: PartialDate) -> EventView {
    EventView {
        date: date.to_string(),
        date_label: date.human(),
        year: date.year,
        month: date.month_name(),
        title: format!("Published: {}", source.title()),
        kind: ItemKind::Publication,
        actors: Vec::new(),
        sources: vec![LinkRef {
            url: source_url(&source.slug, None),
            title: source_label(source, Naming::Full),
        }],
        note: None,
    }
}

fn reference_link(dossier: &Dossier, reference: &Reference) -> Option<LinkRef> {
    let source = dossier.source(&reference.slug)?;
    Some(LinkRef {
        url: source_url(&source.slug, reference.anchor.as_deref()),
        title: source_label(source, Naming::Full),
    })
}

/// The site path of a source's page, or of one of its anchors: a paragraph, a
/// sentence, the headline or a deck line.
pub(super) fn source_url(slug: &str, anchor: Option<&str>) -> String {
    let page = page_path(Section::Sources, slug);
    match anchor {
        Some(anchor) => format!("{page}#{anchor}"),
        None => page,
    }
}

/// How a label names a source that is not the page's subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Naming {
    /// A column header or a chart bar: the outlet, or the headline cut short.
    Short,
    /// A link in a list: the headline, and the outlet in brackets.
    Full,
}

/// The one rule for naming a source in a label: by its outlet when the outlet
/// is known, by its headline otherwise.
pub(super) fn source_label(source: &Source, naming: Naming) -> String {
    match (outlet_known(source), naming) {
        (Some(outlet), Naming::Short) => outlet.to_string(),
        (Some(outlet), Naming::Full) => format!("{} ({outlet})", source.title()),
        (None, Naming::Short) => crate::text::truncate_words(source.title(), 40),
        (None, Naming::Full) => source.title().to_string(),
    }
}

/// A source's outlet, when it is known.
pub(super) fn outlet_known(source: &Source) -> Option<&str> {
    source.outlet.as_ref().map(|f| f.value.as_str())
}

/// A source's author, when it is known.
pub(super) fn author_known(source: &Source) -> Option<&str> {
    source.author.as_ref().map(|f| f.value.as_str())
}
