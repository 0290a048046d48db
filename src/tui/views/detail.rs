//! The detail pane: everything about the selected event, quote or source, with the places it can
//! open listed as selectable items (Tab focuses the pane, j/k choose, Enter opens).

use super::super::action::View;
use super::super::app::{Focus, State};
use super::super::filter::Matcher;
use super::super::layout::{Areas, DetailPlacement, detail_placement};
use super::text::paragraph;
use crate::model::DateSource;
use crate::sanitize::plain;
use crate::tui::search::rank::Ranker;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};
use std::ops::Range;

/// The pane's lines, and the line range of each selectable item.
struct Detail {
    lines: Vec<Line<'static>>,
    items: Vec<Range<usize>>,
    width: usize,
}

impl Detail {
    fn text(&mut self, text: &str, style: Style, hits: &[usize], hit: Style) {
        let marks: Vec<(Range<usize>, Style)> = hits
            .iter()
            .filter_map(|&h| Some((h..h + text.get(h..)?.chars().next()?.len_utf8(), hit)))
            .collect();
        self.lines
            .extend(paragraph(text, self.width, style, &marks));
    }
    fn item(&mut self, text: &str, style: Style) {
        self.item_hits(text, style, &[], style);
    }
    /// An item with the characters at `hits` (byte offsets) drawn in `hit`.
    fn item_hits(&mut self, text: &str, style: Style, hits: &[usize], hit: Style) {
        let marks: Vec<(Range<usize>, Style)> = hits
            .iter()
            .filter_map(|&h| Some((h..h + text.get(h..)?.chars().next()?.len_utf8(), hit)))
            .collect();
        let start = self.lines.len();
        self.lines
            .extend(paragraph(text, self.width, style, &marks));
        self.items.push(start..self.lines.len());
    }
    fn blank(&mut self) {
        self.lines.push(Line::default());
    }
}

pub fn draw(frame: &mut Frame, area: Rect, _areas: &Areas, state: &State) {
    let t = &state.theme;
    let borders = match detail_placement(state.width, state.height) {
        DetailPlacement::Beside => Borders::TOP | Borders::LEFT,
        _ => Borders::TOP,
    };
    let reported = state.view == View::Quotes
        && state
            .selected_item()
            .is_some_and(|q| state.catalog.is_reported(q));
    let title = match state.view {
        View::Timeline => " Event ",
        View::Quotes if reported => " Reported speech ",
        View::Quotes => " Quote ",
        View::Sources => " Source ",
    };
    let focused = state.focus == Focus::Detail;
    let block = Block::new()
        .borders(borders)
        .border_style(if focused { t.key } else { t.border })
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut d = Detail {
        lines: Vec::new(),
        items: Vec::new(),
        width: inner.width.max(1) as usize,
    };
    if let Some(item) = state.selected_item() {
        match state.view {
            View::Timeline => event(&mut d, state, item),
            View::Quotes => quote(&mut d, state, item),
            View::Sources => source(&mut d, state, item),
        }
    }
    let height = inner.height as usize;
    let mut scroll = 0;
    if focused && let Some(r) = d.items.get(state.detail.selected) {
        if r.end > height {
            scroll = r.end - height;
        }
        scroll = scroll.min(r.start);
        for line in &mut d.lines[r.clone()] {
            line.style = t.selected;
            for s in &mut line.spans {
                s.style = t.selected.patch(Style {
                    fg: None,
                    bg: None,
                    ..s.style
                });
            }
        }
    }
    let lines: Vec<Line> = d.lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(lines).style(t.text), inner);
}

