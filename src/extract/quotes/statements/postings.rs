//! The quotes of each content word, as the statement walk reads them. No walk reads past a
//! word's first `MAX_WALK` quotes, so only those are kept; they are grouped by speaker, so a
//! quote that names its speaker reads only the quotes of that speaker and those naming none
//! (on a large archive most of a word's quotes are by other people).

use super::MAX_WALK;

/// One quote in a word's list: what the walk tests, carried along so that it is read in a
/// stream and no candidate is looked up elsewhere (the walk visits millions of entries).
#[derive(Clone, Copy, Default)]
pub(super) struct Entry {
    pub quote: u32,
    /// Content words.
    pub len: u32,
    pub doc: u32,
    /// Place in the word's list of quotes.
    pub at: u32,
    /// One bit per content word (a multiplicative hash): a bit of another quote's mark missing
    /// from this quote's mark is a word of the other quote this one lacks, so the marks bound the
    /// shared words from above without reading either word list.
    pub mark: u64,
}

/// The quotes of one word.
#[derive(Default)]
pub(super) struct Postings {
    /// Quotes using the word, all of them.
    pub count: usize,
    /// The first `MAX_WALK` of them, by speaker, each speaker's in list order.
    entries: Vec<Entry>,
    /// Each speaker's first entry, by speaker (`u32::MAX`, no speaker, sorts last).
    starts: Vec<(u32, u32)>,
}

impl Postings {
    /// Lists of `words` quotes: `quotes` gives, in quote order, each quote's speaker (`u32::MAX`
    /// for none), its entry and its words.
    pub fn build<'w>(
        words: usize,
        quotes: impl Iterator<Item = (u32, Entry, &'w [u32])>,
    ) -> Vec<Postings> {
        let mut lists: Vec<Vec<(u32, Entry)>> = (0..words).map(|_| Vec::new()).collect();
        let mut counts = vec![0; words];
        for (speaker, entry, ws) in quotes {
            for &t in ws {
                let list = &mut lists[t as usize];
                counts[t as usize] += 1;
                if list.len() < MAX_WALK {
                    let at = list.len() as u32;
                    list.push((speaker, Entry { at, ..entry }));
                }
            }
        }
        lists
            .into_iter()
            .zip(counts)
            .map(|(mut list, count)| {
                // Stable: each speaker's entries stay in list order.
                list.sort_by_key(|(s, _)| *s);
                let mut starts: Vec<(u32, u32)> = Vec::new();
                for (k, (s, _)) in list.iter().enumerate() {
                    if starts.last().is_none_or(|g| g.0 != *s) {
                        starts.push((*s, k as u32));
                    }
                }
                Postings {
                    count,
                    entries: list.into_iter().map(|(_, e)| e).collect(),
                    starts,
                }
            })
            .collect()
    }

    /// Calls `f` with each of the first `cutoff` quotes of the list that a quote by `speaker`
    /// may join: those by the same speaker or naming none, all of them when `speaker` is
    /// `u32::MAX` (none named).
    pub fn each(&self, speaker: u32, cutoff: usize, mut f: impl FnMut(&Entry)) {
        if speaker == u32::MAX {
            if cutoff >= self.entries.len() {
                self.entries.iter().for_each(f);
            } else {
                for e in &self.entries {
                    if (e.at as usize) < cutoff {
                        f(e);
                    }
                }
            }
            return;
        }
        for s in [speaker, u32::MAX] {
            for e in self.of(s) {
                if e.at as usize >= cutoff {
                    break;
                }
                f(e);
            }
        }
    }

    /// The entries of one speaker.
    fn of(&self, speaker: u32) -> &[Entry] {
        let Ok(k) = self.starts.binary_search_by_key(&speaker, |g| g.0) else {
            return &[];
        };
        let end = self
            .starts
            .get(k + 1)
            .map_or(self.entries.len(), |g| g.1 as usize);
        &self.entries[self.starts[k].1 as usize..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One word's list, of quotes 0, 1, … by the given speakers.
    fn list(speakers: &[u32]) -> Postings {
        let word = [0];
        let quotes = speakers.iter().enumerate().map(|(i, &s)| {
            let e = Entry {
                quote: i as u32,
                ..Entry::default()
            };
            (s, e, &word[..])
        });
        Postings::build(1, quotes).pop().unwrap_or_default()
    }

    fn walked(p: &Postings, speaker: u32, cutoff: usize) -> Vec<u32> {
        let mut seen = Vec::new();
        p.each(speaker, cutoff, |e| seen.push(e.quote));
        seen.sort_unstable();
        seen
    }

    #[test]
    fn a_named_speaker_walks_their_quotes_and_unnamed_ones_within_the_cutoff() {
        let none = u32::MAX;
        let p = list(&[7, none, 3, 7, 3, none, 7]);
        assert_eq!(p.count, 7);
        assert_eq!(walked(&p, 7, 7), [0, 1, 3, 5, 6]);
        assert_eq!(walked(&p, 7, 4), [0, 1, 3]);
        assert_eq!(walked(&p, 3, 3), [1, 2]);
        assert_eq!(walked(&p, 5, 7), [1, 5]);
        assert_eq!(walked(&p, none, 5), [0, 1, 2, 3, 4]);
        assert_eq!(walked(&p, none, 9), [0, 1, 2, 3, 4, 5, 6]);
        assert!(walked(&p, 7, 0).is_empty());
    }

    #[test]
    fn keeps_only_the_quotes_a_walk_can_reach_but_counts_all() {
        let p = list(&vec![1; MAX_WALK + 10]);
        assert_eq!(p.count, MAX_WALK + 10);
        assert_eq!(walked(&p, 1, usize::MAX).len(), MAX_WALK);
    }
}
