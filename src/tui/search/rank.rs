//! Ranked quote lookup: with a `/` query, the Quotes view lists the best matches first (`r`
//! switches back to date order), and the letters that matched are highlighted.
//!
//! Which rows match is still [`crate::tui::search::query`]'s monotone matcher's business (it keeps typing fast
//! and narrows as the query grows); this module only orders those rows and says where they
//! matched, with the skim algorithm of the `fuzzy-matcher` crate (the score favours contiguous
//! letters and word starts). Scoring costs microseconds a row, too much for every row of a
//! 500,000-quote archive within a keystroke, so beyond [`SCORED`] rows only the most promising are
//! scored: the rows whose last term occurs verbatim at a word start, then verbatim, then the rest,
//! as the matcher's [`Reach`] tells at no cost. The rows not scored follow in date order.

use crate::tui::app::State;
use crate::tui::catalog::QuoteEntry;
use crate::tui::search::narrowing::Reach;
use crate::tui::search::query::{Term, terms};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

/// At most this many rows are scored per keystroke (every row, when no more match).
pub const SCORED: usize = 500;
/// From this many rows the scoring is shared between the cores.
const PARALLEL_FROM: usize = 256;

/// A `/` query as the ranking reads it: its terms, each with the monotone matcher's term (which
/// fields a term matched in) and skim's scoring.
pub struct Ranker {
    terms: Vec<(String, Term)>,
    skim: SkimMatcherV2,
}

impl Ranker {
    /// `None` for a blank query.
    pub fn new(query: &str) -> Option<Ranker> {
        let terms: Vec<(String, Term)> = terms(query)
            .into_iter()
            .map(|t| {
                let term = Term::new(&t);
                (t, term)
            })
            .collect();
        (!terms.is_empty()).then(|| Ranker {
            terms,
            skim: SkimMatcherV2::default(),
        })
    }

    /// How well a quote matches: for each term, skim's best score over the fields the term
    /// matched in (speaker, words, outlet), summed. Higher is better.
    pub fn score(&self, q: &QuoteEntry) -> i64 {
        let fields = q.fields();
        self.terms
            .iter()
            .map(|(text, _)| {
                fields
                    .iter()
                    .filter_map(|f| self.skim.fuzzy_match(f, text))
                    .max()
                    .unwrap_or(0)
            })
            .sum()
    }

    /// Byte offsets of the characters of `field` to highlight: for each term that the monotone
    /// matcher finds in this field, the letters skim aligns it with (the matcher's own
    /// alignment should skim find none).
    pub fn positions(&self, field: &str) -> Vec<usize> {
        let starts: Vec<usize> = field.char_indices().map(|(i, _)| i).collect();
        let mut out = Vec::new();
        for (text, term) in &self.terms {
            if !term.in_field(field) {
                continue;
            }
            match self.skim.fuzzy_indices(field, text) {
                Some((_, chars)) => out.extend(chars.iter().filter_map(|&c| starts.get(c))),
                None => out.extend(term.positions(field)),
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// `rows` (in date order) with the best matches of `query` first. `reach` is where each row's
/// match of the query's last term ended in `blobs` (see [`Reach`]), or empty when unknown.
pub fn ranked(state: &State, query: &str, rows: &[usize], reach: &[Reach]) -> Vec<usize> {
    let Some(ranker) = Ranker::new(query) else {
        return rows.to_vec();
    };
    let quotes = &state.catalog.quotes;
    // Which rows to score: all of them when few match, else the most promising.
    let chosen: Vec<usize> = if rows.len() <= SCORED {
        (0..rows.len()).collect()
    } else {
        promising(state, query, rows, reach)
    };
    let score = |&pos: &usize| (pos, ranker.score(&quotes[rows[pos]]));
    let mut scored: Vec<(usize, i64)> = if chosen.len() >= PARALLEL_FROM {
        chosen.par_iter().map(score).collect()
    } else {
        chosen.iter().map(score).collect()
    };
    // Best first; equal scores in date order.
    scored.sort_unstable_by_key(|&(pos, s)| (std::cmp::Reverse(s), pos));
    let mut out: Vec<usize> = scored.iter().map(|&(pos, _)| rows[pos]).collect();
    if out.len() < rows.len() {
        let mut taken = vec![false; rows.len()];
        for &(pos, _) in &scored {
            taken[pos] = true;
        }
        out.extend(rows.iter().zip(taken).filter(|(_, t)| !t).map(|(&r, _)| r));
    }
    out
}

/// The positions (in `rows`) of the [`SCORED`] rows most likely to score best, judged without
/// reading a field: the last term verbatim at a word start, then verbatim, then the rest, each
/// in date order.
fn promising(state: &State, query: &str, rows: &[usize], reach: &[Reach]) -> Vec<usize> {
    let last = terms(query).pop().unwrap_or_default().to_lowercase();
    let all = state.catalog.blobs(crate::tui::action::View::Quotes).all();
    let tier = |r: &Reach| -> usize {
        match r.get() {
            Some((1, end)) if end >= last.len() => {
                let start = end - last.len();
                let before = start.checked_sub(1).and_then(|i| all.get(i));
                if before.is_none_or(|b| !b.is_ascii_alphanumeric()) {
                    0
                } else {
                    1
                }
            }
            _ => 2,
        }
    };
    let mut tiers: [Vec<usize>; 3] = Default::default();
    if reach.len() == rows.len() {
        for (pos, r) in reach.iter().enumerate() {
            if tiers[0].len() >= SCORED {
                break;
            }
            let t = tier(r);
            if tiers[..=t].iter().map(Vec::len).sum::<usize>() < SCORED {
                tiers[t].push(pos);
            }
        }
    } else {
        tiers[2].extend(0..SCORED.min(rows.len()));
    }
    let [a, b, c] = tiers;
    a.into_iter().chain(b).chain(c).take(SCORED).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skim_positions_are_byte_offsets_in_the_field_the_term_matched() {
        let r = Ranker::new("holt").unwrap();
        let field = "Zoë Brennan thanked Holt";
        let picked: String = r
            .positions(field)
            .iter()
            .map(|&i| &field[i..i + 1])
            .collect();
        assert_eq!(picked, "Holt");
        // Letters scattered over a field are not a match there: nothing is highlighted.
        assert!(r.positions("Hopes of a lasting truce").is_empty());
    }
}
