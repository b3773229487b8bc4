//! Naming found in the text, on made-up articles: three outlets name one person
//! three ways, and the comparison shows each phrasing with its counts per
//! source, marks the phrasings some outlets use and others do not, and counts an
//! epithet inside a quotation apart, as the speaker's.

mod common;

use common::*;
use dossier::analyse::naming::{FoundNaming, PhrasingKind};
use scraper::{Html, Selector};
use std::fs;
use std::path::Path;

fn found(content: &Path) -> FoundNaming {
    let dossier = dossier::pipeline::load_dossier(&dossier::Options {
        content: content.to_path_buf(),
        ..Default::default()
    })
    .unwrap();
    let comparison = dossier::analyse::analyse(&dossier).unwrap().comparison;
    assert_eq!(comparison.sources, ["east", "north", "south"]);
    let found = comparison.found_naming;
    assert_eq!(found.eligible, 1, "{found:#?}");
    found.actors.into_iter().next().unwrap()
}

/// (phrasing, kind, [(own, quoted) per source: east, north, south], differs)
type Row = (String, PhrasingKind, [(usize, usize); 3], bool);

fn rows(found: &FoundNaming) -> Vec<Row> {
    found
        .rows
        .iter()
        .map(|row| {
            let mut cells = [(0, 0); 3];
            for used in &row.uses {
                cells[used.source] = (used.count, used.quoted);
            }
            (row.text.clone(), row.kind, cells, row.differs)
        })
        .collect()
}

#[test]
fn three_outlets_naming_one_person_differently_are_set_side_by_side() {
    let (_dir, content) = three_namings_dossier();
    let found = found(&content);
    assert_eq!(found.actor, "jo-roe");
    assert_eq!(found.sources, [0, 1, 2]);
    let rows = rows(&found);
    let row = |text: &str| {
        rows.iter()
            .find(|r| r.0 == text)
            .unwrap_or_else(|| panic!("no row {text}: {rows:#?}"))
    };
    use PhrasingKind::*;
    // Headline and body: each outlet's own way, counted per source.
    assert_eq!(
        row("Premier Jo Roe"),
        &(
            "Premier Jo Roe".into(),
            Title,
            [(0, 0), (3, 0), (0, 0)],
            true
        )
    );
    assert_eq!(
        row("Ms. Roe"),
        &("Ms. Roe".into(), Honorific, [(3, 0), (0, 0), (0, 0)], true)
    );
    assert_eq!(
        row("the strongman"),
        &(
            "the strongman".into(),
            Apposition,
            [(0, 0), (0, 0), (2, 0)],
            true
        )
    );
    assert_eq!(
        row("Roe"),
        &("Roe".into(), Name, [(0, 0), (0, 0), (3, 0)], true)
    );
    // The actor's own title, standing alone.
    assert_eq!(
        row("The premier"),
        &("The premier".into(), Title, [(0, 0), (1, 0), (0, 0)], true)
    );
    // The farmer's epithet is the farmer's: counted apart, and no outlet's own
    // word, so the row does not differ between outlets.
    assert_eq!(
        row("the dictator"),
        &(
            "the dictator".into(),
            Apposition,
            [(0, 0), (0, 0), (0, 1)],
            false
        )
    );
    assert_eq!(row("Jo Roe").2, [(0, 0), (0, 0), (0, 1)]);
    // Evidence: the sentences, bounded, with the phrasing as the cue.
    let strongman = found
        .rows
        .iter()
        .find(|r| r.text == "the strongman")
        .unwrap();
    let evidence = &strongman.uses[0].evidence;
    assert_eq!(evidence[0].anchor, "headline");
    assert_eq!(evidence[1].cues, ["the strongman"]);
    assert!(evidence[1].anchor.ends_with("-s1"), "{:?}", evidence[1]);
}

