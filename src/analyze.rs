//! Analysis: normalized tokens, stems and stopword flags per sentence.
//!
//! Each sentence is normalized as [`lang::normalize`] would (Arabic
//! orthographic folding, digits, lower case), split into maximal runs of
//! alphanumeric characters, and every token's span is mapped back to the
//! original text. Stems come from the language's light stemmer
//! ([`lang::stem`]; stopwords are not stemmed); stopword flags from the
//! embedded lists ([`lang::is_stopword`]).
//!
//! Normalized forms and stems are interned per document in a [`Vocab`]:
//! a [`Token`] holds their ids, and the stem and stopword flag are computed
//! once per distinct normalized form, not once per occurrence. The
//! vocabulary that [`analyze`] builds starts with a copy of the document
//! text: a form spelled as in the text, and a stem that is part of a form,
//! is a byte range of that copy, so most words are never copied one by one.

// The tokenizer's word characters are exactly `char::is_alphanumeric`
// (letters and digits of every script), from the crate's table in `lang`.
use crate::lang::chars::is_alphanumeric as is_word_char;
use crate::lang::{self, Lang};
use crate::segment::Sentence;
use crate::text::Span;

/// One token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte span of the token in the original text.
    pub span: Span,
    /// Id of the normalized form ([`lang::normalize`]) in the document's
    /// [`Vocab`] ([`Vocab::norm`] gives the text).
    pub norm: u32,
    /// Id of the stem used for similarity in the document's [`Vocab`]
    /// ([`Vocab::stem`] gives the text). Equal ids mean equal stems.
    /// Stopwords are not stemmed (every reader of stems skips them): their
    /// id is [`NO_STEM`], whose text is empty.
    pub stem: u32,
    /// True for function words.
    pub stop: bool,
}

/// The stem id of a stopword: stopwords are not stemmed, and
/// [`Vocab::stem`] gives the empty string for this id.
pub const NO_STEM: u32 = u32::MAX;

/// The tokens of every sentence of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Tokens per sentence, parallel to the sentence list.
    pub sentences: Vec<Vec<Token>>,
    /// The interned normalized forms and stems the tokens refer to.
    pub vocab: Vocab,
}

impl Analysis {
    /// Number of tokens in all sentences.
    pub fn token_count(&self) -> usize {
        self.sentences.iter().map(Vec::len).sum()
    }

    /// The normalized form of `token` (empty if it comes from another analysis
    /// with more entries).
    pub fn norm(&self, token: &Token) -> &str {
        self.vocab.norm(token.norm)
    }

    /// The stem of `token` (empty if it comes from another analysis with more
    /// entries).
    pub fn stem(&self, token: &Token) -> &str {
        self.vocab.stem(token.stem)
    }

    /// Analyzes each of `texts` as one sentence of a single document, with
    /// token spans relative to the start of each text (convenient for tests
    /// and for callers that split text themselves).
    ///
    /// ```
    /// use khulasa::analyze::Analysis;
    /// let a = Analysis::from_sentences(&["القافلة غادرت", "وصلت القافلة"]);
    /// assert_eq!(a.sentences[0][0].stem, a.sentences[1][1].stem);
    /// assert_eq!(a.stem(&a.sentences[1][1]), "قافل");
    /// ```
    pub fn from_sentences(texts: &[&str]) -> Analysis {
        let mut vocab = Vocab::default();
        let sentences = texts.iter().map(|t| tokenize(t, 0, &mut vocab)).collect();
        Analysis { sentences, vocab }
    }
}

/// Analyzes every sentence of `text`.
///
/// ```
/// use khulasa::{analyze, segment};
/// let text = "قال الوزيرُ إن المدارس ستفتح.";
/// let sents = segment::segment(text);
/// let a = analyze::analyze(text, &sents);
/// let toks = &a.sentences[0];
/// assert_eq!(a.norm(&toks[1]), "الوزير");
/// assert_eq!(a.stem(&toks[1]), "وزير");
/// assert_eq!(toks[1].span.slice(text), "الوزيرُ");
/// assert!(toks[2].stop);
/// ```
pub fn analyze(text: &str, sentences: &[Sentence]) -> Analysis {
    // About one distinct form per 16 bytes of news text; the tables grow
    // past that, so the cap only bounds the up-front allocation.
    let mut vocab = Vocab::for_text(text, (text.len() / 16).min(1 << 15));
    let sentences = sentences
        .iter()
        .map(|s| tokenize_in(s.span.slice(text), s.span.start, &mut vocab, true))
        .collect();
    Analysis { sentences, vocab }
}

/// Tokenizes one stretch of original text starting at byte `base` of the
/// document; token spans are document offsets, and normalized forms and stems
/// are interned in `vocab` (pass the same vocabulary for every sentence of a
/// document so that equal words get equal ids).
///
/// Equivalent to running [`lang::normalize`] on `text` and splitting the
/// result into maximal runs of alphanumeric characters (a property test
/// checks this), but fused into one pass without the intermediate string and
/// offset map: deleted characters (harakat, tatweel) inside or right after a
/// word belong to it, as the offset map would assign them.
///
/// ```
/// use khulasa::analyze::{tokenize, Vocab};
/// let mut vocab = Vocab::default();
/// let toks = tokenize("وزيرُ الدفاعِ", 10, &mut vocab);
/// assert_eq!(vocab.norm(toks[1].norm), "الدفاع");
/// assert_eq!((toks[1].span.start, toks[1].span.end), (21, 35));
/// ```
pub fn tokenize(text: &str, base: usize, vocab: &mut Vocab) -> Vec<Token> {
    tokenize_in(text, base, vocab, false)
}

