//! A key as the keymap knows it: how it is written in the help, the hint bar and `config.toml`
//! (one spelling, read back by [`Key::parse`]), and how terminal key events are folded into it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers (Shift is part of the character for letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

pub const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}
pub const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

/// Named keys: (the help's spelling, other spellings accepted in `config.toml`, the code).
const NAMED: &[(&str, &[&str], KeyCode)] = &[
    ("Space", &[], KeyCode::Char(' ')),
    ("Enter", &["Return"], KeyCode::Enter),
    ("Esc", &["Escape"], KeyCode::Esc),
    ("Backspace", &[], KeyCode::Backspace),
    ("Tab", &[], KeyCode::Tab),
    ("Shift-Tab", &["BackTab"], KeyCode::BackTab),
    ("↑", &["Up"], KeyCode::Up),
    ("↓", &["Down"], KeyCode::Down),
    ("←", &["Left"], KeyCode::Left),
    ("→", &["Right"], KeyCode::Right),
    ("Home", &[], KeyCode::Home),
    ("End", &[], KeyCode::End),
    ("PgUp", &["PageUp"], KeyCode::PageUp),
    ("PgDn", &["PageDown"], KeyCode::PageDown),
    ("Delete", &["Del"], KeyCode::Delete),
    ("Insert", &["Ins"], KeyCode::Insert),
];

impl Key {
    /// How the key is written in the help, the hint bar and `config.toml`.
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(c) if c != ' ' => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            code => NAMED
                .iter()
                .find(|(_, _, c)| *c == code)
                .map_or_else(|| format!("{code:?}"), |(name, _, _)| name.to_string()),
        };
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        out + &name
    }

    /// Reads a key as [`Key::label`] writes it (`q`, `G`, `Ctrl-d`, `Alt-x`, `Enter`, `PgDn`,
    /// `F5`); named keys and modifiers in any case, `Up`/`Down` for the arrows.
    pub fn parse(s: &str) -> Result<Key, String> {
        let bad = || {
            format!(
                "`{s}` is not a key: write a character (q, G, ?), Ctrl-x, Alt-x, F1–F12 or a name \
                 (Enter, Esc, Tab, Space, Backspace, Up, Down, Left, Right, Home, End, PgUp, PgDn)"
            )
        };
        let mut mods = KeyModifiers::NONE;
        let mut rest = s.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 2 && lower.starts_with("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if rest.chars().count() > 2 && lower.starts_with("alt-") {
                mods |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let named = NAMED
            .iter()
            .find(|(name, others, _)| {
                name.eq_ignore_ascii_case(rest)
                    || others.iter().any(|o| o.eq_ignore_ascii_case(rest))
            })
            .map(|(_, _, c)| *c);
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            _ if named.is_some() => named.ok_or_else(bad)?,
            (Some(c), None) if !c.is_control() => {
                // A terminal reports Ctrl-letters in lower case (see `normalise`).
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
                    && (1..=12).contains(&n)
                {
                    KeyCode::F(n)
                } else {
                    return Err(bad());
                }
            }
        };
        Ok(Key { code, mods })
    }

    /// A key event folded as the table holds keys: Shift into the character, Ctrl-letters in
    /// lower case (a few terminals report them upper case), Shift-Tab without its Shift.
    pub fn of_event(ev: &KeyEvent) -> Key {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let mut code = ev.code;
        if let KeyCode::Char(c) = code {
            mods.remove(KeyModifiers::SHIFT);
            if mods.contains(KeyModifiers::CONTROL) {
                code = KeyCode::Char(c.to_ascii_lowercase());
            }
        }
        if code == KeyCode::BackTab {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code, mods }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_parses_back_to_its_key() {
        let mut keys = vec![key('q'), key('G'), key('?'), ctrl('d'), key(':')];
        keys.extend(NAMED.iter().map(|(_, _, c)| code(*c)));
        keys.push(code(KeyCode::F(5)));
        keys.push(Key {
            code: KeyCode::Char('x'),
            mods: KeyModifiers::ALT | KeyModifiers::CONTROL,
        });
        for k in keys {
            assert_eq!(Key::parse(&k.label()), Ok(k), "{}", k.label());
        }
    }

    #[test]
    fn other_spellings_and_cases_are_read() {
        assert_eq!(Key::parse("down"), Ok(code(KeyCode::Down)));
        assert_eq!(Key::parse("CTRL-D"), Ok(ctrl('d')));
        assert_eq!(Key::parse("ctrl-D"), Ok(ctrl('d')));
        assert_eq!(Key::parse("pagedown"), Ok(code(KeyCode::PageDown)));
        assert_eq!(Key::parse("-"), Ok(key('-')));
    }

    #[test]
    fn nonsense_is_an_error_naming_it() {
        let e = Key::parse("Hyper-q").unwrap_err();
        assert!(e.contains("`Hyper-q`"), "{e}");
        assert!(Key::parse("").is_err());
        assert!(Key::parse("F13").is_err());
    }
}
