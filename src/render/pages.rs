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
use serde::Serialize;

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
    pub(super) common: Common<'a>,
    #[serde(flatten)]
    pub(super) context: &'a PageContext<'a>,
}

/// The variables every page receives.
#[derive(Serialize)]
pub(super) struct Common<'a> {
    site: &'a Config,
    root: String,
    page: PageMeta<'a>,
    generator: &'static str,
    nav: &'static [NavItem],
}

#[derive(Serialize)]
struct PageMeta<'a> {
    path: &'a str,
    title: &'a str,
    section: &'static str,
    canonical: String,
}

impl<'a> Common<'a> {
    pub(super) fn new(
        site: &'a Config,
        path: &'a str,
        title: &'a str,
        section: &'static str,
    ) -> Common<'a> {
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
#[derive(Debug, Serialize)]
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
