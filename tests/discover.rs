//! Actors found in the text, on made-up articles: each kind and cue, spellings
//! grouped, ambiguity flagged, proper-noun boundaries, hand-written actors
//! winning, `dossier actors suggest`, and the pages passing the checkers.

mod common;

use common::*;
use dossier::model::ActorKind;
use dossier::resolve::discover::{Ambiguity, Cue};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

const FIRST: &str = "Ruritania and Borduria sign a water pact
President Jane Halloway of Ruritania met Bordurian envoys in Vienna on Monday.
\"We share one river,\" Halloway said. Ms. Halloway's aide, Tom Brack, a spokesman for the Water Ministry, said the talks went well.
The Ruritanian Water Ministry had asked for the meeting. Officials at Customs and Border Protection (CBP) said CBP would check the barges.
Tom Brack later told The Springfield Herald that Springfield voters backed the deal. Mr. Brack said Springfield wanted it.
The Moroccan Sahara is far away; Moroccan officials were not there. Rabat was quiet.
Members of the Progressive Union Party met in Halloway Tower. Progressives said the pact was late, and Germans said nothing.
Dr. Anna Kessel and Dr. Peter Kessel, two engineers, disagreed. Kessel said the river was low.
";

const SECOND: &str = "Bordurian view of the pact
Halloway said the pact was fair. Jane Halloway spoke for an hour in Germany.
The Water Ministry said it would publish the text; Brack declined to comment.
Dr. Anna Kessel said Kessel would sign. Moroccan diplomats watched.
The Germany visit had been short, and the envoys left for home the next morning.
";

fn source(headline_and_body: &str, outlet: &str) -> String {
    format!("+++\noutlet = \"{outlet}\"\nlanguage = \"en\"\n+++\n{headline_and_body}")
}

/// A scratch dossier with two made-up articles and the given actor files.
fn dossier_with(actors: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("sources")).unwrap();
    fs::write(content.join("dossier.toml"), "title = \"Water\"\n").unwrap();
    fs::write(
        content.join("sources/first.txt"),
        source(FIRST, "The Daily Made-Up"),
    )
    .unwrap();
    fs::write(
        content.join("sources/second.txt"),
        source(SECOND, "Another Paper"),
    )
    .unwrap();
    if !actors.is_empty() {
        fs::create_dir_all(content.join("actors")).unwrap();
    }
    for (slug, text) in actors {
        fs::write(content.join(format!("actors/{slug}.md")), text).unwrap();
    }
    dir
}

fn analysed(content: &Path) -> (dossier::resolve::Dossier, dossier::analyse::Analysis) {
    let options = dossier::Options {
        content: content.to_path_buf(),
        ..Default::default()
    };
    let dossier = dossier::pipeline::load_dossier(&options).unwrap();
    let analysis = dossier::analyse::analyse(&dossier).unwrap();
    (dossier, analysis)
}

/// Each actor's mentions, as the text they cover.
fn mentions(
    dossier: &dossier::resolve::Dossier,
    analysis: &dossier::analyse::Analysis,
) -> BTreeMap<String, Vec<String>> {
    mentions_by_actor(dossier, analysis)
        .into_iter()
        .map(|(actor, found)| (actor, found.into_iter().map(|(_, text)| text).collect()))
        .collect()
}

fn found<'d>(
    dossier: &'d dossier::resolve::Dossier,
    slug: &str,
) -> &'d dossier::resolve::discover::DiscoveredActor {
    dossier.discovery.actor(slug).unwrap_or_else(|| {
        panic!(
            "{slug} not discovered: {:#?}",
            dossier
                .discovery
                .actors
                .iter()
                .map(|a| &a.slug)
                .collect::<Vec<_>>()
        )
    })
}

