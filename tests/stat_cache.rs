//! Reopening a folder from file metadata alone: an unchanged folder is not read again, and every
//! kind of change (an edit that keeps the size and the modification time, a touch, a file added,
//! a file removed) reads the files again and re-extracts exactly what changed, giving the same
//! timeline as a run without the cache.

use attache::cache::Cache;
use attache::corpus::LoadOptions;
use attache::export::{self, Format};
use attache::pipeline::{Opened, open};
use attache::progress::Progress;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Longer than the window in which a file's times are too fresh to vouch for it.
const SETTLE: Duration = Duration::from_millis(2100);

fn article(n: usize, word: &str) -> String {
    format!(
        "---\ntitle: Port talks {n}\noutlet: The Courier {n}\npublished: 2024-03-{day:02}\n---\n\
         Port talks {n}\n\n\
         Minister Jane Holt met union leader Tom Arlo in Dunmere on Tuesday, a week after \
         the strike began. “We will {word} talking until the port reopens,” Holt said.\n\n\
         Arlo said the talks would resume on Friday.\n",
        day = n + 1
    )
}

/// A folder of `n` articles whose times lie an hour back.
fn folder(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        write_old(&dir.path().join(format!("a{i}.txt")), &article(i, "keep"));
    }
    dir
}

fn an_hour_ago() -> SystemTime {
    SystemTime::now() - Duration::from_secs(3600)
}

fn write_old(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(an_hour_ago()).unwrap();
}

fn opened(dir: &Path, cache: Option<&Cache>) -> Opened {
    open(
        &[dir.to_path_buf()],
        &LoadOptions::default(),
        cache,
        &Progress::default(),
    )
}

fn json(o: &Opened) -> String {
    let mut out = Vec::new();
    let built = o.built.as_ref().expect("a timeline");
    export::write(&built.timeline, Format::Json, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// A cache holding `dir` as it is now, settled so that its files' times vouch for them.
fn warmed(dir: &Path) -> (tempfile::TempDir, Cache) {
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(cache_dir.path());
    std::thread::sleep(SETTLE);
    let first = opened(dir, Some(&cache));
    assert!(!first.built.unwrap().files_unread);
    (cache_dir, cache)
}

#[test]
fn an_unchanged_folder_reopens_from_metadata_alone_with_the_same_timeline() {
    let dir = folder(3);
    let (_keep, cache) = warmed(dir.path());
    let again = opened(dir.path(), Some(&cache));
    let built = again.built.as_ref().unwrap();
    assert!(built.files_unread, "no file was read");
    assert_eq!(built.extracted, 0);
    assert_eq!(json(&again), json(&opened(dir.path(), None)));
    assert_eq!(cache.broken(), 0);
}

#[test]
fn an_edit_that_keeps_size_and_modification_time_is_read_and_extracted_again() {
    let dir = folder(3);
    let (_keep, cache) = warmed(dir.path());
    // "keep" and "stop" have the same length; the old modification time is put back.
    write_old(&dir.path().join("a1.txt"), &article(1, "stop"));
    let changed = opened(dir.path(), Some(&cache));
    let built = changed.built.as_ref().unwrap();
    assert!(!built.files_unread);
    assert!(!built.timeline_reused);
    assert_eq!((built.extracted, built.reused), (1, 2));
    let fresh = opened(dir.path(), None);
    assert_eq!(json(&changed), json(&fresh));
    assert!(json(&changed).contains("We will stop talking"));
}

#[test]
fn a_touched_file_is_read_again_but_nothing_is_extracted_and_then_it_is_trusted() {
    let dir = folder(3);
    let (_keep, cache) = warmed(dir.path());
    let file = fs::File::options()
        .write(true)
        .open(dir.path().join("a2.txt"))
        .unwrap();
    file.set_modified(an_hour_ago() + Duration::from_secs(60))
        .unwrap();
    drop(file);
    std::thread::sleep(SETTLE);
    let touched = opened(dir.path(), Some(&cache));
    let built = touched.built.as_ref().unwrap();
    assert!(!built.files_unread);
    assert!(built.timeline_reused, "same texts: the timeline is reused");
    assert_eq!(built.extracted, 0);
    let settled = opened(dir.path(), Some(&cache));
    assert!(settled.built.as_ref().unwrap().files_unread);
    assert_eq!(json(&settled), json(&opened(dir.path(), None)));
}

#[test]
fn a_file_added_or_removed_is_noticed_and_only_the_new_one_is_extracted() {
    let dir = folder(3);
    let (_keep, cache) = warmed(dir.path());
    write_old(&dir.path().join("a3.txt"), &article(3, "keep"));
    let grown = opened(dir.path(), Some(&cache));
    let built = grown.built.as_ref().unwrap();
    assert!(!built.files_unread);
    assert_eq!((built.extracted, built.reused), (1, 3));
    assert_eq!(json(&grown), json(&opened(dir.path(), None)));
    fs::remove_file(dir.path().join("a0.txt")).unwrap();
    let shrunk = opened(dir.path(), Some(&cache));
    let built = shrunk.built.as_ref().unwrap();
    assert!(!built.files_unread);
    assert_eq!((built.extracted, built.reused), (0, 3));
    assert_eq!(json(&shrunk), json(&opened(dir.path(), None)));
    assert!(!json(&shrunk).contains("Port talks 0"));
}

#[test]
fn a_fresh_file_is_not_trusted_from_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), article(0, "keep")).unwrap();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(cache_dir.path());
    opened(dir.path(), Some(&cache));
    let again = opened(dir.path(), Some(&cache));
    let built = again.built.as_ref().unwrap();
    assert!(!built.files_unread, "written just now: read again");
    assert!(built.timeline_reused);
}

