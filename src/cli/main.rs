//! The `khulasa` command-line tool: a thin layer over the library.

#![cfg_attr(
    test,
    allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

mod args;
mod batch_cmd;
mod commands;
mod eval_cmd;
mod glossary_cmd;
mod merge_cmd;
mod output;
mod prep_cmd;
mod summary_line;
mod templates_cmd;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: with several batch workers the
/// system allocator's cross-thread frees cost ~20% extra CPU (documents are
/// read on one thread and freed on another); measured in the README.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    if !matches!(cli.command, args::Command::Batch(_)) {
        no_huge_pages();
    }
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let mut msg = format!("khulasa: error: {err}");
            for cause in err.chain().skip(1) {
                let c = cause.to_string();
                if !msg.contains(&c) {
                    msg.push_str(&format!(": {c}"));
                }
            }
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

/// Turns transparent huge pages off for the rest of the process.
///
/// mimalloc asks the kernel for 2 MiB pages (`MADV_HUGEPAGE`), and the kernel
/// zeroes each one whole on first touch. A `summarize` of the 77 EASC dev
/// articles touches ~14 MiB that way and spent ~11% of its time in that
/// zeroing (perf); with 4 KiB pages it touches ~7 MiB. Only `batch`, which runs
/// for minutes over whole archives, keeps them (fewer TLB misses; measured in
/// the README). The first 2 MiB page, taken before `main`, stays.
fn no_huge_pages() {
    // A failure is harmless (the process keeps huge pages).
    #[cfg(target_os = "linux")]
    let _ = nix::sys::prctl::set_thp_disable(true);
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
