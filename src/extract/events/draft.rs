//! From trigger words to mention drafts: which triggers of a clause describe one event ("hosted an
//! unprecedented gathering" is one meeting), and which words of the clause belong to which event
//! when a clause names two ("called Y to begin arranging a meeting with Z").

use super::context::DocContext;
use super::lexicon::{Class, Hit};
use super::segment::{Joint, Segment};
use super::tokens::{Token, index_at};
use std::ops::Range;

/// One event mention in the making: its trigger words and the tokens that describe it.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Index of the clause in the sentence's segments.
    pub seg: usize,
    /// The tokens describing this event.
    pub region: Range<usize>,
    /// The trigger that names the event.
    pub head: Hit,
    pub hits: Vec<Hit>,
    /// Token index of the head trigger.
    pub head_tok: usize,
    /// Neighbouring clauses that only list people ("The meeting included: A, B, C").
    pub lists: Vec<Range<usize>>,
}

/// Most words between two triggers that still name one event ("hosted an unprecedented gathering").
const MAX_GAP: usize = 4;

/// Drafts for the event triggers of one sentence.
pub fn drafts(ctx: &DocContext, tokens: &[Token], segs: &[Segment], hits: &[Hit]) -> Vec<Draft> {
    let lx = ctx.lx;
    let mut out: Vec<Draft> = Vec::new();
    for (si, seg) in segs.iter().enumerate() {
        let mut groups: Vec<Vec<(Hit, usize)>> = Vec::new();
        for h in hits {
            let t = lx.trigger(*h);
            if t.class == Class::Reporting {
                continue;
            }
            let ti = index_at(tokens, h.span.start);
            if !seg.tokens.contains(&ti) {
                continue;
            }
            let end_tok = index_at(tokens, h.span.end);
            if t.object && !has_actor_object(ctx, tokens, end_tok) {
                continue;
            }
            if agrees_to_other_event(ctx, tokens, hits, h) {
                continue;
            }
            let joins = groups.last().and_then(|g| g.last()).is_some_and(|&(p, _)| {
                let gap = ti.saturating_sub(index_at(tokens, p.span.end));
                gap <= MAX_GAP && lx.trigger(p).family == t.family
            });
            if joins {
                if let Some(g) = groups.last_mut() {
                    g.push((*h, ti));
                }
            } else {
                groups.push(vec![(*h, ti)]);
            }
        }
        let mut starts: Vec<usize> = Vec::new();
        for (gi, g) in groups.iter().enumerate() {
            let first = g[0].1;
            let start = if gi == 0 {
                seg.tokens.start
            } else {
                let prev_end = groups[gi - 1].last().map_or(first, |&(_, i)| i + 1);
                np_start(ctx, tokens, first, prev_end)
            };
            starts.push(start);
        }
        for (gi, g) in groups.into_iter().enumerate() {
            let end = starts.get(gi + 1).copied().unwrap_or(seg.tokens.end);
            // A verb that tells the event names it ("strikes killed four": the killing), else
            // the first strong word.
            let strong = |h: &Hit| lx.trigger(*h).class == Class::Strong;
            let (head, head_tok) = g
                .iter()
                .copied()
                .find(|(h, _)| strong(h) && lx.trigger(*h).pos == super::lexicon::Pos::Verb)
                .or_else(|| g.iter().copied().find(|(h, _)| strong(h)))
                .unwrap_or(g[0]);
            out.push(Draft {
                seg: si,
                region: starts[gi]..end.max(starts[gi] + 1),
                head,
                hits: g.into_iter().map(|(h, _)| h).collect(),
                head_tok,
                lists: Vec::new(),
            });
        }
    }
    attach_lists(ctx, tokens, segs, &mut out);
    out
}

/// "Vance agreed to meet Holt", "agreed to a summit": an agreement verb whose object is a meeting
/// or a call tells of that event's plan, not of an agreement ("agreed to free prisoners" is one).
fn agrees_to_other_event(ctx: &DocContext, tokens: &[Token], hits: &[Hit], h: &Hit) -> bool {
    let lx = ctx.lx;
    let t = lx.trigger(*h);
    if t.family != "agreement" || t.pos != super::lexicon::Pos::Verb {
        return false;
    }
    let form = h.span.slice(ctx.text);
    if !form.to_ascii_lowercase().contains("agree") {
        return false;
    }
    let end = index_at(tokens, h.span.end);
    hits.iter().any(|o| {
        let ot = lx.trigger(*o);
        let at = index_at(tokens, o.span.start);
        at >= end && at <= end + 4 && matches!(ot.family.as_str(), "meeting" | "call")
    })
}

