//! The first look must never refuse a group the full score lets a mention join: random mentions
//! and groups (small numbers, so that they share things often) check it.

use super::*;
use crate::extract::merge::gate::{Gate, Look, Marks};
use crate::model::{EventKind, Mention, MentionCues, Span, Status, TimeValue};
use proptest::prelude::*;

fn day(n: u8) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default() + chrono::Days::new(u64::from(n))
}

fn opt_day() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of((0u8..40).prop_map(day))
}

fn syms(max: usize) -> impl Strategy<Value = Vec<Sym>> {
    prop::collection::vec(0u32..8, 0..max)
}

/// Place chains: a place first, then the places containing it.
const CHAINS: [&[Sym]; 4] = [&[10, 11, 12], &[11, 12], &[13, 12], &[14]];

fn chain() -> impl Strategy<Value = Option<Vec<Sym>>> {
    prop::option::of((0usize..CHAINS.len()).prop_map(|i| CHAINS[i].to_vec()))
}

prop_compose! {
    fn facts()(
        family in 0u32..3,
        actors in syms(3),
        sentence_actors in syms(3),
        place in chain(),
        noun in 0u32..4,
        topic in syms(4),
        doc in 0u32..3,
        start in 0usize..3,
        window in (opt_day(), opt_day()),
        stated_day in opt_day(),
        soft_day in opt_day(),
        (stated, planned, deadline) in (any::<bool>(), any::<bool>(), any::<bool>()),
        yearly in any::<bool>(),
        (statement, channel) in (any::<bool>(), prop::option::of(0u32..2)),
    ) -> Facts {
        Facts {
            family, any: family == 0, actors, sentence_actors, place, noun, topic, doc,
            sentence: (doc, start, family), window, stated_day, soft_day, stated, yearly, planned,
            deadline, channel, ordinal: None, statement, inherited: false,
        }
    }
}

prop_compose! {
    fn mention()(
        (reference, definite, planned) in (any::<bool>(), any::<bool>(), any::<bool>()),
        arity in prop::option::of(1u8..3),
        dated in prop::option::of((0u8..40, 0u8..5, any::<bool>())),
        is_verb in any::<bool>(),
    ) -> Mention {
        Mention {
            doc: "d".into(),
            span: Span::new(0, 1),
            text: "talks".into(),
            kind: EventKind::Meeting,
            status: if planned { Status::Planned } else { Status::Past },
            actors: Vec::new(),
            place: None,
            date: dated.map(|(a, len, month)| {
                let mut t = TimeValue::period(
                    "x",
                    if month { Precision::Month } else { Precision::Day },
                    day(a),
                    day(a.saturating_add(len)),
                );
                t.approximate = false;
                t
            }),
            date_rule: None,
            trigger: "talks".into(),
            cues: MentionCues { reference, definite, arity, is_verb, ..MentionCues::default() },
        }
    }
}

prop_compose! {
    /// A group as `cluster` keeps it: its marks cover everything it names.
    fn group()(
        family in 0u32..3,
        (lo, hi, day, soft) in (opt_day(), opt_day(), opt_day(), opt_day()),
        arity in prop::option::of(1u8..3),
        (past, planned) in (any::<bool>(), any::<bool>()),
        mut actors in syms(4),
        places in prop::collection::vec(0usize..CHAINS.len(), 0..3),
        mut nouns in syms(3),
        mut topic in syms(6),
        stray in any::<u64>(),
        dated_article in any::<bool>(),
        channels in prop::sample::select(vec![vec![], vec![0], vec![1], vec![0, 1]]),
    ) -> (Glance, Named) {
        for v in [&mut actors, &mut nouns, &mut topic] {
            v.sort_unstable();
            v.dedup();
        }
        let places: Vec<Vec<Sym>> = places.iter().map(|&i| CHAINS[i].to_vec()).collect();
        let named = Named {
            actors, places, nouns, topic,
            deadlines: vec![EventKind::Meeting],
            channels,
            ordinals: Vec::new(),
        };
        let marks = |xs: &[Sym]| xs.iter().fold(0, |m, &x| m | bit(x));
        // Stray bits stand for other groups' words that share a mark (a mark may say "maybe").
        let glance = Glance {
            family, lo, hi, day, soft, arity, past, planned, dated_article,
            actors: marks(&named.actors) | (stray & 0xF0),
            places: named.places.iter().flatten().fold(0, |m, &x| m | bit(x)),
            nouns: marks(&named.nouns) | (stray & 0xF00),
            topic: named.topic.iter().fold(0, |m, &x| m | bit128(x)),
        };
        (glance, named)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn the_first_look_refuses_no_group_the_full_score_accepts(
        f in facts(), m in mention(), (g, n) in group(),
        (sentence, doc, doc_tense) in (any::<bool>(), any::<bool>(), any::<bool>()),
        dct in opt_day(),
    ) {
        let it = Item { m: &m, doc_key: "d", label: "d", dct };
        let here = Here { sentence, doc, doc_tense };
        let whole = score(&it, &f, &g, &n, here, 0);
        let look = Look::of(&it, &f, 0).and_then(|l| l.fits(&Gate::of(&g), &Marks::of(&g), here));
        if whole.is_some_and(|s| s >= JOIN) {
            prop_assert!(look.is_some(), "refused a group scoring {whole:?}");
        }
        if let Some(date) = look {
            prop_assert_eq!(full(&it, &f, &g, &n, here, date), whole);
        }
    }

    #[test]
    fn a_group_sharing_only_the_noun_joins_only_when_the_look_says_it_can(
        f in facts(), m in mention(), (g, mut n) in group(),
    ) {
        // What the index would have filed it under besides the noun: taken away.
        n.actors.retain(|a| !f.actors.contains(a) && !f.sentence_actors.contains(a));
        let chain = f.place.clone().unwrap_or_default();
        n.places.retain(|q| !q.iter().any(|x| chain.contains(x)));
        let it = Item { m: &m, doc_key: "d", label: "d", dct: None };
        let whole = score(&it, &f, &g, &n, Here::default(), 0);
        if let Some(look) = Look::of(&it, &f, 0)
            && !look.noun_alone_can_join()
        {
            prop_assert!(whole.is_none_or(|s| s < JOIN), "scored {whole:?}");
        }
    }

    #[test]
    fn the_gate_refuses_what_the_dates_and_flags_refuse(
        f in facts(), m in mention(), (g, _) in group(),
        (doc, doc_tense, dct) in (any::<bool>(), any::<bool>(), opt_day()),
    ) {
        let it = Item { m: &m, doc_key: "d", label: "d", dct };
        let here = Here { doc, doc_tense, ..Here::default() };
        if let Some(look) = Look::of(&it, &f, 0) {
            prop_assert_eq!(
                look.lets(&Gate::of(&g), here),
                refused(&it, &f, &g, 0, here).is_some()
            );
        }
    }
}

#[test]
fn marks_of_different_numbers_spread_over_the_word() {
    let bits: u64 = (0..16).fold(0, |m, x| m | bit(x));
    assert!(
        bits.count_ones() >= 12,
        "16 numbers, {} bits",
        bits.count_ones()
    );
}
