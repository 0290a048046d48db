//! Reading and writing the kept files safely. A write goes to a temporary file in the same
//! directory, is flushed to disk and then renamed over the old file, so a crash or a kill leaves
//! either the old file or the new one, never half of one. A file that does not parse, or has a
//! version this attache does not know, is moved aside (never silently dropped) and reported.

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The schema version every kept file carries as `"version"`.
pub const VERSION: u64 = 1;

/// Writes `bytes` to `path` atomically (temp file + fsync + rename, then fsync of the directory).
/// The folder is made private (`0700`, and what an older attache left open is tightened), the
/// file `0600`: notes and bookmarks are nobody else's business on a shared machine.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    crate::private::secure_root(dir, is_kept_file)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "state".into());
    remove_stale_temps(dir, &name);
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = crate::private::create_file(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        // The rename itself is made durable by syncing the directory (where the OS allows it).
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Whether a file in the data folder is attache's: a kept file, one moved aside, a temp file,
/// or the cache folder `ATTACHE_HOME` puts there.
fn is_kept_file(name: &str) -> bool {
    let name = name.trim_start_matches('.');
    ["bookmarks.json", "filters.json", "places.json"]
        .iter()
        .any(|kept| name.starts_with(kept))
        || name == "cache"
}

/// Temp files older than this were left by a killed writer (a live one takes milliseconds).
const STALE: std::time::Duration = std::time::Duration::from_secs(600);

/// Removes what killed writers left behind (`.NAME.tmp-PID` files older than [`STALE`]).
fn remove_stale_temps(dir: &Path, name: &str) {
    let prefix = format!(".{name}.tmp-");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE);
        if old && e.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Serialises `value` as pretty JSON and writes it atomically.
pub fn save_json<T: Serialize>(path: &Path, value: &T) -> io::Result<()> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(io::Error::other)?;
    bytes.push(b'\n');
    write_atomic(path, &bytes)
}

/// A kept file as read: its value (the default when missing or unreadable) and, when it had to
/// be moved aside, the one-line warning to show the user.
#[derive(Debug)]
pub struct Read<T> {
    pub value: T,
    pub warning: Option<String>,
}

/// Reads a versioned JSON file. Missing: the default, silently. Corrupt or of another version:
/// moved aside to `NAME.corrupt-<UTC timestamp>`, the default, and a warning naming both paths.
pub fn load_json<T: DeserializeOwned + Default>(path: &Path) -> Read<T> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Read {
                value: T::default(),
                warning: None,
            };
        }
        Err(e) => {
            return Read {
                value: T::default(),
                warning: Some(format!(
                    "could not read {}: {e}; nothing from it is used",
                    path.display()
                )),
            };
        }
    };
    match parse::<T>(&bytes) {
        Ok(value) => Read {
            value,
            warning: None,
        },
        Err(problem) => {
            let warning = match move_aside(path) {
                Ok(aside) => format!(
                    "{} {problem}; moved it to {} and started afresh",
                    path.display(),
                    aside.display()
                ),
                Err(e) => format!(
                    "{} {problem}, and it could not be moved aside ({e}); it is not used",
                    path.display()
                ),
            };
            Read {
                value: T::default(),
                warning: Some(warning),
            }
        }
    }
}

fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    let v: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| format!("is not valid JSON ({e})"))?;
    match v.get("version").and_then(|x| x.as_u64()) {
        Some(VERSION) => {}
        Some(n) => return Err(format!("has version {n}, which this attache does not know")),
        None => return Err("has no \"version\"".into()),
    }
    serde_json::from_value(v).map_err(|e| format!("does not have the expected shape ({e})"))
}

/// Renames a bad file to `NAME.corrupt-<timestamp>` (with a counter if that exists already).
pub fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut aside = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = path.with_file_name(format!("{name}.corrupt-{stamp}-{n}"));
    }
    fs::rename(path, &aside)?;
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
    struct Thing {
        version: u64,
        names: Vec<String>,
    }

    #[test]
    fn a_saved_file_reads_back_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("thing.json");
        let t = Thing {
            version: VERSION,
            names: vec!["Jane Holt".into()],
        };
        save_json(&path, &t).unwrap();
        let read: Read<Thing> = load_json(&path);
        assert_eq!(read.value, t);
        assert!(read.warning.is_none());
        let files: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(files.len(), 1);
    }

    #[test]
    fn old_temp_files_of_killed_writers_are_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("thing.json");
        let stale = dir.path().join(".thing.json.tmp-99999");
        let fresh = dir.path().join(".thing.json.tmp-99998");
        let other = dir.path().join(".other.json.tmp-99999");
        for p in [&stale, &fresh, &other] {
            fs::write(p, b"{").unwrap();
        }
        let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
        for p in [&stale, &other] {
            fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }
        write_atomic(&path, b"{}").unwrap();
        assert!(!stale.exists());
        assert!(fresh.exists(), "a live writer's file is left alone");
        assert!(other.exists(), "another file's temp is left alone");
    }

    #[test]
    fn a_missing_file_is_the_default_without_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let read: Read<Thing> = load_json(&dir.path().join("none.json"));
        assert_eq!(read.value, Thing::default());
        assert!(read.warning.is_none());
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("thing.json");
        fs::write(&path, b"{\"version\": 1, \"names\": [").unwrap();
        let read: Read<Thing> = load_json(&path);
        assert_eq!(read.value, Thing::default());
        let w = read.warning.unwrap();
        assert!(
            w.contains("not valid JSON") && w.contains(".corrupt-"),
            "{w}"
        );
        assert!(!path.exists());
        let aside: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(aside[0].starts_with("thing.json.corrupt-"), "{aside:?}");
        assert_eq!(
            fs::read(dir.path().join(&aside[0])).unwrap(),
            b"{\"version\": 1, \"names\": ["
        );
    }

    #[test]
    fn an_unknown_version_is_moved_aside_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("thing.json");
        fs::write(&path, b"{\"version\": 7, \"names\": []}").unwrap();
        let read: Read<Thing> = load_json(&path);
        assert!(read.warning.unwrap().contains("version 7"));
        assert!(!path.exists());
    }
}
