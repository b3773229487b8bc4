//! An actor's page.

use super::jobs::PageJob;
use super::pages::PageContext;
use super::svg;
use super::views::{
    outlet_known, source_label, source_url, tag_links, ActorCard, Backlink, CitationView,
    EventView, LinkRef, Naming, StatementView, Views,
};
use crate::analyse::quotes::StatementKind;
use crate::ingest::Source;
use crate::model::Section;
use crate::resolve::discover::{Ambiguity, Limit};
use crate::resolve::Actor;
use crate::text::Direction;
use crate::urls::{page_path, root_of};
use schemars::JsonSchema;
use serde::Serialize;

/// Bars in an actor's mention chart: the sources that name it most.
const CHART_BARS: usize = 20;

#[derive(Serialize, JsonSchema)]
pub(super) struct ActorPage<'a> {
    actor: &'a ActorCard<'a>,
    body_html: String,
    pub(super) has_code: bool,
    citations: Vec<CitationView>,
    tags: Vec<LinkRef>,
    affiliation: Option<LinkRef>,
    members: Vec<LinkRef>,
    coverage: Vec<SourceMentions<'a>>,
    coverage_svg: String,
    statements: Vec<StatementView<'a>>,
    co_mentioned: Vec<CoMentioned<'a>>,
    notes_naming: Vec<LinkRef>,
    appearances: Vec<Appearance<'a>>,
    events: Vec<EventView>,
    backlinks: &'a [Backlink],
    discovered: Option<DiscoveredView<'a>>,
}

/// How often one source names the actor.
#[derive(Serialize, JsonSchema)]
struct SourceMentions<'a> {
    url: String,
    title: &'a str,
    outlet: Option<&'a str>,
    count: usize,
}

/// A paragraph that names the actor.
#[derive(Serialize, JsonSchema)]
struct Appearance<'a> {
    url: String,
    source: &'a str,
    outlet: Option<&'a str>,
    text: &'a str,
    language: &'a str,
    direction: Direction,
}

/// Another actor named in the same paragraphs.
#[derive(Serialize, JsonSchema)]
struct CoMentioned<'a> {
    url: String,
    name: &'a str,
    paragraphs: usize,
}

/// How discovery found an actor that has no file.
#[derive(Serialize, JsonSchema)]
struct DiscoveredView<'a> {
    evidence: Vec<DiscoveryCue<'a>>,
    variants: &'a [String],
    /// For a state, its capital among the variants, linked only where it
    /// stands for the government.
    capital: Option<&'a str>,
    /// Spellings linked except after words that make them something else.
    limited: Vec<LimitedView<'a>>,
    ambiguous: Vec<UnlinkedSpelling<'a>>,
    first: Option<FirstNamed>,
}

#[derive(Serialize, JsonSchema)]
struct DiscoveryCue<'a> {
    cue: &'static str,
    words: &'a str,
    count: usize,
    url: String,
    source: &'a str,
}

/// A spelling not linked after certain words, with two of them as examples.
#[derive(Serialize, JsonSchema)]
struct LimitedView<'a> {
    text: &'a str,
    reason: &'static str,
    examples: Vec<String>,
}

/// A spelling that may name the actor but is not linked to it.
#[derive(Serialize, JsonSchema)]
struct UnlinkedSpelling<'a> {
    text: &'a str,
    reason: &'static str,
    others: Vec<&'a str>,
    settled: usize,
    by_prominence: usize,
}

/// The first sentence that names the actor.
#[derive(Serialize, JsonSchema)]
struct FirstNamed {
    url: String,
    source: String,
    text: String,
}

