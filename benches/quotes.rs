//! Attribution throughput: actor finding plus quote extraction and attribution over a few MB of
//! news text, made of the bundled articles with their paragraphs reordered and thinned so that no
//! two documents are the same.

/// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use attache::corpus::document_from_text;
use attache::extract::actors::{Gazetteer, find_actors};
use attache::extract::quotes::{extract_quotes, link_statements};
use attache::model::Document;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const SEEDS: [&str; 5] = [
    include_str!("../assets/corpus/000_8289c1f155d94d1b.txt"),
    include_str!("../assets/corpus/001_3f5d1c33c9c20a76.txt"),
    include_str!("../assets/corpus/002_c00b228c42aec0fc.txt"),
    include_str!("../assets/corpus/003_e37d3a62f785454b.txt"),
    include_str!("../assets/corpus/004_4057a1858cb80fb9.txt"),
];

/// Target corpus size in bytes.
const TARGET: usize = 3 << 20;

/// A variant of `text`: paragraphs rotated by `k`, every `(k % 4) + 3`-th one dropped.
fn variant(text: &str, k: usize) -> String {
    let paras: Vec<&str> = text.split('\n').collect();
    let n = paras.len().max(1);
    let drop = k % 4 + 3;
    (0..n)
        .map(|i| paras[(i + k) % n])
        .enumerate()
        .filter(|(i, _)| (i + 1) % drop != 0)
        .map(|(_, p)| p)
        .collect::<Vec<_>>()
        .join("\n")
}

fn corpus() -> Vec<Document> {
    let mut docs = Vec::new();
    let mut bytes = 0;
    let mut k = 0;
    while bytes < TARGET {
        for seed in SEEDS {
            let mut doc = document_from_text(&format!("bench/{k}.txt"), &variant(seed, k), None);
            doc.id = format!("d{}", docs.len() + 1);
            bytes += doc.text.len();
            docs.push(doc);
        }
        k += 1;
    }
    docs
}

fn attribution(c: &mut Criterion) {
    let gaz = Gazetteer::embedded();
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mentions: Vec<_> = docs.iter().map(|d| find_actors(d, gaz).0).collect();
    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("actors_and_quotes", |b| {
        b.iter(|| {
            let mut all = Vec::new();
            for d in &docs {
                let (m, _) = find_actors(d, gaz);
                all.extend(extract_quotes(d, &m, gaz));
            }
            link_statements(&mut all);
            black_box(all.len())
        })
    });
    group.bench_function("quotes_only", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .zip(&mentions)
                .map(|(d, m)| extract_quotes(d, m, gaz).len())
                .sum();
            black_box(n)
        })
    });
    group.finish();
}

criterion_group!(benches, attribution);
criterion_main!(benches);
