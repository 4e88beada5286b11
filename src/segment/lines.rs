//! Line structure (guidelines §3): lines, blank lines, layout detection
//! (hard-wrapped or one line per paragraph) and the boundaries that line
//! breaks make.

use super::chars::{
    char_at, is_arabic, is_closing_bracket, is_closing_quote_shape, is_digit, is_latin, is_starter,
    is_terminal, word_at, WordSet,
};
use super::Layout;
use std::sync::OnceLock;

/// Lines longer than this (chars) are paragraphs, never wrapped lines.
const LONG_LINE: usize = 110;
/// Lines at least this long (chars) count as evidence for wrapping.
const WRAP_MIN: usize = 50;

/// One line of the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line {
    /// First byte of the trimmed content.
    pub ts: usize,
    /// End of the trimmed content.
    pub te: usize,
    /// Trimmed length in chars.
    pub len: usize,
    /// Starts with white space before its content.
    pub indented: bool,
}

impl Line {
    pub(crate) fn blank(&self) -> bool {
        self.ts >= self.te
    }
}

/// Splits `text` into lines (any Unicode line break; CR LF is one break).
/// Line breaks are `\n \r \x0B \x0C`, U+0085 (C2 85) and U+2028/2029
/// (E2 80 A8/A9); text without the rare ones is cut with `memchr`.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    // One scan for the lead bytes of the rare multi-byte breaks (C2 also
    // leads « » and no-break spaces, E2 quotes and dashes: each is checked).
    let rare = memchr::memchr2(0x0B, 0x0C, bytes).is_some()
        || memchr::memchr2_iter(0xC2, 0xE2, bytes).any(|i| {
            matches!(
                bytes.get(i..).unwrap_or(&[]),
                [0xC2, 0x85, ..] | [0xE2, 0x80, 0xA8 | 0xA9, ..]
            )
        });
    if rare {
        return lines_any(text);
    }
    let mut out = Vec::new();
    let mut start = 0usize;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < start {
            // The LF of a CR LF.
            continue;
        }
        let brk = if bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        out.push(make_line(text, start, i));
        start = i + brk;
    }
    out.push(make_line(text, start, text.len()));
    out
}

/// [`lines`] for text with any kind of line break: a byte loop.
fn lines_any(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        let brk = match b {
            b'\n' | 0x0B | 0x0C => 1,
            b'\r' => {
                if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                }
            }
            0xC2 if bytes.get(i + 1) == Some(&0x85) => 2,
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            _ => 0,
        };
        if brk > 0 {
            out.push(make_line(text, start, i));
            i += brk;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(make_line(text, start, text.len()));
    out
}

fn make_line(text: &str, start: usize, end: usize) -> Line {
    let s = text.get(start..end).unwrap_or("");
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    let ts = start + lead;
    Line {
        ts,
        te: ts + trimmed.len(),
        len: trimmed.chars().count(),
        indented: lead > 0 && !trimmed.is_empty(),
    }
}

fn content<'a>(text: &'a str, l: &Line) -> &'a str {
    text.get(l.ts..l.te).unwrap_or("")
}

/// How a line ends, for the line rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// Terminal group, possibly with closing quotes or brackets.
    Terminal,
    /// `، ؛ , ;`
    Comma,
    /// `:`
    Colon,
    /// Anything else (a word, a number, a closing quote without terminal).
    Open,
}

fn line_end(s: &str) -> End {
    let mut rev = s.chars().rev();
    let Some(last) = rev.next() else {
        return End::Open;
    };
    if is_terminal(last) {
        return End::Terminal;
    }
    if matches!(last, '،' | '؛' | ',' | ';') {
        return End::Comma;
    }
    if last == ':' {
        return End::Colon;
    }
    if is_closing_quote_shape(last) || is_closing_bracket(last) {
        for c in rev.take(4) {
            if is_terminal(c) {
                return End::Terminal;
            }
            if !(is_closing_quote_shape(c) || is_closing_bracket(c)) {
                break;
            }
        }
    }
    End::Open
}

