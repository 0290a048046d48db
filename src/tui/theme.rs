//! Colours and text attributes, in one place, so that a theme is a table and not scattered `Style`s.
//!
//! Nothing here uses more than the 16 ANSI colours (plus the terminal's own default), because the
//! TUI runs over SSH in whatever terminal an analyst has. `mono` uses attributes only and is what
//! `NO_COLOR` selects.

use ratatui::style::{Color, Modifier, Style};

pub use crate::config::ThemeName;

/// Every style the views draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    pub text: Style,
    pub dim: Style,
    pub header: Style,
    pub selected: Style,
    /// The selection when its pane does not have the focus.
    pub selected_unfocused: Style,
    /// Characters matched by the `/` filter.
    pub matched: Style,
    pub planned: Style,
    pub approximate: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub status_bar: Style,
    pub key: Style,
    pub filter_chip: Style,
    pub message: Style,
    pub error: Style,
    /// Site chrome lines in the source view.
    pub chrome: Style,
    /// Quotes in the source view, and the one the user came for.
    pub quote: Style,
    pub target: Style,
    /// A reported statement (a paraphrase, shown with `≈`, never in quotation marks).
    pub paraphrase: Style,
    pub speaker: Style,
    pub border: Style,
    pub ribbon: Style,
}

impl Theme {
    pub fn new(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::Mono => Theme::mono(),
        }
    }

    fn dark() -> Theme {
        let base = Style::new();
        Theme {
            name: ThemeName::Dark,
            text: base,
            dim: base.fg(Color::DarkGray),
            header: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: base.bg(Color::Blue).fg(Color::White),
            selected_unfocused: base.bg(Color::DarkGray).fg(Color::White),
            matched: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            planned: base.fg(Color::Magenta).add_modifier(Modifier::ITALIC),
            approximate: base.fg(Color::Cyan),
            tab: base.fg(Color::Gray),
            tab_active: base
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            status_bar: base.fg(Color::White).bg(Color::DarkGray),
            key: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            filter_chip: base.fg(Color::Black).bg(Color::Yellow),
            message: base.fg(Color::LightGreen).add_modifier(Modifier::BOLD),
            error: base.fg(Color::LightRed).add_modifier(Modifier::BOLD),
            chrome: base.fg(Color::DarkGray),
            quote: base.fg(Color::Green),
            target: base.fg(Color::Black).bg(Color::Yellow),
            paraphrase: base.fg(Color::Gray).add_modifier(Modifier::ITALIC),
            speaker: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border: base.fg(Color::DarkGray),
            ribbon: base.fg(Color::Cyan),
        }
    }

    fn light() -> Theme {
        let base = Style::new();
        Theme {
            name: ThemeName::Light,
            text: base,
            dim: base.fg(Color::DarkGray),
            header: base.fg(Color::Blue).add_modifier(Modifier::BOLD),
            selected: base.bg(Color::Blue).fg(Color::White),
            selected_unfocused: base.bg(Color::Gray).fg(Color::Black),
            matched: base.fg(Color::Red).add_modifier(Modifier::BOLD),
            planned: base.fg(Color::Magenta).add_modifier(Modifier::ITALIC),
            approximate: base.fg(Color::Blue),
            tab: base.fg(Color::DarkGray),
            tab_active: base
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            status_bar: base.fg(Color::Black).bg(Color::Gray),
            key: base.fg(Color::Blue).add_modifier(Modifier::BOLD),
            filter_chip: base.fg(Color::White).bg(Color::Magenta),
            message: base.fg(Color::Green).add_modifier(Modifier::BOLD),
            error: base.fg(Color::Red).add_modifier(Modifier::BOLD),
            chrome: base.fg(Color::Gray),
            quote: base.fg(Color::Green),
            target: base.fg(Color::Black).bg(Color::LightYellow),
            paraphrase: base.fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            speaker: base.fg(Color::Blue).add_modifier(Modifier::BOLD),
            border: base.fg(Color::Gray),
            ribbon: base.fg(Color::Blue),
        }
    }

    fn mono() -> Theme {
        let base = Style::new();
        let bold = base.add_modifier(Modifier::BOLD);
        Theme {
            name: ThemeName::Mono,
            text: base,
            dim: base.add_modifier(Modifier::DIM),
            header: bold,
            selected: base.add_modifier(Modifier::REVERSED),
            selected_unfocused: base.add_modifier(Modifier::UNDERLINED),
            matched: bold.add_modifier(Modifier::UNDERLINED),
            planned: base.add_modifier(Modifier::ITALIC),
            approximate: base.add_modifier(Modifier::ITALIC),
            tab: base,
            tab_active: bold.add_modifier(Modifier::REVERSED),
            status_bar: base.add_modifier(Modifier::REVERSED),
            key: bold,
            filter_chip: bold,
            message: bold,
            error: bold,
            chrome: base.add_modifier(Modifier::DIM),
            quote: base.add_modifier(Modifier::ITALIC),
            target: base.add_modifier(Modifier::REVERSED),
            paraphrase: base.add_modifier(Modifier::DIM),
            speaker: bold,
            border: base,
            ribbon: base,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_selects_mono_unless_a_theme_is_given() {
        assert_eq!(ThemeName::resolve(None, Some("1")), ThemeName::Mono);
        assert_eq!(ThemeName::resolve(None, Some("")), ThemeName::Dark);
        assert_eq!(ThemeName::resolve(None, None), ThemeName::Dark);
        assert_eq!(
            ThemeName::resolve(Some(ThemeName::Light), Some("1")),
            ThemeName::Light
        );
    }

    #[test]
    fn mono_uses_no_colour_at_all() {
        let t = Theme::new(ThemeName::Mono);
        for s in [
            t.text,
            t.selected,
            t.matched,
            t.target,
            t.status_bar,
            t.chrome,
            t.paraphrase,
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
    }

    #[test]
    fn colour_themes_stay_within_the_16_ansi_colours() {
        for name in [ThemeName::Dark, ThemeName::Light] {
            let t = Theme::new(name);
            for s in [
                t.text,
                t.dim,
                t.header,
                t.selected,
                t.matched,
                t.planned,
                t.tab_active,
                t.status_bar,
                t.target,
                t.quote,
                t.paraphrase,
                t.chrome,
                t.filter_chip,
                t.ribbon,
            ] {
                for c in [s.fg, s.bg].into_iter().flatten() {
                    assert!(
                        !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                        "{c:?} is not one of the 16 colours"
                    );
                }
            }
        }
    }
}
