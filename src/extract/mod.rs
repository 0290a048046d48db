//! The extraction pipeline, in order: text → time → actors → quotes → event mentions, per document;
//! then the corpus-wide merge into one [`Timeline`].

pub mod actors;
pub mod dictionary;
pub mod events;
pub mod merge;
pub mod quotes;
pub mod time;

use crate::model::{Actor, Document, Mention, Quote, Reported};
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
    /// Statements reported without quotation marks ([`quotes::reported`]).
    pub reported: Vec<Reported>,
    /// What the quotes are extracted from, when that is left to the merge (see
    /// [`extract_deferring_quotes`]); never stored.
    #[serde(skip)]
    pub pending: Option<Pending>,
}

/// What a document's quotes are extracted from besides its text: its quotation marks, its
/// sentences and the actors named in it.
#[derive(Debug, Clone, Default)]
pub struct Pending {
    marked: Vec<quotes::marks::Marked>,
    sentences: Vec<crate::model::Span>,
    actors: Vec<actors::ActorMention>,
}

/// Runs every per-document stage on one document (its publication date must already be set or inferred).
pub fn extract_document(doc: &Document) -> Extraction {
    extract_analysed(doc, &time::analyse(&doc.text))
}

/// [`extract_document`] with the document's time expressions already analysed ([`time::analyse`],
/// as [`time::infer_publication_dates_analysed`] hands them back), so no text is analysed twice.
pub fn extract_analysed(doc: &Document, expressions: &[time::Expression]) -> Extraction {
    let mut ex = extract_deferring_quotes(doc, expressions);
    if let Some(pending) = ex.pending.take() {
        ex.quotes = pending_quotes(doc, &pending);
        ex.actors = pending.actors;
    }
    ex
}

/// [`extract_analysed`] without the quotes: what they are extracted from is kept in
/// [`Extraction::pending`] (when the text has quotation marks; the actors found are then there,
/// not in [`Extraction::actors`]), for [`pending_quotes`]. The merge extracts them on a core the
/// grouping leaves idle.
pub fn extract_deferring_quotes(doc: &Document, expressions: &[time::Expression]) -> Extraction {
    let gazetteer = actors::Gazetteer::embedded();
    let timexes = time::resolve(expressions, doc.published.date);
    let toks = actors::tokens::tokenize(&doc.text);
    let (actor_mentions, new_actors) = actors::find_actors_in(doc, gazetteer, &toks);
    // Quotes, reported speech and events read the same sentences: split once for all.
    let sentences = crate::text::sentences(&doc.text);
    let marked = quotes::marks::find_quotes(&doc.text);
    let reported =
        quotes::reported::reported_in(doc, &toks, &sentences, &actor_mentions, gazetteer, &marked);
    drop(toks);
    let mentions =
        events::detect_mentions_in_sentences(doc, &sentences, &timexes, &actor_mentions, gazetteer);
    // Without a quotation mark a text has no quotes: nothing is kept for it.
    let (actors, pending) = match marked.is_empty() {
        false => (
            Vec::new(),
            Some(Pending {
                marked,
                sentences,
                actors: actor_mentions,
            }),
        ),
        true => (actor_mentions, None),
    };
    Extraction {
        doc: doc.id.clone(),
        timexes,
        actors,
        new_actors,
        quotes: Vec::new(),
        mentions,
        reported,
        pending,
    }
}

/// The quotes of `doc`, from what [`extract_deferring_quotes`] kept (its words are tokenized
/// again: cheaper to redo than to keep for every document until the merge).
pub fn pending_quotes(doc: &Document, pending: &Pending) -> Vec<Quote> {
    let gazetteer = actors::Gazetteer::embedded();
    let toks = actors::tokens::tokenize(&doc.text);
    let p = pending;
    quotes::extract_marked_quotes(doc, &toks, &p.sentences, &p.actors, gazetteer, &p.marked)
}

/// The statements reported without quotation marks in `documents` ([`quotes::reported`]), in
/// document order, unlinked. The pipeline keeps them in [`Timeline::reported`] (linked to their
/// events, and cached with the rest); this is for callers holding documents only.
pub fn reported_speech(documents: &[Document]) -> Vec<quotes::reported::Reported> {
    documents
        .par_iter()
        .map(quotes::reported::reported_statements)
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect()
}
