//! `claimdex search`: best passages first, with highlights.

use anyhow::Result;
use claimdex::output;
use claimdex::query::{self, FigureFilter, SearchRequest};
use std::process::ExitCode;

use super::format::{FormatArgs, OutputFormat, LISTING};
use super::Global;
use crate::print;

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// What to search for, e.g. "Chinese nationals entered Ecuador".
    pub query: String,
    /// How many passages to show (default: 10 in a table; every matching passage with --json).
    #[arg(long, short = 'n')]
    pub limit: Option<usize>,
    /// Only this document (its slug, as `claimdex show` lists it).
    #[arg(long)]
    pub doc: Option<String>,
    /// Only documents from this publisher (words of its name).
    #[arg(long)]
    pub publisher: Option<String>,
    /// Only documents published this year.
    #[arg(long)]
    pub year: Option<u32>,
    /// Only passages citing a figure that matches UNIT OP NUMBER, e.g. 'percent>50',
    /// 'count>=10000', 'money<1e9' (units: count, percent, percentage_points, money, rate,
    /// multiplier, fraction, year, duration, ordinal, age, measure, other).
    #[arg(long, value_parser = FigureFilter::parse)]
    pub figure: Option<FigureFilter>,
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run(global: &Global, args: SearchArgs) -> Result<ExitCode> {
    let format = args.output.choose("search", LISTING)?;
    let corpus = global.corpus()?;
    // A listing for a program is complete unless the user asked for less.
    let limit = match args.limit {
        Some(limit) => limit,
        None if format.is_data() => corpus.passage_limit()?,
        None => 10,
    };
    let request = SearchRequest {
        query: args.query,
        limit,
        doc: args.doc,
        publisher: args.publisher,
        year: args.year,
        figure: args.figure,
        plain: false,
    };
    let results = query::search(&corpus, &request)?;
    for note in &results.notes {
        eprintln!("{note}");
    }
    if let Some(doc) = &request.doc {
        if !corpus
            .manifest()?
            .files
            .values()
            .any(|entry| &entry.slug == doc)
        {
            eprintln!("note: no document '{doc}' in the index; `claimdex docs` lists them");
        }
    }
    if format == OutputFormat::Json {
        print(&output::search_json(&results))?;
    } else if format == OutputFormat::Csv {
        print(&output::csv_rows(&results.hits)?)?;
    } else if results.hits.is_empty() {
        eprintln!("no passages match");
    } else {
        print(&output::search_table(&results, global.style))?;
        eprintln!(
            "{} of {} matching passages shown",
            results.hits.len(),
            results.total
        );
    }
    Ok(super::found(!results.hits.is_empty()))
}

#[cfg(test)]
mod tests {
    use crate::cli::{Args, Command};
    use clap::Parser;

    #[test]
    fn search_flags_parse() {
        let args = Args::parse_from([
            "claimdex", "search", "a b", "--limit", "3", "--year", "2024", "--json",
        ]);
        match args.command {
            Command::Search(search) => {
                assert_eq!(
                    (
                        search.query.as_str(),
                        search.limit,
                        search.year,
                        search.output.json
                    ),
                    ("a b", Some(3), Some(2024), true)
                );
            }
            other => panic!("wrong command {other:?}"),
        }
        assert!(Args::try_parse_from(["claimdex", "search"]).is_err());
        assert!(Args::try_parse_from(["claimdex", "search", "x", "--figure", "percent>"]).is_err());
    }
}
