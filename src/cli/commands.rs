//! The subcommands: read inputs, call the library, write outputs.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use khulasa::glossary::{self, Glossary};
use khulasa::input::{self, Failed, InputOptions, Record};
use khulasa::render::{BriefView, IndexEntry, IndexView, Renderer, BUILTIN_TEMPLATES};
use khulasa::summarize::Budget;
use khulasa::text::spans_to_char_offsets;
use khulasa::{Article, Document, Pipeline};
use rayon::prelude::*;

use crate::args::{
    BriefArgs, BriefFormat, BudgetArgs, Cli, Command, GlossaryArgs, InputArgs, LineFormat,
    SplitArgs, SummarizeArgs, TermsArgs,
};
use crate::output::{unique_stems, write_atomic, Sink};
use crate::summary_line::SummaryLine;

/// The bundled seed articles, briefed when `brief` gets no input.
const SEEDS: &[(&str, &str)] = &[
    (
        "000_5691900a397ebd07",
        include_str!("../../seeds/000_5691900a397ebd07.txt"),
    ),
    (
        "001_0cc4af94058731b6",
        include_str!("../../seeds/001_0cc4af94058731b6.txt"),
    ),
    (
        "002_c6bfd335af56721e",
        include_str!("../../seeds/002_c6bfd335af56721e.txt"),
    ),
    (
        "003_f73e49b5b275455f",
        include_str!("../../seeds/003_f73e49b5b275455f.txt"),
    ),
    (
        "004_ace0da53d28b4e56",
        include_str!("../../seeds/004_ace0da53d28b4e56.txt"),
    ),
];

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Brief(a) => brief(a),
        Command::Split(a) => split(a),
        Command::Summarize(a) => summarize(a),
        Command::Terms(a) => terms(a),
        Command::Batch(a) => crate::batch_cmd::run(a),
        Command::Templates(a) => crate::templates_cmd::run(a),
        Command::Prep(a) => crate::prep_cmd::run(a),
        Command::Merge(a) => crate::merge_cmd::run(a),
        Command::Glossary(a) => crate::glossary_cmd::run(a),
        Command::Eval(a) => crate::eval_cmd::run(a),
    }
}

/// Reads the inputs; with none and `seeds`, the bundled seeds; with none
/// otherwise, standard input (with a hint on stderr when it is a terminal).
///
/// # Errors
/// When directories were walked, or --include/--exclude given, and no
/// document came out at all ([`no_documents`]).
pub(crate) fn read_records(args: &InputArgs, seeds: bool) -> Result<Vec<Record>> {
    if args.inputs.is_empty() && seeds && !args.jsonl {
        return Ok(SEEDS
            .iter()
            .map(|(id, text)| {
                let mut d = Document::new(*id, *text);
                d.source = format!("seeds/{id}.txt");
                Ok(d)
            })
            .collect());
    }
    let opts = input_options(args);
    let inputs = if args.inputs.is_empty() {
        if !args.quiet && std::io::stdin().is_terminal() {
            eprintln!(
                "khulasa: reading standard input… (Ctrl-D to end; give files or directories as arguments)"
            );
        }
        vec!["-".to_string()]
    } else {
        args.inputs.clone()
    };
    let records = input::read_all(&inputs, &opts);
    let files = args.inputs.iter().filter(|i| *i != "-");
    let filtered = !args.include.is_empty() || !args.exclude.is_empty();
    if records.is_empty() && files.clone().any(|i| filtered || Path::new(i).is_dir()) {
        return Err(no_documents(args));
    }
    Ok(records)
}

