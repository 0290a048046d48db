//! The trigger lexicon (`assets/events.toml`): which words name which kind of event, and the cues
//! around them (planned or past, an earlier occurrence, how many parties, how one clause relates to
//! another, deadlines, people's titles). Knowledge lives in the data file; this module only parses
//! it once and finds trigger words in text.

use super::tokens::{PhraseSet, fold};
use crate::extract::dictionary::{Dictionary, WordChars};
use crate::model::{EventKind, Span};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::collections::BTreeMap;

/// How much a trigger word says on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// An event when it has a participant, place or date.
    Strong,
    /// A reference ("the talks") that joins an event found elsewhere.
    Reference,
    /// A speech verb: never an event, but it separates the report from what is reported.
    Reporting,
}

/// Whether a trigger is a verb (it has a tense) or a noun (its status comes from its context).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Pos {
    Verb,
    Noun,
}

#[derive(Debug, Deserialize)]
struct RawTrigger {
    kind: String,
    class: Class,
    pos: Pos,
    noun: String,
    verb: Option<String>,
    done: Option<String>,
    #[serde(default)]
    host: bool,
    #[serde(default)]
    object: bool,
    #[serde(default)]
    not_next: Vec<String>,
    #[serde(default)]
    not_prev: Vec<String>,
    family: Option<String>,
    forms: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawStatus {
    planned: Vec<String>,
    planned_after: Vec<String>,
    past: Vec<String>,
    prior: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawDeadline {
    before_timex: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawGroups {
    nouns: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawLexicon {
    trigger: Vec<RawTrigger>,
    status: RawStatus,
    arity: BTreeMap<String, u8>,
    relations: BTreeMap<String, String>,
    deadline: RawDeadline,
    roles: BTreeMap<String, Vec<String>>,
    groups: RawGroups,
    words: RawWords,
    statements: RawStatements,
    ordinals: BTreeMap<String, u8>,
}

#[derive(Debug, Deserialize)]
struct RawStatements {
    verbs: Vec<String>,
    public: Vec<String>,
    not_prev: Vec<String>,
    channels: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
struct RawWords {
    stop: Vec<String>,
    numbers: BTreeMap<String, u32>,
    past_verbs: Vec<String>,
    locative: Vec<String>,
    light_verbs: Vec<String>,
    aspect_verbs: Vec<String>,
    pronouns: Vec<String>,
    forces: Vec<String>,
    parties: Vec<String>,
}

/// One entry of the lexicon: the kind and behaviour shared by its forms.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub kind: EventKind,
    pub class: Class,
    pub pos: Pos,
    pub noun: String,
    pub verb: Option<String>,
    pub done: Option<String>,
    pub host: bool,
    pub object: bool,
    pub family: String,
    not_next: Vec<String>,
    not_prev: Vec<String>,
}

/// A trigger word found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub span: Span,
    /// Index into [`Lexicon::triggers`].
    pub entry: usize,
}

/// The parsed `assets/events.toml`.
#[derive(Debug)]
pub struct Lexicon {
    pub triggers: Vec<Trigger>,
    form_entry: Vec<usize>,
    matcher: Dictionary,
    pub planned: PhraseSet,
    /// Cues right after an event noun ("the meeting would begin").
    pub planned_after: PhraseSet,
    pub past: PhraseSet,
    pub prior: FxHashSet<String>,
    /// How many parties a word implies ("bilateral": 2), by folded word.
    arity: FxHashMap<String, u8>,
    /// Relation phrases and what they mean ("during", "after", "before", "since", "then").
    pub relations: PhraseSet,
    pub deadline_words: PhraseSet,
    /// Role phrases (folded) and their group.
    pub roles: Vec<(String, String)>,
    pub groups: FxHashSet<String>,
    pub stop: FxHashSet<String>,
    pub numbers: Vec<(String, u32)>,
    pub past_verbs: FxHashSet<String>,
    pub locative: FxHashSet<String>,
    pub light_verbs: PhraseSet,
    /// Verbs that tell the course of a gathering or a deal ("wrapped up", "began", "collapsed").
    pub aspect_verbs: PhraseSet,
    pub pronouns: FxHashSet<String>,
    /// Armed forces a country's adjective names as an attacker ("Russian forces").
    pub forces: FxHashSet<String>,
    /// Bodies that a country's adjective names as a party ("the Chinese delegation").
    pub parties: FxHashSet<String>,
    /// Speech verbs that can make a statement event, the ones that do on their own, and the
    /// words before a verb that make it no statement made.
    pub statement_verbs: FxHashSet<String>,
    pub public_verbs: FxHashSet<String>,
    pub statement_not_prev: FxHashSet<String>,
    /// Where a statement was made ("told reporters"), with the noun a title gives it.
    pub channels: PhraseSet,
    /// Ordinal words ("second" → 2) before an event noun.
    pub ordinals: FxHashMap<String, u8>,
    single_forms: FxHashSet<String>,
    /// Single-word forms of speech verbs ("said", "told").
    reporting_forms: FxHashSet<String>,
    role_words: FxHashSet<String>,
    /// For each last word of a role phrase, the indices of [`Lexicon::roles`] that end in it, in order.
    roles_by_last: FxHashMap<String, Vec<usize>>,
    /// [`Lexicon::numbers`] by word, the first of a word kept.
    number_words: FxHashMap<String, u32>,
}

fn longest_first(mut v: Vec<(String, String)>) -> Vec<(String, String)> {
    v.sort_by(|a, b| {
        b.0.split_whitespace()
            .count()
            .cmp(&a.0.split_whitespace().count())
            .then(a.0.cmp(&b.0))
    });
    v
}

impl Lexicon {
    /// The lexicon embedded in the binary, parsed once.
    pub fn embedded() -> &'static Lexicon {
        static L: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        L.get_or_init(|| {
            Lexicon::parse(include_str!("../../../assets/events.toml"))
                .expect("assets/events.toml is valid")
        })
    }

    /// Parses a lexicon in the `events.toml` format.
    pub fn parse(src: &str) -> Result<Lexicon, String> {
        let raw: RawLexicon = toml::from_str(src).map_err(|e| e.to_string())?;
        let mut triggers = Vec::new();
        let mut forms = Vec::new();
        let mut form_entry = Vec::new();
        for t in raw.trigger {
            let kind =
                EventKind::parse(&t.kind).ok_or_else(|| format!("unknown kind {}", t.kind))?;
            let family = t.family.unwrap_or_else(|| t.kind.clone());
            for f in &t.forms {
                forms.push(fold(f));
                form_entry.push(triggers.len());
            }
            triggers.push(Trigger {
                kind,
                class: t.class,
                pos: t.pos,
                noun: t.noun,
                verb: t.verb,
                done: t.done,
                host: t.host,
                object: t.object,
                family,
                not_next: t.not_next.iter().map(|s| fold(s)).collect(),
                not_prev: t.not_prev.iter().map(|s| fold(s)).collect(),
            });
        }
        // Built once, and every document is searched with it.
        let matcher = Dictionary::new(&forms, true, WordChars::AlphanumericOrHyphen)?;
        let mut roles = Vec::new();
        for (group, phrases) in raw.roles {
            for p in phrases {
                roles.push((fold(&p), group.clone()));
            }
        }
        let single_forms = forms.iter().filter(|f| !f.contains(' ')).cloned().collect();
        let reporting_forms = forms
            .iter()
            .zip(&form_entry)
            .filter(|(f, e)| !f.contains(' ') && triggers[**e].class == Class::Reporting)
            .map(|(f, _)| f.clone())
            .collect();
        let role_words = roles
            .iter()
            .flat_map(|(p, _)| p.split_whitespace().map(str::to_string))
            .collect();
        let roles = longest_first(roles);
        let mut roles_by_last: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, (p, _)) in roles.iter().enumerate() {
            if let Some(last) = p.split_whitespace().next_back() {
                roles_by_last.entry(last.to_string()).or_default().push(i);
            }
        }
        let numbers: Vec<(String, u32)> = raw.words.numbers.into_iter().collect();
        let mut number_words = FxHashMap::default();
        for (w, n) in &numbers {
            number_words.entry(w.clone()).or_insert(*n);
        }
        Ok(Lexicon {
            roles_by_last,
            number_words,
            single_forms,
            reporting_forms,
            role_words,
            triggers,
            form_entry,
            matcher,
            planned: PhraseSet::of(&raw.status.planned),
            planned_after: PhraseSet::of(&raw.status.planned_after),
            past: PhraseSet::of(&raw.status.past),
            prior: words(raw.status.prior),
            arity: first_of_each(raw.arity.into_iter().map(|(k, v)| (fold(&k), v))),
            relations: PhraseSet::new(raw.relations),
            deadline_words: PhraseSet::of(&raw.deadline.before_timex),
            roles,
            groups: words(raw.groups.nouns),
            stop: words(raw.words.stop),
            numbers,
            past_verbs: words(raw.words.past_verbs),
            locative: words(raw.words.locative),
            light_verbs: PhraseSet::of(&raw.words.light_verbs),
            aspect_verbs: PhraseSet::of(&raw.words.aspect_verbs),
            pronouns: words(raw.words.pronouns),
            forces: words(raw.words.forces),
            parties: words(raw.words.parties),
            ordinals: raw
                .ordinals
                .into_iter()
                .map(|(k, v)| (fold(&k), v))
                .collect(),
            statement_verbs: words(raw.statements.verbs),
            public_verbs: words(raw.statements.public),
            statement_not_prev: words(raw.statements.not_prev),
            channels: PhraseSet::new(
                raw.statements
                    .channels
                    .into_iter()
                    .map(|(k, v)| (fold(&k), v)),
            ),
        })
    }

    /// Trigger words in `text` (whole words only), with the `not_next`/`not_prev` exclusions applied.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        // The matcher folds ASCII case only; curly apostrophes in forms are folded in the text too.
        for m in self.matcher.find_iter(text) {
            let (s, e) = (m.start, m.end);
            let entry = self.form_entry[m.pattern];
            let t = &self.triggers[entry];
            // The neighbouring words are read only for triggers that have exclusions.
            if !t.not_next.is_empty() {
                let next = next_words(text, e);
                if t.not_next.iter().any(|w| starts_with_words(&next, w)) {
                    continue;
                }
            }
            if !t.not_prev.is_empty() && t.not_prev.contains(&prev_word(text, s)) {
                continue;
            }
            out.push(Hit {
                span: Span::new(s, e),
                entry,
            });
        }
        out
    }

