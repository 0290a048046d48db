//! Dating mentions whose clause has no date: from the event they happened during ("a call during
//! the talks on Monday"), from an earlier sentence of the paragraph, or from the document's news
//! day — each with a weaker [`DateOrigin`], so that the merge prefers a date some source states.

use super::context::DocContext;
use super::draft::Draft;
use super::segment::{Joint, Segment};
use super::tokens::Token;
use crate::model::{DateOrigin, Mention, Precision, Status, TimeValue};
use chrono::NaiveDate;

/// Pairs (mention, related mention, relation) within one sentence, as indices into `drafts`:
/// "X during Y", "X, following Y", and fronted "During Y, X".
/// The event a relation clause names is the one its relation word governs ("before the summit",
/// "after his call with X"); an event noun further in, past a verb of the clause ("before
/// returning to brief them on their conversation"), is not the related event.
pub fn relations(
    tokens: &[Token],
    segs: &[Segment],
    drafts: &[Draft],
) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    // The first draft of each clause, and whether its relation word governs it: worked out once
    // per clause, not once per draft that asks.
    let governed = |r: &Draft| {
        let from = segs[r.seg].tokens.start;
        !tokens[from..r.head_tok.min(tokens.len())]
            .iter()
            .skip(1)
            .any(|t| {
                t.lower == "to"
                    || (t.is_word
                        && t.lower.len() > 4
                        && t.lower.ends_with("ing")
                        && !matches!(
                            t.lower.as_str(),
                            "ongoing" | "upcoming" | "following" | "outgoing" | "preceding"
                        ))
            })
    };
    let mut first: Vec<Option<usize>> = vec![None; segs.len()];
    for (k, r) in drafts.iter().enumerate().rev() {
        if let Some(f) = first.get_mut(r.seg) {
            *f = Some(k);
        }
    }
    let first: Vec<Option<usize>> = first
        .into_iter()
        .map(|f| f.filter(|&k| governed(&drafts[k])))
        .collect();
    for (i, d) in drafts.iter().enumerate() {
        let related = |s: usize| first.get(s).copied().flatten();
        // X followed by a relation clause about Y.
        let last_in_seg = drafts.get(i + 1).is_none_or(|n| n.seg != d.seg);
        if last_in_seg
            && let Some(next) = segs.get(d.seg + 1)
            && let Joint::Relation(rel) = &next.joint
            && let Some(r) = related(d.seg + 1)
        {
            out.push((i, r, rel.clone()));
        }
        // "During Y, X": a fronted relation clause.
        if d.seg == 1
            && segs[1].joint == Joint::Comma
            && let Joint::Relation(rel) = &segs[0].joint
            && let Some(r) = related(0)
        {
            out.push((i, r, rel.clone()));
        }
    }
    out
}

