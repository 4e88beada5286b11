//! Glossaries: loading term lists and finding their terms in text.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::lang;
use crate::text::Span;

/// What kind of thing a term names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum TermType {
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organization.
    Org,
    /// A general term.
    Term,
    /// A date expression (month name…).
    Date,
}

impl TermType {
    /// Parses `person`, `place`, `org`, `term`, `date`.
    pub fn parse(s: &str) -> Option<TermType> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" => Some(TermType::Person),
            "place" => Some(TermType::Place),
            "org" | "organization" | "organisation" => Some(TermType::Org),
            "term" => Some(TermType::Term),
            "date" => Some(TermType::Date),
            _ => None,
        }
    }
}

/// One glossary entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Canonical Arabic form.
    pub ar: String,
    /// English equivalent.
    pub en: String,
    /// Other spellings of the Arabic term.
    #[serde(default)]
    pub variants: Vec<String>,
    /// The kind of term.
    #[serde(default, rename = "type")]
    pub kind: Option<TermType>,
    /// A note for translators.
    #[serde(default)]
    pub note: String,
}

/// A list of entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    entries: Vec<Entry>,
}

/// The bundled lists, merged in this order (see glossaries/README.md).
const BUNDLED: &[(&str, &str)] = &[
    (
        "glossaries/countries.tsv",
        include_str!("../glossaries/countries.tsv"),
    ),
    (
        "glossaries/cities.tsv",
        include_str!("../glossaries/cities.tsv"),
    ),
    (
        "glossaries/calendar.tsv",
        include_str!("../glossaries/calendar.tsv"),
    ),
    (
        "glossaries/actors.tsv",
        include_str!("../glossaries/actors.tsv"),
    ),
    (
        "glossaries/vocabulary.tsv",
        include_str!("../glossaries/vocabulary.tsv"),
    ),
];

impl Glossary {
    /// The glossary bundled with khulasa.
    pub fn bundled() -> Glossary {
        let mut g = Glossary::default();
        for (name, text) in BUNDLED {
            if let Ok(next) = Glossary::from_tsv(text, name) {
                g.extend(next);
            }
        }
        g
    }

    /// Parses TSV: Arabic and English in the first two columns; an optional
    /// header row naming further columns (`variants`, `type`, `note`).
    ///
    /// # Errors
    /// [`Error::Parse`] with `name` and the line for a row with fewer than two
    /// columns or an empty Arabic or English field.
    pub fn from_tsv(text: &str, name: &str) -> Result<Glossary> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut cols: HashMap<String, usize> = HashMap::new();
        let mut entries = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if entries.is_empty() && cols.is_empty() && is_header(&fields) {
                for (k, f) in fields.iter().enumerate() {
                    cols.insert(f.trim().to_ascii_lowercase(), k);
                }
                continue;
            }
            let get = |k: &str| {
                cols.get(k)
                    .and_then(|&c| fields.get(c))
                    .map_or("", |s| s.trim())
            };
            let (Some(ar), Some(en)) = (fields.first(), fields.get(1)) else {
                return Err(Error::parse(
                    name,
                    i + 1,
                    "expected at least two tab-separated columns (Arabic, English)",
                ));
            };
            let (ar, en) = (ar.trim(), en.trim());
            if ar.is_empty() || en.is_empty() {
                return Err(Error::parse(name, i + 1, "empty Arabic or English term"));
            }
            entries.push(Entry {
                ar: ar.to_string(),
                en: en.to_string(),
                variants: get("variants")
                    .split('|')
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(String::from)
                    .collect(),
                kind: TermType::parse(get("type")),
                note: get("note").to_string(),
            });
        }
        Ok(Glossary { entries })
    }

    /// The entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

fn is_header(fields: &[&str]) -> bool {
    fields.iter().any(|f| {
        matches!(
            f.trim().to_ascii_lowercase().as_str(),
            "variants" | "type" | "note" | "source" | "en" | "english" | "ar" | "arabic"
        )
    })
}

/// A glossary occurrence in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TermHit {
    /// Byte span in the original text (whole written word, clitics included).
    pub span: Span,
    /// Index of the entry in the glossary.
    pub entry: usize,
}

/// Finds glossary terms in text.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: Option<AhoCorasick>,
    pattern_entry: Vec<usize>,
}

const CLITICS: &[&str] = &["", "و", "ف", "ب", "ك", "ل", "وب", "ول", "فب", "فل", "وك"];

impl Matcher {
    /// Builds the matcher for `glossary`.
    pub fn new(glossary: &Glossary) -> Matcher {
        let mut pats = Vec::new();
        let mut pattern_entry = Vec::new();
        for (i, e) in glossary.entries.iter().enumerate() {
            for form in std::iter::once(&e.ar).chain(e.variants.iter()) {
                let norm = lang::normalize(form).text.into_owned();
                if norm.is_empty() {
                    continue;
                }
                let bare = norm.strip_prefix("ال").filter(|r| r.chars().count() >= 2);
                for c in CLITICS {
                    pats.push(format!("{c}{norm}"));
                    pattern_entry.push(i);
                    if bare.is_none() && !norm.contains(' ') {
                        pats.push(format!("{c}ال{norm}"));
                        pattern_entry.push(i);
                    }
                    if let Some(rest) = bare {
                        if c.ends_with('ل') {
                            pats.push(format!("{c}ل{rest}"));
                            pattern_entry.push(i);
                        }
                    }
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .ok();
        Matcher { ac, pattern_entry }
    }

    /// All hits in `text`, in order, not overlapping, never inside a longer word.
    pub fn find(&self, text: &str) -> Vec<TermHit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let n = lang::normalize(text);
        let norm: &str = &n.text;
        let mut out = Vec::new();
        for m in ac.find_iter(norm) {
            let before = norm.get(..m.start()).and_then(|s| s.chars().next_back());
            let after = norm.get(m.end()..).and_then(|s| s.chars().next());
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let Some(&entry) = self.pattern_entry.get(m.pattern().as_usize()) else {
                continue;
            };
            out.push(TermHit {
                span: n.map.span_to_original(Span::new(m.start(), m.end())),
                entry,
            });
        }
        out
    }
}

impl Glossary {
    /// Appends the entries of `other`; for the same Arabic term the later
    /// entry wins.
    pub fn extend(&mut self, other: Glossary) {
        for e in other.entries {
            let key = lang::normalize(&e.ar).text.into_owned();
            if let Some(old) = self
                .entries
                .iter_mut()
                .find(|o| lang::normalize(&o.ar).text == key)
            {
                *old = e;
            } else {
                self.entries.push(e);
            }
        }
    }
}
