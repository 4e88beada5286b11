#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]
//! Reading JSONL articles: the EASC dev file (`$KHULASA_EASC`, else
//! `../shared/eval/easc/dev.jsonl` or `../../shared/...` from the crate), read
//! at run time and skipped with a message when absent. `read_jsonl` is the
//! whole input layer as `khulasa summarize --jsonl FILE` uses it (file open,
//! line reading, UTF-8 check, JSON, documents); `serde_value_lines` is only
//! `serde_json::from_str::<Value>` on every line of the same bytes, for
//! scale. Throughput in bytes of the file.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use khulasa::input::{open, InputOptions};

fn path() -> Option<String> {
    let dir = env!("CARGO_MANIFEST_DIR");
    [
        std::env::var("KHULASA_EASC").unwrap_or_default(),
        format!("{dir}/../shared/eval/easc/dev.jsonl"),
        format!("{dir}/../../shared/eval/easc/dev.jsonl"),
    ]
    .into_iter()
    .find(|p| !p.is_empty() && std::path::Path::new(p).is_file())
}

fn bench(c: &mut Criterion) {
    let Some(path) = path() else {
        eprintln!("benches/input: EASC dev.jsonl not found, skipping");
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap();
    let opts = InputOptions {
        jsonl: true,
        ..Default::default()
    };
    let inputs = [path];
    let read = || {
        open(&inputs, &opts)
            .map(|r| r.map_or(0, |d| d.text.len()))
            .sum::<usize>()
    };
    // Every line is an article with a text.
    assert!(read() > text.len() / 4);
    let mut g = c.benchmark_group("input_jsonl");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("read_jsonl", |b| b.iter(|| black_box(read())));
    g.bench_function("serde_value_lines", |b| {
        b.iter(|| {
            text.lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
