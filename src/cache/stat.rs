//! Opening a corpus from the cache without reading its files, when `stat` shows they have not
//! changed.
//!
//! After a corpus is read, the cache keeps a stat index under the paths given and the load
//! options ([`key::stat_key`]): every file's path and [`Stamp`] in scan order, the warnings
//! reading them gave, and the key of the timeline they made. The next open scans the paths (only
//! `stat`), and when the index vouches for every file the timeline entry (documents included) is
//! all that is read. Any doubt reads every file as before: a file added, removed, renamed, or
//! whose size, modification time, status-change time or inode differ; a file changed less than
//! [`RACY`] before the index was made (a rewrite within the file system's time granularity could
//! keep its times, as git's "racy" entries); a load where some file could not be read. Reading
//! them all costs little next to what a changed file costs anyway (the publication dates of the
//! whole corpus are inferred again and the merge runs again), and the contents then decide, by
//! hash, what is extracted again.

use super::{Cache, Kind, read_timeline};
use crate::corpus::{PlannedFile, Stamp, Warning};
use crate::model::Timeline;
use serde::{Deserialize, Serialize};

/// A file whose times are this close to (or after) the moment its corpus was read is not
/// vouched for by its metadata.
pub const RACY: std::time::Duration = std::time::Duration::from_secs(2);

#[derive(Serialize, Deserialize)]
struct StatIndex {
    /// When the scan before the read began, nanoseconds since the epoch.
    read_at_ns: i128,
    /// Each file's path (its OS bytes) and stamp, in scan order.
    files: Vec<(Vec<u8>, Stamp)>,
    /// The warnings reading the files gave (the scan's own are given again by every scan).
    warnings: Vec<(String, String)>,
    /// The key of the timeline entry the files made.
    timeline: u128,
}

impl StatIndex {
    fn vouches_for(&self, files: &[PlannedFile]) -> bool {
        let settled = self.read_at_ns - RACY.as_nanos() as i128;
        self.files.len() == files.len()
            && self.files.iter().zip(files).all(|((path, stamp), file)| {
                path.as_slice() == file.path.as_os_str().as_encoded_bytes()
                    && *stamp == file.stamp
                    && stamp.latest_ns() < settled
            })
    }
}

/// A timeline the stat index vouches for: the files have not changed since it was built.
pub struct Reused {
    pub timeline: Timeline,
    /// The timeline entry's key.
    pub key: u128,
    /// The warnings reading the files gave then.
    pub warnings: Vec<Warning>,
}

/// The stored timeline of the scanned `files`, when the index kept under `stat_key` vouches
/// for every one of them and the timeline entry is readable.
pub fn reuse(cache: &Cache, stat_key: u128, files: &[PlannedFile]) -> Option<Reused> {
    let index = cache
        .get::<StatIndex>(Kind::Stat, stat_key)
        .filter(|i| i.vouches_for(files))?;
    let timeline = read_timeline(cache, index.timeline, None)?;
    Some(Reused {
        timeline,
        key: index.timeline,
        warnings: index
            .warnings
            .into_iter()
            .map(|(p, m)| Warning::new(p, m))
            .collect(),
    })
}

/// Each scanned file's path (its OS bytes) and stamp, in scan order, for [`remember`].
pub fn stamps(files: &[PlannedFile]) -> Vec<(Vec<u8>, Stamp)> {
    files
        .iter()
        .map(|f| (f.path.as_os_str().as_encoded_bytes().to_vec(), f.stamp))
        .collect()
}

/// Keeps the index of a read: the files' stamps, the warnings reading them gave, and the key
/// of the timeline they made; `read_at_ns` is when the scan before the read began.
pub fn remember(
    cache: &Cache,
    stat_key: u128,
    read_at_ns: i128,
    files: Vec<(Vec<u8>, Stamp)>,
    warnings: &[Warning],
    timeline: u128,
) {
    let index = StatIndex {
        read_at_ns,
        files,
        warnings: warnings
            .iter()
            .map(|w| (w.path.clone(), w.message.clone()))
            .collect(),
        timeline,
    };
    cache.put(Kind::Stat, stat_key, &index);
}
