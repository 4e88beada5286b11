//! JSONL through `input::open_bytes` (forced `jsonl`, or detected when the
//! first byte is odd), with small limits so the limit paths are reached.
#![no_main]

use khulasa::input::{open_bytes, InputOptions};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, body)) = data.split_first() else {
        return;
    };
    let opts = InputOptions {
        jsonl: flags & 1 == 0,
        text_field: if flags & 2 == 0 {
            "text".into()
        } else {
            "a.b".into()
        },
        ..common::small_limits()
    };
    common::check_records(open_bytes("fuzz.jsonl", body.to_vec(), &opts));
});
