//! A small tokenizer over the matching-normalized text, shared by the date
//! scanner and the figure finder.
//!
//! Tokens are words (runs of letters), numbers (runs of ASCII digits after
//! normalization, so Arabic-Indic digits are numbers too) and single
//! punctuation characters. Each token knows its span in the normalized text
//! and in the original, and whether white space precedes it.

use std::borrow::Cow;

use super::chars;
use crate::text::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Num,
    /// One other non-space character.
    Punct(char),
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    /// Its kind.
    pub kind: Kind,
    /// Byte span in the normalized text.
    pub norm: Span,
    /// Byte span in the original text.
    pub orig: Span,
    /// True if white space (or the start of the text) precedes it.
    pub space_before: bool,
    /// True if a line break lies between the previous token and this one.
    pub line_before: bool,
}

/// The normalized text and its tokens.
#[derive(Debug)]
pub(crate) struct Tokens<'a> {
    /// The normalized text.
    pub norm: Cow<'a, str>,
    /// The tokens in order.
    pub toks: Vec<Tok>,
}

impl Tokens<'_> {
    /// The normalized text of token `i`, or `""`.
    pub fn text(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| t.norm.slice(self.norm.as_ref()))
    }

    /// The kind of token `i`, if any.
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// True if token `i` is a word equal to one of `words`.
    pub fn is_word_in(&self, i: usize, words: &[&str]) -> bool {
        self.kind(i) == Some(Kind::Word) && words.contains(&self.text(i))
    }

    /// True if token `i` is the punctuation character `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct(c))
    }

    /// True if token `i` exists and touches the token before it.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// Original span covering tokens `from..to` (exclusive end).
    pub fn orig_span(&self, from: usize, to: usize) -> Span {
        let start = self.toks.get(from).map_or(0, |t| t.orig.start);
        let end = to
            .checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .map_or(start, |t| t.orig.end);
        Span::new(start, end)
    }

    /// The numeric value of a number token (saturating), if it is one.
    pub fn num(&self, i: usize) -> Option<u64> {
        if self.kind(i) != Some(Kind::Num) {
            return None;
        }
        let s = self.text(i);
        if s.len() > 18 {
            return None;
        }
        s.parse().ok()
    }

    /// Number of digits of a number token (0 for other tokens).
    pub fn digits(&self, i: usize) -> usize {
        if self.kind(i) == Some(Kind::Num) {
            self.text(i).len()
        } else {
            0
        }
    }
}

/// The character classes as first written, for the reference tokenizer.
#[cfg(test)]
fn class(c: char) -> u8 {
    if c.is_ascii_digit() {
        1
    } else if c.is_alphabetic() {
        2
    } else if c.is_whitespace() {
        0
    } else {
        3
    }
}

/// A token being read: (class, normalized start, original start).
type Open = (u8, usize, usize);

