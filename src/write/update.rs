//! Brings an output folder that dossier wrote up to date by touching only the
//! files that changed: what `dossier serve` does after each edit, where
//! restaging the whole site would cost more than the rebuild.
//!
//! The same promises as a full write, file by file: each new file is written
//! beside the output folder and renamed into place, so a reader sees the old
//! bytes or the new ones; at every moment each file in the folder is listed in
//! the manifest on disk (it grows before files are added and shrinks after they
//! are removed), so a later `dossier build` still recognises the folder as its
//! own; and nothing the manifest does not list is ever replaced or removed.

use super::{absolute, admit, manifest_text, recover, refused, MANIFEST, STAGING_MARKER};
use crate::error::{Error, Result};
use crate::output::{changes, Changes, OutputFile};
use crate::write::{write, WriteReport};
use std::collections::BTreeSet;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// Updates `output`, which holds `previous` (the files the last write put
/// there), to hold `files`. When the folder is not as that write left it (its
/// manifest differs, or it is gone), it falls back to a full [`write`], with all
/// of its checks.
pub fn update(
    output: &Path,
    content: &Path,
    previous: &[OutputFile],
    files: &[OutputFile],
) -> Result<WriteReport> {
    let output = absolute(output)?;
    let old_manifest = manifest_text(previous.iter().map(|f| f.path.as_str()));
    let on_disk = fs::read_to_string(output.join(MANIFEST)).ok();
    if on_disk.as_deref() != Some(old_manifest.as_str()) {
        return write(&output, content, files);
    }

    let mut paths = BTreeSet::new();
    for file in files {
        admit(&output, &file.path, paths.insert(file.path.as_str()))?;
    }
    let Changes { changed, removed } = changes(previous, files);
    let before: BTreeSet<&str> = previous.iter().map(|f| f.path.as_str()).collect();
    let report = WriteReport {
        written: changed.len(),
        unchanged: files.len() - changed.len(),
        removed: removed.len(),
    };
    if changed.is_empty() && removed.is_empty() {
        return Ok(report);
    }

    // A file that is new to the manifest must not replace one someone else put there.
    for file in changed.iter().filter(|f| !before.contains(f.path.as_str())) {
        let target = output.join(&file.path);
        if fs::symlink_metadata(&target).is_ok() {
            return Err(refused(
                &output,
                &format!(
                    "it holds files that dossier did not write ({}); move them away or choose another --output",
                    file.path
                ),
            ));
        }
    }

    let (staging, previous_dir) = beside(&output)?;
    recover(&output, &staging, &previous_dir)?;
    fs::create_dir(&staging).map_err(|e| Error::io(&staging, e))?;
    let marker = staging.join(STAGING_MARKER);
    fs::write(&marker, "").map_err(|e| Error::io(&marker, e))?;
    let result = apply(&output, &staging, &old_manifest, files, &changed, &removed);
    let cleared = fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, e));
    result.and(cleared).map(|()| report)
}

fn apply(
    output: &Path,
    staging: &Path,
    old_manifest: &str,
    files: &[OutputFile],
    changed: &[&OutputFile],
    removed: &[&str],
) -> Result<()> {
    let new_manifest = manifest_text(files.iter().map(|f| f.path.as_str()));
    // Listed before they exist: the manifest grows first.
    if changed
        .iter()
        .any(|f| !old_manifest.lines().any(|p| p == f.path))
    {
        let mut union: BTreeSet<&str> = old_manifest.lines().collect();
        union.extend(files.iter().map(|f| f.path.as_str()));
        replace(
            staging,
            "manifest.part",
            manifest_text(union.into_iter()).as_bytes(),
            &output.join(MANIFEST),
        )?;
    }
    let mut folders_checked = BTreeSet::new();
    for (index, file) in changed.iter().enumerate() {
        let target = output.join(&file.path);
        if let Some(folder) = target.parent() {
            if folders_checked.insert(folder.to_path_buf()) {
                real_folder(output, folder)?;
            }
        }
        replace(staging, &format!("{index}.part"), &file.bytes, &target)?;
    }
    for path in removed {
        let target = output.join(path);
        match fs::remove_file(&target) {
            Err(e) if e.kind() != ErrorKind::NotFound => return Err(Error::io(&target, e)),
            _ => {}
        }
        remove_empty_folders(output, target.parent());
    }
    // Unlisted only once they are gone: the manifest shrinks last.
    replace(
        staging,
        "manifest.part",
        new_manifest.as_bytes(),
        &output.join(MANIFEST),
    )
}

/// Writes `bytes` into the staging folder, then renames the file over `target`.
fn replace(staging: &Path, name: &str, bytes: &[u8], target: &Path) -> Result<()> {
    let part = staging.join(name);
    fs::write(&part, bytes).map_err(|e| Error::io(&part, e))?;
    fs::rename(&part, target).map_err(|e| Error::io(target, e))
}

