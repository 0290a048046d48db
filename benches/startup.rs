//! Startup: the embedded corpus (five articles) loaded, extracted and merged, the TUI state built
//! and the first frame drawn at 120x40 — what `attache tui` does before the user sees anything.

/// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use attache::corpus::{self, LoadOptions};
use attache::pipeline::build_timeline;
use attache::tui::{Action, Options, State, draw, update};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

fn first_frame(state: &State) {
    let mut t = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    t.draw(|f| draw(f, state)).expect("drawing to memory");
    black_box(t.backend().buffer().area);
}

fn startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    g.bench_function("embedded_corpus_to_first_frame", |b| {
        b.iter(|| {
            let loaded = corpus::load(&[] as &[&str], &LoadOptions::default());
            let timeline = build_timeline(loaded.documents);
            let mut state = State::new(timeline, Options::default());
            update(&mut state, Action::Resize(120, 40));
            first_frame(&state);
        })
    });
    let loaded = corpus::load(&[] as &[&str], &LoadOptions::default());
    let timeline = build_timeline(loaded.documents);
    g.bench_function("timeline_to_first_frame", |b| {
        b.iter(|| {
            let mut state = State::new(timeline.clone(), Options::default());
            update(&mut state, Action::Resize(120, 40));
            first_frame(&state);
        })
    });
    g.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
