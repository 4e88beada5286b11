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

use std::borrow::Borrow;
use std::collections::HashMap;

use serde::Serialize;

use crate::glossary::TermType;
use crate::pipeline::Article;
use crate::render::{BriefView, FigureView, TermRef, TermRow};
use crate::segment::SentenceKind;

/// Default similarity threshold for [`cluster`], chosen on the seeds and the
/// hand-written test stories (tests/data/stories): same-story pairs score
/// well above it, unrelated pairs well below.
pub const DEFAULT_THRESHOLD: f64 = 0.15;

/// A story: indices of its articles, ascending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// Indices into the article list, in input order.
    pub articles: Vec<usize>,
}

type Vector = Vec<(u32, f64)>;

/// Sparse TF-IDF vectors, one per article, L2-normalized, sorted by term id.
fn vectors<A: Borrow<Article>>(articles: &[A]) -> Vec<Vector> {
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut counts: Vec<HashMap<u32, f64>> = Vec::with_capacity(articles.len());
    for a in articles {
        let a: &Article = a.borrow();
        let mut tf: HashMap<u32, f64> = HashMap::new();
        for (s, toks) in a.sentences.iter().zip(&a.analysis.sentences) {
            if matches!(s.kind, SentenceKind::Meta | SentenceKind::Caption) {
                continue;
            }
            for stem in toks.iter().filter(|t| !t.stop).map(|t| a.analysis.stem(t)) {
                if stem.chars().count() <= 2 || stem.chars().all(|c| c.is_numeric()) {
                    continue;
                }
                let next = vocab.len() as u32;
                let id = *vocab.entry(stem.to_string()).or_insert(next);
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
            // Sorted before the norm is summed: the hash map's order changes
            // from run to run, and so would the sum's last bits (and with
            // them a near-tie in the clustering).
            v.sort_unstable_by_key(|&(id, _)| id);
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, w) in &mut v {
                    *w /= norm;
                }
            }
            v
        })
        .collect()
}

/// Pairwise cosine similarities of the articles' content vectors.
///
/// Computed through an inverted index (per term, the articles that have it)
/// rather than one merge of two vectors per pair: pairs without a common
/// term cost nothing. Each pair's products are still summed in increasing
/// term order from 0.0, exactly as a merge of the two vectors would, so the values are
/// the same to the bit (a test checks it).
pub fn similarities<A: Borrow<Article>>(articles: &[A]) -> Vec<Vec<f64>> {
    let v = vectors(articles);
    let n = v.len();
    let terms = v
        .iter()
        .flat_map(|x| x.iter().map(|&(id, _)| id as usize + 1))
        .max()
        .unwrap_or(0);
    // Per term, (article, weight) in article order.
    let mut postings: Vec<Vec<(usize, f64)>> = vec![Vec::new(); terms];
    for (d, x) in v.iter().enumerate() {
        for &(id, w) in x {
            if let Some(list) = postings.get_mut(id as usize) {
                list.push((d, w));
            }
        }
    }
    let mut sim = vec![vec![0.0; n]; n];
    // Row `a` from column `a` on, then mirrored.
    for (a, (x, row)) in v.iter().zip(sim.iter_mut()).enumerate() {
        for &(id, wa) in x {
            let list = postings.get(id as usize).map_or(&[][..], Vec::as_slice);
            let from = list.partition_point(|&(d, _)| d < a);
            for &(b, wb) in list.get(from..).unwrap_or(&[]) {
                if let Some(cell) = row.get_mut(b) {
                    *cell += wa * wb;
                }
            }
        }
    }
    for a in 0..n {
        for b in a + 1..n {
            let value = sim.get(a).and_then(|r| r.get(b)).copied().unwrap_or(0.0);
            if let Some(cell) = sim.get_mut(b).and_then(|r| r.get_mut(a)) {
                *cell = value;
            }
        }
    }
    sim
}

/// Groups articles into stories; see the module docs.
pub fn cluster<A: Borrow<Article>>(articles: &[A], threshold: f64) -> Vec<Story> {
    cluster_by(&similarities(articles), threshold)
}

