use super::*;

const STORY: [&str; 4] = [
    "The two ministers met on the shore of the lake on Tuesday and agreed to share the water of the river between their states, ending a quarrel that had lasted a decade.",
    "Officials said the pact would be signed within weeks, after both parliaments had read the text and the farmers' unions had been heard in the capital.",
    "Under the pact, each state may draw no more than half the river's summer flow, and a joint commission will measure it at three gauges along the border.",
    "The first minister told reporters that the commission would publish its figures every month, starting in the spring.",
];

fn page(after_story: &str, after_article: &str) -> String {
    let story: String = STORY.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<html><head><title>Lake states sign water pact</title></head><body>\
         <div class=\"main\"><article><h1>Lake states sign water pact</h1>{story}{after_story}</article>\
         {after_article}</div></body></html>"
    )
}

#[test]
fn lenient_json_ld_entities_zero_dates_and_the_site_of_the_address() {
    let page = r#"<html><head>
        <meta property="og:title" content="Lake states&#8217; pact &#x2014; signed">
        <meta property="article:published_time" content="0001-01-01T00:00:00">
        <link rel="canonical" href="https://www.lake-times.example/2024/03/pact?x=1">
        <script type="application/ld+json">{"@type": "NewsArticle",
          "keywords": ["rivers", "water", ],
          "dateModified": "2024-03-06",
          "dateCreated": "2024-03-05T09:00:00+01:00",}</script>
        </head><body><p>Text.</p></body></html>"#;
    let extracted = extract(page);
    let value = |f: &Option<Found>| f.as_ref().map(|f| f.value.clone());
    assert_eq!(
        value(&extracted.headline).as_deref(),
        Some("Lake states’ pact — signed")
    );
    // The zero date is passed over for the next place that gives one, in a
    // JSON-LD block with trailing commas.
    assert_eq!(value(&extracted.published).as_deref(), Some("2024-03-05"));
    let outlet = extracted.outlet.unwrap();
    assert_eq!(outlet.value, "lake-times.example");
    assert_eq!(outlet.from, "the site of the page's address");
    assert_eq!(
        json_ld::without_trailing_commas(r#"{"a": "x, ]", "b": [1, ], }"#),
        r#"{"a": "x, ]", "b": [1 ] }"#
    );
    assert_eq!(
        decode_entities("&#39;&#99999999; &#65"),
        "'&#99999999; &#65"
    );
}

#[test]
fn captions_go_and_a_lede_that_is_the_description_stays() {
    let figure = "<figure><img src=\"a.jpg\"><figcaption>The two ministers on the shore of the lake, where they signed the pact on Tuesday afternoon.</figcaption></figure>\
        <div class=\"photo-credit\">Lake Press photo service</div>";
    // The figure stands before the story, the description is its first paragraph.
    let page = page("", "")
        .replace("</h1>", &format!("</h1>{figure}"))
        .replace(
            "<head>",
            &format!("<head><meta name=\"description\" content=\"{}\">", STORY[0]),
        );
    let extracted = extract(&page);
    assert_eq!(extracted.paragraphs, STORY);
    assert!(extracted.deck.is_none(), "the description is the lede");
}

#[test]
fn a_block_under_a_related_heading_is_left_out() {
    let other = "Ferry crews on the northern bank said on Wednesday that the new timetable would start in spring, after a winter of repairs to the landing stages.";
    let related = format!(
        "<section><h3 class=\"relatedposts-title\">You may also like</h3>\
         <article><p>{other}</p></article><article><p>{other} Again.</p></article></section>"
    );
    let extracted = extract(&page("", &related));
    assert_eq!(extracted.paragraphs, STORY);
}

#[test]
fn a_list_of_links_ending_the_body_is_left_out() {
    let links = "<h4>More from the valley</h4><ul>\
        <li><a href=\"/ferry\">Ferry crews strike over pay</a></li>\
        <li><a href=\"/drought\">Drought empties the northern reservoirs</a></li></ul>";
    let extracted = extract(&page(links, ""));
    assert_eq!(extracted.paragraphs, STORY);
    let reasons: Vec<&str> = extracted.dropped.iter().map(|d| d.reason).collect();
    assert_eq!(reasons, ["links to other pages after the article"; 3]);
    // One link at the end is the article's own pointer, and stays.
    let one = "<p><a href=\"/report\">Read the commission's full report</a></p>";
    let extracted = extract(&page(one, ""));
    assert_eq!(extracted.paragraphs.len(), 5);
    assert_eq!(extracted.paragraphs[4], "Read the commission's full report");
}

#[test]
fn links_opening_the_body_are_left_out() {
    let story: String = STORY.iter().map(|p| format!("<p>{p}</p>")).collect();
    let page = format!(
        "<html><head><title>Lake states sign water pact</title></head><body><article>\
         <h1>Lake states sign water pact</h1>\
         <p><a href=\"/authors/roe\">See all stories by this writer</a></p>\
         <p><a href=\"mailto:roe@example.org\">Write to the author</a></p>{story}</article></body></html>"
    );
    let extracted = extract(&page);
    assert_eq!(extracted.paragraphs, STORY);
    let reasons: Vec<&str> = extracted.dropped.iter().map(|d| d.reason).collect();
    assert_eq!(reasons, ["links to other pages before the article"; 2]);
    // A first paragraph with a link in it is the article's.
    let linked = format!(
        "<html><body><article><h1>Lake states sign water pact</h1>\
         <p>The <a href=\"/commission\">lake commission</a> met on Monday to sign the pact.</p>{story}</article></body></html>"
    );
    assert_eq!(extract(&linked).paragraphs.len(), STORY.len() + 1);
}

#[test]
fn html_is_told_by_its_start() {
    assert!(looks_like_html(b"\xEF\xBB\xBF  <!DOCTYPE html><html>"));
    assert!(looks_like_html(b"<!-- saved from url -->\n<html lang=en>"));
    assert!(looks_like_html(b"<?xml version=\"1.0\"?>\n<html>"));
    assert!(!looks_like_html(b"The minister said <html> is a tag."));
    assert!(!looks_like_html(b""));
    assert!(is_html_name(Path::new("a/Page.HTM")));
    assert!(is_html_name(Path::new("page.html.gz")));
    assert!(!is_html_name(Path::new("page.txt")));
}

#[test]
fn json_ld_in_a_graph_is_read() {
    let page = r#"<html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Site"},
          {"@type":["NewsArticle"],"headline":"Lake pact &amp; river","datePublished":"2024-03-05T10:00:00+01:00",
           "author":[{"@type":"Person","name":"Ana Lind"},{"name":"Bo Berg"}],
           "publisher":{"name":"Lake Wire"}, "inLanguage":"sv-SE"}]}
        </script></head><body><p>x</p></body></html>"#;
    let found = extract(page);
    let value = |f: &Option<Found>| f.as_ref().map(|f| f.value.clone());
    assert_eq!(value(&found.headline).as_deref(), Some("Lake pact & river"));
    assert_eq!(value(&found.author).as_deref(), Some("Ana Lind, Bo Berg"));
    assert_eq!(value(&found.published).as_deref(), Some("2024-03-05"));
    assert_eq!(value(&found.outlet).as_deref(), Some("Lake Wire"));
    assert_eq!(value(&found.language).as_deref(), Some("sv-SE"));
}

