//! Whatever an analyst saved: each bad file gives one clear warning naming it (or loads), never a
//! panic or a hang, and the rest of the corpus still loads. Files are made in temp folders.

use attache::corpus::{self, LoadOptions, Loaded};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;
use tempfile::TempDir;

const GOOD: &str =
    "Minister Jane Holt met union leaders on Monday.\n\nThe talks will resume on Friday.\n";

/// A folder holding one good article (`good.txt`).
fn folder() -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("good.txt"), GOOD).expect("write");
    dir
}

/// Loads on another thread and fails the test (instead of hanging it) after 60 s.
fn load(paths: &[PathBuf], options: LoadOptions) -> Loaded {
    let (tx, rx) = mpsc::channel();
    let paths = paths.to_vec();
    std::thread::spawn(move || {
        let _ = tx.send(corpus::load(&paths, &options));
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("loading finished within 60 s (no hang)")
}

fn load_dir(dir: &Path) -> Loaded {
    load(&[dir.to_path_buf()], LoadOptions::default())
}

/// The good article loaded, and exactly one warning, about `name`, containing `says`.
fn assert_good_plus_one_warning(loaded: &Loaded, name: &str, says: &str) {
    assert!(
        loaded
            .documents
            .iter()
            .any(|d| d.path.ends_with("good.txt")),
        "good article not loaded: {:?}",
        loaded.warnings
    );
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    let w = &loaded.warnings[0];
    assert!(w.path.ends_with(name), "warning names {}", w.path);
    assert!(w.message.contains(says), "warning says: {}", w.message);
    assert!(!w.to_string().contains('\n'), "one line: {w}");
}

#[test]
fn latin1_file_loads_with_one_warning() {
    let dir = folder();
    fs::write(
        dir.path().join("old.txt"),
        b"Caf\xe9 owners met the mayor on Monday.",
    )
    .expect("write");
    let loaded = load_dir(dir.path());
    assert_eq!(loaded.documents.len(), 2);
    assert_good_plus_one_warning(&loaded, "old.txt", "decoded as Latin-1");
    let old = loaded
        .documents
        .iter()
        .find(|d| d.path.ends_with("old.txt"))
        .expect("old");
    assert!(old.text.starts_with("Café owners"));
}

#[test]
fn utf16_files_with_a_bom_load_with_their_text() {
    let dir = folder();
    let text = "Ministerin Jana Holtová sprach am Montag.";
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend(u.to_le_bytes());
        be.extend(u.to_be_bytes());
    }
    fs::write(dir.path().join("le.txt"), le).expect("write");
    fs::write(dir.path().join("be.md"), be).expect("write");
    let loaded = load_dir(dir.path());
    assert_eq!(loaded.documents.len(), 3, "{:?}", loaded.warnings);
    for name in ["le.txt", "be.md"] {
        let d = loaded
            .documents
            .iter()
            .find(|d| d.path.ends_with(name))
            .expect(name);
        assert_eq!(d.text, text);
    }
}

#[test]
fn binary_file_with_an_article_extension_is_skipped_with_one_warning() {
    let dir = folder();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..4096u32).map(|i| (i * 7919 % 251) as u8));
    fs::write(dir.path().join("photo.txt"), png).expect("write");
    assert_good_plus_one_warning(&load_dir(dir.path()), "photo.txt", "binary");
}

#[test]
fn empty_and_whitespace_only_files_are_skipped_with_one_warning_each() {
    let dir = folder();
    fs::write(dir.path().join("empty.txt"), "").expect("write");
    let loaded = load_dir(dir.path());
    assert_good_plus_one_warning(&loaded, "empty.txt", "empty");

    let dir = folder();
    fs::write(dir.path().join("blank.md"), " \n\t\r\n  \n").expect("write");
    assert_good_plus_one_warning(&load_dir(dir.path()), "blank.md", "only whitespace");
}

#[test]
fn one_50_mb_article_loads_whole() {
    let dir = folder();
    let paragraph = "The committee met again on Tuesday and said the talks would go on. ";
    let big = paragraph.repeat(50_000_000 / paragraph.len() + 1) + "\n";
    fs::write(dir.path().join("big.txt"), &big).expect("write");
    let loaded = load_dir(dir.path());
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let d = loaded
        .documents
        .iter()
        .find(|d| d.path.ends_with("big.txt"))
        .expect("big");
    assert_eq!(d.text.len(), big.len());
    assert!(d.text.len() >= 50_000_000);
}

#[test]
fn a_single_10_mb_line_loads() {
    let dir = folder();
    let line = "word ".repeat(2_000_000);
    fs::write(dir.path().join("line.txt"), &line).expect("write");
    let loaded = load_dir(dir.path());
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.documents.len(), 2);
    assert!(loaded.documents.iter().any(|d| d.text.len() == line.len()));
}

#[test]
fn ten_thousand_tiny_files_load_in_path_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..10_000 {
        fs::write(
            dir.path().join(format!("{i:05}.txt")),
            format!("Note {i} was filed on Monday."),
        )
        .expect("write");
    }
    let loaded = load_dir(dir.path());
    assert!(loaded.warnings.is_empty());
    assert_eq!(loaded.documents.len(), 10_000);
    assert_eq!(loaded.documents[0].text, "Note 0 was filed on Monday.");
    assert_eq!(loaded.documents[9_999].id, "d10000");
    assert!(loaded.documents[9_999].path.ends_with("09999.txt"));
}

