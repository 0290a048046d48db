//! How well a mention fits a group: the merge's judgement, in two steps.
//!
//! On a large archive a mention has hundreds of candidate groups and most cannot take it: their
//! dates do not overlap, or nothing but a shared person speaks for them. The first step
//! ([`Reach::first_look`]) reads only a group's [`Glance`] (its dates, flags and one-word bit
//! marks of what its members name, kept apart from the rest so that thousands stay in cache) and
//! bounds what the full score could give; only groups that could still reach the joining score
//! get the full [`score`]. A mark can say "maybe" wrongly but never "no" wrongly, so the first
//! step refuses only groups the full score would refuse or rate below [`JOIN`]: the result is
//! the same.

use super::Item;
use super::facts::{Facts, Sym, compatible};
use crate::model::{EventKind, Precision};
use chrono::NaiveDate;

/// Least score for a mention to join a group.
pub const JOIN: f32 = 2.5;

/// A group's dates, family, tense and marks: what the first look reads.
#[derive(Debug, Default, Clone, Copy)]
pub struct Glance {
    pub family: Sym,
    /// The stated dates' common window.
    pub lo: Option<NaiveDate>,
    pub hi: Option<NaiveDate>,
    /// A stated day, when some member states one.
    pub day: Option<NaiveDate>,
    /// A guessed day (news day), when no member states one.
    pub soft: Option<NaiveDate>,
    /// Parties of a planned event ("bilateral"); past events are not split by it.
    pub arity: Option<u8>,
    pub past: bool,
    pub planned: bool,
    /// Bit marks (see [`bit`]) of the members' people, places (with the places containing
    /// them), event nouns and topic words.
    pub actors: u64,
    pub places: u64,
    pub nouns: u64,
    pub topic: u128,
}

/// Whether a group has a member in the mention's own sentence, and in its own document. Kept
/// exactly by the caller (who files each group's sentences and documents), not as marks: a big
/// group spans more sentences than a mark has bits, and a mark that always says "maybe" lets
/// every candidate through to the full score.
#[derive(Debug, Default, Clone, Copy)]
pub struct Here {
    pub sentence: bool,
    pub doc: bool,
}

/// The bit marking `x` in a 64-bit mark (a multiplicative hash: spreads consecutive numbers).
pub fn bit(x: u32) -> u64 {
    1 << (x.wrapping_mul(0x9E37_79B9) >> 26)
}

/// The bit marking `x` in a 128-bit mark (topic words: groups gather many).
pub fn bit128(x: u32) -> u128 {
    1 << (x.wrapping_mul(0x9E37_79B9) >> 25)
}

impl Glance {
    /// Marks what mention `f` names.
    pub fn mark(&mut self, f: &Facts) {
        for &a in &f.actors {
            self.actors |= bit(a);
        }
        for &p in f.place.iter().flatten() {
            self.places |= bit(p);
        }
        self.nouns |= bit(f.noun);
        for &w in &f.topic {
            self.topic |= bit128(w);
        }
    }
}

/// The rest of a group: what its members name.
#[derive(Debug, Default)]
pub struct Named {
    /// Sorted, once each (as are `nouns`, `topic` and `docs`).
    pub actors: Vec<Sym>,
    /// Each place with the places containing it.
    pub places: Vec<Vec<Sym>>,
    pub nouns: Vec<Sym>,
    pub topic: Vec<Sym>,
    /// Kinds of members that state a deadline.
    pub deadlines: Vec<EventKind>,
}

pub fn has(set: &[Sym], x: Sym) -> bool {
    set.binary_search(&x).is_ok()
}

fn overlaps(
    a: (Option<NaiveDate>, Option<NaiveDate>),
    b: (Option<NaiveDate>, Option<NaiveDate>),
) -> bool {
    let lo = match (a.0, b.0) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    };
    let hi = match (a.1, b.1) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    !matches!((lo, hi), (Some(l), Some(h)) if l > h)
}

