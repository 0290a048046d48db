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

/// Each article's names as sorted ids into one shared vocabulary, numbered from the rarest name
/// to the most common (ties in first-seen order): an article's id list is then already in the
/// order its rarest names are walked, and the names a walk skipped are a suffix of every list.
pub struct NameIndex {
    names: Vec<Vec<u32>>,
    postings: Vec<Vec<u32>>,
}

impl NameIndex {
    /// Interns the name sets of every article (in article order) and indexes them.
    pub fn new<'a>(sets: &[impl AsRef<[&'a str]>]) -> Self {
        let mut vocabulary: FxHashMap<&str, u32> = FxHashMap::default();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        let mut names = Vec::with_capacity(sets.len());
        for (doc, set) in sets.iter().enumerate() {
            let mut ids: Vec<u32> = set
                .as_ref()
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
        // Renumber by rarity: (posting length, first-seen id), the order the walk takes names in.
        let mut by_rarity: Vec<u32> = (0..postings.len() as u32).collect();
        by_rarity.sort_unstable_by_key(|id| (postings[*id as usize].len(), *id));
        let mut rank = vec![0u32; postings.len()];
        for (r, id) in by_rarity.iter().enumerate() {
            rank[*id as usize] = r as u32;
        }
        let mut postings: Vec<Option<Vec<u32>>> = postings.into_iter().map(Some).collect();
        let postings = by_rarity
            .iter()
            .map(|id| postings[*id as usize].take().unwrap_or_default())
            .collect();
        names.par_iter_mut().for_each(|ids: &mut Vec<u32>| {
            for id in ids.iter_mut() {
                *id = rank[*id as usize];
            }
            ids.sort_unstable();
        });
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
        // Ids are numbered by rarity, so the article's own list is its rarest names first.
        let own = &self.names[k];
        // Shared-name counts per article, in a dense array reset after use (not a hash map).
        if s.shared.len() < self.names.len() {
            s.shared.resize(self.names.len(), 0);
            s.touched.resize(self.names.len() + 1, 0);
        }
        // The articles touched, appended without a branch: `touched[..len]` (the article itself
        // included, dropped below).
        let mut len = 0usize;
        let mut walked = 0usize;
        // How many of the own names were walked, and whether the first was cut short.
        let mut taken = 0usize;
        let mut cut_short = false;
        for id in own {
            let posting = &self.postings[*id as usize];
            if walked > 0 && walked + posting.len() > BUDGET {
                break;
            }
            for j in posting.iter().take(BUDGET) {
                let count = &mut s.shared[*j as usize];
                s.touched[len] = *j;
                len += usize::from(*count == 0);
                *count += 1;
            }
            walked += posting.len();
            taken += 1;
            cut_short |= posting.len() > BUDGET;
        }
        // The best MAX_CANDIDATES by (count desc, id asc). Counts are at most the names walked, so
        // a histogram gives the lowest count admitted; of the articles with that count, the
        // lowest ids fill the places left (the same set as sorting all by that order).
        s.histogram.clear();
        s.histogram.resize(taken + 1, 0);
        for j in &s.touched[..len] {
            if *j as usize != k {
                s.histogram[s.shared[*j as usize] as usize] += 1;
            }
        }
        let mut above = 0;
        let mut lowest = 0;
        for (count, n) in s.histogram.iter().enumerate().rev() {
            if above + n > MAX_CANDIDATES {
                lowest = count;
                break;
            }
            above += n;
        }
        let mut ranked: Vec<(u32, u32)> = Vec::with_capacity(len.min(MAX_CANDIDATES));
        s.ties.clear();
        for j in &s.touched[..len] {
            let count = std::mem::take(&mut s.shared[*j as usize]);
            if *j as usize == k || (count as usize) < lowest {
                continue;
            }
            if count as usize == lowest && lowest > 0 {
                s.ties.push(*j);
            } else {
                ranked.push((*j, count));
            }
        }
        let places = MAX_CANDIDATES - ranked.len();
        if s.ties.len() > places {
            s.ties.select_nth_unstable(places);
            s.ties.truncate(places);
        }
        ranked.extend(s.ties.iter().map(|j| (*j, lowest as u32)));
        // Jaccard against the article's own names. A walk that took names whole counted every
        // shared name below the first skipped one; only the skipped (most common) names, a suffix
        // of both sorted lists, are looked up, marked in a vocabulary-wide array. A first name cut
        // short by the budget counted only part of its articles: then every name is looked up.
        let counted = !cut_short;
        let skipped = if counted { &own[taken..] } else { &own[..] };
        if s.mark.len() < self.postings.len() {
            s.mark.resize(self.postings.len(), false);
        }
        for id in skipped {
            s.mark[*id as usize] = true;
        }
        let first_skipped = skipped.first().copied().unwrap_or(u32::MAX);
        let mut found: Vec<(usize, f64)> = ranked
            .into_iter()
            .map(|(j, count)| {
                let theirs = &self.names[j as usize];
                let inter = if counted {
                    let from = theirs.partition_point(|id| *id < first_skipped);
                    count as usize
                        + theirs[from..]
                            .iter()
                            .filter(|id| s.mark[**id as usize])
                            .count()
                } else {
                    theirs.iter().filter(|id| s.mark[**id as usize]).count()
                };
                (j as usize, jaccard(own.len(), theirs.len(), inter))
            })
            .filter(|(_, sim)| *sim >= threshold)
            .collect();
        for id in skipped {
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
    /// How many articles share each count of names.
    histogram: Vec<usize>,
    /// The articles with the lowest count admitted, competing by id for the last places.
    ties: Vec<u32>,
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
    use std::collections::{HashMap, HashSet};

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

    /// The search as first written, from the names themselves: ids in first-seen order, rarest
    /// names found by sorting, a hash map of counts, a full sort and Jaccard over name sets.
    struct Plain {
        postings: Vec<Vec<usize>>,
        names: Vec<HashSet<usize>>,
    }

    fn plain(sets: &[Vec<&str>]) -> Plain {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut postings: Vec<Vec<usize>> = Vec::new();
        let mut names: Vec<HashSet<usize>> = Vec::new();
        for (doc, set) in sets.iter().enumerate() {
            let mut own = HashSet::new();
            for n in set {
                let next = ids.len();
                let id = *ids.entry(n).or_insert(next);
                if id == next {
                    postings.push(Vec::new());
                }
                if own.insert(id) {
                    postings[id].push(doc);
                }
            }
            names.push(own);
        }
        Plain { postings, names }
    }

    fn reference(plain: &Plain, k: usize, threshold: f64) -> Vec<(usize, f64)> {
        let (postings, names) = (&plain.postings, &plain.names);
        let mut rarest: Vec<usize> = names[k].iter().copied().collect();
        rarest.sort_by_key(|id| (postings[*id].len(), *id));
        let mut shared: HashMap<usize, u32> = HashMap::new();
        let mut walked = 0usize;
        for id in rarest {
            let posting = &postings[id];
            if walked > 0 && walked + posting.len() > BUDGET {
                break;
            }
            for j in posting.iter().take(BUDGET) {
                if *j != k {
                    *shared.entry(*j).or_insert(0) += 1;
                }
            }
            walked += posting.len();
        }
        let mut ranked: Vec<(usize, u32)> = shared.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(MAX_CANDIDATES);
        let mut found: Vec<(usize, f64)> = ranked
            .into_iter()
            .map(|(j, _)| {
                let inter = names[k].intersection(&names[j]).count();
                (j, jaccard(names[k].len(), names[j].len(), inter))
            })
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
        let plain = plain(&sets);
        for k in (0..3000).step_by(37) {
            assert_eq!(found[k], reference(&plain, k, 0.05), "article {k}");
        }
        assert!(found.iter().all(|f| f.len() <= MAX_CANDIDATES));
        assert!(found.iter().all(|f| !f.is_empty()));
    }

    #[test]
    fn names_beyond_the_budget_are_counted_as_in_the_plain_search() {
        // 9000 articles all name "Monday" and "Tuesday", more than the budget walks: a tenth name
        // nothing else, so their rarest name is cut short; the others name a mid-sized group
        // (skipped once rarer names fill the budget) and rare names, repeated within an article.
        let rare: Vec<String> = (0..700).map(|i| format!("Name{i}")).collect();
        let groups: Vec<String> = (0..4).map(|i| format!("Group{i}")).collect();
        let sets: Vec<Vec<&str>> = (0..9000usize)
            .map(|k| {
                let mut set = vec!["Monday", "Tuesday"];
                if k % 10 != 0 {
                    set.push(groups[k % 4].as_str());
                    set.extend((0..6).map(|i| rare[(k * 3 + i * 11) % rare.len()].as_str()));
                    set.push(rare[k % rare.len()].as_str());
                    set.push(rare[k % rare.len()].as_str());
                }
                set
            })
            .collect();
        let wanted: Vec<bool> = (0..9000).map(|k| k % 97 == 0 || k % 1000 == 10).collect();
        let found = NameIndex::new(&sets).neighbours(&wanted, 0.05);
        let plain = plain(&sets);
        for k in (0..9000).filter(|k| wanted[*k]) {
            assert_eq!(found[k], reference(&plain, k, 0.05), "article {k}");
        }
        assert!(found[0].len() == MAX_CANDIDATES);
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
