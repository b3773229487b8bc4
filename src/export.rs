//! `dossier.json`: the whole built model, for others to reuse: sources with their
//! paragraphs, sentences and anchors, actors, notes, events, links, citations,
//! claims and everything the analysis found. `docs/dossier.schema.json` is its
//! JSON Schema, generated from these types (`dossier schema`).

use crate::analyse::Analysis;
use crate::ingest::Source;
use crate::model::Section;
use crate::model::{ActorMeta, ClaimSpec, NoteMeta};
use crate::resolve::{Cited, Dossier, Event, Link};
use crate::urls::page_path;
use schemars::JsonSchema;
use serde::Serialize;

/// Bumped when a field changes meaning or disappears, or takes a new kind of value
/// (2: a statement's speaker may be `unlisted`, a name with no actor file;
/// 3: metadata a source does not give is `null`, never the string "unknown";
/// named fields where there were pairs: a line's `split`, a passage's `diff`, a
/// claim's `unreviewed` matches; `direction` is `"ltr"` or `"rtl"`).
pub const FORMAT_VERSION: u32 = 3;

#[derive(Serialize, JsonSchema)]
#[schemars(title = "dossier.json", description = "The built model of a dossier")]
pub struct Export<'a> {
    /// Version of this format; see `docs/dossier.schema.json`.
    pub format: u32,
    pub generator: &'static str,
    pub title: &'a str,
    pub summary: &'a str,
    pub language: &'a str,
    pub base_url: &'a str,
    /// Sources in dossier order, with their text cut into paragraphs and sentences.
    pub sources: &'a [Source],
    pub actors: Vec<Profile<'a, ActorMeta>>,
    pub notes: Vec<Profile<'a, NoteMeta>>,
    /// Timeline events declared in notes, in date order.
    pub events: &'a [Event],
    /// Every wiki-link, Markdown link to a content file and citation, as backlinks show them.
    pub links: &'a [Link],
    /// Every citation, with the sentence it quotes.
    pub citations: &'a [Cited],
    /// Claims tracked across sources, with each source's reviewed stance.
    pub claims: &'a [ClaimSpec],
    /// Mentions, statements, co-mentions and the comparison of the sources.
    pub analysis: &'a Analysis,
    /// What discovery found: actors with no file, new spellings of actors with
    /// one, and spellings left unlinked as ambiguous.
    pub discovery: &'a crate::resolve::discover::Discovery,
}

/// An actor or a note: its slug, its page, its front matter and its Markdown.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Profile_of_{M}")]
pub struct Profile<'a, M: JsonSchema> {
    pub slug: &'a str,
    /// The page's path from the site root.
    pub page: String,
    pub meta: &'a M,
    /// The editorial Markdown, as written.
    pub body: &'a str,
    /// For an actor with no file: how discovery found it in the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discovered: Option<&'a crate::resolve::discover::DiscoveredActor>,
}

pub fn export<'a>(dossier: &'a Dossier, analysis: &'a Analysis) -> Export<'a> {
    Export {
        format: FORMAT_VERSION,
        generator: concat!("dossier ", env!("CARGO_PKG_VERSION")),
        title: &dossier.config.title,
        summary: &dossier.config.summary,
        language: &dossier.config.language,
        base_url: &dossier.config.base_url,
        sources: &dossier.sources,
        actors: dossier
            .actors
            .iter()
            .map(|a| Profile {
                slug: &a.slug,
                page: page_path(Section::Actors, &a.slug),
                meta: &a.meta,
                body: &a.body,
                discovered: dossier.discovery.actor(&a.slug),
            })
            .collect(),
        notes: dossier
            .notes
            .iter()
            .map(|n| Profile {
                slug: &n.slug,
                page: page_path(Section::Notes, &n.slug),
                meta: &n.meta,
                body: &n.body,
                discovered: None,
            })
            .collect(),
        events: &dossier.events,
        links: &dossier.links,
        citations: &dossier.citations,
        claims: &dossier.claims,
        analysis,
        discovery: &dossier.discovery,
    }
}

/// `dossier.json`'s bytes.
pub fn to_json(dossier: &Dossier, analysis: &Analysis) -> Vec<u8> {
    let mut bytes = Vec::new();
    write_json(dossier, analysis, &mut bytes).expect("writing to memory does not fail");
    bytes
}

/// Writes `dossier.json` as it is serialised: at scale it is hundreds of
/// megabytes, which need not be held in memory.
pub fn write_json(
    dossier: &Dossier,
    analysis: &Analysis,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, &export(dossier, analysis)).map_err(|e| {
        // Serialising plain strings, numbers and string-keyed maps fails only when writing does.
        e.io_error_kind().map_or_else(
            || std::io::Error::other(e.to_string()),
            |kind| std::io::Error::new(kind, e.to_string()),
        )
    })?;
    out.write_all(b"\n")
}

/// The JSON Schema of `dossier.json`, pretty-printed.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Export<'static>);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is JSON");
    text.push('\n');
    text
}
