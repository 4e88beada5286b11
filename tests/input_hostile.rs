//! Hostile inputs for the readers (issue 9): path-traversal member names,
//! truncated and damaged archives, compression bombs, garbage bytes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::Write;
use std::path::Path;

use khulasa::input::{read_all, InputOptions, Record};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// A gzip stream that decompresses to `mib` MiB of `byte`: one compressed
/// MiB repeated as concatenated gzip members (about 1 KB each).
fn gzip_bomb(byte: u8, mib: usize) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(&vec![byte; 1 << 20]).unwrap();
    let one = e.finish().unwrap();
    let mut out = Vec::with_capacity(one.len() * mib);
    for _ in 0..mib {
        out.extend_from_slice(&one);
    }
    out
}

fn tar_header(name: &str, size: u64) -> Vec<u8> {
    let mut h = tar::Header::new_ustar();
    h.set_path(name).unwrap();
    h.set_size(size);
    h.set_mode(0o644);
    h.set_cksum();
    h.as_bytes().to_vec()
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

/// Text that does not compress much, so that cutting the gzip stream cuts
/// the members in it.
fn noisy_text(seed: u32, len: usize) -> String {
    let letters: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي ".chars().collect();
    let mut x = seed.wrapping_mul(2_654_435_761).max(1);
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            letters[(x as usize) % letters.len()]
        })
        .collect()
}

fn errors(recs: &[Record]) -> Vec<&str> {
    recs.iter()
        .filter_map(|r| r.as_ref().err())
        .map(|f| f.error.as_str())
        .collect()
}

#[test]
fn zip_member_names_are_never_paths() {
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("in");
    std::fs::create_dir(&inner).unwrap();
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default();
        z.start_file("../evil.txt", o).unwrap();
        z.write_all("شر".as_bytes()).unwrap();
        z.start_file("/abs/name.txt", o).unwrap();
        z.write_all("مطلق".as_bytes()).unwrap();
        z.start_file("ok/../../up.txt", o).unwrap();
        z.write_all(b"up").unwrap();
        z.finish().unwrap();
    }
    let p = write(&inner, "evil.zip", &buf.into_inner());
    let before: Vec<_> = walk_names(dir.path());
    let recs = read_all(std::slice::from_ref(&p), &InputOptions::default());
    assert_eq!(recs.len(), 3, "{:?}", errors(&recs));
    let docs: Vec<_> = recs.iter().map(|r| r.as_ref().unwrap()).collect();
    assert_eq!(docs[0].id, "evil");
    assert_eq!(docs[0].text, "شر");
    assert_eq!(
        docs[0].source,
        format!("{p}!../evil.txt"),
        "the name is kept as a string"
    );
    assert_eq!(docs[1].id, "name");
    assert_eq!(docs[1].meta["member"], "/abs/name.txt");
    assert_eq!(docs[2].id, "up");
    assert_eq!(
        walk_names(dir.path()),
        before,
        "reading must not write anything"
    );
    assert!(!dir.path().join("evil.txt").exists());
    assert!(!Path::new("/abs/name.txt").exists());
}

#[test]
fn members_without_a_name_still_yield_a_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default();
        z.start_file("", o).unwrap();
        z.write_all("بلا اسم.".as_bytes()).unwrap();
        z.start_file("named.txt", o).unwrap();
        z.write_all("له اسم.".as_bytes()).unwrap();
        z.finish().unwrap();
    }
    let zip = write(dir.path(), "unnamed.zip", &buf.into_inner());
    // tar::Builder refuses an empty path: write that header by hand.
    let body = "بلا اسم.".as_bytes();
    let mut h = tar::Header::new_ustar();
    h.set_size(body.len() as u64);
    h.set_mode(0o644);
    h.set_cksum();
    let mut tar = h.as_bytes().to_vec();
    tar.extend_from_slice(body);
    tar.resize(tar.len().div_ceil(512) * 512, 0);
    tar.extend(tar_bytes(&[("b.txt", "له اسم.".as_bytes())]));
    let tar = write(dir.path(), "unnamed.tar", &tar);
    for p in [zip, tar] {
        let recs = read_all(std::slice::from_ref(&p), &InputOptions::default());
        assert_eq!(recs.len(), 2, "{p}: {:?}", errors(&recs));
        let first = recs[0].as_ref().unwrap();
        assert_eq!(first.text, "بلا اسم.", "{p}");
        assert_eq!(first.source, format!("{p}!#1"), "named by its position");
        assert_eq!(recs[1].as_ref().unwrap().text, "له اسم.");
    }
}

