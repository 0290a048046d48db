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
use super::blocking::Index;
use crate::extract::events::places::Places;
use crate::model::{DateOrigin, Status};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap, HashSet};

/// Least score for a mention to join a group.
const JOIN: f32 = 2.5;

/// A group of mentions believed to tell of one event.
#[derive(Debug, Default)]
pub struct Group {
    pub members: Vec<usize>,
    family: String,
    /// The stated dates' common window.
    lo: Option<NaiveDate>,
    hi: Option<NaiveDate>,
    /// A stated day, when some member states one.
    day: Option<NaiveDate>,
    /// A guessed day (news day), when no member states one.
    soft: Option<NaiveDate>,
    actors: BTreeSet<String>,
    places: Vec<String>,
    /// Parties of a planned event ("bilateral"); past events are not split by it.
    arity: Option<u8>,
    past: bool,
    planned: bool,
    nouns: BTreeSet<String>,
    topic: BTreeSet<String>,
    /// (document, sentence start, family) of every member, for "told twice in one sentence".
    sentences: HashSet<(String, usize, String)>,
    /// Documents of the members.
    docs: HashSet<String>,
    /// Kinds of members that state a deadline.
    deadlines: BTreeSet<crate::model::EventKind>,
}

/// A mention's window of possible dates: the stated period within its bounds.
fn window(it: &Item) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let c = &it.m.cues;
    let (mut lo, mut hi) = (c.not_before, c.not_after);
    if c.date_origin >= DateOrigin::Anchor
        && let Some(d) = &it.m.date
        && let (Some(s), Some(e)) = (d.start, d.end)
    {
        let slack = if d.approximate {
            chrono::Days::new(((e - s).num_days().max(30) / 2) as u64 + 45)
        } else {
            chrono::Days::new(0)
        };
        let s = s.checked_sub_days(slack).unwrap_or(s);
        let e = e.checked_add_days(slack).unwrap_or(e);
        lo = Some(lo.map_or(s, |l| l.max(s)));
        hi = Some(hi.map_or(e, |h| h.min(e)));
    }
    (lo, hi)
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

fn stated_day(it: &Item) -> Option<NaiveDate> {
    let d = it.m.date.as_ref()?;
    (it.m.cues.date_origin >= DateOrigin::Anchor && d.start == d.end && !d.approximate)
        .then_some(d.start)
        .flatten()
}

fn soft_day(it: &Item) -> Option<NaiveDate> {
    let d = it.m.date.as_ref()?;
    (it.m.cues.date_origin < DateOrigin::Anchor && d.start == d.end)
        .then_some(d.start)
        .flatten()
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
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| {
        let it = &items[i];
        let m = it.m;
        let tier = match (m.cues.reference, m.cues.date_origin >= DateOrigin::Anchor) {
            (false, true) => 0,
            (false, false) => 1,
            (true, true) => 2,
            (true, false) => 3,
        };
        let precision = m.date.as_ref().and_then(|d| d.precision);
        (
            tier,
            std::cmp::Reverse(precision),
            it.doc_key.clone(),
            m.span.start,
        )
    });
    let apart = apart_pairs(items);
    let mut member_of: Vec<Option<usize>> = vec![None; items.len()];
    let mut groups: Vec<Group> = Vec::new();
    let mut index = Index::default();
    let mut families: BTreeSet<String> = BTreeSet::new();
    let debug = std::env::var_os("ATTACHE_DEBUG_MERGE").is_some();
    for i in order {
        let it = &items[i];
        // A generic reference ("the tensions") may join a group of any family.
        let look_in: Vec<String> = if it.m.cues.family == "any" {
            families.iter().cloned().collect()
        } else {
            vec![it.m.cues.family.clone()]
        };
        let candidates = index.candidates(it, places, &look_in, window(it));
        let best = candidates
            .iter()
            .copied()
            .filter(|&g| {
                !apart
                    .get(&i)
                    .is_some_and(|v| v.iter().any(|&j| member_of[j] == Some(g)))
            })
            .filter_map(|g| score(it, &groups[g], places).map(|s| (g, s)))
            .filter(|(_, s)| *s >= JOIN)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if debug {
            let all: Vec<_> = candidates
                .iter()
                .map(|&g| (g, score(it, &groups[g], places)))
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
                    family: it.m.cues.family.clone(),
                    ..Group::default()
                });
                groups.len() - 1
            }
            None => continue,
        };
        add(&mut groups[g], i, it);
        member_of[i] = Some(g);
        let family = groups[g].family.clone();
        index.file(g, it, places, &family, (groups[g].lo, groups[g].hi));
        families.insert(family);
    }
    groups
}

fn has_deadline(m: &crate::model::Mention) -> bool {
    m.cues.details.iter().any(|d| d.field == "deadline")
}

