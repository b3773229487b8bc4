//! The timeline: events from the notes and the sources' publication dates.

use super::jobs::PageJob;
use super::pages::PageContext;
use super::views::{EventView, Views};
use schemars::JsonSchema;
use serde::Serialize;

#[derive(Serialize, JsonSchema)]
pub(super) struct TimelinePage<'a> {
    years: Vec<YearGroup<'a>>,
    event_count: usize,
}

#[derive(Serialize, JsonSchema)]
struct YearGroup<'a> {
    year: i32,
    months: Vec<MonthGroup<'a>>,
}

#[derive(Serialize, JsonSchema)]
struct MonthGroup<'a> {
    /// "November 2021", or "2021, month unknown" for events dated only to the year.
    heading: String,
    label: &'static str,
    id: String,
    events: Vec<&'a EventView>,
}

impl Views<'_> {
    pub(super) fn timeline_page(&self) -> PageJob<'_> {
        PageJob::new("timeline.html", "Timeline", || {
            PageContext::Timeline(TimelinePage {
                years: self.timeline_groups(),
                event_count: self.timeline.len(),
            })
        })
    }

    fn timeline_groups(&self) -> Vec<YearGroup<'_>> {
        let mut years: Vec<YearGroup> = Vec::new();
        for event in &self.timeline {
            if years.last().is_none_or(|y| y.year != event.year) {
                years.push(YearGroup {
                    year: event.year,
                    months: Vec::new(),
                });
            }
            let year = years.last_mut().expect("pushed above");
            let label = event.month.unwrap_or("Month unknown");
            if year.months.last().is_none_or(|m| m.label != label) {
                year.months.push(MonthGroup {
                    heading: match event.month {
                        Some(month) => format!("{month} {}", event.year),
                        None => format!("{}, month unknown", event.year),
                    },
                    id: format!("y{}-{}", event.year, crate::text::slugify(label)),
                    label,
                    events: Vec::new(),
                });
            }
            year.months
                .last_mut()
                .expect("pushed above")
                .events
                .push(event);
        }
        years
    }
}
