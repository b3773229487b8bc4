//! `dossier serve`: incremental rebuilds equal full builds byte for byte; the
//! server keeps every request inside the site and answers with the right types;
//! a broken edit is reported to the page and cleared by the fix; Ctrl-C stops it;
//! and, in headless Chromium, an edit reaches an open page without a reload.
//!
//! Nothing here leaves 127.0.0.1, and nothing asserts how fast anything is: the
//! waits below are ceilings against hanging, not measurements.

mod common;

use common::*;
use dossier::pipeline::{Options, Rebuild, Session, Silent};
use dossier::serve::{Events, Preview, ServeOptions, Stopper};
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A copy of the default dossier and an (initially empty) theme override folder.
struct Workspace {
    dir: tempfile::TempDir,
    search_shard_bytes: Option<usize>,
}

impl Workspace {
    fn new() -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&default_content(), &dir.path().join("content"));
        fs::create_dir(dir.path().join("theme")).unwrap();
        Workspace {
            dir,
            search_shard_bytes: None,
        }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn options(&self, output: &str) -> Options {
        Options {
            content: self.path("content"),
            output: self.path(output),
            theme: Some(self.path("theme")),
            search_shard_bytes: self
                .search_shard_bytes
                .unwrap_or(Options::default().search_shard_bytes),
            ..Options::default()
        }
    }

    /// Replaces `from` by `to` in a content or theme file; the text must be there.
    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.path(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} does not contain {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
}

/// A change to the workspace, as an editor would make it.
type Edit = Box<dyn Fn(&Workspace)>;

/// After each edit, the session's output folder must equal a fresh full build
/// of the edited content, byte for byte, manifest included; and the session
/// must have rendered fewer pages than the site has.
#[test]
fn incremental_rebuilds_equal_full_builds_byte_for_byte() {
    let work = Workspace::new();
    let mut session = Session::new(work.options("site"));
    let first = session
        .rebuild(&Silent)
        .expect("the default dossier builds");
    assert_eq!(first.ingested, first.report.sources);

    let template = fs::read_to_string(repo().join("themes/default/templates/note.html")).unwrap();
    let base = fs::read_to_string(repo().join("themes/default/templates/base.html")).unwrap();
    let edits: Vec<(&str, Edit)> = vec![
        (
            "a note",
            Box::new(|w: &Workspace| {
                w.edit(
                    "content/notes/overview.md",
                    "The signing took place during",
                    "The signing took place, as announced, during",
                )
            }),
        ),
        (
            "an actor",
            Box::new(|w: &Workspace| {
                w.edit(
                    "content/actors/benny-gantz.md",
                    "role = \"Israeli Minister of Defence at the time of the signing\"",
                    "role = \"Israeli Minister of Defence when the memorandum was signed\"",
                )
            }),
        ),
        (
            "a source",
            Box::new(|w: &Workspace| {
                w.edit(
                    "content/sources/nnn-landmark-pact.txt",
                    "author = \"unknown\"",
                    "author = \"Agency staff\"",
                )
            }),
        ),
        (
            "claims.toml",
            Box::new(|w: &Workspace| {
                w.edit(
                    "content/claims.toml",
                    "title = \"The memorandum opens the way to arms sales\"",
                    "title = \"The memorandum opens the way to sales of arms\"",
                )
            }),
        ),
        (
            "a template",
            Box::new(move |w: &Workspace| {
                fs::create_dir_all(w.path("theme/templates")).unwrap();
                let changed = template.replacen(
                    "{% block content %}",
                    "{% block content %}<p class=\"edited\">Edited template.</p>",
                    1,
                );
                assert_ne!(changed, template, "note.html has a content block");
                fs::write(w.path("theme/templates/note.html"), changed).unwrap();
            }),
        ),
        (
            "the base template",
            Box::new(move |w: &Workspace| {
                let changed = base.replacen("</footer>", "<p>Edited base.</p>\n</footer>", 1);
                assert_ne!(changed, base, "base.html has a footer");
                fs::write(w.path("theme/templates/base.html"), changed).unwrap();
            }),
        ),
        (
            "a new note",
            Box::new(|w: &Workspace| {
                fs::write(
                    w.path("content/notes/reading-list.md"),
                    "+++\ntitle = \"Reading list\"\n+++\nSee [[overview]].\n",
                )
                .unwrap()
            }),
        ),
        (
            "a removed note",
            Box::new(|w: &Workspace| {
                fs::remove_file(w.path("content/notes/reading-list.md")).unwrap()
            }),
        ),
    ];

    for (step, (what, edit)) in edits.iter().enumerate() {
        edit(&work);
        let rebuild = session
            .rebuild(&Silent)
            .unwrap_or_else(|e| panic!("rebuild after editing {what}: {e}"));
        let fresh = format!("fresh-{step}");
        assert_same_as_full_build(&work, &fresh, what);
        let full = snapshot(&work.path(&fresh));
        assert!(
            full.values()
                .all(|b| !String::from_utf8_lossy(b).contains("__dossier")),
            "the reload script never reaches files on disk"
        );
        check_scope(what, &rebuild);
    }
}

