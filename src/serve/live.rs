//! The state the server shows: the last good site, its version, and the problems
//! of the last build if it failed. The rebuild loop writes it; requests read it.

use crate::error::Error;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::Duration;

/// A site's files by path, shared between the rebuild loop, the cache and requests.
pub type SiteFiles = BTreeMap<String, Arc<Vec<u8>>>;

/// One problem of a failed build, as the overlay and the terminal show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// `path:line:col`, or what the problem is about (a template, a folder).
    pub location: String,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    /// Every problem in a failed build: each content diagnostic on its own, any
    /// other error as one problem.
    pub fn all_in(error: &Error) -> Vec<Problem> {
        let diagnostics = error.diagnostics();
        if diagnostics.is_empty() {
            let (location, message) = match error {
                Error::Template { template, message } => {
                    (format!("template {template}"), message.clone())
                }
                Error::Io { path, source } => (path.display().to_string(), source.to_string()),
                other => ("build".to_string(), other.to_string()),
            };
            return vec![Problem {
                location,
                message,
                hint: None,
            }];
        }
        diagnostics
            .iter()
            .map(|d| Problem {
                location: d.location(),
                message: d.message.clone(),
                hint: d.hint.clone(),
            })
            .collect()
    }
}

/// What `/__dossier/version` answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Status {
    /// Changes whenever anything below changes: what a long poll waits on.
    pub generation: u64,
    /// Changes when the site's files change: a page showing an older version reloads.
    pub version: u64,
    /// The last build's problems; empty when it succeeded.
    pub problems: Vec<Problem>,
    /// Set when the server is shutting down: long polls return at once.
    #[serde(skip)]
    pub closing: bool,
}

pub struct LiveSite {
    files: RwLock<Arc<SiteFiles>>,
    status: Mutex<Status>,
    changed: Condvar,
}

impl LiveSite {
    pub fn new(files: Arc<SiteFiles>) -> LiveSite {
        LiveSite {
            files: RwLock::new(files),
            status: Mutex::new(Status {
                generation: 1,
                version: 1,
                ..Status::default()
            }),
            changed: Condvar::new(),
        }
    }

    pub fn files(&self) -> Arc<SiteFiles> {
        self.files.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn status(&self) -> Status {
        self.status
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// A build succeeded. The version moves only when some file changed, so an
    /// edit that changes nothing in the site reloads no page; the problems of a
    /// previous failure are cleared either way.
    pub fn publish(&self, files: Option<Arc<SiteFiles>>) {
        let changed_files = files.is_some();
        if let Some(files) = files {
            *self.files.write().unwrap_or_else(|e| e.into_inner()) = files;
        }
        self.update(|status| {
            if changed_files {
                status.version += 1;
            }
            status.problems.clear();
        });
    }

    /// A build failed: the last good site stays, the problems are shown over it.
    pub fn fail(&self, problems: Vec<Problem>) {
        self.update(|status| status.problems = problems);
    }

    pub fn close(&self) {
        self.update(|status| status.closing = true);
    }

    fn update(&self, change: impl FnOnce(&mut Status)) {
        let mut status = self.status.lock().unwrap_or_else(|e| e.into_inner());
        let before = status.clone();
        change(&mut status);
        if *status != before {
            status.generation += 1;
            self.changed.notify_all();
        }
    }

    /// The status once its generation differs from `since`, or as it is after
    /// `timeout`, whichever comes first.
    pub fn wait_for_change(&self, since: u64, timeout: Duration) -> Status {
        let status = self.status.lock().unwrap_or_else(|e| e.into_inner());
        let (status, _) = self
            .changed
            .wait_timeout_while(status, timeout, |s| s.generation == since && !s.closing)
            .unwrap_or_else(|e| e.into_inner());
        status.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_move_only_with_the_files_and_problems_clear_on_success() {
        let live = LiveSite::new(Arc::default());
        let start = live.status();
        live.fail(vec![Problem {
            location: "notes/a.md:3:1".into(),
            message: "broken".into(),
            hint: None,
        }]);
        let failed = live.status();
        assert_eq!(failed.version, start.version);
        assert!(failed.generation > start.generation);
        assert_eq!(
            live.wait_for_change(start.generation, Duration::ZERO),
            failed
        );
        live.publish(None);
        let fixed = live.status();
        assert!(fixed.problems.is_empty());
        assert_eq!(fixed.version, start.version);
        live.publish(Some(Arc::default()));
        assert_eq!(live.status().version, start.version + 1);
    }
}
