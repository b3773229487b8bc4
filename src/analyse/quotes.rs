//! Who says what: direct quotations, their speakers, scare quotes, and paraphrased
//! statements. The speech lexicon is data (`speech.toml`): verbs, the nouns of
//! unnamed speakers, pronouns, and the small words that tell a speaker's name from
//! the rest of its clause (`slot.rs` reads that clause).

mod documents;
mod genders;
mod lexicon;
mod slot;
mod subject;
mod titles;
mod words;

pub use crate::text::sentences::{quote_spans, sentences, QuoteSpan};
use crate::text::{ceil_boundary, floor_boundary};
pub use genders::Gender;
use genders::Genders;
use lexicon::ByPhrase;
pub use lexicon::{Lexicon, DEFAULT_LEXICON};
use serde::Serialize;
use slot::Slot;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use words::{ends_with_one_of, first_words, is_one_of, looks_like_a_name, word_before};

/// How many of the latest people a pronoun may go back to: a few, as a
/// reader would.
const PEOPLE_KEPT: usize = 4;

/// How far from its quotation, in bytes, an attribution clause is read: far
/// beyond any real one ("…,” the minister's senior adviser on …, said").
const CLAUSE_BYTES: usize = 1000;

/// Who a statement is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", content = "who", rename_all = "lowercase")]
pub enum Speaker {
    /// An actor of the dossier, by slug.
    Actor(String),
    /// Someone the text does not name: the words that stand for them ("security officials").
    Anonymous(String),
    /// Someone the text names who has no actor file: the name as the text gives it,
    /// without titles ("Jane Doe" for "Ms. Jane Doe").
    Unlisted(String),
    /// Nobody: the text does not say who speaks.
    Unattributed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// Words in quotation marks.
    Direct,
    /// Words reported without quotation marks: "Palti added it will…".
    Indirect,
    /// Quoted words that are not speech: a term or label held at a distance.
    Scare,
}

/// A statement found in one paragraph.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Statement {
    pub kind: StatementKind,
    /// The quoted words, or the whole sentence for an indirect statement.
    pub text: String,
    pub speaker: Speaker,
    /// The word that introduces it ("said", "told"), if any.
    pub verb: Option<String>,
    /// True when the quote has no attribution of its own and continues the speaker of
    /// the quotation before it, in the same paragraph or the one before.
    pub continued: bool,
    pub words: usize,
    /// Byte range in the paragraph text.
    pub range: Range<usize>,
}

/// An actor mention inside a paragraph, as the quote finder needs it.
#[derive(Debug, Clone)]
pub struct SpeakerMention {
    pub actor: String,
    /// Lower ranks first: people before organisations before states.
    pub rank: u8,
    pub range: Range<usize>,
}

/// A role an actor is known by ("the president"), from the actor's `titles`.
#[derive(Debug, Clone)]
pub struct Title {
    /// Lower case, without a leading article.
    pub words: String,
    pub actor: String,
    pub person: bool,
}

/// What a pronoun may point back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// "he", "she": one person.
    Person,
    /// "they": a body or several people.
    Group,
    /// A bare word such as "Smith" or "Acme": nothing to say which.
    Unknown,
    /// A document ("the lawsuit"): no pronoun points back to it.
    Thing,
}

/// An attribution: who, by which verb, and where the verb stands.
struct Attribution {
    speaker: Speaker,
    verb: String,
    at: usize,
}

