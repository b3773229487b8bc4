//! Grouping: the spellings read in the text become actors, each with its variants.

use super::*;

/// An actor as grouped, before it meets the hand-written ones.
#[derive(Clone)]
pub(super) struct Found {
    pub(super) name: String,
    pub(super) kind: ActorKind,
    pub(super) variants: Vec<String>,
    pub(super) evidence: Vec<Evidence>,
    /// For a person: the surname, which may be shared.
    pub(super) surname: Option<String>,
    /// For a person: how often each source names them (see `Candidate`), with
    /// the surname alone where no one else found carries it.
    pub(super) seen: BTreeMap<String, usize>,
    /// The gazetteer's capital, for a state.
    pub(super) capital: Option<String>,
    /// Name of the state a group of its people, or a person whose titles it
    /// qualifies, belongs to.
    pub(super) affiliation: Option<String>,
    /// For a person: the titles the text gives them, by source (see `Candidate`).
    pub(super) titles: BTreeMap<String, BTreeMap<String, bool>>,
}

/// "Bob Roe" and "Robert W. Roe": a person named by a short form of a given
/// name joins the one person named by its full form with the same surname.
/// Where two full forms carry it ("Harry": Harold and Henry), it stays apart.
fn join_short_names(people: &mut BTreeMap<(String, String), Candidate>, cues: &Cues) {
    let keys: Vec<(String, String)> = people.keys().cloned().collect();
    for key in keys {
        let full = full_form(people, key.clone(), cues);
        if full != key {
            let short = people.remove(&key).expect("listed");
            people.get_mut(&full).expect("listed").absorb(short);
        }
    }
}

