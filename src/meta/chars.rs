//! The matching normalizer and word tables, for the hot loops of metadata
//! and facts extraction.
//!
//! The character classes come from [`lang::chars`] (one table-backed
//! implementation for the crate; [`is_alpha`] and [`is_alnum`] are its
//! `is_alphabetic` and `is_alphanumeric` under their names here).
//! [`normalize`] gives exactly the output (text and offset map) of
//! [`lang::normalize`] with fast paths for ASCII and the Arabic block;
//! [`fold_text`] normalizes and reports token classes in one pass for the
//! tokenizer.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

use crate::fasthash::FastMap;
use crate::lang::chars::{all_flags, table, ALPHA, AR_LETTER, LATIN, NUMERIC, UNCHANGED, WS};
pub(crate) use crate::lang::chars::{is_alphabetic as is_alpha, is_alphanumeric as is_alnum};
use crate::lang::{self, Normalized};
use crate::text::{OffsetMap, OffsetMapBuilder};

/// Same as `s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())`.
pub(crate) fn alnum_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_alnum(c)).filter(|w| !w.is_empty())
}

/// Counts words (runs of letters or digits), without allocating.
pub(crate) fn count_words(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let w = is_alnum(c);
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

/// The slow, general path of the normalizer for one folded character.
fn emit_folded(c: char, pos: usize, orig_len: usize, out: &mut impl FnMut(char, usize, usize)) {
    let Some(f) = lang::fold_char(c) else { return };
    if f.is_uppercase() {
        for l in f.to_lowercase() {
            if let Some(l) = lang::fold_char(l) {
                out(l, pos, orig_len);
            }
        }
    } else {
        out(f, pos, orig_len);
    }
}

/// `lang::fold_char` over the Arabic block U+0600–U+06FF, from the block's
/// table in `lang`: the folded code point, or `u32::MAX` for a deleted
/// character.
// Indexing in const evaluation cannot panic at run time: an out-of-range
// index fails the build.
#[allow(clippy::indexing_slicing)]
static ARABIC_FOLDS: [u32; 256] = {
    let mut t = [u32::MAX; 256];
    let mut k = 0;
    while k < 256 {
        if let Some(f) = lang::arabic::TABLE[k].fold {
            t[k] = f as u32;
        }
        k += 1;
    }
    t
};

/// The plain Arabic letters of U+0600–U+06FF, as a bit set: the letters of
/// the block's table in `lang` that the normalizer keeps as they are (all of
/// them alphabetic, none numeric, white space or upper case; a test checks
/// this against `compute_flags`).
#[allow(clippy::indexing_slicing)] // const evaluation, as above
const PLAIN_ARABIC: [u64; 4] = {
    let mut s = [0u64; 4];
    let mut k = 0;
    while k < 256 {
        let a = lang::arabic::TABLE[k];
        if a.letter && a.same {
            s[k / 64] |= 1 << (k % 64);
        }
        k += 1;
    }
    s
};

/// `lang::fold_char` over the Arabic block U+0600–U+06FF, as a table:
/// the folded code point, or `u32::MAX` for a deleted character.
#[inline]
fn arabic_folds() -> &'static [u32; 256] {
    &ARABIC_FOLDS
}

/// `lang::fold_char` for a character of the Arabic block.
#[inline]
fn fold_arabic(c: char) -> Option<char> {
    let i = (c as usize).checked_sub(0x0600)?;
    arabic_folds().get(i).and_then(|&f| char::from_u32(f))
}

