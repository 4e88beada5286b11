//! Archives: zip (random access by index), tar (streamed), with every
//! member read through a size limit.
//!
//! Member names are used **only** as ids and sources (`archive.zip!a/b.json`);
//! nothing is ever written to the file system, so names such as
//! `../evil.txt` or `/etc/passwd` are harmless strings here.

use std::io::{Read, Seek};
use std::sync::Arc;

use super::walk::Filter;
use super::{Failed, Origin};

/// A reader that can also seek (what zip needs).
pub(crate) trait ReadSeek: Read + Seek + Send {}
impl<T: Read + Seek + Send> ReadSeek for T {}

/// One item from an archive.
pub(crate) enum Member {
    /// A member's name and its (fully read, size-limited) bytes.
    Data(String, Vec<u8>),
    /// A member (or the archive's tail) that could not be read.
    Failed(Failed),
}

fn too_large(origin: &Origin, name: &str, size: u64, limit: u64) -> Failed {
    let m = origin.member_origin(name);
    Failed {
        error: crate::Error::TooLarge {
            input: m.source.clone(),
            what: "archive member",
            size,
            limit,
        }
        .to_string(),
        id: m.stem,
        source: m.source,
    }
}

/// The name under which a file member is read, or `None` when the filters
/// skip it. A member with no name (empty, or only slashes) is still a
/// document: it is read as `#N`, its 1-based position in the archive,
/// whatever the filters say, so that it yields a record instead of vanishing.
fn admit(filter: &Filter, name: &str, position: usize) -> Option<String> {
    if name.trim_matches('/').is_empty() {
        Some(format!("#{position}"))
    } else if filter.wants_file(name) {
        Some(name.to_string())
    } else {
        None
    }
}

fn member_failed(origin: &Origin, name: &str, error: String) -> Failed {
    let m = origin.member_origin(name);
    Failed {
        error: format!("{}: {error}", m.source),
        id: m.stem,
        source: m.source,
    }
}

/// Reads at most `limit` bytes; `Ok(None)` when there were more.
pub(crate) fn read_limited(r: &mut dyn Read, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::new();
    r.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        Ok(None)
    } else {
        Ok(Some(buf))
    }
}

/// A zip archive read member by member through its central directory.
pub(crate) struct ZipFrame {
    archive: zip::ZipArchive<Box<dyn ReadSeek>>,
    next: usize,
    origin: Origin,
    filter: Arc<Filter>,
    limit: u64,
}

impl ZipFrame {
    pub(crate) fn origin_ref(&self) -> &Origin {
        &self.origin
    }

    pub(crate) fn new(
        archive: zip::ZipArchive<Box<dyn ReadSeek>>,
        origin: Origin,
        filter: Arc<Filter>,
        limit: u64,
    ) -> Self {
        ZipFrame {
            archive,
            next: 0,
            origin,
            filter,
            limit,
        }
    }

    pub(crate) fn next_member(&mut self) -> Option<Member> {
        while self.next < self.archive.len() {
            let i = self.next;
            self.next += 1;
            if let Err(e) = self.archive.by_index(i).map(|_| ()) {
                let name = self
                    .archive
                    .name_for_index(i)
                    .map_or_else(|| format!("#{}", i + 1), str::to_string);
                return Some(Member::Failed(member_failed(
                    &self.origin,
                    &name,
                    e.to_string(),
                )));
            }
            let Ok(mut file) = self.archive.by_index(i) else {
                continue;
            };
            if file.is_dir() {
                continue;
            }
            let Some(name) = admit(&self.filter, file.name(), i + 1) else {
                continue;
            };
            if file.size() > self.limit {
                return Some(Member::Failed(too_large(
                    &self.origin,
                    &name,
                    file.size(),
                    self.limit,
                )));
            }
            return Some(match read_limited(&mut file, self.limit) {
                Ok(Some(bytes)) => Member::Data(name, bytes),
                Ok(None) => {
                    Member::Failed(too_large(&self.origin, &name, self.limit + 1, self.limit))
                }
                Err(e) => Member::Failed(member_failed(
                    &self.origin,
                    &name,
                    format!("cannot read member: {e}"),
                )),
            });
        }
        None
    }
}

/// A zip whose central directory is unreadable (truncated download…): its
/// members are read in order from their local headers until the damage.
pub(crate) struct ZipStreamFrame {
    reader: Box<dyn ReadSeek>,
    origin: Origin,
    filter: Arc<Filter>,
    limit: u64,
    why: String,
    count: usize,
    done: bool,
}

impl ZipStreamFrame {
    pub(crate) fn origin_ref(&self) -> &Origin {
        &self.origin
    }

    pub(crate) fn new(
        reader: Box<dyn ReadSeek>,
        origin: Origin,
        filter: Arc<Filter>,
        limit: u64,
        why: String,
    ) -> Self {
        ZipStreamFrame {
            reader,
            origin,
            filter,
            limit,
            why,
            count: 0,
            done: false,
        }
    }

