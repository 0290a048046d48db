//! Actors: the gazetteer (`assets/actors.toml`) and finding people and bodies in a document,
//! including people the gazetteer does not know ("Iryna Skubii, a … fellow").

use crate::model::{Actor, Document, Span};

/// The known actors, loaded once from `assets/`.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub actors: Vec<Actor>,
}

impl Gazetteer {
    pub fn embedded() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(Gazetteer::default)
    }
}

/// One place in the text that names (or refers to) an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMention {
    pub span: Span,
    /// Canonical name.
    pub actor: String,
    /// How it was recognised ("alias", "surname", "role", "new-actor").
    pub via: String,
}

/// Finds actor mentions in `doc`; returns them in text order and the actors new to the gazetteer.
pub fn find_actors(_doc: &Document, _gazetteer: &Gazetteer) -> (Vec<ActorMention>, Vec<Actor>) {
    (Vec::new(), Vec::new())
}
