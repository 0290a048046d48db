//! What the TUI writes to a real (crossterm) terminal, through the backend `attache tui` uses:
//! one `j` at 120x40 stays under 2 KB in every view (over ssh every byte is latency), and the
//! bytes, replayed through a terminal emulator (`vt100`), show exactly what ratatui's buffer
//! holds — through scrolling, filtering, switching views and resizing, and for hand-made frames
//! with colours, wide characters and blanks.

use crate::common;

use attache::tui::backend::Compact;
use attache::tui::{Action, Options, State, View, draw, update};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier, Style};
use std::io::{self, Write};

/// The target of issue 9 for one row of scrolling at 120x40.
const MAX_BYTES_PER_J: usize = 2048;

/// A terminal of a size the test sets, whose output goes into memory. [`Compact`] writes the
/// cells itself; the rest is what crossterm's backend writes.
struct Memory {
    out: Vec<u8>,
    size: Size,
    cursor: Position,
}

impl Write for Memory {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Backend for Memory {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, _: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        unreachable!("Compact writes the cells itself")
    }
    fn hide_cursor(&mut self) -> io::Result<()> {
        self.write_all(b"\x1b[?25l")
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        self.write_all(b"\x1b[?25h")
    }
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.cursor = position.into();
        let (x, y) = (self.cursor.x + 1, self.cursor.y + 1);
        write!(self, "\x1b[{y};{x}H")
    }
    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }
    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let code: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.write_all(code)
    }
    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::default(),
        })
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

type Screen = Terminal<Compact<Memory>>;

/// A full-screen terminal of `w`x`h` writing into memory, and an emulator of the same size.
fn terminal(w: u16, h: u16) -> (Screen, vt100::Parser) {
    let backend = Compact::new(Memory {
        out: Vec::new(),
        size: Size::new(w, h),
        cursor: Position::ORIGIN,
    });
    (
        Terminal::new(backend).unwrap(),
        vt100::Parser::new(nz(h), nz(w), 0),
    )
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

/// The terminal and the emulator become `w`x`h` (the next frame notices and repaints).
fn resize(t: &mut Screen, vt: &mut vt100::Parser, w: u16, h: u16) {
    t.backend_mut().inner_mut().size = Size::new(w, h);
    vt.set_size(nz(h), nz(w));
}

/// Draws a frame of `s`, feeds what was written to the emulator, checks that the emulator
/// shows the frame, and returns how many bytes were written.
fn frame(t: &mut Screen, vt: &mut vt100::Parser, s: &State, what: &str) -> usize {
    let buffer = t.draw(|f| draw(f, s)).unwrap().buffer.clone();
    replay(t, vt, &buffer, what)
}

fn replay(t: &mut Screen, vt: &mut vt100::Parser, buffer: &Buffer, what: &str) -> usize {
    let bytes = std::mem::take(&mut t.backend_mut().inner_mut().out);
    // What the backend believes the screen shows is the buffer, too.
    let copy = t.backend().shown();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            assert_eq!(copy[(x, y)], buffer[(x, y)], "{what}: copy at ({x}, {y})");
        }
    }
    vt.process(&bytes);
    if let Some(wrong) = difference(vt.screen(), buffer) {
        panic!("{what}: {wrong}");
    }
    bytes.len()
}

/// The first cell where the emulator's screen does not look like the buffer: the same
/// characters, and the same colours and attributes where they show (a space shows no
/// foreground colour, bold or italics).
fn difference(screen: &vt100::Screen, buffer: &Buffer) -> Option<String> {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(got) = screen.cell(y, x) else {
                return Some(format!("no cell at ({x}, {y})"));
            };
            if got.is_wide_continuation() {
                continue;
            }
            let want = &buffer[(x, y)];
            let text = if got.has_contents() {
                got.contents()
            } else {
                " "
            };
            let blank = want.symbol() == " ";
            let m = want.modifier;
            let same = text == want.symbol()
                && got.bgcolor() == colour(want.bg)
                && got.inverse() == m.contains(Modifier::REVERSED)
                && got.underline() == m.contains(Modifier::UNDERLINED)
                && (blank
                    || (got.fgcolor() == colour(want.fg)
                        && got.bold() == m.contains(Modifier::BOLD)
                        && got.dim() == m.contains(Modifier::DIM)
                        && got.italic() == m.contains(Modifier::ITALIC)));
            if !same {
                return Some(format!(
                    "({x}, {y}) shows {text:?} {:?}/{:?} bold {} dim {} italic {} underline {} \
                     inverse {} but the buffer holds {want:?}",
                    got.fgcolor(),
                    got.bgcolor(),
                    got.bold(),
                    got.dim(),
                    got.italic(),
                    got.underline(),
                    got.inverse(),
                ));
            }
        }
    }
    None
}

