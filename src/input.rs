//! Reading inputs: files, directories, standard input and JSONL records.
//!
//! This is the edge of the library: it touches the file system and turns
//! bytes into [`Document`]s. Every input yields a document or a [`Failed`]
//! record; nothing is dropped silently.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::text::Document;

/// An input that could not be turned into a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failed {
    /// The id the document would have had.
    pub id: String,
    /// Where it came from.
    pub source: String,
    /// One line saying what went wrong.
    pub error: String,
}

/// A document or the reason there is none.
pub type Record = std::result::Result<Document, Failed>;

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// Treat every input as JSONL records.
    pub jsonl: bool,
    /// JSONL field holding the id.
    pub id_field: String,
    /// JSONL field holding the text.
    pub text_field: String,
    /// Largest document accepted, in bytes.
    pub max_doc_bytes: u64,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            jsonl: false,
            id_field: "id".into(),
            text_field: "text".into(),
            max_doc_bytes: 64 << 20,
        }
    }
}

/// Decodes bytes as UTF-8 (a leading BOM is dropped).
///
/// # Errors
/// [`Error::Decode`] naming `input` when the bytes are not valid UTF-8.
pub fn decode(bytes: &[u8], input: &str) -> Result<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(Error::Decode {
            input: input.to_string(),
            message: format!(
                "not valid UTF-8 (first bad byte at offset {}); convert it to UTF-8",
                e.valid_up_to()
            ),
        }),
    }
}

/// The id of a document read from `path`: the file name without extension.
pub fn id_from_path(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// Reads every input (`-` is standard input) into records, in order.
/// Directories are walked recursively for `*.txt` (or `*.jsonl` with
/// `opts.jsonl`), in sorted order.
pub fn read_all(inputs: &[String], opts: &InputOptions) -> Vec<Record> {
    let mut out = Vec::new();
    for input in inputs {
        if input == "-" {
            let mut buf = Vec::new();
            match std::io::stdin().lock().read_to_end(&mut buf) {
                Ok(_) => push_bytes(&mut out, &buf, "-", "stdin", opts),
                Err(e) => out.push(Err(Failed {
                    id: "stdin".into(),
                    source: "-".into(),
                    error: e.to_string(),
                })),
            }
            continue;
        }
        let path = PathBuf::from(input);
        if path.is_dir() {
            let mut files = Vec::new();
            walk(&path, &mut files, opts, &mut out);
            files.sort();
            for f in files {
                read_file(&f, opts, &mut out);
            }
        } else {
            read_file(&path, opts, &mut out);
        }
    }
    out
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, opts: &InputOptions, out: &mut Vec<Record>) {
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(Err(Failed {
                id: id_from_path(dir),
                source: dir.display().to_string(),
                error: e.to_string(),
            }));
            return;
        }
    };
    let want = if opts.jsonl { "jsonl" } else { "txt" };
    for entry in rd.flatten() {
        let p = entry.path();
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            walk(&p, files, opts, out);
        } else if ft.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case(want)) {
            files.push(p);
        }
    }
}

fn read_file(path: &Path, opts: &InputOptions, out: &mut Vec<Record>) {
    let source = path.display().to_string();
    let id = id_from_path(path);
    match std::fs::metadata(path) {
        Ok(m) if m.len() > opts.max_doc_bytes && !opts.jsonl => {
            let e = Error::TooLarge {
                input: source.clone(),
                what: "file",
                size: m.len(),
                limit: opts.max_doc_bytes,
            };
            out.push(Err(Failed {
                id,
                source,
                error: e.to_string(),
            }));
            return;
        }
        Ok(_) => {}
        Err(e) => {
            out.push(Err(Failed {
                id,
                source: source.clone(),
                error: Error::io(path, e).to_string(),
            }));
            return;
        }
    }
    match std::fs::read(path) {
        Ok(bytes) => push_bytes(out, &bytes, &source, &id, opts),
        Err(e) => out.push(Err(Failed {
            id,
            source,
            error: Error::io(path, e).to_string(),
        })),
    }
}

fn push_bytes(out: &mut Vec<Record>, bytes: &[u8], source: &str, id: &str, opts: &InputOptions) {
    if opts.jsonl {
        let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            out.push(parse_jsonl_line(line, source, n + 1, opts));
        }
        return;
    }
    match decode(bytes, source) {
        Ok(text) => {
            let mut d = Document::new(id, text);
            d.source = source.to_string();
            out.push(Ok(d));
        }
        Err(e) => out.push(Err(Failed {
            id: id.to_string(),
            source: source.to_string(),
            error: e.to_string(),
        })),
    }
}

/// Parses one JSONL record into a document.
///
/// # Errors
/// A [`Failed`] record naming `source:line` when the line is not a JSON object
/// or lacks a string text field.
pub fn parse_jsonl_line(line: &str, source: &str, line_no: usize, opts: &InputOptions) -> Record {
    let here = format!("{source}:{line_no}");
    let fallback_id = format!("{}#{line_no}", id_from_path(Path::new(source)));
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return Err(Failed {
                id: fallback_id,
                source: here,
                error: format!("{source}:{line_no}: not valid JSON: {e}"),
            })
        }
    };
    let id = match value.get(&opts.id_field) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => fallback_id,
    };
    let Some(text) = value.get(&opts.text_field).and_then(|v| v.as_str()) else {
        return Err(Failed {
            id,
            source: here,
            error: format!(
                "{source}:{line_no}: no string field \"{}\" (set --text-field)",
                opts.text_field
            ),
        });
    };
    let mut d = Document::new(id, text);
    d.source = here;
    if let Some(obj) = value.as_object() {
        for (k, v) in obj {
            if k != &opts.text_field && k != &opts.id_field {
                if let Some(s) = v.as_str() {
                    d.meta.insert(k.clone(), s.to_string());
                } else if v.is_number() || v.is_boolean() {
                    d.meta.insert(k.clone(), v.to_string());
                }
            }
        }
    }
    Ok(d)
}
