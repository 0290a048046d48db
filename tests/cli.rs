//! The command line as a user runs it: exports, errors and exit codes.

use crate::util::attache;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus")
}

fn seed_paths() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    v.sort();
    v
}

fn json_of(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn export_json_of_given_files_has_five_documents_and_true_spans() {
    let paths = seed_paths();
    let mut args = vec!["export", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let v = json_of(&attache(&args));
    assert_eq!(v["schema"], "attache/1");
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    let text_of = |id: &str| {
        let d = docs.iter().find(|d| d["id"] == id).unwrap();
        std::fs::read(d["path"].as_str().unwrap()).unwrap()
    };
    for e in v["events"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let file = text_of(m["doc"].as_str().unwrap());
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&file[s..t], m["text"].as_str().unwrap().as_bytes());
        }
    }
    for q in v["quotes"].as_array().unwrap() {
        let file = text_of(q["doc"].as_str().unwrap());
        let (s, t) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&file[s..t], q["text"].as_str().unwrap().as_bytes());
    }
}

#[test]
fn export_without_paths_uses_the_embedded_corpus() {
    let v = json_of(&attache(&["export", "--format", "json"]));
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    assert!(
        docs.iter()
            .all(|d| d["path"].as_str().unwrap().starts_with("assets/corpus/"))
    );
}

#[test]
fn binary_works_alone_in_an_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("attache");
    std::fs::copy(env!("CARGO_BIN_EXE_attache"), &copy).unwrap();
    let out = Command::new(&copy)
        .args(["export", "--format", "json"])
        .env("ATTACHE_CACHE_DIR", dir.path().join("cache"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    let v = json_of(&out);
    assert_eq!(v["documents"].as_array().unwrap().len(), 5);
}

#[test]
fn nonexistent_path_exits_2_with_one_line_naming_it() {
    let out = attache(&["export", "/nonexistent/attache-test"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "stderr: {err}");
    assert!(err.contains("/nonexistent/attache-test"));
}

#[test]
fn folder_with_good_binary_and_latin1_files_loads_two_and_warns_once_each() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a_good.txt"),
        "Ministers met in Geneva on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b_binary.txt"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c_latin1.txt"),
        b"Le minist\xe8re a parl\xe9 lundi.\n",
    )
    .unwrap();
    let out = attache(&["export", "--format", "json", dir.path().to_str().unwrap()]);
    let v = json_of(&out);
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("b_binary.txt").count(), 1, "stderr: {err}");
    assert_eq!(err.matches("c_latin1.txt").count(), 1, "stderr: {err}");
    assert!(err.contains("Latin-1"));
}

#[test]
fn front_matter_fills_metadata_and_body_is_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Leaders met on Monday.\n";
    std::fs::write(
        dir.path().join("a.md"),
        format!(
            "---\ntitle: Leaders meet\noutlet: Daily Planet\npublished: 2024-05-06\n---\n{body}"
        ),
    )
    .unwrap();
    let v = json_of(&attache(&["export", dir.path().to_str().unwrap()]));
    let d = &v["documents"][0];
    assert_eq!(d["title"], "Leaders meet");
    assert_eq!(d["outlet"], "Daily Planet");
    assert_eq!(d["published"]["date"], "2024-05-06");
    assert_eq!(d["published"]["source"], "metadata");
    assert_eq!(d["bytes"].as_u64().unwrap() as usize, body.len());
}

#[test]
fn dct_flag_sets_every_publication_date() {
    let v = json_of(&attache(&["export", "--dct", "2025-08-18"]));
    for d in v["documents"].as_array().unwrap() {
        assert_eq!(d["published"]["date"], "2025-08-18");
        assert_eq!(d["published"]["source"], "flag");
    }
}

#[test]
fn bad_dct_is_a_usage_error() {
    let out = attache(&["export", "--dct", "yesterday"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2025-08-18"));
}

#[test]
fn csv_and_markdown_and_jsonl_exports_work() {
    for format in ["csv", "md", "jsonl"] {
        let out = attache(&["export", "--format", format]);
        assert!(out.status.success(), "{format}");
        assert!(!out.stdout.is_empty(), "{format}");
    }
    let out = attache(&["export", "--format", "jsonl"]);
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["type"].is_string());
    }
}

