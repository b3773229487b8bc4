//! Cleaning the five default articles, checked line by line against a gold standard
//! written by hand from the articles: which lines are headline, deck, body and
//! furniture, and what metadata the text gives.

mod common;

use common::*;
use dossier::ingest::{self, LineRole, Source};
use dossier::load;
use dossier::model::{Config, Document, Origin, SourceMeta};
use std::collections::BTreeMap;
use std::path::PathBuf;

struct Gold {
    origin: &'static str,
    headline: &'static [usize],
    deck: &'static [usize],
    body: &'static [usize],
    furniture: &'static [usize],
    /// Lines kept as body whose end is cut off, with the text cut.
    trimmed: &'static [(usize, &'static str)],
    author: Option<&'static str>,
    outlet: Option<&'static str>,
    published: Option<&'static str>,
    dateline: Option<&'static str>,
}

const GOLD: &[Gold] = &[
    Gold {
        origin: "000_efabfacb50aafe36.txt",
        headline: &[1],
        // A second headline, then a standfirst whose first sentence is line 9.
        deck: &[3, 5],
        body: &[7, 9, 13, 15, 17, 19, 21, 23, 25],
        // "… Photo: brandnewstores.com"
        furniture: &[11],
        trimmed: &[],
        author: None,
        outlet: None,
        published: None,
        dateline: None,
    },
    Gold {
        origin: "001_1c68c69783222b3b.txt",
        headline: &[1],
        deck: &[],
        body: &[2, 3, 4, 5, 6, 7],
        // The disclaimer.
        furniture: &[8],
        trimmed: &[(7, "More By Dan Arbel")],
        author: Some("Dan Arbel"),
        outlet: Some("Newslooks.com"),
        published: None,
        dateline: None,
    },
    Gold {
        origin: "002_6e1d9c97963caa6c.txt",
        headline: &[1],
        deck: &[4],
        body: &[7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27],
        // Repeated headline, repeated subtitle, CMS account name, "Related Articles".
        furniture: &[3, 5, 29, 31],
        trimmed: &[],
        author: None,
        outlet: Some("NNN-AGENCIES"),
        published: None,
        dateline: Some("RABAT, Nov 25"),
    },
    Gold {
        origin: "003_c2a7ae3ffdf95047.txt",
        headline: &[1],
        deck: &[],
        body: &[6, 8, 10, 12, 14, 16],
        // Hashtags, byline, date line; the French and English comment widget.
        furniture: &[2, 3, 4, 18, 20, 22, 24],
        trimmed: &[],
        author: Some("Fiona Urbain"),
        outlet: None,
        published: Some("2021-11-29"),
        dateline: None,
    },
    Gold {
        origin: "004_644d7ec9ad0a14b6.txt",
        headline: &[3],
        deck: &[],
        body: &[11, 15, 17, 19, 29],
        // Breadcrumb, share count, reading time, the first paragraph again,
        // "Read Also:" and its links, the comment widget.
        furniture: &[
            1, 5, 7, 13, 21, 23, 25, 27, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
        ],
        trimmed: &[],
        author: None,
        outlet: Some("trendsnafrica.com"),
        published: None,
        dateline: None,
    },
];

/// The default sources by their original file name: (front matter text, article text).
fn default_articles() -> BTreeMap<String, (PathBuf, String)> {
    let mut articles = BTreeMap::new();
    for entry in std::fs::read_dir(default_content().join("sources")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let split = load::split_front_matter(&text).unwrap();
        let meta: SourceMeta = toml::from_str(split.front_matter).unwrap();
        articles.insert(meta.origin.clone().unwrap(), (path, split.body.to_string()));
    }
    articles
}

/// Ingests an article as `dossier import` sees it: no front matter at all.
fn ingest_bare(text: &str) -> Source {
    let config: Config = toml::from_str("title = \"t\"").unwrap();
    let doc = Document {
        slug: "s".into(),
        origin: Origin {
            path: PathBuf::from("article.txt"),
            front_matter: String::new(),
            front_matter_line: 1,
            body_line: 1,
        },
        meta: SourceMeta::default(),
        body: text.to_string(),
    };
    ingest::ingest_one(doc, &config, &ingest::rules::RuleSet::builtin()).unwrap()
}

fn lines_with(source: &Source, role: LineRole, offset: usize) -> Vec<usize> {
    source
        .lines
        .iter()
        .filter(|l| l.role == role)
        .map(|l| l.number - offset)
        .collect()
}

fn check_roles(gold: &Gold, source: &Source, offset: usize, scenario: &str) {
    let who = format!("{} ({scenario})", gold.origin);
    assert_eq!(
        lines_with(source, LineRole::Headline, offset),
        gold.headline,
        "{who}: headline"
    );
    assert_eq!(
        lines_with(source, LineRole::Deck, offset),
        gold.deck,
        "{who}: deck"
    );
    assert_eq!(
        lines_with(source, LineRole::Body, offset),
        gold.body,
        "{who}: body"
    );
    assert_eq!(
        lines_with(source, LineRole::Removed, offset),
        gold.furniture,
        "{who}: furniture"
    );
    let trimmed: Vec<(usize, String)> = source
        .lines
        .iter()
        .filter_map(|l| {
            l.split
                .as_ref()
                .map(|split| (l.number - offset, split.cut.trim().to_string()))
        })
        .collect();
    let expected: Vec<(usize, String)> = gold
        .trimmed
        .iter()
        .map(|(n, t)| (*n, t.to_string()))
        .collect();
    assert_eq!(trimmed, expected, "{who}: trimmed ends");
}

