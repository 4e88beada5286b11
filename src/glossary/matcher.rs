//! The term matcher: one Aho-Corasick automaton over the normalized bare
//! forms of every term, run once over a folded view of the text.
//!
//! The folded view is [`lang::normalize`]'s output with every run of
//! horizontal whitespace (space, tab, NBSP and other Unicode spaces, but not
//! line breaks) folded to one space, built in a single pass together with its
//! own offset map back to the original text.
//!
//! Arabic clitics are not expanded into the automaton (that would multiply
//! its size by ~25): the automaton holds the *bare* form of every term (the
//! article stripped from terms that begin with it), and each hit is verified
//! by looking back at the rest of its written word, which must be an allowed
//! prefix — see [`Matcher`].

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Serialize;

use super::{is_latin_form, key, Glossary, TermType};
use crate::lang;
use crate::text::Span;

/// A glossary occurrence in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TermHit {
    /// Byte span in the original text: for Arabic the whole written word,
    /// clitics and article included; for English the term only.
    pub span: Span,
    /// Index of the entry in the glossary.
    pub entry: usize,
}

/// How a hit of a bare form is verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// Latin script: word boundaries on both sides, nothing attached.
    Latin,
    /// Arabic term without the article: proclitics, and the article too
    /// when `article` (common nouns; names do not take it).
    ArBare {
        /// The article may be attached.
        article: bool,
    },
    /// Arabic term with the article (stripped from the pattern): the article
    /// must be there, after optional proclitics, or fused as لل.
    ArArticle {
        /// The bare form starts with ل (ل + اللاذقية is written للاذقية).
        core_l: bool,
    },
}

#[derive(Debug, Clone)]
struct Alt {
    entry: u32,
    rule: Rule,
    /// For acronyms (SDF, UN, US): the exact spelling required in the text.
    exact: Option<Box<str>>,
}

/// Finds glossary terms in text.
///
/// Rules (each has cases in `tests/glossary_match.rs`):
/// - Text and terms are compared after [`lang::normalize`] (alef/hamza forms,
///   ى/ي, ة/ه, diacritics, tatweel, case), with runs of spaces, tabs and NBSP
///   equal to one space; a line break never joins the words of a term.
/// - An Arabic hit covers its whole written word. In front of a term the word
///   may carry the proclitics و ف ب ك ل (وب فب ول فل وك فك). A term without
///   the article may also take it (هدنة: الهدنة والهدنة بالهدنة للهدنة)
///   unless the entry is a name (type person, place or org: سورية must not
///   match the adjective السورية); a term with the article keeps it (الرقة:
///   الرقة بالرقة وللرقة للرقة, never رقة or برقة).
/// - A hit never ends inside a longer word (مصر is not found in مصرف) and,
///   since terms hold no punctuation, never crosses sentence punctuation.
/// - A multiword common-noun term without the article also matches with the
///   article on every word (مساعدات إنسانية: المساعدات الإنسانية).
/// - English terms (`en`, parts in parentheses like `SDF` in
///   `Syrian Democratic Forces (SDF)`, and Latin-script variants) match
///   case-insensitively between word boundaries (Syria's → Syria; Syrian is
///   not a hit); all-capital acronyms of up to five letters match only as
///   written (US, not "us").
/// - Leftmost hit first, the longest at the same start; hits never overlap.
///   When two entries share a form, the entry listed first wins.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: Option<AhoCorasick>,
    /// Per automaton pattern: its range in `alts`.
    pat_alts: Vec<(u32, u32)>,
    alts: Vec<Alt>,
}

/// Pattern counts up to which the automaton is a DFA (fast, more memory).
const DFA_MAX_PATTERNS: usize = 30_000;