/// Groups articles into stories from their pairwise similarities (as
/// [`similarities`] gives them); see the module docs.
///
/// Each step merges the pair of groups with the highest average-linkage
/// similarity at or above `threshold` (the first pair in input order on a
/// tie). Every group keeps its best later partner, so a step recomputes only
/// the rows that the merge touched instead of every pair (which made a
/// 3,000-article digest take minutes); the links are computed exactly as in
/// the all-pairs loop, so the stories are the same.
pub fn cluster_by(sim: &[Vec<f64>], threshold: f64) -> Vec<Story> {
    let n = sim.len();
    let mut groups: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let link = |a: &[usize], b: &[usize]| -> f64 {
        let mut total = 0.0;
        for &x in a {
            for &y in b {
                total += sim.get(x).and_then(|r| r.get(y)).copied().unwrap_or(0.0);
            }
        }
        total / ((a.len() * b.len()).max(1) as f64)
    };
    // The closest later group of group `i` at or above the threshold, the
    // first one on a tie (merged-away groups are empty and skipped).
    let row_best = |groups: &[Vec<usize>], i: usize| -> Option<(f64, usize)> {
        let a = groups.get(i).filter(|a| !a.is_empty())?;
        let mut best: Option<(f64, usize)> = None;
        for (j, b) in groups.iter().enumerate().skip(i + 1) {
            if b.is_empty() {
                continue;
            }
            let s = link(a, b);
            if s >= threshold && best.is_none_or(|(bs, _)| s > bs) {
                best = Some((s, j));
            }
        }
        best
    };
    let mut best: Vec<Option<(f64, usize)>> = (0..n).map(|i| row_best(&groups, i)).collect();
    loop {
        let mut top: Option<(f64, usize, usize)> = None;
        for (i, b) in best.iter().enumerate() {
            if let Some((s, j)) = *b {
                if top.is_none_or(|(ts, _, _)| s > ts) {
                    top = Some((s, i, j));
                }
            }
        }
        let Some((_, i, j)) = top else { break };
        let moved = groups.get_mut(j).map(std::mem::take).unwrap_or_default();
        if let Some(g) = groups.get_mut(i) {
            g.extend(moved);
            g.sort_unstable();
        }
        // Rows whose best partner was merged or changed start over; an
        // earlier row may now prefer the grown group `i`.
        for k in 0..n {
            let Some(row) = best.get(k).copied() else {
                continue;
            };
            let partner = row.map(|(_, p)| p);
            let new = if k == i || partner == Some(i) || partner == Some(j) {
                row_best(&groups, k)
            } else if k < i && groups.get(k).is_some_and(|g| !g.is_empty()) {
                let (Some(a), Some(b)) = (groups.get(k), groups.get(i)) else {
                    continue;
                };
                let s = link(a, b);
                match row {
                    Some((bs, bp)) if !(s > bs || (s == bs && i < bp)) => row,
                    _ if s >= threshold => Some((s, i)),
                    _ => row,
                }
            } else {
                row
            };
            if let Some(slot) = best.get_mut(k) {
                *slot = if k == j { None } else { new };
            }
        }
    }
    groups
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|articles| Story { articles })
        .collect()
}

/// A source of a story, as listed in the digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceView {
    /// Document id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Outlet (the source line's value), if found.
    pub outlet: Option<String>,
    /// Author, if found.
    pub author: Option<String>,
    /// Publication date (ISO 8601), if found.
    pub date: Option<String>,
    /// Base name of the article's briefing files.
    pub file: String,
}

/// A sentence of a story summary, attributed to its article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StorySentence {
    /// The sentence, quoted from the original.
    pub text: String,
    /// Id of the article it comes from.
    pub article: String,
    /// Glossary terms in the sentence with their English.
    pub terms: Vec<TermRef>,
}

/// A dated event of a story's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineItem {
    /// ISO 8601 date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    pub iso: String,
    /// The date as written.
    pub text: String,
    /// The sentence it occurs in.
    pub context: String,
    /// Id of the article.
    pub article: String,
}

