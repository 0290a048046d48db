//! Times the corpus-wide merge alone, for work on the merge at scale.
//!
//! `cargo run --release --example merge_time -- DIR DUMP [RUNS]`
//!
//! The first run loads DIR, infers publication dates, extracts every document and writes the
//! documents and extractions (with the merge cues the cache keeps apart) to DUMP; later runs read
//! DUMP, so each run costs only the merge. Prints the merge's wall time per run, the numbers of
//! events and quotes, and a hash of the JSON export, so a change to the merge can be checked for
//! speed and for identical output in one command.

use attache::corpus::{self, LoadOptions};
use attache::extract::{self, Extraction};
use attache::model::{DateSource, Document, MentionCues, Published};
use chrono::NaiveDate;
use std::time::Instant;

/// Publication dates as inferred, extractions, and their merge cues (documents are read again
/// from DIR: their serde form is not postcard's).
type Dump = (
    Vec<(Option<NaiveDate>, DateSource, Vec<String>)>,
    Vec<Extraction>,
    Vec<Vec<MentionCues>>,
);

fn build(dir: &str) -> (Vec<Document>, Vec<Extraction>) {
    let mut documents = corpus::load(&[dir], &LoadOptions::default()).documents;
    extract::time::infer_publication_dates(&mut documents);
    use rayon::prelude::*;
    let extractions = documents
        .par_iter()
        .map(|d| {
            let mut ex = extract::extract_document(d);
            ex.timexes = Vec::new();
            ex.actors = Vec::new();
            ex
        })
        .collect();
    (documents, extractions)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(dump)) = (args.first(), args.get(1)) else {
        return Err("usage: merge_time DIR DUMP [RUNS]".into());
    };
    let runs: usize = args.get(2).map_or(Ok(1), |r| r.parse())?;
    let (documents, extractions) = match std::fs::read(dump) {
        Ok(bytes) => {
            let (published, mut extractions, cues): Dump = postcard::from_bytes(&bytes)?;
            let mut documents = corpus::load(&[dir], &LoadOptions::default()).documents;
            for (d, (date, source, clues)) in documents.iter_mut().zip(published) {
                d.published = Published {
                    date,
                    source,
                    clues,
                    ..Published::default()
                };
            }
            for (ex, cues) in extractions.iter_mut().zip(cues) {
                for (m, c) in ex.mentions.iter_mut().zip(cues) {
                    m.cues = c;
                }
            }
            (documents, extractions)
        }
        Err(_) => {
            let (documents, extractions) = build(dir);
            let cues: Vec<Vec<MentionCues>> = extractions
                .iter()
                .map(|ex| ex.mentions.iter().map(|m| m.cues.clone()).collect())
                .collect();
            let published = documents
                .iter()
                .map(|d| {
                    let p = &d.published;
                    (p.date, p.source, p.clues.clone())
                })
                .collect();
            let dumped: Dump = (published, extractions, cues);
            std::fs::write(dump, postcard::to_allocvec(&dumped)?)?;
            (documents, dumped.1)
        }
    };
    for _ in 0..runs {
        let (d, e) = (documents.clone(), extractions.clone());
        let (start, cpu) = (Instant::now(), thread_cpu());
        let timeline = attache::pipeline::merge(d, e, None);
        let (took, cpu) = (start.elapsed(), thread_cpu() - cpu);
        let json = attache::export::to_json(&timeline).to_string();
        let hash = xxhash_rust::xxh3::xxh3_64(json.as_bytes());
        println!(
            "merge {:.3} s wall, {cpu:.2} s CPU: {} events, {} quotes, json {hash:016x}",
            took.as_secs_f64(),
            timeline.events.len(),
            timeline.quotes.len()
        );
    }
    Ok(())
}

/// CPU seconds the process has used (Linux; 0 elsewhere), so a loaded machine does not blur
/// the figure the way wall time does.
fn thread_cpu() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which is in parentheses and may hold spaces).
    let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
        return 0.0;
    };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line: 11 and 12 counted from the state field.
    (ticks(11) + ticks(12)) / 100.0
}
