//! `khulasa eval rouge` on bad prediction files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::process::{Command, Stdio};

fn eval(name: &str, refs: &str, pred: &str) -> (i32, String, String) {
    let dir = std::env::temp_dir().join(format!("khulasa-eval-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (r, p) = (dir.join("refs.jsonl"), dir.join("pred.jsonl"));
    std::fs::write(&r, refs).unwrap();
    std::fs::write(&p, pred).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_khulasa"))
        .args(["eval", "rouge", "--refs"])
        .arg(&r)
        .arg("--pred")
        .arg(&p)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const REFS: &str = "{\"id\":\"Topic1\",\"refs\":[\"a b\",\"a b\"],\"budget_words\":2}\n";

#[test]
fn a_duplicated_prediction_id_is_an_error_naming_it() {
    let pred = "{\"id\":\"Topic1\",\"summary\":\"a b\"}\n{\"id\":\"Topic1\",\"summary\":\"c\"}\n";
    let (code, stdout, stderr) = eval("dup", REFS, pred);
    assert_ne!(code, 0);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("\"Topic1\" occurs more than once"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn predictions_without_a_reference_are_reported_and_the_rest_scored() {
    let pred = "{\"id\":\"Topic1\",\"summary\":\"a b\"}\n{\"id\":\"Topic9\",\"summary\":\"c\"}\n";
    let (code, stdout, stderr) = eval("extra", REFS, pred);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("R1=100.00"), "{stdout}");
    assert!(
        stderr.contains("1 predictions have no reference"),
        "{stderr}"
    );
    assert!(stderr.contains("Topic9"), "{stderr}");
}

#[test]
fn missing_predictions_name_the_flag_that_allows_them() {
    let refs = format!("{REFS}{{\"id\":\"Topic3\",\"refs\":[\"c\"]}}\n");
    let (code, _, stderr) = eval(
        "missing",
        &refs,
        "{\"id\":\"Topic1\",\"summary\":\"a b\"}\n",
    );
    assert_ne!(code, 0);
    assert!(stderr.contains("--allow-missing"), "{stderr}");
}
