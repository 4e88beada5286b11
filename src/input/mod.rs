//! Reading inputs: files, directories, archives, standard input, in every
//! format khulasa knows, as a lazy stream of records.
//!
//! This is the edge of the library: it touches the file system and turns
//! bytes into [`Document`]s. Every document found yields exactly one
//! [`Record`]: a document or a [`Failed`] record saying what went wrong;
//! nothing is dropped silently, and one bad document never stops the rest.
//!
//! # What is recognised
//!
//! Formats are told apart by their bytes, not their names:
//!
//! | input | recognised by | gives |
//! |---|---|---|
//! | zip | `PK\x03\x04` (or `PK\x05\x06` when empty) | each member, read by index |
//! | gzip | `1f 8b` | a tar.gz when a tar header follows, else one compressed file |
//! | tar | `ustar` at byte 257 | each regular member, streamed |
//! | JSON | first character `[` or `{` and not JSONL | one article, or an array of articles |
//! | JSONL | a first line that is a JSON object (or [`InputOptions::jsonl`]) | one record per line |
//! | TREC/Gigaword SGML | `<DOC>` elements | one document per `<DOC>` |
//! | text | anything else that decodes | one document |
//!
//! JSON articles take their text from the configured field or else `text`,
//! `content`, `body`, `article`; the id from the configured field or else
//! `id`, `docno`, `url`, and else the file (or member) name and position.
//! Other string and number fields go into `meta`, with `title`, `date` and
//! `outlet` filled from common aliases (see the table below).
//!
//! Text is decoded as UTF-8 (with or without BOM), UTF-16 (with BOM, or
//! recognised by its NUL bytes), or a legacy code page guessed by chardetng
//! (windows-1256, ISO-8859-6…), unless [`InputOptions::encoding`] forces one.
//! The encoding used is in `meta["encoding"]`. Binary data gives a failed
//! record ("binary file"), never garbage text.
//!
//! # Sources, ids and metadata
//!
//! A document's `source` is its path, with `!member` for archive members
//! (`day.zip!day.json#12`, `ant.tar.gz!a/b.txt`), `:line` for JSONL lines
//! and `#n` for the n-th article of a JSON array or `<DOC>` file. `meta`
//! holds `path` (the input on disk), `member` (inside archives),
//! `compression`, `format` (`text`, `json`, `jsonl`, `trec`) and `encoding`.
//! Ids are not made unique here: callers that need that deduplicate.
//!
//! What the input itself says about the article is kept under three
//! canonical keys, and the pipeline prefers it over what it guesses from the
//! text ([`Article::title`](crate::pipeline::Article::title), the briefing's
//! outlet and date):
//!
//! | key | JSON / JSONL field (first found) | `<DOC>` element |
//! |---|---|---|
//! | `title` | `title`, `headline` | `TITLE`, `HEADLINE` |
//! | `date` | `date`, `date_published`, `published`, `pubdate`, `date_extracted`, `time` | `DATE`, `TIME` |
//! | `outlet` | `outlet`, `source`, `publisher` | `SRC`, `SOURCE` |
//!
//! The original fields stay in `meta` under their own names too. A text
//! whose first line is the given title has that line as its headline, so it
//! is not repeated in the summary.
//!
//! Inputs that cannot seek (a FIFO, `<(…)` process substitution, standard
//! input) are read as streams: the bytes sniffed to recognise the format are
//! put back in front of the rest.
//!
//! # Safety with hostile inputs
//!
//! * Archive member names are only ever used as ids and sources, never as
//!   file-system paths: nothing is extracted or written, so `../x` or
//!   `/etc/x` members are harmless.
//! * Memory stays bounded by one member or document: zip members are read
//!   by index, tar and gzip are streamed, JSONL is read line by line, and all
//!   reads go through the limits in [`InputOptions`] (a compression bomb
//!   stops at the limit, it is not decompressed to the end).
//! * Truncated or damaged archives give a failed record for the broken
//!   member (or the archive's tail) after everything before it.
//! * Directory walks follow symbolic links only inside the input tree and
//!   never loop.

mod archive;
mod decode;
mod detect;
mod json;
mod json_fast;
mod jsonl;
mod trec;
mod walk;

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek};
use std::path::Path;
use std::sync::Arc;

use encoding_rs::Encoding;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::text::Document;

