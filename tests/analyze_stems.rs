#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
//! Table-driven stemmer test (tests/data/ar/stems.tsv) and analysis invariants.

use khulasa::analyze::{analyze, tokenize, Vocab};
use khulasa::lang::{self, stem_ar, stem_en, Lang};
use khulasa::segment::segment;

#[test]
fn arabic_stems_match_hand_checked_table() {
    let table = include_str!("data/ar/stems.tsv");
    let mut n = 0;
    let mut bad = Vec::new();
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (word, want) = line.split_once('\t').expect("word<TAB>stem");
        // The stemmer expects normalized input; the table is written normalized.
        assert_eq!(
            lang::normalize(word).text,
            word,
            "table entry {word} is not normalized"
        );
        let got = stem_ar(word);
        if got != want {
            bad.push(format!("{word}: got {got}, want {want}"));
        }
        n += 1;
    }
    assert!(n >= 60, "the table should hold at least 60 pairs, has {n}");
    assert!(
        bad.is_empty(),
        "stemmer disagrees with the table:\n{}",
        bad.join("\n")
    );
}

#[test]
fn stemmer_never_leaves_fewer_than_three_letters_of_a_long_word() {
    for w in ["والله", "بالها", "للهم", "وكالات", "الامم", "فاتها"] {
        let s = stem_ar(w);
        assert!(s.chars().count() >= 3, "{w} → {s}");
        assert!(
            w.contains(s),
            "{w} → {s}: a stem is a substring of the word"
        );
    }
}

#[test]
fn english_stems() {
    for (w, want) in [
        ("fighters", "fighter"),
        ("cities", "city"),
        ("talks", "talk"),
        ("boxes", "box"),
        ("killed", "kill"),
        ("negotiating", "negotiat"),
        ("news", "news"),
        ("status", "status"),
        ("analysis", "analysis"),
        ("gas", "gas"),
    ] {
        assert_eq!(stem_en(w), want, "{w}");
    }
}

#[test]
fn tokens_quote_the_original_and_flag_stopwords() {
    let text = "عنوان\nقالَ وزيرُ الدفاعِ إنّ القوات في الرقّة. The fighters left Raqqa.";
    let sents = segment(text);
    let a = analyze(text, &sents);
    assert_eq!(a.sentences.len(), sents.len());
    let all: Vec<_> = a.sentences.iter().flatten().collect();
    for t in &all {
        let orig = t.span.slice(text);
        assert!(!orig.is_empty());
        assert_eq!(
            lang::normalize(orig).text,
            a.norm(t),
            "span must cover the token"
        );
    }
    let find = |n: &str| all.iter().find(|t| a.norm(t) == n).unwrap();
    assert_eq!(find("الدفاع").span.slice(text), "الدفاعِ");
    assert_eq!(a.stem(find("الدفاع")), "دفاع");
    assert!(find("في").stop && find("the").stop && find("ان").stop);
    assert!(!find("الرقه").stop);
    assert_eq!(a.stem(find("fighters")), "fighter");
    // Interning: equal words share ids, one entry per distinct form.
    assert_eq!(find("الدفاع").norm, a.vocab.norm_id("الدفاع").unwrap());
    assert_eq!(a.vocab.stem_id("دفاع"), Some(find("الدفاع").stem));
    assert!(a.vocab.norm_count() <= all.len());
}

#[test]
fn tokenize_offsets_are_relative_to_base() {
    let toks = tokenize("ab cd", 10, &mut Vocab::new());
    assert_eq!(toks.len(), 2);
    assert_eq!((toks[1].span.start, toks[1].span.end), (13, 15));
}

#[test]
fn stopword_lists() {
    assert!(lang::is_stopword("الذي", Lang::Ar));
    assert!(!lang::is_stopword("وزير", Lang::Ar));
    assert!(lang::is_stopword("which", Lang::En));
    assert!(lang::stopwords(Lang::Ar).len() > 150);
}

mod fused {
    use khulasa::analyze::{tokenize, Vocab};
    use khulasa::lang;
    use khulasa::text::Span;
    use proptest::prelude::*;

    /// Reference tokenizer: normalize, split on non-alphanumerics, map back.
    fn reference(text: &str) -> Vec<(String, Span)> {
        let n = lang::normalize(text);
        let norm: &str = &n.text;
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in norm
            .char_indices()
            .chain(std::iter::once((norm.len(), ' ')))
        {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                out.push((
                    norm[s..i].to_string(),
                    n.map.span_to_original(Span::new(s, i)),
                ));
            }
        }
        out
    }

    fn check(text: &str) {
        let mut v = Vocab::new();
        let got: Vec<(String, Span)> = tokenize(text, 0, &mut v)
            .into_iter()
            .map(|t| (v.norm(t.norm).to_string(), t.span))
            .collect();
        assert_eq!(got, reference(text), "text {text:?}");
    }

    #[test]
    fn fused_tokenizer_matches_normalize_then_split() {
        for t in [
            "الرَّقّـةُ x",
            "ﻻ ١٢٣ OK ÉTAT Σίσυφος",
            "\u{200f}كلمة\u{200f} وَ",
            "ﬁne café ＡＢＣ",
            "",
            "مسؤول، مسئول؛ (رويترز)",
        ] {
            check(t);
        }
    }

    proptest! {
        #[test]
        fn fused_tokenizer_matches_on_arbitrary_text(t in "[\\u{0600}-\\u{06FF}a-zA-Z0-9 .,\\u{200F}\\u{FEFB}\\u{0640}ÉΣ]{0,60}") {
            check(&t);
        }

        #[test]
        fn fused_tokenizer_matches_on_any_unicode(t in "\\PC{0,40}") {
            check(&t);
        }
    }
}
