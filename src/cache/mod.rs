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

pub use stat::{Opened, open};
pub use store::{Cache, EntryFile, Kind, PAYLOAD};

use crate::extract::merge::{Extracted, Store};
use crate::extract::{self, Extraction};
use crate::model::{Actor, Document, Mention, MentionCues, Quote, Reported, Timeline};
use crate::progress::Progress;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// How a timeline was built: for the user's warning line, and for tests to observe the cache.
#[derive(Debug)]
pub struct Built {
    pub timeline: Timeline,
    /// Documents whose extraction ran.
    pub extracted: usize,
    /// Documents whose extraction came from the cache.
    pub reused: usize,
    /// The whole timeline came from the cache.
    pub timeline_reused: bool,
    /// The key of the timeline entry (`None` without a cache).
    pub timeline_key: Option<u128>,
    /// The corpus was recognised as unchanged from its files' metadata: no file was read.
    pub files_unread: bool,
}

/// Loads-to-timeline like [`extract::build_timeline`], reading and filling `cache` when given.
pub fn build_timeline(
    mut documents: Vec<Document>,
    cache: Option<&Cache>,
    progress: &Progress,
) -> Built {
    let Some(cache) = cache else {
        progress.stage("dating articles", 0);
        let reuse = crate::memory::Reuse::start();
        let analysed = extract::time::infer_publication_dates_analysed(&mut documents);
        let extractions = extract_all(&documents, progress, |i, d| {
            (fresh(analysed.as_deref(), i, d), false)
        });
        // Every article's analysed expressions: not needed by the merge. The free pages go back
        // to the system before the merge's peak.
        drop(analysed);
        drop(reuse);
        progress.stage("merging events", 0);
        return merged(documents, extractions, None, progress);
    };
    progress.stage("checking the cache", documents.len());
    let texts: Vec<u128> = documents
        .par_iter()
        .map(|d| {
            progress.advance(1);
            key::text_hash(d)
        })
        .collect();
    let whole = key::timeline_key(&documents, &texts);
    if let Some(timeline) = read_timeline(cache, whole, Some(documents.len())) {
        progress.stage("reusing the cached timeline", 0);
        return Built {
            timeline,
            extracted: 0,
            reused: 0,
            timeline_reused: true,
            timeline_key: Some(whole),
            files_unread: false,
        };
    }
    progress.stage("dating articles", 0);
    let reuse = crate::memory::Reuse::start();
    let analysed = extract::time::infer_publication_dates_analysed(&mut documents);
    let keys: Vec<u128> = documents
        .par_iter()
        .zip(&texts)
        .map(|(d, &text)| key::extraction_key(d, text))
        .collect();
    let extractions = extract_all(&documents, progress, |i, d| {
        if let Some(mut cached) = cache.get::<ExtractionIn>(Kind::Extraction, keys[i])
            && cached.cues.len() == cached.ex.mentions.len()
        {
            for (m, cues) in cached.ex.mentions.iter_mut().zip(cached.cues) {
                m.cues = cues;
            }
            renumber(&mut cached.ex, &d.id);
            return (cached.ex, true);
        }
        // Its quotes are extracted in the merge, which stores the entry.
        (fresh(analysed.as_deref(), i, d), false)
    });
    drop(analysed);
    drop(reuse);
    progress.stage("merging events", 0);
    let fresh: Vec<bool> = extractions.iter().map(|(_, hit)| !hit).collect();
    let store = |k: usize, ex: Extracted| {
        if fresh.get(k).copied().unwrap_or(false) {
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
            cache.put(Kind::Extraction, keys[k], &out);
        }
    };
    merged(
        documents,
        extractions,
        Some((cache, whole, &store)),
        progress,
    )
}

/// Extracts document `i` but for its quotes (left to the merge), from the time expressions
/// dating already analysed when there are some (the text is not tagged twice).
fn fresh(
    analysed: Option<&[Vec<extract::time::Expression>]>,
    i: usize,
    d: &Document,
) -> Extraction {
    match analysed.and_then(|a| a.get(i)) {
        Some(expressions) => extract::extract_deferring_quotes(d, expressions),
        None => extract::extract_deferring_quotes(d, &extract::time::analyse(&d.text)),
    }
}

/// Runs `one` on every document in parallel, keeping load order, and counts them.
fn extract_all(
    documents: &[Document],
    progress: &Progress,
    one: impl Fn(usize, &Document) -> (Extraction, bool) + Sync,
) -> Vec<(Extraction, bool)> {
    progress.stage("extracting", documents.len());
    documents
        .par_iter()
        .enumerate()
        .map(|(i, d)| {
            let (mut ex, hit) = one(i, d);
            // The merge reads mentions, quotes and new actors only: a 100k-article corpus need
            // not hold every time expression and name occurrence until it is done.
            ex.timexes = Vec::new();
            ex.actors = Vec::new();
            progress.advance(1);
            (ex, hit)
        })
        .collect()
}

fn merged(
    documents: Vec<Document>,
    extractions: Vec<(Extraction, bool)>,
    cache: Option<(&Cache, u128, Store)>,
    progress: &Progress,
) -> Built {
    let reused = extractions.iter().filter(|(_, hit)| *hit).count();
    let extracted = extractions.len() - reused;
    let extractions = extractions.into_iter().map(|(ex, _)| ex).collect();
    let mut timeline =
        extract::merge::merge_storing(documents, extractions, cache.map(|(_, _, store)| store));
    if let Some((cache, whole, _)) = cache {
        progress.stage("writing the cache", 0);
        if let Some(payload) = entry::encode(&mut timeline) {
            cache.put_raw(Kind::Timeline, whole, &payload);
        }
    }
    Built {
        timeline,
        extracted,
        reused,
        timeline_reused: false,
        timeline_key: cache.map(|(_, whole, _)| whole),
        files_unread: false,
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
