//! Actor mentions: one Aho-Corasick automaton over every name and alias.

use super::discover::Ambiguity;
use super::Dossier;
use crate::error::{Error, Result};
use crate::model::{ActorKind, ActorMeta, AliasRule, Document};
use crate::text::names::{inside_longer_name, is_title_case};
use crate::text::phrases::{stands_whole, PhraseMatcher};
use crate::text::sentences::ends_abbreviated;
use aho_corasick::BuildError;
use std::collections::HashSet;
use std::ops::Range;

/// Actor mentions: a case-sensitive phrase matcher over every name and alias, with
/// each actor's alias rules applied. Possessives ("Gantz’s", "Israel's") match
/// because the apostrophe ends the word. A match inside a longer proper noun
/// ("Springfield" in "The Springfield Herald") is not a mention.
#[derive(Debug, Clone)]
pub struct MentionMatcher {
    phrases: PhraseMatcher,
    /// For each pattern: the rule that limits it, if any.
    rules: Vec<Option<AliasRule>>,
    /// For each pattern: whether it names a person.
    person: Vec<bool>,
    /// For each pattern: whether it names a state or an organisation, whose
    /// name right before a title and a name is part of that person's title
    /// ("the Ruritanian President Jane Doe", "Acme chief executive Jo Roe").
    qualifies_titles: Vec<bool>,
    /// Single-word names of states and groups, which may stand before a person's name.
    leads: HashSet<String>,
    /// For each pattern of a group that belongs to a person and is named by
    /// them in the possessive ("Doe's lawyers"): that person's index and the
    /// length of their name in it, so that the person is mentioned too.
    possessors: Vec<Option<(usize, usize)>>,
}

impl MentionMatcher {
    pub fn new(actors: &[Document<ActorMeta>]) -> Result<MentionMatcher, BuildError> {
        MentionMatcher::with_ambiguous(actors, &[])
    }

    /// Every name and alias of the dossier's actors, hand-written and discovered,
    /// and the spellings discovery could not settle (owners from `actors.len()`
    /// on, in `discovery.ambiguous` order). Built once, when discovery has run,
    /// for the citation rule and the analysis alike.
    pub fn for_dossier(dossier: &Dossier) -> Result<MentionMatcher> {
        let discovery = &dossier.discovery;
        let ambiguous = discovery
            .ambiguous
            .iter()
            .enumerate()
            .map(|(i, a)| (i, a.text.as_str(), a.reason == Ambiguity::SharedSurname));
        // A role noun's spellings all settle as the role does.
        let roles = discovery.roles.iter().enumerate().flat_map(|(i, r)| {
            r.spellings
                .iter()
                .map(move |s| (discovery.ambiguous.len() + i, s.as_str(), true))
        });
        let ambiguous: Vec<(usize, &str, bool)> = ambiguous.chain(roles).collect();
        MentionMatcher::with_ambiguous(&dossier.actors, &ambiguous).map_err(|source| {
            Error::Matcher {
                what: "the names and aliases of the actors",
                source,
            }
        })
    }

    /// A matcher that finds nothing: the dossier's before discovery has run.
    pub fn empty() -> MentionMatcher {
        MentionMatcher::new(&[]).expect("an automaton of no pattern builds")
    }