/// Finds statements paragraph by paragraph. One finder per source: it remembers the
/// last person and the last group that an attribution made speak, for pronouns, and
/// the speaker of the last quotation, for quotations that continue it.
pub struct QuoteFinder<'a> {
    lexicon: &'a Lexicon,
    titles: Vec<Title>,
    /// The last speaker of each kind, with the count of attributions read so far
    /// when it spoke: a bare name ("Smith") may be either kind, and counts only
    /// when it is the latest.
    /// The people who spoke, the latest last, each once: a gendered pronoun
    /// goes back past those it cannot be.
    people: Vec<(Speaker, usize)>,
    last_group: Option<(Speaker, usize)>,
    last_unknown: Option<(Speaker, usize)>,
    /// The person the last sentence that attributed nothing made its subject:
    /// a pronoun no speaker fits may be them ("Mme Roe criticised it. « … »,
    /// a-t-elle dit." after a man spoke).
    last_subject: Option<Speaker>,
    attributions: usize,
    /// The speaker of the previous paragraph's quotations, when it had some.
    previous_quote: Option<Speaker>,
    /// The quotations of the paragraph being read: a speech verb inside one
    /// ("“He then said he was grateful,” Roe wrote") is reported by the
    /// quoted speaker, and makes no statement of the outlet's.
    quoted: Vec<Range<usize>>,
    /// Full names of unlisted speakers so far, so that "Smith" after "Jo Smith" is her.
    names: Vec<String>,
    /// The actors quoted or paraphrased so far, whom a sentence's subject may be.
    spoken: HashSet<String>,
    /// The actors named in the paragraphs read so far.
    named: HashSet<String>,
    /// The author of each kind of document so far: "the statement" after "a statement from Jo Roe".
    authors: HashMap<String, Speaker>,
    /// Role words the article writes before a person's name, with their holders in order.
    roles: HashMap<String, Vec<String>>,
    genders: Genders<'a>,
}

impl<'a> QuoteFinder<'a> {
    /// One finder per source: speakers never carry over from one article to another.
    pub fn new(lexicon: &'a Lexicon) -> Self {
        QuoteFinder {
            lexicon,
            titles: Vec::new(),
            people: Vec::new(),
            last_group: None,
            last_unknown: None,
            last_subject: None,
            attributions: 0,
            previous_quote: None,
            quoted: Vec::new(),
            names: Vec::new(),
            spoken: HashSet::new(),
            named: HashSet::new(),
            authors: HashMap::new(),
            roles: HashMap::new(),
            genders: Genders::default(),
        }
    }

    /// The roles actors are known by. A title two actors share names neither.
    pub fn with_titles(mut self, titles: Vec<Title>) -> Self {
        let mut kept: Vec<Title> = Vec::new();
        for title in titles {
            let words = normalise_title(&title.words, self.lexicon);
            if words.is_empty() {
                continue;
            }
            kept.push(Title { words, ..title });
        }
        let mut holders: HashMap<&str, HashSet<&str>> = HashMap::new();
        for title in &kept {
            holders
                .entry(title.words.as_str())
                .or_default()
                .insert(title.actor.as_str());
        }
        let shared: HashSet<String> = holders
            .into_iter()
            .filter(|(_, actors)| actors.len() > 1)
            .map(|(words, _)| words.to_string())
            .collect();
        kept.retain(|t| !shared.contains(&t.words));
        self.titles = kept;
        self
    }

