//! What the TUI draws: insta snapshots of every view at 80x24 and 120x40 (ratatui's TestBackend),
//! small terminals, and article text with escape sequences that must never reach the terminal.

mod tui_fixture;

use attache::tui::keymap::{action_for, context};
use attache::tui::{Action, Options, State, ThemeName, View, draw, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn state(w: u16, h: u16) -> State {
    let mut s = State::new(tui_fixture::timeline(), Options::default());
    update(&mut s, Action::Resize(w, h));
    s
}

fn press(s: &mut State, code: KeyCode) {
    let ev = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(a) = action_for(context(s), &ev) {
        update(s, a);
    }
}

fn typed(s: &mut State, text: &str) {
    for c in text.chars() {
        press(s, KeyCode::Char(c));
    }
}

fn screen(s: &State) -> String {
    let mut t = Terminal::new(TestBackend::new(s.width, s.height)).unwrap();
    t.draw(|f| draw(f, s)).unwrap();
    t.backend().to_string()
}

/// Every view, at both sizes the issue names.
#[test]
fn snapshots_of_every_view() {
    for (w, h) in [(80, 24), (120, 40)] {
        let size = format!("{w}x{h}");
        let mut s = state(w, h);
        insta::assert_snapshot!(format!("timeline_{size}"), screen(&s));
        press(&mut s, KeyCode::Char('2'));
        insta::assert_snapshot!(format!("quotes_{size}"), screen(&s));
        press(&mut s, KeyCode::Char('3'));
        insta::assert_snapshot!(format!("sources_{size}"), screen(&s));
        press(&mut s, KeyCode::Char('1'));
        typed(&mut s, "jj");
        press(&mut s, KeyCode::Enter);
        insta::assert_snapshot!(format!("article_{size}"), screen(&s));
        press(&mut s, KeyCode::Esc);
        press(&mut s, KeyCode::Char('?'));
        insta::assert_snapshot!(format!("help_{size}"), screen(&s));
        press(&mut s, KeyCode::Esc);
        press(&mut s, KeyCode::Char('a'));
        insta::assert_snapshot!(format!("actor_picker_{size}"), screen(&s));
        press(&mut s, KeyCode::Esc);
        typed(&mut s, "/vey");
        insta::assert_snapshot!(format!("filter_typing_{size}"), screen(&s));
    }
}

#[test]
fn detail_pane_sits_beside_the_list_when_wide_and_below_when_narrow() {
    let wide = screen(&state(120, 40));
    let narrow = screen(&state(80, 24));
    let title_row = |scr: &str| {
        scr.lines()
            .position(|l| l.contains("Event ─") || l.contains("─ Event "))
            .unwrap()
    };
    assert!(title_row(&wide) <= 3, "{wide}");
    assert!(title_row(&narrow) > 8, "{narrow}");
}

#[test]
fn small_screens_show_the_detail_on_enter() {
    let mut s = state(60, 14);
    assert!(!screen(&s).contains("Event ─"));
    press(&mut s, KeyCode::Enter);
    assert!(s.source.is_none(), "first Enter shows the detail");
    insta::assert_snapshot!("detail_on_enter_60x14", screen(&s));
    press(&mut s, KeyCode::Enter);
    assert!(s.source.is_some(), "second Enter opens the article");
}

#[test]
fn below_20x5_it_says_terminal_too_small() {
    let s = state(19, 5);
    assert!(screen(&s).contains("terminal too"));
    let s = state(20, 4);
    assert!(screen(&s).contains("terminal too"));
    let s = state(20, 5);
    assert!(!screen(&s).contains("too small"));
}

#[test]
fn no_size_and_no_state_panics() {
    let keys: &[&[KeyCode]] = &[
        &[],
        &[KeyCode::Char('2')],
        &[KeyCode::Char('3'), KeyCode::Tab],
        &[KeyCode::Enter, KeyCode::Enter],
        &[KeyCode::Char('?')],
        &[KeyCode::Char('a')],
        &[KeyCode::Char('d')],
        &[KeyCode::Char('/'), KeyCode::Char('x')],
    ];
    for seq in keys {
        for w in (0..=130).step_by(7) {
            for h in 0..=42 {
                let mut s = state(w, h);
                for &k in *seq {
                    press(&mut s, k);
                }
                // (TestBackend cannot print a zero-width buffer, so only draw.)
                let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
                t.draw(|f| draw(f, &s)).unwrap();
            }
        }
    }
}

#[test]
fn themes_draw_the_same_text() {
    let text = |theme| {
        let mut s = State::new(
            tui_fixture::timeline(),
            Options {
                theme,
                mouse: false,
            },
        );
        update(&mut s, Action::Resize(80, 24));
        screen(&s)
    };
    assert_eq!(text(ThemeName::Dark), text(ThemeName::Mono));
    assert_eq!(text(ThemeName::Light), text(ThemeName::Mono));
}

#[test]
fn matched_characters_are_highlighted_in_the_row() {
    let mut s = state(80, 24);
    typed(&mut s, "/kessel");
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| draw(f, &s)).unwrap();
    let buf = t.backend().buffer().clone();
    let row = (0..24).find(|&y| {
        let line: String = (0..80).map(|x| buf[(x, y)].symbol().to_string()).collect();
        line.contains("to meet in Kessel")
    });
    let y = row.expect("the Kessel event is listed");
    let line: String = (0..80).map(|x| buf[(x, y)].symbol().to_string()).collect();
    let x0 = line.find("Kessel").unwrap() as u16;
    let matched = s.theme.matched;
    for x in x0..x0 + 6 {
        assert_eq!(buf[(x, y)].fg, matched.fg.unwrap(), "column {x}");
    }
    assert_ne!(buf[(x0 - 2, y)].fg, matched.fg.unwrap());
    assert_eq!(s.view, View::Timeline);
}
