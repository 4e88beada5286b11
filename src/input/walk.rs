//! Directory walking: recursive, sorted, lazy, with include/exclude globs.
//!
//! Symbolic links are followed only when they resolve inside the input tree
//! (checked on canonical paths); a link pointing outside gives a failed
//! record, and a link back to a directory already visited is skipped, so
//! loops never hang.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::Failed;

/// The file patterns read when walking a directory and no `include` is given.
pub const DEFAULT_INCLUDE: &[&str] = &[
    "*.txt", "*.jsonl", "*.json", "*.xml", "*.sgml", "*.zip", "*.tar", "*.tar.gz", "*.tgz", "*.gz",
];

/// One token of a glob pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Lit(char),
    One,
    Star,
    DoubleStar,
    /// `**/`: nothing, or anything ending in `/`.
    DirStar,
}

/// A glob: `*` (within a path component), `?`, `**` (across components).
/// ASCII letters match case-insensitively. A pattern without `/` is matched
/// against the file name only; one with `/` against the whole relative path.
#[derive(Debug, Clone)]
pub(crate) struct Glob {
    toks: Vec<Tok>,
    whole_path: bool,
}

impl Glob {
    pub(crate) fn new(pattern: &str) -> Self {
        let pattern = pattern.trim_start_matches("./");
        let chars: Vec<char> = pattern.chars().collect();
        let mut toks = Vec::new();
        let mut i = 0;
        while let Some(&c) = chars.get(i) {
            match c {
                '*' if chars.get(i + 1) == Some(&'*') => {
                    if chars.get(i + 2) == Some(&'/') {
                        toks.push(Tok::DirStar);
                        i += 3;
                    } else {
                        toks.push(Tok::DoubleStar);
                        i += 2;
                    }
                    continue;
                }
                '*' => toks.push(Tok::Star),
                '?' => toks.push(Tok::One),
                '\\' => toks.push(Tok::Lit('/')),
                c => toks.push(Tok::Lit(c)),
            }
            i += 1;
        }
        Glob {
            toks,
            whole_path: pattern.contains('/'),
        }
    }

    /// Matches `rel` (components separated by `/`).
    pub(crate) fn matches(&self, rel: &str) -> bool {
        let subject = if self.whole_path {
            rel
        } else {
            rel.rsplit('/').next().unwrap_or(rel)
        };
        let t: Vec<char> = subject.chars().collect();
        let n = t.len();
        // prev[j]: the tokens so far match t[..j].
        let mut prev = vec![false; n + 1];
        if let Some(p) = prev.get_mut(0) {
            *p = true;
        }
        for tok in &self.toks {
            let mut cur = vec![false; n + 1];
            let mut any_prev = false;
            for j in 0..=n {
                let p_j = prev.get(j).copied().unwrap_or(false);
                let c = j.checked_sub(1).and_then(|k| t.get(k)).copied();
                let cur_prev = j
                    .checked_sub(1)
                    .and_then(|k| cur.get(k))
                    .copied()
                    .unwrap_or(false);
                let diag = j
                    .checked_sub(1)
                    .and_then(|k| prev.get(k))
                    .copied()
                    .unwrap_or(false);
                let v = match tok {
                    Tok::Lit(l) => c.is_some_and(|c| c.eq_ignore_ascii_case(l)) && diag,
                    Tok::One => c.is_some_and(|c| c != '/') && diag,
                    Tok::Star => p_j || (cur_prev && c.is_some_and(|c| c != '/')),
                    Tok::DoubleStar => p_j || cur_prev,
                    Tok::DirStar => p_j || (c == Some('/') && any_prev),
                };
                // any_prev: some k < j+1 with prev[k] (for the next j).
                any_prev |= p_j;
                if let Some(slot) = cur.get_mut(j) {
                    *slot = v;
                }
            }
            prev = cur;
        }
        prev.get(n).copied().unwrap_or(false)
    }
}

/// Which files (and archive members) to read.
#[derive(Debug, Clone)]
pub(crate) struct Filter {
    include: Vec<Glob>,
    exclude: Vec<Glob>,
    no_extension: bool,
    hidden: bool,
}

impl Filter {
    pub(crate) fn new(include: &[String], exclude: &[String], hidden: bool) -> Self {
        let (include, no_extension) = if include.is_empty() {
            (DEFAULT_INCLUDE.iter().map(|p| Glob::new(p)).collect(), true)
        } else {
            (include.iter().map(|p| Glob::new(p)).collect(), false)
        };
        Filter {
            include,
            exclude: exclude.iter().map(|p| Glob::new(p)).collect(),
            no_extension,
            hidden,
        }
    }

    fn is_hidden(name: &str) -> bool {
        (name.starts_with('.') && name != "." && name != "..") || name == "__MACOSX"
    }

    /// Whether a directory (relative path) is entered.
    pub(crate) fn wants_dir(&self, rel: &str) -> bool {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        if !self.hidden && Self::is_hidden(name) {
            return false;
        }
        let with_slash = format!("{rel}/");
        !self
            .exclude
            .iter()
            .any(|g| g.matches(rel) || (g.whole_path && g.matches(&with_slash)))
    }