/// Makes the folders from `output` down to `folder`, refusing to write through a
/// symlink or over a file: the site stays inside the output folder.
fn real_folder(output: &Path, folder: &Path) -> Result<()> {
    let relative = folder.strip_prefix(output).unwrap_or(Path::new(""));
    let mut current = output.to_path_buf();
    for part in relative.components() {
        current.push(part);
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                return Err(refused(
                    output,
                    &format!("{} is not a folder dossier made", current.display()),
                ))
            }
            Err(e) if e.kind() == ErrorKind::NotFound => {
                fs::create_dir(&current).map_err(|e| Error::io(&current, e))?;
            }
            Err(e) => return Err(Error::io(&current, e)),
        }
    }
    Ok(())
}

/// A folder left empty by a removed page goes too, as it would after a full
/// write; one that still holds anything stays.
fn remove_empty_folders(output: &Path, mut folder: Option<&Path>) {
    while let Some(dir) = folder {
        if dir == output || !dir.starts_with(output) || fs::remove_dir(dir).is_err() {
            break;
        }
        folder = dir.parent();
    }
}

/// The staging and previous-build folders a full write uses beside `output`.
fn beside(output: &Path) -> Result<(PathBuf, PathBuf)> {
    let parent = output
        .parent()
        .ok_or_else(|| refused(output, "it has no parent folder"))?;
    let name = output
        .file_name()
        .ok_or_else(|| refused(output, "it has no name"))?
        .to_string_lossy();
    Ok((
        parent.join(format!(".{name}.dossier-staging")),
        parent.join(format!(".{name}.dossier-previous")),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::new(path, text.as_bytes().to_vec())
    }

    fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        fs::create_dir(&content).unwrap();
        let out = dir.path().join("site");
        (dir, content, out)
    }

    #[test]
    fn only_changed_files_are_touched_and_the_result_equals_a_full_write() {
        let (dir, content, out) = setup();
        let first = vec![
            file("a.html", "A"),
            file("keep.html", "K"),
            file("tags/x.html", "X"),
        ];
        write(&out, &content, &first).unwrap();
        let kept_since = fs::metadata(out.join("keep.html"))
            .unwrap()
            .modified()
            .unwrap();
        let second = vec![
            file("a.html", "A2"),
            first[1].clone(),
            file("notes/new.html", "N"),
        ];
        let report = update(&out, &content, &first, &second).unwrap();
        assert_eq!(
            (report.written, report.unchanged, report.removed),
            (2, 1, 1)
        );
        assert_eq!(
            fs::metadata(out.join("keep.html"))
                .unwrap()
                .modified()
                .unwrap(),
            kept_since
        );
        assert!(!out.join("tags").exists(), "an emptied folder is removed");
        let fresh = dir.path().join("fresh");
        write(&fresh, &content, &second).unwrap();
        for path in ["a.html", "keep.html", "notes/new.html", MANIFEST] {
            assert_eq!(
                fs::read(out.join(path)).unwrap(),
                fs::read(fresh.join(path)).unwrap(),
                "{path}"
            );
        }
        assert!(!dir.path().join(".site.dossier-staging").exists());
        // The folder is still dossier's own to a later full build.
        write(&out, &content, &first).unwrap();
    }

    #[test]
    fn a_foreign_file_where_a_new_page_goes_is_refused_and_kept() {
        let (_dir, content, out) = setup();
        let first = vec![file("a.html", "A")];
        write(&out, &content, &first).unwrap();
        fs::create_dir(out.join("notes")).unwrap();
        fs::write(out.join("notes/mine.html"), "precious").unwrap();
        let second = vec![file("a.html", "A"), file("notes/mine.html", "N")];
        assert!(update(&out, &content, &first, &second).is_err());
        assert_eq!(
            fs::read_to_string(out.join("notes/mine.html")).unwrap(),
            "precious"
        );
    }

    #[test]
    fn a_folder_someone_else_rebuilt_gets_a_full_write() {
        let (_dir, content, out) = setup();
        let first = vec![file("a.html", "A")];
        write(&out, &content, &first).unwrap();
        write(&out, &content, &[file("b.html", "B")]).unwrap();
        let third = vec![file("c.html", "C")];
        update(&out, &content, &first, &third).unwrap();
        assert!(!out.join("b.html").exists());
        assert_eq!(fs::read_to_string(out.join("c.html")).unwrap(), "C");
    }

    #[cfg(unix)]
    #[test]
    fn never_writes_through_a_symlinked_folder() {
        let (dir, content, out) = setup();
        let first = vec![file("a.html", "A"), file("notes/b.html", "B")];
        write(&out, &content, &first).unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        fs::remove_dir_all(out.join("notes")).unwrap();
        std::os::unix::fs::symlink(&elsewhere, out.join("notes")).unwrap();
        let second = vec![file("a.html", "A"), file("notes/b.html", "B2")];
        assert!(update(&out, &content, &first, &second).is_err());
        assert!(!elsewhere.join("b.html").exists());
    }
}
