//! Documents, byte spans and the offset map that ties normalized text back to
//! the original.
//!
//! Every span in khulasa is a byte range into the *original* text of a
//! [`Document`], always on `char` boundaries. Lossy normalization (see
//! [`crate::lang`]) produces a new string plus an [`OffsetMap`]; stages map
//! their results back through it and never rewrite offsets themselves.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span. `start > end` gives an empty span at `start`.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The text this span covers, or `""` if it does not lie on char
    /// boundaries of `text` (which never happens for spans khulasa made).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True if `other` lies within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A text to process, with an identifier and free-form metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Identifier, unique within a run (file stem, record id, DOCNO…).
    pub id: String,
    /// Where the document came from (path, `archive!member`, `-`).
    #[serde(default)]
    pub source: String,
    /// The original text, exactly as given. Readers of files drop a byte
    /// order mark while decoding; text handed over as a string is kept as
    /// it is, so that offsets index exactly the caller's string.
    pub text: String,
    /// Metadata supplied by the input (title, date, encoding…).
    #[serde(default)]
    pub meta: BTreeMap<String, String>,
}

impl Document {
    /// A document with the given id and text, no source or metadata.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }
    }
}

/// Maps byte offsets in a transformed (normalized) text back to the original.
///
/// Stored as runs: each entry `(norm, orig)` starts a stretch in which both
/// texts advance byte for byte. A position in the transformed text maps to the
/// original position of the character that starts there; the end of the
/// transformed text maps to the end of the original. Characters deleted by the
/// transformation (diacritics, tatweel) therefore belong to the character
/// before them: a span that ends after a word includes its trailing harakat.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    runs: Vec<(usize, usize)>,
    norm_len: usize,
    orig_len: usize,
}

impl OffsetMap {
    /// The identity map for a text of `len` bytes.
    pub fn identity(len: usize) -> Self {
        OffsetMap {
            runs: vec![(0, 0)],
            norm_len: len,
            orig_len: len,
        }
    }

    /// Starts building a map; see [`OffsetMapBuilder`].
    pub fn builder() -> OffsetMapBuilder {
        OffsetMapBuilder::default()
    }

    /// Maps a byte offset of the transformed text to the original text.
    /// Offsets past the end map to the end of the original.
    pub fn to_original(&self, norm: usize) -> usize {
        if norm >= self.norm_len {
            return self.orig_len;
        }
        let idx = self.runs.partition_point(|&(n, _)| n <= norm);
        match idx.checked_sub(1).and_then(|i| self.runs.get(i)) {
            Some(&(n, o)) => (o + (norm - n)).min(self.orig_len),
            None => 0,
        }
    }

    /// Maps a span of the transformed text to the original text.
    pub fn span_to_original(&self, span: Span) -> Span {
        Span::new(self.to_original(span.start), self.to_original(span.end))
    }

    /// Length of the transformed text this map was built for.
    pub fn normalized_len(&self) -> usize {
        self.norm_len
    }

    /// Length of the original text.
    pub fn original_len(&self) -> usize {
        self.orig_len
    }
}

/// Builds an [`OffsetMap`] while a transformation writes its output.
///
/// Call [`push`](Self::push) once per output character (with the original
/// byte offset of the character that produced it) and [`finish`](Self::finish)
/// with both final lengths.
#[derive(Debug, Default)]
pub struct OffsetMapBuilder {
    runs: Vec<(usize, usize)>,
    next_norm: usize,
    next_orig: usize,
}

impl OffsetMapBuilder {
    /// Records that output bytes starting at `norm` (of length `norm_len`)
    /// come from the original character at byte `orig` (of length `orig_len`).
    pub fn push(&mut self, norm: usize, norm_len: usize, orig: usize, orig_len: usize) {
        if self.runs.is_empty() || norm != self.next_norm || orig != self.next_orig {
            self.runs.push((norm, orig));
        }
        if norm_len == orig_len {
            self.next_norm = norm + norm_len;
            self.next_orig = orig + orig_len;
        } else {
            // Lengths differ: the next char must start a new run.
            self.next_norm = usize::MAX;
            self.next_orig = usize::MAX;
        }
    }

