//! Briefs for people: `attache brief` turns a timeline into something to hand over in ten
//! minutes — a Markdown briefing (timeline, key quotes with citations, sources) or, for calendar
//! import, the day-precise events as iCalendar. Both are written from one [`Brief`] selection.

mod ics;
mod markdown;
mod select;

pub use ics::write_ics;

/// Text for one line of a brief: runs of whitespace (newlines too) become one space, then the
/// sanitizer removes what must never reach a terminal or a file viewer.
pub(crate) fn one_line(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    crate::sanitize::plain(&words.join(" "))
}
pub use markdown::{date_label, write_markdown};
pub use select::{Brief, KeyQuote, KeyReported, MAX_QUOTES, MAX_REPORTED, select};

#[cfg(test)]
mod tests;
