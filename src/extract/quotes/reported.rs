//! Reported speech: what someone said without quotation marks — "Holt said on Friday that the
//! border would reopen", "Holt told reporters the talks had stalled", "according to Holt, the
//! border will reopen", "The border will reopen, Holt said". Each is a [`Reported`] statement with
//! its speaker, the date of the saying and the reported clause as a byte-exact span.
//!
//! A reported clause is a paraphrase: it is never a [`crate::model::Quote`], so nothing that shows
//! or copies quotes verbatim can present it as one.
//!
//! Left out on purpose: "is said to be" (passive), "did not say", "declined to say", "would say",
//! "if Holt said …" (not a statement made), "so-called" (not a verb), a clause holding quotation
//! marks (the direct quote is the record) and a statement whose speaker cannot be named.

use super::attribute::{is_passive, speaker_of};
use super::context::Ctx;
use super::lexicon::Lexicon;
use super::subject::Who;
use crate::extract::actors::ActorMention;
use crate::extract::actors::Gazetteer;
use crate::extract::actors::tokens::Tok;
use crate::extract::actors::tokens::tokenize;
use crate::model::{Document, Span, TimeValue};

pub use crate::model::Reported;

/// Words that turn a reporting verb into something not said: a negation, a modal, "to".
const NOT_SAID: [&str; 14] = [
    "not", "n't", "never", "would", "could", "might", "may", "should", "will", "to", "cannot",
    "can", "must", "shall",
];

/// Openers of a hypothetical or conditional clause: a saying inside one was not made.
const HYPOTHETICAL: [&str; 4] = ["if", "unless", "whether", "suppose"];

/// Words that may stand between a reporting verb and its clause ("said on Friday that",
/// "told reporters in Ostia that").
const ADJUNCTS: [&str; 29] = [
    "on",
    "in",
    "at",
    "during",
    "late",
    "early",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "morning",
    "afternoon",
    "evening",
    "night",
    "last",
    "this",
    "week",
    "a",
    "an",
    "the",
    "again",
];

/// Words that can open a reported clause without "that": a determiner or a pronoun subject.
const CLAUSE_OPENERS: [&str; 25] = [
    "the", "a", "an", "his", "her", "its", "their", "our", "he", "she", "it", "they", "we",
    "there", "this", "these", "those", "more", "some", "no", "both", "all", "several", "many",
    "any",
];

/// The reported statements of one document.
pub fn reported_statements(doc: &Document) -> Vec<Reported> {
    reported_statements_with(doc, Gazetteer::embedded())
}

/// [`reported_statements`] with a given gazetteer (tests use an invented cast).
pub fn reported_statements_with(doc: &Document, gaz: &Gazetteer) -> Vec<Reported> {
    let text = doc.text.as_str();
    let toks = tokenize(text);
    let (mentions, _) = crate::extract::actors::find_actors_in(doc, gaz, &toks);
    let sentences = crate::text::sentences(text);
    let marked = super::marks::find_quotes(text);
    reported_in(doc, &toks, &sentences, &mentions, gaz, &marked)
}

/// [`reported_statements_with`] from what the pipeline already made of the document: its
/// tokens, sentences, the actors named in it and its quotation marks.
pub fn reported_in(
    doc: &Document,
    toks: &[Tok],
    sentences: &[Span],
    mentions: &[ActorMention],
    gaz: &Gazetteer,
    marked: &[super::marks::Marked],
) -> Vec<Reported> {
    let text = doc.text.as_str();
    let lex = Lexicon::embedded();
    let described = super::bodies::with_speaking_bodies(text, toks, gaz, lex, mentions);
    let mentions = described.as_deref().unwrap_or(mentions);
    let ctx = Ctx::new(text, toks, sentences, gaz, lex, mentions, marked);
    let speakers: Vec<Option<usize>> = vec![None; ctx.sentences.len()];
    let mut out = Vec::new();
    for s in 0..ctx.sentences.len() {
        let (a, b) = ctx.sentences[s];
        if a >= b || doc.is_chrome(toks[a].start) {
            continue;
        }
        let Some(found) = in_sentence(&ctx, s, &speakers) else {
            continue;
        };
        let Some(clause) = text.get(found.clause.range()) else {
            continue;
        };
        let date = found
            .when
            .and_then(|w| text.get(w.range()))
            .and_then(|w| date_of(w, doc));
        out.push(Reported {
            id: format!("{}-r{}", doc.id, out.len() + 1),
            doc: doc.id.clone(),
            span: found.clause,
            text: clause.to_string(),
            speaker: ctx.mentions[found.speaker].actor.clone(),
            attribution: found.rule,
            verb: found.verb,
            date,
            event: None,
        });
    }
    out
}

