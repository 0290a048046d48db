//! The extraction pipeline, in order: text → time → actors → quotes → event mentions, per document;
//! then the corpus-wide merge into one [`Timeline`].

pub mod actors;
pub mod dictionary;
pub mod events;
pub mod merge;
pub mod quotes;
pub mod time;

use crate::model::{Actor, Document, Mention, Quote, Timeline};
use rayon::prelude::*;

/// What extraction finds in one document, before the corpus-wide merge.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Extraction {
    pub doc: String,
    pub timexes: Vec<time::Timex>,
    pub actors: Vec<actors::ActorMention>,
    /// Actors discovered in this document that the gazetteer does not know.
    pub new_actors: Vec<Actor>,
    pub quotes: Vec<Quote>,
    pub mentions: Vec<Mention>,
}

/// Runs every per-document stage on one document (its publication date must already be set or inferred).
pub fn extract_document(doc: &Document) -> Extraction {
    extract_analysed(doc, &time::analyse(&doc.text))
}

/// [`extract_document`] with the document's time expressions already analysed ([`time::analyse`],
/// as [`time::infer_publication_dates_analysed`] hands them back), so no text is analysed twice.
pub fn extract_analysed(doc: &Document, expressions: &[time::Expression]) -> Extraction {
    let gazetteer = actors::Gazetteer::embedded();
    let timexes = time::resolve(expressions, doc.published.date);
    // Actors and quotes read the same words: tokenize once for both.
    let toks = actors::tokens::tokenize(&doc.text);
    let (actor_mentions, new_actors) = actors::find_actors_in(doc, gazetteer, &toks);
    // Quotes and events read the same sentences: split once for both.
    let sentences = crate::text::sentences(&doc.text);
    let quotes =
        quotes::extract_quotes_in_sentences(doc, &toks, &sentences, &actor_mentions, gazetteer);
    let mentions =
        events::detect_mentions_in_sentences(doc, &sentences, &timexes, &actor_mentions, gazetteer);
    Extraction {
        doc: doc.id.clone(),
        timexes,
        actors: actor_mentions,
        new_actors,
        quotes,
        mentions,
    }
}

/// Loads-to-timeline: infers missing publication dates, extracts each document, merges.
pub fn build_timeline(mut documents: Vec<Document>) -> Timeline {
    let analysed = time::infer_publication_dates_analysed(&mut documents);
    // In parallel, but collected in load order: the output does not depend on the thread count.
    let extractions: Vec<Extraction> = match analysed {
        Some(analysed) => documents
            .par_iter()
            .zip(analysed)
            .map(|(d, a)| extract_analysed(d, &a))
            .collect(),
        None => documents.par_iter().map(extract_document).collect(),
    };
    merge::merge(documents, extractions)
}
