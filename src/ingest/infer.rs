//! Metadata read from an article's own text: dates, datelines, language, outlet hints.

use crate::model::PartialDate;
use regex::Regex;
use std::sync::LazyLock;

/// Month names and abbreviations in the languages the furniture rules cover.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("janeiro", 1),
    ("januar", 1),
    ("jänner", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("february", 2),
    ("feb", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fev", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("februar", 2),
    ("febbraio", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("märz", 3),
    ("marz", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maio", 5),
    ("maggio", 5),
    ("mag", 5),
    ("june", 6),
    ("jun", 6),
    ("juin", 6),
    ("junio", 6),
    ("junho", 6),
    ("juni", 6),
    ("giugno", 6),
    ("giu", 6),
    ("july", 7),
    ("jul", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("julho", 7),
    ("juli", 7),
    ("luglio", 7),
    ("lug", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setembro", 9),
    ("settembre", 9),
    ("set", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("out", 10),
    ("oktober", 10),
    ("okt", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("december", 12),
    ("dec", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dezembro", 12),
    ("dez", 12),
    ("dezember", 12),
    ("dicembre", 12),
];

fn month_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, n)| *n)
}

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+)?(\d{4})\b")
        .expect("valid")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").expect("valid")
});
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("valid"));
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b").expect("valid"));

/// The first full date in `text`: "Monday 29 November 2021", "November 29, 2021",
/// "29 nov. 2021", "2021-11-29", "29/11/2021" or "29.11.2021" (day first, as most of
/// the world writes it).
pub fn parse_date(text: &str) -> Option<PartialDate> {
    // Every form gives the year in four digits: most text has no run of four
    // digits (`char::is_numeric` takes in every `\d`), and then no date.
    let mut digits = 0;
    if !text.chars().any(|c| {
        digits = if c.is_numeric() { digits + 1 } else { 0 };
        digits == 4
    }) {
        return None;
    }
    // The forms in order, each tried only when those before it found nothing.
    ISO.captures(text)
        .and_then(|c| ymd(&c[1], &c[2], &c[3]))
        .or_else(|| {
            DAY_MONTH_YEAR
                .captures(text)
                .and_then(|c| ymd(&c[3], &month_number(&c[2])?.to_string(), &c[1]))
        })
        .or_else(|| {
            MONTH_DAY_YEAR
                .captures(text)
                .and_then(|c| ymd(&c[3], &month_number(&c[1])?.to_string(), &c[2]))
        })
        .or_else(|| {
            NUMERIC
                .captures(text)
                .and_then(|c| ymd(&c[3], &c[2], &c[1]))
        })
}

fn ymd(year: &str, month: &str, day: &str) -> Option<PartialDate> {
    PartialDate::parse(&format!("{year}-{:0>2}-{:0>2}", month, day))
}

/// "RABAT, Nov 25 (NNN-AGENCIES) —": where and when a wire story was filed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub text: String,
    pub place: String,
    pub month: u8,
    pub day: u8,
    pub year: Option<i32>,
    /// The agency credited in brackets, if any.
    pub agency: Option<String>,
    /// Byte length of the whole dateline, dash included: the story starts after it.
    pub length: usize,
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<place>\p{Lu}[\p{Lu}\p{M} .'’-]+?)(?:,\s*[\p{L} .]+?)?,\s+(?P<month>\p{L}+)\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?\s*(?:\((?P<agency>[^)]+)\))?\s*[—–-]+\s",
    )
    .expect("valid")
});

/// The dateline at the start of a paragraph, if it has one.
pub fn dateline(paragraph: &str) -> Option<Dateline> {
    let captures = DATELINE.captures(paragraph)?;
    // Bounds are checked here rather than in the pattern: bounded repetitions of
    // Unicode classes make the expression slow to compile.
    let short = |name: &str, max: usize| {
        captures
            .name(name)
            .is_none_or(|m| m.as_str().chars().count() <= max)
    };
    if !short("place", 40) || !short("agency", 40) {
        return None;
    }
    let month = month_number(&captures["month"])?;
    let day: u8 = captures["day"]
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    let whole = captures.get(0)?.as_str();
    let text = whole.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '-'));
    let text = match captures.name("agency") {
        Some(agency) => text[..agency.start() - 1].trim_end().to_string(),
        None => text.to_string(),
    };
    Some(Dateline {
        length: whole.len(),
        text,
        place: captures["place"].trim().to_string(),
        month,
        day,
        year: captures.name("year").and_then(|y| y.as_str().parse().ok()),
        agency: captures
            .name("agency")
            .map(|a| a.as_str().trim().to_string()),
    })
}