/// A mention's marks, for the first look at each candidate group; `None` from [`Reach::of`] when
/// no group could give it evidence.
#[derive(Debug, Clone, Copy)]
pub struct Reach {
    sentence_actors: u64,
    place: u64,
    noun: u64,
}

impl Reach {
    pub fn of(it: &Item, f: &Facts) -> Option<Reach> {
        let c = &it.m.cues;
        // The terms that count as evidence: without one of them no group can take the mention.
        let evidence = !f.actors.is_empty()
            || !f.sentence_actors.is_empty()
            || f.place.is_some()
            || c.reference
            || (c.definite && !f.any)
            || !f.topic.is_empty();
        let mark = |xs: &[Sym]| xs.iter().fold(0, |m, &x| m | bit(x));
        evidence.then(|| Reach {
            sentence_actors: mark(&f.sentence_actors),
            place: f.place.as_deref().map_or(0, mark),
            noun: bit(f.noun),
        })
    }

    /// The date part of the score of `f` in a group seen at a glance as `g`, when the full score
    /// could still reach [`JOIN`]; `None` when it cannot (the full score would refuse or rate it
    /// lower). Each term of the full score is bounded from the marks: a term whose mark is
    /// missing is zero, one whose mark is present counts at its highest.
    pub fn first_look(self, it: &Item, f: &Facts, g: &Glance, here: Here, any: Sym) -> Option<f32> {
        refused(it, f, g, any)?;
        self.bound(it, f, g, here)
    }

    /// [`Reach::first_look`] for a group whose [`Gate`] has let the mention through.
    pub fn bound(self, it: &Item, f: &Facts, g: &Glance, here: Here) -> Option<f32> {
        let c = &it.m.cues;
        let shared = f.actors.iter().filter(|&&a| g.actors & bit(a) != 0).count();
        let people = match (f.actors.len(), shared) {
            (0, _) if g.actors & self.sentence_actors != 0 => 1.0,
            (_, 0) => 0.0,
            (_, 1) => 1.5,
            _ => 3.0,
        };
        let place = if g.places & self.place != 0 { 3.0 } else { 0.0 };
        let sentence = if c.reference && here.sentence {
            3.0
        } else {
            0.0
        };
        let own_doc = if c.definite && c.reference && here.doc && f.family == g.family {
            1.5
        } else {
            0.0
        };
        let noun_shared = !f.any && g.nouns & self.noun != 0;
        let noun = match (noun_shared, c.definite) {
            (false, _) => 0.0,
            (true, true) => 1.5,
            (true, false) => 0.5,
        };
        let topic_shared = f
            .topic
            .iter()
            .filter(|&&w| g.topic & bit128(w) != 0)
            .count();
        let weight = if f.actors.is_empty() { 1.5 } else { 0.75 };
        let topic = topic_shared.min(2) as f32 * weight;
        let mut plans = 0.0;
        if f.planned && g.planned && !g.past && shared >= 1 {
            plans += 1.0;
        }
        if f.planned && f.deadline && topic_shared > 0 {
            plans += 1.0;
        }
        let evidence = people > 0.0
            || place > 0.0
            || sentence > 0.0
            || own_doc > 0.0
            || (noun_shared && c.definite)
            || topic_shared > 0;
        if !evidence {
            return None;
        }
        let date = date_score(it, f, g);
        let most = date + people + place + sentence + own_doc + noun + topic + plans;
        (most >= JOIN).then_some(date)
    }
}

/// Refusals that need only the group's dates and flags.
fn refused(it: &Item, f: &Facts, g: &Glance, any: Sym) -> Option<()> {
    if !f.any && g.family != any && f.family != g.family {
        return None;
    }
    // A generic reference ("the tensions") only joins by the time it names.
    if f.any && !f.stated {
        return None;
    }
    if !overlaps(f.window, (g.lo, g.hi)) {
        return None;
    }
    if f.planned
        && let (Some(a), Some(b)) = (it.m.cues.arity, g.arity)
        && a != b
    {
        return None;
    }
    // A plan and a report of the thing done are one event only with a place or day in common.
    let crosses = (f.planned && g.past) || (!f.planned && !g.past);
    let same_day = f.stated_day.is_some_and(|d| g.day == Some(d));
    if crosses && !same_day && f.place.is_none() {
        return None;
    }
    Some(())
}

