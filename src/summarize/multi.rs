//! Multi-document summaries over several articles on one story.

use std::collections::HashMap;

use serde::Serialize;

use super::{near_duplicate, Budget};
use crate::analyze::Analysis;
use crate::score;
use crate::segment::Sentence;

/// One input article: its sentences and their analysis.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The article's sentences.
    pub sentences: &'a [Sentence],
    /// Their tokens.
    pub analysis: &'a Analysis,
}

/// A kept sentence, attributed to its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Picked {
    /// Index of the source document in the input slice.
    pub doc: usize,
    /// Index of the sentence in that document's sentence list.
    pub sentence: usize,
}

/// A multi-document summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MultiSummary {
    /// Kept sentences ordered by document, then by position in the document.
    pub sentences: Vec<Picked>,
}

/// Summarizes several articles on one story.
///
/// Each sentence's score is its in-document score ([`score::score`]) plus its
/// support: the number of *other* documents that contain a sentence sharing
/// at least half of its content stems, scaled by 1/(number of documents).
/// Sentences are taken best first; one that is a near duplicate
/// ([`near_duplicate`]) of a sentence already kept, from any document, is
/// skipped, so a fact reported by several sources appears once. A word
/// budget counts tokens over the whole summary; a ratio is taken of all
/// documents' tokens.
pub fn multi(sources: &[Source<'_>], budget: Budget) -> MultiSummary {
    // Intern content stems across all documents.
    let mut ids: HashMap<&str, u32, crate::score::terms::FnvBuild> = HashMap::default();
    let mut sets: Vec<Vec<Vec<u32>>> = Vec::with_capacity(sources.len());
    for src in sources {
        let mut doc = Vec::with_capacity(src.analysis.sentences.len());
        for toks in &src.analysis.sentences {
            let mut v: Vec<u32> = toks
                .iter()
                .filter(|t| !t.stop)
                .map(|t| {
                    let next = ids.len() as u32;
                    *ids.entry(src.analysis.stem(t)).or_insert(next)
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            doc.push(v);
        }
        sets.push(doc);
    }
    let ndocs = sources.len().max(1) as f64;
    let mut cands: Vec<(f64, Picked, usize)> = Vec::new();
    for (d, src) in sources.iter().enumerate() {
        let scores = score::score(src.sentences, src.analysis);
        for (s, &v) in scores.values.iter().enumerate() {
            if v <= 0.0 {
                continue;
            }
            let own = sets
                .get(d)
                .and_then(|x| x.get(s))
                .map_or(&[][..], Vec::as_slice);
            let support = sets
                .iter()
                .enumerate()
                .filter(|(o, _)| *o != d)
                .filter(|(_, other)| {
                    other.iter().any(|o| {
                        own.len() >= 3 && score::textrank::intersection(own, o) * 2 >= own.len()
                    })
                })
                .count() as f64;
            let words = src.analysis.sentences.get(s).map_or(0, Vec::len);
            cands.push((
                v + support / ndocs,
                Picked {
                    doc: d,
                    sentence: s,
                },
                words,
            ));
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let total: usize = sources.iter().map(|s| s.analysis.token_count()).sum();
    let (max_sents, max_words) = budget.limits(total);
    let set_of = |p: Picked| {
        sets.get(p.doc)
            .and_then(|x| x.get(p.sentence))
            .map_or(&[][..], Vec::as_slice)
    };
    let mut kept: Vec<Picked> = Vec::new();
    let mut words = 0usize;
    for (_, p, w) in cands {
        if kept.len() >= max_sents || words >= max_words {
            break;
        }
        if kept.iter().any(|&k| near_duplicate(set_of(p), set_of(k))) {
            continue;
        }
        kept.push(p);
        words += w;
    }
    kept.sort_unstable();
    MultiSummary { sentences: kept }
}
