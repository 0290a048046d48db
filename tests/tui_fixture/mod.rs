//! A small hand-built timeline for the TUI tests: invented people and places, so the snapshots do
//! not change when extraction improves.

#![allow(dead_code)]

use attache::corpus::mark_chrome;
use attache::model::*;
use chrono::NaiveDate;

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn span_of(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    Span::new(start, start + needle.len())
}

fn doc(
    id: &str,
    outlet: &str,
    title: &str,
    published: Option<&str>,
    source: DateSource,
    text: &str,
) -> Document {
    Document {
        id: id.into(),
        path: format!("fixture/{id}.txt"),
        title: Some(title.into()),
        outlet: Some(outlet.into()),
        byline: Some("By Mara Quill".into()),
        url: None,
        published: Published {
            date: published.map(day),
            source,
            clues: if source == DateSource::Inferred {
                vec!["'Tuesday' + 'last week'".into()]
            } else {
                vec![]
            },
            ..Published::default()
        },
        text: text.into(),
        chrome: mark_chrome(text),
    }
}

fn quote(id: &str, d: &Document, words: &str, speaker: Option<&str>, event: Option<&str>) -> Quote {
    Quote {
        id: id.into(),
        doc: d.id.clone(),
        span: span_of(&d.text, words),
        text: words.into(),
        speaker: speaker.map(Into::into),
        attribution: speaker.map(|_| "trailing-said".into()),
        statement: None,
        event: event.map(Into::into),
    }
}

fn mention(
    d: &Document,
    sentence: &str,
    kind: EventKind,
    status: Status,
    actors: &[&str],
) -> Mention {
    Mention {
        doc: d.id.clone(),
        span: span_of(&d.text, sentence),
        text: sentence.into(),
        kind,
        status,
        actors: actors.iter().map(|a| a.to_string()).collect(),
        place: None,
        date: None,
        date_rule: None,
        trigger: "met".into(),
        cues: MentionCues::default(),
    }
}

fn tv(value: &str, precision: Precision, start: &str, end: &str, approximate: bool) -> TimeValue {
    TimeValue {
        value: value.into(),
        precision: Some(precision),
        start: Some(day(start)),
        end: Some(day(end)),
        approximate,
        relative: None,
    }
}

pub const LEDGER: &str = "Holt and Vey meet in Brenna\n\nMinister Jane Holt met Chancellor Tomas Vey in Brenna on Monday, the first talks in a year.\n\n\u{201c}We are ready to talk about the border,\u{201d} Holt said after the meeting.\n\nAdvertisement\n\nThe two leaders agreed to meet again in Kessel next month with Premier Zoë Brennan.\n\n\u{201c}Nothing is agreed until everything is agreed,\u{201d} Vey told reporters.\n";

pub const COURIER: &str = "Vey wants guarantees before any deal\n\nChancellor Tomas Vey met Minister Jane Holt on Sunday in Brenna, the Courier has learned.\n\n\u{201c}No deal without guarantees,\u{201d} Vey said. Officials called the talks \u{201c}constructive.\u{201d}\n\nREAD ALSO: Markets rally on peace hopes\n\nIn March, Vey called the leaders of Ostrava to prepare the ground.\n\nHolt told reporters on Monday that the border would reopen in April.\n";

pub const WIRE: &str = "東京 observers welcome the Brenna talks\n\nObservers in 東京 said the talks were a step forward.\n\n\u{201c}Une étape importante,\u{201d} said Premier Zoë Brennan, who plans to join the Kessel meeting.\n\nA ceasefire agreement was signed in 2030.\n";

/// A statement reported without quotation marks: a paraphrase.
fn reported(id: &str, d: &Document, clause: &str, speaker: &str, event: Option<&str>) -> Reported {
    Reported {
        id: id.into(),
        doc: d.id.clone(),
        span: span_of(&d.text, clause),
        text: clause.into(),
        speaker: speaker.into(),
        attribution: "reported-that".into(),
        verb: "told".into(),
        date: Some(tv(
            "2031-03-10",
            Precision::Day,
            "2031-03-10",
            "2031-03-10",
            false,
        )),
        event: event.map(Into::into),
    }
}

