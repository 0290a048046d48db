//! Where attache keeps its files: the platform's config and data directories (XDG on Linux,
//! `~/Library/Application Support` on macOS, `%APPDATA%` on Windows, through `directories`), unless
//! the environment says otherwise — so tests and users can point attache somewhere else.

use std::ffi::OsString;
use std::path::PathBuf;

/// The settings file lives here (`config.toml`).
pub const CONFIG_DIR_VAR: &str = "ATTACHE_CONFIG_DIR";
/// Bookmarks, notes, saved filters and last places live here.
pub const DATA_DIR_VAR: &str = "ATTACHE_DATA_DIR";
/// One directory for both (and the cache), when the two above are not set.
pub use crate::private::HOME_VAR;

/// The two directories attache uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    pub config: PathBuf,
    pub data: PathBuf,
}

impl Dirs {
    /// From the process environment; `None` when no home directory can be found and nothing
    /// was set (attache then keeps nothing).
    pub fn from_env() -> Option<Dirs> {
        Dirs::resolve(|name| std::env::var_os(name))
    }

    /// The directories given a way to read environment variables: a specific variable beats
    /// `ATTACHE_HOME`, which beats the platform's directories. Empty values count as unset.
    pub fn resolve(var: impl Fn(&str) -> Option<OsString>) -> Option<Dirs> {
        let get = |name: &str| var(name).filter(|v| !v.is_empty()).map(PathBuf::from);
        let home = get(HOME_VAR);
        let platform = directories::ProjectDirs::from("", "", "attache");
        let config = get(CONFIG_DIR_VAR)
            .or_else(|| home.clone())
            .or_else(|| platform.as_ref().map(|p| p.config_dir().to_path_buf()))?;
        let data = get(DATA_DIR_VAR)
            .or(home)
            .or_else(|| platform.as_ref().map(|p| p.data_dir().to_path_buf()))?;
        Some(Dirs { config, data })
    }

    pub fn config_file(&self) -> PathBuf {
        self.config.join("config.toml")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_specific_variable_beats_attache_home() {
        let d = Dirs::resolve(|name| match name {
            HOME_VAR => Some("/tmp/h".into()),
            DATA_DIR_VAR => Some("/tmp/d".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(d.config, PathBuf::from("/tmp/h"));
        assert_eq!(d.data, PathBuf::from("/tmp/d"));
        assert_eq!(d.config_file(), PathBuf::from("/tmp/h/config.toml"));
    }

    #[test]
    fn empty_values_count_as_unset() {
        let d = Dirs::resolve(|name| match name {
            HOME_VAR => Some("/tmp/h".into()),
            CONFIG_DIR_VAR => Some("".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(d.config, PathBuf::from("/tmp/h"));
    }
}
