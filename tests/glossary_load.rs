//! Loading glossaries: good files in every format, malformed files with a
//! clear error (file and line), XML safety, round trips, checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::{Duration, Instant};

use khulasa::glossary::{check, Entry, Format, Glossary, Severity, TermType};
use khulasa::Error;

fn sample() -> Glossary {
    Glossary::from_entries([
        Entry {
            ar: "الرقة".into(),
            en: "Raqqa".into(),
            variants: vec!["الرقه".into(), "Raqqah".into()],
            kind: Some(TermType::Place),
            note: "city, \"capital\" of ISIS & co <2017>".into(),
            source: "hand-written".into(),
        },
        Entry {
            ar: "وقف إطلاق النار".into(),
            en: "ceasefire".into(),
            variants: vec![],
            kind: Some(TermType::Term),
            note: String::new(),
            source: String::new(),
        },
        Entry::new("ترمب", "Trump, Donald"),
    ])
}

fn parse_err(text: &str, name: &str, format: Format) -> (String, usize, String) {
    match Glossary::parse(text, name, format) {
        Err(Error::Parse {
            input,
            line,
            message,
        }) => (input, line, message),
        other => panic!("{name}: expected a parse error, got {other:?}"),
    }
}

#[test]
fn tsv_with_header_and_extra_columns() {
    let g = Glossary::from_tsv(
        "\u{feff}ar\ten\tvariants\ttype\tnote\tsource\n# a comment\n\nالرقة\tRaqqa\tالرقه| Raqqah \tplace\tcity\twiki\nهدنة\ttruce\n",
        "t.tsv",
    )
    .unwrap();
    assert_eq!(g.len(), 2);
    let e = &g.entries()[0];
    assert_eq!(e.variants, ["الرقه", "Raqqah"]);
    assert_eq!(e.kind, Some(TermType::Place));
    assert_eq!((e.note.as_str(), e.source.as_str()), ("city", "wiki"));
    assert_eq!(g.entries()[1].kind, None);
}

#[test]
fn omegat_glossary_loads_as_is() {
    let text = "وقف إطلاق النار\tceasefire\tpolitics; also \"truce\"\nالأمم المتحدة\tUnited Nations\tORG\nوزير الخارجية\tforeign minister\n";
    for f in [Format::OmegaT, Format::Tsv] {
        let g = Glossary::parse(text, "g.utf8", f).unwrap();
        assert_eq!(g.len(), 3);
        assert_eq!(g.entries()[0].note, "politics; also \"truce\"");
        assert_eq!(g.entries()[2].en, "foreign minister");
    }
}

#[test]
fn csv_quoted_fields_and_cat_headers() {
    let g = Glossary::parse(
        "ar,en,variants,type,note\r\n\"وقف إطلاق النار\",\"ceasefire, truce\",,term,\"says \"\"stop\"\"\nline 2\"\nالرقة,Raqqa,Raqqah|الرقه,place,\n",
        "g.csv",
        Format::Csv,
    )
    .unwrap();
    assert_eq!(g.len(), 2);
    assert_eq!(g.entries()[0].en, "ceasefire, truce");
    assert_eq!(g.entries()[0].note, "says \"stop\"\nline 2");
    assert_eq!(g.entries()[1].variants, ["Raqqah", "الرقه"]);
    // Matecat-style locale header, memoQ-style names.
    let m = Glossary::parse(
        "ar-SA,en-US\n\"الأمم المتحدة\",\"United Nations\"\n",
        "m.csv",
        Format::Csv,
    )
    .unwrap();
    assert_eq!(m.entries()[0].en, "United Nations");
    let q = Glossary::parse(
        "Arabic,English,Entry_Note\n\"وزير الخارجية\",\"foreign minister\",\"title\"\n",
        "q.csv",
        Format::Csv,
    )
    .unwrap();
    assert_eq!(q.entries()[0].note, "title");
}

