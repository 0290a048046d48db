//! The normaliser: turns a recognised meaning ([`Sem`]) into a TIMEX3 type and value and a calendar
//! [`TimeValue`], against the publication date, the tense of the clause and the last date the text
//! mentioned (for "the previous week", "a year earlier", "the quarter").

use super::TimexType;
use super::amount_rules::duration_value;
use super::calendar::{
    add_days, add_months, day_value, period, quarter_of, shift_months, week_value, weekday_number,
    ymd,
};
use super::lexicon::{DAYPARTS, SEASONS, Unit};
use super::recognise::{Found, Mod};
use super::sem::{Amount, Dir, Origin, Ref, Sem, YearRef};
use super::tense::Tense;
use crate::model::{Precision, TimeValue};
use chrono::{Datelike, NaiveDate};

/// How many months a year-less date may lie on the "wrong" side of the DCT for its tense.
const TENSE_MONTHS: i32 = 2;

/// Without tense, a year-less month up to this many months ahead is this year's; further ahead,
/// it is the one before (news reports the past more than it announces the future).
const AHEAD_MONTHS: i32 = 5;

/// What resolution needs besides the expression: the reference date and the text's last date.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub dct: Option<NaiveDate>,
    /// The last calendar value the text mentioned (TIMEX3 value), for anaphora.
    pub anchor: Option<String>,
    /// The last quarter the text mentioned (year, quarter).
    pub quarter: Option<(i32, u32)>,
}

/// The normalised form of one expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Normal {
    pub kind: TimexType,
    pub value: String,
    pub time: Option<TimeValue>,
}

impl Context {
    pub fn new(dct: Option<NaiveDate>) -> Self {
        Context {
            dct,
            anchor: None,
            quarter: None,
        }
    }

    /// Normalises one expression, and remembers it as the anchor for later anaphora.
    pub fn resolve(&mut self, found: &Found, tense: Tense) -> Normal {
        let (kind, value, range) = self.value(&found.sem, tense);
        let mut time = match range {
            Some((start, end)) => Some(TimeValue {
                value: value.clone(),
                precision: period(&value).map(|p| p.2).or(Some(Precision::Day)),
                start: Some(start),
                end: Some(end),
                approximate: found.approx,
                relative: None,
            }),
            None => period(&value).map(|(s, e, p)| TimeValue {
                value: value.clone(),
                precision: Some(p),
                start: Some(s),
                end: Some(e),
                approximate: found.approx,
                relative: None,
            }),
        };
        if let (Some(t), Some(m)) = (time.as_mut(), found.modifier) {
            narrow(t, m);
        }
        if kind == TimexType::Date || kind == TimexType::Time {
            if self.replaces_anchor(&found.sem, &value) {
                self.anchor = Some(value.clone());
            }
            // Only a quarter the text names, near the DCT, becomes "the quarter" of later sentences.
            if let Sem::Quarter { .. } = found.sem
                && let Some((y, q)) = value
                    .split_once("-Q")
                    .and_then(|(y, q)| Some((y.parse::<i32>().ok()?, q.parse().ok()?)))
                && self.dct.is_none_or(|d| (d.year() - y).abs() <= 1)
            {
                self.quarter = Some((y, q));
            }
        }
        Normal { kind, value, time }
    }

    /// Whether a newly resolved value becomes the anchor for later anaphora: a date stated outright
    /// always does; a relative one only when it is at least as precise as the current anchor (so a
    /// side remark like "the previous week" or "last year" does not move the story's day).
    fn replaces_anchor(&self, sem: &Sem, value: &str) -> bool {
        let Some((_, _, new)) = period(value) else {
            return false;
        };
        let explicit = matches!(
            sem,
            Sem::Date {
                year: YearRef::Abs(_),
                ..
            } | Sem::Year(_)
        );
        let old = self.anchor.as_deref().and_then(period).map(|p| p.2);
        explicit || old.is_none_or(|old| new >= old)
    }

    /// The reference day for an origin (the anchor's first day, or the DCT).
    fn origin_day(&self, origin: Origin) -> Option<NaiveDate> {
        if origin == Origin::Anchor
            && let Some((start, _, _)) = self.anchor.as_deref().and_then(period)
        {
            return Some(start);
        }
        self.dct
    }

