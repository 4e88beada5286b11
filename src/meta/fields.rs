//! Lines, labelled fields (`الكاتب : …`, `التاريخ : …`, `المصدر : …`) and
//! the title.
//!
//! Everything here works on the text's lines, not on the splitter's output:
//! a metadata bar glued to the headline (`عنوان الكاتب : … التاريخ : …`) is
//! found inside the line by its field labels.

use super::chars;
use super::date::{self, Form};
#[cfg(test)]
use crate::lang;
use crate::text::{OffsetMap, Span};

/// What a field label announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    /// The writer (`الكاتب`, `بقلم`, `كتب`).
    Author,
    /// Who prepared the piece (`إعداد`, `تحرير`): an author of lower rank.
    Credit,
    /// The publication date (`التاريخ`, `تاريخ النشر`, `نشر في`).
    Date,
    /// The source (`المصدر`).
    Source,
    /// A counter (`المشاهدات`, `عدد القراءات`, `التعليقات`).
    Counter,
    /// The heading of a list of sources or references (`المصادر:`).
    Sources,
}

/// Labels in normalized form, longest first within a family.
const LABELS: &[(&str, Field)] = &[
    ("كاتب المقال", Field::Author),
    ("الكاتبه", Field::Author),
    ("الكاتب", Field::Author),
    ("بقلم", Field::Author),
    ("كتبه", Field::Author),
    ("كتب", Field::Author),
    ("المولف", Field::Author),
    ("اعداد", Field::Credit),
    ("تحرير", Field::Credit),
    ("ترجمه", Field::Credit),
    ("تاريخ النشر", Field::Date),
    ("نشر بتاريخ", Field::Date),
    ("نشر في", Field::Date),
    ("التاريخ", Field::Date),
    ("بتاريخ", Field::Date),
    ("تاريخ", Field::Date),
    ("اخر تحديث", Field::Date),
    ("المصدر", Field::Source),
    ("مصدر الخبر", Field::Source),
    ("عدد المشاهدات", Field::Counter),
    ("المشاهدات", Field::Counter),
    ("مشاهدات", Field::Counter),
    ("عدد القراءات", Field::Counter),
    ("القراءات", Field::Counter),
    ("الزيارات", Field::Counter),
    ("عدد التعليقات", Field::Counter),
    ("التعليقات", Field::Counter),
    ("المصادر والمراجع", Field::Sources),
    ("المصادر", Field::Sources),
    ("المراجع", Field::Sources),
];

/// True for a character that may stand before a label: white space, a
/// dash, a bar, a comma, a full stop or a bracket.
#[inline]
fn is_label_boundary(c: char) -> bool {
    matches!(c, '-' | '|' | '،' | ',' | '.' | '(' | ')') || c.is_whitespace()
}

/// The labelled fields of a normalized line: (field, label start, label
/// end, value start) in offsets of `norm`.
///
/// A label is a whole word sequence followed by optional white space and a
/// colon, at the start of the line or after a boundary character (see
/// `is_label_boundary`). Hits are those of the leftmost-first, non-
/// overlapping search of `(?:^|[\s\-|،,.()])(LABEL|…)\s*[:：]` (the tests
/// check it against that regex): a match ends at a colon and, labels ending
/// in a letter, at most one label can start a match at a given place, so
/// for each colon the match is the longest label that ends before it with a
/// boundary before it that lies after the previous match.
fn find_labels(norm: &str) -> Vec<(Field, usize, usize, usize)> {
    let mut hits = Vec::new();
    // Where the previous match ended: the next one starts there or later.
    let mut from = 0;
    // Colons in order (the normalizer leaves no `：`, but the search does not
    // rely on it).
    let mut colons: Vec<(usize, &str)> = norm.match_indices(':').collect();
    if norm.contains('：') {
        colons.extend(norm.match_indices('：'));
        colons.sort_unstable();
    }
    for (colon, c) in colons {
        let colon_len = c.len();
        let before = norm.get(..colon).unwrap_or("");
        let label_end = before.trim_end().len();
        let head = before.get(..label_end).unwrap_or("");
        let mut best: Option<(usize, Field)> = None;
        for &(label, field) in LABELS {
            let Some(start) = head.strip_suffix(label).map(str::len) else {
                continue;
            };
            if best.is_some_and(|(b, _)| b <= start) {
                continue;
            }
            let ok = match head.get(..start).and_then(|h| h.chars().next_back()) {
                None => from == 0,
                Some(b) => is_label_boundary(b) && start - b.len_utf8() >= from,
            };
            if ok {
                best = Some((start, field));
            }
        }
        if let Some((start, field)) = best {
            from = colon + colon_len;
            hits.push((field, start, label_end, from));
        }
    }
    hits
}

