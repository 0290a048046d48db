//! The reference chronology: happenings whose days are public record (`assets/chronology.toml`).
//!
//! An article that carries no date and whose own clues cannot fix one often reports a happening
//! everyone can date: "talks in Geneva" that ended "on Sunday", a call "on Friday" between two
//! leaders. An article *reports* a happening of the chronology when its opening names at least
//! two of the happening's names (people, places, bodies, the words that set it apart); the
//! happenings it names most, over its whole text, are its candidates. Publication inference then
//! scores the article's own clues around each candidate's days ([`super::super::publication`]): the
//! chronology never overrides what the text says, it only gives the weekdays a week to fall in.

use super::super::calendar::day_value;
use crate::extract::dictionary::{Dictionary, WordChars};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::sync::OnceLock;

/// How far into an article its opening reaches (bytes): the headline and the first sentences.
pub const OPENING: usize = 600;
/// How many of a happening's names the opening must hold.
const IN_OPENING: usize = 2;

/// One dated happening.
#[derive(Debug, Clone)]
pub struct Happening {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub what: String,
}

impl Happening {
    /// How the happening is shown among a date's clues.
    pub fn describe(&self) -> String {
        match self.first == self.last {
            true => format!("'{}' ({})", self.what, day_value(self.first)),
            false => format!(
                "'{}' ({} to {})",
                self.what,
                day_value(self.first),
                day_value(self.last)
            ),
        }
    }
}

/// A happening an article reports, and how many of its names the article holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported {
    pub happening: usize,
    /// Names found anywhere in the article.
    pub names: usize,
    /// Names found in its opening.
    pub opening: usize,
    /// Whether the opening holds one of its keys.
    pub strong: bool,
    /// Where its second name is first used: where the article has named it.
    pub second: usize,
}

/// The chronology and the search for its names.
#[derive(Debug)]
pub struct Chronology {
    pub happenings: Vec<Happening>,
    dictionary: Dictionary,
    /// Per pattern: the (happening, name, is a key) triples it is a spelling of.
    targets: Vec<Vec<(u32, u16, bool)>>,
}

#[derive(Deserialize)]
struct File {
    happening: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    on: NaiveDate,
    to: Option<NaiveDate>,
    what: String,
    #[serde(default)]
    keys: Vec<String>,
    names: Vec<String>,
}

impl Chronology {
    /// The chronology shipped in `assets/chronology.toml`.
    pub fn embedded() -> &'static Chronology {
        static CHRONOLOGY: OnceLock<Chronology> = OnceLock::new();
        CHRONOLOGY.get_or_init(|| {
            Chronology::parse(include_str!("../../../../assets/chronology.toml"))
                .expect("assets/chronology.toml is valid")
        })
    }

    /// Reads a chronology file.
    pub fn parse(source: &str) -> Result<Chronology, String> {
        let file: File = toml::from_str(source).map_err(|e| e.to_string())?;
        let mut happenings = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut index: FxHashMap<String, usize> = FxHashMap::default();
        let mut targets: Vec<Vec<(u32, u16, bool)>> = Vec::new();
        for (h, e) in file.happening.into_iter().enumerate() {
            let last = e.to.unwrap_or(e.on);
            if last < e.on {
                return Err(format!("'{}' ends before it begins", e.what));
            }
            let keys = e.keys.iter().map(|k| (k, true));
            for (n, (name, key)) in keys.chain(e.names.iter().map(|n| (n, false))).enumerate() {
                for spelling in name.split('|').map(str::trim).filter(|s| !s.is_empty()) {
                    let k = *index.entry(spelling.to_string()).or_insert_with(|| {
                        patterns.push(spelling.to_string());
                        targets.push(Vec::new());
                        patterns.len() - 1
                    });
                    targets[k].push((h as u32, n as u16, key));
                }
            }
            happenings.push(Happening {
                first: e.on,
                last,
                what: e.what,
            });
        }
        let dictionary = Dictionary::new(&patterns, false, WordChars::Alphanumeric)?;
        Ok(Chronology {
            happenings,
            dictionary,
            targets,
        })
    }

    /// Every use of a happening's names in `text`, in text order.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        for m in self.dictionary.find_iter(text) {
            for &(h, n, key) in &self.targets[m.pattern] {
                out.push(Hit {
                    start: m.start,
                    happening: h,
                    name: n,
                    pattern: m.pattern as u32,
                    key,
                });
            }
        }
        out
    }

    /// The happenings `text` reports: those whose names its opening holds at least two of, with
    /// how many of their names the whole text holds; the most named in the opening first.
    #[cfg(test)]
    pub fn reported(&self, text: &str) -> Vec<Reported> {
        self.reported_in(&self.hits(text), OPENING.min(text.len()))
    }
}

