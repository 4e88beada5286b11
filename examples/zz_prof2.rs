use std::time::Instant;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
fn main() {
    let s = std::fs::read_to_string("/work/shared/eval/easc/dev.jsonl").unwrap();
    let texts: Vec<String> = s.lines().filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()).filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(String::from)).collect();
    let norm: Vec<String> = texts.iter().map(|t| khulasa::lang::normalize(t).text.into_owned()).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    println!("bytes {bytes}");
    let pats = ["رقه","هدنه","قافله","ترمب","تنظيم الدوله","سوريا","عراق","دير الزور","syria","raqqa"];
    for kind in [AhoCorasickKind::DFA, AhoCorasickKind::ContiguousNFA] {
        let ac = AhoCorasick::builder().match_kind(MatchKind::Standard).kind(Some(kind)).build(pats).unwrap();
        for _ in 0..2 {
            let t = Instant::now();
            let n: usize = norm.iter().map(|x| ac.find_overlapping_iter(x).count()).sum();
            let d = t.elapsed(); println!("{kind:?} overlapping {:.1} MB/s {n}", bytes as f64 / d.as_secs_f64() / 1e6);
            let t = Instant::now();
            let n: usize = norm.iter().map(|x| ac.find_iter(x).count()).sum();
            let d = t.elapsed(); println!("{kind:?} find_iter {:.1} MB/s {n}", bytes as f64 / d.as_secs_f64() / 1e6);
        }
    }
    let t = Instant::now();
    let n: usize = texts.iter().map(|x| x.bytes().map(|b| b as usize).sum::<usize>()).sum();
    let d = t.elapsed(); println!("byte sum {:.1} MB/s {n}", bytes as f64 / d.as_secs_f64() / 1e6);
}
