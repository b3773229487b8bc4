//! `dossier actors suggest`: what discovery found, as a list to review and, with
//! `--write`, as ready-to-edit actor files that then win over discovery.

use crate::analyse::first_sentence;
use crate::error::{Error, Result};
use crate::pipeline::{load_dossier, Options};
use crate::scaffold::{actor_text, write_actor};
use std::fmt::Write as _;
use std::path::PathBuf;

/// What `suggest` found and did.
#[derive(Debug, Default)]
pub struct Suggestions {
    /// The listing, one block per actor, for the terminal.
    pub text: String,
    /// Files written (with `--write`).
    pub written: Vec<PathBuf>,
    /// Files left alone because they exist.
    pub kept: Vec<PathBuf>,
}

/// Lists every discovered actor with its kind, spellings, mentions per source
/// and first sentence, then new spellings of actors that have a file. With
/// `write`, writes a file for each discovered actor, never over an existing one.
pub fn suggest(options: &Options, write: bool) -> Result<Suggestions> {
    let dossier = load_dossier(options)?;
    let analysis = crate::analyse::analyse(&dossier)?;
    let mut out = Suggestions::default();
    let text = &mut out.text;
    let found = &dossier.discovery;
    let _ = writeln!(text, "{} actors found in the text:", found.actors.len());
    for actor in &found.actors {
        let kind = serde_json::to_value(actor.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        let _ = writeln!(
            text,
            "\n{} ({kind}) -> actors/{}.md",
            actor.name, actor.slug
        );
        let cues: Vec<String> = actor
            .evidence
            .iter()
            .map(|e| format!("{} \"{}\" ×{}", e.cue.label(), e.words, e.count))
            .collect();
        let _ = writeln!(text, "  found by: {}", cues.join("; "));
        let _ = writeln!(text, "  variants: {}", actor.variants.join(", "));
        if !actor.ambiguous.is_empty() {
            let _ = writeln!(
                text,
                "  not linked (ambiguous): {}",
                actor.ambiguous.join(", ")
            );
        }
        let counts: Vec<String> = analysis
            .actor_coverage
            .get(&actor.slug)
            .into_iter()
            .flatten()
            .map(|c| format!("{} {}", c.source, c.count))
            .collect();
        let _ = writeln!(
            text,
            "  mentions: {}",
            if counts.is_empty() {
                "none".to_string()
            } else {
                counts.join(", ")
            }
        );
        if let Some((source, anchor, sentence)) = first_sentence(&dossier, &analysis, &actor.slug) {
            let _ = writeln!(text, "  first: {sentence} ({source}#{anchor})");
        }
    }
    if !found.new_variants.is_empty() {
        let _ = writeln!(
            text,
            "\nNew spellings of actors with a file (add them to `aliases`):"
        );
        for fresh in &found.new_variants {
            let _ = writeln!(text, "  {}: {}", fresh.actor, fresh.variants.join(", "));
        }
    }
    if write {
        for actor in &found.actors {
            let kind = serde_json::to_value(actor.kind)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default();
            let aliases: Vec<String> = actor
                .variants
                .iter()
                .filter(|v| **v != actor.name)
                .cloned()
                .collect();
            // The capital's rule, so that the file links it as discovery did.
            let rules = dossier
                .actor(&actor.slug)
                .map(|a| a.meta.alias_rules.as_slice())
                .unwrap_or_default();
            match write_actor(
                &options.content,
                &actor.slug,
                &actor_text(&actor.name, &kind, &aliases, rules),
            ) {
                Ok(path) => out.written.push(path),
                Err(Error::AlreadyExists { path }) => out.kept.push(path),
                Err(e) => return Err(e),
            }
        }
    }
    Ok(out)
}
