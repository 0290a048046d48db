//! One keystroke of the `/` filter: the update that recomputes the rows (what a frame then
//! shows), over 100,000 events and over 500,000 quotes. "grown" types one more character of a
//! query already typed; "fresh" searches every item for a query the memo has not seen (a first
//! letter, which keeps nearly every row, and a whole word, as when a query is pasted). In the
//! Quotes view a keystroke also ranks the matches (best first); `_by_date` leaves them in date
//! order.

/// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;

use attache::tui::filter::Filter;
use attache::tui::{Action, Options, State, View, update};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Times `step` alone; `undo` (untimed) puts the state back for the next iteration.
fn timed(
    state: &mut State,
    iters: u64,
    step: impl Fn(&mut State),
    undo: impl Fn(&mut State),
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let t = Instant::now();
        step(state);
        total += t.elapsed();
        black_box(state.current_rows().len());
        undo(state);
    }
    total
}

fn set_query(state: &mut State, q: &str) {
    state.filters = vec![Filter::Query(q.to_string())];
    state.filters_changed();
}

fn keystrokes(c: &mut Criterion, name: &str, mut state: State, items: usize) {
    let mut g = c.benchmark_group(name);
    g.sample_size(30);
    g.throughput(Throughput::Elements(items as u64));
    update(&mut state, Action::Resize(120, 40));
    update(&mut state, Action::StartFilter);
    for query in ["hol", "ministr", "peace pro"] {
        set_query(&mut state, "");
        for ch in query.chars() {
            update(&mut state, Action::Type(ch));
        }
        let grown = format!("{query}+1");
        g.bench_function(BenchmarkId::new("grown", grown), |b| {
            b.iter_custom(|iters| {
                timed(
                    &mut state,
                    iters,
                    |s| {
                        update(s, Action::Type('t'));
                    },
                    |s| {
                        update(s, Action::DeleteChar);
                    },
                )
            })
        });
        println!("{name}: /{query}t keeps {} rows", {
            update(&mut state, Action::Type('t'));
            let n = state.current_rows().len();
            update(&mut state, Action::DeleteChar);
            n
        });
    }
    for query in ["h", "holt", "guarantees", "peace plan"] {
        g.bench_function(BenchmarkId::new("fresh", query), |b| {
            b.iter_custom(|iters| {
                timed(
                    &mut state,
                    iters,
                    |s| set_query(s, query),
                    |s| set_query(s, "zz"),
                )
            })
        });
        set_query(&mut state, query);
        println!("{name}: /{query} keeps {} rows", state.current_rows().len());
    }
    g.finish();
}

fn events(c: &mut Criterion) {
    let state = State::new(common::timeline(100_000, 1), Options::default());
    keystrokes(c, "filter_100k_events", state, 100_000);
}

/// The Quotes view ranks a `/` search's matches (best first, see `attache::tui::search::rank`): every
/// keystroke here filters and ranks. `_by_date` is the same search in date order (`r`).
fn quotes(c: &mut Criterion) {
    let mut state = State::new(common::timeline(100_000, 5), Options::default());
    update(&mut state, Action::Show(View::Quotes));
    keystrokes(c, "filter_500k_quotes", state, 500_000);
    let mut state = State::new(common::timeline(100_000, 5), Options::default());
    update(&mut state, Action::Show(View::Quotes));
    state.toggle_rank();
    keystrokes(c, "filter_500k_quotes_by_date", state, 500_000);
}

criterion_group!(benches, events, quotes);
criterion_main!(benches);
