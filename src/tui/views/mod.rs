//! Drawing: a pure function of the [`State`]. Each view has its own file; this one places them and
//! draws what every screen shares (tabs, filter line, status bar).

mod bars;
mod detail;
mod help;
mod picker;
mod quotes;
mod saved;
mod source;
mod sources;
pub mod text;
mod timeline;

use super::action::View;
use super::app::{Mode, State};
use super::layout::{self, Areas};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Draws the whole screen for `state` (whose `width`/`height` must match the frame).
pub fn draw(frame: &mut Frame, state: &State) {
    let area = frame.area();
    if layout::too_small(area.width, area.height) {
        let msg = Paragraph::new(vec![
            Line::from("terminal too small"),
            Line::from(format!("need {}x{}", layout::MIN_WIDTH, layout::MIN_HEIGHT)),
        ])
        .style(state.theme.text);
        frame.render_widget(msg, area);
        return;
    }
    let areas = layout::areas(state);
    bars::tabs(frame, areas.tabs, state);
    if state.source.is_some() {
        source::draw(frame, &areas, state);
    } else {
        match state.view {
            View::Timeline => timeline::draw(frame, &areas, state),
            View::Quotes => quotes::draw(frame, &areas, state),
            View::Sources => sources::draw(frame, &areas, state),
        }
        if let Some(d) = areas.detail {
            detail::draw(frame, d, &areas, state);
        }
    }
    if let Some(input) = areas.input {
        bars::input(frame, input, state);
    }
    bars::status(frame, areas.status, state);
    match &state.mode {
        Mode::Picker(p) => picker::draw(frame, area, p, state),
        Mode::Help { scroll } => help::draw(frame, area, *scroll, state),
        Mode::Saved(p) => saved::draw(frame, area, p, state),
        _ => {}
    }
}

/// The rows of a list that are on screen: (position in the rows, item).
fn visible(state: &State, areas: &Areas) -> impl Iterator<Item = (usize, usize)> {
    let c = state.cursor();
    let offset = super::app::scrolled(c, areas.list_rows()).offset;
    state
        .current_rows()
        .iter()
        .copied()
        .enumerate()
        .skip(offset)
        .take(areas.list_rows())
}

/// One row rect of a list area (after its header).
fn list_row(list: Rect, i: usize) -> Rect {
    Rect::new(list.x, list.y + 1 + i as u16, list.width, 1)
}

/// The style of a list row: the selection (dimmer when the focus is elsewhere) or plain text.
fn row_style(state: &State, pos: usize) -> ratatui::style::Style {
    let t = &state.theme;
    if pos != state.cursor().selected {
        t.text
    } else if state.focus == super::app::Focus::List {
        t.selected
    } else {
        t.selected_unfocused
    }
}

/// How far the help overlay can scroll at the current size.
pub fn help_max_scroll(state: &State) -> usize {
    let r = help::rect(Rect::new(0, 0, state.width, state.height));
    let inner_w = r.width.saturating_sub(2) as usize;
    let inner_h = r.height.saturating_sub(2) as usize;
    help::lines(state, inner_w).len().saturating_sub(inner_h)
}