/// A place in capitals and a dash ("PARIS — ", "SAN JOSÉ, Costa Rica – "), or a
/// place and an agency in brackets ("Lagos (AFP) - "): how a story's own text
/// starts in newspaper and wire style, with or without a date.
static PLACE_DASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<caps>\p{Lu}[\p{Lu}\p{M}.'’ ]*\p{Lu}\.?)(?:,\s*\p{Lu}[\p{L}\p{M}.' ]*?)?(?:\s*[—–―]+\s*|\s+-+\s+)|(?P<place>\p{Lu}[\p{L}\p{M}.'’ ]*?)(?:,\s*\p{Lu}[\p{L}\p{M}.' ]*?)?\s*\(\p{Lu}[\p{L}\p{N}&.'/ -]*\)\s*[—–―-]+\s*)\S",
    )
    .expect("valid")
});

/// Whether a paragraph opens with a dateline, dated or not.
pub fn opens_with_dateline(paragraph: &str) -> bool {
    if dateline(paragraph).is_some() {
        return true;
    }
    let Some(captures) = PLACE_DASH.captures(paragraph) else {
        return false;
    };
    let place = captures.name("caps").or(captures.name("place"));
    place.is_some_and(|p| p.as_str().chars().filter(|c| c.is_alphabetic()).count() >= 2)
        && captures
            .get(0)
            .is_some_and(|m| m.as_str().chars().count() <= 60)
}

static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.!?”\x22]\s*[—–]\s*(?P<agency>[\p{Lu}][\p{Lu}\p{N}&./ -]+)\s*$").expect("valid")
});

/// An agency credit signing off the last paragraph: "… — NNN-AGENCIES", with the
/// byte offset where the credit (dash included) starts.
pub fn sign_off(paragraph: &str) -> Option<(usize, String)> {
    let captures = SIGN_OFF.captures(paragraph)?;
    if captures["agency"].chars().count() > 41 {
        return None;
    }
    let whole = captures.get(0)?;
    let dash = paragraph[whole.start()..]
        .find(['—', '–'])
        .map_or(whole.start(), |i| whole.start() + i);
    Some((dash, captures["agency"].trim().to_string()))
}

/// The web site most of `urls` point at ("trendsnafrica.com"): the outlet's own
/// "read also" links name it when nothing else does.
pub fn common_domain<'a>(urls: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for url in urls {
        let rest = url.split("://").nth(1).unwrap_or(url);
        let host = rest
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("")
            .to_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
        if host.contains('.') {
            *counts.entry(host).or_default() += 1;
        }
    }
    let (host, count) = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    (count >= 2).then_some(host)
}

/// The site's name at the end of a page title, as browsers show and save it:
/// "Ministers sign the pact | The Daily Planet" → "The Daily Planet". The name is
/// one to five capitalised words (joined by short words such as "of" or "&"),
/// after a separator, behind a title of at least three words.
pub fn site_name_in_title(title: &str) -> Option<String> {
    const SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " _ "];
    let (at, separator) = SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, *sep)))
        .max_by_key(|(at, _)| *at)?;
    let (before, name) = (&title[..at], title[at + separator.len()..].trim());
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let joining = |w: &&str| {
        matches!(
            *w,
            "of" | "the" | "and" | "&" | "de" | "du" | "la" | "le" | "el" | "der" | "die"
        )
    };
    let looks_like_a_name = (1..=5).contains(&words.len())
        && words.first().is_some_and(capitalised)
        && words.iter().all(|w| capitalised(w) || joining(w))
        && !name.ends_with(['.', '?', '!', ':', ',']);
    (looks_like_a_name && before.split_whitespace().count() >= 3)
        .then(|| name.to_string())
        .or_else(|| site_in_words(name))
}

/// The outlet a saved file's name gives: the site's name a browser copies from the
/// page title ("Ministers sign the pact - The Daily Planet.html"), or a web address
/// an archiver made the name from ("www.dailyplanet.com_2021_11_pact.txt").
pub fn site_in_file_name(file_name: &str) -> Option<String> {
    let mut stem = file_name;
    while let Some((rest, extension)) = stem.rsplit_once('.') {
        if !matches!(
            extension.to_ascii_lowercase().as_str(),
            "txt" | "md" | "html" | "htm" | "gz" | "text"
        ) {
            break;
        }
        stem = rest;
    }
    site_name_in_title(stem).or_else(|| site_in_words(stem))
}