/// [`tokenize`]; with `in_arena`, `vocab`'s arena starts with the document
/// whose bytes `base..` are `text` ([`Vocab::for_text`]), so forms spelled as
/// in the text are not copied (the arena is checked before it is relied on).
#[inline]
fn tokenize_in(text: &str, base: usize, vocab: &mut Vocab, in_arena: bool) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 8 + 1);
    let table = class_table();
    let bytes = text.as_bytes();
    // The token being read: its start (`NONE` between tokens), the end of
    // its last word character, and whether its normalized form differs from
    // the original bytes `start..word_end` (then it is spelled out in `buf`).
    const NONE: usize = usize::MAX;
    let mut start = NONE;
    let mut word_end = 0usize;
    let mut dirty = false;
    let mut buf = String::with_capacity(32);
    // Ends the token being read at byte `$end` (interns its form).
    macro_rules! finish {
        ($end:expr) => {{
            let (norm, at) = if dirty {
                (buf.as_str(), None)
            } else {
                (
                    text.get(start..word_end).unwrap_or(""),
                    in_arena.then_some(base + start),
                )
            };
            let (norm, stem, stop) = vocab.intern_inline(norm, at);
            out.push(Token {
                span: Span::new(base + start, base + $end),
                norm,
                stem,
                stop,
            });
        }};
    }
    // One step of the token state machine for a character at `$i` of `$len`
    // bytes (a macro, not a closure, so the state stays in registers).
    macro_rules! step {
        ($act:expr, $i:expr, $len:expr) => {{
            let act: Act = $act;
            if act.kind == Act::WORD {
                if start == NONE {
                    start = $i;
                    word_end = $i;
                    dirty = false;
                }
                if dirty {
                    buf.push(act.ch);
                } else if !(act.same && word_end == $i) {
                    // First change (a folded character, or a deleted one
                    // inside the word): spell the form out from here on.
                    dirty = true;
                    buf.clear();
                    if word_end > start {
                        buf.push_str(text.get(start..word_end).unwrap_or(""));
                    }
                    buf.push(act.ch);
                }
                word_end = $i + $len;
            } else if act.kind == Act::BOUNDARY && start != NONE {
                finish!($i);
                start = NONE;
            }
        }};
    }
    let mut emitted: Vec<char> = Vec::new();
    let mut i = 0;
    loop {
        let Some(&b) = bytes.get(i) else {
            // The end of the text ends the last token.
            if start != NONE {
                finish!(text.len());
            }
            break;
        };
        let (act, len) = if b < 0x80 {
            (
                table
                    .ascii
                    .get(usize::from(b))
                    .copied()
                    .unwrap_or(Act::BOUNDARY_ACT),
                1,
            )
        } else if let (0xD8..=0xDB, Some(&b1)) = (b, bytes.get(i + 1)) {
            // U+0600–U+06FF.
            (
                table
                    .arabic
                    .get(arabic_index(b, b1))
                    .copied()
                    .unwrap_or(Act::BOUNDARY_ACT),
                2,
            )
        } else {
            // Any other character: decode it and fold it the general way;
            // each character it folds to is a word character (never equal to
            // the original bytes, so the form is spelled out) or a boundary.
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                // Not reached: `i` is always on a character boundary.
                i = bytes.len();
                continue;
            };
            emitted.clear();
            fold(c, &mut |f| emitted.push(f));
            for &f in &emitted {
                step!(Act::general(f), i, c.len_utf8());
            }
            i += c.len_utf8();
            continue;
        };
        step!(act, i, len);
        i += len;
        if act.kind == Act::WORD {
            // The rest of the word in a tight loop, without the state
            // machine: most words are a run of letters.
            if dirty {
                i = table.dirty_run(bytes, i, &mut buf);
            } else {
                i = table.clean_run(bytes, i);
            }
            word_end = i;
        }
    }
    out
}

/// What the tokenizer does with one character (ASCII or the Arabic block).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Act {
    /// The character normalization gives (word characters only).
    ch: char,
    /// [`Act::DELETED`], [`Act::BOUNDARY`] or [`Act::WORD`].
    kind: u8,
    /// True when `ch` is the character itself.
    same: bool,
}

impl Act {
    /// Deleted by normalization (harakat, tatweel, marks): neither part of a
    /// word nor a boundary.
    const DELETED: u8 = 0;
    /// Ends a word (punctuation, symbols, spaces).
    const BOUNDARY: u8 = 1;
    /// A word character, normalized to `ch`.
    const WORD: u8 = 2;
    const BOUNDARY_ACT: Act = Act {
        ch: ' ',
        kind: Act::BOUNDARY,
        same: false,
    };

    /// The action for `f`, a character some character folds to.
    #[inline]
    fn general(f: char) -> Act {
        if is_word_char(f) {
            Act {
                ch: f,
                kind: Act::WORD,
                same: false,
            }
        } else {
            Act::BOUNDARY_ACT
        }
    }
}

/// [`fold`] and [`is_word_char`] precomputed for ASCII and for the two-byte
/// UTF-8 sequences of U+0600–U+06FF (lead byte 0xD8–0xDB), so the
/// tokenizer's hot loop agrees with the general path by construction.
struct Classes {
    /// By byte value.
    ascii: [Act; 128],
    /// By the low 2 bits of the lead byte and the low 6 bits of the
    /// continuation byte, i.e. by code point - U+0600.
    arabic: [Act; 256],
    /// Word characters that normalize to themselves, by byte value.
    ascii_clean: [bool; 128],
    /// Word characters that normalize to themselves, indexed as `arabic`.
    arabic_clean: [bool; 256],
    /// By two bytes `b0 << 8 | b1`: the length of the character they start
    /// if it is an ASCII or Arabic-block word character that normalizes to
    /// itself (1 or 2), else 0.
    clean_pair: [u8; 1 << 16],
}

