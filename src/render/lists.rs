//! The index pages: sources, actors, notes, tags and the A–Z index, and the
//! search page that the A–Z index stands in for without a script.

use super::jobs::PageJob;
use super::pages::PageContext;
use super::svg;
use super::views::{ActorCard, ItemKind, LinkRef, NoteCard, SourceCard, Views};
use crate::analyse::CoMention;
use crate::model::{ActorKind, Section};
use crate::urls::{page_path, root_of};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

const ACTORS_INDEX: &str = "actors/index.html";

#[derive(Serialize, JsonSchema)]
pub(super) struct SourcesPage<'a> {
    sources: &'a [SourceCard<'a>],
}

#[derive(Serialize, JsonSchema)]
pub(super) struct ActorsPage<'a> {
    groups: Vec<KindGroup<'a>>,
    network_svg: String,
    pairs: Vec<NamedTogether<'a>>,
}

#[derive(Serialize, JsonSchema)]
pub(super) struct NotesPage<'a> {
    notes: &'a [NoteCard<'a>],
}

/// The search page's script reads the index; the page itself needs nothing.
#[derive(Serialize, JsonSchema)]
pub(super) struct SearchPage {}

#[derive(Serialize, JsonSchema)]
pub(super) struct AToZPage {
    letters: Vec<LetterGroup>,
}

#[derive(Serialize, JsonSchema)]
pub(super) struct TagsPage {
    tags: Vec<TagSummary>,
}

#[derive(Serialize, JsonSchema)]
pub(super) struct TagPage {
    tag: TagView,
}

/// The actors of one kind, by name.
#[derive(Serialize, JsonSchema)]
pub(super) struct KindGroup<'a> {
    kind: ActorKind,
    label: &'static str,
    actors: Vec<&'a ActorCard<'a>>,
}

/// Two actors named in the same paragraphs.
#[derive(Serialize, JsonSchema)]
struct NamedTogether<'a> {
    a: ActorName<'a>,
    b: ActorName<'a>,
    paragraphs: usize,
}

#[derive(Serialize, JsonSchema)]
struct ActorName<'a> {
    url: String,
    name: &'a str,
}

#[derive(Serialize, JsonSchema)]
struct LetterGroup {
    letter: String,
    entries: Vec<AzEntry>,
}

#[derive(Serialize, JsonSchema)]
struct AzEntry {
    label: String,
    url: String,
    kind: ItemKind,
    /// For another name of an actor: the actor's own name.
    see: Option<String>,
}

/// One tag's page: what carries the tag, by kind.
#[derive(Serialize, JsonSchema)]
struct TagView {
    name: String,
    count: usize,
    sources: Vec<LinkRef>,
    notes: Vec<LinkRef>,
    actors: Vec<LinkRef>,
}

/// A tag in the index of tags.
#[derive(Serialize, JsonSchema)]
struct TagSummary {
    url: String,
    name: String,
    count: usize,
}

