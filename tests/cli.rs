//! End-to-end tests of the `khulasa` binary, each in its own temp directory.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod common;
use common::{khulasa, run, run_with_stdin};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn seed_files() -> Vec<PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

#[test]
fn brief_without_input_briefs_the_bundled_seeds() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b");
    let o = run(khulasa().args(["brief", "--quiet", "--out"]).arg(&out));
    assert!(
        o.status.success(),
        "brief failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(out.join("index.md").is_file(), "index.md missing");
    for seed in seed_files() {
        let stem = seed.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&seed).unwrap();
        for ext in ["md", "html", "json"] {
            assert!(
                out.join(format!("{stem}.{ext}")).is_file(),
                "{stem}.{ext} missing"
            );
        }
        let json: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(out.join(format!("{stem}.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(json["id"], stem.as_str());
        let summary = json["summary"]
            .as_array()
            .expect("summary is an array of sentences");
        assert!(
            (3..=5).contains(&summary.len()),
            "{stem}: summary has {} sentences, want 3-5",
            summary.len()
        );
        for s in summary {
            let s = s.as_str().unwrap();
            assert!(
                text.contains(s),
                "{stem}: summary sentence is not verbatim from the article: {s}"
            );
        }
        let terms = json["terms"].as_array().unwrap();
        for t in terms {
            assert!(
                t["ar"].is_string() && t["en"].is_string() && t["count"].as_u64().unwrap() >= 1,
                "{stem}: bad term row {t}"
            );
        }
    }
}

#[test]
fn every_seed_briefing_lists_at_least_eight_terms() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(khulasa()
        .args(["brief", "--quiet", "--format", "json", "--out"])
        .arg(dir.path()));
    assert!(o.status.success());
    for seed in seed_files() {
        let stem = seed.file_stem().unwrap().to_string_lossy().into_owned();
        let json: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.path().join(format!("{stem}.json"))).unwrap(),
        )
        .unwrap();
        let n = json["terms"].as_array().unwrap().len();
        assert!(n >= 8, "{stem}: only {n} distinct glossary terms; the bundled glossary probably lacks the seed's vocabulary");
    }
}

#[test]
fn bad_inputs_are_reported_and_the_rest_still_briefed() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    std::fs::write(inp.join("a_empty.txt"), "").unwrap();
    std::fs::write(inp.join("b_space.txt"), " \n\t\n  ").unwrap();
    // Binary junk (NUL bytes, no valid text encoding) must be an error, not garbage text.
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8 & 0x8f)
        .collect();
    std::fs::write(inp.join("c_binary.txt"), junk).unwrap();
    std::fs::copy(&seed_files()[1], inp.join("d_good.txt")).unwrap();
    let out = dir.path().join("out");
    let o = run(khulasa().arg("brief").arg(&inp).arg("--out").arg(&out));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(1),
        "partial failure must exit 1; stderr: {stderr}"
    );
    assert!(
        stderr.contains("c_binary.txt"),
        "the error must name the bad input: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        out.join("d_good.md").is_file(),
        "the good document must still be briefed"
    );
    // Empty and blank documents give an (empty) briefing, not an error.
    assert!(out.join("a_empty.md").is_file() && out.join("b_space.md").is_file());
    let index = std::fs::read_to_string(out.join("index.md")).unwrap();
    assert!(
        index.contains("c_binary"),
        "the index lists the failed input too"
    );
}

#[test]
fn output_is_identical_with_one_or_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for (out, n) in [(&a, "1"), (&b, "2")] {
        let o = run(khulasa()
            .args(["brief", "-q", "--threads", n, "--out"])
            .arg(out));
        assert!(o.status.success());
    }
    let mut names: Vec<_> = std::fs::read_dir(&a)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert!(names.len() >= 16);
    for name in names {
        assert_eq!(
            std::fs::read(a.join(&name)).unwrap(),
            std::fs::read(b.join(&name)).unwrap(),
            "{name:?} differs between 1 and 2 threads"
        );
    }
}

#[test]
fn split_jsonl_gives_code_point_offsets_into_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let text = "عنوان الخبر\nقال الوزير إن الهدنة صامدة. وأضاف: لا تغيير!";
    std::fs::write(
        &input,
        serde_json::json!({"id": "x1", "text": text}).to_string() + "\n",
    )
    .unwrap();
    let o = run(khulasa()
        .args(["split", "--jsonl", "--format", "jsonl"])
        .arg(&input));
    assert!(o.status.success());
    let rec: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rec["id"], "x1");
    let chars: Vec<char> = text.chars().collect();
    let got: Vec<String> = rec["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let (s, e) = (
                p[0].as_u64().unwrap() as usize,
                p[1].as_u64().unwrap() as usize,
            );
            chars[s..e].iter().collect()
        })
        .collect();
    assert_eq!(
        got,
        [
            "عنوان الخبر",
            "قال الوزير إن الهدنة صامدة.",
            "وأضاف: لا تغيير!"
        ]
    );
    assert_eq!(rec["langs"][0], "ar");
}