/// The index into [`Classes::arabic`] of the two-byte sequence `b0 b1`
/// (`b0` in 0xD8–0xDB).
#[inline(always)]
const fn arabic_index(b0: u8, b1: u8) -> usize {
    ((b0 & 0x03) as usize) << 6 | (b1 & 0x3F) as usize
}

impl Classes {
    /// The end of the run of word characters that normalize to themselves
    /// (ASCII or the Arabic block) starting at `i`: what the state machine
    /// would do for them inside a token whose form is still the original
    /// text is only to move the end of the word.
    #[inline(always)]
    fn clean_run(&self, bytes: &[u8], i: usize) -> usize {
        // While two bytes are left, one table lookup says how long the
        // clean character they start is (0: not clean).
        let mut j = i;
        let step = |b0: u8, b1: u8| {
            self.clean_pair
                .get(usize::from(u16::from_be_bytes([b0, b1])))
                .copied()
                .unwrap_or(0)
        };
        // Two characters per round while four bytes are left (most words
        // are runs of two-byte letters).
        while let Some(&[b0, b1, b2, b3]) = bytes.get(j..).and_then(|r| r.first_chunk::<4>()) {
            match step(b0, b1) {
                0 => return j,
                1 => j += 1,
                _ => match step(b2, b3) {
                    0 => return j + 2,
                    s => j += 2 + usize::from(s),
                },
            }
        }
        while let (Some(&b0), Some(&b1)) = (bytes.get(j), bytes.get(j + 1)) {
            let step = self
                .clean_pair
                .get(usize::from(u16::from_be_bytes([b0, b1])))
                .copied()
                .unwrap_or(0);
            if step == 0 {
                return j;
            }
            j += usize::from(step);
        }
        let mut rest = bytes.get(j..).unwrap_or(&[]);
        loop {
            match rest {
                [b0 @ 0xD8..=0xDB, b1, tail @ ..] => {
                    if !self
                        .arabic_clean
                        .get(arabic_index(*b0, *b1))
                        .copied()
                        .unwrap_or(false)
                    {
                        break;
                    }
                    rest = tail;
                }
                [b0 @ 0..=0x7F, tail @ ..] => {
                    if !self
                        .ascii_clean
                        .get(usize::from(*b0))
                        .copied()
                        .unwrap_or(false)
                    {
                        break;
                    }
                    rest = tail;
                }
                _ => break,
            }
        }
        bytes.len() - rest.len()
    }

    /// Like [`Classes::clean_run`] inside a token whose form is spelled out
    /// in `buf`: word characters (pushed in their normalized form) up to the
    /// next character that is not one; returns the end of the last.
    #[inline(always)]
    fn dirty_run(&self, bytes: &[u8], i: usize, buf: &mut String) -> usize {
        let mut rest = bytes.get(i..).unwrap_or(&[]);
        loop {
            let (act, tail) = match rest {
                [b0 @ 0xD8..=0xDB, b1, tail @ ..] => {
                    (self.arabic.get(arabic_index(*b0, *b1)), tail)
                }
                [b0 @ 0..=0x7F, tail @ ..] => (self.ascii.get(usize::from(*b0)), tail),
                _ => break,
            };
            match act {
                Some(a) if a.kind == Act::WORD => buf.push(a.ch),
                _ => break,
            }
            rest = tail;
        }
        bytes.len() - rest.len()
    }
}

/// The tokenizer's tables, computed at compile time (no start-up cost).
static CLASSES: Classes = Classes::build();

fn class_table() -> &'static Classes {
    &CLASSES
}

// Indexing in const evaluation cannot panic at run time: an out-of-range
// index fails the build.
#[allow(clippy::indexing_slicing)]
impl Classes {
    /// The tables from [`lang::arabic::TABLE`] and the ASCII rules of
    /// [`fold`] (lower case; letters and digits are words).
    const fn build() -> Classes {
        let mut t = Classes {
            ascii: [Act::BOUNDARY_ACT; 128],
            arabic: [Act::BOUNDARY_ACT; 256],
            ascii_clean: [false; 128],
            arabic_clean: [false; 256],
            clean_pair: [0u8; 1 << 16],
        };
        let mut b = 0usize;
        while b < 128 {
            let lower = (b as u8).to_ascii_lowercase();
            if lower.is_ascii_alphanumeric() {
                t.ascii[b] = Act {
                    ch: lower as char,
                    kind: Act::WORD,
                    same: lower as usize == b,
                };
                t.ascii_clean[b] = lower as usize == b;
            }
            b += 1;
        }
        // The Arabic block from the one table of its facts in `lang`: the
        // tokenizer's three kinds are the table's deleted characters, its
        // word characters (which fold to word characters, as
        // [`is_word_char`] of the fold asks) and the rest (boundaries).
        let mut k = 0usize;
        while k < 256 {
            let a = lang::arabic::TABLE[k];
            let c = match char::from_u32(lang::arabic::BASE + k as u32) {
                Some(c) => c,
                None => ' ',
            };
            t.arabic[k] = match a.fold {
                None => Act {
                    ch: c,
                    kind: Act::DELETED,
                    same: false,
                },
                Some(f) if a.word => {
                    t.arabic_clean[k] = a.same;
                    Act {
                        ch: f,
                        kind: Act::WORD,
                        same: a.same,
                    }
                }
                // A boundary (`a.boundary()`): punctuation and signs.
                Some(_) => Act::BOUNDARY_ACT,
            };
            k += 1;
        }
        let mut p = 0usize;
        while p < 1 << 16 {
            let (b0, b1) = ((p >> 8) as u8, p as u8);
            t.clean_pair[p] = match b0 {
                0..=0x7F if t.ascii_clean[b0 as usize] => 1,
                0xD8..=0xDB if b1 & 0xC0 == 0x80 && t.arabic_clean[arabic_index(b0, b1)] => 2,
                _ => 0,
            };
            p += 1;
        }
        t
    }
}

