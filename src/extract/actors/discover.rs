//! People the gazetteer does not know: a capitalised name that the sentence itself marks as a
//! person — by a title before it ("Kremlin aide Ivan Petrov"), an appositive after it ("Tom Bray, a
//! fellow at …"), an affiliation ("Jane Holt of the Kyiv-based Center …") or a speech verb next to it
//! ("…,” said Tom Bray). Without such evidence a capitalised run is more likely a place, a show or an
//! institution, so it is left alone.

use super::gazetteer::{Gazetteer, Gender};
use super::titles::title_before;
use super::tokens::{Tok, TokKind, glued, phrase_key};
use crate::extract::quotes::lexicon::Lexicon;
use crate::model::{Actor, Span};

/// A person found in the text, with the span of the mention that introduced them.
#[derive(Debug, Clone)]
pub struct Discovered {
    pub actor: Actor,
    pub span: Span,
    pub gender: Option<Gender>,
}

/// Whether a token can be part of a person's name.
fn name_word(text: &str, t: &Tok, gaz: &Gazetteer) -> bool {
    if !t.is_capitalized(text) {
        return false;
    }
    let w = t.text(text);
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 && !w.ends_with('.') {
        return false;
    }
    // Acronyms (NATO, TASS) are organisations, not names; two-letter initials (JD) may be names.
    if letters > 2 && w.chars().all(|c| !c.is_lowercase()) {
        return false;
    }
    if w.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // The key is made only for words that pass the cheaper tests above.
    let key = phrase_key(w);
    !gaz.names.not_names.contains(&key) && !gaz.is_title_word(&key)
}

/// Token index ranges `[a, b)` of capitalised name runs (1–4 words, particles and hyphens inside).
pub fn name_runs(text: &str, toks: &[Tok], gaz: &Gazetteer) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !name_word(text, &toks[i], gaz) {
            i += 1;
            continue;
        }
        let a = i;
        let mut b = i + 1;
        let mut words = 1;
        while let Some(next) = toks.get(b) {
            let prev = &toks[b - 1];
            if text
                .get(prev.end..next.start)
                .is_none_or(|gap| gap.contains('\n'))
            {
                break;
            }
            // Hyphenated parts: Jean-Noël, al-Sharaa.
            if next.punct() == Some('-')
                && glued(prev, next)
                && let Some(after) = toks.get(b + 1)
                && glued(next, after)
                && (name_word(text, after, gaz)
                    || gaz.names.particles.contains(&phrase_key(after.text(text))))
            {
                b += 2;
                continue;
            }
            // Middle initials: "Michael D. Higgins".
            if next.is_word()
                && next.text(text).len() == 1
                && next.is_capitalized(text)
                && toks
                    .get(b + 1)
                    .is_some_and(|d| d.punct() == Some('.') && glued(next, d))
                && toks.get(b + 2).is_some_and(|n| name_word(text, n, gaz))
            {
                b += 2;
                continue;
            }
            // A middle initial written without its dot: "James E Holt" (not "A", "I").
            if next.is_word()
                && next.text(text).len() == 1
                && next
                    .text(text)
                    .bytes()
                    .all(|c| c.is_ascii_uppercase() && c != b'A' && c != b'I')
                && toks
                    .get(b + 1)
                    .is_some_and(|n| glued_by_space(text, next, n) && name_word(text, n, gaz))
            {
                b += 1;
                continue;
            }
            let particle = gaz.names.particles.contains(&phrase_key(next.text(text)));
            if particle
                && !next.is_capitalized(text)
                && toks.get(b + 1).is_some_and(|n| name_word(text, n, gaz))
            {
                b += 1;
                continue;
            }
            // A particle glued to the surname by a hyphen: "Abdel Fattah el-Sissi".
            if particle
                && !next.is_capitalized(text)
                && let (Some(dash), Some(after)) = (toks.get(b + 1), toks.get(b + 2))
                && dash.punct() == Some('-')
                && glued(next, dash)
                && glued(dash, after)
                && name_word(text, after, gaz)
            {
                b += 3;
                words += 1;
                continue;
            }
            if name_word(text, next, gaz) && words < 4 {
                b += 1;
                words += 1;
                continue;
            }
            break;
        }
        out.push((a, b));
        i = b;
    }
    out
}

/// Whether `b` follows `a` after one plain space, on the same line.
fn glued_by_space(text: &str, a: &Tok, b: &Tok) -> bool {
    text.get(a.end..b.start) == Some(" ")
}

fn key_at(text: &str, toks: &[Tok], i: usize) -> String {
    toks.get(i)
        .map(|t| phrase_key(t.text(text)))
        .unwrap_or_default()
}

/// The appositive after a name (", a fellow at the University of X,"): its text if it describes a person.
fn appositive(text: &str, toks: &[Tok], gaz: &Gazetteer, b: usize) -> Option<String> {
    if toks.get(b)?.punct() != Some(',') {
        return None;
    }
    let first = key_at(text, toks, b + 1);
    let possessive_body = gaz.body(&first).is_some()
        && toks
            .get(b + 2)
            .is_some_and(|t| t.kind == TokKind::Possessive);
    // ", senior economist at …", ", chief negotiator for …": a title word or a person noun
    // opening the appositive without an article.
    let bare_title = toks.get(b + 1).is_some_and(|t| !t.is_capitalized(text))
        && (gaz.is_title_word(&first)
            || gaz.names.person_nouns.contains(&first)
            || gaz.role_word(&first).is_some());
    if !matches!(first.as_str(), "a" | "an" | "the" | "who" | "one")
        && !possessive_body
        && !bare_title
    {
        return None;
    }
    let mut end = b + 1;
    let mut person = false;
    while let Some(t) = toks.get(end) {
        if matches!(
            t.punct(),
            Some(',' | '.' | ';' | ':' | '(' | ')' | '“' | '”' | '"')
        ) || end > b + 16
        {
            break;
        }
        if t.is_word() {
            let k = phrase_key(t.text(text));
            let two = if end + 1 < toks.len() {
                format!("{k} {}", key_at(text, toks, end + 1))
            } else {
                String::new()
            };
            if gaz.names.person_nouns.contains(&k)
                || gaz.names.person_nouns.contains(&two)
                || gaz.role_word(&k).is_some()
                || (first == "who" && end == b + 2)
            {
                person = true;
            }
        }
        end += 1;
    }
    let start = toks.get(b + 1)?.start;
    let stop = toks.get(end - 1)?.end;
    person.then(|| text.get(start..stop).unwrap_or("").to_string())
}

