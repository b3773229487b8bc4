//! Actor mentions: one Aho-Corasick automaton over every name and alias.

use crate::model::{ActorMeta, AliasRule, Document};
use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;

/// One automaton over every actor's name and aliases; the longest alias wins
/// ("Benny Gantz" over "Gantz"), and a match must be a whole word. Possessives
/// ("Gantz’s", "Israel's") match because the apostrophe ends the word.
pub struct MentionMatcher {
    automaton: AhoCorasick,
    /// For each pattern: its actor's index and the rule that limits it, if any.
    patterns: Vec<(usize, Option<AliasRule>)>,
}

impl MentionMatcher {
    pub fn new(actors: &[Document<ActorMeta>]) -> Option<MentionMatcher> {
        let mut texts = Vec::new();
        let mut patterns = Vec::new();
        for (index, actor) in actors.iter().enumerate() {
            for alias in std::iter::once(&actor.meta.name).chain(&actor.meta.aliases) {
                let alias = alias.trim();
                if alias.is_empty() {
                    continue;
                }
                let rule = actor
                    .meta
                    .alias_rules
                    .iter()
                    .find(|r| r.alias == alias)
                    .cloned();
                texts.push(alias.to_string());
                patterns.push((index, rule));
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&texts)
            .ok()?;
        Some(MentionMatcher {
            automaton,
            patterns,
        })
    }

    /// Actor index and byte range of each mention in `text`.
    pub fn find(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        self.automaton
            .find_iter(text)
            .filter(|m| is_word_boundary(text, m.start(), m.end()))
            .filter_map(|m| {
                let (actor, rule) = &self.patterns[m.pattern().as_usize()];
                match rule {
                    Some(rule) if excluded(rule, text, m.range()) => None,
                    _ => Some((*actor, m.range())),
                }
            })
            .collect()
    }
}

fn excluded(rule: &AliasRule, text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].trim_end().to_lowercase();
    let after = text[range.end..].trim_start().to_lowercase();
    rule.not_after.iter().any(|phrase| {
        let phrase = phrase.to_lowercase();
        before.ends_with(&phrase)
            && is_word_boundary(&before, before.len() - phrase.len(), before.len())
    }) || rule.not_before.iter().any(|phrase| {
        let phrase = phrase.to_lowercase();
        after.starts_with(&phrase) && is_word_boundary(&after, 0, phrase.len())
    })
}

pub fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, Origin};

    pub fn actor(
        slug: &str,
        name: &str,
        aliases: &[&str],
        rules: Vec<AliasRule>,
    ) -> Document<ActorMeta> {
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
                alias_rules: rules,
            },
            body: String::new(),
        }
    }

    fn found<'t>(matcher: &MentionMatcher, text: &'t str) -> Vec<(usize, &'t str)> {
        matcher
            .find(text)
            .into_iter()
            .map(|(a, r)| (a, &text[r]))
            .collect()
    }

    #[test]
    fn longest_alias_wins_words_must_be_whole_and_possessives_count() {
        let actors = [
            actor("gantz", "Benny Gantz", &["Gantz"], vec![]),
            actor(
                "israel",
                "Israel",
                &["Israeli", "Israelis", "the Hebrew state"],
                vec![],
            ),
        ];
        let matcher = MentionMatcher::new(&actors).unwrap();
        let text = "Benny Gantz met Israeli staff; Gantz’s aide and Israel's envoy. Israelis, Israelite, the Hebrew state.";
        assert_eq!(
            found(&matcher, text),
            [
                (0, "Benny Gantz"),
                (1, "Israeli"),
                (0, "Gantz"),
                (1, "Israel"),
                (1, "Israelis"),
                (1, "the Hebrew state")
            ]
        );
    }

    #[test]
    fn alias_rules_tell_a_capital_from_its_government() {
        let rule = AliasRule {
            alias: "Rabat".into(),
            not_after: vec!["in".into(), "visit to".into()],
            not_before: vec![],
        };
        let actors = [actor("morocco", "Morocco", &["Rabat"], vec![rule])];
        let matcher = MentionMatcher::new(&actors).unwrap();
        assert_eq!(
            found(&matcher, "Rabat had no immediate comment."),
            [(0, "Rabat")]
        );
        assert!(found(&matcher, "signed in Rabat on Wednesday").is_empty());
        assert!(found(&matcher, "on a visit to Rabat").is_empty());
    }

    #[test]
    fn aliases_in_any_script() {
        let actors = [actor("morocco", "Morocco", &["المغرب", "Maroc"], vec![])];
        let matcher = MentionMatcher::new(&actors).unwrap();
        assert_eq!(
            found(&matcher, "وقعت المغرب اتفاقية. Le Maroc signe."),
            [(0, "المغرب"), (0, "Maroc")]
        );
    }
}
