//! The input layer on every format it recognises, with files built here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::Write;
use std::path::Path;

use khulasa::input::{open, read_all, InputOptions, Record};
use khulasa::Document;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

fn read(paths: &[String]) -> Vec<Record> {
    read_all(paths, &InputOptions::default())
}

fn ok(r: &Record) -> &Document {
    match r {
        Ok(d) => d,
        Err(f) => panic!("expected a document, got failure: {}", f.error),
    }
}

fn zip_bytes(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default();
        for (name, data) in members {
            z.start_file(*name, o).unwrap();
            z.write_all(data).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

fn tar_bytes(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in members {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, name, *data).unwrap();
    }
    b.into_inner().unwrap()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn plain_text_utf8_with_bom_keeps_old_behaviour() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.txt", "\u{FEFF}مرحبا بالعالم".as_bytes());
    let recs = read(std::slice::from_ref(&p));
    assert_eq!(recs.len(), 1);
    let d = ok(&recs[0]);
    assert_eq!(d.id, "a");
    assert_eq!(d.source, p);
    assert_eq!(d.text, "مرحبا بالعالم", "the BOM must be dropped");
    assert_eq!(d.meta["encoding"], "UTF-8");
    assert_eq!(d.meta["format"], "text");
}

#[test]
fn windows_1256_file_is_detected_and_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let text = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد الوطني وتحسين الخدمات العامة في المدن والقرى.\n\
                وقال الوزير إن الخطة ستنفذ خلال السنوات الثلاث المقبلة بالتعاون مع القطاع الخاص.\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "test data must not be UTF-8"
    );
    let p = write(dir.path(), "cp.txt", &bytes);
    let recs = read(&[p]);
    let d = ok(&recs[0]);
    assert_eq!(
        d.meta["encoding"], "windows-1256",
        "chardetng should pick windows-1256"
    );
    assert_eq!(d.text, text);
}

#[test]
fn forced_encoding_is_used_and_unknown_label_fails_each_input() {
    let dir = tempfile::tempdir().unwrap();
    let text = "خبر قصير";
    let (bytes, _, _) = encoding_rs::ISO_8859_6.encode(text);
    let p = write(dir.path(), "iso.txt", &bytes);
    let opts = InputOptions {
        encoding: Some("iso-8859-6".into()),
        ..Default::default()
    };
    let recs = read_all(std::slice::from_ref(&p), &opts);
    let d = ok(&recs[0]);
    assert_eq!(d.text, text);
    assert_eq!(d.meta["encoding"], "ISO-8859-6");

    let bad = InputOptions {
        encoding: Some("no-such-encoding".into()),
        ..Default::default()
    };
    let recs = read_all(&[p.clone(), p], &bad);
    assert_eq!(recs.len(), 2);
    assert!(recs.iter().all(|r| r
        .as_ref()
        .is_err_and(|f| f.error.contains("unknown encoding"))));
}

#[test]
fn utf16_with_bom_both_endians() {
    let dir = tempfile::tempdir().unwrap();
    let text = "سطر أول\nSecond line";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let recs = read(&[
        write(dir.path(), "le.txt", &le),
        write(dir.path(), "be.txt", &be),
    ]);
    assert_eq!(ok(&recs[0]).text, text);
    assert_eq!(ok(&recs[0]).meta["encoding"], "UTF-16LE");
    assert_eq!(ok(&recs[1]).text, text);
    assert_eq!(ok(&recs[1]).meta["encoding"], "UTF-16BE");
}

#[test]
fn binary_file_is_a_failure_not_garbage() {
    let dir = tempfile::tempdir().unwrap();
    let bytes: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let recs = read(&[write(dir.path(), "blob.txt", &bytes)]);
    assert_eq!(recs.len(), 1);
    let f = recs[0].as_ref().unwrap_err();
    assert!(f.error.contains("binary"), "{}", f.error);
    assert_eq!(f.id, "blob");
}

