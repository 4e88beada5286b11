//! TBX glossaries: TBX v3 (ISO 30042:2019, `<tbx>`, TBX-Basic dialect) and
//! TBX 2008 (ISO 30042:2008, `<martif>`).
//!
//! Reading accepts both (the root element decides) and maps one concept
//! (`conceptEntry` / `termEntry`) to one entry: the first Arabic term is the
//! canonical form, further Arabic terms are variants; the first English term
//! is `en`, further English terms are (Latin-script) variants. A `<note>` of
//! the form `type: person` sets the type, other notes (or, failing those, a
//! definition) become the note; `<admin type="source">` is the source.
//!
//! Security: quick-xml never expands entities beyond the five predefined ones
//! and character references, and never loads external DTDs or entities. A
//! DOCTYPE is skipped; a reference to an entity it declares is an error, so
//! a "billion laughs" file fails at once instead of expanding.
//!
//! Writing follows the same mapping; TBX v3 output is TBX-Basic in DCA style,
//! TBX 2008 output carries `<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{Entry, LineCounter, Parsed, Row, TermType};
use crate::error::Error;
use crate::lang::Lang;

#[derive(Default)]
struct Concept {
    line: usize,
    ar: Vec<String>,
    en: Vec<String>,
    notes: Vec<String>,
    definition: String,
    source: String,
    kind: Option<TermType>,
}

/// What text is being collected, and into what.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    Term,
    Note,
    Definition,
    Source,
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Result<Option<String>, quick_xml::Error> {
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(quick_xml::Error::from)?;
        if a.key.as_ref() == name {
            return Ok(Some(a.unescape_value()?.into_owned()));
        }
    }
    Ok(None)
}

pub(crate) fn read(text: &str, name: &str) -> Parsed {
    let mut parsed = Parsed::default();
    if let Err((line, msg)) = read_into(text, name, &mut parsed) {
        parsed.errors.push(Error::parse(name, line, msg));
    }
    parsed
}

fn read_into(text: &str, name: &str, parsed: &mut Parsed) -> Result<(), (usize, String)> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut lines = LineCounter::new(text);
    let mut root_seen = false;
    let mut concept: Option<Concept> = None;
    let mut lang: Option<Lang> = None;
    let mut capture: Option<(Capture, usize)> = None;
    let mut depth = 0usize;
    let mut buf = String::new();
    loop {
        let pos = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let ev = reader.read_event().map_err(|e| {
            let at = usize::try_from(reader.error_position()).unwrap_or(pos);
            (lines.line_at(at.max(pos)), format!("malformed XML: {e}"))
        })?;
        let xml_err = |e: quick_xml::Error, lines: &mut LineCounter<'_>| {
            (lines.line_at(pos), format!("malformed XML: {e}"))
        };
        match ev {
            Event::Start(e) => {
                depth += 1;
                let local = e.local_name();
                let local = local.as_ref();
                if !root_seen {
                    root_seen = true;
                    if local != b"tbx" && local != b"martif" {
                        return Err((
                            lines.line_at(pos),
                            format!(
                                "not a TBX file: root element is <{}>, expected <tbx> (TBX v3) or <martif> (TBX 2008)",
                                String::from_utf8_lossy(local)
                            ),
                        ));
                    }
                    continue;
                }
                if capture.is_some() {
                    continue; // inline markup inside a term or note
                }
                let ty = if matches!(local, b"descrip" | b"admin") {
                    attr(&e, b"type").map_err(|e| xml_err(e, &mut lines))?
                } else {
                    None
                };
                match local {
                    b"conceptEntry" | b"termEntry" => {
                        concept = Some(Concept {
                            line: lines.line_at(pos),
                            ..Default::default()
                        });
                    }
                    b"langSec" | b"langSet" => {
                        lang = attr(&e, b"xml:lang")
                            .map_err(|e| xml_err(e, &mut lines))?
                            .as_deref()
                            .and_then(Lang::from_code);
                    }
                    b"term" => capture = Some((Capture::Term, depth)),
                    b"note" => capture = Some((Capture::Note, depth)),
                    b"descrip" if ty.as_deref() == Some("definition") => {
                        capture = Some((Capture::Definition, depth));
                    }
                    b"admin" if ty.as_deref() == Some("source") => {
                        capture = Some((Capture::Source, depth));
                    }
                    _ => {}
                }
                if capture.is_some() {
                    buf.clear();
                }
            }
            Event::End(e) => {
                if let Some((what, d)) = capture {
                    if d == depth {
                        capture = None;
                        finish_capture(what, &buf, lang, concept.as_mut());
                    }
                }
                depth = depth.saturating_sub(1);
                let local = e.local_name();
                match local.as_ref() {
                    b"conceptEntry" | b"termEntry" => {
                        if let Some(c) = concept.take() {
                            push_concept(c, name, parsed);
                        }
                    }
                    b"langSec" | b"langSet" => lang = None,
                    _ => {}
                }
            }
            Event::Empty(e) if !root_seen => {
                root_seen = true;
                let local = e.local_name();
                if local.as_ref() != b"tbx" && local.as_ref() != b"martif" {
                    return Err((lines.line_at(pos), "not a TBX file".into()));
                }
            }
            Event::Text(t) => {
                if capture.is_some() {
                    let s = t.unescape().map_err(|e| {
                        (
                            lines.line_at(pos),
                            format!("{e} (entities other than &lt; &gt; &amp; &quot; &apos; and character references are not expanded)"),
                        )
                    })?;
                    buf.push_str(&s);
                } else {
                    // Still reject undeclared/custom entities anywhere.
                    t.unescape().map_err(|e| {
                        (
                            lines.line_at(pos),
                            format!("{e} (entities other than &lt; &gt; &amp; &quot; &apos; and character references are not expanded)"),
                        )
                    })?;
                }
            }
            Event::CData(c) if capture.is_some() => {
                buf.push_str(&String::from_utf8_lossy(&c));
            }
            Event::Eof => break,
            // DOCTYPE (never expanded), comments, PIs, the XML declaration.
            _ => {}
        }
    }
    if !root_seen {
        return Err((1, "not a TBX file: no root element".into()));
    }
    Ok(())
}

