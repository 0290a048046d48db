//! Bookmarks and notes (`bookmarks.json`): on disk keyed by the stable keys of [`super::key`],
//! and resolved against one timeline into marks by event and quote id, which the TUI, the exports
//! and the brief read.

use super::file::VERSION;
use super::key::Keys;
use crate::model::Timeline;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The longest note kept, in characters: a note is one line, not an essay.
pub const MAX_NOTE_CHARS: usize = 280;

/// `bookmarks.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarksFile {
    pub version: u64,
    #[serde(default)]
    pub events: BTreeMap<String, EventMark>,
    #[serde(default)]
    pub quotes: BTreeMap<String, QuoteMark>,
}

impl Default for MarksFile {
    fn default() -> Self {
        MarksFile {
            version: VERSION,
            events: BTreeMap::new(),
            quotes: BTreeMap::new(),
        }
    }
}

/// What the user kept about an event; `title` only helps a person reading the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct EventMark {
    #[serde(default)]
    pub bookmarked: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default)]
    pub title: String,
}

/// A bookmarked quote; `text` only helps a person reading the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct QuoteMark {
    #[serde(default)]
    pub text: String,
}

/// An item's marks as the views and exports show them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mark {
    pub bookmarked: bool,
    pub note: Option<String>,
}

/// The marks of one timeline, by event and quote id (only marked items are present).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Marks {
    pub events: HashMap<String, Mark>,
    pub quotes: HashMap<String, Mark>,
}

impl Marks {
    pub fn resolve(file: &MarksFile, timeline: &Timeline, keys: &Keys) -> Marks {
        let mut marks = Marks::default();
        if file.events.is_empty() && file.quotes.is_empty() {
            return marks;
        }
        for e in &timeline.events {
            if let Some(m) = file.events.get(&keys.event(e)) {
                marks.events.insert(
                    e.id.clone(),
                    Mark {
                        bookmarked: m.bookmarked,
                        note: m.note.clone(),
                    },
                );
            }
        }
        for q in &timeline.quotes {
            if file.quotes.contains_key(&keys.quote(q)) {
                marks.quotes.insert(
                    q.id.clone(),
                    Mark {
                        bookmarked: true,
                        note: None,
                    },
                );
            }
        }
        marks
    }

    pub fn event(&self, id: &str) -> Option<&Mark> {
        self.events.get(id)
    }

    pub fn event_bookmarked(&self, id: &str) -> bool {
        self.events.get(id).is_some_and(|m| m.bookmarked)
    }

    pub fn event_note(&self, id: &str) -> Option<&str> {
        self.events.get(id).and_then(|m| m.note.as_deref())
    }

    pub fn quote_bookmarked(&self, id: &str) -> bool {
        self.quotes.get(id).is_some_and(|m| m.bookmarked)
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty() && self.quotes.is_empty()
    }
}

/// A note as kept: one line (line breaks and controls become spaces), trimmed, at most
/// [`MAX_NOTE_CHARS`]; `None` when nothing is left (an empty note deletes the note).
pub fn clean_note(text: &str) -> Option<String> {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let words: Vec<&str> = one_line.split_whitespace().collect();
    let joined = words.join(" ");
    let cut: String = joined.chars().take(MAX_NOTE_CHARS).collect();
    (!cut.is_empty()).then_some(cut)
}

impl MarksFile {
    /// Sets an event's bookmark; drops the entry when nothing is left on it.
    pub fn set_event_bookmark(&mut self, key: &str, title: &str, on: bool) {
        let m = self.events.entry(key.to_string()).or_default();
        m.bookmarked = on;
        m.title = title.to_string();
        self.prune(key);
    }

    /// Sets or (with `None`) deletes an event's note.
    pub fn set_event_note(&mut self, key: &str, title: &str, note: Option<String>) {
        let m = self.events.entry(key.to_string()).or_default();
        m.note = note;
        m.title = title.to_string();
        self.prune(key);
    }

    pub fn set_quote_bookmark(&mut self, key: &str, text: &str, on: bool) {
        if on {
            self.quotes.insert(
                key.to_string(),
                QuoteMark {
                    text: text.to_string(),
                },
            );
        } else {
            self.quotes.remove(key);
        }
    }

    fn prune(&mut self, key: &str) {
        if self
            .events
            .get(key)
            .is_some_and(|m| !m.bookmarked && m.note.is_none())
        {
            self.events.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_one_trimmed_line_and_empty_means_none() {
        assert_eq!(
            clean_note("  call Jane Holt\nabout\tthe date "),
            Some("call Jane Holt about the date".into())
        );
        assert_eq!(clean_note(" \n "), None);
        assert_eq!(clean_note(&"x".repeat(1000)).unwrap().len(), MAX_NOTE_CHARS);
    }

    #[test]
    fn an_event_without_bookmark_or_note_leaves_the_file() {
        let mut f = MarksFile::default();
        f.set_event_bookmark("e:k", "Talks", true);
        f.set_event_note("e:k", "Talks", Some("check".into()));
        f.set_event_bookmark("e:k", "Talks", false);
        assert_eq!(f.events["e:k"].note.as_deref(), Some("check"));
        f.set_event_note("e:k", "Talks", None);
        assert!(f.events.is_empty());
    }
}
