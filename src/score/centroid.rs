//! TF-IDF centroid similarity.

use super::terms::{dot, Terms};

/// Cosine between each sentence's TF-IDF vector and the document centroid
/// (the sum of all sentence vectors).
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
        .filter(|(_, &w)| w > 0.0)
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
    use crate::analyze::tokenize;
    use crate::analyze::Analysis;
    use crate::lang::Lang;

    #[test]
    fn central_sentence_scores_highest() {
        let a = Analysis {
            sentences: vec![
                tokenize("الهدنة في الرقة صامدة", 0, Lang::Ar),
                tokenize("الهدنة في الرقة تنهار والقافلة تغادر الرقة", 0, Lang::Ar),
                tokenize("الطقس حار جدا اليوم", 0, Lang::Ar),
            ],
        };
        let c = centroid(&Terms::new(&a));
        assert!(c[1] > c[2] && c[0] > c[2], "{c:?}");
    }
}
