//! What the views draw and the filters search, prepared when the TUI opens: every string from
//! an article sanitised (no control bytes can reach the terminal), ids resolved to indices, events in
//! date order. Drawing a frame then only reads. What the first frame does not need (the filter's
//! search texts, the documents' facets) is made beside it, see [`crate::tui::search::background`].

use super::action::View;
use crate::model::{Precision, Span, TimeValue, Timeline};
use crate::sanitize::plain;
use crate::tui::search::background::{DocFacets, Later, Lists};
use crate::tui::search::texts::Blobs;
use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::sync::Arc;

pub struct EventEntry {
    pub title: String,
    /// The date at its precision ("2025-08-15", "2025-08", "~2025-W33", "undated").
    pub date: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub actors: Vec<String>,
    pub place: Option<String>,
    pub outlets: Vec<String>,
    /// Indices into `Timeline::quotes`.
    pub quotes: Vec<usize>,
}

impl EventEntry {
    /// Every searchable field: title, actors, place, outlets, quote texts and speakers.
    pub fn fields<'a>(&'a self, quotes: &'a [QuoteEntry]) -> impl Iterator<Item = &'a str> {
        let said = self
            .quotes
            .iter()
            .filter_map(|&q| quotes.get(q))
            .flat_map(|q| {
                let speaker = (!q.speaker.is_empty()).then_some(q.speaker.as_str());
                std::iter::once(q.text.as_str()).chain(speaker)
            });
        std::iter::once(self.title.as_str())
            .chain(self.actors.iter().map(String::as_str))
            .chain(self.place.as_deref())
            .chain(self.outlets.iter().map(String::as_str))
            .chain(said)
    }
}

/// A row of the Quotes view: a direct quote, or a statement reported without quotation marks
/// (`reported`), whose `text` is a paraphrase and is never shown or copied as a quotation.
pub struct QuoteEntry {
    /// The speaker, or "" when the quote is unattributed.
    pub speaker: String,
    /// The quoted words, or the reported clause.
    pub text: String,
    /// A reported statement (`Timeline::reported`), not a direct quote.
    pub reported: bool,
    /// The reporting verb of a reported statement ("said", "according to"); "" for quotes.
    pub verb: String,
    /// The day a reported statement was made, when its sentence says ("said on Friday").
    pub said: Option<NaiveDate>,
    /// Where it is in its document.
    pub span: Span,
    pub outlet: String,
    /// The document's publication date (when the words were reported).
    pub date: Option<NaiveDate>,
    pub doc: Option<usize>,
    pub event: Option<usize>,
}

impl QuoteEntry {
    /// Every searchable field: speaker, text, outlet.
    pub fn fields(&self) -> [&str; 3] {
        [&self.speaker, &self.text, &self.outlet]
    }
}

pub struct DocEntry {
    pub title: String,
    pub outlet: String,
    pub path: String,
    pub byline: String,
    /// Quote indices in this document, in text order.
    pub quotes: Vec<usize>,
}

impl DocEntry {
    /// Every searchable field: title, outlet, path, byline.
    pub fn fields(&self) -> [&str; 4] {
        [&self.title, &self.outlet, &self.path, &self.byline]
    }
}

pub struct Catalog {
    pub events: Arc<Vec<EventEntry>>,
    /// Event indices by date (undated last), ties in timeline order.
    pub event_order: Vec<usize>,
    /// The direct quotes (indices as in `Timeline::quotes`), then the reported statements (index
    /// `direct + i` is `Timeline::reported[i]`).
    pub quotes: Arc<Vec<QuoteEntry>>,
    /// How many of `quotes` are direct quotes.
    pub direct: usize,
    /// Quote indices in display order: by date (undated last), then by document and place.
    pub quote_order: Vec<usize>,
    /// Document indices in display order: by publication date (undated last), then load order.
    pub doc_order: Vec<usize>,
    pub docs: Arc<Vec<DocEntry>>,
    /// The search texts and document facets, made beside the first frame (see [`crate::tui::search::background`]).
    later: Arc<Later>,
    pub doc_by_id: Arc<FxHashMap<String, usize>>,
    /// The first and last day any event covers: the date ribbon's axis.
    pub axis: Option<(NaiveDate, NaiveDate)>,
    /// The newest publication date (else the last event day), which `last 7d` counts back from.
    pub latest: Option<NaiveDate>,
}

