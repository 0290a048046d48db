//! One document as attribution sees it: tokens, with for each token its sentence, paragraph, the
//! actor mention and the quote it belongs to. Built once per document so that every rule can ask
//! "what is the word before this one" in constant time.

use super::lexicon::Lexicon;
use super::marks::Marked;
use crate::extract::actors::ActorMention;
use crate::extract::actors::gazetteer::{Gazetteer, Gender, Kind};
use crate::extract::actors::titles::title_before;
use crate::extract::actors::tokens::{Tok, TokKind, phrase_key, token_at};
use crate::text::paragraphs;

pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub gaz: &'a Gazetteer,
    pub lex: &'a Lexicon,
    pub mentions: &'a [ActorMention],
    /// Token ranges `[first, last]` of each mention.
    pub mention_toks: Vec<(usize, usize)>,
    /// The mention each token belongs to.
    pub mention_of: Vec<Option<usize>>,
    /// The quote (index into the marked quotes) each token lies in, marks included.
    pub quote_of: Vec<Option<usize>>,
    /// For each quote: the token of its opening mark, and whether its words end in a comma
    /// (`“…,” said`: the comma that closes an aside sits inside the marks).
    pub quote_open: Vec<usize>,
    pub quote_comma: Vec<bool>,
    /// Sentence index of each token, and each sentence's token range `[a, b)`.
    pub sentence_of: Vec<usize>,
    pub sentences: Vec<(usize, usize)>,
    pub paragraph_of: Vec<usize>,
    pub paragraphs: Vec<(usize, usize)>,
    /// Whether each mention names a person, and their gender if known.
    pub person: Vec<Option<Option<Gender>>>,
    /// The lexicon key of each token.
    /// Every token's key, one after another (one allocation for the document), and where each ends.
    keys: String,
    key_ends: Vec<usize>,
}

/// Token ranges `[a, b)` of byte spans, in order.
fn token_ranges(toks: &[Tok], spans: &[crate::model::Span]) -> Vec<(usize, usize)> {
    spans
        .iter()
        .map(|s| (token_at(toks, s.start), token_at(toks, s.end)))
        .collect()
}

/// Appends the lexicon key of a word ([`phrase_key`]); a plain ASCII word needs no allocation.
fn push_key(keys: &mut String, word: &str) {
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let from = keys.len();
        keys.push_str(word);
        keys[from..].make_ascii_lowercase();
    } else {
        keys.push_str(&phrase_key(word));
    }
}

/// For each of `n` tokens, the first range (from the previous token's) that ends after it, the
/// last range for tokens past them all: filled range by range.
fn owner_of(n: usize, ranges: &[(usize, usize)]) -> Vec<usize> {
    let mut out = Vec::with_capacity(n);
    for (r, range) in ranges.iter().enumerate() {
        let upto = if r + 1 == ranges.len() {
            n
        } else {
            range.1.min(n)
        };
        if out.len() < upto {
            out.resize(upto, r);
        }
    }
    out.resize(n, 0);
    out
}

