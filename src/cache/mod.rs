//! Reopening a corpus without redoing its extraction: a cache of extraction results on disk.
//!
//! Two kinds of entries ([`store`]), keyed by hashes ([`key`]):
//! - one per document: its [`Extraction`], keyed by its text, chrome lines, publication date and
//!   the extractor version. When one article of a folder changes, only it is extracted again (the
//!   dates of its neighbours are inferred again, and the merge runs again);
//! - one per corpus: the finished timeline (documents with their inferred dates, events, quotes,
//!   actors, reported statements; laid out in [`entry`]), keyed by every document's metadata and text in order.
//!   Reopening a corpus whose texts are unchanged decodes this one entry: no inference, no
//!   extraction, no merge;
//! - one per set of paths given: the stat index ([`stat`]), every file's size, times and inode,
//!   so that an unchanged folder is recognised without reading or hashing its files.
//!
//! Cached extractions are renumbered to the document's current id, so adding a file in front of
//! the others does not invalidate them.

pub mod entry;
pub mod key;
pub mod stat;
mod store;
mod stored;

pub use store::{Cache, EntryFile, Kind, PAYLOAD};

use crate::extract::Extracted;
use crate::extract::{self, Extraction};
use crate::model::{Actor, Mention, MentionCues, Quote, Reported, Timeline};
use serde::{Deserialize, Serialize};

impl Cache {
    /// The extraction stored under `key`, renumbered to the document's id now (`None` on a miss
    /// or an unreadable entry).
    pub fn extraction(&self, key: u128, doc_id: &str) -> Option<Extraction> {
        let mut cached = self.get::<ExtractionIn>(Kind::Extraction, key)?;
        if cached.cues.len() != cached.ex.mentions.len() {
            return None;
        }
        for (m, cues) in cached.ex.mentions.iter_mut().zip(cached.cues) {
            m.cues = cues;
        }
        renumber(&mut cached.ex, doc_id);
        Some(cached.ex)
    }

    /// Stores a document's extraction as the merge hands it over (its quotes extracted).
    pub fn put_extraction(&self, key: u128, ex: Extracted) {
        let out = ExtractionOut {
            ex: ExtractionRef {
                doc: ex.doc,
                timexes: &[],
                actors: &[],
                new_actors: ex.new_actors,
                quotes: ex.quotes,
                mentions: ex.mentions,
                reported: ex.reported,
            },
            cues: ex.mentions.iter().map(|m| &m.cues).collect(),
        };
        self.put(Kind::Extraction, key, &out);
    }

    /// The timeline stored under `key` (with `documents` documents, when known), if readable.
    pub fn timeline(&self, key: u128, documents: Option<usize>) -> Option<Timeline> {
        read_timeline(self, key, documents)
    }

    /// Stores the whole timeline under `key`.
    pub fn put_timeline(&self, key: u128, timeline: &mut Timeline) {
        if let Some(payload) = entry::encode(timeline) {
            self.put_raw(Kind::Timeline, key, &payload);
        }
    }
}

/// The timeline stored under `key` (with `documents` documents, when known), if readable.
fn read_timeline(cache: &Cache, key: u128, documents: Option<usize>) -> Option<Timeline> {
    let file = cache.open_entry(Kind::Timeline, key)?;
    let read = |at: u64, into: &mut [u8]| file.read(at, into);
    let timeline = entry::decode_from(file.len, &read);
    match timeline {
        Some(t) if documents.is_none_or(|n| n == t.documents.len()) => Some(t),
        _ => {
            cache.count_broken(Kind::Timeline, key);
            None
        }
    }
}

/// Gives a cached extraction the id its document has now.
fn renumber(ex: &mut Extraction, id: &str) {
    if ex.doc == id {
        return;
    }
    let old = std::mem::replace(&mut ex.doc, id.to_string());
    for m in &mut ex.mentions {
        m.doc = id.to_string();
    }
    for q in &mut ex.quotes {
        q.doc = id.to_string();
        if let Some(rest) = q.id.strip_prefix(old.as_str()) {
            q.id = format!("{id}{rest}");
        }
    }
    for r in &mut ex.reported {
        r.doc = id.to_string();
        if let Some(rest) = r.id.strip_prefix(old.as_str()) {
            r.id = format!("{id}{rest}");
        }
    }
}

/// A mention's cues are left out of its serde form (they are not exported), so the entry keeps
/// them beside the extraction, one per mention.
#[derive(Serialize)]
struct ExtractionOut<'a> {
    ex: ExtractionRef<'a>,
    cues: Vec<&'a MentionCues>,
}

/// An [`Extraction`] as postcard lays it out (field by field, in its order), from borrowed parts.
#[derive(Serialize)]
struct ExtractionRef<'a> {
    doc: &'a str,
    timexes: &'a [extract::time::Timex],
    actors: &'a [extract::actors::ActorMention],
    new_actors: &'a [Actor],
    quotes: &'a [Quote],
    mentions: &'a [Mention],
    reported: &'a [Reported],
}

#[derive(Deserialize)]
struct ExtractionIn {
    ex: Extraction,
    cues: Vec<MentionCues>,
}
