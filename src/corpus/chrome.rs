//! Site chrome: ads, comment boxes, "READ ALSO" teasers, share buttons. They stay in the text (so
//! offsets stay true) but are marked so that extraction skips them and the source view dims them.
//!
//! The patterns are data (`assets/chrome.toml`); a pattern that matches only the start of a line
//! (the page glued "Advertisement" to the next paragraph) marks only what it matched.

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
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let file: ChromeFile = toml::from_str(include_str!("../../assets/chrome.toml"))
            .expect("assets/chrome.toml is valid");
        // Prefixes are anchored: only a match at the start of the line counts, and an anchored
        // search stops at the first character instead of scanning the whole line.
        let prefix = file
            .prefix
            .iter()
            .map(|p| Regex::new(&format!("^(?:{p})")).expect("assets/chrome.toml: valid regex"))
            .collect();
        Patterns {
            line: RegexSet::new(&file.line).expect("assets/chrome.toml: valid regex"),
            prefix,
        }
    })
}

/// The chrome spans of `text`, in order.
pub fn mark_chrome(text: &str) -> Vec<Span> {
    let p = patterns();
    let mut spans = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if !trimmed.is_empty() {
            if p.line.is_match(trimmed) {
                spans.push(Span::new(offset, offset + content.len()));
            } else {
                let lead = content.len() - content.trim_start().len();
                for r in &p.prefix {
                    if let Some(m) = r.find(&content[lead..])
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
}
