//! Filters: the `/` fuzzy query and the facets (actor, outlet, kind, status, date range).
//!
//! The query is split on spaces into terms that must all match (each in any field). A term matches
//! a field through skim's fuzzy matcher, but only when the matched characters form few runs
//! (at most one per four characters typed): "merz" finds "Friedrich Merz" and forgives a dropped
//! letter, yet does not find "Moscow energy rules zone". A cheap byte-subsequence test on a
//! lower-cased blob of all fields rejects most items before the matcher runs.

use crate::model::{EventKind, Status};
use chrono::{Duration, NaiveDate};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::action::Facet;

/// One active filter; at most one of each kind, in the order the user added them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Query(String),
    Actor(String),
    Outlet(String),
    Kind(EventKind),
    Status(Status),
    Dates(DateRange),
}

impl Filter {
    /// The facet this filter belongs to (`None` for the query).
    pub fn facet(&self) -> Option<Facet> {
        match self {
            Filter::Query(_) => None,
            Filter::Actor(_) => Some(Facet::Actor),
            Filter::Outlet(_) => Some(Facet::Outlet),
            Filter::Kind(_) => Some(Facet::Kind),
            Filter::Status(_) => Some(Facet::Status),
            Filter::Dates(_) => Some(Facet::Date),
        }
    }

    /// How the status bar shows it.
    pub fn label(&self) -> String {
        match self {
            Filter::Query(q) => format!("/{q}"),
            Filter::Actor(a) => format!("actor:{a}"),
            Filter::Outlet(o) => format!("outlet:{o}"),
            Filter::Kind(k) => format!("kind:{}", k.as_str()),
            Filter::Status(s) => format!("status:{}", s.as_str()),
            Filter::Dates(d) => format!("date:{}", d.label()),
        }
    }
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DateRange {
    pub fn label(&self) -> String {
        if self.from == self.to {
            self.from.to_string()
        } else {
            format!("{}..{}", self.from, self.to)
        }
    }

    /// Whether the period `start..=end` overlaps this range.
    pub fn overlaps(&self, start: NaiveDate, end: NaiveDate) -> bool {
        start <= self.to && self.from <= end
    }

    /// Parses what the user typed at the `d` prompt: `2025`, `2025-08`, `2025-08-18`, `A..B`
    /// (either side may be left open), or `last 7d` / `last 2w` / `last 3m`, counted back from
    /// `latest` (the newest date in the corpus, because a corpus is a snapshot in time).
    pub fn parse(input: &str, latest: Option<NaiveDate>) -> Result<DateRange, String> {
        let s = input.trim();
        if let Some(rest) = s.strip_prefix("last") {
            let rest = rest.trim();
            let latest = latest.ok_or("the corpus has no dates to count back from")?;
            let split = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            let (n, unit) = rest.split_at(split);
            let n: i64 = n
                .parse()
                .map_err(|_| format!("`{s}`: write it like `last 7d`"))?;
            let days = match unit.trim() {
                "d" | "day" | "days" => n,
                "w" | "week" | "weeks" => n * 7,
                "m" | "month" | "months" => n * 30,
                _ => return Err(format!("`{s}`: the unit is d, w or m")),
            };
            let from = latest - Duration::days((days - 1).max(0));
            return Ok(DateRange { from, to: latest });
        }
        if let Some((a, b)) = s.split_once("..") {
            let from = if a.trim().is_empty() {
                NaiveDate::MIN
            } else {
                period(a.trim())?.0
            };
            let to = if b.trim().is_empty() {
                NaiveDate::MAX
            } else {
                period(b.trim())?.1
            };
            if from > to {
                return Err(format!("`{s}`: the start is after the end"));
            }
            return Ok(DateRange { from, to });
        }
        let (from, to) = period(s)?;
        Ok(DateRange { from, to })
    }
}

/// The first and last day of `2025`, `2025-08` or `2025-08-18`.
fn period(s: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let bad = || format!("`{s}` is not a date like 2025, 2025-08 or 2025-08-18");
    let parts: Vec<&str> = s.split('-').collect();
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    match parts.len() {
        1 => {
            let y = num(0).ok_or_else(bad)? as i32;
            let from = NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(bad)?;
            let to = NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(bad)?;
            Ok((from, to))
        }
        2 => {
            let (y, m) = (num(0).ok_or_else(bad)? as i32, num(1).ok_or_else(bad)?);
            let from = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            let to = next.ok_or_else(bad)?.pred_opt().ok_or_else(bad)?;
            Ok((from, to))
        }
        3 => {
            let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| bad())?;
            Ok((d, d))
        }
        _ => Err(bad()),
    }
}

