//! The index pages: sources, actors, notes, tags and the A–Z index, and the
//! search page that the A–Z index stands in for without a script.

use super::jobs::PageJob;
use super::svg;
use super::views::{ActorCard, LinkRef, Views};
use crate::model::{ActorKind, Section};
use crate::urls::page_path;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Serialize)]
pub(super) struct LetterGroup {
    pub(super) letter: String,
    pub(super) entries: Vec<AzEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct AzEntry {
    pub(super) label: String,
    pub(super) url: String,
    pub(super) kind: &'static str,
    /// For another name of an actor: the actor's own name.
    pub(super) see: Option<String>,
}

/// One tag's page: what carries the tag, by kind.
#[derive(Debug, Clone, Serialize)]
pub(super) struct TagView {
    pub(super) name: String,
    pub(super) count: usize,
    pub(super) sources: Vec<LinkRef>,
    pub(super) notes: Vec<LinkRef>,
    pub(super) actors: Vec<LinkRef>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct KindGroup<'a> {
    pub(super) kind: ActorKind,
    pub(super) label: &'static str,
    pub(super) actors: Vec<ActorCard<'a>>,
}

impl<'a> Views<'a> {
    pub(super) fn sources_index(&self) -> PageJob<'_> {
        self.job(
            "sources/index.html",
            "sources.html",
            "Sources",
            "sources",
            |c| {
                c.insert("sources", &self.sources);
            },
        )
    }