/// A ratatui colour as the emulator records it (crossterm writes named colours as indices).
fn colour(c: Color) -> vt100::Color {
    let index = match c {
        Color::Reset => return vt100::Color::Default,
        Color::Rgb(r, g, b) => return vt100::Color::Rgb(r, g, b),
        Color::Indexed(n) => n,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    vt100::Color::Idx(index)
}

fn seeds() -> State {
    let loaded = attache::corpus::load(&[] as &[&str], &Default::default());
    State::new(
        attache::pipeline::build_timeline(loaded.documents),
        Options::default(),
    )
}

/// The bytes each of `presses` `j`s writes in `view` at 120x40 (every frame checked on the
/// emulator).
fn bytes_per_j(mut s: State, view: View, presses: usize) -> Vec<usize> {
    update(&mut s, Action::Resize(120, 40));
    update(&mut s, Action::Show(view));
    let (mut t, mut vt) = terminal(120, 40);
    let first = frame(&mut t, &mut vt, &s, "first frame");
    assert!(
        first > 120 * 10,
        "the first frame paints the screen ({first} bytes)"
    );
    (0..presses)
        .map(|n| {
            update(&mut s, Action::Down);
            frame(&mut t, &mut vt, &s, &format!("{view:?} after {} j", n + 1))
        })
        .collect()
}

fn check_scrolling(name: &str, state: impl Fn() -> State, presses: usize) {
    for view in [View::Timeline, View::Quotes, View::Sources] {
        let sizes = bytes_per_j(state(), view, presses);
        let max = sizes.iter().max().copied().unwrap_or(0);
        println!("{name} {view:?}: bytes per j at 120x40: max {max}, {sizes:?}");
        assert!(sizes.iter().any(|&n| n > 0), "{view:?}: j changed nothing");
        assert!(
            max <= MAX_BYTES_PER_J,
            "{name} {view:?}: a j wrote {max} bytes"
        );
    }
}

#[test]
fn one_row_of_scrolling_writes_at_most_2_kb_on_the_bundled_articles() {
    check_scrolling("seeds", seeds, 60);
}

#[test]
fn one_row_of_scrolling_writes_at_most_2_kb_on_a_generated_corpus() {
    check_scrolling(
        "generated",
        || State::new(common::timeline(400, 3), Options::default()),
        120,
    );
}

/// A small deterministic generator (xorshift), so that a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[test]
fn the_screen_shows_the_frame_through_scrolling_filtering_and_resizing() {
    let keys = [
        Action::Down,
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::HalfPageUp,
        Action::Bottom,
        Action::Top,
        Action::ToggleFocus,
        Action::Show(View::Timeline),
        Action::Show(View::Quotes),
        Action::Show(View::Sources),
        Action::Open,
        Action::Back,
        Action::ToggleHelp,
    ];
    for seed in 1..=6u64 {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ seed);
        let mut s = if seed % 2 == 0 {
            seeds()
        } else {
            State::new(common::timeline(300, 2), Options::default())
        };
        let (mut w, mut h) = (120, 40);
        update(&mut s, Action::Resize(w, h));
        let (mut t, mut vt) = terminal(w, h);
        let mut log = Vec::new();
        for step in 0..80 {
            let action = match rng.below(10) {
                0 => {
                    (w, h) = (60 + rng.below(100) as u16, 15 + rng.below(40) as u16);
                    resize(&mut t, &mut vt, w, h);
                    Action::Resize(w, h)
                }
                1 => Action::StartFilter,
                2 => Action::Type(['h', 'o', 'l', 't', ' ', 'e', 'a', 'm'][rng.below(8)]),
                3 => Action::DeleteChar,
                4 => Action::Cancel,
                _ => keys[rng.below(keys.len())],
            };
            log.push(format!("{action:?}"));
            update(&mut s, action);
            frame(
                &mut t,
                &mut vt,
                &s,
                &format!("seed {seed} step {step}: {log:?}"),
            );
        }
    }
}

