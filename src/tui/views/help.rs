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
        let help_w = width.saturating_sub(key_w + 1).max(1);
        for (keys, help) in state.keymap.help_rows(ctx) {
            // A long description wraps under itself rather than being cut.
            for (i, part) in wrap(help, help_w).into_iter().enumerate() {
                let key_text = if i == 0 { keys.as_str() } else { "" };
                let mut spans = cell(key_text, key_w, t.key, &[], t.key);
                spans.push(Span::styled(" ", t.text));
                spans.extend(cell(&part, help_w, t.text, &[], t.text));
                out.push(Line::from(spans));
            }
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

/// `text` in lines of at most `width` columns, broken between words (a word longer than a line
/// is cut by the cell that shows it).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty()
            && super::text::width_of(&line) + 1 + super::text::width_of(word) > width
        {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// The overlay's rectangle within the screen: as wide as the screen allows, up to 120 columns.
pub fn rect(area: Rect) -> Rect {
    let w = area
        .width
        .saturating_sub(4)
        .min(120)
        .max(area.width.min(10));
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
