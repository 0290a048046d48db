//! A facet picker: a small popup listing the values (with how many items each has); typing narrows
//! the list.

use super::super::app::{Picker, State};
use super::text::cell;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub fn rect(area: Rect, picker: &Picker) -> Rect {
    centered_for(area, 50, picker.options.len())
}

/// A popup `max_w` wide (at most) holding a query line and `items` rows, centred in `area`.
pub fn centered_for(area: Rect, max_w: u16, items: usize) -> Rect {
    let w = area.width.min(max_w);
    let h = (items.min(u16::MAX as usize - 3) as u16 + 3)
        .min(area.height)
        .max(area.height.min(4));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The rows of a list popup: where they go and which items are in view.
pub struct ListFrame {
    pub inner: Rect,
    /// Index of the first item in view, and how many fit.
    pub offset: usize,
    pub rows: usize,
}

impl ListFrame {
    /// The screen row of the item at `i` (which must be in view).
    pub fn row(&self, i: usize) -> Rect {
        let y = self.inner.y + 1 + (i - self.offset) as u16;
        Rect::new(self.inner.x, y, self.inner.width, 1)
    }
}

/// Draws a list popup's frame, title and query line (with the cursor after the query); returns
/// where the rows go, or `None` when there is no room for them.
pub fn list_frame(
    frame: &mut Frame,
    r: Rect,
    title: String,
    query: &str,
    selected: usize,
    state: &State,
) -> Option<ListFrame> {
    let t = &state.theme;
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.key)
        .title(title);
    let inner = block.inner(r);
    frame.render_widget(Clear, r);
    frame.render_widget(block, r);
    if inner.height == 0 {
        return None;
    }
    let line = Line::from(vec![
        Span::styled("> ", t.key),
        Span::styled(query.to_string(), t.text),
    ]);
    frame.render_widget(Paragraph::new(line), Rect { height: 1, ..inner });
    let w = inner.width as usize;
    let cursor_x = inner.x + (2 + super::text::width(query)).min(w.saturating_sub(1)) as u16;
    frame.set_cursor_position((cursor_x, inner.y));
    let rows = inner.height.saturating_sub(1) as usize;
    Some(ListFrame {
        inner,
        offset: selected.saturating_sub(rows.saturating_sub(1)),
        rows,
    })
}

pub fn draw(frame: &mut Frame, area: Rect, p: &Picker, state: &State) {
    let t = &state.theme;
    let title = format!(" {} — Enter chooses, Esc cancels ", p.facet.name());
    let Some(list) = list_frame(frame, rect(area, p), title, &p.query, p.selected, state) else {
        return;
    };
    let w = list.inner.width as usize;
    for (i, &o) in p.shown.iter().enumerate().skip(list.offset).take(list.rows) {
        let opt = &p.options[o];
        let style = if i == p.selected { t.selected } else { t.text };
        let count = format!("{:>5}", opt.count);
        let mut spans = cell(
            &opt.label,
            w.saturating_sub(count.len() + 1),
            style,
            &[],
            style,
        );
        spans.push(Span::styled(" ", style));
        spans.push(Span::styled(count, style.patch(t.dim)));
        frame.render_widget(Paragraph::new(Line::from(spans)), list.row(i));
    }
    if p.shown.is_empty() && list.rows > 0 {
        frame.render_widget(
            Paragraph::new("nothing matches").style(t.dim),
            list.row(list.offset),
        );
    }
}
