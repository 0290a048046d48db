//! Moving between places: opening an article at a quote, the back/forward stacks (like a browser),
//! and scrolling and stepping through quotes inside an article.

use super::action::Action;
use super::app::{Mode, SourceView, State};
use super::layout::{self, article_size};
use super::update::{Effect, copy, show};
use super::views::text::{line_at, wrap};
use crate::tui::article_targets::Target;
use std::ops::Range;

/// The wrapped lines of the open article and the visible height.
fn geometry(state: &mut State, doc: usize) -> Option<(Vec<Range<usize>>, usize)> {
    let (w, h) = article_size(&layout::areas(state));
    let art = state.article(doc)?;
    Some((wrap(&art.text, w), h))
}

/// The `top` offset that shows the original offset `at` a third of the way down.
fn top_for(state: &mut State, doc: usize, at: usize) -> usize {
    let Some((lines, h)) = geometry(state, doc) else {
        return 0;
    };
    let Some(art) = state.articles.get(&doc) else {
        return 0;
    };
    let line = line_at(&lines, art.map(at));
    let max_top = lines.len().saturating_sub(h);
    let top = line.saturating_sub(h / 3).min(max_top);
    lines.get(top).map_or(0, |r| r.start)
}

/// Opens an article at a target, remembering where the user was.
pub fn open(state: &mut State, target: Target) {
    let here = state.place();
    state.back.push(here);
    state.forward.clear();
    // Compute the scroll with the article layout (the source view has its own areas).
    state.source = Some(SourceView {
        doc: target.doc,
        highlight: target.span,
        quote: target.quote,
        top: 0,
    });
    let _ = state.article(target.doc);
    let top = target
        .span
        .map_or(0, |s| top_for(state, target.doc, s.start));
    if let Some(src) = &mut state.source {
        src.top = top;
    }
}

pub fn back(state: &mut State) {
    if let Some(place) = state.back.pop() {
        let here = state.place();
        state.forward.push(here);
        state.restore(place);
    } else if state.source.is_some() {
        state.source = None;
    }
}

pub fn forward(state: &mut State) {
    if let Some(place) = state.forward.pop() {
        let here = state.place();
        state.back.push(here);
        state.restore(place);
    }
}

fn scroll(state: &mut State, action: Action) {
    let Some(src) = state.source else { return };
    let Some((lines, h)) = geometry(state, src.doc) else {
        return;
    };
    let cur = line_at(&lines, src.top);
    let max_top = lines.len().saturating_sub(h);
    let half = h.div_ceil(2).max(1);
    let to = match action {
        Action::Down => cur + 1,
        Action::ScrollDown => cur + 3,
        Action::Up => cur.saturating_sub(1),
        Action::ScrollUp => cur.saturating_sub(3),
        Action::Top => 0,
        Action::Bottom => max_top,
        Action::HalfPageDown => cur + half,
        Action::HalfPageUp => cur.saturating_sub(half),
        Action::PageDown => cur + h.saturating_sub(1).max(1),
        Action::PageUp => cur.saturating_sub(h.saturating_sub(1).max(1)),
        _ => cur,
    }
    .min(max_top);
    if let (Some(r), Some(s)) = (lines.get(to), &mut state.source) {
        s.top = r.start;
    }
}

/// Steps to the next (or previous) quote of the article, scrolling it into view.
fn step_quote(state: &mut State, next: bool) {
    let Some(src) = state.source else { return };
    let quotes = &state.catalog.docs[src.doc].quotes;
    let spans = &state.timeline.quotes;
    let here = src.highlight.map(|s| s.start);
    let found = if next {
        quotes
            .iter()
            .copied()
            .find(|&q| here.is_none_or(|h| spans[q].span.start > h))
    } else {
        quotes
            .iter()
            .rev()
            .copied()
            .find(|&q| here.is_some_and(|h| spans[q].span.start < h))
    };
    let Some(q) = found else {
        state.message = Some(
            if next {
                "no more quotes below"
            } else {
                "no more quotes above"
            }
            .into(),
        );
        return;
    };
    let span = spans[q].span;
    if let Some(s) = &mut state.source {
        s.highlight = Some(span);
        s.quote = Some(q);
    }
    let Some((lines, h)) = geometry(state, src.doc) else {
        return;
    };
    let Some(art) = state.articles.get(&src.doc) else {
        return;
    };
    let (first, last) = (
        line_at(&lines, art.map(span.start)),
        line_at(&lines, art.map(span.end)),
    );
    let top = line_at(&lines, src.top);
    if first < top || last >= top + h {
        let t = top_for(state, src.doc, span.start);
        if let Some(s) = &mut state.source {
            s.top = t;
        }
    }
}

/// Keys in the article view.
pub fn in_article(state: &mut State, action: Action) -> Option<Effect> {
    match action {
        Action::Back | Action::Cancel => back(state),
        Action::Forward => forward(state),
        Action::Show(v) => show(state, v),
        Action::NextQuote => step_quote(state, true),
        Action::PrevQuote => step_quote(state, false),
        Action::CopyQuote => return copy(state),
        Action::CopyUrl => return super::update::copy_url(state),
        Action::ToggleHelp => state.mode = Mode::Help { scroll: 0 },
        a if a.is_movement() => scroll(state, action),
        _ => {}
    }
    None
}
