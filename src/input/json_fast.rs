//! A fast path for the usual JSONL line: one object whose strings have only
//! the short escapes. It accepts a subset of what serde_json accepts and
//! builds the same [`Value`] that [`json::parse_lean`](super::json::parse_lean)
//! builds; on anything outside that subset (a `\u` escape, an exponent, a raw
//! control byte, deep nesting, any syntax error) it gives up and the caller
//! parses the line with serde_json, which then also words any error.
//!
//! Strings are scanned with `memchr2` for the quote and the backslash instead
//! of serde_json's eight-bytes-at-a-time loop, and the arrays and objects of
//! fields nothing reads (see [`Wanted`]) are only checked, never built.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::json::Wanted;

/// Nesting deeper than this is left to serde_json (its limit is 128).
const MAX_DEPTH: usize = 64;

/// Numbers longer than this are left to serde_json.
const MAX_NUMBER: usize = 18;

/// The value of one JSON text, or `None` when the text is outside the
/// subset this parser decides (the caller then uses serde_json).
pub(crate) fn parse(text: &str, wanted: &Wanted) -> Option<Value> {
    // JSON allows only tab, line feed and carriage return below 0x20, and
    // only between tokens; a line without any such byte needs no control
    // check inside its strings.
    if has_control(text.as_bytes()) {
        return None;
    }
    let mut p = Parser { text, pos: 0 };
    p.ws();
    let mut obj = Map::new();
    if p.open(b'{', b'}')? {
        loop {
            let key = p.string()?.into_owned();
            p.colon()?;
            let value = if wanted.has(&key) {
                p.whole()?
            } else {
                p.field()?
            };
            obj.insert(key, value);
            if !p.more(b'}')? {
                break;
            }
        }
    }
    p.ws();
    (p.pos == text.len()).then_some(Value::Object(obj))
}

