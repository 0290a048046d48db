//! Resolution of each kind of meaning against the reference date: which year a year-less month
//! falls in, which Monday "Monday" is, what "a year ago" is in an article about quarterly results.
//! These are the calendar rules of news prose; [`super::normalise`] decides what to call and keeps
//! the anaphora state.

use super::calendar::{
    add_days, add_months, day_value, period, quarter_of, shift_months, week_value, weekday_number,
    ymd,
};
use super::lexicon::{HolidayDay, SEASONS, Unit};
use super::normalise::Context;
use super::recognise::amounts::duration_value;
use super::sem::{Amount, Dir, Origin, YearRef};
use super::tense::Tense;
use crate::model::Precision;
use chrono::{Datelike, NaiveDate};

/// How many months a year-less date may lie on the "wrong" side of the DCT for its tense.
const TENSE_MONTHS: i32 = 2;
/// Without tense, a year-less month up to this many months ahead is this year's; further ahead,
/// it is the one before (news reports the past more than it announces the future).
const AHEAD_MONTHS: i32 = 5;

impl Context {
    pub(super) fn year_for(
        &self,
        year: YearRef,
        month: u32,
        day: Option<u32>,
        tense: Tense,
    ) -> Option<i32> {
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

    pub(super) fn date(&self, year: YearRef, month: u32, day: Option<u32>, tense: Tense) -> String {
        match (self.year_for(year, month, day, tense), day) {
            (Some(y), Some(d)) if ymd(y, month, d).is_some() => format!("{y:04}-{month:02}-{d:02}"),
            (Some(y), None) => format!("{y:04}-{month:02}"),
            (None, Some(d)) => format!("XXXX-{month:02}-{d:02}"),
            _ => format!("XXXX-{month:02}"),
        }
    }

    pub(super) fn weekday(&self, day: u32, dir: Dir, tense: Tense) -> String {
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

    pub(super) fn shift(&self, unit: Unit, n: i32, origin: Origin) -> String {
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

    pub(super) fn offset(&self, amount: Amount, unit: Unit, sign: i32, origin: Origin) -> String {
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

    pub(super) fn quarter(&self, q: u32, year: YearRef, tense: Tense) -> String {
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

    pub(super) fn that_quarter(&self, years: i32) -> String {
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

    pub(super) fn season(&self, season: u8, year: YearRef, tense: Tense) -> String {
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

    /// A holiday's date: fixed ("Christmas") or the n-th weekday of its month ("Thanksgiving").
    pub(super) fn holiday(
        &self,
        month: u32,
        day: HolidayDay,
        year: YearRef,
        tense: Tense,
    ) -> String {
        let typical = match day {
            HolidayDay::Fixed(d) => d,
            HolidayDay::Nth { .. } => 15,
        };
        let Some(y) = self.year_for(year, month, Some(typical), tense) else {
            return match day {
                HolidayDay::Fixed(d) => format!("XXXX-{month:02}-{d:02}"),
                HolidayDay::Nth { .. } => format!("XXXX-{month:02}"),
            };
        };
        let date = match day {
            HolidayDay::Fixed(d) => ymd(y, month, d),
            HolidayDay::Nth { weekday, n } => nth_weekday(y, month, weekday, n),
        };
        date.map_or_else(|| format!("{y:04}-{month:02}"), day_value)
    }
}

pub(super) fn unresolved(unit: Unit) -> String {
    match unit {
        Unit::Day => "XXXX-XX-XX",
        Unit::Week | Unit::Weekend | Unit::Fortnight => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        _ => "XXXX",
    }
    .to_string()
}

pub(super) fn duration(amount: Amount, unit: Unit) -> String {
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
pub(super) fn vague_count(unit: Unit) -> f64 {
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

/// The n-th `weekday` (1 = Monday) of a month; n = -1 is the last.
fn nth_weekday(y: i32, month: u32, weekday: u32, n: i32) -> Option<NaiveDate> {
    let first = ymd(y, month, 1)?;
    let offset = (weekday as i64 - weekday_number(first) as i64).rem_euclid(7);
    let first_match = add_days(first, offset)?;
    if n > 0 {
        let d = add_days(first_match, 7 * (i64::from(n) - 1))?;
        return (d.month() == month).then_some(d);
    }
    let mut d = first_match;
    while let Some(next) = add_days(d, 7).filter(|x| x.month() == month) {
        d = next;
    }
    Some(d)
}
