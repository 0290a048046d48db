//! Saved filter sets: `:save NAME` on the `:` line stores the active filters in `filters.json`,
//! and `f` (or `:filters`, `:load NAME`) brings them back. On disk they are
//! [`crate::kept::SavedFilter`]s, independent of the TUI's filter type.

use super::action::{Action, View};
use super::app::{Mode, Prompt, State};
use super::filter::{DateRange, Filter};
use crate::kept::{FiltersFile, SavedFilter};
use crate::model::{EventKind, Status};

/// The picker of saved filter sets.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SavedPicker {
    pub names: Vec<String>,
    pub query: String,
    /// Indices into `names` that contain `query`.
    pub shown: Vec<usize>,
    pub selected: usize,
}

impl SavedPicker {
    pub(crate) fn narrow(&mut self) {
        let q = self.query.to_lowercase();
        self.shown = (0..self.names.len())
            .filter(|&i| self.names[i].to_lowercase().contains(&q))
            .collect();
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
    }
}

/// Typing in the `:` line.
pub fn command_line(state: &mut State, mut p: Prompt, action: Action) {
    match action {
        Action::Type(c) => {
            p.text.push(c);
            p.error = None;
            state.mode = Mode::Command(p);
        }
        Action::DeleteChar => {
            p.text.pop();
            p.error = None;
            state.mode = Mode::Command(p);
        }
        Action::Submit => command(state, p),
        Action::Cancel => {}
        _ => state.mode = Mode::Command(p),
    }
}

/// Keys in the saved-filter picker.
pub fn picker(state: &mut State, mut p: SavedPicker, action: Action) {
    match action {
        Action::Type(c) => {
            p.query.push(c);
            p.narrow();
        }
        Action::DeleteChar => {
            p.query.pop();
            p.narrow();
        }
        Action::Down => p.selected = (p.selected + 1).min(p.shown.len().saturating_sub(1)),
        Action::Up => p.selected = p.selected.saturating_sub(1),
        Action::Submit => {
            if let Some(name) = p.shown.get(p.selected).map(|&i| p.names[i].clone()) {
                load(state, &name);
            }
            return;
        }
        Action::Cancel => return,
        _ => {}
    }
    state.mode = Mode::Saved(p);
}

pub fn to_saved(filters: &[Filter]) -> Vec<SavedFilter> {
    filters
        .iter()
        .filter_map(|f| {
            Some(match f {
                // The quote form is a view setting, not saved with the filter set.
                Filter::Query(q) if q.trim().is_empty() => return None,
                Filter::Form(_) => return None,
                Filter::Query(q) => SavedFilter::Query(q.clone()),
                Filter::Actor(a) => SavedFilter::Actor(a.clone()),
                Filter::Outlet(o) => SavedFilter::Outlet(o.clone()),
                Filter::Kind(k) => SavedFilter::Kind(k.as_str().into()),
                Filter::Status(s) => SavedFilter::Status(s.as_str().into()),
                Filter::Dates(d) => SavedFilter::Dates {
                    from: d.from,
                    to: d.to,
                },
            })
        })
        .collect()
}

/// The TUI's filters for saved ones (those this attache cannot read are left out).
pub fn from_saved(saved: &[SavedFilter]) -> Vec<Filter> {
    saved
        .iter()
        .filter_map(|f| match f {
            SavedFilter::Query(q) => Some(Filter::Query(q.clone())),
            SavedFilter::Actor(a) => Some(Filter::Actor(a.clone())),
            SavedFilter::Outlet(o) => Some(Filter::Outlet(o.clone())),
            SavedFilter::Kind(k) => EventKind::parse(k).map(Filter::Kind),
            SavedFilter::Status(s) => [Status::Past, Status::Planned]
                .into_iter()
                .find(|x| x.as_str() == s)
                .map(Filter::Status),
            SavedFilter::Dates { from, to } => Some(Filter::Dates(DateRange {
                from: *from,
                to: *to,
            })),
        })
        .collect()
}

/// `f`: the saved filter sets, newest name order.
pub fn open_saved(state: &mut State) {
    let names: Vec<String> = state.kept.filters.filters.keys().cloned().collect();
    if names.is_empty() {
        state.message = Some("no saved filters yet: filter the list, then :save NAME".into());
        return;
    }
    let mut p = SavedPicker {
        names,
        ..SavedPicker::default()
    };
    p.narrow();
    state.mode = Mode::Saved(p);
}

