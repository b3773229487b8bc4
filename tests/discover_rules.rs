//! The rules by which discovery turns more of the text into mentions, each on
//! made-up articles: initialisms grouped with the organisation whose initials
//! they are, dotted and undotted alike; organisations whose name opens with a
//! title word; role nouns ("the governor") linked through the titles the same
//! article gives a person, and flagged when two people hold one.

use dossier::resolve::discover::DiscoveredActor;
use dossier::resolve::Dossier;
use std::collections::BTreeMap;
use std::fs;

/// A dossier of made-up sources, each (slug, text with its headline first).
fn build(sources: &[(&str, &str)]) -> (Dossier, dossier::analyse::Analysis) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("sources")).unwrap();
    fs::write(content.join("dossier.toml"), "title = \"Made up\"\n").unwrap();
    for (slug, text) in sources {
        fs::write(
            content.join(format!("sources/{slug}.txt")),
            format!("+++\noutlet = \"The Daily Made-Up\"\nlanguage = \"en\"\n+++\n{text}"),
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

/// Each actor's mentions, as (source, the text they cover).
fn mentions(
    dossier: &Dossier,
    analysis: &dossier::analyse::Analysis,
) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for m in &analysis.mentions {
        let source = dossier.source(&m.source).unwrap();
        let text = match m.anchor.as_str() {
            "headline" => source.headline.clone(),
            anchor => source
                .paragraphs
                .iter()
                .find(|p| p.anchor == anchor)
                .map(|p| p.text.clone())
                .unwrap_or_default(),
        };
        out.entry(m.actor.clone()).or_default().push(format!(
            "{}: {}",
            m.source,
            &text[m.range.clone()]
        ));
    }
    out
}

fn named<'d>(dossier: &'d Dossier, name: &str) -> &'d DiscoveredActor {
    dossier
        .discovery
        .actors
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| {
            let names: Vec<&str> = dossier
                .discovery
                .actors
                .iter()
                .map(|a| a.name.as_str())
                .collect();
            panic!("{name} not discovered: {names:?}")
        })
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
         Critics of Quell's inquiry were not heard.\n",
    )]);
    let quell = named(&dossier, "Mara Quell");
    let found = mentions(&dossier, &analysis);
    let texts = &found[&quell.slug];
    // "Mara Quell", "Quell said", "Quell's inquiry": three; "the Quell inquiry" is the inquiry's.
    assert_eq!(texts.len(), 3, "{texts:?}");
}