/// Whether any byte is below 0x20 (the smallest byte, as a fold that
/// vectorizes).
fn has_control(bytes: &[u8]) -> bool {
    bytes.iter().fold(u8::MAX, |m, &b| m.min(b)) < 0x20
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.pos += 1)
    }

    /// Skips the whitespace serde_json skips (no control byte is left but
    /// these, so only the space counts here).
    fn ws(&mut self) {
        while self.peek() == Some(b' ') {
            self.pos += 1;
        }
    }

    /// A string starting at its quote, unescaped.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.eat(b'"')?;
        let bytes = self.text.as_bytes();
        let start = self.pos;
        // The plain runs before each escape and the char the escape stands
        // for: the string is built once its length is known.
        let mut escapes: Vec<(usize, usize, char)> = Vec::new();
        let mut from = start;
        loop {
            let rest = bytes.get(self.pos..)?;
            let at = self.pos + memchr::memchr2(b'"', b'\\', rest)?;
            if bytes.get(at) == Some(&b'"') {
                self.pos = at + 1;
                if escapes.is_empty() {
                    return self.text.get(start..at).map(Cow::Borrowed);
                }
                let len = escapes
                    .iter()
                    .map(|&(a, b, c)| b - a + c.len_utf8())
                    .sum::<usize>()
                    + (at - from);
                let mut s = String::with_capacity(len);
                for &(a, b, c) in &escapes {
                    s.push_str(self.text.get(a..b)?);
                    s.push(c);
                }
                s.push_str(self.text.get(from..at)?);
                return Some(Cow::Owned(s));
            }
            let c = match bytes.get(at + 1)? {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                _ => return None,
            };
            escapes.push((from, at, c));
            self.pos = at + 2;
            from = self.pos;
        }
    }

    /// Skips a string starting at its quote, checking its escapes.
    fn skip_string(&mut self) -> Option<()> {
        self.eat(b'"')?;
        let bytes = self.text.as_bytes();
        loop {
            let rest = bytes.get(self.pos..)?;
            let at = self.pos + memchr::memchr2(b'"', b'\\', rest)?;
            if bytes.get(at) == Some(&b'"') {
                self.pos = at + 1;
                return Some(());
            }
            match bytes.get(at + 1)? {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.pos = at + 2,
                _ => return None,
            }
        }
    }

    /// Skips a number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, short, no exponent.
    fn skip_number(&mut self) -> Option<()> {
        let start = self.pos;
        let _ = self.eat(b'-');
        match self.peek()? {
            b'0' => self.pos += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let before = self.pos;
            self.digits();
            if self.pos == before {
                return None;
            }
        }
        match self.peek() {
            Some(b'0'..=b'9' | b'e' | b'E' | b'.') => None,
            _ => (self.pos - start <= MAX_NUMBER).then_some(()),
        }
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }

    /// Past `open` and the white space after it: `true` when a member
    /// follows, `false` past `close` (an empty array or object), `None` when
    /// the next byte is not `open`.
    fn open(&mut self, open: u8, close: u8) -> Option<bool> {
        self.eat(open)?;
        self.ws();
        Some(self.eat(close).is_none())
    }

    /// The `:` after an object key, with the white space around it.
    fn colon(&mut self) -> Option<()> {
        self.ws();
        self.eat(b':')?;
        self.ws();
        Some(())
    }

    /// After a member of an array or object (and any white space): `true`
    /// past a `,` and the white space after it (another member follows),
    /// `false` past the `close` bracket, `None` on anything else.
    fn more(&mut self, close: u8) -> Option<bool> {
        self.ws();
        match self.peek()? {
            b',' => {
                self.pos += 1;
                self.ws();
                Some(true)
            }
            b if b == close => {
                self.pos += 1;
                Some(false)
            }
            _ => None,
        }
    }

    /// Skips `true`, `false` or `null`, giving its value.
    fn literal(&mut self) -> Option<Value> {
        let rest = self.text.as_bytes().get(self.pos..)?;
        let (len, v) = if rest.starts_with(b"true") {
            (4, Value::Bool(true))
        } else if rest.starts_with(b"false") {
            (5, Value::Bool(false))
        } else if rest.starts_with(b"null") {
            (4, Value::Null)
        } else {
            return None;
        };
        self.pos += len;
        Some(v)
    }

    /// Skips any value, checking it.
    fn skip(&mut self, depth: usize) -> Option<()> {
        match self.peek()? {
            b'"' => self.skip_string(),
            b'[' | b'{' if depth >= MAX_DEPTH => None,
            b'[' => {
                if self.open(b'[', b']')? {
                    loop {
                        self.skip(depth + 1)?;
                        if !self.more(b']')? {
                            break;
                        }
                    }
                }
                Some(())
            }
            b'{' => {
                if self.open(b'{', b'}')? {
                    loop {
                        self.skip_string()?;
                        self.colon()?;
                        self.skip(depth + 1)?;
                        if !self.more(b'}')? {
                            break;
                        }
                    }
                }
                Some(())
            }
            b'-' | b'0'..=b'9' => self.skip_number(),
            _ => self.literal().map(drop),
        }
    }

    /// A value kept whole: strings unescaped here, anything else checked
    /// here and then built by serde_json from its own bytes.
    fn whole(&mut self) -> Option<Value> {
        if self.peek()? == b'"' {
            return Some(Value::String(self.string()?.into_owned()));
        }
        let start = self.pos;
        self.skip(1)?;
        serde_json::from_str(self.text.get(start..self.pos)?).ok()
    }

    /// A field nothing reads whole: scalars kept, arrays and objects checked
    /// and kept as `null`.
    fn field(&mut self) -> Option<Value> {
        match self.peek()? {
            b'"' => Some(Value::String(self.string()?.into_owned())),
            b'[' | b'{' => self.skip(1).map(|()| Value::Null),
            b'-' | b'0'..=b'9' => {
                let start = self.pos;
                self.skip_number()?;
                serde_json::from_str(self.text.get(start..self.pos)?).ok()
            }
            _ => self.literal(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;
    use crate::input::json::{document_from_value, parse_lean, parse_lean_serde};
    use crate::input::InputOptions;

    fn opts(text_field: &str, id_field: &str) -> InputOptions {
        InputOptions {
            text_field: text_field.into(),
            id_field: id_field.into(),
            ..Default::default()
        }
    }

    /// The fast path, the lean serde path and a plain `Value` parse agree on
    /// `line`: same acceptance, same error text, same document. Returns
    /// whether the fast path decided the line.
    fn agree(line: &str, opts: &InputOptions) -> bool {
        let wanted = Wanted::new(opts);
        let full = serde_json::from_str::<Value>(line);
        let lean = parse_lean(line, &wanted);
        let slow = parse_lean_serde(line, &wanted);
        let fast = parse(line, &wanted);
        match (full, lean, slow) {
            (Ok(full), Ok(lean), Ok(slow)) => {
                if let Some(f) = &fast {
                    assert_eq!(f, &slow, "fast and serde differ on {line:?}");
                }
                assert_eq!(lean, slow);
                let a = document_from_value(full, "fb#1".into(), "src:1", opts);
                let b = document_from_value(lean, "fb#1".into(), "src:1", opts);
                assert_eq!(a, b, "documents differ on {line:?}");
            }
            (Err(full), Err(lean), Err(slow)) => {
                assert!(fast.is_none(), "fast path accepted {line:?}: {full}");
                assert_eq!(full.to_string(), lean.to_string(), "on {line:?}");
                assert_eq!(full.to_string(), slow.to_string(), "on {line:?}");
            }
            (full, lean, slow) => {
                panic!("disagree on {line:?}: {full:?} / {lean:?} / {slow:?}")
            }
        }
        fast.is_some()
    }

    /// Lines the fast path decides itself.
    const FAST: &[&str] = &[
        r#"{"id": "a1", "text": "نص عربي قصير.", "refs": ["ملخص", "آخر"], "budget_words": 92}"#,
        r#"{"id":7,"text":"line one\nline \"two\"\\ \/ \b\f\r\t end","n":-0.25,"ok":true,"no":false,"z":null}"#,
        r#"  {"text": "x", "text": "second wins", "id": "first", "id": "last"}  "#,
        r#"{"text": ["para one", "para two", "ثالث"], "id": 12345678901234567}"#,
        r#"{"a": {"b": "nested text", "c": [1, {"d": []}]}, "id": "n"}"#,
        r#"{"meta": {"id": 3}, "body": "via body", "title": {"x": 1}, "headline": "h"}"#,
        r#"{"text": "t", "refs": [[], {}, [{"k": ["v", 0, -1, 2.5, true, null]}]]}"#,
        r#"{"url": "http://x/y", "content": "c", "date_published": "2015-07-23"}"#,
        r#"{"text": 5, "content": ["a", 1], "body": [], "article": "the article"}"#,
        r#"{"id": "  ", "docno": "", "text": "blank ids fall back"}"#,
        r#"{}"#,
        r#"{"id": "no text here"}"#,
    ];

    /// Valid lines the fast path leaves to serde_json.
    const SLOW: &[&str] = &[
        r#"{"text": "escaped \u0628 letter", "id": "u"}"#,
        r#"{"text": "x", "refs": ["\ud83d\ude00"]}"#,
        r#"{"text": "x", "n": 1e3}"#,
        r#"{"text": "x", "n": 123456789012345678901234567890}"#,
        "{\"text\":\t\"tab between tokens\"}",
        "[{\"text\": \"an array\"}]",
        "\"just a string\"",
        "42",
    ];

    /// Lines serde_json rejects: the error must come out the same.
    const BROKEN: &[&str] = &[
        r#"{"text": "x", "refs": ["a", "b",]}"#,
        r#"{"text": "x", "refs": ["a" "b"]}"#,
        r#"{"text": "x", "refs": [1e999]}"#,
        r#"{"text": "x", "refs": [01]}"#,
        r#"{"text": "x", "refs": ["\q"]}"#,
        r#"{"text": "x", "refs": ["\ud800"]}"#,
        r#"{"text": "x", "refs": {"a": 1,}}"#,
        r#"{"text": "x", "refs": {1: 2}}"#,
        r#"{"text": "x", "refs": [tru]}"#,
        r#"{"text": "x", "refs": [-]}"#,
        r#"{"text": "x", "refs": [1.]}"#,
        r#"{"text": "x", "refs": ["unterminated]}"#,
        r#"{"text": "x",}"#,
        r#"{"text": "x"} trailing"#,
        r#"{"text": "x""#,
        "{\"text\": \"raw \u{1} control\"}",
        "{\"text\": \"raw \n newline\"}",
        r#"{"text" "x"}"#,
        "",
        "   ",
        "{",
    ];

    #[test]
    fn fast_lines_agree_with_serde() {
        for o in [
            opts("text", "id"),
            opts("a.b", "meta.id"),
            opts("refs", "n"),
        ] {
            for line in FAST {
                assert!(agree(line, &o), "not decided by the fast path: {line}");
            }
            for line in SLOW.iter().chain(BROKEN) {
                assert!(!agree(line, &o), "decided by the fast path: {line}");
            }
        }
    }

    #[test]
    fn deep_nesting_is_left_to_serde() {
        for depth in [10, 63, 64, 65, 126, 127, 128, 200] {
            let line = format!(
                r#"{{"text": "x", "refs": {}{}}}"#,
                "[".repeat(depth),
                "]".repeat(depth)
            );
            assert_eq!(
                agree(&line, &opts("text", "id")),
                depth < MAX_DEPTH,
                "depth {depth}"
            );
        }
    }

    #[test]
    fn fast_path_documents() {
        let o = opts("a.b", "meta.id");
        let v = parse(FAST[4], &Wanted::new(&o)).unwrap();
        let d = document_from_value(v, "fb#1".into(), "src:1", &o).unwrap();
        assert_eq!(d.text, "nested text");
        assert_eq!(d.id, "n");
        let o = opts("text", "id");
        let v = parse(FAST[1], &Wanted::new(&o)).unwrap();
        let d = document_from_value(v, "fb#1".into(), "src:1", &o).unwrap();
        assert_eq!(d.id, "7");
        assert_eq!(d.text, "line one\nline \"two\"\\ / \u{8}\u{c}\r\t end");
        assert_eq!(d.meta.get("n").map(String::as_str), Some("-0.25"));
        assert_eq!(d.meta.get("ok").map(String::as_str), Some("true"));
        assert!(!d.meta.contains_key("z"));
        let v = parse(FAST[2], &Wanted::new(&o)).unwrap();
        let d = document_from_value(v, "fb#1".into(), "src:1", &o).unwrap();
        assert_eq!((d.id.as_str(), d.text.as_str()), ("last", "second wins"));
        let v = parse(FAST[3], &Wanted::new(&o)).unwrap();
        let d = document_from_value(v, "fb#1".into(), "src:1", &o).unwrap();
        assert_eq!(d.text, "para one\n\npara two\n\nثالث");
        assert_eq!(d.id, "12345678901234567");
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn value() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::Bool),
                any::<i64>().prop_map(Value::from),
                (-1e6f64..1e6).prop_map(Value::from),
                "[a-c\"\\\\/\u{1}\n\t ب]{0,6}".prop_map(Value::String),
            ];
            leaf.prop_recursive(4, 24, 4, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                    prop::collection::vec(
                        (
                            prop::sample::select(vec!["text", "id", "refs", "a", "b"]),
                            inner
                        ),
                        0..4
                    )
                    .prop_map(|kv| Value::Object(
                        kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
                    )),
                ]
            })
        }

        /// A top-level object as a JSON line, then maybe broken: a byte cut
        /// out or a token put in.
        fn line() -> impl Strategy<Value = String> {
            let fields = prop::collection::vec(
                (
                    prop::sample::select(vec!["text", "id", "refs", "a", "title"]),
                    value(),
                ),
                0..5,
            );
            let tokens = prop::sample::select(vec![
                "", "", ",", "]", "}", "[", "{", "\"", "\\", ":", "1e5", "0", "-", "x", " ",
                "\\u0041", "\t",
            ]);
            (fields, any::<prop::sample::Index>(), tokens, any::<bool>()).prop_map(
                |(fields, at, token, cut)| {
                    let mut s = String::from("{");
                    for (i, (k, v)) in fields.iter().enumerate() {
                        if i > 0 {
                            s.push_str(", ");
                        }
                        s.push_str(&format!("\"{k}\": {v}"));
                    }
                    s.push('}');
                    let mut at = at.index(s.len() + 1);
                    while !s.is_char_boundary(at) {
                        at -= 1;
                    }
                    if cut && at < s.len() && !token.is_empty() {
                        let end = (at + 1..=s.len()).find(|&e| s.is_char_boundary(e)).unwrap();
                        s.replace_range(at..end, "");
                    } else {
                        s.insert_str(at, token);
                    }
                    s
                },
            )
        }

        proptest! {
            #[test]
            fn fast_path_never_disagrees(line in line()) {
                for o in [opts("text", "id"), opts("a.b", "refs")] {
                    agree(&line, &o);
                }
            }
        }
    }
}
