//! Attribution rules, tried in the order news prose uses them:
//!
//! 1. scare quotes and titles (a "so-called" term, a Title In Capitals, a list of quoted words) get
//!    no speaker;
//! 2. `trailing`: `“…,” Holt said` / `“…,” said Holt` / `“…,” according to Holt`;
//! 3. `speech-verb`: the nearest speech verb before the quote in its sentence (`Holt said: “…”`,
//!    `Holt described it as “…”`, `…, calling it a “…”`) and that verb's subject;
//! 4. `according-to` anywhere in the sentence; `colon`: `Holt’s answer: “…”`;
//! 5. `continuation`: a quote standing alone after the previous speaker's quote or intro.
//!
//! A pronoun or role subject is resolved to an actor and the rule name says so ("trailing/pronoun").
//! When a rule finds a frame but not a nameable speaker ("a presidential aide said"), the quote
//! gets no speaker rather than falling through to a weaker rule.

use super::context::Ctx;
use super::continuation::continuation;
use super::marks::Marked;
use super::subject::{Found, Who};
use super::terms::{has_scare_marker, is_title, is_title_or_list};
use crate::extract::actors::tokens::token_at;

/// The outcome for one quote: the speaker mention and the rule, or nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attribution {
    pub speaker: Option<usize>,
    pub rule: Option<String>,
}

/// A frame was found (`Some`), with or without a speaker; `None`: try the next rule.
pub(super) type Outcome = Option<Attribution>;

fn none() -> Outcome {
    Some(Attribution::default())
}

/// Attributes every quote of a document, in text order.
pub fn attribute_all(ctx: &Ctx, quotes: &[Marked]) -> Vec<Attribution> {
    let mut speakers: Vec<Option<usize>> = vec![None; ctx.sentences.len().max(1)];
    let mut out: Vec<Attribution> = Vec::with_capacity(quotes.len());
    // Whether some rule found a frame for the quote (with or without a speaker).
    let mut framed: Vec<bool> = Vec::with_capacity(quotes.len());
    for (qi, q) in quotes.iter().enumerate() {
        let found = if has_scare_marker(ctx, q) || is_title(ctx, q, 2) {
            Some(Attribution::default())
        } else {
            match trailing(ctx, q, &speakers) {
                Some(t) if t.speaker.is_some() => Some(t),
                _ if is_title_or_list(ctx, quotes, qi) => Some(Attribution::default()),
                t => t
                    .or_else(|| leading(ctx, q, &speakers))
                    .or_else(|| according(ctx, q))
                    .or_else(|| colon(ctx, q, &speakers))
                    .or_else(|| final_frame(ctx, q, &speakers))
                    .or_else(|| continuation(ctx, quotes, qi, &out, &speakers)),
            }
        };
        framed.push(found.is_some());
        let a = found.unwrap_or_default();
        if let Some(m) = a.speaker {
            let open = token_at(ctx.toks, q.open);
            let close = token_at(ctx.toks, q.close.saturating_sub(1));
            for s in [ctx.sentence_of.get(open), ctx.sentence_of.get(close)]
                .into_iter()
                .flatten()
            {
                if let Some(slot) = speakers.get_mut(*s) {
                    *slot = Some(m);
                }
            }
        }
        out.push(a);
    }
    // Parts of one quote running over several paragraphs share its speaker (the first attributed
    // part's), found through one map so that many quotes cost linear time.
    let mut first_of_chain: rustc_hash::FxHashMap<usize, usize> = Default::default();
    for (qi, q) in quotes.iter().enumerate() {
        if out[qi].speaker.is_some() {
            first_of_chain.entry(q.chain).or_insert(qi);
        }
    }
    for qi in 0..quotes.len() {
        if out[qi].speaker.is_some() {
            continue;
        }
        if let Some(&src) = first_of_chain.get(&quotes[qi].chain) {
            out[qi] = Attribution {
                speaker: out[src].speaker,
                rule: Some("continuation".into()),
            };
            framed[qi] = true;
        }
    }
    repeated_words(ctx, quotes, &framed, &mut out);
    out
}

