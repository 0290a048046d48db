//! What the user can ask of the TUI and which keys ask it: the actions, the keys as the help and
//! `config.toml` write them, and the one table of bindings. A leaf: it names actions and knows no
//! state, so the settings (`config`) read and check key bindings without depending on the TUI,
//! and the TUI (`tui::update`) applies the actions.

pub mod action;
pub mod keymap;
pub mod keys;
