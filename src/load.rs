//! Stage 1: walk the content folder, read every file, split and type its front matter.

use crate::error::{collect, Diagnostic, Error, Result};
use crate::location::line_col;
use crate::model::{
    ActorMeta, Claims, Config, Document, Framing, NoteMeta, Origin, Section, SourceMeta, TextFile,
};
use crate::text::{is_valid_slug, slugify};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Everything in the content folder, typed but not yet interpreted.
#[derive(Debug, Clone)]
pub struct Content {
    pub root: PathBuf,
    pub config: Config,
    pub sources: Vec<Document<SourceMeta>>,
    pub actors: Vec<Document<ActorMeta>>,
    pub notes: Vec<Document<NoteMeta>>,
    /// `furniture.toml`: the dossier's own furniture rules, if it has any.
    pub furniture: Option<TextFile>,
    /// `framing.toml`: the comparison's lexicons.
    pub framing: Option<Framing>,
    pub claims: Option<ClaimsFile>,
}

/// `claims.toml`, with the file it was read from.
#[derive(Debug, Clone)]
pub struct ClaimsFile {
    pub file: TextFile,
    pub claims: Claims,
}

/// Whether a file with this extension belongs in the section's folder.
fn accepts(section: Section, extension: &str) -> bool {
    match section {
        Section::Sources => matches!(extension, "txt" | "md"),
        Section::Actors | Section::Notes => extension == "md",
    }
}

/// The extensions a section's folder accepts, for a hint.
fn extensions(section: Section) -> &'static str {
    match section {
        Section::Sources => ".txt or .md",
        Section::Actors | Section::Notes => ".md",
    }
}

pub const CONFIG_FILE: &str = "dossier.toml";
/// The folders of a dossier, by default; `--content` and `--output` name others.
pub const CONTENT_FOLDER: &str = "content";
pub const OUTPUT_FOLDER: &str = "output";
pub const FURNITURE_FILE: &str = "furniture.toml";
pub const FRAMING_FILE: &str = "framing.toml";
pub const CLAIMS_FILE: &str = "claims.toml";
/// How a saved page kept beside its source file ends: `<slug>.page.html`.
pub const PAGE_EXTENSION: &str = "page.html";
pub const PAGE_GZ_EXTENSION: &str = "page.html.gz";

pub fn load(root: &Path) -> Result<Content> {
    if !root.is_dir() {
        return Err(Error::Content(vec![Diagnostic::new(
            root,
            0,
            0,
            "content folder not found",
        )
        .with_hint(
            "run dossier in the folder that holds content/ or below it, pass --content DIR, \
             or start a dossier with `dossier init`",
        )]));
    }
    let mut diagnostics = Vec::new();
    let config = load_config(root).map_err(|d| diagnostics.push(d)).ok();
    let furniture = optional_file(root, FURNITURE_FILE, &mut diagnostics);
    let framing = optional_file(root, FRAMING_FILE, &mut diagnostics).and_then(|file| {
        parse_toml::<Framing>(&file.text, &file.path, 1)
            .map_err(|d| diagnostics.push(d))
            .ok()
    });
    let claims = optional_file(root, CLAIMS_FILE, &mut diagnostics).and_then(|file| {
        parse_toml::<Claims>(&file.text, &file.path, 1)
            .map_err(|d| diagnostics.push(d))
            .ok()
            .map(|claims| ClaimsFile { file, claims })
    });

    let mut files: Vec<(Section, PathBuf)> = Vec::new();
    for section in Section::ALL {
        let folder = root.join(section.folder());
        if !folder.is_dir() {
            continue;
        }
        for entry in WalkDir::new(&folder)
            .sort_by_file_name()
            .max_depth(MAX_DEPTH + 1)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()))
        {
            let entry = entry.map_err(|e| {
                let path = e.path().unwrap_or(&folder).to_path_buf();
                Error::io(path, e.into())
            })?;
            if entry.depth() > MAX_DEPTH {
                diagnostics.push(
                    Diagnostic::new(
                        entry.path(),
                        0,
                        0,
                        format!(
                            "nested more than {MAX_DEPTH} folders deep in {}/",
                            section.folder()
                        ),
                    )
                    .with_hint("dossier reads content folders up to that depth; move the file up"),
                );
                continue;
            }
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.into_path();
            let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if section == Section::Sources && is_kept_page(&path) {
                continue;
            }
            if accepts(section, extension) {
                files.push((section, path));
            } else {
                diagnostics.push(
                    Diagnostic::new(&path, 0, 0, format!("not a {} file", section.folder()))
                        .with_hint(format!(
                            "files in {}/ end in {}; move this file elsewhere",
                            section.folder(),
                            extensions(section)
                        )),
                );
            }
        }
    }

    let parsed: Vec<Result<Item, Vec<Diagnostic>>> = files
        .par_iter()
        .map(|(section, path)| read_item(*section, path))
        .collect();

    let mut sources = Vec::new();
    let mut actors = Vec::new();
    let mut notes = Vec::new();
    for item in parsed {
        match item {
            Ok(Item::Source(doc)) => sources.push(doc),
            Ok(Item::Actor(doc)) => actors.push(doc),
            Ok(Item::Note(doc)) => notes.push(doc),
            Err(mut found) => diagnostics.append(&mut found),
        }
    }

    check_unique_slugs(
        sources
            .iter()
            .map(|d| (&d.slug, &d.origin.path))
            .chain(actors.iter().map(|d| (&d.slug, &d.origin.path)))
            .chain(notes.iter().map(|d| (&d.slug, &d.origin.path))),
        &mut diagnostics,
    );

    collect(diagnostics)?;
    Ok(Content {
        root: root.to_path_buf(),
        config: config.expect("a missing config is reported as a diagnostic"),
        sources,
        actors,
        notes,
        furniture,
        framing,
        claims,
    })
}

