//! Whole-word dictionary search: the gazetteer's names, the event triggers and the place names
//! are each a list of hundreds of strings that only count where they stand as whole words.
//!
//! An unanchored Aho-Corasick scan walks its automaton once per byte of the text, and each step
//! waits on the previous one's table load: with these automata (megabytes as DFAs) that chain of
//! loads was the largest single cost of extraction. Here the text is read 64 bytes at a time into
//! bit masks of the places where a whole word can begin (the byte can start some pattern and the
//! previous character is not a word character); tables of the patterns' first bytes refuse
//! most of those, and only the rest walk a compact automaton (a contiguous NFA, kilobytes),
//! anchored, until no pattern can go on.
//!
//! The answer is that of a leftmost-longest scan whose matches are then kept only when whole
//! words, with one difference: a scan also meets matches that begin inside a word, and such a
//! match, though then refused, hides any pattern that starts within it ("xNew York" would hide
//! "York"). Here a pattern that begins inside a word is never looked at, so it hides nothing.

use crate::text::is_alphanumeric;
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

/// What counts as a word character on either side of a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordChars {
    /// Letters and digits.
    Alphanumeric,
    /// Letters, digits and the hyphen ("re-elected" holds no "elected").
    AlphanumericOrHyphen,
}

/// A set of patterns, found only as whole words, longest first at each place.
#[derive(Debug)]
pub struct Dictionary {
    dfa: NFA,
    start: aho_corasick::automaton::StateID,
    /// Whether a byte can begin some pattern.
    first: [bool; 256],
    /// Per byte: bit 0 whether it is looked at as a pattern's first byte (ASCII letters and
    /// digits and UTF-8 lead bytes, a superset of `first` that bytewise arithmetic can test; every
    /// byte if some pattern begins otherwise), bit 1 whether it is an ASCII word character.
    class: [u8; 256],
    /// Every byte is looked at (some pattern begins with punctuation).
    any_start: bool,
    hyphen: bool,
    /// Whether a byte is a whole pattern.
    single: [bool; 256],
    /// Bit sets (64 Ki bits each) of the patterns' beginnings: the two-byte patterns exactly, and
    /// hashes of the first three bytes of three-byte patterns and of the first four bytes of
    /// longer ones (ASCII case folded when the search folds it). Most words are refused here,
    /// without a walk in the automaton, whose states are mostly out of cache.
    pairs: Bits,
    triples: Bits,
    quads: Bits,
    fold: bool,
}

/// A set of 16-bit numbers.
#[derive(Debug)]
struct Bits(Vec<u64>);

impl Bits {
    fn new() -> Bits {
        Bits(vec![0; 1 << 10])
    }
    fn insert(&mut self, n: u16) {
        self.0[usize::from(n >> 6)] |= 1 << (n & 63);
    }
    #[inline]
    fn contains(&self, n: u16) -> bool {
        self.0[usize::from(n >> 6)] & (1 << (n & 63)) != 0
    }
}

/// A 16-bit hash of three or four bytes (ASCII case folded when `fold`).
fn gram(bytes: &[u8], fold: bool) -> u16 {
    let mut x = 0u32;
    for (i, &b) in bytes.iter().enumerate() {
        let b = if fold { b.to_ascii_lowercase() } else { b };
        x |= u32::from(b) << (8 * i);
    }
    hash(x)
}

/// A 16-bit hash of up to four bytes read as a little-endian number.
#[inline]
fn hash(x: u32) -> u16 {
    (x.wrapping_mul(0x9e37_79b1) >> 16) as u16
}

/// One whole-word occurrence of a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The index of the pattern, in the order given to [`Dictionary::new`].
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

