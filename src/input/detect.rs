//! Recognising an input's format from its first bytes (magic numbers), not
//! from its name.

/// What an input (file, archive member, decompressed stream) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// A zip archive (`PK\x03\x04`, or `PK\x05\x06` when empty).
    Zip,
    /// A gzip stream (`1f 8b`): a tar.gz or a single compressed file.
    Gzip,
    /// A tar archive (`ustar` at offset 257).
    Tar,
    /// Something to decode as text (plain, JSON, JSONL, `<DOC>`), decided
    /// after decoding.
    Text,
}

/// Offset of the `ustar` magic in a tar header.
const TAR_MAGIC_AT: usize = 257;

/// Classifies an input from its first bytes.
pub(crate) fn sniff(head: &[u8]) -> Format {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        Format::Zip
    } else if head.starts_with(&[0x1f, 0x8b]) {
        Format::Gzip
    } else if is_tar(head) {
        Format::Tar
    } else {
        Format::Text
    }
}

/// True when a tar header's `ustar` magic sits at offset 257 (POSIX and GNU).
pub(crate) fn is_tar(head: &[u8]) -> bool {
    head.get(TAR_MAGIC_AT..TAR_MAGIC_AT + 5) == Some(b"ustar")
}

/// The kind of text an input holds, judged from its decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextKind {
    /// One JSON value: an article or an array of articles.
    Json,
    /// JSON objects, one per line.
    Jsonl,
    /// TREC/Gigaword SGML: one or more `<DOC>` elements.
    Trec,
    /// Plain text: one document.
    Plain,
}

/// Classifies decoded text. `forced_jsonl` makes every text JSONL.
pub(crate) fn text_kind(text: &str, forced_jsonl: bool) -> TextKind {
    if forced_jsonl {
        return TextKind::Jsonl;
    }
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    match t.as_bytes().first() {
        // An array of articles (or an empty one); "[Reuters] …" stays text.
        Some(b'[')
            if matches!(
                t.get(1..)
                    .unwrap_or_default()
                    .trim_start()
                    .as_bytes()
                    .first(),
                Some(b'{' | b']')
            ) =>
        {
            TextKind::Json
        }
        Some(b'{') => {
            let mut lines = t.lines().filter(|l| !l.trim().is_empty());
            let first = lines.next().unwrap_or_default();
            if lines.next().is_some() && first_line_is_object(first) {
                TextKind::Jsonl
            } else {
                TextKind::Json
            }
        }
        Some(b'<') if has_doc_tag(t) => TextKind::Trec,
        _ => TextKind::Plain,
    }
}

/// True when `line` is one complete JSON object.
pub(crate) fn first_line_is_object(line: &str) -> bool {
    matches!(
        serde_json::from_str::<serde_json::Value>(line.trim()),
        Ok(serde_json::Value::Object(_))
    )
}

/// True when the start of `text` opens a `<DOC>` or `<DOC attr…>` element.
fn has_doc_tag(text: &str) -> bool {
    // A text of at most 65536 bytes has at most 65536 characters.
    let end = if text.len() <= 65536 {
        text.len()
    } else {
        text.char_indices()
            .nth(65536)
            .map_or(text.len(), |(i, _)| i)
    };
    let head = text.get(..end).unwrap_or_default();
    crate::input::trec::find_open_doc(head, 0).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes() {
        assert_eq!(sniff(b"PK\x03\x04rest"), Format::Zip);
        assert_eq!(sniff(b"PK\x05\x06"), Format::Zip);
        assert_eq!(sniff(&[0x1f, 0x8b, 8, 0]), Format::Gzip);
        let mut tar = vec![0u8; 512];
        tar[257..262].copy_from_slice(b"ustar");
        assert_eq!(sniff(&tar), Format::Tar);
        assert_eq!(sniff(b"PK"), Format::Text);
        assert_eq!(sniff(b""), Format::Text);
    }

    #[test]
    fn text_kinds() {
        assert_eq!(text_kind("[{\"text\":\"a\"}]", false), TextKind::Json);
        assert_eq!(text_kind("{\n \"text\": \"a\"\n}", false), TextKind::Json);
        assert_eq!(
            text_kind("{\"text\":\"a\"}\n{\"text\":\"b\"}", false),
            TextKind::Jsonl
        );
        assert_eq!(
            text_kind("  <DOC>\n<TEXT>x</TEXT></DOC>", false),
            TextKind::Trec
        );
        assert_eq!(text_kind("<DOCNO>x</DOCNO>", false), TextKind::Plain);
        assert_eq!(text_kind("[Reuters] news", false), TextKind::Plain);
        assert_eq!(text_kind("{\"text\":\"a\"}\n\n", false), TextKind::Json);
        assert_eq!(text_kind(" [ ]", false), TextKind::Json);
        assert_eq!(text_kind("<p>hello</p>", false), TextKind::Plain);
        assert_eq!(text_kind("مرحبا", false), TextKind::Plain);
        assert_eq!(text_kind("مرحبا", true), TextKind::Jsonl);
    }
}
