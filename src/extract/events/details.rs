//! Checkable details a mention states, which outlets may disagree on: a person's title ("German
//! opposition leader" vs "German Chancellor"), a deadline ("within 10 days" vs "within seven to
//! ten days"), how long something lasted, how many were killed.
//!
//! Each detail carries a normal form; two outlets disagree when their normal forms differ, not when
//! their words do ("NATO chief" and "NATO Secretary General" name one role).

use super::context::DocContext;
use super::tokens::{Token, index_at, phrase_before};
use crate::extract::actors::ActorMention;
use crate::model::Detail;
use std::ops::Range;

const UNITS: [(&str, &str); 14] = [
    ("minute", "minutes"),
    ("minutes", "minutes"),
    ("hour", "hours"),
    ("hours", "hours"),
    ("day", "days"),
    ("days", "days"),
    ("week", "weeks"),
    ("weeks", "weeks"),
    ("month", "months"),
    ("months", "months"),
    ("year", "years"),
    ("years", "years"),
    ("fortnight", "weeks"),
    ("decade", "years"),
];

/// The title before an actor's name, as a detail "title of NAME".
pub fn title_detail(ctx: &DocContext, tokens: &[Token], actor: &ActorMention) -> Option<Detail> {
    let lx = ctx.lx;
    let k = index_at(tokens, actor.span.start);
    let name_words: Vec<String> = actor
        .actor
        .split_whitespace()
        .map(super::tokens::fold)
        .collect();
    // The name proper starts at the first token of the mention that is part of the canonical name.
    let end = index_at(tokens, actor.span.end);
    let p = (k..end)
        .find(|&i| name_words.iter().any(|w| *w == tokens[i].lower))
        .unwrap_or(k);
    let mut q = p;
    while q > 0 && p - q < 5 {
        let t = &tokens[q - 1];
        if !t.is_word || ctx.is_quoted(t.span.start) {
            break;
        }
        if !(lx.role_word(&t.lower) || t.is_capitalized(ctx.text)) {
            break;
        }
        q -= 1;
    }
    // Only a phrase ending in the word before the name can end there.
    let before = tokens.get(p.checked_sub(1)?)?;
    let (phrase, group) = lx.roles_ending_in(&before.lower).find(|(phrase, _)| {
        phrase_before(tokens, p, phrase) && p - phrase.split(' ').count() >= q
    })?;
    let _ = phrase;
    // A sentence-initial function word is not part of a title ("The", "Still").
    while q < p && !lx.role_word(&tokens[q].lower) && lx.is_stop(&tokens[q].lower) {
        q += 1;
    }
    let value = ctx
        .text
        .get(tokens[q].span.start..tokens[p - 1].span.end)?
        .to_string();
    Some(Detail {
        field: format!("title of {}", actor.actor),
        value,
        norm: group.clone(),
    })
}

/// Deadlines, durations and casualty counts stated in tokens `region`.
pub fn quantity_details(ctx: &DocContext, tokens: &[Token], region: Range<usize>) -> Vec<Detail> {
    let lx = ctx.lx;
    let mut out = Vec::new();
    let mut i = region.start;
    while i < region.end {
        let Some(a) = lx.number(&tokens[i].lower) else {
            i += 1;
            continue;
        };
        // "seven to ten days", "7-10 days", "two or three weeks"
        let (b, unit_at) = match (tokens.get(i + 1), tokens.get(i + 2)) {
            (Some(link), Some(n))
                if matches!(link.lower.as_str(), "to" | "or" | "-" | "–")
                    && lx.number(&n.lower).is_some() =>
            {
                (lx.number(&n.lower), i + 3)
            }
            _ => (None, i + 1),
        };
        let unit = tokens
            .get(unit_at)
            .and_then(|u| UNITS.iter().find(|(w, _)| *w == u.lower))
            .map(|(_, plural)| *plural);
        let norm_n = match b {
            Some(b) => format!("{a}-{b}"),
            None => a.to_string(),
        };
        if let Some(unit) = unit
            && unit_at < region.end
        {
            let cue = [
                ("within", "deadline"),
                ("in the next", "deadline"),
                ("within the next", "deadline"),
                ("over the next", "deadline"),
                ("in the coming", "deadline"),
                ("for", "duration"),
                ("for about", "duration"),
                ("for nearly", "duration"),
                ("for almost", "duration"),
                ("for more than", "duration"),
                ("lasted", "duration"),
                ("lasting", "duration"),
            ]
            .iter()
            .filter(|(p, _)| phrase_before(tokens, i, p))
            .max_by_key(|(p, _)| p.len());
            if let Some((p, field)) = cue {
                let from = i - p.split(' ').count();
                if let Some(value) = ctx
                    .text
                    .get(tokens[from].span.start..tokens[unit_at].span.end)
                {
                    out.push(Detail {
                        field: (*field).to_string(),
                        value: value.to_string(),
                        norm: format!("{norm_n} {unit}"),
                    });
                }
            }
            i = unit_at + 1;
            continue;
        }
        // "at least 14 civilians were killed", "12 people died"
        let hurt = (i + 1..(i + 5).min(region.end)).find_map(|j| match tokens[j].lower.as_str() {
            "killed" | "dead" | "died" => Some("killed"),
            "wounded" | "injured" => Some("wounded"),
            _ => None,
        });
        if let Some(field) = hurt
            && tokens[i].lower.chars().all(|c| c.is_ascii_digit())
        {
            let from = ["at least", "more than", "nearly", "about", "some", "over"]
                .iter()
                .find(|p| phrase_before(tokens, i, p))
                .map_or(i, |p| i - p.split(' ').count());
            // "14 civilians": the victims' noun belongs to the count.
            let to = match tokens.get(i + 1) {
                Some(n)
                    if n.is_word
                        && !lx.is_stop(&n.lower)
                        && !matches!(
                            n.lower.as_str(),
                            "killed" | "dead" | "died" | "wounded" | "injured"
                        ) =>
                {
                    i + 1
                }
                _ => i,
            };
            if let Some(value) = ctx.text.get(tokens[from].span.start..tokens[to].span.end) {
                out.push(Detail {
                    field: field.to_string(),
                    value: value.to_string(),
                    norm: norm_n,
                });
            }
        }
        i += 1;
    }
    out
}
