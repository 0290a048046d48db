//! Merging the mentions of all documents into events: one real event, once, with all its sources.
//!
//! [`cluster`] groups mentions; [`event`] turns a group into an [`Event`] (date with provenance,
//! status, people, place, outlets, disagreements) and [`title`] names it; [`link`] ties quotes to
//! events. The result does not depend on the order the files were given in: mentions are ordered
//! by document path and offset, events by date and title, and numbered after sorting.

pub mod blocking;
pub mod cluster;
pub mod disagree;
pub mod event;
pub mod facts;
pub mod link;
pub mod title;

use super::Extraction;
use super::events::places::Places;
use super::quotes::link_statements;
use crate::model::{Document, Event, Mention, Timeline};
use chrono::NaiveDate;
use std::collections::HashMap;

/// One mention with what the merge needs to know about its document.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub m: &'a Mention,
    /// Orders documents independently of load order (the path, then the id).
    pub doc_key: String,
    /// The outlet or file name shown to users.
    pub label: String,
    pub dct: Option<NaiveDate>,
}

/// Builds the corpus timeline from the documents and their extractions.
pub fn merge(documents: Vec<Document>, extractions: Vec<Extraction>) -> Timeline {
    let mut timeline = Timeline {
        documents,
        ..Timeline::default()
    };
    let by_id: HashMap<&str, &Document> = timeline
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    let mut items: Vec<Item> = Vec::new();
    for ex in &extractions {
        for m in &ex.mentions {
            let doc = by_id.get(m.doc.as_str());
            items.push(Item {
                m,
                doc_key: doc.map_or_else(|| m.doc.clone(), |d| format!("{}\u{0}{}", d.path, d.id)),
                label: doc.map_or_else(|| m.doc.clone(), |d| d.label().to_string()),
                dct: doc.and_then(|d| d.published.date),
            });
        }
    }
    let places = Places::embedded();
    let groups = cluster::cluster(&items, places);
    let mut events: Vec<Event> = groups
        .iter()
        .map(|g| event::build(&g.members, &items, places))
        .collect();
    event::date_from_anchors(&mut events, &groups, &items);
    for e in &mut events {
        e.title = title::title(e, places);
    }
    events.sort_by(|a, b| {
        let key = |e: &Event| e.date.as_ref().and_then(|d| d.start);
        key(a)
            .is_none()
            .cmp(&key(b).is_none())
            .then(key(a).cmp(&key(b)))
            .then(a.title.cmp(&b.title))
            .then(
                a.mentions
                    .first()
                    .map(|m| (&m.doc, m.span))
                    .cmp(&b.mentions.first().map(|m| (&m.doc, m.span))),
            )
    });
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
    drop(by_id);
    for ex in extractions {
        timeline.quotes.extend(ex.quotes);
        for a in ex.new_actors {
            if !timeline.actors.iter().any(|b| b.name == a.name) {
                timeline.actors.push(a);
            }
        }
    }
    timeline.events = events;
    link_statements(&mut timeline.quotes);
    link::link_quotes(&mut timeline);
    timeline
}
