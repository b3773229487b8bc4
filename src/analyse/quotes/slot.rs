//! The speaker slot of an attribution: the words just before a speech verb ("the
//! aide, Jo Roe, said") or just after it ("said a spokeswoman, Jane Doe"). It reads
//! one slot and nothing else: finding names across a text is not its job, only
//! telling which words of this slot stand for the one who speaks.

use super::Lexicon;
use crate::text::sentences::quote_spans;
use std::ops::Range;

/// What a speaker slot holds. Ranges are byte ranges in the paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// A run of capitalised words; `article` when "the" stands before it ("the
    /// White House"), which makes it a body rather than a person.
    Name { range: Range<usize>, article: bool },
    /// A pronoun ("he", "they"), lower-cased.
    Pronoun(String),
    /// A common noun phrase ("the president", "a senior aide").
    Noun(Range<usize>),
    /// A verb that closes its clause with no subject on either side, as in
    /// languages that leave the subject out ("«…», dijo."): the one spoken of.
    Omitted,
    /// Nothing that can speak.
    Nothing,
}

/// One whitespace-separated word of a slot.
#[derive(Debug, Clone)]
struct Token {
    /// The word without the punctuation around it (and without a possessive "'s").
    core: Range<usize>,
    /// A comma (or a dash) follows it: it ends a phrase.
    comma: bool,
    /// A full stop, colon or semicolon follows it: the slot ends here.
    stop: bool,
    /// "Smith's": the word qualifies the next one and is not the subject.
    possessive: bool,
    lower: String,
}

fn tokens(text: &str, range: Range<usize>, lexicon: &Lexicon) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut at = range.start;
    for raw in text[range.clone()].split_whitespace() {
        let start = at + text[at..range.end].find(raw).expect("a piece of the slot");
        at = start + raw.len();
        let trimmed = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
        let lead = raw.len() - trimmed.len();
        let word = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric());
        let punctuation = &trimmed[word.len()..];
        if word.is_empty() {
            // A lone dash or comma ends the phrase before it.
            if let Some(last) = out.last_mut() {
                last.comma |= raw.contains([',', '—', '–']);
                last.stop |= raw.contains([':', ';', '.']);
            }
            continue;
        }
        let (word, possessive) = match word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
        {
            Some(stem) if !stem.is_empty() => (stem, true),
            _ => (word, false),
        };
        let lower = word.to_lowercase();
        // "Mr.", "S." and "N.Y." keep their full stop; "Smith." ends the clause.
        let abbreviated = word.chars().count() == 1
            || word.contains('.')
            || crate::text::sentences::abbreviations().contains(&lower)
            || lexicon.honorifics.contains(&lower);
        out.push(Token {
            core: start + lead..start + lead + word.len(),
            comma: punctuation.contains([',', '—', '–']),
            stop: punctuation.contains([':', ';', '!', '?'])
                || (punctuation.starts_with('.') && !abbreviated),
            possessive,
            lower,
        });
    }
    out
}

impl Lexicon {
    fn listed(list: &[String], word: &str) -> bool {
        let word = word.trim_end_matches('.');
        list.iter().any(|w| w == word)
    }

    fn is_pronoun(&self, word: &str) -> bool {
        Self::listed(&self.pronouns, word) || Self::listed(&self.plural_pronouns, word)
    }

    /// A word that can be part of a name: capitalised, and not a word that is
    /// capitalised only because it starts a sentence.
    fn is_name_word(&self, text: &str, token: &Token) -> bool {
        let word = &text[token.core.clone()];
        word.chars().next().is_some_and(char::is_uppercase)
            && !self.is_pronoun(&token.lower)
            && !Self::listed(&self.determiners, &token.lower)
            && !Self::listed(&self.function_words, &token.lower)
            && !Self::listed(&self.not_names, &token.lower)
            && !Self::listed(&self.between, &token.lower)
            && !Self::listed(&self.relatives, &token.lower)
            // "Officials said": a noun for unnamed speakers, capitalised by the sentence.
            && !Self::listed(&self.anonymous, &token.lower)
    }

    fn is_particle(&self, token: &Token) -> bool {
        Self::listed(&self.particles, &token.lower)
    }