#[test]
fn every_default_article_is_cleaned_as_the_gold_says() {
    let articles = default_articles();
    assert_eq!(articles.len(), GOLD.len());
    for gold in GOLD {
        let (_, text) = &articles[gold.origin];
        let source = ingest_bare(text);
        check_roles(gold, &source, 0, "no front matter");
        assert_eq!(
            source
                .author
                .as_ref()
                .filter(|f| f.inferred_from.is_some())
                .map(|f| f.value.as_str()),
            gold.author,
            "{}: author",
            gold.origin
        );
        assert_eq!(
            source
                .outlet
                .as_ref()
                .filter(|f| f.inferred_from.is_some())
                .map(|f| f.value.as_str()),
            gold.outlet,
            "{}: outlet",
            gold.origin
        );
        assert_eq!(
            source.published.map(|d| d.to_string()).as_deref(),
            gold.published,
            "{}: date",
            gold.origin
        );
        assert_eq!(
            source.dateline.as_deref(),
            gold.dateline,
            "{}: dateline",
            gold.origin
        );
        assert_eq!(source.language, "en", "{}: language", gold.origin);
        assert!(source.language_inferred);
    }
}

#[test]
fn the_built_dossier_cleans_them_the_same_way() {
    let dossier = dossier::pipeline::load_dossier(&dossier::Options {
        content: default_content(),
        ..Default::default()
    })
    .unwrap();
    for gold in GOLD {
        let source = dossier
            .sources
            .iter()
            .find(|s| s.meta.origin.as_deref() == Some(gold.origin))
            .unwrap_or_else(|| panic!("no source from {}", gold.origin));
        check_roles(
            gold,
            source,
            source.origin.body_line - 1,
            "with front matter",
        );
    }
}

/// No sentence of an article is lost: every sentence of a removed line is furniture,
/// and the words of the body, deck and headline together with the removed lines
/// are exactly the words of the text.
#[test]
fn nothing_is_lost_and_nothing_is_invented() {
    for (origin, (_, text)) in default_articles() {
        let source = ingest_bare(&text);
        let mut shown: Vec<String> = Vec::new();
        for line in &source.lines {
            match (&line.role, &line.split) {
                (LineRole::Blank, _) => {}
                (_, Some(split)) => shown.push(format!("{} {}", split.kept, split.cut)),
                _ => shown.push(line.text.clone()),
            }
        }
        let words = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
        assert_eq!(
            words(&shown.join(" ")),
            words(&text),
            "{origin}: the lines do not add up to the text"
        );
        for paragraph in &source.paragraphs {
            assert!(
                text.split('\n')
                    .any(|line| dossier::text::normalise_space(line).contains(&paragraph.text)),
                "{origin}: paragraph not in the text: {}",
                paragraph.text
            );
        }
    }
}

#[test]
fn the_default_sources_are_the_shared_articles_verbatim() {
    let shared = repo().join("../shared/articles");
    let articles = default_articles();
    if !shared.is_dir() {
        // Outside the workplace the originals are not beside the repository;
        // the gold tests above still pin the text line by line.
        assert_eq!(articles.len(), 5);
        return;
    }
    for (origin, (path, text)) in articles {
        let original = std::fs::read_to_string(shared.join(&origin)).unwrap();
        assert!(
            text == original,
            "{} is not the verbatim text of {origin}",
            path.display()
        );
    }
}

