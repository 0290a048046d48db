//! The temporal recogniser and resolver on any text and any publication date: no panic, spans on
//! char boundaries inside the text and in order, every value non-empty, and the same result twice.
#![no_main]

use attache::extract::time::tag;
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u16, &str)| {
    let (day, text) = input;
    // Any day from 1900 to about 2079, or none.
    let dct = (day != 0)
        .then(|| NaiveDate::from_ymd_opt(1900, 1, 1))
        .flatten()
        .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day))));
    let timexes = tag(text, dct);
    let mut last_end = 0;
    for t in &timexes {
        assert!(t.span.start < t.span.end && t.span.end <= text.len());
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(t.span.start >= last_end, "overlapping timexes");
        last_end = t.span.end;
        assert!(!t.value.is_empty(), "empty value");
    }
    let again = tag(text, dct);
    assert_eq!(timexes.len(), again.len());
    assert!(timexes.iter().zip(&again).all(|(a, b)| a.span == b.span && a.value == b.value));
});
