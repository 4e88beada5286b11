//! Directory walking: order, include/exclude globs, hidden files, files
//! without extension, symbolic links.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::Write;
use std::path::Path;

use khulasa::input::{read_all, InputOptions, Record};

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

fn ids(recs: &[Record]) -> Vec<String> {
    recs.iter()
        .map(|r| match r {
            Ok(d) => d.id.clone(),
            Err(f) => format!("ERR:{}", f.id),
        })
        .collect()
}

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "b.txt", "ب".as_bytes());
    write(d, "a.txt", "أ".as_bytes());
    write(d, "notes.md", b"not read by default");
    write(d, "sub/c.txt", b"c");
    write(
        d,
        "sub/deeper/d.jsonl",
        b"{\"id\": \"d1\", \"text\": \"x\"}\n{\"id\": \"d2\", \"text\": \"y\"}\n",
    );
    write(d, "sub/e.txt.bak", b"backup");
    write(d, "drafts/f.txt", b"draft");
    write(d, ".git/HEAD.txt", b"hidden");
    write(d, ".hidden.txt", b"hidden");
    // No extension: read, format found from the bytes (here a zip).
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file("g.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(b"zipped").unwrap();
        z.finish().unwrap();
    }
    write(d, "sub/BUNDLE", &buf.into_inner());
    dir
}

#[test]
fn default_walk_is_sorted_recursive_and_skips_hidden() {
    let dir = tree();
    let recs = read_all(
        &[dir.path().display().to_string()],
        &InputOptions::default(),
    );
    assert_eq!(
        ids(&recs),
        ["a", "b", "f", "g", "c", "d1", "d2"],
        "sorted by name at each level: drafts/ < sub/, BUNDLE < c.txt < deeper/"
    );
    let g = recs[3].as_ref().unwrap();
    assert!(g.source.ends_with("sub/BUNDLE!g.txt"), "{}", g.source);
}

#[test]
fn include_and_exclude_globs() {
    let dir = tree();
    let root = dir.path().display().to_string();
    let opts = InputOptions {
        include: vec!["*.txt".into(), "*.bak".into()],
        exclude: vec!["drafts".into(), "sub/deeper/**".into()],
        ..Default::default()
    };
    let recs = read_all(std::slice::from_ref(&root), &opts);
    assert_eq!(ids(&recs), ["a", "b", "c", "e.txt"]);
    let only_sub = InputOptions {
        include: vec!["sub/**/*.jsonl".into()],
        ..Default::default()
    };
    assert_eq!(
        ids(&read_all(std::slice::from_ref(&root), &only_sub)),
        ["d1", "d2"]
    );
    let hidden = InputOptions {
        include: vec!["*.txt".into()],
        hidden: true,
        ..Default::default()
    };
    let with_hidden = ids(&read_all(&[root], &hidden));
    assert!(
        with_hidden.contains(&".hidden".to_string()),
        "{with_hidden:?}"
    );
    assert!(with_hidden.contains(&"HEAD".to_string()), "{with_hidden:?}");
}

#[test]
fn a_file_named_directly_is_read_whatever_its_name() {
    let dir = tree();
    let p = dir.path().join("notes.md").display().to_string();
    let recs = read_all(&[p], &InputOptions::default());
    assert_eq!(recs[0].as_ref().unwrap().text, "not read by default");
}

#[cfg(unix)]
#[test]
fn symlinks_outside_the_tree_are_not_followed_and_loops_end() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.txt", b"outside");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "in/a.txt", b"inside");
    symlink(outside.path().join("secret.txt"), d.join("in/leak.txt")).unwrap();
    symlink(outside.path(), d.join("in/leakdir")).unwrap();
    symlink(d.join("in"), d.join("in/loop")).unwrap(); // a loop back up
    symlink(d.join("in/a.txt"), d.join("in/z-alias.txt")).unwrap(); // inside: followed
    symlink(d.join("missing.txt"), d.join("in/broken.txt")).unwrap();
    let recs = read_all(&[d.display().to_string()], &InputOptions::default());
    let texts: Vec<&str> = recs
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(
        texts,
        ["inside", "inside"],
        "the alias inside the tree is read, nothing outside"
    );
    let errs: Vec<&str> = recs
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|f| f.error.as_str())
        .collect();
    assert_eq!(
        errs.len(),
        3,
        "leak.txt, leakdir and broken.txt are reported: {errs:?}"
    );
    assert_eq!(
        errs.iter()
            .filter(|e| e.contains("outside the input tree"))
            .count(),
        2,
        "{errs:?}"
    );
    assert!(
        errs.iter().any(|e| e.contains("broken symbolic link")),
        "{errs:?}"
    );
}
