//! Variants of one statement: the same words quoted by several outlets, each a little differently
//! (a word changed, a sentence cut). Quotes are compared as sets of content words; two quotes from
//! different documents that share most of the shorter one's words are one statement.

use crate::model::Quote;
use rayon::prelude::*;
use std::collections::HashMap;

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

fn content_words(text: &str, ids: &mut HashMap<String, u32>) -> Vec<u32> {
    let mut out: Vec<u32> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| {
            let stem: String = w.chars().take(STEM).collect();
            let next = ids.len() as u32;
            *ids.entry(stem).or_insert(next)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
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

/// Links variants of one statement quoted by several outlets (sets `Quote::statement` to "s1", …).
pub fn link_statements(quotes: &mut [Quote]) {
    let mut ids = HashMap::new();
    let words: Vec<Vec<u32>> = quotes
        .iter()
        .map(|q| content_words(&q.text, &mut ids))
        .collect();
    let mut index: Vec<Vec<usize>> = vec![Vec::new(); ids.len()];
    for (i, w) in words.iter().enumerate() {
        if w.len() >= MIN_WORDS {
            for &t in w {
                index[t as usize].push(i);
            }
        }
    }
    // Documents and speakers as numbers: compared for every candidate pair.
    let mut names: HashMap<String, u32> = HashMap::new();
    let mut number = |s: &str| -> u32 {
        let next = names.len() as u32;
        *names.entry(s.to_string()).or_insert(next)
    };
    let docs: Vec<u32> = quotes.iter().map(|q| number(&q.doc)).collect();
    let speakers: Vec<Option<u32>> = quotes
        .iter()
        .map(|q| q.speaker.as_deref().map(&mut number))
        .collect();
    // One bit per content word (a multiplicative hash): a bit of another quote's mark missing
    // from this quote's mark is a word of the other quote this one lacks, so the marks bound the
    // missing words from below without reading either word list.
    let marks: Vec<u64> = words
        .iter()
        .map(|w| {
            w.iter()
                .fold(0, |m, &t| m | 1 << (t.wrapping_mul(0x9E37_79B9) >> 26))
        })
        .collect();
    // Each quote joins only the one longer quote that contains most of its words: a short, generic
    // fragment must not bridge two different statements that each contain it. Each quote's choice
    // depends on the words alone, so the choices are made on every core and joined in order.
    let rank = |i: usize| (words[i].len(), std::cmp::Reverse(i));
    let best: Vec<Option<usize>> = (0..quotes.len())
        .into_par_iter()
        .map_init(
            || {
                (
                    vec![false; quotes.len()],
                    Vec::new(),
                    vec![false; ids.len()],
                )
            },
            |(seen, touched, mark), i| {
                if words[i].len() < MIN_WORDS {
                    return None;
                }
                // A quote sharing `need` of this one's words contains at least one of its
                // `len - need + 1` rarest words (pigeonhole): only those words' quotes are
                // candidates, so a word thousands of quotes use is never walked for a long quote.
                let need = MIN_WORDS.max((MIN_OVERLAP * words[i].len() as f64).ceil() as usize);
                let mut rarest = words[i].clone();
                rarest.sort_by_key(|t| (index[*t as usize].len(), *t));
                rarest.truncate((words[i].len() + 1).saturating_sub(need));
                // A stock phrase thousands of quotes repeat is walked only so far: linking stays
                // sub-quadratic whatever the archive (the cap is far above what real outlets
                // share).
                for &j in rarest
                    .iter()
                    .flat_map(|t| &index[*t as usize])
                    .take(MAX_WALK)
                {
                    // Only a longer quote from another document, by the same speaker when both
                    // name one, that can share enough words (cheap tests first: counting shared
                    // words is the costly part).
                    let same_speaker = match (speakers[i], speakers[j]) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    };
                    let surely_missing = (marks[j] & !marks[i]).count_ones() as usize;
                    if rank(j) > rank(i)
                        && !seen[j]
                        && docs[i] != docs[j]
                        && same_speaker
                        && surely_missing <= words[j].len().saturating_sub(need)
                    {
                        touched.push(j);
                        seen[j] = true;
                    }
                }
                // This quote's words, marked: counting another's shared words is one look-up each.
                for &w in &words[i] {
                    mark[w as usize] = true;
                }
                let mut best: Option<(usize, usize)> = None;
                for j in touched.drain(..) {
                    seen[j] = false;
                    // Counting stops once too many of the other's words are missing.
                    let allowed = words[j].len().saturating_sub(need);
                    let (mut n, mut missing) = (0, 0);
                    for &w in &words[j] {
                        if mark[w as usize] {
                            n += 1;
                        } else {
                            missing += 1;
                            if missing > allowed {
                                break;
                            }
                        }
                    }
                    if missing > allowed {
                        continue;
                    }
                    if best.is_none_or(|(bn, bj)| (n, rank(j)) > (bn, rank(bj))) {
                        best = Some((n, j));
                    }
                }
                for &w in &words[i] {
                    mark[w as usize] = false;
                }
                best.map(|(_, j)| j)
            },
        )
        .collect();
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    for (i, j) in best.into_iter().enumerate() {
        if let Some(j) = j {
            let (a, b) = (find(&mut parent, i), find(&mut parent, j));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut ids: HashMap<usize, String> = HashMap::new();
    let mut sizes: HashMap<usize, usize> = HashMap::new();
    for i in 0..quotes.len() {
        *sizes.entry(find(&mut parent, i)).or_default() += 1;
    }
    for (i, q) in quotes.iter_mut().enumerate() {
        let root = find(&mut parent, i);
        if sizes[&root] < 2 {
            continue;
        }
        let n = ids.len() + 1;
        let id = ids.entry(root).or_insert_with(|| format!("s{n}")).clone();
        q.statement = Some(id);
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
