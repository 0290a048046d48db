//! The normaliser: turns a recognised meaning ([`Sem`]) into a TIMEX3 type and value and a calendar
//! [`TimeValue`], against the publication date, the tense of the clause and the last date the text
//! mentioned (for "the previous week", "a year earlier", "the quarter").

use super::TimexType;
use super::calendar::{add_days, day_value, period, week_value};
use super::lexicon::DAYPARTS;
use super::recognise::{Found, Mod};
use super::resolve::{duration, shift_by, vague_count};
use super::sem::{Amount, Dir, Origin, Ref, Sem, YearRef};
use super::tense::Tense;
use crate::model::{Precision, TimeValue};
use chrono::{Datelike, NaiveDate};

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
    pub(super) fn origin_day(&self, origin: Origin) -> Option<NaiveDate> {
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
                (Date, self.holiday(*month, *day, *year, tense), None)
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
            // "Sunday night": news annotation (TimeML as practised) dates it to the day.
            Sem::DayPart { day, .. } if matches!(**day, Sem::Weekday { .. }) => {
                (Date, self.value(day, tense).1, None)
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
