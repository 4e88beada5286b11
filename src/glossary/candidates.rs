//! Candidate terms: recurring names and expressions a glossary does not
//! cover yet, with a suggested romanization.

use std::collections::HashMap;

use serde::Serialize;

use super::matcher::is_hspace;
use super::{key, romanize, TermHit};
use crate::lang::{self, Lang};
use crate::text::Span;

/// A recurring expression not covered by glossary hits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// The expression as first written in the text (for Arabic, an occurrence
    /// without a leading one-letter clitic when there is one). For English
    /// candidates ([`Lang::En`]) the English name.
    pub ar: String,
    /// Suggested Latin form: [`romanize`] of Arabic, the name itself for
    /// English.
    pub romanized: String,
    /// The script of the expression: [`Lang::Ar`] or [`Lang::En`].
    pub lang: Lang,
    /// Number of occurrences (the length of `spans`).
    pub count: usize,
    /// Byte spans of the occurrences in the original text, in order.
    pub spans: Vec<Span>,
}

/// Function words and reporting verbs that never start, end or fill an
/// Arabic candidate (normalized forms).
const AR_STOP: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "ان",
    "او",
    "ما",
    "لا",
    "لم",
    "لن",
    "قد",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "اللذين",
    "كان",
    "كانت",
    "يكون",
    "تكون",
    "مع",
    "بين",
    "كل",
    "بعد",
    "قبل",
    "حتي",
    "ثم",
    "هو",
    "هي",
    "هم",
    "هن",
    "نحن",
    "انا",
    "عند",
    "منذ",
    "اذا",
    "اما",
    "انه",
    "انها",
    "لكن",
    "غير",
    "ايضا",
    "تم",
    "قال",
    "وقال",
    "قالت",
    "وقالت",
    "اضاف",
    "واضاف",
    "اضافت",
    "واضافت",
    "اكد",
    "واكد",
    "اكدت",
    "واكدت",
    "اشار",
    "واشار",
    "اشارت",
    "واشارت",
    "حيث",
    "خلال",
    "عبر",
    "ضد",
    "حول",
    "دون",
    "لدي",
    "لها",
    "له",
    "لهم",
    "فيها",
    "فيه",
    "منها",
    "منه",
    "عليها",
    "عليه",
    "عنها",
    "عنه",
    "الا",
    "بل",
    "او",
    "ام",
    "كما",
    "بان",
    "وان",
    "فان",
    "لان",
    "ولا",
    "وما",
    "وهو",
    "وهي",
    "وفي",
    "ومن",
    "وعلي",
    "والي",
    "يوم",
    "اليوم",
    "امس",
    "وقد",
    "فقد",
    "ان",
    "اي",
    "اذ",
    "عام",
    "العام",
    "بعض",
    "جميع",
    "اكثر",
    "اقل",
    "نحو",
    "وفق",
    "وذلك",
    "هناك",
    "هنا",
    "الان",
    "يمكن",
    "كيف",
    "لماذا",
    "متي",
    "اين",
    "ليس",
    "ليست",
    "سوف",
    "مثل",
    "عدد",
    "عده",
];

const EN_STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "and",
    "or",
    "is",
    "was",
    "were",
    "are",
    "be",
    "by",
    "for",
    "with",
    "as",
    "that",
    "this",
    "it",
    "its",
    "from",
    "has",
    "had",
    "have",
    "he",
    "she",
    "they",
    "we",
    "i",
    "but",
    "his",
    "her",
    "their",
    "after",
    "before",
    "when",
    "while",
    "mr",
    "mrs",
    "ms",
    "dr",
    "there",
    "these",
    "those",
    "if",
    "not",
    "no",
    "yes",
    "so",
    "said",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Lower-case words that may sit inside an English name (`Bank of England`).
const EN_CONNECT: &[&str] = &[
    "of", "al", "el", "bin", "bint", "ibn", "abu", "de", "la", "du", "von", "van", "the",
];

struct Tok {
    span: Span,
    key: String,
    latin: bool,
    capital: bool,
    /// Something other than spaces (punctuation, a line break) precedes it.
    brk: bool,
    covered: bool,
}