/// Decides the layout of a document from its lines.
pub(crate) fn detect(text: &str, lines: &[Line]) -> Layout {
    let mut nonblank = 0usize;
    let mut long = 0usize;
    let mut cand = 0usize;
    let mut wrap_like = 0usize;
    for (k, l) in lines.iter().enumerate() {
        if l.blank() {
            continue;
        }
        nonblank += 1;
        if l.len > LONG_LINE {
            long += 1;
            continue;
        }
        let next = lines.get(k + 1).filter(|n| !n.blank());
        if let Some(n) = next {
            if l.len >= WRAP_MIN {
                cand += 1;
                let s = content(text, l);
                // A wrap never changes script (English caption, Arabic text).
                let same_script = latin_line(s)
                    == latin_line(content(text, n).get(..200).unwrap_or(content(text, n)));
                match line_end(s) {
                    End::Comma if same_script => wrap_like += 2,
                    End::Open if same_script => {
                        wrap_like += if is_function_word(last_word(s)) { 2 } else { 1 };
                    }
                    _ => {}
                }
            }
        }
    }
    if wrap_like >= 2 && long * 10 <= nonblank && wrap_like * 3 >= cand {
        Layout::Wrapped
    } else {
        Layout::LinePerParagraph
    }
}

/// Mostly Latin letters?
fn latin_line(s: &str) -> bool {
    // Bytes: ASCII letters against Arabic-block lead bytes (D8–DB), counted
    // in byte-wide lanes per chunk so that the compiler vectorizes it.
    let (mut ar, mut la) = (0usize, 0usize);
    for chunk in s.as_bytes().chunks(255) {
        let (mut a, mut l) = (0u8, 0u8);
        for &b in chunk {
            l += u8::from((b | 0x20).wrapping_sub(b'a') < 26);
            a += u8::from(b.wrapping_sub(0xD8) < 4);
        }
        ar += usize::from(a);
        la += usize::from(l);
    }
    la > ar
}

/// A boundary made by the line structure.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineCut {
    /// Byte offset: the unit before ends here.
    pub pos: usize,
}

/// Words after which a wrapped line cannot end a sentence.
fn is_function_word(w: &str) -> bool {
    const W: &[&str] = &[
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "مع",
        "و",
        "أو",
        "او",
        "ثم",
        "بين",
        "حول",
        "لدى",
        "عند",
        "منذ",
        "خلال",
        "ضد",
        "نحو",
        "التي",
        "الذي",
        "الذين",
        "التى",
        "اللذين",
        "اللتين",
        "اللاتي",
        "أن",
        "ان",
        "إن",
        "لا",
        "لم",
        "لن",
        "قد",
        "كان",
        "كانت",
        "هو",
        "هي",
        "ما",
        "تحت",
        "فوق",
        "حتى",
        "لكن",
        "بل",
        "كل",
        "عبر",
        "دون",
        "ضمن",
        "وفق",
        "حسب",
        "أي",
        "اي",
        "أمام",
        "امام",
        "لدي",
        "إلا",
        "الا",
        "كما",
        "لأن",
        "لان",
        "بأن",
        "بان",
        "وأن",
        "وان",
        "فإن",
        "فان",
        "لقد",
        "وقد",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "وهو",
        "وهي",
        "إذ",
        "اذ",
        "إذا",
        "اذا",
        "لو",
        "كي",
        "لكي",
        "عبد",
        "بن",
        "بنت",
        "أبو",
        "ابو",
        "أبي",
        "ابي",
        "بعض",
        "جميع",
        "عدة",
        "أكثر",
        "اكثر",
        "أقل",
        "اقل",
        "ب",
        "ل",
        "ف",
        "يا",
        "and",
        "or",
        "of",
        "the",
        "to",
        "in",
        "a",
        "an",
        "for",
        "with",
        "on",
        "at",
        "by",
        "from",
    ];
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(&[W])).contains(w)
}

