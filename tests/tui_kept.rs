//! The TUI's kept state without a terminal: bookmarks keyed by what an item is (so they survive
//! ids shifting), notes, saved filter sets, the last place, and the date format, with the files
//! in a temporary directory.

use crate::util::{press, screen_text, typed};
use attache::kept::Store;
use attache::tui::app::Mode;
use attache::tui::persist::{open, remember_place};
use attache::tui::{Action, Options, State, View, update};
use ratatui::crossterm::event::KeyCode;

fn state_in(store: &Store, timeline: attache::model::Timeline) -> State {
    let mut s = State::new(timeline, Options::default());
    let warnings = open(&mut s, Some(store.clone()), "test-corpus");
    assert!(warnings.is_empty(), "{warnings:?}");
    update(&mut s, Action::Resize(120, 40));
    s
}

/// Selects the timeline row whose title contains `title`.
fn select_event(s: &mut State, title: &str) {
    press(s, KeyCode::Char('1'));
    press(s, KeyCode::Char('g'));
    for _ in 0..s.current_rows().len() {
        let item = s.selected_item().unwrap();
        if s.timeline.events[item].title.contains(title) {
            return;
        }
        press(s, KeyCode::Char('j'));
    }
    panic!("no event {title}");
}

/// Whether a timeline row (a meeting) on the screen shows `text`.
fn list_row(screen: &str, text: &str) -> bool {
    screen
        .lines()
        .any(|l| l.contains("meeting") && l.contains(text))
}

#[test]
fn a_bookmark_follows_its_event_when_the_ids_shift() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let mut s = state_in(&store, crate::tui_fixture::timeline());
    select_event(&mut s, "Holt and Vey meet");
    press(&mut s, KeyCode::Char('b'));
    assert_eq!(s.message.as_deref(), Some("event bookmarked"));
    let sc = screen_text(&s);
    assert!(list_row(&sc, "★ Holt and Vey meet"), "{sc}");

    // The same articles with the events numbered the other way round: other ids, same events.
    let mut shifted = crate::tui_fixture::timeline();
    shifted.events.reverse();
    let n = shifted.events.len();
    let mut renames = Vec::new();
    for (i, e) in shifted.events.iter_mut().enumerate() {
        let new = format!("e{}", n - i + 10);
        renames.push((e.id.clone(), new.clone()));
        e.id = new;
    }
    for q in &mut shifted.quotes {
        if let Some(old) = q.event.clone() {
            q.event = renames
                .iter()
                .find(|(o, _)| *o == old)
                .map(|(_, n)| n.clone());
        }
    }
    let again = state_in(&store, shifted);
    let marked: Vec<&str> = again
        .timeline
        .events
        .iter()
        .filter(|e| again.kept.marks.event_bookmarked(&e.id))
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(marked, ["Holt and Vey meet in Brenna"]);

    // `b` again removes it, from the file too.
    let mut s = state_in(&store, crate::tui_fixture::timeline());
    select_event(&mut s, "Holt and Vey meet");
    press(&mut s, KeyCode::Char('b'));
    assert_eq!(s.message.as_deref(), Some("event bookmark removed"));
    assert!(store.marks().value.events.is_empty());
}

#[test]
fn a_note_is_written_shown_and_deleted_by_emptying_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let mut s = state_in(&store, crate::tui_fixture::timeline());
    select_event(&mut s, "Holt and Vey meet");
    press(&mut s, KeyCode::Char('N'));
    assert!(matches!(s.mode, Mode::Note(_)));
    typed(&mut s, "check the date with Brenna desk");
    press(&mut s, KeyCode::Esc);
    assert!(store.marks().value.events.is_empty(), "Esc cancels");

    press(&mut s, KeyCode::Char('N'));
    typed(&mut s, "check the date");
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.message.as_deref(), Some("note saved"));
    let screen = screen_text(&s);
    assert!(
        list_row(&screen, "meeting      ✎ Holt and Vey meet"),
        "{screen}"
    );
    assert!(
        screen.contains("✎ check the date"),
        "the detail shows it:\n{screen}"
    );
    let file = store.marks().value;
    let kept = file.events.values().next().unwrap();
    assert_eq!(kept.note.as_deref(), Some("check the date"));
    assert!(!kept.bookmarked);

    press(&mut s, KeyCode::Char('N'));
    for _ in 0.."check the date".len() {
        press(&mut s, KeyCode::Backspace);
    }
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.message.as_deref(), Some("note deleted"));
    assert!(store.marks().value.events.is_empty());
}

