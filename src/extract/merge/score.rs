//! How well a mention fits a group: the merge's judgement, in two steps.
//!
//! On a large archive a mention has hundreds of candidate groups and most cannot take it: their
//! dates do not overlap, or nothing but a shared person speaks for them. The first step
//! ([`super::gate`]) reads only a packed copy of a group's [`Glance`] (its dates, flags and
//! one-word bit marks of what its members name) and bounds what the full score could give; only
//! groups that could still reach the joining score get the full [`score`]. A mark can say
//! "maybe" wrongly but never "no" wrongly, so the first step refuses only groups the full score
//! would refuse or rate below [`JOIN`]: the result is the same.

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
    /// Some member comes from an article with a publication date.
    pub dated_article: bool,
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
    /// The group has a member of the mention's own document told in the mention's tense: for a
    /// definite reference, its article's plan (or report) of the event the group stands for.
    pub doc_tense: bool,
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
    /// Kinds of channel of the members' statements (sorted, once each).
    pub channels: Vec<Sym>,
    /// Ordinals the members name ("the second round").
    pub ordinals: Vec<u8>,
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

/// Refusals that need only the group's dates and flags (and whether its article already tied a
/// mention of its tense to the group: [`Here::doc_tense`]).
pub fn refused(it: &Item, f: &Facts, g: &Glance, any: Sym, here: Here) -> Option<()> {
    if !f.any && g.family != any && f.family != g.family {
        return None;
    }
    // A generic reference ("the tensions") only joins by the time it names.
    if f.any && !f.stated {
        return None;
    }
    // A past noun's window ends on its article's day; the plan it may be begins after it.
    if !overlaps(f.window, (g.lo, g.hi)) && !soon_planned(it, f, g, here) {
        return None;
    }
    if f.planned
        && let (Some(a), Some(b)) = (it.m.cues.arity, g.arity)
        && a != b
    {
        return None;
    }
    // A plan and a report of the thing done are one event only with a place or day in common, or
    // when the mention's own article tied its plan (or report) to the group: "due to meet on
    // Thursday" joined Thursday's report, and "the much-awaited talks" of the same article follow.
    let crosses = (f.planned && g.past) || (!f.planned && !g.past);
    if crosses
        && !meets_across(f, g)
        && f.place.is_none()
        && !tied(it, here)
        && !soon_planned(it, f, g, here)
    {
        return None;
    }
    // A mention with no time at all (no date of its own, in an article with no date) cannot be
    // told from another occurrence of the same happening ("the two sides agreed to a ceasefire",
    // twice in a year): it joins no dated event of other articles, and no dated mention joins
    // an event only such mentions tell.
    let dated_group = g.day.is_some() || g.soft.is_some() || g.lo.is_some() || g.hi.is_some();
    let timeless = timeless(it, f);
    if !here.doc
        && ((timeless && dated_group)
            || (!timeless && !dated_group && !g.dated_article && (it.dct.is_some() || f.stated)))
    {
        return None;
    }
    Some(())
}

/// Whether a mention has no time at all: no date of its own, in an article with no date.
pub fn timeless(it: &Item, f: &Facts) -> bool {
    it.dct.is_none() && !f.stated && f.soft_day.is_none() && f.window == (None, None)
}

/// Whether an undated event noun told as past ("confirmed Vance's trip") meets a planned group
/// its own article tells for the week from the article's day: the noun may be that
/// plan (the tense is its clause's, not the trip's). [`full`] asks for two shared people too.
pub fn soon_planned(it: &Item, f: &Facts, g: &Glance, here: Here) -> bool {
    let week = chrono::Days::new(7);
    here.doc
        && !f.planned
        && g.planned
        && !it.m.cues.is_verb
        && !f.stated
        && f.soft_day.is_some_and(|d| {
            g.lo.is_some_and(|lo| d.checked_add_days(week).is_some_and(|e| lo <= e))
                && g.hi.is_none_or(|hi| hi >= d)
        })
}