#[test]
fn stdin_is_read_with_dash() {
    let o = run_with_stdin(&["split", "-"], "جملة أولى. جملة ثانية؟");
    assert!(o.status.success());
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "جملة أولى.\nجملة ثانية؟\n"
    );
}

#[test]
fn missing_input_is_one_clear_error() {
    let o = run(khulasa().args(["split", "/nonexistent/file.txt"]));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "nothing could be done: exit 2");
    assert!(stderr.contains("/nonexistent/file.txt"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one error line: {stderr}");
}

#[test]
fn malformed_template_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("tpl");
    std::fs::create_dir(&t).unwrap();
    std::fs::write(t.join("brief.md.j2"), "ok\n{% for x in %}\n").unwrap();
    let o = run(khulasa()
        .args(["brief", "-q", "--templates"])
        .arg(&t)
        .arg("--out")
        .arg(dir.path().join("o")));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr.contains("brief.md.j2") && stderr.contains("line 2"),
        "{stderr}"
    );
}

#[test]
fn article_text_is_never_template_code_and_html_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("x.txt");
    std::fs::write(&input, "عنوان <script>alert(1)</script>\nقال الوزير {{ 7*7 }} إن الهدنة صامدة في الرقة. وأضاف أن القافلة وصلت <b>اليوم</b>.").unwrap();
    let out = dir.path().join("o");
    let o = run(khulasa()
        .arg("brief")
        .arg("-q")
        .arg(&input)
        .arg("--out")
        .arg(&out));
    assert!(o.status.success());
    let html = std::fs::read_to_string(out.join("x.html")).unwrap();
    assert!(!html.contains("<script>"), "script tag must be escaped");
    assert!(html.contains("&lt;script&gt;"));
    assert!(
        html.contains("{{ 7*7 }}") && !html.contains("49"),
        "input must not be evaluated"
    );
    assert!(html.contains(r#"lang="ar" dir="rtl""#));
}

/// Standard output of a successful run.
fn stdout_of(cmd: &mut Command) -> String {
    let o = run(cmd);
    assert!(
        o.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn review9_out_follows_a_symlink_and_replaces_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let seed = &seed_files()[1];
    let want = stdout_of(khulasa().arg("summarize").arg(seed));
    std::fs::write(dir.path().join("tgt.txt"), "old\n").unwrap();
    let link = dir.path().join("L");
    std::os::unix::fs::symlink("tgt.txt", &link).unwrap();
    stdout_of(khulasa().arg("summarize").arg(seed).arg("--out").arg(&link));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link itself was replaced"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("tgt.txt")).unwrap(),
        want
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 2, "a temporary file was left behind");
}

#[cfg(target_os = "linux")]
#[test]
fn review9_out_writes_into_a_named_pipe() {
    use std::io::Read;
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("f");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    // A reader opened without blocking (O_NONBLOCK), so khulasa's open for
    // writing finds it; the summary (a few KiB) fits in the pipe's buffer.
    let mut reader = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(0o4000)
        .open(&fifo)
        .unwrap();
    let seed = &seed_files()[1];
    stdout_of(khulasa().arg("summarize").arg(seed).arg("--out").arg(&fifo));
    let mut got = String::new();
    reader.read_to_string(&mut got).unwrap();
    assert_eq!(got, stdout_of(khulasa().arg("summarize").arg(seed)));
    assert!(
        std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "the pipe was replaced by a file"
    );
}

#[test]
fn review9_out_to_a_directory_is_one_line_and_leaves_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    std::fs::create_dir(&d).unwrap();
    let o = run(khulasa()
        .arg("summarize")
        .arg(&seed_files()[1])
        .arg("--out")
        .arg(&d));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!("{} is a directory", d.display())) && !stderr.contains(".d.tmp"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// Runs khulasa with its standard output a pipe whose reader is gone.
fn run_into_closed_pipe(args: &[&str], dir: &Path) -> Output {
    let mut child = khulasa()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn review9_a_closed_pipe_ends_quietly_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.tsv"), "x\n").unwrap();
    for args in [
        &["templates", "list"][..],
        &["glossary", "check", "bad.tsv"],
    ] {
        let o = run_into_closed_pipe(args, dir.path());
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(o.status.code(), Some(101), "{args:?}");
    }
    let o = run_into_closed_pipe(&["templates", "list"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stderr.is_empty());
}

#[test]
fn review9_inputs_walked_or_filtered_to_nothing_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let e = dir.path().join("e");
    std::fs::create_dir(&e).unwrap();
    std::fs::write(e.join("a.pdf"), "%PDF").unwrap();
    std::fs::write(e.join("b.txt"), "جملة.").unwrap();
    for cmd in ["split", "summarize", "terms", "batch"] {
        let o = run(khulasa().arg(cmd).arg(&e).args(["--include", "*.md"]));
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {stderr}");
        assert!(
            stderr.starts_with("khulasa: error: no documents found in ")
                && stderr.contains(&e.display().to_string())
                && stderr.contains("--include '*.md'")
                && stderr.lines().count() == 1,
            "{cmd}: {stderr}"
        );
    }
    std::fs::remove_file(e.join("b.txt")).unwrap();
    let o = run(khulasa().arg("split").arg(&e));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("*.txt"));
    let o = run(khulasa().arg("split").arg(&e).args(["--include", "["]));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--include"));
    // An explicit empty file is still an (empty) document.
    std::fs::write(e.join("empty.txt"), "").unwrap();
    let o = run(khulasa().arg("split").arg(e.join("empty.txt")));
    assert!(o.status.success() && o.stdout.is_empty());
}

