//! Structural rules that judge a stretch of lines at once: what stands before a
//! dateline lede, what lies outside the article, runs of teasers.

use super::*;

/// Wire and newspaper stories open with a dateline ("PARIS — …"): what stands
/// between the headline and such a first paragraph is display matter, not the
/// story. A first line that reads like a deck (one sentence, shorter than a lede)
/// is kept as the deck when there is none; the others are captions of the photo
/// or video at the top. Only when the dateline paragraph is among the first three
/// lines under the headline.
pub(super) fn mark_before_dateline(
    judged: &mut [Judged],
    decided: &mut [bool],
    kept: &[bool],
    headline: usize,
    deck_named: bool,
) {
    let under: Vec<usize> = (headline + 1..judged.len())
        .filter(|&i| judged[i].fate != Fate::Removed)
        .take(3)
        .collect();
    let Some(at) = under.iter().position(|&i| {
        judged[i].fate == Fate::Body && !decided[i] && infer::opens_with_dateline(&judged[i].text)
    }) else {
        return;
    };
    let mut has_deck = deck_named || judged.iter().any(|j| j.fate == Fate::Deck);
    for &i in &under[..at] {
        if decided[i] || kept[i] {
            continue;
        }
        if !has_deck && i == under[0] && reads_like_a_deck(&judged[i].text) {
            has_deck = true;
            decide(&mut judged[i], &mut decided[i], Fate::Deck, "subtitle");
        } else {
            decide(
                &mut judged[i],
                &mut decided[i],
                Fate::Removed,
                "before-dateline",
            );
        }
    }
}

