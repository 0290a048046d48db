//! One frame of each view at 120x40 through ratatui's `TestBackend` (the embedded corpus, and the
//! list views over 100,000 events / 500,000 quotes), and what one `j` costs on a real crossterm
//! backend writing into memory: the time of the update and frame, and the bytes it writes (printed).

/// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;

use attache::corpus::{self, LoadOptions};
use attache::pipeline::build_timeline;
use attache::tui::backend::Compact;
use attache::tui::{Action, Options, State, View, draw, update};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::hint::black_box;

const W: u16 = 120;
const H: u16 = 40;

fn embedded() -> State {
    let loaded = corpus::load(&[] as &[&str], &LoadOptions::default());
    let mut s = State::new(build_timeline(loaded.documents), Options::default());
    update(&mut s, Action::Resize(W, H));
    s
}

fn bench_frame(c: &mut Criterion, group: &str, cases: Vec<(&str, State)>) {
    let mut g = c.benchmark_group(group);
    for (name, state) in cases {
        let mut t = Terminal::new(TestBackend::new(W, H)).expect("a test terminal");
        g.bench_function(name, |b| {
            b.iter(|| {
                // A frame as after a keystroke: ratatui diffs it against the previous one.
                t.draw(|f| draw(f, &state)).expect("drawing to memory");
                black_box(t.backend().buffer().area);
            })
        });
    }
    g.finish();
}

fn frames(c: &mut Criterion) {
    let view = |v: View| {
        let mut s = embedded();
        update(&mut s, Action::Show(v));
        update(&mut s, Action::Down);
        s
    };
    let mut article = view(View::Timeline);
    update(&mut article, Action::Open);
    let mut help = view(View::Timeline);
    update(&mut help, Action::ToggleHelp);
    let mut filtered = view(View::Timeline);
    update(&mut filtered, Action::StartFilter);
    for ch in "talks".chars() {
        update(&mut filtered, Action::Type(ch));
    }
    bench_frame(
        c,
        "frame_120x40_embedded",
        vec![
            ("timeline", view(View::Timeline)),
            ("timeline_filtered", filtered),
            ("quotes", view(View::Quotes)),
            ("sources", view(View::Sources)),
            ("article", article),
            ("help", help),
        ],
    );
    let big = common::timeline(100_000, 5);
    let mut events = State::new(big.clone(), Options::default());
    update(&mut events, Action::Resize(W, H));
    let mut quotes = State::new(big, Options::default());
    update(&mut quotes, Action::Resize(W, H));
    update(&mut quotes, Action::Show(View::Quotes));
    let mut quotes_filtered = State::new(common::timeline(100_000, 5), Options::default());
    update(&mut quotes_filtered, Action::Resize(W, H));
    update(&mut quotes_filtered, Action::Show(View::Quotes));
    update(&mut quotes_filtered, Action::StartFilter);
    for ch in "peace".chars() {
        update(&mut quotes_filtered, Action::Type(ch));
    }
    bench_frame(
        c,
        "frame_120x40_100k_events_500k_quotes",
        vec![
            ("timeline", events),
            ("quotes", quotes),
            ("quotes_filtered", quotes_filtered),
        ],
    );
}

/// A terminal's output stream that only counts the bytes written to it (shared with the caller).
#[derive(Clone, Default)]
struct Tally(std::rc::Rc<std::cell::Cell<usize>>);

impl std::io::Write for Tally {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A crossterm terminal writing into memory through the backend `attache tui` uses, with one frame drawn.
fn crossterm(state: &State, tally: &Tally) -> Terminal<Compact<CrosstermBackend<Tally>>> {
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, W, H)),
    };
    let mut t = Terminal::with_options(Compact::new(CrosstermBackend::new(tally.clone())), options)
        .expect("a terminal in memory");
    t.draw(|f| draw(f, state)).expect("drawing to memory");
    t
}

/// `j` then a frame; returns the bytes written.
fn j(
    state: &mut State,
    t: &mut Terminal<Compact<CrosstermBackend<Tally>>>,
    tally: &Tally,
    down: bool,
) -> usize {
    tally.0.set(0);
    update(state, if down { Action::Down } else { Action::Up });
    t.draw(|f| draw(f, state)).expect("drawing to memory");
    tally.0.get()
}

fn scroll(c: &mut Criterion) {
    let mut g = c.benchmark_group("j_120x40_crossterm");
    // `scrolls`: the selection is first taken to the bottom of the list, so that every `j`
    // scrolls the list by a row (the terminal is told to move the rows); otherwise `j` and `k`
    // alternate within the visible rows.
    let cases = [
        ("embedded_timeline", embedded(), View::Timeline, false),
        ("embedded_quotes", embedded(), View::Quotes, false),
        (
            "100k_timeline",
            State::new(common::timeline(100_000, 1), Options::default()),
            View::Timeline,
            false,
        ),
        (
            "100k_timeline_scrolls",
            State::new(common::timeline(100_000, 1), Options::default()),
            View::Timeline,
            true,
        ),
    ];
    for (name, mut state, v, scrolls) in cases {
        update(&mut state, Action::Resize(W, H));
        update(&mut state, Action::Show(v));
        if scrolls {
            for _ in 0..H {
                update(&mut state, Action::Down);
            }
        }
        let tally = Tally::default();
        let mut t = crossterm(&state, &tally);
        let sizes: Vec<usize> = (0..6)
            .map(|_| j(&mut state, &mut t, &tally, true))
            .collect();
        println!("{name}: bytes written per `j` at {W}x{H}: {sizes:?}");
        g.bench_function(name, |b| {
            let mut down = true;
            b.iter(|| {
                down = scrolls || !down;
                black_box(j(&mut state, &mut t, &tally, down))
            })
        });
    }
    g.finish();
}

criterion_group!(benches, frames, scroll);
criterion_main!(benches);
