//! Story clustering of the digest.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::needless_range_loop)]

use std::path::Path;

use khulasa::{digest, Document, Pipeline};

fn load(dir: &str) -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            Document::new(
                p.file_stem().unwrap().to_string_lossy(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_five_seeds_are_one_story() {
    let p = Pipeline::builder().build().unwrap();
    let arts: Vec<_> = load("seeds").into_iter().map(|d| p.process(d)).collect();
    let stories = digest::cluster(&arts, digest::DEFAULT_THRESHOLD);
    assert_eq!(
        stories.len(),
        1,
        "seeds split into {stories:?}; similarities: {:?}",
        digest::similarities(&arts)
    );
}

#[test]
fn seed_pair_similarities_are_well_above_the_threshold() {
    let p = Pipeline::builder().build().unwrap();
    let arts: Vec<_> = load("seeds").into_iter().map(|d| p.process(d)).collect();
    let sim = digest::similarities(&arts);
    let mut min = f64::MAX;
    for i in 0..arts.len() {
        for j in i + 1..arts.len() {
            min = min.min(sim[i][j]);
        }
    }
    eprintln!("min seed-pair similarity {min:.3}");
    assert!(min > digest::DEFAULT_THRESHOLD, "min seed similarity {min}");
}
