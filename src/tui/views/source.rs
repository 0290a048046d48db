//! The source view: the article itself, scrolled to the quote or mention the user came for, which
//! is highlighted; the article's other quotes are marked and site chrome is dimmed. The text is the
//! sanitised one and every highlight goes through the sanitiser's offset map.

use super::super::app::State;
use super::super::layout::{Areas, article_size};
use super::text::{line_at, styled, width, wrap};
use crate::model::Span;
use crate::sanitize::Sanitized;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as Text};
use ratatui::widgets::Paragraph;
use std::ops::Range;

/// The styled byte ranges of the sanitised article: chrome, quotes, then the highlight on top.
pub fn marks(
    state: &State,
    doc: usize,
    art: &Sanitized,
    highlight: Option<Span>,
) -> Vec<(Range<usize>, Style)> {
    let t = &state.theme;
    let map = |s: Span| art.map(s.start)..art.map(s.end);
    let mut out: Vec<(Range<usize>, Style)> = Vec::new();
    if let Some(d) = state.timeline.documents.get(doc) {
        out.extend(d.chrome.iter().map(|&s| (map(s), t.chrome)));
    }
    if let Some(entry) = state.catalog.docs.get(doc) {
        out.extend(
            entry
                .quotes
                .iter()
                .map(|&q| (map(state.timeline.quotes[q].span), t.quote)),
        );
    }
    if let Some(h) = highlight {
        out.push((map(h), t.target));
    }
    out
}

pub fn draw(frame: &mut Frame, areas: &Areas, state: &State) {
    let t = &state.theme;
    let Some(src) = state.source else { return };
    let Some(art) = state.articles.get(&src.doc) else {
        return;
    };
    let entry = &state.catalog.docs[src.doc];
    let (w, h) = article_size(areas);
    let lines = wrap(&art.text, w);
    let top = line_at(&lines, src.top);
    if let Some(head) = areas.heading {
        let quotes = &entry.quotes;
        let position = src
            .quote
            .and_then(|q| quotes.iter().position(|&x| x == q))
            .map(|i| format!("quote {}/{}  ", i + 1, quotes.len()))
            .unwrap_or_else(|| format!("{} quotes  ", quotes.len()));
        let pct = if lines.len() <= h {
            100
        } else {
            (top + h).min(lines.len()) * 100 / lines.len()
        };
        let right = format!("{position}{pct:>3}%");
        let room = (head.width as usize).saturating_sub(width(&right) + 1);
        // The article's address after its title, when it is a web address and there is room
        // for both (as text: nothing from the file goes into an escape sequence).
        let url = state.timeline.documents[src.doc]
            .web_url()
            .filter(|u| width(&entry.title) + 3 + width(u) <= room);
        let title_room = url.map_or(room, |u| room - 3 - width(u));
        let mut spans = super::text::cell(&entry.title, title_room, t.header, &[], t.header);
        if let Some(u) = url {
            spans.push(Text::styled(" — ", t.dim));
            spans.push(Text::styled(u.to_string(), t.dim));
        }
        spans.push(Text::styled(" ", t.text));
        spans.push(Text::styled(right, t.dim));
        frame.render_widget(Paragraph::new(Line::from(spans)), head);
    }
    let marks = marks(state, src.doc, art, src.highlight);
    let body = areas.list;
    for (i, r) in lines.iter().skip(top).take(h).enumerate() {
        let local: Vec<(Range<usize>, Style)> = marks
            .iter()
            .filter(|(m, _)| m.start < r.end && r.start < m.end)
            .map(|(m, s)| {
                (
                    m.start.max(r.start) - r.start..m.end.min(r.end) - r.start,
                    *s,
                )
            })
            .collect();
        let line = Line::from(styled(&art.text[r.clone()], t.text, &local));
        let area = Rect::new(body.x + 1, body.y + i as u16, w as u16, 1);
        frame.render_widget(Paragraph::new(line), area);
    }
}
