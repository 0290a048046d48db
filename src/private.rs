//! attache's own folders and files stay private on a shared machine: notes, bookmarks and the
//! extraction cache (the quotes of a private corpus) are made `0700` folders and `0600` files,
//! as ssh and gpg do, whatever the umask. Folders an older attache made readable by others are
//! tightened, with everything in them, the first time attache writes there.
//!
//! On other platforms the platform's defaults apply.

use std::fs;
use std::io;
use std::path::Path;

/// The environment variable that puts all of attache's folders (settings, kept state, cache)
/// under one directory (tests, portable setups).
pub const HOME_VAR: &str = "ATTACHE_HOME";

/// Creates `dir` and its missing parents, each `0700`.
pub fn create_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

/// Creates (or truncates) `path` for writing, `0600`.
pub fn create_file(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Creates `root` private if it is missing. If it exists and group or others may read or enter
/// it, makes it private, and with it every entry directly in it that `ours` names (and all
/// under such an entry): folders `0700`, files `0600`. Other entries are left alone, since the
/// user may have pointed attache at a folder that holds more than attache's files. A private
/// root costs one `stat`.
pub fn secure_root(root: &Path, ours: impl Fn(&str) -> bool) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        match fs::symlink_metadata(root) {
            Ok(m) if m.is_dir() && m.permissions().mode() & 0o077 != 0 => {
                let mode = m.permissions().mode();
                fs::set_permissions(root, fs::Permissions::from_mode(mode & 0o700 | 0o700))?;
                for entry in fs::read_dir(root)?.flatten() {
                    if ours(&entry.file_name().to_string_lossy()) {
                        // One entry that cannot be changed does not stop the others.
                        let _ = tighten(&entry.path(), 0);
                    }
                }
                Ok(())
            }
            Ok(_) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => create_dir(root),
            Err(e) => Err(e),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ours;
        create_dir(root)
    }
}

#[cfg(unix)]
fn tighten(path: &Path, depth: usize) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let meta = fs::symlink_metadata(path)?;
    // Links are not followed: what they point to is not attache's.
    if meta.file_type().is_symlink() || depth > 16 {
        return Ok(());
    }
    let mode = meta.permissions().mode();
    if meta.is_dir() {
        if mode & 0o077 != 0 {
            fs::set_permissions(path, fs::Permissions::from_mode(mode & 0o700 | 0o700))?;
        }
        for entry in fs::read_dir(path)?.flatten() {
            // One unreadable entry does not stop the others from being tightened.
            let _ = tighten(&entry.path(), depth + 1);
        }
    } else if mode & 0o077 != 0 {
        fs::set_permissions(path, fs::Permissions::from_mode(mode & 0o700))?;
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_folders_and_files_are_private_and_open_ones_are_tightened() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("attache");
        secure_root(&root, |_| true).unwrap();
        assert_eq!(mode(&root), 0o700);
        create_dir(&root.join("v3/ab")).unwrap();
        assert_eq!(mode(&root.join("v3")), 0o700);
        create_file(&root.join("v3/ab/entry")).unwrap();
        assert_eq!(mode(&root.join("v3/ab/entry")), 0o600);

        // As an older attache left it under umask 022.
        let open = tmp.path().join("old");
        fs::create_dir_all(open.join("sub")).unwrap();
        fs::write(open.join("sub/bookmarks.json"), "{}").unwrap();
        fs::write(open.join("theirs.txt"), "").unwrap();
        fs::set_permissions(open.join("theirs.txt"), fs::Permissions::from_mode(0o644)).unwrap();
        for p in [&open, &open.join("sub")] {
            fs::set_permissions(p, fs::Permissions::from_mode(0o755)).unwrap();
        }
        fs::set_permissions(
            open.join("sub/bookmarks.json"),
            fs::Permissions::from_mode(0o644),
        )
        .unwrap();
        secure_root(&open, |name| name == "sub").unwrap();
        assert_eq!(mode(&open), 0o700);
        assert_eq!(
            mode(&open.join("theirs.txt")),
            0o644,
            "not attache's: left alone"
        );
        assert_eq!(mode(&open.join("sub")), 0o700);
        assert_eq!(mode(&open.join("sub/bookmarks.json")), 0o600);
    }
}
