//! The list of the site's pages and the loop that renders them.

use super::cache::{CachedPage, PageCache};
use super::search;
use super::templates::template_error;
use super::views::Views;
use super::RenderStats;
use crate::analyse::Analysis;
use crate::error::Result;
use crate::markdown;
use crate::output::{lock, OutputFile, Sink, WriteFile};
use crate::resolve::Dossier;
use crate::theme::Theme;
use crate::urls::{absolute_url, root_of};
use rayon::prelude::*;
use serde::Serialize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tera::{Context, Tera};

/// Where a render's compiled templates come from.
pub(super) enum Compiled<'c> {
    Ready(Arc<Tera>),
    /// From the cache, which also reuses pages rendered before.
    Cached(&'c mut PageCache),
}

pub(super) fn render_with(
    dossier: &Dossier,
    analysis: &Analysis,
    theme: &Theme,
    compiled: Compiled,
    search_shard_bytes: usize,
    sink: &dyn Sink,
) -> Result<RenderStats> {
    let (tera, template_keys, cache) = match compiled {
        Compiled::Cached(cache) => {
            let (tera, keys) = cache.templates(theme)?;
            (tera, Some(keys), Some(cache))
        }
        Compiled::Ready(tera) => (tera, None, None),
    };
    let views = Views::new(dossier, analysis);
    let mut jobs = views.page_jobs();
    jobs.sort_by(|a, b| a.path.cmp(&b.path));
    let pages = jobs.len();
    let lookup = cache.as_deref();
    let rendered_count = AtomicUsize::new(0);
    let sink = Counting::new(sink);
    let put = |file: OutputFile| sink.put(file);
    let cached: std::sync::Mutex<Vec<(String, CachedPage)>> = Default::default();

    // Each page is built, rendered and handed to the sink in one go, so a
    // build holds a few pages at a time, not the whole site.
    let render_pages = || {
        jobs.into_par_iter().try_for_each(|job| {
            let PageJob { path, make } = job;
            let mut page = make();
            views.add_common(&mut page.context, &path, &page.title, page.section);
            if page.template == "404.html" {
                let css = theme.file("static/style.css").unwrap_or_default();
                page.context
                    .insert("inline_css", &String::from_utf8_lossy(css));
            }
            let (Some(cache), Some(template_keys)) = (lookup, &template_keys) else {
                rendered_count.fetch_add(1, Ordering::Relaxed);
                return put(render_page(&tera, &path, &page)?);
            };
            let value = page.context.into_json();
            let template_key = template_keys
                .get(page.template)
                .copied()
                .unwrap_or_default();
            let key = cache.page_key(template_key, page.template, &value);
            let file = match cache.get(&path, key) {
                Some(bytes) => OutputFile { path, bytes },
                None => {
                    page.context = Context::from_value(value).expect("a context is a JSON object");
                    rendered_count.fetch_add(1, Ordering::Relaxed);
                    render_page(&tera, &path, &page)?
                }
            };
            lock(&cached).push((file.path.clone(), (key, file.bytes.clone())));
            put(file)
        })
    };
    let data_files = || -> Result<()> {
        sink.put_streamed("dossier.json", &|out| {
            crate::export::write_json(dossier, analysis, out)
        })?;
        views.write_search_index(search_shard_bytes, &sink)
    };
    let (rendered, data) = rayon::join(render_pages, data_files);
    rendered?;
    data?;

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
    if let Some(cache) = cache {
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

fn render_page(tera: &Tera, path: &str, page: &Page) -> Result<OutputFile> {
    tera.render(page.template, &page.context)
        .map(|text| OutputFile::new(path, text.into_bytes()))
        .map_err(|e| template_error(page.template, &e))
}

/// The site's main sections, in menu order.
#[derive(Debug, Serialize)]
struct NavItem {
    path: &'static str,
    label: &'static str,
    section: &'static str,
}

const NAV: &[NavItem] = &[
    NavItem {
        path: "index.html",
        label: "Overview",
        section: "home",
    },
    NavItem {
        path: "notes/index.html",
        label: "Notes",
        section: "notes",
    },
    NavItem {
        path: "sources/index.html",
        label: "Sources",
        section: "sources",
    },
    NavItem {
        path: "actors/index.html",
        label: "Actors",
        section: "actors",
    },
    NavItem {
        path: "compare.html",
        label: "Compare",
        section: "compare",
    },
    NavItem {
        path: "timeline.html",
        label: "Timeline",
        section: "timeline",
    },
    NavItem {
        path: "tags/index.html",
        label: "Tags",
        section: "tags",
    },
];

/// A page to make. Its path is known up front (for the sitemap and to refuse
/// two pages on one path); its context is built only when the page is rendered,
/// so only the pages being rendered have one in memory.
pub(super) struct PageJob<'v> {
    pub(super) path: String,
    pub(super) make: Box<dyn FnOnce() -> Page + Send + 'v>,
}

/// A page ready to render: its template and everything the template sees.
pub(super) struct Page {
    pub(super) template: &'static str,
    pub(super) title: String,
    pub(super) section: &'static str,
    pub(super) context: Context,
}

impl<'a> Views<'a> {
    fn add_common(&self, context: &mut Context, path: &str, title: &str, section: &str) {
        let config = &self.dossier.config;
        context.insert("site", config);
        context.insert("root", &root_of(path));
        context.insert(
            "page",
            &serde_json::json!({
                "path": path,
                "title": title,
                "section": section,
                "canonical": absolute_url(&config.base_url, path),
            }),
        );
        context.insert("generator", concat!("dossier ", env!("CARGO_PKG_VERSION")));
        context.insert("nav", NAV);
    }

    fn page_jobs(&self) -> Vec<PageJob<'_>> {
        let mut jobs = vec![
            self.home(),
            self.sources_index(),
            self.actors_index(),
            self.notes_index(),
            self.timeline_page(),
            self.not_found(),
        ];
        jobs.extend(self.compare_jobs());
        jobs.push(self.search_page());
        jobs.push(self.a_to_z_page());
        jobs.extend(self.tag_jobs());
        jobs.extend(self.source_jobs());
        for (actor, card) in self.dossier.actors.iter().zip(&self.actors) {
            jobs.push(self.later(&card.url, move || self.actor_page(actor, card)));
        }
        for card in &self.notes {
            let note = self.dossier.note(card.slug).expect("cards come from notes");
            jobs.push(self.later(&card.url, move || self.note_page(note, card)));
        }
        let pages: Vec<String> = jobs
            .iter()
            .filter(|j| j.path != "404.html")
            .map(|j| absolute_url(&self.dossier.config.base_url, &j.path))
            .collect();
        jobs.push(self.sitemap(pages));
        jobs.push(self.atom());
        jobs
    }

    /// A page whose context `fill` builds when the page is rendered.
    pub(super) fn job<'v>(
        &'v self,
        path: &str,
        template: &'static str,
        title: &str,
        section: &'static str,
        fill: impl FnOnce(&mut Context) + Send + 'v,
    ) -> PageJob<'v> {
        let title = title.to_string();
        PageJob {
            path: path.to_string(),
            make: Box::new(move || self.page(template, &title, section, fill)),
        }
    }

    /// A page built later by `make`, which does its own work before filling the context.
    pub(super) fn later<'v>(
        &'v self,
        path: &str,
        make: impl FnOnce() -> Page + Send + 'v,
    ) -> PageJob<'v> {
        PageJob {
            path: path.to_string(),
            make: Box::new(make),
        }
    }

    pub(super) fn page(
        &self,
        template: &'static str,
        title: &str,
        section: &'static str,
        fill: impl FnOnce(&mut Context),
    ) -> Page {
        let mut context = Context::new();
        fill(&mut context);
        Page {
            template,
            title: title.to_string(),
            section,
            context,
        }
    }

    /// The search index's files, each handed to `sink` as it is made.
    fn write_search_index(&self, budget: usize, sink: &dyn Sink) -> Result<()> {
        search::write_index(
            self.dossier,
            |body| {
                markdown::plain_text(body, |l| self.dossier.title_of(&l.target).map(String::from))
            },
            budget,
            &mut |(path, bytes)| sink.put(OutputFile::new(path, bytes)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
