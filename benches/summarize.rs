#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]
//! split + analyze + score + select over the EASC dev texts, read at run time
//! from the shared evaluation directory (`$KHULASA_EASC`, else
//! `../shared/eval/easc/dev.jsonl` or `../../shared/...` from the crate).
//! Skipped with a message when the file is absent (the texts are not part of
//! the repository). One core; throughput in bytes of article text.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use khulasa::summarize::Budget;
use khulasa::{analyze, score, segment, summarize};

fn load() -> Option<Vec<(String, usize)>> {
    let dir = env!("CARGO_MANIFEST_DIR");
    let candidates = [
        std::env::var("KHULASA_EASC").unwrap_or_default(),
        format!("{dir}/../shared/eval/easc/dev.jsonl"),
        format!("{dir}/../../shared/eval/easc/dev.jsonl"),
    ];
    let path = candidates
        .iter()
        .find(|p| !p.is_empty() && std::path::Path::new(p).is_file())?;
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|v| {
                (
                    v["text"].as_str().unwrap_or("").to_string(),
                    v["budget_words"].as_u64().unwrap_or(100) as usize,
                )
            })
            .collect(),
    )
}

fn bench(c: &mut Criterion) {
    let Some(docs) = load() else {
        eprintln!("benches/summarize: EASC dev.jsonl not found, skipping");
        return;
    };
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let run = |docs: &[(String, usize)]| {
        let mut picked = 0usize;
        for (t, b) in docs {
            let s = segment::segment(t);
            let a = analyze::analyze(t, &s);
            let sc = score::score(&s, &a);
            picked += summarize::select(&sc, &a, Budget::Words(*b))
                .sentences
                .len();
        }
        picked
    };
    // Warm lazy statics (stopword sets) and check the result is sane.
    let picked = run(&docs);
    assert!(picked >= docs.len(), "every article should get a summary");
    let mut g = c.benchmark_group("summarize");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("easc_dev_split_analyze_score_select", |b| {
        b.iter(|| black_box(run(black_box(&docs))))
    });
    g.bench_function("easc_dev_analyze_only", |b| {
        let segs: Vec<_> = docs.iter().map(|(t, _)| segment::segment(t)).collect();
        b.iter(|| {
            let mut n = 0;
            for ((t, _), s) in docs.iter().zip(&segs) {
                n += analyze::analyze(t, s).token_count();
            }
            black_box(n)
        })
    });
    g.bench_function("easc_dev_score_select", |b| {
        let prepared: Vec<_> = docs
            .iter()
            .map(|(t, budget)| {
                let s = segment::segment(t);
                let a = analyze::analyze(t, &s);
                (s, a, *budget)
            })
            .collect();
        b.iter(|| {
            let mut picked = 0;
            for (s, a, budget) in &prepared {
                let sc = score::score(s, a);
                picked += summarize::select(&sc, a, Budget::Words(*budget))
                    .sentences
                    .len();
            }
            black_box(picked)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
