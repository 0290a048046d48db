//! Where a day-precision expression starts when read on each candidate publication day, remembered.
//!
//! Scoring an undated article resolves each of its clues on every day of its candidate window, and
//! the articles of one corpus share most expressions ("on Monday", "last week"). Resolution is a
//! pure function of the expression's meaning, its tense and the day, so each thread keeps, per
//! expression, the resolutions of a run of consecutive days: scoring a clue over a window is one
//! lookup and a slice, not a hash lookup (or a resolution through TIMEX3 strings) per day.
//! The costs a clue derives from those resolutions are remembered the same way, so scoring a
//! window is one addition per clue and day.

use super::super::calendar::{add_days, period};
use super::super::normalise::Context;
use super::super::recognise::Found;
use super::super::{Sem, Tense};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Where an expression of meaning `sem` in a clause of `tense` starts when read on day `d`.
pub fn resolved_start(sem: &Sem, tense: Tense, d: NaiveDate) -> Option<NaiveDate> {
    let found = Found {
        start: 0,
        end: 0,
        sem: sem.clone(),
        approx: false,
        modifier: None,
    };
    let n = Context::new(Some(d)).resolve(&found, tense);
    period(&n.value).map(|(start, _, _)| start)
}

/// The resolutions of one expression on a run of consecutive days, from `first`.
struct Resolutions {
    first: NaiveDate,
    starts: Vec<Option<NaiveDate>>,
}

/// How many remembered resolutions a thread keeps before it forgets them all.
const MEMO_DAYS: usize = 1 << 22;

/// Calls `f` with where the expression (`sem`, `tense`) starts when read on each day of `lo..=hi` (`lo <= hi`). Scoring an
/// undated article resolves each of its expressions on every candidate day, and articles of one
/// corpus share most of them ("on Monday", "last week"), so the results are kept per thread, as a
/// run of days per expression (a pure function of the key and the day): one lookup per clue and
/// window, not per day.
pub fn with_resolved_starts(
    key: u64,
    sem: &Sem,
    tense: Tense,
    lo: NaiveDate,
    hi: NaiveDate,
    f: impl FnOnce(&[Option<NaiveDate>]),
) {
    thread_local! {
        static MEMO: RefCell<(FxHashMap<u64, Resolutions>, usize)> = RefCell::new(Default::default());
    }
    MEMO.with(|m| {
        let mut guard = m.borrow_mut();
        let (memo, days) = &mut *guard;
        if *days > MEMO_DAYS {
            memo.clear();
            *days = 0;
        }
        let row = memo.entry(key).or_insert_with(|| Resolutions {
            first: lo,
            starts: Vec::new(),
        });
        if row.starts.is_empty() {
            row.first = lo;
        }
        // Grow the run to cover lo..=hi: earlier days in front, later days behind.
        if lo < row.first {
            let mut front = Vec::new();
            let mut d = lo;
            while d < row.first {
                front.push(resolved_start(sem, tense, d));
                d = d.succ_opt().unwrap_or(row.first);
            }
            *days += front.len();
            front.append(&mut row.starts);
            row.starts = front;
            row.first = lo;
        }
        let mut next = add_days(row.first, row.starts.len() as i64);
        while let Some(d) = next
            && d <= hi
        {
            row.starts.push(resolved_start(sem, tense, d));
            *days += 1;
            next = d.succ_opt();
        }
        let from = (lo - row.first).num_days() as usize;
        let to = ((hi - row.first).num_days() as usize + 1).min(row.starts.len());
        f(row.starts.get(from..to).unwrap_or(&[]));
    });
}

/// What a clue's cost row is remembered under: its expression's [`with_resolved_starts`] key and
/// the bits of its cost per day and ceiling (the row is a pure function of the three).
pub type CostKey = (u64, u64, u64);

/// A run of consecutive days' costs of one clue, from `first`.
struct CostRow {
    first: NaiveDate,
    costs: Vec<f64>,
}

/// Calls `f` with the costs of the clue remembered under `key` on each day of `lo..=hi`
/// (`lo <= hi`), computing the days not yet remembered with `fill(from, to, out)`, which must append
/// one cost per day of `from..=to`. Near the end of the calendar the slice may be shorter.
pub fn with_costs(
    key: CostKey,
    lo: NaiveDate,
    hi: NaiveDate,
    mut fill: impl FnMut(NaiveDate, NaiveDate, &mut Vec<f64>),
    f: impl FnOnce(&[f64]),
) {
    thread_local! {
        static COSTS: RefCell<(FxHashMap<CostKey, CostRow>, usize)> = RefCell::new(Default::default());
    }
    COSTS.with(|m| {
        let mut guard = m.borrow_mut();
        let (memo, days) = &mut *guard;
        if *days > MEMO_DAYS {
            memo.clear();
            *days = 0;
        }
        let row = memo.entry(key).or_insert_with(|| CostRow {
            first: lo,
            costs: Vec::new(),
        });
        let before = row.costs.len();
        if row.costs.is_empty() {
            row.first = lo;
            fill(lo, hi, &mut row.costs);
        } else {
            if lo < row.first
                && let Some(last) = row.first.pred_opt()
            {
                let mut front = Vec::with_capacity((row.first - lo).num_days() as usize + before);
                fill(lo, last, &mut front);
                front.extend_from_slice(&row.costs);
                row.costs = front;
                row.first = lo;
            }
            if let Some(next) = add_days(row.first, row.costs.len() as i64)
                && next <= hi
            {
                fill(next, hi, &mut row.costs);
            }
        }
        *days += row.costs.len() - before;
        let from = (lo - row.first).num_days() as usize;
        let to = ((hi - row.first).num_days() as usize + 1).min(row.costs.len());
        f(row.costs.get(from..to).unwrap_or(&[]));
    });
}

