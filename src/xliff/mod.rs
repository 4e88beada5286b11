//! Translator packages: XLIFF 2.1 and 1.2 writers, the XLIFF reader and the
//! merged (bilingual) view of a translated file.
//!
//! A [`Package`] is the format-neutral form of one article prepared for
//! translation: one [`Unit`] per paragraph (consecutive sentences with the
//! same [`Sentence::paragraph`](crate::segment::Sentence::paragraph)), one
//! [`Segment`] per sentence of [`segment::segment`](crate::segment::segment),
//! glossary occurrences as [`Mark`]s that never cross a segment boundary, and
//! the summary sentences flagged. [`write_xliff2`] and [`write_xliff12`] turn
//! it into XML; [`read`] reads a translated file (from khulasa or from a CAT
//! tool) back into a [`TranslatedDoc`], and [`MergedDoc`] is the serializable
//! view that the `merged.*.j2` templates render.
//!
//! ```
//! use khulasa::{xliff, Document, Pipeline};
//!
//! let pipeline = Pipeline::builder().build()?;
//! let article = pipeline.process(Document::new(
//!     "demo",
//!     "هدنة في الرقة\nأعلنت قوات سوريا الديمقراطية هدنة في الرقة. وخرجت قافلة من المدينة.",
//! ));
//! let pkg = xliff::Package::from_article(&article, pipeline.glossary(), &Default::default());
//! let xml = xliff::write_xliff2(&pkg);
//! let back = xliff::read(&xml, "demo.xlf")?;
//! assert_eq!(back.units.len(), pkg.units.len());
//! # Ok::<(), khulasa::Error>(())
//! ```
//!
//! # Characters XML 1.0 cannot carry
//!
//! C0 controls other than tab, line feed and carriage return, and U+FFFE and
//! U+FFFF, are not allowed in XML 1.0 (lone surrogates cannot occur in a Rust
//! string). Inside XLIFF 2 `<source>`/`<target>` content the writer encodes
//! them as `<cp hex="…"/>`, the standard XLIFF 2 way, and the reader decodes
//! them, so they survive a round trip. Everywhere else (attributes, notes,
//! metadata, all of XLIFF 1.2) they are replaced with U+FFFD. Carriage
//! returns are written as `&#13;` (and tabs and line feeds in attributes as
//! character references) so that XML end-of-line and attribute normalization
//! cannot change them.

use crate::glossary::{Entry, Glossary};
use crate::pipeline::Article;
use crate::segment::SentenceKind;
use crate::text::Span;

pub mod ids;
mod read;
pub mod wordcount;
mod write12;
mod write2;

pub use read::{
    read, MergedDoc, MergedSegment, MergedUnit, TranslatedDoc, TranslatedSegment, TranslatedUnit,
    XliffVersion,
};
pub use write12::write_xliff12;
pub use write2::write_xliff2;

/// Options for building a [`Package`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XliffOptions {
    /// Source language (BCP-47), `ar` by default.
    pub source_lang: String,
    /// Target language (BCP-47), `en` by default.
    pub target_lang: String,
}

impl Default for XliffOptions {
    fn default() -> Self {
        XliffOptions {
            source_lang: "ar".into(),
            target_lang: "en".into(),
        }
    }
}

/// One article prepared for translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// The document id.
    pub doc_id: String,
    /// The XLIFF `<file id>`: an NMTOKEN derived from the document id
    /// (see [`ids::file_id`]).
    pub file_id: String,
    /// Where the document came from (the XLIFF `original`).
    pub original: String,
    /// The title, quoted from the original.
    pub title: String,
    /// Document metadata (`title`, `date`, `url`…) in key order.
    pub meta: Vec<(String, String)>,
    /// Source language code.
    pub source_lang: String,
    /// Target language code.
    pub target_lang: String,
    /// One unit per paragraph, in document order.
    pub units: Vec<Unit>,
    /// The glossary entries that occur in the document, in order of first
    /// occurrence ([`Mark::term`] indexes this list).
    pub terms: Vec<Entry>,
}

