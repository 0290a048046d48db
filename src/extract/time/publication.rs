//! Publication-date inference for articles that carry no date.
//!
//! Each undated article's expressions become soft constraints on its publication date (DCT):
//! a past-tense weekday must lie a few days before it, a year-less "August 15" somewhat before it,
//! "almost four years" of a war that "began in February 2022" puts it in a window, and so on
//! ([`super::clues`]). The constraints are scored on every day of a window of candidate days, and
//! the cheapest day wins when it clearly beats days outside its neighbourhood. Articles whose own
//! clues are periodic (a weekday alone) or absent take the date their corpus neighbours — the
//! articles that share the most names with them — agree on, still subject to their own
//! constraints. Metadata and `--dct` dates are never overridden.

use super::calendar::{add_days, day_value};
use super::clues::{Clue, doc_clues, intersect_windows, window_spans};
use super::neighbours::NameIndex;
use super::resolutions::CostTable;
use super::sem::YearRef;
use super::{Expression, Sem, Tense, analyse};
use crate::model::{DateSource, Document, Published};
use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashSet;
use std::collections::HashSet;

/// How much a neighbour's date pulls an undetermined article, per day of distance.
const NEIGHBOUR_PULL: f64 = 0.3;
/// How much better the best day must be than any day outside its neighbourhood.
const MARGIN: f64 = 1.0;
/// The share of capitalised words two articles must have in common to count as neighbours.
const NEIGHBOURS: f64 = 0.05;
/// How far from the neighbours' date an article's own date is looked for.
const NEIGHBOUR_DAYS: i64 = 31;

type Window = (NaiveDate, NaiveDate);
/// A chosen day and the clues that explain it.
type Dated = Option<(NaiveDate, Vec<String>)>;

/// Fills in `published` for documents that have no date, from clues in their text and their neighbours.
pub fn infer_publication_dates(docs: &mut [Document]) {
    infer_publication_dates_analysed(docs);
}

