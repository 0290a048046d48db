//! Merging the mentions of all documents into events: one real event, once, with all its sources.

use super::Extraction;
use super::quotes::link_statements;
use crate::model::{Document, Event, Timeline};

/// Builds the corpus timeline from the documents and their extractions.
pub fn merge(documents: Vec<Document>, extractions: Vec<Extraction>) -> Timeline {
    let mut timeline = Timeline {
        documents,
        ..Timeline::default()
    };
    for (n, ex) in extractions.into_iter().enumerate() {
        timeline.quotes.extend(ex.quotes);
        for (i, m) in ex.mentions.into_iter().enumerate() {
            let outlet = timeline
                .document(&m.doc)
                .map(|d| d.label().to_string())
                .unwrap_or_default();
            timeline.events.push(Event {
                id: format!("e{}-{}", n + 1, i + 1),
                title: m.text.clone(),
                kind: m.kind,
                status: m.status,
                date: m.date.clone(),
                date_provenance: m.date_rule.clone(),
                actors: m.actors.clone(),
                place: m.place.clone(),
                mentions: vec![m],
                quotes: Vec::new(),
                outlets: vec![outlet],
                disagreements: Vec::new(),
            });
        }
        timeline.actors.extend(ex.new_actors);
    }
    link_statements(&mut timeline.quotes);
    timeline
}