fn finish_capture(what: Capture, buf: &str, lang: Option<Lang>, concept: Option<&mut Concept>) {
    let Some(c) = concept else { return };
    let s = buf.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.is_empty() {
        return;
    }
    match what {
        Capture::Term => match lang {
            Some(Lang::Ar) => c.ar.push(s),
            Some(Lang::En) => c.en.push(s),
            _ => {}
        },
        Capture::Note => {
            if let Some(k) = s.strip_prefix("type:").and_then(TermType::parse) {
                c.kind = Some(k);
            } else {
                c.notes.push(s);
            }
        }
        Capture::Definition => {
            if c.definition.is_empty() {
                c.definition = s;
            }
        }
        Capture::Source => c.source = s,
    }
}

fn push_concept(c: Concept, name: &str, parsed: &mut Parsed) {
    let mut ar = c.ar.into_iter();
    let mut en = c.en.into_iter();
    let (Some(first_ar), Some(first_en)) = (ar.next(), en.next()) else {
        parsed.errors.push(Error::parse(
            name,
            c.line,
            "concept entry needs an Arabic (xml:lang=\"ar\") and an English (xml:lang=\"en\") term",
        ));
        return;
    };
    let note = if c.notes.is_empty() {
        c.definition
    } else {
        c.notes.join("; ")
    };
    parsed.rows.push(Row {
        line: c.line,
        entry: Entry {
            ar: first_ar,
            en: first_en,
            variants: ar.chain(en).collect(),
            kind: c.kind,
            note,
            source: c.source,
        },
    });
}

/// Escapes text for XML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 does not allow: drop them.
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn part_of_speech(kind: Option<TermType>) -> Option<&'static str> {
    match kind? {
        TermType::Person | TermType::Place | TermType::Org => Some("properNoun"),
        TermType::Term | TermType::Date => Some("noun"),
    }
}

struct Names {
    entry: &'static str,
    lang: &'static str,
    term: &'static str,
}

fn write_body(out: &mut String, entries: &[Entry], n: &Names) {
    for (i, e) in entries.iter().enumerate() {
        out.push_str(&format!("      <{} id=\"c{}\">\n", n.entry, i + 1));
        if !e.source.trim().is_empty() {
            out.push_str(&format!(
                "        <admin type=\"source\">{}</admin>\n",
                esc(e.source.trim())
            ));
        }
        if let Some(k) = e.kind {
            out.push_str(&format!("        <note>type: {}</note>\n", k.as_str()));
        }
        if !e.note.trim().is_empty() {
            out.push_str(&format!("        <note>{}</note>\n", esc(e.note.trim())));
        }
        let pos = part_of_speech(e.kind);
        let langs: [(&str, Vec<&str>); 2] = [
            (
                "ar",
                std::iter::once(e.ar.as_str())
                    .chain(e.ar_variants())
                    .collect(),
            ),
            (
                "en",
                std::iter::once(e.en.as_str())
                    .chain(e.en_variants())
                    .collect(),
            ),
        ];
        for (code, terms) in langs {
            out.push_str(&format!("        <{} xml:lang=\"{code}\">\n", n.lang));
            for (k, t) in terms.iter().enumerate() {
                out.push_str(&format!("          <{}>\n", n.term));
                out.push_str(&format!("            <term>{}</term>\n", esc(t.trim())));
                if let Some(p) = pos {
                    out.push_str(&format!(
                        "            <termNote type=\"partOfSpeech\">{p}</termNote>\n"
                    ));
                }
                if n.term == "termSec" {
                    let status = if k == 0 {
                        "preferredTerm-admn-sts"
                    } else {
                        "admittedTerm-admn-sts"
                    };
                    out.push_str(&format!(
                        "            <termNote type=\"administrativeStatus\">{status}</termNote>\n"
                    ));
                }
                out.push_str(&format!("          </{}>\n", n.term));
            }
            out.push_str(&format!("        </{}>\n", n.lang));
        }
        out.push_str(&format!("      </{}>\n", n.entry));
    }
}

/// TBX v3, TBX-Basic dialect, DCA style.
pub(crate) fn write_v3(entries: &[Entry]) -> String {
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n",
        "  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n",
        "        <p>Arabic-English glossary exported by khulasa.</p>\n",
        "      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n",
        "  <text>\n    <body>\n",
    ));
    write_body(
        &mut out,
        entries,
        &Names {
            entry: "conceptEntry",
            lang: "langSec",
            term: "termSec",
        },
    );
    out.push_str("    </body>\n  </text>\n</tbx>\n");
    out
}

/// TBX 2008 (`martif`), the form translate-toolkit reads.
pub(crate) fn write_2008(entries: &[Entry]) -> String {
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n",
        "<martif type=\"TBX\" xml:lang=\"en\">\n",
        "  <martifHeader>\n    <fileDesc>\n      <sourceDesc>\n",
        "        <p>Arabic-English glossary exported by khulasa.</p>\n",
        "      </sourceDesc>\n    </fileDesc>\n  </martifHeader>\n",
        "  <text>\n    <body>\n",
    ));
    write_body(
        &mut out,
        entries,
        &Names {
            entry: "termEntry",
            lang: "langSet",
            term: "tig",
        },
    );
    out.push_str("    </body>\n  </text>\n</martif>\n");
    out
}
