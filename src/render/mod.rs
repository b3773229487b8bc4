//! Stage 5: every page of the site, rendered in memory. Nothing is written here, so
//! a template error leaves the output folder untouched.

mod compare;
pub mod search;
mod svg;

use crate::analyse::quotes::{Speaker, StatementKind};
use crate::analyse::{Analysis, SourceStatement};
use crate::error::{Error, Result};
use crate::ingest::{Paragraph, Source};
use crate::markdown::{self, LinkTarget, WikiLink};
use crate::model::Section;
use crate::model::{ActorKind, PartialDate};
use crate::output::{lock, OutputFile, Sink, WriteFile};
use crate::resolve::{Actor, Cited, Dossier, Event, Note, Reference};
use crate::text::escape_html;
use crate::theme::Theme;
use crate::urls::{absolute_url, page_path, root_of, text_page_path};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{BuildHasher, DefaultHasher, Hasher, RandomState};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tera::{Context, Tera};

/// Renders the site into `sink`, each page as soon as it is made, with the
/// theme's templates compiled by [`compile_templates`].
pub fn render(
    dossier: &Dossier,
    analysis: &Analysis,
    theme: &Theme,
    templates: Arc<Tera>,
    search_shard_bytes: usize,
    sink: &dyn Sink,
) -> Result<RenderStats> {
    let compiled = Compiled::Ready(templates);
    render_with(dossier, analysis, theme, compiled, search_shard_bytes, sink)
}

/// The pages of a build (every HTML page, the sitemap and the feed), how many
/// of them tera rendered rather than took from the cache, and every file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderStats {
    pub pages: usize,
    pub rendered: usize,
    /// HTML pages among the files.
    pub html: usize,
    /// All files of the site.
    pub files: usize,
}

/// As [`render`], but a page whose template, theme templates and context are
/// those `cache` rendered before is taken from the cache instead of rendered
/// again. Every page's context is still built, so nothing a page shows can be
/// missed: the bytes are those a fresh [`render`] gives.
pub fn render_cached(
    dossier: &Dossier,
    analysis: &Analysis,
    theme: &Theme,
    cache: &mut PageCache,
    search_shard_bytes: usize,
    sink: &dyn Sink,
) -> Result<RenderStats> {
    let compiled = Compiled::Cached(cache);
    render_with(dossier, analysis, theme, compiled, search_shard_bytes, sink)
}

/// Where a render's compiled templates come from.
enum Compiled<'c> {
    Ready(Arc<Tera>),
    /// From the cache, which also reuses pages rendered before.
    Cached(&'c mut PageCache),
}

fn render_with(
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

/// What a page's bytes depend on, hashed: its template and every template that
/// one uses, and its whole context. 128 bits from two SipHash keys drawn at
/// random when the cache is made, so no content can be written to collide.
type PageKey = (u64, u64);

/// A rendered page and the key it was rendered for.
type CachedPage = (PageKey, Arc<Vec<u8>>);

/// Rendered pages by path, with the key they were rendered for, and the
/// compiled templates.
pub struct PageCache {
    hashers: (RandomState, RandomState),
    pages: HashMap<String, CachedPage>,
    tera: Option<(PageKey, Arc<Tera>)>,
}

impl Default for PageCache {
    fn default() -> Self {
        PageCache {
            hashers: (RandomState::new(), RandomState::new()),
            pages: HashMap::new(),
            tera: None,
        }
    }
}

impl PageCache {
    /// The theme's templates, compiled once for as long as they do not change,
    /// and a key for each template covering its own text and that of every
    /// template it uses: editing `note.html` renders the notes again, editing
    /// `base.html` every page.
    fn templates(&mut self, theme: &Theme) -> Result<(Arc<Tera>, HashMap<String, PageKey>)> {
        let templates = theme.templates()?;
        let mut all = KeyHasher::new(&self.hashers);
        for (name, text) in &templates {
            all.add(name.as_bytes());
            all.add(text.as_bytes());
        }
        let all = all.finish();
        let tera = match &self.tera {
            Some((cached, tera)) if *cached == all => tera.clone(),
            _ => {
                let tera = Arc::new(compile_templates(theme)?);
                self.tera = Some((all, tera.clone()));
                tera
            }
        };
        let text: BTreeMap<&str, &str> = templates
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let keys = template_uses(&text)
            .into_iter()
            .map(|(name, used)| {
                let mut hash = KeyHasher::new(&self.hashers);
                for name in used {
                    hash.add(name.as_bytes());
                    hash.add(text.get(name).unwrap_or(&"").as_bytes());
                }
                (name.to_string(), hash.finish())
            })
            .collect();
        Ok((tera, keys))
    }

    fn page_key(&self, templates: PageKey, template: &str, context: &serde_json::Value) -> PageKey {
        let mut hash = KeyHasher::new(&self.hashers);
        // The key of the page's template and all it uses.
        hash.add(&templates.0.to_le_bytes());
        hash.add(&templates.1.to_le_bytes());
        hash.add(template.as_bytes());
        serde_json::to_writer(&mut hash, context).expect("hashing does not fail");
        hash.finish()
    }

    fn get(&self, path: &str, key: PageKey) -> Option<Arc<Vec<u8>>> {
        self.pages
            .get(path)
            .filter(|(cached, _)| *cached == key)
            .map(|(_, bytes)| bytes.clone())
    }

    /// The pages of the latest build replace the cache's: a page gone from the
    /// site is forgotten.
    fn keep(&mut self, pages: impl Iterator<Item = (String, CachedPage)>) {
        self.pages = pages.collect();
    }
}

/// Feeds bytes to both hashers; as an `io::Write`, so a context is hashed as it
/// is serialised, without building its text.
struct KeyHasher(DefaultHasher, DefaultHasher);

impl KeyHasher {
    fn new(states: &(RandomState, RandomState)) -> KeyHasher {
        KeyHasher(states.0.build_hasher(), states.1.build_hasher())
    }

    fn add(&mut self, bytes: &[u8]) {
        // The length first, so that ("ab", "c") and ("a", "bc") differ.
        self.0.write_usize(bytes.len());
        self.1.write_usize(bytes.len());
        self.0.write(bytes);
        self.1.write(bytes);
    }

    fn finish(&self) -> PageKey {
        (self.0.finish(), self.1.finish())
    }
}

impl std::io::Write for KeyHasher {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        self.1.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// For each template, itself and every template it uses, directly or not:
/// those it extends, includes or imports. tera accepts only literal names in
/// those tags, so reading them from the text finds them all; a tag whose name
/// cannot be read makes the template use every template, to stay on the safe side.
fn template_uses<'t>(text: &BTreeMap<&'t str, &'t str>) -> BTreeMap<&'t str, BTreeSet<&'t str>> {
    static TAG: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?s)\{%-?\s*(?:extends|include|import)\b(.*?)-?%\}").expect("valid")
    });
    static NAME: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r#""([^"]*)"|'([^']*)'"#).expect("valid"));
    let direct: BTreeMap<&str, BTreeSet<&str>> = text
        .iter()
        .map(|(&name, &source)| {
            let mut used = BTreeSet::new();
            for tag in TAG.captures_iter(source) {
                let names: Vec<&str> = NAME
                    .captures_iter(&tag[1])
                    .filter_map(|c| c.get(1).or(c.get(2)))
                    .map(|m| m.as_str())
                    .collect();
                if names.is_empty() {
                    used.extend(text.keys().copied());
                }
                used.extend(
                    names
                        .into_iter()
                        .filter_map(|n| text.get_key_value(n).map(|(k, _)| *k)),
                );
            }
            (name, used)
        })
        .collect();
    text.keys()
        .map(|&name| {
            let mut closure = BTreeSet::from([name]);
            let mut pending = vec![name];
            while let Some(next) = pending.pop() {
                for &used in direct.get(next).into_iter().flatten() {
                    if closure.insert(used) {
                        pending.push(used);
                    }
                }
            }
            (name, closure)
        })
        .collect()
}

