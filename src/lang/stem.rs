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

/// Article and preposition+article prefixes, longest first.
const AR_ARTICLE: &[&str] = &[
    "وبال", "وكال", "فبال", "وفال", "وال", "بال", "كال", "فال", "ولل", "فلل", "لل", "ال",
];

/// Suffixes, longest first.
const AR_SUFFIX: &[&str] = &[
    "هما", "كما", "تان", "تين", "ات", "ون", "ين", "ها", "هم", "هن", "كم", "نا", "يه", "ه", "ي",
];

fn char_len(s: &str) -> usize {
    s.chars().count()
}

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
    if n <= 5 {
        if let Some(p) = ["والله", "بالله", "فالله", "الله"]
            .iter()
            .find(|&&p| p == word)
        {
            return p.strip_prefix(['و', 'ب', 'ف']).unwrap_or(p);
        }
    }
    let mut w = word;
    let mut len = n;
    if w.starts_with(['و', 'ب', 'ك', 'ف', 'ل', 'ا']) {
        for p in AR_ARTICLE {
            if let Some(rest) = w.strip_prefix(p) {
                // Every prefix is Arabic letters, two bytes each.
                let pl = p.len() / 2;
                if len - pl >= 3 {
                    w = rest;
                    len -= pl;
                    break;
                }
            }
        }
    }
    let Some(last) = w.chars().next_back() else {
        return w;
    };
    for s in AR_SUFFIX.iter().filter(|s| s.ends_with(last)) {
        if let Some(rest) = w.strip_suffix(s) {
            // Every suffix is Arabic letters, two bytes each.
            let sl = s.len() / 2;
            if len - sl >= 3 {
                // A nisba ي left before a plural or pronoun suffix goes too
                // (الفلسطينيين → فلسطين, like فلسطيني).
                return match rest.strip_suffix('ي') {
                    Some(r) if *s != "ي" && len - sl > 4 => r,
                    _ => rest,
                };
            }
        }
    }
    w
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
    fn affixes_are_two_byte_letters() {
        // stem_ar counts affix letters as bytes / 2.
        for a in AR_ARTICLE.iter().chain(AR_SUFFIX) {
            assert_eq!(a.len(), 2 * char_len(a), "{a}");
        }
    }
}
