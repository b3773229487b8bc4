//! Any content tree, however broken, gives either a whole site or a list of
//! errors: never a panic, never a partial or changed `output/`.

mod common;

use common::*;
use proptest::prelude::*;
use std::fs;
use std::path::Path;

/// Pieces a content file is made of: valid and broken front matter, text with
/// and without links, citations to slugs that may or may not exist.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("+++\n".to_string()),
        Just("---\n".to_string()),
        Just("title = \"T\"\n".to_string()),
        Just("name = \"N\"\nkind = \"person\"\n".to_string()),
        Just("kind = \"robot\"\n".to_string()),
        Just("published = \"2021-13-45\"\n".to_string()),
        Just("aliases = [\"A\", \"A\"]\n".to_string()),
        Just("[[events]]\ndate = \"2021\"\ntitle = \"E\"\nsources = [\"a#p-1\"]\n".to_string()),
        Just("unknown_key = 1\n".to_string()),
        Just("title: yaml\n".to_string()),
        "[a-z]{1,6}".prop_map(|s| format!("[[{s}]] ")),
        "[a-z]{1,6}".prop_map(|s| format!("[@{s}#p-{s}] ")),
        "[a-z]{1,6}".prop_map(|s| format!("[x](../actors/{s}.md) ")),
        Just("“Quoted words,” said A. ".to_string()),
        Just("\n\n".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("```rust\nfn x() {}\n```\n".to_string()),
        "\\PC{0,40}",
    ]
}

#[derive(Debug, Clone)]
enum Bytes {
    Text(Vec<String>),
    Raw(Vec<u8>),
    Utf16(String),
}

fn file() -> impl Strategy<Value = (usize, String, Bytes)> {
    let name = prop_oneof![
        "[a-z][a-z0-9-]{0,8}\\.(md|txt)",
        "[A-Za-z0-9 ._-]{1,10}",
        Just("index.md".to_string()),
        Just("a..b.md".to_string()),
    ];
    let bytes = prop_oneof![
        8 => prop::collection::vec(fragment(), 0..12).prop_map(Bytes::Text),
        1 => prop::collection::vec(any::<u8>(), 0..200).prop_map(Bytes::Raw),
        1 => "\\PC{0,60}".prop_map(Bytes::Utf16),
    ];
    (0usize..4, name, bytes)
}

fn write_tree(root: &Path, files: &[(usize, String, Bytes)], config: &Option<String>) {
    let content = root.join("content");
    let _ = fs::remove_dir_all(&content);
    for folder in ["sources", "actors", "notes"] {
        fs::create_dir_all(content.join(folder)).unwrap();
    }
    if let Some(config) = config {
        fs::write(content.join("dossier.toml"), config).unwrap();
    }
    for (section, name, bytes) in files {
        let folder = ["sources", "actors", "notes", "."][*section];
        let path = content.join(folder).join(name);
        let bytes = match bytes {
            Bytes::Text(parts) => parts.concat().into_bytes(),
            Bytes::Raw(raw) => raw.clone(),
            Bytes::Utf16(text) => {
                let mut out = vec![0xFF, 0xFE];
                for unit in text.encode_utf16() {
                    out.extend_from_slice(&unit.to_le_bytes());
                }
                out
            }
        };
        let _ = fs::write(path, bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_content_tree_builds_whole_or_fails_leaving_output_alone(
        files in prop::collection::vec(file(), 0..8),
        config in prop_oneof![
            Just(Some("title = \"T\"\n".to_string())),
            Just(Some("title = \"T\"\nrequire_citations = true\n".to_string())),
            Just(Some("title = [1\n".to_string())),
            Just(None),
        ],
    ) {
        let dir = tempfile::tempdir().unwrap();
        // A good site built first: a failed build must leave it byte for byte.
        write_tree(dir.path(), &[], &Some("title = \"Good\"\n".to_string()));
        let output = dir.path().join("output");
        build(&dir.path().join("content"), &output).expect("an empty dossier builds");
        let before = snapshot(&output);

        write_tree(dir.path(), &files, &config);
        let result = std::panic::catch_unwind(|| build(&dir.path().join("content"), &output));
        let result = result.map_err(|_| TestCaseError::fail("the build panicked"))?;
        match result {
            Ok(_) => {
                let manifest = fs::read_to_string(output.join(".dossier-manifest")).unwrap();
                prop_assert!(output.join("index.html").is_file());
                for line in manifest.lines().filter(|l| !l.is_empty()) {
                    prop_assert!(output.join(line).is_file(), "{} listed but missing", line);
                }
            }
            Err(error) => {
                prop_assert!(!error.to_string().is_empty());
                prop_assert!(snapshot(&output) == before, "a failed build changed output/");
            }
        }
        let leftovers = fs::read_dir(dir.path()).unwrap().filter(|e| {
            e.as_ref().unwrap().file_name().to_string_lossy().contains("dossier-")
        }).count();
        prop_assert_eq!(leftovers, 0);
    }
}
