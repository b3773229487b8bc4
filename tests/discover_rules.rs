//! The rules by which discovery turns more of the text into mentions, each on
//! made-up articles: initialisms grouped with the organisation whose initials
//! they are, dotted and undotted alike; organisations whose name opens with a
//! title word; role nouns ("the governor") linked through the titles the same
//! article gives a person, and flagged when two people hold one; titles
//! with a portfolio ("Secretary of State Jane Doe") and dotted initials;
//! past titles and the initialism of what a title is of ("the former NSB
//! director"), and a lower-case role right before a name ("lawyer Jo Roe"); a
//! role of something before a name ("the chief executive of Acme, Jo Roe")
//! and a kind of organisation before one ("the airline Aerolink").

mod common;

use common::{discovered_names, mentions_by_actor};
use dossier::analyse::Analysis;
use dossier::model::ActorKind;
use dossier::resolve::discover::{DiscoveredActor, Limit, RoleNoun};
use dossier::resolve::Dossier;
use std::collections::BTreeMap;
use std::fs;

/// A dossier of made-up sources, each (slug, text with its headline first).
fn build(sources: &[(&str, &str)]) -> (Dossier, Analysis) {
    build_for("The Daily Made-Up", sources)
}

/// The same, every source from `outlet`.
fn build_for(outlet: &str, sources: &[(&str, &str)]) -> (Dossier, Analysis) {
    build_in("en", outlet, sources)
}

/// The same, every source in `language`.
fn build_in(language: &str, outlet: &str, sources: &[(&str, &str)]) -> (Dossier, Analysis) {
    let sources: Vec<(&str, &str, &str)> = sources
        .iter()
        .map(|(slug, text)| (*slug, language, *text))
        .collect();
    build_each(outlet, &sources)
}

/// The same, each source (slug, language, text) in its own language.
fn build_each(outlet: &str, sources: &[(&str, &str, &str)]) -> (Dossier, Analysis) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("sources")).unwrap();
    fs::write(content.join("dossier.toml"), "title = \"Made up\"\n").unwrap();
    for (slug, language, text) in sources {
        fs::write(
            content.join(format!("sources/{slug}.txt")),
            format!("+++\noutlet = \"{outlet}\"\nlanguage = \"{language}\"\n+++\n{text}"),
        )
        .unwrap();
    }
    let options = dossier::Options {
        content: content.clone(),
        ..Default::default()
    };
    let dossier = dossier::pipeline::load_dossier(&options).unwrap();
    let analysis = dossier::analyse::analyse(&dossier).unwrap();
    (dossier, analysis)
}

/// Each actor's mentions, as "source: the text they cover".
fn mentions(dossier: &Dossier, analysis: &Analysis) -> BTreeMap<String, Vec<String>> {
    mentions_by_actor(dossier, analysis)
        .into_iter()
        .map(|(actor, found)| {
            let found = found.into_iter().map(|(s, text)| format!("{s}: {text}"));
            (actor, found.collect())
        })
        .collect()
}

fn named<'d>(dossier: &'d Dossier, name: &str) -> &'d DiscoveredActor {
    dossier
        .discovery
        .actors
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| {
            let names = discovered_names(dossier);
            panic!("{name} not discovered: {names:?}")
        })
}

fn role<'d>(dossier: &'d Dossier, title: &str) -> &'d RoleNoun {
    dossier
        .discovery
        .roles
        .iter()
        .find(|r| r.title == title)
        .unwrap_or_else(|| panic!("{title} is no role noun"))
}

/// `texts` holds `text`.
fn has(texts: &[String], text: &str) {
    assert!(texts.iter().any(|t| t == text), "{text} not in {texts:?}");
}

/// Whether discovery's evidence for `actor` holds the cue word `words`
/// ("Don", "son"), with the evidence shown when an assertion fails.
fn cites(actor: &DiscoveredActor, words: &str) -> (bool, String) {
    let found = actor.evidence.iter().any(|e| e.words == words);
    (found, format!("{}: {:?}", actor.name, actor.evidence))
}

#[test]
fn an_initialism_joins_the_organisation_whose_initials_it_is() {
    let (dossier, analysis) = build(&[(
        "levy",
        "Farmers sue over the levy\n\
         The National Farmers League filed a suit on Monday.\n\
         A lawyer for the NFL said the levy was unfair. The N.F.L. wants it repealed.\n\
         Officials at the PWB, the water board, declined to comment. The PWB said nothing more.\n",
    )]);
    let league = named(&dossier, "National Farmers League");
    assert!(
        league.variants.contains(&"NFL".to_string()),
        "{:?}",
        league.variants
    );
    assert!(
        league.variants.contains(&"N.F.L.".to_string()),
        "{:?}",
        league.variants
    );
    let found = mentions(&dossier, &analysis);
    assert_eq!(found[&league.slug].len(), 3, "{found:?}");
    // An initialism no name explains is an organisation of its own when it recurs.
    let board = named(&dossier, "PWB");
    assert_eq!(found[&board.slug].len(), 2, "{found:?}");
}

/// Where a name has lower-case words, as French and Spanish write them, the
/// initialism in brackets after it still tells where it starts.
#[test]
fn an_initialism_names_the_words_it_spells_though_some_are_lower_case() {
    let (dossier, analysis) = build_each(
        "La Gazette inventée",
        &[
            (
                "quai",
                "fr",
                "Les dockers en grève\n\
                 À l'appel du Syndicat des gardiens de phare (SGP), les gardiens ont cessé le \
                 travail mardi. Le SGP réclame une prime. L'Office national de l'eau potable \
                 (ONEP) a coupé l'eau du port, et l'ONEP ne dit pas pour combien de temps.\n",
            ),
            (
                "puerto",
                "es",
                "Huelga en el puerto\n\
                 El Partido de los Pescadores Unidos (PPU) apoya la huelga. El PPU pidió una \
                 reunión al Comité para la vigilancia de faros (CVF).\n",
            ),
            (
                "harbour",
                "en",
                "Harbour strike spreads\n\
                 The Board on Lighthouse Safety in the Northern Isles (BLSNI) met on Monday. \
                 The BLSNI said the keepers were right to strike.\n",
            ),
        ],
    );
    let found = mentions(&dossier, &analysis);
    for (name, initialism, count) in [
        ("Syndicat des gardiens de phare", "SGP", 3),
        ("Office national de l'eau potable", "ONEP", 3),
        ("Partido de los Pescadores Unidos", "PPU", 3),
        ("Comité para la vigilancia de faros", "CVF", 2),
        (
            "Board on Lighthouse Safety in the Northern Isles",
            "BLSNI",
            3,
        ),
    ] {
        let actor = named(&dossier, name);
        assert_eq!(actor.kind, ActorKind::Organisation, "{name}");
        has(&actor.variants, initialism);
        assert_eq!(found[&actor.slug].len(), count, "{name}: {found:?}");
        assert!(
            found[&actor.slug][0].ends_with(&format!(": {name}")),
            "{found:?}"
        );
    }
    // Words that do not spell the initialism name nothing: the bracket is
    // something else.
    let (dossier, _) = build(&[(
        "levy",
        "Levy raised\nThe levy on Harbour fees rose again (HQ) on Monday.\n",
    )]);
    assert!(
        dossier.actors.iter().all(|a| a.meta.name != "HQ"),
        "{:?}",
        dossier
            .actors
            .iter()
            .map(|a| &a.meta.name)
            .collect::<Vec<_>>()
    );
}

/// French and Spanish write a ministry's head in lower case and its field
/// capitalised: the two together are its name.
#[test]
fn a_lower_case_head_before_a_capitalised_field_names_an_institution() {
    let (dossier, analysis) = build_each(
        "La Gazette inventée",
        &[
            (
                "phares",
                "fr",
                "Les phares restent allumés\n\
                 Selon le ministère des Affaires étrangères, les gardiens seront payés. Le \
                 ministère de l'Intérieur n'a pas commenté, et le ministère des Affaires \
                 étrangères a publié un communiqué.\n",
            ),
            (
                "faros",
                "es",
                "Los faros siguen encendidos\n\
                 El ministerio de Defensa envió técnicos a la costa, y la fiscalía de Valdoria \
                 abrió una investigación.\n",
            ),
        ],
    );
    let found = mentions(&dossier, &analysis);
    for (name, count) in [
        ("ministère des Affaires étrangères", 2),
        ("ministère de l'Intérieur", 1),
        ("ministerio de Defensa", 1),
        ("fiscalía de Valdoria", 1),
    ] {
        let actor = named(&dossier, name);
        assert_eq!(actor.kind, ActorKind::Organisation, "{name}");
        assert_eq!(found[&actor.slug].len(), count, "{name}: {found:?}");
    }
}

