//! Dated public statements as events: "the minister said Sunday", "Holt told reporters", "the
//! ministry wrote on Telegram". A speech verb ([`Lexicon::statement_verbs`]) makes a `statement`
//! mention when its subject is a named person or body and the clause dates it, says where it was
//! made (a channel: "reporters", "a press conference", "social media"), or the verb is a public
//! act of its own ("announced"). What was said stays a quote; the mention is the act of saying it,
//! so that a briefing, a post or a readout has its place on the timeline. Statements of one
//! speaker on one day are one event (the merge groups them), so they do not drown the rest.

use super::build::{Sentence, antecedent, span_of};
use super::context::DocContext;
use super::lexicon::{Class, Hit};
use super::tokens::{Token, fold, index_at};
use crate::extract::actors::ActorMention;
use crate::model::{DateOrigin, EventKind, Mention, MentionCues, Span, Status, TimeValue};

/// Words after the verb read for a date or a channel ("told reporters at a briefing on Monday").
const AFTER: usize = 12;
/// Words before the verb that may separate it from its subject ("Holt, the envoy, on Monday said").
const BEFORE: usize = 30;

/// What the words around a speech verb say about the statement.
struct Found<'c> {
    speakers: Vec<&'c ActorMention>,
    /// A pronoun or a group ("the two leaders") standing for speakers named before, and who.
    pronoun: Option<(Span, Vec<String>)>,
    date: Option<&'c crate::extract::time::Timex>,
    channel: Option<(Span, String)>,
    /// The verb is tied to an event the article tells ("speaking after the talks", "told
    /// reporters during the summit"): that event dates it. The relation ("after", "before",
    /// "during").
    occasion: Option<String>,
}

/// The statement mentions of one sentence, at most one per speaker. In the headline or lede
/// (`lede`) a named speaker's words are the report's news: a statement even with no date or
/// channel.
pub fn mentions(ctx: &DocContext, s: &Sentence, lede: bool) -> Vec<Mention> {
    let lx = ctx.lx;
    let tokens = s.tokens;
    let mut out: Vec<Mention> = Vec::new();
    for h in ctx.hits_in(s.span) {
        if lx.trigger(*h).class != Class::Reporting {
            continue;
        }
        let form = fold(h.span.slice(ctx.text));
        if !lx.statement_verbs.contains(&form) {
            continue;
        }
        let vi = index_at(tokens, h.span.start);
        // A verb glued inside a word token ("Holt’said") starts no token of its own.
        if tokens.get(vi).is_none_or(|t| t.span.start != h.span.start) {
            continue;
        }
        let ve = index_at(tokens, h.span.end).max(vi + 1);
        if vi > 0
            && lx
                .statement_not_prev
                .contains(tokens[vi - 1].lower.as_str())
        {
            continue;
        }
        // "the accused doctor", "a praised plan": a participle before a bare noun is an
        // adjective, not an act of speech.
        if matches!(
            form.as_str(),
            "accused"
                | "praised"
                | "condemned"
                | "criticized"
                | "criticised"
                | "blamed"
                | "hailed"
                | "lauded"
                | "dismissed"
                | "denied"
                | "thanked"
                | "congratulated"
        ) && tokens
            .get(ve)
            .is_some_and(|t| t.is_word && !t.is_capitalized(ctx.text) && !lx.is_stop(&t.lower))
        {
            continue;
        }
        let Some(found) = look(ctx, s, h, vi, ve) else {
            continue;
        };
        let public = lx.public_verbs.contains(&form);
        // Only a person: "US officials said" names no speaker of its own.
        let news = lede
            && found.pronoun.is_none()
            && !found.speakers.is_empty()
            && found.speakers.iter().all(|a| ctx.is_person(&a.actor));
        if found.date.is_none()
            && found.channel.is_none()
            && !public
            && !news
            && found.occasion.is_none()
        {
            continue;
        }
        let names: Vec<String> = match &found.pronoun {
            Some((_, who)) => who.clone(),
            None => found.speakers.iter().map(|a| a.actor.clone()).collect(),
        };
        // One statement per speaker and sentence, unless the sentence dates two acts apart
        // ("Holt, who announced the tariffs last month, told reporters Tuesday").
        let when = found.date.and_then(|x| x.time.as_ref());
        if out.iter().any(|m| {
            m.actors == names && (m.date.is_none() || when.is_none() || m.date.as_ref() == when)
        }) {
            continue;
        }
        let start = found
            .speakers
            .first()
            .map(|a| a.span.start)
            .or(found.pronoun.as_ref().map(|(sp, _)| sp.start))
            .unwrap_or(h.span.start)
            .min(h.span.start);
        let mut end = h.span.end;
        if let Some((sp, _)) = &found.channel {
            end = end.max(sp.end);
        }
        if let Some(x) = found.date {
            end = end.max(x.span.end);
        }
        // "Speaking after the talks, Holt …": the speaker named after the verb.
        if let Some(a) = found.speakers.first() {
            end = end.max(a.span.end);
        }
        let span = Span::new(start, end);
        out.push(statement(ctx, s, span, h, names, &found));
    }
    out
}

