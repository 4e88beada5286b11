//! Story clustering of the digest.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::needless_range_loop
)]

use common::load_dir as load;
use khulasa::{digest, Pipeline};

mod common;

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

#[test]
fn unrelated_articles_never_join_the_seed_story_and_related_ones_do() {
    let p = Pipeline::builder().build().unwrap();
    let mut docs = load("seeds");
    let n_seeds = docs.len();
    let unrelated = load("tests/data/stories/unrelated");
    let n_unrelated = unrelated.len();
    docs.extend(unrelated);
    docs.extend(load("tests/data/stories/related"));
    let names: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
    let arts: Vec<_> = docs.into_iter().map(|d| p.process(d)).collect();
    let stories = digest::cluster(&arts, digest::DEFAULT_THRESHOLD);
    let seed_story = stories.iter().find(|s| s.articles.contains(&0)).unwrap();
    let show: Vec<Vec<&str>> = stories
        .iter()
        .map(|s| s.articles.iter().map(|&i| names[i].as_str()).collect())
        .collect();
    for i in 0..n_seeds {
        assert!(
            seed_story.articles.contains(&i),
            "seed {} left the story: {show:?}",
            names[i]
        );
    }
    for i in n_seeds..n_seeds + n_unrelated {
        assert!(
            !seed_story.articles.contains(&i),
            "unrelated {} joined the seed story: {show:?}",
            names[i]
        );
    }
    for i in n_seeds + n_unrelated..arts.len() {
        assert!(
            seed_story.articles.contains(&i),
            "related {} did not join the seed story: {show:?}",
            names[i]
        );
    }
    // The unrelated articles are about ten different things: none merges with another.
    for s in &stories {
        let u = s
            .articles
            .iter()
            .filter(|&&i| (n_seeds..n_seeds + n_unrelated).contains(&i))
            .count();
        assert!(u <= 1, "unrelated articles merged into one story: {show:?}");
    }
}

#[test]
fn similarities_are_the_same_bits_on_every_call() {
    // Each call builds its hash maps with fresh random keys, so any sum
    // taken in hash-map order would show here as a change in the last bits.
    let p = Pipeline::builder().build().unwrap();
    let mut docs = load("seeds");
    docs.extend(load("tests/data/stories/unrelated"));
    docs.extend(load("tests/data/stories/related"));
    let arts: Vec<_> = docs.into_iter().map(|d| p.process(d)).collect();
    let bits = |sim: Vec<Vec<f64>>| -> Vec<Vec<u64>> {
        sim.into_iter()
            .map(|r| r.into_iter().map(f64::to_bits).collect())
            .collect()
    };
    let first = bits(digest::similarities(&arts));
    for _ in 0..20 {
        assert_eq!(bits(digest::similarities(&arts)), first);
    }
}
