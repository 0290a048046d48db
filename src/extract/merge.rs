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
use super::quotes::link_statements;
use super::{Extraction, Pending};
use crate::model::{Actor, Document, Event, Mention, Quote, Timeline};
use crate::phase::Phase;
use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::HashSet;

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

/// Builds the corpus timeline from the documents and their extractions.
///
/// Quotes are linked into statements on one core while the mentions are grouped into events on
/// the other: the two do not depend on each other.
pub fn merge(documents: Vec<Document>, mut extractions: Vec<Extraction>) -> Timeline {
    let mut actors: Vec<Actor> = Vec::new();
    let mut named: HashSet<String> = HashSet::new();
    // Each document's quotes, or what they are to be extracted from (see
    // [`super::extract_deferring_quotes`]): that is done beside the grouping, which leaves a core
    // idle while its largest kind family is grouped.
    let mut parts: Vec<Result<Vec<Quote>, (usize, Pending)>> =
        Vec::with_capacity(extractions.len());
    let by_id: FxHashMap<&str, usize> = documents
        .iter()
        .enumerate()
        .map(|(k, d)| (d.id.as_str(), k))
        .collect();
    for (k, ex) in extractions.iter_mut().enumerate() {
        // Taken, not appended: each extraction's buffer is freed at once.
        parts.push(match ex.pending.take() {
            Some(pending) => {
                // The document extracted: the one in the same place, or else the one of its id.
                let doc = match documents.get(k) {
                    Some(d) if d.id == ex.doc => Some(k),
                    _ => by_id.get(ex.doc.as_str()).copied(),
                };
                match doc {
                    Some(doc) => Err((doc, pending)),
                    None => Ok(Vec::new()),
                }
            }
            None => Ok(std::mem::take(&mut ex.quotes)),
        });
        for a in std::mem::take(&mut ex.new_actors) {
            if named.insert(a.name.clone()) {
                actors.push(a);
            }
        }
    }
    drop(by_id);
    let (events, quotes) = rayon::join(
        || events(&documents, extractions),
        || {
            // Small jobs: the grouping's thread may take one while it waits on its own.
            let per_doc: Vec<Vec<Quote>> = parts
                .into_par_iter()
                .with_max_len(4)
                .map(|part| match part {
                    Ok(quotes) => quotes,
                    Err((doc, pending)) => super::pending_quotes(&documents[doc], &pending),
                })
                .collect();
            let mut quotes: Vec<Quote> = Vec::with_capacity(per_doc.iter().map(Vec::len).sum());
            quotes.extend(per_doc.into_iter().flatten());
            let phase = Phase::start("statements");
            link_statements(&mut quotes);
            phase.end();
            quotes
        },
    );
    let mut timeline = Timeline {
        documents,
        events,
        quotes,
        actors,
    };
    let phase = Phase::start("linking quotes");
    link::link_quotes(&mut timeline);
    phase.end();
    timeline
}

/// The events the mentions of all documents tell, numbered in date order.
fn events(documents: &[Document], extractions: Vec<Extraction>) -> Vec<Event> {
    // Mentions stay in their documents' vectors (a flat copy of every mention would hold them
    // twice at the merge's peak); `at` maps a mention's number to where it is.
    let phase = Phase::start("items");
    let per_doc: Vec<Vec<Mention>> = extractions.into_iter().map(|ex| ex.mentions).collect();
    let at: Vec<(u32, u32)> = per_doc
        .iter()
        .enumerate()
        .flat_map(|(d, ms)| (0..ms.len()).map(move |k| (d as u32, k as u32)))
        .collect();
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
    let phase = phase.next("grouping");
    let groups = cluster::cluster(&items, places);
    let phase = phase.next("building events");
    let (mut events, members): (Vec<Event>, Vec<Vec<usize>>) = groups
        .par_iter()
        .map(|g| event::build(&g.members, &items, places))
        .unzip();
    drop((items, groups));
    let phase = phase.next("moving mentions");
    drop(at);
    for (e, mentions) in events
        .iter_mut()
        .zip(moving::into_events(per_doc, &members))
    {
        e.mentions = mentions;
    }
    crate::memory::release_free();
    let phase = phase.next("dating, titles, order");
    event::date_from_anchors(&mut events);
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
    phase.end();
    events
}
