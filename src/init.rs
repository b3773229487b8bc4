//! `dossier init`: a new dossier that builds as it is created, with a
//! `.gitignore` and a GitHub Pages workflow.

use crate::error::{Error, Result};
use crate::load::{CONFIG_FILE, CONTENT_FOLDER};
use crate::model::Section;
use crate::scaffold::quoted;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

pub struct InitOptions {
    /// The dossier's folder; created if missing.
    pub dir: PathBuf,
    /// The site's title; made from the folder's name when absent.
    pub title: Option<String>,
    /// Add the missing files to a folder that already holds something.
    pub force: bool,
}

/// What `init` did, with paths relative to the dossier's folder.
#[derive(Debug)]
pub struct Initialised {
    pub dir: PathBuf,
    pub created: Vec<PathBuf>,
    /// Files that were already there and were left as they were.
    pub skipped: Vec<PathBuf>,
}

/// What may be in a folder that still counts as empty: `git init` before
/// `dossier init` is the natural order.
const ALLOWED_IN_EMPTY: &[&str] = &[".git"];

/// An example note; the only one, so its wiki-link points at itself and its
/// citations are shown in code, where they are not resolved.
const EXAMPLE_NOTE: (&str, &str) = (
    "getting-started.md",
    include_str!("init/getting-started.md"),
);

/// Creates the dossier's files in `options.dir`. Never overwrites a file: with
/// `force`, only the missing ones are written and the others are reported as skipped.
pub fn init(options: &InitOptions) -> Result<Initialised> {
    let dir = &options.dir;
    if !options.force {
        refuse_if_not_empty(dir)?;
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let title = match &options.title {
        Some(title) if !title.trim().is_empty() => title.trim().to_string(),
        Some(_) => return Err(Error::Usage("give the dossier a title".into())),
        None => title_from_folder(dir),
    };

    let mut done = Initialised {
        dir: dir.clone(),
        created: Vec::new(),
        skipped: Vec::new(),
    };
    for (relative, text) in files(&title) {
        if create_new(&dir.join(&relative), &text)? {
            done.created.push(relative);
        } else {
            done.skipped.push(relative);
        }
    }
    Ok(done)
}

/// Every file of a new dossier, by path relative to its folder.
fn files(title: &str) -> Vec<(PathBuf, String)> {
    let content = Path::new(CONTENT_FOLDER);
    let (note_name, note_text) = EXAMPLE_NOTE;
    vec![
        (content.join(CONFIG_FILE), config_template(title)),
        // Git keeps no empty folder; the loader skips hidden files.
        (
            content.join(Section::Sources.folder()).join(".gitkeep"),
            String::new(),
        ),
        (
            content.join(Section::Actors.folder()).join(".gitkeep"),
            String::new(),
        ),
        (
            content.join(Section::Notes.folder()).join(note_name),
            note_text.to_string(),
        ),
        (
            PathBuf::from(".gitignore"),
            include_str!("init/gitignore").to_string(),
        ),
        (
            PathBuf::from(".github/workflows/pages.yml"),
            include_str!("init/pages.yml").to_string(),
        ),
    ]
}

fn refuse_if_not_empty(dir: &Path) -> Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut found: Vec<String> = entries
        .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<std::io::Result<_>>()
        .map_err(|e| Error::io(dir, e))?;
    found.retain(|name| !ALLOWED_IN_EMPTY.contains(&name.as_str()));
    if found.is_empty() {
        return Ok(());
    }
    found.sort();
    const SHOWN: usize = 3;
    let mut listed = found[..found.len().min(SHOWN)].join(", ");
    if found.len() > SHOWN {
        listed.push_str(&format!(" and {} more", found.len() - SHOWN));
    }
    Err(Error::NotEmpty {
        path: dir.to_path_buf(),
        found: listed,
    })
}

/// Writes `text` to `path` unless a file is already there; true when written.
/// `create_new` makes the check and the creation one step, so nothing that
/// appears meanwhile is overwritten either.
fn create_new(path: &Path, text: &str) -> Result<bool> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    let mut file = match std::fs::File::create_new(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(false),
        Err(e) => return Err(Error::io(path, e)),
    };
    file.write_all(text.as_bytes())
        .map_err(|e| Error::io(path, e))?;
    Ok(true)
}

