//! TREC / Gigaword / ANT style SGML: files holding one or more `<DOC>`
//! elements.
//!
//! The reader is a lenient tag scanner, not an XML parser: real collections
//! contain bare `&` and `<` in text and unclosed tags. `DOCNO` (or the
//! `id` attribute of `<DOC>`) gives the id, `TEXT` the text (with `<P>` tags
//! turned into paragraph breaks), `TITLE`/`HEADLINE` the title
//! (`meta["title"]`), `DATE`/`TIME` the date (`meta["date"]`; an RFC 2822
//! date such as `Wed, 07 Mar 2018 22:38:06 +0400` becomes `2018-03-07`,
//! anything else is kept as written), `SRC`/`SOURCE`
//! the outlet (`meta["outlet"]`, the element is also kept under its own
//! name); every other element goes into the metadata under its lowercased
//! name. A `<DOC>` without `</DOC>` gives a failed record and the next
//! `<DOC>` is read normally.

use super::{Failed, Origin, Record};

/// Finds the next `<DOC>` / `<DOC attrs>` open tag at or after `from`:
/// returns the tag's start and the offset just after its `>`.
pub(crate) fn find_open_doc(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(rel) = bytes.get(i..).and_then(|b| memchr::memchr(b'<', b)) {
        let start = i + rel;
        let name = bytes.get(start + 1..start + 4);
        let after = bytes.get(start + 4).copied();
        if name.is_some_and(|n| n.eq_ignore_ascii_case(b"DOC"))
            && after.is_some_and(|c| c == b'>' || c.is_ascii_whitespace())
        {
            let close = memchr::memchr(b'>', bytes.get(start..)?)?;
            return Some((start, start + close + 1));
        }
        i = start + 1;
    }
    None
}

/// Finds `</NAME>` (ASCII case-insensitive, spaces allowed before `>`) at or
/// after `from`: returns its start and end.
fn find_close(text: &str, name: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let n = name.len();
    let mut i = from;
    while let Some(rel) = bytes.get(i..).and_then(|b| memchr::memmem::find(b, b"</")) {
        let start = i + rel;
        if bytes
            .get(start + 2..start + 2 + n)
            .is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()))
        {
            let mut j = start + 2 + n;
            while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
            if bytes.get(j) == Some(&b'>') {
                return Some((start, j + 1));
            }
        }
        i = start + 2;
    }
    None
}

/// Iterates over the `<DOC>` elements of one decoded file.
pub(crate) struct TrecDocs {
    text: String,
    pos: usize,
    index: usize,
    multi: bool,
    origin: Origin,
    encoding: &'static str,
    max_doc_bytes: u64,
}

impl TrecDocs {
    pub(crate) fn new(
        text: String,
        origin: Origin,
        encoding: &'static str,
        max_doc_bytes: u64,
    ) -> Self {
        let multi = find_open_doc(&text, 0)
            .and_then(|(_, end)| find_open_doc(&text, end))
            .is_some();
        TrecDocs {
            text,
            pos: 0,
            index: 0,
            multi,
            origin,
            encoding,
            max_doc_bytes,
        }
    }
}

impl Iterator for TrecDocs {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let (start, body_start) = find_open_doc(&self.text, self.pos)?;
        self.index += 1;
        let source = if self.multi {
            format!("{}#{}", self.origin.source, self.index)
        } else {
            self.origin.source.clone()
        };
        let fallback_id = if self.multi {
            format!("{}#{}", self.origin.stem, self.index)
        } else {
            self.origin.stem.clone()
        };
        let next_open = find_open_doc(&self.text, body_start).map(|(s, _)| s);
        let close = find_close(&self.text, "DOC", body_start)
            .filter(|&(c, _)| next_open.is_none_or(|o| c < o));
        let open_tag = self.text.get(start..body_start).unwrap_or_default();
        let attr_id = attribute(open_tag, "id");
        let Some((body_end, end)) = close else {
            // Unterminated: report it and resume at the next <DOC>.
            self.pos = next_open.unwrap_or(self.text.len());
            let body = self.text.get(body_start..self.pos).unwrap_or_default();
            let id = tag_content(body, "DOCNO")
                .map(|s| clean(&s))
                .filter(|s| !s.is_empty())
                .or(attr_id)
                .unwrap_or(fallback_id);
            return Some(Err(Failed {
                id,
                source,
                error: format!(
                    "{}: <DOC> number {} has no </DOC> before the next <DOC> or the end of the file",
                    self.origin.source, self.index
                ),
            }));
        };
        self.pos = end;
        let body = self.text.get(body_start..body_end).unwrap_or_default();
        let mut doc = parse_doc(body, attr_id.clone());
        let id = doc.id.take().or(attr_id).unwrap_or(fallback_id);
        if let Some(kind) = attribute(open_tag, "type") {
            doc.meta.push(("type".into(), kind));
        }
        let Some(text) = doc.text else {
            return Some(Err(Failed {
                id,
                source,
                error: format!(
                    "{}: <DOC> number {} has no <TEXT> element",
                    self.origin.source, self.index
                ),
            }));
        };
        if text.len() as u64 > self.max_doc_bytes {
            return Some(Err(Failed {
                error: crate::Error::TooLarge {
                    input: source.clone(),
                    what: "document",
                    size: text.len() as u64,
                    limit: self.max_doc_bytes,
                }
                .to_string(),
                id,
                source,
            }));
        }
        let mut d = self.origin.document(id, text, source);
        for (k, v) in doc.meta {
            d.meta.entry(k).or_insert(v);
        }
        d.meta.insert("format".into(), "trec".into());
        d.meta.insert("encoding".into(), self.encoding.into());
        Some(Ok(d))
    }
}