/// A figure of a story, attributed to its article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryFigure {
    /// The figure as written, with its value and unit.
    #[serde(flatten)]
    pub figure: FigureView,
    /// Id of the article.
    pub article: String,
}

/// One story of the digest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryView {
    /// `story-1`, `story-2`… in order of first article.
    pub id: String,
    /// The headline of the story's most central article.
    pub title: String,
    /// Ids of its articles, in input order.
    pub articles: Vec<String>,
    /// Every source with outlet and date.
    pub sources: Vec<SourceView>,
    /// Multi-document summary: no repeated facts, each sentence attributed.
    pub summary: Vec<StorySentence>,
    /// Dates mentioned in the articles, in date order.
    pub timeline: Vec<TimelineItem>,
    /// Figures mentioned in the articles.
    pub figures: Vec<StoryFigure>,
    /// Key terms over all articles, most frequent first.
    pub terms: Vec<TermRow>,
    /// People among the key terms.
    pub people: Vec<TermRow>,
    /// Places among the key terms.
    pub places: Vec<TermRow>,
    /// Organizations among the key terms.
    pub organizations: Vec<TermRow>,
}

/// The context of `digest.*.j2` and the JSON digest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DigestView {
    /// Number of articles briefed.
    pub article_count: usize,
    /// The stories, in order of first article.
    pub stories: Vec<StoryView>,
    /// The tool that made the digest.
    pub generator: String,
}

/// Most sentences in a story summary.
pub const STORY_SENTENCES: usize = 6;

/// Builds the digest of `articles` (their briefing views alongside, in the
/// same order, and the file stems of their briefings).
pub fn build<A: Borrow<Article>>(
    articles: &[A],
    views: &[BriefView],
    files: &[String],
    threshold: f64,
) -> DigestView {
    let sim = similarities(articles);
    let stories = cluster_by(&sim, threshold);
    let stories = stories
        .iter()
        .enumerate()
        .map(|(n, story)| story_view(n, story, articles, views, files, &sim))
        .collect();
    DigestView {
        article_count: articles.len(),
        stories,
        generator: concat!("khulasa ", env!("CARGO_PKG_VERSION")).to_string(),
    }
}

fn story_view<A: Borrow<Article>>(
    n: usize,
    story: &Story,
    articles: &[A],
    views: &[BriefView],
    files: &[String],
    sim: &[Vec<f64>],
) -> StoryView {
    let members = &story.articles;
    // The most central article: highest mean similarity to the others.
    let central = members
        .iter()
        .copied()
        .max_by(|&a, &b| {
            let m = |x: usize| {
                members
                    .iter()
                    .map(|&y| sim.get(x).and_then(|r| r.get(y)).copied().unwrap_or(0.0))
                    .sum::<f64>()
            };
            m(a).total_cmp(&m(b)).then(b.cmp(&a))
        })
        .unwrap_or(0);
    let view = |i: usize| views.get(i);
    let sources = members
        .iter()
        .filter_map(|&i| {
            let v = view(i)?;
            Some(SourceView {
                id: v.id.clone(),
                title: v.title.clone(),
                outlet: v.meta.source.clone(),
                author: v.meta.author.clone(),
                date: v.meta.date.clone(),
                file: files.get(i).cloned().unwrap_or_default(),
            })
        })
        .collect();
    let summary = story_summary(members, articles, views);
    let mut timeline: Vec<TimelineItem> = Vec::new();
    for &i in members {
        let Some(v) = view(i) else { continue };
        for d in &v.dates {
            if !timeline
                .iter()
                .any(|t| t.iso == d.iso && t.context == d.context)
            {
                timeline.push(TimelineItem {
                    iso: d.iso.clone(),
                    text: d.text.clone(),
                    context: d.context.clone(),
                    article: v.id.clone(),
                });
            }
        }
    }
    timeline.sort_by(|a, b| a.iso.cmp(&b.iso));
    let mut figures: Vec<StoryFigure> = Vec::new();
    for &i in members {
        let Some(v) = view(i) else { continue };
        for f in &v.figures {
            if !figures.iter().any(|g| g.figure.text == f.text) {
                figures.push(StoryFigure {
                    figure: f.clone(),
                    article: v.id.clone(),
                });
            }
        }
    }
    let mut terms: Vec<TermRow> = Vec::new();
    for &i in members {
        let Some(v) = view(i) else { continue };
        for t in &v.terms {
            match terms.iter_mut().find(|x| x.ar == t.ar) {
                Some(x) => x.count += t.count,
                None => terms.push(t.clone()),
            }
        }
    }
    terms.sort_by_key(|t| std::cmp::Reverse(t.count));
    let of_type = |k: TermType| {
        terms
            .iter()
            .filter(|t| t.kind == Some(k))
            .cloned()
            .collect::<Vec<_>>()
    };
    StoryView {
        id: format!("story-{}", n + 1),
        title: view(central).map(|v| v.title.clone()).unwrap_or_default(),
        articles: members
            .iter()
            .filter_map(|&i| view(i).map(|v| v.id.clone()))
            .collect(),
        sources,
        summary,
        timeline,
        figures,
        people: of_type(TermType::Person),
        places: of_type(TermType::Place),
        organizations: of_type(TermType::Org),
        terms,
    }
}