/// Italian and Portuguese sources name people by their roles and courtesy
/// titles as the other languages do, and their role nouns take their articles.
#[test]
fn italian_and_portuguese_roles_and_honorifics_find_people() {
    let (dossier, analysis) = build_each(
        "Il Foglio Inventato",
        &[
            (
                "molo",
                "it",
                "Il molo resta chiuso\n\
                 Il sindaco Paolo Greco ha incontrato martedì la portavoce del porto, Lia \
                 Conti. Il sindaco ha detto che il molo resta chiuso, e il sig. Bruno Neri, \
                 che vende pesce, non era d'accordo.\n",
            ),
            (
                "cais",
                "pt",
                "O cais continua fechado\n\
                 O prefeito Rui Matos recebeu na terça-feira a porta-voz do porto, Inês \
                 Lobo. O prefeito disse que o cais continua fechado.\n",
            ),
        ],
    );
    let found = mentions(&dossier, &analysis);
    for (name, count) in [
        // "Il sindaco Paolo Greco" is one mention, then "Il sindaco" another.
        ("Paolo Greco", 2),
        ("Lia Conti", 2),
        ("Bruno Neri", 1),
        ("Rui Matos", 2),
        // "a porta-voz do porto, Inês Lobo": a hyphenated role is a title too.
        ("Inês Lobo", 2),
    ] {
        let actor = named(&dossier, name);
        assert_eq!(actor.kind, ActorKind::Person, "{name}");
        assert_eq!(found[&actor.slug].len(), count, "{name}: {found:?}");
    }
    assert!(found[&named(&dossier, "Paolo Greco").slug].contains(&"molo: Il sindaco".to_string()));
    assert!(found[&named(&dossier, "Rui Matos").slug].contains(&"cais: O prefeito".to_string()));
}

/// "The mayor Jo Greco" is one mention of him, not the role and then the
/// name; "the mayor" alone later is another.
#[test]
fn a_role_right_before_its_holders_name_is_one_mention() {
    let (dossier, analysis) = build(&[(
        "pier",
        "Pier stays shut\n\
         The mayor Jo Greco met fishermen on Tuesday. The mayor said the pier stays shut, \
         and Mayor Jo Greco will say so again on Friday.\n",
    )]);
    let greco = named(&dossier, "Jo Greco");
    let found = mentions(&dossier, &analysis);
    assert_eq!(
        found[&greco.slug],
        ["pier: Jo Greco", "pier: The mayor", "pier: Jo Greco"],
    );
}

/// A role noun with a hyphen in it ("porte-parole", "vice-president") is a
/// title like any other; a hyphenated word before the role qualifies it.
#[test]
fn a_hyphenated_role_noun_is_a_title() {
    let (dossier, analysis) = build_each(
        "La Gazette inventée",
        &[(
            "quai",
            "fr",
            "Le quai reste fermé\n\
             La porte-parole du syndicat, Jeanne Roy, a rencontré le maire mardi. La \
             porte-parole a dit que le quai restait fermé.\n",
        )],
    );
    let roy = named(&dossier, "Jeanne Roy");
    assert_eq!(role(&dossier, "porte-parole").settled_in["quai"], roy.slug);
    let found = mentions(&dossier, &analysis);
    assert_eq!(found[&roy.slug].len(), 3, "{found:?}");
}

/// In French or Italian a role is written with its adjective after it: "le
/// directeur général", "l'amministratrice delegata". The two words are the
/// title, and the role alone later names the holder.
#[test]
fn a_role_with_its_adjective_after_it_is_a_title() {
    let (dossier, analysis) = build_each(
        "Le Courrier inventé",
        &[
            (
                "usine",
                "fr",
                "L'usine ferme\n\
                 Le directeur général, Paul Werner, a rencontré les ouvriers mardi. Le \
                 directeur général a dit que l'usine fermait.\n",
            ),
            (
                "fabbrica",
                "it",
                "La fabbrica chiude\n\
                 L'amministratrice delegata di Ferrex, Sofia Marini, ha incontrato gli operai. \
                 L'amministratrice delegata ha detto che la fabbrica chiude.\n",
            ),
        ],
    );
    let werner = named(&dossier, "Paul Werner");
    let marini = named(&dossier, "Sofia Marini");
    assert_eq!(
        role(&dossier, "directeur général").settled_in["usine"],
        werner.slug
    );
    assert_eq!(
        role(&dossier, "amministratrice delegata").settled_in["fabbrica"],
        marini.slug
    );
    let found = mentions(&dossier, &analysis);
    assert!(
        found[&werner.slug].contains(&"usine: Le directeur général".to_string()),
        "{found:?}"
    );
    assert!(
        found[&marini.slug].contains(&"fabbrica: L'amministratrice delegata".to_string()),
        "{found:?}"
    );
}

/// What follows a name after a comma is a role only where it is a noun phrase:
/// a clause that goes on to name someone else's role gives the name none.
#[test]
fn a_clause_after_a_name_gives_it_no_role() {
    let (dossier, analysis) = build_each(
        "The Made-Up Post",
        &[
            (
                "pier",
                "en",
                "Pier stays shut\n\
                 Jo Roe, who met the mayor on Monday, said the pier stays shut. Ann Lee, the \
                 man who chairs the board, agreed. The mayor said nothing.\n",
            ),
            (
                "quai",
                "fr",
                "Le quai reste fermé\n\
                 Jeanne Roy, a rencontré le maire mardi. Le maire n'a rien dit.\n",
            ),
        ],
    );
    for name in ["Jo Roe", "Ann Lee", "Jeanne Roy"] {
        let actor = dossier.discovery.actors.iter().find(|a| a.name == name);
        if let Some(actor) = actor {
            assert!(
                actor
                    .evidence
                    .iter()
                    .all(|e| e.words != "mayor" && e.words != "maire"),
                "{name}: {:?}",
                actor.evidence
            );
        }
    }
    let found = mentions(&dossier, &analysis);
    for said in ["pier: The mayor", "quai: Le maire"] {
        assert!(
            found.values().flatten().all(|m| m != said),
            "{said} linked: {found:?}"
        );
    }
}

/// States by their Italian and Portuguese names are the same states.
#[test]
fn states_named_in_italian_and_portuguese_are_found() {
    let (dossier, _) = build_each(
        "Il Foglio Inventato",
        &[
            (
                "navi",
                "it",
                "Le navi partono\nGli armatori guardano alla Germania e ai Paesi Bassi, \
                 mentre gli Stati Uniti aspettano.\n",
            ),
            (
                "navios",
                "pt",
                "Os navios partem\nOs armadores olham para a Alemanha e a Espanha.\n",
            ),
        ],
    );
    let states: Vec<&str> = dossier
        .actors
        .iter()
        .filter(|a| a.meta.kind == ActorKind::State)
        .map(|a| a.slug.as_str())
        .collect();
    assert_eq!(states, ["germany", "netherlands", "spain", "united-states"]);
}

/// An organisation whose name opens with its head noun is "the department"
/// later, but "the Department of Fisheries" is its full name, not the head
/// noun and then other words.
#[test]
fn after_an_article_the_full_name_wins_over_the_head_noun() {
    let (dossier, analysis) = build(&[(
        "quotas",
        "Fish quotas cut\n\
         The Department of Fisheries cut the quotas on Monday. A spokesman for the \
         Department of Fisheries said the department would review them.\n",
    )]);
    let department = named(&dossier, "Department of Fisheries");
    let found = mentions(&dossier, &analysis);
    assert_eq!(
        found[&department.slug],
        [
            "quotas: Department of Fisheries",
            "quotas: Department of Fisheries",
            "quotas: the department"
        ],
    );
}

#[test]
fn a_dotted_initialism_makes_a_slug_without_hyphens() {
    let (dossier, _) = build(&[(
        "levy",
        "Farmers sue over the levy\n\
         The P.W.B. said on Monday that the levy stays. The P.W.B. will meet again in May.\n",
    )]);
    let board = named(&dossier, "P.W.B.");
    assert_eq!(board.slug, "pwb");
}

#[test]
fn an_organisation_whose_name_opens_with_a_title_word_is_found() {
    let (dossier, _) = build(&[(
        "courts",
        "Courts\nThe Justice Ministry said on Monday that the Justice Ministry would appeal.\n",
    )]);
    named(&dossier, "Justice Ministry");
}

#[test]
fn a_name_right_before_a_noun_it_modifies_is_no_mention() {
    let (dossier, analysis) = build(&[(
        "inquiry",
        "Inquiry widens\n\
         Senator Mara Quell opened the inquiry on Monday. Quell said the Quell inquiry would be short.\n\
         Critics of Quell's inquiry were not heard. The Quell campaign paid for the ads.\n",
    )]);
    let quell = named(&dossier, "Mara Quell");
    let found = mentions(&dossier, &analysis);
    let texts = &found[&quell.slug];
    // "Mara Quell", "Quell said", "Quell's inquiry": three; "the Quell inquiry"
    // is the inquiry's, "the Quell campaign" the campaign's.
    assert_eq!(texts.len(), 3, "{texts:?}");
}

