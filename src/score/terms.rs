//! Interned content terms and TF-IDF sentence vectors shared by the scorers.

/// FNV-1a: a fast hasher for short keys (words, ids); not DoS-resistant,
/// which does not matter for per-document tables.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A `BuildHasher` for [`Fnv`].
pub type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

use crate::analyze::Analysis;

/// A sparse vector: `(term id, weight)` pairs sorted by term id.
pub type SparseVec = Vec<(u32, f64)>;

/// Content terms (stems of non-stopword tokens) of one document, interned.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    /// Term ids per sentence, in token order (stopwords left out).
    pub sentences: Vec<Vec<u32>>,
    /// Number of sentences containing each term.
    pub df: Vec<u32>,
    /// Occurrences of each term in the document.
    pub tf: Vec<u32>,
    /// Term ids per sentence, sorted and deduplicated (the sets TextRank,
    /// title overlap and redundancy checks compare).
    pub sets: Vec<Vec<u32>>,
    /// TF-IDF vector per sentence.
    pub vectors: Vec<SparseVec>,
    /// Euclidean norm of each sentence vector.
    pub norms: Vec<f64>,
}

impl Terms {
    /// Interns the content stems of `analysis` and builds TF-IDF vectors
    /// with `idf = ln((n + 1) / (df + 0.5))` over the document's sentences.
    pub fn new(analysis: &Analysis) -> Terms {
        Terms::build(analysis, Parts::ALL)
    }

    /// [`Terms::new`] with only the `parts` a caller reads; the others are
    /// left empty (`df`, `tf` and `sets` are always filled).
    pub(crate) fn build(analysis: &Analysis, parts: Parts) -> Terms {
        // Term ids in order of first occurrence among content tokens (the
        // vocabulary's stem ids also count stopwords, so they are remapped).
        let stems = analysis.vocab.stem_count();
        let mut term_of_stem: Vec<u32> = vec![u32::MAX; stems];
        // Per term: its `df`, its `tf` and the last sentence it was counted
        // in (for `df`), together so that a token touches one entry.
        let mut counts: Vec<(u32, u32, usize)> = Vec::with_capacity(stems);
        let rows = parts.rows || parts.vectors;
        let count = analysis.sentences.len();
        let longest = analysis.sentences.iter().map(Vec::len).max().unwrap_or(0);
        let mut sentences = Vec::with_capacity(if rows { count } else { 0 });
        let mut sets = Vec::with_capacity(count);
        let mut row: Vec<u32> = Vec::with_capacity(longest);
        let mut sorted: Vec<u32> = Vec::with_capacity(longest);
        for (si, toks) in analysis.sentences.iter().enumerate() {
            row.clear();
            // Terms new in this sentence get the ids `first..counts.len()`.
            let first = counts.len() as u32;
            for t in toks.iter().filter(|t| !t.stop) {
                let next = counts.len() as u32;
                let id = match term_of_stem.get_mut(t.stem as usize) {
                    Some(x) if *x != u32::MAX => *x,
                    Some(x) => {
                        *x = next;
                        next
                    }
                    // A token whose stem is not in the vocabulary (built by
                    // hand): a term of its own.
                    None => next,
                };
                let k = id as usize;
                if id == next {
                    // A new term: first seen in this sentence.
                    counts.push((1, 1, si));
                } else if let Some((d, f, l)) = counts.get_mut(k) {
                    *f += 1;
                    if *l != si {
                        *l = si;
                        *d += 1;
                    }
                }
                row.push(id);
            }
            // The set: the earlier terms, sorted, then the new ones, whose
            // ids are consecutive and larger (every one of them is in `row`).
            sorted.clear();
            sorted.extend(row.iter().copied().filter(|&id| id < first));
            sort_ids(&mut sorted);
            sorted.dedup();
            let new = first..counts.len() as u32;
            let mut set = Vec::with_capacity(sorted.len() + new.len());
            set.extend_from_slice(&sorted);
            set.extend(new);
            sets.push(set);
            if rows {
                sentences.push(row.as_slice().to_vec());
            }
        }
        let df: Vec<u32> = counts.iter().map(|c| c.0).collect();
        let tf: Vec<u32> = counts.iter().map(|c| c.1).collect();
        if !parts.vectors {
            return Terms {
                sentences,
                sets,
                df,
                tf,
                vectors: Vec::new(),
                norms: Vec::new(),
            };
        }
        let n = count as f64;
        let idf: Vec<f64> = df
            .iter()
            .map(|&d| ((n + 1.0) / (f64::from(d) + 0.5)).ln().max(0.0))
            .collect();
        let mut vectors = Vec::with_capacity(sentences.len());
        let mut norms = Vec::with_capacity(sentences.len());
        for row in &sentences {
            sorted.clear();
            sorted.extend_from_slice(row);
            sorted.sort_unstable();
            let mut v: SparseVec = Vec::with_capacity(sorted.len());
            for &id in &sorted {
                let w = idf.get(id as usize).copied().unwrap_or(0.0);
                match v.last_mut() {
                    Some((last, x)) if *last == id => *x += w,
                    _ => v.push((id, w)),
                }
            }
            norms.push(v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt());
            vectors.push(v);
        }
        Terms {
            sentences,
            sets,
            df,
            tf,
            vectors,
            norms,
        }
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.df.len()
    }

