//! The one table of facts about the Arabic block U+0600–U+06FF.
//!
//! What the matching normalizer deletes, what it folds each character to and
//! which characters are word characters are written out here once, as
//! `const fn`s over code points, and evaluated into [`TABLE`] at compile
//! time. [`fold_char`](super::fold_char) and
//! [`is_deleted_in_matching`](super::is_deleted_in_matching) read it for the
//! block; the hot loops of `analyze`, `meta` and `glossary` build their own
//! byte-indexed tables from it in `const` initializers, so none of them
//! restates a list of code points. The tests check the table against the
//! Unicode facts of the standard library and the normalizer's documented
//! rules.

/// The first code point of the block.
pub(crate) const BASE: u32 = 0x0600;

/// What khulasa makes of one code point of U+0600–U+06FF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ArabicChar {
    /// What the matching normalizer turns the character into: itself when
    /// it keeps it, another character when it folds it (alef and hamza
    /// forms, ى, ة, digits), `None` when it deletes it (harakat, Quranic
    /// marks, tatweel, the Arabic letter mark).
    pub fold: Option<char>,
    /// A word character for the tokenizers: an Arabic letter
    /// ([`is_arabic_letter`](super::is_arabic_letter)) or a digit. Every
    /// character the normalizer keeps is a word character exactly when it is
    /// `char::is_alphanumeric`, and then so is its fold.
    pub word: bool,
    /// [`is_arabic_letter`](super::is_arabic_letter).
    pub letter: bool,
    /// Kept as it is by the normalizer (`fold` is the character itself).
    pub same: bool,
}

impl ArabicChar {
    /// Deleted by the matching normalizer.
    #[inline(always)]
    pub(crate) const fn deleted(self) -> bool {
        self.fold.is_none()
    }

    /// A digit of the block (Arabic-Indic or extended Arabic-Indic): a word
    /// character that is not a letter.
    #[inline(always)]
    pub(crate) const fn digit(self) -> bool {
        self.word && !self.letter
    }

    /// Ends a word: kept (possibly folded) by the normalizer but not a word
    /// character (punctuation, symbols, signs).
    pub(crate) const fn boundary(self) -> bool {
        !self.deleted() && !self.word
    }
}

/// The characters of the block the matching normalizer deletes: harakat and
/// other combining marks (all of the block's nonspacing marks), tatweel,
/// the small high waw and yeh of Quranic text and the Arabic letter mark.
const fn deleted(cp: u32) -> bool {
    matches!(cp, 0x0610..=0x061A | 0x061C | 0x0640 | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E8 | 0x06EA..=0x06ED)
}

/// What the normalizer folds a kept character to: أ إ آ ٱ → ا, ى → ي, ة → ه,
/// ؤ → و, ئ → ي, Arabic-Indic and extended (Persian) digits → ASCII; every
/// other character to itself.
const fn folded(c: char) -> char {
    let cp = c as u32;
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ئ' => 'ي',
        '\u{0660}'..='\u{0669}' => (b'0' + (cp - 0x0660) as u8) as char,
        '\u{06F0}'..='\u{06F9}' => (b'0' + (cp - 0x06F0) as u8) as char,
        _ => c,
    }
}

/// Digits of the block: Arabic-Indic and extended Arabic-Indic.
const fn digit(cp: u32) -> bool {
    matches!(cp, 0x0660..=0x0669 | 0x06F0..=0x06F9)
}

/// The facts of U+0600 + `k` (`k` < 256).
const fn facts(k: usize) -> ArabicChar {
    let cp = BASE + k as u32;
    let Some(c) = char::from_u32(cp) else {
        return ArabicChar {
            fold: None,
            word: false,
            letter: false,
            same: false,
        };
    };
    let letter = super::is_arabic_letter(c);
    if deleted(cp) {
        ArabicChar {
            fold: None,
            word: false,
            letter,
            same: false,
        }
    } else {
        let f = folded(c);
        ArabicChar {
            fold: Some(f),
            word: letter || digit(cp),
            letter,
            same: f as u32 == cp,
        }
    }
}

