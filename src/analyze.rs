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
pub fn tokenize(text: &str, base: usize, lang: Lang) -> Vec<Token> {
    let n = lang::normalize(text);
    let norm: &str = &n.text;
    let mut out = Vec::with_capacity(norm.len() / 6 + 1);
    let mut start = None;
    for (i, c) in norm
        .char_indices()
        .chain(std::iter::once((norm.len(), ' ')))
    {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            let word = norm.get(s..i).unwrap_or("");
            let span = n.map.span_to_original(Span::new(s, i));
            out.push(Token {
                span: Span::new(base + span.start, base + span.end),
                norm: word.to_string(),
                stem: lang::stem(word, lang).into_owned(),
                stop: lang::is_stopword(word, Lang::Und),
            });
        }
    }
    out
}

/// The light stem of a normalized word (Arabic or English, chosen by its
/// script); see [`lang::stem`].
pub fn stem(word: &str) -> std::borrow::Cow<'_, str> {
    lang::stem(word, Lang::Und)
}
