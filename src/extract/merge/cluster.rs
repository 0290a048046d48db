//! Grouping mentions into real events.
//!
//! Mentions are taken strongest first (a stated date before a guessed one, an event before a bare
//! reference); each joins the best-scoring compatible group or, if it can stand alone, starts one.
//! Compatible means: the same kind family, dates that can overlap, places that nest, no clash in the
//! number of parties. The score adds up what makes two reports one event: shared people, a shared
//! place, the same day, the same sentence, the same event noun. Candidates come from an index on
//! people, places, documents and nouns, so a mention is compared only with groups sharing
//! something with it (no all-pairs pass). A bare reference that no group takes in its turn and
//! that cannot stand ("the talks") is tried again once every other mention is placed, against the
//! groups it could have joined then and those its own article told before it.

use super::Item;
use super::blocking::{self, Index};
use super::facts::{self, Facts, Sym};
use super::gate::{Gate, Look, Marks};
use super::score::{self, Glance, Here, JOIN, Named};
use crate::extract::events::places::Places;
use crate::model::{DateOrigin, Status};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

/// Candidate lists at least this long are scored on every core (a mention naming one person and
/// no date can have hundreds of candidate groups on a large archive).
const PARALLEL: usize = 256;

/// How many mentions ahead of the one being compared [`lane`] fetches what it will read.
const PREFETCH: usize = 4;

/// Asks the processor to bring the first cache lines of `x` into its cache.
#[inline]
#[allow(unsafe_code)] // the SAFETY comment below
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        let p = (x as *const T).cast::<i8>();
        let size = std::mem::size_of::<T>().min(256);
        let mut at = 0;
        while at < size {
            // SAFETY: a prefetch is a hint: it reads nothing the program sees and never faults,
            // whatever the address; SSE is part of every x86-64 processor.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(p.wrapping_add(at)) };
            at += 64;
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// A group of mentions believed to tell of one event.
#[derive(Debug, Default)]
pub struct Group {
    pub members: Vec<usize>,
    /// Why each member joined (bits of [`score::why`]), in the order of `members`.
    pub why: Vec<u16>,
    named: Named,
    /// The place in the grouping order of the mention that started it.
    born: usize,
}

/// Adds `x` to the sorted list `set` unless it is there.
fn insert(set: &mut Vec<Sym>, x: Sym) {
    if let Err(at) = set.binary_search(&x) {
        set.insert(at, x);
    }
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
        // "He would visit China": a plan of a named person to a named place.
        if m.status == Status::Planned {
            // "an Aug. 12 deadline": a dated deadline stands on its own.
            let dated_deadline = m.kind == crate::model::EventKind::Deadline
                && m.cues.date_origin == DateOrigin::Clause;
            return m.cues.family != "any"
                && ((m.actors.len() == 1 && m.place.is_some()) || dated_deadline);
        }
        // "high-level talks in London": talks held somewhere are a happening of their own.
        let talks_in_place = m.place.is_some()
            && matches!(
                m.kind,
                crate::model::EventKind::Negotiation
                    | crate::model::EventKind::Summit
                    | crate::model::EventKind::Meeting
            );
        return m.status == Status::Past
            && m.cues.family != "any"
            && ((m.cues.date_origin == DateOrigin::Clause && (m.place.is_some() || named > 0))
                || named >= 2
                || (named == 1 && m.place.is_some())
                || talks_in_place);
    }
    let named = m.actors.len();
    match m.status {
        Status::Past => {
            dated
                || m.place.is_some()
                || named >= 2
                || (named == 1 && m.cues.verb.is_some())
                // "The two sides agreed to extend the truce": a group as the subject of a verb.
                || (m.cues.is_verb && !m.cues.reference && named == 0)
        }
        Status::Planned => {
            named >= 2
                || (named == 1 && m.cues.is_verb)
                || (m.cues.arity.is_some() && named >= 1)
                || m.place.is_some()
                || dated
                || m.cues.details.iter().any(|d| d.field == "deadline")
        }
    }
}

/// Groups the items; returns the groups (member indices into `items`) in creation order.
pub fn cluster(items: &[Item], places: &Places) -> Vec<Group> {
    // The order does not depend on the facts: worked out beside them.
    let ((facts, any, apart), order) = rayon::join(
        || {
            let (facts, any) = facts::facts(items, places);
            let apart = apart_pairs(items, &facts);
            (facts, any, apart)
        },
        || grouping_order(items),
    );
    // Kind families never meet (each mention looks only in its own family's groups) unless a
    // generic reference looks in all of them: without one, the families are grouped in two
    // lanes, one per core, and the groups put back in the order one lane would have made them.
    let lanes = if facts.iter().any(|f| f.any) {
        None
    } else {
        two_lanes(&order, &facts)
    };
    let mut groups = match lanes {
        Some((a, b)) => {
            let (mut a, b) = rayon::join(
                || lane(items, &facts, any, &apart, &a),
                || lane(items, &facts, any, &apart, &b),
            );
            a.extend(b);
            a
        }
        None => lane(items, &facts, any, &apart, &order),
    };
    groups.sort_by_key(|g| g.born);
    groups
}

