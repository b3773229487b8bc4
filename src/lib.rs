//! dossier: a static site generator for briefing dossiers.
//!
//! The pipeline runs in one direction, each stage a module with a plain data type
//! at its boundary: [`load`] → [`ingest`] → [`resolve`] → [`analyse`] → [`render`] →
//! [`write`]. [`pipeline`] wires them together; `main.rs` only parses arguments.

pub mod analyse;
pub mod error;
pub mod export;
pub mod fingerprint;
pub mod highlight;
pub mod import;
pub mod ingest;
pub mod init;
pub mod load;
pub mod location;
pub mod markdown;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod resolve;
pub mod scaffold;
pub mod serve;
pub mod suggest;
pub mod text;
pub mod theme;
pub mod urls;
pub mod write;

pub use error::{Diagnostic, Error, Result};
pub use pipeline::{build, check, Options, Report};