/// The error when the inputs gave no document at all: names the inputs and
/// the patterns that chose the files.
pub(crate) fn no_documents(args: &InputArgs) -> anyhow::Error {
    let inputs = if args.inputs.is_empty() {
        "standard input".to_string()
    } else {
        args.inputs.join(", ")
    };
    let quoted = |globs: &[String]| {
        globs
            .iter()
            .map(|g| format!("'{g}'"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let excluded = if args.exclude.is_empty() {
        String::new()
    } else {
        format!(" and none matching --exclude {}", quoted(&args.exclude))
    };
    let why = if args.include.is_empty() {
        format!(
            "a directory is searched for {} and files without extension{excluded}; \
             --include GLOB reads others",
            input::DEFAULT_INCLUDE.join(" ")
        )
    } else {
        format!(
            "only files matching --include {}{excluded} are read",
            quoted(&args.include)
        )
    };
    anyhow::anyhow!("no documents found in {inputs} ({why})")
}

/// The input layer's options from the command line.
pub(crate) fn input_options(args: &InputArgs) -> InputOptions {
    InputOptions {
        jsonl: args.jsonl,
        id_field: args.id_field.clone(),
        text_field: args.text_field.clone(),
        include: args.include.clone(),
        exclude: args.exclude.clone(),
        encoding: args.encoding.clone(),
        max_doc_bytes: args.max_doc_mib.saturating_mul(1 << 20),
        max_member_bytes: args.max_member_mib.saturating_mul(1 << 20),
        ..Default::default()
    }
}

/// The `--threads` value, or every core the process may use.
pub(crate) fn thread_count(args: &InputArgs) -> Result<usize> {
    match args.threads {
        Some(0) => bail!("--threads must be at least 1"),
        Some(n) => Ok(n),
        None => Ok(std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)),
    }
}

/// The worker pool of one command. The calling (main) thread is one of its
/// workers, so `--threads 1` runs everything on the main thread and starts
/// no thread at all; it would otherwise only wait. Called once per process
/// (a thread can belong to one such pool).
pub(crate) fn thread_pool(args: &InputArgs) -> Result<rayon::ThreadPool> {
    let mut b = rayon::ThreadPoolBuilder::new().use_current_thread();
    if args.threads.is_some() {
        b = b.num_threads(thread_count(args)?);
    }
    b.build().context("cannot start worker threads")
}

pub(crate) fn load_glossary(args: &GlossaryArgs) -> Result<Glossary> {
    if args.glossaries.is_empty() {
        return Ok(Glossary::bundled());
    }
    let mut g = Glossary::default();
    for name in &args.glossaries {
        let next = if name == "default" {
            Glossary::bundled()
        } else {
            let text =
                std::fs::read(name).with_context(|| format!("cannot read glossary {name}"))?;
            let text = input::decode(&text, name)?;
            let format = glossary::Format::from_path(name).unwrap_or(glossary::Format::Tsv);
            Glossary::parse(&text, name, format)?
        };
        g.extend(next);
    }
    Ok(g)
}

/// The line `# ID` that starts a document in text output: always with
/// `total` 0 (`terms`), else only when there is more than one document.
fn header(id: &str, total: usize) -> String {
    if total == 1 {
        String::new()
    } else {
        format!("# {}\n", one_line(id))
    }
}

/// `n thing` or `n things`.
pub(crate) fn plural(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// The renderer: the built-in templates, or those of `dir` over them. A
/// `.j2` file in `dir` whose name is no built-in template gets a warning
/// (it is used only if another template includes it).
pub(crate) fn templates(dir: Option<&Path>) -> Result<Renderer> {
    let Some(dir) = dir else {
        return Ok(Renderer::new()?);
    };
    let renderer = Renderer::with_dir(dir)?;
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read templates directory {}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".j2"))
        .filter(|n| !BUILTIN_TEMPLATES.iter().any(|(b, _)| b == n))
        .collect();
    names.sort();
    let known: Vec<&str> = BUILTIN_TEMPLATES.iter().map(|(n, _)| *n).collect();
    for n in names {
        eprintln!(
            "khulasa: warning: {}: not a template name khulasa renders (used only if \
             another template includes it); known names: {}",
            dir.join(n).display(),
            known.join(", ")
        );
    }
    Ok(renderer)
}

/// Line breaks and tabs as spaces, for one-line text output.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r', '\t'], " ")
}

