//! Linking quotes and reported statements to the event they were said at or about: an event told
//! in the same sentence (a briefing, a call readout: "Holt told reporters on Friday that …"), or
//! in the same paragraph with the speaker among its people; failing that, the document's main
//! event when the speaker took part in it.

use crate::model::{Mention, Span, Status, Timeline};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Least score for a quote to be linked.
const LINK: f32 = 3.0;

/// (statement index, event index) pairs.
type Links = Vec<(usize, usize)>;

/// The events told in each document, with their mentions there, in event order.
type ByDoc<'a> = FxHashMap<&'a str, Vec<(usize, Vec<&'a Mention>)>>;

fn events_by_doc(timeline: &Timeline) -> ByDoc<'_> {
    let mut by_doc: FxHashMap<&str, Vec<(usize, Vec<&Mention>)>> = FxHashMap::default();
    for (i, e) in timeline.events.iter().enumerate() {
        let mut here: FxHashMap<&str, Vec<&Mention>> = FxHashMap::default();
        for m in &e.mentions {
            here.entry(m.doc.as_str()).or_default().push(m);
        }
        for (doc, ms) in here {
            by_doc.entry(doc).or_default().push((i, ms));
        }
    }
    for v in by_doc.values_mut() {
        v.sort_by_key(|(i, _)| *i);
    }
    by_doc
}

/// Sets `Quote::event` and `Event::quotes`, and `Reported::event` by the same rules
/// (`Event::quotes` stays the direct quotes' list: a paraphrase is never listed as a quotation).
pub fn link_quotes(timeline: &mut Timeline) {
    let by_doc = events_by_doc(timeline);
    let (links, reported): (Links, Links) = rayon::join(
        || {
            timeline
                .quotes
                .par_iter()
                .enumerate()
                .filter_map(|(qi, q)| {
                    let events = by_doc.get(q.doc.as_str())?;
                    best_event(timeline, events, q.span, q.speaker.as_deref()).map(|ei| (qi, ei))
                })
                .collect()
        },
        || {
            timeline
                .reported
                .par_iter()
                .enumerate()
                .filter_map(|(ri, r)| {
                    let events = by_doc.get(r.doc.as_str())?;
                    best_event(timeline, events, r.span, Some(r.speaker.as_str()))
                        .map(|ei| (ri, ei))
                })
                .collect()
        },
    );
    drop(by_doc);
    for (ri, ei) in reported {
        timeline.reported[ri].event = Some(timeline.events[ei].id.clone());
    }
    for (qi, ei) in links {
        let id = timeline.events[ei].id.clone();
        timeline.quotes[qi].event = Some(id);
        let qid = timeline.quotes[qi].id.clone();
        timeline.events[ei].quotes.push(qid);
    }
    timeline.events.par_iter_mut().for_each(|e| {
        e.quotes.sort_unstable();
        e.quotes.dedup();
    });
}

fn distance(a: Span, b: Span) -> usize {
    if a.overlaps(b) {
        0
    } else if a.end <= b.start {
        b.start - a.end
    } else {
        a.start - b.end
    }
}

/// The event a statement at `span` by `speaker` in a document telling `events` belongs to.
fn best_event(
    timeline: &Timeline,
    events: &[(usize, Vec<&Mention>)],
    span: Span,
    speaker: Option<&str>,
) -> Option<usize> {
    // The document's main event: the past event with most mentions in it.
    let main = events
        .iter()
        .filter(|(i, ms)| timeline.events[*i].status == Status::Past && ms.len() >= 2)
        .max_by_key(|(i, ms)| (ms.len(), std::cmp::Reverse(*i)))
        .map(|(i, _)| *i);
    let mut best: Option<(f32, usize)> = None;
    for (i, here) in events {
        let e = &timeline.events[*i];
        let mut s = 0.0;
        let in_sentence: Vec<_> = here
            .iter()
            .filter(|m| m.cues.sentence.contains(span.start))
            .collect();
        if !in_sentence.is_empty() {
            // The event told closest to the quote in its sentence is the one it is about.
            let gap = in_sentence
                .iter()
                .map(|m| distance(m.span, span))
                .min()
                .unwrap_or(usize::MAX);
            s += 3.0 + 1.0 / (1.0 + gap as f32 / 40.0);
        } else if here.iter().any(|m| m.cues.paragraph.contains(span.start)) && speaker.is_some() {
            s += 2.0;
        }
        if let Some(sp) = speaker
            && e.actors.iter().any(|a| a == sp)
        {
            s += 2.0;
            if Some(*i) == main {
                s += 1.5;
            }
        }
        if s >= LINK && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, *i));
        }
    }
    best.map(|(_, i)| i)
}
