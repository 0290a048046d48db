//! Rules for clock times: "3 p.m.", "10:35 a.m. EST", "noon", "midnight Friday", "15:00 GMT",
//! "4 in the morning", with the day they fall on when one follows.

use super::super::sem::Sem;
use super::dates::date;
use super::deictic::deictic;
use super::weekdays::weekday_phrase;
use super::{Found, Toks};

const ZONES: &[&str] = &[
    "est", "edt", "et", "gmt", "utc", "pst", "pdt", "cst", "cdt", "mst", "mdt", "bst", "cet",
    "cest", "eet", "eest", "msk", "ist", "jst",
];

/// A clock time at `i`, and the day after it if any.
pub(super) fn clock(p: &Toks, i: usize) -> Option<Found> {
    let (hour, minute, mut end) = time_of_day(p, i)?;
    // Time zone.
    if p.get(end).is_some_and(|t| {
        t.text.len() <= 4
            && t.text.chars().all(|c| c.is_ascii_uppercase())
            && ZONES.iter().any(|z| t.is(z))
    }) {
        end += 1;
    }
    // The day it falls on: "noon Thursday", "5 p.m. EST, Nov. 6", "10 p.m. yesterday".
    let k = if p.attached(end, ',') { end + 1 } else { end };
    let day = [weekday_phrase(p, k), date(p, k), deictic(p, k)]
        .into_iter()
        .flatten()
        .find(|f| {
            matches!(
                f.sem,
                Sem::Weekday { .. }
                    | Sem::Date { day: Some(_), .. }
                    | Sem::Shift {
                        unit: super::super::lexicon::Unit::Day,
                        ..
                    }
            )
        });
    if let Some(d) = day {
        return Some(Found::new(
            i,
            d.end,
            Sem::Clock {
                hour,
                minute,
                day: Some(Box::new(d.sem)),
            },
        ));
    }
    Some(Found::new(
        i,
        end,
        Sem::Clock {
            hour,
            minute,
            day: None,
        },
    ))
}

/// (hour 0–24, minute, next index)
fn time_of_day(p: &Toks, i: usize) -> Option<(u32, u32, usize)> {
    let t = p.get(i)?;
    if t.is("noon") || t.is("midday") {
        return Some((12, 0, i + 1));
    }
    if t.is("midnight") {
        return Some((24, 0, i + 1));
    }
    let h = t.digits().filter(|h| *h <= 24 && t.text.len() <= 2)?;
    let mut j = i + 1;
    let mut minute = None;
    if p.attached(j, ':')
        && let Some(m) = p
            .get(j + 1)
            .filter(|m| !m.space_before && m.text.len() == 2)
            .and_then(|m| m.digits())
        && m < 60
    {
        minute = Some(m);
        j += 2;
    }
    if let Some((pm, k)) = meridiem(p, j) {
        if !(1..=12).contains(&h) {
            return None;
        }
        let hour = match (h, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
        return Some((hour, minute.unwrap_or(0), k));
    }
    if p.is(j, "o")
        && p.get(j + 1)
            .is_some_and(|a| a.text.starts_with(['\'', '’']))
        && p.is(j + 2, "clock")
    {
        return Some((h, minute.unwrap_or(0), j + 3));
    }
    // "4 in the morning"
    if p.is(j, "in")
        && p.is(j + 1, "the")
        && p.is_any(j + 2, &["morning", "afternoon", "evening"])
        && minute.is_none()
    {
        let hour = if p.is(j + 2, "morning") || h == 12 {
            h
        } else {
            h + 12
        };
        return Some((hour, 0, j + 3));
    }
    // 24-hour "15:00" needs a zone or the minutes.
    let m = minute?;
    let zone = p.get(j).is_some_and(|z| ZONES.iter().any(|w| z.is(w)));
    if zone
        || (p.get(i).is_some_and(|t| t.text.len() == 2)
            && i > 0
            && p.is_any(i - 1, &["at", "by", "until", "from", "before", "after"]))
    {
        return Some((h, m, j));
    }
    None
}

/// "a.m.", "p.m.", "am", "pm" (with or without periods): (is_pm, next index).
fn meridiem(p: &Toks, j: usize) -> Option<(bool, usize)> {
    let t = p.get(j)?;
    if t.is("am") || t.is("pm") {
        let k = if p.attached(j + 1, '.') { j + 2 } else { j + 1 };
        return Some((t.is("pm"), k));
    }
    if (t.is("a") || t.is("p"))
        && p.attached(j + 1, '.')
        && p.get(j + 2).is_some_and(|m| m.is("m") && !m.space_before)
    {
        let k = if p.attached(j + 3, '.') { j + 4 } else { j + 3 };
        return Some((t.is("p"), k));
    }
    None
}
