//! Character classes and small look-around helpers shared by the splitter.

use std::sync::OnceLock;

use crate::lang::is_arabic_letter;

/// A set of short words (at most 15 bytes) for fast membership tests:
/// each word is packed with its length into a `u128` and looked up by binary
/// search, so a test costs a few integer comparisons instead of one string
/// comparison per list entry.
#[derive(Debug)]
pub(crate) struct WordSet {
    keys: Vec<u128>,
    /// Words too long to pack (compared as strings).
    long: Vec<&'static str>,
}

impl WordSet {
    pub(crate) fn new(lists: &[&[&'static str]]) -> WordSet {
        let mut keys = Vec::new();
        let mut long = Vec::new();
        for w in lists.iter().flat_map(|l| l.iter()) {
            match pack(w) {
                Some(k) => keys.push(k),
                None => long.push(*w),
            }
        }
        keys.sort_unstable();
        keys.dedup();
        WordSet { keys, long }
    }

    pub(crate) fn contains(&self, w: &str) -> bool {
        match pack(w) {
            Some(k) => self.keys.binary_search(&k).is_ok(),
            None => self.long.contains(&w),
        }
    }
}

/// The word's bytes, zero-padded, with its length in the last byte.
fn pack(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    if b.len() > 15 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf.get_mut(..b.len())?.copy_from_slice(b);
    buf[15] = b.len() as u8;
    Some(u128::from_le_bytes(buf))
}

/// Sentence-final marks (a run of them is one terminal group).
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '؟' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '۔' | '？' | '！' | '。'
    )
}

/// Full-stop-like marks (dots and the ellipsis character).
pub(crate) fn is_dot(c: char) -> bool {
    matches!(c, '.' | '…' | '۔' | '。')
}

/// Question and exclamation marks.
pub(crate) fn is_qe(c: char) -> bool {
    matches!(c, '!' | '?' | '؟' | '‼' | '⁇' | '⁈' | '⁉' | '？' | '！')
}

/// Decimal digits of the Latin, Arabic-Indic and Persian sets.
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// Latin letters (ASCII and Latin-1/Extended-A/B).
pub(crate) fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{00C0}'..='\u{024F}').contains(&c) && c != '×' && c != '÷')
}

/// Arabic-script letters.
pub(crate) fn is_arabic(c: char) -> bool {
    is_arabic_letter(c)
}

/// Any letter.
pub(crate) fn is_letter(c: char) -> bool {
    c.is_alphabetic()
}

/// Punctuation after which a sentence continues (`، , ؛ ; :`).
pub(crate) fn is_continuing(c: char) -> bool {
    matches!(c, '،' | ',' | '؛' | ';' | ':' | '٬')
}

/// Closing quotation marks by shape.
pub(crate) fn is_closing_quote_shape(c: char) -> bool {
    matches!(c, '"' | '»' | '”' | '’' | '\'' | '›')
}

/// Closing brackets.
pub(crate) fn is_closing_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '）')
}

/// Characters that may open a token: quotes and brackets.
pub(crate) fn is_opening_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '«' | '“' | '‘' | '\'' | '(' | '[' | '{' | '‹' | '»' | '”' | '（'
    )
}

/// Horizontal white space (white space that is not a line break).
pub(crate) fn is_hspace(c: char) -> bool {
    c.is_whitespace() && !is_line_break(c)
}

/// Line-break characters.
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The char starting at byte `i` (None at the end or off a boundary).
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The char ending at byte `i`.
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// First position at or after `i` (before `end`) that is not white space.
/// Bounded by `limit` bytes; returns `end` when nothing is found.
pub(crate) fn skip_ws(text: &str, i: usize, end: usize) -> usize {
    let Some(s) = text.get(i..end) else {
        return end;
    };
    match s.char_indices().find(|(_, c)| !c.is_whitespace()) {
        Some((k, _)) => i + k,
        None => end,
    }
}

/// Last non-white-space char before byte `i`, scanning back at most
/// `max_chars` chars and not before `floor`.
pub(crate) fn prev_non_ws(text: &str, floor: usize, i: usize, max_chars: usize) -> Option<char> {
    text.get(floor..i)?
        .chars()
        .rev()
        .take(max_chars)
        .find(|c| !c.is_whitespace())
}

