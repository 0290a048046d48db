//! The update function, key by key: what each key does to the TUI's state (no terminal needed).

use crate::util::{key, press, typed};
use attache::model::Status;
use attache::tui::app::{Focus, Mode};
use attache::tui::filter::Filter;
use attache::tui::{Action, Effect, Options, State, View, update};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn state_with(tl: attache::model::Timeline, w: u16, h: u16) -> State {
    let mut s = State::new(tl, Options::default());
    update(&mut s, Action::Resize(w, h));
    s
}

fn state() -> State {
    state_with(crate::tui_fixture::timeline(), 100, 30)
}

fn selected_title(s: &State) -> String {
    s.catalog.events[s.selected_item().unwrap()].title.clone()
}

fn shown_titles(s: &State) -> Vec<String> {
    s.current_rows()
        .iter()
        .map(|&i| s.catalog.events[i].title.clone())
        .collect()
}

#[test]
fn events_are_listed_in_date_order_with_undated_last() {
    let s = state();
    let starts: Vec<_> = s
        .current_rows()
        .iter()
        .map(|&i| s.catalog.events[i].start)
        .collect();
    assert_eq!(starts.last(), Some(&None));
    let dated: Vec<_> = starts.iter().flatten().collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{dated:?}");
}

#[test]
fn j_k_g_and_capital_g_move_the_selection() {
    let mut s = state();
    assert_eq!(s.cursor().selected, 0);
    typed(&mut s, "jj");
    assert_eq!(s.cursor().selected, 2);
    press(&mut s, KeyCode::Char('k'));
    assert_eq!(s.cursor().selected, 1);
    key(&mut s, KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(s.cursor().selected, 4);
    press(&mut s, KeyCode::Down);
    assert_eq!(s.cursor().selected, 4, "stays on the last row");
    press(&mut s, KeyCode::Char('g'));
    assert_eq!(s.cursor().selected, 0);
}

#[test]
fn paging_keeps_the_selection_on_screen() {
    let mut s = state_with(crate::tui_fixture::many_events(500), 100, 30);
    let rows = attache::tui::layout::areas(&s).list_rows();
    key(&mut s, KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(s.cursor().selected, rows.div_ceil(2));
    press(&mut s, KeyCode::PageDown);
    press(&mut s, KeyCode::PageDown);
    let c = s.cursor();
    assert!(
        c.selected >= c.offset && c.selected < c.offset + rows,
        "{c:?}"
    );
    press(&mut s, KeyCode::End);
    assert_eq!(s.cursor().selected, 499);
    assert_eq!(s.cursor().offset, 500 - rows);
    key(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(s.cursor().selected, 499 - rows.div_ceil(2));
}

#[test]
fn slash_filters_live_enter_keeps_and_esc_clears() {
    let mut s = state();
    press(&mut s, KeyCode::Char('/'));
    assert_eq!(s.mode, Mode::Filter);
    typed(&mut s, "brennan");
    assert_eq!(
        shown_titles(&s),
        vec!["Holt, Vey and Brennan to meet in Kessel"]
    );
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(s.filters, vec![Filter::Query("brennan".into())]);
    // Letters are keys again once the filter is kept.
    press(&mut s, KeyCode::Char('2'));
    assert_eq!(s.view, View::Quotes);
    assert_eq!(s.current_rows().len(), 1, "the quotes view is filtered too");
    press(&mut s, KeyCode::Char('1'));
    press(&mut s, KeyCode::Char('/'));
    press(&mut s, KeyCode::Esc);
    assert!(s.filters.is_empty());
    assert_eq!(s.current_rows().len(), 5);
}

#[test]
fn the_query_searches_actors_places_outlets_and_quotes() {
    for (query, expected) in [
        ("ostrava", 1),       // title
        ("zoë", 1),           // actor
        ("東京", 1),          // place
        ("northern wire", 3), // outlet
        ("guarantees", 1),    // a quote of the event
    ] {
        let mut s = state();
        press(&mut s, KeyCode::Char('/'));
        typed(&mut s, query);
        assert_eq!(
            s.current_rows().len(),
            expected,
            "{query}: {:?}",
            shown_titles(&s)
        );
    }
}

#[test]
fn filtering_keeps_the_selected_event_selected() {
    let mut s = state();
    typed(&mut s, "jj");
    let before = selected_title(&s);
    press(&mut s, KeyCode::Char('/'));
    typed(&mut s, "vey");
    assert_eq!(selected_title(&s), before);
}

#[test]
fn enter_opens_the_article_at_the_quote_and_esc_returns_exactly() {
    let mut s2 = state();
    typed(&mut s2, "jj");
    assert_eq!(selected_title(&s2), "Holt and Vey meet in Brenna");
    let before = (s2.cursor(), s2.view, s2.focus);
    press(&mut s2, KeyCode::Enter);
    let src = s2.source.expect("an article is open");
    let doc = &s2.timeline.documents[src.doc];
    let quote = src.quote.expect("the event's first quote is highlighted");
    assert_eq!(
        src.highlight.unwrap().slice(&doc.text),
        s2.timeline.quotes[quote].text
    );
    press(&mut s2, KeyCode::Esc);
    assert!(s2.source.is_none());
    assert_eq!((s2.cursor(), s2.view, s2.focus), before);
    key(&mut s2, KeyCode::Char('o'), KeyModifiers::CONTROL);
    assert!(s2.source.is_none(), "nothing is behind the list");
    assert_eq!(s2.cursor(), before.0);
}

#[test]
fn back_and_forward_restore_the_article_scroll() {
    let mut s = state_with(crate::tui_fixture::timeline(), 40, 12);
    typed(&mut s, "jj");
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Enter);
    let opened = s.source.expect("open");
    typed(&mut s, "jj");
    let scrolled = s.source.unwrap();
    assert_ne!(scrolled.top, opened.top, "j scrolls the article");
    press(&mut s, KeyCode::Backspace);
    assert!(s.source.is_none());
    key(&mut s, KeyCode::Char('i'), KeyModifiers::CONTROL);
    assert_eq!(s.source, Some(scrolled));
    key(&mut s, KeyCode::Char('o'), KeyModifiers::CONTROL);
    assert!(s.source.is_none());
}

#[test]
fn enter_after_a_query_opens_the_quote_that_matched() {
    let mut s = state();
    press(&mut s, KeyCode::Char('/'));
    typed(&mut s, "guarantees");
    press(&mut s, KeyCode::Enter);
    assert_eq!(selected_title(&s), "Holt and Vey meet in Brenna");
    press(&mut s, KeyCode::Enter);
    let q = s.source.unwrap().quote.unwrap();
    assert_eq!(s.timeline.quotes[q].text, "No deal without guarantees,");
}

#[test]
fn n_and_capital_n_step_through_the_articles_quotes() {
    let mut s = state();
    typed(&mut s, "jj");
    press(&mut s, KeyCode::Enter);
    let doc = s.source.unwrap().doc;
    let quotes = s.catalog.docs[doc].quotes.clone();
    assert_eq!(quotes.len(), 2);
    assert_eq!(s.source.unwrap().quote, Some(quotes[0]));
    press(&mut s, KeyCode::Char('n'));
    assert_eq!(s.source.unwrap().quote, Some(quotes[1]));
    press(&mut s, KeyCode::Char('n'));
    assert_eq!(s.source.unwrap().quote, Some(quotes[1]));
    assert!(s.message.as_deref().unwrap().contains("no more"));
    key(&mut s, KeyCode::Char('N'), KeyModifiers::SHIFT);
    assert_eq!(s.source.unwrap().quote, Some(quotes[0]));
}

#[test]
fn y_copies_the_quote_with_its_citation() {
    let mut s = state();
    typed(&mut s, "jj");
    let effect = press(&mut s, KeyCode::Char('y'));
    assert_eq!(
        effect,
        Some(Effect::Copy(
            "“We are ready to talk about the border,” — Jane Holt, Daily Ledger, 2031-03-11".into()
        ))
    );
    assert!(s.message.as_deref().unwrap().contains("OSC 52"));
    press(&mut s, KeyCode::Char('3'));
    assert_eq!(
        press(&mut s, KeyCode::Char('y')),
        None,
        "a source is not a quote"
    );
}

/// The quote rows whose entries are reported statements.
fn reported_rows(s: &State) -> Vec<usize> {
    s.current_rows()
        .iter()
        .enumerate()
        .filter(|(_, i)| s.catalog.quotes[**i].reported)
        .map(|(pos, _)| pos)
        .collect()
}

#[test]
fn y_on_a_reported_statement_copies_a_paraphrase_never_a_quotation() {
    let mut s = state();
    press(&mut s, KeyCode::Char('2'));
    let rows = reported_rows(&s);
    assert_eq!(rows.len(), 1, "the fixture reports one statement");
    for _ in 0..rows[0] {
        press(&mut s, KeyCode::Char('j'));
    }
    let Some(Effect::Copy(text)) = press(&mut s, KeyCode::Char('y')) else {
        panic!("y copies something");
    };
    assert_eq!(
        text,
        "Jane Holt said that the border would reopen in April (paraphrase) — Harbor Courier, 2031-03-12"
    );
    assert!(
        !text.contains(['“', '”', '"', '«', '»']),
        "no quotation marks around a paraphrase: {text}"
    );
    assert!(s.message.as_deref().unwrap().contains("paraphrase"));
    // Opened in its article, it is highlighted there and still copied as a paraphrase.
    press(&mut s, KeyCode::Enter);
    let src = s.source.expect("the article is open");
    assert_eq!(src.highlight, Some(s.timeline.reported[0].span));
    assert_eq!(press(&mut s, KeyCode::Char('y')), Some(Effect::Copy(text)));
    press(&mut s, KeyCode::Esc);
    // From the event's detail pane too: the paraphrase is never put between quotation marks.
    press(&mut s, KeyCode::Char('1'));
    let e = s
        .current_rows()
        .iter()
        .position(|&i| s.catalog.events[i].title == "Holt and Vey meet in Brenna")
        .unwrap();
    for _ in 0..e {
        press(&mut s, KeyCode::Char('j'));
    }
    press(&mut s, KeyCode::Tab);
    let listed = s.catalog.events[s.selected_item().unwrap()].quotes.clone();
    let at = listed
        .iter()
        .position(|&q| s.catalog.quotes[q].reported)
        .unwrap();
    for _ in 0..at {
        press(&mut s, KeyCode::Char('j'));
    }
    let Some(Effect::Copy(text)) = press(&mut s, KeyCode::Char('y')) else {
        panic!("y copies something");
    };
    assert!(
        text.contains("(paraphrase)") && !text.contains(['“', '”', '"']),
        "{text}"
    );
    // A paraphrase is not bookmarked as a quote (the Quotes view kept its selection).
    press(&mut s, KeyCode::Char('2'));
    assert!(s.catalog.quotes[s.selected_item().unwrap()].reported);
    press(&mut s, KeyCode::Char('b'));
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .contains("cannot be bookmarked")
    );
}

#[test]
fn capital_f_shows_direct_quotes_reported_speech_or_both() {
    let mut s = state();
    let both = {
        press(&mut s, KeyCode::Char('2'));
        s.current_rows().len()
    };
    press(&mut s, KeyCode::Char('F'));
    assert!(
        s.filters
            .contains(&Filter::Form(attache::tui::filter::Form::Direct))
    );
    assert_eq!(s.current_rows().len(), both - 1);
    assert!(reported_rows(&s).is_empty());
    press(&mut s, KeyCode::Char('F'));
    assert_eq!(s.current_rows().len(), 1);
    assert_eq!(reported_rows(&s), vec![0]);
    assert!(s.message.as_deref().unwrap().contains("reported"));
    press(&mut s, KeyCode::Char('F'));
    assert_eq!(s.current_rows().len(), both);
    assert!(s.filters.is_empty());
    // From another list it shows the Quotes view.
    press(&mut s, KeyCode::Char('1'));
    press(&mut s, KeyCode::Char('F'));
    assert_eq!(s.view, View::Quotes);
}

#[test]
fn y_cites_the_url_and_marks_an_inferred_date() {
    let mut tl = crate::tui_fixture::timeline();
    let doc = tl
        .documents
        .iter_mut()
        .find(|d| d.outlet.as_deref() == Some("Daily Ledger"))
        .expect("the Daily Ledger article");
    doc.url = Some("https://ledger.example/border-talks".into());
    doc.published.source = attache::model::DateSource::Inferred;
    let mut s = state_with(tl, 100, 30);
    typed(&mut s, "jj");
    assert_eq!(
        press(&mut s, KeyCode::Char('y')),
        Some(Effect::Copy(
            "“We are ready to talk about the border,” — Jane Holt, Daily Ledger, 2031-03-11 (inferred), https://ledger.example/border-talks".into()
        ))
    );
}

#[test]
fn capital_y_copies_the_articles_url_when_it_is_a_web_address() {
    let mut tl = crate::tui_fixture::timeline();
    for d in &mut tl.documents {
        d.url = Some(if d.outlet.as_deref() == Some("Daily Ledger") {
            format!("https://news.example/{}", d.id)
        } else {
            "javascript:alert(1)".into()
        });
    }
    let mut s = state_with(tl, 100, 30);
    typed(&mut s, "jj");
    let Some(Effect::Copy(url)) = key(&mut s, KeyCode::Char('Y'), KeyModifiers::SHIFT) else {
        panic!("a copy")
    };
    assert!(url.starts_with("https://news.example/d"), "{url}");
    // In the Sources view: each article's own URL, and never one that is not a web address.
    press(&mut s, KeyCode::Char('3'));
    press(&mut s, KeyCode::Char('g'));
    for _ in 0..s.current_rows().len() {
        let doc = &s.timeline.documents[s.selected_item().unwrap()];
        let ledger = doc.outlet.as_deref() == Some("Daily Ledger");
        let copied = key(&mut s, KeyCode::Char('Y'), KeyModifiers::SHIFT);
        if ledger {
            assert!(matches!(copied, Some(Effect::Copy(u)) if u.starts_with("https://")));
        } else {
            assert_eq!(copied, None, "not a web address");
            assert!(s.message.as_deref().unwrap().contains("no web address"));
        }
        press(&mut s, KeyCode::Char('j'));
    }
}

#[test]
fn y_never_cites_a_url_with_control_bytes() {
    let mut tl = crate::tui_fixture::timeline();
    for d in &mut tl.documents {
        d.url = Some("https://ledger.example/\u{1b}]52;c;eA==\u{7}\u{9b}x".into());
    }
    let mut s = state_with(tl, 100, 30);
    typed(&mut s, "jj");
    let Some(Effect::Copy(text)) = press(&mut s, KeyCode::Char('y')) else {
        panic!("a copy");
    };
    assert!(!text.contains("ledger.example"), "{text:?}");
    assert!(!text.chars().any(|c| c.is_control()), "{text:?}");
}

#[test]
fn tab_focuses_the_detail_where_j_picks_what_enter_opens() {
    let mut s = state();
    typed(&mut s, "jj");
    press(&mut s, KeyCode::Tab);
    assert_eq!(s.focus, Focus::Detail);
    press(&mut s, KeyCode::Char('j'));
    press(&mut s, KeyCode::Char('j'));
    assert_eq!(s.cursor().selected, 2, "the list selection stays");
    let effect = press(&mut s, KeyCode::Char('y'));
    assert!(matches!(effect, Some(Effect::Copy(t)) if t.contains("No deal without guarantees")));
    press(&mut s, KeyCode::Enter);
    let src = s.source.unwrap();
    assert_eq!(s.timeline.documents[src.doc].id, "d2");
    press(&mut s, KeyCode::Esc);
    assert_eq!((s.focus, s.detail.selected), (Focus::Detail, 2));
}

#[test]
fn facet_pickers_filter_and_backspace_removes_the_last_filter() {
    let mut s = state();
    press(&mut s, KeyCode::Char('a'));
    assert!(matches!(s.mode, Mode::Picker(_)));
    typed(&mut s, "holt");
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.filters, vec![Filter::Actor("Jane Holt".into())]);
    assert_eq!(s.current_rows().len(), 2);
    key(&mut s, KeyCode::Char('s'), KeyModifiers::NONE);
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.filters.len(), 2);
    let statuses: Vec<Status> = s
        .current_rows()
        .iter()
        .map(|&i| s.timeline.events[i].status)
        .collect();
    assert_eq!(statuses.len(), 1);
    press(&mut s, KeyCode::Backspace);
    assert_eq!(s.filters, vec![Filter::Actor("Jane Holt".into())]);
    press(&mut s, KeyCode::Esc);
    assert!(s.filters.is_empty());
    assert_eq!(s.current_rows().len(), 5);
}

