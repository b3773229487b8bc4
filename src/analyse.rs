//! Stage 4: pure functions over the whole corpus. Each text is scanned once.

use crate::resolve::{Actor, Dossier};
use aho_corasick::{AhoCorasick, MatchKind};
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;

/// What the analysis found, keyed by slugs so templates can look things up.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Analysis {
    /// Mentions of actors in source paragraphs, in source then paragraph order.
    pub mentions: Vec<Mention>,
    /// For each actor, how many times each source mentions it (sources in dossier order).
    pub actor_coverage: BTreeMap<String, Vec<SourceCount>>,
    /// For each source, the actors it mentions, most mentioned first.
    pub source_actors: BTreeMap<String, Vec<ActorCount>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    pub actor: String,
    pub source: String,
    pub anchor: String,
    /// Byte range in the paragraph text.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceCount {
    pub source: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorCount {
    pub actor: String,
    pub count: usize,
}

pub fn analyse(dossier: &Dossier) -> Analysis {
    let Some(matcher) = MentionMatcher::new(&dossier.actors) else {
        return Analysis::default();
    };
    let mut mentions = Vec::new();
    for source in &dossier.sources {
        for paragraph in &source.paragraphs {
            for (actor, range) in matcher.find(&paragraph.text) {
                mentions.push(Mention {
                    actor: dossier.actors[actor].slug.clone(),
                    source: source.slug.clone(),
                    anchor: paragraph.anchor.clone(),
                    range,
                });
            }
        }
    }

    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for mention in &mentions {
        *counts.entry((&mention.actor, &mention.source)).or_default() += 1;
    }
    let mut actor_coverage: BTreeMap<String, Vec<SourceCount>> = BTreeMap::new();
    let mut source_actors: BTreeMap<String, Vec<ActorCount>> = BTreeMap::new();
    for actor in &dossier.actors {
        let per_source = dossier
            .sources
            .iter()
            .map(|s| SourceCount {
                source: s.slug.clone(),
                count: counts
                    .get(&(actor.slug.as_str(), s.slug.as_str()))
                    .copied()
                    .unwrap_or(0),
            })
            .collect();
        actor_coverage.insert(actor.slug.clone(), per_source);
    }
    for ((actor, source), count) in &counts {
        source_actors
            .entry(source.to_string())
            .or_default()
            .push(ActorCount {
                actor: actor.to_string(),
                count: *count,
            });
    }
    for list in source_actors.values_mut() {
        list.sort_by(|a, b| b.count.cmp(&a.count).then(a.actor.cmp(&b.actor)));
    }
    Analysis {
        mentions,
        actor_coverage,
        source_actors,
    }
}

/// One automaton over every actor's name and aliases; the longest alias wins
/// ("Benny Gantz" over "Gantz").
pub struct MentionMatcher {
    automaton: AhoCorasick,
    /// For each pattern, the index of its actor.
    owners: Vec<usize>,
}

impl MentionMatcher {
    pub fn new(actors: &[Actor]) -> Option<MentionMatcher> {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (index, actor) in actors.iter().enumerate() {
            for alias in std::iter::once(&actor.meta.name).chain(&actor.meta.aliases) {
                let alias = alias.trim();
                if !alias.is_empty() {
                    patterns.push(alias.to_string());
                    owners.push(index);
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok()?;
        Some(MentionMatcher { automaton, owners })
    }

    /// Actor index and byte range of each whole-word mention in `text`.
    pub fn find(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        self.automaton
            .find_iter(text)
            .filter(|m| is_word_boundary(text, m.start(), m.end()))
            .map(|m| (self.owners[m.pattern().as_usize()], m.range()))
            .collect()
    }
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, ActorMeta, Document, Origin};

    fn actor(slug: &str, name: &str, aliases: &[&str]) -> Actor {
        Document {
            slug: slug.into(),
            origin: Origin {
                path: format!("{slug}.md").into(),
                front_matter: String::new(),
                front_matter_line: 2,
                body_line: 5,
            },
            meta: ActorMeta {
                name: name.into(),
                kind: ActorKind::Person,
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                role: None,
                affiliation: None,
                tags: vec![],
            },
            body: String::new(),
        }
    }

    #[test]
    fn longest_alias_wins_and_words_must_be_whole() {
        let actors = [
            actor("gantz", "Benny Gantz", &["Gantz"]),
            actor("israel", "Israel", &["Israeli"]),
        ];
        let matcher = MentionMatcher::new(&actors).unwrap();
        let text = "Benny Gantz met Israeli staff; Gantz’s aide. Israelis";
        let found: Vec<_> = matcher
            .find(text)
            .into_iter()
            .map(|(a, r)| (a, &text[r]))
            .collect();
        assert_eq!(found, [(0, "Benny Gantz"), (1, "Israeli"), (0, "Gantz")]);
    }
}
