//! The comparison page's findings on the default dossier, checked from the built
//! data and the page, and shared-text detection on a planted reprint.

mod common;

use common::*;
use dossier::analyse::{
    self,
    compare::{Comparison, DiffSide},
};
use dossier::model::Stance;
use scraper::{Html, Selector};
use std::fs;

fn analysed(content: &std::path::Path) -> (dossier::resolve::Dossier, Comparison) {
    let dossier = dossier::pipeline::load_dossier(&dossier::Options {
        content: content.to_path_buf(),
        ..Default::default()
    })
    .unwrap();
    let comparison = analyse::analyse(&dossier).unwrap().comparison;
    (dossier, comparison)
}

fn built_page(path: &str) -> Html {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    build(&default_content(), &output).unwrap();
    Html::parse_document(&fs::read_to_string(output.join(path)).unwrap())
}

#[test]
fn the_arms_sales_contradiction_is_shown_first_with_its_paragraphs() {
    let (dossier, comparison) = analysed(&default_content());
    let arms = comparison
        .claims
        .iter()
        .find(|c| c.id == "arms-sales")
        .expect("the default dossier tracks arms sales");
    assert!(arms.contested, "arms sales should be contested");
    assert!(comparison.claims[0].contested, "contradictions come first");
    for stance in [Stance::Supports, Stance::Contradicts] {
        let (i, cell) = arms
            .cells
            .iter()
            .enumerate()
            .find(|(_, c)| c.stance == Some(stance))
            .unwrap_or_else(|| panic!("no source {stance:?} the claim"));
        let anchor = cell.cite.as_ref().expect("a stance cites its paragraph");
        assert!(dossier.sources[i]
            .paragraphs
            .iter()
            .any(|p| &p.anchor == anchor));
    }
    let page = built_page("compare.html");
    let row = Selector::parse("tr#claim-arms-sales").unwrap();
    let row = page.select(&row).next().expect("the claim's row");
    let text: String = row.text().collect();
    assert!(
        text.contains("contradicted") && text.contains("contradicts") && text.contains("supports"),
        "{text}"
    );
    let links = Selector::parse("a[href*='sources/']").unwrap();
    assert!(row.select(&links).count() >= 2);
}

#[test]
fn israeli_voices_are_quoted_and_moroccan_officials_are_not() {
    let (_, comparison) = analysed(&default_content());
    let groups = |name: &str| -> (usize, usize) {
        comparison
            .voices
            .iter()
            .flat_map(|v| &v.groups)
            .filter(|g| g.group == name)
            .fold((0, 0), |(d, w), g| (d + g.direct, w + g.words))
    };
    let (israeli_quotes, israeli_words) = groups("Israel voices");
    let (moroccan_quotes, moroccan_words) = groups("Morocco voices");
    assert!(
        israeli_quotes >= 5 && israeli_words >= 50,
        "{israeli_quotes} Israeli quotes, {israeli_words} words"
    );
    assert_eq!(
        (moroccan_quotes, moroccan_words),
        (0, 0),
        "a Moroccan official is quoted directly"
    );
    // Moroccan officials are named, and some paraphrased, but never given quoted words.
    assert!(comparison
        .voices
        .iter()
        .any(|v| v.silent.iter().any(|s| s == "abdellatif-loudiyi")));
}

