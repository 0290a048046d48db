//! How attache cites a document: outlet, publication date (marked when it was inferred from the
//! text) and the article's URL when one is known. `y` in the TUI, the brief, `attache quotes` and
//! the exports all cite through here, so they never disagree.
//!
//! A URL comes from an untrusted file. Only an http(s) URL made of the characters a URL may hold
//! ([`web_url`]) is ever cited or put into a terminal escape sequence (OSC 8); anything else is
//! shown as sanitised text at most.

use crate::model::{DateSource, Document};
use crate::sanitize::plain;

/// The document's URL when it is an http(s) URL of URL characters (see [`crate::model::web_url`]).
pub fn web_url(d: &Document) -> Option<&str> {
    d.web_url()
}

/// The publication date as cited: `2025-09-03`, `2025-09-03 (inferred)` when the date was inferred
/// from the text; `None` when unknown.
pub fn date(d: &Document) -> Option<String> {
    let day = d.published.date?;
    Some(if d.published.source == DateSource::Inferred {
        format!("{day} (inferred)")
    } else {
        day.to_string()
    })
}

/// The citation parts after the speaker: outlet, date and URL, each present when known, as
/// sanitised text.
pub fn source_parts(d: &Document) -> Vec<String> {
    let mut parts = vec![plain(d.label())];
    parts.extend(date(d));
    parts.extend(web_url(d).map(str::to_string));
    parts
}

/// A quote with its citation, one line: `“…” — Speaker, Outlet, 2025-09-03 (inferred), URL`.
pub fn quote(text: &str, speaker: Option<&str>, d: Option<&Document>) -> String {
    let mut parts: Vec<String> = speaker
        .filter(|s| !s.is_empty())
        .map(plain)
        .into_iter()
        .collect();
    parts.extend(d.map(source_parts).unwrap_or_default());
    let words: Vec<&str> = text.split_whitespace().collect();
    let text = plain(&words.join(" "));
    if parts.is_empty() {
        format!("“{text}”")
    } else {
        format!("“{text}” — {}", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Published;
    use chrono::NaiveDate;

    fn doc(url: Option<&str>, source: DateSource) -> Document {
        Document {
            id: "d1".into(),
            path: "saved/page.html".into(),
            outlet: Some("Global Wire".into()),
            url: url.map(Into::into),
            published: Published {
                date: NaiveDate::from_ymd_opt(2025, 9, 3),
                source,
                ..Published::default()
            },
            ..Document::default()
        }
    }

    #[test]
    fn a_quote_is_cited_with_outlet_date_and_url() {
        let d = doc(Some(" https://wire.example/a?id=1 "), DateSource::Metadata);
        assert_eq!(
            quote("We  will\nmeet.", Some("Marco Rubio"), Some(&d)),
            "“We will meet.” — Marco Rubio, Global Wire, 2025-09-03, https://wire.example/a?id=1"
        );
    }

    #[test]
    fn an_inferred_date_is_marked() {
        let d = doc(None, DateSource::Inferred);
        assert_eq!(
            quote("Yes.", None, Some(&d)),
            "“Yes.” — Global Wire, 2025-09-03 (inferred)"
        );
    }

    #[test]
    fn an_unknown_outlet_is_the_urls_host_before_the_file_name() {
        let mut d = doc(
            Some("https://www.wire.example:8080/a"),
            DateSource::Metadata,
        );
        d.outlet = None;
        assert_eq!(d.label(), "wire.example");
        d.url = Some("javascript:x".into());
        assert_eq!(d.label(), "page.html");
    }

    #[test]
    fn only_plain_http_urls_are_cited() {
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "https://a.example/\u{1b}]8;;x\u{7}",
            "https://a.example/\u{9b}31m",
            "https://a.example/\u{7}",
            "https://a.example/a b",
            "https://a.example/\"><",
            "https://exämple.example/",
        ] {
            assert_eq!(crate::model::web_url(bad), None, "{bad:?}");
        }
        assert_eq!(
            crate::model::web_url("HTTP://a.example/%20x#y"),
            Some("HTTP://a.example/%20x#y")
        );
    }
}
