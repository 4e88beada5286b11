//! Selection of summary sentences under a budget.
//!
//! [`select`] summarizes one document; [`multi`] several documents on one
//! story. Summaries are subsets of the input sentences in document order, so
//! every output quotes the original text.

mod multi;

use serde::{Deserialize, Serialize};

use crate::analyze::Analysis;
use crate::score::Scores;

pub use multi::{multi, MultiSummary, Picked, Source};

/// How long a summary may be.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// About this many words (tokens): sentences are added until the count
    /// reaches the budget, so the last one may run over (callers that need a
    /// hard cap cut the text, as ROUGE evaluation does).
    Words(usize),
    /// This fraction of the document's words, counted like [`Budget::Words`].
    Ratio(f64),
}

impl Default for Budget {
    fn default() -> Self {
        Budget::Sentences(4)
    }
}

impl Budget {
    /// `(max sentences, word target)` for a text of `total_words` tokens.
    fn limits(self, total_words: usize) -> (usize, usize) {
        match self {
            Budget::Sentences(n) => (n, usize::MAX),
            Budget::Words(w) => (usize::MAX, w),
            Budget::Ratio(r) => {
                let r = if r.is_finite() {
                    r.clamp(0.0, 1.0)
                } else {
                    0.0
                };
                (usize::MAX, ((total_words as f64) * r).ceil() as usize)
            }
        }
    }
}

/// A summary: indices of selected sentences, in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Indices into the document's sentence list, ascending.
    pub sentences: Vec<usize>,
}

/// Two sentences are near duplicates when this share of the smaller one's
/// distinct content stems also occurs in the other.
pub const DUPLICATE_CONTAINMENT: f64 = 0.7;

/// True if the sorted, deduplicated stem-id sets `a` and `b` are near
/// duplicates (see [`DUPLICATE_CONTAINMENT`]); sets with fewer than 3 stems
/// are only duplicates when equal.
pub fn near_duplicate(a: &[u32], b: &[u32]) -> bool {
    let small = a.len().min(b.len());
    if small == 0 {
        return false;
    }
    let common = crate::score::textrank::intersection(a, b);
    if small < 3 {
        return a == b;
    }
    common as f64 / small as f64 >= DUPLICATE_CONTAINMENT
}

/// Sorted, deduplicated stem ids of the content tokens of one sentence.
fn stem_ids(tokens: &[crate::analyze::Token]) -> Vec<u32> {
    let mut v: Vec<u32> = Vec::with_capacity(tokens.len());
    v.extend(tokens.iter().filter(|t| !t.stop).map(|t| t.stem));
    crate::score::terms::sort_ids(&mut v);
    v.dedup();
    v
}