#[test]
fn naming_differences_and_frame_profiles_are_found() {
    let (dossier, comparison) = analysed(&default_content());
    let israel = comparison
        .naming
        .iter()
        .find(|r| r.referent == "israel")
        .expect("Israel is a naming referent");
    assert!(israel.varies);
    let variants: Vec<String> = israel
        .cells
        .iter()
        .flatten()
        .map(|u| u.variant.to_lowercase())
        .collect();
    assert!(
        variants.iter().any(|v| v.contains("jewish state")),
        "{variants:?}"
    );
    assert!(
        variants.iter().any(|v| v.contains("hebrew state")),
        "{variants:?}"
    );

    // The frames are the built-in ones: the dossier's own file adds only story rows.
    let framing = dossier::analyse::framing::effective(dossier.framing.as_ref());
    assert_eq!(comparison.frames.len(), framing.frame.len());
    assert!(
        comparison.frames.len() >= 15,
        "the Policy Frames Codebook has 15 dimensions"
    );
    let security = comparison
        .frames
        .iter()
        .find(|f| f.id.starts_with("security"))
        .expect("a security frame");
    for (cell, slug) in security.cells.iter().zip(&comparison.sources) {
        assert!(
            cell.count > 0 && cell.percent > 0,
            "{slug} carries no security frame"
        );
        // Every counted sentence is in the source and holds a cue.
        for evidence in &cell.sentences {
            assert!(evidence
                .cues
                .iter()
                .all(|cue| evidence.text.to_lowercase().contains(&cue.to_lowercase())));
        }
    }
    let page = built_page("compare.html");
    let heat_rows = Selector::parse("table.heatmap tbody tr").unwrap();
    assert_eq!(page.select(&heat_rows).count(), comparison.frames.len());
}

#[test]
fn a_reprint_with_small_edits_is_found_in_the_shared_text_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&default_content(), &content);
    let original = fs::read_to_string(content.join("sources/nnn-landmark-pact.txt")).unwrap();
    let body = dossier::load::split_front_matter(&original)
        .unwrap()
        .body
        .to_string();
    let edited = body
        .replace("landmark agreement", "historic agreement")
        .replace("Nearly half a million", "About 500,000")
        .replace("Palestinians view", "Many Palestinians see");
    fs::write(
        content.join("sources/reprint-of-nnn.txt"),
        format!("+++\ntitle = \"Morocco, Israel sign security pact\"\noutlet = \"Reprint Daily\"\n+++\n{edited}"),
    )
    .unwrap();
    let (dossier, comparison) = analysed(&content);
    let position = |slug: &str| dossier.sources.iter().position(|s| s.slug == slug).unwrap();
    let (reprint, nnn) = (position("reprint-of-nnn"), position("nnn-landmark-pact"));
    let overlap = comparison.reuse.overlap[reprint][nnn];
    assert!(overlap >= 60, "reprint overlap only {overlap}%");
    for (j, other) in dossier.sources.iter().enumerate() {
        if j != reprint && j != nnn {
            assert!(
                comparison.reuse.overlap[reprint][j] < 20,
                "{} overlaps the reprint",
                other.slug
            );
        }
    }
    let changed = comparison
        .reuse
        .passages
        .iter()
        .find(|p| {
            (p.a == "reprint-of-nnn" || p.b == "reprint-of-nnn")
                && p.diff
                    .iter()
                    .any(|d| d.side != DiffSide::Same && d.text.contains("landmark"))
        })
        .expect("the edited paragraph is aligned with the original");
    assert!(changed
        .diff
        .iter()
        .any(|d| d.side != DiffSide::Same && d.text.contains("historic")));
}

#[test]
fn the_signing_dates_are_set_side_by_side() {
    let (dossier, comparison) = analysed(&default_content());
    let signing = comparison
        .discrepancies
        .iter()
        .find(|d| d.fact == "signing")
        .expect("the default framing.toml defines a signing fact");
    assert!(signing.differs);
    let nnn = dossier
        .sources
        .iter()
        .position(|s| s.slug == "nnn-landmark-pact")
        .unwrap();
    let urbain = dossier
        .sources
        .iter()
        .position(|s| s.slug == "urbain-historic-agreement")
        .unwrap();
    let values = |i: usize| -> Vec<String> {
        signing.cells[i]
            .iter()
            .flat_map(|e| e.cues.clone())
            .collect()
    };
    assert!(
        values(nnn).iter().any(|v| v == "Nov 25"),
        "{:?}",
        values(nnn)
    );
    assert!(
        values(urbain).iter().any(|v| v.contains("November 24")),
        "{:?}",
        values(urbain)
    );
}

