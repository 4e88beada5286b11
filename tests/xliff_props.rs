//! Properties: any text survives XLIFF 2 exactly and XLIFF 1.2 up to the
//! documented U+FFFD replacement; the reader never panics.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use khulasa::xliff::{self, Package};
use khulasa::{Document, Pipeline};
use proptest::prelude::*;

fn not_xml(c: char) -> bool {
    !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text built from pieces that stress the writers: Arabic, markup
/// characters, bidi controls, emoji, controls, line breaks, terminators.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("قال الوزير".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just(". ".to_string()),
        Just("؟".to_string()),
        Just("&<>\"'".to_string()),
        Just("\u{202B}\u{2067}\u{2069}\u{200F}".to_string()),
        Just("😀🇸🇦".to_string()),
        Just("\u{1}\u{0}\u{FFFE}\u{FFFF}\r\t".to_string()),
        Just("]]>".to_string()),
        Just("الرقة".to_string()),
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn package(t: &str) -> Package {
    let p = Pipeline::builder().build().unwrap();
    let a = p.process(Document::new("p", t));
    Package::from_article(&a, p.glossary(), &Default::default())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_text_round_trips(t in text()) {
        let pkg = package(&t);
        let want: Vec<String> = pkg.segments().map(|s| s.text.clone()).collect();

        let d2 = xliff::read(&xliff::write_xliff2(&pkg), "p.xlf").unwrap();
        let got2: Vec<String> = d2.units.iter().flat_map(|u| &u.segments).map(|s| s.source.clone()).collect();
        prop_assert_eq!(&got2, &want);

        let d12 = xliff::read(&xliff::write_xliff12(&pkg), "p.xliff12.xlf").unwrap();
        let got12: Vec<String> = d12.units.iter().flat_map(|u| &u.segments).map(|s| s.source.clone()).collect();
        let want12: Vec<String> = want
            .iter()
            .map(|s| s.chars().map(|c| if not_xml(c) { '\u{FFFD}' } else { c }).collect())
            .collect();
        prop_assert_eq!(got12, want12);
    }

    #[test]
    fn reader_never_panics(s in "(<[a-z:/]{0,8}( [a-z]{1,4}=\"[^\"]{0,6}\")?>|&[a-z#0-9]{0,5};|[^<&]{0,5}){0,30}") {
        let _ = xliff::read(&s, "junk");
        let wrapped = format!("<xliff version=\"2.0\"><file id=\"f\"><unit id=\"u\"><segment><source>{s}</source></segment></unit></file></xliff>");
        let _ = xliff::read(&wrapped, "junk");
    }
}
