//! `Glossary::from_tsv` on arbitrary text (only the TSV loader is on main when
//! this target was written; add CSV/JSON/TBX loaders here when they land),
//! then the matcher built from it run over the same text: hits within the
//! text, on char boundaries, naming real entries.
#![no_main]

use khulasa::glossary::{Glossary, Matcher};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(g) = Glossary::from_tsv(&text, "fuzz.tsv") else {
        return;
    };
    let m = Matcher::new(&g);
    let mut prev_start = 0;
    for h in m.find(&text) {
        let (a, b) = (h.span.start, h.span.end);
        assert!(a < b && b <= text.len(), "hit {a}..{b} outside the text");
        assert!(
            text.is_char_boundary(a) && text.is_char_boundary(b),
            "hit {a}..{b} not on char boundaries"
        );
        assert!(a >= prev_start, "hits out of order");
        assert!(
            h.entry < g.entries().len(),
            "hit names entry {} of {}",
            h.entry,
            g.entries().len()
        );
        prev_start = a;
    }
});
