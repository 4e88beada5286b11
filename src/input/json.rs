//! JSON articles: one object per file, an array of objects, or an object
//! holding such an array (`articles`, `documents`, `data`…), and the shared
//! mapping from a JSON object to a [`Document`].

use serde_json::{Map, Value};

use super::{Failed, InputOptions, Origin, Record};
use crate::text::Document;

/// Field names tried for the text after the configured one.
pub(crate) const TEXT_FIELDS: &[&str] = &["text", "content", "body", "article"];
/// Field names tried for the id after the configured one.
const ID_FIELDS: &[&str] = &["id", "docno", "url"];
/// Field names whose value becomes `meta["title"]`.
const TITLE_FIELDS: &[&str] = &["title", "headline"];
/// Field names whose value becomes `meta["date"]`.
const DATE_FIELDS: &[&str] = &[
    "date",
    "date_published",
    "published",
    "pubdate",
    "date_extracted",
    "time",
];
/// Fields of a wrapper object that may hold the array of articles.
const ARRAY_FIELDS: &[&str] = &["articles", "documents", "docs", "data", "items", "records"];

/// Maps one JSON value to a document.
///
/// `fallback_id` is used when no id field is present; `source` becomes the
/// document's source and names it in errors.
pub(crate) fn document_from_value(
    value: &Value,
    fallback_id: String,
    source: &str,
    opts: &InputOptions,
) -> Record {
    let Some(obj) = value.as_object() else {
        return Err(Failed {
            id: fallback_id,
            source: source.to_string(),
            error: format!(
                "{source}: a JSON {} where an article object was expected",
                kind(value)
            ),
        });
    };
    let id_key = std::iter::once(opts.id_field.as_str())
        .chain(ID_FIELDS.iter().copied())
        .find(|k| {
            matches!(get_path(obj, k), Some(Value::String(s)) if !s.trim().is_empty())
                || matches!(get_path(obj, k), Some(Value::Number(_)))
        });
    let id = match id_key.and_then(|k| get_path(obj, k)) {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => fallback_id,
    };
    let text_key = std::iter::once(opts.text_field.as_str())
        .chain(TEXT_FIELDS.iter().copied())
        .find(|k| text_of(get_path(obj, k)).is_some());
    let Some(text_key) = text_key else {
        return Err(Failed {
            id,
            source: source.to_string(),
            error: format!(
                "{source}: no string field \"{}\" (nor {}); set --text-field",
                opts.text_field,
                TEXT_FIELDS.join(", ")
            ),
        });
    };
    let text = text_of(get_path(obj, text_key)).unwrap_or_default();
    if text.len() as u64 > opts.max_doc_bytes {
        return Err(Failed {
            error: crate::Error::TooLarge {
                input: source.to_string(),
                what: "document",
                size: text.len() as u64,
                limit: opts.max_doc_bytes,
            }
            .to_string(),
            id,
            source: source.to_string(),
        });
    }
    let mut d = Document::new(id, text);
    d.source = source.to_string();
    copy_meta(obj, text_key, id_key, &mut d);
    Ok(d)
}

/// A field by name, or by a dotted path into nested objects
/// (`--text-field article.body`) when no field has the literal name.
fn get_path<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    if let Some(v) = obj.get(key) {
        return Some(v);
    }
    let mut parts = key.split('.');
    let mut cur = obj.get(parts.next()?)?;
    for p in parts {
        cur = cur.as_object()?.get(p)?;
    }
    Some(cur)
}

/// A string field, or an array of strings (paragraphs) joined by blank lines.
fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_string) => Some(
            items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("\n\n"),
        ),
        _ => None,
    }
}

