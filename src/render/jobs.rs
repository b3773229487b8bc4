//! The list of the site's pages and the loop that renders them.

use super::cache::{Cached, CachedPage, PageCache, PageKey};
use super::inputs::Inputs;
use super::pages::{PageContext, Rendered};
use super::search;
use super::templates::template_error;
use super::views::Views;
use super::RenderStats;
use crate::analyse::Analysis;
use crate::error::{Error, Result};
use crate::fingerprint::Fingerprint;
use crate::markdown;
use crate::output::{lock, OutputFile, Sink, WriteFile};
use crate::resolve::Dossier;
use crate::theme::Theme;
use crate::urls::absolute_url;
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tera::{Context, Tera};

/// Where a render's compiled templates come from.
pub(super) enum Compiled<'c> {
    Ready(Arc<Tera>),
    /// From the cache, which also reuses pages rendered before.
    Cached(Cached<'c>),
}

/// What the cache needs to look a page up: the key of each template, and the
/// page's quick-key inputs when the caller gave a corpus key.
struct Lookup<'c, 'v> {
    cache: &'c PageCache,
    templates: HashMap<String, PageKey>,
    quick: Option<(Inputs<'v>, PageKey)>,
}

pub(super) fn render_with(
    dossier: &Dossier,
    analysis: &Analysis,
    theme: &Theme,
    compiled: Compiled,
    search_shard_bytes: usize,
    sink: &dyn Sink,
) -> Result<RenderStats> {
    let (tera, mut store, templates, frame, corpus) = match compiled {
        Compiled::Cached(Cached { pages, corpus }) => {
            let (tera, keys, all) = pages.templates(theme)?;
            let frame = corpus.map(|corpus| {
                pages.quick_key(|h| {
                    corpus.hash(h);
                    all.hash(h);
                })
            });
            (tera, Some(pages), keys, frame, corpus)
        }
        Compiled::Ready(tera) => (tera, None, HashMap::new(), None, None),
    };
    // `dossier.json` from kept parts, when the caller vouches for the corpus.
    let mut json_parts = match (store.as_deref_mut(), corpus) {
        (Some(cache), Some(corpus)) => Some((std::mem::take(&mut cache.json), corpus)),
        _ => None,
    };
    // The search index's sources part, likewise.
    let mut search_parts = match (store.as_deref_mut(), corpus) {
        (Some(cache), Some(corpus)) => Some((std::mem::take(&mut cache.search), corpus)),
        _ => None,
    };
    let views = Views::new(dossier, analysis)?;
    let mut jobs = views.page_jobs(theme);
    jobs.sort_by(|a, b| a.path.cmp(&b.path));
    let pages = jobs.len();
    let lookup = store.as_deref().map(|cache| Lookup {
        cache,
        templates,
        quick: frame.map(|frame| (Inputs::new(&views), frame)),
    });
    let rendered_count = AtomicUsize::new(0);
    let context_count = AtomicUsize::new(0);
    let sink = Counting::new(sink);
    let put = |file: OutputFile| sink.put(file);
    let cached: std::sync::Mutex<Vec<(String, CachedPage)>> = Default::default();

    // Each page is built, rendered and handed to the sink in one go, so a
    // build holds a few pages at a time, not the whole site.
    let render_pages = || {
        jobs.into_par_iter().try_for_each(|job| {
            let Some(lookup) = &lookup else {
                context_count.fetch_add(1, Ordering::Relaxed);
                let (path, title, context) = job.make();
                let page = Rendered::new(&dossier.config, &path, &title, &context);
                rendered_count.fetch_add(1, Ordering::Relaxed);
                return put(render_page(&tera, context.template(), &path, &page)?);
            };
            let quick = lookup.quick.as_ref().and_then(|(inputs, frame)| {
                let mut fed = true;
                let key = lookup.cache.quick_key(|h| {
                    frame.hash(h);
                    h.add(job.path.as_bytes());
                    h.add(job.title.as_bytes());
                    fed = inputs.feed(&job.path, h);
                });
                fed.then_some(key)
            });
            if let Some(page) = quick.and_then(|q| lookup.cache.get_quick(&job.path, q)) {
                if page.has_code {
                    views.has_code.store(true, Ordering::Relaxed);
                }
                let file = OutputFile {
                    path: job.path.clone(),
                    bytes: page.bytes.clone(),
                };
                lock(&cached).push((job.path, page.clone()));
                return put(file);
            }
            context_count.fetch_add(1, Ordering::Relaxed);
            let (path, title, context) = job.make();
            let template = context.template();
            let page = Rendered::new(&dossier.config, &path, &title, &context);
            let template_key = lookup.templates.get(template).copied().unwrap_or_default();
            let key = lookup
                .cache
                .page_key(template_key, template, &page)
                .map_err(|e| context_error(template, &e))?;
            let file = match lookup.cache.get(&path, key) {
                Some(bytes) => OutputFile { path, bytes },
                None => {
                    rendered_count.fetch_add(1, Ordering::Relaxed);
                    render_page(&tera, template, &path, &page)?
                }
            };
            let entry = CachedPage {
                quick,
                key,
                bytes: file.bytes.clone(),
                has_code: context.has_code(),
            };
            lock(&cached).push((file.path.clone(), entry));
            put(file)
        })
    };
    let export = || -> Result<()> {
        match json_parts.as_mut() {
            Some((parts, corpus)) => {
                let bytes = parts
                    .write(dossier, analysis, *corpus)
                    .map_err(|e| context_error("dossier.json", &e))?;
                sink.put(OutputFile {
                    path: "dossier.json".to_string(),
                    bytes,
                })
            }
            None => sink.put_streamed("dossier.json", &|out| {
                crate::export::write_json(dossier, analysis, out)
            }),
        }
    };
    let search = || {
        let kept = search_parts
            .as_mut()
            .map(|(parts, corpus)| (parts, *corpus));
        views.write_search_index(search_shard_bytes, kept, &sink)
    };
    let data_files = || rayon::join(export, search);
    let (rendered, (exported, searched)) = rayon::join(render_pages, data_files);
    rendered?;
    exported?;
    searched?;

    if views.has_code.load(Ordering::Relaxed) {
        put(OutputFile::new(
            "static/syntax.css",
            crate::highlight::stylesheet().into_bytes(),
        ))?;
    }
    for (path, bytes) in theme.static_files() {
        put(OutputFile::new(path, bytes.to_vec()))?;
    }
    put(OutputFile::new(".nojekyll", Vec::new()))?;
    drop(lookup);
    if let Some(cache) = store {
        if let Some((parts, _)) = json_parts {
            cache.json = parts;
        }
        if let Some((parts, _)) = search_parts {
            cache.search = parts;
        }
        cache.keep(
            cached
                .into_inner()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .into_iter(),
        );
    }
    Ok(RenderStats {
        pages,
        rendered: rendered_count.into_inner(),
        contexts: context_count.into_inner(),
        html: sink.html.into_inner(),
        files: sink.files.into_inner(),
    })
}

/// Counts the files, and the HTML pages among them, on their way to a sink.
struct Counting<'s> {
    sink: &'s dyn Sink,
    files: AtomicUsize,
    html: AtomicUsize,
}

