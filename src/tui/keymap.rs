//! The one table of key bindings. Key handling, the help overlay (`?`) and the hint bar all read
//! [`BINDINGS`], so what the screen says a key does is always what it does.

use super::action::{Action, Facet, View};
use super::app::{Mode, State};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where the user is; a binding applies in some of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The timeline, quotes and sources lists (and their detail panes).
    List,
    /// An article opened with Enter.
    Source,
    /// The `/` filter line, the facet pickers and the date prompt.
    Input,
    Help,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::List => "Lists",
            Context::Source => "Article",
            Context::Input => "Filter line and pickers",
            Context::Help => "Help",
        }
    }
}

/// A key with its modifiers (Shift is part of the character for letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}
const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

impl Key {
    /// How the key is written in the help and the hint bar.
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// One row of the table: keys, what they do, where, and how the help and hint bar describe them.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub contexts: &'static [Context],
    pub help: &'static str,
    /// A word for the hint bar, if the binding is worth a place there (rows earlier in the table
    /// win when space is short).
    pub hint: Option<&'static str>,
}

use Context::{Help, Input, List, Source};

const NAV: &[Context] = &[List, Source, Help];
const LISTS_AND_ARTICLE: &[Context] = &[List, Source];

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { keys: &[key('?')], action: Action::ToggleHelp, contexts: &[List, Source, Help], help: "show or hide this help", hint: Some("help") },
    Binding { keys: &[key('/')], action: Action::StartFilter, contexts: &[List], help: "filter the list (fuzzy; Enter keeps, Esc clears)", hint: Some("filter") },
    Binding { keys: &[code(KeyCode::Enter)], action: Action::Open, contexts: &[List], help: "open the article at the quote (small screens: show the detail first)", hint: Some("open") },
    Binding { keys: &[key('q')], action: Action::Quit, contexts: LISTS_AND_ARTICLE, help: "quit", hint: Some("quit") },
    Binding { keys: &[ctrl('c')], action: Action::Quit, contexts: &[List, Source, Input, Help], help: "quit", hint: None },
    Binding { keys: &[key('1')], action: Action::Show(View::Timeline), contexts: LISTS_AND_ARTICLE, help: "timeline of events", hint: None },
    Binding { keys: &[key('2')], action: Action::Show(View::Quotes), contexts: LISTS_AND_ARTICLE, help: "quotes: who said what", hint: None },
    Binding { keys: &[key('3')], action: Action::Show(View::Sources), contexts: LISTS_AND_ARTICLE, help: "sources: the articles", hint: None },
    Binding { keys: &[key('j'), code(KeyCode::Down)], action: Action::Down, contexts: NAV, help: "down", hint: None },
    Binding { keys: &[key('k'), code(KeyCode::Up)], action: Action::Up, contexts: NAV, help: "up", hint: None },
    Binding { keys: &[key('g'), code(KeyCode::Home)], action: Action::Top, contexts: NAV, help: "first", hint: None },
    Binding { keys: &[key('G'), code(KeyCode::End)], action: Action::Bottom, contexts: NAV, help: "last", hint: None },
    Binding { keys: &[ctrl('d')], action: Action::HalfPageDown, contexts: NAV, help: "half a page down", hint: None },
    Binding { keys: &[ctrl('u')], action: Action::HalfPageUp, contexts: NAV, help: "half a page up", hint: None },
    Binding { keys: &[code(KeyCode::PageDown)], action: Action::PageDown, contexts: NAV, help: "page down", hint: None },
    Binding { keys: &[code(KeyCode::PageUp)], action: Action::PageUp, contexts: NAV, help: "page up", hint: None },
    Binding { keys: &[code(KeyCode::Tab), code(KeyCode::BackTab)], action: Action::ToggleFocus, contexts: &[List], help: "move the focus between the list and the detail pane", hint: Some("focus") },
    Binding { keys: &[key('y')], action: Action::CopyQuote, contexts: LISTS_AND_ARTICLE, help: "copy the quote with its citation (OSC 52 clipboard)", hint: Some("copy") },
    Binding { keys: &[key('a')], action: Action::Pick(Facet::Actor), contexts: &[List], help: "filter by actor (picker)", hint: Some("actor") },
    Binding { keys: &[key('o')], action: Action::Pick(Facet::Outlet), contexts: &[List], help: "filter by outlet (picker)", hint: None },
    Binding { keys: &[key('K')], action: Action::Pick(Facet::Kind), contexts: &[List], help: "filter by kind of event (picker; k is up)", hint: None },
    Binding { keys: &[key('s')], action: Action::Pick(Facet::Status), contexts: &[List], help: "filter past or planned (picker)", hint: None },
    Binding { keys: &[key('d')], action: Action::Pick(Facet::Date), contexts: &[List], help: "filter by date: 2025-08, 2025-08-01..2025-08-20, last 7d", hint: None },
    Binding { keys: &[code(KeyCode::Backspace)], action: Action::RemoveLastFilter, contexts: &[List], help: "remove the last filter", hint: None },
    Binding { keys: &[code(KeyCode::Esc)], action: Action::ClearFilters, contexts: &[List], help: "clear all filters (or close the detail)", hint: None },
    Binding { keys: &[key('n')], action: Action::NextQuote, contexts: &[Source], help: "next quote in the article", hint: Some("next quote") },
    Binding { keys: &[key('N')], action: Action::PrevQuote, contexts: &[Source], help: "previous quote in the article", hint: None },
    Binding { keys: &[code(KeyCode::Esc), code(KeyCode::Backspace), ctrl('o')], action: Action::Back, contexts: &[Source], help: "back to where you were", hint: Some("back") },
    Binding { keys: &[ctrl('o')], action: Action::Back, contexts: &[List], help: "back (after going forward)", hint: None },
    Binding { keys: &[ctrl('i'), code(KeyCode::Tab)], action: Action::Forward, contexts: &[Source], help: "forward again (Tab: terminals send it for Ctrl-i)", hint: None },
    Binding { keys: &[ctrl('i')], action: Action::Forward, contexts: &[List], help: "forward to the article you came back from", hint: None },
    Binding { keys: &[code(KeyCode::Enter)], action: Action::Submit, contexts: &[Input], help: "keep the filter / choose", hint: Some("keep") },
    Binding { keys: &[code(KeyCode::Esc)], action: Action::Cancel, contexts: &[Input], help: "clear the filter / cancel", hint: Some("clear") },
    Binding { keys: &[code(KeyCode::Backspace)], action: Action::DeleteChar, contexts: &[Input], help: "delete a character", hint: None },
    Binding { keys: &[code(KeyCode::Down), ctrl('n'), ctrl('j')], action: Action::Down, contexts: &[Input], help: "next item", hint: None },
    Binding { keys: &[code(KeyCode::Up), ctrl('p'), ctrl('k')], action: Action::Up, contexts: &[Input], help: "previous item", hint: None },
    Binding { keys: &[code(KeyCode::Esc), key('q')], action: Action::ToggleHelp, contexts: &[Help], help: "close the help", hint: Some("close") },
];