/// One labelled field inside a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FieldHit {
    /// What the label announces.
    pub field: Field,
    /// Span of the label (original text).
    pub label: Span,
    /// Span of the value (original text, trimmed, trailing punctuation
    /// removed); empty when the label has no value.
    pub value: Span,
}

/// One line of the text with what was found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// Span of the line, trimmed of white space.
    pub span: Span,
    /// Normalized text of the trimmed line, inner white space collapsed.
    pub norm: String,
    /// Number of words.
    pub words: usize,
    /// Arabic and Latin letters, as [`lang::detect`](crate::lang::detect)
    /// counts them.
    pub letters: (usize, usize),
    /// Labelled fields, when the line is a field line.
    pub fields: Vec<FieldHit>,
    /// Text before the first label when a metadata bar is glued to it (the
    /// headline in `عنوان الكاتب : … التاريخ : …`).
    pub prefix: Option<Span>,
    /// A publication-date candidate written outside a labelled field (a date
    /// that opens a field line, or a line that is only a date).
    pub bare_date: Option<(Span, date::Date)>,
    /// Some field values ran on into text that is not theirs (a bar glued
    /// to the article, as in text whose line breaks were lost) and were cut
    /// (see `cut_value`): only the fields are metadata, not the whole line.
    pub cut: bool,
}

impl Line {
    /// True for a line made of labelled fields (or a date line).
    pub fn is_meta(&self) -> bool {
        !self.fields.is_empty() || self.bare_date.is_some()
    }
}

/// Strips trailing punctuation and white space from a span of `text`.
pub(crate) fn trim_value(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let t = s.trim_start();
    let start = span.start + (s.len() - t.len());
    let t = t.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | '،' | ',' | ':' | '؛' | ';' | '-' | '–' | '—' | '|' | '/' | '_' | '•'
            )
    });
    Span::new(start, start + t.len())
}

/// Counts words (runs of letters or digits).
pub(crate) fn count_words(s: &str) -> usize {
    chars::count_words(s)
}

/// True if `s` has no letters once date expressions, times and era words are
/// taken out (`2017-09-16 00:00:00 -`, `الجمعة 15 ديسمبر 2017`).
fn only_dates(s: &str) -> bool {
    // Cheap exit: no letters at all.
    if !s.chars().any(chars::is_alpha) {
        return true;
    }
    let matches = date::find(s);
    let mut pos = 0;
    for m in &matches {
        if s.get(pos..m.span.start)
            .is_some_and(|gap| gap.chars().any(chars::is_alpha))
        {
            return false;
        }
        pos = m.span.end;
    }
    !s.get(pos..)
        .is_some_and(|gap| gap.chars().any(chars::is_alpha))
}

/// Splits `text` into lines and finds their fields.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    // Each line with its `\n`, as `split_inclusive('\n')` gives them, found
    // with memchr's vector search (std's char search goes a word at a time).
    let ends = memchr::memchr_iter(b'\n', text.as_bytes())
        .map(|i| i + 1)
        .chain(std::iter::once(text.len()));
    for end in ends {
        let raw = Span::new(start, end);
        start = end;
        let span = trim_value_ws(text, raw);
        if span.is_empty() {
            continue;
        }
        out.push(analyze_line(text, span));
    }
    out
}

fn trim_value_ws(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let t = s.trim_start();
    let start = span.start + (s.len() - t.len());
    Span::new(start, start + t.trim_end().len())
}

fn analyze_line(text: &str, span: Span) -> Line {
    let s = span.slice(text);
    let scan = chars::scan_collapsed(s);
    let colon = scan.colon;
    let mut line = Line {
        span,
        norm: scan.norm,
        words: scan.words,
        letters: scan.letters,
        fields: Vec::new(),
        prefix: None,
        bare_date: None,
        cut: false,
    };
    // Every label is followed by a colon. Lines without labels need no
    // offsets into the normalized text (but for a rare `بقلم`). A label
    // found in the uncollapsed text is found in the collapsed one too (white
    // space stays white space and single spaces stay), so a line whose
    // collapsed text has no label has none.
    if !colon || find_labels(&line.norm).is_empty() {
        unlabelled(text, &mut line, None);
        return line;
    }
    let n = chars::normalize(s);
    let norm_text: &str = n.text.as_ref();
    let hits = find_labels(norm_text);
    if hits.is_empty() {
        unlabelled(text, &mut line, Some(&n.map));
        return line;
    }
    let first_start = hits.first().map_or(0, |h| h.1);
    let prefix_norm = norm_text.get(..first_start).unwrap_or("");
    let at_start = !prefix_norm.chars().any(chars::is_alnum);
    let prefix_orig = Span::new(span.start, span.start + n.map.to_original(first_start));
    let date_prefix = !at_start && only_dates(prefix_orig.slice(text));
    if !(at_start || date_prefix || hits.len() >= 2) {
        return line;
    }
    for (k, &(field, ls, le, vs)) in hits.iter().enumerate() {
        let ve = hits.get(k + 1).map_or(norm_text.len(), |h| h.1);
        let label = Span::new(
            span.start + n.map.to_original(ls),
            span.start + n.map.to_original(le),
        );
        let value = trim_value(
            text,
            Span::new(
                span.start + n.map.to_original(vs),
                span.start + n.map.to_original(ve.max(vs)),
            ),
        );
        line.fields.push(FieldHit {
            field,
            label,
            value,
        });
    }
    // A single label whose value is a whole paragraph is not a field.
    if line.fields.len() == 1
        && line
            .fields
            .first()
            .is_some_and(|f| count_words(f.value.slice(text)) > MAX_VALUE_WORDS)
    {
        line.fields.clear();
        return line;
    }
    // In a bar of several fields, a value of paragraph length is the field's
    // value followed by text that is not metadata.
    for f in &mut line.fields {
        if count_words(f.value.slice(text)) > MAX_VALUE_WORDS {
            f.value = cut_value(text, f.field, f.value);
            line.cut = true;
        }
    }
    if date_prefix {
        line.bare_date = first_date(text, prefix_orig);
    } else if !at_start {
        let p = trim_value(text, prefix_orig);
        if !p.is_empty() {
            line.prefix = Some(p);
        }
    }
    line
}