fn copy_meta(obj: &Map<String, Value>, text_key: &str, id_key: Option<&str>, d: &mut Document) {
    for (k, v) in obj {
        if k == text_key || Some(k.as_str()) == id_key {
            continue;
        }
        let s = match v {
            Value::String(s) => s.clone(),
            Value::Number(_) | Value::Bool(_) => v.to_string(),
            _ => continue,
        };
        d.meta.insert(k.clone(), s);
    }
    // An id taken from `url` stays visible as the url.
    if id_key == Some("url") {
        if let Some(u) = obj.get("url").and_then(Value::as_str) {
            d.meta.insert("url".into(), u.to_string());
        }
    }
    for (canon, aliases) in [("title", TITLE_FIELDS), ("date", DATE_FIELDS)] {
        if d.meta.contains_key(canon) {
            continue;
        }
        if let Some(v) = aliases.iter().find_map(|a| d.meta.get(*a)).cloned() {
            d.meta.insert(canon.into(), v);
        }
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The articles of one JSON file, produced one at a time.
pub(crate) struct JsonDocs {
    state: State,
    origin: Origin,
    encoding: &'static str,
    opts: InputOptions,
    index: usize,
}

enum State {
    /// A top-level array still being scanned: the text and the scan position.
    Array { text: String, pos: usize },
    /// Values already parsed (a single object or a wrapper's array).
    Values(std::vec::IntoIter<Value>),
    /// One failure left to report.
    Fail(Option<String>),
}

impl JsonDocs {
    pub(crate) fn new(
        text: String,
        origin: Origin,
        encoding: &'static str,
        opts: &InputOptions,
    ) -> Self {
        let trimmed = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        let state = if trimmed.starts_with('[') {
            let pos = text.len() - trimmed.len() + 1;
            State::Array { text, pos }
        } else {
            match serde_json::from_str::<Value>(&text) {
                Ok(Value::Object(obj)) => {
                    let has_text = std::iter::once(opts.text_field.as_str())
                        .chain(TEXT_FIELDS.iter().copied())
                        .any(|k| text_of(obj.get(k)).is_some());
                    let wrapped = ARRAY_FIELDS.iter().find_map(|k| match obj.get(*k) {
                        Some(Value::Array(a)) if !has_text => Some(a.clone()),
                        _ => None,
                    });
                    match wrapped {
                        Some(items) => State::Values(items.into_iter()),
                        None => State::Values(vec![Value::Object(obj)].into_iter()),
                    }
                }
                Ok(other) => State::Values(vec![other].into_iter()),
                Err(e) => State::Fail(Some(format!("{}: not valid JSON: {e}", origin.source))),
            }
        };
        JsonDocs {
            state,
            origin,
            encoding,
            opts: opts.clone(),
            index: 0,
        }
    }

    fn finish(&self, record: Record) -> Record {
        record.map(|mut d| {
            self.origin.annotate(&mut d);
            d.meta.insert("format".into(), "json".into());
            d.meta.insert("encoding".into(), self.encoding.into());
            d
        })
    }
}

impl Iterator for JsonDocs {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let one = matches!(&self.state, State::Values(v) if v.len() == 1 && self.index == 0);
        self.index += 1;
        let (source, fallback) = if one && !matches!(self.state, State::Array { .. }) {
            (self.origin.source.clone(), self.origin.stem.clone())
        } else {
            (
                format!("{}#{}", self.origin.source, self.index),
                format!("{}#{}", self.origin.stem, self.index),
            )
        };
        match &mut self.state {
            State::Fail(msg) => {
                let error = msg.take()?;
                Some(Err(Failed {
                    id: self.origin.stem.clone(),
                    source: self.origin.source.clone(),
                    error,
                }))
            }
            State::Values(values) => {
                let v = values.next()?;
                let r = document_from_value(&v, fallback, &source, &self.opts);
                Some(self.finish(r))
            }
            State::Array { text, pos } => {
                let scanned = next_element(text, *pos);
                match scanned {
                    Element::End => None,
                    Element::Item(s, e) => {
                        *pos = e;
                        let slice = text.get(s..e).unwrap_or_default();
                        let r = match serde_json::from_str::<Value>(slice) {
                            Ok(v) => document_from_value(&v, fallback, &source, &self.opts),
                            Err(err) => Err(Failed {
                                id: fallback,
                                source: source.clone(),
                                error: format!("{source}: not valid JSON: {err}"),
                            }),
                        };
                        Some(self.finish(r))
                    }
                    Element::Broken(msg) => {
                        *pos = text.len();
                        self.state = State::Fail(None);
                        Some(Err(Failed {
                            id: fallback,
                            source: source.clone(),
                            error: format!("{source}: {msg}"),
                        }))
                    }
                }
            }
        }
    }
}

/// One step of scanning a JSON array.
#[derive(Debug, PartialEq, Eq)]
enum Element {
    /// Byte range of the next element.
    Item(usize, usize),
    /// The closing `]` (or only whitespace after the last element).
    End,
    /// Unterminated element or array: the rest cannot be read.
    Broken(&'static str),
}

/// Finds the next element of a top-level array, starting after `[` or after
/// the previous element. Strings and nesting are tracked so commas inside
/// them do not split; the element itself is parsed by serde_json later.
fn next_element(text: &str, pos: usize) -> Element {
    let bytes = text.as_bytes();
    let mut i = pos;
    // Skip whitespace and one separating comma.
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_whitespace() || b == b',' {
            i += 1;
        } else {
            break;
        }
    }
    match bytes.get(i) {
        None => return Element::Broken("JSON array is not closed (file truncated?)"),
        Some(b']') => return Element::End,
        Some(_) => {}
    }
    let start = i;
    let mut depth = 0usize;
    let mut in_str = false;
    while let Some(&b) = bytes.get(i) {
        if in_str {
            // Jump to the next quote or backslash; an escape skips one byte.
            match bytes
                .get(i..)
                .and_then(|rest| memchr::memchr2(b'"', b'\\', rest))
            {
                None => break,
                Some(rel) => {
                    i += rel;
                    if bytes.get(i) == Some(&b'\\') {
                        i += 2;
                    } else {
                        in_str = false;
                        i += 1;
                    }
                }
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth == 0 => return Element::Item(start, i),
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return Element::Item(start, i + 1);
                }
            }
            b',' if depth == 0 => return Element::Item(start, i),
            _ => {}
        }
        i += 1;
    }
    Element::Broken("last element of the JSON array is cut off (file truncated?)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_elements() {
        let t = r#"[ {"a": "x,]}"}, 3 , [1,[2]] ]"#;
        let Element::Item(s, e) = next_element(t, 1) else {
            panic!()
        };
        assert_eq!(&t[s..e], r#"{"a": "x,]}"}"#);
        let Element::Item(s, e2) = next_element(t, e) else {
            panic!()
        };
        assert_eq!(t[s..e2].trim(), "3");
        let Element::Item(s, e3) = next_element(t, e2) else {
            panic!()
        };
        assert_eq!(&t[s..e3], "[1,[2]]");
        assert_eq!(next_element(t, e3), Element::End);
        assert!(matches!(next_element(r#"[{"a": 1"#, 1), Element::Broken(_)));
        assert!(matches!(next_element("[1, ", 3), Element::Broken(_)));
        // Escaped quotes and backslashes stay inside the string.
        let t = r#"[{"a": "q\"],\\"}, 2]"#;
        let Element::Item(s, e) = next_element(t, 1) else {
            panic!()
        };
        assert_eq!(&t[s..e], r#"{"a": "q\"],\\"}"#);
        assert!(matches!(
            next_element(r#"[{"a": "x\"#, 1),
            Element::Broken(_)
        ));
    }
}