fn tokenize(text: &str, hits: &[TermHit]) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut start: Option<usize> = None;
    let mut gap_clean = true;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let push = |s: usize, e: usize, gap_clean: bool, toks: &mut Vec<Tok>| {
        let word = text.get(s..e).unwrap_or("");
        let k = key(word);
        let first = word.chars().next().unwrap_or(' ');
        let latin = first.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&first);
        if k.is_empty() {
            return;
        }
        toks.push(Tok {
            span: Span::new(s, e),
            // `al-Assad`, `ez-Zor`: a lower-case particle joined to a name.
            capital: first.is_uppercase()
                || word
                    .split(['-', '\''])
                    .skip(1)
                    .any(|p| p.chars().next().is_some_and(char::is_uppercase)),
            latin,
            brk: !gap_clean || k.chars().all(|c| c.is_ascii_digit()),
            covered: false,
            key: k,
        });
    };
    for (idx, &(i, c)) in chars.iter().enumerate() {
        let inner_joiner = matches!(c, '-' | '\'' | '’')
            && start.is_some()
            && chars
                .get(idx + 1)
                .is_some_and(|&(_, n)| n.is_ascii_alphabetic())
            && idx
                .checked_sub(1)
                .and_then(|p| chars.get(p))
                .is_some_and(|&(_, p)| p.is_ascii_alphabetic());
        let word_char = c.is_alphanumeric()
            || inner_joiner
            || (start.is_some() && lang::is_deleted_in_matching(c));
        if word_char {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            push(s, i, gap_clean, &mut toks);
            gap_clean = true;
        }
        if !is_hspace(c) && !lang::is_deleted_in_matching(c) {
            gap_clean = false;
        }
    }
    if let Some(s) = start {
        push(s, text.len(), gap_clean, &mut toks);
    }
    // Mark tokens overlapping hits (hits are sorted and disjoint).
    let mut h = hits.iter().peekable();
    for t in &mut toks {
        while h.peek().is_some_and(|x| x.span.end <= t.span.start) {
            h.next();
        }
        if h.peek().is_some_and(|x| x.span.start < t.span.end) {
            t.covered = true;
        }
    }
    toks
}

/// Recurring expressions of `text` that `hits` do not cover, most frequent
/// first (then longer, then earlier).
///
/// - English: runs of capitalized Latin words (`Bashar al-Assad`, `Raqqa`,
///   connectors like `of` inside) seen at least twice, leading stopwords
///   dropped (`The Pentagon` counts as `Pentagon`).
/// - Arabic: runs of 2 to 4 words, none a stopword, within one stretch of
///   text (no punctuation or line break between them), seen at least twice;
///   a one-letter clitic on the first word (و ف ب ل) is merged with the bare
///   form when that occurs too; a shorter run is dropped when it occurs
///   fewer than twice outside the longer candidates.
///
/// `hits` must be sorted and disjoint, as [`Matcher::find`](super::Matcher::find)
/// returns them.
pub fn candidates(text: &str, hits: &[TermHit]) -> Vec<Candidate> {
    let toks = tokenize(text, hits);
    let mut out = english(text, &toks);
    out.extend(arabic(text, &toks));
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.ar.chars().count().cmp(&a.ar.chars().count()))
            .then(a.spans.first().cmp(&b.spans.first()))
    });
    out
}

fn english(text: &str, toks: &[Tok]) -> Vec<Candidate> {
    let mut groups: HashMap<String, Vec<Span>> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(t) = toks.get(i) else { break };
        let is_name_word =
            |t: &Tok| t.latin && t.capital && !t.covered && !EN_STOP.contains(&t.key.as_str());
        if !is_name_word(t) {
            i += 1;
            continue;
        }
        // Extend over name words and inner connectors.
        let mut j = i + 1;
        let mut last = i;
        while let Some(n) = toks.get(j) {
            if n.brk || n.covered || !n.latin {
                break;
            }
            if is_name_word(n) {
                last = j;
            } else if !EN_CONNECT.contains(&n.key.as_str()) {
                break;
            }
            j += 1;
        }
        if let (Some(a), Some(b)) = (toks.get(i), toks.get(last)) {
            let span = Span::new(a.span.start, b.span.end);
            let k = key(span.slice(text));
            groups
                .entry(k)
                .or_insert_with_key(|k| {
                    order.push(k.clone());
                    Vec::new()
                })
                .push(span);
        }
        i = last + 1;
    }
    order
        .into_iter()
        .filter_map(|k| {
            let spans = groups.remove(&k)?;
            if spans.len() < 2 {
                return None;
            }
            let first = spans.first()?.slice(text).to_string();
            Some(Candidate {
                romanized: first.clone(),
                ar: first,
                lang: Lang::En,
                count: spans.len(),
                spans,
            })
        })
        .collect()
}

fn is_ar_word(t: &Tok) -> bool {
    !t.latin
        && !t.covered
        && t.key.chars().any(lang::is_arabic_letter)
        && t.key.chars().count() >= 2
        && !AR_STOP.contains(&t.key.as_str())
}

