//! The in-line rules: one left-to-right pass over a block (a stretch of
//! text between line-level boundaries) that finds the terminal groups which
//! end a unit (guidelines §2, §4–§11).
//!
//! Every decision looks at a bounded window around the mark (the token
//! before it, at most [`WORD_MAX`] bytes of the word after it), so the pass
//! is linear in the length of the block.

use super::abbrev::{AbbrevClass, Abbrevs, MAX_KEY};
use super::bytes as scan;
use super::chars::{
    char_at, char_before, is_arabic, is_closing_bracket, is_closing_quote_shape, is_continuing,
    is_digit, is_dot, is_hspace, is_latin, is_letter, is_line_break, is_opening_punct, is_qe,
    is_reporting, is_starter, is_terminal, prev_non_ws, skip_ws, word_at,
};
use super::quotes::{self, Family, Mark, Role};

/// Longest look-ahead word, in bytes.
const WORD_MAX: usize = 48;
/// Embedded titles and slogans are at most this long (bytes).
const MAX_EMBEDDED: usize = 400;

/// Upper-case words that continue after a country abbreviation (`U.S. Army`).
const AFTER_COUNTRY: &[&str] = &[
    "President",
    "Army",
    "Navy",
    "Air",
    "Marine",
    "Marines",
    "Secretary",
    "Senate",
    "House",
    "Congress",
    "Department",
    "Government",
    "State",
    "Embassy",
    "Ambassador",
    "Treasury",
    "Forces",
    "Special",
    "Security",
    "Council",
    "General",
    "Supreme",
    "Court",
    "Central",
    "Command",
    "Defense",
    "Defence",
    "Foreign",
    "Justice",
    "Federal",
    "Coast",
    "Open",
    "Envoy",
    "Mission",
    "Navy's",
    "Army's",
    "Military",
    "Intelligence",
    "Attorney",
    "Representative",
    "Trade",
    "Commerce",
];

/// Time zones that continue after `a.m.` / `p.m.` (`10 a.m. GMT`, §10).
const TIME_ZONES: &[&str] = &[
    "GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "CT", "PT", "BST",
    "CET", "CEST", "EET", "EEST", "IST", "AST", "JST",
];

/// Per-block state of the pass.
struct Scan<'a> {
    text: &'a str,
    abbrevs: &'a Abbrevs,
    bs: usize,
    be: usize,
    marks: &'a [Mark],
    /// Candidate bytes of the block, ascending.
    cands: &'a [usize],
    /// First non-white-space byte of the current unit.
    unit_start: Option<usize>,
}

/// The outcome for a terminal mark.
enum Decision {
    /// Not a terminal here (decimal point, abbreviation, address…).
    NotTerminal,
    /// A terminal group ending at this offset that does not end the unit.
    Continue(usize),
    /// The unit ends at this offset.
    Cut(usize),
}

/// What the terminal group starting at a position amounts to.
#[derive(Default)]
struct Group {
    end: usize,
    dots: usize,
    ellipsis: bool,
    qe: bool,
    /// Opening offset of the last matched closing quote inside the group.
    quote_open: Option<usize>,
    /// A terminal follows a closing quote (`«…؟».`): the writer ended the
    /// whole sentence, not just the quoted title.
    stop_after_quote: bool,
}

/// Buffers reused from block to block.
#[derive(Default)]
pub(crate) struct Scratch {
    /// Candidate byte offsets of the block (see [`scan::next_rules`]).
    cands: Vec<usize>,
    marks: Vec<Mark>,
}

impl Scratch {
    /// Buffers with room for `cands` candidate offsets.
    pub(crate) fn with_capacity(cands: usize) -> Scratch {
        Scratch {
            cands: Vec::with_capacity(cands),
            marks: Vec::new(),
        }
    }
}

/// Finds the in-line boundaries of `text[bs..be]` and appends them (byte
/// offsets where a unit ends; the next starts at the next non-space) to
/// `cuts`.
pub(crate) fn scan_block(
    abbrevs: &Abbrevs,
    text: &str,
    bs: usize,
    be: usize,
    cuts: &mut Vec<usize>,
    scratch: &mut Scratch,
) {
    // One pass finds every byte that may matter; the quotation pairing and
    // the rules below only visit those.
    let bytes = text.as_bytes();
    scratch.cands.clear();
    let mut k = bs;
    while k < be {
        let p = scan::next_rules(bytes, k, be);
        if p >= be {
            break;
        }
        scratch.cands.push(p);
        k = p + utf8_width(bytes.get(p).copied().unwrap_or(0));
    }
    quotes::marks_into(text, scratch.cands.iter().copied(), &mut scratch.marks);
    let mut s = Scan {
        text,
        abbrevs,
        bs,
        be,
        marks: &scratch.marks,
        cands: &scratch.cands,
        unit_start: None,
    };
    s.run(cuts);
}

