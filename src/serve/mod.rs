//! `dossier serve`: build, serve the site from memory on the loopback address,
//! watch the content and the theme, rebuild what an edit changed, and reload the
//! pages open in a browser. A build that fails leaves the last good site up, with
//! its problems shown over it. See docs/SERVE.md.

mod live;
mod reload;
mod respond;
pub mod route;
mod server;
pub mod watch;

pub use live::{Problem, SiteFiles, Status};
pub use server::{HEADER_TIMEOUT, MAX_HEAD};

use crate::error::{Error, Result};
use crate::output::OutputFile;
use crate::pipeline::{Options, Rebuild, Session, Silent};
use live::LiveSite;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::time::{Duration, Instant};
use watch::{Signal, Wake, Watcher};

/// The port `dossier serve` listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 8765;

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: Options,
    /// The loopback address unless the user chose another.
    pub address: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
}

impl ServeOptions {
    pub fn new(build: Options) -> ServeOptions {
        ServeOptions {
            build,
            address: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: DEFAULT_PORT,
        }
    }
}

/// What a serve session tells its user, as it happens. The command line prints
/// it; a test can stay silent.
pub trait Events: Send + Sync {
    /// A build succeeded: the first one, or a rebuild after `changed` files.
    /// `shown` is when the new pages were being served, `elapsed` when they
    /// were also on disk.
    fn built(&self, rebuild: &Rebuild, shown: Duration, elapsed: Duration);
    /// A build failed; the last good site is still served.
    fn failed(&self, error: &Error);
}

/// A running preview. [`Preview::run`] rebuilds on every change until stopped.
pub struct Preview {
    session: Session,
    live: Arc<LiveSite>,
    server: server::Server,
    watcher: Watcher,
    events: Arc<dyn Events>,
    watched: Vec<PathBuf>,
}

/// Stops a running preview, from a Ctrl-C handler or another thread.
#[derive(Clone)]
pub struct Stopper(Sender<Signal>);

impl Stopper {
    pub fn stop(&self) {
        let _ = self.0.send(Signal::Stop);
    }
}

impl Preview {
    /// Builds the site, starts serving it and starts watching. A content or theme
    /// problem in this first build does not stop the preview: a placeholder page
    /// shows the problems until they are fixed. An output folder that is not
    /// dossier's to write, or an address that cannot be had, does.
    pub fn start(options: ServeOptions, events: Arc<dyn Events>) -> Result<Preview> {
        let mut session = Session::new(options.build.clone());
        let started = Instant::now();
        let mut watched = vec![options.build.content.clone()];
        let live = match session.rebuild(&Silent) {
            Ok(rebuild) => {
                watched.extend(rebuild.theme_folder.clone());
                events.built(&rebuild, started.elapsed(), started.elapsed());
                LiveSite::new(Arc::new(site_files(session.files())))
            }
            Err(error @ (Error::OutputRefused { .. } | Error::Io { .. })) => return Err(error),
            Err(error) => {
                watched.extend(options.build.theme.clone());
                events.failed(&error);
                let live = LiveSite::new(Arc::new(placeholder()));
                live.fail(Problem::all_in(&error));
                live
            }
        };
        let live = Arc::new(live);

        let address = SocketAddr::new(options.address, options.port);
        let listener = TcpListener::bind(address).map_err(|source| Error::Listen {
            address: address.to_string(),
            source,
        })?;
        let server =
            server::Server::start(listener, live.clone()).map_err(|source| Error::Listen {
                address: address.to_string(),
                source,
            })?;

        let output = &options.build.output;
        let mut watcher = Watcher::new(generated_folders(output))?;
        watcher.watch(&watched)?;
        Ok(Preview {
            session,
            live,
            server,
            watcher,
            events,
            watched,
        })
    }

    /// Where the site is served, `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.server.address())
    }

    pub fn stopper(&self) -> Stopper {
        Stopper(self.watcher.stopper())
    }

    /// Rebuilds after every change until stopped, then stops the server.
    pub fn run(mut self) -> Result<()> {
        while let Wake::Rebuild(_) = self.watcher.wait(watch::QUIET) {
            self.rebuild()?;
        }
        self.live.close();
        self.server.stop();
        Ok(())
    }

    fn rebuild(&mut self) -> Result<()> {
        let started = Instant::now();
        let mut shown = None;
        // The pages are served from memory: they go out before the disk write,
        // which for a big dossier (its `dossier.json`) is most of a rebuild.
        let live = &self.live;
        let rebuilt = self.session.rebuild_showing(&Silent, |files, changed| {
            live.publish(changed.then(|| Arc::new(site_files(files))));
            shown = Some(started.elapsed());
        });
        match rebuilt {
            Ok(rebuild) => {
                // dossier.toml may have named another theme.
                let mut wanted = vec![self.session.options().content.clone()];
                wanted.extend(rebuild.theme_folder.clone());
                if wanted != self.watched {
                    self.watcher.watch(&wanted)?;
                    self.watched = wanted;
                }
                let elapsed = started.elapsed();
                self.events
                    .built(&rebuild, shown.unwrap_or(elapsed), elapsed);
            }
            Err(error) => {
                self.live.fail(Problem::all_in(&error));
                self.events.failed(&error);
            }
        }
        Ok(())
    }
}

fn site_files(files: &[OutputFile]) -> SiteFiles {
    files
        .iter()
        .map(|f| (f.path.clone(), f.bytes.clone()))
        .collect()
}

/// The output folder and the staging folders beside it: dossier's own writes,
/// which must not wake the watcher should they sit inside a watched folder.
fn generated_folders(output: &Path) -> Vec<PathBuf> {
    let mut folders = vec![output.to_path_buf()];
    if let (Some(parent), Some(name)) = (output.parent(), output.file_name()) {
        let name = name.to_string_lossy();
        folders.push(parent.join(format!(".{name}.dossier-staging")));
        folders.push(parent.join(format!(".{name}.dossier-previous")));
    }
    folders
}

/// What is served before the dossier has ever built: a page for the overlay to
/// stand on.
fn placeholder() -> SiteFiles {
    let page = b"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<title>The dossier does not build yet</title>\n</head>\n<body>\n<main>\n\
<h1>The dossier does not build yet</h1>\n<p>The problems are listed below and in the terminal. \
This page reloads by itself once they are fixed.</p>\n</main>\n</body>\n</html>\n";
    let page = Arc::new(page.to_vec());
    [("index.html", page.clone()), ("404.html", page)]
        .into_iter()
        .map(|(path, bytes)| (path.to_string(), bytes))
        .collect()
}

/// Runs what the server would await, for a unit test.
#[cfg(test)]
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a runtime for the test")
        .block_on(future)
}
