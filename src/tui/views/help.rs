//! The `?` overlay: every key, by context, generated from the keymap table.

use super::super::app::State;
use super::super::keymap::Context;
use super::text::cell;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The help's lines for a width (also used to bound its scrolling).
pub fn lines(state: &State, width: usize) -> Vec<Line<'static>> {
    let t = &state.theme;
    let mut out = vec![
        Line::styled(
            "attache: a timeline of events and quotes from news articles",
            t.header,
        ),
        Line::styled(
            "Enter opens the article at the quote; Esc goes back exactly where you were.",
            t.dim,
        ),
    ];
    let key_w = 22.min(width / 3);
    for ctx in [
        Context::List,
        Context::Source,
        Context::Input,
        Context::Help,
    ] {
        out.push(Line::default());
        out.push(Line::styled(ctx.title(), t.header));
        for (keys, help) in state.keymap.help_rows(ctx) {
            let mut spans = cell(&keys, key_w, t.key, &[], t.key);
            spans.push(Span::styled(" ", t.text));
            spans.extend(cell(
                help,
                width.saturating_sub(key_w + 1),
                t.text,
                &[],
                t.text,
            ));
            out.push(Line::from(spans));
        }
        if ctx == Context::Input {
            out.push(Line::styled(
                "  other keys type into the line; the list follows as you type",
                t.dim,
            ));
        }
    }
    out
}

/// The overlay's rectangle within the screen.
pub fn rect(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(84).max(area.width.min(10));
    let h = area.height.saturating_sub(2).max(area.height.min(3));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub fn draw(frame: &mut Frame, area: Rect, scroll: usize, state: &State) {
    let t = &state.theme;
    let r = rect(area);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.key)
        .title(" Keys — ? or Esc closes, j/k scroll ");
    let inner = block.inner(r);
    frame.render_widget(Clear, r);
    frame.render_widget(block, r);
    let all = lines(state, inner.width as usize);
    let max = all.len().saturating_sub(inner.height as usize);
    let shown: Vec<Line> = all.into_iter().skip(scroll.min(max)).collect();
    frame.render_widget(Paragraph::new(shown).style(t.text), inner);
}
