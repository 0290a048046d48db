//! Fewer bytes per frame. ratatui tells a backend which cells changed; crossterm's backend then
//! moves the cursor to each run of them and sets every colour again after a move. [`Compact`]
//! keeps a copy of what the screen shows and writes the frame itself, as short as it can:
//!
//! - style changes name only the attributes that change ([`crate::tui::backend::ansi::sgr`]);
//! - a short unchanged gap between two changed cells is rewritten from the copy when that is
//!   cheaper than moving the cursor over it, and moves are relative when that is shorter;
//! - a changed stretch of blank cells is erased (`ECH`, or `EL` when it reaches the end of
//!   the row) instead of written as spaces;
//! - when a band of rows moved (a list scrolled), the terminal is told to scroll them
//!   ([`crate::tui::backend::scroll`]) if the frame is then shorter;
//! - the rest of a wide character that a write cuts in two is written again, since some
//!   terminals blank it in the pen's colours.
//!
//! The screen ends up showing exactly what ratatui's buffer holds; `tests/tui_bytes.rs`
//! replays the bytes through a terminal emulator to prove it.

pub mod ansi;
pub mod hyperlink;
pub mod scroll;

use ansi::Pen;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// A backend that writes only what changed, in as few bytes as it finds.
pub struct Compact<B> {
    inner: B,
    /// What the screen shows, as ratatui believes it (blank at first and after a full clear).
    screen: Buffer,
    /// False after a partial clear, until a full one: the copy may then be wrong, so nothing
    /// is rewritten or erased from it beyond the changed cells.
    known: bool,
}

impl<B> Compact<B> {
    pub fn new(inner: B) -> Compact<B> {
        Compact {
            inner,
            screen: Buffer::empty(Rect::ZERO),
            known: true,
        }
    }

    /// The backend it writes through.
    pub fn inner(&self) -> &B {
        &self.inner
    }

    pub fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }

    /// What it believes the screen shows.
    pub fn shown(&self) -> &Buffer {
        &self.screen
    }

    /// Grows the copy to hold `(x, y)`; new cells are blank, as ratatui assumes them.
    fn cover(&mut self, x: u16, y: u16) {
        let a = self.screen.area;
        if x < a.right() && y < a.bottom() {
            return;
        }
        let area = Rect::new(0, 0, a.right().max(x + 1), a.bottom().max(y + 1));
        let mut grown = Buffer::empty(area);
        for yy in a.top()..a.bottom() {
            for xx in a.left()..a.right() {
                grown[(xx, yy)] = self.screen[(xx, yy)].clone();
            }
        }
        self.screen = grown;
    }
}

impl<B: Backend> Compact<B> {
    /// A blank copy of the size of the terminal (when it can tell), so that the copy knows
    /// where rows end.
    fn blank_copy(&mut self) {
        let size = self.inner.size().unwrap_or_default();
        self.screen = Buffer::empty(Rect::new(0, 0, size.width, size.height));
        self.known = true;
    }
}

fn cell_width(c: &Cell) -> u16 {
    c.symbol().width().max(1) as u16
}

/// Attributes that show on a blank cell.
const SHOWS_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::CROSSED_OUT);

/// Whether a cell looks like an erased one: a space on the default background.
fn blank(c: &Cell) -> bool {
    c.symbol() == " "
        && c.bg == Color::Reset
        && !c.modifier.intersects(SHOWS_ON_BLANK)
        && c.diff_option == CellDiffOption::None
}

/// One frame's output: the bytes, and where the cursor and pen are after them.
struct Frame<'a> {
    screen: &'a Buffer,
    /// What the terminal showed before (to know which wide characters a write cuts in two).
    old: &'a Buffer,
    known: bool,
    out: Vec<u8>,
    cursor: Option<(u16, u16)>,
    pen: Pen,
}

