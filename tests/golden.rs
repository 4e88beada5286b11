//! Golden tests: the seed briefings, reviewed by hand and pinned with insta.
//!
//! When an intended change alters them, run `cargo insta review` (or
//! `INSTA_UPDATE=always cargo test --test golden`) and read the diff before
//! committing the new snapshots.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;

use khulasa::render::{BriefView, Renderer};
use khulasa::{Document, Pipeline};

fn seeds() -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let mut d = Document::new(
                p.file_stem().unwrap().to_string_lossy(),
                std::fs::read_to_string(&p).unwrap(),
            );
            d.source = format!("seeds/{}", p.file_name().unwrap().to_string_lossy());
            d
        })
        .collect()
}

/// Snapshots live in tests/golden/.
fn golden(f: impl FnOnce()) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("golden");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(f);
}

#[test]
fn seed_briefings_markdown() {
    let p = Pipeline::builder().build().unwrap();
    let r = Renderer::new().unwrap();
    for doc in seeds() {
        let id = doc.id.clone();
        let view = BriefView::new(&p.process(doc), p.glossary());
        golden(|| {
            insta::assert_snapshot!(
                format!("brief_md_{id}"),
                r.render("brief.md.j2", &view).unwrap()
            )
        });
    }
}

#[test]
fn seed_sentences() {
    for doc in seeds() {
        let lines: Vec<String> = khulasa::segment::segment(&doc.text)
            .iter()
            .map(|s| {
                format!(
                    "{:?}/{} | {}",
                    s.kind,
                    s.lang,
                    s.span.slice(&doc.text).replace('\n', "⏎")
                )
            })
            .collect();
        golden(|| insta::assert_snapshot!(format!("sentences_{}", doc.id), lines.join("\n")));
    }
}
