//! What the TUI draws: insta snapshots of every view at 80x24 and 120x40 (ratatui's TestBackend),
//! small terminals, and article text with escape sequences that must never reach the terminal.

use crate::util::{press, typed};
use attache::tui::{Action, Options, State, ThemeName, View, draw, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

fn state(w: u16, h: u16) -> State {
    let mut s = State::new(crate::tui_fixture::timeline(), Options::default());
    update(&mut s, Action::Resize(w, h));
    s
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

/// A reported statement in the Quotes view and its detail, shown as a paraphrase (`≈`, no
/// quotation marks), in every theme.
#[test]
fn snapshots_of_a_reported_statement() {
    for theme in [ThemeName::Dark, ThemeName::Mono] {
        let mut s = State::new(
            crate::tui_fixture::timeline(),
            Options {
                theme,
                ..Options::default()
            },
        );
        update(&mut s, Action::Resize(120, 40));
        press(&mut s, KeyCode::Char('2'));
        press(&mut s, KeyCode::Char('F'));
        press(&mut s, KeyCode::Char('F'));
        let shown = screen(&s);
        assert!(
            shown.contains("≈ the border would reopen in April"),
            "{shown}"
        );
        assert!(shown.contains("reported speech"), "{shown}");
        assert!(
            !shown.contains("“the border") && !shown.contains("\"the border"),
            "{shown}"
        );
        insta::assert_snapshot!("quotes_reported_120x40", shown);
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

/// At 40x12 the narrow timeline has no status column: a planned event still says `planned:` in
/// words (not only in italics), and the status bar keeps `? help` beside the counts.
#[test]
fn at_40x12_planned_is_written_and_help_stays_in_the_status_bar() {
    let mut s = state(40, 12);
    let shown = screen(&s);
    let last = shown.lines().last().unwrap_or_default();
    assert!(last.contains("? help"), "{shown}");
    assert!(shown.contains("planned: Holt, Vey"), "{shown}");
    insta::assert_snapshot!("timeline_40x12", shown);
    // In every list, and with filters on.
    for keys in ["2", "3", "/vey"] {
        typed(&mut s, keys);
        let shown = screen(&s);
        let last = shown.lines().last().unwrap_or_default();
        assert!(
            last.contains("? help") || last.contains("Enter keep"),
            "{keys}: {shown}"
        );
    }
    press(&mut s, KeyCode::Enter);
    let shown = screen(&s);
    assert!(
        shown.lines().last().unwrap_or_default().contains("? help"),
        "{shown}"
    );
}

/// The Quotes and Sources lists are in date order (undated last), whatever order the documents
/// were loaded in; `:2031-03-12` selects the first row of that day or later.
#[test]
fn quotes_and_sources_are_listed_in_date_order_and_colon_date_jumps() {
    let mut tl = crate::tui_fixture::timeline();
    // The first document loaded is now the latest.
    tl.documents[0].published.date = Some(crate::tui_fixture::day("2031-03-20"));
    let mut s = State::new(tl, Options::default());
    update(&mut s, Action::Resize(120, 40));
    for view in ['2', '3'] {
        press(&mut s, KeyCode::Char(view));
        let dates: Vec<Option<chrono::NaiveDate>> = s
            .current_rows()
            .iter()
            .map(|&i| match s.view {
                View::Quotes => s.catalog.quotes[i].date,
                _ => s.timeline.documents[i].published.date,
            })
            .collect();
        let mut sorted = dates.clone();
        sorted.sort_by_key(|d| (d.is_none(), *d));
        assert_eq!(dates, sorted, "{view}");
        assert_eq!(
            dates.first(),
            Some(&Some(crate::tui_fixture::day("2031-03-12")))
        );
        typed(&mut s, ":2031-03-13");
        press(&mut s, KeyCode::Enter);
        let at = s.cursor().selected;
        assert_eq!(
            dates[at],
            Some(crate::tui_fixture::day("2031-03-20")),
            "{view}"
        );
        assert!(
            dates[..at]
                .iter()
                .all(|d| d.is_some_and(|d| d < crate::tui_fixture::day("2031-03-13")))
        );
    }
}

/// A `/` match past the Quotes column's cut-off is shown in a window around it (`…` first),
/// highlighted in the row and in the detail pane.
#[test]
fn a_match_past_the_quote_column_is_shown_and_highlighted_in_list_and_detail() {
    let mut tl = crate::tui_fixture::timeline();
    tl.quotes[0].text = "We are ready to talk about the border, the ferries, the fishing rights \
                         and in the end about the northern quays of Tarnwick,"
        .into();
    let mut s = State::new(tl, Options::default());
    update(&mut s, Action::Resize(80, 24));
    typed(&mut s, "2/tarnwick");
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| draw(f, &s)).unwrap();
    let buf = t.backend().buffer().clone();
    let line = |y: u16| -> String { (0..80).map(|x| buf[(x, y)].symbol().to_string()).collect() };
    let matched = s.theme.matched.fg.unwrap();
    let mut seen = Vec::new();
    for y in 0..24 {
        let l = line(y);
        if let Some(at) = l.find("Tarnwick") {
            let x0 = l[..at].chars().count() as u16;
            for x in x0..x0 + 8 {
                assert_eq!(buf[(x, y)].fg, matched, "row {y} column {x}: {l}");
            }
            seen.push(l);
        }
    }
    assert_eq!(seen.len(), 2, "in the row and in the detail: {seen:?}");
    assert!(seen[0].contains('…'), "the row shows a window: {}", seen[0]);
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
    let widths = [
        0, 1, 5, 10, 19, 20, 21, 30, 45, 59, 60, 61, 69, 70, 80, 119, 120, 130,
    ];
    let heights = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 19, 20, 24, 30, 40];
    for seq in keys {
        for w in widths {
            for h in heights {
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
            crate::tui_fixture::timeline(),
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

/// Article text carrying terminal escapes: OSC 52 (clipboard write), CSI 2J (clear screen), BEL,
/// backspace, DEL and C1 controls. None of them may reach the terminal; the placeholder may.
const EVIL: &str = concat!(
    "evil\u{1b}]52;c;ZXZpbA==\u{7} clear\u{1b}[2J bell\u{7} bs\u{8} del\u{7f} c1\u{9b}31m ",
    "osc\u{9d}0;title\u{9c} link\u{1b}]8;;https://x.invalid\u{1b}\\here\u{1b}]8;;\u{1b}\\ ",
    "dcs\u{1b}P1$qm\u{1b}\\ bidi\u{202e}desrever\u{202c} iso\u{2067}x\u{2069} ",
    "zw\u{200b}j\u{200d}b\u{feff} end"
);

fn evil_timeline() -> attache::model::Timeline {
    let mut tl = crate::tui_fixture::timeline();
    for d in &mut tl.documents {
        d.path = format!("saved/{EVIL}/{}", d.path);
        d.title = Some(format!("Title {EVIL}"));
        d.outlet = Some(format!("Outlet {EVIL}"));
        // A URL with ESC, BEL and C1 bytes: never cited, never put into an escape sequence.
        d.url = Some(format!("https://x.example/{EVIL}"));
        let extra = format!("\n\nInjected paragraph: {EVIL}\n");
        d.text.push_str(&extra);
    }
    for e in &mut tl.events {
        e.title = format!("{} {EVIL}", e.title);
        e.actors.push(format!("Actor {EVIL}"));
        e.outlets = vec![format!("Outlet {EVIL}")];
    }
    for q in &mut tl.quotes {
        q.speaker = Some(format!("Speaker {EVIL}"));
    }
    // A quote whose own text carries the escapes.
    let d = &tl.documents[0];
    let start = d.text.find("Injected paragraph").unwrap();
    let q = attache::model::Quote {
        id: "qx".into(),
        doc: d.id.clone(),
        span: attache::model::Span::new(start, d.text.len() - 1),
        text: d.text[start..d.text.len() - 1].to_string(),
        speaker: Some(EVIL.into()),
        attribution: None,
        statement: None,
        event: Some("e2".into()),
    };
    tl.quotes.push(q);
    tl
}

/// A `Vec<u8>` the test keeps a handle on while the backend writes into it.
#[derive(Clone, Default)]
struct Sink(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Fails on any control byte but ESC, and on any escape sequence but a plain CSI that does not clear.
fn assert_only_drawing_sequences(out: &[u8]) {
    let text = std::str::from_utf8(out).expect("valid UTF-8");
    assert!(
        !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
        "C1 control in output"
    );
    assert!(!text.contains("ZXZpbA"), "the OSC 52 payload was drawn");
    assert!(
        !text.contains("x.invalid"),
        "the OSC 8 link target was drawn"
    );
    for c in [
        '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}',
        '\u{2068}', '\u{2069}', '\u{200b}', '\u{200d}', '\u{feff}',
    ] {
        assert!(!text.contains(c), "bidi or zero-width {c:?} in output");
    }
    let b = out;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0x1b => {
                assert_eq!(
                    b.get(i + 1),
                    Some(&b'['),
                    "non-CSI escape at byte {i}: {:?}",
                    &text[i..(i + 12).min(text.len())]
                );
                let mut j = i + 2;
                while j < b.len() && (0x20..0x40).contains(&b[j]) {
                    j += 1;
                }
                let seq = &text[i..=j.min(b.len() - 1)];
                assert!(
                    j < b.len() && (0x40..0x7f).contains(&b[j]),
                    "unterminated CSI {seq:?}"
                );
                assert!(!seq.ends_with('J'), "screen clear {seq:?}");
                i = j + 1;
            }
            c if c < 0x20 || c == 0x7f => panic!("control byte {c:#04x} at {i}"),
            _ => i += 1,
        }
    }
}

#[test]
fn escape_sequences_in_articles_never_reach_the_terminal() {
    use attache::tui::terminal::draw_frame;
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::{TerminalOptions, Viewport};

    let mut s = State::new(evil_timeline(), Options::default());
    update(&mut s, Action::Resize(120, 40));
    let screens: &[&[KeyCode]] = &[
        &[],
        &[KeyCode::Tab, KeyCode::Char('j')],
        &[KeyCode::Char('2')],
        &[KeyCode::Char('3')],
        &[
            KeyCode::Char('1'),
            KeyCode::Char('j'),
            KeyCode::Char('j'),
            KeyCode::Enter,
            KeyCode::Char('G'),
        ],
        &[KeyCode::Esc, KeyCode::Char('a')],
        &[KeyCode::Esc, KeyCode::Char('/'), KeyCode::Char('e')],
    ];
    let mut total = 0;
    for keys in screens {
        for &k in *keys {
            press(&mut s, k);
        }
        let sink = Sink::default();
        let backend = CrosstermBackend::new(sink.clone());
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
        };
        let mut t = Terminal::with_options(backend, options).unwrap();
        draw_frame(&mut t, &s).unwrap();
        let out = sink.0.borrow().clone();
        assert!(
            String::from_utf8_lossy(&out).contains("evil"),
            "the text around the escapes is drawn"
        );
        assert_only_drawing_sequences(&out);
        total += out.len();
    }
    assert!(total > 10_000);
}

#[test]
fn a_message_is_not_cut_while_the_bar_has_room_for_it() {
    for (w, name) in [(120, 50), (200, 120)] {
        let mut s = state(w, 30);
        typed(&mut s, "/holt border talks");
        press(&mut s, KeyCode::Enter);
        typed(&mut s, "a");
        press(&mut s, KeyCode::Down);
        press(&mut s, KeyCode::Enter);
        s.message = Some(format!(
            "filters saved as “{}” (f recalls them)",
            "b".repeat(name)
        ));
        let screen = screen(&s);
        let status = screen.lines().nth(29).expect("the status bar");
        assert!(status.contains("(f recalls them)"), "{w}: {status}");
    }
}

#[test]
fn the_help_shows_every_description_whole_and_lists_filters_command() {
    for (w, h) in [(200, 80), (80, 80)] {
        let mut s = state(w, h);
        press(&mut s, KeyCode::Char('?'));
        let screen = screen(&s);
        // Rows joined, borders and key column dropped: each description reads whole.
        let text: String = screen
            .lines()
            .filter_map(|l| {
                let inner = l.split_once('│')?.1;
                Some(inner.rsplit_once('│').map_or(inner, |(a, _)| a).to_string())
            })
            .collect::<Vec<_>>()
            .join(" ");
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for b in attache::tui::keymap::BINDINGS {
            if b.contexts.contains(&attache::tui::keymap::Context::List) {
                let tail: String = b
                    .help
                    .split_whitespace()
                    .rev()
                    .take(3)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<Vec<_>>()
                    .join(" ");
                assert!(words.contains(&tail), "{w}: {:?} cut:\n{screen}", b.help);
            }
        }
        assert!(words.contains("filters (list the saved ones)"), "{screen}");
    }
}

#[test]
fn the_article_heading_shows_a_web_address_as_text() {
    let mut tl = crate::tui_fixture::timeline();
    for d in &mut tl.documents {
        d.url = Some(format!("https://news.example/{}", d.id));
    }
    let mut s = State::new(tl, Options::default());
    update(&mut s, Action::Resize(160, 30));
    press(&mut s, KeyCode::Char('3'));
    press(&mut s, KeyCode::Enter);
    let doc = s.source.expect("an open article").doc;
    let id = s.timeline.documents[doc].id.clone();
    let heading = screen(&s).lines().nth(1).unwrap().to_string();
    assert!(
        heading.contains(&format!(" — https://news.example/{id}")),
        "{heading}"
    );
}
