//! docs/TUTORIAL.md is run as written: every `$ command` of its `console` blocks,
//! in order, in a fresh folder holding the tutorial's articles, must succeed and
//! print what the tutorial shows (durations aside). Lines starting with `> `
//! continue the command above them, as a shell shows a here-document.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One command of the tutorial and the output it shows.
struct Step {
    command: String,
    shown: Vec<String>,
}

fn console_steps(tutorial: &str) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut in_console = false;
    for line in tutorial.lines() {
        if line.starts_with("```") {
            in_console = line == "```console";
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            steps.push(Step {
                command: command.to_string(),
                shown: Vec::new(),
            });
        } else if let Some(rest) = line
            .strip_prefix('>')
            .filter(|r| r.is_empty() || r.starts_with(' '))
        {
            let step = steps.last_mut().expect("a continuation follows a command");
            step.command.push('\n');
            step.command
                .push_str(rest.strip_prefix(' ').unwrap_or(rest));
        } else {
            steps
                .last_mut()
                .expect("output follows a command")
                .shown
                .push(line.to_string());
        }
    }
    steps
}

/// Durations differ from run to run: "in 58 ms", "in 1.2 s".
fn without_durations(lines: &[String]) -> Vec<String> {
    let duration = regex::Regex::new(r"\bin \d+(\.\d+)? ?(ms|s|µs)\b").unwrap();
    lines
        .iter()
        .map(|l| duration.replace_all(l, "in <time>").to_string())
        .collect()
}

#[test]
fn every_command_of_the_tutorial_prints_what_it_shows() {
    let tutorial = std::fs::read_to_string(repo().join("docs/TUTORIAL.md")).unwrap();
    let steps = console_steps(&tutorial);
    assert!(steps.len() >= 8, "the tutorial has its commands");
    assert!(steps.iter().any(|s| s.command.starts_with("dossier init")));
    assert!(steps
        .iter()
        .any(|s| s.command.starts_with("dossier import")));
    assert!(steps.iter().any(|s| s.command == "dossier build"));

    let work = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("docs/tutorial"), &work.path().join("saved"));
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_dossier"));
    let path = std::env::join_paths(
        std::iter::once(binary.parent().unwrap().to_path_buf()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )),
    )
    .unwrap();
    let mut cwd = work.path().to_path_buf();
    for step in &steps {
        if let Some(folder) = step.command.strip_prefix("cd ") {
            cwd = cwd.join(folder);
            assert!(cwd.is_dir(), "cd {folder}");
            continue;
        }
        let run = Command::new("bash")
            .arg("-c")
            .arg(&step.command)
            .current_dir(&cwd)
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let printed = format!(
            "{}{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(
            run.status.success(),
            "`{}` failed:\n{printed}",
            step.command
        );
        let printed: Vec<String> = printed.lines().map(str::to_string).collect();
        assert_eq!(
            without_durations(&printed),
            without_durations(&step.shown),
            "`{}` prints something else than docs/TUTORIAL.md shows",
            step.command
        );
    }
    site_opens_from_disk(&cwd.join("output"));
}

/// The tutorial's site is whole: the note links its actors, its citation became a
/// footnote quoting the wire, and every page passes the HTML and accessibility checks.
fn site_opens_from_disk(site: &Path) {
    let note = std::fs::read_to_string(site.join("notes/first-reading.html")).unwrap();
    assert!(
        note.contains("href=\"../actors/ilse-varga.html\""),
        "{note}"
    );
    assert!(
        note.contains("signed the text in Nordhaven"),
        "the footnote quotes the cited sentence"
    );
    assert!(site.join("compare.html").is_file());
    assert_site_passes_html_and_accessibility_checks(site);
}