/// [`infer_publication_dates`], also handing back what it analysed: each document's expressions
/// ([`analyse`], site chrome included), for extraction to resolve against the final dates instead
/// of analysing every text again. `None` when every document already had a date.
pub fn infer_publication_dates_analysed(docs: &mut [Document]) -> Option<Vec<Vec<Expression>>> {
    if docs
        .iter()
        .all(|d| d.published.source != DateSource::Unknown)
    {
        return None;
    }
    // One pass per article: its expressions, and from those in its own prose (not its site
    // chrome) its clues and the latest year it mentions; and its names.
    let (all, own): (Vec<Vec<Expression>>, Vec<Own>) = docs
        .par_iter()
        .map(|d| {
            let all = analyse(&d.text);
            let prose: Vec<&Expression> =
                all.iter().filter(|e| !d.is_chrome(e.span.start)).collect();
            let own = Own {
                clues: doc_clues(&d.text, &prose),
                latest: latest_year(&d.text, &prose),
                names: names_of(&d.text),
            };
            (all, own)
        })
        .unzip();
    let clues: Vec<&[Clue]> = own.iter().map(|o| o.clues.as_slice()).collect();
    let names: Vec<&[&str]> = own.iter().map(|o| o.names.as_slice()).collect();
    let undated: Vec<bool> = docs
        .iter()
        .map(|d| d.published.source == DateSource::Unknown)
        .collect();
    let index = NameIndex::new(&names);

    // Each article's window clues, read many times over as a neighbour's.
    let windows: Vec<Vec<Window>> = clues.iter().map(|c| window_spans(c)).collect();
    // Neighbours are searched only for the articles whose result can depend on them: in round 1
    // those without a window of their own, when some article has a window or a date to lend.
    let lenders = docs
        .iter()
        .zip(&windows)
        .any(|(d, w)| !w.is_empty() || d.published.date.is_some());
    let searched: Vec<bool> = (0..docs.len())
        .map(|k| undated[k] && lenders && intersect_windows(windows[k].clone()).is_none())
        .collect();
    let mut neighbours = index.neighbours(&searched, NEIGHBOURS);
    // Round 1: articles whose own clues fix a day (known dates count as fixed).
    let windows: Vec<Option<Window>> = (0..docs.len())
        .into_par_iter()
        .map(|k| match undated[k] {
            true => window(k, docs, &windows, own[k].latest, &neighbours[k]),
            false => None,
        })
        .collect();
    let ahead = costs_ahead(&clues, &windows);
    let results: Vec<Dated> = (0..docs.len())
        .into_par_iter()
        .map(|k| {
            if !undated[k] {
                return docs[k].published.date.map(|d| (d, Vec::new()));
            }
            let text = &docs[k].text;
            let scored = |(lo, hi)| best_day(text, clues[k], lo, hi, None, &ahead);
            windows[k].and_then(scored)
        })
        .collect();
    // Round 2 reads the neighbours of the articles round 1 left undated.
    let wanted: Vec<bool> = (0..docs.len())
        .map(|k| undated[k] && results[k].is_none() && !searched[k])
        .collect();
    let more = index.neighbours(&wanted, NEIGHBOURS);
    for (k, found) in more.into_iter().enumerate() {
        if wanted[k] {
            neighbours[k] = found;
        }
    }
    // Round 2: the others take their neighbours' date, within their own constraints.
    let fixed = &results;
    let results: Vec<Option<(NaiveDate, Vec<String>)>> = (0..docs.len())
        .into_par_iter()
        .map(|k| {
            if !undated[k] || fixed[k].is_some() {
                return fixed[k].clone();
            }
            let text = &docs[k].text;
            from_neighbours(text, clues[k], windows[k], &neighbours[k], fixed, &ahead)
        })
        .collect();
    let own_window: Vec<bool> = clues
        .iter()
        .map(|c| c.iter().any(|c| matches!(c, Clue::Window { .. })))
        .collect();
    for (k, (doc, result)) in docs.iter_mut().zip(results).enumerate() {
        if doc.published.source != DateSource::Unknown {
            continue;
        }
        let Some((date, mut notes)) = result else {
            continue;
        };
        if !own_window[k]
            && let Some((lo, hi)) = windows[k]
        {
            notes.push(format!(
                "neighbouring articles put it between {} and {}",
                day_value(lo),
                day_value(hi)
            ));
        }
        let mut seen = HashSet::new();
        notes.retain(|n| seen.insert(n.clone()));
        doc.published = Published {
            date: Some(date),
            source: DateSource::Inferred,
            clues: notes,
        };
    }
    Some(all)
}

/// Round 2 for one article: the day its neighbours agree on, within its own constraints.
fn from_neighbours(
    text: &str,
    clues: &[Clue],
    window: Option<Window>,
    neighbours: &[(usize, f64)],
    fixed: &[Option<(NaiveDate, Vec<String>)>],
    ahead: &CostTable,
) -> Option<(NaiveDate, Vec<String>)> {
    let consensus = consensus(neighbours, fixed)?;
    let near_lo = add_days(consensus, -NEIGHBOUR_DAYS)?;
    let near_hi = add_days(consensus, NEIGHBOUR_DAYS)?;
    let (lo, hi) = match window {
        Some((lo, hi)) => (lo.max(near_lo), hi.min(near_hi)),
        None => (near_lo, near_hi),
    };
    if lo > hi {
        return None;
    }
    let (day, mut notes) = best_day(text, clues, lo, hi, Some(consensus), ahead)?;
    notes.push(format!(
        "corpus neighbours agree on {}",
        day_value(consensus)
    ));
    Some((day, notes))
}

/// The cost rows round 1 will read: each day-precision clue of an article that is scored, over
/// its window (computed once per distinct clue, on every core).
fn costs_ahead(clues: &[&[Clue]], windows: &[Option<Window>]) -> CostTable {
    let wanted = clues.iter().zip(windows).flat_map(|(clues, window)| {
        // As in `best_day`: only articles with a day-precision clue are scored.
        let (lo, hi) = window
            .filter(|(_, hi)| *hi != NaiveDate::MAX && clues.iter().any(Clue::is_daily))
            .unwrap_or((NaiveDate::MAX, NaiveDate::MIN));
        clues.iter().filter_map(move |c| {
            let fill = move |from, to, out: &mut Vec<f64>| c.costs(from, to, out);
            Some((c.cost_key()?, lo, hi, fill))
        })
    });
    CostTable::new(wanted)
}