    pub fn paragraph(&mut self, text: &str, mentions: &[SpeakerMention]) -> Vec<Statement> {
        let spans = quote_spans(text);
        let quoted: Vec<Range<usize>> = spans.iter().map(|s| s.open..s.close_end).collect();
        self.quoted.clone_from(&quoted);
        let sentences = sentences(text, &spans, crate::text::sentences::abbreviations());
        let mut statements = Vec::new();
        self.note_titles(text, mentions);
        self.note_genders(text, mentions);
        let carried = self.previous_quote.take();
        // The speaker the paragraph is on: set by each attribution, kept by the
        // quotations that follow without one of their own.
        let mut current: Option<Speaker> = None;
        let mut quoted_here = false;

        // Text order, so that "the last attribution" means the last one read: each
        // sentence's quotations, then the sentence's own speech verb.
        // Sentences are in order: each quotation finds its own by binary search.
        let mut loose: Vec<&QuoteSpan> = Vec::new();
        let mut by_sentence: Vec<Vec<&QuoteSpan>> = vec![Vec::new(); sentences.len()];
        for span in &spans {
            let at = sentences.partition_point(|s| s.end <= span.open);
            match sentences.get(at).filter(|s| s.contains(&span.open)) {
                Some(_) => by_sentence[at].push(span),
                None => loose.push(span),
            }
        }
        let mut steps: Vec<(Range<usize>, Vec<&QuoteSpan>, bool)> =
            vec![(0..text.len(), loose, false)];
        for (sentence, inside) in sentences.iter().zip(by_sentence) {
            steps.push((sentence.clone(), inside, true));
        }

        // Where the verbs that introduce quotations stand.
        let mut framing_verbs: Vec<usize> = Vec::new();
        for (sentence, inside, is_sentence) in steps {
            for span in inside {
                let inner = text[span.inner.clone()].trim();
                let words = crate::text::count_words(inner);
                if words == 0 {
                    continue;
                }
                // Read no further from the quotation than an attribution stands,
                // so that one sentence with many quotations is not read again for
                // each of them.
                let from = floor_boundary(text, span.open.saturating_sub(CLAUSE_BYTES));
                let before = sentence.start.max(from)..span.open;
                let to = ceil_boundary(text, span.close_end + CLAUSE_BYTES);
                let mut after = span.close_end.min(text.len())
                    ..sentence.end.max(span.close_end).min(text.len()).min(to);
                // "“Why now?” Jo Roe asked.": the question mark ends the sentence, and
                // the attribution may be the next one, if it names who speaks.
                let ended = text[after.clone()].trim().is_empty() && inner.ends_with(['?', '!']);
                if let Some(next) = sentences
                    .iter()
                    .find(|s| ended && s.start >= span.close_end)
                {
                    after = span.close_end..next.end;
                }
                let asks = inner.ends_with('?');
                // "what Roe called “a special bond,” Doe hinted …": a labelling verb
                // right before the quotation binds it closer than a verb after it.
                let labelled = self.lexicon.labels_just_before(&text[before.clone()]);
                let attribution = if labelled {
                    self.attribute(text, before, mentions, Side::Before, asks)
                } else {
                    let after = self
                        .attribute(text, after, mentions, Side::After, asks)
                        .filter(|found| !ended || found.speaker != Speaker::Unattributed);
                    // An attribution after the quotation that names no one ("…,” an
                    // argument that pleased Roe, who said …) yields to one before it that does.
                    match after {
                        Some(found) if found.speaker != Speaker::Unattributed => Some(found),
                        unnamed => self
                            .attribute(text, before, mentions, Side::Before, asks)
                            .filter(|found| {
                                unnamed.is_none() || found.speaker != Speaker::Unattributed
                            })
                            .or(unnamed),
                    }
                };
                let starts_paragraph = text[..span.open].trim().is_empty();
                let starts_sentence = text[sentence.start..span.open].trim().is_empty();
                let continuing = current
                    .clone()
                    .or_else(|| starts_paragraph.then(|| carried.clone()).flatten());
                // "…,” said Roe, calling the plan “a waste”": a participle after a
                // comma shares the subject of the clause it hangs on, the speaker
                // so far or else the sentence's subject ("Roe praised Doe,
                // calling him “…”"); one that opens the sentence ("Calling it
                // “…,” the council filed suit") has the subject after it.
                let mut attribution = attribution;
                if let Some(found) = attribution.as_mut() {
                    let after_comma = self.hangs_on_a_comma(text, found.at);
                    let opening = text[sentence.start..found.at].trim().is_empty();
                    if found.speaker == Speaker::Unattributed
                        && ends_with_one_of(&self.lexicon.participle_endings, &found.verb)
                        && (after_comma || opening)
                    {
                        let shared = match current.clone().filter(|_| after_comma) {
                            Some(speaker) => Some(speaker),
                            None => self.subject_speaks(text, &sentence, &quoted, mentions),
                        };
                        if let Some(speaker) = shared {
                            found.speaker = speaker;
                        }
                    }
                }
                // A name in quotation marks with no one to say it is a name, not
                // speech; so are a few words a labelling verb gives no one ("what
                // critics called the “swamp”").
                let attribution = attribution.filter(|found| {
                    let term = looks_like_a_name(inner)
                        || (words <= 4 && self.lexicon.labels(&found.verb));
                    found.speaker != Speaker::Unattributed || !term
                });
                let (speaker, verb, continued) = match attribution {
                    Some(found) => {
                        framing_verbs.push(found.at);
                        self.note_speaker(&found.speaker);
                        current = Some(found.speaker.clone());
                        (found.speaker, Some(found.verb), false)
                    }
                    // A few words, or a name, with no verb: a term held at a distance,
                    // unless it is a sentence of its own that goes on with a quotation.
                    None if looks_like_a_name(inner)
                        || (words <= 4 && !(starts_sentence && continuing.is_some())) =>
                    {
                        statements.push(Statement {
                            kind: StatementKind::Scare,
                            text: inner.to_string(),
                            speaker: Speaker::Unattributed,
                            verb: None,
                            continued: false,
                            words,
                            range: span.inner.clone(),
                        });
                        continue;
                    }
                    None => match continuing {
                        Some(speaker) if speaker != Speaker::Unattributed => {
                            current = Some(speaker.clone());
                            (speaker, None, true)
                        }
                        _ => (Speaker::Unattributed, None, false),
                    },
                };
                quoted_here = true;
                statements.push(Statement {
                    kind: StatementKind::Direct,
                    text: inner.to_string(),
                    speaker,
                    verb,
                    continued,
                    words,
                    range: span.inner.clone(),
                });
            }
            if !is_sentence {
                continue;
            }
            let sentence = sentence.clone();
            let found = self.attribute(text, sentence.clone(), mentions, Side::Within, false);
            if found.is_none() && !framing_verbs.iter().any(|at| sentence.contains(at)) {
                self.note_subject(text, sentence.clone(), &quoted, mentions);
            }
            if let Some(found) = found {
                // A sentence whose verb introduces a quotation is the quotation's; one
                // that only borrows a few quoted words ("created a “strategic
                // alliance”") reports speech of its own.
                if framing_verbs.contains(&found.at) {
                    continue;
                }
                self.note_speaker(&found.speaker);
                current = Some(found.speaker.clone());
                let sentence_text = text[sentence.clone()].trim();
                statements.push(Statement {
                    kind: StatementKind::Indirect,
                    text: sentence_text.to_string(),
                    speaker: found.speaker,
                    verb: Some(found.verb),
                    continued: false,
                    words: crate::text::count_words(sentence_text),
                    range: sentence,
                });
            }
        }
        statements.sort_by_key(|s| s.range.start);
        self.previous_quote = if quoted_here { current } else { None };
        self.named.extend(mentions.iter().map(|m| m.actor.clone()));
        statements
    }

