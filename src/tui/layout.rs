//! Where each part of the screen goes, as a pure function of the terminal size and the state.
//! `update` uses it too (page sizes, mouse clicks, scrolling an article), so both agree.

use super::action::View;
use super::app::{Mode, State};
use ratatui::layout::Rect;

/// Below this the TUI only says "terminal too small".
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// From this width the detail pane sits beside the list.
pub const WIDE: u16 = 120;
/// Narrow screens at least this tall show the detail below the list; smaller ones on Enter.
pub const TALL: u16 = 20;

pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// The parts of the screen. Lists include their one-line column header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub tabs: Rect,
    pub ribbon: Option<Rect>,
    /// The open article's title line.
    pub heading: Option<Rect>,
    pub list: Rect,
    pub detail: Option<Rect>,
    /// The filter line or date prompt.
    pub input: Option<Rect>,
    pub status: Rect,
}

impl Areas {
    /// Rows of list items visible (the list area less its header).
    pub fn list_rows(&self) -> usize {
        self.list.height.saturating_sub(1) as usize
    }
    /// Lines of the detail pane's text (less its border line).
    pub fn detail_lines(&self) -> usize {
        self.detail
            .map_or(0, |d| d.height.saturating_sub(1) as usize)
    }
}

fn row(area: Rect, y: u16) -> Rect {
    Rect::new(area.x, area.y + y, area.width, 1)
}

/// The detail pane's placement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailPlacement {
    Beside,
    Below,
    /// Only after Enter, instead of the list.
    OnDemand,
}

pub fn detail_placement(width: u16, height: u16) -> DetailPlacement {
    if width >= WIDE {
        DetailPlacement::Beside
    } else if height >= TALL {
        DetailPlacement::Below
    } else {
        DetailPlacement::OnDemand
    }
}

pub fn areas(state: &State) -> Areas {
    let (w, h) = (state.width, state.height);
    let full = Rect::new(0, 0, w, h);
    if too_small(w, h) {
        return Areas {
            list: full,
            ..Areas::default()
        };
    }
    let tabs = row(full, 0);
    let status = row(full, h - 1);
    let typing_line = matches!(
        state.mode,
        Mode::Filter | Mode::Date(_) | Mode::Note(_) | Mode::Command(_)
    );
    let mut top = 1;
    let mut bottom = h - 1;
    let input = if typing_line {
        bottom -= 1;
        Some(row(full, bottom))
    } else {
        None
    };
    if state.source.is_some() {
        let heading = Some(row(full, top));
        top += 1;
        let body = Rect::new(0, top, w, bottom.saturating_sub(top));
        return Areas {
            tabs,
            heading,
            list: body,
            input,
            status,
            ..Areas::default()
        };
    }
    let ribbon = if state.view == View::Timeline && h >= 10 {
        top += 1;
        Some(row(full, 1))
    } else {
        None
    };
    let body = Rect::new(0, top, w, bottom.saturating_sub(top));
    let (list, detail) = match detail_placement(w, h) {
        DetailPlacement::Beside => {
            let lw = w * 3 / 5;
            (
                Rect::new(0, body.y, lw, body.height),
                Some(Rect::new(lw, body.y, w - lw, body.height)),
            )
        }
        DetailPlacement::Below => {
            let dh = (body.height * 2 / 5).max(4).min(body.height);
            let lh = body.height - dh;
            (
                Rect::new(0, body.y, w, lh),
                Some(Rect::new(0, body.y + lh, w, dh)),
            )
        }
        DetailPlacement::OnDemand if state.detail_open => (Rect::new(0, body.y, w, 0), Some(body)),
        DetailPlacement::OnDemand => (body, None),
    };
    Areas {
        tabs,
        ribbon,
        heading: None,
        list,
        detail,
        input,
        status,
    }
}

/// The open article's text width and visible lines (one column of margin each side).
pub fn article_size(areas: &Areas) -> (usize, usize) {
    (
        (areas.list.width as usize).saturating_sub(2).max(1),
        areas.list.height as usize,
    )
}

/// One line of a list: a row (its position in the current view's rows), or, in the timeline,
/// the heading of a month (month 0: events dated to the year only; `None`: the undated events)
/// before its first row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListLine {
    Row(usize),
    Month(Option<(i32, u32)>),
}

/// The lines the list shows, top to bottom, at most `areas.list_rows()` of them. When the
/// timeline's rows span more than one month, each month's first row comes after a heading line;
/// the window then starts late enough that the selected row stays on screen. The views draw
/// these lines and a mouse click reads them, so both agree.
pub fn list_lines(state: &State, areas: &Areas) -> Vec<ListLine> {
    use chrono::Datelike;
    let room = areas.list_rows();
    let rows = state.current_rows();
    let cursor = super::app::scrolled(state.cursor(), room);
    let events = &state.catalog.events;
    // An event dated to a year only goes under its year (month 0), not under January.
    let month = |pos: usize| {
        let e = rows.get(pos).and_then(|&i| events.get(i))?;
        let d = e.start?;
        let whole_year = e.date.trim_start_matches('~').len() == 4;
        Some((d.year(), if whole_year { 0 } else { d.month() }))
    };
    let dated = rows.partition_point(|&i| events.get(i).is_some_and(|e| e.start.is_some()));
    let spans_months = state.view == View::Timeline && dated > 0 && month(0) != month(dated - 1);
    let plain = || {
        (cursor.offset..rows.len().min(cursor.offset + room))
            .map(ListLine::Row)
            .collect()
    };
    if !spans_months || room < 2 {
        return plain();
    }
    let from = |start: usize| {
        let mut lines = Vec::with_capacity(room);
        let mut pos = start;
        while lines.len() < room && pos < rows.len() {
            if pos == 0 || month(pos) != month(pos - 1) {
                // No heading on the last line: its rows would not follow it.
                if lines.len() + 1 == room {
                    break;
                }
                lines.push(ListLine::Month(month(pos)));
            }
            lines.push(ListLine::Row(pos));
            pos += 1;
        }
        lines
    };
    let mut start = cursor.offset;
    loop {
        let lines = from(start);
        if start >= cursor.selected || lines.contains(&ListLine::Row(cursor.selected)) {
            return lines;
        }
        start += 1;
    }
}
