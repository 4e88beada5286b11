//! Selection of summary sentences under a budget.

use serde::{Deserialize, Serialize};

use crate::analyze::Analysis;
use crate::score::Scores;

/// How long a summary may be.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// At most this many words (tokens).
    Words(usize),
    /// This fraction of the document's words.
    Ratio(f64),
}

impl Default for Budget {
    fn default() -> Self {
        Budget::Sentences(4)
    }
}

/// A summary: indices of selected sentences, in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Indices into the document's sentence list, ascending.
    pub sentences: Vec<usize>,
}

/// Picks the best-scoring sentences within `budget`, returned in document order.
pub fn select(scores: &Scores, analysis: &Analysis, budget: Budget) -> Summary {
    let total_words: usize = analysis.sentences.iter().map(Vec::len).sum();
    let (max_sents, max_words) = match budget {
        Budget::Sentences(n) => (n, usize::MAX),
        Budget::Words(w) => (usize::MAX, w),
        Budget::Ratio(r) => (
            usize::MAX,
            ((total_words as f64) * r.clamp(0.0, 1.0)).ceil() as usize,
        ),
    };
    let mut order: Vec<usize> = (0..scores.values.len())
        .filter(|&i| scores.values.get(i).is_some_and(|v| *v > 0.0))
        .collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (
            scores.values.get(a).copied().unwrap_or(0.0),
            scores.values.get(b).copied().unwrap_or(0.0),
        );
        y.total_cmp(&x).then(a.cmp(&b))
    });
    let mut chosen = Vec::new();
    let mut words = 0usize;
    for i in order {
        if chosen.len() >= max_sents {
            break;
        }
        let w = analysis.sentences.get(i).map_or(0, Vec::len);
        if words + w > max_words && !chosen.is_empty() {
            continue;
        }
        words += w;
        chosen.push(i);
    }
    chosen.sort_unstable();
    Summary { sentences: chosen }
}
