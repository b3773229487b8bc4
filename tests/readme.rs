//! The README opens with the project's two commands, and CI runs the second one.

mod common;

use common::*;

/// The command lines of the README's first code block (comments stripped).
fn readme_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let block = readme
        .split("```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the README has a sh code block");
    block
        .lines()
        .map(|line| line.split('#').next().unwrap().trim().to_string())
        .filter(|line| !line.is_empty())
        .collect()
}

#[test]
fn the_readme_opens_with_exactly_two_commands_build_and_test() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let first_block = readme.find("```").unwrap();
    assert!(
        !readme[..first_block].contains("\n## "),
        "the two commands come before any section"
    );
    let commands = readme_commands();
    assert_eq!(commands.len(), 2, "{commands:?}");
    assert_eq!(commands[0], "cargo run --release -- build");
    let script = commands[1]
        .strip_prefix("bash ")
        .expect("the test command runs a script");
    let script_text = std::fs::read_to_string(repo().join(script)).unwrap();
    assert!(script_text.contains("tests/browser/install.sh"));
    assert!(script_text.contains("cargo test"));
}

#[test]
fn ci_runs_the_readmes_test_command() {
    let ci = std::fs::read_to_string(repo().join(".ci/run")).unwrap();
    let test_command = &readme_commands()[1];
    assert!(
        ci.lines()
            .any(|l| l.trim().trim_start_matches("exec ") == test_command),
        ".ci/run must run `{test_command}`:\n{ci}"
    );
}
