use khulasa::glossary::{Entry, Glossary, Matcher, TermType};
use std::collections::HashSet;
use std::time::Instant;
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

fn synthetic(texts: &[String], n: usize) -> Glossary {
    let mut seen = HashSet::new();
    let mut entries = Vec::with_capacity(n);
    let mut push = |ar: String, entries: &mut Vec<Entry>| {
        if seen.insert(khulasa::glossary::key(&ar)) {
            let en = format!("term {}", entries.len());
            entries.push(Entry {
                ar,
                en,
                kind: Some(TermType::Term),
                ..Default::default()
            });
        }
    };
    'outer: for t in texts {
        let words: Vec<&str> = t
            .split(|c: char| !khulasa::lang::is_arabic_letter(c))
            .filter(|w| w.chars().count() >= 3)
            .collect();
        for (i, w) in words.iter().enumerate() {
            if entries.len() >= n / 2 {
                break 'outer;
            }
            if i % 3 == 0 {
                push((*w).to_string(), &mut entries);
            } else if let Some(next) = words.get(i + 1) {
                push(format!("{w} {next}"), &mut entries);
            }
        }
    }
    let letters: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    while entries.len() < n {
        let len = 3 + (rng.next() % 6) as usize;
        let w: String = (0..len)
            .map(|_| letters[(rng.next() % letters.len() as u64) as usize])
            .collect();
        push(w, &mut entries);
    }
    Glossary::from_entries(entries)
}


fn main() {
    let s = std::fs::read_to_string("/work/shared/eval/easc/dev.jsonl").unwrap();
    let texts: Vec<String> = s.lines().filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()).filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(String::from)).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let g = synthetic(&texts, 50_000);
    let t = Instant::now();
    let m = Matcher::new(&g);
    println!("build {:?} patterns {} mem {}", t.elapsed(), m.pattern_count(), m.memory_usage());
    for _ in 0..4 {
    let t = Instant::now();
    let mut n = 0; for _ in 0..3 { for x in &texts { n += m.find(x).len(); } }
    let d = t.elapsed(); println!("find {:.1} MB/s {n}", 3.0 * bytes as f64 / d.as_secs_f64() / 1e6);
    }
}
