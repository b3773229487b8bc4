//! What discovery reads names by: the cues of `discover.toml` and the states,
//! capitals and demonyms of `gazetteer.toml`, parsed once.

use super::*;

pub const DEFAULT_CUES: &str = include_str!("discover.toml");
pub const DEFAULT_GAZETTEER: &str = include_str!("gazetteer.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CueFile {
    pub(super) titles: Vec<String>,
    pub(super) honorifics: Vec<String>,
    pub(super) given_name_honorifics: Vec<String>,
    pub(super) roles: Vec<String>,
    pub(super) organisation_words: Vec<String>,
    pub(super) state_organs: Vec<String>,
    pub(super) calendar: Vec<String>,
    pub(super) name_suffixes: Vec<String>,
    pub(super) generations: Vec<String>,
    pub(super) name_particles: Vec<String>,
    pub(super) person_nouns: HashMap<String, Vec<String>>,
    pub(super) person_noun_links: HashMap<String, Vec<String>>,
    pub(super) copulas: HashMap<String, Vec<String>>,
    pub(super) list_openers: HashMap<String, Vec<String>>,
    pub(super) not_names: Vec<String>,
    pub(super) modified_nouns: Vec<String>,
    pub(super) past_titles: Vec<String>,
    pub(super) capital_place_before: Vec<String>,
    pub(super) capital_place_after: Vec<String>,
    pub(super) capital_government_before: Vec<String>,
    pub(super) capital_government_after: Vec<String>,
    pub(super) state_modifier_after: Vec<String>,
    pub(super) article_names: Vec<String>,
    pub(super) buildings: Vec<String>,
    pub(super) building_place_before: Vec<String>,
    pub(super) document_heads: Vec<String>,
    pub(super) portfolios: Vec<String>,
    pub(super) entourages: Vec<Vec<String>>,
    pub(super) institutions: Vec<String>,
    pub(super) organisation_heads: Vec<String>,
    pub(super) legal_forms: Vec<String>,
    pub(super) company_heads: Vec<String>,
    pub(super) initialism_fillers: Vec<String>,
    pub(super) lowercase_head_links: Vec<String>,
    pub(super) lowercase_heads: HashMap<String, Vec<String>>,
    pub(super) role_complements: Vec<String>,
    pub(super) adjective_after_noun: Vec<String>,
    pub(super) organisation_kinds: Vec<String>,
    pub(super) name_tails: HashMap<String, Vec<String>>,
    pub(super) honorifics_in: HashMap<String, Vec<String>>,
    pub(super) short_names: HashMap<String, Vec<String>>,
    pub(super) definite_articles: HashMap<String, Vec<String>>,
    pub(super) roles_in: HashMap<String, Vec<String>>,
    pub(super) determiners: HashMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GazetteerFile {
    pub(super) state: Vec<StateEntry>,
}

/// One state of the gazetteer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateEntry {
    pub name: String,
    #[serde(default)]
    pub also: Vec<String>,
    pub demonyms: Vec<String>,
    pub capital: String,
    /// The demonym has no plural of its own ("the French").
    #[serde(default)]
    pub plural_same: bool,
}