/// Length of the UTF-8 sequence that `lead` starts (1 for other bytes).
fn utf8_width(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

impl Scan<'_> {
    fn run(&mut self, cuts: &mut Vec<usize>) {
        let text = self.text;
        let mut suppress_until = 0usize;
        let mut tok_start = self.bs;
        let mut tok_url = false;
        let mut mi = 0usize;
        let mut ci = 0usize;
        let bytes = text.as_bytes();
        let mut i = self.bs;
        while i < self.be {
            // Fast path: jump over spaces and the bytes of ordinary letters
            // to the next byte that may matter, keeping the token and unit
            // state as a byte-by-byte walk would.
            while self.cands.get(ci).is_some_and(|&p| p < i) {
                ci += 1;
            }
            let j = self.cands.get(ci).copied().unwrap_or(self.be).min(self.be);
            if j > i {
                let run = bytes.get(i..j).unwrap_or(&[]);
                if self.unit_start.is_none() {
                    if let Some(p) = run.iter().position(|&b| b != b' ') {
                        self.unit_start = Some(i + p);
                    }
                }
                if let Some(p) = memchr::memrchr(b' ', run) {
                    tok_start = i + p + 1;
                    tok_url = false;
                }
                if tok_start >= i
                    && tok_start < j
                    && matches!(
                        bytes.get(tok_start),
                        Some(b'h' | b'H' | b'w' | b'W' | b'f' | b'F')
                    )
                {
                    tok_url = starts_url(text.get(tok_start..self.be).unwrap_or(""));
                }
                i = j;
                if i >= self.be {
                    break;
                }
            }
            let Some(c) = char_at(text, i) else { break };
            let cl = c.len_utf8();
            if c.is_whitespace() {
                tok_start = i + cl;
                tok_url = false;
                i += cl;
                continue;
            }
            if self.unit_start.is_none() {
                self.unit_start = Some(i);
            }
            if i == tok_start {
                tok_url = starts_url(text.get(i..self.be).unwrap_or(""));
            } else if c == '@'
                || (c == '/'
                    && char_before(text, i).is_some_and(|p| p.is_ascii_alphanumeric() || p == ':'))
            {
                tok_url = true;
            }
            // Brackets: silence terminals inside a matched pair; a bracketed
            // sentence standing alone ends at its closing bracket.
            while self.marks.get(mi).is_some_and(|m| m.pos < i) {
                mi += 1;
            }
            if let Some(m) = self.marks.get(mi).filter(|m| m.pos == i).copied() {
                if m.family.is_bracket() {
                    match m.role {
                        Role::Open(close) => suppress_until = suppress_until.max(close),
                        Role::Close(open) => {
                            if Some(open) == self.unit_start
                                && prev_non_ws(text, open, i, 8).is_some_and(is_terminal)
                            {
                                let g = self.absorb(i + cl, i);
                                if !self.continues_after(g.end) {
                                    cuts.push(g.end);
                                    self.unit_start = None;
                                    tok_start = g.end;
                                    i = g.end;
                                    continue;
                                }
                            }
                        }
                        Role::Stray => {}
                    }
                }
            }
            if is_terminal(c) && i >= suppress_until {
                if tok_url && !self.token_final(i + cl) {
                    i += cl;
                    continue;
                }
                match self.terminal(i, c, tok_start) {
                    Decision::Cut(cut) => {
                        cuts.push(cut);
                        self.unit_start = None;
                        tok_start = cut;
                        tok_url = false;
                        i = cut;
                        continue;
                    }
                    Decision::Continue(end) if end > i => {
                        i = end;
                        continue;
                    }
                    _ => {}
                }
            }
            i += cl;
        }
    }

    /// True when the URL-like token goes on after byte `j` (so a mark at
    /// `j - 1` is inside the address).
    fn token_final(&self, j: usize) -> bool {
        match char_at(self.text, j) {
            None => true,
            Some(c) => {
                j >= self.be
                    || c.is_whitespace()
                    || is_terminal(c)
                    || is_closing_bracket(c)
                    || is_closing_quote_shape(c)
                    || is_continuing(c)
            }
        }
    }

    /// Decides the terminal mark `c` at `i`.
    fn terminal(&self, i: usize, c: char, tok_start: usize) -> Decision {
        let text = self.text;
        let next = char_at(text, i + c.len_utf8()).filter(|_| i + c.len_utf8() < self.be);
        if c == '.' || c == '۔' {
            let ellipsis = next.is_some_and(is_dot);
            if !ellipsis && !self.full_stop_is_terminal(i, next, tok_start) {
                return Decision::NotTerminal;
            }
        }
        let g = self.absorb(i, i);
        if g.end <= i {
            return Decision::NotTerminal;
        }
        if self.continues_after_group(i, &g) {
            return Decision::Continue(g.end);
        }
        Decision::Cut(g.end)
    }

    /// Is the single full stop at `i` a terminal (not a decimal point,
    /// abbreviation, initial, address or list number)?
    fn full_stop_is_terminal(&self, i: usize, next: Option<char>, tok_start: usize) -> bool {
        let text = self.text;
        let prev = char_before(text, i).filter(|_| i > self.bs);
        // Numbers: 3.5, ١٠.٣٠, .5, ص.5
        if next.is_some_and(is_digit) {
            return false;
        }
        // Domains, file names, glued Latin initials: example.com, U.S
        if prev.is_some_and(|p| p.is_ascii_alphanumeric()) && next.is_some_and(is_latin) {
            return false;
        }
        let raw = text.get(tok_start..i).unwrap_or("");
        let key = raw.trim_start_matches(is_opening_punct);
        if key.is_empty() || key.len() > MAX_KEY {
            return true;
        }
        // Line-initial list number `1.`
        if key.chars().all(is_digit)
            && key.chars().count() <= 3
            && self.at_line_start(i - key.len())
        {
            return false;
        }
        let class = match self.abbrevs.get(key) {
            Some(c) => Stop::Abbr(c),
            None => match derived_class(key).or_else(|| self.prefixed_abbrev(key)) {
                Some(c) => c,
                None => return true,
            },
        };
        let after = skip_ws(text, i + 1, self.be);
        let word = word_at(text, after, self.be, WORD_MAX);
        let first = word.chars().next();
        match class {
            Stop::Abbr(AbbrevClass::Title) => false,
            Stop::Abbr(AbbrevClass::Era) => {
                // After a number the era letter ends like any word.
                let before = i - key.len();
                prev_non_ws(text, self.bs, before, 4).is_some_and(is_digit)
            }
            Stop::Abbr(AbbrevClass::Cont) => after >= self.be || is_starter(word),
            Stop::Abbr(_) => {
                if after >= self.be {
                    return true;
                }
                match first {
                    Some(f) if f.is_lowercase() || is_digit(f) => false,
                    Some(f) if f.is_uppercase() => {
                        !(key.contains('.') && AFTER_COUNTRY.contains(&word)
                            || matches!(key, "a.m" | "p.m" | "A.M" | "P.M")
                                && TIME_ZONES.contains(&word))
                    }
                    Some(f) if is_arabic(f) => true,
                    Some(_) => true,
                    None => !char_at(text, after).is_some_and(is_continuing),
                }
            }
            // Single upper-case Latin letter: an initial before a name.
            Stop::Initial => !first.is_some_and(|f| f.is_uppercase() && is_latin(f)),
        }
    }

    /// A listed title abbreviation or `م` (مهندس) behind a one-letter
    /// conjunction or preposition (`ود.` `وم.` `وأ.د.` `لد.`, §9); not
    /// `له.` `به.` (pronoun `ه`, listed as the era letter) nor words such as
    /// `لص.`.
    fn prefixed_abbrev(&self, key: &str) -> Option<Stop> {
        const WORDS: &[&str] = &["لص", "فص", "بت", "بص"];
        let rest = key
            .strip_prefix(['و', 'ف', 'ب', 'ل'])
            // Not a bare alef: `لا.` `وا.` are words.
            .filter(|r| !r.is_empty() && !r.starts_with('ا'))?;
        if WORDS.contains(&key) {
            return None;
        }
        match self.abbrevs.get(rest)? {
            AbbrevClass::Title => Some(Stop::Abbr(AbbrevClass::Title)),
            AbbrevClass::Era if rest == "م" => Some(Stop::Abbr(AbbrevClass::Title)),
            _ => None,
        }
    }

    fn at_line_start(&self, pos: usize) -> bool {
        if pos <= self.bs {
            return true;
        }
        match self.text.get(..pos) {
            Some(s) => {
                let mut rev = s.chars().rev().skip_while(|c| is_hspace(*c));
                match rev.next() {
                    None => true,
                    Some(c) if is_line_break(c) => true,
                    // `- 1.` as a list marker only at the start of its line
                    // (`2 - 1.` is a score).
                    Some('-' | '*' | '•') => {
                        rev.find(|c| !is_hspace(*c)).is_none_or(is_line_break)
                    }
                    Some(_) => false,
                }
            }
            None => false,
        }
    }

    /// Collects the terminal group from `i`: terminal marks, closing quotes
    /// and brackets, footnote markers, spaced dots (`.. .`).
    fn absorb(&self, i: usize, mark: usize) -> Group {
        let text = self.text;
        let mut g = Group {
            end: i,
            ..Group::default()
        };
        let mut j = i;
        while j < self.be {
            let Some(c) = char_at(text, j) else { break };
            let cl = c.len_utf8();
            if is_terminal(c) {
                if c == '.' && char_at(text, j + 1).is_some_and(is_digit) && g.end > i {
                    break;
                }
                if g.quote_open.is_some() {
                    g.stop_after_quote = true;
                }
                if is_dot(c) {
                    g.dots += 1;
                    if c == '…' {
                        g.ellipsis = true;
                    }
                }
                if is_qe(c) {
                    g.qe = true;
                }
                j += cl;
                g.end = j;
                continue;
            }
            if let Some(m) = quotes::mark_at(self.marks, j) {
                match (m.family, m.role) {
                    (f, Role::Close(open)) if !f.is_bracket() => {
                        g.quote_open = Some(open);
                        j += cl;
                        g.end = j;
                        continue;
                    }
                    (f, Role::Close(_)) if f.is_bracket() => {
                        j += cl;
                        g.end = j;
                        continue;
                    }
                    (Family::Square, Role::Open(close)) => {
                        // Footnote marker [3].
                        let inner = text.get(j + 1..close).unwrap_or("");
                        if !inner.is_empty() && inner.len() <= 8 && inner.chars().all(is_digit) {
                            j = close + 1;
                            g.end = j;
                            continue;
                        }
                        break;
                    }
                    (Family::Straight, Role::Stray | Role::Open(_)) => {
                        // A straight quote after a terminal opens the next
                        // unit, unless nothing follows on its line (then it
                        // closes a quotation whose opening is missing).
                        let rest = text.get(j + cl..self.be).unwrap_or("");
                        let tail = rest.trim_start_matches(is_hspace);
                        if tail.is_empty() || tail.starts_with(is_line_break) {
                            j += cl;
                            g.end = j;
                            continue;
                        }
                        break;
                    }
                    (_, Role::Stray)
                        if (is_closing_quote_shape(c) && c != '"') || is_closing_bracket(c) =>
                    {
                        let after = char_at(text, j + cl);
                        if after.is_none_or(|a| {
                            a.is_whitespace()
                                || is_terminal(a)
                                || is_closing_bracket(a)
                                || is_closing_quote_shape(a)
                        }) {
                            j += cl;
                            g.end = j;
                            continue;
                        }
                        break;
                    }
                    _ => break,
                }
            }
            if c == '\'' || c == '’' {
                let after = char_at(text, j + cl);
                if after.is_none_or(char::is_whitespace) {
                    j += cl;
                    g.end = j;
                    continue;
                }
                break;
            }
            if is_hspace(c) {
                // `.. .` is one group; a matched closing quote after a space
                // still belongs to the unit it closes.
                let k = text
                    .get(j..self.be)
                    .and_then(|s| s.char_indices().take(4).find(|(_, c)| !is_hspace(*c)))
                    .map(|(k, _)| j + k);
                let Some(k) = k else { break };
                let Some(nc) = char_at(text, k) else { break };
                if is_dot(nc) && g.dots > 0 && g.end > i {
                    j = k;
                    continue;
                }
                if let Some(m) = quotes::mark_at(self.marks, k) {
                    if let Role::Close(open) = m.role {
                        if !m.family.is_bracket() && open < mark {
                            j = k;
                            continue;
                        }
                    }
                }
                break;
            }
            break;
        }
        if g.dots >= 2 {
            g.ellipsis = true;
        }
        g
    }

    /// After a bracketed sentence: does continuing punctuation follow?
    fn continues_after(&self, end: usize) -> bool {
        let p = skip_ws(self.text, end, self.be);
        p < self.be && char_at(self.text, p).is_some_and(is_continuing)
    }

    /// Whether the unit goes on after the terminal group `g` that starts at `i`.
    fn continues_after_group(&self, i: usize, g: &Group) -> bool {
        let text = self.text;
        let p = skip_ws(text, g.end, self.be);
        if p >= self.be {
            return false;
        }
        let Some(nn) = char_at(text, p) else {
            return false;
        };
        if is_continuing(nn) {
            return true;
        }
        let word = word_at(text, p, self.be, WORD_MAX);
        if g.ellipsis {
            if is_closing_bracket(nn) {
                return true;
            }
            if matches!(word, "إلخ" | "الخ" | "etc" | "وإلخ" | "والخ") {
                return true;
            }
            // Omission right after an opening quote or bracket: «...وسنبقى
            if self.after_opening_mark(i)
                && self.unit_start.is_some_and(|u| u < i)
                && text
                    .get(..i)
                    .and_then(|s| s.chars().next_back())
                    .is_some_and(|c| !c.is_alphanumeric())
            {
                return true;
            }
            if is_latin(nn) && nn.is_lowercase() {
                return true;
            }
        } else if !g.qe && is_latin(nn) && nn.is_lowercase() {
            return true;
        }
        if let Some(op) = g.quote_open {
            let unit = self.unit_start.unwrap_or(self.bs);
            // Embedded title or slogan ending in ? or ! inside a sentence.
            if g.qe
                && !g.stop_after_quote
                && unit < op
                && i - op <= MAX_EMBEDDED
                && is_letter(nn)
                && (!is_starter(word) || self.reported_that(unit, op, word))
                && !prev_non_ws(text, self.bs, op, 4).is_some_and(|c| c == ':' || is_terminal(c))
            {
                return true;
            }
            // Fronted quotation and its reporting clause. A quotation that
            // opened inside a sentence (`قال: "…. …." وأضاف`) is the object
            // of that sentence, not fronted: what follows it is new.
            if op <= unit && !self.quoted_in_sentence(op) && is_reporting(word) {
                return true;
            }
        }
        false
    }
}