    fn value(
        &self,
        sem: &Sem,
        tense: Tense,
    ) -> (TimexType, String, Option<(NaiveDate, NaiveDate)>) {
        use TimexType::*;
        match sem {
            Sem::Date { year, month, day } => (Date, self.date(*year, *month, *day, tense), None),
            Sem::Holiday { month, day, year } => {
                (Date, self.date(*year, *month, Some(*day), tense), None)
            }
            Sem::Year(y) => (Date, format!("{y:04}"), None),
            Sem::Decade(d) => (Date, format!("{d:03}"), None),
            Sem::Century(c) => (Date, format!("{c:02}"), None),
            Sem::Weekday { day, dir } => (Date, self.weekday(*day, *dir, tense), None),
            Sem::Weekend => {
                let saturday = self.weekday(
                    6,
                    Dir::Bare,
                    if tense == Tense::Future {
                        tense
                    } else {
                        Tense::Past
                    },
                );
                let v = period(&saturday).map_or_else(
                    || "XXXX-WXX-WE".to_string(),
                    |(d, _, _)| format!("{}-WE", week_value(d)),
                );
                (Date, v, None)
            }
            Sem::Shift { unit, n, origin } => (Date, self.shift(*unit, *n, *origin), None),
            Sem::Offset {
                amount,
                unit,
                sign,
                origin,
            } => (Date, self.offset(*amount, *unit, *sign, *origin), None),
            Sem::Quarter { q, year } => (Date, self.quarter(*q, *year, tense), None),
            Sem::ThatQuarter { years } => (Date, self.that_quarter(*years), None),

            Sem::QuarterOfYear(y) => {
                let v = self.that_quarter(0);
                let v = match v.split_once('-') {
                    Some((_, q)) if q.starts_with('Q') && q != "QX" => format!("{y:04}-{q}"),
                    _ => format!("{y:04}"),
                };
                (Date, v, None)
            }
            Sem::Season { season, year } => (Date, self.season(*season, *year, tense), None),
            Sem::Ref(r) => {
                let v = match r {
                    Ref::Past => "PAST_REF",
                    Ref::Present => "PRESENT_REF",
                    Ref::Future => "FUTURE_REF",
                };
                let range = (*r == Ref::Present)
                    .then_some(self.dct.map(|d| (d, d)))
                    .flatten();
                (Date, v.to_string(), range)
            }
            Sem::Duration { amount, unit } => (Duration, duration(*amount, *unit), None),
            Sem::Span { amount, unit, sign } => {
                let range = self.dct.and_then(|d| {
                    let n = match amount {
                        Amount::Num(n) => *n,
                        Amount::Vague => vague_count(*unit),
                    };
                    let other = shift_by(d, *unit, n * f64::from(*sign))?;
                    Some(if *sign < 0 { (other, d) } else { (d, other) })
                });
                if *amount == Amount::Vague && *sign < 0 {
                    // "the last few months", "recent years": TimeML's PAST_REF.
                    return (Date, "PAST_REF".to_string(), range);
                }
                (Duration, duration(*amount, *unit), range)
            }
            Sem::Set(v) => (Set, v.clone(), None),
            Sem::Clock { hour, minute, day } => {
                let date = match day {
                    Some(d) => self.value(d, tense).1,
                    None => self.dct.map_or_else(|| "XXXX-XX-XX".to_string(), day_value),
                };
                let date = if period(&date).is_some_and(|p| p.2 == Precision::Day) {
                    date
                } else {
                    "XXXX-XX-XX".to_string()
                };
                (Time, format!("{date}T{hour:02}:{minute:02}"), None)
            }
            Sem::DayPart { part, day } => {
                let date = self.value(day, tense).1;
                let code = DAYPARTS[usize::from(part.saturating_sub(1)).min(3)];
                let date = if period(&date).is_some_and(|p| p.2 == Precision::Day) {
                    date
                } else {
                    "XXXX-XX-XX".to_string()
                };
                (Time, format!("{date}T{code}"), None)
            }
        }
    }

    fn year_for(&self, year: YearRef, month: u32, day: Option<u32>, tense: Tense) -> Option<i32> {
        match year {
            YearRef::Abs(y) => Some(y),
            YearRef::Rel(n) => self.dct.map(|d| d.year() + n),
            YearRef::Implicit(dir) => {
                let dct = self.dct?;
                let y = dct.year();
                let key = (month, day.unwrap_or(0));
                let now = (dct.month(), if day.is_some() { dct.day() } else { 0 });
                Some(match dir {
                    Dir::This => y,
                    Dir::Last => {
                        if key < now {
                            y
                        } else {
                            y - 1
                        }
                    }
                    Dir::Next => {
                        if key > now {
                            y
                        } else {
                            y + 1
                        }
                    }
                    Dir::Bare => {
                        // The nearest occurrence, unless the tense clearly points the other way
                        // (a past-tense date more than two months ahead is last year's).
                        let diff = month as i32 - dct.month() as i32;
                        let nearest = if diff > AHEAD_MONTHS {
                            y - 1
                        } else if diff < AHEAD_MONTHS - 12 {
                            y + 1
                        } else {
                            y
                        };
                        let ahead = (nearest - y) * 12 + diff;
                        match tense {
                            Tense::Past if ahead > TENSE_MONTHS => nearest - 1,
                            Tense::Future if ahead < -TENSE_MONTHS => nearest + 1,
                            _ => nearest,
                        }
                    }
                })
            }
        }
    }