/// The cue words, lower-cased for lookups, and the gazetteer.
#[derive(Clone)]
pub struct Cues {
    pub(super) titles: HashSet<String>,
    /// The words before the last of a title of several words ("prime" of
    /// "Prime Minister"), which belong to the title only before one.
    pub(super) title_leads: HashSet<String>,
    /// The courtesy titles of every language (`honorifics` and
    /// `honorifics_in`), or of one language in a source's cues (`cues_in`).
    pub(super) honorifics: HashSet<String>,
    /// Courtesy titles written before a given name ("Don Tomás").
    pub(super) given_name_honorifics: HashSet<String>,
    /// The courtesy titles of any language, and by language those of one.
    universal_honorifics: HashSet<String>,
    honorifics_in: HashMap<String, HashSet<String>>,
    /// Each short form of a given name and the full forms it stands for
    /// ("bob": "robert"), lower-cased (`short_names`).
    full_names: HashMap<String, HashSet<String>>,
    /// By language, the definite articles a role noun is written with, as
    /// written (`definite_articles`).
    definite_articles: HashMap<String, Vec<String>>,
    /// The definite articles of this cue set's language (English's for any
    /// language), lower case, as `definite_role` reads an apposition with.
    articles: Vec<String>,
    /// The role nouns of every language (`roles` and `roles_in`), or of one
    /// language in a source's cues (`cues_in`).
    pub(super) roles: HashSet<String>,
    /// English's role nouns, and by language those of others.
    english_roles: HashSet<String>,
    roles_in: HashMap<String, HashSet<String>>,
    pub(super) organisation_words: HashSet<String>,
    pub(super) state_organs: HashSet<String>,
    pub(super) calendar: HashSet<String>,
    pub(super) name_suffixes: HashSet<String>,
    pub(super) generations: HashSet<String>,
    /// Lower-case words inside a person's name ("van", "bin"), kept as written.
    pub(super) name_particles: HashSet<String>,
    /// The language's nouns that say an apposition's name is a person's but
    /// are no title ("a Lakeshire man"), lower case, and the words that may
    /// follow them (`person_noun_links`).
    pub(super) person_nouns: HashSet<String>,
    pub(super) person_noun_links: HashSet<String>,
    /// The language's verbs that join a name to the role it holds ("Jo Roe
    /// was a lawyer"), longest first, and the words that open a list of names
    /// after a plural role ("aides including …").
    pub(super) copulas: Vec<String>,
    pub(super) list_openers: Vec<String>,
    /// Those four lists of every language, by language.
    by_language: HashMap<String, LanguageLists>,
    pub(super) not_names: HashSet<String>,
    pub(super) demonyms: HashSet<String>,
    pub(super) modified_nouns: HashSet<String>,
    pub(super) past_titles: HashSet<String>,
    /// The determiners of every language, or of one language in a source's
    /// cues (`cues_in`).
    pub(super) determiners: HashSet<String>,
    /// By language, the determiners (`determiners`), lower case.
    determiners_in: HashMap<String, HashSet<String>>,
    /// Kept as written: they become a capital's alias rule.
    pub(super) capital_place_before: Vec<String>,
    pub(super) capital_place_after: Vec<String>,
    pub(super) capital_government_before: Vec<String>,
    pub(super) capital_government_after: Vec<String>,
    /// Kept as written: they become the alias rule of a state's name.
    pub(super) state_modifier_after: Vec<String>,
    pub(super) article_names: HashSet<String>,
    pub(super) buildings: HashSet<String>,
    /// Lower-cased head nouns of a document's name (`document_heads`).
    pub(super) document_heads: HashSet<String>,
    /// Kept as written: they become the alias rule of a building's name.
    pub(super) building_place_before: Vec<String>,
    /// The nouns of the groups around a person, one list a group (`entourages`).
    pub(super) entourages: Vec<Vec<String>>,
    /// Every word of every portfolio, lower-cased ("state", "foreign", "affairs").
    pub(super) portfolio_words: HashSet<String>,
    pub(super) institutions: HashSet<String>,
    pub(super) organisation_heads: HashSet<String>,
    /// Kept as written, case and dots: "SA" is a legal form, "Sa" no word.
    pub(super) legal_forms: HashSet<String>,
    pub(super) company_heads: Vec<String>,
    /// Lower-cased words an initialism leaves out (`initialism_fillers`).
    pub(super) initialism_fillers: HashSet<String>,
    /// Longest first, so that "de la" is tried before "de".
    pub(super) lowercase_head_links: Vec<String>,
    /// By language, lower-case institution heads (`lowercase_heads`).
    pub(super) lowercase_heads: HashMap<String, HashSet<String>>,
    pub(super) role_complements: HashSet<String>,
    /// The languages whose adjectives follow the noun (`adjective_after_noun`).
    adjective_languages: Vec<String>,
    /// In a source's cues (`cues_in`), whether its language writes adjectives
    /// after the noun: "le directeur général".
    pub(super) adjective_after_noun: bool,
    pub(super) organisation_kinds: HashSet<String>,
    /// By language, the lower-case words that may follow an organisation word
    /// in a name (`name_tails`).
    pub(super) name_tails: HashMap<String, HashSet<String>>,
    /// States' names, other names and demonyms, lower-cased and without a
    /// final full stop ("ruritania", "u.s", "ruritanian"), each to its state's
    /// index in `states` (the first that gives it).
    state_words: HashMap<String, usize>,
    pub states: Vec<StateEntry>,
}

