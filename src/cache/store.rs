//! The cache on disk: one file per entry, named by its key, written atomically.
//!
//! A file is a small header (magic, format, key, length, checksum) and a postcard payload. postcard
//! was chosen over JSON for speed (see PERFORMANCE.md); because it has no field names, the header's
//! checksum is what catches a truncated or damaged file, which is then treated as a miss, counted for
//! one warning line, and overwritten by the rebuilt entry. Nothing here is ever fatal: a cache that
//! cannot be read or written only makes attache slower.

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fs;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use xxhash_rust::xxh3::xxh3_64;

const MAGIC: &[u8; 8] = b"ATTCACHE";
/// Bumped when the layout of the header or of any entry changes (2: the timeline entry holds the
/// documents, in parts decoded in parallel; the stat index; 3: dates in time values written as
/// day numbers; 4: reported statements in extraction and timeline entries).
const FORMAT: u32 = 4;
const HEADER: usize = 8 + 4 + 16 + 8 + 8;

/// What an entry holds: one document's extraction, a whole corpus's timeline, or the metadata of
/// the files a corpus was read from.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Extraction,
    Timeline,
    Stat,
}

impl Kind {
    fn dir(self) -> &'static str {
        match self {
            Kind::Extraction => "extract",
            Kind::Timeline => "timeline",
            Kind::Stat => "stat",
        }
    }
}

/// A cache folder. Safe to share between threads.
#[derive(Debug)]
pub struct Cache {
    root: PathBuf,
    /// Entries that were present but unreadable (rebuilt).
    broken: AtomicUsize,
    /// The first write error, if any (the cache is then only partly filled).
    write_error: Mutex<Option<String>>,
    /// Whether the root was made private (see [`crate::private`]) by this process.
    secured: std::sync::OnceLock<()>,
}

impl Cache {
    /// A cache rooted at `root` (created on the first write).
    pub fn at(root: impl Into<PathBuf>) -> Cache {
        Cache {
            root: root.into(),
            broken: AtomicUsize::new(0),
            write_error: Mutex::new(None),
            secured: std::sync::OnceLock::new(),
        }
    }

