//! Finding quoted passages: which quote marks open, which close, and which are apostrophes.
//!
//! News uses curly and straight double quotes, single quotes (in British style and in headlines),
//! guillemets, and nests one kind inside the other. An apostrophe between letters (don’t, Russia’s)
//! or before a year (’90s) is never a quote mark. A double quote still open at the end of a
//! paragraph continues into the next one when that paragraph opens with a quote mark again — the
//! convention for quotes over several paragraphs; such parts share a `chain`.

use crate::model::Span;
use crate::text::paragraphs;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Double,
    Straight,
    Single,
    StraightSingle,
    Guillemet,
}

/// One quoted passage (or one paragraph's part of a longer one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark, or the paragraph end when the quote runs on.
    pub close: usize,
    /// The words inside the marks, trimmed of spaces and a trailing comma.
    pub inner: Span,
    /// Whether a closing mark was found in this paragraph.
    pub closed: bool,
    /// Parts of one quote running over several paragraphs share a chain number.
    pub chain: usize,
    /// Whether the inner text ends a sentence (".", "?", "!").
    pub ends_sentence: bool,
}

fn is_space_or_none(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c))
}

/// The role a quote-mark character plays at byte `i`, given its neighbours.
#[derive(Debug, PartialEq, Eq)]
enum Mark {
    Open(Kind),
    Close(Kind),
    /// A straight double quote: opens or closes depending on state.
    Either(Kind),
    None,
}

fn classify(c: char, prev: Option<char>, next: Option<char>, next2: Option<char>) -> Mark {
    let letter_before = prev.is_some_and(|p| p.is_alphanumeric());
    let letter_after = next.is_some_and(|n| n.is_alphanumeric());
    match c {
        '“' | '„' => Mark::Open(Kind::Double),
        '”' => Mark::Close(Kind::Double),
        '«' => Mark::Open(Kind::Guillemet),
        '»' => Mark::Close(Kind::Guillemet),
        '"' => Mark::Either(Kind::Straight),
        '‘' | '’' | '\'' => {
            let kind = if c == '\'' {
                Kind::StraightSingle
            } else {
                Kind::Single
            };
            if letter_before && letter_after {
                return Mark::None; // don’t, Russia’s
            }
            // ’90s, 'em: an elision, not a quote.
            if !letter_before
                && next.is_some_and(|n| n.is_ascii_digit())
                && next2.is_some_and(|n| n.is_ascii_digit())
            {
                return Mark::None;
            }
            if c != '’' && is_space_or_none(prev) && next.is_some_and(|n| !n.is_whitespace()) {
                return Mark::Open(kind);
            }
            if c != '‘' && !prev.is_none_or(char::is_whitespace) && !letter_after {
                return Mark::Close(kind);
            }
            Mark::None
        }
        _ => Mark::None,
    }
}

fn trim_inner(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = text.get(start..end)?;
    let lead = s.len() - s.trim_start().len();
    let t = s.trim().trim_end_matches([',', '—', '–']).trim_end();
    (!t.is_empty()).then(|| Span::new(start + lead, start + lead + t.len()))
}

