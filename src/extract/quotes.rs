//! Direct quotes and who said them.

use super::actors::{ActorMention, Gazetteer};
use crate::model::{Document, Quote};

/// Finds the direct quotes of `doc` and attributes each to a speaker (or to nobody).
pub fn extract_quotes(
    _doc: &Document,
    _actors: &[ActorMention],
    _gazetteer: &Gazetteer,
) -> Vec<Quote> {
    Vec::new()
}

/// Links variants of one statement quoted by several outlets (sets `Quote::statement`).
pub fn link_statements(_quotes: &mut [Quote]) {}