pub(super) fn lower_set(list: &[String]) -> HashSet<String> {
    list.iter()
        .flat_map(|entry| entry.split(' ').next_back())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect()
}

/// The words of `text` after the first of `words` it opens with, in either
/// case: after a word and a space ("the envoy"), or right after an elided one
/// ("l'envoyé"). The first that fits wins: list a longer phrase first.
pub(super) fn after_one_of<'t>(text: &'t str, words: &[String]) -> Option<&'t str> {
    words.iter().find_map(|word| {
        let head = text.get(..word.len())?;
        let rest = head
            .eq_ignore_ascii_case(word)
            .then(|| &text[word.len()..])?;
        if word.ends_with(['\'', '’']) {
            Some(rest)
        } else {
            rest.strip_prefix(' ')
        }
    })
}

/// A list and the lists of each language, as one lower-cased set.
fn every_language(list: &[String], by_language: &HashMap<String, Vec<String>>) -> HashSet<String> {
    let mut set = lower_set(list);
    for words in by_language.values() {
        set.extend(lower_set(words));
    }
    set
}

/// A list for each language, each lower-cased for lookups.
fn lower_sets_by_language(
    lists: &HashMap<String, Vec<String>>,
) -> HashMap<String, HashSet<String>> {
    lists
        .iter()
        .map(|(language, words)| (language.clone(), lower_set(words)))
        .collect()
}

/// The cues of one language that `for_language` puts in its `Cues`.
#[derive(Clone, Default)]
struct LanguageLists {
    person_nouns: HashSet<String>,
    person_noun_links: HashSet<String>,
    copulas: Vec<String>,
    list_openers: Vec<String>,
}

fn language_lists(file: &CueFile) -> HashMap<String, LanguageLists> {
    let longest_first = |words: &[String]| {
        let mut words = words.to_vec();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words
    };
    let languages: BTreeSet<&String> = (file.person_nouns.keys())
        .chain(file.person_noun_links.keys())
        .chain(file.copulas.keys())
        .chain(file.list_openers.keys())
        .collect();
    languages
        .into_iter()
        .map(|language| {
            let list =
                |map: &HashMap<String, Vec<String>>| map.get(language).cloned().unwrap_or_default();
            let lists = LanguageLists {
                person_nouns: lower_set(&list(&file.person_nouns)),
                person_noun_links: lower_set(&list(&file.person_noun_links)),
                copulas: longest_first(&list(&file.copulas)),
                list_openers: longest_first(&list(&file.list_openers)),
            };
            (language.clone(), lists)
        })
        .collect()
}

