//! TUI speed: time to first frame on the embedded corpus, and per-keystroke cost (filter + render)
//! on a synthetic timeline of 100,000 events.

use attache::corpus::{self, LoadOptions};
use attache::extract::build_timeline;
use attache::model::*;
use attache::tui::{Action, Options, State, draw, update};
use chrono::{Duration, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::hint::black_box;
use std::io;

const FIRST: &[&str] = &[
    "Jane", "Tomas", "Zoë", "Mara", "Ivo", "Lena", "Piet", "Ana", "Oskar", "Hedda", "Rui", "Sanna",
];
const LAST: &[&str] = &[
    "Holt", "Vey", "Brennan", "Quill", "Dorn", "Aalto", "Marek", "Silva", "Kowal", "Lind", "Ferro",
    "Nagy",
];
const PLACES: &[&str] = &[
    "Brenna", "Kessel", "Ostrava", "Valmy", "Tarn", "Lisk", "Corvo", "Emden", "Halm", "Norr",
];
const OUTLETS: &[&str] = &[
    "Daily Ledger",
    "Harbor Courier",
    "Northern Wire",
    "Evening Post",
    "City Herald",
    "Morning Star",
    "Valley Times",
    "Coast Gazette",
];
const KINDS: [EventKind; 6] = [
    EventKind::Meeting,
    EventKind::Summit,
    EventKind::Call,
    EventKind::Statement,
    EventKind::Agreement,
    EventKind::Negotiation,
];

/// A deterministic timeline of `n` events (every fifth with a quote) over ten years.
fn synthetic(n: usize) -> Timeline {
    let mut rng = 0x2545F4914F6CDD1Du64;
    let mut next = move |m: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % m as u64) as usize
    };
    let documents: Vec<Document> = OUTLETS
        .iter()
        .enumerate()
        .map(|(i, o)| Document {
            id: format!("d{i}"),
            path: format!("synthetic/{i}.txt"),
            title: Some(format!("Report {i}")),
            outlet: Some(o.to_string()),
            text: "“We will meet again,” the minister said.".into(),
            ..Document::default()
        })
        .collect();
    let first_day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let mut events = Vec::with_capacity(n);
    let mut quotes = Vec::new();
    for i in 0..n {
        let a = format!("{} {}", FIRST[next(FIRST.len())], LAST[next(LAST.len())]);
        let b = format!("{} {}", FIRST[next(FIRST.len())], LAST[next(LAST.len())]);
        let place = PLACES[next(PLACES.len())];
        let kind = KINDS[next(KINDS.len())];
        let title = match i % 3 {
            0 => format!("{a} and {b} meet in {place}"),
            1 => format!("{a} calls {b} about {place}"),
            _ => format!("{a} announces talks in {place}"),
        };
        let day = first_day + Duration::days(next(3650) as i64);
        let doc = next(OUTLETS.len());
        let mut event_quotes = Vec::new();
        if i % 5 == 0 {
            let id = format!("q{i}");
            quotes.push(Quote {
                id: id.clone(),
                doc: format!("d{doc}"),
                span: Span::new(3, 22),
                text: "We will meet again".into(),
                speaker: Some(a.clone()),
                attribution: None,
                statement: None,
                event: Some(format!("e{i}")),
            });
            event_quotes.push(id);
        }
        events.push(Event {
            id: format!("e{i}"),
            title,
            kind,
            status: if next(10) == 0 {
                Status::Planned
            } else {
                Status::Past
            },
            date: Some(TimeValue::day(day)),
            date_provenance: None,
            actors: vec![a, b],
            place: Some(place.to_string()),
            mentions: vec![],
            quotes: event_quotes,
            outlets: vec![
                OUTLETS[doc].to_string(),
                OUTLETS[next(OUTLETS.len())].to_string(),
            ],
            disagreements: vec![],
        });
    }
    Timeline {
        documents,
        events,
        quotes,
        actors: vec![],
    }
}

fn terminal() -> Terminal<CrosstermBackend<io::Sink>> {
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 100, 30)),
    };
    Terminal::with_options(CrosstermBackend::new(io::sink()), options).unwrap()
}

fn first_frame(c: &mut Criterion) {
    let mut g = c.benchmark_group("first_frame");
    g.bench_function("embedded_corpus_load_extract_draw", |b| {
        b.iter(|| {
            let loaded = corpus::load(&[] as &[&str], &LoadOptions::default());
            let timeline = build_timeline(loaded.documents);
            let mut state = State::new(timeline, Options::default());
            update(&mut state, Action::Resize(100, 30));
            let mut t = terminal();
            t.draw(|f| draw(f, &state)).unwrap();
            black_box(state.current_rows().len())
        })
    });
    let loaded = corpus::load(&[] as &[&str], &LoadOptions::default());
    let timeline = build_timeline(loaded.documents);
    g.bench_function("embedded_corpus_state_and_draw", |b| {
        b.iter(|| {
            let mut state = State::new(timeline.clone(), Options::default());
            update(&mut state, Action::Resize(100, 30));
            let mut t = terminal();
            t.draw(|f| draw(f, &state)).unwrap();
        })
    });
    g.finish();
}

/// One keystroke = the update (filtering 100,000 events when the query changes) plus a frame.
fn keystrokes(c: &mut Criterion) {
    let mut state = State::new(synthetic(100_000), Options::default());
    update(&mut state, Action::Resize(100, 30));
    let mut t = terminal();
    let mut g = c.benchmark_group("keystroke_100k_events");
    g.sample_size(20);
    g.bench_function("j_move_and_draw", |b| {
        let mut down = true;
        b.iter(|| {
            update(&mut state, if down { Action::Down } else { Action::Up });
            down = !down;
            t.draw(|f| draw(f, &state)).unwrap();
        })
    });
    update(&mut state, Action::StartFilter);
    // Typing the first letter (every event is a candidate) and taking it back, alternately.
    g.bench_function("filter_first_letter_and_draw", |b| {
        let mut typing = true;
        b.iter(|| {
            update(
                &mut state,
                if typing {
                    Action::Type('h')
                } else {
                    Action::DeleteChar
                },
            );
            typing = !typing;
            t.draw(|f| draw(f, &state)).unwrap();
        })
    });
    for c in "hol".chars() {
        update(&mut state, Action::Type(c));
    }
    // A fourth letter narrowing an already typed query.
    g.bench_function("filter_fourth_letter_and_draw", |b| {
        let mut typing = true;
        b.iter(|| {
            update(
                &mut state,
                if typing {
                    Action::Type('t')
                } else {
                    Action::DeleteChar
                },
            );
            typing = !typing;
            t.draw(|f| draw(f, &state)).unwrap();
        })
    });
    g.finish();
}

criterion_group!(benches, first_frame, keystrokes);
criterion_main!(benches);
