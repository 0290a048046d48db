//! The one table of key bindings. Key handling, the help overlay (`?`), the hint bar and the
//! `[keys]` section of `config.toml` all go through [`Keymap`], built from [`BINDINGS`] and the
//! user's overrides, so what the screen says a key does is always what it does.

use super::action::{Action, Facet, View};
pub use super::keys::Key;
use super::keys::{code, ctrl, key};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::sync::LazyLock;

/// Where the user is; a binding applies in some of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The timeline, quotes and sources lists (and their detail panes).
    List,
    /// An article opened with Enter.
    Source,
    /// The `/` filter line, the pickers, the date prompt, the note editor and the `:` line.
    Input,
    Help,
}

impl Context {
    pub const ALL: [Context; 4] = [
        Context::List,
        Context::Source,
        Context::Input,
        Context::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Context::List => "Lists",
            Context::Source => "Article",
            Context::Input => "Filter line and pickers",
            Context::Help => "Help",
        }
    }
}

/// One row of the table: its name in `config.toml`, default keys, what it does, where, and how
/// the help and hint bar describe it.
pub struct Binding {
    pub name: &'static str,
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
    Binding { name: "help", keys: &[key('?')], action: Action::ToggleHelp, contexts: &[List, Source, Help], help: "show or hide this help", hint: Some("help") },
    Binding { name: "filter", keys: &[key('/')], action: Action::StartFilter, contexts: &[List], help: "filter the list (fuzzy; Enter keeps, Esc clears)", hint: Some("filter") },
    Binding { name: "open", keys: &[code(KeyCode::Enter)], action: Action::Open, contexts: &[List], help: "open the article at the quote (small screens: show the detail first)", hint: Some("open") },
    Binding { name: "quit", keys: &[key('q')], action: Action::Quit, contexts: LISTS_AND_ARTICLE, help: "quit", hint: Some("quit") },
    Binding { name: "quit_anywhere", keys: &[ctrl('c')], action: Action::Quit, contexts: &[List, Source, Input, Help], help: "quit", hint: None },
    Binding { name: "timeline", keys: &[key('1')], action: Action::Show(View::Timeline), contexts: LISTS_AND_ARTICLE, help: "timeline of events", hint: None },
    Binding { name: "quotes", keys: &[key('2')], action: Action::Show(View::Quotes), contexts: LISTS_AND_ARTICLE, help: "quotes: who said what", hint: None },
    Binding { name: "sources", keys: &[key('3')], action: Action::Show(View::Sources), contexts: LISTS_AND_ARTICLE, help: "sources: the articles", hint: None },
    Binding { name: "down", keys: &[key('j'), code(KeyCode::Down)], action: Action::Down, contexts: NAV, help: "down", hint: None },
    Binding { name: "up", keys: &[key('k'), code(KeyCode::Up)], action: Action::Up, contexts: NAV, help: "up", hint: None },
    Binding { name: "first", keys: &[key('g'), code(KeyCode::Home)], action: Action::Top, contexts: NAV, help: "first", hint: None },
    Binding { name: "last", keys: &[key('G'), code(KeyCode::End)], action: Action::Bottom, contexts: NAV, help: "last", hint: None },
    Binding { name: "half_page_down", keys: &[ctrl('d')], action: Action::HalfPageDown, contexts: NAV, help: "half a page down", hint: None },
    Binding { name: "half_page_up", keys: &[ctrl('u')], action: Action::HalfPageUp, contexts: NAV, help: "half a page up", hint: None },
    Binding { name: "page_down", keys: &[code(KeyCode::PageDown)], action: Action::PageDown, contexts: NAV, help: "page down", hint: None },
    Binding { name: "page_up", keys: &[code(KeyCode::PageUp)], action: Action::PageUp, contexts: NAV, help: "page up", hint: None },
    Binding { name: "focus", keys: &[code(KeyCode::Tab), code(KeyCode::BackTab)], action: Action::ToggleFocus, contexts: &[List], help: "move the focus between the list and the detail pane", hint: Some("focus") },
    Binding { name: "copy", keys: &[key('y')], action: Action::CopyQuote, contexts: LISTS_AND_ARTICLE, help: "copy the quote with its citation (OSC 52 clipboard)", hint: Some("copy") },
    Binding { name: "copy_url", keys: &[key('Y')], action: Action::CopyUrl, contexts: LISTS_AND_ARTICLE, help: "copy the article's URL (OSC 52 clipboard)", hint: None },
    Binding { name: "pick_actor", keys: &[key('a')], action: Action::Pick(Facet::Actor), contexts: &[List], help: "filter by actor (picker)", hint: Some("actor") },
    Binding { name: "pick_outlet", keys: &[key('o')], action: Action::Pick(Facet::Outlet), contexts: &[List], help: "filter by outlet (picker)", hint: None },
    Binding { name: "pick_kind", keys: &[key('K')], action: Action::Pick(Facet::Kind), contexts: &[List], help: "filter by kind of event (picker; k is up)", hint: None },
    Binding { name: "pick_status", keys: &[key('s')], action: Action::Pick(Facet::Status), contexts: &[List], help: "filter past or planned (picker)", hint: None },
    Binding { name: "pick_date", keys: &[key('d')], action: Action::Pick(Facet::Date), contexts: &[List], help: "filter by date: 2025-08, 2025-08-01..2025-08-20, last 7d", hint: None },
    Binding { name: "rank", keys: &[key('r')], action: Action::ToggleRank, contexts: &[List], help: "quotes found with /: best matches first, or in date order", hint: None },
    Binding { name: "quote_form", keys: &[key('F')], action: Action::CycleForm, contexts: &[List], help: "quotes: both, direct quotes only, reported speech only (≈ paraphrase)", hint: None },
    Binding { name: "remove_last_filter", keys: &[code(KeyCode::Backspace)], action: Action::RemoveLastFilter, contexts: &[List], help: "remove the last filter", hint: None },
    Binding { name: "clear_filters", keys: &[code(KeyCode::Esc)], action: Action::ClearFilters, contexts: &[List], help: "clear all filters (or close the detail)", hint: None },
    Binding { name: "bookmark", keys: &[key('b')], action: Action::ToggleBookmark, contexts: &[List], help: "bookmark the selected event or quote, or remove it", hint: None },
    Binding { name: "note", keys: &[key('N')], action: Action::EditNote, contexts: &[List], help: "note on the selected event (one line; empty deletes)", hint: None },
    Binding { name: "saved_filters", keys: &[key('f')], action: Action::PickSaved, contexts: &[List], help: "saved filters (picker; :save NAME saves the filters)", hint: None },
    Binding { name: "command", keys: &[key(':')], action: Action::StartCommand, contexts: &[List], help: "command line: save NAME, load NAME, delete NAME, filters (list the saved ones), 2025-08-15 (go to that date)", hint: None },
    Binding { name: "next_quote", keys: &[key('n')], action: Action::NextQuote, contexts: &[Source], help: "next quote in the article", hint: Some("next quote") },
    Binding { name: "prev_quote", keys: &[key('N')], action: Action::PrevQuote, contexts: &[Source], help: "previous quote in the article", hint: None },
    Binding { name: "back", keys: &[code(KeyCode::Esc), code(KeyCode::Backspace), ctrl('o')], action: Action::Back, contexts: &[Source], help: "back to where you were", hint: Some("back") },
    Binding { name: "back_from_list", keys: &[ctrl('o')], action: Action::Back, contexts: &[List], help: "back (after going forward)", hint: None },
    Binding { name: "forward", keys: &[ctrl('i'), code(KeyCode::Tab)], action: Action::Forward, contexts: &[Source], help: "forward again (Tab: terminals send it for Ctrl-i)", hint: None },
    Binding { name: "forward_from_list", keys: &[ctrl('i')], action: Action::Forward, contexts: &[List], help: "forward to the article you came back from", hint: None },
    Binding { name: "input_keep", keys: &[code(KeyCode::Enter)], action: Action::Submit, contexts: &[Input], help: "keep the filter / choose", hint: Some("keep") },
    Binding { name: "input_cancel", keys: &[code(KeyCode::Esc)], action: Action::Cancel, contexts: &[Input], help: "clear the filter / cancel", hint: Some("clear") },
    Binding { name: "input_delete", keys: &[code(KeyCode::Backspace)], action: Action::DeleteChar, contexts: &[Input], help: "delete a character", hint: None },
    Binding { name: "input_clear", keys: &[ctrl('u')], action: Action::ClearLine, contexts: &[Input], help: "clear the line", hint: None },
    Binding { name: "input_down", keys: &[code(KeyCode::Down), ctrl('n'), ctrl('j')], action: Action::Down, contexts: &[Input], help: "next item", hint: None },
    Binding { name: "input_up", keys: &[code(KeyCode::Up), ctrl('p'), ctrl('k')], action: Action::Up, contexts: &[Input], help: "previous item", hint: None },
    Binding { name: "help_close", keys: &[code(KeyCode::Esc), key('q')], action: Action::ToggleHelp, contexts: &[Help], help: "close the help", hint: Some("close") },
];

