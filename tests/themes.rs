//! docs/THEMES.md and docs/theme-context.schema.json say what each template
//! receives; both must say what the code gives. The schema is generated from
//! the context types of src/render; THEMES.md is written by hand for theme
//! authors, and this test holds it to the schema name by name: every variable
//! of every template, every field of every type, and nothing else.
//!
//! How THEMES.md is read:
//! - `## Variables on every page`: a table whose first column names the
//!   variables every template gets;
//! - `### <template>` (e.g. `### index.html`): a section per template; the first
//!   table in it whose header starts with `variable` names the template's own
//!   variables (a section with no such table means none);
//! - a table whose header starts with `type | field` describes types: a row
//!   `**Name**` starts the type `Name`, as the schema names it, and each row
//!   names fields of it in its `field` column;
//! - in a variable's column, each `code` span is one name; `a.b` names the
//!   field `b` of `a`'s type, for a type with no table of its own.
//!
//! An object type reached from a template is documented either by a table of
//! its own or by `a.b` names at the place it is used; enums, maps, tuples and
//! plain values need no more than their name.

use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::PathBuf;

const THEMES: &str = "docs/THEMES.md";
const SCHEMA: &str = "docs/theme-context.schema.json";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_context_schema_in_docs_is_the_one_the_code_generates() {
    let generated = dossier::render::context_schema();
    let committed = fs::read_to_string(repo().join(SCHEMA)).unwrap_or_default();
    assert!(
        committed == generated,
        "{SCHEMA} is out of date: run `cargo run -- schema --theme > {SCHEMA}`"
    );
}

#[test]
fn themes_md_names_every_variable_of_every_template_and_no_other() {
    let schema: Value = serde_json::from_str(&dossier::render::context_schema()).unwrap();
    let doc = Doc::read(&fs::read_to_string(repo().join(THEMES)).unwrap());
    let problems = check(&schema, &doc);
    assert!(
        problems.is_empty(),
        "{THEMES} disagrees with the page contexts of src/render ({SCHEMA}):\n- {}",
        problems.join("\n- ")
    );
}

#[test]
fn the_check_finds_a_missing_an_extra_and_a_stale_name() {
    let schema: Value = serde_json::from_str(&dossier::render::context_schema()).unwrap();
    let text = fs::read_to_string(repo().join(THEMES)).unwrap();
    let broken = text
        .replacen("| `actor_count` |", "| `actor_total` |", 1)
        .replacen(
            "| | `word_count`, `paragraph_count` |",
            "| | `word_count` |",
            1,
        )
        .replacen("| **LinkRef** |", "| **LinkReference** |", 1);
    let problems = check(&schema, &Doc::read(&broken)).join("\n");
    for expected in [
        "index.html: `actor_total` is documented but the context has no such variable",
        "index.html: `actor_count` is in the context but not documented",
        "SourceCard: `paragraph_count` is in the context but not documented",
        "LinkReference: documented as a type, but no context has it",
    ] {
        assert!(
            problems.contains(expected),
            "{expected}\nnot in:\n{problems}"
        );
    }
}

/// What THEMES.md documents.
#[derive(Default, Debug)]
struct Doc {
    /// The names of the variables every page gets.
    common: BTreeSet<String>,
    /// Each template's own variables, by template.
    templates: BTreeMap<String, BTreeSet<String>>,
    /// Each type's fields, by type name.
    types: BTreeMap<String, BTreeSet<String>>,
    /// Type names written in italics anywhere (`*SourceCard*`).
    mentioned: BTreeSet<String>,
}