/// Edits to notes alone: each rebuild reuses the analysis of the corpus, and
/// its files equal a fresh full build byte for byte. A note body edit builds
/// the context of few pages; the others come from the cache by their quick
/// key, so a page the rule forgot would differ from the full build here.
#[test]
fn note_edits_reuse_the_analysis_and_equal_full_builds() {
    let work = Workspace::new();
    let mut session = Session::new(work.options("site"));
    let first = session
        .rebuild(&Silent)
        .expect("the default dossier builds");
    assert!(!first.reused_analysis, "the first build analyses");
    let note = "content/notes/metadata-unknowns.md";
    let edits: Vec<(&str, Edit)> = vec![
        (
            "a note's body",
            Box::new(|w: &Workspace| {
                w.edit(
                    "content/notes/overview.md",
                    "The signing took place during",
                    "The signing took place, as announced, during",
                )
            }),
        ),
        (
            "a linked note's title",
            Box::new(|w: &Workspace| {
                w.edit(
                    "content/notes/background-western-sahara.md",
                    "title = \"Background: Western Sahara\"",
                    "title = \"Background: the Western Sahara dispute\"",
                )
            }),
        ),
        (
            "a note that now cites a source and names an actor",
            Box::new(move |w: &Workspace| {
                w.edit(
                    note,
                    "## Author",
                    "[[aviv-kochavi|Aviv Kochavi]] is named once, and Benny Gantz too \
                     [@nnn-landmark-pact#p-c8929e-s1].\n\n## Author",
                )
            }),
        ),
        (
            "a note that no longer does",
            Box::new(move |w: &Workspace| {
                w.edit(
                    note,
                    "[[aviv-kochavi|Aviv Kochavi]] is named once, and Benny Gantz too \
                     [@nnn-landmark-pact#p-c8929e-s1].\n\n",
                    "",
                )
            }),
        ),
        (
            "an event's title",
            Box::new(|w: &Workspace| {
                w.edit(
                    "content/notes/timeline.md",
                    "title = \"State of Israel founded;",
                    "title = \"The State of Israel is founded;",
                )
            }),
        ),
        (
            "a note with code",
            Box::new(move |w: &Workspace| {
                w.edit(note, "## Author", "```rust\nfn main() {}\n```\n\n## Author")
            }),
        ),
        (
            "another note, while one has code",
            Box::new(|w: &Workspace| {
                w.edit(
                    "content/notes/overview.md",
                    "as announced, during",
                    "as planned, during",
                )
            }),
        ),
        (
            "a note without its code",
            Box::new(move |w: &Workspace| w.edit(note, "```rust\nfn main() {}\n```\n\n", "")),
        ),
        (
            "a new note naming an actor",
            Box::new(|w: &Workspace| {
                fs::write(
                    w.path("content/notes/reading-list.md"),
                    "+++\ntitle = \"Reading list\"\ntags = [\"overview\"]\n+++\n\
                     See [[overview]] and [[benny-gantz]] [@nnn-landmark-pact].\n",
                )
                .unwrap()
            }),
        ),
        (
            "a removed note",
            Box::new(|w: &Workspace| {
                fs::remove_file(w.path("content/notes/reading-list.md")).unwrap()
            }),
        ),
    ];
    for (step, (what, edit)) in edits.iter().enumerate() {
        edit(&work);
        let rebuild = session
            .rebuild(&Silent)
            .unwrap_or_else(|e| panic!("rebuild after editing {what}: {e}"));
        assert_same_as_full_build(&work, &format!("notes-{step}"), what);
        let render = rebuild.render;
        println!(
            "{what}: {} contexts built, {} of {} pages rendered, wrote {:?}",
            render.contexts, render.rendered, render.pages, rebuild.changed
        );
        assert!(rebuild.reused_analysis, "editing {what} analysed again");
        assert_eq!(rebuild.ingested, 0, "editing {what} ingested a source");
        assert!(
            !rebuild.changed.is_empty(),
            "editing {what} changed nothing"
        );
        assert!(
            render.contexts < render.pages,
            "editing {what} built every context: {render:?}"
        );
        // A change to a body alone builds the contexts of the lists that have
        // no quick key and of the pages it shows on, not those of the tags.
        if what.contains("body") || what.starts_with("another note") {
            assert!(render.contexts < render.pages / 10, "{render:?}");
        }
    }
}

