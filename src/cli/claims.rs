//! `claimdex claims`: claims with their figures and sources, most check-worthy first.

use anyhow::Result;
use claimdex::output;
use claimdex::query;
use std::process::ExitCode;

use super::format::{FormatArgs, OutputFormat, LISTING};
use super::Global;
use crate::print;

#[derive(Debug, clap::Args)]
pub struct ClaimsArgs {
    /// Only claims in passages matching this search.
    pub query: Option<String>,
    /// Only claims of this topic (id or name, `claimdex topics` lists them); anything else is
    /// searched for as an ad-hoc topic.
    #[arg(long)]
    pub topic: Option<String>,
    /// Only claims resting on this source (a name, alias or abbreviation, e.g. CBP).
    #[arg(long)]
    pub source: Option<String>,
    /// Only this document (its slug).
    #[arg(long)]
    pub doc: Option<String>,
    /// Only claims whose text names no source: what to check first.
    #[arg(long, conflicts_with = "source")]
    pub unattributed: bool,
    /// Only claims with a check-worthiness of at least this (0 to 1).
    #[arg(long)]
    pub min_score: Option<f64>,
    /// How many claims to list (default: 20 in a table; every claim with --json or --csv).
    #[arg(long, short = 'n')]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run(global: &Global, args: ClaimsArgs) -> Result<ExitCode> {
    let format = args.output.choose("claims", LISTING)?;
    let corpus = global.corpus()?;
    let request = query::ClaimRequest {
        query: args.query,
        topic: args.topic,
        source: args.source,
        doc: args.doc,
        unattributed: args.unattributed,
        min_score: args.min_score,
        // A listing for a program or a spreadsheet is complete unless the user asked for less.
        limit: args
            .limit
            .unwrap_or(if format.is_data() { usize::MAX } else { 20 }),
    };
    let rules = super::corpus_rules(&corpus);
    let results = query::list_claims(&corpus, &request, &rules.registry, &rules.taxonomy)?;
    for note in &results.notes {
        eprintln!("{note}");
    }
    // The fact-checkers' verdicts beside each claim; a broken reviews file is an error that
    // names it, and the listing goes on without it.
    let (reviews, broken) = match claimdex::review::Reviews::for_corpus(&corpus) {
        Ok(reviews) => (reviews, false),
        Err(error) => {
            eprintln!("error: {error}");
            (claimdex::review::Reviews::default(), true)
        }
    };
    if format == OutputFormat::Json {
        print(&output::claims_json(&results.claims, &reviews))?;
    } else if format == OutputFormat::Csv {
        print(&output::claims_csv(&results.claims, &reviews))?;
    } else if results.claims.is_empty() {
        eprintln!("no claims match");
    } else {
        print(&output::claims_table(
            &results.claims,
            &reviews,
            global.style,
        ))?;
        eprintln!(
            "{} of {} matching claims shown",
            results.claims.len(),
            results.total
        );
    }
    if broken {
        return Ok(ExitCode::from(2));
    }
    Ok(super::found(!results.claims.is_empty()))
}

#[cfg(test)]
mod tests {
    use crate::cli::{Args, Command};
    use clap::Parser;

    #[test]
    fn claims_flags_parse() {
        let args = Args::parse_from([
            "claimdex",
            "claims",
            "crime",
            "--topic",
            "darien-gap",
            "--unattributed",
            "--min-score",
            "0.5",
            "-n",
            "7",
            "--csv",
        ]);
        assert!(matches!(
            args.command,
            Command::Claims(ref claims)
                if claims.query.as_deref() == Some("crime")
                    && claims.topic.as_deref() == Some("darien-gap")
                    && claims.unattributed
                    && claims.min_score.is_some()
                    && claims.limit == Some(7)
                    && claims.output.csv
                    && !claims.output.json
        ));
        assert!(Args::try_parse_from(["claimdex", "claims", "--json", "--csv"]).is_err());
    }
}
