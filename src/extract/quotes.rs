//! Direct quotes and who said them.
//!
//! Three steps, each in its own module: [`marks`] finds the quoted passages (telling quote marks
//! from apostrophes), [`attribute`] gives each one a speaker by the rules news prose uses (with
//! [`subject`] finding the subject of a speech verb and resolving pronouns), and [`statements`]
//! links the variants of one statement quoted by several outlets. The words that drive the rules
//! live in `assets/speech.toml` ([`lexicon`]).

pub mod attribute;
pub mod bodies;
pub mod context;
pub mod continuation;
pub mod lexicon;
pub mod marks;
pub mod reported;
pub mod statements;
pub mod subject;
pub mod terms;

pub use statements::link_statements;

use super::actors::tokens::{Tok, tokenize};
use super::actors::{ActorMention, Gazetteer};
use crate::model::{Document, Quote, Span};

/// Finds the direct quotes of `doc` and attributes each to a speaker (or to nobody).
pub fn extract_quotes(
    doc: &Document,
    actors: &[ActorMention],
    gazetteer: &Gazetteer,
) -> Vec<Quote> {
    extract_quotes_in(doc, &tokenize(&doc.text), actors, gazetteer)
}

/// [`extract_quotes`] on a document already tokenized (by [`super::actors::tokens::tokenize`]),
/// so the pipeline tokenizes each document once for actors and quotes.
pub fn extract_quotes_in(
    doc: &Document,
    toks: &[Tok],
    actors: &[ActorMention],
    gazetteer: &Gazetteer,
) -> Vec<Quote> {
    let sentences = crate::text::sentences(&doc.text);
    extract_quotes_in_sentences(doc, toks, &sentences, actors, gazetteer)
}

/// [`extract_quotes_in`] with the document's sentences ([`crate::text::sentences`]) already split.
pub fn extract_quotes_in_sentences(
    doc: &Document,
    toks: &[Tok],
    sentences: &[Span],
    actors: &[ActorMention],
    gazetteer: &Gazetteer,
) -> Vec<Quote> {
    extract_marked_quotes(
        doc,
        toks,
        sentences,
        actors,
        gazetteer,
        &marks::find_quotes(&doc.text),
    )
}

/// [`extract_quotes_in_sentences`] with the text's quotation marks already found
/// ([`marks::find_quotes`]).
pub fn extract_marked_quotes(
    doc: &Document,
    toks: &[Tok],
    sentences: &[Span],
    actors: &[ActorMention],
    gazetteer: &Gazetteer,
    marked: &[marks::Marked],
) -> Vec<Quote> {
    let text = doc.text.as_str();
    let lex = lexicon::Lexicon::embedded();
    // Described bodies ("the Israeli military") speak too; the list is copied only when some are.
    let described = if marked.is_empty() {
        None
    } else {
        bodies::with_speaking_bodies(text, toks, gazetteer, lex, actors)
    };
    let actors = described.as_deref().unwrap_or(actors);
    let ctx = context::Ctx::new(text, toks, sentences, gazetteer, lex, actors, marked);
    let found = attribute::attribute_all(&ctx, marked);
    let mut out = Vec::with_capacity(marked.len());
    for (q, a) in marked.iter().zip(found) {
        if doc.is_chrome(q.open) {
            continue;
        }
        let Some(words) = text.get(q.inner.range()) else {
            continue;
        };
        out.push(Quote {
            id: format!("{}-q{}", doc.id, out.len() + 1),
            doc: doc.id.clone(),
            span: q.inner,
            text: words.to_string(),
            speaker: a.speaker.map(|m| actors[m].actor.clone()),
            attribution: a.speaker.and(a.rule),
            statement: None,
            event: None,
        });
    }
    out
}