impl Views<'_> {
    pub(super) fn actor_jobs(&self) -> impl Iterator<Item = PageJob<'_>> {
        self.dossier
            .actors
            .iter()
            .zip(&self.actors)
            .map(|(actor, card)| {
                PageJob::new(&card.url, card.name, || self.actor_page(actor, card))
            })
    }

    fn actor_page<'v>(&'v self, actor: &'v Actor, card: &'v ActorCard<'v>) -> PageContext<'v> {
        let slug = actor.slug.as_str();
        let covered: Vec<(&Source, usize)> = self
            .analysis
            .actor_coverage
            .get(slug)
            .into_iter()
            .flatten()
            .filter_map(|sc| Some((self.dossier.source(&sc.source)?, sc.count)))
            .collect();
        let (body, citations) = self.markdown(slug, &actor.body, &root_of(&card.url));
        let link = |a: &Actor| LinkRef::to(Section::Actors, &a.slug, &a.meta.name);
        PageContext::Actor(ActorPage {
            actor: card,
            body_html: body.html,
            has_code: body.has_code,
            citations,
            tags: tag_links(&actor.meta.tags),
            affiliation: actor
                .meta
                .affiliation
                .as_deref()
                .and_then(|slug| self.dossier.actor(slug))
                .map(link),
            members: self
                .dossier
                .actors
                .iter()
                .filter(|a| a.meta.affiliation.as_deref() == Some(slug))
                .map(link)
                .collect(),
            coverage_svg: coverage_chart(card.name, &covered),
            coverage: covered
                .into_iter()
                .map(|(source, count)| SourceMentions {
                    url: source_url(&source.slug, None),
                    title: source.title(),
                    outlet: outlet_known(source),
                    count,
                })
                .collect(),
            statements: self
                .by
                .statements_by_speaker
                .get(slug)
                .into_iter()
                .flatten()
                .filter(|s| s.statement.kind != StatementKind::Scare)
                .filter_map(|s| self.statement_view(s))
                .collect(),
            co_mentioned: self.co_mentioned(slug),
            notes_naming: self
                .by
                .notes_by_actor
                .get(slug)
                .into_iter()
                .flatten()
                .filter_map(|slug| {
                    let note = self.dossier.note(slug)?;
                    Some(LinkRef::to(Section::Notes, slug, &note.meta.title))
                })
                .collect(),
            appearances: self.appearances(slug),
            events: self.event_views(self.dossier.lookups.events_by_actor.get(slug)),
            backlinks: self.backlinks_of(slug),
            discovered: self.discovered_view(slug),
        })
    }

    /// Each paragraph that names the actor, once, in source then paragraph order.
    fn appearances(&self, slug: &str) -> Vec<Appearance<'_>> {
        let mut seen = std::collections::HashSet::new();
        self.by
            .mentions_by_actor
            .get(slug)
            .into_iter()
            .flatten()
            .filter(|m| seen.insert((m.source.as_str(), m.anchor.as_str())))
            .filter_map(|m| {
                let source = self.dossier.source(&m.source)?;
                let paragraph = source.paragraphs.iter().find(|p| p.anchor == m.anchor)?;
                Some(Appearance {
                    url: source_url(&source.slug, Some(&m.anchor)),
                    source: source.title(),
                    outlet: outlet_known(source),
                    text: &paragraph.text,
                    language: &source.language,
                    direction: source.direction,
                })
            })
            .collect()
    }

    /// The actors named in the same paragraphs, most paragraphs first.
    fn co_mentioned(&self, slug: &str) -> Vec<CoMentioned<'_>> {
        let mut pairs: Vec<(usize, &str)> = self
            .by
            .co_mentions_by_actor
            .get(slug)
            .into_iter()
            .flatten()
            .map(|(other, paragraphs)| (*paragraphs, *other))
            .collect();
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        pairs
            .into_iter()
            .filter_map(|(paragraphs, slug)| {
                Some(CoMentioned {
                    url: page_path(Section::Actors, slug),
                    name: &self.dossier.actor(slug)?.meta.name,
                    paragraphs,
                })
            })
            .collect()
    }

    /// How discovery found an actor with no file: its cues, spellings, the
    /// spellings left unlinked and the first sentence that names it.
    fn discovered_view(&self, slug: &str) -> Option<DiscoveredView<'_>> {
        let found = self.dossier.discovery.actor(slug)?;
        Some(DiscoveredView {
            evidence: found
                .evidence
                .iter()
                .map(|e| DiscoveryCue {
                    cue: e.cue.label(),
                    words: &e.words,
                    count: e.count,
                    url: source_url(&e.source, None),
                    source: self.dossier.title_of(&e.source).unwrap_or(&e.source),
                })
                .collect(),
            variants: &found.variants,
            capital: found.capital.as_deref(),
            limited: found
                .limited
                .iter()
                .map(|l| LimitedView {
                    text: &l.text,
                    reason: match l.limit {
                        Limit::Modifier => "after an article qualifies the noun that follows",
                        Limit::Building => "after a word of place names the building",
                    },
                    examples: l
                        .not_after
                        .iter()
                        .take(2)
                        .map(|word| match l.limit {
                            // The noun it qualifies is any: "the Ruritania …".
                            Limit::Modifier => format!("{word} {} …", l.text),
                            Limit::Building => format!("{word} {}", l.text),
                        })
                        .collect(),
                })
                .collect(),
            ambiguous: self
                .dossier
                .discovery
                .ambiguous
                .iter()
                .filter(|a| a.candidates.iter().any(|c| c == slug))
                .map(|a| UnlinkedSpelling {
                    text: &a.text,
                    reason: match a.reason {
                        Ambiguity::SharedSurname => "a surname shared with",
                        Ambiguity::CapitalCity => "a capital: the city, or the government",
                    },
                    others: a
                        .candidates
                        .iter()
                        .filter(|c| *c != slug)
                        .filter_map(|c| self.dossier.title_of(c))
                        .collect(),
                    settled: a.settled_in.values().filter(|s| *s == slug).count(),
                    by_prominence: a
                        .settled_in
                        .iter()
                        .filter(|(source, s)| *s == slug && a.prominent_in.contains(*source))
                        .count(),
                })
                .collect(),
            first: crate::analyse::first_sentence(self.dossier, self.analysis, slug).map(
                |(source, anchor, text)| FirstNamed {
                    url: source_url(&source, Some(&anchor)),
                    source: self
                        .dossier
                        .title_of(&source)
                        .map(str::to_string)
                        .unwrap_or(source),
                    text,
                },
            ),
        })
    }
}

/// A bar chart of the sources that name the actor most; the page's table lists
/// them all.
fn coverage_chart(name: &str, covered: &[(&Source, usize)]) -> String {
    let mut charted: Vec<&(&Source, usize)> = covered.iter().collect();
    charted.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    charted.truncate(CHART_BARS);
    let labels: Vec<String> = charted
        .iter()
        .map(|(source, _)| source_label(source, Naming::Short))
        .collect();
    let bars: Vec<svg::Bar> = charted
        .iter()
        .zip(&labels)
        .map(|((_, count), label)| svg::Bar {
            label,
            value: *count,
        })
        .collect();
    svg::bar_chart(&format!("Mentions of {name} in each source"), &bars)
}