    fn date(&self, year: YearRef, month: u32, day: Option<u32>, tense: Tense) -> String {
        match (self.year_for(year, month, day, tense), day) {
            (Some(y), Some(d)) if ymd(y, month, d).is_some() => format!("{y:04}-{month:02}-{d:02}"),
            (Some(y), None) => format!("{y:04}-{month:02}"),
            (None, Some(d)) => format!("XXXX-{month:02}-{d:02}"),
            _ => format!("XXXX-{month:02}"),
        }
    }

    fn weekday(&self, day: u32, dir: Dir, tense: Tense) -> String {
        let Some(dct) = self.dct else {
            return format!("XXXX-WXX-{day}");
        };
        let today = weekday_number(dct) as i64;
        let back = (today - day as i64).rem_euclid(7); // days since the last such weekday (0 = today)
        let fwd = (day as i64 - today).rem_euclid(7);
        let offset = match dir {
            Dir::Last => {
                if back == 0 {
                    -7
                } else {
                    -back
                }
            }
            Dir::Next => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            Dir::This => day as i64 - today,
            Dir::Bare => match tense {
                Tense::Past => -back,
                Tense::Future => fwd,
                _ => {
                    if back <= fwd {
                        -back
                    } else {
                        fwd
                    }
                }
            },
        };
        add_days(dct, offset).map_or_else(|| format!("XXXX-WXX-{day}"), day_value)
    }

    fn shift(&self, unit: Unit, n: i32, origin: Origin) -> String {
        let Some(d) = self.origin_day(origin) else {
            return unresolved(unit);
        };
        match unit {
            Unit::Day => add_days(d, i64::from(n)).map_or_else(|| unresolved(unit), day_value),
            Unit::Week | Unit::Fortnight => {
                add_days(d, 7 * i64::from(n)).map_or_else(|| unresolved(unit), week_value)
            }
            Unit::Weekend => add_days(d, 7 * i64::from(n))
                .map_or_else(|| unresolved(unit), |w| format!("{}-WE", week_value(w))),
            Unit::Month => {
                let (y, m) = add_months(d.year(), d.month(), n);
                format!("{y:04}-{m:02}")
            }
            Unit::Quarter => {
                let (y, m) = add_months(d.year(), d.month(), 3 * n);
                format!("{y:04}-Q{}", (m - 1) / 3 + 1)
            }
            Unit::Year => format!("{:04}", d.year() + n),
            Unit::Decade => format!("{:03}", d.year() / 10 + n),
            Unit::Century => format!("{:02}", d.year() / 100 + n),
            Unit::Millennium => format!("{}", d.year() / 1000 + n),
            Unit::Hour | Unit::Minute | Unit::Second => day_value(d),
        }
    }

    fn offset(&self, amount: Amount, unit: Unit, sign: i32, origin: Origin) -> String {
        let Amount::Num(n) = amount else {
            return if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.to_string();
        };
        // "a year ago" in an article about a quarter's results: that quarter a year before.
        if unit == Unit::Year
            && n == 1.0
            && sign < 0
            && let Some((y, q)) = self.quarter
        {
            return format!("{:04}-Q{q}", y - 1);
        }
        let Some(d) = self.origin_day(origin) else {
            return unresolved(unit);
        };
        // "a year earlier" after a quarter: the same quarter a year before.
        if origin == Origin::Anchor
            && let Some(anchor) = &self.anchor
            && let Some((_, _, p)) = period(anchor)
            && p == Precision::Quarter
            && anchor.contains("-Q")
            && unit == Unit::Year
            && n.fract() == 0.0
            && let Some(s) = shift_months(d, 12 * sign * n as i32)
        {
            return format!("{}-Q{}", s.year(), quarter_of(s));
        }
        let Some(target) = shift_by(d, unit, n * f64::from(sign)) else {
            return unresolved(unit);
        };
        match unit {
            Unit::Year | Unit::Decade | Unit::Century | Unit::Millennium if n.fract() != 0.0 => {
                format!("{:04}-{:02}", target.year(), target.month())
            }
            Unit::Year | Unit::Decade | Unit::Century | Unit::Millennium => {
                format!("{:04}", target.year())
            }
            Unit::Month | Unit::Quarter => format!("{:04}-{:02}", target.year(), target.month()),
            Unit::Week | Unit::Fortnight | Unit::Weekend => week_value(target),
            _ => day_value(target),
        }
    }

