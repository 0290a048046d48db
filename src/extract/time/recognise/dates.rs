//! Rules for dates with a month: "Aug. 15, 2025", "15 August", "August 15th", "May 2022",
//! "2025-08-15", "8/15/2025", "last April", "January this year". The entry point [`date`] also
//! tries the year-like rules of [`super::years`], so one call covers every calendar date.

use super::super::sem::{Dir, Sem, YearRef};
use super::super::token::Kind;
use super::{Found, Toks, implicit};

const ABBREVIATED: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Words after which a bare "May" or "March" is a month, not a verb.
const MONTH_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "last", "next", "this", "early", "late", "mid", "of",
    "during", "before", "after", "from", "through", "to", "between", "and", "or", "on", "that",
    "each", "every", "-",
];

/// A month name at `i`: (month, next index). Abbreviations may take a period.
pub(super) fn month_at(p: &Toks, i: usize) -> Option<(u32, usize)> {
    let t = p.get(i)?;
    if t.entry.month == 0 || !t.is_capitalised() || t.is("mar") && !p.attached(i + 1, '.') {
        return None;
    }
    let abbreviated = ABBREVIATED.iter().any(|a| t.is(a));
    let j = if abbreviated && p.attached(i + 1, '.') {
        i + 2
    } else {
        i + 1
    };
    Some((u32::from(t.entry.month), j))
}

/// A day of the month at `i` ("15", "15th"): (day, next index).
pub(super) fn day_at(p: &Toks, i: usize) -> Option<(u32, usize)> {
    let t = p.get(i)?;
    let d = t
        .digits()
        .filter(|d| (1..=31).contains(d) && t.text.len() <= 2)?;
    let mut j = i + 1;
    if p.get(j)
        .is_some_and(|s| !s.space_before && s.is_any(&["st", "nd", "rd", "th"]))
    {
        j += 1;
    }
    if p.get(j)
        .is_some_and(|n| n.kind == Kind::Number && !n.space_before)
        || (p.attached(j, ':')
            && p.get(j + 1)
                .is_some_and(|n| n.kind == Kind::Number && !n.space_before))
        || p.get(j)
            .is_some_and(|n| n.entry.unit.is_some() || n.is_any(&["percent", "%"]))
    {
        return None;
    }
    Some((d, j))
}

/// A four-digit year at `i`.
pub(super) fn year_at(p: &Toks, i: usize) -> Option<(i32, usize)> {
    let t = p.get(i)?;
    let y = t
        .digits()
        .filter(|y| t.text.len() == 4 && (1000..=2199).contains(y))?;
    Some((y as i32, i + 1))
}

/// "Month [day][,] [year]" and "day Month [year]" and numeric dates.
pub(super) fn date(p: &Toks, i: usize) -> Option<Found> {
    if let Some(f) = numeric_date(p, i) {
        return Some(f);
    }
    if let Some((month, j)) = month_at(p, i) {
        return month_first(p, i, month, j).or_else(|| month_alone(p, i, month, j));
    }
    if let Some((day, j)) = day_at(p, i) {
        let k = if p.is(j, "of") { j + 1 } else { j };
        if let Some((month, k)) = month_at(p, k) {
            let (year, end) = year_after(p, k, false).unwrap_or((YearRef::Implicit(Dir::Bare), k));
            return Some(Found::new(
                i,
                end,
                Sem::Date {
                    year,
                    month,
                    day: Some(day),
                },
            ));
        }
    }
    if let Some(f) = dir_month(p, i) {
        return Some(f);
    }
    if let Some(f) = super::years::season(p, i) {
        return Some(f);
    }
    if let Some(f) = super::years::holiday(p, i) {
        return Some(f);
    }
    super::years::year_like(p, i)
}

fn month_first(p: &Toks, i: usize, month: u32, j: usize) -> Option<Found> {
    if let Some((day, k)) = day_at(p, j) {
        let (year, end) = year_after(p, k, true).unwrap_or((YearRef::Implicit(Dir::Bare), k));
        return Some(Found::new(
            i,
            end,
            Sem::Date {
                year,
                month,
                day: Some(day),
            },
        ));
    }
    let (year, end) = year_after(p, j, true)?;
    Some(Found::new(
        i,
        end,
        Sem::Date {
            year,
            month,
            day: None,
        },
    ))
}

