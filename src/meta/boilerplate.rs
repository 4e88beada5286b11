//! Boilerplate: text that belongs to the page, not to the article.
//!
//! The spans found here stay in the original text but should be kept out of
//! summaries: metadata bars and field lines (`الكاتب : …`, `المشاهدات : 4204`,
//! `المصدر : …`, `إعداد: …`), date lines, «للاطلاع على التقرير كاملاً…» lines,
//! the `المصادر:` heading with the list after it, share/print lines, photo
//! captions that end in a credit (`(رويترز)`), repeated lines (the second and
//! later copies), English lines in an Arabic article (photo captions left by
//! the page), and site banners above the headline.

use super::chars;
use super::fields::{self, Field, Line};
use crate::fasthash::FastMap;
use crate::lang::Lang;
use crate::text::Span;

/// Words of photo credits, normalized (`(رويترز)`, `(الفرنسية)`, `(غيتي)`…).
const CREDITS: &[&str] = &[
    "رويترز",
    "الفرنسيه",
    "الاوروبيه",
    "اسوشيتد",
    "اسوشيتدبرس",
    "ا ف ب",
    "اف ب",
    "غيتي",
    "جيتي",
    "الاناضول",
    "الجزيره",
    "ارشيف",
    "الارشيف",
    "مواقع التواصل",
    "ناشطون",
    "الانترنت",
    "انترنت",
    "سانا",
    "وكالات",
    "الصوره",
    "afp",
    "reuters",
    "ap",
    "epa",
    "getty",
    "anadolu",
];

/// Openings of lines that are page furniture (normalized).
const FURNITURE: &[&str] = &[
    "للاطلاع علي",
    "لقراءه التقرير",
    "اقرا ايضا",
    "اقرا المزيد",
    "شاهد ايضا",
    "تابعونا علي",
    "تابعوا",
    "اشترك",
    "جميع الحقوق محفوظه",
    "حقوق النشر",
    "©",
];

/// Words of share and print lines (normalized).
const SHARE_WORDS: &[&str] = &[
    "شارك",
    "مشاركه",
    "شارك المقال",
    "طباعه",
    "اطبع",
    "ارسل",
    "لصديق",
    "حفظ",
    "فيسبوك",
    "تويتر",
    "واتساب",
    "تيليغرام",
    "تلغرام",
    "البريد",
    "الالكتروني",
    "نسخ",
    "الرابط",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "email",
    "print",
    "share",
];

/// True for a caption line ending in a parenthesized photo credit.
fn is_credit_caption(text: &str, line: &Line) -> bool {
    let s = line.span.slice(text).trim_end();
    if !s.ends_with(')') || line.words > 40 {
        return false;
    }
    let Some(open) = s.rfind('(') else {
        return false;
    };
    let inner = s.get(open + 1..s.len() - 1).unwrap_or("");
    let before = s.get(..open).unwrap_or("");
    if before.contains(['.', '!', '؟', '?']) || fields::count_words(inner) > 4 {
        return false;
    }
    let n = chars::normalize(inner);
    let inner_norm: String = n
        .text
        .chars()
        .map(|c| if chars::is_alnum(c) { c } else { ' ' })
        .collect();
    let inner_norm = inner_norm.split_whitespace().collect::<Vec<_>>().join(" ");
    CREDITS.iter().any(|c| {
        inner_norm == *c
            || inner_norm.starts_with(&format!("{c} "))
            || inner_norm.ends_with(&format!(" {c}"))
            || inner_norm.contains(&format!(" {c} "))
    })
}

fn is_furniture(line: &Line) -> bool {
    FURNITURE.iter().any(|f| line.norm.starts_with(f)) && line.words <= 15
}

fn is_share_line(line: &Line) -> bool {
    let mut n = 0;
    for w in chars::alnum_words(&line.norm) {
        n += 1;
        if n > 8 || !SHARE_WORDS.contains(&w) {
            return false;
        }
    }
    n > 0
}

/// Finds the boilerplate spans of a text from its analysed lines.
/// `title_line` is the index of the line holding the title, if any.
pub(crate) fn find(text: &str, lines: &[Line], title_line: Option<usize>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    // The lines hold every letter of the text: this is `lang::detect(text)`.
    let doc_lang = chars::lang_of(lines.iter().fold((0, 0), |(a, l), line| {
        (a + line.letters.0, l + line.letters.1)
    }));
    // Every line of a text goes through this table; SipHash cost more than
    // the rest of the repeat check.
    let mut seen: FastMap<&str, usize> = FastMap::default();
    let mut in_sources = false;
    let header_meta = fields::header_meta_line(lines);
    for (i, line) in lines.iter().enumerate() {
        let s = line.span.slice(text);
        // The list after `المصادر:` runs to the end while its lines are short.
        if in_sources {
            if line.words <= 15 || s.contains("://") {
                out.push(line.span);
                continue;
            }
            in_sources = false;
        }
        let first_copy = line.norm.chars().take(8).count() < 8 || {
            let n = seen.entry(line.norm.as_str()).or_insert(0);
            *n += 1;
            *n == 1
        };
        if line.is_meta() {
            if line.fields.iter().any(|f| f.field == Field::Sources) {
                in_sources = true;
            }
            // A bar glued to the article's text: only its fields.
            if line.cut {
                out.extend(
                    line.fields
                        .iter()
                        .map(|f| Span::new(f.label.start, f.value.end.max(f.label.end))),
                );
                continue;
            }
            // Keep a headline glued to the bar out of the boilerplate.
            let start = match line.prefix {
                Some(_) => line
                    .fields
                    .first()
                    .map_or(line.span.start, |f| f.label.start),
                None => line.span.start,
            };
            out.push(Span::new(start, line.span.end));
            continue;
        }
        if Some(i) == title_line {
            continue;
        }
        let banner = header_meta.is_some_and(|m| i < m);
        if !first_copy
            || banner
            || is_furniture(line)
            || is_share_line(line)
            || is_credit_caption(text, line)
            || (doc_lang == Lang::Ar && line.words >= 3 && chars::lang_of(line.letters) == Lang::En)
        {
            out.push(line.span);
        }
    }
    out.sort();
    let mut merged: Vec<Span> = Vec::with_capacity(out.len());
    for s in out {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_normalized() {
        for w in CREDITS.iter().chain(FURNITURE).chain(SHARE_WORDS) {
            assert_eq!(
                crate::lang::normalize(w).text,
                *w,
                "table entry not normalized"
            );
        }
    }
}
