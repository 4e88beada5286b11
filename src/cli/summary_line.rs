//! The `summarize --format jsonl` record, written without serde_json.
//!
//! serde_json escapes strings one byte at a time through a table; on a
//! `summarize` of the 77 EASC dev articles that loop was 2.4% of all
//! instructions, for text that almost never needs an escape (Arabic bytes
//! are all ≥ 0x80). [`push_json_str`] skips eight bytes at a time while none
//! of them is `"`, `\` or a control character, and escapes exactly as
//! serde_json does, so the line is byte for byte what `serde_json::to_string`
//! gives for the same record (tested below against serde_json itself).

use std::fmt::Write;

/// One line of `summarize --format jsonl` (keys in alphabetical order, as
/// every JSONL record khulasa writes). `Serialize` is for the tests, which
/// hold [`to_line`](Self::to_line) to serde_json's output.
#[derive(serde::Serialize)]
pub(crate) struct SummaryLine<'a> {
    pub id: &'a str,
    pub sentences: Vec<[usize; 2]>,
    pub summary: String,
}

impl SummaryLine<'_> {
    /// The record as one line of compact JSON, newline included.
    pub fn to_line(&self) -> String {
        let mut out = String::with_capacity(
            self.id.len() + self.summary.len() + 24 * self.sentences.len() + 48,
        );
        out.push_str("{\"id\":");
        push_json_str(&mut out, self.id);
        out.push_str(",\"sentences\":[");
        for (i, [start, end]) in self.sentences.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            // Writing to a String cannot fail.
            let _ = write!(out, "[{start},{end}]");
        }
        out.push_str("],\"summary\":");
        push_json_str(&mut out, &self.summary);
        out.push_str("}\n");
        out
    }
}

/// Appends `s` as a JSON string literal, quotes included, escaped as
/// serde_json escapes: `\"`, `\\`, `\b \t \n \f \r`, other bytes below 0x20
/// as `\u00xx` (lower-case hex); everything else as is.
fn push_json_str(out: &mut String, s: &str) {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Whether any byte of `w` is below 0x20, `"` or `\` (may also be true
    // for a word without one: the bytes are then looked at one by one).
    let special = |w: u64| {
        let zero = |v: u64| v.wrapping_sub(LO) & !v & HI;
        (w.wrapping_sub(0x20 * LO) & !w & HI)
            | zero(w ^ (b'"' as u64 * LO))
            | zero(w ^ (b'\\' as u64 * LO))
            != 0
    };
    out.push('"');
    let bytes = s.as_bytes();
    let (mut done, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        if let Some(word) = bytes.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            if !special(u64::from_le_bytes(w)) {
                i += 8;
                continue;
            }
        }
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => {
                i += 1;
                continue;
            }
        };
        // `b` is ASCII, so `done..i` and `i + 1..` end on char boundaries.
        out.push_str(s.get(done..i).unwrap_or_default());
        if esc.is_empty() {
            let _ = write!(out, "\\u{:04x}", b);
        } else {
            out.push_str(esc);
        }
        i += 1;
        done = i;
    }
    out.push_str(s.get(done..).unwrap_or_default());
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn serde_line(l: &SummaryLine) -> String {
        let mut s = serde_json::to_string(l).unwrap_or_default();
        s.push('\n');
        s
    }

    #[test]
    fn every_escape_matches_serde_json() {
        let all: String = (0u8..0x80).map(char::from).collect();
        for s in [
            "",
            "بسم الله",
            "\"",
            "\\",
            "a\u{7f}b",
            "١٢٣ \u{200f}\u{feff}",
            &all,
            "12345678\"12345678\\1234567\n",
        ] {
            let mut mine = String::new();
            push_json_str(&mut mine, s);
            assert_eq!(mine, serde_json::to_string(s).unwrap_or_default(), "{s:?}");
        }
    }

    #[test]
    fn a_line_is_what_serde_json_writes() {
        let l = SummaryLine {
            id: "doc \"1\"",
            sentences: vec![[0, 12], [30, 44]],
            summary: "أعلنت الحكومة.\nقال \"الوزير\"".to_string(),
        };
        assert_eq!(l.to_line(), serde_line(&l));
        let empty = SummaryLine {
            id: "",
            sentences: Vec::new(),
            summary: String::new(),
        };
        assert_eq!(
            empty.to_line(),
            "{\"id\":\"\",\"sentences\":[],\"summary\":\"\"}\n"
        );
    }

    proptest! {
        #[test]
        fn random_lines_match_serde_json(
            id in ".{0,12}",
            summary in "(\\PC|[\\x00-\\x1f\"\\\\\u{7f}]){0,80}",
            sentences in proptest::collection::vec((0usize..100_000, 0usize..100_000), 0..6),
        ) {
            let l = SummaryLine {
                id: &id,
                sentences: sentences.iter().map(|&(a, b)| [a, b]).collect(),
                summary,
            };
            prop_assert_eq!(l.to_line(), serde_line(&l));
        }
    }
}
