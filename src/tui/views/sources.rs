//! The sources view: the documents with outlet, title, and publication date with its provenance.

use super::super::app::State;
use super::super::filter::Matcher;
use super::super::layout::Areas;
use super::text::{columns, flex, table_row};
use super::{list_row, row_style, visible};
use crate::model::DateSource;
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
        flex(list.width as usize, &[10, 8, 18, 0])
    } else {
        flex(list.width as usize, &[10, 12, 0])
    };
    let pick = |all: [(&'static str, Style); 4]| -> Vec<(&'static str, Style)> {
        if wide {
            all.to_vec()
        } else {
            vec![all[0], all[2], all[3]]
        }
    };
    let header = columns(
        &widths,
        pick([
            ("Published", Style::new()),
            ("From", Style::new()),
            ("Outlet", Style::new()),
            ("Title", Style::new()),
        ])
        .into_iter()
        .map(|(text, style)| (text, style, &[][..])),
    );
    frame.render_widget(
        Paragraph::new(table_row(&header, t.header, t.header)),
        Rect { height: 1, ..list },
    );
    if state.current_rows().is_empty() {
        frame.render_widget(
            Paragraph::new("No source matches the filters (Esc clears them).").style(t.dim),
            list_row(list, 0),
        );
        return;
    }
    let matcher = state.query().and_then(Matcher::new);
    for (i, (pos, item)) in visible(state, areas).enumerate() {
        let d = &state.catalog.docs[item];
        let published = &state.timeline.documents[item].published;
        let date = published.date.map_or("?".to_string(), |x| state.day(x));
        let source = match published.source {
            DateSource::Metadata => "metadata",
            DateSource::Flag => "--dct",
            DateSource::Inferred => match published.confidence {
                Some(crate::model::Confidence::High) => "inferred+",
                Some(crate::model::Confidence::Low) => "inferred?",
                _ => "inferred",
            },
            DateSource::Unknown => "unknown",
        };
        let hits = |s: &str| matcher.as_ref().map(|m| m.positions(s)).unwrap_or_default();
        let (outlet_hits, title_hits) = (hits(&d.outlet), hits(&d.title));
        let all: [(&str, Style, &[usize]); 4] = [
            (&date, Style::new(), &[]),
            (source, t.dim, &[]),
            (&d.outlet, t.speaker, &outlet_hits),
            (&d.title, Style::new(), &title_hits),
        ];
        let cells: Vec<(&str, Style, &[usize])> = if wide {
            all.to_vec()
        } else {
            vec![all[0], all[2], all[3]]
        };
        let cols = columns(&widths, cells);
        let row = table_row(&cols, row_style(state, pos), t.matched);
        frame.render_widget(Paragraph::new(row), list_row(list, i));
    }
}
