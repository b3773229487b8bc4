//! The people around a person: "Doe's lawyers", "Jo Doe's legal team" and
//! "Doe's attorneys" are one group of Doe's, found where a person's name in
//! the possessive stands before a noun of one of the `entourages` lists. A
//! group the text names once is left out: it is a phrase, not yet an actor.

use super::group::Found;
use super::*;

/// How often the text must name a group for it to be an actor.
const AT_LEAST: usize = 2;

/// Words looked back from a possessive for the owner's name.
const NAME_WORDS: usize = 5;

/// The groups around the people found (`found`) and the people with a file.
pub(super) fn entourages(dossier: &Dossier, found: &[Found], cues: &Cues) -> Vec<Found> {
    let owners = owners(dossier, found);
    if owners.is_empty() {
        return Vec::new();
    }
    let mut groups: BTreeMap<(&str, usize), Seen> = BTreeMap::new();
    for source in &dossier.sources {
        let deck = source.deck.iter().map(String::as_str);
        for text in deck.chain(source.paragraphs.iter().map(|p| p.text.as_str())) {
            if is_title_case(text) {
                continue;
            }
            for (owner, class, spelling) in read(text, &owners, cues) {
                let seen = groups.entry((owner, class)).or_default();
                *seen.spellings.entry(spelling.to_string()).or_default() += 1;
                seen.first.get_or_insert_with(|| source.slug.clone());
                seen.count += 1;
            }
        }
    }
    groups
        .into_iter()
        .filter(|(_, seen)| seen.count >= AT_LEAST)
        .map(|((owner, class), seen)| {
            let noun = &cues.entourages[class][0];
            Found {
                name: format!("{owner}'s {noun}"),
                kind: ActorKind::Group,
                variants: seen.spellings.keys().cloned().collect(),
                evidence: vec![Evidence {
                    cue: Cue::Entourage,
                    words: noun.clone(),
                    source: seen.first.unwrap_or_default(),
                    count: seen.count,
                }],
                surname: None,
                seen: BTreeMap::new(),
                capital: None,
                affiliation: Some(owner.to_string()),
                titles: BTreeMap::new(),
            }
        })
        .collect()
}

#[derive(Default)]
struct Seen {
    spellings: BTreeMap<String, usize>,
    first: Option<String>,
    count: usize,
}

/// Each spelling of a person that names only that person, with the person's name.
fn owners<'a>(dossier: &'a Dossier, found: &'a [Found]) -> HashMap<&'a str, &'a str> {
    let filed = dossier
        .actors
        .iter()
        .filter(|a| a.meta.kind == ActorKind::Person)
        .map(|a| (a.meta.name.as_str(), &a.meta.aliases));
    let discovered = found
        .iter()
        .filter(|f| f.kind == ActorKind::Person)
        .map(|f| (f.name.as_str(), &f.variants));
    let mut owners: HashMap<&str, &str> = HashMap::new();
    let mut shared: HashSet<&str> = HashSet::new();
    for (name, spellings) in filed.chain(discovered) {
        let spellings = std::iter::once(name).chain(spellings.iter().map(String::as_str));
        for spelling in spellings.collect::<HashSet<&str>>() {
            if owners.insert(spelling, name).is_some_and(|o| o != name) {
                shared.insert(spelling);
            }
        }
    }
    owners.retain(|spelling, _| !shared.contains(spelling));
    owners
}

/// Each "<person>'s <entourage noun>" of `text`: the person's name, the
/// entourage's index in `cues.entourages`, and the words as written.
fn read<'t, 'o>(
    text: &'t str,
    owners: &HashMap<&'o str, &'o str>,
    cues: &Cues,
) -> Vec<(&'o str, usize, &'t str)> {
    let mut out = Vec::new();
    for (at, mark) in text.match_indices(['\'', '’']) {
        let Some(rest) = text[at + mark.len()..].strip_prefix("s ") else {
            continue;
        };
        let Some((class, noun)) = entourage_noun(rest, cues) else {
            continue;
        };
        // The longest name first: "Jo Doe's" before "Doe's".
        let starts = word_starts_before(text, at);
        let owner = starts
            .iter()
            .find_map(|&start| owners.get(&text[start..at]).map(|o| (start, *o)));
        if let Some((start, owner)) = owner {
            let end = text.len() - rest.len() + noun.len();
            out.push((owner, class, &text[start..end]));
        }
    }
    out
}

/// The longest entourage noun `rest` opens with, whole words only.
fn entourage_noun<'r>(rest: &'r str, cues: &Cues) -> Option<(usize, &'r str)> {
    cues.entourages
        .iter()
        .enumerate()
        .flat_map(|(class, nouns)| nouns.iter().map(move |noun| (class, noun)))
        .filter(|(_, noun)| {
            rest.starts_with(noun.as_str())
                && !rest[noun.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
        .max_by_key(|(_, noun)| noun.len())
        .map(|(class, noun)| (class, &rest[..noun.len()]))
}

/// Where each of the last `NAME_WORDS` words before `at` starts, farthest first.
fn word_starts_before(text: &str, at: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut end = at;
    for _ in 0..NAME_WORDS {
        let before = &text[..end];
        if before.is_empty() || before.ends_with(char::is_whitespace) && starts.is_empty() {
            break;
        }
        let start = before.rfind(char::is_whitespace).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        starts.push(start);
        end = text[..start].trim_end().len();
        if end == 0 || end == start {
            break;
        }
    }
    starts.reverse();
    starts
}
