//! Every kind of page: the template it is rendered with, the menu section it
//! belongs to and the context its template receives, besides the variables
//! every page gets ([`Common`]).

use super::actor::ActorPage;
use super::compare::ComparePage;
use super::feeds::{AtomPage, NotFoundPage, SitemapPage};
use super::home::HomePage;
use super::lists::{AToZPage, ActorsPage, NotesPage, SearchPage, SourcesPage, TagPage, TagsPage};
use super::note::NotePage;
use super::source::{SourcePage, SourceTextPage};
use super::timeline::TimelinePage;
use crate::model::Config;
use crate::urls::{absolute_url, root_of};
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Serialize;
use std::borrow::Cow;
use std::marker::PhantomData;

/// Declares the page kinds once, so that a kind's template, section and
/// context cannot disagree between the render loop and the list of templates.
macro_rules! page_kinds {
    ($($kind:ident($context:ty) => $template:literal in $section:literal,)*) => {
        /// A page's own variables. Untagged: a template sees the fields of the
        /// context, not the name of its kind.
        #[derive(Serialize)]
        #[serde(untagged)]
        pub(super) enum PageContext<'a> {
            $($kind($context),)*
        }

        impl PageContext<'_> {
            pub(super) fn template(&self) -> &'static str {
                match self {
                    $(Self::$kind(_) => $template,)*
                }
            }

            /// `page.section`: what the menu marks as current.
            pub(super) fn section(&self) -> &'static str {
                match self {
                    $(Self::$kind(_) => $section,)*
                }
            }
        }

        /// Every template a page is rendered with.
        pub(super) const PAGE_TEMPLATES: &[&str] = &[$($template,)*];

        /// The schema's root: one property per template, what it receives.
        #[derive(JsonSchema)]
        #[allow(non_snake_case, dead_code)]
        #[schemars(
            title = "Theme contexts",
            description = "What each template of a dossier theme receives: the variables of every page (Common) and the page's own. Generated from src/render; see docs/THEMES.md."
        )]
        struct ThemeContexts<'a> {
            $(#[schemars(rename = $template)] $kind: WithCommon<$context>,)*
        }
    };
}

page_kinds! {
    Home(HomePage<'a>) => "index.html" in "home",
    Sources(SourcesPage<'a>) => "sources.html" in "sources",
    Source(SourcePage<'a>) => "source.html" in "sources",
    SourceText(SourceTextPage<'a>) => "source_text.html" in "sources",
    Actors(ActorsPage<'a>) => "actors.html" in "actors",
    Actor(ActorPage<'a>) => "actor.html" in "actors",
    Notes(NotesPage<'a>) => "notes.html" in "notes",
    Note(NotePage<'a>) => "note.html" in "notes",
    Timeline(TimelinePage<'a>) => "timeline.html" in "timeline",
    Compare(ComparePage<'a>) => "compare.html" in "compare",
    Search(SearchPage) => "search.html" in "search",
    AToZ(AToZPage) => "a-z.html" in "a-z",
    Tags(TagsPage) => "tags.html" in "tags",
    Tag(TagPage) => "tag.html" in "tags",
    NotFound(NotFoundPage) => "404.html" in "404",
    Sitemap(SitemapPage) => "sitemap.xml" in "feed",
    Atom(AtomPage<'a>) => "atom.xml" in "feed",
}

/// What a template receives: the variables of every page and the page's own.
#[derive(Serialize)]
pub(super) struct Rendered<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    #[serde(flatten)]
    context: &'a PageContext<'a>,
}

impl<'a> Rendered<'a> {
    pub(super) fn new(
        site: &'a Config,
        path: &'a str,
        title: &'a str,
        context: &'a PageContext<'a>,
    ) -> Rendered<'a> {
        Rendered {
            common: Common::new(site, path, title, context.section()),
            context,
        }
    }
}

/// The variables every page receives.
#[derive(Serialize, JsonSchema)]
struct Common<'a> {
    site: &'a Config,
    root: String,
    page: PageMeta<'a>,
    generator: &'static str,
    nav: &'static [NavItem],
}

#[derive(Serialize, JsonSchema)]
struct PageMeta<'a> {
    path: &'a str,
    title: &'a str,
    section: &'static str,
    canonical: String,
}

impl<'a> Common<'a> {
    fn new(site: &'a Config, path: &'a str, title: &'a str, section: &'static str) -> Common<'a> {
        Common {
            site,
            root: root_of(path),
            page: PageMeta {
                path,
                title,
                section,
                canonical: absolute_url(&site.base_url, path),
            },
            generator: concat!("dossier ", env!("CARGO_PKG_VERSION")),
            nav: NAV,
        }
    }
}

/// The site's main sections, in menu order.
#[derive(Debug, Serialize, JsonSchema)]
struct NavItem {
    path: &'static str,
    label: &'static str,
    section: &'static str,
}

const NAV: &[NavItem] = &[
    NavItem {
        path: "index.html",
        label: "Overview",
        section: "home",
    },
    NavItem {
        path: "notes/index.html",
        label: "Notes",
        section: "notes",
    },
    NavItem {
        path: "sources/index.html",
        label: "Sources",
        section: "sources",
    },
    NavItem {
        path: "actors/index.html",
        label: "Actors",
        section: "actors",
    },
    NavItem {
        path: "compare.html",
        label: "Compare",
        section: "compare",
    },
    NavItem {
        path: "timeline.html",
        label: "Timeline",
        section: "timeline",
    },
    NavItem {
        path: "tags/index.html",
        label: "Tags",
        section: "tags",
    },
];

/// A template's context in the schema: all of [`Common`] and all of `C`, kept
/// apart so that a reader sees which variables are the page's own.
struct WithCommon<C>(PhantomData<C>);

impl<C: JsonSchema> JsonSchema for WithCommon<C> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        format!("WithCommon_{}", C::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let parts = [
            generator.subschema_for::<Common>().to_value(),
            generator.subschema_for::<C>().to_value(),
        ];
        let mut schema = Schema::default();
        schema.insert("allOf".to_string(), parts.into_iter().collect());
        schema
    }
}

/// The JSON Schema of what each template receives, pretty-printed:
/// `docs/theme-context.schema.json`.
pub fn context_schema() -> String {
    // The contexts are only ever serialised: every field is always there.
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let schema = generator.into_root_schema_for::<ThemeContexts<'static>>();
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is JSON");
    text.push('\n');
    text
}
