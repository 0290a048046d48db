//! Grouping mentions into real events.
//!
//! Mentions are taken strongest first (a stated date before a guessed one, an event before a bare
//! reference); each joins the best-scoring compatible group or, if it can stand alone, starts one.
//! Compatible means: the same kind family, dates that can overlap, places that nest, no clash in the
//! number of parties. The score adds up what makes two reports one event: shared people, a shared
//! place, the same day, the same sentence, the same event noun. Candidates come from an index on
//! people, places, documents and nouns, so a mention is compared only with groups sharing
//! something with it (no all-pairs pass).

use super::Item;
use super::blocking::{Index, Seen};
use super::facts::{self, Facts, Sym, compatible};
use crate::extract::events::places::Places;
use crate::model::{DateOrigin, EventKind, Status};
use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeSet;

/// Least score for a mention to join a group.
const JOIN: f32 = 2.5;
/// Candidate lists at least this long are scored on every core (a mention naming one person and
/// no date can have hundreds of candidates on a large archive).
const PARALLEL: usize = 256;

/// A group of mentions believed to tell of one event.
#[derive(Debug, Default)]
pub struct Group {
    pub members: Vec<usize>,
    family: Sym,
    /// The stated dates' common window.
    lo: Option<NaiveDate>,
    hi: Option<NaiveDate>,
    /// A stated day, when some member states one.
    day: Option<NaiveDate>,
    /// A guessed day (news day), when no member states one.
    soft: Option<NaiveDate>,
    /// Sorted, once each (as are `nouns`, `topic` and `docs`).
    actors: Vec<Sym>,
    /// Each place with the places containing it.
    places: Vec<Vec<Sym>>,
    /// Parties of a planned event ("bilateral"); past events are not split by it.
    arity: Option<u8>,
    past: bool,
    planned: bool,
    nouns: Vec<Sym>,
    topic: Vec<Sym>,
    /// (document, sentence start, family) of every member, for "told twice in one sentence".
    sentences: FxHashSet<(Sym, usize, Sym)>,
    /// Documents of the members.
    docs: Vec<Sym>,
    /// Kinds of members that state a deadline.
    deadlines: Vec<EventKind>,
}

/// Adds `x` to the sorted list `set` unless it is there.
fn insert(set: &mut Vec<Sym>, x: Sym) {
    if let Err(at) = set.binary_search(&x) {
        set.insert(at, x);
    }
}

