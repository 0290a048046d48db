//! Event detection and the cross-article merge: mentions per second on the bundled articles, and
//! how the merge scales when the same stories arrive from many outlets (blocking keeps it from
//! comparing every mention with every event). With `ATTACHE_BENCH_CORPUS` naming a folder written
//! by `gen_corpus`, also the merge of an eighth, a quarter, half and all of its articles'
//! extractions: the time per doubling shows how the merge grows (2x per doubling is linear).

/// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use attache::corpus::{self, LoadOptions};
use attache::extract::{self, Extraction, events};
use attache::model::Document;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use std::hint::black_box;

fn seeds() -> Vec<Document> {
    let none: [&str; 0] = [];
    let mut docs = corpus::load(&none, &LoadOptions::default()).documents;
    extract::time::infer_publication_dates(&mut docs);
    docs
}

/// `copies` outlets each carrying every bundled story (distinct ids and paths).
fn corpus_of(copies: usize) -> (Vec<Document>, Vec<Extraction>) {
    let base = seeds();
    let mut docs = Vec::new();
    for c in 0..copies {
        for d in &base {
            let mut d = d.clone();
            d.id = format!("{}-{c}", d.id);
            d.path = format!("{}#{c}", d.path);
            docs.push(d);
        }
    }
    let extractions = docs.iter().map(extract::extract_document).collect();
    (docs, extractions)
}

fn detection(c: &mut Criterion) {
    let docs = seeds();
    let prepared: Vec<_> = docs
        .iter()
        .map(|d| {
            let ex = extract::extract_document(d);
            (d, ex.timexes, ex.actors)
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut g = c.benchmark_group("events");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("detect_mentions/seeds", |b| {
        b.iter(|| {
            for (d, t, a) in &prepared {
                black_box(events::detect_mentions(
                    d,
                    t,
                    a,
                    extract::actors::Gazetteer::embedded(),
                ));
            }
        })
    });
    g.finish();
}

fn merging(c: &mut Criterion) {
    let mut g = c.benchmark_group("merge");
    for copies in [1, 8, 32] {
        let (docs, extractions) = corpus_of(copies);
        let mentions: usize = extractions.iter().map(|e| e.mentions.len()).sum();
        g.throughput(Throughput::Elements(mentions as u64));
        g.bench_with_input(BenchmarkId::new("outlets", copies * 5), &copies, |b, _| {
            b.iter(|| {
                black_box(attache::pipeline::merge(
                    docs.clone(),
                    extractions.clone(),
                    None,
                ))
            })
        });
    }
    g.finish();
}

fn merging_generated(c: &mut Criterion) {
    let Some(dir) = std::env::var_os("ATTACHE_BENCH_CORPUS") else {
        return;
    };
    let mut docs = corpus::load(&[dir], &LoadOptions::default()).documents;
    extract::time::infer_publication_dates(&mut docs);
    let extractions: Vec<Extraction> = docs
        .par_iter()
        .map(|d| {
            let mut ex = extract::extract_document(d);
            ex.timexes.clear();
            ex.actors.clear();
            ex
        })
        .collect();
    let mut g = c.benchmark_group("merge_generated");
    g.sample_size(10);
    let n = docs.len();
    for size in [n / 8, n / 4, n / 2, n] {
        if size == 0 {
            continue;
        }
        let (docs, extractions) = (&docs[..size], &extractions[..size]);
        g.throughput(Throughput::Elements(size as u64));
        g.bench_with_input(BenchmarkId::new("articles", size), &size, |b, _| {
            b.iter(|| {
                black_box(attache::pipeline::merge(
                    docs.to_vec(),
                    extractions.to_vec(),
                    None,
                ))
            })
        });
    }
    g.finish();
}

criterion_group!(benches, detection, merging, merging_generated);
criterion_main!(benches);