fn last_word(s: &str) -> &str {
    let end = s.trim_end();
    let start = end
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    end.get(start..).unwrap_or("")
}

/// Does the line start with a list or interview marker?
pub(crate) fn is_list_marker(s: &str) -> bool {
    let mut it = s.chars();
    let Some(c0) = it.next() else {
        return false;
    };
    let c1 = it.next();
    match c0 {
        '-' | '*' | '•' | '·' | '–' | '—' | '▪' | '●' | '○' | '■' | '◦' | '‣' | '⁃' | '►' | '✓'
        | '✔' | '◆' | '♦' => c1.is_none_or(|c| c.is_whitespace() || c.is_alphabetic()),
        'ـ' => c1.is_some_and(char::is_whitespace),
        d if is_digit(d) => {
            let rest = s.trim_start_matches(is_digit);
            let digits = s.len() - rest.len();
            let mut r = rest.chars();
            match r.next() {
                Some('.' | '-' | ')' | '/' | '–') => {
                    digits <= 6 && r.next().is_some_and(char::is_whitespace)
                }
                // `1 - نقع القدمين`: a spaced dash before a word (not the
                // score or range `2 - 1`).
                Some(' ') => {
                    digits <= 3
                        && matches!(r.next(), Some('-' | '–'))
                        && r.next() == Some(' ')
                        && r.next().is_some_and(|c| c.is_alphabetic())
                }
                _ => false,
            }
        }
        _ => {
            // Single Arabic letter label `أ)` `ب-`, interview `س:` `ج/`.
            // (The cheap tests first: `is_alphabetic` is a table search for
            // non-ASCII letters.)
            if matches!(c1, Some(')' | '-'))
                && c0.is_alphabetic()
                && it.next().is_some_and(char::is_whitespace)
            {
                return true;
            }
            let w = word_at(s, 0, s.len(), 40);
            let after = s.get(w.len()..).unwrap_or("").trim_start();
            let follows_colon = after.starts_with(':')
                || after.starts_with('-')
                || after.starts_with('/')
                || after.starts_with('–');
            const ORD: &[&str] = &[
                "أولاً",
                "أولا",
                "اولا",
                "ثانياً",
                "ثانيا",
                "ثالثاً",
                "ثالثا",
                "رابعاً",
                "رابعا",
                "خامساً",
                "خامسا",
                "سادساً",
                "سادسا",
                "سابعاً",
                "سابعا",
                "ثامناً",
                "ثامنا",
                "تاسعاً",
                "تاسعا",
                "عاشراً",
                "عاشرا",
                "أخيراً",
                "أخيرا",
                "س",
                "ج",
                "سؤال",
                "جواب",
            ];
            follows_colon && ORD.contains(&w)
        }
    }
}

/// Field labels of metadata bars.
pub(crate) const FIELD_LABELS: &[&str] = &[
    "الكاتب",
    "التاريخ",
    "المصدر",
    "المشاهدات",
    "بقلم",
    "إعداد",
    "اعداد",
    "تاريخ النشر",
    "المحرر",
    "الناشر",
    "الزيارات",
    "التعليقات",
];

/// The last letters of the [`FIELD_LABELS`] (a cheap test before comparing).
pub(crate) const LABEL_LAST: [char; 6] = ['ب', 'خ', 'ر', 'ت', 'م', 'د'];
/// The first letters of the [`FIELD_LABELS`] and of `المصادر`.
pub(crate) const LABEL_FIRST: [char; 4] = ['ا', 'ب', 'إ', 'ت'];

