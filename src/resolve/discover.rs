//! Actors found in the text: the people, organisations, states and groups the
//! sources name, for a dossier with few or no actor files. Each is found by a
//! cue (a title, an honorific, an apposition, an organisation word, the
//! gazetteer) kept as data in `discover.toml` and `gazetteer.toml`; its
//! spellings are grouped into one actor, and a spelling that could name two
//! (a shared surname, a capital city) is flagged rather than guessed.
//!
//! Every text is read once: spans are counted in maps, so the work grows with
//! the corpus, never with its square.

use crate::ingest::Source;
use crate::model::Section;
use crate::model::{ActorKind, ActorMeta, AliasRule, Origin};
use crate::resolve::{Actor, Dossier, Target};
use crate::text::names::{
    capitalised_spans, inside_longer_name, is_capitalised, is_title_case, opens_sentence,
    strip_possessive, word_ending_at, words, NameEdges, CONNECTORS,
};
use crate::text::slugify;
use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;

mod appositions;
mod cues;
mod entourage;
mod group;
mod organisations;
mod prominence;
mod roles;
mod settle;

use appositions::{
    apposition_role, definite_role, definite_role_before, of_a_state, organisation_kind_before,
    plural_role_before, predicate_role, role_before_comma, titles_held, titles_of_role,
    word_before,
};
use cues::Gazetteer;
pub use cues::{cues, cues_in, Cues, Edges, StateEntry, DEFAULT_CUES, DEFAULT_GAZETTEER};
use group::{group, Found};
use organisations::{cite_organisation, lower_case_tail, read_organisation};
pub use prominence::PROMINENCE;
pub use roles::RoleNoun;

/// How an actor was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Cue {
    /// An office or rank before the name ("President Jane Doe").
    Title,
    /// A courtesy title before the name ("Ms. Doe").
    Honorific,
    /// A role in apposition ("Jane Doe, a spokeswoman") or before the name.
    Apposition,
    /// A name of two or more words used more than once, its last word alone too.
    Recurring,
    /// An organisation word in the name ("Ministry", "Party").
    OrganisationWord,
    /// An initialism the text introduces ("Customs and Border Protection (CBP)").
    Initialism,
    /// The state gazetteer: a state's name.
    GazetteerName,
    /// The state gazetteer: a demonym ("Ruritanian").
    GazetteerDemonym,
    /// The plural of a demonym ("Ruritanians").
    PluralDemonym,
    /// Members of a party or organisation found in the text ("Democrats" from
    /// "Democratic Party").
    PartyMembers,
    /// A word that names an institution by itself ("Parliament", "Kremlin").
    Institution,
    /// The people around a person, after a possessive name ("Doe's lawyers").
    Entourage,
    /// A kind of organisation just before a one-word name ("the airline Aerolink").
    OrganisationKind,
}

impl Cue {
    pub fn label(self) -> &'static str {
        match self {
            Cue::Title => "title",
            Cue::Honorific => "honorific",
            Cue::Apposition => "role",
            Cue::Recurring => "recurring name",
            Cue::OrganisationWord => "organisation word",
            Cue::Initialism => "initialism",
            Cue::GazetteerName => "gazetteer: state name",
            Cue::GazetteerDemonym => "gazetteer: demonym",
            Cue::PluralDemonym => "gazetteer: plural demonym",
            Cue::PartyMembers => "members of",
            Cue::Institution => "institution",
            Cue::Entourage => "people around",
            Cue::OrganisationKind => "kind of organisation",
        }
    }
}

/// One piece of evidence for an actor.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Evidence {
    pub cue: Cue,
    /// The cue word, or the words found ("President", "Ministry", "Ruritanian").
    pub words: String,
    /// Where it was first seen.
    pub source: String,
    /// How many times it was seen.
    pub count: usize,
}

/// Why a spelling is not linked to an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Ambiguity {
    /// A surname two discovered people share.
    SharedSurname,
    /// A capital, which may be the city or stand for the government.
    CapitalCity,
}

