//! The temporal engine: recognising time expressions in English news, normalising them to TIMEX3
//! values against the publication date, and inferring publication dates.
//!
//! The work is split by idea: [`token`] (one pass over the text), the rules in [`recognise`] and its
//! siblings (what an expression means, independent of any date), [`tense`] (the clause's tense),
//! [`normalise`] (anchoring meaning to a date) and [`publication`] (choosing a date for undated
//! articles from the constraints their expressions impose).

mod calendar;
mod lexicon;
mod normalise;
mod publication;
mod recognise;
mod resolve;
mod sem;
mod tense;
mod token;

pub use normalise::Context;
pub use publication::{infer_publication_dates, infer_publication_dates_analysed};
pub use recognise::Mod;
pub use sem::Sem;
pub use tense::Tense;

use crate::model::{Span, TimeValue};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// TimeML's four TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// One recognised time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    /// The TIMEX3 value (`2025-08-18`, `P10D`, `PAST_REF`, …).
    pub value: String,
    /// The calendar reading, when the value names a period.
    pub time: Option<TimeValue>,
}

/// A recognised expression before it is anchored to a date: its span, meaning and tense.
#[derive(Debug, Clone, PartialEq)]
pub struct Expression {
    pub span: Span,
    pub sem: Sem,
    pub tense: Tense,
    pub approx: bool,
    pub modifier: Option<Mod>,
    /// The preposition just before the expression ("within", "by", "since"), lower-case.
    pub signal: Option<String>,
    /// The preposition and the expression as written ("within 10 days", "before month's end"),
    /// when there is a preposition: kept in `TimeValue::relative` so deadlines read as deadlines.
    pub phrase: Option<String>,
    /// The index of the sentence (line-delimited and period-delimited) the expression is in.
    pub sentence: usize,
}

/// Recognises the time expressions of `text` and what they mean, without resolving them.
pub fn analyse(text: &str) -> Vec<Expression> {
    let tokens = token::tokenize(text);
    let found = recognise::recognise(&tokens);
    let mut sentence = 0;
    let mut last_tok = 0;
    // Collected into a vector of the right size: expressions are large, and growing moves them.
    let mut out = Vec::with_capacity(found.len());
    out.extend(found.into_iter().filter_map(|f| {
        let first = tokens.get(f.start)?;
        let last = tokens.get(f.end.checked_sub(1)?)?;
        for t in &tokens[last_tok..f.start] {
            if t.newline_before
                || t.kind == token::Kind::Punct && t.text.starts_with(['.', '!', '?'])
            {
                sentence += 1;
            }
        }
        last_tok = f.start;
        let signal = f
            .start
            .checked_sub(1)
            .and_then(|k| tokens.get(k))
            .filter(|t| t.kind == token::Kind::Word && SIGNALS.iter().any(|s| t.is(s)))
            .map(|t| t.text.to_ascii_lowercase());
        let phrase = f
            .start
            .checked_sub(1)
            .filter(|_| signal.is_some())
            .and_then(|k| text.get(tokens[k].start..last.end))
            .map(str::to_string);
        // "Wednesday's ruling": a possessive date names something that already happened.
        let possessive = matches!(f.sem, Sem::Weekday { .. })
            && recognise::Toks { t: &tokens }.possessive(f.end).is_some();
        let tense = if possessive {
            Tense::Past
        } else {
            tense::tense_at(&tokens, f.start, f.end)
        };
        Some(Expression {
            span: Span::new(first.start, last.end),
            tense,
            sem: f.sem,
            approx: f.approx,
            modifier: f.modifier,
            signal,
            phrase,
            sentence,
        })
    }));
    out
}

const SIGNALS: &[&str] = &[
    "within",
    "by",
    "before",
    "until",
    "till",
    "since",
    "after",
    "in",
    "on",
    "during",
    "for",
    "over",
    "from",
    "at",
    "through",
    "effective",
];

/// Resolves analysed expressions against `dct`, in text order (so anaphora see earlier dates).
pub fn resolve(expressions: &[Expression], dct: Option<NaiveDate>) -> Vec<Timex> {
    let mut ctx = Context::new(dct);
    expressions
        .iter()
        .map(|e| {
            let found = recognise::Found {
                start: 0,
                end: 0,
                sem: e.sem.clone(),
                approx: e.approx,
                modifier: e.modifier,
            };
            let mut n = ctx.resolve(&found, signal_tense(e));
            deadline(e, dct, &mut n);
            Timex {
                span: e.span,
                kind: n.kind,
                value: n.value,
                time: n.time,
            }
        })
        .collect()
}

/// The tense to resolve with: "by May" and "until Friday" look forward unless the clause is past.
fn signal_tense(e: &Expression) -> Tense {
    match e.signal.as_deref() {
        // An end point or a start of validity usually lies ahead; in a past clause, take the nearest.
        Some("by" | "until" | "till" | "through" | "effective") if e.tense == Tense::Past => {
            Tense::Unknown
        }
        Some("by" | "until" | "till" | "through" | "effective") => Tense::Future,
        Some("since") => Tense::Past,
        _ => e.tense,
    }
}

/// "within 10 days", "in the next two weeks": a duration that is also a window from the DCT.
fn deadline(e: &Expression, dct: Option<NaiveDate>, n: &mut normalise::Normal) {
    let Some(signal) = e.signal.as_deref() else {
        return;
    };
    if let Some(t) = n.time.as_mut() {
        t.relative = e.phrase.clone();
        return;
    }
    let (
        Some(dct),
        Sem::Duration {
            amount: sem::Amount::Num(k),
            unit,
        },
    ) = (dct, &e.sem)
    else {
        return;
    };
    if !matches!(signal, "within" | "in" | "over") {
        return;
    }
    if let Some(end) = resolve::shift_by(dct, *unit, *k) {
        n.time = Some(TimeValue {
            value: n.value.clone(),
            precision: Some(crate::model::Precision::Day),
            start: Some(dct),
            end: Some(end),
            approximate: true,
            relative: e.phrase.clone(),
        });
    }
}

/// Recognises and normalises the time expressions of `text`, with `dct` as the reference date.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    resolve(&analyse(text), dct)
}
