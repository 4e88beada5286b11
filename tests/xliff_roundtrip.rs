//! prep → fill targets → merge: every target comes back, in order, unchanged.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use khulasa::render::Renderer;
use khulasa::xliff::{self, MergedDoc, Package, XliffVersion};
use khulasa::{Document, Pipeline};
use regex::Regex;

/// Hand-written: XML specials, bidi controls (RLE/PDF, RLI/PDI), emoji,
/// Arabic, a tab, a carriage return and a C0 control.
const TRICKY: &str = "عنوان: تجربة & <اختبار> \"مقتبس\" 'مفرد'\n\
قال \u{202B}الوزير\u{202C} إن الهدنة في الرقة صامدة 😀🇸🇦. وأضاف \u{2067}ترمب\u{2069} أن القافلة وصلت & عادت!\n\
سطر\tفيه تحكم\u{1} وعودة\rللسطر، ونهاية.";

fn package(id: &str, text: &str) -> Package {
    let p = Pipeline::builder().build().unwrap();
    let a = p.process(Document::new(id, text));
    Package::from_article(&a, p.glossary(), &Default::default())
}

/// The test's own escaping (independent of the library's).
fn esc2(s: &str) -> String {
    let mut o = String::new();
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '\r' => o.push_str("&#13;"),
            '\u{1}' => o.push_str("<cp hex=\"0001\"/>"),
            c => o.push(c),
        }
    }
    o
}

fn target_for(id: &str, source: &str) -> String {
    format!("EN[{id}] {source}")
}

/// Inserts `<target>` after each segment's `<source>` in an XLIFF 2 file.
fn fill_xliff2(xml: &str, pkg: &Package) -> String {
    let re = Regex::new(r#"(?s)(<segment id="([^"]+)">\s*<source>.*?</source>)"#).unwrap();
    let mut n = 0;
    let out = re.replace_all(xml, |c: &regex::Captures| {
        n += 1;
        let id = &c[2];
        let seg = pkg.segments().find(|s| s.id == id).unwrap();
        format!(
            "{}<target>{}</target>",
            &c[1],
            esc2(&target_for(id, &seg.text))
        )
    });
    assert_eq!(
        n,
        pkg.segments().count(),
        "every segment should get a target"
    );
    out.into_owned()
}

#[test]
fn xliff2_round_trip_keeps_every_target_in_order() {
    let pkg = package("tricky", TRICKY);
    assert!(pkg.segments().count() >= 4, "expected several sentences");
    let xml = xliff::write_xliff2(&pkg);
    assert!(
        xml.contains("<cp hex=\"0001\"/>"),
        "C0 control should be a <cp>"
    );
    // A CR is a line break for the splitter now, so it falls between units;
    // wherever one is written it must be a character reference, never raw.
    assert!(
        !xml.contains('\r'),
        "a raw CR would be normalized away by XML parsers"
    );
    assert!(!xml.contains('\u{1}'), "raw C0 control in XML output");
    let filled = fill_xliff2(&xml, &pkg);
    let doc = xliff::read(&filled, "tricky.xlf").unwrap();
    assert_eq!(doc.version, XliffVersion::V2);
    assert_eq!(doc.id, "tricky");
    let got: Vec<_> = doc.units.iter().flat_map(|u| &u.segments).collect();
    let want: Vec<_> = pkg.segments().collect();
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g.id, w.id);
        assert_eq!(
            g.source, w.text,
            "source changed on the way through XLIFF 2"
        );
        assert_eq!(
            g.target.as_deref(),
            Some(target_for(&w.id, &w.text).as_str())
        );
        assert_eq!(g.summary, w.summary, "summary flag lost for {}", w.id);
    }
    // The original special characters are all in some source.
    let all: String = got.iter().map(|s| s.source.as_str()).collect();
    for needle in [
        "&",
        "<اختبار>",
        "\"مقتبس\"",
        "'مفرد'",
        "\u{202B}",
        "\u{2067}",
        "😀🇸🇦",
        "\u{1}",
        "\t",
    ] {
        assert!(all.contains(needle), "{needle:?} did not survive");
    }

    let view = MergedDoc::new(&doc);
    assert_eq!(view.segment_count, want.len());
    assert_eq!(view.translated_count, want.len());
    assert!(
        !view.summary.is_empty(),
        "summary segments should be flagged"
    );
    let r = Renderer::new().unwrap();
    let md = r.render("merged.md.j2", &view).unwrap();
    let mut pos = 0;
    for w in &want {
        let t = target_for(&w.id, &w.text);
        let at = md[pos..].find(&t).map(|p| p + pos);
        assert!(
            at.is_some(),
            "target of {} missing or out of order in Markdown",
            w.id
        );
        pos = at.unwrap() + t.len();
    }
    let html = r.render("merged.html.j2", &view).unwrap();
    assert!(
        html.contains("lang=\"ar\" dir=\"rtl\""),
        "Arabic cells need lang/dir"
    );
    assert!(html.contains("lang=\"en\" dir=\"ltr\""));
    assert!(
        html.contains("&lt;اختبار&gt;"),
        "HTML must escape the source"
    );
    assert!(!html.contains("<اختبار>"), "unescaped markup in HTML");
    assert!(html.contains("EN[s3]"), "targets should appear in HTML");
}

