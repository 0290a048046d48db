//! Event mentions: trigger words (`assets/events.toml`) with their actors, place (`assets/places.toml`),
//! date and status, one per event a clause tells of.
//!
//! Detection reads sentence by sentence, cuts each into clauses ([`segment`]), groups the trigger
//! words of a clause into drafts ([`draft`]) and builds a mention from each ([`build`]); a last
//! pass over the document ([`dating`]) dates mentions whose clause has no date of its own.
//! Speech verbs cut sentences; with a named subject and a date or a channel ("told reporters
//! Monday") they also make `statement` mentions ([`statements`]).

pub mod build;
pub mod context;
pub mod dating;
pub mod details;
pub mod draft;
pub mod lexicon;
pub mod places;
pub mod segment;
pub mod statements;
pub mod status;
pub mod tokens;

use super::actors::{ActorMention, Gazetteer};
use super::time::Timex;
use crate::model::{Document, Mention, Span};
use crate::text;
use context::DocContext;
use lexicon::Class;

/// Finds the event mentions of one document, in text order.
pub fn detect_mentions(
    doc: &Document,
    timexes: &[Timex],
    actors: &[ActorMention],
    gazetteer: &Gazetteer,
) -> Vec<Mention> {
    let sentences = text::sentences(&doc.text);
    detect_mentions_in_sentences(doc, &sentences, timexes, actors, gazetteer)
}

/// [`detect_mentions`] with the document's sentences ([`text::sentences`]) already split, so the
/// pipeline splits each document once for quotes and events.
pub fn detect_mentions_in_sentences(
    doc: &Document,
    sentences: &[Span],
    timexes: &[Timex],
    actors: &[ActorMention],
    gazetteer: &Gazetteer,
) -> Vec<Mention> {
    let ctx = DocContext::new(doc, timexes, actors, gazetteer);
    let paragraphs = text::paragraphs(&doc.text);
    // At most one mention per event trigger: sized once, as a mention is large and growing moves them.
    let triggers = ctx
        .hits
        .iter()
        .filter(|h| ctx.lx.trigger(**h).class != Class::Reporting);
    let mut out: Vec<Mention> = Vec::with_capacity(triggers.count());
    let mut anchors: Vec<(usize, usize, String)> = Vec::new();
    let mut prev_colon: Option<usize> = None;
    // The lede: the first two sentences of prose, where a report tells its news.
    // A text of a few sentences has no lede: a report has one only when a body follows it.
    let mut prose = 0;
    for para in &paragraphs {
        if prose > LEDE_SENTENCES {
            break;
        }
        if !doc.is_chrome(para.start) && !is_heading(&doc.text, *para) {
            prose += sentences_in(sentences, *para).len();
        }
    }
    let has_lede = prose > LEDE_SENTENCES;
    let mut lede = LEDE_SENTENCES;
    let mut lede_end = 0;
    let debug = tracing::enabled!(target: "attache::debug::events", tracing::Level::DEBUG);
    for para in &paragraphs {
        if doc.is_chrome(para.start) {
            continue;
        }
        // A line of a list introduced by "…:" adds its people to the event before the colon.
        if let Some(mi) = prev_colon
            && is_list_item(&doc.text, *para)
        {
            add_list_item(&ctx, &mut out[mi], *para);
            continue;
        }
        prev_colon = None;
        let heading = is_heading(&doc.text, *para);
        for &sentence in sentences_in(sentences, *para) {
            // The headline and the lede tell the news: a statement there is the news even
            // undated.
            let in_lede = has_lede
                && ((heading && out.is_empty() && lede == LEDE_SENTENCES)
                    || (!heading && lede > 0));
            if !heading && lede > 0 {
                lede -= 1;
                lede_end = sentence.end;
            }
            let hits = ctx.hits_in(sentence);
            // Only event triggers make drafts: a sentence without one yields no mention.
            let reporting_only = hits
                .iter()
                .all(|h| ctx.lx.trigger(*h).class == Class::Reporting);
            // A sentence with only speech verbs yields a statement only with a speaker: a name,
            // or "he"/"she" standing for one.
            let may_state = || {
                hits.iter().any(|h| {
                    ctx.lx
                        .statement_verbs
                        .contains(&tokens::fold(h.span.slice(&doc.text)))
                }) && (!ctx.actors_in(sentence).is_empty()
                    || has_pronoun(sentence.slice(&doc.text))
                    || statements::opens_with_group(sentence.slice(&doc.text)))
            };
            if !debug && reporting_only && !may_state() {
                continue;
            }
            let tokens = tokens::tokenize(&doc.text, sentence);
            let reporting = ctx.reporting_in(sentence);
            let sent_timexes = ctx.timexes_in(sentence);
            let segs = segment::segments(&tokens, sent_timexes, &reporting, ctx.lx);
            let drafts = draft::drafts(&ctx, &tokens, &segs, hits);
            if debug {
                for g in &segs {
                    let sp = build::span_of(&tokens, &g.tokens);
                    tracing::debug!(
                        target: "attache::debug::events",
                        "seg {:?} {:?} {:?}",
                        g.joint,
                        g.reporting,
                        sp.slice(&doc.text)
                    );
                }
                for d in &drafts {
                    let sp = build::span_of(&tokens, &d.region);
                    tracing::debug!(
                        target: "attache::debug::events",
                        "draft {:?} {:?}",
                        d.head.span.slice(&doc.text),
                        sp.slice(&doc.text)
                    );
                }
            }
            let s = build::Sentence {
                span: sentence,
                paragraph: *para,
                tokens: &tokens,
                segs: &segs,
            };
            let first = out.len();
            for d in &drafts {
                let mut m = build::mention(&ctx, &s, d);
                // "The two leaders are expected to discuss …": the pair of the latest event told
                // between two or more people.
                if build::pair_subject(&ctx, &s, d)
                    && let Some(pair) = out.iter().rev().find_map(|p| {
                        let people: Vec<&String> =
                            p.actors.iter().filter(|a| ctx.is_person(a)).collect();
                        (people.len() >= 2).then_some(people)
                    })
                {
                    let mut actors: Vec<String> = pair.into_iter().cloned().collect();
                    for a in m.actors.drain(..) {
                        if !actors.contains(&a) {
                            actors.push(a);
                        }
                    }
                    m.actors = actors;
                }
                // "…, followed by a summit": a plan continues as a plan.
                if m.cues.relation.as_deref() == Some("then")
                    && let Some(prev) = out[first..].last()
                {
                    m.status = prev.status;
                }
                // Headings are no source of events on their own.
                if heading {
                    m.cues.reference = true;
                }
                out.push(m);
            }
            for (a, b, rel) in dating::relations(&tokens, &segs, &drafts) {
                anchors.push((first + a, first + b, rel));
            }
            if !heading || in_lede {
                out.extend(statements::mentions(&ctx, &s, in_lede));
            }
            if sentence.slice(&doc.text).trim_end().ends_with(':') && out.len() > first {
                prev_colon = Some(out.len() - 1);
            }
        }
    }
    dating::date_document(&ctx, &mut out, &anchors, lede_end);
    for m in &mut out {
        m.date = m.date.take().and_then(crate::model::TimeValue::normalised);
    }
    // Unused room goes back (in place when the allocator can): mentions are kept until the merge.
    out.shrink_to_fit();
    out
}