/// Picks the best-scoring sentences within `budget`, returned in document order.
///
/// Sentences with a score of 0 or less are never picked. Candidates are
/// visited best first; a near duplicate of an already chosen sentence is
/// skipped (redundancy control). Under a word budget a sentence that would run
/// over the budget is taken only if it comes after every chosen sentence in
/// document order (so cutting the summary at the budget trims only that
/// sentence); otherwise it is skipped in favour of ones that fit. If the
/// budget is still not reached after all candidates, the skipped ones fill it
/// in score order.
pub fn select(scores: &Scores, analysis: &Analysis, budget: Budget) -> Summary {
    let total_words = analysis.token_count();
    let (max_sents, max_words) = budget.limits(total_words);
    // The scorer's content-term sets when it kept them (one per sentence),
    // else stem-id sets (only for hand-built scores): both hold one id per
    // distinct content stem, so sizes and intersections agree.
    let built: Vec<Vec<u32>>;
    let sets: &[Vec<u32>] = if scores.sets.len() == analysis.sentences.len() {
        &scores.sets
    } else {
        built = analysis.sentences.iter().map(|t| stem_ids(t)).collect();
        &built
    };
    let set = |i: usize| sets.get(i).map_or(&[][..], Vec::as_slice);
    let len = |i: usize| analysis.sentences.get(i).map_or(0, Vec::len);
    let mut order: Vec<usize> = Vec::with_capacity(scores.values.len());
    order.extend(
        (0..scores.values.len()).filter(|&i| scores.values.get(i).is_some_and(|v| *v > 0.0)),
    );
    // Ties are broken by index, so an unstable sort gives the same order.
    order.sort_unstable_by(|&a, &b| {
        let (x, y) = (
            scores.values.get(a).copied().unwrap_or(0.0),
            scores.values.get(b).copied().unwrap_or(0.0),
        );
        y.total_cmp(&x).then(a.cmp(&b))
    });
    let redundant = |i: usize, chosen: &[usize]| {
        let s = set(i);
        chosen.iter().any(|&c| near_duplicate(s, set(c)))
    };
    let mut chosen: Vec<usize> = Vec::new();
    let mut skipped = Vec::new();
    let mut words = 0usize;
    for &i in &order {
        if chosen.len() >= max_sents || words >= max_words {
            break;
        }
        if redundant(i, &chosen) {
            continue;
        }
        let w = len(i);
        let last = chosen.iter().all(|&c| c < i);
        if words.saturating_add(w) <= max_words || chosen.is_empty() || last {
            chosen.push(i);
            words += w;
        } else {
            skipped.push(i);
        }
    }
    for i in skipped {
        if chosen.len() >= max_sents || words >= max_words {
            break;
        }
        if !redundant(i, &chosen) {
            chosen.push(i);
            words += len(i);
        }
    }
    chosen.sort_unstable();
    Summary { sentences: chosen }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, score, segment};

    /// The content-term sets the scorer keeps give the same summaries as
    /// the stem-id sets `select` builds when it has none.
    #[test]
    fn kept_term_sets_select_like_stem_sets() {
        let texts = [
            include_str!("../../seeds/000_5691900a397ebd07.txt"),
            include_str!("../../seeds/001_0cc4af94058731b6.txt"),
            include_str!("../../seeds/002_c6bfd335af56721e.txt"),
            include_str!("../../seeds/003_f73e49b5b275455f.txt"),
            include_str!("../../seeds/004_ace0da53d28b4e56.txt"),
            "عنوان\nأعلنت القوات هدنة في الرقة يوم الأحد الماضي. \
             أعلنت القوات هدنة في الرقة يوم الأحد. \
             وغادرت قافلة من المقاتلين المدينة نحو دير الزور.",
        ];
        for text in texts {
            let s = segment::segment(text);
            let a = analyze::analyze(text, &s);
            let sc = score::score(&s, &a);
            assert_eq!(sc.sets.len(), a.sentences.len());
            let bare = Scores {
                values: sc.values.clone(),
                sets: Vec::new(),
            };
            // Same sizes and pairwise intersections, so the same checks.
            for i in 0..a.sentences.len() {
                let stems = a.sentences.get(i).map(|t| stem_ids(t)).unwrap_or_default();
                assert_eq!(sc.sets.get(i).map(Vec::len), Some(stems.len()));
            }
            for budget in [
                Budget::Sentences(1),
                Budget::Sentences(3),
                Budget::Sentences(50),
                Budget::Words(20),
                Budget::Words(100),
                Budget::Ratio(0.5),
            ] {
                assert_eq!(select(&sc, &a, budget), select(&bare, &a, budget));
            }
            // Near duplicates are found by either kind of set.
            for i in 0..a.sentences.len() {
                for j in 0..a.sentences.len() {
                    let (Some(ti), Some(tj)) = (a.sentences.get(i), a.sentences.get(j)) else {
                        continue;
                    };
                    let (Some(ki), Some(kj)) = (sc.sets.get(i), sc.sets.get(j)) else {
                        continue;
                    };
                    assert_eq!(
                        near_duplicate(ki, kj),
                        near_duplicate(&stem_ids(ti), &stem_ids(tj))
                    );
                }
            }
        }
    }
}
