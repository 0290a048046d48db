//! The lines every screen shares: the tabs at the top, the filter line, and the status bar with
//! counts, active filters, a message and key hints (from the keymap, so they never disagree).

use super::super::action::View;
use super::super::app::{Mode, State};
use super::text::width;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn tabs(frame: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let mut spans = Vec::new();
    for v in View::ALL {
        let active = state.source.is_none() && v == state.view;
        let label = format!(" {} {} ", v.index() + 1, v.title());
        spans.push(Span::styled(
            label,
            if active { t.tab_active } else { t.tab },
        ));
        spans.push(Span::raw(" "));
    }
    if let Some(src) = &state.source {
        let outlet = state
            .catalog
            .docs
            .get(src.doc)
            .map_or("", |d| d.outlet.as_str());
        spans.push(Span::styled(format!(" Article: {outlet} "), t.tab_active));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The `/` line or the `d` prompt, with the cursor at its end.
pub fn input(frame: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let (prompt, text, error) = match &state.mode {
        Mode::Filter => ("/", state.query().unwrap_or(""), None),
        Mode::Date(p) => (
            "date (2025-08, 2025-08-01..2025-08-20, last 7d): ",
            p.text.as_str(),
            p.error.as_deref(),
        ),
        Mode::Note(n) => (
            "note (Enter saves, empty deletes, Esc cancels): ",
            n.text.as_str(),
            None,
        ),
        Mode::Command(p) => (":", p.text.as_str(), p.error.as_deref()),
        _ => return,
    };
    let mut spans = vec![
        Span::styled(prompt, t.key),
        Span::styled(text.to_string(), t.text),
    ];
    if let Some(e) = error {
        spans.push(Span::styled(format!("  {e}"), t.error));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    let x =
        area.x + (width(prompt) + width(text)).min(area.width.saturating_sub(1) as usize) as u16;
    frame.set_cursor_position((x, area.y));
}

pub fn status(frame: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let bar = t.status_bar;
    let mut left: Vec<Span> = Vec::new();
    let count = |v: View, total: usize, noun: &str| {
        if state.source.is_none() && state.view == v {
            format!("{}/{total} {noun}", state.rows[v.index()].len())
        } else {
            format!("{total} {noun}")
        }
    };
    // With reported speech among them, the Quotes view's rows are not all quotes.
    let said = if state.catalog.direct < state.catalog.quotes.len() {
        "statements"
    } else {
        "quotes"
    };
    let counts = format!(
        " {} · {} · {} ",
        count(View::Timeline, state.catalog.events.len(), "events"),
        count(View::Quotes, state.catalog.quotes.len(), said),
        count(View::Sources, state.catalog.docs.len(), "sources"),
    );
    // The current view's count alone, when the three do not fit.
    let current = match (state.source.is_some(), state.view) {
        (true, _) => None,
        (false, View::Timeline) => {
            Some(count(View::Timeline, state.catalog.events.len(), "events"))
        }
        (false, View::Quotes) => Some(count(View::Quotes, state.catalog.quotes.len(), said)),
        (false, View::Sources) => Some(count(View::Sources, state.catalog.docs.len(), "sources")),
    }
    .map(|c| format!(" {c} "));
    let message = state.message.as_ref().map(|m| format!(" {m} "));
    let chips: Vec<String> = state
        .filters
        .iter()
        .map(|f| format!(" {} ", f.label()))
        .collect();
    let hints: Vec<(String, &str)> = state.keymap.hints(state.context()).collect();
    let hint_width = |(keys, word): &(String, &str)| width(keys) + width(word) + 3;
    // The first hint (`? help`) keeps its place on the narrowest bar: it is how to learn the rest.
    let first_hint = hints.first().map_or(0, hint_width);
    // A message is what the user must read: when the bar is short, the filter chips fold into a
    // count, then the counts shrink to the current view's and give way, before the message is cut.
    let total = (area.width as usize).saturating_sub(first_hint);
    let message_w = message.as_deref().map_or(0, width);
    let chips_w: usize = chips.iter().map(|c| width(c) + 1).sum();
    let folded = format!(" {} filters ", chips.len());
    let folded_w = if chips.is_empty() {
        0
    } else {
        width(&folded) + 1
    };
    let short = current.unwrap_or_default();
    let (counts, show_chips) = if width(&counts) + chips_w + message_w <= total {
        (Some(counts), true)
    } else if width(&counts) + folded_w + message_w <= total {
        (Some(counts), false)
    } else if width(&short) + folded_w + message_w <= total && !short.is_empty() {
        (Some(short), false)
    } else {
        (None, false)
    };
    let show_counts = counts.is_some();
    if let Some(c) = counts {
        left.push(Span::styled(c, bar));
    }
    if show_chips {
        for c in chips {
            left.push(Span::styled(c, t.filter_chip));
            left.push(Span::styled(" ", bar));
        }
    } else if !chips.is_empty() && (show_counts || width(&folded) + 1 + message_w <= total) {
        left.push(Span::styled(folded, t.filter_chip));
        left.push(Span::styled(" ", bar));
    }
    if let Some(m) = message {
        left.push(Span::styled(m, bar.patch(t.message)));
    }
    let used: usize = left.iter().map(|s| width(&s.content)).sum();
    let room = (area.width as usize).saturating_sub(used);
    let mut right: Vec<Span> = Vec::new();
    let mut right_width = 0;
    for (keys, word) in hints {
        let w = width(&keys) + width(word) + 3;
        if right_width + w > room {
            break;
        }
        right.push(Span::styled(keys, bar.patch(t.key)));
        right.push(Span::styled(format!(" {word}  "), bar));
        right_width += w;
    }
    let pad = room.saturating_sub(right_width);
    left.push(Span::styled(" ".repeat(pad), bar));
    left.extend(right);
    frame.render_widget(Paragraph::new(Line::from(left)).style(bar), area);
}
