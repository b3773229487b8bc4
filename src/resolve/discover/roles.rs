//! Role nouns: "the president" for the person the same article calls
//! "President Jane Doe". A discovered person holds the titles the text gives
//! them (before the name, or in a definite apposition: "Jane Doe, the special
//! envoy"); in each source the role noun names the one person that source
//! gives the title. Where a source gives it to two people, it names the one
//! that source names far more often than the other (see `prominence`: "the
//! president" of a story about one president that mentions his predecessor
//! once), and otherwise neither: the role is flagged, never guessed. A title a state qualifies
//! ("Ruritanian President Jane Doe") counts only where no one holds it plain,
//! so that "the president" in a story on two presidents is the one the
//! outlet writes without a country; a past title ("former President") is a
//! title of its own, "the former president", and never "the president".
//!
//! An organisation holds the head noun of its name as a title
//! (`organisation_heads`: "the committee" for the Water Committee) in every
//! source that names it, so that "the committee" is settled the same way.

use super::*;
use crate::text::words::capitalise;

/// A role noun and whom it names, source by source.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RoleNoun {
    /// The title, lower case but for an initialism or a state's demonym,
    /// without its article ("president", "attorney general", "former FBI
    /// director", "Ruritanian president").
    pub title: String,
    /// The spellings matched in the text ("the president", "The president").
    pub spellings: Vec<String>,
    /// The actors the text gives the title, by slug.
    pub holders: Vec<String>,
    /// Sources where one holder settles it. Elsewhere the role links to no one.
    pub settled_in: BTreeMap<String, String>,
    /// Of those, the sources that give the title to several people, where the
    /// one named at least `PROMINENCE` times as often as the others together
    /// was taken.
    pub prominent_in: BTreeSet<String>,
}

/// The role nouns of the discovered people, `kept` and `slugs` in step;
/// `languages` gives each source's language, which the role's article follows.
pub(super) fn role_nouns(
    kept: &[Found],
    slugs: &[String],
    languages: &HashMap<&str, &str>,
    cues: &Cues,
) -> Vec<RoleNoun> {
    // title → source → (plain holders, qualified holders)
    type Holders = (BTreeSet<usize>, BTreeSet<usize>);
    let mut by_title: BTreeMap<&str, BTreeMap<&str, Holders>> = BTreeMap::new();
    for (i, actor) in kept.iter().enumerate() {
        for (title, sources) in &actor.titles {
            for (source, qualified) in sources {
                let holders = by_title
                    .entry(title.as_str())
                    .or_default()
                    .entry(source.as_str())
                    .or_default();
                if *qualified {
                    holders.1.insert(i);
                } else {
                    holders.0.insert(i);
                }
            }
        }
    }
    let plain = by_title.into_iter().map(|(title, sources)| {
        let mut holders = BTreeSet::new();
        let mut settled_in = BTreeMap::new();
        let mut prominent_in = BTreeSet::new();
        let mut articles: BTreeSet<&str> = BTreeSet::new();
        for (source, (plain, qualified)) in sources {
            // An organisation's head noun keeps English's "the": where a name
            // puts its head noun first ("le Parti vert"), the role noun ("le
            // Parti") would take the start of the name from it.
            let people = plain
                .iter()
                .chain(&qualified)
                .any(|&i| kept[i].kind == ActorKind::Person);
            let language = if people {
                languages.get(source).copied().unwrap_or("")
            } else {
                "en"
            };
            articles.extend(cues.definite_articles(language).iter().map(String::as_str));
            holders.extend(plain.iter().chain(&qualified).copied());
            let named = if plain.is_empty() { qualified } else { plain };
            let weights: Vec<(usize, usize)> = named
                .into_iter()
                .map(|i| (i, kept[i].seen.get(source).copied().unwrap_or(1)))
                .collect();
            let corpus = |i: usize| kept[i].seen.values().sum();
            if let Some((one, by_prominence)) = prominence::in_article(&weights, corpus) {
                settled_in.insert(source.to_string(), slugs[one].clone());
                if by_prominence {
                    prominent_in.insert(source.to_string());
                }
            }
        }
        RoleNoun {
            title: title.to_string(),
            spellings: definite_spellings(title, &articles),
            holders: holders.into_iter().map(|i| slugs[i].clone()).collect(),
            settled_in,
            prominent_in,
        }
    });
    plain
        .chain(state_roles(kept, slugs, languages, cues))
        .collect()
}

