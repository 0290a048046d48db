//! Places (`assets/places.toml`): names of countries, cities, regions and venues, and what each is
//! in. The nesting is what merging needs: "the Oval Office" is in "the White House", so two reports
//! of one meeting that name either can agree; "Geneva" and "Alaska" cannot.

use crate::extract::dictionary::{Dictionary, WordChars};
use crate::model::Span;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
struct RawCountry {
    #[serde(rename = "in")]
    within: String,
    capital: String,
    #[serde(default)]
    places: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawPlaces {
    regions: Vec<String>,
    countries: BTreeMap<String, RawCountry>,
    within: BTreeMap<String, String>,
    aliases: BTreeMap<String, String>,
}

/// The parsed place list.
#[derive(Debug)]
pub struct Places {
    parent: FxHashMap<String, String>,
    /// A set: whether a name is a country is asked for many words of every document.
    countries: FxHashSet<String>,
    /// Canonical name of each surface form of the matcher.
    canonical: Vec<String>,
    /// Places written with "the" ("the White House"): they have an alias "the NAME".
    articled: std::collections::HashSet<String>,
    matcher: Dictionary,
}

/// A place named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceHit {
    pub span: Span,
    pub name: String,
}

impl Places {
    pub fn embedded() -> &'static Places {
        static P: std::sync::OnceLock<Places> = std::sync::OnceLock::new();
        P.get_or_init(|| {
            Places::parse(include_str!("../../../assets/places.toml"))
                .expect("assets/places.toml is valid")
        })
    }

    pub fn parse(src: &str) -> Result<Places, String> {
        let raw: RawPlaces = toml::from_str(src).map_err(|e| e.to_string())?;
        let mut parent: FxHashMap<String, String> = FxHashMap::default();
        let mut names: Vec<String> = raw.regions.clone();
        let mut countries = Vec::new();
        for (country, c) in raw.countries {
            names.push(country.clone());
            countries.push(country.clone());
            if c.within != country {
                parent.insert(country.clone(), c.within);
            }
            for p in std::iter::once(c.capital).chain(c.places) {
                if p != country {
                    names.push(p.clone());
                    parent.entry(p).or_insert_with(|| country.clone());
                }
            }
        }
        for (p, outer) in raw.within {
            names.push(p.clone());
            if p != outer {
                parent.insert(p, outer);
            }
        }
        let mut forms: Vec<(String, String)> = names.into_iter().map(|n| (n.clone(), n)).collect();
        let articled = raw
            .aliases
            .iter()
            .filter(|(alias, name)| alias.strip_prefix("the ") == Some(name.as_str()))
            .map(|(_, name)| name.clone())
            .collect();
        forms.extend(raw.aliases);
        forms.sort();
        forms.dedup();
        // Built once, and every document is searched with it.
        let matcher =
            Dictionary::new(forms.iter().map(|(f, _)| f), false, WordChars::Alphanumeric)?;
        Ok(Places {
            articled,
            parent,
            countries: countries.into_iter().collect(),
            canonical: forms.into_iter().map(|(_, c)| c).collect(),
            matcher,
        })
    }

    /// Places named in `span` of `text`, whole words only, case-sensitive.
    pub fn find(&self, text: &str, span: Span) -> Vec<PlaceHit> {
        let Some(s) = text.get(span.range()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for m in self.matcher.find_iter(s) {
            out.push(PlaceHit {
                span: Span::new(span.start + m.start, span.start + m.end),
                name: self.canonical[m.pattern].clone(),
            });
        }
        out
    }

    /// The chain from `name` outwards: itself, what it is in, and so on.
    pub fn chain<'a>(&'a self, name: &'a str) -> Vec<&'a str> {
        let mut out = vec![name];
        let mut cur = name;
        while let Some(p) = self.parent.get(cur) {
            if out.contains(&p.as_str()) || out.len() > 12 {
                break;
            }
            out.push(p);
            cur = p;
        }
        out
    }

    /// Whether `inner` is `outer` or lies in it.
    pub fn contains(&self, outer: &str, inner: &str) -> bool {
        self.chain(inner).contains(&outer)
    }

    /// Whether two places can be where one event happened (one lies in the other).
    pub fn compatible(&self, a: &str, b: &str) -> bool {
        self.contains(a, b) || self.contains(b, a)
    }

    /// How deep a place is nested: venues are deeper than cities, cities than countries.
    pub fn depth(&self, name: &str) -> usize {
        self.chain(name).len()
    }

    /// How a title says "at/in PLACE": "at the White House", "in Alaska".
    pub fn phrase(&self, name: &str) -> String {
        if self.articled.contains(name) {
            format!("at the {name}")
        } else {
            format!("in {name}")
        }
    }

    pub fn is_country(&self, name: &str) -> bool {
        self.countries.contains(name)
    }

    /// Whether `name` is a known place at all (a place is not a person).
    pub fn is_place(&self, name: &str) -> bool {
        self.parent.contains_key(name) || self.is_country(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
regions = ["Europe"]
[countries]
Freedonia = { in = "Europe", capital = "Port Vale", places = ["Lake Ossa"] }
Sylvania = { in = "Europe", capital = "Marsh", places = [] }
[within]
"Blue Hall" = "Port Vale"
"Green Room" = "Blue Hall"
[aliases]
"the Blue Hall" = "Blue Hall"
"#;

    #[test]
    fn nesting_makes_venues_compatible_with_their_city_and_country() {
        let p = Places::parse(SMALL).unwrap();
        assert!(p.compatible("Green Room", "Blue Hall"));
        assert!(p.compatible("Freedonia", "Green Room"));
        assert!(!p.compatible("Green Room", "Marsh"));
        assert!(!p.compatible("Lake Ossa", "Port Vale"));
        assert!(p.depth("Green Room") > p.depth("Port Vale"));
        assert!(p.is_country("Sylvania") && !p.is_country("Marsh"));
        assert_eq!(p.phrase("Blue Hall"), "at the Blue Hall");
        assert_eq!(p.phrase("Marsh"), "in Marsh");
    }

    #[test]
    fn finds_places_and_aliases_on_word_boundaries() {
        let p = Places::parse(SMALL).unwrap();
        let t = "Talks in the Blue Hall of Port Vale, not Marshland.";
        let found: Vec<_> = p
            .find(t, Span::new(0, t.len()))
            .into_iter()
            .map(|h| (h.span.slice(t).to_string(), h.name))
            .collect();
        assert_eq!(
            found,
            vec![
                ("the Blue Hall".to_string(), "Blue Hall".to_string()),
                ("Port Vale".to_string(), "Port Vale".to_string())
            ]
        );
    }

    #[test]
    fn the_embedded_list_covers_the_world() {
        let p = Places::embedded();
        assert!(p.countries.len() > 150);
        // Every country lies in some region, so two countries are never "compatible".
        assert!(p.countries.iter().all(|c| p.depth(c) >= 2));
        let mut countries: Vec<&String> = p.countries.iter().collect();
        countries.sort();
        assert!(!p.compatible(countries[0], countries[1]));
    }
}