/// Page furniture of kinds the default articles do not have, in made-up lines: each
/// is removed by the named rule, and a body sentence using the same words is kept.
#[test]
fn furniture_of_other_sites_is_removed_and_like_sentences_are_kept() {
    let furniture = [
        ("Share on Facebook Share on X Email", "share-buttons"),
        ("Partager sur Facebook", "share-buttons"),
        (
            "Read also: Drought empties the reservoirs of the north",
            "read-also-teaser",
        ),
        (
            "More: The minister who wants to own the river",
            "read-also-teaser",
        ),
        (
            "Lire aussi : La sécheresse vide les réservoirs",
            "read-also-teaser",
        ),
        ("© 2025 River Wire. All rights reserved.", "rights-notice"),
        ("Copyright 2024 The Lakeside Courier", "rights-notice"),
        ("Tous droits réservés.", "rights-reserved"),
        (
            "We use cookies to improve your experience. By continuing you accept our policy.",
            "cookie-banner",
        ),
        ("Accept all cookies", "cookie-banner"),
        (
            "Sign up for our morning newsletter and get the news in your inbox",
            "newsletter-box",
        ),
        ("Inscrivez-vous à notre newsletter", "newsletter-box"),
        ("Advertisement", "advertising-label"),
        ("- Publicité -", "advertising-label"),
        ("Comments (12)", "comment-widget"),
    ];
    let sentences = [
        "The minister said that more of the river would be shared with the south next year.",
        "Copyright holders in Norland complained that the law was passed without any debate.",
        "Officials said they use cookies from the bakery as a gift for every visiting delegation.",
        "Farmers who subscribe to the cooperative's water plan will pay less from the summer on.",
        "The advertisement campaign for the pact cost the government three million crowns.",
    ];
    let mut text = String::from("Ministers agree to share the river\n\n");
    for (line, _) in &furniture {
        text.push_str(&format!("{}\n\n{line}\n\n", sentences[0]));
    }
    for sentence in &sentences[1..] {
        text.push_str(&format!("{sentence}\n\n"));
    }
    let source = ingest_bare(&text);
    for (line, rule) in furniture {
        let found = source
            .lines
            .iter()
            .find(|l| l.text.trim() == line)
            .unwrap_or_else(|| panic!("{line} is not a line"));
        assert_eq!(found.rule.as_deref(), Some(rule), "{line}");
    }
    for sentence in &sentences[1..] {
        assert!(
            source.paragraphs.iter().any(|p| p.text == *sentence),
            "lost: {sentence}"
        );
    }
}

#[test]
fn a_rights_notice_names_the_outlet() {
    let source = ingest_bare(
        "Ministers agree to share the river\n\nThe two ministers met on Monday and agreed to share the water of the river.\n\n© 2025 River Wire. All rights reserved.\n",
    );
    let outlet = source.outlet.unwrap();
    assert_eq!(outlet.value, "River Wire");
    assert!(outlet.inferred_from.is_some());
}

/// A date-and-time line under the headline, in the forms sites print it, is the
/// published date and not a deck.
#[test]
fn a_date_and_time_line_is_the_published_date() {
    for (line, date) in [
        ("10:42 AM EST, Thu March 3, 2025", "2025-03-03"),
        ("Published 3:05 p.m. ET March 3, 2025", "2025-03-03"),
        ("Mon 3 Mar 2025 10.42 GMT", "2025-03-03"),
        ("Updated: 03.03.2025, 14:22", "2025-03-03"),
        ("Mis à jour le 3 mars 2025 à 14h22", "2025-03-03"),
        ("Publicado em 3 de março de 2025", "2025-03-03"),
        ("기사입력 :[ 2025-03-03 17:32 ]", "2025-03-03"),
        ("Опубликовано: 03.03.2025 14:22", "2025-03-03"),
    ] {
        let source = ingest_bare(&format!(
            "Ministers agree to share the river\n\n{line}\n\nThe two ministers met on Monday and agreed to share the water of the river between them.\n"
        ));
        assert!(
            source.deck.is_empty(),
            "{line} became a deck: {:?}",
            source.deck
        );
        assert_eq!(
            source.published.map(|d| d.to_string()).as_deref(),
            Some(date),
            "{line}"
        );
    }
}

/// Lines between two paragraphs that are page structure: a subhead, a title-cased
/// teaser for another article, a caption placing people in the picture. Each is
/// removed with its rule, and no paragraph of the article is lost.
#[test]
fn subheads_teasers_and_captions_between_paragraphs_are_removed() {
    let paragraphs = [
        "The two ministers met on the shore of the lake on Tuesday and agreed to share the water.",
        "Officials said the pact would be signed within weeks, after both parliaments had read it.",
        "Farmers on both banks said they had waited a decade for a fair share of the river.",
        "The joint commission will meet every quarter to settle disputes between the two states.",
        "Critics said the deal gave too much to the upstream state and too little to the delta.",
    ];
    let structure = [
        ("What happens to the dams?", "subhead"),
        (
            "Drought Empties Reservoirs Across The Northern Valleys",
            "teaser",
        ),
        (
            "Jo Roe, left, and Kim Lee at the signing ceremony in Laketown on Tuesday",
            "caption-marker",
        ),
        ("The next steps", "subhead"),
    ];
    let mut text = String::from("Ministers agree to share the river\n\n");
    for (i, paragraph) in paragraphs.iter().enumerate() {
        text.push_str(&format!("{paragraph}\n\n"));
        if let Some((line, _)) = structure.get(i) {
            text.push_str(&format!("{line}\n\n"));
        }
    }
    let source = ingest_bare(&text);
    for (line, rule) in structure {
        let found = source.lines.iter().find(|l| l.text.trim() == line).unwrap();
        assert_eq!(found.rule.as_deref(), Some(rule), "{line}");
    }
    let body: Vec<&str> = source.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(body, paragraphs, "no paragraph is lost");
    // A short sentence and a quoted line between paragraphs are the article's.
    let kept = ingest_bare(&format!(
        "Ministers agree\n\n{}\n\nHe declined to comment.\n\n“We Will See About That”\n\n{}\n",
        paragraphs[0], paragraphs[1]
    ));
    assert_eq!(kept.paragraphs.len(), 4);
}

