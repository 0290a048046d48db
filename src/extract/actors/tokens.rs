//! Words and punctuation of news prose as byte spans, shared by actor finding and quote attribution.
//!
//! Both stages reason about "the word before the verb" or "the name after the title", so they need
//! the same notion of a word: letters and digits, joined across in-word apostrophes (don’t, O’Brien)
//! and dotted acronyms (U.S.), with a possessive ’s split off as its own token so that "Merz’s" still
//! shows the name "Merz" followed by a possessive. Hyphens are their own tokens; [`Tok::glued`] tells
//! whether two tokens touch ("Kyiv-based").

/// One token: a word (letters/digits), a possessive `’s`, or a single punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    /// `’s` / `'s` after a word.
    Possessive,
    Punct(char),
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    pub fn punct(&self) -> Option<char> {
        match self.kind {
            TokKind::Punct(c) => Some(c),
            _ => None,
        }
    }
    /// Whether this token starts with an uppercase letter.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.is_word()
            && self
                .text(text)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
    }
}

/// Whether `b` starts exactly where `a` ends (no whitespace between).
pub fn glued(a: &Tok, b: &Tok) -> bool {
    a.end == b.start
}

fn is_apostrophe(c: char) -> bool {
    c == '’' || c == '\''
}

/// Tokenizes all of `text`.
pub fn tokenize(text: &str) -> Vec<Tok> {
    // News prose averages five bytes a token: a fifth of the length often had to grow (a copy).
    let mut out = Vec::with_capacity(text.len() / 4 + 16);
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(c) = text.get(i..).and_then(|r| r.chars().next()) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if crate::text::is_alphanumeric(c) {
            let mut end = i + c.len_utf8();
            let mut letters = 1usize;
            let mut dotted = false;
            loop {
                // The common case: ASCII letters and digits, read without decoding.
                while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                    letters += 1;
                }
                let rest = &text[end..];
                let mut it = rest.chars();
                let Some(n) = it.next() else { break };
                if n.is_alphanumeric() {
                    end += n.len_utf8();
                    letters += 1;
                    continue;
                }
                let after = it.next();
                let after2 = it.next();
                if is_apostrophe(n) && after.is_some_and(|a| a.is_alphanumeric()) {
                    // A possessive ’s is split off; other in-word apostrophes join (don’t, O’Brien).
                    let possessive = matches!(after, Some('s' | 'S'))
                        && !after2.is_some_and(|a| a.is_alphanumeric());
                    if possessive {
                        break;
                    }
                    end += n.len_utf8();
                    continue;
                }
                // Dotted acronyms: U.S., U.K., E.U. (single letters separated by dots).
                if n == '.'
                    && (letters == 1 || dotted)
                    && text[i..end]
                        .chars()
                        .last()
                        .is_some_and(|l| l.is_uppercase())
                {
                    if after.is_some_and(|a| a.is_uppercase())
                        && !after2.is_some_and(|a| a.is_alphanumeric())
                    {
                        end += 1 + after.map_or(0, char::len_utf8);
                        dotted = true;
                        letters = 1;
                        continue;
                    }
                    if dotted {
                        end += 1;
                    }
                }
                break;
            }
            out.push(Tok {
                start: i,
                end,
                kind: TokKind::Word,
            });
            i = end;
            continue;
        }
        let j = i + c.len_utf8();
        if is_apostrophe(c)
            && out.last().is_some_and(|t: &Tok| t.end == i && t.is_word())
            && matches!(bytes.get(j), Some(b's' | b'S'))
            && !text[j + 1..]
                .chars()
                .next()
                .is_some_and(|a| a.is_alphanumeric())
        {
            out.push(Tok {
                start: i,
                end: j + 1,
                kind: TokKind::Possessive,
            });
            i = j + 1;
            continue;
        }
        out.push(Tok {
            start: i,
            end: j,
            kind: TokKind::Punct(c),
        });
        i = j;
    }
    out
}

/// The index of the first token that ends after `offset` (tokens are sorted).
pub fn token_at(tokens: &[Tok], offset: usize) -> usize {
    tokens.partition_point(|t| t.end <= offset)
}

/// Lowercases and strips Latin diacritics, so "Orbán" and "Orban" compare equal.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for l in c.to_lowercase() {
            out.push(strip_diacritic(l));
        }
    }
    out
}

