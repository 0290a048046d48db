//! Hand-built inputs for the event tests: documents, actor mentions and time expressions written
//! out by the test, so that detection and merging are tested on their own.

#![allow(dead_code)]

use attache::extract::Extraction;
use attache::extract::actors::{ActorMention, Gazetteer};
use attache::extract::events::detect_mentions;
use attache::extract::time::{Timex, TimexType};
use attache::model::{DateSource, Document, Mention, Precision, Published, Span, TimeValue};
use chrono::NaiveDate;

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

pub fn doc(id: &str, text: &str, dct: &str) -> Document {
    Document {
        id: id.into(),
        path: format!("tests/{id}.txt"),
        outlet: Some(format!("Outlet {id}")),
        text: text.into(),
        published: Published {
            date: Some(date(dct)),
            source: DateSource::Flag,
            clues: Vec::new(),
            ..Published::default()
        },
        ..Document::default()
    }
}

/// Every occurrence of each surface form, as a mention of its canonical name.
pub fn actors(text: &str, names: &[(&str, &str)]) -> Vec<ActorMention> {
    let mut out: Vec<ActorMention> = Vec::new();
    for (surface, canonical) in names {
        for (i, _) in text.match_indices(surface) {
            let end = i + surface.len();
            let before = text[..i].chars().next_back();
            let after = text[end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            if out.iter().any(|m| m.span.start < end && i < m.span.end) {
                continue;
            }
            out.push(ActorMention {
                span: Span::new(i, end),
                actor: (*canonical).into(),
                via: "name".into(),
            });
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// A time expression at the first occurrence of `surface` (after byte `from`), with its value:
/// `2031-03-03` (day), `2031-03` (month), `2031` (year), `2031-W09` (week) or a duration `P10D`.
pub fn timex_from(text: &str, surface: &str, from: usize, value: &str) -> Timex {
    let at = from + text[from..].find(surface).expect("timex surface in text");
    let span = Span::new(at, at + surface.len());
    let (kind, time) = if value.starts_with('P') {
        (TimexType::Duration, None)
    } else {
        (TimexType::Date, Some(time_value(value)))
    };
    Timex {
        span,
        kind,
        value: value.into(),
        time,
    }
}

pub fn timex(text: &str, surface: &str, value: &str) -> Timex {
    timex_from(text, surface, 0, value)
}

pub fn time_value(value: &str) -> TimeValue {
    let parts: Vec<&str> = value.split('-').collect();
    match parts.as_slice() {
        [y, w] if w.starts_with('W') => {
            let year: i32 = y.parse().expect("year");
            let week: u32 = w[1..].parse().expect("week");
            let start = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon).expect("week");
            let end = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Sun).expect("week");
            TimeValue::period(value, Precision::Week, start, end)
        }
        [_, _, _] => TimeValue::day(date(value)),
        [y, m] => {
            let start = date(&format!("{y}-{m}-01"));
            let next = start
                .checked_add_months(chrono::Months::new(1))
                .expect("month");
            TimeValue::period(
                value,
                Precision::Month,
                start,
                next.pred_opt().expect("day"),
            )
        }
        [y] => TimeValue::period(
            value,
            Precision::Year,
            date(&format!("{y}-01-01")),
            date(&format!("{y}-12-31")),
        ),
        _ => panic!("unsupported test value {value}"),
    }
}

/// Detection on a hand-built document.
pub fn detect(d: &Document, names: &[(&str, &str)], timexes: &[Timex]) -> Vec<Mention> {
    let a = actors(&d.text, names);
    detect_mentions(d, timexes, &a, Gazetteer::embedded())
}

/// The per-document extraction the merge takes.
pub fn extraction(d: &Document, names: &[(&str, &str)], timexes: Vec<Timex>) -> Extraction {
    let a = actors(&d.text, names);
    let mentions = detect_mentions(d, &timexes, &a, Gazetteer::embedded());
    Extraction {
        doc: d.id.clone(),
        timexes,
        actors: a,
        mentions,
        ..Extraction::default()
    }
}

/// The people of the tests: invented names, each with a surname form.
pub const PEOPLE: &[(&str, &str)] = &[
    ("Jane Holt", "Jane Holt"),
    ("Holt", "Jane Holt"),
    ("Omar Vance", "Omar Vance"),
    ("Vance", "Omar Vance"),
    ("Ada Lind", "Ada Lind"),
    ("Lind", "Ada Lind"),
    ("Piet Maro", "Piet Maro"),
    ("Maro", "Piet Maro"),
];
