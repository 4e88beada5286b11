//! Sentence scoring: separate feature scorers and their weighted combination.
//!
//! Each scorer is its own module and returns one value per sentence:
//! [`position`](position::position) (lead prior),
//! [`centroid`](centroid::centroid) (TF-IDF centroid cosine),
//! [`lexrank`](lexrank::lexrank) (continuous LexRank),
//! [`textrank`](textrank::textrank) (TextRank word-overlap graph),
//! [`keyword_density`](keywords::keyword_density),
//! [`title_overlap`](title::title_overlap) and [`length`](length::length).
//! [`Features::compute`] runs them all; [`Weights`] combines them after
//! scaling each feature to a maximum of 1 within the document.
//!
//! # How the default weights were chosen (EASC dev only)
//!
//! Tuned on the 77 EASC dev articles (`easc/dev.jsonl`, protocol
//! `easc-rouge-ar/1`) and never on the test half. Procedure: (1) every feature
//! alone as the ranking, budget-filled with [`select`](crate::summarize::select):
//! the graph and centroid scorers alone score R1 44–46, far below Lead (52.3),
//! because the references favour early sentences; (2) the lead prior
//! `1/sqrt(1+k)` plus ONE other feature with weight in {0.05, 0.1, 0.2, 0.3, 1}
//! (a one-parameter search); (3) a linear regression of each sentence's
//! reference-inclusion rate on all features, checked by 2-fold splits of dev
//! (5 random half splits), which gave no reliable gain beyond that.
//! TextRank at weight 0.1 was the best single addition and improved both
//! halves of a fixed random half split; larger weights hurt. All other
//! weights stay 0 by default (they remain available to callers).
//!
//! Result (with the two-pass segmenter, which treats EASC's first lines as
//! body text): R1/R2/RL 52.37/44.71/48.07 against Lead's 52.28/44.60/47.80;
//! over 40 random half splits of dev the R1 gain over Lead averages +0.09
//! (range −0.20…+0.39). Content features add little on EASC: ranking by the
//! true reference-inclusion rate would reach R1 ≈ 60, so better sentence
//! salience estimates, not selection, are the open problem.
//!
//! # A supervised sentence model does not beat Lead either (issue 4)
//!
//! `scripts/reference_pick_study.py` (features dumped by
//! `cargo run --release --example score_features`) matches the references to
//! khulasa's sentences and fits logistic regressions on the share of the 5
//! references that pick each sentence, scored out of fold (leave one article
//! out, and 10 random 2-fold splits) through a replica of
//! [`select`](crate::summarize::select). What the data shows:
//! the references store every picked sentence cut to 255 characters with line
//! breaks deleted (hard-wrapped words glued), so long sentences are only
//! partly matched; the pick rate by index is 0.72, 0.41, 0.50, 0.30, 0.45,
//! 0.26, 0.37… — the zig-zag comes from workers who picked every other
//! sentence from the first (41 of 385 references; 44 picked a prefix). No
//! content or layout feature (centroid, LexRank, TextRank, keywords, length,
//! paragraph starts, a "longer than 255 characters" flag, all together) beats
//! Lead out of fold: the best, position plus paragraph start/position, is
//! +0.05 R1 leave-one-out and −0.04 on 2-fold splits (all features together:
//! −0.80). Only the index parity does (+1.07 R1 leave-one-out), an annotation
//! artifact we do not ship.

pub mod centroid;
pub mod keywords;
pub mod length;
pub mod lexrank;
pub mod position;
pub mod terms;
pub mod textrank;
pub mod title;

use crate::analyze::Analysis;
use crate::lang::Lang;
use crate::segment::{Sentence, SentenceKind};

pub use terms::Terms;

/// A score per sentence, parallel to the sentence list (higher is better;
/// sentences that must not be picked score 0).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// One value per sentence.
    pub values: Vec<f64>,
    /// Per sentence, its distinct content terms as sorted ids (the sets
    /// TextRank compares, [`Terms::sets`]), kept so that
    /// [`select`](crate::summarize::select) need not rebuild them for its
    /// redundancy check. Ids are the document's term ids, not stem ids: only
    /// set sizes and intersections are meaningful (they equal those of the
    /// stem-id sets for an analysis whose tokens' stems are in its
    /// vocabulary, as [`analyze`](crate::analyze::analyze) builds them). Empty when not computed
    /// (as in `Scores::default()`); `select` then derives the sets from the
    /// analysis.
    pub sets: Vec<Vec<u32>>,
}

/// Weights of the features in the combined score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Lead prior ([`position::position`]).
    pub position: f64,
    /// TF-IDF centroid cosine.
    pub centroid: f64,
    /// Continuous LexRank.
    pub lexrank: f64,
    /// TextRank.
    pub textrank: f64,
    /// Keyword density.
    pub keywords: f64,
    /// Overlap with the title.
    pub title: f64,
    /// Sentence length.
    pub length: f64,
}

impl Weights {
    /// The weights chosen on EASC dev (see the module documentation).
    pub const DEFAULT: Weights = Weights {
        position: 1.0,
        centroid: 0.0,
        lexrank: 0.0,
        textrank: 0.1,
        keywords: 0.0,
        title: 0.0,
        length: 0.0,
    };

    /// All weights 0 except `position` = 1: the Lead baseline.
    pub const LEAD: Weights = Weights {
        position: 1.0,
        centroid: 0.0,
        lexrank: 0.0,
        textrank: 0.0,
        keywords: 0.0,
        title: 0.0,
        length: 0.0,
    };
}