/// The search index keeps its sources' part between rebuilds: with shards so
/// small that common terms are cut across several, edits that add words the
/// sources also use, add a note and remove it still give the index of a full
/// build, byte for byte.
#[test]
fn note_edits_with_a_small_search_budget_equal_full_builds() {
    let mut work = Workspace::new();
    work.search_shard_bytes = Some(2048);
    let mut session = Session::new(work.options("site"));
    session
        .rebuild(&Silent)
        .expect("the default dossier builds");
    let shards = fs::read_dir(work.path("site/search")).unwrap().count();
    assert!(shards > 20, "a small budget makes many shards: {shards}");
    let edits: Vec<(&str, Edit)> = vec![
        (
            "a note's body, with words the sources use",
            Box::new(|w: &Workspace| {
                w.edit(
                    "content/notes/overview.md",
                    "The signing took place during",
                    "The signing by Morocco and Israel of the memorandum in Rabat took place during",
                )
            }),
        ),
        (
            "a new note",
            Box::new(|w: &Workspace| {
                fs::write(
                    w.path("content/notes/zz-words.md"),
                    "+++\ntitle = \"Words\"\ntags = [\"overview\"]\n+++\nMorocco Israel defence memorandum \
                     zzzunique aardvark the the the of and Rabat [@nnn-landmark-pact].\n",
                )
                .unwrap()
            }),
        ),
        (
            "a removed note",
            Box::new(|w: &Workspace| fs::remove_file(w.path("content/notes/zz-words.md")).unwrap()),
        ),
    ];
    for (step, (what, edit)) in edits.iter().enumerate() {
        edit(&work);
        let rebuild = session
            .rebuild(&Silent)
            .unwrap_or_else(|e| panic!("rebuild after editing {what}: {e}"));
        assert!(rebuild.reused_analysis, "editing {what} analysed again");
        assert!(
            rebuild
                .changed
                .iter()
                .any(|path| path.starts_with("search/")),
            "editing {what} left the index as it was: {:?}",
            rebuild.changed
        );
        assert_same_as_full_build(&work, &format!("small-{step}"), what);
    }
}

/// Serve shows an edit from memory before the disk write: the files handed over
/// already hold it while the output folder does not yet, and after the rebuild
/// the folder holds it too.
#[test]
fn an_edit_is_handed_over_before_it_is_written() {
    let work = Workspace::new();
    let mut session = Session::new(work.options("site"));
    session
        .rebuild(&Silent)
        .expect("the default dossier builds");
    work.edit(
        "content/notes/overview.md",
        "The signing took place during",
        "The signing took place, as handed over, during",
    );
    let page = work.path("site/notes/overview.html");
    let mut handed = false;
    session
        .rebuild_showing(&Silent, |files, changed| {
            assert!(changed, "the edit changed the site");
            let shown = files
                .iter()
                .find(|f| f.path == "notes/overview.html")
                .expect("the note's page is among the files");
            assert!(String::from_utf8_lossy(&shown.bytes).contains("as handed over"));
            let on_disk = fs::read_to_string(&page).unwrap();
            assert!(
                !on_disk.contains("as handed over"),
                "written before it was handed over"
            );
            handed = true;
        })
        .expect("the edit rebuilds");
    assert!(handed, "the files were handed over");
    assert!(fs::read_to_string(&page)
        .unwrap()
        .contains("as handed over"));
}

