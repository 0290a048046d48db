//! The extraction cache and parallel extraction as a user relies on them: a reopened corpus is
//! not extracted again, a damaged cache is rebuilt with one warning, `--no-cache` leaves it alone,
//! and neither the cache nor the number of threads changes the timeline.

use attache::cache::Cache;
use attache::corpus::{self, LoadOptions, document_from_text};
use attache::export::{self, Format};
use attache::model::{Document, Timeline};
use attache::pipeline::build as build_timeline;
use attache::progress::Progress;
use std::path::Path;
use std::process::Output;

fn seeds() -> Vec<Document> {
    let none: [&str; 0] = [];
    corpus::load(&none, &LoadOptions::default()).documents
}

fn json(t: &Timeline) -> String {
    let mut out = Vec::new();
    export::write(t, Format::Json, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn numbered(mut docs: Vec<Document>) -> Vec<Document> {
    for (i, d) in docs.iter_mut().enumerate() {
        d.id = format!("d{}", i + 1);
    }
    docs
}

#[test]
fn a_reopened_corpus_is_not_extracted_again_and_gives_the_same_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(dir.path());
    let progress = Progress::default();
    let fresh = build_timeline(seeds(), None, &progress);
    let first = build_timeline(seeds(), Some(&cache), &progress);
    assert_eq!(first.extracted, 5);
    assert!(!first.timeline_reused);
    let again = build_timeline(seeds(), Some(&cache), &progress);
    assert!(again.timeline_reused);
    assert_eq!(again.extracted, 0);
    assert_eq!(json(&again.timeline), json(&fresh.timeline));
    assert_eq!(json(&first.timeline), json(&fresh.timeline));
    assert_eq!(cache.broken(), 0);
}

#[test]
fn a_new_article_in_front_reuses_the_others_under_their_new_ids() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(dir.path());
    let progress = Progress::default();
    build_timeline(seeds(), Some(&cache), &progress);
    let extra = document_from_text(
        "extra.txt",
        "Minister Jane Holt visits the port\n\nMinister Jane Holt met dockworkers on Tuesday. \
         “We will not give up,” Holt said.",
        None,
    );
    let mut grown = vec![extra];
    grown.extend(seeds());
    let grown = numbered(grown);
    let fresh = build_timeline(grown.clone(), None, &progress);
    let cached = build_timeline(grown, Some(&cache), &progress);
    assert!(!cached.timeline_reused);
    assert!(cached.extracted >= 1, "the new article is extracted");
    assert!(cached.reused >= 1, "unchanged articles come from the cache");
    assert_eq!(cached.extracted + cached.reused, 6);
    assert_eq!(json(&cached.timeline), json(&fresh.timeline));
}

#[test]
fn reported_statements_come_back_from_the_cache_linked_and_renumbered() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(dir.path());
    let progress = Progress::default();
    let first = build_timeline(seeds(), Some(&cache), &progress);
    assert!(
        !first.timeline.reported.is_empty(),
        "the demo articles report speech"
    );
    let again = build_timeline(seeds(), Some(&cache), &progress);
    assert!(again.timeline_reused);
    assert_eq!(again.timeline.reported, first.timeline.reported);
    // An article in front: the others' cached statements take their documents' new ids.
    let extra = document_from_text(
        "extra.txt",
        "Port talks\n\nMinister Jane Holt met dockworkers in Ostia on Tuesday. Holt told \
         reporters on Tuesday that the port would reopen within a week.",
        None,
    );
    let mut grown = vec![extra];
    grown.extend(seeds());
    let grown = numbered(grown);
    let fresh = build_timeline(grown.clone(), None, &progress);
    let cached = build_timeline(grown, Some(&cache), &progress);
    assert!(cached.reused >= 1);
    assert_eq!(cached.timeline.reported, fresh.timeline.reported);
    let ids: Vec<&str> = cached
        .timeline
        .reported
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert!(ids.iter().all(|id| id.starts_with('d')), "{ids:?}");
    assert!(
        cached
            .timeline
            .reported
            .iter()
            .all(|r| r.id.starts_with(&format!("{}-r", r.doc))),
        "{ids:?}"
    );
    let holt = cached.timeline.reported.iter().find(|r| r.doc == "d1");
    assert!(
        holt.is_some_and(|r| r.speaker == "Jane Holt" && r.event.is_some()),
        "{holt:?}"
    );
}

#[test]
fn the_timeline_does_not_depend_on_the_number_of_threads() {
    let build = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| json(&attache::pipeline::build_timeline(seeds())))
    };
    let one = build(1);
    assert!(one.contains("\"events\""));
    assert_eq!(one, build(3));
}

fn attache(args: &[&str], cache: &Path) -> Output {
    crate::util::attache_command()
        .args(args)
        .env("ATTACHE_CACHE_DIR", cache)
        .output()
        .expect("run attache")
}

fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            found.extend(files_under(&p));
        } else {
            found.push(p);
        }
    }
    found
}

#[test]
fn no_cache_neither_reads_nor_writes_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let out = attache(&["export", "--no-cache"], dir.path());
    assert!(out.status.success());
    assert!(files_under(dir.path()).is_empty());
    let out = attache(&["events", "--no-cache"], dir.path());
    assert!(out.status.success(), "every command takes it");
    assert!(files_under(dir.path()).is_empty());
    let out = attache(&["--no-cache"], dir.path());
    assert!(out.status.success(), "and so does the bare timeline");
    assert!(files_under(dir.path()).is_empty());
    let out = attache(&["export"], dir.path());
    assert!(out.status.success());
    assert!(!files_under(dir.path()).is_empty());
}

#[test]
fn a_damaged_cache_is_rebuilt_with_one_warning_line() {
    let dir = tempfile::tempdir().unwrap();
    let first = attache(&["export"], dir.path());
    assert!(first.status.success());
    assert!(first.stderr.is_empty());
    let entries = files_under(dir.path());
    assert!(!entries.is_empty());
    for (i, f) in entries.iter().enumerate() {
        // Truncated, overwritten with garbage, or emptied.
        let bytes = std::fs::read(f).unwrap();
        let damaged = match i % 3 {
            0 => bytes[..bytes.len() / 2].to_vec(),
            1 => b"not a cache entry".to_vec(),
            _ => Vec::new(),
        };
        std::fs::write(f, damaged).unwrap();
    }
    let second = attache(&["export"], dir.path());
    assert!(second.status.success());
    assert_eq!(second.stdout, first.stdout);
    let err = String::from_utf8_lossy(&second.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("attache: warning:") && err.contains("rebuilt"),
        "{err}"
    );
    let third = attache(&["export"], dir.path());
    assert!(third.stderr.is_empty(), "the rebuilt entries read back");
    assert_eq!(third.stdout, first.stdout);
}
