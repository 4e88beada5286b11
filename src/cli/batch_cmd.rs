//! `khulasa batch`: streaming JSONL records over many documents.
//!
//! # Record files (`--out DIR/`)
//!
//! Each document gets one file, `ID_HASH.json`: `ID` is the document id made
//! safe for a file name ([`safe_file_stem`]), `HASH` eight hex digits of its
//! source and id ([`batch::record_hash`]). The name depends on the document
//! alone, not on its position, so adding or removing inputs never renames
//! the files of the others, and `--resume` finds them again; the same
//! (source, id) twice in one run gets `ID_HASH-2.json`, `-3`… in input
//! order. Names are deterministic; input order is in the stream output and
//! in each record's `source`, not in the file names. (Before this version
//! names were `NNNNNNN_ID.json`, NNNNNNN the position; such directories are
//! not resumed.)
//!
//! With `--resume`, a document whose file holds a record is skipped; one
//! whose file holds an error record (or no readable record) is done again and
//! its file replaced.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Args;
use khulasa::batch::{self, BatchRecord};
use khulasa::input;
use khulasa::Pipeline;

use crate::args::{BudgetArgs, GlossaryArgs, InputArgs};
use crate::commands::{budget, input_options, load_glossary, thread_count};
use crate::output::{safe_file_stem, write_atomic, Sink};

/// Arguments of `khulasa batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    #[command(flatten)]
    pub budget: BudgetArgs,
    /// Where records go: `-` (standard output, the default), a FILE (JSONL, written
    /// atomically) or a DIR (existing, or ending in `/`: one ID_HASH.json per document,
    /// HASH from the document's source and id, so names do not change when inputs are added).
    #[arg(long, short = 'o', default_value = "-", value_name = "FILE|DIR|-")]
    pub out: String,
    /// With a DIR output, skip documents whose record file already holds a record
    /// (error records are done again and replaced).
    #[arg(long)]
    pub resume: bool,
    /// Documents in flight at once: read and not yet written (bounds memory);
    /// default 512 per thread.
    #[arg(long, value_name = "N")]
    pub window: Option<usize>,
    /// Most MiB of document text in flight at once, whatever the document count.
    #[arg(long, default_value_t = 128, value_name = "MIB")]
    pub window_mib: usize,
}

/// One record, serialized by a worker, on its way to the output.
struct Written {
    /// File name of the record with a DIR output.
    name: String,
    /// Bytes of document text.
    len: usize,
    /// The stderr line of an error record.
    failure: Option<String>,
    /// The JSON line, newline included.
    line: Result<Vec<u8>>,
}

enum Out {
    Stream(Sink),
    Dir(PathBuf),
}

