//! The timeline: events from the notes and the sources' publication dates.

use super::jobs::PageJob;
use super::views::{source_label, EventView, LinkRef, Views};
use crate::ingest::Source;
use crate::model::{PartialDate, Section};
use crate::urls::page_path;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub(super) struct YearGroup {
    pub(super) year: i32,
    pub(super) months: Vec<MonthGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct MonthGroup {
    /// "November 2021", or "2021, month unknown" for events dated only to the year.
    pub(super) heading: String,
    pub(super) label: String,
    pub(super) id: String,
    pub(super) events: Vec<EventView>,
}

impl Views<'_> {
    pub(super) fn timeline_page(&self) -> PageJob<'_> {
        self.job(
            "timeline.html",
            "timeline.html",
            "Timeline",
            "timeline",
            |c| {
                c.insert("years", &self.timeline_groups());
                c.insert("event_count", &self.timeline.len());
            },
        )
    }

    fn timeline_groups(&self) -> Vec<YearGroup> {
        let mut years: Vec<YearGroup> = Vec::new();
        for event in &self.timeline {
            if years.last().is_none_or(|y| y.year != event.year) {
                years.push(YearGroup {
                    year: event.year,
                    months: Vec::new(),
                });
            }
            let year = years.last_mut().expect("pushed above");
            let label = event.month.unwrap_or("Month unknown").to_string();
            if year.months.last().is_none_or(|m| m.label != label) {
                year.months.push(MonthGroup {
                    heading: match event.month {
                        Some(month) => format!("{month} {}", event.year),
                        None => format!("{}, month unknown", event.year),
                    },
                    id: format!("y{}-{}", event.year, crate::text::slugify(&label)),
                    label,
                    events: Vec::new(),
                });
            }
            year.months
                .last_mut()
                .expect("pushed above")
                .events
                .push(event.clone());
        }
        years
    }
}

pub(super) fn publication_view(source: &Source, date: PartialDate) -> EventView {
    EventView {
        date: date.to_string(),
        date_label: date.human(),
        year: date.year,
        month: date.month_name(),
        title: format!("Published: {}", source.headline),
        kind: "publication",
        actors: Vec::new(),
        sources: vec![LinkRef {
            url: page_path(Section::Sources, &source.slug),
            title: source_label(source),
        }],
        note: None,
    }
}