fn load(state: &mut State, name: &str) {
    match state.kept.filters.filters.get(name) {
        Some(saved) => {
            state.filters = from_saved(saved);
            state.filters_changed();
            state.message = Some(format!("filters “{name}” applied"));
        }
        None => state.message = Some(format!("no saved filters named “{name}”")),
    }
}

/// Asks for a change to the saved filters file (see [`super::persist::Save`]).
fn change_filters(
    state: &mut State,
    change: impl Fn(&mut FiltersFile) + Send + Sync + 'static,
    done: String,
) {
    state.saves.push(super::persist::Save::Filters {
        change: Box::new(change),
        done,
    });
}

/// Applies a change to the saved filters file (re-read, changed, written atomically) and to the
/// sets shown; a failure is reported and the change kept for this session.
pub(super) fn write_filters(state: &mut State, change: &dyn Fn(&mut FiltersFile), done: String) {
    let result = match &state.kept.store {
        Some(store) => store.change_filters(change).map(Some),
        None => Ok(None),
    };
    state.message = Some(match result {
        Ok(Some((file, warning))) => {
            state.kept.filters = file;
            match warning {
                Some(w) => format!("{done}; warning: {w}"),
                None => done,
            }
        }
        Ok(None) => {
            change(&mut state.kept.filters);
            done
        }
        Err(e) => {
            change(&mut state.kept.filters);
            format!("{done} for this session only: could not save ({e})")
        }
    });
}

/// `:2025-08-15` (or `:2025-08`, `:2025`): selects the first row of the list dated on or after
/// that day (in date order, the first of that day).
fn jump_to_date(state: &mut State, text: &str) {
    let from = match DateRange::parse(text, None) {
        Ok(r) => r.from,
        Err(e) => {
            state.message = Some(e);
            return;
        }
    };
    let cat = &state.catalog;
    let tl = &state.timeline;
    let date = |i: usize| match state.view {
        View::Timeline => cat.events.get(i).and_then(|e| e.start),
        View::Quotes => cat.quotes.get(i).and_then(|q| q.date),
        View::Sources => tl.documents.get(i).and_then(|d| d.published.date),
    };
    let found = state
        .current_rows()
        .iter()
        .position(|&i| date(i).is_some_and(|d| d >= from));
    match found {
        Some(pos) => {
            let rows = super::layout::areas(state).list_rows();
            let c = super::app::Cursor {
                selected: pos,
                ..state.cursor()
            };
            *state.cursor_mut() = super::app::scrolled(c, rows);
            state.message = Some(format!("first row on or after {from}"));
        }
        None => state.message = Some(format!("nothing listed on or after {from}")),
    }
}

/// The `:` line: `save NAME`, `load NAME`, `delete NAME`, `filters`, or a date to jump to.
fn command(state: &mut State, p: Prompt) {
    let text = p.text.trim();
    if text.starts_with(|c: char| c.is_ascii_digit()) && state.source.is_none() {
        return jump_to_date(state, text);
    }
    let (verb, rest) = text.split_once(' ').unwrap_or((text, ""));
    let name = crate::sanitize::plain(rest.trim());
    match (verb, name.is_empty()) {
        ("save" | "w", false) => {
            let saved = to_saved(&state.filters);
            if saved.is_empty() {
                state.message = Some("no filters to save: filter the list first".into());
                return;
            }
            let done = format!("filters saved as “{name}” (f recalls them)");
            change_filters(
                state,
                move |f| {
                    f.filters.insert(name.clone(), saved.clone());
                },
                done,
            );
        }
        ("load" | "e", false) => load(state, &name),
        ("delete" | "rm", false) => {
            if !state.kept.filters.filters.contains_key(&name) {
                state.message = Some(format!("no saved filters named “{name}”"));
                return;
            }
            let done = format!("saved filters “{name}” deleted");
            change_filters(
                state,
                move |f| {
                    f.filters.remove(&name);
                },
                done,
            );
        }
        ("filters" | "saved", _) => open_saved(state),
        ("", _) => {}
        (verb @ ("save" | "load" | "delete"), true) => {
            state.message = Some(format!(":{verb} needs a NAME"));
        }
        _ => {
            state.message = Some(format!(
                "unknown command “{}”: save NAME, load NAME, delete NAME, filters",
                crate::sanitize::plain(verb)
            ))
        }
    }
}
