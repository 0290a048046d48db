//! The merge's first look at a candidate group, from one cache line per group.
//!
//! On a large archive a mention walks hundreds of index entries, and most of the groups it meets
//! cannot take it (most are refused on dates and tense, and only a few percent of those met get
//! the full score: PERFORMANCE.md, "Merge"). Each group's [`Gate`] packs what the refusals read into 20 bytes,
//! and its [`Marks`] the rest of what the first look needs — dates as day numbers, tense and the
//! bit marks of what its members name — into one 64-byte line, so the walk reads one small entry
//! per group met and one line per group let through. A mention's [`Look`] bounds, from these
//! alone, what the full [`super::score::score`] could give: it refuses only groups the
//! full score refuses or rates below [`JOIN`], so the merge's result is the same as comparing
//! every candidate in full (a property test in `score_tests.rs` checks it on random mentions and
//! groups).

use super::Item;
use super::facts::{Facts, Sym};
use super::score::{Glance, Here, JOIN, bit, bit128};
use crate::model::Precision;
use chrono::{Datelike, NaiveDate};

/// What the refusals read of a group (its family, dates as day numbers and tense), packed into
/// 20 bytes: the gates of ten thousand groups stay in the core's own cache while the index is
/// walked, and half the groups met are refused on these alone.
#[derive(Debug, Clone, Copy)]
pub struct Gate {
    family: Sym,
    /// The window's ends, `i32::MIN` / `i32::MAX` when open.
    lo: i32,
    hi: i32,
    /// The stated day, `NONE` when none.
    day: i32,
    /// The guessed day when no member states one, `NONE` otherwise.
    soft: i32,
    /// The number of parties, [`NO_ARITY`] when not known.
    arity: u16,
    past: bool,
    /// Some member is a plan.
    planned: bool,
    /// Some member comes from an article with a publication date.
    dated_article: bool,
}

/// The rest of what the first look reads of a group, in one cache line: read only for groups
/// the [`Gate`] lets through.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(64))]
pub struct Marks {
    family: Sym,
    lo: i32,
    hi: i32,
    day: i32,
    /// The guessed day, `NONE` when none.
    soft: i32,
    past: bool,
    planned: bool,
    actors: u64,
    places: u64,
    nouns: u64,
    topic: u128,
}

const NONE: i32 = i32::MIN;
/// No number of parties (above any `u8`).
const NO_ARITY: u16 = u16::MAX;

fn day_number(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

impl Gate {
    pub fn of(g: &Glance) -> Gate {
        Gate {
            family: g.family,
            lo: g.lo.map_or(i32::MIN, day_number),
            hi: g.hi.map_or(i32::MAX, day_number),
            day: g.day.map_or(NONE, day_number),
            soft: match g.day {
                Some(_) => NONE,
                None => g.soft.map_or(NONE, day_number),
            },
            arity: g.arity.map_or(NO_ARITY, u16::from),
            past: g.past,
            planned: g.planned,
            dated_article: g.dated_article,
        }
    }
}

impl Marks {
    pub fn of(g: &Glance) -> Marks {
        Marks {
            family: g.family,
            lo: g.lo.map_or(i32::MIN, day_number),
            hi: g.hi.map_or(i32::MAX, day_number),
            day: g.day.map_or(NONE, day_number),
            soft: g.soft.map_or(NONE, day_number),
            past: g.past,
            planned: g.planned,
            actors: g.actors,
            places: g.places,
            nouns: g.nouns,
            topic: g.topic,
        }
    }
}

/// A mention's side of the first look, worked out once before its candidates are walked.
#[derive(Debug, Clone, Copy)]
pub struct Look<'a> {
    f: &'a Facts,
    family: Sym,
    any: Sym,
    /// A generic reference without a stated time: refused everywhere.
    shut: bool,
    generic: bool,
    lo: i32,
    hi: i32,
    /// The stated day, `i32::MAX` when none (never equal to a gate's "none").
    day: i32,
    /// The guessed day, `NONE` when none.
    soft: i32,
    arity: u16,
    planned: bool,
    placed: bool,
    stated: bool,
    /// A stated date no finer than a year (see [`Facts::yearly`]).
    yearly: bool,
    /// No time at all (see [`super::score::timeless`]).
    timeless: bool,
    /// A date of its own or an article with a date.
    timed: bool,
    deadline: bool,
    reference: bool,
    definite: bool,
    /// A statement of one speaker (see [`super::score::speaker_day`]).
    speaker: bool,
    /// An undated past event noun (see [`super::score::soon_planned`]).
    past_noun: bool,
    /// A stated month or longer period: its first and last days.
    period: Option<(i32, i32)>,
    /// Marks of the mention's people, everyone named in its sentence, place, noun and topic.
    actors: u64,
    sentence_actors: u64,
    place: u64,
    noun: u64,
    topic: u128,
}