fn has(set: &[Sym], x: Sym) -> bool {
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

/// Whether a mention can start an event of its own.
fn stands(it: &Item) -> bool {
    let m = it.m;
    let dated = m.cues.date_origin >= DateOrigin::Report;
    if m.cues.reference {
        // "Talks took place in Geneva on Monday": a dated reference with a place or people; "the
        // talks between A and B in Geneva", "talks with visiting C": undated, but its own people
        // (and place) say which event it is.
        let named = m.actors.len();
        return m.status == Status::Past
            && m.cues.family != "any"
            && ((m.cues.date_origin == DateOrigin::Clause && (m.place.is_some() || named > 0))
                || named >= 2
                || (named == 1 && m.place.is_some()));
    }
    let named = m.actors.len();
    match m.status {
        Status::Past => {
            dated || m.place.is_some() || named >= 2 || (named == 1 && m.cues.verb.is_some())
        }
        Status::Planned => {
            named >= 2
                || (m.cues.arity.is_some() && named >= 1)
                || m.place.is_some()
                || dated
                || m.cues.details.iter().any(|d| d.field == "deadline")
        }
    }
}

/// Groups the items; returns the groups (member indices into `items`) in creation order.
pub fn cluster(items: &[Item], places: &Places) -> Vec<Group> {
    let (facts, any) = facts::facts(items, places);
    let mut order: Vec<usize> = (0..items.len()).collect();
    let tier = |i: usize| {
        let m = items[i].m;
        match (m.cues.reference, m.cues.date_origin >= DateOrigin::Anchor) {
            (false, true) => 0,
            (false, false) => 1,
            (true, true) => 2,
            (true, false) => 3,
        }
    };
    // Documents by key, as numbers: the sort compares each pair of mentions in numbers only.
    let mut doc_keys: Vec<&str> = items.iter().map(|it| it.doc_key).collect();
    doc_keys.sort_unstable();
    doc_keys.dedup();
    let doc_rank: FxHashMap<&str, usize> =
        doc_keys.iter().enumerate().map(|(r, &k)| (k, r)).collect();
    let precision = |i: usize| items[i].m.date.as_ref().and_then(|d| d.precision);
    order.sort_by_cached_key(|&i| {
        (
            tier(i),
            std::cmp::Reverse(precision(i)),
            doc_rank.get(items[i].doc_key).copied(),
            items[i].m.span.start,
        )
    });
    let apart = apart_pairs(items, &facts);
    let mut member_of: Vec<Option<usize>> = vec![None; items.len()];
    let mut groups: Vec<Group> = Vec::new();
    let mut index = Index::default();
    let (mut seen, mut candidates) = (Seen::default(), Vec::new());
    let mut families: BTreeSet<Sym> = BTreeSet::new();
    let debug = std::env::var_os("ATTACHE_DEBUG_MERGE").is_some();
    for i in order {
        let (it, f) = (&items[i], &facts[i]);
        // A generic reference ("the tensions") may join a group of any family.
        let look_in: Vec<Sym> = if f.any {
            families.iter().copied().collect()
        } else {
            vec![f.family]
        };
        index.candidates(f, &look_in, &mut seen, &mut candidates);
        let apart_from = apart.get(&i).map_or(&[][..], Vec::as_slice);
        let fit = |g: usize| {
            if apart_from.iter().any(|&j| member_of[j] == Some(g)) {
                return None;
            }
            score(it, f, &groups[g], any)
                .filter(|s| *s >= JOIN)
                .map(|s| (g, s))
        };
        // The best score, the earlier group on a tie: one answer whatever the thread count.
        let better = |a: &(usize, f32), b: &(usize, f32)| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0));
        let best = if candidates.len() >= PARALLEL {
            candidates
                .par_iter()
                .copied()
                .filter_map(fit)
                .max_by(better)
        } else {
            candidates.iter().copied().filter_map(fit).max_by(better)
        };
        if debug {
            let all: Vec<_> = candidates
                .iter()
                .map(|&g| (g, score(it, f, &groups[g], any)))
                .collect();
            eprintln!(
                "merge {:?} {:?} -> {:?} of {:?}",
                it.m.doc, it.m.text, best, all
            );
        }
        let g = match best {
            Some((g, _)) => g,
            None if stands(it) => {
                groups.push(Group {
                    family: f.family,
                    ..Group::default()
                });
                groups.len() - 1
            }
            None => continue,
        };
        add(&mut groups[g], i, it, f, any);
        member_of[i] = Some(g);
        let family = groups[g].family;
        index.file(g, f, family, (groups[g].lo, groups[g].hi));
        families.insert(family);
    }
    groups
}

/// Mentions their text tells apart: "X followed Y", "X during Y", "since Y" — never one event.
fn apart_pairs(items: &[Item], facts: &[Facts]) -> FxHashMap<usize, Vec<usize>> {
    let at: FxHashMap<(Sym, usize), usize> = items
        .iter()
        .zip(facts)
        .enumerate()
        .map(|(i, (it, f))| ((f.doc, it.m.span.start), i))
        .collect();
    let mut out: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, (it, f)) in items.iter().zip(facts).enumerate() {
        // "X, followed by Y" may be two parts of one event; the other relations are not.
        if let Some((span, rel)) = &it.m.cues.anchor
            && rel != "then"
            && let Some(&j) = at.get(&(f.doc, span.start))
        {
            out.entry(i).or_default().push(j);
            out.entry(j).or_default().push(i);
        }
    }
    out
}

