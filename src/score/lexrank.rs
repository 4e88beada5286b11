//! Continuous LexRank (Erkan and Radev 2004).

use super::terms::{pagerank, Terms};

/// PageRank over the TF-IDF cosine similarity graph of the sentences
/// (continuous LexRank: edges weighted by cosine, no threshold), damping
/// 0.15, power iteration. Scores average 1.
pub fn lexrank(terms: &Terms) -> Vec<f64> {
    let n = terms.vectors.len();
    let mut m = vec![0.0; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let s = terms.cosine(i, j);
            if let Some(x) = m.get_mut(i * n + j) {
                *x = s;
            }
            if let Some(x) = m.get_mut(j * n + i) {
                *x = s;
            }
        }
    }
    pagerank(&m, n, 0.15)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analysis;

    #[test]
    fn hub_sentence_ranks_first_and_isolated_last() {
        let a = Analysis::from_sentences(&[
            "القافلة غادرت الرقة",
            "القافلة غادرت الرقة نحو دير الزور والهدنة صامدة",
            "دير الزور تستقبل القافلة",
            "الهدنة صامدة",
            "السماء زرقاء",
        ]);
        let r = lexrank(&Terms::new(&a));
        let best = (0..5).max_by(|&x, &y| r[x].total_cmp(&r[y])).unwrap();
        assert_eq!(best, 1, "{r:?}");
        assert!(r[4] < r[0] && r[4] < r[3], "{r:?}");
        assert!((r.iter().sum::<f64>() / 5.0 - 1.0).abs() < 1e-6);
    }
}
