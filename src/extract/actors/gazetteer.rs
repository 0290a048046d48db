//! The actor gazetteer: people, organisations and countries of diplomacy news, read once from
//! `assets/actors.toml` (who is who) and `assets/names.toml` (how names and titles look).
//!
//! Everything the extractor knows about particular actors lives in those files; this module only
//! turns them into lookups: a name, alias or surname to an actor; a role phrase ("French president",
//! "NATO chief") to the actors who held that role in a given year.

mod load;

use super::tokens::{fold, phrase_key};
use crate::model::Actor;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

/// The `assets/names.toml` word lists.
#[derive(Deserialize, Default)]
pub struct NameWords {
    /// Capitalised words that are never part of a person's name ("University", "Monday").
    pub not_names: Vec<String>,
    /// Lowercase name particles ("von", "bin").
    pub particles: Vec<String>,
    /// Nouns that describe a person in an appositive or before a name ("analyst", "fellow").
    pub person_nouns: Vec<String>,
    /// Modifiers inside titles ("former", "deputy", "opposition").
    pub title_words: Vec<String>,
    pub female_given: Vec<String>,
    pub male_given: Vec<String>,
    pub female_words: Vec<String>,
    pub male_words: Vec<String>,
    /// Short titles before a name, often with a dot ("Mr", "Gen.", "Sen.").
    pub honorifics: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Org,
    Country,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// A role an actor held: title, the body (country or organisation) and the years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Lowercase title ("secretary general").
    pub title: String,
    /// Canonical name of the country or organisation.
    pub body: String,
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl Role {
    /// Held in `year`; with no year, whether the role is current (no end year).
    pub fn held_in(&self, year: Option<i32>) -> bool {
        match year {
            Some(y) => self.from.is_none_or(|f| f <= y) && self.to.is_none_or(|t| t >= y),
            None => self.to.is_none(),
        }
    }
}

/// What the gazetteer knows about one actor beyond the exported [`Actor`].
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: Kind,
    pub gender: Option<Gender>,
    pub roles: Vec<Role>,
    /// The surname alone names the actor only after a full mention.
    pub strict: bool,
    /// The name a second mention uses ("Xi" for a family name written first), if any.
    pub surname: Option<String>,
    /// A person's date of birth, when known.
    pub born: Option<chrono::NaiveDate>,
}

/// How a name string in the gazetteer names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Via {
    Name,
    Alias,
    Surname,
}

impl Via {
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Name => "name",
            Via::Alias => "alias",
            Via::Surname => "surname",
        }
    }
}

/// A role phrase read from text: the titles it can mean and, if named, the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleQuery {
    pub titles: Vec<String>,
    pub word: String,
    pub body: Option<String>,
}

/// The known actors and the word lists, loaded once from `assets/`.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// The actors, in file order (persons, then organisations, then countries).
    pub actors: Vec<Actor>,
    /// Parallel to `actors`.
    pub entries: Vec<Entry>,
    /// Exact surface strings (names, aliases, surnames and their variants) → actors.
    pub(crate) surfaces: HashMap<String, (Via, Vec<usize>)>,
    by_key: HashMap<String, Vec<usize>>,
    /// Canonical name → index.
    by_name: HashMap<String, usize>,
    /// Role word key → title keys it can stand for.
    role_words: HashMap<String, Vec<String>>,
    /// Modifier key ("french", "us", "kremlin") → body name.
    bodies: HashMap<String, String>,
    /// Body name → its country (an organisation's home country, or the country itself).
    body_country: HashMap<String, String>,
    /// Phrase key of a description ("israeli military") → the organisation it names as a speaker.
    speaking_as: HashMap<String, String>,
    /// Countries whose names are written family name first.
    family_name_first: HashSet<String>,
    /// Every phrase key that can be part of a title before a name.
    title_vocab: HashSet<String>,
    /// Phrase keys that head a role: role words, person nouns, gazetteer titles.
    role_heads: HashSet<String>,
    /// First words of every title, role and body phrase.
    phrase_starts: HashSet<String>,
    pub(crate) names: NameWordSets,
    matcher: std::sync::OnceLock<Matcher>,
}

/// An Aho-Corasick automaton over every surface string, with what each pattern names.
#[derive(Debug)]
pub(crate) struct Matcher {
    pub ac: crate::extract::dictionary::Dictionary,
    pub targets: Vec<(Via, Vec<usize>)>,
}

/// `NameWords` as sets of folded keys.
#[derive(Debug, Default)]
pub(crate) struct NameWordSets {
    pub not_names: HashSet<String>,
    pub particles: HashSet<String>,
    pub person_nouns: HashSet<String>,
    pub female: HashSet<String>,
    pub male: HashSet<String>,
    pub female_words: HashSet<String>,
    pub male_words: HashSet<String>,
    pub honorifics: HashSet<String>,
}

