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
    let mut put = |i: usize, j: usize, common: usize| {
        let (Some(la), Some(lb)) = (logs.get(i), logs.get(j)) else {
            return;
        };
        let s = common as f64 / (la + lb);
        if let Some(x) = m.get_mut(i * n + j) {
            *x = s;
        }
        if let Some(x) = m.get_mut(j * n + i) {
            *x = s;
        }
    };
    if !overlaps(sets, terms.len(), &mut put) {
        for (i, a) in sets.iter().enumerate() {
            for (j, b) in sets.iter().enumerate().skip(i + 1) {
                if a.len() < 2 || b.len() < 2 {
                    continue;
                }
                put(i, j, intersection(a, b));
            }
        }
    }
    pagerank(&m, n, 0.15)
}

/// Calls `put(i, j, |sets[i] ∩ sets[j]|)` for every pair `i < j` of sets
/// with at least 2 ids each and a non-empty intersection (the pairs whose
/// TextRank edge is not 0), counting through an inverted index instead of
/// merging every pair. Returns false, without calling `put`, unless every
/// set is strictly increasing with ids below `terms` (as [`Terms::new`]
/// builds them); the caller then compares pairs directly.
fn overlaps(sets: &[Vec<u32>], terms: usize, put: &mut impl FnMut(usize, usize, usize)) -> bool {
    let well_formed = sets.iter().all(|s| {
        s.windows(2).all(|w| w.first() < w.get(1)) && s.last().is_none_or(|&x| (x as usize) < terms)
    });
    if !well_formed {
        return false;
    }
    // Postings: the sentences containing each term, filled in sentence order,
    // so when sentence `j` is reached they hold exactly the sentences `i < j`.
    let mut start = vec![0usize; terms + 1];
    for s in sets.iter().filter(|s| s.len() >= 2) {
        for &t in s {
            if let Some(x) = start.get_mut(t as usize + 1) {
                *x += 1;
            }
        }
    }
    for t in 0..terms {
        let prev = start.get(t).copied().unwrap_or(0);
        if let Some(x) = start.get_mut(t + 1) {
            *x += prev;
        }
    }
    let mut fill = start.clone();
    let mut postings = vec![0u32; start.last().copied().unwrap_or(0)];
    let mut common = vec![0u32; sets.len()];
    for (j, s) in sets.iter().enumerate().filter(|(_, s)| s.len() >= 2) {
        for &t in s {
            let t = t as usize;
            let (Some(&a), Some(f)) = (start.get(t), fill.get_mut(t)) else {
                continue;
            };
            for &i in postings.get(a..*f).unwrap_or(&[]) {
                if let Some(c) = common.get_mut(i as usize) {
                    *c += 1;
                }
            }
            if let Some(x) = postings.get_mut(*f) {
                *x = j as u32;
            }
            *f += 1;
        }
        for (i, c) in common.iter_mut().enumerate().take(j) {
            if *c > 0 {
                put(i, j, *c as usize);
                *c = 0;
            }
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
