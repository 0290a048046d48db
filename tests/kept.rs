//! Kept state as a user meets it through the real binary: bookmarks survive a kill in the middle
//! of a write, a corrupt file is moved aside with a warning, bookmarks and notes come back after
//! a restart and show in the exports and the brief. Every run keeps its files in a temporary
//! ATTACHE_HOME, never the real home.
#![cfg(unix)]

use crate::pty_session::Session;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn attache(home: &Path) -> Command {
    let mut c = crate::util::attache_command();
    c.env("ATTACHE_HOME", home)
        .env_remove("ATTACHE_CONFIG_DIR")
        .env_remove("ATTACHE_DATA_DIR");
    c
}

fn run(home: &Path, args: &[&str]) -> Output {
    attache(home).args(args).output().expect("run attache")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn read_json(path: &Path) -> Value {
    let bytes = std::fs::read(path).expect("the file exists");
    serde_json::from_slice(&bytes).expect("the file parses")
}

fn corrupt_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".corrupt-"))
        .collect()
}

#[test]
fn a_kill_while_bookmarks_are_written_leaves_the_previous_file_whole() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("bookmarks.json");
    // Many other bookmarks make each write long enough to be caught in the middle.
    let mut events = serde_json::Map::new();
    for i in 0..20_000 {
        events.insert(
            format!("e:meeting:2025-08-{:02}:{i:016x}:0-{i}", i % 28 + 1),
            serde_json::json!({"bookmarked": true, "note": "x".repeat(40), "title": format!("Talks {i}")}),
        );
    }
    let seed = serde_json::json!({"version": 1, "events": events, "quotes": {}});
    std::fs::write(&file, serde_json::to_vec_pretty(&seed).unwrap()).unwrap();

    let started = Instant::now();
    let first = run(home.path(), &["bookmark", "add", "e1"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let whole_run = started.elapsed();
    let after_add = read_json(&file);
    assert_eq!(after_add["events"].as_object().unwrap().len(), 20_001);

    // Each try waits for the first sign of a write (a new file beside bookmarks.json, or
    // bookmarks.json itself changing), then kills at a different moment after it: while the new
    // text is written, while it is flushed, around the rename.
    let extra_us = [0u64, 50, 150, 300, 600, 1000, 2000, 4000];
    let tries = 16;
    let mut killed_writing = 0;
    for i in 0..tries {
        let verb = if i % 2 == 0 { "remove" } else { "add" };
        let before = std::fs::metadata(&file).unwrap();
        let mut child = attache(home.path())
            .args(["bookmark", verb, "e1"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + whole_run * 3;
        let mut writing = false;
        while Instant::now() < deadline && child.try_wait().unwrap().is_none() {
            let others = std::fs::read_dir(home.path()).unwrap().count() > 1;
            let changed = std::fs::metadata(&file).is_ok_and(|m| {
                m.len() != before.len() || m.modified().ok() != before.modified().ok()
            });
            if others || changed {
                writing = true;
                break;
            }
            std::thread::sleep(Duration::from_micros(20));
        }
        std::thread::sleep(Duration::from_micros(extra_us[i % extra_us.len()]));
        if writing && child.try_wait().unwrap().is_none() {
            killed_writing += 1;
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let v = read_json(&file);
        assert_eq!(v["version"], 1, "try {i}");
        let n = v["events"].as_object().unwrap().len();
        assert!(
            n == 20_000 || n == 20_001,
            "try {i}: {n} events: the file lost bookmarks"
        );
        assert!(
            v["events"]
                .as_object()
                .unwrap()
                .contains_key("e:meeting:2025-08-01:0000000000000000:0-0")
        );
    }
    assert!(
        killed_writing >= tries / 2,
        "only {killed_writing} of {tries} kills hit a process while it wrote"
    );
    assert!(corrupt_files(home.path()).is_empty());
    // And the next run reads it as usual.
    let list = run(home.path(), &["bookmark", "list"]);
    assert!(list.status.success());
    assert!(stderr(&list).is_empty(), "{}", stderr(&list));
}

#[test]
fn a_corrupt_bookmarks_file_is_moved_aside_with_a_warning_and_attache_goes_on() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("bookmarks.json");
    std::fs::write(&file, "{\"version\": 1, \"events\": {").unwrap();
    let out = run(home.path(), &["bookmark", "add", "e2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let warning = stderr(&out);
    assert_eq!(warning.lines().count(), 1, "{warning}");
    assert!(
        warning.starts_with("attache: warning: ") && warning.contains("moved it to"),
        "{warning}"
    );
    let aside = corrupt_files(home.path());
    assert_eq!(aside.len(), 1);
    assert!(aside[0].starts_with("bookmarks.json.corrupt-"));
    assert_eq!(
        std::fs::read_to_string(home.path().join(&aside[0])).unwrap(),
        "{\"version\": 1, \"events\": {"
    );
    // The new file holds the new bookmark.
    assert_eq!(read_json(&file)["events"].as_object().unwrap().len(), 1);
}

#[test]
fn a_file_of_an_unknown_version_is_kept_aside_and_the_tui_still_starts() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join("places.json"),
        "{\"version\": 9, \"corpora\": {}}",
    )
    .unwrap();
    let home_str = home.path().to_str().unwrap();
    let mut s = Session::start_with(&[], &[("ATTACHE_HOME", home_str)]);
    s.wait_for("the timeline with the warning", |c| {
        c.contains("1 Timeline") && c.contains("warning: ") && c.contains("version 9")
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert_eq!(corrupt_files(home.path()).len(), 1);
    // Quitting wrote a fresh places file.
    assert_eq!(read_json(&home.path().join("places.json"))["version"], 1);
}

#[test]
fn bookmarks_and_the_last_view_survive_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let home_str = home.path().to_str().unwrap();
    let mut s = Session::start_with(&[], &[("ATTACHE_HOME", home_str)]);
    s.wait_for("the timeline", |c| c.contains("1 Timeline"));
    assert!(!s.contents().contains('★'));
    s.send("j");
    s.send("b");
    s.wait_for("the bookmark", |c| {
        c.contains("event bookmarked") && c.contains('★')
    });
    s.send("N");
    s.send("ask the desk");
    s.send("\r");
    s.wait_for("the note", |c| c.contains("note saved"));
    s.send("2");
    s.send("j");
    s.send("j");
    s.send("b");
    s.wait_for("the quote bookmark", |c| c.contains("quote bookmarked"));
    let quotes_screen = s.contents();
    s.send("q");
    assert_eq!(s.wait_exit(), 0);

    let mut s = Session::start_with(&[], &[("ATTACHE_HOME", home_str)]);
    s.wait_for("the quotes view again", |c| {
        // The demo articles report speech too: the Quotes view counts "statements".
        c.contains("/60 quotes") || c.contains("quotes ·") || c.contains("statements ·")
    });
    let again = s.contents();
    // The same rows of the quotes list, with the same one selected and marked.
    let rows = |screen: &str| -> Vec<String> {
        screen.lines().skip(1).take(8).map(str::to_string).collect()
    };
    assert_eq!(rows(&again), rows(&quotes_screen), "{again}");
    assert!(again.contains('★'));
    s.send("1");
    s.wait_for("the marked event", |c| {
        c.contains("★✎") && c.contains("ask the desk")
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);

    // The exports and the brief show them too.
    let export = run(home.path(), &["export"]);
    let v: Value = serde_json::from_slice(&export.stdout).unwrap();
    let marked: Vec<&Value> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e.get("bookmarked").is_some())
        .collect();
    assert_eq!(marked.len(), 1);
    assert_eq!(marked[0]["note"], "ask the desk");
    let quotes = v["quotes"].as_array().unwrap();
    assert_eq!(quotes.iter().filter(|q| q["bookmarked"] == true).count(), 1);
    assert!(quotes.iter().all(|q| q.get("note").is_none()));
    let brief = stdout(&run(home.path(), &["brief"]));
    assert!(brief.contains("- ★ **"), "{brief}");
    assert!(brief.contains("  - Note: ask the desk"), "{brief}");
}

#[test]
fn exports_without_kept_state_have_no_new_fields() {
    let home = tempfile::tempdir().unwrap();
    let v: Value = serde_json::from_slice(&run(home.path(), &["export"]).stdout).unwrap();
    for item in v["events"]
        .as_array()
        .unwrap()
        .iter()
        .chain(v["quotes"].as_array().unwrap())
    {
        assert!(item.get("bookmarked").is_none() && item.get("note").is_none());
    }
    // Reading exports writes nothing.
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0);
}

#[test]
fn an_unknown_id_is_a_usage_error() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["bookmark", "add", "e999"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no event or quote `e999`"));
    assert!(!home.path().join("bookmarks.json").exists());
}

#[test]
fn bookmarks_and_notes_are_in_every_export_format() {
    let home = tempfile::tempdir().unwrap();
    assert!(
        run(home.path(), &["bookmark", "add", "e1"])
            .status
            .success()
    );
    assert!(
        run(home.path(), &["bookmark", "add", "d1-q1"])
            .status
            .success()
    );
    // A note on the bookmarked event, as the TUI's `n` writes it.
    let file = home.path().join("bookmarks.json");
    let mut kept = read_json(&file);
    for (_, e) in kept["events"].as_object_mut().unwrap().iter_mut() {
        e["note"] = Value::String("ask the desk".into());
    }
    std::fs::write(&file, serde_json::to_vec(&kept).unwrap()).unwrap();

    let jsonl = stdout(&run(home.path(), &["export", "--format", "jsonl"]));
    let lines: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let e1 = lines
        .iter()
        .find(|v| v["type"] == "event" && v["id"] == "e1")
        .unwrap();
    assert_eq!(
        (&e1["bookmarked"], &e1["note"]),
        (&Value::Bool(true), &Value::from("ask the desk"))
    );
    let q1 = lines
        .iter()
        .find(|v| v["type"] == "quote" && v["id"] == "d1-q1")
        .unwrap();
    assert_eq!(q1["bookmarked"], true);
    assert_eq!(
        lines
            .iter()
            .filter(|v| v.get("bookmarked").is_some())
            .count(),
        2
    );

    let csv = stdout(&run(home.path(), &["export", "--format", "csv"]));
    let mut rows = csv.lines();
    assert!(rows.next().unwrap().ends_with(",bookmarked,note"), "{csv}");
    let e1_row = rows.find(|r| r.starts_with("e1,")).unwrap();
    assert!(e1_row.ends_with(",true,ask the desk"), "{e1_row}");

    let quotes_csv = stdout(&run(
        home.path(),
        &["export", "--format", "csv", "--what", "quotes"],
    ));
    let mut rows = quotes_csv.lines();
    assert!(
        rows.next().unwrap().starts_with("id,speaker,text,"),
        "{quotes_csv}"
    );
    assert!(
        rows.next().unwrap().starts_with("d1-q1,")
            && quotes_csv.lines().nth(1).unwrap().ends_with(",true")
    );
    assert_eq!(quotes_csv.matches(",true\n").count(), 1, "{quotes_csv}");

    let md = stdout(&run(home.path(), &["export", "--format", "md"]));
    assert!(md.contains("- ★ **"), "{md}");
    assert!(md.contains("  - Note: ask the desk"), "{md}");
    assert_eq!(md.matches('★').count(), 2, "{md}");

    let bad = run(
        home.path(),
        &["export", "--format", "json", "--what", "quotes"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).starts_with("attache: error: --what"),
        "{}",
        stderr(&bad)
    );
}

/// Every folder and file under `dir` that group or others may use, with its mode.
fn open_to_others(dir: &Path) -> Vec<(String, u32)> {
    use std::os::unix::fs::PermissionsExt;
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        let meta = std::fs::symlink_metadata(&p).unwrap();
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            found.push((p.display().to_string(), mode));
        }
        if meta.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        }
    }
    found
}

