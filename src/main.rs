//! The command line: parse arguments, call the library, report the outcome once.

use anstyle::{AnsiColor, Style};

/// A build allocates and frees millions of small strings across threads, where
/// mimalloc is markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand, ValueEnum};
use dossier::load::Folders;
use dossier::model::Section;
use dossier::pipeline::{self, Options, Progress, Report};
use dossier::serve::{Events, Preview, ServeOptions};
use dossier::{Error, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Build a linked static website from news articles and editorial Markdown."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start a new dossier, ready to build: settings, folders, an example note,
    /// a .gitignore and a GitHub Pages workflow.
    Init {
        /// The dossier's folder; created if missing.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The site's title [default: made from the folder's name].
        #[arg(long)]
        title: Option<String>,
        /// Add the missing files to a folder that is not empty; existing files are kept.
        #[arg(long)]
        force: bool,
    },
    /// Build the site into the output folder.
    Build {
        #[command(flatten)]
        paths: Paths,
        /// Where to write the site; only an empty folder or one dossier built is replaced
        /// [default: output/ beside the content folder].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Absolute URL the site is published at (for the sitemap, feed and canonical links).
        #[arg(long)]
        base_url: Option<String>,
        /// Print the time each stage took. Pages are written as they are
        /// rendered, so render includes writing them; write is the final swap.
        #[arg(long)]
        timings: bool,
    },
    /// Build, serve the site on this machine, rebuild on every edit and reload open pages.
    Serve {
        #[command(flatten)]
        paths: Paths,
        /// Where to write the site as it changes, as `build` does
        /// [default: output/ beside the content folder].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Absolute URL the site is published at (for the sitemap, feed and canonical links).
        #[arg(long)]
        base_url: Option<String>,
        /// Port to listen on; 0 picks a free one.
        #[arg(long, default_value_t = dossier::serve::DEFAULT_PORT)]
        port: u16,
        /// Address to listen on. Anything but a loopback address makes the
        /// dossier reachable from other machines.
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Print the time each stage took, for every build.
        #[arg(long)]
        timings: bool,
    },
    /// Check the content and theme; write nothing.
    Check {
        #[command(flatten)]
        paths: Paths,
    },
    /// Turn scraped article text into source files, inferring what the text says.
    Import {
        /// Text files holding one article each, as copied or scraped.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Slug of the new source (with a single file).
        #[arg(long)]
        slug: Option<String>,
        /// The outlet; it replaces whatever the text suggests.
        #[arg(long)]
        outlet: Option<String>,
        /// Replace a source that already has this slug.
        #[arg(long)]
        force: bool,
        /// Show what would be written; write nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long, help = CONTENT_HELP)]
        content: Option<PathBuf>,
    },
    /// Create a ready-to-edit content file with every front-matter field.
    New {
        kind: NewKind,
        /// Name or headline; the file name is made from it.
        name: String,
        #[arg(long, help = CONTENT_HELP)]
        content: Option<PathBuf>,
    },
    /// Print the JSON Schema of the dossier.json every build writes.
    Schema {
        /// Print instead the schema of what each theme template receives
        /// (docs/theme-context.schema.json).
        #[arg(long)]
        theme: bool,
    },
    /// Actors found in the text.
    Actors {
        #[command(subcommand)]
        command: ActorsCommand,
    },
}

#[derive(Subcommand)]
enum ActorsCommand {
    /// List every actor found in the text, and new spellings of actors with a file.
    Suggest {
        #[command(flatten)]
        paths: Paths,
        /// Write a ready-to-edit file for each new actor; existing files are never replaced.
        #[arg(long)]
        write: bool,
    },
}

const CONTENT_HELP: &str = "The content folder [default: content/ here, or in the nearest \
     folder above that holds content/dossier.toml]";