    /// Finishes the map.
    pub fn finish(mut self, norm_len: usize, orig_len: usize) -> OffsetMap {
        if self.runs.is_empty() {
            self.runs.push((0, 0));
        }
        OffsetMap {
            runs: self.runs,
            norm_len,
            orig_len,
        }
    }
}

/// Converts byte offsets of `text` to Unicode code-point offsets.
///
/// `offsets` should be sorted ascending (an offset below an earlier one gets
/// the count of the largest offset so far); the result has the same length.
/// A char counts as reached when it starts before the offset, so an offset
/// inside a char counts that char; offsets past the end count every char.
pub fn byte_to_char_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(offsets.len());
    let (mut chars, mut at) = (0usize, 0usize);
    for &off in offsets {
        if off > at {
            // The chars that start before `off` are those of `text[at..end]`,
            // `end` the first char boundary at or after `off`; std counts
            // them a word at a time.
            let mut end = off.min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            chars += text.get(at..end).map_or(0, |s| s.chars().count());
            at = end;
        }
        out.push(chars);
    }
    out
}

/// Converts a list of byte spans of `text` to code-point `[start, end]` pairs.
pub fn spans_to_char_offsets(text: &str, spans: &[Span]) -> Vec<[usize; 2]> {
    let mut flat: Vec<(usize, usize)> = Vec::with_capacity(spans.len() * 2);
    for (i, s) in spans.iter().enumerate() {
        flat.push((s.start, 2 * i));
        flat.push((s.end, 2 * i + 1));
    }
    flat.sort_unstable();
    let sorted: Vec<usize> = flat.iter().map(|&(o, _)| o).collect();
    let conv = byte_to_char_offsets(text, &sorted);
    let mut out = vec![[0usize; 2]; spans.len()];
    for (&(_, slot), c) in flat.iter().zip(conv) {
        if let Some(pair) = out.get_mut(slot / 2) {
            if let Some(v) = pair.get_mut(slot % 2) {
                *v = c;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_kept_byte_for_byte() {
        // Offsets must index the caller's string: nothing is dropped, not
        // even a leading byte order mark (file readers drop it, fuzz finding).
        assert_eq!(Document::new("a", "\u{FEFF}نص").text, "\u{FEFF}نص");
    }

    /// The conversion as first written: walk the chars.
    fn char_offsets_reference(text: &str, offsets: &[usize]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut chars = 0usize;
        let mut iter = text.char_indices().peekable();
        for &off in offsets {
            while let Some(&(b, _)) = iter.peek() {
                if b >= off {
                    break;
                }
                iter.next();
                chars += 1;
            }
            out.push(chars);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn char_offsets_equal_a_walk_over_the_chars(
            text in "[a-zأبة\u{064B}\u{1F600}\n ]{0,40}",
            mut offsets in proptest::collection::vec(0usize..200, 0..12),
            sorted in proptest::bool::ANY,
        ) {
            if sorted {
                offsets.sort_unstable();
            }
            proptest::prop_assert_eq!(
                byte_to_char_offsets(&text, &offsets),
                char_offsets_reference(&text, &offsets)
            );
        }
    }

    #[test]
    fn char_offsets_count_code_points() {
        let t = "أب c";
        assert_eq!(
            byte_to_char_offsets(t, &[0, 2, 4, 5, 6]),
            vec![0, 1, 2, 3, 4]
        );
        assert_eq!(
            spans_to_char_offsets(t, &[Span::new(5, 6), Span::new(0, 4)]),
            vec![[3, 4], [0, 2]]
        );
    }

    #[test]
    fn identity_map() {
        let m = OffsetMap::identity(10);
        assert_eq!(m.to_original(3), 3);
        assert_eq!(m.to_original(10), 10);
        assert_eq!(m.to_original(99), 10);
    }
}