/// Words a field value may have before it is taken for a value with other
/// text glued to it (a single such field is no field at all).
const MAX_VALUE_WORDS: usize = 12;

/// Words kept of an over-long name value (author, credit, source): names
/// of people and outlets rarely run longer.
const NAME_WORDS: usize = 4;

/// The part of an over-long field value that belongs to the field: a
/// date's first date expression (else its first [`NAME_WORDS`] words), a
/// counter's first word, a name's first [`NAME_WORDS`] words.
fn cut_value(text: &str, field: Field, value: Span) -> Span {
    let s = value.slice(text);
    let end = match field {
        Field::Date => date::find(s)
            .first()
            .map_or_else(|| words_end(s, NAME_WORDS), |m| m.span.end),
        Field::Counter => words_end(s, 1),
        _ => words_end(s, NAME_WORDS),
    };
    trim_value(text, Span::new(value.start, value.start + end))
}

/// The byte offset in `s` just after its `n`-th word (runs of letters or
/// digits), or the end of `s`.
fn words_end(s: &str, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        let w = chars::is_alnum(c);
        if !w && in_word && words == n {
            return i;
        }
        if w && !in_word {
            words += 1;
        }
        in_word = w;
    }
    s.len()
}

/// A line without labels: a bare date line, or `بقلم فلان` without a colon.
/// `map` is the offset map of the line's normalized text, if at hand.
fn unlabelled(text: &str, line: &mut Line, map: Option<&OffsetMap>) {
    let span = line.span;
    let s = span.slice(text);
    if line.words <= 8 && only_dates(s) {
        line.bare_date = first_date(text, span);
    }
    // `بقلم فلان` without a colon, alone on a short line.
    if line.norm.starts_with("بقلم ") && (2..=7).contains(&line.words) {
        let lab_end = match map {
            Some(m) => m.to_original("بقلم".len()),
            None => chars::normalize(s).map.to_original("بقلم".len()),
        };
        line.fields.push(FieldHit {
            field: Field::Author,
            label: Span::new(span.start, span.start + lab_end),
            value: trim_value(text, Span::new(span.start + lab_end, span.end)),
        });
    }
}

/// The first complete date in a span of `text`.
fn first_date(text: &str, span: Span) -> Option<(Span, date::Date)> {
    let s = span.slice(text);
    date::find(s)
        .into_iter()
        .filter(|m| m.form != Form::Year)
        .find_map(|m| {
            m.date.map(|d| {
                (
                    Span::new(span.start + m.span.start, span.start + m.span.end),
                    d,
                )
            })
        })
}

/// How many lines from the top may hold the title and the metadata.
pub(crate) const HEADER_LINES: usize = 8;

/// The header: the first metadata line within the first [`HEADER_LINES`]
/// lines, if any (index into `lines`).
pub(crate) fn header_meta_line(lines: &[Line]) -> Option<usize> {
    lines.iter().take(HEADER_LINES).position(Line::is_meta)
}