#[test]
fn a_title_loses_the_site_name() {
    let outlet = Found {
        value: "The Lake Times".into(),
        from: "",
    };
    assert_eq!(
        without_site_name("Pact signed at last | The Lake Times", Some(&outlet)),
        "Pact signed at last"
    );
    assert_eq!(without_site_name("A - B", None), "A - B");
}

#[test]
fn odd_values_are_refused() {
    let f = |v: &str| Found {
        value: v.into(),
        from: "",
    };
    assert_eq!(as_language(f("en_GB")).unwrap().value, "en-GB");
    assert!(as_language(f("English please")).is_none());
    assert_eq!(
        as_date(f("2021-11-29T08:00:00Z")).unwrap().value,
        "2021-11-29"
    );
    assert!(as_date(f("yesterday")).is_none());
    assert!(!is_web_address("javascript:alert(1)"));
}

/// Pages that give no date in their metadata often show it: in a date line,
/// in the data a framework keeps in a script, or in the article's address.
/// Each is read, in that order, and a zero date in the metadata is passed over.
#[test]
fn a_date_shown_in_the_page_its_data_or_its_address_is_read() {
    let published = |head: &str, body: &str| {
        let page = format!("<html><head>{head}</head><body>{body}<p>Text.</p></body></html>");
        let found = extract(&page).published;
        found.map(|f| (f.value, f.from))
    };
    let zero = r#"<meta property="article:published_time" content="0001-01-01T00:00:00Z">"#;
    assert_eq!(
        published(
            zero,
            r#"<div class="article-publish-date">Published 9:14 a.m. CET March 5, 2024</div>"#
        ),
        Some(("2024-03-05".into(), "the page's date line"))
    );
    assert_eq!(
        published(
            "",
            r#"<script id="__NEXT_DATA__" type="application/json">{"props":{"story":{"publishedAt":"2024-03-05T08:00:00Z"},"related":[{"publishedAt":"2023-01-01T00:00:00Z"}]}}</script>"#
        ),
        Some(("2024-03-05".into(), "the page's data"))
    );
    assert_eq!(
        published(
            r#"<link rel="canonical" href="https://lake-times.example/2024/mar/05/pact-signed">"#,
            ""
        ),
        Some(("2024-03-05".into(), "the date in the page's address"))
    );
    assert_eq!(
        published(
            r#"<meta property="og:url" content="https://lake-times.example/news/2024/03/05/pact">"#,
            ""
        ),
        Some(("2024-03-05".into(), "the date in the page's address"))
    );
    assert_eq!(published("", "<p>A page that gives no date.</p>"), None);
}