#[test]
fn jsonl_with_malformed_line_and_line_without_text() {
    let dir = tempfile::tempdir().unwrap();
    let data = "{\"id\": \"a\", \"text\": \"نص أول\", \"title\": \"عنوان\"}\n\
                {\"id\": \"b\", \"text\": \n\
                \n\
                {\"id\": \"c\", \"lang\": \"ar\"}\n\
                {\"content\": \"نص بلا معرف\", \"n\": 3}\n";
    let p = write(dir.path(), "recs.jsonl", data.as_bytes());
    let recs = read(std::slice::from_ref(&p));
    assert_eq!(recs.len(), 4, "one record per non-blank line");
    let a = ok(&recs[0]);
    assert_eq!((a.id.as_str(), a.text.as_str()), ("a", "نص أول"));
    assert_eq!(a.source, format!("{p}:1"));
    assert_eq!(a.meta["title"], "عنوان");
    assert_eq!(a.meta["format"], "jsonl");
    let bad = recs[1].as_ref().unwrap_err();
    assert!(bad.error.contains(":2: not valid JSON"), "{}", bad.error);
    assert_eq!(bad.id, "recs#2");
    let notext = recs[2].as_ref().unwrap_err();
    assert_eq!(notext.id, "c");
    assert!(notext.error.contains("no string field"), "{}", notext.error);
    let d = ok(&recs[3]);
    assert_eq!(d.id, "recs#5", "line number kept across the blank line");
    assert_eq!(d.text, "نص بلا معرف", "`content` is a fallback text field");
    assert_eq!(d.meta["n"], "3");
}

#[test]
fn jsonl_overlong_line_is_skipped_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("{{\"text\": \"{}\"}}", "x".repeat(5000));
    let data = format!("{{\"text\": \"one\"}}\n{long}\n{{\"text\": \"three\"}}\n");
    let p = write(dir.path(), "long.jsonl", data.as_bytes());
    let opts = InputOptions {
        max_line_bytes: 1000,
        ..Default::default()
    };
    let recs = read_all(&[p], &opts);
    assert_eq!(recs.len(), 3);
    assert_eq!(ok(&recs[0]).text, "one");
    assert!(recs[1]
        .as_ref()
        .unwrap_err()
        .error
        .contains("over the limit"));
    assert_eq!(ok(&recs[2]).text, "three");
}

#[test]
fn json_array_file_and_single_object_file() {
    let dir = tempfile::tempdir().unwrap();
    let arr = r#"[
      {"url": "http://example.com/1", "title": "أ", "content": "النص الأول", "date_extracted": "2015-07-21"},
      {"id": 7, "body": "النص الثاني"},
      {"headline": "بلا نص"},
      42
    ]"#;
    let obj = "{\n  \"id\": \"solo\",\n  \"text\": \"مقالة واحدة\"\n}\n";
    let recs = read(&[
        write(dir.path(), "arr.json", arr.as_bytes()),
        write(dir.path(), "one.json", obj.as_bytes()),
    ]);
    assert_eq!(recs.len(), 5);
    let first = ok(&recs[0]);
    assert_eq!(
        first.id, "http://example.com/1",
        "url is the id when there is no id"
    );
    assert_eq!(first.text, "النص الأول");
    assert_eq!(first.meta["title"], "أ");
    assert_eq!(
        first.meta["date"], "2015-07-21",
        "date filled from date_extracted"
    );
    assert!(first.source.ends_with("arr.json#1"));
    assert_eq!(ok(&recs[1]).id, "7");
    assert_eq!(ok(&recs[1]).text, "النص الثاني");
    assert_eq!(recs[2].as_ref().unwrap_err().id, "arr#3");
    assert!(recs[3].as_ref().unwrap_err().error.contains("number"));
    let solo = ok(&recs[4]);
    assert_eq!(
        (solo.id.as_str(), solo.text.as_str()),
        ("solo", "مقالة واحدة")
    );
    assert_eq!(solo.meta["format"], "json");
}

#[test]
fn truncated_json_array_reads_what_is_whole() {
    let dir = tempfile::tempdir().unwrap();
    let arr = r#"[{"text": "one"}, {"text": "two"}, {"text": "thr"#;
    let recs = read(&[write(dir.path(), "cut.json", arr.as_bytes())]);
    assert_eq!(recs.len(), 3);
    assert_eq!(ok(&recs[1]).text, "two");
    assert!(recs[2].as_ref().unwrap_err().error.contains("cut off"));
}