pub(crate) fn budget(args: &BudgetArgs) -> Budget {
    match (args.sentences, args.words, args.ratio) {
        (_, Some(w), _) => Budget::Words(w),
        (_, _, Some(r)) => Budget::Ratio(r),
        (Some(n), _, _) => Budget::Sentences(n),
        _ => Budget::default(),
    }
}

/// Runs the pipeline over all records in parallel, results in input order.
pub(crate) fn process_all(
    pool: &rayon::ThreadPool,
    pipeline: &Pipeline,
    records: Vec<Record>,
    default: Budget,
    quiet: bool,
) -> Vec<Result<Article, Failed>> {
    process_map(pool, pipeline, records, default, quiet, |a| a)
}

/// Like [`process_all`], mapping each article to what the command keeps
/// (its output line) on the worker that made it, so no article outlives
/// its own step.
pub(crate) fn process_map<T: Send>(
    pool: &rayon::ThreadPool,
    pipeline: &Pipeline,
    records: Vec<Record>,
    default: Budget,
    quiet: bool,
    f: impl Fn(Article) -> T + Sync,
) -> Vec<Result<T, Failed>> {
    // A bar on a terminal (not with --quiet), as `batch` shows.
    let progress = crate::batch_cmd::Progress::on_stderr(quiet);
    let out = pool.install(|| {
        records
            .into_par_iter()
            .map(|r| {
                let out = r.map(|doc| {
                    let b = khulasa::batch::doc_budget(&doc, default);
                    f(pipeline.process_with_budget(doc, b))
                });
                progress.inc();
                out
            })
            .collect()
    });
    progress.finish();
    out
}

/// Prints the one stderr line for a failed input ([`failure_line`]) and
/// returns 1, the count to add to the run's failures. Failures are printed
/// even with `--quiet`, which silences progress only.
pub(crate) fn report_failure(f: &Failed) -> usize {
    eprintln!("{}", failure_line(f));
    1
}

pub(crate) fn exit_code(total: usize, failed: usize) -> ExitCode {
    if failed == 0 {
        ExitCode::SUCCESS
    } else if failed < total {
        ExitCode::from(1)
    } else {
        ExitCode::from(2)
    }
}

/// What `brief` and `prep` share: the pipeline built from the flags, every
/// input read and processed in input order, and a unique file stem per
/// document for its output files in `out` (created).
pub(crate) struct DocumentRun {
    pub pool: rayon::ThreadPool,
    pub pipeline: Pipeline,
    pub results: Vec<Result<Article, Failed>>,
    pub stems: Vec<String>,
    pub total: usize,
}

/// Builds the pipeline, reads and processes the inputs (the bundled seeds
/// when there are none and `seeds` is set) and prepares `out`.
pub(crate) fn run_documents(
    input: &InputArgs,
    glossary: &GlossaryArgs,
    budget_args: &BudgetArgs,
    seeds: bool,
    out: &std::path::Path,
) -> Result<DocumentRun> {
    let pool = thread_pool(input)?;
    let default_budget = budget(budget_args);
    let pipeline = Pipeline::builder()
        .glossary(load_glossary(glossary)?)
        .budget(default_budget)
        .build()?;
    let records = read_records(input, seeds)?;
    if records.is_empty() {
        return Err(no_documents(input));
    }
    let total = records.len();
    let results = process_all(&pool, &pipeline, records, default_budget, input.quiet);
    std::fs::create_dir_all(out)
        .with_context(|| format!("cannot create output directory {}", out.display()))?;
    let stems = unique_stems(results.iter().map(|r| match r {
        Ok(a) => a.doc.id.as_str(),
        Err(f) => f.id.as_str(),
    }));
    Ok(DocumentRun {
        pool,
        pipeline,
        results,
        stems,
        total,
    })
}

