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

/// The `tracing` target of the spans that time a stage's phases (`ATTACHE_TIMINGS` prints them).
pub const TIMING: &str = "attache::timing";

/// Enters a span timing one phase of a stage: its wall time is printed when the span closes, if
/// a subscriber asks for `attache::timing` (the binary's `diagnostics` does under
/// `ATTACHE_TIMINGS`). Without one it costs a check of a static.
pub fn phase(name: &'static str) -> tracing::span::EnteredSpan {
    tracing::info_span!(target: TIMING, "phase", name).entered()
}

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

/// A document's quotes: extracted already, or what they are still to be extracted from.
#[derive(Debug)]
pub enum QuoteWork {
    Done(Vec<Quote>),
    /// The document (by its place among the documents) and what its quotes come from.
    Pending {
        doc: usize,
        pending: Pending,
    },
}

impl QuoteWork {
    /// The document's quotes, extracting them if they are still pending.
    pub fn into_quotes(self, documents: &[Document]) -> Vec<Quote> {
        match self {
            QuoteWork::Done(quotes) => quotes,
            QuoteWork::Pending { doc, pending } => pending_quotes(&documents[doc], &pending),
        }
    }
}

/// The extractions of a corpus taken apart for the merge, each field by document in the same
/// order: the mentions stay in their documents' vectors (a flat copy of every mention would hold
/// them twice at the merge's peak).
#[derive(Debug, Default)]
pub struct Parts {
    pub ids: Vec<String>,
    pub mentions: Vec<Vec<Mention>>,
    pub quotes: Vec<QuoteWork>,
    pub new_actors: Vec<Vec<Actor>>,
    pub reported: Vec<Vec<Reported>>,
}

impl Parts {
    /// Takes `extractions` apart; a pending extraction is tied to its document (the one in the
    /// same place, or else the one of its id; none: no quotes).
    pub fn split(documents: &[Document], extractions: Vec<Extraction>) -> Parts {
        let by_id: rustc_hash::FxHashMap<&str, usize> = documents
            .iter()
            .enumerate()
            .map(|(k, d)| (d.id.as_str(), k))
            .collect();
        let n = extractions.len();
        let mut parts = Parts {
            ids: Vec::with_capacity(n),
            mentions: Vec::with_capacity(n),
            quotes: Vec::with_capacity(n),
            new_actors: Vec::with_capacity(n),
            reported: Vec::with_capacity(n),
        };
        for (k, ex) in extractions.into_iter().enumerate() {
            parts.quotes.push(match ex.pending {
                Some(pending) => {
                    let doc = match documents.get(k) {
                        Some(d) if d.id == ex.doc => Some(k),
                        _ => by_id.get(ex.doc.as_str()).copied(),
                    };
                    match doc {
                        Some(doc) => QuoteWork::Pending { doc, pending },
                        None => QuoteWork::Done(Vec::new()),
                    }
                }
                None => QuoteWork::Done(ex.quotes),
            });
            parts.new_actors.push(ex.new_actors);
            parts.reported.push(ex.reported);
            parts.mentions.push(ex.mentions);
            parts.ids.push(ex.doc);
        }
        parts
    }

    /// The actors the documents discovered, each name once, first discovery first.
    pub fn distinct_actors(&self) -> Vec<Actor> {
        let mut named = std::collections::HashSet::new();
        self.new_actors
            .iter()
            .flatten()
            .filter(|a| named.insert(a.name.as_str()))
            .cloned()
            .collect()
    }
}

/// A document's extraction once its quotes are extracted: what the cache keeps of it.
#[derive(Debug, Clone, Copy)]
pub struct Extracted<'a> {
    pub doc: &'a str,
    pub new_actors: &'a [Actor],
    pub quotes: &'a [Quote],
    pub mentions: &'a [Mention],
    pub reported: &'a [Reported],
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
