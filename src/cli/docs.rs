//! `claimdex docs`: the indexed documents.

use anyhow::Result;
use std::process::ExitCode;

use super::Global;
use crate::print;

#[derive(Debug, clap::Args)]
pub struct DocsArgs {
    /// One JSON object per document.
    #[arg(long)]
    pub json: bool,
}

pub fn run(global: &Global, args: DocsArgs) -> Result<ExitCode> {
    let corpus = global.corpus()?;
    let mut out = String::new();
    for (stored, entry) in &corpus.manifest()?.files {
        // Shown as the user can open it from here (stored paths are relative to the index's base).
        let path = corpus.anchor.resolve(stored);
        if args.json {
            let value = serde_json::json!({
                "doc": entry.slug, "path": path, "passages": entry.passages,
                "sentences": entry.sentences, "bytes": entry.size,
            });
            out.push_str(&format!("{value}\n"));
        } else {
            out.push_str(&format!(
                "{:<60} {:>5} passages  {}\n",
                entry.slug,
                entry.passages,
                global.style.cyan(&path.display().to_string())
            ));
        }
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}
