//! The saved filter sets (`f`): a small popup of names with what each one filters; typing narrows.

use super::super::app::State;
use super::super::saved::SavedPicker;
use super::text::cell;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, p: &SavedPicker, state: &State) {
    let t = &state.theme;
    let w = area.width.min(60);
    let h = (p.names.len() as u16 + 3)
        .min(area.height)
        .max(area.height.min(4));
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.key)
        .title(" saved filters — Enter applies, Esc cancels ");
    let inner = block.inner(r);
    frame.render_widget(Clear, r);
    frame.render_widget(block, r);
    if inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    let query = Line::from(vec![
        Span::styled("> ", t.key),
        Span::styled(p.query.clone(), t.text),
    ]);
    frame.render_widget(Paragraph::new(query), Rect { height: 1, ..inner });
    let rows = inner.height.saturating_sub(1) as usize;
    let offset = p.selected.saturating_sub(rows.saturating_sub(1));
    for (i, &n) in p.shown.iter().enumerate().skip(offset).take(rows) {
        let name = &p.names[n];
        let style = if i == p.selected { t.selected } else { t.text };
        let what: Vec<String> = state
            .kept
            .filters
            .filters
            .get(name)
            .map(|f| super::super::saved::from_saved(f))
            .unwrap_or_default()
            .iter()
            .map(|f| f.label())
            .collect();
        let name_w = (width / 3).max(8).min(width);
        let mut spans = cell(name, name_w, style, &[], style);
        spans.push(Span::styled(" ", style));
        spans.extend(cell(
            &what.join(" "),
            width.saturating_sub(name_w + 1),
            style.patch(t.dim),
            &[],
            style,
        ));
        let y = inner.y + 1 + (i - offset) as u16;
        frame.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect::new(inner.x, y, inner.width, 1),
        );
    }
}
