//! Overlap with the title.

use super::terms::Terms;
use super::textrank::intersection;

/// Share of the title's distinct content stems that each sentence contains.
/// `title` is the index of the title sentence; with `None` every value is 0.
pub fn title_overlap(terms: &Terms, title: Option<usize>) -> Vec<f64> {
    let set = |i: usize| terms.sets.get(i).map_or(&[][..], Vec::as_slice);
    let n = terms.sentences.len();
    let Some(t) = title.filter(|&t| t < n) else {
        return vec![0.0; n];
    };
    let ts = set(t);
    if ts.is_empty() {
        return vec![0.0; n];
    }
    (0..n)
        .map(|i| {
            if i == t {
                0.0
            } else {
                intersection(set(i), ts) as f64 / ts.len() as f64
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analysis;

    #[test]
    fn shares_of_title_stems() {
        let a = Analysis::from_sentences(&[
            "هدنة في الرقة",
            "أعلنت القوات هدنة في الرقة",
            "وصلت القافلة",
        ]);
        let o = title_overlap(&Terms::new(&a), Some(0));
        assert_eq!(o, vec![0.0, 1.0, 0.0]);
        assert_eq!(title_overlap(&Terms::new(&a), None), vec![0.0; 3]);
    }
}
