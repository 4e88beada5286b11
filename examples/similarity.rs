//! Prints the pairwise content similarity of the given text files, the
//! figure behind `digest::cluster` (used to choose its threshold).
//!
//! `cargo run --example similarity -- seeds/*.txt tests/data/stories/*/*.txt`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let p = khulasa::Pipeline::builder().build()?;
    let mut names = Vec::new();
    let mut arts = Vec::new();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        names.push(
            std::path::Path::new(&path)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        );
        arts.push(p.process(khulasa::Document::new(path, text)));
    }
    let sim = khulasa::digest::similarities(&arts);
    for (name, row) in names.iter().zip(&sim) {
        let cells: Vec<String> = row.iter().map(|v| format!("{:3.0}", v * 100.0)).collect();
        println!(
            "{:>28} {}",
            name.chars().take(28).collect::<String>(),
            cells.join("")
        );
    }
    for (i, story) in khulasa::digest::cluster(&arts, khulasa::digest::DEFAULT_THRESHOLD)
        .iter()
        .enumerate()
    {
        let members: Vec<&str> = story
            .articles
            .iter()
            .filter_map(|&a| names.get(a).map(String::as_str))
            .collect();
        println!("story {}: {}", i + 1, members.join(", "));
    }
    Ok(())
}
