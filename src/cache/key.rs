//! Cache keys: what an extraction depends on, hashed.
//!
//! One document's extraction depends on its text, its site-chrome lines, its publication date
//! (which may have been inferred from its neighbours) and on the extractor itself: the code (the
//! crate version and the binary) and the asset files the rules read. A whole timeline also depends
//! on every document's metadata and order. Anything not hashed here must not change the output.

use crate::corpus::LoadOptions;
use crate::model::Document;
use std::path::Path;
use std::sync::OnceLock;
use xxhash_rust::xxh3::{Xxh3Default, xxh3_128};

/// The assets that drive extraction: a change to any of them invalidates every entry.
const ASSETS: [&str; 8] = [
    include_str!("../../assets/actors.toml"),
    include_str!("../../assets/names.toml"),
    include_str!("../../assets/speech.toml"),
    include_str!("../../assets/places.toml"),
    include_str!("../../assets/events.toml"),
    include_str!("../../assets/time.toml"),
    include_str!("../../assets/chrome.toml"),
    include_str!("../../assets/chronology.toml"),
];

/// The extractor's identity: crate version, embedded assets, and the running binary's size and
/// modification time (so that a rebuilt binary never reads what an older build wrote).
pub fn extractor_version() -> u128 {
    static VERSION: OnceLock<u128> = OnceLock::new();
    *VERSION.get_or_init(|| {
        let mut h = Xxh3Default::new();
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        for asset in ASSETS {
            h.update(&xxh3_128(asset.as_bytes()).to_le_bytes());
        }
        let binary = std::env::current_exe()
            .and_then(std::fs::metadata)
            .ok()
            .map(|m| {
                let modified = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                (m.len(), modified)
            });
        if let Some((len, modified)) = binary {
            h.update(&len.to_le_bytes());
            h.update(&modified.to_le_bytes());
        }
        h.digest128()
    })
}

/// The hash of a document's text.
pub fn text_hash(doc: &Document) -> u128 {
    xxh3_128(doc.text.as_bytes())
}

/// The key of one document's extraction (its id is not part of it: entries are renumbered).
pub fn extraction_key(doc: &Document, text: u128) -> u128 {
    let mut h = Xxh3Default::new();
    h.update(b"extraction");
    h.update(&extractor_version().to_le_bytes());
    h.update(&text.to_le_bytes());
    chrome(&mut h, doc);
    h.update(format!("{:?}", doc.published.date).as_bytes());
    h.digest128()
}

/// The key of a whole timeline: every document's metadata (before date inference) and text, in
/// load order.
pub fn timeline_key(docs: &[Document], texts: &[u128]) -> u128 {
    let mut h = Xxh3Default::new();
    h.update(b"timeline");
    h.update(&extractor_version().to_le_bytes());
    h.update(&(docs.len() as u64).to_le_bytes());
    for (doc, text) in docs.iter().zip(texts) {
        for field in [
            Some(&doc.id),
            Some(&doc.path),
            doc.title.as_ref(),
            doc.outlet.as_ref(),
            doc.byline.as_ref(),
            doc.url.as_ref(),
        ] {
            let field = field.map_or("\u{0}none", |s| s.as_str());
            h.update(&(field.len() as u64).to_le_bytes());
            h.update(field.as_bytes());
        }
        h.update(format!("{:?}", doc.published).as_bytes());
        h.update(&text.to_le_bytes());
        chrome(&mut h, doc);
    }
    h.digest128()
}

/// The key of a corpus's stat index: the paths as given (documents name their files by them) and
/// as they resolve now (a relative path from another folder is another corpus), and the load
/// options that change what is read.
pub fn stat_key(paths: &[impl AsRef<Path>], options: &LoadOptions) -> u128 {
    let mut h = Xxh3Default::new();
    h.update(b"stat");
    h.update(&extractor_version().to_le_bytes());
    h.update(&(paths.len() as u64).to_le_bytes());
    for path in paths {
        let path = path.as_ref();
        let resolved = std::fs::canonicalize(path).unwrap_or_default();
        for p in [path, resolved.as_path()] {
            let bytes = p.as_os_str().as_encoded_bytes();
            h.update(&(bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        }
    }
    h.update(format!("{:?}", options.dct).as_bytes());
    h.update(&options.cap().to_le_bytes());
    h.digest128()
}

fn chrome(h: &mut Xxh3Default, doc: &Document) {
    h.update(&(doc.chrome.len() as u64).to_le_bytes());
    for s in &doc.chrome {
        h.update(&(s.start as u64).to_le_bytes());
        h.update(&(s.end as u64).to_le_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSource, Published, Span};

    fn doc(text: &str) -> Document {
        Document {
            id: "d1".into(),
            path: "a.txt".into(),
            text: text.into(),
            ..Document::default()
        }
    }

    #[test]
    fn the_key_follows_text_chrome_and_date_but_not_the_id() {
        let a = doc("Minister Jane Holt arrived on Monday.");
        let key = |d: &Document| extraction_key(d, text_hash(d));
        let mut renamed = a.clone();
        renamed.id = "d9".into();
        assert_eq!(key(&a), key(&renamed));
        let mut edited = a.clone();
        edited.text.push('!');
        assert_ne!(key(&a), key(&edited));
        let mut chrome = a.clone();
        chrome.chrome.push(Span::new(0, 8));
        assert_ne!(key(&a), key(&chrome));
        let mut dated = a.clone();
        dated.published = Published {
            date: chrono::NaiveDate::from_ymd_opt(2024, 3, 1),
            source: DateSource::Inferred,
            clues: Vec::new(),
            ..Published::default()
        };
        assert_ne!(key(&a), key(&dated));
    }

    #[test]
    fn the_timeline_key_follows_order_and_metadata() {
        let a = doc("One.");
        let mut b = doc("Two.");
        b.id = "d2".into();
        let texts = |ds: &[Document]| ds.iter().map(text_hash).collect::<Vec<_>>();
        let ab = [a.clone(), b.clone()];
        let ba = [b.clone(), a.clone()];
        assert_ne!(
            timeline_key(&ab, &texts(&ab)),
            timeline_key(&ba, &texts(&ba))
        );
        let mut retitled = ab.clone();
        retitled[0].outlet = Some("The Herald".into());
        assert_ne!(
            timeline_key(&ab, &texts(&ab)),
            timeline_key(&retitled, &texts(&retitled))
        );
    }
}
