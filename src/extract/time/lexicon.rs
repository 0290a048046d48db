//! The vocabulary of time expressions (month and weekday names, number words, units, seasons, day
//! parts, holidays), read once from `assets/time.toml`.
//!
//! Every word of a text is looked up here exactly once, by the tokenizer, so the table is a single
//! hash map from a lower-case word to a small `Copy` record of all the roles the word can play
//! ("may" is a month and a modal verb, "second" an ordinal and a unit).

use super::tense::Tense;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A unit of time, from seconds to millennia.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    fn parse(code: &str) -> Option<Unit> {
        Some(match code {
            "TS" => Unit::Second,
            "TM" => Unit::Minute,
            "TH" => Unit::Hour,
            "D" => Unit::Day,
            "W" => Unit::Week,
            "WE" => Unit::Weekend,
            "F" => Unit::Fortnight,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "E" => Unit::Decade,
            "C" => Unit::Century,
            "L" => Unit::Millennium,
            _ => return None,
        })
    }
    /// Whether the unit is a clock unit (written after `T` in a TIMEX3 duration).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// One word's possible roles. Zero/None means "not this role".
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Entry {
    pub month: u8,
    pub weekday: u8,
    pub number: Option<u32>,
    pub ordinal: Option<i8>,
    pub unit: Option<Unit>,
    /// TIMEX3 season code index: 1 SP, 2 SU, 3 FA, 4 WI.
    pub season: u8,
    /// Index into [`DAYPARTS`].
    pub daypart: u8,
    /// A grammar word that can begin a time expression ("last", "the", "nearly").
    pub starter: bool,
}

impl Entry {
    pub fn is_empty(&self) -> bool {
        *self == Entry::default()
    }
}

/// TIMEX3 codes of the seasons, indexed by `Entry::season - 1`.
pub const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];
/// TIMEX3 codes of the parts of the day, indexed by `Entry::daypart - 1`.
pub const DAYPARTS: [&str; 4] = ["MO", "AF", "EV", "NI"];

#[derive(Deserialize)]
struct Raw {
    months: HashMap<String, u8>,
    weekdays: HashMap<String, u8>,
    numbers: HashMap<String, u32>,
    ordinals: HashMap<String, i8>,
    units: HashMap<String, String>,
    seasons: HashMap<String, String>,
    dayparts: HashMap<String, String>,
    holidays: HashMap<String, [u32; 2]>,
    floating_holidays: HashMap<String, [i32; 3]>,
    start_cues: StartCues,
    schedule_cues: ScheduleCues,
}

#[derive(Deserialize)]
struct StartCues {
    words: Vec<String>,
}

/// Words around a date that make it a point of a schedule ("starting November 1").
#[derive(Deserialize)]
pub struct ScheduleCues {
    pub before: Vec<String>,
    pub after: Vec<String>,
}

/// Which day of its month a holiday falls on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayDay {
    Fixed(u32),
    /// The n-th given weekday (1 = Monday) of the month; n = -1 is the last one.
    Nth {
        weekday: u32,
        n: i32,
    },
}

/// A named holiday.
#[derive(Debug, Clone)]
pub struct Holiday {
    pub words: Vec<String>,
    pub month: u32,
    pub day: HolidayDay,
}

/// Words that can begin a time expression besides vocabulary entries and numbers.
pub const STARTERS: &[&str] = &[
    "the",
    "this",
    "that",
    "these",
    "last",
    "next",
    "past",
    "coming",
    "previous",
    "following",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "now",
    "currently",
    "current",
    "recently",
    "recent",
    "lately",
    "formerly",
    "previously",
    "soon",
    "future",
    "nowadays",
    "presently",
    "earlier",
    "later",
    "early",
    "late",
    "mid",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "more",
    "less",
    "over",
    "at",
    "up",
    "under",
    "just",
    "several",
    "few",
    "every",
    "each",
    "daily",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "quarterly",
    "hourly",
    "nightly",
    "biweekly",
    "noon",
    "midnight",
    "midday",
    "fiscal",
    "half",
    "year",
    "month",
    "week",
    "mid-",
    "end",
    "beginning",
    "start",
    "middle",
    "once",
    "decades",
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "centuries",
    "q",
    "many",
    "same",
    "prior",
    "overnight",
    "one",
    "a",
    "an",
];

/// The parsed vocabulary.
pub struct Lexicon {
    /// Looked up for every word of every text: a fast hash, not SipHash (the keys are our own).
    /// Each word's roles, and the tense it names ([`super::tense::listed_words`]), by its bytes.
    words: FxHashMap<Box<[u8]>, (Entry, Option<Tense>)>,
    /// For each word length up to 31 and first byte's low five bits, a bit per last byte's low
    /// five bits: most words of a text are in no list, and this refuses them without hashing.
    shapes: Vec<[u32; 32]>,
    /// Holidays by name (possibly several words, lower-case).
    pub holidays: Vec<Holiday>,
    pub start_cues: Vec<String>,
    pub schedule_cues: ScheduleCues,
}