fn walk_names(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p.clone());
            }
            out.push(p.display().to_string());
        }
    }
    out.sort();
    out
}

#[test]
fn truncated_tar_gz_reads_everything_before_the_cut() {
    let dir = tempfile::tempdir().unwrap();
    let texts: Vec<String> = (0..4).map(|i| noisy_text(i + 1, 20_000)).collect();
    let names = ["a.txt", "b.txt", "c.txt", "d.txt"];
    let members: Vec<(&str, &[u8])> = names
        .iter()
        .zip(&texts)
        .map(|(n, t)| (*n, t.as_bytes()))
        .collect();
    let full = gzip(&tar_bytes(&members));
    // Cut inside the third member's data.
    let cut = full.len() * 60 / 100;
    let p = write(dir.path(), "cut.tar.gz", &full[..cut]);
    let recs = read_all(&[p], &InputOptions::default());
    let ok: Vec<_> = recs.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert!(
        ok.len() >= 2,
        "members before the cut are read: {:?}",
        errors(&recs)
    );
    assert_eq!(ok[0].text, texts[0]);
    assert_eq!(ok[1].text, texts[1]);
    assert!(ok.len() < 4, "the cut member cannot be whole");
    let errs = errors(&recs);
    assert_eq!(errs.len(), 1, "exactly one failure for the cut: {errs:?}");
    assert!(
        errs[0].contains("rest of the archive is not read"),
        "{}",
        errs[0]
    );
    assert_eq!(recs.len(), ok.len() + 1);
}

#[test]
fn truncated_zip_falls_back_to_local_headers() {
    let dir = tempfile::tempdir().unwrap();
    let texts: Vec<String> = (0..3).map(|i| noisy_text(i + 7, 10_000)).collect();
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default();
        for (i, t) in texts.iter().enumerate() {
            z.start_file(format!("m{i}.txt"), o).unwrap();
            z.write_all(t.as_bytes()).unwrap();
        }
        z.finish().unwrap();
    }
    let full = buf.into_inner();
    let p = write(dir.path(), "cut.zip", &full[..full.len() * 80 / 100]);
    let recs = read_all(&[p], &InputOptions::default());
    let ok: Vec<_> = recs.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert!(ok.len() >= 2, "{:?}", errors(&recs));
    assert_eq!(ok[0].text, texts[0]);
    assert_eq!(ok[0].id, "m0");
    assert_eq!(errors(&recs).len(), 1, "{:?}", errors(&recs));
}

#[test]
fn gzip_bomb_of_zeros_stops_at_once_as_binary() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = gzip_bomb(0, 1024); // 1 GiB of zeros, about 1 MB compressed
    assert!(bomb.len() < 2 << 20);
    let p = write(dir.path(), "zeros.gz", &bomb);
    let recs = read_all(&[p], &InputOptions::default());
    assert_eq!(recs.len(), 1);
    let e = recs[0].as_ref().unwrap_err();
    assert!(e.error.contains("binary"), "{}", e.error);
}

#[test]
fn gzip_bomb_of_text_stops_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "aaa.txt.gz", &gzip_bomb(b'a', 1024));
    let opts = InputOptions {
        max_doc_bytes: 4 << 20,
        max_member_bytes: 4 << 20,
        ..Default::default()
    };
    let recs = read_all(&[p], &opts);
    assert_eq!(recs.len(), 1);
    let e = recs[0].as_ref().unwrap_err();
    assert!(
        e.error.contains("over the limit of 4194304 bytes"),
        "{}",
        e.error
    );
}

#[test]
fn tar_gz_bomb_member_is_refused_from_its_header() {
    let dir = tempfile::tempdir().unwrap();
    // A tar.gz whose second member claims (and holds) 1 GiB of zeros.
    let small = tar_bytes(&[("first.txt", "قبل القنبلة".as_bytes())]);
    let small = &small[..small.len() - 1024]; // drop the end-of-archive blocks
    let mut stream = gzip(small);
    stream.extend(gzip(&tar_header("bomb.txt", 1 << 30)));
    stream.extend(gzip_bomb(0, 1024));
    let p = write(dir.path(), "bomb.tar.gz", &stream);
    // Over four times the member limit: refused from the header, and the
    // archive ends there instead of decompressing 1 GiB to skip it.
    let opts = InputOptions {
        max_member_bytes: 64 << 20,
        ..Default::default()
    };
    let recs = read_all(&[p], &opts);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0].as_ref().unwrap().text, "قبل القنبلة");
    let e = recs[1].as_ref().unwrap_err();
    assert_eq!(e.id, "bomb");
    assert!(
        e.error.contains("1073741824 bytes, over the limit"),
        "{}",
        e.error
    );
    assert!(
        e.error.contains("rest of the archive is not read"),
        "{}",
        e.error
    );
}