/// The date a stretch of words between speaker and clause gives ("on Friday"), read against the
/// document's publication date.
fn date_of(words: &str, doc: &Document) -> Option<TimeValue> {
    crate::extract::time::tag(words, doc.published.date)
        .into_iter()
        .find_map(|t| t.time.filter(|v| v.start.is_some()))
}

/// One statement found in a sentence.
struct Found {
    speaker: usize,
    rule: String,
    verb: String,
    clause: Span,
    /// The words between the verb and the clause, where the saying's date may be.
    when: Option<Span>,
}

/// The byte span of tokens `[from, to)`, trimmed of closing punctuation; `None` when it has
/// fewer than three words or holds a quotation mark.
fn clause_span(ctx: &Ctx, from: usize, to: usize) -> Option<Span> {
    let mut to = cut_narration(ctx, from, to);
    while to > from && !ctx.is_word(to - 1) {
        to -= 1;
    }
    if to <= from || (from..to).filter(|&i| ctx.is_word(i)).count() < 3 {
        return None;
    }
    if (from..to).any(|i| ctx.quote_of[i].is_some()) {
        return None;
    }
    let span = Span::new(ctx.toks[from].start, ctx.toks[to - 1].end);
    let words = ctx.text.get(span.range())?;
    // Quotation marks of any kind, TeX-style ``…'' included: the clause holds a direct quote.
    let quoted =
        words.contains(['“', '”', '"', '«', '»']) || words.contains("``") || words.contains("''");
    (!quoted).then_some(span)
}

fn in_sentence(ctx: &Ctx, s: usize, speakers: &[Option<usize>]) -> Option<Found> {
    let (a, b) = ctx.sentences[s];
    // A sentence with a direct quote is the quote's: its verb frames the quoted words.
    if (a..b).any(|i| ctx.quote_of[i].is_some()) {
        return None;
    }
    if let Some(f) = according(ctx, a, b) {
        return Some(f);
    }
    for v in a..b {
        if ctx.quote_of[v].is_some() || !ctx.lex.reporting.contains(ctx.key(v)) {
            continue;
        }
        let Some(n) = ctx.lex.verb_at(ctx.text, ctx.toks, v) else {
            continue;
        };
        if !said(ctx, a, v) {
            continue;
        }
        if let Some(f) = with_clause_after(ctx, v, n, a, b, speakers) {
            return Some(f);
        }
        if let Some(f) = final_clause(ctx, v, n, a, b, speakers) {
            return Some(f);
        }
    }
    None
}

/// Whether the verb at `v` reports a saying: not passive ("is said to"), not negated or modal
/// ("did not say", "would say"), not inside a hypothetical ("if Holt said …").
fn said(ctx: &Ctx, a: usize, v: usize) -> bool {
    if is_passive(ctx, v, a) || ctx.key(v + 1) == "to" {
        return false;
    }
    let before = (v.saturating_sub(2).max(a)..v).map(|i| ctx.key(i));
    if before.clone().any(|k| NOT_SAID.contains(&k)) {
        return false;
    }
    !(a..v).any(|i| HYPOTHETICAL.contains(&ctx.key(i)))
}

/// The speaker of the verb at `v`, resolved like a quote's.
fn speaker_at(
    ctx: &Ctx,
    v: usize,
    a: usize,
    speakers: &[Option<usize>],
) -> Option<(usize, String)> {
    let f = ctx.subject_before(v, a);
    if !matches!(f.who, Who::Actor(_) | Who::Pronoun(..)) {
        return None;
    }
    let at = speaker_of(ctx, f, "x", speakers)?;
    let suffix = at
        .rule
        .as_deref()
        .and_then(|r| r.strip_prefix('x'))
        .unwrap_or("");
    Some((at.speaker?, suffix.to_string()))
}

