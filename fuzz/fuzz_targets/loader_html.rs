//! Bytes as a saved web page: charset decoding, readability extraction, metadata (JSON-LD, meta).
#![no_main]

use attache::corpus::Decoded;
use attache::corpus::formats::{self, Kind};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|bytes: &[u8]| {
    let text = match formats::decode_for(Kind::Html, bytes) {
        Decoded::Utf8(s) | Decoded::Converted(s, _) => s,
        Decoded::Binary => return,
    };
    common::check(&formats::parse(Kind::Html, "fuzz.html", &text, bytes));
});