#[test]
fn a_large_dossier_is_compared_thirty_sources_a_page_with_a_pager() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&default_content(), &content);
    // Twelve copies of each of the five articles.
    let bodies: Vec<String> = fs::read_dir(content.join("sources"))
        .unwrap()
        .map(|entry| {
            let text = fs::read_to_string(entry.unwrap().path()).unwrap();
            let split = dossier::load::split_front_matter(&text).unwrap();
            split.body.to_string()
        })
        .collect();
    for i in 0..60 {
        let body = &bodies[i % bodies.len()];
        fs::write(
            content.join(format!("sources/copy-{i:02}.txt")),
            format!("+++\ntitle = \"Copy {i}\"\noutlet = \"Outlet {i}\"\n+++\n{body}"),
        )
        .unwrap();
    }
    let output = dir.path().join("site");
    build(&content, &output).unwrap();
    let sources = slugs(&content.join("sources"));
    assert_eq!(sources.len(), 65);
    assert!(output.join("compare-3.html").exists());
    assert!(!output.join("compare-4.html").exists());

    let column = Selector::parse("section[aria-labelledby=side-by-side] thead th a").unwrap();
    let pager = Selector::parse("nav.pager a").unwrap();
    let mut shown = std::collections::BTreeSet::new();
    for (number, path) in ["compare.html", "compare-2.html", "compare-3.html"]
        .iter()
        .enumerate()
    {
        let page = Html::parse_document(&fs::read_to_string(output.join(path)).unwrap());
        let columns: Vec<String> = page
            .select(&column)
            .map(|a| a.value().attr("href").unwrap().to_string())
            .collect();
        assert!(
            !columns.is_empty() && columns.len() <= 30,
            "{path}: {} columns",
            columns.len()
        );
        for href in columns {
            let slug = href
                .trim_start_matches("sources/")
                .trim_end_matches(".html")
                .to_string();
            // Each source's own page links to the comparison page that shows it.
            let source_page = fs::read_to_string(output.join(&href)).unwrap();
            assert!(
                source_page.contains(&format!("href=\"../{path}\"")),
                "{slug} does not link to {path}"
            );
            assert!(shown.insert(slug), "a source is on two comparison pages");
        }
        let links: Vec<&str> = page
            .select(&pager)
            .map(|a| a.value().attr("href").unwrap())
            .collect();
        match number {
            0 => assert_eq!(links, ["compare-2.html", "compare-3.html"]),
            1 => assert_eq!(
                links,
                [
                    "compare.html",
                    "compare.html",
                    "compare-3.html",
                    "compare-3.html"
                ]
            ),
            _ => assert_eq!(links, ["compare.html", "compare-2.html"]),
        }
    }
    assert_eq!(shown, sources, "every source is on one comparison page");

    // Five groups of thirteen copies of one text make 390 pairs; each source
    // keeps its closest five partners, and every copy is still paired.
    let data: serde_json::Value =
        serde_json::from_slice(&fs::read(output.join("dossier.json")).unwrap()).unwrap();
    let pairs = data["analysis"]["comparison"]["reuse"]["pairs"]
        .as_array()
        .unwrap();
    assert!(pairs.len() <= 5 * 65, "{} pairs", pairs.len());
    for i in 0..60 {
        let slug = format!("copy-{i:02}");
        assert!(
            pairs
                .iter()
                .any(|p| p["a"] == slug.as_str() || p["b"] == slug.as_str()),
            "{slug} is in no pair"
        );
    }
}

