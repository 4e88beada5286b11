//! ROUGE-1/2/L for Arabic extractive summaries, protocol `easc-rouge-ar/1`.
//!
//! A port of `rouge_ar.py` (see `ROUGE-PROTOCOL.md` of the EASC evaluation):
//!
//! 1. Unicode NFKC;
//! 2. delete Arabic diacritics and Quranic marks, superscript alef, tatweel
//!    and invisible format characters;
//! 3. map أ إ آ ٱ → ا, ى → ي, ة → ه (hamza on و/ي is **not** folded, unlike
//!    [`lang::normalize`](crate::lang::normalize));
//! 4. Arabic-Indic and Eastern Arabic-Indic digits → ASCII;
//! 5. lower case;
//! 6. tokens = maximal runs of letters and numbers (Python `str.isalnum`,
//!    i.e. `[^\W_]+`); optionally Light10 stemming ([`light10`]).
//!
//! Each candidate is cut to its budget (mean token count of the references,
//! rounded half up). Scores: clipped n-gram overlap (R1, R2) and whole-text
//! LCS (RL); per reference P/R/F1, then the mean over references (primary)
//! and the jackknife (mean over leave-one-out subsets of the best F1).

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};

/// The protocol these figures follow.
pub const PROTOCOL_VERSION: &str = "easc-rouge-ar/1";

/// The three metrics, in report order.
pub const METRICS: [&str; 3] = ["rouge1", "rouge2", "rougeL"];

fn deleted(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}'
        | '\u{0640}' | '\u{00AD}' | '\u{061C}' | '\u{FEFF}' | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}')
}

/// Normalizes text as the protocol prescribes (steps 1–5).
///
/// ```
/// use khulasa::eval::rouge::normalize;
/// assert_eq!(normalize("أبرز مُحَمَّد مدرسة على ١٢"), "ابرز محمد مدرسه علي 12");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc() {
        if deleted(c) {
            continue;
        }
        out.push(match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            _ => c,
        });
    }
    if out.chars().any(char::is_uppercase) || !out.is_ascii() {
        out.to_lowercase()
    } else {
        out
    }
}

fn token_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"[\p{L}\p{N}]+").ok())
        .as_ref()
}

/// Protocol tokens of `text`, Light10-stemmed when `stem` is set.
///
/// ```
/// use khulasa::eval::rouge::tokenize;
/// assert_eq!(tokenize("قال: «الهدنة» صامدة، 2017_x", false), ["قال", "الهدنه", "صامده", "2017", "x"]);
/// assert_eq!(tokenize("والمدارس", true), ["مدارس"]);
/// ```
pub fn tokenize(text: &str, stem: bool) -> Vec<String> {
    let norm = normalize(text);
    let words: Vec<&str> = match token_re() {
        Some(re) => re.find_iter(&norm).map(|m| m.as_str()).collect(),
        // Unreachable (the pattern is a valid constant); close approximation.
        None => norm
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect(),
    };
    words
        .into_iter()
        .map(|w| if stem { light10(w) } else { w }.to_string())
        .collect()
}

const L10_PREFIXES: [&str; 7] = ["ال", "وال", "بال", "كال", "فال", "لل", "و"];
const L10_SUFFIXES: [&str; 10] = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"];

/// Light10 as in Lucene's `ArabicStemmer` (the protocol's `--stem`): at most
/// one prefix (first match; و only if at least 3 letters remain, the others
/// if at least 2), then every suffix once in list order if at least 2
/// letters remain.
pub fn light10(word: &str) -> &str {
    let len = |s: &str| s.chars().count();
    let mut w = word;
    for p in L10_PREFIXES {
        if let Some(rest) = w.strip_prefix(p) {
            let pl = len(p);
            let wl = len(w);
            if (pl == 1 && wl >= 4) || (pl > 1 && wl >= pl + 2) {
                w = rest;
                break;
            }
        }
    }
    for s in L10_SUFFIXES {
        if let Some(rest) = w.strip_suffix(s) {
            if len(w) >= len(s) + 2 {
                w = rest;
            }
        }
    }
    w
}

/// Budget of an article: mean token count of its references, rounded half up.
pub fn budget_words(refs: &[String]) -> usize {
    if refs.is_empty() {
        return 0;
    }
    let total: usize = refs.iter().map(|r| tokenize(r, false).len()).sum();
    (total as f64 / refs.len() as f64 + 0.5).floor() as usize
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f: f64,
}

