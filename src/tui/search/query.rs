//! The `/` query matcher.
//!
//! The query is split on spaces into terms that must all match (each in any field). A term matches
//! a field when its characters appear there in order in few runs: a new run may start only after
//! four typed characters per run so far (the first three characters are always one run). "merz"
//! finds "Friedrich Merz", "valdemr" forgives the dropped letter of "Valdemar", yet "holt" does not
//! find "Hopes of a lasting truce". Counting runs on every prefix of the term makes matching
//! monotone: a term grown by a character matches a subset of what it matched before, so the rows
//! can narrow the previous result instead of searching everything again (see [`crate::tui::search::rows`]).
//!
//! Every item keeps a lower-cased blob of its fields and a bitmask of the characters in it, made
//! once: the mask rejects most items in a nanosecond, and a SIMD substring search of the blob for
//! the term (or its first run) settles nearly all the rest before any field is aligned.

use crate::tui::search::few_runs::{Needle, align};
use crate::tui::search::narrowing::Reach;
use memchr::memmem::{self, Finder};

/// A compiled `/` query.
pub struct Matcher {
    terms: Vec<Term>,
}

pub(super) struct Term {
    text: String,
    lower: String,
    /// Smart case: a term with a capital letter matches case-sensitively.
    exact: bool,
    /// The characters the term needs (see [`mask`]).
    mask: u64,
    /// The lower-cased term, and its first run (the first three characters) in the blob.
    whole: Finder<'static>,
    first_run: Finder<'static>,
    /// Whether the term is short enough to match only verbatim (one run).
    one_run: bool,
    /// The term (lower-cased unless exact) for few-runs matching.
    fuzzy: Needle,
}

impl Term {
    pub(super) fn new(text: &str) -> Term {
        let lower = text.to_lowercase();
        let three = lower.char_indices().nth(3).map_or(lower.len(), |(i, _)| i);
        let exact = text.chars().any(char::is_uppercase);
        Term {
            fuzzy: Needle::new(if exact { text } else { &lower }),
            exact,
            mask: mask(&lower),
            whole: Finder::new(lower.as_bytes()).into_owned(),
            first_run: Finder::new(&lower.as_bytes()[..three]).into_owned(),
            one_run: text.chars().count() < 4,
            text: text.to_string(),
            lower,
        }
    }

    fn needle(&self) -> &str {
        if self.exact { &self.text } else { &self.lower }
    }

    /// Whether the term matches in this one field (as it is shown, not lower-cased).
    pub(super) fn in_field(&self, field: &str) -> bool {
        if self.exact {
            return self.fuzzy.fits(field.as_bytes());
        }
        let mut lower = String::new();
        push_blob(&mut lower, [field]);
        lower.pop();
        self.fuzzy.fits(lower.as_bytes())
    }

    /// Byte offsets of the characters of `field` this term matched, for highlighting.
    pub(super) fn positions(&self, field: &str) -> Vec<usize> {
        let mut out = Vec::new();
        if self.exact {
            if let Some(runs) = align(&self.text, field) {
                out.extend(runs.into_iter().flat_map(|r| char_starts(field, r)));
            }
            return out;
        }
        // Fold each character to one lower-case character, so that offsets map back.
        let mut folded = String::with_capacity(field.len());
        let mut origin = Vec::with_capacity(field.len());
        for (i, c) in field.char_indices() {
            let l = c.to_lowercase().next().unwrap_or(c);
            origin.extend(std::iter::repeat_n(i, l.len_utf8()));
            folded.push(l);
        }
        let needle: String = self
            .needle()
            .chars()
            .map(|c| c.to_lowercase().next().unwrap_or(c))
            .collect();
        if let Some(runs) = align(&needle, &folded) {
            for r in runs {
                out.extend(char_starts(&folded, r).filter_map(|i| origin.get(i).copied()));
            }
        }
        out
    }

