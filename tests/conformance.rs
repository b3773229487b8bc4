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
