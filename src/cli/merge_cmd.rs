//! `khulasa merge`: bilingual briefings from translated XLIFF.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use khulasa::xliff::{self, MergedDoc};

use crate::commands::exit_code;
use crate::output::{unique_stems, write_atomic};

/// Output formats of `merge`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MergeFormat {
    /// Markdown (`merged.md.j2`).
    Md,
    /// HTML, Arabic beside English (`merged.html.j2`).
    Html,
    /// The view model as JSON.
    Json,
}

/// Bilingual briefing (source beside the human translation) per translated
/// XLIFF file (2.x or 1.2).
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// Translated XLIFF files.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Output directory (created if missing).
    #[arg(long, short = 'o', default_value = "merged", value_name = "DIR")]
    pub out: PathBuf,
    /// Output formats, comma-separated.
    #[arg(long, short = 'f', value_delimiter = ',', default_values = ["md", "html"], value_name = "FORMATS")]
    pub format: Vec<MergeFormat>,
    /// Directory of templates overriding the built-in ones (same file names).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Print nothing but errors on stderr.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// `a.xlf` → `a`, `a.xliff12.xlf` → `a.xliff12`.
fn stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "merged".to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

fn merge_one(path: &Path) -> Result<MergedDoc> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let name = path.display().to_string();
    let text = khulasa::input::decode(&bytes, &name)?;
    let doc = xliff::read(&text, &name)?;
    Ok(MergedDoc::new(&doc))
}

pub fn run(args: MergeArgs) -> Result<ExitCode> {
    if args.files.is_empty() {
        bail!("no XLIFF files given");
    }
    let renderer = crate::commands::templates(args.templates.as_deref())?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create output directory {}", args.out.display()))?;
    let names: Vec<String> = args.files.iter().map(|p| stem(p)).collect();
    let stems = unique_stems(names.iter().map(String::as_str));
    let mut formats = args.format.clone();
    formats.dedup();
    let mut failed = 0usize;
    for (path, stem) in args.files.iter().zip(&stems) {
        let done = merge_one(path).and_then(|view| {
            for f in &formats {
                let (ext, body) = match f {
                    MergeFormat::Md => ("md", renderer.render("merged.md.j2", &view)?),
                    MergeFormat::Html => ("html", renderer.render("merged.html.j2", &view)?),
                    MergeFormat::Json => ("json", serde_json::to_string_pretty(&view)? + "\n"),
                };
                write_atomic(&args.out.join(format!("{stem}.{ext}")), body.as_bytes())?;
            }
            Ok(view)
        });
        match done {
            Ok(view) => {
                if !args.quiet {
                    eprintln!(
                        "khulasa: {}: {}/{} segments translated",
                        path.display(),
                        view.translated_count,
                        view.segment_count
                    );
                }
            }
            Err(e) => {
                failed += 1;
                // Read and parse errors name the file already.
                let msg = format!("{e:#}");
                let name = path.display().to_string();
                if msg.contains(&name) {
                    eprintln!("khulasa: {msg}");
                } else {
                    eprintln!("khulasa: {name}: {msg}");
                }
            }
        }
    }
    Ok(exit_code(args.files.len(), failed))
}
