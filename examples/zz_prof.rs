use khulasa::glossary::{Glossary, Matcher};
use std::time::Instant;
fn main() {
    let s = std::fs::read_to_string("/work/shared/eval/easc/dev.jsonl").unwrap();
    let texts: Vec<String> = s.lines().filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()).filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(String::from)).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let m = Matcher::new(&Glossary::bundled());
    for _ in 0..5 {
    let t = Instant::now();
    let mut n = 0; for _ in 0..10 { for x in &texts { n += m.find(x).len(); } }
    let d = t.elapsed(); println!("find {:.1} MB/s {n}", 10.0 * bytes as f64 / d.as_secs_f64() / 1e6);
    }
}
