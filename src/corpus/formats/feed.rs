//! RSS, Atom and JSON Feed files through `feed-rs`: each item becomes a document, shown as
//! `FILE#N`. An item's full content is used where the feed carries it (`content:encoded`, Atom
//! `<content>`), else its summary, and the file gets one warning listing the summary-only items.
//! HTML in items is converted to text; the feed's title is the outlet unless an item names its own
//! source.

use super::fragment::{field_text, html_to_text, looks_like_html};
use super::json::numbers;
use super::{Parsed, record_path};
use crate::corpus::FileMeta;
use feed_rs::model::{Entry, Text};

pub(super) fn parse(path: &str, bytes: &[u8]) -> Parsed {
    let mut parsed = Parsed::default();
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(feed) => feed,
        Err(e) => {
            parsed.warn(
                path,
                format!(
                    "not an RSS, Atom or JSON feed ({}); skipped",
                    crate::corpus::shorten(&e.to_string(), 160)
                ),
            );
            return parsed;
        }
    };
    if feed.entries.is_empty() {
        parsed.warn(path, "the feed has no items; skipped");
        return parsed;
    }
    let site = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .map(|l| l.href.as_str());
    let outlet = feed
        .title
        .as_ref()
        .and_then(one_line)
        .map(|t| outlet_from_title(&t, site));
    let mut summary_only = Vec::new();
    let mut empty = Vec::new();
    for (i, entry) in feed.entries.iter().enumerate() {
        let n = i + 1;
        let Some((text, is_summary)) = item_text(entry) else {
            empty.push(n);
            continue;
        };
        if is_summary {
            summary_only.push(n);
        }
        let meta = FileMeta {
            title: entry.title.as_ref().and_then(one_line),
            outlet: entry
                .source
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty() && !s.starts_with("http"))
                .map(str::to_string)
                .or_else(|| outlet.clone()),
            published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
            url: entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .map(|l| l.href.trim().to_string()),
            byline: byline(entry),
        };
        parsed.push(&record_path(path, n), &text, meta);
    }
    if !empty.is_empty() {
        parsed.warn(
            path,
            format!(
                "{} of {} items have neither content nor a summary; skipped: {}",
                empty.len(),
                feed.entries.len(),
                numbers(&empty)
            ),
        );
    }
    if !summary_only.is_empty() {
        parsed.warn(
            path,
            format!(
                "{} of {} items carry only a summary, not the full article: {}",
                summary_only.len(),
                feed.entries.len(),
                numbers(&summary_only)
            ),
        );
    }
    parsed
}

/// The item's full content, else its summary (flagged `true`).
fn item_text(entry: &Entry) -> Option<(String, bool)> {
    let content = entry.content.as_ref().and_then(|c| {
        let body = c.body.as_deref()?;
        let html = matches!(
            c.content_type.subty().as_str(),
            "html" | "xhtml+xml" | "xhtml"
        ) || looks_like_html(body);
        let text = if html {
            html_to_text(body)
        } else {
            field_text(body)
        };
        (!text.trim().is_empty()).then_some(text)
    });
    if let Some(text) = content {
        return Some((text, false));
    }
    let summary = entry.summary.as_ref().map(text_of)?;
    (!summary.trim().is_empty()).then_some((summary, true))
}

fn text_of(t: &Text) -> String {
    let html = matches!(
        t.content_type.subty().as_str(),
        "html" | "xhtml+xml" | "xhtml"
    );
    if html {
        html_to_text(&t.content)
    } else {
        field_text(&t.content)
    }
}

