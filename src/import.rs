//! `dossier import`: a scraped article becomes a source file, its metadata inferred
//! from the text and its text kept verbatim.

use crate::error::{Diagnostic, Error, Result};
use crate::ingest::html::{self, Extracted, Found, SavedPage};
use crate::ingest::{self, infer, Field, LineRole, Source};
use crate::load;
use crate::model::Section;
use crate::model::{Config, Document, Origin, SourceKind, SourceMeta, TextFile, UNKNOWN};
use crate::scaffold::quoted;
use crate::text::slugify;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub files: Vec<PathBuf>,
    pub content: PathBuf,
    /// The slug of the new source; only with a single file.
    pub slug: Option<String>,
    /// The outlet, when the text does not say.
    pub outlet: Option<String>,
    /// Replace an existing source with the same slug.
    pub force: bool,
    /// Show what would be written, write nothing.
    pub dry_run: bool,
}

/// One imported article: where it goes and what the cleaning made of it.
#[derive(Debug, Clone)]
pub struct Imported {
    pub from: PathBuf,
    pub path: PathBuf,
    pub source: Source,
    pub text: String,
    /// Why the slug is not the one the headline gave: another file of the batch or
    /// of the dossier already has it.
    pub renamed: Option<String>,
    /// A saved web page, kept as it came beside the source file: where, and its bytes.
    pub page: Option<(PathBuf, Vec<u8>)>,
}

pub fn import(options: &ImportOptions) -> Result<Vec<Imported>> {
    if options.slug.is_some() && options.files.len() > 1 {
        return Err(Error::Usage(
            "--slug names one source; import one file at a time with it".into(),
        ));
    }
    let chosen_slug = options.slug.as_deref().map(slugify);
    let furniture_path = options.content.join(load::FURNITURE_FILE);
    let furniture = furniture_path
        .exists()
        .then(|| {
            load::read_text(&furniture_path).map(|text| TextFile {
                path: furniture_path.clone(),
                text,
            })
        })
        .transpose()
        .map_err(|d| Error::Content(vec![d]))?;
    let rules = ingest::rule_set(furniture.as_ref())?;
    let config = config_or_default(&options.content);
    let taken = existing_slugs(&options.content);

    // Reading, extracting and cleaning each file is independent of the others:
    // done in parallel, then the slugs are given in the order the files were named,
    // and the first file in that order that fails is the one reported.
    let prepare = |file: &PathBuf| -> Result<Prepared> {
        let file_name = file
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let mut meta = SourceMeta {
            outlet: options.outlet.clone(),
            ..load::MaybeDefault::fallback().expect("sources may lack front matter")
        };
        let (text, page, read_from) = if html::is_html_name(file) || html::file_is_html(file) {
            let mut page = html::read_page(file).map_err(|d| Error::Content(vec![d]))?;
            let extracted = html::extract(&page.html);
            // Only the page's bytes are kept from here: its markup, often several
            // times their size, is freed now rather than when every file is done.
            drop(std::mem::take(&mut page.html));
            let read_from = fill_from_page(&mut meta, &extracted, options.outlet.is_some());
            (page_text(&extracted), Some(page), read_from)
        } else {
            let text = load::read_text(file).map_err(|d| Error::Content(vec![d]))?;
            (text, None, Vec::new())
        };
        let document = Document {
            slug: String::new(),
            origin: Origin {
                path: file.clone(),
                front_matter: String::new(),
                front_matter_line: 1,
                body_line: 1,
            },
            meta,
            body: text.clone(),
        };
        let mut source = ingest::ingest_one(document, &config, &rules).map_err(Error::Content)?;
        if source.paragraphs.is_empty() {
            // A source with no text would only be an empty page in the site.
            return Err(Error::Content(vec![Diagnostic::new(
                file,
                0,
                0,
                "no article text was found in this file",
            )
            .with_hint(
                "check that it holds the article (not a gzip that failed to save, a login \
                 wall or an index page); a page's text can also be copied into a .txt file",
            )]));
        }
        if source.outlet.is_none() {
            source.outlet = outlet_named_around(&source, &file_name);
        }
        Ok((file_name, text, page, read_from, source))
    };
    let prepared = in_parallel_largest_first(&options.files, prepare);

    let mut imported: Vec<Imported> = Vec::new();
    let mut in_batch: HashSet<String> = HashSet::new();
    for (file, prepared) in options.files.iter().zip(prepared) {
        let (file_name, text, page, read_from, source) = prepared?;
        // A Markdown file stays Markdown: its paragraphs are separated by blank lines.
        let extension = if file.extension().is_some_and(|e| e == "md") {
            "md"
        } else {
            "txt"
        };
        let sources = options.content.join(Section::Sources.folder());
        let (slug, renamed) = match &chosen_slug {
            Some(slug) => {
                check_chosen_slug(
                    slug,
                    &sources.join(format!("{slug}.{extension}")),
                    &taken,
                    &text,
                    options.force,
                )?;
                (slug.clone(), None)
            }
            None => free_slug(
                &source,
                &sources,
                extension,
                &taken,
                &in_batch,
                &text,
                options.force,
            )?,
        };
        in_batch.insert(slug.clone());
        let path = sources.join(format!("{slug}.{extension}"));
        let kept = page.map(|page| {
            let kept = sources.join(format!("{slug}.{}", page.kept_extension()));
            (kept, page.bytes)
        });
        let origin = kept
            .as_ref()
            .and_then(|(kept, _)| Some(kept.file_name()?.to_string_lossy().to_string()))
            .unwrap_or(file_name);
        let written = render_source_file(&source, &origin, &read_from, &text);
        imported.push(Imported {
            from: file.clone(),
            path,
            source,
            text: written,
            renamed,
            page: kept,
        });
    }

    if !options.dry_run {
        let folder = options.content.join(Section::Sources.folder());
        std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
        for item in &imported {
            std::fs::write(&item.path, &item.text).map_err(|e| Error::io(&item.path, e))?;
            if let Some((path, bytes)) = &item.page {
                std::fs::write(path, bytes).map_err(|e| Error::io(path, e))?;
            }
        }
    }
    Ok(imported)
}

