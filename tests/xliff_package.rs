//! The package: segments are exactly the splitter's sentences, units are
//! paragraphs, glossary marks stay inside segments.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use khulasa::glossary::Glossary;
use khulasa::segment::segment;
use khulasa::xliff::{self, Package};
use khulasa::{Document, Pipeline};

const SEEDS: &[&str] = &[
    include_str!("../seeds/000_5691900a397ebd07.txt"),
    include_str!("../seeds/001_0cc4af94058731b6.txt"),
    include_str!("../seeds/002_c6bfd335af56721e.txt"),
    include_str!("../seeds/003_f73e49b5b275455f.txt"),
    include_str!("../seeds/004_ace0da53d28b4e56.txt"),
];

const HAND: &str = "هدنة في الرقة\n\nأعلنت قوات سوريا الديمقراطية هدنة في الرقة. وخرجت قافلة من المدينة!\nسطر ثالث بلا نهاية";

fn build(text: &str, glossary: Option<Glossary>) -> (Package, khulasa::Article) {
    let mut b = Pipeline::builder();
    if let Some(g) = glossary {
        b = b.glossary(g);
    }
    let p = b.build().unwrap();
    let a = p.process(Document::new("t", text));
    (
        Package::from_article(&a, p.glossary(), &Default::default()),
        a,
    )
}

#[test]
fn segments_are_exactly_the_splitter_sentences() {
    for (k, text) in SEEDS.iter().copied().chain([HAND, "", "  \n "]).enumerate() {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let (pkg, _) = build(text, None);
        let want: Vec<&str> = segment(text).iter().map(|s| s.span.slice(text)).collect();
        let got: Vec<&str> = pkg.segments().map(|s| s.text.as_str()).collect();
        assert_eq!(
            got, want,
            "text {k}: prep segments differ from segment::segment"
        );
        let sents = segment(text);
        for s in pkg.segments() {
            assert_eq!(s.span, sents[s.index].span);
            assert_eq!(s.id, format!("s{}", s.index + 1));
        }
        // One unit per run of equal paragraph indices, in order.
        for u in &pkg.units {
            assert!(u
                .segments
                .iter()
                .all(|s| sents[s.index].paragraph == u.paragraph));
        }
        for w in pkg.units.windows(2) {
            assert_ne!(
                w[0].paragraph, w[1].paragraph,
                "text {k}: adjacent units share a paragraph"
            );
        }
        // The unit's segments and gaps give back the paragraph's text.
        for u in &pkg.units {
            let (first, last) = (u.segments.first().unwrap(), u.segments.last().unwrap());
            let joined: String = u
                .segments
                .iter()
                .map(|s| format!("{}{}", s.gap_before, s.text))
                .collect();
            assert_eq!(joined, &text[first.span.start..last.span.end]);
        }
    }
}

#[test]
fn hand_text_units_and_summary() {
    let (pkg, a) = build(HAND, None);
    // Title line, then a paragraph of two sentences, then one more line.
    let shape: Vec<usize> = pkg.units.iter().map(|u| u.segments.len()).collect();
    let paragraphs: Vec<usize> = segment(HAND).iter().map(|s| s.paragraph).collect();
    let mut runs: Vec<usize> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        if i == 0 || paragraphs[i - 1] != *p {
            runs.push(0);
        }
        *runs.last_mut().unwrap() += 1;
    }
    assert_eq!(shape, runs);
    assert_eq!(pkg.units[0].name.as_deref(), Some("title"));
    let flagged: Vec<usize> = pkg
        .segments()
        .filter(|s| s.summary)
        .map(|s| s.index)
        .collect();
    assert_eq!(
        flagged, a.summary.sentences,
        "summary flags must be the summary sentences"
    );
    let xml = xliff::write_xliff2(&pkg);
    let ids = pkg.summary_ids().join(" ");
    assert!(xml.contains(&format!(
        "<mda:meta type=\"summary-segments\">{ids}</mda:meta>"
    )));
    assert!(xml.contains("<mda:meta type=\"priority\">1</mda:meta>"));
    assert!(xml.contains("srcDir=\"rtl\"") && xml.contains("trgLang=\"en\""));
}

#[test]
fn marks_stay_inside_segments() {
    // A term that spans a sentence boundary is a hit but never a mark.
    let g = Glossary::from_tsv(
        "ar\ten\nالرقة. وخرجت\tRaqqa. And left\nقافلة\tconvoy\nهدنة\ttruce\n",
        "test",
    )
    .unwrap();
    let (pkg, a) = build(HAND, Some(g));
    let crossing = a.hits.iter().filter(|h| h.entry == 0).count();
    assert_eq!(
        crossing, 1,
        "the test glossary should hit across the boundary once"
    );
    let terms = &pkg.terms;
    let marked: Vec<(&str, &str)> = pkg
        .segments()
        .flat_map(|s| {
            s.marks
                .iter()
                .map(move |m| (&s.text[m.span.start..m.span.end], terms[m.term].en.as_str()))
        })
        .collect();
    assert!(
        !marked.iter().any(|(_, en)| *en == "Raqqa. And left"),
        "a mark crosses a segment boundary"
    );
    assert!(marked.contains(&("قافلة", "convoy")));
    assert!(marked.contains(&("هدنة", "truce")));
    let xml = xliff::write_xliff2(&pkg);
    assert!(
        xml.contains("<mrk id=\"m3-1\" type=\"term\" ref=\"#gls=g"),
        "{xml}"
    );
    assert!(xml.contains("<gls:translation source=\"khulasa\">convoy</gls:translation>"));
    // Job glossary: terms that occur, once each, no boundary-crossing one.
    let job = xliff::job_terms([&pkg, &pkg]);
    let ens: Vec<&str> = job.iter().map(|e| e.en.as_str()).collect();
    assert_eq!(ens, ["truce", "convoy"]);
    let x12 = xliff::write_xliff12(&pkg);
    assert!(x12.contains("<note from=\"glossary\" annotates=\"source\">قافلة = convoy</note>"));
}

#[test]
fn word_counts_add_up() {
    let (pkg, _) = build(HAND, None);
    let c = xliff::wordcount::DocCount::new(&pkg, "t");
    assert_eq!(c.segments, segment(HAND).len());
    // Hand count: 3 + (7 + 4) + 4 words.
    assert_eq!(c.words, 18);
    assert!(c.summary_words <= c.words && c.summary_segments <= c.segments);
    let r = xliff::wordcount::WordCount::new(vec![c.clone(), c], 3);
    assert_eq!(r.total.words, 36);
    assert_eq!(r.total.documents, 2);
    assert!(r.to_text().contains("TOTAL (2 documents)"));
}