/// `briefing_morocco-israel` → `Briefing morocco israel`.
fn title_from_folder(dir: &Path) -> String {
    let name = std::fs::canonicalize(dir)
        .ok()
        .and_then(|path| path.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let words: Vec<&str> = name
        .split(['-', '_', ' ', '.'])
        .filter(|w| !w.is_empty())
        .collect();
    match crate::text::words::capitalise(&words.join(" ")) {
        title if title.is_empty() => "My dossier".to_string(),
        title => title,
    }
}

/// Every key of `Config`, each with what it does.
fn config_template(title: &str) -> String {
    format!(
        r#"# The dossier's settings. Every key but title may be left out.

# The site's name, on every page and in the feed.
title = {title}

# One or two sentences under the title on the home page (Markdown).
summary = ""

# The BCP 47 tag of the language the notes are written in: en, fr, ar, he…
language = "en"

# The address the site is published at, used only where an absolute URL is
# required: the sitemap, the Atom feed and canonical links. `dossier build
# --base-url URL` overrides it (the GitHub Pages workflow does).
# base_url = "https://example.org/my-dossier/"

# When true, every note sentence that names an actor or a source, gives a
# number or quotes someone must cite a source with [@source-slug#p-anchor].
# A note may opt out with require_citations = false in its front matter.
require_citations = false

# Raw HTML in notes: "sanitise" keeps harmless tags, "escape" shows it as
# text, "trust" keeps it as written (only if every editor is trusted).
raw_html = "sanitise"

# A folder of templates next to content/, under themes/, that replaces
# the default theme file by file.
# theme = "my-theme"
"#,
        title = quoted(title)
    )
}

/// What `dossier init` prints: the files, then the commands to run next.
impl fmt::Display for Initialised {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, paths: &[PathBuf]| -> fmt::Result {
            for path in paths {
                writeln!(f, "  {}", path.display())?;
            }
            Ok(())
        };
        if self.created.is_empty() {
            writeln!(f, "Nothing to create in {}:", self.dir.display())?;
        } else {
            writeln!(f, "Created a dossier in {}:", self.dir.display())?;
            list(f, &self.created)?;
        }
        if !self.skipped.is_empty() {
            writeln!(f, "Skipped, already there:")?;
            list(f, &self.skipped)?;
        }
        writeln!(f, "\nNext:")?;
        if self.dir != Path::new(".") && self.dir != Path::new("") {
            writeln!(f, "  cd {}", shell_quoted(&self.dir.display().to_string()))?;
        }
        writeln!(
            f,
            "  dossier import article.txt   # a scraped article becomes a source"
        )?;
        writeln!(f, "  dossier build                # the site, in output/")?;
        writeln!(
            f,
            "  dossier serve --open         # or: a live preview while you edit"
        )
    }
}

/// A path as it can be pasted into a POSIX shell.
fn shell_quoted(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-~+".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Config;

    #[test]
    fn the_config_names_only_keys_config_knows() {
        // Uncommented, every key is one Config accepts (it denies unknown ones).
        let is_setting = |line: &str| {
            line.split_once(" = ").is_some_and(|(key, _)| {
                !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            })
        };
        let uncommented = config_template("T \"quoted\"")
            .lines()
            .map(|line| {
                line.strip_prefix("# ")
                    .filter(|rest| is_setting(rest))
                    .unwrap_or(line)
            })
            .collect::<Vec<_>>()
            .join("\n");
        let config: Config = toml::from_str(&uncommented).unwrap();
        assert_eq!(config.title, "T \"quoted\"");
        assert_eq!(config.base_url, "https://example.org/my-dossier/");
        assert_eq!(config.theme.as_deref(), Some("my-theme"));
        let config: Config = toml::from_str(&config_template("T")).unwrap();
        assert!(!config.require_citations);
    }

    #[test]
    fn titles_from_folder_names() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("briefing_morocco-israel");
        std::fs::create_dir(&folder).unwrap();
        assert_eq!(title_from_folder(&folder), "Briefing morocco israel");
        assert_eq!(title_from_folder(Path::new("/")), "My dossier");
    }

    #[test]
    fn the_example_note_shows_citations_without_making_them() {
        let note = crate::load::split_front_matter(EXAMPLE_NOTE.1).unwrap();
        assert!(note.body.contains("[@some-article#p-1a2b3c]"));
        assert!(crate::markdown::citations(note.body).is_empty());
        let links = crate::markdown::wikilinks(note.body);
        assert_eq!(links.len(), 1);
        assert_eq!(
            Path::new(EXAMPLE_NOTE.0).file_stem().unwrap(),
            links[0].target.as_str()
        );
    }

    #[test]
    fn paths_are_quoted_for_the_shell_when_needed() {
        assert_eq!(shell_quoted("briefs/morocco"), "briefs/morocco");
        assert_eq!(shell_quoted("my briefs"), "'my briefs'");
        assert_eq!(shell_quoted("it's"), r"'it'\''s'");
    }
}
