//! Writing outputs: standard output or files, always atomically.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// A destination that is standard output (`-`) or a file written atomically.
pub enum Sink {
    Stdout(BufWriter<io::Stdout>),
    File {
        tmp: PathBuf,
        dest: PathBuf,
        w: BufWriter<File>,
    },
}

impl Sink {
    pub fn open(dest: &str) -> Result<Sink> {
        if dest == "-" {
            return Ok(Sink::Stdout(BufWriter::new(io::stdout())));
        }
        let dest = PathBuf::from(dest);
        let tmp = tmp_path(&dest);
        let f = File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
        Ok(Sink::File {
            tmp,
            dest,
            w: BufWriter::new(f),
        })
    }

    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush().context("writing to standard output"),
            Sink::File { tmp, dest, mut w } => {
                w.flush()
                    .with_context(|| format!("writing {}", tmp.display()))?;
                drop(w);
                std::fs::rename(&tmp, &dest).with_context(|| {
                    format!("cannot rename {} to {}", tmp.display(), dest.display())
                })
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File { w, .. } => w.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File { w, .. } => w.flush(),
        }
    }
}

fn tmp_path(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dest.with_file_name(format!(".{name}.tmp{}", std::process::id()))
}

/// Writes `contents` to `dest` through a temporary file and a rename.
pub fn write_atomic(dest: &Path, contents: &[u8]) -> Result<()> {
    let tmp = tmp_path(dest);
    std::fs::write(&tmp, contents).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, dest)
        .with_context(|| format!("cannot rename {} to {}", tmp.display(), dest.display()))
}

/// A file name made from a document id: path separators and control or
/// reserved characters become `_`, so the name never leaves the directory.
pub fn safe_file_stem(id: &str) -> String {
    let mut s: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(120)
        .collect();
    while s.starts_with('.') {
        s.replace_range(..1, "_");
    }
    if s.is_empty() {
        s.push_str("doc");
    }
    s
}

/// Unique file stems for a list of ids, in order (`a`, `a-2`, `a-3`…).
pub fn unique_stems<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    ids.map(|id| {
        let base = safe_file_stem(id);
        let mut stem = base.clone();
        let mut n = 2;
        while !seen.insert(stem.to_lowercase()) {
            stem = format!("{base}-{n}");
            n += 1;
        }
        stem
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_stay_in_directory() {
        let s = safe_file_stem("../../etc/passwd");
        assert!(
            !s.contains('/') && !s.starts_with('.'),
            "{s} could leave the output directory"
        );
        assert_eq!(safe_file_stem(""), "doc");
        assert_eq!(
            unique_stems(["a", "A", "a"].into_iter()),
            ["a", "A-2", "a-3"]
        );
    }
}