/// A date at its own precision, with `~` for approximate ones.
pub fn date_label(t: Option<&TimeValue>) -> String {
    match t {
        None => "undated".to_string(),
        Some(t) => {
            let v = plain(&t.value);
            if t.approximate { format!("~{v}") } else { v }
        }
    }
}

impl Catalog {
    pub fn new(tl: &Arc<Timeline>) -> Catalog {
        let doc_by_id: FxHashMap<String, usize> = tl
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        let event_by_id: FxHashMap<&str, usize> = tl
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();

        // Sanitising every string is most of the work on a large archive: on every core, in
        // order, beside resolving the quote ids the events list.
        let (mut event_quotes, (mut docs, quotes)) = rayon::join(
            || listed_quotes(tl),
            || {
                let docs: Vec<DocEntry> = tl
                    .documents
                    .par_iter()
                    .map(|d| DocEntry {
                        title: plain(d.title.as_deref().unwrap_or("(untitled)")),
                        outlet: plain(d.label()),
                        path: plain(&d.path),
                        byline: d.byline.as_deref().map(plain).unwrap_or_default(),
                        quotes: Vec::new(),
                    })
                    .collect();
                let mut quotes: Vec<QuoteEntry> = tl
                    .quotes
                    .par_iter()
                    .map(|q| {
                        let doc = doc_by_id.get(q.doc.as_str()).copied();
                        QuoteEntry {
                            speaker: q.speaker.as_deref().map(plain).unwrap_or_default(),
                            text: plain(&q.text),
                            reported: false,
                            verb: String::new(),
                            said: None,
                            span: q.span,
                            outlet: doc.map_or(String::new(), |d| docs[d].outlet.clone()),
                            date: doc.and_then(|d| tl.documents[d].published.date),
                            doc,
                            event: q
                                .event
                                .as_deref()
                                .and_then(|id| event_by_id.get(id).copied()),
                        }
                    })
                    .collect();
                quotes.par_extend(tl.reported.par_iter().map(|r| {
                    let doc = doc_by_id.get(r.doc.as_str()).copied();
                    let said = r
                        .date
                        .as_ref()
                        .filter(|d| d.precision >= Some(Precision::Day) && d.start == d.end)
                        .and_then(|d| d.start);
                    QuoteEntry {
                        speaker: plain(&r.speaker),
                        text: plain(&r.text),
                        reported: true,
                        verb: plain(&r.verb),
                        said,
                        span: r.span,
                        outlet: doc.map_or(String::new(), |d| docs[d].outlet.clone()),
                        date: doc.and_then(|d| tl.documents[d].published.date),
                        doc,
                        event: r
                            .event
                            .as_deref()
                            .and_then(|id| event_by_id.get(id).copied()),
                    }
                }));
                (docs, quotes)
            },
        );
        for (qi, q) in quotes.iter().enumerate() {
            if let Some(e) = q.event
                && !event_quotes[e].contains(&qi)
            {
                event_quotes[e].push(qi);
            }
        }

        let events: Vec<EventEntry> = tl
            .events
            .par_iter()
            .zip(event_quotes)
            .map(|(e, eq)| EventEntry {
                title: plain(&e.title),
                date: date_label(e.date.as_ref()),
                start: e.date.as_ref().and_then(|d| d.start),
                end: e.date.as_ref().and_then(|d| d.end.or(d.start)),
                actors: e.actors.iter().map(|a| plain(a)).collect(),
                place: e.place.as_deref().map(plain),
                outlets: e.outlets.iter().map(|o| plain(o)).collect(),
                quotes: eq,
            })
            .collect();

        let mut event_order: Vec<usize> = (0..events.len()).collect();
        event_order.sort_by_key(|&i| (events[i].start.is_none(), events[i].start));

        // Each document's direct quotes, in text order (the facets are made later, see `later`).
        let direct = tl.quotes.len();
        for (qi, q) in quotes.iter().enumerate().take(direct) {
            if let Some(d) = q.doc {
                docs[d].quotes.push(qi);
            }
        }
        docs.par_iter_mut()
            .for_each(|d| d.quotes.sort_by_key(|&q| quotes[q].span.start));
        let mut quote_order = quote_order(&quotes, direct, &docs);
        // In time order, then as the sources list them (a stable sort keeps that order).
        quote_order.sort_by_key(|&q| (quotes[q].date.is_none(), quotes[q].date));
        let mut doc_order: Vec<usize> = (0..docs.len()).collect();
        doc_order.sort_by_key(|&d| {
            let date = tl.documents[d].published.date;
            (date.is_none(), date)
        });

        let axis = events.iter().filter_map(|e| Some((e.start?, e.end?))).fold(
            None,
            |acc: Option<(NaiveDate, NaiveDate)>, (s, e)| match acc {
                None => Some((s, e)),
                Some((a, b)) => Some((a.min(s), b.max(e))),
            },
        );
        let latest = tl
            .documents
            .iter()
            .filter_map(|d| d.published.date)
            .max()
            .or(axis.map(|(_, b)| b));

        let (events, quotes, docs) = (Arc::new(events), Arc::new(quotes), Arc::new(docs));
        let doc_by_id = Arc::new(doc_by_id);
        let later = Arc::new(Later::new(Lists {
            timeline: Arc::clone(tl),
            events: Arc::clone(&events),
            quotes: Arc::clone(&quotes),
            docs: Arc::clone(&docs),
            doc_by_id: Arc::clone(&doc_by_id),
            event_order: event_order.clone(),
            quote_order: quote_order.clone(),
            doc_order: doc_order.clone(),
        }));
        Later::make_in_background(&later);
        Catalog {
            events,
            event_order,
            later,
            quotes,
            direct,
            quote_order,
            doc_order,
            docs,
            doc_by_id,
            axis,
            latest,
        }
    }

