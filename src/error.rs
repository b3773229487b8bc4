//! Typed errors of the library. They are reported once, by the CLI.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in the content, pinned to the place a user has to edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub col: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(path: &Path, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_path_buf(),
            line,
            col,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `path:line:col`, the form editors and terminals turn into a jump target;
    /// just the path for a problem with a whole file or folder.
    pub fn location(&self) -> String {
        if self.line == 0 {
            self.path.display().to_string()
        } else {
            format!("{}:{}:{}", self.path.display(), self.line, self.col.max(1))
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: error: {}", self.location(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Everything that can stop a build or a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the content; all of them are collected before stopping.
    #[error("{} problem(s) in the content", .0.len())]
    Content(Vec<Diagnostic>),

    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("refusing to write into {path}: {reason}")]
    OutputRefused { path: PathBuf, reason: String },

    #[error("theme: {0}")]
    Theme(String),

    #[error("template {template}: {message}")]
    Template { template: String, message: String },

    #[error("{path} already exists; pass --force to overwrite it")]
    AlreadyExists { path: PathBuf },

    #[error("{0}")]
    Usage(String),

    /// `dossier init` into a folder that already holds something.
    #[error(
        "{path} is not empty (it holds {found}); pass --force to add only the files \
         a dossier is missing, none overwritten"
    )]
    NotEmpty { path: PathBuf, found: String },

    /// `dossier serve` could not take the address (in use, not this machine's).
    #[error("cannot listen on {address}: {source}")]
    Listen {
        address: String,
        #[source]
        source: std::io::Error,
    },

    /// A lexicon or the actors' names too large for one automaton: the limits of
    /// `aho-corasick` are far beyond any real dossier, but a build never drops a
    /// whole analysis in silence.
    #[error("cannot compile {what}: {source}")]
    Matcher {
        what: &'static str,
        #[source]
        source: aho_corasick::BuildError,
    },

    /// `dossier serve` could not watch a folder for changes.
    #[error("cannot watch {path} for changes: {message}")]
    Watch { path: PathBuf, message: String },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The content diagnostics, if this error is about the content.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Content(diagnostics) => diagnostics,
            _ => &[],
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Turns a list of collected diagnostics into a result, sorted so that
/// reports are stable from run to run.
pub fn collect(mut diagnostics: Vec<Diagnostic>) -> Result<()> {
    if diagnostics.is_empty() {
        return Ok(());
    }
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    diagnostics.dedup();
    Err(Error::Content(diagnostics))
}
