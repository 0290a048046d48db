//! Variants of one statement: the same words quoted by several outlets, each a little differently
//! (a word changed, a sentence cut). Quotes are compared as sets of content words; two quotes from
//! different documents that share most of the shorter one's words are one statement.

use crate::model::Quote;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Words too common to tell two statements apart.
const STOP: [&str; 40] = [
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "at", "by", "is", "are",
    "was", "were", "be", "been", "it", "this", "that", "we", "i", "you", "he", "she", "they",
    "our", "us", "will", "would", "not", "no", "as", "but", "from", "about", "very", "have",
];

/// Shortest quote (in content words) that can be linked: shorter ones are phrases many people use.
const MIN_WORDS: usize = 4;
/// Share of the shorter quote's content words the longer one must contain.
const MIN_OVERLAP: f64 = 0.6;

/// Stem length: words are compared by their first letters, so "meeting" and "meetings" or
/// "arranging" and "arrangements" count as the same word.
const STEM: usize = 6;
/// Most index entries walked for one quote's candidates.
const MAX_WALK: usize = 1024;

/// The content words of every quote, as numbers, in one buffer: quote `i`'s are
/// `ids[ends[i - 1]..ends[i]]`, sorted and without repeats.
struct Words {
    ids: Vec<u32>,
    ends: Vec<usize>,
    /// Distinct words (stems).
    distinct: usize,
}

impl Words {
    /// Stems are numbered in order of first use (the walk's order depends on the numbers).
    fn of(quotes: &[Quote]) -> Words {
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

    fn get(&self, i: usize) -> &[u32] {
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

/// One quote, as the candidate walk compares it: what the walk tests is carried in each word's
/// list, read in a stream, so no candidate is looked up elsewhere (the walk visits millions of
/// entries on a large archive).
#[derive(Clone, Copy)]
struct Entry {
    quote: u32,
    /// Content words.
    len: u32,
    doc: u32,
    /// `u32::MAX` when the quote names no speaker.
    speaker: u32,
    /// One bit per content word (a multiplicative hash): a bit of another quote's mark missing
    /// from this quote's mark is a word of the other quote this one lacks, so the marks bound the
    /// shared words from above without reading either word list.
    mark: u64,
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
    let entries: Vec<Entry> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let w = words.get(i);
            Entry {
                quote: i as u32,
                len: w.len() as u32,
                doc: number(q.doc.as_str()),
                speaker: q.speaker.as_deref().map_or(u32::MAX, &mut number),
                mark: w
                    .iter()
                    .fold(0, |m, &t| m | 1 << (t.wrapping_mul(0x9E37_79B9) >> 26)),
            }
        })
        .collect();
    // The quotes of each word, in quote order.
    let mut index: Vec<Vec<Entry>> = vec![Vec::new(); words.distinct];
    for (i, e) in entries.iter().enumerate() {
        let w = words.get(i);
        if w.len() >= MIN_WORDS {
            for &t in w {
                index[t as usize].push(*e);
            }
        }
    }
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
                rarest.sort_by_key(|t| (index[*t as usize].len(), *t));
                rarest.truncate((own.len() + 1).saturating_sub(need));
                // This quote's words, marked: counting another's shared words is one look-up each.
                for &w in own {
                    mark[w as usize] = true;
                }
                let best = choose(&entries[i], need as u32, rarest, &index, |j, allowed| {
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

/// The quote `a` joins: among the first `MAX_WALK` entries of the lists of the `rarest` words, the
/// longer quote from another document (by the same speaker when both name one) that shares at
/// least `need` of `a`'s words, best by [`Rank`]. `missing(j, allowed)` counts the words of quote
/// `j` that `a` lacks, `None` once they are more than `allowed`.
fn choose(
    a: &Entry,
    need: u32,
    rarest: &[u32],
    index: &[Vec<Entry>],
    mut missing: impl FnMut(usize, u32) -> Option<u32>,
) -> Option<usize> {
    let mut best: Option<Rank> = None;
    // A candidate's order must pass this bar: it is longer than `a`, and once a candidate shares
    // all of `a`'s words only a better ordered one can beat it. One test, most entries failing it
    // alike, keeps the walk's branches predictable.
    let mut bar = order(a);
    let any_speaker = a.speaker == u32::MAX;
    // A stock phrase thousands of quotes repeat is walked only so far: linking stays
    // sub-quadratic whatever the archive (the cap is far above what real outlets share).
    let mut budget = MAX_WALK;
    for &t in rarest {
        let list = &index[t as usize];
        let list = &list[..list.len().min(budget)];
        budget -= list.len();
        for e in list {
            let same_speaker = (e.speaker == a.speaker) | (e.speaker == u32::MAX) | any_speaker;
            if !((e.doc != a.doc) & same_speaker & (order(e) > bar)) {
                continue;
            }
            // A candidate that cannot beat the best so far is not counted (counting is the costly
            // part): it shares no word its mark shows `a` lacks.
            let most = a
                .len
                .min(e.len.saturating_sub((e.mark & !a.mark).count_ones()));
            let rank = |shared: u32| (shared, order(e));
            if most < need || best.is_some_and(|b| rank(most) <= b) {
                continue;
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
        }
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
}
