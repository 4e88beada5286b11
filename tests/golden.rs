//! Golden tests: the seed briefings, reviewed by hand and pinned with insta.
//!
//! When an intended change alters them, run `cargo insta review` (or
//! `INSTA_UPDATE=always cargo test --test golden`) and read the diff before
//! committing the new snapshots.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use common::seeds;
use khulasa::render::{BriefView, Renderer};
use khulasa::Pipeline;

mod common;

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