/// `prepare` over every file in parallel, the results in the files' order. The
/// largest files are taken first, each by the next thread free, so that no big
/// page is left to the end to keep one thread busy while the others wait.
fn in_parallel_largest_first<T: Send>(
    files: &[PathBuf],
    prepare: impl Fn(&PathBuf) -> T + Sync,
) -> Vec<T> {
    let size = |file: &PathBuf| std::fs::metadata(file).map_or(0, |m| m.len());
    let mut order: Vec<(u64, usize)> = files
        .iter()
        .enumerate()
        .map(|(i, file)| (size(file), i))
        .collect();
    order.sort_by_key(|&(size, i)| (std::cmp::Reverse(size), i));
    let mut done: Vec<(usize, T)> = order
        .into_iter()
        .par_bridge()
        .map(|(_, i)| (i, prepare(&files[i])))
        .collect();
    done.sort_unstable_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, result)| result).collect()
}

/// A short slug from the headline: its first words, so file names stay readable.
fn slug_for(source: &Source) -> String {
    let words: Vec<&str> = source.title().split_whitespace().take(8).collect();
    slugify(&words.join(" "))
}

/// A slug the user chose with `--slug`: taken by another file it is an error, and
/// on the same file only `--force` replaces it.
fn check_chosen_slug(
    slug: &str,
    path: &Path,
    taken: &HashMap<String, PathBuf>,
    text: &str,
    force: bool,
) -> Result<()> {
    match taken.get(slug) {
        Some(existing) if existing != path => Err(Error::Usage(format!(
            "slug '{slug}' is already used by {}; choose another with --slug",
            existing.display()
        ))),
        Some(_) if !force && !is_same_article(path, text) => Err(Error::Usage(format!(
            "{} holds another article; choose another --slug, or replace it with --force",
            path.display()
        ))),
        Some(_) if !force => Err(Error::AlreadyExists {
            path: path.to_path_buf(),
        }),
        _ => Ok(()),
    }
}

/// The headline's slug, or, when another source of the dossier or of this batch
/// has it (wire copy reprinted by several outlets shares its headline), the same
/// slug told apart by the outlet, then by a number. Importing the same article
/// again is refused unless `--force`, rather than made a second copy.
fn free_slug(
    source: &Source,
    sources: &Path,
    extension: &str,
    taken: &HashMap<String, PathBuf>,
    in_batch: &HashSet<String>,
    text: &str,
    force: bool,
) -> Result<(String, Option<String>)> {
    let base = slug_for(source);
    let path_of = |slug: &str| sources.join(format!("{slug}.{extension}"));
    let holder = |slug: &str| -> Option<String> {
        if in_batch.contains(slug) {
            return Some("another file of this import".to_string());
        }
        taken.get(slug).map(|path| path.display().to_string())
    };
    let Some(first_holder) = holder(&base) else {
        return Ok((base, None));
    };
    if !in_batch.contains(&base) && is_same_article(&path_of(&base), text) {
        if force {
            return Ok((base, None));
        }
        return Err(Error::AlreadyExists {
            path: path_of(&base),
        });
    }
    let outlet = source.outlet.as_ref().map(|outlet| slugify(&outlet.value));
    let candidates = outlet
        .iter()
        .map(|outlet| format!("{base}-{outlet}"))
        .chain((2..).map(|n| format!("{base}-{n}")));
    for candidate in candidates {
        if holder(&candidate).is_none() {
            let why = format!("'{base}' is taken by {first_holder}");
            return Ok((candidate, Some(why)));
        }
    }
    unreachable!("the numbered candidates never run out")
}

