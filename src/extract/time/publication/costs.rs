//! What a publication-date clue costs on each candidate day, and the memo that shares those
//! costs: kept apart from [`super::clues`] (what the clues are and how an article's text yields
//! them) because scoring reads costs millions of times and reads nothing else of a clue.

use super::super::Tense;
use super::super::calendar::add_days;
use super::clues::Clue;
use super::resolutions::{CostKey, CostTable, resolved_start, with_costs, with_resolved_starts};
use chrono::NaiveDate;

impl Clue {
    /// The clue's cost when the article was published on each day of `lo..=hi` (0 = fully
    /// consistent), one value a day, appended to `out`.
    pub fn costs(&self, lo: NaiveDate, hi: NaiveDate, out: &mut Vec<f64>) {
        if lo > hi {
            return;
        }
        match self {
            Clue::Near {
                sem,
                tense,
                per_day,
                ceiling,
                key,
                lead,
                ..
            } => with_resolved_starts(*key, sem, *tense, lo, hi, |starts| {
                // Days counted as integers from `lo`: the gap to a start is then a subtraction,
                // and a start (the same for runs of days) is converted once per run.
                let mut last: Option<(Option<NaiveDate>, Option<i64>)> = None;
                let mut d = lo;
                for i in 0.. {
                    // Past the memo's run only at the end of the calendar.
                    let start = match starts.get(i) {
                        Some(s) => *s,
                        None => resolved_start(sem, *tense, d),
                    };
                    let offset = match last {
                        Some((s, o)) if s == start => o,
                        _ => {
                            let o = start.map(|s| (s - lo).num_days() + lead);
                            last = Some((start, o));
                            o
                        }
                    };
                    let gap = offset.map(|o| i as i64 - o);
                    out.push(near_gap_cost(gap, *tense, *per_day, *ceiling));
                    match d.succ_opt() {
                        Some(next) if next <= hi => d = next,
                        _ => break,
                    }
                }
            }),
            _ => {
                let mut d = lo;
                while d <= hi {
                    out.push(self.cost(d));
                    let Some(next) = d.succ_opt() else { break };
                    d = next;
                }
            }
        }
    }

    /// Adds the clue's cost on each day of `lo..=hi` to `totals` (one entry a day), the values
    /// [`Clue::costs`] gives; a day-precision clue's are remembered per thread (see
    /// [`with_costs`]), since articles share most expressions.
    pub fn add_costs(&self, lo: NaiveDate, hi: NaiveDate, totals: &mut [f64], ahead: &CostTable) {
        // Past or future: 2 on the days before (after) the expression's period, 0 on the others
        // (added too: a sum that starts at -0.0 must become +0.0 as before).
        if let Clue::Order {
            start, end, after, ..
        } = self
        {
            let days = |d: NaiveDate| (d - lo).num_days().clamp(0, totals.len() as i64) as usize;
            let (cost_before, split, cost_after) = match after {
                true => (2.0, days(*start), 0.0),
                false => (0.0, add_days(*end, 1).map_or(totals.len(), days), 2.0),
            };
            let (before, rest) = totals.split_at_mut(split);
            before.iter_mut().for_each(|t| *t += cost_before);
            rest.iter_mut().for_each(|t| *t += cost_after);
            return;
        }
        let Some(key) = self.cost_key() else {
            let mut d = lo;
            for total in totals.iter_mut() {
                *total += self.cost(d);
                match d.succ_opt() {
                    Some(next) => d = next,
                    None => break,
                }
            }
            return;
        };
        if let Some(row) = ahead.get(&key, lo, hi) {
            for (total, cost) in totals.iter_mut().zip(row) {
                *total += cost;
            }
            return;
        }
        let mut done = 0;
        with_costs(
            key,
            lo,
            hi,
            |from, to, out| self.costs(from, to, out),
            |row| {
                for (total, cost) in totals.iter_mut().zip(row) {
                    *total += cost;
                }
                done = row.len().min(totals.len());
            },
        );
        // Only at the end of the calendar is the remembered run short.
        if done < totals.len()
            && let Some(from) = add_days(lo, done as i64)
        {
            let mut rest = Vec::new();
            self.costs(from, hi, &mut rest);
            for (total, cost) in totals[done..].iter_mut().zip(rest) {
                *total += cost;
            }
        }
    }

    /// The clue's cost on day `d`, as [`Clue::add_costs`] counts it.
    pub fn cost_on(&self, d: NaiveDate, ahead: &CostTable) -> f64 {
        let mut total = [0.0];
        self.add_costs(d, d, &mut total, ahead);
        total[0]
    }

    /// What a day-precision clue's costs are remembered under (see [`with_costs`]).
    pub fn cost_key(&self) -> Option<CostKey> {
        match self {
            Clue::Near {
                per_day,
                ceiling,
                key,
                lead,
                ..
            } => Some((
                key.wrapping_add((*lead as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)),
                per_day.to_bits(),
                ceiling.to_bits(),
            )),
            _ => None,
        }
    }

