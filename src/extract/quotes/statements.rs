//! Variants of one statement: the same words quoted by several outlets, each a little differently
//! (a word changed, a sentence cut). Quotes are compared as sets of content words; two quotes from
//! different documents that share most of the shorter one's words are one statement.

mod postings;
mod words;

use crate::model::Quote;
use postings::{Entry, Postings};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use words::Words;

/// Shortest quote (in content words) that can be linked: shorter ones are phrases many people use.
const MIN_WORDS: usize = 4;
/// Share of the shorter quote's content words the longer one must contain.
const MIN_OVERLAP: f64 = 0.6;
/// Most index entries walked for one quote's candidates.
const MAX_WALK: usize = 1024;

fn find(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        r = parent[r];
    }
    let mut c = i;
    while parent[c] != r {
        let next = parent[c];
        parent[c] = r;
        c = next;
    }
    r
}

/// A candidate's claim to be the quote a quote joins: shared words, then its [`order`].
type Rank = (u32, u64);

/// Orders candidates with as many shared words: the longer quote first, then the earlier.
fn order(e: &Entry) -> u64 {
    (u64::from(e.len) << 32) | u64::from(!e.quote)
}

/// Links variants of one statement quoted by several outlets (sets `Quote::statement` to "s1", …).
pub fn link_statements(quotes: &mut [Quote]) {
    let words = Words::of(quotes);
    // Documents and speakers as numbers: compared for every candidate pair.
    let mut names: FxHashMap<&str, u32> = FxHashMap::default();
    let mut number = |s| {
        let next = names.len() as u32;
        *names.entry(s).or_insert(next)
    };
    let (speakers, entries): (Vec<u32>, Vec<Entry>) = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let w = words.get(i);
            let entry = Entry {
                quote: i as u32,
                len: w.len() as u32,
                doc: number(q.doc.as_str()),
                at: 0,
                mark: w
                    .iter()
                    .fold(0, |m, &t| m | 1 << (t.wrapping_mul(0x9E37_79B9) >> 26)),
            };
            let speaker = q.speaker.as_deref().map_or(u32::MAX, &mut number);
            (speaker, entry)
        })
        .unzip();
    let linkable = (0..quotes.len()).filter(|&i| words.get(i).len() >= MIN_WORDS);
    let index = Postings::build(
        words.distinct,
        linkable.map(|i| (speakers[i], entries[i], words.get(i))),
    );
    // Each quote joins only the one longer quote that contains most of its words: a short, generic
    // fragment must not bridge two different statements that each contain it. Each quote's choice
    // depends on the words alone, so the choices are made on every core and joined in order.
    let best: Vec<Option<usize>> = (0..quotes.len())
        .into_par_iter()
        .map_init(
            || (vec![false; words.distinct], Vec::new()),
            |(mark, rarest), i| {
                let own = words.get(i);
                if own.len() < MIN_WORDS {
                    return None;
                }
                // A quote sharing `need` of this one's words contains at least one of its
                // `len - need + 1` rarest words (pigeonhole): only those words' quotes are
                // candidates, so a word thousands of quotes use is never walked for a long quote.
                let need = MIN_WORDS.max((MIN_OVERLAP * own.len() as f64).ceil() as usize);
                rarest.clear();
                rarest.extend_from_slice(own);
                rarest.sort_by_key(|t| (index[*t as usize].count, *t));
                rarest.truncate((own.len() + 1).saturating_sub(need));
                // This quote's words, marked: counting another's shared words is one look-up each.
                for &w in own {
                    mark[w as usize] = true;
                }
                let a = (&entries[i], speakers[i]);
                let best = choose(a, need as u32, rarest, &index, |j, allowed| {
                    missing(words.get(j), mark, allowed)
                });
                for &w in own {
                    mark[w as usize] = false;
                }
                best
            },
        )
        .collect();
    name_statements(quotes, &best);
}

/// The quote `a` (by `speaker`) joins: among the first `MAX_WALK` entries of the lists of the
/// `rarest` words, the longer quote from another document (by the same speaker when both name
/// one) that shares at least `need` of `a`'s words, best by [`Rank`]. `missing(j, allowed)`
/// counts the words of quote `j` that `a` lacks, `None` once they are more than `allowed`.
fn choose(
    (a, speaker): (&Entry, u32),
    need: u32,
    rarest: &[u32],
    index: &[Postings],
    mut missing: impl FnMut(usize, u32) -> Option<u32>,
) -> Option<usize> {
    let mut best: Option<Rank> = None;
    // A candidate's order must pass this bar: it is longer than `a`, and once a candidate shares
    // all of `a`'s words only a better ordered one can beat it. One test, most entries failing it
    // alike, keeps the walk's branches predictable.
    let mut bar = order(a);
    // A stock phrase thousands of quotes repeat is walked only so far: linking stays
    // sub-quadratic whatever the archive (the cap is far above what real outlets share).
    let mut budget = MAX_WALK;
    for &t in rarest {
        let list = &index[t as usize];
        let cutoff = list.count.min(budget);
        budget -= cutoff;
        list.each(speaker, cutoff, |e| {
            if e.doc == a.doc || order(e) <= bar {
                return;
            }
            // A candidate that cannot beat the best so far is not counted (counting is the costly
            // part): it shares no word its mark shows `a` lacks.
            let most = a
                .len
                .min(e.len.saturating_sub((e.mark & !a.mark).count_ones()));
            let rank = |shared: u32| (shared, order(e));
            if most < need || best.is_some_and(|b| rank(most) <= b) {
                return;
            }
            // The fewest shared words that beat the best.
            let least = match best {
                None => need,
                Some(b) if rank(b.0) > b => need.max(b.0),
                Some(b) => need.max(b.0 + 1),
            };
            if let Some(m) = missing(e.quote as usize, e.len - least) {
                best = Some(rank(e.len - m));
                if e.len - m == a.len {
                    bar = order(e);
                }
            }
        });
        if budget == 0 {
            break;
        }
    }
    best.map(|(_, o)| !(o as u32) as usize)
}

