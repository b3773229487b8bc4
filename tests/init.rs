//! `dossier init` as a user meets it: a new dossier that builds with no flag,
//! from its folder or below it, and a folder's existing files left alone.

mod common;

use common::*;
use std::fs;
use std::path::Path;

/// Runs `dossier` in `dir` and fails the test, with its stderr, unless it succeeds.
fn succeeds(dir: &Path, args: &[&str]) -> String {
    let run = dossier(dir, args);
    assert!(
        run.status.success(),
        "dossier {args:?} failed in {}:\n{}",
        dir.display(),
        stderr(&run)
    );
    String::from_utf8_lossy(&run.stdout).into_owned()
}

/// A made-up article, as a scraper would save it.
const ARTICLE: &str = "\
Harbour authority opens a ferry terminal in Veltmark
By Ana Quiller
12 March 2024
VELTMARK — The harbour authority of Veltmark opened a new ferry terminal on Tuesday, ending three years of building work.
The terminal can berth four ferries at once, the authority said in a statement.
Local traders welcomed the opening but warned that parking near the quay remained scarce.
";

#[test]
fn a_new_dossier_builds_with_no_flag_and_links_its_example_note() {
    let dir = tempfile::tempdir().unwrap();
    let printed = succeeds(dir.path(), &["init", "brief"]);
    for expected in [
        "content/dossier.toml",
        "content/notes/getting-started.md",
        ".github/workflows/pages.yml",
        "cd brief",
        "dossier import",
        "dossier build",
    ] {
        assert!(printed.contains(expected), "lacks {expected:?}:\n{printed}");
    }
    let brief = dir.path().join("brief");
    for kept in ["content/sources/.gitkeep", "content/actors/.gitkeep"] {
        assert!(brief.join(kept).is_file(), "{kept}");
    }
    let ignored = fs::read_to_string(brief.join(".gitignore")).unwrap();
    assert!(ignored.lines().any(|l| l == "/output/"), "{ignored}");

    succeeds(&brief, &["build"]);
    assert!(brief.join("output/index.html").is_file());
    let note = fs::read_to_string(brief.join("output/notes/getting-started.html")).unwrap();
    assert!(
        note.contains(r#"<a href="../notes/getting-started.html">this very note</a>"#),
        "the example wiki-link is not a link:\n{note}"
    );

    // The example holds when the dossier asks for citations.
    let config = brief.join("content/dossier.toml");
    let text = fs::read_to_string(&config).unwrap();
    assert!(text.contains("require_citations = false"), "{text}");
    fs::write(
        &config,
        text.replace("require_citations = false", "require_citations = true"),
    )
    .unwrap();
    succeeds(&brief, &["check"]);
}

#[test]
fn import_build_check_and_new_work_from_the_dossier_and_below_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    succeeds(root, &["init"]);
    fs::write(root.join("ferry.txt"), ARTICLE).unwrap();
    succeeds(root, &["import", "ferry.txt"]);
    succeeds(root, &["build"]);
    let imported = slugs(&root.join("content/sources"));
    assert_eq!(imported.len(), 1, "{imported:?}");
    let slug = imported.first().unwrap();
    assert!(root.join(format!("output/sources/{slug}.html")).is_file());

    // From inside the content, the site still lands in the dossier's output/.
    fs::remove_dir_all(root.join("output")).unwrap();
    let notes = root.join("content/notes");
    let printed = succeeds(&notes, &["build"]);
    assert!(printed.contains("../../output"), "{printed}");
    assert!(root.join("output/index.html").is_file());
    assert!(!notes.join("output").exists());

    succeeds(&root.join("content"), &["check"]);
    succeeds(&notes, &["new", "note", "Ferry capacity"]);
    assert!(notes.join("ferry-capacity.md").is_file());
    // A file to import is named from where the command runs.
    fs::write(
        notes.join("second.txt"),
        ARTICLE.replace("Veltmark", "Orsund"),
    )
    .unwrap();
    succeeds(&notes, &["import", "second.txt"]);
    fs::remove_file(notes.join("second.txt")).unwrap();
    assert_eq!(slugs(&root.join("content/sources")).len(), 2);
    succeeds(&root.join("content/sources"), &["build"]);
}

#[test]
fn commands_outside_any_dossier_suggest_init() {
    let dir = tempfile::tempdir().unwrap();
    let run = dossier(dir.path(), &["build"]);
    assert!(!run.status.success());
    let message = stderr(&run);
    assert!(
        message.contains("content folder not found") && message.contains("dossier init"),
        "{message}"
    );
}

