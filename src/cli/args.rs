//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// khulasa (خلاصة, "the gist"): Arabic news to extractive summaries, bilingual
/// Arabic/English briefings and translator packages.
///
/// Inputs are files, directories (walked recursively for .txt), `-` for
/// standard input, or JSONL records with --jsonl. Exit status: 0 all inputs
/// done, 1 some inputs failed (each reported), 2 nothing could be done.
#[derive(Debug, Parser)]
#[command(name = "khulasa", version, about, long_about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Bilingual briefing per document, an index and the daily digest (default input: the bundled seeds).
    Brief(BriefArgs),
    /// Split documents into sentences (text, or JSONL with code-point offsets).
    Split(SplitArgs),
    /// Extractive summaries (text, or JSONL {id, summary, sentences}).
    Summarize(SummarizeArgs),
    /// Glossary hits per document (text, or JSONL with code-point offsets).
    Terms(TermsArgs),
    /// Streaming JSONL records over files, directories and archives (one per document).
    Batch(crate::batch_cmd::BatchArgs),
    /// List the built-in templates or dump them to a directory to customize.
    Templates(crate::templates_cmd::TemplatesArgs),
    /// Translator package per document: XLIFF 2.1 / 1.2, job glossary, word counts.
    Prep(crate::prep_cmd::PrepArgs),
    /// Bilingual briefing from translated XLIFF (2.x or 1.2).
    Merge(crate::merge_cmd::MergeArgs),
    /// Check glossaries and convert them between TSV, CSV, JSON, TBX and OmegaT.
    Glossary(crate::glossary_cmd::GlossaryCmdArgs),
    /// Evaluate summaries (ROUGE against references).
    Eval(crate::eval_cmd::EvalArgs),
}

/// Where documents come from; shared by every command.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Files, directories or `-` (standard input). No INPUT: standard input
    /// (brief: the bundled seed articles).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Read inputs as JSONL records ({"id": …, "text": …} per line).
    #[arg(long)]
    pub jsonl: bool,
    /// JSONL field holding the document id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// JSONL/JSON field holding the document text (dotted paths reach nested fields).
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// When walking directories, read only files matching GLOB (repeatable;
    /// default: *.txt *.json *.jsonl *.xml *.sgml *.zip *.tar *.tar.gz *.tgz *.gz and files without extension).
    #[arg(long, value_name = "GLOB", value_parser = glob_arg)]
    pub include: Vec<String>,
    /// When walking directories, skip files and directories matching GLOB (repeatable).
    #[arg(long, value_name = "GLOB", value_parser = glob_arg)]
    pub exclude: Vec<String>,
    /// Decode every input with this encoding (e.g. windows-1256, iso-8859-6, utf-16le)
    /// instead of detecting it.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Largest document accepted, in MiB; larger ones give an error record.
    #[arg(long, default_value_t = 32, value_name = "MIB")]
    pub max_doc_mib: u64,
    /// Largest archive member accepted (decompressed), in MiB.
    #[arg(long, default_value_t = 256, value_name = "MIB")]
    pub max_member_mib: u64,
    /// Worker threads (default: all cores). Output is identical for any value.
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Print nothing but errors on stderr.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Glossary selection; shared by commands that match terms.
#[derive(Debug, Args, Clone)]
pub struct GlossaryArgs {
    /// Glossary file, format by extension: .tsv (Arabic, English[, header-named
    /// columns]; also any other name), .csv, .json, .tbx (TBX v3 or 2008),
    /// .tbx2008.tbx, .utf8 (OmegaT); repeatable. Replaces the bundled glossary;
    /// `default` names the bundled one.
    #[arg(long = "glossary", short = 'g', value_name = "FILE")]
    pub glossaries: Vec<String>,
}

/// Summary length; shared by commands that summarize.
#[derive(Debug, Args, Clone)]
pub struct BudgetArgs {
    /// At most N sentences per summary [default: 4].
    #[arg(long, value_name = "N", conflicts_with_all = ["words", "ratio"])]
    pub sentences: Option<usize>,
    /// About N words per summary: whole sentences are added until the
    /// summary reaches N words, so the last one may run past N (ROUGE
    /// protocols cut summaries at the budget). A JSONL record's budget_words
    /// overrides.
    #[arg(long, value_name = "N", conflicts_with = "ratio")]
    pub words: Option<usize>,
    /// About this fraction (0-1] of each document's words, filled as --words.
    #[arg(long, value_name = "R")]
    pub ratio: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BriefFormat {
    Md,
    Html,
    Json,
    Txt,
}

#[derive(Debug, Args)]
pub struct BriefArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    #[command(flatten)]
    pub budget: BudgetArgs,
    /// Output directory (created if missing; not `-`: brief writes files).
    #[arg(long, short = 'o', default_value = "briefings", value_name = "DIR")]
    pub out: PathBuf,
    /// Output formats, comma-separated: a file per document (ID.md …), the
    /// index (index.md always; index.html, index.json) and the digest of the
    /// day's stories (digest.md, .html, .json, .txt). txt has no index.txt.
    #[arg(long, short = 'f', value_delimiter = ',', default_values = ["md", "html", "json"], value_name = "FORMATS")]
    pub format: Vec<BriefFormat>,
    /// Directory of templates overriding the built-in ones (same file names).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LineFormat {
    /// Human-readable text.
    Text,
    /// One JSON record per document.
    Jsonl,
}

#[derive(Debug, Args)]
pub struct SplitArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format. text: one sentence per line; with more than one
    /// document, each starts with a line `# ID` and a blank line separates them.
    #[arg(long, short = 'f', default_value = "text")]
    pub format: LineFormat,
    /// Write to FILE instead of standard output (`-`).
    #[arg(long, short = 'o', default_value = "-", value_name = "FILE")]
    pub out: String,
}

#[derive(Debug, Args)]
pub struct SummarizeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub budget: BudgetArgs,
    /// Output format. text: one sentence per line; with more than one
    /// document, each starts with a line `# ID` and a blank line separates them.
    #[arg(long, short = 'f', default_value = "text")]
    pub format: LineFormat,
    /// Write to FILE instead of standard output (`-`).
    #[arg(long, short = 'o', default_value = "-", value_name = "FILE")]
    pub out: String,
}

#[derive(Debug, Args)]
pub struct TermsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    /// Also list candidate terms: recurring names and expressions that the
    /// glossary lacks, with a suggested romanization.
    #[arg(long)]
    pub candidates: bool,
    /// Output format. text: per document a line `# ID`, then one hit per
    /// line (offsets, quote, Arabic, English, type).
    #[arg(long, short = 'f', default_value = "text")]
    pub format: LineFormat,
    /// Write to FILE instead of standard output (`-`).
    #[arg(long, short = 'o', default_value = "-", value_name = "FILE")]
    pub out: String,
}

/// Checks a `--include`/`--exclude` pattern: `*`, `**` and `?` are the
/// wildcards; brackets would be taken literally, so they are refused rather
/// than silently matching nothing.
fn glob_arg(s: &str) -> Result<String, String> {
    if s.is_empty() {
        return Err("empty pattern; give a glob such as '*.txt'".to_string());
    }
    if s.contains(['[', ']']) {
        return Err(
            "character classes ([...]) are not supported; use * and ? (? also matches a bracket)"
                .to_string(),
        );
    }
    Ok(s.to_string())
}
