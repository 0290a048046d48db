//! The terminal UI: scroll the timeline, filter it, and jump to the source quote.
//!
//! Shaped as state → update(Action) → draw(&State): [`app`] holds the state, [`keymap`] turns keys
//! into [`action::Action`]s (one table that also feeds the help and hint bar), [`update`] applies
//! them, and [`views`] draw a frame as a pure function of the state. Only [`terminal`] touches the
//! real terminal, so everything else is tested with ratatui's `TestBackend`.

pub mod ansi;
pub mod app;
pub mod catalog;
pub mod compact;
pub mod facets;
pub mod filter;
pub mod growth;
pub mod hyperlink;
pub mod kept;
pub mod later;
pub mod layout;
pub mod navigate;
pub mod query;
pub mod rank;
pub mod rows;
pub mod runs;
pub mod saved;
pub mod search;
pub mod shift;
pub mod start;
pub mod targets;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod views;

pub use crate::bindings::{action, keymap, keys};
pub use action::{Action, View};
pub use app::{Options, State};
pub use terminal::run;
pub use theme::ThemeName;
pub use update::{Effect, update};
pub use views::draw;