#[test]
fn the_comparison_page_shows_the_table_and_links_each_count_to_its_sentences() {
    let (dir, content) = three_namings_dossier();
    let output = dir.path().join("site");
    build(&content, &output).unwrap();
    let page = Html::parse_document(&fs::read_to_string(output.join("compare.html")).unwrap());
    let select = |s: &str| Selector::parse(s).unwrap();
    assert!(page.select(&select("#found-naming")).next().is_some());
    assert!(page
        .select(&select("a[href='#found-naming']"))
        .next()
        .is_some());
    let caption: String = page
        .select(&select("#found-naming-table-1"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(caption, "How each source names Jo Roe");
    let row = page
        .select(&select(
            "#found-naming ~ div table tbody tr, section[aria-labelledby='found-naming'] tbody tr",
        ))
        .find(|tr| tr.text().collect::<String>().starts_with("Premier Jo Roe"))
        .expect("a row for Premier Jo Roe");
    let text: String = row.text().collect();
    assert!(text.contains("differs"), "{text}");
    let links: Vec<&str> = row
        .select(&select("a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(links.len(), 1, "{links:?}");
    let (path, id) = links[0].split_once('#').unwrap();
    assert_eq!(path, "sources/north.html");
    // The link lands on the list of sentences on the source's page.
    let source = Html::parse_document(&fs::read_to_string(output.join(path)).unwrap());
    let details = source
        .select(&select(&format!("details[id='{id}']")))
        .next()
        .unwrap_or_else(|| panic!("no #{id} on {path}"));
    assert!(details.inner_html().contains("<mark>Premier Jo Roe</mark>"));
    // The quoted epithet is shown apart, on both pages.
    let quoted = page
        .select(&select("section[aria-labelledby='found-naming'] tbody tr"))
        .find(|tr| tr.text().collect::<String>().starts_with("the dictator"))
        .expect("a row for the dictator");
    let quoted: String = quoted.text().collect();
    assert!(
        quoted.contains("quoted: 1") && !quoted.contains("differs"),
        "{quoted}"
    );
    let south = fs::read_to_string(output.join("sources/south.html")).unwrap();
    assert!(south.contains("Inside quotations (the speaker’s words)"));
    // The methods say how it was found.
    let methods: String = page
        .select(&select("dl.methods"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(methods.contains("Naming found in the text"));
    // And dossier.json carries it, apart from the user's own naming rows.
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(output.join("dossier.json")).unwrap()).unwrap();
    let comparison = &json["analysis"]["comparison"];
    assert_eq!(comparison["naming"], serde_json::json!([]));
    assert_eq!(comparison["found_naming"]["actors"][0]["actor"], "jo-roe");
}

/// A phrasing first met at the start of a sentence is shown as written inside
/// one: "the premier", not "The premier".
#[test]
fn a_phrasing_is_shown_without_the_capital_a_sentence_gave_it() {
    let sources = [
        ("west", "en", "Dam opens\n\nThe premier opened the dam on Monday, and Jo Roe spoke. Critics said the premier was late."),
        ("coast", "en", "Dam opens\n\nJo Roe opened the dam. The premier said the water would flow."),
    ];
    let (_dir, content) = made_up_content("The Vell dam", &sources);
    fs::create_dir_all(content.join("actors")).unwrap();
    fs::write(
        content.join("actors/jo-roe.md"),
        "+++\nname = \"Jo Roe\"\nkind = \"person\"\ntitles = [\"the premier\"]\n+++\nThe premier.\n",
    )
    .unwrap();
    let dossier = dossier::pipeline::load_dossier(&dossier::Options {
        content,
        ..Default::default()
    })
    .unwrap();
    let found = dossier::analyse::analyse(&dossier)
        .unwrap()
        .comparison
        .found_naming;
    let texts: Vec<&str> = found.actors[0]
        .rows
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert!(texts.contains(&"the premier"), "{texts:?}");
    assert!(!texts.contains(&"The premier"), "{texts:?}");
}
