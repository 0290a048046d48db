//! One news record as news APIs, scrapers and CMS exports write it, mapped to a document.
//!
//! Field names differ by tool (`publishedAt`, `published_at`, `pubDate`, `webPublicationDate`);
//! keys are compared with case, `_` and `-` ignored, and each field has a list of names, best
//! first. Values may be strings, numbers (Unix timestamps), `{"name": …}` / `{"rendered": …}`
//! objects or arrays of those. Unknown fields are ignored.

use super::fragment::field_text;
use crate::corpus::FileMeta;
use chrono::DateTime;
use serde_json::{Map, Value};

/// A record's metadata and text.
#[derive(Debug, Default)]
pub(super) struct Record {
    pub meta: FileMeta,
    pub text: String,
    /// The text is a summary (`description`, `summary`…): the record had no full text.
    pub summary_only: bool,
}

const FULL_TEXT: [&str; 11] = [
    "articlebody",
    "fulltext",
    "bodytext",
    "maintext",
    "body",
    "content",
    "text",
    "article",
    "contenthtml",
    "contentencoded",
    "html",
];
const SUMMARY: [&str; 8] = [
    "description",
    "summary",
    "abstract",
    "excerpt",
    "snippet",
    "standfirst",
    "lede",
    "teaser",
];
const TITLE: [&str; 3] = ["title", "headline", "webtitle"];
const URL: [&str; 6] = [
    "url",
    "link",
    "canonicalurl",
    "weburl",
    "permalink",
    "articleurl",
];
const PUBLISHED: [&str; 14] = [
    "publishedat",
    "published",
    "publishdate",
    "publicationdate",
    "pubdate",
    "datepublished",
    "datepublish",
    "webpublicationdate",
    "firstpublished",
    "date",
    "isodate",
    "createdat",
    "created",
    "timestamp",
];
const OUTLET: [&str; 11] = [
    "sourcename",
    "source",
    "outlet",
    "publisher",
    "publication",
    "sitename",
    "site",
    "newspaper",
    "feedtitle",
    "sourcedomain",
    "domain",
];
const BYLINE: [&str; 5] = ["author", "authors", "byline", "creator", "writer"];

/// The names of the text fields, for messages.
pub(super) const TEXT_FIELDS_HINT: &str = "content, text, body, description or summary";

fn normalize(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' ' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The record's fields by normalized name; a nested `fields` (Guardian API) or `_source`
/// (search-engine hits) object is read as part of the record.
fn fields(obj: &Map<String, Value>) -> Vec<(String, &Value)> {
    let mut out: Vec<(String, &Value)> = Vec::new();
    for (k, v) in obj {
        out.push((normalize(k), v));
    }
    for nested in ["fields", "_source"] {
        if let Some(Value::Object(inner)) = obj.get(nested) {
            out.extend(inner.iter().map(|(k, v)| (normalize(k), v)));
        }
    }
    out
}

fn lookup(fields: &[(String, &Value)], names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        fields
            .iter()
            .filter(|(k, _)| k == name)
            .find_map(|(_, v)| as_text(v))
    })
}

/// A value as text: strings, numbers, `{"name"|"rendered"|"text"|"title": …}`, or arrays of
/// those joined with commas.
fn as_text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Object(m) => ["name", "rendered", "text", "title", "value", "href"]
            .iter()
            .find_map(|k| m.get(*k).and_then(as_text))?,
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().take(32).filter_map(as_text).collect();
            parts.join(", ")
        }
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// Maps one JSON object; `None` when it holds no text at all.
pub(super) fn from_json(obj: &Map<String, Value>) -> Option<Record> {
    let f = fields(obj);
    let full = FULL_TEXT
        .iter()
        .filter_map(|name| lookup(&f, &[name]))
        .max_by_key(String::len);
    let (raw, summary_only) = match full {
        Some(t) => (t, false),
        None => (lookup(&f, &SUMMARY)?, true),
    };
    let text = field_text(&raw);
    if text.trim().is_empty() {
        return None;
    }
    let one_line = |s: String| {
        let t = field_text(&s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        (!t.is_empty()).then_some(t)
    };
    let meta = FileMeta {
        title: lookup(&f, &TITLE).and_then(one_line),
        outlet: lookup(&f, &OUTLET).map(outlet_name).and_then(one_line),
        published: lookup(&f, &PUBLISHED).map(|d| timestamp(&d).unwrap_or(d)),
        url: lookup(&f, &URL),
        byline: lookup(&f, &BYLINE).and_then(one_line),
    };
    Some(Record {
        meta,
        text,
        summary_only,
    })
}

/// A source given as a URL names its site: `https://www.harbour.example/x` → `harbour.example`.
fn outlet_name(s: String) -> String {
    let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    else {
        return s;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host).to_string()
}

/// A Unix timestamp (seconds, or milliseconds when it is too large for seconds) as RFC 3339.
fn timestamp(s: &str) -> Option<String> {
    let n: i64 = s.trim().parse().ok()?;
    let secs = if n.abs() > 100_000_000_000 {
        n / 1000
    } else {
        n
    };
    DateTime::from_timestamp(secs, 0).map(|d| d.to_rfc3339())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record(v: Value) -> Option<Record> {
        from_json(v.as_object().expect("object"))
    }

    #[test]
    fn news_api_shape() {
        let r = record(json!({
            "source": {"id": null, "name": "Harbour Post"},
            "author": "Ann Lee", "title": "Port reopens",
            "url": "https://harbour.example/port", "publishedAt": "2024-02-03T09:00:00Z",
            "description": "Short.", "content": "The port reopened on Monday after repairs.",
            "urlToImage": "ignored"
        }))
        .expect("record");
        assert_eq!(r.text, "The port reopened on Monday after repairs.");
        assert!(!r.summary_only);
        assert_eq!(r.meta.outlet.as_deref(), Some("Harbour Post"));
        assert_eq!(r.meta.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(r.meta.published.as_deref(), Some("2024-02-03T09:00:00Z"));
        assert_eq!(r.meta.url.as_deref(), Some("https://harbour.example/port"));
    }

    #[test]
    fn snake_case_fields_wordpress_objects_and_timestamps() {
        let r = record(json!({
            "title": {"rendered": "Vote &#8211; delayed"},
            "content": {"rendered": "<p>The vote was delayed.</p><p>Again.</p>"},
            "published_at": 1_700_000_000,
            "authors": [{"name": "Ann Lee"}, "Bo Kim"],
            "source": "https://www.valley.example/news/1"
        }))
        .expect("record");
        assert_eq!(r.meta.title.as_deref(), Some("Vote – delayed"));
        assert_eq!(r.text, "The vote was delayed.\n\nAgain.");
        assert_eq!(r.meta.byline.as_deref(), Some("Ann Lee, Bo Kim"));
        assert!(
            r.meta
                .published
                .as_deref()
                .is_some_and(|d| d.starts_with("2023-11-14"))
        );
        assert_eq!(r.meta.outlet.as_deref(), Some("valley.example"));
    }

    #[test]
    fn a_summary_is_used_and_flagged_when_there_is_no_full_text() {
        let r = record(json!({"headline": "H", "summary": "Only this."})).expect("record");
        assert!(r.summary_only);
        assert_eq!(r.text, "Only this.");
    }

    #[test]
    fn a_record_without_text_is_none() {
        assert!(record(json!({"title": "T", "content": "   ", "extra": 1})).is_none());
    }
}
