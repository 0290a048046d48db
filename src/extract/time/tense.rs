//! The tense of the clause around a time expression, which decides whether a bare "Monday" or
//! "August" is the one before or after the publication date ("met on Monday" / "will meet on Monday").
//!
//! A shallow reading: the nearest verb cue in the same sentence, looking left first (news puts the
//! verb before the date: "X said on Monday", "talks will resume in March"), then right.

use super::token::{Kind, Token};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

const FUTURE: &[&str] = &[
    "will",
    "shall",
    "ll",
    "would",
    "going",
    "expected",
    "expects",
    "scheduled",
    "due",
    "upcoming",
    "intends",
    "aims",
    "hopes",
    "should",
    "supposed",
    "must",
    "wo",
    "set",
    "until",
    "till",
    "next",
    "awaiting",
    "await",
    "to",
];

const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "met",
    "held",
    "told",
    "took",
    "made",
    "went",
    "came",
    "gave",
    "spoke",
    "saw",
    "began",
    "left",
    "won",
    "lost",
    "fell",
    "rose",
    "sold",
    "bought",
    "paid",
    "led",
    "ran",
    "got",
    "knew",
    "thought",
    "brought",
    "wrote",
    "became",
    "found",
    "kept",
    "sent",
    "spent",
    "struck",
    "hit",
    "put",
    "ago",
    "last",
    "earlier",
    "flew",
    "drew",
    "grew",
    "chose",
    "broke",
    "stood",
    "sat",
    "felt",
    "heard",
    "meant",
    "paid",
    "read",
    "shot",
    "sought",
    "taught",
    "threw",
    "understood",
    "wore",
    "withdrew",
    "forgot",
    "hung",
    "fought",
    "built",
    "been",
];

const PRESENT: &[&str] = &[
    "is", "are", "am", "says", "say", "has", "have", "does", "do", "remains",
];

/// The tense governing the expression spanning tokens `start..end`.
pub fn tense_at(tokens: &[Token], start: usize, end: usize) -> Tense {
    // Left, nearest first, up to the sentence start.
    let mut i = start;
    let mut seen = 0;
    while i > 0 && seen < 14 {
        i -= 1;
        if ends_sentence(tokens, i) || tokens[i + 1].newline_before {
            break;
        }
        if let Some(tense) = cue(tokens, i) {
            return tense;
        }
        seen += 1;
    }
    // Right, up to the sentence end.
    let mut j = end;
    while j < tokens.len() && j < end + 10 {
        let t = &tokens[j];
        if ends_sentence(tokens, j) || t.newline_before {
            break;
        }
        if let Some(tense) = cue(tokens, j) {
            return tense;
        }
        j += 1;
    }
    Tense::Unknown
}

fn ends_sentence(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if !(t.kind == Kind::Punct && t.text.starts_with(['.', '!', '?', ';'])) {
        return false;
    }
    // "Sept.", "Mr.", "U.S." do not end a sentence.
    let abbreviation = t.text.starts_with('.')
        && i > 0
        && tokens[i - 1].kind == Kind::Word
        && tokens[i - 1].text.len() <= 4
        && tokens[i - 1].is_capitalised()
        && !t.space_before;
    !abbreviation
}

fn cue(tokens: &[Token], i: usize) -> Option<Tense> {
    let t = &tokens[i];
    if t.kind != Kind::Word || t.entry.weekday > 0 || t.entry.month > 0 && t.is_capitalised() {
        return None;
    }
    if t.is("to") {
        // "is to meet", "agreed to meet": a future infinitive only after be/agree/want-like verbs.
        let prev = i.checked_sub(1).map(|k| &tokens[k]);
        let fut = prev.is_some_and(|p| {
            p.is_any(&[
                "is",
                "are",
                "was",
                "were",
                "agreed",
                "want",
                "wants",
                "wanted",
                "going",
                "plans",
                "planned",
                "planning",
                "expected",
                "scheduled",
                "due",
                "set",
                "likely",
                "ready",
                "intends",
                "hopes",
                "aims",
            ])
        });
        return fut.then_some(if after_past_aux(tokens, i) {
            Tense::Past
        } else {
            Tense::Future
        });
    }
    if t.is("set") || t.is("due") {
        return tokens
            .get(i + 1)
            .is_some_and(|n| n.is("to"))
            .then_some(Tense::Future);
    }
    if t.is("last") || t.is("next") || t.is("until") || t.is("till") {
        return None;
    }
    let prev = i.checked_sub(1).map(|k| &tokens[k]);
    match t.tense {
        // "had been due to expire", "was expected to": a plan in the past.
        Some(Tense::Future) if after_past_aux(tokens, i) => return Some(Tense::Past),
        Some(tense) => return Some(tense),
        None => {}
    }
    // A passive participle takes the tense of its auxiliary ("can be exercised", "is expected").
    if prev.is_some_and(|p| p.is_any(&["be", "is", "are", "am", "being"])) && t.text.ends_with("ed")
    {
        return None;
    }
    // "a still unspecified date", "the planned summit": an adjective, not a verb.
    if prev.is_some_and(|p| {
        p.is_any(&[
            "a", "an", "the", "still", "very", "its", "their", "his", "her",
        ])
    }) && t.text.ends_with("ed")
    {
        return None;
    }
    let lower_ed = t.text.len() > 4
        && t.text.ends_with("ed")
        && !t.is_capitalised()
        && !t.text.ends_with("eed");
    lower_ed.then_some(Tense::Past)
}

/// Every word of the lists with the tense it names, [`FUTURE`] before [`PAST`] before
/// [`PRESENT`] (a later pair of the same word overrides an earlier one). The time lexicon files
/// them with its words, so the tokenizer's one look-up per word gives each token its tense.
pub(super) fn listed_words() -> impl Iterator<Item = (&'static str, Tense)> {
    [
        (PRESENT, Tense::Present),
        (PAST, Tense::Past),
        (FUTURE, Tense::Future),
    ]
    .into_iter()
    .flat_map(|(words, tense)| words.iter().map(move |w| (*w, tense)))
}

/// "had been due to expire": a plan that belongs to the past (a pluperfect). "was expected to"
/// and "were planning to" still look ahead.
fn after_past_aux(tokens: &[Token], i: usize) -> bool {
    tokens[i.saturating_sub(3)..i].iter().any(|p| p.is("had"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_words_name_their_tense_whatever_their_case() {
        let listed = |w: &str| super::super::token::tokenize(w)[0].tense;
        assert_eq!(listed("Will"), Some(Tense::Future));
        assert_eq!(listed("SAID"), Some(Tense::Past));
        assert_eq!(listed("says"), Some(Tense::Present));
        assert_eq!(listed("meeting"), None);
        assert_eq!(listed("saïd"), None);
        assert_eq!(listed("understandings"), None);
        for w in FUTURE {
            assert_eq!(listed(w), Some(Tense::Future), "{w}");
        }
        for w in PAST.iter().filter(|w| !FUTURE.contains(w)) {
            assert_eq!(listed(w), Some(Tense::Past), "{w}");
        }
        for w in PRESENT
            .iter()
            .filter(|w| !FUTURE.contains(w) && !PAST.contains(w))
        {
            assert_eq!(listed(w), Some(Tense::Present), "{w}");
        }
    }
}