/// The order mentions are grouped in, strongest first (see the module's comment), each with its
/// place in it.
fn grouping_order(items: &[Item]) -> Vec<(usize, usize)> {
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
    order.into_iter().enumerate().collect()
}

/// The mentions in `order` split by family into two lanes of about the same size (in order), or
/// `None` when one family holds them all.
#[allow(clippy::type_complexity)]
fn two_lanes(
    order: &[(usize, usize)],
    facts: &[Facts],
) -> Option<(Vec<(usize, usize)>, Vec<(usize, usize)>)> {
    let mut sizes: FxHashMap<Sym, usize> = FxHashMap::default();
    for &(_, i) in order {
        *sizes.entry(facts[i].family).or_default() += 1;
    }
    if sizes.len() < 2 {
        return None;
    }
    // The largest families first, each to the lighter lane.
    let mut families: Vec<(Sym, usize)> = sizes.into_iter().collect();
    families.sort_unstable_by_key(|&(f, n)| (std::cmp::Reverse(n), f));
    let (mut first, mut loads): (FxHashMap<Sym, bool>, [usize; 2]) = (FxHashMap::default(), [0, 0]);
    for (f, n) in families {
        let to_first = loads[0] <= loads[1];
        loads[usize::from(!to_first)] += n;
        first.insert(f, to_first);
    }
    let (a, b) = order
        .iter()
        .partition(|&&(_, i)| first.get(&facts[i].family).copied().unwrap_or(true));
    Some((a, b))
}