#[test]
fn typing_in_a_picker_then_enter_applies_the_highlighted_match() {
    let mut s = state();
    press(&mut s, KeyCode::Char('a'));
    typed(&mut s, "holt");
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.filters, vec![Filter::Actor("Jane Holt".into())]);
}

#[test]
fn a_second_actor_adds_to_the_first_and_events_must_have_both() {
    let mut s = state();
    press(&mut s, KeyCode::Char('a'));
    typed(&mut s, "holt");
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Char('a'));
    typed(&mut s, "vey");
    press(&mut s, KeyCode::Enter);
    assert_eq!(
        s.filters,
        vec![
            Filter::Actor("Jane Holt".into()),
            Filter::Actor("Tomas Vey".into())
        ]
    );
    let rows = s.current_rows().to_vec();
    assert!(!rows.is_empty());
    for i in rows {
        let actors = &s.catalog.events[i].actors;
        assert!(
            actors.contains(&"Jane Holt".to_string()) && actors.contains(&"Tomas Vey".to_string())
        );
    }
    // Choosing an active actor again removes it.
    press(&mut s, KeyCode::Char('a'));
    typed(&mut s, "holt");
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.filters, vec![Filter::Actor("Tomas Vey".into())]);
}

#[test]
fn picker_counts_respect_the_active_filters() {
    let mut s = state();
    press(&mut s, KeyCode::Char('s'));
    typed(&mut s, "past");
    press(&mut s, KeyCode::Enter);
    let shown = s.current_rows().len();
    assert!(shown < 5, "the status filter hides some events");
    key(&mut s, KeyCode::Char('K'), KeyModifiers::SHIFT);
    let Mode::Picker(p) = &s.mode else {
        panic!("picker")
    };
    assert_eq!(p.options[0].count, shown, "{:?}", p.options);
    let listed: usize = p.options[1..].iter().map(|o| o.count).sum();
    assert_eq!(listed, shown, "{:?}", p.options);
}

