//! Sentence and paragraph splitting.
//!
//! First version: paragraphs at line breaks, sentences at `.` `!` `?` `؟`
//! (runs of them, with closing quotes and brackets), never at `،` or `؛`,
//! no split between digits. Spans are trimmed byte ranges of the original text.

use serde::Serialize;

use crate::lang::{self, Lang};
use crate::text::Span;

/// What role a sentence-like unit plays in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SentenceKind {
    /// The headline (first line of the document).
    Title,
    /// A byline, dateline bar or source line (`الكاتب : …`, `المصدر : …`).
    Meta,
    /// A photo caption.
    Caption,
    /// A section heading inside the article.
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
    /// Its language.
    pub lang: Lang,
    /// Index of the paragraph (line block) it belongs to, from 0.
    pub paragraph: usize,
}

/// Splits `text` into sentences.
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0usize;
    let mut line_start = 0usize;
    for line in text.split_inclusive('\n') {
        let base = line_start;
        line_start += line.len();
        let mut start = None::<usize>;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut i = 0;
        while let Some(&(off, c)) = chars.get(i) {
            if start.is_none() && !c.is_whitespace() {
                start = Some(off);
            }
            if matches!(c, '.' | '!' | '?' | '؟') {
                let prev_digit = i > 0 && chars.get(i - 1).is_some_and(|p| p.1.is_numeric());
                let next_digit = chars.get(i + 1).is_some_and(|n| n.1.is_numeric());
                if !(c == '.' && prev_digit && next_digit) {
                    let mut j = i + 1;
                    while chars.get(j).is_some_and(|n| {
                        matches!(n.1, '.' | '!' | '?' | '؟' | '"' | '»' | ')' | '”' | '\'')
                    }) {
                        j += 1;
                    }
                    let end = chars.get(j).map_or(line.len(), |n| n.0);
                    if let Some(s) = start.take() {
                        push(&mut out, text, Span::new(base + s, base + end), paragraph);
                    }
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        if let Some(s) = start {
            push(
                &mut out,
                text,
                Span::new(base + s, base + line.len()),
                paragraph,
            );
        }
        if out.last().is_some_and(|s| s.paragraph == paragraph) {
            paragraph += 1;
        }
    }
    if let Some(first) = out.first_mut() {
        first.kind = SentenceKind::Title;
    }
    out
}

fn push(out: &mut Vec<Sentence>, text: &str, span: Span, paragraph: usize) {
    let raw = span.slice(text);
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = raw.len() - raw.trim_start().len();
    let start = span.start + lead;
    let span = Span::new(start, start + trimmed.len());
    out.push(Sentence {
        span,
        kind: SentenceKind::Body,
        lang: lang::detect(trimmed),
        paragraph,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_terminals_not_commas() {
        let t = "قال الوزير، إن الأمر انتهى. هل انتهى؟ نعم!\nسطر ثان 3.5 بالمئة";
        let s: Vec<&str> = segment(t).iter().map(|s| s.span.slice(t)).collect();
        assert_eq!(
            s,
            [
                "قال الوزير، إن الأمر انتهى.",
                "هل انتهى؟",
                "نعم!",
                "سطر ثان 3.5 بالمئة"
            ]
        );
    }
}
