//! Tiny, huge and changing terminals: from 1x1 to 500x200, with resizes between any two actions,
//! every view draws without panicking and never writes outside the screen it was given.

use attache::tui::action::Facet;
use attache::tui::{Action, Options, State, View, draw, update};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        // Mostly the edges, where layouts switch or give up.
        (1u16..=25, 1u16..=12),
        (1u16..=500, 1u16..=200),
        Just((500, 200)),
        Just((1, 1)),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    let fixed = prop::sample::select(vec![
        Action::Show(View::Timeline),
        Action::Show(View::Quotes),
        Action::Show(View::Sources),
        Action::Down,
        Action::Up,
        Action::Top,
        Action::Bottom,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::PageDown,
        Action::PageUp,
        Action::ToggleFocus,
        Action::Open,
        Action::Back,
        Action::Forward,
        Action::NextQuote,
        Action::PrevQuote,
        Action::StartFilter,
        Action::Pick(Facet::Actor),
        Action::Pick(Facet::Outlet),
        Action::Pick(Facet::Kind),
        Action::Pick(Facet::Status),
        Action::Pick(Facet::Date),
        Action::RemoveLastFilter,
        Action::ClearFilters,
        Action::ToggleHelp,
        Action::DeleteChar,
        Action::Submit,
        Action::Cancel,
        Action::ScrollDown,
        Action::ScrollUp,
    ]);
    prop_oneof![
        6 => fixed,
        2 => size().prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (0u16..520, 0u16..220).prop_map(|(x, y)| Action::Click(x, y)),
        1 => prop::sample::select(vec!['a', 'e', 'z', '2', ' ', '.', 'é']).prop_map(Action::Type),
    ]
}

/// Draws `s` on a backend of its own size and checks the frame fits it.
fn draw_checked(s: &State) -> Result<(), TestCaseError> {
    let (w, h) = (s.width, s.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    let frame = t.draw(|f| draw(f, s)).expect("drawing to memory");
    prop_assert_eq!(frame.area.width, w);
    prop_assert_eq!(frame.area.height, h);
    let buffer = t.backend().buffer();
    prop_assert_eq!(buffer.area.width, w);
    prop_assert_eq!(buffer.area.height, h);
    let pos = t.get_cursor_position().expect("test backend cursor");
    prop_assert!(pos.x < w && pos.y < h, "cursor {pos:?} outside {w}x{h}");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_size_and_any_action_sequence_draws(start in size(), actions in prop::collection::vec(action(), 0..24)) {
        let mut s = State::new(crate::tui_fixture::timeline(), Options::default());
        update(&mut s, Action::Resize(start.0, start.1));
        draw_checked(&s)?;
        for a in actions {
            update(&mut s, a);
            draw_checked(&s)?;
        }
    }

    #[test]
    fn rapid_resizes_without_drawing_in_between(sizes in prop::collection::vec(size(), 1..50)) {
        let mut s = State::new(crate::tui_fixture::timeline(), Options::default());
        update(&mut s, Action::Show(View::Quotes));
        update(&mut s, Action::Bottom);
        for (w, h) in sizes {
            update(&mut s, Action::Resize(w, h));
        }
        draw_checked(&s)?;
        update(&mut s, Action::Up);
        draw_checked(&s)?;
    }
}

#[test]
fn the_largest_and_smallest_screens_draw_every_view() {
    for (w, h) in [(1, 1), (500, 200), (500, 1), (1, 200)] {
        for view in [View::Timeline, View::Quotes, View::Sources] {
            let mut s = State::new(crate::tui_fixture::timeline(), Options::default());
            update(&mut s, Action::Resize(w, h));
            update(&mut s, Action::Show(view));
            update(&mut s, Action::Open);
            let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
            t.draw(|f| draw(f, &s)).expect("drawing to memory");
        }
    }
}
