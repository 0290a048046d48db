//! The complete default `config.toml`, with a comment on every setting, generated from the keymap
//! table so that it lists every action under the name the `[keys]` section reads.

use super::DEFAULT_DATE_FORMAT;
use crate::bindings::keymap::{BINDINGS, Context};
use crate::bindings::keys::Key;

/// How a key is written in `config.toml`: the help's label, with words for the arrows.
fn config_label(k: &Key) -> String {
    k.label()
        .replace('↑', "Up")
        .replace('↓', "Down")
        .replace('←', "Left")
        .replace('→', "Right")
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The default configuration as a commented `config.toml` that reads back to the defaults.
pub fn print_default() -> String {
    let mut out = format!(
        r#"# attache settings. Every value below is the default: keep only the lines you change.
# `attache config --path` shows where this file is read from; `attache config --check` checks it.

# Colours: "auto" (dark, or mono when NO_COLOR is set), "dark", "light" or "mono" (attributes
# only). The --theme flag beats this.
theme = "auto"

# Let the mouse scroll and select rows. Off by default so the terminal's own text selection
# keeps working. The --mouse and --no-mouse flags beat this.
mouse = false

# How dates precise to the day are shown, as a strftime format: "%Y-%m-%d" is 2025-08-15,
# "%d %b %Y" is 15 Aug 2025, "%a %-d %b" is Fri 15 Aug. Months, weeks and years keep their form.
date_format = {}

# Key bindings. List only the actions whose keys you change; each takes one key or a list, and an
# empty list unbinds it. Keys are written as the help (?) shows them: q, G, ?, Ctrl-d, Alt-x,
# Enter, Esc, Tab, Shift-Tab, Space, Backspace, Up, Down, Left, Right, Home, End, PgUp, PgDn, F1.
# A key may do one thing per place (the places are in brackets); attache says so when two clash.
# Example:
#   quit = "x"
#   down = ["j", "Down", "Ctrl-n"]
[keys]
"#,
        quoted(DEFAULT_DATE_FORMAT)
    );
    for b in BINDINGS {
        let places: Vec<&str> = b.contexts.iter().map(|c| Context::title(*c)).collect();
        out.push_str(&format!("# {} [{}]\n", b.help, places.join(", ")));
        let keys: Vec<String> = b.keys.iter().map(|k| quoted(&config_label(k))).collect();
        let value = match keys.as_slice() {
            [one] => one.clone(),
            many => format!("[{}]", many.join(", ")),
        };
        out.push_str(&format!("{} = {value}\n", b.name));
    }
    out
}
