//! Furniture rules are data: a default set embedded in the binary, extended or
//! switched off by `content/furniture.toml`.

use crate::error::Diagnostic;
use crate::load::parse_toml;
use crate::model::TextFile;
use regex::Regex;
use regex_automata::meta;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_syntax::hir::{Hir, HirKind, Look};
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
    /// A looser pattern that every line the rule matches also matches, cheap
    /// where the rule's own is slow (see [`prefilter`]): a line it turns down is
    /// no match, and the rule's pattern runs only on the few it lets through.
    prefilter: Option<meta::Regex>,
}

impl Rule {
    /// Whether the rule's pattern matches `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.may_match(text) && self.regex.is_match(text)
    }

    /// The rule's match in `text`, with its groups.
    pub fn captures<'t>(&self, text: &'t str) -> Option<regex::Captures<'t>> {
        self.may_match(text)
            .then(|| self.regex.captures(text))
            .flatten()
    }

    fn may_match(&self, text: &str) -> bool {
        self.prefilter.as_ref().is_none_or(|p| p.is_match(text))
    }
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
        prefilter: prefilter(&spec.pattern),
        regex,
    })
}

/// The rule's pattern without the assertions that make the `regex` crate's fast
/// engine give up or start cold on every line, when it has any: a Unicode word
/// boundary (`\b` in `^.*\bWord`) stops its lazy DFA at the first non-ASCII
/// byte, leaving the slow PikeVM to scan the whole line; an end anchor with no
/// start anchor (`… more by (?P<value>Name)$`) is searched backwards from the
/// end, a DFA over reversed Unicode classes that costs tens of milliseconds to
/// warm up on each thread. Dropping an assertion only widens what a pattern
/// matches, so a line this looser pattern does not match, the rule's does not.
fn prefilter(pattern: &str) -> Option<meta::Regex> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let looks = hir.properties().look_set();
    let end_only = hir.properties().look_set_suffix().contains(Look::End)
        && !hir.properties().look_set_prefix().contains(Look::Start);
    if !looks.contains_word_unicode() && !end_only {
        return None;
    }
    let looser = without_looks(&hir, &|look| {
        matches!(
            look,
            Look::WordUnicode
                | Look::WordUnicodeNegate
                | Look::WordStartUnicode
                | Look::WordEndUnicode
                | Look::WordStartHalfUnicode
                | Look::WordEndHalfUnicode
        ) || (end_only && look == Look::End)
    });
    meta::Regex::builder()
        .configure(meta::Config::new().which_captures(WhichCaptures::None))
        .build_from_hir(&looser)
        .ok()
}

/// `hir` with the assertions `drop` picks replaced by nothing.
fn without_looks(hir: &Hir, drop: &dyn Fn(Look) -> bool) -> Hir {
    match hir.kind() {
        HirKind::Look(look) if drop(*look) => Hir::empty(),
        HirKind::Repetition(repetition) => {
            let mut repetition = repetition.clone();
            repetition.sub = Box::new(without_looks(&repetition.sub, drop));
            Hir::repetition(repetition)
        }
        HirKind::Capture(capture) => {
            let mut capture = capture.clone();
            capture.sub = Box::new(without_looks(&capture.sub, drop));
            Hir::capture(capture)
        }
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(|s| without_looks(s, drop)).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.iter().map(|s| without_looks(s, drop)).collect())
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => hir.clone(),
    }
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
    fn a_looser_pattern_only_ever_turns_down_what_the_rule_does() {
        let rules = [
            // A word boundary after a run of anything, and an end anchor alone.
            r"^(.*\b\p{Lu}[\p{L}.'’-]+,\s+(?i:left|right)|.*\((?i:L|R)\))$",
            r"\s*(?i:more by)\s+(?P<value>\p{Lu}\p{L}*(\s+\p{Lu}\p{L}*){0,2})\s*$",
            r"(?i)^(we use cookies)\b.*\b(consent)\B.*$",
        ];
        let lines = [
            "Jo Roe, left, with the minister",
            "Jo Roe, left",
            "Jo Roe,left",
            "Müller, right, and Ağaoğlu (L)",
            "Ünal,  RIGHT",
            "The story ends here. More by Jo Roe",
            "The story ends here. More by Jo Roe.",
            "more by Zoë Ørsted Ågren",
            "We use cookies to ask for your consent:",
            "We use cookiesx and consent",
            "We use cookies for consentxy",
            "",
        ];
        for pattern in rules {
            let looser = prefilter(pattern).expect("a pattern the prefilter loosens");
            let exact = Regex::new(pattern).unwrap();
            for line in lines {
                if exact.is_match(line) {
                    assert!(looser.is_match(line), "{pattern} on {line:?}");
                }
            }
        }
        // A pattern anchored at both ends and without word boundaries is left as it is.
        assert!(prefilter(r"^(?i)tags\s*:.*$").is_none());
        let set = RuleSet::builtin();
        for rule in &set.rules {
            for line in lines {
                assert_eq!(rule.is_match(line), rule.regex.is_match(line));
                assert_eq!(
                    rule.captures(line).map(|c| c.get(0).unwrap().range()),
                    rule.regex.captures(line).map(|c| c.get(0).unwrap().range())
                );
            }
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
