//! Building the gazetteer from its two TOML files: parsing rows, deriving surnames and spelling
//! variants, and indexing every surface string.

use super::{Entry, Gazetteer, Gender, Kind, NameWordSets, NameWords, Role, Via};
use crate::extract::actors::tokens::{fold, phrase_key};
use crate::model::Actor;
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct ActorsFile {
    roles: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    country: Vec<CountryRow>,
    #[serde(default)]
    org: Vec<EntityRow>,
    #[serde(default)]
    person: Vec<EntityRow>,
}

#[derive(Deserialize)]
struct CountryRow {
    name: String,
    /// Names are written family name first ("Xi Jinping").
    #[serde(default)]
    family_name_first: bool,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct EntityRow {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// Overrides the surname derived from `name` ("" = match the full name only).
    surname: Option<String>,
    /// The surname alone names this actor only after the full name appeared in the document.
    #[serde(default)]
    strict: bool,
    gender: Option<String>,
    country: Option<String>,
    #[serde(default)]
    roles: Vec<String>,
    /// Words that make this organisation a modifier of a role ("Kremlin aide").
    #[serde(default)]
    adjectives: Vec<String>,
    /// Descriptions naming this organisation when it speaks ("the Israeli military said"); only
    /// quote attribution reads them (an event's actor stays the country the words name).
    #[serde(default)]
    speaking_as: Vec<String>,
    /// A person's date of birth ("1946-06-14"): an age the text gives ("the 79-year-old") dates it.
    born: Option<String>,
}

fn set(v: &[String]) -> HashSet<String> {
    v.iter().map(|s| phrase_key(s)).collect()
}

/// "President | France | 2017-" → a role.
fn parse_role(s: &str) -> Option<Role> {
    let mut parts = s.split('|').map(str::trim);
    let title = parts.next().filter(|t| !t.is_empty())?;
    let body = parts.next().filter(|b| !b.is_empty())?;
    let years = parts.next().unwrap_or("");
    let (from, to) = match years.split_once('-') {
        Some((a, b)) => (a.trim().parse().ok(), b.trim().parse().ok()),
        None => (years.parse().ok(), years.parse().ok()),
    };
    Some(Role {
        title: phrase_key(title),
        body: body.to_string(),
        from,
        to,
    })
}

/// The surname of a full name: what follows the given name ("von der Leyen"), else the last word.
fn derive_surname(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    if let Some(i) = words[1..]
        .iter()
        .position(|w| w.chars().next().is_some_and(|c| c.is_lowercase()))
    {
        return Some(words[1 + i..].join(" "));
    }
    words.last().map(|s| s.to_string())
}

/// Surface variants of a name: as written, without diacritics, and capitalised ("Von der Leyen").
fn variants(s: &str) -> Vec<String> {
    let mut out = vec![s.to_string()];
    let plain: String = s
        .chars()
        .map(crate::extract::actors::tokens::strip_diacritic)
        .collect();
    out.push(plain);
    for v in out.clone() {
        let mut c = v.chars();
        if let Some(f) = c.next()
            && f.is_lowercase()
        {
            out.push(f.to_uppercase().chain(c).collect());
        }
    }
    out.sort();
    out.dedup();
    out
}

impl Gazetteer {
    /// Builds a gazetteer from the two files' text (tests use small ones).
    pub fn from_toml(actors: &str, names: &str) -> Result<Gazetteer, toml::de::Error> {
        let file: ActorsFile = toml::from_str(actors)?;
        let words: NameWords = toml::from_str(names)?;
        let mut g = Gazetteer::default();
        for (word, titles) in &file.roles {
            g.role_words.insert(
                phrase_key(word),
                titles.iter().map(|t| phrase_key(t)).collect(),
            );
        }
        for c in &file.country {
            if c.family_name_first {
                g.family_name_first.insert(c.name.clone());
            }
            g.body_country.insert(c.name.clone(), c.name.clone());
            for m in std::iter::once(&c.name)
                .chain(&c.adjectives)
                .chain(&c.aliases)
            {
                g.bodies.insert(phrase_key(m), c.name.clone());
            }
        }
        for o in &file.org {
            for d in &o.speaking_as {
                g.speaking_as.insert(phrase_key(d), o.name.clone());
            }
            if let Some(country) = &o.country {
                g.body_country.insert(o.name.clone(), country.clone());
            }
            for m in std::iter::once(&o.name)
                .chain(&o.adjectives)
                .chain(&o.aliases)
            {
                g.bodies.insert(phrase_key(m), o.name.clone());
            }
        }
        for p in &file.person {
            g.add(p, Kind::Person);
        }
        for o in &file.org {
            g.add(o, Kind::Org);
        }
        for c in &file.country {
            let row = EntityRow {
                name: c.name.clone(),
                aliases: c.aliases.clone(),
                surname: Some(String::new()),
                strict: false,
                gender: None,
                country: Some(c.name.clone()),
                roles: Vec::new(),
                adjectives: Vec::new(),
                speaking_as: Vec::new(),
                born: None,
            };
            g.add(&row, Kind::Country);
        }
        g.title_vocab.extend(g.role_words.keys().cloned());
        for e in &g.entries {
            g.title_vocab
                .extend(e.roles.iter().map(|r| r.title.clone()));
        }
        g.role_heads.extend(g.title_vocab.iter().cloned());
        g.role_heads.extend(set(&words.person_nouns));
        g.title_vocab.extend(set(&words.person_nouns));
        g.title_vocab.extend(set(&words.title_words));
        let starts: HashSet<String> = g
            .title_vocab
            .iter()
            .chain(g.role_words.keys())
            .chain(g.bodies.keys())
            .filter_map(|k| k.split(' ').next().map(str::to_string))
            .collect();
        g.phrase_starts = starts;
        g.names = NameWordSets {
            not_names: set(&words.not_names),
            particles: set(&words.particles),
            person_nouns: set(&words.person_nouns),
            female: set(&words.female_given),
            male: set(&words.male_given),
            female_words: set(&words.female_words),
            male_words: set(&words.male_words),
            honorifics: set(&words.honorifics),
        };
        Ok(g)
    }

