//! Figures: numbers together with what they count.
//!
//! A figure is a number — digits (Latin or Arabic-Indic, with `,` or `٬`
//! between thousands and `.` or `٫` before decimals), optionally scaled by
//! ألف/آلاف/مليون/ملايين/مليار, or Arabic number words (`أربعة آلاف`,
//! `خمسة وعشرون`, `ميتين`) — followed by the noun it counts (the next word,
//! after an optional `من`: `300 من مسلحي`), or a percentage (`30%`,
//! `30 بالمية`). Numbers without a counted noun, numbers that are part of a
//! date or a time, numbers after `رقم`/`العدد`/`القرار`…, and ordinal words
//! (`الخامس والأربعين`, `الحادي عشر`) are not figures.

use serde::Serialize;

use std::sync::OnceLock;

use crate::meta::chars::{word_set, WordTable};
use crate::meta::date;
use crate::meta::tokens::{self, Kind, Tokens};
use crate::segment::Sentence;
use crate::text::Span;

/// A number with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The number and its counted noun (byte span of the original text).
    pub span: Span,
    /// The number written there (`أربعة آلاف` → 4000).
    pub value: f64,
    /// What it counts, quoted from the text (`مقاتلاً`, `دولار`), or the
    /// percent sign / words (`%`, `بالمية`) for a percentage.
    pub unit: String,
    /// Where the unit is written.
    pub unit_span: Span,
}

/// How a number word combines.
#[derive(Debug, Clone, Copy, PartialEq)]
enum W {
    /// 1–10.
    Unit(f64),
    /// 20–90.
    Ten(f64),
    /// 100–900.
    Hundred(f64),
    /// ألف, مليون, مليار: scales what comes before, or counts one alone.
    Mult(f64),
    /// آلاف, ملايين, مليارات: needs a count before it.
    Plural(f64),
    /// ألفين, مليونين: two of the scale, alone.
    Dual(f64),
}

