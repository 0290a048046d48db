//! What the views draw and the filters search, prepared once when the TUI opens: every string from
//! an article sanitised (no control bytes can reach the terminal), ids resolved to indices, events in
//! date order. Drawing a frame then only reads.

use super::query::{mask, push_blob};
use crate::model::{EventKind, Status, TimeValue, Timeline};
use crate::sanitize::plain;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::HashMap;

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
    /// Every searchable field: title, actors, place, outlets, quote texts and speakers.
    pub fields: Vec<String>,
}

pub struct QuoteEntry {
    /// The speaker, or "" when the quote is unattributed.
    pub speaker: String,
    pub text: String,
    pub outlet: String,
    /// The document's publication date (when the words were reported).
    pub date: Option<NaiveDate>,
    pub doc: Option<usize>,
    pub event: Option<usize>,
    pub fields: Vec<String>,
}

pub struct DocEntry {
    pub title: String,
    pub outlet: String,
    pub path: String,
    pub byline: String,
    /// Quote indices in this document, in text order.
    pub quotes: Vec<usize>,
    /// Actors, kinds and statuses of the event mentions and quotes in this document (for facets).
    pub actors: Vec<String>,
    pub kinds: Vec<EventKind>,
    pub statuses: Vec<Status>,
    pub fields: Vec<String>,
}

/// The lower-cased search text of every item of a list in one string, laid out in display order
/// so that filtering walks memory front to back instead of hopping between allocations, with each
/// item's character mask (see [`mask`]) beside its range.
#[derive(Default)]
pub struct Blobs {
    text: String,
    ranges: Vec<(usize, usize, u64)>,
}

impl Blobs {
    fn new<'a>(
        n: usize,
        order: impl Iterator<Item = usize>,
        fields: impl Fn(usize) -> &'a [String],
    ) -> Blobs {
        let mut b = Blobs {
            text: String::new(),
            ranges: vec![(0, 0, 0); n],
        };
        for i in order {
            let start = b.text.len();
            push_blob(&mut b.text, fields(i).iter().map(String::as_str));
            let end = b.text.len();
            b.ranges[i] = (start, end, mask(&b.text[start..end]));
        }
        b
    }

    /// The search text of item `i` (see [`super::filter::blob`]).
    pub fn get(&self, i: usize) -> &str {
        self.ranges
            .get(i)
            .and_then(|&(a, b, _)| self.text.get(a..b))
            .unwrap_or("")
    }

    /// The character mask and search text (as bytes: slicing them reads no memory, so an item
    /// the mask rejects costs no cache miss for its text) of item `i`.
    pub fn item(&self, i: usize) -> (u64, &[u8]) {
        let (mask, _, blob) = self.item_at(i);
        (mask, blob)
    }

    /// [`Blobs::item`], and where the item's text starts in [`Blobs::all`].
    pub fn item_at(&self, i: usize) -> (u64, usize, &[u8]) {
        self.ranges
            .get(i)
            .and_then(|&(a, b, m)| Some((m, a, self.text.as_bytes().get(a..b)?)))
            .unwrap_or((0, 0, &[]))
    }

    /// The search texts of all items, one after the other.
    pub fn all(&self) -> &[u8] {
        self.text.as_bytes()
    }
}

