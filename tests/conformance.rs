//! The built default dossier must pass the Nu HTML Checker with no errors and axe-core
//! in headless Chromium with no violations, in light and dark colour schemes, with no
//! network request and no script error. The checks are in tests/browser/check-site.mjs;
//! `bash tests/run.sh` installs what they need (tests/browser/install.sh) before running them.

mod common;

use common::*;
use std::process::Command;

#[test]
fn default_dossier_passes_the_nu_html_checker_and_axe() {
    let browser = browser_scripts();
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    build(&default_content(), &site).expect("the default dossier builds");

    let run = Command::new("node")
        .arg(browser.join("check-site.mjs"))
        .arg(&site)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    let pages = html_page_count(&site);
    assert!(
        run.status.success(),
        "site checks failed:\n{stdout}\n{stderr}"
    );
    let summary = stdout
        .lines()
        .rev()
        .find(|l| l.contains(" passed, "))
        .unwrap_or_default();
    assert_eq!(
        summary.trim(),
        format!("{pages} passed, 0 failed"),
        "not every page was checked:\n{stdout}"
    );
}
