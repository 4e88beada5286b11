//! Shared by the input targets (included with `#[path]`, not a target).

use khulasa::input::{InputOptions, Inputs};

/// Limits small enough that decompression bombs and long lines hit them
/// within a few kilobytes.
pub fn small_limits() -> InputOptions {
    InputOptions {
        max_doc_bytes: 16 << 10,
        max_member_bytes: 64 << 10,
        max_line_bytes: 8 << 10,
        ..InputOptions::default()
    }
}

/// Drains at most 256 records, checking each one.
pub fn check_records(inputs: Inputs) {
    for r in inputs.take(256) {
        match r {
            Ok(d) => {
                assert!(!d.source.is_empty(), "document without a source");
                assert!(
                    d.text.len() <= 16 << 10,
                    "document over the limit: {}",
                    d.text.len()
                );
            }
            Err(f) => {
                assert!(!f.source.is_empty(), "failure without a source");
                assert!(!f.error.is_empty(), "failure without a message");
                assert!(
                    !f.error.contains('\n'),
                    "failure message spans lines: {:?}",
                    f.error
                );
            }
        }
    }
}