#[test]
fn xliff12_round_trip_keeps_every_target() {
    // XLIFF 1.2 has no <cp>: no C0 controls here (see the next test).
    let text = TRICKY.replace('\u{1}', "");
    let pkg = package("tricky12", &text);
    let xml = xliff::write_xliff12(&pkg);
    // Copy source to target, segment marks included.
    let re = Regex::new(r"(?s)(<seg-source>(.*?)</seg-source>)").unwrap();
    let filled = re.replace_all(&xml, "$1<target>$2</target>").into_owned();
    let doc = xliff::read(&filled, "tricky12.xliff12.xlf").unwrap();
    assert_eq!(doc.version, XliffVersion::V1_2);
    assert_eq!(doc.id, "tricky12");
    let got: Vec<_> = doc.units.iter().flat_map(|u| &u.segments).collect();
    let want: Vec<_> = pkg.segments().collect();
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g.id, w.id);
        assert_eq!(g.source, w.text);
        assert_eq!(g.target.as_deref(), Some(w.text.as_str()));
        assert_eq!(g.summary, w.summary);
    }
    assert_eq!(doc.units.len(), pkg.units.len());
}

#[test]
fn xliff12_replaces_chars_xml_cannot_carry() {
    let pkg = package("c0", "سطر فيه تحكم\u{1} هنا.");
    let xml = xliff::write_xliff12(&pkg);
    assert!(!xml.contains('\u{1}'));
    let doc = xliff::read(&xml, "c0").unwrap();
    assert_eq!(doc.units[0].segments[0].source, "سطر فيه تحكم\u{FFFD} هنا.");
}

#[test]
fn same_input_gives_same_ids_and_bytes() {
    let a = package("doc-1", TRICKY);
    let b = package("doc-1", TRICKY);
    assert_eq!(xliff::write_xliff2(&a), xliff::write_xliff2(&b));
    assert_eq!(xliff::write_xliff12(&a), xliff::write_xliff12(&b));
    let ids = |p: &Package| {
        p.units
            .iter()
            .flat_map(|u| u.segments.iter().map(move |s| format!("{}/{}", u.id, s.id)))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b));
    // Ids are positional: a different document id changes only the file id.
    let c = package("doc-2", TRICKY);
    assert_eq!(ids(&a), ids(&c));
    assert_ne!(a.file_id, c.file_id);
}

#[test]
fn merge_cli_renders_translated_seeds() {
    let bin = env!("CARGO_BIN_EXE_khulasa");
    let dir = tempfile::tempdir().unwrap();
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/001_0cc4af94058731b6.txt"
    );
    let out = dir.path().join("pkg");
    let st = std::process::Command::new(bin)
        .args(["prep", "-q", "--out"])
        .arg(&out)
        .arg(seed)
        .status()
        .unwrap();
    assert!(st.success());
    for f in [
        "001_0cc4af94058731b6.xlf",
        "001_0cc4af94058731b6.xliff12.xlf",
        "wordcount.json",
        "wordcount.txt",
    ] {
        assert!(out.join(f).is_file(), "prep did not write {f}");
    }
    let wc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("wordcount.json")).unwrap())
            .unwrap();
    let text = std::fs::read_to_string(seed).unwrap();
    let n = khulasa::segment::segment(&text).len();
    assert_eq!(wc["documents"][0]["segments"], n);
    assert_eq!(wc["total"]["segments"], n);

    // Fill the XLIFF 2 targets with marked text, then merge.
    let xml = std::fs::read_to_string(out.join("001_0cc4af94058731b6.xlf")).unwrap();
    let re = Regex::new(r#"(?s)(<segment id="([^"]+)">\s*<source>.*?</source>)"#).unwrap();
    let filled = re
        .replace_all(&xml, "$1<target>T&lt;$2&gt;</target>")
        .into_owned();
    let xlf = dir.path().join("done.xlf");
    std::fs::write(&xlf, filled).unwrap();
    let merged = dir.path().join("merged");
    let st = std::process::Command::new(bin)
        .args(["merge", "-q", "--format", "md,html,json", "--out"])
        .arg(&merged)
        .arg(&xlf)
        .status()
        .unwrap();
    assert!(st.success());
    let md = std::fs::read_to_string(merged.join("done.md")).unwrap();
    let html = std::fs::read_to_string(merged.join("done.html")).unwrap();
    let mut pos = 0;
    for i in 1..=n {
        let t = format!("T<s{i}>");
        let at = md[pos..]
            .find(&t)
            .unwrap_or_else(|| panic!("{t} missing or out of order"));
        pos += at + t.len();
        assert!(
            html.contains(&format!("T&lt;s{i}&gt;")),
            "{t} missing or unescaped in HTML"
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(merged.join("done.json")).unwrap()).unwrap();
    assert_eq!(json["translated_count"], n);

    // A file that is not XLIFF fails with exit 2 and names the file.
    let bad = dir.path().join("bad.xlf");
    std::fs::write(&bad, "<html/>").unwrap();
    let o = std::process::Command::new(bin)
        .args(["merge", "-q", "--out"])
        .arg(&merged)
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.xlf"));
}
