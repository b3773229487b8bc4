//! An actor's page.

use super::jobs::Page;
use super::svg;
use super::views::{tag_links, ActorCard, LinkRef, StatementView, Views};
use crate::analyse::quotes::StatementKind;
use crate::model::Section;
use crate::resolve::Actor;
use crate::urls::page_path;

/// Bars in an actor's mention chart: the sources that name it most.
const CHART_BARS: usize = 20;

impl<'a> Views<'a> {
    pub(super) fn actor_page(&self, actor: &'a Actor, card: &ActorCard<'a>) -> Page {
        let coverage: Vec<serde_json::Value> = self
            .analysis
            .actor_coverage
            .get(&actor.slug)
            .into_iter()
            .flatten()
            .filter_map(|sc| {
                let source = self.dossier.source(&sc.source)?;
                Some(serde_json::json!({
                    "url": page_path(Section::Sources, &source.slug),
                    "title": source.headline,
                    "outlet": source.outlet.value,
                    "count": sc.count,
                }))
            })
            .collect();
        let appearances: Vec<serde_json::Value> = self
            .by
            .mentions_by_actor
            .get(actor.slug.as_str())
            .into_iter()
            .flatten()
            .map(|m| (m.source.as_str(), m.anchor.as_str()))
            .filter({
                let mut seen = std::collections::HashSet::new();
                move |key| seen.insert(*key)
            })
            .filter_map(|(slug, anchor)| {
                let source = self.dossier.source(slug)?;
                let paragraph = source.paragraphs.iter().find(|p| p.anchor == anchor)?;
                Some(serde_json::json!({
                    "url": format!("{}#{}", page_path(Section::Sources, slug), anchor),
                    "source": source.headline,
                    "outlet": source.outlet.value,
                    "text": paragraph.text,
                    "language": source.language,
                    "direction": source.direction,
                }))
            })
            .collect();
        let affiliation = actor
            .meta
            .affiliation
            .as_deref()
            .and_then(|slug| self.dossier.actor(slug))
            .map(|a| LinkRef {
                url: page_path(Section::Actors, &a.slug),
                title: a.meta.name.clone(),
            });
        let members: Vec<LinkRef> = self
            .dossier
            .actors
            .iter()
            .filter(|a| a.meta.affiliation.as_deref() == Some(actor.slug.as_str()))
            .map(|a| LinkRef {
                url: page_path(Section::Actors, &a.slug),
                title: a.meta.name.clone(),
            })
            .collect();
        let events = self.event_views(self.by.events_by_actor.get(actor.slug.as_str()));
        let (body, citations) = self.markdown(&actor.slug, &actor.body);
        let statements: Vec<StatementView> = self
            .by
            .statements_by_speaker
            .get(actor.slug.as_str())
            .into_iter()
            .flatten()
            .filter(|s| s.statement.kind != StatementKind::Scare)
            .filter_map(|s| self.statement_view(s))
            .collect();
        // The chart shows the sources that name the actor most; the table lists them all.
        let mut charted: Vec<&serde_json::Value> = coverage.iter().collect();
        charted.sort_by_key(|c| std::cmp::Reverse(c["count"].as_u64().unwrap_or(0)));
        charted.truncate(CHART_BARS);
        let bars: Vec<svg::Bar> = charted
            .iter()
            .map(|c| svg::Bar {
                label: c["outlet"]
                    .as_str()
                    .filter(|o| *o != "unknown")
                    .or_else(|| c["title"].as_str())
                    .unwrap_or(""),
                value: c["count"].as_u64().unwrap_or(0) as usize,
            })
            .collect();
        let coverage_svg =
            svg::bar_chart(&format!("Mentions of {} in each source", card.name), &bars);
        let mut co_mentioned: Vec<(usize, &str)> = self
            .by
            .co_mentions_by_actor
            .get(actor.slug.as_str())
            .into_iter()
            .flatten()
            .map(|(other, paragraphs)| (*paragraphs, *other))
            .collect();
        co_mentioned.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let co_mentioned: Vec<serde_json::Value> = co_mentioned
            .into_iter()
            .filter_map(|(paragraphs, slug)| {
                let other = self.dossier.actor(slug)?;
                Some(serde_json::json!({
                    "url": page_path(Section::Actors, slug),
                    "name": other.meta.name,
                    "paragraphs": paragraphs,
                }))
            })
            .collect();
        let notes_naming: Vec<LinkRef> = self
            .by
            .notes_by_actor
            .get(actor.slug.as_str())
            .into_iter()
            .flatten()
            .filter_map(|slug| {
                let note = self.dossier.note(slug)?;
                Some(LinkRef {
                    url: page_path(Section::Notes, slug),
                    title: note.meta.title.clone(),
                })
            })
            .collect();
        let tags = tag_links(&actor.meta.tags);
        let discovered = self.discovered_view(&actor.slug);
        self.page("actor.html", card.name, "actors", |c| {
            c.insert("discovered", &discovered);
            c.insert("tags", &tags);
            c.insert("statements", &statements);
            c.insert("coverage_svg", &coverage_svg);
            c.insert("co_mentioned", &co_mentioned);
            c.insert("notes_naming", &notes_naming);
            c.insert("actor", card);
            c.insert("body_html", &body.html);
            c.insert("has_code", &body.has_code);
            c.insert("citations", &citations);
            c.insert("affiliation", &affiliation);
            c.insert("members", &members);
            c.insert("coverage", &coverage);
            c.insert("appearances", &appearances);
            c.insert("events", &events);
            c.insert("backlinks", self.backlinks_of(&actor.slug));
        })
    }

    /// How discovery found an actor with no file: its cues, spellings, the
    /// spellings left unlinked and the first sentence that names it.
    fn discovered_view(&self, slug: &str) -> Option<serde_json::Value> {
        let found = self.dossier.discovery.actor(slug)?;
        let evidence: Vec<serde_json::Value> = found
            .evidence
            .iter()
            .map(|e| {
                serde_json::json!({
                    "cue": e.cue.label(),
                    "words": e.words,
                    "count": e.count,
                    "url": page_path(Section::Sources, &e.source),
                    "source": self.dossier.title_of(&e.source).unwrap_or(&e.source),
                })
            })
            .collect();
        let ambiguous: Vec<serde_json::Value> = self
            .dossier
            .discovery
            .ambiguous
            .iter()
            .filter(|a| a.candidates.iter().any(|c| c == slug))
            .map(|a| {
                let others: Vec<&str> = a
                    .candidates
                    .iter()
                    .filter(|c| *c != slug)
                    .filter_map(|c| self.dossier.title_of(c))
                    .collect();
                serde_json::json!({
                    "text": a.text,
                    "reason": match a.reason {
                        crate::resolve::discover::Ambiguity::SharedSurname => "a surname shared with",
                        crate::resolve::discover::Ambiguity::CapitalCity => "a capital: the city, or the government",
                    },
                    "others": others,
                    "settled": a.settled_in.values().filter(|s| *s == slug).count(),
                })
            })
            .collect();
        let first = crate::analyse::first_sentence(self.dossier, self.analysis, slug).map(
            |(source, anchor, text)| {
                serde_json::json!({
                    "url": format!("{}#{anchor}", page_path(Section::Sources, &source)),
                    "source": self.dossier.title_of(&source).unwrap_or(&source),
                    "text": text,
                })
            },
        );
        Some(serde_json::json!({
            "evidence": evidence,
            "variants": found.variants,
            "ambiguous": ambiguous,
            "first": first,
        }))
    }
}
