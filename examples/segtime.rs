//! Timing helper: segments every `text` of a JSONL file N times.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let n: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(20);
    let data = std::fs::read_to_string(path).unwrap_or_default();
    let docs: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum::<usize>() * n;
    let t = std::time::Instant::now();
    let mut units = 0;
    for _ in 0..n {
        for d in &docs {
            units += khulasa::segment::segment(d).len();
        }
    }
    let e = t.elapsed();
    println!("{bytes} bytes, {units} units, {:?}, {:.1} MB/s", e, bytes as f64 / e.as_secs_f64() / 1e6);
}