/// The theme's templates, parsed and checked for the ones every site needs.
pub fn compile_templates(theme: &Theme) -> Result<Tera> {
    let mut tera = Tera::default();
    tera.set_escape_fn(escape_html);
    let templates = theme.templates()?;
    tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| template_error("(theme)", &e))?;
    for required in REQUIRED_TEMPLATES {
        if !tera.get_template_names().any(|n| n == *required) {
            return Err(Error::Theme(format!(
                "the theme has no templates/{required}"
            )));
        }
    }
    Ok(tera)
}

/// Bars in an actor's mention chart: the sources that name it most.
const CHART_BARS: usize = 20;

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

const REQUIRED_TEMPLATES: &[&str] = &[
    "index.html",
    "sources.html",
    "source.html",
    "source_text.html",
    "actors.html",
    "actor.html",
    "notes.html",
    "note.html",
    "timeline.html",
    "compare.html",
    "tags.html",
    "tag.html",
    "404.html",
    "sitemap.xml",
    "atom.xml",
];

/// tera nests the cause of an error; a user needs the whole chain on one line.
fn template_error(template: &str, error: &tera::Error) -> Error {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    Error::Template {
        template: template.to_string(),
        message,
    }
}

/// A page to make. Its path is known up front (for the sitemap and to refuse
/// two pages on one path); its context is built only when the page is rendered,
/// so only the pages being rendered have one in memory.
struct PageJob<'v> {
    path: String,
    make: Box<dyn FnOnce() -> Page + Send + 'v>,
}

/// A page ready to render: its template and everything the template sees.
struct Page {
    template: &'static str,
    title: String,
    section: &'static str,
    context: Context,
}

/// A link to a page: where it is from the site root and what to call it.
#[derive(Debug, Clone, Serialize)]
struct LinkRef {
    url: String,
    title: String,
}

#[derive(Debug, Clone, Serialize)]
struct SourceCard<'a> {
    slug: &'a str,
    url: String,
    text_url: String,
    headline: &'a str,
    headline_inferred: bool,
    outlet: &'a str,
    /// Set when the outlet was read from the text: how.
    outlet_inferred_from: Option<&'a str>,
    author: &'a str,
    author_inferred_from: Option<&'a str>,
    published: Option<String>,
    published_inferred_from: Option<&'a str>,
    dateline: Option<&'a str>,
    language_inferred: bool,
    published_label: String,
    kind: crate::model::SourceKind,
    language: &'a str,
    direction: &'a str,
    word_count: usize,
    paragraph_count: usize,
    tags: Vec<LinkRef>,
}

#[derive(Debug, Clone, Serialize)]
struct ActorCard<'a> {
    slug: &'a str,
    url: String,
    name: &'a str,
    kind: ActorKind,
    role: Option<&'a str>,
    aliases: &'a [String],
    mention_count: usize,
    source_count: usize,
    /// Found in the text by discovery, with no file of its own.
    discovered: bool,
}

#[derive(Debug, Clone, Serialize)]
struct NoteCard<'a> {
    slug: &'a str,
    url: String,
    title: &'a str,
    summary: Option<&'a str>,
    tags: Vec<LinkRef>,
    event_count: usize,
}

#[derive(Debug, Clone, Serialize)]
struct LetterGroup {
    letter: String,
    entries: Vec<AzEntry>,
}

#[derive(Debug, Clone, Serialize)]
struct AzEntry {
    label: String,
    url: String,
    kind: &'static str,
    /// For another name of an actor: the actor's own name.
    see: Option<String>,
}

/// Editorial Markdown rendered for a page.
struct Prose {
    html: String,
    has_code: bool,
}

/// A numbered footnote: the sentence a document cites and where it stands.
#[derive(Debug, Clone, Serialize)]
struct CitationView {
    number: usize,
    /// The footnote's own id, `cite-N`.
    id: String,
    /// Ids of the markers in the text that point at it, to link back.
    markers: Vec<String>,
    quote: String,
    url: String,
    source: String,
    outlet: String,
    published: Option<String>,
    language: String,
    direction: &'static str,
    /// True when the whole source is cited: the quote is its headline.
    whole_source: bool,
}

#[derive(Debug, Clone, Serialize)]
struct Backlink {
    url: String,
    title: String,
    kind: &'static str,
    context: String,
}

#[derive(Debug, Clone, Serialize)]
struct EventView {
    date: String,
    date_label: String,
    year: i32,
    month: Option<&'static str>,
    title: String,
    kind: &'static str,
    actors: Vec<LinkRef>,
    sources: Vec<LinkRef>,
    note: Option<LinkRef>,
}

/// A quote, paraphrase or scare quote, ready for a page.
#[derive(Debug, Clone, Serialize)]
struct StatementView<'a> {
    kind: StatementKind,
    text: &'a str,
    verb: Option<&'a str>,
    words: usize,
    continued: bool,
    /// The paragraph it stands in.
    url: String,
    source: &'a str,
    outlet: &'a str,
    language: &'a str,
    direction: &'a str,
    /// Who speaks, as a reader should see it.
    speaker: String,
    /// The speaker's page, when the speaker is an actor.
    speaker_url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct ParagraphView<'a> {
    anchor: &'a str,
    line: usize,
    html: String,
}

/// One tag's page: what carries the tag, by kind.
#[derive(Debug, Clone, Serialize)]
struct TagView {
    name: String,
    count: usize,
    sources: Vec<LinkRef>,
    notes: Vec<LinkRef>,
    actors: Vec<LinkRef>,
}

#[derive(Debug, Clone, Serialize)]
struct KindGroup<'a> {
    kind: ActorKind,
    label: &'static str,
    actors: Vec<ActorCard<'a>>,
}

#[derive(Debug, Clone, Serialize)]
struct YearGroup {
    year: i32,
    months: Vec<MonthGroup>,
}

#[derive(Debug, Clone, Serialize)]
struct MonthGroup {
    /// "November 2021", or "2021, month unknown" for events dated only to the year.
    heading: String,
    label: String,
    id: String,
    events: Vec<EventView>,
}