/// One use of a happening's name.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub start: usize,
    pub happening: u32,
    pub name: u16,
    /// The spelling found.
    pub pattern: u32,
    /// Whether the name is one of the happening's keys (what sets it apart).
    pub key: bool,
}

impl Chronology {
    /// Whether the hits starting in `range` name `happening` specifically: two of its names, one
    /// of them a key, or three, whose spellings found there appear together in at most
    /// [`SPECIFIC`] happenings ("Trump" and "tariffs" go together in too many to tell a day; a
    /// city and a negotiator do not; two leaders and "call" narrow it to their calls).
    pub fn names_specifically(
        &self,
        hits: &[Hit],
        happening: usize,
        range: std::ops::Range<usize>,
    ) -> bool {
        let within: Vec<&Hit> = starting_in(hits, range)
            .iter()
            .filter(|h| h.happening as usize == happening)
            .collect();
        let mut names: Vec<u16> = within.iter().map(|h| h.name).collect();
        names.sort_unstable();
        names.dedup();
        // Two common names ("Trump", "Ukraine") may fit one happening only because the
        // chronology lists no other: a strong name or a third one is wanted.
        let strong = within.iter().any(|h| h.key);
        if names.len() < 2 || (names.len() < 3 && !strong) {
            return false;
        }
        let mut patterns: Vec<u32> = within.iter().map(|h| h.pattern).collect();
        patterns.sort_unstable();
        patterns.dedup();
        let mut shared: Vec<u32> = self.happenings_of(patterns[0]);
        for p in &patterns[1..] {
            let theirs = self.happenings_of(*p);
            shared.retain(|h| theirs.contains(h));
        }
        shared.len() <= SPECIFIC
    }

    /// Whether the hits starting in `range` hold two names of `happening`, however common.
    pub fn names_twice(hits: &[Hit], happening: usize, range: std::ops::Range<usize>) -> bool {
        let mut names = starting_in(hits, range)
            .iter()
            .filter(|h| h.happening as usize == happening)
            .map(|h| h.name);
        match names.next() {
            Some(first) => names.any(|n| n != first),
            None => false,
        }
    }

    /// Whether the hits starting in `range` hold one of `happening`'s keys.
    pub fn names_strongly(
        &self,
        hits: &[Hit],
        happening: usize,
        range: std::ops::Range<usize>,
    ) -> bool {
        starting_in(hits, range)
            .iter()
            .any(|h| h.happening as usize == happening && h.key)
    }

    fn happenings_of(&self, pattern: u32) -> Vec<u32> {
        let mut out: Vec<u32> = self.targets[pattern as usize]
            .iter()
            .map(|(h, _, _)| *h)
            .collect();
        out.dedup();
        out
    }
}

/// The hits (in text order, as [`Chronology::hits`] gives them) that start in `range`, found by
/// binary search: a long article asks this for every sentence, so a scan of all its hits each
/// time would grow with the square of its length.
pub(super) fn starting_in(hits: &[Hit], range: std::ops::Range<usize>) -> &[Hit] {
    debug_assert!(hits.windows(2).all(|w| w[0].start <= w[1].start));
    let lo = hits.partition_point(|h| h.start < range.start);
    let hi = hits.partition_point(|h| h.start < range.end).max(lo);
    &hits[lo..hi]
}

/// How many happenings at most a set of names may fit and still tie a weekday to one of them.
const SPECIFIC: usize = 4;