/// The word starting at byte `i` (letters, digits, marks and dots, up to
/// `max` bytes), without trailing punctuation.
pub(crate) fn word_at(text: &str, i: usize, end: usize, max: usize) -> &str {
    let Some(s) = text.get(i..end) else {
        return "";
    };
    let mut stop = 0;
    for (k, c) in s.char_indices() {
        if k >= max {
            break;
        }
        if is_word_char(c) || (c == '.' && k > 0) {
            stop = k + c.len_utf8();
        } else {
            break;
        }
    }
    let w = s.get(..stop).unwrap_or("");
    w.trim_end_matches('.')
}

/// Letters, digits and combining marks, with a fast path for ASCII and
/// Arabic.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_arabic_letter(c) || is_digit(c) || is_mark(c) || c == 'ـ' || c.is_alphanumeric()
}

/// Combining marks (Arabic harakat and others).
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0300}'..='\u{036F}' | '\u{200C}' | '\u{200D}')
}

/// Words that start a new sentence (Arabic discourse openers, English
/// sentence openers); used where the splitter must guess from content.
pub(crate) fn is_starter(word: &str) -> bool {
    const AR: &[&str] = &[
        "ثم",
        "لكن",
        "ولكن",
        "لكنّ",
        "لقد",
        "وقد",
        "فقد",
        "كما",
        "وكما",
        "أما",
        "وأما",
        "اما",
        "واما",
        "إن",
        "وإن",
        "بينما",
        "وبينما",
        "كذلك",
        "وكذلك",
        "وهذا",
        "وهذه",
        "وهو",
        "وهي",
        "وكان",
        "وكانت",
        "قال",
        "وقال",
        "وقالت",
        "وأضاف",
        "وأضافت",
        "واضاف",
        "وأكد",
        "وأكدت",
        "واكد",
        "وأشار",
        "وأشارت",
        "واشار",
        "وأوضح",
        "وتابع",
        "ويقول",
        "ويذكر",
        "ويرى",
        "ومن",
        "وفي",
        "وعلى",
        "وبعد",
        "وقبل",
        "وفيما",
        "فيما",
        "وذلك",
        "وتعد",
        "ويعد",
        "ويعتبر",
        "وتعتبر",
        "هذا",
        "هذه",
        "وتم",
        "ولم",
        "ولا",
        "وقد",
        "ولقد",
        "علما",
        "يذكر",
        "يشار",
        "وأخيرا",
        "أخيرا",
    ];
    const EN: &[&str] = &[
        "The",
        "A",
        "An",
        "In",
        "But",
        "And",
        "It",
        "He",
        "She",
        "They",
        "This",
        "That",
        "These",
        "We",
        "I",
        "His",
        "Her",
        "Their",
        "There",
        "On",
        "At",
        "For",
        "As",
        "After",
        "Before",
        "However",
        "Meanwhile",
    ];
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(&[AR, EN])).contains(word)
}

/// Reporting verbs after a fronted quotation (`«…!» قالها الوزير`).
pub(crate) fn is_reporting(word: &str) -> bool {
    let w = word
        .strip_prefix('و')
        .or_else(|| word.strip_prefix('ف'))
        .filter(|w| w.chars().count() >= 3)
        .unwrap_or(word);
    const PREFIXES: &[&str] = &[
        "قال",
        "يقول",
        "تقول",
        "أضاف",
        "اضاف",
        "يضيف",
        "تضيف",
        "أكد",
        "اكد",
        "يؤكد",
        "تؤكد",
        "صرح",
        "أوضح",
        "اوضح",
        "هتف",
        "صاح",
        "ردد",
        "يردد",
        "كتب",
        "علق",
        "سأل",
        "تساءل",
        "يتساءل",
        "أجاب",
        "اجاب",
        "صرخ",
        "يصرخ",
        "تصرخ",
        "أعلن",
        "اعلن",
        "أردف",
        "اردف",
        "همس",
    ];
    const EN: &[&str] = &["said", "says", "asked", "added", "wrote", "shouted", "told"];
    PREFIXES.iter().any(|p| w.starts_with(p)) || EN.contains(&word)
}