    pub fn trigger(&self, hit: Hit) -> &Trigger {
        &self.triggers[hit.entry]
    }

    /// The group of a role phrase ("chief" → "head").
    pub fn role_group(&self, phrase: &str) -> Option<&str> {
        self.roles
            .iter()
            .find(|(p, _)| p == phrase)
            .map(|(_, g)| g.as_str())
    }

    /// How many parties a folded word implies, if it says.
    pub fn arity(&self, word: &str) -> Option<u8> {
        self.arity.get(word).copied()
    }

    /// The role phrases (as [`Lexicon::roles`], in its order) whose last word is `word`.
    pub fn roles_ending_in(&self, word: &str) -> impl Iterator<Item = &(String, String)> {
        self.roles_by_last
            .get(word)
            .into_iter()
            .flatten()
            .map(|&i| &self.roles[i])
    }

    /// Whether a single word is a trigger form on its own.
    pub fn trigger_word(&self, word: &str) -> bool {
        self.single_forms.contains(word)
    }

    /// Whether a single word is a speech verb ("said", "told").
    pub fn reporting_form(&self, word: &str) -> bool {
        self.reporting_forms.contains(word)
    }

    /// Whether a word is part of some role phrase ("secretary", "chief").
    pub fn role_word(&self, word: &str) -> bool {
        self.role_words.contains(word)
    }

