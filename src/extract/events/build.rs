//! From a draft to a [`Mention`]: its people (with pronouns resolved), place, date, status and the
//! cues the merge weighs.

use super::context::DocContext;
use super::details::{quantity_details, title_detail};
use super::draft::Draft;
use super::lexicon::Class;
use super::segment::{Joint, Segment};
use super::status::status;
use super::tokens::{Token, index_at};
use crate::extract::time::{Timex, TimexType};
use crate::model::{
    DateOrigin, DateSource, EventKind, Mention, MentionCues, Span, Status, TimeValue,
};
use std::ops::Range;

/// The byte span of tokens `r`.
pub fn span_of(tokens: &[Token], r: &Range<usize>) -> Span {
    let mut r = r.clone();
    // Leading and trailing punctuation is not part of the mention.
    while r.start < r.end && !tokens[r.start].is_word {
        r.start += 1;
    }
    // Nor is a word that only leads into the next event ("… on Monday to | discuss the deal").
    while r.end > r.start
        && (!tokens[r.end - 1].is_word
            || matches!(
                tokens[r.end - 1].lower.as_str(),
                "to" | "and" | "with" | "for" | "of" | "that" | "as" | "but" | "or" | "by"
            ))
    {
        r.end -= 1;
    }
    match (
        tokens.get(r.start),
        r.end.checked_sub(1).and_then(|e| tokens.get(e)),
    ) {
        (Some(a), Some(b)) if r.start < r.end => Span::new(a.span.start, b.span.end),
        _ => Span::default(),
    }
}

/// A time expression that can date an event: a calendar period, not a duration, a deadline
/// ("within 10 days", "by 2035") or the start of a state ("since February").
fn dating_timex(ctx: &DocContext, tokens: &[Token], x: &Timex) -> bool {
    if matches!(x.kind, TimexType::Duration | TimexType::Set) {
        return false;
    }
    if !x.time.as_ref().is_some_and(TimeValue::is_calendar) {
        return false;
    }
    let i = index_at(tokens, x.span.start);
    let first = tokens.get(i).map(|t| t.lower.as_str()).unwrap_or("");
    let lx = ctx.lx;
    if first == "since" || (i > 0 && tokens[i - 1].lower == "since") {
        return false;
    }
    let before = i
        .checked_sub(1)
        .and_then(|e| lx.deadline_words.ending_at(tokens, e));
    before.is_none() && lx.deadline_words.starting_at(tokens, i).is_none()
}

/// "the 2015 nuclear deal": a bare year between a determiner and a lowercase word dates the noun it
/// modifies, not the other events of its clause ("the talks come years after … the 2015 deal").
fn names_another_thing(ctx: &DocContext, tokens: &[Token], x: &Timex, head: usize) -> bool {
    let text = x.span.slice(ctx.text);
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let i = index_at(tokens, x.span.start);
    let determiner = i > 0
        && matches!(
            tokens[i - 1].lower.as_str(),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that"
        );
    let modifies = tokens
        .get(i + 1)
        .is_some_and(|t| t.is_word && !t.is_capitalized(ctx.text));
    // The event's own noun within the next three words: the year is the event's.
    determiner && modifies && !(i + 1..=i + 3).contains(&head)
}

/// The time expression of a draft: the first one after its trigger, else the last one before it.
fn pick_timex<'c>(
    ctx: &'c DocContext,
    tokens: &[Token],
    region: Span,
    head: usize,
) -> Option<&'c Timex> {
    let head_at = tokens.get(head).map_or(0, |t| t.span.start);
    let found: Vec<&Timex> = ctx
        .timexes_in(region)
        .iter()
        .filter(|x| dating_timex(ctx, tokens, x) && !names_another_thing(ctx, tokens, x, head))
        .collect();
    found
        .iter()
        .find(|x| x.span.start >= head_at && !in_purpose_clause(ctx, tokens, head, x))
        .or_else(|| found.iter().rev().find(|x| x.span.start < head_at))
        .copied()
}

/// Whether a time expression after the trigger `head` belongs to an infinitive between them
/// ("hashed out a deal on Sunday for the leaders to decide on later this week"): the time of the
/// purpose, not of the event. "to be held", "to take place" still date the event itself.
fn in_purpose_clause(ctx: &DocContext, tokens: &[Token], head: usize, x: &Timex) -> bool {
    let at = index_at(tokens, x.span.start);
    (head + 1..at.min(tokens.len())).any(|i| {
        tokens[i].lower == "to"
            && tokens.get(i + 1).is_some_and(|n| {
                n.is_word
                    && !n.is_capitalized(ctx.text)
                    && !ctx.in_timex(n.span.start)
                    && !ctx.lx.trigger_word(&n.lower)
                    && !matches!(
                        n.lower.as_str(),
                        "be" | "take"
                            | "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "their"
                            | "its"
                            | "start"
                            | "begin"
                            | "open"
                            | "last"
                            | "run"
                            | "end"
                            | "resume"
                            | "come"
                            | "this"
                            | "next"
                            | "early"
                            | "late"
                            | "mid"
                    )
            })
    })
}

