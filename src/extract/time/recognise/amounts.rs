//! Rules for measured time: durations ("40 minutes", "three-year", "almost four years", "seven to
//! ten days"), offsets from now or from the last date ("two days ago", "a year earlier") and sets
//! ("every week", "daily", "Mondays").

use super::super::lexicon::{SEASONS, Unit};
use super::super::sem::{Amount, Sem};
use super::super::token::Kind;
use super::dates::month_at;
use super::quantity::{amount, unit};
use super::weekdays::weekday_at;
use super::{ANCHOR, DCT, Found, Toks};

/// An approximating prefix at `i` ("nearly", "more than", "at least"): the index after it.
fn approx_prefix(p: &Toks, i: usize) -> Option<usize> {
    let t = p.get(i)?;
    if t.is_any(&[
        "nearly",
        "almost",
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "over",
        "under",
        "only",
        "just",
    ]) {
        let j = i + 1;
        if t.is_any(&["just", "only"]) {
            return approx_prefix(p, j).or(Some(j));
        }
        if t.is_any(&["just", "well", "a"]) {
            return approx_prefix(p, j);
        }
        return Some(j);
    }
    if t.is_any(&["more", "less", "fewer"]) && p.is(i + 1, "than") {
        return Some(i + 2);
    }
    if t.is("at") && p.is_any(i + 1, &["least", "most"]) {
        return Some(i + 2);
    }
    if t.is("up") && p.is(i + 1, "to") {
        return Some(i + 2);
    }
    if t.is("well") && p.is_any(i + 1, &["over", "under"]) {
        return Some(i + 2);
    }
    None
}

/// Durations and offsets, with an optional approximating prefix.
pub(super) fn measured(p: &Toks, i: usize) -> Option<Found> {
    if let Some(j) = approx_prefix(p, i) {
        let mut f = measured_core(p, j)?;
        f.start = i;
        f.approx = true;
        return Some(f);
    }
    measured_core(p, i)
}

fn measured_core(p: &Toks, i: usize) -> Option<Found> {
    let t = p.get(i)?;
    // Bare plural units: "years", "decades", "months" (vague durations).
    if let Some((u, true, end)) = unit(p, i)
        && matches!(
            u,
            Unit::Year | Unit::Decade | Unit::Century | Unit::Month | Unit::Week
        )
        && i > 0
        && p.is_any(
            i - 1,
            &[
                "for", "in", "over", "within", "after", "take", "takes", "took", "last", "lasted",
            ],
        )
    {
        let end = ago_suffix(p, end).map_or(end, |(_, e)| e);
        return Some(Found::new(
            i,
            end,
            Sem::Duration {
                amount: Amount::Vague,
                unit: u,
            },
        ));
    }
    let (amt, mut j) = amount(p, i)?;
    // A bare "a"/"an" must be followed directly by the unit.
    if t.is_any(&["a", "an"]) && unit(p, j).is_none() && !p.hyphen(j) {
        return None;
    }
    // "$1.76 a year", "700 seats a week", "24 hours a day": a rate, not a length of time.
    if t.is_any(&["a", "an", "per"])
        && is_rate(p, i)
        && ago_suffix(p, j + 1).is_none()
        && !p.hyphen(j + 1)
    {
        return None;
    }
    // "seven to ten days", "two or three weeks": keep the upper bound.
    let mut amt = amt;
    if p.is_any(j, &["to", "or", "-", "–"])
        && let Some((upper, k)) = amount(p, j + 1)
        && unit(p, k).is_some()
    {
        amt = upper;
        j = k;
    }
    // Attributive "three-year", "40-minute", "9-month-old".
    let attributive = p.hyphen(j);
    if attributive {
        j += 1;
    }
    // "two more weeks", "an additional year"
    if !attributive && p.is_any(j, &["more", "additional", "extra", "further"]) {
        j += 1;
    }
    let (u, plural, mut end) = unit(p, j)?;
    if u == Unit::Second && !plural && (amount_is_ordinal_word(p, i) || t.is_any(&["a", "an"])) {
        return None;
    }
    // Ages ("a 52-year-old", "52 years old") and fractions ("three-quarters") are not times.
    if (attributive && (plural || p.hyphen(end) && p.is(end + 1, "old"))) || p.is(end, "old") {
        return None;
    }
    // "a year-earlier loss", "a year-ago quarter": the compound is the expression.
    if p.hyphen(end) && p.is_any(end + 1, &["ago", "earlier", "end", "long", "old"]) {
        return None;
    }
    // "a week or so ago"
    if p.is(end, "or") && p.is(end + 1, "so") && p.is_any(end + 2, &["ago", "earlier", "later"]) {
        end += 2;
    }
    // "a year and a half"
    if let Amount::Num(n) = amt
        && p.is(end, "and")
        && p.is_any(end + 1, &["a", "one"])
        && p.is(end + 2, "half")
    {
        amt = Amount::Num(n + 0.5);
        end += 3;
    }
    if let Some((sign, e)) = ago_suffix(p, end) {
        let origin = if p.is_any(end, &["earlier", "later", "before", "after"]) {
            ANCHOR
        } else {
            DCT
        };
        return Some(Found::new(
            i,
            e,
            Sem::Offset {
                amount: amt,
                unit: u,
                sign,
                origin,
            },
        ));
    }
    Some(Found::new(
        i,
        end,
        Sem::Duration {
            amount: amt,
            unit: u,
        },
    ))
}