/// Feeds the matching-normalized form of `c` (zero, one or more chars) to `emit`.
#[inline]
fn fold(c: char, emit: &mut impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
    } else if let Some(a) = lang::arabic::get(c) {
        // The Arabic block (no NFKC, no case): its table in `lang`.
        if let Some(f) = a.fold {
            emit(f);
        }
    } else if lang::needs_nfkc(c) || lang::chars::is_uppercase(c) {
        let mut b = [0u8; 4];
        for f in lang::normalize(c.encode_utf8(&mut b)).text.chars() {
            emit(f);
        }
    } else if let Some(f) = lang::fold_char(c) {
        emit(f);
    }
}

/// The light stem of a normalized word (Arabic or English, chosen by its
/// script); see [`lang::stem`].
pub fn stem(word: &str) -> std::borrow::Cow<'_, str> {
    lang::stem(word, Lang::Und)
}

/// The interned normalized forms and stems of one document.
///
/// Ids are dense (`0..norm_count()`, `0..stem_count()`) and given in order of
/// first occurrence. Each normalized form is stemmed and looked up in the
/// stopword lists once, when it is first interned.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    /// The bytes of every form and stem. For a document read by [`analyze`]
    /// it starts with the document text, so that a form spelled as in the
    /// text, and a stem that is part of it, are ranges of that copy instead
    /// of copies of their own.
    arena: String,
    /// The length of the document copy at the start of `arena` (0 if none).
    doc_len: usize,
    norms: Table,
    stems: Table,
    /// Stem id and stopword flag per norm id.
    info: Vec<(u32, bool)>,
}

/// Equal when both give the same forms and stems under the same ids with the
/// same stopword flags (however their bytes are stored).
impl PartialEq for Vocab {
    fn eq(&self, other: &Self) -> bool {
        self.info == other.info
            && self.norm_count() == other.norm_count()
            && self.stem_count() == other.stem_count()
            && (0..self.norm_count() as u32).all(|i| self.norm(i) == other.norm(i))
            && (0..self.stem_count() as u32).all(|i| self.stem(i) == other.stem(i))
    }
}

impl Eq for Vocab {}

impl Vocab {
    /// An empty vocabulary.
    pub fn new() -> Vocab {
        Vocab::default()
    }

    /// An empty vocabulary with room for about `words` distinct forms.
    pub fn with_capacity(words: usize) -> Vocab {
        Vocab {
            arena: String::with_capacity(words * 8),
            doc_len: 0,
            norms: Table::with_capacity(words),
            stems: Table::with_capacity(words),
            info: Vec::with_capacity(words),
        }
    }

    /// An empty vocabulary for the words of `text` (about `words` distinct
    /// forms) whose arena starts with a copy of `text`: [`tokenize_in`]
    /// then stores the forms found in `text` unchanged as ranges of it.
    fn for_text(text: &str, words: usize) -> Vocab {
        let mut arena = String::with_capacity(text.len() + words * 4);
        arena.push_str(text);
        Vocab {
            arena,
            doc_len: text.len(),
            norms: Table::with_capacity(words),
            stems: Table::with_capacity(words),
            info: Vec::with_capacity(words * 2),
        }
    }

    /// The normalized form with id `id` (empty for an unknown id).
    pub fn norm(&self, id: u32) -> &str {
        self.norms.get(&self.arena, id)
    }

    /// The stem with id `id` (empty for an unknown id).
    pub fn stem(&self, id: u32) -> &str {
        self.stems.get(&self.arena, id)
    }

    /// Number of distinct normalized forms.
    pub fn norm_count(&self) -> usize {
        self.norms.len()
    }

    /// Number of distinct stems.
    pub fn stem_count(&self) -> usize {
        self.stems.len()
    }

    /// The id of the normalized form `norm`, if interned.
    pub fn norm_id(&self, norm: &str) -> Option<u32> {
        let b = norm.as_bytes();
        self.norms.lookup(self.arena.as_bytes(), b, hash(b)).ok()
    }

    /// The id of the stem `stem`, if interned.
    pub fn stem_id(&self, stem: &str) -> Option<u32> {
        let b = stem.as_bytes();
        self.stems.lookup(self.arena.as_bytes(), b, hash(b)).ok()
    }

    /// Interns a normalized word (the caller normalizes it): returns its norm
    /// id, stem id and stopword flag ([`lang::stem`], [`lang::is_stopword`]
    /// with [`Lang::Und`]). A stopword is not stemmed: its stem id is
    /// [`NO_STEM`].
    ///
    /// ```
    /// use khulasa::analyze::{Vocab, NO_STEM};
    /// let mut v = Vocab::new();
    /// let (n, s, stop) = v.intern("والمدارس");
    /// assert_eq!((v.norm(n), v.stem(s), stop), ("والمدارس", "مدارس", false));
    /// assert_eq!(v.intern("المدارس").1, s);
    /// assert_eq!(v.intern("في"), (2, NO_STEM, true));
    /// ```
    pub fn intern(&mut self, norm: &str) -> (u32, u32, bool) {
        self.intern_inline(norm, None)
    }

