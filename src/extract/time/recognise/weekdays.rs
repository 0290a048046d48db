//! Rules for named weekdays: "Monday", "last Friday", "this past Sunday", "Monday's",
//! "Tuesday evening", and "Monday, Aug. 18" (where the explicit date wins).

use super::super::sem::{Dir, Sem};
use super::dates::{date, dir_word};
use super::{Found, Toks};

/// Named weekdays: "Monday", "last Friday", "Monday's", "Tuesday evening", "Monday, Aug. 18".
pub(super) fn weekday_phrase(p: &Toks, i: usize) -> Option<Found> {
    let (dir, j) = match dir_word(p, i) {
        Some(d) => {
            let k = if p.is(i, "this") && p.is(i + 1, "past") {
                i + 2
            } else {
                i + 1
            };
            let d = if k == i + 2 { Dir::Last } else { d };
            (d, k)
        }
        None => (Dir::Bare, i),
    };
    let (day, k) = weekday_at(p, j)?;
    // "Monday, Aug. 18" / "Monday, August 18, 2025": the explicit date wins.
    let c = if p.attached(k, ',') { k + 1 } else { k };
    if let Some(f) = date(p, c)
        && matches!(f.sem, Sem::Date { day: Some(_), .. })
    {
        return Some(Found { start: i, ..f });
    }
    let sem = Sem::Weekday { day, dir };
    if let Some(part) = p.get(k).map(|t| t.entry.daypart).filter(|d| *d > 0)
        && !p.is(k, "tonight")
    {
        return Some(Found::new(
            i,
            k + 1,
            Sem::DayPart {
                part,
                day: Box::new(sem),
            },
        ));
    }
    Some(Found::new(i, k, sem))
}

/// A weekday name at `i` (full name, or abbreviation with a period): (1–7, next index).
pub(super) fn weekday_at(p: &Toks, i: usize) -> Option<(u32, usize)> {
    let t = p.get(i)?;
    if t.entry.weekday == 0 || !t.is_capitalised() {
        return None;
    }
    if t.text.len() <= 5 && !t.text.to_ascii_lowercase().ends_with("day") {
        if !p.attached(i + 1, '.') {
            return None;
        }
        return Some((u32::from(t.entry.weekday), i + 2));
    }
    Some((u32::from(t.entry.weekday), i + 1))
}
