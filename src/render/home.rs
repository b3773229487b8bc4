//! The home page.

use super::jobs::PageJob;
use super::views::Views;

impl Views<'_> {
    pub(super) fn home(&self) -> PageJob<'_> {
        let title = self.dossier.config.title.clone();
        self.job("index.html", "index.html", &title, "home", |c| {
            c.insert("sources", &self.sources);
            c.insert("notes", &self.notes);
            c.insert("groups", &self.actor_groups());
            c.insert("actor_count", &self.actors.len());
            c.insert("event_count", &self.timeline.len());
            c.insert("first_event", &self.timeline.first());
            c.insert("last_event", &self.timeline.last());
        })
    }
}