    /// The speaker and verb of a clause, if it carries a speech verb. Remembers the
    /// speaker it finds, for the pronouns that follow. `asks`: the quotation beside
    /// the clause is a question.
    fn attribute(
        &mut self,
        text: &str,
        clause: Range<usize>,
        mentions: &[SpeakerMention],
        side: Side,
        asks: bool,
    ) -> Option<Attribution> {
        if clause.is_empty() {
            return None;
        }
        let clause_text = &text[clause.clone()];
        // After a quote the attribution comes first ("…,” the aide, Zohar Palti, told);
        // before it, the verb nearest the quote counts.
        let (verb, at) = match side {
            Side::After => {
                let window = first_words(clause_text, 14);
                self.find_verb(&clause_text[..window], true)?
            }
            Side::Before => {
                let labelling = self
                    .lexicon
                    .labelling_verbs_in(clause_text)
                    .max_by_key(|r| r.start);
                match (self.find_verb(clause_text, false), labelling) {
                    (Some((_, at)), Some(range)) if range.start > at => {
                        (clause_text[range.clone()].to_string(), range.start)
                    }
                    (None, Some(range)) => (clause_text[range.clone()].to_string(), range.start),
                    (found, _) => found?,
                }
            }
            Side::Within => self.find_verb_where(clause_text, true, |at| {
                !self.in_quotation(clause.start + at)
            })?,
        };
        let verb_start = clause.start + at;
        let passive = matches!(
            self.lexicon.by_phrase(text, verb_start + verb.len()),
            ByPhrase::Agent(_)
        );
        if side != Side::Within && passive && !asks && self.lexicon.asks(&verb) {
            return None;
        }
        let mut speaker = self.speaker_of(text, clause.clone(), verb_start, &verb, side, mentions);
        // "X briefed reporters and stated …, emphasizing “…”": verbs in a row share
        // the subject of the first; try the verbs before this one.
        let mut earlier = verb_start;
        for _ in 0..3 {
            if speaker != Speaker::Unattributed || side == Side::After {
                break;
            }
            let outside = |at: usize| side != Side::Within || !self.in_quotation(clause.start + at);
            let Some((previous, at)) =
                self.find_verb_where(&text[clause.start..earlier], false, outside)
            else {
                break;
            };
            earlier = clause.start + at;
            speaker = self.speaker_of(text, clause.clone(), earlier, &previous, side, mentions);
        }
        // "Roe went further, essentially accusing the mayor of neglect": a
        // participle after a comma says what the sentence's subject says.
        if side == Side::Within
            && speaker == Speaker::Unattributed
            && ends_with_one_of(&self.lexicon.participle_endings, &verb)
            && self.hangs_on_a_comma(text, verb_start)
        {
            let quoted: Vec<Range<usize>> = quote_spans(clause_text)
                .iter()
                .map(|s| clause.start + s.open..clause.start + s.close_end)
                .collect();
            if let Some(subject) = self.subject_speaks(text, &clause, &quoted, mentions) {
                speaker = subject;
            }
        }
        if side == Side::Within && speaker == Speaker::Unattributed {
            return None;
        }
        Some(Attribution {
            speaker,
            verb,
            at: verb_start,
        })
    }

