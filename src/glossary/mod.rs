//! Glossaries: loading term lists, finding their terms in text, checking and
//! converting them for translation tools.
//!
//! A [`Glossary`] is a list of [`Entry`]s (canonical Arabic, English,
//! variants, type, note, source). It loads from and writes to the formats
//! translators use ([`Format`]): TSV (OmegaT's glossary is a TSV and loads as
//! is), CSV, JSON, TBX v3 (TBX-Basic) and TBX 2008 (`martif`). A [`Matcher`]
//! built once from a glossary finds its terms in Arabic, English or mixed text:
//! attached clitics and the article, orthographic variants, listed variants and
//! multiword terms across runs of spaces — see [`Matcher`] for the rules.
//!
//! ```
//! use khulasa::glossary::{Glossary, Matcher};
//!
//! let g = Glossary::from_tsv("الرقة\tRaqqa\nهدنة\ttruce\n", "demo.tsv")?;
//! let text = "أعلنت الهدنة وبالرقة Raqqa's people";
//! let hits = Matcher::new(&g).find(text);
//! let found: Vec<&str> = hits.iter().map(|h| h.span.slice(text)).collect();
//! assert_eq!(found, ["الهدنة", "وبالرقة", "Raqqa"]);
//! # Ok::<(), khulasa::Error>(())
//! ```

mod candidates;
mod check;
mod csv;
mod json;
mod matcher;
mod romanize;
mod tbx;
mod tsv;

use crate::fasthash::FastMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::lang;

pub use candidates::{candidates, Candidate};
pub use check::{check, Issue, Severity};
pub use matcher::{Matcher, TermHit};
pub use romanize::romanize;

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
    /// Parses `person`, `place`, `org`, `term`, `date` (case-insensitive;
    /// `organization` is accepted for `org`).
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

    /// The name used in files: `person`, `place`, `org`, `term`, `date`.
    pub fn as_str(self) -> &'static str {
        match self {
            TermType::Person => "person",
            TermType::Place => "place",
            TermType::Org => "org",
            TermType::Term => "term",
            TermType::Date => "date",
        }
    }
}

/// One glossary entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Canonical Arabic form.
    pub ar: String,
    /// English equivalent.
    pub en: String,
    /// Other spellings: Arabic-script variants of the Arabic term, and
    /// Latin-script variants of the English term (both are matched).
    #[serde(default)]
    pub variants: Vec<String>,
    /// The kind of term.
    #[serde(default, rename = "type")]
    pub kind: Option<TermType>,
    /// A note for translators.
    #[serde(default)]
    pub note: String,
    /// Where the entry comes from (provenance), free text.
    #[serde(default)]
    pub source: String,
}

impl Entry {
    /// An entry with Arabic and English only.
    pub fn new(ar: impl Into<String>, en: impl Into<String>) -> Entry {
        Entry {
            ar: ar.into(),
            en: en.into(),
            ..Default::default()
        }
    }

    /// The Arabic-script variants.
    pub fn ar_variants(&self) -> impl Iterator<Item = &str> {
        self.variants
            .iter()
            .map(String::as_str)
            .filter(|v| !is_latin_form(v))
    }

    /// The Latin-script (English) variants.
    pub fn en_variants(&self) -> impl Iterator<Item = &str> {
        self.variants
            .iter()
            .map(String::as_str)
            .filter(|v| is_latin_form(v))
    }
}

/// True when a form is written in Latin script (its first letter is not Arabic).
pub(crate) fn is_latin_form(s: &str) -> bool {
    s.chars()
        .find(|&c| lang::chars::is_alphabetic(c))
        .is_some_and(|c| !lang::is_arabic_letter(c))
}

