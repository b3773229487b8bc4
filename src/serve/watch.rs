//! Watches the content and theme folders and says when to rebuild: once a change
//! has happened and the folders have then been quiet for a moment.
//!
//! A rebuild reads the whole tree from disk, not the events, so all the watcher
//! has to get right is the timing. Waiting for quiet over every path at once
//! (rather than debouncing each path on its own) is what makes an editor's
//! write-to-temp-then-rename, or delete-then-create, a single rebuild that sees
//! the final file, never the moment in between.

use crate::error::{Error, Result};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// How long the folders must be quiet before a rebuild starts.
pub const QUIET: Duration = Duration::from_millis(150);

/// What the rebuild loop waits for.
pub enum Signal {
    Changed(notify::Result<Event>),
    /// Ctrl-C, or the caller is done.
    Stop,
}

/// What came of waiting.
#[derive(Debug, PartialEq, Eq)]
pub enum Wake {
    /// Something changed and has settled: rebuild. The paths are for the log.
    Rebuild(Vec<PathBuf>),
    Stop,
}

pub struct Watcher {
    inner: RecommendedWatcher,
    signals: Receiver<Signal>,
    sender: Sender<Signal>,
    watched: Vec<PathBuf>,
    /// Changes here are the generator's own (the output folder) or not content.
    ignored: Vec<PathBuf>,
}

impl Watcher {
    pub fn new(ignored: Vec<PathBuf>) -> Result<Watcher> {
        let (sender, signals) = channel();
        let events = sender.clone();
        let inner = notify::recommended_watcher(move |event| {
            let _ = events.send(Signal::Changed(event));
        })
        .map_err(|e| watch_error(Path::new("."), e))?;
        Ok(Watcher {
            inner,
            signals,
            sender,
            watched: Vec::new(),
            ignored: ignored.iter().map(|p| absolute(p)).collect(),
        })
    }

    /// A handle that stops [`Watcher::wait`], from a Ctrl-C handler or another thread.
    pub fn stopper(&self) -> Sender<Signal> {
        self.sender.clone()
    }

    /// Watches exactly these folders (recursively) from now on; a folder that
    /// does not exist is skipped.
    pub fn watch(&mut self, folders: &[PathBuf]) -> Result<()> {
        let wanted: Vec<PathBuf> = folders
            .iter()
            .filter(|f| f.is_dir())
            .map(|f| absolute(f))
            .collect();
        for old in std::mem::take(&mut self.watched) {
            if !wanted.contains(&old) {
                let _ = self.inner.unwatch(&old);
            } else {
                self.watched.push(old);
            }
        }
        for folder in wanted {
            if !self.watched.contains(&folder) {
                self.inner
                    .watch(&folder, RecursiveMode::Recursive)
                    .map_err(|e| watch_error(&folder, e))?;
                self.watched.push(folder);
            }
        }
        Ok(())
    }

    /// Blocks until a change that matters has happened and the folders have been
    /// quiet for `quiet` since, or until told to stop.
    pub fn wait(&self, quiet: Duration) -> Wake {
        let mut changed: Vec<PathBuf> = Vec::new();
        loop {
            let signal = if changed.is_empty() {
                self.signals
                    .recv()
                    .map_err(|_| RecvTimeoutError::Disconnected)
            } else {
                self.signals.recv_timeout(quiet)
            };
            match signal {
                Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return Wake::Stop,
                Err(RecvTimeoutError::Timeout) => return Wake::Rebuild(changed),
                Ok(Signal::Changed(Err(_))) => {
                    // The watcher lost track (an overflowing queue): the tree
                    // may have changed in any way, and a rebuild reads it all.
                    changed.push(PathBuf::new());
                }
                Ok(Signal::Changed(Ok(event))) => {
                    if matters(&event.kind) {
                        for path in event.paths {
                            if !self.is_ignored(&path) && !changed.contains(&path) {
                                changed.push(path);
                            }
                        }
                    }
                }
            }
        }
    }

