//! Actors: the gazetteer (`assets/actors.toml`) and finding people and bodies in a document,
//! including people the gazetteer does not know ("Iryna Skubii, a … fellow").
//!
//! Mentions come from three sources, in this order of trust: gazetteer names, aliases and surnames;
//! people the text introduces with a role (see [`discover`]), whose later surname-only mentions resolve
//! to them; and role phrases ("the French president") resolved to the nearest compatible actor.

pub mod discover;
pub mod gazetteer;
pub mod overlap;
pub mod titles;
pub mod tokens;

pub use gazetteer::{Entry, Gazetteer, Gender, Kind, Role, RoleQuery};

use crate::extract::quotes::lexicon::Lexicon;
use crate::model::{Actor, Document, Span};
use std::collections::HashSet;
use tokens::{Tok, phrase_key, token_at, tokenize};

/// One place in the text that names (or refers to) an actor.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ActorMention {
    pub span: Span,
    /// Canonical name.
    pub actor: String,
    /// How it was recognised: "name", "alias", "surname", "new-actor", "new-surname", "role",
    /// "role-holder".
    pub via: String,
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Finds actor mentions in `doc`; returns them in text order and the actors new to the gazetteer.
pub fn find_actors(doc: &Document, gaz: &Gazetteer) -> (Vec<ActorMention>, Vec<Actor>) {
    let toks = tokenize(&doc.text);
    find_actors_in(doc, gaz, &toks)
}

/// [`find_actors`] on an already tokenized document.
pub fn find_actors_in(
    doc: &Document,
    gaz: &Gazetteer,
    toks: &[Tok],
) -> (Vec<ActorMention>, Vec<Actor>) {
    let text = doc.text.as_str();
    let skip = |offset: usize| doc.is_chrome(offset);
    let mut mentions = gazetteer_mentions(text, toks, gaz, &skip);
    let known = overlap::Taken::new(mentions.iter().map(|m| m.span));
    let found = discover::discover(text, toks, gaz, Lexicon::embedded(), &known, &skip);
    for d in &found {
        mentions.push(ActorMention {
            span: d.span,
            actor: d.actor.name.clone(),
            via: "new-actor".into(),
        });
    }
    later_mentions(text, gaz, &found, &mut mentions, &skip);
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let year = doc.published.date.map(|d| chrono::Datelike::year(&d));
    let roles = role_mentions(text, toks, gaz, &mentions, year, &skip);
    mentions.extend(roles);
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    mentions.dedup_by(|b, a| a.span.overlaps(b.span));
    (mentions, found.into_iter().map(|d| d.actor).collect())
}

fn gazetteer_mentions(
    text: &str,
    toks: &[Tok],
    gaz: &Gazetteer,
    skip: &dyn Fn(usize) -> bool,
) -> Vec<ActorMention> {
    let m = gaz.matcher();
    let mut seen_full: HashSet<usize> = HashSet::new();
    let mut out = Vec::new();
    for hit in m.ac.find_iter(text) {
        let (s, e) = (hit.start, hit.end);
        if skip(s) {
            continue;
        }
        let (via, idxs) = &m.targets[hit.pattern];
        let chosen = if *via == gazetteer::Via::Surname {
            let cands: Vec<usize> = idxs
                .iter()
                .copied()
                .filter(|i| seen_full.contains(i) || (!gaz.entries[*i].strict && idxs.len() == 1))
                .collect();
            if cands.len() != 1 || part_of_other_name(text, toks, gaz, s, e) {
                continue;
            }
            cands[0]
        } else {
            if idxs.len() != 1 {
                continue;
            }
            seen_full.insert(idxs[0]);
            idxs[0]
        };
        out.push(ActorMention {
            span: Span::new(s, e),
            actor: gaz.actors[chosen].name.clone(),
            via: via.as_str().into(),
        });
    }
    out
}

/// "Melania Trump", "Bruce Jones": a surname next to another capitalised word that is neither a
/// title nor a common word is part of someone else's name.
fn part_of_other_name(text: &str, toks: &[Tok], gaz: &Gazetteer, start: usize, end: usize) -> bool {
    let i = token_at(toks, start);
    let j = token_at(toks, end);
    let name_like = |t: &Tok, gap: &str| {
        if !t.is_capitalized(text) || gap.contains('\n') || !gap.trim().is_empty() {
            return false;
        }
        let key = phrase_key(t.text(text));
        !(gaz.names.not_names.contains(&key) || gaz.is_title_word(&key))
    };
    let before = i
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|p| name_like(p, text.get(p.end..start).unwrap_or("\n")));
    let after = toks
        .get(j)
        .is_some_and(|n| name_like(n, text.get(end..n.start).unwrap_or("\n")));
    before || after
}