/// Everything the templates see, computed once and shared by all pages.
struct Views<'a> {
    dossier: &'a Dossier,
    analysis: &'a Analysis,
    /// The analysis's findings grouped once, so no page scans the whole corpus.
    by: Grouped<'a>,
    backlinks: BTreeMap<&'a str, Vec<Backlink>>,
    sources: Vec<SourceCard<'a>>,
    actors: Vec<ActorCard<'a>>,
    notes: Vec<NoteCard<'a>>,
    timeline: Vec<EventView>,
    feed_updated: String,
    /// What each comparison page shows, sorted by page when the first is built.
    compare_index: std::sync::OnceLock<compare::PageIndex<'a>>,
    /// Set when any page has a highlighted code block: the site needs `syntax.css`.
    has_code: std::sync::atomic::AtomicBool,
}

/// Findings grouped by the page that shows them. Lookups only: every list keeps
/// the analysis's order, so output stays deterministic.
#[derive(Default)]
struct Grouped<'a> {
    mentions_by_source: HashMap<&'a str, Vec<&'a crate::analyse::Mention>>,
    mentions_by_actor: HashMap<&'a str, Vec<&'a crate::analyse::Mention>>,
    statements_by_source: HashMap<&'a str, Vec<&'a SourceStatement>>,
    statements_by_speaker: HashMap<&'a str, Vec<&'a SourceStatement>>,
    co_mentions_by_actor: HashMap<&'a str, Vec<(&'a str, usize)>>,
    events_by_source: HashMap<&'a str, Vec<&'a Event>>,
    events_by_actor: HashMap<&'a str, Vec<&'a Event>>,
    /// Events by the note that lists them.
    events_by_note: HashMap<&'a str, Vec<&'a Event>>,
    /// Notes whose text names an actor, by actor.
    notes_by_actor: HashMap<&'a str, Vec<&'a str>>,
    /// Citations, by the note, actor or source that makes them.
    citations_by_document: HashMap<&'a str, Vec<&'a Cited>>,
}

impl<'a> Grouped<'a> {
    fn new(dossier: &'a Dossier, analysis: &'a Analysis) -> Self {
        let mut by = Grouped::default();
        for cited in &dossier.citations {
            by.citations_by_document
                .entry(&cited.from)
                .or_default()
                .push(cited);
        }
        for event in &dossier.events {
            by.events_by_note
                .entry(&event.note)
                .or_default()
                .push(event);
            let mut sources: Vec<&str> = event.sources.iter().map(|r| r.slug.as_str()).collect();
            sources.sort_unstable();
            sources.dedup();
            for slug in sources {
                by.events_by_source.entry(slug).or_default().push(event);
            }
            for slug in &event.actors {
                by.events_by_actor.entry(slug).or_default().push(event);
            }
        }
        for (note, actors) in &analysis.note_actors {
            for actor in actors {
                by.notes_by_actor.entry(actor).or_default().push(note);
            }
        }
        for mention in &analysis.mentions {
            by.mentions_by_source
                .entry(&mention.source)
                .or_default()
                .push(mention);
            by.mentions_by_actor
                .entry(&mention.actor)
                .or_default()
                .push(mention);
        }
        for found in &analysis.statements {
            by.statements_by_source
                .entry(&found.source)
                .or_default()
                .push(found);
            if let Speaker::Actor(slug) = &found.statement.speaker {
                by.statements_by_speaker
                    .entry(slug)
                    .or_default()
                    .push(found);
            }
        }
        for pair in &analysis.co_mentions {
            by.co_mentions_by_actor
                .entry(&pair.a)
                .or_default()
                .push((&pair.b, pair.paragraphs));
            by.co_mentions_by_actor
                .entry(&pair.b)
                .or_default()
                .push((&pair.a, pair.paragraphs));
        }
        by
    }
}

impl<'a> Views<'a> {
    fn new(dossier: &'a Dossier, analysis: &'a Analysis) -> Views<'a> {
        let sources = dossier.sources.iter().map(source_card).collect();
        let actors = dossier
            .actors
            .iter()
            .map(|a| actor_card(a, analysis, dossier))
            .collect();
        let mut notes: Vec<&Note> = dossier.notes.iter().collect();
        notes.sort_by(|a, b| (a.meta.weight, &a.meta.title).cmp(&(b.meta.weight, &b.meta.title)));
        let notes = notes.into_iter().map(note_card).collect();

        let mut backlinks: BTreeMap<&str, Vec<Backlink>> = BTreeMap::new();
        for link in &dossier.links {
            let Some(target) = dossier.index.get(&link.from) else {
                continue;
            };
            let entry = Backlink {
                url: page_path(target.section, &link.from),
                title: dossier.title_of(&link.from).unwrap_or_default().to_string(),
                kind: section_kind(target.section),
                context: link.context.clone(),
            };
            let list = backlinks.entry(link.to.as_str()).or_default();
            if !list
                .iter()
                .any(|b| b.url == entry.url && b.context == entry.context)
                && link.from != link.to
            {
                list.push(entry);
            }
        }