/// The person a pronoun at `offset` stands for: the subject of its sentence ("X said he …"),
/// that is its first person named — unless the sentence itself opens with a pronoun ("He added
/// that he …"), which stands for the nearest person named before the sentence. Names inside quotes
/// do not count.
pub(crate) fn antecedent(
    ctx: &DocContext,
    tokens: &[Token],
    sentence: Span,
    offset: usize,
) -> Option<String> {
    let person = |a: &&crate::extract::actors::ActorMention| {
        !ctx.is_quoted(a.span.start) && ctx.is_person(&a.actor)
    };
    let first_person = ctx
        .actors_in(sentence)
        .iter()
        .filter(|a| a.span.end <= offset)
        .find(|a| person(a));
    let first_pronoun = tokens
        .iter()
        .find(|t| ctx.lx.pronouns.contains(t.lower.as_str()) && !ctx.is_quoted(t.span.start))
        .map(|t| t.span.start);
    let opens_with_pronoun =
        first_pronoun.is_some_and(|p| first_person.is_none_or(|a| p < a.span.start));
    if !opens_with_pronoun && let Some(a) = first_person {
        return Some(a.actor.clone());
    }
    let before = if opens_with_pronoun {
        sentence.start
    } else {
        offset
    };
    ctx.actors_before(before)
        .take(500)
        .find(person)
        .map(|a| a.actor.clone())
}

/// Everything one sentence offers the mention builder.
pub struct Sentence<'t> {
    pub span: Span,
    pub paragraph: Span,
    pub tokens: &'t [Token],
    pub segs: &'t [Segment],
}