/// The content and output folders a command works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folders {
    pub content: PathBuf,
    pub output: PathBuf,
}

/// Finds the dossier a command run in `start` (the current folder) means, so
/// that every command works from anywhere inside one, as cargo finds
/// `Cargo.toml`. A folder given on the command line is used as given. Otherwise
/// `content/` and `output/` are those of `start` or of the nearest folder above
/// it that holds `content/dossier.toml`; the output follows the content only
/// when it was not given either. With no dossier found the defaults stay, and
/// loading reports what is missing. Found paths are relative to `start`
/// (`../../content`), so messages name files the way the user would reach them.
pub fn locate(start: &Path, content: Option<PathBuf>, output: Option<PathBuf>) -> Folders {
    if let Some(content) = content {
        return Folders {
            content,
            output: output.unwrap_or_else(|| PathBuf::from(OUTPUT_FOLDER)),
        };
    }
    let levels_up = start
        .ancestors()
        .position(|dir| dir.join(CONTENT_FOLDER).join(CONFIG_FILE).is_file())
        .unwrap_or(0);
    let root: PathBuf = std::iter::repeat_n("..", levels_up).collect();
    Folders {
        content: root.join(CONTENT_FOLDER),
        output: output.unwrap_or_else(|| root.join(OUTPUT_FOLDER)),
    }
}