#[test]
fn a_role_noun_names_the_one_person_its_article_gives_the_title() {
    let (dossier, analysis) = build(&[
        (
            "one",
            "Budget passes\n\
             Governor Lena Marsh signed the budget on Monday. The governor said it was fair.\n\
             Former Governor Otto Pell called it late; the governor did not answer him.\n",
        ),
        (
            "two",
            "Two governors\n\
             Governor Lena Marsh and Governor Ivo Brandt met on Tuesday. The governor left early.\n",
        ),
        (
            "three",
            "Summit\n\
             Austrian Governor Ivo Brandt met Governor Lena Marsh. The governor of the host state spoke first.\n",
        ),
    ]);
    let marsh = named(&dossier, "Lena Marsh");
    let role = role(&dossier, "governor");
    // A past title holds nothing: Otto Pell is no holder.
    assert!(
        !role.holders.iter().any(|h| h.contains("pell")),
        "{:?}",
        role.holders
    );
    // One holder in "one"; two in "two", so it is flagged there, not guessed;
    // in "three" the holder a state's name qualifies gives way to the plain one.
    assert_eq!(role.settled_in.get("one"), Some(&marsh.slug));
    assert_eq!(role.settled_in.get("two"), None);
    assert_eq!(role.settled_in.get("three"), Some(&marsh.slug));
    let found = mentions(&dossier, &analysis);
    let texts = &found[&marsh.slug];
    has(texts, "one: The governor");
    has(texts, "one: the governor");
    assert!(
        !texts.iter().any(|t| t.starts_with("two: The governor")),
        "{texts:?}"
    );
    has(texts, "three: The governor");
}

#[test]
fn a_role_noun_matches_with_its_title_capitalised_and_a_possessive_role_is_no_title() {
    let (dossier, analysis) = build(&[(
        "visit",
        "A visit\n\
         Governor Lena Marsh met Ivo Brandt, the governor's chief of staff, on Monday.\n\
         \"We agree,\" the Governor said. The Governor left at noon.\n",
    )]);
    let marsh = named(&dossier, "Lena Marsh");
    let role = role(&dossier, "governor");
    // "Ivo Brandt, the governor's chief of staff" gives Brandt no title.
    assert_eq!(role.holders, std::slice::from_ref(&marsh.slug));
    let found = mentions(&dossier, &analysis);
    let texts = &found[&marsh.slug];
    has(texts, "visit: the Governor");
    has(texts, "visit: The Governor");
}

#[test]
fn a_surname_and_a_title_shared_in_one_article_name_its_prominent_person() {
    let (dossier, analysis) = build(&[
        (
            "gala",
            "Gala\n\
             Mayor Ansel Varga opened the gala with his wife, Ms. Petra Varga, on Friday.\n\
             Mayor Varga spoke first. Mr. Varga thanked the donors. Varga said the hall was full.\n\
             Varga left at ten; the mayor did not stay. Former Mayor Tom Ridley said Mayor Nils Ode \
             of the twin town had sent a letter.\n",
        ),
        (
            "sisters",
            "Two engineers\n\
             Dr. Ida Kessel and Dr. Rut Kessel disagreed. Kessel said the river was low.\n",
        ),
        (
            "recap",
            "Recap\n\
             Ansel Varga and Petra Varga left early. Varga said nothing more.\n",
        ),
    ]);
    let ansel = named(&dossier, "Ansel Varga");
    named(&dossier, "Petra Varga");
    // "Mayor Varga", "Mr. Varga": the surname-only spellings join the full
    // name that holds the title they were given, not a separate actor.
    assert!(
        !dossier.discovery.actors.iter().any(|a| a.name == "Varga"),
        "{:?}",
        dossier.discovery.actors
    );
    let varga = dossier
        .discovery
        .ambiguous
        .iter()
        .find(|a| a.text == "Varga")
        .expect("a shared surname is flagged");
    // In "gala" Ansel is named three times in full or after a cue, Petra
    // once: the bare surname is his.
    assert_eq!(varga.settled_in.get("gala"), Some(&ansel.slug));
    assert!(varga.prominent_in.contains("gala"));
    // In "recap" each is named once: open there; over the corpus Ansel is
    // named four times, Petra twice: not three times as often, so open.
    assert_eq!(varga.settled_in.get("recap"), None);
    // Two people named as often as each other: flagged, never guessed.
    let kessel = dossier
        .discovery
        .ambiguous
        .iter()
        .find(|a| a.text == "Kessel")
        .expect("a shared surname is flagged");
    assert_eq!(kessel.settled_in.get("sisters"), None);
    // Two mayors in "gala", one named three times as often: "the mayor" is him.
    let mayor = role(&dossier, "mayor");
    assert_eq!(mayor.settled_in.get("gala"), Some(&ansel.slug));
    let found = mentions(&dossier, &analysis);
    let texts = &found[&ansel.slug];
    has(texts, "gala: the mayor");
    has(texts, "gala: Varga");
    assert!(!texts.iter().any(|t| t == "recap: Varga"), "{texts:?}");
}

#[test]
fn a_word_that_names_an_institution_alone_is_an_organisation() {
    let (dossier, analysis) = build(&[(
        "vote",
        "Vote\n\
         Parliament passed the water bill on Monday, and the Kremlin said it would study it.\n\
         The Parliament Budget Office had costed it; critics in Parliament were few.\n",
    )]);
    let parliament = named(&dossier, "Parliament");
    assert_eq!(parliament.kind, dossier::model::ActorKind::Organisation);
    assert!(parliament
        .evidence
        .iter()
        .any(|e| e.cue == dossier::resolve::discover::Cue::Institution));
    named(&dossier, "Kremlin");
    let found = mentions(&dossier, &analysis);
    // Inside "The Parliament Budget Office" the longer name is the actor.
    assert_eq!(
        found[&parliament.slug],
        ["vote: Parliament", "vote: Parliament"],
        "{found:?}"
    );
}

#[test]
fn the_head_noun_of_an_organisations_name_stands_for_it() {
    let (dossier, analysis) = build(&[
        (
            "levy",
            "Levy\n\
             The Water Committee met on Monday. The committee said the levy was fair, \
             and the Progressive Union Party agreed; the party will vote for it.\n",
        ),
        (
            "boards",
            "Boards\n\
             The Water Committee and the Roads Committee met. The committee chair left.\n",
        ),
    ]);
    let water = named(&dossier, "Water Committee");
    let party = named(&dossier, "Progressive Union Party");
    let committee = role(&dossier, "committee");
    assert_eq!(committee.settled_in.get("levy"), Some(&water.slug));
    // Two committees named once each: "the committee" is flagged there, not guessed.
    assert_eq!(committee.settled_in.get("boards"), None);
    let found = mentions(&dossier, &analysis);
    has(&found[&water.slug], "levy: The committee");
    has(&found[&party.slug], "levy: the party");
    assert!(
        !found[&water.slug]
            .iter()
            .any(|t| t.starts_with("boards: The committee")),
        "{found:?}"
    );
}

#[test]
fn the_dossiers_own_outlets_are_no_actors() {
    let (dossier, analysis) = build_for(
        "The Valley Herald",
        &[(
            "dam",
            "Dam\n\
             The Water Committee told The Valley Herald on Monday that the dam was safe. \
             The Coast Herald and The Valley Herald both asked again.\n",
        )],
    );
    named(&dossier, "Water Committee");
    // Another outlet the text names stays an actor; the dossier's own does not.
    named(&dossier, "Coast Herald");
    assert_eq!(dossier.discovery.outlets, ["Valley Herald"]);
    assert!(
        !dossier
            .discovery
            .actors
            .iter()
            .any(|a| a.name.contains("Valley")),
        "{:?}",
        dossier.discovery.actors
    );
    assert!(!mentions(&dossier, &analysis)
        .keys()
        .any(|a| a.contains("valley")));
}

#[test]
fn a_name_written_once_then_by_its_surname_is_a_person() {
    let (dossier, analysis) = build(&[(
        "harbour",
        "Harbour\n\
         The harbour plan was drawn up by Orla Finch and two engineers.\n\
         It was Finch who costed it; the council thanked Finch on Monday.\n\
         Visitors came from New Haven and went back to New Haven on Tuesday.\n",
    )]);
    let finch = named(&dossier, "Orla Finch");
    assert_eq!(finch.kind, dossier::model::ActorKind::Person);
    assert_eq!(mentions(&dossier, &analysis)[&finch.slug].len(), 3);
    // A name whose last word is never used alone is no one's.
    assert!(
        !dossier
            .discovery
            .actors
            .iter()
            .any(|a| a.name == "New Haven"),
        "{:?}",
        dossier.discovery.actors
    );
}