fn one_line(t: &Text) -> Option<String> {
    let s = text_of(t).split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Feed titles often add a section to the outlet's name ("Valley Times – Local News",
/// "World | Daily Planet"): the part whose words appear in the site's host name is the outlet.
/// Without such a part the whole title is kept.
fn outlet_from_title(title: &str, site: Option<&str>) -> String {
    let Some(host) = site.and_then(host_of) else {
        return title.to_string();
    };
    let parts = split_parts(title);
    if parts.len() < 2 {
        return title.to_string();
    }
    let score = |part: &str| {
        let words: Vec<String> = part
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect();
        let hits = words.iter().filter(|w| host.contains(w.as_str())).count();
        (hits * 100).checked_div(words.len()).unwrap_or(0)
    };
    let best = parts
        .iter()
        .enumerate()
        .max_by_key(|(i, p)| (score(p), std::cmp::Reverse(*i)));
    match best {
        Some((_, p)) if score(p) > 0 => p.to_string(),
        _ => title.to_string(),
    }
}

/// The title cut at each separator.
fn split_parts(title: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = title;
    loop {
        let next = SEPARATORS
            .iter()
            .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
            .min();
        match next {
            Some((i, len)) => {
                parts.push(rest[..i].trim());
                rest = &rest[i + len..];
            }
            None => {
                parts.push(rest.trim());
                break;
            }
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}

const SEPARATORS: [&str; 7] = [" – ", " — ", " - ", " | ", ": ", " > ", " » "];

/// `https://www.valleytimes.example/feed` → `valleytimes.example`.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

fn byline(entry: &Entry) -> Option<String> {
    let names: Vec<&str> = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref().and_then(author_name))
        .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case("unknown"))
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// The person's name in an RSS `<author>`, which is an e-mail address with the name in
/// parentheses (`liis@valley.example (Liis Tamm)`): the name without the parentheses, `None`
/// for an address alone.
fn author_name(raw: &str) -> Option<&str> {
    let raw = raw.trim();
    if let Some(open) = raw.rfind('(')
        && raw.ends_with(')')
    {
        let inner = raw[open + 1..raw.len() - 1].trim();
        if !inner.is_empty() {
            return Some(inner);
        }
        return author_name(&raw[..open]);
    }
    (!raw.contains('@') || raw.contains(' ')).then_some(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_bylines_are_names_without_parentheses_or_addresses() {
        let rss = |author: &str| {
            format!(
                r#"<rss version="2.0"><channel><title>Valley Times</title><item><title>T</title>
<author>{author}</author><description>The bridge opened on Tuesday.</description></item></channel></rss>"#
            )
        };
        for (author, byline) in [
            ("liis@valley.example (Liis Tamm)", Some("Liis Tamm")),
            ("(Liis Tamm)", Some("Liis Tamm")),
            ("Liis Tamm", Some("Liis Tamm")),
            ("liis@valley.example", None),
        ] {
            let p = parse("v.rss", rss(author).as_bytes());
            assert_eq!(p.documents[0].byline.as_deref(), byline, "{author}");
        }
    }

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Times</title><link>https://valley.example</link><description>News</description>
<item><title>Bridge opens</title><link>https://valley.example/bridge</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 +0000</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>The bridge opened on Tuesday.</p><p>Mayor Ann Lee cut the ribbon.</p>]]></content:encoded></item>
<item><title>Rain expected</title><description>&lt;p&gt;Rain is expected &amp;amp; cold.&lt;/p&gt;</description></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_documents_with_content_or_summary() {
        let p = parse("v.rss", RSS.as_bytes());
        assert_eq!(p.documents.len(), 2);
        let first = &p.documents[0];
        assert_eq!(first.path, "v.rss#1");
        assert_eq!(first.title.as_deref(), Some("Bridge opens"));
        assert_eq!(first.outlet.as_deref(), Some("Valley Times"));
        assert_eq!(first.url.as_deref(), Some("https://valley.example/bridge"));
        assert_eq!(
            first.text,
            "The bridge opened on Tuesday.\n\nMayor Ann Lee cut the ribbon."
        );
        assert_eq!(
            first.published.date.map(|d| d.to_string()).as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(p.documents[1].text, "Rain is expected & cold.");
        assert_eq!(p.warnings.len(), 1);
        assert!(
            p.warnings[0]
                .message
                .contains("1 of 2 items carry only a summary"),
            "{}",
            p.warnings[0]
        );
    }

    #[test]
    fn outlet_is_the_part_of_the_feed_title_that_names_the_site() {
        let site = Some("https://www.valleytimes.example/");
        assert_eq!(
            outlet_from_title("Valley Times – Local News", site),
            "Valley Times"
        );
        assert_eq!(
            outlet_from_title(
                "World news | Daily Planet",
                Some("https://dailyplanet.example")
            ),
            "Daily Planet"
        );
        assert_eq!(outlet_from_title("Local News", site), "Local News");
        assert_eq!(
            outlet_from_title("Sports: Results", site),
            "Sports: Results"
        );
        assert_eq!(outlet_from_title("A - B", None), "A - B");
    }

    #[test]
    fn not_a_feed_is_one_warning() {
        let p = parse("sitemap.xml", b"<urlset><url><loc>x</loc></url></urlset>");
        assert!(p.documents.is_empty());
        assert_eq!(p.warnings.len(), 1);
    }
}
