//! What the merge compares, as numbers: each mention's people, places, nouns, topic words,
//! document and family interned once, so that scoring a candidate group compares integers
//! instead of strings (the merge scores millions of mention–group pairs on a large archive).

use super::Item;
use crate::extract::events::places::Places;
use crate::model::{DateOrigin, EventKind, Precision, Status};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;

/// An interned string.
pub type Sym = u32;

/// Strings to numbers, in first-seen order.
#[derive(Debug, Default)]
pub struct Interner {
    ids: FxHashMap<String, Sym>,
}

impl Interner {
    pub fn id(&mut self, s: &str) -> Sym {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.ids.len() as Sym;
        self.ids.insert(s.to_string(), id);
        id
    }
}

/// One mention, as the merge compares it.
#[derive(Debug)]
pub struct Facts {
    pub family: Sym,
    /// The generic family "any" ("the tensions"): joins by time only.
    pub any: bool,
    pub actors: Vec<Sym>,
    pub sentence_actors: Vec<Sym>,
    /// The place and every place containing it (the place first).
    pub place: Option<Vec<Sym>>,
    pub noun: Sym,
    pub topic: Vec<Sym>,
    pub doc: Sym,
    /// (document, sentence start, family): "told twice in one sentence".
    pub sentence: (Sym, usize, Sym),
    pub window: (Option<NaiveDate>, Option<NaiveDate>),
    pub stated_day: Option<NaiveDate>,
    pub soft_day: Option<NaiveDate>,
    pub stated: bool,
    /// A stated date no finer than a year ("this year"): it puts the mention in no event's
    /// period, since a year holds many events of one kind.
    pub yearly: bool,
    pub planned: bool,
    pub deadline: bool,
    /// The kind of channel of a statement ("post", "remarks"): the first word of its noun.
    pub channel: Option<Sym>,
    /// Which one of a series ("the second round"), see [`crate::model::MentionCues::ordinal`].
    pub ordinal: Option<u8>,
    /// A statement (a speaker's act of saying something), see [`crate::model::EventKind::Statement`].
    pub statement: bool,
    /// `channel` is not named by the mention itself but taken from the nearest statement of the
    /// same speaker and day in its article that names one ([`inherit_channels`]).
    pub inherited: bool,
}

/// The facts of every item, and the symbol of the family "any".
pub fn facts(items: &[Item], places: &Places) -> (Vec<Facts>, Sym) {
    let mut sym = Interner::default();
    let any = sym.id("any");
    let mut out: Vec<Facts> = items
        .iter()
        .map(|it| {
            let m = it.m;
            let c = &m.cues;
            let family = sym.id(&c.family);
            let doc = sym.id(&m.doc);
            Facts {
                family,
                any: family == any,
                actors: m.actors.iter().map(|a| sym.id(a)).collect(),
                sentence_actors: c.sentence_actors.iter().map(|a| sym.id(a)).collect(),
                place: m
                    .place
                    .as_ref()
                    .map(|p| places.chain(p).into_iter().map(|q| sym.id(q)).collect()),
                noun: sym.id(&c.noun),
                topic: c.topic.iter().map(|w| sym.id(w)).collect(),
                doc,
                sentence: (doc, c.sentence.start, family),
                window: window(it),
                stated_day: stated_day(it),
                soft_day: soft_day(it),
                stated: c.date_origin >= DateOrigin::Anchor,
                yearly: yearly(it),
                planned: m.status == Status::Planned,
                deadline: c.details.iter().any(|d| d.field == "deadline"),
                ordinal: c.ordinal,
                channel: (m.kind == EventKind::Statement && c.noun != "statement")
                    .then(|| c.noun.split_whitespace().next())
                    .flatten()
                    .map(|w| sym.id(w)),
                statement: m.kind == EventKind::Statement,
                inherited: false,
            }
        })
        .collect();
    inherit_channels(items, &mut out);
    (out, any)
}

/// The day a mention is about: its stated day, else the day its article puts it on.
fn day_of(f: &Facts) -> Option<NaiveDate> {
    f.stated_day.or(f.soft_day)
}

