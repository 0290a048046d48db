//! A profiling driver for the per-document extraction: the first 200 documents of a folder, dated,
//! then extracted N times on one thread (prints MiB/s). Under valgrind it gives instruction counts
//! that do not depend on the machine's load, which the criterion bench cannot on a shared machine:
//!
//! ```sh
//! cargo build --release --example extract_prof
//! valgrind --tool=callgrind --toggle-collect='attache::extract::extract_document' \
//!     target/release/examples/extract_prof /tmp/c1000 1
//! ```
//!
//! A third argument `ac` times only the trigger and place automata over the same texts.
use attache::corpus::{self, LoadOptions};
use attache::extract;
use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: extract_prof DIR [REPEATS] [ac]");
        std::process::exit(2);
    };
    let reps: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let mut docs = corpus::load(&[dir], &LoadOptions::default()).documents;
    docs.truncate(200);
    extract::time::infer_publication_dates(&mut docs);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // Warm the embedded lexicons outside extract_document (callgrind collects only inside it).
    black_box(extract::extract_analysed(&docs[0], &[]));
    if args.get(3).map(String::as_str) == Some("ac") {
        let lx = extract::events::lexicon::Lexicon::embedded();
        let pl = extract::events::places::Places::embedded();
        for _ in 0..3 {
            let t = std::time::Instant::now();
            let mut n = 0;
            for _ in 0..reps {
                for d in &docs {
                    n += lx.find(&d.text).len();
                }
            }
            let a = t.elapsed().as_secs_f64();
            let t = std::time::Instant::now();
            for _ in 0..reps {
                for d in &docs {
                    n += pl
                        .find(&d.text, attache::model::Span::new(0, d.text.len()))
                        .len();
                }
            }
            let b = t.elapsed().as_secs_f64();
            let mb = (bytes * reps) as f64 / 1048576.0;
            eprintln!(
                "lexicon {:.0} MiB/s places {:.0} MiB/s ({n})",
                mb / a,
                mb / b
            );
        }
        return;
    }
    let t = std::time::Instant::now();
    for _ in 0..reps {
        for d in &docs {
            black_box(extract::extract_document(d));
        }
    }
    let s = t.elapsed().as_secs_f64();
    eprintln!("{:.2} MiB/s", (bytes * reps) as f64 / s / 1048576.0);
}
