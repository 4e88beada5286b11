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
        Terms::build(analysis, true)
    }

    /// [`Terms::new`], with `vectors` and `norms` left empty unless
    /// `with_vectors` (only the centroid and LexRank scorers read them; the
    /// IDF logarithms are a large share of the cost).
    pub(crate) fn build(analysis: &Analysis, with_vectors: bool) -> Terms {
        // Term ids in order of first occurrence among content tokens (the
        // vocabulary's stem ids also count stopwords, so they are remapped).
        let stems = analysis.vocab.stem_count();
        let mut term_of_stem: Vec<u32> = vec![u32::MAX; stems];
        let mut df: Vec<u32> = Vec::with_capacity(stems);
        let mut tf: Vec<u32> = Vec::with_capacity(stems);
        // The last sentence each term was counted in (for `df`).
        let mut last_seen: Vec<usize> = Vec::with_capacity(stems);
        let mut sentences = Vec::with_capacity(analysis.sentences.len());
        for (si, toks) in analysis.sentences.iter().enumerate() {
            let mut row = Vec::with_capacity(toks.len());
            for t in toks.iter().filter(|t| !t.stop) {
                let next = df.len() as u32;
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
                    df.push(1);
                    tf.push(1);
                    last_seen.push(si);
                } else {
                    if let Some(x) = tf.get_mut(k) {
                        *x += 1;
                    }
                    if let Some(s) = last_seen.get_mut(k) {
                        if *s != si {
                            *s = si;
                            if let Some(x) = df.get_mut(k) {
                                *x += 1;
                            }
                        }
                    }
                }
                row.push(id);
            }
            sentences.push(row);
        }
        let mut sets = Vec::with_capacity(sentences.len());
        let mut sorted = Vec::new();
        if !with_vectors {
            for row in &sentences {
                sorted.clear();
                sorted.extend_from_slice(row);
                sorted.sort_unstable();
                sorted.dedup();
                sets.push(sorted.as_slice().to_vec());
            }
            return Terms {
                sentences,
                sets,
                df,
                tf,
                vectors: Vec::new(),
                norms: Vec::new(),
            };
        }
        let n = sentences.len() as f64;
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
            sets.push(v.iter().map(|&(id, _)| id).collect());
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
    let active: Vec<(usize, f64, &[f64])> = rows
        .iter()
        .enumerate()
        .filter(|(_, &r)| !(r <= 0.0))
        .map(|(i, &r)| (i, r, row_of(i)))
        .collect();
    let dangling: Vec<usize> = (0..n)
        .filter(|&i| rows.get(i).is_some_and(|&r| r <= 0.0))
        .collect();
    let nf = n as f64;
    let mut p = vec![1.0 / nf; n];
    let mut q = vec![0.0; n];
    for _ in 0..100 {
        let dangling: f64 = dangling.iter().filter_map(|&i| p.get(i)).sum();
        let base = damping / nf + (1.0 - damping) * dangling / nf;
        q.fill(base);
        for &(i, ri, row) in &active {
            let pi = p.get(i).copied().unwrap_or(0.0);
            let f = (1.0 - damping) * pi / ri;
            for (qj, &m) in q.iter_mut().zip(row) {
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