    /// The speaker of the verb at `verb_start`.
    fn speaker_of(
        &mut self,
        text: &str,
        clause: Range<usize>,
        verb_start: usize,
        verb: &str,
        side: Side,
        mentions: &[SpeakerMention],
    ) -> Speaker {
        // "a-t-elle déclaré", "dit-il": the subject is the pronoun joined to the verb.
        let joined = verb
            .split(['-', ' '])
            .find(|w| is_one_of(&self.lexicon.pronouns, w));
        if let Some(pronoun) = joined.filter(|_| verb.contains('-')) {
            return self.resolve(text, Slot::Pronoun(pronoun.to_lowercase()), mentions);
        }
        let rest = verb_start + verb.len()..clause.end;
        let agent = match self.lexicon.by_phrase(text, rest.start) {
            ByPhrase::Agent(start) => Some(start),
            _ => None,
        };
        // "according to X", "was told by X": the speaker follows the verb. Otherwise
        // the subject before it speaks; "…,” said Smith" has none, so the words
        // after the verb do.
        let slot = if is_one_of(&self.lexicon.prepositional_verbs, verb) {
            self.lexicon.read_after(text, rest)
        } else if let Some(after_by) = agent.filter(|&start| start <= rest.end) {
            self.lexicon.read_after(text, after_by..rest.end)
        } else {
            let before = clause.start..verb_start;
            // "…, said Jo Roe, a consultant": after a comma the verb may come first.
            // Not "…, told Jo Roe": a listener follows those verbs, never a speaker;
            // nor "…, called Roe's plan “…”": what is labelled follows those.
            let listener =
                is_one_of(&self.lexicon.listener_verbs, verb) || self.lexicon.labels(verb);
            if !listener && text[before.clone()].trim_end().ends_with(',') {
                // The name ends the clause or is set off by a comma: in "…, stressed
                // Norland and Sudmark will …" the name begins what is said.
                if let Slot::Name { range, article } = self.lexicon.read_after(text, rest.clone()) {
                    let next = text[range.end..rest.end].trim_start().chars().next();
                    if next.is_none_or(|c| ",.;:—–(".contains(c)) {
                        return self.resolve(text, Slot::Name { range, article }, mentions);
                    }
                }
            }
            match self.lexicon.read_before(text, before.clone()) {
                Slot::Nothing
                    if side == Side::After || !text[before].chars().any(char::is_alphanumeric) =>
                {
                    let closes = text[rest.clone()]
                        .trim_start()
                        .chars()
                        .next()
                        .is_none_or(|c| ".;".contains(c));
                    // "Ha aggiunto che l'azienda resta «…»", "Añadió: «…»": a
                    // verb that opens its sentence with no subject on either
                    // side, or only what it says after it, has the subject the
                    // sentence before gave it, as languages that drop a subject
                    // pronoun write.
                    let next = text[rest.clone()].split_whitespace().next().unwrap_or("");
                    if side == Side::Before && is_one_of(&self.lexicon.complementizers, next) {
                        Slot::Omitted
                    } else {
                        match self.lexicon.read_after(text, rest) {
                            Slot::Nothing if side == Side::After && closes => Slot::Omitted,
                            Slot::Nothing if side == Side::Before => Slot::Omitted,
                            found => found,
                        }
                    }
                }
                found => found,
            }
        };
        self.resolve(text, slot, mentions)
    }