/// A spelling that could name more than one thing.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AmbiguousVariant {
    pub text: String,
    pub reason: Ambiguity,
    /// The actors it might name, by slug.
    pub candidates: Vec<String>,
    /// Sources where the text itself settles it: the one candidate that source
    /// names, or the one it names far more often than the others (see
    /// `prominent_in`). Elsewhere the spelling links to no one.
    pub settled_in: BTreeMap<String, String>,
    /// Of those, the sources that name several candidates, where the one named
    /// at least `PROMINENCE` times as often as all the others together was taken.
    pub prominent_in: BTreeSet<String>,
}

/// An actor discovered in the text.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DiscoveredActor {
    pub slug: String,
    pub name: String,
    pub kind: ActorKind,
    /// The spellings that link to it.
    pub variants: Vec<String>,
    /// Spellings that may name it but are not linked (see `ambiguous`).
    pub ambiguous: Vec<String>,
    /// For a state, its capital among `variants`: linked only where a word
    /// beside it makes it the government ("Moscow said", "talks with Moscow";
    /// `capital_government_before`, `capital_government_after`) and none
    /// makes it the place ("in Moscow", "the Moscow metro";
    /// `capital_place_before`, `capital_place_after`).
    pub capital: Option<String>,
    /// Spellings among `variants` not linked after words that make them
    /// something else than the actor.
    pub limited: Vec<LimitedSpelling>,
    pub evidence: Vec<Evidence>,
}

/// A spelling linked everywhere but after certain words.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct LimitedSpelling {
    pub text: String,
    pub limit: Limit,
    /// The words after which it is not linked.
    pub not_after: Vec<String>,
}

/// What a limited spelling is after the words that limit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Limit {
    /// A state's name after an article qualifies the noun that follows ("the
    /// Ruritania deal"; `state_modifier_after`, `article_names`).
    Modifier,
    /// An organisation's name after a word of place is its building ("at the
    /// Blue House"; `buildings`, `building_place_before`).
    Building,
}

/// New spellings of an actor that has a file.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct NewVariants {
    pub actor: String,
    pub variants: Vec<String>,
}

/// Everything discovery found.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct Discovery {
    /// Actors with no file, in the order they were added to the dossier.
    pub actors: Vec<DiscoveredActor>,
    /// Spellings found for actors that have a file, not yet among their aliases.
    pub new_variants: Vec<NewVariants>,
    /// Spellings flagged as ambiguous: not linked, except where a source settles them.
    pub ambiguous: Vec<AmbiguousVariant>,
    /// Role nouns ("the president"): linked where a source gives the title to one person.
    pub roles: Vec<RoleNoun>,
    /// Organisations found in the text that are the outlets of the dossier's
    /// own sources ("The Daily Made-Up reported"): where the story is told,
    /// not actors in it, so they get no page and no mentions.
    pub outlets: Vec<String>,
    /// Position in `actors` by slug, so that pages look an actor up in one step.
    #[serde(skip)]
    by_slug: HashMap<String, usize>,
}

impl Discovery {
    pub fn actor(&self, slug: &str) -> Option<&DiscoveredActor> {
        self.by_slug.get(slug).map(|&i| &self.actors[i])
    }

    /// The sources that settle the `i`th spelling the mention matcher holds
    /// besides the actors' names: the ambiguous spellings, then each role
    /// noun's spellings in turn.
    pub fn settled_in(&self, i: usize) -> Option<&BTreeMap<String, String>> {
        match self.ambiguous.get(i) {
            Some(a) => Some(&a.settled_in),
            None => self
                .roles
                .get(i - self.ambiguous.len())
                .map(|r| &r.settled_in),
        }
    }
}

/// A candidate while the corpus is read.
#[derive(Default)]
struct Candidate {
    kind: Option<ActorKind>,
    /// Spellings and how often each was seen.
    spellings: BTreeMap<String, usize>,
    evidence: BTreeMap<(Cue, String), (String, usize)>,
    /// How often each source names it: with a cue, or in full.
    seen: BTreeMap<String, usize>,
    /// Titles the text gives a person ("president" from "President Jane Doe"),
    /// each with the sources that give it and whether a state qualified it
    /// there ("Ruritanian President Jane Doe").
    titles: BTreeMap<String, BTreeMap<String, bool>>,
    /// The states that qualify those titles, by index in the gazetteer, with
    /// how often: the person's state, where there is one.
    states: BTreeMap<usize, usize>,
}