/// Runs the matching normalizer over the character `c` at byte `pos` of the
/// original and calls `out(char, pos, orig_len)` for each normalized
/// character it produces (none when `c` is deleted).
#[inline]
pub(crate) fn fold_one(c: char, pos: usize, out: &mut impl FnMut(char, usize, usize)) {
    if c.is_ascii() {
        out(c.to_ascii_lowercase(), pos, 1);
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        // The Arabic block: no NFKC, folds to Arabic letters or ASCII
        // digits, none of them upper case.
        if let Some(f) = fold_arabic(c) {
            out(f, pos, 2);
        }
    } else {
        let orig_len = c.len_utf8();
        if lang::needs_nfkc(c) {
            for d in std::iter::once(c).nfkc() {
                emit_folded(d, pos, orig_len, out);
            }
        } else {
            emit_folded(c, pos, orig_len, out);
        }
    }
}

/// The token class of a normalized character with flags `f`: 1 for an ASCII
/// digit, 2 for a letter (`char::is_alphabetic`), 0 for white space, 3 for
/// anything else.
#[inline]
fn class_of(c: char, f: u8) -> u8 {
    if c.is_ascii_digit() {
        1
    } else if f & ALPHA != 0 {
        2
    } else if f & WS != 0 {
        0
    } else {
        3
    }
}

/// `PLAIN_ARABIC`, computed.
#[cfg(test)]
fn compute_plain_arabic() -> [u64; 4] {
    let mut s = [0u64; 4];
    let want = ALPHA | AR_LETTER | UNCHANGED;
    for (k, cp) in (0x0600u32..0x0700).enumerate() {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let f = lang::chars::compute_flags(c);
        if f & want == want && f & (WS | NUMERIC) == 0 && !c.is_ascii_digit() {
            if let Some(w) = s.get_mut(k / 64) {
                *w |= 1 << (k % 64);
            }
        }
    }
    s
}

/// `arabic_folds`, computed.
#[cfg(test)]
fn compute_arabic_folds() -> [u32; 256] {
    let mut t = [u32::MAX; 256];
    for (cp, slot) in (0x0600u32..).zip(t.iter_mut()) {
        if let Some(f) = char::from_u32(cp).and_then(lang::fold_char) {
            *slot = f as u32;
        }
    }
    t
}

/// The end of the run of plain Arabic letters (see [`PLAIN_ARABIC_PAIRS`])
/// starting at byte `i` of `b` (`i` itself when there is none).
#[inline]
fn plain_arabic_run(b: &[u8], mut i: usize) -> usize {
    while plain_pair(b.get(i..).unwrap_or(&[])) {
        i += 2;
    }
    i
}

/// The character at byte `pos` of `text` (a char boundary), decoded with a
/// fast path for ASCII.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<char> {
    let b = text.as_bytes();
    match b.get(pos) {
        Some(&b0) if b0 < 0x80 => Some(char::from(b0)),
        // Two-byte sequences (Arabic, Latin-1…): `text` is valid UTF-8, so
        // the next byte is their continuation byte.
        Some(&b0) if (0xC2..0xE0).contains(&b0) => b
            .get(pos + 1)
            .and_then(|&b1| char::from_u32((u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F))),
        Some(_) => text.get(pos..).and_then(|s| s.chars().next()),
        None => None,
    }
}

/// Normalizes `text` like [`lang::normalize`] and calls
/// `out(char, orig_pos, class, norm_pos)` for every character of the result,
/// in order, with its token class (see `class_of`) and its byte offset in the
/// result.
///
/// When `out` returns true for the last character it got (an open word),
/// the run of plain Arabic letters after it is not reported: those letters
/// only extend the word. Their positions in the result are unchanged.
#[inline]
pub(crate) fn fold_text(
    text: &str,
    mut out: impl FnMut(char, usize, u8, usize) -> bool,
) -> Cow<'_, str> {
    let t = table();
    let bytes = text.as_bytes();
    let mut norm = String::new();
    let mut changed = false;
    // Characters from `same_from` on are unchanged and not copied yet.
    let mut same_from = 0;
    let mut pos = 0;
    while let Some(c) = char_at(text, pos) {
        let f = all_flags(t, c);
        let next = pos + c.len_utf8();
        let skip;
        if f & UNCHANGED != 0 {
            skip = out(c, pos, class_of(c, f), norm.len() + (pos - same_from));
        } else {
            if !changed {
                changed = true;
                norm.reserve(text.len());
            }
            norm.push_str(text.get(same_from..pos).unwrap_or(""));
            let mut last = false;
            fold_one(c, pos, &mut |o, p, _| {
                let npos = norm.len();
                norm.push(o);
                last = out(o, p, class_of(o, all_flags(t, o)), npos);
            });
            // A deleted character leaves the open token as it was.
            skip = last;
            same_from = next;
        }
        pos = if skip {
            plain_arabic_run(bytes, next)
        } else {
            next
        };
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    norm.push_str(text.get(same_from..).unwrap_or(""));
    Cow::Owned(norm)
}

