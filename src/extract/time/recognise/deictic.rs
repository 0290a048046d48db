//! Rules for deictic and anaphoric expressions: "today", "last week", "this year", "earlier this
//! month", "the previous week", "the next day", "that month", "year-end", "month's end",
//! "this morning", "last night", and spans reaching to now ("the past three months").

use super::super::lexicon::Unit;
use super::super::sem::{Amount, Origin, Ref, Sem};
use super::super::token::Kind;
use super::quantity::unit;
use super::spans::{compound, span_to_now, the_unit};
use super::{ANCHOR, DCT, Found, Mod, Toks};

/// Deictic, anaphoric and vague time expressions at `i`.
pub(super) fn deictic(p: &Toks, i: usize) -> Option<Found> {
    let t = p.get(i)?;
    let day = |n: i32| Sem::Shift {
        unit: Unit::Day,
        n,
        origin: DCT,
    };
    // Single words.
    let single = if t.is("today") {
        Some(day(0))
    } else if t.is("yesterday") {
        Some(day(-1))
    } else if t.is("tomorrow") {
        Some(day(1))
    } else if t.is("tonight") || t.is("overnight") {
        Some(Sem::DayPart {
            part: 4,
            day: Box::new(day(0)),
        })
    } else {
        None
    };
    if let Some(sem) = single {
        // "yesterday morning", "tomorrow night"
        if let Some(part) = p.get(i + 1).map(|n| n.entry.daypart).filter(|d| *d > 0)
            && !t.is("tonight")
            && !t.is("overnight")
            && !p.is(i + 1, "tonight")
        {
            return Some(Found::new(
                i,
                i + 2,
                Sem::DayPart {
                    part,
                    day: Box::new(sem),
                },
            ));
        }
        return Some(Found::new(i, i + 1, sem));
    }
    // "earlier today", "later this month", "late yesterday"
    if t.is_any(&["earlier", "later", "early", "late"])
        && let Some(inner) = deictic(p, i + 1)
        && matches!(
            inner.sem,
            Sem::Shift {
                origin: Origin::Dct,
                ..
            } | Sem::DayPart { .. }
        )
    {
        let m = if t.is_any(&["earlier", "early"]) {
            Mod::Start
        } else {
            Mod::End
        };
        return Some(Found {
            start: i,
            modifier: Some(m),
            ..inner
        });
    }
    if let Some(f) = vague_ref(p, i) {
        return Some(f);
    }
    if let Some(f) = this_last_next(p, i) {
        return Some(f);
    }
    if let Some(f) = anaphoric(p, i) {
        return Some(f);
    }
    if let Some(f) = span_to_now(p, i) {
        return Some(f);
    }
    if let Some(f) = the_unit(p, i) {
        return Some(f);
    }
    compound(p, i)
}

/// "this week", "last month", "next year", "this past weekend", "this morning", "last night".
fn this_last_next(p: &Toks, i: usize) -> Option<Found> {
    let t = p.get(i)?;
    let n = if t.is("this") || t.is("current") {
        0
    } else if t.is("last") || t.is("past") {
        -1
    } else if t.is("next") || t.is("coming") {
        1
    } else {
        return None;
    };
    let mut j = i + 1;
    let mut n = n;
    if t.is("this") && p.is_any(j, &["past", "last"]) {
        n = -1;
        j += 1;
    } else if t.is("this") && p.is_any(j, &["coming", "next"]) {
        n = 1;
        j += 1;
    }
    let w = p.get(j)?;
    if let Some(part) = Some(w.entry.daypart).filter(|d| *d > 0) {
        if n == 1 {
            return None;
        }
        let day = Sem::Shift {
            unit: Unit::Day,
            n: if n == -1 && w.is("night") { -1 } else { 0 },
            origin: DCT,
        };
        if n == -1 && !w.is("night") {
            return None;
        }
        return Some(Found::new(
            i,
            j + 1,
            Sem::DayPart {
                part,
                day: Box::new(day),
            },
        ));
    }
    let (u, plural, end) = unit(p, j)?;
    if plural || u.is_clock() {
        return None;
    }
    if (t.is("past") || t.is("coming")) && !p.is(i.wrapping_sub(1), "this") {
        // "past year" reads as a span: "the past year" is handled by span_to_now.
        let sign = if t.is("past") { -1 } else { 1 };
        return Some(Found::new(
            i,
            end,
            Sem::Span {
                amount: Amount::Num(1.0),
                unit: u,
                sign,
            },
        ));
    }
    Some(Found::new(
        i,
        end,
        Sem::Shift {
            unit: u,
            n,
            origin: DCT,
        },
    ))
}

/// "the previous week", "the following day", "the next day", "the same month", "that year",
/// "the day before".
fn anaphoric(p: &Toks, i: usize) -> Option<Found> {
    let (n, j) = if p.is(i, "the") {
        let w = p.get(i + 1)?;
        let n = if w.is_any(&["previous", "prior", "preceding"]) {
            -1
        } else if w.is_any(&["following", "next", "subsequent"]) {
            1
        } else if w.is("same") {
            0
        } else {
            return None;
        };
        (n, i + 2)
    } else if p.is(i, "that") {
        (0, i + 1)
    } else {
        return None;
    };
    let (u, plural, end) = unit(p, j)?;
    if plural || u.is_clock() {
        // "the next two weeks" is a span; "the previous days" is vague.
        return None;
    }
    if p.is(i, "that")
        && !matches!(
            u,
            Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Weekend
        )
    {
        return None;
    }
    Some(Found::new(
        i,
        end,
        Sem::Shift {
            unit: u,
            n,
            origin: ANCHOR,
        },
    ))
}

/// Vague references: "now", "recently", "the future".
fn vague_ref(p: &Toks, i: usize) -> Option<Found> {
    let t = p.get(i)?;
    let r = if t.is_any(&["now", "currently", "nowadays", "presently", "current"]) {
        Ref::Present
    } else if t.is_any(&["recently", "recent", "lately", "formerly"]) {
        if t.is("recent") && p.is_any(i + 1, &["years", "months", "weeks", "days", "decades"]) {
            let (u, _, j) = unit(p, i + 1)?;
            let sem = Sem::Span {
                amount: Amount::Vague,
                unit: u,
                sign: -1,
            };
            return Some(Found::new(i, j, sem));
        }
        if t.is("recent") {
            return None;
        }
        Ref::Past
    } else if t.is("the")
        && p.is_any(i + 1, &["near", "short"])
        && p.is_any(i + 2, &["future", "term"])
    {
        return Some(Found::new(i, i + 3, Sem::Ref(Ref::Future)));
    } else if t.is("the") && p.is_any(i + 1, &["future", "past", "present"]) {
        let r = match p.get(i + 1)?.text.to_ascii_lowercase().as_str() {
            "future" => Ref::Future,
            "past" => Ref::Past,
            _ => Ref::Present,
        };
        if r == Ref::Past
            && p.get(i + 2).is_some_and(|n| {
                n.entry.unit.is_some() || n.entry.number.is_some() || n.kind == Kind::Number
            })
        {
            return None;
        }
        return Some(Found::new(i, i + 2, Sem::Ref(r)));
    } else if t.is("these") && p.is(i + 1, "days") {
        return Some(Found::new(i, i + 2, Sem::Ref(Ref::Present)));
    } else {
        return None;
    };
    Some(Found::new(i, i + 1, Sem::Ref(r)))
}
