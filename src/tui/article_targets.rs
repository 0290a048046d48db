//! The places in articles that a selection can open: an event's quotes and mentions, a quote, a
//! document. `update` opens them and the detail pane lists them, from this one definition.

use super::action::View;
use super::app::State;
use crate::model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub doc: usize,
    pub span: Option<Span>,
    pub quote: Option<usize>,
}

/// The targets of the selected item, in the order the detail pane lists them.
pub fn of_selection(state: &State) -> Vec<Target> {
    let Some(item) = state.selected_item() else {
        return Vec::new();
    };
    let cat = &state.catalog;
    let tl = &state.timeline;
    let quote_target = |q: usize| {
        Some(Target {
            doc: cat.quotes[q].doc?,
            span: Some(cat.quotes[q].span),
            quote: Some(q),
        })
    };
    match state.view {
        View::Timeline => {
            let mut out: Vec<Target> = cat.events[item]
                .quotes
                .iter()
                .filter_map(|&q| quote_target(q))
                .collect();
            out.extend(tl.events[item].mentions.iter().filter_map(|m| {
                Some(Target {
                    doc: *cat.doc_by_id.get(&m.doc)?,
                    span: Some(m.span),
                    quote: None,
                })
            }));
            out
        }
        View::Quotes => quote_target(item).into_iter().collect(),
        View::Sources => vec![Target {
            doc: item,
            span: None,
            quote: None,
        }],
    }
}
