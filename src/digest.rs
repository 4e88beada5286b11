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
pub fn similarities<A: Borrow<Article>>(articles: &[A]) -> Vec<Vec<f64>> {
    let v = vectors(articles);
    v.iter()
        .map(|a| v.iter().map(|b| cosine(a, b)).collect())
        .collect()
}

/// Groups articles into stories; see the module docs.
pub fn cluster<A: Borrow<Article>>(articles: &[A], threshold: f64) -> Vec<Story> {
    cluster_by(&similarities(articles), threshold)
}

/// Groups articles into stories from their pairwise similarities (as
/// [`similarities`] gives them); see the module docs.
pub fn cluster_by(sim: &[Vec<f64>], threshold: f64) -> Vec<Story> {
    let mut groups: Vec<Vec<usize>> = (0..sim.len()).map(|i| vec![i]).collect();
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