/// A web site's host among the words of a name: "dailyplanet.com", "bbc.co.uk".
fn site_in_words(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '_' | '/' | '|' | '(' | ')'))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_ascii_alphanumeric())
                .to_ascii_lowercase()
        })
        .find(|w| is_host(w))
        .map(|w| w.strip_prefix("www.").unwrap_or(&w).to_string())
}

/// Top-level domains of news sites that are not a country's two letters.
const GENERIC_DOMAINS: &[&str] = &[
    "com", "org", "net", "news", "info", "media", "press", "tv", "online", "site",
];

fn is_host(word: &str) -> bool {
    let labels: Vec<&str> = word.split('.').collect();
    let Some((top, names)) = labels.split_last() else {
        return false;
    };
    let top_ok = GENERIC_DOMAINS.contains(top)
        || (top.len() == 2 && top.chars().all(|c| c.is_ascii_lowercase()));
    top_ok
        && !names.is_empty()
        && names
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && names
            .iter()
            .any(|l| l.chars().filter(char::is_ascii_alphabetic).count() >= 2)
}

/// ISO 639-1 code of the language `text` is written in, when the detector is
/// confident. On a few words it seldom is, and a guess there is often wild
/// (seven English words came out as Tagalog): the caller falls back to the
/// dossier's language.
pub fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(4000).collect();
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    let code = info.lang().code();
    Some(
        ISO_639_3_TO_1
            .iter()
            .find(|(three, _)| *three == code)
            .map_or(code, |(_, two)| two)
            .to_string(),
    )
}