/// The session's output folder equals a fresh full build of the content into
/// `fresh`, byte for byte, manifest included.
fn assert_same_as_full_build(work: &Workspace, fresh: &str, what: &str) {
    dossier::build(&work.options(fresh), &Silent)
        .unwrap_or_else(|e| panic!("full build after editing {what}: {e}"));
    let incremental = snapshot(&work.path("site"));
    let full = snapshot(&work.path(fresh));
    assert_eq!(
        incremental.keys().collect::<Vec<_>>(),
        full.keys().collect::<Vec<_>>(),
        "after editing {what}: the same files"
    );
    for (path, bytes) in &full {
        assert!(
            incremental[path] == *bytes,
            "after editing {what}: {path} differs from a full build"
        );
    }
}

/// What each edit re-rendered: something, never everything (a template edit
/// re-renders every page, which is the point of that case), and what must be.
fn check_scope(what: &str, rebuild: &Rebuild) {
    let render = rebuild.render;
    println!(
        "{what}: rendered {} of {} pages, ingested {} sources, wrote {:?}",
        render.rendered, render.pages, rebuild.ingested, rebuild.changed
    );
    assert!(render.rendered > 0, "editing {what} rendered nothing");
    let changed = |path: &str| rebuild.changed.iter().any(|p| p == path);
    let source_pages: Vec<&str> = rebuild
        .changed
        .iter()
        .map(String::as_str)
        .filter(|p| p.starts_with("sources/") && *p != "sources/index.html")
        .collect();
    match what {
        "a note" => {
            assert!(render.rendered < render.pages / 4, "{render:?}");
            assert!(changed("notes/overview.html"));
            // The edited paragraph cites two sources, whose pages show it
            // among their backlinks; no other source's page may change.
            let cited = [
                "sources/nnn-landmark-pact.html",
                "sources/urbain-historic-agreement.html",
            ];
            assert!(
                source_pages.iter().all(|p| cited.contains(p)),
                "a note edit changed {source_pages:?}"
            );
            assert_eq!(rebuild.ingested, 0);
        }
        "an actor" => {
            assert!(render.rendered < render.pages, "{render:?}");
            assert!(changed("actors/benny-gantz.html"));
            assert_eq!(rebuild.ingested, 0);
        }
        "a source" => {
            assert!(render.rendered < render.pages, "{render:?}");
            assert!(changed("sources/nnn-landmark-pact.html"));
            assert_eq!(rebuild.ingested, 1, "only the edited source is ingested");
        }
        "claims.toml" => {
            assert!(render.rendered < render.pages / 4, "{render:?}");
            assert!(changed("compare.html"));
            assert_eq!(rebuild.ingested, 0);
        }
        "a template" => {
            assert!(render.rendered < render.pages, "{render:?}");
            assert!(changed("notes/overview.html"));
            assert!(
                source_pages.is_empty(),
                "note.html is not used by source pages"
            );
        }
        "the base template" => {
            // Every page but the sitemap and the feed extends it.
            assert!(render.rendered >= render.pages - 2, "{render:?}");
            assert!(!source_pages.is_empty());
        }
        "a new note" => assert!(changed("notes/reading-list.html")),
        "a removed note" => {
            assert_eq!(rebuild.removed, vec!["notes/reading-list.html".to_string()])
        }
        other => panic!("no expectations for {other}"),
    }
}

/// Events a test does not print.
struct Quiet;
impl Events for Quiet {
    fn built(&self, _: &Rebuild, _: Duration, _: Duration) {}
    fn failed(&self, _: &dossier::Error) {}
}

/// A preview running in this process on an ephemeral port.
struct Running {
    address: SocketAddr,
    stopper: Stopper,
    thread: Option<JoinHandle<dossier::Result<()>>>,
}

