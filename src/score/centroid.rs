//! TF-IDF centroid similarity.

use super::terms::{dot, Terms};

/// Cosine between each sentence's TF-IDF vector and the document centroid:
/// the sum of all sentence vectors restricted to terms found in at least two
/// sentences (as MEAD keeps only the centroid's salient words; otherwise
/// one-off words, which get the highest IDF, dominate a short document).
pub fn centroid(terms: &Terms) -> Vec<f64> {
    let mut c = vec![0.0; terms.len()];
    for v in &terms.vectors {
        for &(id, w) in v {
            if let Some(x) = c.get_mut(id as usize) {
                *x += w;
            }
        }
    }
    let cv: Vec<(u32, f64)> = c
        .iter()
        .enumerate()
        .filter(|(i, &w)| w > 0.0 && terms.df.get(*i).is_some_and(|&d| d >= 2))
        .map(|(i, &w)| (i as u32, w))
        .collect();
    let cn = cv.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    terms
        .vectors
        .iter()
        .zip(&terms.norms)
        .map(|(v, &n)| {
            if n > 0.0 && cn > 0.0 {
                dot(v, &cv) / (n * cn)
            } else {
                0.0
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analysis;

    #[test]
    fn central_sentence_scores_highest() {
        let a = Analysis::from_sentences(&[
            "الهدنة في الرقة صامدة والقافلة تغادر",
            "القافلة تغادر الرقة بعد الهدنة",
            "الهدنة في الرقة صامدة منذ الأحد",
            "القافلة وصلت دير الزور",
            "الطقس حار جدا اليوم",
        ]);
        let c = centroid(&Terms::new(&a));
        // The sentence sharing most of the document's vocabulary is most central;
        // the off-topic one is least.
        let best = (0..5).max_by(|&x, &y| c[x].total_cmp(&c[y])).unwrap();
        let worst = (0..5).min_by(|&x, &y| c[x].total_cmp(&c[y])).unwrap();
        assert_eq!((best, worst), (0, 4), "{c:?}");
    }
}
