//! From a group of mentions to an [`Event`]: the most precise date its sources support (with the
//! mention and rule that fixed it), past once any source reports it done, everyone who took part,
//! the place most sources name, every outlet, and where they disagree.

use super::Item;
use super::disagree::disagreements;
use crate::extract::events::places::Places;
use crate::model::{DateOrigin, Event, EventKind, Mention, Precision, Status, TimeValue};
use chrono::Datelike;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;

/// Builds the event of one group (its id and title are set later), without its mentions: it
/// returns the members in the order the event's mentions take (document, then position), so that
/// the caller can move the mentions in instead of copying them.
pub fn build(
    members: &[usize],
    why: &[u16],
    items: &[Item],
    places: &Places,
) -> (Event, Vec<usize>) {
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (members[a], members[b]);
        (items[a].doc_key, items[a].m.span).cmp(&(items[b].doc_key, items[b].m.span))
    });
    let bits: Vec<u16> = order
        .iter()
        .map(|&k| why.get(k).copied().unwrap_or(0))
        .collect();
    let order: Vec<usize> = order.into_iter().map(|k| members[k]).collect();
    let its: Vec<&Item> = order.iter().map(|&i| &items[i]).collect();
    let mentions: Vec<&Mention> = its.iter().map(|it| it.m).collect();
    let plan = told_as_plan(&mentions);
    let evidence: Vec<String> = bits
        .iter()
        .zip(&plan)
        .map(|(&b, &p)| {
            let words = super::score::why::words(b);
            if p {
                format!("{words}; a plan, as its article tells the event")
            } else {
                words
            }
        })
        .collect();
    // A bare reference that borrowed its tense from the event says nothing of it, nor does an
    // undated noun its article tells beside the event's plan.
    let borrowed = |k: usize| bits[k] & super::score::why::BORROWED_TENSE != 0 || plan[k];
    let status = if mentions
        .iter()
        .enumerate()
        .any(|(k, m)| m.status == Status::Past && !borrowed(k))
    {
        Status::Past
    } else {
        Status::Planned
    };
    let (date, date_provenance) = pick_date(&its, status);
    let mut outlets: Vec<String> = its
        .iter()
        .map(|it| it.label)
        .collect::<FxHashSet<&str>>()
        .into_iter()
        .map(str::to_string)
        .collect();
    outlets.sort();
    let event = Event {
        id: String::new(),
        title: String::new(),
        kind: pick_kind(&mentions),
        status,
        date,
        date_provenance,
        actors: rank_actors(&mentions),
        place: pick_place(&mentions, places),
        disagreements: disagreements(&its),
        mentions: Vec::new(),
        quotes: Vec::new(),
        outlets,
        evidence,
    };
    (event, order)
}

/// Which mentions of one event (in event order) are plans though told as past: an undated event
/// noun ("Vance's trip", "the meetings", told on the article's day) in an article that tells the
/// event only as a plan with a date of its own ("will meet in Oslo this weekend") and reports
/// nothing of it done (no past verb, no past date): the clause's tense is not the event's.
pub fn told_as_plan(mentions: &[&Mention]) -> Vec<bool> {
    let undated_noun = |m: &Mention| {
        m.status == Status::Past && !m.cues.is_verb && m.cues.date_origin < DateOrigin::Anchor
    };
    let mut docs: FxHashMap<&str, (bool, bool)> = FxHashMap::default();
    for m in mentions {
        let (planned, reported) = docs.entry(m.doc.as_str()).or_default();
        *planned |= m.status == Status::Planned && m.cues.date_origin >= DateOrigin::Anchor;
        *reported |= m.status == Status::Past && !undated_noun(m);
    }
    mentions
        .iter()
        .map(|m| {
            undated_noun(m)
                && docs
                    .get(m.doc.as_str())
                    .is_some_and(|&(planned, reported)| planned && !reported)
        })
        .collect()
}