/// A page scraped whole holds prose besides the article's: teasers of other
/// articles, comments, a site's blurb. The article is the stretch of the page
/// where prose outweighs furniture, word for word: each paragraph of prose counts
/// its words for it, each short line (6 words or fewer, or one a rule removed)
/// its words against it, other lines nothing; the stretch with the largest sum
/// (from `from`, the line under the headline) is the article. A line of more than
/// six words outside it goes, once three lines that count against stand between
/// it and the article; shorter ones are left to the head and tail rules. Returns
/// whether any line went.
pub(super) fn mark_outside_article(
    judged: &mut [Judged],
    decided: &mut [bool],
    kept: &[bool],
    from: usize,
    opens_block: &dyn Fn(&str) -> bool,
) -> bool {
    let n = judged.len();
    let removed = |i: usize| judged[i].fate == Fate::Removed;
    let heads: Vec<bool> = (0..n)
        .map(|i| removed(i) && judged[i].rule.as_deref().is_some_and(opens_block))
        .collect();
    let counts_for: Vec<bool> = (0..n)
        .map(|i| !removed(i) && (decided[i] || kept[i] || is_prose(&judged[i].text)))
        .collect();
    // The nearest paragraph of prose before and after each line, found in one
    // pass each way: a page of many thousand short lines stays linear.
    let mut prose_before = vec![None; n];
    let mut prose_after = vec![None; n];
    for i in 1..n {
        prose_before[i] = if counts_for[i - 1] {
            Some(i - 1)
        } else {
            prose_before[i - 1]
        };
    }
    for i in (0..n.saturating_sub(1)).rev() {
        prose_after[i] = if counts_for[i + 1] {
            Some(i + 1)
        } else {
            prose_after[i + 1]
        };
    }
    let lone: Vec<bool> = (0..n)
        .map(|i| {
            // The lines between a paragraph and the nearest other paragraph of
            // prose on each side; with nothing but furniture to the edge of the
            // page, as far as it goes.
            let before = prose_before[i].map_or(i.max(1), |k| i - k - 1);
            let after = prose_after[i].map_or((n - i - 1).max(1), |k| k - i - 1);
            counts_for[i] && before.min(after) > 0 && before.max(after) >= LONE_GAP_LINES
        })
        .collect();
    let words: Vec<i64> = (0..n)
        .map(|i| count_words(&judged[i].text) as i64)
        .collect();
    // A river of other articles: two or more teasers in a row, each a title
    // (a line of more than six words that is not prose and ends on no stop),
    // short lines if any (a name, a date) and a lone paragraph, its blurb. Its
    // titles count against the article as short lines do, and in a river of
    // `RIVER_BLURBS` or more its blurbs count nothing. A list item above a
    // lone paragraph, or quoted reviews each over a name, make no river.
    let mut next_long = vec![None; n];
    for i in (0..n.saturating_sub(1)).rev() {
        next_long[i] = if !removed(i + 1) && words[i + 1] > 6 {
            Some(i + 1)
        } else {
            next_long[i + 1]
        };
    }
    let teaser = |i: usize| -> Option<usize> {
        let ends_on_a_word = judged[i].text.ends_with(char::is_alphanumeric);
        let body = prose_after[i].filter(|&k| lone[k] && next_long[i] == Some(k))?;
        (words[i] > 6 && !counts_for[i] && !removed(i) && ends_on_a_word).then_some(body)
    };
    let bodies: Vec<Option<usize>> = (0..n).map(teaser).collect();
    let next_teaser = |i: usize| {
        bodies[i]
            .and_then(|body| next_long[body])
            .filter(|&j| bodies[j].is_some())
    };
    let mut follows = vec![false; n];
    for i in 0..n {
        if let Some(j) = next_teaser(i) {
            follows[j] = true;
        }
    }
    let mut teaser_title = vec![false; n];
    let mut blurb = vec![false; n];
    for start in (0..n).filter(|&i| bodies[i].is_some() && !follows[i]) {
        let chain: Vec<usize> = std::iter::successors(Some(start), |&i| next_teaser(i)).collect();
        for &i in chain.iter().filter(|_| chain.len() >= 2) {
            teaser_title[i] = true;
            blurb[bodies[i].expect("a teaser")] = chain.len() >= RIVER_BLURBS;
        }
    }
    let weights: Vec<i64> = (0..n)
        .map(|i| {
            let words = words[i];
            if heads[i] {
                // Under a block heading, prose that comes a line at a time is
                // the block's own items: the article does not run on into them.
                if prose_after[i].is_some_and(|k| lone[k]) {
                    WALL
                } else {
                    -BLOCK_HEADING_WORDS
                }
            } else if removed(i) {
                -words
            } else if blurb[i] {
                0
            } else if lone[i] {
                words / LONE_PARAGRAPH_SHARE
            } else if counts_for[i] {
                words
            } else if words <= 6 || teaser_title[i] {
                -words
            } else {
                0
            }
        })
        .collect();
    // Walls (block headings over items) part the page into segments. Comments
    // and teasers come after the article they follow, so the article is in the
    // first segment whose best stretch holds two paragraphs in a row, or one
    // paragraph as long as a teaser's blurb never is, however
    // much prose a comment thread further down may hold; failing that, it is
    // the heaviest stretch of any segment.
    let in_a_run = |i: usize| counts_for[i] && !lone[i];
    let mut article_like = None;
    let mut heaviest: Option<(i64, (usize, usize))> = None;
    let mut segment_start = from;
    for end in (from..=n).filter(|&i| i == n || weights[i] == WALL) {
        let stretch = best_stretch(&weights[segment_start.min(end)..end])
            .map(|(sum, (first, last))| (sum, (first + segment_start, last + segment_start)));
        if let Some((sum, (first, last))) = stretch {
            let long_paragraph =
                (first..=last).any(|i| counts_for[i] && words[i] >= ARTICLE_PARAGRAPH_WORDS);
            if long_paragraph || (first..last).any(|i| in_a_run(i) && in_a_run(i + 1)) {
                article_like = Some((first, last));
                break;
            }
            if heaviest.is_none_or(|(most, _)| sum > most) {
                heaviest = Some((sum, (first, last)));
            }
        }
        segment_start = end + 1;
    }
    let best_range = article_like.or(heaviest.map(|(_, range)| range));
    let Some((first, last)) = best_range else {
        return false;
    };
    // Only past a stretch of furniture: at least three lines that count against.
    let mut any = false;
    for side in [
        (from..first).rev().collect::<Vec<_>>(),
        (last + 1..n).collect(),
    ] {
        let mut against = 0;
        for i in side {
            if heads[i] {
                // A block heading alone sets the article apart.
                against = against.max(GAP_LINES);
            } else if weights[i] < 0 {
                against += 1;
            }
            if against >= GAP_LINES && !decided[i] && !kept[i] && words[i] > 6 {
                decide(
                    &mut judged[i],
                    &mut decided[i],
                    Fate::Removed,
                    "outside-article",
                );
                any = true;
            }
        }
    }
    any
}

