//! JSON and JSONL news exports: an array of records, an object holding one (`articles`, `items`,
//! `results`, … also one level down, as in `{"response": {"results": […]}}`), a single article
//! object, or one record per line. A JSON Feed (jsonfeed.org) goes to the feed reader.
//!
//! The N-th record of `FILE` is shown as `FILE#N` (for JSONL, N is the line number). A record
//! without text is a warning naming it; the other records still load.

use super::record::{Record, TEXT_FIELDS_HINT, from_json};
use super::{Parsed, record_path};
use serde_json::Value;

/// Keys under which exports keep their list of records.
const LIST_KEYS: [&str; 12] = [
    "articles",
    "items",
    "results",
    "data",
    "entries",
    "docs",
    "documents",
    "records",
    "news",
    "stories",
    "posts",
    "hits",
];

const NO_ARTICLES: &str = "no articles found: expected an array of records, an object with an \
     `articles`, `items` or `results` list, or one article with a text field; skipped";

/// Warnings about records without text, per file, before they are summed up in one line.
const MAX_RECORD_WARNINGS: usize = 10;

pub(super) fn parse(path: &str, text: &str) -> Parsed {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            // A `.json` file that is really JSON Lines: several values, one per line.
            if e.classify() == serde_json::error::Category::Syntax && first_line_is_object(text) {
                return parse_lines(path, text);
            }
            let mut parsed = Parsed::default();
            parsed.warn(
                path,
                format!(
                    "not valid JSON (line {}, column {}: {}); skipped",
                    e.line(),
                    e.column(),
                    crate::corpus::shorten(strip_position(&e.to_string()), 160)
                ),
            );
            return parsed;
        }
    };
    if is_json_feed(&value) {
        return super::feed::parse(path, text.as_bytes());
    }
    let mut batch = Batch::new(path);
    match find_records(&value) {
        Some(Found::List(items)) => {
            for (i, item) in items.iter().enumerate() {
                batch.add(i + 1, item);
            }
        }
        Some(Found::Single(obj)) => {
            if !batch.add_single(obj) {
                batch.parsed.warn(path, NO_ARTICLES);
            }
        }
        None => batch.parsed.warn(path, NO_ARTICLES),
    }
    batch.finish()
}

pub(super) fn parse_lines(path: &str, text: &str) -> Parsed {
    let mut batch = Batch::new(path);
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => batch.add(i + 1, &v),
            Err(e) => batch.parsed.warn(
                &record_path(path, i + 1),
                format!(
                    "line {} is not valid JSON (column {}: {}); skipped",
                    i + 1,
                    e.column(),
                    crate::corpus::shorten(strip_position(&e.to_string()), 160)
                ),
            ),
        }
    }
    batch.finish()
}

enum Found<'a> {
    List(&'a [Value]),
    Single(&'a serde_json::Map<String, Value>),
}

fn find_records(v: &Value) -> Option<Found<'_>> {
    match v {
        Value::Array(items) => Some(Found::List(items)),
        Value::Object(obj) => {
            if let Some(items) = list_in(obj) {
                return Some(Found::List(items));
            }
            if let Some(items) = obj.values().filter_map(Value::as_object).find_map(list_in) {
                return Some(Found::List(items));
            }
            Some(Found::Single(obj))
        }
        _ => None,
    }
}

fn list_in(o: &serde_json::Map<String, Value>) -> Option<&Vec<Value>> {
    LIST_KEYS
        .iter()
        .find_map(|k| o.get(*k).and_then(Value::as_array))
}

fn is_json_feed(v: &Value) -> bool {
    v.get("version")
        .and_then(Value::as_str)
        .is_some_and(|s| s.contains("jsonfeed.org"))
        && v.get("items").is_some_and(Value::is_array)
}

fn first_line_is_object(text: &str) -> bool {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| matches!(serde_json::from_str::<Value>(l), Ok(Value::Object(_))))
}

/// serde_json's message without its own " at line L column C" (we say it once, our way).
fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

/// The records of one file as they are read, with the bookkeeping for the warnings.
struct Batch<'p> {
    path: &'p str,
    parsed: Parsed,
    without_text: Vec<usize>,
    summary_only: Vec<usize>,
    records: usize,
}

impl<'p> Batch<'p> {
    fn new(path: &'p str) -> Self {
        Batch {
            path,
            parsed: Parsed::default(),
            without_text: Vec::new(),
            summary_only: Vec::new(),
            records: 0,
        }
    }

    fn add(&mut self, n: usize, v: &Value) {
        self.records += 1;
        let shown = record_path(self.path, n);
        let Some(obj) = v.as_object() else {
            self.parsed
                .warn(&shown, "record is not a JSON object; skipped");
            return;
        };
        match from_json(obj) {
            Some(record) => self.push(&shown, n, record),
            None => self.no_text(&shown, n),
        }
    }