/// Exactly [`lang::normalize`] (same text, same offset map), faster on
/// Arabic and ASCII text.
pub(crate) fn normalize(text: &str) -> Normalized<'_> {
    let t = table();
    // Stretches of characters the normalizer leaves alone are copied whole:
    // one map entry for a stretch is what one entry per character gives
    // (the builder only records where runs break).
    let mut out = String::new();
    let mut map = OffsetMap::builder();
    let mut changed = false;
    let mut same_from = 0;
    let flush = |out: &mut String, map: &mut OffsetMapBuilder, from: usize, to: usize| {
        if to > from {
            map.push(out.len(), to - from, from, to - from);
            out.push_str(text.get(from..to).unwrap_or(""));
        }
    };
    let bytes = text.as_bytes();
    let mut pos = 0;
    loop {
        // A run of plain Arabic letters: unchanged.
        pos = plain_arabic_run(bytes, pos);
        let Some(c) = char_at(text, pos) else { break };
        let next = pos + c.len_utf8();
        if all_flags(t, c) & UNCHANGED != 0 {
            pos = next;
            continue;
        }
        if !changed {
            changed = true;
            out.reserve(text.len());
        }
        flush(&mut out, &mut map, same_from, pos);
        fold_one(c, pos, &mut |o, p, l| {
            map.push(out.len(), o.len_utf8(), p, l);
            out.push(o);
        });
        same_from = next;
        pos = next;
    }
    if changed {
        flush(&mut out, &mut map, same_from, text.len());
        let norm_len = out.len();
        Normalized {
            text: Cow::Owned(out),
            map: map.finish(norm_len, text.len()),
        }
    } else {
        Normalized {
            text: Cow::Borrowed(text),
            map: OffsetMap::identity(text.len()),
        }
    }
}

/// What [`scan_collapsed`] finds in a line.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Collapsed {
    /// [`lang::normalize`] of the line, white space collapsed
    /// (`split_whitespace` joined with single spaces).
    pub norm: String,
    /// Its words: runs of letters and digits (as [`count_words`]).
    pub words: usize,
    /// Its Arabic and Latin letters (as [`letter_counts`]).
    pub letters: (usize, usize),
    /// True if the normalized text holds a colon (`:` or `：`).
    pub colon: bool,
}

/// Arabic-block code points (U+0600–U+06FF) that are Arabic letters
/// (`lang::is_arabic_letter`, alphabetic) left unchanged by the normalizer
/// (inside a word they change nothing but counts, so the hot loops skip runs
/// of them two bytes at a time), by their two UTF-8 bytes read as a
/// big-endian `u16` (lead bytes 0xD8–0xDB are U+0600–U+06FF): a direct
/// index, no range test. Built at compile time from the bit set
/// [`PLAIN_ARABIC`].
#[allow(clippy::indexing_slicing)] // const evaluation: i < 0xDC00 and k < 256 by construction
static PLAIN_ARABIC_PAIRS: [bool; 0x1_0000] = {
    let mut t = [false; 0x1_0000];
    let mut i = 0xD800;
    while i < 0xDC00 {
        let b0 = i >> 8;
        let b1 = i & 0xFF;
        if b1 & 0xC0 == 0x80 {
            let k = ((b0 & 3) << 6) | (b1 & 0x3F);
            t[i] = PLAIN_ARABIC[k / 64] >> (k % 64) & 1 == 1;
        }
        i += 1;
    }
    t
};

