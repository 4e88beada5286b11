//! Analysis: normalized tokens, stems and stopword flags per sentence.
//!
//! Each sentence is normalized with [`lang::normalize`] (Arabic orthographic
//! folding, digits, lower case), split into maximal runs of alphanumeric
//! characters, and every token's span is mapped back to the original text.
//! Stems come from the language's light stemmer ([`lang::stem`]); stopword
//! flags from the embedded lists ([`lang::is_stopword`]).

use crate::lang::{self, Lang};
use crate::segment::Sentence;
use crate::text::Span;

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span of the token in the original text.
    pub span: Span,
    /// The normalized form ([`lang::normalize`]).
    pub norm: String,
    /// The stem used for similarity.
    pub stem: String,
    /// True for function words.
    pub stop: bool,
}

/// The tokens of every sentence of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Tokens per sentence, parallel to the sentence list.
    pub sentences: Vec<Vec<Token>>,
}

impl Analysis {
    /// Number of tokens in all sentences.
    pub fn token_count(&self) -> usize {
        self.sentences.iter().map(Vec::len).sum()
    }
}

/// Analyzes every sentence of `text`.
///
/// ```
/// use khulasa::{analyze, segment};
/// let text = "قال الوزيرُ إن المدارس ستفتح.";
/// let sents = segment::segment(text);
/// let a = analyze::analyze(text, &sents);
/// let toks = &a.sentences[0];
/// assert_eq!(toks[1].norm, "الوزير");
/// assert_eq!(toks[1].stem, "وزير");
/// assert_eq!(toks[1].span.slice(text), "الوزيرُ");
/// assert!(toks[2].stop);
/// ```
pub fn analyze(text: &str, sentences: &[Sentence]) -> Analysis {
    Analysis {
        sentences: sentences
            .iter()
            .map(|s| tokenize(s.span.slice(text), s.span.start, s.lang))
            .collect(),
    }
}

/// Tokenizes one stretch of original text starting at byte `base` of the
/// document; token spans are document offsets.
///
/// Equivalent to running [`lang::normalize`] on `text` and splitting the
/// result into maximal runs of alphanumeric characters (a property test
/// checks this), but fused into one pass without the intermediate string and
/// offset map: deleted characters (harakat, tatweel) inside or right after a
/// word belong to it, as the offset map would assign them.
pub fn tokenize(text: &str, base: usize, lang: Lang) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 8 + 1);
    let mut buf = String::with_capacity(32);
    let mut start: Option<usize> = None;
    let finish = |buf: &mut String, s: usize, end: usize, out: &mut Vec<Token>| {
        out.push(Token {
            span: Span::new(base + s, base + end),
            norm: buf.clone(),
            stem: lang::stem(buf, lang).into_owned(),
            stop: lang::is_stopword(buf, Lang::Und),
        });
        buf.clear();
    };
    for (pos, c) in text.char_indices() {
        let mut emit = |f: char| {
            if is_word_char(f) {
                start.get_or_insert(pos);
                buf.push(f);
            } else if let Some(s) = start.take() {
                finish(&mut buf, s, pos, &mut out);
            }
        };
        fold(c, &mut emit);
    }
    if let Some(s) = start {
        finish(&mut buf, s, text.len(), &mut out);
    }
    out
}

/// Arabic letters U+0621–U+064A (all alphabetic), ASCII, then the general test.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        ('\u{0621}'..='\u{064A}').contains(&c) || c.is_alphanumeric()
    }
}

/// Compatibility characters that [`lang::normalize`] rewrites with NFKC
/// (kept in step with its list).
fn needs_nfkc(c: char) -> bool {
    matches!(c, '\u{FB00}'..='\u{FB06}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}'
        | '\u{FF01}'..='\u{FF5E}')
}

/// Feeds the matching-normalized form of `c` (zero, one or more chars) to `emit`.
#[inline]
fn fold(c: char, emit: &mut impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        // The Arabic block inline ([`lang::fold_char`] for these characters).
        match c {
            '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => emit(match c {
                'أ' | 'إ' | 'آ' => 'ا',
                'ى' => 'ي',
                'ة' => 'ه',
                'ؤ' => 'و',
                'ئ' => 'ي',
                _ => c,
            }),
            _ => {
                if let Some(f) = lang::fold_char(c) {
                    emit(f);
                }
            }
        }
    } else if needs_nfkc(c) || c.is_uppercase() {
        let mut b = [0u8; 4];
        for f in lang::normalize(c.encode_utf8(&mut b)).text.chars() {
            emit(f);
        }
    } else if let Some(f) = lang::fold_char(c) {
        emit(f);
    }
}

/// The light stem of a normalized word (Arabic or English, chosen by its
/// script); see [`lang::stem`].
pub fn stem(word: &str) -> std::borrow::Cow<'_, str> {
    lang::stem(word, Lang::Und)
}