/// The file formats a glossary can be read from and written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Tab-separated: Arabic, English, then header-named columns
    /// (`variants`, `type`, `note`, `source`). Extension `.tsv`.
    Tsv,
    /// Comma-separated with the same columns, RFC 4180 quoting. Extension `.csv`.
    Csv,
    /// A JSON array of entries. Extension `.json`.
    Json,
    /// TBX v3 (ISO 30042:2019), TBX-Basic dialect. Extension `.tbx`.
    /// Reading accepts TBX 2008 too (the root element decides).
    Tbx,
    /// TBX 2008 (ISO 30042:2008, `<martif>`), the form translate-toolkit and
    /// older CAT tools read. Extensions `.tbx2008`, `.tbx2008.tbx`, `.martif.tbx`.
    Tbx2008,
    /// OmegaT glossary: `source<TAB>target<TAB>comment`, no header.
    /// Extensions `.utf8` and `.txt`.
    OmegaT,
}

impl Format {
    /// Every format, in a stable order.
    pub const ALL: [Format; 6] = [
        Format::Tsv,
        Format::Csv,
        Format::Json,
        Format::Tbx,
        Format::Tbx2008,
        Format::OmegaT,
    ];

    /// The format a file name implies (case-insensitive), if any.
    pub fn from_path(path: impl AsRef<Path>) -> Option<Format> {
        let name = path.as_ref().file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".tbx2008")
            || name.ends_with(".tbx2008.tbx")
            || name.ends_with(".martif.tbx")
        {
            return Some(Format::Tbx2008);
        }
        let ext = name.rsplit_once('.')?.1;
        Format::from_name(ext)
    }

    /// Parses a format name: `tsv`, `csv`, `json`, `tbx`, `tbx2008` (or
    /// `martif`), `omegat` (or `utf8`, `txt`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "tsv" | "tab" => Some(Format::Tsv),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "tbx" | "tbx3" | "tbxv3" => Some(Format::Tbx),
            "tbx2008" | "martif" => Some(Format::Tbx2008),
            "omegat" | "utf8" | "txt" => Some(Format::OmegaT),
            _ => None,
        }
    }

    /// The usual file extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Tsv => "tsv",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Tbx => "tbx",
            Format::Tbx2008 => "tbx2008.tbx",
            Format::OmegaT => "utf8",
        }
    }
}

/// One parsed row before validation: the 1-based line it starts on.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub line: usize,
    pub entry: Entry,
}

/// What a format reader found: rows, and problems with their lines.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub rows: Vec<Row>,
    pub errors: Vec<Error>,
    /// Non-fatal remarks (unknown type value, unknown column…).
    pub warnings: Vec<(usize, String)>,
}

impl Parsed {
    /// Takes one non-blank, non-comment row of a delimited table (TSV or
    /// CSV): the first such row may be a header, which sets `roles`;
    /// without one the columns are Arabic, English, note. A row with fewer
    /// than two columns is an error naming `sep` and showing `shown`.
    pub(crate) fn push_fields<S: AsRef<str>>(
        &mut self,
        roles: &mut Option<Vec<Option<Col>>>,
        (name, line): (&str, usize),
        fields: &[S],
        (sep, shown): (&str, &str),
    ) {
        let roles = match roles {
            Some(r) => r,
            None => {
                if let Some(h) = header_roles(fields) {
                    *roles = Some(h);
                    return;
                }
                roles.insert(default_roles())
            }
        };
        if fields.len() < 2 {
            self.errors.push(Error::parse(
                name,
                line,
                format!(
                    "expected at least two {sep}-separated columns (Arabic, English), found {:?}",
                    tsv::truncate(shown, 60)
                ),
            ));
            return;
        }
        let entry = entry_from_fields(fields, roles, line, &mut self.warnings);
        self.rows.push(Row { line, entry });
    }
}

/// Reads `text` in `format` without validating entries.
pub(crate) fn parse_rows(text: &str, name: &str, format: Format) -> Parsed {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut parsed = match format {
        Format::Tsv | Format::OmegaT => tsv::read(text, name),
        Format::Csv => csv::read(text, name),
        Format::Json => json::read(text, name),
        Format::Tbx | Format::Tbx2008 => tbx::read(text, name),
    };
    // Validate every row the same way whatever the format.
    let errors = &mut parsed.errors;
    parsed.rows.retain(|row| match validate(&row.entry) {
        Ok(()) => true,
        Err(msg) => {
            errors.push(Error::parse(name, row.line, msg));
            false
        }
    });
    parsed.errors.sort_by_key(|e| {
        if let Error::Parse { line, .. } = e {
            *line
        } else {
            0
        }
    });
    parsed
}