/// How many sentences of prose make a report's lede.
const LEDE_SENTENCES: usize = 2;

/// Whether "he" or "she" is a word of `s`.
fn has_pronoun(s: &str) -> bool {
    s.split(|c: char| !c.is_alphabetic())
        .any(|w| matches!(w, "he" | "she" | "He" | "She"))
}

/// The sentences of paragraph `para` (a paragraph splits into the same sentences on its own as
/// within its text: no sentence crosses a line).
fn sentences_in(sentences: &[Span], para: Span) -> &[Span] {
    let from = sentences.partition_point(|s| s.start < para.start);
    let len = sentences[from..].partition_point(|s| s.start < para.end);
    &sentences[from..from + len]
}

/// A heading: a short line that does not end like a sentence.
fn is_heading(text: &str, para: Span) -> bool {
    let line = para.slice(text).trim();
    if line.len() < 120 && !line.ends_with(['.', '!', '?', '”', '"', ':', '’']) {
        return true;
    }
    // Words are counted only on short lines: paragraphs of prose are long.
    if line.len() >= 200 {
        return false;
    }
    let words = line.split_whitespace().count();
    let capitalized = line
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capitalized * 3 > words * 2
}

/// A short line of a list: a bullet, or a few words without a full stop.
fn is_list_item(text: &str, para: Span) -> bool {
    let line = para.slice(text).trim();
    let bullet = line.starts_with(['•', '-', '*', '·', '▪', '–', '◦']);
    bullet || (line.len() < 90 && !line.ends_with(['.', '!', '?', '”', '"']))
}

fn add_list_item(ctx: &DocContext, m: &mut Mention, para: Span) {
    let tokens = tokens::tokenize(ctx.text, para);
    for a in ctx.actors_in(para) {
        if !m.actors.contains(&a.actor) {
            m.actors.push(a.actor.clone());
        }
        m.cues
            .details
            .extend(details::title_detail(ctx, &tokens, a));
    }
}
