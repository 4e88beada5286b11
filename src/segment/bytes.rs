//! Byte-level scans that let the splitter jump from one candidate byte to
//! the next instead of classifying every char.
//!
//! A table marks the bytes that may matter to a pass; the scan tests eight
//! bytes per step and only decodes UTF-8 around a hit. Multi-byte marks whose
//! lead byte is also the lead byte of ordinary letters (`؟` is D8 9F, `۔` is
//! DB 94, and D8/DB lead most Arabic letters) are found by their second byte
//! and confirmed by the byte before it.

/// Table value: the byte is a candidate.
const HIT: u8 = 1;
/// Table value: the byte is a candidate when the byte before it is the lead
/// byte given by [`lead_for`].
const SECOND: u8 = 2;

/// The terminals of the Arabic block (`chars::is_terminal`; a test checks
/// that no other character of U+0600–U+06FF is one). Their lead bytes also
/// lead ordinary letters, so they are found by their second byte.
const QUESTION: char = '؟';
/// See [`QUESTION`].
const FULL_STOP: char = '۔';

/// The two UTF-8 bytes of a character of U+0080–U+07FF.
const fn utf8_pair(c: char) -> (u8, u8) {
    let u = c as u32;
    ((0xC0 | (u >> 6)) as u8, (0x80 | (u & 0x3F)) as u8)
}

/// The bytes of [`QUESTION`] (D8 9F) and [`FULL_STOP`] (DB 94).
const Q_LEAD: u8 = utf8_pair(QUESTION).0;
const Q_SECOND: u8 = utf8_pair(QUESTION).1;
const FS_LEAD: u8 = utf8_pair(FULL_STOP).0;
const FS_SECOND: u8 = utf8_pair(FULL_STOP).1;

/// The lead byte that makes a [`SECOND`] byte a candidate.
#[inline]
fn lead_for(b: u8) -> u8 {
    match b {
        Q_SECOND => Q_LEAD,
        FS_SECOND => FS_LEAD,
        _ => 0,
    }
}

/// Candidates of the in-line pass (see `rules::plain_byte`): terminals,
/// quotation marks, brackets, address characters, control and
/// non-ASCII-space lead bytes, `؟` and `۔`. The ASCII space is not a
/// candidate (the pass finds the last one before a candidate itself).
// Indexing in a const initializer cannot panic at run time: an out-of-range
// index fails the build.
#[allow(clippy::indexing_slicing)]
pub(crate) const RULES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 0x20 {
        t[b] = HIT;
        b += 1;
    }
    t[0x7F] = HIT;
    let ascii = b".!?\"()[]{}@/";
    let mut k = 0usize;
    while k < ascii.len() {
        t[ascii[k] as usize] = HIT;
        k += 1;
    }
    t[0xC2] = HIT;
    t[0xE1] = HIT;
    t[0xE2] = HIT;
    t[0xE3] = HIT;
    t[0xEF] = HIT;
    t[Q_SECOND as usize] = SECOND;
    t[FS_SECOND as usize] = SECOND;
    t
};

#[inline]
fn class(table: &[u8; 256], b: u8) -> u8 {
    table.get(usize::from(b)).copied().unwrap_or(0)
}

/// First candidate of the in-line pass in `bytes[from..end]`, or `end`.
pub(crate) fn next_rules(bytes: &[u8], from: usize, end: usize) -> usize {
    next(&RULES, bytes, from, end)
}

/// First candidate position in `bytes[from..end]` by `table`, or `end`.
/// `from` must be a char boundary (then every confirmed [`SECOND`] hit
/// yields the position of its lead byte, at or after `from`).
#[inline]
fn next(table: &[u8; 256], bytes: &[u8], from: usize, end: usize) -> usize {
    let end = end.min(bytes.len());
    let mut i = from;
    while i < end {
        let Some(s) = bytes.get(i..end) else {
            return end;
        };
        // Eight bytes per step while none is a candidate.
        let mut off = 0usize;
        for c in s.chunks_exact(8) {
            if c.iter().fold(0u8, |acc, &b| acc | class(table, b)) != 0 {
                break;
            }
            off += 8;
        }
        let rest = s.get(off..).unwrap_or(&[]);
        let Some(p) = rest.iter().position(|&b| class(table, b) != 0) else {
            return end;
        };
        let pos = i + off + p;
        let b = bytes.get(pos).copied().unwrap_or(0);
        if class(table, b) == HIT {
            return pos;
        }
        // A second byte: a candidate only after its lead byte.
        if pos > from && bytes.get(pos - 1).copied() == Some(lead_for(b)) {
            return pos - 1;
        }
        i = pos + 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(t: &str) -> Vec<usize> {
        let b = t.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let p = next_rules(b, i, b.len());
            if p < b.len() {
                out.push(p);
            }
            i = p + t[p..].chars().next().map_or(1, char::len_utf8);
        }
        out
    }

    #[test]
    fn finds_marks_not_letters() {
        let t = "هل انتهى الاجتماع الطويل؟ نعم. «قال» ولم۔ ٍمُ";
        let want: Vec<usize> = t
            .char_indices()
            .filter(|(_, c)| matches!(c, '؟' | '.' | '«' | '»' | '۔'))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(all(t), want);
    }

    #[test]
    fn long_runs_and_chunk_edges() {
        for n in [0usize, 1, 7, 8, 9, 31, 32, 33, 64, 100] {
            let t = format!("{}؟{}.", "ب".repeat(n), "x".repeat(n));
            let q = "ب".len() * n;
            assert_eq!(next_rules(t.as_bytes(), 0, t.len()), q);
            assert_eq!(next_rules(t.as_bytes(), q + 2, t.len()), t.len() - 1);
            assert_eq!(next_rules(t.as_bytes(), 0, q), q);
        }
    }

    #[test]
    fn arabic_terminals_are_the_listed_ones() {
        let found: Vec<char> = ('\u{0600}'..='\u{06FF}')
            .filter(|&c| crate::segment::chars::is_terminal(c))
            .collect();
        assert_eq!(found, [QUESTION, FULL_STOP]);
        assert_eq!((Q_LEAD, Q_SECOND), (0xD8, 0x9F));
        assert_eq!((FS_LEAD, FS_SECOND), (0xDB, 0x94));
        let t = format!("{QUESTION}{FULL_STOP}");
        assert_eq!(all(&t), [0, 2]);
    }

    #[test]
    fn second_bytes_of_other_chars_are_not_hits() {
        // U+065F (D9 9F), U+0654 (D9 94), ß (C3 9F): no candidates.
        let t = "\u{65F}\u{654}ßabcdefghijkl\u{65F}";
        assert_eq!(all(t), Vec::<usize>::new());
        assert_eq!(next_rules(t.as_bytes(), 0, t.len()), t.len());
    }
}
