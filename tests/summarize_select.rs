#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
//! Single-document selection: budgets, document order, kinds, redundancy.

use khulasa::analyze::{analyze, Analysis};
use khulasa::lang::Lang;
use khulasa::score::{self, Scores, Weights};
use khulasa::segment::{segment, Sentence, SentenceKind};
use khulasa::summarize::{select, Budget};
use khulasa::text::Span;
use proptest::prelude::*;

const ARTICLE: &str = "هدنة في الرقة\n\
أعلنت قوات سوريا الديمقراطية هدنة في مدينة الرقة صباح الأحد. \
وخرجت قافلة من مقاتلي التنظيم باتجاه دير الزور بعد الاتفاق. \
وقال مسؤول محلي إن الهدنة ما زالت صامدة حتى المساء. \
وأكد التحالف الدولي أنه لم يكن طرفا في الاتفاق. \
وتقول منظمات إنسانية إن آلاف المدنيين ما زالوا داخل المدينة.\n\
وفي سياق آخر ارتفعت أسعار الخبز في المدينة المجاورة.";

fn words(a: &Analysis, idx: &[usize]) -> usize {
    idx.iter().map(|&i| a.sentences[i].len()).sum()
}

#[test]
fn sentence_budget_keeps_document_order_and_skips_the_headline() {
    let s = segment(ARTICLE);
    let a = analyze(ARTICLE, &s);
    let sc = score::score(&s, &a);
    let sum = select(&sc, &a, Budget::Sentences(3));
    assert_eq!(sum.sentences.len(), 3);
    assert!(sum.sentences.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(s[0].kind, SentenceKind::Title);
    assert!(
        !sum.sentences.contains(&0),
        "the headline is not summary material"
    );
    // The lead prior dominates: the first body sentence is in.
    assert!(sum.sentences.contains(&1));
}

#[test]
fn word_budget_is_filled_and_overrun_only_at_the_end() {
    let s = segment(ARTICLE);
    let a = analyze(ARTICLE, &s);
    let sc = score::score(&s, &a);
    for budget in [5, 12, 20, 30, 45] {
        let sum = select(&sc, &a, Budget::Words(budget));
        let w = words(&a, &sum.sentences);
        let available: usize = (1..s.len()).map(|i| a.sentences[i].len()).sum();
        assert!(
            w >= budget.min(available),
            "budget {budget}: only {w} words"
        );
        // Cutting at the budget may trim only the last sentence in document order.
        let before_last = words(&a, &sum.sentences[..sum.sentences.len() - 1]);
        assert!(
            before_last <= budget,
            "budget {budget}: {before_last} words before the last sentence"
        );
    }
}

#[test]
fn ratio_budget_scales_with_length() {
    let s = segment(ARTICLE);
    let a = analyze(ARTICLE, &s);
    let sc = score::score(&s, &a);
    let small = select(&sc, &a, Budget::Ratio(0.2));
    let large = select(&sc, &a, Budget::Ratio(0.8));
    assert!(small.sentences.len() < large.sentences.len());
    assert!(words(&a, &small.sentences) * 5 >= a.token_count());
}

fn sent(start: usize, end: usize, kind: SentenceKind, paragraph: usize) -> Sentence {
    Sentence {
        span: Span::new(start, end),
        kind,
        lang: Lang::Ar,
        paragraph,
    }
}

#[test]
fn meta_caption_and_title_are_never_picked() {
    let text = "الرقة اليوم\nالكاتب : فلان\nأعلنت القوات هدنة في الرقة.\nصورة القافلة في الرقة\nوغادرت القافلة الرقة.";
    let bounds: Vec<(usize, usize)> = {
        let mut v = Vec::new();
        let mut pos = 0;
        for line in text.split('\n') {
            v.push((pos, pos + line.len()));
            pos += line.len() + 1;
        }
        v
    };
    let kinds = [
        SentenceKind::Title,
        SentenceKind::Meta,
        SentenceKind::Body,
        SentenceKind::Caption,
        SentenceKind::Body,
    ];
    let s: Vec<Sentence> = bounds
        .iter()
        .zip(kinds)
        .enumerate()
        .map(|(i, (&(a, b), k))| sent(a, b, k, i))
        .collect();
    let a = analyze(text, &s);
    let sc = score::score(&s, &a);
    assert_eq!(sc.values[0], 0.0);
    assert_eq!(sc.values[1], 0.0);
    assert_eq!(sc.values[3], 0.0);
    let sum = select(&sc, &a, Budget::Sentences(10));
    assert_eq!(sum.sentences, vec![2, 4]);
}

#[test]
fn a_title_sharing_its_line_with_body_text_is_body() {
    // A plain article whose first line holds several sentences: a segmenter
    // may call the first one a title, but it is running text.
    let text = "ولد الموسيقار في مدينة بون عام 1770. وبدأ العزف صغيرا.";
    let mut s = segment(text);
    s[0].kind = SentenceKind::Title;
    for x in &mut s {
        x.paragraph = 0;
    }
    let a = analyze(text, &s);
    assert!(score::candidates(&s, &a)[0]);
}

#[test]
fn near_duplicates_are_not_both_selected() {
    let t = "عنوان\nأعلنت القوات هدنة في الرقة يوم الأحد الماضي. \
             أعلنت القوات هدنة في الرقة يوم الأحد. \
             وغادرت قافلة من المقاتلين المدينة نحو دير الزور.";
    let s = segment(t);
    let a = analyze(t, &s);
    let sc = score::score(&s, &a);
    let sum = select(&sc, &a, Budget::Sentences(2));
    assert_eq!(
        sum.sentences,
        vec![1, 3],
        "the repeated sentence must be skipped"
    );
}

#[test]
fn lead_weights_give_the_lead() {
    let s = segment(ARTICLE);
    let a = analyze(ARTICLE, &s);
    let sc = score::score_with(&s, &a, &Weights::LEAD);
    assert_eq!(select(&sc, &a, Budget::Sentences(2)).sentences, vec![1, 2]);
}

#[test]
fn scores_parallel_to_sentences_and_empty_input() {
    let sc = score::score(&[], &Analysis::default());
    assert!(sc.values.is_empty());
    assert!(
        select(&Scores::default(), &Analysis::default(), Budget::Words(10))
            .sentences
            .is_empty()
    );
    let a = Analysis::from_sentences(&["x"]);
    // Scores shorter than the analysis: nothing to pick beyond them.
    assert!(select(&Scores::default(), &a, Budget::Sentences(3))
        .sentences
        .is_empty());
}

proptest! {
    #[test]
    fn never_panics_and_returns_sorted_subsets(text in "\\PC{0,300}", n in 1usize..6, w in 1usize..80) {
        let s = segment(&text);
        let a = analyze(&text, &s);
        let sc = score::score(&s, &a);
        prop_assert_eq!(sc.values.len(), s.len());
        for b in [Budget::Sentences(n), Budget::Words(w), Budget::Ratio(0.3)] {
            let sum = select(&sc, &a, b);
            prop_assert!(sum.sentences.windows(2).all(|x| x[0] < x[1]));
            prop_assert!(sum.sentences.iter().all(|&i| i < s.len()));
        }
    }
}

#[test]
fn a_text_that_is_only_a_headline_is_its_own_summary() {
    let p = khulasa::Pipeline::builder().build().unwrap();
    for text in ["نص قصير عن الهدنة في الرقة.", "هدنة في الرقة\n"] {
        let a = p.process(khulasa::Document::new("one", text));
        assert_eq!(a.sentences.len(), 1, "{text:?}");
        assert_eq!(a.sentences[0].kind, SentenceKind::Title, "{text:?}");
        assert_eq!(a.summary.sentences, [0], "{text:?}");
    }
    // With body sentences the headline stays out.
    let a = p.process(khulasa::Document::new("article", ARTICLE));
    assert!(!a.summary.sentences.is_empty());
    assert!(!a.summary.sentences.contains(&0));
    // Nothing to quote: nothing quoted.
    let a = p.process(khulasa::Document::new("empty", " \n"));
    assert!(a.summary.sentences.is_empty());
}