impl<'a> Ctx<'a> {
    pub fn new(
        text: &'a str,
        toks: &'a [Tok],
        sentences: &[crate::model::Span],
        gaz: &'a Gazetteer,
        lex: &'a Lexicon,
        mentions: &'a [ActorMention],
        quotes: &[Marked],
    ) -> Ctx<'a> {
        let n = toks.len();
        let mut keys = String::with_capacity(text.len());
        let mut key_ends = Vec::with_capacity(n);
        for t in toks {
            match t.kind {
                TokKind::Punct(_) => {}
                _ => push_key(&mut keys, t.text(text)),
            }
            key_ends.push(keys.len());
        }
        let sentences = token_ranges(toks, sentences);
        let paragraphs = token_ranges(toks, &paragraphs(text));
        let mut mention_of = vec![None; n];
        let mut mention_toks = Vec::with_capacity(mentions.len());
        for (m, am) in mentions.iter().enumerate() {
            let a = token_at(toks, am.span.start);
            let b = token_at(toks, am.span.end.saturating_sub(1)).max(a);
            for slot in mention_of.iter_mut().take(b + 1).skip(a) {
                *slot = Some(m);
            }
            mention_toks.push((a, b));
        }
        let mut quote_of = vec![None; n];
        for (q, mk) in quotes.iter().enumerate() {
            let a = token_at(toks, mk.open);
            let b = token_at(toks, mk.close);
            for slot in quote_of.iter_mut().take(b).skip(a) {
                *slot = Some(q);
            }
        }
        let person = mentions
            .iter()
            .map(|m| match gaz.entry(&m.actor) {
                Some(e) if e.kind == Kind::Person => Some(e.gender),
                Some(_) => None,
                None => Some(
                    m.actor
                        .split_whitespace()
                        .next()
                        .and_then(|w| gaz.gender_hint(w)),
                ),
            })
            .collect();
        Ctx {
            text,
            toks,
            gaz,
            lex,
            mentions,
            mention_toks,
            mention_of,
            quote_of,
            quote_open: quotes.iter().map(|q| token_at(toks, q.open)).collect(),
            quote_comma: quotes
                .iter()
                .map(|q| {
                    text.get(q.inner.end..q.close)
                        .is_some_and(|rest| rest.trim_start().starts_with(','))
                })
                .collect(),
            sentence_of: owner_of(n, &sentences),
            sentences,
            paragraph_of: owner_of(n, &paragraphs),
            paragraphs,
            person,
            keys,
            key_ends,
        }
    }

    /// The lowercase lexicon key of token `i` ("" past the end).
    pub fn key(&self, i: usize) -> &str {
        let Some(end) = self.key_ends.get(i) else {
            return "";
        };
        let start = i.checked_sub(1).map_or(0, |p| self.key_ends[p]);
        self.keys.get(start..*end).unwrap_or("")
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        self.toks.get(i).and_then(Tok::punct)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Tok::is_word)
    }

    /// The first token of sentence `s`.
    pub fn sentence_start(&self, s: usize) -> usize {
        self.sentences.get(s).map_or(0, |r| r.0)
    }

    pub fn sentence_end(&self, s: usize) -> usize {
        self.sentences.get(s).map_or(self.toks.len(), |r| r.1)
    }

    /// The mention whose last token is `i`.
    pub fn mention_ending_at(&self, i: usize) -> Option<usize> {
        let m = self.mention_of.get(i).copied().flatten()?;
        (self.mention_toks[m].1 == i).then_some(m)
    }

    /// The mention whose first token is `i`.
    pub fn mention_starting_at(&self, i: usize) -> Option<usize> {
        let m = self.mention_of.get(i).copied().flatten()?;
        (self.mention_toks[m].0 == i).then_some(m)
    }

    /// The mention starting at `i` that heads its noun phrase: in "Holt’s aide Ana Lind" that is
    /// "Ana Lind", not the owner "Holt".
    pub fn head_mention_at(&self, i: usize) -> Option<usize> {
        let m = self.mention_starting_at(i)?;
        if !self.is_modifier(m) {
            return Some(m);
        }
        let after = self.mention_toks[m].1 + 1;
        (after..(after + 6).min(self.toks.len()))
            .find_map(|j| self.mention_starting_at(j))
            .filter(|&n| !self.is_modifier(n) && self.np_start(n) <= i)
    }

    /// Where the noun phrase of mention `m` starts: its title ("German Chancellor") included.
    /// An owner before a possessive belongs to it too ("Holt’s deputy Ana Lind").
    pub fn np_start(&self, m: usize) -> usize {
        let first = self.mention_toks[m].0;
        let s0 = self.sentence_start(self.sentence_of[first]);
        let start = title_before(self.text, self.toks, self.gaz, first)
            .map_or(first, |t| t.start)
            .max(s0);
        if start > s0 + 1
            && self.toks[start - 1].kind == TokKind::Possessive
            && let Some(owner) = self.mention_ending_at(start - 2)
            && owner < m
        {
            return self.np_start(owner);
        }
        start
    }

    /// Whether mention `m` is used as a possessive, a compound modifier ("Holt’s", "Holt-Smith") or
    /// inside the title of the next mention ("NATO" in "NATO chief Jane Holt").
    pub fn is_modifier(&self, m: usize) -> bool {
        let last = self.mention_toks[m].1;
        if m + 1 < self.mentions.len()
            && self.mention_toks[m + 1].0 > last
            && self.np_start(m + 1) <= self.mention_toks[m].0
        {
            return true;
        }
        self.toks.get(last + 1).is_some_and(|t| {
            t.kind == TokKind::Possessive
                || (t.punct() == Some('-') && t.start == self.toks[last].end)
        }) || (self.mention_toks[m].0 > 0
            && self.punct(self.mention_toks[m].0 - 1) == Some('-')
            && self.toks[self.mention_toks[m].0 - 1].end == self.toks[self.mention_toks[m].0].start)
    }

    /// Whether mention `m` can be "he" (Male), "she" (Female): a person of that or unknown gender.
    pub fn fits_pronoun(&self, m: usize, g: Gender) -> bool {
        matches!(self.person[m], Some(None)) || self.person[m] == Some(Some(g))
    }
}

#[cfg(test)]
mod tests {
    use super::owner_of;
    use proptest::prelude::*;

    /// The token-by-token definition the range-by-range fill must agree with.
    fn owner_by_token(n: usize, ranges: &[(usize, usize)]) -> Vec<usize> {
        let mut r = 0;
        (0..n)
            .map(|i| {
                while r + 1 < ranges.len() && ranges[r].1 <= i {
                    r += 1;
                }
                r
            })
            .collect()
    }

    #[test]
    fn tokens_after_the_last_range_belong_to_it() {
        assert_eq!(owner_of(6, &[(0, 2), (2, 4)]), vec![0, 0, 1, 1, 1, 1]);
        assert_eq!(owner_of(3, &[]), vec![0, 0, 0]);
    }

    proptest! {
        #[test]
        fn filling_by_range_gives_each_token_the_first_range_ending_after_it(
            n in 0usize..40,
            ends in proptest::collection::vec(0usize..50, 0..8),
        ) {
            let ranges: Vec<(usize, usize)> = ends.iter().map(|&e| (0, e)).collect();
            prop_assert_eq!(owner_of(n, &ranges), owner_by_token(n, &ranges));
        }
    }
}
