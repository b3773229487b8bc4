use super::headline::*;
use super::*;

fn check(headline: &str, body: &str, language: &str) -> HeadlineCheck {
    headline_against_body(headline, std::iter::once(body), language)
}

#[test]
fn headline_words_meet_the_body_by_stem() {
    let result = check(
        "Ruritania signs defence pact",
        "Ruritania signed a defence pact on Tuesday.",
        "en",
    );
    assert!(result.matches, "{result:?}");
    let result = check(
        "Ruritania signed accords",
        "Ruritania signs an accord.",
        "en-GB",
    );
    assert!(result.matches, "{result:?}");
    // French, by its own stemmer, and an elided article.
    let result = check(
        "La Bordurie signe l'accord",
        "La Bordurie a signé un accord.",
        "fr",
    );
    assert_eq!(result.unsupported, Vec::<String>::new(), "{result:?}");
}

#[test]
fn each_language_has_its_own_stop_words() {
    // "la", "des" and "sur" carry no claim in French; English stop words are
    // no help there.
    let result = check(
        "Lithium : la colère des écologistes sur l'accord",
        "Les écologistes dénoncent un accord sur le lithium et crient leur colère.",
        "fr",
    );
    assert!(result.matches, "{result:?}");
    let result = check(
        "Der Streit um die Mine",
        "Um die Mine gibt es einen Streit.",
        "de-AT",
    );
    assert!(result.matches, "{result:?}");
    // A language with no list of its own uses the English one.
    let result = check("The pact and the mine", "A pact on a mine.", "xx");
    assert!(result.matches, "{result:?}");
}

#[test]
fn headline_words_are_reported_as_written() {
    let result = check(
        "Ruritania Unveils Sweeping Submarine Programme",
        "Ruritania unveiled a programme.",
        "en",
    );
    assert_eq!(result.unsupported, ["Sweeping", "Submarine"]);
    assert_eq!(result.supported, ["Ruritania", "Unveils", "Programme"]);
}

#[test]
fn abbreviations_stay_whole_and_letters_are_never_reported() {
    let result = check(
        "U.S.-backed deal: Ruritania's X-ray plan",
        "Ruritania plans a deal backed by an X-ray.",
        "en",
    );
    assert_eq!(result.unsupported, ["U.S."], "{result:?}");
    assert!(!result.supported.iter().any(|w| w.chars().count() == 1));
    assert!(result.supported.contains(&"Ruritania's".to_string()));
    let result = check(
        "U.S. and U.N. sign",
        "The U.S. and the U.N. signed it.",
        "en",
    );
    assert!(result.matches, "{result:?}");
    assert_eq!(result.supported, ["U.S.", "U.N.", "sign"]);
    assert_eq!(
        text_words("Talks end.Officials left"),
        ["Talks", "end", "Officials", "left"]
    );
    assert_eq!(text_words("a $1.5bn deal"), ["a", "1.5bn", "deal"]);
}

#[test]
fn a_language_without_a_stemmer_compares_whole_words() {
    assert!(stemmer_for("he").is_none() && stemmer_for("").is_none());
    let result = check("חוזה ביטחון נחתם", "החוזה נחתם היום. ביטחון.", "he");
    assert_eq!(result.unsupported, ["חוזה"], "{result:?}");
    assert_eq!(result.supported, ["ביטחון", "נחתם"]);
    // Whole words only: no stem joins "signs" and "signed" here.
    let result = check("Zorg signs", "Zorg signed.", "x-klingon");
    assert_eq!(result.unsupported, ["signs"]);
}

#[test]
fn long_evidence_is_cut_around_its_cue() {
    let short = Evidence::new("p-1".into(), "A historic pact.", vec!["historic".into()]);
    assert_eq!(short.text, "A historic pact.");
    let long = format!(
        "{}the HISTORIC pact{}",
        "Ⅹ words ".repeat(500),
        " and more".repeat(500)
    );
    let evidence = Evidence::new("p-1".into(), &long, vec!["historic".into()]);
    assert!(
        evidence.text.chars().count() <= EVIDENCE_CHARS + 2,
        "{}",
        evidence.text.len()
    );
    assert!(evidence.text.starts_with('…') && evidence.text.ends_with('…'));
    assert!(evidence.marked().contains("<mark>HISTORIC</mark>"));
    // A cue that is not found keeps the start of the sentence.
    let evidence = Evidence::new("p-1".into(), &long, vec!["absent".into()]);
    assert!(evidence.text.starts_with("Ⅹ words") && evidence.text.ends_with('…'));
}

#[test]
fn marking_cues_never_slices_inside_a_character() {
    let evidence = Evidence {
        anchor: "p-1".into(),
        text: "Ministers ẞ—“x” İ were HISTORIC <b>".into(),
        cues: vec!["historic".into(), "x".into()],
        quoted: false,
    };
    let html = evidence.marked();
    assert!(
        html.contains("<mark>HISTORIC</mark>") && html.contains("“<mark>x</mark>”"),
        "{html}"
    );
    assert!(html.ends_with("&lt;b&gt;"));
}