/// What [`refused`] reads of a group, packed into 20 bytes (dates as day numbers) so that the
/// gates of every group stay in cache while a mention's candidates are walked: half the
/// candidates of a large archive are refused on their dates alone.
#[derive(Debug, Clone, Copy)]
pub struct Gate {
    family: Sym,
    /// The window's ends, `i32::MIN` / `i32::MAX` when open.
    lo: i32,
    hi: i32,
    /// The stated day, `i32::MIN` when none.
    day: i32,
    arity: Option<u8>,
    past: bool,
}

fn day_number(d: NaiveDate) -> i32 {
    use chrono::Datelike;
    d.num_days_from_ce()
}

impl Gate {
    pub fn of(g: &Glance) -> Gate {
        Gate {
            family: g.family,
            lo: g.lo.map_or(i32::MIN, day_number),
            hi: g.hi.map_or(i32::MAX, day_number),
            day: g.day.map_or(i32::MIN, day_number),
            arity: g.arity,
            past: g.past,
        }
    }
}

/// A mention's side of the [`Gate`]: `lets` answers as [`refused`] would, from the gates alone.
#[derive(Debug, Clone, Copy)]
pub struct Pass {
    family: Sym,
    any: Sym,
    /// A generic reference without a stated time: refused everywhere.
    shut: bool,
    generic: bool,
    lo: i32,
    hi: i32,
    /// The stated day, `i32::MAX` when none (never equal to a gate's "none").
    day: i32,
    arity: Option<u8>,
    planned: bool,
    placed: bool,
}

impl Pass {
    pub fn of(it: &Item, f: &Facts, any: Sym) -> Pass {
        Pass {
            family: f.family,
            any,
            shut: f.any && !f.stated,
            generic: f.any,
            lo: f.window.0.map_or(i32::MIN, day_number),
            hi: f.window.1.map_or(i32::MAX, day_number),
            day: f.stated_day.map_or(i32::MAX, day_number),
            arity: if f.planned { it.m.cues.arity } else { None },
            planned: f.planned,
            placed: f.place.is_some(),
        }
    }

    /// Whether [`refused`] lets the mention through to a group with gate `g`.
    pub fn lets(&self, g: &Gate) -> bool {
        if self.shut || (!self.generic && g.family != self.any && self.family != g.family) {
            return false;
        }
        if self.lo.max(g.lo) > self.hi.min(g.hi) {
            return false;
        }
        if let (Some(a), Some(b)) = (self.arity, g.arity)
            && a != b
        {
            return false;
        }
        let crosses = (self.planned && g.past) || (!self.planned && !g.past);
        !crosses || self.placed || self.day == g.day
    }
}

/// The part of the score that compares dates.
fn date_score(it: &Item, f: &Facts, g: &Glance) -> f32 {
    let mut s = 0.0f32;
    let stated = f.stated;
    match (f.stated_day, g.day, f.soft_day) {
        (Some(a), Some(b), _) if a == b => s += 3.0,
        (_, Some(b), Some(soft)) => {
            let gap = (soft - b).num_days().abs();
            s += match gap {
                0 => 1.5,
                1..=2 => 1.0,
                3..=7 => 0.0,
                _ => -2.0,
            };
        }
        (_, None, Some(soft)) => {
            if let Some(gs) = g.soft
                && (soft - gs).num_days().abs() <= 2
            {
                s += 0.5;
            }
            // A guessed day far outside the group's stated period.
            let week = chrono::Days::new(7);
            let before =
                g.lo.and_then(|lo| lo.checked_sub_days(week))
                    .is_some_and(|lo| soft < lo);
            let after =
                g.hi.and_then(|hi| hi.checked_add_days(week))
                    .is_some_and(|hi| soft > hi);
            if before || after {
                s -= 2.0;
            }
        }
        _ => {
            if stated && g.lo.is_some() {
                s += 1.0;
            }
        }
    }
    if stated
        && let Some(d) = &it.m.date
        && d.precision >= Some(Precision::Month)
        && let (Some(lo), Some(hi)) = (g.lo, g.hi)
        && d.start == Some(lo)
        && d.end == Some(hi)
    {
        s += 1.0;
    }
    s
}