/// Whether the source file at `path` was imported from exactly this text.
fn is_same_article(path: &Path, text: &str) -> bool {
    std::fs::read_to_string(path).is_ok_and(|existing| existing.ends_with(text))
}

/// The outlet, when the text gave none, from what surrounds it: a page title that
/// ends with the site's name ("Headline | The Daily Planet"), or the file's name,
/// which browsers make from that title ("Headline - The Daily Planet.txt") and
/// archivers from the address ("www.dailyplanet.com_2021_story.txt").
fn outlet_named_around(source: &Source, file_name: &str) -> Option<Field> {
    let title = source
        .headline
        .as_deref()
        .filter(|_| source.headline_inferred);
    if let Some((outlet, title)) = title.and_then(|t| Some((infer::site_name_in_title(t)?, t))) {
        return Some(Field {
            value: outlet,
            inferred_from: Some(format!("the end of the page title '{title}'")),
        });
    }
    let outlet = infer::site_in_file_name(file_name)?;
    Some(Field {
        value: outlet,
        inferred_from: Some(format!("the file name '{file_name}'")),
    })
}

fn config_or_default(content: &Path) -> Config {
    let path = content.join(load::CONFIG_FILE);
    load::read_text(&path)
        .ok()
        .and_then(|text| load::parse_toml(&text, &path, 1).ok())
        .unwrap_or_else(|| toml::from_str("title = \"dossier\"").expect("valid"))
}

/// Slugs of every content file, as the loader gives them, so an import never
/// takes one that is in use.
fn existing_slugs(content: &Path) -> HashMap<String, PathBuf> {
    Section::ALL
        .iter()
        .flat_map(|section| {
            walkdir::WalkDir::new(content.join(section.folder()))
                .into_iter()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_file())
                .filter_map(|e| {
                    let slug = load::slug_of(e.path()).ok()?;
                    Some((slug, e.into_path()))
                })
        })
        .collect()
}

/// Front matter with what the text says, over the text exactly as it came.
fn render_source_file(
    source: &Source,
    file_name: &str,
    read_from: &[(&str, Found)],
    text: &str,
) -> String {
    let kind = if source.dateline.is_some()
        && source
            .outlet
            .as_ref()
            .and_then(|outlet| outlet.inferred_from.as_deref())
            .is_some_and(|e| e.contains("dateline"))
    {
        SourceKind::Wire
    } else {
        source.kind
    };
    // Only what was inferred, and how: a field the text does not give stays
    // "unknown" above, where the user fills it in, so the note never contradicts it.
    let mut note = String::from("Imported with `dossier import`.");
    for (label, found) in read_from {
        write!(note, " {label} read from {}.", found.from).unwrap();
    }
    for (label, field) in [("Outlet", &source.outlet), ("Author", &source.author)] {
        if let Some(evidence) = field.as_ref().and_then(|f| f.inferred_from.as_ref()) {
            write!(note, " {label} inferred from {evidence}.").unwrap();
        }
    }
    if let (Some(_), Some(evidence)) = (&source.published, &source.published_evidence) {
        write!(note, " Date inferred from {evidence}.").unwrap();
    }
    if let (None, Some(dateline)) = (&source.published, &source.dateline) {
        write!(note, " The dateline '{dateline}' gives no year.").unwrap();
    }
    if source.language_inferred {
        write!(
            note,
            " Language detected from the text: {}.",
            source.language
        )
        .unwrap();
    }
    let published = source
        .published
        .map_or_else(|| UNKNOWN.to_string(), |d| d.to_string());
    let kind = match kind {
        SourceKind::News => "news",
        SourceKind::Wire => "wire",
        SourceKind::Analysis => "analysis",
        SourceKind::Opinion => "opinion",
    };
    format!(
        "+++\n{}outlet = {}\nauthor = {}\npublished = {}\nurl = {}\nlanguage = {}\nkind = {}\norigin = {}\ntags = []\n{}note = {}\n+++\n{}",
        // No headline found: no title, and the build looks for one again.
        source
            .headline
            .as_ref()
            .map(|h| format!("title = {}\n", quoted(h)))
            .unwrap_or_default(),
        quoted(shown(&source.outlet)),
        quoted(shown(&source.author)),
        quoted(&published),
        quoted(source.meta.url.as_deref().unwrap_or(UNKNOWN)),
        quoted(&source.language),
        quoted(kind),
        quoted(file_name),
        deck_line(source.meta.deck.as_deref()),
        quoted(&note),
        text
    )
}