/// Tokenizes `text` (normalizing it first).
///
/// Normalization and tokenization run in one pass: a token's original span
/// runs from the original position of its first normalized character to that
/// of the next normalized character (or the end of the text), which is what
/// the offset map of [`lang::normalize`](crate::lang::normalize) gives.
pub(crate) fn tokenize(text: &str) -> Tokens<'_> {
    let mut toks = Vec::with_capacity(text.len() / 6);
    let mut space_before = true;
    let mut line_before = true;
    let mut open: Option<Open> = None;
    let mut open_flags = (true, true);
    let mut open_punct = ' ';
    fn close(toks: &mut Vec<Tok>, o: Open, p: char, flags: (bool, bool), nend: usize, oend: usize) {
        let kind = match o.0 {
            1 => Kind::Num,
            2 => Kind::Word,
            _ => Kind::Punct(p),
        };
        toks.push(Tok {
            kind,
            norm: Span::new(o.1, nend),
            orig: Span::new(o.2, oend),
            space_before: flags.0,
            line_before: flags.1,
        });
    }
    let norm = chars::fold_text(text, |c, pos, cl, npos| {
        if let Some(o) = open {
            if cl == o.0 && cl != 3 {
                return cl == 2;
            }
            close(&mut toks, o, open_punct, open_flags, npos, pos);
            open = None;
        }
        if cl == 0 {
            space_before = true;
            if c == '\n' || c == '\r' || c == '\u{2029}' || c == '\u{2028}' {
                line_before = true;
            }
            return false;
        }
        open = Some((cl, npos, pos));
        open_punct = c;
        open_flags = (space_before, line_before);
        space_before = false;
        line_before = false;
        // An open word: plain Arabic letters after it only extend it.
        cl == 2
    });
    if let Some(o) = open {
        close(&mut toks, o, open_punct, open_flags, norm.len(), text.len());
    }
    Tokens { norm, toks }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as first written: normalize, then tokenize the
    /// normalized text and map every span back.
    fn reference(text: &str) -> Vec<Tok> {
        let norm = crate::lang::normalize(text);
        let mut toks = Vec::new();
        let n: &str = norm.text.as_ref();
        let mut space_before = true;
        let mut line_before = true;
        let mut iter = n.char_indices().peekable();
        while let Some((pos, c)) = iter.next() {
            let cl = class(c);
            if cl == 0 {
                space_before = true;
                if c == '\n' || c == '\r' || c == '\u{2029}' || c == '\u{2028}' {
                    line_before = true;
                }
                continue;
            }
            let mut end = pos + c.len_utf8();
            if cl == 1 || cl == 2 {
                while let Some(&(p, d)) = iter.peek() {
                    if class(d) != cl {
                        break;
                    }
                    end = p + d.len_utf8();
                    iter.next();
                }
            }
            let kind = match cl {
                1 => Kind::Num,
                2 => Kind::Word,
                _ => Kind::Punct(c),
            };
            let nspan = Span::new(pos, end);
            toks.push(Tok {
                kind,
                norm: nspan,
                orig: norm.map.span_to_original(nspan),
                space_before,
                line_before,
            });
            space_before = false;
            line_before = false;
        }
        toks
    }

    #[test]
    fn one_pass_tokenizer_matches_the_reference() {
        let cases = [
            "",
            " ",
            "a",
            "في ١٦/٩/٢٠١٧م قُتِلَ 250 مقاتلاً.",
            "ﷺ ﻻ ﬁx ＡＢ12 İstanbul\r\n\u{2028}x — (رويترز)...؟",
            "ـــ قَتَلَ\u{200f} ، 3,000.5%\n\nالتاريخ : 4 يوليو 2017 م",
            "end with harakat قُتِلَ",
            "\u{064B}leading mark",
        ];
        for t in cases {
            assert_eq!(tokenize(t).toks, reference(t), "{t:?}");
            assert_eq!(tokenize(t).norm, crate::lang::normalize(t).text, "{t:?}");
        }
        for c in (0..=0x10_FFFFu32).step_by(7).filter_map(char::from_u32) {
            let t = format!("ab{c}1{c} ق{c}");
            assert_eq!(tokenize(&t).toks, reference(&t), "{c:?}");
        }
    }

    #[test]
    fn tokens_map_back_to_the_original() {
        let t = "في ١٦/٩/٢٠١٧م قُتِلَ 250 مقاتلاً.";
        let tk = tokenize(t);
        let texts: Vec<&str> = tk.toks.iter().map(|x| x.orig.slice(t)).collect();
        assert_eq!(
            texts,
            vec![
                "في",
                "١٦",
                "/",
                "٩",
                "/",
                "٢٠١٧",
                "م",
                "قُتِلَ",
                "250",
                "مقاتلاً",
                "."
            ]
        );
        assert_eq!(tk.text(5), "2017");
        assert!(tk.glued(6));
        assert!(!tk.glued(7));
    }
}
