//! Words and punctuation of a sentence as byte spans, and phrase matching on them.
//!
//! Event detection reasons about the words around a trigger ("would", "the previous", "with
//! Putin"), so it needs words with their offsets, compared case-insensitively and with curly
//! apostrophes folded to straight ones. The folded form is kept inline ([`CompactString`]): a
//! sentence's tokens are made without one allocation per word.

use crate::model::Span;
use compact_str::CompactString;

/// A word or a punctuation mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    /// Lowercased, with `’` folded to `'`.
    pub lower: CompactString,
    pub is_word: bool,
}

impl Token {
    /// Whether the token starts with an uppercase letter.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.span
            .slice(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

fn is_inner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‑')
}

/// Splits `span` of `text` into tokens. Apostrophes, hyphens and dots inside a word keep it whole
/// ("Trump's", "one-on-one", "U.S."); every other non-space character is a token of its own.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let Some(s) = text.get(span.range()) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(s.len() / 4 + 4);
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        let width = c.len_utf8();
        // Quote marks are neither words nor clause breaks ("“begun arrangements” for").
        if c.is_whitespace() || matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | '«' | '»')
        {
            i += width;
            continue;
        }
        if !c.is_alphanumeric() {
            push(&mut out, s, span.start, i, i + width, false);
            i += width;
            continue;
        }
        let mut end = i + width;
        let bytes = s.as_bytes();
        loop {
            // The common case: ASCII letters and digits, read without decoding.
            while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                end += 1;
            }
            let Some(d) = char_at(s, end) else { break };
            let next = end + d.len_utf8();
            if d.is_alphanumeric()
                || (is_inner(d) && char_at(s, next).is_some_and(char::is_alphanumeric))
            {
                end = next;
            } else {
                break;
            }
        }
        // "U.S." keeps its last dot: single letters joined by dots.
        let word = &s[i..end];
        if word.contains('.')
            && s[end..].starts_with('.')
            && word.split('.').all(|p| p.chars().count() == 1)
        {
            end += 1;
        }
        push(&mut out, s, span.start, i, end, true);
        i = end;
    }
    out
}

/// The character at byte `i` of `s` (a char boundary), if any: ASCII without decoding.
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(i..)?.chars().next(),
        None => None,
    }
}

fn push(out: &mut Vec<Token>, s: &str, base: usize, start: usize, end: usize, is_word: bool) {
    let lower = fold_inline(&s[start..end]);
    out.push(Token {
        span: Span::new(base + start, base + end),
        lower,
        is_word,
    });
}

/// Lowercases and folds curly apostrophes, for comparing words.
pub fn fold(s: &str) -> String {
    // Most words are plain ASCII: one allocation, no apostrophe to fold.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.to_lowercase().replace('’', "'")
}

/// [`fold`] into an inline string: words up to 24 bytes need no allocation.
fn fold_inline(s: &str) -> CompactString {
    if s.is_ascii() {
        let mut out = CompactString::new(s);
        out.make_ascii_lowercase();
        return out;
    }
    CompactString::from(fold(s))
}

/// Whether the words of `phrase` (already folded, space-separated) start at token `i`.
pub fn phrase_at(tokens: &[Token], i: usize, phrase: &str) -> bool {
    phrase_len(tokens, i, phrase).is_some()
}

/// The number of tokens `phrase` covers when it starts at token `i`.
pub fn phrase_len(tokens: &[Token], i: usize, phrase: &str) -> Option<usize> {
    let mut n = 0;
    for part in phrase.split_whitespace() {
        if tokens.get(i + n)?.lower != part {
            return None;
        }
        n += 1;
    }
    (n > 0).then_some(n)
}

/// Whether the words of `phrase` end right before token `i` (at tokens `..i`).
pub fn phrase_before(tokens: &[Token], i: usize, phrase: &str) -> bool {
    let n = phrase.split_whitespace().count();
    n > 0 && i >= n && phrase_at(tokens, i - n, phrase)
}

/// A phrase of a [`PhraseSet`]: its words and the value the data file gives it.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub words: Vec<String>,
    /// The phrase as written (folded).
    pub text: String,
    pub value: String,
}

/// Phrases indexed by their first and last word, so that finding one at a token is a hash lookup
/// instead of a scan of the whole list. Longer phrases are tried first.
#[derive(Debug, Default)]
pub struct PhraseSet {
    by_first: rustc_hash::FxHashMap<String, Vec<Phrase>>,
    by_last: rustc_hash::FxHashMap<String, Vec<Phrase>>,
}

impl PhraseSet {
    /// From (phrase, value) pairs; phrases are folded.
    pub fn new(items: impl IntoIterator<Item = (String, String)>) -> PhraseSet {
        let mut set = PhraseSet::default();
        for (p, value) in items {
            let text = fold(&p);
            let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
            let (Some(first), Some(last)) = (words.first().cloned(), words.last().cloned()) else {
                continue;
            };
            let phrase = Phrase { words, text, value };
            set.by_first.entry(first).or_default().push(phrase.clone());
            set.by_last.entry(last).or_default().push(phrase);
        }
        for v in set.by_first.values_mut().chain(set.by_last.values_mut()) {
            v.sort_by(|a, b| b.words.len().cmp(&a.words.len()).then(a.text.cmp(&b.text)));
        }
        set
    }

