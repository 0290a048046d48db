//! The `/` filter remembers the rows of recent queries and narrows them as the query grows: what
//! it shows after each keystroke must be exactly what a fresh search over everything finds.

#[path = "../benches/common/mod.rs"]
mod common;

use attache::tui::rows::filtered;
use attache::tui::{Action, Options, State, View, update};

fn check_while_typing(view: View, script: &str) {
    let mut s = State::new(common::timeline(600, 3), Options::default());
    update(&mut s, Action::Resize(120, 40));
    update(&mut s, Action::Show(view));
    update(&mut s, Action::StartFilter);
    // `<` is a backspace in the script.
    for ch in script.chars() {
        update(
            &mut s,
            if ch == '<' {
                Action::DeleteChar
            } else {
                Action::Type(ch)
            },
        );
        let fresh = filtered(&s, view);
        assert_eq!(
            s.current_rows(),
            &fresh[..],
            "{view:?} after {:?}",
            s.query()
        );
    }
}

#[test]
fn typing_and_deleting_shows_what_a_fresh_search_finds() {
    for view in [View::Timeline, View::Quotes, View::Sources] {
        check_while_typing(view, "holt peace<<<<<ril< pro<<<<<<<<<<brandt x<<<Brand");
        check_while_typing(view, "minstr<<<<ister guarantes<<ees  sec");
        check_while_typing(view, "Holt<<<olt vey<<<Vey");
        // Misspelled growth: rows go on from where the shorter term's match ended.
        check_while_typing(view, "ministrtx<<<y peace prot<<<<plam<<n holnd");
    }
}

#[test]
fn a_grown_query_never_shows_a_row_the_shorter_one_hid() {
    let mut s = State::new(common::timeline(600, 3), Options::default());
    update(&mut s, Action::Show(View::Quotes));
    update(&mut s, Action::StartFilter);
    let mut before: Vec<usize> = s.current_rows().to_vec();
    for ch in "security gua".chars() {
        update(&mut s, Action::Type(ch));
        let now = s.current_rows();
        assert!(now.iter().all(|r| before.contains(r)), "{:?}", s.query());
        assert!(now.len() <= before.len());
        before = now.to_vec();
    }
}
