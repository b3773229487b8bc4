//! Stage 6: put the rendered site in place without ever losing a file.
//!
//! The site is written into a staging folder beside the output folder and swapped in
//! with two renames, so a build stopped at any moment leaves the previous site whole.
//! A manifest lists what dossier wrote; a folder holding anything else is refused.

use crate::error::{Error, Result};
use crate::output::{lock, OutputFile};
use std::collections::BTreeSet;
use std::fs;
use std::io::ErrorKind;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use walkdir::WalkDir;

mod update;
pub use update::update;

/// Lists, one per line, every file dossier wrote into the output folder.
pub const MANIFEST: &str = ".dossier-manifest";

/// Marks a staging folder as dossier's own, from the moment it is created.
const STAGING_MARKER: &str = ".dossier-staging";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files whose bytes are new or changed.
    pub written: usize,
    /// Files kept as they were, because their bytes did not change.
    pub unchanged: usize,
    /// Files of the previous build that this build no longer makes.
    pub removed: usize,
}

/// Writes a whole site held in memory; see [`Staging`] for how.
pub fn write(output: &Path, content: &Path, files: &[OutputFile]) -> Result<WriteReport> {
    let staging = Staging::begin(output, content)?;
    for file in files {
        staging.put(file)?;
    }
    staging.finish()
}

/// A site being written: files go into a staging folder beside the output
/// folder as they are made (from several threads at once), and [`Staging::finish`]
/// swaps it in. Until then the output folder is untouched; a `Staging` dropped
/// unfinished (an error, a panic) removes its folder.
pub struct Staging {
    output: PathBuf,
    folder: PathBuf,
    previous: PathBuf,
    old_manifest: Option<Vec<String>>,
    /// Every path put so far: a second file for one path is an error.
    paths: Mutex<BTreeSet<String>>,
    /// Folders already created, so each is made once.
    folders: Mutex<BTreeSet<PathBuf>>,
    written: AtomicUsize,
    unchanged: AtomicUsize,
    finished: bool,
}

impl Staging {
    /// Checks that `output` is dossier's to replace (and not the content), clears
    /// what an interrupted build left, and creates the staging folder.
    pub fn begin(output: &Path, content: &Path) -> Result<Staging> {
        let output = absolute(output)?;
        let parent = output
            .parent()
            .ok_or_else(|| refused(&output, "it has no parent folder"))?
            .to_path_buf();
        let name = output
            .file_name()
            .ok_or_else(|| refused(&output, "it has no name"))?
            .to_string_lossy()
            .to_string();
        let folder = parent.join(format!(".{name}.dossier-staging"));
        let previous = parent.join(format!(".{name}.dossier-previous"));

        check_output(&output, content)?;
        recover(&output, &folder, &previous)?;
        let old_manifest = check_output(&output, content)?;
        fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        fs::create_dir(&folder).map_err(|e| Error::io(&folder, e))?;
        let staging = Staging {
            output,
            folder,
            previous,
            old_manifest,
            paths: Mutex::default(),
            folders: Mutex::default(),
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            finished: false,
        };
        let marker = staging.folder.join(STAGING_MARKER);
        fs::write(&marker, "").map_err(|e| Error::io(&marker, e))?;
        Ok(staging)
    }

