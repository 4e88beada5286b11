//! Light stemmers: strip clitics and inflectional affixes, never root letters.
//!
//! The Arabic stemmer is khulasa's own light affix stripper (in the spirit of
//! Light10, not Snowball, which removes root letters: وزير → زير). It expects
//! input in the form [`normalize`](super::normalize) produces (alef/hamza
//! folded, ى → ي, ة → ه) and:
//!
//! 1. leaves words of at most 3 letters alone;
//! 2. strips one article prefix (وبال بال وال كال فال لل ال …) if at least
//!    3 letters remain (الله stays); a bare conjunction و or ف is kept, since too many news
//!    words begin with those letters (وزراء ولايات وكاله واشنطن فيلم);
//! 3. strips one suffix (pronoun, plural, dual, nisba, feminine: هما ها ات ون
//!    ين تان يه ه ي …; not ان, which ends too many names: لبنان ايران) if at least 3 letters remain, and then a nisba ي if at
//!    least 4 letters remain (الفلسطينيين and فلسطيني both give فلسطين).
//!
//! The English stemmer strips plural and verbal endings (`-ies`, `-es`, `-s`,
//! `-ing`, `-ed`, `-ly`) when at least 3 letters remain.

use super::Lang;

/// Article and preposition+article prefixes, longest first (the stemmer
/// tests them as integers in `article_len`; a test keeps both in step).
#[cfg_attr(not(test), allow(dead_code))]
const AR_ARTICLE: &[&str] = &[
    "وبال", "وكال", "فبال", "وفال", "وال", "بال", "كال", "فال", "ولل", "فلل", "لل", "ال",
];

/// Suffixes, longest first (tested as integers in `suffix_len`).
#[cfg_attr(not(test), allow(dead_code))]
const AR_SUFFIX: &[&str] = &[
    "هما", "كما", "تان", "تين", "ات", "ون", "ين", "ها", "هم", "هن", "كم", "نا", "يه", "ه", "ي",
];