/// A short line that recurs in several sources of one outlet is that outlet's
/// furniture, whatever its wording; a sentence it reuses, and the same line from
/// another outlet, are kept.
#[test]
fn lines_an_outlet_repeats_are_its_furniture() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("sources")).unwrap();
    std::fs::write(content.join("dossier.toml"), "title = \"Lakes\"\n").unwrap();
    let prompt = "Keep up with the Lake Courier on Bluesky";
    for (slug, outlet, topic) in [
        ("one", "Lake Courier", "the dams"),
        ("two", "Lake Courier", "the fish"),
        ("three", "River Post", "the ferries"),
    ] {
        std::fs::write(
            content.join(format!("sources/{slug}.txt")),
            format!(
                "+++\ntitle = \"News about {topic}\"\noutlet = \"{outlet}\"\n+++\nNews about {topic}\n\n\
                 The ministers met on Tuesday to talk about {topic} and the water of the river.\n\n\
                 He declined to comment.\n\n{prompt}\n\n\
                 Officials said a decision about {topic} would be taken within weeks.\n"
            ),
        )
        .unwrap();
    }
    let dossier = dossier::pipeline::load_dossier(&dossier::Options {
        content: content.clone(),
        ..Default::default()
    })
    .unwrap();
    for source in &dossier.sources {
        let line = source.lines.iter().find(|l| l.text == prompt).unwrap();
        let repeated = source.meta.outlet.as_deref() == Some("Lake Courier");
        assert_eq!(
            line.rule.as_deref() == Some("outlet-repeat"),
            repeated,
            "{}: {:?}",
            source.slug,
            line.rule
        );
        assert!(
            source
                .paragraphs
                .iter()
                .any(|p| p.text == "He declined to comment."),
            "{}: a repeated sentence is the article's",
            source.slug
        );
    }
}

const SHORE: &str =
    "The two ministers met on the shore of the lake on Tuesday and agreed to share the water.";
const WEEKS: &str =
    "Officials said the pact would be signed within weeks, after both parliaments had read it.";

/// A made-up article under the headline "Ministers agree to share the river", one
/// paragraph per block.
fn river(blocks: &[&str]) -> Source {
    ingest_bare(&format!(
        "Ministers agree to share the river\n\n{}\n",
        blocks.join("\n\n")
    ))
}

/// The body paragraphs of `river(blocks)`.
fn body_of_river(blocks: &[&str]) -> Vec<String> {
    river(blocks)
        .paragraphs
        .into_iter()
        .map(|p| p.text)
        .collect()
}

/// The role and rule of the line with this text.
fn line_of(source: &Source, text: &str) -> (LineRole, Option<String>) {
    let line = source.lines.iter().find(|l| l.text == text).unwrap();
    (line.role, line.rule.clone())
}

/// A story that opens with a dateline starts there: a one-sentence line under the
/// headline is the deck, and the photo or video caption between them goes. Without
/// a dateline the same lines are left to the other rules.
#[test]
fn lines_between_the_headline_and_a_dateline_lede_are_deck_and_captions() {
    let deck = "The pact ends a decade of quarrels over the river.";
    let caption = "The two ministers shake hands on the shore of the lake after the signing on Tuesday. Officials from both banks looked on as the rain began.";
    let lede = "LAKETOWN — The two ministers met on the shore of the lake on Tuesday and agreed to share the water of the river.";
    let second =
        "Officials said the pact would be signed within weeks, after both parliaments had read it.";
    let source = river(&[deck, caption, lede, second]);
    let rule_of = |text: &str| line_of(&source, text);
    assert_eq!(rule_of(deck), (LineRole::Deck, Some("subtitle".into())));
    assert_eq!(
        rule_of(caption),
        (LineRole::Removed, Some("before-dateline".into()))
    );
    let body: Vec<&str> = source.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(body, [lede, second]);

    // A wire dateline with the agency in brackets and a plain hyphen counts too.
    let wire =
        "Laketown (Lake Press) - The ministers agreed on Tuesday to share the water of the river.";
    let source = river(&[caption, wire, second]);
    assert_eq!(source.paragraphs.len(), 2);
    assert_eq!(source.paragraphs[0].text, wire);

    // No dateline: the caption is not told from a paragraph, and stays.
    let plain = lede.trim_start_matches("LAKETOWN — ");
    let source = river(&[caption, plain, second]);
    assert_eq!(source.paragraphs.len(), 3);
    // A dateline deep in the article (a second story on the page) changes nothing.
    let other = "RIVERTON — Ferry crews on the northern bank said on Wednesday that the new timetable would start in spring.";
    let source = river(&[plain, second, caption, other]);
    assert_eq!(source.paragraphs.len(), 4);
}