        let mut timeline: Vec<(PartialDate, EventView)> = dossier
            .events
            .iter()
            .map(|e| (e.date, event_view(dossier, e)))
            .collect();
        for source in &dossier.sources {
            if let Some(date) = source.published {
                timeline.push((date, publication_view(source, date)));
            }
        }
        timeline.sort_by(|a, b| (a.0, a.1.kind, &a.1.title).cmp(&(b.0, b.1.kind, &b.1.title)));
        // The feed's date is that of the newest dated item, never the build time:
        // a build today must not change the bytes of a site whose content did not change.
        let feed_updated = timeline
            .iter()
            .map(|(date, _)| *date)
            .max()
            .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |d| d.rfc3339());

        Views {
            has_code: std::sync::atomic::AtomicBool::new(false),
            compare_index: std::sync::OnceLock::new(),
            dossier,
            analysis,
            by: Grouped::new(dossier, analysis),
            backlinks,
            sources,
            actors,
            notes,
            timeline: timeline.into_iter().map(|(_, v)| v).collect(),
            feed_updated,
        }
    }

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
            self.job(
                "sources/index.html",
                "sources.html",
                "Sources",
                "sources",
                |c| {
                    c.insert("sources", &self.sources);
                },
            ),
            self.job(
                "actors/index.html",
                "actors.html",
                "Actors",
                "actors",
                |c| {
                    c.insert("groups", &self.actor_groups());
                    let (network_svg, pairs) = self.network();
                    c.insert("network_svg", &network_svg);
                    c.insert("pairs", &pairs);
                },
            ),
            self.job("notes/index.html", "notes.html", "Notes", "notes", |c| {
                c.insert("notes", &self.notes);
            }),
            self.job(
                "timeline.html",
                "timeline.html",
                "Timeline",
                "timeline",
                |c| {
                    c.insert("years", &self.timeline_groups());
                    c.insert("event_count", &self.timeline.len());
                },
            ),
            self.job("404.html", "404.html", "Page not found", "404", |_| {}),
        ];
        let pages = compare::compare_pages(self.dossier.sources.len());
        for number in 1..=pages {
            let title = match pages {
                1 => "How the sources compare".to_string(),
                _ => format!("How the sources compare ({number} of {pages})"),
            };
            let path = compare::compare_page_path(number);
            jobs.push(
                self.job(&path, "compare.html", &title, "compare", move |c| {
                    c.insert(
                        "compare",
                        &self.compare_context(&self.analysis.comparison, number),
                    );
                }),
            );
        }
        jobs.push(self.job("search.html", "search.html", "Search", "search", |_| {}));
        let letters = self.a_to_z();
        jobs.push(
            self.job("a-z.html", "a-z.html", "A–Z index", "a-z", move |c| {
                c.insert("letters", &letters);
            }),
        );
        for (path, tag) in self.tags() {
            let title = format!("Tagged “{}”", tag.name);
            jobs.push(self.job(&path, "tag.html", &title, "tags", move |c| {
                c.insert("tag", &tag);
            }));
        }
        let tag_index: Vec<serde_json::Value> = self
            .tags()
            .into_iter()
            .map(|(path, tag)| serde_json::json!({ "url": path, "name": tag.name, "count": tag.count }))
            .collect();
        jobs.push(
            self.job("tags/index.html", "tags.html", "Tags", "tags", move |c| {
                c.insert("tags", &tag_index);
            }),
        );
        for (index, (source, card)) in self.dossier.sources.iter().zip(&self.sources).enumerate() {
            jobs.push(self.later(&card.url, move || self.source_page(index, source, card)));
            let title = format!("Verbatim text: {}", card.headline);
            jobs.push(self.job(
                &card.text_url,
                "source_text.html",
                &title,
                "sources",
                move |c| {
                    c.insert("source", card);
                    c.insert("lines", &source.lines);
                    c.insert("origin", &source.meta.origin);
                    c.insert("file", &source_file_name(source));
                },
            ));
        }
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
        jobs.push(
            self.job("sitemap.xml", "sitemap.xml", "Sitemap", "feed", move |c| {
                c.insert("urls", &pages);
            }),
        );
        jobs.push(self.job("atom.xml", "atom.xml", "Feed", "feed", |c| {
            c.insert("updated", &self.feed_updated);
            c.insert(
                "feed_url",
                &absolute_url(&self.dossier.config.base_url, "atom.xml"),
            );
            c.insert("home_url", &absolute_url(&self.dossier.config.base_url, ""));
            let entries: Vec<serde_json::Value> = self
                .dossier
                .sources
                .iter()
                .zip(&self.sources)
                .map(|(s, card)| {
                    serde_json::json!({
                        "title": card.headline,
                        "url": absolute_url(&self.dossier.config.base_url, &card.url),
                        "updated": s.published.map_or(self.feed_updated.clone(), |d| d.rfc3339()),
                        "summary": s.paragraphs.first().map(|p| p.text.as_str()).unwrap_or(""),
                        "author": card.author,
                    })
                })
                .chain(self.notes.iter().map(|n| {
                    serde_json::json!({
                        "title": n.title,
                        "url": absolute_url(&self.dossier.config.base_url, &n.url),
                        "updated": self.feed_updated,
                        "summary": n.summary.unwrap_or(""),
                        "author": "",
                    })
                }))
                .collect();
            c.insert("entries", &entries);
        }));
        jobs
    }

    /// A page whose context `fill` builds when the page is rendered.
    fn job<'v>(
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
    fn later<'v>(&'v self, path: &str, make: impl FnOnce() -> Page + Send + 'v) -> PageJob<'v> {
        PageJob {
            path: path.to_string(),
            make: Box::new(make),
        }
    }

    fn page(
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

    fn home(&self) -> PageJob<'_> {
        let title = self.dossier.config.title.clone();
        self.job("index.html", "index.html", &title, "home", |c| {
            c.insert("sources", &self.sources);
            c.insert("notes", &self.notes);
            c.insert("groups", &self.actor_groups());
            c.insert("actor_count", &self.actors.len());
            c.insert("event_count", &self.timeline.len());
            c.insert("first_event", &self.timeline.first());
            c.insert("last_event", &self.timeline.last());
        })
    }

    fn source_page(&self, index: usize, source: &'a Source, card: &SourceCard<'a>) -> Page {
        let mentions = self.mentions_by_paragraph(&source.slug);
        let paragraphs: Vec<ParagraphView> = source
            .paragraphs
            .iter()
            .map(|p| ParagraphView {
                anchor: &p.anchor,
                line: p.line,
                html: paragraph_html(
                    p,
                    mentions
                        .get(p.anchor.as_str())
                        .map(Vec::as_slice)
                        .unwrap_or(&[]),
                    "../",
                ),
            })
            .collect();
        let actors: Vec<serde_json::Value> = self
            .analysis
            .source_actors
            .get(&source.slug)
            .into_iter()
            .flatten()
            .filter_map(|ac| {
                let actor = self.dossier.actor(&ac.actor)?;
                Some(serde_json::json!({
                    "url": page_path(Section::Actors, &actor.slug),
                    "name": actor.meta.name,
                    "kind": actor.meta.kind,
                    "count": ac.count,
                }))
            })
            .collect();
        let (note_html, citations, has_code) = match source.meta.note.as_deref() {
            Some(note) => {
                let (prose, citations) = self.markdown(&source.slug, note);
                (Some(prose.html), citations, prose.has_code)
            }
            None => (None, Vec::new(), false),
        };
        let original_url = Some(source.meta.url.as_str())
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
        let events = self.event_views(self.by.events_by_source.get(source.slug.as_str()));
        let statements: Vec<StatementView> = self
            .by
            .statements_by_source
            .get(source.slug.as_str())
            .into_iter()
            .flatten()
            .filter_map(|s| self.statement_view(s))
            .collect();
        let framing = self.framing_box(index);
        self.page("source.html", card.headline, "sources", |c| {
            c.insert("framing", &framing);
            c.insert("compare_url", &compare::compare_page_of(index));
            c.insert("statements", &statements);
            c.insert("source", card);
            c.insert("paragraphs", &paragraphs);
            c.insert("deck", &source.deck);
            c.insert("actors", &actors);
            c.insert("note_html", &note_html);
            c.insert("citations", &citations);
            c.insert("has_code", &has_code);
            c.insert("origin", &source.meta.origin);
            c.insert("original_url", &original_url);
            c.insert("events", &events);
            c.insert("backlinks", self.backlinks_of(&source.slug));
        })
    }

    fn actor_page(&self, actor: &'a Actor, card: &ActorCard<'a>) -> Page {
        let coverage: Vec<serde_json::Value> = self
            .analysis
            .actor_coverage
            .get(&actor.slug)
            .into_iter()
            .flatten()
            .filter_map(|sc| {
                let source = self.dossier.source(&sc.source)?;
                Some(serde_json::json!({
                    "url": page_path(Section::Sources, &source.slug),
                    "title": source.headline,
                    "outlet": source.outlet.value,
                    "count": sc.count,
                }))
            })
            .collect();
        let appearances: Vec<serde_json::Value> = self
            .by
            .mentions_by_actor
            .get(actor.slug.as_str())
            .into_iter()
            .flatten()
            .map(|m| (m.source.as_str(), m.anchor.as_str()))
            .filter({
                let mut seen = std::collections::HashSet::new();
                move |key| seen.insert(*key)
            })
            .filter_map(|(slug, anchor)| {
                let source = self.dossier.source(slug)?;
                let paragraph = source.paragraphs.iter().find(|p| p.anchor == anchor)?;
                Some(serde_json::json!({
                    "url": format!("{}#{}", page_path(Section::Sources, slug), anchor),
                    "source": source.headline,
                    "outlet": source.outlet.value,
                    "text": paragraph.text,
                    "language": source.language,
                    "direction": source.direction,
                }))
            })
            .collect();
        let affiliation = actor
            .meta
            .affiliation
            .as_deref()
            .and_then(|slug| self.dossier.actor(slug))
            .map(|a| LinkRef {
                url: page_path(Section::Actors, &a.slug),
                title: a.meta.name.clone(),
            });
        let members: Vec<LinkRef> = self
            .dossier
            .actors
            .iter()
            .filter(|a| a.meta.affiliation.as_deref() == Some(actor.slug.as_str()))
            .map(|a| LinkRef {
                url: page_path(Section::Actors, &a.slug),
                title: a.meta.name.clone(),
            })
            .collect();
        let events = self.event_views(self.by.events_by_actor.get(actor.slug.as_str()));
        let (body, citations) = self.markdown(&actor.slug, &actor.body);
        let statements: Vec<StatementView> = self
            .by
            .statements_by_speaker
            .get(actor.slug.as_str())
            .into_iter()
            .flatten()
            .filter(|s| s.statement.kind != StatementKind::Scare)
            .filter_map(|s| self.statement_view(s))
            .collect();
        // The chart shows the sources that name the actor most; the table lists them all.
        let mut charted: Vec<&serde_json::Value> = coverage.iter().collect();
        charted.sort_by_key(|c| std::cmp::Reverse(c["count"].as_u64().unwrap_or(0)));
        charted.truncate(CHART_BARS);
        let bars: Vec<svg::Bar> = charted
            .iter()
            .map(|c| svg::Bar {
                label: c["outlet"]
                    .as_str()
                    .filter(|o| *o != "unknown")
                    .or_else(|| c["title"].as_str())
                    .unwrap_or(""),
                value: c["count"].as_u64().unwrap_or(0) as usize,
            })
            .collect();
        let coverage_svg =
            svg::bar_chart(&format!("Mentions of {} in each source", card.name), &bars);
        let mut co_mentioned: Vec<(usize, &str)> = self
            .by
            .co_mentions_by_actor
            .get(actor.slug.as_str())
            .into_iter()
            .flatten()
            .map(|(other, paragraphs)| (*paragraphs, *other))
            .collect();
        co_mentioned.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let co_mentioned: Vec<serde_json::Value> = co_mentioned
            .into_iter()
            .filter_map(|(paragraphs, slug)| {
                let other = self.dossier.actor(slug)?;
                Some(serde_json::json!({
                    "url": page_path(Section::Actors, slug),
                    "name": other.meta.name,
                    "paragraphs": paragraphs,
                }))
            })
            .collect();
        let notes_naming: Vec<LinkRef> = self
            .by
            .notes_by_actor
            .get(actor.slug.as_str())
            .into_iter()
            .flatten()
            .filter_map(|slug| {
                let note = self.dossier.note(slug)?;
                Some(LinkRef {
                    url: page_path(Section::Notes, slug),
                    title: note.meta.title.clone(),
                })
            })
            .collect();
        let tags = tag_links(&actor.meta.tags);
        let discovered = self.discovered_view(&actor.slug);
        self.page("actor.html", card.name, "actors", |c| {
            c.insert("discovered", &discovered);
            c.insert("tags", &tags);
            c.insert("statements", &statements);
            c.insert("coverage_svg", &coverage_svg);
            c.insert("co_mentioned", &co_mentioned);
            c.insert("notes_naming", &notes_naming);
            c.insert("actor", card);
            c.insert("body_html", &body.html);
            c.insert("has_code", &body.has_code);
            c.insert("citations", &citations);
            c.insert("affiliation", &affiliation);
            c.insert("members", &members);
            c.insert("coverage", &coverage);
            c.insert("appearances", &appearances);
            c.insert("events", &events);
            c.insert("backlinks", self.backlinks_of(&actor.slug));
        })
    }

    /// How discovery found an actor with no file: its cues, spellings, the
    /// spellings left unlinked and the first sentence that names it.
    fn discovered_view(&self, slug: &str) -> Option<serde_json::Value> {
        let found = self.dossier.discovery.actor(slug)?;
        let evidence: Vec<serde_json::Value> = found
            .evidence
            .iter()
            .map(|e| {
                serde_json::json!({
                    "cue": e.cue.label(),
                    "words": e.words,
                    "count": e.count,
                    "url": page_path(Section::Sources, &e.source),
                    "source": self.dossier.title_of(&e.source).unwrap_or(&e.source),
                })
            })
            .collect();
        let ambiguous: Vec<serde_json::Value> = self
            .dossier
            .discovery
            .ambiguous
            .iter()
            .filter(|a| a.candidates.iter().any(|c| c == slug))
            .map(|a| {
                let others: Vec<&str> = a
                    .candidates
                    .iter()
                    .filter(|c| *c != slug)
                    .filter_map(|c| self.dossier.title_of(c))
                    .collect();
                serde_json::json!({
                    "text": a.text,
                    "reason": match a.reason {
                        crate::resolve::discover::Ambiguity::SharedSurname => "a surname shared with",
                        crate::resolve::discover::Ambiguity::CapitalCity => "a capital: the city, or the government",
                    },
                    "others": others,
                    "settled": a.settled_in.values().filter(|s| *s == slug).count(),
                })
            })
            .collect();
        let first = crate::analyse::first_sentence(self.dossier, self.analysis, slug).map(
            |(source, anchor, text)| {
                serde_json::json!({
                    "url": format!("{}#{anchor}", page_path(Section::Sources, &source)),
                    "source": self.dossier.title_of(&source).unwrap_or(&source),
                    "text": text,
                })
            },
        );
        Some(serde_json::json!({
            "evidence": evidence,
            "variants": found.variants,
            "ambiguous": ambiguous,
            "first": first,
        }))
    }

    fn note_page(&self, note: &'a Note, card: &NoteCard<'a>) -> Page {
        let (body, citations) = self.markdown(&note.slug, &note.body);
        let events: Vec<EventView> = self
            .by
            .events_by_note
            .get(note.slug.as_str())
            .into_iter()
            .flatten()
            .map(|e| event_view(self.dossier, e))
            .collect();
        self.page("note.html", card.title, "notes", |c| {
            c.insert("note", card);
            c.insert("body_html", &body.html);
            c.insert("has_code", &body.has_code);
            c.insert("citations", &citations);
            c.insert("events", &events);
            c.insert("backlinks", self.backlinks_of(&note.slug));
        })
    }

    /// Renders a document's editorial Markdown for a page one folder below the
    /// root, with its citations numbered as footnotes.
    fn markdown(&self, from: &str, text: &str) -> (Prose, Vec<CitationView>) {
        let cited = self
            .by
            .citations_by_document
            .get(from)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        // Resolve recorded this document's citations in the order they are
        // written, which is the order `cite` is asked about them.
        let mut next = 0;
        let mut footnotes: Vec<&Cited> = Vec::new();
        let rendered = markdown::render_document(
            text,
            self.dossier.config.raw_html,
            |link| self.link_target(link, "../"),
            |item| {
                let found = cited[next.min(cited.len())..]
                    .iter()
                    .position(|c| c.source == item.target && c.anchor == item.anchor)?;
                let this = cited[next + found];
                next += found + 1;
                let number = match footnotes.iter().position(|f| {
                    f.source == this.source && f.sentence_anchor == this.sentence_anchor
                }) {
                    Some(i) => i + 1,
                    None => {
                        footnotes.push(this);
                        footnotes.len()
                    }
                };
                Some(number)
            },
        );
        let views = footnotes
            .iter()
            .enumerate()
            .map(|(i, cited)| self.citation_view(i + 1, cited, &rendered.citation_markers))
            .collect();
        if rendered.has_code {
            self.has_code
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        (
            Prose {
                html: rendered.html,
                has_code: rendered.has_code,
            },
            views,
        )
    }

    fn citation_view(&self, number: usize, cited: &Cited, markers: &[usize]) -> CitationView {
        let source = self.dossier.source(&cited.source);
        let mut url = format!("../{}", page_path(Section::Sources, &cited.source));
        if let Some(anchor) = &cited.sentence_anchor {
            url.push('#');
            url.push_str(anchor);
        }
        CitationView {
            number,
            id: format!("cite-{number}"),
            markers: (1..=markers.get(number - 1).copied().unwrap_or(0))
                .map(|k| format!("cite-ref-{number}-{k}"))
                .collect(),
            quote: cited.quote.clone(),
            url,
            source: source.map_or(cited.source.clone(), |s| s.headline.clone()),
            outlet: source.map(|s| s.outlet.value.clone()).unwrap_or_default(),
            published: source.and_then(|s| s.published).map(|d| d.to_string()),
            language: source.map_or(String::new(), |s| s.language.clone()),
            direction: source.map_or("ltr", |s| s.direction),
            whole_source: cited.sentence_anchor.is_none(),
        }
    }

    fn link_target(&self, link: &WikiLink, root: &str) -> Option<LinkTarget> {
        let target = self.dossier.index.get(&link.target)?;
        let mut url = format!("{root}{}", page_path(target.section, &link.target));
        if let Some(anchor) = &link.anchor {
            url.push('#');
            url.push_str(anchor);
        }
        Some(LinkTarget {
            url,
            title: self.dossier.title_of(&link.target)?.to_string(),
        })
    }

    fn statement_view(&self, found: &'a SourceStatement) -> Option<StatementView<'a>> {
        let source = self.dossier.source(&found.source)?;
        let statement = &found.statement;
        let (speaker, speaker_url) = match &statement.speaker {
            Speaker::Actor(slug) => (
                self.dossier
                    .actor(slug)
                    .map_or(slug.clone(), |a| a.meta.name.clone()),
                Some(page_path(Section::Actors, slug)),
            ),
            Speaker::Anonymous(words) => (format!("unnamed ({words})"), None),
            Speaker::Unlisted(name) => (name.clone(), None),
            Speaker::Unattributed => ("unattributed".to_string(), None),
        };
        Some(StatementView {
            kind: statement.kind,
            text: &statement.text,
            verb: statement.verb.as_deref(),
            words: statement.words,
            continued: statement.continued,
            url: format!(
                "{}#{}",
                page_path(Section::Sources, &source.slug),
                found.anchor
            ),
            source: &source.headline,
            outlet: &source.outlet.value,
            language: &source.language,
            direction: source.direction,
            speaker,
            speaker_url,
        })
    }

    fn backlinks_of(&self, slug: &str) -> &[Backlink] {
        self.backlinks.get(slug).map(Vec::as_slice).unwrap_or(&[])
    }

    fn event_views(&self, events: Option<&Vec<&Event>>) -> Vec<EventView> {
        events
            .into_iter()
            .flatten()
            .map(|e| event_view(self.dossier, e))
            .collect()
    }

    fn mentions_by_paragraph(
        &self,
        source: &str,
    ) -> BTreeMap<&str, Vec<(&str, std::ops::Range<usize>)>> {
        let mut map: BTreeMap<&str, Vec<(&str, std::ops::Range<usize>)>> = BTreeMap::new();
        for mention in self.by.mentions_by_source.get(source).into_iter().flatten() {
            map.entry(&mention.anchor)
                .or_default()
                .push((&mention.actor, mention.range.clone()));
        }
        map
    }

    /// The co-mention network of every actor the sources name, grouped by kind
    /// around the circle, and the same data as table rows.
    fn network(&self) -> (String, Vec<serde_json::Value>) {
        let mut order: Vec<&ActorCard> =
            self.actors.iter().filter(|a| a.mention_count > 0).collect();
        order.sort_by(|a, b| (a.kind, a.name).cmp(&(b.kind, b.name)));
        let positions: HashMap<&str, usize> =
            order.iter().enumerate().map(|(i, a)| (a.slug, i)).collect();
        let position = |slug: &str| positions.get(slug).copied();
        let nodes: Vec<svg::Node> = order
            .iter()
            .map(|a| svg::Node {
                label: a.name,
                url: a.url.clone(),
                weight: a.mention_count,
                class: match a.kind {
                    ActorKind::Person => "person",
                    ActorKind::State => "state",
                    ActorKind::Organisation => "organisation",
                    ActorKind::Group => "group",
                },
            })
            .collect();
        let edges: Vec<(usize, usize, usize)> = self
            .analysis
            .co_mentions
            .iter()
            .filter_map(|m| Some((position(&m.a)?, position(&m.b)?, m.paragraphs)))
            .collect();
        let svg = svg::network("Actors named in the same paragraph", &nodes, &edges, "../");
        let mut pairs: Vec<&crate::analyse::CoMention> = self.analysis.co_mentions.iter().collect();
        pairs.sort_by(|x, y| {
            y.paragraphs
                .cmp(&x.paragraphs)
                .then((&x.a, &x.b).cmp(&(&y.a, &y.b)))
        });
        let rows = pairs
            .into_iter()
            .filter_map(|m| {
                let (a, b) = (self.dossier.actor(&m.a)?, self.dossier.actor(&m.b)?);
                Some(serde_json::json!({
                    "a": { "url": page_path(Section::Actors, &a.slug), "name": a.meta.name },
                    "b": { "url": page_path(Section::Actors, &b.slug), "name": b.meta.name },
                    "paragraphs": m.paragraphs,
                }))
            })
            .collect();
        (svg, rows)
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

    /// Every actor and alias, source, note and tag, grouped by first letter.
    fn a_to_z(&self) -> Vec<LetterGroup> {
        let mut entries: Vec<AzEntry> = Vec::new();
        for actor in &self.dossier.actors {
            let url = page_path(Section::Actors, &actor.slug);
            entries.push(AzEntry {
                label: actor.meta.name.clone(),
                url: url.clone(),
                kind: "actor",
                see: None,
            });
            for alias in &actor.meta.aliases {
                if alias != &actor.meta.name {
                    entries.push(AzEntry {
                        label: alias.clone(),
                        url: url.clone(),
                        kind: "actor",
                        see: Some(actor.meta.name.clone()),
                    });
                }
            }
        }
        for card in &self.sources {
            entries.push(AzEntry {
                label: card.headline.to_string(),
                url: card.url.clone(),
                kind: "source",
                see: None,
            });
        }
        for card in &self.notes {
            entries.push(AzEntry {
                label: card.title.to_string(),
                url: card.url.clone(),
                kind: "note",
                see: None,
            });
        }
        for (url, tag) in self.tags() {
            entries.push(AzEntry {
                label: tag.name,
                url,
                kind: "tag",
                see: None,
            });
        }
        let key = |label: &str| -> String {
            label
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        entries.sort_by_cached_key(|e| (key(&e.label), e.label.clone(), e.url.clone()));
        let mut groups: Vec<LetterGroup> = Vec::new();
        for entry in entries {
            let letter = match entry.label.chars().find(|c| c.is_alphanumeric()) {
                Some(c) if c.is_alphabetic() => c.to_uppercase().collect(),
                _ => "#".to_string(),
            };
            match groups.last_mut() {
                Some(group) if group.letter == letter => group.entries.push(entry),
                _ => groups.push(LetterGroup {
                    letter,
                    entries: vec![entry],
                }),
            }
        }
        groups
    }

    fn tags(&self) -> BTreeMap<String, TagView> {
        let mut groups: BTreeMap<String, TagView> = BTreeMap::new();
        let mut add = |tag: &String, section: Section, link: LinkRef| {
            if tag.trim().is_empty() {
                return;
            }
            let view = groups.entry(tag_path(tag)).or_insert_with(|| TagView {
                name: tag.trim().to_string(),
                count: 0,
                sources: Vec::new(),
                notes: Vec::new(),
                actors: Vec::new(),
            });
            let list = match section {
                Section::Sources => &mut view.sources,
                Section::Notes => &mut view.notes,
                Section::Actors => &mut view.actors,
            };
            if !list.iter().any(|l| l.url == link.url) {
                list.push(link);
                view.count += 1;
            }
        };
        for source in &self.dossier.sources {
            for tag in &source.meta.tags {
                let url = page_path(Section::Sources, &source.slug);
                add(
                    tag,
                    Section::Sources,
                    LinkRef {
                        url,
                        title: source.headline.clone(),
                    },
                );
            }
        }
        for note in &self.dossier.notes {
            for tag in &note.meta.tags {
                let url = page_path(Section::Notes, &note.slug);
                add(
                    tag,
                    Section::Notes,
                    LinkRef {
                        url,
                        title: note.meta.title.clone(),
                    },
                );
            }
        }
        for actor in &self.dossier.actors {
            for tag in &actor.meta.tags {
                let url = page_path(Section::Actors, &actor.slug);
                add(
                    tag,
                    Section::Actors,
                    LinkRef {
                        url,
                        title: actor.meta.name.clone(),
                    },
                );
            }
        }
        groups
    }

    fn actor_groups(&self) -> Vec<KindGroup<'a>> {
        ActorKind::ALL
            .iter()
            .map(|kind| {
                let mut actors: Vec<ActorCard> = self
                    .actors
                    .iter()
                    .filter(|a| a.kind == *kind)
                    .cloned()
                    .collect();
                actors.sort_by(|a, b| a.name.cmp(b.name));
                KindGroup {
                    kind: *kind,
                    label: kind.plural_label(),
                    actors,
                }
            })
            .filter(|g| !g.actors.is_empty())
            .collect()
    }

    fn timeline_groups(&self) -> Vec<YearGroup> {
        let mut years: Vec<YearGroup> = Vec::new();
        for event in &self.timeline {
            if years.last().is_none_or(|y| y.year != event.year) {
                years.push(YearGroup {
                    year: event.year,
                    months: Vec::new(),
                });
            }
            let year = years.last_mut().expect("pushed above");
            let label = event.month.unwrap_or("Month unknown").to_string();
            if year.months.last().is_none_or(|m| m.label != label) {
                year.months.push(MonthGroup {
                    heading: match event.month {
                        Some(month) => format!("{month} {}", event.year),
                        None => format!("{}, month unknown", event.year),
                    },
                    id: format!("y{}-{}", event.year, crate::text::slugify(&label)),
                    label,
                    events: Vec::new(),
                });
            }
            year.months
                .last_mut()
                .expect("pushed above")
                .events
                .push(event.clone());
        }
        years
    }
}

fn section_kind(section: Section) -> &'static str {
    match section {
        Section::Sources => "source",
        Section::Actors => "actor",
        Section::Notes => "note",
    }
}

fn source_card(source: &Source) -> SourceCard<'_> {
    SourceCard {
        slug: &source.slug,
        url: page_path(Section::Sources, &source.slug),
        text_url: text_page_path(&source.slug),
        headline: &source.headline,
        headline_inferred: source.headline_inferred,
        outlet: &source.outlet.value,
        outlet_inferred_from: source.outlet.inferred_from.as_deref(),
        author: &source.author.value,
        author_inferred_from: source.author.inferred_from.as_deref(),
        published_inferred_from: source.published_evidence.as_deref(),
        dateline: source.dateline.as_deref(),
        language_inferred: source.language_inferred,
        published: source.published.map(|d| d.to_string()),
        published_label: source
            .published
            .map_or_else(|| "date unknown".to_string(), |d| d.human()),
        kind: source.kind,
        language: &source.language,
        direction: source.direction,
        word_count: source.word_count,
        paragraph_count: source.paragraphs.len(),
        tags: tag_links(&source.meta.tags),
    }
}