#[test]
fn a_capitalised_adjective_and_its_plural_alone_make_a_group() {
    let (dossier, analysis) = build(&[(
        "vote",
        "Vote\n\
         Three Unionist senators voted no on Monday. Later, Unionists said the bill was rushed,\n\
         and Unionists in the lower house agreed. Senator Ada Brill told her fellow Unionists to wait.\n",
    )]);
    let unionists = named(&dossier, "Unionists");
    assert_eq!(unionists.kind, dossier::model::ActorKind::Group);
    // "her fellow Unionists" makes no person of the plural.
    assert!(
        !dossier
            .discovery
            .actors
            .iter()
            .any(|a| a.name == "Unionists" && a.kind == dossier::model::ActorKind::Person),
        "{:?}",
        dossier.discovery.actors
    );
    let found = mentions(&dossier, &analysis);
    assert_eq!(found[&unionists.slug].len(), 4, "{found:?}");
}

#[test]
fn a_name_with_an_inner_capital_is_also_written_with_one() {
    let (dossier, analysis) = build(&[(
        "leak",
        "Leak\n\
         The files were posted by DataHaven on Monday, and DataHaven said more would follow.\n\
         Critics said Datahaven had not checked them.\n",
    )]);
    let haven = named(&dossier, "DataHaven");
    assert!(
        haven.variants.contains(&"Datahaven".to_string()),
        "{:?}",
        haven.variants
    );
    assert_eq!(mentions(&dossier, &analysis)[&haven.slug].len(), 3);
}

#[test]
fn a_name_with_of_joins_the_same_name_with_its_head_noun_last() {
    let (dossier, analysis) = build(&[(
        "pipes",
        "Pipes\n\
         The Department of Water said on Monday that the pipes were old.\n\
         A report by the Water Department had said so in May.\n",
    )]);
    let water = named(&dossier, "Department of Water");
    assert!(
        water.variants.contains(&"Water Department".to_string()),
        "{:?}",
        water.variants
    );
    assert_eq!(mentions(&dossier, &analysis)[&water.slug].len(), 2);
}

#[test]
fn a_role_and_a_comma_before_a_name_make_it_a_persons() {
    let (dossier, analysis) = build(&[(
        "court",
        "Court\n\
         The mayor's lawyer, Ivo Brandt, filed the appeal. Her son-in-law, Emil Strand, watched.\n\
         On Tuesday, North Field was closed.\n",
    )]);
    for name in ["Ivo Brandt", "Emil Strand"] {
        let person = named(&dossier, name);
        assert_eq!(person.kind, dossier::model::ActorKind::Person);
        assert!(person
            .evidence
            .iter()
            .any(|e| e.cue == dossier::resolve::discover::Cue::Apposition));
        assert_eq!(mentions(&dossier, &analysis)[&person.slug].len(), 1);
    }
    // A comma before a name with no role before it is no cue.
    assert!(!dossier
        .discovery
        .actors
        .iter()
        .any(|a| a.name == "North Field"));
}

#[test]
fn a_state_before_a_title_and_a_name_qualifies_the_title() {
    let (dossier, analysis) = build(&[(
        "talks",
        "Talks\n\
         Austrian President Ivo Brandt met the Austrian ambassador on Monday.\n\
         Austria said the talks went well, and Austrian Foreign Minister Lena Marsh agreed.\n",
    )]);
    let austria = named(&dossier, "Austria");
    let found = mentions(&dossier, &analysis);
    // "the Austrian ambassador" and "Austria said" speak for the state; the
    // demonym in "Austrian President Ivo Brandt" is part of his title.
    assert_eq!(
        found[&austria.slug],
        ["talks: Austrian", "talks: Austria"],
        "{found:?}"
    );
    has(
        &found[&named(&dossier, "Ivo Brandt").slug],
        "talks: Ivo Brandt",
    );
}

#[test]
fn an_organisation_before_a_title_and_a_name_qualifies_the_title() {
    let (dossier, analysis) = build(&[(
        "levy",
        "Farmers sue over the levy\n\
         Water Board chairman Ivo Brandt said the levy stays. Former NSB director Lena Marsh \
         disagreed, and Senate Minority Leader Tom Hale said the Water Board should wait. \
         The Water Board director on Monday refused. The NSB said nothing, and the Senate \
         will vote in May. Marsh wrote to the Water Board director. Soon the Water Board \
         director, Jo Roe, wrote back.\n",
    )]);
    let found = mentions(&dossier, &analysis);
    // Before a title and a name the organisation is part of that person's
    // title; before a title alone, or alone, it is the organisation.
    assert_eq!(
        found[&named(&dossier, "Water Board").slug],
        ["levy: Water Board"; 4],
        "{found:?}"
    );
    assert_eq!(
        found[&named(&dossier, "NSB").slug],
        ["levy: NSB"],
        "{found:?}"
    );
    assert_eq!(
        found[&named(&dossier, "Senate").slug],
        ["levy: Senate"],
        "{found:?}"
    );
    for person in ["Ivo Brandt", "Lena Marsh", "Tom Hale"] {
        has(
            &found[&named(&dossier, person).slug],
            &format!("levy: {person}"),
        );
    }
}

#[test]
fn a_state_that_qualifies_a_persons_title_is_their_state() {
    let (dossier, analysis) = build(&[(
        "talks",
        "Talks on the river\n\
         Austrian President Ivo Brandt met Italian Foreign Minister Lena Marsh on Monday. \
         \"We will sign in May,\" Brandt said. Italy wants a treaty, and Austria and the U.S. agreed. \
         \"The river is shared,\" Marsh said. Jo Roe, a spokeswoman for the farmers, said \
         the river was low. U.S. Ambassador Al Moss said nothing.\n",
    )]);
    let affiliation = |name: &str| {
        let slug = &named(&dossier, name).slug;
        let actor = dossier.actors.iter().find(|a| &a.slug == slug).unwrap();
        actor.meta.affiliation.clone()
    };
    assert_eq!(
        affiliation("Ivo Brandt"),
        Some(named(&dossier, "Austria").slug.clone())
    );
    assert_eq!(
        affiliation("Lena Marsh"),
        Some(named(&dossier, "Italy").slug.clone())
    );
    assert_eq!(affiliation("Jo Roe"), None);
    assert_eq!(
        affiliation("Al Moss"),
        Some(named(&dossier, "United States").slug.clone())
    );
    // The comparison groups their words by state.
    let groups: Vec<&str> = analysis.comparison.voices[0]
        .groups
        .iter()
        .map(|g| g.group.as_str())
        .collect();
    assert!(groups.contains(&"Austria voices"), "{groups:?}");
    assert!(groups.contains(&"Italy voices"), "{groups:?}");
}

/// "the Austrian president" is the person another sentence calls "Austrian
/// President Ivo Brandt": a mention of him, not of Austria, and the speaker
/// where it says something. A state's initialism works as its demonym does.
#[test]
fn a_demonym_before_a_title_a_state_qualifies_names_its_holder() {
    let (dossier, analysis) = build(&[
        (
            "visit",
            "Visit to the river\n\
             Austrian President Ivo Brandt met U.S. Ambassador Al Moss and President Lena Marsh on Monday. \
             Brandt spoke first; Moss and Marsh listened.\n",
        ),
        (
            "later",
            "The day after\n\
             The Austrian president said the river was low. The U.S. ambassador \
             was silent, and the Austrian economy grew. Austria wants a treaty.\n",
        ),
    ]);
    let brandt = named(&dossier, "Ivo Brandt");
    let moss = named(&dossier, "Al Moss");
    let austrian = role(&dossier, "Austrian president");
    assert_eq!(austrian.holders, vec![brandt.slug.clone()]);
    assert_eq!(austrian.settled_in.get("later"), Some(&brandt.slug));
    let found = mentions(&dossier, &analysis);
    has(&found[&brandt.slug], "later: The Austrian president");
    has(&found[&moss.slug], "later: The U.S. ambassador");
    // The demonym inside the role is no mention of Austria; elsewhere it is
    // ("the Austrian economy").
    let austria = &found[&named(&dossier, "Austria").slug];
    let demonyms = austria.iter().filter(|t| *t == "later: Austrian").count();
    assert_eq!(demonyms, 1, "{austria:?}");
    has(austria, "later: Austria");
    // A title no state qualifies makes no such role: Lena Marsh is no one's.
    assert!(
        !dossier
            .discovery
            .roles
            .iter()
            .any(|r| r.holders.contains(&named(&dossier, "Lena Marsh").slug)
                && r.title != "president"),
        "{:?}",
        dossier.discovery.roles
    );
    let said = analysis
        .statements
        .iter()
        .find(|s| s.source == "later")
        .expect("a statement in the later source");
    assert_eq!(
        said.statement.speaker,
        dossier::analyse::quotes::Speaker::Actor(brandt.slug.clone())
    );
}

