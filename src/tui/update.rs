//! Applying an [`Action`] to the [`State`]: the only place the state changes. Returns an
//! [`Effect`] for what only the app loop can do (quit, write to the clipboard, write the kept
//! files): `update` touches neither the terminal nor a file.

use super::action::{Action, Facet, View};
use super::app::{Cursor, Focus, Mode, Prompt, State, scrolled};
use super::facets;
use super::filter::{DateRange, Filter, Form};
use super::layout::{self, DetailPlacement, detail_placement};
use super::navigate;
use crate::tui::article_targets;
use crate::tui::persist;

/// What the terminal loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Write the kept-file changes waiting in `State::saves` ([`persist::write_pending`]).
    Save,
}

pub fn update(state: &mut State, action: Action) -> Option<Effect> {
    let effect = apply(state, action);
    if effect.is_none() && !state.saves.is_empty() {
        return Some(Effect::Save);
    }
    effect
}

fn apply(state: &mut State, action: Action) -> Option<Effect> {
    match action {
        Action::Resize(w, h) => {
            state.width = w;
            state.height = h;
            let rows = layout::areas(state).list_rows();
            let c = state.cursor();
            *state.cursor_mut() = scrolled(c, rows);
            return None;
        }
        Action::Quit => return Some(Effect::Quit),
        _ => {}
    }
    state.message = None;
    if action == Action::ClearLine {
        clear_line(state);
        return None;
    }
    match state.mode {
        Mode::Help { scroll } => {
            help(state, scroll, action);
            None
        }
        Mode::Filter => {
            filter_line(state, action);
            None
        }
        Mode::Picker(_) => {
            picker(state, action);
            None
        }
        Mode::Date(_) => {
            date_prompt(state, action);
            None
        }
        Mode::Note(_) | Mode::Command(_) | Mode::Saved(_) => {
            persist::input(state, action);
            None
        }
        Mode::Normal if state.source.is_some() => navigate::in_article(state, action),
        Mode::Normal => list(state, action),
    }
}

fn help(state: &mut State, scroll: usize, action: Action) {
    let max = super::views::help_max_scroll(state);
    let page = (state.height as usize).saturating_sub(4).max(1);
    let scroll = match action {
        Action::Down | Action::ScrollDown => scroll + 1,
        Action::Up | Action::ScrollUp => scroll.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => max,
        Action::PageDown | Action::HalfPageDown => scroll + page,
        Action::PageUp | Action::HalfPageUp => scroll.saturating_sub(page),
        Action::ToggleHelp | Action::Cancel => {
            state.mode = Mode::Normal;
            return;
        }
        _ => scroll,
    };
    state.mode = Mode::Help {
        scroll: scroll.min(max),
    };
}

/// Moves the list selection (or, with the focus on the detail pane, the detail's item).
pub fn move_selection(state: &mut State, action: Action) {
    let areas = layout::areas(state);
    let (len, page, current) = if state.focus == Focus::Detail {
        (
            article_targets::of_selection(state).len(),
            areas.detail_lines(),
            state.detail.selected,
        )
    } else {
        (
            state.current_rows().len(),
            areas.list_rows(),
            state.cursor().selected,
        )
    };
    if len == 0 {
        return;
    }
    let page = page.max(1);
    let last = len - 1;
    let target = match action {
        Action::Down => current.saturating_add(1),
        Action::ScrollDown => current.saturating_add(3),
        Action::Up => current.saturating_sub(1),
        Action::ScrollUp => current.saturating_sub(3),
        Action::Top => 0,
        Action::Bottom => last,
        Action::HalfPageDown => current + page.div_ceil(2),
        Action::HalfPageUp => current.saturating_sub(page.div_ceil(2)),
        Action::PageDown => current + page,
        Action::PageUp => current.saturating_sub(page),
        _ => current,
    }
    .min(last);
    if state.focus == Focus::Detail {
        state.detail.selected = target;
    } else {
        let c = Cursor {
            selected: target,
            ..state.cursor()
        };
        *state.cursor_mut() = scrolled(c, areas.list_rows());
        state.detail = Cursor::default();
    }
}

