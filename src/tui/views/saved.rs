//! The saved filter sets (`f`): a small popup of names with what each one filters; typing narrows.

use super::super::app::State;
use super::super::saved::SavedPicker;
use super::text::cell;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, p: &SavedPicker, state: &State) {
    let t = &state.theme;
    let r = super::picker::centered_for(area, 60, p.names.len());
    let title = " saved filters — Enter applies, Esc cancels ".to_string();
    let Some(list) = super::picker::list_frame(frame, r, title, &p.query, p.selected, state) else {
        return;
    };
    let width = list.inner.width as usize;
    for (i, &n) in p.shown.iter().enumerate().skip(list.offset).take(list.rows) {
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
        frame.render_widget(Paragraph::new(Line::from(spans)), list.row(i));
    }
}
