//! JSON glossaries: an array of entries (or `{"entries": [...]}`), each
//! `{"ar", "en", "variants", "type", "note", "source"}`; `variants` is an
//! array of strings or one `|`-separated string.

use serde_json::Value;

use super::{Entry, LineCounter, Parsed, Row, TermType};
use crate::error::Error;

/// Byte offsets of the elements of the outermost array in `text` (the first
/// array found at nesting depth 0 or inside a top-level object).
fn element_offsets(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut array_depth: Option<usize> = None;
    let mut in_str = false;
    let mut escape = false;
    let mut expect_elem = false;
    for (i, b) in text.bytes().enumerate() {
        if in_str {
            if escape {
                escape = false;
            } else if b == b'\\' {
                escape = true;
            } else if b == b'"' {
                in_str = false;
            }
            continue;
        }
        if expect_elem && !b.is_ascii_whitespace() && b != b']' {
            out.push(i);
            expect_elem = false;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                if b == b'[' && array_depth.is_none() && depth <= 2 {
                    array_depth = Some(depth);
                    expect_elem = true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if Some(depth) == array_depth => expect_elem = true,
            _ => {}
        }
    }
    out
}

fn string_field(obj: &serde_json::Map<String, Value>, k: &str) -> Result<String, String> {
    match obj.get(k) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.trim().to_string()),
        Some(other) => Err(format!("field {k:?} must be a string, found {other}")),
    }
}

fn entry(v: &Value) -> Result<(Entry, Option<String>), String> {
    let Value::Object(obj) = v else {
        return Err(format!(
            "expected an object {{\"ar\": …, \"en\": …}}, found {v}"
        ));
    };
    let mut e = Entry {
        ar: string_field(obj, "ar")?,
        en: string_field(obj, "en")?,
        note: string_field(obj, "note")?,
        source: string_field(obj, "source")?,
        ..Default::default()
    };
    e.variants = match obj.get("variants") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => s
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
        Some(Value::Array(a)) => {
            let mut out = Vec::new();
            for x in a {
                match x {
                    Value::String(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
                    Value::String(_) => {}
                    other => return Err(format!("variants must be strings, found {other}")),
                }
            }
            out
        }
        Some(other) => {
            return Err(format!(
                "field \"variants\" must be an array of strings, found {other}"
            ))
        }
    };
    let t = string_field(obj, "type")?;
    let mut warn = None;
    if !t.is_empty() {
        e.kind = TermType::parse(&t);
        if e.kind.is_none() {
            warn = Some(format!(
                "unknown type {t:?} (expected person, place, org, term or date)"
            ));
        }
    }
    Ok((e, warn))
}

pub(crate) fn read(text: &str, name: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            parsed
                .errors
                .push(Error::parse(name, e.line(), format!("invalid JSON: {e}")));
            return parsed;
        }
    };
    let items = match value {
        Value::Array(a) => a,
        Value::Object(mut o) => match o.remove("entries") {
            Some(Value::Array(a)) => a,
            _ => {
                parsed.errors.push(Error::parse(
                    name,
                    1,
                    "expected a JSON array of entries or {\"entries\": [...]}",
                ));
                return parsed;
            }
        },
        _ => {
            parsed
                .errors
                .push(Error::parse(name, 1, "expected a JSON array of entries"));
            return parsed;
        }
    };
    let offsets = element_offsets(text);
    let mut lines = LineCounter::new(text);
    for (i, item) in items.iter().enumerate() {
        let line = offsets.get(i).map_or(0, |&o| lines.line_at(o));
        match entry(item) {
            Ok((entry, warn)) => {
                if let Some(w) = warn {
                    parsed.warnings.push((line, w));
                }
                parsed.rows.push(Row { line, entry });
            }
            Err(msg) => {
                parsed
                    .errors
                    .push(Error::parse(name, line, format!("entry {}: {msg}", i + 1)))
            }
        }
    }
    parsed
}

/// A pretty-printed JSON array of entries.
pub(crate) fn write(entries: &[Entry]) -> String {
    serde_json::to_string_pretty(entries).map_or_else(|_| "[]\n".to_string(), |s| s + "\n")
}
