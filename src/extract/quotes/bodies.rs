//! Speakers described rather than named: "the Israeli military said", "the Chinese delegation
//! described it as …". A body's adjective followed by a speaking noun (`speaking_nouns` in
//! `assets/speech.toml`) is a mention of that body for quote attribution only: the organisation
//! the gazetteer lists the description under (`speaking_as`), else the country the adjective names.

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