fn add(g: &mut Group, i: usize, it: &Item, f: &Facts, any: Sym) {
    let m = it.m;
    g.members.push(i);
    if g.family == any {
        g.family = f.family;
    }
    let (lo, hi) = f.window;
    if f.stated || lo.is_some() || hi.is_some() {
        g.lo = match (g.lo, lo) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        g.hi = match (g.hi, hi) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    g.day = g.day.or(f.stated_day);
    g.soft = g.soft.or(f.soft_day);
    for &a in &f.actors {
        insert(&mut g.actors, a);
    }
    if let Some(p) = &f.place
        && !g.places.iter().any(|q| q.first() == p.first())
    {
        g.places.push(p.clone());
    }
    if f.planned {
        g.arity = g.arity.or(m.cues.arity);
        g.planned = true;
    } else {
        g.past = true;
    }
    insert(&mut g.nouns, f.noun);
    for &w in &f.topic {
        insert(&mut g.topic, w);
    }
    g.sentences.insert(f.sentence);
    insert(&mut g.docs, f.doc);
    if f.deadline && !g.deadlines.contains(&m.kind) {
        g.deadlines.push(m.kind);
    }
}

/// How well a mention fits a group, or None when it cannot be the same event.
fn score(it: &Item, f: &Facts, g: &Group, any: Sym) -> Option<f32> {
    let m = it.m;
    let fam = f.family;
    if !f.any && g.family != any && fam != g.family {
        return None;
    }
    // A generic reference ("the tensions") only joins by the time it names.
    if f.any && !f.stated {
        return None;
    }
    if !overlaps(f.window, (g.lo, g.hi)) {
        return None;
    }
    if let Some(p) = &f.place
        && g.places.iter().any(|q| !compatible(p, q))
    {
        return None;
    }
    let planned = f.planned;
    if planned
        && let (Some(a), Some(b)) = (m.cues.arity, g.arity)
        && a != b
    {
        return None;
    }
    let mut s = 0.0f32;
    let mut evidence = false;
    // People.
    let shared = f.actors.iter().filter(|&&a| has(&g.actors, a)).count();
    if shared >= 2 {
        s += 3.0;
        evidence = true;
    } else if shared == 1 {
        s += 1.5;
        evidence = true;
    } else if f.actors.is_empty() && f.sentence_actors.iter().any(|&a| has(&g.actors, a)) {
        s += 1.0;
        evidence = true;
    }
    // Two different sets of people (cheap tests first: a big group is never penalised).
    if f.actors.len() >= 2
        && g.actors.len() <= 3
        && f.actors.iter().any(|&a| !has(&g.actors, a))
        && g.actors.iter().any(|a| !f.actors.contains(a))
    {
        s -= 2.0;
    }
    // Place.
    let same_place = f
        .place
        .as_ref()
        .is_some_and(|p| g.places.iter().any(|q| compatible(p, q)));
    if same_place {
        s += 3.0;
        evidence = true;
    }
    // Date.
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
        && let Some(d) = &m.date
        && d.precision >= Some(crate::model::Precision::Month)
        && let (Some(lo), Some(hi)) = (g.lo, g.hi)
        && d.start == Some(lo)
        && d.end == Some(hi)
    {
        s += 1.0;
    }
    // The same sentence of the same document: one event told twice in a row.
    if m.cues.reference && g.sentences.contains(&f.sentence) {
        s += 3.0;
        evidence = true;
    }
    // "The discussions, which lasted …": a definite reference to an event its own article told.
    if m.cues.definite && m.cues.reference && has(&g.docs, f.doc) && fam == g.family {
        s += 1.5;
        evidence = true;
    }
    // The same event noun, pointed at ("the invasion").
    if has(&g.nouns, f.noun) && !f.any {
        if m.cues.definite {
            s += 1.5;
            evidence = true;
        } else {
            s += 0.5;
        }
    }
    let shared_topic = f.topic.iter().filter(|&&w| has(&g.topic, w)).count();
    if shared_topic > 0 {
        let weight = if f.actors.is_empty() { 1.5 } else { 0.75 };
        s += shared_topic.min(2) as f32 * weight;
        evidence = true;
    }
    // Plans of the same people, or plans with a deadline on the same thing.
    if planned && g.planned && !g.past && shared >= 1 {
        s += 1.0;
    }
    if planned && f.deadline && shared_topic > 0 && g.deadlines.contains(&m.kind) {
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

/// The group of each item (None for dropped references).
pub fn membership(groups: &[Group], n: usize) -> Vec<Option<usize>> {
    let mut out = vec![None; n];
    for (g, grp) in groups.iter().enumerate() {
        for &i in &grp.members {
            out[i] = Some(g);
        }
    }
    out
}
