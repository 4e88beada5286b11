//! Glossary matching throughput over Arabic news text.
//!
//! Texts: the bundled seeds (seeds/*.txt) plus the EASC dev texts read at run
//! time from ../shared/eval/easc/dev.jsonl (or ../../shared from a worktree;
//! skipped when absent). Glossaries:
//! the bundled one, and a synthetic 50,000-entry one shaped like a real
//! termbase (see [`synthetic`]).
//!
//! Run: `cargo bench --bench glossary`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![allow(missing_docs)] // criterion_group! generates an undocumented fn

use std::collections::HashSet;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use khulasa::glossary::{Entry, Glossary, Matcher, TermType};

fn texts() -> Vec<String> {
    let mut out = Vec::new();
    let root = env!("CARGO_MANIFEST_DIR");
    if let Ok(rd) = std::fs::read_dir(format!("{root}/seeds")) {
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if let Ok(t) = std::fs::read_to_string(&p) {
                out.push(t);
            }
        }
    }
    // ../shared from the main checkout; ../../shared from a worktree in wt/.
    let easc = [
        format!("{root}/../shared/eval/easc/dev.jsonl"),
        format!("{root}/../../shared/eval/easc/dev.jsonl"),
    ]
    .into_iter()
    .find(|p| std::path::Path::new(p).exists())
    .unwrap_or_default();
    match std::fs::read_to_string(&easc) {
        Ok(s) => {
            for line in s.lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                    if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                        out.push(t.to_string());
                    }
                }
            }
        }
        Err(_) => {
            eprintln!("note: ../shared/eval/easc/dev.jsonl not found; benchmarking the seeds only")
        }
    }
    out
}

/// A fixed pseudo-random generator (xorshift), so runs are comparable.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// A 50,000-entry glossary shaped like a real termbase: 2- and 3-word
/// expressions taken from the texts (names and terms are mostly multiword;
/// so hits are frequent), content words of 5+ letters from the texts, and
/// pseudo-words of 4 to 9 letters from a fixed generator for the rest.
/// Function words are never terms, as in real glossaries.
fn synthetic(texts: &[String], n: usize) -> Glossary {
    let mut seen = HashSet::new();
    let mut entries = Vec::with_capacity(n);
    let mut push = |ar: String, entries: &mut Vec<Entry>| {
        if entries.len() < n && seen.insert(khulasa::glossary::key(&ar)) {
            let en = format!("term {}", entries.len());
            entries.push(Entry {
                ar,
                en,
                kind: Some(TermType::Term),
                ..Default::default()
            });
        }
    };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut multi, mut single) = (0usize, 0usize);
    for t in texts {
        let words: Vec<&str> = t
            .split(|c: char| !khulasa::lang::is_arabic_letter(c))
            .filter(|w| w.chars().count() >= 3)
            .collect();
        for (i, w) in words.iter().enumerate() {
            match rng.next() % 8 {
                0 | 1 if multi < n / 2 => {
                    if let Some(next) = words.get(i + 1) {
                        push(format!("{w} {next}"), &mut entries);
                        multi += 1;
                    }
                }
                2 if multi < n / 2 => {
                    if let (Some(b), Some(c)) = (words.get(i + 1), words.get(i + 2)) {
                        push(format!("{w} {b} {c}"), &mut entries);
                        multi += 1;
                    }
                }
                3 if single < n / 10 && w.chars().count() >= 5 => {
                    push((*w).to_string(), &mut entries);
                    single += 1;
                }
                _ => {}
            }
        }
    }
    let letters: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
    while entries.len() < n {
        let len = 4 + (rng.next() % 6) as usize;
        let w: String = (0..len)
            .map(|_| letters[(rng.next() % letters.len() as u64) as usize])
            .collect();
        push(w, &mut entries);
    }
    Glossary::from_entries(entries)
}

fn bench(c: &mut Criterion) {
    let texts = texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("glossary_match");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);

    let default = Matcher::new(&Glossary::bundled());
    let warm: usize = texts.iter().map(|t| default.find(t).len()).sum();
    assert!(
        warm > 0,
        "the bundled glossary should find terms in the seeds"
    );
    group.bench_function("bundled", |b| {
        b.iter(|| {
            let n: usize = texts.iter().map(|t| default.find(t).len()).sum();
            assert_eq!(n, warm);
            n
        })
    });

    let g = synthetic(&texts, 50_000);
    let big = Matcher::new(&g);
    let warm_big: usize = texts.iter().map(|t| big.find(t).len()).sum();
    eprintln!(
        "synthetic glossary: {} entries, {} patterns, automaton {} KiB; {} bytes of text, {} hits",
        g.len(),
        big.pattern_count(),
        big.memory_usage() / 1024,
        bytes,
        warm_big
    );
    assert!(warm_big > warm);
    group.bench_function("synthetic_50k", |b| {
        b.iter(|| {
            let n: usize = texts.iter().map(|t| big.find(t).len()).sum();
            assert_eq!(n, warm_big);
            n
        })
    });
    group.finish();

    c.bench_function("glossary_build_50k", |b| {
        b.iter(|| Matcher::new(&g).pattern_count())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
