//! A deterministic benchmark corpus: a dossier of N scraped-looking sources (page
//! furniture included, actors from a pool, quotes, wire passages shared between
//! sources), N/10 actors, N/5 notes with wiki-links, citations of source paragraphs
//! (`[@source#p-xxxxxx]`, 2 to 4 per note, some grouped) and code blocks, and
//! claims; optionally a Hugo twin: the same sources, actors and notes as Markdown
//! pages with the smallest layouts that make Hugo render each one to HTML.
//!
//! The paragraph anchors cited are the library's own: the sources are written
//! first, then loaded and ingested with the built-in rules, and the notes cite
//! anchors taken from the result. The same N gives a byte-identical corpus.
//!
//! cargo run --release --example corpus -- --sources 1000 --out /tmp/corpus [--hugo /tmp/hugo-site]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// xorshift64*: the same seed gives the same corpus on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Amira", "Yossi", "Karim", "Leila", "David", "Nadia", "Omar", "Tamar", "Hassan", "Miriam",
    "Youssef", "Sarah", "Rachid", "Noa", "Samir", "Fatima", "Eitan", "Latifa", "Avi", "Zineb",
    "Moshe", "Salma", "Ilan", "Khadija",
];
const LAST: &[&str] = &[
    "Benali",
    "Cohen",
    "El Idrissi",
    "Levi",
    "Tazi",
    "Mizrahi",
    "Alaoui",
    "Peretz",
    "Bennani",
    "Shapiro",
    "Fassi",
    "Katz",
    "Chraibi",
    "Friedman",
    "Berrada",
    "Rosen",
    "Lahlou",
    "Golan",
    "Sebti",
    "Dayan",
    "Kettani",
    "Barak",
];
const ROLES: &[&str] = &[
    "minister",
    "spokesperson",
    "general",
    "ambassador",
    "analyst",
    "envoy",
    "adviser",
    "official",
];
const STATES: &[&str] = &[
    "Morocco",
    "Israel",
    "Algeria",
    "Spain",
    "France",
    "Egypt",
    "Jordan",
    "Tunisia",
    "Mauritania",
    "Qatar",
    "Turkey",
];
const OUTLETS: &[&str] = &[
    "Maghreb Wire",
    "Levant Daily",
    "Sahel Observer",
    "Atlas Post",
    "Mediterranean Monitor",
    "Desert Times",
];
const TOPICS: &[&str] = &[
    "defence cooperation",
    "intelligence sharing",
    "arms procurement",
    "border security",
    "trade relations",
    "water desalination",
    "cyber security",
    "joint exercises",
    "energy exploration",
    "tourism links",
    "drone manufacturing",
    "port investment",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "stressed",
    "noted",
    "warned",
];
const EVALUATIVE: &[&str] = &[
    "historic",
    "landmark",
    "controversial",
    "ambitious",
    "modest",
    "unprecedented",
    "fragile",
];
const HEDGES: &[&str] = &["could", "may", "is expected to", "reportedly will", "might"];

struct Actor {
    slug: String,
    name: String,
    last: String,
    role: &'static str,
    state: &'static str,
}

fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

