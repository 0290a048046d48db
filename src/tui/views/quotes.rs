//! The quotes view: every quote with speaker, text, outlet and date, for "who said what" lookups.
//! Reported statements (paraphrases) are listed among them as `≈ clause`, in their own style and
//! never between quotation marks; `F` shows direct quotes, reported speech or both.

use super::super::app::State;
use super::super::layout::Areas;
use super::text::{around, columns, flex, table_row};
use super::{list_row, row_style, visible};
use crate::tui::search::rank::Ranker;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, areas: &Areas, state: &State) {
    let t = &state.theme;
    let list = areas.list;
    if list.height == 0 {
        return;
    }
    let wide = list.width >= 70;
    let widths = if wide {
        flex(list.width as usize, &[18, 0, 14, 10])
    } else {
        flex(list.width as usize, &[14, 0])
    };
    // With a `/` query the order is said in the header (`r` switches it).
    let quote_head = match (
        state.query().is_some_and(|q| !q.trim().is_empty()),
        state.by_date,
    ) {
        (false, _) => "Quote",
        (true, false) => "Quote · best match first (r: by date)",
        (true, true) => "Quote · by date (r: best first)",
    };
    let header = columns(
        &widths,
        ["Speaker", quote_head, "Outlet", "Date"].map(|h| (h, Style::new(), &[][..])),
    );
    frame.render_widget(
        Paragraph::new(table_row(&header, t.header, t.header)),
        Rect { height: 1, ..list },
    );
    if state.current_rows().is_empty() {
        let msg = if state.catalog.quotes.is_empty() {
            "No direct quotes were found in these articles."
        } else {
            "No quote matches the filters (Esc clears them)."
        };
        frame.render_widget(Paragraph::new(msg).style(t.dim), list_row(list, 0));
        return;
    }
    let matcher = state.query().and_then(Ranker::new);
    for (i, (pos, item)) in visible(state, areas).enumerate() {
        let q = &state.catalog.quotes[item];
        let hits = |s: &str| matcher.as_ref().map(|m| m.positions(s)).unwrap_or_default();
        let bookmarked = !q.reported
            && state
                .timeline
                .quotes
                .get(item)
                .is_some_and(|x| state.kept.marks.quote_bookmarked(&x.id));
        let marker = match (bookmarked, q.reported) {
            (true, _) => "★ ",
            (false, true) => "≈ ",
            (false, false) => "",
        };
        let text = format!("{marker}{}", q.text);
        let text_hits: Vec<usize> = hits(&q.text)
            .into_iter()
            .map(|h| h + marker.len())
            .collect();
        // A match past the column's cut-off is shown in a window around it.
        let (text, text_hits) = around(&text, &text_hits, widths[1]);
        let (speaker_hits, outlet_hits) = (hits(&q.speaker), hits(&q.outlet));
        let date = q.date.map(|d| state.day(d)).unwrap_or_default();
        let speaker = if q.speaker.is_empty() {
            "—"
        } else {
            q.speaker.as_str()
        };
        let cells = [
            (speaker, t.speaker, &speaker_hits[..]),
            (
                text.as_str(),
                if q.reported {
                    t.paraphrase
                } else {
                    Style::new()
                },
                &text_hits[..],
            ),
            (q.outlet.as_str(), t.dim, &outlet_hits[..]),
            (date.as_str(), t.dim, &[][..]),
        ];
        let cols = columns(&widths, cells);
        let row = table_row(&cols, row_style(state, pos), t.matched);
        frame.render_widget(Paragraph::new(row), list_row(list, i));
    }
}
