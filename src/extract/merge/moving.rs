//! Moving each mention into its event once the groups are known.
//!
//! On a large archive this moves hundreds of megabytes (every mention, with its cues) into fresh
//! buffers: the copies and the page faults of the new buffers are shared by every core. Each
//! event's buffer is allocated whole, and each mention is written straight into its slot (its
//! rank in the group) by whichever core holds its document, so no thread waits on another and
//! nothing is sorted afterwards.

use crate::model::Mention;
use rayon::prelude::*;

/// The start of one event's buffer, written through by the threads that fill it.
#[derive(Clone, Copy)]
struct Slots(*mut Mention);

#[allow(unsafe_code)] // the SAFETY comment below
// SAFETY: `Slots` is only written through in `into_events`, where every slot is written by
// exactly one thread (see there); the buffers outlive the threads.
unsafe impl Send for Slots {}
#[allow(unsafe_code)] // the SAFETY comment below
// SAFETY: as above.
unsafe impl Sync for Slots {}

/// The mentions of each group, in member order: `members` lists, for each group, indices into
/// the documents' mentions taken in order. A mention no group took is dropped, and the cues only
/// grouping needed (topic words, everyone named in the sentence) are dropped on the way.
#[allow(unsafe_code)] // the SAFETY comment below
pub fn into_events(per_doc: Vec<Vec<Mention>>, members: &[Vec<usize>]) -> Vec<Vec<Mention>> {
    let total: usize = per_doc.iter().map(Vec::len).sum();
    // Where each mention goes: its group and its rank there.
    let mut place_of: Vec<Option<(u32, u32)>> = vec![None; total];
    let mut one_place_each = true;
    for (g, ms) in members.iter().enumerate() {
        for (rank, &i) in ms.iter().enumerate() {
            match place_of.get_mut(i) {
                Some(p @ None) => *p = Some((g as u32, rank as u32)),
                _ => one_place_each = false,
            }
        }
    }
    if !one_place_each {
        // Not what grouping gives (a mention joins one group at most); moved the slow way.
        return one_by_one(per_doc, members.len(), &place_of);
    }
    let mut out: Vec<Vec<Mention>> = members
        .iter()
        .map(|ms| Vec::with_capacity(ms.len()))
        .collect();
    let slots: Vec<Slots> = out.iter_mut().map(|v| Slots(v.as_mut_ptr())).collect();
    let starts: Vec<usize> = per_doc
        .iter()
        .scan(0, |n, ms| {
            let start = *n;
            *n += ms.len();
            Some(start)
        })
        .collect();
    per_doc
        .into_par_iter()
        .zip(starts)
        .for_each(|(mentions, start)| {
            for (k, mut m) in mentions.into_iter().enumerate() {
                if let Some(&Some((g, rank))) = place_of.get(start + k) {
                    m.cues.topic = Vec::new();
                    m.cues.sentence_actors = Vec::new();
                    // SAFETY: the buffer of group `g` has capacity `members[g].len()` and `rank`
                    // is below it. `place_of` gives each (group, rank) to exactly one mention (a
                    // mention listed twice was ruled out above) and each mention is visited once,
                    // so each slot is written once, by one thread.
                    unsafe { slots[g as usize].0.add(rank as usize).write(m) };
                }
            }
        });
    for (v, ms) in out.iter_mut().zip(members) {
        // SAFETY: every slot below `ms.len()` was written above: each rank of each group names a
        // mention (`place_of` maps it back), and every mention was visited.
        unsafe { v.set_len(ms.len()) };
    }
    out
}

/// [`into_events`] without assumptions, one mention at a time.
fn one_by_one(
    per_doc: Vec<Vec<Mention>>,
    groups: usize,
    place_of: &[Option<(u32, u32)>],
) -> Vec<Vec<Mention>> {
    let mut taken: Vec<Vec<(u32, Mention)>> = (0..groups).map(|_| Vec::new()).collect();
    for (mut m, place) in per_doc.into_iter().flatten().zip(place_of) {
        if let Some((g, rank)) = *place {
            m.cues.topic = Vec::new();
            m.cues.sentence_actors = Vec::new();
            taken[g as usize].push((rank, m));
        }
    }
    taken
        .into_iter()
        .map(|mut ms| {
            ms.sort_by_key(|(rank, _)| *rank);
            ms.into_iter().map(|(_, m)| m).collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventKind, MentionCues, Span, Status};

    fn mention(doc: &str, at: usize) -> Mention {
        Mention {
            doc: doc.into(),
            span: Span::new(at, at + 5),
            text: "talks".into(),
            kind: EventKind::Meeting,
            status: Status::Past,
            actors: Vec::new(),
            place: None,
            date: None,
            date_rule: None,
            trigger: "talks".into(),
            cues: MentionCues {
                topic: vec!["harbour".into()],
                sentence_actors: vec!["Jane Holt".into()],
                ..MentionCues::default()
            },
        }
    }

    fn corpus() -> Vec<Vec<Mention>> {
        (0..4)
            .map(|d| (0..5).map(|k| mention(&format!("d{d}"), k * 10)).collect())
            .collect()
    }

    fn spans(groups: &[Vec<Mention>]) -> Vec<Vec<(String, usize)>> {
        groups
            .iter()
            .map(|ms| ms.iter().map(|m| (m.doc.clone(), m.span.start)).collect())
            .collect()
    }

    #[test]
    fn each_mention_lands_at_its_rank_in_its_group_and_the_rest_are_dropped() {
        // Members out of document order, across documents; mentions 3 and 19 in no group.
        let members = vec![vec![17, 2, 9], vec![0], vec![12, 1, 4, 18, 5], vec![]];
        let moved = into_events(corpus(), &members);
        let flat: Vec<(String, usize)> = (0..4)
            .flat_map(|d| (0..5).map(move |k| (format!("d{d}"), k * 10)))
            .collect();
        let expected: Vec<Vec<(String, usize)>> = members
            .iter()
            .map(|ms| ms.iter().map(|&i| flat[i].clone()).collect())
            .collect();
        assert_eq!(spans(&moved), expected);
        assert!(
            moved
                .iter()
                .flatten()
                .all(|m| m.cues.topic.is_empty() && m.cues.sentence_actors.is_empty())
        );
    }

    #[test]
    fn a_mention_listed_twice_is_moved_the_slow_way_without_harm() {
        // Not what grouping gives; the result must still be sound (the first claim wins).
        let members = vec![vec![3, 7], vec![7, 1]];
        let moved = into_events(corpus(), &members);
        assert_eq!(
            spans(&moved),
            vec![
                vec![("d0".to_string(), 30), ("d1".to_string(), 20)],
                vec![("d0".to_string(), 10)],
            ]
        );
    }
}
