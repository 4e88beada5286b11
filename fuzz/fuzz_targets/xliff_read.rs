//! `xliff::read` on arbitrary text, and the merged view of what it reads.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(doc) = khulasa::xliff::read(&text, "fuzz.xlf") {
        let merged = khulasa::xliff::MergedDoc::new(&doc);
        assert!(
            merged.translated_count <= merged.segment_count,
            "more translated than segments"
        );
    }
});
