//! What the first frame does not need, made beside it: the filter's search texts and the
//! documents' facets.
//!
//! Lower-casing every field of a large archive and gathering each document's actors from the
//! event mentions take a good part of the time to open a 10k-article folder, and the first frame
//! shows neither a filter nor a document facet. So the catalog hands its lists to two threads
//! that make them while the TUI draws. Whoever needs one first ([`Later::blobs`],
//! [`Later::doc_facets`]) waits if a thread is making it, or makes it itself if no thread could
//! be started. Either way the result is the same: the threads only move the work, so a filter
//! gives the same rows whenever it is typed.

use crate::model::{EventKind, Mention, Status, Timeline};
use crate::sanitize::plain;
use crate::tui::action::View;
use crate::tui::catalog::{DocEntry, EventEntry, QuoteEntry};
use crate::tui::search::texts::Blobs;
use rustc_hash::FxHashMap;
use std::sync::{Arc, OnceLock};

/// What the catalog shares with the threads.
pub struct Lists {
    pub timeline: Arc<Timeline>,
    pub events: Arc<Vec<EventEntry>>,
    pub quotes: Arc<Vec<QuoteEntry>>,
    pub docs: Arc<Vec<DocEntry>>,
    pub doc_by_id: Arc<FxHashMap<String, usize>>,
    /// Event indices in display order (the order of the events' search texts).
    pub event_order: Vec<usize>,
    /// Quote indices in display order.
    pub quote_order: Vec<usize>,
    /// Document indices in display order.
    pub doc_order: Vec<usize>,
}

/// The actors, kinds and statuses of a document's quotes and event mentions (for the facets).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocFacets {
    /// Sorted, each once.
    pub actors: Vec<String>,
    /// Sorted, each once.
    pub kinds: Vec<EventKind>,
    /// In mention order, repeats in a row dropped.
    pub statuses: Vec<Status>,
}

/// Each view's [`Blobs`] and the documents' facets, made once, by whichever thread asks first.
pub struct Later {
    lists: Lists,
    /// By [`View::index`].
    blobs: [OnceLock<Blobs>; 3],
    facets: OnceLock<Vec<DocFacets>>,
}

impl Later {
    /// Nothing made yet.
    pub fn new(lists: Lists) -> Later {
        Later {
            lists,
            blobs: Default::default(),
            facets: OnceLock::new(),
        }
    }

    /// Starts making everything on two threads (the quotes' search texts, the largest, on one;
    /// the rest on the other), so that it is ready or nearly so when the user first needs it.
    /// Nothing is lost if no thread can be started.
    pub fn make_in_background(later: &Arc<Later>) {
        let quotes = Arc::clone(later);
        let _ = std::thread::Builder::new()
            .name("attache-later".into())
            .spawn(move || {
                quotes.blobs(View::Quotes);
            });
        let rest = Arc::clone(later);
        let _ = std::thread::Builder::new()
            .name("attache-later".into())
            .spawn(move || {
                rest.blobs(View::Timeline);
                rest.doc_facets();
                rest.blobs(View::Sources);
            });
    }

    /// The search texts of `view`'s items: made now if no thread has started them, waited for
    /// if one is making them.
    pub fn blobs(&self, view: View) -> &Blobs {
        self.blobs[view.index()].get_or_init(|| self.make_blobs(view))
    }

    /// Every document's facets, by document index (made or waited for, as [`Later::blobs`]).
    pub fn doc_facets(&self) -> &[DocFacets] {
        self.facets.get_or_init(|| self.make_doc_facets())
    }

    /// Whether `view`'s search texts are made yet (for tests).
    pub fn blobs_ready(&self, view: View) -> bool {
        self.blobs[view.index()].get().is_some()
    }

    fn make_blobs(&self, view: View) -> Blobs {
        let l = &self.lists;
        match view {
            View::Timeline => Blobs::new(l.events.len(), l.event_order.iter().copied(), |i| {
                l.events[i].fields(&l.quotes)
            }),
            View::Quotes => Blobs::new(l.quotes.len(), l.quote_order.iter().copied(), |i| {
                l.quotes[i].fields().into_iter()
            }),
            View::Sources => Blobs::new(l.docs.len(), l.doc_order.iter().copied(), |i| {
                l.docs[i].fields().into_iter()
            }),
        }
    }

    /// A name is sanitised once per document, however many mentions repeat it.
    fn make_doc_facets(&self) -> Vec<DocFacets> {
        let l = &self.lists;
        let mut mentions: Vec<Vec<&Mention>> = vec![Vec::new(); l.docs.len()];
        for m in l.timeline.events.iter().flat_map(|e| &e.mentions) {
            if let Some(&d) = l.doc_by_id.get(m.doc.as_str()) {
                mentions[d].push(m);
            }
        }
        l.docs
            .iter()
            .zip(mentions)
            .map(|(doc, mentions)| {
                let mut named: Vec<&str> = mentions
                    .iter()
                    .flat_map(|m| m.actors.iter().map(String::as_str))
                    .collect();
                named.sort_unstable();
                named.dedup();
                let speakers = doc.quotes.iter().map(|&q| &l.quotes[q].speaker);
                let mut actors: Vec<String> = speakers
                    .filter(|s| !s.is_empty())
                    .cloned()
                    .chain(named.into_iter().map(plain))
                    .collect();
                actors.sort();
                actors.dedup();
                let mut kinds: Vec<EventKind> = mentions.iter().map(|m| m.kind).collect();
                kinds.sort();
                kinds.dedup();
                let mut statuses: Vec<Status> = mentions.iter().map(|m| m.status).collect();
                statuses.dedup();
                DocFacets {
                    actors,
                    kinds,
                    statuses,
                }
            })
            .collect()
    }
}
