//! `khulasa templates`: list the built-in templates or write them out to customize.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};
use khulasa::render::BUILTIN_TEMPLATES;

use crate::output::write_atomic;

/// Arguments of `khulasa templates`.
#[derive(Debug, Args)]
pub struct TemplatesArgs {
    #[command(subcommand)]
    pub action: TemplatesAction,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesAction {
    /// List the built-in template names.
    List,
    /// Write the built-in templates into DIR (edit them, then pass --templates DIR).
    Dump {
        /// Directory to write into (created if missing).
        dir: PathBuf,
        /// Overwrite files that already exist.
        #[arg(long)]
        force: bool,
    },
}

pub fn run(args: TemplatesArgs) -> Result<ExitCode> {
    match args.action {
        TemplatesAction::List => {
            let names: String = BUILTIN_TEMPLATES
                .iter()
                .map(|(name, _)| format!("{name}\n"))
                .collect();
            crate::output::print_stdout(&names)?;
        }
        TemplatesAction::Dump { dir, force } => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            for (name, src) in BUILTIN_TEMPLATES {
                let dest = dir.join(name);
                if dest.exists() && !force {
                    bail!("{} exists; use --force to overwrite", dest.display());
                }
                write_atomic(&dest, src.as_bytes())?;
            }
            eprintln!("khulasa: {} templates written to {}; the context of each is documented in docs/TEMPLATES.md", BUILTIN_TEMPLATES.len(), dir.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}