/// Story summary: the articles' own summary sentences taken in turns (first
/// sentences first), skipping any sentence whose content words largely
/// repeat one already taken, up to [`STORY_SENTENCES`].
fn story_summary<A: Borrow<Article>>(
    members: &[usize],
    articles: &[A],
    views: &[BriefView],
) -> Vec<StorySentence> {
    let mut queues: Vec<(usize, Vec<usize>)> = members
        .iter()
        .filter_map(|&i| {
            articles
                .get(i)
                .map(|a| (i, a.borrow().summary.sentences.clone()))
        })
        .collect();
    let mut taken: Vec<(StorySentence, Vec<&str>)> = Vec::new();
    let mut round = 0;
    while taken.len() < STORY_SENTENCES && queues.iter().any(|(_, q)| q.len() > round) {
        for (i, q) in queues.iter_mut() {
            let (Some(&s), Some(a), Some(v)) = (
                q.get(round),
                articles.get(*i).map(Borrow::borrow),
                views.get(*i),
            ) else {
                continue;
            };
            let stems = content_stems(a, s);
            if stems.is_empty() || taken.iter().any(|(_, t)| overlap(&stems, t) >= 0.5) {
                continue;
            }
            let Some(sent) = a.sentences.get(s) else {
                continue;
            };
            let text = sent.span.slice(&a.doc.text).to_string();
            let terms = v
                .highlights
                .iter()
                .find(|h| h.text == text)
                .map(|h| h.terms.clone())
                .unwrap_or_default();
            taken.push((
                StorySentence {
                    text,
                    article: v.id.clone(),
                    terms,
                },
                stems,
            ));
            if taken.len() >= STORY_SENTENCES {
                break;
            }
        }
        round += 1;
    }
    taken.into_iter().map(|(s, _)| s).collect()
}

fn content_stems(a: &Article, sentence: usize) -> Vec<&str> {
    let mut v: Vec<&str> = a
        .analysis
        .sentences
        .get(sentence)
        .map_or(Vec::new(), |toks| {
            toks.iter()
                .filter(|t| !t.stop)
                .map(|t| a.analysis.stem(t))
                .collect()
        });
    v.sort_unstable();
    v.dedup();
    v
}

/// Share of the smaller set's words found in the other (both sorted, deduplicated).
fn overlap(a: &[&str], b: &[&str]) -> f64 {
    let common = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
    common as f64 / (a.len().min(b.len()).max(1) as f64)
}

#[cfg(test)]
#[allow(clippy::needless_range_loop)]
mod tests {
    use super::*;

    /// The cosine of two sorted sparse vectors, by one merge of the two.
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