/// "Holt said (on Friday) (that) …", "Holt told reporters (that) …".
fn with_clause_after(
    ctx: &Ctx,
    v: usize,
    n: usize,
    a: usize,
    b: usize,
    speakers: &[Option<usize>],
) -> Option<Found> {
    let mut j = v + n;
    // "told reporters", "told Holt", "told him": the hearer.
    if ctx.key(v).starts_with("tel") || ctx.key(v) == "told" {
        if let Some(m) = ctx.mention_starting_at(j) {
            j = ctx.mention_toks[m].1 + 1;
        } else if ctx.is_word(j) && !ctx.toks[j].is_capitalized(ctx.text) {
            j += 1;
        } else if ctx.is_word(j) {
            // "told Cabinet", "told Parliament": a hearer the gazetteer does not know.
            let run = (j..(j + 3).min(b))
                .take_while(|&i| ctx.is_word(i) && ctx.toks[i].is_capitalized(ctx.text))
                .count();
            j += run;
        } else {
            return None;
        }
    }
    let adjunct_from = j;
    while j < b && j < adjunct_from + 8 && ADJUNCTS.contains(&ctx.key(j)) {
        // "the", "a" open the clause itself unless a preposition came just before.
        if matches!(ctx.key(j), "the" | "a" | "an" | "this")
            && !(j > adjunct_from && matches!(ctx.key(j - 1), "on" | "in" | "at" | "during"))
        {
            break;
        }
        j += 1;
    }
    // "in a statement", "at a briefing": a capitalised name or a noun after the preposition.
    while j < b && j < adjunct_from + 8 && ctx.is_word(j) && ctx.key(j) != "that" {
        let prev = ctx.key(j - 1);
        if matches!(prev, "on" | "in" | "at" | "during" | "a" | "an" | "the") {
            j += 1;
        } else {
            break;
        }
    }
    let when =
        (j > adjunct_from).then(|| Span::new(ctx.toks[adjunct_from].start, ctx.toks[j - 1].end));
    let (start, rule) = if ctx.key(j) == "that" {
        (j + 1, "reported-that")
    } else if ctx.lex.reporting_bare.contains(ctx.key(v)) {
        // "Holt said the border would reopen": a verb that takes a clause without "that", and a
        // clause (a subject, then a finite verb soon after) rather than an object ("confirmed
        // the trip").
        let k = ctx.key(j);
        let subject_like = CLAUSE_OPENERS.contains(&k)
            || ctx.mention_starting_at(j).is_some()
            || ctx.toks.get(j).is_some_and(|t| t.is_capitalized(ctx.text))
            // "said talks had stalled": a bare plural noun
            || (k.len() > 3 && k.ends_with('s') && !ctx.lex.prepositions.contains(k));
        if !subject_like || ctx.punct(j).is_some() || !finite_verb_soon(ctx, j + 1, b) {
            return None;
        }
        (j, "reported-clause")
    } else {
        return None;
    };
    let clause = clause_span(ctx, start, b)?;
    let (speaker, suffix) = speaker_at(ctx, v, a, speakers)?;
    Some(Found {
        speaker,
        rule: format!("{rule}{suffix}"),
        verb: ctx
            .text
            .get(ctx.toks[v].start..ctx.toks[v + n - 1].end)?
            .to_string(),
        clause,
        when,
    })
}

/// Where the reported clause hands back to narration, before `to`: ", saying …" or "and said …"
/// (another saying by the same speaker) or "but provided no details" (a verb of the speaker's,
/// with no subject of its own).
fn cut_narration(ctx: &Ctx, from: usize, to: usize) -> usize {
    (from + 1..to)
        .find(|&i| {
            let next = ctx.key(i + 1);
            let lower = ctx
                .toks
                .get(i + 1)
                .is_some_and(|t| t.is_word() && !t.is_capitalized(ctx.text));
            (ctx.punct(i) == Some(',')
                && lower
                && next.ends_with("ing")
                && ctx.lex.is_speech_verb(next))
                || (matches!(ctx.key(i), "but" | "and")
                    && lower
                    && ((next.len() > 3 && next.ends_with("ed") && !NOT_PAST.contains(&next))
                        || ctx.lex.reporting.contains(next)))
        })
        .unwrap_or(to)
}