#[test]
fn discovers_each_kind_of_actor_with_its_cue() {
    let dir = dossier_with(&[]);
    let (dossier, _) = analysed(&dir.path().join("content"));
    let cues = |slug: &str| -> Vec<Cue> {
        found(&dossier, slug)
            .evidence
            .iter()
            .map(|e| e.cue)
            .collect()
    };

    let halloway = found(&dossier, "jane-halloway");
    assert_eq!(halloway.kind, ActorKind::Person);
    assert!(cues("jane-halloway").contains(&Cue::Title));
    assert!(cues("jane-halloway").contains(&Cue::Honorific));
    // By apposition: "Tom Brack, a spokesman for …".
    assert!(
        cues("tom-brack").contains(&Cue::Apposition),
        "{:?}",
        cues("tom-brack")
    );
    // By organisation word.
    let ministry = dossier
        .discovery
        .actors
        .iter()
        .find(|a| a.name.contains("Water Ministry"))
        .expect("the ministry");
    assert_eq!(ministry.kind, ActorKind::Organisation);
    assert!(ministry
        .evidence
        .iter()
        .any(|e| e.cue == Cue::OrganisationWord && e.words == "Ministry"));
    // States by the gazetteer: by demonym (Germans is a group), by name.
    assert_eq!(found(&dossier, "morocco").kind, ActorKind::State);
    assert!(cues("morocco").contains(&Cue::GazetteerDemonym));
    assert_eq!(found(&dossier, "germany").kind, ActorKind::State);
    assert!(cues("germany").contains(&Cue::GazetteerName));
    assert_eq!(found(&dossier, "germans").kind, ActorKind::Group);
    assert!(cues("germans").contains(&Cue::PluralDemonym));
    // Members of a party named in the text: "Progressive Union Party" → "Progressives".
    assert_eq!(found(&dossier, "progressives").kind, ActorKind::Group);
    assert!(cues("progressives").contains(&Cue::PartyMembers));
}

#[test]
fn groups_full_name_surname_honorific_possessive_and_initialism() {
    let dir = dossier_with(&[]);
    let (dossier, analysis) = analysed(&dir.path().join("content"));
    let found_mentions = mentions(&dossier, &analysis);
    let halloway = &found_mentions["jane-halloway"];
    // "Jane Halloway", "Halloway", "Ms. Halloway's" (the name without the 's).
    assert!(
        halloway.contains(&"Jane Halloway".to_string()),
        "{halloway:?}"
    );
    assert_eq!(
        halloway.iter().filter(|m| *m == "Halloway").count(),
        3,
        "{halloway:?}"
    );
    assert!(found(&dossier, "jane-halloway")
        .variants
        .contains(&"Halloway".to_string()));
    let cbp = dossier
        .discovery
        .actors
        .iter()
        .find(|a| a.variants.contains(&"CBP".to_string()))
        .expect("CBP is a variant of its organisation");
    assert_eq!(cbp.name, "Customs and Border Protection");
    assert_eq!(found_mentions[&cbp.slug].len(), 3);
}

#[test]
fn ambiguous_variants_are_flagged_and_linked_to_no_one() {
    let dir = dossier_with(&[]);
    let (dossier, analysis) = analysed(&dir.path().join("content"));
    let kessel = dossier
        .discovery
        .ambiguous
        .iter()
        .find(|a| a.text == "Kessel")
        .expect("a surname two people share");
    assert_eq!(kessel.reason, Ambiguity::SharedSurname);
    assert_eq!(kessel.candidates, ["anna-kessel", "peter-kessel"]);
    // The first source names both: "Kessel" links to neither there; the
    // second names only Anna Kessel in full.
    assert!(!kessel.settled_in.contains_key("first"));
    let found_mentions = mentions(&dossier, &analysis);
    assert!(found_mentions
        .get("peter-kessel")
        .is_none_or(|m| m.iter().all(|t| t != "Kessel")));
    assert_eq!(found(&dossier, "anna-kessel").ambiguous, ["Kessel"]);

    // A capital is flagged as one on its state's page, and links only where
    // a word beside it makes it the government: "Rabat was quiet" does not.
    assert_eq!(found(&dossier, "morocco").capital.as_deref(), Some("Rabat"));
    assert!(!found_mentions["morocco"].contains(&"Rabat".to_string()));
}

#[test]
fn a_name_inside_a_longer_proper_noun_is_not_a_mention() {
    let springfield = "+++\nname = \"Springfield\"\nkind = \"group\"\naliases = []\n+++\nVoters.\n";
    let dir = dossier_with(&[("springfield", springfield)]);
    let (dossier, analysis) = analysed(&dir.path().join("content"));
    let found_mentions = mentions(&dossier, &analysis);
    // "The Springfield Herald" is a newspaper; "Springfield voters", "Springfield wanted" are the town.
    assert_eq!(
        found_mentions["springfield"].len(),
        2,
        "{:?}",
        found_mentions["springfield"]
    );
    // "Moroccan Sahara" is a region; "Moroccan officials" and "Moroccan diplomats" are the state.
    assert_eq!(found_mentions["morocco"], ["Moroccan", "Moroccan"]);
    // "Halloway Tower" is a building.
    let in_tower = analysis.mentions.iter().any(|m| {
        m.actor == "jane-halloway"
            && dossier
                .source(&m.source)
                .unwrap()
                .paragraphs
                .iter()
                .any(|p| p.anchor == m.anchor && p.text[m.range.end..].starts_with(" Tower"))
    });
    assert!(!in_tower);
}