    pub(crate) fn next_member(&mut self) -> Option<Member> {
        while !self.done {
            let tail_failure = |origin: &Origin, count: usize, why: &str, e: String| {
                Member::Failed(Failed {
                    id: format!("{}#tail", origin.stem),
                    source: origin.source.clone(),
                    error: format!(
                        "{}: damaged zip ({why}); {count} member(s) read, the rest is unreadable: {e}",
                        origin.source
                    ),
                })
            };
            match zip::read::read_zipfile_from_stream(&mut self.reader) {
                Ok(None) => self.done = true,
                Ok(Some(mut file)) => {
                    self.count += 1;
                    if file.is_dir() {
                        continue;
                    }
                    let Some(name) = admit(&self.filter, file.name(), self.count) else {
                        continue;
                    };
                    let r = read_limited(&mut file, self.limit);
                    return Some(match r {
                        Ok(Some(bytes)) => Member::Data(name, bytes),
                        Ok(None) => {
                            // Skipping the rest of an oversized member is not
                            // possible without its size: stop here.
                            self.done = true;
                            Member::Failed(too_large(
                                &self.origin,
                                &name,
                                self.limit + 1,
                                self.limit,
                            ))
                        }
                        Err(e) => {
                            self.done = true;
                            Member::Failed(member_failed(
                                &self.origin,
                                &name,
                                format!(
                                    "member cut off in a damaged zip ({}); rest not read: {e}",
                                    self.why
                                ),
                            ))
                        }
                    });
                }
                Err(e) => {
                    self.done = true;
                    return Some(tail_failure(
                        &self.origin,
                        self.count,
                        &self.why,
                        e.to_string(),
                    ));
                }
            }
        }
        None
    }
}

/// A tar stream (plain or decompressed), read header by header.
///
/// Handles ustar/GNU headers, GNU long names (`L`) and pax `path` records;
/// checks header checksums; only regular files are members. A truncated or
/// corrupt stream ends with one failed record saying how far it got.
pub(crate) struct TarFrame {
    reader: Box<dyn Read + Send>,
    origin: Origin,
    filter: Arc<Filter>,
    limit: u64,
    long_name: Option<String>,
    count: usize,
    done: bool,
}

const BLOCK: usize = 512;

impl TarFrame {
    pub(crate) fn origin_ref(&self) -> &Origin {
        &self.origin
    }

    pub(crate) fn new(
        reader: Box<dyn Read + Send>,
        origin: Origin,
        filter: Arc<Filter>,
        limit: u64,
    ) -> Self {
        TarFrame {
            reader,
            origin,
            filter,
            limit,
            long_name: None,
            count: 0,
            done: false,
        }
    }

    fn tail(&mut self, what: String) -> Option<Member> {
        self.done = true;
        Some(Member::Failed(Failed {
            id: format!("{}#tail", self.origin.stem),
            source: self.origin.source.clone(),
            error: format!(
                "{}: {what} after {} member(s); the rest of the archive is not read",
                self.origin.source, self.count
            ),
        }))
    }

    /// Reads exactly `n` bytes into a new buffer; `Err` with the count read.
    fn read_exact_vec(&mut self, n: u64) -> Result<Vec<u8>, String> {
        // Sized up front (a lying header cannot reserve more than 16 MiB).
        let mut buf = Vec::with_capacity(usize::try_from(n.min(16 << 20)).unwrap_or(0));
        match (&mut self.reader).take(n).read_to_end(&mut buf) {
            Ok(got) if got as u64 == n => Ok(buf),
            Ok(got) => Err(format!("archive truncated ({got} of {n} bytes)")),
            Err(e) => Err(format!("archive damaged: {e}")),
        }
    }

    fn skip(&mut self, n: u64) -> Result<(), String> {
        match std::io::copy(&mut (&mut self.reader).take(n), &mut std::io::sink()) {
            Ok(got) if got == n => Ok(()),
            Ok(got) => Err(format!("archive truncated ({got} of {n} bytes)")),
            Err(e) => Err(format!("archive damaged: {e}")),
        }
    }