#[test]
fn a_byline_in_metadata_reads_as_a_name() {
    let author = |value: &str| {
        as_author(Found {
            value: value.to_string(),
            from: "test",
        })
        .map(|f| f.value)
    };
    assert_eq!(
        author("By JANE ROE and JOHN O'DOE, Associated Press").as_deref(),
        Some("Jane Roe and John O'Doe, Associated Press")
    );
    assert_eq!(
        author("Par MARIE-CLAIRE DUPONT").as_deref(),
        Some("Marie-Claire Dupont")
    );
    // Initials standing alone stay as they are.
    assert_eq!(
        author("By JOHN DOE, AP Political Writer").as_deref(),
        Some("John Doe, AP Political Writer")
    );
    assert_eq!(author("BBC News").as_deref(), Some("BBC News"));
    assert_eq!(author("Jane Roe").as_deref(), Some("Jane Roe"));
    assert_eq!(author("Bystrom Lake").as_deref(), Some("Bystrom Lake"));
}

/// Some sites fill the description with the opening paragraphs run together
/// and cut short: that is the lede, not a deck.
#[test]
fn a_description_that_runs_the_opening_paragraphs_together_is_no_deck() {
    let cut = format!("{} {}", STORY[0], &STORY[1][..60]);
    let head = format!(r#"<meta property="og:description" content="{cut}">"#);
    let story: String = STORY.iter().map(|p| format!("<p>{p}</p>")).collect();
    let page = format!(
        "<html><head><title>Lake states sign water pact</title>{head}</head><body>\
         <article><h1>Lake states sign water pact</h1>{story}</article></body></html>"
    );
    let extracted = extract(&page);
    assert!(extracted.deck.is_none(), "{:?}", extracted.deck);
    assert_eq!(extracted.paragraphs.len(), STORY.len());

    // A description of its own stays the deck.
    let own = r#"<meta property="og:description" content="The pact ends a decade of quarrels over the river.">"#;
    let page = page.replace(&head, own);
    let deck = extract(&page).deck.map(|d| d.value);
    assert_eq!(
        deck.as_deref(),
        Some("The pact ends a decade of quarrels over the river.")
    );
}

/// A date the page writes only as text under its headline is read with the text
/// cleaning's date-line rule; a date elsewhere on the page (a sidebar's list of
/// other stories) is not the article's.
#[test]
fn a_date_line_under_the_headline_is_the_published_date() {
    let published = |body: &str| {
        let page = format!(
            "<html><head><title>Lake states sign water pact</title></head><body>{body}</body></html>"
        );
        extract(&page).published.map(|f| (f.value, f.from))
    };
    let sidebar = "<ul class=\"latest\"><li>Ferry strike ends</li><li>March 1, 2024</li></ul>";
    let story = format!("<p>{}</p><p>{}</p>", STORY[0], STORY[1]);
    // Under a byline, in an element of its own, the headline split by markup.
    assert_eq!(
        published(&format!(
            "{sidebar}<h1>Lake states <em>sign</em> water pact</h1>\
             <h6><em>By </em><a href=\"/authors/jane-roe/\">Jane Roe</a></h6><p><em>March 5, 2024</em></p>{story}"
        )),
        Some(("2024-03-05".into(), "the date line under the headline"))
    );
    // A labelled date and time in another language, bare text beside the title.
    assert_eq!(
        published(&format!(
            "{sidebar}<dl><dt>Lake states sign water pact</dt></dl>기사입력 :[ 2024-03-05 17:32 ]<div>{story}</div>"
        )),
        Some(("2024-03-05".into(), "the date line under the headline"))
    );
    // The sidebar's date alone, with no date line under the headline, is no date.
    assert_eq!(
        published(&format!(
            "{sidebar}<h1>Lake states sign water pact</h1>{story}"
        )),
        None
    );
    // A date kept in a hidden field named for it.
    assert_eq!(
        published(&format!(
            "<input class=\"published_date\" type=\"hidden\" value=\"2024-03-05 02:24:47\"><h1>Lake states sign water pact</h1>{story}"
        )),
        Some(("2024-03-05".into(), "the page's date line"))
    );
}

/// The site's name set as the first h1 (a logo linking to the front page) is no
/// headline: the title gives it, without the site's name at its end, and the
/// outlet is that name.
#[test]
fn a_heading_that_is_the_sites_logo_is_no_headline() {
    let story = format!("<p>{}</p><p>{}</p>", STORY[0], STORY[1]);
    for logo in [
        "<a href=\"/\"><h1>Lake Wire</h1></a>",
        "<h1 id=\"site-title\"><a href=\"https://lakewire.example/\">Lake Wire</a></h1>",
        "<h1 class=\"logo\">Lake Wire</h1>",
    ] {
        let page = format!(
            "<html><head><title>Lake states sign water pact - Lakewire</title></head>\
             <body><header>{logo}</header><div>{story}</div></body></html>"
        );
        let extracted = extract(&page);
        let headline = extracted.headline.unwrap();
        assert_eq!(headline.value, "Lake states sign water pact", "{logo}");
        assert_eq!(headline.from, "the page's title element");
        let outlet = extracted.outlet.unwrap();
        assert_eq!(outlet.value, "Lakewire", "{logo}");
        assert_eq!(outlet.from, "the end of the page's title");
    }
    // An h1 that links to the article itself is its headline.
    let page = format!(
        "<html><head><title>Lake Wire</title></head><body>\
         <h1><a href=\"https://lakewire.example/2024/pact\">Lake states sign water pact</a></h1>{story}</body></html>"
    );
    assert_eq!(
        extract(&page).headline.map(|h| h.value).as_deref(),
        Some("Lake states sign water pact")
    );
    // With no title to name it, the logo heading names the site.
    let page = format!(
        "<html><body><a href=\"/\"><h1>Lake Wire</h1></a><h1>Lake states sign water pact</h1>{story}</body></html>"
    );
    let extracted = extract(&page);
    assert_eq!(
        extracted.headline.map(|h| h.value).as_deref(),
        Some("Lake states sign water pact")
    );
    let outlet = extracted.outlet.unwrap();
    assert_eq!(
        (outlet.value.as_str(), outlet.from),
        ("Lake Wire", "the page's site-title heading")
    );
}

/// A site name given with its sections, or as a social-media handle, names the
/// site alone.
#[test]
fn a_site_name_loses_its_sections_and_handle_sign() {
    let outlet = |site_name: &str| {
        let page = format!(
            "<html><head><meta property=\"og:site_name\" content=\"{site_name}\"></head><body><p>Text.</p></body></html>"
        );
        extract(&page).outlet.map(|o| o.value)
    };
    assert_eq!(
        outlet("Lake Wire | News | Sport | Weather").as_deref(),
        Some("Lake Wire")
    );
    assert_eq!(outlet("@lakewire").as_deref(), Some("lakewire"));
    assert_eq!(outlet("Lake Wire").as_deref(), Some("Lake Wire"));
}

#[test]
fn the_body_key_is_searched_paragraph_by_paragraph_as_it_would_be_whole() {
    let paragraphs: Vec<String> = [
        "“Quoted,” she said —",
        "…",
        "İstanbul's mayor, then the rest.",
        "Ünïcode ends here!",
    ]
    .map(String::from)
    .to_vec();
    let whole = crate::text::comparison_key(&paragraphs.join(" "));
    for end in 0..=paragraphs.len() {
        let whole_of = crate::text::comparison_key(&paragraphs[..end].join(" "));
        for start in 0..whole_of.len() {
            for stop in start + 1..=whole_of.len() {
                let Some(key) = whole_of.get(start..stop).map(str::trim) else {
                    continue;
                };
                if key.is_empty() {
                    continue;
                }
                assert!(keys_contain(&paragraphs[..end], key), "{key:?}");
            }
        }
    }
    assert!(keys_contain(&paragraphs, "said i"));
    assert!(!keys_contain(&paragraphs, "said  i"));
    assert!(!keys_contain(&paragraphs, "here x"));
    assert!(whole.contains("said i"));
}
