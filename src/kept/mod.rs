//! Kept state: bookmarks and notes, saved filters and the last place in each corpus, in the
//! platform's data directory (see [`dirs`]). Every file is versioned JSON written atomically
//! ([`file`]); what is kept about an event or quote is keyed by what it is, not by its
//! sequential id ([`key`]). Every change re-reads its file first, so two open attaches lose as
//! little as possible of each other's changes.

pub mod commands;
pub mod dirs;
pub mod export;
pub mod file;
pub mod key;
pub mod marks;
pub mod places;

pub use dirs::Dirs;
pub use file::Read;
pub use key::Keys;
pub use marks::{Mark, Marks, MarksFile};
pub use places::{ArticlePlace, FiltersFile, Place, PlacesFile, SavedFilter};

use std::io;
use std::path::PathBuf;

/// The kept files in one data directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    pub dir: PathBuf,
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// The store of the environment's data directory (`None` without a home directory).
    pub fn from_env() -> Option<Store> {
        Dirs::from_env().map(|d| Store::new(d.data))
    }

    pub fn marks_path(&self) -> PathBuf {
        self.dir.join("bookmarks.json")
    }
    pub fn filters_path(&self) -> PathBuf {
        self.dir.join("filters.json")
    }
    pub fn places_path(&self) -> PathBuf {
        self.dir.join("places.json")
    }

    pub fn marks(&self) -> Read<MarksFile> {
        file::load_json(&self.marks_path())
    }
    pub fn filters(&self) -> Read<FiltersFile> {
        file::load_json(&self.filters_path())
    }
    pub fn places(&self) -> Read<PlacesFile> {
        file::load_json(&self.places_path())
    }

    /// Re-reads `bookmarks.json`, applies `change` and writes it back atomically. Returns the
    /// new file and the warning, if the old one had to be moved aside.
    pub fn change_marks(
        &self,
        change: impl FnOnce(&mut MarksFile),
    ) -> io::Result<(MarksFile, Option<String>)> {
        let Read { mut value, warning } = self.marks();
        change(&mut value);
        value.version = file::VERSION;
        file::save_json(&self.marks_path(), &value)?;
        Ok((value, warning))
    }

    pub fn change_filters(
        &self,
        change: impl FnOnce(&mut FiltersFile),
    ) -> io::Result<(FiltersFile, Option<String>)> {
        let Read { mut value, warning } = self.filters();
        change(&mut value);
        value.version = file::VERSION;
        file::save_json(&self.filters_path(), &value)?;
        Ok((value, warning))
    }

    pub fn change_places(
        &self,
        change: impl FnOnce(&mut PlacesFile),
    ) -> io::Result<Option<String>> {
        let Read { mut value, warning } = self.places();
        change(&mut value);
        value.version = file::VERSION;
        file::save_json(&self.places_path(), &value)?;
        Ok(warning)
    }
}
