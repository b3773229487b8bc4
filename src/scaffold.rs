//! `dossier new`: a ready-to-edit file with every front-matter field; the file builds as it is.

use crate::error::{Error, Result};
use crate::model::{AliasRule, Section};
use crate::text::slugify;
use std::path::{Path, PathBuf};

/// Writes a new content file for `name` and returns its path. Never overwrites.
pub fn new_file(content: &Path, section: Section, name: &str) -> Result<PathBuf> {
    if name.trim().is_empty() {
        return Err(Error::Usage("give the new item a name".into()));
    }
    let slug = slugify(name);
    let (extension, text) = match section {
        Section::Sources => ("txt", source_template(name)),
        Section::Actors => ("md", actor_template(name)),
        Section::Notes => ("md", note_template(name)),
    };
    write_new(content, section, &format!("{slug}.{extension}"), &text)
}

/// Writes `content/<section>/<file>` unless a file is there already.
fn write_new(content: &Path, section: Section, file: &str, text: &str) -> Result<PathBuf> {
    let folder = content.join(section.folder());
    let path = folder.join(file);
    if path.exists() {
        return Err(Error::AlreadyExists { path });
    }
    std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
    std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
    Ok(path)
}

/// A TOML string literal.
pub fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn source_template(name: &str) -> String {
    format!(
        r#"+++
# The headline as the outlet published it.
title = {title}
# Write "unknown" where the article does not say, and explain in `note`.
outlet = "unknown"
author = "unknown"
# YYYY-MM-DD, YYYY-MM, YYYY or "unknown".
published = "unknown"
url = "unknown"
# BCP 47 language tag: en, fr, ar, he…
language = "en"
# news, wire, analysis or opinion.
kind = "news"
# The file the text was copied from, for provenance.
origin = "unknown"
tags = []
note = """
How the metadata above was established.
"""
+++
{title_line}

Paste the article text here, verbatim, one paragraph per line.
"#,
        title = quoted(name),
        title_line = name
    )
}

fn actor_template(name: &str) -> String {
    actor_text(name, "person", &[], &[])
}

/// An actor file as `dossier new actor` writes it, with a kind, aliases and
/// the rules that limit some of them filled in.
pub fn actor_text(name: &str, kind: &str, aliases: &[String], rules: &[AliasRule]) -> String {
    let aliases: Vec<String> = aliases.iter().map(|a| quoted(a)).collect();
    let list = |phrases: &[String]| -> String {
        let quoted: Vec<String> = phrases.iter().map(|p| quoted(p)).collect();
        quoted.join(", ")
    };
    let rules: String = rules
        .iter()
        .map(|rule| {
            format!(
                "[[alias_rules]]\nalias = {}\nnot_after = [{}]\nnot_before = [{}]\n\
                 only_after = [{}]\nonly_before = [{}]\n",
                quoted(&rule.alias),
                list(&rule.not_after),
                list(&rule.not_before),
                list(&rule.only_after),
                list(&rule.only_before)
            )
        })
        .collect();
    format!(
        r#"+++
name = {name}
# person, state, organisation or group.
kind = {kind}
# Every spelling the sources use: short forms, titles, other scripts.
aliases = [{aliases}]
# Roles the sources use instead of a name, so that "the minister said" is this actor.
# titles = ["the minister"]
role = ""
# Slug of the actor this one belongs to, for example a state.
# affiliation = "slug"
tags = []
{rules}+++
Who {plain} is and what part they play in the story. Link other pages with `[[slug]]`.
"#,
        name = quoted(name),
        kind = quoted(kind),
        aliases = aliases.join(", "),
        plain = name
    )
}

/// Writes an actor file under `content/actors/<slug>.md` unless one is there.
pub fn write_actor(content: &Path, slug: &str, text: &str) -> Result<PathBuf> {
    write_new(content, Section::Actors, &format!("{slug}.md"), text)
}

fn note_template(name: &str) -> String {
    format!(
        r#"+++
title = {title}
summary = ""
# Lower comes first in lists.
weight = 100
tags = []

# Dated events for the timeline; repeat the block for each.
# [[events]]
# date = "2021-11-24"          # YYYY-MM-DD, YYYY-MM or YYYY
# title = "What happened"
# actors = ["actor-slug"]
# sources = ["source-slug"]    # or "source-slug#p-1a2b3c" for one paragraph
+++
Write the note in Markdown. Link with `[[slug]]`, `[[slug|label]]` or `[[source-slug#anchor]]`
(without the backticks).
"#,
        title = quoted(name)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_each_kind_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = new_file(dir.path(), Section::Actors, "Zohar Palti").unwrap();
        assert!(path.ends_with("actors/zohar-palti.md"));
        assert!(matches!(
            new_file(dir.path(), Section::Actors, "Zohar Palti"),
            Err(Error::AlreadyExists { .. })
        ));
        new_file(dir.path(), Section::Sources, "A \"quoted\" headline").unwrap();
        new_file(dir.path(), Section::Notes, "Overview").unwrap();
        // The examples in the templates are code, not links that would fail to resolve.
        let note = std::fs::read_to_string(dir.path().join("notes/overview.md")).unwrap();
        let body = crate::load::split_front_matter(&note).unwrap().body;
        assert!(body.contains("[[slug]]"));
        assert!(crate::markdown::wikilinks(body).is_empty());
    }
}