/// The subject, date and channel of the speech verb at tokens `vi..ve`, or `None` when it has
/// no named subject.
fn look<'c>(ctx: &'c DocContext, s: &Sentence, h: &Hit, vi: usize, ve: usize) -> Option<Found<'c>> {
    let tokens = s.tokens;
    let lx = ctx.lx;
    // The words after the verb that still tell of the act of saying: a date, a channel, the
    // words that carry them ("told reporters at a briefing on Monday"); the reported clause that
    // follows is what was said, not when or where.
    let mut after_end = ve;
    while after_end < tokens.len() && after_end < ve + AFTER {
        if let Some(p) = lx.channels.starting_at_owned(tokens, after_end) {
            after_end += p.words.len();
            continue;
        }
        let t = &tokens[after_end];
        let carries = ctx.in_timex(t.span.start)
            || (t.is_word
                && (t.is_capitalized(ctx.text)
                    || matches!(
                        t.lower.as_str(),
                        "on" | "in"
                            | "at"
                            | "to"
                            | "a"
                            | "an"
                            | "the"
                            | "his"
                            | "her"
                            | "its"
                            | "their"
                            | "later"
                            | "earlier"
                            | "during"
                            | "via"
                            | "through"
                            | "platform"
                            | "account"
                            | "page"
                            | "channel"
                            | "official"
                            | "own"
                            | "outside"
                            | "after"
                            | "shared"
                    )))
            || matches!(t.lower.as_str(), "’s" | "'s" | ",")
            || (t.is_word && matches!(t.lower.as_str(), "before" | "day" | "earlier"));
        if !carries {
            break;
        }
        after_end += 1;
    }
    let before_start = vi.saturating_sub(BEFORE);
    let mut speakers = subject(ctx, tokens, s.span, before_start, vi);
    // "Holt ruled out concessions, telling reporters …", "Holt, speaking on Fox News, said":
    // a participle's subject is the one the sentence opens with.
    if speakers.is_empty() && tokens[vi].lower.ends_with("ing") {
        speakers = opening_subject(ctx, tokens, vi);
    }
    // "Speaking after the talks, NATO chief Holt called …": a participle that opens the sentence
    // has the subject of the clause after its comma.
    if speakers.is_empty() && vi == 0 && tokens[vi].lower.ends_with("ing") {
        speakers = fronted_participle_subject(ctx, tokens);
    }
    let mut pronoun = None;
    if speakers.is_empty() {
        // "he said", "she also told": a pronoun right before the verb.
        let mut k = vi;
        while k > 0
            && matches!(
                tokens[k - 1].lower.as_str(),
                "also" | "later" | "then" | "again"
            )
        {
            k -= 1;
        }
        if k > 0
            && matches!(tokens[k - 1].lower.as_str(), "he" | "she")
            && !ctx.is_quoted(tokens[k - 1].span.start)
            && let Some(who) = antecedent(ctx, tokens, s.span, tokens[k - 1].span.start)
        {
            pronoun = Some((tokens[k - 1].span, vec![who]));
        }
    }
    if speakers.is_empty() && pronoun.is_none() {
        pronoun = group_speakers(ctx, tokens, s.span, vi);
    }
    // "…,” said Holt" inverts its subject; "told Holt", "telling Fox News" name a hearer.
    let inverts = matches!(
        tokens[vi].lower.as_str(),
        "said"
            | "says"
            | "added"
            | "wrote"
            | "writes"
            | "noted"
            | "stated"
            | "declared"
            | "insisted"
    );
    let speakers = if speakers.is_empty() && pronoun.is_none() && inverts {
        inverted(ctx, tokens, ve)
    } else {
        speakers
    };
    if speakers.is_empty() && pronoun.is_none() {
        return None;
    }
    // A date: after the verb, between subject and verb, or fronted ("On Tuesday, he added").
    let calendar = |x: &&crate::extract::time::Timex| {
        x.time.as_ref().is_some_and(TimeValue::is_calendar)
            && x.value.starts_with(|c: char| c.is_ascii_digit())
            && !ctx.is_quoted(x.span.start)
    };
    let after_span = span_of(tokens, &(ve..after_end.max(ve + 1).min(tokens.len())));
    let subject_start = speakers
        .first()
        .map(|a| a.span.start)
        .or(pronoun.as_ref().map(|(sp, _)| sp.start))
        .unwrap_or(h.span.start);
    let mut date = ctx
        .timexes_in(Span::new(h.span.end, after_span.end.max(h.span.end)))
        .iter()
        .find(calendar)
        .or_else(|| {
            ctx.timexes_in(Span::new(subject_start, h.span.start))
                .iter()
                .find(calendar)
        });
    // "announced new tariffs last month": a public act's object is no reported speech, so a date
    // at the end of its clause dates the act.
    if date.is_none()
        && lx.public_verbs.contains(&fold(h.span.slice(ctx.text)))
        && tokens.get(ve).is_some_and(|t| t.lower != "that")
    {
        let end = (ve..tokens.len().min(ve + AFTER))
            .find(|&k| !tokens[k].is_word && tokens[k].lower != "%" && tokens[k].lower != "-")
            .unwrap_or_else(|| tokens.len().min(ve + AFTER));
        if end > ve {
            date = ctx
                .timexes_in(span_of(tokens, &(ve..end)))
                .iter()
                .find(calendar);
        }
    }
    if date.is_none() {
        // A date opening the sentence before a comma.
        let first_comma = tokens.iter().position(|t| t.lower == ",");
        let bare = |c: usize| {
            tokens[..c].iter().all(|t| {
                ctx.in_timex(t.span.start)
                    || matches!(
                        t.lower.as_str(),
                        "on" | "late" | "early" | "earlier" | "later"
                    )
            })
        };
        if let Some(c) = first_comma.filter(|&c| c <= 4 && c < vi && bare(c)) {
            date = ctx
                .timexes_in(span_of(tokens, &(0..c)))
                .iter()
                .find(calendar);
        }
    }
    let mut channel = None;
    for k in ve..after_end {
        if let Some(p) = lx.channels.starting_at_owned(tokens, k) {
            let end = (k + p.words.len()).min(tokens.len());
            channel = Some((span_of(tokens, &(k..end)), p.value.clone()));
            break;
        }
    }
    if channel.is_none() {
        // "In a statement, …", "Speaking at a news conference, …": before the subject.
        let subj_tok = index_at(tokens, subject_start);
        for k in 0..subj_tok {
            if let Some(p) = lx.channels.starting_at_owned(tokens, k)
                && k > 0
                && matches!(
                    tokens[k - 1].lower.as_str(),
                    "in" | "at" | "on" | "a" | "during"
                )
            {
                let end = (k + p.words.len()).min(tokens.len());
                channel = Some((span_of(tokens, &(k..end)), p.value.clone()));
                break;
            }
        }
    }
    let occasion = occasion_after(ctx, tokens, ve).or_else(|| occasion_fronted(ctx, tokens, vi));
    Some(Found {
        speakers,
        pronoun,
        date,
        channel,
        occasion,
    })
}

