//! Blocking for the merge: which groups a mention is compared with.
//!
//! Groups are filed under what their members name (people, places, the document, the event noun),
//! within a kind family, and also by the months their date window spans. A dated mention is looked
//! up only in the months of its own window (the score refuses windows that do not overlap, so this
//! loses nothing), and the most specific keys are walked first within a budget, so that a key
//! thousands of events share cannot make the merge quadratic on a large archive.

use super::Item;
use crate::extract::events::places::Places;
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};

/// Most index entries walked for one mention's candidate groups.
const MAX_WALK: usize = 2048;
/// Windows spanning more months than this are filed and looked up without dates.
const MAX_MONTHS: i32 = 12;

/// Groups by key (and by key and month).
#[derive(Debug, Default)]
pub struct Index {
    groups: HashMap<String, BTreeSet<usize>>,
}

impl Index {
    /// The groups (ascending, no repeats) a mention with this date window may join, looked up in the kind families
    /// `look_in`.
    pub fn candidates(
        &self,
        it: &Item,
        places: &Places,
        look_in: &[String],
        window: (Option<NaiveDate>, Option<NaiveDate>),
    ) -> Vec<usize> {
        let months = months_of(window);
        let mut postings: Vec<&BTreeSet<usize>> = Vec::new();
        for f in look_in {
            for k in keys(it, places, f) {
                let Some((first, last)) = months else {
                    postings.extend(self.groups.get(&k));
                    continue;
                };
                // Dated: only groups whose window shares a month with it, or has none.
                for month in first..=last {
                    postings.extend(self.groups.get(&format!("{k}|m{month}")));
                }
                postings.extend(self.groups.get(&format!("{k}|u")));
            }
        }
        // The most specific keys first (a document, a person few events share); a key thousands
        // of events share (a common event noun) is walked only while the budget lasts.
        postings.sort_by_key(|p| p.len());
        let mut candidates = Vec::new();
        let mut walked = 0;
        for p in postings {
            if walked > 0 && walked + p.len() > MAX_WALK {
                break;
            }
            walked += p.len();
            candidates.extend(p.iter().copied().take(MAX_WALK));
        }
        // In group order, once each (a sorted list is cheaper to build than a set).
        candidates.sort_unstable();
        candidates.dedup();
        candidates
    }

    /// Files group `g`, whose window is now `window`, under what its new member `it` names.
    pub fn file(
        &mut self,
        g: usize,
        it: &Item,
        places: &Places,
        family: &str,
        window: (Option<NaiveDate>, Option<NaiveDate>),
    ) {
        let months = months_of(window);
        for k in keys(it, places, family) {
            // A group's window only narrows as members join, so the months it is filed under
            // always cover its window: a dated mention that overlaps it finds it.
            match months {
                Some((first, last)) => {
                    for month in first..=last {
                        self.groups
                            .entry(format!("{k}|m{month}"))
                            .or_default()
                            .insert(g);
                    }
                }
                None => {
                    self.groups.entry(format!("{k}|u")).or_default().insert(g);
                }
            }
            self.groups.entry(k).or_default().insert(g);
        }
    }
}

/// Keys under which a mention is looked up or indexed, within one kind family (blocking: only
/// groups of the same family sharing a person, place, document or event noun are compared).
fn keys(it: &Item, places: &Places, family: &str) -> Vec<String> {
    let m = it.m;
    let mut k: Vec<String> = m.actors.iter().map(|a| format!("{family}|a:{a}")).collect();
    k.extend(
        m.cues
            .sentence_actors
            .iter()
            .map(|a| format!("{family}|a:{a}")),
    );
    if let Some(p) = &m.place {
        k.extend(
            places
                .chain(p)
                .into_iter()
                .map(|c| format!("{family}|p:{c}")),
        );
    }
    k.push(format!("{family}|d:{}", m.doc));
    k.push(format!("{family}|n:{}", m.cues.noun));
    k
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