    /// True when the document has no content terms.
    pub fn is_empty(&self) -> bool {
        self.df.is_empty()
    }

    /// Cosine similarity of the TF-IDF vectors of sentences `a` and `b`.
    pub fn cosine(&self, a: usize, b: usize) -> f64 {
        match (
            self.vectors.get(a),
            self.vectors.get(b),
            self.norms.get(a),
            self.norms.get(b),
        ) {
            (Some(x), Some(y), Some(&nx), Some(&ny)) if nx > 0.0 && ny > 0.0 => {
                dot(x, y) / (nx * ny)
            }
            _ => 0.0,
        }
    }
}

/// Which optional parts of [`Terms`] to build.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Parts {
    /// `sentences` (term ids in token order).
    pub rows: bool,
    /// `vectors` and `norms` (TF-IDF; the IDF logarithms are costly).
    pub vectors: bool,
}

impl Parts {
    /// Everything, as [`Terms::new`] builds it.
    pub const ALL: Parts = Parts {
        rows: true,
        vectors: true,
    };
}

/// Sorts ids ascending: insertion sort for short lists (a sentence's ids
/// are mostly ascending already, as ids follow first occurrence), the
/// standard sort otherwise. Either way the result is the sorted list.
pub(crate) fn sort_ids(v: &mut [u32]) {
    if v.len() > 32 {
        v.sort_unstable();
        return;
    }
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 {
            match (v.get(j - 1).copied(), v.get(j).copied()) {
                (Some(a), Some(b)) if a > b => v.swap(j - 1, j),
                _ => break,
            }
            j -= 1;
        }
    }
}

