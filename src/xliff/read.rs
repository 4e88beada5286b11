//! Reading translated XLIFF (2.x or 1.2) and the merged bilingual view.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use serde::Serialize;

use super::is_rtl;
use super::write12::{META_FROM, NS_XLIFF12, SUMMARY_NOTE};
use super::write2::NS_XLIFF2;
use crate::error::{Error, Result};

const NS_MDA: &[u8] = b"urn:oasis:names:tc:xliff:metadata:2.0";

/// Which XLIFF a file was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum XliffVersion {
    /// XLIFF 2.0 or 2.1.
    #[serde(rename = "2")]
    V2,
    /// XLIFF 1.2 (or 1.1/1.0 files that look like it).
    #[serde(rename = "1.2")]
    V1_2,
}

/// A translated XLIFF file, read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslatedDoc {
    /// The name it was read under (usually the path).
    pub name: String,
    /// XLIFF version.
    pub version: XliffVersion,
    /// Document id: the `id` metadata khulasa writes, else the first file's id
    /// (2.x) or original (1.2).
    pub id: String,
    /// Title from the metadata, else empty.
    pub title: String,
    /// The first `<file>`'s `original`.
    pub original: String,
    /// Source language.
    pub source_lang: String,
    /// Target language (empty if the file does not say).
    pub target_lang: String,
    /// The units of all `<file>`s, in document order.
    pub units: Vec<TranslatedUnit>,
}

/// A unit (paragraph) of a translated file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslatedUnit {
    /// Unit id.
    pub id: String,
    /// Its segments in order.
    pub segments: Vec<TranslatedSegment>,
}

/// A segment with its translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranslatedSegment {
    /// Segment id (XLIFF 2 `segment id`, XLIFF 1.2 `mrk mid`); generated from
    /// the unit id when the file has none.
    pub id: String,
    /// Source text (inline markup removed, `<cp>` decoded).
    pub source: String,
    /// Target text, `None` when missing or empty.
    pub target: Option<String>,
    /// True if the file flags the segment as a summary sentence.
    pub summary: bool,
}

/// Reads an XLIFF 2.x or 1.2 document.
///
/// Text is taken from `<source>`/`<target>` with inline markup removed:
/// the content of `<mrk>`, `<pc>` and `<g>` is kept, native-code elements
/// (`<ph>`, `<bpt>`, `<ept>`, `<it>`, `<originalData>`) and alternatives
/// (`<alt-trans>`) are skipped, and XLIFF 2 `<cp hex>` is decoded. In XLIFF
/// 1.2, `<seg-source>` `<mrk mtype="seg">` give the segments and target
/// `<mrk mtype="seg">` are matched by `mid`; a target without segment marks
/// is one translation for the whole unit (which then becomes one segment if
/// the unit has several). No DTD is processed: a DOCTYPE is ignored and any
/// entity other than the five predefined ones and character references is an
/// error.
///
/// # Errors
/// [`Error::Parse`] naming `name` and the line for malformed XML, an unknown
/// entity, or a root element that is not `<xliff>`.
pub fn read(text: &str, name: &str) -> Result<TranslatedDoc> {
    Parser::new(text, name).run()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sink {
    None,
    Source,
    Target,
    /// 1.2 `<seg-source>` outside a segment mark: ignored text.
    SegSource,
    /// 1.2 segment mark in seg-source: index into `seg_sources`.
    SegMrk(usize),
    /// 1.2 segment mark in target: index into `seg_targets`.
    TargetMrk(usize),
    Meta,
    Note,
}

/// What an open element is, for the work to do when it closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Unit,
    Segment,
    TransUnit,
    Metadata,
    Header,
    Other,
}

#[derive(Debug, Default)]
struct Unit12 {
    id: String,
    source: String,
    target: String,
    has_target: bool,
    segs: Vec<(String, String)>,
    targets: Vec<(String, String)>,
    summary: Vec<String>,
}

