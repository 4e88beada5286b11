//! Stopword lists per language, embedded from `src/lang/<code>/stopwords.txt`.
//!
//! Entries are stored in the form [`normalize`](super::normalize) produces
//! (Arabic orthography folded, lower case), so a token's normalized form can
//! be looked up directly.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::Lang;

const AR: &str = include_str!("ar/stopwords.txt");
const EN: &str = include_str!("en/stopwords.txt");

/// FNV-1a for the short keys of the stopword sets.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        if self.0 == 0 {
            self.0 = 0xcbf2_9ce4_8422_2325;
        }
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type Set = HashSet<&'static str, BuildHasherDefault<Fnv>>;

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
        Lang::Und => ar_set().contains(norm) || en_set().contains(norm),
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