fn list(state: &mut State, action: Action) -> Option<Effect> {
    match action {
        Action::Show(v) => show(state, v),
        a if a.is_movement() => move_selection(state, action),
        Action::ToggleFocus => {
            let placement = detail_placement(state.width, state.height);
            if placement == DetailPlacement::OnDemand && !state.detail_open {
                state.detail_open = true;
                state.focus = Focus::Detail;
            } else {
                state.focus = match state.focus {
                    Focus::List if placement != DetailPlacement::OnDemand => Focus::Detail,
                    Focus::Detail if placement != DetailPlacement::OnDemand => Focus::List,
                    f => f,
                };
            }
        }
        Action::Open => {
            let placement = detail_placement(state.width, state.height);
            if placement == DetailPlacement::OnDemand && !state.detail_open {
                if state.selected_item().is_some() {
                    state.detail_open = true;
                }
                return None;
            }
            let targets = article_targets::of_selection(state);
            let pick = if state.focus == Focus::Detail {
                state.detail.selected
            } else {
                matching_quote(state, &targets).unwrap_or(0)
            };
            if let Some(t) = targets.get(pick).or(targets.first()) {
                navigate::open(state, *t);
            } else if state.selected_item().is_some() {
                state.message = Some("nothing to open: no source for this item".into());
            }
        }
        Action::Back => navigate::back(state),
        Action::Forward => navigate::forward(state),
        Action::CopyQuote => return copy(state),
        Action::CopyUrl => return copy_url(state),
        Action::StartFilter => {
            if state.query().is_none() {
                state.filters.push(Filter::Query(String::new()));
            }
            state.mode = Mode::Filter;
        }
        Action::Pick(Facet::Date) => {
            let text = state
                .filters
                .iter()
                .find_map(|f| match f {
                    Filter::Dates(d) => Some(d.label()),
                    _ => None,
                })
                .unwrap_or_default();
            state.mode = Mode::Date(Prompt {
                prefilled: !text.is_empty(),
                text,
                error: None,
            });
        }
        Action::Pick(facet) => state.mode = Mode::Picker(facets::picker(state, facet)),
        Action::CycleForm => cycle_form(state),
        Action::ToggleRank => {
            state.toggle_rank();
            state.message = Some(
                if state.by_date {
                    "quotes found with /: in date order (r: best first)"
                } else {
                    "quotes found with /: best matches first (r: date order)"
                }
                .into(),
            );
        }
        Action::ToggleBookmark => persist::toggle_bookmark(state),
        Action::EditNote => persist::start_note(state),
        Action::PickSaved => super::saved::open_saved(state),
        Action::StartCommand => state.mode = Mode::Command(Prompt::default()),
        Action::RemoveLastFilter if state.filters.pop().is_some() => state.filters_changed(),
        Action::ClearFilters => {
            if state.detail_open {
                state.detail_open = false;
                state.focus = Focus::List;
            } else if state.focus == Focus::Detail {
                state.focus = Focus::List;
            } else if !state.filters.is_empty() {
                state.filters.clear();
                state.filters_changed();
                state.message = Some("filters cleared".into());
            }
        }
        Action::ToggleHelp => state.mode = Mode::Help { scroll: 0 },
        Action::Click(x, y) => click(state, x, y),
        _ => {}
    }
    None
}

/// The first target that is a quote matching the `/` query (by speaker or words), so that
/// `/holt` then Enter lands on what Holt said rather than on the event's first quote.
fn matching_quote(state: &State, targets: &[article_targets::Target]) -> Option<usize> {
    let m = state.query().and_then(super::filter::Matcher::new)?;
    targets.iter().position(|t| {
        t.quote.is_some_and(|q| {
            let q = &state.catalog.quotes[q];
            let fields = [q.speaker.as_str(), q.text.as_str()];
            m.matches(&super::filter::blob(fields), || fields.into_iter())
        })
    })
}