impl Gazetteer {
    /// The gazetteer built from the embedded `assets/` files, parsed once.
    pub fn embedded() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(|| {
            Gazetteer::from_toml(
                include_str!("../../../assets/actors.toml"),
                include_str!("../../../assets/names.toml"),
            )
            .expect("assets/actors.toml and assets/names.toml are valid")
        })
    }

    /// The name matcher, built on first use.
    pub(crate) fn matcher(&self) -> &Matcher {
        self.matcher.get_or_init(|| {
            let mut keys: Vec<(&String, &(Via, Vec<usize>))> = self.surfaces.iter().collect();
            keys.sort();
            // Built once, and every document is searched with it.
            let ac = crate::extract::dictionary::Dictionary::new(
                keys.iter().map(|(k, _)| k.as_str()),
                false,
                crate::extract::dictionary::WordChars::Alphanumeric,
            )
            .expect("gazetteer names build a matcher");
            Matcher {
                ac,
                targets: keys.into_iter().map(|(_, v)| v.clone()).collect(),
            }
        })
    }

    /// The actor a name, alias or unambiguous surname stands for (case and accents ignored).
    pub fn resolve(&self, name: &str) -> Option<&Actor> {
        let hits = self.by_key.get(&fold(name.trim()))?;
        let mut unique: Vec<usize> = hits.clone();
        unique.dedup();
        (unique.len() == 1).then(|| &self.actors[unique[0]])
    }

    /// The index of the actor with this canonical name.
    pub fn index_of(&self, canonical: &str) -> Option<usize> {
        self.by_name.get(canonical).copied()
    }

    /// The gazetteer entry (kind, gender, roles) of a canonical name.
    pub fn entry(&self, canonical: &str) -> Option<&Entry> {
        self.index_of(canonical).map(|i| &self.entries[i])
    }

    /// The body ("France", "NATO") a modifier names: "French", "U.S.", "Kremlin".
    pub fn body(&self, modifier: &str) -> Option<&str> {
        self.bodies.get(&phrase_key(modifier)).map(String::as_str)
    }

    /// The organisation a description names when it speaks ("Israeli military"), if any.
    pub fn speaking_as(&self, phrase: &str) -> Option<&str> {
        self.speaking_as
            .get(&phrase_key(phrase))
            .map(String::as_str)
    }

    /// Whether people of `country` write their family name first ("Ding Xuexiang": "Ding").
    pub fn family_name_first(&self, country: &str) -> bool {
        self.family_name_first.contains(country)
    }

    /// Whether `name` is a country of the gazetteer.
    pub fn is_country(&self, name: &str) -> bool {
        self.entry(name).is_some_and(|e| e.kind == Kind::Country)
    }

    /// The country of a body (an organisation's home country, or the country itself).
    pub fn country_of_body(&self, body: &str) -> Option<&str> {
        self.body_country.get(body).map(String::as_str)
    }

    /// The titles a role word can stand for ("leader" → president, prime minister, …).
    pub fn role_word(&self, word: &str) -> Option<RoleQuery> {
        let key = phrase_key(word);
        let titles = self.role_words.get(&key)?;
        Some(RoleQuery {
            titles: titles.clone(),
            word: key,
            body: None,
        })
    }

    /// Parses a whole role phrase such as "French president", "NATO chief" or "prime minister".
    pub fn role_phrase(&self, phrase: &str) -> Option<RoleQuery> {
        let key = phrase_key(phrase);
        let words: Vec<&str> = key.split(' ').collect();
        for split in 0..words.len() {
            let (m, r) = words.split_at(split);
            let modifier = m.join(" ");
            let body = if modifier.is_empty() {
                None
            } else {
                Some(self.bodies.get(&modifier)?.clone())
            };
            if let Some(mut q) = self.role_word(&r.join(" ")) {
                q.body = body;
                return Some(q);
            }
        }
        None
    }

    /// Whether `actor` (an index) held a role matching `q` in `year` (None: currently).
    pub fn holds(&self, actor: usize, q: &RoleQuery, year: Option<i32>) -> bool {
        self.entries[actor].roles.iter().any(|r| {
            let title_ok = q.titles.contains(&r.title)
                || r.title == q.word
                || r.title.ends_with(&format!(" {}", q.word));
            let body_ok = q
                .body
                .as_deref()
                .is_none_or(|b| r.body == b || self.country_of_body(&r.body) == Some(b));
            title_ok && body_ok && (year.is_none() || r.held_in(year))
        })
    }

    /// The actors that held the role in `year` (None: currently).
    pub fn holders(&self, q: &RoleQuery, year: Option<i32>) -> Vec<&Actor> {
        (0..self.actors.len())
            .filter(|&i| {
                self.entries[i].roles.iter().any(|r| r.held_in(year)) && self.holds(i, q, year)
            })
            .map(|i| &self.actors[i])
            .collect()
    }

    /// Whether some title, role or body phrase starts with this word key.
    pub fn starts_phrase(&self, first: &str) -> bool {
        self.phrase_starts.contains(first)
    }

    /// Whether a phrase key can be part of a title before a name ("german", "chancellor", "of").
    pub fn is_title_word(&self, key: &str) -> bool {
        self.title_vocab.contains(key) || self.bodies.contains_key(key)
    }

    /// Whether a phrase key is a role head ("president", "aide", "analyst").
    pub fn is_role_head(&self, key: &str) -> bool {
        self.role_heads.contains(key)
    }

    /// The gender a given name or a gendered word ("spokeswoman", "Mrs") suggests.
    pub fn gender_hint(&self, word: &str) -> Option<Gender> {
        let k = phrase_key(word);
        if self.names.female.contains(&k) || self.names.female_words.contains(&k) {
            Some(Gender::Female)
        } else if self.names.male.contains(&k) || self.names.male_words.contains(&k) {
            Some(Gender::Male)
        } else {
            None
        }
    }
}
