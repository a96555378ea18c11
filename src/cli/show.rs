//! `claimdex show`: a document as claimdex read it.

use anyhow::Result;
use claimdex::output;
use claimdex::query;
use std::process::ExitCode;

use super::Global;
use crate::print;

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The document's slug (file name without extension) or its path.
    pub doc: String,
    /// Also list the lines the cleaner dropped, with the reason.
    #[arg(long)]
    pub dropped: bool,
}

pub fn run(global: &Global, args: ShowArgs) -> Result<ExitCode> {
    let corpus = global.corpus()?;
    match query::load_document(&corpus, &args.doc)? {
        Some(document) => {
            print(&output::render_document(
                &document,
                global.style,
                args.dropped,
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            anyhow::bail!(
                "no document '{}' in the index at {}; `claimdex docs` lists them",
                args.doc,
                global.index.display()
            )
        }
    }
}
