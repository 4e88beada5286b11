//! The subcommands: read inputs, call the library, write outputs.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use khulasa::glossary::Glossary;
use khulasa::input::{self, Failed, InputOptions, Record};
use khulasa::render::{BriefView, IndexEntry, IndexView, Renderer};
use khulasa::summarize::Budget;
use khulasa::text::spans_to_char_offsets;
use khulasa::{Article, Document, Pipeline};
use rayon::prelude::*;
use serde_json::json;

use crate::args::{
    BriefArgs, BriefFormat, BudgetArgs, Cli, Command, GlossaryArgs, InputArgs, LineFormat,
    SplitArgs, SummarizeArgs, TermsArgs,
};
use crate::output::{unique_stems, write_atomic, Sink};

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
        Command::Eval(a) => crate::eval_cmd::run(a),
    }
}

/// Reads the inputs; with none and `seeds`, the bundled seeds; with none
/// otherwise, standard input.
fn read_records(args: &InputArgs, seeds: bool) -> Vec<Record> {
    if args.inputs.is_empty() && seeds && !args.jsonl {
        return SEEDS
            .iter()
            .map(|(id, text)| {
                let mut d = Document::new(*id, *text);
                d.source = format!("seeds/{id}.txt");
                Ok(d)
            })
            .collect();
    }
    let opts = InputOptions {
        jsonl: args.jsonl,
        id_field: args.id_field.clone(),
        text_field: args.text_field.clone(),
        ..Default::default()
    };
    let inputs = if args.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        args.inputs.clone()
    };
    input::read_all(&inputs, &opts)
}

fn thread_pool(args: &InputArgs) -> Result<rayon::ThreadPool> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        if n == 0 {
            bail!("--threads must be at least 1");
        }
        b = b.num_threads(n);
    }
    b.build().context("cannot start worker threads")
}

fn load_glossary(args: &GlossaryArgs) -> Result<Glossary> {
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
            Glossary::from_tsv(&text, name)?
        };
        g.extend(next);
    }
    Ok(g)
}

fn budget(args: &BudgetArgs) -> Budget {
    match (args.sentences, args.words, args.ratio) {
        (_, Some(w), _) => Budget::Words(w),
        (_, _, Some(r)) => Budget::Ratio(r),
        (Some(n), _, _) => Budget::Sentences(n),
        _ => Budget::default(),
    }
}

/// A record's own budget (`budget_words` in JSONL) or the run's.
fn doc_budget(doc: &Document, default: Budget) -> Budget {
    doc.meta
        .get("budget_words")
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&w| w > 0)
        .map_or(default, Budget::Words)
}

/// Runs the pipeline over all records in parallel, results in input order.
fn process_all(
    pool: &rayon::ThreadPool,
    pipeline: &Pipeline,
    records: Vec<Record>,
    default: Budget,
) -> Vec<Result<Article, Failed>> {
    pool.install(|| {
        records
            .into_par_iter()
            .map(|r| {
                r.map(|doc| {
                    let b = doc_budget(&doc, default);
                    pipeline.process_with_budget(doc, b)
                })
            })
            .collect()
    })
}

fn report_failures<'a>(failed: impl Iterator<Item = &'a Failed>, quiet: bool) -> usize {
    let mut n = 0;
    for f in failed {
        n += 1;
        let _ = quiet;
        eprintln!("khulasa: {}: {}", f.source, f.error);
    }
    n
}

fn exit_code(total: usize, failed: usize) -> ExitCode {
    if failed == 0 {
        ExitCode::SUCCESS
    } else if failed < total {
        ExitCode::from(1)
    } else {
        ExitCode::from(2)
    }
}