/// True if `b` starts with a plain Arabic letter.
#[inline]
fn plain_pair(b: &[u8]) -> bool {
    match b {
        [c0, c1, ..] => PLAIN_ARABIC_PAIRS
            .get(usize::from(u16::from_be_bytes([*c0, *c1])))
            .copied()
            .unwrap_or(false),
        _ => false,
    }
}

/// The end of the stretch of plain Arabic letters and single ASCII spaces
/// between them that starts at byte `pos` of `b` (`pos` itself when there
/// is none), and the number of spaces in it.
#[inline]
fn plain_arabic_words(b: &[u8], pos: usize) -> (usize, usize) {
    let mut rest = b.get(pos..).unwrap_or(&[]);
    let len = rest.len();
    let mut spaces = 0;
    loop {
        while plain_pair(rest) {
            rest = rest.get(2..).unwrap_or(&[]);
        }
        match rest {
            [b' ', tail @ ..] if rest.len() < len && plain_pair(tail) => {
                spaces += 1;
                rest = tail;
            }
            _ => break,
        }
    }
    (pos + (len - rest.len()), spaces)
}

/// Writes the space that stands for pending white space, if any.
#[inline]
fn space(out: &mut String, pending: &mut bool) {
    if *pending {
        if !out.is_empty() {
            out.push(' ');
        }
        *pending = false;
    }
}

/// The output of [`scan_collapsed`] so far: `out` followed by the stretch
/// `text[from..pos]`, which is copied as it is and not written yet.
struct Stretch<'a> {
    text: &'a str,
    out: String,
    from: usize,
    /// White space seen since the last character of the output.
    pending: bool,
    /// The stretch ends with a single ASCII space that is still to be
    /// confirmed by a character after it (never with `pending`).
    tentative: bool,
}

impl Stretch<'_> {
    /// Writes the stretch up to `pos`; a tentative space becomes pending.
    #[inline]
    fn flush(&mut self, pos: usize) {
        let end = if self.tentative {
            self.tentative = false;
            self.pending = true;
            pos - 1
        } else {
            pos
        };
        if end > self.from {
            self.out
                .push_str(self.text.get(self.from..end).unwrap_or(""));
        }
    }

    /// A character at `pos` that the output copies: the stretch goes on.
    #[inline]
    fn keep(&mut self, pos: usize) {
        if self.pending {
            // The stretch is empty: pending white space was written out.
            self.flush(pos);
            space(&mut self.out, &mut self.pending);
            self.from = pos;
        } else {
            self.tentative = false;
        }
    }

    /// Output characters `o` in place of the text up to `next`.
    #[inline]
    fn replace(&mut self, pos: usize, next: usize, emit: impl FnOnce(&mut String, &mut bool)) {
        self.flush(pos);
        emit(&mut self.out, &mut self.pending);
        self.from = next;
    }
}

/// Writes the normalized character `o` (white space becomes pending).
#[inline]
fn put(out: &mut String, pending: &mut bool, o: char, ws: bool) {
    if ws {
        *pending = true;
    } else {
        space(out, pending);
        out.push(o);
    }
}