/// Whether a sentence opens with a group of people that may be its speaker ("The two leaders
/// announced …"), checked before the sentence is read word by word.
pub fn opens_with_group(sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split_whitespace()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let group = |w: &str| matches!(w, "leaders" | "men" | "women" | "presidents" | "ministers");
    match words.as_slice() {
        [d, n, ..] if matches!(d.as_str(), "the" | "both") && group(n) => true,
        [d, two, n] => {
            matches!(d.as_str(), "the" | "both")
                && matches!(two.as_str(), "two" | "three")
                && group(n)
        }
        _ => false,
    }
}

/// "The two leaders announced …", "Both leaders warned …": a group of people as the subject of
/// the speech verb at token `vi`, standing for the people of the latest sentence before that
/// names two or more (none when no sentence close before does: the group is its own speaker).
fn group_speakers(
    ctx: &DocContext,
    tokens: &[Token],
    sentence: Span,
    vi: usize,
) -> Option<(Span, Vec<String>)> {
    let mut k = vi;
    while k > 0
        && matches!(
            tokens[k - 1].lower.as_str(),
            "also" | "then" | "jointly" | "later" | "together"
        )
    {
        k -= 1;
    }
    let noun = k.checked_sub(1)?;
    if !matches!(
        tokens[noun].lower.as_str(),
        "leaders" | "men" | "women" | "presidents" | "ministers"
    ) {
        return None;
    }
    // "the leaders", "both leaders", "the two men": a determiner that points back.
    let mut d = noun;
    if d > 0 && matches!(tokens[d - 1].lower.as_str(), "two" | "three") {
        d -= 1;
    }
    let det = d.checked_sub(1)?;
    if !matches!(tokens[det].lower.as_str(), "the" | "both") || det > 1 {
        return None;
    }
    let span = Span::new(tokens[det].span.start, tokens[noun].span.end);
    // The people of the nearest sentence before that names two or more, within a few sentences.
    let mut names: Vec<String> = Vec::new();
    let mut last_sentence: Option<usize> = None;
    for a in ctx
        .actors_before(sentence.start)
        .take_while(|a| sentence.start - a.span.start < 600)
    {
        if ctx.is_quoted(a.span.start) || !ctx.is_person(&a.actor) {
            continue;
        }
        // Persons named within one sentence of each other: a full stop between them ends the run.
        if let Some(prev) = last_sentence
            && ctx.text[a.span.end..prev].contains(". ")
        {
            if names.len() >= 2 {
                break;
            }
            names.clear();
        }
        last_sentence = Some(a.span.start);
        if !names.contains(&a.actor) {
            names.insert(0, a.actor.clone());
        }
    }
    if names.len() < 2 {
        names.clear();
    }
    Some((span, names))
}

