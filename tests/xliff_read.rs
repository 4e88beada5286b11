//! Reading XLIFF written by other tools, and refusing what must be refused.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use khulasa::xliff::{self, XliffVersion};
use khulasa::Error;

#[test]
fn doctype_is_ignored_and_entities_are_not_expanded() {
    let ok = r#"<?xml version="1.0"?>
<!DOCTYPE xliff>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ar" trgLang="en">
<file id="f1"><unit id="u1"><segment id="s1"><source>نص &amp; آخر</source><target>text &amp; more</target></segment></unit></file></xliff>"#;
    let d = xliff::read(ok, "ok.xlf").unwrap();
    assert_eq!(d.units[0].segments[0].source, "نص & آخر");
    assert_eq!(
        d.units[0].segments[0].target.as_deref(),
        Some("text & more")
    );

    // An internal entity (billion laughs) or an external one (XXE) is an error, never expanded.
    for (name, decl) in [
        ("lol", r#"<!ENTITY lol "lol">"#),
        ("xxe", r#"<!ENTITY xxe SYSTEM "file:///etc/passwd">"#),
    ] {
        let bad = format!(
            r#"<?xml version="1.0"?><!DOCTYPE xliff [{decl}]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ar">
<file id="f1"><unit id="u1"><segment><source>x &{name}; y</source></segment></unit></file></xliff>"#
        );
        match xliff::read(&bad, "bad.xlf") {
            Err(Error::Parse { input, line, .. }) => {
                assert_eq!(input, "bad.xlf");
                assert_eq!(
                    line, 3,
                    "the error should point at the line with the entity"
                );
            }
            other => panic!("entity {name} was not rejected: {other:?}"),
        }
    }
}

#[test]
fn malformed_and_foreign_files_are_errors() {
    for (text, what) in [
        (
            "<xliff version=\"2.0\"><file id=\"f\"><unit id=\"u\">",
            "unclosed",
        ),
        ("<html><body/></html>", "not xliff"),
        ("", "empty"),
        (
            "<xliff version=\"2.0\"><file></unit></file></xliff>",
            "mismatched end",
        ),
        ("<xliff version=\"3.0\"><file/></xliff>", "unknown version"),
    ] {
        assert!(
            matches!(xliff::read(text, "x"), Err(Error::Parse { .. })),
            "{what} should be a parse error"
        );
    }
}

#[test]
fn reads_xliff2_from_other_tools() {
    // No segment ids, inline codes, <cp>, nested <pc>, an ignorable, two files.
    let x = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ar" trgLang="fr">
 <file id="a"><unit id="1">
  <originalData><data id="d1">&lt;b&gt;</data></originalData>
  <segment><source>أ<ph id="1" dataRef="d1"/>ب<cp hex="0007"/></source><target>a<ph id="1" dataRef="d1"/>b<pc id="2">c<mrk id="m" type="term">d</mrk></pc></target></segment>
  <ignorable><source> </source></ignorable>
  <segment state="initial"><source>ج</source><target></target></segment>
 </unit></file>
 <file id="b"><unit id="2"><segment id="x"><source>د</source></segment></unit></file>
</xliff>"#;
    let d = xliff::read(x, "t").unwrap();
    assert_eq!(d.version, XliffVersion::V2);
    assert_eq!(d.id, "a");
    assert_eq!(d.target_lang, "fr");
    let segs: Vec<_> = d.units.iter().flat_map(|u| &u.segments).collect();
    assert_eq!(segs.len(), 3, "ignorables are not segments");
    assert_eq!(segs[0].id, "1-1");
    assert_eq!(segs[0].source, "أب\u{7}");
    assert_eq!(segs[0].target.as_deref(), Some("abcd"));
    assert_eq!(segs[1].target, None, "an empty target is no translation");
    assert_eq!((segs[2].id.as_str(), segs[2].source.as_str()), ("x", "د"));
}

#[test]
fn reads_xliff12_targets_by_mid_or_whole() {
    let x = r#"<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a.txt" source-language="ar" target-language="en" datatype="plaintext"><body>
  <trans-unit id="1"><source>أ. ب.</source>
   <seg-source><mrk mtype="seg" mid="1">أ.</mrk> <mrk mtype="seg" mid="2">ب.</mrk></seg-source>
   <target><mrk mtype="seg" mid="2">B.</mrk> <mrk mtype="seg" mid="1">A.</mrk></target>
   <alt-trans><target>wrong</target></alt-trans></trans-unit>
  <trans-unit id="2"><source>ج <g id="g1">د</g><x id="x1"/></source><target>C <g id="g1">D</g></target></trans-unit>
  <trans-unit id="3"><source>هـ. و.</source>
   <seg-source><mrk mtype="seg" mid="5">هـ.</mrk> <mrk mtype="seg" mid="6">و.</mrk></seg-source>
   <target>E. F.</target></trans-unit>
  <trans-unit id="4"><source>ز</source></trans-unit>
 </body></file></xliff>"#;
    let d = xliff::read(x, "t").unwrap();
    assert_eq!(d.version, XliffVersion::V1_2);
    assert_eq!(
        (
            d.id.as_str(),
            d.source_lang.as_str(),
            d.target_lang.as_str()
        ),
        ("a.txt", "ar", "en")
    );
    let u = &d.units;
    assert_eq!(u.len(), 4);
    let pairs = |i: usize| {
        u[i].segments
            .iter()
            .map(|s| (s.id.clone(), s.source.clone(), s.target.clone()))
            .collect::<Vec<_>>()
    };
    let s = |x: &str| x.to_string();
    assert_eq!(
        pairs(0),
        [
            (s("1"), s("أ."), Some(s("A."))),
            (s("2"), s("ب."), Some(s("B.")))
        ],
        "targets must be matched by mid, alt-trans ignored"
    );
    assert_eq!(pairs(1), [(s("2"), s("ج د"), Some(s("C D")))]);
    assert_eq!(
        pairs(2),
        [(s("3"), s("هـ. و."), Some(s("E. F.")))],
        "an unsegmented target for a segmented unit keeps the unit whole"
    );
    assert_eq!(pairs(3), [(s("4"), s("ز"), None)]);
}
