//! Dumps every sentence's scoring features as JSONL, one record per document,
//! for fitting the sentence model offline (`scripts/train_sentence_model.py`).
//!
//! `cargo run --release --example score_features -- FILE.jsonl > features.jsonl`
//!
//! Each input line is `{"id", "text", …}`; each output line is
//! `{"id", "sentences": [[start, end], …] (code points), "paragraph": [..],
//! "candidate": [..], "tokens": [..], "features": {name: [..]}}`.

use std::io::{BufRead, Write};

use khulasa::score::{Features, Weights};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: score_features FILE.jsonl")?;
    let pipeline = khulasa::Pipeline::builder().build()?;
    let all = Weights {
        position: 1.0,
        centroid: 1.0,
        lexrank: 1.0,
        textrank: 1.0,
        keywords: 1.0,
        title: 1.0,
        length: 1.0,
    };
    let out = std::io::stdout();
    let mut out = out.lock();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: serde_json::Value = serde_json::from_str(&line)?;
        let field = |k: &str| rec.get(k).and_then(serde_json::Value::as_str);
        let id = field("id").unwrap_or_default().to_string();
        let text = field("text").unwrap_or_default().to_string();
        let art = pipeline.process(khulasa::Document::new(id.clone(), text));
        let f = Features::compute(&art.sentences, &art.analysis, &all);
        let spans: Vec<_> = art.sentences.iter().map(|s| s.span).collect();
        let offsets = khulasa::text::spans_to_char_offsets(&art.doc.text, &spans);
        let v = serde_json::json!({
            "id": id,
            "sentences": offsets,
            "paragraph": art.sentences.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
            "candidate": f.candidate,
            "tokens": art.analysis.sentences.iter().map(Vec::len).collect::<Vec<_>>(),
            "features": {
                "position": f.position, "centroid": f.centroid, "lexrank": f.lexrank,
                "textrank": f.textrank, "keywords": f.keywords, "title": f.title, "length": f.length,
            },
        });
        writeln!(out, "{v}")?;
    }
    Ok(())
}