    pub(crate) fn next_member(&mut self) -> Option<Member> {
        while !self.done {
            let mut header = [0u8; BLOCK];
            let mut got = 0;
            while got < BLOCK {
                match self.reader.read(header.get_mut(got..).unwrap_or_default()) {
                    Ok(0) => break,
                    Ok(n) => got += n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return self.tail(format!("damaged stream ({e})")),
                }
            }
            if got == 0 {
                self.done = true; // end without the zero blocks: accepted
                return None;
            }
            if got < BLOCK {
                return self.tail("archive truncated inside a header".into());
            }
            if header.iter().all(|&b| b == 0) {
                self.done = true;
                return None;
            }
            let Some(stored) = octal(header.get(148..156).unwrap_or_default()) else {
                return self.tail("corrupt tar header (bad checksum field)".into());
            };
            let sum: u64 = header
                .iter()
                .enumerate()
                .map(|(i, &b)| {
                    if (148..156).contains(&i) {
                        32
                    } else {
                        u64::from(b)
                    }
                })
                .sum();
            if sum != stored {
                return self.tail("corrupt tar header (checksum mismatch)".into());
            }
            let Some(size) = size_field(header.get(124..136).unwrap_or_default()) else {
                return self.tail("corrupt tar header (bad size)".into());
            };
            let padded = size.div_ceil(BLOCK as u64) * BLOCK as u64;
            let typeflag = header.get(156).copied().unwrap_or(0);
            match typeflag {
                b'L' | b'x' => {
                    if size > 1 << 20 {
                        return self.tail("oversized long-name record".into());
                    }
                    let data = match self.read_exact_vec(size) {
                        Ok(d) => d,
                        Err(e) => return self.tail(e),
                    };
                    if let Err(e) = self.skip(padded - size) {
                        return self.tail(e);
                    }
                    let name = if typeflag == b'L' {
                        Some(
                            String::from_utf8_lossy(&data)
                                .trim_end_matches('\0')
                                .to_string(),
                        )
                    } else {
                        pax_path(&data)
                    };
                    if name.is_some() {
                        self.long_name = name;
                    }
                }
                b'0' | 0 | b'7' => {
                    let name = self
                        .long_name
                        .take()
                        .unwrap_or_else(|| header_name(&header));
                    self.count += 1;
                    let Some(name) = admit(&self.filter, &name, self.count) else {
                        if let Err(e) = self.skip(padded) {
                            return self.tail(e);
                        }
                        continue;
                    };
                    if size > self.limit {
                        let failed = too_large(&self.origin, &name, size, self.limit);
                        // Skipping costs reading (and decompressing) the data:
                        // a member far over the limit ends the archive instead.
                        if padded > self.limit.saturating_mul(4) {
                            self.done = true;
                            let mut failed = failed;
                            failed
                                .error
                                .push_str("; the rest of the archive is not read");
                            return Some(Member::Failed(failed));
                        }
                        if let Err(e) = self.skip(padded) {
                            self.done = true;
                            let mut failed = failed;
                            failed.error.push_str(&format!("; then {e}"));
                            return Some(Member::Failed(failed));
                        }
                        return Some(Member::Failed(failed));
                    }
                    let data = match self.read_exact_vec(size) {
                        Ok(d) => d,
                        Err(e) => {
                            self.done = true;
                            return Some(Member::Failed(member_failed(
                                &self.origin,
                                &name,
                                format!("{e}: member cut off; the rest of the archive is not read"),
                            )));
                        }
                    };
                    if let Err(e) = self.skip(padded - size) {
                        // The member is whole; the next header will fail.
                        self.done = true;
                        let _ = e;
                    }
                    return Some(Member::Data(name, data));
                }
                _ => {
                    // Directories, links, devices, global pax headers: no text.
                    self.long_name = None;
                    if let Err(e) = self.skip(padded) {
                        return self.tail(e);
                    }
                }
            }
        }
        None
    }
}

fn header_name(h: &[u8; BLOCK]) -> String {
    let field = |r: std::ops::Range<usize>| {
        let b = h.get(r).unwrap_or_default();
        let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
        String::from_utf8_lossy(b.get(..end).unwrap_or_default()).into_owned()
    };
    let name = field(0..100);
    if h.get(257..263) == Some(b"ustar\0") {
        let prefix = field(345..500);
        if !prefix.is_empty() {
            return format!("{prefix}/{name}");
        }
    }
    name
}

/// Parses an octal numeric field (NUL/space padded).
fn octal(field: &[u8]) -> Option<u64> {
    let s = std::str::from_utf8(field).ok()?;
    let s = s.trim_matches(|c: char| c == '\0' || c == ' ');
    if s.is_empty() {
        return Some(0);
    }
    u64::from_str_radix(s, 8).ok()
}

/// The size field: octal, or GNU base-256 when the high bit is set.
fn size_field(field: &[u8]) -> Option<u64> {
    match field.first() {
        Some(&b) if b & 0x80 != 0 => {
            let mut v: u64 = u64::from(b & 0x7f);
            for &c in field.get(1..)? {
                v = v.checked_mul(256)?.checked_add(u64::from(c))?;
            }
            Some(v)
        }
        _ => octal(field),
    }
}

/// The `path` of a pax extended header.
fn pax_path(data: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(data);
    text.lines().find_map(|rec| {
        let (_, kv) = rec.split_once(' ')?;
        kv.strip_prefix("path=").map(str::to_string)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_fields() {
        assert_eq!(octal(b"0000644\0"), Some(0o644));
        assert_eq!(octal(b"        "), Some(0));
        assert_eq!(octal(b"9"), None);
        let mut big = [0u8; 12];
        big[0] = 0x80;
        big[11] = 5;
        assert_eq!(size_field(&big), Some(5));
    }

    #[test]
    fn pax() {
        assert_eq!(
            pax_path(b"30 mtime=1\n27 path=a/very/long/name.txt\n").as_deref(),
            Some("a/very/long/name.txt")
        );
    }
}
