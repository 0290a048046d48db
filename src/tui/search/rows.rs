//! Which items each view shows under the active filters. Facets are exact comparisons; the query
//! goes through [`Matcher`]. Views share one set of filters, each applying what makes sense for it.
//!
//! Typing must cost a keystroke's time at hundreds of thousands of items, so each view keeps a
//! [`Memo`]: the rows of the last few queries, each a prefix of the next. A query grown by a
//! character searches only the rows of the longest remembered query that [`narrows`] to it
//! (matching is monotone, see [`crate::tui::search::query`]), a backspace finds its rows ready, and a search
//! of many rows is shared between the cores. Rows stay in display order, so nothing is sorted.
//! Each row also remembers where its match of the last term ended, so that one more character
//! of that term is looked for from there ([`crate::tui::search::narrowing`]).

use crate::tui::action::View;
use crate::tui::app::State;
use crate::tui::filter::{Filter, Form, Matcher};
use crate::tui::search::narrowing::{Growth, Reach};
use crate::tui::search::query::narrows;
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
    /// Oldest first; the first is the blank query: the facets alone.
    steps: Vec<Step>,
}

/// The rows of one query, and where each row's match of the query's last term ended (empty
/// when unknown), for the same query grown by a character.
struct Step {
    query: String,
    rows: Vec<usize>,
    reach: Vec<Reach>,
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
            let rows = faceted(state, view, &facets);
            self.steps = vec![Step {
                query: String::new(),
                rows,
                reach: Vec::new(),
            }];
            self.facets = Some(facets);
        }
        while self
            .steps
            .last()
            .is_some_and(|s| s.query != query && !narrows(&s.query, query))
        {
            self.steps.pop();
        }
        let Some(last) = self.steps.last() else {
            // Unreachable: the blank query narrows to every query. Start over all the same.
            self.facets = None;
            return self.rows(state, view);
        };
        if last.query == query {
            return last.rows.clone();
        }
        // Items in `last.rows` already match the terms the two queries share.
        let step = match (
            Growth::new(&last.query, query),
            Matcher::beyond(&last.query, query),
        ) {
            (Some(g), _) if last.reach.len() == last.rows.len() => {
                let (rows, reach) = grow(state, view, &g, &last.rows, &last.reach);
                Step {
                    query: query.to_string(),
                    rows,
                    reach,
                }
            }
            (_, Some(m)) => {
                let (rows, reach) = search_reach(state, view, &m, &last.rows);
                Step {
                    query: query.to_string(),
                    rows,
                    reach,
                }
            }
            // Only blanks were added: the same terms, the same reach.
            (_, None) => Step {
                query: query.to_string(),
                rows: last.rows.clone(),
                reach: last.reach.clone(),
            },
        };
        if self.steps.len() >= MAX_STEPS {
            self.steps.remove(1);
        }
        let rows = step.rows.clone();
        self.steps.push(step);
        rows
    }
}

impl Memo {
    /// Where each row of the last query's rows matched its last term (empty when unknown).
    pub fn last_reach(&self) -> &[Reach] {
        self.steps.last().map_or(&[], |s| s.reach.as_slice())
    }
}

/// The items of `view` that pass every filter (no memo: a fresh search).
pub fn filtered(state: &State, view: View) -> Vec<usize> {
    Memo::default().rows(state, view)
}

/// The items of `view` that pass `filters` (not necessarily the active ones: a picker counts
/// what each of its choices would leave).
pub fn filtered_by(state: &State, view: View, filters: &[Filter]) -> Vec<usize> {
    let facets: Vec<Filter> = filters
        .iter()
        .filter(|f| f.facet().is_some())
        .cloned()
        .collect();
    let rows = faceted(state, view, &facets);
    let query = filters.iter().find_map(|f| match f {
        Filter::Query(q) => Matcher::new(q),
        _ => None,
    });
    match query {
        Some(m) => search(state, view, &m, &rows),
        None => rows,
    }
}

/// The `candidates` that `m` matches, in their order.
pub fn search(state: &State, view: View, m: &Matcher, candidates: &[usize]) -> Vec<usize> {
    search_reach(state, view, m, candidates).0
}

/// An item's fields (read only when a blob cannot settle a match: the load is a cache miss).
fn fields(state: &State, view: View, i: usize) -> impl Iterator<Item = &str> {
    let cat = &state.catalog;
    match view {
        View::Timeline => Fields::Event(cat.events[i].fields(&cat.quotes)),
        View::Quotes => Fields::Quote(cat.quotes[i].fields().into_iter()),
        View::Sources => Fields::Doc(cat.docs[i].fields().into_iter()),
    }
}

