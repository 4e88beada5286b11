//! `khulasa prep`: translator packages (XLIFF 2.1 / 1.2 per document, job
//! glossary, word counts).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::ValueEnum;
use khulasa::glossary::{Format, Glossary};
use khulasa::xliff::wordcount::{DocCount, WordCount};
use khulasa::xliff::{self, Package, XliffOptions};
use rayon::prelude::*;

use crate::args::{BudgetArgs, GlossaryArgs, InputArgs};
use crate::commands::{exit_code, plural, report_failure, run_documents, DocumentRun};
use crate::output::write_atomic;

/// XLIFF flavours `prep` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum XliffFormat {
    /// XLIFF 2.1 with the Glossary and Metadata modules (`NAME.xlf`).
    Xliff2,
    /// XLIFF 1.2 for older CAT tools (`NAME.xliff12.xlf`).
    Xliff12,
}

/// Translator package per document: XLIFF 2.1 and/or 1.2, plus the job
/// glossary and word counts in the output directory.
#[derive(Debug, clap::Args)]
pub struct PrepArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    #[command(flatten)]
    pub budget: BudgetArgs,
    /// Output directory (created if missing).
    #[arg(long, short = 'o', default_value = "xliff", value_name = "DIR")]
    pub out: PathBuf,
    /// XLIFF formats, comma-separated.
    #[arg(long, short = 'f', value_delimiter = ',', default_values = ["xliff2", "xliff12"], value_name = "FORMATS")]
    pub format: Vec<XliffFormat>,
    /// Target language (BCP-47 code).
    #[arg(long, default_value = "en", value_name = "LANG")]
    pub target_lang: String,
    /// Source language (BCP-47 code).
    #[arg(long, default_value = "ar", value_name = "LANG")]
    pub source_lang: String,
}

/// The job-glossary files `prep` writes: the glossary entries that occur in
/// the job, in every format CAT tools open (names end in the extension that
/// `khulasa glossary convert` and translate-toolkit recognize).
const GLOSSARY_FORMATS: &[(&str, Format)] = &[
    ("glossary.tsv", Format::Tsv),
    ("glossary.tbx", Format::Tbx),
    ("glossary.tbx2008.tbx", Format::Tbx2008),
    ("glossary.utf8", Format::OmegaT),
];

/// A document's package and its rendered files (name, contents).
type Built = (Package, Vec<(String, String)>);

fn valid_lang(l: &str) -> bool {
    !l.is_empty()
        && l.len() <= 35
        && l.split('-')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

pub fn run(args: PrepArgs) -> Result<ExitCode> {
    for l in [&args.target_lang, &args.source_lang] {
        if !valid_lang(l) {
            bail!("invalid language code {l:?}: use a BCP-47 code such as en or en-GB");
        }
    }
    let DocumentRun {
        pool,
        pipeline,
        results,
        stems,
        total,
    } = run_documents(&args.input, &args.glossary, &args.budget, false, &args.out)?;
    let options = XliffOptions {
        source_lang: args.source_lang.clone(),
        target_lang: args.target_lang.clone(),
    };
    let mut formats = args.format.clone();
    formats.dedup();
    let glossary = pipeline.glossary();
    let built: Vec<Option<Built>> = pool.install(|| {
        results
            .par_iter()
            .zip(stems.par_iter())
            .map(|(r, stem)| {
                let a = r.as_ref().ok()?;
                let pkg = Package::from_article(a, glossary, &options);
                let files = formats
                    .iter()
                    .map(|f| match f {
                        XliffFormat::Xliff2 => (format!("{stem}.xlf"), xliff::write_xliff2(&pkg)),
                        XliffFormat::Xliff12 => {
                            (format!("{stem}.xliff12.xlf"), xliff::write_xliff12(&pkg))
                        }
                    })
                    .collect();
                Some((pkg, files))
            })
            .collect()
    });
    let mut failed = 0usize;
    let mut empty = 0usize;
    let mut counts = Vec::new();
    let mut packages = Vec::new();
    for ((r, stem), b) in results.iter().zip(&stems).zip(built) {
        match (r, b) {
            (Ok(a), Some((pkg, _))) if pkg.units.is_empty() => {
                // Not a failure: an empty document has nothing to translate.
                empty += 1;
                if !args.input.quiet {
                    eprintln!(
                        "khulasa: {}: skipped: no text to translate (no sentences); no XLIFF written",
                        a.doc.source
                    );
                }
            }
            (Ok(_), Some((pkg, files))) => {
                for (name, body) in files {
                    write_atomic(&args.out.join(&name), body.as_bytes())?;
                }
                counts.push(DocCount::new(&pkg, stem));
                packages.push(pkg);
            }
            (Err(f), _) => failed += report_failure(f),
            (Ok(_), None) => {}
        }
    }
    let terms = xliff::job_terms(&packages);
    let job = Glossary::from_entries(terms.iter().cloned());
    for (name, format) in GLOSSARY_FORMATS {
        write_atomic(&args.out.join(name), job.write(*format).as_bytes())?;
    }
    let report = WordCount::new(counts, terms.len());
    write_atomic(
        &args.out.join("wordcount.json"),
        (serde_json::to_string_pretty(&report)? + "\n").as_bytes(),
    )?;
    write_atomic(&args.out.join("wordcount.txt"), report.to_text().as_bytes())?;
    if !args.input.quiet {
        let skipped = if empty > 0 {
            format!("; {} skipped", plural(empty, "empty document"))
        } else {
            String::new()
        };
        eprintln!(
            "khulasa: {} prepared in {} ({}, {}; {} failed{skipped})",
            plural(packages.len(), "document"),
            args.out.display(),
            plural(report.total.segments, "segment"),
            plural(report.total.words, "word"),
            failed
        );
    }
    Ok(exit_code(total, failed))
}