/// Mentions their text tells apart: "X followed Y", "X during Y", "since Y" — never one event.
fn apart_pairs(items: &[Item]) -> HashMap<usize, Vec<usize>> {
    let mut at: HashMap<(&str, usize), usize> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        at.insert((it.m.doc.as_str(), it.m.span.start), i);
    }
    let mut out: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        // "X, followed by Y" may be two parts of one event; the other relations are not.
        if let Some((span, rel)) = &it.m.cues.anchor
            && rel != "then"
            && let Some(&j) = at.get(&(it.m.doc.as_str(), span.start))
        {
            out.entry(i).or_default().push(j);
            out.entry(j).or_default().push(i);
        }
    }
    out
}

fn add(g: &mut Group, i: usize, it: &Item) {
    let m = it.m;
    g.members.push(i);
    if g.family == "any" {
        g.family = m.cues.family.clone();
    }
    let (lo, hi) = window(it);
    if m.cues.date_origin >= DateOrigin::Anchor || lo.is_some() || hi.is_some() {
        g.lo = match (g.lo, lo) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        g.hi = match (g.hi, hi) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    g.day = g.day.or(stated_day(it));
    g.soft = g.soft.or(soft_day(it));
    g.actors.extend(m.actors.iter().cloned());
    if let Some(p) = &m.place
        && !g.places.contains(p)
    {
        g.places.push(p.clone());
    }
    if m.status == Status::Planned {
        g.arity = g.arity.or(m.cues.arity);
        g.planned = true;
    } else {
        g.past = true;
    }
    g.nouns.insert(m.cues.noun.clone());
    g.topic.extend(m.cues.topic.iter().cloned());
    g.sentences
        .insert((m.doc.clone(), m.cues.sentence.start, m.cues.family.clone()));
    g.docs.insert(m.doc.clone());
    if has_deadline(m) {
        g.deadlines.insert(m.kind);
    }
}

/// How well a mention fits a group, or None when it cannot be the same event.
fn score(it: &Item, g: &Group, places: &Places) -> Option<f32> {
    let m = it.m;
    let fam = &m.cues.family;
    if fam != "any" && g.family != "any" && *fam != g.family {
        return None;
    }
    // A generic reference ("the tensions") only joins by the time it names.
    if fam == "any" && m.cues.date_origin < DateOrigin::Anchor {
        return None;
    }
    if !overlaps(window(it), (g.lo, g.hi)) {
        return None;
    }
    if let Some(p) = &m.place
        && g.places.iter().any(|q| !places.compatible(p, q))
    {
        return None;
    }
    let planned = m.status == Status::Planned;
    if planned
        && let (Some(a), Some(b)) = (m.cues.arity, g.arity)
        && a != b
    {
        return None;
    }
    let mut s = 0.0f32;
    let mut evidence = false;
    // People.
    let shared = m.actors.iter().filter(|a| g.actors.contains(*a)).count();
    if shared >= 2 {
        s += 3.0;
        evidence = true;
    } else if shared == 1 {
        s += 1.5;
        evidence = true;
    } else if m.actors.is_empty() && m.cues.sentence_actors.iter().any(|a| g.actors.contains(a)) {
        s += 1.0;
        evidence = true;
    }
    // Two different sets of people (cheap tests first: a big group is never penalised).
    if m.actors.len() >= 2
        && g.actors.len() <= 3
        && m.actors.iter().any(|a| !g.actors.contains(a))
        && g.actors.iter().any(|a| !m.actors.contains(a))
    {
        s -= 2.0;
    }
    // Place.
    if let Some(p) = &m.place
        && g.places.iter().any(|q| places.compatible(p, q))
    {
        s += 3.0;
        evidence = true;
    }
    // Date.
    let stated = m.cues.date_origin >= DateOrigin::Anchor;
    match (stated_day(it), g.day, soft_day(it)) {
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
    if m.cues.reference
        && g.sentences
            .contains(&(m.doc.clone(), m.cues.sentence.start, fam.clone()))
    {
        s += 3.0;
        evidence = true;
    }
    // "The discussions, which lasted …": a definite reference to an event its own article told.
    if m.cues.definite && m.cues.reference && g.docs.contains(&m.doc) && *fam == g.family {
        s += 1.5;
        evidence = true;
    }
    // The same event noun, pointed at ("the invasion").
    if g.nouns.contains(&m.cues.noun) && m.cues.family != "any" {
        if m.cues.definite {
            s += 1.5;
            evidence = true;
        } else {
            s += 0.5;
        }
    }
    let shared_topic = m.cues.topic.iter().filter(|w| g.topic.contains(*w)).count();
    if shared_topic > 0 {
        let weight = if m.actors.is_empty() { 1.5 } else { 0.75 };
        s += shared_topic.min(2) as f32 * weight;
        evidence = true;
    }
    // Plans of the same people, or plans with a deadline on the same thing.
    if planned && g.planned && !g.past && shared >= 1 {
        s += 1.0;
    }
    if planned && has_deadline(m) && shared_topic > 0 && g.deadlines.contains(&m.kind) {
        s += 1.0;
    }
    // A plan and a report of the thing done are one event only with a place or day in common.
    let crosses = (planned && g.past) || (!planned && !g.past);
    if crosses {
        let same_place = m
            .place
            .as_ref()
            .is_some_and(|p| g.places.iter().any(|q| places.compatible(p, q)));
        let same_day = stated_day(it).is_some_and(|d| g.day == Some(d));
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
