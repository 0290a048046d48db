//! The formats attache reads, one reader each: plain text (with optional front matter), saved HTML
//! pages, JSON/JSONL news exports and RSS/Atom feeds. Each reader turns one file into documents
//! (a feed or an export holds many) plus warnings naming the file, or `FILE#N` for its N-th record.
//!
//! A reader never fails as a whole on a bad record: the record gets a warning, the others load.

mod feed;
mod fragment;
mod html;
mod html_meta;
mod json;
mod record;
mod text;

pub use fragment::html_to_text;

use super::decode::{Decoded, InPlace, decode_in_place, utf8};
use super::{FileMeta, Warning, document_from_text, parse_date};
use crate::model::Document;
use std::path::Path;

/// What kind of file this is, by extension (or, for a file named explicitly with an unknown
/// extension, by its first bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Html,
    Json,
    Jsonl,
    Feed,
}

impl Kind {
    /// The kind a folder walk reads a file as; `None`: not an article, not read.
    pub fn from_extension(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" | "md" | "markdown" => Kind::Text,
            "html" | "htm" | "xhtml" => Kind::Html,
            "json" => Kind::Json,
            "jsonl" | "ndjson" => Kind::Jsonl,
            "xml" | "rss" | "atom" => Kind::Feed,
            _ => return None,
        })
    }

    /// The kind of a file: by extension, else by a look at its first bytes.
    pub fn of(path: &Path, bytes: &[u8]) -> Kind {
        Kind::from_extension(path).unwrap_or_else(|| Kind::sniff(bytes))
    }

    /// Guesses from the start of the file: markup, a JSON value, or text.
    pub fn sniff(bytes: &[u8]) -> Kind {
        let head = &bytes[..bytes.len().min(1024)];
        let head = String::from_utf8_lossy(head).to_ascii_lowercase();
        let start = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        if start.starts_with("<?xml") || start.starts_with("<rss") || start.starts_with("<feed") {
            if head.contains("<html") {
                Kind::Html
            } else {
                Kind::Feed
            }
        } else if start.starts_with("<!doctype html") || start.starts_with("<html") {
            Kind::Html
        } else if start.starts_with('[') || start.starts_with('{') {
            Kind::Json
        } else {
            Kind::Text
        }
    }
}

/// Decodes a file's bytes for its kind: an HTML page that is not UTF-8 is decoded with the
/// charset it declares (then there is nothing to warn about); everything else as [`decode`] does.
pub fn decode_for(kind: Kind, bytes: &[u8]) -> Decoded {
    match decode_for_in_place(kind, bytes) {
        InPlace::AsIs(s) => Decoded::Utf8(s.to_string()),
        InPlace::Decoded(decoded) => decoded,
    }
}

/// What [`decode_for`] gives, with text that is UTF-8 already borrowed from `bytes`.
pub(crate) fn decode_for_in_place(kind: Kind, bytes: &[u8]) -> InPlace<'_> {
    if kind == Kind::Html
        && utf8(bytes).is_none()
        && let Some(text) = html::decode_declared(bytes)
    {
        return InPlace::Decoded(Decoded::Utf8(text));
    }
    decode_in_place(bytes)
}

/// The documents and warnings of one file.
#[derive(Debug, Default)]
pub struct Parsed {
    pub documents: Vec<Document>,
    pub warnings: Vec<Warning>,
}

impl Parsed {
    fn warn(&mut self, path: &str, message: impl Into<String>) {
        self.warnings.push(Warning::new(path, message));
    }

    /// Adds a document; a stated date that cannot be read is a warning (it will be inferred).
    fn push(&mut self, path: &str, text: &str, meta: FileMeta) {
        if let Some(date) = meta.published.as_deref()
            && parse_date(date).is_none()
        {
            self.warn(
                path,
                format!(
                    "publication date `{}` not understood; it will be inferred from the text",
                    crate::sanitize::plain(date)
                ),
            );
        }
        self.documents
            .push(document_from_text(path, text, Some(meta)));
    }
}

/// Reads one file of the given kind. `path` is the name shown to the user; `text` is the decoded
/// file and `bytes` the raw one (feeds decode themselves from their XML declaration).
pub fn parse(kind: Kind, path: &str, text: &str, bytes: &[u8]) -> Parsed {
    match kind {
        Kind::Text => text::parse(path, text),
        Kind::Html => html::parse(path, text),
        Kind::Json => json::parse(path, text),
        Kind::Jsonl => json::parse_lines(path, text),
        Kind::Feed => feed::parse(path, bytes),
    }
}

/// `FILE#N`: the path shown for the N-th record (1-based) of an export or a feed.
fn record_path(path: &str, n: usize) -> String {
    format!("{path}#{n}")
}

/// Collapses runs of blank lines and trims each line's trailing spaces: record text from JSON
/// and feeds often carries `\r\n` and indentation noise that would otherwise reach the reader.
fn tidy_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank_run = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line.trim_start());
    }
    out
}

/// The documents of JSON Lines text named `path` (a news export's records, `PATH#N`).
pub fn json_lines(path: &str, text: &str) -> Parsed {
    json::parse_lines(path, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_by_extension_and_by_first_bytes() {
        assert_eq!(Kind::from_extension(Path::new("a/B.HTM")), Some(Kind::Html));
        assert_eq!(
            Kind::from_extension(Path::new("x.ndjson")),
            Some(Kind::Jsonl)
        );
        assert_eq!(Kind::from_extension(Path::new("x.pdf")), None);
        assert_eq!(Kind::sniff(b"  <!DOCTYPE html><html>"), Kind::Html);
        assert_eq!(Kind::sniff(b"<?xml version=\"1.0\"?><rss>"), Kind::Feed);
        assert_eq!(Kind::sniff(b"[{\"title\": 1}]"), Kind::Json);
        assert_eq!(Kind::sniff(b"Minister Jane Holt said"), Kind::Text);
    }

    #[test]
    fn tidy_text_keeps_paragraphs_and_drops_noise() {
        assert_eq!(
            tidy_text("  One.\r\n\r\n\r\n   Two.  \nThree."),
            "One.\n\nTwo.\nThree."
        );
    }
}
