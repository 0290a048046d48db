//! Amounts and units: "two", "40", "a", "three and a half", "2 1/2", "a few", "a couple of";
//! "days", "min.", "decade". Shared by durations, offsets, spans and sets.

use super::super::lexicon::Unit;
use super::super::sem::Amount;
use super::super::token::Kind;
use super::Toks;

/// The amount at `i` ("two", "40", "a", "three and a half", "a few"): value and next index.
pub(super) fn amount(p: &Toks, i: usize) -> Option<(Amount, usize)> {
    let t = p.get(i)?;
    let (mut value, mut j) = if let Some(n) = t.number() {
        // "10,000 people" is a count; nothing in news lasts a hundred thousand units.
        if (t.text.contains(',') && n >= 10000.0) || !(0.0..100_000.0).contains(&n) {
            return None;
        }
        (n, i + 1)
    } else if t.is_any(&["a", "an"]) {
        if p.is(i + 1, "few") || p.is(i + 1, "number") && p.is(i + 2, "of") {
            let skip = if p.is(i + 1, "few") { 2 } else { 3 };
            return Some((Amount::Vague, i + skip));
        }
        if p.is(i + 1, "couple") {
            let j = if p.is(i + 2, "of") { i + 3 } else { i + 2 };
            return Some((Amount::Num(2.0), j));
        }
        if p.is(i + 1, "half") {
            return Some((Amount::Num(0.5), i + 2));
        }
        if p.is_any(i + 1, &["dozen", "hundred", "thousand"]) {
            let n = f64::from(p.get(i + 1)?.entry.number?);
            return Some((Amount::Num(n), i + 2));
        }
        (1.0, i + 1)
    } else if t.is("couple") && p.is(i + 1, "of") {
        return Some((Amount::Num(2.0), i + 2));
    } else if t.is_any(&["several", "few", "many", "some"]) {
        let j = if p.is(i + 1, "of") { i + 2 } else { i + 1 };
        return Some((Amount::Vague, j));
    } else if t.is_any(&["dozens", "hundreds", "thousands"]) && p.is(i + 1, "of") {
        return Some((Amount::Vague, i + 2));
    } else if t.is("half") {
        return Some((Amount::Num(0.5), i + 1));
    } else if let Some(n) = t.entry.number {
        let mut n = f64::from(n);
        let mut j = i + 1;
        // "twenty four", "twenty-four", "a hundred".
        if (20.0..100.0).contains(&n) && n % 10.0 == 0.0 {
            let k = if p.hyphen(j) { j + 1 } else { j };
            if let Some(u) = p.get(k).and_then(|t| t.entry.number)
                && (1..10).contains(&u)
                && !p.is_any(k, &["a", "an", "single", "couple"])
            {
                n += f64::from(u);
                j = k + 1;
            }
        }
        if p.is_any(j, &["hundred", "thousand"]) {
            n *= f64::from(p.get(j)?.entry.number?);
            j += 1;
        }
        (n, j)
    } else {
        return None;
    };
    // "three and a half", "2 1/2".
    if p.is(j, "and") && p.is_any(j + 1, &["a", "one"]) && p.is(j + 2, "half") {
        value += 0.5;
        j += 3;
    } else if p.is(j, "and") && p.is(j + 1, "half") {
        value += 0.5;
        j += 2;
    } else if let (Some(a), Some(b)) = (p.get(j), p.get(j + 2))
        && a.kind == Kind::Number
        && p.attached(j + 1, '/')
        && b.kind == Kind::Number
        && let (Some(x), Some(y)) = (a.digits(), b.digits())
        && y > x
        && y <= 4
    {
        value += f64::from(x) / f64::from(y);
        j += 3;
    }
    Some((Amount::Num(value), j))
}

/// The unit word at `i`: (unit, plural, next index).
pub(super) fn unit(p: &Toks, i: usize) -> Option<(Unit, bool, usize)> {
    let t = p.get(i)?;
    let u = t.entry.unit?;
    if t.is("min") || t.is("hr") || t.is("sec") {
        // Abbreviations only after a number: "40 min."
        let j = if p.attached(i + 1, '.') { i + 2 } else { i + 1 };
        return Some((u, false, j));
    }
    let plural = t.text.ends_with(['s', 'S']) || t.is("centuries") || t.is("millennia");
    Some((u, plural, i + 1))
}