/// Groups the mentions of `order` (each with its place in the whole order), in that order.
fn lane(
    items: &[Item],
    facts: &[Facts],
    any: Sym,
    apart: &FxHashMap<usize, Vec<usize>>,
    order: &[(usize, usize)],
) -> Vec<Group> {
    let mut member_of: Vec<Option<usize>> = vec![None; items.len()];
    let mut groups: Vec<Group> = Vec::new();
    let mut glances: Vec<Glance> = Vec::new();
    // What the first look reads of each group: the gates for every group met, the marks for
    // those the gates let through.
    let mut gates: Vec<Gate> = Vec::new();
    let mut marks: Vec<Marks> = Vec::new();
    // The last look-up that met each group (a group is filed under several keys).
    let mut seen: Vec<u32> = Vec::new();
    // The groups with a member in each sentence and in each document; `here` holds, for the
    // mention at hand, which groups these are.
    let mut by_sentence: FxHashMap<(Sym, usize, Sym), Vec<u32>> = FxHashMap::default();
    let mut by_doc: FxHashMap<Sym, Vec<u32>> = FxHashMap::default();
    // The groups with a planned (`true`) or a past member in each document.
    let mut by_doc_tense: FxHashMap<(Sym, bool), Vec<u32>> = FxHashMap::default();
    let mut here: Vec<Here> = Vec::new();
    let mut index = Index::default();
    let mut candidates = Vec::new();
    // The groups met by one look-up, each once (a look-up walks at most `MAX_WALK` entries).
    let mut met: Vec<u32> = vec![0; blocking::MAX_WALK];
    // Numbers the look-ups, for the gates' `seen` stamps.
    let mut look_up: u32 = 0;
    let mut families: BTreeSet<Sym> = BTreeSet::new();
    // Where each group's first member in each document starts.
    let mut told_first: FxHashMap<(usize, Sym), usize> = FxHashMap::default();
    let debug = tracing::enabled!(target: "attache::debug::merge", tracing::Level::DEBUG);
    // The mentions in grouping order, then the bare references no group took when their turn
    // came, each with the number of groups there were then: see below.
    let mut work: Vec<(usize, usize, Option<usize>)> =
        order.iter().map(|&(b, i)| (b, i, None)).collect();
    let mut k = 0;
    while let Some(&(born, i, again)) = work.get(k) {
        k += 1;
        // The mentions are taken in grouping order, not where they lie: what the next ones read
        // is fetched while this one is compared.
        if let Some(&(_, next, _)) = work.get(k - 1 + PREFETCH) {
            let f = &facts[next];
            prefetch(f);
            for v in [&f.actors, &f.sentence_actors, &f.topic] {
                if let Some(x) = v.first() {
                    prefetch(x);
                }
            }
            prefetch(items[next].m);
            prefetch(&items[next].m.cues);
        }
        let (it, f) = (&items[i], &facts[i]);
        // A generic reference ("the tensions") may join a group of any family.
        let all: Vec<Sym>;
        let look_in: &[Sym] = if f.any {
            all = families.iter().copied().collect();
            &all
        } else {
            std::slice::from_ref(&f.family)
        };
        let in_sentence = by_sentence.get(&f.sentence).map_or(&[][..], Vec::as_slice);
        let in_doc = by_doc.get(&f.doc).map_or(&[][..], Vec::as_slice);
        for &g in in_sentence {
            here[g as usize].sentence = true;
        }
        for &g in in_doc {
            here[g as usize].doc = true;
        }
        let in_doc_tense = by_doc_tense
            .get(&(f.doc, f.planned))
            .map_or(&[][..], Vec::as_slice);
        for &g in in_doc_tense {
            here[g as usize].doc_tense = true;
        }
        // The groups the first look lets through, with the date part of their score. A mention
        // no group could give evidence for compares with none (it may still stand).
        candidates.clear();
        if let Some(look) = Look::of(it, f, any) {
            look_up = look_up.wrapping_add(1);
            if look_up == 0 {
                seen.iter_mut().for_each(|s| *s = 0);
                look_up = 1;
            }
            // In three passes, each without a branch on the data: the groups not met yet by this
            // look-up, those their gate lets in, and their bounds. The loads of one pass do not
            // wait on the branches of the previous entry.
            let mut n = 0;
            index.candidates(f, look_in, look.noun_alone_can_join(), |list| {
                for &g in list {
                    let stamp = &mut seen[g as usize];
                    let new = *stamp != look_up;
                    *stamp = look_up;
                    met[n] = g;
                    n += usize::from(new);
                }
            });
            let kept = look.keep_let_in(&gates, &here, &mut met[..n]);
            for &g in &met[..kept] {
                let g = g as usize;
                if let Some(date) = look.bound(&marks[g], here[g]) {
                    candidates.push((g, date));
                }
            }
        }
        let apart_from = apart.get(&i).map_or(&[][..], Vec::as_slice);
        // Tried again, a bare reference may take the events it could take in its turn, and those
        // its article told before it (it points back): not one told only after it.
        let told_before = |g: usize| match again {
            None => true,
            Some(then) => {
                g < then
                    || told_first
                        .get(&(g, f.doc))
                        .is_some_and(|&at| at < it.m.span.start)
            }
        };
        let fit = |(g, date): (usize, f32)| {
            if apart_from.iter().any(|&j| member_of[j] == Some(g)) || !told_before(g) {
                return None;
            }
            score::full(it, f, &glances[g], &groups[g].named, here[g], date)
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
                .map(|&(g, _)| {
                    let n = &groups[g].named;
                    (g, score::score(it, f, &glances[g], n, here[g], any))
                })
                .collect();
            tracing::debug!(
                target: "attache::debug::merge",
                "merge {:?} {:?} -> {:?} of {:?}",
                it.m.doc, it.m.text, best, all
            );
        }
        // A reference no group takes ("the conversation lasted an hour") stands for the event of
        // its own kind that its own article tells, when one fits at all.
        let scored = best.is_some();
        // A bare reference that cannot stand on its own waits until every other mention is
        // placed: "the talks" may be the talks its article names after it.
        if !scored && again.is_none() && it.m.cues.reference && !f.any && !stands(it) {
            for &g in in_sentence.iter().chain(in_doc).chain(in_doc_tense) {
                here[g as usize] = Here::default();
            }
            work.push((born, i, Some(groups.len())));
            continue;
        }
        let best = best.or_else(|| {
            if !it.m.cues.reference || f.any {
                return None;
            }
            let own: Vec<usize> = in_doc
                .iter()
                .map(|&g| g as usize)
                .filter(|&g| glances[g].family == f.family && told_before(g))
                .filter(|&g| !apart_from.iter().any(|&j| member_of[j] == Some(g)))
                .collect();
            own.iter()
                .filter_map(|&g| {
                    score::score(it, f, &glances[g], &groups[g].named, here[g], any).map(|s| (g, s))
                })
                .max_by(better)
                .or_else(|| {
                    // "The meetings, scheduled for Saturday": a definite bare reference takes
                    // its tense from the event it points at, so it is not held to its own.
                    if !it.m.cues.definite || !it.m.actors.is_empty() || it.m.place.is_some() {
                        return None;
                    }
                    let window = f.window;
                    own.iter()
                        .copied()
                        .filter(|&g| {
                            let gl = &glances[g];
                            let lo = window.0.max(gl.lo);
                            let hi = match (window.1, gl.hi) {
                                (Some(a), Some(b)) => Some(a.min(b)),
                                (a, b) => a.or(b),
                            };
                            !matches!((lo, hi), (Some(l), Some(h)) if l > h)
                                || score::soon_planned(it, f, gl, here[g])
                        })
                        .max_by_key(|&g| (groups[g].members.len(), std::cmp::Reverse(g)))
                        .map(|g| (g, f32::NEG_INFINITY))
                })
        });
        let why = match best {
            Some((g, s)) => {
                let own = match (scored, s == f32::NEG_INFINITY) {
                    (true, _) => 0,
                    (false, false) => score::why::OWN_ARTICLE,
                    (false, true) => score::why::OWN_ARTICLE | score::why::BORROWED_TENSE,
                };
                score::evidence(it, f, &glances[g], &groups[g].named, here[g]) | own
            }
            // A statement taking its medium from its article says so even when it comes first.
            None if f.inherited => score::why::STARTED | score::why::MEDIUM,
            None => score::why::STARTED,
        };
        for &g in in_sentence.iter().chain(in_doc).chain(in_doc_tense) {
            here[g as usize] = Here::default();
        }
        let g = match best {
            Some((g, _)) => g,
            None if stands(it) => {
                groups.push(Group {
                    born,
                    ..Group::default()
                });
                glances.push(Glance {
                    family: f.family,
                    ..Glance::default()
                });
                gates.push(Gate::of(&glances[glances.len() - 1]));
                marks.push(Marks::of(&glances[glances.len() - 1]));
                seen.push(0);
                here.push(Here::default());
                groups.len() - 1
            }
            None => continue,
        };
        add(&mut groups[g], &mut glances[g], i, it, f, any);
        groups[g].why.push(why);
        gates[g] = Gate::of(&glances[g]);
        marks[g] = Marks::of(&glances[g]);
        for list in [
            by_sentence.entry(f.sentence).or_default(),
            by_doc.entry(f.doc).or_default(),
            by_doc_tense.entry((f.doc, f.planned)).or_default(),
        ] {
            if !list.contains(&(g as u32)) {
                list.push(g as u32);
            }
        }
        member_of[i] = Some(g);
        told_first
            .entry((g, f.doc))
            .and_modify(|at| *at = (*at).min(it.m.span.start))
            .or_insert(it.m.span.start);
        let family = glances[g].family;
        index.file(g, f, family, (glances[g].lo, glances[g].hi));
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

fn add(group: &mut Group, g: &mut Glance, i: usize, it: &Item, f: &Facts, any: Sym) {
    let m = it.m;
    group.members.push(i);
    let n = &mut group.named;
    if g.family == any {
        g.family = f.family;
    }
    let (lo, hi) = f.window;
    if f.stated || lo.is_some() || hi.is_some() {
        let new_lo = match (g.lo, lo) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let new_hi = match (g.hi, hi) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        // A member whose window misses the group's (a past noun that joined its article's plan
        // for the coming week: see `score::soon_planned`) leaves the group's window as it was.
        if !matches!((new_lo, new_hi), (Some(l), Some(h)) if l > h) {
            g.lo = new_lo;
            g.hi = new_hi;
        }
    }
    g.mark(f);
    g.day = g.day.or(f.stated_day);
    g.soft = g.soft.or(f.soft_day);
    g.dated_article |= it.dct.is_some();
    for &a in &f.actors {
        insert(&mut n.actors, a);
    }
    if let Some(p) = &f.place
        && !n.places.iter().any(|q| q.first() == p.first())
    {
        n.places.push(p.clone());
    }
    if f.planned {
        g.arity = g.arity.or(m.cues.arity);
        g.planned = true;
    } else {
        g.past = true;
    }
    insert(&mut n.nouns, f.noun);
    for &w in &f.topic {
        insert(&mut n.topic, w);
    }
    if f.deadline && !n.deadlines.contains(&m.kind) {
        n.deadlines.push(m.kind);
    }
    if let Some(c) = f.channel {
        insert(&mut n.channels, c);
    }
    if let Some(o) = f.ordinal
        && !n.ordinals.contains(&o)
    {
        n.ordinals.push(o);
    }
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

#[cfg(test)]
#[path = "cluster_tests.rs"]
mod tests;
