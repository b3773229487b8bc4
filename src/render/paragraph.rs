//! A paragraph of a source as HTML.

use crate::ingest::Paragraph;
use crate::model::Section;
use crate::text::escape_html;
use crate::urls::page_path;

/// A paragraph as HTML: its text escaped, each sentence a target a citation can
/// point at, the first mention of each actor linked.
pub(super) fn paragraph_html(
    paragraph: &Paragraph,
    mentions: &[(&str, std::ops::Range<usize>)],
    root: &str,
) -> String {
    let text = &paragraph.text;
    let mut html = String::with_capacity(text.len() + mentions.len() * 48 + 64);
    let mut linked: Vec<&str> = Vec::new();
    let mut last = 0;
    let whole = std::iter::once(0..text.len());
    let sentences: Vec<std::ops::Range<usize>> = if paragraph.sentences.is_empty() {
        whole.collect()
    } else {
        paragraph.sentences.clone()
    };
    for (i, sentence) in sentences.iter().enumerate() {
        html.push_str(&escape_html(&text[last..sentence.start]));
        html.push_str(&format!(
            "<span class=\"sentence\" id=\"{}\">",
            paragraph.sentence_anchor(i)
        ));
        last = sentence.start;
        for (actor, range) in mentions {
            // A mention is linked once, and never across a sentence's edge.
            if linked.contains(actor)
                || range.start < last
                || range.start < sentence.start
                || range.end > sentence.end
            {
                continue;
            }
            linked.push(actor);
            html.push_str(&escape_html(&text[last..range.start]));
            html.push_str(&format!(
                "<a class=\"mention\" href=\"{root}{}\">{}</a>",
                page_path(Section::Actors, actor),
                escape_html(&text[range.clone()])
            ));
            last = range.end;
        }
        html.push_str(&escape_html(&text[last..sentence.end]));
        html.push_str("</span>");
        last = sentence.end;
    }
    html.push_str(&escape_html(&text[last..]));
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_text_is_escaped_and_first_mention_linked() {
        let paragraph = Paragraph {
            anchor: "p-1".into(),
            text: "<b>Gantz</b> & Gantz".into(),
            line: 1,
            credits: vec![],
            sentences: std::iter::once(0..20).collect(),
        };
        let html = paragraph_html(&paragraph, &[("gantz", 3..8), ("gantz", 15..20)], "../");
        assert_eq!(
            html,
            "<span class=\"sentence\" id=\"p-1-s1\">&lt;b&gt;<a class=\"mention\" href=\"../actors/gantz.html\">Gantz</a>&lt;/b&gt; &amp; Gantz</span>"
        );
    }

    #[test]
    fn each_sentence_is_a_target_and_mentions_never_straddle_one() {
        let text = "Gantz came. Loudiyi and Gantz met.";
        let paragraph = Paragraph {
            anchor: "p-2".into(),
            text: text.into(),
            line: 1,
            credits: vec![],
            sentences: crate::text::paragraph_sentences(text),
        };
        let html = paragraph_html(
            &paragraph,
            &[("gantz", 0..5), ("loudiyi", 12..19), ("gantz", 24..29)],
            "",
        );
        assert_eq!(
            html,
            "<span class=\"sentence\" id=\"p-2-s1\"><a class=\"mention\" href=\"actors/gantz.html\">Gantz</a> came.</span> <span class=\"sentence\" id=\"p-2-s2\"><a class=\"mention\" href=\"actors/loudiyi.html\">Loudiyi</a> and Gantz met.</span>"
        );
    }
}