impl Chronology {
    /// [`Chronology::reported`] from the hits, the opening ending at `opening`.
    pub fn reported_in(&self, hits: &[Hit], opening: usize) -> Vec<Reported> {
        let mut by_happening: Vec<&Hit> = hits.iter().collect();
        by_happening.sort_by_key(|h| (h.happening, h.start));
        let mut out: Vec<Reported> = Vec::new();
        for run in by_happening.chunk_by(|a, b| a.happening == b.happening) {
            // Each name once, at its first use (the run is in text order).
            let mut names: Vec<u16> = Vec::new();
            let mut second = None;
            let (mut head, mut strong) = (0, false);
            for h in run {
                if names.contains(&h.name) {
                    continue;
                }
                names.push(h.name);
                if names.len() == 2 {
                    second = Some(h.start);
                }
                if h.start < opening {
                    head += 1;
                    strong |= h.key;
                }
            }
            // A strong name used only later still counts when another use lies in the opening.
            strong |= run.iter().any(|h| h.start < opening && h.key);
            if let (true, Some(second)) = (head >= IN_OPENING, second) {
                out.push(Reported {
                    happening: run[0].happening as usize,
                    names: names.len(),
                    opening: head,
                    strong,
                    second,
                });
            }
        }
        out.sort_by_key(|r| std::cmp::Reverse((r.opening, r.names)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[[happening]]
on = "2030-03-09"
to = "2030-03-10"
what = "Trade talks in Lisbon"
keys = ["Lisbon"]
names = ["Moreau", "Tanaka", "tariffs|tariff"]

[[happening]]
on = "2030-04-02"
what = "Moreau–Tanaka phone call"
names = ["Moreau", "Tanaka", "phone|call"]
"#;

    fn summary(c: &Chronology, text: &str) -> Vec<(usize, usize, usize)> {
        c.reported(text)
            .iter()
            .map(|r| (r.happening, r.names, r.opening))
            .collect()
    }

    #[test]
    fn an_article_reports_what_its_opening_names_twice() {
        let c = Chronology::parse(SAMPLE).unwrap();
        let text = "Envoys Moreau and Tanaka ended two days of talks in Lisbon on Sunday.";
        // The talks: Lisbon, Moreau, Tanaka; the call: Moreau, Tanaka (no "call").
        assert_eq!(summary(&c, text), vec![(0, 3, 3), (1, 2, 2)]);
        let talks = c.reported(text)[0];
        assert_eq!(&text[talks.second..talks.second + 6], "Tanaka");
    }

    #[test]
    fn names_only_late_in_the_article_do_not_make_it_a_report() {
        let c = Chronology::parse(SAMPLE).unwrap();
        let text = format!(
            "{} Moreau once met Tanaka in Lisbon.",
            "Markets were calm on the day. ".repeat(40)
        );
        assert!(c.reported(&text).is_empty());
    }

    #[test]
    fn spellings_are_one_name_and_words_must_stand_whole() {
        let c = Chronology::parse(SAMPLE).unwrap();
        // "tariff" and "tariffs" count once; "Lisbonite" is not "Lisbon".
        let text = "A tariff row: Moreau's tariffs and the Lisbonite press.";
        assert_eq!(summary(&c, text), vec![(0, 2, 2)]);
    }

    #[test]
    fn a_weekday_ties_to_a_happening_only_through_names_few_happenings_share() {
        let mut many = String::from(SAMPLE);
        for day in 10..16 {
            many.push_str(&format!(
                "[[happening]]\non = \"2030-05-{day}\"\nwhat = \"call {day}\"\nnames = [\"Moreau\", \"Tanaka\", \"call\"]\n"
            ));
        }
        let c = Chronology::parse(&many).unwrap();
        let text = "Moreau and Tanaka held a call on Friday in Lisbon.";
        let hits = c.hits(text);
        // Moreau, Tanaka and "call" go together in seven happenings: no tie.
        assert!(!c.names_specifically(&hits, 1, 0..text.len()));
        // Lisbon is the talks' alone.
        assert!(c.names_specifically(&hits, 0, 0..text.len()));
        assert!(
            c.reported(text)
                .iter()
                .any(|r| r.happening == 0 && r.strong)
        );
    }

    #[test]
    fn the_shipped_chronology_parses_and_is_in_order() {
        let c = Chronology::embedded();
        assert!(c.happenings.len() > 50);
        assert!(
            c.happenings.windows(2).all(|w| w[0].first <= w[1].first),
            "assets/chronology.toml lists happenings by date"
        );
    }
}
