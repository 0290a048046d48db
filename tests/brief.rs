//! `attache brief` as a user runs it: a Markdown briefing or a calendar, filters, errors.

use crate::util::attache;
use std::process::Command;

fn fixtures_dir() -> String {
    crate::util::fixtures().display().to_string()
}

#[test]
fn brief_on_the_embedded_corpus_is_markdown_with_every_part() {
    let out = attache(&["brief"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(md.starts_with("# Briefing\n"));
    for part in ["\n## Timeline\n", "\n## Key quotes\n", "\n## Sources\n"] {
        assert!(md.contains(part), "missing {part:?}");
    }
    let sources = md.split("\n## Sources\n").nth(1).expect("sources part");
    assert_eq!(
        sources
            .lines()
            .filter(|l| l.starts_with(char::is_numeric))
            .count(),
        5
    );
    assert!(!md.contains('\u{1b}'));
    // The demo articles report speech: cited as paraphrases, apart from the key quotes.
    let reported = md
        .split("\n## Reported statements\n")
        .nth(1)
        .and_then(|p| p.split("\n## Sources\n").next())
        .expect("reported statements part");
    let items: Vec<&str> = reported.lines().filter(|l| l.starts_with("- ")).collect();
    assert!(!items.is_empty());
    for l in items {
        assert!(
            l.starts_with("- ≈ **") && l.contains(", paraphrase): "),
            "{l}"
        );
        assert!(!l.contains("): “") && !l.contains("): \""), "{l}");
    }
}

#[test]
fn brief_cites_the_files_of_other_formats_by_record() {
    let out = attache(&["brief", &fixtures_dir()]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(md.contains("wire_export.jsonl#5`"), "{md}");
    assert!(md.contains("*The Harbour Post* — Ministers agree to resume port talks on Monday — 2024-03-12 (metadata)"));
}

#[test]
fn brief_as_ics_is_a_calendar() {
    let out = attache(&["brief", "--format", "ics", &fixtures_dir()]);
    assert!(out.status.success());
    let cal = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(cal.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(cal.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(
        cal.matches("BEGIN:VEVENT").count(),
        cal.matches("END:VEVENT").count()
    );
}

#[test]
fn brief_with_a_bad_date_is_a_usage_error() {
    let out = attache(&["brief", "--from", "last spring"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a date"));
}

fn key_quotes(md: &str) -> &str {
    md.split("\n## Key quotes\n")
        .nth(1)
        .and_then(|s| s.split("\n## Sources\n").next())
        .expect("a key quotes part")
}

#[test]
fn brief_filtered_by_an_actor_quotes_that_actor() {
    let out = attache(&["brief", "--actor", "macron"]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    let quotes = key_quotes(&md);
    let speakers: Vec<&str> = quotes
        .lines()
        .filter_map(|l| l.strip_prefix("> — **"))
        .filter_map(|l| l.split("**").next())
        .collect();
    assert!(!speakers.is_empty(), "{md}");
    assert!(
        speakers.iter().all(|s| s.contains("Macron")),
        "{speakers:?}\n{md}"
    );
}

#[test]
fn a_bookmarked_quote_appears_in_the_brief() {
    let home = tempfile::tempdir().expect("temp dir");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_attache"))
            .args(args)
            .env("ATTACHE_HOME", home.path())
            .env_remove("ATTACHE_DATA_DIR")
            .env(
                "ATTACHE_CACHE_DIR",
                std::env::temp_dir().join("attache-test-cache"),
            )
            .output()
            .expect("run attache")
    };
    // The last quote of the corpus: a short or little-reported one the ranking leaves out.
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["export"]).stdout).expect("JSON export");
    let quotes = json["quotes"].as_array().expect("quotes");
    let before = String::from_utf8(run(&["brief"]).stdout).expect("UTF-8");
    let left_out = quotes
        .iter()
        .rev()
        .find(|q| {
            let text = q["text"].as_str().unwrap_or_default();
            !before.contains(&text.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .expect("a quote the brief leaves out");
    let id = left_out["id"].as_str().expect("id");
    assert!(run(&["bookmark", "add", id]).status.success());
    let md = String::from_utf8(run(&["brief"]).stdout).expect("UTF-8");
    let text = left_out["text"].as_str().expect("text");
    let first_words: String = text
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    let starred = key_quotes(&md)
        .lines()
        .find(|l| l.starts_with("> ★ “"))
        .unwrap_or_else(|| panic!("no starred quote:\n{md}"));
    assert!(starred.contains(&first_words), "{starred}\n{text}");
}