/// The date: from the strongest origin, the most precise value; ties go to the value most
/// mentions agree with. Only mentions telling the event's status count when it is past.
fn pick_date(its: &[&Item], status: Status) -> (Option<TimeValue>, Option<String>) {
    let mut same: BTreeMap<&str, usize> = BTreeMap::new();
    for it in its {
        if let Some(d) = &it.m.date {
            *same.entry(d.value.as_str()).or_default() += 1;
        }
    }
    let best = its
        .iter()
        .filter(|it| it.m.date.as_ref().is_some_and(TimeValue::is_calendar))
        .filter(|it| status == Status::Planned || it.m.status == Status::Past)
        .max_by(|a, b| {
            let key = |it: &Item| {
                let d = it.m.date.as_ref();
                let agree = d
                    .and_then(|d| same.get(d.value.as_str()))
                    .copied()
                    .unwrap_or(0);
                (
                    it.m.cues.date_origin.min(DateOrigin::Anchor),
                    d.and_then(|d| d.precision),
                    !d.is_some_and(|d| d.approximate),
                    agree,
                    it.m.cues.date_origin,
                )
            };
            key(a)
                .cmp(&key(b))
                // Deterministic among equals: the earliest document, then the earliest offset.
                .then_with(|| (&b.doc_key, b.m.span).cmp(&(&a.doc_key, a.m.span)))
        });
    match best {
        Some(it) => {
            let rule = it.m.date_rule.clone().unwrap_or_default();
            (
                it.m.date.clone().and_then(TimeValue::normalised),
                Some(format!("{} ({}): {rule}", it.label, it.m.text)),
            )
        }
        None => (None, None),
    }
}

/// The kind most non-reference mentions give; "summit" wins when at least a third of the
/// meeting-like reports use it (a summit is often also called a meeting).
fn pick_kind(mentions: &[&Mention]) -> EventKind {
    let strong: Vec<&Mention> = mentions
        .iter()
        .copied()
        .filter(|m| !m.cues.reference)
        .collect();
    let pool: Vec<&Mention> = if strong.is_empty() {
        mentions.to_vec()
    } else {
        strong
    };
    let mut count: BTreeMap<EventKind, usize> = BTreeMap::new();
    for m in &pool {
        *count.entry(m.kind).or_default() += 1;
    }
    let summits = count.get(&EventKind::Summit).copied().unwrap_or(0);
    let meetings = summits
        + count.get(&EventKind::Meeting).copied().unwrap_or(0)
        + count.get(&EventKind::Negotiation).copied().unwrap_or(0);
    if summits > 0 && summits * 3 >= meetings {
        return EventKind::Summit;
    }
    count
        .into_iter()
        .filter(|(k, _)| *k != EventKind::Other || pool.iter().all(|m| m.kind == EventKind::Other))
        .max_by_key(|(k, c)| (*c, std::cmp::Reverse(*k)))
        .map_or(EventKind::Other, |(k, _)| k)
}

/// Everyone who took part, most-mentioned first; being named first in a mention (its subject)
/// counts half a mention more, and the first seen breaks ties.
fn rank_actors(mentions: &[&Mention]) -> Vec<String> {
    let mut order: Vec<(String, usize, usize)> = Vec::new();
    for m in mentions {
        for (i, a) in m.actors.iter().enumerate() {
            let weight = if i == 0 { 3 } else { 2 };
            match order.iter_mut().find(|(n, _, _)| n == a) {
                Some(e) => e.1 += weight,
                None => {
                    let seen = order.len();
                    order.push((a.clone(), weight, seen));
                }
            }
        }
    }
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    order.into_iter().map(|(n, _, _)| n).collect()
}

/// The place most mentions name; a more specific one wins a tie.
fn pick_place(mentions: &[&Mention], places: &Places) -> Option<String> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for m in mentions {
        if let Some(p) = &m.place {
            *count.entry(p.as_str()).or_default() += 1;
        }
    }
    count
        .into_iter()
        .max_by_key(|(p, n)| (*n, places.depth(p), std::cmp::Reverse(*p)))
        .map(|(p, _)| p.to_string())
}