/// Builds the mention of `draft`.
pub fn mention(ctx: &DocContext, s: &Sentence, draft: &Draft) -> Mention {
    let lx = ctx.lx;
    let tokens = s.tokens;
    let seg = &s.segs[draft.seg];
    let trig = lx.trigger(draft.head);
    let span = span_of(tokens, &draft.region);

    // People: named in the region or its lists, and pronouns resolved.
    let mut actors: Vec<String> = Vec::new();
    let mut details = Vec::new();
    let mut regions = vec![draft.region.clone()];
    regions.extend(draft.lists.iter().cloned());
    let mut host = None;
    let mut found: Vec<(usize, String)> = Vec::new();
    for r in &regions {
        let rs = span_of(tokens, r);
        for a in ctx.actors_in(rs) {
            if owns_other_noun(ctx, tokens, a.span, draft)
                || !takes_part(ctx, tokens, a.span, draft)
                || is_located(ctx, tokens, a.span, draft)
                || is_title_body(ctx, tokens, a)
            {
                // "Holt's allies argue …", "Holt can't imagine a meeting": Holt is not in it.
                continue;
            }
            found.push((a.span.start, a.actor.clone()));
            details.extend(title_detail(ctx, tokens, a));
        }
        for (k, t) in tokens[r.clone()].iter().enumerate() {
            // "his meeting with …" names a participant; "his personal involvement" does not.
            let owner = matches!(t.lower.as_str(), "his" | "her");
            // Asked only of "his"/"her": it searches the tokens for every trigger.
            let owns_event = || {
                draft.hits.iter().any(|h| {
                    let hi = index_at(tokens, h.span.start);
                    hi > r.start + k && hi <= r.start + k + 4
                })
            };
            if lx.pronouns.contains(t.lower.as_str())
                && (!owner || owns_event())
                && (owner || takes_part(ctx, tokens, t.span, draft))
                && let Some(who) = antecedent(ctx, tokens, s.span, t.span.start)
            {
                found.push((t.span.start, who));
            }
        }
    }
    // "Holt announced a truce with Vance": the announcer of an event named as the object of a
    // public act takes part in it.
    found.extend(announcer(ctx, s, draft));
    // "minutes before meeting Xi": a gerund with its object; its subject is the clause's.
    let gerund = gerund_subject(ctx, s, draft);
    if let Some((at, who)) = &gerund {
        found.push((*at, who.clone()));
    }
    // In text order: the subject first.
    found.sort_by_key(|(at, _)| *at);
    for (at, who) in found {
        if trig.host && at < draft.head.span.start && host.is_none() {
            host = Some(who.clone());
        }
        if !actors.contains(&who) {
            actors.push(who);
        }
    }

    // "Israeli strikes killed …", "Russian forces continued striking …": an attack whose attacker
    // is named by a country's adjective.
    if actors.is_empty()
        && let Some(body) = party_adjective(ctx, tokens, draft)
    {
        actors.push(body);
    }
    let mut place = pick_place(ctx, tokens, draft);
    let own_place = place.is_some();
    // "… meetings in X, where A and B also met": a where-clause happens at the place before it.
    if place.is_none()
        && seg.joint == Joint::Relative
        && tokens
            .get(seg.tokens.start)
            .is_some_and(|t| t.lower == "where")
        && draft.seg > 0
    {
        let prev = span_of(tokens, &s.segs[draft.seg - 1].tokens);
        place = ctx
            .places
            .find(ctx.text, prev)
            .into_iter()
            .map(|p| p.name)
            .max_by_key(|n| ctx.places.depth(n));
    }
    let mut sentence_actors: Vec<String> = Vec::new();
    for g in s.segs.iter().filter(|g| !g.reporting) {
        for a in ctx.actors_in(span_of(tokens, &g.tokens)) {
            if !sentence_actors.contains(&a.actor) {
                sentence_actors.push(a.actor.clone());
            }
        }
    }

    let mut date: Option<TimeValue> = None;
    let mut origin = DateOrigin::None;
    let mut rule = None;
    if let Some(x) = pick_timex(ctx, tokens, span, draft.head_tok) {
        date = x.time.clone();
        origin = DateOrigin::Clause;
        rule = Some(format!(
            "time expression '{}' in its clause",
            x.span.slice(ctx.text)
        ));
    } else if let Some((x, why)) = inherited_timex(ctx, s, draft) {
        date = x.time.clone();
        origin = if why == "report" {
            DateOrigin::Report
        } else {
            DateOrigin::Clause
        };
        rule = Some(format!(
            "time expression '{}' of its {why}",
            x.span.slice(ctx.text)
        ));
    }

    // Only a date of the event's own clause says whether it is past or to come.
    let own_date = (origin == DateOrigin::Clause)
        .then_some(date.as_ref())
        .flatten();
    let st = status(
        ctx,
        tokens,
        seg.tokens.clone(),
        apposition_scope(s.segs, draft.seg),
        draft.head_tok,
        trig,
        own_date,
    );
    if st.status == Status::Planned && !own_place {
        // A plan made at a place does not happen there.
        place = None;
    }
    // A plan "before month's end" or "by March" is expected in that period.
    if st.status == Status::Planned && date.is_none() {
        let deadline = ctx.timexes_in(span).iter().find(|x| {
            x.kind == TimexType::Date
                && x.time.as_ref().is_some_and(TimeValue::is_calendar)
                && !dating_timex(ctx, tokens, x)
        });
        if let Some(x) = deadline {
            date = x.time.clone().map(|mut t| {
                t.approximate = true;
                t
            });
            origin = DateOrigin::Clause;
            rule = Some(format!("deadline '{}'", x.span.slice(ctx.text)));
        }
    }
    if origin != DateOrigin::None && rule_is_inherited(&rule) && st.status == Status::Planned {
        // "announced Monday that they will meet" does not date the meeting.
        date = None;
        origin = DateOrigin::None;
        rule = None;
    }

    details.extend(quantity_details(ctx, tokens, draft.region.clone()));
    let mut kind = draft
        .hits
        .iter()
        .map(|h| lx.trigger(*h).kind)
        .find(|k| *k == EventKind::Summit)
        .unwrap_or(trig.kind);
    if st.status == Status::Planned
        && trig.family == "agreement"
        && details.iter().any(|d| d.field == "deadline")
    {
        kind = EventKind::Deadline;
    }

    // A token's folded form is its `lower`: only the (multi-word) hits are folded here.
    let arity = draft
        .hits
        .iter()
        .find_map(|h| lx.arity(&super::tokens::fold(h.span.slice(ctx.text))))
        .or_else(|| {
            tokens[draft.region.clone()]
                .iter()
                .find_map(|t| lx.arity(&t.lower))
        });

    let group = group_phrase(ctx, tokens, &regions);
    // A plan between two named people is a two-party plan ("a meeting between A and B").
    let arity = arity.or_else(|| {
        (st.status == Status::Planned && actors.len() == 2 && group.is_none()).then_some(2)
    });
    // An event with no one, nowhere and no time is only a reference — unless it has a deadline.
    // "a strike has killed four", "an agreement had been reached": an event noun that a verb of
    // its own family tells as done names the happening itself, not a reference to one told
    // elsewhere; so does an attack with its toll ("at least 14 civilians were killed").
    // "wrapped up two days of talks on Sunday": a bare reference told as happened, with a date or
    // people of its own, is the happening itself.
    // A month or a year ("a truce that began in January") is how a report points back at an event
    // told elsewhere: only a day of its own, or people, make it stand.
    let own_day = origin == DateOrigin::Clause
        && date
            .as_ref()
            .is_some_and(|d| d.precision == Some(crate::model::Precision::Day));
    let aspect = aspect_told(ctx, tokens, draft, st.status) && (own_day || !actors.is_empty());
    let told = told_by_verb(ctx, draft) || aspect;
    let toll = kind == EventKind::Attack && details.iter().any(|d| d.field == "killed");
    // "a trilateral session", "direct talks": a party count before a bare noun names one
    // gathering, not a reference to one.
    let counted = trig.class == Class::Reference
        && trig.pos == super::lexicon::Pos::Noun
        && draft.head_tok > draft.region.start
        && lx.arity(&tokens[draft.head_tok - 1].lower).is_some();
    let reference = (trig.class == Class::Reference && !counted && !aspect)
        || (actors.is_empty()
            && place.is_none()
            && !(group_subject(ctx, tokens, draft) && trig.pos == super::lexicon::Pos::Verb)
            && !told
            && !toll
            && origin < DateOrigin::Report
            && !details.iter().any(|d| d.field == "deadline"));

    let mut cues = MentionCues {
        date_origin: origin,
        reference,
        family: trig.family.clone(),
        noun: trig.noun.clone(),
        verb: if gerund.is_some() {
            Some("meets".to_string())
        } else {
            trig.verb.clone()
        },
        is_verb: trig.pos == super::lexicon::Pos::Verb || gerund.is_some(),
        definite: is_definite(tokens, draft, trig.pos),
        host,
        arity,
        ordinal: ordinal(ctx, tokens, draft),
        topic: topic_words(ctx, tokens, draft),
        group,
        sentence_actors,
        modifier: modifier(ctx, tokens, draft),
        details,
        sentence: s.span,
        paragraph: s.paragraph,
        ..MentionCues::default()
    };
    if let Some(dct) = ctx.dct {
        match st.status {
            Status::Past => cues.not_after = Some(dct),
            Status::Planned => cues.not_before = dct.pred_opt(),
        }
        if st.prior {
            cues.not_after = dct.checked_sub_days(chrono::Days::new(14));
        }
    }
    // "Since then, A signed …, and B pledged …": a fronted relation clause governs the sentence.
    let fronted = s.segs[..=draft.seg]
        .iter()
        .skip(1)
        .all(|g| g.joint == Joint::Comma)
        .then(|| s.segs.first())
        .flatten()
        .filter(|g| {
            draft.seg > 0
                && ctx
                    .hits_in(span_of(tokens, &g.tokens))
                    .iter()
                    .all(|h| lx.trigger(*h).class == Class::Reporting)
        })
        .map(|g| &g.joint);
    let relation = match (&seg.joint, fronted) {
        (Joint::Relation(r), _) | (_, Some(Joint::Relation(r))) => Some(r),
        _ => None,
    };
    if let Some(r) = relation {
        cues.relation = Some(r.clone());
        if r == "after" || r == "since" {
            cues.not_after = cues.not_after.or(ctx.dct);
        }
    }
    Mention {
        doc: ctx.doc.id.clone(),
        span,
        text: span.slice(ctx.text).to_string(),
        kind,
        status: st.status,
        actors,
        place,
        date,
        date_rule: rule.map(|r| format!("{r}; status: {}{}", st.why, inferred_mark(ctx, &r))),
        trigger: draft.head.span.slice(ctx.text).to_string(),
        cues,
    }
}