    /// Writes one file of the site. An unchanged file is linked, not rewritten:
    /// its date stays that of its last change.
    pub fn put(&self, file: &OutputFile) -> Result<()> {
        let target = self.claim(&file.path)?;
        let existing = self.output.join(&file.path);
        let unchanged = fs::read(&existing).is_ok_and(|old| old == *file.bytes)
            && fs::hard_link(&existing, &target).is_ok();
        if unchanged {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
        } else {
            fs::write(&target, file.bytes.as_slice()).map_err(|e| Error::io(&target, e))?;
            self.written.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }

    /// Checks a path and reserves it, and makes its folder: where the file goes.
    fn claim(&self, path: &str) -> Result<PathBuf> {
        admit(
            &self.output,
            path,
            lock(&self.paths).insert(path.to_string()),
        )?;
        let target = self.folder.join(path);
        if let Some(folder) = target.parent() {
            if !lock(&self.folders).contains(folder) {
                fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
                lock(&self.folders).insert(folder.to_path_buf());
            }
        }
        Ok(target)
    }

    /// Lists the files in the manifest and swaps the staging folder in.
    pub fn finish(mut self) -> Result<WriteReport> {
        let paths = std::mem::take(&mut *lock(&self.paths));
        let manifest = self.folder.join(MANIFEST);
        fs::write(&manifest, manifest_text(paths.iter().map(String::as_str)))
            .map_err(|e| Error::io(&manifest, e))?;
        let report = WriteReport {
            written: self.written.load(Ordering::Relaxed),
            unchanged: self.unchanged.load(Ordering::Relaxed),
            removed: self.old_manifest.as_ref().map_or(0, |old| {
                old.iter().filter(|p| !paths.contains(p.as_str())).count()
            }),
        };
        // Complete and listed in its manifest: the marker has done its work.
        let marker = self.folder.join(STAGING_MARKER);
        fs::remove_file(&marker).map_err(|e| Error::io(&marker, e))?;
        self.finished = true;
        let (output, staging, previous) = (&self.output, &self.folder, &self.previous);
        if output.exists() {
            if exchange(staging, output) {
                // The old site is now in the staging folder, and `output` was never missing.
                // Only a folder that held nothing but dossier's own files reaches this point.
                remove_site(staging)?;
            } else {
                fs::rename(output, previous).map_err(|e| Error::io(output, e))?;
                fs::rename(staging, output).map_err(|e| Error::io(output, e))?;
                remove_site(previous)?;
            }
        } else {
            fs::rename(staging, output).map_err(|e| Error::io(output, e))?;
        }
        Ok(report)
    }
}

impl crate::output::Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<()> {
        Staging::put(self, &file)
    }

    fn put_streamed(&self, path: &str, write: &crate::output::WriteFile) -> Result<()> {
        let target = self.claim(path)?;
        let file = fs::File::create(&target).map_err(|e| Error::io(&target, e))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| Error::io(&target, e))?;
        drop(out);
        // Unchanged: the previous file takes the new one's place, keeping its date.
        // Linked beside it, then renamed over it, so the target is never missing.
        let existing = self.output.join(path);
        let link = target.with_extension("dossier-link");
        let unchanged = same_bytes(&existing, &target).unwrap_or(false)
            && fs::hard_link(&existing, &link).is_ok()
            && fs::rename(&link, &target).is_ok();
        if unchanged {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
        } else {
            let _ = fs::remove_file(&link);
            self.written.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }
}

/// Whether two files hold the same bytes, read in blocks.
fn same_bytes(a: &Path, b: &Path) -> std::io::Result<bool> {
    use std::io::Read;
    let (a, b) = (fs::File::open(a)?, fs::File::open(b)?);
    if a.metadata()?.len() != b.metadata()?.len() {
        return Ok(false);
    }
    let (mut a, mut b) = (std::io::BufReader::new(a), std::io::BufReader::new(b));
    let (mut block_a, mut block_b) = (vec![0; 1 << 16], vec![0; 1 << 16]);
    loop {
        let read = a.read(&mut block_a)?;
        if read == 0 {
            return Ok(true);
        }
        b.read_exact(&mut block_b[..read])?;
        if block_a[..read] != block_b[..read] {
            return Ok(false);
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = fs::remove_dir_all(&self.folder);
        }
    }
}

/// Swaps two folders in one step where the system can (Linux `renameat2`
/// with `RENAME_EXCHANGE`), so a reader never finds the output missing.
/// False when it cannot, and nothing was changed.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

/// Removes a site dossier wrote (the one just swapped out) so that, stopped at
/// any moment, it leaves a folder the next build knows for its own: the marker
/// goes in first and out last, and the manifest stays until every file it lists
/// is gone. What is left at the very end is an empty folder.
fn remove_site(folder: &Path) -> Result<()> {
    let io = |path: &Path, e| Error::io(path, e);
    let marker = folder.join(STAGING_MARKER);
    fs::write(&marker, "").map_err(|e| io(&marker, e))?;
    let manifest = folder.join(MANIFEST);
    for entry in WalkDir::new(folder).min_depth(1).contents_first(true) {
        let entry = entry.map_err(|e| io(folder, e.into()))?;
        let path = entry.path();
        if path == marker || path == manifest {
            continue;
        }
        if entry.file_type().is_dir() {
            fs::remove_dir(path).map_err(|e| io(path, e))?;
        } else {
            fs::remove_file(path).map_err(|e| io(path, e))?;
        }
    }
    let _ = fs::remove_file(&manifest);
    fs::remove_file(&marker).map_err(|e| io(&marker, e))?;
    fs::remove_dir(folder).map_err(|e| io(folder, e))
}

