//! The choices of the facet pickers (`a` `o` `K` `s`), counted over the current view's items so
//! the numbers say how many rows each choice leaves.

use super::action::{Facet, View};
use super::app::{PickOption, Picker, State};
use super::filter::{Filter, Matcher};
use crate::model::Status;
use std::collections::BTreeMap;

/// The facet values an item of the current view has.
fn values(state: &State, facet: Facet, item: usize) -> Vec<Filter> {
    let cat = &state.catalog;
    let tl = &state.timeline;
    match (state.view, facet) {
        (View::Timeline, Facet::Actor) => cat.events[item]
            .actors
            .iter()
            .cloned()
            .map(Filter::Actor)
            .collect(),
        (View::Timeline, Facet::Outlet) => cat.events[item]
            .outlets
            .iter()
            .cloned()
            .map(Filter::Outlet)
            .collect(),
        (View::Timeline, Facet::Kind) => vec![Filter::Kind(tl.events[item].kind)],
        (View::Timeline, Facet::Status) => vec![Filter::Status(tl.events[item].status)],
        (View::Quotes, Facet::Actor) => {
            let s = &cat.quotes[item].speaker;
            if s.is_empty() {
                vec![]
            } else {
                vec![Filter::Actor(s.clone())]
            }
        }
        (View::Quotes, Facet::Outlet) => vec![Filter::Outlet(cat.quotes[item].outlet.clone())],
        (View::Quotes, Facet::Kind) => cat.quotes[item]
            .event
            .map(|e| Filter::Kind(tl.events[e].kind))
            .into_iter()
            .collect(),
        (View::Quotes, Facet::Status) => cat.quotes[item]
            .event
            .map(|e| Filter::Status(tl.events[e].status))
            .into_iter()
            .collect(),
        (View::Sources, Facet::Actor) => cat.doc_facets()[item]
            .actors
            .iter()
            .cloned()
            .map(Filter::Actor)
            .collect(),
        (View::Sources, Facet::Outlet) => vec![Filter::Outlet(cat.docs[item].outlet.clone())],
        (View::Sources, Facet::Kind) => cat.doc_facets()[item]
            .kinds
            .iter()
            .copied()
            .map(Filter::Kind)
            .collect(),
        (View::Sources, Facet::Status) => cat.doc_facets()[item]
            .statuses
            .iter()
            .copied()
            .map(Filter::Status)
            .collect(),
        (_, Facet::Date | Facet::Form) => Vec::new(),
    }
}

/// The current view's rows under the active filters, less those of `facet` unless `keep_facet`.
fn rows_under(state: &State, facet: Facet, keep_facet: bool) -> Vec<usize> {
    let filters: Vec<Filter> = state
        .filters
        .iter()
        .filter(|f| keep_facet || f.facet() != Some(facet))
        .cloned()
        .collect();
    crate::tui::search::rows::filtered_by(state, state.view, &filters)
}

/// A picker for `facet` over the current view: "any" first, then values by count. The counts
/// are of the rows the other active filters leave, so each says how many rows a choice shows.
/// An actor is added to the actors already chosen, which events must all have: there the
/// counts are of the rows they leave (a quote's one speaker is any of them: counted apart).
pub fn picker(state: &State, facet: Facet) -> Picker {
    let mut counts: BTreeMap<String, (usize, Filter)> = BTreeMap::new();
    let without = rows_under(state, facet, false);
    let adds = facet == Facet::Actor && state.view != View::Quotes;
    let rows = if adds {
        rows_under(state, facet, true)
    } else {
        without.clone()
    };
    let any = without.len();
    for &item in &rows {
        for f in values(state, facet, item) {
            let label = match &f {
                Filter::Actor(s) | Filter::Outlet(s) => s.clone(),
                Filter::Kind(k) => k.as_str().to_string(),
                Filter::Status(Status::Past) => "past".into(),
                Filter::Status(Status::Planned) => "planned".into(),
                other => other.label(),
            };
            counts.entry(label).or_insert((0, f)).0 += 1;
        }
    }
    let mut values: Vec<(String, usize, Filter)> =
        counts.into_iter().map(|(l, (c, f))| (l, c, f)).collect();
    values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut options = vec![PickOption {
        label: format!("any {}", facet.name()),
        count: any,
        filter: None,
    }];
    options.extend(values.into_iter().map(|(label, count, f)| PickOption {
        label,
        count,
        filter: Some(f),
    }));
    let current = state.filters.iter().find(|f| f.facet() == Some(facet));
    let selected = current
        .and_then(|c| options.iter().position(|o| o.filter.as_ref() == Some(c)))
        .unwrap_or(0);
    let mut p = Picker {
        facet,
        query: String::new(),
        shown: (0..options.len()).collect(),
        options,
        selected: 0,
    };
    p.selected = selected;
    p
}

/// Narrows the picker to the options matching its query ("any" always stays).
pub fn narrow(p: &mut Picker) {
    let m = Matcher::new(&p.query);
    p.shown = (0..p.options.len())
        .filter(|&i| {
            i == 0
                || m.as_ref().is_none_or(|m| {
                    let l = p.options[i].label.as_str();
                    m.matches(&super::filter::blob([l]), || [l].into_iter())
                })
        })
        .collect();
    // With a query, Enter takes the best match, not "any".
    p.selected = if p.query.trim().is_empty() || p.shown.len() < 2 {
        p.selected.min(p.shown.len().saturating_sub(1))
    } else {
        1
    };
}