impl Cues {
    pub(super) fn parse(cues: &str, gazetteer: &str) -> Result<Cues, toml::de::Error> {
        let file: CueFile = toml::from_str(cues)?;
        let states = toml::from_str::<GazetteerFile>(gazetteer)?.state;
        let demonyms = states
            .iter()
            .flat_map(|s| &s.demonyms)
            .map(|d| d.to_lowercase())
            .collect();
        Ok(Cues {
            titles: lower_set(&file.titles),
            title_leads: file
                .titles
                .iter()
                .flat_map(|t| t.split(' ').rev().skip(1))
                .map(str::to_lowercase)
                .collect(),
            honorifics: every_language(&file.honorifics, &file.honorifics_in),
            universal_honorifics: lower_set(&file.honorifics),
            given_name_honorifics: lower_set(&file.given_name_honorifics),
            honorifics_in: lower_sets_by_language(&file.honorifics_in),
            full_names: file.short_names.iter().fold(
                HashMap::new(),
                |mut full_names: HashMap<String, HashSet<String>>, (full, shorts)| {
                    for short in shorts {
                        let forms = full_names.entry(short.to_lowercase()).or_default();
                        forms.insert(full.to_lowercase());
                    }
                    full_names
                },
            ),
            articles: file
                .definite_articles
                .get("en")
                .cloned()
                .unwrap_or_default(),
            definite_articles: file.definite_articles.clone(),
            roles: every_language(&file.roles, &file.roles_in),
            english_roles: lower_set(&file.roles),
            roles_in: lower_sets_by_language(&file.roles_in),
            organisation_words: lower_set(&file.organisation_words),
            state_organs: lower_set(&file.state_organs),
            calendar: lower_set(&file.calendar),
            name_suffixes: file.name_suffixes.iter().cloned().collect(),
            generations: lower_set(&file.generations),
            name_particles: file.name_particles.iter().cloned().collect(),
            person_nouns: HashSet::new(),
            person_noun_links: HashSet::new(),
            copulas: Vec::new(),
            list_openers: Vec::new(),
            by_language: language_lists(&file),
            not_names: lower_set(&file.not_names),
            modified_nouns: lower_set(&file.modified_nouns),
            past_titles: lower_set(&file.past_titles),
            determiners: every_language(&[], &file.determiners),
            determiners_in: lower_sets_by_language(&file.determiners),
            capital_place_before: file.capital_place_before.clone(),
            capital_place_after: file.capital_place_after.clone(),
            capital_government_before: file.capital_government_before.clone(),
            capital_government_after: file.capital_government_after.clone(),
            state_modifier_after: file.state_modifier_after.clone(),
            article_names: lower_set(&file.article_names),
            buildings: lower_set(&file.buildings),
            document_heads: lower_set(&file.document_heads),
            building_place_before: file.building_place_before.clone(),
            entourages: file.entourages.clone(),
            portfolio_words: file
                .portfolios
                .iter()
                .flat_map(|p| p.split(' '))
                .map(str::to_lowercase)
                .collect(),
            institutions: lower_set(&file.institutions),
            organisation_heads: lower_set(&file.organisation_heads),
            legal_forms: file.legal_forms.iter().cloned().collect(),
            company_heads: file.company_heads.clone(),
            lowercase_head_links: {
                let mut links = file.lowercase_head_links.clone();
                links.sort_by_key(|link| std::cmp::Reverse(link.len()));
                links
            },
            lowercase_heads: lower_sets_by_language(&file.lowercase_heads),
            initialism_fillers: file
                .initialism_fillers
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            role_complements: lower_set(&file.role_complements),
            adjective_languages: file.adjective_after_noun,
            adjective_after_noun: false,
            organisation_kinds: lower_set(&file.organisation_kinds),
            name_tails: lower_sets_by_language(&file.name_tails),
            state_words: states.iter().enumerate().rev().fold(
                HashMap::new(),
                |mut words, (i, s)| {
                    for word in std::iter::once(&s.name).chain(&s.also).chain(&s.demonyms) {
                        words.insert(word.trim_end_matches('.').to_lowercase(), i);
                    }
                    words
                },
            ),
            demonyms,
            states,
        })
    }

    /// These cues with the courtesy titles of any language and of `language`.
    fn for_language(&self, language: &str) -> Cues {
        let mut honorifics = self.universal_honorifics.clone();
        honorifics.extend(
            self.honorifics_in
                .get(language)
                .into_iter()
                .flatten()
                .cloned(),
        );
        let roles = self.roles_in.get(language).unwrap_or(&self.english_roles);
        let determiners = self
            .determiners_in
            .get(language)
            .or_else(|| self.determiners_in.get("en"))
            .cloned()
            .unwrap_or_default();
        let lists = self
            .by_language
            .get(language)
            .or_else(|| self.by_language.get("en"))
            .cloned()
            .unwrap_or_default();
        Cues {
            honorifics,
            roles: roles.clone(),
            determiners,
            person_nouns: lists.person_nouns,
            person_noun_links: lists.person_noun_links,
            copulas: lists.copulas,
            list_openers: lists.list_openers,
            adjective_after_noun: self.adjective_languages.iter().any(|l| l == language),
            articles: self.definite_articles(language).to_vec(),
            ..self.clone()
        }
    }

