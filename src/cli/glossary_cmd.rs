//! `khulasa glossary check|convert|export`: glossary maintenance.
//!
//! Formats follow the file extension: `.tsv`, `.csv`, `.json`, `.tbx` (TBX v3,
//! TBX-Basic), `.tbx2008`, `.tbx2008.tbx` or `.martif.tbx` (TBX 2008, what
//! translate-toolkit reads), `.utf8` or `.txt` (OmegaT). `--from`/`--to`
//! override the guess. Reading `.tbx` accepts both TBX versions. The name
//! `default` stands for the bundled glossary.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};
use khulasa::glossary::{self, Format, Glossary, Severity};

use crate::output::{print_stdout, write_atomic, Sink};

/// Check and convert glossaries.
#[derive(Debug, Args)]
pub struct GlossaryCmdArgs {
    #[command(subcommand)]
    pub action: GlossaryAction,
}

/// The glossary subcommands.
#[derive(Debug, Subcommand)]
pub enum GlossaryAction {
    /// Report bad rows, empty, diacritics-only and one-letter terms, and
    /// duplicates with conflicting English, each with file and line.
    /// Exit 0 clean (warnings allowed), 1 problems found, 2 unreadable.
    Check {
        /// Glossary files (`default` = the bundled lists).
        #[arg(value_name = "FILE", required = true)]
        files: Vec<String>,
        /// Format of every FILE (default: from each extension).
        #[arg(long, value_name = "FORMAT")]
        from: Option<String>,
        /// Treat warnings as problems too (exit 1).
        #[arg(long)]
        strict: bool,
    },
    /// Convert IN to OUT, formats from the extensions (tsv csv json tbx
    /// tbx2008 utf8/txt).
    Convert {
        /// Input glossary (`default` = the bundled one).
        #[arg(value_name = "IN")]
        input: String,
        /// Output file (`-` for standard output; needs --to).
        #[arg(value_name = "OUT")]
        output: String,
        /// Input format: tsv, csv, json, tbx, tbx2008, omegat.
        #[arg(long, value_name = "FORMAT")]
        from: Option<String>,
        /// Output format: tsv, csv, json, tbx, tbx2008, omegat.
        #[arg(long, value_name = "FORMAT")]
        to: Option<String>,
    },
}

fn format_arg(name: Option<&str>, path: &str, what: &str) -> Result<Format> {
    if let Some(n) = name {
        return Format::from_name(n).with_context(|| {
            format!("unknown {what} format {n:?} (use tsv, csv, json, tbx, tbx2008 or omegat)")
        });
    }
    Format::from_path(path).with_context(|| {
        format!(
            "cannot tell the format of {path:?} from its extension; use --{} FORMAT \
             (tsv, csv, json, tbx, tbx2008, omegat)",
            if what == "input" { "from" } else { "to" }
        )
    })
}

/// Runs a glossary subcommand.
pub fn run(args: GlossaryCmdArgs) -> Result<ExitCode> {
    match args.action {
        GlossaryAction::Check {
            files,
            from,
            strict,
        } => check(&files, from.as_deref(), strict),
        GlossaryAction::Convert {
            input,
            output,
            from,
            to,
        } => convert(&input, &output, from.as_deref(), to.as_deref()),
    }
}

fn check(files: &[String], from: Option<&str>, strict: bool) -> Result<ExitCode> {
    let mut errors = 0usize;
    let mut warnings = 0usize;
    let mut unreadable = 0usize;
    let mut sources: Vec<(String, String, Format)> = Vec::new();
    for f in files {
        if f == "default" {
            for (name, text) in Glossary::bundled_sources() {
                sources.push((name.to_string(), text.to_string(), Format::Tsv));
            }
            continue;
        }
        let format = match from {
            Some(_) => format_arg(from, f, "input")?,
            None => Format::from_path(f).unwrap_or(Format::Tsv),
        };
        let bytes = match std::fs::read(f) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("khulasa: {f}: {e}");
                unreadable += 1;
                continue;
            }
        };
        match String::from_utf8(bytes) {
            Ok(t) => sources.push((f.clone(), t, format)),
            Err(e) => {
                eprintln!(
                    "khulasa: {f}: not UTF-8 (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                );
                unreadable += 1;
            }
        }
    }
    let mut out = Sink::open("-")?;
    for (name, text, format) in &sources {
        let issues = glossary::check(text, name, *format);
        for i in &issues {
            match i.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
            out.write_str(&format!("{i}\n"))?;
        }
    }
    out.finish()?;
    eprintln!(
        "khulasa: checked {} file(s): {errors} error(s), {warnings} warning(s)",
        sources.len()
    );
    if unreadable > 0 && sources.is_empty() {
        return Ok(ExitCode::from(2));
    }
    if errors > 0 || unreadable > 0 || (strict && warnings > 0) {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn convert(input: &str, output: &str, from: Option<&str>, to: Option<&str>) -> Result<ExitCode> {
    let g = if input == "default" {
        Glossary::bundled()
    } else {
        let format = match from {
            Some(_) => format_arg(from, input, "input")?,
            None => Format::from_path(input).unwrap_or(Format::Tsv),
        };
        let bytes = std::fs::read(input).with_context(|| format!("cannot read {input}"))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            anyhow::anyhow!(
                "{input}: not UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            )
        })?;
        Glossary::parse(&text, input, format)?
    };
    if output == "-" && to.is_none() {
        bail!("writing to standard output needs --to FORMAT");
    }
    let out_format = format_arg(to, output, "output")?;
    let body = g.write(out_format);
    if output == "-" {
        print_stdout(&body)?;
    } else {
        write_atomic(Path::new(output), body.as_bytes())?;
    }
    eprintln!("khulasa: wrote {} entries to {output}", g.len());
    Ok(ExitCode::SUCCESS)
}