/// "the Ruritanian president": a title that a state qualifies somewhere in
/// the corpus ("Ruritanian President Jane Doe", "President Jane Doe of
/// Ruritania") is a role noun of its own, written with the state's demonym or
/// initialism. It names that state's holder of the title, so the demonym
/// there is no mention of the state. One holder across the corpus settles it
/// in every source; several settle it by prominence, source by source.
/// English word order only: the gazetteer's demonyms are English.
fn state_roles(
    kept: &[Found],
    slugs: &[String],
    languages: &HashMap<&str, &str>,
    cues: &Cues,
) -> Vec<RoleNoun> {
    let mut by_state_title: BTreeMap<(usize, &str), BTreeSet<usize>> = BTreeMap::new();
    for (i, actor) in kept.iter().enumerate() {
        let Some(state) = actor.affiliation.as_deref().and_then(|s| cues.state_of(s)) else {
            continue;
        };
        for (title, sources) in &actor.titles {
            if sources.values().any(|&qualified| qualified) {
                by_state_title.entry((state, title)).or_default().insert(i);
            }
        }
    }
    let articles: BTreeSet<&str> = cues
        .definite_articles("en")
        .iter()
        .map(String::as_str)
        .collect();
    by_state_title
        .into_iter()
        .filter_map(|((state, title), holders)| {
            let entry = &cues.states[state];
            let forms: Vec<&String> = entry
                .demonyms
                .iter()
                .chain(entry.also.iter().filter(|a| is_acronym(a)))
                .collect();
            let first = forms.first()?;
            let (settled_in, prominent_in) = match holders.iter().collect::<Vec<_>>()[..] {
                [&one] => (
                    languages
                        .keys()
                        .map(|source| (source.to_string(), slugs[one].clone()))
                        .collect(),
                    BTreeSet::new(),
                ),
                _ => {
                    prominence::settle_by_source(holders.iter().map(|&i| (i, &kept[i].seen)), slugs)
                }
            };
            Some(RoleNoun {
                title: format!("{first} {title}"),
                spellings: forms
                    .iter()
                    .flat_map(|form| definite_spellings(&format!("{form} {title}"), &articles))
                    .collect(),
                holders: holders.into_iter().map(|i| slugs[i].clone()).collect(),
                settled_in,
                prominent_in,
            })
        })
        .collect()
}

/// "the president" and, at a sentence's start, "The president"; many
/// outlets capitalise the title itself ("the President"). Each with every
/// article of the languages that give the title ("le président", "l'envoyé").
/// `articles` is lower case.
fn definite_spellings(title: &str, articles: &BTreeSet<&str>) -> Vec<String> {
    let capitalised: Vec<String> = title.split(' ').map(capitalise).collect();
    let capitalised = capitalised.join(" ");
    let mut spellings = Vec::with_capacity(articles.len() * 4);
    // "l'ambassadeur" but "le maire": an elided article stands before a vowel
    // or an h only.
    let before_vowel = title
        .chars()
        .next()
        .is_some_and(|c| c.to_lowercase().any(|c| "aeiouyhàâéèêëîïôûü".contains(c)));
    for article in articles {
        let elided = article.ends_with(['\'', '’']);
        if elided && !before_vowel {
            continue;
        }
        let joint = if elided { "" } else { " " };
        for article in [article.to_string(), capitalise(article)] {
            for noun in [title, capitalised.as_str()] {
                spellings.push(format!("{article}{joint}{noun}"));
            }
        }
    }
    spellings
}
