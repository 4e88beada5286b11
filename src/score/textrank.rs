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
    if count_common(sets, terms.len(), &mut m) {
        // `m[i * n + j]` (i < j) holds |A ∩ B| for the pairs to link.
        for (i, la) in logs.iter().enumerate() {
            for (j, lb) in logs.iter().enumerate().skip(i + 1) {
                let Some(&common) = m.get(i * n + j) else {
                    continue;
                };
                if common > 0.0 {
                    let s = common / (la + lb);
                    if let Some(x) = m.get_mut(i * n + j) {
                        *x = s;
                    }
                    if let Some(x) = m.get_mut(j * n + i) {
                        *x = s;
                    }
                }
            }
        }
    } else {
        m.fill(0.0);
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
    }
    pagerank(&m, n, 0.15)
}

/// Adds `|sets[i] ∩ sets[j]|` to `m[i * n + j]` (`n = sets.len()`) for every
/// pair `i < j` of sets with at least 2 ids each (the pairs TextRank links),
/// walking per-term lists of earlier sentences instead of merging every
/// pair: only pairs that share a term cost anything. The counts are whole
/// numbers, so they are exact in `f64`. Returns false, with `m` partly
/// filled, unless every set is strictly increasing with ids below `terms`
/// (as [`Terms::new`] builds them); the caller then compares pairs directly.
fn count_common(sets: &[Vec<u32>], terms: usize, m: &mut [f64]) -> bool {
    let n = sets.len();
    // Per term, its last occurrence (index into `occ`); per occurrence, its
    // sentence and the previous occurrence of the same term.
    let mut last = vec![u32::MAX; terms];
    let total: usize = sets.iter().map(Vec::len).sum();
    let mut occ: Vec<(u32, u32)> = Vec::with_capacity(total);
    for (j, s) in sets.iter().enumerate().filter(|(_, s)| s.len() >= 2) {
        let mut prev = None;
        for &t in s {
            if prev.is_some_and(|p| p >= t) {
                return false;
            }
            prev = Some(t);
            let Some(head) = last.get_mut(t as usize) else {
                return false;
            };
            let first = *head;
            let mut k = first;
            while let Some(&(i, before)) = occ.get(k as usize) {
                if let Some(x) = m.get_mut(i as usize * n + j) {
                    *x += 1.0;
                }
                k = before;
            }
            *head = occ.len() as u32;
            occ.push((j as u32, first));
        }
    }
    true
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

#[cfg(test)]
mod equivalence {
    use super::*;
    use crate::score::terms::tests::{pagerank_reference, seed_analyses, Lcg};

    /// TextRank as first written: every pair merged, one row per pass.
    fn reference(terms: &Terms) -> Vec<f64> {
        let sets = &terms.sets;
        let n = sets.len();
        let logs: Vec<f64> = sets.iter().map(|s| (s.len() as f64).ln()).collect();
        let mut m = vec![0.0; n * n];
        for i in 0..n {
            for j in i + 1..n {
                if sets[i].len() < 2 || sets[j].len() < 2 {
                    continue;
                }
                let s = intersection(&sets[i], &sets[j]) as f64 / (logs[i] + logs[j]);
                m[i * n + j] = s;
                m[j * n + i] = s;
            }
        }
        pagerank_reference(&m, n, 0.15)
    }

    fn bits(v: &[f64]) -> Vec<u64> {
        v.iter().map(|x| x.to_bits()).collect()
    }

    #[test]
    fn same_bits_as_pairwise_merging() {
        for a in seed_analyses() {
            let t = Terms::new(&a);
            assert_eq!(bits(&textrank(&t)), bits(&reference(&t)));
        }
        // Random sets over a small vocabulary (many shared terms), and sets
        // that are not strictly increasing or name unknown terms (the
        // pairwise fallback).
        let mut rng = Lcg(3);
        for round in 0..40 {
            let n = 1 + rng.next(14) as usize;
            let vocab = 2 + rng.next(30) as u32;
            let mut t = Terms {
                df: vec![0; vocab as usize],
                ..Terms::default()
            };
            for _ in 0..n {
                let mut s: Vec<u32> = (0..rng.next(8))
                    .map(|_| rng.next(vocab.into()) as u32)
                    .collect();
                s.sort_unstable();
                s.dedup();
                t.sets.push(s);
            }
            if round % 4 == 1 {
                t.sets[0] = vec![5, 3, 3, 1];
            }
            if round % 4 == 2 {
                t.sets[0] = vec![1, vocab + 4];
            }
            assert_eq!(bits(&textrank(&t)), bits(&reference(&t)), "round {round}");
        }
    }
}