#[test]
fn saved_filters_come_back_from_the_picker() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let mut s = state_in(&store, crate::tui_fixture::timeline());
    press(&mut s, KeyCode::Char('/'));
    typed(&mut s, "holt");
    press(&mut s, KeyCode::Enter);
    let shown = s.current_rows().to_vec();
    assert!(shown.len() < s.timeline.events.len());
    press(&mut s, KeyCode::Char(':'));
    typed(&mut s, "save holt talks");
    press(&mut s, KeyCode::Enter);
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .contains("saved as “holt talks”")
    );
    press(&mut s, KeyCode::Esc);
    assert!(s.filters.is_empty());

    // A new session: `f`, type to narrow, Enter.
    let mut s = state_in(&store, crate::tui_fixture::timeline());
    press(&mut s, KeyCode::Char('f'));
    assert!(screen_text(&s).contains("saved filters"));
    typed(&mut s, "talks");
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.current_rows(), &shown[..]);
    assert_eq!(s.query(), Some("holt"));

    press(&mut s, KeyCode::Char(':'));
    typed(&mut s, "delete holt talks");
    press(&mut s, KeyCode::Enter);
    assert!(store.filters().value.filters.is_empty());
    press(&mut s, KeyCode::Char(':'));
    typed(&mut s, "fly away");
    press(&mut s, KeyCode::Enter);
    assert!(s.message.as_deref().unwrap().starts_with("unknown command"));
}

#[test]
fn the_last_place_comes_back_with_its_filters() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let mut s = state_in(&store, crate::tui_fixture::timeline());
    press(&mut s, KeyCode::Char('2'));
    press(&mut s, KeyCode::Char('j'));
    press(&mut s, KeyCode::Char('j'));
    let quote = s.selected_item();
    press(&mut s, KeyCode::Char('1'));
    press(&mut s, KeyCode::Char('/'));
    typed(&mut s, "vey");
    press(&mut s, KeyCode::Enter);
    select_event(&mut s, "Holt and Vey meet");
    let event = s.selected_item();
    press(&mut s, KeyCode::Char('2'));
    remember_place(&s).unwrap();

    let mut again = state_in(&store, crate::tui_fixture::timeline());
    assert_eq!(again.view, View::Quotes);
    assert_eq!(again.query(), Some("vey"));
    assert_eq!(again.selected_item(), quote);
    press(&mut again, KeyCode::Char('1'));
    assert_eq!(again.selected_item(), event);

    // Another corpus has its own place.
    let mut other = State::new(crate::tui_fixture::timeline(), Options::default());
    open(&mut other, Some(store.clone()), "another-corpus");
    assert_eq!(other.view, View::Timeline);
}

#[test]
fn the_date_format_applies_to_days_only() {
    let mut s = State::new(crate::tui_fixture::timeline(), Options::default());
    s.date_format = Some("%d %b %Y".into());
    update(&mut s, Action::Resize(120, 40));
    let screen = screen_text(&s);
    assert!(screen.contains("10 Mar 2031"), "{screen}");
    assert!(!screen.contains("2031-03-10"));
    assert_eq!(s.date_text("~2031-03"), "~2031-03");
    assert_eq!(s.date_text("~2031-03-10"), "~10 Mar 2031");
    assert_eq!(s.date_text("undated"), "undated");
}

#[test]
fn a_quote_chosen_in_an_events_detail_is_the_one_bookmarked() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let mut s = state_in(&store, crate::tui_fixture::timeline());
    select_event(&mut s, "Holt and Vey meet");
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Char('j'));
    let chosen = s.selected_quote().unwrap();
    press(&mut s, KeyCode::Char('b'));
    assert_eq!(s.message.as_deref(), Some("quote bookmarked"));
    let file = store.marks().value;
    assert!(file.events.is_empty(), "the event itself is not bookmarked");
    assert_eq!(file.quotes.len(), 1);
    let text = s.timeline.quotes[chosen].text.clone();
    assert_eq!(file.quotes.values().next().unwrap().text, text);
    let start: String = text.chars().take(10).collect();
    let detail = screen_text(&s);
    assert!(detail.contains(&format!("★ “{start}")), "{detail}");
    // In the quotes list it is marked too.
    press(&mut s, KeyCode::Char('2'));
    assert!(s.kept.marks.quote_bookmarked(&s.timeline.quotes[chosen].id));
    assert!(
        screen_text(&s)
            .lines()
            .any(|l| l.contains(&format!("★ {start}")))
    );
}

#[test]
fn update_asks_for_file_writes_and_the_loop_makes_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let mut s = state_in(&store, crate::tui_fixture::timeline());
    select_event(&mut s, "Holt and Vey meet");
    let files = |d: &std::path::Path| {
        std::fs::read_dir(d)
            .map(|r| {
                r.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let before = files(dir.path());
    // `update` writes nothing: it returns the effect, the change waiting in the state.
    let effect = update(&mut s, Action::ToggleBookmark);
    assert_eq!(effect, Some(attache::tui::Effect::Save));
    assert_eq!(files(dir.path()), before, "update wrote a file");
    assert!(store.marks().value.events.is_empty());
    // The loop writes it.
    attache::tui::persist::write_pending(&mut s);
    assert!(s.saves.is_empty());
    assert_eq!(s.message.as_deref(), Some("event bookmarked"));
    assert_eq!(store.marks().value.events.len(), 1);
}