/// whatlang names languages by ISO 639-3; web pages and `lang` attributes use 639-1.
const ISO_639_3_TO_1: &[(&str, &str)] = &[
    ("eng", "en"),
    ("fra", "fr"),
    ("spa", "es"),
    ("por", "pt"),
    ("deu", "de"),
    ("ita", "it"),
    ("nld", "nl"),
    ("ara", "ar"),
    ("heb", "he"),
    ("pes", "fa"),
    ("urd", "ur"),
    ("tur", "tr"),
    ("rus", "ru"),
    ("ukr", "uk"),
    ("pol", "pl"),
    ("ces", "cs"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("hrv", "hr"),
    ("srp", "sr"),
    ("bul", "bg"),
    ("ron", "ro"),
    ("hun", "hu"),
    ("ell", "el"),
    ("swe", "sv"),
    ("nob", "nb"),
    ("dan", "da"),
    ("fin", "fi"),
    ("est", "et"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("cmn", "zh"),
    ("jpn", "ja"),
    ("kor", "ko"),
    ("hin", "hi"),
    ("ben", "bn"),
    ("tam", "ta"),
    ("tel", "te"),
    ("mar", "mr"),
    ("guj", "gu"),
    ("pan", "pa"),
    ("kan", "kn"),
    ("mal", "ml"),
    ("ori", "or"),
    ("sin", "si"),
    ("nep", "ne"),
    ("tha", "th"),
    ("vie", "vi"),
    ("ind", "id"),
    ("zsm", "ms"),
    ("tgl", "tl"),
    ("swh", "sw"),
    ("amh", "am"),
    ("yor", "yo"),
    ("ibo", "ig"),
    ("hau", "ha"),
    ("zul", "zu"),
    ("xho", "xh"),
    ("afr", "af"),
    ("kat", "ka"),
    ("hye", "hy"),
    ("aze", "az"),
    ("kaz", "kk"),
    ("uzb", "uz"),
    ("tuk", "tk"),
    ("bel", "be"),
    ("mkd", "mk"),
    ("cat", "ca"),
    ("epo", "eo"),
    ("lat", "la"),
    ("yid", "yi"),
    ("khm", "km"),
    ("mya", "my"),
    ("aka", "ak"),
    ("sna", "sn"),
    ("jav", "jv"),
    ("uig", "ug"),
    ("tgk", "tg"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_several_forms_and_languages() {
        let d = |s| parse_date(s).map(|d| d.to_string());
        assert_eq!(
            d("Monday 29 November 2021 Last update on Monday").as_deref(),
            Some("2021-11-29")
        );
        assert_eq!(
            d("Updated November 29, 2021 at 11:52").as_deref(),
            Some("2021-11-29")
        );
        assert_eq!(d("publié le 3 déc. 2021").as_deref(), Some("2021-12-03"));
        assert_eq!(d("24 de noviembre de 2021").as_deref(), Some("2021-11-24"));
        assert_eq!(d("2021-11-24").as_deref(), Some("2021-11-24"));
        assert_eq!(d("24/11/2021").as_deref(), Some("2021-11-24"));
        assert_eq!(d("24.11.2021, 14:22").as_deref(), Some("2021-11-24"));
        assert_eq!(d("31 February 2021"), None);
        assert_eq!(d("no date here"), None);
    }

    #[test]
    fn undated_datelines() {
        for opening in [
            "LISBON — The council met on Monday.",
            "SAN JOSÉ, Costa Rica – Voters went to the polls.",
            "LISBON (Lusa)-The council met on Monday.",
            "Lisbon (Lusa) – The council met on Monday.",
            "NEW YORK―The market fell.",
        ] {
            assert!(opens_with_dateline(opening), "{opening}");
        }
        for not in [
            "US-China talks resumed on Monday.",
            "The council — all nine members — met on Monday.",
            "NATO-led troops arrived.",
            "A — the first letter.",
            "Officials (two of them) - spoke.",
        ] {
            assert!(!opens_with_dateline(not), "{not}");
        }
    }

    #[test]
    fn wire_datelines() {
        let line =
            dateline("RABAT, Nov 25 (NNN-AGENCIES) — Israel and Morocco have signed").unwrap();
        assert_eq!(line.text, "RABAT, Nov 25");
        assert_eq!((line.month, line.day, line.year), (11, 25, None));
        assert_eq!(line.agency.as_deref(), Some("NNN-AGENCIES"));
        let line = dateline("JERUSALEM, Nov. 24, 2021 - Israel said").unwrap();
        assert_eq!(line.year, Some(2021));
        assert_eq!(dateline("Israel and Morocco have signed - a pact"), None);
    }

    #[test]
    fn sign_offs_and_domains() {
        let text = "their leverage with Israel. — NNN-AGENCIES";
        assert_eq!(
            sign_off(text),
            Some((text.find('—').unwrap(), "NNN-AGENCIES".to_string()))
        );
        assert_eq!(sign_off("a sentence — with a dash in it"), None);
        let urls = [
            "https://trendsnafrica.com/a/",
            "https://www.trendsnafrica.com/b",
            "https://other.org/c",
        ];
        assert_eq!(
            common_domain(urls.into_iter()).as_deref(),
            Some("trendsnafrica.com")
        );
        assert_eq!(common_domain(["https://one.org/x"].into_iter()), None);
    }

    #[test]
    fn site_names_in_titles_and_file_names() {
        assert_eq!(
            site_name_in_title("Ministers sign the water pact | The Daily Planet").as_deref(),
            Some("The Daily Planet")
        );
        assert_eq!(
            site_name_in_title("Ministers sign the water pact - Planet of News").as_deref(),
            Some("Planet of News")
        );
        // A dash inside a headline is no site name.
        assert_eq!(
            site_name_in_title("Ministers sign - and then regret - the pact"),
            None
        );
        assert_eq!(site_name_in_title("Pact - Daily Planet"), None);
        assert_eq!(
            site_in_file_name("Ministers sign the water pact - The Daily Planet.html").as_deref(),
            Some("The Daily Planet")
        );
        assert_eq!(
            site_in_file_name("www.dailyplanet.com_2021_11_pact.txt").as_deref(),
            Some("dailyplanet.com")
        );
        assert_eq!(
            site_in_file_name("bbc.co.uk news pact.txt").as_deref(),
            Some("bbc.co.uk")
        );
        assert_eq!(site_in_file_name("My_Article.txt"), None);
        assert_eq!(site_in_file_name("notes.final.txt"), None);
        assert_eq!(site_in_file_name("report v2.1.txt"), None);
    }

    #[test]
    fn languages() {
        // A few words are no evidence: no guess (it was Tagalog).
        assert_eq!(
            detect_language("Rabat (AP) — Morocco said nothing more."),
            None
        );
        assert_eq!(detect_language("Israel and Morocco have signed a landmark agreement that lays the foundation for security cooperation.").as_deref(), Some("en"));
        assert_eq!(detect_language("Israël et le Maroc ont signé un accord historique de coopération sécuritaire à Rabat mercredi.").as_deref(), Some("fr"));
        assert_eq!(
            detect_language(
                "وقعت إسرائيل والمغرب اتفاقية تعاون أمني تاريخية في الرباط يوم الأربعاء"
            )
            .as_deref(),
            Some("ar")
        );
    }
}
