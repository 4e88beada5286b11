//! Writing outputs: standard output or files. A regular (or new) file is
//! written to a temporary name in its directory and renamed, so no
//! half-written output is left; a symbolic link is followed and its target
//! replaced that way; a named pipe or a device is written in place.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// A destination that is standard output (`-`) or a file.
pub enum Sink {
    Stdout(BufWriter<io::Stdout>),
    /// A regular file, written to `tmp` and renamed to `dest` by [`Sink::finish`].
    File {
        tmp: TempFile,
        /// The path as the user gave it, for messages.
        dest: PathBuf,
        /// `dest` with symbolic links followed: the file replaced.
        target: PathBuf,
        w: BufWriter<File>,
    },
    /// A named pipe or character device, written straight into.
    Direct {
        dest: PathBuf,
        w: BufWriter<File>,
    },
}

/// A temporary file that is removed when dropped unless it was renamed.
pub struct TempFile {
    path: PathBuf,
    renamed: bool,
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.renamed {
            // Best effort: the error that made us give up is the one to report.
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

impl Sink {
    /// Opens `dest` (`-` is standard output).
    pub fn open(dest: &str) -> Result<Sink> {
        if dest == "-" {
            return Ok(Sink::Stdout(BufWriter::new(io::stdout())));
        }
        Sink::open_path(Path::new(dest))
    }

    /// Opens the file `dest` (see the module doc for what is replaced how).
    pub fn open_path(dest: &Path) -> Result<Sink> {
        let target = resolve_links(dest);
        if let Ok(meta) = std::fs::metadata(&target) {
            if meta.is_dir() {
                bail!(
                    "{} is a directory; give the name of a file to write",
                    dest.display()
                );
            }
            if is_pipe_or_device(&meta) {
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&target)
                    .with_context(|| format!("cannot write {}", dest.display()))?;
                return Ok(Sink::Direct {
                    dest: dest.to_path_buf(),
                    w: BufWriter::new(f),
                });
            }
        }
        let tmp = TempFile {
            path: tmp_path(&target),
            renamed: false,
        };
        let f = File::create(&tmp.path).with_context(|| {
            format!(
                "cannot write {} (creating a temporary file {} next to it)",
                dest.display(),
                tmp.path.display()
            )
        })?;
        Ok(Sink::File {
            tmp,
            dest: dest.to_path_buf(),
            target,
            w: BufWriter::new(f),
        })
    }

    /// Flushes and, for a regular file, renames the temporary file over the
    /// destination. On an error the temporary file is removed.
    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush().context("cannot write to standard output"),
            Sink::Direct { dest, mut w } => w
                .flush()
                .with_context(|| format!("cannot write {}", dest.display())),
            Sink::File {
                mut tmp,
                dest,
                target,
                w,
            } => {
                let f = w
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(|| format!("cannot write {}", dest.display()))?;
                drop(f);
                std::fs::rename(&tmp.path, &target)
                    .with_context(|| format!("cannot write {}", dest.display()))?;
                tmp.renamed = true;
                Ok(())
            }
        }
    }

    /// Writes `s`; an error names the destination.
    pub fn write_str(&mut self, s: &str) -> Result<()> {
        self.write_all(s.as_bytes())
            .with_context(|| format!("cannot write {}", self.name()))
    }

    /// The destination as shown in messages.
    fn name(&self) -> String {
        match self {
            Sink::Stdout(_) => "to standard output".to_string(),
            Sink::Direct { dest, .. } | Sink::File { dest, .. } => dest.display().to_string(),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File { w, .. } | Sink::Direct { w, .. } => w.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File { w, .. } | Sink::Direct { w, .. } => w.flush(),
        }
    }
}

/// `dest` with symbolic links followed (at most 40, like the kernel), also
/// to a target that does not exist yet; `dest` itself if it is no link.
fn resolve_links(dest: &Path) -> PathBuf {
    let mut p = dest.to_path_buf();
    for _ in 0..40 {
        let is_link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return p;
        }
        match std::fs::read_link(&p) {
            Ok(t) if t.is_absolute() => p = t,
            Ok(t) => p = p.parent().map_or_else(|| t.clone(), |d| d.join(&t)),
            Err(_) => return p,
        }
    }
    p
}

#[cfg(unix)]
fn is_pipe_or_device(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    t.is_fifo() || t.is_char_device() || t.is_block_device() || t.is_socket()
}

#[cfg(not(unix))]
fn is_pipe_or_device(_meta: &std::fs::Metadata) -> bool {
    false
}

fn tmp_path(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dest.with_file_name(format!(".{name}.tmp{}", std::process::id()))
}

/// Writes `contents` to `dest` like [`Sink`] does.
pub fn write_atomic(dest: &Path, contents: &[u8]) -> Result<()> {
    let mut sink = Sink::open_path(dest)?;
    sink.write_all(contents)
        .with_context(|| format!("cannot write {}", dest.display()))?;
    sink.finish()
}

/// Writes `s` to standard output; an error says so (a broken pipe ends the
/// run quietly in `main`).
pub fn print_stdout(s: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|()| out.flush())
        .context("cannot write to standard output")
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