/// Whether a bare year only names a thing, as a modifier after a determiner ("the 2015 nuclear deal",
/// "its 2014 annexation"): such years lie anywhere in the past and say nothing of the present.
fn names_a_thing(text: &str, e: &Expression) -> bool {
    let before = text.get(..e.span.start).unwrap_or("");
    let word_before = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let after = text.get(e.span.end..).unwrap_or("");
    let determiner = matches!(
        word_before.as_str(),
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that"
    );
    determiner
        && after.starts_with(' ')
        && after[1..].chars().next().is_some_and(char::is_lowercase)
}

/// The candidate days for article `k`: its own window; else the windows its neighbours agree on;
/// else a month around its neighbours' known dates; else the latest year it mentions and the next.
fn window(
    k: usize,
    docs: &[Document],
    windows: &[Vec<Window>],
    latest: Option<i32>,
    neighbours: &[(usize, f64)],
) -> Option<Window> {
    if let Some(w) = intersect_windows(windows[k].clone()) {
        return Some(w);
    }
    let theirs: Vec<(NaiveDate, NaiveDate)> = neighbours
        .iter()
        .flat_map(|(j, _)| windows[*j].iter().copied())
        .collect();
    if let Some(w) = intersect_windows(theirs) {
        return Some(w);
    }
    let known: Vec<NaiveDate> = neighbours
        .iter()
        .filter_map(|(j, _)| docs[*j].published.date)
        .collect();
    if let (Some(min), Some(max)) = (known.iter().min(), known.iter().max()) {
        return Some((
            add_days(*min, -NEIGHBOUR_DAYS)?,
            add_days(*max, NEIGHBOUR_DAYS)?,
        ));
    }
    let latest = latest?;
    Some((
        NaiveDate::from_ymd_opt(latest, 1, 1)?,
        NaiveDate::from_ymd_opt(latest + 1, 12, 31)?,
    ))
}

/// The cheapest day of the window for these clues, if it is clearly the best (or, with a
/// neighbour's date to lean on, simply the cheapest).
fn best_day(
    text: &str,
    clues: &[Clue],
    lo: NaiveDate,
    hi: NaiveDate,
    neighbour: Option<NaiveDate>,
    ahead: &CostTable,
) -> Option<(NaiveDate, Vec<String>)> {
    if neighbour.is_none() && !clues.iter().any(Clue::is_daily) {
        return None;
    }
    // The last day of the calendar has no successor: such a window was never scored.
    if lo > hi || hi == NaiveDate::MAX {
        return None;
    }
    let days = (hi - lo).num_days() as usize + 1;
    // Each day's total, summed clue by clue in the clues' order (each clue's costs over the whole
    // window at once, remembered across articles): the same float as summing each day's costs in
    // that order (`Iterator::sum` starts from -0.0 too).
    let mut totals = vec![-0.0; days];
    for c in clues {
        c.add_costs(lo, hi, &mut totals, ahead);
    }
    // Days as their index in the window: consecutive days, so index differences are day counts.
    let pull_from = neighbour.map(|n| (n - lo).num_days());
    let scored: Vec<f64> = totals
        .into_iter()
        .enumerate()
        .map(|(day, cost)| match pull_from {
            Some(n) => cost + NEIGHBOUR_PULL * (day as i64 - n).abs() as f64,
            None => cost,
        })
        .collect();
    // The cheapest day, the earliest of equals.
    let (best_day, best_cost) = scored
        .iter()
        .copied()
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))?;
    let rival = scored
        .iter()
        .enumerate()
        .filter(|(day, _)| day.abs_diff(best_day) > 2)
        .map(|(_, c)| *c)
        .fold(f64::INFINITY, f64::min);
    if neighbour.is_none() && rival - best_cost < MARGIN {
        return None;
    }
    let best = add_days(lo, best_day as i64)?;
    let notes = clues
        .iter()
        .filter(|c| c.cost_on(best, ahead) < c.cost_ceiling())
        .map(|c| c.describe(text))
        .collect();
    Some((best, notes))
}

