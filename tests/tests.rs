//! The integration tests, one binary: cargo compiles and links it once (a binary per file
//! linked the whole library 29 times). One module per area; shared helpers in `util` and the
//! fixture modules.

// The tests call libc to set up terminals, fifos and signals (each block with its SAFETY comment).
#![allow(unsafe_code)]

mod util;

/// The generated corpus the benchmarks use.
#[path = "../benches/common/mod.rs"]
mod common;
mod events_support;
#[cfg(unix)]
mod pty_session;
mod tui_fixture;

mod bad_files;
mod brief;
mod cache;
mod cli;
mod events_detect;
mod events_merge;
mod extract_analysed;
mod extract_shared_sentences;
mod formats;
mod input_props;
#[cfg(unix)]
mod kept;
mod load;
mod pipeline_props;
#[cfg(unix)]
mod pty;
mod quotes_actors;
mod quotes_attribution;
mod quotes_props;
mod quotes_reported;
#[cfg(unix)]
mod settings;
mod stat_cache;
mod time_publication;
mod time_seeds;
mod time_tagging;
mod tui;
mod tui_bytes;
mod tui_filter;
mod tui_kept;
mod tui_keys;
mod tui_later;
mod tui_sizes;
