//! The recogniser: finds time expressions in a token stream and says what they mean ([`Sem`]).
//!
//! It is a hand-written grammar over tokens rather than a bank of regexes: a cheap check on each
//! token ([`could_start`]) decides whether any rule can begin there, and only then are the rules
//! tried, longest match winning. That keeps tagging linear and fast on prose with few dates.

pub(super) mod amounts;
pub(super) mod clock;
pub(super) mod dates;
pub(super) mod deictic;
pub(super) mod quantity;
pub(super) mod quarters;
pub(super) mod spans;
pub(super) mod weekdays;
pub(super) mod years;

use super::sem::{Dir, Origin, Sem, YearRef};
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

/// Whether any rule can start at this token (the cheap pre-check).
pub(super) fn could_start(t: &Token) -> bool {
    match t.kind {
        Kind::Number => true,
        Kind::Punct => t.text.starts_with(['\'', '’']),
        Kind::Word => {
            // Vocabulary words and the grammar words of `lexicon::STARTERS` carry an entry.
            !t.entry.is_empty()
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
        self::dates::date(p, i),
        self::weekdays::weekday_phrase(p, i),
        self::deictic::deictic(p, i),
        self::amounts::measured(p, i),
        self::amounts::set(p, i),
        self::quarters::quarter(p, i),
        self::clock::clock(p, i),
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
        self::dates::date(p, next),
        self::deictic::deictic(p, next),
        self::quarters::quarter(p, next),
        self::weekdays::weekday_phrase(p, next),
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

/// Shorthand for the "anchor" origin used by anaphoric rules.
pub(super) const ANCHOR: Origin = Origin::Anchor;
/// Shorthand for the publication-date origin.
pub(super) const DCT: Origin = Origin::Dct;
/// A year spec from a direction word.
pub(super) fn implicit(dir: Dir) -> YearRef {
    YearRef::Implicit(dir)
}
