use super::*;
use crate::bindings::keymap::Context;

fn parse_str(text: &str) -> Result<Settings, ConfigError> {
    parse(text, Path::new("config.toml"))
}

#[test]
fn the_printed_default_reads_back_to_the_defaults() {
    let text = print_default();
    let mut s = parse_str(&text).unwrap();
    // The one default key no terminal can send in the lists (Tab focuses the detail there).
    let warned: Vec<String> = s.warnings.drain(..).map(|w| w.message).collect();
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(warned[0].starts_with("`Ctrl-i` cannot arrive: terminals send it as Tab"));
    assert_eq!(s, Settings::default());
    assert!(text.contains("\nquit = \"q\"\n"));
    assert!(text.contains("\ndown = [\"j\", \"Down\"]\n"));
}

#[test]
fn an_empty_file_is_the_defaults() {
    assert_eq!(parse_str("").unwrap(), Settings::default());
}

#[test]
fn only_listed_keys_change() {
    let s = parse_str("[keys]\nquit = \"x\"\nbookmark = [\"m\", \"F2\"]\n").unwrap();
    let help = s.keymap.help_rows(Context::List);
    assert!(help.contains(&("x".to_string(), "quit")));
    assert!(help.iter().any(|(k, _)| k == "m F2"));
    assert!(help.iter().any(|(k, h)| k == "j ↓" && *h == "down"));
}

#[test]
fn syntax_errors_have_line_and_column() {
    let e = parse_str("mouse = true\ntheme = \n").unwrap_err();
    assert_eq!((e.line, e.column), (2, 9), "{e}");
    assert!(e.to_string().starts_with("config.toml:2:9: "), "{e}");
}

#[test]
fn bad_values_point_at_the_value() {
    let e = parse_str("theme = \"blue\"\n").unwrap_err();
    assert_eq!((e.line, e.column), (1, 9));
    assert!(e.message.contains("unknown theme `blue`"));
    let e = parse_str("date_format = \"%Y-%Q\"\n").unwrap_err();
    assert!(e.message.contains("not a strftime format"), "{e}");
    let e = parse_str("[keys]\ndown = \"Hyper-j\"\n").unwrap_err();
    assert_eq!(e.line, 2);
    assert!(e.message.contains("`Hyper-j`"));
    let e = parse_str("[keys]\n\nquit = \"j\"\n").unwrap_err();
    assert_eq!((e.line, e.column), (3, 1), "{e}");
    assert!(e.message.contains("`down`"));
    let e = parse_str("[keys]\nquit = 5\n").unwrap_err();
    assert_eq!((e.line, e.column), (2, 8), "{e}");
    assert!(e.message.starts_with("keys are a string"), "{e}");
    let e = parse_str("colour = 1\n").unwrap_err();
    assert_eq!(e.line, 1);
    assert!(e.message.contains("colour"), "{e}");
}

#[test]
fn flags_beat_the_file_and_auto_follows_no_color() {
    let mut s = Settings::default();
    assert_eq!(s.theme(None, Some("1")), ThemeName::Mono);
    assert_eq!(s.theme(None, None), ThemeName::Dark);
    s.theme = ThemeChoice::Named(ThemeName::Light);
    assert_eq!(s.theme(None, Some("1")), ThemeName::Light);
    assert_eq!(s.theme(Some(ThemeName::Dark), None), ThemeName::Dark);
}

#[test]
fn keys_a_terminal_sends_as_another_key_are_warned_about() {
    let s = parse_str("[keys]\nforward_from_list = \"Ctrl-i\"\nnote = [\"Ctrl-m\", \"x\"]\nforward = [\"Ctrl-i\", \"Tab\"]\n")
        .unwrap();
    let warned: Vec<String> = s.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warned.len(), 2, "{warned:?}");
    assert!(
        warned[0].starts_with("config.toml:2:21: `Ctrl-i` cannot arrive: terminals send it as Tab"),
        "{warned:?}"
    );
    assert!(
        warned[1].contains("`Ctrl-m` cannot arrive: terminals send it as Enter"),
        "{warned:?}"
    );
}