#[test]
fn json_array_and_object() {
    let g = Glossary::parse(
        r#"[{"ar": "الرقة", "en": "Raqqa", "variants": ["الرقه"], "type": "place"},
            {"ar": "هدنة", "en": "truce", "variants": "هدنه|تهدئة"}]"#,
        "g.json",
        Format::Json,
    )
    .unwrap();
    assert_eq!(g.entries()[1].variants, ["هدنه", "تهدئة"]);
    let o = Glossary::parse(
        r#"{"entries": [{"ar": "هدنة", "en": "truce"}]}"#,
        "o.json",
        Format::Json,
    )
    .unwrap();
    assert_eq!(o.len(), 1);
}

#[test]
fn shared_tbx_examples_load() {
    let Some(dir) = ["../shared/examples/l10n", "../../shared/examples/l10n"]
        .into_iter()
        .map(std::path::Path::new)
        .find(|d| d.exists())
    else {
        eprintln!("skipped: ../shared/examples/l10n not found");
        return;
    };
    let v3 = Glossary::load(dir.join("glossary_ar-en.tbx")).unwrap();
    assert_eq!(v3.len(), 2);
    assert_eq!(v3.entries()[0].ar, "وقف إطلاق النار");
    assert_eq!(v3.entries()[0].en, "ceasefire");
    assert_eq!(v3.entries()[0].variants, ["truce"]);
    assert_eq!(v3.entries()[0].note, "Agreed halt of hostilities.");
    let old = Glossary::load(dir.join("glossary_ar-en.tbx2008.tbx")).unwrap();
    assert_eq!(old.len(), 2);
    assert_eq!(old.entries()[1].en, "United Nations");
    let om = Glossary::load(dir.join("omegat_glossary_ar-en.utf8")).unwrap();
    assert_eq!(om.len(), 3);
    let mq = Glossary::load(dir.join("memoq_termbase_ar-en.csv")).unwrap();
    assert_eq!(mq.entries()[2].note, "title");
}

#[test]
fn round_trip_every_format() {
    let g = sample();
    for f in [
        Format::Tsv,
        Format::Csv,
        Format::Json,
        Format::Tbx,
        Format::Tbx2008,
    ] {
        let text = g.write(f);
        let back = Glossary::parse(&text, "rt", f)
            .unwrap_or_else(|e| panic!("{f:?} output does not load back: {e}\n{text}"));
        assert_eq!(back, g, "{f:?} round trip changed the glossary:\n{text}");
    }
    // OmegaT keeps Arabic, English and the note; variants become rows.
    let om = Glossary::parse(&g.write(Format::OmegaT), "rt.utf8", Format::OmegaT).unwrap();
    assert_eq!(om.get("الرقة").unwrap().en, "Raqqa");
    assert_eq!(om.get("الرقه").unwrap().en, "Raqqa");
    assert_eq!(om.get("ترمب").unwrap().en, "Trump, Donald");
}

#[test]
fn bundled_lists_parse_and_round_trip() {
    for (name, text) in Glossary::bundled_sources() {
        let g = Glossary::from_tsv(text, name).unwrap_or_else(|e| panic!("{e}"));
        assert!(!g.is_empty(), "{name} is empty");
    }
    let b = Glossary::bundled();
    assert!(b.len() >= 5);
    for f in Format::ALL {
        if f != Format::OmegaT {
            assert_eq!(Glossary::parse(&b.write(f), "b", f).unwrap(), b, "{f:?}");
        }
    }
}

#[test]
fn format_from_extension() {
    assert_eq!(Format::from_path("a/b.TSV"), Some(Format::Tsv));
    assert_eq!(Format::from_path("g.tbx"), Some(Format::Tbx));
    assert_eq!(Format::from_path("g.tbx2008.tbx"), Some(Format::Tbx2008));
    assert_eq!(Format::from_path("g.martif.tbx"), Some(Format::Tbx2008));
    assert_eq!(Format::from_path("g.utf8"), Some(Format::OmegaT));
    assert_eq!(Format::from_path("g.txt"), Some(Format::OmegaT));
    assert_eq!(Format::from_path("g.xlsx"), None);
}

