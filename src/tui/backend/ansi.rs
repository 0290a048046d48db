//! The shortest escape sequences for what a frame needs. Over SSH every byte of a frame is
//! latency, and most of a frame's bytes beside its text are style changes and cursor moves:
//! [`sgr`] changes only the attributes that differ (or resets and sets, when that is shorter),
//! and [`move_cursor`] picks the shortest of an absolute move and the relative ones.
//!
//! Colours are written as crossterm writes them (`38;5;N`, not `3N`), because some terminals
//! brighten bold text in the legacy colours but not in indexed ones: the screen must look the
//! same as with crossterm's own backend.

use ratatui::style::{Color, Modifier};
use std::io::Write;

/// The attributes text is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub underline: Color,
    pub modifier: Modifier,
}

impl Pen {
    /// The terminal's defaults (after `ESC[m`).
    pub const PLAIN: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    pub fn of(cell: &ratatui::buffer::Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// Each attribute with its SGR code (for turning it on).
const ON: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

/// Writes the SGR sequence that turns `from` into `to` (nothing when they are equal).
pub fn sgr(out: &mut Vec<u8>, from: Pen, to: Pen) {
    if from == to {
        return;
    }
    let (mut step, mut reset) = (String::new(), String::new());
    // From `from`, turning off only what goes: 22 ends both bold and dim, 25 both blinks.
    let removed = from.modifier - to.modifier;
    let mut add = to.modifier - from.modifier;
    for (gone, off, both) in [
        (
            Modifier::BOLD | Modifier::DIM,
            22,
            Modifier::BOLD | Modifier::DIM,
        ),
        (Modifier::ITALIC, 23, Modifier::ITALIC),
        (Modifier::UNDERLINED, 24, Modifier::UNDERLINED),
        (
            Modifier::SLOW_BLINK | Modifier::RAPID_BLINK,
            25,
            Modifier::SLOW_BLINK | Modifier::RAPID_BLINK,
        ),
        (Modifier::REVERSED, 27, Modifier::REVERSED),
        (Modifier::HIDDEN, 28, Modifier::HIDDEN),
        (Modifier::CROSSED_OUT, 29, Modifier::CROSSED_OUT),
    ] {
        if removed.intersects(gone) {
            param(&mut step, off);
            add |= to.modifier & both;
        }
    }
    modifiers(&mut step, add);
    colours(&mut step, from, to);
    // From the defaults: everything `to` has.
    reset.push('0');
    modifiers(&mut reset, to.modifier);
    colours(&mut reset, Pen::PLAIN, to);
    let params = if to == Pen::PLAIN {
        ""
    } else if reset.len() < step.len() {
        &reset
    } else {
        &step
    };
    out.extend_from_slice(b"\x1b[");
    out.extend_from_slice(params.as_bytes());
    out.push(b'm');
}

/// The length of [`sgr`]'s sequence.
pub fn sgr_len(from: Pen, to: Pen) -> usize {
    if from == to {
        return 0;
    }
    let mut out = Vec::new();
    sgr(&mut out, from, to);
    out.len()
}

fn param(params: &mut String, code: impl std::fmt::Display) {
    if !params.is_empty() {
        params.push(';');
    }
    params.push_str(&code.to_string());
}

fn modifiers(params: &mut String, on: Modifier) {
    for (m, code) in ON {
        if on.contains(m) {
            param(params, code);
        }
    }
}

fn colours(params: &mut String, from: Pen, to: Pen) {
    for (a, b, base) in [
        (from.fg, to.fg, 30),
        (from.bg, to.bg, 40),
        (from.underline, to.underline, 50),
    ] {
        if a != b {
            param(params, colour(b, base));
        }
    }
}

/// A colour as crossterm writes it; `base` is 30 (foreground), 40 (background) or 50
/// (underline).
fn colour(c: Color, base: u8) -> String {
    let index = match c {
        Color::Reset => return (base + 9).to_string(),
        Color::Rgb(r, g, b) => return format!("{};2;{r};{g};{b}", base + 8),
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
    format!("{};5;{index}", base + 8)
}

/// Writes the shortest move of the cursor from `from` (`None`: unknown) to `to` (0-based
/// column, row). Line feeds are never used: on the last row they would scroll.
pub fn move_cursor(out: &mut Vec<u8>, from: Option<(u16, u16)>, to: (u16, u16)) {
    if from == Some(to) {
        return;
    }
    let (x, y) = to;
    let mut best = if x == 0 {
        format!("\x1b[{}H", y + 1)
    } else {
        format!("\x1b[{};{}H", y + 1, x + 1)
    };
    if let Some((fx, fy)) = from {
        let vertical = match fy.cmp(&y) {
            std::cmp::Ordering::Less => relative(y - fy, 'B'),
            std::cmp::Ordering::Greater => relative(fy - y, 'A'),
            std::cmp::Ordering::Equal => String::new(),
        };
        let horizontal = [
            match fx.cmp(&x) {
                std::cmp::Ordering::Less => relative(x - fx, 'C'),
                std::cmp::Ordering::Greater => relative(fx - x, 'D'),
                std::cmp::Ordering::Equal => String::new(),
            },
            format!(
                "\r{}",
                if x == 0 {
                    String::new()
                } else {
                    relative(x, 'C')
                }
            ),
            format!("\x1b[{}G", x + 1),
        ];
        for h in horizontal {
            let candidate = format!("{vertical}{h}");
            if candidate.len() < best.len() {
                best = candidate;
            }
        }
    }
    out.extend_from_slice(best.as_bytes());
}

/// The length of [`move_cursor`]'s sequence.
pub fn move_len(from: Option<(u16, u16)>, to: (u16, u16)) -> usize {
    let mut out = Vec::new();
    move_cursor(&mut out, from, to);
    out.len()
}

fn relative(n: u16, dir: char) -> String {
    if n == 1 {
        format!("\x1b[{dir}")
    } else {
        format!("\x1b[{n}{dir}")
    }
}

/// Writes "erase `n` characters from the cursor" (the cursor stays).
pub fn erase_chars(out: &mut Vec<u8>, n: u16) {
    if n == 1 {
        out.extend_from_slice(b"\x1b[X");
    } else {
        let _ = write!(out, "\x1b[{n}X");
    }
}

/// The length of [`erase_chars`]'s sequence.
pub fn erase_chars_len(n: u16) -> usize {
    if n == 1 { 3 } else { 3 + n.to_string().len() }
}

/// "Erase to the end of the line" (the cursor stays).
pub const ERASE_LINE: &[u8] = b"\x1b[K";

#[cfg(test)]
mod tests {
    use super::*;

    fn sgr_text(from: Pen, to: Pen) -> String {
        let mut out = Vec::new();
        sgr(&mut out, from, to);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn only_what_changes_is_sent() {
        let bold = Pen {
            modifier: Modifier::BOLD,
            ..Pen::PLAIN
        };
        let bold_cyan = Pen {
            fg: Color::Cyan,
            ..bold
        };
        assert_eq!(sgr_text(bold, bold_cyan), "\x1b[38;5;6m");
        assert_eq!(sgr_text(bold_cyan, Pen::PLAIN), "\x1b[m");
        assert_eq!(sgr_text(Pen::PLAIN, bold), "\x1b[1m");
        // Dropping bold but keeping dim turns dim back on after the shared off code.
        let both = Pen {
            fg: Color::Cyan,
            bg: Color::Blue,
            modifier: Modifier::BOLD | Modifier::DIM,
            ..Pen::PLAIN
        };
        let dim = Pen {
            modifier: Modifier::DIM,
            ..both
        };
        assert_eq!(sgr_text(both, dim), "\x1b[22;2m");
        assert_eq!(sgr_text(bold, bold), "");
    }

    #[test]
    fn a_reset_is_used_when_it_is_shorter() {
        let busy = Pen {
            fg: Color::Yellow,
            bg: Color::Blue,
            underline: Color::Reset,
            modifier: Modifier::BOLD | Modifier::ITALIC | Modifier::UNDERLINED,
        };
        let red = Pen {
            fg: Color::Red,
            ..Pen::PLAIN
        };
        assert_eq!(sgr_text(busy, red), "\x1b[0;38;5;1m");
    }

    #[test]
    fn the_shortest_move_is_taken() {
        let mv = |from, to| {
            let mut out = Vec::new();
            move_cursor(&mut out, from, to);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(mv(None, (0, 4)), "\x1b[5H");
        assert_eq!(mv(None, (9, 4)), "\x1b[5;10H");
        assert_eq!(mv(Some((3, 4)), (5, 4)), "\x1b[2C");
        assert_eq!(mv(Some((3, 4)), (4, 4)), "\x1b[C");
        assert_eq!(mv(Some((50, 4)), (0, 4)), "\r");
        assert_eq!(mv(Some((50, 4)), (48, 4)), "\x1b[2D");
        assert_eq!(mv(Some((50, 4)), (2, 5)), "\x1b[6;3H");
        assert_eq!(mv(Some((50, 14)), (1, 15)), "\x1b[16;2H");
        assert_eq!(mv(Some((50, 14)), (0, 15)), "\x1b[B\r");
        assert_eq!(mv(Some((3, 4)), (3, 4)), "");
    }
}