fn validate(e: &Entry) -> std::result::Result<(), String> {
    if e.ar.trim().is_empty() {
        return Err("empty Arabic term".into());
    }
    // A character the normalizer keeps and that is not whitespace makes the
    // key non-empty; only terms without one need the key itself.
    let kept = e.ar.chars().any(|c| {
        !lang::needs_nfkc(c)
            && lang::fold_char(c).is_some_and(|f| !matcher::is_hspace_or_newline(f))
    });
    if !kept && key(&e.ar).is_empty() {
        return Err(format!(
            "Arabic term {:?} has no letters (diacritics or marks only)",
            e.ar
        ));
    }
    if e.en.trim().is_empty() {
        return Err(format!("empty English term for {:?}", e.ar));
    }
    Ok(())
}

/// The matching key of a form: [`lang::normalize`]d, whitespace runs folded
/// to one space, trimmed.
pub fn key(form: &str) -> String {
    let n = lang::normalize_text(form);
    // Most forms have single spaces between words and no other whitespace,
    // and the folding below would copy them unchanged. Every whitespace
    // character but the space is a byte 0x09–0x0D or starts with one of
    // the lead bytes C2, E1, E2, E3.
    let b = n.as_bytes();
    if !b
        .iter()
        .any(|&x| matches!(x, b'\t'..=b'\r' | 0xC2 | 0xE1..=0xE3))
        && b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b.windows(2).any(|w| w == b"  ")
    {
        return n.into_owned();
    }
    let mut out = String::with_capacity(n.len());
    for w in n.split(matcher::is_hspace_or_newline) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A list of entries, at most one per Arabic term (by matching key).
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    entries: Vec<Entry>,
    index: FastMap<String, usize>,
}

impl PartialEq for Glossary {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl Eq for Glossary {}

/// The bundled lists, merged in this order (later lists override earlier ones).
const BUNDLED: &[(&str, &str)] = &[
    (
        "glossaries/countries.tsv",
        include_str!("../../glossaries/countries.tsv"),
    ),
    (
        "glossaries/cities.tsv",
        include_str!("../../glossaries/cities.tsv"),
    ),
    (
        "glossaries/calendar.tsv",
        include_str!("../../glossaries/calendar.tsv"),
    ),
    (
        "glossaries/actors.tsv",
        include_str!("../../glossaries/actors.tsv"),
    ),
    (
        "glossaries/vocabulary.tsv",
        include_str!("../../glossaries/vocabulary.tsv"),
    ),
];

impl Glossary {
    /// The glossary bundled with khulasa: `glossaries/countries.tsv`,
    /// `cities.tsv`, `calendar.tsv`, `actors.tsv` and `vocabulary.tsv`, merged
    /// in that order. A list that fails to parse is skipped (the test suite
    /// checks that all parse).
    pub fn bundled() -> Glossary {
        let mut g = Glossary::default();
        for (name, text) in BUNDLED {
            if let Ok(next) = Glossary::from_tsv(text, name) {
                g.extend(next);
            }
        }
        g
    }

    /// The bundled lists as `(name, text)` pairs, for checking and export.
    pub fn bundled_sources() -> &'static [(&'static str, &'static str)] {
        BUNDLED
    }

    /// A glossary of `entries`; for the same Arabic term the later entry wins.
    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Glossary {
        let entries = entries.into_iter();
        let mut g = Glossary::default();
        g.entries.reserve(entries.size_hint().0);
        g.index.reserve(entries.size_hint().0);
        for e in entries {
            g.push(e);
        }
        g
    }

    /// Parses TSV: Arabic and English in the first two columns; an optional
    /// header row naming the columns (`ar`, `en`, `variants` (`|`-separated),
    /// `type`, `note`, `source`). Without a header a third column is the note
    /// (OmegaT's comment). Lines starting with `#` are comments.
    ///
    /// # Errors
    /// [`Error::Parse`] with `name` and the line for the first bad row: fewer
    /// than two columns, an empty English field, or an Arabic field that is
    /// empty or diacritics only.
    pub fn from_tsv(text: &str, name: &str) -> Result<Glossary> {
        Glossary::parse(text, name, Format::Tsv)
    }