use archive::{Member, ReadSeek, TarFrame, ZipFrame, ZipStreamFrame};
use walk::{Filter, Found, Walker};

pub use walk::DEFAULT_INCLUDE;

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
    /// Treat every text input (file or archive member) as JSONL records.
    /// Archives are still recognised and opened.
    pub jsonl: bool,
    /// JSON field holding the id (tried before `id`, `docno`, `url`).
    pub id_field: String,
    /// JSON field holding the text (tried before `text`, `content`, `body`,
    /// `article`).
    pub text_field: String,
    /// Largest document accepted, in bytes (default 32 MiB).
    pub max_doc_bytes: u64,
    /// Largest archive member (or decompressed file, or JSON/SGML container
    /// file) read, in bytes (default 256 MiB). Reading stops at the limit.
    pub max_member_bytes: u64,
    /// Longest JSONL line accepted, in bytes (default 32 MiB); a longer line
    /// gives a failed record and reading goes on with the next line.
    pub max_line_bytes: u64,
    /// Force this encoding (a WHATWG label: `utf-8`, `windows-1256`,
    /// `iso-8859-6`, `utf-16le`…) instead of detecting it. A BOM still wins.
    pub encoding: Option<String>,
    /// Glob patterns of files to read when walking directories and archives
    /// (`*.txt`, `news/**/*.json`); empty means [`DEFAULT_INCLUDE`] plus
    /// files without an extension. Patterns without `/` match the file name.
    /// Files named directly as inputs are always read.
    pub include: Vec<String>,
    /// Glob patterns of files and directories to skip (wins over `include`).
    pub exclude: Vec<String>,
    /// Also read hidden files and directories (names starting with `.`).
    pub hidden: bool,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            jsonl: false,
            id_field: "id".into(),
            text_field: "text".into(),
            max_doc_bytes: 32 << 20,
            max_member_bytes: 256 << 20,
            max_line_bytes: 32 << 20,
            encoding: None,
            include: Vec::new(),
            exclude: Vec::new(),
            hidden: false,
        }
    }
}

/// `bytes` as UTF-8 text, or the offset of the first byte that is not.
///
/// simdutf8 checks valid text several times faster than `std::str::from_utf8`
/// on Arabic (two-byte) text; std runs only to locate an error.
pub(crate) fn utf8(bytes: &[u8]) -> std::result::Result<&str, usize> {
    simdutf8::basic::from_utf8(bytes).map_err(|_| {
        std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to())
    })
}