/// Cost rows computed ahead, once per clue, over every window that will read it, on all cores:
/// scoring reads them instead of each thread filling its own memo with the same rows.
#[derive(Default)]
pub struct CostTable {
    rows: FxHashMap<CostKey, CostRow>,
}

impl CostTable {
    /// Rows for the clues `wanted` names, each with the window to cost it over and `fill` (as
    /// [`with_costs`] takes it); a clue named for several windows gets one row over all of them.
    pub fn new<F>(wanted: impl Iterator<Item = (CostKey, NaiveDate, NaiveDate, F)>) -> Self
    where
        F: Fn(NaiveDate, NaiveDate, &mut Vec<f64>) + Sync,
    {
        use rayon::prelude::*;
        let mut spans: FxHashMap<CostKey, (NaiveDate, NaiveDate, F)> = FxHashMap::default();
        for (key, lo, hi, fill) in wanted {
            if lo > hi {
                continue;
            }
            let span = spans.entry(key).or_insert((lo, hi, fill));
            span.0 = span.0.min(lo);
            span.1 = span.1.max(hi);
        }
        let spans: Vec<(CostKey, (NaiveDate, NaiveDate, F))> = spans.into_iter().collect();
        let rows = spans
            .par_iter()
            .map(|(key, (lo, hi, fill))| {
                let mut costs = Vec::with_capacity((*hi - *lo).num_days() as usize + 1);
                fill(*lo, *hi, &mut costs);
                (*key, CostRow { first: *lo, costs })
            })
            .collect();
        CostTable { rows }
    }

    /// The costs of the clue under `key` on each day of `lo..=hi`, when computed ahead.
    pub fn get(&self, key: &CostKey, lo: NaiveDate, hi: NaiveDate) -> Option<&[f64]> {
        let row = self.rows.get(key)?;
        if lo < row.first || lo > hi {
            return None;
        }
        let from = (lo - row.first).num_days() as usize;
        let to = (hi - row.first).num_days() as usize + 1;
        row.costs.get(from..to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::time::analyse;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn remembered_runs_equal_fresh_resolutions_whatever_order_windows_come_in() {
        let exprs = analyse("Minister Jane Holt spoke on Monday, and the talks end on Friday.");
        assert_eq!(exprs.len(), 2);
        let windows = [
            (day(2024, 3, 10), day(2024, 3, 20)),
            (day(2024, 2, 25), day(2024, 3, 12)),
            (day(2024, 5, 1), day(2024, 5, 3)),
            (day(2024, 3, 15), day(2024, 3, 15)),
        ];
        for (n, e) in exprs.iter().enumerate() {
            for (lo, hi) in windows {
                let mut got = Vec::new();
                with_resolved_starts(1000 + n as u64, &e.sem, e.tense, lo, hi, |s| {
                    got = s.to_vec()
                });
                let fresh: Vec<_> = lo
                    .iter_days()
                    .take_while(|d| *d <= hi)
                    .map(|d| resolved_start(&e.sem, e.tense, d))
                    .collect();
                assert_eq!(got, fresh);
                assert!(got.iter().all(Option::is_some));
            }
        }
    }

    #[test]
    fn remembered_costs_equal_fresh_ones_whatever_order_windows_come_in() {
        // A cost that is a known function of the day: the day number since the common era.
        let fill = |from: NaiveDate, to: NaiveDate, out: &mut Vec<f64>| {
            out.extend(
                from.iter_days()
                    .take_while(|d| *d <= to)
                    .map(|d| f64::from(chrono::Datelike::num_days_from_ce(&d))),
            );
        };
        let windows = [
            (day(2024, 3, 10), day(2024, 3, 20)),
            (day(2024, 2, 25), day(2024, 3, 12)),
            (day(2024, 5, 1), day(2024, 5, 3)),
            (day(2023, 12, 30), day(2024, 1, 2)),
            (day(2024, 3, 15), day(2024, 3, 15)),
        ];
        for (lo, hi) in windows {
            let mut got = Vec::new();
            with_costs((7, 1, 2), lo, hi, fill, |c| got = c.to_vec());
            let mut fresh = Vec::new();
            fill(lo, hi, &mut fresh);
            assert_eq!(got, fresh, "{lo}..={hi}");
            assert_eq!(got.len() as i64, (hi - lo).num_days() + 1);
        }
    }
}
