//! Languages: codes, script detection and the normalizer used for matching.
//!
//! Normalization here is *lossy* and exists only for matching and scoring;
//! every output of khulasa quotes the original text. [`normalize`] returns the
//! normalized string together with an [`OffsetMap`](crate::text::OffsetMap)
//! back to the original.

pub(crate) mod arabic;
mod char_tables;
pub(crate) mod chars;
mod normalize;
mod stem;
mod stopwords;

pub(crate) use normalize::needs_nfkc;
pub use normalize::{fold_char, is_deleted_in_matching, normalize, normalize_text, Normalized};
pub use stem::{stem, stem_ar, stem_en};
pub use stopwords::{is_stopword, stopwords};

use serde::{Deserialize, Serialize};

/// A language, named by its BCP-47 code in files, flags and JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Lang {
    /// Arabic (`ar`).
    Ar,
    /// English (`en`).
    En,
    /// Undetermined (`und`): no letters, or a script khulasa has no profile for.
    Und,
}

impl Lang {
    /// The BCP-47 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
            Lang::Und => "und",
        }
    }

    /// Parses a BCP-47 code (`ar`, `ar-SY`, `en-GB`…); unknown codes give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            "und" => Some(Lang::Und),
            _ => None,
        }
    }

    /// True for right-to-left scripts.
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// True for letters of the Arabic script (base letters, not harakat).
pub const fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}' | '\u{FB50}'..='\u{FDFB}'
        | '\u{FE70}'..='\u{FEFC}')
}

/// Guesses the language of a stretch of text from its letters: Arabic when
/// Arabic letters are at least as many as Latin ones, English when Latin
/// letters dominate, [`Lang::Und`] when there are no letters.
pub fn detect(text: &str) -> Lang {
    let (mut ar, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if is_arabic_letter(c) {
            ar += 1;
        } else if chars::is_latin_letter(c) {
            latin += 1;
        }
    }
    if ar == 0 && latin == 0 {
        Lang::Und
    } else if ar >= latin {
        Lang::Ar
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_script() {
        assert_eq!(detect("قافلة لمقاتلي تنظيم الدولة (رويترز)"), Lang::Ar);
        assert_eq!(
            detect("Militant fighters parade in Raqqa, Syria."),
            Lang::En
        );
        assert_eq!(detect("2017 - 12"), Lang::Und);
        assert_eq!(Lang::from_code("ar-SY"), Some(Lang::Ar));
    }
}
