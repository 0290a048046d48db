//! Bytes as a JSON export and as JSON Lines: record shapes, field mapping, HTML in fields.
#![no_main]

use attache::corpus::formats::{self, Kind};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|text: &str| {
    common::check(&formats::parse(
        Kind::Json,
        "fuzz.json",
        text,
        text.as_bytes(),
    ));
    common::check(&formats::parse(
        Kind::Jsonl,
        "fuzz.jsonl",
        text,
        text.as_bytes(),
    ));
});
