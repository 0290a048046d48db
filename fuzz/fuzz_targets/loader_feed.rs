//! Bytes as an RSS, Atom or JSON feed: items, content or summary, HTML in items.
#![no_main]

use attache::corpus::formats::{self, Kind};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    common::check(&formats::parse(Kind::Feed, "fuzz.xml", &text, bytes));
});
