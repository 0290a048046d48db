//! The words quote attribution reads: speech verbs, scare-quote markers, pronouns and the small
//! grammar words that tell a subject from an object. They are data (`assets/speech.toml`), read once.

use crate::extract::actors::tokens::{Tok, TokKind, glued, phrase_key};
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;

#[derive(Deserialize)]
struct SpeechFile {
    verbs: Vec<String>,
    base_form_after: Vec<String>,
    passive: Vec<String>,
    skip: Vec<String>,
    prepositions: Vec<String>,
    openers: Vec<String>,
    relatives: Vec<String>,
    scare_markers: Vec<String>,
    according: Vec<String>,
    male_pronouns: Vec<String>,
    female_pronouns: Vec<String>,
    plural_pronouns: Vec<String>,
    audience: Vec<String>,
    #[serde(default)]
    body_nouns: Vec<String>,
    #[serde(default)]
    speaking_nouns: Vec<String>,
    #[serde(default)]
    record_nouns: Vec<String>,
    #[serde(default)]
    document_nouns: Vec<String>,
    #[serde(default)]
    reporting_verbs: Vec<String>,
    #[serde(default)]
    reporting_bare: Vec<String>,
}

/// The attribution word lists as sets of lowercase keys.
#[derive(Debug, Default)]
pub struct Lexicon {
    verbs: HashSet<String>,
    /// Base forms ("say", "call"): verbs only after a pronoun, a modal or "to".
    bases: HashSet<String>,
    base_form_after: HashSet<String>,
    /// Multi-word verbs ("point out") as token lists.
    phrasal: Vec<Vec<String>>,
    pub passive: HashSet<String>,
    pub skip: HashSet<String>,
    pub prepositions: HashSet<String>,
    pub openers: HashSet<String>,
    pub relatives: HashSet<String>,
    /// Scare markers as token lists ("so called", "the term").
    pub scare_markers: Vec<Vec<String>>,
    pub according: Vec<Vec<String>>,
    pub male: HashSet<String>,
    pub female: HashSet<String>,
    pub plural: HashSet<String>,
    pub audience: Vec<Vec<String>>,
    /// Nouns heading a description of an organisation ("the militant group").
    pub body_nouns: HashSet<String>,
    /// Nouns that make a body's adjective a speaker ("the Chinese delegation"), as word lists.
    pub speaking_nouns: Vec<Vec<String>>,
    /// Records of what someone said ("the readout said"): they speak for whoever issued them.
    pub record_nouns: HashSet<String>,
    /// Documents that speak for themselves ("the plan said").
    pub document_nouns: HashSet<String>,
    /// Verb forms that report speech without quotation marks ("said", "warned").
    pub reporting: HashSet<String>,
    /// Reporting verbs whose clause may come without "that" ("said the talks had stalled").
    pub reporting_bare: HashSet<String>,
}

fn set(v: &[String]) -> HashSet<String> {
    v.iter().map(|s| phrase_key(s)).collect()
}

fn phrases(v: &[String]) -> Vec<Vec<String>> {
    v.iter()
        .map(|s| phrase_key(s).split(' ').map(str::to_string).collect())
        .collect()
}

const DETERMINERS: [&str; 12] = [
    "a", "an", "the", "his", "her", "their", "its", "our", "my", "this", "that", "phone",
];