impl Scan<'_> {
    /// Is the last non-space char before `i` an opening quote or bracket
    /// (`«...وسنبقى`, `( ... )`)? A straight quote counts too, unless it
    /// closes a quotation opened inside the sentence (`بأنه "تاريخي".. لكن`
    /// ends the unit, §7) outside the headline (headlines keep `"…".. …`).
    fn after_opening_mark(&self, i: usize) -> bool {
        let text = self.text;
        let Some(k) = text
            .get(self.bs..i)
            .and_then(|s| {
                s.char_indices()
                    .rev()
                    .take(4)
                    .find(|(_, c)| !c.is_whitespace())
            })
            .map(|(k, _)| self.bs + k)
        else {
            return false;
        };
        match char_at(text, k) {
            Some('«' | '“' | '(' | '[') => true,
            Some('"') => match quotes::mark_at(self.marks, k).map(|m| m.role) {
                // A closed quotation inside a sentence: the ellipsis after it
                // ends the unit. A fronted one (`"…".. بهذه الكلمات أعلن`)
                // goes on with its reporting clause.
                Some(Role::Close(op)) => !self.quoted_in_sentence(op) || self.in_first_line(k),
                _ => true,
            },
            _ => false,
        }
    }

    /// Is byte `k` on the first non-blank line of the document, and does
    /// that line look like a headline (at most 21 words, no final full stop)?
    fn in_first_line(&self, k: usize) -> bool {
        let text = self.text;
        let line = text.get(..k).map_or("", str::trim_start);
        if line.contains(is_line_break) {
            return false;
        }
        let rest = text.get(k..).unwrap_or("");
        let rest = rest.split(is_line_break).next().unwrap_or("");
        // A headline does not end with a full stop.
        if rest.trim_end().ends_with(['.', '۔']) {
            return false;
        }
        line.split_whitespace()
            .chain(rest.split_whitespace())
            .take(22)
            .count()
            <= 21
    }

    /// Did the quotation opened at `op` open inside a sentence (after a
    /// word, a colon or a comma: `قال: "…"`, `بأنه "…"`), rather than being
    /// fronted (after a terminal, a dateline dash or at the block start)?
    fn quoted_in_sentence(&self, op: usize) -> bool {
        prev_non_ws(self.text, self.bs, op, 8)
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, ':' | '،' | ','))
    }

    /// `قال في مقاله «ماذا بعد؟» إن…`: the word after an embedded title is
    /// `إن`/`أن` and the text of the unit before the quotation has a
    /// reporting verb, so the clause is the verb's object, not a new sentence.
    fn reported_that(&self, unit: usize, op: usize, word: &str) -> bool {
        if !matches!(word, "إن" | "أن" | "ان") {
            return false;
        }
        // The last few words before the quotation (bounded look-back).
        let from = op.saturating_sub(200).max(unit);
        let Some(before) = (from..op)
            .find(|&k| self.text.is_char_boundary(k))
            .and_then(|k| self.text.get(k..op))
        else {
            return false;
        };
        before.split_whitespace().any(is_reporting)
    }
}