/// A file of the content folder that a dossier may or may not have.
fn optional_file(root: &Path, name: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<TextFile> {
    let path = root.join(name);
    if !path.exists() {
        return None;
    }
    read_text(&path)
        .map_err(|d| diagnostics.push(d))
        .ok()
        .map(|text| TextFile { path, text })
}

/// A web page `dossier import` keeps beside the source it made (`<slug>.page.html`,
/// or `.page.html.gz`), for provenance: not content, and not an error either.
pub fn is_kept_page(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let kept = [PAGE_EXTENSION, PAGE_GZ_EXTENSION];
    kept.iter()
        .any(|ext| name.strip_suffix(ext).is_some_and(|s| s.ends_with('.')))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn load_config(root: &Path) -> Result<Config, Diagnostic> {
    let path = root.join(CONFIG_FILE);
    let text = read_text(&path).map_err(|d| {
        if path.exists() {
            d
        } else {
            Diagnostic::new(&path, 0, 0, "the dossier has no dossier.toml").with_hint(
                "create it with at least: title = \"My dossier\", or run \
                     `dossier init --force` in the folder above content/",
            )
        }
    })?;
    parse_toml(&text, &path, 1)
}

enum Item {
    Source(Document<SourceMeta>),
    Actor(Document<ActorMeta>),
    Note(Document<NoteMeta>),
}

fn read_item(section: Section, path: &Path) -> Result<Item, Vec<Diagnostic>> {
    let text = read_text(path).map_err(|d| vec![d])?;
    let mut diagnostics = Vec::new();
    let slug = slug_of(path).unwrap_or_else(|d| {
        diagnostics.push(d);
        String::new()
    });
    let item = match section {
        Section::Sources => {
            document(path, &text, slug, FrontMatterRule::Optional).map(Item::Source)
        }
        Section::Actors => document(path, &text, slug, FrontMatterRule::Required).map(Item::Actor),
        Section::Notes => document(path, &text, slug, FrontMatterRule::Required).map(Item::Note),
    };
    match item {
        Ok(item) if diagnostics.is_empty() => Ok(item),
        Ok(_) => Err(diagnostics),
        Err(d) => {
            diagnostics.push(d);
            Err(diagnostics)
        }
    }
}

#[derive(Clone, Copy)]
enum FrontMatterRule {
    Required,
    Optional,
}

fn document<M: DeserializeOwned + MaybeDefault>(
    path: &Path,
    text: &str,
    slug: String,
    rule: FrontMatterRule,
) -> Result<Document<M>, Diagnostic> {
    let split = split_front_matter(text)
        .map_err(|(line, message, hint)| Diagnostic::new(path, line, 1, message).with_hint(hint))?;
    let meta = match split.format {
        Some(format) => parse_front_matter(format, split.front_matter, path, split.front_matter_line)?,
        None => match (rule, M::fallback()) {
            (FrontMatterRule::Optional, Some(meta)) => meta,
            _ => {
                return Err(Diagnostic::new(path, 1, 1, "missing front matter").with_hint(
                    "start the file with a line +++, the keys (see `dossier new`), and another line +++",
                ))
            }
        },
    };
    Ok(Document {
        slug,
        origin: Origin {
            path: path.to_path_buf(),
            front_matter: split.front_matter.to_string(),
            front_matter_line: split.front_matter_line,
            body_line: split.body_line,
        },
        meta,
        body: split.body.to_string(),
    })
}

/// Front matter types that may be absent: a bare article is a valid source.
pub trait MaybeDefault: Sized {
    fn fallback() -> Option<Self>;
}

impl MaybeDefault for SourceMeta {
    fn fallback() -> Option<Self> {
        Some(SourceMeta::default())
    }
}

impl MaybeDefault for ActorMeta {
    fn fallback() -> Option<Self> {
        None
    }
}

impl MaybeDefault for NoteMeta {
    fn fallback() -> Option<Self> {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontMatterFormat {
    Toml,
    Yaml,
}

/// A file cut into its front matter and body, with the lines they start on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub format: Option<FrontMatterFormat>,
    pub front_matter: &'a str,
    pub front_matter_line: usize,
    pub body: &'a str,
    pub body_line: usize,
}

/// Splits `+++` TOML or `---` YAML front matter from the body.
/// The error is the line, a message and a hint.
pub fn split_front_matter(text: &str) -> Result<Split<'_>, (usize, String, String)> {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    let opening = text[..first_line_end].trim_end();
    let (format, delimiter) = match opening {
        "+++" => (FrontMatterFormat::Toml, "+++"),
        "---" => (FrontMatterFormat::Yaml, "---"),
        _ => {
            return Ok(Split {
                format: None,
                front_matter: "",
                front_matter_line: 1,
                body: text,
                body_line: 1,
            })
        }
    };
    let start = (first_line_end + 1).min(text.len());
    let mut offset = start;
    let mut line = 2;
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let candidate = text[offset..end].trim_end();
        if candidate == delimiter || (format == FrontMatterFormat::Yaml && candidate == "...") {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                format: Some(format),
                front_matter: &text[start..offset],
                front_matter_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset = end + 1;
        line += 1;
    }
    Err((
        1,
        format!("front matter opened with {delimiter} is never closed"),
        format!("add a line {delimiter} after the last front-matter key"),
    ))
}

fn parse_front_matter<M: DeserializeOwned>(
    format: FrontMatterFormat,
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<M, Diagnostic> {
    match format {
        FrontMatterFormat::Toml => parse_toml(text, path, first_line),
        FrontMatterFormat::Yaml => parse_yaml(text, path, first_line),
    }
}

/// Parses TOML whose first line is line `first_line` of `path`.
pub fn parse_toml<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    toml::from_str(text).map_err(|e| {
        let (line, col) = e.span().map_or((0, 1), |span| line_col(text, span.start));
        let message = match e.message().trim() {
            // The toml crate gives some errors (a control character in a comment) no text.
            "" => describe_toml_failure(text, e.span()),
            message => message.to_string(),
        };
        let diagnostic = Diagnostic::new(
            path,
            first_line + line.saturating_sub(1),
            col,
            message.clone(),
        );
        with_key_hint(diagnostic, &message)
    })
}

fn describe_toml_failure(text: &str, span: Option<std::ops::Range<usize>>) -> String {
    let found = span.and_then(|span| text.get(span.start..)?.chars().next());
    match found {
        Some(c) if c.is_control() && c != '\t' && c != '\n' => format!(
            "invalid TOML: control character U+{:04X} is not allowed here",
            c as u32
        ),
        Some(c) => format!("invalid TOML at {c:?}"),
        None => "invalid TOML".to_string(),
    }
}

fn parse_yaml<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    let text = if text.trim().is_empty() { "{}" } else { text };
    serde_yaml_ng::from_str(text).map_err(|e| {
        let (line, col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let message = e.to_string();
        // serde_yaml appends " at line N column M"; the location is reported separately.
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string();
        let diagnostic = Diagnostic::new(
            path,
            first_line + line.saturating_sub(1),
            col,
            message.clone(),
        );
        with_key_hint(diagnostic, &message)
    })
}

/// serde names the allowed keys in its message; repeat them as a hint a user can act on.
fn with_key_hint(diagnostic: Diagnostic, message: &str) -> Diagnostic {
    if let Some(expected) = message.split("expected one of ").nth(1) {
        if message.starts_with("unknown field") {
            return diagnostic.with_hint(format!("allowed keys: {}", expected.replace('`', "")));
        }
    }
    if message.starts_with("missing field") {
        return diagnostic.with_hint(
            "add the key to the front matter (`dossier new` writes a complete example)",
        );
    }
    diagnostic
}

/// The largest content file read: far above any article or note, low enough
/// that a stray binary or a runaway scrape cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// How deep folders under `sources/`, `actors/` and `notes/` are read.
pub const MAX_DEPTH: usize = 16;

/// Reads a file as UTF-8 text with a leading BOM removed and line endings made `\n`.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let size = std::fs::metadata(path)
        .map_err(|e| Diagnostic::new(path, 0, 0, format!("cannot read: {e}")))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(Diagnostic::new(
            path,
            0,
            0,
            format!(
                "is {:.1} MiB; content files are read up to {} MiB",
                size as f64 / 1048576.0,
                MAX_FILE_BYTES / 1048576
            ),
        )
        .with_hint("split it, or remove what is not text (embedded images, base64 data)"));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::new(path, 0, 0, format!("cannot read: {e}")))?;
    decode_text(&bytes).map_err(|(offset, line, col)| {
        Diagnostic::new(
            path,
            line,
            col,
            format!("invalid UTF-8 at byte offset {offset}"),
        )
        .with_hint("save the file as UTF-8 (most editors offer it under 'Save with encoding')")
    })
}