const WORDS: &[(&str, W)] = &[
    ("واحد", W::Unit(1.0)),
    ("واحده", W::Unit(1.0)),
    ("احد", W::Unit(1.0)),
    ("احدي", W::Unit(1.0)),
    ("اثنان", W::Unit(2.0)),
    ("اثنين", W::Unit(2.0)),
    ("اثنا", W::Unit(2.0)),
    ("اثني", W::Unit(2.0)),
    ("اثنتان", W::Unit(2.0)),
    ("اثنتين", W::Unit(2.0)),
    ("اثنتا", W::Unit(2.0)),
    ("اثنتي", W::Unit(2.0)),
    ("ثلاث", W::Unit(3.0)),
    ("ثلاثه", W::Unit(3.0)),
    ("اربع", W::Unit(4.0)),
    ("اربعه", W::Unit(4.0)),
    ("خمس", W::Unit(5.0)),
    ("خمسه", W::Unit(5.0)),
    ("ست", W::Unit(6.0)),
    ("سته", W::Unit(6.0)),
    ("سبع", W::Unit(7.0)),
    ("سبعه", W::Unit(7.0)),
    ("ثمان", W::Unit(8.0)),
    ("ثماني", W::Unit(8.0)),
    ("ثمانيه", W::Unit(8.0)),
    ("تسع", W::Unit(9.0)),
    ("تسعه", W::Unit(9.0)),
    ("عشر", W::Unit(10.0)),
    ("عشره", W::Unit(10.0)),
    ("عشرون", W::Ten(20.0)),
    ("عشرين", W::Ten(20.0)),
    ("ثلاثون", W::Ten(30.0)),
    ("ثلاثين", W::Ten(30.0)),
    ("اربعون", W::Ten(40.0)),
    ("اربعين", W::Ten(40.0)),
    ("خمسون", W::Ten(50.0)),
    ("خمسين", W::Ten(50.0)),
    ("ستون", W::Ten(60.0)),
    ("ستين", W::Ten(60.0)),
    ("سبعون", W::Ten(70.0)),
    ("سبعين", W::Ten(70.0)),
    ("ثمانون", W::Ten(80.0)),
    ("ثمانين", W::Ten(80.0)),
    ("تسعون", W::Ten(90.0)),
    ("تسعين", W::Ten(90.0)),
    ("ميه", W::Hundred(100.0)),
    ("مايه", W::Hundred(100.0)),
    ("ميتان", W::Hundred(200.0)),
    ("ميتين", W::Hundred(200.0)),
    ("مايتان", W::Hundred(200.0)),
    ("مايتين", W::Hundred(200.0)),
    ("ميتي", W::Hundred(200.0)),
    ("ميتا", W::Hundred(200.0)),
    ("مايتا", W::Hundred(200.0)),
    ("مايتي", W::Hundred(200.0)),
    ("ثلاثميه", W::Hundred(300.0)),
    ("ثلاثمايه", W::Hundred(300.0)),
    ("اربعميه", W::Hundred(400.0)),
    ("اربعمايه", W::Hundred(400.0)),
    ("خمسميه", W::Hundred(500.0)),
    ("خمسمايه", W::Hundred(500.0)),
    ("ستميه", W::Hundred(600.0)),
    ("ستمايه", W::Hundred(600.0)),
    ("سبعميه", W::Hundred(700.0)),
    ("سبعمايه", W::Hundred(700.0)),
    ("ثمانميه", W::Hundred(800.0)),
    ("ثمانمايه", W::Hundred(800.0)),
    ("ثمانيميه", W::Hundred(800.0)),
    ("ثمانيمايه", W::Hundred(800.0)),
    ("تسعميه", W::Hundred(900.0)),
    ("تسعمايه", W::Hundred(900.0)),
    ("الف", W::Mult(1e3)),
    ("الفا", W::Mult(1e3)),
    ("الاف", W::Plural(1e3)),
    ("الفان", W::Dual(1e3)),
    ("الفين", W::Dual(1e3)),
    ("الفي", W::Dual(1e3)),
    ("مليون", W::Mult(1e6)),
    ("مليونا", W::Mult(1e6)),
    ("ملايين", W::Plural(1e6)),
    ("مليونان", W::Dual(1e6)),
    ("مليونين", W::Dual(1e6)),
    ("مليوني", W::Dual(1e6)),
    ("مليار", W::Mult(1e9)),
    ("مليارا", W::Mult(1e9)),
    ("بليون", W::Mult(1e9)),
    ("مليارات", W::Plural(1e9)),
    ("ملياران", W::Dual(1e9)),
    ("مليارين", W::Dual(1e9)),
];

/// Ordinals that turn a following عشر into «eleventh…nineteenth».
const ORDINALS: &[&str] = &[
    "الحادي",
    "الحاديه",
    "الثاني",
    "الثانيه",
    "الثالث",
    "الثالثه",
    "الرابع",
    "الرابعه",
    "الخامس",
    "الخامسه",
    "السادس",
    "السادسه",
    "السابع",
    "السابعه",
    "الثامن",
    "الثامنه",
    "التاسع",
    "التاسعه",
];

/// Words after which a number is an identifier, not a count.
const ID_CUES: &[&str] = &[
    "رقم",
    "برقم",
    "العدد",
    "القرار",
    "قرار",
    "الماده",
    "ماده",
    "البند",
    "الفقره",
    "الصفحه",
    "صفحه",
    "المرسوم",
    "الطريق",
    "طريق",
    "الساعه",
];

