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
    long_about = "attache reads news articles (.txt, .md with front matter, saved .html pages, JSON/JSONL news \
exports, RSS/Atom feeds), extracts the dated events in them, \
merges the same event reported by several outlets, attaches direct quotes with their speakers, and opens \
a keyboard-driven timeline.\n\nWith no PATHS it opens the bundled demo corpus (five articles on the \
August 2025 Ukraine diplomacy).",
    after_help = "Examples:\n  attache                       open the bundled corpus\n  attache ~/news/ukraine/       open a folder of articles\n  attache export --format json articles/*.txt > timeline.json\n  attache quotes --speaker holt\n  attache brief --from 2025-08 > brief.md\n\nExit codes: 0 ok, 1 runtime error, 2 usage error or nothing loadable."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub input: Input,
    /// Colours of the TUI: dark, light or mono (attributes only). Default: dark, or mono when
    /// NO_COLOR is set.
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<crate::tui::ThemeName>,
    /// Let the TUI use the mouse: the wheel scrolls, a click selects. Off by default so that the
    /// terminal's own text selection keeps working.
    #[arg(long)]
    pub mouse: bool,
    /// Keep the mouse off even when config.toml turns it on.
    #[arg(long, conflicts_with = "mouse")]
    pub no_mouse: bool,
    /// Do not read or write the extraction cache (kept in the user's cache folder, or in
    /// ATTACHE_CACHE_DIR): extract every article again.
    #[arg(long, global = true)]
    pub no_cache: bool,
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
    /// Refuse a corpus whose files hold more than SIZE bytes (e.g. 500M, 4G; default 2G;
    /// also read from ATTACHE_MAX_BYTES).
    #[arg(long, value_name = "SIZE", env = "ATTACHE_MAX_BYTES", value_parser = parse_size)]
    pub max_bytes: Option<u64>,
}

impl Input {
    /// The loader's options for this input.
    pub fn load_options(&self) -> crate::corpus::LoadOptions {
        crate::corpus::LoadOptions {
            dct: self.dct,
            max_bytes: self.max_bytes,
        }
    }
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
        /// The table a CSV export holds: events (default) or quotes. A CSV file holds one
        /// table; json, jsonl and md always hold both.
        #[arg(long, value_enum, value_name = "TABLE")]
        what: Option<crate::export::Table>,
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
        /// Direct quotes (words in quotation marks), reported speech ("Holt said that …", listed
        /// as paraphrase, never in quotation marks) or both.
        #[arg(long, value_enum, default_value = "direct")]
        form: QuoteForm,
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
        /// Under each event (text format), how its date was fixed and, for every report of it,
        /// the outlet, the words and why the merge joined it to the event.
        #[arg(long)]
        explain: bool,
        #[arg(long, short, value_enum, default_value = "text")]
        format: EventsFormat,
    },
    /// Write a briefing for people: the dated timeline with its outlets and the key quotes with
    /// citations (Markdown), or the day-precise events as a calendar (`--format ics`).
    Brief {
        #[command(flatten)]
        input: Input,
        /// Only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Only events on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Only events with an actor matching NAME, and quotes by or about them.
        #[arg(long, value_name = "NAME")]
        actor: Option<String>,
        #[arg(long, short, value_enum, default_value = "md")]
        format: BriefFormat,
    },
    /// The map step for large archives: date and extract each document, writing one extraction
    /// record per document (JSON Lines, format attache-extract/1) for `attache merge`.
    #[command(
        after_help = "Documents come from PATHS, or as JSON Lines on stdin with `-`: one object per line with
`text` and any of `path`, `url`, `title`, `published`, `outlet`.