/// How a stop after a known or derived abbreviation is decided.
#[derive(Clone, Copy)]
enum Stop {
    Abbr(AbbrevClass),
    /// A single Latin capital: an initial when a capitalised name follows.
    Initial,
}

/// Classes for tokens not in the lists: single Arabic letters (initials,
/// labels), single Latin capitals and dotted initialisms.
fn derived_class(key: &str) -> Option<Stop> {
    let mut chars = key.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    if rest.is_empty() {
        if is_arabic(first) {
            return Some(Stop::Abbr(AbbrevClass::Title));
        }
        if first.is_uppercase() && is_latin(first) {
            return Some(Stop::Initial);
        }
        return None;
    }
    // A.B.C / أ.ب.ج: single letters separated by dots.
    if key.contains('.')
        && key
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
    {
        if key.chars().any(is_arabic) {
            return Some(Stop::Abbr(AbbrevClass::Title));
        }
        // `J.R. Ewing`, `J.P. Morgan`: initials before a name (the listed
        // `U.S.` `U.K.` keep their own class).
        if key.chars().all(|c| c == '.' || c.is_uppercase()) {
            return Some(Stop::Initial);
        }
        return Some(Stop::Abbr(AbbrevClass::Final));
    }
    None
}

/// True for a byte that a byte-by-byte walk could skip (the reference for
/// the [`scan::RULES`] table, which must mark exactly the other bytes
/// except the ASCII space): a byte of a char that
/// is neither white space, a terminal, a quotation mark or bracket, nor an
/// address character. Continuation bytes are always plain (the scan only
/// lands on them inside plain chars).
#[cfg(test)]
fn plain_byte(b: u8, next: Option<u8>) -> bool {
    match b {
        b'.' | b'!' | b'?' | b'"' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'@' | b'/' => false,
        0x00..=0x20 | 0x7F => false,
        // Lead bytes of chars that may matter: NBSP « » U+0085 (C2), ؟ (D8 9F),
        // ۔ (DB 94), U+1680 (E1), general punctuation and spaces (E2),
        // U+3000 and 。 (E3), full-width forms (EF).
        0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => false,
        0xD8 => next != Some(0x9F),
        0xDB => next != Some(0x94),
        _ => true,
    }
}

/// Does the token start like an address (`http://`, `www.`)?
fn starts_url(s: &str) -> bool {
    let b = s.trim_start_matches(is_opening_punct).as_bytes();
    let has =
        |p: &[u8]| b.len() >= p.len() && b.iter().zip(p).all(|(x, y)| x.to_ascii_lowercase() == *y);
    has(b"http://") || has(b"https://") || has(b"www.") || has(b"ftp://")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The candidate table and the per-byte rule agree on every byte pair.
    #[test]
    fn table_matches_plain_bytes() {
        for b in 0u8..=255 {
            for n in [None, Some(0x9F), Some(0x94), Some(0x80), Some(b'a')] {
                let mut buf = vec![b];
                buf.extend(n);
                buf.extend_from_slice(b"xxxxxxxxxxxxxxxx");
                // Only meaningful where `b` starts a char (lead or ASCII).
                if (0x80..0xC0).contains(&b) {
                    continue;
                }
                let hit = scan::next_rules(&buf, 0, buf.len()) == 0;
                let want = b != b' ' && !plain_byte(b, n);
                assert_eq!(hit, want, "byte {b:#x} next {n:?}");
            }
        }
    }
}