/// Gives a statement that names no medium ("Lind said on Tuesday") the medium of the nearest
/// statement of the same single speaker and day in its own article that names one ("Lind wrote
/// on her blog"): an article that tells of a speaker's post and of her remarks tells each
/// unmarked statement next to the one it belongs to. The statement then joins only events of
/// that medium (see [`super::score::full`]).
pub fn inherit_channels(items: &[Item], facts: &mut [Facts]) {
    // The statements with a medium, by document: (start, item).
    let mut named: FxHashMap<Sym, Vec<(usize, usize)>> = FxHashMap::default();
    for (i, (it, f)) in items.iter().zip(facts.iter()).enumerate() {
        if f.statement && f.channel.is_some() && !f.actors.is_empty() {
            named.entry(f.doc).or_default().push((it.m.span.start, i));
        }
    }
    if named.is_empty() {
        return;
    }
    let mut found: Vec<(usize, Sym)> = Vec::new();
    for (i, (it, f)) in items.iter().zip(facts.iter()).enumerate() {
        if !f.statement || f.channel.is_some() || f.actors.len() != 1 {
            continue;
        }
        let Some(list) = named.get(&f.doc) else {
            continue;
        };
        let at = it.m.span.start;
        let speaker = f.actors[0];
        let nearest = list
            .iter()
            .filter(|&&(_, j)| {
                let o = &facts[j];
                o.actors.contains(&speaker)
                    && match (day_of(f), day_of(o)) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    }
            })
            .min_by_key(|&&(start, j)| (start.abs_diff(at), j));
        if let Some(&(_, j)) = nearest
            && let Some(c) = facts[j].channel
        {
            found.push((i, c));
        }
    }
    for (i, c) in found {
        facts[i].channel = Some(c);
        facts[i].inherited = true;
    }
}

/// Whether two places (each given with the places containing it) can be where one event
/// happened: one lies in the other.
pub fn compatible(a: &[Sym], b: &[Sym]) -> bool {
    match (a.first(), b.first()) {
        (Some(x), Some(y)) => b.contains(x) || a.contains(y),
        _ => false,
    }
}

/// A mention's window of possible dates: the stated period within its bounds.
pub fn window(it: &Item) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let c = &it.m.cues;
    let (mut lo, mut hi) = (c.not_before, c.not_after);
    if c.date_origin >= DateOrigin::Anchor
        && let Some(d) = &it.m.date
        && let (Some(s), Some(e)) = (d.start, d.end)
    {
        let slack = if d.approximate {
            chrono::Days::new(((e - s).num_days().max(30) / 2) as u64 + 45)
        } else {
            chrono::Days::new(0)
        };
        let s = s.checked_sub_days(slack).unwrap_or(s);
        let e = e.checked_add_days(slack).unwrap_or(e);
        lo = Some(lo.map_or(s, |l| l.max(s)));
        hi = Some(hi.map_or(e, |h| h.min(e)));
    }
    (lo, hi)
}

fn yearly(it: &Item) -> bool {
    it.m.cues.date_origin >= DateOrigin::Anchor
        && it
            .m
            .date
            .as_ref()
            .is_some_and(|d| d.precision.is_some_and(|p| p <= Precision::Year))
}

fn stated_day(it: &Item) -> Option<NaiveDate> {
    let d = it.m.date.as_ref()?;
    (it.m.cues.date_origin >= DateOrigin::Anchor && d.start == d.end && !d.approximate)
        .then_some(d.start)
        .flatten()
}

fn soft_day(it: &Item) -> Option<NaiveDate> {
    let d = it.m.date.as_ref()?;
    (it.m.cues.date_origin < DateOrigin::Anchor && d.start == d.end)
        .then_some(d.start)
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_compatible_when_one_contains_the_other() {
        // 1 lies in 2, which lies in 3; 4 lies in 3 too.
        let (a, b, c, d) = (vec![1, 2, 3], vec![2, 3], vec![3], vec![4, 3]);
        assert!(compatible(&a, &b) && compatible(&b, &a));
        assert!(compatible(&a, &c) && compatible(&d, &c));
        assert!(!compatible(&a, &d), "siblings are two places");
        assert!(!compatible(&[], &a));
    }

    #[test]
    fn interning_gives_one_number_per_string() {
        let mut s = Interner::default();
        let (x, y) = (s.id("talks"), s.id("summit"));
        assert_ne!(x, y);
        assert_eq!(s.id("talks"), x);
    }
}
