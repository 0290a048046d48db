//! Times a warm reopen as the TUI does it, stage by stage, without a terminal: the cached
//! timeline, the TUI's state (catalog and first rows) and one frame at 120x40 on a `TestBackend`.
//!
//! `ATTACHE_CACHE_DIR=D cargo run --release --example tui_open_time -- DIR DUMP [RUNS]`
//!
//! The first run builds DIR's timeline (through the cache in D) and writes it to DUMP as the
//! cache's timeline entry; later runs decode DUMP, so a rebuilt binary (which the cache would not
//! trust) needs no cold run. For work on the time to the first frame; the figure the user sees
//! is `ATTACHE_TIMINGS=1 attache DIR` in a terminal.

use attache::cache::{Cache, entry};
use attache::corpus::LoadOptions;
use attache::progress::Progress;
use attache::tui::{Options, State, draw};
use ratatui::{Terminal, backend::TestBackend};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: tui_open_time DIR DUMP [RUNS]");
        std::process::exit(2);
    };
    let Some(dump) = args.get(1) else {
        eprintln!("usage: tui_open_time DIR DUMP [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(3);
    let Some(cache) = Cache::user() else {
        eprintln!("no cache directory");
        std::process::exit(2);
    };
    for _ in 0..runs {
        let t = Instant::now();
        let timeline = match std::fs::read(dump).ok().and_then(|b| entry::decode(&b)) {
            Some(t) => t,
            None => {
                let opened = attache::pipeline::open(
                    &[dir],
                    &LoadOptions::default(),
                    Some(&cache),
                    &Progress::default(),
                );
                let Some(mut built) = opened.built else {
                    eprintln!("nothing loaded");
                    std::process::exit(1);
                };
                if let Some(bytes) = entry::encode(&mut built.timeline) {
                    let _ = std::fs::write(dump, bytes);
                }
                built.timeline
            }
        };
        let load = t.elapsed();
        let mut state = State::new(timeline, Options::default());
        let ready = t.elapsed();
        state.width = 120;
        state.height = 40;
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
        terminal.draw(|f| draw(f, &state)).expect("draw");
        let frame = t.elapsed();
        println!(
            "load {:.3} s, state {:.3} s, frame {:.3} s: first frame at {:.3} s",
            load.as_secs_f64(),
            (ready - load).as_secs_f64(),
            (frame - ready).as_secs_f64(),
            frame.as_secs_f64()
        );
        std::mem::forget(state);
    }
}