fn brief(args: BriefArgs) -> Result<ExitCode> {
    let pool = thread_pool(&args.input)?;
    let glossary = load_glossary(&args.glossary)?;
    let pipeline = Pipeline::builder()
        .glossary(glossary)
        .budget(budget(&args.budget))
        .build()?;
    let renderer = match &args.templates {
        Some(dir) => Renderer::with_dir(dir)?,
        None => Renderer::new()?,
    };
    let records = read_records(&args.input, true);
    if records.is_empty() {
        bail!("no documents found in the inputs (directories are searched for *.txt; use --jsonl for JSONL)");
    }
    let total = records.len();
    let results = process_all(&pool, &pipeline, records, budget(&args.budget));
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create output directory {}", args.out.display()))?;
    let ids: Vec<&str> = results
        .iter()
        .map(|r| match r {
            Ok(a) => a.doc.id.as_str(),
            Err(f) => f.id.as_str(),
        })
        .collect();
    let stems = unique_stems(ids.into_iter());
    let mut formats = args.format.clone();
    formats.dedup();
    // Render in parallel too; each document's files depend only on itself.
    let rendered: Vec<Result<Vec<(String, String)>, String>> = pool.install(|| {
        results
            .par_iter()
            .zip(stems.par_iter())
            .map(|(r, stem)| {
                let Ok(article) = r else {
                    return Ok(Vec::new());
                };
                let view = BriefView::new(article, pipeline.glossary());
                let mut files = Vec::new();
                for f in &formats {
                    let (ext, body) = match f {
                        BriefFormat::Md => ("md", renderer.render("brief.md.j2", &view)),
                        BriefFormat::Html => ("html", renderer.render("brief.html.j2", &view)),
                        BriefFormat::Txt => ("txt", renderer.render("brief.txt.j2", &view)),
                        BriefFormat::Json => (
                            "json",
                            serde_json::to_string_pretty(&view)
                                .map(|s| s + "\n")
                                .map_err(|e| khulasa::Error::Config(e.to_string())),
                        ),
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
                failed += report_failures(std::iter::once(f), args.input.quiet);
                entries.push(IndexEntry {
                    id: f.id.clone(),
                    title: String::new(),
                    file: stem.clone(),
                    error: Some(f.error.clone()),
                });
            }
        }
    }
    let index = IndexView {
        articles: entries,
        generator: concat!("khulasa ", env!("CARGO_PKG_VERSION")).to_string(),
    };
    write_atomic(
        &args.out.join("index.md"),
        renderer.render("index.md.j2", &index)?.as_bytes(),
    )?;
    if formats.contains(&BriefFormat::Html) {
        write_atomic(
            &args.out.join("index.html"),
            renderer.render("index.html.j2", &index)?.as_bytes(),
        )?;
    }
    if formats.contains(&BriefFormat::Json) {
        write_atomic(
            &args.out.join("index.json"),
            (serde_json::to_string_pretty(&index)? + "\n").as_bytes(),
        )?;
    }
    if !args.input.quiet {
        eprintln!(
            "khulasa: {} briefings in {} ({} failed)",
            total - failed,
            args.out.display(),
            failed
        );
    }
    Ok(exit_code(total, failed))
}

fn split(args: SplitArgs) -> Result<ExitCode> {
    let pool = thread_pool(&args.input)?;
    let records = read_records(&args.input, false);
    let total = records.len();
    let lines: Vec<Result<String, Failed>> = pool.install(|| {
        records.into_par_iter().map(|r| r.map(|doc| {
            let sents = khulasa::segment::segment(&doc.text);
            match args.format {
                LineFormat::Text => {
                    let mut s = String::new();
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
                    json!({"id": doc.id, "sentences": offsets, "langs": langs, "kinds": kinds}).to_string() + "\n"
                }
            }
        })).collect()
    });
    write_lines(
        &args.out,
        lines,
        total,
        args.format == LineFormat::Text,
        args.input.quiet,
    )
}

fn write_lines(
    out: &str,
    lines: Vec<Result<String, Failed>>,
    total: usize,
    blank_between: bool,
    quiet: bool,
) -> Result<ExitCode> {
    let mut sink = Sink::open(out)?;
    let mut failed = 0;
    let mut first = true;
    for l in lines {
        match l {
            Ok(s) => {
                if blank_between && !first {
                    sink.write_all(b"\n")?;
                }
                first = false;
                sink.write_all(s.as_bytes())?;
            }
            Err(f) => failed += report_failures(std::iter::once(&f), quiet),
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
        .build()?;
    let records = read_records(&args.input, false);
    let total = records.len();
    let results = process_all(&pool, &pipeline, records, budget(&args.budget));
    let lines = results
        .into_iter()
        .map(|r| {
            r.map(|a| {
                let spans: Vec<_> = a
                    .summary
                    .sentences
                    .iter()
                    .filter_map(|&i| a.sentences.get(i))
                    .map(|s| s.span)
                    .collect();
                let texts: Vec<&str> = spans.iter().map(|s| s.slice(&a.doc.text)).collect();
                match args.format {
                    LineFormat::Text => texts
                        .iter()
                        .map(|t| format!("{}\n", t.replace(['\n', '\r'], " ")))
                        .collect(),
                    LineFormat::Jsonl => {
                        let offsets = spans_to_char_offsets(&a.doc.text, &spans);
                        json!({"id": a.doc.id, "summary": texts.join(" "), "sentences": offsets})
                            .to_string()
                            + "\n"
                    }
                }
            })
        })
        .collect();
    write_lines(
        &args.out,
        lines,
        total,
        args.format == LineFormat::Text,
        args.input.quiet,
    )
}

fn terms(args: TermsArgs) -> Result<ExitCode> {
    let pool = thread_pool(&args.input)?;
    let glossary = load_glossary(&args.glossary)?;
    let pipeline = Pipeline::builder().glossary(glossary).build()?;
    let records = read_records(&args.input, false);
    let total = records.len();
    let results = process_all(&pool, &pipeline, records, Budget::default());
    let entries = pipeline.glossary().entries();
    let lines = results
        .into_iter()
        .map(|r| r.map(|a| {
            let spans: Vec<_> = a.hits.iter().map(|h| h.span).collect();
            let offsets = spans_to_char_offsets(&a.doc.text, &spans);
            match args.format {
                LineFormat::Text => {
                    let mut s = format!("# {}\n", a.doc.id);
                    for (h, o) in a.hits.iter().zip(&offsets) {
                        if let Some(e) = entries.get(h.entry) {
                            s.push_str(&format!("{}-{}\t{}\t{}\t{}\n", o[0], o[1], h.span.slice(&a.doc.text), e.ar, e.en));
                        }
                    }
                    s
                }
                LineFormat::Jsonl => {
                    let hits: Vec<_> = a.hits.iter().zip(&offsets).filter_map(|(h, o)| entries.get(h.entry).map(|e| json!({"start": o[0], "end": o[1], "ar": e.ar, "en": e.en, "type": e.kind}))).collect();
                    json!({"id": a.doc.id, "hits": hits}).to_string() + "\n"
                }
            }
        }))
        .collect();
    write_lines(&args.out, lines, total, false, args.input.quiet)
}