/// The name of the file a source was read from, so a reader knows what to edit
/// even when the slug was made from a name like `My_Article.txt`.
fn source_file_name(source: &Source) -> String {
    source
        .origin
        .path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The page of a tag, by its slug.
/// A tag's page. Tags differing only in case or accents share it; a tag the
/// ASCII slug cannot spell (Arabic, Hebrew…) gets the hash of its own text, so two
/// such tags never share a page, and no tag can take the tag index's place.
fn tag_path(tag: &str) -> String {
    use std::hash::Hasher;
    let slug = crate::text::slugify(tag);
    let spelled = slug != "untitled" || tag.trim().eq_ignore_ascii_case("untitled");
    if spelled && slug != "index" {
        return format!("tags/{slug}.html");
    }
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(tag.trim().to_lowercase().as_bytes());
    format!("tags/{slug}-{:08x}.html", hasher.finish() as u32)
}

fn tag_links(tags: &[String]) -> Vec<LinkRef> {
    tags.iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| LinkRef {
            url: tag_path(t),
            title: t.trim().to_string(),
        })
        .collect()
}

fn actor_card<'a>(actor: &'a Actor, analysis: &Analysis, dossier: &Dossier) -> ActorCard<'a> {
    let coverage = analysis.actor_coverage.get(&actor.slug);
    ActorCard {
        slug: &actor.slug,
        url: page_path(Section::Actors, &actor.slug),
        name: &actor.meta.name,
        kind: actor.meta.kind,
        role: actor.meta.role.as_deref(),
        aliases: &actor.meta.aliases,
        mention_count: coverage.map_or(0, |c| c.iter().map(|s| s.count).sum()),
        source_count: coverage.map_or(0, |c| c.iter().filter(|s| s.count > 0).count()),
        discovered: dossier.discovery.actor(&actor.slug).is_some(),
    }
}

