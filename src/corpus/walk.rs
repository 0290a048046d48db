//! Walking files and folders: recursive, sorted, hidden entries skipped, symlink loops safe.

use super::{Decoded, Loaded, Warning, decode, document_from_text, split_front_matter};
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Extensions attache reads when it walks a folder. A file named explicitly is read whatever its name.
const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "md", "markdown", "text"];

/// Files larger than this are refused rather than read whole.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

pub(super) fn load_path(path: &Path, loaded: &mut Loaded) {
    let mut visited = HashSet::new();
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => walk_dir(path, loaded, &mut visited, 0),
        Ok(meta) if meta.is_file() => load_file(path, loaded),
        Ok(_) => warn(loaded, path, "not a regular file or folder; skipped"),
        Err(e) => warn(loaded, path, &io_message(&e)),
    }
}

fn walk_dir(dir: &Path, loaded: &mut Loaded, visited: &mut HashSet<PathBuf>, depth: usize) {
    // Canonical paths identify a folder however it was reached, so a symlink loop ends here.
    let Ok(canonical) = fs::canonicalize(dir) else {
        warn(loaded, dir, "cannot resolve folder; skipped");
        return;
    };
    if !visited.insert(canonical) {
        return;
    }
    if depth > 64 {
        warn(loaded, dir, "folders nested more than 64 deep; skipped");
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return warn(loaded, dir, &io_message(&e)),
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
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk_dir(&path, loaded, visited, depth + 1),
            Ok(meta) if meta.is_file() => {
                if has_article_extension(&path) {
                    load_file(&path, loaded);
                }
            }
            Ok(_) => {}
            Err(e) => warn(loaded, &path, &io_message(&e)),
        }
    }
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

fn load_file(path: &Path, loaded: &mut Loaded) {
    match fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            return warn(
                loaded,
                path,
                &format!(
                    "file is {} MB, over the {} MB limit; skipped",
                    meta.len() >> 20,
                    MAX_FILE_BYTES >> 20
                ),
            );
        }
        Ok(meta) if !meta.is_file() => return warn(loaded, path, "not a regular file; skipped"),
        Err(e) => return warn(loaded, path, &io_message(&e)),
        Ok(_) => {}
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => return warn(loaded, path, &io_message(&e)),
    };
    let text = match decode(&bytes) {
        Decoded::Utf8(s) => s,
        Decoded::Converted(s, from) => {
            warn(loaded, path, &format!("not valid UTF-8; decoded as {from}"));
            s
        }
        Decoded::Binary => {
            return warn(
                loaded,
                path,
                "looks like a binary file, not an article; skipped",
            );
        }
    };
    if text.trim().is_empty() {
        return warn(loaded, path, "file is empty; skipped");
    }
    let shown = path.to_string_lossy();
    let (front, body_start, front_error) = split_front_matter(&text);
    if let Some(message) = front_error {
        warn(loaded, path, &message);
    }
    let body = &text[body_start..];
    if body.trim().is_empty() {
        return warn(loaded, path, "front matter but no article text; skipped");
    }
    loaded
        .documents
        .push(document_from_text(&shown, body, front));
}

fn warn(loaded: &mut Loaded, path: &Path, message: &str) {
    loaded.warnings.push(Warning {
        path: path.to_string_lossy().into_owned(),
        message: message.to_string(),
    });
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied; check the file's permissions".to_string()
        }
        _ => format!("cannot read: {e}"),
    }
}
