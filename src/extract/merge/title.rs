//! One-line titles built from an event's parts — who, what, where — never copied from a headline:
//! "A hosts B and European leaders at the Blue Hall", "A–B phone call", "A signs minerals deal".

use crate::extract::actors::Gazetteer;
use crate::extract::events::lexicon::{Lexicon, Pos};
use crate::extract::events::places::Places;
use crate::extract::events::tokens::{fold, tokenize};
use crate::model::{Event, EventKind, Mention, Span};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;

/// The title of a merged event.
pub fn title(e: &Event, places: &Places) -> String {
    let names: Vec<String> = e.actors.iter().map(|a| short_name(a, places)).collect();
    let at = e.place.as_deref().map(|p| places.phrase(p));
    let host = most_common(e.mentions.iter().filter_map(|m| m.cues.host.as_deref()));
    let group = most_common(e.mentions.iter().filter_map(|m| m.cues.group.as_deref()));
    let t = match e.kind {
        EventKind::Meeting | EventKind::Summit | EventKind::Negotiation => {
            meeting_title(e, &names, host, group, places)
        }
        EventKind::Call => format!("{} phone call", dashed(&names, 2)),
        EventKind::Statement => statement_title(e, &names),
        _ => action_title(e, &names, places),
    };
    let t = match at {
        // Not when the title already names it ("Attacks of Odesa").
        Some(at)
            if !t.contains(&at)
                && !e.place.as_deref().is_some_and(|p| t.contains(p))
                && needs_place(e) =>
        {
            format!("{t} {at}")
        }
        _ => t,
    };
    sentence_case(t.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// "Holt remarks to reporters", "Ministry of Defence statement": who, and how it was said (the
/// channel most mentions name; "statement" when none does).
fn statement_title(e: &Event, names: &[String]) -> String {
    let noun = most_common(
        e.mentions
            .iter()
            .filter(|m| m.kind == EventKind::Statement && m.cues.noun != "statement")
            .map(|m| m.cues.noun.as_str()),
    )
    .unwrap_or_else(|| "statement".to_string());
    let who = dashed(names, 2);
    if who.is_empty() {
        capital_noun(&noun)
    } else {
        format!("{who} {noun}")
    }
}

fn needs_place(e: &Event) -> bool {
    !matches!(e.kind, EventKind::Call | EventKind::Deadline)
}

fn meeting_title(
    e: &Event,
    names: &[String],
    host: Option<String>,
    group: Option<String>,
    places: &Places,
) -> String {
    let at = e
        .place
        .as_deref()
        .map(|p| places.phrase(p))
        .unwrap_or_default();
    // "the NATO summit", "an EU summit": a body naming the summit is its name, not a party.
    if e.kind == EventKind::Summit
        && let Some(body) = e.mentions.iter().find_map(|m| {
            let at = m.text.find(&m.trigger)?;
            let before = m.text[..at].trim_end();
            e.actors
                .iter()
                .filter(|a| is_body(a))
                .map(|a| short_name(a, places))
                .find(|a| before.ends_with(a.as_str()))
        })
    {
        return format!("{body} summit {at}");
    }
    let planned_parties = e.status == crate::model::Status::Planned
        && e.mentions.iter().any(|m| m.cues.arity.is_some());
    if let Some(h) = host
        .filter(|_| !planned_parties)
        .and_then(|h| e.actors.iter().position(|a| *a == h))
    {
        let others: Vec<&String> = names
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != h)
            .map(|(_, n)| n)
            .collect();
        let guests = match (others.first(), group.clone()) {
            (Some(a), Some(g)) => format!("{a} and {g}"),
            (Some(a), None) if others.len() >= 3 => format!("{a} and {} others", others.len() - 1),
            (Some(_), None) => join_and(&others),
            (None, Some(g)) => g,
            (None, None) => String::new(),
        };
        if !guests.is_empty() {
            return format!("{} hosts {guests} {at}", names[h]);
        }
    }
    let arity = e
        .mentions
        .iter()
        .find_map(|m| m.cues.arity)
        .map(usize::from);
    if let Some(n) = arity
        && names.len() >= n
    {
        let noun = if e.kind == EventKind::Summit {
            "summit".to_string()
        } else {
            best_noun(e)
        };
        return format!("{} {noun}", dashed(names, n));
    }
    if names.len() >= 4 {
        let rest = match group {
            Some(g) => g,
            None => format!("{} others", names.len() - 2),
        };
        return format!("{} meets {} and {rest} {at}", names[0], names[1]);
    }
    let n = match e.mentions.iter().find_map(|m| m.cues.arity) {
        Some(a) => a as usize,
        None => 2,
    };
    let noun = if e.kind == EventKind::Summit {
        "summit".to_string()
    } else {
        best_noun(e)
    };
    let who = dashed(names, n);
    match (who.is_empty(), group) {
        (false, _) => format!("{who} {noun}"),
        (true, Some(g)) => format!(
            "{g} {}",
            verb_of(e).unwrap_or_else(|| format!("hold {noun}"))
        ),
        (true, None) => {
            // "Talks over the shared port": what the event is about.
            let about = e
                .mentions
                .iter()
                .map(|m| (fold(&m.trigger), about_phrase(m)))
                .find(|(_, a)| !a.is_empty());
            match about {
                Some((word, a)) => format!("{} {a}", capital_noun(&word)),
                None => capital_noun(&noun),
            }
        }
    }
}

/// "A signs long-term minerals deal", "Annexation of B and C", "A's attacks kill at least 14".
fn action_title(e: &Event, names: &[String], places: &Places) -> String {
    let lx = Lexicon::embedded();
    // A mention with a verb tells the event best ("Holt signed the accord").
    let best = e
        .mentions
        .iter()
        .find(|m| m.cues.is_verb && !m.cues.reference)
        .or_else(|| e.mentions.iter().find(|m| m.cues.is_verb));
    // The agent is the subject of that verb (its first person named before the trigger), not
    // whoever the event's sources name most.
    let subjects: Vec<String> = best
        .and_then(|m| {
            let at = m.text.find(&m.trigger)?;
            let before = &m.text[..at];
            let found: Vec<String> = m
                .actors
                .iter()
                .map(|a| short_name(a, places))
                .filter(|a| before.contains(a.as_str()))
                .collect();
            // "Holt and Vance signed": two subjects joined by "and".
            Some(match found.as_slice() {
                [a, b, ..] if before.contains(&format!("{a} and {b}")) => {
                    vec![a.clone(), b.clone()]
                }
                [a, ..] => vec![a.clone()],
                [] => Vec::new(),
            })
        })
        .unwrap_or_default();
    let plural = subjects.len() > 1;
    let agent = match subjects.as_slice() {
        [a, b] => format!("{a} and {b}"),
        [a] => a.clone(),
        _ => names.first().cloned().unwrap_or_default(),
    };
    let noun = best_noun(e);
    let detail = |field: &str| {
        e.mentions
            .iter()
            .flat_map(|m| m.cues.details.iter())
            .find(|d| d.field == field)
            .map(|d| d.value.clone())
    };
    if e.kind == EventKind::Deadline {
        let obj = best.map(|m| object_after(m, lx)).unwrap_or_default();
        let done = best
            .and_then(|m| lx.triggers.iter().find(|t| t.verb == m.cues.verb))
            .and_then(|t| t.done.clone());
        let deadline = detail("deadline").unwrap_or_default();
        return match (obj.is_empty(), done) {
            (false, Some(done)) => format!("{} to be {done} {deadline}", capital_noun(&obj)),
            _ => format!(
                "Deadline: {} {deadline}",
                if obj.is_empty() { noun } else { obj }
            ),
        };
    }
    // "Russian attacks kill at least 14 civilians"
    if e.kind == EventKind::Attack
        && let Some(k) = detail("killed")
    {
        let by = e
            .mentions
            .iter()
            .find_map(|m| m.cues.modifier.clone())
            .unwrap_or(agent.clone());
        let noun = if noun == "seizure" || noun == "invasion" {
            noun
        } else {
            "attacks".to_string()
        };
        return format!("{by} {noun} kill {}", lower_first(&k));
    }
    if let Some(m) = best
        && let Some(verb) = &m.cues.verb
        && (e.kind != EventKind::Attack || m.cues.is_verb)
    {
        let mut obj = object_after(m, lx);
        // "imposed sanctions on Vance": a verb ending in a preposition takes the person after it.
        if obj.is_empty()
            && verb.ends_with(" on")
            && let Some(at) = m.text.find(&m.trigger)
            && let Some(who) = m
                .actors
                .iter()
                .map(|a| short_name(a, places))
                .find(|a| m.text[at..].contains(a.as_str()) && !agent.contains(a.as_str()))
        {
            obj = who;
        }
        // Two subjects take the plural verb ("Holt and Vance sign").
        let verb = if plural {
            plural_verb(verb)
        } else {
            verb.clone()
        };
        // "Israel kills Israel": the agent is not its own object.
        if !agent.is_empty() && obj.contains(agent.as_str()) {
            obj.clear();
        }
        if obj.is_empty()
            && (agent.is_empty() || matches!(e.kind, EventKind::Attack | EventKind::Announcement))
        {
            obj = named_places(e, places);
            if !agent.is_empty() && obj.contains(agent.as_str()) {
                obj.clear();
            }
        }
        if obj.is_empty() && !agent.is_empty() {
            // "Holt–Vance agreement", "Measures by Holt": the noun, never a dangling verb.
            let noun = if m.cues.noun.is_empty() {
                best_noun(e)
            } else {
                m.cues.noun.clone()
            };
            return match e.kind {
                EventKind::Agreement => format!("{} {noun}", dashed(names, 2)),
                EventKind::Attack => attack_on(e, &agent, &noun, places),
                EventKind::Other => format!("{agent} {verb}"),
                _ => format!("{} by {agent}", capital_noun(&noun)),
            };
        }
        if agent.is_empty() {
            let subject = subject_before(m, lx);
            if !subject.is_empty() && e.kind == EventKind::Other {
                let obj = object_after(m, lx);
                return format!("{} {} {obj}", capital_noun(&subject), fold(&m.trigger));
            }
            let what = capital_noun(&m.cues.noun);
            // "agreed to keep exports flowing": what was agreed, not "Agreement of to keep".
            if let Some(rest) = obj.strip_prefix("to ") {
                return format!("{what} to {rest}");
            }
            return if obj.is_empty() {
                what
            } else {
                format!("{what} of {obj}")
            };
        }
        return format!("{agent} {verb} {obj}");
    }
    let what = if agent.is_empty() {
        capital_noun(&noun)
    } else if e.kind == EventKind::Attack {
        attack_on(e, &agent, &noun, places)
    } else {
        format!("{agent}’s {noun}")
    };
    match detail("killed") {
        Some(k) => format!("{what} kill {}", lower_first(&k)),
        None => what,
    }
}

/// "Russia’s invasion of Ukraine", "Invasion of Ukraine": the party after "of", "on" or
/// "against" the attack noun is its target, never its author.
fn attack_on(e: &Event, agent: &str, noun: &str, places: &Places) -> String {
    let target = e.mentions.iter().find_map(|m| {
        let at = m.text.find(&m.trigger)? + m.trigger.len();
        let after = m.text[at..].trim_start();
        let rest = ["of ", "on ", "against "]
            .iter()
            .find_map(|p| after.strip_prefix(p))?;
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        e.actors
            .iter()
            .map(|a| short_name(a, places))
            .find(|a| rest.starts_with(a.as_str()))
    });
    match target {
        Some(t) if t == agent => format!("{} of {t}", capital_noun(noun)),
        Some(t) => format!("{agent}’s {noun} of {t}"),
        None => format!("{agent}’s {noun}"),
    }
}

/// "signs" → "sign", "imposes sanctions on" → "impose sanctions on": the verb of two subjects.
fn plural_verb(verb: &str) -> String {
    let (first, rest) = verb.split_once(' ').unwrap_or((verb, ""));
    let first = first
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .or_else(|| {
            ["ches", "shes", "sses", "xes"]
                .iter()
                .find(|e| first.ends_with(*e))
                .map(|_| first[..first.len() - 2].to_string())
        })
        .or_else(|| first.strip_suffix('s').map(str::to_string))
        .unwrap_or_else(|| first.to_string());
    if rest.is_empty() {
        first
    } else {
        format!("{first} {rest}")
    }
}

/// Places named anywhere in the event's mentions ("alongside B and C").
fn named_places(e: &Event, places: &Places) -> String {
    let mut found: Vec<String> = Vec::new();
    // Outlets repeat each other word for word: a text already read names no new place.
    let mut read: FxHashSet<&str> = FxHashSet::default();
    for m in &e.mentions {
        if !read.insert(m.text.as_str()) {
            continue;
        }
        for p in places.find(&m.text, Span::new(0, m.text.len())) {
            if !found.contains(&p.name) && Some(&p.name) != e.place.as_ref() {
                found.push(p.name);
            }
        }
    }
    join_and(&found.iter().collect::<Vec<_>>())
}

/// "over the shared port of X" right after an event noun: what the event is about.
fn about_phrase(m: &Mention) -> String {
    let Some(at) = m.text.find(&m.trigger) else {
        return String::new();
    };
    let tokens = tokenize(&m.text, Span::new(at + m.trigger.len(), m.text.len()));
    let Some(first) = tokens.first() else {
        return String::new();
    };
    if !matches!(first.lower.as_str(), "on" | "over" | "about") {
        return String::new();
    }
    let mut end = first.span.end;
    for t in tokens.iter().skip(1).take(6) {
        if !t.is_word
            || matches!(
                t.lower.as_str(),
                "to" | "with" | "and" | "that" | "which" | "next"
            )
        {
            break;
        }
        end = t.span.end;
    }
    m.text.get(first.span.start..end).unwrap_or("").to_string()
}

/// The plural verb of a meeting for group subjects ("ministers meet").
fn verb_of(e: &Event) -> Option<String> {
    e.mentions
        .iter()
        .find(|m| m.cues.is_verb && m.cues.verb.as_deref() == Some("meets"))
        .map(|_| "meet".to_string())
}

/// The words before the trigger naming what it happened to ("The new terminal opened"): up to six
/// words back to the start of the clause, without determiners, auxiliaries or participles.
fn subject_before(m: &Mention, lx: &Lexicon) -> String {
    let Some(at) = m.text.find(&m.trigger) else {
        return String::new();
    };
    let tokens = tokenize(&m.text, Span::new(0, at));
    let mut words: Vec<&str> = Vec::new();
    for t in tokens.iter().rev() {
        if !t.is_word || matches!(t.lower.as_str(), "that" | "which" | "who") {
            break;
        }
        words.insert(0, t.span.slice(&m.text));
    }
    // Cut at an auxiliary or a participle ("… planned for Wednesday was").
    let cut = words.iter().position(|w| {
        let f = fold(w);
        matches!(
            f.as_str(),
            "was" | "were" | "is" | "are" | "has" | "have" | "had" | "been"
        ) || (f.ends_with("ed") && f.len() > 4 && !lx.trigger_word(&f))
    });
    if let Some(c) = cut {
        words.truncate(c);
    }
    while words
        .first()
        .is_some_and(|w| matches!(fold(w).as_str(), "a" | "an" | "the" | "its" | "their"))
    {
        words.remove(0);
    }
    if words.len() > 6 {
        return String::new();
    }
    words.join(" ")
}

/// The words after the trigger naming what was signed, seized or pledged: up to six words, up to a
/// preposition, a number or punctuation.
fn object_after(m: &Mention, lx: &Lexicon) -> String {
    let Some(at) = m.text.find(&m.trigger) else {
        return String::new();
    };
    let from = at + m.trigger.len();
    let tokens = tokenize(&m.text, Span::new(from, m.text.len()));
    let mut words: Vec<&str> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let w = t.lower.as_str();
        let stop = !(t.is_word || t.lower == "%")
            || (w.chars().any(|c| c.is_ascii_digit())
                && ((words.is_empty() && tokens.get(k + 1).is_none_or(|n| !n.is_word))
                    || (!words.is_empty() && tokens.get(k + 1).is_none_or(|n| n.lower != "%"))
                    || words
                        .last()
                        .is_some_and(|p| matches!(fold(p).as_str(), "to" | "by" | "from"))))
            || lx.relations.contains(w)
            || matches!(
                w,
                "in" | "at"
                    | "on"
                    | "by"
                    | "with"
                    | "from"
                    | "for"
                    | "until"
                    | "within"
                    | "as"
                    | "while"
                    | "when"
                    | "where"
                    | "which"
                    | "that"
                    | "who"
                    | "last"
                    | "this"
                    | "earlier"
                    | "yesterday"
                    | "today"
                    | "early"
                    | "late"
                    | "later"
                    | "overnight"
                    | "tonight"
                    | "tomorrow"
                    | "again"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "if"
                    | "unless"
                    | "because"
                    | "so"
                    | "but"
                    | "than"
            )
            || lx.trigger_word(w)
                && !words.is_empty()
                && lx
                    .triggers
                    .iter()
                    .any(|x| x.pos == Pos::Verb && x.noun == w);
        if stop || words.len() >= 6 {
            break;
        }
        if words.is_empty() && matches!(w, "a" | "an" | "the" | "its" | "his" | "her" | "their") {
            continue;
        }
        words.push(t.span.slice(&m.text));
    }
    while words.last().is_some_and(|w| {
        matches!(
            fold(w).as_str(),
            "to" | "of"
                | "and"
                | "or"
                | "the"
                | "a"
                | "an"
                | "against"
                | "toward"
                | "towards"
                | "over"
                | "into"
                | "about"
                | "under"
                | "between"
                | "its"
                | "his"
                | "her"
                | "their"
        )
    }) {
        words.pop();
    }
    words.join(" ").replace(" %", "%")
}

