//! Settings as a user meets them: `attache config`, a config.toml whose key overrides show in the
//! help and the hint bar, an invalid file reported with line and column while attache starts with
//! the defaults, and command-line flags beating the file. Files live in a temporary ATTACHE_HOME.
#![cfg(unix)]

use crate::pty_session::Session;
use crate::util::screen_text;
use attache::tui::{Action, Options, State, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::process::Output;

fn run(home: &Path, args: &[&str]) -> Output {
    crate::util::attache_command()
        .env("ATTACHE_HOME", home)
        .env_remove("ATTACHE_CONFIG_DIR")
        .env_remove("ATTACHE_DATA_DIR")
        .args(args)
        .output()
        .expect("run attache")
}

#[test]
fn a_key_override_shows_in_the_help_and_the_hints_and_works() {
    let text = "[keys]\nquit = \"x\"\nhelp = \"F1\"\n";
    let settings = attache::config::parse(text, Path::new("config.toml")).unwrap();
    let mut s = State::new(crate::tui_fixture::timeline(), Options::default());
    s.keymap = settings.keymap;
    update(&mut s, Action::Resize(120, 40));
    let hints = screen_text(&s);
    let status = hints.lines().last().unwrap();
    assert!(
        status.contains("F1 help") && status.contains("x quit"),
        "{status}"
    );
    assert!(!status.contains("? help") && !status.contains("q quit"));
    let f1 = KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE);
    let action = s.keymap.action_for(s.context(), &f1).unwrap();
    update(&mut s, action);
    let help = screen_text(&s);
    let row = |keys: &str, what: &str| {
        help.lines().any(|l| {
            l.split('│')
                .nth(1)
                .is_some_and(|cell| cell.trim_start().starts_with(keys) && cell.contains(what))
        })
    };
    assert!(row("x ", "quit"), "{help}");
    assert!(row("F1 ", "show or hide this help"), "{help}");
    assert!(!row("q ", "quit"), "{help}");
    let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    update(&mut s, Action::ToggleHelp);
    assert_eq!(s.keymap.action_for(s.context(), &x), Some(Action::Quit));
}

#[test]
fn config_path_print_default_and_check() {
    let home = tempfile::tempdir().unwrap();
    let path = run(home.path(), &["config", "--path"]);
    assert!(path.status.success());
    let file = home.path().join("config.toml");
    assert_eq!(
        String::from_utf8_lossy(&path.stdout).trim(),
        file.to_str().unwrap()
    );

    let default = run(home.path(), &["config", "--print-default"]);
    assert!(default.status.success());
    std::fs::write(&file, &default.stdout).unwrap();
    let text = String::from_utf8_lossy(&default.stdout);
    let mut parsed = attache::config::parse(&text, &file).unwrap();
    parsed.warnings.clear();
    assert_eq!(parsed, attache::config::Settings::default());
    let check = run(home.path(), &["config", "--check"]);
    assert_eq!(check.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&check.stdout).contains("is valid"));

    // A key terminals send as another key: valid, with a warning naming where it is.
    std::fs::write(&file, "[keys]\nnote = \"Ctrl-m\"\n").unwrap();
    let check = run(home.path(), &["config", "--check"]);
    assert_eq!(check.status.code(), Some(0));
    let err = String::from_utf8_lossy(&check.stderr);
    assert!(
        err.starts_with("attache: warning: ")
            && err.contains("config.toml:2:8: `Ctrl-m` cannot arrive: terminals send it as Enter"),
        "{err}"
    );
}

#[test]
fn a_bad_config_is_reported_with_line_and_column_and_the_tui_starts_with_defaults() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join("config.toml"),
        "mouse = false\ntheme = \"purple\"\n[keys]\nquit = \"x\"\n",
    )
    .unwrap();
    let check = run(home.path(), &["config", "--check"]);
    assert_eq!(check.status.code(), Some(1));
    let err = String::from_utf8_lossy(&check.stderr).into_owned();
    assert!(
        err.contains("config.toml:2:9: unknown theme `purple`"),
        "{err}"
    );

    let home_str = home.path().to_str().unwrap();
    let mut s = Session::start_with(&[], &[("ATTACHE_HOME", home_str)]);
    s.wait_for("the timeline", |c| c.contains("1 Timeline"));
    assert!(s.contents().contains("config.toml:2:9"), "{}", s.contents());
    // The defaults: `q` quits (the file's `x` was not taken).
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(raw.contains("config.toml:2:9: unknown theme `purple`"));
    assert!(raw.contains("using the default settings"));
}

fn has_colour(raw: &str) -> bool {
    raw.contains("38;5;") || raw.contains("48;5;")
}

#[test]
fn flags_beat_the_config_file() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join("config.toml"),
        "theme = \"mono\"\nmouse = true\n",
    )
    .unwrap();
    let home_str = home.path().to_str().unwrap();
    let mouse_on = "\u{1b}[?1000h";

    let mut s = Session::start_with(&[], &[("ATTACHE_HOME", home_str)]);
    s.wait_for("the timeline", |c| c.contains("1 Timeline"));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(!has_colour(&raw) && raw.contains(mouse_on));

    let args = ["--theme", "dark", "--no-mouse"];
    let mut s = Session::start_with(&args, &[("ATTACHE_HOME", home_str)]);
    s.wait_for("the timeline", |c| c.contains("1 Timeline"));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(has_colour(&raw) && !raw.contains(mouse_on));
}