fn char_len(s: &str) -> usize {
    // Bytes minus UTF-8 continuation bytes (0b10xxxxxx), eight at a time:
    // cheaper than `chars().count()` on the short words stemmed here.
    fn continuation_bytes(x: u64) -> usize {
        let ones = (x & !(x << 1) & 0x8080_8080_8080_8080) >> 7;
        // Sum of the eight bytes (each 0 or 1) in the top byte.
        (ones.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
    }
    let b = s.as_bytes();
    let mut cont = 0;
    let mut rest = b;
    while let Some((c, r)) = rest.split_first_chunk::<8>() {
        cont += continuation_bytes(u64::from_le_bytes(*c));
        rest = r;
    }
    if !rest.is_empty() {
        // The last 8 bytes, shifted so that the already counted ones drop out.
        let tail = match b.last_chunk::<8>() {
            Some(c) => u64::from_le_bytes(*c) >> (8 * (8 - rest.len())),
            None => load_head(rest),
        };
        cont += continuation_bytes(tail);
    }
    b.len() - cont
}

/// The first bytes of `s` (up to 8) as a little-endian integer, zero-padded.
const fn head(s: &str) -> u64 {
    let mut b = s.as_bytes();
    let mut v = 0u64;
    let mut shift = 0;
    while let [x, rest @ ..] = b {
        if shift == 64 {
            break;
        }
        v |= (*x as u64) << shift;
        shift += 8;
        b = rest;
    }
    v
}

/// The first up to 8 bytes of `b` as a little-endian integer, zero-padded.
#[inline]
fn load_head(b: &[u8]) -> u64 {
    if let Some(c) = b.first_chunk::<8>() {
        return u64::from_le_bytes(*c);
    }
    let mut v = 0u64;
    for (i, &x) in b.iter().enumerate() {
        v |= u64::from(x) << (8 * i);
    }
    v
}

/// The last up to 8 bytes of `b` as a little-endian integer with the last
/// byte most significant (zero-padded below): the last `m` bytes are
/// `load_tail(b) >> (64 - 8 * m)`, comparable with [`head`] of a suffix.
#[inline]
fn load_tail(b: &[u8]) -> u64 {
    if let Some(c) = b.last_chunk::<8>() {
        return u64::from_le_bytes(*c);
    }
    // Fewer than 8 bytes.
    load_head(b)
        .checked_shl(8 * (8 - b.len() as u32))
        .unwrap_or(0)
}

/// Letters and letter pairs as integers ([`head`]) for the affix tests of
/// [`stem_ar`].
const ALEF: u64 = head("ا");
const WAW: u64 = head("و");
const BEH: u64 = head("ب");
const KAF: u64 = head("ك");
const FEH: u64 = head("ف");
const NOON: u64 = head("ن");
const TEH: u64 = head("ت");
const MEEM: u64 = head("م");
const HEH: u64 = head("ه");
/// ي as an integer ([`head`]).
const YEH: u64 = head("ي");
const AL: u64 = head("ال");
const LL: u64 = head("لل");

/// The length in letters of the article prefix of a word of `n` letters
/// whose first 8 bytes are `h` ([`load_head`]), 0 if none: [`AR_ARTICLE`]
/// longest first, each only if at least 3 letters remain. Every article ends
/// in ال or لل, so the tests start from that pair.
#[inline(always)]
fn article_len(h: u64, n: usize) -> usize {
    let first = h & 0xFFFF;
    let pair = h & 0xFFFF_FFFF;
    if n >= 7 && h >> 32 == AL {
        // وبال وكال فبال وفال
        if pair == head("وب") || pair == head("وك") || pair == head("فب") || pair == head("وف")
        {
            return 4;
        }
    }
    if n >= 6 {
        let next = (h >> 16) & 0xFFFF_FFFF;
        // وال بال كال فال, ولل فلل
        if (next == AL && (first == WAW || first == BEH || first == KAF || first == FEH))
            || (next == LL && (first == WAW || first == FEH))
        {
            return 3;
        }
    }
    if n >= 5 && (pair == AL || pair == LL) {
        return 2;
    }
    0
}

/// The length in letters of the suffix of a word of `len` letters whose last
/// 8 bytes are `t` ([`load_tail`]), 0 if none: [`AR_SUFFIX`] longest first,
/// each only if at least 3 letters remain, chosen by the last letter first.
#[inline(always)]
fn suffix_len(t: u64, len: usize) -> usize {
    let (l3, l2) = (t >> 16, t >> 32);
    match t >> 48 {
        // هما كما, ها نا
        ALEF if len >= 6 && (l3 == head("هما") || l3 == head("كما")) => 3,
        ALEF if len >= 5 && (l2 == head("ها") || l2 == head("نا")) => 2,
        // تان تين, ون ين هن
        NOON if len >= 6 && (l3 == head("تان") || l3 == head("تين")) => 3,
        NOON if len >= 5 && (l2 == head("ون") || l2 == head("ين") || l2 == head("هن")) => 2,
        // ات
        TEH if len >= 5 && l2 == head("ات") => 2,
        // هم كم
        MEEM if len >= 5 && (l2 == head("هم") || l2 == head("كم")) => 2,
        // يه, ه
        HEH if len >= 5 && l2 == head("يه") => 2,
        HEH | YEH if len >= 4 => 1,
        _ => 0,
    }
}

/// The divine name keeps its letters (الله is not ال + له, nor الل + ه):
/// `Some(stem)` for الله with an optional و ب ف in front; `n` is the
/// word's length in chars.
#[inline]
fn divine_name(word: &str, n: usize) -> Option<&'static str> {
    if n > 5 || load_tail(word.as_bytes()) != head("الله") {
        return None;
    }
    ["والله", "بالله", "فالله", "الله"]
        .iter()
        .find(|&&p| p == word)
        .map(|p| p.strip_prefix(['و', 'ب', 'ف']).unwrap_or(p))
}

/// Stems one normalized Arabic word.
///
/// ```
/// use khulasa::lang::stem_ar;
/// assert_eq!(stem_ar("والمدارس"), "مدارس");
/// assert_eq!(stem_ar("وزير"), "وزير");
/// assert_eq!(stem_ar("الفلسطينيين"), "فلسطين");
/// ```
#[inline]
pub fn stem_ar(word: &str) -> &str {
    let n = char_len(word);
    if n <= 3 {
        return word;
    }
    let b = word.as_bytes();
    if let Some(kept) = divine_name(word, n) {
        return kept;
    }
    // Affixes are compared as integers: one load of the word's first and
    // last bytes instead of a string comparison per affix. Every affix
    // letter is two bytes, and a match of whole two-byte letters starts and
    // ends on character boundaries. No affix contains a zero byte, so the
    // zero padding of a short word never matches.
    let mut w = word;
    let mut len = n;
    let pl = article_len(load_head(b), n);
    if pl > 0 {
        if let Some(rest) = w.get(2 * pl..) {
            w = rest;
            len -= pl;
        }
    }
    let t = load_tail(w.as_bytes());
    let sl = suffix_len(t, len);
    if sl == 0 {
        return w;
    }
    let Some(rest) = w.len().checked_sub(2 * sl).and_then(|e| w.get(..e)) else {
        return w;
    };
    // A nisba ي left before a plural or pronoun suffix goes too
    // (الفلسطينيين → فلسطين, like فلسطيني).
    if len - sl > 4 && !(sl == 1 && t >> 48 == YEH) {
        if let Some(r) = rest.strip_suffix('ي') {
            return r;
        }
    }
    rest
}

