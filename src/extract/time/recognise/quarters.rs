//! Rules for quarters and halves of a year: "the third quarter", "third-quarter", "Q3 2025",
//! "the first half of 2024", "this year's third quarter", "the latest quarter", "the year-ago period".
//!
//! Fiscal quarters keep their own numbering ("its fourth quarter ended Sept. 30" is Q4), as TimeML
//! annotators write them.

use super::super::sem::{Dir, Sem, YearRef};
use super::dates::{dir_word, year_after, year_at};
use super::{Found, Toks};

/// Quarters and halves: "the third quarter", "third-quarter", "Q3 2025", "the first half of 2024",
/// "the latest quarter", "the year-ago quarter".
/// Fiscal quarters keep their own numbering ("its fourth quarter ended Sept. 30" is Q4), as
/// TimeML annotators write them.
pub(super) fn quarter(p: &Toks, i: usize) -> Option<Found> {
    let t = p.get(i)?;
    // Q3, Q3 2025
    if t.is("q")
        && let Some(q) = p
            .get(i + 1)
            .filter(|n| !n.space_before)
            .and_then(|n| n.digits())
        && (1..=4).contains(&q)
    {
        let (year, end) =
            year_after(p, i + 2, true).unwrap_or((YearRef::Implicit(Dir::Bare), i + 2));
        return Some(Found::new(i, end, Sem::Quarter { q, year }));
    }
    let mut j = i;
    let the = p.is(j, "the");
    if the {
        j += 1;
    }
    if p.is(j, "fiscal") {
        j += 1;
    }
    let mut year_before: Option<YearRef> = None;
    if the
        && p.is(j, "year")
        && p.hyphen(j + 1)
        && p.is_any(j + 2, &["ago", "earlier"])
        && p.get(j + 3).is_some_and(|t| t.entry.ordinal.is_some())
    {
        year_before = Some(YearRef::Rel(-1));
        j += 3;
    } else if let Some((y, k)) = year_at(p, j) {
        year_before = Some(YearRef::Abs(y));
        j = k;
    } else if !the
        && let Some(dir) = dir_word(p, j)
        && p.is(j + 1, "year")
        && let Some(k) = p.possessive(j + 2)
    {
        let n = match dir {
            Dir::Last => -1,
            Dir::Next => 1,
            _ => 0,
        };
        year_before = Some(YearRef::Rel(n));
        j = k;
    }
    if p.is(j, "fiscal") {
        j += 1;
    }
    let word = p.get(j)?;
    if year_before.is_some() && word.entry.ordinal.is_none() {
        if let Some(YearRef::Abs(y)) = year_before
            && the
            && p.is_any(j, &["period", "quarter"])
        {
            return Some(Found::new(i, j + 1, Sem::QuarterOfYear(y)));
        }
        return None;
    }
    if let Some(q) = word.entry.ordinal.filter(|q| (1..=4).contains(q)) {
        let mut k = j + 1;
        if p.hyphen(k) {
            k += 1;
        }
        if p.is(k, "fiscal") {
            k += 1;
        }
        let half = p.is(k, "half");
        if !(p.is(k, "quarter") || half && the) {
            return None;
        }
        if half && q > 2 {
            return None;
        }
        let q = if half { q as u32 + 4 } else { q as u32 };
        let (year, end) = match year_before {
            Some(y) => (y, k + 1),
            None => year_after(p, k + 1, true).unwrap_or((YearRef::Implicit(Dir::Bare), k + 1)),
        };
        return Some(Found::new(i, end, Sem::Quarter { q, year }));
    }
    if the {
        return that_quarter(p, i, j);
    }
    None
}

/// "the latest quarter", "the year-ago period", "the comparable quarter", "the previous quarter".
pub(super) fn that_quarter(p: &Toks, i: usize, j: usize) -> Option<Found> {
    const WORDS: &[&str] = &[
        "latest",
        "current",
        "most",
        "recent",
        "same",
        "comparable",
        "prior",
        "previous",
        "last",
    ];
    let mut k = j;
    let mut years = 0;
    while k < j + 4 && !p.is_any(k, &["quarter", "period"]) {
        if p.is(k, "year") && p.hyphen(k + 1) && p.is_any(k + 2, &["ago", "earlier"]) {
            years = -1;
            k += 3;
            continue;
        }
        if !p.is_any(k, WORDS) {
            return None;
        }
        k += 1;
    }
    // "the period" alone is too vague; "the quarter" is the quarter under discussion.
    if !p.is_any(k, &["quarter", "period"]) || (p.is(k, "period") && k == j) {
        return None;
    }
    if p.is(j, "current") && k == j + 1 {
        let sem = Sem::Shift {
            unit: super::super::lexicon::Unit::Quarter,
            n: 0,
            origin: super::super::sem::Origin::Dct,
        };
        return Some(Found::new(i, k + 1, sem));
    }
    if p.is_any(j, &["prior", "previous", "last"]) {
        let sem = Sem::Shift {
            unit: super::super::lexicon::Unit::Quarter,
            n: -1,
            origin: super::super::sem::Origin::Anchor,
        };
        return Some(Found::new(i, k + 1, sem));
    }
    Some(Found::new(i, k + 1, Sem::ThatQuarter { years }))
}
