//! Clauses of a sentence: where one event's words stop and another's begin.
//!
//! News sentences pack several events: "X said he had held a call with Y — whom he met last week in
//! Z — following his meeting at W." The date, place and people of each event are the ones in its
//! own clause, so a sentence is cut at punctuation, at relation words ("during", "after",
//! "since") and after speech verbs ("said", "announced Monday that"); each cut records how the
//! next clause hangs on the previous one.

use super::lexicon::{Class, Lexicon};
use super::tokens::Token;
use crate::extract::time::Timex;
use crate::model::Span;
use std::ops::Range;

/// How a clause attaches to the one before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Joint {
    Start,
    Comma,
    /// `;` or `:`.
    Colon,
    Dash,
    Paren,
    /// "…, where", "— whom": a relative clause about something in the previous clause.
    Relative,
    /// A clause about another event, and how this sentence's event relates to it
    /// ("during", "after", "before", "since", "then").
    Relation(String),
    /// What a speech verb reports ("said that …").
    Reported,
}

/// A clause: a run of tokens of one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub tokens: Range<usize>,
    pub joint: Joint,
    /// Whether this clause is a report ("Trump said", "according to officials").
    pub reporting: bool,
}

/// Whether token `i` lies in a time expression ("since *last week*", "*before month's end*").
fn in_timex(tokens: &[Token], i: usize, timexes: &[Timex]) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| timexes.iter().any(|x| x.span.contains(t.span.start)))
}

/// Cuts the tokens of one sentence into clauses. `reporting` are the spans of speech verbs.
pub fn segments(
    tokens: &[Token],
    timexes: &[Timex],
    reporting: &[Span],
    lx: &Lexicon,
) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut joint = Joint::Start;
    let mut i = 0;
    let close = |out: &mut Vec<Segment>, s: usize, e: usize, j: Joint, rep: bool| {
        if s < e {
            out.push(Segment {
                tokens: s..e,
                joint: j,
                reporting: rep,
            });
        }
    };
    while i < tokens.len() {
        let t = &tokens[i];
        if !t.is_word {
            let j = match t.lower.as_str() {
                "," => Some(Joint::Comma),
                ";" | ":" => Some(Joint::Colon),
                "—" | "–" | "-" => Some(Joint::Dash),
                "(" | ")" => Some(Joint::Paren),
                _ => None,
            };
            if let Some(j) = j {
                close(&mut out, start, i, joint.clone(), false);
                start = i + 1;
                joint = j;
                // A relative pronoun right after the cut makes it a relative clause.
                if tokens.get(start).is_some_and(|n| {
                    matches!(
                        n.lower.as_str(),
                        "where" | "when" | "which" | "who" | "whom" | "whose"
                    )
                }) {
                    joint = Joint::Relative;
                }
            }
            i += 1;
            continue;
        }
        if reporting.iter().any(|r| r.contains(t.span.start)) {
            // The report runs to the end of the speech verb, a time right after it, and "that".
            let mut e = i + 1;
            while e < tokens.len() && reporting.iter().any(|r| r.contains(tokens[e].span.start)) {
                e += 1;
            }
            let limit = (e + 12).min(tokens.len());
            if let Some(k) = (e..limit).find(|&k| tokens[k].lower == "that") {
                let clean = tokens[e..k]
                    .iter()
                    .all(|x| x.is_word && !matches!(x.lower.as_str(), "he" | "she" | "they"));
                if clean {
                    e = k + 1;
                }
            }
            while e < tokens.len()
                && timexes
                    .iter()
                    .any(|x| x.span.contains(tokens[e].span.start))
            {
                e += 1;
            }
            close(&mut out, start, e, joint.clone(), true);
            if let Some(last) = out.last_mut()
                && last.tokens.end == e
            {
                last.reporting = true;
            }
            start = e;
            joint = Joint::Reported;
            i = e;
            continue;
        }
        if let Some((n, rel)) = relation_at(tokens, i, lx)
            && !in_timex(tokens, i, timexes)
            && !in_timex(tokens, i + n, timexes)
        {
            // At the start of a clause the relation word only names the clause's relation.
            if i > start {
                close(&mut out, start, i, joint.clone(), false);
                start = i;
            }
            joint = Joint::Relation(rel);
            i += n;
            continue;
        }
        i += 1;
    }
    close(&mut out, start, tokens.len(), joint, false);
    out
}

fn relation_at(tokens: &[Token], i: usize, lx: &Lexicon) -> Option<(usize, String)> {
    lx.relations
        .starting_at(tokens, i)
        .map(|p| (p.words.len(), p.value.clone()))
}

/// The spans of speech verbs among the lexicon's hits.
pub fn reporting_spans(hits: &[super::lexicon::Hit], lx: &Lexicon) -> Vec<Span> {
    hits.iter()
        .filter(|h| lx.trigger(**h).class == Class::Reporting)
        .map(|h| h.span)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn cut(text: &str) -> Vec<(String, Joint, bool)> {
        let lx = Lexicon::embedded();
        let tokens = tokenize(text, Span::new(0, text.len()));
        let rep = reporting_spans(&lx.find(text), lx);
        segments(&tokens, &[], &rep, lx)
            .into_iter()
            .map(|s| {
                let sp = super::super::build::span_of(&tokens, &s.tokens);
                (sp.slice(text).to_string(), s.joint, s.reporting)
            })
            .collect()
    }

    #[test]
    fn cuts_after_speech_verbs_and_at_relation_words() {
        let got = cut("Holt said that she had called Marsh during the port talks.");
        assert_eq!(got[0], ("Holt said".into(), Joint::Start, true));
        assert_eq!(
            got[1],
            ("she had called Marsh".into(), Joint::Reported, false)
        );
        assert_eq!(
            got[2],
            (
                "during the port talks".into(),
                Joint::Relation("during".into()),
                false
            )
        );
    }

    #[test]
    fn relative_clauses_and_dashes_are_their_own_clauses() {
        let got = cut("Holt met Marsh — whom she saw in spring — and left, where it rained.");
        let joints: Vec<Joint> = got.iter().map(|g| g.1.clone()).collect();
        assert_eq!(
            joints,
            vec![Joint::Start, Joint::Relative, Joint::Dash, Joint::Relative]
        );
    }
}