impl Dictionary {
    /// Builds the search over `patterns` (ASCII case folded when `ascii_case_insensitive`).
    pub fn new<I, P>(
        patterns: I,
        ascii_case_insensitive: bool,
        words: WordChars,
    ) -> Result<Dictionary, String>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        let mut first = [false; 256];
        let mut single = [false; 256];
        let mut pairs = Bits::new();
        let mut triples = Bits::new();
        let mut quads = Bits::new();
        let patterns: Vec<P> = patterns.into_iter().collect();
        let cases = |b: u8| {
            if ascii_case_insensitive {
                [b, b.to_ascii_lowercase(), b.to_ascii_uppercase()]
            } else {
                [b; 3]
            }
        };
        for p in &patterns {
            let p = p.as_ref();
            if let Some(&a) = p.first() {
                for a in cases(a) {
                    first[usize::from(a)] = true;
                }
            }
            match *p {
                [] => {}
                [a] => cases(a).iter().for_each(|&a| single[usize::from(a)] = true),
                [a, b] => {
                    for a in cases(a) {
                        for b in cases(b) {
                            pairs.insert(u16::from_be_bytes([a, b]));
                        }
                    }
                }
                [_, _, _] => triples.insert(gram(p, ascii_case_insensitive)),
                _ => quads.insert(gram(&p[..4], ascii_case_insensitive)),
            }
        }
        let dfa = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(ascii_case_insensitive)
            .prefilter(false)
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        let start = dfa.start_state(Anchored::Yes).map_err(|e| e.to_string())?;
        let wide = |b: u8| b.is_ascii_alphanumeric() || b >= 0xc0;
        let any_start = (0..=255u8).any(|b| first[usize::from(b)] && !wide(b));
        let hyphen = words == WordChars::AlphanumericOrHyphen;
        let mut class = [0u8; 256];
        for (b, c) in class.iter_mut().enumerate() {
            let byte = b as u8;
            let word = byte.is_ascii_alphanumeric() || (hyphen && byte == b'-');
            *c = u8::from(wide(byte) || any_start) | (u8::from(word) << 1);
        }
        Ok(Dictionary {
            dfa,
            start,
            first,
            class,
            any_start,
            hyphen,
            single,
            pairs,
            triples,
            quads,
            fold: ascii_case_insensitive,
        })
    }

    /// The whole-word occurrences in `hay`, in text order, without overlaps. The text's start and
    /// end count as word boundaries.
    pub fn find_iter<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = Found> + 'a {
        let bytes = hay.as_bytes();
        // No match may start before `at` (the end of the last one, kept or not).
        let mut at = 0;
        // The chunk whose candidates `starts` holds, and the next one to read.
        let mut base = 0;
        let mut next = 0;
        let mut starts = 0u64;
        // Whether the last byte of the chunk read last is an ASCII word character.
        let mut carry = 0u64;
        std::iter::from_fn(move || {
            loop {
                while starts == 0 {
                    if next >= bytes.len() {
                        return None;
                    }
                    base = next;
                    let chunk = &bytes[base..bytes.len().min(base + 64)];
                    let (first, word) = self.masks(chunk);
                    starts = first & !((word << 1) | carry);
                    carry = word >> 63;
                    next = base + chunk.len();
                }
                let p = base + starts.trailing_zeros() as usize;
                starts &= starts - 1;
                if p < at || !self.could_start(bytes, p) {
                    continue;
                }
                // After a non-ASCII character, whether it is a letter or digit.
                if p > 0
                    && bytes[p - 1] >= 0x80
                    && hay[..p].chars().next_back().is_some_and(is_alphanumeric)
                {
                    continue;
                }
                let Some((pattern, end)) = self.longest_at(bytes, p) else {
                    continue;
                };
                at = end;
                let whole = !hay[end..].chars().next().is_some_and(|c| self.is_word(c));
                if whole {
                    return Some(Found {
                        pattern,
                        start: p,
                        end,
                    });
                }
            }
        })
    }

    /// Bit masks of a chunk of at most 64 bytes: the bytes looked at as first bytes, and the
    /// ASCII word characters.
    #[inline]
    fn masks(&self, chunk: &[u8]) -> (u64, u64) {
        #[cfg(target_arch = "x86_64")]
        if let Ok(full) = <&[u8; 64]>::try_from(chunk) {
            let (first, word) = sse2_masks(full, self.hyphen);
            return (if self.any_start { !0 } else { first }, word);
        }
        let (mut first, mut word) = (0u64, 0u64);
        for (k, &b) in chunk.iter().enumerate() {
            let c = u64::from(self.class[usize::from(b)]);
            first |= (c & 1) << k;
            word |= ((c >> 1) & 1) << k;
        }
        (first, word)
    }

    /// Whether a pattern can start at `at`, by its first bytes.
    #[inline]
    fn could_start(&self, bytes: &[u8], at: usize) -> bool {
        let rest = &bytes[at..];
        let b = usize::from(rest[0]);
        if !self.first[b] {
            return false;
        }
        if self.single[b] {
            return true;
        }
        let Some(&second) = rest.get(1) else {
            return false;
        };
        if self.pairs.contains(u16::from_be_bytes([rest[0], second])) {
            return true;
        }
        // The first four bytes (fewer at the end of the text), read once for both hashes.
        let mut word = 0u32;
        for (i, &b) in rest.iter().take(4).enumerate() {
            let b = if self.fold { b.to_ascii_lowercase() } else { b };
            word |= u32::from(b) << (8 * i);
        }
        (rest.len() >= 3 && self.triples.contains(hash(word & 0x00ff_ffff)))
            || (rest.len() >= 4 && self.quads.contains(hash(word)))
    }

    fn is_word(&self, c: char) -> bool {
        if c.is_ascii() {
            self.class[c as usize] & 2 != 0
        } else {
            is_alphanumeric(c)
        }
    }

    /// The longest pattern that starts at `from`: its index and where it ends.
    #[inline]
    fn longest_at(&self, bytes: &[u8], from: usize) -> Option<(usize, usize)> {
        let mut sid = self.start;
        let mut best = None;
        for (i, &b) in bytes.iter().enumerate().skip(from) {
            sid = self.dfa.next_state(Anchored::Yes, sid, b);
            if self.dfa.is_special(sid) {
                if self.dfa.is_dead(sid) {
                    break;
                }
                if self.dfa.is_match(sid) {
                    let pid = self.dfa.match_pattern(sid, 0);
                    // Only matches that begin at `from` (as an anchored search reports them).
                    if i + 1 - self.dfa.pattern_len(pid) == from {
                        best = Some((pid.as_usize(), i + 1));
                    }
                }
            }
        }
        best
    }
}

