//! Few-runs matching: whether a term's characters occur in a field in order, in few contiguous
//! runs (run k + 1 may start at term character j only if k ≤ (j + 1) / 4), and where.
//!
//! [`Needle::fits`] answers "whether" for every candidate row, so it is built for speed: the SIMD
//! finders of every piece of the term are made once per keystroke, and a depth-first search tries
//! the longest runs first, because most candidates of a narrowed query match and the longest run
//! usually leads straight to it. [`align`] answers "where" for the few rows on screen.

use memchr::memmem::Finder;
use std::ops::Range;

/// Needles up to this many characters get the fast search (longer ones use [`align`]).
const FAST: usize = 15;

/// A term compiled for [`Needle::fits`].
pub struct Needle {
    text: String,
    /// Byte offset of each character, then the length.
    bounds: Vec<usize>,
    /// The finder of the piece from character j to i at `j * (chars + 1) + i`.
    pieces: Vec<Option<Finder<'static>>>,
    max_runs: usize,
}

impl Needle {
    pub fn new(text: &str) -> Needle {
        let mut bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let chars = bounds.len();
        bounds.push(text.len());
        let mut pieces = Vec::new();
        if chars <= FAST {
            pieces.resize_with(chars * (chars + 1) + 1, || None);
            for j in 0..chars {
                for i in j + 1..=chars {
                    let piece = &text.as_bytes()[bounds[j]..bounds[i]];
                    pieces[j * (chars + 1) + i] = Some(Finder::new(piece).into_owned());
                }
            }
        }
        Needle {
            text: text.to_string(),
            bounds,
            pieces,
            max_runs: 1 + chars / 4,
        }
    }

    fn chars(&self) -> usize {
        self.bounds.len() - 1
    }

    /// Whether the needle occurs in `hay` in few runs (exactly when [`align`] finds it).
    pub fn fits(&self, hay: &[u8]) -> bool {
        self.reach(hay).is_some()
    }

    /// Where one few-runs occurrence of the needle in `hay` ends, and how many runs it took
    /// (`None` exactly when [`align`] finds none). Not always the earliest end: any occurrence
    /// lets a grown needle go on from it (see [`crate::tui::search::narrowing`]).
    pub fn reach(&self, hay: &[u8]) -> Option<(usize, usize)> {
        let chars = self.chars();
        if chars == 0 {
            return None;
        }
        if chars > FAST {
            let runs = align(&self.text, std::str::from_utf8(hay).ok()?)?;
            return Some((runs.len(), runs.last()?.end));
        }
        let mut search = Search {
            needle: self,
            hay,
            tried: [u32::MAX; (FAST / 4 + 1) * (FAST + 1)],
        };
        search.from(0, 0, 0)
    }

    /// The first occurrence of the piece from character j to i in `hay[at..]`, as an offset
    /// into `hay`.
    fn find(&self, j: usize, i: usize, hay: &[u8], at: usize) -> Option<usize> {
        let finder = self.pieces.get(j * (self.chars() + 1) + i)?.as_ref()?;
        Some(at + finder.find(hay.get(at..)?)?)
    }
}

/// One run of [`Needle::fits`]. `tried` holds the earliest hay position each (runs, characters)
/// state was explored from: a later start can do no better, which bounds a failing search by the
/// work of the dynamic programme in [`align`].
struct Search<'a> {
    needle: &'a Needle,
    hay: &'a [u8],
    tried: [u32; (FAST / 4 + 1) * (FAST + 1)],
}

impl Search<'_> {
    /// Whether the needle from character `j` fits in the hay from `p`, after `k` runs: if so,
    /// the number of runs and where the last one ends.
    fn from(&mut self, k: usize, j: usize, p: usize) -> Option<(usize, usize)> {
        let n = self.needle;
        let chars = n.chars();
        if j == chars {
            return Some((k, p));
        }
        // Run k + 1 may start at character j only if k <= (j + 1) / 4.
        let slot = k * (FAST + 1) + j;
        let pos = u32::try_from(p).unwrap_or(u32::MAX - 1);
        if k >= n.max_runs || k > (j + 1) / 4 || self.tried[slot] <= pos {
            return None;
        }
        self.tried[slot] = pos;
        if k + 1 == n.max_runs {
            // The last run allowed must finish the needle.
            let piece = n.bounds[chars] - n.bounds[j];
            return n.find(j, chars, self.hay, p).map(|s| (k + 1, s + piece));
        }
        // Pieces shorter than the next run's earliest start (4(k + 1) - 1) lead nowhere.
        let shortest = (4 * (k + 1) - 1).clamp(j + 1, chars);
        let mut ends = [0usize; FAST + 1];
        let (mut at, mut longest) = (p, shortest - 1);
        let mut found = false;
        for (i, end) in ends.iter_mut().enumerate().take(chars + 1).skip(shortest) {
            // An occurrence of a longer piece starts no earlier than one of its prefix, so
            // where the prefix's earliest occurrence goes on with the next character, the longer
            // piece's earliest occurrence is there too: one byte compare instead of a search.
            let next = &n.text.as_bytes()[n.bounds[i - 1]..n.bounds[i]];
            let here = at + n.bounds[i - 1] - n.bounds[j];
            let s = if found && self.hay.get(here..here + next.len()) == Some(next) {
                at
            } else {
                match n.find(j, i, self.hay, at) {
                    Some(s) => s,
                    None => break,
                }
            };
            (at, found) = (s, true);
            *end = s + n.bounds[i] - n.bounds[j];
            longest = i;
        }
        (shortest..=longest)
            .rev()
            .find_map(|i| self.from(k + 1, i, ends[i]))
    }
}

