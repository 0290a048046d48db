//! Filters: the `/` fuzzy query and the facets (actor, outlet, kind, status, date range).
//! How the query matches is [`crate::tui::search::query`]'s business.

use crate::model::{EventKind, Status};
use chrono::{Duration, NaiveDate};

use super::action::Facet;
pub use crate::tui::search::query::{Matcher, blob, push_blob};

/// One active filter, in the order the user added them; at most one of each kind, except actors:
/// several actors must all take part in an event (a quote: be said by any of them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Query(String),
    Actor(String),
    Outlet(String),
    Kind(EventKind),
    Status(Status),
    Dates(DateRange),
    /// Quotes view: direct quotes only, or reported statements only (no filter: both).
    Form(Form),
}

/// What the Quotes view shows: words in quotation marks, or what was reported without them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Direct,
    Reported,
}

impl Form {
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Direct => "direct",
            Form::Reported => "reported",
        }
    }
}

impl Filter {
    /// The facet this filter belongs to (`None` for the query).
    pub fn facet(&self) -> Option<Facet> {
        match self {
            Filter::Query(_) => None,
            Filter::Actor(_) => Some(Facet::Actor),
            Filter::Outlet(_) => Some(Facet::Outlet),
            Filter::Kind(_) => Some(Facet::Kind),
            Filter::Status(_) => Some(Facet::Status),
            Filter::Dates(_) => Some(Facet::Date),
            Filter::Form(_) => Some(Facet::Form),
        }
    }

    /// How the status bar shows it.
    pub fn label(&self) -> String {
        match self {
            Filter::Query(q) => format!("/{q}"),
            Filter::Actor(a) => format!("actor:{a}"),
            Filter::Outlet(o) => format!("outlet:{o}"),
            Filter::Kind(k) => format!("kind:{}", k.as_str()),
            Filter::Status(s) => format!("status:{}", s.as_str()),
            Filter::Dates(d) => format!("date:{}", d.label()),
            Filter::Form(f) => format!("form:{}", f.as_str()),
        }
    }
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DateRange {
    pub fn label(&self) -> String {
        if self.from == self.to {
            self.from.to_string()
        } else {
            format!("{}..{}", self.from, self.to)
        }
    }

    /// Whether the period `start..=end` overlaps this range.
    pub fn overlaps(&self, start: NaiveDate, end: NaiveDate) -> bool {
        start <= self.to && self.from <= end
    }

    /// Parses what the user typed at the `d` prompt: `2025`, `2025-08`, `2025-08-18`, `A..B`
    /// (either side may be left open), or `last 7d` / `last 2w` / `last 3m`, counted back from
    /// `latest` (the newest date in the corpus, because a corpus is a snapshot in time).
    pub fn parse(input: &str, latest: Option<NaiveDate>) -> Result<DateRange, String> {
        let s = input.trim();
        if let Some(rest) = s.strip_prefix("last") {
            let rest = rest.trim();
            let latest = latest.ok_or("the corpus has no dates to count back from")?;
            let split = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            let (n, unit) = rest.split_at(split);
            let n: i64 = n
                .parse()
                .map_err(|_| format!("`{s}`: write it like `last 7d`"))?;
            let days = match unit.trim() {
                "d" | "day" | "days" => n,
                "w" | "week" | "weeks" => n * 7,
                "m" | "month" | "months" => n * 30,
                _ => return Err(format!("`{s}`: the unit is d, w or m")),
            };
            let from = latest - Duration::days((days - 1).max(0));
            return Ok(DateRange { from, to: latest });
        }
        if let Some((a, b)) = s.split_once("..") {
            let from = if a.trim().is_empty() {
                NaiveDate::MIN
            } else {
                period(a.trim())?.0
            };
            let to = if b.trim().is_empty() {
                NaiveDate::MAX
            } else {
                period(b.trim())?.1
            };
            if from > to {
                return Err(format!("`{s}`: the start is after the end"));
            }
            return Ok(DateRange { from, to });
        }
        let (from, to) = period(s)?;
        Ok(DateRange { from, to })
    }
}

/// The first and last day of `2025`, `2025-08` or `2025-08-18`.
fn period(s: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let bad = || format!("`{s}` is not a date like 2025, 2025-08 or 2025-08-18");
    let parts: Vec<&str> = s.split('-').collect();
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    match parts.len() {
        1 => {
            let y = num(0).ok_or_else(bad)? as i32;
            let from = NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(bad)?;
            let to = NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(bad)?;
            Ok((from, to))
        }
        2 => {
            let (y, m) = (num(0).ok_or_else(bad)? as i32, num(1).ok_or_else(bad)?);
            let from = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            let to = next.ok_or_else(bad)?.pred_opt().ok_or_else(bad)?;
            Ok((from, to))
        }
        3 => {
            let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| bad())?;
            Ok((d, d))
        }
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_date_ranges() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let r = DateRange::parse("2024-02", None).unwrap();
        assert_eq!((r.from, r.to), (d("2024-02-01"), d("2024-02-29")));
        let r = DateRange::parse("2025-08-01..2025-08-20", None).unwrap();
        assert_eq!((r.from, r.to), (d("2025-08-01"), d("2025-08-20")));
        let r = DateRange::parse("last 7d", Some(d("2025-08-20"))).unwrap();
        assert_eq!((r.from, r.to), (d("2025-08-14"), d("2025-08-20")));
        let r = DateRange::parse("2025-12..", None).unwrap();
        assert_eq!(r.from, d("2025-12-01"));
        assert!(DateRange::parse("2025-13", None).is_err());
        assert!(DateRange::parse("2025-08-20..2025-08-01", None).is_err());
        assert!(DateRange::parse("last week", Some(d("2025-08-20"))).is_err());
        assert!(DateRange::parse("last 7d", None).is_err());
    }
}
