//! Rows that moved. When a list scrolls by a row, every row of it changes, and writing them all
//! again costs a screenful of text. A terminal can move rows itself: a scrolling region
//! (`DECSTBM`) scrolled up or down (`SU`/`SD`) costs about fourteen bytes, after which only the
//! row that came in and the cells that really changed are written. [`find`] looks for the band
//! of rows and the distance that leave the fewest cells to write; the caller writes the frame
//! both ways and keeps the shorter.

use ratatui::buffer::{Buffer, Cell};

/// The farthest a band is looked for moved (a mouse wheel scrolls three rows).
const MAX_BY: i32 = 3;

/// Rows `top..=bottom` (0-based, full width) scrolled by `by` rows: up (the content moves to
/// smaller row numbers) when positive, down when negative. The rows left behind are blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    pub top: u16,
    pub bottom: u16,
    pub by: i16,
}

impl Shift {
    /// Writes the scroll: set the region, scroll it, reset the region (which also moves the
    /// cursor home).
    pub fn write(self, out: &mut Vec<u8>) {
        let n = self.by.unsigned_abs();
        let dir = if self.by > 0 { 'S' } else { 'T' };
        let count = if n == 1 { String::new() } else { n.to_string() };
        let text = format!(
            "\x1b[{};{}r\x1b[{count}{dir}\x1b[r",
            self.top + 1,
            self.bottom + 1
        );
        out.extend_from_slice(text.as_bytes());
    }

    /// `screen` as the terminal shows it after the scroll.
    pub fn apply(self, screen: &mut Buffer) {
        let w = usize::from(screen.area.width);
        let (top, bottom) = (usize::from(self.top), usize::from(self.bottom));
        let by = usize::from(self.by.unsigned_abs());
        let rows = &mut screen.content[top * w..(bottom + 1) * w];
        if self.by > 0 {
            rows.rotate_left(by * w);
            let n = rows.len();
            rows[n - by * w..].fill(Cell::EMPTY);
        } else {
            rows.rotate_right(by * w);
            rows[..by * w].fill(Cell::EMPTY);
        }
    }
}

/// The shift that leaves the fewest cells of `new` different from `old` moved, if it leaves at
/// least `min_gain` fewer than `old` as it is. Both buffers must have the same area.
pub fn find(old: &Buffer, new: &Buffer, min_gain: usize) -> Option<Shift> {
    if old.area != new.area {
        return None;
    }
    let (w, h) = (usize::from(new.area.width), usize::from(new.area.height));
    let differ = |a: &[Cell], b: &[Cell]| a.iter().zip(b).filter(|(x, y)| x != y).count();
    let blank = vec![Cell::EMPTY; w];
    let old_rows: Vec<&[Cell]> = old.content.chunks(w.max(1)).collect();
    let new_rows: Vec<&[Cell]> = new.content.chunks(w.max(1)).collect();
    if old_rows.len() < h || new_rows.len() < h {
        return None;
    }
    let still: Vec<i64> = (0..h)
        .map(|y| differ(old_rows[y], new_rows[y]) as i64)
        .collect();
    let mut best: Option<(i64, Shift)> = None;
    for by in (1..=MAX_BY).flat_map(|d| [d, -d]) {
        // gain[y]: cells saved on row y if it shows old row y + by.
        let gain: Vec<Option<i64>> = (0..h)
            .map(|y| {
                let src = usize::try_from(y as i32 + by).ok().filter(|&s| s < h)?;
                Some(still[y] - differ(old_rows[src], new_rows[y]) as i64)
            })
            .collect();
        // The band of rows (as a run of `gain`) with the largest total: Kadane's scan.
        let (mut run, mut run_start) = (0i64, 0usize);
        let mut band: Option<(i64, usize, usize)> = None;
        for (y, g) in gain.iter().enumerate() {
            let Some(g) = *g else {
                run = 0;
                run_start = y + 1;
                continue;
            };
            if run <= 0 {
                (run, run_start) = (g, y);
            } else {
                run += g;
            }
            if band.is_none_or(|(total, _, _)| run > total) {
                band = Some((run, run_start, y + 1));
            }
        }
        let Some((total, t, b)) = band else { continue };
        // The region also holds the rows that come in blank.
        let (top, bottom, fresh) = if by > 0 {
            (t, b - 1 + by as usize, b..b + by as usize)
        } else {
            (
                t - by.unsigned_abs() as usize,
                b - 1,
                t - by.unsigned_abs() as usize..t,
            )
        };
        if bottom >= h || bottom <= top {
            continue;
        }
        let total = total
            + fresh
                .map(|y| still[y] - differ(&blank, new_rows[y]) as i64)
                .sum::<i64>();
        if best.is_none_or(|(g, _)| total > g) {
            let shift = Shift {
                top: top as u16,
                bottom: bottom as u16,
                by: by as i16,
            };
            best = Some((total, shift));
        }
    }
    best.filter(|&(g, _)| g >= min_gain as i64).map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    fn screen(rows: &[&str]) -> Buffer {
        let mut b = Buffer::empty(Rect::new(0, 0, 12, rows.len() as u16));
        for (y, r) in rows.iter().enumerate() {
            b.set_string(0, y as u16, r, Style::new());
        }
        b
    }

    #[test]
    fn a_list_scrolled_by_one_row_is_found_and_moved() {
        let old = screen(&[
            "header",
            "row one",
            "row two",
            "row three",
            "row four",
            "status",
        ]);
        let new = screen(&[
            "header",
            "row two",
            "row three",
            "row four",
            "row five",
            "status",
        ]);
        let shift = find(&old, &new, 4).unwrap();
        assert_eq!(
            shift,
            Shift {
                top: 1,
                bottom: 4,
                by: 1
            }
        );
        let mut moved = old.clone();
        shift.apply(&mut moved);
        // Only the row that came in differs.
        let differing: Vec<u16> = moved.diff(&new).iter().map(|&(_, y, _)| y).collect();
        assert!(differing.iter().all(|&y| y == 4), "{differing:?}");
        let mut out = Vec::new();
        shift.write(&mut out);
        assert_eq!(out, b"\x1b[2;5r\x1b[S\x1b[r");
    }

    #[test]
    fn a_list_scrolled_down_is_found_too() {
        let old = screen(&[
            "header",
            "row two",
            "row three",
            "row four",
            "row five",
            "status",
        ]);
        let new = screen(&[
            "header",
            "row one",
            "row two",
            "row three",
            "row four",
            "status",
        ]);
        let shift = find(&old, &new, 4).unwrap();
        assert_eq!(shift.by, -1);
        let mut moved = old.clone();
        shift.apply(&mut moved);
        assert!(moved.diff(&new).iter().all(|&(_, y, _)| y == 1));
    }

    #[test]
    fn nothing_is_moved_when_nothing_moved() {
        let old = screen(&["header", "row one", "row two", "status"]);
        let new = screen(&["header", "row one!", "row two", "status"]);
        assert_eq!(find(&old, &new, 4), None);
    }
}
