//! Stable names for events, quotes and corpora. Event and quote ids (`e12`, `q3`) are sequential
//! and shift whenever the corpus or the extractor changes, so what the user keeps is keyed by what
//! the item *is*: the content hash of its document and its byte span, which survive reloading,
//! renaming files and adding other articles.

use crate::model::{Document, Event, Quote, Timeline};
use std::collections::HashMap;
use std::path::Path;

/// FNV-1a, 64 bits: tiny, and (unlike std's hasher) fixed across Rust versions and platforms,
/// which a key written to disk needs.
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A document's identity: the hash of its text.
pub fn document_key(d: &Document) -> String {
    format!("{:016x}", fnv64(d.text.as_bytes()))
}

/// Document keys by document id, made once per timeline.
pub struct Keys {
    docs: HashMap<String, String>,
}

impl Keys {
    pub fn new(timeline: &Timeline) -> Keys {
        Keys {
            docs: timeline
                .documents
                .iter()
                .map(|d| (d.id.clone(), document_key(d)))
                .collect(),
        }
    }

    fn doc(&self, id: &str) -> &str {
        self.docs.get(id).map_or("?", String::as_str)
    }

    /// `e:KIND:DATE:DOC:START-END`: the event's kind and date, and the first of its mentions in
    /// (document hash, span) order.
    pub fn event(&self, e: &Event) -> String {
        let first = e
            .mentions
            .iter()
            .map(|m| (self.doc(&m.doc), m.span.start, m.span.end))
            .min();
        let date = e.date.as_ref().map_or("undated", |d| d.value.as_str());
        match first {
            Some((doc, a, b)) => format!("e:{}:{date}:{doc}:{a}-{b}", e.kind.as_str()),
            None => format!(
                "e:{}:{date}:title-{:016x}",
                e.kind.as_str(),
                fnv64(e.title.as_bytes())
            ),
        }
    }

    /// `q:DOC:START-END:TEXT`: where the quote is and a hash of its words.
    pub fn quote(&self, q: &Quote) -> String {
        format!(
            "q:{}:{}-{}:{:016x}",
            self.doc(&q.doc),
            q.span.start,
            q.span.end,
            fnv64(q.text.as_bytes())
        )
    }
}

/// The corpus a session belongs to: `embedded` for the bundled articles, else a hash of the
/// sorted canonical paths given on the command line.
pub fn corpus_key(paths: &[impl AsRef<Path>]) -> String {
    if paths.is_empty() {
        return "embedded".into();
    }
    let mut canonical: Vec<String> = paths
        .iter()
        .map(|p| {
            let p = p.as_ref();
            p.canonicalize()
                .unwrap_or_else(|_| p.to_path_buf())
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    canonical.sort();
    canonical.dedup();
    format!("paths:{:016x}", fnv64(canonical.join("\n").as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_the_published_function() {
        assert_eq!(fnv64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn corpus_keys_ignore_order_and_spelling_of_paths() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        std::fs::write(&a, "x").unwrap();
        std::fs::write(&b, "y").unwrap();
        let dotted = dir.path().join(".").join("a.txt");
        assert_eq!(
            corpus_key(&[a.clone(), b.clone()]),
            corpus_key(&[b.clone(), dotted])
        );
        assert_ne!(corpus_key(std::slice::from_ref(&a)), corpus_key(&[a, b]));
        assert_eq!(corpus_key(&[] as &[&Path]), "embedded");
    }
}
