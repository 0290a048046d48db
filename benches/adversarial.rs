//! Hostile inputs through the whole pipeline (publication date → time → actors → quotes → events
//! → merge): a megabyte of quote marks, a megabyte without a sentence end, 100,000 capitalised
//! words in a row, a megabyte of dates, and a megabyte of speech frames. Each runs at half size and
//! full size: equal MB/s at both sizes means the cost grows linearly.

/// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use attache::corpus::document_from_text;
use attache::pipeline::build_timeline;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// A deterministic pseudo-random walk over `pieces` until `bytes` bytes.
fn fill(pieces: &[&str], bytes: usize, seed: u64) -> String {
    let mut state = seed;
    let mut out = String::with_capacity(bytes + 64);
    while out.len() < bytes {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push_str(pieces[(state >> 33) as usize % pieces.len()]);
    }
    out
}

const MB: usize = 1 << 20;

fn quote_marks(bytes: usize) -> String {
    fill(
        &["“", "”", "\"", "'", "‘", "’", "«", "»", " ", "„"],
        bytes,
        1,
    )
}

fn no_sentence_end(bytes: usize) -> String {
    fill(
        &[
            "the ",
            "minister ",
            "said ",
            "talks ",
            "would ",
            "continue ",
            "and ",
            "officials ",
            "in ",
            "Geneva ",
            "met ",
            ", ",
            "on ",
            "Monday ",
            "that ",
            "were ",
            "— ",
        ],
        bytes,
        2,
    )
}

/// `words` capitalised words separated by single spaces (100,000 ≈ 0.7 MB).
fn capitalised(words: usize) -> String {
    let pieces = [
        "Holt ",
        "Vance ",
        "Geneva ",
        "Minister ",
        "President ",
        "Lind ",
        "Ministry ",
        "Council ",
        "North ",
        "Atlantic ",
        "Monday ",
        "March ",
        "The ",
        "Foreign ",
        "Affairs ",
        "Union ",
    ];
    let mut state = 3u64;
    let mut out = String::new();
    for _ in 0..words {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push_str(pieces[(state >> 33) as usize % pieces.len()]);
    }
    out
}

fn dates(bytes: usize) -> String {
    fill(
        &[
            "March 6 ",
            "2031 ",
            "last week ",
            "on Monday ",
            "within 10 days ",
            "Aug. 15, ",
            "next month ",
            "two years ago ",
            "the previous day ",
        ],
        bytes,
        4,
    )
}

fn speech(bytes: usize) -> String {
    fill(
        &[
            "“We will meet,” Holt said. ",
            "he said ",
            "“No” ",
            "told reporters: ",
            "according to Vance, ",
            "“",
            "she added. ",
        ],
        bytes,
        5,
    )
}

/// One sentence telling one event, repeated: every mention joins one event in one paragraph
/// (was quadratic in the mentions of that event).
fn one_event_repeated(bytes: usize) -> String {
    "Holt met Vance. ".repeat(bytes / 16)
}

/// Two sentences naming a happening of the reference chronology with weekdays, repeated, in an
/// undated article: every sentence is read for the happening's names (was quadratic in the
/// sentences: 178 s for 0.5 MB).
fn chronology_names_repeated(bytes: usize) -> String {
    let two = "Trump and Putin held talks in Alaska on Friday. \
        Zelensky said on Monday that the call was good. ";
    two.repeat(bytes / two.len())
}

fn adversarial(c: &mut Criterion) {
    let inputs: Vec<(&str, usize, String)> = vec![
        ("quote_marks", MB / 2, quote_marks(MB / 2)),
        ("quote_marks", MB, quote_marks(MB)),
        ("no_sentence_end", MB / 2, no_sentence_end(MB / 2)),
        ("no_sentence_end", MB, no_sentence_end(MB)),
        ("capitalised_words", 50_000, capitalised(50_000)),
        ("capitalised_words", 100_000, capitalised(100_000)),
        ("dates", MB / 2, dates(MB / 2)),
        ("dates", MB, dates(MB)),
        ("speech_frames", MB / 2, speech(MB / 2)),
        ("speech_frames", MB, speech(MB)),
        ("one_event_repeated", MB / 2, one_event_repeated(MB / 2)),
        ("one_event_repeated", MB, one_event_repeated(MB)),
        (
            "chronology_names_repeated",
            MB / 4,
            chronology_names_repeated(MB / 4),
        ),
        (
            "chronology_names_repeated",
            MB / 2,
            chronology_names_repeated(MB / 2),
        ),
    ];
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    for (name, size, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new(*name, size), text, |b, text| {
            b.iter(|| {
                let mut doc = document_from_text("hostile.txt", text, None);
                doc.id = "d1".into();
                let t = build_timeline(vec![doc]);
                black_box((t.events.len(), t.quotes.len()))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