fn entries(root: &Path, kind: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for version in fs::read_dir(root).unwrap().flatten() {
        if let Ok(files) = fs::read_dir(version.path().join(kind)) {
            found.extend(files.flatten().map(|f| f.path()));
        }
    }
    found
}

#[test]
fn a_damaged_stat_index_or_timeline_is_ignored_once_and_rebuilt() {
    let dir = folder(2);
    for (kind, damage) in [("stat", b"garbage".as_slice()), ("timeline", b"")] {
        let (cache_dir, cache) = warmed(dir.path());
        let wanted = json(&opened(dir.path(), None));
        let targets = entries(cache_dir.path(), kind);
        assert_eq!(targets.len(), 1, "{kind}");
        fs::write(&targets[0], damage).unwrap();
        let damaged = opened(dir.path(), Some(&cache));
        assert!(!damaged.built.as_ref().unwrap().files_unread, "{kind}");
        assert_eq!(json(&damaged), wanted, "{kind}");
        assert_eq!(cache.broken(), 1, "{kind}");
        assert!(cache.warning().unwrap().contains("rebuilt"), "{kind}");
        let fresh = Cache::at(cache_dir.path());
        let rebuilt = opened(dir.path(), Some(&fresh));
        assert!(rebuilt.built.as_ref().unwrap().files_unread, "{kind}");
        assert_eq!(json(&rebuilt), wanted, "{kind}");
        assert_eq!(fresh.broken(), 0, "{kind}");
    }
}

#[test]
fn no_cache_on_a_folder_neither_reads_nor_writes_the_cache() {
    let dir = folder(2);
    let cache_dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["events", "--no-cache"])
        .arg(dir.path())
        .env("ATTACHE_CACHE_DIR", cache_dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(fs::read_dir(cache_dir.path()).unwrap().next().is_none());
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for e in fs::read_dir(dir).into_iter().flatten().flatten() {
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
fn a_folder_whose_whole_cache_is_damaged_loads_the_same_with_one_warning_line() {
    let dir = folder(3);
    let cache_dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_attache"))
            .args(["export", "--format", "json"])
            .arg(dir.path())
            .env("ATTACHE_CACHE_DIR", cache_dir.path())
            .env("ATTACHE_HOME", home.path())
            .output()
            .unwrap()
    };
    std::thread::sleep(SETTLE);
    let first = run();
    assert!(first.status.success());
    assert!(first.stderr.is_empty());
    let entries = files_under(cache_dir.path());
    assert!(entries.iter().any(|p| p.to_string_lossy().contains("stat")));
    for f in &entries {
        fs::write(f, b"damaged").unwrap();
    }
    let second = run();
    assert!(second.status.success());
    assert_eq!(second.stdout, first.stdout);
    let err = String::from_utf8_lossy(&second.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("rebuilt"), "{err}");
    let third = run();
    assert_eq!(third.stdout, first.stdout);
    assert!(third.stderr.is_empty());
}