#[derive(clap::Args)]
struct Paths {
    #[arg(long, help = CONTENT_HELP)]
    content: Option<PathBuf>,
    /// A theme folder whose files replace the default theme's.
    #[arg(long)]
    theme: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum NewKind {
    Source,
    Actor,
    Note,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let started = Instant::now();
    match run(cli.command, started) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            report_error(&error);
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command, started: Instant) -> Result<()> {
    match command {
        Command::Build {
            paths,
            output,
            base_url,
            timings,
        } => {
            let folders = locate(paths.content, output);
            let options = Options {
                content: folders.content,
                output: folders.output,
                theme: paths.theme,
                base_url,
                ..Options::default()
            };
            let progress = TerminalProgress::start();
            let result = pipeline::build(&options, &progress);
            progress.finish();
            let report = result?;
            if timings {
                print_timings(&report);
            }
            let written = report.written.unwrap_or_default();
            println!(
                "Built {} pages ({} files: {} written, {} unchanged, {} removed) into {} in {}",
                report.pages,
                report.files,
                written.written,
                written.unchanged,
                written.removed,
                options.output.display(),
                format_duration(started.elapsed())
            );
            Ok(())
        }
        Command::Serve {
            paths,
            output,
            base_url,
            port,
            bind,
            open,
            timings,
        } => {
            let folders = locate(paths.content, output);
            serve(
                ServeOptions {
                    build: Options {
                        content: folders.content,
                        output: folders.output,
                        theme: paths.theme,
                        base_url,
                        ..Options::default()
                    },
                    address: bind,
                    port,
                },
                open,
                timings,
            )
        }
        Command::Check { paths } => {
            let options = Options {
                content: locate(paths.content, None).content,
                theme: paths.theme,
                ..Options::default()
            };
            let report = pipeline::check(&options, &pipeline::Silent)?;
            println!(
                "Checked {}, {} and {} ({}): no problems, in {}",
                counted(report.sources, "source"),
                counted(report.actors, "actor"),
                counted(report.notes, "note"),
                counted(report.pages, "page"),
                format_duration(started.elapsed())
            );
            Ok(())
        }
        Command::Import {
            files,
            slug,
            outlet,
            force,
            dry_run,
            content,
        } => {
            let options = dossier::import::ImportOptions {
                files,
                content: locate(content, None).content,
                slug,
                outlet,
                force,
                dry_run,
            };
            let progress = TerminalProgress::start();
            progress.stage("import");
            let result = dossier::import::import(&options);
            progress.finish();
            let imported = result?;
            for item in &imported {
                print!("{}", dossier::import::describe(item));
            }
            let verb = if dry_run { "Would write" } else { "Wrote" };
            println!(
                "{verb} {} in {}",
                counted(imported.len(), "source"),
                format_duration(started.elapsed())
            );
            Ok(())
        }
        Command::New {
            kind,
            name,
            content,
        } => {
            let section = match kind {
                NewKind::Source => Section::Sources,
                NewKind::Actor => Section::Actors,
                NewKind::Note => Section::Notes,
            };
            let content = locate(content, None).content;
            let path = dossier::scaffold::new_file(&content, section, &name)?;
            println!("Created {}", path.display());
            Ok(())
        }
        Command::Init { dir, title, force } => {
            let created = dossier::init::init(&dossier::init::InitOptions { dir, title, force })?;
            print!("{created}");
            Ok(())
        }
        Command::Schema { theme } => {
            if theme {
                print!("{}", dossier::render::context_schema());
            } else {
                print!("{}", dossier::export::schema());
            }
            Ok(())
        }
        Command::Actors {
            command: ActorsCommand::Suggest { paths, write },
        } => {
            let options = Options {
                content: locate(paths.content, None).content,
                theme: paths.theme,
                ..Options::default()
            };
            let found = dossier::suggest::suggest(&options, write)?;
            print!("{}", found.text);
            for path in &found.written {
                println!("Created {}", path.display());
            }
            for path in &found.kept {
                println!("Kept {} (it exists; edit it by hand)", path.display());
            }
            Ok(())
        }
    }
}

/// The dossier's folders when run from anywhere inside it; see [`dossier::load::locate`].
fn locate(content: Option<PathBuf>, output: Option<PathBuf>) -> Folders {
    // Without a current folder (it was deleted), relative defaults fail to load
    // with the usual message.
    let here = std::env::current_dir().unwrap_or_default();
    dossier::load::locate(&here, content, output)
}

fn serve(options: ServeOptions, open: bool, timings: bool) -> Result<()> {
    if !options.address.is_loopback() {
        let yellow = Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold();
        anstream::eprintln!(
            "{yellow}warning{yellow:#}: listening on {}: the dossier, drafts included, can be read from other machines",
            options.address
        );
    }
    let output = options.build.output.clone();
    let events = std::sync::Arc::new(TerminalEvents {
        timings,
        built_once: AtomicBool::new(false),
    });
    let preview = Preview::start(options, events)?;
    // Before the address is printed: a Ctrl-C from whoever read it must stop
    // the preview, not kill it.
    let stopper = preview.stopper();
    let pressed = AtomicBool::new(false);
    ctrlc::set_handler(move || {
        if pressed.swap(true, Ordering::SeqCst) {
            // Pressed again while a long rebuild finishes: leave now. The output
            // folder is safe: every file is replaced in one rename.
            std::process::exit(130);
        }
        stopper.stop();
    })
    .map_err(|e| Error::Usage(format!("cannot handle Ctrl-C: {e}")))?;
    let url = preview.url();
    println!(
        "Serving at {url} (also written to {}); Ctrl-C to stop",
        output.display()
    );
    if open {
        if let Err(error) = ::open::that_detached(&url) {
            anstream::eprintln!("could not open a browser ({error}); open {url}");
        }
    }
    preview.run()?;
    println!("Stopped.");
    Ok(())
}

/// What `dossier serve` prints as builds come and go: problems exactly as
/// `dossier build` reports them.
struct TerminalEvents {
    timings: bool,
    built_once: AtomicBool,
}

impl Events for TerminalEvents {
    fn built(&self, rebuild: &pipeline::Rebuild, shown: Duration, elapsed: Duration) {
        let report = &rebuild.report;
        let written = report.written.unwrap_or_default();
        if !self.built_once.swap(true, Ordering::SeqCst) {
            println!(
                "Built {} pages ({} files: {} written, {} unchanged, {} removed) in {}",
                report.pages,
                report.files,
                written.written,
                written.unchanged,
                written.removed,
                format_duration(elapsed)
            );
        } else if rebuild.changed.is_empty() && rebuild.removed.is_empty() {
            println!(
                "Rebuilt in {}: nothing in the site changed",
                format_duration(elapsed)
            );
        } else {
            const SHOWN: usize = 4;
            let mut names: Vec<&str> = rebuild
                .changed
                .iter()
                .map(String::as_str)
                .take(SHOWN)
                .collect();
            let more = rebuild.changed.len().saturating_sub(SHOWN);
            if more > 0 {
                names.push("…");
            }
            println!(
                "Rebuilt in {}: {} of {} pages rendered, {} files written ({}), {} removed; served after {}",
                format_duration(elapsed),
                rebuild.render.rendered,
                rebuild.render.pages,
                written.written,
                names.join(", "),
                written.removed,
                format_duration(shown)
            );
        }
        if self.timings {
            print_timings(report);
        }
    }

