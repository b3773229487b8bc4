//! The stages wired together: `build` runs them all, `check` all but writing.

use crate::analyse::analyse;
use crate::error::{Error, Result};
use crate::ingest::ingest;
use crate::load::load;
use crate::render::{render, OutputFile};
use crate::resolve::{resolve, Dossier};
use crate::theme::Theme;
use crate::write::{write, WriteReport};
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct Options {
    pub content: PathBuf,
    pub output: PathBuf,
    /// A theme folder overriding the default theme file by file.
    pub theme: Option<PathBuf>,
    /// Replaces `base_url` from `dossier.toml`.
    pub base_url: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            content: PathBuf::from("content"),
            output: PathBuf::from("output"),
            theme: None,
            base_url: None,
        }
    }
}

/// What a build did, for the summary line and `--timings`.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub sources: usize,
    pub actors: usize,
    pub notes: usize,
    /// HTML pages in the site.
    pub pages: usize,
    /// All files in the site.
    pub files: usize,
    pub written: Option<WriteReport>,
    pub timings: Vec<(&'static str, Duration)>,
}

/// Told when each stage starts, so a terminal can show progress.
pub trait Progress: Sync {
    fn stage(&self, _name: &'static str) {}
}

/// Progress for callers that show none.
pub struct Silent;
impl Progress for Silent {}

/// Builds the site and puts it in `options.output`.
pub fn build(options: &Options, progress: &dyn Progress) -> Result<Report> {
    let (files, mut report) = make_site(options, progress)?;
    progress.stage("write");
    let started = Instant::now();
    report.written = Some(write(&options.output, &options.content, &files)?);
    report.timings.push(("write", started.elapsed()));
    Ok(report)
}

/// Runs every stage but writing: the content and the theme are checked, nothing is written.
pub fn check(options: &Options, progress: &dyn Progress) -> Result<Report> {
    make_site(options, progress).map(|(_, report)| report)
}

/// Loads and links the dossier without rendering it.
pub fn load_dossier(options: &Options) -> Result<Dossier> {
    let mut timings = Vec::new();
    load_timed(options, &Silent, &mut timings)
}

fn load_timed(
    options: &Options,
    progress: &dyn Progress,
    timings: &mut Vec<(&'static str, Duration)>,
) -> Result<Dossier> {
    let mut clock = Clock::new(progress, timings);
    clock.start("load");
    let mut content = load(&options.content)?;
    if let Some(base_url) = &options.base_url {
        content.config.base_url = base_url.clone();
    }
    clock.start("ingest");
    let rules = crate::ingest::rule_set(content.furniture.as_ref())?;
    let sources = ingest(
        std::mem::take(&mut content.sources),
        &content.config,
        &rules,
    )?;
    clock.start("resolve");
    let dossier = resolve(content, sources)?;
    crate::analyse::citations::check(&dossier)?;
    clock.stop();
    Ok(dossier)
}

fn make_site(options: &Options, progress: &dyn Progress) -> Result<(Vec<OutputFile>, Report)> {
    let mut timings = Vec::new();
    let dossier = load_timed(options, progress, &mut timings)?;
    let theme = Theme::load(theme_folder(options, &dossier)?.as_deref())?;

    let mut clock = Clock::new(progress, &mut timings);
    clock.start("analyse");
    let analysis = analyse(&dossier);
    clock.start("render");
    let files = render(&dossier, &analysis, &theme)?;
    clock.stop();

    let report = Report {
        sources: dossier.sources.len(),
        actors: dossier.actors.len(),
        notes: dossier.notes.len(),
        pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
        files: files.len(),
        written: None,
        timings,
    };
    Ok((files, report))
}

/// `--theme` wins; otherwise `theme = "name"` in dossier.toml names `themes/<name>` next to the content.
fn theme_folder(options: &Options, dossier: &Dossier) -> Result<Option<PathBuf>> {
    if let Some(folder) = &options.theme {
        return Ok(Some(folder.clone()));
    }
    let Some(name) = &dossier.config.theme else {
        return Ok(None);
    };
    if name == "default" {
        return Ok(None);
    }
    if !crate::load::is_valid_slug(name) {
        return Err(Error::Theme(format!(
            "theme name '{name}' must be a plain folder name"
        )));
    }
    let parent = options
        .content
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default();
    Ok(Some(parent.join("themes").join(name)))
}

/// Times consecutive stages.
struct Clock<'a> {
    progress: &'a dyn Progress,
    timings: &'a mut Vec<(&'static str, Duration)>,
    current: Option<(&'static str, Instant)>,
}

impl<'a> Clock<'a> {
    fn new(progress: &'a dyn Progress, timings: &'a mut Vec<(&'static str, Duration)>) -> Self {
        Clock {
            progress,
            timings,
            current: None,
        }
    }

    fn start(&mut self, stage: &'static str) {
        self.stop();
        self.progress.stage(stage);
        self.current = Some((stage, Instant::now()));
    }

    fn stop(&mut self) {
        if let Some((stage, started)) = self.current.take() {
            self.timings.push((stage, started.elapsed()));
        }
    }
}
