//! `segment::segment` on arbitrary text: spans sorted, disjoint, non-empty,
//! within the text and on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let sents = khulasa::segment::segment(&text);
    let mut prev_end = 0;
    for s in &sents {
        let (a, b) = (s.span.start, s.span.end);
        assert!(a < b, "empty or reversed sentence span {a}..{b}");
        assert!(
            b <= text.len(),
            "span {a}..{b} past the end ({})",
            text.len()
        );
        assert!(
            a >= prev_end,
            "span {a}..{b} overlaps or precedes the previous end {prev_end}"
        );
        assert!(
            text.is_char_boundary(a) && text.is_char_boundary(b),
            "span {a}..{b} not on char boundaries"
        );
        prev_end = b;
    }
});
