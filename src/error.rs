//! The library's one error type.

use std::path::PathBuf;

/// Everything that can go wrong in khulasa's library.
///
/// Data-loading variants carry the path (or input name), the line and the
/// offending value so that a single line of output tells the user what to fix.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file involved.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// An input could not be decoded as text.
    #[error("{input}: {message}")]
    Decode {
        /// The input's name (path, archive member or record id).
        input: String,
        /// What went wrong and what to do about it.
        message: String,
    },
    /// A data file (glossary, abbreviation list, JSONL record…) is malformed.
    #[error("{input}:{line}: {message}")]
    Parse {
        /// The file or input name.
        input: String,
        /// 1-based line number (0 when unknown).
        line: usize,
        /// What is wrong with the line and what was expected.
        message: String,
    },
    /// A template failed to load or render.
    #[error("template {name}: {message}")]
    Template {
        /// The template's name.
        name: String,
        /// minijinja's description, including line numbers where known.
        message: String,
    },
    /// An input is larger than the configured limit.
    #[error("{input}: {what} is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// The input's name.
        input: String,
        /// What was measured (document, archive member, line).
        what: &'static str,
        /// The measured size.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// A configuration value is invalid.
    #[error("invalid configuration: {0}")]
    Config(String),
}

impl Error {
    /// Builds an [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// Builds an [`Error::Parse`].
    pub fn parse(input: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Error::Parse {
            input: input.into(),
            line,
            message: message.into(),
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