#[test]
fn trec_file_with_three_docs_one_malformed() {
    let dir = tempfile::tempdir().unwrap();
    let sgml = "<DOC>\n<DOCNO>D-1</DOCNO>\n<TITLE>عنوان S&P</TITLE>\n<TIME>Mon, 26 Feb 2018</TIME>\n<SRC>BBC</SRC>\n\
                <TEXT>\nالسطر الأول.\nالسطر الثاني &amp; الأخير.\n</TEXT>\n</DOC>\n\
                <DOC>\n<DOCNO>D-2</DOCNO>\n<TEXT>لا نهاية لهذه الوثيقة\n\
                <DOC id=\"D-3\" type=\"story\">\n<HEADLINE>خبر</HEADLINE>\n<TEXT>\n<P>\nفقرة أولى\n</P>\n<P>فقرة ثانية</P>\n</TEXT>\n</DOC>\n";
    let p = write(dir.path(), "docs.sgml", sgml.as_bytes());
    let recs = read(std::slice::from_ref(&p));
    assert_eq!(recs.len(), 3, "every <DOC> gives one record");
    let d1 = ok(&recs[0]);
    assert_eq!(d1.id, "D-1");
    assert_eq!(d1.text, "السطر الأول.\nالسطر الثاني & الأخير.");
    assert_eq!(d1.meta["title"], "عنوان S&P", "a bare & is kept");
    assert_eq!(d1.meta["date"], "2018-02-26", "an RFC 2822 date as ISO");
    assert_eq!(
        d1.meta["time"], "Mon, 26 Feb 2018",
        "the element as written"
    );
    assert_eq!(d1.meta["src"], "BBC");
    assert_eq!(d1.meta["outlet"], "BBC");
    assert_eq!(d1.meta["format"], "trec");
    assert_eq!(d1.source, format!("{p}#1"));
    let bad = recs[1].as_ref().unwrap_err();
    assert_eq!(bad.id, "D-2");
    assert!(bad.error.contains("no </DOC>"), "{}", bad.error);
    let d3 = ok(&recs[2]);
    assert_eq!(d3.id, "D-3", "id attribute when there is no DOCNO");
    assert_eq!(d3.text, "فقرة أولى\n\nفقرة ثانية");
    assert_eq!(d3.meta["title"], "خبر");
    assert_eq!(d3.meta["type"], "story");
}

#[test]
fn zip_of_json_files() {
    let dir = tempfile::tempdir().unwrap();
    let day1 = br#"[{"source": "outlet", "url": "u1", "title": "t1", "content": "c1"}, {"url": "u2", "content": "c2"}]"#;
    let day2 = br#"{"id": "x", "text": "single"}"#;
    let z = zip_bytes(&[
        ("d/day1.json", day1),
        ("d/", b""),
        ("day2.json", day2),
        ("notes.md", b"skipped"),
    ]);
    let p = write(dir.path(), "days.zip", &z);
    let recs = read(std::slice::from_ref(&p));
    let ids: Vec<_> = recs.iter().map(|r| ok(r).id.clone()).collect();
    assert_eq!(
        ids,
        ["u1", "u2", "x"],
        "members in archive order; *.md not included"
    );
    let d = ok(&recs[0]);
    assert_eq!(d.source, format!("{p}!d/day1.json#1"));
    assert_eq!(d.meta["member"], "d/day1.json");
    assert_eq!(d.meta["path"], p);
    assert_eq!(
        d.meta["source"], "outlet",
        "the record's own fields stay in meta"
    );
    assert_eq!(ok(&recs[2]).source, format!("{p}!day2.json"));
}