    fn is_ignored(&self, path: &Path) -> bool {
        if self.ignored.iter().any(|i| path.starts_with(i)) {
            return true;
        }
        let below_root = self
            .watched
            .iter()
            .find_map(|root| path.strip_prefix(root).ok())
            .unwrap_or(path);
        below_root
            .components()
            .any(|c| is_editor_scratch(&c.as_os_str().to_string_lossy()))
    }
}

/// Reading a file changes nothing; everything else may.
fn matters(kind: &EventKind) -> bool {
    !matches!(kind, EventKind::Access(_))
}

/// Files editors write beside the one being edited, which dossier never reads:
/// hidden files (vim's `.x.swp`, emacs's `.#x` locks), backups (`x~`), vim's
/// `4913` probe, JetBrains' safe-write files.
pub fn is_editor_scratch(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name == "4913"
        || [".swp", ".swx", ".swo", "___jb_tmp___", "___jb_old___"]
            .iter()
            .any(|suffix| name.ends_with(suffix))
}

fn watch_error(path: &Path, error: notify::Error) -> Error {
    let message = match error.kind {
        notify::ErrorKind::Io(io) => io.to_string(),
        // Linux's limit on inotify watches, the usual cause with huge folders.
        notify::ErrorKind::MaxFilesWatch => {
            "too many folders to watch (raise fs.inotify.max_user_watches)".to_string()
        }
        other => format!("{other:?}"),
    };
    Error::Watch {
        path: path.to_path_buf(),
        message,
    }
}

/// Events name absolute paths: compare them with absolute, resolved ones.
fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|cwd| cwd.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn editor_scratch_files_are_not_content() {
        for name in [
            ".overview.md.swp",
            "overview.md~",
            ".#overview.md",
            "4913",
            "a.md___jb_tmp___",
        ] {
            assert!(is_editor_scratch(name), "{name}");
        }
        for name in ["overview.md", "notes", "claims.toml"] {
            assert!(!is_editor_scratch(name), "{name}");
        }
    }

    #[test]
    fn a_temp_write_and_rename_is_one_rebuild() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes");
        fs::create_dir(&notes).unwrap();
        fs::write(notes.join("a.md"), "old").unwrap();
        let mut watcher = Watcher::new(vec![dir.path().join("output")]).unwrap();
        watcher.watch(&[dir.path().to_path_buf()]).unwrap();
        // What many editors do on save: write a scratch file, then rename it over.
        fs::write(notes.join(".a.md.swp"), "scratch").unwrap();
        fs::write(notes.join("a.md.tmp"), "new").unwrap();
        fs::rename(notes.join("a.md.tmp"), notes.join("a.md")).unwrap();
        fs::remove_file(notes.join(".a.md.swp")).unwrap();
        // A generous quiet window: on a loaded machine, events may trickle in.
        let quiet = Duration::from_secs(1);
        let Wake::Rebuild(paths) = watcher.wait(quiet) else {
            panic!("no rebuild")
        };
        assert!(paths.iter().any(|p| p.ends_with("notes/a.md")), "{paths:?}");
        assert!(!paths.iter().any(|p| p.ends_with(".a.md.swp")), "{paths:?}");
        // Everything was taken in by that one wake-up: the next one is the stop.
        watcher.stopper().send(Signal::Stop).unwrap();
        assert_eq!(watcher.wait(quiet), Wake::Stop);
    }

    #[test]
    fn changes_to_ignored_folders_wake_nobody() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("output");
        fs::create_dir(&output).unwrap();
        let mut watcher = Watcher::new(vec![output.clone()]).unwrap();
        watcher.watch(&[dir.path().to_path_buf()]).unwrap();
        fs::write(output.join("index.html"), "x").unwrap();
        fs::write(dir.path().join("a.md~"), "x").unwrap();
        std::thread::sleep(Duration::from_millis(300));
        watcher.stopper().send(Signal::Stop).unwrap();
        assert_eq!(watcher.wait(QUIET), Wake::Stop);
    }
}
