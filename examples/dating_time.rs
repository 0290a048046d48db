//! Times corpus-wide publication-date inference alone, for work on it at scale.
//!
//! `cargo run --release --example dating_time -- DIR [RUNS]`
//!
//! Loads DIR once, then infers every article's publication date RUNS times (from undated copies),
//! printing each run's wall time and a hash of the dates and clues found, so a change can be
//! checked for speed and for identical results in one command. The first run is the one the
//! pipeline pays: later runs find the per-thread resolution memo warm.

use attache::corpus::{self, LoadOptions};
use attache::extract;
use std::hash::{Hash, Hasher};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: dating_time DIR [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let mut undated = corpus::load(&[dir], &LoadOptions::default()).documents;
    for d in &mut undated {
        d.published = Default::default();
    }
    let bytes: usize = undated.iter().map(|d| d.text.len()).sum();
    println!("{} articles, {:.1} MB", undated.len(), bytes as f64 / 1e6);
    for run in 0..runs {
        let mut docs = undated.clone();
        let t = Instant::now();
        let analysed = extract::time::infer_publication_dates_analysed(&mut docs);
        let took = t.elapsed();
        // FNV-style digest of what dating decided (dates, sources, clue notes) and the expressions.
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for d in &docs {
            d.published.date.hash(&mut h);
            format!("{:?}", d.published.source).hash(&mut h);
            d.published.clues.hash(&mut h);
        }
        let expressions: usize = analysed.iter().flatten().map(Vec::len).sum();
        let dated = docs.iter().filter(|d| d.published.date.is_some()).count();
        println!(
            "run {run}: {:.3} s, {dated} dated, {expressions} expressions, digest {:016x}",
            took.as_secs_f64(),
            h.finish()
        );
    }
}
