//! Event mentions: trigger words (`assets/`) with their actors, place, date and status.

use super::actors::{ActorMention, Gazetteer};
use super::time::Timex;
use crate::model::{Document, Mention};

/// Finds the event mentions of one document.
pub fn detect_mentions(
    _doc: &Document,
    _timexes: &[Timex],
    _actors: &[ActorMention],
    _gazetteer: &Gazetteer,
) -> Vec<Mention> {
    Vec::new()
}