/// A made-up dossier of two sources whose `framing.toml` has a frame and a
/// topic, plus `extra` (more lexicon tables); one actor is never named.
fn small_compared(extra: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    for folder in ["sources", "actors", "notes"] {
        fs::create_dir_all(content.join(folder)).unwrap();
    }
    fs::write(content.join("dossier.toml"), "title = \"Ruritania\"\n").unwrap();
    fs::write(
        content.join("framing.toml"),
        format!(
            "[[frame]]\nid = \"security\"\nlabel = \"Security\"\ncues = [\"treaty\"]\n\n\
             [[topic]]\nid = \"ports\"\nlabel = \"Ports\"\ncues = [\"harbour\"]\n\n{extra}"
        ),
    )
    .unwrap();
    for (slug, outlet, body) in [
        ("herald", "Strelsau Herald", "Anna Holm signed the treaty in Strelsau on Monday, officials said. The harbour was closed for the ceremony."),
        ("courier", "Zenda Courier", "The treaty was signed by Anna Holm in the capital of the kingdom, the ministry said in a short statement."),
    ] {
        fs::write(
            content.join(format!("sources/{slug}.txt")),
            format!("+++\ntitle = \"Ruritania signs treaty\"\noutlet = \"{outlet}\"\npublished = \"2021-03-01\"\nlanguage = \"en\"\n+++\nRuritania signs treaty\n\n{body}\n"),
        )
        .unwrap();
    }
    for (slug, name) in [("anna-holm", "Anna Holm"), ("karl-brun", "Karl Brun")] {
        fs::write(
            content.join(format!("actors/{slug}.md")),
            format!("+++\nname = \"{name}\"\nkind = \"person\"\n+++\nA minister.\n"),
        )
        .unwrap();
    }
    let output = dir.path().join("site");
    build(&content, &output).unwrap();
    (dir, output)
}

fn page_at(output: &std::path::Path, path: &str) -> Html {
    Html::parse_document(&fs::read_to_string(output.join(path)).unwrap())
}

fn has(page: &Html, selector: &str) -> bool {
    page.select(&Selector::parse(selector).unwrap())
        .next()
        .is_some()
}

#[test]
fn an_empty_section_is_left_out_with_its_contents_entry() {
    let (_dir, output) = small_compared("");
    let page = page_at(&output, "compare.html");
    // No naming table and no fact group: no rows, so no heading and no link to it.
    for id in ["naming", "discrepancies"] {
        assert!(!has(&page, &format!("#{id}")), "an empty {id} section");
        assert!(
            !has(&page, &format!("nav.toc a[href='#{id}']")),
            "a link to {id}"
        );
    }
    // The sections that have rows stay, and every contents link has its target.
    for id in ["frames", "language", "coverage", "voices"] {
        assert!(has(&page, &format!("h2#{id}")), "{id} is missing");
    }
    for link in page.select(&Selector::parse("nav.toc a").unwrap()) {
        let target = link.value().attr("href").unwrap();
        assert!(has(&page, target), "the contents link to {target} dangles");
    }
    // The topic table has a row; the actor table has one too (Anna Holm).
    let captions: Vec<String> = page
        .select(&Selector::parse("#coverage ~ div caption").unwrap())
        .map(|c| c.text().collect())
        .collect();
    assert_eq!(captions.len(), 2, "{captions:?}");

    // An actor no source names has no empty "Mentions by source" table; no
    // two actors share a paragraph, so the actors page draws no empty network.
    assert!(!has(
        &page_at(&output, "actors/karl-brun.html"),
        "#coverage-title"
    ));
    assert!(has(
        &page_at(&output, "actors/anna-holm.html"),
        "#coverage-title"
    ));
    assert!(!has(
        &page_at(&output, "actors/index.html"),
        "#network-heading"
    ));
}

#[test]
fn a_section_with_rows_is_shown() {
    let (_dir, output) = small_compared(
        "[[naming]]\nreferent = \"ruritania\"\nlabel = \"Ruritania\"\nvariants = [\"Ruritania\", \"the kingdom\"]\n\n\
         [[fact]]\nid = \"signing\"\nlabel = \"When the treaty was signed\"\ncues = [\"sign*\"]\n",
    );
    let page = page_at(&output, "compare.html");
    assert!(has(&page, "h2#naming") && has(&page, "nav.toc a[href='#naming']"));
    let rows = Selector::parse("section[aria-labelledby=naming] tbody tr").unwrap();
    assert_eq!(page.select(&rows).count(), 1);
    // Only one source dates the signing: a fact one source gives is no discrepancy.
    assert!(!has(&page, "#discrepancies"));
}

