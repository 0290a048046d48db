//! Laying out already-sanitised text: word wrapping to byte ranges, fitting a cell to a width, and
//! styling byte ranges. All widths come from `unicode-width`, so wide characters and combining
//! marks keep columns aligned; all offsets stay on char boundaries.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

pub fn width(s: &str) -> usize {
    s.width()
}

/// Greedy word wrap of `text` (which may hold newlines) to `width` columns. Each line is a byte
/// range of `text`; the space a line breaks at belongs to no line. Words longer than a line are cut.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut base = 0;
    for para in text.split('\n') {
        wrap_paragraph(para, base, width, &mut lines);
        base += para.len() + 1;
    }
    lines
}

fn wrap_paragraph(p: &str, base: usize, width: usize, out: &mut Vec<Range<usize>>) {
    let mut start = 0;
    let mut used = 0;
    let mut last_space: Option<usize> = None;
    for (i, c) in p.char_indices() {
        let w = char_width(c);
        if c == ' ' {
            if used + 1 > width {
                out.push(base + start..base + i);
                start = i + 1;
                used = 0;
                last_space = None;
                continue;
            }
            last_space = Some(i);
        } else if used + w > width && i > start {
            match last_space {
                Some(sp) if sp > start => {
                    out.push(base + start..base + sp);
                    start = sp + 1;
                    used = width_of(&p[start..i]);
                }
                _ => {
                    out.push(base + start..base + i);
                    start = i;
                    used = 0;
                }
            }
            last_space = None;
        }
        used += w;
    }
    out.push(base + start..base + p.len());
}

/// The index of the wrapped line holding byte `offset` (the last line starting at or before it).
pub fn line_at(lines: &[Range<usize>], offset: usize) -> usize {
    lines
        .partition_point(|r| r.start <= offset)
        .saturating_sub(1)
}

pub fn width_of(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Styles `text` with `base`, overlaid by `marks` (byte ranges, later ones win), as spans.
pub fn styled<'a>(text: &'a str, base: Style, marks: &[(Range<usize>, Style)]) -> Vec<Span<'a>> {
    if marks.is_empty() {
        return vec![Span::styled(text, base)];
    }
    let mut spans = Vec::new();
    let mut run_start = 0;
    let mut run_style = None;
    for (i, _) in text.char_indices() {
        let style = marks
            .iter()
            .rev()
            .find(|(r, _)| r.contains(&i))
            .map_or(base, |(_, s)| base.patch(*s));
        if run_style != Some(style) {
            if let Some(s) = run_style {
                spans.push(Span::styled(&text[run_start..i], s));
            }
            run_start = i;
            run_style = Some(style);
        }
    }
    if let Some(s) = run_style {
        spans.push(Span::styled(&text[run_start..], s));
    }
    spans
}

/// `text` cut or padded to exactly `width` columns (an ellipsis marks a cut), with the characters
/// at the byte offsets `hits` drawn in `hit`.
pub fn cell(
    text: &str,
    width: usize,
    base: Style,
    hits: &[usize],
    hit: Style,
) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let total = width_of(text);
    let limit = if total > width {
        width.saturating_sub(1)
    } else {
        width
    };
    let mut buf = String::new();
    let mut buf_hit = false;
    let mut hits = hits.iter().peekable();
    for (i, c) in text.char_indices() {
        let w = char_width(c);
        if used + w > limit {
            break;
        }
        while hits.peek().is_some_and(|&&h| h < i) {
            hits.next();
        }
        let is_hit = hits.peek().is_some_and(|&&h| h == i);
        if is_hit != buf_hit && !buf.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut buf),
                if buf_hit { base.patch(hit) } else { base },
            ));
        }
        buf_hit = is_hit;
        buf.push(c);
        used += w;
    }
    if !buf.is_empty() {
        spans.push(Span::styled(
            buf,
            if buf_hit { base.patch(hit) } else { base },
        ));
    }
    if total > width && width > 0 {
        spans.push(Span::styled("…", base));
        used += 1;
    }
    if used < width {
        spans.push(Span::styled(" ".repeat(width - used), base));
    }
    spans
}

/// `text` and its `hits` as a cell of `width` columns shows them: unchanged when the first hit is
/// within the width, else an elided window, `…` and the text from a little before that hit, so
/// that a match past the cut-off is seen.
pub fn around(text: &str, hits: &[usize], width: usize) -> (String, Vec<usize>) {
    let Some(&first) = hits.first() else {
        return (text.to_string(), hits.to_vec());
    };
    let Some(before) = text.get(..first) else {
        return (text.to_string(), hits.to_vec());
    };
    if width_of(before) + 1 < width {
        return (text.to_string(), hits.to_vec());
    }
    // A third of the width of context before the hit, from a word start when there is one.
    let lead = width / 3;
    let mut start = first;
    let mut used = 0;
    for (i, c) in before.char_indices().rev() {
        used += char_width(c);
        if used > lead {
            break;
        }
        start = i;
    }
    if let Some(sp) = text[start..first].find(' ') {
        start += sp + 1;
    }
    let ellipsis = "…";
    let shown = format!("{ellipsis}{}", &text[start..]);
    let moved = hits
        .iter()
        .filter(|&&h| h >= start)
        .map(|&h| h - start + ellipsis.len())
        .collect();
    (shown, moved)
}

