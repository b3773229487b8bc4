//! The theme: tera templates and static files, embedded by `build.rs`, overridable
//! file by file from a folder.

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;
use walkdir::WalkDir;

include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

/// Theme files by path relative to the theme folder (`templates/base.html`, `static/style.css`).
#[derive(Debug, Clone)]
pub struct Theme {
    files: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// The embedded default theme, with the files of `overrides` (if any) replacing
    /// or adding to it.
    pub fn load(overrides: Option<&Path>) -> Result<Theme> {
        let mut files: BTreeMap<String, Vec<u8>> = DEFAULT_THEME
            .iter()
            .map(|(name, bytes)| (name.to_string(), bytes.to_vec()))
            .collect();
        if let Some(dir) = overrides {
            if !dir.is_dir() {
                return Err(Error::Theme(format!(
                    "theme folder {} not found",
                    dir.display()
                )));
            }
            for entry in WalkDir::new(dir).sort_by_file_name() {
                let entry = entry.map_err(|e| Error::Theme(e.to_string()))?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let relative = entry.path().strip_prefix(dir).expect("walked from dir");
                let name = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                if name.split('/').any(|part| part.starts_with('.')) {
                    continue;
                }
                let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
                files.insert(name, bytes);
            }
        }
        Ok(Theme { files })
    }

    /// Templates by name (`base.html`), as text.
    pub fn templates(&self) -> Result<Vec<(String, String)>> {
        self.files
            .iter()
            .filter_map(|(name, bytes)| name.strip_prefix("templates/").map(|n| (n, bytes)))
            .map(|(name, bytes)| {
                String::from_utf8(bytes.clone())
                    .map(|text| (name.to_string(), text))
                    .map_err(|_| Error::Theme(format!("template {name} is not UTF-8")))
            })
            .collect()
    }

    /// Files copied to the site as they are, by their path in the site (`static/style.css`).
    pub fn static_files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files
            .iter()
            .filter(|(name, _)| name.starts_with("static/"))
            .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
    }

    pub fn file(&self, name: &str) -> Option<&[u8]> {
        self.files.get(name).map(Vec::as_slice)
    }
}