fn main() {
    let mut sources = 1000usize;
    let mut out = PathBuf::from("corpus");
    let mut hugo: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sources" => {
                sources = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--sources N")
            }
            "--out" => out = args.next().map(PathBuf::from).expect("--out DIR"),
            "--hugo" => hugo = args.next().map(PathBuf::from),
            other => panic!("unknown argument {other}; use --sources N --out DIR [--hugo DIR]"),
        }
    }
    let content = out.join("content");
    for folder in ["sources", "actors", "notes"] {
        fs::create_dir_all(content.join(folder)).expect("writable output folder");
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);

    let actor_count = (sources / 10).max(10);
    let mut actors: Vec<Actor> = Vec::new();
    let mut taken = std::collections::BTreeSet::new();
    while actors.len() < actor_count {
        let first = *rng.pick(FIRST);
        let last = *rng.pick(LAST);
        let index = actors.len();
        // Past the pool's size, a middle initial keeps names (and aliases) unique.
        let name = if index < FIRST.len() * LAST.len() / 2 {
            format!("{first} {last}")
        } else {
            format!("{first} {}. {last}", (b'A' + (index % 26) as u8) as char)
        };
        if !taken.insert(name.clone()) {
            continue;
        }
        actors.push(Actor {
            slug: slugify(&name),
            last: last.to_string(),
            name,
            role: ROLES[rng.below(ROLES.len())],
            state: STATES[rng.below(STATES.len())],
        });
    }
    fs::write(out.join("content/dossier.toml"), "title = \"Benchmark dossier\"\nsummary = \"A generated corpus for timing dossier.\"\nbase_url = \"https://example.org/bench/\"\nlanguage = \"en\"\n").unwrap();
    fs::write(
        content.join("framing.toml"),
        include_str!("../content/framing.toml"),
    )
    .unwrap();
    let mut used_last_names = std::collections::BTreeSet::new();
    let mut twin_actors = Vec::new();
    for actor in &actors {
        // A surname is an alias only for its first bearer: aliases must be unique.
        let mut aliases = vec![format!("{} {}", capitalise(actor.role), actor.last)];
        if used_last_names.insert(actor.last.clone()) {
            aliases.push(actor.last.clone());
        }
        let aliases = aliases
            .iter()
            .filter(|a| taken.insert(a.to_string()))
            .map(|a| format!("{a:?}"))
            .collect::<Vec<_>>()
            .join(", ");
        let text = format!(
            "+++\nname = {:?}\nkind = \"person\"\naliases = [{aliases}]\nrole = \"{} of {}\"\n+++\n{} is a {} of {} who appears in the coverage.\n",
            actor.name, capitalise(actor.role), actor.state, actor.name, actor.role, actor.state
        );
        twin_actors.push(TwinPage {
            section: "actors",
            slug: actor.slug.clone(),
            title: actor.name.clone(),
            date: None,
            body: text.rsplit("+++\n").next().unwrap_or_default().to_string(),
        });
        fs::write(
            content.join("actors").join(format!("{}.md", actor.slug)),
            text,
        )
        .unwrap();
    }

    let wire: Vec<String> = (0..(sources / 20).max(5))
        .map(|i| {
            let a = rng.pick(&actors);
            format!(
                "The agreement on {} was announced after talks that lasted several days, according to a statement carried by the agency, and officials described it as part of wider cooperation (wire passage {i}).",
                rng.pick(TOPICS)
            ) + &format!(" {} did not comment on the details.", a.name)
        })
        .collect();

    let mut titles = Vec::new();
    for i in 0..sources {
        let a = rng.pick(&actors);
        let b = rng.pick(&actors);
        let topic = *rng.pick(TOPICS);
        let outlet = *rng.pick(OUTLETS);
        let title = format!(
            "{} and {} sign {} deal on {} ({i})",
            a.state,
            b.state,
            rng.pick(EVALUATIVE),
            topic
        );
        let slug = format!("source-{i:05}");
        let day = 1 + rng.below(28);
        let month = 1 + rng.below(12);
        let mut body = String::new();
        writeln!(
            body,
            "Home World {}\n\n{title}\n\nBy {}\n{day} {} 2021\n",
            a.state,
            rng.pick(&actors).name,
            month_name(month)
        )
        .unwrap();
        let paragraphs = 6 + rng.below(7);
        for p in 0..paragraphs {
            let speaker = rng.pick(&actors);
            let text = match p % 4 {
                0 => format!(
                    "{}, {} of {}, {} the pact {} open the way to {} between the two countries, in a move observers called {}.",
                    speaker.name, speaker.role, speaker.state, rng.pick(VERBS), rng.pick(HEDGES), topic, rng.pick(EVALUATIVE)
                ),
                1 => format!(
                    "“This is a {} step for {} and for the region,” {} {}, adding that talks on {} would continue next month.",
                    rng.pick(EVALUATIVE), speaker.state, speaker.last, rng.pick(VERBS), rng.pick(TOPICS)
                ),
                2 => wire[rng.below(wire.len())].clone(),
                _ => format!(
                    "Critics in {} argued that the deal on {} {} strain relations with {}, while supporters said it would bring investment worth {} million dollars.",
                    rng.pick(STATES), topic, rng.pick(HEDGES), rng.pick(STATES), 10 + rng.below(900)
                ),
            };
            writeln!(body, "{text}\n").unwrap();
        }
        writeln!(body, "Read Also:\n\nhttps://example.com/news/{}\nhttps://example.com/news/{}\n\n0 Comments\nOldest\nNewest Most Voted\nView all comments", rng.below(9999), rng.below(9999)).unwrap();
        let front = format!(
            "+++\ntitle = {title:?}\noutlet = {outlet:?}\npublished = \"2021-{month:02}-{day:02}\"\nlanguage = \"en\"\nkind = \"news\"\n+++\n"
        );
        fs::write(
            content.join("sources").join(format!("{slug}.txt")),
            format!("{front}{body}"),
        )
        .unwrap();
        titles.push((slug, title, month, day, body));
    }

    let anchors = paragraph_anchors(&content);
    let citable: Vec<(&String, &Vec<String>)> =
        anchors.iter().filter(|(_, a)| !a.is_empty()).collect();
    assert!(
        !citable.is_empty(),
        "no source has a body paragraph to cite"
    );

    let mut twin_notes = Vec::new();
    for n in 0..(sources / 5).max(1) {
        let mut text = format!(
            "+++\ntitle = \"Note {n}\"\nsummary = \"Generated analysis note {n}.\"\nweight = {n}\n"
        );
        let (slug, title, month, day, _) = &titles[rng.below(titles.len())];
        let actor = rng.pick(&actors);
        writeln!(
            text,
            "[[events]]\ndate = \"2021-{month:02}-{day:02}\"\ntitle = {:?}\nactors = [{:?}]\nsources = [{slug:?}]\n+++",
            format!("Reported: {title}"),
            actor.slug
        )
        .unwrap();
        let body_start = text.len();
        // 2 to 4 cited paragraphs: one citation each, the last two grouped when there are 3 or 4.
        let cited = 2 + rng.below(3);
        let cites: Vec<String> = (0..cited)
            .map(|_| {
                let (source, list) = citable[rng.below(citable.len())];
                format!("@{source}#{}", list[rng.below(list.len())])
            })
            .collect();
        let mut groups: Vec<String> = cites[..cited.min(2)]
            .iter()
            .map(|c| format!("[{c}]"))
            .collect();
        if cited > 2 {
            groups[1] = format!("[{}]", cites[1..].join("; "));
        }
        for p in 0..4 {
            let (other, _, _, _, _) = &titles[rng.below(titles.len())];
            let person = rng.pick(&actors);
            write!(
                text,
                "The coverage of [[{}]] by [[{other}]] turns on {}; see also [[{}|{}]].",
                actor.slug,
                rng.pick(TOPICS),
                person.slug,
                person.last
            )
            .unwrap();
            if let Some(group) = groups.get(p) {
                write!(
                    text,
                    " {} {} that talks on {} would continue {group}.",
                    person.last,
                    rng.pick(VERBS),
                    rng.pick(TOPICS)
                )
                .unwrap();
            }
            text.push_str("\n\n");
        }
        if n % 10 == 0 {
            text.push_str("```rust\nfn main() {\n    println!(\"{}\", 42);\n}\n```\n");
        }
        let slug = format!("note-{n:05}");
        twin_notes.push(TwinPage {
            section: "notes",
            slug: slug.clone(),
            title: format!("Note {n}"),
            date: None,
            body: text[body_start..].to_string(),
        });
        fs::write(content.join("notes").join(format!("{slug}.md")), text).unwrap();
    }

    let mut claims = String::new();
    for (c, topic) in TOPICS.iter().take(5).enumerate() {
        writeln!(claims, "[[claim]]\nid = \"claim-{c}\"\ntitle = \"The deal covers {topic}\"\nkeywords = [{topic:?}]").unwrap();
        for (slug, _, _, _, _) in titles.iter().take(10) {
            let stance = ["supports", "contradicts", "hedged", "silent"][rng.below(4)];
            writeln!(
                claims,
                "[[claim.stance]]\nsource = {slug:?}\nstance = \"{stance}\""
            )
            .unwrap();
        }
    }
    fs::write(content.join("claims.toml"), claims).unwrap();

    if let Some(hugo) = hugo {
        let mut pages: Vec<TwinPage> = titles
            .iter()
            .map(|(slug, title, month, day, body)| TwinPage {
                section: "sources",
                slug: slug.clone(),
                title: title.clone(),
                date: Some(format!("2021-{month:02}-{day:02}")),
                body: body.clone(),
            })
            .collect();
        pages.extend(twin_actors);
        pages.extend(twin_notes);
        write_hugo_twin(&hugo, &pages);
    }
    println!(
        "wrote {sources} sources, {} actors, {} notes to {}",
        actors.len(),
        (sources / 5).max(1),
        content.display()
    );
}