/// Decodes bytes as UTF-8 (a leading BOM is dropped).
///
/// # Errors
/// [`Error::Decode`] naming `input` when the bytes are not valid UTF-8.
pub fn decode(bytes: &[u8], input: &str) -> Result<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(valid_up_to) => Err(Error::Decode {
            input: input.to_string(),
            message: format!(
                "not valid UTF-8 (first bad byte at offset {valid_up_to}); convert it to UTF-8"
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
///
/// The same as [`open`]`(inputs, opts).collect()`; prefer [`open`] for large
/// inputs, which keeps only one document or member in memory at a time.
pub fn read_all(inputs: &[String], opts: &InputOptions) -> Vec<Record> {
    open(inputs, opts).collect()
}

/// Opens inputs (files, directories, archives, `-` for standard input) as a
/// lazy stream of records.
///
/// The order is deterministic: inputs in the order given, directory entries
/// sorted by name, archive members in archive order, JSONL lines and array
/// elements in file order. Nothing is read until the iterator is advanced.
///
/// ```no_run
/// use khulasa::input::{open, InputOptions};
///
/// let inputs = vec!["news.zip".to_string(), "more/".to_string()];
/// for record in open(&inputs, &InputOptions::default()) {
///     match record {
///         Ok(doc) => println!("{}\t{}", doc.id, doc.text.len()),
///         Err(failed) => eprintln!("{}", failed.error),
///     }
/// }
/// ```
pub fn open(inputs: &[String], opts: &InputOptions) -> Inputs {
    let (forced, encoding_error) = match opts.encoding.as_deref() {
        None => (None, None),
        Some(label) => match decode::encoding_for_label(label) {
            Some(e) => (Some(e), None),
            None => (
                None,
                Some(format!(
                    "unknown encoding \"{label}\" (try utf-8, windows-1256, iso-8859-6, utf-16le)"
                )),
            ),
        },
    };
    Inputs {
        opts: opts.clone(),
        forced,
        encoding_error,
        filter: Arc::new(Filter::new(&opts.include, &opts.exclude, opts.hidden)),
        pending: inputs.iter().cloned().collect(),
        stack: Vec::new(),
    }
}

/// Reads one input held in memory, recognised like a file by [`open`]: zip,
/// tar, gzip, JSON, JSONL, TREC or text, with the same limits. `name` is
/// the input's source and gives the default id, as a file path would.
///
/// For callers that already have the bytes (a network fetch, a database
/// blob) and for fuzzing the format readers without the file system.
///
/// ```
/// use khulasa::input::{open_bytes, InputOptions};
///
/// let jsonl = b"{\"id\": \"a\", \"text\": \"one\"}\n{\"id\": \"b\", \"text\": \"two\"}\n".to_vec();
/// let ids: Vec<String> = open_bytes("day.jsonl", jsonl, &InputOptions::default())
///     .map(|r| r.map(|d| d.id).unwrap_or_default())
///     .collect();
/// assert_eq!(ids, ["a", "b"]);
/// ```
pub fn open_bytes(name: &str, bytes: Vec<u8>, opts: &InputOptions) -> Inputs {
    let mut inputs = open(&[], opts);
    let origin = Origin::top(name, id_from_path(Path::new(name)));
    let first = if let Some(e) = &inputs.encoding_error {
        Some(origin.failed(e.clone()))
    } else {
        let size = bytes.len() as u64;
        inputs.open_src(origin, Src::Mem(bytes), Some(size))
    };
    if let Some(r) = first {
        inputs.stack.push(Frame::Docs(Box::new(std::iter::once(r))));
    }
    inputs
}

/// The lazy stream of records returned by [`open`].
pub struct Inputs {
    opts: InputOptions,
    forced: Option<&'static Encoding>,
    encoding_error: Option<String>,
    filter: Arc<Filter>,
    pending: VecDeque<String>,
    stack: Vec<Frame>,
}

impl std::fmt::Debug for Inputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inputs")
            .field("pending", &self.pending)
            .field("depth", &self.stack.len())
            .finish_non_exhaustive()
    }
}

/// Something being read, innermost last.
enum Frame {
    Walk(Walker),
    Zip(ZipFrame),
    ZipStream(ZipStreamFrame),
    Tar(TarFrame),
    Docs(Box<dyn Iterator<Item = Record> + Send>),
}

/// Containers nested deeper than this (zip in tar in gzip in …) are refused.
const MAX_DEPTH: u8 = 6;

/// Where a document comes from.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    /// `path`, `path!member`, `path!member!inner`.
    source: String,
    /// The default id: the file or member name without extension.
    stem: String,
    /// The input on disk (or `-`).
    path: String,
    /// The member path(s) inside archives.
    member: Option<String>,
    /// Containers opened so far.
    depth: u8,
    /// `gzip` when the bytes were decompressed.
    compression: Option<&'static str>,
}

impl Origin {
    fn top(path: &str, stem: String) -> Self {
        Origin {
            source: one_line(path).into_owned(),
            stem,
            path: path.to_string(),
            member: None,
            depth: 0,
            compression: None,
        }
    }

    /// The origin of archive member `name` (a string, never a path to open).
    fn member_origin(&self, name: &str) -> Origin {
        let last = name
            .rsplit(['/', '\\'])
            .find(|c| !c.is_empty() && *c != "." && *c != "..")
            .unwrap_or("member");
        Origin {
            source: format!("{}!{}", self.source, one_line(name)),
            stem: id_from_path(Path::new(last)),
            path: self.path.clone(),
            member: Some(match &self.member {
                Some(m) => format!("{m}!{name}"),
                None => name.to_string(),
            }),
            depth: self.depth.saturating_add(1),
            compression: self.compression,
        }
    }

