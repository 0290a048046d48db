//! Bytes as a plain-text file: decoding (BOMs, Latin-1, binary), front matter, metadata guesses.
#![no_main]

use attache::corpus::formats::{self, Kind};
use attache::corpus::{Decoded, decode, split_front_matter};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|bytes: &[u8]| {
    let _ = Kind::sniff(bytes);
    let text = match decode(bytes) {
        Decoded::Utf8(s) | Decoded::Converted(s, _) => s,
        Decoded::Binary => return,
    };
    let (_, body, _) = split_front_matter(&text);
    assert!(text.is_char_boundary(body));
    common::check(&formats::parse(Kind::Text, "fuzz.txt", &text, bytes));
});
