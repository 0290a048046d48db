//! What `stat` says about a file: enough to tell that it has not changed since it was last read,
//! without reading it. Size, modification and status-change times in nanoseconds, and the file's
//! identity (device and inode) where the platform has them. The status-change time cannot be set
//! by `touch` or by tools that restore modification times, so on Unix a rewrite that keeps the
//! size and the modification time still shows.

use serde::{Deserialize, Serialize};
use std::fs::Metadata;
use std::time::SystemTime;

/// One file's metadata as the cache compares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub modified_ns: i128,
    /// Status-change time (Unix `ctime`), nanoseconds since the epoch; the modification time
    /// where the platform has none.
    pub changed_ns: i128,
    pub dev: u64,
    pub ino: u64,
}

impl Stamp {
    #[cfg(unix)]
    pub fn of(meta: &Metadata) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
        Stamp {
            size: meta.len(),
            modified_ns: ns(meta.mtime(), meta.mtime_nsec()),
            changed_ns: ns(meta.ctime(), meta.ctime_nsec()),
            dev: meta.dev(),
            ino: meta.ino(),
        }
    }

    #[cfg(not(unix))]
    pub fn of(meta: &Metadata) -> Stamp {
        let modified = meta.modified().map_or(0, since_epoch_ns);
        Stamp {
            size: meta.len(),
            modified_ns: modified,
            changed_ns: modified,
            dev: 0,
            ino: 0,
        }
    }

    /// The later of its two times.
    pub fn latest_ns(&self) -> i128 {
        self.modified_ns.max(self.changed_ns)
    }
}

/// A time as nanoseconds since the Unix epoch (negative before it).
pub fn since_epoch_ns(t: SystemTime) -> i128 {
    match t.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_rewrite_of_the_same_size_with_its_old_modification_time_still_shows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Minister Jane Holt arrived.").unwrap();
        let old = SystemTime::now() - std::time::Duration::from_secs(3600);
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(old).unwrap();
        drop(file);
        let before = Stamp::of(&std::fs::metadata(&path).unwrap());
        assert_eq!(before.size, 27);
        std::thread::sleep(std::time::Duration::from_millis(20));
        let mut file = std::fs::File::options().write(true).open(&path).unwrap();
        file.write_all(b"Minister Jane Holt departed").unwrap();
        file.set_modified(old).unwrap();
        drop(file);
        let after = Stamp::of(&std::fs::metadata(&path).unwrap());
        assert_eq!(after.size, before.size);
        assert_eq!(after.modified_ns, before.modified_ns);
        #[cfg(unix)]
        assert_ne!(after, before, "the status-change time moved");
    }
}
