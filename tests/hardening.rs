//! Hostile or careless content and interrupted builds: every rule that keeps
//! the user's files and the reader safe, one test each.

mod common;

use common::*;
use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

fn dossier(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A minimal dossier: one source, one actor, one note.
fn small_content(root: &Path) {
    let content = root.join("content");
    for folder in ["sources", "actors", "notes"] {
        fs::create_dir_all(content.join(folder)).unwrap();
    }
    fs::write(content.join("dossier.toml"), "title = \"Small\"\n").unwrap();
    fs::write(
        content.join("sources/wire.txt"),
        "+++\ntitle = \"Ministers meet\"\noutlet = \"Wire\"\npublished = \"2021-11-24\"\n+++\nMinisters meet\n\nAlpha Beta met the press in Rabat on Wednesday.\n",
    )
    .unwrap();
    fs::write(
        content.join("actors/alpha-beta.md"),
        "+++\nname = \"Alpha Beta\"\nkind = \"person\"\n+++\nA minister.\n",
    )
    .unwrap();
    fs::write(
        content.join("notes/summary.md"),
        "+++\ntitle = \"Summary\"\n+++\nSee [[alpha-beta]].\n",
    )
    .unwrap();
}

fn fails_with(dir: &Path, expected: &[&str]) {
    let output = dir.join("output");
    let before = output.exists().then(|| snapshot(&output));
    let run = dossier(dir, &["build"]);
    let message = stderr(&run);
    assert!(!run.status.success(), "the build should fail");
    assert!(!message.contains("panicked"), "{message}");
    for needle in expected {
        assert!(
            message.contains(needle),
            "stderr lacks {needle:?}:\n{message}"
        );
    }
    assert!(
        output.exists().then(|| snapshot(&output)) == before,
        "output/ changed"
    );
}

#[test]
fn names_differing_in_case_are_one_slug_and_so_reported_as_a_collision() {
    let dir = tempfile::tempdir().unwrap();
    small_content(dir.path());
    fs::write(
        dir.path().join("content/actors/Alpha-Beta.md"),
        "+++\nname = \"Alpha\"\nkind = \"person\"\n+++\n",
    )
    .unwrap();
    fails_with(dir.path(), &["Alpha-Beta.md", "alpha-beta.md", "slug"]);
}

#[test]
fn two_files_claiming_one_slug_are_both_named() {
    let dir = tempfile::tempdir().unwrap();
    small_content(dir.path());
    fs::write(
        dir.path().join("content/notes/alpha-beta.md"),
        "+++\ntitle = \"Same slug as an actor\"\n+++\n",
    )
    .unwrap();
    fails_with(dir.path(), &["alpha-beta.md", "actors", "notes"]);

    let dir = tempfile::tempdir().unwrap();
    small_content(dir.path());
    fs::copy(
        dir.path().join("content/sources/wire.txt"),
        dir.path().join("content/sources/wire.md"),
    )
    .unwrap();
    fails_with(dir.path(), &["wire.md", "wire.txt"]);
}

#[test]
fn file_names_of_any_spelling_become_slugs_and_reserved_names_are_refused() {
    for (name, slug) in [
        ("a..b.md", "a-b"),
        ("A b_C.md", "a-b-c"),
        ("-x.md", "x"),
        ("Été à Łódź.md", "ete-a-lodz"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        small_content(dir.path());
        fs::write(
            dir.path().join("content/notes").join(name),
            "+++\ntitle = \"x\"\n+++\n",
        )
        .unwrap();
        let run = dossier(dir.path(), &["build"]);
        assert!(run.status.success(), "{name}: {}", stderr(&run));
        let page = dir.path().join(format!("output/notes/{slug}.html"));
        assert!(page.is_file(), "{name} should become {}", page.display());
    }
    let dir = tempfile::tempdir().unwrap();
    small_content(dir.path());
    fs::write(
        dir.path().join("content/notes/Index.md"),
        "+++\ntitle = \"x\"\n+++\n",
    )
    .unwrap();
    fails_with(dir.path(), &["Index.md", "reserved"]);
}

#[test]
fn a_file_too_large_to_be_an_article_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    small_content(dir.path());
    let huge = dir.path().join("content/sources/huge.txt");
    // Sparse: takes no disk, but its size is what the loader sees first.
    fs::File::create(&huge)
        .unwrap()
        .set_len(dossier::load::MAX_FILE_BYTES + 1)
        .unwrap();
    fails_with(dir.path(), &["huge.txt", "MiB", "split it"]);
}

#[test]
fn a_folder_tree_deeper_than_the_limit_is_reported_not_walked_forever() {
    let dir = tempfile::tempdir().unwrap();
    small_content(dir.path());
    let mut deep = dir.path().join("content/notes");
    for i in 0..dossier::load::MAX_DEPTH + 4 {
        deep = deep.join(format!("d{i}"));
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(deep.join("lost.md"), "+++\ntitle = \"Lost\"\n+++\n").unwrap();
    fails_with(dir.path(), &["nested more than", "folders deep"]);
}

#[test]
fn a_note_with_thousands_of_links_builds_and_every_link_resolves() {
    let dir = tempfile::tempdir().unwrap();
    small_content(dir.path());
    let body: String = (0..5000)
        .map(|i| format!("Link {i} to [[alpha-beta]] and [[wire]].\n\n"))
        .collect();
    fs::write(
        dir.path().join("content/notes/many.md"),
        format!("+++\ntitle = \"Many\"\n+++\n{body}"),
    )
    .unwrap();
    let run = dossier(dir.path(), &["build"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let html = fs::read_to_string(dir.path().join("output/notes/many.html")).unwrap();
    assert_eq!(
        html.matches("href=\"../actors/alpha-beta.html\"").count(),
        5000
    );
    // Backlinks list each distinct citing sentence once.
    let actor = fs::read_to_string(dir.path().join("output/actors/alpha-beta.html")).unwrap();
    assert!(actor.matches("notes/many.html").count() >= 5000);
}

#[test]
fn a_page_failing_after_others_were_written_leaves_the_previous_site() {
    let dir = tempfile::tempdir().unwrap();
    small_content(dir.path());
    assert!(dossier(dir.path(), &["build"]).status.success());
    // Pages are written as they are rendered: a template that fails only for the
    // note page fails after other pages are already in the staging folder.
    let theme = dir.path().join("theme/templates");
    fs::create_dir_all(&theme).unwrap();
    fs::write(
        theme.join("note.html"),
        "{% extends \"base.html\" %}{% block content %}{{ note.title | no_such_filter }}{% endblock content %}",
    )
    .unwrap();
    let output = dir.path().join("output");
    let before = snapshot(&output);
    let run = dossier(dir.path(), &["build", "--theme", "theme"]);
    assert!(!run.status.success());
    assert!(stderr(&run).contains("note.html"), "{}", stderr(&run));
    assert_eq!(snapshot(&output), before, "output/ changed");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("dossier-"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}

#[test]
fn a_build_that_fails_on_its_content_creates_no_folder() {
    let dir = tempfile::tempdir().unwrap();
    small_content(dir.path());
    fs::write(
        dir.path().join("content/notes/summary.md"),
        "+++\ntitle = \"Summary\"\n+++\nSee [[nobody]].\n",
    )
    .unwrap();
    let run = dossier(dir.path(), &["build", "--output", "new/deeper/site"]);
    assert!(!run.status.success());
    assert!(stderr(&run).contains("nobody"), "{}", stderr(&run));
    assert!(
        !dir.path().join("new").exists(),
        "the output's parent was created"
    );
}

#[test]
fn files_the_generator_did_not_write_are_never_removed() {
    let dir = tempfile::tempdir().unwrap();
    small_content(dir.path());
    assert!(dossier(dir.path(), &["build"]).status.success());
    // A file the user put into the built site: the next build refuses to replace
    // the folder rather than delete it.
    fs::write(dir.path().join("output/CNAME"), "dossier.example.org").unwrap();
    let run = dossier(dir.path(), &["build"]);
    assert!(!run.status.success());
    assert!(stderr(&run).contains("CNAME"), "{}", stderr(&run));
    assert_eq!(
        fs::read_to_string(dir.path().join("output/CNAME")).unwrap(),
        "dossier.example.org"
    );
}

#[test]
fn output_at_the_repository_root_or_the_content_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    small_content(dir.path());
    let before = snapshot(dir.path());
    for output in [".", "content", "content/notes"] {
        let run = dossier(dir.path(), &["build", "--output", output]);
        assert!(!run.status.success(), "--output {output} accepted");
        assert!(
            stderr(&run).contains("refusing to write"),
            "{}",
            stderr(&run)
        );
    }
    assert!(
        snapshot(dir.path()) == before,
        "something was written or removed"
    );
}

/// A build killed at any moment leaves either the previous site or the new one,
/// whole, at the output path; the next build then succeeds.
#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_site() {
    let dir = tempfile::tempdir().unwrap();
    small_content(dir.path());
    // Enough sources that a build takes a while, so kills land in every stage.
    let text = fs::read_to_string(dir.path().join("content/sources/wire.txt")).unwrap();
    for i in 0..150 {
        let body = text.replace(
            "Ministers meet",
            &format!("Ministers meet again, round {i}"),
        );
        fs::write(
            dir.path().join(format!("content/sources/wire-{i}.txt")),
            body,
        )
        .unwrap();
    }
    assert!(dossier(dir.path(), &["build"]).status.success());
    let old = snapshot(&dir.path().join("output"));
    // The new build differs from the old one on every page that lists sources.
    fs::write(
        dir.path().join("content/dossier.toml"),
        "title = \"Small, second edition\"\n",
    )
    .unwrap();
    let full = {
        let probe = tempfile::tempdir().unwrap();
        copy_tree(&dir.path().join("content"), &probe.path().join("content"));
        assert!(dossier(probe.path(), &["build"]).status.success());
        snapshot(&probe.path().join("output"))
    };
    let mut saw_old = false;
    let mut saw_new = false;
    for delay_ms in [0, 5, 20, 50, 100, 200, 400, 800, 1600] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("build")
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&dir.path().join("output"));
        if now == old {
            saw_old = true;
        } else if now == full {
            saw_new = true;
        } else {
            panic!(
                "after a kill at {delay_ms} ms the output is neither the old site nor the new one"
            );
        }
        // Whatever was left behind, the next build recovers and completes.
        if saw_new {
            break;
        }
    }
    assert!(saw_old, "no kill landed before the swap");
    let run = dossier(dir.path(), &["build"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(snapshot(&dir.path().join("output")) == full);
    let leftovers: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("dossier-"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}

/// Evidence quotes a sentence, cut when long, never the whole paragraph once per
/// finding: no page and no `dossier.json` grows past twenty times the source,
/// whether the paragraph has full stops or none.
#[test]
fn a_huge_paragraph_full_of_cues_makes_pages_proportional_to_it() {
    let sentence = "The historic pact may be a dangerous \"so-called\" deal for trade and security";
    for separator in [". ", " "] {
        let dir = tempfile::tempdir().unwrap();
        small_content(dir.path());
        let paragraph = vec![sentence; 1500].join(separator);
        let source = dir.path().join("content/sources/huge.txt");
        fs::write(
            &source,
            format!("+++\ntitle = \"Huge\"\noutlet = \"Wire\"\n+++\nHuge\n\n{paragraph}.\n"),
        )
        .unwrap();
        let run = dossier(dir.path(), &["build"]);
        assert!(run.status.success(), "{}", stderr(&run));
        let limit = 20 * fs::metadata(&source).unwrap().len();
        let size = |file: &str| {
            fs::metadata(dir.path().join("output").join(file))
                .unwrap()
                .len()
        };
        // The search index, all its shards together.
        let search: u64 = fs::read_dir(dir.path().join("output/search"))
            .unwrap()
            .map(|f| f.unwrap().metadata().unwrap().len())
            .sum();
        for (file, size) in [
            ("dossier.json", size("dossier.json")),
            ("sources/huge.html", size("sources/huge.html")),
            ("compare.html", size("compare.html")),
            ("search/", search),
        ] {
            assert!(
                size <= limit,
                "{file} is {size} bytes for a source of {}",
                limit / 20
            );
        }
    }
}