/// "(Ruritanian President Ivo) Brandt", an editor's bracket in a quotation,
/// names Ivo Brandt, not a person called Ivo.
#[test]
fn a_bracket_that_cuts_a_name_makes_no_person_of_its_first_part() {
    let (dossier, _) = build(&[(
        "memo",
        "The memo\n\
         Governor Ivo Brandt met Jo Roe on Monday. \"He said that (Ruritanian President Ivo) Brandt \
         had called him,\" Roe wrote. The Water Board (WB) Chairman Al Moss agreed.\n",
    )]);
    let names = discovered_names(&dossier);
    assert!(names.contains(&"Ivo Brandt"), "{names:?}");
    assert!(!names.contains(&"Ivo"), "{names:?}");
    assert!(names.contains(&"Water Board"), "{names:?}");
}

/// An initialism of a document the text names ("the Lake Water Sharing
/// Agreement, or L.W.S.A.") names no organisation, though it recurs; a
/// recurring initialism of nothing the text spells out still does.
#[test]
fn the_initialism_of_a_documents_name_is_no_organisation() {
    let (dossier, _) = build(&[(
        "pact",
        "The pact\n\
         The ministers defended the Lake Water Sharing Agreement, or L.W.S.A., on Monday. \
         The L.W.S.A. splits the river; the NRB said the L.W.S.A. was fair, and the NRB \
         will check it.\n",
    )]);
    let names = discovered_names(&dossier);
    assert!(!names.iter().any(|n| n.contains("L.W.S.A")), "{names:?}");
    assert!(names.contains(&"NRB"), "{names:?}");
}

#[test]
fn two_letters_after_a_place_and_a_comma_qualify_the_place() {
    let (dossier, _) = build(&[(
        "levy",
        "Farmers sue over the levy\n\
         LAKETOWN, N.R. (Wire) — Farmers filed a suit on Monday. Officials in Laketown, N.R., \
         said the levy stays. In Rivertown, N.R., the PWB said nothing. The PWB will meet in May.\n",
    )]);
    let names: Vec<&str> = dossier
        .discovery
        .actors
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert!(!names.contains(&"N.R."), "{names:?}");
    assert!(names.contains(&"PWB"), "{names:?}");
}

#[test]
fn a_name_after_an_honorific_ends_at_and() {
    let (dossier, _) = build(&[(
        "levy",
        "Farmers sue over the levy\n\
         Statements from Mr. Roe and Water Board officials differed. Mr. Roe said the levy stays. \
         Jane Roe has led the farmers since May. The Water Board declined to comment.\n",
    )]);
    let names = discovered_names(&dossier);
    assert!(!names.iter().any(|n| n.contains(" and ")), "{names:?}");
    assert!(names.contains(&"Water Board"), "{names:?}");
}

#[test]
fn a_title_with_its_portfolio_and_dotted_initials_open_a_persons_name() {
    let (dossier, analysis) = build(&[(
        "cabinet",
        "Cabinet shuffle\n\
         The governor dismissed Secretary of State Rolf Ammer and national security adviser K.L. Brandt on Monday.\n\
         Minister of Foreign Affairs Omar Ben Salah said the change was expected. \
         Ammer declined to comment, and the secretary of state left the capital.\n\
         The Secretary of Homeland Security Office issued no statement.\n",
    )]);
    let ammer = named(&dossier, "Rolf Ammer");
    named(&dossier, "K.L. Brandt");
    named(&dossier, "Omar Ben Salah");
    // The portfolio is the title's, not the name's: no "State Rolf Ammer";
    // and an office's name with no one after it is no person.
    let names = discovered_names(&dossier);
    assert!(!names.iter().any(|n| n.contains("State")), "{names:?}");
    let people: Vec<&str> = dossier
        .discovery
        .actors
        .iter()
        .filter(|a| a.kind == dossier::model::ActorKind::Person)
        .map(|a| a.name.as_str())
        .collect();
    assert!(!people.iter().any(|n| n.contains("Security")), "{people:?}");
    assert_eq!(
        role(&dossier, "secretary of state").holders,
        std::slice::from_ref(&ammer.slug)
    );
    let found = mentions(&dossier, &analysis);
    let texts = &found[&ammer.slug];
    has(texts, "cabinet: Rolf Ammer");
    has(texts, "cabinet: Ammer");
    has(texts, "cabinet: the secretary of state");
}

#[test]
fn a_generation_marker_is_no_surname() {
    let (dossier, analysis) = build(&[(
        "suit",
        "Suit filed\n\
         Mayor Jo Ellery and her son, Jo Ellery Jr., were named in the suit. \
         His lawyer said Jo Ellery Jr. would fight it.\n\
         Tom R. Vance Jr., a former adviser, called it \"a story made up by rivals.\"\n",
    )]);
    let son = named(&dossier, "Jo Ellery Jr.");
    assert!(
        !son.variants.iter().any(|v| v == "Jr"),
        "{:?}",
        son.variants
    );
    // "Jr." in another man's name is no mention of the son.
    let found = mentions(&dossier, &analysis);
    assert!(
        found[&son.slug].iter().all(|t| t.contains("Ellery")),
        "{found:?}"
    );
}

#[test]
fn the_people_around_a_person_are_a_group_of_theirs_and_name_them_too() {
    let (dossier, analysis) = build(&[
        (
            "one",
            "Talks stall\n\
             Governor Lena Marsh met the council on Monday. Marsh's lawyers said the talks had stalled, \
             and Ms. Marsh's legal team asked for more time.\n\
             Critics of Ivo Brandt's lawyers were not heard.\n",
        ),
        (
            "two",
            "Delay\nGovernor Lena Marsh's attorneys filed a motion. Marsh declined to comment.\n",
        ),
    ]);
    let marsh = named(&dossier, "Lena Marsh");
    let lawyers = named(&dossier, "Lena Marsh's lawyers");
    assert_eq!(lawyers.kind, dossier::model::ActorKind::Group);
    assert_eq!(lawyers.slug, "lena-marsh-lawyers");
    for spelling in [
        "Marsh's lawyers",
        "Marsh's legal team",
        "Lena Marsh's attorneys",
    ] {
        assert!(
            lawyers.variants.iter().any(|v| v == spelling),
            "{spelling}: {:?}",
            lawyers.variants
        );
    }
    // The group belongs to its person; one named once is no group yet.
    let actor = dossier
        .actors
        .iter()
        .find(|a| a.slug == lawyers.slug)
        .unwrap();
    assert_eq!(actor.meta.affiliation.as_deref(), Some(marsh.slug.as_str()));
    let names = discovered_names(&dossier);
    assert!(!names.iter().any(|n| n.contains("Brandt's")), "{names:?}");
    let found = mentions(&dossier, &analysis);
    assert_eq!(found[&lawyers.slug].len(), 3, "{found:?}");
    has(&found[&marsh.slug], "two: Marsh");
    // "Marsh's lawyers" mentions Marsh too: the group is hers.
    has(&found[&marsh.slug], "one: Marsh");
    has(&found[&marsh.slug], "two: Lena Marsh");
}

#[test]
fn a_question_word_that_opens_a_clause_is_no_part_of_a_name() {
    let (dossier, _) = build(&[(
        "aides",
        "Aides\nThe aides of Lena Marsh spoke on Monday, and Marsh said little; then Marsh left. \
         One aide put it plainly: “It is basically: Whatever Marsh says goes.” Lena Marsh did not reply.\n",
    )]);
    let names = discovered_names(&dossier);
    assert!(names.contains(&"Lena Marsh"), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("Whatever") || n.starts_with("However")),
        "{names:?}"
    );
}

#[test]
fn a_title_of_two_words_makes_a_role_noun_of_both() {
    let (dossier, analysis) = build(&[(
        "envoy",
        "Envoy arrives\nOn Monday, Special Envoy Jo Roe arrived with Counsel Ivo Brandt. \
         The special envoy met the council at noon.\n",
    )]);
    let roe = named(&dossier, "Jo Roe");
    assert_eq!(
        role(&dossier, "special envoy").settled_in.get("envoy"),
        Some(&roe.slug)
    );
    let found = mentions(&dossier, &analysis);
    has(&found[&roe.slug], "envoy: The special envoy");
}

#[test]
fn a_definite_role_before_a_name_is_its_title() {
    let (dossier, analysis) = build(&[
        (
            "inquiry",
            "Inquiry\nThe inquiry was opened by the special counsel, Jo Roe, in May. \
         The special counsel said on Monday that it would end soon. \
         A spokesman for the mayor's office, Ivo Brandt, declined to comment.\n",
        ),
        (
            // A curly mark right before the role: the clause is cut at a character's edge.
            "statement",
            "Statement\n“We will see,” the aide, Ana Ruiz, said, and Ruiz left.\n",
        ),
    ]);
    let roe = named(&dossier, "Jo Roe");
    assert_eq!(
        role(&dossier, "special counsel").settled_in.get("inquiry"),
        Some(&roe.slug)
    );
    let found = mentions(&dossier, &analysis);
    has(&found[&roe.slug], "inquiry: The special counsel");
}