#[test]
fn review9_prep_skips_an_empty_document_without_failing() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let out = dir.path().join("p");
    let o = run(khulasa()
        .arg("prep")
        .arg(&seed_files()[1])
        .arg(&empty)
        .arg("--out")
        .arg(&out));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("empty.txt: skipped") && stderr.contains("1 empty document skipped"),
        "{stderr}"
    );
    assert!(stderr.contains("1 document prepared"), "{stderr}");
    let stem = seed_files()[1]
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(out.join(format!("{stem}.xlf")).is_file());
    assert!(!out.join("empty.xlf").exists());
}

#[test]
fn review9_several_documents_in_text_output_get_id_headers() {
    let seeds = seed_files();
    let ids: Vec<String> = seeds[..2]
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    for cmd in ["summarize", "split"] {
        let one: Vec<String> = seeds[..2]
            .iter()
            .map(|p| stdout_of(khulasa().arg(cmd).arg(p)))
            .collect();
        // One document: no header, as before.
        assert!(!one[0].starts_with("# ") && !one[0].is_empty(), "{cmd}");
        let both = stdout_of(khulasa().arg(cmd).args(&seeds[..2]));
        assert_eq!(
            both,
            format!("# {}\n{}\n# {}\n{}", ids[0], one[0], ids[1], one[1]),
            "{cmd}"
        );
    }
}

#[test]
fn review9_brief_refuses_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(khulasa()
        .args(["brief", "--out", "-"])
        .current_dir(dir.path()));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr.contains("--out DIR") && stderr.lines().count() == 1,
        "{stderr}"
    );
    assert!(!dir.path().join("-").exists());
}

#[test]
fn review9_unknown_template_names_are_warned() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("tpl");
    std::fs::create_dir(&t).unwrap();
    std::fs::write(t.join("brefi.md.j2"), "x\n").unwrap();
    let o = run(khulasa()
        .args(["brief", "-q", "--templates"])
        .arg(&t)
        .arg("--out")
        .arg(dir.path().join("o"))
        .arg(&seed_files()[1]));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("brefi.md.j2") && stderr.contains("known names: brief.md.j2"),
        "{stderr}"
    );
}

#[test]
fn review9_help_and_counts_say_what_happens() {
    let help = |cmd: &str| stdout_of(khulasa().args([cmd, "--help"]));
    for cmd in ["split", "summarize", "terms"] {
        assert!(help(cmd).contains("No INPUT: standard input"), "{cmd}");
    }
    let brief = help("brief");
    assert!(brief.contains("digest") && brief.contains("no index.txt"));
    let terms = help("terms");
    for ext in [".tsv", ".csv", ".json", ".tbx", ".tbx2008.tbx", ".utf8"] {
        assert!(terms.contains(ext), "--glossary help lacks {ext}");
    }
    let dir = tempfile::tempdir().unwrap();
    let o = run(khulasa()
        .arg("brief")
        .arg("--out")
        .arg(dir.path().join("o"))
        .arg(&seed_files()[1]));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("khulasa: 1 briefing in "), "{stderr}");
}
