//! End-to-end TimeBank/AQUAINT evaluation of the time tagger.
//!
//! Reads `../shared/timeml/*.jsonl` (or `$ATTACHE_TIMEML`), tags every document with its DCT,
//! converts byte offsets to character offsets, writes system JSONL files to a temporary directory
//! and runs the TempEval-3 scorer (`python3 score.py GOLD SYSTEM`) on each corpus and on both
//! together. Extra arguments (`--verbose`, `--breakdown`) are passed to the scorer.
//!
//! `cargo run --release --example timebank_eval [-- --breakdown]`

use attache::extract::time::tag;
use chrono::NaiveDate;
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

fn data_dir() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("ATTACHE_TIMEML") {
        return Some(PathBuf::from(dir)).filter(|d| d.is_dir());
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        manifest.join("../shared/timeml"),
        manifest.join("../../shared/timeml"),
    ]
    .into_iter()
    .find(|d| d.join("score.py").is_file())
}

/// Character offset of every byte offset that starts a character (and of the end).
fn char_offsets(text: &str) -> Vec<usize> {
    let mut map = vec![0; text.len() + 1];
    let mut n = 0;
    for (i, c) in text.char_indices() {
        for slot in map.iter_mut().skip(i).take(c.len_utf8()) {
            *slot = n;
        }
        n += 1;
    }
    map[text.len()] = n;
    map
}

fn run_corpus(gold: &Path, out: &Path) -> std::io::Result<(usize, usize, f64)> {
    let input = std::fs::read_to_string(gold)?;
    let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
    let (mut docs, mut bytes, mut secs) = (0, 0, 0.0);
    for line in input.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(rec) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let text = rec["text"].as_str().unwrap_or("");
        let dct = rec["dct"]
            .as_str()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let started = std::time::Instant::now();
        let timexes = tag(text, dct);
        secs += started.elapsed().as_secs_f64();
        let map = char_offsets(text);
        let timex: Vec<Value> = timexes
            .iter()
            .map(|t| {
                json!({
                    "start": map[t.span.start], "end": map[t.span.end],
                    "type": t.kind, "value": t.value,
                })
            })
            .collect();
        writeln!(file, "{}", json!({"doc": rec["doc"], "timex": timex}))?;
        docs += 1;
        bytes += text.len();
    }
    file.flush()?;
    Ok((docs, bytes, secs))
}

fn score(dir: &Path, gold: &Path, system: &Path, extra: &[String]) -> std::io::Result<()> {
    let output = Command::new("python3")
        .arg(dir.join("score.py"))
        .arg(gold)
        .arg(system)
        .args(extra)
        .output()?;
    print!("{}", String::from_utf8_lossy(&output.stdout));
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    Ok(())
}

fn main() -> ExitCode {
    let Some(dir) = data_dir() else {
        println!("timebank_eval: skipped (../shared/timeml not found; set ATTACHE_TIMEML)");
        return ExitCode::SUCCESS;
    };
    let extra: Vec<String> = std::env::args().skip(1).collect();
    // $ATTACHE_TIMEML_OUT keeps the system files for inspection.
    let keep = std::env::var("ATTACHE_TIMEML_OUT").ok().map(PathBuf::from);
    let tmp = keep.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("attache-timebank-{}", std::process::id()))
    });
    if let Err(e) = std::fs::create_dir_all(&tmp) {
        eprintln!("timebank_eval: cannot create {}: {e}", tmp.display());
        return ExitCode::FAILURE;
    }
    let mut all_gold = String::new();
    let mut all_sys = String::new();
    for name in ["timebank", "aquaint"] {
        let gold = dir.join(format!("{name}.jsonl"));
        if !gold.is_file() {
            println!("timebank_eval: {} missing, skipped", gold.display());
            continue;
        }
        let system = tmp.join(format!("{name}.system.jsonl"));
        match run_corpus(&gold, &system) {
            Ok((docs, bytes, secs)) => {
                println!(
                    "{name}: {docs} docs, {bytes} bytes tagged in {:.1} ms",
                    secs * 1000.0
                );
                if let Err(e) = score(&dir, &gold, &system, &extra) {
                    eprintln!("timebank_eval: cannot run python3 score.py: {e}");
                    return ExitCode::FAILURE;
                }
                all_gold += &std::fs::read_to_string(&gold).unwrap_or_default();
                all_sys += &std::fs::read_to_string(&system).unwrap_or_default();
            }
            Err(e) => {
                eprintln!("timebank_eval: {}: {e}", gold.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let (g, s) = (tmp.join("all.gold.jsonl"), tmp.join("all.system.jsonl"));
    if std::fs::write(&g, all_gold).is_ok() && std::fs::write(&s, all_sys).is_ok() {
        println!("timebank+aquaint:");
        if let Err(e) = score(&dir, &g, &s, &extra) {
            eprintln!("timebank_eval: cannot run python3 score.py: {e}");
        }
    }
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    ExitCode::SUCCESS
}