#[test]
fn a_past_title_an_initialism_and_a_role_before_a_name_make_role_nouns_of_their_own() {
    let (dossier, analysis) = build(&[
        (
            "memos",
            "Memos reach the council\n\
             Former NSB Director Jo Harlan gave lawmakers his notes on Monday.\n\
             The former NSB director said the notes were accurate; critics said the former \
             director had kept them for himself.\n\
             Harlan's successor, NSB Director Mia Coll, declined to comment. The director said \
             the agency would cooperate, and the NSB director left at noon.\n\
             Lawyer Ben Sato, who represents Harlan, said the release was welcome. The lawyer \
             said his client would testify.\n",
        ),
        (
            "campaign",
            "Campaign\n\
             Party Chairman Ana Ruiz met campaign chairman Ivo Brandt, and the board told \
             lawyer Tom Vance to wait. The chairman said nothing; the lawyer left.\n",
        ),
    ]);
    let harlan = named(&dossier, "Jo Harlan");
    let coll = named(&dossier, "Mia Coll");
    let sato = named(&dossier, "Ben Sato");
    // Harlan's title is a past one: "the director" is Coll's alone.
    let settled = |title: &str| role(&dossier, title).settled_in.get("memos").cloned();
    assert_eq!(settled("director"), Some(coll.slug.clone()));
    assert_eq!(settled("NSB director"), Some(coll.slug.clone()));
    assert_eq!(settled("former NSB director"), Some(harlan.slug.clone()));
    assert_eq!(settled("former director"), Some(harlan.slug.clone()));
    assert_eq!(settled("lawyer"), Some(sato.slug.clone()));
    let found = mentions(&dossier, &analysis);
    has(&found[&harlan.slug], "memos: The former NSB director");
    has(&found[&harlan.slug], "memos: the former director");
    has(&found[&coll.slug], "memos: The director");
    has(&found[&coll.slug], "memos: the NSB director");
    has(&found[&sato.slug], "memos: The lawyer");
    // "campaign chairman" qualifies the role and "told lawyer" may be a
    // verb's: neither makes Brandt the chairman or Vance the lawyer.
    let ruiz = named(&dossier, "Ana Ruiz");
    let chairman = role(&dossier, "chairman");
    assert_eq!(chairman.holders, std::slice::from_ref(&ruiz.slug));
    assert!(dossier
        .discovery
        .roles
        .iter()
        .all(|r| r.title != "lawyer" || !r.settled_in.contains_key("campaign")));
}

#[test]
fn an_initialism_cut_from_the_start_of_a_run_before_a_title_is_read_safely() {
    // "FBI" opens the sentence and is also written in lower case, so it is
    // cut from the run "Director Jo Roe"; the title's initialism then stands
    // before the run, where nothing is looked for before it (this panicked).
    let (dossier, _) = build(&[(
        "memo",
        "Memo\nThe fbi said so on Sunday and nobody asked why it did.\n\
         FBI Director Jo Roe spoke on Monday about the memo and the fbi. Roe left early.\n",
    )]);
    let roe = named(&dossier, "Jo Roe");
    assert_eq!(
        role(&dossier, "FBI director").settled_in.get("memo"),
        Some(&roe.slug)
    );
}

#[test]
fn a_capital_is_its_state_only_where_a_word_beside_it_says_so() {
    let (dossier, analysis) = build(&[(
        "talks",
        "Talks resume\n\
         Rabat (AP) — Ruritanian and Moroccan envoys met in Rabat on Monday.\n\
         Rabat denied any deal, and talks with Rabat will resume; Rabat's envoy left early.\n\
         The Rabat talks were short. Rabat was sunny. Rabat residents watched. Morocco \
         said nothing more.\n",
    )]);
    let morocco = named(&dossier, "Morocco");
    assert_eq!(morocco.capital.as_deref(), Some("Rabat"));
    let found = mentions(&dossier, &analysis);
    let rabat: Vec<&String> = found[&morocco.slug]
        .iter()
        .filter(|t| t.ends_with("Rabat"))
        .collect();
    // "Rabat denied", "talks with Rabat", "Rabat's envoy": the government.
    // "in Rabat", "The Rabat talks", "Rabat was sunny", "Rabat residents" and
    // the dateline: not.
    assert_eq!(rabat.len(), 3, "{:?}", found[&morocco.slug]);
    // The actor file `dossier actors suggest --write` would write keeps the rule.
    let actor = dossier.actor(&morocco.slug).unwrap();
    let rule = &actor.meta.alias_rules[0];
    assert_eq!(rule.alias, "Rabat");
    assert!(rule.not_after.contains(&"in".to_string()));
    assert!(rule.only_before.contains(&"denied".to_string()));
}

#[test]
fn a_role_of_something_names_the_person_after_it_and_a_kind_of_organisation_the_name_after_it() {
    let (dossier, analysis) = build_each(
        "The Daily Made-Up",
        &[
        (
            "routes",
            "en",
            "Aerolink adds routes\nThe airline Aerolink will add ten routes, the chief executive \
             of Aerolink, Ada Velt, said on Monday. Aerolink gave no date. The company Ivo \
             Brandt founded in 2009 was sold in May, and Ivo Brandt left.\n",
        ),
        (
            // French: a role with its adjective after it, "de" elided, an adjective
            // between the kind and the name.
            "accord",
            "fr",
            "Accord minier\nLe directeur général de Ferrex, Paul Werner, a signé l'accord avec \
             le groupe minier Ferrex. La directrice d'Ostal, Inès Morel, était présente.\n",
        ),
    ],
    );
    let evidence = |name: &str| -> Vec<(dossier::resolve::discover::Cue, String)> {
        named(&dossier, name)
            .evidence
            .iter()
            .map(|e| (e.cue, e.words.clone()))
            .collect()
    };
    use dossier::model::ActorKind;
    use dossier::resolve::discover::Cue;
    for (person, role) in [
        ("Ada Velt", "executive"),
        ("Paul Werner", "directeur"),
        ("Inès Morel", "directrice"),
    ] {
        assert_eq!(named(&dossier, person).kind, ActorKind::Person, "{person}");
        assert!(
            evidence(person).contains(&(Cue::Apposition, role.to_string())),
            "{person}: {:?}",
            evidence(person)
        );
    }
    for (organisation, kind) in [("Aerolink", "airline"), ("Ferrex", "groupe")] {
        assert_eq!(named(&dossier, organisation).kind, ActorKind::Organisation);
        assert!(
            evidence(organisation).contains(&(Cue::OrganisationKind, kind.to_string())),
            "{organisation}: {:?}",
            evidence(organisation)
        );
    }
    let aerolink = named(&dossier, "Aerolink");
    // The headline and the three times the text names it.
    assert_eq!(mentions(&dossier, &analysis)[&aerolink.slug].len(), 4);
    // "The company Ivo Brandt founded": a kind before two words is no organisation's.
    assert!(dossier
        .discovery
        .actors
        .iter()
        .all(|a| a.name != "Ivo Brandt" || a.kind != ActorKind::Organisation));
}

#[test]
fn in_french_the_lower_case_words_after_an_organisation_word_are_its_name() {
    let text = "Vote au Parlement\nLa présidente du Parti vert, Ana Lenoir, a voté contre. \
                Le Parti vert a quitté la séance, et le Parti a publié un communiqué.\n";
    let (dossier, analysis) = build_in("fr", "Le Quotidien", &[("vote", text)]);
    let verts = named(&dossier, "Parti vert");
    assert_eq!(verts.kind, dossier::model::ActorKind::Organisation);
    let found = mentions(&dossier, &analysis);
    assert_eq!(found[&verts.slug], ["vote: Parti vert", "vote: Parti vert"]);
    // In English the words after "Party" are not read as its name.
    let text = "Vote\nThe Party national chairman, Ana Lenoir, voted against it. \
                The Party national chairman left.\n";
    let (dossier, _) = build_in("en", "The Daily", &[("vote", text)]);
    let names = discovered_names(&dossier);
    assert!(!names.iter().any(|n| n.starts_with("Party")), "{names:?}");
}