struct Parser<'a> {
    text: &'a str,
    name: &'a str,
    reader: NsReader<&'a [u8]>,
    stack: Vec<(Kind, Sink)>,
    doc: TranslatedDoc,
    version: Option<XliffVersion>,
    file_seen: bool,
    doc_meta_id: Option<String>,
    file_summary: Vec<String>,
    // XLIFF 2 state
    unit: Option<(TranslatedUnit, Vec<String>)>,
    seg: Option<(String, String, Option<String>)>,
    in_unit_meta: bool,
    // XLIFF 1.2 state
    u12: Option<Unit12>,
    in_header: bool,
    // text buffers
    meta_type: String,
    buf: String,
    note_from: String,
}

fn local(e: &BytesStart<'_>) -> Vec<u8> {
    e.local_name().as_ref().to_vec()
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, name: &'a str) -> Self {
        let mut reader = NsReader::from_str(text);
        reader.config_mut().expand_empty_elements = true;
        reader.config_mut().trim_text(false);
        Parser {
            text,
            name,
            reader,
            stack: Vec::new(),
            doc: TranslatedDoc {
                name: name.to_string(),
                version: XliffVersion::V2,
                id: String::new(),
                title: String::new(),
                original: String::new(),
                source_lang: String::new(),
                target_lang: String::new(),
                units: Vec::new(),
            },
            version: None,
            file_seen: false,
            doc_meta_id: None,
            file_summary: Vec::new(),
            unit: None,
            seg: None,
            in_unit_meta: false,
            u12: None,
            in_header: false,
            meta_type: String::new(),
            buf: String::new(),
            note_from: String::new(),
        }
    }

    fn err(&self, pos: u64, message: impl Into<String>) -> Error {
        let pos = usize::try_from(pos)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        let line = self
            .text
            .as_bytes()
            .get(..pos)
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
            + 1;
        Error::parse(self.name, line, message)
    }

    fn run(mut self) -> Result<TranslatedDoc> {
        loop {
            let (ns, ev) = match self.reader.read_resolved_event() {
                Ok((ns, ev)) => (ns_kind(&ns), ev),
                Err(e) => {
                    let pos = self.reader.error_position();
                    return Err(self.err(pos, format!("malformed XML: {e}")));
                }
            };
            match ev {
                Event::Start(e) => self.start(ns, &e)?,
                Event::End(_) => self.end(),
                Event::Text(t) => {
                    let s = t.unescape().map_err(|e| {
                        self.err(self.reader.buffer_position(), format!("bad text: {e}"))
                    })?;
                    self.push_text(&s);
                }
                Event::CData(t) => {
                    let s = String::from_utf8_lossy(&t).into_owned();
                    self.push_text(&s);
                }
                Event::Eof => {
                    if !self.stack.is_empty() {
                        let pos = self.reader.buffer_position();
                        return Err(
                            self.err(pos, "unexpected end of file: an element is not closed")
                        );
                    }
                    break;
                }
                // DOCTYPE, comments, processing instructions: ignored; no
                // DTD is ever processed.
                _ => {}
            }
        }
        if self.version.is_none() {
            return Err(self.err(0, "not an XLIFF file (no <xliff> root element)"));
        }
        if let Some(id) = self.doc_meta_id.take() {
            self.doc.id = id;
        }
        let file_summary = std::mem::take(&mut self.file_summary);
        for u in &mut self.doc.units {
            for s in &mut u.segments {
                s.summary |= file_summary.contains(&s.id);
            }
        }
        Ok(self.doc)
    }

    fn top(&self) -> Sink {
        self.stack.last().map_or(Sink::None, |f| f.1)
    }

    fn attr(&self, e: &BytesStart<'_>, name: &[u8]) -> Result<Option<String>> {
        for a in e.attributes().with_checks(false) {
            let a = a.map_err(|err| {
                self.err(
                    self.reader.buffer_position(),
                    format!("bad attribute: {err}"),
                )
            })?;
            if a.key.as_ref() == name {
                let v = a.unescape_value().map_err(|err| {
                    self.err(
                        self.reader.buffer_position(),
                        format!("bad attribute value: {err}"),
                    )
                })?;
                return Ok(Some(v.into_owned()));
            }
        }
        Ok(None)
    }

    fn start(&mut self, ns: Ns, e: &BytesStart<'_>) -> Result<()> {
        let name = local(e);
        let parent = self.top();
        let parent_kind = self.stack.last().map_or(Kind::Other, |f| f.0);
        let mut kind = Kind::Other;
        let sink = match (self.version, ns, name.as_slice()) {
            (None, _, b"xliff") => {
                let v = self.attr(e, b"version")?.unwrap_or_default();
                let version = if v.starts_with('1')
                    || self.attr(e, b"xmlns")?.as_deref() == Some(NS_XLIFF12)
                {
                    XliffVersion::V1_2
                } else if v.is_empty() || v.starts_with("2.") || v == "2" {
                    XliffVersion::V2
                } else {
                    return Err(self.err(
                        self.reader.buffer_position(),
                        format!("XLIFF version {v:?} is not supported (1.2 and 2.x are)"),
                    ));
                };
                self.version = Some(version);
                self.doc.version = version;
                self.doc.source_lang = self.attr(e, b"srcLang")?.unwrap_or_default();
                self.doc.target_lang = self.attr(e, b"trgLang")?.unwrap_or_default();
                Sink::None
            }
            (None, _, _) => {
                return Err(self.err(
                    self.reader.buffer_position(),
                    format!(
                        "not an XLIFF file: root element <{}>",
                        String::from_utf8_lossy(&name)
                    ),
                ))
            }
            (Some(v), Ns::Core, b"file") => {
                if !self.file_seen {
                    self.file_seen = true;
                    self.doc.original = self.attr(e, b"original")?.unwrap_or_default();
                    if v == XliffVersion::V1_2 {
                        self.doc.source_lang =
                            self.attr(e, b"source-language")?.unwrap_or_default();
                        self.doc.target_lang =
                            self.attr(e, b"target-language")?.unwrap_or_default();
                        self.doc.id = self.doc.original.clone();
                    } else {
                        self.doc.id = self.attr(e, b"id")?.unwrap_or_default();
                    }
                }
                Sink::None
            }
            // ---- XLIFF 2 ----
            (Some(XliffVersion::V2), Ns::Core, b"unit") => {
                let id = self.attr(e, b"id")?.unwrap_or_default();
                self.unit = Some((
                    TranslatedUnit {
                        id,
                        segments: Vec::new(),
                    },
                    Vec::new(),
                ));
                kind = Kind::Unit;
                Sink::None
            }
            (Some(XliffVersion::V2), Ns::Core, b"segment") => {
                let id = self.attr(e, b"id")?;
                let id = id.unwrap_or_else(|| {
                    let (u, n) = self
                        .unit
                        .as_ref()
                        .map_or(("", 0), |(u, _)| (u.id.as_str(), u.segments.len()));
                    format!("{u}-{}", n + 1)
                });
                self.seg = Some((id, String::new(), None));
                kind = Kind::Segment;
                Sink::None
            }
            (Some(XliffVersion::V2), Ns::Core, b"source") if parent_kind == Kind::Segment => {
                Sink::Source
            }
            (Some(XliffVersion::V2), Ns::Core, b"target") if parent_kind == Kind::Segment => {
                if let Some(s) = self.seg.as_mut() {
                    s.2 = Some(String::new());
                }
                Sink::Target
            }
            (Some(XliffVersion::V2), Ns::Core, b"cp") => {
                if matches!(parent, Sink::Source | Sink::Target) {
                    let hex = self.attr(e, b"hex")?.unwrap_or_default();
                    let c = u32::from_str_radix(hex.trim(), 16)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('\u{FFFD}');
                    self.push_text(c.encode_utf8(&mut [0u8; 4]));
                }
                Sink::None
            }
            (Some(XliffVersion::V2), Ns::Core, b"mrk" | b"pc") => parent,
            (Some(XliffVersion::V2), Ns::Mda, b"metadata") => {
                self.in_unit_meta = self.unit.is_some();
                kind = Kind::Metadata;
                Sink::None
            }
            (Some(XliffVersion::V2), Ns::Mda, b"meta") => {
                self.meta_type = self.attr(e, b"type")?.unwrap_or_default();
                self.buf.clear();
                Sink::Meta
            }
            // ---- XLIFF 1.2 ----
            (Some(XliffVersion::V1_2), Ns::Core, b"header") => {
                self.in_header = true;
                kind = Kind::Header;
                Sink::None
            }
            (Some(XliffVersion::V1_2), Ns::Core, b"trans-unit") => {
                self.u12 = Some(Unit12 {
                    id: self.attr(e, b"id")?.unwrap_or_default(),
                    ..Default::default()
                });
                kind = Kind::TransUnit;
                Sink::None
            }
            (Some(XliffVersion::V1_2), Ns::Core, b"source") if parent_kind == Kind::TransUnit => {
                Sink::Source
            }
            (Some(XliffVersion::V1_2), Ns::Core, b"seg-source")
                if parent_kind == Kind::TransUnit =>
            {
                Sink::SegSource
            }
            (Some(XliffVersion::V1_2), Ns::Core, b"target") if parent_kind == Kind::TransUnit => {
                if let Some(u) = self.u12.as_mut() {
                    u.has_target = true;
                }
                Sink::Target
            }
            (Some(XliffVersion::V1_2), Ns::Core, b"mrk") => {
                let seg = self.attr(e, b"mtype")?.as_deref() == Some("seg");
                match (parent, seg) {
                    (Sink::SegSource, true) => {
                        let mid = self.attr(e, b"mid")?.unwrap_or_default();
                        match self.u12.as_mut() {
                            Some(u) => {
                                let mid = if mid.is_empty() {
                                    format!("{}-{}", u.id, u.segs.len() + 1)
                                } else {
                                    mid
                                };
                                u.segs.push((mid, String::new()));
                                Sink::SegMrk(u.segs.len() - 1)
                            }
                            None => Sink::None,
                        }
                    }
                    (Sink::Target, true) => {
                        let mid = self.attr(e, b"mid")?.unwrap_or_default();
                        match self.u12.as_mut() {
                            Some(u) => {
                                u.targets.push((mid, String::new()));
                                Sink::TargetMrk(u.targets.len() - 1)
                            }
                            None => Sink::None,
                        }
                    }
                    _ => parent,
                }
            }
            (Some(XliffVersion::V1_2), Ns::Core, b"g") => parent,
            (Some(XliffVersion::V1_2), Ns::Core, b"note")
                if self.u12.is_some() || self.in_header =>
            {
                self.note_from = self.attr(e, b"from")?.unwrap_or_default();
                self.buf.clear();
                Sink::Note
            }
            // Everything else (native codes, alt-trans, modules we do not
            // read) contributes no text.
            _ => Sink::None,
        };
        self.stack.push((kind, sink));
        Ok(())
    }

    fn push_text(&mut self, s: &str) {
        match self.top() {
            Sink::None | Sink::SegSource => {}
            Sink::Meta | Sink::Note => self.buf.push_str(s),
            Sink::Source => {
                if let Some(seg) = self.seg.as_mut() {
                    seg.1.push_str(s);
                } else if let Some(u) = self.u12.as_mut() {
                    u.source.push_str(s);
                }
            }
            Sink::Target => {
                if let Some(seg) = self.seg.as_mut() {
                    if let Some(t) = seg.2.as_mut() {
                        t.push_str(s);
                    }
                } else if let Some(u) = self.u12.as_mut() {
                    u.target.push_str(s);
                }
            }
            Sink::SegMrk(i) => {
                if let Some((_, t)) = self.u12.as_mut().and_then(|u| u.segs.get_mut(i)) {
                    t.push_str(s);
                }
            }
            Sink::TargetMrk(i) => {
                if let Some(u) = self.u12.as_mut() {
                    u.target.push_str(s);
                    if let Some((_, t)) = u.targets.get_mut(i) {
                        t.push_str(s);
                    }
                }
            }
        }
    }

    fn end(&mut self) {
        let Some((kind, sink)) = self.stack.pop() else {
            return;
        };
        match sink {
            Sink::Meta => self.end_meta(),
            Sink::Note => self.end_note(),
            _ => {}
        }
        match kind {
            Kind::Segment => {
                if let (Some((id, source, target)), Some((unit, _))) =
                    (self.seg.take(), self.unit.as_mut())
                {
                    unit.segments.push(TranslatedSegment {
                        id,
                        source,
                        target: target.filter(|t| !t.is_empty()),
                        summary: false,
                    });
                }
            }
            Kind::Unit => {
                if let Some((mut unit, summary)) = self.unit.take() {
                    unit.segments
                        .retain(|s| !(s.source.is_empty() && s.target.is_none()));
                    for s in &mut unit.segments {
                        s.summary = summary.contains(&s.id);
                    }
                    if !unit.segments.is_empty() {
                        self.doc.units.push(unit);
                    }
                }
            }
            Kind::TransUnit => {
                if let Some(u) = self.u12.take() {
                    let unit = finish_unit12(u);
                    if !unit.segments.is_empty() {
                        self.doc.units.push(unit);
                    }
                }
            }
            Kind::Metadata => self.in_unit_meta = false,
            Kind::Header => self.in_header = false,
            Kind::Other => {}
        }
    }

    fn end_meta(&mut self) {
        let value = std::mem::take(&mut self.buf);
        let ids = || {
            value
                .split_whitespace()
                .map(String::from)
                .collect::<Vec<_>>()
        };
        match (self.in_unit_meta, self.meta_type.as_str()) {
            (true, "summary-segments") => {
                if let Some((_, sum)) = self.unit.as_mut() {
                    sum.extend(ids());
                }
            }
            (false, "summary-segments") => self.file_summary.extend(ids()),
            (false, "title") if self.doc.title.is_empty() => self.doc.title = value,
            (false, "id") if self.doc_meta_id.is_none() => self.doc_meta_id = Some(value),
            _ => {}
        }
    }

    fn end_note(&mut self) {
        let value = std::mem::take(&mut self.buf);
        if self.note_from == META_FROM && self.in_header {
            if let Some((k, v)) = value.split_once(": ") {
                match k {
                    "title" if self.doc.title.is_empty() => self.doc.title = v.to_string(),
                    "id" if self.doc_meta_id.is_none() => self.doc_meta_id = Some(v.to_string()),
                    _ => {}
                }
            }
        } else if let Some(rest) = value.strip_prefix(SUMMARY_NOTE) {
            let ids = rest.split_whitespace().map(String::from);
            match self.u12.as_mut() {
                Some(u) => u.summary.extend(ids),
                None => self.file_summary.extend(ids),
            }
        }
    }
}