/// Where the noun phrase holding the trigger at `tok` starts (not before `floor`): the words
/// before a trigger up to a preposition, a verb or punctuation belong to it.
pub fn np_start(ctx: &DocContext, tokens: &[Token], tok: usize, floor: usize) -> usize {
    let lx = ctx.lx;
    let mut i = tok;
    while i > floor {
        let t = &tokens[i - 1];
        let breaks = !t.is_word
            || matches!(
                t.lower.as_str(),
                "to" | "of"
                    | "with"
                    | "for"
                    | "by"
                    | "from"
                    | "on"
                    | "in"
                    | "at"
                    | "that"
                    | "which"
                    | "who"
                    | "or"
                    | "but"
                    | "as"
                    | "than"
                    | "about"
                    | "over"
                    | "regarding"
                    | "concerning"
                    | "amid"
            )
            || lx.past_verbs.contains(t.lower.as_str())
            || lx.trigger_word(&t.lower)
            || lx.relations.contains(&t.lower);
        if breaks {
            break;
        }
        i -= 1;
    }
    i
}

/// Whether an actor is named right after a verb like "called" ("called Holt", not "called Holt a
/// liar" nor "calling the port deal"): the object must be a person or body and end the phrase.
fn has_actor_object(ctx: &DocContext, tokens: &[Token], after: usize) -> bool {
    let Some(next) = tokens.get(after) else {
        return false;
    };
    let window_end = tokens
        .get(after + 3)
        .map_or(usize::MAX, |t| t.span.start + 1);
    let Some(obj) = ctx
        .actors_in(crate::model::Span::new(next.span.start, window_end))
        .iter()
        .next()
    else {
        return false;
    };
    // Only titles or adverbs may stand between the verb and the name.
    let obj_tok = index_at(tokens, obj.span.start);
    if tokens[after..obj_tok]
        .iter()
        .any(|t| !t.is_word || matches!(t.lower.as_str(), "the" | "a" | "an" | "for" | "on"))
    {
        return false;
    }
    let follow = tokens.get(index_at(tokens, obj.span.end));
    match follow {
        None => true,
        Some(f) if !f.is_word => !matches!(f.lower.as_str(), "“" | "\"" | "'" | "‘"),
        Some(f) => {
            matches!(
                f.lower.as_str(),
                "and"
                    | "to"
                    | "for"
                    | "on"
                    | "at"
                    | "in"
                    | "about"
                    | "before"
                    | "after"
                    | "following"
                    | "during"
                    | "by"
                    | "over"
                    | "from"
                    | "last"
                    | "this"
                    | "earlier"
                    | "later"
                    | "again"
                    | "directly"
                    | "twice"
            ) || ctx.in_timex(f.span.start)
        }
    }
}

/// Clauses that only list people ("…: A, B and C") add those people to the event before them.
fn attach_lists(ctx: &DocContext, tokens: &[Token], segs: &[Segment], drafts: &mut [Draft]) {
    for (si, seg) in segs.iter().enumerate() {
        if seg.reporting
            || !matches!(seg.joint, Joint::Colon | Joint::Comma)
            || drafts.iter().any(|d| d.seg == si)
        {
            continue;
        }
        let Some(first) = tokens.get(seg.tokens.start) else {
            continue;
        };
        let Some(last) = tokens.get(seg.tokens.end - 1) else {
            continue;
        };
        let span = crate::model::Span::new(first.span.start, last.span.end);
        let named: usize = ctx
            .actors_in(span)
            .iter()
            .map(|a| tokens_in(tokens, a.span))
            .sum();
        let words = seg.tokens.len().max(1);
        // Mostly names and titles: a list.
        let titles = tokens[seg.tokens.clone()]
            .iter()
            .filter(|t| t.is_capitalized(ctx.text) || ctx.lx.role_word(&t.lower))
            .count();
        if named == 0 || (named + titles) * 10 < words * 7 {
            continue;
        }
        if let Some(d) = drafts.iter_mut().rev().find(|d| {
            d.seg < si
                && segs[d.seg + 1..si]
                    .iter()
                    .all(|s| matches!(s.joint, Joint::Colon | Joint::Comma))
        }) {
            d.lists.push(seg.tokens.clone());
        }
    }
}

fn tokens_in(tokens: &[Token], span: crate::model::Span) -> usize {
    tokens
        .iter()
        .filter(|t| span.contains(t.span.start))
        .count()
}
