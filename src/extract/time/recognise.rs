//! The recogniser: finds time expressions in a token stream and says what they mean ([`Sem`]).
//!
//! It is a hand-written grammar over tokens rather than a bank of regexes: a cheap check on each
//! token ([`could_start`]) decides whether any rule can begin there, and only then are the rules
//! tried, longest match winning. That keeps tagging linear and fast on prose with few dates.

use super::lexicon::Unit;
use super::sem::{Amount, Dir, Origin, Ref, Sem, YearRef};
use super::token::{Kind, Token};

/// Optional TIMEX3 `mod` of an expression ("early 2024", "before month's end").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mod {
    Start,
    Mid,
    End,
}

/// One recognised expression: tokens `start..end` and their meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    /// "nearly", "about", "more than": the amount is not exact.
    pub approx: bool,
    pub modifier: Option<Mod>,
}

impl Found {
    pub(super) fn new(start: usize, end: usize, sem: Sem) -> Self {
        Found {
            start,
            end,
            sem,
            approx: false,
            modifier: None,
        }
    }
}

/// The token stream with small look-up helpers used by every rule.
pub(super) struct Toks<'a, 't> {
    pub t: &'a [Token<'t>],
}

impl<'t> Toks<'_, 't> {
    pub fn get(&self, i: usize) -> Option<&Token<'t>> {
        self.t.get(i)
    }
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.is(w))
    }
    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.t.get(i).is_some_and(|t| t.is_any(ws))
    }
    /// A punctuation mark directly attached to the previous token ("Aug." or "-" in "three-year").
    pub fn attached(&self, i: usize, c: char) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.is_punct(c) && !t.space_before)
    }
    /// A hyphen (or dash) joining two words: "three-year", "mid-2024".
    pub fn hyphen(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| (t.is_punct('-') || t.is_punct('‑')) && !t.space_before)
            && self.t.get(i + 1).is_some_and(|t| !t.space_before)
    }
    /// The possessive "'s" at `i`: returns the index after it.
    pub fn possessive(&self, i: usize) -> Option<usize> {
        let a = self.t.get(i)?;
        let s = self.t.get(i + 1)?;
        (a.kind == Kind::Punct
            && !a.space_before
            && a.text
                .chars()
                .next()
                .is_some_and(super::token::is_apostrophe)
            && s.is("s")
            && !s.space_before)
            .then_some(i + 2)
    }
}

/// Words that can begin a time expression besides vocabulary entries and numbers.
const STARTERS: &[&str] = &[
    "the",
    "this",
    "that",
    "these",
    "last",
    "next",
    "past",
    "coming",
    "previous",
    "following",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "now",
    "currently",
    "current",
    "recently",
    "recent",
    "lately",
    "formerly",
    "previously",
    "soon",
    "future",
    "nowadays",
    "presently",
    "earlier",
    "later",
    "early",
    "late",
    "mid",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "more",
    "less",
    "over",
    "at",
    "up",
    "under",
    "just",
    "several",
    "few",
    "every",
    "each",
    "daily",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "quarterly",
    "hourly",
    "nightly",
    "biweekly",
    "noon",
    "midnight",
    "midday",
    "fiscal",
    "half",
    "year",
    "month",
    "week",
    "mid-",
    "end",
    "beginning",
    "start",
    "middle",
    "once",
    "decades",
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "centuries",
    "q",
    "many",
    "same",
    "prior",
    "overnight",
    "christmas",
    "new",
    "valentine",
    "independence",
    "halloween",
    "veterans",
    "boxing",
    "bastille",
    "one",
    "a",
    "an",
];

/// Whether any rule can start at this token (the cheap pre-check).
pub(super) fn could_start(t: &Token) -> bool {
    match t.kind {
        Kind::Number => true,
        Kind::Punct => t.text.starts_with(['\'', '’']),
        Kind::Word => {
            !t.entry.is_empty()
                || (t.text.len() <= 13 && STARTERS.iter().any(|w| t.is(w))
                    || (t.text.len() == 2 && t.text.starts_with(['Q', 'q'])))
        }
    }
}

/// Recognises every time expression of a token stream, left to right, without overlaps.
pub fn recognise(tokens: &[Token]) -> Vec<Found> {
    let p = Toks { t: tokens };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if could_start(&tokens[i])
            && let Some(found) = best_at(&p, i)
        {
            i = found.end.max(i + 1);
            out.push(found);
        } else {
            i += 1;
        }
    }
    out
}

/// The longest expression starting at `i`.
fn best_at(p: &Toks, i: usize) -> Option<Found> {
    let candidates = [
        super::calendar_rules::date(p, i),
        super::calendar_rules::weekday_phrase(p, i),
        super::deictic::deictic(p, i),
        super::amount_rules::measured(p, i),
        super::amount_rules::set(p, i),
        super::calendar_rules::quarter(p, i),
        super::clock::clock(p, i),
        modified(p, i),
    ];
    candidates
        .into_iter()
        .flatten()
        .filter(|f| f.end > i)
        .max_by_key(|f| f.end)
}

/// "early 2024", "late last year", "mid-August", "the end of the year", "month's end".
fn modified(p: &Toks, i: usize) -> Option<Found> {
    let (m, next) = modifier_prefix(p, i)?;
    let inner = [
        super::calendar_rules::date(p, next),
        super::deictic::deictic(p, next),
        super::calendar_rules::quarter(p, next),
        super::calendar_rules::weekday_phrase(p, next),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|f| f.end)?;
    if matches!(
        inner.sem,
        Sem::Duration { .. } | Sem::Span { .. } | Sem::Ref(_)
    ) {
        return None;
    }
    Some(Found {
        start: i,
        modifier: Some(m),
        ..inner
    })
}

/// The modifier words before a date: returns the mod and the index where the date starts.
fn modifier_prefix(p: &Toks, i: usize) -> Option<(Mod, usize)> {
    let mut j = i;
    if p.is(j, "the") {
        j += 1;
    }
    let word = p.get(j)?;
    let m = if word.is_any(&["early", "earlier"]) {
        Mod::Start
    } else if word.is_any(&["late", "later"]) {
        Mod::End
    } else if word.is_any(&["mid", "middle"]) {
        Mod::Mid
    } else if word.is_any(&["end", "close"]) {
        Mod::End
    } else if word.is_any(&["beginning", "start"]) {
        Mod::Start
    } else {
        return None;
    };
    j += 1;
    if p.hyphen(j) || p.is(j, "of") {
        j += 1;
    } else if word.is_any(&["end", "beginning", "start", "middle", "close"]) {
        return None;
    }
    // "the end of" needs "the"; "early" must not take it ("the early days").
    if j == i + 1 && p.is(i, "the") {
        return None;
    }
    Some((m, j))
}

/// The amount at `i` ("two", "40", "a", "three and a half", "a few"): value and next index.
pub(super) fn amount(p: &Toks, i: usize) -> Option<(Amount, usize)> {
    let t = p.get(i)?;
    let (mut value, mut j) = if let Some(n) = t.number() {
        if t.text.contains(',') && n >= 10000.0 {
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

/// Vague references: "now", "recently", "the future".
pub(super) fn vague_ref(p: &Toks, i: usize) -> Option<Found> {
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

/// Shorthand for the "anchor" origin used by anaphoric rules.
pub(super) const ANCHOR: Origin = Origin::Anchor;
/// Shorthand for the publication-date origin.
pub(super) const DCT: Origin = Origin::Dct;
/// A year spec from a direction word.
pub(super) fn implicit(dir: Dir) -> YearRef {
    YearRef::Implicit(dir)
}