    /// Who the words of a speaker slot stand for, remembered for later pronouns.
    fn resolve(&mut self, text: &str, slot: Slot, mentions: &[SpeakerMention]) -> Speaker {
        let words = match &slot {
            Slot::Name { range, .. } | Slot::Noun(range) => range.clone(),
            Slot::Nothing | Slot::Pronoun(_) | Slot::Omitted => 0..0,
        };
        let (speaker, kind) = match slot {
            Slot::Nothing => return Speaker::Unattributed,
            Slot::Pronoun(word) => return self.antecedent(&word),
            Slot::Omitted => return self.antecedent(""),
            Slot::Name { range, article } => {
                // The actor named in the slot; the last one, as "Jo Roe" in "Acme's Jo Roe".
                let named = mentions
                    .iter()
                    .filter(|m| m.range.start < range.end && range.start < m.range.end)
                    .max_by_key(|m| m.range.end);
                match named {
                    Some(m) => (Speaker::Actor(m.actor.clone()), mention_kind(m)),
                    None => match self.lexicon.clean_name(&text[range.clone()]) {
                        (Some(name), titled) => self.unlisted(name, titled, article),
                        // Only titles: "President" is a role, read as one.
                        (None, _) => self.role(&text[range.clone()], range.end, mentions),
                    },
                }
            }
            Slot::Noun(range) => match self.document(text, range.clone(), mentions) {
                Some(found) => found,
                None => self.role(&text[range.clone()], range.end, mentions),
            },
        };
        // "Ms. Jo Roe", "a spokeswoman": the words that name a speaker may tell her gender.
        self.note_gender_in(&speaker, &text[words]);
        match kind {
            Kind::Person => self.person_spoke(speaker.clone()),
            Kind::Group => self.last_group = Some((speaker.clone(), self.attributions)),
            Kind::Unknown => self.last_unknown = Some((speaker.clone(), self.attributions)),
            Kind::Thing => {}
        }
        self.attributions += 1;
        speaker
    }

    /// A speaker by name only; "Smith" after "Jo Smith" in the same source is her.
    fn unlisted(&mut self, name: String, titled: bool, article: bool) -> (Speaker, Kind) {
        let words = name.split_whitespace().count();
        if words >= 2 {
            if !self.names.contains(&name) {
                self.names.push(name.clone());
            }
        } else if let Some(full) = self
            .names
            .iter()
            .rev()
            .find(|full| full.rsplit(' ').next() == Some(name.as_str()))
        {
            return (Speaker::Unlisted(full.clone()), Kind::Person);
        }
        let kind = if article {
            Kind::Group
        } else if titled || words >= 2 {
            Kind::Person
        } else {
            Kind::Unknown
        };
        (Speaker::Unlisted(name), kind)
    }

    /// A noun phrase: an actor's title, an actor's lower-case alias, or the nouns of
    /// an unnamed speaker. Anything else ("the president" with no actor titled so)
    /// speaks for no one we know, and stops a later "he" from reaching further back.
    fn role(&self, phrase: &str, end: usize, mentions: &[SpeakerMention]) -> (Speaker, Kind) {
        let words = normalise_title(phrase, self.lexicon);
        if let Some(title) = self.titles.iter().find(|t| t.words == words) {
            let kind = if title.person {
                Kind::Person
            } else {
                Kind::Group
            };
            return (Speaker::Actor(title.actor.clone()), kind);
        }
        if let Some(m) = mentions.iter().find(|m| m.range.end == end) {
            return (Speaker::Actor(m.actor.clone()), mention_kind(m));
        }
        if let Some(found) = self.article_role(&words) {
            return found;
        }
        let head = words.rsplit(' ').next().unwrap_or("");
        if self.lexicon.anonymous.iter().any(|a| a == head) {
            let cue = self
                .anonymous_cue(phrase)
                .unwrap_or_else(|| head.to_string());
            let kind = if self.lexicon.anonymous_plural.iter().any(|a| a == head) {
                Kind::Group
            } else {
                Kind::Person
            };
            return (Speaker::Anonymous(cue), kind);
        }
        (Speaker::Unattributed, Kind::Person)
    }

    /// The subject of the last attribution a pronoun can point to.
    fn antecedent(&self, pronoun: &str) -> Speaker {
        let person = self.lexicon.pronouns.iter().any(|p| p == pronoun);
        let group = self.lexicon.plural_pronouns.iter().any(|p| p == pronoun);
        let fits = |(speaker, _): &&(Speaker, usize)| self.may_be(speaker, pronoun);
        let candidates = [
            self.people
                .iter()
                .rev()
                .find(fits)
                .filter(|_| person || !group),
            self.last_group.as_ref().filter(|_| group || !person),
            self.last_unknown.as_ref().filter(fits),
        ];
        let subject = self
            .last_subject
            .as_ref()
            .filter(|speaker| !group && self.may_be(speaker, pronoun));
        candidates
            .into_iter()
            .flatten()
            .max_by_key(|(_, when)| *when)
            .map(|(speaker, _)| speaker)
            .or(subject)
            .map_or(Speaker::Unattributed, Speaker::clone)
    }

