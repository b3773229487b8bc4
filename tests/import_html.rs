//! `dossier import` of pages saved from a browser: the article and its metadata come
//! out as plain text, the page is kept as it came, and nothing of its markup, scripts
//! or furniture reaches the site. Every page here is made up.

mod common;

use common::*;
use flate2::{write::GzEncoder, Compression};
use std::fs;
use std::io::Write;
use std::path::Path;

fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("content")).unwrap();
    fs::write(
        dir.path().join("content/dossier.toml"),
        "title = \"Lakes\"\n",
    )
    .unwrap();
    fs::create_dir(dir.path().join("saved")).unwrap();
    dir
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

const PARAGRAPHS: [&str; 4] = [
    "The two ministers met on the shore of the lake on Tuesday and agreed to share the water of the river between their states, ending a quarrel that had lasted a decade.",
    "Officials said the pact would be signed within weeks, after both parliaments had read the text and the farmers' unions had been heard in the capital.",
    "Under the pact, each state may draw no more than half the river's summer flow, and a joint commission will measure it at three gauges along the border.",
    "\"This is a day for the farmers,\" the first minister told reporters, adding that the commission would publish its figures every month.",
];

/// Words that only page furniture, scripts and frames hold: none may reach the site.
const FURNITURE: [&str; 9] = [
    "SCRIPTWORD",
    "STYLEWORD",
    "IFRAMEWORD",
    "MENUWORD",
    "COOKIEWORD",
    "SHAREWORD",
    "RELATEDWORD",
    "FOOTERWORD",
    "pixel.example",
];

fn news_page() -> String {
    let body: String = PARAGRAPHS
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let p = p.replace('"', "&quot;").replace('\'', "&#39;");
            let extra = match i {
                1 => "<iframe src=\"https://ads.example/frame\">IFRAMEWORD</iframe>\n",
                2 => {
                    "<img src=\"https://pixel.example/t.gif\" width=\"1\" height=\"1\" alt=\"\">\n"
                }
                _ => "",
            };
            format!("<p>{p}</p>\n{extra}")
        })
        .collect();
    format!(
        r##"<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Lake states sign water pact | The Lake Times</title>
<meta property="og:title" content="Lake states sign water pact">
<meta property="og:site_name" content="The Lake Times">
<meta name="description" content="Two small states agree to share the river after years of talks.">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<link rel="canonical" href="https://lake-times.example/2024/03/pact">
<script type="application/ld+json">{{"@context":"https://schema.org","@graph":[{{"@type":"WebSite","name":"The Lake Times"}},{{"@type":"NewsArticle","headline":"Lake states sign water pact","author":{{"@type":"Person","name":"Mira Holm"}},"datePublished":"2024-03-05T09:00:00Z"}}]}}</script>
<style>body {{ font-family: STYLEWORD; }}</style>
<script>var tracker = "SCRIPTWORD";</script>
</head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World MENUWORD</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner">We use cookies COOKIEWORD to improve your visit. <button>Accept</button></div>
<article>
<h1>Lake states sign water pact</h1>
<p class="byline">By Mira Holm</p>
<time datetime="2024-03-05T09:00:00Z">5 March 2024</time>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X SHAREWORD</a></div>
{body}</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Storm hits coast RELATEDWORD</a></li><li><a href="/b">Prices rise again</a></li></ul></aside>
<footer>© The Lake Times FOOTERWORD</footer>
</body></html>
"##
    )
}

fn source_text(dir: &Path, slug: &str) -> String {
    fs::read_to_string(dir.join(format!("content/sources/{slug}.txt"))).unwrap()
}

/// The body under the front matter, as blocks separated by blank lines.
fn blocks(text: &str) -> Vec<String> {
    let body = text.splitn(3, "+++\n").nth(2).unwrap();
    body.split("\n\n")
        .map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty())
        .collect()
}

