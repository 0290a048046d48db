//! Extraction as a map step and the merge as a reduce step, for archives larger than one process
//! (`attache extract`, `attache merge`), and the timeline store the merge writes.
//!
//! **Extraction records** (`attache-extract/1`, JSON Lines): one line per document,
//! `{"attache_extract": 1, "document": {…}, "extraction": {…}, "cues": […]}` — the document with
//! its text and metadata (as `attache export` writes documents, plus the text), what extraction
//! found in it (event mentions, direct quotes, reported speech, actors the gazetteer lacks), and
//! the merge's cues for each mention (not part of the export contract; read back as written).
//! A record is independent of the other documents but for one thing: a publication date
//! inferred from the text may lean on other articles of the same shard.
//!
//! **The merge** puts the records in the order one process would load their files (path by
//! path, a JSON Lines export's records by number), numbers the documents again, infers the
//! publication dates of the undated ones over the whole corpus — an article whose inferred date
//! then differs from its shard's is extracted again from the text its record carries — and
//! merges. So a corpus extracted in any number of shards, in any order, merges into the timeline
//! one process builds.
//!
//! **The timeline store** is that timeline in one file (a header line, then postcard), which
//! `attache`, `attache export` and every other command open like a folder.

use crate::extract::{self, Extraction};
use crate::model::{DateSource, Document, MentionCues, Published, Timeline};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};
use std::path::Path;

/// The version of the extraction record format.
pub const RECORD_VERSION: u32 = 1;
/// The first bytes of a timeline store (then its format version and a newline).
const STORE_MAGIC: &[u8] = b"attache-timeline/";
/// The version of the timeline store format.
const STORE_VERSION: u32 = 1;

/// One document's extraction record.
#[derive(Debug, Serialize, Deserialize)]
pub struct Record {
    pub attache_extract: u32,
    pub document: Document,
    pub extraction: Extraction,
    /// One per mention of `extraction`, in order.
    pub cues: Vec<MentionCues>,
}

/// Dates and extracts `documents` (loaded as [`crate::corpus::load`] loads them), one record each,
/// in their order.
pub fn extract_records(mut documents: Vec<Document>) -> Vec<Record> {
    let analysed = extract::time::infer_publication_dates_analysed(&mut documents);
    let extractions: Vec<Extraction> = match analysed {
        Some(analysed) => documents
            .par_iter()
            .zip(analysed)
            .map(|(d, a)| slim(extract::extract_analysed(d, &a)))
            .collect(),
        None => documents
            .par_iter()
            .map(|d| slim(extract::extract_document(d)))
            .collect(),
    };
    documents
        .into_iter()
        .zip(extractions)
        .map(|(document, mut extraction)| {
            let cues = extraction
                .mentions
                .iter_mut()
                .map(|m| std::mem::take(&mut m.cues))
                .collect();
            Record {
                attache_extract: RECORD_VERSION,
                document,
                extraction,
                cues,
            }
        })
        .collect()
}

/// What the merge does not read (every time expression and name occurrence), left out.
fn slim(mut ex: Extraction) -> Extraction {
    ex.timexes = Vec::new();
    ex.actors = Vec::new();
    ex
}