/// Strips the diacritic of a common Latin letter, keeping case.
pub fn strip_diacritic(c: char) -> char {
    const MAP: [(&str, char); 28] = [
        ("áàâäãåāăą", 'a'),
        ("çćčĉ", 'c'),
        ("ďđ", 'd'),
        ("éèêëēėęěĕ", 'e'),
        ("ğĝģ", 'g'),
        ("ĥ", 'h'),
        ("íìîïīįı", 'i'),
        ("ĵ", 'j'),
        ("ķ", 'k'),
        ("łľĺļ", 'l'),
        ("ñńňņ", 'n'),
        ("óòôöõøōő", 'o'),
        ("řŕ", 'r'),
        ("śšşșŝ", 's'),
        ("ťţț", 't'),
        ("úùûüūůűų", 'u'),
        ("ýÿ", 'y'),
        ("źžż", 'z'),
        ("ÁÀÂÄÃÅĀĂĄ", 'A'),
        ("ÇĆČ", 'C'),
        ("ÉÈÊËĒĖĘĚ", 'E'),
        ("ÍÌÎÏĪİ", 'I'),
        ("ÑŃŇ", 'N'),
        ("ÓÒÔÖÕØŌŐ", 'O'),
        ("ŠŚŞȘ", 'S'),
        ("ÚÙÛÜŪŮŰ", 'U'),
        ("ŽŹŻ", 'Z'),
        ("ĞĜ", 'G'),
    ];
    // Only Latin-1 Supplement and Latin Extended-A/B letters carry these diacritics.
    if !('\u{C0}'..='\u{24F}').contains(&c) {
        return c;
    }
    for (set, base) in MAP {
        if set.contains(c) {
            return base;
        }
    }
    c
}

/// Normalises a phrase for lexicon lookup: folded, dots removed, hyphens and runs of spaces as one space.
pub fn phrase_key(s: &str) -> String {
    // The common case, one plain ASCII word, needs only lowercasing.
    if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    // ASCII phrases ("prime minister", "U.S.") need no folding: byte by byte, one allocation.
    if s.is_ascii() {
        for b in s.bytes() {
            if b == b'.' {
                continue;
            }
            if char::from(b).is_whitespace() || b == b'-' {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(char::from(b.to_ascii_lowercase()));
        }
        return out;
    }
    folded_key(&fold(s), out)
}

/// [`phrase_key`] of a folded phrase, appended to `out`.
fn folded_key(folded: &str, mut out: String) -> String {
    let mut space = false;
    for c in folded.chars() {
        if c == '.' {
            continue;
        }
        if c.is_whitespace() || c == '-' || c == '‐' || c == '–' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(if c == '’' { '\'' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn ascii_phrase_keys_are_those_of_the_folding_path(s in "[a-zA-Z0-9 .\\-\t\n\x0b,']{0,24}") {
            prop_assert_eq!(phrase_key(&s), folded_key(&fold(&s), String::new()));
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_possessives_but_keeps_contractions_and_acronyms() {
        assert_eq!(
            words("Holt’s aide don’t U.S. talks, O’Brien's"),
            vec![
                "Holt",
                "’s",
                "aide",
                "don’t",
                "U.S.",
                "talks",
                ",",
                "O’Brien",
                "'s"
            ]
        );
    }

    #[test]
    fn hyphens_are_tokens_that_touch_their_words() {
        let text = "Kyiv-based group";
        let t = tokenize(text);
        assert_eq!(words(text), vec!["Kyiv", "-", "based", "group"]);
        assert!(glued(&t[0], &t[1]) && glued(&t[1], &t[2]));
        assert!(!glued(&t[2], &t[3]));
    }

    #[test]
    fn a_sentence_final_acronym_keeps_its_dot_once() {
        assert_eq!(words("in the U.S. Then"), vec!["in", "the", "U.S.", "Then"]);
        assert_eq!(words("Plan B."), vec!["Plan", "B", "."]);
    }

    #[test]
    fn folding_strips_diacritics_and_case() {
        assert_eq!(fold("Orbán Sánchez Erdoğan"), "orban sanchez erdogan");
        assert_eq!(
            phrase_key("Secretary-General  of the U.N."),
            "secretary general of the un"
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in ["’", "'s", "a’", "U.", "Ü.Ö.", "’s’s", "x'", "é’s"] {
            let _ = tokenize(s);
        }
    }
}
