//! Clues to an undated article's publication date, each a cost over candidate days.
//!
//! - A dated expression resolved against a candidate day must land near it: a past-tense "Monday"
//!   within the week before, a year-less "August 15" some days before (news names the weekday of
//!   recent days and the date of older ones, so a month-day pulls less than a weekday).
//! - An event said to have started at a date ("the war began in February 2022", "since 2019")
//!   plus an elapsed time in the same article ("almost four years", "three years of war", "nearly
//!   three and a half years ago") gives a window of years.
//! - An absolute date in a past-tense clause lies before publication; in a future one, after.

use super::super::calendar::{add_days, day_value, period};
use super::super::lexicon::{Lexicon, Unit};
use super::super::normalise::Context;
use super::super::recognise::Found;
use super::super::resolve::shift_by;
use super::super::sem::{Amount, Origin, Sem, YearRef};
use super::super::{Expression, Tense};
use crate::model::Span;
use chrono::NaiveDate;

/// One constraint on the publication date.
#[derive(Debug, Clone)]
pub enum Clue {
    /// A day-precision expression that must resolve near the publication date.
    Near {
        /// The expression as written.
        text: Span,
        sem: Sem,
        tense: Tense,
        per_day: f64,
        ceiling: f64,
        /// Identifies the expression's meaning and tense, for [`resolved_start`]'s memo.
        key: u64,
        /// Days from the expression's day to the article's news day: 0, or 1 for a date the
        /// text puts the day before its news ("wrote the day before, June 4").
        lead: i64,
    },
    /// The publication date lies in `from..=to` (from an anchored elapsed time).
    Window {
        from: NaiveDate,
        to: NaiveDate,
        text: String,
    },
    /// A month-day named with its weekday ("on Thursday, Oct. 16"): only the years whose calendar
    /// fits it are candidates, so it fixes a day where a bare month-day repeats every year.
    Calendar {
        /// The expression as written.
        text: Span,
        month: u32,
        day: u32,
        /// 1 = Monday.
        weekday: u32,
        /// A coming happening (the date lies after publication).
        future: bool,
        /// How many days after publication the date lies, at least and at most, when the text
        /// says ("the meeting next Monday": 1 to 13); a day outside breaks the clue.
        lead: Option<(i64, i64)>,
    },
    /// A dated expression in a past clause (`after` true) or future clause.
    Order {
        /// The expression as written.
        text: Span,
        start: NaiveDate,
        end: NaiveDate,
        after: bool,
    },
}

impl Clue {
    /// Whether the clue can tell days apart (not just years).
    pub fn is_daily(&self) -> bool {
        matches!(self, Clue::Near { .. } | Clue::Calendar { .. })
    }

    /// The cost above which a clue is not counted as supporting a day.
    pub fn cost_ceiling(&self) -> f64 {
        match self {
            Clue::Near { ceiling, .. } => *ceiling * 0.99,
            Clue::Calendar { .. } => 15.0 * 0.99,
            _ => 0.5,
        }
    }

    /// A human-readable account for `Published::clues`; `doc` is the article's text.
    pub fn describe(&self, doc: &str) -> String {
        match self {
            Clue::Near {
                text, lead: 1.., ..
            } => {
                let text = text.slice(doc);
                format!("'{text}' is the day before the article's news")
            }
            Clue::Near { text, tense, .. } => {
                let text = text.slice(doc);
                let tense = match tense {
                    Tense::Past => "past tense",
                    Tense::Future => "future tense",
                    _ => "no tense",
                };
                format!("'{text}' ({tense}) resolves just before publication")
            }
            Clue::Window { from, to, text } => {
                format!(
                    "{text}: published between {} and {}",
                    day_value(*from),
                    day_value(*to)
                )
            }
            Clue::Calendar {
                text,
                future,
                weekday,
                ..
            } => {
                let text = text.slice(doc);
                let name = [
                    "Monday",
                    "Tuesday",
                    "Wednesday",
                    "Thursday",
                    "Friday",
                    "Saturday",
                    "Sunday",
                ]
                .get((*weekday as usize).wrapping_sub(1))
                .unwrap_or(&"?");
                let when = if *future { "just after" } else { "just before" };
                format!("'{text}' (a {name}: only some years fit) lies {when} publication")
            }
            Clue::Order { text, after, .. } => {
                let text = text.slice(doc);
                format!(
                    "'{text}' is {}",
                    if *after {
                        "in the past"
                    } else {
                        "in the future"
                    }
                )
            }
        }
    }
}

