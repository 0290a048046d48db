//! The timeline entry: a whole corpus's timeline, documents included, laid out for a fast reopen.
//!
//! Decoding this one entry is most of a warm reopen, so its payload is cut into parts (documents,
//! events, quotes, actors, reported statements, each list in chunks) that decode in parallel, and it leaves out what it
//! can rebuild: a quote's or a mention's text is by definition `&doc.text[span]`, so it is stored
//! empty and sliced back from its document (a timeline where that does not hold for every item is
//! stored in full, flagged in the payload). The documents are stored whole, texts included, so an
//! unchanged folder reopens without reading its files.
//!
//! Payload: `u32` part count, `u8` flags, then per part a `u8` kind, a `u64` length and the
//! part's `xxh3_64` checksum, then the parts' postcard bytes in order. Each part is read from the
//! file and checked on its own, as it is decoded, so the whole payload is never in memory.

use super::stored::{DocumentIn, DocumentOut, elide, fill, put_back};
use crate::model::{Actor, Document, Event, Quote, Reported, Timeline};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use xxhash_rust::xxh3::xxh3_64;

/// Items per chunk: small enough for two cores to share the work evenly, large enough that a
/// chunk's framing costs nothing.
const CHUNK: usize = 1024;
/// Flag: quote and mention texts are left out and sliced back from their documents.
const ELIDED: u8 = 1;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Documents = 0,
    Events = 1,
    Quotes = 2,
    Actors = 3,
    Reported = 4,
}

impl Part {
    fn of(byte: u8) -> Option<Part> {
        [
            Part::Documents,
            Part::Events,
            Part::Quotes,
            Part::Actors,
            Part::Reported,
        ]
        .into_iter()
        .find(|p| *p as u8 == byte)
    }
}

/// The payload for `timeline`. Quote and mention texts are taken out while it is written and put
/// back before this returns.
pub fn encode(timeline: &mut Timeline) -> Option<Vec<u8>> {
    let taken = elide(timeline);
    let elided = taken.is_some();
    let parts = encode_parts(timeline);
    if let Some(taken) = taken {
        put_back(timeline, taken);
    }
    let parts = parts?;
    let table = 5 + parts.len() * FRAME;
    let mut out = Vec::with_capacity(table + parts.iter().map(|p| p.1.len()).sum::<usize>());
    out.extend_from_slice(&(parts.len() as u32).to_le_bytes());
    out.push(if elided { ELIDED } else { 0 });
    for (kind, bytes) in &parts {
        out.push(*kind as u8);
        out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        out.extend_from_slice(&xxh3_64(bytes).to_le_bytes());
    }
    for (_, bytes) in parts {
        out.extend_from_slice(&bytes);
    }
    Some(out)
}

/// A part's frame in the table: kind, length, checksum.
const FRAME: usize = 1 + 8 + 8;

fn encode_parts(t: &Timeline) -> Option<Vec<(Part, Vec<u8>)>> {
    fn chunks<T: Serialize + Sync>(part: Part, items: &[T]) -> Vec<(Part, &[T])> {
        items.chunks(CHUNK).map(|c| (part, c)).collect()
    }
    fn one<T: Serialize>(part: Part, items: &[T]) -> Option<(Part, Vec<u8>)> {
        postcard::to_stdvec(items).ok().map(|b| (part, b))
    }
    let docs: Vec<DocumentOut> = t.documents.iter().map(DocumentOut::of).collect();
    let docs = chunks(Part::Documents, &docs);
    let events = chunks(Part::Events, &t.events);
    let quotes = chunks(Part::Quotes, &t.quotes);
    let reported = chunks(Part::Reported, &t.reported);
    let mut parts: Vec<Option<(Part, Vec<u8>)>> = Vec::new();
    docs.par_iter()
        .map(|(p, c)| one(*p, c))
        .chain(events.par_iter().map(|(p, c)| one(*p, c)))
        .chain(quotes.par_iter().map(|(p, c)| one(*p, c)))
        .chain(reported.par_iter().map(|(p, c)| one(*p, c)))
        .collect_into_vec(&mut parts);
    parts.push(one(Part::Actors, &t.actors));
    parts.into_iter().collect()
}

