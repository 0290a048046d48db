//! Publication-date inference for articles that carry no date.
//!
//! Each undated article's expressions become soft constraints on its publication date (DCT):
//! a past-tense weekday must lie a few days before it, a year-less "August 15" somewhat before it,
//! "almost four years" of a war that "began in February 2022" puts it in a window, and so on
//! ([`super::clues`]). The constraints are scored on every day of a window of candidate years, and
//! the cheapest day wins when it clearly beats days outside its neighbourhood. Articles whose own
//! clues are periodic (a weekday alone) or absent take the date their corpus neighbours agree on,
//! still subject to their own constraints. Metadata and `--dct` dates are never overridden.

use super::calendar::{add_days, day_value};
use super::clues::{Clue, consistent_intersection, doc_clues};
use super::{Expression, analyse};
use crate::model::{DateSource, Document, Published};
use chrono::NaiveDate;

/// How much a neighbour's date pulls an undetermined article, per day of distance.
const NEIGHBOUR_PULL: f64 = 0.3;
/// How much better the best day must be than any day outside its neighbourhood.
const MARGIN: f64 = 1.0;

/// Fills in `published` for documents that have no date, from clues in their text and their neighbours.
pub fn infer_publication_dates(docs: &mut [Document]) {
    if docs
        .iter()
        .all(|d| d.published.source != DateSource::Unknown)
    {
        return;
    }
    let analysed: Vec<Vec<Expression>> = docs
        .iter()
        .map(|d| {
            analyse(&d.text)
                .into_iter()
                .filter(|e| !d.is_chrome(e.span.start))
                .collect()
        })
        .collect();
    let clues: Vec<Vec<Clue>> = docs
        .iter()
        .zip(&analysed)
        .map(|(d, a)| doc_clues(&d.text, a))
        .collect();

    // Candidate window: the intersection of the windows the articles' clues allow; else the known
    // dates; else the latest year the texts mention.
    let Some((lo, hi)) = corpus_window(docs, &clues, &analysed) else {
        return;
    };

    // Round 1: articles whose own clues fix a day.
    let mut determined: Vec<Option<(NaiveDate, Vec<String>)>> = vec![None; docs.len()];
    for (k, doc) in docs.iter().enumerate() {
        if doc.published.source != DateSource::Unknown {
            if let Some(d) = doc.published.date {
                determined[k] = Some((d, Vec::new()));
            }
            continue;
        }
        if let Some((day, notes)) = best_day(&clues[k], lo, hi, None) {
            determined[k] = Some((day, notes));
        }
    }
    // Round 2: the others take their neighbours' date, within their own constraints.
    let anchors: Vec<(usize, NaiveDate)> = determined
        .iter()
        .enumerate()
        .filter_map(|(k, d)| d.as_ref().map(|(day, _)| (k, *day)))
        .collect();
    let mut results = determined.clone();
    for k in 0..docs.len() {
        if docs[k].published.source != DateSource::Unknown || determined[k].is_some() {
            continue;
        }
        let Some(consensus) = neighbour_consensus(docs, k, &anchors) else {
            continue;
        };
        if let Some((day, mut notes)) = best_day(&clues[k], lo, hi, Some(consensus)) {
            notes.push(format!(
                "corpus neighbours agree on {}",
                day_value(consensus)
            ));
            results[k] = Some((day, notes));
        }
    }
    for (k, (doc, result)) in docs.iter_mut().zip(results).enumerate() {
        if doc.published.source != DateSource::Unknown {
            continue;
        }
        if let Some((date, mut notes)) = result {
            if !clues[k].iter().any(|c| matches!(c, Clue::Window { .. })) {
                notes.push(format!(
                    "the corpus dates put it between {} and {}",
                    day_value(lo),
                    day_value(hi)
                ));
            }
            notes.dedup();
            let mut seen = std::collections::HashSet::new();
            notes.retain(|n| seen.insert(n.clone()));
            let clues = notes;
            doc.published = Published {
                date: Some(date),
                source: DateSource::Inferred,
                clues,
            };
        }
    }
}

