//! `claimdex datasets`: the datasets figures are checked against, with their problems.

use anyhow::Result;
use claimdex::output;
use std::process::ExitCode;

use super::format::{FormatArgs, OutputFormat, LISTING};
use super::Global;
use crate::print;

#[derive(Debug, clap::Args)]
pub struct DatasetsArgs {
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run(global: &Global, args: DatasetsArgs) -> Result<ExitCode> {
    let format = args.output.choose("datasets", LISTING)?;
    if !global.datasets.is_dir() {
        anyhow::bail!(
            "{}: no such folder of datasets; pass --datasets DIR (default corpus/datasets)",
            global.datasets.display()
        );
    }
    let (datasets, diagnostics) = claimdex::datasets::load_dir(&global.datasets);
    for diagnostic in &diagnostics {
        eprintln!("{diagnostic}");
    }
    let summaries = claimdex::datasets::summaries(&datasets, &diagnostics);
    if format == OutputFormat::Json {
        print(&output::json_lines(&summaries)?)?;
    } else if format == OutputFormat::Csv {
        print(&output::csv_rows(&summaries)?)?;
    } else {
        print(&output::datasets_table(&summaries, global.style))?;
    }
    let has_errors = diagnostics
        .iter()
        .any(|d| d.severity == claimdex::diagnostic::Severity::Error);
    Ok(if has_errors {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