/// The family name of a discovered person: the last word, or the first of two for a country
/// that writes it first ("Vice Premier Ding Xuexiang" → "Ding"), unless that word is a pronoun
/// ("He").
fn family_name<'a>(d: &'a discover::Discovered, gaz: &Gazetteer, lex: &Lexicon) -> Option<&'a str> {
    let words: Vec<&str> = d.actor.name.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let first = words.len() == 2
        && d.actor
            .country
            .as_deref()
            .is_some_and(|c| gaz.family_name_first(c));
    let word = if first {
        words[0]
    } else {
        words[words.len() - 1]
    };
    let key = word.to_lowercase();
    let pronoun = lex.male.contains(&key) || lex.female.contains(&key) || lex.plural.contains(&key);
    (!pronoun).then_some(word)
}

/// Full-name and surname-only mentions of discovered people beyond the one that introduced them.
fn later_mentions(
    text: &str,
    gaz: &Gazetteer,
    found: &[discover::Discovered],
    mentions: &mut Vec<ActorMention>,
    skip: &dyn Fn(usize) -> bool,
) {
    let lex = Lexicon::embedded();
    let family = |d| family_name(d, gaz, lex);
    let mut surnames: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for d in found {
        if let Some(last) = family(d) {
            *surnames.entry(last).or_default() += 1;
        }
    }
    let mut surfaces: Vec<(String, usize, &'static str)> = Vec::new();
    for (i, d) in found.iter().enumerate() {
        surfaces.push((d.actor.name.clone(), i, "new-actor"));
        if let Some(last) = family(d)
            && surnames.get(last) == Some(&1)
        {
            surfaces.push((last.to_string(), i, "new-surname"));
        }
    }
    if surfaces.is_empty() {
        return;
    }
    let taken = overlap::Taken::new(mentions.iter().map(|m| m.span));
    for (s, e, pattern) in leftmost_longest(text, surfaces.iter().map(|s| s.0.as_str())) {
        let span = Span::new(s, e);
        if is_word_char(text[..s].chars().next_back())
            || is_word_char(text[e..].chars().next())
            || skip(s)
            || taken.overlaps(span)
        {
            continue;
        }
        let (_, i, via) = &surfaces[pattern];
        mentions.push(ActorMention {
            span,
            actor: found[*i].actor.name.clone(),
            via: (*via).into(),
        });
    }
}

/// The non-overlapping occurrences `(start, end, pattern)` of a few patterns in `text`, as a
/// leftmost-longest Aho-Corasick search reports them: from left to right, at each step the
/// occurrence that starts first, the longest of those, the first listed of equal ones. A
/// document's few discovered names are each found with a substring search, which costs far less
/// than building an automaton per document.
fn leftmost_longest<'p>(
    text: &str,
    patterns: impl Iterator<Item = &'p str>,
) -> Vec<(usize, usize, usize)> {
    let hay = text.as_bytes();
    let mut all = Vec::new();
    for (p, pattern) in patterns.enumerate() {
        if pattern.is_empty() {
            continue;
        }
        let finder = memchr::memmem::Finder::new(pattern.as_bytes());
        let mut from = 0;
        // Overlapping occurrences too: the one that survives depends on the other patterns.
        while let Some(k) = hay.get(from..).and_then(|h| finder.find(h)) {
            all.push((from + k, from + k + pattern.len(), p));
            from += k + 1;
        }
    }
    all.sort_unstable_by_key(|&(s, e, p)| (s, std::cmp::Reverse(e), p));
    let mut pos = 0;
    all.retain(|&(s, e, _)| {
        let keep = s >= pos;
        if keep {
            pos = e;
        }
        keep
    });
    all
}

/// How many earlier mentions a role phrase looks back over for its holder (a few pages of news).
const ROLE_LOOKBACK: usize = 400;

/// Whether the mentions overlapping `span` all lie inside it and name bodies, not people: the
/// "US" of "the US president" is part of the role phrase (`mentions` sorted by start, not
/// overlapping one another).
fn only_bodies_inside(gaz: &Gazetteer, mentions: &[ActorMention], span: Span) -> bool {
    let from = mentions
        .partition_point(|m| m.span.start < span.start)
        .saturating_sub(1);
    let to = mentions.partition_point(|m| m.span.start < span.end);
    mentions[from..to]
        .iter()
        .filter(|m| m.span.overlaps(span))
        .all(|m| {
            m.span.start >= span.start
                && m.span.end <= span.end
                && gaz
                    .entry(&m.actor)
                    .is_some_and(|e| e.kind != gazetteer::Kind::Person)
        })
}

