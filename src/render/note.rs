//! A note's page.

use super::jobs::Page;
use super::views::{event_view, EventView, NoteCard, Views};
use crate::resolve::Note;

impl<'a> Views<'a> {
    pub(super) fn note_page(&self, note: &'a Note, card: &NoteCard<'a>) -> Page {
        let (body, citations) = self.markdown(&note.slug, &note.body);
        let events: Vec<EventView> = self
            .by
            .events_by_note
            .get(note.slug.as_str())
            .into_iter()
            .flatten()
            .map(|e| event_view(self.dossier, e))
            .collect();
        self.page("note.html", card.title, "notes", |c| {
            c.insert("note", card);
            c.insert("body_html", &body.html);
            c.insert("has_code", &body.has_code);
            c.insert("citations", &citations);
            c.insert("events", &events);
            c.insert("backlinks", self.backlinks_of(&note.slug));
        })
    }
}