impl Matcher {
    /// Builds the matcher for `glossary`. Forms of one letter are skipped
    /// (they would match clitics).
    pub fn new(glossary: &Glossary) -> Matcher {
        let mut by_core: HashMap<String, Vec<Alt>> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        let mut add = |form: &str, entry: usize, latin: bool, name: bool| {
            let k = key(form);
            if k.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                return;
            }
            let Ok(entry) = u32::try_from(entry) else {
                return;
            };
            let (core, rule, exact) = if latin {
                (k, Rule::Latin, acronym(form))
            } else {
                match k.strip_prefix("ال").filter(|r| r.chars().count() >= 2) {
                    Some(rest) => (
                        rest.to_string(),
                        Rule::ArArticle {
                            core_l: rest.starts_with('ل'),
                        },
                        None,
                    ),
                    None => (k, Rule::ArBare { article: !name }, None),
                }
            };
            let alts = by_core.entry(core).or_insert_with_key(|c| {
                order.push(c.clone());
                Vec::new()
            });
            if !alts.iter().any(|a| a.entry == entry && a.rule == rule) {
                alts.push(Alt { entry, rule, exact });
            }
        };
        for (i, e) in glossary.entries().iter().enumerate() {
            let name = matches!(
                e.kind,
                Some(TermType::Person | TermType::Place | TermType::Org)
            );
            for form in std::iter::once(&e.ar).chain(&e.variants) {
                let latin = is_latin_form(form);
                add(form, i, latin, name);
                if !latin && !name {
                    if let Some(def) = definite(form) {
                        add(&def, i, false, name);
                    }
                }
            }
            for en in english_forms(&e.en) {
                add(en, i, true, name);
            }
        }
        let mut pat_alts = Vec::with_capacity(order.len());
        let mut alts = Vec::new();
        for core in &order {
            let list = by_core.remove(core).unwrap_or_default();
            let start = u32::try_from(alts.len()).unwrap_or(u32::MAX);
            let len = u32::try_from(list.len()).unwrap_or(0);
            pat_alts.push((start, len));
            alts.extend(list);
        }
        let kind = if order.len() <= DFA_MAX_PATTERNS {
            AhoCorasickKind::DFA
        } else {
            AhoCorasickKind::ContiguousNFA
        };
        let ac = if order.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(kind))
                .build(&order)
                .or_else(|_| {
                    AhoCorasick::builder()
                        .match_kind(MatchKind::Standard)
                        .build(&order)
                })
                .ok()
        };
        Matcher { ac, pat_alts, alts }
    }

    /// Number of distinct bare forms in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.pat_alts.len()
    }

    /// Heap memory used by the automaton, in bytes.
    pub fn memory_usage(&self) -> usize {
        self.ac.as_ref().map_or(0, AhoCorasick::memory_usage)
    }

    /// All hits in `text`, in order, not overlapping, never inside a longer
    /// word. Spans index `text` on char boundaries.
    pub fn find(&self, text: &str) -> Vec<TermHit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let folded = Folded::new(text);
        let buf = folded.text.as_str();
        // (start, end, entry) in folded offsets.
        let mut cands: Vec<(usize, usize, u32)> = Vec::new();
        for m in ac.find_overlapping_iter(buf) {
            let (s, e) = (m.start(), m.end());
            if buf
                .get(e..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let Some(&(a0, n)) = self.pat_alts.get(m.pattern().as_usize()) else {
                continue;
            };
            let alts = self
                .alts
                .get(a0 as usize..(a0 as usize + n as usize))
                .unwrap_or(&[]);
            let word_start = word_start(buf, s);
            for alt in alts {
                let start = match alt.rule {
                    Rule::Latin => {
                        if word_start != s {
                            continue;
                        }
                        s
                    }
                    Rule::ArBare { .. } | Rule::ArArticle { .. } => {
                        let Some(prefix) = buf.get(word_start..s) else {
                            continue;
                        };
                        if !prefix_ok(prefix, alt.rule) {
                            continue;
                        }
                        word_start
                    }
                };
                if let Some(exact) = &alt.exact {
                    let span = folded.span(start, e);
                    if span.slice(text) != exact.as_ref() {
                        continue;
                    }
                }
                cands.push((start, e, alt.entry));
                break;
            }
        }
        cands.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out = Vec::with_capacity(cands.len());
        let mut last_end = 0usize;
        for (s, e, entry) in cands {
            if s < last_end {
                continue;
            }
            last_end = e;
            let span = folded.span(s, e);
            if span.is_empty()
                || !text.is_char_boundary(span.start)
                || !text.is_char_boundary(span.end)
            {
                continue;
            }
            out.push(TermHit {
                span,
                entry: entry as usize,
            });
        }
        out
    }
}

