//! Who is mentioned: gazetteer names, aliases and surnames, role phrases, and people the text
//! introduces itself. Invented people in a small test gazetteer, plus checks of the bundled one.

use attache::extract::actors::{ActorMention, Gazetteer, Kind, find_actors};
use attache::model::{Actor, Document, Span};
use std::sync::OnceLock;

const CAST: &str = r#"
[roles]
"president" = ["president"]
"leader" = ["president", "prime minister"]
"foreign minister" = ["foreign minister"]

[[country]]
name = "Freedonia"
adjectives = ["Freedonian"]
aliases = ["FRD"]
[[country]]
name = "Sylvania"
adjectives = ["Sylvanian"]

[[person]]
name = "Rufus Firefly"
aliases = ["Rufus T. Firefly", "Rufus Fyrefly"]
gender = "m"
country = "Freedonia"
roles = ["President | Freedonia | 2020-"]
[[person]]
name = "Luigi Trentino"
gender = "m"
country = "Sylvania"
roles = ["President | Sylvania | 2019-"]
[[person]]
name = "Ana Trentino"
gender = "f"
country = "Sylvania"
roles = ["Foreign Minister | Sylvania | 2021-"]
[[person]]
name = "Gloria Park"
strict = true
gender = "f"
country = "Freedonia"
roles = ["Foreign Minister | Freedonia | 2019-2023"]
[[person]]
name = "Hugo Ortiz-Baño"
gender = "m"
country = "Sylvania"
"#;

fn cast() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        Gazetteer::from_toml(CAST, include_str!("../assets/names.toml")).expect("test cast")
    })
}

fn doc(text: &str) -> Document {
    Document {
        id: "t".into(),
        text: text.into(),
        ..Document::default()
    }
}

fn find(text: &str) -> (Vec<ActorMention>, Vec<Actor>) {
    find_actors(&doc(text), cast())
}

/// (mentioned text, actor, via) for each mention.
fn mentions(text: &str) -> Vec<(String, String, String)> {
    find(text)
        .0
        .into_iter()
        .map(|m| (text[m.span.range()].to_string(), m.actor, m.via))
        .collect()
}

fn m(s: &str, actor: &str, via: &str) -> (String, String, String) {
    (s.into(), actor.into(), via.into())
}

#[test]
fn names_aliases_and_surnames_resolve_to_the_canonical_name() {
    assert_eq!(
        mentions("Rufus Fyrefly spoke. Later Firefly left FRD for Sylvania."),
        vec![
            m("Rufus Fyrefly", "Rufus Firefly", "alias"),
            m("Firefly", "Rufus Firefly", "surname"),
            m("FRD", "Freedonia", "alias"),
            m("Sylvania", "Sylvania", "name"),
        ]
    );
}

#[test]
fn accents_are_optional_in_the_text() {
    let got = mentions("Hugo Ortiz-Bano arrived; Ortiz-Baño spoke.");
    assert_eq!(got[0].1, "Hugo Ortiz-Baño");
    assert_eq!(got[1].1, "Hugo Ortiz-Baño");
}

#[test]
fn a_shared_surname_needs_the_full_name_first() {
    // Two Trentinos: the surname alone is ambiguous until one of them was named in full.
    assert!(mentions("Trentino spoke first.").is_empty());
    let got = mentions("Ana Trentino flew in. Trentino spoke first.");
    assert_eq!(got[1], m("Trentino", "Ana Trentino", "surname"));
}

#[test]
fn a_strict_surname_needs_the_full_name_first() {
    assert!(mentions("Park said nothing.").is_empty());
    assert_eq!(mentions("Gloria Park came. Park said nothing.").len(), 2);
}

#[test]
fn a_surname_inside_someone_elses_name_is_not_the_actor() {
    // "Firefly" here is the surname of someone the gazetteer does not know.
    let got = mentions("Bertram Firefly, the president's cousin, stayed home.");
    assert!(got.iter().all(|x| x.1 != "Rufus Firefly"), "{got:?}");
}

#[test]
fn role_phrases_resolve_to_the_nearest_compatible_actor() {
    let got = mentions(
        "Firefly met Luigi Trentino. The Sylvanian president said little, and the Freedonian leader left.",
    );
    assert!(got.contains(&m("The Sylvanian president", "Luigi Trentino", "role")));
    assert!(got.contains(&m("the Freedonian leader", "Rufus Firefly", "role")));
}

#[test]
fn a_role_phrase_with_a_body_falls_back_to_the_role_holder() {
    let got = mentions("The Freedonian president was absent.");
    assert_eq!(
        got,
        vec![m(
            "The Freedonian president",
            "Rufus Firefly",
            "role-holder"
        )]
    );
}

