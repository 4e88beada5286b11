//! Abbreviation lists: which full stops are not terminals.

use std::collections::HashMap;

/// The bundled Arabic list (format described in its header).
pub(crate) const AR_LIST: &str = include_str!("../lang/ar/abbreviations.txt");
/// The bundled English list.
pub(crate) const EN_LIST: &str = include_str!("../lang/en/abbreviations.txt");

/// How the full stop after an abbreviation is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AbbrevClass {
    /// Never ends a sentence by itself (`د.`, `Mr.`, `ص.ب.`).
    Title,
    /// `م.` / `هـ.`: a terminal after a number (`1982 م.`), a title elsewhere.
    Era,
    /// Continues unless the next word clearly starts a new sentence (`ق.م.`).
    Cont,
    /// May end a sentence; decided by the next word (`Inc.`, `U.S.`, `إلخ.`).
    Final,
}

impl AbbrevClass {
    fn parse(s: &str) -> Option<AbbrevClass> {
        match s.trim() {
            "title" => Some(AbbrevClass::Title),
            "era" => Some(AbbrevClass::Era),
            "cont" => Some(AbbrevClass::Cont),
            "final" => Some(AbbrevClass::Final),
            _ => None,
        }
    }
}

/// Longest abbreviation key looked up, in bytes (bounds the work per stop).
pub(crate) const MAX_KEY: usize = 24;

/// A lookup table from abbreviation (without final stop) to class.
#[derive(Debug, Clone, Default)]
pub(crate) struct Abbrevs {
    map: HashMap<String, AbbrevClass>,
}

impl Abbrevs {
    /// Adds the entries of a list in the bundled format (`abbr<TAB>class`,
    /// `#` comments). Lines without a valid class are added as `Final`.
    pub(crate) fn add_list(&mut self, list: &str) {
        for line in list.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let abbr = fields.next().unwrap_or("").trim().trim_end_matches('.');
            if abbr.is_empty() || abbr.len() > MAX_KEY {
                continue;
            }
            let class = fields
                .next()
                .and_then(AbbrevClass::parse)
                .unwrap_or(AbbrevClass::Final);
            self.map.insert(abbr.to_string(), class);
        }
    }

    /// Adds one abbreviation.
    pub(crate) fn insert(&mut self, abbr: &str, class: AbbrevClass) {
        let abbr = abbr.trim().trim_end_matches('.');
        if !abbr.is_empty() && abbr.len() <= MAX_KEY {
            self.map.insert(abbr.to_string(), class);
        }
    }

    /// Looks up the token before a stop (exact, then with a lower-cased first
    /// letter so that `E.g` finds `e.g`).
    pub(crate) fn get(&self, token: &str) -> Option<AbbrevClass> {
        if token.is_empty() || token.len() > MAX_KEY {
            return None;
        }
        if let Some(c) = self.map.get(token) {
            return Some(*c);
        }
        let mut chars = token.chars();
        let first = chars.next()?;
        if first.is_ascii_uppercase() {
            let mut lower = String::with_capacity(token.len());
            lower.push(first.to_ascii_lowercase());
            lower.push_str(chars.as_str());
            return self.map.get(&lower).copied();
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lists_parse() {
        let mut a = Abbrevs::default();
        a.add_list(AR_LIST);
        a.add_list(EN_LIST);
        assert_eq!(a.get("د"), Some(AbbrevClass::Title));
        assert_eq!(a.get("أ.د"), Some(AbbrevClass::Title));
        assert_eq!(a.get("ق.م"), Some(AbbrevClass::Cont));
        assert_eq!(a.get("م"), Some(AbbrevClass::Era));
        assert_eq!(a.get("U.S"), Some(AbbrevClass::Final));
        assert_eq!(a.get("Mr"), Some(AbbrevClass::Title));
        assert_eq!(a.get("E.g"), Some(AbbrevClass::Title));
        assert_eq!(a.get("أنا"), None);
        assert_eq!(a.get("said"), None);
    }
}