/// "…, minutes before meeting Xi", "after meeting Holt in Geneva": the noun "meeting" used as a
/// gerund right before a named person, after a relation word; its subject is the first person the
/// sentence names before it (outside quotes), with that name's offset.
fn gerund_subject(ctx: &DocContext, s: &Sentence, draft: &Draft) -> Option<(usize, String)> {
    let tokens = s.tokens;
    let i = draft.head_tok;
    let t = tokens.get(i)?;
    if t.lower != "meeting" || i == 0 {
        return None;
    }
    if !matches!(
        tokens[i - 1].lower.as_str(),
        "before" | "after" | "while" | "since" | "when" | "by"
    ) {
        return None;
    }
    let next = tokens.get(i + 1)?;
    let object = ctx
        .actors_in(next.span)
        .first()
        .or_else(|| {
            ctx.actors_in(Span::new(next.span.start, next.span.start + 1))
                .first()
        })
        .is_some_and(|a| a.span.start == next.span.start && ctx.is_person(&a.actor));
    if !object {
        return None;
    }
    ctx.actors_in(Span::new(s.span.start, tokens[i - 1].span.start))
        .iter()
        .find(|a| !ctx.is_quoted(a.span.start) && ctx.is_person(&a.actor))
        .map(|a| (a.span.start, a.actor.clone()))
}

/// Whether the draft's clause opens with a pair of people told before as its subject ("The two
/// leaders are expected to discuss …", "Both men met again …"): a determiner that points back, a
/// plural of people, and only lowercase words (auxiliaries, adverbs) up to the trigger.
pub fn pair_subject(ctx: &DocContext, s: &Sentence, draft: &Draft) -> bool {
    let tokens = s.tokens;
    let seg = &s.segs[draft.seg];
    let start = seg.tokens.start;
    let word = |i: usize| tokens.get(i).map_or("", |t| t.lower.as_str());
    if !matches!(word(start), "the" | "both") {
        return false;
    }
    let mut noun = start + 1;
    if matches!(word(noun), "two" | "three") {
        noun += 1;
    }
    if !matches!(
        word(noun),
        "leaders" | "men" | "women" | "presidents" | "ministers" | "sides"
    ) {
        return false;
    }
    let head = draft.head_tok;
    head > noun
        && head <= noun + 6
        && tokens[noun + 1..head]
            .iter()
            .all(|t| t.is_word && !t.is_capitalized(ctx.text) && !ctx.lx.trigger_word(&t.lower))
}

/// The announcer of an event noun that is the object of a public act ("Holt on Monday announced a
/// truce with Vance", "Holt unveiled a set of understandings"): the people and bodies named in the
/// clause of the public verb right before the object's clause, with their offsets. The object must
/// open its clause (not "announced that …", which reports something said) within a few words.
fn announcer(ctx: &DocContext, s: &Sentence, draft: &Draft) -> Vec<(usize, String)> {
    let lx = ctx.lx;
    let tokens = s.tokens;
    let seg = &s.segs[draft.seg];
    if lx.trigger(draft.head).pos != super::lexicon::Pos::Noun
        || seg.joint != Joint::Reported
        || draft.seg == 0
        || draft.head_tok >= seg.tokens.start + 9
    {
        return Vec::new();
    }
    let after_that = seg.tokens.start > 0 && tokens[seg.tokens.start - 1].lower == "that";
    let opens_object = !after_that
        && tokens.get(seg.tokens.start).is_some_and(|t| {
            t.is_word
                && matches!(
                    t.lower.as_str(),
                    "a" | "an" | "the" | "new" | "its" | "their" | "his" | "her"
                )
        });
    let prev = &s.segs[draft.seg - 1];
    let prev_span = span_of(tokens, &prev.tokens);
    let public = ctx.hits_in(prev_span).iter().any(|h| {
        lx.trigger(*h).class == Class::Reporting
            && lx
                .public_verbs
                .contains(&super::tokens::fold(h.span.slice(ctx.text)))
            && h.span.end >= prev_span.end.saturating_sub(1)
    });
    if !opens_object || !prev.reporting || !public {
        return Vec::new();
    }
    ctx.actors_in(prev_span)
        .iter()
        .filter(|a| !ctx.is_quoted(a.span.start) && !is_title_body(ctx, tokens, a))
        .map(|a| (a.span.start, a.actor.clone()))
        .collect()
}