#[test]
fn kind_and_outlet_pickers_offer_what_the_view_has() {
    let mut s = state();
    key(&mut s, KeyCode::Char('K'), KeyModifiers::SHIFT);
    let Mode::Picker(p) = &s.mode else {
        panic!("picker")
    };
    let labels: Vec<&str> = p.options.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(labels.len(), 6, "{labels:?}");
    assert!(labels.contains(&"call") && !labels.contains(&"attack"));
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('o'));
    typed(&mut s, "courier");
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.current_rows().len(), 2);
}

#[test]
fn typing_at_the_date_prompt_replaces_its_prefilled_value() {
    let mut s = state();
    press(&mut s, KeyCode::Char('d'));
    typed(&mut s, "2031-03");
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Char('d'));
    let Mode::Date(p) = &s.mode else {
        panic!("the prompt")
    };
    assert_eq!(
        p.text, "2031-03-01..2031-03-31",
        "the current range is offered"
    );
    typed(&mut s, "last 7d");
    let Mode::Date(p) = &s.mode else {
        panic!("the prompt")
    };
    assert_eq!(p.text, "last 7d");
    // Backspace edits the offered value instead.
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('d'));
    press(&mut s, KeyCode::Backspace);
    typed(&mut s, "0");
    let Mode::Date(p) = &s.mode else {
        panic!("the prompt")
    };
    assert_eq!(p.text, "2031-03-01..2031-03-30");
}

