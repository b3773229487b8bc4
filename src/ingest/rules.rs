//! Furniture rules are data: a default set embedded in the binary, extended or
//! switched off by `content/furniture.toml`.

use crate::error::Diagnostic;
use crate::load::parse_toml;
use crate::model::TextFile;
use regex::Regex;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The default rules, in the same format a dossier uses to add its own.
pub const DEFAULT_RULES: &str = include_str!("furniture.toml");
pub const DEFAULT_RULES_NAME: &str = "(built-in furniture rules)";

/// Where in an article a rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Anywhere,
    /// Lines before the first paragraph of prose.
    Head,
    /// Lines after the last paragraph of prose.
    Tail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Remove the whole line.
    Line,
    /// Remove the matched text at the end of the line, keep the rest.
    TrimEnd,
}

/// Metadata a rule's `value` capture group provides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Infer {
    Author,
    Date,
    Outlet,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    name: String,
    description: String,
    scope: Scope,
    action: Action,
    pattern: String,
    infer: Option<Infer>,
    /// The rule never claims the line taken as the headline.
    #[serde(default)]
    spares_headline: bool,
    /// The line heads a block of other content (links to other articles,
    /// comments) and so weighs heavily against the article around it.
    #[serde(default)]
    opens_block: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    disable: Vec<String>,
    #[serde(default)]
    rule: Vec<RuleSpec>,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub name: String,
    pub description: String,
    pub scope: Scope,
    pub action: Action,
    pub infer: Option<Infer>,
    pub spares_headline: bool,
    pub opens_block: bool,
    pub regex: Regex,
}

/// The rules in force for a dossier, in the order they are tried.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    /// Structural rules (see `clean::STRUCTURAL_RULES`) switched off by name.
    pub disabled: Vec<String>,
}

impl RuleSet {
    /// The built-in rules alone, compiled once a process: compiling them is
    /// most of a small build's ingest, and `serve`, the tests and the fuzz
    /// targets build many times. A clone shares the compiled patterns.
    pub fn builtin() -> RuleSet {
        static BUILTIN: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                RuleSet::from_sources(&[TextFile {
                    path: PathBuf::from(DEFAULT_RULES_NAME),
                    text: DEFAULT_RULES.to_string(),
                }])
                .expect("the built-in furniture rules are valid (tested)")
            })
            .clone()
    }

    /// Rules from each file in order; later files add rules and may disable
    /// earlier ones by name. A rule with an existing name replaces it.
    pub fn from_sources(files: &[TextFile]) -> Result<RuleSet, Vec<Diagnostic>> {
        let mut rules: Vec<Rule> = Vec::new();
        let mut disabled = Vec::new();
        let mut diagnostics = Vec::new();
        for TextFile { path, text } in files {
            let file: RuleFile = match parse_toml(text, path, 1) {
                Ok(file) => file,
                Err(d) => {
                    diagnostics.push(d);
                    continue;
                }
            };
            for name in &file.disable {
                let before = rules.len();
                rules.retain(|r| &r.name != name);
                if super::clean::STRUCTURAL_RULES
                    .iter()
                    .any(|(n, _)| n == name)
                {
                    disabled.push(name.clone());
                } else if rules.len() == before {
                    diagnostics.push(locate(
                        path,
                        text,
                        name,
                        format!("no furniture rule named '{name}' to disable"),
                    ));
                }
            }
            // Compiling Unicode-aware patterns is most of a small build's time: in parallel.
            use rayon::prelude::*;
            let compiled: Vec<(RuleSpec, Result<Rule, String>)> = file
                .rule
                .into_par_iter()
                .map(|spec| {
                    let rule = compile(&spec);
                    (spec, rule)
                })
                .collect();
            for (spec, compiled) in compiled {
                match compiled {
                    Ok(rule) => match rules.iter_mut().find(|r| r.name == rule.name) {
                        Some(existing) => *existing = rule,
                        None => rules.push(rule),
                    },
                    Err(message) => diagnostics.push(locate(path, text, &spec.name, message)),
                }
            }
        }
        if diagnostics.is_empty() {
            Ok(RuleSet { rules, disabled })
        } else {
            Err(diagnostics)
        }
    }

    pub fn get(&self, name: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.name == name)
    }
}

fn compile(spec: &RuleSpec) -> Result<Rule, String> {
    let regex = Regex::new(&spec.pattern)
        .map_err(|e| format!("rule '{}': invalid pattern: {e}", spec.name))?;
    if spec.infer.is_some() && !regex.capture_names().any(|n| n == Some("value")) {
        return Err(format!(
            "rule '{}' infers metadata but its pattern has no (?P<value>…) group",
            spec.name
        ));
    }
    Ok(Rule {
        name: spec.name.clone(),
        description: spec.description.clone(),
        scope: spec.scope,
        action: spec.action,
        infer: spec.infer,
        spares_headline: spec.spares_headline,
        opens_block: spec.opens_block,
        regex,
    })
}

fn locate(path: &Path, text: &str, needle: &str, message: String) -> Diagnostic {
    let (line, col) = crate::location::find_value(text, needle).unwrap_or((1, 1));
    Diagnostic::new(path, line, col, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_compile_and_have_unique_names() {
        let set = RuleSet::builtin();
        assert!(set.rules.len() >= 15);
        let mut names: Vec<_> = set.rules.iter().map(|r| r.name.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), set.rules.len());
    }

    #[test]
    fn a_dossier_adds_replaces_and_disables_rules() {
        let extra = r#"
disable = ["counter"]
[[rule]]
name = "newsletter"
description = "Newsletter sign-up prompt"
scope = "anywhere"
action = "line"
pattern = '^(?i)sign up for our newsletter.*$'
"#;
        let set = RuleSet::from_sources(&[
            file("builtin", DEFAULT_RULES),
            file("content/furniture.toml", extra),
        ])
        .unwrap();
        assert!(set.get("counter").is_none());
        assert!(set.get("newsletter").is_some());
    }

    fn file(path: &str, text: &str) -> TextFile {
        TextFile {
            path: PathBuf::from(path),
            text: text.to_string(),
        }
    }

    #[test]
    fn bad_rules_are_located() {
        let bad = "[[rule]]\nname = \"broken\"\ndescription = \"x\"\nscope = \"head\"\naction = \"line\"\npattern = '(unclosed'\n";
        let errors = RuleSet::from_sources(&[file("furniture.toml", bad)]).unwrap_err();
        assert_eq!(errors[0].line, 2);
        assert!(errors[0].message.contains("invalid pattern"));
        let unknown = "disable = [\"no-such-rule\"]\n";
        let errors = RuleSet::from_sources(&[file("f.toml", unknown)]).unwrap_err();
        assert!(errors[0].message.contains("no-such-rule"));
    }
}
