//! Sentence length.

use crate::analyze::Analysis;

/// `ln(1 + tokens) / ln(1 + longest)`: 1 for the longest sentence, 0 for
/// sentences without tokens.
pub fn length(analysis: &Analysis) -> Vec<f64> {
    let max = analysis.sentences.iter().map(Vec::len).max().unwrap_or(0);
    let d = (1.0 + max as f64).ln();
    analysis
        .sentences
        .iter()
        .map(|t| {
            if d > 0.0 {
                (1.0 + t.len() as f64).ln() / d
            } else {
                0.0
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_is_one() {
        let a = Analysis::from_sentences(&["one two three", "one", ""]);
        let l = length(&a);
        assert!((l[0] - 1.0).abs() < 1e-12);
        assert!(l[1] > 0.0 && l[1] < 1.0);
        assert_eq!(l[2], 0.0);
    }
}
