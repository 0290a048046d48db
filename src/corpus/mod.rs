//! Loading a corpus: the embedded articles, or the user's files and folders.
//!
//! Loading never stops at the first bad file: each problem becomes one [`Warning`] naming the file,
//! and the rest of the corpus still loads. Only "nothing could be loaded" is an error for the caller.
//!
//! It runs in two steps so that a corpus too big for memory is refused before anything is read:
//! [`scan`] walks the paths and sizes every file (no file is opened), then [`load_scan`] reads them,
//! decodes the bytes and hands each file to its format reader in [`formats`] (plain text with front
//! matter, HTML pages, JSON/JSONL exports, RSS/Atom feeds).

mod chrome;
mod decode;
mod embedded;
pub mod formats;
mod frontmatter;
mod meta;
mod read;
mod screen;
mod stamp;
mod walk;

pub use chrome::mark_chrome;
pub use decode::{Decoded, decode};
pub use embedded::EMBEDDED;
pub use frontmatter::{FileMeta, FrontMatter, split_front_matter};
pub use meta::{guess_byline, guess_outlet, guess_title, parse_date};
pub use stamp::{Stamp, since_epoch_ns};
pub use walk::{PlannedFile, Scan};

use crate::model::{DateSource, Document, Published};
use chrono::NaiveDate;
use std::fmt;
use std::path::Path;

/// The default cap on the bytes of one corpus: 2 GB of files.
pub const DEFAULT_MAX_BYTES: u64 = 2 * 1000 * 1000 * 1000;

/// One problem met while loading; the file it names was skipped or loaded with a caveat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: String,
    pub message: String,
}

impl Warning {
    /// A warning about `path`; the message is made one line (parser errors may quote the file,
    /// newlines and all).
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Warning {
            path: path.into(),
            message: one_line(&message.into()),
        }
    }
}

/// Runs of whitespace and control characters become one space.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.push(c);
    }
    out
}

/// At most `max` characters of `s`, with `…` when cut: for parser messages that quote the file.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// What loading gives: the documents in a stable order, and the warnings.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub warnings: Vec<Warning>,
    /// Set when the whole corpus was refused (over the size cap): the reason, for the error line.
    /// The same text is also the last warning, so callers that only print warnings still say why.
    pub refused: Option<String>,
    /// Planned files that were not read (vanished, unreadable, over a size limit): a load with
    /// any is not one the cache may recognise again from file metadata alone.
    pub unread: usize,
}

/// Options that apply to every loaded document.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `--dct`: the publication date of every given document.
    pub dct: Option<NaiveDate>,
    /// The most bytes of files one corpus may hold; `None` means [`DEFAULT_MAX_BYTES`].
    pub max_bytes: Option<u64>,
}

impl LoadOptions {
    pub fn cap(&self) -> u64 {
        self.max_bytes.unwrap_or(DEFAULT_MAX_BYTES)
    }
}

/// Walks the given files and folders: see [`walk::scan`]. The walk mostly waits on the file
/// system and uses one core, so the patterns that reading needs (chrome lines, metadata; they take
/// a while to compile) are compiled meanwhile on another thread, once per process.
pub fn scan(paths: &[impl AsRef<Path>]) -> Scan {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        // No thread to spare: the first document compiles them, as before.
        let _ = std::thread::Builder::new()
            .name("attache-patterns".to_string())
            .spawn(|| {
                mark_chrome("");
                guess_outlet("");
                guess_byline("");
            });
    });
    walk::scan(paths)
}

/// Loads the embedded corpus (no paths) or the given files and folders.
pub fn load(paths: &[impl AsRef<Path>], options: &LoadOptions) -> Loaded {
    let mut loaded = if paths.is_empty() {
        let mut loaded = Loaded::default();
        for (name, text) in EMBEDDED {
            let path = format!("assets/corpus/{name}");
            loaded.documents.push(document_from_text(&path, text, None));
        }
        loaded
    } else {
        let label = paths
            .first()
            .map(|p| p.as_ref().to_string_lossy().into_owned())
            .unwrap_or_default();
        read::load_scan(scan(paths), options.cap(), &label)
    };
    number_and_date(&mut loaded, options);
    loaded
}

/// Reads the files of a [`Scan`] (see [`scan`]); `label` names the corpus in a refusal.
pub fn load_scan(scan: Scan, options: &LoadOptions, label: &str) -> Loaded {
    let mut loaded = read::load_scan(scan, options.cap(), label);
    number_and_date(&mut loaded, options);
    loaded
}

/// Documents from JSON Lines text (as `attache extract -` reads stdin): one object per line with
/// `text` and any of `path`, `url`, `title`, `published`, `outlet`. A record's `path` (else its
/// `url`) names its document; without either it is `LABEL#N`, N its line.
pub fn documents_from_json_lines(label: &str, text: &str, options: &LoadOptions) -> Loaded {
    let parsed = formats::json_lines(label, text);
    let mut loaded = Loaded {
        documents: parsed.documents,
        warnings: parsed.warnings,
        ..Loaded::default()
    };
    // The `path` each line gives (else its `url`), by line number.
    let paths: Vec<Option<String>> = text
        .lines()
        .map(|l| {
            let v = serde_json::from_str::<serde_json::Value>(l.trim()).ok()?;
            let named = |k: &str| v.get(k)?.as_str().map(str::to_string);
            named("path").or_else(|| named("url"))
        })
        .collect();
    for doc in &mut loaded.documents {
        let line = doc
            .path
            .rsplit_once('#')
            .and_then(|(_, n)| n.parse::<usize>().ok());
        if let Some(Some(path)) = line.and_then(|n| paths.get(n.wrapping_sub(1))) {
            doc.path = path.clone();
        }
    }
    number_and_date(&mut loaded, options);
    loaded
}

fn number_and_date(loaded: &mut Loaded, options: &LoadOptions) {
    for (i, doc) in loaded.documents.iter_mut().enumerate() {
        doc.id = format!("d{}", i + 1);
        if let Some(dct) = options.dct {
            doc.published = Published {
                date: Some(dct),
                source: DateSource::Flag,
                clues: Vec::new(),
                ..Published::default()
            };
        }
    }
}

/// Builds a document from its text and the metadata the file states (front matter, HTML meta
/// tags, JSON fields, feed fields). Missing metadata is guessed from the text.
pub fn document_from_text(path: &str, text: &str, given: Option<FileMeta>) -> Document {
    let given = given.unwrap_or_default();
    let chrome = mark_chrome(text);
    let published = match given.published.as_deref().and_then(parse_date) {
        Some(date) => Published {
            date: Some(date),
            source: DateSource::Metadata,
            clues: Vec::new(),
            ..Published::default()
        },
        None => Published::default(),
    };
    Document {
        id: String::new(),
        path: path.to_string(),
        title: given.title.or_else(|| guess_title(text, &chrome)),
        outlet: given.outlet.or_else(|| guess_outlet(text)),
        byline: given.byline.or_else(|| guess_byline(text)),
        url: given.url,
        published,
        text: text.to_string(),
        chrome,
    }
}