/// A paragraph this long is an article's, whatever stands around it: a
/// teaser's blurb or a comment is shorter. A one-paragraph article before a
/// block of teasers is the article, though no paragraph stands next to it.
const ARTICLE_PARAGRAPH_WORDS: i64 = 100;

/// A paragraph of prose with no other next to it, and set apart on one side by
/// at least `LONE_GAP_LINES` other lines, counts for this fraction of its words:
/// an article's paragraphs come in runs, or alternate with one heading or name
/// each (a list of scores, of quoted reviews), while the prose of teaser lists
/// and comment threads comes a line at a time between a title, a name, a date.
const LONE_PARAGRAPH_SHARE: i64 = 3;
const LONE_GAP_LINES: usize = 2;

/// What the heading of a block of other content ("Most read", "34 comments";
/// rules with `opens_block`) weighs against the stretch: as much as a paragraph
/// of prose weighs for it, so the article runs on past such a heading only when
/// more of it follows than a paragraph. Beyond it no gap of short lines is
/// needed: the heading alone sets the article apart.
const BLOCK_HEADING_WORDS: i64 = 40;

/// From how many teasers in a row a river's blurbs count nothing: two may be
/// an article's own headings over lone paragraphs, which then still count.
const RIVER_BLURBS: usize = 3;

/// The stretch of `weights` with the largest positive sum, and that sum.
fn best_stretch(weights: &[i64]) -> Option<(i64, (usize, usize))> {
    let (mut best, mut best_range) = (0i64, None);
    let (mut sum, mut start) = (0i64, 0);
    for (i, &weight) in weights.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += weight;
        if sum > best {
            best = sum;
            best_range = Some((start, i));
        }
    }
    best_range.map(|range| (best, range))
}

/// A weight no stretch of prose makes up for.
const WALL: i64 = i64::MIN / 4;

/// How many lines of furniture set the article apart from prose around it.
pub(super) const GAP_LINES: usize = 3;

/// A standfirst: one sentence, shorter than a lede.
pub(super) fn reads_like_a_deck(text: &str) -> bool {
    count_words(text) < 25 && crate::text::paragraph_sentences(text).len() == 1
}

/// Between two link teasers ("More: …", rule `read-also-teaser`), lines shaped
/// like one, a short label and a colon, are teasers too: outlets stack them, each
/// under the label of its series. A labelled line at the edge of a run stays, as
/// may a paragraph opening "Update: …"; lines of more than 25 words stay.
pub(super) fn mark_teaser_runs(judged: &mut [Judged], decided: &mut [bool], kept: &[bool]) {
    let is_teaser =
        |j: &Judged| j.fate == Fate::Removed && j.rule.as_deref() == Some("read-also-teaser");
    let open = |i: usize, judged: &[Judged], decided: &[bool]| {
        !decided[i] && !kept[i] && judged[i].fate == Fate::Body && labelled_line(&judged[i].text)
    };
    let mut i = 1;
    while i < judged.len() {
        if !is_teaser(&judged[i - 1]) || !open(i, judged, decided) {
            i += 1;
            continue;
        }
        let end = (i..judged.len())
            .find(|&k| !open(k, judged, decided))
            .unwrap_or(judged.len());
        if judged.get(end).is_some_and(is_teaser) {
            for k in i..end {
                decide(&mut judged[k], &mut decided[k], Fate::Removed, "teaser-run");
            }
        }
        i = end.max(i + 1);
    }
}

/// "Label: text", a label of one to four words starting with a capital, and at
/// most 25 words in all.
pub(super) fn labelled_line(text: &str) -> bool {
    let Some((label, rest)) = text.split_once(':') else {
        return false;
    };
    let label_words = count_words(label);
    label.chars().next().is_some_and(char::is_uppercase)
        && (1..=4).contains(&label_words)
        && !label.contains(['.', '!', '?', '"', '“', '”'])
        && rest.starts_with(char::is_whitespace)
        && count_words(text) <= 25
}