impl Frame<'_> {
    /// The columns right of `x..end` that the terminal blanks itself when cells `x..end` of
    /// row `y` are written or erased: the rest of an old wide character cut in two. Some
    /// terminals blank them in the pen's colours, so they are written again.
    fn cut(&self, y: u16, x: u16, end: u16) -> std::ops::Range<u16> {
        let reach = (x..end)
            .filter_map(|s| Some(s + cell_width(self.old.cell((s, y))?)))
            .max()
            .unwrap_or(end);
        end..reach.max(end).min(self.screen.area.width)
    }

    /// Writes the changed cells `xs` (ascending) of row `y`.
    fn row(&mut self, y: u16, mut xs: Vec<u16>) {
        let width = self.screen.area.width;
        let cell = |x: u16| &self.screen[(x, y)];
        // Columns covered by the right half of a wide character: never erased or rewritten.
        let mut covered = vec![false; usize::from(width)];
        let mut x = 0;
        while x < width {
            let w = cell_width(cell(x));
            for c in x + 1..(x + w).min(width) {
                covered[usize::from(c)] = true;
            }
            x += w;
        }
        let erasable = |x: u16| blank(cell(x)) && !covered[usize::from(x)];
        let mut i = 0;
        while i < xs.len() {
            let x = xs[i];
            if self.known && erasable(x) {
                let mut end = x;
                while end < width && erasable(end) {
                    end += 1;
                }
                let j = i + xs[i..].partition_point(|&c| c < end);
                let n = xs[j - 1] - x + 1;
                let to_eol = end == width && j == xs.len();
                let erase = if to_eol {
                    ansi::ERASE_LINE.len()
                } else {
                    // The cursor stays, so the next change needs a move.
                    ansi::erase_chars_len(n) + if j < xs.len() { 4 } else { 0 }
                };
                let write = usize::from(n) + ansi::sgr_len(self.pen, Pen::of(cell(x)));
                if erase + ansi::sgr_len(self.pen, Pen::PLAIN) < write {
                    let cut = if to_eol {
                        end..end
                    } else {
                        self.cut(y, x, x + n)
                    };
                    ansi::move_cursor(&mut self.out, self.cursor, (x, y));
                    ansi::sgr(&mut self.out, self.pen, Pen::PLAIN);
                    self.pen = Pen::PLAIN;
                    if to_eol {
                        self.out.extend_from_slice(ansi::ERASE_LINE);
                    } else {
                        ansi::erase_chars(&mut self.out, n);
                    }
                    self.cursor = Some((x, y));
                    i = j;
                    insert(&mut xs, i, cut);
                    continue;
                }
            }
            self.go_to(x, y, &covered);
            let c = cell(x);
            self.put(c);
            let after = x + cell_width(c);
            // At the last column the cursor waits to wrap: where it is depends on the terminal.
            self.cursor = (after < width).then_some((after, y));
            i += 1;
            let cut = self.cut(y, x, after);
            insert(&mut xs, i, cut);
        }
    }

    /// Moves the cursor to `(x, y)`, by rewriting the unchanged cells in between when that is
    /// shorter.
    fn go_to(&mut self, x: u16, y: u16, covered: &[bool]) {
        let jump = ansi::move_len(self.cursor, (x, y));
        if let Some((cx, cy)) = self.cursor
            && self.known
            && cy == y
            && cx < x
            && jump > 0
        {
            let (mut pen, mut bytes) = (self.pen, 0);
            let fits = (cx..x).all(|gx| {
                let c = &self.screen[(gx, y)];
                // Only plain one-column cells, so the cursor lands where the terminal expects.
                let plain = c.diff_option == CellDiffOption::None
                    && c.symbol().width() == 1
                    && !covered[usize::from(gx)];
                bytes += ansi::sgr_len(pen, Pen::of(c)) + c.symbol().len();
                pen = Pen::of(c);
                plain && bytes <= jump
            });
            if fits && bytes <= jump {
                for gx in cx..x {
                    self.put(&self.screen[(gx, y)]);
                }
                return;
            }
        }
        ansi::move_cursor(&mut self.out, self.cursor, (x, y));
    }

    /// Writes one cell at the cursor.
    fn put(&mut self, c: &Cell) {
        let pen = Pen::of(c);
        ansi::sgr(&mut self.out, self.pen, pen);
        self.pen = pen;
        self.out.extend_from_slice(c.symbol().as_bytes());
    }
}

/// The bytes that make the terminal show `screen`, where it differs at `changed` ((row,
/// column), sorted), appended to `out`. The cursor's place is unknown at first, the pen plain;
/// the pen is left plain, as crossterm's backend leaves it.
fn encode(
    screen: &Buffer,
    old: &Buffer,
    known: bool,
    changed: &[(u16, u16)],
    out: Vec<u8>,
) -> Vec<u8> {
    let mut frame = Frame {
        screen,
        old,
        known,
        out,
        cursor: None,
        pen: Pen::PLAIN,
    };
    let mut rest = changed;
    while let Some(&(y, _)) = rest.first() {
        let n = rest.partition_point(|&(yy, _)| yy == y);
        frame.row(y, rest[..n].iter().map(|&(_, x)| x).collect());
        rest = &rest[n..];
    }
    ansi::sgr(&mut frame.out, frame.pen, Pen::PLAIN);
    frame.out
}

/// Adds the columns `more` to the ascending columns `xs`, at or after index `from`.
fn insert(xs: &mut Vec<u16>, from: usize, more: std::ops::Range<u16>) {
    for x in more {
        let at = from + xs[from..].partition_point(|&c| c < x);
        if xs.get(at) != Some(&x) {
            xs.insert(at, x);
        }
    }
}

impl<B: Backend<Error = io::Error> + Write> Backend for Compact<B> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        if self.screen.area.is_empty() {
            self.blank_copy();
        }
        let content: Vec<(u16, u16, &Cell)> = content.collect();
        // What the terminal shows now: which wide characters a write cuts in two, and which
        // rows moved.
        let before = self.screen.clone();
        let mut changed: Vec<(u16, u16)> = content
            .into_iter()
            .map(|(x, y, cell)| {
                self.cover(x, y);
                self.screen[(x, y)] = cell.clone();
                // ratatui sends no cell a wide character covers: they are blank in its buffer.
                for c in x + 1..x + cell_width(cell) {
                    if let Some(covered) = self.screen.cell_mut((c, y)) {
                        covered.reset();
                    }
                }
                (y, x)
            })
            .collect();
        changed.sort_unstable();
        changed.dedup();
        let mut out = encode(&self.screen, &before, self.known, &changed, Vec::new());
        // A list that scrolled changes most of the screen: look for rows the terminal can move
        // itself.
        let width = usize::from(self.screen.area.width);
        if self.known
            && changed.len() > width
            && let Some(shift) = scroll::find(&before, &self.screen, 8)
        {
            let mut moved = before;
            shift.apply(&mut moved);
            let mut changed: Vec<(u16, u16)> = moved
                .diff(&self.screen)
                .into_iter()
                .map(|(x, y, _)| (y, x))
                .collect();
            changed.sort_unstable();
            let mut scrolled = Vec::new();
            shift.write(&mut scrolled);
            let scrolled = encode(&self.screen, &moved, self.known, &changed, scrolled);
            if scrolled.len() < out.len() {
                out = scrolled;
            }
        }
        self.inner.write_all(&out)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.known = false;
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.blank_copy();
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        if clear_type == ClearType::All {
            self.blank_copy();
        } else {
            self.known = false;
        }
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        Backend::flush(&mut self.inner)
    }
}

/// Raw output (synchronized-update markers, OSC 52) goes straight through.
impl<B: Write> Write for Compact<B> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}