#[test]
fn under_umask_022_attaches_folders_and_files_stay_private() {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: umask only sets this process's file mode mask; 022 is the usual one and other
    // tests do not depend on it.
    unsafe { libc::umask(0o022) };
    let top = tempfile::tempdir().unwrap();
    let home = top.path().join("home");
    let cache = home.join("cache");
    let cache_str = cache.to_str().unwrap().to_string();
    let home_str = home.to_str().unwrap().to_string();
    let run_private = |args: &[&str]| {
        attache(&home)
            .env("ATTACHE_CACHE_DIR", &cache_str)
            .args(args)
            .output()
            .expect("run attache")
    };

    // A session: the cache, a bookmark, a note and the last place, from the CLI and the TUI.
    assert!(run_private(&["bookmark", "add", "e1"]).status.success());
    let mut s = Session::start_with(
        &[],
        &[
            ("ATTACHE_HOME", &home_str),
            ("ATTACHE_CACHE_DIR", &cache_str),
        ],
    );
    s.wait_for("the timeline", |c| c.contains("1 Timeline"));
    s.send("N");
    s.send("ask the desk");
    s.send("\r");
    s.wait_for("the note", |c| c.contains("note saved"));
    s.send("/trump\r");
    s.send(":save mine\r");
    s.wait_for("saved", |c| c.contains("saved as"));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    for file in ["bookmarks.json", "filters.json", "places.json"] {
        assert!(home.join(file).exists(), "{file}");
    }
    assert!(cache.join("v3").exists() || std::fs::read_dir(&cache).unwrap().count() > 0);
    assert_eq!(open_to_others(&home), vec![], "nothing readable by others");

    // Folders an older attache left open are tightened on the first write.
    for dir in [&home, &cache] {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    std::fs::set_permissions(
        home.join("places.json"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    std::fs::write(home.join("notes-of-mine.txt"), "not attache's").unwrap();
    assert!(run_private(&["bookmark", "add", "e2"]).status.success());
    let _ = std::fs::remove_dir_all(&cache);
    assert!(run_private(&["export"]).status.success());
    let open = open_to_others(&home);
    assert_eq!(
        open,
        vec![(home.join("notes-of-mine.txt").display().to_string(), 0o644)],
        "only the user's own file is left as it was"
    );
}

/// The place (view, selection, filters) is written soon after each change, so a dropped SSH link
/// (SIGHUP), SIGTERM, or even SIGKILL once the user paused, loses nothing.
#[test]
fn the_place_survives_sighup_sigterm_and_a_kill_after_a_pause() {
    for sig in [libc::SIGHUP, libc::SIGTERM, libc::SIGKILL] {
        let home = tempfile::tempdir().unwrap();
        let home_str = home.path().to_str().unwrap();
        let mut s = Session::start_with(&[], &[("ATTACHE_HOME", home_str)]);
        s.wait_for("the timeline", |c| c.contains("1 Timeline"));
        s.send("2");
        s.send("/trump\r");
        s.wait_for("the filter", |c| c.contains("/trump"));
        // A pause, as a user reading the screen makes.
        let places = home.path().join("places.json");
        let deadline = Instant::now() + Duration::from_secs(5);
        while sig == libc::SIGKILL && !places.exists() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        let pid = s.child.process_id().expect("a pid") as libc::pid_t;
        // SAFETY: kill only sends a signal to our own child.
        assert_eq!(unsafe { libc::kill(pid, sig) }, 0);
        let code = s.wait_exit();
        assert!(
            places.exists(),
            "signal {sig}: exit {code}: {}",
            s.contents()
        );
        let v = read_json(&places);
        let place = v["corpora"]
            .as_object()
            .and_then(|m| m.values().next())
            .unwrap_or_else(|| panic!("signal {sig}: {v}"));
        assert_eq!(place["view"], "quotes", "signal {sig}: {v}");
        assert!(v.to_string().contains("trump"), "signal {sig}: {v}");
    }
}
