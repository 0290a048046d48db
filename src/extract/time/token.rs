//! A single-pass tokenizer for the time tagger: words, digit runs and single punctuation marks, as
//! byte spans, each word looked up once in the [`Lexicon`].
//!
//! The grammar only runs at tokens that can start a time expression, so this pass is most of the
//! cost of tagging a text that has few of them; it allocates nothing per token but the token itself.

use super::lexicon::{Entry, Lexicon};
use super::tense::Tense;
use crate::text::is_alphabetic;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: Kind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// A line break separates this token from the previous one.
    pub newline_before: bool,
    /// The word's roles in the time vocabulary (empty for numbers and punctuation).
    pub entry: Entry,
    /// The tense the word names, if it is one of the tense lists' (ASCII case ignored).
    pub tense: Option<Tense>,
}

impl<'a> Token<'a> {
    /// Case-insensitive comparison with a lower-case ASCII word (inlined: most calls compare
    /// with a literal, and fail on its length).
    #[inline(always)]
    pub fn is(&self, word: &str) -> bool {
        self.text.len() == word.len() && self.text.eq_ignore_ascii_case(word)
    }
    #[inline]
    pub fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(w))
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }
    /// Whether the word starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    /// The value of a plain digit run ("2025", "15"), without separators.
    pub fn digits(&self) -> Option<u32> {
        if self.kind == Kind::Number && self.text.len() <= 9 && !self.text.contains([',', '.']) {
            self.text.parse().ok()
        } else {
            None
        }
    }
    /// The numeric value of a number token, including "1,000" and "2.5".
    pub fn number(&self) -> Option<f64> {
        if self.kind != Kind::Number {
            return None;
        }
        if self.text.contains(',') {
            self.text.replace(',', "").parse().ok()
        } else {
            self.text.parse().ok()
        }
    }
}

/// Whether `c` is an apostrophe (straight or curly).
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘')
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let lexicon = Lexicon::get();
    let bytes = text.as_bytes();
    // News prose averages five bytes a token: a fifth of the length often had to grow (a copy).
    let mut tokens = Vec::with_capacity(text.len() / 4 + 16);
    let mut i = 0;
    let mut space = true;
    let mut newline = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            newline |= b == b'\n';
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if b.is_ascii_alphabetic() || (b >= 0x80 && char_at(text, i).is_some_and(is_alphabetic)) {
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_alphabetic() {
                    i += 1;
                } else if c >= 0x80 {
                    match char_at(text, i) {
                        Some(ch) if is_alphabetic(ch) => i += ch.len_utf8(),
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            kind = Kind::Word;
        } else if b.is_ascii_digit() {
            i += 1;
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_digit() {
                    i += 1;
                } else if (c == b',' || c == b'.')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                    && (c == b'.'
                        || bytes
                            .get(i + 2..i + 4)
                            .is_some_and(|d| d.iter().all(u8::is_ascii_digit)))
                {
                    i += 2;
                } else {
                    break;
                }
            }
            kind = Kind::Number;
        } else if b < 0x80 {
            i += 1;
            kind = Kind::Punct;
        } else {
            match char_at(text, i) {
                Some(ch) if ch.is_whitespace() => {
                    space = true;
                    i += ch.len_utf8();
                    continue;
                }
                Some(ch) => i += ch.len_utf8(),
                None => i += 1,
            }
            kind = Kind::Punct;
        }
        let word = &text[start..i];
        let (entry, tense) = if kind == Kind::Word {
            lookup(lexicon, word)
        } else {
            Default::default()
        };
        tokens.push(Token {
            start,
            end: i,
            text: word,
            kind,
            space_before: space,
            newline_before: newline,
            entry,
            tense,
        });
        space = false;
        newline = false;
    }
    tokens
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn lookup(lexicon: &Lexicon, word: &str) -> (Entry, Option<Tense>) {
    let mut buf = [0u8; 16];
    if word.len() > buf.len() || !word.is_ascii() {
        return Default::default();
    }
    for (d, s) in buf.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    lexicon.lookup_bytes(&buf[..word.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_words_numbers_and_marks() {
        assert_eq!(
            texts("On Aug. 15, 2025, at 3:30 p.m. it cost $1,500.50 — the '90s"),
            vec![
                "On", "Aug", ".", "15", ",", "2025", ",", "at", "3", ":", "30", "p", ".", "m", ".",
                "it", "cost", "$", "1,500.50", "—", "the", "'", "90", "s"
            ]
        );
    }

    #[test]
    fn marks_adjacency_and_line_breaks() {
        let t = tokenize("1990s\nthree-year");
        assert!(!t[1].space_before);
        assert!(t[2].newline_before);
        assert!(!t[3].space_before);
        assert_eq!(t[2].entry.number, Some(3));
    }

    #[test]
    fn never_splits_inside_a_character() {
        for s in ["é1’x…", "Ünïcödé 12", "\u{a0}Monday\u{2009}"] {
            for t in tokenize(s) {
                assert_eq!(&s[t.start..t.end], t.text);
            }
        }
    }
}
