//! Stopword lists per language, embedded from `src/lang/<code>/stopwords.txt`.
//!
//! Entries are stored in the form [`normalize`](super::normalize) produces
//! (Arabic orthography folded, lower case), so a token's normalized form can
//! be looked up directly.

use std::sync::OnceLock;

use super::Lang;
use crate::fasthash::FastSet;

const AR: &str = include_str!("ar/stopwords.txt");
const EN: &str = include_str!("en/stopwords.txt");

/// The stopword sets hash with [`crate::fasthash`]: several times fewer
/// instructions than a byte-at-a-time hash on Arabic words.
type Set = FastSet<&'static str>;

fn parse(list: &'static str) -> Set {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn ar_set() -> &'static Set {
    static SET: OnceLock<Set> = OnceLock::new();
    SET.get_or_init(|| parse(AR))
}

fn en_set() -> &'static Set {
    static SET: OnceLock<Set> = OnceLock::new();
    SET.get_or_init(|| parse(EN))
}

/// Both lists in one set, for [`Lang::Und`] (one lookup instead of two).
fn any_set() -> &'static Set {
    static SET: OnceLock<Set> = OnceLock::new();
    SET.get_or_init(|| parse(AR).union(&parse(EN)).copied().collect())
}

/// True if the normalized word `norm` is a function word of `lang`.
///
/// [`Lang::Und`] checks both lists, so mixed or short text still gets its
/// function words flagged.
///
/// ```
/// use khulasa::lang::{is_stopword, Lang};
/// assert!(is_stopword("في", Lang::Ar));
/// assert!(is_stopword("the", Lang::En));
/// assert!(!is_stopword("الرقه", Lang::Ar));
/// ```
pub fn is_stopword(norm: &str, lang: Lang) -> bool {
    match lang {
        Lang::Ar => ar_set().contains(norm),
        Lang::En => en_set().contains(norm),
        Lang::Und => any_set().contains(norm),
    }
}

/// The embedded stopword list of `lang` (empty for [`Lang::Und`]), in file order.
pub fn stopwords(lang: Lang) -> Vec<&'static str> {
    let list = match lang {
        Lang::Ar => AR,
        Lang::En => EN,
        Lang::Und => "",
    };
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn lists_are_normalized_and_unique() {
        for lang in [Lang::Ar, Lang::En] {
            let words = stopwords(lang);
            assert!(words.len() > 80, "{lang}: list too short");
            let set: HashSet<_> = words.iter().collect();
            assert_eq!(set.len(), words.len(), "{lang}: duplicate entries");
            for w in words {
                assert_eq!(
                    super::super::normalize(w).text,
                    w,
                    "{lang}: {w} is not normalized"
                );
            }
        }
    }
}
