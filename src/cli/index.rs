//! `claimdex index`: build or bring the index up to date.

use anyhow::Result;
use claimdex::index::IndexOptions;
use claimdex::output;
use std::path::PathBuf;
use std::process::ExitCode;

use super::format::{FormatArgs, OutputFormat};
use super::Global;
use crate::print;

#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// Files or folders to index (.txt, .md, .html, .htm, .pdf; folders are walked).
    pub paths: Vec<PathBuf>,
    /// Delete the index and build it again from scratch.
    #[arg(long)]
    pub rebuild: bool,
    /// Worker threads for reading and annotating (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run(global: &Global, args: IndexArgs) -> Result<ExitCode> {
    // The summary is one object: a table (on stderr) or JSON, no CSV.
    let format = args
        .output
        .choose("index", &[OutputFormat::Table, OutputFormat::Json])?;
    let mut options = IndexOptions {
        paths: args.paths,
        rebuild: args.rebuild,
        ..IndexOptions::default()
    };
    if let Some(threads) = args.threads {
        options.threads = threads.max(1);
    }
    let report = super::run_index(&global.index, &options)?;
    if format == OutputFormat::Json {
        print(&format!("{}\n", serde_json::to_string(&report)?))?;
    } else {
        eprintln!("{}", output::index_summary(&report));
    }
    Ok(if report.has_errors() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use crate::cli::{Args, Command};
    use clap::Parser;

    #[test]
    fn index_flags_parse() {
        let args = Args::parse_from(["claimdex", "index", "corpus", "extra", "--rebuild"]);
        assert!(
            matches!(args.command, Command::Index(ref index) if index.paths.len() == 2 && index.rebuild)
        );
        let args = Args::parse_from(["claimdex", "index", "--threads", "3", "--json"]);
        assert!(
            matches!(args.command, Command::Index(ref index) if index.threads == Some(3) && index.output.json)
        );
    }
}