#[test]
fn zip_member_over_the_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default();
        z.start_file("big.txt", o).unwrap();
        z.write_all(&vec![b' '; 3 << 20]).unwrap();
        z.start_file("small.txt", o).unwrap();
        z.write_all(b"small").unwrap();
        z.finish().unwrap();
    }
    let p = write(dir.path(), "big.zip", &buf.into_inner());
    let opts = InputOptions {
        max_member_bytes: 1 << 20,
        ..Default::default()
    };
    let recs = read_all(&[p], &opts);
    assert_eq!(recs.len(), 2);
    assert!(recs[0]
        .as_ref()
        .unwrap_err()
        .error
        .contains("over the limit"));
    assert_eq!(
        recs[1].as_ref().unwrap().text,
        "small",
        "members after it are still read"
    );
}

#[test]
fn corrupt_tar_header_ends_the_archive_with_one_failure() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = tar_bytes(&[("a.txt", b"one"), ("b.txt", b"two")]);
    t[1024 + 10] ^= 0xFF; // second header: checksum no longer matches
    let p = write(dir.path(), "bad.tar", &t);
    let recs = read_all(&[p], &InputOptions::default());
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0].as_ref().unwrap().text, "one");
    assert!(recs[1].as_ref().unwrap_err().error.contains("checksum"));
}

#[test]
fn nested_archive_in_archive_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let inner = tar_bytes(&[("x.txt", b"inner text")]);
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file("inner.tar.gz", zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(&gzip(&inner)).unwrap();
        z.finish().unwrap();
    }
    let p = write(dir.path(), "outer.zip", &buf.into_inner());
    let recs = read_all(std::slice::from_ref(&p), &InputOptions::default());
    assert_eq!(recs.len(), 1);
    let d = recs[0].as_ref().unwrap();
    assert_eq!(d.text, "inner text");
    assert_eq!(d.source, format!("{p}!inner.tar.gz!x.txt"));
    assert_eq!(d.meta["member"], "inner.tar.gz!x.txt");
}

#[test]
fn gzip_nested_in_itself_is_refused_not_recursed_forever() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = b"deep".to_vec();
    for _ in 0..12 {
        data = gzip(&data);
    }
    let p = write(dir.path(), "deep.gz", &data);
    let recs = read_all(&[p], &InputOptions::default());
    assert_eq!(recs.len(), 1);
    assert!(recs[0].as_ref().unwrap_err().error.contains("nested"));
}

mod garbage {
    use super::*;
    use proptest::prelude::*;

    fn read_bytes(prefix: &[u8], tail: &[u8]) -> Vec<Record> {
        let dir = tempfile::tempdir().unwrap();
        let mut bytes = prefix.to_vec();
        bytes.extend_from_slice(tail);
        let p = write(dir.path(), "x", &bytes);
        let opts = InputOptions {
            max_member_bytes: 1 << 20,
            ..Default::default()
        };
        read_all(&[p], &opts)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn arbitrary_bytes_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..3000),
                                       kind in 0usize..7) {
            let prefixes: [&[u8]; 7] = [b"", b"PK\x03\x04", b"PK\x05\x06", &[0x1f, 0x8b, 8, 0], b"<DOC>", b"[{", b"{\"text\":"];
            let recs = read_bytes(prefixes[kind], &tail);
            // A lone file gives at least one record, whatever it holds.
            prop_assert!(!recs.is_empty() || kind == 1 || kind == 2);
        }

        #[test]
        fn damaged_archives_never_panic(cut in 0usize..4000, flip in 0usize..4000) {
            let t = tar_bytes(&[("a.txt", b"one"), ("b.json", b"[{\"text\": \"x\"}]")]);
            let mut g = gzip(&t);
            let n = g.len();
            g[flip % n] ^= 0x5A;
            g.truncate(cut.min(n));
            let _ = read_bytes(&g, b"");
            let mut z = std::io::Cursor::new(Vec::new());
            {
                let mut w = zip::ZipWriter::new(&mut z);
                w.start_file("a.txt", zip::write::SimpleFileOptions::default()).unwrap();
                w.write_all(b"hello").unwrap();
                w.finish().unwrap();
            }
            let mut z = z.into_inner();
            let n = z.len();
            z[flip % n] ^= 0x5A;
            z.truncate(cut.min(n));
            let _ = read_bytes(&z, b"");
        }
    }
}
