//! Throughput of the sentence splitter over real news text: the gold seeds
//! and the EASC dev texts, read at run time from `../shared` (the bench is
//! skipped when they are absent; no corpus text is stored in the repository).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::path::Path;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn texts(path: &Path) -> Vec<String> {
    let Ok(data) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect()
}

fn bench(c: &mut Criterion) {
    // `../shared` beside the checkout (or two levels up for a worktree),
    // or wherever KHULASA_SHARED points.
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = std::env::var_os("KHULASA_SHARED")
        .map(std::path::PathBuf::from)
        .into_iter()
        .chain([manifest.join("../shared"), manifest.join("../../shared")])
        .find(|p| p.is_dir())
        .unwrap_or_else(|| manifest.join("../shared"));
    let sets = [
        ("seeds", root.join("gold/segmentation/seeds.jsonl")),
        ("easc_dev", root.join("eval/easc/dev.jsonl")),
    ];
    let mut group = c.benchmark_group("segment");
    let mut all = Vec::new();
    for (name, path) in &sets {
        let docs = texts(path);
        if docs.is_empty() {
            eprintln!("segment bench: {} not found, skipped", path.display());
            continue;
        }
        let bytes: usize = docs.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(khulasa::segment::segment(black_box(d)));
                }
            })
        });
        all.extend(docs);
    }
    if !all.is_empty() {
        // Layout detection alone.
        let bytes: usize = all.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("detect_layout", |b| {
            b.iter(|| {
                for d in &all {
                    black_box(khulasa::segment::detect_layout(black_box(d)));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
