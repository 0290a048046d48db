//! Guessing missing metadata from the text: title, outlet, byline, and parsing dates given as metadata.
//!
//! These are patterns of how pages print such things ("SOURCE: X", "| X" closing the article,
//! "X Desk |", "By Name"), not names of particular outlets.

use crate::model::Span;
use chrono::{DateTime, NaiveDate};
use regex::Regex;
use std::sync::OnceLock;

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid built-in regex"))
}

/// The first heading-like line that is not chrome: short, no more than one sentence.
/// Falls back to the first sentence of the text, cut to 90 characters.
pub fn guess_title(text: &str, chrome: &[Span]) -> Option<String> {
    let mut offset = 0;
    let mut first_line: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty()
            || chrome.iter().any(|s| {
                s.start <= start + (line.len() - line.trim_start().len())
                    && s.end >= start + line.trim_end().len()
            })
        {
            continue;
        }
        if trimmed.chars().count() <= 160
            && trimmed.split(". ").count() <= 1
            && trimmed.chars().any(char::is_alphabetic)
        {
            return Some(trimmed.trim_end_matches('.').to_string());
        }
        first_line.get_or_insert(trimmed);
        break;
    }
    let first = first_line?;
    let sentence = first.split(". ").next().unwrap_or(first);
    Some(truncate_words(sentence, 90))
}

fn truncate_words(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for word in s.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

/// A pattern that begins with `(?m)^\s*` gets no literal prefilter from the regex engine, so it
/// walks every byte of every article. Each such pattern here comes with a guard: a pattern that
/// matches a piece every match of the full one must contain (the part after `^\s*` up to a
/// literal). The guard is searched with a prefilter; a text without it cannot match, and is skipped.
struct Guarded {
    guard: Regex,
    full: Regex,
}

impl Guarded {
    fn captures<'t>(&self, text: &'t str) -> Option<regex::Captures<'t>> {
        if !self.guard.is_match(text) {
            return None;
        }
        self.full.captures(text)
    }
}

fn guarded(cell: &'static OnceLock<Guarded>, guard: &str, full: &str) -> &'static Guarded {
    cell.get_or_init(|| Guarded {
        guard: Regex::new(guard).expect("valid built-in regex"),
        full: Regex::new(full).expect("valid built-in regex"),
    })
}

/// "SOURCE: X" / "via: X" on a line of its own.
fn source_line() -> &'static Guarded {
    static SOURCE: OnceLock<Guarded> = OnceLock::new();
    guarded(
        &SOURCE,
        r"(?i:source|via)\s*:",
        r"(?m)^\s*(?i:source|via)\s*:\s*([A-Za-z][\w .&'-]{1,40}?)\s*$",
    )
}

/// "X Desk" opening a line, alone or before a `|`.
fn desk_line() -> &'static Guarded {
    static DESK: OnceLock<Guarded> = OnceLock::new();
    guarded(
        &DESK,
        r" Desk",
        r"(?m)^\s*([A-Z][A-Za-z]{1,12}) Desk\s*(\||$)",
    )
}

/// The outlet from lines pages use to name it: "SOURCE: X", "X Desk | City", a closing "| X",
/// or a wire dateline "CITY (X) —" / "CITY/CITY, April 2 (X) -".
pub fn guess_outlet(text: &str) -> Option<String> {
    static PIPE_END: OnceLock<Regex> = OnceLock::new();
    static WIRE: OnceLock<Regex> = OnceLock::new();
    let (source, desk) = (source_line(), desk_line());
    let pipe_end = re(
        &PIPE_END,
        r"\|\s*([A-Z][A-Za-z&.]{1,20}(?: [A-Z][A-Za-z&.]+){0,2})\s*$",
    );
    let wire = re(
        &WIRE,
        r"(?m)^[A-Z][A-Za-z0-9 ,./'’-]{1,60}\(([A-Z][A-Za-z]{1,15}|[A-Z]{2,8})\)\s*[-—–]",
    );
    if let Some(c) = source.captures(text) {
        return Some(c[1].trim().to_string());
    }
    if let Some(c) = desk.captures(text) {
        return Some(c[1].to_string());
    }
    if let Some(c) = pipe_end.captures(text.trim_end()) {
        return Some(c[1].to_string());
    }
    wire.captures(text).map(|c| c[1].to_string())
}