Examples:
  attache extract ~/archive/2025-05 > shard-05.jsonl
  attache merge shard-*.jsonl --out archive.timeline && attache archive.timeline"
    )]
    Extract {
        #[command(flatten)]
        input: Input,
        /// Write the records to FILE instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The reduce step: merge extraction records (files, folders of them, or `-` for stdin) into
    /// one timeline store, which every command opens like a folder.
    Merge {
        /// Record files written by `attache extract`, folders holding them, or `-` for stdin.
        #[arg(value_name = "RECORDS", required = true)]
        records: Vec<PathBuf>,
        /// The timeline store to write (e.g. archive.timeline).
        #[arg(long, short, value_name = "FILE")]
        out: PathBuf,
    },
    /// Show where config.toml is read from, print a complete default one, or check it.
    #[command(
        after_help = "Examples:\n  attache config --print-default > \"$(attache config --path)\"\n  attache config --check"
    )]
    Config {
        /// Print the path of config.toml (which need not exist yet).
        #[arg(long, group = "config_what")]
        path: bool,
        /// Print a complete, commented config.toml holding every default.
        #[arg(long, group = "config_what")]
        print_default: bool,
        /// Check config.toml: exit 0 when it is valid or absent, 1 with line:column when not.
        #[arg(long, group = "config_what")]
        check: bool,
    },
    /// Bookmark events and quotes from scripts (the TUI's `b`), or list the bookmarks and notes.
    Bookmark {
        #[command(subcommand)]
        action: BookmarkCommand,
    },
    /// Print a shell completion script (e.g. `attache completions bash > ~/.local/share/bash-completion/completions/attache`).
    Completions {
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `attache man | man -l -`; or write one page per command.
    Man {
        /// Write attache.1 and one attache-COMMAND.1 per command into DIR instead.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
    },
}

/// `attache bookmark …`: ids are those of this corpus (`attache events --format json` shows
/// them); what is kept is keyed by the item itself, so it survives the ids changing.
#[derive(Debug, Subcommand)]
pub enum BookmarkCommand {
    /// Bookmark an event (e.g. e3) or a quote (e.g. d1-q2).
    Add {
        #[arg(value_name = "ID")]
        id: String,
        #[command(flatten)]
        input: Input,
    },
    /// Remove the bookmark of an event or a quote.
    Remove {
        #[arg(value_name = "ID")]
        id: String,
        #[command(flatten)]
        input: Input,
    },
    /// List the bookmarked events and quotes of the corpus, and the events with notes.
    List {
        #[command(flatten)]
        input: Input,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BriefFormat {
    /// Markdown, readable as plain text too.
    Md,
    /// iCalendar (RFC 5545): one all-day event per day-precise event.
    Ics,
}

/// Which statements `attache quotes` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuoteForm {
    Direct,
    Reported,
    Both,
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

/// `2G`, `500M`, `64K`, `1.5GB`, `1000` (decimal units, as `--max-bytes` documents).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let bad = || format!("`{s}` is not a size: use bytes or a number with K, M or G (e.g. 500M)");
    let t = s.trim().to_ascii_uppercase();
    let t = t.strip_suffix('B').unwrap_or(&t);
    let (number, unit) = match t.char_indices().last() {
        Some((i, 'K')) => (&t[..i], 1e3),
        Some((i, 'M')) => (&t[..i], 1e6),
        Some((i, 'G')) => (&t[..i], 1e9),
        Some((i, 'T')) => (&t[..i], 1e12),
        _ => (t, 1.0),
    };
    let n: f64 = number.trim().parse().map_err(|_| bad())?;
    if !n.is_finite() || n < 0.0 {
        return Err(bad());
    }
    Ok((n * unit).round().min(u64::MAX as f64) as u64)
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date like 2025-08-18"))
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_with_units() {
        assert_eq!(parse_size("2G"), Ok(2_000_000_000));
        assert_eq!(parse_size("500mb"), Ok(500_000_000));
        assert_eq!(parse_size("1.5K"), Ok(1500));
        assert_eq!(parse_size("1234"), Ok(1234));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("-1M").is_err());
        assert!(parse_size("").is_err());
    }
}