#[test]
fn ctrl_u_clears_the_line_being_typed() {
    let mut s = state();
    press(&mut s, KeyCode::Char('d'));
    typed(&mut s, "2031-0");
    key(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    let Mode::Date(p) = &s.mode else {
        panic!("the prompt")
    };
    assert_eq!(p.text, "");
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('/'));
    typed(&mut s, "holt");
    key(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(s.query(), Some(""));
    assert_eq!(s.current_rows().len(), 5);
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('a'));
    typed(&mut s, "holt");
    key(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    let Mode::Picker(p) = &s.mode else {
        panic!("the picker")
    };
    assert_eq!((p.query.as_str(), p.shown.len()), ("", p.options.len()));
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char(':'));
    typed(&mut s, "save x");
    key(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    let Mode::Command(p) = &s.mode else {
        panic!("the command line")
    };
    assert_eq!(p.text, "");
}

#[test]
fn the_date_prompt_parses_ranges_and_reports_mistakes() {
    let mut s = state();
    press(&mut s, KeyCode::Char('d'));
    typed(&mut s, "2031-13");
    press(&mut s, KeyCode::Enter);
    let Mode::Date(p) = &s.mode else {
        panic!("prompt stays open")
    };
    assert!(p.error.is_some());
    for _ in 0..7 {
        press(&mut s, KeyCode::Backspace);
    }
    typed(&mut s, "2031-03-01..2031-03-31");
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(
        shown_titles(&s),
        vec![
            "Vey calls the leaders of Ostrava",
            "Holt and Vey meet in Brenna"
        ]
    );
    press(&mut s, KeyCode::Char('d'));
    for _ in 0..30 {
        press(&mut s, KeyCode::Backspace);
    }
    typed(&mut s, "last 7d");
    press(&mut s, KeyCode::Enter);
    // The corpus's newest publication date is 2031-03-12: a week back reaches the meeting and the month-long call.
    assert_eq!(s.current_rows().len(), 2);
}

#[test]
fn q_quits_but_types_in_the_filter_line() {
    let mut s = state();
    press(&mut s, KeyCode::Char('/'));
    assert_eq!(press(&mut s, KeyCode::Char('q')), None);
    assert_eq!(s.query(), Some("q"));
    assert_eq!(
        key(&mut s, KeyCode::Char('c'), KeyModifiers::CONTROL),
        Some(Effect::Quit)
    );
    press(&mut s, KeyCode::Esc);
    assert_eq!(press(&mut s, KeyCode::Char('q')), Some(Effect::Quit));
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut s = state_with(crate::tui_fixture::timeline(), 80, 12);
    press(&mut s, KeyCode::Char('?'));
    assert_eq!(s.mode, Mode::Help { scroll: 0 });
    press(&mut s, KeyCode::Char('j'));
    assert_eq!(s.mode, Mode::Help { scroll: 1 });
    press(&mut s, KeyCode::Char('G'));
    let Mode::Help { scroll } = s.mode else {
        panic!()
    };
    press(&mut s, KeyCode::Char('j'));
    assert_eq!(s.mode, Mode::Help { scroll }, "cannot scroll past the end");
    press(&mut s, KeyCode::Char('q'));
    assert_eq!(s.mode, Mode::Normal, "q closes the help first");
}

#[test]
fn mouse_clicks_select_rows_and_tabs() {
    use attache::tui::layout::{ListLine, areas, list_lines};
    let mut s = state();
    let list = areas(&s).list;
    // The fixture spans months: the list has month headings between its rows.
    let lines = list_lines(&s, &areas(&s));
    let line_of = |want: ListLine| lines.iter().position(|l| *l == want).unwrap() as u16;
    update(
        &mut s,
        Action::Click(5, list.y + 1 + line_of(ListLine::Row(2))),
    );
    assert_eq!(s.cursor().selected, 2);
    let heading = lines
        .iter()
        .position(|l| matches!(l, ListLine::Month(_)))
        .expect("a month heading") as u16;
    update(&mut s, Action::Click(5, list.y + 1 + heading));
    assert_eq!(s.cursor().selected, 2, "a heading selects nothing");
    update(&mut s, Action::ScrollDown);
    assert_eq!(s.cursor().selected, 4);
    update(&mut s, Action::Click(14, 0));
    assert_eq!(s.view, View::Quotes);
}

#[test]
fn resizing_keeps_the_selection_visible() {
    let mut s = state_with(crate::tui_fixture::many_events(200), 100, 40);
    press(&mut s, KeyCode::End);
    update(&mut s, Action::Resize(100, 10));
    let rows = attache::tui::layout::areas(&s).list_rows();
    let c = s.cursor();
    assert!(
        c.selected < c.offset + rows && c.selected >= c.offset,
        "{c:?} rows {rows}"
    );
}

#[test]
fn a_timeline_over_months_has_a_heading_per_month_and_keeps_the_selection_on_screen() {
    use attache::tui::layout::{ListLine, areas, list_lines};
    let mut s = state_with(crate::tui_fixture::many_events(200), 100, 16);
    let months = |s: &State| {
        list_lines(s, &areas(s))
            .iter()
            .filter(|l| matches!(l, ListLine::Month(_)))
            .count()
    };
    let shown = list_lines(&s, &areas(&s));
    assert!(months(&s) > 0, "{shown:?}");
    assert!(shown.len() <= areas(&s).list_rows());
    assert_ne!(
        shown.last().map(|l| matches!(l, ListLine::Month(_))),
        Some(true)
    );
    // Scrolling through every row: the selection is always on screen, headings included.
    for _ in 0..200 {
        press(&mut s, KeyCode::Down);
        let lines = list_lines(&s, &areas(&s));
        assert!(
            lines.contains(&ListLine::Row(s.cursor().selected)),
            "selection {} off screen: {lines:?}",
            s.cursor().selected
        );
        assert!(lines.len() <= areas(&s).list_rows());
    }
    // Quotes and sources have no headings.
    press(&mut s, KeyCode::Char('2'));
    assert_eq!(months(&s), 0);
}
