//! The lossy matching normalizer (Arabic orthographic folding, digits, case).

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use super::arabic;
use crate::text::OffsetMap;

/// Normalized text and the map back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized<'a> {
    /// The normalized text (borrowed when nothing changed).
    pub text: Cow<'a, str>,
    /// Maps byte offsets of `text` to byte offsets of the original.
    pub map: OffsetMap,
}

/// True for characters the matching normalizer deletes: Arabic diacritics and
/// Quranic marks, superscript alef, tatweel and invisible format characters
/// (soft hyphen, ALM, zero-width and bidi controls, BOM).
pub fn is_deleted_in_matching(c: char) -> bool {
    match arabic::get(c) {
        Some(a) => a.deleted(),
        None => is_deleted_format(c),
    }
}

/// The characters outside the Arabic block that the normalizer deletes:
/// invisible format characters (the block's own are in [`arabic`]).
#[inline]
fn is_deleted_format(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}')
}

/// Folds one character for matching, or `None` if it is deleted.
///
/// أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي, Arabic-Indic and Persian digits →
/// ASCII, ASCII upper case → lower case. Other characters are returned as is
/// (non-ASCII case folding and NFKC are handled by [`normalize`]). The
/// Arabic block U+0600–U+06FF is answered from one compile-time table of the
/// block (the crate-internal `lang::arabic`).
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if let Some(a) = arabic::get(c) {
        return a.fold;
    }
    if is_deleted_format(c) {
        None
    } else {
        Some(c)
    }
}

/// Upper case and still to be lowered: [`chars::is_uppercase`](super::chars::is_uppercase)
/// (which answers the Arabic blocks without Unicode's tables; calling
/// `char::is_uppercase` on every Arabic letter made this normalizer several
/// times slower), false for ASCII, already folded by [`fold_char`].
#[inline]
fn may_be_uppercase(c: char) -> bool {
    !c.is_ascii() && super::chars::is_uppercase(c)
}

/// Compatibility characters that NFKC rewrites and that occur in real input:
/// Arabic presentation forms (left by PDF extraction), Latin ligatures,
/// full-width forms. The one list for every normalizing pass (analysis,
/// metadata, glossary matching), so they all rewrite the same characters.
#[inline]
pub(crate) fn needs_nfkc(c: char) -> bool {
    matches!(c, '\u{FB00}'..='\u{FB06}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}'
        | '\u{FF01}'..='\u{FF5E}')
}

/// Normalizes `text` for matching and scoring.
///
/// NFKC for presentation forms and ligatures, deletion of diacritics, tatweel
/// and invisible format characters, [`fold_char`] on every character, and
/// lower-casing of non-ASCII letters. The result is idempotent:
/// `normalize(normalize(t).text) == normalize(t).text`.
///
/// ```
/// let n = khulasa::lang::normalize("وبالرَّقَّةِ");
/// assert_eq!(n.text, "وبالرقه");
/// assert_eq!(n.map.to_original(n.text.len()), "وبالرَّقَّةِ".len());
/// ```
pub fn normalize(text: &str) -> Normalized<'_> {
    if is_normal(text) {
        return Normalized {
            text: Cow::Borrowed(text),
            map: OffsetMap::identity(text.len()),
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::builder();
    for_each_folded(text, |pos, orig_len, f| {
        map.push(out.len(), f.len_utf8(), pos, orig_len);
        out.push(f);
    });
    let norm_len = out.len();
    Normalized {
        text: Cow::Owned(out),
        map: map.finish(norm_len, text.len()),
    }
}

/// [`normalize`]'s text without the offset map, for keys and lookups that
/// never point back into the original (glossary keys).
///
/// ```
/// assert_eq!(khulasa::lang::normalize_text("وبالرَّقَّةِ"), "وبالرقه");
/// ```
pub fn normalize_text(text: &str) -> Cow<'_, str> {
    // The prefix that stays as it is is copied whole; folding starts at the
    // first character that changes.
    let Some(first) = text
        .char_indices()
        .find(|&(_, c)| !is_kept(c))
        .map(|(i, _)| i)
    else {
        return Cow::Borrowed(text);
    };
    let (kept, rest) = text.split_at(first);
    let mut out = String::with_capacity(text.len());
    out.push_str(kept);
    for_each_folded(rest, |_, _, f| out.push(f));
    Cow::Owned(out)
}