/// Stems one lower-case English word.
///
/// ```
/// use khulasa::lang::stem_en;
/// assert_eq!(stem_en("fighters"), "fighter");
/// assert_eq!(stem_en("cities"), "city");
/// assert_eq!(stem_en("news"), "news");
/// ```
pub fn stem_en(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let n = word.len();
    if n <= 3 || !word.is_ascii() {
        return Cow::Borrowed(word);
    }
    if let Some(rest) = word.strip_suffix("ies") {
        if rest.len() >= 2 {
            return Cow::Owned(format!("{rest}y"));
        }
    }
    for (suf, min) in [
        ("sses", 2),
        ("ing", 3),
        ("ed", 3),
        ("ly", 3),
        ("es", 3),
        ("s", 3),
    ] {
        if let Some(rest) = word.strip_suffix(suf) {
            if rest.len() < min {
                continue;
            }
            match suf {
                "sses" => return Cow::Owned(format!("{rest}ss")),
                "s" if rest.ends_with(['s', 'u', 'i']) || word.ends_with("ews") => {
                    return Cow::Borrowed(word)
                }
                "es" if !rest.ends_with(['s', 'x', 'z'])
                    && !rest.ends_with("ch")
                    && !rest.ends_with("sh") =>
                {
                    continue
                }
                "ing" | "ed" if !rest.contains(['a', 'e', 'i', 'o', 'u', 'y']) => {
                    return Cow::Borrowed(word)
                }
                _ => {}
            }
            return Cow::Borrowed(rest);
        }
    }
    Cow::Borrowed(word)
}

/// Arabic letters ([`super::is_arabic_letter`]) of U+0600–U+06FF as a
/// bitmap by code point - U+0600, from [`super::arabic::TABLE`] (a test
/// checks it against the function).
// Evaluated at compile time: an index out of range would fail the build.
#[allow(clippy::indexing_slicing)]
const BLOCK_LETTERS: [u64; 4] = {
    let mut m = [0u64; 4];
    let mut k = 0u32;
    while k < 256 {
        if super::arabic::TABLE[k as usize].letter {
            m[(k / 64) as usize] |= 1 << (k % 64);
        }
        k += 1;
    }
    m
};

/// True if the two-byte sequence `b0 b1` (`b0` in 0xD8–0xDB) is an Arabic
/// letter.
#[inline(always)]
fn is_block_letter(b0: u8, b1: u8) -> bool {
    let k = (u32::from(b0 & 0x03) << 6) | u32::from(b1 & 0x3F);
    BLOCK_LETTERS
        .get((k / 64) as usize)
        .is_some_and(|w| w >> (k % 64) & 1 != 0)
}

/// Stems a normalized word with the stemmer of `lang`: Arabic-script words
/// with [`stem_ar`], ASCII words with [`stem_en`], whatever `lang` says (so an
/// English name inside Arabic text is still stemmed sensibly).
#[inline]
pub fn stem(word: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    let _ = lang;
    // Most words start with a two-byte Arabic-block letter.
    if let [b0 @ 0xD8..=0xDB, b1, ..] = *word.as_bytes() {
        return std::borrow::Cow::Borrowed(if is_block_letter(b0, b1) {
            stem_ar(word)
        } else {
            word
        });
    }
    stem_other(word)
}

/// [`stem`] of a word that does not start with a letter of U+0600–U+06FF.
#[inline(never)]
fn stem_other(word: &str) -> std::borrow::Cow<'_, str> {
    match word.chars().next() {
        Some(c) if super::is_arabic_letter(c) => std::borrow::Cow::Borrowed(stem_ar(word)),
        Some(c) if c.is_ascii_alphabetic() => stem_en(word),
        _ => std::borrow::Cow::Borrowed(word),
    }
}

