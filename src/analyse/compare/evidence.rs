//! Evidence: the sentence a finding was counted from, cut to size.

use serde::Serialize;

/// A sentence that carries a finding, with the words that triggered it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Evidence {
    pub anchor: String,
    pub text: String,
    pub cues: Vec<String>,
    /// True when the cues stand inside a quotation: the words are the speaker's,
    /// not the outlet's own. Such evidence is kept apart (`LoadedRow::quoted`).
    #[serde(skip)]
    pub quoted: bool,
}

/// About how many characters of a long sentence evidence keeps. A sentence longer
/// than this (a scrape that lost its full stops can make one of a whole article)
/// is cut to windows around its cues, so that evidence, repeated once per finding,
/// keeps pages and `dossier.json` proportional to the sources.
pub const EVIDENCE_CHARS: usize = 300;

impl Evidence {
    /// Evidence from a sentence; a long sentence is cut around its cues.
    pub fn new(anchor: String, sentence: &str, cues: Vec<String>) -> Evidence {
        let text = excerpt_around(sentence, &cues);
        Evidence {
            anchor,
            text,
            cues,
            quoted: false,
        }
    }

    /// The sentence as HTML, escaped, with every cue marked.
    pub fn marked(&self) -> String {
        // Searched in the original text, ignoring ASCII case: ASCII lowercasing
        // keeps every byte offset, whatever the script. A sentence has few cues,
        // so plain substring search beats building an automaton per sentence.
        let haystack = self.text.to_ascii_lowercase();
        let mut marks: Vec<(usize, usize)> = Vec::new();
        for cue in self.cues.iter().filter(|c| !c.is_empty()) {
            let needle = cue.to_ascii_lowercase();
            marks.extend(
                haystack
                    .match_indices(needle.as_str())
                    .map(|(start, m)| (start, start + m.len())),
            );
        }
        marks.sort();
        let mut html = String::with_capacity(self.text.len() + 32);
        let mut last = 0;
        for (start, end) in marks {
            if start < last {
                continue;
            }
            html.push_str(&crate::text::escape_html(&self.text[last..start]));
            html.push_str("<mark>");
            html.push_str(&crate::text::escape_html(&self.text[start..end]));
            html.push_str("</mark>");
            last = end;
        }
        html.push_str(&crate::text::escape_html(&self.text[last..]));
        html
    }
}

/// `text` whole when it is short; else a window around the first occurrence of each
/// cue (ignoring ASCII case), windows cut at spaces and joined by "…", about
/// `EVIDENCE_CHARS` characters in all (more only when there are many cues).
fn excerpt_around(text: &str, cues: &[String]) -> String {
    if text.chars().count() <= EVIDENCE_CHARS {
        return text.to_string();
    }
    let haystack = text.to_ascii_lowercase();
    let mut found: Vec<(usize, usize)> = cues
        .iter()
        .filter(|c| !c.is_empty())
        .filter_map(|c| {
            let at = haystack.find(&c.to_ascii_lowercase())?;
            Some((at, at + c.len()))
        })
        .collect();
    if found.is_empty() {
        found.push((0, 0));
    }
    found.sort_unstable();
    // Room for a short cue inside each share of the characters.
    let margin = ((EVIDENCE_CHARS / found.len()).max(60) - 20) / 2;
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    // Each window: `margin` characters either side of its cue, a cue itself
    // counted up to EVIDENCE_CHARS.
    let windows = found.into_iter().map(|(start, end)| {
        let before = text[..start]
            .char_indices()
            .rev()
            .nth(margin.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        let cue_end = text[start..]
            .char_indices()
            .nth(EVIDENCE_CHARS)
            .map_or(end, |(i, _)| (start + i).min(end));
        let after = text[cue_end..]
            .char_indices()
            .nth(margin)
            .map_or(text.len(), |(i, _)| cue_end + i);
        (floor(before), after)
    });
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in windows {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let mut out = String::new();
    for (start, end) in merged {
        // Whole words only, unless the window is a single word.
        let start = if start > 0 {
            text[start..end]
                .find(' ')
                .map_or(start, |space| start + space + 1)
        } else {
            start
        };
        let end = if end < text.len() {
            text[start..end]
                .rfind(' ')
                .map_or(end, |space| start + space)
        } else {
            end
        };
        if start > 0 && !out.ends_with('…') {
            out.push('…');
        }
        out.push_str(text[start..end].trim());
        if end < text.len() {
            out.push('…');
        }
    }
    out
}
