//! Article metadata: title, author, source, publication date and boilerplate.
//!
//! [`extract`] reads the text's own lines — metadata bars such as
//! `الكاتب : المرصد الاستراتيجي التاريخ : 4 يوليو 2017 م المشاهدات : 4204`
//! (also when glued to the headline), source lines `المصدر : …`, date lines
//! `2017-09-16 00:00:00 - المصدر: …`, bylines `بقلم: …` — and does not rely on
//! the sentence kinds of [`segment`](crate::segment), which are only hints.
//!
//! ```
//! use khulasa::{meta, segment};
//! let text = "هدنة في الرقة الكاتب : المرصد التاريخ : 4 يوليو 2017 م المشاهدات : 12\n\
//!             أعلنت قوات سوريا الديمقراطية هدنة في الرقة.\n\
//!             المصدر : الجزيرة";
//! let m = meta::extract(text, &segment::segment(text));
//! assert_eq!(m.title.map(|s| s.slice(text)), Some("هدنة في الرقة"));
//! assert_eq!(m.author.as_deref(), Some("المرصد"));
//! assert_eq!(m.date.as_deref(), Some("2017-07-04"));
//! assert_eq!(m.source.as_deref(), Some("الجزيرة"));
//! ```

mod boilerplate;
pub(crate) mod chars;
pub mod date;
mod fields;
pub(crate) mod tokens;

pub use date::{parse_date, Calendar, Date};

use serde::Serialize;

use crate::segment::Sentence;
use crate::text::Span;
use fields::Field;

/// Metadata of one article. Values quote the original text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// The headline, without a metadata bar glued to it.
    pub title: Option<Span>,
    /// The source (`المصدر : الجزيرة + الصحافة الأميركية` → the whole value).
    pub source: Option<String>,
    /// Where the source value is in the text.
    pub source_span: Option<Span>,
    /// The author (`الكاتب : …`, `بقلم: …`, else `إعداد: …`).
    pub author: Option<String>,
    /// Where the author value is in the text.
    pub author_span: Option<Span>,
    /// The publication date, ISO 8601 (`YYYY-MM-DD`, or `YYYY-MM` when the
    /// page gives no day). Only from a date field, a date that opens a field
    /// line, or a line holding nothing but a date near the top or the end —
    /// never from a date mentioned in the body.
    pub date: Option<String>,
    /// Where the publication date is written.
    pub date_span: Option<Span>,
    /// Spans (byte ranges of the original text, sorted, disjoint) to keep out
    /// of summaries.
    pub boilerplate: Vec<Span>,
}

/// Strings glued from `pieces`, each of a length drawn from `lengths` (a
/// fixed xorshift sequence from `seed`, so a failure reproduces), for the
/// tests that compare a fast scanner with its reference.
#[cfg(test)]
pub(crate) fn glued_pieces<'a>(
    pieces: &'a [&'a str],
    count: usize,
    lengths: std::ops::Range<u64>,
    seed: u64,
) -> impl Iterator<Item = String> + 'a {
    let mut x = seed;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let span = (lengths.end - lengths.start).max(1);
    (0..count).map(move |_| {
        let len = lengths.start + next() % span;
        (0..len)
            .filter_map(|_| pieces.get((next() % pieces.len().max(1) as u64) as usize))
            .copied()
            .collect()
    })
}

/// How many lines from the end may hold a bare publication-date line.
const FOOTER_LINES: usize = 3;

/// Extracts the metadata of an article.
///
/// `sentences` are the splitter's units; extraction works from the lines of
/// `text` itself and does not depend on their kinds.
pub fn extract(text: &str, sentences: &[Sentence]) -> Meta {
    let _ = sentences;
    let lines = fields::lines(text);
    let mut meta = Meta::default();
    let title = fields::title(text, &lines);
    meta.title = title.map(|(_, s)| s).filter(|s| !s.is_empty());

    let field_value = |want: &[Field]| -> Option<Span> {
        want.iter().find_map(|w| {
            lines
                .iter()
                .flat_map(|l| l.fields.iter())
                .find(|f| f.field == *w && !f.value.is_empty())
                .map(|f| f.value)
        })
    };
    if let Some(v) = field_value(&[Field::Author, Field::Credit]) {
        meta.author = Some(v.slice(text).to_string());
        meta.author_span = Some(v);
    }
    if let Some(v) = field_value(&[Field::Source]) {
        meta.source = Some(v.slice(text).to_string());
        meta.source_span = Some(v);
    }

    // Publication date: a date field, else a bare date line near the top or
    // the end.
    let from_field = lines
        .iter()
        .flat_map(|l| l.fields.iter())
        .filter(|f| f.field == Field::Date && !f.value.is_empty())
        .find_map(|f| {
            let s = f.value.slice(text);
            let m = date::find(s)
                .into_iter()
                .find(|m| m.form != date::Form::Year)?;
            let d = m.date?;
            Some((
                Span::new(f.value.start + m.span.start, f.value.start + m.span.end),
                d,
            ))
        });
    let n = lines.len();
    let bare = || {
        lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < fields::HEADER_LINES || *i + FOOTER_LINES >= n)
            .find_map(|(_, l)| l.bare_date)
    };
    if let Some((span, d)) = from_field.or_else(bare) {
        meta.date = Some(d.to_iso());
        meta.date_span = Some(span);
    }
    meta.boilerplate = boilerplate::find(text, &lines, title.map(|(i, _)| i));
    meta
}