/// The event noun most strong mentions use ("confrontation" over "visit").
fn best_noun(e: &Event) -> String {
    let lx = Lexicon::embedded();
    let mut count: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    // The word each trigger gives as a noun, worked out once per trigger (a big event has
    // thousands of mentions and a handful of triggers).
    let mut as_noun: FxHashMap<&str, Option<String>> = FxHashMap::default();
    for m in &e.mentions {
        if m.cues.family == "any" {
            continue;
        }
        let from_trigger = if m.cues.is_verb {
            None
        } else {
            as_noun
                .entry(m.trigger.as_str())
                .or_insert_with(|| {
                    let trig = fold(&m.trigger);
                    (!trig.contains(' ') && lx.trigger_word(&trig)).then(|| singular(&trig))
                })
                .as_deref()
        };
        let word = from_trigger.unwrap_or(&m.cues.noun);
        if !count.contains_key(word) {
            count.insert(word.to_string(), (0, 0));
        }
        if let Some(c) = count.get_mut(word) {
            if m.cues.reference {
                c.1 += 1;
            } else {
                c.0 += 1;
            }
        }
    }
    count
        .into_iter()
        .max_by_key(|(w, c)| (*c, std::cmp::Reverse(w.clone())))
        .map_or_else(|| "event".to_string(), |(w, _)| w)
}

