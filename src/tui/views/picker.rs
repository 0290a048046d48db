//! A facet picker: a small popup listing the values (with how many items each has); typing narrows
//! the list.

use super::super::app::{Picker, State};
use super::text::cell;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub fn rect(area: Rect, picker: &Picker) -> Rect {
    let w = area.width.min(50);
    let h = (picker.options.len() as u16 + 3)
        .min(area.height)
        .max(area.height.min(4));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub fn draw(frame: &mut Frame, area: Rect, p: &Picker, state: &State) {
    let t = &state.theme;
    let r = rect(area, p);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.key)
        .title(format!(" {} — Enter chooses, Esc cancels ", p.facet.name()));
    let inner = block.inner(r);
    frame.render_widget(Clear, r);
    frame.render_widget(block, r);
    if inner.height == 0 {
        return;
    }
    let w = inner.width as usize;
    let query = Line::from(vec![
        Span::styled("> ", t.key),
        Span::styled(p.query.clone(), t.text),
    ]);
    frame.render_widget(Paragraph::new(query), Rect { height: 1, ..inner });
    let rows = inner.height.saturating_sub(1) as usize;
    let offset = p.selected.saturating_sub(rows.saturating_sub(1));
    for (i, &o) in p.shown.iter().enumerate().skip(offset).take(rows) {
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
        let y = inner.y + 1 + (i - offset) as u16;
        frame.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect::new(inner.x, y, inner.width, 1),
        );
    }
    if p.shown.is_empty() {
        frame.render_widget(
            Paragraph::new("nothing matches").style(t.dim),
            Rect::new(inner.x, inner.y + 1, inner.width, 1.min(inner.height - 1)),
        );
    }
    let cursor_x = inner.x + (2 + super::text::width(&p.query)).min(w.saturating_sub(1)) as u16;
    frame.set_cursor_position((cursor_x, inner.y));
}