impl Running {
    fn start(options: Options) -> Running {
        let mut serve = ServeOptions::new(options);
        serve.port = 0;
        let preview = Preview::start(serve, Arc::new(Quiet)).expect("the preview starts");
        let url = preview.url();
        let address = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .unwrap();
        let stopper = preview.stopper();
        let thread = Some(std::thread::spawn(move || preview.run()));
        Running {
            address,
            stopper,
            thread,
        }
    }

    fn get(&self, target: &str) -> Reply {
        self.raw(&format!("GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n"))
    }

    fn raw(&self, request: &str) -> Reply {
        raw_request(self.address, request.as_bytes())
    }

    fn status(&self, since: u64) -> serde_json::Value {
        let reply = self.get(&format!("/__dossier/version?since={since}"));
        assert_eq!(reply.status, 200);
        serde_json::from_slice(&reply.body).unwrap()
    }

    /// Long-polls the build state until `done` holds for it.
    fn wait_for(&self, what: &str, done: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
        let deadline = Instant::now() + Duration::from_secs(120);
        let mut since = 0;
        loop {
            let status = self.status(since);
            if done(&status) {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "gave up waiting for {what}: {status}"
            );
            since = status["generation"].as_u64().unwrap();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stopper.stop();
        if let Some(thread) = self.thread.take() {
            let result = thread.join().expect("the preview thread ends");
            if !std::thread::panicking() {
                result.expect("the preview stops cleanly");
            }
        }
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).to_string()
    }
}

/// Sends bytes exactly as given (no client normalises `..` away) and reads the
/// whole reply; the server closes every connection after one response.
fn raw_request(address: SocketAddr, request: &[u8]) -> Reply {
    raw_request_within(address, request, Duration::from_secs(60))
}

fn raw_request_within(address: SocketAddr, request: &[u8], patience: Duration) -> Reply {
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(patience)).unwrap();
    stream.write_all(request).unwrap();
    let mut reply = Vec::new();
    let _ = stream.read_to_end(&mut reply);
    let end = reply
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no reply head: {:?}", String::from_utf8_lossy(&reply)));
    let head = String::from_utf8_lossy(&reply[..end]).to_string();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: reply[end + 4..].to_vec(),
    }
}

#[test]
fn the_server_answers_with_the_right_types_and_the_sites_404() {
    let work = Workspace::new();
    let server = Running::start(work.options("site"));

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("X-Content-Type-Options"), Some("nosniff"));
    assert_eq!(home.header("Cache-Control"), Some("no-store"));
    assert!(home.text().contains("<script data-dossier-serve>"));
    let on_disk = fs::read_to_string(work.path("site/index.html")).unwrap();
    assert!(
        !on_disk.contains("data-dossier-serve"),
        "only responses get the script"
    );

    for (path, expected) in [
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/search/index.js", "text/javascript; charset=utf-8"),
        ("/dossier.json", "application/json"),
        ("/atom.xml", "application/xml"),
        ("/sitemap.xml", "application/xml"),
        ("/.nojekyll", "application/octet-stream"),
        ("/notes/overview.html", "text/html; charset=utf-8"),
        ("/notes/", "text/html; charset=utf-8"),
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("Content-Type"), Some(expected), "{path}");
    }
    let css = server.get("/static/style.css");
    assert_eq!(
        css.body,
        fs::read(work.path("site/static/style.css")).unwrap(),
        "files other than pages are served as built"
    );

    let missing = server.get("/notes/no-such-note.html");
    assert_eq!(missing.status, 404);
    assert!(
        missing.text().contains("Page not found"),
        "the site's own 404 page"
    );
    assert!(
        missing.text().contains("<base href=\"/\">"),
        "its links lead to this server"
    );

    let folder = server.get("/notes?x=1");
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("Location"), Some("/notes/?x=1"));

    let head = server.raw("HEAD /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(
        head.header("Content-Length"),
        Some(home.body.len().to_string().as_str())
    );
}

