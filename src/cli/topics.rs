//! `claimdex topics`: the taxonomy with counts of passages, claims and sources.

use anyhow::Result;
use claimdex::output;
use claimdex::query;
use std::process::ExitCode;

use super::format::{FormatArgs, OutputFormat, LISTING};
use super::Global;
use crate::print;

#[derive(Debug, clap::Args)]
pub struct TopicsArgs {
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run(global: &Global, args: TopicsArgs) -> Result<ExitCode> {
    let format = args.output.choose("topics", LISTING)?;
    let corpus = global.corpus()?;
    let topics = query::topic_counts(&corpus, &super::corpus_rules(&corpus).taxonomy)?;
    if format == OutputFormat::Json {
        print(&output::topics_json(&topics))?;
    } else if format == OutputFormat::Csv {
        print(&output::csv_rows(&topics)?)?;
    } else {
        print(&output::topics_table(&topics, global.style))?;
    }
    Ok(ExitCode::SUCCESS)
}