    pub(super) fn is(set: &HashSet<String>, word: &str) -> bool {
        set.contains(&word.trim_end_matches('.').to_lowercase())
    }

    pub(super) fn is_title(&self, word: &str) -> bool {
        Self::is(&self.titles, word) || Self::is(&self.honorifics, word)
    }

    pub(super) fn is_organisation_word(&self, word: &str) -> bool {
        Self::is(&self.organisation_words, word) || self.is_legal_form(word)
    }

    /// A word an initialism leaves out of its name ("of", "des").
    pub(super) fn is_initialism_filler(&self, word: &str) -> bool {
        self.initialism_fillers.contains(&word.to_lowercase())
    }

    /// A company's legal form ("Inc.", "GmbH", "S.A."), in its own case.
    pub(super) fn is_legal_form(&self, word: &str) -> bool {
        let word = word.trim_end_matches(',');
        self.legal_forms.contains(word) || self.legal_forms.contains(word.trim_end_matches('.'))
    }

    /// An office or rank written before a name ("President", "Gen.").
    pub fn is_title_word(&self, word: &str) -> bool {
        Self::is(&self.titles, word)
    }

    /// A word that opens a title of several words ("Prime", "Vice").
    pub fn is_title_lead(&self, word: &str) -> bool {
        Self::is(&self.title_leads, word)
    }

    /// A word that may open a title of several words: a title lead, or a
    /// state organ ("Foreign" of "Foreign Minister", "Army" of "Army General").
    pub fn may_open_title(&self, word: &str) -> bool {
        self.is_title_lead(word) || Self::is(&self.state_organs, word)
    }

    /// A day or a month ("Monday", "May"), capitalised but never a name.
    pub fn is_calendar(&self, word: &str) -> bool {
        Self::is(&self.calendar, word)
    }

    /// A courtesy title ("Mr.", "Mme").
    pub fn is_honorific(&self, word: &str) -> bool {
        Self::is(&self.honorifics, word)
    }

    /// A state's name or demonym, which qualifies a title ("Ruritanian President").
    pub(super) fn is_state_word(&self, word: &str) -> bool {
        self.state_of(word).is_some()
    }

    /// The state a name or demonym of the gazetteer names ("Ruritanian",
    /// "Ruritania"), by its index in `states`: the first one that gives it.
    pub(super) fn state_of(&self, word: &str) -> Option<usize> {
        self.state_words
            .get(&word.trim_end_matches('.').to_lowercase())
            .copied()
    }

    /// A noun that, in lower case right after a name, makes the name a
    /// modifier and no mention ("the Doe inquiry"; `modified_nouns`).
    pub fn makes_a_modifier(&self, word: &str) -> bool {
        !is_capitalised(word) && Self::is(&self.modified_nouns, word)
    }

    /// Where the portfolio of the title before `words[from]` ends: after
    /// "of" or "for" and the portfolio's words ("Secretary | of State | Jane
    /// Doe"), when a capitalised word follows them. `None` when no portfolio
    /// stands there.
    pub(super) fn portfolio_end(&self, words: &[&str], from: usize) -> Option<usize> {
        let rest = words.get(from..)?;
        let (connector, rest) = rest.split_first()?;
        if !matches!(*connector, "of" | "for" | "de" | "del") {
            return None;
        }
        let portfolio = rest
            .iter()
            .take_while(|w| Self::is(&self.portfolio_words, w))
            .count();
        let name_start = from + 1 + portfolio;
        let has_portfolio = rest[..portfolio].iter().any(|w| is_capitalised(w));
        (has_portfolio && words.get(name_start).is_some_and(|w| is_capitalised(w)))
            .then_some(name_start)
    }

    /// The full forms of a given name written short ("robert" of "bob"),
    /// lower-cased; none for a name that is no short form.
    pub(super) fn full_forms(&self, given: &str) -> impl Iterator<Item = &String> {
        self.full_names.get(given).into_iter().flatten()
    }

