//! Paragraphs and sentences of news prose, as byte spans into the document text.
//!
//! News sentences end in `.`, `!`, `?` or `…`, possibly followed by closing quote marks; they do not
//! end after abbreviations ("Mr.", "U.S.", "Aug.") or initials ("Jane Q. Doe"). A line break always
//! ends a paragraph, and so a sentence.

use crate::model::Span;

/// Non-empty lines (paragraphs) of `text`, trimmed of surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let lead = line.len() - line.trim_start().len();
        let content = line.trim();
        if !content.is_empty() {
            out.push(Span::new(offset + lead, offset + lead + content.len()));
        }
        offset += line.len();
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
    let mut iter = p.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Extend over repeated punctuation and closing quotes/brackets.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if matches!(
                d,
                '.' | '!' | '?' | '”' | '"' | '’' | '\'' | ')' | ']' | '»'
            ) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
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

fn push_trimmed(base: usize, p: &str, start: usize, end: usize, out: &mut Vec<Span>) {
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

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
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
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            split("It cost 5.5 bn. in total"),
            vec!["It cost 5.5 bn. in total"]
        );
    }
}