impl Default for Weights {
    fn default() -> Self {
        Weights::DEFAULT
    }
}

/// Every feature of every sentence, each scaled to a maximum of 1 within the
/// document (position is already in (0, 1]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Which sentences may be picked (see [`candidates`]).
    pub candidate: Vec<bool>,
    /// Lead prior.
    pub position: Vec<f64>,
    /// TF-IDF centroid cosine.
    pub centroid: Vec<f64>,
    /// Continuous LexRank.
    pub lexrank: Vec<f64>,
    /// TextRank.
    pub textrank: Vec<f64>,
    /// Keyword density.
    pub keywords: Vec<f64>,
    /// Overlap with the title.
    pub title: Vec<f64>,
    /// Sentence length.
    pub length: Vec<f64>,
}

impl Features {
    /// Runs every scorer. Graph scorers are only computed when `weights`
    /// gives them a non-zero weight (they are the costly ones); skipped
    /// features are all zeros.
    pub fn compute(sentences: &[Sentence], analysis: &Analysis, weights: &Weights) -> Features {
        Features::compute_with_sets(sentences, analysis, weights).0
    }

    /// [`Features::compute`], also returning the content-term sets it built
    /// ([`Terms::sets`]).
    fn compute_with_sets(
        sentences: &[Sentence],
        analysis: &Analysis,
        weights: &Weights,
    ) -> (Features, Vec<Vec<u32>>) {
        let n = sentences.len().min(analysis.sentences.len());
        let candidate = candidates(sentences, analysis);
        // Only the parts of `Terms` that the weighted scorers read.
        let parts = terms::Parts {
            rows: weights.keywords != 0.0 || weights.title != 0.0,
            vectors: weights.centroid != 0.0 || weights.lexrank != 0.0,
        };
        let terms = Terms::build(analysis, parts);
        let run = |w: f64, f: &dyn Fn() -> Vec<f64>| {
            let mut v = if w != 0.0 { f() } else { vec![0.0; n] };
            v.resize(n, 0.0);
            terms::max_normalize(&mut v);
            v
        };
        let title = sentences.iter().position(|s| s.kind == SentenceKind::Title);
        let features = Features {
            position: position::position(&candidate),
            centroid: run(weights.centroid, &|| centroid::centroid(&terms)),
            lexrank: run(weights.lexrank, &|| lexrank::lexrank(&terms)),
            textrank: run(weights.textrank, &|| textrank::textrank(&terms)),
            keywords: run(weights.keywords, &|| {
                keywords::keyword_density(&terms, analysis)
            }),
            title: run(weights.title, &|| title::title_overlap(&terms, title)),
            length: run(weights.length, &|| length::length(analysis)),
            candidate,
        };
        (features, terms.sets)
    }

    /// The weighted sum for sentence `i` (0 for non-candidates; candidates
    /// always score above 0).
    pub fn combine(&self, i: usize, w: &Weights) -> f64 {
        if !self.candidate.get(i).copied().unwrap_or(false) {
            return 0.0;
        }
        let g = |v: &Vec<f64>| v.get(i).copied().unwrap_or(0.0);
        let s = w.position * g(&self.position)
            + w.centroid * g(&self.centroid)
            + w.lexrank * g(&self.lexrank)
            + w.textrank * g(&self.textrank)
            + w.keywords * g(&self.keywords)
            + w.title * g(&self.title)
            + w.length * g(&self.length);
        s.max(f64::MIN_POSITIVE)
    }
}

/// Which sentences may go into a summary: body text with at least one token,
/// in the document's main language.
///
/// Titles, bylines/datelines ([`SentenceKind::Meta`]), captions and headings
/// are left out. One exception keeps plain articles whole: a sentence marked
/// [`SentenceKind::Title`] that shares its paragraph with the next sentence is
/// not a headline (a headline is a line of its own) and counts as body text.
/// Sentences in a language other than the one with most tokens (an English
/// photo caption in an Arabic article) are left out too.
pub fn candidates(sentences: &[Sentence], analysis: &Analysis) -> Vec<bool> {
    let tokens = |i: usize| analysis.sentences.get(i).map_or(0, Vec::len);
    let (mut ar, mut en) = (0usize, 0usize);
    for (i, s) in sentences.iter().enumerate() {
        match s.lang {
            Lang::Ar => ar += tokens(i),
            Lang::En => en += tokens(i),
            _ => {}
        }
    }
    let main = if en > ar { Lang::En } else { Lang::Ar };
    sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let body = match s.kind {
                SentenceKind::Body => true,
                SentenceKind::Title => sentences
                    .get(i + 1)
                    .is_some_and(|n| n.paragraph == s.paragraph),
                _ => false,
            };
            let lang_ok = !matches!(s.lang, Lang::Ar | Lang::En) || s.lang == main;
            tokens(i) > 0 && body && lang_ok
        })
        .collect()
}

/// Scores sentences with the default [`Weights`].
pub fn score(sentences: &[Sentence], analysis: &Analysis) -> Scores {
    score_with(sentences, analysis, &Weights::DEFAULT)
}

/// Scores sentences with the given weights.
pub fn score_with(sentences: &[Sentence], analysis: &Analysis, weights: &Weights) -> Scores {
    let (f, sets) = Features::compute_with_sets(sentences, analysis, weights);
    Scores {
        values: (0..f.candidate.len())
            .map(|i| f.combine(i, weights))
            .collect(),
        sets,
    }
}