/// Where `needle` occurs in `hay` in few runs, as the byte ranges of `hay` it took: run k + 1
/// may start at needle character j only if k ≤ (j + 1) / 4. Each (runs, characters) state
/// keeps its earliest end in `hay`, which leaves the most room for what follows.
pub fn align(needle: &str, hay: &str) -> Option<Vec<Range<usize>>> {
    let mut bounds: Vec<usize> = needle.char_indices().map(|(i, _)| i).collect();
    let chars = bounds.len();
    if chars == 0 {
        return None;
    }
    bounds.push(needle.len());
    let max_runs = 1 + chars / 4;
    // end[k][i]: earliest end after matching `i` characters in `k` runs; from[k][i]: (j, start).
    let cell = |k: usize, i: usize| k * (chars + 1) + i;
    let mut end = vec![usize::MAX; (max_runs + 1) * (chars + 1)];
    let mut from = vec![(0usize, 0usize); end.len()];
    end[cell(0, 0)] = 0;
    for k in 1..=max_runs {
        for j in 0..chars {
            let p = end[cell(k - 1, j)];
            if p == usize::MAX || k - 1 > (j + 1) / 4 {
                continue;
            }
            let mut at = p;
            for i in j + 1..=chars {
                let piece = &needle.as_bytes()[bounds[j]..bounds[i]];
                let Some(s) = find_at(hay.as_bytes(), at, piece) else {
                    break;
                };
                at = s;
                if s + piece.len() < end[cell(k, i)] {
                    end[cell(k, i)] = s + piece.len();
                    from[cell(k, i)] = (j, s);
                }
            }
        }
        if end[cell(k, chars)] != usize::MAX {
            let mut runs = Vec::with_capacity(k);
            let (mut kk, mut i) = (k, chars);
            while kk > 0 {
                let (j, start) = from[cell(kk, i)];
                runs.push(start..end[cell(kk, i)]);
                (kk, i) = (kk - 1, j);
            }
            runs.reverse();
            return Some(runs);
        }
    }
    None
}

/// The first occurrence of `piece` in `hay` starting at or after `from`. (An occurrence of a
/// longer piece starts no earlier than one of its prefix, so callers resume from the last find.)
fn find_at(hay: &[u8], from: usize, piece: &[u8]) -> Option<usize> {
    let (&first, _) = piece.split_first()?;
    let mut at = from;
    let last = hay.len().checked_sub(piece.len())?;
    while at <= last {
        let s = at + memchr::memchr(first, &hay[at..=last])?;
        // A short piece compares faster inline than through `memcmp`.
        if hay[s..s + piece.len()]
            .iter()
            .zip(piece)
            .all(|(a, b)| a == b)
        {
            return Some(s);
        }
        at = s + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_search_agrees_with_the_alignment() {
        let hays = [
            "abcabdabeabc",
            "the mister met a minister in the ministry",
            "ab ab ab abc abcd",
            "aabbaabbab cdcd",
        ];
        let letters: Vec<char> = "abcdeimnrst".chars().collect();
        let mut seed = 12345u32;
        let mut fuzzy = 0;
        for _ in 0..3000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let len = 1 + (seed >> 8) as usize % 10;
            let needle: String = (0..len)
                .map(|i| letters[(seed >> (i % 4 * 6)) as usize % letters.len()])
                .collect();
            for hay in hays {
                assert_eq!(
                    Needle::new(&needle).fits(hay.as_bytes()),
                    align(&needle, hay).is_some(),
                    "{needle} in {hay}"
                );
            }
            // A piece of a hay with one letter dropped after the third.
            let start = (seed >> 3) as usize % 20;
            let word: String = hays[1][start..start + 4 + len % 5].to_string();
            let mut dropped = word.clone();
            dropped.remove(3 + len % (word.len() - 3));
            let found = Needle::new(&dropped).fits(hays[1].as_bytes());
            assert_eq!(found, align(&dropped, hays[1]).is_some(), "{dropped}");
            fuzzy += usize::from(found && !hays[1].contains(&dropped));
            // Prefixes of the hay always fit, in one run.
            let prefix = &hays[1][..len.min(hays[1].len())];
            assert!(Needle::new(prefix).fits(hays[1].as_bytes()));
        }
        assert!(fuzzy > 100, "only {fuzzy} fuzzy matches were tried");
    }

    #[test]
    fn the_reach_is_where_an_occurrence_ends() {
        let hay = "the mister met a minister in the ministry of trade";
        for needle in [
            "ministr", "ministrt", "mnistr", "misterd", "the mtr", "thmr",
        ] {
            let Some((runs, end)) = Needle::new(needle).reach(hay.as_bytes()) else {
                assert!(align(needle, hay).is_none(), "{needle}");
                continue;
            };
            // The needle fits in the hay up to `end`, ending with its last character there,
            // and in no fewer runs than the alignment (which takes the fewest) needs.
            let fewest = align(needle, &hay[..end]).map(|r| r.len());
            assert!(
                fewest.is_some_and(|f| f <= runs),
                "{needle}: {runs} runs to {end}"
            );
            assert!(
                hay[..end].ends_with(&needle[needle.len() - 1..]),
                "{needle}"
            );
            assert!(runs <= 1 + needle.len() / 4, "{needle}");
        }
    }

    #[test]
    fn long_needles_fall_back_to_the_alignment() {
        let hay = "an extraordinarily long word: internationalisation";
        assert!(Needle::new("internationalisation").fits(hay.as_bytes()));
        assert!(Needle::new("internationalsation").fits(hay.as_bytes()));
        assert!(!Needle::new("iternationalisation").fits(hay.as_bytes()));
    }
}
