//! The state the server shows: the last good site, its version, and the problems
//! of the last build if it failed. The rebuild loop writes it; requests read it.

use crate::error::Error;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;
use tokio::sync::watch;

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
    /// Written from the rebuild thread, awaited by long polls: a waiting poll
    /// holds no thread.
    status: watch::Sender<Status>,
}

impl LiveSite {
    pub fn new(files: Arc<SiteFiles>) -> LiveSite {
        LiveSite {
            files: RwLock::new(files),
            status: watch::Sender::new(Status {
                generation: 1,
                version: 1,
                ..Status::default()
            }),
        }
    }

    pub fn files(&self) -> Arc<SiteFiles> {
        self.files.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn status(&self) -> Status {
        self.status.borrow().clone()
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
        self.status.send_if_modified(|status| {
            let before = status.clone();
            change(status);
            let changed = *status != before;
            if changed {
                status.generation += 1;
            }
            changed
        });
    }

    /// The status once its generation differs from `since`, or as it is after
    /// `timeout`, whichever comes first.
    pub async fn changed_since(&self, since: u64, timeout: Duration) -> Status {
        let mut status = self.status.subscribe();
        let changed = status.wait_for(|s| s.generation != since || s.closing);
        let _ = tokio::time::timeout(timeout, changed).await;
        self.status()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::block_on;

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
        let waited = block_on(live.changed_since(start.generation, Duration::ZERO));
        assert_eq!(waited, failed);
        live.publish(None);
        let fixed = live.status();
        assert!(fixed.problems.is_empty());
        assert_eq!(fixed.version, start.version);
        live.publish(Some(Arc::default()));
        assert_eq!(live.status().version, start.version + 1);
    }

    #[test]
    fn a_long_poll_wakes_when_the_rebuild_thread_publishes() {
        let live = Arc::new(LiveSite::new(Arc::default()));
        let since = live.status().generation;
        let rebuild = {
            let live = live.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                live.publish(Some(Arc::default()));
            })
        };
        // A ceiling against hanging, not a measurement.
        let woken = block_on(live.changed_since(since, Duration::from_secs(60)));
        assert!(woken.generation > since);
        rebuild.join().unwrap();
        // Closing releases a waiting poll whatever generation it waits on.
        live.close();
        let closing =
            block_on(live.changed_since(live.status().generation, Duration::from_secs(60)));
        assert!(closing.closing);
    }
}
