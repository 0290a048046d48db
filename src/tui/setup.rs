//! Opening the TUI as the `attache` binary does: settings from `config.toml` (an invalid file is
//! reported on stderr with its line and column, and the defaults are used), the command line's
//! flags over them, and the kept state of this corpus (files moved aside are reported too).

use super::app::{Options, State};
use super::theme::ThemeName;
use crate::config;
use crate::kept::{Dirs, Store, key::corpus_key};
use crate::model::Timeline;
use crate::sanitize::plain;
use std::path::PathBuf;

/// What the command line says about the TUI.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub theme: Option<ThemeName>,
    /// `Some(true)` for `--mouse`, `Some(false)` for `--no-mouse`.
    pub mouse: Option<bool>,
    /// The paths given (none: the bundled corpus), which name the corpus's kept place.
    pub paths: Vec<PathBuf>,
}

/// The state the TUI starts in, and the warnings to print before it takes the screen.
pub fn prepare(timeline: Timeline, flags: &Flags, dirs: Option<&Dirs>) -> (State, Vec<String>) {
    let mut warnings = Vec::new();
    let settings = match dirs.map(|d| config::load(&d.config_file())) {
        Some(Ok(s)) => s,
        Some(Err(e)) => {
            warnings.push(format!("{e}; using the default settings"));
            config::Settings::default()
        }
        None => config::Settings::default(),
    };
    let no_color = std::env::var("NO_COLOR").ok();
    let options = Options {
        theme: settings.theme(flags.theme, no_color.as_deref()),
        mouse: flags.mouse.unwrap_or(settings.mouse),
    };
    let mut state = State::open(timeline, options, dirs.is_some());
    crate::progress::mark("TUI catalog built");
    state.keymap = settings.keymap;
    state.date_format = settings.date_format;
    let term = std::env::var("TERM").ok();
    state.hyperlinks = crate::tui::backend::hyperlink::wanted(no_color.as_deref(), term.as_deref());
    let store = dirs.map(|d| Store::new(d.data.clone()));
    let kept = crate::tui::persist::open(&mut state, store, &corpus_key(&flags.paths));
    warnings.extend(kept);
    if let Some(w) = warnings.first() {
        state.message = Some(format!("warning: {}", plain(w)));
    }
    crate::progress::mark("TUI settings and kept state read");
    (state, warnings)
}

/// Prepares the state, prints the warnings on stderr (they stay on the screen after the TUI
/// closes) and runs the TUI.
pub fn start(timeline: Timeline, flags: &Flags) -> std::io::Result<u8> {
    let dirs = Dirs::from_env();
    let (state, warnings) = prepare(timeline, flags, dirs.as_ref());
    for w in &warnings {
        eprintln!("attache: warning: {}", plain(w));
    }
    super::terminal::run_state(state)
}