    /// Whether the term matches the item, and if so where (see [`Reach`]). `hay` is the item's
    /// blob and `item_mask` its [`mask`].
    /// Whether an item with this [`mask`] may hold the term.
    pub(super) fn admits(&self, item_mask: u64) -> bool {
        item_mask & self.mask == self.mask
    }

    pub(super) fn reach<'a, I>(
        &self,
        item_mask: u64,
        hay: &[u8],
        fields: impl Fn() -> I,
    ) -> Option<Reach>
    where
        I: Iterator<Item = &'a str>,
    {
        if !self.admits(item_mask) {
            return None;
        }
        // The first run is in every match, and the whole term (one run) is one.
        let at = self.first_run.find(hay)?;
        if self.exact {
            // Matched in the original fields, not the blob: no place to go on from.
            return fields()
                .any(|f| self.fuzzy.fits(f.as_bytes()))
                .then_some(Reach::UNKNOWN);
        }
        if self.one_run {
            return Some(Reach::new(1, at + self.first_run.needle().len()));
        }
        if let Some(i) = self.whole.find(&hay[at..]) {
            return Some(Reach::new(1, at + i + self.lower.len()));
        }
        // Align in each field holding the first run (fields end at the separator), unless the
        // term's last character is missing where a match starting there would end.
        let last = self.lower.char_indices().last().map_or(0, |(i, _)| i);
        let mut from = at;
        loop {
            let start = memchr::memrchr(1, &hay[..from]).map_or(0, |i| i + 1);
            let end = memchr::memchr(1, &hay[from..]).map_or(hay.len(), |i| from + i);
            let tail = hay.get(from + last..end).unwrap_or_default();
            if memmem::find(tail, &self.lower.as_bytes()[last..]).is_some()
                && let Some((runs, e)) = hay.get(start..end).and_then(|f| self.fuzzy.reach(f))
            {
                return Some(Reach::new(runs, start + e));
            }
            from = end + self.first_run.find(&hay[end..])?;
        }
    }
}

impl Matcher {
    /// `None` for a blank query (which filters nothing). Control characters cannot be typed into
    /// a term (they would match the blob's field separators).
    pub fn new(query: &str) -> Option<Matcher> {
        let terms: Vec<Term> = terms(query).iter().map(|t| Term::new(t)).collect();
        if terms.is_empty() {
            return None;
        }
        Some(Matcher { terms })
    }

    /// Whether an item matches every term in some field. `blob` is [`blob`] of the same fields:
    /// it settles most items at once, so `fields` (called only when needed, to spare a memory
    /// load per item) is rarely walked.
    pub fn matches<'a, I>(&self, blob: &str, fields: impl Fn() -> I) -> bool
    where
        I: Iterator<Item = &'a str>,
    {
        self.matches_masked(mask(blob), blob.as_bytes(), fields)
    }

    /// [`Matcher::matches`] with the blob's [`mask`] made beforehand (checked first, so most
    /// items are rejected without reading their blob).
    pub fn matches_masked<'a, I>(&self, item_mask: u64, blob: &[u8], fields: impl Fn() -> I) -> bool
    where
        I: Iterator<Item = &'a str>,
    {
        self.reach_masked(item_mask, blob, fields).is_some()
    }