/// "By Name Surname" on a line of its own (the first one).
pub fn guess_byline(text: &str) -> Option<String> {
    static BY: OnceLock<Regex> = OnceLock::new();
    let by = re(
        &BY,
        r"(?m)^\s*(?:By|BY)\s+([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?: and [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})?)\s*$",
    );
    by.captures(text).map(|c| c[1].to_string())
}

/// Parses a metadata date: ISO date, RFC 3339 / RFC 2822 timestamps, or "August 18, 2025".
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    for fmt in [
        "%B %d, %Y",
        "%b %d, %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%Y/%m/%d",
        "%b. %d, %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_from_source_line() {
        assert_eq!(
            guess_outlet("Text.\nSOURCE: DAILY PLANET\n").as_deref(),
            Some("DAILY PLANET")
        );
    }

    #[test]
    fn outlet_from_desk_line() {
        assert_eq!(
            guess_outlet("Headline\nXYZ Desk | Paris |\nText").as_deref(),
            Some("XYZ")
        );
    }

    #[test]
    fn outlet_from_closing_pipe() {
        assert_eq!(
            guess_outlet("Long text ends here.” | NEWSWIRE").as_deref(),
            Some("NEWSWIRE")
        );
    }

    use proptest::prelude::*;

    /// Pieces of source and desk lines, with spaces and line breaks of several kinds and the long
    /// s, which `(?i)` folds to `s`.
    const PIECES: &[&str] = &[
        "SOURCE",
        "source",
        "Via",
        "\u{17f}ource",
        ":",
        " : ",
        "Daily Planet",
        "XYZ",
        " Desk",
        "Desk",
        " | Paris",
        "|",
        " ",
        "\t",
        "\u{a0}",
        "\n",
        "\r\n",
        "\n\n",
        "The talks went on.",
        "Minister Jane Holt",
        "x",
        "9",
    ];

    proptest! {
        #[test]
        fn guards_skip_only_texts_the_patterns_cannot_match(
            picks in proptest::collection::vec(0..PIECES.len(), 0..30)
        ) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            for g in [source_line(), desk_line()] {
                let guarded = g.captures(&text).map(|c| c.get(1).map(|m| m.range()));
                let full = g.full.captures(&text).map(|c| c.get(1).map(|m| m.range()));
                prop_assert_eq!(guarded, full);
            }
        }
    }

    #[test]
    fn outlet_from_a_source_line_after_blank_lines_and_spaces() {
        assert_eq!(
            guess_outlet("Text.\n\n  \t\nVia : North Wire\n").as_deref(),
            Some("North Wire")
        );
    }

    #[test]
    fn byline_on_its_own_line() {
        assert_eq!(
            guess_byline("Title\nBy Jane Q. Doe\nBody").as_deref(),
            Some("Jane Q. Doe")
        );
        assert_eq!(guess_byline("By far the largest rally was here."), None);
    }

    #[test]
    fn title_is_first_short_line_and_skips_chrome() {
        let text = "Hot Posts\n\nMinisters meet in Geneva\n\nBody text. More.";
        let chrome = crate::corpus::mark_chrome(text);
        assert_eq!(
            guess_title(text, &chrome).as_deref(),
            Some("Ministers meet in Geneva")
        );
    }

    #[test]
    fn dates_in_common_forms() {
        let d = NaiveDate::from_ymd_opt(2025, 8, 18);
        assert_eq!(parse_date("2025-08-18"), d);
        assert_eq!(parse_date("2025-08-18T10:00:00Z"), d);
        assert_eq!(parse_date("August 18, 2025"), d);
        assert_eq!(parse_date("Mon, 18 Aug 2025 10:00:00 +0000"), d);
        assert_eq!(parse_date("soon"), None);
    }
}