    /// The all-pairs clustering loop `cluster_by` replaced: every step
    /// recomputes every pair's link.
    fn cluster_all_pairs(sim: &[Vec<f64>], threshold: f64) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = (0..sim.len()).map(|i| vec![i]).collect();
        let link = |a: &[usize], b: &[usize]| -> f64 {
            let mut total = 0.0;
            for &x in a {
                for &y in b {
                    total += sim[x][y];
                }
            }
            total / ((a.len() * b.len()).max(1) as f64)
        };
        loop {
            let mut best: Option<(f64, usize, usize)> = None;
            for i in 0..groups.len() {
                for j in i + 1..groups.len() {
                    let s = link(&groups[i], &groups[j]);
                    if s >= threshold && best.is_none_or(|(bs, _, _)| s > bs) {
                        best = Some((s, i, j));
                    }
                }
            }
            let Some((_, i, j)) = best else { break };
            let moved = groups.remove(j);
            groups[i].extend(moved);
            groups[i].sort_unstable();
        }
        groups.sort_by_key(|g| g[0]);
        groups
    }

    /// A symmetric matrix from the upper-triangle values (1 on the diagonal).
    fn matrix(n: usize, upper: &[u8]) -> Vec<Vec<f64>> {
        // Few distinct values, so that ties are common.
        const LEVELS: [f64; 6] = [0.0, 0.05, 0.1, 0.15, 0.3, 0.6];
        let mut m = vec![vec![1.0; n]; n];
        let mut k = 0;
        for i in 0..n {
            for j in i + 1..n {
                let v = LEVELS[usize::from(upper[k % upper.len()]) % LEVELS.len()];
                m[i][j] = v;
                m[j][i] = v;
                k += 1;
            }
        }
        m
    }

    #[test]
    fn merges_the_closest_pair_first_and_stops_at_the_threshold() {
        // 0–1 close, 2–3 close, 0/1–2/3 below the threshold, 4 alone.
        let mut m = vec![vec![0.0; 5]; 5];
        for (a, b, v) in [(0, 1, 0.6), (2, 3, 0.3), (1, 2, 0.1), (0, 3, 0.05)] {
            m[a][b] = v;
            m[b][a] = v;
        }
        let got: Vec<Vec<usize>> = cluster_by(&m, 0.15)
            .into_iter()
            .map(|s| s.articles)
            .collect();
        assert_eq!(got, [vec![0, 1], vec![2, 3], vec![4]]);
        // The two pairs link at (0 + 0.05 + 0.1 + 0) / 4 = 0.0375.
        assert_eq!(cluster_by(&m, 0.05).len(), 3);
        assert_eq!(cluster_by(&m, 0.03).len(), 2);
        assert!(cluster_by(&[], 0.15).is_empty());
    }

    #[test]
    fn similarities_equal_pairwise_cosines_to_the_bit() {
        let p = crate::Pipeline::builder().build().unwrap();
        let mut paths = Vec::new();
        for dir in [
            "seeds",
            "tests/data/stories/related",
            "tests/data/stories/unrelated",
        ] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for e in std::fs::read_dir(dir).unwrap() {
                let path = e.unwrap().path();
                if path.extension().is_some_and(|x| x == "txt") {
                    paths.push(path);
                }
            }
        }
        paths.sort();
        assert!(paths.len() > 10);
        let arts: Vec<_> = paths
            .iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).unwrap();
                p.process(crate::Document::new(path.display().to_string(), text))
            })
            .collect();
        let v = vectors(&arts);
        let sim = similarities(&arts);
        assert_eq!(sim.len(), arts.len());
        for (a, row) in sim.iter().enumerate() {
            for (b, &s) in row.iter().enumerate() {
                assert_eq!(s.to_bits(), cosine(&v[a], &v[b]).to_bits(), "{a} {b}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn cluster_by_equals_the_all_pairs_loop(
            n in 0usize..14,
            upper in proptest::collection::vec(0u8..6, 1..100),
            t in 0usize..4,
        ) {
            let threshold = [0.05, 0.1, 0.15, 0.3][t];
            let m = matrix(n, &upper);
            let got: Vec<Vec<usize>> =
                cluster_by(&m, threshold).into_iter().map(|s| s.articles).collect();
            proptest::prop_assert_eq!(got, cluster_all_pairs(&m, threshold));
        }
    }
}