/// Normalizes a line, collapses its white space and counts its words and
/// letters, in one pass and without an offset map: the same text and counts
/// as [`normalize`] followed by collapsing, for lines that need no offsets.
pub(crate) fn scan_collapsed(text: &str) -> Collapsed {
    let t = table();
    let folds = arabic_folds();
    let bytes = text.as_bytes();
    let mut st = Stretch {
        text,
        out: String::with_capacity(text.len()),
        from: 0,
        pending: false,
        tentative: false,
    };
    let mut words = 0;
    let mut in_word = false;
    let mut letters = (0, 0);
    let mut colon = false;
    let mut pos = 0;
    loop {
        // Plain Arabic letters, and single spaces between them: copied as
        // they are; each space starts a word.
        let (end, spaces) = plain_arabic_words(bytes, pos);
        if end > pos {
            letters.0 += (end - pos - spaces) / 2;
            words += spaces + usize::from(!in_word);
            in_word = true;
            st.keep(pos);
            pos = end;
        }
        let Some(&b0) = bytes.get(pos) else { break };
        let f;
        if b0 & 0xFC == 0xD8 {
            // The rest of the Arabic block, U+0600–U+06FF: two bytes,
            // folded to an Arabic character or an ASCII digit (never white
            // space nor upper case), or deleted.
            let b1 = bytes.get(pos + 1).copied().unwrap_or(0);
            let k = (usize::from(b0 & 3) << 6) | usize::from(b1 & 0x3F);
            f = t.get(0x600 + k).copied().unwrap_or(0);
            let fold = folds.get(k).copied().unwrap_or(u32::MAX);
            if fold == 0x600 + k as u32 {
                st.keep(pos);
            } else {
                st.replace(pos, pos + 2, |out, pending| {
                    if let Some(o) = char::from_u32(fold) {
                        put(out, pending, o, false);
                    }
                });
            }
            pos += 2;
        } else if b0 < 0x80 {
            f = t.get(usize::from(b0)).copied().unwrap_or(0);
            if b0 == b' ' {
                if !st.pending && !st.tentative && (pos > st.from || !st.out.is_empty()) {
                    st.tentative = true;
                } else {
                    st.replace(pos, pos + 1, |_, pending| *pending = true);
                }
            } else if f & WS != 0 || b0.is_ascii_uppercase() {
                let o = char::from(b0.to_ascii_lowercase());
                st.replace(pos, pos + 1, |out, pending| {
                    put(out, pending, o, f & WS != 0);
                });
            } else {
                colon |= b0 == b':';
                st.keep(pos);
            }
            pos += 1;
        } else {
            let Some(c) = char_at(text, pos) else { break };
            f = all_flags(t, c);
            let next = pos + c.len_utf8();
            if f & (UNCHANGED | WS) == UNCHANGED {
                st.keep(pos);
            } else {
                colon |= c == '：';
                st.replace(pos, next, |out, pending| {
                    fold_one(c, pos, &mut |o, _, _| {
                        put(out, pending, o, all_flags(t, o) & WS != 0);
                    });
                });
            }
            pos = next;
        }
        if f & AR_LETTER != 0 {
            letters.0 += 1;
        } else if f & LATIN != 0 {
            letters.1 += 1;
        }
        let w = f & (ALPHA | NUMERIC) != 0;
        if w && !in_word {
            words += 1;
        }
        in_word = w;
    }
    st.flush(text.len());
    Collapsed {
        norm: st.out,
        words,
        letters,
        colon,
    }
}

/// A word table: word → value, the first entry winning like a linear
/// `find` over the table would. A bit filter on the length and the last
/// bytes rejects most other words before hashing them.
#[derive(Debug)]
pub(crate) struct WordTable<V> {
    map: FastMap<&'static str, V>,
    filter: [[u64; 4]; 32],
}

/// The filter slot and bit of a non-empty word.
#[inline]
fn signature(w: &str) -> Option<(usize, u32)> {
    let b = w.as_bytes();
    let n = b.len();
    let last = u32::from(*b.last()?);
    let second = u32::from(*b.get(1).or(b.first())?);
    let third_last = u32::from(*b.get(n.saturating_sub(3)).or(b.first())?);
    Some((n & 31, (last * 151 + second * 73 + third_last * 11) & 255))
}

