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
/// Field names whose value becomes `meta["outlet"]` (SaudiNewsNet's
/// `source` is the newspaper).
const OUTLET_FIELDS: &[&str] = &["outlet", "source", "publisher"];
/// Fields of a wrapper object that may hold the array of articles.
const ARRAY_FIELDS: &[&str] = &["articles", "documents", "docs", "data", "items", "records"];

/// Maps one JSON value to a document.
///
/// `fallback_id` is used when no id field is present; `source` becomes the
/// document's source and names it in errors. The value is taken by value so
/// that the text moves into the document instead of being copied.
pub(crate) fn document_from_value(
    value: Value,
    fallback_id: String,
    source: &str,
    opts: &InputOptions,
) -> Record {
    let mut obj = match value {
        Value::Object(obj) => obj,
        other => {
            return Err(Failed {
                id: fallback_id,
                source: source.to_string(),
                error: format!(
                    "{source}: a JSON {} where an article object was expected",
                    kind(&other)
                ),
            })
        }
    };
    let id_key = id_keys(opts).find(|k| {
        matches!(get_path(&obj, k), Some(Value::String(s)) if !s.trim().is_empty())
            || matches!(get_path(&obj, k), Some(Value::Number(_)))
    });
    let id = match id_key.and_then(|k| get_path(&obj, k)) {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => fallback_id,
    };
    let text_key = text_keys(opts).find(|k| text_len(get_path(&obj, k)).is_some());
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
    let len = text_len(get_path(&obj, text_key)).unwrap_or_default();
    if len as u64 > opts.max_doc_bytes {
        return Err(Failed {
            error: crate::Error::TooLarge {
                input: source.to_string(),
                what: "document",
                size: len as u64,
                limit: opts.max_doc_bytes,
            }
            .to_string(),
            id,
            source: source.to_string(),
        });
    }
    // An id taken from `url` stays visible as the url (even when the text
    // comes from `url` too).
    let url = match id_key {
        Some("url") => obj.get("url").and_then(Value::as_str).map(str::to_string),
        _ => None,
    };
    let text = take_text(get_path_mut(&mut obj, text_key));
    let mut d = Document::new(id, text);
    d.source = source.to_string();
    move_meta(obj, text_key, id_key, url, &mut d);
    Ok(d)
}

/// The id fields tried in order: the configured one, then the usual names.
fn id_keys(opts: &InputOptions) -> impl Iterator<Item = &str> {
    std::iter::once(opts.id_field.as_str()).chain(ID_FIELDS.iter().copied())
}

/// The text fields tried in order: the configured one, then the usual names.
fn text_keys(opts: &InputOptions) -> impl Iterator<Item = &str> {
    std::iter::once(opts.text_field.as_str()).chain(TEXT_FIELDS.iter().copied())
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

/// [`get_path`] for changing the value found.
fn get_path_mut<'a>(obj: &'a mut Map<String, Value>, key: &str) -> Option<&'a mut Value> {
    if obj.contains_key(key) {
        return obj.get_mut(key);
    }
    let mut parts = key.split('.');
    let mut cur = obj.get_mut(parts.next()?)?;
    for p in parts {
        cur = cur.as_object_mut()?.get_mut(p)?;
    }
    Some(cur)
}

/// Whether a value can be a text: a string, or a non-empty array of strings
/// (paragraphs); if so, the byte length of the text [`take_text`] makes of it.
fn text_len(v: Option<&Value>) -> Option<usize> {
    match v? {
        Value::String(s) => Some(s.len()),
        Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_string) => Some(
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::len)
                .sum::<usize>()
                + 2 * (items.len() - 1),
        ),
        _ => None,
    }
}

/// Moves the text out of a value accepted by [`text_len`]: the string itself,
/// or the paragraphs joined by blank lines.
fn take_text(v: Option<&mut Value>) -> String {
    match v.map(std::mem::take) {
        Some(Value::String(s)) => s,
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n\n"),
        _ => String::new(),
    }
}

