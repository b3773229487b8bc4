//! The command line as a user meets it: exit codes, messages, and an output folder
//! that survives every mistake.

mod common;

use common::*;
use std::fs;
use std::path::Path;

/// A copy of the default dossier built once into `output/`, ready to be broken.
fn workspace() -> (
    tempfile::TempDir,
    std::collections::BTreeMap<String, Vec<u8>>,
) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&default_content(), &dir.path().join("content"));
    let run = dossier(dir.path(), &["build"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let built = snapshot(&dir.path().join("output"));
    (dir, built)
}

fn assert_fails_leaving_output(
    dir: &Path,
    built: &std::collections::BTreeMap<String, Vec<u8>>,
    expected: &[&str],
) -> String {
    let run = dossier(dir, &["build"]);
    let message = stderr(&run);
    assert!(!run.status.success(), "the build should fail");
    for needle in expected {
        assert!(
            message.contains(needle),
            "stderr lacks {needle:?}:\n{message}"
        );
    }
    assert!(!message.contains("panicked"), "{message}");
    assert!(
        !message.contains('\u{1b}'),
        "colour codes when stderr is not a terminal:\n{message}"
    );
    assert!(
        snapshot(&dir.join("output")) == *built,
        "output/ changed after a failed build"
    );
    message
}

#[test]
fn build_prints_a_summary_line() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&default_content(), &dir.path().join("content"));
    let run = dossier(dir.path(), &["build"]);
    assert!(run.status.success());
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.starts_with("Built "), "{stdout}");
    assert!(
        stdout.contains(" pages (") && stdout.contains(" ms") || stdout.contains(" s\n"),
        "{stdout}"
    );
    assert!(dir.path().join("output/index.html").exists());
}

#[test]
fn malformed_front_matter_is_located_and_output_untouched() {
    let (dir, built) = workspace();
    let note = dir.path().join("content/notes/overview.md");
    let text = fs::read_to_string(&note).unwrap();
    // Break the value on the second line of the file: an unterminated string.
    let broken = text.replacen("title = \"", "title = \"Overview\nsummary = ", 1);
    fs::write(&note, broken).unwrap();
    assert_fails_leaving_output(
        dir.path(),
        &built,
        &["content/notes/overview.md:2:", "error:"],
    );
}

#[test]
fn unknown_key_names_file_line_and_allowed_keys() {
    let (dir, built) = workspace();
    let actor = dir.path().join("content/actors/benny-gantz.md");
    let text = fs::read_to_string(&actor).unwrap();
    fs::write(
        &actor,
        text.replacen("+++\n", "+++\nbirthplace = \"Kfar Ahim\"\n", 1),
    )
    .unwrap();
    let message = assert_fails_leaving_output(
        dir.path(),
        &built,
        &[
            "content/actors/benny-gantz.md:2:1",
            "birthplace",
            "allowed keys",
            "aliases",
        ],
    );
    assert!(message.contains("nothing was written"), "{message}");
}

#[test]
fn broken_wikilink_is_located_with_a_suggestion() {
    let (dir, built) = workspace();
    let note = dir.path().join("content/notes/overview.md");
    let mut text = fs::read_to_string(&note).unwrap();
    text.push_str("\nSee also [[beny-gantz]] and [[nobody-at-all]].\n");
    let line = text.lines().count();
    fs::write(&note, text).unwrap();
    let message = assert_fails_leaving_output(
        dir.path(),
        &built,
        &[
            &format!("content/notes/overview.md:{line}:10"),
            "did you mean 'benny-gantz'",
            &format!("content/notes/overview.md:{line}:29"),
            "2 problems",
        ],
    );
    assert!(message.contains("nobody-at-all"));
}

#[test]
fn missing_content_folder_is_reported_and_output_untouched() {
    let (dir, built) = workspace();
    fs::rename(dir.path().join("content"), dir.path().join("elsewhere")).unwrap();
    assert_fails_leaving_output(
        dir.path(),
        &built,
        &["content: error: content folder not found", "--content"],
    );
}

