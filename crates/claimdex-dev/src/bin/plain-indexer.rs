//! `plain-indexer`: the benchmark baseline, a plain tantivy index of claimdex's passages with
//! the same analyzer and nothing else (see `claimdex_dev::bench::plain`).

use anyhow::Result;
use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

/// Index the passages of files and folders into a plain one-field tantivy index.
#[derive(Debug, Parser)]
#[command(name = "plain-indexer", version)]
struct Cli {
    /// Files or folders to index.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Folder of the index (deleted first if it exists).
    #[arg(long)]
    out: PathBuf,
    /// Worker threads for reading and segmenting (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let defaults = claimdex::index::IndexOptions::default();
    let threads = cli.threads.unwrap_or(defaults.threads);
    let report =
        claimdex_dev::bench::plain_index(&cli.paths, &cli.out, threads, defaults.heap_bytes)?;
    println!("{}", serde_json::to_string(&report)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse() {
        let cli = Cli::try_parse_from(["plain-indexer", "corpus", "--out", "x"]).unwrap();
        assert_eq!(cli.out, PathBuf::from("x"));
        assert!(Cli::try_parse_from(["plain-indexer", "--out", "x"]).is_err());
    }
}
