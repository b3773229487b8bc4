//! The article a page describes in its JSON-LD: its headline, author, dates and
//! publisher, read where search engines read them.

use super::{found, Document, Found};
use serde_json::Value;

/// The page's JSON-LD article, if it has one: the first object typed as an
/// article, at the top, in a list, or in an `@graph`.
pub(super) struct Article(Option<Value>);

const ARTICLE_TYPES: [&str; 8] = [
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "Report",
    "WebPage",
];

impl Article {
    pub(super) fn find(document: &Document) -> Article {
        let mut best: Option<(usize, Value)> = None;
        for script in document.select("script[type]").iter() {
            let is_json_ld = script
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if !is_json_ld {
                continue;
            }
            let text = script.text();
            let Ok(value) = serde_json::from_str::<Value>(text.trim())
                .or_else(|_| serde_json::from_str::<Value>(&without_trailing_commas(&text)))
            else {
                continue;
            };
            for object in objects(&value) {
                let Some(rank) = type_rank(object) else {
                    continue;
                };
                if best.as_ref().is_none_or(|(r, _)| rank < *r) {
                    best = Some((rank, object.clone()));
                }
            }
        }
        Article(best.map(|(_, v)| v))
    }

    pub(super) fn text(&self, key: &str, from: &'static str) -> Option<Found> {
        match self.0.as_ref()?.get(key)? {
            Value::String(s) => found(s, from),
            Value::Object(o) => found(o.get("@id").or(o.get("name"))?.as_str()?, from),
            _ => None,
        }
    }

    pub(super) fn author(&self) -> Option<Found> {
        let names: Vec<String> = match self.0.as_ref()?.get("author")? {
            Value::Array(list) => list.iter().filter_map(name_of).collect(),
            one => name_of(one).into_iter().collect(),
        };
        found(&names.join(", "), "the JSON-LD author")
    }

    pub(super) fn publisher(&self) -> Option<Found> {
        let publisher = self.0.as_ref()?.get("publisher")?;
        found(&name_of(publisher)?, "the JSON-LD publisher")
    }
}

/// JSON-LD written by hand or by a template often has a comma before a closing
/// bracket, which JSON does not allow; browsers' readers and search engines
/// accept it. Those commas, outside strings, are dropped.
pub(super) fn without_trailing_commas(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if in_string {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if c == '"' {
            in_string = true;
        } else if c == ',' {
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            if matches!(next, Some(']' | '}')) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

fn name_of(value: &Value) -> Option<String> {
    let name = match value {
        Value::String(s) => s.as_str(),
        Value::Object(o) => o.get("name")?.as_str()?,
        Value::Array(list) => return list.iter().find_map(name_of),
        _ => return None,
    };
    (!name.trim().is_empty() && !name.contains("://")).then(|| name.to_string())
}

/// Every object of a JSON-LD value that could be the article: top level, a list
/// of them, or an `@graph`, one level deep (as sites write it).
fn objects(value: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    let list: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    for item in list {
        if let Some(Value::Array(graph)) = item.get("@graph") {
            out.extend(graph.iter().filter(|v| v.is_object()));
        }
        if item.is_object() {
            out.push(item);
        }
    }
    out
}

/// Lower is better: a news article before a plain web page.
fn type_rank(object: &Value) -> Option<usize> {
    let types: Vec<&str> = match object.get("@type")? {
        Value::String(s) => vec![s.as_str()],
        Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    types
        .iter()
        .filter_map(|t| ARTICLE_TYPES.iter().position(|a| a == t))
        .min()
}