#[test]
fn folders_nested_too_deep_give_one_warning_and_the_rest_loads() {
    let dir = folder();
    let mut deep = dir.path().to_path_buf();
    for level in 1..=100 {
        deep.push("d");
        fs::create_dir(&deep).expect("mkdir");
        if level == 10 || level == 100 {
            fs::write(deep.join(format!("at{level}.txt")), GOOD).expect("write");
        }
    }
    let loaded = load_dir(dir.path());
    let names: Vec<&str> = loaded
        .documents
        .iter()
        .filter_map(|d| d.path.rsplit('/').next())
        .collect();
    assert_eq!(names, ["at10.txt", "good.txt"], "{:?}", loaded.warnings);
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(loaded.warnings[0].message.contains("nested more than"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_and_a_self_link_gives_one_warning() {
    use std::os::unix::fs::symlink;
    let dir = folder();
    fs::create_dir(dir.path().join("sub")).expect("mkdir");
    fs::write(dir.path().join("sub/inner.txt"), GOOD).expect("write");
    symlink(dir.path(), dir.path().join("sub/back-to-top")).expect("dir loop");
    symlink("self.txt", dir.path().join("self.txt")).expect("self link");
    let loaded = load_dir(dir.path());
    let mut names: Vec<&str> = loaded
        .documents
        .iter()
        .filter_map(|d| d.path.rsplit('/').next())
        .collect();
    names.sort();
    assert_eq!(names, ["good.txt", "inner.txt"]);
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(loaded.warnings[0].path.ends_with("self.txt"));
    assert!(
        loaded.warnings[0]
            .message
            .contains("loop of symbolic links")
    );
}

#[test]
fn a_file_removed_between_scan_and_read_gives_one_warning() {
    let dir = folder();
    fs::write(dir.path().join("gone.txt"), GOOD).expect("write");
    let scan = corpus::scan(&[dir.path()]);
    assert_eq!(scan.files.len(), 2);
    fs::remove_file(dir.path().join("gone.txt")).expect("remove");
    let loaded = corpus::load_scan(scan, &LoadOptions::default(), "corpus");
    assert_good_plus_one_warning(&loaded, "gone.txt", "removed while loading");
}

#[cfg(unix)]
#[test]
fn unreadable_file_gives_one_warning_unless_running_as_root() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder();
    let secret = dir.path().join("secret.txt");
    fs::write(&secret, GOOD).expect("write");
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::read(&secret).is_ok() {
        eprintln!("skipped: this user can read a mode-000 file (running as root)");
        return;
    }
    assert_good_plus_one_warning(&load_dir(dir.path()), "secret.txt", "permission denied");
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).expect("no NUL in path");
    // SAFETY: `c` is a valid NUL-terminated path that outlives the call.
    let rc = unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
    assert_eq!(rc, 0, "mkfifo failed");
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_or_named_explicitly_gives_one_warning_and_no_hang() {
    let dir = folder();
    let fifo = dir.path().join("pipe.txt");
    mkfifo(&fifo);
    assert_good_plus_one_warning(&load_dir(dir.path()), "pipe.txt", "not a regular file");
    let loaded = load(&[dir.path().join("good.txt"), fifo], LoadOptions::default());
    assert_good_plus_one_warning(&loaded, "pipe.txt", "not a regular file");
}

#[cfg(unix)]
#[test]
fn a_file_replaced_by_a_fifo_after_the_scan_does_not_hang_the_read() {
    let dir = folder();
    let path = dir.path().join("swap.txt");
    fs::write(&path, GOOD).expect("write");
    let scan = corpus::scan(&[dir.path()]);
    fs::remove_file(&path).expect("remove");
    mkfifo(&path);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(corpus::load_scan(scan, &LoadOptions::default(), "corpus"));
    });
    let loaded = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("no hang on the FIFO");
    assert_good_plus_one_warning(&loaded, "swap.txt", "not a regular file");
}

#[cfg(target_os = "linux")]
#[test]
fn a_device_behind_an_article_name_is_not_read() {
    let dir = folder();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt")).expect("link");
    assert_good_plus_one_warning(&load_dir(dir.path()), "zero.txt", "not a regular file");
}

#[test]
fn a_corpus_over_the_size_cap_is_refused_before_reading() {
    let dir = folder();
    for i in 0..3 {
        fs::write(dir.path().join(format!("{i}.txt")), "x".repeat(600)).expect("write");
    }
    let options = LoadOptions {
        max_bytes: Some(1000),
        ..LoadOptions::default()
    };
    let loaded = load(&[dir.path().to_path_buf()], options);
    assert!(loaded.documents.is_empty());
    let reason = loaded.refused.expect("refused");
    assert!(reason.contains("over the 1.0 KB cap"), "{reason}");
    assert!(reason.contains("--max-bytes"), "{reason}");
    assert_eq!(loaded.warnings.len(), 1);
}

#[test]
fn a_corpus_under_the_cap_loads() {
    let dir = folder();
    let options = LoadOptions {
        max_bytes: Some(GOOD.len() as u64),
        ..LoadOptions::default()
    };
    let loaded = load(&[dir.path().to_path_buf()], options);
    assert_eq!(loaded.documents.len(), 1);
    assert!(loaded.refused.is_none());
}