#[test]
fn hand_written_actors_win() {
    let halloway = "+++\nname = \"President Halloway\"\nkind = \"person\"\naliases = [\"Halloway\"]\n+++\nThe president.\n";
    let dir = dossier_with(&[("the-president", halloway)]);
    let (dossier, analysis) = analysed(&dir.path().join("content"));
    assert!(dossier.discovery.actor("jane-halloway").is_none());
    let actor = dossier.actor("the-president").unwrap();
    assert_eq!(actor.meta.name, "President Halloway");
    assert!(analysis.mentions.iter().any(|m| m.actor == "the-president"));
    let fresh = dossier
        .discovery
        .new_variants
        .iter()
        .find(|v| v.actor == "the-president")
        .expect("new spellings suggested");
    assert!(fresh.variants.contains(&"Jane Halloway".to_string()));
}

/// A found actor that no text mentions gets no page: its one spelling
/// stands inside a file's longer alias, or only where its alias rule bars it.
#[test]
fn a_found_actor_that_no_text_mentions_gets_no_page() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("sources")).unwrap();
    fs::create_dir_all(content.join("actors")).unwrap();
    fs::write(content.join("dossier.toml"), "title = \"Harbour\"\n").unwrap();
    let text = "Barges wait at the harbour\n\
        Ann Vale, the Head of the Harbour Bureau, met reporters on Monday and spoke about \
        the barges. She said the Chile shipment was late, and that Morocco had sent another.\n";
    fs::write(
        content.join("sources/harbour.txt"),
        source(text, "The Daily Made-Up"),
    )
    .unwrap();
    fs::write(
        content.join("actors/ann-vale.md"),
        "+++\nname = \"Ann Vale\"\nkind = \"person\"\n\
         aliases = [\"Head of the Harbour Bureau\"]\n+++\nThe head of the bureau.\n",
    )
    .unwrap();
    let (dossier, analysis) = analysed(&content);
    let names = discovered_names(&dossier);
    assert!(names.contains(&"Morocco"), "{names:?}");
    assert!(!names.contains(&"Harbour Bureau"), "{names:?}");
    assert!(!names.contains(&"Chile"), "{names:?}");
    for actor in &dossier.discovery.actors {
        let heard = analysis.mentions.iter().any(|m| m.actor == actor.slug);
        assert!(heard, "{} has a page and no mention", actor.slug);
        assert!(dossier.actor(&actor.slug).is_some());
    }
}

#[test]
fn discovered_actors_attribute_quotes() {
    let dir = dossier_with(&[]);
    let (_, analysis) = analysed(&dir.path().join("content"));
    assert!(analysis.statements.iter().any(|s| matches!(
        &s.statement.speaker,
        dossier::analyse::quotes::Speaker::Actor(slug) if slug == "jane-halloway"
    )));
}

#[test]
fn actors_suggest_lists_and_writes_without_overwriting() {
    let dir = dossier_with(&[]);
    let content = dir.path().join("content");
    let run = |write: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
        command
            .args(["actors", "suggest", "--content"])
            .arg(&content);
        if write {
            command.arg("--write");
        }
        let out = command.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let listing = run(false);
    assert!(
        listing.contains("Jane Halloway (person) -> actors/jane-halloway.md"),
        "{listing}"
    );
    assert!(listing.contains("variants: "));
    assert!(listing.contains("mentions: first "));
    assert!(listing.contains("  first: "));
    assert!(!content.join("actors").exists());

    let written = run(true);
    assert!(written.contains("Created "), "{written}");
    let halloway = fs::read_to_string(content.join("actors/jane-halloway.md")).unwrap();
    assert!(halloway.contains("name = \"Jane Halloway\""));
    assert!(halloway.contains("kind = \"person\""));
    assert!(halloway.contains("\"Halloway\""));
    // The written files build, and now the files win: nothing is left to discover for them.
    let (dossier, _) = analysed(&content);
    assert!(dossier.discovery.actor("jane-halloway").is_none());
    assert!(dossier.actor("jane-halloway").is_some());
    // An edited file is never replaced.
    let edited = halloway.replace("role = \"\"", "role = \"President of Ruritania\"");
    fs::write(content.join("actors/jane-halloway.md"), &edited).unwrap();
    run(true);
    assert_eq!(
        fs::read_to_string(content.join("actors/jane-halloway.md")).unwrap(),
        edited
    );
    assert!(matches!(
        dossier::scaffold::write_actor(&content, "jane-halloway", "x"),
        Err(dossier::Error::AlreadyExists { .. })
    ));
    assert_eq!(
        fs::read_to_string(content.join("actors/jane-halloway.md")).unwrap(),
        edited
    );
}

