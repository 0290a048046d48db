//! Making untrusted text safe to draw: article text never reaches the terminal as control bytes.
//!
//! C0/C1 controls, ESC sequences (CSI, OSC incl. OSC 52 and OSC 8, DCS and friends), bidi overrides
//! and zero-width characters are removed or replaced by a visible placeholder. [`sanitize`] also
//! returns an offset map so that highlights computed on the original text land on the same
//! characters of the cleaned one.

/// The placeholder drawn for a removed control sequence.
pub const PLACEHOLDER: char = '�';

/// A cleaned string and, for each byte offset of the original (plus one past the end), the byte
/// offset in the cleaned string where that original byte's content starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sanitized {
    pub text: String,
    map: Vec<usize>,
}

impl Sanitized {
    /// Maps a byte offset of the original text to the cleaned text.
    pub fn map(&self, original: usize) -> usize {
        self.map.get(original).copied().unwrap_or(self.text.len())
    }
}

fn is_bidi_or_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}' | '\u{00AD}')
}

/// Cleans `s` and keeps an offset map. Tabs become a space; newlines are kept when `keep_newlines`.
pub fn sanitize(s: &str, keep_newlines: bool) -> Sanitized {
    let mut text = String::with_capacity(s.len());
    let mut map = vec![0; s.len() + 1];
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let out_at = text.len();
        let mut consumed_to = i + c.len_utf8();
        match c {
            '\n' if keep_newlines => text.push('\n'),
            '\t' => text.push(' '),
            '\r' => {}
            '\u{1b}' => {
                // Swallow the whole escape sequence, not just the ESC byte.
                consumed_to = skip_escape(s, i + 1);
                while chars.peek().is_some_and(|&(j, _)| j < consumed_to) {
                    chars.next();
                }
                text.push(PLACEHOLDER);
            }
            '\u{9b}' | '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => {
                // C1 introducers of CSI/OSC/DCS/SOS/PM/APC: swallow their payload too.
                consumed_to = skip_c1(s, i + c.len_utf8(), c);
                while chars.peek().is_some_and(|&(j, _)| j < consumed_to) {
                    chars.next();
                }
                text.push(PLACEHOLDER);
            }
            c if c.is_control() => text.push(PLACEHOLDER),
            c if is_bidi_or_invisible(c) => {}
            c => text.push(c),
        }
        for slot in &mut map[i..consumed_to.min(s.len())] {
            *slot = out_at;
        }
    }
    map[s.len()] = text.len();
    Sanitized { text, map }
}

/// Whether [`sanitize`] leaves `s` as it is (the common case: printable text).
fn is_clean(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7f).contains(&b))
        || s.chars()
            .all(|c| !c.is_control() && !is_bidi_or_invisible(c))
}

/// `sanitize` without the map, newlines turned into spaces: for one-line labels. Clean text is
/// copied without building the map (a word per byte), which a catalog of 200k quotes would feel.
pub fn plain(s: &str) -> String {
    if is_clean(s) {
        return s.to_owned();
    }
    let mut out = sanitize(s, false).text;
    if out.contains('\n') {
        out = out.replace('\n', " ");
    }
    out
}

/// End (exclusive) of an escape sequence whose ESC is just before `from`.
fn skip_escape(s: &str, from: usize) -> usize {
    let b = s.as_bytes();
    match b.get(from) {
        Some(b'[') => {
            // CSI: parameters and intermediates, then one final byte 0x40–0x7E.
            let mut j = from + 1;
            while j < b.len() && (0x20..0x40).contains(&b[j]) {
                j += 1;
            }
            if j < b.len() && (0x40..0x7f).contains(&b[j]) {
                j + 1
            } else {
                j
            }
        }
        Some(b']') | Some(b'P') | Some(b'X') | Some(b'^') | Some(b'_') => skip_string(s, from + 1),
        Some(&c) if (0x20..0x7f).contains(&c) => {
            // Two- or three-byte escapes: ESC ( B, ESC 7, …
            let mut j = from;
            while j < b.len() && (0x20..0x30).contains(&b[j]) {
                j += 1;
            }
            (j + 1).min(b.len())
        }
        _ => from,
    }
}

/// End of a control string (OSC/DCS/…) terminated by BEL, ST (ESC \) or C1 ST, or at the end of text.
fn skip_string(s: &str, from: usize) -> usize {
    let rest = &s[from.min(s.len())..];
    for (k, c) in rest.char_indices() {
        match c {
            '\u{7}' | '\u{9c}' => return from + k + c.len_utf8(),
            '\u{1b}' => {
                return if rest[k + 1..].starts_with('\\') {
                    from + k + 2
                } else {
                    from + k
                };
            }
            '\n' => return from + k,
            _ => {}
        }
    }
    s.len()
}

fn skip_c1(s: &str, from: usize, introducer: char) -> usize {
    if introducer == '\u{9b}' {
        let b = s.as_bytes();
        let mut j = from;
        while j < b.len() && (0x20..0x40).contains(&b[j]) {
            j += 1;
        }
        if j < b.len() && (0x40..0x7f).contains(&b[j]) {
            j + 1
        } else {
            j
        }
    } else {
        skip_string(s, from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_osc52_and_csi() {
        let s = "a\u{1b}]52;c;ZXZpbA==\u{7}b\u{1b}[2Jc";
        assert_eq!(plain(s), "a�b�c");
    }

    #[test]
    fn removes_c1_bidi_and_zero_width() {
        assert_eq!(plain("x\u{9b}31my\u{202e}z\u{200b}w"), "x�yzw");
    }

    #[test]
    fn offsets_map_to_the_same_characters() {
        let s = "\u{1b}[31mred\u{1b}[0m word";
        let clean = sanitize(s, false);
        let start = s.find("word").unwrap();
        let m = clean.map(start);
        assert_eq!(&clean.text[m..m + 4], "word");
        assert_eq!(clean.map(s.len()), clean.text.len());
    }

    proptest::proptest! {
        #[test]
        fn plain_copies_clean_text_as_sanitize_would(s in "(\\PC|[\\x00-\\x1f\\x7f-\\u{a0}\\u{200b}-\\u{200f}\\u{202a}-\\u{202e}\\u{feff}\\u{ad}])*") {
            let slow = sanitize(&s, false).text.replace('\n', " ");
            proptest::prop_assert_eq!(plain(&s), slow);
            if is_clean(&s) {
                proptest::prop_assert_eq!(plain(&s), s);
            }
        }
    }

    #[test]
    fn keeps_newlines_when_asked() {
        assert_eq!(sanitize("a\nb\r\n", true).text, "a\nb\n");
    }
}
