//! Actor finding and quote attribution on any text: no panic, every quote's span is its text, on
//! char boundaries; a speaker is only given with the rule that chose it; ids are unique.
#![no_main]

use attache::corpus::document_from_text;
use attache::extract::actors::{Gazetteer, find_actors};
use attache::extract::quotes::{extract_quotes, link_statements};
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;

fuzz_target!(|text: &str| {
    let mut doc = document_from_text("fuzz.txt", text, None);
    doc.id = "d1".to_string();
    let gaz = Gazetteer::embedded();
    let (mentions, _) = find_actors(&doc, gaz);
    for m in &mentions {
        assert!(doc.text.get(m.span.range()).is_some(), "actor span");
    }
    let mut quotes = extract_quotes(&doc, &mentions, gaz);
    link_statements(&mut quotes);
    let mut ids = HashSet::new();
    for q in &quotes {
        assert_eq!(doc.text.get(q.span.range()), Some(q.text.as_str()), "quote span");
        assert!(ids.insert(q.id.clone()), "duplicate quote id");
        if q.speaker.is_some() {
            assert!(q.attribution.is_some(), "speaker without a rule");
        }
    }
});
