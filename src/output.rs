//! The files of a site as they are made, and where they go: in memory, to disk
//! through `write`, or nowhere (`dossier check`).

use crate::error::{Error, Result};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

/// One file of the site, by its path relative to the output folder. The bytes are
/// shared so that `dossier serve` can keep a site in memory and reuse pages
/// between builds without copying them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Arc<Vec<u8>>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: Vec<u8>) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: Arc::new(bytes),
        }
    }
}

/// Where the files of a site go as they are made: several threads hand files
/// in at once, in no particular order.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile) -> Result<()>;

    /// A file written as it is made, for those too large to build in memory
    /// first. By default it is built in memory and [`Sink::put`].
    fn put_streamed(&self, path: &str, write: &WriteFile) -> Result<()> {
        let mut bytes = Vec::new();
        write(&mut bytes).map_err(|e| Error::io(Path::new(path), e))?;
        self.put(OutputFile::new(path, bytes))
    }
}

/// Writes a file's bytes to the writer it is given.
pub type WriteFile<'a> = dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()> + Sync + 'a;

/// Keeps every file in memory.
#[derive(Default)]
pub struct Collect(std::sync::Mutex<Vec<OutputFile>>);

impl Collect {
    /// The files, sorted by path.
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self
            .0
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<()> {
        lock(&self.0).push(file);
        Ok(())
    }
}

/// Drops every file (`dossier check`): the site is made, so every error is found, but not kept.
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _: OutputFile) -> Result<()> {
        Ok(())
    }
}

/// Locks a mutex, taking over one a panicking thread left: the data it guards stays
/// usable (each write to it is a single push or insert).
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// What a new site changes on an older one: the files that are new or differ, and
/// the paths that are gone. Serve reports it; `write::update` writes only it.
#[derive(Debug, Default)]
pub struct Changes<'a> {
    pub changed: Vec<&'a OutputFile>,
    pub removed: Vec<&'a str>,
}

pub fn changes<'a>(before: &'a [OutputFile], after: &'a [OutputFile]) -> Changes<'a> {
    let old: BTreeMap<&str, &OutputFile> = before.iter().map(|f| (f.path.as_str(), f)).collect();
    let changed = after
        .iter()
        .filter(|f| {
            // Shared bytes are the same page, reused without being compared.
            old.get(f.path.as_str())
                .is_none_or(|o| !Arc::ptr_eq(&o.bytes, &f.bytes) && o.bytes != f.bytes)
        })
        .collect();
    let new: BTreeSet<&str> = after.iter().map(|f| f.path.as_str()).collect();
    let removed = old.into_keys().filter(|p| !new.contains(p)).collect();
    Changes { changed, removed }
}
