//! Reading the files a [`Scan`] planned: the size cap first, then each file opened without
//! blocking, checked to still be a regular file, read up to a limit, decoded, and handed to its
//! format reader. A file that vanished, changed into a FIFO or grew past the cap since the scan
//! gives one warning; the rest still loads.

use super::decode::{Decoded, InPlace};
use super::formats::{self, Kind};
use super::walk::io_message;
use super::{Loaded, PlannedFile, Scan, Warning};
use rayon::prelude::*;
use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::Path;

/// One file larger than this is refused rather than read whole, whatever the corpus cap.
pub const MAX_FILE_BYTES: u64 = 256_000_000;

pub(super) fn load_scan(scan: Scan, cap: u64, label: &str) -> Loaded {
    let total = scan.total_bytes();
    let mut loaded = Loaded {
        warnings: scan.warnings,
        ..Loaded::default()
    };
    if total > cap {
        let reason = format!(
            "the corpus holds {} in {} files, over the {} cap; nothing was read \
             (raise the cap with --max-bytes or ATTACHE_MAX_BYTES, or give fewer files)",
            human_bytes(total),
            scan.files.len(),
            human_bytes(cap)
        );
        loaded.warnings.push(Warning::new(label, reason.clone()));
        loaded.refused = Some(format!("{label}: {reason}"));
        loaded.unread = scan.files.len();
        return loaded;
    }
    // Files are read and parsed in parallel (on 10k articles this is most of a warm reopen), then
    // taken in scan order, so documents and warnings come out as a sequential read gives them.
    let parts: Vec<(u64, Loaded)> = scan
        .files
        .par_iter()
        .map(|file| {
            let mut part = Loaded::default();
            let limit = cap.min(MAX_FILE_BYTES);
            if file.bytes > limit {
                let why = if file.bytes > MAX_FILE_BYTES {
                    format!(
                        "over the {} limit for one file",
                        human_bytes(MAX_FILE_BYTES)
                    )
                } else {
                    "it would pass the corpus size cap".to_string()
                };
                let message = format!("file is {}, {why}; skipped", human_bytes(file.bytes));
                warn(&mut part, &file.path, &message);
                part.unread = 1;
                return (0, part);
            }
            match read_bytes(&file.path, limit) {
                Ok(bytes) => {
                    load_bytes(file, &bytes, &mut part);
                    (bytes.len() as u64, part)
                }
                Err(message) => {
                    warn(&mut part, &file.path, &message);
                    part.unread = 1;
                    (0, part)
                }
            }
        })
        .collect();
    let mut used = 0u64;
    for (file, (bytes, part)) in scan.files.iter().zip(parts) {
        if used + bytes > cap {
            let message = format!(
                "file is {}, it would pass the corpus size cap; skipped",
                human_bytes(bytes)
            );
            warn(&mut loaded, &file.path, &message);
            loaded.unread += 1;
            continue;
        }
        used += bytes;
        loaded.unread += part.unread;
        loaded.documents.extend(part.documents);
        loaded.warnings.extend(part.warnings);
    }
    loaded
}

/// Opens without blocking (a FIFO put in a file's place would otherwise hang the open), checks
/// that the open handle is a regular file, and reads at most `limit` bytes.
fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file: File = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "removed while loading; skipped".to_string(),
        _ => io_message(&e),
    })?;
    let meta = file.metadata().map_err(|e| io_message(&e))?;
    if !meta.is_file() {
        return Err("not a regular file (a FIFO, socket or device); skipped".to_string());
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_message(&e))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "grew past {} while loading; skipped",
            human_bytes(limit)
        ));
    }
    Ok(bytes)
}

fn load_bytes(file: &PlannedFile, bytes: &[u8], loaded: &mut Loaded) {
    let kind = Kind::of(&file.path, bytes);
    let decoded: String;
    let text: &str = match formats::decode_for_in_place(kind, bytes) {
        InPlace::AsIs(s) => s,
        InPlace::Decoded(Decoded::Utf8(s)) => {
            decoded = s;
            &decoded
        }
        InPlace::Decoded(Decoded::Converted(s, from)) => {
            warn(
                loaded,
                &file.path,
                &format!("not valid UTF-8; decoded as {from}"),
            );
            decoded = s;
            &decoded
        }
        InPlace::Decoded(Decoded::Binary) => {
            return warn(
                loaded,
                &file.path,
                "looks like a binary file, not an article; skipped",
            );
        }
    };
    if text.trim().is_empty() {
        let what = if text.is_empty() {
            "file is empty; skipped"
        } else {
            "file holds only whitespace; skipped"
        };
        return warn(loaded, &file.path, what);
    }
    let shown = file.path.to_string_lossy();
    let parsed = formats::parse(kind, &shown, text, bytes);
    loaded.documents.extend(parsed.documents);
    loaded.warnings.extend(parsed.warnings);
}

fn warn(loaded: &mut Loaded, path: &Path, message: &str) {
    loaded
        .warnings
        .push(Warning::new(path.to_string_lossy(), message));
}

/// "2.0 GB", "512 MB", "12 KB", "300 bytes" (decimal units, as disks are sold).
pub fn human_bytes(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1_000_000_000, "GB"), (1_000_000, "MB"), (1_000, "KB")];
    for (size, unit) in UNITS {
        if n >= size {
            return format!("{:.1} {unit}", n as f64 / size as f64);
        }
    }
    format!("{n} bytes")
}