fn is_empty_folder(path: &Path) -> bool {
    fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none())
}

/// Finishes or clears what an interrupted build left behind; a folder of that name
/// that dossier did not make is refused, never removed (an empty one holds nothing to lose).
fn recover(output: &Path, staging: &Path, previous: &Path) -> Result<()> {
    if staging.exists() {
        if !staging.join(STAGING_MARKER).is_file()
            && !is_empty_folder(staging)
            && owned_files(staging)?.is_none()
        {
            return Err(refused(
                staging,
                "a folder of this name exists and was not made by dossier",
            ));
        }
        fs::remove_dir_all(staging).map_err(|e| Error::io(staging, e))?;
    }
    if previous.exists() && (is_empty_folder(previous) || previous.join(STAGING_MARKER).is_file()) {
        // A previous site whose removal was stopped: its marker went in first.
        fs::remove_dir_all(previous).map_err(|e| Error::io(previous, e))?;
    }
    if previous.exists() {
        if owned_files(previous)?.is_none()
            || fs::symlink_metadata(previous.join(MANIFEST)).is_err()
        {
            return Err(refused(
                previous,
                "a folder of this name exists and was not made by dossier",
            ));
        }
        if output.exists() {
            fs::remove_dir_all(previous).map_err(|e| Error::io(previous, e))?;
        } else {
            // Stopped between the two renames: the previous site is the last good one.
            fs::rename(previous, output).map_err(|e| Error::io(output, e))?;
        }
    }
    Ok(())
}

/// Refuses an output folder that is not dossier's to replace. Returns the previous
/// build's manifest, if there is one.
pub fn check_output(output: &Path, content: &Path) -> Result<Option<Vec<String>>> {
    let output = absolute(output)?;
    let content = absolute(content)?;
    if output.starts_with(&content) {
        return Err(refused(&output, "it is inside the content folder"));
    }
    if content.starts_with(&output) {
        return Err(refused(&output, "it contains the content folder"));
    }
    match fs::symlink_metadata(&output) {
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(&output, e)),
        Ok(meta) if !meta.is_dir() => return Err(refused(&output, "it is not a folder")),
        Ok(_) => {}
    }
    let (manifest, foreign) = inventory(&output)?;
    if foreign.is_empty() {
        return Ok(manifest);
    }
    let shown: Vec<&str> = foreign.iter().take(5).map(String::as_str).collect();
    let more = foreign.len().saturating_sub(shown.len());
    let what = if manifest.is_some() {
        "it holds files that dossier did not write"
    } else {
        "it is not empty and was not made by dossier"
    };
    Err(refused(
        &output,
        &format!(
            "{what} ({}{}); move them away or choose another --output",
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ),
    ))
}

/// The manifest of a folder dossier wrote, if every entry in it is listed there.
fn owned_files(dir: &Path) -> Result<Option<Vec<String>>> {
    let (manifest, foreign) = inventory(dir)?;
    Ok(manifest.filter(|_| foreign.is_empty()))
}

/// A folder's manifest (if any) and every file or folder in it that the manifest
/// does not account for. A folder counts as accounted for only when a listed
/// file lies inside it: an empty or foreign subfolder is someone else's.
fn inventory(dir: &Path) -> Result<(Option<Vec<String>>, Vec<String>)> {
    let manifest_path = dir.join(MANIFEST);
    let manifest = match fs::read_to_string(&manifest_path) {
        Ok(text) => Some(text.lines().map(str::to_string).collect::<Vec<_>>()),
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io(&manifest_path, e)),
    };
    let known: BTreeSet<&str> = manifest.iter().flatten().map(String::as_str).collect();
    let folders: BTreeSet<&str> = known
        .iter()
        .flat_map(|path| path.match_indices('/').map(move |(i, _)| &path[..i]))
        .collect();
    let mut foreign = Vec::new();
    for entry in WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::io(dir, e.into()))?;
        let relative = relative_name(entry.path(), dir);
        let listed = if entry.file_type().is_dir() {
            folders.contains(relative.as_str())
        } else {
            relative == MANIFEST || relative == STAGING_MARKER || known.contains(relative.as_str())
        };
        if !listed {
            foreign.push(relative);
        }
    }
    Ok((manifest, foreign))
}