impl<V> WordTable<V> {
    /// Builds a table from `(word, value)` pairs, keeping the first value of
    /// a repeated word.
    pub(crate) fn new(pairs: impl IntoIterator<Item = (&'static str, V)>) -> Self {
        let mut map = FastMap::default();
        let mut filter = [[0u64; 4]; 32];
        for (k, v) in pairs {
            if let Some((slot, bit)) = signature(k) {
                if let Some(f) = filter
                    .get_mut(slot)
                    .and_then(|f| f.get_mut(bit as usize / 64))
                {
                    *f |= 1 << (bit % 64);
                }
            }
            map.entry(k).or_insert(v);
        }
        WordTable { map, filter }
    }

    /// The value of `w`, if it is in the table.
    #[inline]
    pub(crate) fn get(&self, w: &str) -> Option<&V> {
        let (slot, bit) = signature(w)?;
        let word = self.filter.get(slot).and_then(|f| f.get(bit as usize / 64));
        if word.is_some_and(|f| f >> (bit % 64) & 1 == 1) {
            self.map.get(w)
        } else {
            None
        }
    }

    /// True if `w` is in the table.
    #[inline]
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
}

/// A set of words.
pub(crate) fn word_set(words: &[&'static str]) -> WordTable<()> {
    WordTable::new(words.iter().map(|&w| (w, ())))
}

/// Letter counts of a stretch of text as [`lang::detect`] counts them:
/// (Arabic letters, Latin letters). The reference for [`scan_collapsed`].
#[cfg(test)]
fn letter_counts(c: char, counts: &mut (usize, usize)) {
    let (ar, latin) = match lang::chars::flags(c) {
        Some(f) => (f & AR_LETTER != 0, f & LATIN != 0),
        None => (lang::is_arabic_letter(c), lang::chars::is_latin_letter(c)),
    };
    if ar {
        counts.0 += 1;
    } else if latin {
        counts.1 += 1;
    }
}

/// The language [`lang::detect`] gives for these letter counts.
pub(crate) fn lang_of(counts: (usize, usize)) -> lang::Lang {
    let (ar, latin) = counts;
    if ar == 0 && latin == 0 {
        lang::Lang::Und
    } else if ar >= latin {
        lang::Lang::Ar
    } else {
        lang::Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_tables_are_computed_ones() {
        assert_eq!(ARABIC_FOLDS, compute_arabic_folds());
        assert_eq!(PLAIN_ARABIC, compute_plain_arabic());
    }

    #[test]
    fn classes_are_std_under_their_names_here() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn normalize_matches_lang_for_every_char() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let s = format!("ب{c}a{c}");
            assert_eq!(normalize(&s), lang::normalize(&s), "{c:?}");
            let s = c.to_string();
            assert_eq!(normalize(&s), lang::normalize(&s), "{c:?}");
        }
    }

    #[test]
    fn normalize_matches_lang_on_mixed_text() {
        for s in [
            "",
            "abc",
            "ABC ﻻ ﷺ İstanbul وبالرَّقَّةِ ١٦/٩/٢٠١٧م",
            "قُتِلَ 250 مقاتلاً.\n\u{200f}Ｆｕｌｌ ﬁ",
        ] {
            assert_eq!(normalize(s), lang::normalize(s), "{s:?}");
        }
    }

    #[test]
    fn letter_counts_give_detect() {
        for s in [
            "",
            "abc قال",
            "Reuters (رويترز) photo",
            "١٢٣",
            "Ünïcödé ab ت",
            "ﻻ ﻻ abc",
        ] {
            let mut n = (0, 0);
            s.chars().for_each(|c| letter_counts(c, &mut n));
            assert_eq!(lang_of(n), lang::detect(s), "{s:?}");
            let scan = scan_collapsed(s);
            assert_eq!((scan.words, scan.letters), (count_words(s), n), "{s:?}");
        }
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let mut n = (0, 0);
            letter_counts(c, &mut n);
            let want = (
                usize::from(lang::is_arabic_letter(c)),
                usize::from(!lang::is_arabic_letter(c) && lang::chars::is_latin_letter(c)),
            );
            assert_eq!(n, want, "{c:?}");
            let s = c.to_string();
            let scan = scan_collapsed(&s);
            assert_eq!(
                (scan.words, scan.letters),
                (usize::from(c.is_alphanumeric()), n)
            );
        }
    }

