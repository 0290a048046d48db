//! Which items each view shows under the active filters. Facets are exact comparisons; the query
//! goes through [`Matcher`]. Views share one set of filters, each applying what makes sense for it.
//!
//! Typing must cost a keystroke's time at hundreds of thousands of items, so each view keeps a
//! [`Memo`]: the rows of the last few queries, each a prefix of the next. A query grown by a
//! character searches only the rows of the longest remembered query that [`narrows`] to it
//! (matching is monotone, see [`super::query`]), a backspace finds its rows ready, and a search
//! of many rows is shared between the cores. Rows stay in display order, so nothing is sorted.

use super::action::View;
use super::app::State;
use super::filter::{Filter, Matcher};
use super::query::narrows;
use chrono::NaiveDate;
use rayon::prelude::*;

/// From this many candidates a search is split between threads.
const PARALLEL_FROM: usize = 4_096;
/// How many queries a memo remembers (each up to one row list).
const MAX_STEPS: usize = 16;

/// The rows of one view for recent queries under one set of facets.
#[derive(Default)]
pub struct Memo {
    facets: Option<Vec<Filter>>,
    /// (query, rows), oldest first; the first is the blank query: the facets alone.
    steps: Vec<(String, Vec<usize>)>,
}

impl Memo {
    /// The items of `view` that pass every filter of `state`, in display order.
    pub fn rows(&mut self, state: &State, view: View) -> Vec<usize> {
        let facets: Vec<Filter> = state
            .filters
            .iter()
            .filter(|f| f.facet().is_some())
            .cloned()
            .collect();
        let query = state.query().unwrap_or("");
        if self.facets.as_ref() != Some(&facets) {
            self.steps = vec![(String::new(), faceted(state, view, &facets))];
            self.facets = Some(facets);
        }
        while self
            .steps
            .last()
            .is_some_and(|(q, _)| q != query && !narrows(q, query))
        {
            self.steps.pop();
        }
        let Some((last, candidates)) = self.steps.last() else {
            // Unreachable: the blank query narrows to every query. Start over all the same.
            self.facets = None;
            return self.rows(state, view);
        };
        if last == query {
            return candidates.clone();
        }
        // Items in `candidates` already match the terms the two queries share.
        let rows = match Matcher::beyond(last, query) {
            Some(m) => search(state, view, &m, candidates),
            None => candidates.clone(),
        };
        if self.steps.len() >= MAX_STEPS {
            self.steps.remove(1);
        }
        self.steps.push((query.to_string(), rows.clone()));
        rows
    }
}

/// The items of `view` that pass every filter (no memo: a fresh search).
pub fn filtered(state: &State, view: View) -> Vec<usize> {
    Memo::default().rows(state, view)
}

/// The `candidates` that `m` matches, in their order.
pub fn search(state: &State, view: View, m: &Matcher, candidates: &[usize]) -> Vec<usize> {
    let cat = &state.catalog;
    let test = |i: usize| match view {
        View::Timeline => {
            let (mask, blob) = cat.event_blobs.item(i);
            m.matches_masked(mask, blob, || {
                cat.events[i].fields.iter().map(String::as_str)
            })
        }
        View::Quotes => {
            let (mask, blob) = cat.quote_blobs.item(i);
            m.matches_masked(mask, blob, || {
                cat.quotes[i].fields.iter().map(String::as_str)
            })
        }
        View::Sources => {
            let (mask, blob) = cat.doc_blobs.item(i);
            m.matches_masked(mask, blob, || cat.docs[i].fields.iter().map(String::as_str))
        }
    };
    if candidates.len() >= PARALLEL_FROM {
        candidates
            .par_iter()
            .copied()
            .filter(|&i| test(i))
            .collect()
    } else {
        candidates.iter().copied().filter(|&i| test(i)).collect()
    }
}

/// The items of `view` that pass the facet filters, in display order.
fn faceted(state: &State, view: View, facets: &[Filter]) -> Vec<usize> {
    let cat = &state.catalog;
    let tl = &state.timeline;
    match view {
        View::Timeline => cat
            .event_order
            .iter()
            .copied()
            .filter(|&i| {
                let e = || &cat.events[i];
                let ev = || &tl.events[i];
                facets.iter().all(|f| match f {
                    Filter::Actor(a) => e().actors.contains(a),
                    Filter::Outlet(o) => e().outlets.contains(o),
                    Filter::Kind(k) => ev().kind == *k,
                    Filter::Status(s) => ev().status == *s,
                    Filter::Dates(r) => period_in(e().start, e().end, |s, t| r.overlaps(s, t)),
                    Filter::Query(_) => true,
                })
            })
            .collect(),
        View::Quotes => (0..cat.quotes.len())
            .filter(|&i| {
                let q = &cat.quotes[i];
                let event = q.event.map(|e| &tl.events[e]);
                facets.iter().all(|f| match f {
                    Filter::Actor(a) => q.speaker == *a,
                    Filter::Outlet(o) => q.outlet == *o,
                    Filter::Kind(k) => event.is_some_and(|e| e.kind == *k),
                    Filter::Status(s) => event.is_some_and(|e| e.status == *s),
                    Filter::Dates(r) => q.date.is_some_and(|d| r.overlaps(d, d)),
                    Filter::Query(_) => true,
                })
            })
            .collect(),
        View::Sources => (0..cat.docs.len())
            .filter(|&i| {
                let d = &cat.docs[i];
                let published = tl.documents[i].published.date;
                facets.iter().all(|f| match f {
                    Filter::Actor(a) => d.actors.contains(a),
                    Filter::Outlet(o) => d.outlet == *o,
                    Filter::Kind(k) => d.kinds.contains(k),
                    Filter::Status(s) => d.statuses.contains(s),
                    Filter::Dates(r) => published.is_some_and(|p| r.overlaps(p, p)),
                    Filter::Query(_) => true,
                })
            })
            .collect(),
    }
}

fn period_in(
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    test: impl Fn(NaiveDate, NaiveDate) -> bool,
) -> bool {
    match (start, end) {
        (Some(s), Some(e)) => test(s, e),
        (Some(s), None) => test(s, s),
        _ => false,
    }
}