/// Words that cannot be a counted noun.
const NOT_UNITS: &[&str] = &[
    "تم",
    "وذلك",
    "ونصف",
    "وحتي",
    "معظمهم",
    "عدد",
    "منها",
    "منهم",
    "منهن",
    "منه",
    "عنها",
    "عنهم",
    "لها",
    "له",
    "لهم",
    "بها",
    "به",
    "بهم",
    "فيها",
    "فيه",
    "عليها",
    "عليه",
    "عليهم",
    "اخري",
    "اخر",
    "في",
    "علي",
    "الي",
    "عن",
    "من",
    "و",
    "او",
    "ان",
    "انه",
    "التي",
    "الذي",
    "الذين",
    "هو",
    "هي",
    "قد",
    "كان",
    "كانت",
    "مع",
    "ثم",
    "بل",
    "لا",
    "لم",
    "لن",
    "ما",
    "حتي",
    "منذ",
    "بعد",
    "قبل",
    "عند",
    "هذا",
    "هذه",
    "هذه",
    "ذلك",
    "تلك",
    "اي",
    "كل",
    "بين",
    "ضد",
    "نحو",
    "حوالي",
    "اكثر",
    "اقل",
    "فقط",
    "تقريبا",
    "م",
    "ه",
];

/// Prepositions after which a bare four-digit number in 1900–2100 is a year
/// (`منذ 2006 تتضمن…`, `في 2015 بلغ…`), not a count.
const YEAR_PREPS: &[&str] = &[
    "في",
    "وفي",
    "منذ",
    "ومنذ",
    "حتي",
    "وحتي",
    "قبل",
    "بعد",
    "خلال",
    "لعام",
    "عام",
    "العام",
];

/// Percent words (normalized), one or two tokens.
const PERCENT_WORDS: &[&[&str]] = &[
    &["بالميه"],
    &["بالمايه"],
    &["في", "الميه"],
    &["في", "المايه"],
];

type Tables = (WordTable<W>, WordTable<()>, WordTable<()>, WordTable<()>);

/// The word tables as maps: number words, ordinals, identifier cues and
/// non-units.
fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        (
            WordTable::new(WORDS.iter().copied()),
            word_set(ORDINALS),
            word_set(ID_CUES),
            word_set(NOT_UNITS),
        )
    })
}

/// True if token `i` is a word of `set`.
fn word_in(tk: &Tokens<'_>, i: usize, set: &WordTable<()>) -> bool {
    tk.kind(i) == Some(Kind::Word) && set.contains(tk.text(i))
}

fn lookup(w: &str) -> Option<W> {
    tables().0.get(w).copied()
}

/// A number word, allowing the conjunction و (and, for the first word, the
/// prepositions ب ل ك) in front.
fn word_at(tk: &Tokens<'_>, i: usize, first: bool) -> Option<(W, bool)> {
    if tk.kind(i) != Some(Kind::Word) {
        return None;
    }
    let t = tk.text(i);
    if let Some(v) = lookup(t) {
        return Some((v, false));
    }
    let mut chars = t.chars();
    let p = chars.next()?;
    let rest = chars.as_str();
    let ok = p == 'و' || (first && matches!(p, 'ب' | 'ل' | 'ك'));
    if !ok {
        return None;
    }
    let v = lookup(rest)?;
    (rest.chars().count() >= 3).then_some((v, p == 'و'))
}

/// Parses number words starting at `i`: (value, end token, word count).
fn words_number(tk: &Tokens<'_>, i: usize) -> Option<(f64, usize, usize)> {
    let (mut total, mut cur) = (0.0f64, 0.0f64);
    let mut j = i;
    let mut count = 0usize;
    let mut last_unit = false;
    while let Some((w, conj)) = word_at(tk, j, j == i) {
        if conj && j > i && matches!(w, W::Plural(_) | W::Dual(_)) {
            break;
        }
        match w {
            W::Unit(v) => {
                if v < 10.0 && tk.is_word_in(j + 1, &["عشر", "عشره"]) {
                    cur += v + 10.0;
                    j += 1;
                    last_unit = false;
                } else {
                    cur += v;
                    last_unit = true;
                }
            }
            W::Ten(v) => {
                cur += v;
                last_unit = false;
            }
            W::Hundred(v) => {
                if last_unit && (1.0..10.0).contains(&cur) && v == 100.0 {
                    cur *= 100.0;
                } else {
                    cur += v;
                }
                last_unit = false;
            }
            W::Mult(m) => {
                total += cur.max(1.0) * m;
                cur = 0.0;
                last_unit = false;
            }
            W::Plural(m) => {
                if cur == 0.0 {
                    break;
                }
                total += cur * m;
                cur = 0.0;
                last_unit = false;
            }
            W::Dual(m) => {
                total += if cur == 0.0 { 2.0 * m } else { cur * m };
                cur = 0.0;
                last_unit = false;
            }
        }
        j += 1;
        count += 1;
    }
    let value = total + cur;
    (count > 0 && value > 0.0).then_some((value, j, count))
}

