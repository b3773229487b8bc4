//! A note's page.

use super::jobs::PageJob;
use super::pages::PageContext;
use super::views::{Backlink, CitationView, EventView, NoteCard, Views};
use crate::resolve::Note;
use crate::urls::root_of;
use schemars::JsonSchema;
use serde::Serialize;

#[derive(Serialize, JsonSchema)]
pub(super) struct NotePage<'a> {
    note: &'a NoteCard<'a>,
    body_html: String,
    pub(super) has_code: bool,
    citations: Vec<CitationView>,
    events: Vec<EventView>,
    backlinks: &'a [Backlink],
}

impl Views<'_> {
    pub(super) fn note_jobs(&self) -> impl Iterator<Item = PageJob<'_>> {
        self.note_order
            .iter()
            .zip(&self.notes)
            .map(|(note, card)| PageJob::new(&card.url, card.title, || self.note_page(note, card)))
    }

    fn note_page<'v>(&'v self, note: &'v Note, card: &'v NoteCard<'v>) -> PageContext<'v> {
        let (body, citations) = self.markdown(&note.slug, &note.body, &root_of(&card.url));
        PageContext::Note(NotePage {
            note: card,
            body_html: body.html,
            has_code: body.has_code,
            citations,
            events: self.event_views(self.dossier.lookups.events_by_note.get(&note.slug)),
            backlinks: self.backlinks_of(&note.slug),
        })
    }
}