impl Doc {
    fn read(text: &str) -> Doc {
        let mut doc = Doc::default();
        // What the section, then the table being read, documents.
        enum Part {
            Nothing,
            Common,
            Template(String),
            Types,
        }
        let mut section = Part::Nothing;
        let mut in_table = false;
        let mut rows: Option<Part> = None;
        let mut current_type: Option<String> = None;
        for line in text.lines() {
            doc.mentioned.extend(italic_type_names(line));
            if let Some(heading) = line.strip_prefix("## ") {
                section = match heading.trim() {
                    "Variables on every page" => Part::Common,
                    _ => Part::Nothing,
                };
                continue;
            }
            if let Some(heading) = line.strip_prefix("### ") {
                let name = heading
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_matches('`');
                section = if name.ends_with(".html") || name.ends_with(".xml") {
                    doc.templates.entry(name.to_string()).or_default();
                    Part::Template(name.to_string())
                } else {
                    Part::Nothing
                };
                continue;
            }
            let Some(cells) = table_cells(line) else {
                in_table = false;
                rows = None;
                continue;
            };
            if !in_table {
                // The header row decides what the table holds.
                in_table = true;
                current_type = None;
                rows = match (cells.first().map(String::as_str), &section) {
                    (Some("type"), _) if cells.get(1).map(String::as_str) == Some("field") => {
                        Some(Part::Types)
                    }
                    (Some("variable"), Part::Common) => Some(Part::Common),
                    (Some("variable"), Part::Template(name)) => {
                        let name = name.clone();
                        // Only the first variable table of a template's section.
                        section = Part::Nothing;
                        Some(Part::Template(name))
                    }
                    _ => None,
                };
                continue;
            }
            if cells
                .iter()
                .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
            {
                continue;
            }
            match &rows {
                Some(Part::Common) => doc.common.extend(code_spans(&cells[0])),
                Some(Part::Template(name)) => doc
                    .templates
                    .get_mut(name)
                    .expect("added at its heading")
                    .extend(code_spans(&cells[0])),
                Some(Part::Types) => {
                    if let Some(name) = cells[0]
                        .strip_prefix("**")
                        .and_then(|c| c.strip_suffix("**"))
                    {
                        current_type = Some(name.to_string());
                        doc.types.entry(name.to_string()).or_default();
                    }
                    if let (Some(name), Some(field)) = (&current_type, cells.get(1)) {
                        doc.types
                            .get_mut(name)
                            .expect("added above")
                            .extend(code_spans(field));
                    }
                }
                _ => {}
            }
        }
        doc
    }
}

/// The cells of a Markdown table row, trimmed; `None` for a line that is not one.
fn table_cells(line: &str) -> Option<Vec<String>> {
    let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
    // A `|` inside a code span (`\|`) is escaped in a table: it does not split cells.
    let mut cells = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cells.last_mut().unwrap().push('|');
                chars.next();
            }
            '|' => cells.push(String::new()),
            _ => cells.last_mut().unwrap().push(c),
        }
    }
    Some(cells.into_iter().map(|c| c.trim().to_string()).collect())
}

/// The names in a cell: each `code` span that is a dotted identifier.
fn code_spans(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .filter(|span| {
            !span.is_empty()
                && span.split('.').all(|part| {
                    !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                })
        })
        .map(str::to_string)
        .collect()
}

/// `*Name*` where Name is a capitalised identifier: how the doc refers to a type.
fn italic_type_names(line: &str) -> Vec<String> {
    line.split('*')
        .skip(1)
        .step_by(2)
        .filter(|word| {
            word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && word.chars().all(|c| c.is_ascii_alphanumeric())
        })
        .map(str::to_string)
        .collect()
}

/// Everything the doc and the schema disagree on.
fn check(schema: &Value, doc: &Doc) -> Vec<String> {
    let mut walk = Walk {
        defs: schema["$defs"].as_object().cloned().unwrap_or_default(),
        doc,
        used: BTreeSet::new(),
        problems: Vec::new(),
    };
    let templates = schema["properties"]
        .as_object()
        .expect("a property per template");
    let mut common: Option<String> = None;
    for (template, receives) in templates {
        let parts = receives["allOf"]
            .as_array()
            .expect("the common part, then the page's");
        let name = |part: &Value| {
            part["$ref"]
                .as_str()
                .and_then(|r| r.strip_prefix("#/$defs/"))
                .expect("a $ref")
                .to_string()
        };
        common.get_or_insert_with(|| name(&parts[0]));
        let Some(documented) = doc.templates.get(template) else {
            walk.problems
                .push(format!("{template}: no `### {template}` section"));
            continue;
        };
        let own = walk.fields(&name(&parts[1]));
        walk.object(template, &own, documented);
    }
    if let Some(common) = common {
        let fields = walk.fields(&common);
        walk.object("every page", &fields, &doc.common);
    }
    for template in doc.templates.keys() {
        if !templates.contains_key(template) {
            walk.problems.push(format!(
                "{template}: documented, but no page is rendered with it"
            ));
        }
    }
    for name in doc.types.keys() {
        if !walk.used.contains(name) {
            walk.problems.push(format!(
                "{name}: documented as a type, but no context has it"
            ));
        }
    }
    for name in &doc.mentioned {
        if !doc.types.contains_key(name) && !walk.defs.contains_key(name) {
            walk.problems.push(format!(
                "*{name}*: named as a type, but there is no such type"
            ));
        }
    }
    walk.problems
}