/// A compiled `/` query.
pub struct Matcher {
    skim: SkimMatcherV2,
    terms: Vec<Term>,
}

struct Term {
    text: String,
    lower: String,
    /// Smart case: a term with a capital letter matches case-sensitively.
    exact: bool,
    max_runs: usize,
}

impl Term {
    fn needle(&self) -> &str {
        if self.exact { &self.text } else { &self.lower }
    }
}

impl Matcher {
    /// `None` for a blank query (which filters nothing).
    pub fn new(query: &str) -> Option<Matcher> {
        let terms: Vec<Term> = query
            .split_whitespace()
            .map(|t| Term {
                text: t.to_string(),
                lower: t.to_lowercase(),
                exact: t.chars().any(char::is_uppercase),
                max_runs: 1 + t.chars().count() / 4,
            })
            .collect();
        if terms.is_empty() {
            return None;
        }
        Some(Matcher {
            skim: SkimMatcherV2::default().smart_case(),
            terms,
        })
    }

    /// Whether an item matches every term in some field. `blob` is [`blob`] of the same fields:
    /// it rejects most items at once, and a term found verbatim in it needs no fuzzy matching, so
    /// `fields` (called only when needed, to spare a memory load per item) is rarely walked.
    pub fn matches<'a, I>(&self, blob: &str, fields: impl Fn() -> I) -> bool
    where
        I: Iterator<Item = &'a str>,
    {
        self.terms.iter().all(|t| {
            if !is_subsequence(t.lower.as_bytes(), blob.as_bytes()) {
                return false;
            }
            if !t.exact && blob.contains(t.lower.as_str()) {
                return true;
            }
            blob.split('\u{1}').zip(fields()).any(|(lower, field)| {
                let (hay, needle) = if t.exact {
                    (field, t.text.as_str())
                } else {
                    (lower, t.lower.as_str())
                };
                hay.contains(needle)
                    || (is_subsequence(needle.as_bytes(), hay.as_bytes())
                        && has_long_piece(needle, hay, t.max_runs)
                        && self.fuzzy(t, field).is_some())
            })
        })
    }

    /// Byte offsets of the characters of `field` that the query matched, for highlighting: the
    /// term where it occurs verbatim, else skim's fuzzy alignment.
    pub fn positions(&self, field: &str) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .terms
            .iter()
            .filter_map(|t| find_chars(field, t.needle(), t.exact).or_else(|| self.fuzzy(t, field)))
            .flatten()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Skim's alignment of a term in a field (as byte offsets), if its characters form few runs.
    fn fuzzy(&self, term: &Term, field: &str) -> Option<Vec<usize>> {
        let (_, chars) = self.skim.fuzzy_indices(field, &term.text)?;
        let runs = 1 + chars.windows(2).filter(|w| w[1] != w[0] + 1).count();
        if runs > term.max_runs {
            return None;
        }
        let mut bytes = Vec::with_capacity(chars.len());
        let mut want = chars.iter().peekable();
        for (ci, (bi, _)) in field.char_indices().enumerate() {
            match want.peek() {
                Some(&&w) if w == ci => {
                    bytes.push(bi);
                    want.next();
                }
                Some(_) => {}
                None => break,
            }
        }
        Some(bytes)
    }
}

/// Byte offsets of the characters of the first occurrence of `needle` in `field` (compared by
/// lower-cased characters unless `exact`).
fn find_chars(field: &str, needle: &str, exact: bool) -> Option<Vec<usize>> {
    let fold = |c: char| {
        if exact {
            c
        } else {
            c.to_lowercase().next().unwrap_or(c)
        }
    };
    let hay: Vec<(usize, char)> = field.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let want: Vec<char> = needle.chars().collect();
    if want.is_empty() || want.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - want.len())
        .find(|&s| {
            hay[s..s + want.len()]
                .iter()
                .zip(&want)
                .all(|((_, h), w)| h == w)
        })
        .map(|s| hay[s..s + want.len()].iter().map(|(i, _)| *i).collect())
}

/// The lower-cased fields, each followed by a separator no query contains.
pub fn blob<'a>(fields: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    push_blob(&mut out, fields);
    out
}

