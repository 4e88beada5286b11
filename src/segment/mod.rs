//! Sentence and paragraph splitting for Arabic news text.
//!
//! The unit is the sentence or sentence-like unit of the segmentation
//! guidelines (`shared/gold/segmentation/GUIDELINES.md`): every
//! non-white-space character of a document belongs to exactly one unit, so
//! headlines, bylines, captions, list items and source lines are units too.
//!
//! The splitter works in two linear passes:
//!
//! 1. **Lines** ([`detect_layout`]): a document is either hard-wrapped
//!    (lines of ~77 chars, a line break inside a sentence is white space) or
//!    one line per paragraph (every line break ends a unit). Blank lines,
//!    list items, indented lines, short paragraph-final lines and glued
//!    title | metadata bars make boundaries.
//! 2. **Terminals**, block by block: terminal groups (`؟!`, `..؟`, `!".`),
//!    closing quotes, brackets and footnote markers attached to the ending
//!    unit; `؛ ; ، ,` never split; decimals, dates, times, URLs, e-mails,
//!    Arabic and English abbreviations and initials, embedded quoted titles,
//!    fronted quotations and bracketed asides do not end units.
//!
//! Both passes work on bytes: lines are cut with `memchr`, and the in-line
//! pass jumps from one candidate byte (terminal, quote, bracket, address or
//! control character) to the next with a table scan, decoding UTF-8 only
//! around candidates.
//!
//! Spans are trimmed byte ranges of the original text, sorted and
//! non-overlapping, with only white space between them.
//!
//! ```
//! use khulasa::segment::{segment, Segmenter, Layout};
//!
//! let text = "قال د. أحمد الخطيب إن الأسعار سترتفع. وأضاف أ.د. سامي النجار أن النمو 3.5%.";
//! let units: Vec<&str> = segment(text).iter().map(|s| s.span.slice(text)).collect();
//! assert_eq!(units, ["قال د. أحمد الخطيب إن الأسعار سترتفع.", "وأضاف أ.د. سامي النجار أن النمو 3.5%."]);
//!
//! let wrapped = Segmenter::default().with_layout(Layout::Wrapped);
//! assert_eq!(wrapped.segment("تم تحديد الأولويات بدقة في\nالمرحلة الحالية.").len(), 1);
//! ```

mod abbrev;
mod bytes;
mod chars;
mod lines;
mod quotes;
mod rules;

use std::sync::OnceLock;

use serde::Serialize;

use crate::lang::{self, Lang};
use crate::text::Span;

pub use abbrev::AbbrevClass;

/// What role a sentence-like unit plays in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SentenceKind {
    /// The headline (first unit of a line-per-paragraph document when it
    /// looks like one: short, no final full stop).
    Title,
    /// A byline, metadata bar or source line (`الكاتب : …`, `المصدر : …`).
    Meta,
    /// A photo caption (ends with a credit such as `(رويترز)`, or an English
    /// line in an Arabic article).
    Caption,
    /// A short line without terminal inside the body (section heading).
    Heading,
    /// Running text.
    Body,
}

/// One sentence or sentence-like unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Byte span in the original text, trimmed of white space.
    pub span: Span,
    /// The unit's role.
    pub kind: SentenceKind,
    /// Its language (by letters: Arabic vs Latin).
    pub lang: Lang,
    /// Index of the paragraph (line block) it belongs to, from 0.
    pub paragraph: usize,
}

/// How line breaks are used in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Layout {
    /// Hard-wrapped at a fixed width (~77 chars): a single line break inside
    /// a sentence is white space.
    Wrapped,
    /// One line per paragraph (web scrapes): every line break ends a unit.
    LinePerParagraph,
}

/// Detects the layout of a whole document (see [`Layout`]).
///
/// A document is [`Layout::Wrapped`] when it has no (or very few) lines
/// longer than 110 chars and at least a third of its long lines that are
/// followed by another line end in the middle of a sentence.
pub fn detect_layout(text: &str) -> Layout {
    lines::detect(text, &lines::lines(text))
}

/// A configurable sentence splitter.
///
/// `Segmenter::default()` uses the bundled Arabic and English abbreviation
/// lists (`src/lang/{ar,en}/abbreviations.txt`) and detects the layout of
/// each document.
#[derive(Debug, Clone)]
pub struct Segmenter {
    abbrevs: abbrev::Abbrevs,
    layout: Option<Layout>,
}

impl Default for Segmenter {
    fn default() -> Self {
        let mut abbrevs = abbrev::Abbrevs::default();
        abbrevs.add_list(abbrev::AR_LIST);
        abbrevs.add_list(abbrev::EN_LIST);
        Segmenter {
            abbrevs,
            layout: None,
        }
    }
}

impl Segmenter {
    /// A splitter with the bundled abbreviation lists and layout detection.
    pub fn new() -> Self {
        Self::default()
    }

    /// A splitter without any abbreviation list (single letters and
    /// numbers are still recognised).
    pub fn without_abbreviations() -> Self {
        Segmenter {
            abbrevs: abbrev::Abbrevs::default(),
            layout: None,
        }
    }