fn singular(w: &str) -> String {
    match w {
        "talks" | "attacks" | "discussions" | "negotiations" | "strikes" => w.to_string(),
        _ => w
            .strip_suffix('s')
            .filter(|s| s.len() > 3 && !s.ends_with('s'))
            .unwrap_or(w)
            .to_string(),
    }
}

/// A short name for titles: the shortest alias that ends the full name ("von der Leyen"), else the
/// surname of a person, else the name.
pub fn short_name(name: &str, places: &Places) -> String {
    let g = Gazetteer::embedded();
    if let Some(a) = g.actors.iter().find(|a| a.name == name)
        && let Some(alias) = a
            .aliases
            .iter()
            .filter(|al| name.ends_with(al.as_str()) && al.len() < name.len())
            .min_by_key(|al| al.len())
    {
        return alias.clone();
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    // "He Lifeng": a family name written first is not the given name; titles keep the full name.
    let family_first = g
        .actors
        .iter()
        .find(|a| a.name == name)
        .and_then(|a| a.country.as_deref())
        .is_some_and(|c| g.family_name_first(c));
    let person = match g.entry(name) {
        Some(e) if e.kind == crate::extract::actors::Kind::Person => {
            if let Some(s) = e.surname.as_ref().filter(|s| !s.is_empty()) {
                return s.clone();
            }
            // "He Lifeng" in full: the family name alone reads as a word ("He", "Li").
            if family_first && words.len() == 2 {
                return name.to_string();
            }
            true
        }
        Some(_) => false,
        None => {
            words.len() >= 2
                && !places.is_place(name)
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        }
    };
    if person && let Some(last) = words.last() {
        return (*last).to_string();
    }
    name.to_string()
}

/// "A–B": people first, then countries and bodies.
fn dashed(names: &[String], n: usize) -> String {
    let places = Places::embedded();
    let mut v: Vec<&String> = names
        .iter()
        .filter(|a| !places.is_place(a) && !is_body(a))
        .collect();
    v.extend(names.iter().filter(|a| places.is_place(a) || is_body(a)));
    v.into_iter()
        .take(n.max(1))
        .cloned()
        .collect::<Vec<_>>()
        .join("–")
}

/// Countries and organisations ("NATO"), as opposed to people.
fn is_body(name: &str) -> bool {
    let g = Gazetteer::embedded();
    let by_short = g
        .actors
        .iter()
        .position(|a| a.name == name || a.aliases.iter().any(|al| al == name));
    match by_short.map(|i| g.entries[i].kind) {
        Some(k) => k != crate::extract::actors::Kind::Person,
        None => name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase),
    }
}

fn join_and(v: &[&String]) -> String {
    match v {
        [] => String::new(),
        [a] => (*a).clone(),
        [rest @ .., last] => format!(
            "{} and {last}",
            rest.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn most_common<'a>(it: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for s in it {
        *count.entry(s).or_default() += 1;
    }
    count
        .into_iter()
        .max_by_key(|&(s, n)| (n, std::cmp::Reverse(s)))
        .map(|(s, _)| s.to_string())
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn capital_noun(noun: &str) -> String {
    sentence_case(noun.to_string())
}

fn sentence_case(s: String) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_lowercase() => f.to_uppercase().chain(c).collect(),
        _ => s,
    }
}