/// The parts of one `<DOC>` body.
struct ParsedDoc {
    id: Option<String>,
    text: Option<String>,
    meta: Vec<(String, String)>,
}

fn parse_doc(body: &str, _attr_id: Option<String>) -> ParsedDoc {
    let mut out = ParsedDoc {
        id: None,
        text: None,
        meta: Vec::new(),
    };
    let mut texts: Vec<String> = Vec::new();
    let bytes = body.as_bytes();
    let mut i = 0;
    while let Some(rel) = bytes.get(i..).and_then(|b| memchr::memchr(b'<', b)) {
        let start = i + rel;
        let name_len = bytes
            .get(start + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c == b'-')
            .count();
        if name_len == 0 {
            i = start + 1;
            continue;
        }
        let Some(gt) = bytes.get(start..).and_then(|b| memchr::memchr(b'>', b)) else {
            break;
        };
        let content_start = start + gt + 1;
        let name = body
            .get(start + 1..start + 1 + name_len)
            .unwrap_or_default()
            .to_string();
        let (content_end, next) = match find_close(body, &name, content_start) {
            Some((s, e)) => (s, e),
            None => {
                // Unclosed element: its content runs to the next tag.
                let e = bytes
                    .get(content_start..)
                    .and_then(|b| memchr::memchr(b'<', b))
                    .map_or(body.len(), |p| content_start + p);
                (e, e)
            }
        };
        let raw = body.get(content_start..content_end).unwrap_or_default();
        let upper = name.to_ascii_uppercase();
        match upper.as_str() {
            "TEXT" => texts.push(text_content(raw)),
            "DOCNO" => {
                let v = clean(raw);
                if !v.is_empty() {
                    out.id = Some(v);
                }
            }
            _ => {
                let v = clean(raw);
                let key = name.to_ascii_lowercase();
                match upper.as_str() {
                    "HEADLINE" | "TITLE" => out.meta.push(("title".into(), v.clone())),
                    "DATE" | "TIME" => out
                        .meta
                        .push(("date".into(), rfc2822_day(&v).unwrap_or_else(|| v.clone()))),
                    "SRC" | "SOURCE" => out.meta.push(("outlet".into(), v.clone())),
                    _ => {}
                }
                if key != "title" && key != "date" {
                    out.meta.push((key, v));
                }
            }
        }
        i = next.max(start + 1);
    }
    if !texts.is_empty() {
        out.text = Some(texts.join("\n\n"));
    }
    out
}

/// The day of an RFC 2822 date (`Wed, 07 Mar 2018 22:38:06 +0400`, as in
/// ANT's `<TIME>`) as ISO `2018-03-07`; `None` for anything else.
fn rfc2822_day(v: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let rest = v.split_once(',').map_or(v, |(_, r)| r);
    let mut words = rest.split_whitespace();
    let day: u32 = words.next()?.parse().ok()?;
    let month = words.next()?.to_ascii_lowercase();
    let month = MONTHS.iter().position(|m| month.starts_with(m))? + 1;
    let year = words.next()?;
    let ok = (1..=31).contains(&day) && year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| format!("{year}-{month:02}-{day:02}"))
}