/// Three outlets, five events (day, approximate month, planned, year, undated), five quotes and
/// one reported statement.
pub fn timeline() -> Timeline {
    let d1 = doc(
        "d1",
        "Daily Ledger",
        "Holt and Vey meet in Brenna",
        Some("2031-03-11"),
        DateSource::Metadata,
        LEDGER,
    );
    let d2 = doc(
        "d2",
        "Harbor Courier",
        "Vey wants guarantees before any deal",
        Some("2031-03-12"),
        DateSource::Inferred,
        COURIER,
    );
    let d3 = doc(
        "d3",
        "Northern Wire",
        "東京 observers welcome the Brenna talks",
        None,
        DateSource::Unknown,
        WIRE,
    );

    let q1 = quote(
        "q1",
        &d1,
        "We are ready to talk about the border,",
        Some("Jane Holt"),
        Some("e2"),
    );
    let q2 = quote(
        "q2",
        &d1,
        "Nothing is agreed until everything is agreed,",
        Some("Tomas Vey"),
        Some("e2"),
    );
    let q3 = quote(
        "q3",
        &d2,
        "No deal without guarantees,",
        Some("Tomas Vey"),
        Some("e2"),
    );
    let q4 = quote("q4", &d2, "constructive.", None, None);
    let q5 = quote(
        "q5",
        &d3,
        "Une étape importante,",
        Some("Zoë Brennan"),
        Some("e4"),
    );
    let r1 = reported(
        "d2-r1",
        &d2,
        "the border would reopen in April",
        "Jane Holt",
        Some("e2"),
    );

    let summit = Event {
        id: "e2".into(),
        title: "Holt and Vey meet in Brenna".into(),
        kind: EventKind::Meeting,
        status: Status::Past,
        date: Some(tv(
            "2031-03-10",
            Precision::Day,
            "2031-03-10",
            "2031-03-10",
            false,
        )),
        date_provenance: Some("d1 'on Monday' (past, anchored to 2031-03-11)".into()),
        actors: vec!["Jane Holt".into(), "Tomas Vey".into()],
        place: Some("Brenna".into()),
        mentions: vec![
            mention(
                &d1,
                "Minister Jane Holt met Chancellor Tomas Vey in Brenna on Monday",
                EventKind::Meeting,
                Status::Past,
                &["Jane Holt", "Tomas Vey"],
            ),
            mention(
                &d2,
                "Chancellor Tomas Vey met Minister Jane Holt on Sunday in Brenna",
                EventKind::Meeting,
                Status::Past,
                &["Tomas Vey", "Jane Holt"],
            ),
        ],
        quotes: vec!["q1".into(), "q2".into(), "q3".into()],
        outlets: vec!["Daily Ledger".into(), "Harbor Courier".into()],
        evidence: vec![
            "first report of the event".into(),
            "the same people, the same place".into(),
        ],
        disagreements: vec![Disagreement {
            field: "date".into(),
            claims: vec![
                Claim {
                    value: "2031-03-10".into(),
                    docs: vec!["d1".into()],
                },
                Claim {
                    value: "2031-03-09".into(),
                    docs: vec!["d2".into()],
                },
            ],
        }],
    };
    let call = Event {
        id: "e3".into(),
        title: "Vey calls the leaders of Ostrava".into(),
        kind: EventKind::Call,
        status: Status::Past,
        date: Some(tv(
            "2031-03",
            Precision::Month,
            "2031-03-01",
            "2031-03-31",
            true,
        )),
        date_provenance: Some("d2 'In March'".into()),
        actors: vec!["Tomas Vey".into()],
        place: None,
        mentions: vec![mention(
            &d2,
            "In March, Vey called the leaders of Ostrava",
            EventKind::Call,
            Status::Past,
            &["Tomas Vey"],
        )],
        quotes: vec![],
        outlets: vec!["Harbor Courier".into()],
        evidence: Vec::new(),
        disagreements: vec![],
    };
    let planned = Event {
        id: "e4".into(),
        title: "Holt, Vey and Brennan to meet in Kessel".into(),
        kind: EventKind::Summit,
        status: Status::Planned,
        date: Some(tv(
            "2031-04",
            Precision::Month,
            "2031-04-01",
            "2031-04-30",
            false,
        )),
        date_provenance: Some("d1 'next month'".into()),
        actors: vec!["Jane Holt".into(), "Tomas Vey".into(), "Zoë Brennan".into()],
        place: Some("Kessel".into()),
        mentions: vec![
            mention(
                &d1,
                "The two leaders agreed to meet again in Kessel next month",
                EventKind::Summit,
                Status::Planned,
                &["Jane Holt", "Tomas Vey"],
            ),
            mention(
                &d3,
                "who plans to join the Kessel meeting",
                EventKind::Summit,
                Status::Planned,
                &["Zoë Brennan"],
            ),
        ],
        quotes: vec!["q5".into()],
        outlets: vec!["Daily Ledger".into(), "Northern Wire".into()],
        evidence: Vec::new(),
        disagreements: vec![],
    };
    let ceasefire = Event {
        id: "e1".into(),
        title: "Ceasefire agreement signed".into(),
        kind: EventKind::Agreement,
        status: Status::Past,
        date: Some(tv(
            "2030",
            Precision::Year,
            "2030-01-01",
            "2030-12-31",
            false,
        )),
        date_provenance: Some("d3 'in 2030'".into()),
        actors: vec![],
        place: None,
        mentions: vec![mention(
            &d3,
            "A ceasefire agreement was signed in 2030",
            EventKind::Agreement,
            Status::Past,
            &[],
        )],
        quotes: vec![],
        outlets: vec!["Northern Wire".into()],
        evidence: Vec::new(),
        disagreements: vec![],
    };
    let undated = Event {
        id: "e5".into(),
        title: "Observers in 東京 welcome the talks".into(),
        kind: EventKind::Statement,
        status: Status::Past,
        date: None,
        date_provenance: None,
        actors: vec![],
        place: Some("東京".into()),
        mentions: vec![mention(
            &d3,
            "Observers in 東京 said the talks were a step forward",
            EventKind::Statement,
            Status::Past,
            &[],
        )],
        quotes: vec![],
        outlets: vec!["Northern Wire".into()],
        evidence: Vec::new(),
        disagreements: vec![],
    };
    Timeline {
        documents: vec![d1, d2, d3],
        // Deliberately not in date order: the TUI sorts.
        events: vec![summit, call, planned, ceasefire, undated],
        quotes: vec![q1, q2, q3, q4, q5],
        actors: vec![],
        reported: vec![r1],
    }
}

/// `n` dated events on consecutive days, for scrolling tests.
pub fn many_events(n: usize) -> Timeline {
    let mut tl = timeline();
    tl.events.clear();
    tl.quotes.clear();
    tl.reported.clear();
    for i in 0..n {
        let d = day("2031-01-01") + chrono::Duration::days(i as i64);
        let s = d.to_string();
        tl.events.push(Event {
            id: format!("e{i}"),
            title: format!("Event number {i}"),
            kind: EventKind::Meeting,
            status: Status::Past,
            date: Some(tv(&s, Precision::Day, &s, &s, false)),
            date_provenance: None,
            actors: vec![],
            place: None,
            mentions: vec![],
            quotes: vec![],
            outlets: vec!["Daily Ledger".into()],
            evidence: Vec::new(),
            disagreements: vec![],
        });
    }
    tl
}
