//! Paragraphs and sentences of news prose, as byte spans into the document text.
//!
//! News sentences end in `.`, `!`, `?` or `…`, possibly followed by closing quote marks; they do not
//! end after abbreviations ("Mr.", "U.S.", "Aug.") or initials ("Jane Q. Doe"). A line break always
//! ends a paragraph, and so a sentence. A run of text without any sentence end is cut into
//! pieces of at most [`MAX_SENTENCE`] bytes, so that no per-sentence step can grow with the size of
//! a whole file.

use crate::model::Span;

/// `char::is_alphanumeric`, answered at once for ASCII and for the general punctuation block
/// (curly quotes, dashes, spaces), which news text is full of and the Unicode tables answer slowly.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !in_general_punctuation(c) && c.is_alphanumeric()
}

/// `char::is_alphabetic`, answered at once likewise.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    !in_general_punctuation(c) && c.is_alphabetic()
}

/// The general punctuation block, which holds no letter or digit.
#[inline]
fn in_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206f}').contains(&c)
}

/// Non-empty lines (paragraphs) of `text`, trimmed of surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut offset = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
    for end in ends.chain((!text.ends_with('\n')).then_some(text.len())) {
        let line = &text[offset..end];
        let lead = line.len() - line.trim_start().len();
        let content = line.trim();
        if !content.is_empty() {
            out.push(Span::new(offset + lead, offset + lead + content.len()));
        }
        offset = end;
    }
    out
}

const ABBREVIATIONS: [&str; 40] = [
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj",
    "adm", "prof", "pres", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
    "no", "vs", "etc", "inc", "ltd", "jr", "sr", "co", "corp", "dept", "approx", "est", "fig",
];

/// Sentences of `text`, in order, trimmed. Every byte of a paragraph belongs to one sentence.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for para in paragraphs(text) {
        split_paragraph(text, para, &mut out);
    }
    out
}