/// Byte offset (in `s`) of the first field label followed by `:`, and how
/// many such fields the line has. One pass over the colons of `s`.
pub(crate) fn fields(s: &str) -> (Option<usize>, usize) {
    let mut first: Option<usize> = None;
    let mut n = 0;
    for ci in memchr::memchr_iter(b':', s.as_bytes()) {
        let before = s
            .get(..ci)
            .unwrap_or("")
            .trim_end_matches([' ', '\t', '\u{a0}']);
        if !before.ends_with(LABEL_LAST) {
            continue;
        }
        for label in FIELD_LABELS {
            if let Some(head) = before.strip_suffix(label) {
                if head.is_empty() || head.ends_with(char::is_whitespace) {
                    n += 1;
                    first = first.or(Some(head.len()));
                    break;
                }
            }
        }
    }
    (first, n)
}

/// The boundaries made by line structure, in order. `Wrapped` documents
/// join lines inside a sentence; line-per-paragraph documents cut at every
/// line break.
pub(crate) fn line_cuts(text: &str, lines: &[Line], layout: Layout) -> Vec<LineCut> {
    let mut cuts = Vec::new();
    let nonblank: Vec<&Line> = lines.iter().filter(|l| !l.blank()).collect();
    let width = nonblank
        .iter()
        .map(|l| l.len)
        .filter(|&n| n <= LONG_LINE)
        .max()
        .unwrap_or(0)
        .max(30);
    let indented = nonblank.iter().filter(|l| l.indented).count();
    let indent_signal = indented * 10 <= nonblank.len() * 6;
    let first_nonblank = nonblank.first().map(|l| l.ts);
    // Whether the previous line ended a unit (terminal, cut, start).
    let mut unit_starts = true;
    for (k, l) in lines.iter().enumerate() {
        if l.blank() {
            unit_starts = true;
            continue;
        }
        let s = content(text, l);
        // Title | metadata bar glued by the scraper.
        if l.len <= 400 {
            let (first, n) = fields(s);
            if let Some(f) = first {
                if n >= 2
                    && f > 0
                    && s.get(..f)
                        .is_some_and(|p| p.chars().any(char::is_alphabetic))
                {
                    cuts.push(LineCut { pos: l.ts + f });
                }
            }
        }
        let Some(next) = lines.get(k + 1) else { break };
        if next.blank() {
            cuts.push(LineCut { pos: l.te });
            continue;
        }
        let ns = content(text, next);
        let cut = if Some(l.ts) == first_nonblank && wrapped_title(s, l, ns, next) {
            false
        } else {
            match layout {
                Layout::LinePerParagraph => true,
                Layout::Wrapped => wrapped_break(text, l, next, width, indent_signal, unit_starts),
            }
        };
        let end = line_end(s);
        unit_starts = cut || end == End::Terminal;
        if cut {
            cuts.push(LineCut { pos: l.te });
        }
    }
    cuts
}

/// Does the line break between `l` and `n` (adjacent, both non-blank) of a
/// hard-wrapped document end a unit? Breaks after a terminal group are left
/// to the in-line rules (abbreviations, ellipses) and return `false`.
fn wrapped_break(
    text: &str,
    l: &Line,
    n: &Line,
    width: usize,
    indent_signal: bool,
    l_starts_unit: bool,
) -> bool {
    let s = content(text, l);
    let ns = content(text, n);
    if is_list_marker(ns) {
        return true;
    }
    let short = l.len * 10 < width * 7;
    match line_end(s) {
        End::Terminal | End::Comma => return false,
        End::Colon => return short && l_starts_unit,
        End::Open => {}
    }
    if is_function_word(last_word(s)) {
        return false;
    }
    let first = char_at(ns, 0);
    if first.is_some_and(|c| (is_latin(c) && c.is_lowercase()) || is_digit(c)) {
        return false;
    }
    // A relative pronoun or a detached `بـ` goes on with the line before.
    if cannot_start(ns) {
        return false;
    }
    if indent_signal && n.indented {
        return true;
    }
    short
}