/// Role phrases ("the French president") resolved to the nearest earlier compatible actor of the
/// document, else to the one gazetteer actor holding that role of a named body.
fn role_mentions(
    text: &str,
    toks: &[Tok],
    gaz: &Gazetteer,
    mentions: &[ActorMention],
    year: Option<i32>,
    skip: &dyn Fn(usize) -> bool,
) -> Vec<ActorMention> {
    let mut out = Vec::new();
    let taken = overlap::Taken::new(mentions.iter().map(|m| m.span));
    // People the gazetteer does not know hold the titles the article gave them ("Prime Minister
    // Tomas Vey"): (actor, role head, body).
    let mut titled: Vec<(&str, String, Option<String>)> = Vec::new();
    let holds =
        |m: &ActorMention, q: &RoleQuery, titled: &[(&str, String, Option<String>)]| match gaz
            .index_of(&m.actor)
        {
            Some(a) => gaz.holds(a, q, None),
            None => titled.iter().any(|(actor, head, body)| {
                *actor == m.actor
                    && (q.titles.contains(head)
                        || *head == q.word
                        || head.ends_with(&format!(" {}", q.word)))
                    && q.body.as_deref().is_none_or(|b| {
                        body.as_deref()
                            .is_some_and(|rb| rb == b || gaz.country_of_body(rb) == Some(b))
                    })
            }),
        };
    let mut introduced = 0;
    let mut i = 0;
    while i < toks.len() {
        let Some(rp) = titles::role_phrase_at(text, toks, gaz, i) else {
            i += 1;
            continue;
        };
        let span = Span::new(toks[rp.start].start, toks[rp.end - 1].end);
        i = rp.end;
        if skip(span.start) || (taken.overlaps(span) && !only_bodies_inside(gaz, mentions, span)) {
            continue;
        }
        let before = mentions.partition_point(|m| m.span.start < span.start);
        for m in &mentions[introduced..before] {
            if gaz.index_of(&m.actor).is_some() {
                continue;
            }
            let at = toks.partition_point(|t| t.start < m.span.start);
            if let Some(run) = titles::title_before(text, toks, gaz, at)
                && let Some(head) = run.head
            {
                titled.push((m.actor.as_str(), head, run.body));
            }
        }
        introduced = introduced.max(before);
        let recent = &mentions[before.saturating_sub(ROLE_LOOKBACK)..before];
        let nearest = recent.iter().rev().find(|m| holds(m, &rp.query, &titled));
        // Without a body ("the president") the phrase is clear only if one such actor was named.
        if rp.query.body.is_none()
            && let Some(m) = nearest
            && recent
                .iter()
                .any(|o| o.actor != m.actor && holds(o, &rp.query, &titled))
        {
            continue;
        }
        let (actor, via) = match nearest {
            Some(m) => (m.actor.clone(), "role"),
            None => {
                let counterpart = rp.query.word == "counterpart";
                let holders = if rp.query.body.is_some() && !counterpart {
                    gaz.holders(&rp.query, year)
                } else {
                    Vec::new()
                };
                if holders.len() != 1 {
                    continue;
                }
                (holders[0].name.clone(), "role-holder")
            }
        };
        out.push(ActorMention {
            span,
            actor,
            via: via.into(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::leftmost_longest;
    use aho_corasick::{AhoCorasick, MatchKind};
    use proptest::prelude::*;

    fn automaton(text: &str, patterns: &[String]) -> Vec<(usize, usize, usize)> {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .unwrap();
        ac.find_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect()
    }

    #[test]
    fn overlapping_names_resolve_as_the_automaton_does() {
        let patterns = ["Jane Holt", "Holt", "Jane", "Holt"].map(String::from);
        let text = "Jane Holt met Holt; Jane Holtz and Jane left.";
        let found = leftmost_longest(text, patterns.iter().map(String::as_str));
        assert_eq!(found, automaton(text, &patterns));
        assert_eq!(found[0], (0, 9, 0));
        assert_eq!(found[1], (14, 18, 1));
    }

    proptest! {
        #[test]
        fn substring_searches_match_the_leftmost_longest_automaton(
            text in "[abé ]{0,40}",
            patterns in proptest::collection::vec("[abé]{1,4}", 1..5),
        ) {
            let found = leftmost_longest(&text, patterns.iter().map(String::as_str));
            prop_assert_eq!(found, automaton(&text, &patterns));
        }
    }
}