pub struct Catalog {
    pub events: Vec<EventEntry>,
    pub event_blobs: Blobs,
    pub quote_blobs: Blobs,
    pub doc_blobs: Blobs,
    /// Event indices by date (undated last), ties in timeline order.
    pub event_order: Vec<usize>,
    pub quotes: Vec<QuoteEntry>,
    pub docs: Vec<DocEntry>,
    pub doc_by_id: HashMap<String, usize>,
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
    pub fn new(tl: &Timeline) -> Catalog {
        let doc_by_id: HashMap<String, usize> = tl
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        let quote_by_id: HashMap<&str, usize> = tl
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let event_by_id: HashMap<&str, usize> = tl
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();

        // Sanitising every string is most of the work on a large archive: on every core, in order.
        let quotes: Vec<QuoteEntry> = tl
            .quotes
            .par_iter()
            .map(|q| {
                let doc = doc_by_id.get(&q.doc).copied();
                let event = q
                    .event
                    .as_deref()
                    .and_then(|id| event_by_id.get(id).copied());
                let outlet = doc.map_or(String::new(), |d| plain(tl.documents[d].label()));
                let date = doc.and_then(|d| tl.documents[d].published.date);
                let speaker = q.speaker.as_deref().map(plain).unwrap_or_default();
                let fields = vec![speaker.clone(), plain(&q.text), outlet.clone()];
                QuoteEntry {
                    speaker,
                    text: fields[1].clone(),
                    outlet,
                    date,
                    doc,
                    event,
                    fields,
                }
            })
            .collect();

        let mut event_quotes: Vec<Vec<usize>> = vec![Vec::new(); tl.events.len()];
        for (i, e) in tl.events.iter().enumerate() {
            event_quotes[i].extend(
                e.quotes
                    .iter()
                    .filter_map(|id| quote_by_id.get(id.as_str())),
            );
        }
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
            .map(|(e, eq)| {
                let title = plain(&e.title);
                let actors: Vec<String> = e.actors.iter().map(|a| plain(a)).collect();
                let place = e.place.as_deref().map(plain);
                let outlets: Vec<String> = e.outlets.iter().map(|o| plain(o)).collect();
                let mut fields = vec![title.clone()];
                fields.extend(actors.iter().cloned());
                fields.extend(place.iter().cloned());
                fields.extend(outlets.iter().cloned());
                for &q in &eq {
                    fields.push(quotes[q].text.clone());
                    if !quotes[q].speaker.is_empty() {
                        fields.push(quotes[q].speaker.clone());
                    }
                }
                EventEntry {
                    title,
                    date: date_label(e.date.as_ref()),
                    start: e.date.as_ref().and_then(|d| d.start),
                    end: e.date.as_ref().and_then(|d| d.end.or(d.start)),
                    actors,
                    place,
                    outlets,
                    quotes: eq,
                    fields,
                }
            })
            .collect();

        let mut event_order: Vec<usize> = (0..events.len()).collect();
        event_order.sort_by_key(|&i| (events[i].start.is_none(), events[i].start));

        let mut docs: Vec<DocEntry> = tl
            .documents
            .par_iter()
            .map(|d| {
                let title = plain(d.title.as_deref().unwrap_or("(untitled)"));
                let outlet = plain(d.label());
                let path = plain(&d.path);
                let byline = d.byline.as_deref().map(plain).unwrap_or_default();
                let fields = vec![title.clone(), outlet.clone(), path.clone(), byline.clone()];
                DocEntry {
                    title,
                    outlet,
                    path,
                    byline,
                    quotes: Vec::new(),
                    actors: Vec::new(),
                    kinds: Vec::new(),
                    statuses: Vec::new(),
                    fields,
                }
            })
            .collect();
        for (qi, q) in quotes.iter().enumerate() {
            if let Some(d) = q.doc {
                docs[d].quotes.push(qi);
                if !q.speaker.is_empty() {
                    docs[d].actors.push(q.speaker.clone());
                }
            }
        }
        for e in &tl.events {
            for m in &e.mentions {
                if let Some(&d) = doc_by_id.get(&m.doc) {
                    let doc = &mut docs[d];
                    doc.actors.extend(m.actors.iter().map(|a| plain(a)));
                    doc.kinds.push(m.kind);
                    doc.statuses.push(m.status);
                }
            }
        }
        for doc in &mut docs {
            doc.quotes.sort_by_key(|&q| tl.quotes[q].span.start);
            doc.actors.sort();
            doc.actors.dedup();
            doc.kinds.sort();
            doc.kinds.dedup();
            doc.statuses.dedup();
        }

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

        let ((event_blobs, quote_blobs), doc_blobs) = rayon::join(
            || {
                rayon::join(
                    || {
                        Blobs::new(events.len(), event_order.iter().copied(), |i| {
                            &events[i].fields
                        })
                    },
                    || Blobs::new(quotes.len(), 0..quotes.len(), |i| &quotes[i].fields),
                )
            },
            || Blobs::new(docs.len(), 0..docs.len(), |i| &docs[i].fields),
        );
        Catalog {
            events,
            event_blobs,
            quote_blobs,
            doc_blobs,
            event_order,
            quotes,
            docs,
            doc_by_id,
            axis,
            latest,
        }
    }
}
