//! What event detection knows about one document while it reads it: its text, publication date,
//! time expressions, actor mentions, trigger words and quoted passages.

use super::lexicon::{Class, Hit, Lexicon};
use super::places::Places;
use crate::extract::actors::{ActorMention, Gazetteer};
use crate::extract::time::Timex;
use crate::model::{Document, Span};
use chrono::NaiveDate;
use std::borrow::Cow;

pub struct DocContext<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    pub dct: Option<NaiveDate>,
    /// Sorted by start offset (all lookups below are binary searches); borrowed when the caller's
    /// list already is.
    pub timexes: Cow<'a, [Timex]>,
    /// Sorted by start offset.
    pub actors: Cow<'a, [ActorMention]>,
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
        let timexes = sorted_by_key(timexes, |t| (t.span.start, t.span.end));
        let actors = sorted_by_key(actors, |a| (a.span.start, a.span.end));
        let quoted = quoted_spans(text);
        let places = Places::embedded();
        // Names are not triggers: "the United States" does not "state".
        let mut names: Vec<Span> = actors.iter().map(|a| a.span).collect();
        names.extend(
            places
                .find(text, Span::new(0, text.len()))
                .into_iter()
                .map(|p| p.span),
        );
        names.sort();
        let in_name = |s: Span| {
            let i = names.partition_point(|n| n.start <= s.start);
            names[..i].iter().rev().take(8).any(|n| n.overlaps(s))
        };
        let hits = lx
            .find(text)
            .into_iter()
            .filter(|h| !doc.is_chrome(h.span.start) && !in_name(h.span))
            .filter(|h| {
                // Events inside quotes are what someone claims, not what the article tells —
                // unless the quote only continues the article's own clause.
                let i = quoted.partition_point(|q| q.start <= h.span.start);
                !(i > 0 && quoted[i - 1].contains(h.span.start))
                    || continues_clause(text, quoted[i - 1], h.span.start, lx)
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
            places,
        }
    }

    /// The trigger words that start in `span` (a slice: nothing is copied).
    pub fn hits_in(&self, span: Span) -> &[Hit] {
        starting_in(&self.hits, span, |h| h.span.start)
    }

    pub fn reporting_in(&self, span: Span) -> Vec<Span> {
        self.hits_in(span)
            .iter()
            .filter(|h| self.lx.trigger(**h).class == Class::Reporting)
            .map(|h| h.span)
            .collect()
    }

    /// The time expressions that start in `span`.
    pub fn timexes_in(&self, span: Span) -> &[Timex] {
        starting_in(&self.timexes, span, |t| t.span.start)
    }

    /// Whether `offset` lies in a time expression.
    pub fn in_timex(&self, offset: usize) -> bool {
        let i = self.timexes.partition_point(|t| t.span.start <= offset);
        // Time expressions do not nest deeply: the few starting just before suffice.
        self.timexes[..i]
            .iter()
            .rev()
            .take(4)
            .any(|t| t.span.contains(offset))
    }

    /// The actor mentions that start in `span`.
    pub fn actors_in(&self, span: Span) -> &[ActorMention] {
        starting_in(&self.actors, span, |a| a.span.start)
    }

    /// Actor mentions that end at or before `offset`, nearest first.
    pub fn actors_before(&self, offset: usize) -> impl Iterator<Item = &ActorMention> {
        let i = self.actors.partition_point(|a| a.span.start < offset);
        self.actors[..i]
            .iter()
            .rev()
            .filter(move |a| a.span.end <= offset)
    }

    pub fn is_quoted(&self, offset: usize) -> bool {
        let i = self.quoted.partition_point(|q| q.start <= offset);
        i > 0 && self.quoted[i - 1].contains(offset)
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

/// Whether a trigger at `at`, among the first words of the quoted passage `q`, belongs to the
/// article's own clause: a partial quote that takes up the narrator's sentence mid-clause
/// ("Holt had “agreed that …”", "the teams will “meet shortly”", "what the army called
/// “extensive strikes”") rather than words someone is reported to have said ("Holt said: “we will
/// meet”", "described it as “a good meeting”").
fn continues_clause(text: &str, q: Span, at: usize, lx: &Lexicon) -> bool {
    let Some(inside) = text.get(q.start..at) else {
        return false;
    };
    if inside.split_whitespace().count() > 3 {
        return false;
    }
    let Some(before) = text.get(..q.start) else {
        return false;
    };
    // Drop the opening mark, then read the word before it.
    let before = before
        .trim_end_matches(['“', '"', '‘', '«'])
        .trim_end_matches(char::is_whitespace);
    let Some(last) = before.chars().next_back() else {
        return false;
    };
    if !last.is_alphanumeric() {
        return false;
    }
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '’')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let word = super::tokens::fold(&word);
    !(lx.statement_verbs.contains(&word)
        || lx.reporting_form(&word)
        || matches!(
            word.as_str(),
            "as" | "that" | "it" | "them" | "him" | "her" | "this" | "of" | "a" | "an" | "the"
        ))
}

/// `items` in the order of `key` (a stable sort), copied only when they are not in that order already.
fn sorted_by_key<T: Clone, K: Ord>(items: &[T], key: impl Fn(&T) -> K) -> Cow<'_, [T]> {
    if items.is_sorted_by_key(&key) {
        return Cow::Borrowed(items);
    }
    let mut owned = items.to_vec();
    owned.sort_by_key(key);
    Cow::Owned(owned)
}

/// The items of `sorted` (sorted by `start`) that start in `span`: two binary searches.
fn starting_in<T>(sorted: &[T], span: Span, start: impl Fn(&T) -> usize) -> &[T] {
    let from = sorted.partition_point(|x| start(x) < span.start);
    let len = sorted[from..].partition_point(|x| start(x) < span.end);
    &sorted[from..from + len]
}

/// Spans between matching quotation marks (curly pairs, or alternating straight double quotes),
/// each within one paragraph.
pub fn quoted_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // Only `\n`, `"` and the curly marks (E2 80 9C/9D) matter: a byte scan finds their candidates.
    for i in memchr::memchr3_iter(b'\n', b'"', 0xE2, text.as_bytes()) {
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            continue;
        };
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
    fn items_starting_in_a_span_are_a_slice_of_the_sorted_list() {
        let starts = [1usize, 3, 3, 7, 9];
        assert_eq!(starting_in(&starts, Span::new(3, 9), |s| *s), &[3, 3, 7]);
        assert!(starting_in(&starts, Span::new(10, 12), |s| *s).is_empty());
        let unsorted = sorted_by_key(&[2, 1], |x| *x);
        assert!(matches!(unsorted, Cow::Owned(_)));
        assert_eq!(&*unsorted, &[1, 2]);
        assert!(matches!(sorted_by_key(&[1, 2], |x| *x), Cow::Borrowed(_)));
    }

    #[test]
    fn quoted_spans_pair_curly_and_straight_quotes_within_a_paragraph() {
        let t = "He said “we met” and \"they left\".\n“unclosed\nnext";
        let q: Vec<&str> = quoted_spans(t).into_iter().map(|s| s.slice(t)).collect();
        assert_eq!(q, vec!["we met", "they left"]);
    }
}