/// The stemmer before the affix tests were dispatched on letters, kept as
/// the reference the current one must agree with on every word.
#[cfg(test)]
mod reference {
    use super::*;

    /// [`AR_ARTICLE`] as integers ([`head`]) by length in letters: compared
    /// with the first 8, 6 or 4 bytes of a word. No affix contains a zero byte,
    /// so the zero padding of a short word never matches.
    pub(super) const AR_ARTICLE_4: [u64; 4] =
        [head("وبال"), head("وكال"), head("فبال"), head("وفال")];
    pub(super) const AR_ARTICLE_3: [u64; 6] = [
        head("وال"),
        head("بال"),
        head("كال"),
        head("فال"),
        head("ولل"),
        head("فلل"),
    ];
    pub(super) const AR_ARTICLE_2: [u64; 2] = [head("لل"), head("ال")];

    /// [`AR_SUFFIX`] as integers ([`head`]) by length in letters.
    pub(super) const AR_SUFFIX_3: [u64; 4] = [head("هما"), head("كما"), head("تان"), head("تين")];
    pub(super) const AR_SUFFIX_2: [u64; 9] = [
        head("ات"),
        head("ون"),
        head("ين"),
        head("ها"),
        head("هم"),
        head("هن"),
        head("كم"),
        head("نا"),
        head("يه"),
    ];
    pub(super) const AR_SUFFIX_1: [u64; 2] = [head("ه"), head("ي")];

    /// True if `x` is one of `set` (branch-free over the small fixed tables).
    #[inline]
    fn any_eq<const N: usize>(set: &[u64; N], x: u64) -> bool {
        set.iter().fold(false, |a, &v| a | (v == x))
    }

    /// ي as an integer ([`head`]).
    const YEH: u64 = head("ي");

    /// Stems one normalized Arabic word.
    pub(super) fn stem_ar(word: &str) -> &str {
        let n = char_len(word);
        if n <= 3 {
            return word;
        }
        if let Some(kept) = divine_name(word, n) {
            return kept;
        }
        // Affixes are compared as integers : one
        // load of the word's first and last bytes instead of a string
        // comparison per affix. Every affix letter is two bytes, and a match of
        // whole two-byte letters starts and ends on character boundaries.
        let mut w = word;
        let mut len = n;
        let h = load_head(word.as_bytes());
        let pl = if len >= 7 && any_eq(&AR_ARTICLE_4, h) {
            4
        } else if len >= 6 && any_eq(&AR_ARTICLE_3, h & 0xFFFF_FFFF_FFFF) {
            3
        } else if len >= 5 && any_eq(&AR_ARTICLE_2, h & 0xFFFF_FFFF) {
            2
        } else {
            0
        };
        if pl > 0 {
            if let Some(rest) = w.get(2 * pl..) {
                w = rest;
                len -= pl;
            }
        }
        let t = load_tail(w.as_bytes());
        let sl = if len >= 6 && any_eq(&AR_SUFFIX_3, t >> 16) {
            3
        } else if len >= 5 && any_eq(&AR_SUFFIX_2, t >> 32) {
            2
        } else if len >= 4 && any_eq(&AR_SUFFIX_1, t >> 48) {
            1
        } else {
            return w;
        };
        let Some(rest) = w.len().checked_sub(2 * sl).and_then(|e| w.get(..e)) else {
            return w;
        };
        // A nisba ي left before a plural or pronoun suffix goes too
        // (الفلسطينيين → فلسطين, like فلسطيني).
        match rest.strip_suffix('ي') {
            Some(r) if !(sl == 1 && t >> 48 == YEH) && len - sl > 4 => r,
            _ => rest,
        }
    }