    /// Whether a file (relative path, or archive member path) is read.
    pub(crate) fn wants_file(&self, rel: &str) -> bool {
        let rel = rel.trim_start_matches('/');
        let comps: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
        let Some((name, dirs)) = comps.split_last() else {
            return false;
        };
        if !self.hidden && Self::is_hidden(name) {
            return false;
        }
        if self.exclude.iter().any(|g| g.matches(rel)) {
            return false;
        }
        // Hidden or excluded directories also hide what lies under them.
        for k in 1..=dirs.len() {
            if !self.wants_dir(&comps.get(..k).unwrap_or_default().join("/")) {
                return false;
            }
        }
        let no_ext = !name.trim_start_matches('.').contains('.');
        (self.no_extension && no_ext) || self.include.iter().any(|g| g.matches(rel))
    }
}

/// What the walker found.
pub(crate) enum Found {
    /// A file to read.
    File(PathBuf),
    /// Something that could not be walked.
    Failed(Failed),
}

struct Level {
    rel: String,
    entries: std::vec::IntoIter<(String, PathBuf)>,
}

/// A lazy, sorted, recursive directory walk.
pub(crate) struct Walker {
    root_canon: Option<PathBuf>,
    stack: Vec<Level>,
    visited: HashSet<PathBuf>,
    pending: Option<Found>,
}

impl Walker {
    pub(crate) fn new(root: &Path) -> Self {
        let mut w = Walker {
            root_canon: std::fs::canonicalize(root).ok(),
            stack: Vec::new(),
            visited: HashSet::new(),
            pending: None,
        };
        if let Some(c) = w.root_canon.clone() {
            w.visited.insert(c);
        }
        w.push_dir(root, String::new());
        w
    }

    fn push_dir(&mut self, dir: &Path, rel: String) {
        match std::fs::read_dir(dir) {
            Ok(rd) => {
                let mut entries: Vec<(String, PathBuf)> = rd
                    .filter_map(|e| e.ok())
                    .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
                    .collect();
                entries.sort();
                self.stack.push(Level {
                    rel,
                    entries: entries.into_iter(),
                });
            }
            Err(e) => {
                self.pending = Some(Found::Failed(Failed {
                    id: super::id_from_path(dir),
                    source: dir.display().to_string(),
                    error: crate::Error::io(dir, e).to_string(),
                }));
            }
        }
    }

    /// The next file, in sorted order, or a failure.
    pub(crate) fn next(&mut self, filter: &Filter) -> Option<Found> {
        loop {
            if let Some(p) = self.pending.take() {
                return Some(p);
            }
            let level = self.stack.last_mut()?;
            let Some((name, path)) = level.entries.next() else {
                self.stack.pop();
                continue;
            };
            let rel = if level.rel.is_empty() {
                name
            } else {
                format!("{}/{name}", level.rel)
            };
            let Ok(lmeta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            let canon = std::fs::canonicalize(&path);
            if lmeta.file_type().is_symlink() {
                let inside = match (&canon, &self.root_canon) {
                    (Ok(c), Some(root)) => c.starts_with(root),
                    _ => false,
                };
                if !inside {
                    let why = match &canon {
                        Ok(c) => {
                            format!("symbolic link to {}, outside the input tree", c.display())
                        }
                        Err(_) => "broken symbolic link".to_string(),
                    };
                    if filter.wants_file(&rel) || filter.wants_dir(&rel) && path.is_dir() {
                        return Some(Found::Failed(Failed {
                            id: super::id_from_path(&path),
                            source: path.display().to_string(),
                            error: format!("{}: {why}; not followed", path.display()),
                        }));
                    }
                    continue;
                }
            }
            let Ok(meta) = std::fs::metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                if !filter.wants_dir(&rel) {
                    continue;
                }
                if let Ok(c) = canon {
                    if !self.visited.insert(c) {
                        continue; // a loop, or a second way to the same directory
                    }
                }
                self.push_dir(&path, rel);
            } else if meta.is_file() && filter.wants_file(&rel) {
                return Some(Found::File(path));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(Glob::new("*.txt").matches("a/b/c.TXT"));
        assert!(!Glob::new("*.txt").matches("a/b/c.txt.bak"));
        assert!(Glob::new("*.tar.gz").matches("x.tar.gz"));
        assert!(Glob::new("a/*.txt").matches("a/x.txt"));
        assert!(!Glob::new("a/*.txt").matches("a/b/x.txt"));
        assert!(Glob::new("a/**/x.txt").matches("a/x.txt"));
        assert!(Glob::new("a/**/x.txt").matches("a/b/c/x.txt"));
        assert!(Glob::new("**/x.txt").matches("x.txt"));
        assert!(Glob::new("a/**").matches("a/b/c"));
        assert!(Glob::new("d?c.txt").matches("doc.txt"));
        assert!(!Glob::new("d?c.txt").matches("dc.txt"));
    }

    #[test]
    fn filter_defaults() {
        let f = Filter::new(&[], &["drafts".into(), "*.bak".into()], false);
        assert!(f.wants_file("a/b.txt"));
        assert!(f.wants_file("README"));
        assert!(!f.wants_file("README.md"));
        assert!(!f.wants_file("x.txt.bak"));
        assert!(!f.wants_file(".hidden.txt"));
        assert!(!f.wants_file("drafts/a.txt"));
        assert!(!f.wants_file("__MACOSX/a.txt"));
        assert!(f.wants_file("../evil.txt"));
        assert!(!f.wants_dir("drafts"));
        assert!(f.wants_dir("final"));
    }
}
