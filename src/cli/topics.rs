//! `claimdex topics`: the taxonomy with counts of passages, claims and sources.

use anyhow::Result;
use claimdex::output;
use claimdex::query;
use std::process::ExitCode;

use super::Global;
use crate::print;

#[derive(Debug, clap::Args)]
pub struct TopicsArgs {
    /// One JSON object per topic, one per line.
    #[arg(long)]
    pub json: bool,
}

pub fn run(global: &Global, args: TopicsArgs) -> Result<ExitCode> {
    let corpus = global.corpus()?;
    let topics = query::topic_counts(&corpus, &super::corpus_rules(&corpus).taxonomy)?;
    if args.json {
        print(&output::topics_json(&topics))?;
    } else {
        print(&output::topics_table(&topics, global.style))?;
    }
    Ok(ExitCode::SUCCESS)
}
