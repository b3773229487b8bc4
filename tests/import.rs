//! `dossier import` as a new user meets it: batches of wire copy with one headline,
//! headlines ending like sentences, file names of any spelling, outlets named by a
//! file's name, and notes that only say what was inferred. Every article is made up.

mod common;

use common::*;
use std::fs;
use std::path::Path;

const BODY: &str = "The two ministers met on the shore of the lake on Tuesday and agreed to share the water of the river between their states.\n\nOfficials said the pact would be signed within weeks, after both parliaments had read the text.\n";

/// A dossier folder with a config and the given articles beside it.
fn desk(articles: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("content")).unwrap();
    fs::write(
        dir.path().join("content/dossier.toml"),
        "title = \"Lakes\"\n",
    )
    .unwrap();
    fs::create_dir(dir.path().join("saved")).unwrap();
    for (name, text) in articles {
        fs::write(dir.path().join("saved").join(name), text).unwrap();
    }
    dir
}

fn front_matter(dir: &Path, slug: &str) -> String {
    let text = fs::read_to_string(dir.join(format!("content/sources/{slug}.txt")))
        .unwrap_or_else(|e| panic!("{slug}: {e}"));
    text.split("+++").nth(1).unwrap().to_string()
}

#[test]
fn a_batch_of_wire_copy_with_one_headline_is_told_apart_and_builds() {
    let wire = "Ministers agree to share the lake water.";
    let dir = desk(&[
        (
            "wire one.txt",
            format!("{wire}\n\nLAKETOWN, March 3 (Lake Wire) — {BODY}"),
        ),
        (
            "wire two.txt",
            format!("{wire}\n\nLAKETOWN, March 3 (River Press) — {BODY}"),
        ),
        ("wire three.txt", format!("{wire}\n\n{BODY}")),
        (
            "My_Article.txt",
            format!("Ministers of two small states sign a water pact at last.\n\n{BODY}"),
        ),
    ]);
    let run = dossier(
        dir.path(),
        &[
            "import",
            "saved/wire one.txt",
            "saved/wire two.txt",
            "saved/wire three.txt",
            "saved/My_Article.txt",
        ],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let report = stdout(&run);
    let written: Vec<String> = slugs(&dir.path().join("content/sources"))
        .into_iter()
        .collect();
    assert_eq!(
        written,
        [
            "ministers-agree-to-share-the-lake-water",
            "ministers-agree-to-share-the-lake-water-2",
            "ministers-agree-to-share-the-lake-water-river-press",
            "ministers-of-two-small-states-sign-a-water",
        ],
        "{report}"
    );
    assert_eq!(report.matches("told apart").count(), 2, "{report}");
    let headline = front_matter(dir.path(), "ministers-of-two-small-states-sign-a-water");
    assert!(
        headline.contains("title = \"Ministers of two small states sign a water pact at last.\""),
        "{headline}"
    );
    let build = dossier(dir.path(), &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
    assert_eq!(
        fs::read_dir(dir.path().join("output/sources"))
            .unwrap()
            .filter(|e| e
                .as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("ministers-"))
            .count(),
        4
    );
}

#[test]
fn importing_the_same_article_again_is_refused_without_force() {
    let dir = desk(&[(
        "pact.txt",
        format!("Ministers agree to share the lake water\n\n{BODY}"),
    )]);
    assert!(dossier(dir.path(), &["import", "saved/pact.txt"])
        .status
        .success());
    let again = dossier(dir.path(), &["import", "saved/pact.txt"]);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    assert_eq!(slugs(&dir.path().join("content/sources")).len(), 1);
    let forced = dossier(dir.path(), &["import", "saved/pact.txt", "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert_eq!(slugs(&dir.path().join("content/sources")).len(), 1);
}

#[test]
fn a_chosen_slug_of_any_spelling_is_slugified() {
    let dir = desk(&[(
        "pact.txt",
        format!("Ministers agree to share the lake water\n\n{BODY}"),
    )]);
    let run = dossier(
        dir.path(),
        &["import", "saved/pact.txt", "--slug", "Lake Pact_2021"],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(dir
        .path()
        .join("content/sources/lake-pact-2021.txt")
        .is_file());
}

#[test]
fn the_outlet_is_read_from_the_file_name_a_browser_gives() {
    let dir = desk(&[
        (
            "Ministers agree to share the lake water - The Lake Courier.txt",
            format!("Ministers agree to share the lake water\n\n{BODY}"),
        ),
        (
            "www.rivernews.org_2021_03_pact.txt",
            format!("Ministers share the river\n\n{BODY}"),
        ),
    ]);
    let run = dossier(
        dir.path(),
        &[
            "import",
            "saved/Ministers agree to share the lake water - The Lake Courier.txt",
            "saved/www.rivernews.org_2021_03_pact.txt",
        ],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let courier = front_matter(dir.path(), "ministers-agree-to-share-the-lake-water");
    assert!(
        courier.contains("outlet = \"The Lake Courier\""),
        "{courier}"
    );
    assert!(
        courier.contains("Outlet inferred from the file name"),
        "{courier}"
    );
    let river = front_matter(dir.path(), "ministers-share-the-river");
    assert!(river.contains("outlet = \"rivernews.org\""), "{river}");
    // --outlet still wins over anything inferred.
    let dir = desk(&[(
        "Ministers agree to share the lake water - The Lake Courier.txt",
        format!("Ministers agree to share the lake water\n\n{BODY}"),
    )]);
    let run = dossier(
        dir.path(),
        &[
            "import",
            "saved/Ministers agree to share the lake water - The Lake Courier.txt",
            "--outlet",
            "Shore Daily",
        ],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let fm = front_matter(dir.path(), "ministers-agree-to-share-the-lake-water");
    assert!(fm.contains("outlet = \"Shore Daily\""), "{fm}");
}

#[test]
fn the_import_note_says_only_what_was_inferred() {
    let dir = desk(&[(
        "pact.txt",
        format!(
            "Ministers agree to share the lake water\n\nLAKETOWN, March 3 (Lake Wire) — {BODY}"
        ),
    )]);
    assert!(dossier(dir.path(), &["import", "saved/pact.txt"])
        .status
        .success());
    let slug = "ministers-agree-to-share-the-lake-water";
    let fm = front_matter(dir.path(), slug);
    assert!(fm.contains("Outlet inferred from"), "{fm}");
    assert!(fm.contains("published = \"unknown\""), "{fm}");
    assert!(!fm.contains("does not say"), "{fm}");
    // The user sets the date; nothing in the note says otherwise.
    let path = dir.path().join(format!("content/sources/{slug}.txt"));
    let edited = fs::read_to_string(&path)
        .unwrap()
        .replace("published = \"unknown\"", "published = \"2021-03-03\"");
    fs::write(&path, edited).unwrap();
    let build = dossier(dir.path(), &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let page = fs::read_to_string(dir.path().join(format!("output/sources/{slug}.html"))).unwrap();
    assert!(
        page.contains("2021-03-03") || page.contains("3 March 2021"),
        "the date is shown"
    );
    assert!(!page.contains("does not say"));
}

#[test]
fn a_source_file_named_in_any_case_builds_under_its_slug_and_names_its_file() {
    let dir = desk(&[]);
    fs::create_dir(dir.path().join("content/sources")).unwrap();
    fs::write(
        dir.path().join("content/sources/My_Article.txt"),
        format!("Ministers agree to share the lake water\n\n{BODY}"),
    )
    .unwrap();
    let build = dossier(dir.path(), &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let page = fs::read_to_string(dir.path().join("output/sources/my-article.html")).unwrap();
    let verbatim = &page[page.find(r#"id="verbatim""#).expect("a verbatim view")..];
    assert!(
        verbatim.contains("sources/My_Article.txt"),
        "the verbatim view names its file"
    );
}

/// The first hour, end to end with no flag and no edit: `dossier init`, then an
/// import of wire copy with equal headlines, a headline ending in a period and a
/// file named like `My_Article.txt`, then `dossier build`.
#[test]
fn init_import_and_build_need_no_flag_and_no_edit() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("saved");
    fs::create_dir(&saved).unwrap();
    let wire = "Ministers agree to share the lake water.";
    fs::write(saved.join("wire-a.txt"), format!("{wire}\n\n{BODY}")).unwrap();
    fs::write(saved.join("wire-b.txt"), format!("{wire}\n\n{BODY}More.\n")).unwrap();
    fs::write(
        saved.join("My_Article.txt"),
        format!("Ministers of two small states sign a water pact at last.\n\n{BODY}"),
    )
    .unwrap();
    let init = dossier(dir.path(), &["init", "lakes"]);
    assert!(init.status.success(), "{}", stderr(&init));
    let lakes = dir.path().join("lakes");
    let import = dossier(
        &lakes,
        &[
            "import",
            "../saved/wire-a.txt",
            "../saved/wire-b.txt",
            "../saved/My_Article.txt",
        ],
    );
    assert!(import.status.success(), "{}", stderr(&import));
    let build = dossier(&lakes, &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let sources = slugs(&lakes.join("content/sources"));
    assert_eq!(sources.len(), 3, "{sources:?}");
    assert!(
        !sources.iter().any(|s| s.starts_with("untitled")),
        "{sources:?}"
    );
    assert!(lakes.join("output/index.html").is_file());
}

/// A file with no article text (a broken save, a login wall) is refused with a
/// hint, and nothing is written: it would only make an empty page.
#[test]
fn a_file_with_no_article_text_is_refused() {
    let dir = desk(&[
        ("broken.html.gz", "not a gzip at all".to_string()),
        (
            "title-only.txt",
            "Ministers agree to share the lake water\n".to_string(),
        ),
    ]);
    for file in ["saved/broken.html.gz", "saved/title-only.txt"] {
        let run = dossier(dir.path(), &["import", file]);
        assert!(!run.status.success(), "{file} was imported");
        assert!(stderr(&run).contains("no article text"), "{}", stderr(&run));
        assert!(stderr(&run).contains("hint"), "{}", stderr(&run));
    }
    assert!(!dir.path().join("content/sources").exists());
}