    /// Forces a layout instead of detecting it per document.
    pub fn with_layout(mut self, layout: Layout) -> Self {
        self.layout = Some(layout);
        self
    }

    /// Adds one abbreviation (written without its final full stop, e.g.
    /// `"أ.د"` or `"Gen"`).
    pub fn with_abbreviation(mut self, abbr: &str, class: AbbrevClass) -> Self {
        self.abbrevs.insert(abbr, class);
        self
    }

    /// Adds the abbreviations of a list in the bundled format: one per line,
    /// `abbreviation<TAB>class` with class `title`, `era`, `cont` or `final`
    /// (default `final`); `#` starts a comment line.
    pub fn with_abbreviation_list(mut self, list: &str) -> Self {
        self.abbrevs.add_list(list);
        self
    }

    /// The layout used for `text`: the forced one, or the detected one.
    pub fn layout(&self, text: &str) -> Layout {
        self.layout.unwrap_or_else(|| detect_layout(text))
    }

    /// Splits `text` into sentence-like units.
    pub fn segment(&self, text: &str) -> Vec<Sentence> {
        let lines = lines::lines(text);
        let layout = self.layout.unwrap_or_else(|| lines::detect(text, &lines));
        let line_cuts = lines::line_cuts(text, &lines, layout);
        drop(lines);

        // (position, paragraph boundary?)
        // Sized for about one unit per 64 bytes of news text, so that the
        // buffers rarely regrow.
        let units = text.len() / 64 + line_cuts.len() + 1;
        let mut cuts: Vec<(usize, bool)> = Vec::with_capacity(units);
        let mut inline = Vec::with_capacity(32);
        let mut scratch = rules::Scratch::with_capacity(text.len() / 16 + 16);
        let mut prev = 0usize;
        for lc in line_cuts
            .iter()
            .chain(std::iter::once(&lines::LineCut { pos: text.len() }))
        {
            if lc.pos < prev {
                continue;
            }
            inline.clear();
            rules::scan_block(&self.abbrevs, text, prev, lc.pos, &mut inline, &mut scratch);
            cuts.extend(
                inline
                    .iter()
                    .filter(|&&p| p > prev && p < lc.pos)
                    .map(|&p| (p, false)),
            );
            cuts.push((lc.pos, true));
            prev = lc.pos;
        }

        let mut out: Vec<Sentence> = Vec::with_capacity(cuts.len());
        // For kinds: index of the block of each unit and units per block.
        let mut block_of: Vec<usize> = Vec::with_capacity(cuts.len());
        let mut block_sizes: Vec<usize> = Vec::with_capacity(line_cuts.len() + 2);
        block_sizes.push(0);
        let mut paragraph = 0usize;
        let mut para_used = false;
        let mut start = 0usize;
        for &(pos, para) in &cuts {
            if let Some(span) = trimmed(text, start, pos) {
                let slice = span.slice(text);
                out.push(Sentence {
                    span,
                    kind: SentenceKind::Body,
                    lang: unit_lang(slice),
                    paragraph,
                });
                para_used = true;
                block_of.push(block_sizes.len() - 1);
                if let Some(n) = block_sizes.last_mut() {
                    *n += 1;
                }
            }
            if para {
                if para_used {
                    paragraph += 1;
                    para_used = false;
                }
                if block_sizes.last().is_some_and(|&n| n > 0) {
                    block_sizes.push(0);
                }
            }
            start = pos;
        }
        assign_kinds(text, &mut out, &block_of, &block_sizes, layout);
        out
    }
}

/// The language of a unit by its letters, as [`lang::detect`] decides it
/// (Arabic when Arabic letters are at least as many as Latin ones), with a
/// byte-level fast path for ASCII and the two-byte Arabic block.
fn unit_lang(s: &str) -> Lang {
    let bytes = s.as_bytes();
    // No byte that can start a Latin letter: Arabic if any Arabic letter.
    // (Branch-free per chunk so that the compiler vectorizes it.)
    let latin_byte = |b: u8| (b | 0x20).wrapping_sub(b'a') < 26 || b.wrapping_sub(0xC3) < 7;
    if !bytes
        .chunks(64)
        .any(|c| c.iter().fold(false, |acc, &b| acc | latin_byte(b)))
    {
        return if s.chars().any(lang::is_arabic_letter) {
            Lang::Ar
        } else {
            Lang::Und
        };
    }
    let (mut ar, mut latin) = (0usize, 0usize);
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if b.is_ascii_alphabetic() {
                latin += 1;
            }
            i += 1;
        } else if (0xC2..=0xDF).contains(&b) {
            let b1 = bytes.get(i + 1).copied().unwrap_or(0);
            let cp = (u32::from(b & 0x1F) << 6) | u32::from(b1 & 0x3F);
            if let Some(c) = char::from_u32(cp) {
                if lang::is_arabic_letter(c) {
                    ar += 1;
                } else if ('\u{00C0}'..='\u{024F}').contains(&c) {
                    latin += 1;
                }
            }
            i += 2;
        } else {
            let c = s.get(i..).and_then(|r| r.chars().next());
            if c.is_some_and(lang::is_arabic_letter) {
                ar += 1;
            }
            i += c.map_or(1, char::len_utf8);
        }
    }
    if ar == 0 && latin == 0 {
        Lang::Und
    } else if ar >= latin {
        Lang::Ar
    } else {
        Lang::En
    }
}

fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let raw = text.get(start..end)?;
    let t = raw.trim();
    if t.is_empty() {
        return None;
    }
    let lead = raw.len() - raw.trim_start().len();
    Some(Span::new(start + lead, start + lead + t.len()))
}

fn default_segmenter() -> &'static Segmenter {
    static DEFAULT: OnceLock<Segmenter> = OnceLock::new();
    DEFAULT.get_or_init(Segmenter::default)
}

/// Splits `text` into sentences with the default [`Segmenter`].
pub fn segment(text: &str) -> Vec<Sentence> {
    default_segmenter().segment(text)
}

fn assign_kinds(
    text: &str,
    out: &mut [Sentence],
    block_of: &[usize],
    sizes: &[usize],
    layout: Layout,
) {
    let doc_lang = if out.iter().filter(|s| s.lang == Lang::Ar).count() * 2 >= out.len() {
        Lang::Ar
    } else {
        Lang::En
    };
    for (k, s) in out.iter_mut().enumerate() {
        let t = s.span.slice(text);
        let sole = block_of
            .get(k)
            .and_then(|&b| sizes.get(b))
            .is_some_and(|&n| n == 1);
        s.kind = if is_meta(t) {
            SentenceKind::Meta
        } else if k == 0 && sole && layout == Layout::LinePerParagraph && looks_headline(t) {
            SentenceKind::Title
        } else if is_caption(t, sole) || (doc_lang == Lang::Ar && s.lang == Lang::En) {
            SentenceKind::Caption
        } else if sole && looks_heading(t) {
            SentenceKind::Heading
        } else {
            SentenceKind::Body
        };
    }
}

/// The number of words of `t`, counting at most `max + 1`.
fn words_upto(t: &str, max: usize) -> usize {
    t.split_whitespace().take(max + 1).count()
}

fn is_meta(t: &str) -> bool {
    if t.starts_with(lines::LABEL_FIRST) {
        for label in lines::FIELD_LABELS.iter().chain(["المصادر"].iter()) {
            if let Some(rest) = t.strip_prefix(label) {
                let rest = rest.trim_start();
                if rest.is_empty()
                    || rest.starts_with(':')
                    || matches!(*label, "بقلم" | "إعداد" | "اعداد")
                {
                    return true;
                }
            }
        }
    }
    let (_, n) = lines::fields(t);
    if n >= 2 {
        return true;
    }
    // `2017-09-16 00:00:00 - المصدر: nrt عربية`
    n >= 1 && t.chars().next().is_some_and(chars::is_digit) && words_upto(t, 12) <= 12
}

fn looks_headline(t: &str) -> bool {
    let last = t.chars().next_back();
    words_upto(t, 20) <= 20
        && t.chars().count() <= 200
        && !last.is_some_and(|c| c == '.' || c == '۔')
}

fn looks_heading(t: &str) -> bool {
    words_upto(t, 8) <= 8 && !t.chars().next_back().is_some_and(chars::is_terminal)
}

fn is_caption(t: &str, sole: bool) -> bool {
    if !sole || !t.ends_with(')') {
        return false;
    }
    let Some(open) = t.rfind('(') else {
        return false;
    };
    let credit = t.get(open + 1..t.len() - 1).unwrap_or("");
    let body = t.get(..open).unwrap_or("");
    words_upto(credit, 4) <= 4
        && !credit.chars().any(chars::is_digit)
        && !body.trim_end().ends_with(['.', '؟', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(t: &str) -> Vec<&str> {
        segment(t).iter().map(|s| s.span.slice(t)).collect()
    }

    #[test]
    fn splits_at_terminals_not_commas() {
        let t = "قال الوزير، إن الأمر انتهى. هل انتهى؟ نعم!\nسطر ثان 3.5 بالمئة";
        assert_eq!(
            units(t),
            [
                "قال الوزير، إن الأمر انتهى.",
                "هل انتهى؟",
                "نعم!",
                "سطر ثان 3.5 بالمئة"
            ]
        );
    }

    #[test]
    fn kinds_of_a_scraped_article() {
        let t = "هدنة في الرقة الكاتب : فلان التاريخ : 4 يوليو 2017 م\n\nأعلنت القوات هدنة. وخرجت قافلة.\nقافلة تخرج من المدينة (رويترز)\nخطط ومعارك\nوقال مسؤول إن الهدنة صامدة.\nالمصدر : الجزيرة";
        let s = segment(t);
        let kinds: Vec<SentenceKind> = s.iter().map(|s| s.kind).collect();
        use SentenceKind::*;
        assert_eq!(
            kinds,
            [Title, Meta, Body, Body, Caption, Heading, Body, Meta]
        );
        assert_eq!(s[2].paragraph, s[3].paragraph);
        assert!(s[4].paragraph > s[3].paragraph);
    }
}