/// Parses a digit number starting at `i`: (value, end token).
fn digits_number(tk: &Tokens<'_>, i: usize) -> Option<(f64, usize)> {
    let mut s = tk.text(i).to_string();
    let mut j = i + 1;
    let leading = tk.digits(i);
    // Thousands groups.
    let mut grouped = false;
    while leading <= 3
        && tk.glued(j)
        && (tk.is_punct(j, ',') || tk.is_punct(j, '٬'))
        && tk.glued(j + 1)
        && tk.digits(j + 1) == 3
    {
        s.push_str(tk.text(j + 1));
        j += 2;
        grouped = true;
    }
    // Decimals.
    let dec = tk.is_punct(j, '.') || tk.is_punct(j, '٫') || (!grouped && tk.is_punct(j, ','));
    if dec && tk.glued(j) && tk.glued(j + 1) && tk.kind(j + 1) == Some(Kind::Num) {
        s.push('.');
        s.push_str(tk.text(j + 1));
        j += 2;
    }
    s.parse::<f64>().ok().map(|v| (v, j))
}

/// Finds the figures of `text`.
///
/// `sentences` are accepted for symmetry with the other stages; a figure
/// never spans a line break, so their boundaries are respected anyway.
pub fn figures(text: &str, sentences: &[Sentence]) -> Vec<Figure> {
    let _ = sentences;
    let tk = tokens::tokenize(text);
    let dates = date::scan(&tk);
    figures_in(text, &tk, &dates)
}