pub fn run(args: BatchArgs) -> Result<ExitCode> {
    if args.input.inputs.is_empty() {
        bail!(
            "batch needs at least one INPUT (a file, directory, archive or - for standard input)"
        );
    }
    let threads = thread_count(&args.input)?;
    let glossary = load_glossary(&args.glossary)?;
    let default_budget = budget(&args.budget);
    let pipeline = Pipeline::builder()
        .glossary(glossary)
        .budget(default_budget)
        .build()?;
    let is_dir = args.out != "-" && (args.out.ends_with('/') || Path::new(&args.out).is_dir());
    if args.resume && !is_dir {
        bail!("--resume needs a directory output (--out DIR/)");
    }
    let mut out = if is_dir {
        let dir = PathBuf::from(&args.out);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create output directory {}", dir.display()))?;
        Out::Dir(dir)
    } else {
        Out::Stream(Sink::open(&args.out)?)
    };
    let opts = input_options(&args.input);
    let records = input::open(&args.input.inputs, &opts);
    let window = batch::Window {
        docs: args.window.unwrap_or(512 * threads),
        bytes: args.window_mib.saturating_mul(1 << 20),
    };
    let progress = Progress::on_stderr(args.input.quiet);
    let started = Instant::now();
    let (mut total, mut failed, mut skipped, mut bytes) = (0usize, 0usize, 0usize, 0usize);
    // With --resume, documents whose record exists are turned into a marker
    // before processing, so they cost nothing.
    let resume_dir = match (&out, args.resume) {
        (Out::Dir(d), true) => Some(d.clone()),
        _ => None,
    };
    // Names handed out so far (only with a DIR output: a stream needs none).
    let mut names = std::collections::HashMap::new();
    let dir_out = matches!(out, Out::Dir(_));
    let filtered = records.filter_map(|r| {
        let (id, source) = match &r {
            Ok(d) => (&d.id, &d.source),
            Err(f) => (&f.id, &f.source),
        };
        if !dir_out {
            let len = r.as_ref().map_or(0, |d| d.text.len());
            return Some(((String::new(), len), r));
        }
        let base = format!("{}_{}", safe_file_stem(id), batch::record_hash(source, id));
        let seen: &mut usize = names.entry(base.clone()).or_default();
        *seen += 1;
        let name = match *seen {
            1 => format!("{base}.json"),
            n => format!("{base}-{n}.json"),
        };
        if let Some(dir) = &resume_dir {
            let done = std::fs::read(dir.join(&name)).is_ok_and(|b| !batch::is_error_record(&b));
            if done {
                skipped += 1;
                return None;
            }
        }
        let len = r.as_ref().map_or(0, |d| d.text.len());
        Some(((name, len), r))
    });
    // Records are serialized on the workers; the writer only copies bytes.
    let serialize = |(name, len): (String, usize), rec: BatchRecord| {
        let failure = match &rec {
            BatchRecord::Error(f) => Some(crate::commands::failure_line(f)),
            BatchRecord::Done(_) => None,
        };
        let mut buf = Vec::with_capacity(8 << 10);
        let line = serde_json::to_writer(&mut buf, &rec)
            .map(|()| {
                buf.push(b'\n');
                buf
            })
            .map_err(anyhow::Error::from);
        Written {
            name,
            len,
            failure,
            line,
        }
    };
    let result: Result<()> = batch::run_with(
        &pipeline,
        filtered,
        threads,
        window,
        default_budget,
        serialize,
        |w: Written| -> Result<()> {
            bytes += w.len;
            total += 1;
            if let Some(msg) = &w.failure {
                failed += 1;
                progress.println(msg);
            }
            let line = w.line?;
            match &mut out {
                Out::Stream(s) => s.write_all(&line)?,
                Out::Dir(dir) => write_atomic(&dir.join(w.name), &line)?,
            }
            progress.tick(total, failed);
            Ok(())
        },
    );
    result?;
    if let Out::Stream(s) = out {
        s.finish()?;
    }
    progress.finish();
    // As the other commands: walking or filtering that found nothing is an
    // error, not an empty success.
    let filtered = !args.input.include.is_empty() || !args.input.exclude.is_empty();
    if total + skipped == 0
        && args
            .input
            .inputs
            .iter()
            .any(|i| i != "-" && (filtered || Path::new(i).is_dir()))
    {
        return Err(crate::commands::no_documents(&args.input));
    }
    if !args.input.quiet {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "khulasa: {total} records ({} ok, {failed} errors){}, {:.1} MB of text in {secs:.1}s ({:.1} MB/s)",
            total - failed,
            if skipped > 0 {
                format!(", {skipped} skipped (already done)")
            } else {
                String::new()
            },
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / secs.max(1e-9)
        );
    }
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else if failed < total + skipped {
        ExitCode::from(1)
    } else {
        ExitCode::from(2)
    })
}

/// A progress bar on stderr when it is a terminal; otherwise nothing.
///
/// Shared by the commands that go through many documents: make one with
/// [`Progress::on_stderr`], call [`tick`](Progress::tick) after each
/// document, print failure lines through [`println`](Progress::println) (so
/// they do not tear the bar) and [`finish`](Progress::finish) at the end.
pub(crate) struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    /// A bar unless `quiet` or stderr is not a terminal.
    pub(crate) fn on_stderr(quiet: bool) -> Self {
        Progress::new(!quiet && std::io::stderr().is_terminal())
    }

    /// A bar when `show`, else a progress that prints nothing but lines.
    pub(crate) fn new(show: bool) -> Self {
        if !show {
            return Progress(None);
        }
        let pb = indicatif::ProgressBar::new_spinner();
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} {pos} documents, {rate}, {elapsed} {msg}",
        ) {
            // indicatif's own {per_sec} prints four decimals ("1,503.4817/s").
            pb.set_style(style.with_key(
                "rate",
                |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.1}/s", s.per_sec());
                },
            ));
        }
        Progress(Some(pb))
    }
    /// `total` documents done so far, `failed` of them errors.
    pub(crate) fn tick(&self, total: usize, failed: usize) {
        if let Some(pb) = &self.0 {
            pb.set_position(total as u64);
            if failed > 0 {
                pb.set_message(format!("({failed} errors)"));
            }
        }
    }
    /// One more document done (safe from several threads).
    pub(crate) fn inc(&self) {
        if let Some(pb) = &self.0 {
            pb.inc(1);
        }
    }
    /// Prints one line on stderr above the bar.
    pub(crate) fn println(&self, msg: &str) {
        match &self.0 {
            Some(pb) => pb.suspend(|| eprintln!("{msg}")),
            None => eprintln!("{msg}"),
        }
    }
    /// Removes the bar.
    pub(crate) fn finish(&self) {
        if let Some(pb) = &self.0 {
            pb.finish_and_clear();
        }
    }
}