/// Turns a 1.2 trans-unit into segments (see [`read`]).
fn finish_unit12(u: Unit12) -> TranslatedUnit {
    let target = Some(u.target.clone()).filter(|t| u.has_target && !t.is_empty());
    let whole = |summary: bool| TranslatedSegment {
        id: u.id.clone(),
        source: u.source.clone(),
        target: target.clone(),
        summary,
    };
    let segments = if u.segs.is_empty() {
        vec![whole(u.summary.contains(&u.id))]
    } else if u.targets.is_empty() && target.is_some() && u.segs.len() > 1 {
        // One translation for a segmented unit: keep the unit whole.
        vec![whole(u.segs.iter().any(|(id, _)| u.summary.contains(id)))]
    } else {
        let single = u.segs.len() == 1 && u.targets.is_empty();
        u.segs
            .iter()
            .map(|(id, source)| TranslatedSegment {
                id: id.clone(),
                source: source.clone(),
                target: if single {
                    target.clone()
                } else {
                    u.targets
                        .iter()
                        .find(|(mid, _)| mid == id)
                        .map(|(_, t)| t.clone())
                        .filter(|t| !t.is_empty())
                },
                summary: u.summary.contains(id),
            })
            .collect()
    };
    TranslatedUnit { id: u.id, segments }
}