/// Does the line start with a word that cannot open a sentence: a
/// relative pronoun (`الذي`, `التي`, …) or the detached preposition `بـ`?
fn cannot_start(ns: &str) -> bool {
    const REL: &[&str] = &[
        "الذي",
        "التي",
        "الذين",
        "اللذان",
        "اللتان",
        "اللذين",
        "اللتين",
        "اللواتي",
        "اللاتي",
        "اللائي",
        "التى",
    ];
    let w = ns.split_whitespace().next().unwrap_or("");
    REL.contains(&w) || w.starts_with("بـ") || w.starts_with("لـ")
}

/// Looks like an imperfect Arabic verb (`يبحث`, `تعلن`), not a plural
/// noun (`تطورات`) or a feminine noun (`تنمية`).
fn verbish(w: &str) -> bool {
    let n = w.chars().count();
    (w.starts_with('ي') || w.starts_with('ت'))
        && (3..=6).contains(&n)
        && !w.ends_with("ات")
        && !w.ends_with('ة')
        && !w.ends_with("ية")
}

/// An indefinite noun that can stand first in a construct (`موجة` of
/// `موجة⏎الحر`): not definite, not a verb, not a relative adjective (`عربية`).
fn construct_noun(w: &str) -> bool {
    w.chars().count() >= 3
        && w.chars().all(super::chars::is_arabic)
        && !w.starts_with("ال")
        && !w.starts_with("وال")
        && !verbish(w)
        && !w.ends_with('ي')
        && !w.ends_with("ية")
}

/// Is the line `ns` after the headline `s` a unit of its own: a byline,
/// dateline, caption or name line (`بقلم: …`, `سامي الحسن – الرياض`,
/// `جانب من الحفل`, `سامي الحسن`), never the rest of the headline (§3)?
/// `w` is its first word.
fn credit_line(s: &str, ns: &str, w: &str) -> bool {
    // Labelled fields and `name – place` datelines: a headline that goes
    // on in the next line has neither a colon nor a dash between words.
    if ns.contains(':') || has_dash_separator(ns) {
        return true;
    }
    let mut cs = ns.chars();
    let initial = matches!((cs.next(), cs.next()), (Some(a), Some('.')) if is_arabic(a));
    if is_credit_word(w) || initial {
        // `إعداد …`, `تصوير …`, a caption `جانب من …`, `د. فلان`.
        return true;
    }
    // A photo credit `(واس)` at the end: a caption.
    if ns.ends_with(')') && !s.ends_with(')') {
        return true;
    }
    false
}

/// After a headline `s` that does not end in a function word: is `ns`
/// (first word `w`) a name or caption line rather than the rest of it?
fn name_line(s: &str, ns: &str, w: &str) -> bool {
    // The subject named again (`عبدالله سيسيه` under a headline about him,
    // `أمير المنطقة …` under `أمير المنطقة يدشن …`, `من تدريبات الوحدة`
    // under a headline about الوحدة): a caption or a name. (Its first word
    // of 3+ letters, or any word of 5+.)
    fn bare(x: &str) -> &str {
        x.trim_matches(|c: char| !c.is_alphanumeric())
    }
    let first_or_long =
        |(k, x): (usize, &str)| k == 0 && x.chars().count() >= 3 || x.chars().count() >= 5;
    if ns
        .split_whitespace()
        .enumerate()
        .filter(|&p| first_or_long(p))
        .any(|(_, x)| s.split_whitespace().any(|y| bare(y) == bare(x)))
    {
        return true;
    }
    // One or two words that do not start with the article (which may finish
    // a construct, `موجة⏎الحر`): a byline name (`سامي الحسن`, `جروس`).
    words_upto(ns, 2) <= 2 && !w.starts_with("ال")
}

