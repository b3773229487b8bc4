//! Does the body say what the headline says?

use super::*;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Words too common to carry a headline's claim, by language (see the file).
const STOPWORDS: &str = include_str!("headline_stopwords.toml");

/// The stop words of `language` (its primary subtag), or English's where none
/// are listed.
fn stopwords_for(language: &str) -> &'static HashSet<String> {
    static PARSED: OnceLock<HashMap<String, HashSet<String>>> = OnceLock::new();
    let lists = PARSED.get_or_init(|| {
        toml::from_str::<HashMap<String, HashSet<String>>>(STOPWORDS)
            .expect("the headline stop words are valid (tested)")
    });
    let primary = crate::text::words::primary_language(language);
    lists
        .get(&primary)
        .or_else(|| lists.get("en"))
        .expect("the English stop words are listed")
}

/// Does the body say what the headline says? Each content word of the headline
/// is looked for in the body by its Snowball stem in the source's language (so
/// "signs" meets "signed"), or as a whole word where Snowball has no stemmer.
pub(super) fn headline_check(source: &Source) -> HeadlineCheck {
    headline_against_body(
        source.headline.as_deref().unwrap_or_default(),
        source.paragraphs.iter().map(|p| p.text.as_str()),
        &source.language,
    )
}

pub(super) fn headline_against_body<'a>(
    headline: &str,
    body: impl Iterator<Item = &'a str>,
    language: &str,
) -> HeadlineCheck {
    let stemmer = stemmer_for(language);
    let stopwords = stopwords_for(language);
    let body: BTreeSet<String> = body
        .flat_map(text_words)
        .filter_map(|word| word_key(word, stemmer.as_ref(), stopwords))
        .collect();
    let mut seen = BTreeSet::new();
    let mut supported = Vec::new();
    let mut unsupported = Vec::new();
    for word in text_words(headline) {
        let Some(key) = word_key(word, stemmer.as_ref(), stopwords) else {
            continue;
        };
        if !seen.insert(key.clone()) {
            continue;
        }
        if body.contains(&key) {
            supported.push(word.to_string());
        } else {
            unsupported.push(word.to_string());
        }
    }
    HeadlineCheck {
        matches: unsupported.is_empty(),
        supported,
        unsupported,
    }
}

/// The Snowball stemmer for a BCP 47 language tag, by its primary subtag; none
/// for a language Snowball has no algorithm for, whose words are then compared whole.
pub(super) fn stemmer_for(language: &str) -> Option<rust_stemmers::Stemmer> {
    use rust_stemmers::Algorithm::*;
    let primary = language.split(['-', '_']).next()?.to_ascii_lowercase();
    let algorithm = match primary.as_str() {
        "ar" => Arabic,
        "da" => Danish,
        "nl" => Dutch,
        "en" => English,
        "fi" => Finnish,
        "fr" => French,
        "de" => German,
        "el" => Greek,
        "hu" => Hungarian,
        "it" => Italian,
        "no" | "nb" | "nn" => Norwegian,
        "pt" => Portuguese,
        "ro" => Romanian,
        "ru" => Russian,
        "es" => Spanish,
        "sv" => Swedish,
        "ta" => Tamil,
        "tr" => Turkish,
        _ => return None,
    };
    Some(rust_stemmers::Stemmer::create(algorithm))
}

/// The words of a text as written, slices of it. A word may hold apostrophes
/// ("Israel's", "l'accord") and, when it is an abbreviation of short letter
/// groups ("U.S.", "e.g."), its full stops, so it is never cut into letters.
pub(super) fn text_words(text: &str) -> Vec<&str> {
    let is_joiner = |c: char| matches!(c, '.' | '\'' | '’');
    let mut words = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            let joined =
                is_joiner(c) && text[i + c.len_utf8()..].starts_with(char::is_alphanumeric);
            if !(c.is_alphanumeric() || joined) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        let word = &text[start..end];
        if !word.contains('.') {
            words.push(word);
        } else if word
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
        {
            // The abbreviation's closing stop, which no letter follows.
            if let Some(&(i, '.')) = chars.peek() {
                end = i + 1;
                chars.next();
            }
            words.push(&text[start..end]);
        } else if word.starts_with(|c: char| c.is_ascii_digit()) {
            words.push(word);
        } else {
            // Sentences run together ("deal.Officials"): their words apart.
            words.extend(word.split('.'));
        }
    }
    words
}

/// What a word is compared by: lowercased, an abbreviation without its stops, an
/// elided article ("l'", "d'") dropped, then stemmed. None for a word that
/// carries no claim: a stop word, or a one-letter fragment.
pub(super) fn word_key(
    word: &str,
    stemmer: Option<&rust_stemmers::Stemmer>,
    stopwords: &HashSet<String>,
) -> Option<String> {
    let lower = word.to_lowercase().replace('’', "'");
    if lower.contains('.') && !lower.starts_with(|c: char| c.is_ascii_digit()) {
        let letters = lower.replace('.', "");
        return (letters.chars().count() > 1).then_some(letters);
    }
    let lower = match lower.split_once('\'') {
        Some((article, rest)) if article.chars().count() <= 2 && !rest.is_empty() => rest,
        _ => lower.as_str(),
    };
    if lower.chars().filter(|c| c.is_alphanumeric()).count() <= 1 || stopwords.contains(lower) {
        return None;
    }
    Some(match stemmer {
        Some(stemmer) => stemmer.stem(lower).into_owned(),
        None => lower.to_string(),
    })
}