    /// The origin of a gzip stream's content.
    fn gunzipped(&self) -> Origin {
        let mut o = self.clone();
        let inner = Path::new(&self.stem);
        if inner.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["txt", "json", "jsonl", "tar", "xml", "sgml"]
                .contains(&e.to_ascii_lowercase().as_str())
        }) {
            o.stem = id_from_path(inner);
        }
        o.depth = o.depth.saturating_add(1);
        o.compression = Some("gzip");
        o
    }

    /// Adds `path`, `member` and `compression` to a document's metadata.
    fn annotate(&self, d: &mut Document) {
        d.meta.insert("path".into(), self.path.clone());
        if let Some(m) = &self.member {
            d.meta.insert("member".into(), m.clone());
        }
        if let Some(c) = self.compression {
            d.meta.insert("compression".into(), c.into());
        }
    }

    fn document(&self, id: String, text: String, source: String) -> Document {
        let mut d = Document::new(id, text);
        d.source = source;
        self.annotate(&mut d);
        d
    }

    fn failed(&self, error: String) -> Record {
        Err(Failed {
            id: self.stem.clone(),
            source: self.source.clone(),
            error: format!("{}: {error}", self.source),
        })
    }
}

/// `s` with control characters escaped (`\n` → `\\n`), so that a name
/// from an archive or a directory cannot break (or forge) a line of output.
fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(char::is_control) {
        s.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

/// Bytes to read: a file (seekable), a member in memory, or a stream.
enum Src {
    File(File),
    Mem(Vec<u8>),
    Stream(Box<dyn Read + Send>),
}

/// Bytes that can be opened for reading more than once (zip needs a second
/// pass when its central directory is damaged).
enum Reopen {
    File(File),
    Mem(Arc<Vec<u8>>),
}

struct Shared(Arc<Vec<u8>>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        self.0.as_slice()
    }
}

impl Reopen {
    fn open(&self) -> std::io::Result<Box<dyn ReadSeek>> {
        Ok(match self {
            Reopen::File(f) => {
                let mut f = f.try_clone()?;
                f.rewind()?;
                Box::new(BufReader::new(f))
            }
            Reopen::Mem(v) => Box::new(Cursor::new(Shared(Arc::clone(v)))),
        })
    }
}

/// How many leading bytes are looked at to recognise a format.
const HEAD: usize = decode::SNIFF_BYTES;

fn read_head(r: &mut dyn Read) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(HEAD);
    r.take(HEAD as u64).read_to_end(&mut head)?;
    Ok(head)
}

impl Src {
    /// A reader over all the bytes (the head is put back in front).
    fn into_reader(self, head: Vec<u8>) -> std::io::Result<Box<dyn Read + Send>> {
        Ok(match self {
            Src::File(mut f) => {
                f.rewind()?;
                Box::new(BufReader::with_capacity(64 << 10, f))
            }
            Src::Mem(v) => Box::new(Cursor::new(v)),
            Src::Stream(r) => Box::new(Cursor::new(head).chain(r)),
        })
    }

    fn into_reopen(self, head: Vec<u8>, limit: u64) -> std::result::Result<Reopen, String> {
        match self {
            Src::File(f) => Ok(Reopen::File(f)),
            Src::Mem(v) => Ok(Reopen::Mem(Arc::new(v))),
            Src::Stream(r) => {
                let mut r: Box<dyn Read + Send> = Box::new(Cursor::new(head).chain(r));
                match archive::read_limited(&mut r, limit) {
                    Ok(Some(v)) => Ok(Reopen::Mem(Arc::new(v))),
                    Ok(None) => Err(format!("archive is over the limit of {limit} bytes")),
                    Err(e) => Err(format!("cannot read: {e}")),
                }
            }
        }
    }
}

impl Iterator for Inputs {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        // A failure is one line, whatever the names and library messages in it.
        self.next_record().map(|r| {
            r.map_err(|mut f| {
                if let std::borrow::Cow::Owned(e) = one_line(&f.error) {
                    f.error = e;
                }
                if let std::borrow::Cow::Owned(s) = one_line(&f.source) {
                    f.source = s;
                }
                f
            })
        })
    }
}