    /// The definite articles of a source in `language` (by primary subtag),
    /// English's where none are listed.
    pub(super) fn definite_articles(&self, language: &str) -> &[String] {
        let primary = crate::text::words::primary_language(language);
        self.definite_articles
            .get(&primary)
            .or_else(|| self.definite_articles.get("en"))
            .map_or(&[], Vec::as_slice)
    }

    /// A definite article of any language that stands as a word of its own
    /// ("the", "The", "la"; not the elided "l'"), in either case.
    pub fn is_definite_article(&self, word: &str) -> bool {
        self.definite_articles
            .values()
            .flatten()
            .any(|article| article.eq_ignore_ascii_case(word))
    }

    /// The words after a definite article of this language, in either case,
    /// opening `text`:
    /// "special envoy" of "the special envoy", "ambassadeur" of "l'ambassadeur".
    pub(super) fn after_article<'t>(&self, text: &'t str) -> Option<&'t str> {
        // "The special envoy, Jo Roe" opens a sentence as often as not.
        after_one_of(text, &self.articles)
    }

    /// Where the last definite article of this language stands in `text` as a
    /// word of its own, if one does.
    pub(super) fn last_article(&self, text: &str) -> Option<usize> {
        text.char_indices().rev().map(|(i, _)| i).find(|&i| {
            (i == 0 || text[..i].ends_with(char::is_whitespace))
                && self.after_article(&text[i..]).is_some()
        })
    }

    /// The marker of another generation ("Jr."), which is no surname.
    pub(super) fn is_generation(&self, word: &str) -> bool {
        Self::is(&self.generations, word)
    }

    /// A word of a portfolio ("State" of "Secretary of State").
    pub fn is_portfolio_word(&self, word: &str) -> bool {
        Self::is(&self.portfolio_words, word)
    }

    /// The lower-case institution heads of this language (`lowercase_heads`).
    pub(super) fn lowercase_heads(&self, language: &str) -> Option<&HashSet<String>> {
        self.lowercase_heads
            .get(&crate::text::words::primary_language(language))
    }

    /// The lower-case words that may follow an organisation word in a name, in
    /// sources in `language` (none in most languages).
    pub(super) fn name_tails(&self, language: &str) -> Option<&HashSet<String>> {
        self.name_tails
            .get(&crate::text::words::primary_language(language))
    }

    /// A role noun ("spokeswoman", "adviser").
    pub fn is_role(&self, word: &str) -> bool {
        Self::is(&self.roles, word)
    }

    /// A noun of a kind of organisation ("airline", "société").
    pub fn is_organisation_kind(&self, word: &str) -> bool {
        Self::is(&self.organisation_kinds, word)
    }
}

/// The built-in cues, parsed once, with the courtesy titles of every language:
/// for text whose language is not at hand.
pub fn cues() -> &'static Cues {
    static CUES: std::sync::OnceLock<Cues> = std::sync::OnceLock::new();
    CUES.get_or_init(|| {
        Cues::parse(DEFAULT_CUES, DEFAULT_GAZETTEER).expect("the built-in cues are valid (tested)")
    })
}

/// The built-in cues for a source in `language`: courtesy titles of any
/// language and of that one only, so "Don Roe" is a name in English and
/// "Don Roe" a Señor Roe in Spanish.
pub fn cues_in(language: &str) -> &'static Cues {
    static BY_LANGUAGE: std::sync::OnceLock<HashMap<String, Cues>> = std::sync::OnceLock::new();
    let by_language = BY_LANGUAGE.get_or_init(|| {
        let all = cues();
        let languages: BTreeSet<&str> = (all.honorifics_in.keys())
            .chain(all.roles_in.keys())
            .chain(all.definite_articles.keys())
            .map(String::as_str)
            .collect();
        std::iter::once("")
            .chain(languages)
            .map(|language| (language.to_string(), all.for_language(language)))
            .collect()
    });
    let primary = crate::text::words::primary_language(language);
    by_language
        .get(&primary)
        .unwrap_or_else(|| &by_language[""])
}

