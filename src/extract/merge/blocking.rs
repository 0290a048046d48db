//! Blocking for the merge: which groups a mention is compared with.
//!
//! Groups are filed under what their members name (people, places, the document, the event noun),
//! within a kind family, and also by the months their date window spans. A dated mention is looked
//! up only in the months of its own window (the score refuses windows that do not overlap, so this
//! loses nothing), and the most specific keys are walked first within a budget, so that a key
//! thousands of events share cannot make the merge quadratic on a large archive. Keys are numbers
//! (interned strings, see [`super::facts`]): building and hashing them costs no allocation.

use super::facts::{Facts, Sym};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;

/// Most index entries walked for one mention's candidate groups.
pub const MAX_WALK: usize = 2048;
/// Windows spanning more months than this are filed and looked up without dates.
const MAX_MONTHS: i32 = 12;

/// What a key names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum What {
    Actor(Sym),
    Place(Sym),
    Doc(Sym),
    Noun(Sym),
}

/// The groups filed under one key of one family: all of them, those with no date, and those
/// whose window spans each month (as year × 12 + month), each list ascending without repeats.
#[derive(Debug, Default)]
struct Lists {
    any: Vec<u32>,
    undated: Vec<u32>,
    /// Sorted by month.
    months: Vec<(i32, Vec<u32>)>,
}

/// Groups by family and key, and by month within them.
#[derive(Debug, Default)]
pub struct Index {
    groups: FxHashMap<(Sym, What), Lists>,
}

impl Index {
    /// The groups a mention may join, looked up in the kind families `look_in`: each list of
    /// entries to walk is offered to `walk`, in walking order (a group filed under several keys is
    /// offered once per key; the caller stamps the groups it has seen). Which entries are walked
    /// depends only on the index and the mention. With `noun_alone` false the lists of the event
    /// noun are left out when the budget would have walked every list: a group filed under the
    /// noun and under nothing else the mention names is then of no use to it (see
    /// [`super::gate::Look::noun_alone_can_join`]), and any other group is met in another list.
    pub fn candidates(
        &self,
        f: &Facts,
        look_in: &[Sym],
        noun_alone: bool,
        mut walk: impl FnMut(&[u32]),
    ) {
        let months = months_of(f.window);
        // Each list, and whether it is the event noun's.
        let mut postings: Vec<(&[u32], bool)> = Vec::new();
        fn add<'a>(postings: &mut Vec<(&'a [u32], bool)>, list: &'a [u32], noun: bool) {
            if !list.is_empty() {
                postings.push((list, noun));
            }
        }
        for &family in look_in {
            for what in keys(f) {
                let Some(lists) = self.groups.get(&(family, what)) else {
                    continue;
                };
                let noun = matches!(what, What::Noun(_));
                let Some((first, last)) = months else {
                    add(&mut postings, &lists.any, noun);
                    continue;
                };
                // Dated: only groups whose window shares a month with it, or has none.
                let from = lists.months.partition_point(|(m, _)| *m < first);
                for (_, list) in lists.months[from..].iter().take_while(|(m, _)| *m <= last) {
                    add(&mut postings, list, noun);
                }
                add(&mut postings, &lists.undated, noun);
            }
        }
        let total: usize = postings.iter().map(|(p, _)| p.len()).sum();
        if total <= MAX_WALK {
            for (p, noun) in postings {
                if noun_alone || !noun {
                    walk(p);
                }
            }
            return;
        }
        // The most specific keys first (a document, a person few events share); a key thousands
        // of events share (a common event noun) is walked only while the budget lasts.
        postings.sort_by_key(|(p, _)| p.len());
        let mut walked = 0;
        for (p, _) in postings {
            if walked > 0 && walked + p.len() > MAX_WALK {
                break;
            }
            walked += p.len();
            walk(&p[..p.len().min(MAX_WALK)]);
        }
    }

    /// Files group `g` of `family`, whose window is now `window`, under what its new member names.
    pub fn file(
        &mut self,
        g: usize,
        f: &Facts,
        family: Sym,
        window: (Option<NaiveDate>, Option<NaiveDate>),
    ) {
        let g = g as u32;
        let months = months_of(window);
        let put = |list: &mut Vec<u32>| {
            // Groups mostly arrive in creation order: appending is the common case.
            match list.last() {
                Some(&last) if last >= g => {
                    if let Err(at) = list.binary_search(&g) {
                        list.insert(at, g);
                    }
                }
                _ => list.push(g),
            }
        };
        for what in keys(f) {
            let lists = self.groups.entry((family, what)).or_default();
            // A group's window only narrows as members join, so the months it is filed under
            // always cover its window: a dated mention that overlaps it finds it.
            match months {
                Some((first, last)) => {
                    for month in first..=last {
                        let at = lists.months.partition_point(|(m, _)| *m < month);
                        match lists.months.get_mut(at) {
                            Some((m, list)) if *m == month => put(list),
                            _ => lists.months.insert(at, (month, vec![g])),
                        }
                    }
                }
                None => put(&mut lists.undated),
            }
            put(&mut lists.any);
        }
    }
}

/// What a mention is looked up or indexed under, within one kind family (blocking: only groups
/// of the same family sharing a person, place, document or event noun are compared).
fn keys(f: &Facts) -> impl Iterator<Item = What> + '_ {
    f.actors
        .iter()
        .chain(&f.sentence_actors)
        .map(|&a| What::Actor(a))
        .chain(f.place.iter().flatten().map(|&p| What::Place(p)))
        .chain([What::Doc(f.doc), What::Noun(f.noun)])
}

/// The months (as year × 12 + month) a bounded window spans, when it spans few enough for a
/// per-month index to pay; `None` for open or very wide windows.
fn months_of(window: (Option<NaiveDate>, Option<NaiveDate>)) -> Option<(i32, i32)> {
    use chrono::Datelike;
    let (Some(lo), Some(hi)) = window else {
        return None;
    };
    let month = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let (first, last) = (month(lo), month(hi));
    (first <= last && last - first <= MAX_MONTHS).then_some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn windows_become_month_ranges_only_when_bounded_and_narrow() {
        assert_eq!(
            months_of((day(2024, 12, 30), day(2025, 1, 2))),
            Some((24299, 24300))
        );
        assert_eq!(months_of((day(2024, 1, 1), None)), None);
        assert_eq!(months_of((day(2020, 1, 1), day(2024, 1, 1))), None);
        assert_eq!(months_of((day(2024, 5, 1), day(2024, 4, 1))), None);
    }
}