fn manifest_text<'a>(paths: impl Iterator<Item = &'a str>) -> String {
    let mut manifest = String::new();
    for path in paths {
        manifest.push_str(path);
        manifest.push('\n');
    }
    manifest
}

/// Every written path must stay inside the output folder.
fn check_relative(path: &str) -> Result<(), String> {
    let ok = !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        && path != MANIFEST;
    if ok {
        Ok(())
    } else {
        Err(format!(
            "the site would write outside it or over its manifest: '{path}'"
        ))
    }
}

fn relative_name(path: &Path, root: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// An absolute, normalised path, whether or not it exists yet.
fn absolute(path: &Path) -> Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| Error::io(path, e))?
            .join(path)
    };
    // Resolve symlinks in the part that exists, so two names for one folder compare equal.
    let mut existing = joined.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        match Path::new(&name).components().next() {
            Some(Component::ParentDir) => {
                resolved.pop();
            }
            Some(Component::CurDir) => {}
            _ => resolved.push(name),
        }
    }
    Ok(resolved)
}

/// A page's path as the output takes it: relative, inside the folder, not the
/// manifest's, and `first` to claim it.
fn admit(output: &Path, path: &str, first: bool) -> Result<()> {
    check_relative(path).map_err(|reason| refused(output, &reason))?;
    if !first {
        return Err(refused(
            output,
            &format!("two pages would both be written to '{path}'"),
        ));
    }
    Ok(())
}

