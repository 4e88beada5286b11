//! Sentence scoring.

use std::collections::HashMap;

use crate::analyze::Analysis;
use crate::segment::{Sentence, SentenceKind};

/// A score per sentence, parallel to the sentence list (higher is better).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// One value per sentence.
    pub values: Vec<f64>,
}

/// Scores sentences by position and by overlap with the document's frequent stems.
pub fn score(sentences: &[Sentence], analysis: &Analysis) -> Scores {
    let mut tf: HashMap<&str, f64> = HashMap::new();
    for toks in &analysis.sentences {
        for t in toks.iter().filter(|t| !t.stop) {
            *tf.entry(t.stem.as_str()).or_default() += 1.0;
        }
    }
    let n = sentences.len().max(1) as f64;
    let values = sentences
        .iter()
        .zip(&analysis.sentences)
        .enumerate()
        .map(|(i, (s, toks))| {
            if s.kind != SentenceKind::Body || toks.len() < 4 {
                return 0.0;
            }
            let content: Vec<_> = toks.iter().filter(|t| !t.stop).collect();
            let centrality = content
                .iter()
                .map(|t| tf.get(t.stem.as_str()).copied().unwrap_or(0.0))
                .sum::<f64>()
                / (content.len().max(1) as f64);
            let position = 1.0 - (i as f64 / n);
            centrality.ln_1p() + 2.0 * position
        })
        .collect();
    Scores { values }
}
