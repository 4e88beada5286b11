//! TextRank (Mihalcea and Tarau 2004).

use super::terms::{pagerank, Terms};

/// PageRank over the word-overlap graph: the edge between two sentences is
/// `|A ∩ B| / (ln |A| + ln |B|)` over their sets of content stems (sentences
/// with fewer than 2 distinct stems get no edges). Scores average 1.
pub fn textrank(terms: &Terms) -> Vec<f64> {
    let sets = &terms.sets;
    let n = sets.len();
    let logs: Vec<f64> = sets.iter().map(|s| (s.len() as f64).ln()).collect();
    let mut m = vec![0.0; n * n];
    for (i, (a, la)) in sets.iter().zip(&logs).enumerate() {
        for (j, (b, lb)) in sets.iter().zip(&logs).enumerate().skip(i + 1) {
            if a.len() < 2 || b.len() < 2 {
                continue;
            }
            let common = intersection(a, b);
            let s = common as f64 / (la + lb);
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

/// Size of the intersection of two sorted, deduplicated id lists.
pub fn intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut c) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                c += 1;
                i += 1;
                j += 1;
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analysis;

    #[test]
    fn connected_sentences_outrank_isolated_ones() {
        let a = Analysis::from_sentences(&[
            "the convoy left raqqa at dawn",
            "the convoy reached deir ezzor after leaving raqqa",
            "fighters in the convoy left raqqa",
            "bananas grow well in warm climates",
        ]);
        let r = textrank(&Terms::new(&a));
        assert!(r[0] > r[3] && r[1] > r[3] && r[2] > r[3], "{r:?}");
        assert_eq!(intersection(&[1, 3, 5], &[2, 3, 5, 7]), 2);
    }
}