/// A new story with no framing.toml is compared with the built-in lexicons, and
/// none of the default dossier's story rows (its naming and topics) appear.
#[test]
fn a_dossier_without_framing_toml_is_compared_with_the_builtin_lexicons() {
    let sources = [
        ("one", "en", "Water pact\n\nThe historic pact on the river's water was signed on Monday, officials said. Critics called the deal a dangerous mistake for farmers."),
        ("two", "en", "Water pact\n\nMinisters signed a deal that may end a long dispute over the river. Farmers reportedly fear the pact will cost them their jobs, and their union slammed it."),
    ];
    let (dir, content) = made_up_content("Lakes", &sources);
    let (dossier, comparison) = analysed(&content);
    assert!(dossier.framing.is_none());
    assert_eq!(comparison.frames.len(), 15);
    let economic = comparison
        .frames
        .iter()
        .find(|f| f.id == "economic")
        .unwrap();
    assert!(
        economic.cells.iter().any(|c| c.count > 0),
        "income is economic"
    );
    let category = |name: &str| {
        comparison
            .loaded
            .iter()
            .find(|l| l.category == name)
            .unwrap_or_else(|| panic!("no {name} row"))
    };
    assert!(
        !category("evaluative").cells[0].is_empty(),
        "historic, dangerous"
    );
    assert!(!category("hedge").cells[1].is_empty(), "may, reportedly");
    let attribution = category("attribution verb");
    assert!(attribution.cells[0].is_empty(), "'said' reports");
    assert!(!attribution.cells[1].is_empty(), "slammed");
    assert!(comparison.naming.is_empty() && comparison.topic_coverage.is_empty());
    let output = dir.path().join("site");
    build(&content, &output).unwrap();
    let page = fs::read_to_string(output.join("compare.html")).unwrap();
    assert!(!page.contains("Western Sahara") && !page.contains("memorandum"));
    assert!(page.contains("id=\"frames\""));
}

/// Loaded language is built in for the other languages of the sources too: a
/// Spanish, an Italian, a Portuguese and a German story each show their hedges,
/// intensifiers and labels.
#[test]
fn loaded_language_is_found_in_spanish_italian_portuguese_and_german() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("sources")).unwrap();
    fs::write(content.join("dossier.toml"), "title = \"Lagos\"\n").unwrap();
    let stories = [
        (
            "es",
            "El acuerdo podría cambiar muy poco para el régimen, según los pescadores.",
        ),
        (
            "it",
            "L'accordo potrebbe cambiare molto poco per la cosiddetta riforma dei pescatori.",
        ),
        (
            "pt",
            "O acordo poderia mudar muito pouco para a suposta reforma dos pescadores.",
        ),
        (
            "de",
            "Das Abkommen könnte sehr wenig für das sogenannte Regime der Fischer ändern.",
        ),
    ];
    for (language, body) in stories {
        fs::write(
            content.join(format!("sources/{language}.txt")),
            format!(
                "+++\noutlet = \"{language}\"\nlanguage = \"{language}\"\n+++\nLago\n\n{body}\n"
            ),
        )
        .unwrap();
    }
    let (_, comparison) = analysed(&content);
    for name in ["hedge", "intensifier", "label"] {
        let row = comparison
            .loaded
            .iter()
            .find(|l| l.category == name)
            .unwrap_or_else(|| panic!("no {name} row"));
        assert_eq!(row.cells.len(), stories.len());
        assert!(
            row.cells.iter().all(|c| !c.is_empty()),
            "{name}: {:?}",
            row.cells
        );
    }
}

/// A cue the dossier gives its own frame is that frame's, even where a built-in
/// frame had it ("treaty" is built into external regulation).
#[test]
fn a_dossiers_cue_is_its_own_frames_and_the_builtin_frames_stay() {
    let (dir, _output) = small_compared("");
    let (_, comparison) = analysed(&dir.path().join("content"));
    let cells = |id: &str| -> Vec<usize> {
        let row = comparison.frames.iter().find(|f| f.id == id).unwrap();
        row.cells.iter().map(|c| c.count).collect()
    };
    assert_eq!(
        cells("security"),
        [2, 2],
        "the headline and a body sentence"
    );
    assert_eq!(cells("external-regulation-and-reputation"), [0, 0]);
    assert_eq!(
        comparison.frames.len(),
        16,
        "the 15 built-in frames and the dossier's"
    );
}

