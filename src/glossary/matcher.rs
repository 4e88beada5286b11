//! The term matcher: one token trie over the normalized bare forms of every
//! term, walked over a folded view of the text.
//!
//! The folded view is [`lang::normalize`]'s output with every run of
//! horizontal whitespace (space, tab, NBSP and other Unicode spaces, but not
//! line breaks) folded to one space, built in a single pass together with its
//! own offset map back to the original text.
//!
//! Arabic clitics are not expanded into the trie (that would multiply
//! its size by ~25): the trie holds the *bare* form of every term (the
//! article stripped from terms that begin with it). It is walked anchored
//! from every word start and from every offset after a possible clitic
//! prefix (و ف ب ك ل ال لل …, at most four per word), and each hit is
//! accepted only if the part of the word before it is a prefix its term
//! allows — see [`Matcher`]. Anchored walks never look at mid-word
//! positions, so a big glossary costs little more than a small one.
//!
//! The trie is over *tokens* (a maximal run of word
//! characters, or one other character), its edges in one hash table keyed by
//! (node, hash of the token): a walk costs one probe per token instead of one
//! per byte, and most walks end at the first probe, which a small bit filter
//! answers without touching the table. Patterns never end inside a word, so a
//! pattern found at `p` consists of whole tokens of the text from `p`; every
//! candidate is compared byte for byte with its pattern, so hash collisions
//! cost time, never a wrong hit.

use serde::Serialize;

use super::{is_latin_form, key, Glossary, TermType};
use crate::fasthash::{FastMap, FastSet};
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
    trie: TokenTrie,
    /// Per pattern: its range in `alts`.
    pat_alts: Vec<(u32, u32)>,
    alts: Vec<Alt>,
}