/// A month with no day or year: only a full name, and "May"/"March" only after a cue word.
fn month_alone(p: &Toks, i: usize, month: u32, j: usize) -> Option<Found> {
    let t = p.get(i)?;
    if ABBREVIATED.iter().any(|a| t.is(a)) && j == i + 1 {
        return None;
    }
    if t.is_any(&["may", "march"]) {
        let cue = i > 0 && p.is_any(i - 1, MONTH_CUES);
        if !cue {
            return None;
        }
    }
    Some(Found::new(
        i,
        j,
        Sem::Date {
            year: YearRef::Implicit(Dir::Bare),
            month,
            day: None,
        },
    ))
}

/// The year after a month or day: ", 2025", "2025", "of 2025", "this year", "last year".
pub(super) fn year_after(p: &Toks, j: usize, allow_of: bool) -> Option<(YearRef, usize)> {
    let k = if p.attached(j, ',') || (allow_of && p.is(j, "of")) {
        j + 1
    } else {
        j
    };
    if let Some((y, end)) = year_at(p, k) {
        return Some((YearRef::Abs(y), end));
    }
    if let Some(Found {
        sem: Sem::Year(y),
        end,
        ..
    }) = super::years::spoken_year(p, k, k, false)
    {
        return Some((YearRef::Abs(y), end));
    }
    if p.is_any(k, &["this", "last", "next"]) && p.is(k + 1, "year") && k == j {
        let n = match p.get(k)?.text.to_ascii_lowercase().as_str() {
            "this" => 0,
            "last" => -1,
            _ => 1,
        };
        return Some((YearRef::Rel(n), k + 2));
    }
    None
}

/// "2025-08-15", "8/15/2025", "8/15/25"; day first where the month cannot come first
/// ("19/08/2025") and with dots ("19.08.2025", as most of Europe writes it).
fn numeric_date(p: &Toks, i: usize) -> Option<Found> {
    if let Some((y, m, d)) = dotted_date(p.get(i)?.text) {
        let date = Sem::Date {
            year: YearRef::Abs(y),
            month: m,
            day: Some(d),
        };
        return Some(Found::new(i, i + 1, date));
    }
    let a = p.get(i)?.digits()?;
    let sep = p.get(i + 1)?;
    if sep.space_before || !(sep.is_punct('-') || sep.is_punct('/')) {
        return None;
    }
    let b = p.get(i + 2).filter(|t| !t.space_before)?.digits()?;
    let sep2 = p.get(i + 3)?;
    if sep2.space_before || sep2.text != sep.text {
        return None;
    }
    let c_tok = p.get(i + 4).filter(|t| !t.space_before)?;
    let c = c_tok.digits()?;
    let (y, m, d) = if p.get(i)?.text.len() == 4 {
        (a as i32, b, c)
    } else if sep.is_punct('/') && c_tok.text.len() == 4 && a > 12 && b <= 12 {
        (c as i32, b, a)
    } else if sep.is_punct('/') && c_tok.text.len() == 4 {
        (c as i32, a, b)
    } else if sep.is_punct('/') && c_tok.text.len() == 2 {
        (
            if c < 50 {
                2000 + c as i32
            } else {
                1900 + c as i32
            },
            a,
            b,
        )
    } else {
        return None;
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(Found::new(
        i,
        i + 5,
        Sem::Date {
            year: YearRef::Abs(y),
            month: m,
            day: Some(d),
        },
    ))
}

/// A dotted date, day first with the full year ("19.08.2025"): one number token.
fn dotted_date(text: &str) -> Option<(i32, u32, u32)> {
    let mut parts = text.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.len() > 2 || m.len() > 2 || y.len() != 4 {
        return None;
    }
    let (d, m, y): (u32, u32, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d) && (1900..=2100).contains(&y))
        .then_some((y, m, d))
}

/// "last April", "next March", "this September".
fn dir_month(p: &Toks, i: usize) -> Option<Found> {
    let dir = dir_word(p, i)?;
    let (month, j) = month_at(p, i + 1)?;
    Some(Found::new(
        i,
        j,
        Sem::Date {
            year: implicit(dir),
            month,
            day: None,
        },
    ))
}

pub(super) fn dir_word(p: &Toks, i: usize) -> Option<Dir> {
    let t = p.get(i)?;
    // Every direction word is a starter (`lexicon::STARTERS`): most words are refused at once.
    if !t.entry.starter {
        return None;
    }
    Some(if t.is("last") || t.is("past") {
        Dir::Last
    } else if t.is("next") || t.is("coming") {
        Dir::Next
    } else if t.is("this") {
        Dir::This
    } else {
        return None;
    })
}