    /// [`Vocab::intern`] with the lookup of a known form inlined into the
    /// caller (the tokenizer), and the work for a new form out of line.
    /// `at`, if given, is where the arena may already hold `norm` (checked).
    #[inline(always)]
    fn intern_inline(&mut self, norm: &str, at: Option<usize>) -> (u32, u32, bool) {
        let h = hash(norm.as_bytes());
        match self.norms.lookup(self.arena.as_bytes(), norm.as_bytes(), h) {
            Ok(id) => match self.info.get(id as usize) {
                Some(&(stem, stop)) => (id, stem, stop),
                // Not reached: every interned form has its info.
                None => (id, 0, false),
            },
            Err(slot) => self.intern_new(norm, at, h, slot),
        }
    }

    /// The start in the arena of a copy of `word`: `at` if the arena holds
    /// it there (only [`tokenize_in`] passes an `at`, within the copy of the
    /// document that [`Vocab::for_text`] made), else the start of a copy
    /// appended now.
    #[inline]
    fn place_bytes(&mut self, word: &str, at: Option<usize>) -> usize {
        if let Some(a) = at {
            if a.checked_add(word.len())
                .is_some_and(|end| end <= self.doc_len)
            {
                debug_assert_eq!(
                    self.arena.as_bytes().get(a..a + word.len()),
                    Some(word.as_bytes())
                );
                return a;
            }
        }
        let start = self.arena.len();
        self.arena.push_str(word);
        start
    }

    /// Interns the new form `norm` (hash `h`, free slot `slot`, maybe held
    /// by the arena at `at`): looks it up in the stopword lists and stems it
    /// unless it is a stopword.
    #[inline(never)]
    fn intern_new(
        &mut self,
        norm: &str,
        at: Option<usize>,
        h: u64,
        slot: usize,
    ) -> (u32, u32, bool) {
        let word = norm;
        let start = self.place_bytes(word, at);
        let id = self.norms.insert_at(h, start, start + word.len(), slot);
        let stop = stopword_table().contains(word.as_bytes(), h);
        if stop {
            // Every reader of stems skips stopwords: no stem to compute.
            self.info.push((NO_STEM, true));
            return (id, NO_STEM, true);
        }
        let stem = lang::stem(word, Lang::Und);
        // Most stems are the word itself or a slice of it (then they are a
        // range of the form's bytes); an unchanged word keeps its hash.
        let off = (stem.as_ptr() as usize).wrapping_sub(word.as_ptr() as usize);
        let inside = off <= word.len() && word.len() - off >= stem.len();
        let sh = if off == 0 && stem.len() == word.len() {
            h
        } else {
            hash(stem.as_bytes())
        };
        let stem_id = match self
            .stems
            .lookup(self.arena.as_bytes(), stem.as_bytes(), sh)
        {
            Ok(s) => s,
            Err(slot) => {
                let s = if inside {
                    start + off
                } else {
                    self.place_bytes(&stem, None)
                };
                self.stems.insert_at(sh, s, s + stem.len(), slot)
            }
        };
        self.info.push((stem_id, false));
        (id, stem_id, false)
    }
}

/// Both stopword lists ([`lang::stopwords`] of Arabic and English, the set
/// [`lang::is_stopword`] checks for [`Lang::Und`]), looked up with the hash
/// [`Vocab::intern`] has already computed.
struct Stopwords {
    arena: String,
    table: Table,
    /// A Bloom filter of one bit per word over the hash: most words are
    /// rejected without probing the table.
    bloom: [u64; 64],
    /// The longest entry in bytes.
    max_len: usize,
}

impl Stopwords {
    #[inline]
    fn bloom_bit(h: u64) -> (usize, u64) {
        (((h >> 6) & 63) as usize, 1u64 << (h & 63))
    }

    #[inline]
    fn contains(&self, word: &[u8], h: u64) -> bool {
        let (k, bit) = Stopwords::bloom_bit(h);
        word.len() <= self.max_len
            && self.bloom.get(k).is_some_and(|w| w & bit != 0)
            && self.table.lookup(self.arena.as_bytes(), word, h).is_ok()
    }
}

fn stopword_table() -> &'static Stopwords {
    static TABLE: std::sync::OnceLock<Stopwords> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let words: Vec<&str> = [Lang::Ar, Lang::En]
            .into_iter()
            .flat_map(lang::stopwords)
            .collect();
        let mut t = Stopwords {
            arena: String::new(),
            table: Table::with_capacity(words.len()),
            bloom: [0; 64],
            max_len: 0,
        };
        for w in words {
            let h = hash(w.as_bytes());
            if let Err(slot) = t.table.lookup(t.arena.as_bytes(), w.as_bytes(), h) {
                let start = t.arena.len();
                t.arena.push_str(w);
                t.table.insert_at(h, start, t.arena.len(), slot);
            }
            let (k, bit) = Stopwords::bloom_bit(h);
            if let Some(b) = t.bloom.get_mut(k) {
                *b |= bit;
            }
            t.max_len = t.max_len.max(w.len());
        }
        t
    })
}