#[test]
fn a_courtesy_title_of_one_language_is_read_only_in_that_language() {
    // In English "Don" is a first name: "Don Ellery" is a name, not "Señor Ellery".
    let text = "Talks resume\nDon Ellery, a lawyer for the port, said the talks would resume. \
                Me and my colleagues will wait, Ellery added later on Monday.\n";
    let (dossier, _) = build_in("en", "The Daily", &[("talks", text)]);
    let names = discovered_names(&dossier);
    assert!(names.contains(&"Don Ellery"), "{names:?}");
    assert!(!names.contains(&"Ellery"), "{names:?}");
    let ellery = named(&dossier, "Don Ellery");
    let (cited, evidence) = cites(ellery, "Don");
    assert!(!cited, "{evidence}");
    // In Spanish, and in a regional tag of it, "Don" is a courtesy title.
    for language in ["es", "es-MX"] {
        let text = "Negociación en el puerto\nDon Ellery dijo que las negociaciones seguirían. \
                    El abogado del puerto lo confirmó el lunes por la tarde.\n";
        let (dossier, _) = build_in(language, "El Diario", &[("puerto", text)]);
        let ellery = named(&dossier, "Ellery");
        assert_eq!(ellery.kind, dossier::model::ActorKind::Person);
        let (cited, evidence) = cites(ellery, "Don");
        assert!(cited, "{language}: {evidence}");
    }
}

#[test]
fn a_name_closed_by_a_generation_is_a_persons_after_a_role_and_a_comma() {
    let text =
        "Counsel threatens to quit\nThe port counsel, Jo F. Ellery II, threatened to resign \
                on Monday. Ellery later said he would stay.\n";
    let (dossier, analysis) = build(&[("counsel", text)]);
    let ellery = named(&dossier, "Jo F. Ellery II");
    assert_eq!(ellery.kind, dossier::model::ActorKind::Person);
    let found = mentions(&dossier, &analysis);
    assert_eq!(
        found[&ellery.slug],
        [
            "counsel: The port counsel",
            "counsel: Jo F. Ellery II",
            "counsel: Ellery"
        ]
    );
}

#[test]
fn a_short_form_of_a_given_name_joins_the_one_full_form_with_its_surname() {
    let (dossier, analysis) = build(&[
        (
            "first",
            "Port bill advances\nRepresentative Robert W. Ellery said the port bill would pass. \
             Ellery spoke after the vote on Monday.\n",
        ),
        (
            "second",
            "Port bill passes committee\nChairman Bob Ellery praised the bill on Monday. \
             Ellery called it a fair bill, and Don Tavish agreed. The counsel, Donald F. Tavish II, \
             wrote the text.\n",
        ),
    ]);
    let ellery = named(&dossier, "Robert W. Ellery");
    assert!(
        ellery.variants.iter().any(|v| v == "Bob Ellery"),
        "{:?}",
        ellery.variants
    );
    assert!(ellery.ambiguous.is_empty(), "{:?}", ellery.ambiguous);
    let names = discovered_names(&dossier);
    assert!(!names.contains(&"Bob Ellery"), "{names:?}");
    // A short form with no cue of its own joins too.
    let tavish = named(&dossier, "Donald F. Tavish II");
    let found = mentions(&dossier, &analysis);
    has(&found[&tavish.slug], "second: Don Tavish");
    // "Harry" is short for Harold and for Henry: with both, it stays apart.
    let (dossier, _) = build(&[(
        "vance",
        "Three brothers\nSenator Harold Vance met his brother, Dr. Henry Vance, at the port on \
         Monday, and their cousin, the mayor, Harry Vance, joined them for lunch later.\n",
    )]);
    let names = discovered_names(&dossier);
    for name in ["Harold Vance", "Henry Vance", "Harry Vance"] {
        assert!(names.contains(&name), "{name}: {names:?}");
    }
}

#[test]
fn a_name_that_puts_the_family_name_first_joins_its_family_name_alone() {
    let (dossier, analysis) = build(&[(
        "summit",
        "Summit planned\nThe president said he would meet the northern leader, Pak Sung-ho, \
         in May or early June at a place to be chosen.\n\
         Mr. Pak has said little about the talks, and aides to Mr. Pak declined to comment.\n",
    )]);
    let pak = named(&dossier, "Pak Sung-ho");
    let found = mentions(&dossier, &analysis);
    assert_eq!(
        found[&pak.slug],
        [
            "summit: the northern leader",
            "summit: Pak Sung-ho",
            "summit: Pak",
            "summit: Pak"
        ]
    );
    // Where the last word is written alone, the first is a given name.
    let (dossier, _) = build(&[(
        "port",
        "Port reopens\nThe port's director, Lee Ann Fowler, said the port would reopen soon. \
         Fowler said the cranes were fixed.\n\
         Mr. Lee, a crane driver, said he had not been paid since the port closed in May.\n",
    )]);
    let fowler = named(&dossier, "Lee Ann Fowler");
    assert!(
        !fowler.variants.iter().any(|v| v == "Lee"),
        "{:?}",
        fowler.variants
    );
}

#[test]
fn a_name_before_of_and_an_organisation_is_no_part_of_the_organisations_name() {
    let (dossier, _) = build(&[(
        "court",
        "Hearing set\nThe judge overseeing it, Ellen S. Marlow of the Federal District Court \
         for the District of Ostland, set a hearing for May. The Department of Justice and \
         the Bank of Ostland declined to comment on the case.\n",
    )]);
    let names = discovered_names(&dossier);
    for name in [
        "Federal District Court for the District of Ostland",
        "Department of Justice",
        "Bank of Ostland",
    ] {
        assert!(names.contains(&name), "{name}: {names:?}");
    }
    assert!(!names.iter().any(|n| n.contains("Marlow of")), "{names:?}");
}

#[test]
fn a_role_noun_takes_the_articles_of_its_sources_language() {
    let text = "Acuerdo en el puerto\nEl ministro Julián Ferreira firmó el acuerdo de Transportes \
                el martes. El ministro dijo que las obras empezarán en junio, y la alcaldesa Lucía \
                Montes lo criticó. La alcaldesa pidió más tiempo a los vecinos.\n";
    let (dossier, analysis) = build_in("es", "El Diario", &[("puerto", text)]);
    let found = mentions(&dossier, &analysis);
    let montes = named(&dossier, "Lucía Montes");
    has(&found[&montes.slug], "puerto: La alcaldesa");
    let ministro = role(&dossier, "ministro");
    assert!(
        ministro.spellings.iter().any(|s| s == "el ministro"),
        "{:?}",
        ministro.spellings
    );
    assert!(
        !ministro.spellings.iter().any(|s| s.starts_with("the ")),
        "{:?}",
        ministro.spellings
    );
    // A definite apposition after the name and before it, in the source's language.
    let text = "Acuerdo en el puerto\nJulián Ferreira, el ministro, firmó el acuerdo el martes por \
                la tarde. La alcaldesa, Lucía Montes, lo criticó ante los vecinos del barrio.\n\
                El ministro dijo que las obras empezarán en junio. La alcaldesa pidió más tiempo.\n";
    let (dossier, _) = build_in("es", "El Diario", &[("puerto", text)]);
    for (title, holder) in [
        ("ministro", "julian-ferreira"),
        ("alcaldesa", "lucia-montes"),
    ] {
        let role = role(&dossier, title);
        assert_eq!(
            role.settled_in.get("puerto").map(String::as_str),
            Some(holder)
        );
    }
    // A role of something before a name is held without its complement, and
    // French elides its article before a vowel only.
    let text = "Accord au port\nLe ministre des Transports, Julien Ferrand, a signé mardi \
                l'accord, et la maire Lucie Monnet l'a critiqué devant les habitants du port.\n\
                Le ministre a dit que les travaux commenceraient en juin. La maire a demandé du temps.\n";
    let (dossier, _) = build_in("fr", "Le Courrier", &[("port", text)]);
    let ministre = role(&dossier, "ministre");
    assert_eq!(
        ministre.settled_in.get("port").map(String::as_str),
        Some("julien-ferrand")
    );
    let maire = role(&dossier, "maire");
    assert!(
        maire.spellings.iter().any(|s| s == "la maire"),
        "{:?}",
        maire.spellings
    );
    assert!(
        !maire.spellings.iter().any(|s| s.starts_with("l'")),
        "{:?}",
        maire.spellings
    );
    // French elides the article before a vowel.
    let text = "Visite officielle\nLe ministre a rencontré lundi l'ambassadeur Paul Werner, \
                venu en voiture. L'ambassadeur a dit que la visite était utile pour les deux pays.\n";
    let (dossier, analysis) = build_in("fr", "Le Quotidien", &[("visite", text)]);
    let werner = named(&dossier, "Paul Werner");
    let found = mentions(&dossier, &analysis);
    has(&found[&werner.slug], "visite: L'ambassadeur");
}

#[test]
fn a_role_noun_of_one_language_is_read_only_in_that_language() {
    // French "son" is "his": no role there, though English's "son" is one.
    let text = "Le port\nLa maire a critiqué le projet. Julien Ferrand, de son côté, a défendu \
                le projet devant les habitants. M. Ferrand a promis des emplois au port.\n";
    let (dossier, _) = build_in("fr", "Le Courrier", &[("port", text)]);
    let ferrand = named(&dossier, "Julien Ferrand");
    let (cited, evidence) = cites(ferrand, "son");
    assert!(!cited, "{evidence}");
    let text = "The port\nThe harbour was quiet on Monday, said Tom Ferrand, a son of the \
                harbour master, who has worked there for years.\n";
    let (dossier, _) = build_in("en", "The Daily", &[("port", text)]);
    let ferrand = named(&dossier, "Tom Ferrand");
    let (cited, evidence) = cites(ferrand, "son");
    assert!(cited, "{evidence}");
}