#[test]
fn malformed_tsv_rows_name_file_and_line() {
    let (input, line, msg) = parse_err(
        "ar\ten\nالرقة\tRaqqa\n\nonly-one-column\n",
        "bad.tsv",
        Format::Tsv,
    );
    assert_eq!((input.as_str(), line), ("bad.tsv", 4));
    assert!(msg.contains("two tab-separated columns"), "{msg}");
    let (_, line, msg) = parse_err("الرقة\tRaqqa\nهدنة\t \n", "e.tsv", Format::Tsv);
    assert_eq!(line, 2);
    assert!(msg.contains("empty English"), "{msg}");
    let (_, line, msg) = parse_err("\u{064e}\u{0651}\tdiacritics\n", "d.tsv", Format::Tsv);
    assert_eq!(line, 1);
    assert!(msg.contains("no letters"), "{msg}");
    let (_, line, _) = parse_err("\tempty Arabic\n", "a.tsv", Format::Tsv);
    assert_eq!(line, 1);
}

#[test]
fn malformed_csv_json_tbx() {
    let (_, line, msg) = parse_err("ar,en\nالرقة,\"Raqqa\nهدنة,truce\n", "q.csv", Format::Csv);
    assert_eq!(line, 2);
    assert!(msg.contains("unterminated"), "{msg}");
    let (_, line, msg) = parse_err(
        "[\n{\"ar\": \"الرقة\",\n \"en\": }\n]",
        "s.json",
        Format::Json,
    );
    assert_eq!(line, 3);
    assert!(msg.contains("invalid JSON"), "{msg}");
    let (_, line, msg) = parse_err(
        "[\n  {\"ar\": \"الرقة\", \"en\": \"Raqqa\"},\n  {\"ar\": \"هدنة\"}\n]",
        "m.json",
        Format::Json,
    );
    assert_eq!(line, 3);
    assert!(msg.contains("empty English"), "{msg}");
    let (_, line, msg) = parse_err("[{\"ar\": \"هدنة\", \"en\": 5}]", "n.json", Format::Json);
    assert_eq!(line, 1);
    assert!(msg.contains("must be a string"), "{msg}");
    let tbx = "<?xml version=\"1.0\"?>\n<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\">\n<text><body>\n<conceptEntry id=\"c1\">\n<langSec xml:lang=\"ar\"><termSec><term>هدنة</term></termSec></langSec>\n</conceptEntry>\n</body></text></tbx>\n";
    let (_, line, msg) = parse_err(tbx, "noen.tbx", Format::Tbx);
    assert_eq!(line, 4);
    assert!(msg.contains("English"), "{msg}");
    let broken = "<tbx>\n<text>\n<body>\n<conceptEntry>\n</langSec>\n</body></text></tbx>";
    let (_, line, msg) = parse_err(broken, "broken.tbx", Format::Tbx);
    assert_eq!(line, 5, "{msg}");
    assert!(msg.contains("malformed XML"), "{msg}");
    let (_, _, msg) = parse_err("<html><body/></html>", "x.tbx", Format::Tbx);
    assert!(msg.contains("not a TBX file"), "{msg}");
}