/// A string interning table over an arena kept by its owner: open addressing
/// over ids, each id naming a byte range of the arena.
#[derive(Debug, Clone, Default)]
struct Table {
    /// Per id: its hash (kept for growing the table) and its byte range in
    /// the arena, together so that a lookup touches one entry.
    entries: Vec<(u64, usize, usize)>,
    /// Slots: 0 empty, else id + 1. Length 0 or a power of two (then at
    /// least 64).
    slots: Vec<u32>,
    /// 64 minus log2 of the slot count: a hash shifted right by this many
    /// bits is its home slot (0 for the empty table, whose every slot
    /// lookup misses).
    shift: u32,
}

impl Table {
    fn with_capacity(words: usize) -> Table {
        let n = (words * 2).next_power_of_two().max(64);
        Table {
            entries: Vec::with_capacity(words * 2),
            slots: vec![0; n],
            shift: 64 - n.trailing_zeros(),
        }
    }

    fn len(&self) -> usize {
        self.entries.len()
    }

    fn get<'a>(&self, arena: &'a str, id: u32) -> &'a str {
        match self.entries.get(id as usize) {
            Some(&(_, start, end)) => arena.get(start..end).unwrap_or(""),
            None => "",
        }
    }

    #[inline(always)]
    fn slot_of(&self, h: u64) -> usize {
        // The table length is a power of two; the high bits of the hash
        // are the well-mixed ones.
        h.wrapping_shr(self.shift) as usize
    }

    /// The id of `key` (with hash `h`; entries are ranges of `arena`), or
    /// the empty slot where it would go.
    #[inline]
    fn lookup(&self, arena: &[u8], key: &[u8], h: u64) -> Result<u32, usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut s = self.slot_of(h);
        loop {
            match self.slots.get(s).copied() {
                Some(0) => return Err(s),
                // Only for the empty table of `Table::default()`.
                None => return Err(usize::MAX),
                Some(v) => {
                    let id = v - 1;
                    if let Some(&(eh, start, end)) = self.entries.get(id as usize) {
                        if eh == h && arena.get(start..end).is_some_and(|w| bytes_eq(w, key)) {
                            return Ok(id);
                        }
                    }
                }
            }
            s = (s + 1) & mask;
        }
    }

    /// Adds the word at `start..end` of the arena (hash `h`, known to be
    /// absent; `slot` from [`Table::lookup`]) and returns its id.
    #[inline(always)]
    fn insert_at(&mut self, h: u64, start: usize, end: usize, slot: usize) -> u32 {
        let id = self.len() as u32;
        self.entries.push((h, start, end));
        if (self.len() + 1) * 2 > self.slots.len() {
            // `grow` places every entry, the new one included.
            self.grow();
        } else if let Some(v) = self.slots.get_mut(slot) {
            *v = id + 1;
        } else {
            self.place(id, h);
        }
        id
    }

    fn place(&mut self, id: u32, h: u64) {
        let mask = self.slots.len().saturating_sub(1);
        let mut s = self.slot_of(h);
        while let Some(slot) = self.slots.get_mut(s) {
            if *slot == 0 {
                *slot = id + 1;
                return;
            }
            s = (s + 1) & mask;
        }
    }

    #[inline(never)]
    fn grow(&mut self) {
        let n = (self.slots.len() * 2).max(64);
        self.slots = vec![0; n];
        self.shift = 64 - n.trailing_zeros();
        for id in 0..self.entries.len() {
            let h = self.entries.get(id).map_or(0, |e| e.0);
            self.place(id as u32, h);
        }
    }
}

/// A fast hash for short byte strings (FxHash-style over 8-byte words, with a
/// final mix so that the high bits used by [`Table`] depend on every byte).
#[inline]
fn hash(b: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = (b.len() as u64).wrapping_mul(K);
    // 8 to 16 bytes (most words): the first and the last 8, which overlap
    // for fewer than 16, without the loop.
    if let (Some(lo), Some(hi), true) = (b.first_chunk::<8>(), b.last_chunk::<8>(), b.len() <= 16) {
        h = (h.rotate_left(5) ^ u64::from_le_bytes(*lo)).wrapping_mul(K);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(*hi)).wrapping_mul(K);
        return h ^ (h >> 29);
    }
    let mut rest = b;
    while let Some((c, r)) = rest.split_first_chunk::<8>() {
        h = (h.rotate_left(5) ^ u64::from_le_bytes(*c)).wrapping_mul(K);
        rest = r;
    }
    if !rest.is_empty() {
        h = (h.rotate_left(5) ^ tail_word(b, rest.len())).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

/// The last `m` bytes of `b` (1 <= `m` <= 7, `m` = `b.len()` when `b` is
/// shorter than 8 bytes) packed into an integer without a byte loop: for a
/// given `b.len()`, equal integers mean equal bytes.
#[inline]
fn tail_word(b: &[u8], m: usize) -> u64 {
    if let Some(c) = b.last_chunk::<8>() {
        u64::from_le_bytes(*c) >> (8 * (8 - m).min(7))
    } else if let (Some(lo), Some(hi)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        // 4 to 7 bytes: two overlapping loads cover them all.
        u64::from(u32::from_le_bytes(*lo)) | u64::from(u32::from_le_bytes(*hi)) << 32
    } else {
        // 1 to 3 bytes: first, middle and last cover them all.
        let at = |k: usize| u64::from(b.get(k).copied().unwrap_or(0));
        at(0) | at(b.len() / 2) << 8 | at(b.len().saturating_sub(1)) << 16
    }
}

/// Byte equality for the short keys of [`Table`], a word at a time
/// (cheaper than a call to `memcmp` for words of a few letters).
#[inline]
fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if a.len() < 8 {
        return a.is_empty() || tail_word(a, a.len()) == tail_word(b, b.len());
    }
    let (mut x, mut y) = (a, b);
    while let (Some((cx, rx)), Some((cy, ry))) =
        (x.split_first_chunk::<8>(), y.split_first_chunk::<8>())
    {
        if cx != cy {
            return false;
        }
        x = rx;
        y = ry;
    }
    // The last 8 bytes cover the remainder.
    a.last_chunk::<8>() == b.last_chunk::<8>()
}