/// One cell of a list row.
pub struct Col<'a> {
    pub width: usize,
    pub text: &'a str,
    pub style: Style,
    pub hits: &'a [usize],
}

/// Columns from their widths and (text, style, highlighted char positions) cells, in order.
pub fn columns<'a>(
    widths: &[usize],
    cells: impl IntoIterator<Item = (&'a str, Style, &'a [usize])>,
) -> Vec<Col<'a>> {
    widths
        .iter()
        .zip(cells)
        .map(|(&width, (text, style, hits))| Col {
            width,
            text,
            style,
            hits,
        })
        .collect()
}

/// The widths of a row's columns: the fixed ones as given, the one marked 0 takes what is left
/// (columns are separated by one space).
pub fn flex(total: usize, fixed: &[usize]) -> Vec<usize> {
    let used: usize = fixed.iter().sum::<usize>() + fixed.len().saturating_sub(1);
    let rest = total.saturating_sub(used);
    fixed
        .iter()
        .map(|&w| if w == 0 { rest } else { w })
        .collect()
}

/// A list row: the cells fitted to their widths, one space apart, in `base` (the row's style,
/// e.g. the selection) patched by each cell's style.
pub fn table_row(cols: &[Col], base: Style, hit: Style) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, c) in cols.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" ", base));
        }
        spans.extend(cell(c.text, c.width, base.patch(c.style), c.hits, hit));
    }
    Line::from(spans)
}

/// Word-wraps a paragraph and styles it: the lines of a detail pane.
pub fn paragraph(
    text: &str,
    width: usize,
    base: Style,
    marks: &[(Range<usize>, Style)],
) -> Vec<Line<'static>> {
    wrap(text, width)
        .into_iter()
        .map(|r| {
            let shifted: Vec<(Range<usize>, Style)> = marks
                .iter()
                .filter(|(m, _)| m.start < r.end && r.start < m.end)
                .map(|(m, s)| {
                    (
                        m.start.max(r.start) - r.start..m.end.min(r.end) - r.start,
                        *s,
                    )
                })
                .collect();
            let line = &text[r];
            Line::from(
                styled(line, base, &shifted)
                    .into_iter()
                    .map(|s| Span::styled(s.content.into_owned(), s.style))
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, w: usize) -> Vec<&str> {
        wrap(text, w).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces_and_keeps_paragraphs() {
        assert_eq!(
            lines("one two three\n\nfour", 7),
            vec!["one two", "three", "", "four"]
        );
    }

    #[test]
    fn cuts_words_longer_than_the_line() {
        assert_eq!(lines("abcdefgh", 3), vec!["abc", "def", "gh"]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        for line in lines("東京 大阪 名古屋 札幌", 5) {
            assert!(width(line) <= 5, "{line:?}");
        }
    }

    #[test]
    fn wrapped_ranges_are_on_char_boundaries() {
        let text = "Zoë said “très bien” — e\u{301}lan, 東京.";
        for w in 1..12 {
            for r in wrap(text, w) {
                assert!(text.get(r.clone()).is_some(), "width {w}: {r:?}");
            }
        }
    }

    #[test]
    fn cells_are_exactly_the_width() {
        let theme = Style::new();
        for text in [
            "short",
            "a rather long title that will not fit",
            "東京大阪名古屋",
            "e\u{301}e\u{301}",
        ] {
            for w in 0..12 {
                let spans = cell(text, w, theme, &[], theme);
                let got: usize = spans.iter().map(|s| width(&s.content)).sum();
                assert_eq!(got, w, "{text:?} at {w}");
            }
        }
    }

    #[test]
    fn a_match_past_the_cut_off_is_shown_in_a_window() {
        let text = "We will not move an inch on the question of the northern quays, said Holt";
        let hits: Vec<usize> = (0..4).map(|i| text.find("quays").unwrap() + i).collect();
        let (shown, moved) = around(text, &hits, 30);
        assert!(shown.starts_with('…'), "{shown}");
        let picked: String = moved.iter().map(|&i| &shown[i..i + 1]).collect();
        assert_eq!(picked, "quay");
        assert!(width_of(&shown[..moved[3]]) < 30, "{shown}");
        // A hit within the width leaves the text as it is.
        let (same, _) = around(text, &[3], 30);
        assert_eq!(same, text);
    }

    #[test]
    fn cell_highlights_the_hit_characters() {
        let hit = Style::new().bold();
        let spans = cell("Jane Holt", 20, Style::new(), &[5, 6], hit);
        let bold: String = spans
            .iter()
            .filter(|s| s.style == hit)
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(bold, "Ho");
    }
}