/// Whether a fronted relation phrase ties the speech verb at token `vi` to an event: "Before
/// Monday's meeting, Holt warned …", "After the talks, Holt said …" (the phrase ends at a comma
/// before the verb and names an event).
fn occasion_fronted(ctx: &DocContext, tokens: &[Token], vi: usize) -> Option<String> {
    let lx = ctx.lx;
    let rel = lx.relations.starting_at(tokens, 0)?;
    if !matches!(rel.value.as_str(), "after" | "during" | "before") {
        return None;
    }
    let from = rel.words.len();
    // The comma closes the phrase within a few words: only those are read.
    let comma = tokens[..vi.min(from + 7)]
        .iter()
        .position(|t| t.lower == ",")?;
    if comma <= from || comma > from + 6 {
        return None;
    }
    let phrase = span_of(tokens, &(from..comma));
    ctx.hits_in(phrase)
        .iter()
        .any(|h| lx.trigger(*h).class != Class::Reporting && h.span.end <= phrase.end)
        .then(|| rel.value.clone())
}

/// Whether the words after a speech verb (ending at token `ve`) tie it to an event: a relation
/// word ("after", "during", "on the sidelines of") whose phrase names an event within a few words.
fn occasion_after(ctx: &DocContext, tokens: &[Token], ve: usize) -> Option<String> {
    let lx = ctx.lx;
    let mut k = ve;
    // "told reporters after …", "speaking later after …"
    while k < tokens.len()
        && k < ve + 3
        && (lx.channels.starting_at_owned(tokens, k).is_some()
            || matches!(
                tokens[k].lower.as_str(),
                "later" | "shortly" | "soon" | "just" | "reporters"
            ))
    {
        k += 1;
    }
    let rel = lx.relations.starting_at(tokens, k)?;
    if !matches!(rel.value.as_str(), "after" | "during" | "before") {
        return None;
    }
    let from = k + rel.words.len();
    let to = (from + 5).min(tokens.len());
    if from >= to {
        return None;
    }
    let phrase = span_of(tokens, &(from..to));
    ctx.hits_in(phrase)
        .iter()
        .any(|h| lx.trigger(*h).class != Class::Reporting && h.span.end <= phrase.end)
        .then(|| rel.value.clone())
}