/// Normalises a key event: Shift is folded into the character, and a few terminals report
/// Ctrl-letters as upper case.
fn normalise(ev: &KeyEvent) -> Key {
    let mut mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
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

/// The action for a key in a context: the table first, then typing in text inputs.
/// Releases and repeats from terminals that report them are ignored, so keys never fire twice.
pub fn action_for(context: Context, ev: &KeyEvent) -> Option<Action> {
    if ev.kind != KeyEventKind::Press {
        return None;
    }
    let k = normalise(ev);
    let bound = BINDINGS
        .iter()
        .find(|b| b.contexts.contains(&context) && b.keys.contains(&k))
        .map(|b| b.action);
    if bound.is_some() {
        return bound;
    }
    match (context, k.code) {
        (Context::Input, KeyCode::Char(c))
            if !k.mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Type(c))
        }
        (Context::Help, _) if k.code == KeyCode::Char('?') => Some(Action::ToggleHelp),
        _ => None,
    }
}

/// The context the state is in: which bindings apply.
pub fn context(state: &State) -> Context {
    match state.mode {
        Mode::Help { .. } => Context::Help,
        Mode::Filter | Mode::Picker(_) | Mode::Date(_) => Context::Input,
        Mode::Normal if state.source.is_some() => Context::Source,
        Mode::Normal => Context::List,
    }
}

/// The bindings shown in the hint bar for a context, in priority order: (keys, word).
pub fn hints(context: Context) -> impl Iterator<Item = (String, &'static str)> {
    BINDINGS
        .iter()
        .filter(move |b| b.contexts.contains(&context))
        .filter_map(|b| Some((b.keys.first()?.label(), b.hint?)))
}

/// The help overlay's rows for a context: ("j/↓", "down").
pub fn help_rows(context: Context) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            (keys.join(" "), b.help)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for ctx in [List, Source, Input, Help] {
            let mut seen = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.contexts.contains(&ctx)) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{ctx:?}: {} bound twice", k.label());
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn releases_do_not_act() {
        let mut ev = press(KeyCode::Char('j'), KeyModifiers::NONE);
        ev.kind = KeyEventKind::Release;
        ev.state = KeyEventState::NONE;
        assert_eq!(action_for(List, &ev), None);
        ev.kind = KeyEventKind::Press;
        assert_eq!(action_for(List, &ev), Some(Action::Down));
    }

    #[test]
    fn shifted_letters_and_ctrl_keys_map() {
        let g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(List, &g), Some(Action::Bottom));
        let c = press(KeyCode::Char('C'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Input, &c), Some(Action::Quit));
    }

    #[test]
    fn typing_in_the_filter_line_types_even_bound_letters() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(Input, &q), Some(Action::Type('q')));
        assert_eq!(action_for(List, &q), Some(Action::Quit));
    }

    #[test]
    fn every_context_has_help_rows_and_a_hint() {
        for ctx in [List, Source, Input, Help] {
            assert!(!help_rows(ctx).is_empty());
            assert!(hints(ctx).next().is_some());
        }
    }
}