    /// Parses `text` in `format`; `name` (usually the path) goes into errors.
    ///
    /// # Errors
    /// [`Error::Parse`] with `name` and line for the first malformed row or
    /// XML/JSON syntax error.
    pub fn parse(text: &str, name: &str, format: Format) -> Result<Glossary> {
        let parsed = parse_rows(text, name, format);
        if let Some(e) = parsed.errors.into_iter().next() {
            return Err(e);
        }
        Ok(Glossary::from_entries(
            parsed.rows.into_iter().map(|r| r.entry),
        ))
    }

    /// Loads a file, the format chosen by its extension ([`Format::from_path`];
    /// unknown extensions are read as TSV).
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read, [`Error::Decode`] when it is
    /// not UTF-8, [`Error::Parse`] as for [`parse`](Self::parse).
    pub fn load(path: impl AsRef<Path>) -> Result<Glossary> {
        let path = path.as_ref();
        let format = Format::from_path(path).unwrap_or(Format::Tsv);
        let text = read_utf8(path)?;
        Glossary::parse(&text, &path.display().to_string(), format)
    }

    /// Writes the glossary in `format`. Every format keeps Arabic, English
    /// and variants; TSV, CSV, JSON and both TBX forms keep type, note and
    /// source too; OmegaT keeps the note as comment and writes each Arabic
    /// variant as a row of its own.
    pub fn write(&self, format: Format) -> String {
        match format {
            Format::Tsv => tsv::write(&self.entries),
            Format::OmegaT => tsv::write_omegat(&self.entries),
            Format::Csv => csv::write(&self.entries),
            Format::Json => json::write(&self.entries),
            Format::Tbx => tbx::write_v3(&self.entries),
            Format::Tbx2008 => tbx::write_2008(&self.entries),
        }
    }

    /// The entries, in first-seen order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry for an Arabic term (any spelling that normalizes alike).
    pub fn get(&self, ar: &str) -> Option<&Entry> {
        self.index.get(&key(ar)).and_then(|&i| self.entries.get(i))
    }

    /// Per entry, the [`key`] of its Arabic term, as the index holds it
    /// (`None` only if the index missed one).
    pub(crate) fn keys_by_entry(&self) -> Vec<Option<&str>> {
        by_entry(
            self.entries.len(),
            self.index.iter().map(|(k, &i)| (k.as_str(), i)),
        )
    }

    /// Adds an entry, replacing the entry with the same Arabic term (by
    /// matching key) in place.
    pub fn push(&mut self, e: Entry) {
        self.push_keyed(key(&e.ar), e);
    }

    /// [`push`](Self::push) with the entry's key already computed.
    fn push_keyed(&mut self, k: String, e: Entry) {
        match self.index.get(&k) {
            Some(&i) => {
                if let Some(old) = self.entries.get_mut(i) {
                    *old = e;
                }
            }
            None => {
                self.index.insert(k, self.entries.len());
                self.entries.push(e);
            }
        }
    }

    /// Appends the entries of `other`; for the same Arabic term the later
    /// entry wins and keeps the earlier one's position. Linear in the size of
    /// `other`.
    pub fn extend(&mut self, other: Glossary) {
        if self.entries.is_empty() {
            *self = other;
            return;
        }
        self.entries.reserve(other.entries.len());
        self.index.reserve(other.entries.len());
        // `other` has the key of every entry in its index: reuse them.
        let keys = by_entry(other.entries.len(), other.index);
        for (e, k) in other.entries.into_iter().zip(keys) {
            let k = k.unwrap_or_else(|| key(&e.ar));
            self.push_keyed(k, e);
        }
    }
}

/// An index's keys laid out by entry: `n` slots, slot `i` holding the key of
/// entry `i` (`None` where the index has none).
fn by_entry<K: Clone>(n: usize, index: impl IntoIterator<Item = (K, usize)>) -> Vec<Option<K>> {
    let mut keys = vec![None; n];
    for (k, i) in index {
        if let Some(slot) = keys.get_mut(i) {
            *slot = Some(k);
        }
    }
    keys
}

