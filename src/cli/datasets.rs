//! `claimdex datasets`: the datasets figures are checked against, with their problems.

use anyhow::Result;
use claimdex::output;
use std::process::ExitCode;

use super::Global;
use crate::print;

#[derive(Debug, clap::Args)]
pub struct DatasetsArgs {
    /// One JSON object per dataset.
    #[arg(long)]
    pub json: bool,
}

pub fn run(global: &Global, args: DatasetsArgs) -> Result<ExitCode> {
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
    if args.json {
        print(&output::json_lines(&summaries)?)?;
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
