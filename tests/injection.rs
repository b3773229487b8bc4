//! Script injection: article text, front matter and editorial Markdown holding
//! script tags, event handlers, javascript: and data: URLs, template syntax and
//! HTML comments. Every page is then opened in headless Chromium and must run
//! nothing (tests/browser/injection.mjs).

mod common;

use common::*;
use std::fs;
use std::process::Command;

const PAYLOADS: &[&str] = &[
    "<script>window.__pwned=1;alert(1)</script>",
    "<img src=x onerror=\"window.__pwned=2\">",
    "<svg onload=\"window.__pwned=3\"></svg>",
    "\"><script>window.__pwned=4</script>",
    "'><img src=x onerror=alert(5)>",
    "</span></p><script>alert(6)</script>",
    "<a href=\"javascript:alert(7)\">click</a>",
    "<iframe src=\"data:text/html,<script>alert(8)</script>\"></iframe>",
    "{{ 7*7 }} {% if true %}tera{% endif %} {# comment #}",
    "<!-- a comment --> <![CDATA[x]]>",
    "<style>body{display:none}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(9)>",
];

#[test]
fn nothing_planted_in_the_content_runs_in_a_browser() {
    let browser = browser_scripts();
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    for folder in ["sources", "actors", "notes"] {
        fs::create_dir_all(content.join(folder)).unwrap();
    }
    let all = PAYLOADS.join(" ");
    let toml_string = |s: &str| toml::Value::String(s.to_string()).to_string();
    fs::write(
        content.join("dossier.toml"),
        format!(
            "title = {}\nsummary = {}\n",
            toml_string(&format!("Dossier {}", PAYLOADS[3])),
            toml_string(PAYLOADS[1])
        ),
    )
    .unwrap();
    let body: String = PAYLOADS
        .iter()
        .map(|p| format!("Minister Evil said {p} in Rabat.\n\n"))
        .collect();
    fs::write(
        content.join("sources/hostile.txt"),
        format!(
            "+++\ntitle = {}\noutlet = {}\nauthor = {}\nurl = \"javascript:alert(10)\"\npublished = \"2021-11-24\"\ntags = [{}]\nnote = {}\n+++\n{}\n\n{body}\"{}\" the minister said.\n",
            toml_string(&format!("Headline {}", PAYLOADS[0])),
            toml_string(PAYLOADS[1]),
            toml_string(PAYLOADS[4]),
            toml_string(PAYLOADS[2]),
            toml_string(&format!("[x](javascript:alert(11)) [y](data:text/html,hi) {all}")),
            "A headline line",
            PAYLOADS[5],
        ),
    )
    .unwrap();
    fs::write(
        content.join("actors/evil.md"),
        format!(
            "+++\nname = {}\nkind = \"person\"\naliases = [\"Minister Evil\"]\nrole = {}\n+++\n{all}\n",
            toml_string("Evil <b onmouseover=alert(12)>Actor</b>"),
            toml_string(PAYLOADS[6]),
        ),
    )
    .unwrap();
    fs::write(
        content.join("notes/hostile-note.md"),
        format!(
            "+++\ntitle = {}\nsummary = {}\ntags = [{}]\n[[events]]\ndate = \"2021-11-24\"\ntitle = {}\nactors = [\"evil\"]\nsources = [\"hostile\"]\n+++\n{all}\n\n[a](javascript:alert(13)) [b](JAVASCRIPT:alert(14)) [c](data:text/html;base64,PHNjcmlwdD5hbGVydCgxNSk8L3NjcmlwdD4=) <javascript:alert(16)>\n\n![i](https://tracker.example/p.gif) [[evil]] [@hostile]\n\n```html\n{}\n```\n",
            toml_string(&format!("Note {}", PAYLOADS[0])),
            toml_string(PAYLOADS[7]),
            toml_string(PAYLOADS[1]),
            toml_string(PAYLOADS[2]),
            PAYLOADS[0],
        ),
    )
    .unwrap();

    let site = dir.path().join("site");
    build(&content, &site)
        .map_err(|e| e.to_string())
        .expect("the hostile dossier builds");

    // Template syntax is text: never evaluated, shown as written.
    let source = fs::read_to_string(site.join("sources/hostile.html")).unwrap();
    assert!(source.contains("{{ 7*7 }}") && source.contains("{% if true %}tera{% endif %}"));
    assert!(
        source.contains("&lt;script&gt;window.__pwned=1"),
        "article text is escaped, not dropped"
    );

    let run = Command::new("node")
        .arg(browser.join("injection.mjs"))
        .arg(&site)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pages = html_page_count(&site);
    assert!(
        stdout.contains(&format!("{} pages checked, 0 failed", pages + 4)),
        "{stdout}"
    );
}