/// The timeline in `payload`, or `None` when it is not one this build wrote.
pub fn decode(payload: &[u8]) -> Option<Timeline> {
    let read = |at: u64, into: &mut [u8]| {
        let at = usize::try_from(at).ok()?;
        into.copy_from_slice(payload.get(at..at.checked_add(into.len())?)?);
        Some(())
    };
    decode_from(payload.len() as u64, &read)
}

/// Fills the buffer with the payload's bytes from offset `at`.
pub type ReadAt<'a> = dyn Fn(u64, &mut [u8]) -> Option<()> + Sync + 'a;

/// Reads `len` bytes at `at` into a new buffer.
fn read_vec(read: &ReadAt, at: u64, len: usize) -> Option<Vec<u8>> {
    let mut bytes = vec![0; len];
    read(at, &mut bytes)?;
    Some(bytes)
}

/// The timeline in a payload of `total` bytes read through `read`, part by part as the parts are
/// decoded (so that the whole payload is never in memory at once); each part is checked against
/// its checksum. `None` when it is not one this build wrote.
pub fn decode_from(total: u64, read: &ReadAt) -> Option<Timeline> {
    let head = read_vec(read, 0, 5)?;
    let count = u32::from_le_bytes(head.get(..4)?.try_into().ok()?) as usize;
    let flags = *head.get(4)?;
    let table_len = count.checked_mul(FRAME)?.checked_add(5)?;
    if table_len as u64 > total {
        return None;
    }
    let table = read_vec(read, 5, table_len - 5)?;
    let mut at = table_len as u64;
    let mut parts = Vec::with_capacity(count);
    for frame in table.chunks_exact(FRAME) {
        let kind = Part::of(frame[0])?;
        let len = u64::from_le_bytes(frame.get(1..9)?.try_into().ok()?);
        let sum = u64::from_le_bytes(frame.get(9..17)?.try_into().ok()?);
        parts.push((kind, at, usize::try_from(len).ok()?, sum));
        at = at.checked_add(len)?;
    }
    if at != total {
        return None;
    }
    let of = |kind: Part| -> Vec<Chunk> {
        parts
            .iter()
            .filter(|p| p.0 == kind)
            .map(|&(_, at, len, sum)| Chunk { at, len, sum, read })
            .collect()
    };
    let documents: Vec<DocumentIn> = decode_all(&of(Part::Documents))?;
    let documents: Vec<Document> = documents
        .into_iter()
        .map(DocumentIn::into_document)
        .collect();
    let by_id: FxHashMap<&str, &str> = documents
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    let restore_events = |events: &mut Vec<Event>| {
        for m in events.iter_mut().flat_map(|e| e.mentions.iter_mut()) {
            fill(&mut m.text, by_id.get(m.doc.as_str()), m.span);
        }
    };
    let restore_quotes = |quotes: &mut Vec<Quote>| {
        for q in quotes.iter_mut() {
            fill(&mut q.text, by_id.get(q.doc.as_str()), q.span);
        }
    };
    let elided = flags & ELIDED != 0;
    let ((events, quotes), (actors, reported)) = rayon::join(
        || {
            rayon::join(
                || decode_each(&of(Part::Events), elided.then_some(&restore_events)),
                || decode_each(&of(Part::Quotes), elided.then_some(&restore_quotes)),
            )
        },
        || {
            rayon::join(
                || decode_all::<Actor>(&of(Part::Actors)),
                || decode_all::<Reported>(&of(Part::Reported)),
            )
        },
    );
    drop(by_id);
    Some(Timeline {
        documents,
        events: events?,
        quotes: quotes?,
        actors: actors?,
        reported: reported?,
    })
}

