//! TREC/Gigaword `<DOC>` SGML through `input::open_bytes`, small limits.
#![no_main]

use khulasa::input::open_bytes;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::check_records(open_bytes(
        "fuzz.sgml",
        data.to_vec(),
        &common::small_limits(),
    ));
});