/// The paragraph anchors of every generated source, by slug, as the build computes
/// them: the content folder loaded and its sources ingested by the library with the
/// built-in furniture rules (and the folder's own `furniture.toml`, if any).
fn paragraph_anchors(content: &Path) -> BTreeMap<String, Vec<String>> {
    let fail = |error: dossier::Error| -> ! {
        for diagnostic in error.diagnostics() {
            eprintln!("{diagnostic}");
        }
        panic!("the generated sources do not ingest: {error}");
    };
    let mut loaded = dossier::load::load(content).unwrap_or_else(|e| fail(e));
    let rules = dossier::ingest::rule_set(loaded.furniture.as_ref()).unwrap_or_else(|e| fail(e));
    let documents = std::mem::take(&mut loaded.sources);
    dossier::ingest::ingest(documents, &loaded.config, &rules)
        .unwrap_or_else(|e| fail(e))
        .into_iter()
        .map(|source| {
            let anchors = source.paragraphs.into_iter().map(|p| p.anchor).collect();
            (source.slug, anchors)
        })
        .collect()
}

/// One page of the Hugo twin.
struct TwinPage {
    section: &'static str,
    slug: String,
    title: String,
    date: Option<String>,
    body: String,
}

/// The same sources, actors and notes as Markdown pages, with the smallest layouts
/// that make Hugo render every page (home, section lists, single pages) to HTML.
fn write_hugo_twin(root: &Path, pages: &[TwinPage]) {
    let layouts = root.join("layouts/_default");
    fs::create_dir_all(&layouts).unwrap();
    fs::write(
        root.join("hugo.toml"),
        "baseURL = \"https://example.org/\"\ntitle = \"Benchmark\"\ndisableKinds = [\"taxonomy\", \"term\"]\n",
    )
    .unwrap();
    fs::write(layouts.join("single.html"), "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n").unwrap();
    fs::write(layouts.join("list.html"), "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n").unwrap();
    fs::write(root.join("layouts/index.html"), "<!DOCTYPE html><html><head><title>Home</title></head><body><ul>{{ range .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n").unwrap();
    for section in ["sources", "actors", "notes"] {
        let folder = root.join("content").join(section);
        fs::create_dir_all(&folder).unwrap();
        fs::write(
            folder.join("_index.md"),
            format!("+++\ntitle = {:?}\n+++\n", capitalise(section)),
        )
        .unwrap();
    }
    for page in pages {
        let mut front = format!("+++\ntitle = {:?}\n", page.title);
        if let Some(date) = &page.date {
            writeln!(front, "date = {date:?}").unwrap();
        }
        fs::write(
            root.join("content")
                .join(page.section)
                .join(format!("{}.md", page.slug)),
            format!("{front}+++\n{}", page.body),
        )
        .unwrap();
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

fn month_name(month: usize) -> &'static str {
    dossier::model::PartialDate {
        year: 2021,
        month: Some(month as u8),
        day: None,
    }
    .month_name()
    .expect("a month from 1 to 12")
}