    pub fn is_stop(&self, word: &str) -> bool {
        self.stop.contains(word)
    }

    pub fn number(&self, word: &str) -> Option<u32> {
        word.parse()
            .ok()
            .or_else(|| self.number_words.get(word).copied())
    }
}

/// A map that keeps the first value given for each key (as a search of the list in order would).
fn first_of_each<V>(items: impl IntoIterator<Item = (String, V)>) -> FxHashMap<String, V> {
    let mut map = FxHashMap::default();
    for (k, v) in items {
        map.entry(k).or_insert(v);
    }
    map
}

fn words(v: Vec<String>) -> FxHashSet<String> {
    v.iter().map(|s| fold(s)).collect()
}

/// Up to 40 bytes of folded words after `offset`, single-spaced.
fn next_words(text: &str, offset: usize) -> String {
    let rest = text.get(offset..).unwrap_or("");
    let mut s = String::new();
    for w in rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .take(3)
    {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&fold(w));
    }
    s
}

fn starts_with_words(hay: &str, needle: &str) -> bool {
    hay == needle || hay.starts_with(&format!("{needle} "))
}

fn prev_word(text: &str, offset: usize) -> String {
    let before = text.get(..offset).unwrap_or("");
    fold(before.split_whitespace().next_back().unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_phrases_are_found_by_their_last_word_in_list_order() {
        let lx = Lexicon::embedded();
        assert!(!lx.roles.is_empty());
        for (phrase, _) in &lx.roles {
            let last = phrase.split_whitespace().next_back().unwrap_or("");
            let listed: Vec<&String> = lx
                .roles
                .iter()
                .filter(|(p, _)| p.split_whitespace().next_back() == Some(last))
                .map(|(p, _)| p)
                .collect();
            let found: Vec<&String> = lx.roles_ending_in(last).map(|(p, _)| p).collect();
            assert_eq!(found, listed);
        }
        assert_eq!(lx.roles_ending_in("zzqx").count(), 0);
    }

    #[test]
    fn numbers_read_digits_and_the_first_listed_word() {
        let lx = Lexicon::embedded();
        assert_eq!(lx.number("12"), Some(12));
        for (w, n) in &lx.numbers {
            let first = lx.numbers.iter().find(|(o, _)| o == w).map(|(_, v)| *v);
            assert_eq!(lx.number(w), first.or(Some(*n)));
        }
        assert_eq!(lx.number("zzqx"), None);
    }

    fn kinds(text: &str) -> Vec<(String, EventKind)> {
        let lx = Lexicon::embedded();
        lx.find(text)
            .into_iter()
            .map(|h| (h.span.slice(text).to_string(), lx.trigger(h).kind))
            .collect()
    }

    #[test]
    fn finds_multiword_triggers_on_word_boundaries() {
        let found = kinds("Holt held a phone call with Marsh; the metal talks-show hosted nobody.");
        assert!(found.contains(&("phone call".into(), EventKind::Call)));
        assert!(found.contains(&("hosted".into(), EventKind::Meeting)));
        assert!(!found.iter().any(|(w, _)| w == "met" || w == "talks"));
    }

    #[test]
    fn exclusions_stop_idioms() {
        assert!(kinds("She struck a careful tone.").is_empty());
        assert!(kinds("It was an overt sign of support.").is_empty());
        assert_eq!(kinds("Troops struck the depot.").len(), 1);
    }

    #[test]
    fn every_cue_table_is_loaded() {
        let lx = Lexicon::embedded();
        assert!(lx.planned.contains("will") && lx.relations.contains("during"));
        assert!(!lx.roles.is_empty());
        assert_eq!(lx.role_group("chief"), lx.role_group("secretary general"));
        assert_ne!(
            lx.role_group("chancellor"),
            lx.role_group("opposition leader")
        );
        assert_eq!(lx.number("seven"), Some(7));
        assert_eq!(lx.number("12"), Some(12));
    }
}
