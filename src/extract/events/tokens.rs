//! Words and punctuation of a sentence as byte spans, and phrase matching on them.
//!
//! Event detection reasons about the words around a trigger ("would", "the previous", "with
//! Putin"), so it needs words with their offsets, compared case-insensitively and with curly
//! apostrophes folded to straight ones.

use crate::model::Span;

/// A word or a punctuation mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    /// Lowercased, with `’` folded to `'`.
    pub lower: String,
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
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        // Quote marks are neither words nor clause breaks ("“begun arrangements” for").
        if c.is_whitespace() || matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | '«' | '»')
        {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let next_alnum = chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
                if d.is_alphanumeric() || (is_inner(d) && next_alnum) {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(s.len(), |&(e, _)| e);
            let mut end = end;
            // "U.S." keeps its last dot: single letters joined by dots.
            let word = &s[at..end];
            if word.contains('.')
                && s[end..].starts_with('.')
                && word.split('.').all(|p| p.chars().count() == 1)
            {
                end += 1;
                j += 1;
            }
            push(&mut out, s, span.start, at, end, true);
            i = j;
        } else {
            push(&mut out, s, span.start, at, at + c.len_utf8(), false);
            i += 1;
        }
    }
    out
}

fn push(out: &mut Vec<Token>, s: &str, base: usize, start: usize, end: usize, is_word: bool) {
    let lower = fold(&s[start..end]);
    out.push(Token {
        span: Span::new(base + start, base + end),
        lower,
        is_word,
    });
}

/// Lowercases and folds curly apostrophes, for comparing words.
pub fn fold(s: &str) -> String {
    s.to_lowercase().replace('’', "'")
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
    fn never_panics_on_multibyte_text_or_bad_spans() {
        let s = "Ñandú — “éé” 😀 x";
        assert!(!tokenize(s, Span::new(0, s.len())).is_empty());
        assert!(tokenize(s, Span::new(1, 2)).is_empty());
        assert!(tokenize(s, Span::new(0, 999)).is_empty());
    }
}
