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
/// uses them as integers, [`AR_ARTICLE_4`]; a test keeps both in step).
#[cfg_attr(not(test), allow(dead_code))]
const AR_ARTICLE: &[&str] = &[
    "وبال", "وكال", "فبال", "وفال", "وال", "بال", "كال", "فال", "ولل", "فلل", "لل", "ال",
];

/// Suffixes, longest first (used as integers, [`AR_SUFFIX_3`]).
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

/// [`AR_ARTICLE`] as integers ([`head`]) by length in letters: compared
/// with the first 8, 6 or 4 bytes of a word. No affix contains a zero byte,
/// so the zero padding of a short word never matches.
const AR_ARTICLE_4: [u64; 4] = [head("وبال"), head("وكال"), head("فبال"), head("وفال")];
const AR_ARTICLE_3: [u64; 6] = [
    head("وال"),
    head("بال"),
    head("كال"),
    head("فال"),
    head("ولل"),
    head("فلل"),
];
const AR_ARTICLE_2: [u64; 2] = [head("لل"), head("ال")];

/// [`AR_SUFFIX`] as integers ([`head`]) by length in letters.
const AR_SUFFIX_3: [u64; 4] = [head("هما"), head("كما"), head("تان"), head("تين")];
const AR_SUFFIX_2: [u64; 9] = [
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
const AR_SUFFIX_1: [u64; 2] = [head("ه"), head("ي")];

/// True if `x` is one of `set` (branch-free over the small fixed tables).
#[inline]
fn any_eq<const N: usize>(set: &[u64; N], x: u64) -> bool {
    set.iter().fold(false, |a, &v| a | (v == x))
}

/// ي as an integer ([`head`]).
const YEH: u64 = head("ي");

/// Stems one normalized Arabic word.
///
/// ```
/// use khulasa::lang::stem_ar;
/// assert_eq!(stem_ar("والمدارس"), "مدارس");
/// assert_eq!(stem_ar("وزير"), "وزير");
/// assert_eq!(stem_ar("الفلسطينيين"), "فلسطين");
/// ```
pub fn stem_ar(word: &str) -> &str {
    let n = char_len(word);
    if n <= 3 {
        return word;
    }
    // The divine name keeps its letters (الله is not ال + له, nor الل + ه).
    if n <= 5 && load_tail(word.as_bytes()) == head("الله") {
        if let Some(p) = ["والله", "بالله", "فالله", "الله"]
            .iter()
            .find(|&&p| p == word)
        {
            return p.strip_prefix(['و', 'ب', 'ف']).unwrap_or(p);
        }
    }
    // Affixes are compared as integers (see [`AR_ARTICLE_4`]): one
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

/// Stems a normalized word with the stemmer of `lang`: Arabic-script words
/// with [`stem_ar`], ASCII words with [`stem_en`], whatever `lang` says (so an
/// English name inside Arabic text is still stemmed sensibly).
pub fn stem(word: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    let _ = lang;
    // Most words start with a two-byte Arabic-block letter: decode it inline.
    if let [b0 @ 0xD8..=0xDB, b1, ..] = *word.as_bytes() {
        let cp = 0x0600 | (u32::from(b0 & 0x03) << 6) | u32::from(b1 & 0x3F);
        return if char::from_u32(cp).is_some_and(super::is_arabic_letter) {
            std::borrow::Cow::Borrowed(stem_ar(word))
        } else {
            std::borrow::Cow::Borrowed(word)
        };
    }
    match word.chars().next() {
        Some(c) if super::is_arabic_letter(c) => std::borrow::Cow::Borrowed(stem_ar(word)),
        Some(c) if c.is_ascii_alphabetic() => stem_en(word),
        _ => std::borrow::Cow::Borrowed(word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