/// The bindings in use: [`BINDINGS`] with the user's keys where they changed them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// The keys of each row of [`BINDINGS`], in the same order.
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            keys: BINDINGS.iter().map(|b| b.keys.to_vec()).collect(),
        }
    }
}

/// The defaults, made once.
static DEFAULT: LazyLock<Keymap> = LazyLock::new(Keymap::default);

/// Why an override was refused: which one (its index in the list given) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideError {
    pub index: usize,
    pub message: String,
}

impl Keymap {
    /// The default bindings.
    pub fn defaults() -> &'static Keymap {
        &DEFAULT
    }

    /// The defaults with some rows' keys replaced: `(binding name, keys)`. An unknown name or a
    /// key that would then do two things in one context is an error.
    pub fn with_overrides(overrides: &[(String, Vec<Key>)]) -> Result<Keymap, OverrideError> {
        let mut map = Keymap::default();
        let mut changed: Vec<Option<usize>> = vec![None; BINDINGS.len()];
        for (index, (name, keys)) in overrides.iter().enumerate() {
            let Some(row) = BINDINGS.iter().position(|b| b.name == name) else {
                return Err(OverrideError {
                    index,
                    message: format!(
                        "unknown action `{name}` (attache config --print-default lists them)"
                    ),
                });
            };
            map.keys[row] = keys.clone();
            changed[row] = Some(index);
        }
        for ctx in Context::ALL {
            let mut seen: Vec<(Key, usize)> = Vec::new();
            for (row, b) in BINDINGS.iter().enumerate() {
                if !b.contexts.contains(&ctx) {
                    continue;
                }
                for k in &map.keys[row] {
                    if let Some(&(_, other)) = seen.iter().find(|(s, _)| s == k) {
                        // Blame the overridden row (there is one: the defaults never clash).
                        let (blamed, with) = if changed[row].is_some() {
                            (row, other)
                        } else {
                            (other, row)
                        };
                        return Err(OverrideError {
                            index: changed[blamed].or(changed[with]).unwrap_or(0),
                            message: format!(
                                "`{}` would be bound to both `{}` and `{}` in {}; give `{}` another key too",
                                k.label(),
                                BINDINGS[blamed].name,
                                BINDINGS[with].name,
                                ctx.title(),
                                BINDINGS[with].name
                            ),
                        });
                    }
                    seen.push((*k, row));
                }
            }
        }
        Ok(map)
    }

    /// Each binding with its keys in use.
    pub fn rows(&self) -> impl Iterator<Item = (&'static Binding, &[Key])> {
        BINDINGS.iter().zip(self.keys.iter().map(Vec::as_slice))
    }

    /// The keys in use for a binding name.
    pub fn keys_of(&self, name: &str) -> Option<&[Key]> {
        self.rows().find(|(b, _)| b.name == name).map(|(_, k)| k)
    }

    /// The action for a key in a context: the table first, then typing in text inputs.
    /// Releases and repeats from terminals that report them are ignored, so keys never fire twice.
    pub fn action_for(&self, context: Context, ev: &KeyEvent) -> Option<Action> {
        if ev.kind != KeyEventKind::Press {
            return None;
        }
        let k = Key::of_event(ev);
        let bound = self
            .rows()
            .find(|(b, keys)| b.contexts.contains(&context) && keys.contains(&k))
            .map(|(b, _)| b.action);
        if bound.is_some() {
            return bound;
        }
        match (context, k.code) {
            (Context::Input, KeyCode::Char(c))
                if !k.mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Type(c))
            }
            _ => None,
        }
    }

    /// The bindings shown in the hint bar for a context, in priority order: (key, word).
    pub fn hints(&self, context: Context) -> impl Iterator<Item = (String, &'static str)> + '_ {
        self.rows()
            .filter(move |(b, _)| b.contexts.contains(&context))
            .filter_map(|(b, keys)| Some((keys.first()?.label(), b.hint?)))
    }

    /// The help overlay's rows for a context: ("j/↓", "down"). Unbound actions are left out.
    pub fn help_rows(&self, context: Context) -> Vec<(String, &'static str)> {
        self.rows()
            .filter(|(b, keys)| b.contexts.contains(&context) && !keys.is_empty())
            .map(|(b, keys)| {
                let keys: Vec<String> = keys.iter().map(|k| k.label()).collect();
                (keys.join(" "), b.help)
            })
            .collect()
    }
}

