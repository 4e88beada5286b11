//! Any bytes through `input::open_bytes`: zip, tar, gzip (and what they hold:
//! JSON, JSONL, TREC, text in any encoding), with small limits so bombs stop
//! early and per-iteration work stays small.
#![no_main]

use khulasa::input::open_bytes;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::check_records(open_bytes(
        "fuzz.zip",
        data.to_vec(),
        &common::small_limits(),
    ));
});