/// `F`: the Quotes view shows both forms, then direct quotes only, then reported statements
/// only (shown from any list: it switches to the Quotes view).
fn cycle_form(state: &mut State) {
    let now = state.filters.iter().find_map(|f| match f {
        Filter::Form(f) => Some(*f),
        _ => None,
    });
    let next = match now {
        None => Some(Form::Direct),
        Some(Form::Direct) => Some(Form::Reported),
        Some(Form::Reported) => None,
    };
    state.filters.retain(|f| f.facet() != Some(Facet::Form));
    state.filters.extend(next.map(Filter::Form));
    state.filters_changed();
    show(state, View::Quotes);
    state.message = Some(
        match next {
            None => "quotes: direct and reported",
            Some(Form::Direct) => "quotes: direct only (words in quotation marks)",
            Some(Form::Reported) => "quotes: reported speech only (≈ paraphrase)",
        }
        .into(),
    );
}

/// Switches to a list view (from an article too: the article goes on the back stack).
pub fn show(state: &mut State, v: View) {
    if state.source.is_some() {
        let here = state.place();
        state.back.push(here);
        state.forward.clear();
        state.source = None;
    }
    if state.view != v {
        state.view = v;
        state.focus = Focus::List;
        state.detail = Cursor::default();
        state.detail_open = false;
    }
    state.refresh_rows();
}

fn click(state: &mut State, x: u16, y: u16) {
    let areas = layout::areas(state);
    if y == areas.tabs.y {
        // Tabs are " N Title " followed by a space.
        let mut left = 0u16;
        for v in View::ALL {
            let w = v.title().len() as u16 + 4;
            if x >= left && x < left + w - 1 {
                show(state, v);
                return;
            }
            left += w;
        }
        return;
    }
    let l = areas.list;
    if x >= l.x && x < l.x + l.width && y > l.y && y < l.y + l.height {
        let line = layout::list_lines(state, &areas)
            .get((y - l.y - 1) as usize)
            .copied();
        if let Some(layout::ListLine::Row(pos)) = line {
            state.cursor_mut().selected = pos;
            state.focus = Focus::List;
            state.detail = Cursor::default();
        }
    } else if let Some(d) = areas.detail
        && x >= d.x
        && y >= d.y
        && y < d.y + d.height
    {
        state.focus = Focus::Detail;
    }
}

/// The citation `y` copies: “…” — Speaker, Outlet, 2025-08-18[ (inferred)], URL. A reported
/// statement is copied as what it is, a paraphrase, never between quotation marks (see
/// [`paraphrase`]).
pub fn citation(state: &State, quote: usize) -> String {
    let q = &state.catalog.quotes[quote];
    if q.reported {
        return paraphrase(q);
    }
    let doc = q.doc.and_then(|d| state.timeline.documents.get(d));
    crate::citation::quote(&q.text, Some(q.speaker.as_str()), doc)
}