    /// [`Matcher::matches_masked`], telling where the last term's match ended when it matches
    /// (see [`Reach`]).
    pub fn reach_masked<'a, I>(
        &self,
        item_mask: u64,
        blob: &[u8],
        fields: impl Fn() -> I,
    ) -> Option<Reach>
    where
        I: Iterator<Item = &'a str>,
    {
        let (last, rest) = self.terms.split_last()?;
        if !rest
            .iter()
            .all(|t| t.reach(item_mask, blob, &fields).is_some())
        {
            return None;
        }
        last.reach(item_mask, blob, &fields)
    }

    /// The matcher for what `new`'s rows need beyond `old`'s, when [`narrows`]`(old, new)`: the
    /// terms of `new` that are not already terms of `old` (`None` when nothing is left to check).
    pub fn beyond(old: &str, new: &str) -> Option<Matcher> {
        let (before, after) = (terms(old), terms(new));
        let known = before
            .iter()
            .zip(&after)
            .take_while(|(a, b)| a == b)
            .count();
        let terms: Vec<Term> = after[known..].iter().map(|t| Term::new(t)).collect();
        (!terms.is_empty()).then_some(Matcher { terms })
    }

    /// Byte offsets of the characters of `field` that the query matched, for highlighting.
    pub fn positions(&self, field: &str) -> Vec<usize> {
        let mut out: Vec<usize> = self.terms.iter().flat_map(|t| t.positions(field)).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The terms of a query: split on spaces, without control characters.
pub(super) fn terms(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .map(|t| t.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|t| !t.is_empty())
        .collect()
}

/// Whether every item that `new` matches is also matched by `old`, so that `new`'s rows can be
/// found among `old`'s: `old`'s terms are `new`'s first terms, unchanged except that the last
/// may have grown without a capital letter making it case-sensitive.
pub fn narrows(old: &str, new: &str) -> bool {
    if !new.starts_with(old) {
        return false;
    }
    let (before, after) = (terms(old), terms(new));
    let last_done = old.ends_with(char::is_whitespace);
    let exact = |t: &str| t.chars().any(char::is_uppercase);
    before.len() <= after.len()
        && before.iter().zip(&after).enumerate().all(|(i, (a, b))| {
            if i + 1 < before.len() || last_done {
                a == b
            } else {
                b.starts_with(a.as_str()) && exact(a) == exact(b)
            }
        })
}

/// The byte offsets of the characters starting in `range` of `s`.
fn char_starts(s: &str, range: std::ops::Range<usize>) -> impl Iterator<Item = usize> + '_ {
    s.get(range.clone())
        .unwrap_or("")
        .char_indices()
        .map(move |(i, _)| range.start + i)
}

/// The characters a text holds, as one bit per letter, digit, punctuation class or non-ASCII:
/// an item lacking a bit a term needs cannot match it. Upper and lower case share a bit.
pub fn mask(text: &str) -> u64 {
    text.bytes().fold(0u64, |m, b| m | 1 << bit(b))
}

fn bit(b: u8) -> u32 {
    match b {
        b'a'..=b'z' => (b - b'a') as u32,
        b'A'..=b'Z' => (b - b'A') as u32,
        b'0'..=b'9' => 26 + (b - b'0') as u32,
        0x80.. => 63,
        _ => 36 + (b % 27) as u32,
    }
}

/// The lower-cased fields, each followed by a separator no query contains.
pub fn blob<'a>(fields: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    push_blob(&mut out, fields);
    out
}