    fn failed(&self, error: &Error) {
        report_error(error);
        anstream::eprintln!("still serving the last good build; fix the file and it rebuilds");
    }
}

fn print_timings(report: &Report) {
    for (stage, duration) in &report.timings {
        println!("{stage:>8}  {}", format_duration(*duration));
    }
}

fn format_duration(duration: Duration) -> String {
    if duration < Duration::from_secs(1) {
        format!("{} ms", duration.as_millis())
    } else {
        format!("{:.2} s", duration.as_secs_f64())
    }
}

/// anstream drops the colours when stderr is not a terminal or NO_COLOR is set.
fn report_error(error: &Error) {
    let red = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
    let cyan = Style::new().fg_color(Some(AnsiColor::Cyan.into()));
    let bold = Style::new().bold();
    let diagnostics = error.diagnostics();
    for d in diagnostics {
        anstream::eprintln!(
            "{bold}{}{bold:#}: {red}error{red:#}: {}",
            d.location(),
            d.message
        );
        if let Some(hint) = &d.hint {
            anstream::eprintln!("  {cyan}hint{cyan:#}: {hint}");
        }
    }
    match error {
        Error::Content(found) => anstream::eprintln!(
            "{red}error{red:#}: {} in the content; nothing was written",
            counted(found.len(), "problem")
        ),
        other => anstream::eprintln!("{red}error{red:#}: {other}"),
    }
}

/// A spinner naming the current stage, shown only on a terminal and only once a
/// build has taken more than a second.
struct TerminalProgress {
    bar: ProgressBar,
    done: Arc<Mutex<bool>>,
}

impl TerminalProgress {
    fn start() -> TerminalProgress {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} ({elapsed})").expect("valid template"),
        );
        let done = Arc::new(Mutex::new(false));
        if std::io::stderr().is_terminal() {
            let (bar, done) = (bar.clone(), done.clone());
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_secs(1));
                if !*done.lock().expect("not poisoned") {
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                    bar.enable_steady_tick(Duration::from_millis(100));
                }
            });
        }
        TerminalProgress { bar, done }
    }

    fn finish(&self) {
        *self.done.lock().expect("not poisoned") = true;
        self.bar.finish_and_clear();
    }
}

impl Progress for TerminalProgress {
    fn stage(&self, name: &'static str) {
        self.bar.set_message(name);
    }
}

/// "1 note", "3 notes".
fn counted(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