/// Whether a bare event noun is told as happened by a verb of its course: "wrapped up two days of
/// talks", "a truce that began in January", "the negotiations collapsed" (the verb up to four
/// words before the noun, or up to three after it).
fn aspect_told(ctx: &DocContext, tokens: &[Token], draft: &Draft, status: Status) -> bool {
    let lx = ctx.lx;
    let trig = lx.trigger(draft.head);
    if trig.class != Class::Reference
        || trig.pos != super::lexicon::Pos::Noun
        || trig.family == "any"
        || status != Status::Past
    {
        return false;
    }
    // Each event noun of the draft ("a ceasefire and prisoner exchange deal that began").
    draft.hits.iter().any(|h| {
        let t = lx.trigger(*h);
        if t.pos != super::lexicon::Pos::Noun || t.family == "any" {
            return false;
        }
        let first = index_at(tokens, h.span.start);
        let last = index_at(tokens, h.span.end.saturating_sub(1));
        let from = first.saturating_sub(6).max(draft.region.start);
        let to = (last + 4).min(draft.region.end);
        (from..to).any(|i| {
            lx.aspect_verbs
                .starting_at(tokens, i)
                .is_some_and(|p| i > last || i + p.words.len() <= first)
        })
    })
}

/// Whether the draft joins an event noun and a verb of the noun's family that tells it ("strikes
/// killed", "the deal was signed").
fn told_by_verb(ctx: &DocContext, draft: &Draft) -> bool {
    let lx = ctx.lx;
    let head = lx.trigger(draft.head);
    let noun = draft
        .hits
        .iter()
        .any(|h| lx.trigger(*h).pos == super::lexicon::Pos::Noun);
    noun && draft.hits.iter().any(|h| {
        let t = lx.trigger(*h);
        t.class == Class::Strong && t.pos == super::lexicon::Pos::Verb && t.family == head.family
    })
}

/// The body a proper adjective names when it modifies the attack noun or the armed force that is
/// the attack verb's subject ("Israeli strikes", "Russian forces continued striking", "a Russian
/// drone attack"), or a party of any event ("the Chinese delegation held a news conference"),
/// searched before the trigger in the draft's region.
fn party_adjective(ctx: &DocContext, tokens: &[Token], draft: &Draft) -> Option<String> {
    let lx = ctx.lx;
    let attack = lx.trigger(draft.head).kind == EventKind::Attack;
    let head = draft.head_tok.min(tokens.len());
    (draft.region.start..head).find_map(|i| {
        let t = &tokens[i];
        if !t.is_word || !t.is_capitalized(ctx.text) || ctx.is_quoted(t.span.start) {
            return None;
        }
        let next = tokens.get(i + 1)?;
        // The adjective right before the trigger, or before a force ("forces", "drones") up to
        // three words before it.
        // "the Chinese foreign ministry": up to two plain words before the party noun.
        let party_at = (i + 1..(i + 4).min(head))
            .take_while(|&k| {
                let w = &tokens[k];
                w.is_word && (k == i + 1 || !w.is_capitalized(ctx.text))
            })
            .find(|&k| lx.parties.contains(tokens[k].lower.as_str()));
        let party = party_at.is_some();
        // "the Chinese delegation held a subsequent news conference": the party as the subject of
        // the light verb that names the event, a few words before its noun.
        let subject_of_light = party_at.is_some_and(|k| {
            lx.light_verbs
                .starting_at(tokens, k + 1)
                .is_some_and(|p| k + 1 + p.words.len() + 3 >= head)
        });
        let names_event = (attack
            && (draft.hits.iter().any(|h| h.span.start == next.span.start)
                || lx.forces.contains(next.lower.as_str())))
            || party;
        if !names_event || (head - i > 4 && !subject_of_light) {
            return None;
        }
        let body = ctx.gazetteer.body(t.span.slice(ctx.text))?;
        // A country's adjective, not a person's name.
        ctx.gazetteer
            .entry(body)
            .is_some_and(|e| e.kind != crate::extract::actors::Kind::Person)
            .then(|| body.to_string())
    })
}

/// The clause with the clauses before it that it only continues ("were held in two parts — first a
/// bilateral meeting"): joined by a dash, colon or comma, not by a relation or a report.
fn apposition_scope(segs: &[Segment], i: usize) -> Range<usize> {
    let mut start = i;
    while start > 0
        && matches!(segs[start].joint, Joint::Dash | Joint::Colon | Joint::Comma)
        && !segs[start - 1].reporting
    {
        start -= 1;
    }
    segs[start].tokens.start..segs[i].tokens.end
}

