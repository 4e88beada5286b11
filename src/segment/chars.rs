//! Character classes and small look-around helpers shared by the splitter.

use std::sync::OnceLock;

use crate::lang::{self, is_arabic_letter};

/// Horizontal white space (white space that is not a line break) and
/// line-break characters: the crate's definitions in `lang`.
pub(crate) use crate::lang::chars::{is_hspace, is_line_break};

/// Any letter: exactly `char::is_alphabetic`, from the crate's table.
pub(crate) use crate::lang::chars::is_alphabetic as is_letter;

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

/// Decimal digits of the Latin, Arabic-Indic and Persian sets: ASCII digits
/// and the digits of the Arabic block's table in `lang`.
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || lang::arabic::get(c).is_some_and(|a| a.digit())
}

/// Latin letters (ASCII and Latin-1/Extended-A/B): the letters
/// `lang::detect` counts as Latin ([`lang::chars::is_latin_letter`]) except
/// the multiplication and division signs × ÷, which lie in that range. The
/// splitter asks whether a character is a Latin letter (for case rules), so
/// the signs are excluded here; `detect` only weighs scripts and has always
/// counted the range whole.
pub(crate) fn is_latin(c: char) -> bool {
    lang::chars::is_latin_letter(c) && c != '×' && c != '÷'
}

/// Arabic-script letters.
pub(crate) fn is_arabic(c: char) -> bool {
    is_arabic_letter(c)
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

/// The splitter's word characters: letters and digits
/// ([`lang::chars::is_alphanumeric`], which covers tatweel and the Arabic
/// digits), plus the marks of [`is_mark`] and the code points of
/// [`is_arabic_letter`]'s ranges that Unicode does not count alphanumeric
/// (unassigned ones and the ornate parentheses among the presentation
/// forms). Unlike the tokenizers', a word here keeps its harakat and
/// joiners, so an abbreviation or a number is read whole.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_arabic_letter(c) || lang::chars::is_alphanumeric(c) || is_mark(c)
}

/// Marks that stay inside a word for the splitter: the Arabic harakat and
/// Quranic marks (U+0610–U+061A, U+064B–U+065F, U+0670, U+06D6–U+06ED,
/// which includes the Quranic signs U+06DD, U+06DE, U+06E9 that are not
/// combining), the Latin combining diacritics U+0300–U+036F and the joiners
/// ZWNJ and ZWJ. Not the normalizer's deleted set
/// (`lang::arabic::TABLE[..].deleted()`), which also takes tatweel and the
/// Arabic letter mark and leaves the three signs.
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Each class against its documented definition, for every code point.
    #[test]
    fn classes_are_their_definitions() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let arabic_digit = lang::arabic::get(c).is_some_and(|_| c.is_numeric());
            assert_eq!(is_digit(c), c.is_ascii_digit() || arabic_digit, "{c:?}");
            assert_eq!(
                is_latin(c),
                lang::chars::is_latin_letter(c) && !matches!(c, '×' | '÷'),
                "{c:?}"
            );
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric() || is_arabic_letter(c) || is_mark(c),
                "{c:?}"
            );
            assert_eq!(is_hspace(c), c.is_whitespace() && !is_line_break(c));
        }
        for c in ['٣', '۷', '7'] {
            assert!(is_digit(c) && is_word_char(c), "{c:?}");
        }
        for c in ['ـ', '\u{064E}', '\u{06DD}', '\u{200C}', 'é', 'ب'] {
            assert!(is_word_char(c), "{c:?}");
        }
        assert!(!is_latin('×') && lang::chars::is_latin_letter('×'));
    }
}