    fn add(&mut self, row: &EntityRow, kind: Kind) {
        let idx = self.actors.len();
        self.by_name.entry(row.name.clone()).or_insert(idx);
        let roles: Vec<Role> = row.roles.iter().filter_map(|r| parse_role(r)).collect();
        self.actors.push(Actor {
            name: row.name.clone(),
            aliases: row.aliases.clone(),
            roles: row.roles.iter().map(|r| r.replace(" | ", ", ")).collect(),
            country: row.country.clone(),
            known: true,
        });
        let surname = match &row.surname {
            Some(s) => (!s.is_empty()).then(|| s.clone()),
            None if kind == Kind::Person => derive_surname(&row.name),
            None => None,
        };
        self.entries.push(Entry {
            kind,
            gender: match row.gender.as_deref() {
                Some("f") => Some(Gender::Female),
                Some("m") => Some(Gender::Male),
                _ => None,
            },
            roles,
            strict: row.strict,
            surname: surname.clone(),
            born: row
                .born
                .as_deref()
                .and_then(|b| chrono::NaiveDate::parse_from_str(b.trim(), "%Y-%m-%d").ok()),
        });
        let mut surfaces = vec![(Via::Name, row.name.clone())];
        surfaces.extend(row.aliases.iter().map(|a| (Via::Alias, a.clone())));
        if let Some(s) = surname {
            surfaces.push((Via::Surname, s));
        }
        for (via, s) in surfaces {
            self.by_key.entry(fold(&s)).or_default().push(idx);
            for v in variants(&s) {
                let slot = self.surfaces.entry(v).or_insert((via, Vec::new()));
                if via < slot.0 {
                    // A full name or alias beats another actor's surname.
                    *slot = (via, vec![idx]);
                } else if via == slot.0 && !slot.1.contains(&idx) {
                    slot.1.push(idx);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_with_open_and_closed_years() {
        let r = parse_role("Foreign Minister | Freedonia | 2019-2023").expect("a role");
        assert_eq!(
            (r.title.as_str(), r.body.as_str()),
            ("foreign minister", "Freedonia")
        );
        assert_eq!((r.from, r.to), (Some(2019), Some(2023)));
        let r = parse_role("President | Freedonia | 2020-").expect("a role");
        assert_eq!((r.from, r.to), (Some(2020), None));
        assert!(r.held_in(None) && r.held_in(Some(2021)) && !r.held_in(Some(2019)));
        assert_eq!(parse_role("President"), None);
    }

    #[test]
    fn surnames_keep_their_particles() {
        assert_eq!(
            derive_surname("Jane van der Holt").as_deref(),
            Some("van der Holt")
        );
        assert_eq!(derive_surname("Jane Q. Holt").as_deref(), Some("Holt"));
        assert_eq!(derive_surname("Holt"), None);
    }

    #[test]
    fn variants_add_plain_and_capitalised_forms() {
        let v = variants("von Müller");
        assert!(v.contains(&"Von Müller".to_string()));
        assert!(v.contains(&"von Muller".to_string()));
    }
}
