//! Editorial linking as an editor uses it: every link form and citation in a
//! note, what each renders to, every error they can make, the citation rule,
//! code highlighting, and search from file:// in headless Chromium.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The default dossier in a temporary folder, with the citation rule off so a
/// test can add notes of its own.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&default_content(), &content);
    let config = fs::read_to_string(content.join("dossier.toml")).unwrap();
    let config: String = config
        .lines()
        .filter(|l| !l.starts_with("require_citations"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(content.join("dossier.toml"), config).unwrap();
    (dir, content)
}

/// A source of the default dossier, a paragraph of it with two sentences or
/// more, and those sentences.
fn cited_paragraph(content: &Path) -> (String, String, Vec<String>) {
    let options = dossier::Options {
        content: content.to_path_buf(),
        ..dossier::Options::default()
    };
    let dossier = dossier::pipeline::load_dossier(&options).expect("loads");
    for source in &dossier.sources {
        for p in &source.paragraphs {
            if p.sentences.len() >= 2 {
                let sentences = p
                    .sentences
                    .iter()
                    .map(|r| p.text[r.clone()].trim().to_string())
                    .collect();
                return (source.slug.clone(), p.anchor.clone(), sentences);
            }
        }
    }
    panic!("no paragraph with two sentences");
}

fn dossier_cmd(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_link_form_and_citation_renders_and_is_backlinked() {
    let (dir, content) = workspace();
    let (source, anchor, sentences) = cited_paragraph(&content);
    // Words of the second sentence, so the paragraph citation quotes that one.
    let echo: String = sentences[1]
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    let note = format!(
        "+++\ntitle = \"Links test\"\n+++\n\
         Plain [[benny-gantz]], labelled [[morocco|the kingdom]], a paragraph [[{source}#{anchor}]].\n\n\
         The text says {echo} [@{source}#{anchor}].\n\n\
         Named sentence [@{source}#{anchor}-s1; @trump-legacy-defence-pact].\n\n\
         Again the same sentence [@{source}#{anchor}-s1].\n\n\
         The headline says it [@{source}#headline].\n\n\
         A file link to [the minister](../actors/benny-gantz.md) and [an article](../sources/{source}.txt#{anchor}).\n\n\
         ```python\ndef greet(name):\n    return f\"<b>{{name}}</b>\"\n```\n"
    );
    fs::write(content.join("notes/links-test.md"), note).unwrap();
    let site = dir.path().join("site");
    build(&content, &site).expect("builds");
    let html = read(&site.join("notes/links-test.html"));

    for href in [
        "../actors/benny-gantz.html\">Benny Gantz</a>".to_string(),
        "../actors/morocco.html\">the kingdom</a>".to_string(),
        format!("../sources/{source}.html#{anchor}\""),
        "../actors/benny-gantz.html\">the minister</a>".to_string(),
        format!("../sources/{source}.html#{anchor}\">an article</a>"),
    ] {
        assert!(html.contains(&format!("href=\"{href}")), "missing {href}");
    }
    // Four distinct cited sentences: -s2 (chosen by its words), -s1, a whole
    // source, and a headline.
    let footnotes: Vec<&str> = html.split("<li id=\"cite-").skip(1).collect();
    assert_eq!(footnotes.len(), 4, "{html}");
    assert!(footnotes[3].contains("#headline\""), "{}", footnotes[3]);
    assert!(
        footnotes[0].contains(&format!("#{anchor}-s2\"")),
        "{}",
        footnotes[0]
    );
    let escaped_start = dossier::text::escape_html(&sentences[1][..20]);
    assert!(footnotes[0].contains(&escaped_start), "{}", footnotes[0]);
    assert!(footnotes[1].contains(&format!("#{anchor}-s1\"")));
    assert!(footnotes[2].contains("The whole article"));
    // The sentence cited twice has two markers, and the footnote links back to both.
    assert!(html.contains("id=\"cite-ref-2-2\" href=\"#cite-2\""));
    assert!(
        footnotes[1].contains("href=\"#cite-ref-2-1\"")
            && footnotes[1].contains("href=\"#cite-ref-2-2\"")
    );
    // The cited sentence is a target on the source page.
    let source_html = read(&site.join(format!("sources/{source}.html")));
    assert!(source_html.contains(&format!("id=\"{anchor}-s2\"")));
    // Backlinks quote the sentence that cites, not the whole paragraph.
    let backlinks = &source_html[source_html.find("Referred to by").expect("backlinks")..];
    assert!(
        backlinks.contains("notes/links-test.html")
            && backlinks.contains(&format!(
                "The text says {}",
                echo.split(' ').next().unwrap()
            )),
        "{backlinks}"
    );
    // Highlighted code, escaped, with its stylesheet linked and written.
    assert!(html.contains("<pre class=\"code z-code\" data-lang=\"python\">"));
    assert!(html.contains("&lt;b&gt;") && !html.contains("<b>{name}"));
    assert!(html.contains("static/syntax.css"));
    let css = read(&site.join("static/syntax.css"));
    assert!(css.contains(".z-code") && css.contains("prefers-color-scheme: dark"));
    // Pages without code do not load the code stylesheet.
    assert!(!read(&site.join("notes/overview.html")).contains("syntax.css"));
    // The note is in the search index.
    let in_index = fs::read_dir(site.join("search"))
        .unwrap()
        .any(|f| read(&f.unwrap().path()).contains("\"title\":\"Links test\""));
    assert!(in_index);
}

#[test]
fn every_broken_reference_is_reported_at_once_with_a_place_and_a_hint() {
    let (dir, content) = workspace();
    let (source, anchor, _) = cited_paragraph(&content);
    let lines = [
        "A typo [[beny-gantz]].".to_string(),
        format!("A bad anchor [[{source}#p-000000]]."),
        "A cited nothing [@no-such-source#p-1].".to_string(),
        format!("A sentence too far [@{source}#{anchor}-s99]."),
        "Not a citation [@two words].".to_string(),
        "A file that is not there [x](../actors/benny-ganz.md).".to_string(),
        "A file in the wrong folder [x](../notes/benny-gantz.md).".to_string(),
        "A citation of an actor [@benny-gantz].".to_string(),
    ];
    let body = lines.join("\n\n");
    fs::write(
        content.join("notes/broken.md"),
        format!("+++\ntitle = \"Broken\"\n+++\n{body}\n"),
    )
    .unwrap();
    let out = dossier_cmd(&["check", "--content", content.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), lines.len(), "{stderr}");
    let path = content.join("notes/broken.md");
    for (i, line) in lines.iter().enumerate() {
        // Front matter is 3 lines, then one line of text and one blank per case.
        let expected_line = 4 + 2 * i;
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(&format!("{}:{expected_line}:", path.display()))),
            "no error on line {expected_line} ({line}):\n{stderr}"
        );
    }
    for hint in [
        "did you mean 'benny-gantz'",
        "did you mean",
        "sentences are anchored",
        "write [@source-slug#p-anchor]",
        "is in actors/, not in notes/",
        "no source named 'benny-gantz'",
    ] {
        assert!(stderr.contains(hint), "missing '{hint}':\n{stderr}");
    }

    // `build` fails the same way and writes nothing.
    let site = dir.path().join("site");
    let out = dossier_cmd(&[
        "build",
        "--content",
        content.to_str().unwrap(),
        "--output",
        site.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(!site.exists());
}

#[test]
fn a_dossier_that_requires_citations_names_each_uncited_statement() {
    let (_dir, content) = workspace();
    let (source, anchor, _) = cited_paragraph(&content);
    let mut config = read(&content.join("dossier.toml"));
    config.push_str("require_citations = true\n");
    fs::write(content.join("dossier.toml"), config).unwrap();
    fs::write(
        content.join("notes/facts.md"),
        format!(
            "+++\ntitle = \"Facts\"\n+++\n## Heading with 2021 is not prose\n\n\
             Gantz flew to Rabat. This sentence has no fact. It was 2021 [@{source}#{anchor}].\n\n\
             - Loudiyi \"signed\".\n"
        ),
    )
    .unwrap();
    fs::write(
        content.join("notes/method.md"),
        "+++\ntitle = \"Method\"\nrequire_citations = false\n+++\nGantz is named here without a citation.\n",
    )
    .unwrap();
    let out = dossier_cmd(&["check", "--content", content.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    // The default notes cite everything; only the new note is at fault.
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains(": error: "))
        .take(5)
        .collect();
    let facts = content.join("notes/facts.md");
    assert_eq!(
        errors,
        vec![
            format!(
                "{}:6:1: error: uncited statement: “Gantz flew to Rabat.”",
                facts.display()
            ),
            format!(
                "{}:8:3: error: uncited statement: “Loudiyi \"signed\".”",
                facts.display()
            ),
        ],
        "{stderr}"
    );
}

/// The default dossier with a source in Arabic and one in Hebrew, built with
/// search shards small enough that a handful of sources fill many of them.
fn sharded_search_site(budget: usize) -> (tempfile::TempDir, PathBuf, dossier::Report) {
    let (dir, content) = workspace();
    fs::write(
        content.join("sources/ar-security-pact.txt"),
        "+++\ntitle = \"المغرب وإسرائيل يوقعان اتفاقا أمنيا\"\noutlet = \"Test\"\npublished = \"2021-11-25\"\nlanguage = \"ar\"\nkind = \"news\"\n+++\n\
         المغرب وإسرائيل يوقعان اتفاقا أمنيا\n\n\
         وقع وزير الدفاع الإسرائيلي بيني غانتس في الرباط مذكرة تفاهم أمنية مع المغرب، في أول اتفاق من نوعه بين البلدين.\n\n\
         وقال مسؤولون إن الاتفاق يشمل تبادل المعلومات الاستخباراتية والتعاون في الصناعات الدفاعية.\n",
    )
    .unwrap();
    fs::write(
        content.join("sources/he-memorandum.txt"),
        "+++\ntitle = \"ישראל ומרוקו חתמו על מזכר הבנות ביטחוני\"\noutlet = \"Test\"\npublished = \"2021-11-25\"\nlanguage = \"he\"\nkind = \"news\"\n+++\n\
         ישראל ומרוקו חתמו על מזכר הבנות ביטחוני\n\n\
         שר הביטחון בני גנץ חתם ברבאט על מזכר הבנות עם מרוקו, הראשון מסוגו בין המדינות.\n",
    )
    .unwrap();
    let site = dir.path().join("site");
    let options = dossier::Options {
        content,
        output: site.clone(),
        search_shard_bytes: budget,
        ..dossier::Options::default()
    };
    let report = dossier::build(&options, &dossier::pipeline::Silent)
        .map_err(|e| e.to_string())
        .expect("builds");
    (dir, site, report)
}

/// A shard's data: the JSON between `window.dossierSearch.add("name",` and `);`.
fn shard_data(file: &Path) -> serde_json::Value {
    let text = read(file);
    let name = file.file_stem().unwrap().to_str().unwrap();
    let data = text
        .strip_prefix(&format!("window.dossierSearch.add(\"{name}\","))
        .and_then(|t| t.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("{} is not a shard: {text:.80}", file.display()));
    serde_json::from_str(data).unwrap()
}

#[test]
fn search_shards_hold_every_entry_once_within_the_budget() {
    let budget = 4096;
    let (dir, site, _) = sharded_search_site(budget);
    let manifest = read(&site.join("search/index.js"));
    let manifest: serde_json::Value = serde_json::from_str(
        manifest
            .strip_prefix("window.dossierSearchIndex = ")
            .and_then(|t| t.strip_suffix(";\n"))
            .expect("the manifest sets window.dossierSearchIndex"),
    )
    .unwrap();
    // Unsharded, the index has an entry per source, paragraph, actor and note.
    let dossier = dossier::pipeline::load_dossier(&dossier::Options {
        content: dir.path().join("content"),
        ..dossier::Options::default()
    })
    .unwrap();
    let unsharded = dossier.sources.len()
        + dossier
            .sources
            .iter()
            .map(|s| s.paragraphs.len())
            .sum::<usize>()
        + dossier.actors.len()
        + dossier.notes.len();
    assert_eq!(manifest["total"], unsharded);

    let starts = manifest["entries"].as_array().unwrap();
    let ranges = manifest["terms"].as_array().unwrap();
    assert!(
        starts.len() > 2 && ranges.len() > 2,
        "several shards of each"
    );
    let mut entries = 0;
    for (i, start) in starts.iter().enumerate() {
        assert_eq!(
            start, entries,
            "entry shard {i} starts where the last ended"
        );
        entries += shard_data(&site.join(format!("search/e{i}.js")))
            .as_array()
            .unwrap()
            .len();
    }
    assert_eq!(entries, unsharded);

    // Every term's postings, gathered from the shards, name each entry at
    // most once and only entries that exist; terms come in the manifest's ranges.
    let mut postings: std::collections::BTreeMap<String, Vec<u64>> = Default::default();
    for (i, range) in ranges.iter().enumerate() {
        let items = shard_data(&site.join(format!("search/t{i}.js")));
        let items = items.as_array().unwrap();
        assert_eq!(items[0][0], range[0], "shard {i} starts at its first term");
        assert_eq!(
            items[items.len() - 1][0],
            range[1],
            "shard {i} ends at its last term"
        );
        for item in items {
            let mut entry = 0;
            let list = postings
                .entry(item[0].as_str().unwrap().into())
                .or_default();
            for pair in item[1].as_array().unwrap().chunks(2) {
                entry += pair[0].as_u64().unwrap();
                list.push(entry);
            }
        }
    }
    for (term, list) in &postings {
        let unique: std::collections::BTreeSet<_> = list.iter().collect();
        assert_eq!(unique.len(), list.len(), "{term}");
        assert!(list.iter().all(|&e| (e as usize) < unsharded), "{term}");
    }
    assert!(postings.contains_key("الاستخباراتية") && postings.contains_key("גנץ"));

    // Term shards keep to the budget; entry shards to a thirty-second of it,
    // unless one entry alone (a long note) is larger.
    let mut files = 0;
    for file in fs::read_dir(site.join("search")).unwrap() {
        let path = file.unwrap().path();
        let size = fs::metadata(&path).unwrap().len() as usize;
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with('e') {
            let alone = shard_data(&path).as_array().unwrap().len() == 1;
            assert!(size <= budget / 32 || alone, "{name} is {size} bytes");
        } else {
            assert!(size <= budget, "{name} is {size} bytes");
        }
        files += 1;
    }
    assert_eq!(
        files,
        1 + starts.len() + ranges.len(),
        "nothing but the shards"
    );
}

#[test]
fn search_works_from_file_urls_in_chromium() {
    let browser = browser_scripts();
    let (_dir, site, _) = sharded_search_site(4096);
    // A word only the sources' paragraphs use: the result must link to a
    // paragraph. Then two words whose hits lie in different shards, and a
    // word in Arabic and one in Hebrew, each loading only the shards it needs.
    let run = Command::new("node")
        .arg(browser.join("search.mjs"))
        .arg(&site)
        .args(["synagogue", "#p-"])
        .args(["agreement Morocco", "sources/"])
        .args(["الاستخباراتية", "sources/ar-security-pact.html#p-"])
        .args(["גנץ", "sources/he-memorandum.html#p-"])
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("ok: ")).count(),
        12 + 3 * 2,
        "{stdout}"
    );
    // "shards: QUERY terms=T entries=E": the two words came from two term
    // shards, and their results from at least two entry shards.
    let loaded = stdout
        .lines()
        .find_map(|l| l.strip_prefix("shards: \"agreement Morocco\" "))
        .expect("shard counts for the two-word query");
    let count = |key: &str| -> usize {
        loaded
            .split(' ')
            .find_map(|kv| kv.strip_prefix(key))
            .and_then(|n| n.split('/').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{key} in {loaded}"))
    };
    assert!(count("terms=") >= 2 && count("entries=") >= 2, "{loaded}");
}
