//! The theme's templates: compiled, checked for those every site needs, and
//! which templates each one uses, for the page cache.

use super::pages::PAGE_TEMPLATES;
use crate::error::{Error, Result};
use crate::text::escape_html;
use crate::theme::Theme;
use std::collections::{BTreeMap, BTreeSet};
use tera::Tera;

/// For each template, itself and every template it uses, directly or not:
/// those it extends, includes or imports. tera accepts only literal names in
/// those tags, so reading them from the text finds them all; a tag whose name
/// cannot be read makes the template use every template, to stay on the safe side.
pub(super) fn template_uses<'t>(
    text: &BTreeMap<&'t str, &'t str>,
) -> BTreeMap<&'t str, BTreeSet<&'t str>> {
    static TAG: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?s)\{%-?\s*(?:extends|include|import)\b(.*?)-?%\}").expect("valid")
    });
    static NAME: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r#""([^"]*)"|'([^']*)'"#).expect("valid"));
    let direct: BTreeMap<&str, BTreeSet<&str>> = text
        .iter()
        .map(|(&name, &source)| {
            let mut used = BTreeSet::new();
            for tag in TAG.captures_iter(source) {
                let names: Vec<&str> = NAME
                    .captures_iter(&tag[1])
                    .filter_map(|c| c.get(1).or(c.get(2)))
                    .map(|m| m.as_str())
                    .collect();
                if names.is_empty() {
                    used.extend(text.keys().copied());
                }
                used.extend(
                    names
                        .into_iter()
                        .filter_map(|n| text.get_key_value(n).map(|(k, _)| *k)),
                );
            }
            (name, used)
        })
        .collect();
    text.keys()
        .map(|&name| {
            let mut closure = BTreeSet::from([name]);
            let mut pending = vec![name];
            while let Some(next) = pending.pop() {
                for &used in direct.get(next).into_iter().flatten() {
                    if closure.insert(used) {
                        pending.push(used);
                    }
                }
            }
            (name, closure)
        })
        .collect()
}

/// The theme's templates, parsed and checked for the ones every site needs.
pub fn compile_templates(theme: &Theme) -> Result<Tera> {
    let mut tera = Tera::default();
    tera.set_escape_fn(escape_html);
    let templates = theme.templates()?;
    tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| template_error("(theme)", &e))?;
    // Every template a page is rendered with, so a missing one stops the build
    // here rather than at its first page.
    for required in PAGE_TEMPLATES {
        if !tera.get_template_names().any(|n| n == *required) {
            return Err(Error::Theme(format!(
                "the theme has no templates/{required}"
            )));
        }
    }
    Ok(tera)
}

/// tera nests the cause of an error; a user needs the whole chain on one line.
pub(super) fn template_error(template: &str, error: &tera::Error) -> Error {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    Error::Template {
        template: template.to_string(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_uses_what_it_extends_includes_and_imports_transitively() {
        let text = BTreeMap::from([
            (
                "base.html",
                "{% import \"macros.html\" as m %}<body>{% block c %}{% endblock %}",
            ),
            ("macros.html", "{% macro x() %}x{% endmacro %}"),
            (
                "note.html",
                "{%- extends 'base.html' -%}{% block c %}{% include \"card.html\" %}{% endblock %}",
            ),
            ("card.html", "card"),
            ("atom.xml", "<feed/>"),
        ]);
        let uses = template_uses(&text);
        assert_eq!(
            uses["note.html"],
            BTreeSet::from(["base.html", "card.html", "macros.html", "note.html"])
        );
        assert_eq!(uses["atom.xml"], BTreeSet::from(["atom.xml"]));
    }
}