/// Value of `name="…"` (or `'…'`, or bare) inside an open tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(rel) = lower.get(from..)?.find(name) {
        let at = from + rel;
        from = at + name.len();
        let before_ok = lower
            .as_bytes()
            .get(at.wrapping_sub(1))
            .is_some_and(u8::is_ascii_whitespace);
        let rest = tag.get(at + name.len()..)?.trim_start();
        let Some(rest) = rest.strip_prefix('=').map(str::trim_start) else {
            continue;
        };
        if !before_ok {
            continue;
        }
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest.get(1..)?.split(q).next()?,
            _ => rest.split(|c: char| c.is_whitespace() || c == '>').next()?,
        };
        let value = decode_entities(value.trim());
        return (!value.is_empty()).then_some(value);
    }
    None
}

/// The first `<NAME>…</NAME>` content in `body`, raw.
fn tag_content(body: &str, name: &str) -> Option<String> {
    let lower = body.to_ascii_lowercase();
    let open = format!("<{}>", name.to_ascii_lowercase());
    let s = lower.find(&open)? + open.len();
    let (e, _) = find_close(body, name, s)?;
    body.get(s..e).map(str::to_string)
}

/// Tags stripped, entities decoded, whitespace trimmed.
fn clean(raw: &str) -> String {
    decode_entities(strip_tags(raw, false).trim())
}

/// TEXT content: `<P>` elements become paragraphs separated by blank lines;
/// other tags are removed.
fn text_content(raw: &str) -> String {
    let stripped = strip_tags(raw, true);
    let paras: Vec<&str> = stripped
        .split('\u{0}')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    decode_entities(&paras.join("\n\n"))
}

/// Removes `<tag …>` markup (only when a name follows `<`, so a bare `<` in
/// text stays). With `mark_paragraphs`, `<P>`, `</P>` and `<BR>` become NULs.
fn strip_tags(raw: &str, mark_paragraphs: bool) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(lt) = rest.find('<') {
        out.push_str(rest.get(..lt).unwrap_or_default());
        let after = rest.get(lt + 1..).unwrap_or_default();
        let is_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?');
        match after.find('>').filter(|_| is_tag) {
            Some(gt) => {
                let name = after
                    .get(..gt)
                    .unwrap_or_default()
                    .trim_start_matches('/')
                    .split(|c: char| c.is_whitespace() || c == '/')
                    .next()
                    .unwrap_or_default();
                if mark_paragraphs
                    && (name.eq_ignore_ascii_case("p") || name.eq_ignore_ascii_case("br"))
                {
                    out.push('\u{0}');
                }
                rest = after.get(gt + 1..).unwrap_or_default();
            }
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes the XML entities and numeric references; anything else (a bare
/// `&`, an unknown entity) is left as it is.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        let semi = after.bytes().take(12).position(|b| b == b';');
        let decoded = semi.and_then(|semi| {
            let name = after.get(..semi)?;
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => '\u{A0}',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code).filter(|c| *c != '\0')?
                }
            };
            Some((c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = after.get(semi + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("S&P &amp; co &#1575;&#x628; &bogus; &"),
            "S&P & co اب &bogus; &"
        );
    }

    #[test]
    fn rfc2822_dates_give_their_day() {
        let day = |s| rfc2822_day(s);
        assert_eq!(
            day("Wed, 07 Mar 2018 22:38:06 +0400").as_deref(),
            Some("2018-03-07")
        );
        assert_eq!(day("1 Dec 2017").as_deref(), Some("2017-12-01"));
        assert_eq!(day("2018-03-07"), None);
        assert_eq!(day("Wed, 32 Mar 2018"), None);
        assert_eq!(day("Wed, 07 Foo 2018"), None);
        assert_eq!(day("07 Mar 18"), None);
    }

    #[test]
    fn open_doc_is_not_docno() {
        assert_eq!(find_open_doc("<DOCNO>x</DOCNO>", 0), None);
        assert_eq!(find_open_doc("a<doc id=\"x\">", 0), Some((1, 13)));
    }

    #[test]
    fn attributes() {
        assert_eq!(
            attribute("<DOC id=\"AFP.1\" type=\"story\" >", "id").as_deref(),
            Some("AFP.1")
        );
        assert_eq!(
            attribute("<DOC id=\"AFP.1\" type=\"story\" >", "type").as_deref(),
            Some("story")
        );
        assert_eq!(attribute("<DOC>", "id"), None);
    }

    #[test]
    fn paragraphs() {
        assert_eq!(
            text_content("\n<P>\none\ntwo\n</P>\n<P>three</P>\n"),
            "one\ntwo\n\nthree"
        );
        assert_eq!(text_content("\n a < b \n"), "a < b");
    }
}
