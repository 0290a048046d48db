//! Rules for calendar expressions: dates with a month ("Aug. 15, 2025", "15 August", "May 2022"),
//! years, decades, centuries, seasons, holidays, quarters and named weekdays.

use super::lexicon::Lexicon;
use super::recognise::{Found, Toks, implicit};
use super::sem::{Dir, Sem, YearRef};
use super::token::Kind;

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
fn day_at(p: &Toks, i: usize) -> Option<(u32, usize)> {
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
    if let Some(f) = season(p, i) {
        return Some(f);
    }
    if let Some(f) = holiday(p, i) {
        return Some(f);
    }
    year_like(p, i)
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
fn year_after(p: &Toks, j: usize, allow_of: bool) -> Option<(YearRef, usize)> {
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
    }) = spoken_year(p, k, k, false)
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

/// "2025-08-15", "8/15/2025", "8/15/25".
fn numeric_date(p: &Toks, i: usize) -> Option<Found> {
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

/// Years, decades and centuries: "2025", "fiscal 1998", "the 1990s", "'90s", "the 20th century".
fn year_like(p: &Toks, i: usize) -> Option<Found> {
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
fn spoken_year(p: &Toks, i: usize, j: usize, the: bool) -> Option<Found> {
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
fn standalone_year(p: &Toks, i: usize, end: usize) -> bool {
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
fn season(p: &Toks, i: usize) -> Option<Found> {
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

/// Fixed-date holidays from the lexicon ("Christmas Day", "New Year's Eve").
fn holiday(p: &Toks, i: usize) -> Option<Found> {
    let first = p.get(i)?;
    if !first.is_capitalised() {
        return None;
    }
    let mut best: Option<Found> = None;
    for (words, month, day) in &Lexicon::get().holidays {
        let mut j = i;
        let mut ok = true;
        for w in words {
            let w = w.as_str();
            if let Some(stem) = w.strip_suffix("'s") {
                if p.is(j, stem)
                    && let Some(k) = p.possessive(j + 1)
                {
                    j = k;
                    continue;
                }
                ok = false;
                break;
            }
            if !p.is(j, w) {
                ok = false;
                break;
            }
            j += 1;
        }
        if ok && best.as_ref().is_none_or(|b| b.end < j) {
            let (year, end) = year_after(p, j, false).unwrap_or((YearRef::Implicit(Dir::Bare), j));
            best = Some(Found::new(
                i,
                end,
                Sem::Holiday {
                    month: *month,
                    day: *day,
                    year,
                },
            ));
        }
    }
    best
}

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
fn that_quarter(p: &Toks, i: usize, j: usize) -> Option<Found> {
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
            unit: super::lexicon::Unit::Quarter,
            n: 0,
            origin: super::sem::Origin::Dct,
        };
        return Some(Found::new(i, k + 1, sem));
    }
    if p.is_any(j, &["prior", "previous", "last"]) {
        let sem = Sem::Shift {
            unit: super::lexicon::Unit::Quarter,
            n: -1,
            origin: super::sem::Origin::Anchor,
        };
        return Some(Found::new(i, k + 1, sem));
    }
    Some(Found::new(i, k + 1, Sem::ThatQuarter { years }))
}

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
