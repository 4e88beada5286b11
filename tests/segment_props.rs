//! Property tests for the sentence splitter: span invariants on arbitrary
//! input, and linear behaviour on a large unpunctuated input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use khulasa::segment::{segment, Layout, Segmenter};
use proptest::prelude::*;

/// Checks every invariant of the guidelines §1 for one output.
fn check(text: &str, spans: &[(usize, usize)]) {
    let mut prev_end = 0usize;
    for &(s, e) in spans {
        assert!(s < e, "empty span {s}..{e}");
        assert!(s >= prev_end, "spans overlap or are unsorted");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        let unit = &text[s..e];
        assert_eq!(unit, unit.trim(), "span not trimmed: {unit:?}");
        // Only white space between spans.
        assert!(
            text[prev_end..s].chars().all(char::is_whitespace),
            "content lost between spans"
        );
        prev_end = e;
    }
    assert!(
        text[prev_end..].chars().all(char::is_whitespace),
        "content lost at the end"
    );
}

fn spans(seg: &Segmenter, text: &str) -> Vec<(usize, usize)> {
    seg.segment(text)
        .iter()
        .map(|s| (s.span.start, s.span.end))
        .collect()
}

/// Text made of the characters the splitter cares about.
fn newsish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "قال",
        "د",
        "أ",
        "م",
        "هـ",
        "ق.م",
        "إلخ",
        "الخ",
        "U.S",
        "Mr",
        "etc",
        "www.x.org",
        "a@b.co",
        "http://x.org/a?b=1",
        "3",
        "٣",
        "۳",
        "2017",
        ".",
        "..",
        "...",
        "…",
        "؟",
        "?",
        "!",
        "!!",
        "؛",
        "،",
        ",",
        ":",
        ";",
        "\"",
        "«",
        "»",
        "“",
        "”",
        "(",
        ")",
        "[",
        "]",
        "[3]",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\u{a0}",
        "\u{2028}",
        "-",
        "* ",
        "ـ ",
        "1. ",
        "أولاً:",
        "ـ",
        "\u{200f}",
        "\u{200c}",
        "Local",
        "والحقائب",
        "The",
        "نص",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn invariants_on_newsish_text(text in newsish()) {
        check(&text, &spans(&Segmenter::default(), &text));
        check(&text, &spans(&Segmenter::default().with_layout(Layout::Wrapped), &text));
        check(&text, &spans(&Segmenter::default().with_layout(Layout::LinePerParagraph), &text));
    }

    #[test]
    fn invariants_on_arbitrary_unicode(text in any::<String>()) {
        check(&text, &spans(&Segmenter::default(), &text));
        check(&text, &spans(&Segmenter::default().with_layout(Layout::Wrapped), &text));
    }

    #[test]
    fn invariants_on_control_chars(text in "[\\x00-\\x20.!?؟\"«»()\\[\\]\u{85}\u{2028}\u{2029}a-zأب0-9]{0,200}") {
        check(&text, &spans(&Segmenter::default(), &text));
    }

    #[test]
    fn blank_line_always_cuts(a in "[أ-ي ]{1,40}", b in "[أ-ي ]{1,40}") {
        prop_assume!(!a.trim().is_empty() && !b.trim().is_empty());
        let text = format!("{a}\n\n{b}");
        let s = segment(&text);
        let gap = a.len();
        prop_assert!(s.iter().all(|s| s.span.end <= gap || s.span.start >= gap));
    }
}

#[test]
fn ten_megabytes_without_punctuation() {
    // One huge line, no terminal: a linear pass returns a single unit.
    let word = "كلمة بلا نقطة ";
    let text = word.repeat(10 * 1024 * 1024 / word.len());
    let s = segment(&text);
    assert_eq!(s.len(), 1);
    check(&text, &[(s[0].span.start, s[0].span.end)]);
    // The same without any white space, and as wrapped lines.
    let solid = "ب".repeat(5 * 1024 * 1024);
    assert_eq!(segment(&solid).len(), 1);
    let wrapped = format!("{}\n", "كلمة ".repeat(15)).repeat(100_000);
    let w = segment(&wrapped);
    assert!(!w.is_empty());
}

#[test]
fn pathological_marks_complete() {
    // Long runs of dots, opening brackets and quotes stay linear.
    for piece in [
        "(",
        "«",
        "\"",
        ".",
        "a.",
        "د.",
        "[",
        "؟",
        "http://a.b/",
        "1.2.",
    ] {
        let text = piece.repeat(50_000);
        let s = spans(&Segmenter::default(), &text);
        check(&text, &s);
    }
}
