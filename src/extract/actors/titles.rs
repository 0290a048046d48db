//! Titles and role phrases: "German Chancellor" before a name, "the French president" instead of one.
//!
//! A title is a run of title words (bodies such as "German" or "NATO", role words such as
//! "chancellor", modifiers such as "former") ending in a role head. The same vocabulary read without
//! a following name is a role phrase that stands for an actor ("the Ukrainian leader").

use super::gazetteer::{Gazetteer, RoleQuery};
use super::tokens::{Tok, TokKind, phrase_key};

/// The longest phrase this many tokens long or shorter is tried as one title word ("prime minister").
const MAX_PHRASE: usize = 4;

/// The lexicon key of tokens `a..b` (joined with spaces, hyphens kept as spaces), if they are words
/// or hyphens only.
fn key_of(text: &str, toks: &[Tok], a: usize, b: usize) -> Option<String> {
    let slice = toks.get(a..b)?;
    if b > a + 1 && !slice[0].is_word() {
        return None;
    }
    if slice.iter().any(|t| match t.kind {
        TokKind::Word => false,
        TokKind::Punct(c) => c != '-',
        TokKind::Possessive => true,
    }) {
        return None;
    }
    let first = slice.first()?;
    let last = slice.last()?;
    Some(phrase_key(text.get(first.start..last.end)?))
}

/// [`key_of`], but only for phrases whose first word starts some lexicon phrase (cheap rejection).
fn vocab_key(text: &str, toks: &[Tok], gaz: &Gazetteer, a: usize, b: usize) -> Option<String> {
    let first = toks.get(a)?;
    if !first.is_word() || !gaz.starts_phrase(&phrase_key(first.text(text))) {
        return None;
    }
    key_of(text, toks, a, b)
}

/// A title run that ends right before token `at`: the index of its first token, and whether its
/// last word is a role head. Returns None when the token before `at` is not a title word.
pub fn title_before(text: &str, toks: &[Tok], gaz: &Gazetteer, at: usize) -> Option<TitleRun> {
    let mut start = at;
    let mut head: Option<String> = None;
    let mut body: Option<String> = None;
    'outer: while start > 0 {
        for len in (1..=MAX_PHRASE.min(start)).rev() {
            let Some(key) = vocab_key(text, toks, gaz, start - len, start) else {
                continue;
            };
            if !gaz.is_title_word(&key) {
                continue;
            }
            // "of" joins title words ("Secretary of State") but never starts a title.
            if key == "of" && start == at {
                break 'outer;
            }
            if start == at && gaz.is_role_head(&key) {
                head = Some(key.clone());
            }
            if body.is_none()
                && let Some(b) = gaz.body(&key)
            {
                body = Some(b.to_string());
            }
            start -= len;
            continue 'outer;
        }
        break;
    }
    while start < at && key_of(text, toks, start, start + 1).as_deref() == Some("of") {
        start += 1;
    }
    (start < at).then_some(TitleRun { start, head, body })
}

/// A title run before a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleRun {
    /// Token index of the first title word.
    pub start: usize,
    /// The role head that ends the run ("chancellor", "aide"), if it ends in one.
    pub head: Option<String>,
    /// The body the title names ("Germany", "Kremlin").
    pub body: Option<String>,
}

/// A role phrase standing for an actor: "the French president", "NATO’s chief", "his counterpart".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RolePhrase {
    /// Token range `[start, end)`, from the determiner.
    pub start: usize,
    pub end: usize,
    pub query: RoleQuery,
}

const DETERMINERS: [&str; 6] = ["the", "his", "her", "their", "its", "our"];

/// Reads a role phrase starting at token `i` (which must be a definite determiner or a body
/// followed by a possessive). Phrases followed by a capitalised name are titles, not role phrases.
pub fn role_phrase_at(text: &str, toks: &[Tok], gaz: &Gazetteer, i: usize) -> Option<RolePhrase> {
    let first = toks.get(i)?;
    if !first.is_word() {
        return None;
    }
    let mut j = i + 1;
    let mut body: Option<String> = None;
    let word = first.text(text);
    if !DETERMINERS.iter().any(|d| word.eq_ignore_ascii_case(d)) {
        // Only a possessive within three words can make a body phrase.
        if !(1..=3).any(|len| {
            toks.get(i + len)
                .is_some_and(|t| t.kind == TokKind::Possessive)
        }) {
            return None;
        }
        // "Ukraine’s president": a body and a possessive.
        let mut found = None;
        for len in (1..=3).rev() {
            if let Some(key) = vocab_key(text, toks, gaz, i, i + len)
                && let Some(b) = gaz.body(&key)
                && toks
                    .get(i + len)
                    .is_some_and(|t| t.kind == TokKind::Possessive)
            {
                found = Some((b.to_string(), i + len + 1));
                break;
            }
        }
        let (b, next) = found?;
        body = Some(b);
        j = next;
    }
    let starts = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.is_word() && gaz.starts_phrase(&phrase_key(t.text(text))))
    };
    // Modifiers: a body ("French", "NATO"), possibly after "then"/"top".
    let mut k = j;
    while k < toks.len() && k < j + 4 && starts(k) {
        let mut matched = false;
        for len in (1..=3).rev() {
            if let Some(key) = key_of(text, toks, k, k + len) {
                if gaz.role_word(&key).is_some() {
                    break;
                }
                if let Some(b) = gaz.body(&key) {
                    if body.is_none() {
                        body = Some(b.to_string());
                    }
                    k += len;
                    matched = true;
                    break;
                }
                if key == "former" || key == "late" || key == "then" || key == "ex" {
                    // A former holder is someone else than today's: do not guess.
                    return None;
                }
            }
        }
        if !matched {
            break;
        }
    }
    // The role words themselves, longest first.
    if !starts(k) {
        return None;
    }
    for len in (1..=MAX_PHRASE).rev() {
        let Some(key) = key_of(text, toks, k, k + len) else {
            continue;
        };
        let Some(mut query) = gaz.role_word(&key) else {
            continue;
        };
        let end = k + len;
        let next = toks.get(end);
        // A name follows: this is a title, the name is the mention.
        if next.is_some_and(|t| t.is_capitalized(text) && t.start > toks[end - 1].end) {
            return None;
        }
        let mut stop = end;
        // "the president of France"
        if body.is_none()
            && next.is_some_and(|t| phrase_key(t.text(text)) == "of")
            && let Some(key) = key_of(text, toks, end + 1, end + 2)
            && let Some(b) = gaz.body(&key)
        {
            body = Some(b.to_string());
            stop = end + 2;
        }
        query.body = body;
        return Some(RolePhrase {
            start: i,
            end: stop,
            query,
        });
    }
    None
}
