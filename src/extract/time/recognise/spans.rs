//! Rules for stretches of time counted from now or from the text's own dates: "the past three
//! months", "the next two weeks", "the coming days", "the year ended Sept. 30", "the weekend",
//! "earlier in the year", "year-end", "month's end", "year-ago".

use super::super::lexicon::Unit;
use super::super::sem::{Amount, Sem};
use super::quantity::{amount, unit};
use super::{ANCHOR, DCT, Found, Mod, Toks};

/// "the past three months", "the last two years", "the next two weeks", "the coming days",
/// "the past year" (TimeML: durations).
pub(super) fn span_to_now(p: &Toks, i: usize) -> Option<Found> {
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

/// "the weekend", "the year", "the full year", "the fiscal year ended ...", "the week", "the day",
/// "earlier in the year", "year end".
pub(super) fn the_unit(p: &Toks, i: usize) -> Option<Found> {
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
    // "the day" is too often not a date ("the day belonged to ...", "the day before the vote").
    if (qualified && u != Unit::Year) || u == Unit::Day {
        return None;
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

/// "year-end", "year-ago", "year-earlier", "month's end", "month-end", "the end of the year".
pub(super) fn compound(p: &Toks, i: usize) -> Option<Found> {
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