    /// The user's cache: `$ATTACHE_CACHE_DIR` when set, else `$ATTACHE_HOME/cache`, else the
    /// platform's cache folder for attache (`~/.cache/attache` on Linux). `None` when there is
    /// no home to put it in.
    pub fn user() -> Option<Cache> {
        let var = |name: &str| std::env::var_os(name).filter(|d| !d.is_empty());
        if let Some(dir) = var("ATTACHE_CACHE_DIR") {
            return Some(Cache::at(dir));
        }
        if let Some(home) = var(crate::private::HOME_VAR) {
            return Some(Cache::at(PathBuf::from(home).join("cache")));
        }
        directories::ProjectDirs::from("", "", "attache").map(|p| Cache::at(p.cache_dir()))
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn path(&self, kind: Kind, key: u128) -> PathBuf {
        let hex = format!("{key:032x}");
        let mut p = self.root.join(format!("v{FORMAT}")).join(kind.dir());
        if let Kind::Extraction = kind {
            p.push(&hex[..2]);
        }
        p.push(format!("{hex}.bin"));
        p
    }

    /// The entry stored under `key`, if there is a readable one.
    pub fn get<T: DeserializeOwned>(&self, kind: Kind, key: u128) -> Option<T> {
        let bytes = self.get_raw(kind, key)?;
        let value = bytes
            .get(HEADER..)
            .and_then(|p| postcard::from_bytes(p).ok());
        if value.is_none() {
            self.count_broken(kind, key);
        }
        value
    }

    /// The checked bytes of the entry under `key`, its payload from [`PAYLOAD`] on: for entries
    /// that lay out their own payload. A damaged entry is counted and missed.
    pub fn get_raw(&self, kind: Kind, key: u128) -> Option<Vec<u8>> {
        let bytes = fs::read(self.path(kind, key)).ok()?;
        if !checked(&bytes, key) {
            self.count_broken(kind, key);
            return None;
        }
        Some(bytes)
    }

    /// The entry under `key` opened for reading in pieces, when its header is right and the file
    /// has the length it states; the caller checks what it reads (and calls
    /// [`Cache::count_broken`] when that fails). For entries too big to hold in memory twice.
    pub fn open_entry(&self, kind: Kind, key: u128) -> Option<EntryFile> {
        let mut file = fs::File::open(self.path(kind, key)).ok()?;
        let mut header = [0u8; HEADER];
        let len = file
            .read_exact(&mut header)
            .ok()
            .and_then(|_| header_fields(&header, key))
            .map(|(len, _)| len)
            .filter(|len| {
                file.metadata()
                    .is_ok_and(|m| m.len() == HEADER as u64 + len)
            });
        let Some(len) = len else {
            self.count_broken(kind, key);
            return None;
        };
        Some(EntryFile {
            file: Mutex::new(file),
            len,
        })
    }

    /// Counts an unreadable entry and removes it, so that a second look in the same run is a
    /// plain miss (it is rebuilt when the run writes the cache).
    pub fn count_broken(&self, kind: Kind, key: u128) {
        self.broken.fetch_add(1, Ordering::Relaxed);
        let _ = fs::remove_file(self.path(kind, key));
    }

    /// Stores `value` under `key`: written to a temporary file, then renamed over the old entry,
    /// so that a reader never sees half a file.
    pub fn put<T: Serialize>(&self, kind: Kind, key: u128, value: &T) {
        let Ok(payload) = postcard::to_stdvec(value) else {
            return;
        };
        self.put_raw(kind, key, &payload);
    }

    /// Stores a payload laid out by the caller (read back by [`Cache::get_raw`]).
    pub fn put_raw(&self, kind: Kind, key: u128, payload: &[u8]) {
        let written = self.write(&self.path(kind, key), key, payload);
        if written.is_ok() && matches!(kind, Kind::Timeline) {
            self.forget_older_formats();
        }
        if let Err(e) = written {
            let mut first = self.write_error.lock().unwrap_or_else(|p| p.into_inner());
            first.get_or_insert_with(|| e.to_string());
        }
    }

    fn write(&self, path: &Path, key: u128, payload: &[u8]) -> std::io::Result<()> {
        // A failed `mkdir` of an existing folder costs this file system far more than a look at
        // it (0.3 ms against 0.01 ms here, for each of ten thousand entries).
        // The extracted quotes of a private corpus are private too: folders 0700, files 0600.
        if self.secured.get().is_none() {
            // The cache's own entries: its format folders (`v3`) and their temp files.
            crate::private::secure_root(&self.root, |name| {
                name.starts_with('v') || name.contains(".tmp")
            })?;
            let _ = self.secured.set(());
        }
        if let Some(dir) = path.parent()
            && !dir.is_dir()
        {
            crate::private::create_dir(dir)?;
        }
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let tmp = path.with_extension(format!(
            "tmp.{}.{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let mut file = crate::private::create_file(&tmp)?;
        let mut header = Vec::with_capacity(HEADER);
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&FORMAT.to_le_bytes());
        header.extend_from_slice(&key.to_le_bytes());
        header.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        header.extend_from_slice(&xxh3_64(payload).to_le_bytes());
        let written = file
            .write_all(&header)
            .and_then(|_| file.write_all(payload));
        drop(file);
        if let Err(e) = written.and_then(|_| fs::rename(&tmp, path)) {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        Ok(())
    }

    /// Removes the folders of older formats, which this build never reads (a 10k-article corpus
    /// left 200 MB there), once a timeline of this format has been written.
    fn forget_older_formats(&self) {
        for old in 1..FORMAT {
            let _ = fs::remove_dir_all(self.root.join(format!("v{old}")));
        }
    }

    /// How many entries were unreadable and rebuilt so far.
    pub fn broken(&self) -> usize {
        self.broken.load(Ordering::Relaxed)
    }

    /// At most one line for the user about this run's cache problems.
    pub fn warning(&self) -> Option<String> {
        let root = self.root.display();
        let broken = self.broken();
        if broken > 0 {
            let s = if broken == 1 { "y" } else { "ies" };
            return Some(format!(
                "{broken} unreadable cache entr{s} in {root} ignored and rebuilt"
            ));
        }
        let error = self.write_error.lock().unwrap_or_else(|p| p.into_inner());
        error
            .as_ref()
            .map(|e| format!("cannot write the cache in {root} ({e}); continuing without it"))
    }
}

/// Where an entry's payload starts in the bytes [`Cache::get_raw`] gives.
pub const PAYLOAD: usize = HEADER;

/// Whether a cache file's header, length and checksum are right.
fn checked(bytes: &[u8], key: u128) -> bool {
    check(bytes, key).is_some()
}

fn check(bytes: &[u8], key: u128) -> Option<()> {
    let (len, sum) = header_fields(bytes, key)?;
    let payload = bytes.get(HEADER..)?;
    (payload.len() as u64 == len && xxh3_64(payload) == sum).then_some(())
}

/// The payload length and checksum a header states, if it is a header of this format for `key`.
fn header_fields(bytes: &[u8], key: u128) -> Option<(u64, u64)> {
    let header = bytes.get(..HEADER)?;
    let field = |at: usize, len: usize| header.get(at..at + len);
    if field(0, 8)? != MAGIC
        || u32::from_le_bytes(field(8, 4)?.try_into().ok()?) != FORMAT
        || u128::from_le_bytes(field(12, 16)?.try_into().ok()?) != key
    {
        return None;
    }
    let len = u64::from_le_bytes(field(28, 8)?.try_into().ok()?);
    let sum = u64::from_le_bytes(field(36, 8)?.try_into().ok()?);
    Some((len, sum))
}

/// An entry opened to be read piece by piece (see [`Cache::open_entry`]).
#[derive(Debug)]
pub struct EntryFile {
    file: Mutex<fs::File>,
    /// The payload's length.
    pub len: u64,
}

impl EntryFile {
    /// Fills `into` with the payload's bytes from `at`. The header's checksum of the whole
    /// payload is not checked: the caller checks each piece it reads.
    pub fn read(&self, at: u64, into: &mut [u8]) -> Option<()> {
        let mut file = self.file.lock().unwrap_or_else(|p| p.into_inner());
        file.seek(SeekFrom::Start(HEADER as u64 + at)).ok()?;
        file.read_exact(into).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_reads_back_and_a_damaged_one_is_a_counted_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path());
        let value = vec![("Jane Holt".to_string(), 3u32)];
        cache.put(Kind::Timeline, 7, &value);
        assert_eq!(
            cache.get::<Vec<(String, u32)>>(Kind::Timeline, 7),
            Some(value)
        );
        assert_eq!(cache.get::<Vec<(String, u32)>>(Kind::Timeline, 8), None);
        assert_eq!(cache.broken(), 0, "a missing entry is not a broken one");
        let path = cache.path(Kind::Timeline, 7);
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
        assert_eq!(cache.get::<Vec<(String, u32)>>(Kind::Timeline, 7), None);
        assert_eq!(cache.broken(), 1);
        assert!(cache.warning().unwrap().contains("rebuilt"));
    }

    #[test]
    fn an_entry_of_another_format_version_is_a_counted_miss_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path());
        cache.put(Kind::Stat, 5, &42u32);
        let path = cache.path(Kind::Stat, 5);
        let mut bytes = fs::read(&path).unwrap();
        bytes[8..12].copy_from_slice(&(FORMAT - 1).to_le_bytes());
        fs::write(&path, &bytes).unwrap();
        assert_eq!(cache.get::<u32>(Kind::Stat, 5), None);
        assert_eq!(cache.broken(), 1);
        assert!(!path.exists(), "a second look is a plain miss");
        assert_eq!(cache.get::<u32>(Kind::Stat, 5), None);
        assert_eq!(cache.broken(), 1);
    }

    #[test]
    fn writing_a_timeline_removes_the_entries_of_older_formats() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("v1").join("timeline");
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join("0.bin"), b"old").unwrap();
        let cache = Cache::at(dir.path());
        cache.put(Kind::Extraction, 1, &1u8);
        assert!(old.exists(), "only a timeline write clears them");
        cache.put(Kind::Timeline, 1, &1u8);
        assert!(!dir.path().join("v1").exists());
        assert_eq!(cache.get::<u8>(Kind::Timeline, 1), Some(1));
    }

    #[test]
    fn no_temporary_files_are_left_behind() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path());
        cache.put(Kind::Extraction, 0xabcdef, &1u8);
        let shard = cache.path(Kind::Extraction, 0xabcdef);
        let names: Vec<_> = fs::read_dir(shard.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }
}
