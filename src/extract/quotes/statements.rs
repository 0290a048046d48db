//! Variants of one statement: the same words quoted by several outlets, each a little differently
//! (a word changed, a sentence cut). Quotes are compared as sets of content words; two quotes from
//! different documents that share most of the shorter one's words are one statement.

use crate::model::Quote;
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

/// How many ids two sorted lists share.
fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
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
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    // Each quote joins only the one longer quote that contains most of its words: a short, generic
    // fragment must not bridge two different statements that each contain it.
    let rank = |i: usize| (words[i].len(), std::cmp::Reverse(i));
    let mut seen: Vec<bool> = vec![false; quotes.len()];
    let mut touched: Vec<usize> = Vec::new();
    for i in 0..quotes.len() {
        if words[i].len() < MIN_WORDS {
            continue;
        }
        // A quote sharing `need` of this one's words contains at least one of its
        // `len - need + 1` rarest words (pigeonhole): only those words' quotes are candidates, so
        // a word thousands of quotes use is never walked for a long quote.
        let need = MIN_WORDS.max((MIN_OVERLAP * words[i].len() as f64).ceil() as usize);
        let mut rarest = words[i].clone();
        rarest.sort_by_key(|t| (index[*t as usize].len(), *t));
        rarest.truncate((words[i].len() + 1).saturating_sub(need));
        // A stock phrase thousands of quotes repeat is walked only so far: linking stays
        // sub-quadratic whatever the archive (the cap is far above what real outlets share).
        for &j in rarest
            .iter()
            .flat_map(|t| &index[*t as usize])
            .take(MAX_WALK)
        {
            if rank(j) > rank(i) && !seen[j] {
                touched.push(j);
                seen[j] = true;
            }
        }
        let mut best: Option<(usize, usize)> = None;
        for j in touched.drain(..) {
            seen[j] = false;
            let n = common(&words[i], &words[j]);
            let same_speaker = match (speakers[i], speakers[j]) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            let fits = docs[i] != docs[j]
                && same_speaker
                && n >= MIN_WORDS
                && n as f64 >= MIN_OVERLAP * words[i].len() as f64;
            if fits && best.is_none_or(|(bn, bj)| (n, rank(j)) > (bn, rank(bj))) {
                best = Some((n, j));
            }
        }
        if let Some((_, j)) = best {
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
