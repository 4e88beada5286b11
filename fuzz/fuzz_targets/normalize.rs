//! `lang::normalize` on arbitrary text: the offset map sends every character
//! boundary of the normalized text to a character boundary of the original
//! (monotonically, never past its end), and normalization is idempotent.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let n = khulasa::lang::normalize(&text);
    assert_eq!(
        n.map.normalized_len(),
        n.text.len(),
        "map built for another length"
    );
    assert_eq!(
        n.map.original_len(),
        text.len(),
        "map built for another original"
    );
    let mut prev = 0;
    let ends = n.text.char_indices().map(|(i, _)| i).chain([n.text.len()]);
    for i in ends {
        let o = n.map.to_original(i);
        assert!(
            o <= text.len(),
            "offset {i} maps past the end: {o} > {}",
            text.len()
        );
        assert!(
            text.is_char_boundary(o),
            "offset {i} maps inside a character: {o}"
        );
        assert!(o >= prev, "offset {i} maps backwards: {o} < {prev}");
        prev = o;
    }
    assert_eq!(
        n.map.to_original(n.text.len()),
        text.len(),
        "end does not map to the end"
    );
    let again = khulasa::lang::normalize(&n.text);
    assert_eq!(
        again.text, n.text,
        "normalize is not idempotent on {text:?}"
    );
});