impl Lexicon {
    /// The embedded vocabulary, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let raw: Raw = toml::from_str(include_str!("../../../assets/time.toml"))
                .expect("assets/time.toml is valid");
            Lexicon::from_raw(raw)
        })
    }

    fn from_raw(raw: Raw) -> Lexicon {
        let mut words: FxHashMap<String, Entry> = FxHashMap::default();
        for (w, m) in raw.months {
            words.entry(w).or_default().month = m;
        }
        for (w, d) in raw.weekdays {
            words.entry(w).or_default().weekday = d;
        }
        for (w, n) in raw.numbers {
            words.entry(w).or_default().number = Some(n);
        }
        for (w, n) in raw.ordinals {
            words.entry(w).or_default().ordinal = Some(n);
        }
        for (w, u) in raw.units {
            let unit = Unit::parse(&u).expect("assets/time.toml: known unit code");
            words.entry(w).or_default().unit = Some(unit);
        }
        for (w, s) in raw.seasons {
            let i = SEASONS.iter().position(|c| *c == s).expect("season code");
            words.entry(w).or_default().season = i as u8 + 1;
        }
        for (w, s) in raw.dayparts {
            let i = DAYPARTS
                .iter()
                .position(|c| *c == s)
                .expect("day-part code");
            words.entry(w).or_default().daypart = i as u8 + 1;
        }
        for w in STARTERS {
            words.entry((*w).to_string()).or_default().starter = true;
        }
        let words_of = |name: &str| name.split(' ').map(str::to_string).collect();
        let mut holidays: Vec<Holiday> = raw
            .holidays
            .iter()
            .map(|(name, [m, d])| Holiday {
                words: words_of(name),
                month: *m,
                day: HolidayDay::Fixed(*d),
            })
            .collect();
        holidays.extend(
            raw.floating_holidays
                .iter()
                .map(|(name, [m, wd, n])| Holiday {
                    words: words_of(name),
                    month: *m as u32,
                    day: HolidayDay::Nth {
                        weekday: *wd as u32,
                        n: *n,
                    },
                }),
        );
        // A holiday's first word can start an expression.
        for h in &holidays {
            if let Some(first) = h.words.first() {
                words.entry(first.clone()).or_default().starter = true;
            }
        }
        let mut words: FxHashMap<Box<[u8]>, (Entry, Option<Tense>)> = words
            .into_iter()
            .map(|(w, e)| (w.into_bytes().into_boxed_slice(), (e, None)))
            .collect();
        for (w, tense) in super::tense::listed_words() {
            words.entry(w.as_bytes().into()).or_default().1 = Some(tense);
        }
        let mut shapes = vec![[0u32; 32]; 32];
        for w in words.keys() {
            if let (Some(shape), Some(&first), Some(&last)) =
                (shapes.get_mut(w.len()), w.first(), w.last())
            {
                shape[usize::from(first & 31)] |= 1 << (last & 31);
            }
        }
        Lexicon {
            words,
            shapes,
            holidays,
            start_cues: raw.start_cues.words,
            schedule_cues: raw.schedule_cues,
        }
    }

    /// The roles of a word given in lower case.
    pub fn lookup(&self, lower: &str) -> Entry {
        self.lookup_with_tense(lower).0
    }

    /// The roles of a word given in lower case, and the tense it names: one look-up for both, as
    /// the tokenizer asks it of every word.
    pub fn lookup_with_tense(&self, lower: &str) -> (Entry, Option<Tense>) {
        self.lookup_bytes(lower.as_bytes())
    }

    /// [`Lexicon::lookup_with_tense`] of a lower-case word's bytes.
    #[inline]
    pub fn lookup_bytes(&self, lower: &[u8]) -> (Entry, Option<Tense>) {
        let (Some(&first), Some(&last)) = (lower.first(), lower.last()) else {
            return Default::default();
        };
        // Words longer than 31 bytes are looked up without the shape test.
        let listed = self
            .shapes
            .get(lower.len())
            .is_none_or(|shape| shape[usize::from(first & 31)] & (1 << (last & 31)) != 0);
        if !listed {
            return Default::default();
        }
        self.words.get(lower).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_all_their_roles() {
        let lex = Lexicon::get();
        assert_eq!(lex.lookup("may").month, 5);
        assert_eq!(lex.lookup("second").ordinal, Some(2));
        assert_eq!(lex.lookup("second").unit, Some(Unit::Second));
        assert_eq!(lex.lookup("fall").season, 3);
        assert!(lex.lookup("minister").is_empty());
    }

    #[test]
    fn direction_words_are_starters_as_the_rules_assume() {
        // `calendar_rules::dir_word` refuses every word that is not a starter.
        let lex = Lexicon::get();
        for w in ["last", "past", "next", "coming", "this"] {
            assert!(lex.lookup(w).starter, "{w}");
        }
    }

    #[test]
    fn the_shape_test_lets_every_listed_word_through() {
        let lex = Lexicon::get();
        for (w, found) in &lex.words {
            assert_eq!(
                lex.lookup_bytes(w),
                *found,
                "{:?}",
                String::from_utf8_lossy(w)
            );
        }
        assert_eq!(lex.lookup_bytes(b"said").1, Some(Tense::Past));
        assert_eq!(lex.lookup_bytes(b"zzzz"), Default::default());
    }
}