impl Inputs {
    fn next_record(&mut self) -> Option<Record> {
        loop {
            let Some(top) = self.stack.last_mut() else {
                let input = self.pending.pop_front()?;
                if let Some(r) = self.start(&input) {
                    return Some(r);
                }
                continue;
            };
            let member = match top {
                Frame::Walk(w) => match w.next(&self.filter) {
                    Some(Found::File(path)) => {
                        let shown = path.display().to_string();
                        let origin = Origin::top(&shown, id_from_path(&path));
                        if let Some(r) = self.open_path(&path, origin) {
                            return Some(r);
                        }
                        continue;
                    }
                    Some(Found::Failed(f)) => return Some(Err(f)),
                    None => None,
                },
                Frame::Zip(z) => z.next_member().map(|m| (m, z.origin_ref().clone())),
                Frame::ZipStream(z) => z.next_member().map(|m| (m, z.origin_ref().clone())),
                Frame::Tar(t) => t.next_member().map(|m| (m, t.origin_ref().clone())),
                Frame::Docs(d) => match d.next() {
                    Some(r) => return Some(r),
                    None => None,
                },
            };
            match member {
                None => {
                    self.stack.pop();
                }
                Some((Member::Failed(f), _)) => return Some(Err(f)),
                Some((Member::Data(name, bytes), parent)) => {
                    let origin = parent.member_origin(&name);
                    if let Some(r) = self.open_src(origin, Src::Mem(bytes), None) {
                        return Some(r);
                    }
                }
            }
        }
    }
}