/// How well a mention fits a group, or None when it cannot be the same event.
pub fn score(it: &Item, f: &Facts, g: &Glance, n: &Named, here: Here, any: Sym) -> Option<f32> {
    refused(it, f, g, any)?;
    full(it, f, g, n, here, date_score(it, f, g))
}

/// The score of a group [`Reach::first_look`] let through, from its date part `date`.
pub fn full(it: &Item, f: &Facts, g: &Glance, n: &Named, here: Here, date: f32) -> Option<f32> {
    let m = it.m;
    let fam = f.family;
    if let Some(p) = &f.place
        && n.places.iter().any(|q| !compatible(p, q))
    {
        return None;
    }
    let planned = f.planned;
    let mut s = 0.0f32;
    let mut evidence = false;
    // People.
    let shared = f.actors.iter().filter(|&&a| has(&n.actors, a)).count();
    if shared >= 2 {
        s += 3.0;
        evidence = true;
    } else if shared == 1 {
        s += 1.5;
        evidence = true;
    } else if f.actors.is_empty() && f.sentence_actors.iter().any(|&a| has(&n.actors, a)) {
        s += 1.0;
        evidence = true;
    }
    // Two different sets of people (cheap tests first: a big group is never penalised).
    if f.actors.len() >= 2
        && n.actors.len() <= 3
        && f.actors.iter().any(|&a| !has(&n.actors, a))
        && n.actors.iter().any(|a| !f.actors.contains(a))
    {
        s -= 2.0;
    }
    // Place.
    let same_place = f
        .place
        .as_ref()
        .is_some_and(|p| n.places.iter().any(|q| compatible(p, q)));
    if same_place {
        s += 3.0;
        evidence = true;
    }
    s += date;
    // The same sentence of the same document: one event told twice in a row.
    if m.cues.reference && here.sentence {
        s += 3.0;
        evidence = true;
    }
    // "The discussions, which lasted …": a definite reference to an event its own article told.
    if m.cues.definite && m.cues.reference && here.doc && fam == g.family {
        s += 1.5;
        evidence = true;
    }
    // The same event noun, pointed at ("the invasion").
    if has(&n.nouns, f.noun) && !f.any {
        if m.cues.definite {
            s += 1.5;
            evidence = true;
        } else {
            s += 0.5;
        }
    }
    let shared_topic = f.topic.iter().filter(|&&w| has(&n.topic, w)).count();
    if shared_topic > 0 {
        let weight = if f.actors.is_empty() { 1.5 } else { 0.75 };
        s += shared_topic.min(2) as f32 * weight;
        evidence = true;
    }
    // Plans of the same people, or plans with a deadline on the same thing.
    if planned && g.planned && !g.past && shared >= 1 {
        s += 1.0;
    }
    if planned && f.deadline && shared_topic > 0 && n.deadlines.contains(&m.kind) {
        s += 1.0;
    }
    // A plan and a report of the thing done are one event only with a place or day in common.
    let crosses = (planned && g.past) || (!planned && !g.past);
    if crosses {
        let same_day = f.stated_day.is_some_and(|d| g.day == Some(d));
        if !(same_place || same_day) {
            return None;
        }
    }
    evidence.then_some(s)
}

#[cfg(test)]
#[path = "score_tests.rs"]
mod tests;