    /// The slot before a verb: the subject. "X said", "X, the Y of Z, said",
    /// "the adviser, Jo Roe, said", "officials who asked not to be named said".
    pub fn read_before(&self, text: &str, range: Range<usize>) -> Slot {
        // "“Acme will deliver,” said Roe, adding": the words of a quotation that
        // opens and closes before the verb are not its subject. (A clause that
        // opens inside a quotation, "“He said he was grateful", keeps them.)
        // Read in the slot alone, so that a long paragraph is not read again for
        // each of its attributions.
        let quoted: Vec<Range<usize>> = quote_spans(&text[range.clone()])
            .into_iter()
            .filter(|q| q.inner.end < q.close_end)
            .map(|q| range.start + q.open..range.start + q.close_end)
            .collect();
        let mut toks = tokens(text, range, self);
        toks.retain(|t| !quoted.iter().any(|q| q.contains(&t.core.start)));
        // Only the last clause counts: "Smith arrived; she said".
        if let Some(stop) = toks.iter().rposition(|t| t.stop) {
            toks.drain(..=stop);
        }
        // "Mueller planned to ask": the verb before the infinitive has the subject.
        if let [.., verb, marker] = toks.as_slice() {
            let lower_verb = text[verb.core.clone()] == verb.lower;
            if Self::listed(&self.infinitive_markers, &marker.lower)
                && !marker.comma
                && !verb.comma
                && lower_verb
                && !Self::listed(&self.function_words, &verb.lower)
            {
                toks.truncate(toks.len() - 2);
            }
        }
        for _ in 0..6 {
            while toks.last().is_some_and(|t| {
                !t.comma && Self::listed(&self.between, &t.lower) && t.lower == text[t.core.clone()]
            }) {
                toks.pop();
            }
            let Some(last) = toks.last() else {
                return Slot::Nothing;
            };
            if !last.comma {
                break;
            }
            let n = toks.len();
            let previous = toks[..n - 1].iter().rposition(|t| t.comma);
            let segment = previous.map_or(0, |p| p + 1)..n;
            let first = &toks[segment.start];
            let opens_lower = !text[first.core.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            match previous {
                // "Ted Ray, R-Ohio,": a party and a state, not a name.
                Some(_) if is_affiliation(&text[first.core.start..toks[n - 1].core.end]) => {
                    toks.truncate(segment.start)
                }
                // "the adviser, Jo Roe," : the name set off by commas is the speaker.
                Some(_) if self.all_name(text, &toks[segment.clone()]) => {
                    return Slot::Name {
                        range: first.core.start..toks[n - 1].core.end,
                        article: false,
                    };
                }
                // "Jane Doe, a spokeswoman," or "Smith, 45,": a description of the
                // subject before it.
                // Its opening comma stays: it may close an appositive before it.
                Some(_) if opens_lower => toks.truncate(segment.start),
                // "Mara Lind disagreed, saying …": a participle after the main clause
                // has its subject, the name that opens the clause.
                None if !self.all_name(text, &toks) => {
                    // "He disagreed, saying …": the pronoun that opens the clause.
                    if self.is_pronoun(&toks[0].lower) {
                        return Slot::Pronoun(toks[0].lower.clone());
                    }
                    // "…,” said Sam Pike in a statement, calling …": after a
                    // quotation the clause may open with its verb, the subject after it.
                    let verb = (1..=toks.len().min(3)).find(|&k| {
                        let words: Vec<&str> = toks[..k].iter().map(|t| t.lower.as_str()).collect();
                        Self::listed(&self.verbs, &words.join(" "))
                    });
                    let from = verb.unwrap_or(0);
                    let run = toks[from..]
                        .iter()
                        .take_while(|t| self.is_name_word(text, t) && !t.comma)
                        .count();
                    if run > 0 && !toks[from + run - 1].possessive {
                        return Slot::Name {
                            range: toks[from].core.start..toks[from + run - 1].core.end,
                            article: false,
                        };
                    }
                    toks.last_mut().expect("not empty").comma = false;
                }
                // A comma that only sets the subject off from the verb.
                _ => toks.last_mut().expect("not empty").comma = false,
            }
        }
        // An opening phrase ends at its comma: "In a statement, Smith".
        if let Some(at) = toks[..toks.len().saturating_sub(1)]
            .iter()
            .rposition(|t| t.comma)
        {
            toks.drain(..=at);
        }
        // "officials who spoke on condition of anonymity": the subject is before "who".
        if let Some(at) = toks
            .iter()
            .position(|t| Self::listed(&self.relatives, &t.lower))
            .filter(|&at| at > 0)
        {
            toks.truncate(at);
        }
        // "Smith and her counterpart Jo Roe said": a joint statement is given to the
        // first speaker named, as the comparison page says.
        if let Some(at) = toks
            .iter()
            .position(|t| Self::listed(&self.conjunctions, &t.lower))
            .filter(|&at| at > 0 && self.all_name(text, &toks[..at]))
        {
            toks.truncate(at);
        }
        if let Some(at) = self.complement_at(text, &toks) {
            toks.truncate(at);
        }
        let Some(last) = toks.last() else {
            return Slot::Nothing;
        };
        if self.is_pronoun(&last.lower) {
            return Slot::Pronoun(last.lower.clone());
        }
        let n = toks.len();
        let mut start = n;
        while start > 0 {
            let t = &toks[start - 1];
            let inner_particle = start < n
                && start >= 2
                && self.is_particle(t)
                && self.is_name_word(text, &toks[start - 2]);
            // "Smith's Jones" is no one's name: a possessive ends the run.
            if !(self.is_name_word(text, t) || inner_particle) || (start < n && t.possessive) {
                break;
            }
            start -= 1;
        }
        if start < n && !toks[n - 1].possessive {
            let article = start > 0 && Self::listed(&self.determiners, &toks[start - 1].lower);
            return Slot::Name {
                range: toks[start].core.start..toks[n - 1].core.end,
                article,
            };
        }
        if Self::listed(&self.function_words, &last.lower) {
            return Slot::Nothing;
        }
        // A common noun phrase, back to its determiner: "a senior aide".
        let mut start = n - 1;
        while start > 0 && n - start < 6 {
            let t = &toks[start - 1];
            if Self::listed(&self.function_words, &t.lower) || self.is_pronoun(&t.lower) {
                break;
            }
            start -= 1;
            if Self::listed(&self.determiners, &t.lower) {
                break;
            }
        }
        Slot::Noun(toks[start].core.start..toks[n - 1].core.end)
    }

    /// Where a name that ends the subject slot is the complement of a
    /// preposition after a common noun ("a spokesman for Jo Roe", "an adviser
    /// close to the Water Board", "officials in Norland"): the preposition's
    /// index, so that the noun before it is read as the subject. Not after a
    /// capitalised word, where the phrase may be a title or a name ("Secretary
    /// of State Jo Roe", "Director of the Office of Norland").
    fn complement_at(&self, text: &str, toks: &[Token]) -> Option<usize> {
        let run = toks
            .iter()
            .rev()
            .take_while(|t| self.is_name_word(text, t))
            .count();
        let mut at = toks.len().checked_sub(run + 1).filter(|_| run > 0)?;
        if Self::listed(&self.determiners, &toks[at].lower) {
            at = at.checked_sub(1)?;
        }
        let preposition = &toks[at];
        let noun = toks.get(at.checked_sub(1)?)?;
        let common = text[noun.core.clone()] == noun.lower
            && !Self::listed(&self.function_words, &noun.lower);
        let written_apart = !noun.comma && !noun.stop && !preposition.comma;
        (Self::listed(&self.prepositions, &preposition.lower)
            && written_apart
            && (common || Self::listed(&self.anonymous, &noun.lower)))
        .then_some(at)
    }

    /// The slot after a verb: "said Smith", "said a spokesman, Jane Doe", "said Jane
    /// Doe, a spokeswoman", "according to the ministry".
    pub fn read_after(&self, text: &str, range: Range<usize>) -> Slot {
        let all = tokens(text, range, self);
        let toks = &all[..all.len().min(12)];
        let Some(first) = toks.first() else {
            return Slot::Nothing;
        };
        if self.is_pronoun(&first.lower) {
            return Slot::Pronoun(first.lower.clone());
        }
        // "according to the chief executive of Acme, Jo Roe, …": a description
        // set off by a comma, then a name set off by one, which is the speaker.
        if Self::listed(&self.determiners, &first.lower) {
            if let Some(comma) = toks.iter().position(|t| t.comma || t.stop) {
                let rest = &all[comma + 1..];
                let run = rest
                    .iter()
                    .take_while(|t| self.is_name_word(text, t))
                    .count();
                // Not one name of a list: "from Jo Roe, Ivo Brandt, and …".
                let listed = rest
                    .get(run)
                    .is_some_and(|t| Self::listed(&self.conjunctions, &t.lower));
                let set_off = run > 0 && !listed && {
                    let last = &rest[run - 1];
                    (last.comma || last.stop || run == rest.len()) && !last.possessive
                };
                if !all[comma].stop && set_off {
                    return Slot::Name {
                        range: rest[0].core.start..rest[run - 1].core.end,
                        article: false,
                    };
                }
            }
        }
        // The first phrase: up to a comma, a full stop, or a preposition.
        let mut end = 0;
        while end < toks.len() && end < 7 {
            let t = &toks[end];
            if end > 0 && Self::listed(&self.function_words, &t.lower) && !self.is_particle(t) {
                break;
            }
            end += 1;
            if t.comma || t.stop {
                break;
            }
        }
        let phrase = &toks[..end];
        // "according to Jo Roe's outside counsel": the name owns the speaker,
        // who is the noun after it.
        if phrase
            .last()
            .is_some_and(|t| t.possessive && !t.comma && !t.stop)
        {
            let noun = toks[end..]
                .iter()
                .take(4)
                .position(|t| t.comma || t.stop)
                .map_or(toks.len().min(end + 4), |at| end + at + 1);
            if noun > end {
                return Slot::Noun(toks[0].core.start..toks[noun - 1].core.end);
            }
        }
        if let Some(run) = self.final_name(text, phrase) {
            return Slot::Name {
                range: run,
                article: Self::listed(&self.determiners, &first.lower)
                    && phrase.iter().skip(1).all(|t| self.is_name_word(text, t)),
            };
        }
        if Self::listed(&self.function_words, &first.lower) {
            return Slot::Nothing;
        }
        // "a spokesman, Jane Doe": a name set off after the description, not
        // the subject of the next clause ("the ministry, Acme will …").
        if phrase.last().is_some_and(|t| t.comma) {
            let rest = &toks[end..];
            let mut run = 0;
            while run < rest.len() && self.is_name_word(text, &rest[run]) {
                run += 1;
                if rest[run - 1].comma || rest[run - 1].stop {
                    break;
                }
            }
            let set_off =
                run > 0 && (rest[run - 1].comma || rest[run - 1].stop || run == rest.len());
            if set_off {
                return Slot::Name {
                    range: rest[0].core.start..rest[run - 1].core.end,
                    article: false,
                };
            }
        }
        match phrase {
            [] => Slot::Nothing,
            [.., last] => Slot::Noun(first.core.start..last.core.end),
        }
    }

    fn all_name(&self, text: &str, toks: &[Token]) -> bool {
        !toks.is_empty()
            && self.is_name_word(text, &toks[0])
            && toks
                .iter()
                .all(|t| self.is_name_word(text, t) || self.is_particle(t))
    }

    /// The capitalised run that ends a phrase ("White House spokeswoman Sarah Sanders").
    fn final_name(&self, text: &str, phrase: &[Token]) -> Option<Range<usize>> {
        let n = phrase.len();
        let mut start = n;
        while start > 0 && self.is_name_word(text, &phrase[start - 1]) {
            start -= 1;
        }
        (start < n).then(|| phrase[start].core.start..phrase[n - 1].core.end)
    }

    /// The name as a speaker's label: without the titles before it ("Mr. Smith" →
    /// "Smith"), and whether those titles mark a person. `None` when only titles
    /// remain ("President").
    pub fn clean_name(&self, name: &str) -> (Option<String>, bool) {
        let words: Vec<&str> = name.split_whitespace().collect();
        let titles = words
            .iter()
            .take_while(|w| Self::listed(&self.honorifics, w.to_lowercase().trim_end_matches('.')))
            .count();
        let rest = words[titles..].join(" ");
        let rest = rest
            .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.')
            .to_string();
        ((!rest.is_empty()).then_some(rest), titles > 0)
    }
}

/// A party's initial and a place joined by a hyphen, as English-language news
/// labels legislators ("R-Ohio", "D-N.Y."): it describes the name before it.
fn is_affiliation(phrase: &str) -> bool {
    let mut chars = phrase.chars();
    !phrase.contains(char::is_whitespace)
        && matches!(
            (chars.next(), chars.next(), chars.next()),
            (Some(party), Some('-'), Some(place)) if party.is_ascii_uppercase() && place.is_uppercase()
        )
}
