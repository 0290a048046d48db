//! What event detection knows about one document while it reads it: its text, publication date,
//! time expressions, actor mentions, trigger words and quoted passages.

use super::lexicon::{Class, Hit, Lexicon};
use super::places::Places;
use crate::extract::actors::{ActorMention, Gazetteer};
use crate::extract::time::Timex;
use crate::model::{Document, Span};
use chrono::NaiveDate;

pub struct DocContext<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    pub dct: Option<NaiveDate>,
    pub timexes: &'a [Timex],
    pub actors: &'a [ActorMention],
    pub gazetteer: &'a Gazetteer,
    /// Trigger words outside quotes and site chrome, in text order.
    pub hits: Vec<Hit>,
    /// Passages inside quotation marks: what people said is not narrated fact.
    pub quoted: Vec<Span>,
    pub lx: &'static Lexicon,
    pub places: &'static Places,
}

impl<'a> DocContext<'a> {
    pub fn new(
        doc: &'a Document,
        timexes: &'a [Timex],
        actors: &'a [ActorMention],
        gazetteer: &'a Gazetteer,
    ) -> Self {
        let lx = Lexicon::embedded();
        let text = doc.text.as_str();
        let quoted = quoted_spans(text);
        let hits = lx
            .find(text)
            .into_iter()
            .filter(|h| !doc.is_chrome(h.span.start))
            .filter(|h| {
                // Speech verbs inside quotes still matter for nothing; events inside quotes are claims.
                !quoted.iter().any(|q| q.contains(h.span.start))
            })
            .collect();
        DocContext {
            doc,
            text,
            dct: doc.published.date,
            timexes,
            actors,
            gazetteer,
            hits,
            quoted,
            lx,
            places: Places::embedded(),
        }
    }

    pub fn hits_in(&self, span: Span) -> Vec<Hit> {
        self.hits
            .iter()
            .copied()
            .filter(|h| span.contains(h.span.start))
            .collect()
    }

    pub fn reporting_in(&self, span: Span) -> Vec<Span> {
        self.hits_in(span)
            .into_iter()
            .filter(|h| self.lx.trigger(*h).class == Class::Reporting)
            .map(|h| h.span)
            .collect()
    }

    pub fn timexes_in(&self, span: Span) -> Vec<Timex> {
        self.timexes
            .iter()
            .filter(|t| span.contains(t.span.start))
            .cloned()
            .collect()
    }

    pub fn actors_in(&self, span: Span) -> Vec<&'a ActorMention> {
        self.actors
            .iter()
            .filter(|a| span.contains(a.span.start))
            .collect()
    }

    pub fn is_quoted(&self, offset: usize) -> bool {
        self.quoted.iter().any(|q| q.contains(offset))
    }

    /// Whether an actor is a person (pronouns stand for people, not for countries or bodies).
    pub fn is_person(&self, name: &str) -> bool {
        if self.places.is_place(name) {
            return false;
        }
        if let Some(e) = self.gazetteer.entry(name) {
            return e.kind == crate::extract::actors::Kind::Person;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        words.len() >= 2
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            })
    }
}

/// Spans between matching quotation marks (curly pairs, or alternating straight double quotes),
/// each within one paragraph.
pub fn quoted_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('\n', _) => open = None,
            ('“', _) => open = Some((i + c.len_utf8(), '”')),
            ('"', None) => open = Some((i + 1, '"')),
            (c, Some((start, close))) if c == close => {
                out.push(Span::new(start, i));
                open = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_spans_pair_curly_and_straight_quotes_within_a_paragraph() {
        let t = "He said “we met” and \"they left\".\n“unclosed\nnext";
        let q: Vec<&str> = quoted_spans(t).into_iter().map(|s| s.slice(t)).collect();
        assert_eq!(q, vec!["we met", "they left"]);
    }
}