    /// From a list of phrases that carry no value.
    pub fn of(items: &[String]) -> PhraseSet {
        PhraseSet::new(items.iter().map(|p| (p.clone(), String::new())))
    }

    /// The longest phrase starting at token `i`.
    pub fn starting_at(&self, tokens: &[Token], i: usize) -> Option<&Phrase> {
        let first = tokens.get(i)?;
        self.by_first.get(first.lower.as_str())?.iter().find(|p| {
            p.words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.lower == *w))
        })
    }

    /// As [`PhraseSet::starting_at`], the last word also matching in its possessive form
    /// ("Fox News's show").
    pub fn starting_at_owned(&self, tokens: &[Token], i: usize) -> Option<&Phrase> {
        let first = tokens.get(i)?;
        let bare = first.lower.strip_suffix("'s").unwrap_or(&first.lower);
        let same = |k: usize, w: &str, last: bool| {
            tokens
                .get(i + k)
                .is_some_and(|t| t.lower == *w || (last && t.lower.strip_suffix("'s") == Some(w)))
        };
        self.by_first
            .get(first.lower.as_str())
            .or_else(|| self.by_first.get(bare))?
            .iter()
            .find(|p| {
                let n = p.words.len();
                p.words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| same(k, w, k + 1 == n))
            })
    }

    /// The longest phrase whose last word is token `end`.
    pub fn ending_at(&self, tokens: &[Token], end: usize) -> Option<&Phrase> {
        let last = tokens.get(end)?;
        self.by_last.get(last.lower.as_str())?.iter().find(|p| {
            let n = p.words.len();
            end + 1 >= n
                && p.words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| tokens[end + 1 - n + k].lower == *w)
        })
    }

    /// Whether the single word `w` is one of the phrases.
    pub fn contains(&self, w: &str) -> bool {
        self.by_first
            .get(w)
            .is_some_and(|v| v.iter().any(|p| p.words.len() == 1))
    }
}

/// The index of the first token that starts at or after `offset`.
pub fn index_at(tokens: &[Token], offset: usize) -> usize {
    tokens.partition_point(|t| t.span.start < offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(s, Span::new(0, s.len()))
            .into_iter()
            .map(|t| t.span.slice(s).to_string())
            .collect()
    }

    #[test]
    fn keeps_possessives_hyphens_and_dotted_acronyms_whole() {
        assert_eq!(
            words("Holt’s one-on-one with the U.S. envoy, “then”—talks."),
            vec![
                "Holt’s",
                "one-on-one",
                "with",
                "the",
                "U.S.",
                "envoy",
                ",",
                "then",
                "—",
                "talks",
                "."
            ]
        );
    }

    #[test]
    fn phrases_match_folded_words() {
        let s = "She’ll be expected to meet";
        let t = tokenize(s, Span::new(0, s.len()));
        assert!(phrase_at(&t, 2, "expected to"));
        assert!(phrase_before(&t, 4, "expected to"));
        assert_eq!(t[0].lower, "she'll");
        assert!(!phrase_at(&t, 1, "expected to"));
    }

    #[test]
    fn phrase_sets_find_the_longest_phrase_at_either_end() {
        let set = PhraseSet::new([
            ("plans".to_string(), "a".to_string()),
            ("plans to".to_string(), "b".to_string()),
            ("in the wake of".to_string(), "c".to_string()),
        ]);
        let s = "It plans to meet in the wake of talks";
        let t = tokenize(s, Span::new(0, s.len()));
        assert_eq!(set.starting_at(&t, 1).map(|p| p.value.as_str()), Some("b"));
        assert_eq!(set.ending_at(&t, 2).map(|p| p.value.as_str()), Some("b"));
        assert_eq!(set.ending_at(&t, 1).map(|p| p.value.as_str()), Some("a"));
        assert_eq!(set.ending_at(&t, 7).map(|p| p.value.as_str()), Some("c"));
        assert!(set.starting_at(&t, 0).is_none());
        assert!(set.contains("plans") && !set.contains("to"));
    }

    #[test]
    fn folded_forms_equal_the_folded_text_of_each_token() {
        let s = "Holt’S ÉLYSÉE talks, U.S. a-very-long-hyphenated-compound-word-of-many-parts \
                 and 2,000 «Ünal» O’Brien’s";
        let tokens = tokenize(s, Span::new(0, s.len()));
        assert!(tokens.len() > 8);
        for t in &tokens {
            assert_eq!(t.lower, fold(t.span.slice(s)), "{}", t.span.slice(s));
        }
        assert!(tokens.iter().any(|t| t.lower == "holt's"));
    }

    #[test]
    fn never_panics_on_multibyte_text_or_bad_spans() {
        let s = "Ñandú — “éé” 😀 x";
        assert!(!tokenize(s, Span::new(0, s.len())).is_empty());
        assert!(tokenize(s, Span::new(1, 2)).is_empty());
        assert!(tokenize(s, Span::new(0, 999)).is_empty());
    }
}