/// Reads a file as UTF-8 (a leading BOM removed).
pub(crate) fn read_utf8(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let mut text = String::from_utf8(bytes).map_err(|e| Error::Decode {
        input: path.display().to_string(),
        message: format!(
            "not UTF-8 (invalid byte at offset {}); save the glossary as UTF-8",
            e.utf8_error().valid_up_to()
        ),
    })?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok(text)
}

/// Counts lines incrementally: the 1-based line of increasing byte offsets.
pub(crate) struct LineCounter<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        LineCounter {
            text,
            pos: 0,
            line: 1,
        }
    }

    /// The line of byte `offset` (offsets must not decrease between calls).
    pub(crate) fn line_at(&mut self, offset: usize) -> usize {
        if offset > self.pos {
            let end = offset.min(self.text.len());
            let chunk = self.text.as_bytes().get(self.pos..end).unwrap_or(&[]);
            self.line += chunk.iter().filter(|&&b| b == b'\n').count();
            self.pos = end;
        }
        self.line
    }
}

/// Column roles named by a header row (TSV and CSV).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Col {
    Ar,
    En,
    Variants,
    Type,
    Note,
    Source,
}

/// The role a header cell names, if any.
pub(crate) fn col_role(name: &str) -> Option<Col> {
    let n = name.trim().trim_matches('"').to_ascii_lowercase();
    let lang_code =
        |p: &str| n == p || n.starts_with(&format!("{p}-")) || n.starts_with(&format!("{p}_"));
    if lang_code("ar") || n == "arabic" || n == "term_ar" {
        return Some(Col::Ar);
    }
    if lang_code("en") || n == "english" || n == "term_en" {
        return Some(Col::En);
    }
    match n.as_str() {
        "variants" | "variant" | "synonyms" | "aliases" => Some(Col::Variants),
        "type" | "category" | "kind" => Some(Col::Type),
        "note" | "notes" | "comment" | "comments" | "entry_note" | "description" | "definition" => {
            Some(Col::Note)
        }
        "source" | "provenance" | "origin" => Some(Col::Source),
        _ => None,
    }
}

/// Builds an entry from fields and column roles (`None` = ignored column).
pub(crate) fn entry_from_fields<S: AsRef<str>>(
    fields: &[S],
    roles: &[Option<Col>],
    line: usize,
    warnings: &mut Vec<(usize, String)>,
) -> Entry {
    let mut e = Entry::default();
    for (f, role) in fields.iter().zip(roles) {
        let f = f.as_ref().trim();
        match role {
            Some(Col::Ar) => e.ar = f.to_string(),
            Some(Col::En) => e.en = f.to_string(),
            Some(Col::Variants) => {
                e.variants = f
                    .split('|')
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(String::from)
                    .collect();
            }
            Some(Col::Type) if !f.is_empty() => {
                e.kind = TermType::parse(f);
                if e.kind.is_none() {
                    warnings.push((
                        line,
                        format!("unknown type {f:?} (expected person, place, org, term or date)"),
                    ));
                }
            }
            Some(Col::Type) => {}
            Some(Col::Note) => e.note = f.to_string(),
            Some(Col::Source) => e.source = f.to_string(),
            None => {}
        }
    }
    e
}

/// The roles of a header row, or `None` if the row is not a header: a header
/// names Arabic and English columns, or at least two known columns and
/// nothing unknown.
pub(crate) fn header_roles<S: AsRef<str>>(fields: &[S]) -> Option<Vec<Option<Col>>> {
    let roles: Vec<Option<Col>> = fields.iter().map(|f| col_role(f.as_ref())).collect();
    let first_two = matches!(
        (roles.first(), roles.get(1)),
        (Some(Some(Col::Ar)), Some(Some(Col::En)))
    );
    let known = roles.iter().filter(|r| r.is_some()).count();
    let unknown_nonempty = fields
        .iter()
        .zip(&roles)
        .any(|(f, r)| r.is_none() && !f.as_ref().trim().is_empty());
    let has_ar_en = roles.contains(&Some(Col::Ar)) && roles.contains(&Some(Col::En));
    if first_two || (has_ar_en && known >= 2) || (known >= 2 && !unknown_nonempty) {
        Some(roles)
    } else {
        None
    }
}