/// A pull quote repeats a passage of the article, sometimes with an editor's
/// [bracketed] word for a pronoun; it goes, with the line naming its speaker. A
/// paragraph that is not inside another one, and a short sentence said twice, stay.
#[test]
fn pull_quotes_and_their_credit_are_removed() {
    let first = SHORE;
    let quoted = "“We have waited ten years for this day, and he knows the farmers will not wait another,” said Jo Roe, a water engineer from the delta. He declined to comment further.";
    let pull = "We have waited ten years for this day, and [the minister] knows the farmers will not wait another.";
    let credit = "Jo Roe, water engineer.";
    let last = WEEKS;
    let short = "He declined to comment further.";
    let source = river(&[first, pull, credit, quoted, short, last]);
    let rule_of = |text: &str| line_of(&source, text).1;
    assert_eq!(rule_of(pull).as_deref(), Some("pull-quote"));
    assert_eq!(rule_of(credit).as_deref(), Some("pull-quote-credit"));
    let body: Vec<&str> = source.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(body, [first, quoted, short, last]);

    // A quote whose words differ beyond a bracketed stand-in is the article's own.
    let other = "We have waited ten years for this day, and the minister knows the herders will not wait another.";
    let source = river(&[first, other, credit, quoted]);
    assert_eq!(source.paragraphs.len(), 4);
}

/// Link teasers come in runs, each under its own label: between "More: …" and
/// "Related: …" lines, a "Series Name: …" line is one too. The same shape outside
/// such a run stays.
#[test]
fn a_run_of_labelled_teasers_is_removed_whole() {
    let first = SHORE;
    let last = WEEKS;
    let teasers = [
        (
            "More: How the river changed course in the great flood of 1998.",
            "read-also-teaser",
        ),
        (
            "The Lake Column: Why the delta farmers are still waiting for rain.",
            "teaser-run",
        ),
        (
            "Water Diary: A week with the ferry crews on the northern bank.",
            "teaser-run",
        ),
        (
            "Related: The ferry that crosses the lake twice a day.",
            "read-also-teaser",
        ),
    ];
    // Next to a teaser, but not inside a run of them.
    let labelled = "Update: The vote in the upper house was moved to Thursday.";
    let mut blocks = vec![first, labelled];
    blocks.extend(teasers.iter().map(|(line, _)| *line));
    blocks.push(last);
    let source = river(&blocks);
    for (line, rule) in teasers {
        assert_eq!(line_of(&source, line).1.as_deref(), Some(rule), "{line}");
    }
    let body: Vec<&str> = source.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(body, [first, labelled, last]);
}

/// A page scraped whole: the article is where prose outweighs short lines. Prose
/// beyond a stretch of furniture (other articles' teasers, a comment) goes; a short
/// list inside the article, with more of the article after it, does not cut it.
#[test]
fn prose_beyond_the_page_furniture_is_not_the_article() {
    let article = [
        SHORE,
        WEEKS,
        "Under the pact, each state may draw no more than half the river's summer flow, and a joint commission will measure it at three gauges along the border.",
        "The first minister told reporters that the commission would publish its figures every month, starting in the spring.",
    ];
    let teaser = "Ferry crews on the northern bank said on Wednesday that the new timetable would start in spring, after a winter of repairs.";
    let comment = "I have lived by this river all my life and I will believe the figures when I see them myself.";
    let mut blocks = vec!["Home", "World", "Rivers"];
    blocks.extend(article);
    // More words of furniture than the prose beyond it has.
    blocks.extend([
        "Share on Facebook",
        "Share on X",
        "Copy the link",
        "Topics in this story",
        "Water and rivers",
        "More from the valley",
        "Sign in to comment",
        "Most read this week",
        "Terms of use apply",
        "Your privacy choices here",
        "About the newsroom",
        "Contact the editors today",
        "Advertise with the paper",
    ]);
    blocks.extend([teaser, comment]);
    let source = river(&blocks);
    assert_eq!(
        line_of(&source, teaser).1.as_deref(),
        Some("outside-article")
    );
    assert_eq!(
        line_of(&source, comment).1.as_deref(),
        Some("outside-article")
    );
    let body: Vec<&str> = source.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(body, article);

    // A list of short items in the middle, with most of the article after it.
    let list = ["Gauges", "Sluices", "Pumps", "Ferries"];
    let mut blocks = vec![article[0]];
    blocks.extend(list);
    blocks.extend(&article[1..]);
    let source = river(&blocks);
    assert_eq!(source.paragraphs.len(), 4 + list.len());
    assert!(source
        .lines
        .iter()
        .all(|l| l.rule.as_deref() != Some("outside-article")));
}

/// Three paragraphs of the made-up river article.
const PACT: [&str; 3] = [
    SHORE,
    WEEKS,
    "Under the pact, each state may draw no more than half the river's summer flow, and a joint commission will measure it at three gauges along the border.",
];

