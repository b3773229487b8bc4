//! The home page.

use super::jobs::PageJob;
use super::lists::KindGroup;
use super::pages::PageContext;
use super::views::{EventView, NoteCard, SourceCard, Views};
use schemars::JsonSchema;
use serde::Serialize;

#[derive(Serialize, JsonSchema)]
pub(super) struct HomePage<'a> {
    sources: &'a [SourceCard<'a>],
    notes: &'a [NoteCard<'a>],
    groups: Vec<KindGroup<'a>>,
    actor_count: usize,
    event_count: usize,
    first_event: Option<&'a EventView>,
    last_event: Option<&'a EventView>,
}

impl Views<'_> {
    pub(super) fn home(&self) -> PageJob<'_> {
        PageJob::new("index.html", &self.dossier.config.title, || {
            PageContext::Home(HomePage {
                sources: &self.sources,
                notes: &self.notes,
                groups: self.actor_groups(),
                actor_count: self.actors.len(),
                event_count: self.timeline.len(),
                first_event: self.timeline.first(),
                last_event: self.timeline.last(),
            })
        })
    }
}