    /// The clue's cost when the article was published on `d` (0 = fully consistent).
    pub fn cost(&self, d: NaiveDate) -> f64 {
        match self {
            Clue::Near {
                sem,
                tense,
                per_day,
                ceiling,
                key,
                lead,
                ..
            } => {
                let mut start = None;
                with_resolved_starts(*key, sem, *tense, d, d, |starts| {
                    start = Some(match starts.first() {
                        Some(s) => *s,
                        None => resolved_start(sem, *tense, d),
                    });
                });
                let start = start.flatten().and_then(|s| add_days(s, *lead));
                near_cost(start, d, *tense, *per_day, *ceiling)
            }
            Clue::Window { from, to, .. } => {
                if d < *from {
                    5.0 + (*from - d).num_days() as f64 / 30.0
                } else if d > *to {
                    5.0 + (d - *to).num_days() as f64 / 30.0
                } else {
                    0.0
                }
            }
            Clue::Order {
                start, end, after, ..
            } => {
                if (*after && d < *start) || (!*after && d > *end) {
                    2.0
                } else {
                    0.0
                }
            }
            Clue::Calendar {
                month,
                day,
                weekday,
                future,
                lead,
                ..
            } => match lead {
                Some(lead) => lead_cost(d, *month, *day, *weekday, *lead),
                None => calendar_cost(d, *month, *day, *weekday, *future),
            },
        }
    }
}

/// How far the day `d` lies from the nearest date `month`-`day` that falls on `weekday`, on the
/// side the tense puts it (before publication when past): half a point a day, at most 15.
fn calendar_cost(d: NaiveDate, month: u32, day: u32, weekday: u32, future: bool) -> f64 {
    const CEILING: f64 = 15.0;
    use chrono::Datelike;
    let fits = |y: i32| {
        NaiveDate::from_ymd_opt(y, month, day)
            .filter(|x| x.weekday().number_from_monday() == weekday)
    };
    let y = d.year();
    let gap = (y - 1..=y + 1)
        .filter_map(fits)
        .map(|x| {
            if future {
                (x - d).num_days()
            } else {
                (d - x).num_days()
            }
        })
        .filter(|g| *g >= 0)
        .min();
    gap.map_or(CEILING, |g| (g as f64 * 0.5).min(CEILING))
}

/// The cost of a coming month-day named by its weekday too, `lead` days after publication (at
/// least, at most): none when a date that fits the calendar lies so far ahead of `d`, else the
/// most a clue costs.
fn lead_cost(d: NaiveDate, month: u32, day: u32, weekday: u32, lead: (i64, i64)) -> f64 {
    use chrono::Datelike;
    let fits = |y: i32| {
        NaiveDate::from_ymd_opt(y, month, day)
            .filter(|x| x.weekday().number_from_monday() == weekday)
    };
    let y = d.year();
    let ahead = (y..=y + 1)
        .filter_map(fits)
        .any(|x| (lead.0..=lead.1).contains(&(x - d).num_days()));
    if ahead { 0.0 } else { 15.0 }
}

/// The cost of a day-precision clue whose expression, read on day `d`, starts on `start`.
fn near_cost(
    start: Option<NaiveDate>,
    d: NaiveDate,
    tense: Tense,
    per_day: f64,
    ceiling: f64,
) -> f64 {
    near_gap_cost(start.map(|s| (d - s).num_days()), tense, per_day, ceiling)
}

/// [`near_cost`] from the days between the start and the candidate day (none: no start).
fn near_gap_cost(gap: Option<i64>, tense: Tense, per_day: f64, ceiling: f64) -> f64 {
    let Some(gap) = gap else {
        return ceiling;
    };
    let gap = if tense == Tense::Future { -gap } else { gap };
    if gap < 0 {
        return ceiling;
    }
    (gap as f64 * per_day).min(ceiling)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn past_and_future_clues_add_what_they_cost_day_by_day() {
        let windows = [
            (day(2024, 3, 1), day(2024, 3, 31)),
            (day(2024, 3, 12), day(2024, 3, 14)),
            (day(2023, 1, 1), day(2023, 1, 5)),
            (day(2025, 6, 1), day(2025, 6, 2)),
            (day(2024, 3, 10), day(2024, 3, 10)),
        ];
        for after in [true, false] {
            let clue = Clue::Order {
                text: Span::new(0, 4),
                start: day(2024, 3, 10),
                end: day(2024, 3, 20),
                after,
            };
            for (lo, hi) in windows {
                let days: Vec<NaiveDate> = lo.iter_days().take_while(|d| *d <= hi).collect();
                let mut got = vec![-0.0; days.len()];
                clue.add_costs(lo, hi, &mut got, &CostTable::default());
                let want: Vec<f64> = days.iter().map(|d| -0.0 + clue.cost(*d)).collect();
                // Bit for bit: +0.0 and -0.0 order differently when days are compared.
                let bits = |v: &[f64]| v.iter().map(|c| c.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&got), bits(&want), "after {after}, {lo}..={hi}");
            }
        }
    }
}
