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
use crate::model::{Actor, Document, Event, Mention, Quote, Reported, Timeline};
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

/// A document's extraction as the merge holds it once its quotes are extracted (what the cache
/// keeps of it: see [`merge_storing`]).
#[derive(Debug, Clone, Copy)]
pub struct Extracted<'a> {
    pub doc: &'a str,
    pub new_actors: &'a [Actor],
    pub quotes: &'a [Quote],
    pub mentions: &'a [Mention],
    pub reported: &'a [Reported],
}

/// Takes each extraction (by its place) once its quotes are extracted: see [`merge_storing`].
pub type Store<'a> = &'a (dyn Fn(usize, Extracted) + Sync);

/// Builds the corpus timeline from the documents and their extractions.
///
/// Quotes are linked into statements on one core while the mentions are grouped into events on
/// the other: the two do not depend on each other.
pub fn merge(documents: Vec<Document>, extractions: Vec<Extraction>) -> Timeline {
    merge_storing(documents, extractions, None)
}

/// [`merge`], handing `store` each extraction (by its place) once its quotes are extracted.
///
/// The quotes left to the merge ([`super::extract_deferring_quotes`]) are extracted beside the
/// grouping, which leaves a core idle while its largest kind family is grouped; `store` is
/// called there too.
pub fn merge_storing(
    documents: Vec<Document>,
    mut extractions: Vec<Extraction>,
    store: Option<Store>,
) -> Timeline {
    let by_id: FxHashMap<&str, usize> = documents
        .iter()
        .enumerate()
        .map(|(k, d)| (d.id.as_str(), k))
        .collect();
    // Each document's quotes, or what they are to be extracted from.
    let mut parts: Vec<Result<Vec<Quote>, (usize, Pending)>> =
        Vec::with_capacity(extractions.len());
    let mut new_actors: Vec<Vec<Actor>> = Vec::with_capacity(extractions.len());
    let mut ids: Vec<String> = Vec::with_capacity(extractions.len());
    let mut reported: Vec<Vec<Reported>> = Vec::with_capacity(extractions.len());
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
        new_actors.push(std::mem::take(&mut ex.new_actors));
        reported.push(std::mem::take(&mut ex.reported));
        ids.push(std::mem::take(&mut ex.doc));
    }
    drop(by_id);
    let mut actors: Vec<Actor> = Vec::new();
    let mut named: HashSet<&str> = HashSet::new();
    for a in new_actors.iter().flatten() {
        if named.insert(a.name.as_str()) {
            actors.push(a.clone());
        }
    }
    drop(named);
    // Mentions stay in their documents' vectors (a flat copy of every mention would hold them
    // twice at the merge's peak).
    let per_doc: Vec<Vec<Mention>> = extractions.into_iter().map(|ex| ex.mentions).collect();
    let ((events, members), quotes) = rayon::join(
        || group(&documents, &per_doc),
        || {
            // Small jobs: the grouping's thread may take one while it waits on its own.
            let quotes: Vec<Vec<Quote>> = parts
                .into_par_iter()
                .with_max_len(4)
                .map(|part| match part {
                    Ok(quotes) => quotes,
                    Err((doc, pending)) => super::pending_quotes(&documents[doc], &pending),
                })
                .collect();
            if let Some(store) = store {
                quotes
                    .par_iter()
                    .enumerate()
                    .with_max_len(4)
                    .for_each(|(k, q)| {
                        store(
                            k,
                            Extracted {
                                doc: &ids[k],
                                new_actors: &new_actors[k],
                                quotes: q,
                                mentions: &per_doc[k],
                                reported: &reported[k],
                            },
                        );
                    });
            }
            let mut all: Vec<Quote> = Vec::with_capacity(quotes.iter().map(Vec::len).sum());
            all.extend(quotes.into_iter().flatten());
            let phase = Phase::start("statements");
            link_statements(&mut all);
            phase.end();
            all
        },
    );
    drop((ids, new_actors));
    let events = finish(events, &members, per_doc);
    let mut timeline = Timeline {
        documents,
        events,
        quotes,
        actors,
        reported: reported.into_iter().flatten().collect(),
    };
    let phase = Phase::start("linking quotes");
    link::link_quotes(&mut timeline);
    phase.end();
    timeline
}

/// The events the mentions of all documents tell (without their mentions yet), and the members
/// of each (numbered through the documents in order).
fn group(documents: &[Document], per_doc: &[Vec<Mention>]) -> (Vec<Event>, Vec<Vec<usize>>) {
    let phase = Phase::start("items");
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
    let built = groups
        .par_iter()
        .map(|g| event::build(&g.members, &g.why, &items, places))
        .unzip();
    phase.end();
    built
}

/// The events with their mentions (moved out of `per_doc`), titled, in date order and numbered.
fn finish(
    mut events: Vec<Event>,
    members: &[Vec<usize>],
    per_doc: Vec<Vec<Mention>>,
) -> Vec<Event> {
    let places = Places::embedded();
    let phase = Phase::start("moving mentions");
    for (e, mentions) in events.iter_mut().zip(moving::into_events(per_doc, members)) {
        e.mentions = mentions;
        // An undated noun its article tells beside the event's plan is that plan.
        let plan = event::told_as_plan(&e.mentions.iter().collect::<Vec<_>>());
        for (m, p) in e.mentions.iter_mut().zip(plan) {
            if p {
                m.status = crate::model::Status::Planned;
            }
        }
    }
    crate::memory::release_free();
    let phase = phase.next("dating, titles, order");
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
    phase.end();
    events
}