    /// Also matches spellings that name no one for sure (`ambiguous`, each
    /// with an index `i` and whether it is a person's): they are reported with
    /// owner `actors.len() + i`, so that the caller may settle or drop them,
    /// and they keep any shorter alias inside them from matching.
    pub fn with_ambiguous(
        actors: &[Document<ActorMeta>],
        ambiguous: &[(usize, &str, bool)],
    ) -> Result<MentionMatcher, BuildError> {
        let mut phrases = Vec::new();
        let mut rules = Vec::new();
        let mut person = Vec::new();
        let mut qualifies_titles = Vec::new();
        let mut leads = HashSet::new();
        let mut possessors = Vec::new();
        for (index, actor) in actors.iter().enumerate() {
            let is_person = actor.meta.kind == ActorKind::Person;
            let owner = actor
                .meta
                .affiliation
                .as_deref()
                .filter(|_| actor.meta.kind == ActorKind::Group)
                .and_then(|slug| actors.iter().position(|a| a.slug == slug))
                .filter(|&i| actors[i].meta.kind == ActorKind::Person);
            for alias in std::iter::once(&actor.meta.name).chain(&actor.meta.aliases) {
                let alias = alias.trim();
                // A `*` would make the alias a prefix pattern; names never need one.
                if alias.is_empty() || alias.ends_with('*') {
                    continue;
                }
                phrases.push((index, alias));
                possessors.push(owner.and_then(|o| possessor(&actors[o], alias).map(|n| (o, n))));
                person.push(is_person);
                qualifies_titles.push(matches!(
                    actor.meta.kind,
                    ActorKind::State | ActorKind::Organisation
                ));
                if !is_person && !alias.contains(' ') {
                    leads.insert(alias.to_string());
                }
                rules.push(
                    actor
                        .meta
                        .alias_rules
                        .iter()
                        .find(|r| r.alias == alias)
                        .cloned(),
                );
            }
        }
        for (i, text, is_person) in ambiguous {
            let text = text.trim();
            // Filtered as aliases are: the matcher drops such phrases, and the
            // `person` and `rules` lists must stay in step with the ones it keeps.
            if text.is_empty() || text.ends_with('*') {
                continue;
            }
            phrases.push((actors.len() + i, text));
            possessors.push(None);
            person.push(*is_person);
            qualifies_titles.push(false);
            rules.push(None);
        }
        Ok(MentionMatcher {
            phrases: PhraseMatcher::anchorable(phrases, false)?,
            rules,
            person,
            qualifies_titles,
            leads,
            possessors,
        })
    }

    /// Actor index and byte range of each mention in `text`.
    pub fn find(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        let cues = super::discover::cues();
        let title_case = is_title_case(text);
        self.full_names_after_articles(text, self.phrases.find(text), cues)
            .into_iter()
            .filter(|(_, pattern, range)| {
                !self.rules[*pattern]
                    .as_ref()
                    .is_some_and(|rule| excluded(rule, text, range.clone()))
            })
            .filter(|(_, pattern, range)| {
                let edges = super::discover::Edges {
                    cues,
                    person: self.person[*pattern],
                    leads: &self.leads,
                };
                !inside_longer_name(text, range.clone(), title_case, &edges)
            })
            .filter(|(_, _, range)| !modifies_next(text, range.end, cues))
            .filter(|(_, pattern, range)| {
                !(self.qualifies_titles[*pattern] && titles_a_name(text, range.end, cues))
            })
            .flat_map(|(actor, pattern, range)| {
                // "Doe's lawyers" mentions Doe as well as the lawyers.
                let owner = self.possessors[pattern]
                    .map(|(owner, length)| (owner, range.start..range.start + length));
                std::iter::once((actor, range)).chain(owner)
            })
            .collect()
    }
}

impl MentionMatcher {
    /// "The Department of Fisheries" is the department's full name after an
    /// article, not the role noun "the department" and then other words: where
    /// a match opens with a definite article and a phrase starting at its next
    /// word runs past its end, that phrase is the match.
    fn full_names_after_articles(
        &self,
        text: &str,
        found: Vec<(usize, usize, Range<usize>)>,
        cues: &super::discover::Cues,
    ) -> Vec<(usize, usize, Range<usize>)> {
        let mut kept: Vec<(usize, usize, Range<usize>)> = Vec::with_capacity(found.len());
        for found in found {
            if kept.last().is_some_and(|last| found.2.start < last.2.end) {
                continue;
            }
            let range = found.2.clone();
            let longer = text[range.clone()]
                .split_once(' ')
                .filter(|(article, _)| cues.is_definite_article(article))
                .and_then(|(article, _)| {
                    self.phrases
                        .longest_at(text, range.start + article.len() + 1)
                })
                .filter(|longer| longer.2.end > range.end);
            kept.push(longer.unwrap_or(found));
        }
        kept
    }
}

/// The length of `owner`'s name or alias that opens `alias` in the
/// possessive ("Doe" in "Doe's lawyers").
fn possessor(owner: &Document<ActorMeta>, alias: &str) -> Option<usize> {
    let (name, _) = alias.split_once(['\'', '’'])?;
    let names = std::iter::once(&owner.meta.name).chain(&owner.meta.aliases);
    names.into_iter().any(|n| n == name).then_some(name.len())
}