    /// A file holding one article object; `false` when it has no text (then it is no article).
    fn add_single(&mut self, obj: &serde_json::Map<String, Value>) -> bool {
        self.records += 1;
        let path = self.path;
        match from_json(obj) {
            Some(record) => {
                self.push(path, 1, record);
                true
            }
            None => false,
        }
    }

    fn push(&mut self, shown: &str, n: usize, record: Record) {
        if record.summary_only {
            self.summary_only.push(n);
        }
        self.parsed.push(shown, &record.text, record.meta);
    }

    fn no_text(&mut self, shown: &str, n: usize) {
        self.without_text.push(n);
        if self.without_text.len() <= MAX_RECORD_WARNINGS {
            self.parsed.warn(
                shown,
                format!("record has no text (no {TEXT_FIELDS_HINT} field); skipped"),
            );
        }
    }

    fn finish(mut self) -> Parsed {
        let more = self.without_text.len().saturating_sub(MAX_RECORD_WARNINGS);
        if more > 0 {
            self.parsed.warn(
                self.path,
                format!("{more} more records have no text; skipped"),
            );
        }
        if !self.summary_only.is_empty() {
            let list = numbers(&self.summary_only);
            self.parsed.warn(
                self.path,
                format!(
                    "{} of {} records have only a summary, not the full article: {list}",
                    self.summary_only.len(),
                    self.records
                ),
            );
        }
        self.parsed
    }
}

/// `#2, #5, #9` (the first ten, then `…`).
pub(super) fn numbers(ns: &[usize]) -> String {
    let mut s: Vec<String> = ns.iter().take(10).map(|n| format!("#{n}")).collect();
    if ns.len() > 10 {
        s.push("…".to_string());
    }
    s.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_list_loads_each_record_and_warns_on_the_empty_one() {
        let text = r#"{"status":"ok","articles":[
            {"title":"One","content":"First text."},
            {"title":"Two"},
            {"title":"Three","text":"Third text."}]}"#;
        let p = parse("news.json", text);
        let paths: Vec<&str> = p.documents.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["news.json#1", "news.json#3"]);
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(p.warnings[0].path, "news.json#2");
        assert!(p.warnings[0].message.contains("no text"));
    }

    #[test]
    fn nested_results_list_is_found() {
        let text = r#"{"response":{"status":"ok","results":[{"webTitle":"T","fields":{"bodyText":"Body."}}]}}"#;
        let p = parse("g.json", text);
        assert_eq!(p.documents.len(), 1);
        assert_eq!(p.documents[0].title.as_deref(), Some("T"));
        assert_eq!(p.documents[0].text, "Body.");
    }

    #[test]
    fn jsonl_names_the_bad_line_and_loads_the_rest() {
        let text = "{\"text\":\"A.\"}\n\n{oops\n{\"text\":\"B.\"}\n";
        let p = parse_lines("x.jsonl", text);
        let paths: Vec<&str> = p.documents.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["x.jsonl#1", "x.jsonl#4"]);
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(p.warnings[0].path, "x.jsonl#3");
        assert!(
            p.warnings[0]
                .message
                .starts_with("line 3 is not valid JSON")
        );
    }

    #[test]
    fn json_lines_in_a_json_file_are_read_as_lines() {
        let p = parse("x.json", "{\"text\":\"A.\"}\n{\"text\":\"B.\"}\n");
        assert_eq!(p.documents.len(), 2);
    }

    #[test]
    fn a_saved_api_error_is_no_articles_not_a_record_without_text() {
        let p = parse(
            "err.json",
            r#"{"status":"error","code":"rateLimited","message":"Too many requests"}"#,
        );
        assert!(p.documents.is_empty());
        assert_eq!(p.warnings.len(), 1);
        assert!(p.warnings[0].message.starts_with("no articles found"));
    }

    #[test]
    fn a_single_article_object_is_one_document_named_by_the_file() {
        let p = parse("one.json", r#"{"headline":"H","articleBody":"Body text."}"#);
        assert_eq!(p.documents.len(), 1);
        assert_eq!(p.documents[0].path, "one.json");
    }

    #[test]
    fn invalid_json_names_line_and_column() {
        let p = parse("bad.json", "[\n  {\"text\": }\n]");
        assert!(p.documents.is_empty());
        assert!(
            p.warnings[0].message.contains("line 2, column"),
            "{}",
            p.warnings[0]
        );
    }

    #[test]
    fn summary_only_records_are_flagged_once_per_file() {
        let p = parse(
            "s.json",
            r#"[{"description":"Only a summary."},{"content":"Full."},{"summary":"Also short."}]"#,
        );
        assert_eq!(p.documents.len(), 3);
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(
            p.warnings[0].message,
            "2 of 3 records have only a summary, not the full article: #1, #3"
        );
    }
}