/// The error is the byte offset, line and column of the first invalid byte.
pub fn decode_text(bytes: &[u8]) -> Result<String, (usize, usize, usize)> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let bytes = &bytes[bom..];
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.valid_up_to();
            let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
            let (line, col) = line_col(prefix, prefix.len());
            // The offset counts in the file as it is on disk, byte-order mark included.
            return Err((valid + bom, line, col));
        }
    };
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    })
}

/// A slug is the file name without its extension, made safe for a URL and every file
/// system: `My_Article.txt` is `my-article`, as Hugo and Zola name pages. Two files
/// whose names give one slug are reported together by `check_unique_slugs`.
pub fn slug_of(path: &Path) -> Result<String, Diagnostic> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let slug = if is_valid_slug(&stem) {
        stem.to_string()
    } else {
        slugify(&stem)
    };
    if RESERVED_SLUGS.contains(&slug.as_str()) {
        return Err(Diagnostic::new(
            path,
            0,
            0,
            format!("'{stem}' is reserved for a page of the site"),
        )
        .with_hint(format!("rename the file, for example to '{slug}-1'")));
    }
    Ok(slug)
}

/// Slugs whose pages would take the place of a section's own index page.
pub const RESERVED_SLUGS: &[&str] = &["index"];

fn check_unique_slugs<'a>(
    items: impl Iterator<Item = (&'a String, &'a PathBuf)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut seen: BTreeMap<&str, &PathBuf> = BTreeMap::new();
    for (slug, path) in items {
        if slug.is_empty() {
            continue;
        }
        if let Some(first) = seen.get(slug.as_str()) {
            diagnostics.push(
                Diagnostic::new(
                    path,
                    0,
                    0,
                    format!("slug '{slug}' is already used by {}", first.display()),
                )
                .with_hint(
                    "slugs are shared by sources, actors and notes; rename one of the files",
                ),
            );
        } else {
            seen.insert(slug, path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_finds_the_nearest_dossier_above_and_keeps_given_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let notes = root.join("content/notes");
        std::fs::create_dir_all(&notes).unwrap();
        std::fs::write(root.join("content").join(CONFIG_FILE), "title = \"T\"\n").unwrap();
        let folders = |start: &Path, content: Option<&str>, output: Option<&str>| {
            locate(start, content.map(PathBuf::from), output.map(PathBuf::from))
        };
        let here = Folders {
            content: "content".into(),
            output: "output".into(),
        };
        assert_eq!(folders(root, None, None), here);
        assert_eq!(
            folders(&notes, None, None),
            Folders {
                content: "../../content".into(),
                output: "../../output".into(),
            }
        );
        assert_eq!(
            folders(&notes, None, Some("site")).output,
            PathBuf::from("site")
        );
        // A given content folder is not second-guessed, nor is the output moved.
        assert_eq!(
            folders(&notes, Some("elsewhere"), None),
            Folders {
                content: "elsewhere".into(),
                output: "output".into(),
            }
        );
        // No dossier anywhere above: the defaults, for load to report.
        let lost = tempfile::tempdir().unwrap();
        assert_eq!(folders(lost.path(), None, None), here);
    }

    #[test]
    fn splits_toml_and_yaml_front_matter_with_line_numbers() {
        let split = split_front_matter("+++\ntitle = \"x\"\n+++\nbody\n").unwrap();
        assert_eq!(split.format, Some(FrontMatterFormat::Toml));
        assert_eq!(split.front_matter, "title = \"x\"\n");
        assert_eq!(split.body, "body\n");
        assert_eq!(split.body_line, 4);

        let split = split_front_matter("---\ntitle: x\n---\n\nbody").unwrap();
        assert_eq!(split.format, Some(FrontMatterFormat::Yaml));
        assert_eq!(split.body_line, 4);
        assert_eq!(split.body, "\nbody");
    }

    #[test]
    fn text_without_front_matter_is_all_body() {
        let split = split_front_matter("Headline\n\nText").unwrap();
        assert_eq!(split.format, None);
        assert_eq!(split.body, "Headline\n\nText");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let (line, message, _) = split_front_matter("+++\ntitle = 1\n").unwrap_err();
        assert_eq!(line, 1);
        assert!(message.contains("never closed"));
    }

    #[test]
    fn unknown_key_points_at_its_line_and_lists_allowed_keys() {
        let d = parse_toml::<crate::model::NoteMeta>(
            "title = \"x\"\ncolour = \"red\"\n",
            Path::new("n.md"),
            2,
        )
        .unwrap_err();
        assert_eq!((d.line, d.col), (3, 1));
        assert!(d.message.contains("colour"), "{}", d.message);
        assert!(d.hint.unwrap().contains("title"));
    }

    #[test]
    fn yaml_errors_are_located_too() {
        let d =
            parse_yaml::<crate::model::NoteMeta>("title: x\nweight: heavy\n", Path::new("n.md"), 2)
                .unwrap_err();
        assert_eq!(d.line, 3);
    }

    #[test]
    fn invalid_utf8_names_the_byte_offset() {
        assert_eq!(decode_text(b"ab\n\xffc"), Err((3, 2, 1)));
        assert_eq!(decode_text(b"\xEF\xBB\xBFa\r\nb").unwrap(), "a\nb");
        assert_eq!(decode_text(b"\xEF\xBB\xBFab\xff"), Err((5, 1, 3)));
    }

    #[test]
    fn slugs() {
        assert!(is_valid_slug("benny-gantz"));
        assert!(!is_valid_slug("Benny"));
        assert!(!is_valid_slug("../x"));
        assert!(!is_valid_slug("a.b"));
        assert_eq!(slugify("Abdellatif Loudiyi"), "abdellatif-loudiyi");
        assert_eq!(
            slugify("Réagissez à cet article!"),
            "reagissez-a-cet-article"
        );
        assert_eq!(slugify("???"), "untitled");
        assert_eq!(slugify("Łódź"), "lodz");
        assert_eq!(slugify("My_Article"), "my-article");
        assert_eq!(slugify(&"word ".repeat(40)).len(), 79);
        assert!(is_valid_slug(&slugify("  --Ça va?  ")));
        assert_eq!(
            slug_of(Path::new("content/sources/My_Article.txt")).unwrap(),
            "my-article"
        );
        assert_eq!(
            slug_of(Path::new("content/sources/Été à Łódź.txt")).unwrap(),
            "ete-a-lodz"
        );
        assert!(slug_of(Path::new("content/sources/index.txt"))
            .unwrap_err()
            .message
            .contains("reserved"));
    }
}
