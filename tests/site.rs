//! The default dossier, built as a user would build it, checked page by page.

mod common;

use common::*;
use scraper::{Html, Selector};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fs;
use std::path::Path;

struct Site {
    files: BTreeMap<String, Vec<u8>>,
}

impl Site {
    fn build() -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("site");
        build(&default_content(), &output).expect("the default dossier builds");
        let files = snapshot(&output);
        (dir, Site { files })
    }

    fn html(&self, path: &str) -> Html {
        let bytes = self
            .files
            .get(path)
            .unwrap_or_else(|| panic!("{path} was not written"));
        Html::parse_document(std::str::from_utf8(bytes).unwrap())
    }

    fn pages(&self) -> impl Iterator<Item = &String> {
        self.files.keys().filter(|p| p.ends_with(".html"))
    }
}

/// Each reference a page makes: (attribute value, whether it may be absolute).
fn references(page: &Html) -> Vec<(String, bool)> {
    let selector =
        Selector::parse("a[href], link[href], script[src], img[src], iframe[src], source[src]")
            .unwrap();
    page.select(&selector)
        .map(|el| {
            let value = el.value();
            let url = value
                .attr("href")
                .or_else(|| value.attr("src"))
                .unwrap()
                .to_string();
            let rel = value.attr("rel").unwrap_or("");
            let may_be_absolute = (value.name() == "link"
                && rel.split_whitespace().any(|r| r == "canonical"))
                || (value.name() == "a" && rel.split_whitespace().any(|r| r == "external"));
            (url, may_be_absolute)
        })
        .collect()
}

fn ids(page: &Html) -> BTreeSet<String> {
    let selector = Selector::parse("[id]").unwrap();
    page.select(&selector)
        .map(|el| el.value().attr("id").unwrap().to_string())
        .collect()
}