#[test]
fn check_reports_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&default_content(), &dir.path().join("content"));
    let run = dossier(dir.path(), &["check"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(String::from_utf8_lossy(&run.stdout).contains("no problems"));

    let source = fs::read_dir(dir.path().join("content/sources"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = fs::read_to_string(&source).unwrap();
    fs::write(
        &source,
        text.replacen("published = \"", "published = \"around ", 1),
    )
    .unwrap();
    let run = dossier(dir.path(), &["check"]);
    assert!(!run.status.success());
    let message = stderr(&run);
    let name = source.file_name().unwrap().to_string_lossy().to_string();
    assert!(
        message.contains(&format!("{name}:")) && message.contains("is not a date"),
        "{message}"
    );
    assert!(
        message
            .lines()
            .next()
            .unwrap()
            .split(':')
            .nth(1)
            .unwrap()
            .parse::<usize>()
            .is_ok(),
        "{message}"
    );
    assert!(
        !dir.path().join("output").exists(),
        "check wrote an output folder"
    );
}

#[test]
fn refuses_output_folders_it_does_not_own() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&default_content(), &dir.path().join("content"));
    let before = snapshot(&dir.path().join("content"));

    let run = dossier(dir.path(), &["build", "--output", "content"]);
    assert!(!run.status.success());
    assert!(
        stderr(&run).contains("refusing to write"),
        "{}",
        stderr(&run)
    );

    fs::create_dir(dir.path().join("home")).unwrap();
    fs::write(dir.path().join("home/notes.txt"), "mine").unwrap();
    let run = dossier(dir.path(), &["build", "--output", "home"]);
    assert!(!run.status.success());
    assert!(stderr(&run).contains("notes.txt"), "{}", stderr(&run));
    assert_eq!(
        fs::read_to_string(dir.path().join("home/notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(fs::read_dir(dir.path().join("home")).unwrap().count(), 1);

    let run = dossier(dir.path(), &["build", "--output", "."]);
    assert!(!run.status.success());
    assert!(
        snapshot(&dir.path().join("content")) == before,
        "content changed"
    );
}

#[test]
fn new_writes_complete_files_that_build() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&default_content(), &dir.path().join("content"));
    for (kind, name, path) in [
        (
            "source",
            "Gantz visits Rabat",
            "content/sources/gantz-visits-rabat.txt",
        ),
        ("actor", "Yair Lapid", "content/actors/yair-lapid.md"),
        ("note", "Open questions", "content/notes/open-questions.md"),
    ] {
        let run = dossier(dir.path(), &["new", kind, name]);
        assert!(run.status.success(), "{}", stderr(&run));
        assert!(dir.path().join(path).exists(), "{path}");
        let again = dossier(dir.path(), &["new", kind, name]);
        assert!(!again.status.success(), "new overwrote {path}");
    }
    let source =
        fs::read_to_string(dir.path().join("content/sources/gantz-visits-rabat.txt")).unwrap();
    for key in [
        "title",
        "outlet",
        "author",
        "published",
        "url",
        "language",
        "kind",
        "origin",
        "tags",
        "note",
    ] {
        assert!(
            source.contains(&format!("\n{key} = ")),
            "source template lacks {key}"
        );
    }
    let run = dossier(dir.path(), &["build"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(dir.path().join("output/actors/yair-lapid.html").exists());
    assert!(dir.path().join("output/notes/open-questions.html").exists());
}

#[test]
fn help_and_version() {
    let dir = tempfile::tempdir().unwrap();
    let help = dossier(dir.path(), &["--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    for command in ["build", "check", "new"] {
        assert!(text.contains(command), "{text}");
    }
    let version = dossier(dir.path(), &["--version"]);
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        concat!("dossier ", env!("CARGO_PKG_VERSION"))
    );
    let bad = dossier(dir.path(), &["bulid"]);
    assert!(!bad.status.success());
}

#[test]
fn theme_folder_overrides_a_template() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&default_content(), &dir.path().join("content"));
    fs::create_dir_all(dir.path().join("mytheme/templates")).unwrap();
    fs::write(
        dir.path().join("mytheme/templates/notes.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>Custom notes list</h1>{% endblock content %}",
    )
    .unwrap();
    let run = dossier(dir.path(), &["build", "--theme", "mytheme"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let page = fs::read_to_string(dir.path().join("output/notes/index.html")).unwrap();
    assert!(page.contains("Custom notes list"));
    // Everything else still comes from the embedded default theme.
    assert!(dir.path().join("output/static/style.css").exists());

    // A theme named in dossier.toml, next to the content.
    fs::create_dir_all(dir.path().join("themes")).unwrap();
    fs::rename(dir.path().join("mytheme"), dir.path().join("themes/desk")).unwrap();
    let config = dir.path().join("content/dossier.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(&config, format!("theme = \"desk\"\n{text}")).unwrap();
    let run = dossier(dir.path(), &["build"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        fs::read_to_string(dir.path().join("output/notes/index.html"))
            .unwrap()
            .contains("Custom notes list")
    );
}

/// The five original articles, as files, from the default sources' verbatim text.
fn write_originals(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(default_content().join("sources")).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        let split = dossier::load::split_front_matter(&text).unwrap();
        let origin = split
            .front_matter
            .lines()
            .find_map(|l| l.strip_prefix("origin = "))
            .unwrap()
            .trim_matches('"')
            .to_string();
        let path = dir.join(origin);
        fs::write(&path, split.body).unwrap();
        files.push(path);
    }
    files.sort();
    files
}

#[test]
fn import_reproduces_sources_that_build() {
    let dir = tempfile::tempdir().unwrap();
    let originals = write_originals(dir.path());
    fs::create_dir(dir.path().join("content")).unwrap();
    fs::write(
        dir.path().join("content/dossier.toml"),
        "title = \"Imported\"\n",
    )
    .unwrap();
    let mut args = vec!["import".to_string()];
    args.extend(originals.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();

    let dry = dossier(dir.path(), &[&args[..], &["--dry-run"]].concat());
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(
        !dir.path().join("content/sources").exists(),
        "--dry-run wrote files"
    );
    let report = String::from_utf8_lossy(&dry.stdout).to_string();
    assert!(
        report.contains("removed:") && report.contains("comment-widget"),
        "{report}"
    );

    let run = dossier(dir.path(), &args);
    assert!(run.status.success(), "{}", stderr(&run));
    let written = slugs(&dir.path().join("content/sources"));
    assert_eq!(written.len(), 5, "{written:?}");
    let check = dossier(dir.path(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let build = dossier(dir.path(), &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));

    // Each written file holds the original text verbatim under its front matter.
    for original in &originals {
        let text = fs::read_to_string(original).unwrap();
        let name = original.file_name().unwrap().to_string_lossy().to_string();
        let found = fs::read_dir(dir.path().join("content/sources"))
            .unwrap()
            .any(|e| {
                let written = fs::read_to_string(e.unwrap().path()).unwrap();
                written.contains(&format!("origin = \"{name}\"")) && written.ends_with(&text)
            });
        assert!(found, "{name} was not imported verbatim");
    }

    // Never overwrites without --force.
    let one = originals[0].display().to_string();
    let again = dossier(dir.path(), &["import", &one]);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    let forced = dossier(dir.path(), &["import", &one, "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));

    let named = dossier(
        dir.path(),
        &[
            "import",
            &one,
            "--slug",
            "gantz-in-rabat",
            "--outlet",
            "Reuters",
        ],
    );
    assert!(named.status.success(), "{}", stderr(&named));
    let text = fs::read_to_string(dir.path().join("content/sources/gantz-in-rabat.txt")).unwrap();
    assert!(text.contains("outlet = \"Reuters\""), "{text}");
    let two = originals[1].display().to_string();
    assert!(!dossier(dir.path(), &["import", &one, &two, "--slug", "x"])
        .status
        .success());
}

#[test]
fn import_reports_invalid_utf8_with_its_offset() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("content")).unwrap();
    fs::write(dir.path().join("bad.txt"), b"Headline\nCaf\xe9 society\n").unwrap();
    let run = dossier(dir.path(), &["import", "bad.txt"]);
    assert!(!run.status.success());
    let message = stderr(&run);
    assert!(
        message.contains("bad.txt:2:4") && message.contains("byte offset 12"),
        "{message}"
    );
    assert!(!dir.path().join("content/sources").exists());
}

#[test]
fn right_to_left_sources_are_marked_and_their_text_escaped() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("content")).unwrap();
    fs::write(dir.path().join("content/dossier.toml"), "title = \"RTL\"\n").unwrap();
    let article = "\u{feff}المغرب وإسرائيل يوقعان اتفاقية دفاعية\r\n\r\nوقعت إسرائيل والمغرب يوم الأربعاء في الرباط مذكرة تفاهم للتعاون الأمني والاستخباراتي بين البلدين.\r\n<script>alert(1)</script> وقال وزير الدفاع إن الاتفاق تاريخي ومهم جدا للبلدين.\r\n";
    fs::write(dir.path().join("article.txt"), article).unwrap();
    let run = dossier(
        dir.path(),
        &["import", "article.txt", "--slug", "arabic-report"],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let source = fs::read_to_string(dir.path().join("content/sources/arabic-report.txt")).unwrap();
    assert!(source.contains("language = \"ar\""), "{source}");
    let run = dossier(dir.path(), &["build"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let page = fs::read_to_string(dir.path().join("output/sources/arabic-report.html")).unwrap();
    assert!(
        page.contains(r#"<article class="source" lang="ar" dir="rtl">"#),
        "{page}"
    );
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script>alert")
    );
}