/// Words of `other` not marked, `None` once they are more than `allowed`.
fn missing(other: &[u32], mark: &[bool], allowed: u32) -> Option<u32> {
    let mut n = 0;
    for &w in other {
        if !mark[w as usize] {
            n += 1;
            if n > allowed {
                return None;
            }
        }
    }
    Some(n)
}

/// Joins each quote with the one it chose, and numbers the groups of two or more in quote order.
fn name_statements(quotes: &mut [Quote], best: &[Option<usize>]) {
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    for (i, j) in best.iter().enumerate() {
        if let Some(j) = *j {
            let (a, b) = (find(&mut parent, i), find(&mut parent, j));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut sizes = vec![0u32; quotes.len()];
    for i in 0..quotes.len() {
        sizes[find(&mut parent, i)] += 1;
    }
    let (mut numbers, mut named) = (vec![0u32; quotes.len()], 0);
    for (i, q) in quotes.iter_mut().enumerate() {
        let root = find(&mut parent, i);
        if sizes[root] < 2 {
            continue;
        }
        if numbers[root] == 0 {
            named += 1;
            numbers[root] = named;
        }
        q.statement = Some(format!("s{}", numbers[root]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn quote(doc: &str, text: &str, speaker: Option<&str>) -> Quote {
        Quote {
            id: format!("{doc}-q"),
            doc: doc.into(),
            span: Span::new(0, text.len()),
            text: text.into(),
            speaker: speaker.map(str::to_string),
            attribution: None,
            statement: None,
            event: None,
        }
    }

    #[test]
    fn links_reworded_variants_across_outlets() {
        let mut q = vec![
            quote(
                "d1",
                "Everyone is delighted about the chance for lasting calm between the two nations.",
                Some("Jane Holt"),
            ),
            quote(
                "d2",
                "Everyone is delighted about the possibility of lasting calm for the two nations",
                Some("Jane Holt"),
            ),
            quote(
                "d3",
                "The harvest was poor this year in the northern valleys.",
                Some("Tom Bray"),
            ),
        ];
        link_statements(&mut q);
        assert_eq!(q[0].statement.as_deref(), Some("s1"));
        assert_eq!(q[1].statement.as_deref(), Some("s1"));
        assert_eq!(q[2].statement, None);
    }

    #[test]
    fn short_phrases_and_other_speakers_are_not_linked() {
        let mut q = vec![
            quote("d1", "very good", Some("Jane Holt")),
            quote("d2", "very good", Some("Jane Holt")),
            quote(
                "d1",
                "The delegation will travel north on Tuesday for talks.",
                Some("Jane Holt"),
            ),
            quote(
                "d2",
                "The delegation will travel north on Tuesday for talks.",
                Some("Tom Bray"),
            ),
        ];
        link_statements(&mut q);
        assert!(q.iter().all(|x| x.statement.is_none()));
    }

    #[test]
    fn a_short_fragment_does_not_bridge_two_statements() {
        let mut q = vec![
            quote(
                "d1",
                "the border talks resume next week in the northern harbour",
                Some("Jane Holt"),
            ),
            quote(
                "d2",
                "The border talks resume next week in the northern harbour, and fishing quotas stay as they are for now.",
                Some("Jane Holt"),
            ),
            quote(
                "d3",
                "The border talks resume next week, while harbour fees rise for every trawler and ferry in the spring.",
                Some("Jane Holt"),
            ),
        ];
        link_statements(&mut q);
        assert_eq!(q[0].statement, q[1].statement);
        assert!(q[0].statement.is_some());
        assert_ne!(q[2].statement, q[1].statement);
    }

    #[test]
    fn a_quote_joins_the_variant_sharing_most_of_its_words_not_the_first_found() {
        let mut q = vec![
            quote(
                "d1",
                "Harbour fees rise sharply every spring",
                Some("Jane Holt"),
            ),
            quote(
                "d2",
                "Harbour fees rise sharply, trawler owners protest loudly",
                Some("Jane Holt"),
            ),
            quote(
                "d3",
                "Harbour fees rise sharply every spring, ministers say",
                Some("Jane Holt"),
            ),
        ];
        link_statements(&mut q);
        assert!(q[0].statement.is_some());
        assert_eq!(q[0].statement, q[2].statement);
        assert_eq!(q[1].statement, None);
    }
}
