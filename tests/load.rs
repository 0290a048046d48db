//! Loading as the user sees it: which files are read, in which order, what they are read as, and
//! what the command line says about the ones it cannot read.

use attache::corpus::{self, LoadOptions};
use attache::model::DateSource;
use std::fs;
use std::path::Path;
use std::process::Output;

const GOOD: &str = "Minister Jane Holt met union leaders on Monday.\n";

fn attache(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = crate::util::attache_command();
    cmd.args(args).env_remove("ATTACHE_MAX_BYTES");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run attache")
}

fn stderr_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(String::from)
        .collect()
}

fn load(paths: &[&Path]) -> corpus::Loaded {
    corpus::load(paths, &LoadOptions::default())
}

#[test]
fn no_paths_loads_the_embedded_corpus() {
    let loaded = corpus::load(&[] as &[&Path], &LoadOptions::default());
    assert_eq!(loaded.documents.len(), corpus::EMBEDDED.len());
    assert!(loaded.warnings.is_empty());
}

#[test]
fn a_folder_walk_skips_hidden_entries_and_other_extensions() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("a.txt"), GOOD).expect("write");
    fs::write(dir.path().join(".hidden.txt"), GOOD).expect("write");
    fs::create_dir(dir.path().join(".git")).expect("mkdir");
    fs::write(dir.path().join(".git/b.txt"), GOOD).expect("write");
    fs::write(dir.path().join("photo.jpg"), [0xFF, 0xD8, 0xFF]).expect("write");
    fs::write(dir.path().join("notes.pdf"), "%PDF-1.7").expect("write");
    let loaded = load(&[dir.path()]);
    assert_eq!(loaded.documents.len(), 1);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn a_file_named_twice_or_through_a_link_loads_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.txt");
    fs::write(&a, GOOD).expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&a, dir.path().join("link.txt")).expect("link");
    let loaded = load(&[&a, dir.path(), &a]);
    assert_eq!(loaded.documents.len(), 1);
}

#[test]
fn a_named_file_with_an_unknown_extension_is_read_by_its_content() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("saved_page");
    fs::write(
        &page,
        "<!DOCTYPE html><html><head><meta property=\"og:site_name\" content=\"Coast Daily\">\
         <meta property=\"article:published_time\" content=\"2024-06-03\"></head>\
         <body><article><p>Three provinces will limit water use from Monday, officials said, as \
         reservoirs fell to their lowest level in a decade.</p></article></body></html>",
    )
    .expect("write");
    let loaded = load(&[&page]);
    let d = &loaded.documents[0];
    assert_eq!(d.outlet.as_deref(), Some("Coast Daily"));
    assert!(d.text.starts_with("Three provinces"), "{}", d.text);
    assert!(!d.text.contains('<'));
}

#[test]
fn front_matter_date_gives_metadata_and_a_bad_one_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("a.md"),
        format!("---\ntitle: Talks\npublished: 2024-05-06\n---\n{GOOD}"),
    )
    .expect("write");
    fs::write(
        dir.path().join("b.md"),
        format!("---\ntitle: Talks\npublished: the other day\n---\n{GOOD}"),
    )
    .expect("write");
    let loaded = load(&[dir.path()]);
    let [a, b] = &loaded.documents[..] else {
        panic!("two documents: {:?}", loaded.warnings)
    };
    assert_eq!(a.published.source, DateSource::Metadata);
    assert_eq!(a.text, GOOD);
    assert_eq!(b.published.source, DateSource::Unknown);
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0]
            .message
            .contains("`the other day` not understood")
    );
}

#[test]
fn cli_prints_one_warning_line_per_bad_file_and_exits_0() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("good.txt"), GOOD).expect("write");
    fs::write(dir.path().join("empty.txt"), "").expect("write");
    fs::write(dir.path().join("bin.txt"), b"\0\x01\x02\x03ELF").expect("write");
    fs::write(dir.path().join("bad.json"), "{\"articles\": [").expect("write");
    let out = attache(&["docs", &dir.path().to_string_lossy()], &[]);
    assert!(out.status.success());
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines.iter().all(|l| l.starts_with("attache: warning: ")));
    for name in ["empty.txt", "bin.txt", "bad.json"] {
        assert!(
            lines.iter().any(|l| l.contains(name)),
            "{name} not named: {lines:?}"
        );
    }
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn cli_refuses_a_corpus_over_max_bytes_with_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("a.txt"), GOOD.repeat(50)).expect("write");
    let path = dir.path().to_string_lossy().into_owned();
    for (args, env) in [
        (vec!["docs", "--max-bytes", "1K", path.as_str()], vec![]),
        (
            vec!["docs", path.as_str()],
            vec![("ATTACHE_MAX_BYTES", "1000")],
        ),
    ] {
        let out = attache(&args, &env);
        assert_eq!(out.status.code(), Some(2), "{args:?} {env:?}");
        let lines = stderr_lines(&out);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].starts_with("attache: error: "));
        assert!(lines[0].contains("over the 1.0 KB cap"), "{}", lines[0]);
    }
    let out = attache(&["docs", "--max-bytes", "lots", &path], &[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn completions_and_man_page_are_generated() {
    for (shell, marker) in [
        ("bash", "_attache()"),
        ("zsh", "#compdef attache"),
        ("fish", "complete -c attache"),
    ] {
        let out = attache(&["completions", shell], &[]);
        assert!(out.status.success());
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(script.contains(marker), "{shell}");
        assert!(script.contains("brief"), "{shell} completion knows `brief`");
    }
    let man = attache(&["man"], &[]);
    assert!(man.status.success());
    let page = String::from_utf8_lossy(&man.stdout);
    assert!(page.contains(".TH attache 1"));
    assert!(page.contains("max\\-bytes"));
}
