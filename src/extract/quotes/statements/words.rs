//! Quotes as sets of content words for statement linking: each word numbered by its stem (its
//! first letters, lowercased), stop words left out. Built once for the whole archive, so it is
//! kept to one buffer and to words looked up as written (news text repeats its words).

use crate::model::Quote;
use rustc_hash::FxHashMap;

/// Words too common to tell two statements apart.
const STOP: [&str; 40] = [
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "at", "by", "is", "are",
    "was", "were", "be", "been", "it", "this", "that", "we", "i", "you", "he", "she", "they",
    "our", "us", "will", "would", "not", "no", "as", "but", "from", "about", "very", "have",
];

/// Stem length: words are compared by their first letters, so "meeting" and "meetings" or
/// "arranging" and "arrangements" count as the same word.
const STEM: usize = 6;
/// The content words of every quote, as numbers, in one buffer: quote `i`'s are
/// `ids[ends[i - 1]..ends[i]]`, sorted and without repeats.
pub(super) struct Words {
    ids: Vec<u32>,
    ends: Vec<usize>,
    /// Distinct words (stems).
    pub distinct: usize,
}

impl Words {
    /// Stems are numbered in order of first use (the walk's order depends on the numbers).
    pub fn of(quotes: &[Quote]) -> Words {
        let mut stems: FxHashMap<String, u32> = FxHashMap::default();
        // A word as written, to its stem's number (`None` for a stop word): news text repeats its
        // words, so most are looked up once, without lowercasing.
        let mut seen: FxHashMap<&str, Option<u32>> = FxHashMap::default();
        let mut lower = String::new();
        let mut ids = Vec::new();
        let mut ends = Vec::with_capacity(quotes.len());
        for q in quotes {
            let from = ids.len();
            for w in q.text.split(|c: char| !c.is_alphanumeric()) {
                if w.is_empty() {
                    continue;
                }
                let id = match seen.get(w) {
                    Some(&id) => id,
                    None => {
                        let id = stem_number(w, &mut lower, &mut stems);
                        seen.insert(w, id);
                        id
                    }
                };
                ids.extend(id);
            }
            ids[from..].sort_unstable();
            let mut kept = from;
            for k in from..ids.len() {
                if kept == from || ids[k] != ids[kept - 1] {
                    ids[kept] = ids[k];
                    kept += 1;
                }
            }
            ids.truncate(kept);
            ends.push(ids.len());
        }
        Words {
            ids,
            ends,
            distinct: stems.len(),
        }
    }

    pub fn get(&self, i: usize) -> &[u32] {
        let from = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.ids[from..self.ends[i]]
    }
}

/// The number of `word`'s stem (numbered on first use), or `None` for a stop word.
fn stem_number(word: &str, lower: &mut String, stems: &mut FxHashMap<String, u32>) -> Option<u32> {
    lower.clear();
    if word.is_ascii() {
        lower.push_str(word);
        lower.make_ascii_lowercase();
    } else {
        // Not char by char: a final capital sigma lowers differently at the end of a word.
        lower.push_str(&word.to_lowercase());
    }
    if STOP.contains(&lower.as_str()) {
        return None;
    }
    let stem = match lower.char_indices().nth(STEM) {
        Some((end, _)) => &lower[..end],
        None => lower.as_str(),
    };
    if let Some(&id) = stems.get(stem) {
        return Some(id);
    }
    let id = stems.len() as u32;
    stems.insert(stem.to_string(), id);
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn quote(text: &str) -> Quote {
        Quote {
            id: "q".into(),
            doc: "d".into(),
            span: Span::new(0, text.len()),
            text: text.into(),
            speaker: None,
            attribution: None,
            statement: None,
            event: None,
        }
    }

    #[test]
    fn numbers_stems_in_order_of_first_use_without_stop_words() {
        let w = Words::of(&[
            quote("The Harbour MEETINGS resume"),
            quote("a meeting, and the harbour; resumed?"),
            quote("Harbourmaster"),
        ]);
        // harbou, meetin, resume: numbered as first met; "the", "a", "and" are stop words.
        assert_eq!(w.get(0), &[0, 1, 2]);
        assert_eq!(w.get(1), &[0, 1, 2]);
        assert_eq!(w.get(2), &[0]);
        assert_eq!(w.distinct, 3);
    }

    #[test]
    fn lowercases_words_beyond_ascii_before_stemming() {
        let w = Words::of(&[
            quote("ÉLAN Über"),
            quote("élan über THE"),
            quote("Ölförderung ölförderländer"),
        ]);
        assert_eq!(w.get(0), w.get(1));
        assert_eq!(w.get(0).len(), 2);
        // The stem is six characters, not six bytes: both words share "ölförd".
        assert_eq!(w.get(2).len(), 1);
    }

    #[test]
    fn a_quote_of_stop_words_has_no_content_words() {
        let w = Words::of(&[quote("It was not about that, was it?"), quote("")]);
        assert!(w.get(0).is_empty());
        assert!(w.get(1).is_empty());
        assert_eq!(w.distinct, 0);
    }
}
