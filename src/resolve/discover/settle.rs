//! Settling: the actors found meet the hand-written ones. Those no actor file
//! covers join the dossier; the others fold into theirs; what cannot be
//! settled is flagged.

use super::*;

/// Adds the discovered actors that no actor file covers to the dossier, folds
/// the others into theirs, and flags what cannot be settled. The `silent`
/// ones, which no text would mention, are left out.
pub(super) fn settle(
    dossier: &mut Dossier,
    found: Vec<Found>,
    silent: &HashSet<String>,
) -> Discovery {
    let cues = cues();
    let mut owners: HashMap<String, usize> = HashMap::new();
    for (i, actor) in dossier.actors.iter().enumerate() {
        for alias in std::iter::once(&actor.meta.name).chain(&actor.meta.aliases) {
            owners.insert(alias.trim().to_lowercase(), i);
        }
    }
    // "Press Office of the Ruritanian Ministry": when the tail after "of" is an
    // actor with a file, the discovered name stops before it, so the tail stays
    // that actor's mention.
    let found: Vec<Found> = found
        .into_iter()
        .map(|mut actor| {
            let cut = |name: &str| -> String {
                for joint in [" of the ", " of "] {
                    if let Some((head, tail)) = name.split_once(joint) {
                        if owners.contains_key(&tail.to_lowercase()) {
                            return head.to_string();
                        }
                    }
                }
                name.to_string()
            };
            actor.name = cut(&actor.name);
            actor.variants = actor.variants.iter().map(|v| cut(v)).collect();
            actor.variants.dedup();
            actor
        })
        .collect();
    let mut discovery = Discovery::default();
    let outlets: HashSet<String> = dossier
        .sources
        .iter()
        .filter_map(|s| s.outlet.as_ref())
        .map(|o| outlet_key(&o.value))
        .collect();
    let (outlets_found, found): (Vec<Found>, Vec<Found>) = found
        .into_iter()
        .partition(|a| a.kind == ActorKind::Organisation && outlets.contains(&outlet_key(&a.name)));
    discovery.outlets = outlets_found.into_iter().map(|a| a.name).collect();
    let mut new_variants: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    let mut kept = Vec::new();
    for actor in found {
        let owner = actor
            .variants
            .iter()
            .chain(std::iter::once(&actor.name))
            .find_map(|v| owners.get(&v.to_lowercase()).copied());
        match owner {
            Some(owner) => {
                let fresh = new_variants.entry(owner).or_default();
                for v in actor.variants.iter().chain(std::iter::once(&actor.name)) {
                    if !owners.contains_key(&v.to_lowercase()) {
                        fresh.insert(v.clone());
                    }
                }
            }
            None if silent.contains(&actor.name) => {}
            None => kept.push(actor),
        }
    }
    discovery.new_variants = new_variants
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(i, variants)| NewVariants {
            actor: dossier.actors[i].slug.clone(),
            variants: variants.into_iter().collect(),
        })
        .collect();

    // Slugs: from the full name, never one another file has.
    let mut slugs: Vec<String> = Vec::with_capacity(kept.len());
    let mut taken: HashSet<String> = HashSet::with_capacity(kept.len());
    for actor in &kept {
        // "J.C.P.O.A." makes "jcpoa", as "JCPOA" does, not "j-c-p-o-a"; and
        // "Jo Doe's lawyers" makes "jo-doe-lawyers".
        let undotted: Vec<String> = actor
            .name
            .split(' ')
            .map(|word| {
                if is_acronym(word) {
                    initialism_letters(word)
                } else {
                    strip_possessive(word).to_string()
                }
            })
            .collect();
        let base = slugify(&undotted.join(" "));
        let mut slug = base.clone();
        let mut n = 2;
        while dossier.index.contains_key(&slug) || taken.contains(&slug) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(slug.clone());
        slugs.push(slug);
    }
    let slug_of_name: HashMap<String, String> = kept
        .iter()
        .zip(&slugs)
        .map(|(a, s)| (a.name.clone(), s.clone()))
        .collect();

    // A surname two people share links to neither, except in a source that
    // names only one of them, or one far more often than the others.
    let mut sharing: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, actor) in kept.iter().enumerate() {
        if let Some(surname) = &actor.surname {
            sharing.entry(surname.as_str()).or_default().push(i);
        }
    }
    let mut ambiguous_text: HashMap<usize, Vec<String>> = HashMap::new();
    let mut claimed: HashMap<String, usize> = HashMap::new();
    for (surname, people) in &sharing {
        if people.len() < 2 {
            continue;
        }
        let (settled_in, prominent_in) =
            prominence::settle_by_source(people.iter().map(|&p| (p, &kept[p].seen)), &slugs);
        for &p in people {
            ambiguous_text
                .entry(p)
                .or_default()
                .push(surname.to_string());
        }
        discovery.ambiguous.push(AmbiguousVariant {
            text: surname.to_string(),
            reason: Ambiguity::SharedSurname,
            candidates: people.iter().map(|&p| slugs[p].clone()).collect(),
            settled_in,
            prominent_in,
        });
    }
    // A capital that is also a word of a person's name ("Victoria") may be either.
    let name_words: HashSet<&str> = kept
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .flat_map(|a| a.name.split(' '))
        .collect();
    for (i, actor) in kept.iter().enumerate() {
        if let Some(capital) = &actor.capital {
            if owners.contains_key(&capital.to_lowercase()) {
                continue;
            }
            if !name_words.contains(capital.as_str()) {
                continue;
            }
            ambiguous_text.entry(i).or_default().push(capital.clone());
            discovery.ambiguous.push(AmbiguousVariant {
                text: capital.clone(),
                reason: Ambiguity::CapitalCity,
                candidates: vec![slugs[i].clone()],
                settled_in: BTreeMap::new(),
                prominent_in: BTreeSet::new(),
            });
        }
    }

    let languages: HashMap<&str, &str> = dossier
        .sources
        .iter()
        .map(|s| (s.slug.as_str(), s.language.as_str()))
        .collect();
    discovery.roles = roles::role_nouns(&kept, &slugs, &languages, cues);
    let first_new = dossier.actors.len();
    for (i, (actor, slug)) in kept.into_iter().zip(slugs).enumerate() {
        let ambiguous = ambiguous_text.remove(&i).unwrap_or_default();
        // Each spelling links to one actor: the first to claim it, unless it is
        // ambiguous or a file's actor has it.
        // "Moscow said", "talks with Moscow": the capital stands for its state
        // where a word beside it says so, and never where one makes it the place.
        let capital = actor
            .capital
            .as_ref()
            .filter(|c| !ambiguous.contains(c) && !owners.contains_key(&c.to_lowercase()))
            .filter(|c| !claimed.contains_key(c.as_str()));
        let variants: Vec<String> = actor
            .variants
            .into_iter()
            .chain(capital.cloned())
            .filter(|v| !ambiguous.contains(v))
            .filter(|v| !owners.contains_key(&v.to_lowercase()))
            .filter(|v| claimed.insert(v.clone(), i).is_none())
            .collect();
        let limited = limited_spellings(actor.kind, &variants, capital, cues);
        let alias_rules: Vec<AliasRule> = capital
            .filter(|c| variants.contains(c))
            .map(|c| AliasRule {
                alias: c.clone(),
                not_after: cues.capital_place_before.clone(),
                not_before: cues.capital_place_after.clone(),
                only_after: cues.capital_government_before.clone(),
                only_before: cues.capital_government_after.clone(),
            })
            .into_iter()
            .chain(limited.iter().map(|spelling| AliasRule {
                alias: spelling.text.clone(),
                not_after: spelling.not_after.clone(),
                not_before: Vec::new(),
                only_after: Vec::new(),
                only_before: Vec::new(),
            }))
            .collect();
        let affiliation = actor.affiliation.as_deref().and_then(|name| {
            slug_of_name.get(name).cloned().or_else(|| {
                let owner = owners.get(&name.to_lowercase())?;
                Some(dossier.actors[*owner].slug.clone())
            })
        });
        dossier.index.insert(
            slug.clone(),
            Target {
                section: Section::Actors,
                position: first_new + discovery.actors.len(),
            },
        );
        dossier.actors.push(Actor {
            slug: slug.clone(),
            origin: Origin {
                path: std::path::PathBuf::from(format!("(found in the text: {slug})")),
                front_matter: String::new(),
                front_matter_line: 1,
                body_line: 1,
            },
            meta: ActorMeta {
                name: actor.name.clone(),
                kind: actor.kind,
                aliases: variants
                    .iter()
                    .filter(|v| **v != actor.name)
                    .cloned()
                    .collect(),
                role: None,
                titles: Vec::new(),
                affiliation,
                tags: Vec::new(),
                alias_rules,
            },
            body: String::new(),
        });
        discovery
            .by_slug
            .insert(slug.clone(), discovery.actors.len());
        discovery.actors.push(DiscoveredActor {
            slug,
            name: actor.name,
            kind: actor.kind,
            capital: capital.filter(|c| variants.contains(c)).cloned(),
            limited,
            variants,
            ambiguous,
            evidence: actor.evidence,
        });
    }
    discovery
}

/// The spellings of a found actor that words before them make something
/// else: a state's name that takes no article, after one ("the Ruritania
/// deal"), and a building's name after a word of place ("at the Blue House").
fn limited_spellings(
    kind: ActorKind,
    variants: &[String],
    capital: Option<&String>,
    cues: &Cues,
) -> Vec<LimitedSpelling> {
    let last_word = |v: &str| v.rsplit(' ').next().unwrap_or_default().to_string();
    variants
        .iter()
        .filter(|v| Some(*v) != capital)
        .filter_map(|v| {
            let (limit, not_after) = match kind {
                ActorKind::State
                    if !Cues::is(&cues.demonyms, v)
                        && !is_acronym(v)
                        && !v.split(' ').any(|w| Cues::is(&cues.article_names, w)) =>
                {
                    (Limit::Modifier, &cues.state_modifier_after)
                }
                ActorKind::Organisation if Cues::is(&cues.buildings, &last_word(v)) => {
                    (Limit::Building, &cues.building_place_before)
                }
                _ => return None,
            };
            Some(LimitedSpelling {
                text: v.clone(),
                limit,
                not_after: not_after.clone(),
            })
        })
        .collect()
}