fn brief(args: BriefArgs) -> Result<ExitCode> {
    if args.out.as_os_str() == "-" {
        bail!("brief writes a directory of files, not standard output; name one with --out DIR");
    }
    let renderer = templates(args.templates.as_deref())?;
    let DocumentRun {
        pool,
        pipeline,
        results,
        stems,
        total,
    } = run_documents(&args.input, &args.glossary, &args.budget, true, &args.out)?;
    let mut formats = args.format.clone();
    formats.dedup();
    // Views and files per document, in parallel; each depends only on its document.
    let views: Vec<Option<BriefView>> = pool.install(|| {
        results
            .par_iter()
            .map(|r| {
                r.as_ref()
                    .ok()
                    .map(|a| BriefView::new(a, pipeline.glossary()))
            })
            .collect()
    });
    let rendered: Vec<Result<Vec<(String, String)>, String>> = pool.install(|| {
        views
            .par_iter()
            .zip(stems.par_iter())
            .map(|(view, stem)| {
                let Some(view) = view else {
                    return Ok(Vec::new());
                };
                let mut files = Vec::new();
                for f in &formats {
                    let (ext, body) = match f {
                        BriefFormat::Md => ("md", renderer.render("brief.md.j2", view)),
                        BriefFormat::Html => ("html", renderer.render("brief.html.j2", view)),
                        BriefFormat::Txt => ("txt", renderer.render("brief.txt.j2", view)),
                        BriefFormat::Json => ("json", to_json(view)),
                    };
                    files.push((format!("{stem}.{ext}"), body.map_err(|e| e.to_string())?));
                }
                Ok(files)
            })
            .collect()
    });
    let mut entries = Vec::with_capacity(total);
    let mut failed = 0usize;
    for ((r, stem), files) in results.iter().zip(&stems).zip(rendered) {
        match (r, files) {
            (Ok(a), Ok(files)) => {
                for (name, body) in files {
                    write_atomic(&args.out.join(&name), body.as_bytes())?;
                }
                entries.push(IndexEntry {
                    id: a.doc.id.clone(),
                    title: a.title().to_string(),
                    file: stem.clone(),
                    error: None,
                });
            }
            (Ok(a), Err(e)) => {
                failed += 1;
                eprintln!("khulasa: {}: {e}", a.doc.source);
                entries.push(IndexEntry {
                    id: a.doc.id.clone(),
                    title: String::new(),
                    file: stem.clone(),
                    error: Some(e),
                });
            }
            (Err(f), _) => {
                failed += report_failure(f);
                entries.push(IndexEntry {
                    id: f.id.clone(),
                    title: String::new(),
                    file: stem.clone(),
                    error: Some(f.error.clone()),
                });
            }
        }
    }
    // The digest: stories over the articles that went through.
    let mut arts: Vec<&Article> = Vec::new();
    let mut ok_views: Vec<BriefView> = Vec::new();
    let mut ok_files: Vec<String> = Vec::new();
    for ((r, v), stem) in results.iter().zip(views).zip(&stems) {
        if let (Ok(a), Some(v)) = (r, v) {
            arts.push(a);
            ok_views.push(v);
            ok_files.push(stem.clone());
        }
    }
    let digest = khulasa::digest::build(
        &arts,
        &ok_views,
        &ok_files,
        khulasa::digest::DEFAULT_THRESHOLD,
    );
    let index = IndexView {
        articles: entries,
        generator: concat!("khulasa ", env!("CARGO_PKG_VERSION")).to_string(),
    };
    write_atomic(
        &args.out.join("index.md"),
        renderer.render("index.md.j2", &index)?.as_bytes(),
    )?;
    for f in &formats {
        match f {
            BriefFormat::Md => write_atomic(
                &args.out.join("digest.md"),
                renderer.render("digest.md.j2", &digest)?.as_bytes(),
            )?,
            BriefFormat::Html => {
                write_atomic(
                    &args.out.join("index.html"),
                    renderer.render("index.html.j2", &index)?.as_bytes(),
                )?;
                write_atomic(
                    &args.out.join("digest.html"),
                    renderer.render("digest.html.j2", &digest)?.as_bytes(),
                )?;
            }
            BriefFormat::Txt => write_atomic(
                &args.out.join("digest.txt"),
                renderer.render("digest.txt.j2", &digest)?.as_bytes(),
            )?,
            BriefFormat::Json => {
                write_atomic(&args.out.join("index.json"), to_json(&index)?.as_bytes())?;
                write_atomic(&args.out.join("digest.json"), to_json(&digest)?.as_bytes())?;
            }
        }
    }
    if !args.input.quiet {
        eprintln!(
            "khulasa: {} in {} ({} failed)",
            plural(total - failed, "briefing"),
            args.out.display(),
            failed
        );
    }
    Ok(exit_code(total, failed))
}