#[cfg(test)]
mod tests {
    #[test]
    fn stopwords_are_not_stemmed_and_content_words_are() {
        let a =
            Analysis::from_sentences(&["وفي المدارس في الوزارة", "the ministers of the schools"]);
        let mut stops = 0;
        for t in a.sentences.iter().flatten() {
            let norm = a.norm(t);
            assert_eq!(t.stop, lang::is_stopword(norm, Lang::Und), "{norm}");
            if t.stop {
                stops += 1;
                assert_eq!((t.stem, a.stem(t)), (NO_STEM, ""), "{norm}");
            } else {
                assert_eq!(a.stem(t), lang::stem(norm, Lang::Und), "{norm}");
                assert_ne!(t.stem, NO_STEM);
            }
        }
        assert!(stops >= 4, "{stops}");
    }

    use super::*;

    #[test]
    fn interner_grows_and_finds_every_word() {
        let mut v = Vocab::new();
        let words: Vec<String> = (0..500).map(|i| format!("w{i}x")).collect();
        let ids: Vec<u32> = words.iter().map(|w| v.intern(w).0).collect();
        assert_eq!(v.norm_count(), 500);
        for (w, &id) in words.iter().zip(&ids) {
            assert_eq!(v.norm(id), w);
            assert_eq!(v.intern(w).0, id, "re-interning {w} must give its id");
            assert_eq!(v.norm_id(w), Some(id));
        }
        assert_eq!(v.norm_id("absent"), None);
        assert_eq!(v.norm(9999), "");
    }

    #[test]
    fn stopword_table_agrees_with_is_stopword() {
        let t = stopword_table();
        let lists: Vec<&str> = [Lang::Ar, Lang::En]
            .into_iter()
            .flat_map(lang::stopwords)
            .collect();
        for w in lists
            .iter()
            .copied()
            .chain(["الرقه", "مدارس", "raqqa", "", "x"])
        {
            assert_eq!(
                t.contains(w.as_bytes(), hash(w.as_bytes())),
                lang::is_stopword(w, Lang::Und),
                "{w}"
            );
        }
        assert!(t.table.len() > 150, "both lists should be in the table");
    }