impl Inputs {
    /// Starts one top-level input: a record to return now, or frames pushed.
    fn start(&mut self, input: &str) -> Option<Record> {
        if let Some(e) = &self.encoding_error {
            return Some(Err(Failed {
                id: id_from_path(Path::new(input)),
                source: input.to_string(),
                error: e.clone(),
            }));
        }
        if input == "-" {
            let origin = Origin::top("-", "stdin".into());
            return self.open_src(origin, Src::Stream(Box::new(std::io::stdin())), None);
        }
        let path = Path::new(input);
        let origin = Origin::top(input, id_from_path(path));
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                self.stack.push(Frame::Walk(Walker::new(path)));
                None
            }
            Ok(_) => self.open_path(path, origin),
            Err(e) => Some(Err(Failed {
                id: origin.stem,
                source: origin.source,
                error: Error::io(path, e).to_string(),
            })),
        }
    }

    fn open_path(&mut self, path: &Path, origin: Origin) -> Option<Record> {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => return Some(origin.failed(Error::io(path, e).to_string())),
        };
        match file.metadata() {
            Ok(m) if m.is_file() => self.open_src(origin, Src::File(file), Some(m.len())),
            // A FIFO, `<(…)` process substitution, character device or
            // socket cannot seek back after the format is sniffed: it is read
            // as a stream, like standard input.
            _ => self.open_src(origin, Src::Stream(Box::new(file)), None),
        }
    }

    /// Recognises the format of `src` and either returns a record or pushes
    /// the frame that will produce its records.
    fn open_src(&mut self, origin: Origin, mut src: Src, size: Option<u64>) -> Option<Record> {
        let head = match &mut src {
            Src::Mem(v) => v.get(..HEAD).unwrap_or(v).to_vec(),
            Src::File(f) => match read_head(f) {
                Ok(h) => h,
                Err(e) => return Some(origin.failed(format!("cannot read: {e}"))),
            },
            Src::Stream(r) => match read_head(r) {
                Ok(h) => h,
                Err(e) => return Some(origin.failed(format!("cannot read: {e}"))),
            },
        };
        let format = detect::sniff(&head);
        if format != detect::Format::Text && origin.depth >= MAX_DEPTH {
            return Some(origin.failed(format!(
                "archives nested more than {MAX_DEPTH} deep; not opened"
            )));
        }
        let limit = self.opts.max_member_bytes;
        match format {
            detect::Format::Zip => {
                let reopen = match src.into_reopen(head, limit) {
                    Ok(r) => r,
                    Err(e) => return Some(origin.failed(e)),
                };
                let opened = reopen
                    .open()
                    .map_err(|e| e.to_string())
                    .and_then(|r| zip::ZipArchive::new(r).map_err(|e| e.to_string()));
                match opened {
                    Ok(a) => self.stack.push(Frame::Zip(ZipFrame::new(
                        a,
                        origin,
                        Arc::clone(&self.filter),
                        limit,
                    ))),
                    Err(why) => match reopen.open() {
                        Ok(r) => self.stack.push(Frame::ZipStream(ZipStreamFrame::new(
                            r,
                            origin,
                            Arc::clone(&self.filter),
                            limit,
                            why,
                        ))),
                        Err(e) => return Some(origin.failed(format!("cannot read zip: {e}"))),
                    },
                }
                None
            }
            detect::Format::Gzip => {
                let reader = match src.into_reader(head) {
                    Ok(r) => r,
                    Err(e) => return Some(origin.failed(format!("cannot read: {e}"))),
                };
                let dec = flate2::read::MultiGzDecoder::new(reader);
                self.open_src(origin.gunzipped(), Src::Stream(Box::new(dec)), None)
            }
            detect::Format::Tar => {
                let reader = match src.into_reader(head) {
                    Ok(r) => r,
                    Err(e) => return Some(origin.failed(format!("cannot read: {e}"))),
                };
                self.stack.push(Frame::Tar(TarFrame::new(
                    reader,
                    origin,
                    Arc::clone(&self.filter),
                    limit,
                )));
                None
            }
            detect::Format::Text => self.open_text(origin, src, head, size),
        }
    }

    fn open_text(
        &mut self,
        origin: Origin,
        src: Src,
        head: Vec<u8>,
        size: Option<u64>,
    ) -> Option<Record> {
        let sniffed = decode::sniff_head(&head);
        if sniffed == decode::HeadKind::Binary {
            return Some(origin.failed(decode::DecodeFailure::Binary.to_string()));
        }
        let utf16 = matches!(sniffed, decode::HeadKind::Utf16(_))
            || decode::bom(&head).is_some_and(|(e, _)| e != encoding_rs::UTF_8);
        let forced_other = self.forced.is_some_and(|e| e != encoding_rs::UTF_8);
        let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
        let first = body.iter().copied().find(|b| !b.is_ascii_whitespace());
        if !utf16 && !forced_other && (self.opts.jsonl || first == Some(b'{')) {
            return self.open_jsonl_or_object(origin, src, head);
        }
        let container = matches!(first, Some(b'[' | b'<'));
        let limit = if container {
            self.opts.max_member_bytes
        } else {
            self.opts.max_doc_bytes
        };
        if let Some(size) = size.filter(|&s| s > limit) {
            let what = if container { "file" } else { "document" };
            return Some(origin.failed(format!(
                "{what} is {size} bytes, over the limit of {limit} bytes"
            )));
        }
        let over = || {
            Some(origin.failed(format!(
                "input is over the limit of {limit} bytes; reading stopped there"
            )))
        };
        let bytes = match src {
            // Bytes already in memory (archive members) are used as they are.
            Src::Mem(v) if v.len() as u64 > limit => return over(),
            Src::Mem(v) => v,
            src => {
                let mut reader = match src.into_reader(head) {
                    Ok(r) => r,
                    Err(e) => return Some(origin.failed(format!("cannot read: {e}"))),
                };
                match archive::read_limited(&mut reader, limit) {
                    Ok(Some(b)) => b,
                    Ok(None) => return over(),
                    Err(e) => return Some(origin.failed(format!("cannot read: {e}"))),
                }
            }
        };
        let decoded = match decode::decode_bytes(bytes, self.forced) {
            Ok(d) => d,
            Err(e) => return Some(origin.failed(e.to_string())),
        };
        self.push_text(origin, decoded.text, decoded.encoding)
    }

    /// Text decoded in full: JSON, JSONL, `<DOC>` or one plain document.
    fn push_text(
        &mut self,
        origin: Origin,
        text: String,
        encoding: &'static str,
    ) -> Option<Record> {
        match detect::text_kind(&text, self.opts.jsonl) {
            detect::TextKind::Json => {
                self.stack.push(Frame::Docs(Box::new(json::JsonDocs::new(
                    text, origin, encoding, &self.opts,
                ))));
                None
            }
            detect::TextKind::Jsonl => {
                let reader = Box::new(Cursor::new(text.into_bytes()));
                self.stack.push(Frame::Docs(Box::new(jsonl::JsonlDocs::new(
                    reader, origin, &self.opts,
                ))));
                None
            }
            detect::TextKind::Trec => {
                let docs = trec::TrecDocs::new(text, origin, encoding, self.opts.max_doc_bytes);
                self.stack.push(Frame::Docs(Box::new(docs)));
                None
            }
            detect::TextKind::Plain => {
                if text.len() as u64 > self.opts.max_doc_bytes {
                    return Some(origin.failed(format!(
                        "document is {} bytes, over the limit of {} bytes",
                        text.len(),
                        self.opts.max_doc_bytes
                    )));
                }
                let mut d = origin.document(origin.stem.clone(), text, origin.source.clone());
                d.meta.insert("format".into(), "text".into());
                d.meta.insert("encoding".into(), encoding.into());
                Some(Ok(d))
            }
        }
    }

    /// UTF-8 text starting with `{` (or any text with `jsonl` forced): JSONL
    /// when the first line is a whole JSON object, streamed line by line;
    /// otherwise one (pretty-printed) JSON object.
    fn open_jsonl_or_object(&mut self, origin: Origin, src: Src, head: Vec<u8>) -> Option<Record> {
        let reader = match src.into_reader(head) {
            Ok(r) => r,
            Err(e) => return Some(origin.failed(format!("cannot read: {e}"))),
        };
        // A line read whole from this buffer is parsed where it lies; one
        // that crosses the buffer's end is copied out first.
        let mut br = BufReader::with_capacity(256 << 10, reader);
        if self.opts.jsonl {
            self.stack.push(Frame::Docs(Box::new(jsonl::JsonlDocs::new(
                Box::new(br),
                origin,
                &self.opts,
            ))));
            return None;
        }
        // Read up to the second non-blank line, keeping what was read: JSONL
        // is a first line holding a whole object, followed by more lines.
        let mut consumed = Vec::new();
        let mut line = Vec::new();
        let mut seen = 0;
        let mut too_long = None;
        let is_jsonl = loop {
            match jsonl::read_line_limited(&mut br, &mut line, self.opts.max_line_bytes) {
                Ok(jsonl::Line::Read) => {
                    consumed.extend_from_slice(&line);
                    consumed.push(b'\n');
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    seen += 1;
                    if seen == 2 {
                        break true;
                    }
                    let text = std::str::from_utf8(&line).unwrap_or_default();
                    if !detect::first_line_is_object(text.trim_start_matches('\u{FEFF}')) {
                        break false;
                    }
                }
                Ok(jsonl::Line::TooLong(n)) if seen == 1 => {
                    // A second line over the limit: JSONL, and that line's
                    // failure is reported in its place.
                    let line_no = consumed.iter().filter(|&&b| b == b'\n').count() + 1;
                    too_long = Some((line_no, n));
                    break true;
                }
                Ok(jsonl::Line::TooLong(n)) => {
                    return Some(origin.failed(format!(
                        "first line is {n} bytes, over the JSONL line limit of {} bytes",
                        self.opts.max_line_bytes
                    )))
                }
                Ok(jsonl::Line::Eof) => break false,
                Err(e) => return Some(origin.failed(format!("cannot read: {e}"))),
            }
        };
        if is_jsonl {
            let reader = Box::new(Cursor::new(consumed).chain(br));
            let mut docs = jsonl::JsonlDocs::new(reader, origin, &self.opts);
            docs.too_long = too_long;
            self.stack.push(Frame::Docs(Box::new(docs)));
            return None;
        }
        let limit = self.opts.max_member_bytes;
        let rest_limit = limit.saturating_sub(consumed.len() as u64);
        let bytes = match archive::read_limited(&mut br, rest_limit) {
            Ok(Some(rest)) => {
                consumed.extend_from_slice(&rest);
                consumed
            }
            Ok(None) => {
                return Some(origin.failed(format!(
                    "input is over the limit of {limit} bytes; reading stopped there"
                )))
            }
            Err(e) => return Some(origin.failed(format!("cannot read: {e}"))),
        };
        let decoded = match decode::decode_bytes(bytes, self.forced) {
            Ok(d) => d,
            Err(e) => return Some(origin.failed(e.to_string())),
        };
        self.push_text(origin, decoded.text, decoded.encoding)
    }
}

/// Parses one JSONL record into a document.
///
/// The text comes from `opts.text_field` or else `text`, `content`, `body`,
/// `article`; the id from `opts.id_field` or else `id`, `docno`, `url`, and
/// else `stem#line`. Other string and number fields go into `meta`.
///
/// # Errors
/// A [`Failed`] record naming `source:line` when the line is not a JSON object
/// or lacks a string text field.
pub fn parse_jsonl_line(line: &str, source: &str, line_no: usize, opts: &InputOptions) -> Record {
    let here = format!("{source}:{line_no}");
    let fallback_id = format!("{}#{line_no}", id_from_path(Path::new(source)));
    match json::parse_lean(line, &json::Wanted::new(opts)) {
        Ok(v) => json::document_from_value(v, fallback_id, &here, opts),
        Err(e) => Err(Failed {
            id: fallback_id,
            source: here.clone(),
            error: format!("{here}: not valid JSON: {e}"),
        }),
    }
}
