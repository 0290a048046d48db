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
pub mod gate;
pub mod link;
mod moving;
pub mod score;
pub mod title;

use super::events::places::Places;
use crate::model::{Document, Event, Mention, Timeline};
use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// One mention with what the merge needs to know about its document.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub m: &'a Mention,
    /// Orders documents independently of load order (the path, then the id).
    pub doc_key: &'a str,
    /// The outlet or file name shown to users.
    pub label: &'a str,
    pub dct: Option<NaiveDate>,
}

/// The mentions of all documents grouped into events, before the mentions move into them
/// ([`place_mentions`]).
#[derive(Debug)]
pub struct Grouped {
    /// The events, without their mentions yet.
    events: Vec<Event>,
    /// Each event's mentions, numbered through the documents in order.
    members: Vec<Vec<usize>>,
}

/// Ties each quote and reported statement to the event it speaks of.
pub fn link_quotes(timeline: &mut Timeline) {
    let _phase = super::phase("linking quotes");
    link::link_quotes(timeline);
}

/// The events the mentions of all documents tell (without their mentions yet), and the members
/// of each.
pub fn group(documents: &[Document], per_doc: &[Vec<Mention>]) -> Grouped {
    let phase = super::phase("items");
    let by_id: FxHashMap<&str, (&Document, String)> = documents
        .iter()
        .map(|d| (d.id.as_str(), (d, format!("{}\u{0}{}", d.path, d.id))))
        .collect();
    let items: Vec<Item> = per_doc
        .iter()
        .flatten()
        .map(|m| {
            let doc = by_id.get(m.doc.as_str());
            Item {
                m,
                doc_key: doc.map_or(m.doc.as_str(), |(_, key)| key.as_str()),
                label: doc.map_or(m.doc.as_str(), |(d, _)| d.label()),
                dct: doc.and_then(|(d, _)| d.published.date),
            }
        })
        .collect();
    let places = Places::embedded();
    drop(phase);
    let phase = super::phase("grouping");
    let groups = cluster::cluster(&items, places);
    drop(phase);
    let _phase = super::phase("building events");
    let (events, members) = groups
        .par_iter()
        .map(|g| event::build(&g.members, &g.why, &items, places))
        .unzip();
    Grouped { events, members }
}

/// The events with their mentions, moved out of `per_doc` (whose vectors are freed as they
/// empty).
pub fn place_mentions(grouped: Grouped, per_doc: Vec<Vec<Mention>>) -> Vec<Event> {
    let _phase = super::phase("moving mentions");
    let Grouped {
        mut events,
        members,
    } = grouped;
    for (e, mentions) in events
        .iter_mut()
        .zip(moving::into_events(per_doc, &members))
    {
        e.mentions = mentions;
        // An undated noun its article tells beside the event's plan is that plan.
        let plan = event::told_as_plan(&e.mentions.iter().collect::<Vec<_>>());
        for (m, p) in e.mentions.iter_mut().zip(plan) {
            if p {
                m.status = crate::model::Status::Planned;
            }
        }
    }
    events
}

/// The events dated from their anchors and reports, titled, in date order and numbered.
pub fn finish(mut events: Vec<Event>) -> Vec<Event> {
    let places = Places::embedded();
    let _phase = super::phase("dating, titles, order");
    event::date_from_anchors(&mut events);
    event::day_of_report(&mut events);
    events
        .par_iter_mut()
        .for_each(|e| e.title = title::title(e, places));
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
    events
}
