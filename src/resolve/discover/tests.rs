use super::*;

#[test]
fn the_built_in_cues_parse_and_cover_every_un_member() {
    let cues = Cues::parse(DEFAULT_CUES, DEFAULT_GAZETTEER).unwrap();
    assert!(cues.states.len() >= 193, "{}", cues.states.len());
    assert!(cues.states.iter().all(|s| !s.capital.is_empty()));
    let _ = Gazetteer::new(&cues);
}

#[test]
fn initials_and_appositions() {
    assert!(initials_match(
        "CBP",
        &["Customs", "and", "Border", "Protection"]
    ));
    assert!(!initials_match("CIA", &["Customs", "Border"]));
    let cues = cues();
    assert_eq!(
        apposition_role(", a spokeswoman for the ministry, said", cues),
        Some("spokeswoman")
    );
    assert_eq!(apposition_role(", who said nothing", cues), None);
    assert_eq!(word_before("said Sen. Doe", 10), Some("Sen"));
}

#[test]
fn every_name_particle_joins_a_capitalised_run() {
    // A particle that `capitalised_spans` does not take never reaches a name.
    let cues = cues();
    for particle in &cues.name_particles {
        assert!(CONNECTORS.contains(&particle.as_str()), "{particle}");
    }
}

#[test]
fn a_person_noun_says_person_only_where_the_phrase_is_about_the_name() {
    let cues = cues_in("en");
    assert_eq!(
        apposition_role(", a Lakeshire man who sold licences, said", cues),
        Some("man")
    );
    assert_eq!(apposition_role(", the man told police", cues), None);
    assert_eq!(
        apposition_role(", a person familiar with it said", cues),
        None
    );
    assert_eq!(
        predicate_role(" was a policy adviser for the mayor", cues),
        Some("adviser")
    );
    assert_eq!(predicate_role(" was adviser", cues), None);
    assert_eq!(
        predicate_role(" est l'avocate de Ferrex", cues_in("fr")),
        Some("avocate")
    );
    // English reads no Spanish copula: "the Yom Kippur era a …" is no predicate.
    assert_eq!(predicate_role(" era a minister", cues), None);
}
