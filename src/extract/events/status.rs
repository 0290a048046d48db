//! Planned or past: whether a source tells an event as done or as intended, expected or possible.
//!
//! The nearest cue before the trigger in its clause decides ("had agreed to a meeting": "agreed to"
//! is nearer than "had", so the meeting is planned); a date after publication makes an event
//! planned; an event noun with an indefinite article and no past verb before it ("a meeting
//! between them") is a possibility, not a fact.

use super::context::DocContext;
use super::lexicon::{Pos, Trigger};
use super::tokens::Token;
use crate::model::{Status, TimeValue};
use std::ops::Range;

/// How far back (in tokens) a status cue still governs the trigger.
const CUE_WINDOW: usize = 9;

/// The status of a mention and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusCue {
    pub status: Status,
    /// The cue that decided, for the mention's record.
    pub why: String,
    /// The event noun is marked as an earlier one ("a prior visit").
    pub prior: bool,
}

fn in_timex(ctx: &DocContext, t: &Token) -> bool {
    ctx.in_timex(t.span.start)
}

/// Decides the status of the event whose head trigger is token `head` of clause `seg`; `scope`
/// is the clause with the clauses it stands in apposition to (where a past verb counts).
pub fn status(
    ctx: &DocContext,
    tokens: &[Token],
    seg: Range<usize>,
    scope: Range<usize>,
    head: usize,
    trigger: &Trigger,
    date: Option<&TimeValue>,
) -> StatusCue {
    let lx = ctx.lx;
    let prior = (head.saturating_sub(4).max(seg.start)..head)
        .any(|i| lx.prior.contains(tokens[i].lower.as_str()) && !in_timex(ctx, &tokens[i]));
    if let (Some(d), Some(dct)) = (date, ctx.dct) {
        if d.start.is_some_and(|s| s > dct) {
            return cue(Status::Planned, "date after publication", prior);
        }
        if d.end.is_some_and(|e| e < dct) {
            return cue(Status::Past, "date before publication", prior);
        }
    }
    // "expects China to delay", "to sign off on the terms": a verb in the infinitive is a plan.
    // "broke off the meeting to speak with him" is a purpose of a past act: not a plan.
    if trigger.pos == Pos::Verb
        && head > seg.start
        && tokens[head - 1].lower == "to"
        && !tokens[seg.start..head - 1].iter().any(|t| {
            lx.past_verbs.contains(t.lower.as_str())
                || ((t.lower.ends_with("ed") || t.lower.ends_with("ing"))
                    && t.lower.len() > 4
                    && !lx.planned.contains(&t.lower))
        })
    {
        return cue(Status::Planned, "to (infinitive)", prior);
    }
    let floor = head.saturating_sub(CUE_WINDOW).max(seg.start);
    for end in (floor..head).rev() {
        if in_timex(ctx, &tokens[end]) {
            continue;
        }
        // Phrases ending at token `end`.
        if let Some(p) = lx.planned.ending_at(tokens, end) {
            return cue(Status::Planned, &p.text, prior);
        }
        if let Some(p) = lx.past.ending_at(tokens, end) {
            return cue(Status::Past, &p.text, prior);
        }
    }
    if trigger.pos == Pos::Noun {
        // "the meeting would begin …", "discussions potentially occurring …"
        // The noun's own phrase ("between A and B") may stand between it and its verb.
        let mut after = None;
        for i in head + 1..(head + 9).min(seg.end) {
            if let Some(p) = lx.planned_after.starting_at(tokens, i) {
                after = Some(&p.text);
                break;
            }
            let w = tokens[i].lower.as_str();
            if matches!(w, "was" | "were" | "is" | "are" | "has" | "had" | "did")
                || lx.past_verbs.contains(tokens[i].lower.as_str())
            {
                break;
            }
        }
        if let Some(p) = after {
            return cue(Status::Planned, p, prior);
        }
        let indefinite = (head.saturating_sub(4).max(seg.start)..head)
            .any(|i| matches!(tokens[i].lower.as_str(), "a" | "an"));
        let past_verb = tokens[scope].iter().any(|t| {
            !lx.planned.contains(&t.lower)
                && (lx.past_verbs.contains(t.lower.as_str())
                    || (t.lower.ends_with("ed") && t.lower.len() > 4))
        });
        if indefinite && !past_verb {
            return cue(Status::Planned, "indefinite event noun", prior);
        }
    }
    cue(Status::Past, "narrated", prior)
}

fn cue(status: Status, why: &str, prior: bool) -> StatusCue {
    StatusCue {
        status,
        why: why.to_string(),
        prior,
    }
}
