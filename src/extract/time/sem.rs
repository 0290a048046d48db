//! What a recognised time expression means, before it is anchored: the recogniser's output and the
//! normaliser's input.
//!
//! Keeping meaning separate from anchoring lets one expression be resolved against the publication
//! date, against the last date the article mentioned, or against a guessed date during
//! publication-date inference, without parsing it again.

use super::lexicon::Unit;

/// Which year a month, season or quarter without an explicit year falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// Written out ("2025").
    Abs(i32),
    /// Relative to the reference date's year ("this year" 0, "last year" -1).
    Rel(i32),
    /// Not said: chosen by tense and proximity ("in August", "last August" = `Last`).
    Implicit(Dir),
}

/// The direction word before a weekday, month or season ("last Friday", "next March").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Bare,
    Last,
    This,
    Next,
}

/// What a relative expression is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The publication date ("last week", "two days ago").
    Dct,
    /// The last date the text mentioned ("the previous week", "a day later").
    Anchor,
}

/// TimeML's vague references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ref {
    Past,
    Present,
    Future,
}

/// An amount of time units: a number, or unspecified ("several", "a few").
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    Num(f64),
    Vague,
}

/// The meaning of a time expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// A calendar date with a month, and maybe a day ("August 15", "Aug. 15, 2025", "May 2022").
    Date {
        year: YearRef,
        month: u32,
        day: Option<u32>,
    },
    /// A year ("2025", "fiscal 1998").
    Year(i32),
    /// A decade, as its first three digits ("the 1990s" = 199).
    Decade(i32),
    /// A century, as its first two digits ("the 20th century" = 19).
    Century(i32),
    /// A named weekday (1 = Monday).
    Weekday { day: u32, dir: Dir },
    /// The unit containing the origin, shifted by `n` ("yesterday", "last week", "this year",
    /// "the previous week").
    Shift { unit: Unit, n: i32, origin: Origin },
    /// A point `amount` units before (`sign` -1) or after the origin ("two days ago", "a year later").
    Offset {
        amount: Amount,
        unit: Unit,
        sign: i32,
        origin: Origin,
    },
    /// "the weekend": the last one in a past clause, the next one in a future clause.
    Weekend,
    /// A quarter (1–4) or half (5–6 = H1, H2) of a year.
    Quarter { q: u32, year: YearRef },
    /// The last quarter the text talked about, else the latest reported one ("the quarter"),
    /// `years` years back ("the year-ago quarter" = -1).
    ThatQuarter { years: i32 },
    /// The quarter under discussion, in another year ("the 1988 quarter", "the 1989 period").
    QuarterOfYear(i32),
    /// A season (index into `lexicon::SEASONS`).
    Season { season: u8, year: YearRef },
    /// A fixed-date holiday.
    Holiday {
        month: u32,
        day: super::lexicon::HolidayDay,
        year: YearRef,
    },
    /// PAST_REF, PRESENT_REF, FUTURE_REF.
    Ref(Ref),
    /// A length of time ("40 minutes", "three-year", "several weeks").
    Duration { amount: Amount, unit: Unit },
    /// A duration reaching up to or from now ("the past three months", "the next two weeks",
    /// "in the coming days"): `sign` -1 backwards, +1 forwards.
    Span {
        amount: Amount,
        unit: Unit,
        sign: i32,
    },
    /// A repeating time; the TIMEX3 value is given directly ("P1W", "XXXX-WXX-1").
    Set(String),
    /// A clock time, with the day it falls on (None: the reference day).
    Clock {
        hour: u32,
        minute: u32,
        day: Option<Box<Sem>>,
    },
    /// A part of a day ("Monday night", "this morning").
    DayPart { part: u8, day: Box<Sem> },
}
