//! Any string as an article, through the whole pipeline and the brief writers: no panic, every
//! span on char boundaries inside its document, and quotes/mentions equal to what they index.
#![no_main]

use attache::brief;
use attache::corpus::document_from_text;
use attache::export::EventFilter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut doc = document_from_text("fuzz.txt", text, None);
    doc.id = "d1".to_string();
    let timeline = attache::pipeline::build_timeline(vec![doc]);
    let d = &timeline.documents[0];
    for q in &timeline.quotes {
        assert_eq!(
            d.text.get(q.span.range()),
            Some(q.text.as_str()),
            "quote span"
        );
    }
    for e in &timeline.events {
        for m in &e.mentions {
            assert_eq!(
                d.text.get(m.span.range()),
                Some(m.text.as_str()),
                "mention span"
            );
        }
    }
    let b = brief::select(&timeline, &EventFilter::default());
    let mut out = Vec::new();
    brief::write_markdown(&b, &mut out).expect("write to memory");
    brief::write_ics(&b, chrono::DateTime::UNIX_EPOCH, &mut out).expect("write to memory");
});