/// A paragraph: consecutive sentences with the same paragraph index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Stable id (`u1`, `u2`… by position).
    pub id: String,
    /// The paragraph index the splitter gave.
    pub paragraph: usize,
    /// `title`, `heading`, `caption` or `meta` when the first sentence has
    /// that kind; `None` for running text.
    pub name: Option<String>,
    /// The sentences.
    pub segments: Vec<Segment>,
}

/// A sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Stable id (`s1`, `s2`… by sentence position in the document).
    pub id: String,
    /// Index of the sentence in the article.
    pub index: usize,
    /// Byte span in the original text.
    pub span: Span,
    /// The sentence, quoted from the original.
    pub text: String,
    /// The original text between the previous segment of the same unit and
    /// this one (empty for the first segment of a unit).
    pub gap_before: String,
    /// True if the sentence is in the summary (translate it first).
    pub summary: bool,
    /// Glossary occurrences inside the sentence, in order, not overlapping.
    pub marks: Vec<Mark>,
}

/// A glossary occurrence inside one segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Stable id (`m<segment>-<n>`), unique in the unit.
    pub id: String,
    /// Byte range into [`Segment::text`].
    pub span: Span,
    /// Index into [`Package::terms`].
    pub term: usize,
}

impl Package {
    /// Builds the package of a processed article.
    ///
    /// Glossary hits that do not lie entirely inside one sentence are left
    /// out (a mark never crosses a segment boundary).
    pub fn from_article(article: &Article, glossary: &Glossary, options: &XliffOptions) -> Package {
        let text = &article.doc.text;
        let entries = glossary.entries();
        let summary: std::collections::BTreeSet<usize> =
            article.summary.sentences.iter().copied().collect();
        let mut terms: Vec<Entry> = Vec::new();
        let mut term_of_entry: std::collections::HashMap<usize, usize> = Default::default();
        let mut units: Vec<Unit> = Vec::new();
        let mut hits = article.hits.iter().peekable();
        let mut prev_end = 0usize;
        for (index, s) in article.sentences.iter().enumerate() {
            let new_unit = units.last().is_none_or(|u| u.paragraph != s.paragraph);
            if new_unit {
                units.push(Unit {
                    id: ids::unit_id(units.len()),
                    paragraph: s.paragraph,
                    name: unit_name(s.kind),
                    segments: Vec::new(),
                });
            }
            let seg_text = s.span.slice(text);
            let gap_before = if new_unit {
                String::new()
            } else {
                text.get(prev_end..s.span.start).unwrap_or("").to_string()
            };
            prev_end = s.span.end;
            // Hits are in order and do not overlap; skip those before this
            // sentence and those that cross its end.
            let mut marks = Vec::new();
            while let Some(h) = hits.peek() {
                if h.span.start >= s.span.end {
                    break;
                }
                let h = **h;
                hits.next();
                if !s.span.contains(h.span) || h.span.is_empty() {
                    continue;
                }
                let Some(entry) = entries.get(h.entry) else {
                    continue;
                };
                let term = *term_of_entry.entry(h.entry).or_insert_with(|| {
                    terms.push(entry.clone());
                    terms.len() - 1
                });
                marks.push(Mark {
                    id: ids::mark_id(index, marks.len()),
                    span: Span::new(h.span.start - s.span.start, h.span.end - s.span.start),
                    term,
                });
            }
            if let Some(unit) = units.last_mut() {
                unit.segments.push(Segment {
                    id: ids::segment_id(index),
                    index,
                    span: s.span,
                    text: seg_text.to_string(),
                    gap_before,
                    summary: summary.contains(&index),
                    marks,
                });
            }
        }
        let mut meta: Vec<(String, String)> = article
            .doc
            .meta
            .iter()
            .filter(|(k, v)| !v.trim().is_empty() && k.as_str() != "title")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let title = article
            .doc
            .meta
            .get("title")
            .filter(|t| !t.trim().is_empty())
            .cloned()
            .unwrap_or_else(|| article.title().to_string());
        meta.insert(0, ("title".into(), title.clone()));
        Package {
            doc_id: article.doc.id.clone(),
            file_id: ids::file_id(&article.doc.id),
            original: if article.doc.source.is_empty() {
                article.doc.id.clone()
            } else {
                article.doc.source.clone()
            },
            title,
            meta,
            source_lang: options.source_lang.clone(),
            target_lang: options.target_lang.clone(),
            units,
            terms,
        }
    }

