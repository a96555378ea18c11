//! `claimdex-bench`: generates scale corpora and measures claimdex on them against a plain
//! tantivy index and ripgrep, printing one markdown table. See `docs/benchmarks.md`.

use anyhow::{Context, Result};
use claimdex_dev::bench::{self, GenOptions, RunOptions};
use clap::{Parser, Subcommand};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Scale benchmarks for claimdex (build the release binaries first: cargo build --release --workspace --bins).
#[derive(Debug, Parser)]
#[command(name = "claimdex-bench", version)]
struct Cli {
    #[command(subcommand)]
    command: BenchCommand,
}

#[derive(Debug, Subcommand)]
enum BenchCommand {
    /// Write a deterministic corpus of migration-news articles (txt, html, md, a few pdf).
    GenCorpus {
        /// Total size, e.g. 10MB, 100MB, 1GB (decimal: 1 MB = 1,000,000 bytes).
        #[arg(long, value_parser = bench::parse_size)]
        size: u64,
        /// The same seed and size always give the same files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Folder to write (must be missing, empty, or an earlier generated corpus).
        #[arg(long)]
        out: PathBuf,
        /// SciFact folder whose abstracts' sentences are mixed in (needs `unzip`).
        #[arg(long)]
        scifact: Option<PathBuf>,
    },
    /// Measure index build, annotator, search, re-index and index size at each size.
    Run {
        /// Comma-separated corpus sizes.
        #[arg(long, value_delimiter = ',', value_parser = bench::parse_size, default_value = "10MB,100MB")]
        sizes: Vec<u64>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Folder for generated corpora and indexes (reused across runs).
        #[arg(long, default_value = "bench-work")]
        work: PathBuf,
        /// SciFact folder: its claims are the warm queries, its abstracts part of the corpus.
        #[arg(long)]
        scifact: Option<PathBuf>,
        /// Folder with the `claimdex` and `plain-indexer` binaries (default: next to this one).
        #[arg(long)]
        bin_dir: Option<PathBuf>,
        /// Number of warm queries timed.
        #[arg(long, default_value_t = 1000)]
        queries: usize,
        /// Also write the results as JSON to this file.
        #[arg(long)]
        json: Option<PathBuf>,
    },
    /// Index hostile inputs at n, 2n and 4n (a one-line file of prose, a deeply nested HTML
    /// page) and print time and peak memory with the ratio between neighbouring sizes.
    Hostile {
        /// Size of the smallest one-line file.
        #[arg(long, value_parser = bench::parse_size, default_value = "4MB")]
        line: u64,
        /// Depth of the shallowest nested page.
        #[arg(long, default_value_t = 25_000)]
        depth: u64,
        /// Folder for the temporary files and indexes.
        #[arg(long, default_value = "bench-work")]
        work: PathBuf,
        /// The claimdex binary (default: next to this one).
        #[arg(long)]
        claimdex: Option<PathBuf>,
    },
    /// Time warm searches alone on an existing index (to profile them): p50 / p95 / p99.
    Warm {
        /// The claimdex index folder.
        #[arg(long)]
        index: PathBuf,
        /// SciFact folder whose claims are the queries (else bundled sentences).
        #[arg(long)]
        scifact: Option<PathBuf>,
        /// Number of queries timed.
        #[arg(long, default_value_t = 1000)]
        queries: usize,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let mut log = |line: &str| eprintln!("{line}");
    match cli.command {
        BenchCommand::GenCorpus {
            size,
            seed,
            out,
            scifact,
        } => {
            let options = GenOptions {
                size,
                seed,
                out,
                scifact,
            };
            let report = bench::generate(&options, &mut log)?;
            let mut stdout = std::io::stdout().lock();
            writeln!(stdout, "{}", serde_json::to_string(&report)?)?;
        }
        BenchCommand::Run {
            sizes,
            seed,
            work,
            scifact,
            bin_dir,
            queries,
            json,
        } => {
            let options = RunOptions {
                sizes,
                seed,
                work,
                bin_dir: bin_dir_or_own(bin_dir)?,
                scifact,
                queries,
                annotate_sample: 20_000_000,
            };
            run_sizes(&options, json, &mut log)?;
        }
        BenchCommand::Hostile {
            line,
            depth,
            work,
            claimdex,
        } => hostile(line, depth, &work, claimdex, &mut log)?,
        BenchCommand::Warm {
            index,
            scifact,
            queries,
        } => warm(&index, scifact, queries)?,
    }
    Ok(())
}

/// The folder with the binaries: the one given, else this binary's own.
fn bin_dir_or_own(bin_dir: Option<PathBuf>) -> Result<PathBuf> {
    Ok(match bin_dir {
        Some(dir) => dir,
        None => std::env::current_exe()
            .context("finding this binary's folder; pass --bin-dir")?
            .parent()
            .map(PathBuf::from)
            .unwrap_or_default(),
    })
}

/// `run`: measures every size, writes the JSON when asked and prints the table.
fn run_sizes(options: &RunOptions, json: Option<PathBuf>, log: &mut dyn FnMut(&str)) -> Result<()> {
    let results = bench::run(options, log)?;
    if let Some(path) = json {
        std::fs::write(&path, serde_json::to_string_pretty(&results)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let mut stdout = std::io::stdout().lock();
    write!(stdout, "{}", bench::markdown_table(&results))?;
    Ok(())
}

/// `hostile`: times claimdex on hostile inputs and prints the table.
fn hostile(
    line: u64,
    depth: u64,
    work: &Path,
    claimdex: Option<PathBuf>,
    log: &mut dyn FnMut(&str),
) -> Result<()> {
    let claimdex = match claimdex {
        Some(path) => path,
        None => std::env::current_exe()
            .context("finding this binary's folder; pass --claimdex")?
            .with_file_name("claimdex"),
    };
    std::fs::create_dir_all(work).with_context(|| format!("creating {}", work.display()))?;
    let results = bench::hostile(&claimdex, work, line, depth, log)?;
    let mut stdout = std::io::stdout().lock();
    write!(stdout, "{}", bench::hostile_table(&results))?;
    Ok(())
}

/// `warm`: warm search latencies on an existing index.
fn warm(index: &Path, scifact: Option<PathBuf>, queries: usize) -> Result<()> {
    let (source, latencies) = bench::warm_search(index, scifact.as_deref(), queries)?;
    let quantile = |q| bench::measure::percentile(&latencies, q);
    let mut stdout = std::io::stdout().lock();
    writeln!(
        stdout,
        "{} queries ({source}): p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms",
        latencies.len(),
        quantile(0.50),
        quantile(0.95),
        quantile(0.99)
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse() {
        let cli = Cli::try_parse_from(["claimdex-bench", "run", "--sizes", "1MB,10MB"]).unwrap();
        assert!(
            matches!(cli.command, BenchCommand::Run { ref sizes, queries: 1000, .. } if sizes == &[1_000_000, 10_000_000])
        );
        let cli = Cli::try_parse_from([
            "claimdex-bench",
            "gen-corpus",
            "--size",
            "1GB",
            "--seed",
            "7",
            "--out",
            "x",
        ])
        .unwrap();
        assert!(matches!(
            cli.command,
            BenchCommand::GenCorpus {
                size: 1_000_000_000,
                seed: 7,
                ..
            }
        ));
        assert!(Cli::try_parse_from(["claimdex-bench", "run", "--sizes", "10XB"]).is_err());
        let cli = Cli::try_parse_from(["claimdex-bench", "warm", "--index", "idx"]).unwrap();
        assert!(
            matches!(cli.command, BenchCommand::Warm { ref index, queries: 1000, .. } if index == &PathBuf::from("idx"))
        );
        assert!(Cli::try_parse_from(["claimdex-bench", "warm"]).is_err());
    }
}
