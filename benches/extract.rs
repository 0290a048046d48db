//! The whole per-document pipeline (text → time → actors → quotes → events) on one core, in MB/s:
//! on the bundled articles, and on generated articles when `ATTACHE_BENCH_CORPUS` names a folder
//! written by `cargo run --release --example gen_corpus` (its first 200 files).
//! Also the corpus-wide publication-date inference, which runs on every core: on the bundled
//! articles, and on the whole of `ATTACHE_BENCH_CORPUS` (up to 1,000 files), since its cost
//! depends on how many articles share names and expressions.

/// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use attache::corpus::{self, LoadOptions};
use attache::extract;
use attache::model::Document;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn dated(mut docs: Vec<Document>) -> Vec<Document> {
    extract::time::infer_publication_dates(&mut docs);
    docs
}

/// The bundled articles, and up to `limit` generated ones.
fn corpora(limit: usize) -> Vec<(&'static str, Vec<Document>)> {
    let none: [&str; 0] = [];
    let mut found = vec![(
        "seeds",
        dated(corpus::load(&none, &LoadOptions::default()).documents),
    )];
    if let Some(dir) = std::env::var_os("ATTACHE_BENCH_CORPUS") {
        let mut docs = corpus::load(&[dir], &LoadOptions::default()).documents;
        docs.truncate(limit);
        if !docs.is_empty() {
            found.push(("generated", dated(docs)));
        }
    }
    found
}

fn per_document(c: &mut Criterion) {
    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    for (name, docs) in corpora(200) {
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        // One core: a plain loop, no rayon.
        g.bench_function(format!("one_core/{name}"), |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(extract::extract_document(d));
                }
            })
        });
    }
    for (name, docs) in corpora(1000) {
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        let undated: Vec<Document> = docs
            .iter()
            .cloned()
            .map(|mut d| {
                d.published = Default::default();
                d
            })
            .collect();
        g.bench_function(format!("publication_dates/{name}"), |b| {
            b.iter(|| {
                let mut docs = undated.clone();
                extract::time::infer_publication_dates(&mut docs);
                black_box(docs)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, per_document);
criterion_main!(benches);