impl<'a> Look<'a> {
    /// `None` when no group could give the mention evidence: it is compared with none.
    pub fn of(it: &Item, f: &'a Facts, any: Sym) -> Option<Look<'a>> {
        let c = &it.m.cues;
        let evidence = !f.actors.is_empty()
            || !f.sentence_actors.is_empty()
            || f.place.is_some()
            || c.reference
            || (c.definite && !f.any)
            || !f.topic.is_empty();
        if !evidence {
            return None;
        }
        let mark = |xs: &[Sym]| xs.iter().fold(0, |m, &x| m | bit(x));
        let period = it.m.date.as_ref().and_then(|d| {
            let wide = f.stated && d.precision >= Some(Precision::Month);
            wide.then_some((d.start?, d.end?))
                .map(|(a, b)| (day_number(a), day_number(b)))
        });
        Some(Look {
            f,
            family: f.family,
            any,
            shut: f.any && !f.stated,
            generic: f.any,
            lo: f.window.0.map_or(i32::MIN, day_number),
            hi: f.window.1.map_or(i32::MAX, day_number),
            day: f.stated_day.map_or(i32::MAX, day_number),
            soft: f.soft_day.map_or(NONE, day_number),
            arity: match c.arity {
                Some(a) if f.planned => u16::from(a),
                _ => NO_ARITY,
            },
            planned: f.planned,
            placed: f.place.is_some(),
            stated: f.stated,
            yearly: f.yearly,
            timeless: super::score::timeless(it, f),
            timed: it.dct.is_some() || f.stated,
            deadline: f.deadline,
            reference: c.reference,
            definite: c.definite,
            speaker: f.statement && f.actors.len() == 1,
            past_noun: !f.planned && !c.is_verb && !f.stated,
            period,
            actors: mark(&f.actors),
            sentence_actors: mark(&f.sentence_actors),
            place: f.place.as_deref().map_or(0, mark),
            noun: bit(f.noun),
            topic: f.topic.iter().fold(0, |m, &w| m | bit128(w)),
        })
    }

    /// The date part of the score when the full score could still reach [`JOIN`] in the group
    /// with gate `gate` and marks `g`; `None` when it is refused or cannot reach it.
    pub fn fits(&self, gate: &Gate, g: &Marks, here: Here) -> Option<f32> {
        if !self.lets(gate, here) {
            return None;
        }
        self.bound(g, here)
    }

    /// Whether a group that shares only the event noun with the mention could reach [`JOIN`]:
    /// one that names none of its people (nor anyone named in its sentence), no place of its
    /// place's chain, and has no member in its document. Such a group gets nothing for people,
    /// place, sentence or document; what is left (the best date part, the noun, two topic words
    /// and a deadline) bounds its score. When it cannot reach [`JOIN`], the groups filed under the
    /// noun alone need not be walked: every group sharing more is filed under that too.
    pub fn noun_alone_can_join(&self) -> bool {
        let f = self.f;
        // A definite noun, topic words, or the same noun on a stated day ("the October 7 attacks").
        let evidence = (self.definite && !self.generic)
            || !f.topic.is_empty()
            || (self.day != i32::MAX && !self.generic);
        if !evidence {
            return false;
        }
        let best = |yes: bool, score: f32| if yes { score } else { 0.0 };
        let date = best(self.day != i32::MAX, 3.0)
            .max(best(self.soft != NONE, 1.5))
            .max(best(self.stated && !self.yearly, 1.0))
            + best(self.period.is_some(), 1.0);
        let noun = match (self.generic, self.definite) {
            (true, _) => 0.0,
            (false, true) => 1.5,
            (false, false) => 0.5,
        };
        let weight = if f.actors.is_empty() { 1.5 } else { 0.75 };
        let topic = f.topic.len().min(2) as f32 * weight;
        let deadline = best(self.planned && self.deadline && !f.topic.is_empty(), 1.0);
        date + noun + topic + deadline >= JOIN
    }

    /// [`Look::fits`] for a group whose [`Gate`] lets the mention in.
    #[inline(never)]
    pub fn bound(&self, g: &Marks, here: Here) -> Option<f32> {
        let f = self.f;
        // The marks first: most groups share none of the words, and then no word need be looked at.
        let shared = if g.actors & self.actors == 0 {
            0
        } else {
            f.actors.iter().filter(|&&a| g.actors & bit(a) != 0).count()
        };
        let people = match (f.actors.len(), shared) {
            (0, _) if g.actors & self.sentence_actors != 0 => 1.0,
            (_, 0) => 0.0,
            (_, 1) => 1.5,
            _ => 3.0,
        };
        let place = if g.places & self.place != 0 { 3.0 } else { 0.0 };
        let sentence = if self.reference && here.sentence {
            3.0
        } else {
            0.0
        };
        let own_doc = if self.definite && self.reference && here.doc && self.family == g.family {
            1.5
        } else {
            0.0
        };
        let noun_shared = !self.generic && g.nouns & self.noun != 0;
        let noun = match (noun_shared, self.definite) {
            (false, _) => 0.0,
            (true, true) => 1.5,
            (true, false) => 0.5,
        };
        let topic_shared = if g.topic & self.topic == 0 {
            0
        } else {
            f.topic
                .iter()
                .filter(|&&w| g.topic & bit128(w) != 0)
                .count()
        };
        let weight = if f.actors.is_empty() { 1.5 } else { 0.75 };
        let topic = topic_shared.min(2) as f32 * weight;
        let mut plans = 0.0;
        // The same speaker on the same day (the day not compared here).
        if self.speaker && shared == 1 {
            plans += 1.0;
        }
        if self.planned && g.planned && !g.past && shared >= 1 {
            plans += 1.0;
        }
        if self.planned && self.deadline && topic_shared > 0 {
            plans += 1.0;
        }
        let evidence = people > 0.0
            || place > 0.0
            || sentence > 0.0
            || own_doc > 0.0
            || (noun_shared && self.definite)
            || (noun_shared && self.day != i32::MAX && self.day == g.day)
            || topic_shared > 0;
        if !evidence {
            return None;
        }
        let date = self.date_score(g);
        let most = date + people + place + sentence + own_doc + noun + topic + plans;
        (most >= JOIN).then_some(date)
    }

    /// Keeps, in order, the groups of `met` whose gate lets the mention in, and says how many
    /// (`here` as in [`Look::fits`], by group).
    pub fn keep_let_in(&self, gates: &[Gate], here: &[Here], met: &mut [u32]) -> usize {
        // A copy the compiler keeps in registers through the loop.
        let look = *self;
        let mut kept = 0;
        for k in 0..met.len() {
            let g = met[k] as usize;
            met[kept] = g as u32;
            kept += usize::from(look.lets(&gates[g], here[g]));
        }
        kept
    }

    /// Whether the group's dates, family and tense let the mention in (the score's refusals);
    /// `here` as for the score. Evaluated without branches: the walk asks it of tens of millions
    /// of groups, and about half are refused, which no branch predictor can guess.
    #[inline]
    pub fn lets(&self, g: &Gate, here: Here) -> bool {
        let family =
            !self.shut & (self.generic | (g.family == self.any) | (self.family == g.family));
        // An undated past noun beside its article's plan for the coming week.
        let soon = here.doc
            & self.past_noun
            & g.planned
            & (self.soft != NONE)
            & (g.lo != i32::MIN)
            & (i64::from(g.lo) <= i64::from(self.soft) + 7)
            & (g.hi >= self.soft);
        let dates = (self.lo.max(g.lo) <= self.hi.min(g.hi)) | soon;
        let arity = (self.arity == NO_ARITY) | (g.arity == NO_ARITY) | (self.arity == g.arity);
        let crosses = self.planned == g.past;
        // A plan and a report of it done meet on a day one states and the other states or was
        // written on ("due to meet on Thursday", and Thursday's report of the meeting).
        let tense = !crosses
            | (here.doc_tense & self.reference & self.definite)
            | self.placed
            | (self.day == g.day)
            | (self.day == g.soft)
            | ((self.soft != NONE) & (self.soft == g.day))
            | soon;
        // A mention with no time at all and a dated group of other articles, or the reverse.
        let dated_group =
            (g.lo != i32::MIN) | (g.hi != i32::MAX) | (g.day != NONE) | (g.soft != NONE);
        let timeless_apart = !here.doc
            & ((self.timeless & dated_group)
                | (!self.timeless & !dated_group & !g.dated_article & self.timed));
        family & dates & arity & tense & !timeless_apart
    }

    /// The part of the score that compares dates, in day numbers.
    fn date_score(&self, g: &Marks) -> f32 {
        let mut s = 0.0f32;
        let stated_day = self.day != i32::MAX;
        if stated_day && g.day != NONE && self.day == g.day {
            s += 3.0;
        } else if g.day != NONE && self.soft != NONE {
            let gap = (i64::from(self.soft) - i64::from(g.day)).abs();
            s += match gap {
                0 => 1.5,
                1..=2 => 1.0,
                // A report written days after the event tells of another one as often as of it.
                3..=7 => -1.0,
                _ => -2.0,
            };
        } else if g.day == NONE && self.soft != NONE {
            if g.soft != NONE && (i64::from(self.soft) - i64::from(g.soft)).abs() <= 2 {
                s += 0.5;
            }
            // A guessed day far outside the group's stated period.
            let soft = i64::from(self.soft);
            let before = g.lo != i32::MIN && soft < i64::from(g.lo) - 7;
            let after = g.hi != i32::MAX && soft > i64::from(g.hi) + 7;
            if before || after {
                s -= 2.0;
            }
        } else if self.stated && !self.yearly && g.lo != i32::MIN {
            s += 1.0;
        }
        if let Some((start, end)) = self.period
            && g.lo != i32::MIN
            && g.hi != i32::MAX
            && start == g.lo
            && end == g.hi
        {
            s += 1.0;
        }
        s
    }
}
