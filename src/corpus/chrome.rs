//! Site chrome: ads, comment boxes, "READ ALSO" teasers, share buttons. They stay in the text (so
//! offsets stay true) but are marked so that extraction skips them and the source view dims them.
//!
//! The patterns are data (`assets/chrome.toml`); a pattern that matches only the start of a line
//! (the page glued "Advertisement" to the next paragraph) marks only what it matched.

use super::screen::Screen;
use crate::model::Span;
use regex::{Regex, RegexSet};
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct ChromeFile {
    line: Vec<String>,
    prefix: Vec<String>,
}

struct Patterns {
    /// All whole-line patterns at once: one pass over a line, whatever their number.
    line: RegexSet,
    prefix: Vec<Regex>,
    /// Both kinds at once, loosened: most lines are ruled out after a few bytes (see `screen`).
    screen: Screen,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let file: ChromeFile = toml::from_str(include_str!("../../assets/chrome.toml"))
            .expect("assets/chrome.toml is valid");
        // Prefixes are anchored: only a match at the start of the line counts, and an anchored
        // search stops at the first character instead of scanning the whole line.
        let prefix: Vec<String> = file.prefix.iter().map(|p| format!("^(?:{p})")).collect();
        let screened: Vec<String> = file.line.iter().chain(&prefix).cloned().collect();
        Patterns {
            line: RegexSet::new(&file.line).expect("assets/chrome.toml: valid regex"),
            prefix: prefix
                .iter()
                .map(|p| Regex::new(p).expect("assets/chrome.toml: valid regex"))
                .collect(),
            screen: Screen::new(&screened),
        }
    })
}

/// The chrome spans of `text`, in order.
pub fn mark_chrome(text: &str) -> Vec<Span> {
    patterns()
        .screen
        .with(|may_match| mark_lines(text, may_match))
}

/// Marks the lines that pass `screen` (given the line from its first non-space character, as both
/// kinds of pattern see it at their start): a line the screen rules out is not chrome.
fn mark_lines(text: &str, mut screen: impl FnMut(&str) -> bool) -> Vec<Span> {
    let p = patterns();
    let mut spans = Vec::new();
    let mut offset = 0;
    for line in lines(text) {
        let content = line.trim_end_matches(['\n', '\r']);
        let from_lead = content.trim_start();
        let trimmed = from_lead.trim_end();
        let lead = content.len() - from_lead.len();
        if !trimmed.is_empty() && screen(from_lead) {
            if p.line.is_match(trimmed) {
                spans.push(Span::new(offset, offset + content.len()));
            } else {
                for r in &p.prefix {
                    if let Some(m) = r.find(from_lead)
                        && m.start() == 0
                        && m.end() > 0
                    {
                        spans.push(Span::new(offset + lead, offset + lead + m.end()));
                        break;
                    }
                }
            }
        }
        offset += line.len();
    }
    spans
}

/// The lines of `text` with their `\n`, as `split_inclusive('\n')` gives them, found with the
/// SIMD `memchr` (the standard one was a quarter of the time spent marking chrome).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .map(Some)
        .chain([None])
        .filter_map(move |newline| {
            let end = newline.map_or(text.len(), |i| i + 1);
            let line = text.get(start..end).filter(|line| !line.is_empty());
            start = end;
            line
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Vec<&str> {
        mark_chrome(text)
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn marks_whole_chrome_lines() {
        let text = "Real news.\nAdvertisement\nFollow Us:\nLeave a Comment\nMore news.\n";
        assert_eq!(
            marked(text),
            vec!["Advertisement", "Follow Us:", "Leave a Comment"]
        );
    }

    #[test]
    fn marks_only_a_glued_prefix() {
        let text = "AdvertisementThe talks went on.\n";
        assert_eq!(marked(text), vec!["Advertisement"]);
    }

    #[test]
    fn read_also_teasers_are_chrome() {
        assert_eq!(
            marked("READ ALSO: Other story\n"),
            vec!["READ ALSO: Other story"]
        );
    }

    #[test]
    fn ordinary_sentences_are_not_chrome() {
        assert!(marked("Comments from the minister were brief.\n").is_empty());
    }

    #[test]
    fn lines_are_those_of_split_inclusive() {
        for text in [
            "",
            "a",
            "\n",
            "a\nb",
            "a\n",
            "\n\nx\r\n\u{2003}y\n\n",
            "é\nü",
        ] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                text.split_inclusive('\n').collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn the_screen_rules_out_prose_lines() {
        let p = patterns();
        assert!(
            !p.screen
                .may_match("The minister spoke to reporters on Tuesday.")
        );
        assert!(
            !p.screen
                .may_match("“We will return to the table,” she said.")
        );
        assert!(p.screen.may_match("Advertisement"));
    }

    #[test]
    fn screening_changes_no_mark_on_the_bundled_articles() {
        for (name, text) in crate::corpus::EMBEDDED {
            assert_eq!(mark_chrome(text), mark_lines(text, |_| true), "{name}");
        }
    }

    use proptest::prelude::*;

    /// Pieces of chrome lines and of prose, spaces of several kinds and letters that case-fold
    /// to ASCII ones (long s, Kelvin sign), so that generated lines come close to the patterns.
    const PIECES: &[&str] = &[
        "Advertisement",
        "advertisement",
        "AD",
        "Ad",
        "Sponsored",
        " content",
        "Follow us",
        ":",
        "Leave a ",
        "comment",
        "Comments (12)",
        "READ ALSO",
        "Read more",
        "Also read",
        "Share this",
        "Subscribe",
        " to",
        "Sign up",
        "Cookie policy",
        "We use cookies",
        "Click here",
        "12",
        "/recent/ticker-posts",
        "Source",
        "Via",
        "SOURCE: ",
        "NEWS",
        " Desk",
        " | Paris",
        "By ",
        "BY ",
        "Jane",
        " Holt",
        " and ",
        "Holt",
        " is a ",
        "reporter",
        "senior",
        "Photo credit",
        "Image:",
        "Copyright",
        "©",
        "All rights reserved",
        ".",
        " ",
        "  ",
        "\t",
        "\u{a0}",
        "\u{2003}",
        "\r",
        "\n",
        "\n\n",
        "The talks went on",
        "’",
        "'",
        "-",
        "\u{17f}",
        "\u{212a}",
        "Hot posts",
        "Related stories",
        "Latest",
        "No comments yet",
        "Required fields are marked",
        "x",
    ];

    proptest! {
        #[test]
        fn screening_changes_no_mark(picks in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            prop_assert_eq!(mark_chrome(&text), mark_lines(&text, |_| true));
        }
    }
}