/// [`blob`], appended to `out`.
pub fn push_blob<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for f in fields {
        if f.is_ascii() {
            out.extend(f.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            out.push_str(&f.to_lowercase());
        }
        out.push('\u{1}');
    }
}

/// A cheap necessary condition for matching in at most `runs` runs: some run is at least
/// len/runs characters long, so some piece of the needle that long occurs verbatim in `hay`.
fn has_long_piece(needle: &str, hay: &str, runs: usize) -> bool {
    let chars: Vec<(usize, char)> = needle.char_indices().collect();
    let w = chars.len().div_ceil(runs.max(1)).max(1);
    (0..=chars.len().saturating_sub(w)).any(|s| {
        let start = chars[s].0;
        let end = chars.get(s + w).map_or(needle.len(), |c| c.0);
        hay.contains(&needle[start..end])
    })
}

fn is_subsequence(needle: &[u8], hay: &[u8]) -> bool {
    let mut rest = hay;
    for &b in needle {
        match memchr::memchr(b, rest) {
            Some(i) => rest = &rest[i + 1..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(q: &str, field: &str) -> bool {
        let matcher = Matcher::new(q).unwrap();
        matcher.matches(&blob([field]), || [field].into_iter())
    }

    #[test]
    fn finds_a_name_and_forgives_a_dropped_letter() {
        assert!(m("holt", "Minister Jane Holt"));
        assert!(m("HOLT", "Minister Jane HOLT"));
        assert!(m("brnsen", "Premier Erik Brönsen") || m("bronsen", "Premier Erik Bronsen"));
        assert!(m("valdmr", "Valdemar Ostrov") || m("valdemr", "Valdemar Ostrov"));
    }

    #[test]
    fn does_not_find_letters_scattered_over_words() {
        assert!(!m("holt", "Hopes of a lasting truce"));
        assert!(!m("vey", "Very early years"));
    }

    #[test]
    fn every_term_must_match_some_field() {
        let matcher = Matcher::new("holt summit").unwrap();
        let fields = ["Summit in Brenna", "Jane Holt"];
        assert!(matcher.matches(&blob(fields), || fields.into_iter()));
        let fields = ["Summit in Brenna", "Tomas Vey"];
        assert!(!matcher.matches(&blob(fields), || fields.into_iter()));
    }

    #[test]
    fn positions_are_byte_offsets_of_matched_characters() {
        let matcher = Matcher::new("holt").unwrap();
        let field = "Ministre Zoë Holt";
        let pos = matcher.positions(field);
        let picked: String = pos.iter().map(|&i| &field[i..i + 1]).collect();
        assert_eq!(picked, "Holt");
    }

    #[test]
    fn a_capital_letter_makes_the_term_case_sensitive() {
        assert!(m("Holt", "Jane Holt"));
        assert!(!m("Holt", "the holt of the river"));
        assert!(m("holt", "JANE HOLT"));
    }

    #[test]
    fn verbatim_occurrences_are_highlighted_over_fuzzy_ones() {
        let matcher = Matcher::new("vey").unwrap();
        // "v-e-y" scattered over "Very early" is not taken when "vey" occurs whole.
        let field = "Very early, Tomas Vey spoke";
        assert_eq!(matcher.positions(field), vec![18, 19, 20]);
        let field = "Zoë VEY";
        assert_eq!(Matcher::new("vey").unwrap().positions(field), vec![5, 6, 7]);
    }

    #[test]
    fn blank_query_is_no_matcher() {
        assert!(Matcher::new("   ").is_none());
    }

    #[test]
    fn parses_date_ranges() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let r = DateRange::parse("2024-02", None).unwrap();
        assert_eq!((r.from, r.to), (d("2024-02-01"), d("2024-02-29")));
        let r = DateRange::parse("2025-08-01..2025-08-20", None).unwrap();
        assert_eq!((r.from, r.to), (d("2025-08-01"), d("2025-08-20")));
        let r = DateRange::parse("last 7d", Some(d("2025-08-20"))).unwrap();
        assert_eq!((r.from, r.to), (d("2025-08-14"), d("2025-08-20")));
        let r = DateRange::parse("2025-12..", None).unwrap();
        assert_eq!(r.from, d("2025-12-01"));
        assert!(DateRange::parse("2025-13", None).is_err());
        assert!(DateRange::parse("2025-08-20..2025-08-01", None).is_err());
        assert!(DateRange::parse("last week", Some(d("2025-08-20"))).is_err());
        assert!(DateRange::parse("last 7d", None).is_err());
    }
}
