//! Actor finding and quote attribution on arbitrary text: they never panic, every span is a char
//! boundary range whose text is what is reported, mentions come in order, and quote ids are unique.

use attache::extract::actors::{Gazetteer, find_actors};
use attache::extract::quotes::{extract_quotes, link_statements};
use attache::model::Document;
use proptest::prelude::*;

/// Text made of the pieces attribution reacts to: names, titles, speech verbs, quote marks of every
/// kind, apostrophes, commas, dashes, line breaks and multibyte letters.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "«",
        "»",
        ",",
        ".",
        ":",
        "—",
        "-",
        "\n",
        "\n\n",
        " ",
        " ",
        " ",
        "said",
        "told reporters",
        "according to",
        "he",
        "she",
        "the",
        "French",
        "president",
        "Chancellor",
        "Jane Holt",
        "Holt",
        "of the",
        "Center",
        "a fellow at",
        "Merz",
        "Zelenskyy",
        "so-called",
        "and",
        "who",
        "was described as",
        "Ü",
        "é",
        "’s",
        "don’t",
        "’90s",
        "…",
        "?",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn attribution_never_panics_and_spans_are_true(text in newsy_text()) {
        let gaz = Gazetteer::embedded();
        let doc = Document { id: "p".into(), text: text.clone(), ..Document::default() };
        let (mentions, _) = find_actors(&doc, gaz);
        for w in mentions.windows(2) {
            prop_assert!(w[0].span.start <= w[1].span.start);
        }
        for m in &mentions {
            prop_assert!(text.get(m.span.range()).is_some());
        }
        let mut quotes = extract_quotes(&doc, &mentions, gaz);
        let mut ids = std::collections::HashSet::new();
        for q in &quotes {
            prop_assert_eq!(text.get(q.span.range()), Some(q.text.as_str()));
            prop_assert!(ids.insert(q.id.clone()));
            prop_assert_eq!(q.speaker.is_some(), q.attribution.is_some());
        }
        link_statements(&mut quotes);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        let gaz = Gazetteer::embedded();
        let doc = Document { id: "p".into(), text, ..Document::default() };
        let (mentions, _) = find_actors(&doc, gaz);
        let _ = extract_quotes(&doc, &mentions, gaz);
    }
}
