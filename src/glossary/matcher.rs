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
//! article stripped from terms that begin with it). It is walked anchored
//! from every word start and from every offset after a possible clitic
//! prefix (و ف ب ك ل ال لل …, at most four per word), and each hit is
//! accepted only if the part of the word before it is a prefix its term
//! allows — see [`Matcher`]. Anchored walks never look at mid-word
//! positions, so a big glossary costs little more than a small one.
//!
//! The automaton is an anchored DFA up to 10,000 distinct forms and a
//! contiguous NFA beyond (a DFA over 100,000 forms takes >100 MB).

use std::collections::HashMap;

use aho_corasick::automaton::Automaton;
use aho_corasick::{dfa, nfa, Anchored, MatchKind, StartKind};
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
    engine: Option<Engine>,
    /// Per automaton pattern: its range in `alts`.
    pat_alts: Vec<(u32, u32)>,
    /// Per automaton pattern: its length in bytes.
    pat_lens: Vec<u32>,
    alts: Vec<Alt>,
}

/// Pattern counts up to which the automaton is a DFA (fast, more memory).
const DFA_MAX_PATTERNS: usize = 10_000;

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
        let pat_lens = order
            .iter()
            .map(|c| u32::try_from(c.len()).unwrap_or(u32::MAX))
            .collect();
        let mut alts = Vec::new();
        for core in &order {
            let list = by_core.remove(core).unwrap_or_default();
            let start = u32::try_from(alts.len()).unwrap_or(u32::MAX);
            let len = u32::try_from(list.len()).unwrap_or(0);
            pat_alts.push((start, len));
            alts.extend(list);
        }
        let engine = if order.is_empty() {
            None
        } else if order.len() <= DFA_MAX_PATTERNS {
            dfa::DFA::builder()
                .match_kind(MatchKind::Standard)
                .start_kind(StartKind::Anchored)
                .prefilter(false)
                .build(&order)
                .ok()
                .map(Engine::Dfa)
        } else {
            None
        };
        let engine = engine.or_else(|| {
            nfa::contiguous::NFA::builder()
                .match_kind(MatchKind::Standard)
                .prefilter(false)
                .build(&order)
                .ok()
                .map(Engine::Nfa)
        });
        Matcher {
            engine,
            pat_alts,
            pat_lens,
            alts,
        }
    }

    /// Number of distinct bare forms in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.pat_alts.len()
    }

    /// Heap memory used by the automaton, in bytes.
    pub fn memory_usage(&self) -> usize {
        match &self.engine {
            Some(Engine::Dfa(d)) => d.memory_usage(),
            Some(Engine::Nfa(n)) => n.memory_usage(),
            None => 0,
        }
    }

    /// All hits in `text`, in order, not overlapping, never inside a longer
    /// word. Spans index `text` on char boundaries.
    pub fn find(&self, text: &str) -> Vec<TermHit> {
        let Some(engine) = &self.engine else {
            return Vec::new();
        };
        let folded = Folded::new(text);
        match engine {
            Engine::Dfa(d) => self.find_with(d, text, &folded),
            Engine::Nfa(n) => self.find_with(n, text, &folded),
        }
    }

    /// Walks the automaton, anchored, from every word start and from every
    /// position after an allowed clitic prefix; per word the longest valid
    /// hit wins, and words inside an earlier hit are skipped.
    fn find_with<A: Automaton>(&self, aut: &A, text: &str, folded: &Folded) -> Vec<TermHit> {
        let buf = folded.text.as_str();
        let bytes = buf.as_bytes();
        let mut out = Vec::new();
        let mut last_end = 0usize;
        let mut pos = 0usize;
        while pos < bytes.len() {
            // Find the next word start.
            let Some(c) = buf.get(pos..).and_then(|r| r.chars().next()) else {
                break;
            };
            if !is_word_char(c) {
                pos += c.len_utf8();
                continue;
            }
            let ws = pos;
            // The word's end (for skipping) is found lazily below.
            let mut best: Option<(usize, u32)> = None;
            if ws >= last_end {
                let arabic = lang::is_arabic_letter(c);
                let try_at = |p: usize, best: &mut Option<(usize, u32)>| {
                    walk(aut, bytes, p, |e, pid| {
                        if best.is_some_and(|(be, _)| be >= e) {
                            return;
                        }
                        // A state also reports the patterns that are a
                        // suffix of its path (Aho-Corasick copies them from
                        // failure states): keep only those starting at `p`.
                        if self.pat_lens.get(pid).map(|&n| n as usize) != Some(e - p) {
                            return;
                        }
                        if buf
                            .get(e..)
                            .and_then(|r| r.chars().next())
                            .is_some_and(is_word_char)
                        {
                            return;
                        }
                        if let Some(entry) = self.accept(pid, buf, ws, p, e, text, folded) {
                            *best = Some((e, entry));
                        }
                    });
                };
                try_at(ws, &mut best);
                if arabic {
                    let (offs, n) = clitic_offsets(buf.get(ws..).unwrap_or(""));
                    for &k in offs.get(..n).unwrap_or(&[]) {
                        try_at(ws + k, &mut best);
                    }
                }
            }
            if let Some((e, entry)) = best {
                let span = trim_invisible(text, folded.span(ws, e));
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
            // Skip to the end of this word.
            pos = ws + c.len_utf8();
            while let Some(c) = buf.get(pos..).and_then(|r| r.chars().next()) {
                if !is_word_char(c) {
                    break;
                }
                pos += c.len_utf8();
            }
        }
        out
    }

    /// The entry of the first alternative of pattern `pid` that accepts a hit
    /// `[p, e)` in a word starting at `ws`.
    #[allow(clippy::too_many_arguments)]
    fn accept(
        &self,
        pid: usize,
        buf: &str,
        ws: usize,
        p: usize,
        e: usize,
        text: &str,
        folded: &Folded,
    ) -> Option<u32> {
        let &(a0, n) = self.pat_alts.get(pid)?;
        let alts = self.alts.get(a0 as usize..(a0 as usize + n as usize))?;
        let prefix = buf.get(ws..p)?;
        for alt in alts {
            let ok = match alt.rule {
                Rule::Latin => prefix.is_empty(),
                rule => prefix_ok(prefix, rule),
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
#[inline]
fn clitic_offsets(word: &str) -> ([usize; 6], usize) {
    let mut c = ['\0'; 5];
    for (slot, ch) in c.iter_mut().zip(word.chars()) {
        *slot = ch;
    }
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    let mut offs = [0usize; 6];
    let mut n = 0usize;
    let mut push = |k: usize| {
        if let Some(slot) = offs.get_mut(n) {
            *slot = 2 * k; // every letter here is two bytes in UTF-8
            n += 1;
        }
    };
    let mut k = 0;
    if matches!(at(k), 'و' | 'ف') {
        k += 1;
        push(k);
    }
    match at(k) {
        'ب' | 'ك' => {
            push(k + 1);
            if at(k + 1) == 'ا' && at(k + 2) == 'ل' {
                push(k + 3);
            }
        }
        'ل' => {
            push(k + 1);
            if at(k + 1) == 'ل' {
                push(k + 2);
            }
        }
        'ا' if at(k + 1) == 'ل' => push(k + 2),
        _ => {}
    }
    (offs, n)
}

/// The automaton: a DFA for small glossaries, a contiguous NFA for big ones.
#[derive(Debug, Clone)]
enum Engine {
    Dfa(dfa::DFA),
    Nfa(nfa::contiguous::NFA),
}

/// Calls `f(end, pattern)` for every pattern that starts at `p`.
#[inline]
fn walk<A: Automaton>(aut: &A, buf: &[u8], p: usize, mut f: impl FnMut(usize, usize)) {
    let Ok(mut sid) = aut.start_state(Anchored::Yes) else {
        return;
    };
    let mut at = p;
    while let Some(&b) = buf.get(at) {
        sid = aut.next_state(Anchored::Yes, sid, b);
        at += 1;
        if aut.is_special(sid) {
            if aut.is_dead(sid) {
                return;
            }
            if aut.is_match(sid) {
                for i in 0..aut.match_len(sid) {
                    f(at, aut.match_pattern(sid, i).as_usize());
                }
            }
        }
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

/// What a clitic prefix (the part of a word before a bare form) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prefix {
    /// Nothing, or proclitics only (و ف, then ب ك ل); `l` when the last is ل.
    Proclitics { l: bool },
    /// Proclitics and the article: ال وال بال وبال … or the fused لل ولل فلل.
    Article,
}

/// Classifies a prefix without string comparisons (this runs per candidate).
#[inline]
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

fn prefix_ok(prefix: &str, rule: Rule) -> bool {
    match rule {
        Rule::Latin => prefix.is_empty(),
        Rule::ArBare { article } => match classify_prefix(prefix) {
            Some(Prefix::Proclitics { .. }) => true,
            Some(Prefix::Article) => article,
            None => false,
        },
        Rule::ArArticle { core_l } => match classify_prefix(prefix) {
            Some(Prefix::Article) => true,
            Some(Prefix::Proclitics { l }) => core_l && l,
            None => false,
        },
    }
}

/// `char::is_alphanumeric` with fast paths for ASCII and the Arabic block
/// (the generic Unicode lookup is slow enough to dominate matching).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return lang::is_arabic_letter(c)
            || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}');
    }
    c.is_alphanumeric()
}

/// `char::is_uppercase` with a fast path for the Arabic script blocks.
#[inline]
fn is_upper(c: char) -> bool {
    if ('\u{0590}'..='\u{08FF}').contains(&c) {
        return false;
    }
    c.is_uppercase()
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

/// [`lang::fold_char`] for the Arabic block U+0600–U+06FF, inlined:
/// `None` for deleted marks.
#[inline(always)]
fn fold_arabic(c: char) -> Option<char> {
    Some(match c {
        '\u{064B}'..='\u{065F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{0640}'
        | '\u{061C}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ئ' => 'ي',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => c,
    })
}

/// For U+0600 + i: true when [`fold_arabic`] leaves the character as is.
#[allow(clippy::indexing_slicing)] // const evaluation: k < 256 by the loop condition
static ARABIC_SAME: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < 256 {
        let u = 0x600 + k as u32;
        t[k] = !matches!(u, 0x064B..=0x065F | 0x0610..=0x061A | 0x0670 | 0x06D6..=0x06DC
            | 0x06DF..=0x06E8 | 0x06EA..=0x06ED | 0x0640 | 0x061C | 0x0622 | 0x0623 | 0x0625
            | 0x0671 | 0x0649 | 0x0629 | 0x0624 | 0x0626 | 0x0660..=0x0669 | 0x06F0..=0x06F9);
        k += 1;
    }
    t
};

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
    /// Folds `orig` in one pass (byte-oriented fast paths for ASCII and the
    /// Arabic block; equal to `lang::normalize` + whitespace folding, which a
    /// test checks for every BMP character).
    pub(crate) fn new(orig: &str) -> Folded {
        let bytes = orig.as_bytes();
        let mut out = String::with_capacity(bytes.len());
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
        while let Some(&b) = bytes.get(i) {
            // Fast paths: characters that fold to themselves.
            if b < 0x80 {
                if b == b' ' {
                    if !in_space {
                        in_space = true;
                        i += 1;
                        continue;
                    }
                } else if b != b'\t' && !b.is_ascii_uppercase() {
                    in_space = false;
                    i += 1;
                    continue;
                }
            } else if (0xD8..=0xDB).contains(&b) {
                if let Some(&b1) = bytes.get(i + 1) {
                    let idx = (usize::from(b - 0xD8) << 6) | usize::from(b1 & 0x3F);
                    if ARABIC_SAME.get(idx) == Some(&true) {
                        in_space = false;
                        i += 2;
                        continue;
                    }
                }
            }
            // Slow path: flush the pending stretch, then fold this character.
            if copy_from < i {
                mark(&mut runs, &mut delta, out.len(), copy_from);
                out.push_str(orig.get(copy_from..i).unwrap_or(""));
            }
            let Some(c) = orig.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            let len = c.len_utf8();
            if ('\u{0600}'..='\u{06FF}').contains(&c) {
                if let Some(x) = fold_arabic(c) {
                    in_space = false;
                    mark(&mut runs, &mut delta, out.len(), i);
                    out.push(x);
                }
            } else if is_hspace(c) {
                if !in_space {
                    mark(&mut runs, &mut delta, out.len(), i);
                    out.push(' ');
                    in_space = true;
                }
            } else if lang::is_deleted_in_matching(c) {
                // deleted: belongs to the character before
            } else if !needs_nfkc(c) && !is_upper(c) {
                in_space = false;
                if let Some(x) = lang::fold_char(c) {
                    mark(&mut runs, &mut delta, out.len(), i);
                    out.push(x);
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
                    mark(&mut runs, &mut delta, out.len(), i);
                    out.push(if in_space { ' ' } else { x });
                }
                delta = isize::MIN;
            }
            i += len;
            copy_from = i;
        }
        if copy_from < bytes.len() {
            mark(&mut runs, &mut delta, out.len(), copy_from);
            out.push_str(orig.get(copy_from..).unwrap_or(""));
        }
        Folded {
            text: out,
            runs,
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
    fn folded_equals_normalize_for_every_bmp_char() {
        for u in 0u32..=0xFFFF {
            let Some(c) = char::from_u32(u) else { continue };
            let t = format!("a{c}b");
            let f = Folded::new(&t);
            assert_eq!(f.text, collapse(&lang::normalize(&t).text), "U+{u:04X}");
            assert_eq!(f.span(0, f.text.len()).slice(&t), t);
        }
    }

    #[test]
    fn arabic_table_agrees_with_fold_arabic() {
        for k in 0..256u32 {
            let c = char::from_u32(0x600 + k).unwrap();
            assert_eq!(
                ARABIC_SAME[k as usize],
                fold_arabic(c) == Some(c),
                "U+{:04X}",
                0x600 + k
            );
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
            let (offs, n) = clitic_offsets(word);
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
