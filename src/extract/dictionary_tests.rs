//! Tests of the whole-word dictionary search, against a leftmost-longest scan.

use super::*;
use aho_corasick::AhoCorasick;
use proptest::prelude::*;

/// The reference: a leftmost-longest scan, matches kept when whole words.
fn scan(patterns: &[&str], hay: &str, fold: bool, words: WordChars) -> Vec<Found> {
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(fold)
        .build(patterns)
        .unwrap();
    let is_word =
        |c: char| c.is_alphanumeric() || (words == WordChars::AlphanumericOrHyphen && c == '-');
    ac.find_iter(hay)
        .filter(|m| {
            !hay[..m.start()].chars().next_back().is_some_and(is_word)
                && !hay[m.end()..].chars().next().is_some_and(is_word)
        })
        .map(|m| Found {
            pattern: m.pattern().as_usize(),
            start: m.start(),
            end: m.end(),
        })
        .collect()
}

fn find(patterns: &[&str], hay: &str, fold: bool, words: WordChars) -> Vec<Found> {
    Dictionary::new(patterns, fold, words)
        .unwrap()
        .find_iter(hay)
        .collect()
}

#[test]
fn finds_whole_words_only_longest_first() {
    let pats = ["Port Vale", "Port", "Vale"];
    let hay = "Port Vale met Portia in Vale, not in Valencia or Port.";
    let got = find(&pats, hay, false, WordChars::Alphanumeric);
    let spans: Vec<&str> = got.iter().map(|f| &hay[f.start..f.end]).collect();
    assert_eq!(spans, ["Port Vale", "Vale", "Port"]);
    assert_eq!(got[0].pattern, 0);
}

#[test]
fn folds_ascii_case_and_treats_hyphens_as_word_characters_when_asked() {
    let pats = ["summit", "talks"];
    let hay = "SUMMIT talks, pre-summit Talks-day, Summit";
    let got = find(&pats, hay, true, WordChars::AlphanumericOrHyphen);
    let spans: Vec<&str> = got.iter().map(|f| &hay[f.start..f.end]).collect();
    assert_eq!(spans, ["SUMMIT", "talks", "Summit"]);
    let got = find(&pats, hay, true, WordChars::Alphanumeric);
    assert_eq!(got.len(), 5);
}

#[test]
fn reads_words_next_to_other_scripts() {
    let pats = ["Kyiv", "Élysée"];
    let hay = "«Kyiv» éKyiv Kyivé Élysée—Kyiv";
    let got = find(&pats, hay, false, WordChars::Alphanumeric);
    let spans: Vec<&str> = got.iter().map(|f| &hay[f.start..f.end]).collect();
    assert_eq!(spans, ["Kyiv", "Élysée", "Kyiv"]);
}

#[cfg(target_arch = "x86_64")]
#[test]
fn bytewise_masks_agree_with_the_tables() {
    for hyphen in [false, true] {
        let words = if hyphen {
            WordChars::AlphanumericOrHyphen
        } else {
            WordChars::Alphanumeric
        };
        let d = Dictionary::new(["Ab", "é"], false, words).unwrap();
        for start in (0..256).step_by(64) {
            let chunk: [u8; 64] = std::array::from_fn(|k| (start + k) as u8);
            let (mut first, mut word) = (0u64, 0u64);
            for (k, &b) in chunk.iter().enumerate() {
                first |= u64::from(d.class[usize::from(b)] & 1) << k;
                word |= u64::from(d.class[usize::from(b)] >> 1) << k;
            }
            assert_eq!(
                sse2_masks(&chunk, hyphen),
                (first, word),
                "bytes from {start}"
            );
        }
    }
}

proptest! {
    /// Patterns of single words (no pattern can start inside a word and reach past its end):
    /// the same answer as the scan.
    #[test]
    fn agrees_with_a_scan_on_single_word_patterns(
        hay in "[abAB \\-é,]{0,40}",
        pats in proptest::collection::vec("[abAB]{1,3}", 1..6),
        fold in any::<bool>(),
        hyphen in any::<bool>(),
    ) {
        let pats: Vec<&str> = pats.iter().map(String::as_str).collect();
        let words = if hyphen { WordChars::AlphanumericOrHyphen } else { WordChars::Alphanumeric };
        prop_assert_eq!(find(&pats, &hay, fold, words), scan(&pats, &hay, fold, words));
    }
}