/// The action for a key in a context with the default bindings (see [`Keymap::action_for`]).
pub fn action_for(context: Context, ev: &KeyEvent) -> Option<Action> {
    Keymap::defaults().action_for(context, ev)
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
            assert!(!Keymap::defaults().help_rows(ctx).is_empty());
            assert!(Keymap::defaults().hints(ctx).next().is_some());
        }
    }

    #[test]
    fn names_are_unique_and_snake_case() {
        let mut names: Vec<&str> = BINDINGS.iter().map(|b| b.name).collect();
        assert!(
            names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        );
        names.sort();
        names.dedup();
        assert_eq!(names.len(), BINDINGS.len());
    }

    #[test]
    fn an_override_replaces_only_that_row_and_changes_help_and_hints() {
        let map = Keymap::with_overrides(&[("quit".into(), vec![key('x')])]).unwrap();
        let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(map.action_for(List, &x), Some(Action::Quit));
        assert_eq!(map.action_for(List, &q), None);
        // q still closes the help: that is another row.
        assert_eq!(map.action_for(Help, &q), Some(Action::ToggleHelp));
        assert!(map.help_rows(List).contains(&("x".to_string(), "quit")));
        assert!(map.hints(List).any(|h| h == ("x".to_string(), "quit")));
        assert!(!map.hints(List).any(|h| h.0 == "q"));
    }

    #[test]
    fn an_override_that_clashes_names_both_actions() {
        let e = Keymap::with_overrides(&[
            ("copy".into(), vec![key('c')]),
            ("quit".into(), vec![key('j')]),
        ])
        .unwrap_err();
        assert_eq!(e.index, 1);
        assert!(
            e.message.contains("`quit`") && e.message.contains("`down`"),
            "{}",
            e.message
        );
        let e = Keymap::with_overrides(&[("fly".into(), vec![key('c')])]).unwrap_err();
        assert!(e.message.contains("unknown action `fly`"));
    }

    #[test]
    fn swapping_two_keys_is_allowed() {
        let map = Keymap::with_overrides(&[
            ("down".into(), vec![key('k')]),
            ("up".into(), vec![key('j')]),
        ])
        .unwrap();
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(map.action_for(List, &j), Some(Action::Up));
    }
}
