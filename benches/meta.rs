//! Throughput of metadata and facts extraction: `meta::extract`,
//! `facts::figures`, `facts::dates` and `facts::dates_with`, over the seeds
//! and, when present, the EASC dev texts (read at run time from
//! `../shared/eval/easc/dev.jsonl`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![allow(missing_docs)] // criterion_group! makes an undocumented function

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use khulasa::{facts, meta, segment};

fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// EASC dev texts, if the shared data is next to the crate (main checkout)
/// or two levels up (a worktree under /work/wt).
fn easc() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(data) = ["../shared", "../../shared"]
        .iter()
        .map(|s| root.join(s).join("eval/easc/dev.jsonl"))
        .find_map(|p| std::fs::read_to_string(p).ok())
    else {
        return Vec::new();
    };
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
        .collect()
}

fn bench_set(c: &mut Criterion, name: &str, texts: &[String]) {
    if texts.is_empty() {
        eprintln!("meta bench: no {name} texts, skipped");
        return;
    }
    let docs: Vec<_> = texts
        .iter()
        .map(|t| (t.as_str(), segment::segment(t)))
        .collect();
    let metas: Vec<_> = docs.iter().map(|(t, s)| meta::extract(t, s)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group(format!("meta/{name}"));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("meta::extract", |b| {
        b.iter(|| {
            for (t, s) in &docs {
                black_box(meta::extract(t, s));
            }
        });
    });
    g.bench_function("facts::figures", |b| {
        b.iter(|| {
            for (t, s) in &docs {
                black_box(facts::figures(t, s));
            }
        });
    });
    g.bench_function("facts::dates", |b| {
        b.iter(|| {
            for (t, s) in &docs {
                black_box(facts::dates(t, s));
            }
        });
    });
    g.bench_function("facts::dates_with", |b| {
        b.iter(|| {
            for ((t, s), m) in docs.iter().zip(&metas) {
                black_box(facts::dates_with(t, s, m));
            }
        });
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    bench_set(c, "seeds", &seeds());
    bench_set(c, "easc", &easc());
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