#[test]
fn billion_laughs_fails_fast_without_expanding() {
    let mut doc = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [\n<!ENTITY lol \"lol\">\n");
    for i in 1..=9 {
        let prev = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        doc.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    doc.push_str("]>\n<tbx><text><body><conceptEntry><langSec xml:lang=\"ar\"><termSec><term>&lol9;</term></termSec></langSec><langSec xml:lang=\"en\"><termSec><term>x</term></termSec></langSec></conceptEntry></body></text></tbx>\n");
    let t = Instant::now();
    let r = Glossary::parse(&doc, "lol.tbx", Format::Tbx);
    assert!(t.elapsed() < Duration::from_secs(1));
    let err = r.expect_err("a custom entity must not be expanded");
    assert!(err.to_string().contains("lol.tbx:14"), "{err}");
}

#[test]
fn external_entities_are_not_loaded() {
    let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<tbx><text><body><conceptEntry><langSec xml:lang=\"ar\"><termSec><term>هدنة</term></termSec></langSec><langSec xml:lang=\"en\"><termSec><term>&xxe;</term></termSec></langSec></conceptEntry></body></text></tbx>";
    let err = Glossary::parse(doc, "xxe.tbx", Format::Tbx).unwrap_err();
    assert!(!err.to_string().contains("root:"), "{err}");
    // Predefined entities and character references are fine.
    let ok = "<martif><text><body><termEntry><langSet xml:lang=\"ar\"><tig><term>&#x647;&#x62F;&#x646;&#x629;</term></tig></langSet><langSet xml:lang=\"en-US\"><tig><term>truce &amp; calm</term></tig></langSet></termEntry></body></text></martif>";
    let g = Glossary::parse(ok, "ok.tbx", Format::Tbx).unwrap();
    assert_eq!(g.entries()[0].ar, "هدنة");
    assert_eq!(g.entries()[0].en, "truce & calm");
}

#[test]
fn load_from_disk_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("g.csv");
    std::fs::write(&p, "ar,en\nهدنة,truce\n").unwrap();
    assert_eq!(Glossary::load(&p).unwrap().len(), 1);
    let bad = dir.path().join("latin1.tsv");
    std::fs::write(&bad, b"\xe9t\xe9\tsummer\n").unwrap();
    assert!(matches!(Glossary::load(&bad), Err(Error::Decode { .. })));
    assert!(matches!(
        Glossary::load(dir.path().join("missing.tsv")),
        Err(Error::Io { .. })
    ));
}

#[test]
fn extend_overrides_by_normalized_term() {
    let mut g = Glossary::from_tsv("الرقة\tRaqqa\nهدنة\ttruce\n", "a").unwrap();
    g.extend(Glossary::from_tsv("الرقه\tAr-Raqqah\nقافلة\tconvoy\n", "b").unwrap());
    assert_eq!(g.len(), 3);
    assert_eq!(
        g.entries()[0].en,
        "Ar-Raqqah",
        "later file must win, in place"
    );
    assert_eq!(g.get("الرَّقَّة").unwrap().en, "Ar-Raqqah");
    assert_eq!(g.entries()[2].ar, "قافلة");
}

#[test]
fn check_reports_problems_with_lines() {
    let text = "ar\ten\tvariants\ttype\nالرقة\tRaqqa\t\tplace\nالرقه\tRakka\t\tplace\nهدنة\ttruce\t\tcity\nو\tand\nbroken\n\u{064b}\tmark\nقسد\tSDF\tهدنه\torg\nالرقة\tRaqqa\n";
    let issues = check(text, "c.tsv", Format::Tsv);
    let find = |line: usize, needle: &str| {
        issues
            .iter()
            .find(|i| i.line == line && i.message.contains(needle))
            .unwrap_or_else(|| panic!("no issue on line {line} with {needle:?} in {issues:#?}"))
    };
    assert_eq!(find(3, "conflicting English").severity, Severity::Error);
    assert_eq!(find(4, "unknown type").severity, Severity::Warning);
    assert_eq!(find(5, "one-letter").severity, Severity::Error);
    assert_eq!(find(6, "two tab-separated").severity, Severity::Error);
    assert_eq!(find(7, "no letters").severity, Severity::Error);
    assert_eq!(find(8, "conflicting English").severity, Severity::Error);
    assert_eq!(find(9, "same English").severity, Severity::Warning);
    assert!(issues.iter().all(|i| i.input == "c.tsv"));
    assert!(check("ar\ten\nالرقة\tRaqqa\n", "ok.tsv", Format::Tsv).is_empty());
}

#[test]
fn bundled_lists_pass_the_check() {
    for (name, text) in Glossary::bundled_sources() {
        let errors: Vec<_> = check(text, name, Format::Tsv)
            .into_iter()
            .filter(|i| i.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}
