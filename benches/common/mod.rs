//! Synthetic timelines for the TUI benches, built in memory (no disk in a timed loop): invented
//! names and places, event titles in news style and quotes of 10–35 words drawn from common news
//! vocabulary, so that letters and words occur about as often as in real reporting.

#![allow(dead_code)]

use attache::model::*;
use chrono::{Duration, NaiveDate};

const FIRST: &[&str] = &[
    "Jane", "Tomas", "Zoë", "Mara", "Ivo", "Lena", "Piet", "Ana", "Oskar", "Hedda", "Rui", "Sanna",
    "Marek", "Elin", "Doru", "Katja", "Femi", "Ilse", "Yusuf", "Noor",
];
const LAST: &[&str] = &[
    "Holt",
    "Vey",
    "Brennan",
    "Quill",
    "Dorn",
    "Aalto",
    "Marek",
    "Silva",
    "Kowal",
    "Lind",
    "Ferro",
    "Nagy",
    "Okafor",
    "Brandt",
    "Sorensen",
    "Castell",
    "Rahimi",
    "Lukas",
    "Varga",
    "Whitcombe",
];
const TITLES: &[&str] = &[
    "President",
    "Minister",
    "Chancellor",
    "Senator",
    "Governor",
    "envoy",
    "spokeswoman",
    "General",
];
const PLACES: &[&str] = &[
    "Brenna",
    "Kessel",
    "Ostrava",
    "Valmy",
    "Tarn",
    "Lisk",
    "Corvo",
    "Emden",
    "Halm",
    "Norr",
    "Vasto",
    "Pellin",
    "Drava",
    "Sorrel Bay",
    "Karsk",
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
const SUBJECTS: &[&str] = &[
    "talks",
    "a ceasefire",
    "the sanctions",
    "trade tariffs",
    "the border",
    "energy prices",
    "a peace plan",
    "the grain deal",
    "security guarantees",
    "the election",
    "military aid",
    "the budget",
    "refugees",
    "a prisoner exchange",
    "the pipeline",
];
const WORDS: &[&str] = &[
    "we",
    "will",
    "not",
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "that",
    "is",
    "for",
    "on",
    "it",
    "with",
    "as",
    "this",
    "be",
    "are",
    "have",
    "our",
    "they",
    "there",
    "but",
    "no",
    "any",
    "deal",
    "people",
    "country",
    "government",
    "agreement",
    "war",
    "peace",
    "talks",
    "meeting",
    "week",
    "president",
    "minister",
    "security",
    "support",
    "together",
    "future",
    "important",
    "process",
    "partners",
    "allies",
    "sanctions",
    "pressure",
    "economy",
    "prices",
    "energy",
    "border",
    "troops",
    "ceasefire",
    "negotiations",
    "progress",
    "decision",
    "position",
    "responsibility",
    "clear",
    "strong",
    "difficult",
    "possible",
    "necessary",
    "serious",
    "good",
    "long",
    "new",
    "first",
    "last",
    "next",
    "today",
    "tomorrow",
    "again",
    "already",
    "still",
    "always",
    "never",
    "believe",
    "think",
    "know",
    "want",
    "need",
    "hope",
    "expect",
    "continue",
    "work",
    "make",
    "take",
    "give",
    "find",
    "keep",
    "protect",
    "defend",
    "build",
    "end",
    "start",
    "stop",
    "should",
    "must",
    "could",
    "would",
    "can",
    "very",
    "more",
    "most",
    "only",
    "also",
    "every",
    "everyone",
    "nothing",
    "something",
    "time",
    "years",
    "months",
    "days",
    "moment",
    "world",
    "region",
    "citizens",
    "farmers",
    "workers",
    "families",
    "children",
    "nation",
    "history",
    "freedom",
    "justice",
    "stability",
    "trust",
    "promise",
    "answer",
    "question",
    "problem",
    "solution",
    "plan",
    "proposal",
    "guarantees",
    "exports",
    "imports",
    "markets",
    "investment",
    "jobs",
    "growth",
    "crisis",
    "conflict",
    "dialogue",
    "respect",
    "sovereignty",
    "territory",
    "unity",
    "courage",
    "honest",
    "fair",
    "open",
    "ready",
    "willing",
    "prepared",
    "determined",
];

/// A tiny deterministic generator (xorshift), so every run benches the same timeline.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
}

/// A quote of 10–35 words, capitalised and ending with a full stop.
fn quote_text(rng: &mut Rng) -> String {
    let n = 10 + rng.below(26);
    let mut s = String::new();
    for i in 0..n {
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            s.extend(c.next().map(|f| f.to_ascii_uppercase()));
            s.push_str(c.as_str());
        } else {
            s.push(if rng.below(9) == 0 { ',' } else { ' ' });
            if s.ends_with(',') {
                s.push(' ');
            }
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

/// A timeline of `events` events over ten years, each with `quotes_per_event` quotes, reported by
/// eight outlets (one document each).
pub fn timeline(events: usize, quotes_per_event: usize) -> Timeline {
    let mut rng = Rng::new(0x2545F4914F6CDD1D);
    let documents: Vec<Document> = OUTLETS
        .iter()
        .enumerate()
        .map(|(i, o)| Document {
            id: format!("d{i}"),
            path: format!("synthetic/{i}.txt"),
            title: Some(format!("Report {i}")),
            outlet: Some(o.to_string()),
            published: Published {
                date: NaiveDate::from_ymd_opt(2030, 1, 1 + i as u32),
                ..Published::default()
            },
            text: "“We will meet again,” the minister said.".into(),
            ..Document::default()
        })
        .collect();
    let first_day = NaiveDate::from_ymd_opt(2020, 1, 1).expect("a valid date");
    let mut out_events = Vec::with_capacity(events);
    let mut quotes = Vec::with_capacity(events * quotes_per_event);
    for i in 0..events {
        let (a, b) = (person(&mut rng), person(&mut rng));
        let place = rng.pick(PLACES);
        let subject = rng.pick(SUBJECTS);
        let title = match i % 4 {
            0 => format!("{} {a} and {b} meet in {place}", rng.pick(TITLES)),
            1 => format!("{a} calls {b} about {subject}"),
            2 => format!("{a} announces {subject} in {place}"),
            _ => format!("{a} and {b} agree on {subject}"),
        };
        let day = first_day + Duration::days(rng.below(3650) as i64);
        let doc = rng.below(OUTLETS.len());
        let mut event_quotes = Vec::new();
        for k in 0..quotes_per_event {
            let id = format!("q{i}.{k}");
            let text = quote_text(&mut rng);
            quotes.push(Quote {
                id: id.clone(),
                doc: format!("d{}", rng.below(OUTLETS.len())),
                span: Span::new(3, 22),
                text,
                speaker: Some(if k % 2 == 0 { a.clone() } else { b.clone() }),
                attribution: None,
                statement: None,
                event: Some(format!("e{i}")),
            });
            event_quotes.push(id);
        }
        out_events.push(Event {
            id: format!("e{i}"),
            title,
            kind: KINDS[rng.below(KINDS.len())],
            status: if rng.below(10) == 0 {
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
                OUTLETS[rng.below(OUTLETS.len())].to_string(),
            ],
            evidence: Vec::new(),
            disagreements: vec![],
        });
    }
    Timeline {
        documents,
        events: out_events,
        quotes,
        actors: vec![],
        reported: vec![],
    }
}
