//! JSONL: one JSON article per line, read line by line with a length limit
//! so that memory stays bounded by the longest accepted line.

use std::io::BufRead;

use super::{Failed, InputOptions, Origin, Record};

/// What one bounded line read found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// A line (without its `\n`) is in the buffer.
    Read,
    /// The line was longer than the limit: its bytes were skipped, not kept.
    TooLong(u64),
    /// End of input.
    Eof,
}

/// Reads one line into `buf` (cleared first) keeping at most `max` bytes;
/// a longer line is consumed up to its end and reported as [`Line::TooLong`].
pub(crate) fn read_line_limited(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: u64,
) -> std::io::Result<Line> {
    buf.clear();
    let mut seen: u64 = 0;
    let mut over = false;
    let mut any = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match memchr::memchr(b'\n', avail) {
            Some(p) => (avail.get(..p).unwrap_or_default(), Some(p + 1)),
            None => (avail, None),
        };
        seen += chunk.len() as u64;
        if !over {
            if seen > max {
                over = true;
                buf.clear();
                buf.shrink_to(4096);
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let used = done.unwrap_or(avail.len());
        r.consume(used);
        if done.is_some() {
            break;
        }
    }
    if over {
        return Ok(Line::TooLong(seen));
    }
    if !any {
        return Ok(Line::Eof);
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Read)
}

/// The records of one JSONL stream, read lazily.
pub(crate) struct JsonlDocs {
    reader: Box<dyn BufRead + Send>,
    origin: Origin,
    opts: InputOptions,
    wanted: super::json::Wanted,
    line_no: usize,
    buf: Vec<u8>,
    done: bool,
    /// A line already found too long while sniffing: (line number, size).
    pub(crate) too_long: Option<(usize, u64)>,
}

impl JsonlDocs {
    pub(crate) fn new(
        reader: Box<dyn BufRead + Send>,
        origin: Origin,
        opts: &InputOptions,
    ) -> Self {
        JsonlDocs {
            reader,
            origin,
            opts: opts.clone(),
            wanted: super::json::Wanted::new(opts),
            line_no: 0,
            buf: Vec::new(),
            done: false,
            too_long: None,
        }
    }
}

impl Iterator for JsonlDocs {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.done {
            self.line_no += 1;
            let n = self.line_no;
            let here = format!("{}:{n}", self.origin.source);
            let fallback_id = format!("{}#{n}", self.origin.stem);
            let read = match self.too_long {
                Some((at, size)) if at == n => {
                    self.too_long = None;
                    Ok(Line::TooLong(size))
                }
                _ => read_line_limited(&mut *self.reader, &mut self.buf, self.opts.max_line_bytes),
            };
            match read {
                Ok(Line::Eof) => self.done = true,
                Ok(Line::TooLong(size)) => {
                    return Some(Err(Failed {
                        id: fallback_id,
                        error: crate::Error::TooLarge {
                            input: here.clone(),
                            what: "JSONL line",
                            size,
                            limit: self.opts.max_line_bytes,
                        }
                        .to_string(),
                        source: here,
                    }))
                }
                Ok(Line::Read) => {
                    let bytes = if n == 1 {
                        self.buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.buf)
                    } else {
                        &self.buf
                    };
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let Ok(line) = super::utf8(bytes) else {
                        return Some(Err(Failed {
                            id: fallback_id,
                            error: format!("{here}: not valid UTF-8"),
                            source: here,
                        }));
                    };
                    let value = match super::json::parse_lean(line, &self.wanted) {
                        Ok(v) => v,
                        Err(e) => {
                            return Some(Err(Failed {
                                id: fallback_id,
                                error: format!("{here}: not valid JSON: {e}"),
                                source: here,
                            }))
                        }
                    };
                    let r =
                        super::json::document_from_value(value, fallback_id, &here, &self.opts);
                    return Some(r.map(|mut d| {
                        self.origin.annotate(&mut d);
                        d.meta.insert("format".into(), "jsonl".into());
                        d.meta.insert("encoding".into(), "UTF-8".into());
                        d
                    }));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(Failed {
                        id: fallback_id,
                        error: format!("{here}: read error, rest of the input not read: {e}"),
                        source: here,
                    }));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_lines() {
        let data = b"short\r\nthis line is too long\nok".to_vec();
        let mut r = std::io::BufReader::with_capacity(4, std::io::Cursor::new(data));
        let mut buf = Vec::new();
        assert_eq!(read_line_limited(&mut r, &mut buf, 8).unwrap(), Line::Read);
        assert_eq!(buf, b"short");
        assert_eq!(
            read_line_limited(&mut r, &mut buf, 8).unwrap(),
            Line::TooLong(21)
        );
        assert_eq!(read_line_limited(&mut r, &mut buf, 8).unwrap(), Line::Read);
        assert_eq!(buf, b"ok");
        assert_eq!(read_line_limited(&mut r, &mut buf, 8).unwrap(), Line::Eof);
    }
}
