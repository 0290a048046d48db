//! Which items each view shows under the active filters. Facets are exact comparisons; the query
//! goes through [`Matcher`]. Views share one set of filters, each applying what makes sense for it.

use super::action::View;
use super::app::State;
use super::filter::{Filter, Matcher};
use chrono::NaiveDate;

/// The items of `view` that pass every filter, in display order.
pub fn filtered(state: &State, view: View) -> Vec<usize> {
    let matcher = state.filters.iter().find_map(|f| match f {
        Filter::Query(q) => Matcher::new(q),
        _ => None,
    });
    let facets: Vec<&Filter> = state
        .filters
        .iter()
        .filter(|f| f.facet().is_some())
        .collect();
    let cat = &state.catalog;
    let tl = &state.timeline;
    let matcher = matcher.as_ref();
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
                }) && query_ok(matcher, cat.event_blobs.get(i), || {
                    cat.events[i].fields.iter()
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
                }) && query_ok(matcher, cat.quote_blobs.get(i), || {
                    cat.quotes[i].fields.iter()
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
                }) && query_ok(matcher, cat.doc_blobs.get(i), || cat.docs[i].fields.iter())
            })
            .collect(),
    }
}

/// Whether the query (if any) matches. `fields` index the catalog inside the closure: a reference
/// taken outside would let the compiler load every item's field list up front, a cache miss each.
fn query_ok<'a>(
    matcher: Option<&Matcher>,
    blob: &str,
    fields: impl Fn() -> std::slice::Iter<'a, String>,
) -> bool {
    matcher.is_none_or(|m| m.matches(blob, || fields().map(String::as_str)))
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