/// A time expression this clause takes from a neighbour: the report that tells it ("announced
/// Monday that …"), or a fronted time phrase ("On Monday, …") joined only by commas.
fn inherited_timex<'c>(
    ctx: &'c DocContext,
    s: &Sentence,
    draft: &Draft,
) -> Option<(&'c Timex, &'static str)> {
    let seg = &s.segs[draft.seg];
    let tokens = s.tokens;
    if seg.joint == Joint::Reported {
        let rep = s.segs[..draft.seg].iter().rev().find(|g| g.reporting)?;
        let sp = span_of(tokens, &rep.tokens);
        return ctx
            .timexes_in(sp)
            .iter()
            .find(|x| dating_timex(ctx, tokens, x))
            .map(|x| (x, "report"));
    }
    // "…earlier this year, when they met": a when-clause happens at the time of the clause before.
    let first_word = tokens.get(seg.tokens.start).map(|t| t.lower.as_str());
    if seg.joint == Joint::Relative && first_word == Some("when") && draft.seg > 0 {
        let prev = &s.segs[draft.seg - 1];
        let sp = span_of(tokens, &prev.tokens);
        if let Some(x) = ctx
            .timexes_in(sp)
            .iter()
            .find(|x| dating_timex(ctx, tokens, x))
        {
            return Some((x, "when-clause"));
        }
    }
    let mut i = draft.seg;
    while i > 0 && matches!(s.segs[i].joint, Joint::Comma) {
        i -= 1;
        let g = &s.segs[i];
        if g.reporting {
            break;
        }
        let sp = span_of(tokens, &g.tokens);
        let has_trigger = ctx
            .hits_in(sp)
            .iter()
            .any(|h| ctx.lx.trigger(*h).class != Class::Reporting);
        if has_trigger {
            break;
        }
        if let Some(x) = ctx
            .timexes_in(sp)
            .iter()
            .find(|x| dating_timex(ctx, tokens, x))
        {
            return Some((x, "sentence"));
        }
    }
    None
}

/// The mark of a date resolved against an inferred publication date: an expression without a
/// year of its own ("Monday", "last week", "Aug. 15") is only as sure as that date.
fn inferred_mark(ctx: &DocContext, rule: &str) -> String {
    let published = &ctx.doc.published;
    let quoted = rule.split('\'').nth(1).unwrap_or("");
    let own_year = quoted
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    match (published.source, published.confidence) {
        (DateSource::Inferred, Some(c)) if !own_year => format!(
            "; resolved against the inferred publication date ({} confidence)",
            c.as_str()
        ),
        _ => String::new(),
    }
}

/// Whether the date came from another clause (a report, a fronted phrase, a when-clause).
fn rule_is_inherited(rule: &Option<String>) -> bool {
    rule.as_deref()
        .is_some_and(|r| !r.ends_with("in its clause") && !r.starts_with("deadline"))
}

/// Whether an actor is the owner of some other noun ("Holt's allies"), not of the event noun
/// ("Holt's summit", "Holt's contentious February encounter").
fn owns_other_noun(ctx: &DocContext, tokens: &[Token], span: Span, draft: &Draft) -> bool {
    let Some(ti) = tokens
        .iter()
        .position(|t| t.span.start < span.end && span.end <= t.span.end)
    else {
        return false;
    };
    let rest = super::tokens::fold(ctx.text.get(span.end..tokens[ti].span.end).unwrap_or(""));
    if rest != "'s" && rest != "'" {
        return false;
    }
    !draft.hits.iter().any(|h| {
        let hi = index_at(tokens, h.span.start);
        hi > ti && hi <= ti + 4
    })
}

/// Whether someone named before an event noun takes part in it: only as the subject of a verb
/// like "held", "attended", "engaged in" (or of the trigger verb itself, or inside the noun phrase).
fn takes_part(ctx: &DocContext, tokens: &[Token], span: Span, draft: &Draft) -> bool {
    let lx = ctx.lx;
    if lx.trigger(draft.head).pos == super::lexicon::Pos::Verb || span.start > draft.head.span.start
    {
        return true;
    }
    let from = index_at(tokens, span.end);
    // The noun phrase starts at the nearest determiner or possessive before the event noun.
    let floor = draft.head_tok.saturating_sub(4).max(draft.region.start);
    let np = (floor..draft.head_tok)
        .rev()
        .find(|&i| {
            let w = tokens[i].lower.as_str();
            matches!(
                w,
                "a" | "an" | "the" | "their" | "his" | "her" | "its" | "our"
            ) || w.ends_with("'s")
        })
        .unwrap_or(draft.head_tok);
    if from >= np {
        return true;
    }
    let between = &tokens[from..np];
    // "A and B's meeting": coordinated owners.
    if between
        .iter()
        .all(|t| t.lower == "and" || t.lower == "," || t.is_capitalized(ctx.text))
    {
        return true;
    }
    // Otherwise only the subject of a verb like "held" or "attended" takes part — not the object
    // of a preposition ("backing out of Kuwait or launching attacks").
    let at = index_at(tokens, span.start);
    let governed = at > 0
        && matches!(
            tokens[at - 1].lower.as_str(),
            "of" | "in" | "from" | "to" | "at" | "into" | "on" | "for" | "by" | "against" | "over"
        );
    !governed && (from..np).any(|i| lx.light_verbs.starting_at(tokens, i).is_some())
}

/// Whether an actor only names the body of someone's title: "US President Holt", "Chinese Vice
/// Premier Ding" (a body, title words, then a person), or "the ambassador to the United
/// Nations" (a body after a role and "to"). The person takes part; the body does not.
fn is_title_body(
    ctx: &DocContext,
    tokens: &[Token],
    a: &crate::extract::actors::ActorMention,
) -> bool {
    if ctx.is_person(&a.actor) {
        return false;
    }
    let title_word = |t: &Token| {
        t.is_word && (ctx.lx.role_word(&t.lower) || ctx.gazetteer.role_word(&t.lower).is_some())
    };
    let end = index_at(tokens, a.span.end);
    let next_person = ctx
        .actors_in(Span::new(a.span.end, usize::MAX))
        .iter()
        .next()
        .filter(|n| ctx.is_person(&n.actor));
    if let Some(n) = next_person {
        let at = index_at(tokens, n.span.start);
        let between = tokens.get(end..at).unwrap_or(&[]);
        if !between.is_empty()
            && between.len() <= 4
            && between.iter().any(title_word)
            && between
                .iter()
                .all(|t| t.is_word && (t.is_capitalized(ctx.text) || title_word(t)))
        {
            return true;
        }
    }
    let mut i = index_at(tokens, a.span.start);
    if i > 0 && tokens[i - 1].lower == "the" {
        i -= 1;
    }
    i >= 2 && tokens[i - 1].lower == "to" && title_word(&tokens[i - 2])
}