/// Dot product of two sparse vectors sorted by id.
pub fn dot(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while let (Some(&(ia, xa)), Some(&(ib, xb))) = (a.get(i), b.get(j)) {
        match ia.cmp(&ib) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += xa * xb;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Scales `v` so that its maximum is 1 (all zeros stay zeros; negative
/// values are clamped to 0).
pub fn max_normalize(v: &mut [f64]) {
    let m = v.iter().copied().fold(0.0f64, f64::max);
    for x in v.iter_mut() {
        *x = if m > 0.0 { (*x / m).max(0.0) } else { 0.0 };
    }
}

/// PageRank by power iteration over a symmetric non-negative similarity
/// matrix (row-major, `n × n`), with teleport probability `damping`
/// (0.15 in LexRank/TextRank). Rows without edges teleport uniformly.
/// Returns scores that average 1.
pub fn pagerank(matrix: &[f64], n: usize, damping: f64) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    // Rows as slices (a short matrix gives short last rows, as before).
    let row_of = |i: usize| {
        matrix
            .get(i * n..)
            .map_or(&[][..], |r| r.get(..n).unwrap_or(r))
    };
    let rows: Vec<f64> = (0..n).map(|i| row_of(i).iter().sum()).collect();
    // Rows with edges, with their sums, and rows without (dangling), each in
    // row order, so every sum below adds the same terms in the same order.
    let mut active: Vec<(usize, f64, &[f64])> = Vec::with_capacity(n);
    let mut dangling: Vec<usize> = Vec::new();
    for (i, &r) in rows.iter().enumerate() {
        if r <= 0.0 {
            dangling.push(i);
        } else {
            active.push((i, r, row_of(i)));
        }
    }
    let nf = n as f64;
    let mut p = vec![1.0 / nf; n];
    let mut q = vec![0.0; n];
    for _ in 0..100 {
        let dangling: f64 = dangling.iter().filter_map(|&i| p.get(i)).sum();
        let base = damping / nf + (1.0 - damping) * dangling / nf;
        q.fill(base);
        let f = |&(i, ri, _): &(usize, f64, &[f64])| {
            (1.0 - damping) * p.get(i).copied().unwrap_or(0.0) / ri
        };
        // Four rows per pass over `q`: each `q[j]` still adds the rows'
        // terms one at a time in row order, so the sums are unchanged.
        for g in active.chunks(4) {
            match g {
                [a, b, c, d] if [a, b, c, d].iter().all(|r| r.2.len() == n) => {
                    let (fa, fb, fc, fd) = (f(a), f(b), f(c), f(d));
                    let rows = a.2.iter().zip(b.2).zip(c.2).zip(d.2);
                    for (qj, (((&ma, &mb), &mc), &md)) in q.iter_mut().zip(rows) {
                        *qj = *qj + fa * ma + fb * mb + fc * mc + fd * md;
                    }
                }
                _ => {
                    for r in g {
                        let fr = f(r);
                        for (qj, &m) in q.iter_mut().zip(r.2) {
                            *qj += fr * m;
                        }
                    }
                }
            }
        }
        let delta: f64 = p.iter().zip(&q).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut p, &mut q);
        if delta < 1e-7 {
            break;
        }
    }
    p.iter().map(|x| x * nf).collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The five seed articles, analyzed.
    pub(crate) fn seed_analyses() -> Vec<Analysis> {
        [
            include_str!("../../seeds/000_5691900a397ebd07.txt"),
            include_str!("../../seeds/001_0cc4af94058731b6.txt"),
            include_str!("../../seeds/002_c6bfd335af56721e.txt"),
            include_str!("../../seeds/003_f73e49b5b275455f.txt"),
            include_str!("../../seeds/004_ace0da53d28b4e56.txt"),
        ]
        .iter()
        .map(|t| crate::analyze::analyze(t, &crate::segment::segment(t)))
        .collect()
    }

    /// Deterministic pseudo-random numbers (64-bit LCG).
    pub(crate) struct Lcg(pub u64);

    impl Lcg {
        pub(crate) fn next(&mut self, below: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) % below.max(1)
        }
    }

    /// The power iteration as first written (one row per pass over `q`),
    /// kept to check that the faster loop gives the same bits.
    pub(crate) fn pagerank_reference(matrix: &[f64], n: usize, damping: f64) -> Vec<f64> {
        if n == 0 {
            return Vec::new();
        }
        let row_of = |i: usize| {
            matrix
                .get(i * n..)
                .map_or(&[][..], |r| r.get(..n).unwrap_or(r))
        };
        let rows: Vec<f64> = (0..n).map(|i| row_of(i).iter().sum()).collect();
        let nf = n as f64;
        let mut p = vec![1.0 / nf; n];
        let mut q = vec![0.0; n];
        for _ in 0..100 {
            let dangling: f64 = p
                .iter()
                .zip(&rows)
                .filter(|(_, &r)| r <= 0.0)
                .map(|(x, _)| x)
                .sum();
            let base = damping / nf + (1.0 - damping) * dangling / nf;
            q.iter_mut().for_each(|x| *x = base);
            for (i, (&pi, &ri)) in p.iter().zip(&rows).enumerate() {
                if ri <= 0.0 {
                    continue;
                }
                let f = (1.0 - damping) * pi / ri;
                for (qj, &m) in q.iter_mut().zip(row_of(i)) {
                    *qj += f * m;
                }
            }
            let delta: f64 = p.iter().zip(&q).map(|(a, b)| (a - b).abs()).sum();
            std::mem::swap(&mut p, &mut q);
            if delta < 1e-7 {
                break;
            }
        }
        p.iter().map(|x| x * nf).collect()
    }

    fn bits(v: &[f64]) -> Vec<u64> {
        v.iter().map(|x| x.to_bits()).collect()
    }

    #[test]
    fn pagerank_gives_the_same_bits_as_the_row_by_row_loop() {
        let mut rng = Lcg(7);
        for n in 0..=13 {
            for round in 0..6 {
                // Symmetric, about half the entries 0, some rows all 0.
                let mut m = vec![0.0; n * n];
                for i in 0..n {
                    for j in i + 1..n {
                        if rng.next(2) == 0 && i % 5 != 3 && j % 5 != 3 {
                            let w = (1 + rng.next(1000)) as f64 / 97.0;
                            m[i * n + j] = w;
                            m[j * n + i] = w;
                        }
                    }
                }
                // Also a short matrix (its last rows are cut).
                let short = &m[..(n * n).saturating_sub(round * 3)];
                for matrix in [&m[..], short] {
                    assert_eq!(
                        bits(&pagerank(matrix, n, 0.15)),
                        bits(&pagerank_reference(matrix, n, 0.15)),
                        "n = {n}, round {round}"
                    );
                }
            }
        }
    }

    #[test]
    fn sort_ids_sorts() {
        let mut rng = Lcg(11);
        for len in 0..80 {
            let mut v: Vec<u32> = (0..len).map(|_| rng.next(40) as u32).collect();
            let mut want = v.clone();
            want.sort_unstable();
            sort_ids(&mut v);
            assert_eq!(v, want);
        }
    }

    #[test]
    fn partial_builds_match_the_full_one_and_sets_are_the_sorted_rows() {
        let mut analyses = seed_analyses();
        // Hand-built tokens whose stems are not in the vocabulary.
        let mut odd = Analysis::from_sentences(&["raqqa convoy raqqa", "convoy truce"]);
        for t in odd.sentences.iter_mut().flatten().step_by(2) {
            t.stem = 1_000_000;
        }
        analyses.push(odd);
        for a in &analyses {
            let full = Terms::new(a);
            let mut df = vec![0u32; full.len()];
            let mut tf = vec![0u32; full.len()];
            for (row, set) in full.sentences.iter().zip(&full.sets) {
                let mut want = row.clone();
                want.sort_unstable();
                want.dedup();
                assert_eq!(*set, want);
                for &id in row {
                    tf[id as usize] += 1;
                }
                for &id in set {
                    df[id as usize] += 1;
                }
            }
            assert_eq!((&full.df, &full.tf), (&df, &tf));
            assert_eq!(full.vectors.len(), full.sets.len());
            for rows in [false, true] {
                let part = Terms::build(
                    a,
                    Parts {
                        rows,
                        vectors: false,
                    },
                );
                assert_eq!(part.sets, full.sets);
                assert_eq!((&part.df, &part.tf), (&full.df, &full.tf));
                let want: &[Vec<u32>] = if rows { &full.sentences } else { &[] };
                assert_eq!(part.sentences, want);
            }
        }
    }
}