#[test]
fn a_discovered_actors_page_shows_how_it_was_found_and_passes_the_checkers() {
    let dir = dossier_with(&[]);
    let site = dir.path().join("site");
    build(&dir.path().join("content"), &site).expect("builds");
    let page = fs::read_to_string(site.join("actors/jane-halloway.html")).unwrap();
    assert!(page.contains("Found in the text"));
    assert!(page.contains("title: “President”"), "{page}");
    assert!(page.contains("First named:"));
    let kessel = fs::read_to_string(site.join("actors/anna-kessel.html")).unwrap();
    assert!(kessel.contains("Not linked:</span> “Kessel”"));
    // In the second source only Anna is named in full: there the surname is hers.
    assert!(
        kessel.contains(
            "linked to Anna Kessel only in 1 source: 1 that names Anna Kessel alone in full."
        ),
        "{kessel}"
    );
    let germany = fs::read_to_string(site.join("actors/germany.html")).unwrap();
    assert!(
        germany.contains(
            "Linked with a limit:</span> “Germany” after an article qualifies the noun \
             that follows (“the Germany …”, “this Germany …”)"
        ),
        "{germany}"
    );

    let browser = browser_scripts();
    let run = Command::new("node")
        .arg(browser.join("check-site.mjs"))
        .arg(&site)
        .output()
        .expect("node runs");
    assert!(
        run.status.success(),
        "site checks failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}

/// An organisation named with a connector after its organisation word
/// ("Department of Fisheries") is found whole, not dropped as a lone word.
#[test]
fn an_organisation_named_with_of_is_found_whole() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("sources")).unwrap();
    fs::write(content.join("dossier.toml"), "title = \"Fish\"\n").unwrap();
    fs::write(
        content.join("sources/fish.txt"),
        source(
            "Quotas cut\nThe Department of Fisheries cut the quotas on Monday.\nFishermen said the Department of Fisheries had not asked them.\n",
            "Coast News",
        ),
    )
    .unwrap();
    let (dossier, _) = analysed(&content);
    let names = common::discovered_names(&dossier);
    assert!(names.contains(&"Department of Fisheries"), "{names:?}");
}

/// "Noel and Tate": two surnames joined by "and" each count as the surname
/// used alone, so a pair named in full once and then by surnames is found.
#[test]
fn two_surnames_joined_by_and_are_two_people() {
    let (_dir, content) = common::made_up_content(
        "Jail",
        &[(
            "jail",
            "en",
            "Guards charged\nProsecutors on Tuesday charged Tova Rahn and Mike Tesk with falsifying records.\nProsecutors said Rahn and Tesk slept while they should have been checking cells.\nA lawyer for Rahn and Tesk declined to comment on Tuesday.",
        )],
    );
    let (dossier, _) = analysed(&content);
    let names = common::discovered_names(&dossier);
    assert!(names.contains(&"Tova Rahn"), "{names:?}");
    assert!(names.contains(&"Mike Tesk"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Rahn Tesk")), "{names:?}");
}

#[test]
fn a_shared_surname_says_where_it_is_linked_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("sources")).unwrap();
    fs::write(content.join("dossier.toml"), "title = \"Gala\"\n").unwrap();
    let sources = [
        (
            "gala",
            "Gala\nMayor Ansel Varga opened the gala with his wife, Ms. Petra Varga, on Friday.\n\
             Mayor Varga spoke first. Mr. Varga thanked the donors. Varga said the hall was full.\n",
        ),
        ("speech", "Speech\nMayor Ansel Varga spoke. Varga said the hall was full.\n"),
    ];
    for (slug, text) in sources {
        fs::write(
            content.join(format!("sources/{slug}.txt")),
            source(text, "The Daily Made-Up"),
        )
        .unwrap();
    }
    let site = dir.path().join("site");
    build(&content, &site).expect("builds");
    let page = fs::read_to_string(site.join("actors/ansel-varga.html")).unwrap();
    assert!(
        page.contains(
            "linked to Ansel Varga only in 2 sources: 1 that names Ansel Varga alone in full, \
             1 that names Ansel Varga far more often than the others."
        ),
        "{page}"
    );
}