impl<'s> Counting<'s> {
    fn new(sink: &'s dyn Sink) -> Self {
        Counting {
            sink,
            files: AtomicUsize::new(0),
            html: AtomicUsize::new(0),
        }
    }

    fn count(&self, path: &str) {
        self.files.fetch_add(1, Ordering::Relaxed);
        if path.ends_with(".html") {
            self.html.fetch_add(1, Ordering::Relaxed);
        }
    }
}

impl Sink for Counting<'_> {
    fn put(&self, file: OutputFile) -> Result<()> {
        self.count(&file.path);
        self.sink.put(file)
    }

    fn put_streamed(&self, path: &str, write: &WriteFile) -> Result<()> {
        self.count(path);
        self.sink.put_streamed(path, write)
    }
}

fn render_page(tera: &Tera, template: &str, path: &str, page: &Rendered) -> Result<OutputFile> {
    let context = Context::from_serialize(page).map_err(|e| template_error(template, &e))?;
    tera.render(template, &context)
        .map(|text| OutputFile::new(path, text.into_bytes()))
        .map_err(|e| template_error(template, &e))
}

/// A context that cannot be serialised is a bug in its type, not in the content;
/// it is still reported as the page's error rather than a panic.
fn context_error(template: &str, error: &serde_json::Error) -> Error {
    Error::Template {
        template: template.to_string(),
        message: error.to_string(),
    }
}

/// A page to make. Its path and title are known up front (the sitemap lists
/// the paths, and two pages may not share one); its context is built only when
/// the page is rendered, so only the pages being rendered have one in memory.
pub(super) struct PageJob<'v> {
    path: String,
    title: String,
    make: Box<dyn FnOnce() -> PageContext<'v> + Send + 'v>,
}

impl<'v> PageJob<'v> {
    pub(super) fn new(
        path: impl Into<String>,
        title: impl Into<String>,
        make: impl FnOnce() -> PageContext<'v> + Send + 'v,
    ) -> PageJob<'v> {
        PageJob {
            path: path.into(),
            title: title.into(),
            make: Box::new(make),
        }
    }

    /// The page's path, title and context, built now.
    pub(super) fn make(self) -> (String, String, PageContext<'v>) {
        (self.path, self.title, (self.make)())
    }
}

impl Views<'_> {
    pub(super) fn page_jobs(&self, theme: &Theme) -> Vec<PageJob<'_>> {
        let mut jobs = vec![
            self.home(),
            self.sources_index(),
            self.actors_index(),
            self.notes_index(),
            self.timeline_page(),
            self.not_found(theme),
        ];
        jobs.extend(self.compare_jobs());
        jobs.push(self.search_page());
        jobs.push(self.a_to_z_page());
        jobs.extend(self.tag_jobs());
        jobs.extend(self.source_jobs());
        jobs.extend(self.actor_jobs());
        jobs.extend(self.note_jobs());
        let pages: Vec<String> = jobs
            .iter()
            .filter(|j| j.path != "404.html")
            .map(|j| absolute_url(&self.dossier.config.base_url, &j.path))
            .collect();
        jobs.push(self.sitemap(pages));
        jobs.push(self.atom());
        jobs
    }

    /// The search index's files, each handed to `sink` as it is made.
    fn write_search_index(
        &self,
        budget: usize,
        kept: Option<(&mut search::SourceIndex, Fingerprint)>,
        sink: &dyn Sink,
    ) -> Result<()> {
        search::write_index(
            self.dossier,
            |body| {
                markdown::plain_text(body, |l| self.dossier.title_of(&l.target).map(String::from))
            },
            budget,
            kept,
            &mut |(path, bytes)| sink.put(OutputFile::new(path, bytes)),
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::urls::{absolute_url, root_of};

    #[test]
    fn root_prefix_follows_depth() {
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("sources/a.html"), "../");
    }

    #[test]
    fn absolute_urls_drop_index_html() {
        assert_eq!(
            absolute_url("https://x.org/d/", "index.html"),
            "https://x.org/d/"
        );
        assert_eq!(
            absolute_url("https://x.org/d", "sources/a.html"),
            "https://x.org/d/sources/a.html"
        );
    }
}
