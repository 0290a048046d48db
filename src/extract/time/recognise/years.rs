//! Rules for years and coarser periods: "2025", "fiscal 1998", "nineteen ninety-six", "the 1990s",
//! "'90s", "the 20th century", seasons ("last summer", "spring 2025") and fixed-date holidays.

use super::super::lexicon::Lexicon;
use super::super::sem::{Dir, Sem, YearRef};
use super::super::token::Kind;
use super::dates::{dir_word, year_after, year_at};
use super::{Found, Toks, implicit};

/// Years, decades and centuries: "2025", "fiscal 1998", "the 1990s", "'90s", "the 20th century".
pub(super) fn year_like(p: &Toks, i: usize) -> Option<Found> {
    let mut j = i;
    let the = p.is(j, "the");
    if the {
        j += 1;
    }
    if p.is(j, "fiscal") && !the {
        let (y, end) = year_at(p, j + 1)?;
        return Some(Found::new(i, end, Sem::Year(y)));
    }
    // '90s
    if p.get(j).is_some_and(|t| t.text.starts_with(['\'', '’']))
        && let Some(n) = p
            .get(j + 1)
            .and_then(|t| t.digits().filter(|_| t.text.len() == 2))
        && p.get(j + 2).is_some_and(|s| s.is("s") && !s.space_before)
    {
        let decade = if n >= 30 {
            190 + n as i32 / 10
        } else {
            200 + n as i32 / 10
        };
        return Some(Found::new(i, j + 3, Sem::Decade(decade)));
    }
    // 20th century
    if let Some(t) = p.get(j)
        && let Some(n) = t
            .digits()
            .or(t.entry.ordinal.and_then(|o| u32::try_from(o).ok()))
        && (1..=22).contains(&n)
    {
        let k = if p
            .get(j + 1)
            .is_some_and(|s| !s.space_before && s.is_any(&["st", "nd", "rd", "th"]))
        {
            j + 2
        } else {
            j + 1
        };
        if p.is(k, "century") && (the || t.kind == Kind::Number) {
            return Some(Found::new(i, k + 1, Sem::Century(n as i32 - 1)));
        }
    }
    if let Some(f) = spoken_year(p, i, j, the) {
        return Some(f);
    }
    let (y, end) = year_at(p, j)?;
    if p.get(end).is_some_and(|s| s.is("s") && !s.space_before) {
        return Some(Found::new(i, end + 1, Sem::Decade(y / 10)));
    }
    if the {
        return None;
    }
    if !standalone_year(p, i, end) {
        return None;
    }
    Some(Found::new(i, end, Sem::Year(y)))
}

/// Years and decades in words, as broadcast transcripts write them: "nineteen ninety-six",
/// "the year two thousand", "the nineties".
pub(super) fn spoken_year(p: &Toks, i: usize, j: usize, the: bool) -> Option<Found> {
    const DECADES: &[(&str, i32)] = &[
        ("twenties", 2),
        ("thirties", 3),
        ("forties", 4),
        ("fifties", 5),
        ("sixties", 6),
        ("seventies", 7),
        ("eighties", 8),
        ("nineties", 9),
    ];
    if the && let Some((_, d)) = DECADES.iter().find(|(w, _)| p.is(j, w)) {
        return Some(Found::new(i, j + 1, Sem::Decade(190 + d)));
    }
    if the && p.is(j, "year") && p.is(j + 1, "two") && p.is(j + 2, "thousand") {
        return Some(Found::new(i, j + 3, Sem::Year(2000)));
    }
    let century = if p.is(j, "nineteen") {
        1900
    } else if p.is(j, "eighteen") {
        1800
    } else {
        return None;
    };
    let tens = p
        .get(j + 1)?
        .entry
        .number
        .filter(|n| (10..=90).contains(n))?;
    let mut end = j + 2;
    let mut year = century + tens as i32;
    if tens >= 20 && tens % 10 == 0 {
        let k = if p.hyphen(end) { end + 1 } else { end };
        if let Some(u) = p
            .get(k)
            .and_then(|t| t.entry.number)
            .filter(|u| (1..10).contains(u))
            && !p.is_any(k, &["a", "an", "single", "couple"])
        {
            year += u as i32;
            end = k + 1;
        }
    }
    Some(Found::new(i, end, Sem::Year(year)))
}