/// The figures of `text`, tokenized as `tk`, whose dates (`date::scan` of the same
/// tokens) are known, so that a caller that also wants the dates tokenizes
/// and scans once.
pub(super) fn figures_in(text: &str, tk: &Tokens<'_>, dates: &[date::DateMatch]) -> Vec<Figure> {
    let (_, ordinals, id_cues, _) = tables();
    // Date spans are in text order and do not overlap: the only one that
    // may overlap `s` is the first that ends after its start.
    let in_date = |s: Span| {
        let k = dates.partition_point(|d| d.span.end <= s.start);
        dates
            .get(k)
            .is_some_and(|d| d.span.start < s.end && s.start < d.span.end)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tk.toks.len() {
        let Some(tok) = tk.toks.get(i).copied() else {
            break;
        };
        // Only a number or a number word starts a figure.
        let may_start = match tok.kind {
            Kind::Num => true,
            Kind::Word => word_at(tk, i, true).is_some(),
            Kind::Punct(_) => false,
        };
        if !may_start {
            i += 1;
            continue;
        }
        if in_date(tok.orig) || (i > 0 && word_in(tk, i - 1, id_cues)) {
            i += 1;
            continue;
        }
        let parsed = match tok.kind {
            Kind::Num => {
                // Times, ratios, codes: digits glued to / - : or letters.
                let clitic = i
                    .checked_sub(1)
                    .is_some_and(|p| tk.is_word_in(p, &["و", "ب", "ل", "ف", "وب", "ول"]));
                let glued_before = i > 0
                    && tk.glued(i)
                    && !clitic
                    && matches!(
                        tk.kind(i - 1),
                        Some(Kind::Word | Kind::Punct('/' | '-' | ':' | '.' | ','))
                    );
                let (v, mut j) = match digits_number(tk, i) {
                    Some(x) if !glued_before => x,
                    _ => {
                        i += 1;
                        continue;
                    }
                };
                if tk.glued(j)
                    && matches!(
                        tk.kind(j),
                        Some(Kind::Word | Kind::Num | Kind::Punct(':' | '/' | '-'))
                    )
                {
                    i = j.max(i + 1);
                    continue;
                }
                let year_like = j == i + 1
                    && tk.digits(i) == 4
                    && (1900.0..=2100.0).contains(&v)
                    && i.checked_sub(1)
                        .is_some_and(|p| tk.is_word_in(p, YEAR_PREPS));
                if year_like {
                    i += 1;
                    continue;
                }
                // A year-like number followed by «و…» is a year in running
                // text (`وقعتها طهران 1968 وصادقت`), not a count.
                if j == i + 1
                    && tk.digits(i) == 4
                    && (1900.0..=2100.0).contains(&v)
                    && tk.text(j).starts_with('و')
                {
                    i += 1;
                    continue;
                }
                let mut v = v;
                if let Some((W::Mult(m) | W::Plural(m), false)) = word_at(tk, j, false) {
                    v *= m;
                    j += 1;
                }
                Some((v, j, false))
            }
            Kind::Word => {
                if i > 0 && word_in(tk, i - 1, ordinals) {
                    None
                } else {
                    words_number(tk, i).and_then(|(v, j, count)| {
                        // A lone «one» is an article («أحد عوامله»), not a count.
                        (count > 1 || v != 1.0).then_some((v, j, true))
                    })
                }
            }
            Kind::Punct(_) => None,
        };
        let Some((value, j, is_words)) = parsed else {
            i += 1;
            continue;
        };
        if let Some((unit_span, end)) = unit_at(tk, j) {
            // A clitic glued to the first number word (ومليون، بخمسين) is
            // not part of the figure.
            let mut start = tok.orig.start;
            if is_words && lookup(tk.text(i)).is_none() {
                start += text
                    .get(start..)
                    .and_then(|s| s.chars().next())
                    .map_or(0, char::len_utf8);
            }
            let span = Span::new(start, unit_span.end);
            if !in_date(span) {
                out.push(Figure {
                    span,
                    value,
                    unit: unit_span.slice(text).to_string(),
                    unit_span,
                });
            }
            i = end;
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

/// The counted noun (or percent sign) after a number ending before token
/// `j`: (its original span, next token).
fn unit_at(tk: &Tokens<'_>, j: usize) -> Option<(Span, usize)> {
    if tk.is_punct(j, '%') || tk.is_punct(j, '٪') {
        return Some((tk.orig_span(j, j + 1), j + 1));
    }
    for words in PERCENT_WORDS {
        if words
            .iter()
            .enumerate()
            .all(|(k, w)| tk.is_word_in(j + k, &[w]))
        {
            let end = j + words.len();
            return Some((tk.orig_span(j, end), end));
        }
    }
    let mut k = j;
    if tk.is_word_in(k, &["من"]) {
        k += 1;
    }
    let t = tk.toks.get(k)?;
    if t.kind != Kind::Word || t.line_before {
        return None;
    }
    let w = tk.text(k);
    if tables().3.contains(w) || word_at(tk, k, true).is_some() || w.chars().count() < 2 {
        return None;
    }
    Some((t.orig, k + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang;

    #[test]
    fn tables_are_normalized() {
        let all = WORDS
            .iter()
            .map(|(w, _)| *w)
            .chain(ORDINALS.iter().copied())
            .chain(ID_CUES.iter().copied())
            .chain(NOT_UNITS.iter().copied())
            .chain(YEAR_PREPS.iter().copied())
            .chain(PERCENT_WORDS.iter().flat_map(|p| p.iter().copied()));
        for w in all {
            assert_eq!(lang::normalize(w).text, w, "table entry not normalized");
        }
    }
}