/// `attache export … | head -c 50`: the reader leaves after 50 bytes.
fn export_into_a_closed_pipe(args: &[&str]) -> Output {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .env(
            "ATTACHE_CACHE_DIR",
            std::env::temp_dir().join("attache-test-cache"),
        )
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run attache");
    let mut head = [0u8; 50];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut head)
        .expect("50 bytes");
    child.wait_with_output().expect("attache ends")
}

#[test]
fn export_into_a_closed_pipe_exits_0_quietly_in_every_format() {
    // Enough articles that no export fits in the pipe's buffer before the reader leaves.
    let dir = tempfile::tempdir().expect("temp dir");
    for copy in 0..30 {
        for p in seed_paths() {
            let name = Path::new(&p)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            std::fs::copy(&p, dir.path().join(format!("{copy:02}_{name}"))).unwrap();
        }
    }
    let path = dir.path().to_string_lossy().into_owned();
    // (Quotes are not merged across copies: their CSV table grows with the corpus.)
    for format in [
        &["--format", "json"][..],
        &["--format", "jsonl"],
        &["--format", "csv", "--what", "quotes"],
        &["--format", "csv"],
        &["--format", "md"],
    ] {
        let args = [&["export"][..], format, &[path.as_str()]].concat();
        let out = export_into_a_closed_pipe(&args);
        assert_eq!(
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).as_ref()
            ),
            (Some(0), ""),
            "{format:?}"
        );
    }
    let out = export_into_a_closed_pipe(&["export"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn without_a_terminal_the_plain_timeline_is_printed() {
    // Test processes have no TTY on stdout: the TUI must not start, the timeline is text.
    let out = attache(&[]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert!(text.lines().count() >= 5, "{text}");
    assert!(text.lines().all(|l| !l.contains('\u{1b}')), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains(" past ") || l.contains(" planned "))
    );
}

#[test]
fn reported_speech_is_exported_apart_from_quotes_and_never_listed_in_quotation_marks() {
    let dir = std::env::temp_dir().join(format!("attache-reported-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a.txt");
    let text = "Ostia talks resume\n\nDonald Trump said on Friday that the talks would resume in May. “We are close,” Trump told reporters.\n";
    std::fs::write(&file, text).unwrap();
    let path = file.to_string_lossy().into_owned();
    let v = json_of(&attache(&[
        "export",
        "--no-cache",
        "--format",
        "json",
        &path,
    ]));
    let quotes = v["quotes"].as_array().unwrap();
    assert!(quotes.iter().all(|q| q["form"] == "direct"), "{quotes:#?}");
    let reported = v["reported"].as_array().unwrap();
    assert_eq!(reported.len(), 1, "{reported:#?}");
    let r = &reported[0];
    assert_eq!(r["form"], "reported");
    assert_eq!(r["speaker"], "Donald Trump");
    let (s, e) = (
        r["start"].as_u64().unwrap() as usize,
        r["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text.as_bytes()[s..e], b"the talks would resume in May");
    // Listed as a paraphrase: marked, and not between quotation marks.
    let out = attache(&["quotes", "--no-cache", "--form", "reported", &path]);
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains("(reported) said the talks would resume in May"),
        "{listed}"
    );
    assert!(!listed.contains('“') && !listed.contains('"'), "{listed}");
    let both = attache(&["quotes", "--no-cache", "--form", "both", &path]);
    assert_eq!(String::from_utf8_lossy(&both.stdout).lines().count(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_reversed_date_range_is_a_usage_error_saying_so() {
    for command in ["events", "brief"] {
        let out = attache(&[command, "--from", "2025-09", "--to", "2025-08"]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "attache: error: --from 2025-09 is after --to 2025-08: nothing can match; swap them\n"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn every_error_has_the_one_prefix() {
    let missing = seeds_dir().join("no-such-file.txt");
    let cases: Vec<Vec<&str>> = vec![
        vec!["export", missing.to_str().unwrap()],
        vec!["export", "--format", "xml"],
        vec!["events", "--from", "last spring"],
        vec!["events", "--kind", "party"],
        vec!["quotes", "--form", "both", "--format", "csv"],
        vec!["--no-such-flag"],
    ];
    for args in cases {
        let out = attache(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("attache: error: "), "{args:?}: {err}");
        assert!(!err.contains("\nerror:"), "{args:?}: {err}");
    }
}

#[test]
fn the_summary_only_note_is_printed_once_per_command_cold_or_warm() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = tempfile::tempdir().expect("cache dir");
    std::fs::write(
        dir.path().join("feed.rss"),
        r#"<rss version="2.0"><channel><title>Valley Times</title>
<item><title>Bridge opens</title><description>The bridge opened on Tuesday, Mayor Ann Lee said.</description></item>
<item><title>Rain</title><description>Rain is expected on Friday.</description></item>
</channel></rss>"#,
    )
    .unwrap();
    let path = dir.path().to_string_lossy().into_owned();
    for args in [
        vec!["export", path.as_str()],
        vec!["export", path.as_str()],
        vec!["events", path.as_str()],
        vec!["brief", path.as_str()],
        vec!["quotes", "--form", "both", path.as_str()],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_attache"))
            .args(&args)
            .env("ATTACHE_CACHE_DIR", cache.path())
            .env("ATTACHE_HOME", dir.path().join("home"))
            .output()
            .expect("run attache");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            err.matches("2 of 2 items carry only a summary").count(),
            1,
            "{args:?}: {err}"
        );
    }
}

/// The map and reduce steps: the bundled corpus plus invented articles, extracted in four shards
/// (the seeds split across them, so each shard infers its own publication dates) and merged in
/// another order — one from stdin — give the export of one process byte for byte.
#[test]
fn four_shards_merged_equal_one_process() {
    let dir = std::env::temp_dir().join(format!("attache-shards-{}", std::process::id()));
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(corpus.join("sub")).unwrap();
    for p in seed_paths() {
        let name = Path::new(&p).file_name().unwrap().to_owned();
        std::fs::copy(&p, corpus.join(name)).unwrap();
    }
    std::fs::write(
        corpus.join("sub/holt.md"),
        "---\npublished: 2031-03-14\n---\nPort talks resume\n\nUnion leader Jane Holt met the \
         transport minister on Thursday, two days after the walkout. \"We are close,\" Holt said.",
    )
    .unwrap();
    std::fs::write(
        corpus.join("wire.txt"),
        "Harbour talks end\nLISBON, March 14 (Newswire) - Port officials met on Monday, a week \
         after the March 3, 2031 walkout.",
    )
    .unwrap();
    let mut files: Vec<String> = Vec::new();
    for entry in walk(&corpus) {
        files.push(entry.to_string_lossy().into_owned());
    }
    files.sort();
    assert_eq!(files.len(), 7);
    let corpus_arg = corpus.to_string_lossy().into_owned();
    let one = attache(&["export", "--no-cache", "--format", "json", &corpus_arg]);
    assert!(one.status.success());
    // Shard k holds every fourth file from k.
    let mut shards = Vec::new();
    for k in 0..4 {
        let mut args = vec!["extract"];
        args.extend(files.iter().skip(k).step_by(4).map(String::as_str));
        let out = attache(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = dir.join(format!("shard-{k}.jsonl"));
        std::fs::write(&path, &out.stdout).unwrap();
        shards.push(path);
    }
    let store = dir.join("archive.timeline");
    let mut merge = Command::new(env!("CARGO_BIN_EXE_attache"));
    merge
        .arg("merge")
        .args([&shards[3], &shards[1]])
        .arg("-")
        .arg(&shards[0])
        .arg("--out")
        .arg(&store)
        .stdin(std::fs::File::open(&shards[2]).unwrap());
    let merged = merge.output().unwrap();
    assert!(
        merged.status.success(),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    let reopened = attache(&[
        "export",
        "--no-cache",
        "--format",
        "json",
        &store.to_string_lossy(),
    ]);
    assert!(reopened.status.success());
    assert!(
        one.stdout == reopened.stdout,
        "the merged shards differ from one process"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Files under `dir`, recursively.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn merge_refuses_what_is_not_an_extraction_record() {
    let dir = std::env::temp_dir().join(format!("attache-badrec-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, "{\"text\": \"not a record\"}\n").unwrap();
    let out = attache(&[
        "merge",
        &bad.to_string_lossy(),
        "--out",
        &dir.join("t.timeline").to_string_lossy(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 1") && err.contains("attache extract"),
        "{err}"
    );
    assert!(!dir.join("t.timeline").exists());
    std::fs::remove_dir_all(&dir).ok();
}

/// `attache extract -` reads JSON Lines documents on stdin; a record's `path` (else its `url`)
/// names its document, and a line that is not JSON is a warning, not the end.
#[test]
fn extract_reads_json_lines_documents_on_stdin() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["extract", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let input = concat!(
        r#"{"path": "wire/a.txt", "text": "Jane Holt met the minister in Lisbon on Thursday.", "published": "2031-03-14", "outlet": "Newswire"}"#,
        "\n",
        r#"{"url": "https://example.org/b", "text": "Port officials met in Porto on Monday."}"#,
        "\nnot json\n"
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let records: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["attache_extract"], 1);
    assert_eq!(records[0]["document"]["path"], "wire/a.txt");
    assert_eq!(records[0]["document"]["published"]["date"], "2031-03-14");
    assert_eq!(records[1]["document"]["path"], "https://example.org/b");
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 3"));
}

/// The Spark example (`examples/spark/extract_job.py`) in Spark's local mode gives the timeline
/// of one process. Skipped unless `ATTACHE_SPARK_TEST=1`: it needs pyspark and a Java runtime.
#[test]
fn the_spark_job_gives_the_timeline_of_one_process() {
    if std::env::var_os("ATTACHE_SPARK_TEST").is_none() {
        eprintln!(
            "skipped: set ATTACHE_SPARK_TEST=1 to run (needs `pip install pyspark` and Java 17+)"
        );
        return;
    }
    let dir = std::env::temp_dir().join(format!("attache-spark-{}", std::process::id()));
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for p in seed_paths() {
        let name = Path::new(&p).file_name().unwrap().to_owned();
        std::fs::copy(&p, corpus.join(name)).unwrap();
    }
    std::fs::write(
        corpus.join("wire.txt"),
        "Harbour talks end\nLISBON, March 14 (Newswire) - Port officials met on Monday.",
    )
    .unwrap();
    let corpus_arg = corpus.to_string_lossy().into_owned();
    let one = attache(&["export", "--no-cache", "--format", "json", &corpus_arg]);
    assert!(one.status.success());
    let records = dir.join("records");
    let job = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/spark/extract_job.py"))
        .arg(&corpus)
        .arg(&records)
        .args([
            "--attache",
            env!("CARGO_BIN_EXE_attache"),
            "--partitions",
            "3",
        ])
        .output()
        .expect("run python3");
    assert!(
        job.status.success(),
        "{}",
        String::from_utf8_lossy(&job.stderr)
    );
    let store = dir.join("archive.timeline");
    let merged = attache(&[
        "merge",
        &records.to_string_lossy(),
        "--out",
        &store.to_string_lossy(),
    ]);
    assert!(
        merged.status.success(),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    let reopened = attache(&["export", "--format", "json", &store.to_string_lossy()]);
    assert!(
        one.stdout == reopened.stdout,
        "the Spark job's timeline differs from one process"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn timings_and_debugging_output_are_printed_only_when_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "Ministers met in Vienna on Friday.\n").expect("write");
    let path = file.to_string_lossy().to_string();
    let quiet = attache(&["events", "--no-cache", &path]);
    assert!(quiet.status.success());
    assert!(
        !String::from_utf8_lossy(&quiet.stderr).contains("attache: timing"),
        "no timings unless asked"
    );
    let timed = crate::util::attache_command()
        .env("ATTACHE_TIMINGS", "1")
        .args(["events", "--no-cache", &path])
        .output()
        .expect("run attache");
    let err = String::from_utf8_lossy(&timed.stderr);
    for phase in ["grouping", "statements", "linking quotes", "pub: clues"] {
        assert!(
            err.contains(&format!("attache: timing: merge: {phase}: ")),
            "phase {phase} timed in:\n{err}"
        );
    }
    let debugged = crate::util::attache_command()
        .env("ATTACHE_DEBUG_EVENTS", "1")
        .args(["events", "--no-cache", &path])
        .output()
        .expect("run attache");
    let err = String::from_utf8_lossy(&debugged.stderr);
    assert!(err.contains("draft \"met\""), "drafts printed:\n{err}");
    assert!(
        !err.contains("attache: timing"),
        "only what was asked:\n{err}"
    );
}