/// [`blob`], appended to `out`.
pub fn push_blob<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for f in fields {
        if f.is_ascii() {
            out.extend(f.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            out.push_str(&f.to_lowercase());
        }
        out.push('\u{1}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(q: &str, field: &str) -> bool {
        let matcher = Matcher::new(q).unwrap();
        matcher.matches(&blob([field]), || [field].into_iter())
    }

    #[test]
    fn finds_a_name_and_forgives_a_dropped_letter() {
        assert!(m("holt", "Minister Jane Holt"));
        assert!(m("HOLT", "Minister Jane HOLT"));
        assert!(m("bronsen", "Premier Erik Brönsen") || m("bronsen", "Premier Erik Bronsen"));
        assert!(m("valdemr", "Valdemar Ostrov"));
        assert!(m("holnd", "Talks in Holland"));
    }

    #[test]
    fn does_not_find_letters_scattered_over_words() {
        assert!(!m("holt", "Hopes of a lasting truce"));
        assert!(!m("vey", "Very early years"));
        // A dropped letter is forgiven only after the first three characters.
        assert!(!m("vldemar", "Valdemar Ostrov"));
    }

    #[test]
    fn every_term_must_match_some_field() {
        let matcher = Matcher::new("holt summit").unwrap();
        let fields = ["Summit in Brenna", "Jane Holt"];
        assert!(matcher.matches(&blob(fields), || fields.into_iter()));
        let fields = ["Summit in Brenna", "Tomas Vey"];
        assert!(!matcher.matches(&blob(fields), || fields.into_iter()));
    }

    #[test]
    fn a_term_matches_within_one_field_not_across_two() {
        let fields = ["Jane Ho", "lt Ministry"];
        let matcher = Matcher::new("holtmin").unwrap();
        assert!(!matcher.matches(&blob(fields), || fields.into_iter()));
    }

    #[test]
    fn positions_are_byte_offsets_of_matched_characters() {
        let matcher = Matcher::new("holt").unwrap();
        let field = "Ministre Zoë Holt";
        let pos = matcher.positions(field);
        let picked: String = pos.iter().map(|&i| &field[i..i + 1]).collect();
        assert_eq!(picked, "Holt");
        let field = "Talks in Hollandt";
        let pos = Matcher::new("holnd").unwrap().positions(field);
        let picked: String = pos.iter().map(|&i| &field[i..i + 1]).collect();
        assert_eq!(picked, "Holnd");
    }

    #[test]
    fn a_capital_letter_makes_the_term_case_sensitive() {
        assert!(m("Holt", "Jane Holt"));
        assert!(!m("Holt", "the holt of the river"));
        assert!(m("holt", "JANE HOLT"));
    }

    #[test]
    fn verbatim_occurrences_are_highlighted_over_fuzzy_ones() {
        let matcher = Matcher::new("vey").unwrap();
        // "v-e-y" scattered over "Very early" is not taken when "vey" occurs whole.
        let field = "Very early, Tomas Vey spoke";
        assert_eq!(matcher.positions(field), vec![18, 19, 20]);
        let field = "Zoë VEY";
        assert_eq!(Matcher::new("vey").unwrap().positions(field), vec![5, 6, 7]);
    }

    #[test]
    fn blank_query_is_no_matcher() {
        assert!(Matcher::new("   ").is_none());
        assert!(Matcher::new("\u{1}").is_none());
    }

    #[test]
    fn a_grown_term_never_matches_what_its_prefix_missed() {
        let fields = [
            "Jane Holt",
            "Talks in Holland",
            "Hopes of a lasting truce",
            "Valdemar Ostrov",
            "holiday in Tarn",
            "hold the line, old friend",
        ];
        let query = "holidy";
        for n in 1..query.len() {
            let (short, long) = (&query[..n], &query[..n + 1]);
            let (a, b) = (Matcher::new(short).unwrap(), Matcher::new(long).unwrap());
            assert!(narrows(short, long));
            for f in fields {
                let item = blob([f]);
                if b.matches(&item, || [f].into_iter()) {
                    assert!(
                        a.matches(&item, || [f].into_iter()),
                        "{long} vs {short} in {f}"
                    );
                }
            }
        }
    }

    #[test]
    fn narrowing_needs_a_prefix_with_the_same_case_rule() {
        assert!(narrows("holt", "holt v"));
        assert!(narrows("holt v", "holt ve"));
        assert!(narrows("", "holt"));
        assert!(narrows("holt ", "holt vey"));
        assert!(!narrows("holt", "hol"));
        assert!(!narrows("hol", "holT"));
        assert!(!narrows("hol y", "hol x"));
    }

    #[test]
    fn odd_input_never_panics() {
        for q in ["ë", "東京 x", "ǅz", "İi", "ΣΣΣΣς"] {
            let matcher = Matcher::new(q).unwrap();
            for f in ["İstanbul ΣΟΦΙΑ", "東京で会談", "", "ǅǆ"] {
                let _ = matcher.matches(&blob([f]), || [f].into_iter());
                for p in matcher.positions(f) {
                    assert!(f.is_char_boundary(p));
                }
            }
        }
    }
}