impl Candidate {
    fn hold(&mut self, titles: &[(String, Option<usize>)], source: &str) {
        for (words, state) in titles {
            let qualified = state.is_some();
            let held = self.titles.entry(words.clone()).or_default();
            let entry = held.entry(source.to_string()).or_insert(qualified);
            *entry &= qualified;
            if let Some(state) = state {
                *self.states.entry(*state).or_default() += 1;
            }
        }
    }

    /// Sightings of a full name with no cue (a name that recurs), by source.
    fn saw(&mut self, by_source: &BTreeMap<String, usize>) {
        for (source, count) in by_source {
            *self.seen.entry(source.clone()).or_default() += count;
        }
    }

    /// Takes in another candidate found to be the same actor.
    fn absorb(&mut self, other: Candidate) {
        for (spelling, count) in other.spellings {
            *self.spellings.entry(spelling).or_default() += count;
        }
        for (source, count) in other.seen {
            *self.seen.entry(source).or_default() += count;
        }
        self.evidence.extend(other.evidence);
        for (title, sources) in other.titles {
            let held = self.titles.entry(title).or_default();
            for (source, qualified) in sources {
                *held.entry(source).or_insert(qualified) &= qualified;
            }
        }
        for (state, count) in other.states {
            *self.states.entry(state).or_default() += count;
        }
    }

    /// One sighting with a cue, which counts for `seen` too.
    fn cite(&mut self, cue: Cue, words: &str, source: &str) {
        *self.seen.entry(source.to_string()).or_default() += 1;
        self.evidence
            .entry((cue, words.to_string()))
            .or_insert_with(|| (source.to_string(), 0))
            .1 += 1;
    }
}

/// What the reading of the corpus gathered.
#[derive(Default)]
struct Reading {
    /// People by (first name, surname) lower-cased; a person named by surname
    /// only has an empty first name.
    people: BTreeMap<(String, String), Candidate>,
    organisations: BTreeMap<String, Candidate>,
    /// Two-word-or-longer name-like spans with no cue: spelling → source → count.
    plain: BTreeMap<String, BTreeMap<String, usize>>,
    /// Single capitalised words used mid-sentence: word → source → count.
    singles: HashMap<String, BTreeMap<String, usize>>,
    /// Single capitalised words used anywhere, a sentence's start too.
    alone: HashSet<String>,
    /// Acronyms ("NATO", "F.B.I.") and names with an inner capital ("WikiLeaks")
    /// used mid-sentence: how often, and where first.
    acronyms: BTreeMap<String, (usize, String)>,
    /// States by gazetteer index.
    states: BTreeMap<usize, Candidate>,
    /// Capitals seen, by gazetteer index.
    capitals: BTreeSet<usize>,
    /// Plural demonyms seen, by gazetteer index.
    plural_demonyms: BTreeMap<usize, Candidate>,
    /// Capitalised plural words used mid-sentence ("Democrats"), with a source.
    plurals: BTreeMap<String, String>,
    /// Every capitalised word used mid-sentence.
    capitalised: HashSet<String>,
    /// The initials of the documents the text names (`document_heads`).
    documents: HashSet<String>,
    /// Single words a role describes ("Roe, a lawyer, said", "Roe was an
    /// aide"), by source: (word, source) → the role.
    described: HashMap<(String, String), String>,
}

impl Reading {
    /// The organisation written `name`, found once more in this spelling.
    fn organisation(&mut self, name: &str) -> &mut Candidate {
        let org = self.organisations.entry(name.to_lowercase()).or_default();
        org.kind = Some(ActorKind::Organisation);
        *org.spellings.entry(name.to_string()).or_default() += 1;
        org
    }
}