impl Matcher {
    /// Builds the matcher for `glossary`. Forms of one letter are skipped
    /// (they would match clitics).
    pub fn new(glossary: &Glossary) -> Matcher {
        // Each bare form ("core") gets an id in first-seen order; its
        // alternatives are collected flat with that id and grouped below.
        let forms = glossary.entries().len() * 3;
        let mut core_ids: FastMap<String, u32> = FastMap::default();
        core_ids.reserve(forms);
        let mut flat: Vec<(u32, Alt)> = Vec::with_capacity(forms);
        // `k` is `key(form)`.
        let mut add = |k: String, form: &str, entry: usize, latin: bool, name: bool| {
            // Keys hold no deleted marks, so `is_word_char` is
            // `char::is_alphanumeric` here.
            if k.chars().filter(|&c| is_word_char(c)).nth(1).is_none() {
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
            let next = u32::try_from(core_ids.len()).unwrap_or(u32::MAX);
            let id = *core_ids.entry(core).or_insert(next);
            flat.push((id, Alt { entry, rule, exact }));
        };
        let ar_keys = glossary.keys_by_entry();
        for (i, e) in glossary.entries().iter().enumerate() {
            let name = matches!(
                e.kind,
                Some(TermType::Person | TermType::Place | TermType::Org)
            );
            let ar_key = ar_keys.get(i).copied().flatten();
            for (j, form) in std::iter::once(&e.ar).chain(&e.variants).enumerate() {
                let k = match ar_key {
                    Some(k) if j == 0 => k.to_string(),
                    _ => key(form),
                };
                let latin = is_latin_form(form);
                let def = (!latin && !name).then(|| definite(&k)).flatten();
                add(k, form, i, latin, name);
                if let Some(def) = def {
                    add(def.clone(), &def, i, false, name);
                }
            }
            for en in english_forms(&e.en) {
                add(key(en), en, i, true, name);
            }
        }
        // The cores in first-seen order, moved out of the map.
        let mut order = vec![String::new(); core_ids.len()];
        for (core, id) in core_ids {
            if let Some(slot) = order.get_mut(id as usize) {
                *slot = core;
            }
        }
        // Group by core, keeping each core's alternatives in the order they
        // were added (a stable sort) and only the first of the same entry
        // and rule.
        flat.sort_by_key(|&(id, _)| id);
        let mut pat_alts = vec![(0u32, 0u32); order.len()];
        let mut alts: Vec<Alt> = Vec::with_capacity(flat.len());
        let mut group_start = 0;
        for (id, alt) in flat {
            let start = u32::try_from(alts.len()).unwrap_or(u32::MAX);
            let Some(slot) = pat_alts.get_mut(id as usize) else {
                continue;
            };
            if slot.1 == 0 {
                *slot = (start, 0);
                group_start = alts.len();
            }
            let group = alts.get(group_start..).unwrap_or(&[]);
            if !group
                .iter()
                .any(|a| a.entry == alt.entry && a.rule == alt.rule)
            {
                slot.1 += 1;
                alts.push(alt);
            }
        }
        Matcher {
            trie: TokenTrie::new(&order, &pat_alts),
            pat_alts,
            alts,
        }
    }

    /// Number of distinct bare forms in the trie.
    pub fn pattern_count(&self) -> usize {
        self.pat_alts.len()
    }

    /// Heap memory used by the trie, in bytes.
    pub fn memory_usage(&self) -> usize {
        self.trie.memory_usage()
    }

    /// All hits in `text`, in order, not overlapping, never inside a longer
    /// word. Spans index `text` on char boundaries.
    pub fn find(&self, text: &str) -> Vec<TermHit> {
        if self.pat_alts.is_empty() {
            return Vec::new();
        }
        let folded = Folded::new(text);
        self.find_in(text, &folded)
    }

    /// Walks the trie, anchored, from every word start and from every
    /// position after an allowed clitic prefix; per word the longest valid
    /// hit wins, and words inside an earlier hit are skipped.
    fn find_in(&self, text: &str, folded: &Folded) -> Vec<TermHit> {
        let buf = folded.text.as_slice();
        let bytes = buf;
        let mut out = Vec::new();
        let mut last_end = 0usize;
        // Cursor into the offset map: hits come in order.
        let mut run = 0usize;
        let words = folded.words.as_slice();
        for (i, &(ws, we)) in words.iter().enumerate() {
            // The words after this one, for the token ends of walks.
            let rest = words.get(i + 1..).unwrap_or(&[]);
            // Words inside an earlier hit are skipped.
            if ws < last_end {
                continue;
            }
            let mut best: Option<(usize, u32)> = None;
            // Walks from `p` after the root filter passed the first token
            // (hash `h`, end `t`); out of line, as most words never get here.
            let mut walk = |p: usize, h: u64, t: usize, pre: Prefix| {
                self.trie.walk_from(buf, p, h, t, rest, |e, _pid, alts| {
                    if best.is_some_and(|(be, _)| be >= e) {
                        return;
                    }
                    if e < bytes.len() && word_char_at(buf, e).0 {
                        return;
                    }
                    if let Some(entry) = self.accept(alts, pre, p == ws, ws, e, text, folded) {
                        best = Some((e, entry));
                    }
                });
            };
            // The whole word, then after each possible clitic prefix; the
            // filter test is inline ([`TokenTrie::first_key`] for `p < we`).
            let word = buf.get(ws..we).unwrap_or(&[]);
            let h = hash_token(word);
            if !word.is_empty() && self.trie.root_maybe(h) {
                walk(ws, h, we, Prefix::Proclitics { l: false });
            }
            if word.first().is_some_and(|&b| (0xD8..=0xDB).contains(&b)) {
                for_clitic_offsets(word, |k, pre| {
                    let p = ws + k;
                    if p < we {
                        let h = hash_token(word.get(k..).unwrap_or(&[]));
                        if self.trie.root_maybe(h) {
                            walk(p, h, we, pre);
                        }
                    } else if let Some((h, t)) = self.trie.first_key(buf, p, we, rest) {
                        walk(p, h, t, pre);
                    }
                });
            }
            if let Some((e, entry)) = best {
                let span = trim_invisible(text, folded.span_from(ws, e, &mut run));
                if !span.is_empty()
                    && text.is_char_boundary(span.start)
                    && text.is_char_boundary(span.end)
                {
                    out.push(TermHit {
                        span,
                        entry: entry as usize,
                    });
                    last_end = e;
                }
            }
        }
        out
    }

    /// The entry of the first of the alternatives `(first, count)` of a
    /// pattern that accepts a hit ending at `e` in a word starting at `ws`,
    /// after a clitic prefix of class `pre` (`empty` when there is none).
    #[allow(clippy::too_many_arguments)]
    fn accept(
        &self,
        (a0, n): (u32, u32),
        pre: Prefix,
        empty: bool,
        ws: usize,
        e: usize,
        text: &str,
        folded: &Folded,
    ) -> Option<u32> {
        let alts = self.alts.get(a0 as usize..(a0 as usize + n as usize))?;
        for alt in alts {
            let ok = match alt.rule {
                Rule::Latin => empty,
                rule => class_ok(pre, rule),
            };
            if !ok {
                continue;
            }
            if let Some(exact) = &alt.exact {
                if folded.span(ws, e).slice(text) != exact.as_ref() {
                    continue;
                }
            }
            return Some(alt.entry);
        }
        None
    }
}

/// Byte offsets into `word` after which a bare form may start: after the
/// proclitics و ف, ب ك ل, the article ال or the fused لل — the union of
/// what [`prefix_ok`] accepts for some rule. Returns up to 6 offsets.
#[cfg(test)]
fn clitic_offsets(word: &[u8]) -> ([usize; 6], usize) {
    let mut offs = [0usize; 6];
    let mut n = 0usize;
    for_clitic_offsets(word, |k, pre| {
        assert_eq!(
            classify_prefix(std::str::from_utf8(&word[..k]).unwrap()),
            Some(pre)
        );
        offs[n] = k;
        n += 1;
    });
    (offs, n)
}

/// Calls `f(k, class)` for every byte offset `k` into `word` after which a
/// bare form may start (see [`clitic_offsets`]), in increasing order, with
/// the class of the prefix `word[..k]` ([`classify_prefix`]).
#[inline(always)]
fn for_clitic_offsets(word: &[u8], mut f: impl FnMut(usize, Prefix)) {
    // The letters compared here are all two bytes in UTF-8, so the k-th
    // letter of a matching prefix is bytes 2k..2k+2 (compared as u16).
    const WAW: u16 = 0xD988;
    const FA: u16 = 0xD981;
    const BA: u16 = 0xD8A8;
    const KAF: u16 = 0xD983;
    const LAM: u16 = 0xD984;
    const ALEF: u16 = 0xD8A7;
    let b = word;
    let at = |k: usize| match (b.get(2 * k), b.get(2 * k + 1)) {
        (Some(&x), Some(&y)) => u16::from_be_bytes([x, y]),
        _ => 0,
    };
    const PLAIN: Prefix = Prefix::Proclitics { l: false };
    // Collected first, then one call site: `f` is inlined once.
    let mut found = [(0usize, PLAIN); 3];
    let mut n = 0usize;
    let mut push = |k: usize, pre: Prefix| {
        if let Some(slot) = found.get_mut(n) {
            *slot = (k, pre);
            n += 1;
        }
    };
    let mut k = 0;
    let c0 = at(0);
    if c0 == WAW || c0 == FA {
        k += 1;
        push(2 * k, PLAIN);
    }
    match at(k) {
        BA | KAF => {
            push(2 * (k + 1), PLAIN);
            if at(k + 1) == ALEF && at(k + 2) == LAM {
                push(2 * (k + 3), Prefix::Article);
            }
        }
        LAM => {
            push(2 * (k + 1), Prefix::Proclitics { l: true });
            if at(k + 1) == LAM {
                push(2 * (k + 2), Prefix::Article);
            }
        }
        ALEF if at(k + 1) == LAM => push(2 * (k + 2), Prefix::Article),
        _ => {}
    }
    for &(k, pre) in found.get(..n).unwrap_or(&[]) {
        f(k, pre);
    }
}

/// Whether the character at byte `i` of `buf` (a char boundary) is a word
/// character, and its length; `(false, 0)` past the end.
#[inline(always)]
fn word_char_at(buf: &[u8], i: usize) -> (bool, usize) {
    let bytes = buf;
    match bytes.get(i) {
        None => (false, 0),
        Some(&b) if b < 0x80 => (b.is_ascii_alphanumeric(), 1),
        Some(&b) if (0xD8..=0xDB).contains(&b) => {
            let b1 = bytes.get(i + 1).copied().unwrap_or(0);
            let idx = (usize::from(b - 0xD8) << 6) | usize::from(b1 & 0x3F);
            (ARABIC_WORD.get(idx) == Some(&true), 2)
        }
        Some(&b) => match char_at(buf, i, b) {
            Some(c) => (is_word_char(c), c.len_utf8()),
            None => (false, 1),
        },
    }
}

/// The end of the run of word characters starting at `i`.
#[inline]
fn word_end(buf: &[u8], mut i: usize) -> usize {
    loop {
        let (word, len) = word_char_at(buf, i);
        if !word {
            return i;
        }
        i += len;
    }
}

/// The character at byte `i` of `buf` (a char boundary), whose first byte
/// is `b`.
#[inline]
fn char_at(buf: &[u8], i: usize, b: u8) -> Option<char> {
    let n = match b {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    let s = buf.get(i..i + n)?;
    std::str::from_utf8(s).ok()?.chars().next()
}

/// For U+0600 + i: [`is_word_char`] (the word characters of the block's
/// table in `lang`).
#[allow(clippy::indexing_slicing)] // const evaluation: k < 256 by the loop condition
static ARABIC_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < 256 {
        t[k] = lang::arabic::TABLE[k].word;
        k += 1;
    }
    t
};

/// A 64-bit hash of a token in constant time: its length and its first and
/// last 8 bytes (overlapping for short tokens). Longer tokens that differ
/// only in the middle collide, which costs time, never a wrong hit (see
/// [`TokenTrie`]); Arabic words rarely exceed 16 bytes.
#[inline]
fn hash_token(t: &[u8]) -> u64 {
    const K: u64 = 0x517C_C1B7_2722_0A95;
    let n = t.len();
    let (a, b) = if n >= 8 {
        (load8(t, 0), load8(t, n - 8))
    } else if n >= 4 {
        (u64::from(load4(t, 0)), u64::from(load4(t, n - 4)))
    } else {
        let at = |i: usize| u64::from(t.get(i).copied().unwrap_or(0));
        (at(0) | (at(n / 2) << 8) | (at(n.wrapping_sub(1)) << 16), 0)
    };
    let h = (a ^ (n as u64).wrapping_mul(K)).wrapping_mul(K);
    (h.rotate_left(23) ^ b).wrapping_mul(K)
}

/// The 8 bytes of `t` from `i` (zero when out of range).
#[inline(always)]
fn load8(t: &[u8], i: usize) -> u64 {
    t.get(i..i + 8)
        .and_then(|s| <[u8; 8]>::try_from(s).ok())
        .map_or(0, u64::from_le_bytes)
}

/// The 4 bytes of `t` from `i` (zero when out of range).
#[inline(always)]
fn load4(t: &[u8], i: usize) -> u32 {
    t.get(i..i + 4)
        .and_then(|s| <[u8; 4]>::try_from(s).ok())
        .map_or(0, u32::from_le_bytes)
}

/// The state of a walk after one more token with hash `h`: a hash of the
/// whole token sequence so far (so nodes need no ids, and the table can lay
/// nodes out for the cache).
#[inline(always)]
fn step(state: u64, h: u64) -> u64 {
    let mut k = state.rotate_left(23) ^ h;
    k = k.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    k ^ (k >> 31)
}

/// The state of a walk before its first token.
const SEED: u64 = 0x2545_F491_4F6C_DD1D;

/// The 32-bit table key of a walk state (never 0, which marks an empty
/// slot). Token sequences with equal keys are one node.
#[inline(always)]
fn state_key(state: u64) -> u32 {
    ((state >> 32) as u32) | 1
}

/// An open-addressing table of (key, value) pairs with linear probing, 8
/// bytes a slot and at most 80 % full, so that it stays in cache; key 0 is
/// an empty slot. Keys are hash bits: the home slot is the key's top bits.
#[derive(Debug, Clone)]
struct Table {
    slots: Vec<(u32, u32)>,
    mask: usize,
    /// `32 - log2(slots.len())`.
    shift: u32,
}

impl Table {
    fn new(pairs: &[(u32, u32)]) -> Table {
        let cap = (pairs.len() + pairs.len() / 4 + 1)
            .next_power_of_two()
            .max(16);
        let mask = cap - 1;
        let shift = 32u32.saturating_sub(cap.trailing_zeros());
        let mut slots = vec![(0u32, 0u32); cap];
        for &(k, v) in pairs {
            let mut i = (k >> shift) as usize;
            while let Some(slot) = slots.get_mut(i) {
                if slot.0 == 0 {
                    *slot = (k, v);
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        Table { slots, mask, shift }
    }

    /// The value of key `k`.
    #[inline]
    fn get(&self, k: u32) -> Option<u32> {
        let mut i = (k >> self.shift) as usize;
        loop {
            let &(key, v) = self.slots.get(i)?;
            if key == k {
                return Some(v);
            }
            if key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn memory_usage(&self) -> usize {
        self.slots.len() * std::mem::size_of::<(u32, u32)>()
    }
}

/// A trie over tokens (see the module docs), stored as a hash of token
/// sequences: the node reached by tokens `t1..tn` is the table entry of the
/// key of `step(..step(SEED, h(t1)).., h(tn))`. Sequences whose keys
/// collide share a node, which may then end several patterns and have the
/// children of several sequences: [`TokenTrie::walk`] compares every
/// candidate with its pattern, so collisions never make a wrong hit, and
/// since every pattern's own path exists, they never lose one.
///
/// Laid out for the cache: the nodes one token deep (probed for nearly
/// every word of a text with a big glossary) have their own table, a bit
/// filter in front of it rejects most words, and a node's patterns (text,
/// id and entries) are one record in `blob`, so a hit costs about three
/// cache lines.
#[derive(Debug, Clone)]
struct TokenTrie {
    /// Nodes one token deep: key → node value; `[0]` for patterns that
    /// start with a non-ASCII byte, `[1]` for ASCII (so that Arabic text
    /// never shares cache lines with the English forms, and vice versa).
    root: [Table; 2],
    /// Deeper nodes, split the same way.
    deep: [Table; 2],
    /// Bit filter of the first tokens' hashes ([`root_bit`]): most walks
    /// end here.
    root_bits: Vec<u64>,
    root_shift: u32,
    /// A node value: `HAS_PATS`, `HAS_KIDS` and, with `HAS_PATS`, the offset
    /// of the node's record here ([`TokenTrie::patterns_at`]).
    blob: Vec<u8>,
}

impl TokenTrie {
    /// The trie of `patterns`; `alts[i]` is the range of pattern `i`'s
    /// alternatives, reported with its hits (`(0, 0)` when missing).
    fn new(patterns: &[String], alts: &[(u32, u32)]) -> TokenTrie {
        // Per (ASCII start, depth 1, key): patterns ending there, has children.
        let mut nodes: FastMap<(bool, bool, u32), (Vec<u32>, bool)> = FastMap::default();
        let mut order: Vec<(bool, bool, u32)> = Vec::new();
        let mut first: FastSet<u64> = FastSet::default();
        for (pid, pat) in patterns.iter().enumerate() {
            let Ok(pid) = u32::try_from(pid) else {
                break;
            };
            let b = pat.as_bytes();
            let ascii = b.first().is_some_and(|&c| c < 0x80);
            let mut state = SEED;
            let mut i = 0usize;
            let mut depth1 = true;
            while i < b.len() {
                let t = token_end(b, i);
                let h = hash_token(b.get(i..t).unwrap_or(&[]));
                if depth1 {
                    first.insert(h);
                }
                state = step(state, h);
                let id = (ascii, depth1, state_key(state));
                let node = nodes.entry(id).or_insert_with(|| {
                    order.push(id);
                    (Vec::new(), false)
                });
                if t < b.len() {
                    node.1 = true;
                } else {
                    node.0.push(pid);
                }
                depth1 = false;
                i = t;
            }
        }
        let mut blob = Vec::new();
        let mut root_pairs = [Vec::new(), Vec::new()];
        let mut deep_pairs = [Vec::new(), Vec::new()];
        for id in &order {
            let Some((pids, kids)) = nodes.get(id) else {
                continue;
            };
            let mut v = if *kids { HAS_KIDS } else { 0 };
            if !pids.is_empty() {
                let off = u32::try_from(blob.len()).unwrap_or(u32::MAX);
                v |= HAS_PATS | off.min(HAS_KIDS - 1);
                let n = u32::try_from(pids.len()).unwrap_or(u32::MAX);
                blob.extend_from_slice(&n.to_le_bytes());
                for &pid in pids.iter().take(n as usize) {
                    let pat = patterns.get(pid as usize).map_or(&[][..], |p| p.as_bytes());
                    let Ok(len) = u32::try_from(pat.len()) else {
                        continue;
                    };
                    let (a0, na) = alts.get(pid as usize).copied().unwrap_or((0, 0));
                    blob.extend_from_slice(&len.to_le_bytes());
                    blob.extend_from_slice(&pid.to_le_bytes());
                    blob.extend_from_slice(&a0.to_le_bytes());
                    blob.extend_from_slice(&na.to_le_bytes());
                    blob.extend_from_slice(pat);
                }
            }
            let pairs = if id.1 {
                &mut root_pairs
            } else {
                &mut deep_pairs
            };
            if let Some(list) = pairs.get_mut(usize::from(id.0)) {
                list.push((id.2, v));
            }
        }
        let root_bits_len = (first.len() * 16).next_power_of_two().clamp(64, 1 << 22);
        let mut root_bits = vec![0u64; root_bits_len / 64];
        let root_shift = root_bits_len.trailing_zeros();
        for h in first {
            let bit = root_bit(h, root_shift);
            if let Some(w) = root_bits.get_mut(bit / 64) {
                *w |= 1 << (bit % 64);
            }
        }
        TokenTrie {
            root: root_pairs.map(|p| Table::new(&p)),
            deep: deep_pairs.map(|p| Table::new(&p)),
            root_bits,
            root_shift,
            blob,
        }
    }

    fn memory_usage(&self) -> usize {
        self.root
            .iter()
            .chain(&self.deep)
            .map(Table::memory_usage)
            .sum::<usize>()
            + self.root_bits.len() * 8
            + self.blob.len()
    }

    /// Calls `f(end, pattern, alternatives)`, by increasing `end`, for every
    /// pattern equal to `buf[p..end]` where `end` is not inside a word. `we`
    /// is the end of the word containing `p` (`p <= we`).
    /// `rest` are the words of `buf` after that word ([`Folded::words`]).
    #[cfg(test)]
    fn walk(
        &self,
        buf: &[u8],
        p: usize,
        we: usize,
        rest: &[(usize, usize)],
        f: impl FnMut(usize, usize, (u32, u32)),
    ) {
        if let Some((h, t)) = self.first_key(buf, p, we, rest) {
            self.walk_from(buf, p, h, t, rest, f);
        }
    }

    /// The hash and end of the first token of a walk from `p` (see
    /// [`TokenTrie::walk`]), or `None` when the root filter rules out every
    /// pattern there: most walks end here, so it is cheap and inlined.
    #[inline(always)]
    fn first_key(
        &self,
        buf: &[u8],
        p: usize,
        we: usize,
        rest: &[(usize, usize)],
    ) -> Option<(u64, usize)> {
        let t = if p < we {
            we
        } else {
            token_end_in(buf, p, rest, &mut 0)
        };
        let tok = buf.get(p..t).filter(|t| !t.is_empty())?;
        let h = hash_token(tok);
        self.root_maybe(h).then_some((h, t))
    }

    /// Whether the root filter lets a first token of hash `h` through.
    #[inline(always)]
    fn root_maybe(&self, h: u64) -> bool {
        let bit = root_bit(h, self.root_shift);
        self.root_bits
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    /// [`TokenTrie::walk`] after [`TokenTrie::first_key`] gave `h` and `t`.
    #[inline(never)]
    fn walk_from(
        &self,
        buf: &[u8],
        p: usize,
        h: u64,
        mut t: usize,
        rest: &[(usize, usize)],
        mut f: impl FnMut(usize, usize, (u32, u32)),
    ) {
        let ascii = usize::from(buf.get(p).is_some_and(|&c| c < 0x80));
        let (Some(root), Some(deep)) = (self.root.get(ascii), self.deep.get(ascii)) else {
            return;
        };
        let mut state = step(SEED, h);
        let Some(mut v) = root.get(state_key(state)) else {
            return;
        };
        let mut j = 0usize;
        loop {
            let at = t;
            if v & HAS_PATS != 0 {
                let cand = buf.get(p..at).unwrap_or(&[]);
                self.patterns_at((v & !(HAS_PATS | HAS_KIDS)) as usize, cand, |pid, alts| {
                    f(at, pid, alts)
                });
            }
            if v & HAS_KIDS == 0 {
                return;
            }
            t = token_end_in(buf, at, rest, &mut j);
            let Some(tok) = buf.get(at..t).filter(|t| !t.is_empty()) else {
                return;
            };
            state = step(state, hash_token(tok));
            let Some(next) = deep.get(state_key(state)) else {
                return;
            };
            v = next;
        }
    }

    /// Calls `f(pattern, alternatives)` for the pattern of the node record at
    /// `off` equal to `cand`, if any. A record is a `u32` count, then per
    /// pattern its length, id, first alternative and number of alternatives
    /// (`u32` each) and its bytes.
    #[inline]
    fn patterns_at(&self, off: usize, cand: &[u8], mut f: impl FnMut(usize, (u32, u32))) {
        let blob = self.blob.as_slice();
        let u32_at = |i: usize| {
            blob.get(i..i + 4)
                .and_then(|s| <[u8; 4]>::try_from(s).ok())
                .map_or(0, u32::from_le_bytes)
        };
        let n = u32_at(off);
        let mut i = off + 4;
        for _ in 0..n {
            let len = u32_at(i) as usize;
            let text = i + 16;
            if len == cand.len() && blob.get(text..text + len) == Some(cand) {
                f(u32_at(i + 4) as usize, (u32_at(i + 8), u32_at(i + 12)));
            }
            i = text + len;
        }
    }
}

/// Flag of a node value: the node ends patterns.
const HAS_PATS: u32 = 1 << 31;
/// Flag of a node value: the node has children.
const HAS_KIDS: u32 = 1 << 30;

/// The bit of token hash `h` in a root filter of `2^bits` bits (its top
/// bits, the best mixed).
#[inline(always)]
fn root_bit(h: u64, bits: u32) -> usize {
    (h >> (64 - bits)) as usize
}

/// [`token_end`] from the word list: the end of the token starting at `at`,
/// which is a word start or not a word character; `rest` are words of `buf`
/// in order, and `*j` a cursor into them that only moves forward (so a
/// walk finds each token end in constant time).
#[inline]
fn token_end_in(buf: &[u8], at: usize, rest: &[(usize, usize)], j: &mut usize) -> usize {
    while rest.get(*j).is_some_and(|&(s, _)| s < at) {
        *j += 1;
    }
    let Some(&b) = buf.get(at) else {
        return at;
    };
    if let Some(&(s, e)) = rest.get(*j) {
        if s == at || (b == b' ' && s == at + 1) {
            return e;
        }
    }
    at + match b {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The end of the token starting at `i`: a run of word characters, a space
/// and the run of word characters after it (so that a multiword term costs
/// one probe a word), or one other character.
#[inline]
fn token_end(s: &[u8], i: usize) -> usize {
    let (word, len) = word_char_at(s, i);
    if word {
        word_end(s, i + len)
    } else if s.get(i) == Some(&b' ') {
        let (next, n) = word_char_at(s, i + 1);
        if next {
            word_end(s, i + 1 + n)
        } else {
            i + 1
        }
    } else {
        i + len
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

/// The definite form of a multiword Arabic term without the article, given
/// and returned as a key: the article on every word (مساعدات إنسانية →
/// المساعدات الانسانيه: noun and adjective agree). Forms that never occur in
/// text (الوقف الاطلاق النار) cost nothing.
fn definite(k: &str) -> Option<String> {
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

/// What a clitic prefix (the part of a word before a bare form) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prefix {
    /// Nothing, or proclitics only (و ف, then ب ك ل); `l` when the last is ل.
    Proclitics { l: bool },
    /// Proclitics and the article: ال وال بال وبال … or the fused لل ولل فلل.
    Article,
}

/// Classifies a prefix without string comparisons.
#[cfg(test)]
fn classify_prefix(p: &str) -> Option<Prefix> {
    let mut cs = p.chars().peekable();
    if matches!(cs.peek(), Some('و' | 'ف')) {
        cs.next();
    }
    let mut prep = None;
    if let Some(&c @ ('ب' | 'ك' | 'ل')) = cs.peek() {
        prep = Some(c);
        cs.next();
    }
    match (cs.next(), cs.next(), cs.next()) {
        (None, _, _) => Some(Prefix::Proclitics {
            l: prep == Some('ل'),
        }),
        (Some('ا'), Some('ل'), None) if prep != Some('ل') => Some(Prefix::Article),
        (Some('ل'), None, _) if prep == Some('ل') => Some(Prefix::Article),
        _ => None,
    }
}

#[cfg(test)]
fn prefix_ok(prefix: &str, rule: Rule) -> bool {
    match rule {
        Rule::Latin => prefix.is_empty(),
        rule => classify_prefix(prefix).is_some_and(|pre| class_ok(pre, rule)),
    }
}

/// Whether an Arabic `rule` allows a (non-empty or empty) prefix of class
/// `pre` ([`classify_prefix`]); [`Rule::Latin`] allows only the empty
/// prefix, which the caller checks.
#[inline]
fn class_ok(pre: Prefix, rule: Rule) -> bool {
    match rule {
        Rule::Latin => false,
        Rule::ArBare { article } => match pre {
            Prefix::Proclitics { .. } => true,
            Prefix::Article => article,
        },
        Rule::ArArticle { core_l } => match pre {
            Prefix::Article => true,
            Prefix::Proclitics { l } => core_l && l,
        },
    }
}

/// The matcher's word characters: [`lang::chars::is_alphanumeric`]
/// (exactly `char::is_alphanumeric`, from the crate's table) except in the
/// Arabic block, where they are the block table's word characters (letters
/// and digits, `lang::arabic::TABLE[..].word`). The difference is
/// deliberate: the marks the normalizer deletes (harakat, tatweel, small
/// waw and yeh) are alphanumeric for Unicode, but they vanish from the
/// folded text the matcher reads, so they never reach a word here.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    match lang::arabic::get(c) {
        Some(a) => a.word,
        None => lang::chars::is_alphanumeric(c),
    }
}

/// Horizontal white space, folded to one space (line breaks are kept): the
/// crate's one definition.
pub(crate) use crate::lang::chars::is_hspace;

/// White space of any kind, horizontal or line break (for building keys):
/// exactly `char::is_whitespace`.
pub(crate) fn is_hspace_or_newline(c: char) -> bool {
    c.is_whitespace()
}

/// The UTF-8 bytes (big-endian) of what the normalizer folds the character
/// with facts `a` to when that is another two-byte character, else 0.
const fn arabic_sub(a: lang::arabic::ArabicChar) -> u16 {
    let to = match a.fold {
        Some(f) => f as u32,
        None => 0,
    };
    if a.same || !(0x80 <= to && to < 0x800) {
        0
    } else {
        (((0xC0 | (to >> 6)) << 8) | (0x80 | (to & 0x3F))) as u16
    }
}

/// For U+0600 + i: the UTF-8 bytes (big-endian) of what the normalizer
/// rewrites the character to when that is another two-byte character, else 0.
#[allow(clippy::indexing_slicing)] // const evaluation: k < 256 by the loop condition
static ARABIC_SUB: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut k = 0;
    while k < 256 {
        t[k] = arabic_sub(lang::arabic::TABLE[k]);
        k += 1;
    }
    t
};

/// [`ARABIC_FOLD`]: the character folds through the slow path.
const FOLD_SLOW: u8 = 0;
/// [`ARABIC_FOLD`]: kept as is, not a word character.
const FOLD_SAME: u8 = 1;
/// [`ARABIC_FOLD`]: kept as is, a word character.
const FOLD_SAME_WORD: u8 = 2;
/// [`ARABIC_FOLD`]: rewritten to the two-byte word character in [`ARABIC_SUB`].
const FOLD_SUB_WORD: u8 = 3;

/// For U+0600 + i: how [`Folded::new`] handles it, in one lookup, from the
/// block's table in `lang`: kept word characters, kept boundaries, letters
/// folded to another two-byte letter; the rest (deleted marks, digits folded
/// to ASCII) take the slow path.
#[allow(clippy::indexing_slicing)] // const evaluation: k < 256 by the loop condition
static ARABIC_FOLD: [u8; 256] = {
    let mut t = [FOLD_SLOW; 256];
    let mut k = 0;
    while k < 256 {
        let a = lang::arabic::TABLE[k];
        t[k] = if a.same && a.word {
            FOLD_SAME_WORD
        } else if a.same && a.boundary() {
            // Punctuation and signs, kept as they are.
            FOLD_SAME
        } else if a.word && arabic_sub(a) != 0 {
            FOLD_SUB_WORD
        } else {
            FOLD_SLOW
        };
        k += 1;
    }
    t
};

/// For the two-byte sequences `0xD800..=0xDBFF` (as a big-endian `u16`,
/// minus `0xD800`): whether it is a character that the normalizer leaves
/// as is and that is a word character ([`FOLD_SAME_WORD`]). Sequences that
/// are not valid UTF-8 are `false`.
#[allow(clippy::indexing_slicing)] // const evaluation: k < 1024 by the loop condition
static ARABIC_SAME_WORD2: [bool; 1024] = {
    let mut t = [false; 1024];
    let mut k = 0;
    while k < 1024 {
        let (lead, cont) = (k >> 8, k & 0xFF);
        if cont >= 0x80 && cont < 0xC0 {
            let cp = (lead << 6) | (cont & 0x3F);
            t[k] = matches!(ARABIC_FOLD[cp], FOLD_SAME_WORD);
        }
        k += 1;
    }
    t
};

/// The end of the run of [`FOLD_SAME_WORD`] characters of `bytes` from `i`
/// (a char boundary): two-byte letters of the Arabic block that fold to
/// themselves.
#[inline(always)]
fn same_word_run(bytes: &[u8], mut i: usize) -> usize {
    #[inline(always)]
    fn same(b0: u8, b1: u8) -> bool {
        let k = usize::from(u16::from_be_bytes([b0, b1]).wrapping_sub(0xD800));
        ARABIC_SAME_WORD2.get(k) == Some(&true)
    }
    // Two letters a step.
    while let Some(&[b0, b1, b2, b3]) = bytes
        .get(i..i + 4)
        .and_then(|s| <&[u8; 4]>::try_from(s).ok())
    {
        if !same(b0, b1) {
            return i;
        }
        if !same(b2, b3) {
            return i + 2;
        }
        i += 4;
    }
    match bytes.get(i..i + 2) {
        Some(&[b0, b1]) if same(b0, b1) => i + 2,
        _ => i,
    }
}

/// The matcher's view of a text: normalized, horizontal whitespace runs
/// folded to one space, with a map back to the original.
pub(crate) struct Folded {
    /// UTF-8 (only whole characters are written), kept as bytes: the
    /// matcher works on bytes, and validating would cost a pass.
    pub(crate) text: Vec<u8>,
    /// Runs `(folded, original)`: from `folded` on, both advance together.
    runs: Vec<(usize, usize)>,
    /// The words of `text` (maximal runs of word characters) as
    /// `(start, end)` byte ranges, in order.
    words: Vec<(usize, usize)>,
    orig_len: usize,
}

impl Folded {
    /// Folds `orig` in one pass (byte-oriented fast paths for ASCII and the
    /// Arabic block; equal to `lang::normalize` + whitespace folding, which a
    /// test checks for every BMP character).
    pub(crate) fn new(orig: &str) -> Folded {
        let bytes = orig.as_bytes();
        // The output is written over a copy of the input: while no offset
        // has changed (`w == copy_from`), characters that fold to themselves
        // are already in place and same-length rewrites (أ→ا, ة→ه, A→a) are
        // two-byte stores, so most texts are never copied piecewise.
        let mut out: Vec<u8> = bytes.to_vec();
        let mut w = 0usize;
        let mut runs: Vec<(usize, usize)> = Vec::new();
        // Runs are stretches of constant (original - folded) offset.
        let mut delta = isize::MIN;
        let mut in_space = false;
        let mut i = 0usize;
        // Start of a pending stretch that folds to itself (copied in bulk).
        let mut copy_from = 0usize;
        #[inline(always)]
        fn mark(runs: &mut Vec<(usize, usize)>, delta: &mut isize, out: usize, orig: usize) {
            let d = orig as isize - out as isize;
            if d != *delta {
                runs.push((out, orig));
                *delta = d;
            }
        }
        /// Writes `src` at `out[*w..]`, growing `out` when needed.
        #[inline(always)]
        fn put(out: &mut Vec<u8>, w: &mut usize, src: &[u8]) {
            let end = *w + src.len();
            match out.get_mut(*w..end) {
                Some(dst) => dst.copy_from_slice(src),
                None => {
                    out.truncate(*w);
                    out.extend_from_slice(src);
                }
            }
            *w = end;
        }
        /// Flushes the pending stretch `bytes[from..to]` (free when in sync).
        #[inline(always)]
        #[allow(clippy::too_many_arguments)]
        fn flush(
            out: &mut Vec<u8>,
            w: &mut usize,
            runs: &mut Vec<(usize, usize)>,
            delta: &mut isize,
            bytes: &[u8],
            from: usize,
            to: usize,
        ) {
            if from < to {
                mark(runs, delta, *w, from);
                if *w == from && to <= out.len() {
                    // Untouched copy of the input: already in place.
                    *w = to;
                } else {
                    put(out, w, bytes.get(from..to).unwrap_or(&[]));
                }
            }
        }
        // Words (maximal runs of word characters of the output), found in
        // the same pass: `word_start` is the output offset of the current
        // word's first character, or `NO_WORD`.
        const NO_WORD: usize = usize::MAX;
        let mut words: Vec<(usize, usize)> = Vec::with_capacity(bytes.len() / 8 + 1);
        let mut word_start = NO_WORD;
        while let Some(&b) = bytes.get(i) {
            // Fast paths: characters that fold to themselves. The output
            // offset of a character in the pending stretch is
            // `w + (i - copy_from)`.
            if b < 0x80 {
                if b == b' ' {
                    if !in_space {
                        in_space = true;
                        if word_start != NO_WORD {
                            words.push((word_start, w + (i - copy_from)));
                            word_start = NO_WORD;
                        }
                        i += 1;
                        continue;
                    }
                } else if b != b'\t' && !b.is_ascii_uppercase() {
                    in_space = false;
                    if b.is_ascii_alphanumeric() {
                        if word_start == NO_WORD {
                            word_start = w + (i - copy_from);
                        }
                    } else if word_start != NO_WORD {
                        words.push((word_start, w + (i - copy_from)));
                        word_start = NO_WORD;
                    }
                    i += 1;
                    continue;
                } else if b != b'\t' {
                    // Uppercase ASCII: lowercased in place.
                    flush(&mut out, &mut w, &mut runs, &mut delta, bytes, copy_from, i);
                    mark(&mut runs, &mut delta, w, i);
                    if word_start == NO_WORD {
                        word_start = w;
                    }
                    put(&mut out, &mut w, &[b.to_ascii_lowercase()]);
                    in_space = false;
                    i += 1;
                    copy_from = i;
                    continue;
                }
            } else if (0xD8..=0xDB).contains(&b) {
                if let Some(&b1) = bytes.get(i + 1) {
                    let idx = (usize::from(b - 0xD8) << 6) | usize::from(b1 & 0x3F);
                    match ARABIC_FOLD.get(idx).copied().unwrap_or(FOLD_SLOW) {
                        FOLD_SAME_WORD => {
                            in_space = false;
                            if word_start == NO_WORD {
                                word_start = w + (i - copy_from);
                            }
                            // The rest of a run of such letters (most of
                            // an Arabic word) in a tight loop.
                            i = same_word_run(bytes, i + 2);
                            continue;
                        }
                        FOLD_SAME => {
                            in_space = false;
                            if word_start != NO_WORD {
                                words.push((word_start, w + (i - copy_from)));
                                word_start = NO_WORD;
                            }
                            i += 2;
                            continue;
                        }
                        FOLD_SUB_WORD => {
                            let sub = ARABIC_SUB.get(idx).copied().unwrap_or(0);
                            flush(&mut out, &mut w, &mut runs, &mut delta, bytes, copy_from, i);
                            mark(&mut runs, &mut delta, w, i);
                            if word_start == NO_WORD {
                                word_start = w;
                            }
                            put(&mut out, &mut w, &sub.to_be_bytes());
                            in_space = false;
                            i += 2;
                            copy_from = i;
                            continue;
                        }
                        _ => {}
                    }
                }
            }
            // Slow path: flush the pending stretch, then fold this character.
            flush(&mut out, &mut w, &mut runs, &mut delta, bytes, copy_from, i);
            let Some(c) = orig.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            let len = c.len_utf8();
            let mut enc = [0u8; 4];
            let w0 = w;
            if let Some(a) = lang::arabic::get(c) {
                if let Some(x) = a.fold {
                    in_space = false;
                    mark(&mut runs, &mut delta, w, i);
                    put(&mut out, &mut w, x.encode_utf8(&mut enc).as_bytes());
                }
            } else if is_hspace(c) {
                if !in_space {
                    mark(&mut runs, &mut delta, w, i);
                    put(&mut out, &mut w, b" ");
                    in_space = true;
                }
            } else if lang::is_deleted_in_matching(c) {
                // deleted: belongs to the character before
            } else if !lang::needs_nfkc(c) && !lang::chars::is_uppercase(c) {
                in_space = false;
                if let Some(x) = lang::fold_char(c) {
                    mark(&mut runs, &mut delta, w, i);
                    put(&mut out, &mut w, x.encode_utf8(&mut enc).as_bytes());
                }
            } else {
                // Rare: presentation forms, ligatures, non-ASCII capitals.
                // Every output character maps to the start of `c`.
                let one = orig.get(i..i + len).unwrap_or("");
                for x in lang::normalize(one).text.chars() {
                    if is_hspace(x) && in_space {
                        continue;
                    }
                    in_space = is_hspace(x);
                    delta = isize::MIN;
                    mark(&mut runs, &mut delta, w, i);
                    let x = if in_space { ' ' } else { x };
                    put(&mut out, &mut w, x.encode_utf8(&mut enc).as_bytes());
                }
                delta = isize::MIN;
            }
            // Classify what was written (whole characters of `out`).
            let mut k = w0;
            while k < w {
                let (word, n) = word_char_at(&out, k);
                if word {
                    if word_start == NO_WORD {
                        word_start = k;
                    }
                } else if word_start != NO_WORD {
                    words.push((word_start, k));
                    word_start = NO_WORD;
                }
                k += n.max(1);
            }
            i += len;
            copy_from = i;
        }
        flush(
            &mut out,
            &mut w,
            &mut runs,
            &mut delta,
            bytes,
            copy_from,
            bytes.len(),
        );
        if word_start != NO_WORD {
            words.push((word_start, w));
        }
        out.truncate(w);
        Folded {
            text: out,
            runs,
            words,
            orig_len: orig.len(),
        }
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

    /// [`Folded::to_original`] for offsets in increasing order: `*run` is
    /// a cursor into the runs (start it at 0), moved forward only.
    #[inline]
    fn to_original_from(&self, p: usize, run: &mut usize) -> usize {
        if p >= self.text.len() {
            return self.orig_len;
        }
        while self.runs.get(*run + 1).is_some_and(|&(n, _)| n <= p) {
            *run += 1;
        }
        match self.runs.get(*run) {
            Some(&(n, o)) if n <= p => (o + (p - n)).min(self.orig_len),
            _ => 0,
        }
    }

    /// [`Folded::span`] for spans in increasing order (see
    /// [`Folded::to_original_from`]).
    fn span_from(&self, s: usize, e: usize, run: &mut usize) -> Span {
        let s = self.to_original_from(s, run);
        Span::new(s, self.to_original_from(e, run))
    }
}

/// Drops invisible format characters (bidi controls, zero-width marks) from
/// the end of a hit: the offset map gives a deleted character to the one
/// before it, which is right for harakat and tatweel but would make a quote
/// carry an unbalanced PDI/PDF into briefings and XLIFF.
fn trim_invisible(text: &str, mut span: Span) -> Span {
    while let Some(c) = text
        .get(span.start..span.end)
        .and_then(|s| s.chars().next_back())
    {
        if matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}')
        {
            span.end -= c.len_utf8();
        } else {
            break;
        }
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Entry;

    #[test]
    fn spellings_with_one_key_give_one_alternative() {
        let e = |ar: &str, variants: &[&str], en: &str| Entry {
            ar: ar.into(),
            en: en.into(),
            variants: variants.iter().map(|v| v.to_string()).collect(),
            ..Entry::default()
        };
        // الرقة and الرقه share a key (and so the core رقه and one rule);
        // الرقّة only adds a diacritic. The second entry's core comes later.
        let g = Glossary::from_entries([
            e("الرقة", &["الرقه", "الرقّة"], "Raqqa"),
            e("حلب", &[], "Aleppo"),
        ]);
        let m = Matcher::new(&g);
        let cores: Vec<(u32, Vec<u32>)> = m
            .pat_alts
            .iter()
            .map(|&(start, len)| {
                let alts = m.alts.get(start as usize..(start + len) as usize).unwrap();
                (len, alts.iter().map(|a| a.entry).collect())
            })
            .collect();
        // Each pattern's alternatives are one run, without repeats.
        assert!(cores
            .iter()
            .all(|(len, entries)| *len as usize == entries.len()));
        assert!(cores.iter().any(|(_, entries)| entries == &[0]));
        assert!(cores.iter().any(|(_, entries)| entries == &[1]));
        assert_eq!(
            m.alts.len(),
            cores.iter().map(|(len, _)| *len as usize).sum::<usize>()
        );
        assert!(cores.iter().all(|(len, _)| *len == 1), "{cores:?}");
        let hits = m.find("وصل إلى الرقه ثم حلب");
        assert_eq!(hits.iter().map(|h| h.entry).collect::<Vec<_>>(), [0, 1]);
    }

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
            assert_eq!(
                std::str::from_utf8(&f.text).unwrap(),
                collapse(&lang::normalize(t).text),
                "{t:?}"
            );
        }
    }

    #[test]
    fn folded_equals_normalize_for_every_bmp_char() {
        for u in 0u32..=0xFFFF {
            let Some(c) = char::from_u32(u) else { continue };
            let t = format!("a{c}b");
            let f = Folded::new(&t);
            assert_eq!(
                std::str::from_utf8(&f.text).unwrap(),
                collapse(&lang::normalize(&t).text),
                "U+{u:04X}"
            );
            assert_eq!(f.span(0, f.text.len()).slice(&t), t);
            assert_eq!(f.words, scan_words(&f.text), "U+{u:04X}");
        }
    }

    /// The words of `buf` found character by character.
    fn scan_words(buf: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < buf.len() {
            let (word, n) = word_char_at(buf, i);
            if word {
                let e = word_end(buf, i);
                out.push((i, e));
                i = e;
            } else {
                i += n.max(1);
            }
        }
        out
    }

    #[test]
    fn folded_words_are_the_runs_of_word_characters() {
        for t in [
            "وبالرَّقَّةِ  x\t\u{a0}y",
            "ﻻ ١٢٣ OK ÉTAT-3 «دير الزور»،\nالرقة",
            "  آمنة ـــ ؤ ئ ى ة x.y",
            "ABC\u{200f}def غزة\u{64e}\u{651}",
            "",
            "a",
            " ",
        ] {
            let f = Folded::new(t);
            assert_eq!(f.words, scan_words(&f.text), "{t:?}");
        }
        // Every character of the Arabic block between two words and inside one.
        for k in 0..256u32 {
            let c = char::from_u32(0x600 + k).unwrap();
            for t in [format!("ب{c}ب"), format!("{c} {c}{c}\tA{c}")] {
                let f = Folded::new(&t);
                assert_eq!(f.words, scan_words(&f.text), "{t:?}");
            }
        }
    }

    #[test]
    fn same_word_runs_are_letters_that_fold_to_themselves() {
        for k in 0..0x100u32 {
            let c = char::from_u32(0x600 + k).unwrap();
            let s = c.to_string();
            let same_word = lang::fold_char(c) == Some(c) && is_word_char(c);
            assert_eq!(
                same_word_run(s.as_bytes(), 0) == 2,
                same_word,
                "U+{:04X}",
                0x600 + k
            );
        }
        // Stops at a space, a folded letter (ة) and the end.
        let t = "كتب مدرسة";
        assert_eq!(same_word_run(t.as_bytes(), 0), "كتب".len());
        assert_eq!(same_word_run(t.as_bytes(), "كتب ".len()), "كتب مدرس".len());
        assert_eq!(same_word_run("ab".as_bytes(), 0), 0);
        assert_eq!(same_word_run("سس".as_bytes(), 2), 4);
    }

    #[test]
    fn arabic_fold_table_agrees_with_fold_char() {
        for (k, &got) in ARABIC_FOLD.iter().enumerate() {
            let c = char::from_u32(0x600 + k as u32).unwrap();
            let want = match lang::fold_char(c) {
                Some(x) if x == c && is_word_char(c) => FOLD_SAME_WORD,
                Some(x) if x == c => FOLD_SAME,
                Some(x) if x.len_utf8() == 2 && is_word_char(x) => FOLD_SUB_WORD,
                _ => FOLD_SLOW,
            };
            assert_eq!(got, want, "U+{:04X}", 0x600 + k);
        }
    }

    #[test]
    fn arabic_sub_table_agrees_with_fold_char() {
        for k in 0..256u32 {
            let c = char::from_u32(0x600 + k).unwrap();
            let want = match lang::fold_char(c) {
                Some(x) if x != c && x.len_utf8() == 2 => {
                    let mut b = [0u8; 4];
                    x.encode_utf8(&mut b);
                    u16::from_be_bytes([b[0], b[1]])
                }
                _ => 0,
            };
            assert_eq!(ARABIC_SUB[k as usize], want, "U+{:04X}", 0x600 + k);
        }
    }

    #[test]
    fn arabic_word_table_agrees_with_is_word_char() {
        for k in 0..256u32 {
            let c = char::from_u32(0x600 + k).unwrap();
            assert_eq!(
                ARABIC_WORD[k as usize],
                is_word_char(c),
                "U+{:04X}",
                0x600 + k
            );
        }
    }

    #[test]
    fn word_chars_are_alphanumeric_outside_the_arabic_block() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let want = match lang::arabic::get(c) {
                Some(a) => a.word,
                None => c.is_alphanumeric(),
            };
            assert_eq!(is_word_char(c), want, "{c:?}");
        }
        // In the block the deleted marks are not word characters, though
        // Unicode counts them alphanumeric.
        assert!('\u{064E}'.is_alphanumeric() && !is_word_char('\u{064E}'));
        assert!('ـ'.is_alphanumeric() && !is_word_char('ـ'));
    }

    #[test]
    fn word_char_at_agrees_with_is_word_char() {
        for u in 0u32..=0x2FFFF {
            let Some(c) = char::from_u32(u) else { continue };
            let t = format!("{c}x");
            assert_eq!(
                word_char_at(t.as_bytes(), 0),
                (is_word_char(c), c.len_utf8()),
                "U+{u:04X}"
            );
        }
    }

    #[test]
    fn trie_walk_reports_whole_token_prefixes_only() {
        let pats: Vec<String> = ["ab", "ab cd", "ab c", "b", "x.y", "ab-"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let trie = TokenTrie::new(&pats, &[]);
        let found = |text: &str, p: usize| {
            let mut v = Vec::new();
            let b = text.as_bytes();
            let we = word_end(b, p);
            let words = Folded::new(text).words;
            let rest: Vec<_> = words.into_iter().filter(|&(s, _)| s >= we).collect();
            trie.walk(b, p, we, &rest, |e, pid, _| v.push((e, pid)));
            v
        };
        assert_eq!(found("ab cd e", 0), [(2, 0), (5, 1)]);
        // "ab c" ends inside the word "cd": the token "cd" differs from "c".
        assert_eq!(found("ab cd", 0), [(2, 0), (5, 1)]);
        assert_eq!(found("ab c", 0), [(2, 0), (4, 2)]);
        assert_eq!(found("abc", 0), []);
        assert_eq!(found("ab", 1), [(2, 3)]);
        assert_eq!(found("x.y", 0), [(3, 4)]);
        // A pattern ending in punctuation is reported even before a word
        // character; the caller checks the end.
        assert_eq!(found("ab-c", 0), [(2, 0), (3, 5)]);
    }

    #[test]
    fn folded_maps_back() {
        let t = "دير \u{a0}\tالزُّور x";
        let f = Folded::new(t);
        let ft = std::str::from_utf8(&f.text).unwrap();
        assert_eq!(ft, "دير الزور x");
        let e = ft.find(" x").unwrap();
        assert_eq!(f.span(0, e).slice(t), "دير \u{a0}\tالزُّور");
    }

    #[test]
    fn span_from_agrees_with_span() {
        let t = "\u{feff}دير \u{a0}\tالزُّور  x ﻻ مـدينة\u{200f} ،  Ab ًً";
        let f = Folded::new(t);
        let n = f.text.len();
        for step in 1..6 {
            let mut run = 0;
            let mut s = 0;
            while s <= n + 1 {
                let e = (s + step).min(n + 1);
                assert_eq!(f.span_from(s, e, &mut run), f.span(s, e), "{s}..{e}");
                s = e + step / 2 + 1;
            }
        }
    }

    #[test]
    fn clitic_offsets_cover_allowed_prefixes() {
        for (word, want) in [
            ("وبالرقه", vec!["و", "وب", "وبال"]),
            ("للرقه", vec!["ل", "لل"]),
            ("ولل", vec!["و", "ول", "ولل"]),
            ("فالرقه", vec!["ف", "فال"]),
            ("الرقه", vec!["ال"]),
            ("رقه", vec![]),
            ("كالرقه", vec!["ك", "كال"]),
        ] {
            let (offs, n) = clitic_offsets(word.as_bytes());
            let got: Vec<&str> = offs[..n].iter().map(|&k| &word[..k]).collect();
            assert_eq!(got, want, "{word}");
        }
    }

    #[test]
    fn prefixes() {
        let art = Rule::ArArticle { core_l: false };
        for p in ["ال", "وال", "بال", "وبال", "لل", "ولل", "فال", "كال"] {
            assert!(prefix_ok(p, art), "{p}");
            assert!(prefix_ok(p, Rule::ArBare { article: true }), "{p}");
            assert!(!prefix_ok(p, Rule::ArBare { article: false }), "{p}");
        }
        for p in ["", "ب", "و", "لال", "ا", "بب", "ول"] {
            assert!(!prefix_ok(p, art), "{p}");
        }
        for p in ["", "و", "ب", "وب", "فل", "وك"] {
            assert!(prefix_ok(p, Rule::ArBare { article: false }), "{p}");
        }
        for p in ["ا", "بب", "لال", "وو", "بو", "والل", "سال"] {
            assert!(!prefix_ok(p, Rule::ArBare { article: true }), "{p}");
        }
        for p in ["ل", "ول", "فل"] {
            assert!(prefix_ok(p, Rule::ArArticle { core_l: true }), "{p}");
        }
        assert!(!prefix_ok("ب", Rule::ArArticle { core_l: true }));
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
