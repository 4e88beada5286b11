//! Analysis: normalized tokens, stems and stopword flags per sentence.

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

const AR_STOP: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "ان",
    "او",
    "ما",
    "لا",
    "لم",
    "لن",
    "قد",
    "هذا",
    "هذه",
    "ذلك",
    "التي",
    "الذي",
    "الذين",
    "كان",
    "كانت",
    "مع",
    "بين",
    "كل",
    "بعد",
    "قبل",
    "حتي",
    "ثم",
    "هو",
    "هي",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
    "عند",
    "منذ",
    "اذا",
    "اما",
    "انه",
    "انها",
    "لكن",
    "غير",
    "ايضا",
    "تم",
];
const EN_STOP: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "is", "was", "were", "are", "be",
    "by", "for", "with", "as", "that", "this", "it", "its", "from", "has", "had", "have",
];

/// Analyzes every sentence of `text`.
pub fn analyze(text: &str, sentences: &[Sentence]) -> Analysis {
    Analysis {
        sentences: sentences
            .iter()
            .map(|s| tokenize(s.span.slice(text), s.span.start, s.lang))
            .collect(),
    }
}

/// Tokenizes one stretch of original text starting at byte `base`.
pub fn tokenize(text: &str, base: usize, lang: Lang) -> Vec<Token> {
    let n = lang::normalize(text);
    let mut out = Vec::new();
    let mut start = None;
    let norm: &str = &n.text;
    for (i, c) in norm
        .char_indices()
        .chain(std::iter::once((norm.len(), ' ')))
    {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            let word = norm.get(s..i).unwrap_or("");
            let stop = match lang {
                Lang::En => EN_STOP.contains(&word),
                _ => AR_STOP.contains(&word),
            };
            let span = n.map.span_to_original(Span::new(s, i));
            out.push(Token {
                span: Span::new(base + span.start, base + span.end),
                norm: word.to_string(),
                stem: stem(word).to_string(),
                stop,
            });
        }
    }
    out
}

/// A light stem: strips one article/conjunction prefix when enough remains.
pub fn stem(word: &str) -> &str {
    for p in ["وال", "بال", "كال", "فال", "لل", "ال"] {
        if let Some(rest) = word.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                return rest;
            }
        }
    }
    word
}
