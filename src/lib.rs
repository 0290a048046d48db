//! attache: a timeline of dated events and direct quotes from a pile of news articles.
//!
//! Data flows one way: [`corpus`] loads documents, [`extract`] turns them into a [`model::Timeline`],
//! and [`export`] and the `tui` only read it.

pub mod bindings;
pub mod brief;
pub mod cache;
pub mod citation;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod export;
pub mod extract;
pub mod kept;
#[cfg(test)]
mod layers_check;
pub mod memory;
pub mod model;
pub mod pipeline;
pub mod private;
pub mod progress;
pub mod sanitize;
pub mod shard;
pub mod text;
pub mod tui;
