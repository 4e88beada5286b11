//! Review 9 findings on inputs: FIFO / process-substitution input (#7), the
//! input's own title, outlet and date (item 6), `batch --resume` (#8).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use khulasa::input::{self, InputOptions};
use khulasa::render::BriefView;
use khulasa::{Document, Pipeline};

mod common;
use common::{khulasa, run, run_with_stdin};

const BODY: &str = "أعلنت قوات سوريا الديمقراطية هدنة في الرقة اليوم.\n\
                    وقال المتحدث إن الهدنة صامدة حتى الآن.\n\
                    وأضاف أن القافلة وصلت إلى المدينة مساء الأحد.\n";

/// A FIFO in `dir` that a thread fills with `bytes` once a reader opens it.
fn fifo(dir: &Path, name: &str, bytes: Vec<u8>) -> (PathBuf, std::thread::JoinHandle<()>) {
    let path = dir.join(name);
    let made = Command::new("mkfifo").arg(&path).status().unwrap();
    assert!(made.success(), "mkfifo failed");
    let p = path.clone();
    let writer = std::thread::spawn(move || {
        let mut f = std::fs::OpenOptions::new().write(true).open(p).unwrap();
        // The reader may stop early on an error: a broken pipe is fine here.
        let _ = f.write_all(&bytes);
    });
    (path, writer)
}

#[test]
fn issue_7_a_fifo_is_read_as_a_stream() {
    let dir = tempfile::tempdir().unwrap();
    let (path, writer) = fifo(dir.path(), "in.txt", BODY.as_bytes().to_vec());
    let recs = input::read_all(&[path.display().to_string()], &InputOptions::default());
    writer.join().unwrap();
    assert_eq!(recs.len(), 1);
    let d = recs[0].as_ref().expect("the FIFO's text is a document");
    assert_eq!(d.text, BODY);
    assert_eq!(d.id, "in");
}

#[test]
fn issue_7_a_fifo_of_jsonl_gives_every_line() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = "{\"id\": \"a\", \"text\": \"one\"}\n{\"id\": \"b\", \"text\": \"two\"}\n";
    let (path, writer) = fifo(dir.path(), "day", jsonl.as_bytes().to_vec());
    let recs = input::read_all(&[path.display().to_string()], &InputOptions::default());
    writer.join().unwrap();
    let ids: Vec<_> = recs
        .iter()
        .map(|r| r.as_ref().unwrap().id.clone())
        .collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn issue_7_summarize_reads_a_fifo_and_stdin_alike() {
    let dir = tempfile::tempdir().unwrap();
    let (path, writer) = fifo(dir.path(), "f.txt", BODY.as_bytes().to_vec());
    let from_fifo = run(khulasa().arg("summarize").arg(&path));
    writer.join().unwrap();
    assert!(
        from_fifo.status.success(),
        "{}",
        String::from_utf8_lossy(&from_fifo.stderr)
    );
    let from_stdin = run_with_stdin(&["summarize", "-"], BODY);
    assert!(from_stdin.status.success());
    assert!(!from_fifo.stdout.is_empty());
    assert_eq!(from_fifo.stdout, from_stdin.stdout);
}

fn article_of(name: &str, bytes: &str) -> khulasa::Article {
    let recs: Vec<_> =
        input::open_bytes(name, bytes.as_bytes().to_vec(), &InputOptions::default()).collect();
    assert_eq!(recs.len(), 1);
    let doc: Document = recs.into_iter().next().unwrap().unwrap();
    Pipeline::builder().build().unwrap().process(doc)
}

fn json_article(title: &str, text: &str) -> String {
    serde_json::json!({
        "source": "alriyadh",
        "url": "http://example.com/a/1",
        "date_extracted": "2015-07-23 19:28:17",
        "title": title,
        "author": "",
        "content": text,
    })
    .to_string()
}

#[test]
fn item_6_json_title_outlet_and_date_win_over_guesses() {
    let a = article_of("day.json", &json_article("هدنة جديدة في الرقة", BODY));
    assert_eq!(a.doc.meta["title"], "هدنة جديدة في الرقة");
    assert_eq!(a.doc.meta["outlet"], "alriyadh");
    assert_eq!(a.doc.meta["date"], "2015-07-23 19:28:17");
    // Before: the title was the first body sentence.
    assert_eq!(a.title(), "هدنة جديدة في الرقة");
    let p = Pipeline::builder().build().unwrap();
    let v = BriefView::new(&a, p.glossary());
    assert_eq!(v.title, "هدنة جديدة في الرقة");
    assert_eq!(v.meta.source.as_deref(), Some("alriyadh"));
    assert_eq!(v.meta.date.as_deref(), Some("2015-07-23"));
    // The text does not hold the title, so its first sentence is body.
    assert!(v.summary[0].starts_with("أعلنت قوات"), "{:?}", v.summary);
}

#[test]
fn item_6_a_text_opening_with_its_title_line_does_not_repeat_it() {
    let text = format!("  هدنة  جديدة في الرقة\n{BODY}");
    let a = article_of("day.json", &json_article("هدنة جديدة في الرقة", &text));
    let p = Pipeline::builder().build().unwrap();
    let v = BriefView::new(&a, p.glossary());
    assert_eq!(v.title, "هدنة جديدة في الرقة");
    assert_eq!(v.summary.len(), 3, "{:?}", v.summary);
    assert!(
        v.summary.iter().all(|s| !s.contains("هدنة جديدة")),
        "the title line is in the summary: {:?}",
        v.summary
    );
}

