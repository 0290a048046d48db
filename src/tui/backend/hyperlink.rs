//! The open article's web address as an OSC 8 hyperlink: after a frame is drawn, the cells that
//! show the address are written again between `ESC ] 8 ; ; URL ESC \` and `ESC ] 8 ; ; ESC \`, so
//! terminals that know OSC 8 make it clickable and the others show the same text.
//!
//! Only an address that [`crate::model::web_url`] accepts (http(s), printable URL characters,
//! nothing else) ever goes into the sequence; and only where the frame shows exactly that text.

use crate::tui::app::State;
use crate::tui::backend::ansi::{self, Pen};
use ratatui::buffer::Buffer;

/// Whether hyperlinks are written: not when `NO_COLOR` asks for plain output, nor on a `dumb`
/// terminal.
pub fn wanted(no_color: Option<&str>, term: Option<&str>) -> bool {
    no_color.is_none_or(str::is_empty) && term != Some("dumb")
}

/// The address the open article shows, when it is one that may be linked.
pub fn shown_url(state: &State) -> Option<&str> {
    let doc = state.source.as_ref()?.doc;
    state.timeline.documents.get(doc)?.web_url()
}

/// Where `text` (one cell per character) first appears in `buf`: column and row.
fn find(buf: &Buffer, text: &str) -> Option<(u16, u16)> {
    let n = text.chars().count();
    let width = usize::from(buf.area.width);
    if n == 0 || n > width {
        return None;
    }
    let want: Vec<&str> = text
        .char_indices()
        .map(|(i, c)| &text[i..i + c.len_utf8()])
        .collect();
    for y in buf.area.top()..buf.area.bottom() {
        let row: Vec<&str> = (buf.area.left()..buf.area.right())
            .map(|x| buf[(x, y)].symbol())
            .collect();
        if let Some(x) = row.windows(n).position(|w| w == want.as_slice()) {
            return Some((buf.area.left() + x as u16, y));
        }
    }
    None
}

/// The bytes that turn the cells showing `url` in `buf` into a hyperlink to it (none when the
/// frame does not show it). The pen is plain before and after, as after a frame.
pub fn bytes(buf: &Buffer, url: &str) -> Option<Vec<u8>> {
    let url = crate::model::web_url(url)?;
    let (x, y) = find(buf, url)?;
    let mut out = Vec::with_capacity(2 * url.len() + 32);
    ansi::move_cursor(&mut out, None, (x, y));
    out.extend_from_slice(b"\x1b]8;;");
    out.extend_from_slice(url.as_bytes());
    out.extend_from_slice(b"\x1b\\");
    let mut pen = Pen::PLAIN;
    for i in 0..url.len() as u16 {
        let cell = &buf[(x + i, y)];
        ansi::sgr(&mut out, pen, Pen::of(cell));
        pen = Pen::of(cell);
        out.extend_from_slice(cell.symbol().as_bytes());
    }
    out.extend_from_slice(b"\x1b]8;;\x1b\\");
    ansi::sgr(&mut out, pen, Pen::PLAIN);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    #[test]
    fn the_shown_address_is_wrapped_in_osc_8_with_its_style() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 3));
        buf.set_string(2, 1, "Title — https://a.example/x", Style::default());
        buf.set_string(
            10,
            1,
            "https://a.example/x",
            Style::default().fg(Color::Gray),
        );
        let out = bytes(&buf, "https://a.example/x").expect("shown");
        let s = String::from_utf8(out).expect("utf-8");
        assert!(
            s.starts_with("\x1b[2;11H\x1b]8;;https://a.example/x\x1b\\"),
            "{s:?}"
        );
        assert!(s.contains("https://a.example/x\x1b]8;;\x1b\\"), "{s:?}");
        assert!(s.ends_with("\x1b[m") || s.ends_with("\x1b[0m"), "{s:?}");
    }

    #[test]
    fn nothing_is_written_for_an_address_not_shown_or_not_a_web_url() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 2));
        buf.set_string(0, 0, "https://a.example/", Style::default());
        assert_eq!(bytes(&buf, "https://b.example/"), None);
        assert_eq!(bytes(&buf, "javascript:alert(1)"), None);
        assert_eq!(bytes(&buf, "https://a.example/\x1b]52;c;x\x07"), None);
    }

    #[test]
    fn no_color_and_dumb_terminals_get_plain_text() {
        assert!(wanted(None, Some("xterm-256color")));
        assert!(wanted(Some(""), None));
        assert!(!wanted(Some("1"), Some("xterm")));
        assert!(!wanted(None, Some("dumb")));
    }
}
