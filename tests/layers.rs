//! The shape of `src/`: each top-level module sits on a layer and imports only from
//! layers below it, so the modules form no cycle; and no source file grows past
//! what a reader can hold. docs/ARCHITECTURE.md draws the same layers.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Layers from the bottom up. A module may use any module on a lower layer, never
/// one on its own layer or above. A new module must be given a layer here.
const LAYERS: &[&[&str]] = &[
    // Plain data and text utilities that know no stage.
    &["error", "fingerprint", "location", "text"],
    &["model", "output"],
    &["urls", "highlight", "theme"],
    &["markdown"],
    // The stages, in pipeline order.
    &["load"],
    &["ingest", "scaffold"],
    &["resolve"],
    &["analyse"],
    &["export"],
    &["render"],
    &["write"],
    &["pipeline"],
    // Commands built on the pipeline.
    &["serve", "import", "init", "suggest"],
    &["lib", "main"],
];

/// About a thousand lines: past this a file holds more than one idea.
const MAX_LINES: usize = 1_000;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn top_module(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_string()
}

/// Module names a file reaches through `crate::`, in paths and in grouped imports.
fn used_modules(text: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Only the names at the group's own depth are modules.
            let mut depth = 0;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        item_start = false;
                        let name = ident(&group[i..]);
                        if !name.is_empty() {
                            used.insert(name);
                        }
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                used.insert(name);
            }
        }
    }
    used
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let reexports = lib_reexports(&fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        // A module's tests may build a whole dossier through the pipeline above it.
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let from = top_module(&src, &file);
        let text = fs::read_to_string(&file).unwrap();
        let entry = edges.entry(from.clone()).or_default();
        for used in used_modules(&text) {
            // `crate::Error` is `error::Error`, re-exported at the root.
            let module = reexports.get(&used).cloned().unwrap_or(used);
            if module != from {
                entry.insert(module);
            }
        }
    }
    edges
}

/// The names `lib.rs` re-exports (`pub use error::{Error, Result};`), by module.
fn lib_reexports(lib: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, items)) = rest.split_once("::") else {
            continue;
        };
        for item in items.trim_matches(|c| "{};".contains(c)).split(',') {
            names.insert(item.trim().to_string(), module.to_string());
        }
    }
    names
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

#[test]
fn every_module_imports_only_from_layers_below_it() {
    let mut wrong = Vec::new();
    for (from, uses) in graph() {
        let Some(own) = layer_of(&from) else {
            wrong.push(format!("{from} has no layer in tests/layers.rs"));
            continue;
        };
        for to in uses {
            match layer_of(&to) {
                Some(layer) if layer < own || from == "lib" || from == "main" => {}
                Some(_) => wrong.push(format!("{from} imports {to}, which is not below it")),
                None => wrong.push(format!("{from} imports {to}, which has no layer")),
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn the_module_graph_has_no_cycle() {
    // Implied by the layers, but checked on its own so the failure names the cycle.
    let edges = graph();
    fn visit<'a>(
        node: &'a str,
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| *n == node) {
            return Some(path[start..].iter().map(|s| s.to_string()).collect());
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(cycle) = visit(node, &edges, &mut Vec::new(), &mut done) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn no_source_file_is_longer_than_a_reader_can_hold() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let lines = fs::read_to_string(file).unwrap().lines().count();
            (lines > MAX_LINES).then(|| format!("{} has {lines} lines", file.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "split these by concern:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_import_reader_sees_grouped_and_plain_paths() {
    let used = used_modules(
        "use crate::{text::{slugify, Words}, model};\nlet x = crate::urls::page_path(a);",
    );
    assert_eq!(
        used.into_iter().collect::<Vec<_>>(),
        ["model", "text", "urls"]
    );
}