/// Whether a name is a place the text puts something in ("the war in X"): a place, not a party.
fn is_located(ctx: &DocContext, tokens: &[Token], span: Span, draft: &Draft) -> bool {
    let name = span.slice(ctx.text);
    // "the Blue Hall meeting": a venue modifying the event noun is its place, not a party.
    let modifies = draft.hits.iter().any(|h| {
        let next = index_at(tokens, span.end);
        index_at(tokens, h.span.start) == next
    });
    if modifies && ctx.places.is_place(name) && !ctx.places.is_country(name) {
        return true;
    }
    let i = index_at(tokens, span.start);
    let mut j = i;
    if j > 0 && tokens[j - 1].lower == "the" {
        j -= 1;
    }
    // "welcomed Holt to the palace", "a visit to the palace": where a host receives a guest.
    let to_venue = j > 0 && tokens[j - 1].lower == "to" && {
        let t = ctx.lx.trigger(draft.head);
        t.host || t.noun == "visit"
    };
    j > 0
        && (ctx.lx.locative.contains(tokens[j - 1].lower.as_str()) || to_venue)
        && ctx.places.is_place(span.slice(ctx.text))
}

/// Whether the event noun is definite: "the", a possessive or a demonstrative before it. A verb
/// trigger is definite only as a noun right after one ("the news conference"): in "the two
/// ministers will meet" the article belongs to the subject.
fn is_definite(tokens: &[Token], draft: &Draft, pos: super::lexicon::Pos) -> bool {
    let reach = match pos {
        super::lexicon::Pos::Noun => 4,
        super::lexicon::Pos::Verb => 1,
    };
    let start = draft.head_tok.saturating_sub(reach).max(draft.region.start);
    // "the call", "their call": a form that holds its own determiner.
    let own = matches!(
        tokens.get(draft.head_tok).map(|t| t.lower.as_str()),
        Some("the" | "their" | "his" | "her" | "its")
    );
    own || tokens[start..draft.head_tok].iter().any(|t| {
        matches!(t.lower.as_str(), "the" | "their" | "his" | "her" | "its")
            || t.lower.ends_with("'s")
    })
}

/// A proper adjective right before an event noun ("fresh Russian attacks"), for titles.
fn modifier(ctx: &DocContext, tokens: &[Token], draft: &Draft) -> Option<String> {
    draft.hits.iter().find_map(|h| {
        let i = index_at(tokens, h.span.start);
        let t = tokens.get(i.checked_sub(1)?)?;
        let w = t.span.slice(ctx.text);
        let named = !ctx.actors_in(t.span).is_empty()
            || ctx
                .actors_before(t.span.start)
                .next()
                .is_some_and(|a| a.span.overlaps(t.span))
            || ctx.places.is_place(w);
        (t.is_word && t.is_capitalized(ctx.text) && !named && i > draft.region.start)
            .then(|| w.to_string())
    })
}

/// The place of a draft: a known place after a locative preposition ("at the …"), or right before
/// an event noun ("the … summit"); the most specific one wins.
fn pick_place(ctx: &DocContext, tokens: &[Token], draft: &Draft) -> Option<String> {
    let lx = ctx.lx;
    // A purpose clause after the event ("… to end the war in X") has places of its own.
    let limit = (draft.head_tok + 1..draft.region.end)
        .find(|&i| {
            let next = tokens.get(i + 1).map(|n| n.lower.as_str()).unwrap_or("");
            (tokens[i].lower == "to"
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| n.is_word && !n.is_capitalized(ctx.text))
                && !matches!(next, "the" | "a" | "an" | "his" | "her" | "their" | "its"))
                || super::tokens::phrase_at(tokens, i, "as part of")
                || super::tokens::phrase_at(tokens, i, "aimed at")
        })
        .unwrap_or(draft.region.end);
    let region = span_of(tokens, &(draft.region.start..limit));
    let mut best: Option<(usize, String)> = None;
    for p in ctx.places.find(ctx.text, region) {
        let i = index_at(tokens, p.span.start);
        let mut j = i;
        if j > 0 && tokens[j - 1].lower == "the" {
            j -= 1;
        }
        let locative = j > 0
            && (lx.locative.contains(tokens[j - 1].lower.as_str())
                || (tokens[j - 1].lower == "to"
                    && j >= 2
                    && draft.hits.iter().any(|h| {
                        (h.span.end <= tokens[j - 1].span.start
                            && tokens[j - 2].span.end >= h.span.end)
                            // "come to X", "flew to X": the trigger ends in "to".
                            || h.span.end == tokens[j - 1].span.end
                    })));
        let end = index_at(tokens, p.span.end);
        // "the … summit", "Holt's … meeting": the place modifies the event noun.
        let modifier = !ctx.places.is_country(&p.name)
            && ctx.places.depth(&p.name) > 1
            && draft.hits.iter().any(|h| {
                let hi = index_at(tokens, h.span.start);
                hi >= end && hi <= end + 1
            });
        // "drones struck (the city of) X": a town an attack verb takes as its object.
        let target = !ctx.places.is_country(&p.name) && attack_object(ctx, tokens, draft, j);
        if !(locative || modifier || target) || ctx.is_quoted(p.span.start) {
            continue;
        }
        let depth = ctx.places.depth(&p.name);
        if best.as_ref().is_none_or(|(d, _)| depth > *d) {
            best = Some((depth, p.name));
        }
    }
    best.map(|(_, n)| n)
}