/// The bilingual view of a translated file: the context of the
/// `merged.*.j2` templates, also its JSON form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergedDoc {
    /// Document id.
    pub id: String,
    /// Title (source language).
    pub title: String,
    /// The title's translation when the file has one, else empty.
    pub title_target: String,
    /// The XLIFF file it came from.
    pub file: String,
    /// The original document (XLIFF `original`).
    pub original: String,
    /// Source language code.
    pub source_lang: String,
    /// Target language code.
    pub target_lang: String,
    /// `rtl` or `ltr` for the source language.
    pub source_dir: String,
    /// `rtl` or `ltr` for the target language.
    pub target_dir: String,
    /// Units (paragraphs) in document order.
    pub units: Vec<MergedUnit>,
    /// The summary segments, in document order.
    pub summary: Vec<MergedSegment>,
    /// Number of segments.
    pub segment_count: usize,
    /// Number of segments with a translation.
    pub translated_count: usize,
    /// The tool that made the view.
    pub generator: String,
}

/// A unit of a [`MergedDoc`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergedUnit {
    /// Unit id.
    pub id: String,
    /// Its segments.
    pub segments: Vec<MergedSegment>,
}

/// A source segment beside its translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergedSegment {
    /// Segment id.
    pub id: String,
    /// Source text.
    pub source: String,
    /// Translation, empty when there is none.
    pub target: String,
    /// True when there is a translation.
    pub translated: bool,
    /// True for a summary sentence.
    pub summary: bool,
}

