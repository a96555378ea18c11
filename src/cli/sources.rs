//! `claimdex sources`: the sources claims rest on, with the claims each one backs.

use anyhow::Result;
use claimdex::output;
use claimdex::query;
use std::process::ExitCode;

use super::format::{FormatArgs, OutputFormat, LISTING};
use super::Global;
use crate::print;

#[derive(Debug, clap::Args)]
pub struct SourcesArgs {
    /// Only sources of claims in passages matching this search.
    pub query: Option<String>,
    /// Only sources of claims of this topic (id or name; anything else is searched for).
    #[arg(long)]
    pub topic: Option<String>,
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run(global: &Global, args: SourcesArgs) -> Result<ExitCode> {
    let format = args.output.choose("sources", LISTING)?;
    let corpus = global.corpus()?;
    let rules = super::corpus_rules(&corpus);
    let (sources, notes) = query::list_sources(
        &corpus,
        args.query.as_deref(),
        args.topic.as_deref(),
        &rules.registry,
        &rules.taxonomy,
    )?;
    for note in &notes {
        eprintln!("{note}");
    }
    if format == OutputFormat::Json {
        print(&output::sources_json(&sources))?;
    } else if format == OutputFormat::Csv {
        print(&output::csv_rows(&sources)?)?;
    } else if sources.is_empty() {
        eprintln!("no sources match");
    } else {
        print(&output::sources_table(&sources, global.style))?;
    }
    Ok(super::found(!sources.is_empty()))
}

#[cfg(test)]
mod tests {
    use crate::cli::{Args, Command};
    use clap::Parser;

    #[test]
    fn sources_flags_parse() {
        let args = Args::parse_from(["claimdex", "sources", "--topic", "x", "--json"]);
        assert!(matches!(
            args.command,
            Command::Sources(ref sources) if sources.output.json && sources.topic.as_deref() == Some("x")
        ));
    }
}