/// A reported statement as `y` copies it: "Holt said that the border would reopen (paraphrase) —
/// Outlet, 2025-08-18". No quotation mark is added, and any in the clause are dropped, so the
/// copy can never read as the speaker's own words.
pub fn paraphrase(q: &super::catalog::QuoteEntry) -> String {
    let clause: String = q
        .text
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '«' | '»' | '„' | '‟'))
        .collect();
    let clause = clause.trim();
    // The clause's first word goes lower case after "that" when it is a function word ("The
    // border …"); a name keeps its capital.
    let first = clause.split_whitespace().next().unwrap_or("");
    let lower = matches!(
        first,
        "The"
            | "A"
            | "An"
            | "It"
            | "He"
            | "She"
            | "They"
            | "We"
            | "There"
            | "This"
            | "These"
            | "Those"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
    );
    let clause = if lower {
        format!("{}{}", first.to_lowercase(), &clause[first.len()..])
    } else {
        clause.to_string()
    };
    let verb = q.verb.to_lowercase();
    let said = if verb == "according to" {
        format!("According to {}, {clause}", q.speaker)
    } else {
        // "told" needs its hearer, which the clause does not keep: "said" reports it plainly.
        let verb = if verb.starts_with("tol") || verb.starts_with("tell") || verb.is_empty() {
            "said".to_string()
        } else {
            verb
        };
        format!("{} {verb} that {clause}", q.speaker)
    };
    let date = q.date.map(|d| d.to_string()).unwrap_or_default();
    let parts: Vec<&str> = [q.outlet.as_str(), date.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    format!("{said} (paraphrase) — {}", parts.join(", "))
}

pub fn copy(state: &mut State) -> Option<Effect> {
    match state.selected_quote() {
        Some(q) if state.catalog.is_reported(q) => {
            state.message =
                Some("copied the reported statement as a paraphrase, not a quotation".into());
            Some(Effect::Copy(citation(state, q)))
        }
        Some(q) => {
            state.message = Some("copied the quote with its citation (OSC 52 clipboard)".into());
            Some(Effect::Copy(citation(state, q)))
        }
        None => {
            state.message = Some("no quote here to copy".into());
            None
        }
    }
}

/// `Y`: the URL of the open article, else of the selected source or quote's article. Only an
/// http(s) URL of URL characters is copied.
pub fn copy_url(state: &mut State) -> Option<Effect> {
    let doc = match (&state.source, state.view) {
        (Some(src), _) => Some(src.doc),
        (None, View::Sources) => state.selected_item(),
        (None, _) => state
            .selected_quote()
            .and_then(|q| state.catalog.quotes[q].doc),
    };
    let url = doc
        .and_then(|d| state.timeline.documents.get(d))
        .and_then(|d| d.web_url())
        .map(str::to_string);
    match url {
        Some(u) => {
            state.message = Some(format!("copied {u} (OSC 52 clipboard)"));
            Some(Effect::Copy(u))
        }
        None => {
            state.message = Some("no web address known for this article".into());
            None
        }
    }
}

fn set_query(state: &mut State, edit: impl FnOnce(&mut String)) {
    match state.filters.iter_mut().find_map(|f| match f {
        Filter::Query(q) => Some(q),
        _ => None,
    }) {
        Some(q) => edit(q),
        None => {
            let mut q = String::new();
            edit(&mut q);
            state.filters.push(Filter::Query(q));
        }
    }
    state.filters_changed();
}

fn filter_line(state: &mut State, action: Action) {
    match action {
        Action::Type(c) => set_query(state, |q| q.push(c)),
        Action::DeleteChar => set_query(state, |q| {
            q.pop();
        }),
        Action::Submit => {
            state.mode = Mode::Normal;
            let before = state.filters.len();
            state
                .filters
                .retain(|f| !matches!(f, Filter::Query(q) if q.trim().is_empty()));
            if state.filters.len() != before {
                state.filters_changed();
            }
        }
        Action::Cancel => {
            state.mode = Mode::Normal;
            state.filters.retain(|f| !matches!(f, Filter::Query(_)));
            state.filters_changed();
        }
        Action::Down | Action::Up | Action::PageDown | Action::PageUp => {
            move_selection(state, action)
        }
        _ => {}
    }
}

