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