/// A metadata value as a front matter writes it: "unknown" when there is none.
fn shown(field: &Option<Field>) -> &str {
    field.as_ref().map_or(UNKNOWN, |f| f.value.as_str())
}

/// A file read, extracted and cleaned: its name, its text, the saved page it
/// came from, what was read from that page, and the source.
type Prepared = (
    String,
    String,
    Option<SavedPage>,
    Vec<(&'static str, Found)>,
    Source,
);

/// The front matter a saved page gives, each value with where it was read. The
/// outlet named with `--outlet` wins over the page's.
fn fill_from_page(
    meta: &mut SourceMeta,
    page: &Extracted,
    outlet_given: bool,
) -> Vec<(&'static str, Found)> {
    let mut read_from = Vec::new();
    meta.deck = Some(page.deck.iter().map(|d| d.value.clone()).collect());
    if let Some(deck) = &page.deck {
        read_from.push(("Deck", deck.clone()));
    }
    let mut take = |label: &'static str, found: &Option<Found>, slot: &mut Option<String>| {
        if let Some(found) = found {
            *slot = Some(found.value.clone());
            read_from.push((label, found.clone()));
        }
    };
    take("Headline", &page.headline, &mut meta.title);
    take("Author", &page.author, &mut meta.author);
    take("Date", &page.published, &mut meta.published);
    take("URL", &page.url, &mut meta.url);
    if !outlet_given {
        take("Outlet", &page.outlet, &mut meta.outlet);
    }
    take("Language", &page.language, &mut meta.language);
    read_from
}

/// A saved page as a source's text: the headline, the deck, then the paragraphs,
/// separated by blank lines, so the text cleaning reads it as any article.
fn page_text(page: &Extracted) -> String {
    let mut blocks: Vec<&str> = Vec::new();
    blocks.extend(page.headline.as_ref().map(|f| f.value.as_str()));
    blocks.extend(page.deck.as_ref().map(|f| f.value.as_str()));
    blocks.extend(page.paragraphs.iter().map(String::as_str));
    let mut text = blocks.join("\n\n");
    text.push('\n');
    text
}

fn deck_line(deck: Option<&[String]>) -> String {
    let Some(deck) = deck else {
        return String::new();
    };
    let lines: Vec<String> = deck.iter().map(|line| quoted(line)).collect();
    format!("deck = [{}]\n", lines.join(", "))
}

/// What an import found, for the terminal.
pub fn describe(item: &Imported) -> String {
    let source = &item.source;
    let mut out = String::new();
    writeln!(out, "{} → {}", item.from.display(), item.path.display()).unwrap();
    if let Some((page, _)) = &item.page {
        writeln!(out, "  page kept: {}", page.display()).unwrap();
    }
    if let Some(why) = &item.renamed {
        writeln!(out, "  slug:      told apart: {why}").unwrap();
    }
    let headline = source.headline.as_deref().unwrap_or("none found");
    writeln!(out, "  headline:  {headline}").unwrap();
    for line in &source.deck {
        writeln!(out, "  deck:      {line}").unwrap();
    }
    let fields = [("outlet", &source.outlet), ("author", &source.author)];
    for (label, field) in fields {
        let how = field
            .as_ref()
            .and_then(|f| f.inferred_from.as_deref())
            .map(|e| format!("  (from {e})"))
            .unwrap_or_default();
        writeln!(out, "  {label:<9}  {}{how}", shown(field)).unwrap();
    }
    let date = source
        .published
        .map_or(UNKNOWN.to_string(), |d| d.to_string());
    let how = source
        .published_evidence
        .as_deref()
        .map(|e| format!("  (from {e})"))
        .unwrap_or_default();
    writeln!(out, "  published: {date}{how}").unwrap();
    if let Some(dateline) = &source.dateline {
        writeln!(out, "  dateline:  {dateline}").unwrap();
    }
    let detected = if source.language_inferred {
        "  (detected)"
    } else {
        ""
    };
    writeln!(out, "  language:  {}{detected}", source.language).unwrap();
    writeln!(
        out,
        "  body:      {} paragraphs, {} words",
        source.paragraphs.len(),
        source.word_count
    )
    .unwrap();
    let removed: Vec<_> = source
        .lines
        .iter()
        .filter(|l| l.role == LineRole::Removed || l.split.is_some())
        .collect();
    writeln!(out, "  removed:   {} line(s)", removed.len()).unwrap();
    for line in removed {
        let what = match &line.split {
            Some(split) => format!("end of line: {:?}", split.cut.trim()),
            None => format!("{:?}", crate::text::truncate_words(line.text.trim(), 70)),
        };
        writeln!(
            out,
            "    line {:>3}  {:<20} {}",
            line.number,
            line.rule.as_deref().unwrap_or(""),
            what
        )
        .unwrap();
    }
    out
}