impl Views<'_> {
    pub(super) fn sources_index(&self) -> PageJob<'_> {
        PageJob::new("sources/index.html", "Sources", || {
            PageContext::Sources(SourcesPage {
                sources: &self.sources,
            })
        })
    }

    pub(super) fn actors_index(&self) -> PageJob<'_> {
        PageJob::new(ACTORS_INDEX, "Actors", || {
            PageContext::Actors(ActorsPage {
                groups: self.actor_groups(),
                network_svg: self.network_svg(),
                pairs: self.named_together(),
            })
        })
    }

    pub(super) fn notes_index(&self) -> PageJob<'_> {
        PageJob::new("notes/index.html", "Notes", || {
            PageContext::Notes(NotesPage { notes: &self.notes })
        })
    }

    pub(super) fn search_page(&self) -> PageJob<'_> {
        PageJob::new("search.html", "Search", || {
            PageContext::Search(SearchPage {})
        })
    }

    pub(super) fn a_to_z_page(&self) -> PageJob<'_> {
        PageJob::new("a-z.html", "A–Z index", || {
            PageContext::AToZ(AToZPage {
                letters: self.a_to_z(),
            })
        })
    }

    /// A page per tag, then the index of tags.
    pub(super) fn tag_jobs(&self) -> Vec<PageJob<'_>> {
        let tags = self.tags();
        let summaries = tags
            .iter()
            .map(|(path, tag)| TagSummary {
                url: path.clone(),
                name: tag.name.clone(),
                count: tag.count,
            })
            .collect();
        let mut jobs: Vec<PageJob> = tags
            .into_iter()
            .map(|(path, tag)| {
                let title = format!("Tagged “{}”", tag.name);
                PageJob::new(path, title, || PageContext::Tag(TagPage { tag }))
            })
            .collect();
        jobs.push(PageJob::new("tags/index.html", "Tags", || {
            PageContext::Tags(TagsPage { tags: summaries })
        }));
        jobs
    }

    /// The co-mention network of every actor the sources name, grouped by kind
    /// around the circle; the page's table of pairs shows the same data.
    fn network_svg(&self) -> String {
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
        let title = "Actors named in the same paragraph";
        svg::network(title, &nodes, &edges, &root_of(ACTORS_INDEX))
    }

    /// Pairs of actors named in the same paragraph, most paragraphs first.
    fn named_together(&self) -> Vec<NamedTogether<'_>> {
        let mut pairs: Vec<&CoMention> = self.analysis.co_mentions.iter().collect();
        pairs.sort_by(|x, y| {
            y.paragraphs
                .cmp(&x.paragraphs)
                .then((&x.a, &x.b).cmp(&(&y.a, &y.b)))
        });
        let name = |slug: &str| {
            let actor = self.dossier.actor(slug)?;
            Some(ActorName {
                url: page_path(Section::Actors, &actor.slug),
                name: &actor.meta.name,
            })
        };
        pairs
            .into_iter()
            .filter_map(|m| {
                Some(NamedTogether {
                    a: name(&m.a)?,
                    b: name(&m.b)?,
                    paragraphs: m.paragraphs,
                })
            })
            .collect()
    }

    /// Every actor and alias, source, note and tag, grouped by first letter.
    fn a_to_z(&self) -> Vec<LetterGroup> {
        let mut entries: Vec<AzEntry> = Vec::new();
        for actor in &self.dossier.actors {
            let url = page_path(Section::Actors, &actor.slug);
            entries.push(AzEntry {
                label: actor.meta.name.clone(),
                url: url.clone(),
                kind: ItemKind::Actor,
                see: None,
            });
            for alias in &actor.meta.aliases {
                if alias != &actor.meta.name {
                    entries.push(AzEntry {
                        label: alias.clone(),
                        url: url.clone(),
                        kind: ItemKind::Actor,
                        see: Some(actor.meta.name.clone()),
                    });
                }
            }
        }
        for card in &self.sources {
            entries.push(AzEntry {
                label: card.headline.to_string(),
                url: card.url.clone(),
                kind: ItemKind::Source,
                see: None,
            });
        }
        for card in &self.notes {
            entries.push(AzEntry {
                label: card.title.to_string(),
                url: card.url.clone(),
                kind: ItemKind::Note,
                see: None,
            });
        }
        for (url, tag) in self.tags() {
            entries.push(AzEntry {
                label: tag.name,
                url,
                kind: ItemKind::Tag,
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

    /// Every tag, by the path of its page, with what carries it.
    fn tags(&self) -> BTreeMap<String, TagView> {
        let sources = self.dossier.sources.iter();
        let notes = self.dossier.notes.iter();
        let actors = self.dossier.actors.iter();
        let tagged = (sources.map(|s| (&s.meta.tags, Section::Sources, &s.slug, s.title())))
            .chain(notes.map(|n| (&n.meta.tags, Section::Notes, &n.slug, n.meta.title.as_str())))
            .chain(actors.map(|a| (&a.meta.tags, Section::Actors, &a.slug, a.meta.name.as_str())));
        let mut groups: BTreeMap<String, TagView> = BTreeMap::new();
        for (tags, section, slug, title) in tagged {
            // Two spellings of one tag ("Water", "water") list the item once.
            let mut paths = std::collections::HashSet::new();
            for tag in tags.iter().filter(|t| !t.trim().is_empty()) {
                let path = tag_path(tag);
                if !paths.insert(path.clone()) {
                    continue;
                }
                let view = groups.entry(path).or_insert_with(|| TagView {
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
                list.push(LinkRef::to(section, slug, title));
                view.count += 1;
            }
        }
        groups
    }

    /// The actors by kind, by name within a kind; kinds with no actor are left out.
    pub(super) fn actor_groups(&self) -> Vec<KindGroup<'_>> {
        ActorKind::ALL
            .iter()
            .map(|kind| {
                let mut actors: Vec<&ActorCard> =
                    self.actors.iter().filter(|a| a.kind == *kind).collect();
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