/// True when [`normalize`] leaves `text` as it is.
#[inline]
fn is_normal(text: &str) -> bool {
    text.chars().all(is_kept)
}

/// True for a character that [`normalize`] keeps as it is.
#[inline]
fn is_kept(c: char) -> bool {
    fold_char(c) == Some(c) && !needs_nfkc(c) && !may_be_uppercase(c)
}

/// The normalizing pass: calls `emit(pos, len, f)` for every character `f`
/// of the normalized text, in order, with the byte offset and length of the
/// original character it comes from.
#[inline]
fn for_each_folded(text: &str, mut emit: impl FnMut(usize, usize, char)) {
    for (pos, c) in text.char_indices() {
        let orig_len = c.len_utf8();
        if needs_nfkc(c) {
            for d in std::iter::once(c).nfkc() {
                fold_one(d, |f| emit(pos, orig_len, f));
            }
        } else {
            fold_one(c, |f| emit(pos, orig_len, f));
        }
    }
}

/// [`fold_char`] and lower-casing of one character (none, one or several).
#[inline]
fn fold_one(c: char, mut emit: impl FnMut(char)) {
    let Some(f) = fold_char(c) else { return };
    if may_be_uppercase(f) {
        for l in f.to_lowercase() {
            if let Some(l) = fold_char(l) {
                emit(l);
            }
        }
    } else {
        emit(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_arabic_orthography() {
        assert_eq!(
            normalize("أميركا إسلام آمن ٱلله مستشفى مدينة").text,
            "اميركا اسلام امن الله مستشفي مدينه"
        );
        assert_eq!(normalize("مسؤول مسئول").text, "مسوول مسيول");
        assert_eq!(normalize("٢٠١٧ ۱۲").text, "2017 12");
        assert_eq!(normalize("Raqqa ÉTAT").text, "raqqa état");
    }

    #[test]
    fn deletes_marks_and_maps_back() {
        let orig = "الرَّقّـةُ x";
        let n = normalize(orig);
        assert_eq!(n.text, "الرقه x");
        // "الرقه" ends before the space; mapped back it covers the harakat.
        let end = n.text.find(' ').unwrap_or(0);
        let o_end = n.map.to_original(end);
        assert_eq!(&orig[..o_end], "الرَّقّـةُ");
        assert_eq!(n.map.to_original(end + 1), orig.len() - 1);
    }

    #[test]
    fn presentation_forms_and_digits_map_back() {
        let orig = "ﻻ ١٢٣ ok";
        let n = normalize(orig);
        assert_eq!(n.text, "لا 123 ok");
        let k = n.text.find("ok").unwrap_or(0);
        assert_eq!(&orig[n.map.to_original(k)..], "ok");
        let d = n.text.find('2').unwrap_or(0);
        assert_eq!(&orig[n.map.to_original(d)..n.map.to_original(d + 1)], "٢");
    }

    #[test]
    fn idempotent() {
        for t in ["وبالرَّقَّةِ", "ﻻ ١٢٣ OK", "آمنة"] {
            let once = normalize(t).text.into_owned();
            assert_eq!(normalize(&once).text, once);
        }
    }

    proptest::proptest! {
        #[test]
        fn text_without_map_equals_normalize(
            t in "[a-zA-Zأإآةىيـ\u{064E}\u{0651}\u{0660}-\u{0669}\u{FEF7}\u{FB01}ΩİÅ\u{200F} ]{0,20}",
        ) {
            proptest::prop_assert_eq!(normalize_text(&t), normalize(&t).text);
        }
    }
}
