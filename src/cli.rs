//! The command line, as clap definitions (also used to generate completions and the man page).

use crate::export::Format;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "attache",
    version,
    args_conflicts_with_subcommands = true,
    about = "A timeline of dated events and direct quotes from news articles",
    long_about = "attache reads news articles (.txt, .md with front matter), extracts the dated events in them, \
merges the same event reported by several outlets, attaches direct quotes with their speakers, and opens \
a keyboard-driven timeline.\n\nWith no PATHS it opens the bundled demo corpus (five articles on the \
August 2025 Ukraine diplomacy).",
    after_help = "Examples:\n  attache                       open the bundled corpus\n  attache ~/news/ukraine/       open a folder of articles\n  attache export --format json articles/*.txt > timeline.json\n  attache quotes --speaker merz\n\nExit codes: 0 ok, 1 runtime error, 2 usage error or nothing loadable."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub input: Input,
}

/// Where the articles come from; shared by every command.
#[derive(Debug, Args, Clone, Default)]
pub struct Input {
    /// Article files or folders (searched recursively). None: the bundled corpus.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Publication date of every given document (the reference for "Monday", "last week").
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub dct: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the whole timeline (documents, events, quotes) for scripts.
    Export {
        #[command(flatten)]
        input: Input,
        /// Output format. `json` is the documented attache/1 contract.
        #[arg(long, short, value_enum, default_value = "json")]
        format: Format,
    },
    /// List the documents with their (inferred) metadata.
    Docs {
        #[command(flatten)]
        input: Input,
        #[arg(long, short, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// List the recognised time expressions of each document (one JSON line per document).
    Timex {
        #[command(flatten)]
        input: Input,
        #[arg(long, short, value_enum, default_value = "jsonl")]
        format: TimexFormat,
    },
    /// List direct quotes and their speakers.
    Quotes {
        #[command(flatten)]
        input: Input,
        /// Only quotes whose speaker matches NAME (case-insensitive substring).
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Only quotes whose text contains TEXT (case-insensitive).
        #[arg(long, value_name = "TEXT")]
        query: Option<String>,
        #[arg(long, short, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// List events, optionally filtered.
    Events {
        #[command(flatten)]
        input: Input,
        /// Only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Only events on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Only events with an actor matching NAME.
        #[arg(long, value_name = "NAME")]
        actor: Option<String>,
        /// Only events of this kind (meeting, summit, call, statement, …).
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        #[arg(long, short, value_enum, default_value = "text")]
        format: EventsFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimexFormat {
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EventsFormat {
    Text,
    Json,
    Csv,
    Md,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date like 2025-08-18"))
}