/// The quote-mark characters of `p` with their byte offsets, in order. A byte scan: each mark is
/// ASCII or starts with the byte E2 (curly marks) or C2 (guillemets), which no other character's
/// UTF-8 form contains except as its own first byte.
fn quote_marks(p: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    p.bytes().enumerate().filter_map(move |(i, b)| {
        let c = match b {
            b'"' => '"',
            b'\'' => '\'',
            0xC2 | 0xE2 => p.get(i..)?.chars().next()?,
            _ => return None,
        };
        matches!(c, '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '"' | '\'').then_some((i, c))
    })
}

/// Finds the quoted passages of `text`, in order. Nested quotes stay inside their outer quote.
pub fn find_quotes(text: &str) -> Vec<Marked> {
    let mut out: Vec<Marked> = Vec::new();
    let mut chain = 0;
    let mut running: Option<usize> = None; // chain of a quote left open at the previous paragraph end
    for para in paragraphs(text) {
        let p = &text[para.range()];
        let mut stack: Vec<(Kind, usize)> = Vec::new();
        let mut continued = running.take();
        for (i, c) in quote_marks(p) {
            let prev = p[..i].chars().next_back();
            let mut after = p[i + c.len_utf8()..].chars();
            let next = after.next();
            let next2 = after.next();
            let mark = match classify(c, prev, next, next2) {
                Mark::Either(k) => {
                    if stack.iter().any(|(s, _)| *s == k) {
                        Mark::Close(k)
                    } else if stack.iter().any(|(s, _)| *s == Kind::Double)
                        && !is_space_or_none(prev)
                        && !next.is_some_and(char::is_alphanumeric)
                    {
                        // “…," Holt said: a curly quote closed by a straight mark (mixed typing).
                        Mark::Close(k)
                    } else if is_space_or_none(prev) || prev.is_some_and(|p| "“‘:".contains(p))
                    {
                        Mark::Open(k)
                    } else {
                        Mark::None
                    }
                }
                m => m,
            };
            let at = para.start + i;
            match mark {
                Mark::Open(k) => {
                    // A single quote opens a quote only at the top level or inside a double one.
                    stack.push((k, at));
                }
                Mark::Close(k) => {
                    let matches = |s: Kind| match k {
                        Kind::Double | Kind::Straight => {
                            matches!(s, Kind::Double | Kind::Straight)
                        }
                        Kind::Single | Kind::StraightSingle => {
                            matches!(s, Kind::Single | Kind::StraightSingle)
                        }
                        Kind::Guillemet => s == Kind::Guillemet,
                    };
                    let Some(pos) = stack.iter().rposition(|(s, _)| matches(*s)) else {
                        continue;
                    };
                    let (_, open) = stack[pos];
                    stack.truncate(pos);
                    if pos == 0 {
                        let close_end = at + c.len_utf8();
                        if let Some(inner) = trim_inner(
                            text,
                            open + text[open..].chars().next().map_or(1, char::len_utf8),
                            at,
                        ) {
                            let id = continued.take().unwrap_or_else(|| {
                                chain += 1;
                                chain
                            });
                            out.push(Marked {
                                open,
                                close: close_end,
                                inner,
                                closed: true,
                                chain: id,
                                ends_sentence: ends_sentence(text, inner),
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        // A double quote left open runs to the paragraph end; single quotes left open were apostrophes.
        if let Some(&(k, open)) = stack.first()
            && matches!(k, Kind::Double | Kind::Straight | Kind::Guillemet)
        {
            let mark_len = text[open..].chars().next().map_or(1, char::len_utf8);
            if let Some(inner) = trim_inner(text, open + mark_len, para.end) {
                let id = continued.take().unwrap_or_else(|| {
                    chain += 1;
                    chain
                });
                out.push(Marked {
                    open,
                    close: para.end,
                    inner,
                    closed: false,
                    chain: id,
                    ends_sentence: ends_sentence(text, inner),
                });
                // The next paragraph continues it if it opens with a quote mark.
                let rest = &text[para.end..];
                let next_para = rest.trim_start();
                if next_para.starts_with(['“', '"', '«', '„']) {
                    running = Some(id);
                }
            }
        }
    }
    out
}

fn ends_sentence(text: &str, inner: Span) -> bool {
    inner
        .slice(text)
        .trim_end_matches(['…'])
        .ends_with(['.', '?', '!'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        find_quotes(text)
            .iter()
            .map(|q| &text[q.inner.range()])
            .collect()
    }

    #[test]
    fn the_byte_scan_finds_every_quote_mark_and_nothing_else() {
        let p = "«Ja» – „so“ ‘x’ 'y' \"z\" é—” ’90s ¬ ©";
        let marks = ['“', '”', '„', '«', '»', '"', '‘', '’', '\''];
        let expected: Vec<(usize, char)> = p
            .char_indices()
            .filter(|(_, c)| marks.contains(c))
            .collect();
        assert_eq!(quote_marks(p).collect::<Vec<_>>(), expected);
        assert_eq!(expected.len(), 12);
    }

    #[test]
    fn curly_and_straight_double_quotes() {
        assert_eq!(
            quoted("“We won,” she said. He said \"no way\" twice."),
            vec!["We won", "no way"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quoted("Holt’s plan won’t work in the ’90s style, or the '80s.").is_empty());
        assert!(quoted("The ministers’ meeting ended.").is_empty());
    }

    #[test]
    fn single_quotes_used_as_quotes_and_nested_quotes() {
        assert_eq!(
            quoted("Holt: ‘We will not yield’"),
            vec!["We will not yield"]
        );
        assert_eq!(
            quoted("“He told me ‘never’, and I agreed,” Holt said."),
            vec!["He told me ‘never’, and I agreed"]
        );
        assert_eq!(quoted("'It is over,' she said."), vec!["It is over"]);
    }

    #[test]
    fn quotes_over_paragraph_breaks_share_a_chain() {
        let text = "“First part of it.\n“Second part,” Holt said.\nAfter.";
        let q = find_quotes(text);
        assert_eq!(q.len(), 2);
        assert!(!q[0].closed && q[1].closed);
        assert_eq!(q[0].chain, q[1].chain);
        assert_eq!(&text[q[0].inner.range()], "First part of it.");
    }

    #[test]
    fn a_curly_quote_closed_by_a_straight_mark() {
        assert_eq!(
            quoted("“We are nearly there,\" Holt said. \"Maybe closer,” she added."),
            vec!["We are nearly there", "Maybe closer"]
        );
        assert_eq!(
            quoted("It was “frank and useful.\" Lind said they agreed to “meet again” soon."),
            vec!["frank and useful.", "meet again"]
        );
    }

    #[test]
    fn an_unclosed_single_quote_is_dropped() {
        assert!(quoted("It was ‘odd and then nothing").is_empty());
    }

    #[test]
    fn inner_text_loses_the_trailing_comma_only() {
        assert_eq!(
            quoted("“Yes, we can,” and “Done.”"),
            vec!["Yes, we can", "Done."]
        );
    }
}