/// The masks of [`Dictionary::masks`] for 64 bytes, 16 at a time: ASCII letters and digits or
/// UTF-8 lead bytes; ASCII letters and digits (and hyphens when they are word characters).
#[cfg(target_arch = "x86_64")]
#[inline]
#[allow(unsafe_code)] // the SAFETY comment below
fn sse2_masks(chunk: &[u8; 64], hyphen: bool) -> (u64, u64) {
    use std::arch::x86_64::*;
    let (mut first, mut word) = (0u64, 0u64);
    // SAFETY: SSE2 is part of every x86_64 target; each unaligned load reads 16 bytes that lie
    // within the 64-byte array.
    unsafe {
        // Unsigned comparisons through signed ones: x < n unsigned iff (x ^ 0x80) < (n ^ 0x80).
        let bias = _mm_set1_epi8(i8::MIN);
        let below = |v: __m128i, from: u8, len: u8| {
            let x = _mm_xor_si128(_mm_sub_epi8(v, _mm_set1_epi8(from as i8)), bias);
            _mm_cmplt_epi8(x, _mm_set1_epi8((len ^ 0x80) as i8))
        };
        for i in 0..4 {
            let v = _mm_loadu_si128(chunk.as_ptr().add(16 * i).cast::<__m128i>());
            let letter = below(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26);
            let alnum = _mm_or_si128(letter, below(v, b'0', 10));
            let lead = _mm_cmpgt_epi8(_mm_xor_si128(v, bias), _mm_set1_epi8(0x3f));
            let w = if hyphen {
                _mm_or_si128(alnum, _mm_cmpeq_epi8(v, _mm_set1_epi8(b'-' as i8)))
            } else {
                alnum
            };
            let f = _mm_or_si128(alnum, lead);
            first |= u64::from(_mm_movemask_epi8(f) as u16) << (16 * i);
            word |= u64::from(_mm_movemask_epi8(w) as u16) << (16 * i);
        }
    }
    (first, word)
}

#[cfg(test)]
#[path = "dictionary_tests.rs"]
mod tests;
