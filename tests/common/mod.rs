//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn default_content() -> PathBuf {
    repo().join("content")
}

/// Runs the `dossier` binary in `dir` as a user would, colours left to the
/// binary to drop because its output is not a terminal.
pub fn dossier(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

/// Builds `content` into `output` with the library, as `dossier build` does.
pub fn build(content: &Path, output: &Path) -> dossier::Result<dossier::Report> {
    let options = dossier::Options {
        content: content.to_path_buf(),
        output: output.to_path_buf(),
        ..dossier::Options::default()
    };
    dossier::build(&options, &dossier::pipeline::Silent)
}

/// Copies a folder tree (the default content, to break it in a test).
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (relative, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The stems of the files in a content folder (`content/actors` → actor slugs),
/// leaving out hidden files such as `.gitkeep` as the loader does.
pub fn slugs(folder: &Path) -> BTreeSet<String> {
    fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
        .collect()
}

/// The folder of the Chromium-driven checks, once `tests/browser/install.sh` (run by
/// `tests/run.sh`) has installed what they need.
pub fn browser_scripts() -> PathBuf {
    let browser = repo().join("tests/browser");
    assert!(
        browser.join("node_modules/playwright-core").is_dir()
            && Path::new("/usr/bin/chromium").exists(),
        "the browser checks need Chromium, Java and node packages: run the tests with `bash tests/run.sh`, which installs them"
    );
    browser
}

/// Runs `tests/browser/check-site.mjs` over a built site: the Nu HTML Checker and
/// axe-core, light and dark, on every page, with no network request and no
/// script error; fails the test unless every page passes.
pub fn assert_site_passes_html_and_accessibility_checks(site: &Path) {
    let browser = browser_scripts();
    let run = Command::new("node")
        .arg(browser.join("check-site.mjs"))
        .arg(site)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    let pages = html_page_count(site);
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

/// How many HTML pages a built site has.
pub fn html_page_count(site: &Path) -> usize {
    walkdir::WalkDir::new(site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count()
}

/// Three made-up outlets naming one person three ways ("Premier Jo Roe",
/// "Roe, the strongman", "Ms. Roe"), one of them quoting an epithet; for
/// `tests/naming.rs` and the conformance test.
const THREE_NAMINGS: [(&str, &str, &str); 3] = [
    (
        "north",
        "Northern Post",
        "Premier Jo Roe opens dam\n\nPremier Jo Roe opened the Vell dam on Monday. \
         Premier Jo Roe said the water would flow by spring.\n\nThe premier thanked the engineers.\n",
    ),
    (
        "south",
        "Southern Star",
        "Roe, the strongman, opens dam\n\nRoe, the strongman, opened the Vell dam on Monday. \
         Critics say Roe has ruled for too long.\n\n\
         \"We will not bow to the dictator Jo Roe,\" a farmer said.\n",
    ),
    (
        "east",
        "Eastern Mail",
        "Ms. Roe opens dam\n\nMs. Roe opened the Vell dam on Monday. \
         Ms. Roe said it was a good day for the valley.\n",
    ),
];

/// A content folder in a temporary directory: `dossier.toml` titled `title`
/// and, for each (slug, language, text with its headline first),
/// `sources/<slug>.txt` from the outlet "<slug> Daily".
pub fn made_up_content(
    title: &str,
    sources: &[(&str, &str, &str)],
) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("sources")).unwrap();
    fs::write(
        content.join("dossier.toml"),
        format!("title = \"{title}\"\n"),
    )
    .unwrap();
    for (slug, language, text) in sources {
        let headline = text.lines().next().unwrap_or_default();
        let front =
            format!("title = \"{headline}\"\noutlet = \"{slug} Daily\"\nlanguage = \"{language}\"");
        fs::write(
            content.join(format!("sources/{slug}.txt")),
            format!("+++\n{front}\n+++\n{text}\n"),
        )
        .unwrap();
    }
    (dir, content)
}

pub fn three_namings_dossier() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    for folder in ["sources", "actors"] {
        fs::create_dir_all(content.join(folder)).unwrap();
    }
    fs::write(content.join("dossier.toml"), "title = \"The Vell dam\"\n").unwrap();
    for (slug, outlet, text) in THREE_NAMINGS {
        let title = text.lines().next().unwrap();
        fs::write(
            content.join(format!("sources/{slug}.txt")),
            format!("+++\ntitle = \"{title}\"\noutlet = \"{outlet}\"\npublished = \"2022-05-02\"\nlanguage = \"en\"\n+++\n{text}"),
        )
        .unwrap();
    }
    fs::write(
        content.join("actors/jo-roe.md"),
        "+++\nname = \"Jo Roe\"\nkind = \"person\"\naliases = [\"Roe\"]\ntitles = [\"the premier\"]\n+++\nThe premier.\n",
    )
    .unwrap();
    (dir, content)
}

/// Each actor's mentions, as (source slug, the text they cover).
pub fn mentions_by_actor(
    dossier: &dossier::resolve::Dossier,
    analysis: &dossier::analyse::Analysis,
) -> BTreeMap<String, Vec<(String, String)>> {
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for m in &analysis.mentions {
        let source = dossier.source(&m.source).unwrap();
        let text = source
            .standing_line(&m.anchor)
            .or_else(|| {
                let mut paragraphs = source.paragraphs.iter();
                paragraphs
                    .find(|p| p.anchor == m.anchor)
                    .map(|p| p.text.as_str())
            })
            .unwrap_or_default();
        out.entry(m.actor.clone())
            .or_default()
            .push((m.source.clone(), text[m.range.clone()].to_string()));
    }
    out
}

/// The names of the actors discovery found, in its order.
pub fn discovered_names(dossier: &dossier::resolve::Dossier) -> Vec<&str> {
    dossier
        .discovery
        .actors
        .iter()
        .map(|a| a.name.as_str())
        .collect()
}