fn split_paragraph(text: &str, para: Span, out: &mut Vec<Span>) {
    let p = &text[para.range()];
    let bytes = p.as_bytes();
    let mut start = 0;
    let mut pos = 0;
    while let Some(i) = next_terminator(bytes, pos) {
        let c = if bytes[i] == 0xE2 {
            '…'
        } else {
            char::from(bytes[i])
        };
        // Extend over repeated punctuation and closing quotes/brackets.
        let mut end = i + c.len_utf8();
        for d in p[end..].chars() {
            if matches!(
                d,
                '.' | '!' | '?' | '”' | '"' | '’' | '\'' | ')' | ']' | '»'
            ) {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        pos = end;
        // A sentence break needs whitespace, then something that can start a sentence.
        let rest = &p[end..];
        let ws = rest.len() - rest.trim_start().len();
        if ws == 0 {
            continue;
        }
        let next = rest.trim_start().chars().next();
        let starts_sentence =
            next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "“\"‘'(«".contains(n));
        if !starts_sentence || (c == '.' && is_abbreviation(&p[start..i])) {
            continue;
        }
        push_trimmed(para.start, p, start, end, out);
        start = end + ws;
    }
    if start < bytes.len() {
        push_trimmed(para.start, p, start, bytes.len(), out);
    }
}

/// The byte offset of the first `.`, `!`, `?` or `…` at or after `from`: a byte scan, as no byte
/// of another character's UTF-8 form equals these (`…` is E2 80 A6).
fn next_terminator(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'.' | b'!' | b'?' => return Some(i),
            0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// The longest sentence kept whole, in bytes: about five times the longest sentences of news prose.
/// Longer runs (a table flattened into one line, a page without punctuation) are cut at the last
/// comma, semicolon or space before the limit.
pub const MAX_SENTENCE: usize = 2048;

fn push_trimmed(base: usize, p: &str, mut start: usize, end: usize, out: &mut Vec<Span>) {
    while end - start > MAX_SENTENCE {
        let cut = cut_point(p, start, start + MAX_SENTENCE);
        push_piece(base, p, start, cut, out);
        start = cut;
    }
    push_piece(base, p, start, end, out);
}

/// Where to cut `p[start..limit]`: after the last `,`/`;` in its second half, else after its last
/// whitespace, else at the char boundary nearest the limit.
fn cut_point(p: &str, start: usize, limit: usize) -> usize {
    let mut limit = limit.min(p.len());
    while !p.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &p[start..limit];
    let half = window.len() / 2;
    if let Some(i) = window.rfind([',', ';'])
        && i >= half
    {
        return start + i + 1;
    }
    match window.rfind(char::is_whitespace) {
        Some(i) if i > 0 => start + i + window[i..].chars().next().map_or(1, char::len_utf8),
        _ if limit > start => limit,
        // A single char longer than the limit cannot exist, but never loop forever.
        _ => p.len(),
    }
}

fn push_piece(base: usize, p: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &p[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        out.push(Span::new(
            base + start + lead,
            base + start + lead + t.len(),
        ));
    }
}

/// Whether the word just before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // Initials and dotted acronyms: "Q", "U.S", "D.C".
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if word.contains('.') && letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase()) {
        return true;
    }
    if letters.len() == 1 && letters[0].is_uppercase() && word.chars().count() == 1 {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_tests_agree_with_the_standard_library() {
        let samples = (0..0x3000u32).chain([0x1d400, 0x1f600, 0x10ffff]);
        for c in samples.filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn a_run_without_sentence_ends_is_cut_into_bounded_pieces() {
        let text = "word, ".repeat(2000) + "Ünal ".repeat(500).as_str();
        let pieces = sentences(&text);
        assert!(pieces.len() > 1);
        for s in &pieces {
            assert!(s.len() <= MAX_SENTENCE, "{}", s.len());
            assert!(text.get(s.range()).is_some());
        }
        // Nothing but whitespace is lost between the pieces.
        let kept: usize = pieces
            .iter()
            .map(|s| text[s.range()].split_whitespace().count())
            .sum();
        assert_eq!(kept, text.split_whitespace().count());
        let unbroken = "x".repeat(5000);
        assert!(sentences(&unbroken).iter().all(|s| s.len() <= MAX_SENTENCE));
    }

    #[test]
    fn splits_on_periods_and_keeps_closing_quotes() {
        assert_eq!(
            split("He left. “We won,” she said. Then “It is over.” Fine!"),
            vec![
                "He left.",
                "“We won,” she said.",
                "Then “It is over.”",
                "Fine!"
            ]
        );
    }

    #[test]
    fn does_not_split_after_abbreviations_or_initials() {
        assert_eq!(
            split("Mr. Smith met U.S. envoys on Aug. 5 with Jane Q. Public. Talks ended."),
            vec![
                "Mr. Smith met U.S. envoys on Aug. 5 with Jane Q. Public.",
                "Talks ended."
            ]
        );
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(
            split("Headline without period\nBody one. Body two."),
            vec!["Headline without period", "Body one.", "Body two."]
        );
    }

    #[test]
    fn an_ellipsis_and_runs_of_marks_end_sentences() {
        assert_eq!(
            split("Wait… Then “what?!” Ünal asked. Done"),
            vec!["Wait…", "Then “what?!”", "Ünal asked.", "Done"]
        );
        assert_eq!(split("Über…\nNext"), vec!["Über…", "Next"]);
    }

    #[test]
    fn paragraphs_are_the_trimmed_non_empty_lines() {
        let text = "  One\n\n\tTwo words \r\nthree";
        let found: Vec<&str> = paragraphs(text).iter().map(|p| &text[p.range()]).collect();
        assert_eq!(found, vec!["One", "Two words", "three"]);
        assert!(paragraphs("").is_empty() && paragraphs("\n \n").is_empty());
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            split("It cost 5.5 bn. in total"),
            vec!["It cost 5.5 bn. in total"]
        );
    }
}
