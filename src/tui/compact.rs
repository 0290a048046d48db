//! Fewer bytes per frame. ratatui sends the terminal only the cells that changed, but a cell that
//! happens to be unchanged between two changed ones (a space where the old and new detail text both
//! have one) costs a cursor move of about eight bytes to jump over. [`Compact`] keeps a copy of what
//! the screen shows and rewrites such short gaps instead, when they are cheaper than the jump and
//! share the style of what precedes them: a one-row scroll then writes about half as much.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect, Size};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// A gap is rewritten when its text is at most this many bytes (a cursor move costs 6–9).
const MAX_GAP_BYTES: usize = 6;

/// A backend that fills short gaps between changed cells from its copy of the screen.
pub struct Compact<B> {
    inner: B,
    /// What the screen shows, as ratatui believes it (blank at first and after a full clear).
    screen: Buffer,
    /// False after a partial clear, until a full one: the copy may then be wrong, so no gaps are
    /// filled from it.
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

fn cell_width(c: &Cell) -> u16 {
    c.symbol().width().max(1) as u16
}

impl<B: Backend> Backend for Compact<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let changed: Vec<(u16, u16)> = content
            .map(|(x, y, cell)| {
                self.cover(x, y);
                self.screen[(x, y)] = cell.clone();
                (x, y)
            })
            .collect();
        let screen = &self.screen;
        let mut out: Vec<(u16, u16, &Cell)> = Vec::with_capacity(changed.len());
        // Where the cursor stands after the last cell written, and that cell's style.
        let mut after: Option<(u16, u16, ratatui::style::Style)> = None;
        for (x, y) in changed {
            if self.known
                && let Some((ax, ay, style)) = after
                && ay == y
                && ax < x
            {
                let mut gap = Vec::new();
                let (mut gx, mut bytes) = (ax, 0);
                while gx < x {
                    let c = &screen[(gx, y)];
                    bytes += c.symbol().len();
                    // Only plain one-column cells, so the cursor lands where ratatui expects.
                    if c.diff_option != CellDiffOption::None
                        || c.symbol().width() != 1
                        || c.style() != style
                        || bytes > MAX_GAP_BYTES
                    {
                        break;
                    }
                    gap.push((gx, y, c));
                    gx += 1;
                }
                if gx == x {
                    out.extend(gap);
                }
            }
            let c = &screen[(x, y)];
            out.push((x, y, c));
            after = Some((x + cell_width(c), y, c.style()));
        }
        self.inner.draw(out.into_iter())
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
        self.screen.reset();
        self.known = true;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        if clear_type == ClearType::All {
            self.screen.reset();
            self.known = true;
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::style::{Color, Style};

    /// Draws `rows` (one string per row) and returns the cells the inner backend was sent.
    fn frame(t: &mut Compact<TestBackend>, rows: &[&str], style: Style) {
        let mut next = Buffer::empty(Rect::new(0, 0, 20, rows.len() as u16));
        for (y, r) in rows.iter().enumerate() {
            next.set_string(0, y as u16, r, style);
        }
        let prev = t.screen.clone();
        let mut prev_sized = Buffer::empty(next.area);
        for y in 0..next.area.height.min(prev.area.height) {
            for x in 0..next.area.width.min(prev.area.width) {
                prev_sized[(x, y)] = prev[(x, y)].clone();
            }
        }
        t.draw(prev_sized.diff(&next).into_iter()).unwrap();
    }

    #[test]
    fn the_inner_screen_ends_up_the_same_with_gaps_filled() {
        let mut t = Compact::new(TestBackend::new(20, 2));
        frame(&mut t, &["the minister said", "ok"], Style::new());
        frame(&mut t, &["a  miniature sat", "ok"], Style::new());
        let shown = t.inner.buffer().clone();
        let mut want = Buffer::empty(Rect::new(0, 0, 20, 2));
        want.set_string(0, 0, "a  miniature sat", Style::new());
        want.set_string(0, 1, "ok", Style::new());
        assert_eq!(shown, want);
    }

    #[test]
    fn gaps_of_another_style_are_jumped_not_rewritten() {
        let mut t = Compact::new(TestBackend::new(20, 1));
        frame(&mut t, &["abcdef"], Style::new().fg(Color::Red));
        // Only "a" and "f" change; b..e keep red and are not resent in the new style.
        let mut next = t.screen.clone();
        next[(0, 0)]
            .set_symbol("x")
            .set_style(Style::new().fg(Color::Blue));
        next[(5, 0)]
            .set_symbol("y")
            .set_style(Style::new().fg(Color::Blue));
        let diff = t.screen.diff(&next);
        assert_eq!(diff.len(), 2);
        t.draw(diff.into_iter()).unwrap();
        assert_eq!(t.inner.buffer()[(2, 0)].fg, Color::Red);
        assert_eq!(t.inner.buffer()[(5, 0)].symbol(), "y");
    }
}