/// Scraped as flat text, a comment thread and a list of teasers bring prose of
/// their own, one line at a time between a name, a date or a title; an article's
/// paragraphs come in runs. So the thread goes even when its comments outnumber
/// the article's words, while an article whose paragraphs alternate with one
/// heading each (a list of results) stays whole.
#[test]
fn a_comment_thread_after_the_article_is_not_the_article() {
    let article = PACT;
    let comments = [
        ("riverwatcher says:", "I have lived by this river all my life and I will believe the figures when I see them with my own eyes."),
        ("northbank_anna says:", "The ferry crews were never asked about any of this, and they know the water better than any minister does."),
        ("old_miller says:", "Half the summer flow sounds generous until you remember how dry the last three summers have been for all of us."),
        ("gauge_fan says:", "Three gauges along a border that long will never tell the whole story of where the water actually goes each year."),
        ("quiet_reader says:", "Good news at last, though I suspect the commission will take years to publish anything that anyone can actually read."),
    ];
    let mut blocks: Vec<&str> = article.to_vec();
    blocks.push("5 responses");
    for (name, comment) in &comments {
        blocks.extend([*name, "12 March 2024 at 09:14", *comment]);
    }
    let source = river(&blocks);
    let body: Vec<&str> = source.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(body, article);
    assert_eq!(
        line_of(&source, comments[4].1).1.as_deref(),
        Some("outside-article")
    );

    // Results, each under its own heading: one line between paragraphs.
    let results = [
        ("Northern bank", "The northern bank's crews rowed the course in eleven minutes and twenty seconds, a record."),
        ("Southern bank", "The southern crews finished nine seconds behind after losing an oar at the second gauge."),
        ("Lake towns", "The crews of the lake towns, rowing together for the first time, came in a close third."),
        ("Mill villages", "The mill villages withdrew their boat before the start because two of the rowers were ill."),
    ];
    let mut blocks = vec![SHORE];
    for (heading, paragraph) in &results {
        blocks.extend([*heading, *paragraph]);
    }
    let source = river(&blocks);
    for (_, paragraph) in &results {
        assert_eq!(line_of(&source, paragraph).0, LineRole::Body, "{paragraph}");
    }
}

/// The heading of a block of other content ("Most read", "12 responses to …")
/// weighs against the article as much as a paragraph weighs for it: teasers
/// behind it stay out, while an article that goes on for longer than that past
/// such a heading in its middle keeps its second half.
#[test]
fn a_block_heading_ends_the_article_unless_more_of_it_follows() {
    let article = PACT;
    let teasers = [
        ("Ferry timetable changes for the winter season", "Crews on the northern bank said the new timetable would start after a winter of repairs to the old landing stage."),
        ("A village school reopens after the spring floods", "Parents and teachers spent three weekends clearing mud from the classrooms before the first lessons could begin again."),
        ("Fishermen count the cost of a dry summer", "Catches on the upper river fell by a third this year, according to the cooperative that buys most of the fish."),
    ];
    let mut blocks: Vec<&str> = article.to_vec();
    blocks.push("Most read");
    for (title, summary) in &teasers {
        blocks.extend([*title, "2 hours ago", *summary]);
    }
    assert_eq!(body_of_river(&blocks), article);

    // The same heading between two halves of one long article.
    let second_half = [
        "The commission will have six members, three named by each parliament, and its chair will rotate between the two capitals every second year.",
        "Farmers' unions on both banks welcomed the gauges but warned that the summer limit would be tested in the first dry year.",
        "Environmental groups asked that the commission also publish the temperature of the water, which they say matters as much as its flow for the fish.",
    ];
    let mut blocks: Vec<&str> = article.to_vec();
    blocks.extend(["Most read", teasers[0].0, teasers[1].0]);
    blocks.extend(second_half);
    let source = river(&blocks);
    for paragraph in article.iter().chain(&second_half) {
        assert_eq!(line_of(&source, paragraph).0, LineRole::Body, "{paragraph}");
    }
}

/// Under a block heading whose first items come a line at a time, a comment
/// thread is the thread's however long it runs: the article is the first
/// stretch with paragraphs in a row, not the one with the most words. A block
/// of teasers above the article does not take its place either.
#[test]
fn a_long_comment_thread_does_not_outweigh_the_article_it_follows() {
    let long_comment = [
        "I have lived by this river all my life, and I remember the summer when the water fell so low that the ferry could not cross for a month.",
        "Nobody in the capital asked us then, and nobody asked us now, which is why I will believe these figures only when I measure the water myself.",
        "My grandfather kept a notebook of the river's height every morning for forty years, and I would gladly give it to the commission if they wanted it.",
    ];
    let mut blocks: Vec<&str> = PACT.to_vec();
    blocks.extend([
        "3 responses to “Ministers agree to share the river”",
        "northbank_anna says:",
        "12 March 2024 at 09:14",
        "The ferry crews were never asked about any of this, and they know the water better than any minister.",
        "old_miller says:",
        "12 March 2024 at 10:02",
        "Half the summer flow sounds generous until you remember how dry the last three summers have been.",
        "riverwatcher says:",
        "12 March 2024 at 11:40",
    ]);
    blocks.extend(long_comment);
    let source = river(&blocks);
    let body: Vec<&str> = source.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(body, PACT);

    // Teasers under a heading above the article.
    let mut blocks = vec!["Most read"];
    for (title, summary) in [
        ("Ferry timetable changes for the winter", "Crews on the northern bank said the new timetable would start after a winter of repairs to the old landing stage."),
        ("A village school reopens its doors", "Parents and teachers spent three weekends clearing mud from the classrooms before the first lessons could begin."),
    ] {
        blocks.extend([title, "2 hours ago", summary]);
    }
    blocks.extend(PACT);
    let source = river(&blocks);
    for paragraph in PACT {
        assert_eq!(line_of(&source, paragraph).0, LineRole::Body, "{paragraph}");
    }
}