#[test]
fn hand_made_frames_with_colours_wide_characters_and_blanks_show_as_drawn() {
    let styles = [
        Style::new(),
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        Style::new().bg(Color::Blue).fg(Color::White),
        Style::new().fg(Color::DarkGray),
        Style::new().add_modifier(Modifier::REVERSED),
        // (Bold and dim together are one intensity on a terminal: not drawn here.)
        Style::new().fg(Color::Yellow).add_modifier(Modifier::DIM),
        Style::new().add_modifier(Modifier::UNDERLINED | Modifier::ITALIC),
    ];
    let words = [
        "minister",
        "東京",
        "talks",
        " ",
        "   ",
        "Zoë",
        "会談で",
        "a",
        "peace plan",
        "x",
    ];
    let (w, h) = (40, 8);
    let (mut t, mut vt) = terminal(w, h);
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut last = Buffer::empty(Rect::new(0, 0, w, h));
    for n in 0..400 {
        let mut next = Buffer::empty(Rect::new(0, 0, w, h));
        for y in 0..h {
            // Rows are often kept, so that frames differ in places, as when scrolling.
            let mut x = rng.below(6) as u16;
            while x < w && rng.below(4) > 0 {
                let word = words[rng.below(words.len())];
                let style = styles[rng.below(styles.len())];
                let (end, _) = next.set_stringn(x, y, word, usize::from(w - x), style);
                x = end + rng.below(3) as u16;
            }
        }
        match rng.below(3) {
            // Keep most rows of the previous frame.
            0 => {
                for y in 0..h {
                    if rng.below(3) > 0 {
                        for x in 0..w {
                            next[(x, y)] = last[(x, y)].clone();
                        }
                    }
                }
            }
            // Scroll a band of the previous frame by up to three rows, as a list does.
            1 => {
                let by = 1 + rng.below(3) as i32;
                let by = if rng.below(2) == 0 { by } else { -by };
                let (top, bottom) = (rng.below(2) as i32, h as i32 - rng.below(2) as i32);
                for y in top..bottom {
                    let from = y + by;
                    if (top..bottom).contains(&from) && rng.below(6) > 0 {
                        for x in 0..w {
                            next[(x, y as u16)] = last[(x, from as u16)].clone();
                        }
                    }
                }
            }
            _ => {}
        }
        let drawn = t
            .draw(|f| f.buffer_mut().clone_from(&next))
            .unwrap()
            .buffer
            .clone();
        replay(&mut t, &mut vt, &drawn, &format!("frame {n}"));
        last = drawn;
    }
}

/// The bytes of one frame of `s` drawn as the app draws it (with its hyperlink pass), at 120x40,
/// after the frame is checked on the emulator.
fn app_frame(s: &State) -> Vec<u8> {
    let (mut t, mut vt) = terminal(120, 40);
    attache::tui::terminal::draw_frame(&mut t, s).unwrap();
    let bytes = std::mem::take(&mut t.backend_mut().inner_mut().out);
    vt.process(&bytes);
    let shown = vt.screen().contents();
    assert!(!shown.trim().is_empty(), "the frame is drawn");
    bytes
}

/// An article of the fixture with `url`, opened in the article view.
fn article_with_url(url: &str, hyperlinks: bool) -> State {
    let mut tl = crate::tui_fixture::timeline();
    for d in &mut tl.documents {
        d.url = Some(url.to_string());
    }
    let mut s = State::new(tl, Options::default());
    s.hyperlinks = hyperlinks;
    update(&mut s, Action::Resize(120, 40));
    update(&mut s, Action::Show(View::Sources));
    update(&mut s, Action::Open);
    assert!(s.source.is_some(), "the article is open");
    s
}

#[test]
fn the_article_address_is_an_osc_8_hyperlink_only_when_safe_and_wanted() {
    let url = "https://news.example/2031/03/talks?id=7";
    let bytes = app_frame(&article_with_url(url, true));
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains(&format!("\x1b]8;;{url}\x1b\\")),
        "the address is linked: {text:?}"
    );
    assert!(text.contains("\x1b]8;;\x1b\\"), "and the link is closed");
    // Off (NO_COLOR, a dumb terminal): the address is plain text.
    let plain = app_frame(&article_with_url(url, false));
    assert!(!String::from_utf8_lossy(&plain).contains("\x1b]8;"));
    // An address with ESC, BEL or C1 bytes is never linked, and none of them is written.
    for evil in [
        "https://news.example/\x1b]52;c;aGk=\x07",
        "https://news.example/\x07x",
        "https://news.example/\u{9b}31m",
        "https://news.example/\u{9d}8;;https://evil.example\u{9c}",
    ] {
        let bytes = app_frame(&article_with_url(evil, true));
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("\x1b]8;"), "{evil:?} linked: {text:?}");
        assert!(!text.contains('\x07') && !text.contains('\u{9b}') && !text.contains('\u{9d}'));
        assert!(!text.contains("]52;"), "{evil:?}: {text:?}");
    }
}
