//! CSV glossaries (RFC 4180): the TSV columns, comma-separated, fields in
//! double quotes when they hold commas, quotes or line breaks (`""` is a
//! quote). A header row names the columns as in TSV, including the locale
//! codes (`ar-SA,en-US`) and memoQ-style names (`Arabic,English,Entry_Note`).

use super::{Entry, Parsed};
use crate::error::Error;

/// Splits CSV into records: `(line the record starts on, fields)`, or an
/// error for an unterminated quote.
fn records(text: &str, name: &str) -> Result<Vec<(usize, Vec<String>)>, Error> {
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1usize;
    let mut start_line = 1usize;
    let mut quote_line = 0usize;
    let mut in_quotes = false;
    let mut was_quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() && !was_quoted => {
                field.clear();
                in_quotes = true;
                was_quoted = true;
                quote_line = line;
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                was_quoted = false;
                out.push((start_line, std::mem::take(&mut fields)));
                line += 1;
                start_line = line;
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(Error::parse(
            name,
            quote_line,
            "unterminated quoted field (a \" opens here and never closes)",
        ));
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        out.push((start_line, fields));
    }
    Ok(out)
}

pub(crate) fn read(text: &str, name: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let recs = match records(text, name) {
        Ok(r) => r,
        Err(e) => {
            parsed.errors.push(e);
            return parsed;
        }
    };
    let mut roles: Option<Vec<_>> = None;
    for (line, fields) in recs {
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if fields.first().is_some_and(|f| f.starts_with('#')) {
            continue;
        }
        let shown = fields.join(",");
        parsed.push_fields(&mut roles, (name, line), &fields, ("comma", &shown));
    }
    parsed
}

fn push_field(out: &mut String, f: &str) {
    if f.contains([',', '"', '\n', '\r']) || f.starts_with(' ') || f.ends_with(' ') {
        out.push('"');
        out.push_str(&f.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(f);
    }
}

/// CSV with the header `ar,en,variants,type,note,source`.
pub(crate) fn write(entries: &[Entry]) -> String {
    let mut out = String::from("ar,en,variants,type,note,source\n");
    for e in entries {
        let variants = e
            .variants
            .iter()
            .map(|v| v.replace('|', "/"))
            .collect::<Vec<_>>()
            .join("|");
        let fields = [
            e.ar.as_str(),
            e.en.as_str(),
            variants.as_str(),
            e.kind.map_or("", |k| k.as_str()),
            e.note.as_str(),
            e.source.as_str(),
        ];
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_field(&mut out, f);
        }
        out.push('\n');
    }
    out
}