impl MergedDoc {
    /// Builds the view of a translated file.
    pub fn new(doc: &TranslatedDoc) -> MergedDoc {
        let seg = |s: &TranslatedSegment| MergedSegment {
            id: s.id.clone(),
            source: s.source.clone(),
            target: s.target.clone().unwrap_or_default(),
            translated: s.target.is_some(),
            summary: s.summary,
        };
        let units: Vec<MergedUnit> = doc
            .units
            .iter()
            .map(|u| MergedUnit {
                id: u.id.clone(),
                segments: u.segments.iter().map(seg).collect(),
            })
            .collect();
        let all = || units.iter().flat_map(|u| u.segments.iter());
        let title = if doc.title.is_empty() {
            all().next().map(|s| s.source.clone()).unwrap_or_default()
        } else {
            doc.title.clone()
        };
        let title_target = all()
            .find(|s| s.source.trim() == title.trim())
            .map(|s| s.target.clone())
            .unwrap_or_default();
        let dir = |l: &str| if is_rtl(l) { "rtl" } else { "ltr" }.to_string();
        let source_lang = if doc.source_lang.is_empty() {
            "ar".to_string()
        } else {
            doc.source_lang.clone()
        };
        MergedDoc {
            id: doc.id.clone(),
            title,
            title_target,
            file: doc.name.clone(),
            original: doc.original.clone(),
            source_dir: dir(&source_lang),
            target_dir: dir(&doc.target_lang),
            source_lang,
            target_lang: doc.target_lang.clone(),
            summary: all().filter(|s| s.summary).cloned().collect(),
            segment_count: all().count(),
            translated_count: all().filter(|s| s.translated).count(),
            units,
            generator: concat!("khulasa ", env!("CARGO_PKG_VERSION")).to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    /// XLIFF core, 2.x or 1.2 (or no namespace, as in old 1.x files).
    Core,
    Mda,
    Other,
}

fn ns_kind(ns: &ResolveResult<'_>) -> Ns {
    match ns {
        ResolveResult::Bound(n) if n.as_ref() == NS_XLIFF2.as_bytes() => Ns::Core,
        ResolveResult::Bound(n) if n.as_ref() == NS_XLIFF12.as_bytes() => Ns::Core,
        ResolveResult::Bound(n) if n.as_ref() == NS_MDA => Ns::Mda,
        // Old XLIFF 1.x files without a namespace.
        ResolveResult::Unbound => Ns::Core,
        _ => Ns::Other,
    }
}