/// What may stand beside an actor's name without being part of it, for the
/// proper-noun boundary rule of mentions.
pub struct Edges<'a> {
    pub cues: &'a Cues,
    /// The name is a person's: only a generational suffix or a date may follow it.
    pub person: bool,
    /// Single-word names of groups and states ("Democrat", "Ruritanian") that may
    /// stand before a person's name.
    pub leads: &'a HashSet<String>,
}

impl NameEdges for Edges<'_> {
    fn may_lead(&self, word: &str) -> bool {
        let c = self.cues;
        c.is_title(word)
            || Cues::is(&c.roles, word)
            || Cues::is(&c.calendar, word)
            || Cues::is(&c.demonyms, word)
            || Cues::is(&c.not_names, word)
            || self.leads.contains(word)
            // An initial: "Jane Q. Doe" for "Doe".
            || (self.person && word.ends_with('.') && word.chars().filter(|c| c.is_alphabetic()).count() == 1)
            // A title's portfolio: "Secretary of State Jane Doe".
            || (self.person && c.is_portfolio_word(word))
    }

    fn may_follow(&self, run: &[&str]) -> bool {
        let c = self.cues;
        let Some(first) = run.first() else {
            return true;
        };
        if Cues::is(&c.calendar, first) {
            return true;
        }
        if self.person {
            return c.name_suffixes.contains(*first);
        }
        run.iter()
            .any(|w| Cues::is(&c.state_organs, w) || c.is_title(w))
    }

    fn closes_name(&self, word: &str) -> bool {
        self.cues.is_organisation_word(word)
    }
}

/// One automaton over every name, demonym and capital of the gazetteer.
pub(super) struct Gazetteer {
    pub(super) automaton: AhoCorasick,
    /// For each pattern: the state's index and what the phrase is.
    pub(super) patterns: Vec<(usize, Phrase)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Phrase {
    Name,
    Demonym,
    PluralDemonym,
    Capital,
}

impl Gazetteer {
    pub(super) fn new(cues: &Cues) -> Gazetteer {
        let mut texts = Vec::new();
        let mut patterns = Vec::new();
        let mut seen = HashSet::new();
        for (i, state) in cues.states.iter().enumerate() {
            let mut add = |text: String, phrase: Phrase| {
                if !text.is_empty() && seen.insert((i, text.clone())) {
                    texts.push(text);
                    patterns.push((i, phrase));
                }
            };
            add(state.name.clone(), Phrase::Name);
            for also in &state.also {
                add(also.clone(), Phrase::Name);
            }
            for demonym in &state.demonyms {
                add(demonym.clone(), Phrase::Demonym);
                if !state.plural_same {
                    add(format!("{demonym}s"), Phrase::PluralDemonym);
                }
            }
            if state.capital != state.name {
                add(state.capital.clone(), Phrase::Capital);
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&texts)
            .expect("the gazetteer compiles (tested)");
        Gazetteer {
            automaton,
            patterns,
        }
    }

    pub(super) fn read(&self, text: &str, source: &str, cues: &Cues, reading: &mut Reading) {
        let leads = HashSet::new();
        let edges = Edges {
            cues,
            person: false,
            leads: &leads,
        };
        for m in self.automaton.find_iter(text) {
            let range = m.start()..m.end();
            if !crate::text::phrases::is_word_boundary(text, range.start, range.end)
                || inside_longer_name(text, range.clone(), false, &edges)
            {
                continue;
            }
            let (state, phrase) = self.patterns[m.pattern().as_usize()];
            let spelling = &text[range];
            let candidate = match phrase {
                Phrase::Capital => {
                    reading.capitals.insert(state);
                    continue;
                }
                Phrase::PluralDemonym => reading.plural_demonyms.entry(state).or_default(),
                Phrase::Name | Phrase::Demonym => reading.states.entry(state).or_default(),
            };
            *candidate.spellings.entry(spelling.to_string()).or_default() += 1;
            let cue = match phrase {
                Phrase::Name => Cue::GazetteerName,
                Phrase::Demonym => Cue::GazetteerDemonym,
                _ => Cue::PluralDemonym,
            };
            candidate.cite(cue, spelling, source);
        }
    }
}
