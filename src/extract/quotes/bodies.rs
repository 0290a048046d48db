//! Speakers described rather than named: "the Israeli military said", "the Chinese delegation
//! described it as …". A body's adjective followed by a speaking noun (`speaking_nouns` in
//! `assets/speech.toml`) is a mention of that body for quote attribution only: the organisation
//! the gazetteer lists the description under (`speaking_as`), else the country the adjective names.
//!
//! Documents speak too: "“…,” the plan said" is the plan's text. The speaker is the document as
//! the article named it with its distinguishing words ("the 20-point plan" → `20-point plan`);
//! a document the article never distinguishes ("the report said" and nothing more) stays
//! unattributed.

use super::lexicon::Lexicon;
use crate::extract::actors::ActorMention;
use crate::extract::actors::gazetteer::Gazetteer;
use crate::extract::actors::tokens::Tok;
use crate::model::Span;

/// The number of tokens of the speaking noun starting at token `i`, if one does.
fn speaking_noun_at(text: &str, toks: &[Tok], lex: &Lexicon, i: usize) -> Option<usize> {
    lex.speaking_nouns.iter().find_map(|words| {
        let fits = words.iter().enumerate().all(|(k, w)| {
            toks.get(i + k).is_some_and(|t| {
                t.is_word() && !t.is_capitalized(text) && t.text(text).eq_ignore_ascii_case(w)
            })
        });
        fits.then_some(words.len())
    })
}

/// `mentions` (sorted by start) with the described speaking bodies added, or `None` when the text
/// describes none. An adjective that is itself a mention of its body ("US") is replaced by the
/// longer description; any other overlap keeps the existing mention.
pub fn with_speaking_bodies(
    text: &str,
    toks: &[Tok],
    gaz: &Gazetteer,
    lex: &Lexicon,
    mentions: &[ActorMention],
) -> Option<Vec<ActorMention>> {
    let mut added: Vec<ActorMention> = Vec::new();
    let mut replaced: Vec<usize> = Vec::new();
    for i in 0..toks.len().saturating_sub(1) {
        let t = &toks[i];
        if !t.is_word() || !t.is_capitalized(text) {
            continue;
        }
        let Some(n) = speaking_noun_at(text, toks, lex, i + 1) else {
            continue;
        };
        // "the Chinese government spokesman Lin": a title before a person, not a speaking body.
        if let Some(next) = toks.get(i + 1 + n)
            && next.is_word()
            && (next.is_capitalized(text)
                || gaz.is_role_head(&crate::extract::actors::tokens::phrase_key(next.text(text))))
        {
            continue;
        }
        let Some(body) = gaz.body(t.text(text)) else {
            continue;
        };
        let Some(phrase) = text.get(t.start..toks[i + n].end) else {
            continue;
        };
        // The article belongs to the mention, as in a role phrase ("the French president").
        let first = if i > 0 && toks[i - 1].text(text).eq_ignore_ascii_case("the") {
            i - 1
        } else {
            i
        };
        let span = Span::new(toks[first].start, toks[i + n].end);
        let actor = match gaz.speaking_as(phrase) {
            Some(org) => org,
            None if gaz.is_country(body) => body,
            None => continue,
        };
        let at = mentions.partition_point(|m| m.span.start < span.end);
        let overlapping: Vec<usize> = (at.saturating_sub(2)..at)
            .filter(|&m| mentions[m].span.overlaps(span))
            .collect();
        let own_adjective = |m: usize| {
            mentions[m].span == Span::new(t.start, t.end)
                && gaz
                    .entry(&mentions[m].actor)
                    .is_some_and(|e| e.kind != crate::extract::actors::gazetteer::Kind::Person)
        };
        if !overlapping.iter().all(|&m| own_adjective(m)) {
            continue;
        }
        replaced.extend(overlapping);
        added.push(ActorMention {
            span,
            actor: actor.to_string(),
            via: "speaking-body".into(),
        });
    }
    added.extend(speaking_documents(text, toks, lex, mentions));
    if added.is_empty() {
        return None;
    }
    replaced.sort_unstable();
    let mut out: Vec<ActorMention> = mentions
        .iter()
        .enumerate()
        .filter(|(m, _)| replaced.binary_search(m).is_err())
        .map(|(_, m)| m.clone())
        .chain(added)
        .collect();
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    Some(out)
}

/// "the NOUN" followed by a speech verb, where NOUN is a document noun the article named earlier
/// with distinguishing words: a mention of that document. Spans already covered by a mention are
/// left alone.
fn speaking_documents(
    text: &str,
    toks: &[Tok],
    lex: &Lexicon,
    mentions: &[ActorMention],
) -> Vec<ActorMention> {
    let mut out = Vec::new();
    for i in 1..toks.len().saturating_sub(1) {
        let noun = &toks[i];
        if !noun.is_word()
            || !toks[i - 1].text(text).eq_ignore_ascii_case("the")
            || !lex
                .document_nouns
                .contains(&noun.text(text).to_ascii_lowercase())
            || lex.verb_at(text, toks, i + 1).is_none()
        {
            continue;
        }
        let span = Span::new(toks[i - 1].start, noun.end);
        if mentions.iter().any(|m| m.span.overlaps(span)) {
            continue;
        }
        let Some(name) = distinguished(text, toks, i) else {
            continue;
        };
        out.push(ActorMention {
            span,
            actor: name,
            via: "speaking-document".into(),
        });
    }
    out
}

/// The last earlier naming of the document noun at token `i` with distinguishing words right
/// before it — a number or a hyphenated word ("20-point", "two-page"), a capitalised name ("the
/// Arab League plan") — as those words and the noun.
fn distinguished(text: &str, toks: &[Tok], i: usize) -> Option<String> {
    let noun = toks[i].text(text).to_ascii_lowercase();
    (1..i).rev().find_map(|j| {
        if !toks[j].is_word() || !toks[j].text(text).eq_ignore_ascii_case(&noun) {
            return None;
        }
        // Walk back over the words glued by hyphens into one ("20-point").
        let mut k = j;
        let mut first = j;
        while k > 0 {
            let w = k - 1;
            let t = &toks[w];
            let glued = t.punct() == Some('-')
                || toks.get(w + 1).is_some_and(|n| n.punct() == Some('-'))
                || (w > 0 && toks[w - 1].punct() == Some('-'));
            let digits = t.text(text).chars().any(|c| c.is_ascii_digit());
            let distinguishing = t.punct() == Some('-')
                || (t.punct().is_none()
                    && (glued
                        || digits
                        || (t.is_word()
                            && t.is_capitalized(text)
                            && !starts_sentence(text, toks, w))));
            if !distinguishing || j - w > 6 {
                break;
            }
            first = w;
            k = w;
        }
        if first == j {
            return None;
        }
        let words = text.get(toks[first].start..toks[j].end)?;
        Some(words.split_whitespace().collect::<Vec<_>>().join(" "))
    })
}

/// Whether token `w` opens a sentence (a capital there says nothing of a name).
fn starts_sentence(text: &str, toks: &[Tok], w: usize) -> bool {
    w == 0
        || toks[w - 1]
            .punct()
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '\n'))
        || text
            .get(toks[w - 1].end..toks[w].start)
            .is_some_and(|gap| gap.contains('\n'))
}