/// Writes records as JSON Lines.
pub fn write_records(records: &[Record], out: &mut impl Write) -> anyhow::Result<()> {
    for r in records {
        serde_json::to_writer(&mut *out, r)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Reads JSON Lines records; `label` names the source in errors ("line 3 of shard-2.jsonl").
pub fn read_records(input: impl BufRead, label: &str) -> anyhow::Result<Vec<Record>> {
    let mut out = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let line = line.map_err(|e| anyhow::anyhow!("{label}: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(&line).map_err(|e| {
            anyhow::anyhow!(
                "{label}, line {}: not an extraction record of `attache extract` ({e})",
                i + 1
            )
        })?;
        if record.attache_extract != RECORD_VERSION {
            anyhow::bail!(
                "{label}, line {}: record format {} (this attache reads {RECORD_VERSION}): extract again with this version",
                i + 1,
                record.attache_extract
            );
        }
        if record.cues.len() != record.extraction.mentions.len() {
            anyhow::bail!(
                "{label}, line {}: {} mentions but {} cues: the record is damaged",
                i + 1,
                record.extraction.mentions.len(),
                record.cues.len()
            );
        }
        out.push(record);
    }
    Ok(out)
}

/// The order one process loads documents in: path by path (component-wise, as a folder is
/// walked), a JSON Lines export's records (`FILE#N`) by number.
fn load_order(path: &str) -> (std::path::PathBuf, usize) {
    match path.rsplit_once('#') {
        Some((file, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            (file.into(), n.parse().unwrap_or(usize::MAX))
        }
        _ => (path.into(), 0),
    }
}

/// Merges records from any number of shards into the timeline one process builds from the same
/// documents (see the module's documentation). A record given twice (same path and text) counts once.
pub fn merge_records(mut records: Vec<Record>) -> Timeline {
    records.sort_by_cached_key(|r| load_order(&r.document.path));
    records
        .dedup_by(|b, a| a.document.path == b.document.path && a.document.text == b.document.text);
    let mut documents = Vec::with_capacity(records.len());
    let mut extractions = Vec::with_capacity(records.len());
    // Whether the record's date was inferred, and as what.
    let mut shard_dates: Vec<Option<Published>> = Vec::with_capacity(records.len());
    for (i, r) in records.into_iter().enumerate() {
        let mut doc = r.document;
        let mut ex = r.extraction;
        for (m, cues) in ex.mentions.iter_mut().zip(r.cues) {
            m.cues = cues;
        }
        let id = format!("d{}", i + 1);
        renumber(&mut doc, &mut ex, &id);
        match doc.published.source {
            DateSource::Inferred | DateSource::Unknown => {
                shard_dates.push(Some(std::mem::take(&mut doc.published)));
            }
            _ => shard_dates.push(None),
        }
        documents.push(doc);
        extractions.push(ex);
    }
    let analysed = extract::time::infer_publication_dates_analysed(&mut documents);
    // An article dated otherwise than in its shard is extracted again.
    let again: Vec<Option<Extraction>> = documents
        .par_iter()
        .enumerate()
        .map(|(i, d)| {
            let shard = shard_dates[i].as_ref()?;
            if *shard == d.published {
                return None;
            }
            let ex = match analysed.as_ref().and_then(|a| a.get(i)) {
                Some(a) => extract::extract_analysed(d, a),
                None => extract::extract_document(d),
            };
            Some(slim(ex))
        })
        .collect();
    for (ex, fresh) in extractions.iter_mut().zip(again) {
        if let Some(fresh) = fresh {
            *ex = fresh;
        }
    }
    drop(analysed);
    crate::pipeline::merge(documents, extractions, None)
}

/// Gives a document and its extraction the id `id`.
fn renumber(doc: &mut Document, ex: &mut Extraction, id: &str) {
    let old = std::mem::replace(&mut doc.id, id.to_string());
    ex.doc = id.to_string();
    let renamed = |s: &str| match s.strip_prefix(old.as_str()) {
        Some(rest) if rest.is_empty() || rest.starts_with('-') => format!("{id}{rest}"),
        _ => s.to_string(),
    };
    for m in &mut ex.mentions {
        m.doc = id.to_string();
    }
    for q in &mut ex.quotes {
        q.doc = id.to_string();
        q.id = renamed(&q.id);
    }
    for r in &mut ex.reported {
        r.doc = id.to_string();
        r.id = renamed(&r.id);
    }
}

/// Writes the timeline store.
/// The payload is the cache's timeline entry ([`crate::cache::entry`]).
pub fn write_store(timeline: &mut Timeline, out: &mut impl Write) -> anyhow::Result<()> {
    let bytes = crate::cache::entry::encode(timeline)
        .ok_or_else(|| anyhow::anyhow!("the timeline could not be encoded"))?;
    out.write_all(STORE_MAGIC)?;
    writeln!(out, "{STORE_VERSION}")?;
    out.write_all(&bytes)?;
    Ok(())
}

/// Whether the file at `path` is a timeline store (by its first bytes).
pub fn is_store(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 17];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && head == STORE_MAGIC
}

/// Reads a timeline store written by [`write_store`].
pub fn read_store(path: &Path) -> anyhow::Result<Timeline> {
    let bytes = std::fs::read(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot read the store: {e}", path.display()))?;
    let rest = bytes
        .strip_prefix(STORE_MAGIC)
        .ok_or_else(|| anyhow::anyhow!("{}: not a timeline store", path.display()))?;
    let newline = rest
        .iter()
        .position(|b| *b == b'\n')
        .ok_or_else(|| anyhow::anyhow!("{}: damaged timeline store", path.display()))?;
    let version = std::str::from_utf8(&rest[..newline])
        .ok()
        .and_then(|v| v.parse::<u32>().ok());
    if version != Some(STORE_VERSION) {
        anyhow::bail!(
            "{}: timeline store format {} (this attache reads {STORE_VERSION}): run `attache merge` again with this version",
            path.display(),
            String::from_utf8_lossy(&rest[..newline])
        );
    }
    crate::cache::entry::decode(&rest[newline + 1..])
        .ok_or_else(|| anyhow::anyhow!("{}: damaged timeline store", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_come_in_folder_order_and_records_by_number() {
        let mut paths = vec![
            "a/b.jsonl#10",
            "a/b.jsonl#2",
            "a/a.txt",
            "a/sub/z.txt",
            "a/c.txt",
        ];
        paths.sort_by_key(|p| load_order(p));
        assert_eq!(
            paths,
            vec![
                "a/a.txt",
                "a/b.jsonl#2",
                "a/b.jsonl#10",
                "a/c.txt",
                "a/sub/z.txt"
            ]
        );
    }

    #[test]
    fn a_store_reads_back_and_refuses_other_files() {
        let dir = std::env::temp_dir().join(format!("attache-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.store");
        let mut timeline =
            crate::pipeline::build_timeline(vec![crate::corpus::document_from_text(
                "x.txt",
                "Holt met Berg in Lisbon on 3 March 2031.",
                None,
            )]);
        let mut out = Vec::new();
        write_store(&mut timeline, &mut out).unwrap();
        std::fs::write(&path, &out).unwrap();
        assert!(is_store(&path));
        // What is exported reads back (the merge's cues are not kept, as in the cache).
        let json = |t: &Timeline| serde_json::to_string(t).unwrap();
        assert_eq!(json(&read_store(&path).unwrap()), json(&timeline));
        std::fs::write(&path, b"plain text, not a store").unwrap();
        assert!(!is_store(&path));
        assert!(read_store(&path).is_err());
        std::fs::remove_dir_all(&dir).ok();
    }
}
