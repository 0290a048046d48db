//! Finding the files of a corpus: recursive, sorted, hidden entries skipped, symlink loops and
//! deep nesting bounded, each file listed once. Nothing is opened here (a FIFO would block an
//! open): only `stat`, so that the total size is known before anything is read.

use super::Warning;
use super::formats::Kind;
use super::stamp::Stamp;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Folders nested deeper than this below a given path are not entered.
pub const MAX_DEPTH: usize = 64;

/// A file found by [`scan`], to be read by `load_scan`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedFile {
    pub path: PathBuf,
    /// Its size when scanned.
    pub bytes: u64,
    /// Named on the command line (read whatever its extension), not found in a folder.
    pub explicit: bool,
    /// Its metadata when scanned, for the cache to recognise an unchanged file unread.
    pub stamp: Stamp,
}

/// The files of a corpus and the problems met finding them.
#[derive(Debug, Default)]
pub struct Scan {
    pub files: Vec<PlannedFile>,
    pub warnings: Vec<Warning>,
}

impl Scan {
    /// The bytes of all planned files.
    pub fn total_bytes(&self) -> u64 {
        self.files.iter().map(|f| f.bytes).sum()
    }
}

/// Walks the given files and folders. A file reached twice (named twice, or through a symlink)
/// is listed once.
pub fn scan(paths: &[impl AsRef<Path>]) -> Scan {
    let mut walker = Walker::default();
    for path in paths {
        let path = path.as_ref();
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walker.dir(path, 0),
            Ok(meta) if meta.is_file() => walker.file(path, &meta, true),
            Ok(_) => walker.warn(path, NOT_REGULAR),
            Err(e) => walker.warn(path, &io_message(&e)),
        }
    }
    walker.scan
}

const NOT_REGULAR: &str = "not a regular file (a FIFO, socket or device); skipped";

#[derive(Default)]
struct Walker {
    scan: Scan,
    dirs: HashSet<PathBuf>,
    files: HashSet<PathBuf>,
    ids: HashSet<(u64, u64)>,
}

impl Walker {
    fn warn(&mut self, path: &Path, message: &str) {
        self.scan
            .warnings
            .push(Warning::new(path.to_string_lossy(), message));
    }

    fn file(&mut self, path: &Path, meta: &fs::Metadata, explicit: bool) {
        let stamp = Stamp::of(meta);
        // Device and inode name a file however it is reached (one `stat`, already done); a
        // canonical path costs a `stat` per folder of the path, per file.
        let new = if stamp.ino != 0 {
            self.ids.insert((stamp.dev, stamp.ino))
        } else {
            let key = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            self.files.insert(key)
        };
        if new {
            self.scan.files.push(PlannedFile {
                path: path.to_path_buf(),
                bytes: meta.len(),
                explicit,
                stamp,
            });
        }
    }

    fn dir(&mut self, dir: &Path, depth: usize) {
        // Canonical paths identify a folder however it was reached, so a symlink loop ends here.
        let canonical = match fs::canonicalize(dir) {
            Ok(c) => c,
            Err(e) => return self.warn(dir, &io_message(&e)),
        };
        if !self.dirs.insert(canonical) {
            return;
        }
        if depth > MAX_DEPTH {
            return self.warn(
                dir,
                &format!("folders nested more than {MAX_DEPTH} deep; not entered"),
            );
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.warn(dir, &io_message(&e)),
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            let article = Kind::from_extension(&path).is_some();
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => self.dir(&path, depth + 1),
                Ok(meta) if meta.is_file() && article => self.file(&path, &meta, false),
                Ok(meta) if !meta.is_file() && article => self.warn(&path, NOT_REGULAR),
                Ok(_) => {}
                // A dangling link or a loop of links: worth a word only where an article was expected.
                Err(e) if article || !is_dangling(&e) => self.warn(&path, &io_message(&e)),
                Err(_) => {}
            }
        }
    }
}

fn is_dangling(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::NotFound
}

/// The user's words for an I/O error.
pub(super) fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied; check the file's permissions".to_string()
        }
        #[cfg(unix)]
        _ if e.raw_os_error() == Some(libc::ELOOP) => {
            "a loop of symbolic links; skipped".to_string()
        }
        _ => format!("cannot read: {e}"),
    }
}
