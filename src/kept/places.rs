//! Saved filters (`filters.json`) and the last place in each corpus (`places.json`): what lets
//! the user come back to a view without rebuilding it.

use super::file::VERSION;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many corpora keep a last place; the oldest are forgotten first.
pub const MAX_PLACES: usize = 100;

/// One filter of a saved set, as written to disk (independent of the TUI's types).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SavedFilter {
    Query(String),
    Actor(String),
    Outlet(String),
    Kind(String),
    Status(String),
    Dates {
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    },
}

/// `filters.json`: named filter sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiltersFile {
    pub version: u64,
    #[serde(default)]
    pub filters: BTreeMap<String, Vec<SavedFilter>>,
}

impl Default for FiltersFile {
    fn default() -> Self {
        FiltersFile {
            version: VERSION,
            filters: BTreeMap::new(),
        }
    }
}

/// Where the user was in one corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Place {
    /// `timeline`, `quotes` or `sources`.
    pub view: String,
    /// The selected event, quote and document of each list (stable keys).
    #[serde(default)]
    pub event: Option<String>,
    #[serde(default)]
    pub quote: Option<String>,
    #[serde(default)]
    pub document: Option<String>,
    #[serde(default)]
    pub filters: Vec<SavedFilter>,
    /// The article open when the place was saved, if one was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<ArticlePlace>,
    /// When it was saved (RFC 3339), to forget the oldest.
    #[serde(default)]
    pub saved: String,
}

/// An open article: which document (its stable key), the first line shown (a byte offset into
/// its sanitised text) and the highlighted span, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ArticlePlace {
    pub document: String,
    pub top: usize,
    #[serde(default)]
    pub highlight: Option<(usize, usize)>,
}

/// `places.json`: the last place per corpus key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacesFile {
    pub version: u64,
    #[serde(default)]
    pub corpora: BTreeMap<String, Place>,
}

impl Default for PlacesFile {
    fn default() -> Self {
        PlacesFile {
            version: VERSION,
            corpora: BTreeMap::new(),
        }
    }
}

impl PlacesFile {
    /// Records a corpus's place, forgetting the oldest ones beyond [`MAX_PLACES`].
    pub fn remember(&mut self, corpus: &str, mut place: Place) {
        place.saved = chrono::Utc::now().to_rfc3339();
        self.corpora.insert(corpus.to_string(), place);
        while self.corpora.len() > MAX_PLACES {
            let oldest = self
                .corpora
                .iter()
                .min_by(|a, b| a.1.saved.cmp(&b.1.saved))
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => self.corpora.remove(&k),
                None => break,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_filters_read_as_small_objects() {
        let f = vec![
            SavedFilter::Query("holt".into()),
            SavedFilter::Kind("meeting".into()),
        ];
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(json, r#"[{"query":"holt"},{"kind":"meeting"}]"#);
        let back: Vec<SavedFilter> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, f);
    }

    #[test]
    fn only_the_newest_places_are_kept() {
        let mut p = PlacesFile::default();
        for i in 0..MAX_PLACES + 5 {
            p.remember(&format!("c{i:03}"), Place::default());
        }
        assert_eq!(p.corpora.len(), MAX_PLACES);
        assert!(p.corpora.contains_key(&format!("c{:03}", MAX_PLACES + 4)));
    }
}