#[test]
fn init_refuses_a_folder_that_holds_files_and_force_adds_only_the_missing_ones() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("notes.txt"), "my own notes\n").unwrap();
    let run = dossier(root, &["init"]);
    assert!(!run.status.success());
    let message = stderr(&run);
    assert!(
        message.contains("not empty")
            && message.contains("notes.txt")
            && message.contains("--force"),
        "{message}"
    );
    assert!(!message.contains("panicked"), "{message}");
    assert!(!root.join("content").exists(), "a refused init wrote files");
    assert_eq!(fs::read(root.join("notes.txt")).unwrap(), b"my own notes\n");

    // The user's own settings survive --force, byte for byte.
    fs::create_dir(root.join("content")).unwrap();
    let config = b"title = \"Kept as written\"\n# mine\n";
    fs::write(root.join("content/dossier.toml"), config).unwrap();
    let printed = succeeds(root, &["init", "--force", "--title", "Ignored"]);
    assert!(
        printed.contains("Skipped") && printed.contains("content/dossier.toml"),
        "{printed}"
    );
    assert_eq!(fs::read(root.join("content/dossier.toml")).unwrap(), config);
    assert_eq!(fs::read(root.join("notes.txt")).unwrap(), b"my own notes\n");
    assert!(root.join("content/notes/getting-started.md").is_file());
    assert!(root.join(".github/workflows/pages.yml").is_file());
    succeeds(root, &["build"]);
    let index = fs::read_to_string(root.join("output/index.html")).unwrap();
    assert!(index.contains("Kept as written"));

    // A second --force has nothing to add and changes nothing.
    let before = snapshot(&root.join("content"));
    let printed = succeeds(root, &["init", "--force"]);
    assert!(printed.contains("Nothing to create"), "{printed}");
    assert!(snapshot(&root.join("content")) == before);
}

#[test]
fn a_folder_holding_only_git_counts_as_empty() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    succeeds(dir.path(), &["init"]);
    assert!(dir.path().join("content/dossier.toml").is_file());
}

#[test]
fn the_title_lands_in_the_settings_and_on_the_home_page() {
    let dir = tempfile::tempdir().unwrap();
    succeeds(
        dir.path(),
        &[
            "init",
            "ports",
            "--title",
            "Harbours & \"Ferries\" of Veltmark",
        ],
    );
    let ports = dir.path().join("ports");
    let config = fs::read_to_string(ports.join("content/dossier.toml")).unwrap();
    assert!(
        config.contains(r#"title = 'Harbours & "Ferries" of Veltmark'"#)
            || config.contains(r#"title = "Harbours & \"Ferries\" of Veltmark""#),
        "{config}"
    );
    succeeds(&ports, &["build"]);
    let index = fs::read_to_string(ports.join("output/index.html")).unwrap();
    assert!(
        index.contains("Harbours &amp; &quot;Ferries&quot; of Veltmark")
            || index.contains("Harbours &amp; \"Ferries\" of Veltmark"),
        "the title is not on the home page"
    );

    // Without --title, the folder names the dossier.
    succeeds(dir.path(), &["init", "veltmark_ports-2024"]);
    let config =
        fs::read_to_string(dir.path().join("veltmark_ports-2024/content/dossier.toml")).unwrap();
    assert!(
        config.contains("title = \"Veltmark ports 2024\""),
        "{config}"
    );
}

#[test]
fn the_pages_workflow_installs_the_tool_from_one_marked_variable() {
    let dir = tempfile::tempdir().unwrap();
    succeeds(dir.path(), &["init"]);
    let text = fs::read_to_string(dir.path().join(".github/workflows/pages.yml")).unwrap();
    let workflow: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap();
    assert!(workflow["env"]["DOSSIER_REPO"]
        .as_str()
        .is_some_and(|url| url.contains("OWNER")));
    let steps = workflow["jobs"]["build"]["steps"].as_sequence().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(runs
        .iter()
        .any(|r| r.contains(r#"cargo install --git "$DOSSIER_REPO""#) && r.contains("--locked")));
    assert!(runs
        .iter()
        .any(|r| r.starts_with("dossier build --base-url")));
    assert!(steps
        .iter()
        .any(|s| s["with"]["path"].as_str() == Some("output")));
}

#[test]
fn a_new_dossier_passes_the_html_and_accessibility_checks() {
    let dir = tempfile::tempdir().unwrap();
    succeeds(dir.path(), &["init"]);
    succeeds(dir.path(), &["build"]);
    assert_site_passes_html_and_accessibility_checks(&dir.path().join("output"));
}