/// A dossier of one made-up source of outlet "One" headed "Water pact", with
/// `body` under the headline.
fn one_source(body: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("sources")).unwrap();
    fs::write(content.join("dossier.toml"), "title = \"Lakes\"\n").unwrap();
    fs::write(
        content.join("sources/one.txt"),
        format!("+++\ntitle = \"Water pact\"\noutlet = \"One\"\n+++\nWater pact\n\n{body}"),
    )
    .unwrap();
    (dir, content)
}

/// Loaded words inside someone's quotation are the speaker's: they are counted
/// apart from the outlet's own words, and shown apart on both pages.
#[test]
fn words_inside_quotations_are_the_speakers_not_the_outlets() {
    let (dir, content) = one_source(
        "\"This is a historic and truly dangerous day,\" the minister said. The pact was signed on Monday.\n\n\
         Critics called the reckless plan a mistake.\n",
    );
    let (_, comparison) = analysed(&content);
    let evaluative = comparison
        .loaded
        .iter()
        .find(|l| l.category == "evaluative")
        .unwrap();
    let own: Vec<&String> = evaluative.cells[0].iter().flat_map(|e| &e.cues).collect();
    let quoted: Vec<&String> = evaluative.quoted[0].iter().flat_map(|e| &e.cues).collect();
    assert_eq!(own, ["reckless"]);
    assert_eq!(quoted, ["historic", "dangerous"]);
    let intensifier = comparison
        .loaded
        .iter()
        .find(|l| l.category == "intensifier")
        .unwrap();
    assert!(intensifier.cells[0].is_empty(), "'truly' is the minister's");
    assert_eq!(intensifier.quoted[0].len(), 1);

    let output = dir.path().join("site");
    build(&content, &output).unwrap();
    let page = fs::read_to_string(output.join("compare.html")).unwrap();
    assert!(
        page.contains("quoted: <a href=\"sources/one.html#loaded-0\">historic, dangerous</a>"),
        "the compare cell shows quoted words apart, linked to their sentences"
    );
    let source = fs::read_to_string(output.join("sources/one.html")).unwrap();
    assert!(source.contains("Inside quotations (the speaker’s words)"));
}

/// A story told in Spanish, Portuguese, Italian or German is framed by the
/// built-in lexicon too: each made-up article's frames are the ones its words
/// carry, and no English-only article is needed for a row to fill.
#[test]
fn frames_are_read_in_spanish_portuguese_italian_and_german() {
    let sources = [
        ("es", "es", "Made up\n\nEl gobierno anunció que la pobreza y el desempleo crecen, según una encuesta."),
        ("pt", "pt", "Made up\n\nA polícia disse que a prisão do suspeito foi um julgamento justo para a saúde pública."),
        ("it", "it", "Made up\n\nIl tribunale ha detto che la legge sulla sicurezza e sulle risorse non basta."),
        ("de", "de", "Made up\n\nDie Regierung plant neue Waffen für die Armee, und die Kosten steigen."),
    ];
    let (_dir, content) = made_up_content("Elsewhere", &sources);
    let (dossier, comparison) = analysed(&content);
    let framed = |slug: &str| -> Vec<&str> {
        let source = dossier.sources.iter().position(|s| s.slug == slug).unwrap();
        comparison
            .frames
            .iter()
            .filter(|row| row.cells[source].count > 0)
            .map(|row| row.id.as_str())
            .collect()
    };
    assert_eq!(
        framed("es"),
        ["economic", "quality-of-life", "public-opinion", "political"]
    );
    assert_eq!(framed("pt"), ["crime-and-punishment", "health-and-safety"]);
    assert_eq!(
        framed("it"),
        ["capacity-and-resources", "legality", "security-and-defence"]
    );
    assert_eq!(
        framed("de"),
        ["economic", "security-and-defence", "political"]
    );
}