fn refused(path: &Path, reason: &str) -> Error {
    Error::OutputRefused {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::new(path, text.as_bytes().to_vec())
    }

    #[test]
    fn writes_swaps_and_removes_only_its_own_stale_files() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        fs::create_dir(&content).unwrap();
        let out = dir.path().join("site");
        let first = write(
            &out,
            &content,
            &[file("a.html", "A"), file("x/b.html", "B")],
        )
        .unwrap();
        assert_eq!(first.written, 2);
        let second = write(&out, &content, &[file("a.html", "A"), file("c.html", "C")]).unwrap();
        assert_eq!(
            (second.written, second.unchanged, second.removed),
            (1, 1, 1)
        );
        assert!(!out.join("x/b.html").exists());
        assert_eq!(fs::read_to_string(out.join("c.html")).unwrap(), "C");
        assert!(!dir.path().join(".site.dossier-staging").exists());
        assert!(!dir.path().join(".site.dossier-previous").exists());
    }

    #[test]
    fn refuses_folders_with_foreign_files_and_leaves_them_alone() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        fs::create_dir(&content).unwrap();
        let out = dir.path().join("home");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("thesis.docx"), "precious").unwrap();
        let error = write(&out, &content, &[file("a.html", "A")]).unwrap_err();
        assert!(error.to_string().contains("thesis.docx"), "{error}");
        assert_eq!(
            fs::read_to_string(out.join("thesis.docx")).unwrap(),
            "precious"
        );
        assert!(!out.join("a.html").exists());

        // A file added to a built site is not dossier's either.
        let site = dir.path().join("site");
        write(&site, &content, &[file("a.html", "A")]).unwrap();
        fs::write(site.join("CNAME"), "example.org").unwrap();
        assert!(write(&site, &content, &[file("a.html", "B")]).is_err());
        assert_eq!(fs::read_to_string(site.join("a.html")).unwrap(), "A");
    }

    #[test]
    fn refuses_the_content_folder_and_its_parents() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        fs::create_dir(&content).unwrap();
        assert!(write(&content, &content, &[file("a.html", "A")]).is_err());
        assert!(write(&content.join("out"), &content, &[file("a.html", "A")]).is_err());
        assert!(write(dir.path(), &content, &[file("a.html", "A")]).is_err());
        assert!(!content.join("a.html").exists());
    }

    #[test]
    fn recovers_a_build_stopped_between_the_renames() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        fs::create_dir(&content).unwrap();
        let out = dir.path().join("site");
        write(&out, &content, &[file("a.html", "A")]).unwrap();
        fs::rename(&out, dir.path().join(".site.dossier-previous")).unwrap();
        // A staging folder a killed build left half-filled.
        fs::create_dir(dir.path().join(".site.dossier-staging")).unwrap();
        fs::write(
            dir.path()
                .join(".site.dossier-staging")
                .join(STAGING_MARKER),
            "",
        )
        .unwrap();
        fs::write(dir.path().join(".site.dossier-staging/half.html"), "x").unwrap();
        let report = write(&out, &content, &[file("a.html", "A")]).unwrap();
        assert_eq!(report.unchanged, 1);
        assert!(!dir.path().join(".site.dossier-previous").exists());
    }

    #[test]
    fn an_old_site_whose_removal_was_stopped_is_cleared_by_the_next_build() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        fs::create_dir(&content).unwrap();
        let out = dir.path().join("site");
        write(&out, &content, &[file("a.html", "A")]).unwrap();
        let staging = dir.path().join(".site.dossier-staging");
        // Stopped inside remove_site: the marker is in, the manifest already gone.
        fs::create_dir_all(staging.join("notes")).unwrap();
        fs::write(staging.join(STAGING_MARKER), "").unwrap();
        fs::write(staging.join("notes/old.html"), "old").unwrap();
        write(&out, &content, &[file("a.html", "A")]).unwrap();
        assert!(!staging.exists());
        // Stopped after the marker went: an empty folder.
        fs::create_dir(&staging).unwrap();
        write(&out, &content, &[file("a.html", "B")]).unwrap();
        assert!(!staging.exists());
        // A whole build removes the site it replaced, and nothing else.
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "B");
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "only content/ and site/ remain");
    }

    #[test]
    fn foreign_subfolders_and_look_alike_folders_are_never_removed() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        fs::create_dir(&content).unwrap();
        // A folder holding only (empty) subfolders is not empty.
        let out = dir.path().join("site");
        fs::create_dir_all(out.join("myproject/drafts")).unwrap();
        assert!(write(&out, &content, &[file("a.html", "A")]).is_err());
        assert!(out.join("myproject/drafts").is_dir());

        // Folders named like dossier's staging and previous folders, but not made by it.
        let out = dir.path().join("web");
        fs::create_dir_all(dir.path().join(".web.dossier-staging")).unwrap();
        fs::write(dir.path().join(".web.dossier-staging/notes.txt"), "mine").unwrap();
        assert!(write(&out, &content, &[file("a.html", "A")]).is_err());
        assert!(dir.path().join(".web.dossier-staging/notes.txt").exists());
        fs::remove_dir_all(dir.path().join(".web.dossier-staging")).unwrap();
        fs::create_dir_all(dir.path().join(".web.dossier-previous")).unwrap();
        fs::write(dir.path().join(".web.dossier-previous/notes.txt"), "mine").unwrap();
        assert!(write(&out, &content, &[file("a.html", "A")]).is_err());
        assert!(dir.path().join(".web.dossier-previous/notes.txt").exists());
        // Refused before anything is touched, for an output that is refused anyway.
        assert!(write(&content, &content, &[file("a.html", "A")]).is_err());
    }

    #[test]
    fn two_files_for_one_path_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        fs::create_dir(&content).unwrap();
        let error = write(
            &dir.path().join("site"),
            &content,
            &[file("a.html", "A"), file("a.html", "B")],
        )
        .unwrap_err();
        assert!(error.to_string().contains("a.html"));
    }

    #[test]
    fn paths_must_stay_inside() {
        assert!(check_relative("sources/a.html").is_ok());
        assert!(check_relative("../evil").is_err());
        assert!(check_relative("/etc/passwd").is_err());
        assert!(check_relative(MANIFEST).is_err());
    }
}
