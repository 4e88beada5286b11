//! Counts the records that `khulasa::input::open` yields, Ok and Failed, by
//! kind of source (container and format), with the time taken.
//!
//! ```text
//! cargo run --release --example count_inputs -- PATH... [--errors N]
//! ```
//!
//! `--errors N` prints the first N failure messages (default 5).

use std::collections::BTreeMap;
use std::time::Instant;

use khulasa::input::{open, InputOptions};

/// The container a source came from, judged from its `!` parts.
fn container(source: &str) -> &'static str {
    let Some((outer, _)) = source.split_once('!') else {
        return if source.ends_with(".gz") {
            "gzip"
        } else {
            "file"
        };
    };
    let outer = outer.to_ascii_lowercase();
    if outer.ends_with(".zip") {
        "zip"
    } else if outer.ends_with(".tar.gz") || outer.ends_with(".tgz") {
        "tar.gz"
    } else if outer.ends_with(".tar") {
        "tar"
    } else {
        "archive"
    }
}

fn main() {
    let mut paths = Vec::new();
    let mut show = 5usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--errors" {
            show = args.next().and_then(|n| n.parse().ok()).unwrap_or(show);
        } else {
            paths.push(a);
        }
    }
    if paths.is_empty() {
        eprintln!("usage: count_inputs PATH... [--errors N]");
        std::process::exit(2);
    }
    let opts = InputOptions::default();
    let started = Instant::now();
    // kind -> (ok, failed)
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut bytes = 0usize;
    let mut shown = 0usize;
    for record in open(&paths, &opts) {
        match record {
            Ok(doc) => {
                bytes += doc.text.len();
                let format = doc.meta.get("format").map_or("?", String::as_str);
                let kind = format!("{}/{}", container(&doc.source), format);
                counts.entry(kind).or_default().0 += 1;
            }
            Err(f) => {
                if shown < show {
                    eprintln!("failed: {}", f.error);
                    shown += 1;
                }
                counts
                    .entry(container(&f.source).to_string())
                    .or_default()
                    .1 += 1;
            }
        }
    }
    let elapsed = started.elapsed();
    let (mut ok, mut failed) = (0, 0);
    println!("{:<20} {:>8} {:>8}", "kind", "ok", "failed");
    for (kind, (o, f)) in &counts {
        println!("{kind:<20} {o:>8} {f:>8}");
        ok += o;
        failed += f;
    }
    println!("{:<20} {ok:>8} {failed:>8}", "total");
    println!(
        "{} MB of text in {:.2} s ({:.1} MB/s)",
        bytes / 1_000_000,
        elapsed.as_secs_f64(),
        bytes as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9)
    );
}
