//! Settings from `config.toml` in the config directory: theme, mouse, date format and key
//! bindings, where the user lists only the keys they change. The key overrides go through the
//! TUI's one keymap table ([`crate::bindings::keymap::Keymap`]), so the help and the hint bar always
//! show what the config made of them. An invalid file is an error naming its line and column;
//! the caller then starts with the defaults.

pub mod command;
mod default;

pub use default::print_default;

use crate::bindings::keymap::Keymap;
use crate::bindings::keys::Key;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The format dates have when `date_format` is not set.
pub const DEFAULT_DATE_FORMAT: &str = "%Y-%m-%d";

/// The theme names a user can pick with `--theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    Mono,
}

impl ThemeName {
    /// The theme to use: an explicit choice wins, else `NO_COLOR` (set and non-empty) means mono.
    pub fn resolve(explicit: Option<ThemeName>, no_color: Option<&str>) -> ThemeName {
        match (explicit, no_color) {
            (Some(t), _) => t,
            (None, Some(v)) if !v.is_empty() => ThemeName::Mono,
            _ => ThemeName::Dark,
        }
    }
}

/// The theme setting: `auto` lets `NO_COLOR` choose mono.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    #[default]
    Auto,
    Named(ThemeName),
}

/// Everything `config.toml` can set, with the defaults for what it does not.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    pub theme: ThemeChoice,
    pub mouse: bool,
    /// A checked strftime format; `None` is [`DEFAULT_DATE_FORMAT`].
    pub date_format: Option<String>,
    pub keymap: Keymap,
    /// What is allowed but will not work as written (a key terminals send as another key).
    pub warnings: Vec<ConfigError>,
}

/// Keys a terminal sends as another key, so the binding would never see them: (key, the key it
/// arrives as).
const ALIASED_KEYS: &[(char, &str)] = &[
    ('i', "Tab"),
    ('m', "Enter"),
    ('[', "Esc"),
    ('h', "Backspace"),
];

/// Why `key` cannot arrive as itself, if it cannot.
fn never_arrives(key: &Key) -> Option<String> {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    if key.mods != KeyModifiers::CONTROL {
        return None;
    }
    ALIASED_KEYS.iter().find(|(k, _)| *k == c).map(|(_, as_key)| {
        format!(
            "`{}` cannot arrive: terminals send it as {as_key}, so this binding will not see it",
            key.label()
        )
    })
}

impl Settings {
    /// The theme to use: the command line's, else the file's, else `NO_COLOR`'s mono, else dark.
    pub fn theme(&self, flag: Option<ThemeName>, no_color: Option<&str>) -> ThemeName {
        match (flag, self.theme) {
            (Some(t), _) => t,
            (None, ThemeChoice::Named(t)) => t,
            (None, ThemeChoice::Auto) => ThemeName::resolve(None, no_color),
        }
    }
}

/// An invalid `config.toml`: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based line and column (in characters) of the problem, when known.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl std::error::Error for ConfigError {}

/// A key's value: one key or a list of them.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    theme: Option<Spanned<String>>,
    mouse: Option<bool>,
    date_format: Option<Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<Keys>>,
}

/// 1-based (line, column) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Reads settings from the text of a `config.toml` (`path` only names it in errors).
pub fn parse(text: &str, path: &Path) -> Result<Settings, ConfigError> {
    let error = |offset: usize, message: String| {
        let (line, column) = line_col(text, offset);
        ConfigError {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    };
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = if e.message().contains("untagged enum Keys") {
            "keys are a string like \"q\" or a list like [\"j\", \"Down\"]".to_string()
        } else {
            e.message().trim().replace('\n', " ")
        };
        error(offset, message)
    })?;
    let mut settings = Settings::default();
    if let Some(theme) = raw.theme {
        settings.theme = match theme.get_ref().as_str() {
            "auto" => ThemeChoice::Auto,
            "dark" => ThemeChoice::Named(ThemeName::Dark),
            "light" => ThemeChoice::Named(ThemeName::Light),
            "mono" => ThemeChoice::Named(ThemeName::Mono),
            other => {
                return Err(error(
                    theme.span().start,
                    format!("unknown theme `{other}`: use auto, dark, light or mono"),
                ));
            }
        };
    }
    settings.mouse = raw.mouse.unwrap_or(false);
    if let Some(f) = raw.date_format {
        check_date_format(f.get_ref()).map_err(|m| error(f.span().start, m))?;
        if f.get_ref() != DEFAULT_DATE_FORMAT {
            settings.date_format = Some(f.into_inner());
        }
    }
    let mut overrides = Vec::new();
    let mut spans = Vec::new();
    for (name, keys) in raw.keys {
        let at = keys.span().start;
        let list = match keys.into_inner() {
            Keys::One(k) => vec![k],
            Keys::Many(ks) => ks,
        };
        let parsed: Result<Vec<Key>, String> = list.iter().map(|k| Key::parse(k)).collect();
        let parsed = parsed.map_err(|m| error(at, m))?;
        // `["Ctrl-i", "Tab"]` is fine: the key it arrives as is bound too.
        let arrives_as = |k: &Key| {
            parsed.iter().any(|other| {
                other.mods.is_empty()
                    && never_arrives(k)
                        .is_some_and(|m| m.contains(&format!(" as {},", other.label())))
            })
        };
        settings.warnings.extend(
            parsed
                .iter()
                .filter(|k| !arrives_as(k))
                .filter_map(never_arrives)
                .map(|m| error(at, m)),
        );
        overrides.push((name.get_ref().clone(), parsed));
        spans.push(name.span().start);
    }
    settings.keymap = Keymap::with_overrides(&overrides)
        .map_err(|e| error(spans.get(e.index).copied().unwrap_or(0), e.message))?;
    Ok(settings)
}

/// A strftime format chrono can use, that shows something.
fn check_date_format(f: &str) -> Result<(), String> {
    use chrono::format::{Item, StrftimeItems};
    if f.trim().is_empty() {
        return Err("date_format is empty: try \"%Y-%m-%d\"".into());
    }
    if StrftimeItems::new(f).any(|i| matches!(i, Item::Error)) {
        return Err(format!(
            "date_format `{f}` is not a strftime format (e.g. \"%Y-%m-%d\", \"%d %b %Y\")"
        ));
    }
    Ok(())
}

/// Reads the settings file at `path`. Missing: the defaults. Unreadable or invalid: the error
/// (the caller reports it and goes on with the defaults).
pub fn load(path: &Path) -> Result<Settings, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
        Err(e) => Err(ConfigError {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: format!("cannot read it: {e}"),
        }),
    }
}

#[cfg(test)]
mod tests;