#[test]
fn a_saved_news_page_becomes_plain_text_with_its_metadata_and_builds() {
    let dir = desk();
    let page = news_page();
    fs::write(dir.path().join("saved/Lake pact.html"), &page).unwrap();
    let run = dossier(dir.path(), &["import", "saved/Lake pact.html"]);
    assert!(run.status.success(), "{}", stderr(&run));

    let slug = "lake-states-sign-water-pact";
    let text = source_text(dir.path(), slug);
    for line in [
        "title = \"Lake states sign water pact\"",
        "outlet = \"The Lake Times\"",
        "author = \"Mira Holm\"",
        "published = \"2024-03-05\"",
        "url = \"https://lake-times.example/2024/03/pact\"",
        "language = \"en-GB\"",
        "origin = \"lake-states-sign-water-pact.page.html\"",
        "deck = [\"Two small states agree to share the river after years of talks.\"]",
    ] {
        assert!(text.contains(line), "{line} missing in:\n{text}");
    }
    assert!(
        text.contains("Author read from the JSON-LD author"),
        "{text}"
    );
    assert!(text.contains("URL read from the canonical link"), "{text}");
    let mut expected = vec![
        "Lake states sign water pact".to_string(),
        "Two small states agree to share the river after years of talks.".to_string(),
    ];
    expected.extend(PARAGRAPHS.iter().map(|p| p.to_string()));
    assert_eq!(blocks(&text), expected);
    assert!(!text.contains('<'), "markup in the source: {text}");

    let kept = dir.path().join(format!("content/sources/{slug}.page.html"));
    assert_eq!(fs::read(&kept).unwrap(), page.as_bytes());

    let build = dossier(dir.path(), &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let model = fs::read_to_string(dir.path().join("output/dossier.json")).unwrap();
    let model: serde_json::Value = serde_json::from_str(&model).unwrap();
    let sources = model["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 1, "the kept page is not a source");
    let paragraphs: Vec<&str> = sources[0]["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(paragraphs, PARAGRAPHS);
    for entry in walkdir::WalkDir::new(dir.path().join("output")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let bytes = fs::read(entry.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            for word in FURNITURE {
                assert!(
                    !text.contains(word),
                    "{word} reached {}",
                    entry.path().display()
                );
            }
        }
    }
}

#[test]
fn a_gzipped_page_is_read_and_kept_gzipped() {
    let dir = desk();
    let packed = gzip(news_page().as_bytes());
    fs::write(dir.path().join("saved/pact.html.gz"), &packed).unwrap();
    let run = dossier(dir.path(), &["import", "saved/pact.html.gz"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let slug = "lake-states-sign-water-pact";
    let kept = dir
        .path()
        .join(format!("content/sources/{slug}.page.html.gz"));
    assert_eq!(fs::read(kept).unwrap(), packed);
    let text = source_text(dir.path(), slug);
    assert!(text.contains("origin = \"lake-states-sign-water-pact.page.html.gz\""));
    assert_eq!(blocks(&text).len(), 2 + PARAGRAPHS.len());
    let build = dossier(dir.path(), &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
}

#[test]
fn a_page_without_metadata_takes_its_headline_from_the_page() {
    let dir = desk();
    let paragraphs: String = PARAGRAPHS.iter().map(|p| format!("<p>{p}</p>")).collect();
    let with_h1 = format!(
        "<html><body><h1>Farmers welcome the lake pact</h1><div>{paragraphs}</div></body></html>"
    );
    let with_title = format!("<HTML><head><title>Gauges to measure the river</title></head><body><div>{paragraphs}</div></body></html>");
    fs::write(dir.path().join("saved/a.htm"), with_h1).unwrap();
    fs::write(dir.path().join("saved/b.html"), with_title).unwrap();
    let run = dossier(dir.path(), &["import", "saved/a.htm", "saved/b.html"]);
    assert!(run.status.success(), "{}", stderr(&run));
    for (slug, headline) in [
        (
            "farmers-welcome-the-lake-pact",
            "Farmers welcome the lake pact",
        ),
        ("gauges-to-measure-the-river", "Gauges to measure the river"),
    ] {
        let text = source_text(dir.path(), slug);
        assert!(text.contains(&format!("title = \"{headline}\"")), "{text}");
        assert!(text.contains("author = \"unknown\""), "{text}");
        assert!(text.contains("deck = []"), "{text}");
        assert_eq!(blocks(&text)[1..], PARAGRAPHS, "{text}");
    }
    let build = dossier(dir.path(), &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
}

#[test]
fn a_txt_file_holding_markup_is_read_as_a_page() {
    let dir = desk();
    fs::write(dir.path().join("saved/pact.txt"), news_page()).unwrap();
    let run = dossier(dir.path(), &["import", "saved/pact.txt"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let text = source_text(dir.path(), "lake-states-sign-water-pact");
    assert!(
        !text.contains("SCRIPTWORD") && !text.contains('<'),
        "{text}"
    );
}

#[test]
fn one_headline_in_a_batch_of_pages_is_told_apart() {
    let dir = desk();
    fs::write(dir.path().join("saved/one.html"), news_page()).unwrap();
    let other = news_page()
        .replace("The Lake Times", "River Press")
        .replace("Tuesday", "Monday");
    fs::write(dir.path().join("saved/two.html"), other).unwrap();
    let run = dossier(dir.path(), &["import", "saved/one.html", "saved/two.html"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let sources = dir.path().join("content/sources");
    for name in [
        "lake-states-sign-water-pact.txt",
        "lake-states-sign-water-pact.page.html",
        "lake-states-sign-water-pact-river-press.txt",
        "lake-states-sign-water-pact-river-press.page.html",
    ] {
        assert!(sources.join(name).is_file(), "{name}");
    }
    let again = dossier(dir.path(), &["import", "saved/one.html"]);
    assert!(!again.status.success(), "the same page again is refused");
    let build = dossier(dir.path(), &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
}

#[test]
fn a_gzip_bomb_and_an_oversized_page_are_refused_and_nothing_is_written() {
    let dir = desk();
    // 40 MiB of spaces inside a page: a few tens of kilobytes packed.
    let mut inflated = b"<html><body><p>".to_vec();
    inflated.resize(40 * 1024 * 1024, b' ');
    let refused = |name: &str, bytes: &[u8], message: &str| {
        fs::write(dir.path().join("saved").join(name), bytes).unwrap();
        let run = dossier(dir.path(), &["import", &format!("saved/{name}")]);
        assert!(!run.status.success(), "{name} was imported");
        let said = stderr(&run);
        assert!(
            said.contains(message) && said.contains("hint:"),
            "{name}: {said}"
        );
    };
    refused(
        "bomb.html.gz",
        &gzip(&inflated),
        "inflates to more than 32 MiB",
    );
    refused("huge.html", &inflated, "saved pages are read up to");
    refused(
        "broken.html.gz",
        b"\x1f\x8b\x08garbage",
        "not a readable gzip file",
    );
    assert!(!dir.path().join("content/sources").exists());
}

#[test]
fn the_loader_skips_kept_pages_but_not_other_stray_files() {
    let dir = desk();
    let sources = dir.path().join("content/sources");
    fs::create_dir_all(&sources).unwrap();
    fs::write(
        sources.join("pact.txt"),
        format!("Pact\n\n{}\n", PARAGRAPHS[0]),
    )
    .unwrap();
    fs::write(sources.join("pact.page.html"), news_page()).unwrap();
    fs::write(sources.join("pact.page.html.gz"), gzip(b"<html>")).unwrap();
    let build = dossier(dir.path(), &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
    fs::write(sources.join("stray.html"), news_page()).unwrap();
    let build = dossier(dir.path(), &["build"]);
    assert!(!build.status.success());
    assert!(
        stderr(&build).contains("not a sources file"),
        "{}",
        stderr(&build)
    );
}