/// Column roles when a file has no header: Arabic, English, note.
pub(crate) fn default_roles() -> Vec<Option<Col>> {
    vec![Some(Col::Ar), Some(Col::En), Some(Col::Note)]
}

/// Replaces tabs and line breaks by spaces (for one-line formats).
pub(crate) fn one_line(s: &str) -> String {
    if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`key`] as first written: normalize with the offset map, then split
    /// on every whitespace character and join the words with one space.
    fn key_reference(form: &str) -> String {
        let n = lang::normalize(form);
        let words: Vec<&str> = n
            .text
            .split(matcher::is_hspace_or_newline)
            .filter(|w| !w.is_empty())
            .collect();
        words.join(" ")
    }

    #[test]
    fn keys_fold_spelling_and_whitespace() {
        assert_eq!(key("  الأمم\u{A0}المتحدة\t"), "الامم المتحده");
        assert_eq!(key("وزارة  الخارجية"), "وزاره الخارجيه");
        assert_eq!(key("Syria's"), "syria's");
        assert_eq!(key("\u{2003}"), "");
    }

    #[test]
    fn latin_forms_by_their_first_letter() {
        assert!(is_latin_form("SDF"));
        assert!(is_latin_form("(1) UN"));
        assert!(!is_latin_form("الأمم UN"));
        assert!(!is_latin_form("123"));
        assert!(is_latin_form("Ωmega"));
    }

    fn e(ar: &str, en: &str) -> Entry {
        Entry {
            ar: ar.into(),
            en: en.into(),
            ..Entry::default()
        }
    }

    #[test]
    fn extend_keeps_order_and_later_entries_win() {
        let mut a = Glossary::from_entries([e("سوريا", "Syria"), e("هدنة", "truce")]);
        a.extend(Glossary::from_entries([
            e("هدنه", "ceasefire"),
            e("حلب", "Aleppo"),
        ]));
        let got: Vec<&str> = a.entries().iter().map(|x| x.en.as_str()).collect();
        assert_eq!(got, ["Syria", "ceasefire", "Aleppo"]);
        assert_eq!(a.get("الهدنة").map(|x| x.en.as_str()), None);
        assert_eq!(a.get("هدنة").map(|x| x.en.as_str()), Some("ceasefire"));
        assert_eq!(a.get("حلب").map(|x| x.en.as_str()), Some("Aleppo"));
    }

    #[test]
    fn every_entry_has_its_key_in_the_index() {
        let g = Glossary::bundled();
        let keys = g.keys_by_entry();
        assert_eq!(keys.len(), g.len());
        for (e, k) in g.entries().iter().zip(keys) {
            assert_eq!(k, Some(key(&e.ar).as_str()), "{:?}", e.ar);
        }
    }

    #[test]
    fn terms_without_letters_are_rejected() {
        for bad in [
            "\u{064E}\u{0651}",
            " \u{064E} \u{0640}",
            "\u{FE70}",
            "\u{200F}\u{FEFF}",
        ] {
            assert!(validate(&e(bad, "x")).is_err(), "{bad:?}");
        }
        for good in ["ا", "\u{064E}ب", "\u{FEF7}", "UN", "1"] {
            assert!(validate(&e(good, "x")).is_ok(), "{good:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn key_equals_the_reference(
            form in "[ \t\n\u{A0}\u{2003}\u{3000}a-zA-Zأإآةىيبتـ\u{064E}\u{0660}-\u{0669}\u{FEF7}€]{0,24}",
        ) {
            proptest::prop_assert_eq!(key(&form), key_reference(&form));
        }

        #[test]
        fn latin_form_equals_the_unicode_test(
            form in "[ 0-9a-zأبـ\u{064E}\u{06A9}\u{0750}Ωж\u{FDF2}\u{FD40}-]{0,12}",
        ) {
            let reference = form
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| !lang::is_arabic_letter(c));
            proptest::prop_assert_eq!(is_latin_form(&form), reference);
        }
    }
}