#[test]
fn a_bare_role_phrase_with_two_candidates_stays_unresolved() {
    let got = mentions("Firefly met Luigi Trentino. The president said little.");
    assert!(
        got.iter().all(|x| !x.0.starts_with("The president")),
        "{got:?}"
    );
}

#[test]
fn a_title_before_a_name_is_not_a_separate_mention() {
    let got = mentions("Freedonian President Rufus Firefly arrived.");
    assert_eq!(got, vec![m("Rufus Firefly", "Rufus Firefly", "name")]);
}

#[test]
fn people_introduced_with_a_role_become_new_actors() {
    let text = "Mara Quill of the Harbor Institute said talks were useful. \
                Tom Bray, a fellow at the Lantern Foundation, disagreed. \
                Palace aide Ivo Petran declined to comment. \
                Later Quill and Bray met Petran.";
    let (ms, new) = find(text);
    let names: Vec<&str> = new.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, vec!["Mara Quill", "Tom Bray", "Ivo Petran"]);
    assert!(new.iter().all(|a| !a.known));
    assert_eq!(new[1].roles, vec!["a fellow at the Lantern Foundation"]);
    let later: Vec<(&str, &str)> = ms
        .iter()
        .filter(|m| m.via == "new-surname")
        .map(|m| (&text[m.span.range()], m.actor.as_str()))
        .collect();
    assert_eq!(
        later,
        vec![
            ("Quill", "Mara Quill"),
            ("Bray", "Tom Bray"),
            ("Petran", "Ivo Petran")
        ]
    );
}

#[test]
fn a_particle_hyphenated_to_the_surname_is_part_of_the_name() {
    let text = "Freedonian Foreign Minister Karim al-Rashed said talks would resume. \
                Al-Rashed spoke later, and al-Rashed said more.";
    let (ms, new) = find(text);
    let names: Vec<&str> = new.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, vec!["Karim al-Rashed"]);
    let later = ms
        .iter()
        .filter(|m| m.actor == "Karim al-Rashed" && m.via == "new-surname")
        .count();
    assert!(later >= 1, "{ms:?}");
}

#[test]
fn capitalised_phrases_without_person_evidence_are_not_people() {
    let (_, new) = find(
        "Mixed Reactions from Analysts\nThe Harbor Bridge Project stalled. Grand Canal Views reopened.",
    );
    assert!(new.is_empty(), "{new:?}");
}

#[test]
fn site_chrome_is_skipped() {
    let text = "Firefly spoke.\nREAD ALSO: Luigi Trentino in talks\n";
    let mut d = doc(text);
    d.chrome = vec![Span::new(15, text.len() - 1)];
    let (ms, _) = find_actors(&d, cast());
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].actor, "Rufus Firefly");
}

#[test]
fn mentions_come_in_text_order_without_overlaps() {
    let (ms, _) = find("Sylvania and Freedonia: Firefly, Trentino and the Sylvanian leader met.");
    for w in ms.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "{ms:?}");
    }
}

#[test]
fn gazetteer_lookups_for_other_stages() {
    let g = cast();
    assert_eq!(
        g.resolve("rufus firefly").map(|a| a.name.as_str()),
        Some("Rufus Firefly")
    );
    assert_eq!(g.resolve("Fyrefly").map(|a| a.name.as_str()), None);
    assert_eq!(
        g.resolve("Firefly").map(|a| a.name.as_str()),
        Some("Rufus Firefly")
    );
    assert_eq!(g.resolve("Trentino"), None, "ambiguous surname");
    let q = g.role_phrase("Sylvanian president").expect("a role phrase");
    assert_eq!(q.body.as_deref(), Some("Sylvania"));
    let holders: Vec<&str> = g
        .holders(&q, Some(2024))
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(holders, vec!["Luigi Trentino"]);
    let fm = g
        .role_phrase("Freedonian foreign minister")
        .expect("a role phrase");
    assert_eq!(g.holders(&fm, Some(2022)).len(), 1);
    assert!(
        g.holders(&fm, Some(2025)).is_empty(),
        "the role ended in 2023"
    );
}

#[test]
fn the_bundled_gazetteer_is_large_and_consistent() {
    let g = Gazetteer::embedded();
    assert!(g.actors.len() >= 300, "{} actors", g.actors.len());
    let mut names: Vec<&str> = g.actors.iter().map(|a| a.name.as_str()).collect();
    names.sort();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "canonical names are unique");
    for (a, e) in g.actors.iter().zip(&g.entries) {
        if e.kind == Kind::Person {
            assert!(e.gender.is_some(), "{} has a gender", a.name);
            assert_eq!(
                e.roles.len(),
                a.roles.len(),
                "every role of {} parses",
                a.name
            );
        }
        assert_eq!(
            g.index_of(&a.name).map(|i| &g.actors[i].name),
            Some(&a.name)
        );
    }
}
