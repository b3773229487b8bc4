//! The stages wired together: `build` runs them all, `check` all but writing,
//! and a [`Session`] runs them again and again for `dossier serve`.

use crate::analyse::analyse;
use crate::error::{Error, Result};
use crate::ingest::ingest;
use crate::load::load;
use crate::model::Config;
use crate::output::{Collect, Discard, OutputFile, Sink};
use crate::render::{compile_templates, render, render_cached, Cached, RenderStats};
use crate::resolve::{resolve, Dossier};
use crate::theme::Theme;
use crate::write::{update, write, Staging, WriteReport};
use cache::Cache;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tera::Tera;

mod cache;

#[derive(Debug, Clone)]
pub struct Options {
    pub content: PathBuf,
    pub output: PathBuf,
    /// A theme folder overriding the default theme file by file.
    pub theme: Option<PathBuf>,
    /// Replaces `base_url` from `dossier.toml`.
    pub base_url: Option<String>,
    /// The largest search index shard, in bytes ([`crate::render::search`]);
    /// tests make it small to get many shards from a small dossier.
    pub search_shard_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            content: PathBuf::from(crate::load::CONTENT_FOLDER),
            output: PathBuf::from(crate::load::OUTPUT_FOLDER),
            theme: None,
            base_url: None,
            search_shard_bytes: crate::render::search::DEFAULT_SHARD_BYTES,
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

/// Builds the site and puts it in `options.output`. Pages are written into a
/// staging folder as they are rendered; the folder replaces the output only
/// once the whole site is there.
pub fn build(options: &Options, progress: &dyn Progress) -> Result<Report> {
    let (site, staging) = make_site_with(options, progress, None, || {
        Staging::begin(&options.output, &options.content)
    })?;
    let mut report = site.report;
    progress.stage("write");
    let started = Instant::now();
    report.written = Some(staging.finish()?);
    report.timings.push(("write", started.elapsed()));
    Ok(report)
}

/// Runs every stage but writing: the content and the theme are checked, nothing is written.
pub fn check(options: &Options, progress: &dyn Progress) -> Result<Report> {
    make_site_with(options, progress, None, || Ok(Discard)).map(|(site, _)| site.report)
}

/// Loads and links the dossier without rendering it.
pub fn load_dossier(options: &Options) -> Result<Dossier> {
    let mut timings = Vec::new();
    load_timed(options, &Silent, &mut timings, None, |_| {})
}

/// Loads, ingests and resolves; `loaded` is told the configuration as soon as
/// it is read, so work that needs only it can start alongside the rest.
fn load_timed(
    options: &Options,
    progress: &dyn Progress,
    timings: &mut Vec<(&'static str, Duration)>,
    mut cache: Option<&mut Cache>,
    loaded: impl FnOnce(&Config),
) -> Result<Dossier> {
    let mut clock = Clock::new(progress, timings);
    clock.start("load");
    let mut content = load(&options.content)?;
    if let Some(base_url) = &options.base_url {
        content.config.base_url = base_url.clone();
    }
    loaded(&content.config);
    clock.start("ingest");
    let documents = std::mem::take(&mut content.sources);
    let sources = match cache.as_deref_mut() {
        None => {
            let rules = crate::ingest::rule_set(content.furniture.as_ref())?;
            ingest(documents, &content.config, &rules)?
        }
        Some(cache) => {
            let rules = cache.rule_set(content.furniture.as_ref())?;
            let furniture = content.furniture.as_ref();
            cache.ingest(documents, &content.config, &rules, furniture)?
        }
    };
    clock.start("resolve");
    let dossier = resolve(content, sources)?;
    clock.start("discover");
    let dossier = match cache {
        None => crate::resolve::discover::discover(dossier)?,
        Some(cache) => cache.discover(dossier)?,
    };
    crate::resolve::citations::check(&dossier)?;
    clock.stop();
    Ok(dossier)
}

/// How a site was made.
struct Site {
    report: Report,
    render: RenderStats,
    theme_folder: Option<PathBuf>,
}

/// Runs every stage; the pages go to the sink `open` makes once the content
/// has loaded and linked without error, so a build that fails on its content
/// never touches the output folder or its parent.
fn make_site_with<S: Sink>(
    options: &Options,
    progress: &dyn Progress,
    mut cache: Option<&mut Cache>,
    open: impl FnOnce() -> Result<S>,
) -> Result<(Site, S)> {
    let mut timings = Vec::new();
    let compile = cache.is_none();
    // The theme is read and its templates compiled on a thread of their own
    // while the content is ingested and resolved: a cold build of a small
    // dossier spends as long parsing templates as ingesting.
    // With a cache, the analysis lives in it (`analysis` is `None`), with the
    // key of what it read.
    let (dossier, analysis, corpus, theme_folder, theme, templates) =
        std::thread::scope(|scope| {
            let mut prepared = None;
            let dossier = load_timed(
                options,
                progress,
                &mut timings,
                cache.as_deref_mut(),
                |config| {
                    let folder = theme_folder(options, config);
                    prepared = Some(scope.spawn(move || prepare_theme(folder, compile)));
                },
            );
            let prepared =
                prepared.map(|thread| thread.join().expect("the theme thread does not panic"));
            // Errors in the content come first, as they would without the thread.
            let dossier = dossier?;
            let (folder, theme, templates) = prepared.expect("the configuration was loaded")?;
            let mut clock = Clock::new(progress, &mut timings);
            clock.start("analyse");
            let (analysis, corpus) = match cache.as_deref_mut() {
                None => (Some(analyse(&dossier)?), None),
                Some(cache) => (None, Some(cache.analyse(&dossier)?.1)),
            };
            clock.stop();
            Ok::<_, Error>((dossier, analysis, corpus, folder, theme, templates))
        })?;

    let sink = open()?;
    let mut clock = Clock::new(progress, &mut timings);
    clock.start("render");
    let render = match (cache, analysis, corpus) {
        (Some(cache), _, Some(corpus)) => {
            let (analysis, pages) = cache
                .analysis_and_pages()
                .expect("the analysis was just kept");
            let cached = Cached {
                pages,
                corpus: Some(corpus),
            };
            render_cached(
                &dossier,
                analysis,
                &theme,
                cached,
                options.search_shard_bytes,
                &sink,
            )?
        }
        (_, analysis, _) => {
            let analysis = analysis.expect("analysed without a cache");
            let templates = match templates {
                Some(templates) => templates,
                None => Arc::new(compile_templates(&theme)?),
            };
            render(
                &dossier,
                &analysis,
                &theme,
                templates,
                options.search_shard_bytes,
                &sink,
            )?
        }
    };
    clock.stop();

    let report = Report {
        sources: dossier.sources.len(),
        actors: dossier.actors.len(),
        notes: dossier.notes.len(),
        pages: render.html,
        files: render.files,
        written: None,
        timings,
    };
    let site = Site {
        report,
        render,
        theme_folder,
    };
    Ok((site, sink))
}

/// Builds one dossier again and again in one process (`dossier serve`): each
/// build after the first ingests only the sources whose files changed, renders
/// only the pages whose context or templates changed, and writes only the files
/// whose bytes changed. Its output is byte for byte that of [`build`].
pub struct Session {
    options: Options,
    cache: Cache,
    /// The last build that succeeded, as written to the output folder.
    last: Option<Vec<OutputFile>>,
}

/// What one build of a [`Session`] did.
#[derive(Debug, Clone)]
pub struct Rebuild {
    /// As for `build`; `written` counts only the files this build wrote.
    pub report: Report,
    /// Sources ingested; the others came from the previous build.
    pub ingested: usize,
    /// Whether the analysis of the corpus was that of the previous build (only
    /// the notes' part of it was redone).
    pub reused_analysis: bool,
    /// Pages in the site, and how many of them were rendered (not reused).
    pub render: RenderStats,
    /// Files whose bytes are new or changed since the previous build, and
    /// files it no longer makes. Empty when the edit changed nothing in the site.
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    /// The theme folder in use, to be watched.
    pub theme_folder: Option<PathBuf>,
}

impl Session {
    pub fn new(options: Options) -> Session {
        Session {
            options,
            cache: Cache::default(),
            last: None,
        }
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The files of the last build that succeeded.
    pub fn files(&self) -> &[OutputFile] {
        self.last.as_deref().unwrap_or_default()
    }

    /// Builds the site and brings the output folder up to date. On an error the
    /// last good site stays, in memory and on disk.
    pub fn rebuild(&mut self, progress: &dyn Progress) -> Result<Rebuild> {
        self.rebuild_showing(progress, |_, _| {})
    }

    /// As [`Session::rebuild`], handing the new site's files to `show` (with
    /// whether any changed) once they are made and before they are written:
    /// `dossier serve` serves them from memory, so an open page shows an edit
    /// without waiting for the disk. Should the write then fail, the error is
    /// returned as from `rebuild`, and the next rebuild writes the folder again.
    pub fn rebuild_showing(
        &mut self,
        progress: &dyn Progress,
        show: impl FnOnce(&[OutputFile], bool),
    ) -> Result<Rebuild> {
        let (site, collected) =
            make_site_with(&self.options, progress, Some(&mut self.cache), || {
                Ok(Collect::default())
            })?;
        let Site {
            mut report,
            render,
            theme_folder,
        } = site;
        let files = collected.into_files();
        let found = crate::output::changes(self.last.as_deref().unwrap_or_default(), &files);
        let changed: Vec<String> = found.changed.iter().map(|f| f.path.clone()).collect();
        let removed: Vec<String> = found.removed.iter().map(|p| p.to_string()).collect();
        show(&files, !changed.is_empty() || !removed.is_empty());
        progress.stage("write");
        let started = Instant::now();
        let written = match &self.last {
            None => write(&self.options.output, &self.options.content, &files)?,
            Some(previous) => update(
                &self.options.output,
                &self.options.content,
                previous,
                &files,
            )?,
        };
        report.timings.push(("write", started.elapsed()));
        report.written = Some(written);
        self.last = Some(files);
        Ok(Rebuild {
            report,
            ingested: self.cache.ingested,
            reused_analysis: self.cache.reused_analysis,
            render,
            changed,
            removed,
            theme_folder,
        })
    }
}

/// The paths whose bytes differ between two builds, and those gone from the second.
type PreparedTheme = (Option<PathBuf>, Theme, Option<Arc<Tera>>);

/// The theme in `folder` (the default when none), with its templates compiled when `compile`.
fn prepare_theme(folder: Result<Option<PathBuf>>, compile: bool) -> Result<PreparedTheme> {
    let folder = folder?;
    let theme = Theme::load(folder.as_deref())?;
    let templates = match compile {
        true => Some(Arc::new(compile_templates(&theme)?)),
        false => None,
    };
    Ok((folder, theme, templates))
}

/// `--theme` wins; otherwise `theme = "name"` in dossier.toml names `themes/<name>` next to the content.
fn theme_folder(options: &Options, config: &Config) -> Result<Option<PathBuf>> {
    if let Some(folder) = &options.theme {
        return Ok(Some(folder.clone()));
    }
    let Some(name) = &config.theme else {
        return Ok(None);
    };
    if name == "default" {
        return Ok(None);
    }
    if !crate::text::is_valid_slug(name) {
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