#[test]
fn no_request_reaches_outside_the_site_and_requests_are_bounded() {
    let work = Workspace::new();
    let secret = "TOP-SECRET-NOT-IN-THE-SITE";
    fs::write(work.path("secret.txt"), secret).unwrap();
    let config = fs::read_to_string(work.path("content/dossier.toml")).unwrap();
    let server = Running::start(work.options("site"));
    // A symlink planted in the output folder: never followed, the site is in memory.
    #[cfg(unix)]
    std::os::unix::fs::symlink(work.path("secret.txt"), work.path("site/leak.txt")).unwrap();

    for target in [
        "/../secret.txt",
        "/notes/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/notes/..%2f..%2fsecret.txt",
        "/%252e%252e/secret.txt",
        "/%252e%252e%252fsecret.txt",
        "/..%5csecret.txt",
        "/%2fetc/passwd",
        "//etc/passwd",
        "/secret.txt%00.html",
        "/leak.txt",
        "/content/dossier.toml",
        "/../content/dossier.toml",
        "http://localhost/../secret.txt",
    ] {
        let reply = server.get(target);
        assert!(
            matches!(reply.status, 400 | 404),
            "{target}: status {}",
            reply.status
        );
        assert!(!reply.text().contains(secret), "{target} leaked the file");
        assert!(!reply.text().contains(&config), "{target} leaked content");
    }

    for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
        let reply = server.raw(&format!("{method} / HTTP/1.1\r\nHost: x\r\n\r\n"));
        assert_eq!(reply.status, 405, "{method}");
        assert_eq!(reply.header("Allow"), Some("GET, HEAD"));
    }
    let with_body = server.raw("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
    assert_eq!(with_body.status, 413);
    // The limit is on the head as a whole, request line included: hyper tells an
    // overlong target apart (414) only past 64 KiB, far beyond it.
    let long_target = format!(
        "GET /{} HTTP/1.1\r\n\r\n",
        "a".repeat(dossier::serve::MAX_HEAD)
    );
    assert_eq!(server.raw(&long_target).status, 431);
    let long_headers = format!(
        "GET / HTTP/1.1\r\n{}\r\n",
        "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".repeat(400)
    );
    assert_eq!(server.raw(&long_headers).status, 431);
    assert_eq!(server.get("/").status, 200, "still serving after all that");
}

/// Connections that send nothing, or half a request, cost the server next to
/// nothing: a thousand of them do not keep a page from being served, and each
/// is dropped once the header timeout has passed.
#[test]
fn idle_connections_neither_starve_the_server_nor_stay_open() {
    let work = Workspace::new();
    let server = Running::start(work.options("site"));
    let idle: Vec<TcpStream> = (0..1000)
        .map(|i| {
            let mut stream = TcpStream::connect(server.address)
                .unwrap_or_else(|e| panic!("idle connection {i}: {e}"));
            if i % 2 == 1 {
                stream.write_all(b"GET / HTTP/1.1\r\nHost: loc").unwrap();
            }
            stream
        })
        .collect();

    let home = raw_request_within(
        server.address,
        b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
        Duration::from_secs(10),
    );
    assert_eq!(home.status, 200);
    assert!(home.text().contains("<script data-dossier-serve>"));

    let patience = dossier::serve::HEADER_TIMEOUT * 3;
    for (i, mut stream) in idle.into_iter().enumerate() {
        stream.set_read_timeout(Some(patience)).unwrap();
        let mut reply = Vec::new();
        match stream.read_to_end(&mut reply) {
            Ok(_) => assert!(reply.is_empty(), "connection {i} got an answer"),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
            Err(e) => panic!("connection {i} still open after {patience:?}: {e}"),
        }
    }
}