/// Resolves a relative URL found in `from` to a site path and fragment.
fn resolve(from: &str, url: &str) -> (String, Option<String>) {
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (url, None),
    };
    if path.is_empty() {
        return (from.to_string(), fragment);
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for segment in path.split('/') {
        match segment {
            ".." => {
                assert!(parts.pop().is_some(), "{from}: {url} leaves the site");
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    (parts.join("/"), fragment)
}

#[test]
fn every_expected_page_exists() {
    let (_dir, site) = Site::build();
    let content = default_content();
    let mut expected: BTreeSet<String> = [
        "index.html",
        "404.html",
        "timeline.html",
        "sources/index.html",
        "actors/index.html",
        "notes/index.html",
        "sitemap.xml",
        "atom.xml",
        ".nojekyll",
        "static/style.css",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    for slug in slugs(&content.join("sources")) {
        expected.insert(format!("sources/{slug}.html"));
    }
    for slug in slugs(&content.join("actors")) {
        expected.insert(format!("actors/{slug}.html"));
    }
    for slug in slugs(&content.join("notes")) {
        expected.insert(format!("notes/{slug}.html"));
    }
    let missing: Vec<_> = expected
        .iter()
        .filter(|p| !site.files.contains_key(*p))
        .collect();
    assert!(missing.is_empty(), "missing pages: {missing:?}");
    assert!(slugs(&content.join("sources")).len() >= 5);
    assert!(slugs(&content.join("actors")).len() >= 20);
}

#[test]
fn every_link_and_anchor_resolves_and_is_relative() {
    let (_dir, site) = Site::build();
    let mut id_cache: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut checked = 0;
    for path in site.pages() {
        let page = site.html(path);
        for (url, may_be_absolute) in references(&page) {
            checked += 1;
            if url.contains("://") || url.starts_with("//") {
                if !may_be_absolute {
                    problems.push(format!("{path}: absolute link {url}"));
                }
                continue;
            }
            if url.starts_with('/') {
                problems.push(format!(
                    "{path}: root-relative link {url} breaks under a sub-path"
                ));
                continue;
            }
            let (target, fragment) = resolve(path, &url);
            if !site.files.contains_key(&target) {
                problems.push(format!("{path}: {url} → {target} does not exist"));
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                let ids = id_cache
                    .entry(target.clone())
                    .or_insert_with(|| ids(&site.html(&target)));
                if !ids.contains(&fragment) {
                    problems.push(format!("{path}: {url} → no id '{fragment}' in {target}"));
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} links checked");
    assert!(
        problems.is_empty(),
        "{} broken links:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_page_is_reachable_by_clicking_from_the_home_page() {
    let (_dir, site) = Site::build();
    let mut seen = BTreeSet::from(["index.html".to_string()]);
    let mut queue = VecDeque::from(["index.html".to_string()]);
    while let Some(path) = queue.pop_front() {
        let page = site.html(&path);
        let anchors = Selector::parse("a[href]").unwrap();
        for el in page.select(&anchors) {
            let url = el.value().attr("href").unwrap();
            if url.contains("://") {
                continue;
            }
            let (target, _) = resolve(&path, url);
            if target.ends_with(".html")
                && site.files.contains_key(&target)
                && seen.insert(target.clone())
            {
                queue.push_back(target);
            }
        }
    }
    let unreachable: Vec<_> = site
        .pages()
        .filter(|p| !seen.contains(*p) && *p != "404.html")
        .collect();
    assert!(
        unreachable.is_empty(),
        "not reachable from index.html: {unreachable:?}"
    );
}

#[test]
fn the_sources_and_all_actors_are_listed() {
    let (_dir, site) = Site::build();
    let content = default_content();
    let links_of = |path: &str| -> BTreeSet<String> {
        let page = site.html(path);
        let selector = Selector::parse("main a[href]").unwrap();
        page.select(&selector)
            .map(|el| resolve(path, el.value().attr("href").unwrap()).0)
            .collect()
    };
    let sources_index = links_of("sources/index.html");
    let home = links_of("index.html");
    for slug in slugs(&content.join("sources")) {
        let page = format!("sources/{slug}.html");
        assert!(
            sources_index.contains(&page),
            "sources/index.html lacks {page}"
        );
        assert!(home.contains(&page), "index.html lacks {page}");
        // The source page shows its text: every paragraph has an anchor.
        let html = site.html(&page);
        let paragraphs = Selector::parse("article p.para[id]").unwrap();
        assert!(
            html.select(&paragraphs).count() >= 5,
            "{page} shows too few paragraphs"
        );
    }
    let actors_index = links_of("actors/index.html");
    for slug in slugs(&content.join("actors")) {
        let page = format!("actors/{slug}.html");
        assert!(
            actors_index.contains(&page),
            "actors/index.html lacks {page}"
        );
    }
}

#[test]
fn source_text_is_verbatim_in_the_provenance_view_of_its_page() {
    let (_dir, site) = Site::build();
    let content = default_content();
    for slug in slugs(&content.join("sources")) {
        let raw =
            std::fs::read_to_string(content.join("sources").join(format!("{slug}.txt"))).unwrap();
        let body = raw.splitn(3, "+++\n").nth(2).expect("front matter");
        let page = site.html(&format!("sources/{slug}.html"));
        let cells = Selector::parse("#verbatim table.verbatim tbody tr td:nth-child(2)").unwrap();
        let shown: Vec<String> = page.select(&cells).map(|td| td.text().collect()).collect();
        let original: Vec<&str> = body.lines().collect();
        assert_eq!(shown.len(), original.len(), "{slug}: line count");
        for (number, (shown, original)) in shown.iter().zip(&original).enumerate() {
            assert_eq!(shown, original, "{slug}: line {} differs", number + 1);
        }
    }
}

#[test]
fn two_builds_are_byte_identical_and_a_rebuild_rewrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    build(&default_content(), &a).unwrap();
    build(&default_content(), &b).unwrap();
    let (first, second) = (snapshot(&a), snapshot(&b));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(bytes == &second[path], "{path} differs between two builds");
    }
    let again = build(&default_content(), &a).unwrap();
    let written = again.written.unwrap();
    assert_eq!(written.written, 0, "unchanged files were rewritten");
    assert_eq!(
        written.unchanged,
        first.len() - 1,
        "every file but the manifest is kept"
    );
}

#[test]
fn feeds_use_absolute_urls_from_base_url() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    let options = dossier::Options {
        content: default_content(),
        output: output.clone(),
        base_url: Some("https://desk.example.org/dossier/".into()),
        ..dossier::Options::default()
    };
    dossier::build(&options, &dossier::pipeline::Silent).unwrap();
    let sitemap = std::fs::read_to_string(output.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://desk.example.org/dossier/</loc>"));
    assert!(sitemap.contains("<loc>https://desk.example.org/dossier/timeline.html</loc>"));
    assert!(!sitemap.contains("404.html"));
    let atom = std::fs::read_to_string(output.join("atom.xml")).unwrap();
    assert!(atom.contains("<id>https://desk.example.org/dossier/</id>"));
    let entries = atom.matches("<entry>").count();
    assert_eq!(
        entries,
        slugs(&default_content().join("sources")).len()
            + slugs(&default_content().join("notes")).len()
    );
    assert!(Path::new(&output.join(".nojekyll")).exists());
}

#[test]
fn actor_pages_show_quotes_charts_and_the_network() {
    let (_dir, site) = Site::build();
    let dossier = dossier::pipeline::load_dossier(&dossier::Options {
        content: default_content(),
        ..Default::default()
    })
    .unwrap();
    let analysis = dossier::analyse::analyse(&dossier).unwrap();

    // Every direct quote appears on its speaker's page, linked to its paragraph.
    let mut checked = 0;
    for found in &analysis.statements {
        let dossier::analyse::quotes::Speaker::Actor(slug) = &found.statement.speaker else {
            continue;
        };
        if found.statement.kind != dossier::analyse::quotes::StatementKind::Direct {
            continue;
        }
        let page = site.html(&format!("actors/{slug}.html"));
        let link = format!("../sources/{}.html#{}", found.source, found.anchor);
        let selector = Selector::parse(&format!("ul.quotes a[href=\"{link}\"]")).unwrap();
        assert!(
            page.select(&selector).next().is_some(),
            "actors/{slug}.html lacks a link to {link}"
        );
        let text = Selector::parse("ul.quotes blockquote").unwrap();
        assert!(
            page.select(&text).any(|b| b
                .text()
                .collect::<String>()
                .contains(found.statement.text.trim())),
            "actors/{slug}.html lacks the quote {:?}",
            found.statement.text
        );
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} quotes checked");

    // The mention chart is an inline SVG with one bar per source.
    let sources = slugs(&default_content().join("sources")).len();
    let gantz = site.html("actors/benny-gantz.html");
    let bars = Selector::parse("figure.chart-figure svg rect.chart-bar").unwrap();
    assert_eq!(gantz.select(&bars).count(), sources);

    // The network links every actor the sources name, and its table lists the pairs.
    let index = site.html("actors/index.html");
    let nodes = Selector::parse("svg.network a").unwrap();
    let named = analysis
        .actor_coverage
        .values()
        .filter(|c| c.iter().any(|s| s.count > 0))
        .count();
    assert_eq!(index.select(&nodes).count(), named);
    let rows = Selector::parse("section[aria-labelledby=network-heading] tbody tr").unwrap();
    assert_eq!(index.select(&rows).count(), analysis.co_mentions.len());

    // A source page says who is quoted and marks scare quotes as such.
    let source = site.html("sources/trump-legacy-defence-pact.html");
    let voices: String = source
        .select(&Selector::parse(".voices").unwrap())
        .flat_map(|v| v.text())
        .collect();
    assert!(
        voices.contains("Zohar Palti") && voices.contains("not speech"),
        "{voices}"
    );
}

#[test]
fn every_tag_has_a_page_listing_what_carries_it() {
    let (_dir, site) = Site::build();
    let dossier = dossier::pipeline::load_dossier(&dossier::Options {
        content: default_content(),
        ..Default::default()
    })
    .unwrap();
    let tagged = dossier
        .sources
        .iter()
        .map(|s| (&s.meta.tags, format!("../sources/{}.html", s.slug)))
        .chain(
            dossier
                .notes
                .iter()
                .map(|n| (&n.meta.tags, format!("../notes/{}.html", n.slug))),
        )
        .chain(
            dossier
                .actors
                .iter()
                .map(|a| (&a.meta.tags, format!("../actors/{}.html", a.slug))),
        );
    let mut checked = 0;
    for (tags, url) in tagged {
        for tag in tags {
            let path = format!("tags/{}.html", dossier::text::slugify(tag));
            let page = site.html(&path);
            let link = Selector::parse(&format!("main a[href=\"{url}\"]")).unwrap();
            assert!(
                page.select(&link).next().is_some(),
                "{path} does not list {url}"
            );
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} tags checked");
    let index = site.html("tags/index.html");
    let entries = Selector::parse("main ul.tag-list li").unwrap();
    let pages = site
        .pages()
        .filter(|p| p.starts_with("tags/") && *p != "tags/index.html")
        .count();
    assert_eq!(index.select(&entries).count(), pages);
}

#[test]
fn two_spellings_of_one_tag_list_an_item_once() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("notes")).unwrap();
    fs::write(content.join("dossier.toml"), "title = \"Tags\"\n").unwrap();
    fs::write(
        content.join("notes/river.md"),
        "+++\ntitle = \"The river\"\ntags = [\"Water\", \"water\", \"Rivers\"]\n+++\nA note on the river.\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    build(&content, &out).unwrap();
    let page = fs::read_to_string(out.join("tags/water.html")).unwrap();
    assert_eq!(
        page.matches("href=\"../notes/river.html\"").count(),
        1,
        "{page}"
    );
    let other = fs::read_to_string(out.join("tags/rivers.html")).unwrap();
    assert_eq!(other.matches("href=\"../notes/river.html\"").count(), 1);
}

/// A count of one reads in the singular: "1 source", "1 paragraph", "1 word".
#[test]
fn counts_of_one_are_singular() {
    let (dir, content) = made_up_content(
        "One story",
        &[(
            "solo",
            "en",
            "Dam opens\n\nThe Vell dam opened on Monday after years of delay.",
        )],
    );
    let output = dir.path().join("site");
    build(&content, &output).unwrap();
    let home = fs::read_to_string(output.join("index.html")).unwrap();
    assert!(home.contains("1 source ·"), "{home}");
    assert!(!home.contains("1 sources"));
    let page = fs::read_to_string(output.join("sources/solo.html")).unwrap();
    assert!(page.contains(" words in 1 paragraph<"), "{page}");
    assert!(!page.contains("1 paragraphs"));
    let sources = fs::read_to_string(output.join("sources/index.html")).unwrap();
    assert!(sources.contains(">1 source<"), "{sources}");
}