fn picker(state: &mut State, action: Action) {
    let Mode::Picker(p) = &mut state.mode else {
        return;
    };
    match action {
        Action::Type(c) => {
            p.query.push(c);
            facets::narrow(p);
        }
        Action::DeleteChar => {
            p.query.pop();
            facets::narrow(p);
        }
        Action::Down => p.selected = (p.selected + 1).min(p.shown.len().saturating_sub(1)),
        Action::Up => p.selected = p.selected.saturating_sub(1),
        Action::Cancel => state.mode = Mode::Normal,
        Action::Submit => {
            let facet = p.facet;
            let chosen = p
                .shown
                .get(p.selected)
                .and_then(|&i| p.options[i].filter.clone());
            state.mode = Mode::Normal;
            match chosen {
                // Actors add up ("Macron and Merz"); choosing an active one again removes it.
                Some(actor @ Filter::Actor(_)) => {
                    if state.filters.contains(&actor) {
                        state.filters.retain(|f| *f != actor);
                    } else {
                        state.filters.push(actor);
                    }
                }
                chosen => {
                    state.filters.retain(|f| f.facet() != Some(facet));
                    state.filters.extend(chosen);
                }
            }
            state.filters_changed();
        }
        _ => {}
    }
}

/// Ctrl-u: empties whatever line is being typed.
fn clear_line(state: &mut State) {
    match &mut state.mode {
        Mode::Filter => set_query(state, String::clear),
        Mode::Picker(p) => {
            p.query.clear();
            facets::narrow(p);
        }
        Mode::Date(p) | Mode::Command(p) => {
            p.text.clear();
            p.error = None;
            p.prefilled = false;
        }
        Mode::Note(n) => n.text.clear(),
        Mode::Saved(p) => {
            p.query.clear();
            p.narrow();
        }
        Mode::Normal | Mode::Help { .. } => {}
    }
}

fn date_prompt(state: &mut State, action: Action) {
    let latest = state.catalog.latest;
    let Mode::Date(p) = &mut state.mode else {
        return;
    };
    match action {
        Action::Type(c) => {
            if std::mem::take(&mut p.prefilled) {
                p.text.clear();
            }
            p.text.push(c);
            p.error = None;
        }
        Action::DeleteChar => {
            p.prefilled = false;
            p.text.pop();
            p.error = None;
        }
        Action::Cancel => state.mode = Mode::Normal,
        Action::Submit => {
            let parsed = if p.text.trim().is_empty() {
                Ok(None)
            } else {
                DateRange::parse(&p.text, latest).map(Some)
            };
            match parsed {
                Ok(range) => {
                    state.mode = Mode::Normal;
                    state.filters.retain(|f| f.facet() != Some(Facet::Date));
                    state.filters.extend(range.map(Filter::Dates));
                    state.filters_changed();
                }
                Err(e) => p.error = Some(e),
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::paraphrase;
    use crate::tui::catalog::QuoteEntry;

    fn entry(text: &str, verb: &str) -> QuoteEntry {
        QuoteEntry {
            speaker: "Jane Holt".into(),
            text: text.into(),
            reported: true,
            verb: verb.into(),
            said: None,
            span: crate::model::Span::new(0, text.len()),
            outlet: "Daily Ledger".into(),
            date: chrono::NaiveDate::from_ymd_opt(2031, 3, 11),
            doc: Some(0),
            event: None,
        }
    }

    #[test]
    fn a_paraphrase_is_copied_as_one_without_quotation_marks() {
        assert_eq!(
            paraphrase(&entry("The border would reopen", "warned")),
            "Jane Holt warned that the border would reopen (paraphrase) — Daily Ledger, 2031-03-11"
        );
        assert_eq!(
            paraphrase(&entry("talks had stalled", "told")),
            "Jane Holt said that talks had stalled (paraphrase) — Daily Ledger, 2031-03-11"
        );
        assert_eq!(
            paraphrase(&entry("Vey will sign", "according to")),
            "According to Jane Holt, Vey will sign (paraphrase) — Daily Ledger, 2031-03-11"
        );
        // Even a clause that somehow holds quotation marks is copied without them.
        let copied = paraphrase(&entry("the “deal” is \"close\"", "said"));
        assert!(!copied.contains(['“', '”', '"']), "{copied}");
    }
}