/// The name ending at `end` stands right before a lower-case noun that makes
/// it a modifier ("the Doe inquiry", "Ruritanian interference"): it names
/// that thing, not the actor. Only a plain space joins the two; a possessive
/// leaves the name a mention ("Doe's inquiry" is still Doe's).
fn modifies_next(text: &str, end: usize, cues: &super::discover::Cues) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    !word.is_empty() && cues.makes_a_modifier(word)
}

/// The name ending at `end` stands right before a title and a capitalised
/// name ("Ruritanian President Jane Doe", "Ruritanian Foreign Minister Jo
/// Roe", "Acme chief executive Jo Roe"): it qualifies that person's title, and
/// the whole is the person. (Before a role alone, "the Ruritanian ambassador",
/// it speaks for the state; a lower-case title is one only where a name
/// follows it, "the Acme director said" is the company's director.)
fn titles_a_name(text: &str, end: usize, cues: &super::discover::Cues) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let mut title = false;
    for word in rest.split(' ') {
        if cues.is_title_word(word) {
            title = true;
        } else if !cues.may_open_title(word) {
            return title && word.starts_with(char::is_uppercase) && !cues.is_calendar(word);
        }
        // A comma or a sentence's end after the title: the name, if one
        // follows, is in apposition to a role ("the Ruritanian ambassador,
        // Jo Roe"), or opens the next sentence.
        if word.ends_with(|c: char| c.is_ascii_punctuation()) && !ends_abbreviated(word) {
            return false;
        }
    }
    false
}

fn excluded(rule: &AliasRule, text: &str, range: Range<usize>) -> bool {
    // Only the words next to the alias matter: look at a short window, so a long
    // paragraph full of aliases costs time in proportion to its length.
    let start = text[..range.start]
        .char_indices()
        .rev()
        .nth(63)
        .map_or(0, |(i, _)| i);
    let end = text[range.end..]
        .char_indices()
        .nth(64)
        .map_or(text.len(), |(i, _)| range.end + i);
    let before = text[start..range.start].trim_end().to_lowercase();
    // "Moscow's": a possessive follows the alias with no space.
    let after = text[range.end..end].trim_start().to_lowercase();
    let ends_before = |phrase: &String| {
        let phrase = phrase.to_lowercase();
        before.ends_with(&phrase)
            && stands_whole(&before, before.len() - phrase.len(), before.len())
    };
    let starts_after = |phrase: &String| {
        let phrase = phrase.to_lowercase();
        after.starts_with(&phrase) && stands_whole(&after, 0, phrase.len())
    };
    let conditional = !rule.only_after.is_empty() || !rule.only_before.is_empty();
    rule.not_after.iter().any(ends_before)
        || rule.not_before.iter().any(starts_after)
        || (conditional
            && !rule.only_after.iter().any(ends_before)
            && !rule.only_before.iter().any(starts_after))
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
                titles: vec![],
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
            only_after: vec![],
            only_before: vec![],
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
    fn alias_rules_may_ask_for_a_word_beside_the_alias_and_punctuation_counts() {
        let rule = AliasRule {
            alias: "Rabat".into(),
            not_after: vec!["in".into()],
            not_before: vec!["(".into()],
            only_after: vec!["with".into()],
            only_before: vec!["said".into(), "'s".into()],
        };
        let actors = [actor("morocco", "Morocco", &["Rabat"], vec![rule])];
        let matcher = MentionMatcher::new(&actors).unwrap();
        let text = "Rabat said no. Talks with Rabat. Rabat's envoy. Rabat was sunny. \
                    Within Rabat said. Rabat (AP) said.";
        let found: Vec<usize> = matcher
            .find(text)
            .into_iter()
            .map(|(_, r)| r.start)
            .collect();
        let expected: Vec<usize> = ["Rabat said no", "Rabat. ", "Rabat's", "Rabat said."]
            .iter()
            .map(|p| text.find(p).unwrap())
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn phrases_match_case_insensitively_and_by_prefix() {
        let matcher =
            PhraseMatcher::new([(0, "normaliz*"), (1, "arms sales"), (2, "arms")], true).unwrap();
        let text = "Normalization led to Arms Sales and arms; abnormalize.";
        let found: Vec<(usize, &str)> = matcher
            .find(text)
            .into_iter()
            .map(|(o, _, r)| (o, &text[r]))
            .collect();
        assert_eq!(
            found,
            [(0, "Normalization"), (1, "Arms Sales"), (2, "arms")]
        );
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