/// The fields of an event, a quote or a document, as one iterator type.
enum Fields<E, Q, D> {
    Event(E),
    Quote(Q),
    Doc(D),
}

impl<'a, E, Q, D> Iterator for Fields<E, Q, D>
where
    E: Iterator<Item = &'a str>,
    Q: Iterator<Item = &'a str>,
    D: Iterator<Item = &'a str>,
{
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        match self {
            Fields::Event(e) => e.next(),
            Fields::Quote(q) => q.next(),
            Fields::Doc(d) => d.next(),
        }
    }
}

/// The `candidates` that `m` matches, in their order, with where each match of the last term
/// ended.
fn search_reach(
    state: &State,
    view: View,
    m: &Matcher,
    candidates: &[usize],
) -> (Vec<usize>, Vec<Reach>) {
    // Waited for here, not in the threads below (see [`crate::tui::search::texts`]).
    let blobs = state.catalog.blobs(view);
    let test = |i: usize| {
        let (mask, start, blob) = blobs.item_at(i);
        m.reach_masked(mask, blob, || fields(state, view, i))
            .map(|r| (i, r.offset(start)))
    };
    if candidates.len() >= PARALLEL_FROM {
        candidates.par_iter().filter_map(|&i| test(i)).unzip()
    } else {
        candidates.iter().filter_map(|&i| test(i)).unzip()
    }
}

/// The `candidates` (whose last term's matches reached `reach`) that still match when that
/// term grows as `g` says, with their new reach.
fn grow(
    state: &State,
    view: View,
    g: &Growth,
    candidates: &[usize],
    reach: &[Reach],
) -> (Vec<usize>, Vec<Reach>) {
    let blobs = state.catalog.blobs(view);
    let all = blobs.all();
    let test = |(&i, &from): (&usize, &Reach)| {
        if let Some(r) = g.go_on(from, all) {
            return Some((i, r));
        }
        let (mask, start, blob) = blobs.item_at(i);
        g.again(mask, blob, || fields(state, view, i))
            .map(|r| (i, r.offset(start)))
    };
    if candidates.len() >= PARALLEL_FROM {
        candidates.par_iter().zip(reach).filter_map(test).unzip()
    } else {
        candidates.iter().zip(reach).filter_map(test).unzip()
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
                    Filter::Query(_) | Filter::Form(_) => true,
                })
            })
            .collect(),
        View::Quotes => cat
            .quote_order
            .iter()
            .copied()
            .filter(|&i| {
                let q = &cat.quotes[i];
                let event = q.event.map(|e| &tl.events[e]);
                // A quote has one speaker: with several actors chosen it is any of them ("quotes
                // by Macron and Merz"); events and sources must have all of them.
                let mut actors = facets.iter().filter_map(|f| match f {
                    Filter::Actor(a) => Some(a),
                    _ => None,
                });
                let mut actors_given = actors.clone().peekable();
                if actors_given.peek().is_some() && !actors.any(|a| q.speaker == *a) {
                    return false;
                }
                facets.iter().all(|f| match f {
                    Filter::Actor(_) => true,
                    Filter::Outlet(o) => q.outlet == *o,
                    Filter::Kind(k) => event.is_some_and(|e| e.kind == *k),
                    Filter::Status(s) => event.is_some_and(|e| e.status == *s),
                    Filter::Dates(r) => q.date.is_some_and(|d| r.overlaps(d, d)),
                    Filter::Form(f) => q.reported == (*f == Form::Reported),
                    Filter::Query(_) => true,
                })
            })
            .collect(),
        View::Sources => cat
            .doc_order
            .iter()
            .copied()
            .filter(|&i| {
                let d = &cat.docs[i];
                let published = tl.documents[i].published.date;
                facets.iter().all(|f| match f {
                    Filter::Actor(a) => cat.doc_facets()[i].actors.contains(a),
                    Filter::Outlet(o) => d.outlet == *o,
                    Filter::Kind(k) => cat.doc_facets()[i].kinds.contains(k),
                    Filter::Status(s) => cat.doc_facets()[i].statuses.contains(s),
                    Filter::Dates(r) => published.is_some_and(|p| r.overlaps(p, p)),
                    Filter::Query(_) | Filter::Form(_) => true,
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