impl Prf {
    fn new(hit: usize, n_cand: usize, n_ref: usize) -> Prf {
        let p = if n_cand > 0 {
            hit as f64 / n_cand as f64
        } else {
            0.0
        };
        let r = if n_ref > 0 {
            hit as f64 / n_ref as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf { p, r, f }
    }
}

fn ngram_counts(toks: &[u32], n: usize) -> HashMap<&[u32], usize> {
    let mut m = HashMap::new();
    if n > 0 && toks.len() >= n {
        for w in toks.windows(n) {
            *m.entry(w).or_insert(0) += 1;
        }
    }
    m
}

/// Clipped n-gram overlap of two token-id sequences.
pub fn rouge_n(cand: &[u32], reference: &[u32], n: usize) -> Prf {
    let c = ngram_counts(cand, n);
    let r = ngram_counts(reference, n);
    let hit: usize = c
        .iter()
        .map(|(k, &x)| x.min(r.get(k).copied().unwrap_or(0)))
        .sum();
    Prf::new(hit, c.values().sum(), r.values().sum())
}

/// Length of the longest common subsequence.
pub fn lcs_len(a: &[u32], b: &[u32]) -> usize {
    let (a, b) = if a.len() < b.len() { (b, a) } else { (a, b) };
    if b.is_empty() {
        return 0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            let v = if x == y {
                prev.get(j).copied().unwrap_or(0) + 1
            } else {
                cur.get(j)
                    .copied()
                    .unwrap_or(0)
                    .max(prev.get(j + 1).copied().unwrap_or(0))
            };
            if let Some(c) = cur.get_mut(j + 1) {
                *c = v;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(0)
}

/// ROUGE-L (whole-sequence LCS).
pub fn rouge_l(cand: &[u32], reference: &[u32]) -> Prf {
    Prf::new(lcs_len(cand, reference), cand.len(), reference.len())
}

/// Scores of one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ArticleScore {
    /// The budget the candidate was cut to.
    pub budget: usize,
    /// Candidate tokens after the cut.
    pub cand_tokens: usize,
    /// Mean over references of P/R/F1, per metric (R1, R2, RL).
    pub avg: [Prf; 3],
    /// Jackknife F1 per metric.
    pub jackknife: [f64; 3],
}

/// Scores one candidate summary against its references.
pub fn score_article(summary: &str, refs: &[String], stem: bool, truncate: bool) -> ArticleScore {
    let budget = budget_words(refs);
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut ids = |toks: Vec<String>| -> Vec<u32> {
        toks.into_iter()
            .map(|t| {
                let next = vocab.len() as u32;
                *vocab.entry(t).or_insert(next)
            })
            .collect()
    };
    let mut cand = ids(tokenize(summary, stem));
    if truncate {
        cand.truncate(budget);
    }
    let per_ref: Vec<[Prf; 3]> = refs
        .iter()
        .map(|r| {
            let r = ids(tokenize(r, stem));
            [
                rouge_n(&cand, &r, 1),
                rouge_n(&cand, &r, 2),
                rouge_l(&cand, &r),
            ]
        })
        .collect();
    let m = per_ref.len();
    let mut avg = [Prf::default(); 3];
    let mut jackknife = [0.0; 3];
    if m > 0 {
        for (k, a) in avg.iter_mut().enumerate() {
            let get = |s: &[Prf; 3]| s.get(k).copied().unwrap_or_default();
            a.p = per_ref.iter().map(|s| get(s).p).sum::<f64>() / m as f64;
            a.r = per_ref.iter().map(|s| get(s).r).sum::<f64>() / m as f64;
            a.f = per_ref.iter().map(|s| get(s).f).sum::<f64>() / m as f64;
            let fs: Vec<f64> = per_ref.iter().map(|s| get(s).f).collect();
            if let Some(j) = jackknife.get_mut(k) {
                *j = if m > 1 {
                    (0..m)
                        .map(|i| {
                            fs.iter()
                                .enumerate()
                                .filter(|(x, _)| *x != i)
                                .map(|(_, &f)| f)
                                .fold(f64::NEG_INFINITY, f64::max)
                        })
                        .sum::<f64>()
                        / m as f64
                } else {
                    fs.first().copied().unwrap_or(0.0)
                };
            }
        }
    }
    ArticleScore {
        budget,
        cand_tokens: cand.len(),
        avg,
        jackknife,
    }
}

/// One reference record (`easc/dev.jsonl` format; other fields are ignored).
#[derive(Debug, Clone, Deserialize)]
pub struct RefRecord {
    /// Article id (`TopicN`).
    pub id: String,
    /// The reference summaries.
    pub refs: Vec<String>,
}

/// Which articles to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Split {
    /// Odd topic numbers.
    Dev,
    /// Even topic numbers.
    Test,
    /// Every record.
    #[default]
    All,
}

impl Split {
    /// The name printed in reports.
    pub fn name(self) -> &'static str {
        match self {
            Split::Dev => "dev",
            Split::Test => "test",
            Split::All => "all",
        }
    }

    fn contains(self, id: &str) -> bool {
        let num = id.strip_prefix("Topic").and_then(|n| n.parse::<u64>().ok());
        match (self, num) {
            (Split::All, _) => true,
            (Split::Dev, Some(n)) => n % 2 == 1,
            (Split::Test, Some(n)) => n % 2 == 0,
            _ => false,
        }
    }
}

/// Evaluation settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Articles to score.
    pub split: Split,
    /// Light10 stemming.
    pub stem: bool,
    /// Cut candidates to the budget (the protocol does).
    pub truncate: bool,
    /// Score missing predictions as empty summaries instead of failing.
    pub allow_missing: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            split: Split::All,
            stem: false,
            truncate: true,
            allow_missing: false,
        }
    }
}

