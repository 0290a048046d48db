//! Loading a corpus: the embedded articles, or the user's files and folders.
//!
//! Loading never stops at the first bad file: each problem becomes one [`Warning`] naming the file,
//! and the rest of the corpus still loads. Only "nothing could be loaded" is an error for the caller.

mod chrome;
mod decode;
mod embedded;
mod frontmatter;
mod meta;
mod walk;

pub use chrome::mark_chrome;
pub use decode::{Decoded, decode};
pub use embedded::EMBEDDED;
pub use frontmatter::{FrontMatter, split_front_matter};
pub use meta::{guess_byline, guess_outlet, guess_title, parse_date};

use crate::model::{DateSource, Document, Published};
use chrono::NaiveDate;
use std::fmt;
use std::path::Path;

/// One problem met while loading; the file it names was skipped or loaded with a caveat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: String,
    pub message: String,
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
}

/// Options that apply to every loaded document.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `--dct`: the publication date of every given document.
    pub dct: Option<NaiveDate>,
}

/// Loads the embedded corpus (no paths) or the given files and folders.
pub fn load(paths: &[impl AsRef<Path>], options: &LoadOptions) -> Loaded {
    let mut loaded = Loaded::default();
    if paths.is_empty() {
        for (name, text) in EMBEDDED {
            let path = format!("assets/corpus/{name}");
            loaded.documents.push(document_from_text(&path, text, None));
        }
    } else {
        for path in paths {
            walk::load_path(path.as_ref(), &mut loaded);
        }
    }
    for (i, doc) in loaded.documents.iter_mut().enumerate() {
        doc.id = format!("d{}", i + 1);
        if let Some(dct) = options.dct {
            doc.published = Published {
                date: Some(dct),
                source: DateSource::Flag,
                clues: Vec::new(),
            };
        }
    }
    loaded
}

/// Builds a document from plain text (with optional front matter already split off as `front`).
/// Missing metadata is guessed from the text.
pub fn document_from_text(path: &str, text: &str, front: Option<FrontMatter>) -> Document {
    let front = front.unwrap_or_default();
    let chrome = mark_chrome(text);
    let published = match front.published.as_deref().and_then(parse_date) {
        Some(date) => Published {
            date: Some(date),
            source: DateSource::Metadata,
            clues: Vec::new(),
        },
        None => Published::default(),
    };
    Document {
        id: String::new(),
        path: path.to_string(),
        title: front.title.or_else(|| guess_title(text, &chrome)),
        outlet: front.outlet.or_else(|| guess_outlet(text)),
        byline: front.byline.or_else(|| guess_byline(text)),
        url: front.url,
        published,
        text: text.to_string(),
        chrome,
    }
}