/// Moves the scalar fields other than the text and the id into `d.meta`,
/// then `url` (when the id came from it) and the canonical `title`, `date`
/// and `outlet` from their aliases.
fn move_meta(
    obj: Map<String, Value>,
    text_key: &str,
    id_key: Option<&str>,
    url: Option<String>,
    d: &mut Document,
) {
    for (k, v) in obj {
        if k == text_key || Some(k.as_str()) == id_key {
            continue;
        }
        let s = match v {
            Value::String(s) => s,
            Value::Number(_) | Value::Bool(_) => v.to_string(),
            _ => continue,
        };
        d.meta.insert(k, s);
    }
    if let Some(u) = url {
        d.meta.insert("url".into(), u);
    }
    for (canon, aliases) in [
        ("title", TITLE_FIELDS),
        ("date", DATE_FIELDS),
        ("outlet", OUTLET_FIELDS),
    ] {
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
    wanted: Wanted,
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
                    let has_text = text_keys(opts).any(|k| text_len(obj.get(k)).is_some());
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
            wanted: Wanted::new(opts),
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
                let r = document_from_value(v, fallback, &source, &self.opts);
                Some(self.finish(r))
            }
            State::Array { text, pos } => {
                let scanned = next_element(text, *pos);
                match scanned {
                    Element::End => None,
                    Element::Item(s, e) => {
                        *pos = e;
                        let slice = text.get(s..e).unwrap_or_default();
                        let r = match parse_lean(slice, &self.wanted) {
                            Ok(v) => document_from_value(v, fallback, &source, &self.opts),
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

/// The top-level fields whose arrays and objects [`document_from_value`] may
/// read: the text fields (a text may be an array of paragraphs) and the first
/// part of every dotted id or text path. Of every other field only a string,
/// number or boolean can end up in the document (in `meta`).
#[derive(Debug, Clone)]
pub(crate) struct Wanted(Vec<String>);

impl Wanted {
    /// The fields wanted whole under these options.
    pub(crate) fn new(opts: &InputOptions) -> Self {
        let mut keys: Vec<String> = text_keys(opts).map(str::to_string).collect();
        for k in text_keys(opts).chain(id_keys(opts)) {
            if let Some((head, _)) = k.split_once('.') {
                keys.push(head.to_string());
            }
        }
        keys.sort_unstable();
        keys.dedup();
        Wanted(keys)
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.0.iter().any(|k| k == key)
    }
}

/// Parses one JSON text as [`document_from_value`] sees it, without building
/// what it never reads: a top-level object keeps its scalar fields and the
/// [`Wanted`] fields whole, while the arrays and objects of other fields are
/// parsed (so that broken JSON anywhere is still an error) but kept as `null`;
/// a top-level array is kept empty (only its kind is reported).
///
/// The usual line is decided by [`json_fast`](super::json_fast); anything it
/// leaves goes to [`parse_lean_serde`]. Either way the same texts are accepted
/// as by `serde_json::from_str::<Value>`, a rejected one gets serde_json's
/// error message, and a repeated key keeps its last value, as [`Map`] does.
pub(crate) fn parse_lean(text: &str, wanted: &Wanted) -> serde_json::Result<Value> {
    if let Some(value) = super::json_fast::parse(text, wanted) {
        return Ok(value);
    }
    parse_lean_serde(text, wanted)
}

/// [`parse_lean`] through serde_json only. Every value goes through the same
/// `deserialize_any` calls as `serde_json::from_str::<Value>`, so the same
/// texts are accepted and a rejected one gets the same error message.
pub(crate) fn parse_lean_serde(text: &str, wanted: &Wanted) -> serde_json::Result<Value> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde::de::DeserializeSeed::deserialize(Lean::Top(wanted), &mut de)?;
    de.end()?;
    Ok(value)
}

/// How much of a value [`parse_lean`] keeps.
#[derive(Clone, Copy)]
enum Lean<'w> {
    /// The whole line: an object is kept field by field.
    Top(&'w Wanted),
    /// A field that is not wanted: scalars kept, arrays and objects `null`.
    Field,
}

impl<'de> serde::de::DeserializeSeed<'de> for Lean<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Lean<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Value, A::Error> {
        Skip.visit_seq(seq)?;
        Ok(match self {
            Lean::Top(_) => Value::Array(Vec::new()),
            Lean::Field => Value::Null,
        })
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let Lean::Top(wanted) = self else {
            return Skip.visit_map(map).map(|()| Value::Null);
        };
        let mut obj = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = if wanted.has(&key) {
                map.next_value::<Value>()?
            } else {
                map.next_value_seed(Lean::Field)?
            };
            obj.insert(key, value);
        }
        Ok(Value::Object(obj))
    }
}

/// Parses a value through `deserialize_any` (as `Value` does, unlike
/// `IgnoredAny`, whose skipping accepts some texts `Value` rejects, such as
/// out-of-range numbers) and keeps nothing.
struct Skip;

impl<'de> serde::de::DeserializeSeed<'de> for Skip {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Skip {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Skip)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(Skip)?.is_some() {
            map.next_value_seed(Skip)?;
        }
        Ok(())
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

    fn doc(line: &str, opts: &InputOptions) -> Record {
        let v: Value = serde_json::from_str(line).unwrap();
        document_from_value(v, "fb#1".into(), "src:1", opts)
    }

    #[test]
    fn documents_from_objects() {
        let o = InputOptions::default();
        let d = doc(
            r#"{"url": "http://a/b", "text": ["one", "two"], "headline": "H", "n": 2, "x": [1]}"#,
            &o,
        )
        .unwrap();
        assert_eq!(d.id, "http://a/b");
        assert_eq!(d.text, "one\n\ntwo");
        assert_eq!(d.source, "src:1");
        let meta: Vec<(&str, &str)> = d
            .meta
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            meta,
            [
                ("headline", "H"),
                ("n", "2"),
                ("title", "H"),
                ("url", "http://a/b")
            ]
        );
        // The id and the text may come from the same field.
        let o = InputOptions {
            text_field: "url".into(),
            ..Default::default()
        };
        let d = doc(r#"{"url": " u1 ", "t": true}"#, &o).unwrap();
        assert_eq!((d.id.as_str(), d.text.as_str()), ("u1", " u1 "));
        assert_eq!(d.meta.get("url").map(String::as_str), Some(" u1 "));
        assert_eq!(d.meta.get("t").map(String::as_str), Some("true"));
        // Dotted paths; the literal name wins over the path.
        let o = InputOptions {
            text_field: "a.b".into(),
            id_field: "a.id".into(),
            ..Default::default()
        };
        let d = doc(r#"{"a": {"b": "inner", "id": 4}, "text": "outer"}"#, &o).unwrap();
        assert_eq!((d.id.as_str(), d.text.as_str()), ("4", "inner"));
        let d = doc(r#"{"a.b": "literal", "a": {"b": "inner"}}"#, &o).unwrap();
        assert_eq!((d.id.as_str(), d.text.as_str()), ("fb#1", "literal"));
    }

    #[test]
    fn document_size_is_the_joined_text() {
        // "ab\n\ncd" is 6 bytes.
        let line = r#"{"text": ["ab", "cd"]}"#;
        let at = |max| InputOptions {
            max_doc_bytes: max,
            ..Default::default()
        };
        assert_eq!(doc(line, &at(6)).unwrap().text, "ab\n\ncd");
        let e = doc(line, &at(5)).unwrap_err();
        assert!(
            e.error.contains('6') && e.error.contains('5'),
            "{}",
            e.error
        );
        let e = doc(r#"[{"text": "x"}]"#, &at(5)).unwrap_err();
        assert_eq!(
            e.error,
            "src:1: a JSON array where an article object was expected"
        );
    }
}
