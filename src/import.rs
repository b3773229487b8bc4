//! `dossier import`: a scraped article becomes a source file, its metadata inferred
//! from the text and its text kept verbatim.

use crate::error::{Error, Result};
use crate::ingest::{self, LineRole, Source};
use crate::load::{self, slugify, Section};
use crate::model::{Config, Document, Origin, SourceKind, SourceMeta};
use crate::scaffold::quoted;
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
}

pub fn import(options: &ImportOptions) -> Result<Vec<Imported>> {
    if options.slug.is_some() && options.files.len() > 1 {
        return Err(Error::Usage(
            "--slug names one source; import one file at a time with it".into(),
        ));
    }
    if let Some(slug) = &options.slug {
        if !load::is_valid_slug(slug) {
            return Err(Error::Usage(format!(
                "'{slug}' is not a valid slug: use lowercase letters, digits and hyphens, like '{}'",
                slugify(slug)
            )));
        }
    }
    let furniture_path = options.content.join(load::FURNITURE_FILE);
    let furniture = furniture_path
        .exists()
        .then(|| load::read_text(&furniture_path).map(|text| (furniture_path.clone(), text)))
        .transpose()
        .map_err(|d| Error::Content(vec![d]))?;
    let rules = ingest::rule_set(furniture.as_ref())?;
    let config = config_or_default(&options.content);
    let taken = existing_slugs(&options.content);

    let mut imported = Vec::new();
    let mut planned: Vec<String> = Vec::new();
    for file in &options.files {
        let text = load::read_text(file).map_err(|d| Error::Content(vec![d]))?;
        let meta = SourceMeta {
            outlet: options.outlet.clone().unwrap_or_else(|| "unknown".into()),
            ..load::MaybeDefault::fallback().expect("sources may lack front matter")
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
        let source = ingest::ingest_one(document, &config, &rules).map_err(Error::Content)?;
        let slug = options.slug.clone().unwrap_or_else(|| slug_for(&source));
        // A Markdown file stays Markdown: its paragraphs are separated by blank lines.
        let extension = if file.extension().is_some_and(|e| e == "md") {
            "md"
        } else {
            "txt"
        };
        let path = options
            .content
            .join("sources")
            .join(format!("{slug}.{extension}"));
        if planned.contains(&slug) {
            return Err(Error::Usage(format!("two of the files would both become '{slug}'; import them one at a time with --slug")));
        }
        match taken.iter().find(|(s, _)| *s == slug) {
            Some((_, existing)) if existing != &path => {
                return Err(Error::Usage(format!(
                    "slug '{slug}' is already used by {}; choose another with --slug",
                    existing.display()
                )))
            }
            Some(_) if !options.force => return Err(Error::AlreadyExists { path }),
            _ => {}
        }
        planned.push(slug.clone());
        let file_name = file
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let written = render_source_file(&source, &file_name, &text);
        imported.push(Imported {
            from: file.clone(),
            path,
            source,
            text: written,
        });
    }

    if !options.dry_run {
        let folder = options.content.join(Section::Sources.folder());
        std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
        for item in &imported {
            std::fs::write(&item.path, &item.text).map_err(|e| Error::io(&item.path, e))?;
        }
    }
    Ok(imported)
}

/// A short slug from the headline: its first words, so file names stay readable.
fn slug_for(source: &Source) -> String {
    let words: Vec<&str> = source.headline.split_whitespace().take(8).collect();
    slugify(&words.join(" "))
}

fn config_or_default(content: &Path) -> Config {
    let path = content.join(load::CONFIG_FILE);
    load::read_text(&path)
        .ok()
        .and_then(|text| load::parse_toml(&text, &path, 1).ok())
        .unwrap_or_else(|| toml::from_str("title = \"dossier\"").expect("valid"))
}

/// Slugs of every content file, so an import never takes one that is in use.
fn existing_slugs(content: &Path) -> Vec<(String, PathBuf)> {
    Section::ALL
        .iter()
        .flat_map(|section| {
            walkdir::WalkDir::new(content.join(section.folder()))
                .into_iter()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_file())
                .filter_map(|e| {
                    let slug = e.path().file_stem()?.to_string_lossy().to_string();
                    Some((slug, e.into_path()))
                })
        })
        .collect()
}

/// Front matter with what the text says, over the text exactly as it came.
fn render_source_file(source: &Source, file_name: &str, text: &str) -> String {
    let kind = if source.dateline.is_some()
        && source
            .outlet
            .inferred_from
            .as_deref()
            .is_some_and(|e| e.contains("dateline"))
    {
        SourceKind::Wire
    } else {
        source.kind
    };
    let mut note = String::from("Imported with `dossier import`.");
    for (label, field) in [("Outlet", &source.outlet), ("Author", &source.author)] {
        match &field.inferred_from {
            Some(evidence) => write!(note, " {label} inferred from {evidence}.").unwrap(),
            None if field.value == "unknown" => {
                write!(note, " {label}: the text does not say.").unwrap()
            }
            None => {}
        }
    }
    match (&source.published, &source.published_evidence) {
        (Some(_), Some(evidence)) => write!(note, " Date inferred from {evidence}.").unwrap(),
        (None, _) => match &source.dateline {
            Some(dateline) => {
                write!(note, " Date: the dateline '{dateline}' gives no year.").unwrap()
            }
            None => note.push_str(" Date: the text does not say."),
        },
        _ => {}
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
        .map_or_else(|| "unknown".to_string(), |d| d.to_string());
    let kind = match kind {
        SourceKind::News => "news",
        SourceKind::Wire => "wire",
        SourceKind::Analysis => "analysis",
        SourceKind::Opinion => "opinion",
    };
    format!(
        "+++\ntitle = {}\noutlet = {}\nauthor = {}\npublished = {}\nurl = \"unknown\"\nlanguage = {}\nkind = {}\norigin = {}\ntags = []\nnote = {}\n+++\n{}",
        quoted(&source.headline),
        quoted(&source.outlet.value),
        quoted(&source.author.value),
        quoted(&published),
        quoted(&source.language),
        quoted(kind),
        quoted(file_name),
        quoted(&note),
        text
    )
}

/// What an import found, for the terminal.
pub fn describe(item: &Imported) -> String {
    let source = &item.source;
    let mut out = String::new();
    writeln!(out, "{} → {}", item.from.display(), item.path.display()).unwrap();
    writeln!(out, "  headline:  {}", source.headline).unwrap();
    for line in &source.deck {
        writeln!(out, "  deck:      {line}").unwrap();
    }
    let fields = [("outlet", &source.outlet), ("author", &source.author)];
    for (label, field) in fields {
        let how = field
            .inferred_from
            .as_deref()
            .map(|e| format!("  (from {e})"))
            .unwrap_or_default();
        writeln!(out, "  {label:<9}  {}{how}", field.value).unwrap();
    }
    let date = source
        .published
        .map_or("unknown".to_string(), |d| d.to_string());
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
            Some((_, cut)) => format!("end of line: {:?}", cut.trim()),
            None => format!("{:?}", crate::resolve::truncate_words(line.text.trim(), 70)),
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