fn split(args: SplitArgs) -> Result<ExitCode> {
    let pool = thread_pool(&args.input)?;
    let records = read_records(&args.input, false)?;
    let total = records.len();
    let lines: Vec<Result<String, Failed>> = pool.install(|| {
        records
            .into_par_iter()
            .map(|r| {
                r.map(|doc| {
                    let sents = khulasa::segment::segment(&doc.text);
                    match args.format {
                        LineFormat::Text => {
                            let mut s = header(&doc.id, total);
                            for x in &sents {
                                s.push_str(&x.span.slice(&doc.text).replace(['\n', '\r'], " "));
                                s.push('\n');
                            }
                            s
                        }
                        LineFormat::Jsonl => {
                            let spans: Vec<_> = sents.iter().map(|s| s.span).collect();
                            let offsets = spans_to_char_offsets(&doc.text, &spans);
                            let langs: Vec<_> = sents.iter().map(|s| s.lang.code()).collect();
                            let kinds: Vec<_> = sents.iter().map(|s| s.kind).collect();
                            json_line(&SplitLine {
                                id: &doc.id,
                                kinds,
                                langs,
                                sentences: offsets,
                            })
                        }
                    }
                })
            })
            .collect()
    });
    write_lines(&args.out, lines, total, args.format == LineFormat::Text)
}

fn write_lines(
    out: &str,
    lines: Vec<Result<String, Failed>>,
    total: usize,
    blank_between: bool,
) -> Result<ExitCode> {
    let mut sink = Sink::open(out)?;
    let mut failed = 0;
    let mut first = true;
    for l in lines {
        match l {
            Ok(s) => {
                if blank_between && !first {
                    sink.write_str("\n")?;
                }
                first = false;
                sink.write_str(&s)?;
            }
            Err(f) => failed += report_failure(&f),
        }
    }
    sink.finish()?;
    Ok(exit_code(total, failed))
}

fn summarize(args: SummarizeArgs) -> Result<ExitCode> {
    let pool = thread_pool(&args.input)?;
    let pipeline = Pipeline::builder()
        .glossary(Glossary::default())
        .budget(budget(&args.budget))
        .without_facts()
        .build()?;
    let records = read_records(&args.input, false)?;
    let total = records.len();
    let lines = process_map(
        &pool,
        &pipeline,
        records,
        budget(&args.budget),
        args.input.quiet,
        |a| {
            let spans = a.summary_spans();
            let texts: Vec<&str> = spans.iter().map(|s| s.slice(&a.doc.text)).collect();
            match args.format {
                LineFormat::Text => texts.iter().fold(header(&a.doc.id, total), |mut s, t| {
                    s.push_str(&t.replace(['\n', '\r'], " "));
                    s.push('\n');
                    s
                }),
                LineFormat::Jsonl => SummaryLine {
                    id: &a.doc.id,
                    sentences: spans_to_char_offsets(&a.doc.text, &spans),
                    summary: texts.join(" "),
                }
                .to_line(),
            }
        },
    );
    write_lines(&args.out, lines, total, args.format == LineFormat::Text)
}