fn note_card(note: &Note) -> NoteCard<'_> {
    NoteCard {
        slug: &note.slug,
        url: page_path(Section::Notes, &note.slug),
        title: &note.meta.title,
        summary: note.meta.summary.as_deref(),
        tags: tag_links(&note.meta.tags),
        event_count: note.meta.events.len(),
    }
}

fn event_view(dossier: &Dossier, event: &Event) -> EventView {
    EventView {
        date: event.date.to_string(),
        date_label: event.date.human(),
        year: event.date.year,
        month: event.date.month_name(),
        title: event.title.clone(),
        kind: "event",
        actors: event
            .actors
            .iter()
            .filter_map(|slug| {
                Some(LinkRef {
                    url: page_path(Section::Actors, slug),
                    title: dossier.actor(slug)?.meta.name.clone(),
                })
            })
            .collect(),
        sources: event
            .sources
            .iter()
            .filter_map(|r| reference_link(dossier, r))
            .collect(),
        note: dossier.note(&event.note).map(|n| LinkRef {
            url: page_path(Section::Notes, &n.slug),
            title: n.meta.title.clone(),
        }),
    }
}

fn reference_link(dossier: &Dossier, reference: &Reference) -> Option<LinkRef> {
    let source = dossier.source(&reference.slug)?;
    let mut url = page_path(Section::Sources, &source.slug);
    if let Some(anchor) = &reference.anchor {
        url.push('#');
        url.push_str(anchor);
    }
    Some(LinkRef {
        url,
        title: source_label(source),
    })
}