/// How many of an article's first time expressions are read for clues: news states its dates at
/// the top, and a bound keeps a page made of thousands of dates linear (each clue is scored on
/// every candidate day).
const MAX_CLUE_EXPRESSIONS: usize = 256;

/// How many start anchors and elapsed times are paired (each pair is a window).
const MAX_PAIRED: usize = 32;

/// A hash of what an expression's resolution depends on: its meaning and its tense.
fn resolution_key(e: &Expression) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    format!("{:?}|{:?}", e.sem, e.tense).hash(&mut h);
    h.finish()
}

/// The clues of one article, from its analysed expressions.
pub fn doc_clues(text: &str, exprs: &[&Expression]) -> Vec<Clue> {
    let exprs = &exprs[..exprs.len().min(MAX_CLUE_EXPRESSIONS)];
    let mut clues = Vec::new();
    let mut anchors: Vec<(&str, NaiveDate, NaiveDate)> = Vec::new();
    let mut last_sentence = None;
    let led = |e: &Expression, per_day, ceiling, lead| Clue::Near {
        text: e.span,
        sem: e.sem.clone(),
        tense: e.tense,
        per_day,
        ceiling,
        key: resolution_key(e),
        lead,
    };
    let near = |e: &Expression, per_day, ceiling| led(e, per_day, ceiling, 0);
    for &e in exprs {
        let surface = e.span.slice(text);
        match &e.sem {
            Sem::Weekday { .. } | Sem::DayPart { .. }
                if e.tense != Tense::Future || matches!(e.sem, Sem::Weekday { .. }) =>
            {
                clues.push(near(e, 1.0, 7.0));
            }
            // A wire dateline ("WASHINGTON, April 2 (Reuters) -") states the day of the report.
            Sem::Date { day: Some(_), .. } if in_dateline(text, e) => {
                clues.push(near(e, 3.0, 60.0));
            }
            // A month-day the text sets days before its news ("wrote the day before, June 4"):
            // the news day follows it.
            Sem::Date { day: Some(_), .. } if e.tense != Tense::Future => {
                if let Some(days) = days_before_the_news(text, e) {
                    clues.push(led(e, 1.0, 15.0, days));
                }
            }
            _ => {}
        }
        // A month-day with its weekday ("Monday, Sept. 29"): the years whose calendar fits it.
        if let Sem::Date {
            month,
            day: Some(day),
            ..
        } = e.sem
            && let Some(weekday) = weekday_named_with(text, e)
        {
            clues.push(Clue::Calendar {
                text: e.span,
                month,
                day,
                weekday,
                future: e.tense == Tense::Future,
                lead: None,
            });
        }
        match &e.sem {
            // A full date ("Aug. 18, 2025") in a past or tenseless clause: usually recent news —
            // unless it dates the start of something still going on ("the war began on Oct. 7,
            // 2023"), which may lie years back.
            Sem::Date {
                year: YearRef::Implicit(_) | YearRef::Abs(_),
                day: Some(_),
                ..
            } if e.tense != Tense::Future
                && !is_start(text, e, &mut last_sentence)
                && !is_scheduled(text, e) =>
            {
                clues.push(near(e, 0.5, 15.0));
            }
            _ => {}
        }
        let absolute = match &e.sem {
            Sem::Date {
                year: YearRef::Abs(_),
                ..
            }
            | Sem::Year(_) => {
                let found = Found {
                    start: 0,
                    end: 0,
                    sem: e.sem.clone(),
                    approx: false,
                    modifier: None,
                };
                let v = Context::new(None).resolve(&found, e.tense).value;
                period(&v)
            }
            _ => None,
        };
        if let Some((start, end, _)) = absolute {
            if e.tense == Tense::Past || e.tense == Tense::Future {
                clues.push(Clue::Order {
                    text: e.span,
                    start,
                    end,
                    after: e.tense == Tense::Past,
                });
            }
            if anchors.len() < MAX_PAIRED && is_start(text, e, &mut last_sentence) {
                anchors.push((surface, start, end));
            }
        }
    }
    clues.extend(coming_calendar(text, exprs));
    // Elapsed times paired with the article's start anchors.
    let mut windows = Vec::new();
    for e in exprs
        .iter()
        .copied()
        .filter(|e| elapsed(text, e).is_some())
        .take(MAX_PAIRED)
    {
        let Some((n, unit)) = elapsed(text, e) else {
            continue;
        };
        let surface = e.span.slice(text);
        let (lo, hi) = elapsed_bounds(surface, n);
        for (anchor, start, end) in &anchors {
            let (Some(from), Some(to)) = (shift_by(*start, unit, lo), shift_by(*end, unit, hi))
            else {
                continue;
            };
            windows.push(Clue::Window {
                from,
                to,
                text: format!("'{anchor}' + '{surface}'"),
            });
        }
    }
    if let Some((from, to)) = consistent_intersection(&windows) {
        let text = windows
            .iter()
            .filter_map(|w| match w {
                Clue::Window { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(", ");
        clues.push(Clue::Window { from, to, text });
    }
    clues
}

/// The weekday (1 = Monday) written with a month-day: inside the expression ("Monday, Sept. 29")
/// or just before it ("on Thursday, Oct. 16").
fn weekday_named_with(text: &str, e: &Expression) -> Option<u32> {
    let lexicon = Lexicon::get();
    let surface = e.span.slice(text);
    let before = text.get(..e.span.start).unwrap_or("");
    let before = before.trim_end().trim_end_matches(',').trim_end();
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or("");
    let first = surface
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or("");
    [first, last].into_iter().find_map(|w| {
        let w = w.trim_end_matches('.').to_lowercase();
        let weekday = lexicon.lookup(&w).weekday;
        (weekday > 0 && w.len() >= 3).then_some(u32::from(weekday))
    })
}

/// How many days before the article's news a month-day lies when the words just before it say
/// so and name no other reference ("the day before, June 4", "a day earlier, on March 3", "two
/// days earlier, on May 2").
fn days_before_the_news(text: &str, e: &Expression) -> Option<i64> {
    let before = text.get(..e.span.start)?;
    let before = before
        .get(before.len().saturating_sub(40)..)
        .unwrap_or(before);
    let before = before.trim_end();
    let before = before.strip_suffix(" on").unwrap_or(before).trim_end();
    let before = before.strip_suffix(',')?.trim_end().to_lowercase();
    let words: Vec<&str> = before.split_whitespace().collect();
    let n = words.len();
    if n < 3 {
        return None;
    }
    let (count, unit, rel) = (words[n - 3], words[n - 2], words[n - 1]);
    let days = match (count, unit) {
        ("the" | "a" | "one", "day") => 1,
        ("two", "days") => 2,
        ("three", "days") => 3,
        _ => return None,
    };
    let fits = match count {
        "the" => matches!(rel, "before" | "prior"),
        _ => matches!(rel, "earlier" | "before"),
    };
    // "the previous day, June 4" reads the same as "the day before".
    if !fits {
        return (n >= 3 && words[n - 3..] == ["the", "previous", "day"]).then_some(1);
    }
    Some(days)
}

/// Whether the expression is the date of a wire dateline: at the start of a line, after a place
/// written in capitals and a comma ("WASHINGTON/BEIJING, April 2 (Reuters) -").
fn in_dateline(text: &str, e: &Expression) -> bool {
    let before = text.get(..e.span.start).unwrap_or("");
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let Some(place) = line.trim_end().strip_suffix(',') else {
        return false;
    };
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let after = text.get(e.span.end..).unwrap_or("").trim_start();
    (3..=60).contains(&letters)
        && place.len() <= 80
        && place.chars().all(|c| {
            c.is_uppercase() || c.is_whitespace() || matches!(c, '/' | ',' | '.' | '-' | '\'' | '’')
        })
        && (after.starts_with('(') || after.starts_with(['-', '—', '–', '/']))
}

/// Whether an absolute date marks the start of something ("began in February 2022", "since 2019").
/// `last` remembers the last sentence read and its answer: an article's dates cluster in sentences.
fn is_start(text: &str, e: &Expression, last: &mut Option<(usize, usize, bool)>) -> bool {
    if e.signal.as_deref() == Some("since") {
        return true;
    }
    let (s, end) = sentence_around(text, e.span.start, e.span.end);
    if let Some((ls, le, answer)) = *last
        && (ls, le) == (s, end)
    {
        return answer;
    }
    let sentence = text.get(s..end).unwrap_or("");
    let cues = &Lexicon::get().start_cues;
    // Only words as long as some cue are compared with the cues.
    let lengths = cues
        .iter()
        .filter(|c| c.len() < 64)
        .fold(0u64, |m, c| m | 1 << c.len());
    let long_cues = cues.iter().any(|c| c.len() >= 64);
    let answer = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| long_cues || w.len() < 64 && lengths & (1 << w.len()) != 0)
        .any(|w| cues.iter().any(|c| c.eq_ignore_ascii_case(w)));
    *last = Some((s, end, answer));
    answer
}

/// A coming happening named both by its weekday and by its month-day: "the meeting next Monday"
/// (a definite reference to a happening, dated by a coming weekday) in an article whose only
/// coming year-less month-day is "July 7" ("will host him on July 7"). The two name the same day,
/// so only the years in which that month-day falls on that weekday fit (as a month-day written
/// with its weekday). Nothing when the article announces several coming month-days or weekdays.
fn coming_calendar(text: &str, exprs: &[&Expression]) -> Option<Clue> {
    let mut dates: Vec<(u32, u32, Span)> = Vec::new();
    let mut weekdays: Vec<(u32, (i64, i64))> = Vec::new();
    for e in exprs {
        match e.sem {
            Sem::Date {
                year: YearRef::Implicit(_),
                month,
                day: Some(day),
                ..
            } if e.tense == Tense::Future
                && weekday_named_with(text, e).is_none()
                && !dates.iter().any(|(m, d, _)| (*m, *d) == (month, day)) =>
            {
                dates.push((month, day, e.span));
            }
            Sem::Weekday { day, dir }
                if (dir == super::super::sem::Dir::Next || e.tense == Tense::Future)
                    && refers_to_happening(text, e) =>
            {
                // "next Monday" lies in the coming week or the one after; "on Monday" in the coming one.
                let lead = match dir {
                    super::super::sem::Dir::Next => (1, 13),
                    _ => (1, 7),
                };
                if !weekdays.iter().any(|(w, _)| *w == day) {
                    weekdays.push((day, lead));
                }
            }
            _ => {}
        }
    }
    match (dates.as_slice(), weekdays.as_slice()) {
        ([(month, day, span)], [(weekday, lead)]) => Some(Clue::Calendar {
            text: *span,
            month: *month,
            day: *day,
            weekday: *weekday,
            future: true,
            lead: Some(*lead),
        }),
        _ => None,
    }
}

/// Whether a weekday dates a definite reference to a happening: "the meeting next Monday", "the
/// talks on Thursday" (a determiner, then a word that names an event in `assets/events.toml`).
fn refers_to_happening(text: &str, e: &Expression) -> bool {
    let before = text.get(..e.span.start).unwrap_or("");
    let mut words = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    let mut noun = words.next().unwrap_or_default();
    if noun == "on" {
        noun = words.next().unwrap_or_default();
    }
    let determiner = words.next().unwrap_or_default();
    matches!(determiner.as_str(), "the" | "this" | "that")
        && crate::extract::events::lexicon::Lexicon::embedded().trigger_word(&noun)
}

/// Whether a date is a point of a schedule ("tariffs starting November 1", "an Aug. 12
/// deadline"): the word just before or just after it is a schedule cue (`assets/time.toml`).
fn is_scheduled(text: &str, e: &Expression) -> bool {
    let cues = &Lexicon::get().schedule_cues;
    let before = text.get(..e.span.start).unwrap_or("");
    let word_before = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let after = text.get(e.span.end..).unwrap_or("");
    let word_after = after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    cues.before
        .iter()
        .any(|c| c.eq_ignore_ascii_case(word_before))
        || cues
            .after
            .iter()
            .any(|c| c.eq_ignore_ascii_case(word_after))
}

/// The byte range of the sentence holding `start..end`, at most [`crate::text::MAX_SENTENCE`]
/// bytes on each side.
pub(super) fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    // The ends are ASCII, so a byte search finds what a char search would.
    let is_end = |b: &u8| matches!(b, b'.' | b'\n' | b'!' | b'?');
    let floor = floor_boundary(text, start.saturating_sub(crate::text::MAX_SENTENCE));
    let before = text.get(floor..start).unwrap_or("");
    let s = before
        .bytes()
        .rposition(|b| is_end(&b))
        .map_or(floor, |i| floor + i + 1);
    let ceil = floor_boundary(text, end.saturating_add(crate::text::MAX_SENTENCE));
    let after = text.get(end..ceil).unwrap_or("");
    let e = after
        .bytes()
        .position(|b| is_end(&b))
        .map_or(ceil, |i| end + i);
    (s, e)
}

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// An elapsed time in years or months: "almost four years", "three-year", "3½ years ago".
fn elapsed(text: &str, e: &Expression) -> Option<(f64, Unit)> {
    let surface = e.span.slice(text);
    if surface.to_ascii_lowercase().ends_with("old") {
        return None;
    }
    match e.sem {
        Sem::Duration {
            amount: Amount::Num(n),
            unit,
        }
        | Sem::Offset {
            amount: Amount::Num(n),
            unit,
            sign: -1,
            origin: Origin::Dct,
        } if matches!(unit, Unit::Year | Unit::Month) && (1.0..=60.0).contains(&n) => {
            Some((n, unit))
        }
        _ => None,
    }
}

/// The range of true elapsed amounts a phrase allows: "almost 4" = 3.5..4, "more than 3" = 3..4,
/// "3" = 3..4 (people round down), "about 3" = 2.5..3.5, "3 and a half" = 3.25..3.75.
fn elapsed_bounds(surface: &str, n: f64) -> (f64, f64) {
    let s = surface.to_ascii_lowercase();
    let half = n.fract() != 0.0;
    let slack = if half { 0.25 } else { 0.5 };
    if s.starts_with("nearly")
        || s.starts_with("almost")
        || s.starts_with("under")
        || s.starts_with("less")
    {
        (n - slack, n)
    } else if s.starts_with("more") || s.starts_with("over") || s.starts_with("at least") {
        (n, n + 2.0 * slack)
    } else if s.starts_with("about")
        || s.starts_with("around")
        || s.starts_with("some")
        || s.starts_with("roughly")
        || half
    {
        (n - slack, n + slack)
    } else {
        (n, n + 1.0)
    }
}

/// The intersection of the windows that agree with each other, narrowest first.
pub fn consistent_intersection(windows: &[Clue]) -> Option<(NaiveDate, NaiveDate)> {
    intersect_windows(window_spans(windows))
}

/// The `from..=to` of each window clue, in order.
pub fn window_spans(clues: &[Clue]) -> Vec<(NaiveDate, NaiveDate)> {
    clues
        .iter()
        .filter_map(|w| match w {
            Clue::Window { from, to, .. } => Some((*from, *to)),
            _ => None,
        })
        .collect()
}

/// [`consistent_intersection`] of windows given as `from..=to` spans.
pub fn intersect_windows(mut spans: Vec<(NaiveDate, NaiveDate)>) -> Option<(NaiveDate, NaiveDate)> {
    spans.sort_by_key(|(f, t)| (*t - *f).num_days());
    let mut acc: Option<(NaiveDate, NaiveDate)> = None;
    for (f, t) in spans {
        acc = match acc {
            None => Some((f, t)),
            Some((a, b)) => {
                let (lo, hi) = (a.max(f), b.min(t));
                if lo <= hi {
                    Some((lo, hi))
                } else {
                    Some((a, b))
                }
            }
        };
    }
    acc.and_then(|(a, b)| Some((a, add_days(b, 0)?)))
}
