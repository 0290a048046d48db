//! Corpus neighbours for publication-date inference: the articles that share the most names.
//!
//! Comparing every pair of articles is quadratic, which an archive of 100k articles cannot afford.
//! Names are interned and indexed (name → articles that use it); an article's candidates are the
//! articles found by walking its *rarest* names first, within a budget of index entries, since a
//! name most of the corpus uses ("Monday", a head of state) says little about which story it is.
//! Only the best-ranked candidates are scored by the exact similarity (shared names over all names).
//! On a corpus small enough for the budget to cover every name, this is exactly the all-pairs search.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Index entries (article ids in posting lists) walked per article to find its candidates.
const BUDGET: usize = 8192;
/// Candidates scored exactly per article.
const MAX_CANDIDATES: usize = 256;

/// Each article's names as sorted ids into one shared vocabulary.
pub struct NameIndex {
    names: Vec<Vec<u32>>,
    postings: Vec<Vec<u32>>,
}

impl NameIndex {
    /// Interns the name sets of every article (in article order) and indexes them.
    pub fn new(sets: &[Vec<&str>]) -> Self {
        let mut vocabulary: FxHashMap<&str, u32> = FxHashMap::default();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        let mut names = Vec::with_capacity(sets.len());
        for (doc, set) in sets.iter().enumerate() {
            let mut ids: Vec<u32> = set
                .iter()
                .map(|n| {
                    let next = vocabulary.len() as u32;
                    let id = *vocabulary.entry(n).or_insert(next);
                    if id == next {
                        postings.push(Vec::new());
                    }
                    id
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            for id in &ids {
                postings[*id as usize].push(doc as u32);
            }
            names.push(ids);
        }
        NameIndex { names, postings }
    }

    /// For each article with `wanted[k]`, the other articles at least `threshold` similar to it,
    /// in article order, with their similarity. Others get an empty list.
    pub fn neighbours(&self, wanted: &[bool], threshold: f64) -> Vec<Vec<(usize, f64)>> {
        (0..self.names.len())
            .into_par_iter()
            .map(|k| {
                if !wanted.get(k).copied().unwrap_or(false) {
                    return Vec::new();
                }
                self.neighbours_of(k, threshold)
            })
            .collect()
    }

    fn neighbours_of(&self, k: usize, threshold: f64) -> Vec<(usize, f64)> {
        thread_local! {
            static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
        }
        SCRATCH.with(|s| self.neighbours_with(k, threshold, &mut s.borrow_mut()))
    }

    fn neighbours_with(&self, k: usize, threshold: f64, s: &mut Scratch) -> Vec<(usize, f64)> {
        let own = &self.names[k];
        let mut rarest: Vec<u32> = own.clone();
        rarest.sort_by_key(|id| (self.postings[*id as usize].len(), *id));
        // Shared-name counts per article, in a dense array reset after use (not a hash map).
        if s.shared.len() < self.names.len() {
            s.shared.resize(self.names.len(), 0);
        }
        s.touched.clear();
        let mut walked = 0usize;
        for id in rarest {
            let posting = &self.postings[id as usize];
            if walked > 0 && walked + posting.len() > BUDGET {
                break;
            }
            for j in posting.iter().take(BUDGET) {
                if *j as usize != k {
                    let count = &mut s.shared[*j as usize];
                    if *count == 0 {
                        s.touched.push(*j);
                    }
                    *count += 1;
                }
            }
            walked += posting.len();
        }
        let mut ranked: Vec<(u32, u32)> = s
            .touched
            .iter()
            .map(|j| (*j, std::mem::take(&mut s.shared[*j as usize])))
            .collect();
        // The best MAX_CANDIDATES by (count desc, id asc): a total order, so selecting them and
        // sorting only those gives the same set as sorting all.
        let order = |a: &(u32, u32), b: &(u32, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > MAX_CANDIDATES {
            ranked.select_nth_unstable_by(MAX_CANDIDATES - 1, order);
            ranked.truncate(MAX_CANDIDATES);
        }
        // Jaccard against the article's own names, marked in a vocabulary-wide array.
        if s.mark.len() < self.postings.len() {
            s.mark.resize(self.postings.len(), false);
        }
        for id in own {
            s.mark[*id as usize] = true;
        }
        let mut found: Vec<(usize, f64)> = ranked
            .into_iter()
            .map(|(j, _)| {
                let theirs = &self.names[j as usize];
                let inter = theirs.iter().filter(|id| s.mark[**id as usize]).count();
                (j as usize, jaccard(own.len(), theirs.len(), inter))
            })
            .filter(|(_, sim)| *sim >= threshold)
            .collect();
        for id in own {
            s.mark[*id as usize] = false;
        }
        found.sort_unstable_by_key(|(j, _)| *j);
        found
    }
}

/// Per-thread working memory of the neighbour search, reused from article to article.
#[derive(Default)]
struct Scratch {
    /// Shared-name count per article (all zero between searches).
    shared: Vec<u32>,
    /// The articles whose count is not zero.
    touched: Vec<u32>,
    /// Whether a vocabulary id is one of the searched article's names (all false between searches).
    mark: Vec<bool>,
}

/// Shared names over all names, from the two set sizes and the shared count.
fn jaccard(a: usize, b: usize, inter: usize) -> f64 {
    let union = (a + b - inter).max(1);
    inter as f64 / union as f64
}

/// Shared names over all names of two sorted id lists (Jaccard): the reference for the tests.
#[cfg(test)]
fn similarity(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    jaccard(a.len(), b.len(), inter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn all_pairs(sets: &[Vec<&str>], threshold: f64) -> Vec<Vec<(usize, f64)>> {
        let index = NameIndex::new(sets);
        (0..sets.len())
            .map(|k| {
                (0..sets.len())
                    .filter(|j| *j != k)
                    .map(|j| (j, similarity(&index.names[k], &index.names[j])))
                    .filter(|(_, s)| *s >= threshold)
                    .collect()
            })
            .collect()
    }

    /// The search as first written (hash map of counts, full sort, merge-based Jaccard).
    fn reference(index: &NameIndex, k: usize, threshold: f64) -> Vec<(usize, f64)> {
        let own = &index.names[k];
        let mut rarest: Vec<u32> = own.clone();
        rarest.sort_by_key(|id| (index.postings[*id as usize].len(), *id));
        let mut shared: HashMap<u32, u32> = HashMap::new();
        let mut walked = 0usize;
        for id in rarest {
            let posting = &index.postings[id as usize];
            if walked > 0 && walked + posting.len() > BUDGET {
                break;
            }
            for j in posting.iter().take(BUDGET) {
                if *j as usize != k {
                    *shared.entry(*j).or_insert(0) += 1;
                }
            }
            walked += posting.len();
        }
        let mut ranked: Vec<(u32, u32)> = shared.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(MAX_CANDIDATES);
        let mut found: Vec<(usize, f64)> = ranked
            .into_iter()
            .map(|(j, _)| (j as usize, similarity(own, &index.names[j as usize])))
            .filter(|(_, s)| *s >= threshold)
            .collect();
        found.sort_unstable_by_key(|(j, _)| *j);
        found
    }

    #[test]
    fn large_corpora_get_the_same_neighbours_as_the_plain_search() {
        // 3000 articles over a vocabulary where common names exceed the budget and many
        // articles tie: the candidate cut and the ties must fall exactly as in the plain search.
        let words: Vec<String> = (0..400).map(|i| format!("Name{i}")).collect();
        let sets: Vec<Vec<&str>> = (0..3000usize)
            .map(|k| {
                (0..12usize)
                    .map(|i| words[(k * 7 + i * i * 13 + (k % 5) * i) % words.len()].as_str())
                    .chain(["Monday", "Minister", "Tuesday"])
                    .collect()
            })
            .collect();
        let index = NameIndex::new(&sets);
        let found = index.neighbours(&[true; 3000], 0.05);
        for k in (0..3000).step_by(37) {
            assert_eq!(found[k], reference(&index, k, 0.05), "article {k}");
        }
        assert!(found.iter().all(|f| f.len() <= MAX_CANDIDATES));
        assert!(found.iter().all(|f| !f.is_empty()));
    }

    #[test]
    fn small_corpora_get_exactly_the_all_pairs_neighbours() {
        let sets: Vec<Vec<&str>> = vec![
            vec!["Holt", "Geneva", "Monday"],
            vec!["Holt", "Geneva", "Friday"],
            vec!["Brandt", "Lisbon"],
            vec!["Brandt", "Lisbon", "Holt", "Monday"],
            vec![],
        ];
        let index = NameIndex::new(&sets);
        let found = index.neighbours(&[true; 5], 0.05);
        assert_eq!(found, all_pairs(&sets, 0.05));
        assert!(found[4].is_empty());
        assert_eq!(found[0].iter().map(|(j, _)| *j).collect::<Vec<_>>(), [1, 3]);
    }

    #[test]
    fn only_wanted_articles_are_searched() {
        let sets: Vec<Vec<&str>> = vec![vec!["Holt"], vec!["Holt"]];
        let found = NameIndex::new(&sets).neighbours(&[false, true], 0.05);
        assert!(found[0].is_empty());
        assert_eq!(found[1], vec![(0, 1.0)]);
    }

    #[test]
    fn a_name_everyone_uses_does_not_crowd_out_a_rare_shared_one() {
        // 3000 articles all say "Monday"; only articles 0 and 2999 share "Okonkwo".
        let mut sets: Vec<Vec<&str>> = (0..3000).map(|_| vec!["Monday", "Tuesday"]).collect();
        sets[0].push("Okonkwo");
        sets[2999].push("Okonkwo");
        let found = NameIndex::new(&sets).neighbours(&[true; 3000], 0.05);
        assert!(found[0].iter().any(|(j, _)| *j == 2999));
        assert!(found[0].len() <= MAX_CANDIDATES);
    }
}
