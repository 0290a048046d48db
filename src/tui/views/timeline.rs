//! The timeline view: a date-density ribbon and one row per event (date at its precision, status,
//! kind, title, number of outlets), in date order.

use super::super::app::State;
use super::super::filter::Matcher;
use super::super::layout::Areas;
use super::super::layout::{ListLine, list_lines};
use super::text::{Col, flex, table_row};
use super::{list_row, row_style};
use crate::model::Status;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Column widths (date, status, kind, title, outlets) for a list width; narrow lists drop two.
fn columns(width: usize) -> Vec<usize> {
    if width >= 60 {
        flex(width, &[11, 7, 12, 0, 3])
    } else {
        flex(width, &[11, 0, 3])
    }
}

fn cols<'a>(
    widths: &[usize],
    texts: [&'a str; 5],
    styles: [Style; 5],
    hits: &'a [usize],
) -> Vec<Col<'a>> {
    let keep: &[usize] = if widths.len() == 5 {
        &[0, 1, 2, 3, 4]
    } else {
        &[0, 3, 4]
    };
    keep.iter()
        .zip(widths)
        .map(|(&k, &width)| Col {
            width,
            text: texts[k],
            style: styles[k],
            hits: if k == 3 { hits } else { &[] },
        })
        .collect()
}

pub fn draw(frame: &mut Frame, areas: &Areas, state: &State) {
    let t = &state.theme;
    if let Some(r) = areas.ribbon {
        ribbon(frame, r, state);
    }
    let list = areas.list;
    if list.height == 0 {
        return;
    }
    let widths = columns(list.width as usize);
    let plain = [Style::new(); 5];
    let header = cols(
        &widths,
        ["When", "Status", "Kind", "Event", "Src"],
        plain,
        &[],
    );
    frame.render_widget(
        Paragraph::new(table_row(&header, t.header, t.header)),
        Rect { height: 1, ..list },
    );
    if state.current_rows().is_empty() {
        let msg = if state.catalog.events.is_empty() {
            "No dated events were found in these articles."
        } else {
            "No event matches the filters (Esc clears them)."
        };
        frame.render_widget(Paragraph::new(msg).style(t.dim), list_row(list, 0));
        return;
    }
    let matcher = state.query().and_then(Matcher::new);
    let rows = state.current_rows();
    for (i, line) in list_lines(state, areas).into_iter().enumerate() {
        let pos = match line {
            ListLine::Row(pos) => pos,
            ListLine::Month(month) => {
                month_heading(frame, list_row(list, i), month, state);
                continue;
            }
        };
        let Some(&item) = rows.get(pos) else { continue };
        let e = &state.catalog.events[item];
        let ev = &state.timeline.events[item];
        let planned = ev.status == Status::Planned;
        let date_style = if planned {
            t.planned
        } else if e.date.starts_with('~') {
            t.approximate
        } else {
            Style::new()
        };
        // Kept marks go before the title: ★ bookmarked, ✎ has a note. A narrow list has no
        // status column: a planned event says so in words there (italics alone may not show).
        let said = if planned && widths.len() != 5 {
            "planned: "
        } else {
            ""
        };
        let marker = format!("{said}{}", marker(state, &ev.id));
        let hits: Vec<usize> = matcher
            .as_ref()
            .map(|m| m.positions(&e.title))
            .unwrap_or_default()
            .into_iter()
            .map(|h| h + marker.len())
            .collect();
        let title = format!("{marker}{}", e.title);
        let outlets = format!("{:>3}", e.outlets.len().max(1));
        let date = state.date_text(&e.date);
        let texts = [
            date.as_ref(),
            if planned { "planned" } else { "" },
            ev.kind.as_str(),
            &title,
            &outlets,
        ];
        let styles = [date_style, t.planned, Style::new(), Style::new(), t.dim];
        let row = table_row(
            &cols(&widths, texts, styles, &hits),
            row_style(state, pos),
            t.matched,
        );
        frame.render_widget(Paragraph::new(row), list_row(list, i));
    }
}

/// The line before a month's first event: `── August 2025 ─────…` (`── 2025 ──…` for the events
/// dated to the year only, `── undated ──…`).
fn month_heading(frame: &mut Frame, area: Rect, month: Option<(i32, u32)>, state: &State) {
    let label = match month {
        Some((y, 0)) => y.to_string(),
        Some((y, m)) => {
            let name = u8::try_from(m)
                .ok()
                .and_then(|m| chrono::Month::try_from(m).ok())
                .map_or("?", |m| m.name());
            format!("{name} {y}")
        }
        None => "undated".to_string(),
    };
    let head = format!("── {label} ");
    let fill =
        (area.width as usize).saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()));
    let text = format!("{head}{}", "─".repeat(fill));
    frame.render_widget(Paragraph::new(text).style(state.theme.dim), area);
}

/// The marks before an event's title: `★ ` when bookmarked, `✎ ` when it has a note.
pub fn marker(state: &State, id: &str) -> &'static str {
    let marks = &state.kept.marks;
    match (marks.event_bookmarked(id), marks.event_note(id).is_some()) {
        (true, true) => "★✎ ",
        (true, false) => "★ ",
        (false, true) => "✎ ",
        (false, false) => "",
    }
}

/// One line: where the shown events fall between the first and last day, the selection marked.
fn ribbon(frame: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let Some((first, last)) = state.catalog.axis else {
        frame.render_widget(Paragraph::new(" no dated events").style(t.dim), area);
        return;
    };
    let span_days = (last - first).num_days().max(0) as usize + 1;
    let fmt = if span_days > 2 * 366 {
        "%Y"
    } else if span_days > 62 {
        "%Y-%m"
    } else {
        "%Y-%m-%d"
    };
    let (l, r) = (first.format(fmt).to_string(), last.format(fmt).to_string());
    let bins = (area.width as usize)
        .saturating_sub(l.len() + r.len() + 2)
        .min(span_days.max(1) * 4);
    if bins < 3 {
        return;
    }
    let bin_of =
        |d: NaiveDate| ((d - first).num_days().max(0) as usize * bins / span_days).min(bins - 1);
    // Rows are in date order (undated last), so each bin's count is a difference of two binary
    // searches: no pass over every shown event per frame.
    let rows = state.current_rows();
    let events = &state.catalog.events;
    let dated = &rows[..rows.partition_point(|&i| events[i].start.is_some())];
    let mut counts = vec![0usize; bins];
    let mut before = 0;
    for (b, count) in counts.iter_mut().enumerate() {
        // Bin b holds the days d with d * bins / span == b, i.e. d < ceil((b + 1) * span / bins).
        let end = first + chrono::Duration::days(((b + 1) * span_days).div_ceil(bins) as i64);
        let upto = dated.partition_point(|&i| events[i].start.is_some_and(|s| s < end));
        *count = upto - before;
        before = upto;
    }
    let selected_bin = state
        .selected_item()
        .and_then(|i| state.catalog.events[i].start)
        .map(bin_of);
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let mut spans = vec![Span::styled(format!("{l} "), t.dim)];
    for (b, &c) in counts.iter().enumerate() {
        let (ch, style) = match (c, Some(b) == selected_bin) {
            (0, true) => ('│', t.selected),
            (0, false) => ('·', t.dim),
            (c, sel) => (
                BARS[((c * 8).div_ceil(max)).clamp(1, 8) - 1],
                if sel { t.selected } else { t.ribbon },
            ),
        };
        spans.push(Span::styled(ch.to_string(), style));
    }
    spans.push(Span::styled(format!(" {r}"), t.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