    #[test]
    fn class_tables_agree_with_normalize() {
        // Every ASCII character and every character of U+0600–U+06FF, looked
        // up as the tokenizer does, against `lang::normalize` of it alone.
        let t = class_table();
        let mut seen = [0usize; 3];
        for cp in (0..0x80u32).chain(0x0600..0x0700) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut b = [0u8; 4];
            let enc = c.encode_utf8(&mut b).as_bytes();
            let (act, clean) = match *enc {
                [b0] => (t.ascii[usize::from(b0)], t.ascii_clean[usize::from(b0)]),
                [b0, b1] => {
                    assert!((0xD8..=0xDB).contains(&b0), "U+{cp:04X}");
                    let k = arabic_index(b0, b1);
                    assert_eq!(k as u32, cp - 0x0600, "index of U+{cp:04X}");
                    (t.arabic[k], t.arabic_clean[k])
                }
                _ => panic!("U+{cp:04X} is not one or two bytes"),
            };
            let norm = lang::normalize(enc_str(enc)).text.into_owned();
            let chars: Vec<char> = norm.chars().collect();
            match chars.as_slice() {
                [] => assert_eq!(act.kind, Act::DELETED, "U+{cp:04X} is deleted"),
                [f] if f.is_alphanumeric() => {
                    assert_eq!(act.kind, Act::WORD, "U+{cp:04X} is a word character");
                    assert_eq!(act.ch, *f, "U+{cp:04X} normalizes to {f}");
                    assert_eq!(act.same, *f == c, "U+{cp:04X}");
                }
                _ => assert_eq!(act.kind, Act::BOUNDARY, "U+{cp:04X} ends a word"),
            }
            assert_eq!(
                clean,
                act.kind == Act::WORD && act.same,
                "clean flag of U+{cp:04X}"
            );
            seen[usize::from(act.kind)] += 1;
        }
        // All three kinds occur (harakat, punctuation, letters).
        assert!(seen.iter().all(|&n| n > 10), "{seen:?}");
        assert!(t.arabic_clean[arabic_index(0xD8, 0xA8)], "ب is clean");
        assert!(!t.arabic_clean[arabic_index(0xD8, 0xA9)], "ة folds to ه");
        assert!(t.ascii_clean[usize::from(b'a')] && !t.ascii_clean[usize::from(b'A')]);
    }

    #[test]
    fn static_tables_equal_the_general_fold() {
        // The compile-time tables against a run-time computation from
        // `fold` and `is_word_char` for every character they cover.
        let act = |cp: u32| {
            let Some(c) = char::from_u32(cp) else {
                return Act::BOUNDARY_ACT;
            };
            let mut folded = Vec::new();
            fold(c, &mut |f| folded.push(f));
            match folded.as_slice() {
                [] => Act {
                    ch: c,
                    kind: Act::DELETED,
                    same: false,
                },
                [f] if is_word_char(*f) => Act {
                    ch: *f,
                    kind: Act::WORD,
                    same: *f == c,
                },
                [f] => {
                    assert!(!is_word_char(*f));
                    Act::BOUNDARY_ACT
                }
                more => panic!("U+{cp:04X} folds to {more:?}"),
            }
        };
        let t = class_table();
        for b in 0..128u32 {
            assert_eq!(t.ascii[b as usize], act(b), "{b:02X}");
            let a = act(b);
            assert_eq!(t.ascii_clean[b as usize], a.kind == Act::WORD && a.same);
        }
        for k in 0..256u32 {
            assert_eq!(
                t.arabic[k as usize],
                act(0x0600 + k),
                "U+{:04X}",
                0x0600 + k
            );
            let a = act(0x0600 + k);
            assert_eq!(t.arabic_clean[k as usize], a.kind == Act::WORD && a.same);
        }
    }

    #[test]
    fn clean_pair_agrees_with_the_clean_flags() {
        let t = class_table();
        for (k, &step) in t.clean_pair.iter().enumerate() {
            let (b0, b1) = ((k >> 8) as u8, k as u8);
            let want = if b0 < 0x80 {
                u8::from(t.ascii_clean[usize::from(b0)])
            } else if (0xD8..=0xDB).contains(&b0) && b1 & 0xC0 == 0x80 {
                2 * u8::from(t.arabic_clean[arabic_index(b0, b1)])
            } else {
                0
            };
            assert_eq!(step, want, "{b0:02X} {b1:02X}");
        }
        // A run ending one byte before the end of the text, and at the end.
        assert_eq!(t.clean_run(b"ab", 0), 2);
        assert_eq!(t.clean_run("بب.".as_bytes(), 0), 4);
        assert_eq!(t.clean_run("ببa".as_bytes(), 0), 5);
    }

    #[test]
    fn forms_shared_with_the_document_copy_match_copied_forms() {
        // `analyze` keeps forms spelled as in the text as ranges of its copy
        // of the document; tokenizing the same sentences into a fresh
        // vocabulary copies every form. Both must agree on every token, form,
        // stem and flag.
        let texts = [
            include_str!("../seeds/000_5691900a397ebd07.txt"),
            include_str!("../seeds/003_f73e49b5b275455f.txt"),
            "The Cities' fighters: كتب الطلابُ، والمدارسُ؛ أحمد ومدرسة الله ودبابات CLASSES",
        ];
        for text in texts {
            let sents = crate::segment::segment(text);
            let a = analyze(text, &sents);
            let mut v = Vocab::new();
            let toks: Vec<Vec<Token>> = sents
                .iter()
                .map(|s| tokenize(s.span.slice(text), s.span.start, &mut v))
                .collect();
            assert_eq!(a.sentences, toks);
            assert_eq!(a.vocab, v);
            assert_eq!(a.vocab.norm_count(), v.norm_count());
            for id in 0..v.norm_count() as u32 {
                assert_eq!(a.vocab.norm(id), v.norm(id));
                assert_eq!(a.vocab.norm_id(v.norm(id)), Some(id));
            }
            for id in 0..v.stem_count() as u32 {
                assert_eq!(a.vocab.stem(id), v.stem(id));
                assert_eq!(a.vocab.stem_id(v.stem(id)), Some(id));
            }
            assert!(v.norm_count() > 10 && v.stem_count() > 5);
        }
        // Different forms are different vocabularies.
        let (mut x, mut y) = (Vocab::new(), Vocab::new());
        x.intern("كتب");
        y.intern("كتاب");
        assert_ne!(x, y);
    }

    fn enc_str(b: &[u8]) -> &str {
        std::str::from_utf8(b).unwrap()
    }

    #[test]
    fn hash_and_bytes_eq_on_every_length() {
        // Words of 0 to 40 bytes: equal bytes give equal hashes, and
        // bytes_eq agrees with ==, including for a one-byte change at any
        // position (the tail loads must cover every byte).
        for n in 0..40usize {
            let a: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
            assert_eq!(hash(&a), hash(&a.clone()));
            assert!(bytes_eq(&a, &a.clone()));
            for k in 0..n {
                let mut b = a.clone();
                b[k] ^= 0x20;
                assert!(!bytes_eq(&a, &b), "len {n}, byte {k}");
                assert_ne!(hash(&a), hash(&b), "len {n}, byte {k}");
            }
            if n > 0 {
                assert!(!bytes_eq(&a, &a[..n - 1]));
            }
        }
    }

    #[test]
    fn table_agrees_with_general_fold() {
        // Every character of the Arabic block, alone and inside a word.
        for k in 0..256u32 {
            let Some(c) = char::from_u32(0x0600 + k) else {
                continue;
            };
            let text = format!("ab{c}cd {c}");
            let mut v = Vocab::new();
            let fast: Vec<(String, Span)> = tokenize(&text, 0, &mut v)
                .iter()
                .map(|t| (v.norm(t.norm).to_string(), t.span))
                .collect();
            let mut slow = Vec::new();
            let mut buf = String::new();
            let mut start = None;
            for (pos, ch) in text
                .char_indices()
                .chain(std::iter::once((text.len(), ' ')))
            {
                fold(ch, &mut |f| {
                    if is_word_char(f) {
                        start.get_or_insert(pos);
                        buf.push(f);
                    } else if let Some(s) = start.take() {
                        slow.push((std::mem::take(&mut buf), Span::new(s, pos)));
                    }
                });
            }
            assert_eq!(fast, slow, "U+{:04X}", 0x0600 + k);
        }
    }
}
