//! Throughput of the time tagger (recognition + normalisation) on news prose: the bundled articles,
//! concatenated, tagged against a fixed publication date. Reported in bytes per second.

/// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use attache::corpus::EMBEDDED;
use attache::extract::time::{analyse, tag};
use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn corpus() -> String {
    let mut text = String::new();
    while text.len() < 1 << 20 {
        for (_, article) in EMBEDDED {
            text.push_str(article);
            text.push_str("\n\n");
        }
    }
    text
}

fn bench_time(c: &mut Criterion) {
    let text = corpus();
    let dct = NaiveDate::from_ymd_opt(2025, 8, 19);
    let mut group = c.benchmark_group("time");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("tag", |b| b.iter(|| tag(black_box(&text), dct)));
    group.bench_function("analyse", |b| b.iter(|| analyse(black_box(&text))));
    group.finish();
}

criterion_group!(benches, bench_time);
criterion_main!(benches);