    fn quarter(&self, q: u32, year: YearRef, tense: Tense) -> String {
        let half = q > 4;
        let y = match year {
            YearRef::Abs(y) => Some(y),
            YearRef::Rel(n) => self.dct.map(|d| d.year() + n),
            YearRef::Implicit(_) => self.dct.map(|d| {
                let now = if half {
                    (d.month() - 1) / 6 + 5
                } else {
                    quarter_of(d)
                };
                if q > now && tense != Tense::Future {
                    d.year() - 1
                } else {
                    d.year()
                }
            }),
        };
        let code = if half {
            format!("H{}", q - 4)
        } else {
            format!("Q{q}")
        };
        match y {
            Some(y) => format!("{y:04}-{code}"),
            None => format!("XXXX-{code}"),
        }
    }

    fn that_quarter(&self, years: i32) -> String {
        let base = self.quarter.or_else(|| {
            let d = self.dct?;
            let (y, m) = add_months(d.year(), d.month(), -3);
            Some((y, (m - 1) / 3 + 1))
        });
        match base {
            Some((y, q)) => format!("{:04}-Q{q}", y + years),
            None => "XXXX-QX".to_string(),
        }
    }

    fn season(&self, season: u8, year: YearRef, tense: Tense) -> String {
        let code = SEASONS[usize::from(season.saturating_sub(1)).min(3)];
        let start_month = [3, 6, 9, 12][usize::from(season.saturating_sub(1)).min(3)];
        let y = match year {
            YearRef::Abs(y) => Some(y),
            YearRef::Rel(n) => self.dct.map(|d| d.year() + n),
            YearRef::Implicit(dir) => self.dct.map(|d| {
                let y = d.year();
                let started = d.month() >= start_month;
                match (dir, tense) {
                    (Dir::Last, _) => {
                        if started && d.month() >= start_month + 3 {
                            y
                        } else {
                            y - 1
                        }
                    }
                    (Dir::Next, _) => {
                        if started {
                            y + 1
                        } else {
                            y
                        }
                    }
                    (Dir::Bare, Tense::Past) => {
                        if started {
                            y
                        } else {
                            y - 1
                        }
                    }
                    _ => y,
                }
            }),
        };
        match y {
            Some(y) => format!("{y:04}-{code}"),
            None => format!("XXXX-{code}"),
        }
    }
}

fn unresolved(unit: Unit) -> String {
    match unit {
        Unit::Day => "XXXX-XX-XX",
        Unit::Week | Unit::Weekend | Unit::Fortnight => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        _ => "XXXX",
    }
    .to_string()
}

fn duration(amount: Amount, unit: Unit) -> String {
    match amount {
        Amount::Num(n) => duration_value(n, unit),
        Amount::Vague => {
            let v = duration_value(1.0, unit);
            match unit {
                Unit::Decade => "PXE".to_string(),
                Unit::Century => "PXC".to_string(),
                _ => v.replace('1', "X"),
            }
        }
    }
}

/// How many units "the coming days" or "recent weeks" stand for.
fn vague_count(unit: Unit) -> f64 {
    match unit {
        Unit::Day => 7.0,
        Unit::Week => 6.0,
        Unit::Month => 6.0,
        _ => 3.0,
    }
}

/// A date shifted by a (possibly fractional) number of units.
pub fn shift_by(d: NaiveDate, unit: Unit, n: f64) -> Option<NaiveDate> {
    let days = |k: f64| add_days(d, k.round() as i64);
    match unit {
        Unit::Second | Unit::Minute => Some(d),
        Unit::Hour => days(n / 24.0),
        Unit::Day => days(n),
        Unit::Week | Unit::Weekend => days(7.0 * n),
        Unit::Fortnight => days(14.0 * n),
        Unit::Month => months_f(d, n),
        Unit::Quarter => months_f(d, 3.0 * n),
        Unit::Year => months_f(d, 12.0 * n),
        Unit::Decade => months_f(d, 120.0 * n),
        Unit::Century => months_f(d, 1200.0 * n),
        Unit::Millennium => months_f(d, 12000.0 * n),
    }
}

fn months_f(d: NaiveDate, n: f64) -> Option<NaiveDate> {
    let whole = n.trunc() as i32;
    let m = shift_months(d, whole)?;
    add_days(m, (n.fract() * 30.0).round() as i64)
}

/// Narrows a period to its start, middle or end third ("early 2024", "before month's end").
fn narrow(t: &mut TimeValue, m: Mod) {
    let (Some(s), Some(e)) = (t.start, t.end) else {
        return;
    };
    let len = (e - s).num_days();
    if len < 3 {
        return;
    }
    let third = len / 3;
    let (ns, ne) = match m {
        Mod::Start => (Some(s), add_days(s, third)),
        Mod::Mid => (add_days(s, third), add_days(s, 2 * third)),
        Mod::End => (add_days(e, -third), Some(e)),
    };
    t.start = ns.or(Some(s));
    t.end = ne.or(Some(e));
    t.approximate = true;
}