/// Dates the undated mentions of one document, in place.
pub fn date_document(
    ctx: &DocContext,
    mentions: &mut [Mention],
    anchors: &[(usize, usize, String)],
    lede_end: usize,
) {
    for (m, a, rel) in anchors {
        let anchor_span = mentions[*a].span;
        mentions[*m].cues.anchor = Some((anchor_span, rel.clone()));
        let (src_date, src_origin, src_text) = {
            let r = &mentions[*a];
            (r.date.clone(), r.cues.date_origin, r.text.clone())
        };
        let src_place = mentions[*a].place.clone();
        let target = &mut mentions[*m];
        if rel == "during" && target.place.is_none() {
            target.place = src_place;
        }
        // Only "during" shares a date; "after" only says which came first.
        if rel == "during"
            && target.cues.date_origin < DateOrigin::Anchor
            && src_origin >= DateOrigin::Report
            && target.status == Status::Past
            && let Some(d) = src_date
        {
            target.date = Some(d);
            target.cues.date_origin = DateOrigin::Anchor;
            target.date_rule = Some(format!("{rel} '{src_text}'"));
        }
    }
    let news_day = news_day(ctx, mentions, lede_end);
    // The nearest earlier mention of the paragraph that states a date, and the nearest one of
    // another sentence than that one: found as the mentions are walked, not by looking back
    // (a paragraph can hold thousands of mentions).
    let mut near: Option<usize> = None;
    let mut near_other: Option<usize> = None;
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if near.is_some_and(|p| mentions[p].cues.paragraph != m.cues.paragraph) {
            near = None;
            near_other = None;
        }
        let qualifies = m.cues.date_origin >= DateOrigin::Report && m.status == Status::Past;
        let before = (near, near_other);
        if qualifies {
            if near.is_some_and(|p| mentions[p].cues.sentence != m.cues.sentence) {
                near_other = near;
            }
            near = Some(i);
        }
        if m.cues.date_origin != DateOrigin::None || m.status != Status::Past {
            continue;
        }
        // Clauses about another, earlier event and events marked as earlier ones get no default.
        let earlier = m.cues.relation.is_some()
            || matches!((m.cues.not_after, ctx.dct), (Some(a), Some(d)) if a < d);
        if earlier {
            continue;
        }
        // A statement is reported as made on the news day unless its own clause dates it.
        let statement = m.kind == crate::model::EventKind::Statement;
        let context = match before {
            _ if statement => None,
            (Some(p), _) if mentions[p].cues.sentence != m.cues.sentence => Some(p),
            (_, other) => other,
        };
        if let Some(p) = context {
            let (date, text) = (mentions[p].date.clone(), mentions[p].text.clone());
            let m = &mut mentions[i];
            m.date = date;
            m.cues.date_origin = DateOrigin::Context;
            m.date_rule = Some(format!("date of '{text}' earlier in the paragraph"));
        } else if let Some(day) = news_day {
            let m = &mut mentions[i];
            m.date = Some(TimeValue::day(day));
            m.cues.date_origin = DateOrigin::Document;
            m.date_rule = Some("the document's news day".to_string());
        }
    }
    // "X told reporters after he met Y": remarks made after an event come right after it, so the
    // event is dated (as a guess) by the remarks' day.
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.cues.relation.as_deref() != Some("after")
            || m.cues.date_origin != DateOrigin::None
            || m.status != Status::Past
            || m.kind == crate::model::EventKind::Statement
        {
            continue;
        }
        let said = mentions.iter().find(|r| {
            r.kind == crate::model::EventKind::Statement
                && r.cues.sentence == m.cues.sentence
                && r.span.end <= m.span.start
                && r.status == Status::Past
                && r.cues.date_origin >= DateOrigin::Document
                && r.date
                    .as_ref()
                    .is_some_and(|d| d.precision == Some(Precision::Day))
        });
        if let Some(r) = said {
            let (date, text) = (r.date.clone(), r.text.clone());
            let m = &mut mentions[i];
            m.date = date;
            m.cues.date_origin = DateOrigin::Context;
            m.date_rule = Some(format!("just before '{text}'"));
        }
    }
}

/// The day the document's news happened. The lede (its first sentences, ending at byte
/// `lede_end`) tells the news: a day it states in the week before publication is that day; an
/// undated lede event is dated by a later mention of its kind that states a day in that week,
/// else it happened on the publication date (a recalled "the day before" elsewhere does not move
/// it). A document whose lede tells no event falls back on the latest day in that week that some
/// past event is stated to have happened on, else the publication date.
pub fn news_day(ctx: &DocContext, mentions: &[Mention], lede_end: usize) -> Option<NaiveDate> {
    let dct = ctx.dct?;
    let week_before = dct.checked_sub_days(chrono::Days::new(7))?;
    let stated_day = |m: &Mention| {
        (m.status == Status::Past && m.cues.date_origin >= DateOrigin::Report)
            .then_some(m.date.as_ref())
            .flatten()
            .filter(|d| d.precision == Some(Precision::Day))
            .and_then(|d| d.start)
            .filter(|s| *s >= week_before && *s <= dct)
    };
    let lede: Vec<&Mention> = mentions
        .iter()
        .take_while(|m| m.span.start < lede_end)
        .filter(|m| m.status == Status::Past && !m.cues.reference && m.cues.relation.is_none())
        .collect();
    if let Some(day) = lede.iter().find_map(|m| stated_day(m)) {
        return Some(day);
    }
    let news = lede
        .iter()
        .find(|m| {
            m.kind != crate::model::EventKind::Statement && m.cues.date_origin == DateOrigin::None
        })
        .or_else(|| lede.iter().find(|m| m.cues.date_origin == DateOrigin::None));
    if let Some(news) = news {
        let later = mentions
            .iter()
            .filter(|m| m.span.start >= lede_end && m.kind == news.kind)
            .filter_map(stated_day)
            .max();
        return later.or(Some(dct));
    }
    mentions.iter().filter_map(stated_day).max().or(Some(dct))
}
