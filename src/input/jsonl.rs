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

impl JsonlDocs {
    /// The record of line `n` (its bytes without the line end), or `None`
    /// for a blank line.
    fn record(&self, bytes: &[u8], n: usize) -> Option<Record> {
        let bytes = if n == 1 {
            bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
        } else {
            bytes
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        let here = format!("{}:{n}", self.origin.source);
        let fallback_id = format!("{}#{n}", self.origin.stem);
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
        let r = super::json::document_from_value(value, fallback_id, &here, &self.opts);
        Some(r.map(|mut d| {
            self.origin.annotate(&mut d);
            d.meta.insert("format".into(), "jsonl".into());
            d.meta.insert("encoding".into(), "UTF-8".into());
            d
        }))
    }

    /// Reads line `n` where the reader's buffer already holds all of it (and
    /// it is within the limit), without copying it out: `Ok(Some(record))`,
    /// with `None` inside for a blank line; `Ok(None)` when the line must be
    /// read by [`read_line_limited`] instead (also at the end of the input).
    fn in_place(&mut self, n: usize) -> std::io::Result<Option<Option<Record>>> {
        let mut reader = std::mem::replace(&mut self.reader, Box::new(std::io::empty()));
        let found = loop {
            match reader.fill_buf() {
                Ok(avail) => {
                    break Ok(memchr::memchr(b'\n', avail)
                        .filter(|&p| p as u64 <= self.opts.max_line_bytes)
                        .and_then(|p| {
                            let line = avail.get(..p)?;
                            let line = line.strip_suffix(b"\r").unwrap_or(line);
                            Some((self.record(line, n), p + 1))
                        }))
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => break Err(e),
            }
        };
        if let Ok(Some((_, used))) = &found {
            reader.consume(*used);
        }
        self.reader = reader;
        found.map(|f| f.map(|(r, _)| r))
    }
}

impl Iterator for JsonlDocs {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.done {
            self.line_no += 1;
            let n = self.line_no;
            let read = match self.too_long {
                Some((at, size)) if at == n => {
                    self.too_long = None;
                    Ok(Line::TooLong(size))
                }
                _ => match self.in_place(n) {
                    Ok(Some(Some(record))) => return Some(record),
                    Ok(Some(None)) => continue,
                    Ok(None) => read_line_limited(
                        &mut *self.reader,
                        &mut self.buf,
                        self.opts.max_line_bytes,
                    ),
                    Err(e) => Err(e),
                },
            };
            match read {
                Ok(Line::Eof) => self.done = true,
                Ok(Line::TooLong(size)) => {
                    let here = format!("{}:{n}", self.origin.source);
                    return Some(Err(Failed {
                        id: format!("{}#{n}", self.origin.stem),
                        error: crate::Error::TooLarge {
                            input: here.clone(),
                            what: "JSONL line",
                            size,
                            limit: self.opts.max_line_bytes,
                        }
                        .to_string(),
                        source: here,
                    }));
                }
                Ok(Line::Read) => {
                    let buf = std::mem::take(&mut self.buf);
                    let record = self.record(&buf, n);
                    self.buf = buf;
                    match record {
                        Some(r) => return Some(r),
                        None => continue,
                    }
                }
                Err(e) => {
                    self.done = true;
                    let here = format!("{}:{n}", self.origin.source);
                    return Some(Err(Failed {
                        id: format!("{}#{n}", self.origin.stem),
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

    /// All records of `data` read through a buffer of `cap` bytes.
    fn records(data: &[u8], cap: usize, opts: &InputOptions) -> Vec<Record> {
        let reader = std::io::BufReader::with_capacity(cap, std::io::Cursor::new(data.to_vec()));
        let origin = Origin::top("in.jsonl", "in".into());
        JsonlDocs::new(Box::new(reader), origin, opts).collect()
    }

    #[test]
    fn lines_read_in_place_or_copied_give_the_same_records() {
        let mut data = b"\xEF\xBB\xBF{\"id\": \"bom\", \"text\": \"first line\"}\r\n".to_vec();
        data.extend_from_slice(b"\n   \r\n");
        data.extend_from_slice(
            b"{\"text\": \"\xD8\xA8\xD9\x8A\xD8\xAA\", \"refs\": [\"a\", \"b\"]}\n",
        );
        data.extend_from_slice(b"{\"text\": \"bad \xFF byte\"}\n");
        data.extend_from_slice(b"{\"text\": \"x\", \"refs\": [1,]}\n");
        data.extend_from_slice(format!("{{\"text\": \"{}\"}}\n", "long ".repeat(30)).as_bytes());
        data.extend_from_slice(b"[1, 2]\n");
        data.extend_from_slice(b"{\"title\": \"no text\"}\n");
        data.extend_from_slice(b"{\"id\": 9, \"text\": \"last, no line end\"}");
        let opts = InputOptions {
            max_line_bytes: 100,
            ..Default::default()
        };
        let whole = records(&data, 1 << 16, &opts);
        for cap in [1, 7, 64, 100, 101, 150] {
            assert_eq!(records(&data, cap, &opts), whole, "buffer of {cap} bytes");
        }
        let ids: Vec<String> = whole
            .iter()
            .map(|r| match r {
                Ok(d) => format!("{} {}", d.id, d.text),
                Err(f) => format!("{} ! {}", f.id, f.error),
            })
            .collect();
        assert_eq!(ids.len(), 8, "{ids:#?}");
        assert_eq!(ids[0], "bom first line");
        assert_eq!(ids[1], "in#4 بيت");
        assert_eq!(ids[2], "in#5 ! in.jsonl:5: not valid UTF-8");
        assert!(
            ids[3].starts_with("in#6 ! in.jsonl:6: not valid JSON: trailing comma"),
            "{}",
            ids[3]
        );
        assert!(
            ids[4].starts_with("in#7 ! ") && ids[4].contains("JSONL line"),
            "{}",
            ids[4]
        );
        assert!(
            ids[5].contains("a JSON array where an article object"),
            "{}",
            ids[5]
        );
        assert!(ids[6].contains("no string field \"text\""), "{}", ids[6]);
        assert_eq!(ids[7], "9 last, no line end");
    }
}