/// Whether "a"/"per" at `i` follows a quantity ("358,000 a month", "$2 million a year").
fn is_rate(p: &Toks, i: usize) -> bool {
    const PREPOSITIONS: &[&str] = &[
        "in", "for", "within", "after", "over", "about", "than", "of", "once", "twice",
    ];
    if i == 0 || p.is_any(i - 1, PREPOSITIONS) {
        return false;
    }
    (i.saturating_sub(3)..i).any(|k| {
        p.get(k).is_some_and(|t| {
            t.kind == Kind::Number
                || t.is_any(&["$", "£", "€", "%", "percent", "million", "billion"])
        })
    })
}

fn amount_is_ordinal_word(p: &Toks, i: usize) -> bool {
    p.get(i)
        .is_some_and(|t| t.kind == Kind::Word && t.entry.ordinal.is_some())
}

/// "ago", "earlier", "later", "from now", "hence" after a duration: (sign, end).
fn ago_suffix(p: &Toks, j: usize) -> Option<(i32, usize)> {
    let t = p.get(j)?;
    if t.is("ago") || t.is("earlier") {
        Some((-1, j + 1))
    } else if t.is("later") || t.is("hence") {
        Some((1, j + 1))
    } else if t.is("from") && p.is(j + 1, "now") {
        Some((1, j + 2))
    } else {
        None
    }
}

const CADENCES: &[(&str, &str)] = &[
    ("daily", "P1D"),
    ("nightly", "P1D"),
    ("weekly", "P1W"),
    ("biweekly", "P2W"),
    ("monthly", "P1M"),
    ("quarterly", "P1Q"),
    ("annually", "P1Y"),
    ("yearly", "P1Y"),
    ("hourly", "PT1H"),
];