/// Where one part lies in the payload, and how to read it.
struct Chunk<'r, 'a> {
    at: u64,
    len: usize,
    sum: u64,
    read: &'r ReadAt<'a>,
}

impl Chunk<'_, '_> {
    fn decode<T: DeserializeOwned>(&self) -> Option<Vec<T>> {
        thread_local! {
            // One buffer per thread, reused part after part: fresh megabytes for every part
            // cost a page fault per 4 KB.
            static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
        }
        BUFFER.with_borrow_mut(|buffer| {
            buffer.clear();
            buffer.resize(self.len, 0);
            (self.read)(self.at, buffer)?;
            if xxh3_64(buffer) != self.sum {
                return None;
            }
            postcard::from_bytes(buffer).ok()
        })
    }
}

fn decode_all<T: DeserializeOwned + Send>(chunks: &[Chunk]) -> Option<Vec<T>> {
    decode_each(chunks, None::<&fn(&mut Vec<T>)>)
}

/// Decodes the chunks in parallel, runs `then` on each, and joins them in order.
fn decode_each<T, F>(chunks: &[Chunk], then: Option<&F>) -> Option<Vec<T>>
where
    T: DeserializeOwned + Send,
    F: Fn(&mut Vec<T>) + Sync,
{
    let decoded: Vec<Option<Vec<T>>> = chunks
        .par_iter()
        .map(|chunk| {
            let mut items: Vec<T> = chunk.decode()?;
            if let Some(then) = then {
                then(&mut items);
            }
            Some(items)
        })
        .collect();
    let mut all = Vec::with_capacity(decoded.iter().flatten().map(Vec::len).sum());
    for chunk in decoded {
        all.extend(chunk?);
    }
    Some(all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::document_from_text;

    fn timeline() -> Timeline {
        let mut docs = vec![
            document_from_text(
                "a.txt",
                "Port talks\n\nMinister Jane Holt met union leader Tom Arlo on Tuesday. \
                 “We will keep talking,” Holt said.",
                None,
            ),
            document_from_text(
                "b.txt",
                "Strike ends\n\nTom Arlo met Minister Jane Holt on Tuesday. \
                 “The port reopens on Friday,” Arlo said.",
                None,
            ),
        ];
        for (i, d) in docs.iter_mut().enumerate() {
            d.id = format!("d{}", i + 1);
        }
        crate::pipeline::build_timeline(docs)
    }

    /// What the entry gives back: the merge's cues are not kept (nothing reads them after it).
    fn without_cues(mut t: Timeline) -> Timeline {
        for m in t.events.iter_mut().flat_map(|e| e.mentions.iter_mut()) {
            m.cues = Default::default();
        }
        t
    }

    #[test]
    fn a_timeline_reads_back_whole_and_is_left_whole_by_writing() {
        let mut t = timeline();
        assert!(!t.quotes.is_empty() && !t.events.is_empty());
        let before = t.clone();
        let payload = encode(&mut t).unwrap();
        assert_eq!(t, before, "texts are put back after writing");
        assert_eq!(payload[4], ELIDED);
        assert_eq!(decode(&payload), Some(without_cues(before)));
    }

    #[test]
    fn a_text_that_is_not_its_span_is_stored_in_full() {
        let mut t = timeline();
        t.quotes[0].text = "not the span".into();
        let before = t.clone();
        let payload = encode(&mut t).unwrap();
        assert_eq!(payload[4], 0);
        assert_eq!(decode(&payload), Some(without_cues(before)));
    }

    #[test]
    fn a_cut_or_garbled_payload_is_none() {
        let payload = encode(&mut timeline()).unwrap();
        for cut in [0, 3, 5, 20, payload.len() / 2, payload.len() - 1] {
            assert_eq!(decode(&payload[..cut]), None, "cut at {cut}");
        }
        let mut garbled = payload.clone();
        garbled[5] = 9;
        assert_eq!(decode(&garbled), None);
    }
}