fn event(d: &mut Detail, state: &State, item: usize) {
    let t = &state.theme;
    let e = &state.catalog.events[item];
    let ev = &state.timeline.events[item];
    let matcher = state.query().and_then(Matcher::new);
    let hits = |s: &str| matcher.as_ref().map(|m| m.positions(s)).unwrap_or_default();
    d.text(&e.title, t.header, &hits(&e.title), t.matched);
    if state.kept.marks.event_bookmarked(&ev.id) {
        d.text("★ bookmarked", t.key, &[], t.matched);
    }
    if let Some(note) = state.kept.marks.event_note(&ev.id) {
        d.text(&format!("✎ {}", plain(note)), t.key, &[], t.matched);
    }
    let precision = ev
        .date
        .as_ref()
        .and_then(|x| x.precision)
        .map_or("", |p| p.as_str());
    let status_style = if ev.status == crate::model::Status::Planned {
        t.planned
    } else {
        t.text
    };
    d.text(
        &format!(
            "{} ({precision}) · {} · {}",
            state.date_text(&e.date),
            ev.status.as_str(),
            ev.kind.as_str()
        ),
        status_style,
        &[],
        t.matched,
    );
    if let Some(p) = &ev.date_provenance {
        d.text(&format!("date from {}", plain(p)), t.dim, &[], t.matched);
    }
    if !e.actors.is_empty() {
        let s = format!("Actors: {}", e.actors.join(", "));
        d.text(&s, t.text, &hits(&s), t.matched);
    }
    if let Some(p) = &e.place {
        d.text(&format!("Place: {p}"), t.text, &[], t.matched);
    }
    if !e.outlets.is_empty() {
        let s = format!("Outlets: {}", e.outlets.join(", "));
        d.text(&s, t.text, &hits(&s), t.matched);
    }
    for dis in &ev.disagreements {
        let claims: Vec<String> = dis
            .claims
            .iter()
            .map(|c| {
                format!(
                    "{} ({})",
                    plain(&c.value),
                    c.docs
                        .iter()
                        .map(|x| doc_label(state, x))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect();
        d.text(
            &format!(
                "Sources disagree on {}: {}",
                plain(&dis.field),
                claims.join(" vs ")
            ),
            t.error,
            &[],
            t.matched,
        );
    }
    if !e.quotes.is_empty() {
        d.blank();
        d.text("Quotes", t.header, &[], t.matched);
        for &q in &e.quotes {
            let qe = &state.catalog.quotes[q];
            if qe.doc.is_none() {
                continue;
            }
            let who = if qe.speaker.is_empty() {
                "unattributed"
            } else {
                qe.speaker.as_str()
            };
            if qe.reported {
                // A paraphrase: never between quotation marks.
                d.item(
                    &format!("≈ {who}: {} — {} (reported speech)", qe.text, qe.outlet),
                    t.paraphrase,
                );
                continue;
            }
            let star = if state
                .timeline
                .quotes
                .get(q)
                .is_some_and(|x| state.kept.marks.quote_bookmarked(&x.id))
            {
                "★ "
            } else {
                ""
            };
            d.item(
                &format!("{star}“{}” — {who}, {}", qe.text, qe.outlet),
                t.quote,
            );
        }
    }
    if !ev.mentions.is_empty() {
        d.blank();
        d.text("Reported", t.header, &[], t.matched);
        for (i, m) in ev
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| state.catalog.doc_by_id.contains_key(&m.doc))
        {
            d.item(
                &format!("{}: {}", doc_label(state, &m.doc), plain(&m.text)),
                t.text,
            );
            // Why the merge put this report here.
            if let Some(why) = ev.evidence.get(i) {
                d.text(&format!("  joined: {}", plain(why)), t.dim, &[], t.matched);
            }
        }
    }
}

fn doc_label(state: &State, id: &str) -> String {
    state
        .catalog
        .doc_by_id
        .get(id)
        .map_or_else(|| plain(id), |&i| state.catalog.docs[i].outlet.clone())
}

fn quote(d: &mut Detail, state: &State, item: usize) {
    let t = &state.theme;
    let q = &state.catalog.quotes[item];
    if q.reported {
        return reported(d, state, item);
    }
    // The letters a `/` search matched, as the list highlights them (skim's alignment).
    let ranker = state.query().and_then(Ranker::new);
    let hits = |s: &str, shift: usize| -> Vec<usize> {
        ranker
            .as_ref()
            .map(|r| r.positions(s).into_iter().map(|h| h + shift).collect())
            .unwrap_or_default()
    };
    d.item_hits(
        &format!("“{}”", q.text),
        t.quote,
        &hits(&q.text, "“".len()),
        t.matched,
    );
    let who = if q.speaker.is_empty() {
        "unattributed"
    } else {
        q.speaker.as_str()
    };
    d.text(
        &format!("— {who}"),
        t.speaker,
        &hits(who, "— ".len()),
        t.matched,
    );
    if let Some(rule) = state
        .timeline
        .quotes
        .get(item)
        .and_then(|x| x.attribution.as_ref())
    {
        d.text(
            &format!("attributed by {}", plain(rule)),
            t.dim,
            &[],
            t.matched,
        );
    }
    let date = q
        .date
        .map(|x| state.day(x))
        .unwrap_or_else(|| "undated".into());
    d.text(&format!("{} · {date}", q.outlet), t.text, &[], t.matched);
    if state
        .timeline
        .quotes
        .get(item)
        .is_some_and(|x| state.kept.marks.quote_bookmarked(&x.id))
    {
        d.text("★ bookmarked", t.key, &[], t.matched);
    }
    if let Some(e) = q.event {
        let e = &state.catalog.events[e];
        d.blank();
        d.text(
            &format!("Event: {} ({})", e.title, e.date),
            t.text,
            &[],
            t.matched,
        );
    }
}

/// A reported statement: the clause as a paraphrase (no quotation marks), who said it, when and
/// where it was reported, and that it is reported speech, not the speaker's words.
fn reported(d: &mut Detail, state: &State, item: usize) {
    let t = &state.theme;
    let q = &state.catalog.quotes[item];
    d.item(&format!("≈ {}", q.text), t.paraphrase);
    d.text(&format!("— {}", q.speaker), t.speaker, &[], t.matched);
    d.text(
        &format!(
            "reported speech ({}): a paraphrase, not a quotation",
            q.verb
        ),
        t.key,
        &[],
        t.matched,
    );
    let r = item
        .checked_sub(state.catalog.direct)
        .and_then(|i| state.timeline.reported.get(i));
    if let Some(r) = r {
        d.text(
            &format!("attributed by {}", plain(&r.attribution)),
            t.dim,
            &[],
            t.matched,
        );
    }
    if let Some(said) = q.said {
        d.text(
            &format!("said on {}", state.day(said)),
            t.text,
            &[],
            t.matched,
        );
    }
    let date = q
        .date
        .map(|x| state.day(x))
        .unwrap_or_else(|| "undated".into());
    d.text(&format!("{} · {date}", q.outlet), t.text, &[], t.matched);
    if let Some(e) = q.event {
        let e = &state.catalog.events[e];
        d.blank();
        d.text(
            &format!("Event: {} ({})", e.title, e.date),
            t.text,
            &[],
            t.matched,
        );
    }
}

fn source(d: &mut Detail, state: &State, item: usize) {
    let t = &state.theme;
    let doc = &state.catalog.docs[item];
    let published = &state.timeline.documents[item].published;
    d.item(&doc.title, t.header);
    d.text(&doc.outlet, t.speaker, &[], t.matched);
    if !doc.byline.is_empty() {
        d.text(&doc.byline, t.text, &[], t.matched);
    }
    let date = published
        .date
        .map_or("unknown".to_string(), |x| x.to_string());
    let how = match published.source {
        DateSource::Metadata => "from the article's metadata",
        DateSource::Flag => "given with --dct",
        DateSource::Inferred => "inferred from the text",
        DateSource::Unknown => "not known",
    };
    d.text(&format!("Published {date} ({how})"), t.text, &[], t.matched);
    if let Some(c) = published.confidence {
        let month = published
            .approx
            .as_deref()
            .map_or(String::new(), |m| format!(" (month {m})"));
        d.text(
            &format!("  confidence: {}{month}", c.as_str()),
            t.dim,
            &[],
            t.matched,
        );
    }
    for clue in &published.clues {
        d.text(&format!("  clue: {}", plain(clue)), t.dim, &[], t.matched);
    }
    d.text(&doc.path, t.dim, &[], t.matched);
    if let Some(u) = &state.timeline.documents[item].url {
        d.text(&plain(u), t.dim, &[], t.matched);
    }
    d.text(
        &format!("{} quotes", doc.quotes.len()),
        t.text,
        &[],
        t.matched,
    );
}
