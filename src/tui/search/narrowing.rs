//! One more character: when the query's last term grows by a character, each row the shorter
//! query kept already knows where its match of the term ended ([`Reach`]). The grown term
//! matches there if the next character of the row is the new one (the last run goes on), or if
//! the new character follows later in the same field and a new run may start (see
//! [`crate::tui::search::query`] for the rule). Either way the row holds a match, so keeping it is exact;
//! only a row where neither holds is matched again from scratch. A misspelled growth
//! (`ministr` → `ministrt`), where nearly every row needs a fuzzy match, then costs a byte
//! search per row instead of a fuzzy search.

use crate::tui::search::query::{Term, narrows, terms};
use memchr::memmem;

/// A query's last term grown by one character.
pub struct Growth {
    /// The grown term, to match rows that cannot go on from their reach.
    term: Term,
    /// The new character, lower-cased, as the blob holds it.
    added: Vec<u8>,
    /// A match of the shorter term in at most this many runs may start a new run with it.
    new_run_within: usize,
}

impl Growth {
    /// `Some` when `new` is `old` with its last term grown by one character, both matched
    /// without case (a case-sensitive term is matched in the fields, not the blob) and
    /// lower-casing keeps every character one character (so the run rule counts the same).
    pub fn new(old: &str, new: &str) -> Option<Growth> {
        if old.ends_with(char::is_whitespace) || !narrows(old, new) {
            return None;
        }
        let (before, after) = (terms(old), terms(new));
        let (short, long) = (before.last()?, after.last()?);
        if before.len() != after.len() || long.chars().any(char::is_uppercase) {
            return None;
        }
        let (short_lower, long_lower) = (short.to_lowercase(), long.to_lowercase());
        let chars = short.chars().count();
        if short_lower.chars().count() != chars || long_lower.chars().count() != chars + 1 {
            return None;
        }
        let added = long_lower.strip_prefix(short_lower.as_str())?;
        Some(Growth {
            term: Term::new(long),
            added: added.as_bytes().to_vec(),
            // A new run may start at character `chars` after k runs if k <= (chars + 1) / 4.
            new_run_within: (chars + 1) / 4,
        })
    }

    /// Where the grown term's match ends in an item whose shorter term's match reached `from`
    /// in `text` (the blobs of all items, or one item's blob): `None` when it cannot go on from
    /// there, and [`Growth::again`] must tell. Reads nothing but `text` from `from` on, to the
    /// end of the field.
    pub fn go_on(&self, from: Reach, text: &[u8]) -> Option<Reach> {
        let (runs, end) = from.get()?;
        let rest = text.get(end..)?;
        if rest.starts_with(&self.added) {
            return Some(Reach::new(runs, end + self.added.len()));
        }
        if runs > self.new_run_within {
            return None;
        }
        // Every field of a blob ends with a separator, so the field ends before the next item.
        let field = &rest[..memchr::memchr(1, rest).unwrap_or(rest.len())];
        let found = match self.added[..] {
            [b] => memchr::memchr(b, field),
            _ => memmem::find(field, &self.added),
        }?;
        Some(Reach::new(runs + 1, end + found + self.added.len()))
    }

    /// Whether (and where, in `blob`) the grown term matches an item, from scratch. The
    /// arguments are as for [`crate::tui::search::query::Matcher::reach_masked`].
    pub fn again<'a, I>(&self, item_mask: u64, blob: &[u8], fields: impl Fn() -> I) -> Option<Reach>
    where
        I: Iterator<Item = &'a str>,
    {
        self.term.reach(item_mask, blob, fields)
    }
}

/// Where an item's match of a query's last term ended (a byte offset into its blob, or into
/// the text of all blobs once [`Reach::offset`]) and in how many runs, in one word because a
/// memo keeps one per row: a term grown by one character then looks for that character from
/// there instead of matching the term again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach(u64);

impl Reach {
    /// A match with no place to go on from (a case-sensitive term).
    pub const UNKNOWN: Reach = Reach(u64::MAX);
    const END_BITS: u32 = 56;

