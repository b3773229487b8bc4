//! Every kind of page: the template it is rendered with, the menu section it
//! belongs to and the context its template receives, besides the variables
//! every page gets ([`Common`]).

use super::actor::ActorPage;
use super::compare::ComparePage;
use super::feeds::{AtomPage, NotFoundPage, SitemapPage};
use super::home::HomePage;
use super::lists::{AToZPage, ActorsPage, NotesPage, SearchPage, SourcesPage, TagPage, TagsPage};
use super::note::NotePage;
use super::source::SourcePage;
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
    ($($kind:ident($context:ty) => $template:literal in $section:ident,)*) => {
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

            /// Whether the page shows highlighted code.
            pub(super) fn has_code(&self) -> bool {
                match self {
                    Self::Source(page) => page.has_code,
                    Self::Actor(page) => page.has_code,
                    Self::Note(page) => page.has_code,
                    _ => false,
                }
            }

            /// `page.section`: what the menu marks as current.
            pub(super) fn section(&self) -> SiteSection {
                match self {
                    $(Self::$kind(_) => SiteSection::$section,)*
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
    Home(HomePage<'a>) => "index.html" in Home,
    Sources(SourcesPage<'a>) => "sources.html" in Sources,
    Source(SourcePage<'a>) => "source.html" in Sources,
    Actors(ActorsPage<'a>) => "actors.html" in Actors,
    Actor(ActorPage<'a>) => "actor.html" in Actors,
    Notes(NotesPage<'a>) => "notes.html" in Notes,
    Note(NotePage<'a>) => "note.html" in Notes,
    Timeline(TimelinePage<'a>) => "timeline.html" in Timeline,
    Compare(ComparePage<'a>) => "compare.html" in Compare,
    Search(SearchPage) => "search.html" in Search,
    AToZ(AToZPage) => "a-z.html" in AToZ,
    Tags(TagsPage) => "tags.html" in Tags,
    Tag(TagPage) => "tag.html" in Tags,
    NotFound(NotFoundPage) => "404.html" in NotFound,
    Sitemap(SitemapPage) => "sitemap.xml" in Feed,
    Atom(AtomPage<'a>) => "atom.xml" in Feed,
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
    section: SiteSection,
    canonical: String,
}

impl<'a> Common<'a> {
    fn new(site: &'a Config, path: &'a str, title: &'a str, section: SiteSection) -> Common<'a> {
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
    section: SiteSection,
}

/// The part of the site a page belongs to: `page.section`, which the menu marks
/// as current, and each menu item's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub(super) enum SiteSection {
    Home,
    Sources,
    Actors,
    Notes,
    Timeline,
    Compare,
    Search,
    #[serde(rename = "a-z")]
    AToZ,
    Tags,
    #[serde(rename = "404")]
    NotFound,
    Feed,
}

const NAV: &[NavItem] = &[
    NavItem {
        path: "index.html",
        label: "Overview",
        section: SiteSection::Home,
    },
    NavItem {
        path: "notes/index.html",
        label: "Notes",
        section: SiteSection::Notes,
    },
    NavItem {
        path: "sources/index.html",
        label: "Sources",
        section: SiteSection::Sources,
    },
    NavItem {
        path: "actors/index.html",
        label: "Actors",
        section: SiteSection::Actors,
    },
    NavItem {
        path: "compare.html",
        label: "Compare",
        section: SiteSection::Compare,
    },
    NavItem {
        path: "timeline.html",
        label: "Timeline",
        section: SiteSection::Timeline,
    },
    NavItem {
        path: "tags/index.html",
        label: "Tags",
        section: SiteSection::Tags,
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