/// Scraped whole, a river of other articles after the article comes as teasers,
/// each a title, its author, a date and a blurb: the titles weigh against the
/// article as short lines do, so the river beyond the tags goes. A list whose last item stands
/// over a lone paragraph, and quoted reviews each over its reader's name, are
/// no river and stay.
#[test]
fn a_river_of_teasers_after_the_article_is_not_the_article() {
    let article = PACT;
    let teasers = [
        ("The ferry crews who kept the northern landing open all winter", "Jo Marsh", "Crews on the northern bank kept the old landing stage open through the coldest winter in years, working shifts of twelve hours and more, breaking the ice by hand each morning so that the first boat could leave on time."),
        ("Why the mill villages fear the new summer limit on the river", "Ben Okafor", "The mill villages draw more water in July than any other part of the valley, and their councils say the new limit could close two of the mills for good unless the commission grants them an exception for the dry months."),
        ("A school on the lake shore reopens after the spring floods", "Ana Reyes", "Parents and teachers spent three weekends clearing mud from the classrooms before the first lessons could begin again in the old building, and the children returned on Monday to find new desks donated by the ferry company."),
        ("Fishermen on the upper river count the cost of a dry summer", "Lena Fold", "Catches on the upper river fell by a third this year, according to the cooperative that buys most of the fish, and its members now ask whether the pact's gauges will ever measure what happens to the water upstream."),
    ];
    let mut blocks: Vec<&str> = article.to_vec();
    blocks.extend(["Topics", "Rivers", "Ferries", "More from the Valley"]);
    for (title, author, blurb) in &teasers {
        blocks.extend([*title, *author, "Tuesday 12 March 2024", *blurb]);
    }
    assert_eq!(body_of_river(&blocks), article);

    // Short titles over long blurbs, a date between: the blurbs of a river of
    // three or more count nothing for the article either.
    let blurb = "The crews on the northern bank say the new timetable will let them sleep at home again, after a winter in which the first boat left at five and the last came back after midnight, and the landing stage was closed for repairs twice in a week of storms that flooded the road to the village.";
    let titles = [
        "Ferry crews welcome the new winter timetable",
        "Mill villages ask for a summer exception",
        "Lake school reopens after the spring floods",
        "Fishermen count the cost of dry months",
    ];
    let mut blocks: Vec<&str> = article.to_vec();
    blocks.extend(["Topics", "Rivers", "Ferries", "More from the Valley"]);
    for title in titles {
        blocks.extend([title, "Tuesday 12 March 2024", blurb]);
    }
    assert_eq!(body_of_river(&blocks), article);

    // A list whose items run on without a stop, its pictures' file names, and
    // the article's last paragraph.
    let items = [
        "Three gauges along the border that measure the flow every hour",
        "A joint commission that publishes its figures every month",
    ];
    let last =
        "Both parliaments are expected to ratify the pact before the summer, officials said.";
    let mut blocks: Vec<&str> = article.to_vec();
    blocks.extend(items);
    blocks.extend(["gauge_1", "gauge_2", "gauge_3", last]);
    let source = river(&blocks);
    assert_eq!(line_of(&source, items[1]).0, LineRole::Body);
    assert_eq!(line_of(&source, last).0, LineRole::Body);

    // Readers' reviews, each over the reader's name.
    let reviews = [
        "“The ferry trip across the lake was lovely, and the crew told us all about the new gauges and the pact.”",
        "“Beautiful views from the northern landing! Friendly crew! We recommend it at 100%”",
        "“A long wait at the landing, but the crossing itself was calm and the crew answered every question.”",
    ];
    let mut blocks: Vec<&str> = article.to_vec();
    for (review, name) in reviews.iter().zip(["– Tom H.", "– Mel R.", "– Ann F."]) {
        blocks.extend([*review, name]);
    }
    let source = river(&blocks);
    assert_eq!(line_of(&source, reviews[2]).0, LineRole::Body);
}

/// A page scraped whole opens with its menus. A byline before the prose marks
/// the article's head: the headline is the line above it, or above the deck
/// that stands between them.
#[test]
fn in_a_page_scraped_whole_the_headline_stands_above_the_byline() {
    let menus = "Skip to main content\n\nHome\n\nWorld\n\nRivers\n\nSubscribe now";
    let headline = "Ministers agree to share the river";
    let body = [SHORE, WEEKS].join("\n\n");
    let source = ingest_bare(&format!("{menus}\n\n{headline}\n\nBy Jo Marsh\n\n{body}\n"));
    assert_eq!(source.headline.as_deref(), Some(headline));
    assert_eq!(source.paragraphs.len(), 2);

    let deck = "The pact ends a decade of quarrels over the water of the river.";
    let source = ingest_bare(&format!(
        "{menus}\n\n{headline}\n\n{deck}\n\nBy Jo Marsh\n\n{body}\n"
    ));
    assert_eq!(source.headline.as_deref(), Some(headline));
    assert_eq!(source.deck, [deck]);
}

