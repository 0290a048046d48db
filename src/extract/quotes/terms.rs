//! Quoted words that are not speech: a "so-called" term, a title in capitals (a show, a book, an
//! operation) and lists of quoted terms ("territory", "sovereignty" and "security"). They get no
//! speaker even when a speech verb stands nearby.

use super::context::Ctx;
use super::marks::Marked;
use crate::extract::actors::tokens::token_at;

/// Words (alphabetic tokens) inside a quote, borrowed from the text.
fn words<'t>(ctx: &Ctx<'t>, q: &Marked) -> impl Iterator<Item = &'t str> {
    q.inner
        .slice(ctx.text)
        .split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
}

/// "the so-called “…”", "known as “…”": a term, not speech.
pub fn has_scare_marker(ctx: &Ctx, q: &Marked) -> bool {
    let open = token_at(ctx.toks, q.open);
    ctx.lex
        .phrase_before(ctx.text, ctx.toks, open, &ctx.lex.scare_markers)
        .is_some()
}

/// Titles and lists of quoted terms: no speaker.
pub fn is_title_or_list(ctx: &Ctx, quotes: &[Marked], qi: usize) -> bool {
    let q = &quotes[qi];
    if is_title(ctx, q, 1) {
        return true;
    }
    // “territory”, “sovereignty” and “security”: quoted terms in a list.
    let short = |x: &Marked| words(ctx, x).nth(3).is_none();
    let joined = |a: &Marked, b: &Marked| {
        ctx.text
            .get(a.close..b.open)
            .is_some_and(|gap| matches!(gap.trim(), "," | "and" | "or" | ", and" | ", or" | "/"))
    };
    short(q)
        && (quotes.get(qi + 1).is_some_and(|n| short(n) && joined(q, n))
            || qi
                .checked_sub(1)
                .and_then(|p| quotes.get(p))
                .is_some_and(|p| short(p) && joined(p, q)))
}

/// A Title In Capitals (a show, a book, an operation) of at least `min_words` words, not a sentence.
pub fn is_title(ctx: &Ctx, q: &Marked, min_words: usize) -> bool {
    // More than ten words is no title: a long quote is not read to its end.
    let ws: Vec<&str> = words(ctx, q).take(11).collect();
    let small = [
        "of", "the", "and", "a", "an", "in", "on", "for", "to", "with", "at", "by",
    ];
    let all_caps = ws.len() == 1 && ws[0].chars().all(|c| !c.is_lowercase());
    (min_words..=10).contains(&ws.len())
        && !all_caps
        && !q.ends_sentence
        && ws
            .iter()
            .all(|w| small.contains(w) || w.chars().next().is_some_and(char::is_uppercase))
        && ws
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}
