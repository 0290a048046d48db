//! Quotes without a frame of their own: a quote standing alone continues the previous speaker,
//! as news prose does after `“…,” Holt said.` or an intro paragraph ending in a colon.

use super::attribute::{Attribution, Outcome, is_passive, speaker_of};
use super::context::Ctx;
use super::marks::Marked;
use super::subject::Who;
use crate::extract::actors::tokens::token_at;

/// Whether the quote makes up its sentence(s) alone (nothing but punctuation outside it).
fn stands_alone(ctx: &Ctx, q: &Marked) -> bool {
    let open = token_at(ctx.toks, q.open);
    let close = token_at(ctx.toks, q.close);
    let s_open = ctx.sentence_of.get(open).copied().unwrap_or(0);
    let s_close = ctx
        .sentence_of
        .get(close.saturating_sub(1))
        .copied()
        .unwrap_or(s_open);
    let before = (ctx.sentence_start(s_open)..open).all(|i| !ctx.is_word(i));
    let after = (close..ctx.sentence_end(s_close)).all(|i| !ctx.is_word(i));
    before && after
}

/// A quote standing alone continues the previous quote's speaker (same or previous sentence), or
/// the speaker introduced at the end of the previous paragraph.
pub fn continuation(
    ctx: &Ctx,
    quotes: &[Marked],
    qi: usize,
    done: &[Attribution],
    speakers: &[Option<usize>],
) -> Outcome {
    let q = &quotes[qi];
    if !stands_alone(ctx, q) {
        return None;
    }
    let open = token_at(ctx.toks, q.open);
    let s = ctx.sentence_of[open];
    let para = ctx.paragraph_of[open];
    if let Some(p) = qi.checked_sub(1) {
        let prev = &quotes[p];
        let pc = token_at(ctx.toks, prev.close.saturating_sub(1));
        let ps = ctx.sentence_of.get(pc).copied().unwrap_or(0);
        if ctx.paragraph_of.get(pc) == Some(&para) && s.saturating_sub(ps) <= 1 {
            return done[p].speaker.map(|m| Attribution {
                speaker: Some(m),
                rule: Some("continuation".into()),
            });
        }
    }
    // The paragraph opens with the quote (after a bullet, if any): look at the last sentence of
    // the previous paragraph.
    let para_start = ctx.paragraphs.get(para).map_or(open, |r| r.0);
    if para_start > open || (para_start..open).any(|i| ctx.is_word(i)) || s == 0 {
        return None;
    }
    let prev_s = s - 1;
    if let Some(Some(m)) = speakers.get(prev_s) {
        return Some(Attribution {
            speaker: Some(*m),
            rule: Some("continuation".into()),
        });
    }
    if let Some(m) = last_speaker_unchallenged(ctx, s, speakers) {
        return Some(Attribution {
            speaker: Some(m),
            rule: Some("continuation".into()),
        });
    }
    let (a, b) = ctx.sentences[prev_s];
    let colon_end = b > a && ctx.punct(b - 1) == Some(':');
    let verb = (a..b)
        .rev()
        .find(|&i| ctx.quote_of[i].is_none() && ctx.lex.verb_at(ctx.text, ctx.toks, i).is_some())?;
    if is_passive(ctx, verb, a) {
        return None;
    }
    let f = ctx.subject_before(verb, a);
    let rule = if colon_end {
        "said-colon"
    } else {
        "previous-speaker"
    };
    match speaker_of(ctx, f, rule, speakers) {
        Some(at) if at.speaker.is_some() => Some(at),
        _ => None,
    }
}

/// How many sentences back a quote standing alone may reach for the last speaker.
const REACH: usize = 4;

/// The speaker of a quote in one of the `REACH` sentences before sentence `s`, when none of the
/// sentences in between has a person or a pronoun as its subject (a list of points from one
/// statement, a line of narration with no one in it): a new person in between ends the run.
fn last_speaker_unchallenged(ctx: &Ctx, s: usize, speakers: &[Option<usize>]) -> Option<usize> {
    for t in (s.saturating_sub(REACH)..s).rev() {
        if let Some(Some(m)) = speakers.get(t) {
            return Some(*m);
        }
        let (a, b) = ctx.sentences[t];
        let subject = ctx.main_subject(a, b);
        match subject.who {
            Who::Actor(m) if ctx.is_body(m) => {}
            Who::Unknown => {}
            _ => return None,
        }
        // A person named anywhere in it may be the one speaking next.
        if (a..b).any(|i| {
            ctx.quote_of[i].is_none() && ctx.mention_starting_at(i).is_some_and(|m| !ctx.is_body(m))
        }) {
            return None;
        }
    }
    None
}