#[test]
fn item_6_a_text_that_only_begins_with_the_title_words_keeps_them_as_body() {
    // `TITLE هو …`: the title's words open a body sentence, not a title line.
    let text = "الهدنة هو ما أعلنته قوات سوريا الديمقراطية في الرقة اليوم.\n\
                وقال المتحدث إن الهدنة صامدة حتى الآن.\n";
    let a = article_of("day.json", &json_article("الهدنة", text));
    let p = Pipeline::builder().build().unwrap();
    let v = BriefView::new(&a, p.glossary());
    assert_eq!(v.title, "الهدنة");
    assert!(
        v.summary.iter().any(|s| s.starts_with("الهدنة هو")),
        "{:?}",
        v.summary
    );
}

#[test]
fn item_6_trec_title_src_and_rfc2822_time() {
    let sgml = format!(
        "<DOC>\n<DOCNO>AL-1</DOCNO>\n<SRC>alarabia</SRC>\n<TITLE>هدنة جديدة في الرقة</TITLE>\n\
         <TIME>Wed, 07 Mar 2018 22:38:06 +0400</TIME>\n<TEXT>\nهدنة جديدة في الرقة\n{BODY}</TEXT>\n</DOC>\n"
    );
    let a = article_of("ant.txt", &sgml);
    assert_eq!(a.doc.meta["outlet"], "alarabia");
    assert_eq!(a.doc.meta["src"], "alarabia");
    assert_eq!(a.doc.meta["date"], "2018-03-07");
    assert_eq!(a.doc.meta["time"], "Wed, 07 Mar 2018 22:38:06 +0400");
    let p = Pipeline::builder().build().unwrap();
    let v = BriefView::new(&a, p.glossary());
    assert_eq!(v.title, "هدنة جديدة في الرقة");
    assert_eq!(v.meta.source.as_deref(), Some("alarabia"));
    assert_eq!(v.meta.date.as_deref(), Some("2018-03-07"));
    assert!(v.summary.iter().all(|s| !s.contains("هدنة جديدة")));
}

#[test]
fn item_6_batch_record_title_is_the_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("day.json");
    std::fs::write(
        &p,
        format!("[{}]", json_article("هدنة جديدة في الرقة", BODY)),
    )
    .unwrap();
    let o = run(khulasa().args(["batch", "-q"]).arg(&p));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["title"], "هدنة جديدة في الرقة");
    assert_eq!(r["meta"]["title"], "هدنة جديدة في الرقة");
    assert_eq!(r["meta"]["source"], "alriyadh");
    assert_eq!(r["meta"]["date"], "2015-07-23");
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn issue_8_resume_redoes_error_records_and_names_do_not_shift() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("rs");
    let out = dir.path().join("rso");
    std::fs::create_dir(&inp).unwrap();
    std::fs::write(inp.join("b.txt"), "قال الرئيس إن الهدنة صامدة.\n").unwrap();
    std::fs::write(
        inp.join("c.txt"),
        b"\x7fELF\x00\x00\x00\x01\x02\x00\x00binary",
    )
    .unwrap();
    std::fs::write(inp.join("d.txt"), "وصلت القافلة إلى المدينة.\n").unwrap();
    let batch = |resume: bool| {
        let mut c = khulasa();
        c.args(["batch", "-q"])
            .arg(&inp)
            .arg("--out")
            .arg(format!("{}/", out.display()));
        if resume {
            c.arg("--resume");
        }
        run(&mut c)
    };
    assert_eq!(batch(false).status.code(), Some(1));
    let first = names(&out);
    assert_eq!(first.len(), 3, "{first:?}");
    let c_file = first.iter().find(|n| n.starts_with("c_")).unwrap().clone();
    let before: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join(&c_file)).unwrap()).unwrap();
    assert!(before.get("error").is_some());

    // c.txt fixed, a new input sorted first: only c and a0 are processed.
    std::fs::write(inp.join("c.txt"), BODY).unwrap();
    std::fs::write(inp.join("a0.txt"), "قال الرئيس إن الهدنة صامدة.\n").unwrap();
    let b_mtime = |n: &str| std::fs::metadata(out.join(n)).unwrap().modified().unwrap();
    let b_file = first.iter().find(|n| n.starts_with("b_")).unwrap().clone();
    let b_before = b_mtime(&b_file);
    let o = batch(true);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let second = names(&out);
    assert_eq!(second.len(), 4, "one file per document: {second:?}");
    assert!(
        first.iter().all(|n| second.contains(n)),
        "{first:?} -> {second:?}"
    );
    let after: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join(&c_file)).unwrap()).unwrap();
    assert!(after.get("error").is_none(), "{after}");
    assert_eq!(after["source"], inp.join("c.txt").display().to_string());
    assert!(!after["summary"].as_array().unwrap().is_empty(), "{after}");
    assert_eq!(b_mtime(&b_file), b_before, "a done record is not rewritten");
}

#[test]
fn issue_8_same_source_and_id_twice_get_two_files() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(&p, "قال الرئيس إن الهدنة صامدة.\n").unwrap();
    let out = dir.path().join("o");
    let o = run(khulasa()
        .args(["batch", "-q"])
        .arg(&p)
        .arg(&p)
        .arg("--out")
        .arg(format!("{}/", out.display())));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let n = names(&out);
    assert_eq!(n.len(), 2, "{n:?}");
    assert!(n[0].starts_with("a_") && n[0].ends_with("-2.json") || n[1].ends_with("-2.json"));
}