/// "Late last week" in one report, and another written that week telling the event as its news:
/// the day of that report, inside the stated period, is the event's day.
pub fn day_of_report(events: &mut [Event]) {
    for e in events.iter_mut() {
        let Some(d) = &e.date else {
            continue;
        };
        if !matches!(d.precision, Some(Precision::Week | Precision::Month)) {
            continue;
        }
        let (Some(lo), Some(hi)) = (d.start, d.end) else {
            continue;
        };
        // "Late last week" is a guess at part of a week: the whole week is what the report states.
        let (lo, hi) = if d.precision == Some(Precision::Week) && d.approximate {
            let monday = lo - chrono::Days::new(u64::from(lo.weekday().num_days_from_monday()));
            (monday, monday + chrono::Days::new(6))
        } else {
            (lo, hi)
        };
        let mut days: BTreeMap<chrono::NaiveDate, usize> = BTreeMap::new();
        for m in &e.mentions {
            if m.cues.date_origin == DateOrigin::Document
                && m.status == Status::Past
                && let Some(day) = m.date.as_ref().and_then(|x| x.start)
                && day >= lo
                && day <= hi
            {
                *days.entry(day).or_default() += 1;
            }
        }
        let Some((&day, _)) = days
            .iter()
            .max_by_key(|(d, n)| (**n, std::cmp::Reverse(**d)))
        else {
            continue;
        };
        let Some(news) = e.mentions.iter().find(|m| {
            m.cues.date_origin == DateOrigin::Document
                && m.date.as_ref().and_then(|x| x.start) == Some(day)
        }) else {
            continue;
        };
        let was = d.value.clone();
        let text = news.text.clone();
        e.date = Some(TimeValue::day(day));
        e.date_provenance = Some(format!(
            "the day of the report '{text}', inside '{was}' ({})",
            e.date_provenance.as_deref().unwrap_or_default()
        ));
    }
}

/// Events dated only by guesses take the date of the event they happened during or right after
/// ("a call during the talks": the talks' date), when that event's date is stated.
pub fn date_from_anchors(events: &mut [Event]) {
    // Documents as numbers: one copy of each name, not one per mention.
    let mut docs: FxHashMap<String, u32> = FxHashMap::default();
    let mut owner: FxHashMap<(u32, usize), usize> = FxHashMap::default();
    for (g, e) in events.iter().enumerate() {
        for m in &e.mentions {
            let next = docs.len() as u32;
            let doc = match docs.get(m.doc.as_str()) {
                Some(&d) => d,
                None => *docs.entry(m.doc.clone()).or_insert(next),
            };
            owner.insert((doc, m.span.start), g);
        }
    }
    let stated = |e: &Event| {
        e.mentions
            .iter()
            .any(|m| m.cues.date_origin >= DateOrigin::Anchor && m.date == e.date)
    };
    for g in 0..events.len() {
        if stated(&events[g]) || events[g].status != Status::Past {
            continue;
        }
        let target = events[g].mentions.iter().find_map(|m| {
            let (span, rel) = m.cues.anchor.as_ref()?;
            // "The first talks since the tariffs", "a visit before the summit": another time.
            if !matches!(rel.as_str(), "during" | "after" | "then") {
                return None;
            }
            let doc = *docs.get(m.doc.as_str())?;
            let other = *owner.get(&(doc, span.start))?;
            (other != g).then(|| (other, rel.clone(), m.text.clone()))
        });
        if let Some((other, rel, text)) = target
            && stated(&events[other])
        {
            let date = events[other].date.clone();
            let from = events[other]
                .mentions
                .iter()
                .find(|m| m.cues.date_origin >= DateOrigin::Anchor)
                .map(|m| m.text.clone())
                .unwrap_or_default();
            events[g].date = date;
            events[g].date_provenance = Some(format!("{text}: {rel} '{from}'"));
        }
    }
}