/// Whether a definite reference ("the much-awaited talks") points at an event its own article
/// told in the same tense ("due to meet on Thursday", which joined Thursday's report): see
/// [`Here::doc_tense`].
fn tied(it: &Item, here: Here) -> bool {
    here.doc_tense && it.m.cues.reference && it.m.cues.definite
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
                // A report written days after the event tells of another one as often as of it.
                3..=7 => -1.0,
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
            if outside_period(soft, g) {
                s -= 2.0;
            }
        }
        _ => {
            if stated && !f.yearly && g.lo.is_some() {
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

/// What made a mention join its event, as bits ([`evidence`]); told in words by [`why::words`].
pub mod why {
    pub const STARTED: u16 = 1;
    pub const PEOPLE: u16 = 1 << 1;
    pub const PLACE: u16 = 1 << 2;
    pub const SAME_DAY: u16 = 1 << 3;
    pub const NEAR_DAY: u16 = 1 << 4;
    pub const SENTENCE: u16 = 1 << 5;
    pub const DEFINITE: u16 = 1 << 6;
    pub const NOUN: u16 = 1 << 7;
    pub const TOPIC: u16 = 1 << 8;
    pub const OWN_ARTICLE: u16 = 1 << 9;
    pub const SAME_PERIOD: u16 = 1 << 10;
    /// A bare reference ("the meetings") that takes its tense from the event it points at.
    pub const BORROWED_TENSE: u16 = 1 << 11;
    /// A statement of the event's one speaker on the event's day.
    pub const SPEAKER_DAY: u16 = 1 << 12;
    /// A statement naming no medium, taken as made through the medium of the nearest statement
    /// of its speaker in its article.
    pub const MEDIUM: u16 = 1 << 13;

    const WORDS: [(u16, &str); 14] = [
        (STARTED, "first report of the event"),
        (PEOPLE, "the same people"),
        (PLACE, "the same place"),
        (SAME_DAY, "the same stated day"),
        (SAME_PERIOD, "a date inside the event's period"),
        (NEAR_DAY, "its article's day is the event's day"),
        (SENTENCE, "told in the same sentence"),
        (DEFINITE, "a definite reference to its article's event"),
        (NOUN, "the same event noun"),
        (TOPIC, "the same topic words"),
        (
            OWN_ARTICLE,
            "the one event of its kind its own article tells",
        ),
        (
            BORROWED_TENSE,
            "a bare reference, past or planned as that event is",
        ),
        (SPEAKER_DAY, "the same speaker on the same day"),
        (
            MEDIUM,
            "no medium named: that of its speaker's nearest statement in its article",
        ),
    ];

    /// The evidence in words: "the same people, the same stated day".
    pub fn words(bits: u16) -> String {
        let v: Vec<&str> = WORDS
            .iter()
            .filter(|(b, _)| bits & b != 0)
            .map(|(_, w)| *w)
            .collect();
        if v.is_empty() {
            "compatible date and kind".to_string()
        } else {
            v.join(", ")
        }
    }
}

/// What speaks for mention `f` joining the group (bits of [`why`]): the parts of [`full`] that
/// counted, read again once the group is chosen.
pub fn evidence(it: &Item, f: &Facts, g: &Glance, n: &Named, here: Here) -> u16 {
    let m = it.m;
    let mut bits = 0;
    if f.actors.iter().any(|&a| has(&n.actors, a))
        || (f.actors.is_empty() && f.sentence_actors.iter().any(|&a| has(&n.actors, a)))
    {
        bits |= why::PEOPLE;
    }
    if f.place
        .as_ref()
        .is_some_and(|p| n.places.iter().any(|q| compatible(p, q)))
    {
        bits |= why::PLACE;
    }
    if f.stated_day.is_some_and(|d| g.day == Some(d)) {
        bits |= why::SAME_DAY;
    } else if f.stated && !f.yearly && g.lo.is_some() {
        bits |= why::SAME_PERIOD;
    } else if let (Some(soft), Some(day)) = (f.soft_day, g.day.or(g.soft))
        && (soft - day).num_days().abs() <= 2
    {
        bits |= why::NEAR_DAY;
    }
    if speaker_day(
        f,
        g,
        f.actors.iter().filter(|&&a| has(&n.actors, a)).count(),
    ) {
        bits |= why::SPEAKER_DAY;
    }
    if f.inherited {
        bits |= why::MEDIUM;
    }
    if m.cues.reference && here.sentence {
        bits |= why::SENTENCE;
    }
    if m.cues.definite && m.cues.reference && here.doc && f.family == g.family {
        bits |= why::DEFINITE;
    }
    if has(&n.nouns, f.noun) && !f.any {
        bits |= why::NOUN;
    }
    if f.topic.iter().any(|&w| has(&n.topic, w)) {
        bits |= why::TOPIC;
    }
    bits
}

/// Whether a statement of one speaker ([`Facts::actors`]) falls on the day of a group naming
/// that speaker (`shared` of its people): the same statement, told by two articles.
pub fn speaker_day(f: &Facts, g: &Glance, shared: usize) -> bool {
    let day = f.stated_day.or(f.soft_day);
    f.statement && f.actors.len() == 1 && shared == 1 && day.is_some() && day == g.day.or(g.soft)
}

/// Whether a plan and a report of the thing done share a day: one states it and the other states
/// it too, or was written that day ("due to meet on Thursday", and Thursday's report).
fn meets_across(f: &Facts, g: &Glance) -> bool {
    let soft = if g.day.is_none() { g.soft } else { None };
    f.stated_day
        .is_some_and(|d| g.day == Some(d) || soft == Some(d))
        || f.soft_day.is_some_and(|d| g.day == Some(d))
}

/// Whether the guessed day of `f` lies more than a week outside the group's stated period (or,
/// when no member states one, more than ten days from the group's guessed day).
fn soft_far(f: &Facts, g: &Glance) -> bool {
    let Some(soft) = f.soft_day else {
        return false;
    };
    let day = g.day.is_some_and(|b| (soft - b).num_days().abs() > 7);
    // Two guessed days: the reports of two articles written weeks apart.
    let guessed = g.day.is_none() && g.soft.is_some_and(|b| (soft - b).num_days().abs() > 10);
    outside_period(soft, g) || day || guessed
}

/// Whether the date mention `it` states lies more than a week from the day of a past group that
/// no member dates, only its reports' day: "talks held on March 2" are not the news of an article
/// of March 20, nor "a deal reached in mid-May" the deal an article of June 11 reports.
fn stated_far(it: &Item, f: &Facts, g: &Glance) -> bool {
    let (Some(news), None) = (g.soft, g.day) else {
        return false;
    };
    let Some((start, end)) = it.m.date.as_ref().and_then(|d| d.start.zip(d.end)) else {
        return false;
    };
    let week = chrono::Days::new(7);
    f.stated
        && !f.yearly
        && g.past
        && !g.planned
        && (end.checked_add_days(week).is_some_and(|e| e < news)
            || news.checked_add_days(week).is_some_and(|n| n < start))
}

/// Whether `day` lies more than a week before or after the group's stated period.
fn outside_period(day: NaiveDate, g: &Glance) -> bool {
    let week = chrono::Days::new(7);
    let before =
        g.lo.and_then(|lo| lo.checked_sub_days(week))
            .is_some_and(|lo| day < lo);
    let after =
        g.hi.and_then(|hi| hi.checked_add_days(week))
            .is_some_and(|hi| day > hi);
    before || after
}

/// How well a mention fits a group, or None when it cannot be the same event.
pub fn score(it: &Item, f: &Facts, g: &Glance, n: &Named, here: Here, any: Sym) -> Option<f32> {
    refused(it, f, g, any, here)?;
    full(it, f, g, n, here, date_score(it, f, g))
}

/// The score of a group the first look ([`super::gate::Look::fits`]) let through, from its date
/// part `date`.
pub fn full(it: &Item, f: &Facts, g: &Glance, n: &Named, here: Here, date: f32) -> Option<f32> {
    let m = it.m;
    let fam = f.family;
    if let Some(p) = &f.place
        && n.places.iter().any(|q| !compatible(p, q))
    {
        return None;
    }
    // "The fifth round" is not "the first round".
    if let Some(o) = f.ordinal
        && n.ordinals.iter().any(|&x| x != o)
    {
        return None;
    }
    // A post and remarks to reporters of one speaker on one day are two statements.
    if let Some(c) = f.channel
        && n.channels.iter().any(|&x| x != c)
    {
        return None;
    }
    // Statements group per speaker and day: a post of the day before is another statement.
    if m.kind == EventKind::Statement
        && let Some(day) = g.day
        && f.stated_day.or(f.soft_day).is_some_and(|d| d != day)
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
    // "Aho said on Monday", "Aho, speaking on Monday": one speaker's statements of one day are
    // one statement unless they name different media (refused above).
    if speaker_day(f, g, shared) {
        s += 1.0;
        evidence = true;
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
    // A mention its article leaves undated happened about when the article was written: it does
    // not join an event more than a week away from that day (recurring calls of the same two
    // leaders stay apart) unless they share a place ("the Geneva agreement").
    if !f.stated && !planned && !same_place && soft_far(f, g) {
        return None;
    }
    // The same, seen from a mention its article dates.
    if !planned && !same_place && stated_far(it, f, g) {
        return None;
    }
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
    // The same event noun on the same stated day ("the October 7 attacks"): one event.
    if has(&n.nouns, f.noun) && !f.any && f.stated_day.is_some_and(|d| g.day == Some(d)) {
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
    // "The ministry confirmed Vance's trip": a noun told undated beside its own article's plan of
    // the same people for the days ahead is that plan, whatever the tense of its clause.
    let trip = soon_planned(it, f, g, here) && shared >= 2;
    if !overlaps(f.window, (g.lo, g.hi)) && !trip {
        return None;
    }
    if crosses && !(same_place || meets_across(f, g) || tied(it, here) || trip) {
        return None;
    }
    evidence.then_some(s)
}

#[cfg(test)]
#[path = "score_tests.rs"]
mod tests;