/// Auxiliaries and modals that make a clause finite.
const FINITE: [&str; 18] = [
    "is", "was", "were", "are", "will", "would", "could", "can", "has", "had", "have", "should",
    "must", "may", "might", "did", "does", "do",
];

/// Words in "-ed" that are not past forms.
const NOT_PAST: [&str; 8] = [
    "need", "feed", "seed", "speed", "deed", "greed", "bed", "red",
];

/// Whether a finite verb (an auxiliary, a modal, a past or a third-person form; a plural noun
/// passes too, so this only tells a clause from a bare object) follows within eight words of `from`.
fn finite_verb_soon(ctx: &Ctx, from: usize, b: usize) -> bool {
    (from..b).filter(|&i| ctx.is_word(i)).take(8).any(|i| {
        let k = ctx.key(i);
        !ctx.toks[i].is_capitalized(ctx.text)
            && (FINITE.contains(&k)
                || (k.len() > 3 && k.ends_with("ed") && !NOT_PAST.contains(&k))
                || (k.len() > 3 && k.ends_with('s') && !k.ends_with("ss")))
    })
}

/// "The border will reopen in May, Holt said (on Friday)." — the reporting clause closes the
/// sentence after its last comma.
fn final_clause(
    ctx: &Ctx,
    v: usize,
    n: usize,
    a: usize,
    b: usize,
    speakers: &[Option<usize>],
) -> Option<Found> {
    let c = v.checked_sub(1).and_then(|v1| {
        (a..v1.max(a) + 1)
            .rev()
            .take(8)
            .find(|&i| ctx.punct(i) == Some(','))
    })?;
    // After the verb only a short tail ("told reporters in Ostia on Friday"), no clause of its own.
    let tail: Vec<usize> = (v + n..b).filter(|&i| ctx.is_word(i)).collect();
    if tail.len() > 8
        || tail
            .iter()
            .any(|&i| matches!(ctx.key(i), "that" | "if" | "whether") || ctx.quote_of[i].is_some())
    {
        return None;
    }
    let f = ctx.subject_before(v, c + 1);
    if f.start != c + 1 {
        return None;
    }
    let clause = clause_span(ctx, a, c)?;
    let (speaker, suffix) = speaker_at(ctx, v, c + 1, speakers)?;
    let when = (v + n < b && ctx.is_word(v + n))
        .then(|| Span::new(ctx.toks[v + n].start, ctx.toks[b - 1].end));
    Some(Found {
        speaker,
        rule: format!("reported-final{suffix}"),
        verb: ctx
            .text
            .get(ctx.toks[v].start..ctx.toks[v + n - 1].end)?
            .to_string(),
        clause,
        when,
    })
}

/// "According to Holt, …" opening the sentence, or "…, according to Holt." closing it.
fn according(ctx: &Ctx, a: usize, b: usize) -> Option<Found> {
    let head = |i: usize| {
        let i = if ctx.key(i) == "the" && ctx.mention_starting_at(i).is_none() {
            i + 1
        } else {
            i
        };
        ctx.head_mention_at(i)
    };
    let mut last = b;
    while last > a && !ctx.is_word(last - 1) {
        last -= 1;
    }
    // Opening: "According to Holt, CLAUSE."
    if ctx.key(a) == "according" && ctx.key(a + 1) == "to" {
        let m = head(a + 2)?;
        let end = ctx.mention_toks[m].1 + 1;
        if ctx.punct(end) != Some(',') {
            return None;
        }
        let clause = clause_span(ctx, end + 1, b)?;
        return Some(Found {
            speaker: m,
            rule: "according-to".into(),
            verb: "according to".into(),
            clause,
            when: None,
        });
    }
    // Closing: "CLAUSE, according to Holt."
    let c = (a..b).rev().take(10).find(|&i| {
        ctx.punct(i) == Some(',') && ctx.key(i + 1) == "according" && ctx.key(i + 2) == "to"
    })?;
    let m = head(c + 3)?;
    if ctx.mention_toks[m].1 + 1 != last {
        return None;
    }
    let clause = clause_span(ctx, a, c)?;
    Some(Found {
        speaker: m,
        rule: "according-to".into(),
        verb: "according to".into(),
        clause,
        when: None,
    })
}
