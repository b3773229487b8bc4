//! Roles the article itself gives its people: "Chairman Jo Roe" makes "the chairman"
//! Roe for the rest of the article. Actor files name roles in `titles`; an article
//! with no actor file has only its own text, and news introduces a person by role
//! before calling them by it.

use super::{Kind, QuoteFinder, Speaker, SpeakerMention};

impl QuoteFinder<'_> {
    /// Learns the capitalised role word written right before a person's name.
    pub(super) fn note_titles(&mut self, text: &str, mentions: &[SpeakerMention]) {
        for mention in mentions.iter().filter(|m| m.rank == 0) {
            let before = text[..mention.range.start].trim_end();
            // "Rep. Jo Roe": an abbreviated title keeps its full stop.
            let before = before
                .strip_suffix('.')
                .filter(|_| {
                    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
                    crate::text::sentences::ends_abbreviated(last)
                })
                .unwrap_or(before);
            let word = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let lower = word.to_lowercase();
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            let listed = |list: &[String]| list.contains(&lower);
            if !capitalised
                || word.chars().count() < 3
                || before.len()
                    != before
                        .trim_end_matches(|c: char| !c.is_alphanumeric())
                        .len()
                || listed(&self.lexicon.function_words)
                || listed(&self.lexicon.determiners)
                || listed(&self.lexicon.not_names)
                || listed(&self.lexicon.between)
            {
                continue;
            }
            let role = self.lexicon.canonical_role(&lower).to_string();
            let holders = self.roles.entry(role).or_default();
            if !holders.contains(&mention.actor) {
                holders.push(mention.actor.clone());
            }
        }
    }

    /// The one person the article has given this role ("the chairman", "the
    /// chairmen" for a joint statement, given to the first of them named).
    pub(super) fn article_role(&self, words: &str) -> Option<(Speaker, Kind)> {
        let mut parts = words.split(' ');
        let head = parts.next_back()?;
        if parts.count() > 1 {
            return None;
        }
        let singular = head
            .strip_suffix("men")
            .map(|stem| format!("{stem}man"))
            .or_else(|| head.strip_suffix('s').map(str::to_string));
        let role = |word: &str| self.roles.get(self.lexicon.canonical_role(word));
        if let Some([actor]) = role(head).map(Vec::as_slice) {
            return Some((Speaker::Actor(actor.clone()), Kind::Person));
        }
        let first = role(singular.as_deref()?)?.first()?;
        Some((Speaker::Actor(first.clone()), Kind::Group))
    }
}