    /// The sentence's subject (see `subject`) as the speaker of a participle,
    /// remembered as an attribution's speaker is, for the pronouns after it.
    fn subject_speaks(
        &mut self,
        text: &str,
        sentence: &Range<usize>,
        quoted: &[Range<usize>],
        mentions: &[SpeakerMention],
    ) -> Option<Speaker> {
        let subject = self.subject(text, sentence, quoted, mentions, false)?;
        let speaker = Speaker::Actor(subject.actor.clone());
        match mention_kind(subject) {
            Kind::Person => self.person_spoke(speaker.clone()),
            _ => self.last_group = Some((speaker.clone(), self.attributions)),
        }
        self.attributions += 1;
        Some(speaker)
    }

    /// The verb at `at` follows a comma, perhaps with an adverb between
    /// (", essentially accusing").
    fn hangs_on_a_comma(&self, text: &str, at: usize) -> bool {
        let end = match word_before(text, at) {
            Some((start, word)) if ends_with_one_of(&self.lexicon.adverb_endings, word) => start,
            _ => at,
        };
        text[..end].trim_end().ends_with(',')
    }

    /// The latest person to speak (or to be the subject of a sentence), once in `people`.
    fn person_spoke(&mut self, speaker: Speaker) {
        self.people.retain(|(s, _)| *s != speaker);
        if self.people.len() == PEOPLE_KEPT {
            self.people.remove(0);
        }
        self.people.push((speaker, self.attributions));
    }

    fn last_person(&self) -> Option<&Speaker> {
        self.people.last().map(|(speaker, _)| speaker)
    }

    /// The first (or, with `first == false`, the last) speech verb in `text`, as a whole word.
    fn find_verb(&self, text: &str, first: bool) -> Option<(String, usize)> {
        self.find_verb_where(text, first, |_| true)
    }

    /// Whether the byte at `at` of the paragraph lies inside one of its quotations.
    fn in_quotation(&self, at: usize) -> bool {
        self.quoted.iter().any(|q| q.contains(&at))
    }

    /// The same, among the verbs whose start `keep` accepts.
    fn find_verb_where(
        &self,
        text: &str,
        first: bool,
        keep: impl Fn(usize) -> bool,
    ) -> Option<(String, usize)> {
        let verbs = self.lexicon.verb_matcher.find(text).into_iter();
        let documents = self.lexicon.document_verb_matcher.find(text).into_iter();
        let documents = documents.filter(|(_, _, r)| self.lexicon.document_near(text, r));
        let ranges = verbs
            .chain(documents)
            .map(|(_, _, range)| range)
            .filter(|range| {
                keep(range.start)
                    && !self.lexicon.is_adjective_at(text, range.start)
                    && self.lexicon.speaks_at(text, range)
            });
        let range = if first {
            ranges.min_by_key(|r| r.start)
        } else {
            ranges.max_by_key(|r| r.start)
        }?;
        Some((text[range.clone()].to_string(), range.start))
    }

    /// The anonymous noun of a phrase with up to two words before it ("other security officials").
    fn anonymous_cue(&self, clause: &str) -> Option<String> {
        let lower = clause.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let position = words
            .iter()
            .rposition(|w| self.lexicon.anonymous.iter().any(|a| a == w))?;
        let start = position.saturating_sub(2);
        Some(words[start..=position].join(" "))
    }
}

fn mention_kind(mention: &SpeakerMention) -> Kind {
    if mention.rank == 0 {
        Kind::Person
    } else {
        Kind::Group
    }
}

/// A title as compared: lower case, single spaces, without a leading article.
fn normalise_title(words: &str, lexicon: &Lexicon) -> String {
    let lower = words.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .first()
        .is_some_and(|w| lexicon.determiners.iter().any(|d| d == w))
    {
        words.remove(0);
    }
    words.join(" ")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    /// The clause after a quote.
    After,
    /// The clause before a quote.
    Before,
    /// A whole sentence without quotes.
    Within,
}

#[cfg(test)]
mod tests;