/// The English forms of an `en` field: the whole field with parenthesized
/// parts removed, and each parenthesized part (`Islamic State (ISIS)` →
/// `Islamic State`, `ISIS`); `;`-separated alternatives are split.
fn english_forms(en: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for alt in en.split(';') {
        let alt = alt.trim();
        match alt.find('(') {
            Some(open) => {
                let head = alt.get(..open).unwrap_or("").trim();
                if !head.is_empty() {
                    out.push(head);
                }
                let rest = alt.get(open + 1..).unwrap_or("");
                let inner = rest.split(')').next().unwrap_or("").trim();
                for part in inner.split([',', '/']) {
                    let part = part.trim();
                    if is_latin_form(part) {
                        out.push(part);
                    }
                }
            }
            None => {
                if !alt.is_empty() {
                    out.push(alt);
                }
            }
        }
    }
    out
}

/// The definite form of a multiword Arabic term without the article, the
/// article on every word (مساعدات إنسانية → المساعدات الانسانيه: noun and
/// adjective agree). Forms that never occur in text (الوقف الاطلاق النار)
/// cost nothing.
fn definite(form: &str) -> Option<String> {
    let k = key(form);
    if !k.contains(' ') || k.starts_with("ال") {
        return None;
    }
    let words: Vec<String> = k
        .split(' ')
        .map(|w| {
            if w.starts_with("ال") {
                w.to_string()
            } else {
                format!("ال{w}")
            }
        })
        .collect();
    Some(words.join(" "))
}

/// `Some(form)` for an all-capital acronym of 2 to 5 ASCII letters.
fn acronym(form: &str) -> Option<Box<str>> {
    let f = form.trim();
    let n = f.chars().count();
    ((2..=5).contains(&n) && f.chars().all(|c| c.is_ascii_uppercase())).then(|| f.into())
}

/// Start of the word that contains byte `s` (the run of alphanumeric
/// characters ending at `s`).
fn word_start(buf: &str, s: usize) -> usize {
    let head = buf.get(..s).unwrap_or("");
    let mut start = s;
    for (i, c) in head.char_indices().rev() {
        if !c.is_alphanumeric() {
            break;
        }
        start = i;
        if s - start > 16 {
            break; // far longer than any clitic prefix
        }
    }
    start
}

fn proclitics(p: &str) -> bool {
    matches!(
        p,
        "" | "و" | "ف" | "ب" | "ك" | "ل" | "وب" | "فب" | "ول" | "فل" | "وك" | "فك"
    )
}

/// Proclitics followed by the article: وال بال وبال لل ولل …
fn with_article(p: &str) -> bool {
    if let Some(q) = p.strip_suffix("ال") {
        return proclitics(q) && !q.ends_with('ل');
    }
    matches!(p, "لل" | "ولل" | "فلل")
}

fn prefix_ok(prefix: &str, rule: Rule) -> bool {
    match rule {
        Rule::Latin => prefix.is_empty(),
        Rule::ArBare { article } => proclitics(prefix) || (article && with_article(prefix)),
        Rule::ArArticle { core_l } => {
            with_article(prefix) || (core_l && matches!(prefix, "ل" | "ول" | "فل"))
        }
    }
}

/// Horizontal whitespace folded to one space (line breaks are kept).
pub(crate) fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Whitespace of any kind (for building keys).
pub(crate) fn is_hspace_or_newline(c: char) -> bool {
    is_hspace(c) || c.is_whitespace()
}

/// Characters [`lang::normalize`] rewrites with NFKC.
fn needs_nfkc(c: char) -> bool {
    matches!(c, '\u{FB00}'..='\u{FB06}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}'
        | '\u{FF01}'..='\u{FF5E}')
}

/// The matcher's view of a text: normalized, horizontal whitespace runs
/// folded to one space, with a map back to the original.
pub(crate) struct Folded {
    pub(crate) text: String,
    /// Runs `(folded, original)`: from `folded` on, both advance together.
    runs: Vec<(usize, usize)>,
    orig_len: usize,
}

