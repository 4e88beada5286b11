//! Keyword density.

use super::terms::Terms;
use crate::analyze::Analysis;

/// How many keywords to take: the most frequent content stems of the document.
pub const KEYWORDS: usize = 10;

/// Share of each sentence's tokens (stopwords included in the count) that are
/// among the document's [`KEYWORDS`] most frequent content stems (ties broken
/// by first occurrence).
pub fn keyword_density(terms: &Terms, analysis: &Analysis) -> Vec<f64> {
    let mut order: Vec<usize> = (0..terms.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (terms.tf.get(a), terms.tf.get(b));
        y.cmp(&x).then(a.cmp(&b))
    });
    let mut is_kw = vec![false; terms.len()];
    for &k in order.iter().take(KEYWORDS) {
        if terms.tf.get(k).is_some_and(|&f| f >= 2) {
            if let Some(x) = is_kw.get_mut(k) {
                *x = true;
            }
        }
    }
    terms
        .sentences
        .iter()
        .zip(&analysis.sentences)
        .map(|(ids, toks)| {
            let hits = ids
                .iter()
                .filter(|&&id| is_kw.get(id as usize).copied().unwrap_or(false))
                .count();
            hits as f64 / toks.len().max(1) as f64
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_sentence_scores_higher() {
        let a = Analysis::from_sentences(&[
            "raqqa truce raqqa truce",
            "the weather was fine in the morning and truce",
            "raqqa",
        ]);
        let d = keyword_density(&Terms::new(&a), &a);
        assert!(d[0] > d[1], "{d:?}");
        assert!((d[0] - 1.0).abs() < 1e-12);
    }
}