/// Chooses the title line and its span.
///
/// - A headline glued to a metadata bar: the text before the first label.
/// - A metadata line near the top: among the lines before it, the first one
///   that repeats (sites print the headline twice), else the first with at
///   least four words that does not end a sentence, else the last one.
/// - Otherwise the first line, if it looks like a headline: at most 25 words
///   and no full stop.
pub(crate) fn title(text: &str, lines: &[Line]) -> Option<(usize, Span)> {
    let first = lines.first()?;
    if let Some(p) = first.prefix {
        return Some((0, p));
    }
    let m = header_meta_line(lines);
    if let Some(m) = m.filter(|&m| m > 0) {
        let before = lines.get(..m).unwrap_or(&[]);
        let repeated = before.iter().position(|l| {
            l.words >= 2 && lines.iter().any(|o| o.norm == l.norm && o.span != l.span)
        });
        let chosen = repeated
            .or_else(|| {
                before
                    .iter()
                    .position(|l| l.words >= 4 && !ends_sentence(l.span.slice(text)))
            })
            .unwrap_or(m - 1);
        let l = lines.get(chosen)?;
        return Some((chosen, trim_title(text, l.span)));
    }
    // No metadata after the headline: the first line that is not metadata.
    let (idx, first) = lines.iter().enumerate().find(|(_, l)| !l.is_meta())?;
    if idx >= HEADER_LINES {
        return None;
    }
    if !looks_like_headline(first.span.slice(text), first.words) {
        return None;
    }
    Some((idx, trim_title(text, first.span)))
}

/// Headlines are short and do not end in a full stop; «..» inside them is
/// headline style, not a sentence end.
fn looks_like_headline(s: &str, words: usize) -> bool {
    if words == 0 || words > 25 {
        return false;
    }
    let single_stops = s
        .char_indices()
        .filter(|&(i, c)| {
            c == '.'
                && !s.get(..i).is_some_and(|b| b.ends_with('.'))
                && !s.get(i + 1..).is_some_and(|a| a.starts_with('.'))
                && !s
                    .get(..i)
                    .is_some_and(|b| b.ends_with(|p: char| p.is_ascii_digit()))
        })
        .count();
    let ends_with_stop = s.ends_with('.') && !s.ends_with("..");
    words > 0
        && words <= 25
        && single_stops <= usize::from(ends_with_stop)
        && !(ends_with_stop && words > 12)
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!'])
}

fn trim_title(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let t = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ':' | '،' | ',')
    });
    Span::new(span.start, span.start + t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The label search as first written, with a regex.
    fn regex_labels(norm: &str) -> Vec<(Field, usize, usize, usize)> {
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        let re = RE.get_or_init(|| {
            let alts: Vec<String> = LABELS.iter().map(|(l, _)| regex::escape(l)).collect();
            let pat = format!(r"(?:^|[\s\-|،,.()])({})\s*[:：]", alts.join("|"));
            regex::Regex::new(&pat).unwrap()
        });
        re.captures_iter(norm)
            .map(|c| {
                let (whole, lab) = (c.get(0).unwrap(), c.get(1).unwrap());
                let field = LABELS
                    .iter()
                    .find(|(l, _)| *l == lab.as_str())
                    .map(|&(_, f)| f)
                    .unwrap();
                (field, lab.start(), lab.end(), whole.end())
            })
            .collect()
    }

    /// The search gives the regex's hits, and a line with hits keeps some
    /// once its white space is collapsed (what `analyze_line` relies on).
    fn check_labels(s: &str) {
        let hits = find_labels(s);
        assert_eq!(hits, regex_labels(s), "{s:?}");
        let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            hits.is_empty() || !find_labels(&collapsed).is_empty(),
            "{s:?}"
        );
    }

    #[test]
    fn label_search_is_the_regex_search() {
        let mut pieces: Vec<&str> = LABELS.iter().map(|(l, _)| *l).collect();
        pieces.extend([
            " ", "  ", "\t", "\u{a0}", "\u{3000}", ":", "：", "-", "|", "،", ",", ".", "(", ")",
            "ال", "عدد", "نشر", "ب", "x", "4", "؛", "ـ", "::", " :", "ه",
        ]);
        // Every pair and triple of pieces, then pseudo-random longer lines.
        let n = pieces.len();
        let mut checked = 0;
        for i in 0..n {
            for j in 0..n {
                for k in 0..n {
                    check_labels(&format!("{}{}{}", pieces[i], pieces[j], pieces[k]));
                    checked += 1;
                }
            }
        }
        for s in crate::meta::glued_pieces(&pieces, 20_000, 4..16, 0x9E37_79B9_7F4A_7C15) {
            check_labels(&s);
            checked += 1;
        }
        assert!(checked > 100_000);
    }

    #[test]
    fn labels_are_normalized() {
        for (w, _) in LABELS {
            assert_eq!(lang::normalize(w).text, *w, "label not normalized");
        }
    }

    #[test]
    fn body_lines_with_a_colon_are_not_fields() {
        let t = "وقال المصدر: إن القافلة خرجت من المدينة\nالمصدر: إن القافلة خرجت من المدينة بعد اتفاق طويل بين الأطراف المتحاربة في المنطقة";
        assert!(lines(t).iter().all(|l| l.fields.is_empty()));
    }
}