fn terms(args: TermsArgs) -> Result<ExitCode> {
    let pool = thread_pool(&args.input)?;
    let glossary = load_glossary(&args.glossary)?;
    let pipeline = Pipeline::builder()
        .glossary(glossary)
        .without_facts()
        .build()?;
    let records = read_records(&args.input, false)?;
    let total = records.len();
    let entries = pipeline.glossary().entries();
    let lines = process_map(
        &pool,
        &pipeline,
        records,
        Budget::default(),
        args.input.quiet,
        |a| {
            let text = &a.doc.text;
            let spans: Vec<_> = a.hits.iter().map(|h| h.span).collect();
            let offsets = spans_to_char_offsets(text, &spans);
            let cands = if args.candidates {
                glossary::candidates(text, &a.hits)
            } else {
                Vec::new()
            };
            match args.format {
                LineFormat::Text => {
                    let mut s = header(&a.doc.id, 0);
                    for (h, o) in a.hits.iter().zip(&offsets) {
                        if let Some(e) = entries.get(h.entry) {
                            let kind = e.kind.map_or("", |k| k.as_str());
                            s.push_str(&format!(
                                "{}-{}\t{}\t{}\t{}\t{kind}\n",
                                o[0],
                                o[1],
                                one_line(h.span.slice(text)),
                                e.ar,
                                e.en
                            ));
                        }
                    }
                    for c in &cands {
                        s.push_str(&format!(
                            "?\t{}\t{}\t{}x\n",
                            one_line(&c.ar),
                            c.romanized,
                            c.count
                        ));
                    }
                    s
                }
                LineFormat::Jsonl => {
                    let hits = a
                        .hits
                        .iter()
                        .zip(&offsets)
                        .filter_map(|(h, o)| {
                            entries.get(h.entry).map(|e| HitLine {
                                ar: &e.ar,
                                en: &e.en,
                                end: o[1],
                                start: o[0],
                                kind: e.kind,
                            })
                        })
                        .collect();
                    let candidates = args.candidates.then(|| {
                        cands
                            .iter()
                            .map(|c| CandidateLine {
                                count: c.count,
                                lang: c.lang,
                                romanized: &c.romanized,
                                spans: spans_to_char_offsets(text, &c.spans),
                                text: &c.ar,
                            })
                            .collect()
                    });
                    json_line(&TermsLine {
                        candidates,
                        hits,
                        id: &a.doc.id,
                    })
                }
            }
        },
    );
    write_lines(&args.out, lines, total, false)
}

/// One line of `split --format jsonl`.
#[derive(serde::Serialize)]
struct SplitLine<'a> {
    id: &'a str,
    kinds: Vec<khulasa::segment::SentenceKind>,
    langs: Vec<&'static str>,
    sentences: Vec<[usize; 2]>,
}

/// One line of `terms --format jsonl`.
#[derive(serde::Serialize)]
struct TermsLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    candidates: Option<Vec<CandidateLine<'a>>>,
    hits: Vec<HitLine<'a>>,
    id: &'a str,
}

/// A glossary hit in [`TermsLine`].
#[derive(serde::Serialize)]
struct HitLine<'a> {
    ar: &'a str,
    en: &'a str,
    end: usize,
    start: usize,
    #[serde(rename = "type")]
    kind: Option<glossary::TermType>,
}

/// A term candidate in [`TermsLine`].
#[derive(serde::Serialize)]
struct CandidateLine<'a> {
    count: usize,
    lang: khulasa::lang::Lang,
    romanized: &'a str,
    spans: Vec<[usize; 2]>,
    text: &'a str,
}

/// `v` as one line of compact JSON. The line structs hold only strings,
/// numbers and lists, whose serialization cannot fail.
fn json_line<T: serde::Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string(v).unwrap_or_default();
    s.push('\n');
    s
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, khulasa::Error> {
    serde_json::to_string_pretty(v)
        .map(|s| s + "\n")
        .map_err(|e| khulasa::Error::Config(format!("cannot serialize JSON: {e}")))
}

/// The one stderr line for a failed input: `khulasa: SOURCE: ERROR`, without
/// repeating the source when the error already starts with it.
pub(crate) fn failure_line(f: &Failed) -> String {
    if f.error.starts_with(&f.source) {
        format!("khulasa: {}", f.error)
    } else {
        format!("khulasa: {}: {}", f.source, f.error)
    }
}
