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

use super::{Built, Cache, Kind, build_timeline, key, read_timeline};
use crate::corpus::{self, LoadOptions, Loaded, PlannedFile, Stamp, Warning, since_epoch_ns};
use crate::progress::Progress;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::SystemTime;

/// A file whose times are this close to (or after) the moment its corpus was read is not
/// vouched for by its metadata.
pub const RACY: std::time::Duration = std::time::Duration::from_secs(2);

/// What opening a corpus gives: the load's warnings, and the timeline unless nothing loaded.
#[derive(Debug)]
pub struct Opened {
    pub loaded: Loaded,
    pub built: Option<Built>,
}

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

/// Loads the given paths (none: the bundled articles) and builds their timeline, through the
/// cache when one is given.
pub fn open(
    paths: &[impl AsRef<Path>],
    options: &LoadOptions,
    cache: Option<&Cache>,
    progress: &Progress,
) -> Opened {
    let Some(cache) = cache.filter(|_| !paths.is_empty()) else {
        progress.stage("reading files", 0);
        let mut loaded = corpus::load(paths, options);
        let documents = std::mem::take(&mut loaded.documents);
        let built = (!documents.is_empty()).then(|| build_timeline(documents, cache, progress));
        return Opened { loaded, built };
    };
    progress.stage("checking file metadata", 0);
    let read_at_ns = since_epoch_ns(SystemTime::now());
    let scan = corpus::scan(paths);
    let stat_key = key::stat_key(paths, options);
    let index = cache.get::<StatIndex>(Kind::Stat, stat_key);
    if let Some(index) = index.filter(|i| i.vouches_for(&scan.files)) {
        progress.stage("reusing the cached timeline", 0);
        if let Some(timeline) = read_timeline(cache, index.timeline, None) {
            let mut warnings = scan.warnings;
            warnings.extend(index.warnings.into_iter().map(|(p, m)| Warning::new(p, m)));
            let loaded = Loaded {
                warnings,
                ..Loaded::default()
            };
            let built = Built {
                timeline,
                extracted: 0,
                reused: 0,
                timeline_reused: true,
                timeline_key: Some(index.timeline),
                files_unread: true,
            };
            return Opened {
                loaded,
                built: Some(built),
            };
        }
    }
    progress.stage("reading files", 0);
    let files: Vec<(Vec<u8>, Stamp)> = scan
        .files
        .iter()
        .map(|f| (f.path.as_os_str().as_encoded_bytes().to_vec(), f.stamp))
        .collect();
    let scan_warnings = scan.warnings.len();
    let label = paths
        .first()
        .map(|p| p.as_ref().to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut loaded = corpus::load_scan(scan, options, &label);
    let documents = std::mem::take(&mut loaded.documents);
    if documents.is_empty() {
        return Opened {
            loaded,
            built: None,
        };
    }
    let built = build_timeline(documents, Some(cache), progress);
    if loaded.unread == 0
        && let Some(timeline) = built.timeline_key
    {
        let warnings = loaded.warnings.get(scan_warnings..).unwrap_or_default();
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
    Opened {
        loaded,
        built: Some(built),
    }
}
