//! `claimdex docs`: the indexed documents.

use anyhow::Result;
use claimdex::output;
use std::process::ExitCode;

use super::format::{FormatArgs, OutputFormat, LISTING};
use super::Global;
use crate::print;

#[derive(Debug, clap::Args)]
pub struct DocsArgs {
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run(global: &Global, args: DocsArgs) -> Result<ExitCode> {
    let format = args.output.choose("docs", LISTING)?;
    let corpus = global.corpus()?;
    let mut out = String::new();
    let mut rows = Vec::new();
    for (stored, entry) in &corpus.manifest()?.files {
        // Shown as the user can open it from here (stored paths are relative to the index's base).
        let path = corpus.anchor.resolve(stored);
        if format.is_data() {
            rows.push(serde_json::json!({
                "doc": entry.slug, "path": path, "passages": entry.passages,
                "sentences": entry.sentences, "bytes": entry.size,
            }));
        } else {
            out.push_str(&format!(
                "{:<60} {:>5} passages  {}\n",
                entry.slug,
                entry.passages,
                global.style.cyan(&path.display().to_string())
            ));
        }
    }
    match format {
        OutputFormat::Json => out = output::json_lines(&rows)?,
        OutputFormat::Csv => out = output::csv_rows(&rows)?,
        _ => {}
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}