impl Folded {
    /// Folds `orig` in one pass.
    pub(crate) fn new(orig: &str) -> Folded {
        let mut f = Folded {
            text: String::with_capacity(orig.len()),
            runs: Vec::new(),
            orig_len: orig.len(),
        };
        let mut next_out = usize::MAX;
        let mut next_orig = usize::MAX;
        let mut in_space = false;
        let mut emit = |f: &mut Folded, s: &str, pos: usize, len: usize| {
            let out = f.text.len();
            if out != next_out || pos != next_orig {
                f.runs.push((out, pos));
            }
            f.text.push_str(s);
            if s.len() == len {
                next_out = f.text.len();
                next_orig = pos + len;
            } else {
                next_out = usize::MAX;
            }
        };
        let mut tmp = [0u8; 4];
        for (pos, c) in orig.char_indices() {
            let len = c.len_utf8();
            if c.is_ascii() {
                if c == ' ' || c == '\t' {
                    if !in_space {
                        emit(&mut f, " ", pos, len);
                        in_space = true;
                    }
                    continue;
                }
                in_space = false;
                let l = c.to_ascii_lowercase();
                emit(&mut f, l.encode_utf8(&mut tmp), pos, len);
                continue;
            }
            if is_hspace(c) {
                if !in_space {
                    emit(&mut f, " ", pos, len);
                    in_space = true;
                }
                continue;
            }
            if lang::is_deleted_in_matching(c) {
                continue;
            }
            in_space = false;
            if !needs_nfkc(c) && !c.is_uppercase() {
                if let Some(x) = lang::fold_char(c) {
                    emit(&mut f, x.encode_utf8(&mut tmp), pos, len);
                }
                continue;
            }
            // Rare: presentation forms, ligatures, non-ASCII capitals.
            let one = orig.get(pos..pos + len).unwrap_or("");
            let n = lang::normalize(one);
            for x in n.text.chars() {
                let s = x.encode_utf8(&mut tmp);
                if is_hspace(x) {
                    if !in_space {
                        emit(&mut f, " ", pos, usize::MAX);
                        in_space = true;
                    }
                } else {
                    in_space = false;
                    emit(&mut f, s, pos, usize::MAX);
                }
            }
        }
        f
    }

    /// Maps a folded offset to the original text.
    fn to_original(&self, p: usize) -> usize {
        if p >= self.text.len() {
            return self.orig_len;
        }
        let idx = self.runs.partition_point(|&(n, _)| n <= p);
        match idx.checked_sub(1).and_then(|i| self.runs.get(i)) {
            Some(&(n, o)) => (o + (p - n)).min(self.orig_len),
            None => 0,
        }
    }

    /// Maps a folded span to the original text.
    pub(crate) fn span(&self, s: usize, e: usize) -> Span {
        Span::new(self.to_original(s), self.to_original(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collapse(s: &str) -> String {
        let mut out = String::new();
        let mut sp = false;
        for c in s.chars() {
            if is_hspace(c) {
                if !sp {
                    out.push(' ');
                }
                sp = true;
            } else {
                sp = false;
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn folded_equals_normalize_then_collapse() {
        for t in [
            "وبالرَّقَّةِ  x\t\u{a0}y",
            "ﻻ ١٢٣ OK ÉTAT",
            "دير\u{a0}\u{a0}الزور\nالرقة",
            "آمنة ـــ ",
            "",
        ] {
            let f = Folded::new(t);
            assert_eq!(f.text, collapse(&lang::normalize(t).text), "{t:?}");
        }
    }

    #[test]
    fn folded_maps_back() {
        let t = "دير \u{a0}\tالزُّور x";
        let f = Folded::new(t);
        assert_eq!(f.text, "دير الزور x");
        let e = f.text.find(" x").unwrap();
        assert_eq!(f.span(0, e).slice(t), "دير \u{a0}\tالزُّور");
    }

    #[test]
    fn prefixes() {
        let art = Rule::ArArticle { core_l: false };
        for p in ["ال", "وال", "بال", "وبال", "لل", "ولل", "فال", "كال"] {
            assert!(prefix_ok(p, art), "{p}");
            assert!(prefix_ok(p, Rule::ArBare { article: true }), "{p}");
            assert!(!prefix_ok(p, Rule::ArBare { article: false }), "{p}");
        }
        for p in ["", "ب", "و", "لال", "ا", "بب"] {
            assert!(!prefix_ok(p, art), "{p}");
        }
        assert!(prefix_ok("ل", Rule::ArArticle { core_l: true }));
    }

    #[test]
    fn english_forms_split_parentheses() {
        assert_eq!(
            english_forms("Syrian Democratic Forces (SDF)"),
            ["Syrian Democratic Forces", "SDF"]
        );
        assert_eq!(english_forms("truce"), ["truce"]);
        assert_eq!(english_forms("ceasefire; truce"), ["ceasefire", "truce"]);
    }
}