/// Corpus-level figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// [`PROTOCOL_VERSION`].
    pub protocol: &'static str,
    /// Split name.
    pub split: &'static str,
    /// Number of scored articles.
    pub n_articles: usize,
    /// `"light10"` or none.
    pub stem: Option<&'static str>,
    /// Whether candidates were cut to the budget.
    pub truncate_to_budget: bool,
    /// Ids without a prediction.
    pub missing: Vec<String>,
    /// Mean candidate tokens after the cut.
    pub mean_cand_tokens: f64,
    /// Macro average of the per-reference mean, per metric name.
    pub avg: BTreeMap<&'static str, Prf>,
    /// Macro average of the jackknife F1, per metric name.
    pub jackknife_f: BTreeMap<&'static str, f64>,
    /// Per-article scores by id.
    pub per_article: BTreeMap<String, ArticleScore>,
}

/// Scores predictions (`id → summary`) against reference records.
///
/// # Errors
/// [`Error::Config`] when predictions are missing for some articles and
/// `allow_missing` is off, or when no reference belongs to the split.
pub fn evaluate(
    refs: &[RefRecord],
    preds: &HashMap<String, String>,
    opts: Options,
) -> Result<Report> {
    let rows: Vec<&RefRecord> = refs.iter().filter(|r| opts.split.contains(&r.id)).collect();
    if rows.is_empty() {
        return Err(Error::Config(format!(
            "no reference article belongs to split '{}'; choose the split the references hold",
            opts.split.name()
        )));
    }
    let missing: Vec<String> = rows
        .iter()
        .filter(|r| !preds.contains_key(&r.id))
        .map(|r| r.id.clone())
        .collect();
    if !missing.is_empty() && !opts.allow_missing {
        let eg: Vec<&str> = missing.iter().take(5).map(String::as_str).collect();
        return Err(Error::Config(format!(
            "{} ids of split '{}' missing from predictions, e.g. {eg:?} (allow missing \
             predictions to score them as empty summaries: --allow-missing)",
            missing.len(),
            opts.split.name()
        )));
    }
    let mut per_article = BTreeMap::new();
    let mut sum_avg = [Prf::default(); 3];
    let mut sum_jk = [0.0; 3];
    let mut n_tok = 0usize;
    for r in &rows {
        let pred = preds.get(&r.id).map_or("", String::as_str);
        let s = score_article(pred, &r.refs, opts.stem, opts.truncate);
        n_tok += s.cand_tokens;
        for k in 0..3 {
            if let (Some(a), Some(x)) = (sum_avg.get_mut(k), s.avg.get(k)) {
                a.p += x.p;
                a.r += x.r;
                a.f += x.f;
            }
            if let (Some(a), Some(x)) = (sum_jk.get_mut(k), s.jackknife.get(k)) {
                *a += x;
            }
        }
        per_article.insert(r.id.clone(), s);
    }
    let n = rows.len().max(1) as f64;
    let mut avg = BTreeMap::new();
    let mut jackknife_f = BTreeMap::new();
    for ((m, a), j) in METRICS.iter().zip(sum_avg).zip(sum_jk) {
        avg.insert(
            *m,
            Prf {
                p: a.p / n,
                r: a.r / n,
                f: a.f / n,
            },
        );
        jackknife_f.insert(*m, j / n);
    }
    Ok(Report {
        protocol: PROTOCOL_VERSION,
        split: opts.split.name(),
        n_articles: rows.len(),
        stem: opts.stem.then_some("light10"),
        truncate_to_budget: opts.truncate,
        missing,
        mean_cand_tokens: n_tok as f64 / n,
        avg,
        jackknife_f,
        per_article,
    })
}

impl Report {
    /// The three-line table `rouge_ar.py` prints.
    pub fn table(&self) -> String {
        let a = |m: &str| 100.0 * self.avg.get(m).map_or(0.0, |p| p.f);
        let j = |m: &str| 100.0 * self.jackknife_f.get(m).copied().unwrap_or(0.0);
        format!(
            "split={} n={} stem={} mean_tokens={:.1}\n  avg-of-refs F1 : R1={:.2} R2={:.2} RL={:.2}\n  jackknife F1   : R1={:.2} R2={:.2} RL={:.2}",
            self.split,
            self.n_articles,
            self.stem.unwrap_or("None"),
            self.mean_cand_tokens,
            a("rouge1"),
            a("rouge2"),
            a("rougeL"),
            j("rouge1"),
            j("rouge2"),
            j("rougeL"),
        )
    }
}

/// Parses JSONL lines into values of `T`, naming `input` and the line in errors.
///
/// # Errors
/// [`Error::Parse`] for a line that is not valid JSON of the expected shape.
pub fn parse_jsonl<T: for<'de> Deserialize<'de>>(text: &str, input: &str) -> Result<Vec<T>> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| Error::Parse {
                input: input.to_string(),
                line: i + 1,
                message: e.to_string(),
            })
        })
        .collect()
}

/// One prediction record (`{"id", "summary"}`; other fields are ignored).
#[derive(Debug, Clone, Deserialize)]
pub struct PredRecord {
    /// Article id.
    pub id: String,
    /// The summary text.
    pub summary: String,
}