/// The window of candidate days for the corpus.
fn corpus_window(
    docs: &[Document],
    clues: &[Vec<Clue>],
    analysed: &[Vec<Expression>],
) -> Option<(NaiveDate, NaiveDate)> {
    let windows: Vec<Clue> = clues
        .iter()
        .flatten()
        .filter(|c| matches!(c, Clue::Window { .. }))
        .cloned()
        .collect();
    if let Some(w) = consistent_intersection(&windows) {
        return Some(w);
    }
    let known: Vec<NaiveDate> = docs.iter().filter_map(|d| d.published.date).collect();
    if let (Some(min), Some(max)) = (known.iter().min(), known.iter().max()) {
        return Some((add_days(*min, -31)?, add_days(*max, 31)?));
    }
    let latest = analysed
        .iter()
        .flatten()
        .filter(|e| e.tense != super::Tense::Future)
        .filter_map(|e| match e.sem {
            super::Sem::Year(y) => Some(y),
            super::Sem::Date {
                year: super::sem::YearRef::Abs(y),
                ..
            } => Some(y),
            _ => None,
        })
        .max()?;
    Some((
        NaiveDate::from_ymd_opt(latest, 1, 1)?,
        NaiveDate::from_ymd_opt(latest + 1, 12, 31)?,
    ))
}

/// The cheapest day of the window for these clues, if it is clearly the best.
fn best_day(
    clues: &[Clue],
    lo: NaiveDate,
    hi: NaiveDate,
    neighbour: Option<NaiveDate>,
) -> Option<(NaiveDate, Vec<String>)> {
    let day_clues: Vec<&Clue> = clues.iter().filter(|c| c.is_daily()).collect();
    if day_clues.is_empty() && neighbour.is_none() {
        return None;
    }
    let mut scored: Vec<(f64, NaiveDate)> = Vec::new();
    let mut d = lo;
    while d <= hi {
        let mut cost: f64 = clues.iter().map(|c| c.cost(d)).sum();
        if let Some(n) = neighbour {
            cost += NEIGHBOUR_PULL * (d - n).num_days().abs() as f64;
        }
        scored.push((cost, d));
        d = d.succ_opt()?;
    }
    let (best_cost, best) = scored
        .iter()
        .copied()
        .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))?;
    let rival = scored
        .iter()
        .filter(|(_, d)| (*d - best).num_days().abs() > 2)
        .map(|(c, _)| *c)
        .fold(f64::INFINITY, f64::min);
    if neighbour.is_none() && rival - best_cost < MARGIN {
        return None;
    }
    let notes = clues
        .iter()
        .filter(|c| c.cost(best) < c.cost_ceiling())
        .map(|c| c.describe())
        .collect();
    Some((best, notes))
}

/// The date the documents most like document `k` agree on (the similarity-weighted median).
fn neighbour_consensus(
    docs: &[Document],
    k: usize,
    anchors: &[(usize, NaiveDate)],
) -> Option<NaiveDate> {
    let words = |d: &Document| -> std::collections::HashSet<String> {
        d.text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 3 && w.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_string)
            .collect()
    };
    let mine = words(&docs[k]);
    let mut weighted: Vec<(NaiveDate, f64)> = anchors
        .iter()
        .filter(|(j, _)| *j != k)
        .map(|(j, d)| {
            let theirs = words(&docs[*j]);
            let inter = mine.intersection(&theirs).count() as f64;
            let union = mine.union(&theirs).count().max(1) as f64;
            (*d, inter / union)
        })
        .filter(|(_, w)| *w >= 0.05)
        .collect();
    if weighted.is_empty() {
        return None;
    }
    weighted.sort_by_key(|(d, _)| *d);
    let total: f64 = weighted.iter().map(|(_, w)| w).sum();
    let mut acc = 0.0;
    for (d, w) in &weighted {
        acc += w;
        if acc >= total / 2.0 {
            return Some(*d);
        }
    }
    weighted.last().map(|(d, _)| *d)
}
