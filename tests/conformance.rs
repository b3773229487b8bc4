//! The built default dossier must pass the Nu HTML Checker with no errors and axe-core
//! in headless Chromium with no violations, in light and dark colour schemes, with no
//! network request and no script error. The checks are in tests/browser/check-site.mjs;
//! `bash tests/run.sh` installs what they need (tests/browser/install.sh) before running them.

mod common;

use common::*;

#[test]
fn default_dossier_passes_the_nu_html_checker_and_axe() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    build(&default_content(), &site).expect("the default dossier builds");
    assert_site_passes_html_and_accessibility_checks(&site);
}

/// Ten sources make the comparison's tables wider than the window: their
/// scroll areas and fixed first column must pass too. Only that page is
/// checked, with its stylesheet, to keep the test quick.
#[test]
fn a_ten_source_comparison_page_passes_the_nu_html_checker_and_axe() {
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
    assert_site_passes_html_and_accessibility_checks(&page);
}

/// The found-naming tables of the comparison page and the lists of sentences
/// they link to on the source pages.
#[test]
fn a_found_naming_comparison_passes_the_nu_html_checker_and_axe() {
    let (dir, content) = three_namings_dossier();
    let site = dir.path().join("site");
    build(&content, &site).unwrap();
    assert_site_passes_html_and_accessibility_checks(&site);
}