/// Whether the token at `at` starts the object of the draft's attack verb: right after it, or
/// after "the city/town/port/region of".
fn attack_object(ctx: &DocContext, tokens: &[Token], draft: &Draft, at: usize) -> bool {
    let t = ctx.lx.trigger(draft.head);
    if t.kind != crate::model::EventKind::Attack {
        return false;
    }
    let mut after = index_at(tokens, draft.head.span.end);
    // "a drone strike on (the city of) X", "attacks against X": the noun's target.
    if t.pos == super::lexicon::Pos::Noun {
        if !tokens
            .get(after)
            .is_some_and(|w| matches!(w.lower.as_str(), "on" | "against"))
        {
            return false;
        }
        after += 1;
    }
    if at < after || at > after + 4 {
        return false;
    }
    tokens[after..at].iter().all(|w| {
        matches!(
            w.lower.as_str(),
            "the"
                | "city"
                | "town"
                | "port"
                | "region"
                | "capital"
                | "of"
                | "southern"
                | "northern"
                | "eastern"
                | "western"
                | "central"
        )
    })
}

/// Content words of the draft's clause, for matching mentions that name no actor or place.
fn topic_words(ctx: &DocContext, tokens: &[Token], draft: &Draft) -> Vec<String> {
    let lx = ctx.lx;
    let mut out: Vec<String> = Vec::new();
    // "TRADE DEAL ENDS YEAR OF TENSION": in a line of capitals only a name is a name.
    let shouting = all_caps(ctx, &tokens[draft.region.clone()]);
    let named = |t: &Token| {
        if shouting {
            !ctx.actors_in(t.span).is_empty() || ctx.places.is_place(t.span.slice(ctx.text))
        } else {
            t.is_capitalized(ctx.text)
        }
    };
    for t in &tokens[draft.region.clone()] {
        // As `trim_end_matches("'s")`, without setting up a substring search per token.
        let mut w = t.lower.as_str();
        while let Some(shorter) = w.strip_suffix("'s") {
            w = shorter;
        }
        if !t.is_word
            || w.chars().count() < 4
            || named(t)
            || lx.is_stop(w)
            || lx.trigger_word(w)
            || lx.planned.contains(w)
            || ctx.in_timex(t.span.start)
            || w.chars().any(|c| c.is_ascii_digit())
        {
            continue;
        }
        if !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    }
    out
}

/// Whether the words of `tokens` are written in capitals only (a shouted subheading), three
/// words at least.
fn all_caps(ctx: &DocContext, tokens: &[Token]) -> bool {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.is_word)
        .map(|t| t.span.slice(ctx.text))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    words.len() >= 3
        && words
            .iter()
            .all(|w| w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()))
}

/// A group of unnamed participants named in the regions ("European leaders").
/// "the second round of talks", "their fifth meeting": an ordinal up to three words before the
/// trigger, in its noun phrase; or a round its clause names after it ("met … for their fifth
/// round", "the negotiations marked the third round").
fn ordinal(ctx: &DocContext, tokens: &[Token], draft: &Draft) -> Option<u8> {
    let from = draft.head_tok.saturating_sub(4).max(draft.region.start);
    let before = tokens[from..draft.head_tok]
        .iter()
        .rev()
        .take_while(|t| t.is_word)
        .find_map(|t| ctx.lx.ordinals.get(t.lower.as_str()).copied());
    let end = draft.region.end.min(tokens.len());
    before.or_else(|| {
        tokens
            .get(draft.head_tok + 1..end)?
            .windows(2)
            .find(|w| matches!(w[1].lower.as_str(), "round" | "rounds"))
            .and_then(|w| ctx.lx.ordinals.get(w[0].lower.as_str()).copied())
    })
}

/// "The two sides agreed", "European leaders met": a group noun right before the trigger, in its
/// clause, as the subject of the verb.
fn group_subject(ctx: &DocContext, tokens: &[Token], draft: &Draft) -> bool {
    let mut i = draft.head_tok;
    while i > draft.region.start
        && matches!(
            tokens[i - 1].lower.as_str(),
            "have" | "has" | "had" | "also" | "jointly" | "finally" | "both" | "then" | "all"
        )
    {
        i -= 1;
    }
    i > draft.region.start && ctx.lx.groups.contains(tokens[i - 1].lower.as_str())
}

fn group_phrase(ctx: &DocContext, tokens: &[Token], regions: &[Range<usize>]) -> Option<String> {
    for r in regions {
        for i in r.clone() {
            if i == 0 || i <= r.start {
                continue;
            }
            let t = &tokens[i];
            let adj = &tokens[i - 1];
            if ctx.lx.groups.contains(t.lower.as_str())
                && adj.is_word
                && adj.is_capitalized(ctx.text)
                && !ctx.places.is_place(adj.span.slice(ctx.text))
            {
                return ctx.text.get(adj.span.start..t.span.end).map(str::to_string);
            }
        }
    }
    None
}