    /// Whether quote row `q` is a reported statement (a paraphrase), not a direct quote.
    pub fn is_reported(&self, q: usize) -> bool {
        self.quotes.get(q).is_some_and(|e| e.reported)
    }

    /// The search texts of `view`'s items (waits for them if they are still being made).
    pub fn blobs(&self, view: View) -> &Blobs {
        self.later.blobs(view)
    }

    /// Whether `view`'s search texts are made yet.
    pub fn search_ready(&self, view: View) -> bool {
        self.later.blobs_ready(view)
    }

    /// Every document's facets, by document index (waits for them if they are being made).
    pub fn doc_facets(&self) -> &[DocFacets] {
        self.later.doc_facets()
    }
}

/// The Quotes view's order: the direct quotes as the timeline lists them, each reported statement
/// among its article's quotes in reading order (after the quote before it, else before the
/// article's first), those of articles without quotes last, by article and place.
fn quote_order(quotes: &[QuoteEntry], direct: usize, docs: &[DocEntry]) -> Vec<usize> {
    let key = |q: usize| -> (usize, u8, usize, usize) {
        let e = &quotes[q];
        if q < direct {
            return (q, 1, 0, 0);
        }
        let Some(d) = e.doc else {
            return (direct, 3, usize::MAX, e.span.start);
        };
        let listed = docs.get(d).map_or(&[][..], |x| x.quotes.as_slice());
        let before = listed.partition_point(|&x| quotes[x].span.start <= e.span.start);
        match (before.checked_sub(1).map(|i| listed[i]), listed.first()) {
            (Some(prev), _) => (prev, 2, d, e.span.start),
            (None, Some(&first)) => (first, 0, d, e.span.start),
            (None, None) => (direct, 3, d, e.span.start),
        }
    };
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    if direct < quotes.len() {
        order.sort_by_cached_key(|&q| key(q));
    }
    order
}

/// Each event's quotes as the timeline lists them (ids resolved to indices).
fn listed_quotes(tl: &Timeline) -> Vec<Vec<usize>> {
    let quote_by_id: FxHashMap<&str, usize> = tl
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    tl.events
        .iter()
        .map(|e| {
            e.quotes
                .iter()
                .filter_map(|id| quote_by_id.get(id.as_str()).copied())
                .collect()
        })
        .collect()
}
