//! `Pipeline::process` on arbitrary text with the bundled glossary, then the
//! brief view rendered through the built-in Markdown and HTML templates.
#![no_main]

use std::sync::OnceLock;

use khulasa::render::{BriefView, Renderer};
use khulasa::{Document, Pipeline};
use libfuzzer_sys::fuzz_target;

fn setup() -> &'static (Pipeline, Renderer) {
    static S: OnceLock<(Pipeline, Renderer)> = OnceLock::new();
    S.get_or_init(|| {
        let p = Pipeline::builder().build().expect("pipeline");
        let r = Renderer::new().expect("renderer");
        (p, r)
    })
}

fn on_boundaries(text: &str, a: usize, b: usize) -> bool {
    a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
}

fuzz_target!(|data: &[u8]| {
    let (pipeline, renderer) = setup();
    let text = String::from_utf8_lossy(data).into_owned();
    let a = pipeline.process(Document::new("fuzz", text.clone()));
    assert_eq!(a.doc.text, text, "the pipeline changed the original text");
    for s in &a.sentences {
        assert!(
            on_boundaries(&text, s.span.start, s.span.end),
            "bad sentence span {:?}",
            s.span
        );
    }
    let mut prev = None;
    for &i in &a.summary.sentences {
        assert!(
            i < a.sentences.len(),
            "summary names sentence {i} of {}",
            a.sentences.len()
        );
        assert!(prev.is_none_or(|p| p < i), "summary not in document order");
        prev = Some(i);
    }
    for h in &a.hits {
        assert!(
            on_boundaries(&text, h.span.start, h.span.end),
            "bad hit span {:?}",
            h.span
        );
    }
    for (i, toks) in a.analysis.sentences.iter().enumerate() {
        for t in toks {
            assert!(
                on_boundaries(&text, t.span.start, t.span.end),
                "bad token span {:?} in {i}",
                t.span
            );
        }
    }
    let _ = a.title();
    let view = BriefView::new(&a, pipeline.glossary());
    let md = renderer.render("brief.md.j2", &view);
    let html = renderer.render("brief.html.j2", &view);
    assert!(md.is_ok(), "brief.md failed: {md:?}");
    assert!(html.is_ok(), "brief.html failed: {html:?}");
});