/// A dash standing between words (`عين اليوم – الرياض`, `القرشي-مكة`,
/// `المدني ـ عين اليوم`), not inside a number range (`2480-2550`).
fn has_dash_separator(s: &str) -> bool {
    let mut prev: Option<char> = None;
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        let next = it.peek().copied();
        let space_before = prev.is_some_and(char::is_whitespace);
        let space_after = next.is_some_and(char::is_whitespace);
        let sep = match c {
            '-' | '–' | '—' => {
                space_before
                    || space_after
                    || (prev.is_some_and(is_arabic) && next.is_some_and(is_arabic))
            }
            // Tatweel used as a dash.
            'ـ' => space_before,
            _ => false,
        };
        if sep {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// First words of bylines and captions.
fn is_credit_word(w: &str) -> bool {
    matches!(
        w,
        "بقلم"
            | "إعداد"
            | "اعداد"
            | "كتب"
            | "كتبت"
            | "تصوير"
            | "متابعة"
            | "ترجمة"
            | "تحرير"
            | "المصدر"
            | "الكاتب"
            | "جانب"
            | "لقطة"
            | "صورة"
            | "مشهد"
    )
}

fn words_upto(t: &str, max: usize) -> usize {
    t.split_whitespace().take(max + 1).count()
}

/// Is the document's first line `s` a headline that goes on in the next
/// line `ns` (one unit), rather than a title followed by a sub-title? Both
/// short, neither punctuated at the end, and the second starts like the rest
/// of a phrase (not with a definite noun, a conjunction, a number or a
/// sentence opener).
fn wrapped_title(s: &str, l: &Line, ns: &str, n: &Line) -> bool {
    const MAX: usize = 60;
    if l.len > MAX || n.len > MAX || s == ns || is_list_marker(ns) {
        return false;
    }
    if line_end(s) != End::Open || line_end(ns) != End::Open {
        return false;
    }
    let w = word_at(ns, 0, ns.len(), 40);
    let Some(f) = w.chars().next() else {
        return false;
    };
    if credit_line(s, ns, w) {
        return false;
    }
    if is_function_word(last_word(s)) {
        return true;
    }
    if name_line(s, ns, w) {
        return false;
    }
    // The first line has a verb still waiting for its object; the second
    // is a phrase without a verb of its own.
    s.split_whitespace().any(verbish)
        && !ns.split_whitespace().any(verbish)
        && f.is_alphabetic()
        && !is_latin(f)
        && (!w.starts_with("ال") || construct_noun(last_word(s)))
        && !w.starts_with('و')
        && !w.starts_with('ف')
        && !is_starter(w)
        && !s.chars().any(|c| c == ':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_prefilters_cover_every_label() {
        for l in FIELD_LABELS.iter().chain(["المصادر"].iter()) {
            assert!(l.starts_with(LABEL_FIRST), "{l}");
            assert!(l.ends_with(LABEL_LAST), "{l}");
        }
    }

    #[test]
    fn lines_fast_and_general_paths_agree() {
        for t in [
            "a\nb\r\nc\rd\n\n e ",
            "\r\n\r\n",
            "سطر أول\nسطر ثان\r\n",
            "x\u{2028}y\u{85}z\x0bw\x0cv\r\nu",
            // One rare break among characters with the same lead bytes.
            "«قال» — “x”\u{a0}y\u{2029}z",
            "«قال» — “x”\u{a0}y\u{2028}z\n",
            "«قال» — “x”\u{a0}y\u{85}z",
            "«قال» — “x”\u{a0}y\nz\u{2026}\u{2029}",
            "«قال» — “x”\u{a0}y\nz\u{2026}",
        ] {
            let a: Vec<(usize, usize, usize, bool)> = lines(t)
                .iter()
                .map(|l| (l.ts, l.te, l.len, l.indented))
                .collect();
            let b: Vec<(usize, usize, usize, bool)> = lines_any(t)
                .iter()
                .map(|l| (l.ts, l.te, l.len, l.indented))
                .collect();
            assert_eq!(a, b, "{t:?}");
        }
        assert_eq!(lines("a\nb\r\nc\rd").len(), 4);
        for brk in ["\u{85}", "\u{2028}", "\u{2029}"] {
            assert_eq!(lines(&format!("«a» “b”{brk}c\u{a0}")).len(), 2, "{brk:?}");
        }
    }
}