/// A one-paragraph article scraped whole, then a block of other pieces under
/// "You may also like…": the long paragraph is the article, though no other
/// paragraph stands next to it, and the pieces under the heading are not.
#[test]
fn a_one_paragraph_article_before_a_block_of_other_pieces_is_the_article() {
    let article = "The two ministers met on the shore of the lake on Tuesday and agreed, after \
        a decade of quarrels, to share the water of the river that runs between their \
        countries. Under the pact each side may take no more than half of the flow in a dry \
        summer, a commission of engineers from both banks will measure it every week, and \
        any dispute goes first to that commission and then to a judge both sides choose. \
        Farmers on both banks, who had feared for their fields, welcomed the news, while \
        fishermen downstream said they would wait to see the first dry summer before they \
        believed any of it. The parliaments of both countries must still read the text.";
    // The first piece under the heading comes a line at a time; the later ones
    // run to two paragraphs, as a piece printed whole does.
    let other = |n: u32| {
        let mut piece = vec![
            format!("Another story about boats, number {n}, and what happened next"),
            format!(
                "The boats of the harbour went out early on day {n} and came back late, \
                heavy with fish that the market could not sell before noon. The harbour master \
                said that the boats would stay in port until the price of fish rose again."
            ),
        ];
        if n > 1 {
            piece.push(format!(
                "The fishermen agreed with him on day {n}, though not all of \
                them were glad of it, and some said they would sell their catch in the next \
                town instead of waiting for the price to rise."
            ));
        }
        piece.push(format!("{n} comments"));
        piece
    };
    let mut blocks = vec![
        "Home » Rivers » Ministers agree".to_string(),
        "Share Tweet Email".to_string(),
        article.to_string(),
        "Rivers, Lakes, Treaties".to_string(),
        "You may also like…".to_string(),
    ];
    for n in 1..=3 {
        blocks.extend(other(n));
    }
    let blocks: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let source = river(&blocks);
    assert_eq!(body_of_river(&blocks), [article]);
    assert_eq!(
        line_of(&source, "You may also like…"),
        (LineRole::Removed, Some("elsewhere-heading".into()))
    );
}

/// A dossier titled "Lakes" of `files` (path under `content/`, text), built
/// into `output/` beside it.
fn lakes_site(files: &[(&str, &str)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(content.join("dossier.toml"), "title = \"Lakes\"\n").unwrap();
    for (path, text) in files {
        let path = content.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let output = dir.path().join("output");
    build(&content, &output).unwrap();
    (dir, output)
}

/// A source with no title and no line that reads as a headline has none: no
/// made-up words stand in for it in the analysis or in `dossier.json`, and its
/// page is named after its file and says why.
#[test]
fn a_source_without_a_headline_is_named_after_its_file() {
    let (_dir, output) = lakes_site(&[(
        "sources/lake-notes.txt",
        "+++\noutlet = \"Lake Daily\"\n+++\nThe ministers met. They signed nothing at all that day.\n\
         The talks resume in May, the ministry said in a statement on Friday evening.\n",
    )]);
    let page = std::fs::read_to_string(output.join("sources/lake-notes.html")).unwrap();
    assert!(
        page.contains(r#"<h1 id="headline">lake-notes</h1>"#),
        "{page}"
    );
    assert!(page.contains("No headline"), "{page}");
    assert!(!page.contains("Untitled"), "{page}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(output.join("dossier.json")).unwrap())
            .unwrap();
    assert_eq!(json["sources"][0]["headline"], serde_json::Value::Null);
}

/// An outlet or author the source does not give is no value in the page
/// contexts: lists print "unknown", a citation leaves the outlet out, a feed
/// entry has no author.
#[test]
fn an_unknown_outlet_and_author_are_printed_unknown_and_left_out_of_the_feed() {
    let (_dir, output) = lakes_site(&[
        (
            "sources/lake-pact.txt",
            "+++\ntitle = \"Lake pact signed\"\n+++\n\
             The ministers of the two lake states signed the water pact on Friday evening.\n",
        ),
        (
            "notes/pact.md",
            "+++\ntitle = \"The pact\"\n+++\nThe pact was signed [@lake-pact].\n",
        ),
    ]);
    let list = std::fs::read_to_string(output.join("sources/index.html")).unwrap();
    assert!(list.contains("<td>unknown</td><td>unknown</td>"), "{list}");
    // A citation names the outlet only where it is known.
    let note = std::fs::read_to_string(output.join("notes/pact.html")).unwrap();
    assert!(note.contains("Lake pact signed"), "{note}");
    assert!(!note.contains("unknown"), "{note}");
    let feed = std::fs::read_to_string(output.join("atom.xml")).unwrap();
    let entry = &feed[feed.find("<entry>").unwrap()..];
    assert!(entry.contains("Lake pact signed"), "{feed}");
    assert!(!entry.contains("<author>"), "{feed}");
}
