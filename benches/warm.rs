//! A warm reopen: how long an unchanged corpus takes to come back from the extraction cache.
//!
//! - `decode_timeline_entry`: decoding a timeline entry (documents, events, quotes) of a synthetic
//!   timeline, part by part on both cores, from memory;
//! - `reopen_folder`: `pipeline::open` on a folder whose cache is warm and whose files are settled:
//!   the scan, the stat index and the timeline entry, no file read. The folder is
//!   `ATTACHE_BENCH_CORPUS` when set (e.g. a `gen_corpus` folder; the first, untimed open fills
//!   the cache and takes as long as a cold load), else 200 copies of the bundled articles.

/// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;

use attache::cache::{self, Cache, entry};
use attache::corpus::{EMBEDDED, LoadOptions};
use attache::progress::Progress;
use criterion::{Criterion, criterion_group, criterion_main};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

fn bundled_copies(dir: &std::path::Path, copies: usize) {
    let old = SystemTime::now() - Duration::from_secs(3600);
    for i in 0..copies {
        for (name, text) in EMBEDDED {
            let path = dir.join(format!("{i:03}-{name}"));
            std::fs::write(&path, text).unwrap();
            let file = std::fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(old).unwrap();
        }
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("warm");
    group.sample_size(10);

    let mut timeline = common::timeline(10_000, 5);
    let payload = entry::encode(&mut timeline).expect("encodes");
    drop(timeline);
    group.bench_function("decode_timeline_entry_10k_events_50k_quotes", |b| {
        b.iter_with_large_drop(|| entry::decode(&payload).expect("decodes"))
    });

    let scratch = tempfile::tempdir().unwrap();
    let folder = match std::env::var_os("ATTACHE_BENCH_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => {
            let dir = scratch.path().join("corpus");
            std::fs::create_dir(&dir).unwrap();
            bundled_copies(&dir, 40);
            dir
        }
    };
    let cache = Cache::at(scratch.path().join("cache"));
    let open = || {
        attache::pipeline::open(
            std::slice::from_ref(&folder),
            &LoadOptions::default(),
            Some(&cache),
            &Progress::default(),
        )
    };
    open();
    // The files must be older than the stat index by the racy window to be vouched for.
    std::thread::sleep(cache::stat::RACY + Duration::from_millis(100));
    open();
    assert!(
        open().built.is_some_and(|b| b.files_unread),
        "a warm reopen"
    );
    // Freeing the timeline is left out: a reopen ends in the TUI, not in a drop.
    group.bench_function("reopen_folder", |b| b.iter_with_large_drop(open));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
