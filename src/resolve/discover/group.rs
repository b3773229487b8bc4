//! Grouping: the spellings read in the text become actors, each with its variants.

use super::*;

/// An actor as grouped, before it meets the hand-written ones.
pub(super) struct Found {
    pub(super) name: String,
    pub(super) kind: ActorKind,
    pub(super) variants: Vec<String>,
    pub(super) evidence: Vec<Evidence>,
    /// For a person: the surname, which may be shared.
    pub(super) surname: Option<String>,
    pub(super) sources: BTreeSet<String>,
    /// The gazetteer's capital, for a state.
    pub(super) capital: Option<String>,
    /// Name of the state a group of its people belongs to.
    pub(super) affiliation: Option<String>,
    /// For a person: the titles the text gives them, by source (see `Candidate`).
    pub(super) titles: BTreeMap<String, BTreeMap<String, bool>>,
}

pub(super) fn evidence_of(candidate: &Candidate) -> Vec<Evidence> {
    candidate
        .evidence
        .iter()
        .map(|((cue, words), (source, count))| Evidence {
            cue: *cue,
            words: words.clone(),
            source: source.clone(),
            count: *count,
        })
        .collect()
}

/// Groups the spellings read into actors.
pub(super) fn group(mut reading: Reading, cues: &Cues) -> Vec<Found> {
    // A recurring two-word name whose last word is also used alone is a person's.
    let plain = std::mem::take(&mut reading.plain);
    // Surnames some person carries with a first name, kept as people are added,
    // so that each spelling asks a set rather than scanning every person.
    let mut named_surnames: HashSet<String> = reading
        .people
        .keys()
        .filter(|k| !k.0.is_empty())
        .map(|k| k.1.clone())
        .collect();
    for (spelling, (count, sources)) in plain {
        let tokens: Vec<&str> = spelling.split(' ').collect();
        let key = person_key(&tokens, cues);
        if let Some(person) = reading.people.get_mut(&key) {
            *person.spellings.entry(spelling.clone()).or_default() += count;
            person.sources.extend(sources);
            continue;
        }
        // "Secretary Clinton" then "Hillary Clinton": the surname-only person gets a full name.
        let surname_only = (String::new(), key.1.clone());
        if tokens.len() >= 2 && !named_surnames.contains(&key.1) {
            if let Some(mut person) = reading.people.remove(&surname_only) {
                *person.spellings.entry(spelling.clone()).or_default() += count;
                person.sources.extend(sources);
                if !key.0.is_empty() {
                    named_surnames.insert(key.1.clone());
                }
                reading.people.insert(key, person);
                continue;
            }
        }
        let surname_used = tokens
            .last()
            .is_some_and(|s| reading.singles.get(*s).copied().unwrap_or(0) > 0);
        if count >= 2 && surname_used && tokens.len() <= 3 {
            if !key.0.is_empty() {
                named_surnames.insert(key.1.clone());
            }
            let person = reading.people.entry(key).or_default();
            *person.spellings.entry(spelling.clone()).or_default() += count;
            person.cite(
                Cue::Recurring,
                &spelling,
                sources.first().map_or("", |s| s.as_str()),
            );
            person.sources.extend(sources);
        }
    }
    // A person named by surname only joins the one full name with that surname.
    let mut by_surname: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for key in reading.people.keys() {
        if !key.0.is_empty() {
            by_surname
                .entry(key.1.clone())
                .or_default()
                .push(key.clone());
        }
    }
    let surname_only: Vec<(String, String)> = reading
        .people
        .keys()
        .filter(|k| k.0.is_empty())
        .cloned()
        .collect();
    for key in surname_only {
        if let Some([full]) = by_surname.get(&key.1).map(Vec::as_slice) {
            let alone = reading.people.remove(&key).expect("listed");
            let person = reading.people.get_mut(full).expect("listed");
            for (spelling, count) in alone.spellings {
                *person.spellings.entry(spelling).or_default() += count;
            }
            person.evidence.extend(alone.evidence);
            for (title, sources) in alone.titles {
                let held = person.titles.entry(title).or_default();
                for (source, qualified) in sources {
                    *held.entry(source).or_insert(qualified) &= qualified;
                }
            }
        }
    }

    let mut found = Vec::new();
    for ((_, surname), person) in &reading.people {
        let name = person
            .spellings
            .iter()
            .filter(|(s, _)| s.contains(' '))
            .max_by_key(|(s, count)| (**count, s.len()))
            .or_else(|| person.spellings.iter().max_by_key(|(_, c)| **c))
            .map(|(s, _)| s.clone())
            .unwrap_or_default();
        let surname_spelling = name
            .rsplit(' ')
            .find(|w| !cues.name_suffixes.contains(*w))
            .map(String::from);
        let mut variants: Vec<String> = person.spellings.keys().cloned().collect();
        if let Some(s) = &surname_spelling {
            if !variants.contains(s) && s.to_lowercase() == *surname {
                variants.push(s.clone());
            }
        }
        found.push(Found {
            name,
            kind: ActorKind::Person,
            variants,
            evidence: evidence_of(person),
            surname: surname_spelling,
            sources: person.sources.clone(),
            capital: None,
            affiliation: None,
            titles: person.titles.clone(),
        });
    }
    // Members of a party or organisation: "Democratic National Committee" and
    // "Democrats" in the text give the group "Democrats".
    let mut groups: BTreeMap<String, Found> = BTreeMap::new();
    for org in reading.organisations.values() {
        let Some(name) = org.spellings.keys().find(|s| s.contains(' ')) else {
            continue;
        };
        let adjective = name.split(' ').next().unwrap_or("");
        if Cues::is(&cues.demonyms, adjective) {
            continue;
        }
        let member = if let Some(stem) = adjective.strip_suffix("ic") {
            stem.to_string()
        } else if ["an", "ist", "ive"].iter().any(|e| adjective.ends_with(e)) {
            adjective.to_string()
        } else {
            continue;
        };
        let plural = format!("{member}s");
        if let Some(source) = reading.plurals.get(&plural) {
            groups.entry(plural.clone()).or_insert_with(|| Found {
                name: plural.clone(),
                kind: ActorKind::Group,
                variants: vec![plural.clone(), member.clone()],
                evidence: vec![Evidence {
                    cue: Cue::PartyMembers,
                    words: name.clone(),
                    source: source.clone(),
                    count: 1,
                }],
                surname: None,
                sources: BTreeSet::new(),
                capital: None,
                affiliation: None,
                titles: BTreeMap::new(),
            });
        }
    }
    // An initialism or a name with an inner capital used twice or more, and no
    // one's name, is an organisation's ("NATO", "WikiLeaks"). Dotted and
    // undotted spellings are one ("F.B.I.", "FBI"); an initialism whose letters
    // are the initials of an organisation found in the text joins it, even
    // where the text never introduces it ("Democratic National Committee", "DNC").
    let known: HashSet<String> = reading
        .organisations
        .values()
        .chain(reading.people.values())
        .flat_map(|c| c.spellings.keys().cloned())
        .chain(cues.states.iter().flat_map(|s| s.also.iter().cloned()))
        .map(|s| acronym_key(&s))
        .collect();
    let mut by_key: BTreeMap<String, Vec<(&String, usize, &String)>> = BTreeMap::new();
    for (word, (count, source)) in &reading.acronyms {
        by_key
            .entry(acronym_key(word))
            .or_default()
            .push((word, *count, source));
    }
    let initials: HashMap<String, String> = reading
        .organisations
        .iter()
        .filter_map(|(key, org)| {
            let name = org.spellings.keys().find(|s| s.contains(' '))?;
            let words: Vec<&str> = name.split(' ').collect();
            let letters: String = words
                .iter()
                .filter(|w| is_capitalised(w))
                .filter_map(|w| w.chars().next())
                .collect();
            (letters.chars().count() >= 2).then(|| (letters, key.clone()))
        })
        .collect();
    for (letters, spellings) in by_key {
        let total: usize = spellings.iter().map(|s| s.1).sum();
        let (_, _, source) = spellings[0];
        let key = match initials.get(&letters) {
            Some(org) => org.clone(),
            None if total >= 2 && !known.contains(&letters) => {
                if spellings
                    .iter()
                    .any(|(w, _, _)| cues.is_title(w) || Cues::is(&cues.not_names, w))
                {
                    continue;
                }
                letters.to_lowercase()
            }
            None => continue,
        };
        let org = reading.organisations.entry(key).or_default();
        org.kind = Some(ActorKind::Organisation);
        let cue = if initials.contains_key(&letters) {
            Cue::Initialism
        } else {
            Cue::Recurring
        };
        for (word, count, _) in &spellings {
            *org.spellings.entry((*word).clone()).or_default() += count;
        }
        org.cite(cue, spellings[0].0, source);
    }
    for org in reading.organisations.values() {
        let name = org
            .spellings
            .iter()
            .max_by_key(|(s, c)| (s.contains(' '), **c, s.len()))
            .map(|(s, _)| s.clone());
        let Some(name) = name else { continue };
        found.push(Found {
            name,
            kind: ActorKind::Organisation,
            variants: org.spellings.keys().cloned().collect(),
            evidence: evidence_of(org),
            surname: None,
            sources: org.sources.clone(),
            capital: None,
            affiliation: None,
            titles: BTreeMap::new(),
        });
    }
    found.extend(groups.into_values());
    for (index, state) in &reading.states {
        let entry = &cues.states[*index];
        let mut variants: Vec<String> = state.spellings.keys().cloned().collect();
        if !variants.contains(&entry.name) {
            variants.push(entry.name.clone());
        }
        found.push(Found {
            name: entry.name.clone(),
            kind: ActorKind::State,
            variants,
            evidence: evidence_of(state),
            surname: None,
            sources: BTreeSet::new(),
            capital: reading
                .capitals
                .contains(index)
                .then(|| entry.capital.clone()),
            affiliation: None,
            titles: BTreeMap::new(),
        });
    }
    for (index, people) in &reading.plural_demonyms {
        let entry = &cues.states[*index];
        let name = people.spellings.keys().next().cloned().unwrap_or_default();
        found.push(Found {
            name,
            kind: ActorKind::Group,
            variants: people.spellings.keys().cloned().collect(),
            evidence: evidence_of(people),
            surname: None,
            sources: BTreeSet::new(),
            capital: None,
            affiliation: reading
                .states
                .contains_key(index)
                .then(|| entry.name.clone()),
            titles: BTreeMap::new(),
        });
    }
    found
}

/// What an initialism is grouped by: its letters, without full stops, when it
/// is one ("F.B.I." and "FBI"); any other word as it is.
fn acronym_key(word: &str) -> String {
    if is_acronym(word) {
        initialism_letters(word)
    } else {
        word.to_string()
    }
}
