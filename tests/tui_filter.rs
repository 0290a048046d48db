//! The `/` filter remembers the rows of recent queries and narrows them as the query grows: what
//! it shows after each keystroke must be exactly what a fresh search over everything finds.

use crate::common;

use attache::tui::search::rows::filtered;
use attache::tui::{Action, Options, State, View, update};

fn check_while_typing(view: View, script: &str) {
    let mut s = State::new(common::timeline(600, 3), Options::default());
    update(&mut s, Action::Resize(120, 40));
    update(&mut s, Action::Show(view));
    // The memo's rows in date order (`r`); ranking them is tested below.
    s.by_date = true;
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

/// An item's fields, by index.
type FieldsOf<'a> = Box<dyn Fn(usize) -> Vec<String> + 'a>;

/// The search texts are made on other threads while the first frame is drawn: a query typed at
/// once (which waits for them) finds exactly the items whose own fields match it, one by one.
#[test]
fn search_texts_made_beside_the_first_frame_find_what_each_items_fields_find() {
    use attache::tui::filter::{Filter, Matcher, blob};
    for query in ["holt", "peace pro", "Holt", "ministr guarantes", "h"] {
        // A new state each time, so that some queries come before the texts are ready.
        let mut s = State::new(common::timeline(600, 3), Options::default());
        s.filters = vec![Filter::Query(query.to_string())];
        let m = Matcher::new(query).unwrap();
        for view in View::ALL {
            let cat = &s.catalog;
            let (order, fields): (Vec<usize>, FieldsOf) = match view {
                View::Timeline => (
                    cat.event_order.clone(),
                    Box::new(|i| {
                        let e = &cat.events[i];
                        let mut f = vec![e.title.clone()];
                        f.extend(e.actors.iter().cloned());
                        f.extend(e.place.iter().cloned());
                        f.extend(e.outlets.iter().cloned());
                        for &q in &e.quotes {
                            f.push(cat.quotes[q].text.clone());
                            if !cat.quotes[q].speaker.is_empty() {
                                f.push(cat.quotes[q].speaker.clone());
                            }
                        }
                        f
                    }),
                ),
                View::Quotes => (
                    cat.quote_order.clone(),
                    Box::new(|i| {
                        let q = &cat.quotes[i];
                        vec![q.speaker.clone(), q.text.clone(), q.outlet.clone()]
                    }),
                ),
                View::Sources => (
                    cat.doc_order.clone(),
                    Box::new(|i| {
                        let d = &cat.docs[i];
                        vec![
                            d.title.clone(),
                            d.outlet.clone(),
                            d.path.clone(),
                            d.byline.clone(),
                        ]
                    }),
                ),
            };
            let one_by_one: Vec<usize> = order
                .into_iter()
                .filter(|&i| {
                    let f = fields(i);
                    m.matches(&blob(f.iter().map(String::as_str)), || {
                        f.iter().map(String::as_str)
                    })
                })
                .collect();
            // Every query names something the generated events and quotes hold.
            assert!(
                view == View::Sources || !one_by_one.is_empty(),
                "{view:?} /{query}"
            );
            assert_eq!(filtered(&s, view), one_by_one, "{view:?} /{query}");
            assert!(s.catalog.search_ready(view));
        }
    }
}

/// In the Quotes view a `/` search lists the same rows, best matches first (by skim's score,
/// the best selected); `r` puts them back in date order, and again best first.
#[test]
fn quotes_found_with_slash_come_best_first_and_r_restores_date_order() {
    let mut reordered = 0;
    for query in ["holt", "bor", "pe", "ster", "guar"] {
        let mut s = State::new(common::timeline(600, 3), Options::default());
        update(&mut s, Action::Resize(120, 40));
        update(&mut s, Action::Show(View::Quotes));
        update(&mut s, Action::StartFilter);
        for ch in query.chars() {
            update(&mut s, Action::Type(ch));
        }
        let by_date = filtered(&s, View::Quotes);
        let ranked = s.current_rows().to_vec();
        let (mut a, mut b) = (ranked.clone(), by_date.clone());
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b, "/{query}: ranking keeps exactly the matching rows");
        if ranked != by_date {
            reordered += 1;
        }
        let ranker = attache::tui::search::rank::Ranker::new(query).unwrap();
        // Beyond SCORED matches only the most promising are scored (the rest follow by date).
        let scores: Vec<i64> = ranked
            .iter()
            .take(attache::tui::search::rank::SCORED)
            .map(|&q| ranker.score(&s.catalog.quotes[q]))
            .collect();
        assert!(
            scores.windows(2).all(|w| w[0] >= w[1]),
            "/{query}: {scores:?}"
        );
        assert_eq!(s.cursor().selected, 0, "the best match is selected");
        update(&mut s, Action::Submit);
        update(&mut s, Action::ToggleRank);
        assert!(s.by_date);
        assert_eq!(s.current_rows(), &by_date[..]);
        update(&mut s, Action::ToggleRank);
        assert_eq!(s.current_rows(), &ranked[..]);
    }
    assert!(
        reordered > 0,
        "some query's best matches are not its first by date"
    );
}
