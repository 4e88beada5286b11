//! The daily digest: articles grouped into stories by content.
//!
//! Each article becomes a TF-IDF vector over the stems of its body sentences
//! plus its glossary entries (a shared named entity is strong evidence of a
//! shared story). Stories are formed by average-linkage agglomerative
//! clustering: the two closest groups merge while their mean pairwise cosine
//! similarity is at least the threshold. Average linkage (rather than single
//! linkage) keeps one loosely related article from chaining two stories
//! together. The result is deterministic: ties break by input order, and
//! stories are listed by their first article.

use std::collections::HashMap;

use crate::pipeline::Article;
use crate::segment::SentenceKind;

/// Default similarity threshold for [`cluster`], chosen on the seeds and the
/// hand-written test stories (tests/data/stories): same-story pairs score
/// well above it, unrelated pairs well below.
pub const DEFAULT_THRESHOLD: f64 = 0.12;

/// A story: indices of its articles, ascending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// Indices into the article list, in input order.
    pub articles: Vec<usize>,
}

type Vector = Vec<(u32, f64)>;

/// Sparse TF-IDF vectors, one per article, L2-normalized, sorted by term id.
fn vectors(articles: &[Article]) -> Vec<Vector> {
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut counts: Vec<HashMap<u32, f64>> = Vec::with_capacity(articles.len());
    for a in articles {
        let mut tf: HashMap<u32, f64> = HashMap::new();
        for (s, toks) in a.sentences.iter().zip(&a.analysis.sentences) {
            if matches!(s.kind, SentenceKind::Meta | SentenceKind::Caption) {
                continue;
            }
            for t in toks.iter().filter(|t| {
                !t.stop && t.stem.chars().count() > 2 && !t.stem.chars().all(|c| c.is_numeric())
            }) {
                let next = vocab.len() as u32;
                let id = *vocab.entry(t.stem.clone()).or_insert(next);
                *tf.entry(id).or_default() += 1.0;
            }
        }
        for h in &a.hits {
            let next = vocab.len() as u32;
            let id = *vocab
                .entry(format!("\u{1}entry{}", h.entry))
                .or_insert(next);
            *tf.entry(id).or_default() += 2.0;
        }
        counts.push(tf);
    }
    let n = articles.len() as f64;
    let mut df: HashMap<u32, f64> = HashMap::new();
    for tf in &counts {
        for &id in tf.keys() {
            *df.entry(id).or_default() += 1.0;
        }
    }
    counts
        .into_iter()
        .map(|tf| {
            let mut v: Vector = tf
                .into_iter()
                .map(|(id, c)| {
                    let idf = ((n + 1.0) / (df.get(&id).copied().unwrap_or(0.0) + 1.0)).ln() + 1.0;
                    (id, (1.0 + c.ln()) * idf)
                })
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, w) in &mut v {
                    *w /= norm;
                }
            }
            v.sort_unstable_by_key(|&(id, _)| id);
            v
        })
        .collect()
}

fn cosine(a: &Vector, b: &Vector) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while let (Some(&(ia, wa)), Some(&(ib, wb))) = (a.get(i), b.get(j)) {
        match ia.cmp(&ib) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += wa * wb;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// Pairwise cosine similarities of the articles' content vectors.
pub fn similarities(articles: &[Article]) -> Vec<Vec<f64>> {
    let v = vectors(articles);
    v.iter()
        .map(|a| v.iter().map(|b| cosine(a, b)).collect())
        .collect()
}

/// Groups articles into stories; see the module docs.
pub fn cluster(articles: &[Article], threshold: f64) -> Vec<Story> {
    let sim = similarities(articles);
    let mut groups: Vec<Vec<usize>> = (0..articles.len()).map(|i| vec![i]).collect();
    let link = |a: &[usize], b: &[usize]| -> f64 {
        let mut total = 0.0;
        for &x in a {
            for &y in b {
                total += sim.get(x).and_then(|r| r.get(y)).copied().unwrap_or(0.0);
            }
        }
        total / ((a.len() * b.len()).max(1) as f64)
    };
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for i in 0..groups.len() {
            for j in i + 1..groups.len() {
                let (Some(a), Some(b)) = (groups.get(i), groups.get(j)) else {
                    continue;
                };
                let s = link(a, b);
                if s >= threshold && best.is_none_or(|(bs, _, _)| s > bs) {
                    best = Some((s, i, j));
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        let moved = groups.remove(j);
        if let Some(g) = groups.get_mut(i) {
            g.extend(moved);
            g.sort_unstable();
        }
    }
    groups.sort_by_key(|g| g.first().copied().unwrap_or(usize::MAX));
    groups
        .into_iter()
        .map(|articles| Story { articles })
        .collect()
}