/// The subject of the clause after the comma that closes a fronted participle phrase: the first
/// person or body named within three words after it.
fn fronted_participle_subject<'c>(ctx: &'c DocContext, tokens: &[Token]) -> Vec<&'c ActorMention> {
    let Some(comma) = tokens.iter().position(|t| t.lower == ",") else {
        return Vec::new();
    };
    let Some(after) = tokens.get(comma + 1) else {
        return Vec::new();
    };
    let end = tokens
        .get(comma + 5)
        .map_or(after.span.end, |t| t.span.start);
    let named: Vec<&ActorMention> = ctx
        .actors_in(Span::new(after.span.start, end))
        .iter()
        .filter(|a| !ctx.is_quoted(a.span.start))
        .collect();
    // "NATO chief Holt": the person a title names, not the body of the title.
    named
        .iter()
        .find(|a| ctx.is_person(&a.actor))
        .or(named.first())
        .map(|a| vec![*a])
        .unwrap_or_default()
}

/// The named subject of a verb at token `vi`: the nearest person or body before it in the clause
/// (an appositive between them is skipped: "Holt, the bank's chief, said"), with a second one
/// joined by "and" ("Holt and Vance said"). Objects of prepositions are not subjects.
fn subject<'c>(
    ctx: &'c DocContext,
    tokens: &[Token],
    sentence: Span,
    from: usize,
    vi: usize,
) -> Vec<&'c ActorMention> {
    let lx = ctx.lx;
    let Some(verb) = tokens.get(vi) else {
        return Vec::new();
    };
    let window = Span::new(
        tokens.get(from).map_or(sentence.start, |t| t.span.start),
        verb.span.start,
    );
    let cands: Vec<&ActorMention> = ctx
        .actors_in(window)
        .iter()
        .filter(|a| a.span.end <= verb.span.start && !ctx.is_quoted(a.span.start))
        .collect();
    // Nearest first; the first acceptable one is the subject.
    for (n, a) in cands.iter().enumerate().rev() {
        let at = index_at(tokens, a.span.start);
        let end = index_at(tokens, a.span.end);
        let prev = at.checked_sub(1).map(|p| tokens[p].lower.as_str());
        if matches!(
            prev,
            Some(
                "with"
                    | "to"
                    | "for"
                    | "by"
                    | "of"
                    | "against"
                    | "from"
                    | "about"
                    | "on"
                    | "at"
                    | "in"
                    | "between"
                    | "and"
                    | "than"
                    | "like"
                    | "under"
            )
        ) {
            // "between Holt and Vance said": the second of a pair is taken with the first below.
            if prev == Some("and") {
                continue;
            }
            return Vec::new();
        }
        // The words between the name and the verb: an appositive, adverbs, a date, auxiliaries.
        let gap = &tokens[end..vi];
        if !gap_ok(ctx, gap) {
            return Vec::new();
        }
        // "… the White House press secretary, said": an appositive names the person before it.
        let mut subject = *a;
        if prev == Some("the") || prev.is_some_and(|p| lx.role_word(p)) {
            let before = &cands[..n];
            if let Some(p) = before.last() {
                let pe = index_at(tokens, p.span.end);
                if tokens.get(pe).is_some_and(|t| t.lower == ",") && ctx.is_person(&p.actor) {
                    subject = p;
                }
            }
        }
        let mut out = vec![subject];
        // "Holt and Vance said".
        if let Some(prev_a) = cands[..n].last() {
            let pe = index_at(tokens, prev_a.span.end);
            if pe + 1 == at && tokens.get(pe).is_some_and(|t| t.lower == "and") {
                out.insert(0, prev_a);
            }
        }
        return out;
    }
    Vec::new()
}

/// The person or body a sentence opens with (after at most two words: "However, Holt …"), when it
/// comes before token `vi`.
fn opening_subject<'c>(ctx: &'c DocContext, tokens: &[Token], vi: usize) -> Vec<&'c ActorMention> {
    let (Some(first), Some(verb)) = (tokens.first(), tokens.get(vi)) else {
        return Vec::new();
    };
    ctx.actors_in(Span::new(first.span.start, verb.span.start))
        .iter()
        .filter(|a| !ctx.is_quoted(a.span.start))
        .take(1)
        .filter(|a| index_at(tokens, a.span.start) <= 2)
        .collect()
}