struct Walk<'d> {
    defs: Map<String, Value>,
    doc: &'d Doc,
    /// The type tables the walk has compared.
    used: BTreeSet<String>,
    problems: Vec<String>,
}

/// What a variable holds, once arrays, nulls and references are seen through.
enum Shape {
    /// An object type with named fields, and its name when it has one.
    Object(Option<String>, Map<String, Value>),
    /// Anything whose parts have no names: text, numbers, enums, maps, tuples.
    Plain,
}

impl Walk<'_> {
    fn fields(&self, def: &str) -> Map<String, Value> {
        match self.shape(&self.defs[def].clone()) {
            Shape::Object(_, fields) => fields,
            Shape::Plain => Map::new(),
        }
    }

    fn shape(&self, schema: &Value) -> Shape {
        if let Some(name) = schema["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix("#/$defs/"))
        {
            return match self.shape(&self.defs[name]) {
                Shape::Object(_, fields) => Shape::Object(Some(name.to_string()), fields),
                plain => plain,
            };
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(options) = schema[key].as_array() {
                let mut shapes = options
                    .iter()
                    .filter(|o| o["type"] != "null")
                    .map(|o| self.shape(o));
                if let (Some(one), None) = (shapes.next(), shapes.next()) {
                    return one;
                }
                return Shape::Plain;
            }
        }
        if let Some(items) = schema.get("items").filter(|i| i.is_object()) {
            return self.shape(items);
        }
        match schema["properties"].as_object() {
            Some(fields) if !fields.is_empty() => Shape::Object(None, fields.clone()),
            _ => Shape::Plain,
        }
    }

    /// Compares the fields of an object at `place` with the names documented
    /// for it there (`names`, dotted for deeper fields), then each field.
    fn object(&mut self, place: &str, fields: &Map<String, Value>, names: &BTreeSet<String>) {
        let first: BTreeSet<&str> = names.iter().map(|n| n.split('.').next().unwrap()).collect();
        for name in &first {
            if !fields.contains_key(*name) {
                self.problems.push(format!(
                    "{place}: `{name}` is documented but the context has no such variable"
                ));
            }
        }
        for (field, schema) in fields {
            if !first.contains(field.as_str()) {
                self.problems.push(format!(
                    "{place}: `{field}` is in the context but not documented"
                ));
                continue;
            }
            let deeper: BTreeSet<String> = names
                .iter()
                .filter_map(|n| n.strip_prefix(field.as_str())?.strip_prefix('.'))
                .map(str::to_string)
                .collect();
            self.field(&format!("{place}: {field}"), schema, &deeper);
        }
    }

    /// A field holding `schema`, with `deeper` the names documented inside it.
    fn field(&mut self, place: &str, schema: &Value, deeper: &BTreeSet<String>) {
        match self.shape(schema) {
            Shape::Object(Some(name), fields) if self.doc.types.contains_key(&name) => {
                if !deeper.is_empty() {
                    self.problems.push(format!(
                        "{place}: documented field by field, but *{name}* has a table of its own"
                    ));
                }
                if self.used.insert(name.clone()) {
                    let names = self.doc.types[&name].clone();
                    self.object(&name, &fields, &names);
                }
            }
            Shape::Object(name, fields) => {
                if deeper.is_empty() {
                    let name = name.unwrap_or_else(|| "an object".to_string());
                    self.problems.push(format!(
                        "{place}: holds {name}, whose fields are not documented (a **{name}** table, or `{}.…` names)",
                        place.rsplit(": ").next().unwrap_or(place)
                    ));
                } else {
                    self.object(place, &fields, deeper);
                }
            }
            Shape::Plain => {
                for name in deeper {
                    self.problems.push(format!(
                        "{place}: `{name}` is documented inside it, but it has no fields"
                    ));
                }
            }
        }
    }
}