/// Finds the actors the sources name, groups their spellings and adds those
/// that no actor file covers to the dossier. Hand-written actors win: a
/// discovered actor that shares a spelling with one is folded into it.
pub fn discover(mut dossier: Dossier) -> crate::error::Result<Dossier> {
    let cues = cues();
    let vocabulary = lowercase_vocabulary(&dossier.sources);
    let gazetteer = Gazetteer::new(cues);
    let mut reading = Reading::default();
    for source in &dossier.sources {
        let tails = cues.name_tails(&source.language);
        let heads = cues.lowercase_heads(&source.language);
        let cues_here = cues_in(&source.language);
        let deck = source.deck.iter().map(String::as_str);
        for text in deck.chain(source.paragraphs.iter().map(|p| p.text.as_str())) {
            if is_title_case(text) {
                continue;
            }
            read_spans(
                text,
                &source.slug,
                cues_here,
                tails,
                &vocabulary,
                &mut reading,
            );
            if let Some(heads) = heads {
                organisations::read_lowercase_heads(
                    text,
                    &source.slug,
                    heads,
                    tails,
                    cues_here,
                    &mut reading,
                );
            }
            organisations::read_spelled_out_initialisms(
                text,
                &source.slug,
                cues_here,
                &mut reading,
            );
            gazetteer.read(text, &source.slug, cues, &mut reading);
        }
    }
    let mut found = group(reading, cues);
    let groups = entourage::entourages(&dossier, &found, cues);
    found.extend(groups);
    let first_new = dossier.actors.len();
    let mut silent = HashSet::new();
    loop {
        dossier.discovery = settle::settle(&mut dossier, found.clone(), &silent);
        dossier.mentions = super::mentions::MentionMatcher::for_dossier(&dossier)?;
        let unheard = silent_actors(&dossier, first_new);
        // Settling again without them changes no one else's spellings but
        // those they shared, which can only gain mentions: once is enough.
        if unheard.is_empty() || !silent.is_empty() {
            return Ok(dossier);
        }
        silent = unheard;
        for actor in dossier.actors.drain(first_new..) {
            dossier.index.remove(&actor.slug);
        }
    }
}

/// The names of the found actors that no text mentions: each of their
/// spellings stands inside a file's longer alias ("the Bureau" inside "Head
/// of the Bureau") or where its alias rule bars it ("the Ruritania deal").
/// They get no page.
fn silent_actors(dossier: &Dossier, first_new: usize) -> HashSet<String> {
    let count = dossier.actors.len();
    let heard_in = |source: &Source| -> HashSet<usize> {
        let body = source.paragraphs.iter().map(|p| p.text.as_str());
        let texts = source.standing_lines().map(|(_, text)| text).chain(body);
        texts
            .flat_map(|text| dossier.mentions.find(text))
            .filter_map(|(owner, _)| match owner.checked_sub(count) {
                None => Some(owner),
                // An ambiguous spelling names the actor its source settles on.
                Some(i) => dossier
                    .discovery
                    .settled_in(i)
                    .and_then(|settled| settled.get(&source.slug))
                    .and_then(|slug| dossier.actor_position(slug)),
            })
            .filter(|&actor| actor >= first_new)
            .collect()
    };
    // The one pass over the corpus discovery adds: one source a task.
    let heard = dossier
        .sources
        .par_iter()
        .map(heard_in)
        .reduce(HashSet::new, |mut all, more| {
            all.extend(more);
            all
        });
    (first_new..count)
        .filter(|actor| !heard.contains(actor))
        .map(|actor| dossier.actors[actor].meta.name.clone())
        .collect()
}

/// Every word the corpus writes in lower case: a capitalised word that also
/// appears in lower case is an ordinary word at a sentence's start.
fn lowercase_vocabulary(sources: &[Source]) -> HashSet<String> {
    let mut vocabulary = HashSet::new();
    for source in sources {
        for paragraph in &source.paragraphs {
            for word in words(&paragraph.text) {
                let word = &paragraph.text[word];
                if word.chars().next().is_some_and(char::is_lowercase) {
                    vocabulary.insert(word.to_string());
                }
            }
        }
    }
    vocabulary
}