#[test]
fn a_broken_edit_is_reported_over_the_last_good_page_until_fixed() {
    let work = Workspace::new();
    let server = Running::start(work.options("site"));
    let start = server.status(0);
    assert_eq!(start["problems"].as_array().unwrap().len(), 0);
    let good = server.get("/notes/overview.html").text();

    work.edit(
        "content/notes/overview.md",
        "The signing took place during",
        "The signing took place in [[no-such-actor]] during",
    );
    let broken = server.wait_for("the broken link to be reported", |s| {
        !s["problems"].as_array().unwrap().is_empty()
    });
    let problem = &broken["problems"][0];
    let location = problem["location"].as_str().unwrap();
    let (path, line_col) = location.split_once(".md:").unwrap();
    assert!(path.ends_with("notes/overview"), "{location}");
    let (line, col) = line_col.split_once(':').unwrap();
    assert!(line.parse::<usize>().unwrap() > 0 && col.parse::<usize>().unwrap() > 0);
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .contains("no-such-actor"),
        "{problem}"
    );
    assert_eq!(
        broken["version"], start["version"],
        "the site did not change"
    );
    assert_eq!(
        strip_script(&server.get("/notes/overview.html").text()),
        strip_script(&good),
        "the last good page is still served"
    );

    work.edit(
        "content/notes/overview.md",
        "The signing took place in [[no-such-actor]] during",
        "The signing took place, as planned, during",
    );
    let fixed = server.wait_for("the fix to clear the problems", |s| {
        s["problems"].as_array().unwrap().is_empty()
    });
    assert_ne!(fixed["version"], start["version"], "the fixed page is new");
    assert!(server
        .get("/notes/overview.html")
        .text()
        .contains("as planned"));
}

fn strip_script(page: &str) -> String {
    match page.find("<script data-dossier-serve>") {
        Some(at) => page[..at].to_string(),
        None => page.to_string(),
    }
}

/// `dossier serve --port 0` as a user runs it: it prints the address it took,
/// serves, and on Ctrl-C (SIGINT) stops and exits 0.
#[cfg(unix)]
#[test]
fn the_command_prints_its_address_and_stops_cleanly_on_ctrl_c() {
    let work = Workspace::new();
    let (mut child, url) = spawn_serve(&work);
    let address: SocketAddr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .unwrap();
    assert!(address.ip().is_loopback(), "{address}");
    let home = raw_request(address, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!(home.status, 200);
    // Connections that never asked anything do not hold the stop up.
    let _idle: Vec<TcpStream> = (0..10)
        .map(|_| TcpStream::connect(address).unwrap())
        .collect();

    interrupt(&child);
    let status = child.wait().unwrap();
    let mut rest = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut rest)
        .unwrap();
    assert!(status.success(), "{status:?}");
    assert!(rest.contains("Stopped."), "{rest}");
    assert!(TcpStream::connect(address).is_err(), "the port is released");
}

/// Starts the binary on an ephemeral port and returns it with the URL it printed.
fn spawn_serve(work: &Workspace) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("serve")
        .args(["--port", "0", "--content"])
        .arg(work.path("content"))
        .arg("--output")
        .arg(work.path("site"))
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        // What serve reports (the broken edit, on purpose) is shown only on failure.
        .stderr(fs::File::create(work.path("serve.err")).unwrap())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    let url = loop {
        line.clear();
        if stdout.read_line(&mut line).unwrap() == 0 {
            let _ = child.kill();
            panic!("dossier serve ended without printing its address");
        }
        if let Some(at) = line.find("http://") {
            break line[at..].split_whitespace().next().unwrap().to_string();
        }
    };
    child.stdout = Some(stdout.into_inner());
    (child, url)
}

#[cfg(unix)]
fn interrupt(child: &Child) {
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

/// In headless Chromium: an open note page shows an edit of its Markdown without
/// a reload, an overlay when the edit breaks the build, and no overlay once fixed.
/// The steps are in tests/browser/serve.mjs.
#[cfg(unix)]
#[test]
fn an_edit_reaches_the_open_page_in_a_browser() {
    let browser = browser_scripts();
    let work = Workspace::new();
    let (mut child, url) = spawn_serve(&work);
    let run = Command::new("node")
        .arg(browser.join("serve.mjs"))
        .arg(&url)
        .arg(work.path("content/notes/overview.md"))
        .output()
        .expect("node runs");
    interrupt(&child);
    let _ = child.wait();
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    let serve_log = fs::read_to_string(work.path("serve.err")).unwrap_or_default();
    assert!(
        run.status.success(),
        "browser checks failed:\n{stdout}\n{stderr}\ndossier serve said:\n{serve_log}"
    );
    assert!(!stdout.contains("FAIL"), "{stdout}");
}