/// How a source is named in lists: its outlet when known, else its headline.
fn source_label(source: &Source) -> String {
    if source.outlet.value.eq_ignore_ascii_case("unknown") {
        source.headline.clone()
    } else {
        format!("{} ({})", source.headline, source.outlet.value)
    }
}

fn publication_view(source: &Source, date: PartialDate) -> EventView {
    EventView {
        date: date.to_string(),
        date_label: date.human(),
        year: date.year,
        month: date.month_name(),
        title: format!("Published: {}", source.headline),
        kind: "publication",
        actors: Vec::new(),
        sources: vec![LinkRef {
            url: page_path(Section::Sources, &source.slug),
            title: source_label(source),
        }],
        note: None,
    }
}

/// A paragraph as HTML: its text escaped, each sentence a target a citation can
/// point at, the first mention of each actor linked.
fn paragraph_html(
    paragraph: &Paragraph,
    mentions: &[(&str, std::ops::Range<usize>)],
    root: &str,
) -> String {
    let text = &paragraph.text;
    let mut html = String::with_capacity(text.len() + mentions.len() * 48 + 64);
    let mut linked: Vec<&str> = Vec::new();
    let mut last = 0;
    let whole = std::iter::once(0..text.len());
    let sentences: Vec<std::ops::Range<usize>> = if paragraph.sentences.is_empty() {
        whole.collect()
    } else {
        paragraph.sentences.clone()
    };
    for (i, sentence) in sentences.iter().enumerate() {
        html.push_str(&escape_html(&text[last..sentence.start]));
        html.push_str(&format!(
            "<span class=\"sentence\" id=\"{}\">",
            paragraph.sentence_anchor(i)
        ));
        last = sentence.start;
        for (actor, range) in mentions {
            // A mention is linked once, and never across a sentence's edge.
            if linked.contains(actor)
                || range.start < last
                || range.start < sentence.start
                || range.end > sentence.end
            {
                continue;
            }
            linked.push(actor);
            html.push_str(&escape_html(&text[last..range.start]));
            html.push_str(&format!(
                "<a class=\"mention\" href=\"{root}{}\">{}</a>",
                page_path(Section::Actors, actor),
                escape_html(&text[range.clone()])
            ));
            last = range.end;
        }
        html.push_str(&escape_html(&text[last..sentence.end]));
        html.push_str("</span>");
        last = sentence.end;
    }
    html.push_str(&escape_html(&text[last..]));
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_in_any_script_get_pages_of_their_own() {
        assert_eq!(tag_path("Défense"), "tags/defense.html");
        assert_eq!(tag_path("defense"), tag_path("DÉFENSE"));
        let (arabic, hebrew) = (tag_path("الدفاع"), tag_path("ביטחון"));
        assert_ne!(arabic, hebrew);
        assert_ne!(arabic, tag_path("untitled"));
        assert_eq!(arabic, tag_path(" الدفاع "));
        assert_ne!(tag_path("index"), "tags/index.html");
    }

    #[test]
    fn root_prefix_follows_depth() {
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("sources/a.html"), "../");
    }

    #[test]
    fn paragraph_text_is_escaped_and_first_mention_linked() {
        let paragraph = Paragraph {
            anchor: "p-1".into(),
            text: "<b>Gantz</b> & Gantz".into(),
            line: 1,
            credits: vec![],
            sentences: std::iter::once(0..20).collect(),
        };
        let html = paragraph_html(&paragraph, &[("gantz", 3..8), ("gantz", 15..20)], "../");
        assert_eq!(
            html,
            "<span class=\"sentence\" id=\"p-1-s1\">&lt;b&gt;<a class=\"mention\" href=\"../actors/gantz.html\">Gantz</a>&lt;/b&gt; &amp; Gantz</span>"
        );
    }

    #[test]
    fn each_sentence_is_a_target_and_mentions_never_straddle_one() {
        let text = "Gantz came. Loudiyi and Gantz met.";
        let paragraph = Paragraph {
            anchor: "p-2".into(),
            text: text.into(),
            line: 1,
            credits: vec![],
            sentences: crate::text::paragraph_sentences(text),
        };
        let html = paragraph_html(
            &paragraph,
            &[("gantz", 0..5), ("loudiyi", 12..19), ("gantz", 24..29)],
            "",
        );
        assert_eq!(
            html,
            "<span class=\"sentence\" id=\"p-2-s1\"><a class=\"mention\" href=\"actors/gantz.html\">Gantz</a> came.</span> <span class=\"sentence\" id=\"p-2-s2\"><a class=\"mention\" href=\"actors/loudiyi.html\">Loudiyi</a> and Gantz met.</span>"
        );
    }

    #[test]
    fn a_template_uses_what_it_extends_includes_and_imports_transitively() {
        let text = BTreeMap::from([
            (
                "base.html",
                "{% import \"macros.html\" as m %}<body>{% block c %}{% endblock %}",
            ),
            ("macros.html", "{% macro x() %}x{% endmacro %}"),
            (
                "note.html",
                "{%- extends 'base.html' -%}{% block c %}{% include \"card.html\" %}{% endblock %}",
            ),
            ("card.html", "card"),
            ("atom.xml", "<feed/>"),
        ]);
        let uses = template_uses(&text);
        assert_eq!(
            uses["note.html"],
            BTreeSet::from(["base.html", "card.html", "macros.html", "note.html"])
        );
        assert_eq!(uses["atom.xml"], BTreeSet::from(["atom.xml"]));
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