fn arabic(text: &str, toks: &[Tok]) -> Vec<Candidate> {
    // key -> occurrences (span, surface-key of first word)
    let mut groups: HashMap<String, Vec<Span>> = HashMap::new();
    for n in (2..=4).rev() {
        for w in toks.windows(n) {
            if !w.iter().all(is_ar_word) || w.iter().skip(1).any(|t| t.brk) {
                continue;
            }
            let (Some(a), Some(b)) = (w.first(), w.last()) else {
                continue;
            };
            let k = w
                .iter()
                .map(|t| t.key.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            groups
                .entry(k)
                .or_default()
                .push(Span::new(a.span.start, b.span.end));
        }
    }
    // Merge a leading one-letter clitic into the bare form when it occurs.
    let keys: Vec<String> = groups.keys().cloned().collect();
    for k in keys {
        let mut cs = k.chars();
        let Some(c) = cs.next() else { continue };
        if !matches!(c, 'و' | 'ف' | 'ب' | 'ل') {
            continue;
        }
        let bare = cs.as_str();
        if bare
            .split(' ')
            .next()
            .is_some_and(|w| w.chars().count() >= 3)
            && groups.contains_key(bare)
        {
            if let Some(spans) = groups.remove(&k) {
                if let Some(g) = groups.get_mut(bare) {
                    g.extend(spans);
                    g.sort();
                }
            }
        }
    }
    let mut all: Vec<(String, Vec<Span>)> =
        groups.into_iter().filter(|(_, s)| s.len() >= 2).collect();
    // Longer expressions first; a shorter one must recur outside them.
    all.sort_by(|a, b| {
        b.0.split(' ')
            .count()
            .cmp(&a.0.split(' ').count())
            .then(b.1.len().cmp(&a.1.len()))
            .then(a.1.first().cmp(&b.1.first()))
    });
    let mut kept_spans: Vec<Span> = Vec::new();
    let mut out = Vec::new();
    for (k, spans) in all {
        let free: Vec<Span> = spans
            .iter()
            .copied()
            .filter(|s| !kept_spans.iter().any(|k| k.contains(*s)))
            .collect();
        if free.len() < 2 {
            continue;
        }
        kept_spans.extend(free.iter().copied());
        let surface = free
            .iter()
            .map(|s| s.slice(text))
            .find(|s| key(s) == k)
            .or_else(|| free.first().map(|s| s.slice(text)))
            .unwrap_or("")
            .to_string();
        out.push(Candidate {
            romanized: romanize(&surface),
            ar: surface,
            lang: Lang::Ar,
            count: free.len(),
            spans: free,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Glossary, Matcher};

    #[test]
    fn recurring_arabic_and_english_names_not_in_the_glossary() {
        let g = Glossary::from_tsv("الرقة\tRaqqa\n", "g").unwrap_or_default();
        let text = "قال الجيش السوري الحر إن الرقة هادئة.\n\
                    وأكد الجيش السوري الحر أن Bashar al-Assad غادر.\n\
                    ونفى بشار الأسد ذلك، لكن Bashar al-Assad لم يظهر. ثم ظهر بشار الأسد في الرقة.";
        let hits = Matcher::new(&g).find(text);
        let c = candidates(text, &hits);
        let find = |s: &str| c.iter().find(|x| x.ar == s);
        let army = find("الجيش السوري الحر").expect("3-word expression recurring twice");
        assert_eq!(army.count, 2);
        assert_eq!(army.lang, Lang::Ar);
        assert_eq!(army.spans.len(), 2);
        assert_eq!(army.spans[0].slice(text), "الجيش السوري الحر");
        // Shorter runs inside the longer candidate are not repeated.
        assert!(find("الجيش السوري").is_none());
        let assad = find("بشار الأسد").expect("name recurring twice, one with a clitic");
        assert_eq!(assad.count, 2);
        assert_eq!(assad.romanized, "Bashar al-Asd");
        let en = find("Bashar al-Assad").expect("English name recurring twice");
        assert_eq!((en.lang, en.count), (Lang::En, 2));
        // A glossary hit is never a candidate.
        assert!(c.iter().all(|x| !x.ar.contains("الرقة")));
    }

    #[test]
    fn nothing_recurs_in_short_or_empty_text() {
        assert!(candidates("", &[]).is_empty());
        assert!(candidates("كلمة واحدة فقط. The End.", &[]).is_empty());
    }

    #[test]
    fn romanization_examples() {
        assert_eq!(romanize("بغداد"), "Baghdad");
        assert_eq!(romanize("الرقة"), "al-Raqa");
        assert_eq!(romanize("حلب"), "Halb");
        assert_eq!(romanize("علي"), "Ali");
        assert_eq!(romanize("عبد الله"), "Abd al-Lh");
        assert_eq!(romanize("دِمَشْق"), "Dimashq");
        assert_eq!(romanize("ترمب 2017"), "Tarmb 2017");
    }
}