    /// All segments in document order.
    pub fn segments(&self) -> impl Iterator<Item = &Segment> {
        self.units.iter().flat_map(|u| u.segments.iter())
    }

    /// Ids of the summary segments, in document order.
    pub fn summary_ids(&self) -> Vec<&str> {
        self.segments()
            .filter(|s| s.summary)
            .map(|s| s.id.as_str())
            .collect()
    }
}

fn unit_name(kind: SentenceKind) -> Option<String> {
    match kind {
        SentenceKind::Title => Some("title".into()),
        SentenceKind::Meta => Some("meta".into()),
        SentenceKind::Caption => Some("caption".into()),
        SentenceKind::Heading => Some("heading".into()),
        _ => None,
    }
}

/// The glossary entries occurring in any of `packages`, each once, in order
/// of first occurrence: the job glossary.
pub fn job_terms<'a>(packages: impl IntoIterator<Item = &'a Package>) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for p in packages {
        for t in &p.terms {
            if !out.iter().any(|o| o.ar == t.ar && o.en == t.en) {
                out.push(t.clone());
            }
        }
    }
    out
}

/// True for a language written right to left (by its primary subtag).
pub fn is_rtl(lang: &str) -> bool {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        primary.as_str(),
        "ar" | "arc" | "ckb" | "dv" | "fa" | "he" | "ku" | "ps" | "sd" | "syr" | "ug" | "ur" | "yi"
    )
}

/// True for a character XML 1.0 allows.
pub(crate) fn xml_char_ok(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes character data. Invalid XML characters become `<cp hex="…"/>`
/// when `cp` is true (XLIFF 2 inline content), U+FFFD otherwise.
pub(crate) fn esc_text(out: &mut String, s: &str, cp: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            c if !xml_char_ok(c) => {
                if cp {
                    out.push_str(&format!("<cp hex=\"{:04X}\"/>", u32::from(c)));
                } else {
                    out.push('\u{FFFD}');
                }
            }
            c => out.push(c),
        }
    }
}

/// Escapes an attribute value (quoted with `"`); tab, line feed and carriage
/// return become character references so attribute normalization keeps them.
pub(crate) fn esc_attr(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            c => esc_text(out, c.encode_utf8(&mut [0u8; 4]), false),
        }
    }
}

/// `name="value"` with a leading space, escaped.
pub(crate) fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    esc_attr(out, value);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_invalid_chars() {
        let mut s = String::new();
        esc_text(&mut s, "a&b<c>d\"e'f\u{1}\r\u{FFFE}", true);
        assert_eq!(
            s,
            "a&amp;b&lt;c&gt;d&quot;e&apos;f<cp hex=\"0001\"/>&#13;<cp hex=\"FFFE\"/>"
        );
        let mut s = String::new();
        esc_text(&mut s, "x\u{1}y", false);
        assert_eq!(s, "x\u{FFFD}y");
        let mut s = String::new();
        esc_attr(&mut s, "a\tb\nc\u{0}");
        assert_eq!(s, "a&#9;b&#10;c\u{FFFD}");
    }

    #[test]
    fn rtl_languages() {
        assert!(is_rtl("ar") && is_rtl("fa-IR") && is_rtl("he"));
        assert!(!is_rtl("en") && !is_rtl("en-GB") && !is_rtl(""));
    }
}
