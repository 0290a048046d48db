//! Who is the subject of a speech verb, and who a pronoun stands for.
//!
//! News sentences put the speaker right before the verb ("Holt said"), sometimes with a title, an
//! adverb or an appositive in between ("Holt, a fellow at X, later said"); a coordinated or
//! participial verb ("… and praised", "…, calling it") takes the subject of the main clause. A name
//! after a preposition or with a possessive is never the subject. When the word before the verb is
//! a noun we do not know ("a presidential aide said") the answer is [`Who::Unknown`]: better no
//! speaker than a wrong one.

use super::context::Ctx;
use crate::extract::actors::gazetteer::{Gender, Kind};
use crate::extract::actors::tokens::TokKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// A mention (index into the mentions).
    Actor(usize),
    /// "he"/"she" at this token.
    Pronoun(usize, Gender),
    /// Several subjects ("Holt and Smith said").
    Ambiguous,
    /// The verb is passive ("was described as").
    Passive,
    /// "the readout", "the statement" at this token: a record of what someone said.
    Record(usize),
    /// A subject we cannot name.
    Unknown,
}

/// A subject and the token where its noun phrase starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub who: Who,
    pub start: usize,
}

const MAX_HOPS: usize = 40;

impl Ctx<'_> {
    fn found(&self, who: Who, start: usize) -> Found {
        Found { who, start }
    }

    fn pronoun(&self, i: usize) -> Option<Gender> {
        let k = self.key(i);
        if self.lex.male.contains(k) {
            Some(Gender::Male)
        } else if self.lex.female.contains(k) {
            Some(Gender::Female)
        } else {
            None
        }
    }

    /// Whether the noun phrase starting at `start` follows a preposition ("with Holt").
    fn after_preposition(&self, start: usize) -> bool {
        start > 0 && self.is_word(start - 1) && self.lex.prepositions.contains(self.key(start - 1))
    }

    fn is_and(&self, i: usize) -> bool {
        self.key(i) == "and" || self.punct(i) == Some('&')
    }

    /// "Holt and Smith": the phrase at `start` is the second of coordinated subjects.
    fn coordinated(&self, start: usize) -> bool {
        if start < 2 {
            return false;
        }
        self.is_and(start - 1)
            && self.mention_ending_at(start - 2).is_some()
            && self.quote_of[start - 2].is_none()
    }

    /// "Holt and Smith": mention `m` is followed by "and" and another name.
    fn has_conjunct(&self, m: usize) -> bool {
        let after = self.mention_toks[m].1 + 1;
        self.is_and(after)
            && (after + 1..(after + 6).min(self.toks.len()))
                .find_map(|i| self.mention_starting_at(i))
                .is_some_and(|n| self.np_start(n) <= after + 1)
    }

    /// The subject of the speech verb at token `v`, looking no further back than token `s0`.
    /// Whether the words ending at `j` are a short noun phrase right after "with" (at most four
    /// words, no punctuation in between).
    fn with_subject(&self, j: usize, s0: usize) -> bool {
        let mut i = j;
        for _ in 0..4 {
            if i <= s0 || self.toks[i].kind != TokKind::Word {
                return false;
            }
            i -= 1;
            if self.key(i) == "with" {
                return true;
            }
        }
        false
    }

    pub fn subject_before(&self, v: usize, s0: usize) -> Found {
        let participle = self.key(v).ends_with("ing");
        let mut i = v;
        for _ in 0..MAX_HOPS {
            if i <= s0 {
                break;
            }
            let j = i - 1;
            if let Some(q) = self.quote_of[j] {
                // "Holt called it “fair,” saying …": the participle takes the main clause's subject.
                if participle && self.quote_comma[q] {
                    return self.main_subject(s0, j);
                }
                // "Holt, who chairs the so-called “group,” said": an aside ending in a quote.
                if self.quote_comma[q]
                    && let Some(o) = self.parenthetical_start_before(self.quote_open[q], s0)
                {
                    i = o;
                    continue;
                }
                return self.found(Who::Unknown, j);
            }
            if let Some(m) = self.mention_ending_at(j) {
                let start = self.np_start(m).max(s0);
                if !participle && self.after_preposition(start) {
                    return self.found(Who::Unknown, start);
                }
                if self.coordinated(start) {
                    return self.found(Who::Ambiguous, start);
                }
                return self.found(Who::Actor(m), start);
            }
            let key = self.key(j);
            match self.toks[j].kind {
                TokKind::Word => {
                    if let Some(g) = self.pronoun(j) {
                        return self.found(Who::Pronoun(j, g), j);
                    }
                    // "Holt, who said …", "the ministry, which said …"
                    if j >= 2
                        && self.punct(j - 1) == Some(',')
                        && let Some(m) = self.mention_ending_at(j - 2)
                        && (key == "who" || (key == "which" && self.is_body(m)))
                    {
                        return self.found(Who::Actor(m), self.np_start(m));
                    }
                    if self.lex.passive.contains(key) {
                        return self.found(Who::Passive, j);
                    }
                    let lower = !self.toks[j].is_capitalized(self.text);
                    if self.lex.skip.contains(key)
                        || (lower && key.len() > 4 && key.ends_with("ly"))
                    {
                        i = j;
                        continue;
                    }
                    if participle && key == "as" {
                        i = j;
                        continue;
                    }
                    // "…, with both sides describing it as “…”": the participle has a subject
                    // of its own after "with", and it is nobody attache knows.
                    if participle && self.with_subject(j, s0) {
                        return self.found(Who::Unknown, j);
                    }
                    if participle {
                        return self.participle_subject(s0, j);
                    }
                    if key == "and" || key == "but" || key == "or" || key == "then" {
                        return self.main_subject(s0, j);
                    }
                    if let Some(m) = self.affiliated_mention(i) {
                        return self.found(Who::Actor(m), self.np_start(m));
                    }
                    // "it said": the organisation or state the clause is about.
                    if key == "it"
                        && let Some(m) = self.neuter_antecedent(j)
                    {
                        return self.found(Who::Actor(m), j);
                    }
                    // "the militant group said": the organisation named before.
                    if let Some((m, start)) = self.body_antecedent(j, s0) {
                        return self.found(Who::Actor(m), start);
                    }
                    // "a Kremlin aide said": an unnamed person speaking for an organisation.
                    if let Some(m) = self.spoken_for(j, s0) {
                        return self.found(Who::Actor(m), j);
                    }
                    // "the readout said": whoever issued it.
                    if self.lex.record_nouns.contains(key)
                        && j > s0
                        && matches!(self.key(j - 1), "the" | "its" | "his" | "her" | "their")
                    {
                        return self.found(Who::Record(j), j - 1);
                    }
                    return self.found(Who::Unknown, j);
                }
                TokKind::Punct(',' | '—' | '–' | '(' | ')') => {
                    if participle {
                        return self.participle_subject(s0, j);
                    }
                    // "The Harbor Guard (HG) reported": an abbreviation in brackets after a name.
                    if self.punct(j) == Some(')')
                        && let Some(o) = (j.saturating_sub(4).max(s0)..j)
                            .rev()
                            .find(|&o| self.punct(o) == Some('('))
                        && o > s0
                        && self.mention_ending_at(o - 1).is_some()
                    {
                        i = o;
                        continue;
                    }
                    // "A Kremlin official, Jane Holt, later said": the name is the whole aside.
                    if j > s0
                        && let Some(m) = self.mention_ending_at(j - 1)
                        && self.np_start(m) > s0
                        && matches!(
                            self.punct(self.np_start(m) - 1),
                            Some(',' | '—' | '–' | '(')
                        )
                    {
                        i = j;
                        continue;
                    }
                    // "Jane Holt of the Harbor Institute, said": a name with its affiliation.
                    if let Some(m) = self.affiliated_mention(j) {
                        return self.found(Who::Actor(m), self.np_start(m));
                    }
                    match self.parenthetical_start(j, s0) {
                        Some(o) => {
                            i = o;
                            continue;
                        }
                        // "Holt rejects the plan, says …" (headline style): a verb
                        // coordinated without "and".
                        None if self.punct(j) == Some(',') => return self.main_subject(s0, j),
                        None => return self.found(Who::Unknown, j),
                    }
                }
                _ => return self.found(Who::Unknown, j),
            }
        }
        self.found(Who::Unknown, i)
    }

    /// The subject of a participle ("…, saying …") ending its clause at `j`: the main clause's,
    /// except when that is a body whose clause says nothing and a subordinate clause after it
    /// ("a day after Holt urged a deal, posting …") has a person as subject: the person speaks.
    fn participle_subject(&self, s0: usize, j: usize) -> Found {
        let main = self.main_subject(s0, j);
        let Who::Actor(mm) = main.who else {
            return main;
        };
        if !self.is_body(mm) {
            return main;
        }
        let near = (main.start + 1..j).rev().find_map(|i| {
            let m = self.mention_starting_at(i)?;
            let start = self.np_start(m).max(s0);
            (self.quote_of[i].is_none()
                && !self.is_body(m)
                && !self.is_modifier(m)
                && self.subject_tier(start, s0) == Some(2))
            .then_some((m, start))
        });
        match near {
            Some((m, start))
                if !(main.start..start)
                    .any(|i| self.lex.verb_at(self.text, self.toks, i).is_some()) =>
            {
                self.found(Who::Actor(m), start)
            }
            _ => main,
        }
    }

    /// Whether mention `m` names an organisation or a state (a gazetteer body, not a person).
    pub fn is_body(&self, m: usize) -> bool {
        self.person[m].is_none()
    }

    /// Whether mention `m` names a gazetteer organisation.
    fn is_org(&self, m: usize) -> bool {
        self.gaz
            .entry(&self.mentions[m].actor)
            .is_some_and(|e| e.kind == Kind::Org)
    }

    /// What "it" at token `p` stands for when it says something: the body in subject position in
    /// its own clause before it, or else the body the previous sentence is about.
    pub fn neuter_antecedent(&self, p: usize) -> Option<usize> {
        let s = self.sentence_of[p];
        let here = self.main_subject(self.sentence_start(s), p);
        if let Who::Actor(m) = here.who {
            return self.is_body(m).then_some(m);
        }
        let prev = s.checked_sub(1)?;
        let (a, b) = self.sentences[prev];
        match self.main_subject(a, b).who {
            Who::Actor(m) if self.is_body(m) => Some(m),
            _ => None,
        }
    }

    /// "the Palestinian militant group said": a noun phrase opened by "the" and headed by a noun
    /// for a body (`body_nouns` in speech.toml) at token `j` stands for the one organisation that
    /// was a clause subject in this sentence or the four before (the latest mention of it). Two
    /// organisations: nobody.
    fn body_antecedent(&self, j: usize, s0: usize) -> Option<(usize, usize)> {
        if !self.lex.body_nouns.contains(self.key(j)) || self.mention_of[j].is_some() {
            return None;
        }
        let the = (j.saturating_sub(5).max(s0)..j)
            .rev()
            .take_while(|&i| self.is_word(i) || self.punct(i) == Some('-'))
            .find(|&i| self.key(i) == "the")?;
        let s = self.sentence_of[j];
        let mut found: Option<usize> = None;
        for t in (s.saturating_sub(4)..=s).rev() {
            let (a, b) = self.sentences[t];
            let b = if t == s { the } else { b };
            for i in a..b {
                let Some(m) = self.mention_starting_at(i) else {
                    continue;
                };
                let start = self.np_start(m).max(a);
                if self.quote_of[i].is_some()
                    || !self.is_org(m)
                    || self.is_modifier(m)
                    || self.after_preposition(start)
                    || self.subject_tier(start, a).is_none()
                {
                    continue;
                }
                match found {
                    Some(f) if self.mentions[f].actor != self.mentions[m].actor => return None,
                    Some(_) => {}
                    None => found = Some(m),
                }
            }
        }
        found.map(|m| (m, the))
    }

    /// "a Kremlin aide", "At the Kremlin, a presidential aide": an unnamed person (an indefinite
    /// noun phrase headed by a role noun at `j`) speaking for the organisation named inside the
    /// phrase or in the "At the …," that opens the sentence. A country is no such organisation
    /// ("a US official" may speak for any of its bodies).
    fn spoken_for(&self, j: usize, s0: usize) -> Option<usize> {
        if self.toks[j].is_capitalized(self.text) || !self.gaz.is_role_head(self.key(j)) {
            return None;
        }
        let det = (j.saturating_sub(4).max(s0)..j)
            .rev()
            .take_while(|&i| self.is_word(i) && self.quote_of[i].is_none())
            .find(|&i| matches!(self.key(i), "a" | "an" | "one"))?;
        if let Some(m) = (det + 1..j)
            .filter_map(|i| self.mention_of[i])
            .find(|&m| self.is_org(m))
        {
            return Some(m);
        }
        // "At the Kremlin, a presidential aide said"
        let comma = det.checked_sub(1)?;
        if self.punct(comma) != Some(',') || !matches!(self.key(s0), "at" | "in") {
            return None;
        }
        let m = self.mention_ending_at(comma.checked_sub(1)?)?;
        let first = self.mention_toks[m].0;
        let opener_only = (s0 + 1..first).all(|i| self.key(i) == "the");
        (opener_only && self.is_org(m)).then_some(m)
    }

    /// "Calling it “historic”, Holt said": the subject of the clause after a participial phrase
    /// that opens the sentence (`from`: the token after the participle).
    pub fn subject_after_participial(&self, from: usize, end: usize) -> Found {
        let unknown = self.found(Who::Unknown, from);
        let Some(c) = (from..end).find(|&c| match self.quote_of[c] {
            None => self.punct(c) == Some(','),
            Some(q) => self.quote_comma[q] && self.quote_of.get(c + 1) != Some(&Some(q)),
        }) else {
            return unknown;
        };
        let k = c + 1;
        if let Some(g) = self.pronoun(k) {
            return self.found(Who::Pronoun(k, g), k);
        }
        let Some(m) = (k..(k + 6).min(end))
            .filter_map(|i| self.mention_starting_at(i))
            .find(|&m| self.np_start(m) <= k && !self.is_modifier(m))
        else {
            return unknown;
        };
        let after = self.mention_toks[m].1 + 1;
        let verb_follows = self.is_word(after) && !matches!(self.key(after), "and" | "or");
        if !verb_follows || self.has_conjunct(m) {
            return unknown;
        }
        self.found(Who::Actor(m), k)
    }

    /// "Jane Holt of the Harbor Institute" ending right before token `end`: the person mention
    /// followed by "of"/"at"/"from" and a capitalised organisation name.
    fn affiliated_mention(&self, end: usize) -> Option<usize> {
        let last = end.checked_sub(1)?;
        if !self.toks[last].is_capitalized(self.text) {
            return None;
        }
        let lo = end.saturating_sub(14);
        let mut k = last;
        while k > lo {
            k -= 1;
            if self.quote_of[k].is_some() {
                return None;
            }
            let key = self.key(k);
            if matches!(key, "of" | "at" | "from")
                && let Some(m) = self.mention_ending_at(k.checked_sub(1)?)
                && self.person[m].is_some()
            {
                return Some(m);
            }
            let t = &self.toks[k];
            let joins = matches!(key, "the" | "for" | "and" | "of" | "on")
                || t.punct() == Some('-')
                || t.is_capitalized(self.text)
                || (t.is_word() && k > 0 && self.punct(k - 1) == Some('-'));
            if !joins {
                return None;
            }
        }
        None
    }

    /// The comma opening an aside that runs up to token `end` (exclusive), as
    /// [`Self::parenthetical_start`] for a closing comma hidden inside quote marks.
    fn parenthetical_start_before(&self, end: usize, s0: usize) -> Option<usize> {
        let lo = s0.max(end.saturating_sub(25));
        for o in (lo..end).rev() {
            if self.quote_of[o].is_some() {
                return None;
            }
            if self.punct(o) == Some(',') {
                let first = self.toks.get(o + 1)?;
                let lowercase_start = first.is_word() && !first.is_capitalized(self.text);
                return (lowercase_start && o > s0).then_some(o);
            }
        }
        None
    }

    /// For a comma or dash at `j` that closes an appositive or aside (", a fellow at X," / ", speaking
    /// on radio,"), the index of the mark that opens it.
    fn parenthetical_start(&self, j: usize, s0: usize) -> Option<usize> {
        let close = self.punct(j)?;
        let want: &[char] = match close {
            ')' => &['('],
            '—' | '–' => &['—', '–', ','],
            _ => &[',', '—', '–'],
        };
        let lo = s0.max(j.saturating_sub(25));
        for o in (lo..j).rev() {
            if self.quote_of[o].is_some() {
                return None;
            }
            if self.punct(o).is_some_and(|c| want.contains(&c)) {
                let first = self.toks.get(o + 1)?;
                let lowercase_start = first.is_word() && !first.is_capitalized(self.text);
                return (lowercase_start && o > s0).then_some(o);
            }
        }
        None
    }

    /// How likely the noun phrase at `start` is a clause subject: 0 after the sentence start, a
    /// comma or a quote; 1 after "and"/"but"; 2 after a subordinator; None after a preposition or verb.
    pub fn subject_tier(&self, start: usize, s0: usize) -> Option<u8> {
        if start <= s0 {
            return Some(0);
        }
        let p = start - 1;
        if self.quote_of[p].is_some() {
            return Some(0);
        }
        match self.toks[p].kind {
            TokKind::Punct(',' | ';' | ':' | '—' | '–' | '(') => Some(0),
            TokKind::Word => {
                let k = self.key(p);
                if k == "and" || k == "but" {
                    Some(1)
                } else if self.lex.openers.contains(k) {
                    Some(2)
                } else if p == s0 && self.lex.is_speech_verb(k) {
                    // "Says Jane Holt, …:": the inverted subject of an opening verb.
                    Some(0)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// The subject of the sentence's main clause, between `s0` and `limit`: the subject-position
    /// noun phrase of the lowest tier, the earliest among equals.
    pub fn main_subject(&self, s0: usize, limit: usize) -> Found {
        let mut best: Option<(u8, Found)> = None;
        let mut j = s0;
        while j < limit {
            if self.quote_of[j].is_some() {
                j += 1;
                continue;
            }
            let cand = if let Some(m) = self.mention_starting_at(j) {
                let last = self.mention_toks[m].1;
                let start = self.np_start(m).max(s0);
                let next = last + 1;
                j = next;
                if self.is_modifier(m) || self.after_preposition(start) {
                    continue;
                }
                Some((start, Who::Actor(m)))
            } else {
                let g = self.pronoun(j);
                j += 1;
                g.map(|g| (j - 1, Who::Pronoun(j - 1, g)))
            };
            if let Some((start, who)) = cand
                && let Some(tier) = self.subject_tier(start, s0)
                && best.is_none_or(|(t, _)| tier < t)
            {
                let who = if let Who::Actor(m) = who
                    && (self.coordinated(start) || self.has_conjunct(m))
                {
                    Who::Ambiguous
                } else {
                    who
                };
                best = Some((tier, Found { who, start }));
            }
        }
        best.map_or(self.found(Who::Unknown, s0), |(_, f)| f)
    }

    /// Whether the sentence `[a, b)` opens with a role noun that names no actor ("The aide said").
    fn unnamed_person_subject(&self, a: usize, b: usize) -> bool {
        (a..b.min(a + 8)).any(|i| {
            self.quote_of[i].is_none()
                && self.mention_of[i].is_none()
                && self.is_word(i)
                && !self.toks[i].is_capitalized(self.text)
                && self.gaz.is_role_head(self.key(i))
        })
    }

    /// Who issued the record ("the readout said") at token `p`: the speaker of the nearest quote
    /// or the subject of the nearest sentence naming one, in this sentence or the three before;
    /// a sentence with another kind of subject (a pronoun, two names) ends the search.
    pub fn record_author(&self, p: usize, speakers: &[Option<usize>]) -> Option<usize> {
        let s = self.sentence_of[p];
        if let Some(Some(m)) = speakers.get(s) {
            return Some(*m);
        }
        for t in (s.saturating_sub(3)..s).rev() {
            if let Some(Some(m)) = speakers.get(t) {
                return Some(*m);
            }
            let (a, b) = self.sentences[t];
            match self.main_subject(a, b).who {
                // "Hamas issued a statement", "Holt said in a post": the record's author; a person
                // only with a speech verb (after "Holt met Lind" the record may be anyone's).
                Who::Actor(m)
                    if self.is_body(m)
                        || (a..b).any(|i| self.lex.verb_at(self.text, self.toks, i).is_some()) =>
                {
                    return Some(m);
                }
                Who::Unknown => {}
                _ => return None,
            }
        }
        None
    }

    /// The person a pronoun at token `p` stands for: the speaker or subject of the nearest sentence
    /// (this one first, then up to four before) with a person of that gender.
    pub fn resolve_pronoun(
        &self,
        p: usize,
        g: Gender,
        speakers: &[Option<usize>],
    ) -> Option<usize> {
        let s = self.sentence_of[p];
        let s0 = self.sentence_start(s);
        // In this sentence: a subject-position person before the pronoun.
        if let Found {
            who: Who::Actor(m), ..
        } = self.main_subject(s0, p)
            && self.fits_pronoun(m, g)
        {
            return Some(m);
        }
        for back in 1..=4 {
            let Some(t) = s.checked_sub(back) else { break };
            if let Some(Some(m)) = speakers.get(t)
                && self.fits_pronoun(*m, g)
            {
                return Some(*m);
            }
            let (a, b) = self.sentences[t];
            let subj = self.main_subject(a, b);
            if let Who::Actor(m) = subj.who
                && self.fits_pronoun(m, g)
            {
                return Some(m);
            }
            if let Who::Pronoun(q, g2) = subj.who
                && g2 == g
                && q < p
            {
                return self.resolve_pronoun(q, g2, speakers);
            }
            // "Holt’s chief of staff dismissed it": the subject is a person we cannot name.
            if subj.who == Who::Unknown && self.unnamed_person_subject(a, b) {
                return None;
            }
            // Any other person in that sentence, the latest first.
            let other = (a..b).rev().find_map(|i| {
                let m = self.mention_ending_at(i)?;
                (self.quote_of[i].is_none() && !self.is_modifier(m) && self.fits_pronoun(m, g))
                    .then_some(m)
            });
            if other.is_some() {
                return other;
            }
        }
        None
    }
}