    pub(super) fn actors_index(&self) -> PageJob<'_> {
        self.job(
            "actors/index.html",
            "actors.html",
            "Actors",
            "actors",
            |c| {
                c.insert("groups", &self.actor_groups());
                let (network_svg, pairs) = self.network();
                c.insert("network_svg", &network_svg);
                c.insert("pairs", &pairs);
            },
        )
    }

    pub(super) fn notes_index(&self) -> PageJob<'_> {
        self.job("notes/index.html", "notes.html", "Notes", "notes", |c| {
            c.insert("notes", &self.notes);
        })
    }

    pub(super) fn search_page(&self) -> PageJob<'_> {
        self.job("search.html", "search.html", "Search", "search", |_| {})
    }

    pub(super) fn a_to_z_page(&self) -> PageJob<'_> {
        let letters = self.a_to_z();
        self.job("a-z.html", "a-z.html", "A–Z index", "a-z", move |c| {
            c.insert("letters", &letters);
        })
    }

    /// A page per tag, then the index of tags.
    pub(super) fn tag_jobs(&self) -> Vec<PageJob<'_>> {
        let mut jobs = Vec::new();
        for (path, tag) in self.tags() {
            let title = format!("Tagged “{}”", tag.name);
            jobs.push(self.job(&path, "tag.html", &title, "tags", move |c| {
                c.insert("tag", &tag);
            }));
        }
        let tag_index: Vec<serde_json::Value> = self
            .tags()
            .into_iter()
            .map(|(path, tag)| serde_json::json!({ "url": path, "name": tag.name, "count": tag.count }))
            .collect();
        jobs.push(
            self.job("tags/index.html", "tags.html", "Tags", "tags", move |c| {
                c.insert("tags", &tag_index);
            }),
        );
        jobs
    }

    /// The co-mention network of every actor the sources name, grouped by kind
    /// around the circle, and the same data as table rows.
    fn network(&self) -> (String, Vec<serde_json::Value>) {
        let mut order: Vec<&ActorCard> =
            self.actors.iter().filter(|a| a.mention_count > 0).collect();
        order.sort_by(|a, b| (a.kind, a.name).cmp(&(b.kind, b.name)));
        let positions: HashMap<&str, usize> =
            order.iter().enumerate().map(|(i, a)| (a.slug, i)).collect();
        let position = |slug: &str| positions.get(slug).copied();
        let nodes: Vec<svg::Node> = order
            .iter()
            .map(|a| svg::Node {
                label: a.name,
                url: a.url.clone(),
                weight: a.mention_count,
                class: match a.kind {
                    ActorKind::Person => "person",
                    ActorKind::State => "state",
                    ActorKind::Organisation => "organisation",
                    ActorKind::Group => "group",
                },
            })
            .collect();
        let edges: Vec<(usize, usize, usize)> = self
            .analysis
            .co_mentions
            .iter()
            .filter_map(|m| Some((position(&m.a)?, position(&m.b)?, m.paragraphs)))
            .collect();
        let svg = svg::network("Actors named in the same paragraph", &nodes, &edges, "../");
        let mut pairs: Vec<&crate::analyse::CoMention> = self.analysis.co_mentions.iter().collect();
        pairs.sort_by(|x, y| {
            y.paragraphs
                .cmp(&x.paragraphs)
                .then((&x.a, &x.b).cmp(&(&y.a, &y.b)))
        });
        let rows = pairs
            .into_iter()
            .filter_map(|m| {
                let (a, b) = (self.dossier.actor(&m.a)?, self.dossier.actor(&m.b)?);
                Some(serde_json::json!({
                    "a": { "url": page_path(Section::Actors, &a.slug), "name": a.meta.name },
                    "b": { "url": page_path(Section::Actors, &b.slug), "name": b.meta.name },
                    "paragraphs": m.paragraphs,
                }))
            })
            .collect();
        (svg, rows)
    }

    /// Every actor and alias, source, note and tag, grouped by first letter.
    fn a_to_z(&self) -> Vec<LetterGroup> {
        let mut entries: Vec<AzEntry> = Vec::new();
        for actor in &self.dossier.actors {
            let url = page_path(Section::Actors, &actor.slug);
            entries.push(AzEntry {
                label: actor.meta.name.clone(),
                url: url.clone(),
                kind: "actor",
                see: None,
            });
            for alias in &actor.meta.aliases {
                if alias != &actor.meta.name {
                    entries.push(AzEntry {
                        label: alias.clone(),
                        url: url.clone(),
                        kind: "actor",
                        see: Some(actor.meta.name.clone()),
                    });
                }
            }
        }
        for card in &self.sources {
            entries.push(AzEntry {
                label: card.headline.to_string(),
                url: card.url.clone(),
                kind: "source",
                see: None,
            });
        }
        for card in &self.notes {
            entries.push(AzEntry {
                label: card.title.to_string(),
                url: card.url.clone(),
                kind: "note",
                see: None,
            });
        }
        for (url, tag) in self.tags() {
            entries.push(AzEntry {
                label: tag.name,
                url,
                kind: "tag",
                see: None,
            });
        }
        let key = |label: &str| -> String {
            label
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        entries.sort_by_cached_key(|e| (key(&e.label), e.label.clone(), e.url.clone()));
        let mut groups: Vec<LetterGroup> = Vec::new();
        for entry in entries {
            let letter = match entry.label.chars().find(|c| c.is_alphanumeric()) {
                Some(c) if c.is_alphabetic() => c.to_uppercase().collect(),
                _ => "#".to_string(),
            };
            match groups.last_mut() {
                Some(group) if group.letter == letter => group.entries.push(entry),
                _ => groups.push(LetterGroup {
                    letter,
                    entries: vec![entry],
                }),
            }
        }
        groups
    }

    fn tags(&self) -> BTreeMap<String, TagView> {
        let mut groups: BTreeMap<String, TagView> = BTreeMap::new();
        let mut add = |tag: &String, section: Section, link: LinkRef| {
            if tag.trim().is_empty() {
                return;
            }
            let view = groups.entry(tag_path(tag)).or_insert_with(|| TagView {
                name: tag.trim().to_string(),
                count: 0,
                sources: Vec::new(),
                notes: Vec::new(),
                actors: Vec::new(),
            });
            let list = match section {
                Section::Sources => &mut view.sources,
                Section::Notes => &mut view.notes,
                Section::Actors => &mut view.actors,
            };
            if !list.iter().any(|l| l.url == link.url) {
                list.push(link);
                view.count += 1;
            }
        };
        for source in &self.dossier.sources {
            for tag in &source.meta.tags {
                let url = page_path(Section::Sources, &source.slug);
                add(
                    tag,
                    Section::Sources,
                    LinkRef {
                        url,
                        title: source.headline.clone(),
                    },
                );
            }
        }
        for note in &self.dossier.notes {
            for tag in &note.meta.tags {
                let url = page_path(Section::Notes, &note.slug);
                add(
                    tag,
                    Section::Notes,
                    LinkRef {
                        url,
                        title: note.meta.title.clone(),
                    },
                );
            }
        }
        for actor in &self.dossier.actors {
            for tag in &actor.meta.tags {
                let url = page_path(Section::Actors, &actor.slug);
                add(
                    tag,
                    Section::Actors,
                    LinkRef {
                        url,
                        title: actor.meta.name.clone(),
                    },
                );
            }
        }
        groups
    }

    pub(super) fn actor_groups(&self) -> Vec<KindGroup<'a>> {
        ActorKind::ALL
            .iter()
            .map(|kind| {
                let mut actors: Vec<ActorCard> = self
                    .actors
                    .iter()
                    .filter(|a| a.kind == *kind)
                    .cloned()
                    .collect();
                actors.sort_by(|a, b| a.name.cmp(b.name));
                KindGroup {
                    kind: *kind,
                    label: kind.plural_label(),
                    actors,
                }
            })
            .filter(|g| !g.actors.is_empty())
            .collect()
    }
}

/// A tag's page. Tags differing only in case or accents share it; a tag the
/// ASCII slug cannot spell (Arabic, Hebrew…) gets the hash of its own text, so two
/// such tags never share a page, and no tag can take the tag index's place.
pub(super) fn tag_path(tag: &str) -> String {
    use std::hash::Hasher;
    let slug = crate::text::slugify(tag);
    let spelled = slug != "untitled" || tag.trim().eq_ignore_ascii_case("untitled");
    if spelled && slug != "index" {
        return format!("tags/{slug}.html");
    }
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(tag.trim().to_lowercase().as_bytes());
    format!("tags/{slug}-{:08x}.html", hasher.finish() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_in_any_script_get_pages_of_their_own() {
        assert_eq!(tag_path("Défense"), "tags/defense.html");
        assert_eq!(tag_path("defense"), tag_path("DÉFENSE"));
        let (arabic, hebrew) = (tag_path("الدفاع"), tag_path("ביטחון"));
        assert_ne!(arabic, hebrew);
        assert_ne!(arabic, tag_path("untitled"));
        assert_eq!(arabic, tag_path(" الدفاع "));
        assert_ne!(tag_path("index"), "tags/index.html");
    }
}