/// A cue the lexicon writes in lower case is a common word: inside a longer
/// proper noun it is part of an institution's name, not the outlet's framing.
#[test]
fn a_common_cue_inside_a_proper_noun_is_part_of_a_name() {
    let (_dir, content) = one_source(
        "The Lake Security Board met officials from the Justice Ministry this morning.\n\n\
         Security at the dam was tightened, and the board promised justice for the farmers.\n",
    );
    let (_, comparison) = analysed(&content);
    let evidence = |id: &str| -> Vec<String> {
        let row = comparison.frames.iter().find(|f| f.id == id).unwrap();
        row.cells[0]
            .sentences
            .iter()
            .flat_map(|e| e.cues.clone())
            .collect()
    };
    // "Security" opening a sentence and "justice" in lower case count; the
    // same words inside the board's and the ministry's names do not.
    assert_eq!(evidence("security-and-defence"), ["Security"]);
    assert_eq!(evidence("crime-and-punishment"), ["justice"]);
}

/// A common word capitalised alone in mid-sentence is a name: "May" the month
/// is no hedge, though "may" is. A word English always capitalises, written so
/// in the lexicon ("Jewish"), still counts.
#[test]
fn a_common_cue_capitalised_in_mid_sentence_is_a_name() {
    let (_dir, content) = one_source(
        "The talks resume in May at the lake. The board may open the dam, and the \
         Jewish community of the valley asked for water.\n",
    );
    let (_, comparison) = analysed(&content);
    assert_eq!(hedges(&comparison), ["may"]);
    let row = comparison
        .frames
        .iter()
        .find(|f| f.id == "cultural-identity")
        .unwrap();
    let cues: Vec<&String> = row.cells[0]
        .sentences
        .iter()
        .flat_map(|e| &e.cues)
        .collect();
    assert!(cues.iter().any(|c| *c == "Jewish"), "{cues:?}");
}

/// "Today" in an outlet's name is no date: two sources that give the same day
/// for a meeting do not disagree because one of them names "Lakeside Today".
#[test]
fn a_date_word_inside_a_name_is_no_date() {
    let (dir, content) = one_source(
        "In an interview with Lakeside Today, the mayor said the meeting was held on Tuesday.\n",
    );
    fs::write(
        content.join("sources/two.txt"),
        "+++\ntitle = \"Water deal\"\noutlet = \"Two\"\n+++\nWater deal\n\n\
         The meeting with the mayor was held on Tuesday.\n",
    )
    .unwrap();
    let (_, comparison) = analysed(&content);
    let meeting = comparison
        .discrepancies
        .iter()
        .find(|d| d.fact == "meeting")
        .expect("both sources date the meeting");
    let values: Vec<Vec<&String>> = meeting
        .cells
        .iter()
        .map(|c| c.iter().flat_map(|e| &e.cues).collect())
        .collect();
    assert_eq!(values, [["Tuesday"], ["Tuesday"]]);
    assert!(!meeting.differs);
    drop(dir);
}

/// The hedges the first source's cells show.
fn hedges(comparison: &dossier::analyse::compare::Comparison) -> Vec<String> {
    let hedge = comparison
        .loaded
        .iter()
        .find(|l| l.category == "hedge")
        .unwrap();
    hedge.cells[0].iter().flat_map(|e| e.cues.clone()).collect()
}

/// No answer to a request for comment is a newsroom's stock phrase, not a
/// hedge; an uncertainty the outlet states is one.
#[test]
fn no_comment_yet_is_no_hedge() {
    let (_dir, content) = one_source(
        "The ministry did not immediately respond to a request for comment. It was not \
         immediately clear whether the dam would open.\n",
    );
    let (_, comparison) = analysed(&content);
    assert_eq!(hedges(&comparison), ["not immediately clear"]);
}