    /// Stems a normalized word with the stemmer of `lang`: Arabic-script words
    /// with [`stem_ar`], ASCII words with [`stem_en`], whatever `lang` says (so an
    /// English name inside Arabic text is still stemmed sensibly).
    pub(super) fn stem(word: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
        let _ = lang;
        // Most words start with a two-byte Arabic-block letter: decode it inline.
        if let [b0 @ 0xD8..=0xDB, b1, ..] = *word.as_bytes() {
            let cp = 0x0600 | (u32::from(b0 & 0x03) << 6) | u32::from(b1 & 0x3F);
            return if char::from_u32(cp).is_some_and(crate::lang::is_arabic_letter) {
                std::borrow::Cow::Borrowed(stem_ar(word))
            } else {
                std::borrow::Cow::Borrowed(word)
            };
        }
        match word.chars().next() {
            Some(c) if crate::lang::is_arabic_letter(c) => {
                std::borrow::Cow::Borrowed(stem_ar(word))
            }
            Some(c) if c.is_ascii_alphabetic() => stem_en(word),
            _ => std::borrow::Cow::Borrowed(word),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reference::{
        AR_ARTICLE_2, AR_ARTICLE_3, AR_ARTICLE_4, AR_SUFFIX_1, AR_SUFFIX_2, AR_SUFFIX_3,
    };

    #[test]
    fn affix_tables_agree_with_lists() {
        // The integer tables hold exactly the listed affixes, each in the
        // table of its length in letters.
        let by_len = |list: &[&str]| {
            let mut v: Vec<(usize, u64)> = list.iter().map(|s| (s.len() / 2, head(s))).collect();
            v.sort_unstable();
            v
        };
        let tables = |sets: &[(usize, &[u64])]| {
            let mut v: Vec<(usize, u64)> = sets
                .iter()
                .flat_map(|&(n, set)| set.iter().map(move |&x| (n, x)))
                .collect();
            v.sort_unstable();
            v
        };
        assert_eq!(
            by_len(AR_ARTICLE),
            tables(&[(4, &AR_ARTICLE_4), (3, &AR_ARTICLE_3), (2, &AR_ARTICLE_2)]),
            "AR_ARTICLE_<n> must hold exactly AR_ARTICLE"
        );
        assert_eq!(
            by_len(AR_SUFFIX),
            tables(&[(3, &AR_SUFFIX_3), (2, &AR_SUFFIX_2), (1, &AR_SUFFIX_1)]),
            "AR_SUFFIX_<n> must hold exactly AR_SUFFIX"
        );
        assert_eq!(load_tail("xxها".as_bytes()) >> 32, head("ها"));
        assert_eq!(load_head("ال".as_bytes()), head("ال"));
        assert_eq!(char_len("aوب1"), 4);
    }

    #[test]
    fn affixes_are_two_byte_letters() {
        // stem_ar counts affix letters as bytes / 2.
        for a in AR_ARTICLE.iter().chain(AR_SUFFIX) {
            assert_eq!(a.len(), 2 * char_len(a), "{a}");
        }
    }

    #[test]
    fn block_letter_bitmap_agrees_with_is_arabic_letter() {
        for k in 0..256u32 {
            let c = char::from_u32(0x0600 + k).unwrap();
            let mut b = [0u8; 4];
            let enc = c.encode_utf8(&mut b).as_bytes();
            assert_eq!(
                is_block_letter(enc[0], enc[1]),
                crate::lang::is_arabic_letter(c),
                "U+{:04X}",
                0x0600 + k
            );
        }
    }

    #[test]
    fn stemmer_agrees_with_reference_on_generated_words() {
        // Words built from affixes, the letters they are made of, other
        // Arabic letters and a few characters of 1, 2, 3 and 4 bytes, of 0 to
        // 14 characters: the letter-dispatched stemmer must give exactly the
        // result of the table-driven one.
        let pieces: Vec<&str> = AR_ARTICLE
            .iter()
            .chain(AR_SUFFIX)
            .copied()
            .chain([
                "و", "ب", "ك", "ف", "ل", "ا", "ه", "م", "ت", "ن", "ي", "ر", "س", "د", "ع", "ز",
                "ة", "ى", "الله", "a", "s", "ies", "1", "é", "\u{0750}", "\u{FEFB}", "😀", "ـ",
            ])
            .collect();
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = |m: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % m as u64) as usize
        };
        let mut checked = 0;
        let mut stemmed = 0;
        for _ in 0..400_000 {
            let mut w = String::new();
            for _ in 0..next(7) {
                w.push_str(pieces[next(pieces.len())]);
            }
            assert_eq!(stem_ar(&w), reference::stem_ar(&w), "stem_ar({w:?})");
            assert_eq!(
                stem(&w, Lang::Und),
                reference::stem(&w, Lang::Und),
                "stem({w:?})"
            );
            checked += 1;
            stemmed += usize::from(stem_ar(&w) != w);
        }
        assert_eq!(checked, 400_000);
        // The list exercises the affix paths, not only the unchanged words.
        assert!(stemmed > 100_000, "{stemmed}");
    }
}
