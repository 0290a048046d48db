//! Helpers shared by the test modules: the real binary with a test cache, the fixtures folder,
//! and keys pressed into a `State` with its screen read back as text.
#![allow(dead_code)]

use attache::tui::{Effect, State, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use std::process::{Command, Output};

/// The built `attache` binary, its cache in a shared temporary folder (never the user's).
pub fn attache_command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_attache"));
    c.env(
        "ATTACHE_CACHE_DIR",
        std::env::temp_dir().join("attache-test-cache"),
    );
    c
}

/// Runs `attache ARGS` to completion.
pub fn attache(args: &[&str]) -> Output {
    attache_command().args(args).output().expect("run attache")
}

/// `tests/fixtures`.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// One key, through the state's own key map, as the app loop would.
pub fn key(s: &mut State, code: KeyCode, mods: KeyModifiers) -> Option<Effect> {
    let a = s
        .keymap
        .action_for(s.context(), &KeyEvent::new(code, mods))?;
    // As the app loop does: the kept files are written after the update.
    match update(s, a) {
        Some(Effect::Save) => {
            attache::tui::persist::write_pending(s);
            None
        }
        effect => effect,
    }
}

/// One key without modifiers.
pub fn press(s: &mut State, code: KeyCode) -> Option<Effect> {
    key(s, code, KeyModifiers::NONE)
}

/// Each character as a key.
pub fn typed(s: &mut State, text: &str) {
    for c in text.chars() {
        press(s, KeyCode::Char(c));
    }
}

/// The drawn screen as plain text, one line per row.
pub fn screen_text(s: &State) -> String {
    let mut t = Terminal::new(TestBackend::new(s.width, s.height)).expect("test terminal");
    t.draw(|f| attache::tui::draw(f, s)).expect("draw");
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}