/// Sets: "daily", "every week", "each Thursday", "every other month", "Mondays", "twice a year".
pub(super) fn set(p: &Toks, i: usize) -> Option<Found> {
    let t = p.get(i)?;
    if let Some((_, v)) = CADENCES.iter().find(|(w, _)| t.is(w)) {
        // "quarterly dividend": an adjective, not a set of times; "Pinnacle Daily": a name.
        let adjective = !t.is("daily")
            && p.get(i + 1).is_some_and(|n| {
                n.kind == Kind::Word && n.text.chars().next().is_some_and(char::is_lowercase)
            });
        let name = t.is_capitalised()
            && i > 0
            && !p
                .get(i - 1)
                .is_some_and(|b| b.kind == Kind::Punct || b.newline_before);
        if adjective || name {
            return None;
        }
        return Some(Found::new(i, i + 1, Sem::Set((*v).to_string())));
    }
    if t.is_any(&["every", "each"]) {
        let mut j = i + 1;
        let mut n = 1;
        if p.is(j, "other") {
            n = 2;
            j += 1;
        } else if let Some((Amount::Num(x), k)) = amount(p, j)
            && !p.is_any(j, &["a", "an"])
        {
            n = x as u32;
            j = k;
        }
        if let Some((u, _, end)) = unit(p, j) {
            return Some(Found::new(
                i,
                end,
                Sem::Set(duration_value(f64::from(n), u)),
            ));
        }
        if let Some((d, end)) = weekday_at(p, j) {
            return Some(Found::new(i, end, Sem::Set(format!("XXXX-WXX-{d}"))));
        }
        if let Some((m, end)) = month_at(p, j) {
            return Some(Found::new(i, end, Sem::Set(format!("XXXX-{m:02}"))));
        }
        if let Some(w) = p.get(j).filter(|w| w.entry.season > 0) {
            let s = SEASONS[usize::from(w.entry.season - 1)];
            return Some(Found::new(i, j + 1, Sem::Set(format!("XXXX-{s}"))));
        }
        return None;
    }
    // "Mondays", "Tuesday nights"
    if t.kind == Kind::Word
        && t.is_capitalised()
        && t.text.len() > 7
        && let Some(stem) = t.text.strip_suffix('s')
        && super::super::lexicon::Lexicon::get()
            .lookup(&stem.to_ascii_lowercase())
            .weekday
            > 0
    {
        let d = super::super::lexicon::Lexicon::get()
            .lookup(&stem.to_ascii_lowercase())
            .weekday;
        return Some(Found::new(i, i + 1, Sem::Set(format!("XXXX-WXX-{d}"))));
    }
    // "twice a week", "$5 a year", "three times a day"
    if t.is_any(&["a", "per", "an"])
        && i > 0
        && p.get(i - 1)
            .is_some_and(|b| b.is_any(&["once", "twice", "times", "thrice"]))
        && let Some((u, false, end)) = unit(p, i + 1)
    {
        return Some(Found::new(i, end, Sem::Set(duration_value(1.0, u))));
    }
    None
}

/// The TIMEX3 duration value of `n` units: "P3Y", "PT40M", "P3Y6M" for 3.5 years, "P10Y" for a decade.
pub fn duration_value(n: f64, u: Unit) -> String {
    let (n, code, clock) = match u {
        Unit::Second => (n, "S", true),
        Unit::Minute => (n, "M", true),
        Unit::Hour => (n, "H", true),
        Unit::Day => (n, "D", false),
        Unit::Weekend => (n, "WE", false),
        Unit::Week => (n, "W", false),
        Unit::Fortnight => (n * 2.0, "W", false),
        Unit::Month => (n, "M", false),
        Unit::Quarter => (n, "Q", false),
        Unit::Year => (n, "Y", false),
        Unit::Decade => (n * 10.0, "Y", false),
        Unit::Century => (n * 100.0, "Y", false),
        Unit::Millennium => (n * 1000.0, "Y", false),
    };
    let t = if clock { "T" } else { "" };
    if n.fract() == 0.0 {
        return format!("P{t}{}{code}", n as i64);
    }
    // A fraction becomes whole units of the next smaller one: 3.5 years = P3Y6M.
    let whole = n.trunc() as i64;
    let (sub, sub_code, sub_clock) = match u {
        Unit::Year => ((n.fract() * 12.0).round() as i64, "M", false),
        Unit::Month => ((n.fract() * 30.0).round() as i64, "D", false),
        Unit::Week => ((n.fract() * 7.0).round() as i64, "D", false),
        Unit::Day => ((n.fract() * 24.0).round() as i64, "H", true),
        Unit::Hour => ((n.fract() * 60.0).round() as i64, "M", true),
        Unit::Minute => ((n.fract() * 60.0).round() as i64, "S", true),
        _ => return format!("P{t}{n}{code}"),
    };
    let head = if whole > 0 {
        format!("{whole}{code}")
    } else {
        String::new()
    };
    match (clock, sub_clock) {
        (false, true) => format!("P{head}T{sub}{sub_code}"),
        (true, _) => format!("PT{head}{sub}{sub_code}"),
        _ => format!("P{head}{sub}{sub_code}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_use_timex3_units() {
        assert_eq!(duration_value(40.0, Unit::Minute), "PT40M");
        assert_eq!(duration_value(3.5, Unit::Year), "P3Y6M");
        assert_eq!(duration_value(1.5, Unit::Day), "P1DT12H");
        assert_eq!(duration_value(5.5, Unit::Hour), "PT5H30M");
        assert_eq!(duration_value(2.0, Unit::Decade), "P20Y");
        assert_eq!(duration_value(2.0, Unit::Quarter), "P2Q");
    }
}