/// Reads the capitalised spans of one paragraph.
fn read_spans(
    text: &str,
    source: &str,
    cues: &Cues,
    tails: Option<&HashSet<String>>,
    vocabulary: &HashSet<String>,
    reading: &mut Reading,
) {
    for tokens in capitalised_spans(text)
        .into_iter()
        .flat_map(|span| split_at_and(text, span, cues))
    {
        let mut tokens = tokens;
        // "The", "But" and a sentence's first word that the text also writes in
        // lower case are not part of a name.
        while let Some(first) = tokens.first() {
            let word = &text[first.clone()];
            // A title before a name stays, though the text also writes it in
            // lower case ("Governor Jo Roe signed …" then "the governor").
            let title = cues.is_title_word(word) && tokens.len() > 1;
            let ordinary = Cues::is(&cues.not_names, word)
                || (opens_sentence(text, first.start)
                    && !title
                    && vocabulary.contains(&word.to_lowercase()));
            if ordinary || !is_capitalised(word) {
                tokens.remove(0);
            } else {
                break;
            }
        }
        while tokens
            .last()
            .is_some_and(|t| CONNECTORS.contains(&&text[t.clone()]))
        {
            tokens.pop();
        }
        let Some(first) = tokens.first() else {
            continue;
        };
        let start = first.start;
        let end = with_generation_stop(text, &tokens, tokens.last().map_or(start, |t| t.end), cues);
        if cut_by_a_bracket(text, start, end) {
            continue;
        }
        let at_sentence_start = opens_sentence(text, start);
        let token_text: Vec<&str> = tokens.iter().map(|t| &text[t.clone()]).collect();
        let inside = tokens.iter().filter(|t| !opens_sentence(text, t.start));
        let words = inside.map(|t| text[t.clone()].to_string());
        reading.capitalised.extend(words);
        // "the Joint Comprehensive Plan of Action": its initialism
        // ("J.C.P.O.A.") names a document, no organisation.
        if token_text.len() >= 2 && token_text.iter().any(|w| Cues::is(&cues.document_heads, w)) {
            reading.documents.extend(document_initials(&token_text));
        }

        // Initialism introduced right after: "Customs and Border Protection (CBP)".
        let initialism = text[end..]
            .strip_prefix(" (")
            .and_then(|rest| rest.split_once(')'))
            .map(|(inner, _)| inner)
            .filter(|inner| {
                inner.len() >= 2
                    && inner.chars().all(|c| c.is_uppercase() || c == '.')
                    && initials_match(inner, &token_text)
            });

        // A person after the last title in the run: "Deputy Attorney General Jane Doe".
        let last_title = token_text.iter().rposition(|w| cues.is_title(w));
        if let Some(t) = last_title {
            // "Secretary of State Jane Doe": the portfolio belongs to the title.
            let name_start = cues.portfolio_end(&token_text, t + 1).unwrap_or(t + 1);
            // "Representative Jane Doe of the Judiciary Committee": the name stops at "of".
            let stop = token_text[name_start..]
                .iter()
                .position(|w| !is_capitalised(w))
                .map_or(tokens.len(), |p| name_start + p);
            if stop < tokens.len() {
                read_organisation(
                    &token_text[stop..],
                    text,
                    &tokens[stop..],
                    source,
                    cues,
                    reading,
                    None,
                );
            }
            let (token_text, tokens) = (&token_text[..stop], &tokens[..stop]);
            let end = with_generation_stop(text, tokens, tokens[stop - 1].end, cues);
            let name = &token_text[name_start..];
            if !name.is_empty() && is_person_name(name, cues) {
                let cue = if Cues::is(&cues.honorifics, token_text[t]) {
                    Cue::Honorific
                } else {
                    Cue::Title
                };
                let spelling = &text[tokens[name_start].start..end];
                // "President Jane Doe of Ruritania": the state qualifies the title.
                let of_state = of_a_state(&text[end..], cues);
                let titles: Vec<(String, Option<usize>)> =
                    titles_held(text, tokens, token_text, t..name_start, cues)
                        .into_iter()
                        .map(|(words, state)| (words, state.or(of_state)))
                        .collect();
                let person = add_person(reading, spelling, name, cues, cue, token_text[t], source);
                person.hold(&titles, source);
                if t > 0 {
                    read_organisation(
                        &token_text[..t],
                        text,
                        &tokens[..t],
                        source,
                        cues,
                        reading,
                        None,
                    );
                }
                continue;
            }
        }
        // A title, honorific or role just before the run: "Sen. Jane Doe",
        // "spokeswoman Jane Doe", "his lawyer, Jane Doe".
        let role_and_comma = role_before_comma(text, start, cues)
            .or_else(|| plural_role_before(text, start, cues))
            .filter(|_| tokens.len() >= 2);
        if let Some(cue_word) = role_and_comma.or_else(|| word_before(text, start)) {
            let cue = if role_and_comma.is_some() {
                Some(Cue::Apposition)
            } else if Cues::is(&cues.honorifics, cue_word) {
                Some(Cue::Honorific)
            } else if cues.is_title(cue_word) {
                Some(Cue::Title)
            } else if Cues::is(&cues.roles, cue_word) && {
                // "Lawyer Jo Roe said": a role opening a sentence is capitalised.
                let at = start - 1 - cue_word.len();
                !is_capitalised(cue_word) || (text.is_char_boundary(at) && opens_sentence(text, at))
            } {
                Some(Cue::Apposition)
            } else {
                None
            };
            if let Some(cue) = cue.filter(|_| is_person_name(&token_text, cues)) {
                // "the special envoy, Jane Doe": a definite role before the name is
                // her title; so is a role or title just before it ("spokeswoman Jane Doe").
                let titles: Vec<(String, Option<usize>)> = match (role_and_comma, cue) {
                    (Some(_), _) => definite_role_before(&text[..start], cues)
                        .map(|t| (t, None))
                        .into_iter()
                        .collect(),
                    (None, Cue::Apposition | Cue::Title) => titles_of_role(text, start, cues),
                    (None, _) => Vec::new(),
                };
                let person = add_person(
                    reading,
                    &text[start..end],
                    &token_text,
                    cues,
                    cue,
                    cue_word,
                    source,
                );
                person.hold(&titles, source);
                continue;
            }
        }
        if let [word] = token_text.as_slice() {
            if Cues::is(&cues.institutions, word) {
                reading
                    .organisation(word)
                    .cite(Cue::Institution, word, source);
                continue;
            }
            // "the mining company Ferrex": one word only, for in "the company Jo
            // Roe founded" the name is a person's.
            if let Some(kind) = organisation_kind_before(text, start, cues) {
                reading
                    .organisation(word)
                    .cite(Cue::OrganisationKind, kind, source);
                continue;
            }
        }
        if token_text.iter().any(|w| cues.is_organisation_word(w)) {
            // "le Parti vert": where only a name's first word is capitalised, the
            // lower-case words after a lone organisation word are its name too.
            let tail = match (tails, token_text.as_slice()) {
                (Some(tails), [_]) => lower_case_tail(&text[end..], tails),
                _ => 0,
            };
            if tail > 0 {
                let name = &text[start..end + tail];
                cite_organisation(reading, name, token_text[0], source, initialism);
                continue;
            }
            read_organisation(
                &token_text,
                text,
                &tokens,
                source,
                cues,
                reading,
                initialism,
            );
            continue;
        }
        // "Customs and Border Protection (CBP)": an introduced initialism names an organisation.
        if let Some(initialism) = initialism {
            let org = reading.organisation(&text[start..end]);
            *org.spellings.entry(initialism.to_string()).or_default() += 1;
            org.cite(Cue::Initialism, initialism, source);
            continue;
        }
        // "the NATO summit", "the F.B.I.'s": an all-capital word is no person's
        // name, but an organisation's when it recurs (see `group`).
        if let [word] = token_text.as_slice() {
            if !at_sentence_start && is_acronym(word) && !qualifies_a_place(&text[..start], word) {
                let entry = reading
                    .acronyms
                    .entry(word.to_string())
                    .or_insert_with(|| (0, source.to_string()));
                entry.0 += 1;
                continue;
            }
        }
        if !is_person_name(&token_text, cues) {
            continue;
        }
        if token_text.len() >= 2 {
            let after = &text[end..];
            let role = apposition_role(after, cues).or_else(|| predicate_role(after, cues));
            if let Some(role) = role {
                let title = definite_role(after, cues).map(|t| (t, None));
                let person = add_person(
                    reading,
                    &text[start..end],
                    &token_text,
                    cues,
                    Cue::Apposition,
                    role,
                    source,
                );
                person.hold(title.as_slice(), source);
                continue;
            }
            *reading
                .plain
                .entry(text[start..end].to_string())
                .or_default()
                .entry(source.to_string())
                .or_default() += 1;
        } else {
            let word = token_text[0];
            // "Roe was a campaign adviser": of itself a surname with a role is
            // no one (a place is "a member" too), but it makes the full name it
            // ends a person's (see `group`).
            let role =
                apposition_role(&text[end..], cues).or_else(|| predicate_role(&text[end..], cues));
            if let Some(role) = role {
                reading
                    .described
                    .entry((word.to_string(), source.to_string()))
                    .or_insert_with(|| role.to_string());
            }
            if word.ends_with('s') && word.chars().skip(1).all(char::is_lowercase) {
                reading
                    .plurals
                    .entry(word.to_string())
                    .or_insert_with(|| source.to_string());
            }
            if !reading.alone.contains(word) {
                reading.alone.insert(word.to_string());
            }
            if at_sentence_start {
                continue;
            }
            *reading
                .singles
                .entry(word.to_string())
                .or_default()
                .entry(source.to_string())
                .or_default() += 1;
            let inner_capital = word.chars().skip(1).any(char::is_uppercase)
                && word.chars().any(char::is_lowercase)
                && !word.contains(['-', '\'', '’']);
            if inner_capital {
                let entry = reading
                    .acronyms
                    .entry(word.to_string())
                    .or_insert_with(|| (0, source.to_string()));
                entry.0 += 1;
            }
        }
    }
}

