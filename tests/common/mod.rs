//! Helpers shared by the integration tests.

#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

use khulasa::Document;

/// The `*.txt` files of `dir` (relative to the crate root), sorted, as
/// documents with the file stem as id and `dir/file` as source.
pub fn load_dir(dir: &str) -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let mut d = Document::new(
                p.file_stem().unwrap().to_string_lossy(),
                std::fs::read_to_string(&p).unwrap(),
            );
            d.source = format!("{dir}/{}", p.file_name().unwrap().to_string_lossy());
            d
        })
        .collect()
}

/// The bundled seed articles.
pub fn seeds() -> Vec<Document> {
    load_dir("seeds")
}

/// The `khulasa` binary of this build.
pub fn khulasa() -> Command {
    Command::new(env!("CARGO_BIN_EXE_khulasa"))
}

/// Runs `cmd` with no standard input and collects its output.
pub fn run(cmd: &mut Command) -> Output {
    cmd.stdin(Stdio::null())
        .output()
        .expect("the khulasa binary runs")
}

/// Runs the binary with `args` and `input` on its standard input.
pub fn run_with_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = khulasa()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the khulasa binary runs");
    // Dropping the handle after writing closes the binary's input.
    child
        .stdin
        .take()
        .expect("a piped stdin")
        .write_all(input.as_bytes())
        .expect("the binary reads its input");
    child.wait_with_output().expect("the khulasa binary runs")
}