/// Whether a bare four-digit number reads as a year, not a quantity.
pub(super) fn standalone_year(p: &Toks, i: usize, end: usize) -> bool {
    let y = p.get(i).and_then(|t| t.digits()).unwrap_or(0);
    if !(1900..=2100).contains(&y) {
        // Older years only after a cue ("in 1066").
        if !(i > 0 && p.is_any(i - 1, &["in", "since", "of", "until", "from", "by"])) {
            return false;
        }
    }
    if i > 0
        && p.get(i - 1).is_some_and(|t| {
            t.kind == Kind::Punct
                && !t.text.starts_with(['(', ',', '-', '–', '“', '"', '—'])
                && !t.space_before
                || t.is_any(&["$", "£", "€", "no", "number", "flight", "route"])
        })
    {
        return false;
    }
    if let Some(n) = p.get(end) {
        if n.is_any(&["%", "percent", "people", "and", "to", "or"]) && !n.space_before {
            return false;
        }
        if n.is_any(&[
            "percent",
            "people",
            "troops",
            "soldiers",
            "members",
            "units",
            "jobs",
            "tons",
            "feet",
            "meters",
            "miles",
            "kilometers",
            "dollars",
            "shares",
            "workers",
            "employees",
        ]) || n.entry.unit.is_some() && !n.is_capitalised()
        {
            return false;
        }
        if n.kind == Kind::Number && !n.space_before {
            return false;
        }
    }
    true
}

/// Seasons: "summer", "last fall", "the summer of 2024", "spring 2025".
pub(super) fn season(p: &Toks, i: usize) -> Option<Found> {
    let (dir, j) = match dir_word(p, i) {
        Some(d) => (d, i + 1),
        None if p.is_any(i, &["the", "that"]) => (Dir::Bare, i + 1),
        None => (Dir::Bare, i),
    };
    let t = p.get(j)?;
    if t.entry.season == 0 || t.is("springs") || t.is("falls") {
        return None;
    }
    let verbish = t.is("fall") || t.is("spring");
    let year = year_after(p, j + 1, true);
    let cue = j > i
        || i > 0
            && p.is_any(
                i - 1,
                &[
                    "in", "during", "until", "by", "since", "early", "late", "this", "of",
                    "before", "after",
                ],
            );
    if verbish && !cue && year.is_none() {
        return None;
    }
    if j > i && dir == Dir::Bare && year.is_none() {
        // "the summer" alone: the season of the reference year.
        return Some(Found::new(
            i,
            j + 1,
            Sem::Season {
                season: t.entry.season,
                year: implicit(Dir::Bare),
            },
        ));
    }
    let (year, end) = year.unwrap_or((implicit(dir), j + 1));
    Some(Found::new(
        i,
        end,
        Sem::Season {
            season: t.entry.season,
            year,
        },
    ))
}

/// Holidays from the lexicon ("Christmas Day", "New Year's Eve", "last Thanksgiving").
pub(super) fn holiday(p: &Toks, i: usize) -> Option<Found> {
    let (dir, start) = match dir_word(p, i) {
        Some(d) => (d, i + 1),
        None => (Dir::Bare, i),
    };
    if !p.get(start)?.is_capitalised() {
        return None;
    }
    let mut best: Option<Found> = None;
    for holiday in &Lexicon::get().holidays {
        let Some(j) = holiday_words(p, start, &holiday.words) else {
            continue;
        };
        if best.as_ref().is_none_or(|b| b.end < j) {
            let (year, end) = year_after(p, j, false).unwrap_or((YearRef::Implicit(dir), j));
            let sem = Sem::Holiday {
                month: holiday.month,
                day: holiday.day,
                year,
            };
            best = Some(Found::new(i, end, sem));
        }
    }
    best
}

/// Matches a holiday's words at `i` ("new year's" matches "New Year's"): the index after them.
fn holiday_words(p: &Toks, i: usize, words: &[String]) -> Option<usize> {
    let mut j = i;
    for w in words {
        if let Some(stem) = w.strip_suffix("'s") {
            if !p.is(j, stem) {
                return None;
            }
            j = p.possessive(j + 1)?;
            continue;
        }
        if !p.is(j, w) {
            return None;
        }
        j += 1;
    }
    Some(j)
}
