//! The command line's side of kept state: `attache bookmark add|remove|list`, and the marks that
//! exports and briefs include.

use super::{Keys, Marks, Store};
use crate::model::Timeline;
use crate::sanitize::plain;
use std::io::{self, Write};

/// The marks of a timeline from the environment's data directory, and warnings about files that
/// had to be moved aside. Without a home directory: no marks.
pub fn marks_for(timeline: &Timeline) -> (Marks, Option<String>) {
    let Some(store) = Store::from_env() else {
        return (Marks::default(), None);
    };
    let read = store.marks();
    let marks = Marks::resolve(&read.value, timeline, &Keys::new(timeline));
    (marks, read.warning)
}

/// Why a bookmark command failed.
#[derive(Debug, thiserror::Error)]
pub enum BookmarkError {
    #[error(
        "no event or quote `{0}` in this corpus (`attache events --format json` lists the ids)"
    )]
    UnknownId(String),
    #[error("no home directory to keep bookmarks in: set ATTACHE_DATA_DIR or ATTACHE_HOME")]
    NoStore,
    #[error("could not save the bookmarks: {0}")]
    Io(#[from] io::Error),
}

/// Bookmarks (`on`) or un-bookmarks the event or quote `id`; returns what was done, and the
/// warning if the old file had to be moved aside.
pub fn set_bookmark(
    timeline: &Timeline,
    id: &str,
    on: bool,
) -> Result<(String, Option<String>), BookmarkError> {
    let store = Store::from_env().ok_or(BookmarkError::NoStore)?;
    let keys = Keys::new(timeline);
    let verb = if on { "bookmarked" } else { "unbookmarked" };
    if let Some(e) = timeline.events.iter().find(|e| e.id == id) {
        let key = keys.event(e);
        let (_, warning) = store.change_marks(|f| f.set_event_bookmark(&key, &e.title, on))?;
        return Ok((format!("{verb} event {id}: {}", plain(&e.title)), warning));
    }
    if let Some(q) = timeline.quotes.iter().find(|q| q.id == id) {
        let key = keys.quote(q);
        let (_, warning) = store.change_marks(|f| f.set_quote_bookmark(&key, &q.text, on))?;
        return Ok((format!("{verb} quote {id}: “{}”", plain(&q.text)), warning));
    }
    Err(BookmarkError::UnknownId(plain(id)))
}

/// `attache bookmark list`: one line per marked event or quote (id, mark, text, note).
pub fn list(timeline: &Timeline, marks: &Marks, out: &mut dyn Write) -> io::Result<()> {
    for e in &timeline.events {
        let Some(m) = marks.event(&e.id) else {
            continue;
        };
        let date = e.date.as_ref().map_or("undated", |d| d.value.as_str());
        write!(
            out,
            "{}\t{}\t{}\t{}",
            e.id,
            if m.bookmarked { "★" } else { "" },
            plain(date),
            plain(&e.title)
        )?;
        match &m.note {
            Some(n) => writeln!(out, "\tnote: {}", plain(n))?,
            None => writeln!(out)?,
        }
    }
    for q in &timeline.quotes {
        if marks.quote_bookmarked(&q.id) {
            writeln!(
                out,
                "{}\t★\t{}\t“{}”",
                q.id,
                plain(q.speaker.as_deref().unwrap_or("—")),
                plain(&q.text)
            )?;
        }
    }
    Ok(())
}

/// What `attache bookmark …` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request<'a> {
    /// Bookmark the event or quote with this id.
    Add(&'a str),
    /// Remove its bookmark.
    Remove(&'a str),
    /// List the bookmarks and notes.
    List,
}

/// Runs `attache bookmark …` on a loaded timeline; returns the exit code (2 for an unknown id).
pub fn run(
    request: Request<'_>,
    timeline: &Timeline,
    out: &mut dyn Write,
) -> Result<u8, BookmarkError> {
    let (id, on) = match request {
        Request::Add(id) => (id, true),
        Request::Remove(id) => (id, false),
        Request::List => {
            let (marks, warning) = marks_for(timeline);
            if let Some(w) = warning {
                eprintln!("attache: warning: {}", plain(&w));
            }
            list(timeline, &marks, out)?;
            return Ok(0);
        }
    };
    match set_bookmark(timeline, id, on) {
        Ok((done, warning)) => {
            if let Some(w) = warning {
                eprintln!("attache: warning: {}", plain(&w));
            }
            writeln!(out, "{done}")?;
            Ok(0)
        }
        Err(e @ BookmarkError::UnknownId(_)) => {
            eprintln!("attache: error: {e}");
            Ok(2)
        }
        Err(e) => Err(e),
    }
}