/// Finds people introduced in `toks` who are not among `known` (spans of gazetteer mentions).
pub fn discover(
    text: &str,
    toks: &[Tok],
    gaz: &Gazetteer,
    lex: &Lexicon,
    known: &super::overlap::Taken,
    skip: &dyn Fn(usize) -> bool,
) -> Vec<Discovered> {
    let mut out: Vec<Discovered> = Vec::new();
    for (a, b) in name_runs(text, toks, gaz) {
        // "Says Jane Holt, chief economist at …:": a capitalised speech verb opening the sentence
        // is not part of the name.
        let a = if b - a >= 3 && lex.is_speech_verb(&phrase_key(toks[a].text(text))) {
            a + 1
        } else {
            a
        };
        let span = Span::new(toks[a].start, toks[b - 1].end);
        if skip(span.start) || known.overlaps(span) {
            continue;
        }
        let words = toks[a..b].iter().filter(|t| t.is_word()).count();
        let mut role: Option<String> = None;
        let mut country: Option<String> = None;
        let mut evidence = false;
        // "Vey's spokesman, Dan Ode, said": a title set off by commas before a name of two words
        // or more, the aside closed after it.
        let title = title_before(text, toks, gaz, a).or_else(|| {
            let set_off = words >= 2
                && a >= 2
                && toks[a - 1].punct() == Some(',')
                && toks.get(b).is_some_and(|t| t.punct() == Some(','));
            set_off
                .then(|| title_before(text, toks, gaz, a - 1))
                .flatten()
                .filter(|t| t.head.is_some())
        });
        if let Some(t) = &title
            && t.head.is_some()
        {
            evidence = true;
            // The title ends before the comma that sets it off, if one does.
            let last = if toks[a - 1].punct() == Some(',') {
                a - 2
            } else {
                a - 1
            };
            role = text
                .get(toks[t.start].start..toks[last].end)
                .map(str::to_string);
            country = t
                .body
                .as_deref()
                .and_then(|b| gaz.country_of_body(b).or(Some(b)))
                .map(str::to_string);
        }
        // "Mr Holt", "Gen. Holt"
        let dotted = a >= 2 && toks[a - 1].punct() == Some('.');
        let h = if dotted { a - 2 } else { a.wrapping_sub(1) };
        let honorific = a > 0 && gaz.names.honorifics.contains(&key_at(text, toks, h));
        if honorific {
            evidence = true;
        }
        if words >= 2 && !evidence {
            if let Some(app) = appositive(text, toks, gaz, b) {
                evidence = true;
                role = Some(app);
            } else if matches!(key_at(text, toks, b).as_str(), "of" | "at" | "from")
                && (key_at(text, toks, b + 1) == "the"
                    || gaz.gender_hint(toks[a].text(text)).is_some())
                && toks[b + 1..].iter().take(2).any(|t| t.is_capitalized(text))
            {
                evidence = true;
                let stop = toks[b..]
                    .iter()
                    .take(12)
                    .take_while(|t| !matches!(t.punct(), Some(',' | '.' | ';')))
                    .last()
                    .map_or(toks[b].end, |t| t.end);
                role = text.get(toks[b].start..stop).map(str::to_string);
            } else {
                // A speech verb next to the name ("Holt said", "said Holt"), in lowercase: a
                // headline's "Says" is no evidence.
                let verb = |i: usize| {
                    toks.get(i).is_some_and(|t| {
                        !t.is_capitalized(text) && lex.is_speech_verb(&phrase_key(t.text(text)))
                    })
                };
                // ("according to Name" is no evidence: it mostly names outlets.)
                evidence = verb(b) || (a > 0 && verb(a - 1));
            }
        }
        if !evidence {
            continue;
        }
        let name = text.get(span.range()).unwrap_or("").to_string();
        if out.iter().any(|d| d.actor.name == name) {
            continue;
        }
        let gender = gender_of(
            text,
            toks,
            gaz,
            a,
            title.as_ref().map(|t| t.start),
            role.as_deref(),
        );
        out.push(Discovered {
            actor: Actor {
                name,
                aliases: Vec::new(),
                roles: role.into_iter().collect(),
                country,
                known: false,
            },
            span,
            gender,
        });
    }
    out
}

fn gender_of(
    text: &str,
    toks: &[Tok],
    gaz: &Gazetteer,
    a: usize,
    title_start: Option<usize>,
    role: Option<&str>,
) -> Option<Gender> {
    if let Some(g) = gaz.gender_hint(toks[a].text(text)) {
        return Some(g);
    }
    let from = title_start.unwrap_or(a.saturating_sub(1));
    for t in toks.get(from..a).unwrap_or(&[]) {
        if let Some(g) = gaz.gender_hint(t.text(text)) {
            return Some(g);
        }
    }
    role.and_then(|r| r.split_whitespace().find_map(|w| gaz.gender_hint(w)))
}
