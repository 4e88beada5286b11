//! `khulasa eval rouge`: ROUGE (protocol easc-rouge-ar/1) of predictions
//! against EASC-style references, the same table as `rouge_ar.py`.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use khulasa::eval::rouge::{self, Options, PredRecord, RefRecord, Split};

/// Arguments of `khulasa eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub metric: EvalMetric,
}

/// The evaluations available.
#[derive(Debug, Subcommand)]
pub enum EvalMetric {
    /// ROUGE-1/2/L F1 (mean over references, and jackknife), protocol easc-rouge-ar/1.
    Rouge(RougeArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SplitArg {
    Dev,
    Test,
    All,
}

/// Arguments of `khulasa eval rouge`.
#[derive(Debug, Args)]
pub struct RougeArgs {
    /// References: JSONL with {"id", "refs": [..]} per line (easc/dev.jsonl format).
    #[arg(long, value_name = "REFS.jsonl")]
    pub refs: PathBuf,
    /// Predictions: JSONL with {"id", "summary"} per line.
    #[arg(long, value_name = "PRED.jsonl")]
    pub pred: PathBuf,
    /// Apply Light10 stemming to all tokens.
    #[arg(long)]
    pub stem: bool,
    /// Which articles to score (dev = odd topic numbers, test = even).
    #[arg(long, default_value = "all")]
    pub split: SplitArg,
    /// Do not cut summaries to the budget (non-standard).
    #[arg(long)]
    pub no_truncate: bool,
    /// Score missing ids as empty summaries.
    #[arg(long)]
    pub allow_missing: bool,
    /// Write the full result (with per-article scores) as JSON here.
    #[arg(long, value_name = "OUT")]
    pub json: Option<PathBuf>,
}

/// Runs `khulasa eval`.
pub fn run(args: EvalArgs) -> Result<ExitCode> {
    match args.metric {
        EvalMetric::Rouge(a) => rouge_cmd(a),
    }
}

fn read(path: &PathBuf) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

fn rouge_cmd(a: RougeArgs) -> Result<ExitCode> {
    let refs: Vec<RefRecord> = rouge::parse_jsonl(&read(&a.refs)?, &a.refs.display().to_string())?;
    let preds: Vec<PredRecord> =
        rouge::parse_jsonl(&read(&a.pred)?, &a.pred.display().to_string())?;
    let pred_name = a.pred.display();
    let mut by_id: HashMap<String, String> = HashMap::with_capacity(preds.len());
    for p in preds {
        if by_id.contains_key(&p.id) {
            bail!(
                "{pred_name}: id {:?} occurs more than once; give one prediction per article",
                p.id
            );
        }
        by_id.insert(p.id, p.summary);
    }
    let preds = by_id;
    let known: HashSet<&str> = refs.iter().map(|r| r.id.as_str()).collect();
    let extra: Vec<&str> = preds
        .keys()
        .map(String::as_str)
        .filter(|id| !known.contains(id))
        .collect();
    if !extra.is_empty() {
        let mut eg: Vec<&str> = extra.clone();
        eg.sort_unstable();
        eg.truncate(3);
        eprintln!(
            "khulasa: warning: {pred_name}: {} predictions have no reference and are not scored, e.g. {eg:?}",
            extra.len()
        );
    }
    let opts = Options {
        split: match a.split {
            SplitArg::Dev => Split::Dev,
            SplitArg::Test => Split::Test,
            SplitArg::All => Split::All,
        },
        stem: a.stem,
        truncate: !a.no_truncate,
        allow_missing: a.allow_missing,
    };
    let report = rouge::evaluate(&refs, &preds, opts)?;
    crate::output::print_stdout(&format!("{}\n", report.table()))?;
    if let Some(out) = &a.json {
        let body = serde_json::to_string_pretty(&report)? + "\n";
        std::fs::write(out, body).with_context(|| format!("cannot write {}", out.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}