#[test]
fn tar_gz_tgz_and_single_gz_detected_by_magic() {
    let dir = tempfile::tempdir().unwrap();
    let t = tar_bytes(&[
        ("a/one.txt", "واحد".as_bytes()),
        ("a/two.jsonl", b"{\"text\": \"t1\"}\n{\"text\": \"t2\"}\n"),
    ]);
    // Misleading names: formats must come from the bytes.
    let p1 = write(dir.path(), "archive.bin", &gzip(&t));
    let p2 = write(dir.path(), "plain.tar", &t);
    let p3 = write(dir.path(), "note.txt.gz", &gzip("نص مضغوط".as_bytes()));
    let recs = read(&[p1.clone(), p2, p3.clone()]);
    assert_eq!(recs.len(), 7);
    let d = ok(&recs[0]);
    assert_eq!((d.id.as_str(), d.text.as_str()), ("one", "واحد"));
    assert_eq!(d.source, format!("{p1}!a/one.txt"));
    assert_eq!(d.meta["compression"], "gzip");
    assert_eq!(ok(&recs[2]).text, "t2");
    assert_eq!(ok(&recs[2]).source, format!("{p1}!a/two.jsonl:2"));
    assert_eq!(ok(&recs[3]).text, "واحد");
    let g = ok(&recs[6]);
    assert_eq!((g.id.as_str(), g.text.as_str()), ("note", "نص مضغوط"));
    assert_eq!(g.source, p3);
}

#[test]
fn tar_long_member_names_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("{}/deep.txt", "d".repeat(150));
    let t = tar_bytes(&[(&long, b"text")]);
    let p = write(dir.path(), "long.tar", &t);
    let recs = read(std::slice::from_ref(&p));
    assert_eq!(ok(&recs[0]).source, format!("{p}!{long}"));
    assert_eq!(ok(&recs[0]).id, "deep");
}

#[test]
fn open_is_lazy_and_matches_read_all() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (0..100)
        .map(|i| format!("{{\"id\": \"r{i}\", \"text\": \"t{i}\"}}\n"))
        .collect();
    let p = write(dir.path(), "many.jsonl", lines.as_bytes());
    let opts = InputOptions::default();
    let mut it = open(std::slice::from_ref(&p), &opts);
    assert_eq!(ok(&it.next().unwrap()).id, "r0");
    assert_eq!(it.count(), 99);
    let all = read_all(&[p], &opts);
    assert_eq!(all.len(), 100);
    assert_eq!(ok(&all[99]).id, "r99");
}

#[test]
fn forced_jsonl_reads_any_text_as_records() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "data.txt", b"{\"body\": \"b\"}\nnot json\n");
    let opts = InputOptions {
        jsonl: true,
        ..Default::default()
    };
    let recs = read_all(&[p], &opts);
    assert_eq!(recs.len(), 2);
    assert_eq!(ok(&recs[0]).text, "b");
    assert!(recs[1].is_err());
}

#[test]
fn missing_input_is_a_failure() {
    let recs = read(&["/no/such/file.txt".to_string()]);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].as_ref().unwrap_err().id, "file");
}

#[test]
fn jsonl_overlong_second_line_is_reported_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let data = format!(
        "{{\"text\": \"one\"}}\n{}\n{{\"text\": \"three\"}}\n",
        "y".repeat(3000)
    );
    let p = write(dir.path(), "l2.jsonl", data.as_bytes());
    let opts = InputOptions {
        max_line_bytes: 1000,
        ..Default::default()
    };
    let recs = read_all(std::slice::from_ref(&p), &opts);
    assert_eq!(recs.len(), 3);
    assert_eq!(ok(&recs[0]).text, "one");
    assert_eq!(recs[1].as_ref().unwrap_err().source, format!("{p}:2"));
    assert_eq!(ok(&recs[2]).source, format!("{p}:3"));
}

#[test]
fn nested_id_and_text_fields_are_found_by_dotted_path() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("n.jsonl");
    std::fs::write(
        &p,
        "{\"meta\": {\"docid\": \"n1\"}, \"article\": {\"body\": \"نص الخبر هنا.\"}}\n",
    )
    .unwrap();
    let opts = khulasa::input::InputOptions {
        jsonl: true,
        id_field: "meta.docid".into(),
        text_field: "article.body".into(),
        ..Default::default()
    };
    let recs = khulasa::input::read_all(&[p.display().to_string()], &opts);
    assert_eq!(recs.len(), 1);
    let d = recs[0].as_ref().expect("the nested record is read");
    assert_eq!((d.id.as_str(), d.text.as_str()), ("n1", "نص الخبر هنا."));
}
