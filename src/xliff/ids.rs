//! Stable identifiers: the same input always gets the same ids.
//!
//! Ids depend only on the document id and positions (unit ordinal, sentence
//! index, occurrence number), never on time or on run order, so preparing the
//! same document twice gives identical files. All ids are XML NMTOKENs; unit,
//! segment and mark ids have distinct prefixes so they never collide inside a
//! unit, as XLIFF 2 requires.

/// The `<file id>` for a document: the document id when it is already a
/// plain ASCII token (`[A-Za-z0-9._-]`), otherwise the id with other
/// characters replaced by `_` plus a short hash of the original id, so that
/// distinct ids stay distinct. Never empty.
pub fn file_id(doc_id: &str) -> String {
    let clean: String = doc_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect();
    if clean == doc_id && !clean.is_empty() {
        clean
    } else {
        let base = if clean.trim_matches('_').is_empty() {
            "doc"
        } else {
            clean.as_str()
        };
        format!("{base}-{:08x}", fnv1a(doc_id.as_bytes()) as u32)
    }
}

/// The id of the `n`-th unit (paragraph) of a document, from 0: `u1`, `u2`…
pub fn unit_id(n: usize) -> String {
    format!("u{}", n + 1)
}

/// The id of the segment holding sentence `index` of the document, from 0:
/// `s1`, `s2`…
pub fn segment_id(index: usize) -> String {
    format!("s{}", index + 1)
}

/// The id of the `k`-th glossary mark (from 0) in sentence `index`: `m3-1`…
pub fn mark_id(index: usize, k: usize) -> String {
    format!("m{}-{}", index + 1, k + 1)
}

/// The id of the `k`-th glossary entry (from 0) of a unit: `g1`, `g2`…
pub fn gloss_id(k: usize) -> String {
    format!("g{}", k + 1)
}

/// 64-bit FNV-1a: a small, fixed hash (not `std`'s, which may change).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_ids_are_tokens_and_distinct() {
        assert_eq!(file_id("000_5691900a397ebd07"), "000_5691900a397ebd07");
        let a = file_id("مقال 1");
        let b = file_id("مقال 2");
        assert_ne!(
            a, b,
            "ids differing only in non-ASCII text must not collide"
        );
        for id in [&a, &b, &file_id(""), &file_id("a/b c")] {
            assert!(!id.is_empty());
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)),
                "{id}"
            );
        }
        assert_eq!(file_id("مقال 1"), a, "same input, same id");
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    }
}