    pub(super) fn new(runs: usize, end: usize) -> Reach {
        match (u64::try_from(runs), u64::try_from(end)) {
            (Ok(r), Ok(e)) if r < 255 && e < 1 << Self::END_BITS => Reach(r << Self::END_BITS | e),
            _ => Reach::UNKNOWN,
        }
    }

    /// (runs, end), unless unknown.
    pub(super) fn get(self) -> Option<(usize, usize)> {
        (self != Reach::UNKNOWN).then_some((
            (self.0 >> Self::END_BITS) as usize,
            (self.0 & ((1 << Self::END_BITS) - 1)) as usize,
        ))
    }

    /// The same reach, for a blob that starts `start` bytes into a longer text.
    pub fn offset(self, start: usize) -> Reach {
        self.get()
            .map_or(Reach::UNKNOWN, |(runs, end)| Reach::new(runs, start + end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::filter::{Matcher, blob};
    use crate::tui::search::query::mask;

    /// Types `query` one character at a time over `fields`, growing each reach, and checks
    /// every step against a fresh match.
    fn grow_over(query: &str, items: &[&[&str]]) -> usize {
        let mut reaches: Vec<Option<Reach>> = Vec::new();
        let mut grown = 0;
        let ends: Vec<usize> = query
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .collect();
        for (step, &end) in ends.iter().enumerate() {
            let q = &query[..end];
            let fresh = Matcher::new(q);
            let growth = (step > 0).then(|| Growth::new(&query[..ends[step - 1]], q));
            let mut next = Vec::new();
            for (i, fields) in items.iter().enumerate() {
                let b = blob(fields.iter().copied());
                let m = mask(&b);
                let want = fresh
                    .as_ref()
                    .and_then(|f| f.reach_masked(m, b.as_bytes(), || fields.iter().copied()));
                let got = match (&growth, reaches.get(i)) {
                    (Some(Some(g)), Some(&prev)) => {
                        grown += 1;
                        prev.and_then(|p| {
                            g.go_on(p, b.as_bytes())
                                .or_else(|| g.again(m, b.as_bytes(), || fields.iter().copied()))
                        })
                    }
                    _ => want,
                };
                assert_eq!(got.is_some(), want.is_some(), "{q:?} in {fields:?}");
                next.push(got);
            }
            reaches = next;
        }
        grown
    }

    #[test]
    fn growing_a_term_keeps_exactly_the_rows_a_fresh_match_keeps() {
        let items: &[&[&str]] = &[
            &["Minister Jane Holt", "said the ministry would report"],
            &["the ministry", "t"],
            &["Hopes of a lasting truce"],
            &["ministers met in Tarn", "mnistr"],
            &["holiday in Tarn", "hold the line, old friend"],
            &["Talks in Holland", "Zoë Holt"],
            &["peace process protest", "a prot"],
            &["İstanbul ΣΟΦΙΑ", "東京で会談"],
        ];
        let mut grown = 0;
        for q in [
            "ministrt",
            "minstrt",
            "holt",
            "holnd",
            "holtx",
            "peace prot",
            "peace pt",
            "zoë h",
            "zoëholt",
            "ministrye",
            "hopestr",
            "σοφια",
            "東京で",
        ] {
            grown += grow_over(q, items);
        }
        assert!(grown > 300, "only {grown} rows were grown");
    }

    #[test]
    fn growth_is_only_for_one_more_character_of_the_last_term() {
        assert!(Growth::new("minis", "minist").is_some());
        assert!(Growth::new("holt pe", "holt pea").is_some());
        assert!(Growth::new("minis", "ministe").is_none());
        assert!(Growth::new("holt ", "holt p").is_none());
        assert!(Growth::new("hol", "holT").is_none());
        assert!(Growth::new("Hol", "Holt").is_none());
        assert!(Growth::new("", "h").is_none());
        assert!(Growth::new("holt", "hol").is_none());
    }
}