/// What an article's own text says, read once: its clues, the latest year it mentions (outside the
/// future and the years that only name a thing) and its names.
struct Own<'a> {
    clues: Vec<Clue>,
    latest: Option<i32>,
    names: Vec<&'a str>,
}

/// The latest year the expressions mention as a present or past year, for [`window`].
fn latest_year(text: &str, exprs: &[&Expression]) -> Option<i32> {
    exprs
        .iter()
        .filter(|e| {
            e.tense != Tense::Future && !(matches!(e.sem, Sem::Year(_)) && names_a_thing(text, e))
        })
        .filter_map(|e| match e.sem {
            Sem::Year(y)
            | Sem::Date {
                year: YearRef::Abs(y),
                ..
            } => Some(y),
            _ => None,
        })
        .max()
}

/// Capitalised words of four letters or more: a cheap fingerprint of who and where a story is about.
/// Each once, in the order of their first use (the order the corpus vocabulary is numbered in).
/// Words are the runs of letters and digits; ASCII bytes are classified without decoding.
fn names_of(text: &str) -> Vec<&str> {
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    // The start of the word being read, when one is.
    let mut start: Option<usize> = None;
    let mut at = 0;
    let mut end_word = |from: usize, to: usize| {
        let w = &text[from..to];
        let upper = match bytes[from] {
            b if b < 0x80 => b.is_ascii_uppercase(),
            _ => w.chars().next().is_some_and(char::is_uppercase),
        };
        if w.len() > 3 && upper && seen.insert(w) {
            out.push(w);
        }
    };
    while at < bytes.len() {
        let b = bytes[at];
        let (word, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            // `at` is on a character boundary: every step moves by a whole character.
            let c = text[at..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        match (word, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                end_word(from, at);
                start = None;
            }
            _ => {}
        }
        at += len;
    }
    if let Some(from) = start {
        end_word(from, bytes.len());
    }
    out
}

/// The date the neighbours with a fixed date agree on (the similarity-weighted median).
fn consensus(
    neighbours: &[(usize, f64)],
    fixed: &[Option<(NaiveDate, Vec<String>)>],
) -> Option<NaiveDate> {
    let mut weighted: Vec<(NaiveDate, f64)> = neighbours
        .iter()
        .filter_map(|(j, w)| fixed[*j].as_ref().map(|(d, _)| (*d, *w)))
        .collect();
    weighted.sort_by_key(|(d, _)| *d);
    let total: f64 = weighted.iter().map(|(_, w)| w).sum();
    let mut acc = 0.0;
    for (d, w) in &weighted {
        acc += w;
        if acc >= total / 2.0 {
            return Some(*d);
        }
    }
    None
}

#[cfg(test)]
mod names_tests {
    use super::names_of;
    use proptest::prelude::*;

    /// The plain definition the scan must agree with.
    fn by_split(text: &str) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 3 && w.chars().next().is_some_and(char::is_uppercase))
            .filter(|w| seen.insert(*w))
            .collect()
    }

    #[test]
    fn names_are_capitalised_words_once_each_in_first_use_order() {
        let text = "Minister Jane Holt met Holt's rival, Émile Ångström, in Zürich; HOLT \
                    and Ωmega2 left. Jane Holt";
        assert_eq!(
            names_of(text),
            [
                "Minister",
                "Jane",
                "Holt",
                "Émile",
                "Ångström",
                "Zürich",
                "HOLT",
                "Ωmega2"
            ]
        );
        assert_eq!(names_of(text), by_split(text));
    }

    proptest! {
        #[test]
        fn the_scan_splits_as_the_definition_does(
            text in "([A-Za-z0-9 ,.'-]|É|é|ß|Ω|ω|İ|ǅ|٣|中|\u{00a0}|\u{2019}){0,60}"
        ) {
            prop_assert_eq!(names_of(&text), by_split(&text));
        }
    }
}
