//! The terminal UI: scroll the timeline, filter it, and jump to the source quote.
//!
//! Shaped as state → update(Action) → draw(&State): [`app`] holds the state, [`keymap`] turns keys
//! into [`action::Action`]s (one table that also feeds the help and hint bar), [`update`] applies
//! them, and [`views`] draw a frame as a pure function of the state. Only [`terminal`] touches the
//! real terminal, so everything else is tested with ratatui's `TestBackend`.

pub mod app;
pub mod article_targets;
pub mod backend;
pub mod catalog;
pub mod facets;
pub mod filter;
pub mod layout;
pub mod navigate;
pub mod persist;
pub mod saved;
pub mod search;
pub mod setup;
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