#[test]
fn a_courtesy_title_before_a_given_name_joins_the_full_name_that_opens_with_it() {
    let text = "El puerto\nEl presidente de Marenor, Tomás Azcárate, aseguró que la obra empezará \
                en junio. Azcárate no dio más detalles a la prensa.\n\
                Don Tomás, como le llaman en el muelle, no respondió a las críticas de los vecinos.\n";
    let (dossier, analysis) = build_in("es", "El Diario", &[("puerto", text)]);
    let azcarate = named(&dossier, "Tomás Azcárate");
    let names = discovered_names(&dossier);
    assert!(!names.contains(&"Tomás"), "{names:?}");
    let found = mentions(&dossier, &analysis);
    has(&found[&azcarate.slug], "puerto: Tomás");
}

#[test]
fn a_states_name_after_an_article_qualifies_a_noun_and_is_no_mention() {
    let (dossier, analysis) = build(&[(
        "ports",
        "Ports deal signed after a long night\n\
         Morocco and Chile signed the Morocco port accord on Monday, and the Chile talks \
         ended early. Officials of the United States welcomed the deal, and the U.S. envoy \
         praised Morocco for its patience; this Morocco deal, one envoy said, was overdue.\n",
    )]);
    let found = mentions(&dossier, &analysis);
    let morocco = named(&dossier, "Morocco");
    let chile = named(&dossier, "Chile");
    // "Morocco and Chile", "praised Morocco": the states. "the Morocco port
    // accord", "the Chile talks", "this Morocco deal": an accord, talks, a deal.
    assert_eq!(found[&morocco.slug].len(), 2, "{:?}", found[&morocco.slug]);
    assert_eq!(found[&chile.slug].len(), 1, "{:?}", found[&chile.slug]);
    // A name that takes "the" itself is the state after it.
    let united_states = named(&dossier, "United States");
    has(&found[&united_states.slug], "ports: United States");
    has(&found[&united_states.slug], "ports: U.S.");
    assert!(
        united_states.limited.is_empty(),
        "{:?}",
        united_states.limited
    );
    // The actor file `dossier actors suggest --write` would write keeps the rule.
    let rule = &dossier.actor(&morocco.slug).unwrap().meta.alias_rules[0];
    assert_eq!(rule.alias, "Morocco");
    assert!(rule.not_after.contains(&"the".to_string()));
}

#[test]
fn a_buildings_name_after_a_word_of_place_is_the_building_and_no_mention() {
    let (dossier, analysis) = build(&[(
        "palace",
        "Envoys gather for the summit\n\
         The Blue House said on Monday that the envoys would meet at the Blue House, and \
         Blue House officials said a letter to the Blue House had arrived. Reporters waited \
         outside the Blue House all day, and the Blue House later thanked them.\n",
    )]);
    let found = mentions(&dossier, &analysis);
    let house = named(&dossier, "Blue House");
    // "The Blue House said", "Blue House officials", "a letter to the Blue
    // House", "the Blue House later thanked": the institution. "at the Blue
    // House", "outside the Blue House": the building.
    assert_eq!(found[&house.slug].len(), 4, "{:?}", found[&house.slug]);
    assert_eq!(house.limited.len(), 1, "{:?}", house.limited);
    assert_eq!(house.limited[0].limit, Limit::Building);
}

#[test]
fn a_company_named_with_its_legal_form_is_the_same_company_without_it() {
    let (dossier, analysis) = build(&[
        (
            "port",
            "Port operator holds firm on pay\n\
             Talks between the union and the operator, Harbor Logistics Inc., broke down on \
             Tuesday over pay and the pace of automation at the docks.\n\
             Harbor Logistics said in a statement that the company had offered a raise, and \
             that the firm would not budge on the cranes.\n",
        ),
        (
            "cranes",
            "Crane maker watches the dispute\n\
             Nordbau GmbH, which builds the cranes, said on Wednesday that it was watching \
             the dispute closely, and Nordbau expects the talks to resume.\n",
        ),
    ]);
    let found = mentions(&dossier, &analysis);
    let harbor = named(&dossier, "Harbor Logistics");
    has(&harbor.variants, "Harbor Logistics Inc");
    // The name with its legal form, without it, "the company", "the firm".
    let expected = [
        "port: Harbor Logistics Inc",
        "port: Harbor Logistics",
        "port: the company",
        "port: the firm",
    ];
    assert_eq!(found[&harbor.slug], expected, "{:?}", found[&harbor.slug]);
    // A legal form of another country makes an organisation too.
    let nordbau = named(&dossier, "Nordbau");
    assert_eq!(found[&nordbau.slug].len(), 2, "{:?}", found[&nordbau.slug]);
}

/// Asserts that discovery found each of `names` as a person, and none of `not`.
fn people(dossier: &Dossier, names: &[&str], not: &[&str]) {
    let found = discovered_names(dossier);
    for name in names {
        assert_eq!(named(dossier, name).kind, ActorKind::Person, "{name}");
    }
    for name in not {
        let actor = dossier.discovery.actors.iter().find(|a| a.name == *name);
        assert!(
            actor.is_none_or(|a| a.kind != ActorKind::Person),
            "{name} is a person: {found:?}"
        );
    }
}

#[test]
fn a_name_with_particles_or_a_generation_is_a_persons() {
    let (dossier, _) = build(&[(
        "harbour",
        "Harbour contract questioned\n\
         Alba van der Meer, an attorney, pleaded guilty on Monday.\n\
         Gerald Mott Jr., a former campaign adviser to the mayor, declined to comment.\n\
         Mayor Jo Roe Jr. opened the harbour.\n",
    )]);
    people(
        &dossier,
        &["Alba van der Meer", "Gerald Mott Jr.", "Jo Roe Jr."],
        &["Gerald Mott Jr"],
    );
}

#[test]
fn an_apposition_read_past_abbreviations_and_person_nouns() {
    let (dossier, _) = build(&[(
        "harbour",
        "Harbour contract questioned\n\
         Tomas Ruel, Ms. Varga's lawyer, said he had not seen the filing.\n\
         \"It was fair,\" said Piet Okafor, former Governor Ana Lind's chief of staff.\n\
         Dario Fenn, a Lakeshire man who sold boat licences, pleaded guilty.\n\
         He grew up in Santa Rosa, the man told police.\n",
    )]);
    people(
        &dossier,
        &["Tomas Ruel", "Piet Okafor", "Dario Fenn"],
        &["Santa Rosa"],
    );
    // A noun that says only that the name is a person's is no title: "the
    // man" elsewhere names no one.
    assert!(
        !dossier.discovery.roles.iter().any(|r| r.title == "man"),
        "{:?}",
        dossier.discovery.roles
    );
}

#[test]
fn a_copula_gives_a_role_and_a_described_surname_names_the_full_name_in_its_source() {
    let (dossier, analysis) = build(&[
        (
            "campaign",
            "Campaign staff\n\
             Karl Brandt was a policy adviser for the campaign. Brandt left in May.\n\
             George Pappas pleaded guilty in 2017. Pappas was an adviser for the campaign.\n\
             Nadia Holm left a note on Friday.\n",
        ),
        (
            "later",
            "Later\nHolm was an adviser to the council, its clerk said.\n",
        ),
    ]);
    // A surname alone with a role makes the full name a person's only where
    // the same source writes that full name.
    people(
        &dossier,
        &["Karl Brandt", "George Pappas"],
        &["Nadia Holm", "Holm"],
    );
    let found = mentions(&dossier, &analysis);
    has(
        &found[&named(&dossier, "Karl Brandt").slug],
        "campaign: Brandt",
    );
    has(
        &found[&named(&dossier, "George Pappas").slug],
        "campaign: Pappas",
    );
}

#[test]
fn names_listed_after_a_plural_role_are_people() {
    let (dossier, _) = build(&[(
        "bank",
        "Bank messages\n\
         Two bank officials – Ilse Marr and Owen Tate – were moved.\n\
         The suit names former aides including Mr. Stone, Paul Mercer and Rick Yates.\n\
         The firm hired advisers Goldman Sachs and Lazard Freres for the sale.\n\
         According to officials, Lake Tahoe will reopen on Monday.\n",
    )]);
    people(
        &dossier,
        &["Ilse Marr", "Owen Tate", "Paul Mercer", "Rick Yates"],
        &["Goldman Sachs", "Lazard Freres", "Lake Tahoe"],
    );
}
