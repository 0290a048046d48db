//! Rules for deictic and anaphoric expressions: "today", "last week", "this year", "earlier this
//! month", "the previous week", "the next day", "that month", "year-end", "month's end",
//! "this morning", "last night", and spans reaching to now ("the past three months").

use super::lexicon::Unit;
use super::recognise::{ANCHOR, DCT, Found, Mod, Toks, amount, unit, vague_ref};
use super::sem::{Amount, Origin, Sem};

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

/// "the weekend", "the year", "the full year", "the fiscal year ended ...", "the week", "the day",
/// "earlier in the year", "year end".
fn the_unit(p: &Toks, i: usize) -> Option<Found> {
    // "earlier in the year", "later in the month"
    if p.is_any(i, &["earlier", "later", "early", "late"]) && p.is(i + 1, "in") {
        let mut f = the_unit(p, i + 2)?;
        if !matches!(f.sem, Sem::Shift { .. }) {
            return None;
        }
        f.start = i;
        f.modifier = Some(if p.is_any(i, &["earlier", "early"]) {
            Mod::Start
        } else {
            Mod::End
        });
        return Some(f);
    }
    if p.is(i, "year") && p.is(i + 1, "end") {
        let mut f = Found::new(
            i,
            i + 2,
            Sem::Shift {
                unit: Unit::Year,
                n: 0,
                origin: DCT,
            },
        );
        f.modifier = Some(Mod::End);
        return Some(f);
    }
    if !p.is(i, "the") {
        return None;
    }
    let mut j = i + 1;
    let mut n = 0;
    let mut qualified = false;
    while p.is_any(
        j,
        &[
            "full", "fiscal", "current", "latest", "calendar", "entire", "whole",
        ],
    ) {
        if p.is(j, "latest") {
            n = -1;
        }
        qualified = true;
        j += 1;
    }
    let (u, plural, end) = unit(p, j)?;
    if plural || p.hyphen(end) {
        return None;
    }
    if u == Unit::Weekend && !qualified {
        return Some(Found::new(i, end, Sem::Weekend));
    }
    if !matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Day) {
        return None;
    }
    // "the year ended Sept. 30": a twelve-month period, not the calendar year.
    if p.is_any(end, &["ended", "ending", "through", "to"]) {
        return Some(Found::new(
            i,
            end,
            Sem::Duration {
                amount: Amount::Num(1.0),
                unit: u,
            },
        ));
    }
    if qualified && u != Unit::Year {
        return None;
    }
    // "the day" is the day the text is talking about; the others are the current period.
    let origin = if u == Unit::Day { ANCHOR } else { DCT };
    Some(Found::new(i, end, Sem::Shift { unit: u, n, origin }))
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

/// "the past three months", "the last two years", "the next two weeks", "the coming days",
/// "the past year" (TimeML: durations).
fn span_to_now(p: &Toks, i: usize) -> Option<Found> {
    let mut j = i;
    if p.is(j, "the") {
        j += 1;
    }
    let w = p.get(j)?;
    let sign = if w.is_any(&["past", "last", "previous", "recent"]) {
        -1
    } else if w.is_any(&["next", "coming", "following"]) {
        1
    } else if w.is("first") && j > i {
        // "the first nine months" (of the year): a duration.
        0
    } else {
        return None;
    };
    if j == i && !w.is_any(&["past", "last", "next", "coming"]) {
        return None;
    }
    j += 1;
    let (amt, k) = match amount(p, j) {
        Some((a, k)) if unit(p, k).is_some() => (a, k),
        _ => (Amount::Vague, j),
    };
    let (u, plural, end) = unit(p, k)?;
    let amt = match amt {
        Amount::Vague if !plural => {
            // "the past year": one unit (the article has no number).
            if j == i + 1 && i < j && !p.is(i, "the") {
                return None;
            }
            Amount::Num(1.0)
        }
        a => a,
    };
    if k == j && plural && sign == 0 {
        return None;
    }
    if sign == 0 {
        return Some(Found::new(
            i,
            end,
            Sem::Duration {
                amount: amt,
                unit: u,
            },
        ));
    }
    Some(Found::new(
        i,
        end,
        Sem::Span {
            amount: amt,
            unit: u,
            sign,
        },
    ))
}

/// "year-end", "year-ago", "year-earlier", "month's end", "month-end", "the end of the year".
fn compound(p: &Toks, i: usize) -> Option<Found> {
    let (u, _, j) = unit(p, i)?;
    if !matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Quarter) {
        return None;
    }
    let k = if p.hyphen(j) { j + 1 } else { p.possessive(j)? };
    let w = p.get(k)?;
    if w.is("end") {
        let mut f = Found::new(
            i,
            k + 1,
            Sem::Shift {
                unit: u,
                n: 0,
                origin: DCT,
            },
        );
        f.modifier = Some(Mod::End);
        return Some(f);
    }
    if w.is_any(&["ago", "earlier"]) && u == Unit::Year && k == j + 1 {
        return Some(Found::new(
            i,
            k + 1,
            Sem::Offset {
                amount: Amount::Num(1.0),
                unit: Unit::Year,
                sign: -1,
                origin: ANCHOR,
            },
        ));
    }
    None
}