/// The words of a quote as compared across one document: lowercase, without the punctuation
/// around them.
fn quote_key(ctx: &Ctx, q: &Marked) -> String {
    q.inner
        .slice(ctx.text)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// A quote no rule found a frame for ("Holt hails ‘historic’ deal" in a headline) whose exact words
/// are quoted elsewhere in the document with a speaker takes that speaker, when every attributed
/// quote of those words agrees. Headlines and leads repeat the words the body attributes.
fn repeated_words(ctx: &Ctx, quotes: &[Marked], framed: &[bool], out: &mut [Attribution]) {
    if framed.iter().all(|&f| f) {
        return;
    }
    // words → the speaker's actor, or None once two speakers disagree
    let mut said: rustc_hash::FxHashMap<String, Option<usize>> = Default::default();
    for (q, a) in quotes.iter().zip(out.iter()) {
        let Some(m) = a.speaker else { continue };
        let key = quote_key(ctx, q);
        if key.is_empty() {
            continue;
        }
        said.entry(key)
            .and_modify(|e| {
                if e.is_some_and(|o| ctx.mentions[o].actor != ctx.mentions[m].actor) {
                    *e = None;
                }
            })
            .or_insert(Some(m));
    }
    for (qi, q) in quotes.iter().enumerate() {
        if framed[qi] || out[qi].speaker.is_some() {
            continue;
        }
        if let Some(Some(m)) = said.get(&quote_key(ctx, q)) {
            out[qi] = Attribution {
                speaker: Some(*m),
                rule: Some("repeated".into()),
            };
        }
    }
}

/// `“…” for both sides, the minister noted.`: a clause of subject and speech verb after the last
/// comma of the quote's sentence, with nothing but adjuncts after it.
fn final_frame(ctx: &Ctx, q: &Marked, speakers: &[Option<usize>]) -> Outcome {
    if !q.closed {
        return None;
    }
    let after = token_at(ctx.toks, q.close);
    let s = *ctx.sentence_of.get(after.saturating_sub(1))?;
    let end = ctx.sentence_end(s);
    if after >= end {
        return None;
    }
    let c = (after..end)
        .rev()
        .find(|&i| ctx.quote_of[i].is_none() && ctx.punct(i) == Some(','))?;
    if end - c > 14 || (after..end).any(|i| ctx.quote_of[i].is_some()) {
        return None;
    }
    let v = (c + 1..end).find(|&i| ctx.lex.verb_at(ctx.text, ctx.toks, i).is_some())?;
    // "…, Holt said that Sylvania agreed": the verb has a clause of its own as object.
    let n = ctx.lex.verb_at(ctx.text, ctx.toks, v).unwrap_or(1);
    let object = v + n;
    let clause_follows = matches!(
        ctx.key(object),
        "that" | "if" | "whether" | "he" | "she" | "it" | "they" | "we"
    ) || ctx.mention_starting_at(object).is_some();
    if ctx.key(v).ends_with("ing") || is_passive(ctx, v, c + 1) || clause_follows {
        return None;
    }
    let f = ctx.subject_before(v, c + 1);
    if !(f.start == c + 1 || modifiers_only(ctx, c + 1, f.start)) {
        return None;
    }
    match f.who {
        Who::Actor(_) | Who::Pronoun(..) => speaker_of(ctx, f, "final-clause", speakers),
        _ => None,
    }
}

/// Turns a subject into a speaker mention, resolving pronouns; `rule` gets "/pronoun" or "/role".
pub(super) fn speaker_of(ctx: &Ctx, f: Found, rule: &str, speakers: &[Option<usize>]) -> Outcome {
    let m = match f.who {
        Who::Actor(m) => m,
        Who::Pronoun(p, g) => {
            return Some(match ctx.resolve_pronoun(p, g, speakers) {
                Some(m) => Attribution {
                    speaker: Some(m),
                    rule: Some(format!("{rule}/pronoun")),
                },
                None => Attribution::default(),
            });
        }
        Who::Record(p) => {
            return Some(match ctx.record_author(p, speakers) {
                Some(m) => Attribution {
                    speaker: Some(m),
                    rule: Some(format!("{rule}/record")),
                },
                None => Attribution::default(),
            });
        }
        _ => return none(),
    };
    let via = ctx.mentions[m].via.as_str();
    let rule = if via.starts_with("role") {
        format!("{rule}/role")
    } else {
        rule.to_string()
    };
    Some(Attribution {
        speaker: Some(m),
        rule: Some(rule),
    })
}

/// `“…,” Holt said` / `“…,” said Holt` / `“…,” according to Holt`.
fn trailing(ctx: &Ctx, q: &Marked, speakers: &[Option<usize>]) -> Outcome {
    if !q.closed {
        return None;
    }
    let mut t0 = token_at(ctx.toks, q.close);
    let first = ctx.toks.get(t0)?;
    if q.ends_sentence && q.inner.slice(ctx.text).ends_with('.') && first.is_capitalized(ctx.text) {
        return None;
    }
    if ctx.punct(t0) == Some(',') {
        t0 += 1;
    }
    let s = *ctx.sentence_of.get(t0)?;
    let end = ctx.sentence_end(s);
    // A frame in the next paragraph belongs to that paragraph's own quotes or to none.
    if ctx.paragraph_of.get(t0) != ctx.paragraph_of.get(token_at(ctx.toks, q.open)) {
        return None;
    }
    // “…,” said Holt
    if let Some(n) = ctx.lex.verb_at(ctx.text, ctx.toks, t0)
        && !ctx.key(t0).ends_with("ing")
        && inverted_subject_follows(ctx, t0 + n)
    {
        let k = t0 + n;
        if let Some(g) = pronoun_at(ctx, k) {
            return said_by(ctx, Who::Pronoun(k, g), k, "trailing", speakers);
        }
        return match (k..(k + 8).min(end)).find_map(|i| ctx.head_mention_at(i)) {
            Some(m) if ctx.np_start(m) <= k => said_by(ctx, Who::Actor(m), k, "trailing", speakers),
            _ => none(),
        };
    }
    // “…,” according to Holt. “According to a readout” names a record, not a speaker: the
    // frame before the quote then decides ("X told Y that Z was “…,” according to a readout").
    if ctx.key(t0) == "according" && ctx.key(t0 + 1) == "to" {
        return ctx
            .head_mention_at(after_article(ctx, t0 + 2))
            .and_then(|m| said_by(ctx, Who::Actor(m), t0 + 2, "according-to", speakers));
    }
    // “…,” Holt said / “…,” the French president told reporters
    let v = (t0..(t0 + 25).min(end))
        .take_while(|&i| ctx.quote_of[i].is_none())
        .find(|&i| ctx.lex.verb_at(ctx.text, ctx.toks, i).is_some())?;
    if let Some(m) = quoted_as_saying(ctx, v) {
        return said_by(ctx, Who::Actor(m), v, "quoted-as-saying", speakers);
    }
    let f = ctx.subject_before(v, t0);
    match f.who {
        Who::Unknown
            if v > t0
                && v - t0 <= 4
                && (t0..v).all(|i| ctx.is_word(i))
                && !ctx.lex.openers.contains(ctx.key(t0))
                && !ctx.lex.prepositions.contains(ctx.key(t0)) =>
        {
            none()
        }
        Who::Unknown | Who::Passive => None,
        _ if f.start == t0
            || modifiers_only(ctx, t0, f.start)
            || title_set_off(ctx, t0, f.start) =>
        {
            speaker_of(ctx, f, "trailing", speakers)
        }
        _ => None,
    }
}

/// "“…,” Vey’s spokesman, Dan Ode, said": from `from` to the name at `to`, only a title set off
/// by a comma, maybe after its holder's possessive ("Vey’s", "the ministry's").
fn title_set_off(ctx: &Ctx, from: usize, to: usize) -> bool {
    if to < from + 2 || to - from > 8 || ctx.punct(to - 1) != Some(',') {
        return false;
    }
    let Some(run) =
        crate::extract::actors::titles::title_before(ctx.text, ctx.toks, ctx.gaz, to - 1)
    else {
        return false;
    };
    if run.head.is_none() || run.start < from {
        return false;
    }
    // What comes before the title: nothing, "the", or a possessor ending in "’s".
    run.start == from
        || (run.start == from + 1 && ctx.key(from) == "the")
        || (run.start > from
            && matches!(
                ctx.toks[run.start - 1].kind,
                crate::extract::actors::tokens::TokKind::Possessive
            )
            && (from..run.start - 1).all(|i| ctx.is_word(i)))
}

/// "Xinhua quoted Xi as saying", "the agency cited Holt as saying": the one quoted is the
/// speaker, not the outlet quoting (the verb at `v` is "saying").
fn quoted_as_saying(ctx: &Ctx, v: usize) -> Option<usize> {
    if v < 3 || ctx.key(v) != "saying" || ctx.key(v - 1) != "as" {
        return None;
    }
    let m = ctx.mention_ending_at(v - 2)?;
    let before = ctx.np_start(m).checked_sub(1)?;
    matches!(ctx.key(before), "quoted" | "cited" | "quoting" | "citing").then_some(m)
}

/// After "“…,” said": a name, a determiner or a pronoun, not "that" or a preposition.
fn inverted_subject_follows(ctx: &Ctx, k: usize) -> bool {
    let key = ctx.key(k);
    ctx.toks.get(k).is_some_and(|t| t.is_capitalized(ctx.text))
        || matches!(
            key,
            "the" | "a" | "an" | "one" | "another" | "his" | "her" | "their"
        )
        || pronoun_at(ctx, k).is_some()
        // "said farmer Jane Holt": a title noun before a name
        || (k..k + 4)
            .find_map(|i| ctx.mention_starting_at(i))
            .is_some_and(|m| ctx.np_start(m) <= k)
}

/// "“…,” union leader Jane Holt said": up to three lowercase modifiers before the title.
fn modifiers_only(ctx: &Ctx, from: usize, to: usize) -> bool {
    to > from
        && to - from <= 3
        && (from..to).all(|i| {
            let k = ctx.key(i);
            ctx.is_word(i)
                && !ctx.toks[i].is_capitalized(ctx.text)
                && !ctx.lex.openers.contains(k)
                && !ctx.lex.prepositions.contains(k)
                && !ctx.lex.skip.contains(k)
                && ctx.lex.verb_at(ctx.text, ctx.toks, i).is_none()
        })
}

fn said_by(ctx: &Ctx, who: Who, start: usize, rule: &str, speakers: &[Option<usize>]) -> Outcome {
    speaker_of(ctx, Found { who, start }, rule, speakers)
}

fn pronoun_at(ctx: &Ctx, i: usize) -> Option<crate::extract::actors::Gender> {
    let k = ctx.key(i);
    if ctx.lex.male.contains(k) {
        Some(crate::extract::actors::Gender::Male)
    } else if ctx.lex.female.contains(k) {
        Some(crate::extract::actors::Gender::Female)
    } else {
        None
    }
}

/// The nearest speech verb before the quote in its sentence, and its subject.
fn leading(ctx: &Ctx, q: &Marked, speakers: &[Option<usize>]) -> Outcome {
    let open = token_at(ctx.toks, q.open);
    let s = *ctx.sentence_of.get(open)?;
    let s0 = ctx.sentence_start(s);
    let mut boundary = false;
    let mut j = open;
    while j > s0 {
        j -= 1;
        if ctx.quote_of[j].is_some() {
            continue;
        }
        if matches!(ctx.punct(j), Some(',' | '—' | '–' | '(' | ')' | ';')) {
            boundary = true;
            continue;
        }
        let key = ctx.key(j);
        // A relative clause about someone else (", whose “…”") or a new clause with its own
        // subject (", and the leaders agreed on “…”") that has no speech verb of its own.
        let prev = j.checked_sub(1).and_then(|p| ctx.punct(p));
        if !boundary && ctx.lex.relatives.contains(key) && matches!(prev, Some(',' | '—' | '–'))
        {
            return none();
        }
        if !boundary && is_new_clause(ctx, j, prev) {
            return none();
        }
        // "Calling it “historic”, Holt announced …": a participle opening the sentence (and so
        // capitalised, which `verb_at` does not read as a verb).
        if (s0..j).all(|i| !ctx.is_word(i)) && key.ends_with("ing") && ctx.lex.is_speech_verb(key) {
            let f = ctx.subject_after_participial(j + 1, ctx.sentence_end(s));
            return speaker_of(ctx, f, "participial", speakers);
        }
        if let Some(n) = ctx.lex.verb_at(ctx.text, ctx.toks, j) {
            if let Some(m) = quoted_as_saying(ctx, j) {
                return said_by(ctx, Who::Actor(m), j, "quoted-as-saying", speakers);
            }
            if is_passive(ctx, j, s0) {
                return passive_by(ctx, j + n, open, speakers);
            }
            let f = ctx.subject_before(j, s0);
            let between = open > j + n
                && ctx.punct(open - 1) == Some(':')
                && (j + n..open).all(|i| {
                    matches!(ctx.punct(i), Some(':' | ','))
                        || ctx
                            .lex
                            .audience
                            .iter()
                            .any(|a| a.iter().any(|w| w == ctx.key(i)))
                });
            let rule = if between { "said-colon" } else { "speech-verb" };
            return speaker_of(ctx, f, rule, speakers);
        }
    }
    None
}

/// "and the leaders …", "while Holt …": a coordinator or subordinator followed by a new subject.
fn is_new_clause(ctx: &Ctx, j: usize, prev: Option<char>) -> bool {
    let key = ctx.key(j);
    let strong = matches!(key, "while" | "whereas" | "although" | "though");
    let coord = matches!(key, "and" | "but") && prev == Some(',');
    if !(strong || coord) {
        return false;
    }
    let next = j + 1;
    let nk = ctx.key(next);
    matches!(
        nk,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "they" | "it" | "we" | "he" | "she"
    ) || ctx.mention_starting_at(next).is_some()
        || ctx
            .toks
            .get(next)
            .is_some_and(|t| t.is_capitalized(ctx.text))
}

/// "was described as", "were called": an auxiliary of the passive before the verb at `v`.
pub(super) fn is_passive(ctx: &Ctx, v: usize, s0: usize) -> bool {
    let mut i = v;
    while i > s0 {
        i -= 1;
        let k = ctx.key(i);
        if ctx.lex.passive.contains(k) {
            return true;
        }
        if !(ctx.lex.skip.contains(k) || (k.len() > 4 && k.ends_with("ly"))) {
            return false;
        }
    }
    false
}

/// "was described by Holt as “…”", "was called “…” by Holt": the agent after "by", if any.
fn passive_by(ctx: &Ctx, from: usize, open: usize, speakers: &[Option<usize>]) -> Outcome {
    let s = ctx.sentence_of.get(open).copied().unwrap_or(0);
    let end = ctx.sentence_end(s).max(open);
    for i in from..end {
        if (i < open || ctx.quote_of[i].is_none())
            && ctx.key(i) == "by"
            && let Some(m) = ctx.head_mention_at(i + 1)
        {
            return said_by(ctx, Who::Actor(m), i + 1, "passive-by", speakers);
        }
    }
    none()
}

/// The token after a leading "the" ("according to the ministry").
fn after_article(ctx: &Ctx, i: usize) -> usize {
    if ctx.key(i) == "the" && ctx.mention_starting_at(i).is_none() {
        i + 1
    } else {
        i
    }
}

/// "according to Holt" anywhere in the quote's sentence.
fn according(ctx: &Ctx, q: &Marked) -> Outcome {
    let open = token_at(ctx.toks, q.open);
    let s = *ctx.sentence_of.get(open)?;
    let (a, b) = ctx.sentences[s];
    for i in a..b {
        if ctx.quote_of[i].is_some() || ctx.key(i) != "according" || ctx.key(i + 1) != "to" {
            continue;
        }
        let m = ctx.head_mention_at(after_article(ctx, i + 2))?;
        return Some(Attribution {
            speaker: Some(m),
            rule: Some("according-to".into()),
        });
    }
    None
}

/// `Holt’s verdict: “…”` and `Holt: ‘…’` (headlines): a colon right before the quote, with the
/// subject of the clause before it.
fn colon(ctx: &Ctx, q: &Marked, speakers: &[Option<usize>]) -> Outcome {
    let open = token_at(ctx.toks, q.open);
    if open == 0 || ctx.punct(open - 1) != Some(':') {
        return None;
    }
    let s = ctx.sentence_of[open - 1];
    let f = ctx.main_subject(ctx.sentence_start(s), open - 1);
    speaker_of(ctx, f, "colon", speakers)
}