/// Whether the words between a subject and its speech verb leave it the subject: a few adverbs,
/// a date, an appositive, or a relative clause between commas ("Holt, who led the talks, said").
fn gap_ok(ctx: &DocContext, gap: &[Token]) -> bool {
    let relative = gap.len() >= 3
        && gap[0].lower == ","
        && matches!(gap[1].lower.as_str(), "who" | "whose")
        && gap.last().is_some_and(|t| t.lower == ",")
        && gap[2..gap.len() - 1]
            .iter()
            .all(|t| t.is_word || matches!(t.lower.as_str(), "-" | "’s" | "'s" | "%"));
    // "Holt, who announced …": the name is the subject of the relative clause's verb.
    let opens_relative = matches!(
        gap.iter().map(|t| t.lower.as_str()).collect::<Vec<_>>()[..],
        [",", "who"] | ["who"] | [",", "who", "also"] | [",", "who", "had"] | [",", "who", "has"]
    );
    if relative || opens_relative {
        return true;
    }
    if gap.len() > 8 {
        return false;
    }
    let mut commas = 0;
    for t in gap {
        if !t.is_word {
            match t.lower.as_str() {
                "," => commas += 1,
                "’s" | "'s" | "’" | "'" | "-" | "." => {}
                _ => return false,
            }
            continue;
        }
        if ctx.in_timex(t.span.start) {
            continue;
        }
        // Another verb between them makes the name part of another clause.
        if ctx.lx.trigger_word(&t.lower)
            || matches!(
                t.lower.as_str(),
                "that" | "which" | "who" | "if" | "when" | "whether" | "because"
            )
        {
            return false;
        }
    }
    // An appositive is closed by a comma: "Holt, the envoy, said".
    commas == 0 || commas == 2 || gap.iter().all(|t| t.is_word || t.lower == ",")
}

/// "…,” said Holt": a name right after the verb.
fn inverted<'c>(ctx: &'c DocContext, tokens: &[Token], ve: usize) -> Vec<&'c ActorMention> {
    let Some(first) = tokens.get(ve) else {
        return Vec::new();
    };
    let end = tokens
        .get(ve + 4)
        .map_or(first.span.end + 200, |t| t.span.start);
    ctx.actors_in(Span::new(first.span.start, end))
        .iter()
        .find(|a| {
            let at = index_at(tokens, a.span.start);
            tokens[ve..at]
                .iter()
                .all(|t| t.is_word && ctx.lx.role_word(&t.lower) || t.lower == "the")
        })
        .into_iter()
        .collect()
}

fn statement(
    ctx: &DocContext,
    s: &Sentence,
    span: Span,
    h: &Hit,
    actors: Vec<String>,
    found: &Found,
) -> Mention {
    let trig = ctx.lx.trigger(*h);
    let (date, origin, rule) = match found.date {
        Some(x) => (
            x.time.clone(),
            DateOrigin::Clause,
            Some(format!(
                "time expression '{}' of the statement",
                x.span.slice(ctx.text)
            )),
        ),
        None => (None, DateOrigin::None, None),
    };
    let noun = found
        .channel
        .as_ref()
        .map_or_else(|| "statement".to_string(), |(_, n)| n.clone());
    let mut cues = MentionCues {
        date_origin: origin,
        family: "statement".to_string(),
        noun,
        verb: trig.verb.clone().or(Some("says".to_string())),
        is_verb: true,
        sentence_actors: actors.clone(),
        sentence: s.span,
        paragraph: s.paragraph,
        ..MentionCues::default()
    };
    if let Some(dct) = ctx.dct {
        cues.not_after = Some(dct);
    }
    // "Before Monday's meeting, Holt warned …": an earlier statement than the news of the day.
    if found.date.is_none() && found.occasion.as_deref() == Some("before") {
        cues.relation = found.occasion.clone();
    }
    Mention {
        doc: ctx.doc.id.clone(),
        span,
        text: span.slice(ctx.text).to_string(),
        kind: EventKind::Statement,
        status: Status::Past,
        actors,
        place: None,
        date,
        date_rule: rule.map(|r| format!("{r}; status: a statement reported as made")),
        trigger: h.span.slice(ctx.text).to_string(),
        cues,
    }
}