/// The facts of U+0600–U+06FF, by code point minus U+0600, for `const`
/// initializers of other tables.
// Indexing in const evaluation cannot panic at run time: an out-of-range
// index fails the build.
#[allow(clippy::indexing_slicing)]
pub(crate) const TABLE: [ArabicChar; 256] = {
    let mut t = [ArabicChar {
        fold: None,
        word: false,
        letter: false,
        same: false,
    }; 256];
    let mut k = 0;
    while k < 256 {
        t[k] = facts(k);
        k += 1;
    }
    t
};

/// [`TABLE`] in memory, for lookups at run time.
static CHARS: [ArabicChar; 256] = TABLE;

/// The facts of `c` if it is in U+0600–U+06FF.
#[inline(always)]
pub(crate) fn get(c: char) -> Option<ArabicChar> {
    CHARS.get((c as u32).wrapping_sub(BASE) as usize).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::is_combining_mark;

    #[test]
    fn table_agrees_with_unicode_and_the_documented_rules() {
        let mut counts = [0usize; 3];
        for (k, a) in TABLE.iter().enumerate() {
            let cp = BASE + k as u32;
            let c = char::from_u32(cp).unwrap();
            assert_eq!(get(c), Some(*a), "U+{cp:04X}");
            assert_eq!(a.letter, super::super::is_arabic_letter(c), "U+{cp:04X}");
            // Deleted: every combining mark of the block, and besides them
            // only tatweel, the small high waw and yeh and the letter mark.
            let extra = matches!(c, '\u{0640}' | '\u{06E5}' | '\u{06E6}' | '\u{061C}');
            assert_eq!(a.deleted(), is_combining_mark(c) || extra, "U+{cp:04X}");
            let Some(f) = a.fold else {
                assert!(!a.word && !a.boundary(), "U+{cp:04X}");
                counts[0] += 1;
                continue;
            };
            // Word characters: exactly the alphanumeric ones that are kept,
            // and their folds are alphanumeric too.
            assert_eq!(a.word, c.is_alphanumeric(), "U+{cp:04X}");
            assert_eq!(a.digit(), c.is_numeric(), "U+{cp:04X}");
            assert_eq!(a.word, f.is_alphanumeric(), "U+{cp:04X} -> {f}");
            assert_eq!(a.boundary(), !a.word, "U+{cp:04X}");
            counts[1 + usize::from(a.word)] += 1;
            // Folds: digits to ASCII digits of the same value, the listed
            // letters to their base letters, everything else to itself.
            if c.is_numeric() {
                let v = (cp - if cp >= 0x06F0 { 0x06F0 } else { 0x0660 }) as u8;
                assert_eq!(f, char::from(b'0' + v), "U+{cp:04X}");
                continue;
            }
            let want = match c {
                'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
                'ى' | 'ئ' => 'ي',
                'ة' => 'ه',
                'ؤ' => 'و',
                _ => c,
            };
            assert_eq!(f, want, "U+{cp:04X}");
            assert_eq!(a.same, f == c, "U+{cp:04X}");
        }
        // Deleted marks, boundaries (punctuation, signs) and letters all occur.
        assert!(counts.iter().all(|&n| n > 20), "{counts:?}");
        assert_eq!(counts.iter().sum::<usize>(), 256);
        assert_eq!(get('a'), None);
        assert_eq!(get('\u{0700}'), None);
    }

    #[test]
    fn the_normalizer_reads_the_table() {
        for (k, a) in TABLE.iter().enumerate() {
            let c = char::from_u32(BASE + k as u32).unwrap();
            assert_eq!(super::super::fold_char(c), a.fold, "{c:?}");
            assert_eq!(super::super::is_deleted_in_matching(c), a.deleted());
            let want: String = a.fold.into_iter().collect();
            assert_eq!(super::super::normalize(&c.to_string()).text, want);
        }
    }
}
