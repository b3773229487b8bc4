//! The built default dossier must pass the Nu HTML Checker with no errors and axe-core
//! in headless Chromium with no violations, in light and dark colour schemes, with no
//! network request and no script error. The checks are in tests/browser/check-site.mjs;
//! tests/browser/install.sh installs what they need.

mod common;

use common::*;
use std::process::Command;

/// Runs check-site.mjs over `site` and asserts that all its `pages` passed.
fn passes_site_checks(site: &std::path::Path, pages: usize) {
    let browser = browser_scripts();
    let run = Command::new("node")
        .arg(browser.join("check-site.mjs"))
        .arg(site)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
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

#[test]
fn default_dossier_passes_the_nu_html_checker_and_axe() {
    browser_scripts();
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    build(&default_content(), &site).expect("the default dossier builds");
    passes_site_checks(&site, html_page_count(&site));
}

/// Ten sources make the comparison's tables wider than the window: their
/// scroll areas and fixed first column must pass too. Only that page is
/// checked, with its stylesheet, to keep the test quick.
#[test]
fn a_ten_source_comparison_page_passes_the_nu_html_checker_and_axe() {
    browser_scripts();
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_tree(&default_content(), &content);
    let sources: Vec<_> = std::fs::read_dir(content.join("sources"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    for (i, path) in sources.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        let body = dossier::load::split_front_matter(&text).unwrap().body;
        std::fs::write(
            content.join(format!("sources/second-outlet-{i}.txt")),
            format!(
                "+++\ntitle = \"Second report {i}\"\noutlet = \"Second Outlet {i}\"\n+++\n{body}"
            ),
        )
        .unwrap();
    }
    let site = dir.path().join("site");
    build(&content, &site).expect("ten sources build");
    let page = dir.path().join("page");
    copy_tree(&site.join("static"), &page.join("static"));
    std::fs::copy(site.join("compare.html"), page.join("compare.html")).unwrap();
    let html = std::fs::read_to_string(page.join("compare.html")).unwrap();
    assert_eq!(
        html.matches("<th scope=\"col\"><a href=\"sources/").count(),
        10
    );
    passes_site_checks(&page, 1);
}