    #[test]
    fn word_tables_find_their_words_only() {
        let words = [
            "الف",
            "ب",
            "ثلاثمايه",
            "الف",
            "a longer entry than thirty-two bytes",
        ];
        let t = WordTable::new(words.iter().copied().zip(0..));
        assert_eq!(t.get("الف"), Some(&0));
        assert_eq!(t.get("ب"), Some(&1));
        assert_eq!(t.get("a longer entry than thirty-two bytes"), Some(&4));
        for w in ["", "ال", "الفا", "x", "ثلاثمايه "] {
            assert_eq!(t.get(w), None);
        }
    }

    #[test]
    fn folded_characters_are_the_normalized_text() {
        for s in [
            "",
            "ABC ﻻ ﷺ İstanbul وبالرَّقَّةِ ١٦/٩/٢٠١٧م",
            "Ｆｕｌｌ ﬁ\t\u{a0}²",
        ] {
            let mut got = String::new();
            let norm = fold_text(s, |c, _, class, npos| {
                assert_eq!(npos, got.len());
                got.push(c);
                let want = if c.is_ascii_digit() {
                    1
                } else if c.is_alphabetic() {
                    2
                } else if c.is_whitespace() {
                    0
                } else {
                    3
                };
                assert_eq!(class, want, "{c:?}");
                false
            });
            assert_eq!(got, lang::normalize(s).text);
            assert_eq!(norm, got);
        }
    }

    /// `lang::normalize` followed by collapsing white space, and the
    /// reference counts.
    fn collapsed_reference(s: &str) -> Collapsed {
        let mut letters = (0, 0);
        s.chars().for_each(|c| letter_counts(c, &mut letters));
        Collapsed {
            norm: lang::normalize(s)
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            words: s
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count(),
            letters,
            colon: lang::normalize(s).text.contains([':', '：']),
        }
    }

    #[test]
    fn collapsed_scan_is_scan_and_collapse() {
        // Every code point up to U+30FF (tables, Arabic, the white-space and
        // format characters) and the presentation forms; a sample elsewhere
        // (the whole range took most of the unit-test time in debug builds).
        let code_points = (0..0x3100u32)
            .chain(0xFB00..=0xFFFF)
            .chain((0x3100..0xFB00).step_by(13))
            .chain((0x1_0000..=0x10_FFFF).step_by(97));
        for c in code_points.filter_map(char::from_u32) {
            for s in [
                c.to_string(),
                format!("ب{c}a {c}"),
                format!(" {c}قال\t{c}{c}ة "),
                format!("{c} 1{c}"),
            ] {
                assert_eq!(scan_collapsed(&s), collapsed_reference(&s), "{c:?}");
            }
        }
        let pieces = [
            "قال", "أحمد", " ", "  ", "\t", "\u{a0}", "\u{3000}", "ـ", "َ", "ة", "١٢", "12", "AB",
            "é", "ﻻ", "ﷺ", "\u{200f}", ":", "：", "،", ".", "\n", "\u{85}", "x", "ى",
        ];
        for s in crate::meta::glued_pieces(&pieces, 50_000, 0..10, 0x2545_F491_4F6C_DD1D) {
            assert_eq!(scan_collapsed(&s), collapsed_reference(&s), "{s:?}");
        }
    }

    #[test]
    fn counts_words() {
        for s in ["", "  ", "a b", "قال، إن 3 مقاتلين-قتلوا", "x"] {
            assert_eq!(
                count_words(s),
                s.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .count()
            );
        }
    }
}