impl Lexicon {
    /// The lexicon of the embedded `assets/speech.toml`.
    pub fn embedded() -> &'static Lexicon {
        static L: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        L.get_or_init(|| {
            Lexicon::from_toml(include_str!("../../../assets/speech.toml"))
                .expect("assets/speech.toml is valid")
        })
    }

    pub fn from_toml(s: &str) -> Result<Lexicon, toml::de::Error> {
        let f: SpeechFile = toml::from_str(s)?;
        let mut forms: Vec<String> = Vec::new();
        let mut bases: Vec<String> = Vec::new();
        for group in &f.verbs {
            let mut parts = group.split('|').map(str::trim).filter(|p| !p.is_empty());
            if let Some(base) = parts.next() {
                bases.push(base.to_string());
                forms.push(base.to_string());
            }
            forms.extend(parts.map(str::to_string));
        }
        let (single, multi): (Vec<String>, Vec<String>) =
            forms.into_iter().partition(|v| !v.contains(' '));
        Ok(Lexicon {
            verbs: set(&single),
            bases: set(&bases),
            base_form_after: set(&f.base_form_after),
            phrasal: phrases(&multi),
            passive: set(&f.passive),
            skip: set(&f.skip),
            prepositions: set(&f.prepositions),
            openers: set(&f.openers),
            relatives: set(&f.relatives),
            scare_markers: phrases(&f.scare_markers),
            according: phrases(&f.according),
            male: set(&f.male_pronouns),
            female: set(&f.female_pronouns),
            plural: set(&f.plural_pronouns),
            audience: phrases(&f.audience),
            body_nouns: set(&f.body_nouns),
            speaking_nouns: phrases(&f.speaking_nouns),
            record_nouns: set(&f.record_nouns),
            document_nouns: set(&f.document_nouns),
            reporting: set(&f.reporting_verbs),
            reporting_bare: set(&f.reporting_bare),
        })
    }

    /// Whether a lowercase word is part of an audience phrase ("reporters", "a briefing").
    pub fn audience_word(&self, key: &str) -> bool {
        self.audience.iter().any(|a| a.iter().any(|w| w == key))
    }

    /// Whether a single lowercase word is a speech verb form.
    pub fn is_speech_verb(&self, key: &str) -> bool {
        self.verbs.contains(key)
    }

    /// If a speech verb (one or more tokens) starts at token `i`, how many tokens it spans.
    /// Capitalised words, words joined by hyphens ("so-called") and nouns after a determiner
    /// ("a phone call", "his remarks") are not verbs.
    pub fn verb_at(&self, text: &str, toks: &[Tok], i: usize) -> Option<usize> {
        let t = toks.get(i)?;
        if !t.is_word() || t.is_capitalized(text) {
            return None;
        }
        let hyphen_before = i > 0 && toks[i - 1].punct() == Some('-') && glued(&toks[i - 1], t);
        let hyphen_after = toks
            .get(i + 1)
            .is_some_and(|n| n.punct() == Some('-') && glued(t, n));
        if hyphen_before || hyphen_after {
            return None;
        }
        if i > 0 {
            let p = &toks[i - 1];
            if p.kind == TokKind::Possessive
                || DETERMINERS.contains(&phrase_key(p.text(text)).as_str())
            {
                return None;
            }
        }
        let key = phrase_key(t.text(text));
        if self.bases.contains(&key) {
            let after = i.checked_sub(1).is_some_and(|p| {
                self.base_form_after
                    .contains(&phrase_key(toks[p].text(text)))
            });
            if !after {
                return None;
            }
        }
        for p in &self.phrasal {
            if p.first() == Some(&key) && self.matches(text, toks, i, p) {
                return Some(p.len());
            }
        }
        self.verbs.contains(&key).then_some(1)
    }

    /// Whether the token keys from `i` on equal `phrase`.
    pub fn matches(&self, text: &str, toks: &[Tok], i: usize, phrase: &[String]) -> bool {
        phrase.iter().enumerate().all(|(k, w)| {
            toks.get(i + k)
                .is_some_and(|t| t.is_word() && phrase_key(t.text(text)) == *w)
        })
    }

    /// Whether a phrase from `list` ends right before token `end` (hyphens between its words are
    /// skipped: "so-called" matches "so called").
    pub fn phrase_before(
        &self,
        text: &str,
        toks: &[Tok],
        end: usize,
        list: &[Vec<String>],
    ) -> Option<usize> {
        let longest = list.iter().map(Vec::len).max().unwrap_or(0);
        let mut words: Vec<String> = Vec::with_capacity(longest);
        let mut i = end.min(toks.len());
        while i > 0 && words.len() < longest {
            i -= 1;
            let t = &toks[i];
            if t.punct() == Some('-') {
                continue;
            }
            if !t.is_word() {
                break;
            }
            words.push(phrase_key(t.text(text)));
        }
        list.iter()
            .filter(|p| p.len() <= words.len() && p.iter().rev().zip(&words).all(|(a, b)| a == b))
            .map(Vec::len)
            .max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::actors::tokens::tokenize;

    fn verbs(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        let lex = Lexicon::embedded();
        (0..toks.len())
            .filter(|&i| lex.verb_at(text, &toks, i).is_some())
            .map(|i| toks[i].text(text))
            .collect()
    }

    #[test]
    fn speech_verbs_are_found_but_nouns_and_compounds_are_not() {
        assert_eq!(
            verbs("Holt said the so-called plan, after a phone call, was called off, he added."),
            vec!["said", "called", "added"]
        );
        assert!(verbs("His remarks and the warning").is_empty());
    }

    #[test]
    fn phrasal_verbs_span_their_particle() {
        let text = "she pointed out that";
        let toks = tokenize(text);
        assert_eq!(Lexicon::embedded().verb_at(text, &toks, 1), Some(2));
    }
}
