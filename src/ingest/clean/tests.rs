use super::*;

fn blocks(lines: &[&str]) -> Vec<Block> {
    lines
        .iter()
        .enumerate()
        .map(|(i, t)| Block {
            text: t.to_string(),
            first_line: i,
            last_line: i,
        })
        .collect()
}

fn fates(lines: &[&str], title: Option<&str>) -> Vec<(Fate, Option<String>)> {
    let rules = RuleSet::builtin();
    let (judged, _) = Cleaner::new(&rules).clean(blocks(lines), title, &Overrides::default());
    judged.into_iter().map(|j| (j.fate, j.rule)).collect()
}

const P1: &str = "The minister said on Tuesday that the agreement would be signed within weeks.";
const P2: &str =
    "Officials from both countries have met several times since the spring to agree on the text.";

#[test]
fn kicker_headline_subtitle_byline_body_and_widgets() {
    let f = fates(
        &[
            "World",
            "Big deal signed",
            "A subtitle about the deal",
            "By Jane Roe",
            P1,
            P2,
            "Share",
            "12 Comments",
            "Tags",
        ],
        Some("Big deal signed"),
    );
    let fate: Vec<Fate> = f.iter().map(|(f, _)| *f).collect();
    use Fate::*;
    assert_eq!(
        fate,
        [Removed, Headline, Deck, Removed, Body, Body, Removed, Removed, Removed]
    );
    assert_eq!(f[0].1.as_deref(), Some("before-headline"));
    assert_eq!(f[3].1.as_deref(), Some("byline"));
    assert_eq!(f[8].1.as_deref(), Some("tail-short-line"));
}

#[test]
fn standfirst_becomes_deck_and_repeats_are_removed() {
    let standfirst = format!("{P1} It also covers training.");
    let f = fates(
        &["Headline", &standfirst, P2, P1, P2, "Headline"],
        Some("Headline"),
    );
    let fate: Vec<Fate> = f.iter().map(|(f, _)| *f).collect();
    use Fate::*;
    assert_eq!(fate, [Headline, Deck, Body, Body, Removed, Removed]);
    assert_eq!(f[1].1.as_deref(), Some("standfirst"));
    assert_eq!(f[4].1.as_deref(), Some("duplicate-paragraph"));
    assert_eq!(f[5].1.as_deref(), Some("repeated-headline"));
}

#[test]
fn near_duplicates_with_cut_ends_collapse() {
    let cut = P2.trim_end_matches('.').replace("several", "several  ");
    let f = fates(&["H", P2, &cut], Some("H"));
    assert_eq!(f[2], (Fate::Removed, Some("duplicate-paragraph".into())));
}

#[test]
fn trimmed_author_blurb_is_inferred() {
    let rules = RuleSet::builtin();
    let text = format!("{P1} More By Dan Arbel");
    let (judged, inferred) =
        Cleaner::new(&rules).clean(blocks(&["H", &text]), Some("H"), &Overrides::default());
    assert_eq!(judged[1].text, P1);
    assert_eq!(judged[1].trimmed.as_ref().unwrap().0, "More By Dan Arbel");
    assert_eq!(inferred.author.unwrap().value, "Dan Arbel");
}

#[test]
fn front_matter_overrides_win() {
    let rules = RuleSet::builtin();
    let overrides = Overrides {
        keep: vec![LinePattern::parse("Share").unwrap()],
        drop: vec![LinePattern::parse("/^Officials/").unwrap()],
        outlet_repeats: Default::default(),
        deck: Some(vec![LinePattern::parse(P1).unwrap()]),
        from_page_structure: false,
    };
    let (judged, _) =
        Cleaner::new(&rules).clean(blocks(&["H", P1, P2, "Share"]), Some("H"), &overrides);
    assert_eq!(judged[2].fate, Fate::Removed);
    assert_eq!(judged[2].rule.as_deref(), Some("front-matter-drop"));
    assert_eq!(judged[3].fate, Fate::Body);
    assert_eq!(judged[1].fate, Fate::Deck);
}

#[test]
fn prose_needs_length_and_an_ending() {
    assert!(is_prose(P1));
    assert!(!is_prose(
        "Israel signs defence pact with Morocco, as cooperation builds"
    ));
    assert!(!is_prose("Short."));
}

/// Lone paragraphs between names and dates are outside the article in flat text;
/// text taken from a saved page's article element keeps what its structure chose.
#[test]
fn outside_article_is_for_flat_text_only() {
    let comment =
        "I have lived by this river all my life and I will believe the figures when I see them.";
    let mut lines = vec!["H", P1, P2];
    for name in ["anna says:", "ben says:", "carl says:", "dora says:"] {
        lines.extend([name, "3 May 2024 at 10:00", comment]);
    }
    let rules = RuleSet::builtin();
    let fate_of_last = |from_page_structure| {
        let overrides = Overrides {
            from_page_structure,
            ..Overrides::default()
        };
        let (judged, _) = Cleaner::new(&rules).clean(blocks(&lines), Some("H"), &overrides);
        let last = judged.last().unwrap();
        (last.fate, last.rule.clone())
    };
    assert_eq!(
        fate_of_last(false),
        (Fate::Removed, Some("outside-article".to_string()))
    );
    assert_ne!(fate_of_last(true).1.as_deref(), Some("outside-article"));
}

#[test]
fn a_closing_mark_alone_does_not_end_a_sentence() {
    for ended in [
        "He signed.",
        "“We will sign,” he said.”",
        "(The vote was in May.)",
        "Why?",
    ] {
        assert!(ends_like_a_sentence(ended), "{ended}");
    }
    for open in [
        "Minister: “We will sign”",
        "Click to share on a network (Opens in new window)",
        "Ten questions about the river pact (185)",
        "The river",
    ] {
        assert!(!ends_like_a_sentence(open), "{open}");
    }
}