/// The words of a capitalised run, cut at "and" where the part before is a
/// name of its own ("the White House and the Justice Department", "Jane Doe
/// and Fox News", "Mr. Doe and White House aides") but not inside one name
/// ("Customs and Border Protection").
fn split_at_and(text: &str, span: Range<usize>, cues: &Cues) -> Vec<Vec<Range<usize>>> {
    // "Mr. Doe and White House aides": after an honorific the first part is a
    // person's name, whole before the "and".
    let after_honorific = text[..span.start]
        .trim_end()
        .rsplit(' ')
        .next()
        .is_some_and(|word| cues.is_honorific(word));
    let all = words(&text[span.clone()]);
    // "Noel and Tate": two words joined by "and" are two surnames, as news
    // writes a pair it has named in full, not one name.
    let pair_of_words = all.len() == 3;
    let mut parts = vec![Vec::new()];
    for w in all {
        let w = span.start + w.start..span.start + w.end;
        let first_part = parts.len() == 1;
        let current = parts.last_mut().expect("never empty");
        let word = &text[w.clone()];
        if matches!(word, "and" | "et" | "y" | "und") {
            let capitalised = current
                .iter()
                .filter(|t: &&Range<usize>| is_capitalised(&text[(*t).clone()]))
                .count();
            let organisation = current
                .iter()
                .any(|t: &Range<usize>| cues.is_organisation_word(&text[t.clone()]));
            if capitalised >= 2 || organisation || pair_of_words || (after_honorific && first_part)
            {
                parts.push(Vec::new());
                continue;
            }
        }
        current.push(w);
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// A name's initials, with and without its lower-case words: "Joint
/// Comprehensive Plan of Action" gives JCPOA and JCPA.
fn document_initials(name: &[&str]) -> [String; 2] {
    let initials = |every: bool| -> String {
        name.iter()
            .filter(|w| every || is_capitalised(w))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    };
    [initials(true), initials(false)]
}

/// The letters of an initialism are the initials of the name's capitalised words.
fn initials_match(initialism: &str, name: &[&str]) -> bool {
    let letters: String = initialism.chars().filter(|c| c.is_alphabetic()).collect();
    let initials: String = name
        .iter()
        .filter(|w| is_capitalised(w))
        .filter_map(|w| w.chars().next())
        .collect();
    letters.len() >= 2 && letters == initials
}

/// A middle initial: one capital letter and a full stop ("W.").
/// "J." or "J.R.": capital letters, each followed by a full stop.
fn is_initial(word: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    !letters.is_empty()
        && letters.len() <= 6
        && letters
            .chunks(2)
            .all(|pair| matches!(pair, [letter, '.'] if letter.is_uppercase()))
}

/// "(Ruritanian President Ivo) Brandt": an editor's bracket inside a
/// quotation holds the start of a name whose surname stands after it. The
/// words in the bracket name no one of their own. An initialism in brackets
/// ("the Water Board (WB) said") is no such start.
fn cut_by_a_bracket(text: &str, start: usize, end: usize) -> bool {
    // Only a short stretch before the run is read, so that each run's check
    // stays independent of the paragraph's length.
    let mut from = start.saturating_sub(BRACKET_WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let opened = text[from..start]
        .rfind('(')
        .is_some_and(|open| !text[from + open..start].contains(')'));
    let last_word = text[..end].rsplit(' ').next().unwrap_or("");
    opened
        && !is_acronym(last_word)
        && text[end..]
            .strip_prefix(") ")
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// How far before a run of capitalised words its opening bracket may stand.
const BRACKET_WINDOW: usize = 40;

/// An initialism: two to six capital letters, dotted or not ("NATO", "F.B.I.").
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && word.chars().all(|c| c.is_uppercase() || c == '.')
}

/// Two letters after "Place, " qualify the place: a state, a province or a
/// country ("Columbia, S.C.", "Albany, NY", "Leeds, U.K."), not an organisation.
fn qualifies_a_place(before: &str, initialism: &str) -> bool {
    let Some(place) = before.trim_end().strip_suffix(',') else {
        return false;
    };
    let place_word = place.rsplit(' ').next().unwrap_or_default();
    initialism_letters(initialism).chars().count() == 2
        && place_word.chars().next().is_some_and(char::is_uppercase)
}

/// The letters of an initialism, so that "F.B.I." and "FBI" are one.
fn initialism_letters(word: &str) -> String {
    word.chars().filter(|c| c.is_alphabetic()).collect()
}

/// Words that can be a person's name: capitalised, no cue word among them, at most four.
/// `end`, or one byte further where the run ends with a generation and its
/// full stop ("Jo Roe Jr."): the name is spelled as the text spells it, and
/// what stands after it (", a former aide") is read from after the stop.
fn with_generation_stop(text: &str, tokens: &[Range<usize>], end: usize, cues: &Cues) -> usize {
    let generation = tokens.len() >= 2
        && tokens
            .last()
            .is_some_and(|t| t.end == end && cues.is_generation(&text[t.clone()]));
    end + usize::from(generation && text[end..].starts_with('.'))
}

fn is_person_name(name: &[&str], cues: &Cues) -> bool {
    // "Jo F. Roe II", "Jo Roe Jr.": a generation closing a name is no word of it.
    let name = match name.split_last() {
        Some((last, rest))
            if !rest.is_empty()
                && (cues.name_suffixes.contains(*last) || cues.is_generation(last)) =>
        {
            rest
        }
        _ => name,
    };
    // "Ursula van der Lind": a particle stands between capitalised words.
    let particle = |i: usize| i > 0 && i + 1 < name.len() && cues.name_particles.contains(name[i]);
    let words = (0..name.len()).filter(|&i| !particle(i)).count();
    (1..=4).contains(&words)
        && name.iter().enumerate().all(|(i, w)| {
            particle(i)
                || (is_capitalised(w)
                    && !cues.is_organisation_word(w)
                    && !cues.is_title(w)
                    && !Cues::is(&cues.calendar, w)
                    && !Cues::is(&cues.not_names, w)
                    && !Cues::is(&cues.demonyms, w)
                    && (w.chars().any(char::is_lowercase) || is_initial(w)))
        })
        && name
            .last()
            .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// A person's key: first name and last word, lower-cased, without middle
/// initials or a numbered suffix ("III"). A generation ("Jr.") stays its last
/// word, so that "Jo Roe Jr." is not "Jo Roe".
fn person_key(name: &[&str], cues: &Cues) -> (String, String) {
    let name: Vec<&str> = name
        .iter()
        .copied()
        .filter(|w| !cues.name_suffixes.contains(*w))
        .collect();
    match name.as_slice() {
        [] => (String::new(), String::new()),
        [only] => (String::new(), only.to_lowercase()),
        // "Jo Roe Jr." is keyed as read, with or without the generation's stop.
        [first, .., last] => (
            first.to_lowercase(),
            last.trim_end_matches('.').to_lowercase(),
        ),
    }
}

fn add_person<'r>(
    reading: &'r mut Reading,
    spelling: &str,
    name: &[&str],
    cues: &Cues,
    cue: Cue,
    cue_word: &str,
    source: &str,
) -> &'r mut Candidate {
    let key = person_key(name, cues);
    let person = reading.people.entry(key).or_default();
    person.kind = Some(ActorKind::Person);
    *person.spellings.entry(spelling.to_string()).or_default() += 1;
    person.cite(cue, cue_word.trim_end_matches('.'), source);
    person
}

/// An outlet's name as compared: lower case, without a leading "the".
fn outlet_key(name: &str) -> String {
    let name = name.trim().to_lowercase();
    name.strip_prefix("the ").unwrap_or(&name).to_string()
}

#[cfg(test)]
mod tests;