/// The key of the one person whose given name `key`'s is a short form of,
/// with the same surname; `key` itself where there is none or several.
fn full_form(
    people: &BTreeMap<(String, String), Candidate>,
    key: (String, String),
    cues: &Cues,
) -> (String, String) {
    let mut full = cues
        .full_forms(&key.0)
        .map(|given| (given.clone(), key.1.clone()))
        .filter(|full| people.contains_key(full));
    match (full.next(), full.next()) {
        (Some(only), None) => only,
        _ => key,
    }
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
    // A two-word name whose last word is also used alone is a person's when
    // it recurs, when its last word recurs alone where it is written in full,
    // or when a role describes its last word there (`described`).
    let plain = std::mem::take(&mut reading.plain);
    join_short_names(&mut reading.people, cues);
    // Surnames some person carries with a first name, kept as people are added,
    // so that each spelling asks a set rather than scanning every person.
    let mut named_surnames: HashSet<String> = reading
        .people
        .keys()
        .filter(|k| !k.0.is_empty())
        .map(|k| k.1.clone())
        .collect();
    for (spelling, by_source) in plain {
        let count: usize = by_source.values().sum();
        let tokens: Vec<&str> = spelling.split(' ').collect();
        let key = person_key(&tokens, cues);
        let key = full_form(&reading.people, key, cues);
        if let Some(person) = reading.people.get_mut(&key) {
            *person.spellings.entry(spelling.clone()).or_default() += count;
            person.saw(&by_source);
            continue;
        }
        // "Secretary Clinton" then "Hillary Clinton": the surname-only person gets a full name.
        let surname_only = (String::new(), key.1.clone());
        if tokens.len() >= 2 && !named_surnames.contains(&key.1) {
            if let Some(mut person) = reading.people.remove(&surname_only) {
                *person.spellings.entry(spelling.clone()).or_default() += count;
                person.saw(&by_source);
                if !key.0.is_empty() {
                    named_surnames.insert(key.1.clone());
                }
                reading.people.insert(key, person);
                continue;
            }
        }
        // Its last word is used alone too: twice in all, or twice in one
        // source that also writes the name in full ("Jo Roe … Roe … Roe").
        let alone = tokens.last().and_then(|s| reading.singles.get(*s));
        let surname_used = alone.is_some();
        let surname_recurs = alone.is_some_and(|alone| {
            by_source
                .keys()
                .any(|source| alone.get(source).copied().unwrap_or(0) >= 2)
        });
        // Or its last word alone has a role in a source that writes the name
        // in full: "Jo Roe … Roe was an aide".
        let described = tokens.last().and_then(|last| {
            by_source.keys().find_map(|source| {
                let role = reading.described.get(&(last.to_string(), source.clone()))?;
                Some((role, source))
            })
        });
        let recurs = (count >= 2 || surname_recurs) && surname_used;
        if (recurs || described.is_some()) && tokens.len() <= 3 {
            if !key.0.is_empty() {
                named_surnames.insert(key.1.clone());
            }
            let person = reading.people.entry(key).or_default();
            *person.spellings.entry(spelling.clone()).or_default() += count;
            match described {
                Some((role, source)) if !recurs => person.cite(Cue::Apposition, role, source),
                _ => {
                    let first = by_source.keys().next().map_or("", |s| s.as_str());
                    person.cite(Cue::Recurring, &spelling, first);
                }
            }
            person.saw(&by_source);
        }
    }
    // A person named by surname only joins the one full name with that surname.
    let mut by_surname: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut by_first: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for key in reading.people.keys() {
        if !key.0.is_empty() {
            by_surname
                .entry(key.1.clone())
                .or_default()
                .push(key.clone());
            by_first.entry(key.0.clone()).or_default().push(key.clone());
        }
    }
    let surname_only: Vec<(String, String)> = reading
        .people
        .keys()
        .filter(|k| k.0.is_empty())
        .cloned()
        .collect();
    // Where several full names carry it, it joins the one that holds a title
    // it holds ("President Doe" is "President Jane Doe", not "Tom Doe"), or,
    // failing that, the one the corpus names far more often than the others
    // together (see `prominence`); otherwise it stays apart, and its surname
    // is flagged as shared.
    for key in surname_only {
        let full = match by_surname.get(&key.1) {
            Some(full) => surname_owner(&reading.people, &key, full),
            None => by_first
                .get(&key.1)
                .and_then(|opening| family_name_first(&reading, opening, cues)),
        };
        let Some(full) = full else {
            continue;
        };
        let alone = reading.people.remove(&key).expect("listed");
        let person = reading.people.get_mut(&full).expect("listed");
        person.absorb(alone);
    }

    let mut carriers: HashMap<&str, usize> = HashMap::new();
    for (_, surname) in reading.people.keys() {
        *carriers.entry(surname.as_str()).or_default() += 1;
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
            .filter(|w| !cues.is_generation(w))
            .map(String::from);
        let mut variants: Vec<String> = person.spellings.keys().cloned().collect();
        if let Some(s) = &surname_spelling {
            if !variants.contains(s) && s.to_lowercase() == *surname {
                variants.push(s.clone());
            }
        }
        let mut seen = person.seen.clone();
        let alone = surname_spelling
            .as_ref()
            .filter(|_| carriers.get(surname.as_str()) == Some(&1))
            .and_then(|s| reading.singles.get(s));
        for (source, count) in alone.into_iter().flatten() {
            *seen.entry(source.clone()).or_default() += count;
        }
        found.push(Found {
            name,
            kind: ActorKind::Person,
            variants,
            evidence: evidence_of(person),
            surname: surname_spelling,
            seen,
            capital: None,
            // "Ruritanian President Jane Doe": the one state that qualifies
            // her titles is hers; with two, neither is.
            affiliation: match person.states.keys().collect::<Vec<_>>()[..] {
                [state] => Some(cues.states[*state].name.clone()),
                _ => None,
            },
            titles: person.titles.clone(),
        });
    }
    // Members of a party or organisation: "Democratic National Committee" and
    // "Democrats" in the text give the group "Democrats"; so do a capitalised
    // adjective used mid-sentence ("the Republican senators") and its plural
    // used alone mid-sentence twice or more ("Republicans said").
    let mut groups: BTreeMap<String, Found> = BTreeMap::new();
    let org_names = reading
        .organisations
        .values()
        .filter_map(|org| org.spellings.keys().find(|s| s.contains(' ')));
    let adjectives = reading.capitalised.iter().filter(|w| {
        let alone = |plural: &str| {
            let seen = reading.singles.get(plural);
            seen.is_some_and(|s| s.values().sum::<usize>() >= 2)
        };
        let stem = w.strip_suffix("ic").unwrap_or(w);
        alone(&format!("{stem}s")) && !cues.is_organisation_word(w)
    });
    for name in org_names.chain(adjectives) {
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
                seen: BTreeMap::new(),
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
        .chain(reading.documents.iter().cloned())
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
    // "Department of Justice" is the "Justice Department": the name with
    // "of" joins the one with its head noun last, where the text has both.
    let inverted: Vec<(String, String)> = reading
        .organisations
        .keys()
        .filter_map(|key| {
            let (head, rest) = key.split_once(" of ")?;
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            let other = format!("{rest} {head}");
            (cues.is_organisation_word(head) && !head.contains(' ')).then_some((key.clone(), other))
        })
        .filter(|(_, other)| reading.organisations.contains_key(other))
        .collect();
    for (key, other) in inverted {
        let from = reading.organisations.remove(&key).expect("listed");
        let into = reading.organisations.get_mut(&other).expect("listed");
        for (spelling, count) in from.spellings {
            *into.spellings.entry(spelling).or_default() += count;
        }
        for (source, count) in from.seen {
            *into.seen.entry(source).or_default() += count;
        }
        into.evidence.extend(from.evidence);
    }
    // "Acme Inc." is "Acme": the company named without its legal form
    // joins the one named with it.
    let companies: Vec<(String, String)> = reading
        .organisations
        .iter()
        .filter_map(|(key, org)| {
            let name = org.spellings.keys().next()?;
            let base = without_legal_form(name, cues)?;
            Some((key.clone(), base.to_lowercase()))
        })
        .filter(|(_, base)| reading.organisations.contains_key(base))
        .collect();
    for (key, base) in companies {
        let from = reading.organisations.remove(&base).expect("listed");
        reading
            .organisations
            .get_mut(&key)
            .expect("listed")
            .absorb(from);
    }
    for org in reading.organisations.values() {
        let name = org
            .spellings
            .iter()
            .max_by_key(|(s, c)| (s.contains(' '), **c, s.len()))
            .map(|(s, _)| s.clone());
        let Some(mut name) = name else { continue };
        let mut variants: Vec<String> = org.spellings.keys().cloned().collect();
        // "the committee" for the Water Committee, in the sources that name it;
        // "the company" and "the firm" for Acme Inc.
        let mut heads: Vec<String> = name
            .split(' ')
            .rev()
            .find(|w| Cues::is(&cues.organisation_heads, w))
            .map(str::to_lowercase)
            .into_iter()
            .collect();
        let company = variants.iter().find_map(|v| without_legal_form(v, cues));
        if let Some(base) = company {
            if !variants.contains(&base) {
                variants.push(base.clone());
            }
            heads.extend(cues.company_heads.iter().cloned());
            name = base;
        }
        let sources: BTreeMap<String, bool> = org.seen.keys().map(|s| (s.clone(), false)).collect();
        let titles = heads
            .into_iter()
            .map(|head| (head, sources.clone()))
            .collect();
        // "WikiLeaks" is also written "Wikileaks": a name with an inner
        // capital takes its one-capital spelling where the text uses it.
        let plain: Vec<String> = variants
            .iter()
            .filter(|v| !v.contains(' ') && v.chars().skip(1).any(char::is_uppercase))
            .filter_map(|v| {
                let mut chars = v.chars();
                let first = chars.next()?;
                let rest = chars.as_str().to_lowercase();
                Some(format!("{first}{rest}"))
            })
            .filter(|v| reading.singles.contains_key(v) && !variants.contains(v))
            .collect();
        variants.extend(plain);
        found.push(Found {
            name,
            kind: ActorKind::Organisation,
            variants,
            evidence: evidence_of(org),
            surname: None,
            seen: org.seen.clone(),
            capital: None,
            affiliation: None,
            titles,
        });
    }
    // "his fellow Republicans", "Obstructionist Republicans": a plural taken
    // for a person's name, or surname, is the group's.
    found.retain(|f| {
        let surname = f.surname.as_deref().unwrap_or(&f.name);
        f.kind != ActorKind::Person || !groups.contains_key(surname)
    });
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
            seen: BTreeMap::new(),
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
            seen: BTreeMap::new(),
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

/// "Kim Jong-un" then "Mr. Kim": where no full name ends in the word and one
/// opens with it, and that one's last word is never written alone, the name
/// puts the family name first and the word is it. Where the last word stands
/// alone ("Lee Ann Fowler … Fowler said", "Ms. Fowler"), the first word is a
/// given name, and the word alone another person, unless a courtesy title
/// written before given names names them ("Don Tomás", `given_name_honorifics`).
/// `opening`: the full names that open with the word.
fn family_name_first(
    reading: &Reading,
    opening: &[(String, String)],
    cues: &Cues,
) -> Option<(String, String)> {
    let [full] = opening else {
        return None;
    };
    // "Don Tomás": a courtesy title written before a given name says so.
    let given_name = reading
        .people
        .get(&(String::new(), full.0.clone()))
        .is_some_and(|alone| {
            alone.evidence.keys().any(|(cue, words)| {
                *cue == Cue::Honorific && Cues::is(&cues.given_name_honorifics, words)
            })
        });
    if given_name {
        return Some(full.clone());
    }
    let last_words_alone = reading.people[full].spellings.keys().any(|spelling| {
        let last = spelling
            .rsplit(' ')
            .find(|w| !cues.name_suffixes.contains(*w) && !cues.is_generation(w));
        last.is_some_and(|w| {
            reading.alone.contains(w)
                || reading
                    .people
                    .contains_key(&(String::new(), w.to_lowercase()))
        })
    });
    (!last_words_alone).then(|| full.clone())
}

/// The full-named person a surname-only person (`alone`) is, among `full`,
/// the people whose full name ends in that surname: the only one; else the
/// only one holding a title `alone` holds, or the prominent one among those
/// holding one; else, when none does, the prominent one by how often the
/// corpus names each.
fn surname_owner(
    people: &BTreeMap<(String, String), Candidate>,
    alone: &(String, String),
    full: &[(String, String)],
) -> Option<(String, String)> {
    if let [one] = full {
        return Some(one.clone());
    }
    let titles = &people.get(alone)?.titles;
    let holding: Vec<&(String, String)> = full
        .iter()
        .filter(|k| people[*k].titles.keys().any(|t| titles.contains_key(t)))
        .collect();
    let pool: Vec<&(String, String)> = if holding.is_empty() {
        full.iter().collect()
    } else {
        holding
    };
    let weights: Vec<(usize, usize)> = pool
        .iter()
        .enumerate()
        .map(|(i, k)| (i, people[*k].seen.values().sum()))
        .collect();
    let (one, _) = prominence::prominent(&weights)?;
    Some(pool[one].clone())
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

/// A company's name without the legal form that closes it: "Acme" for "Acme
/// Inc" or "Acme, Inc.", where a capitalised word stays.
fn without_legal_form(name: &str, cues: &Cues) -> Option<String> {
    let (base, form) = name.rsplit_once(' ')?;
    let base = base.trim_end_matches(',');
    (cues.is_legal_form(form) && base.split(' ').any(is_capitalised)).then(|| base.to_string())
}
