//! `claimdex figures`: every figure the corpus cites, with its interval and period.

use anyhow::Result;
use claimdex::figures::Unit;
use claimdex::output;
use claimdex::query::{self, FigureFilter, FigureRequest};
use std::ops::Bound;
use std::process::ExitCode;

use super::format::{FormatArgs, OutputFormat, LISTING};
use super::Global;
use crate::print;

#[derive(Debug, clap::Args)]
pub struct FiguresArgs {
    /// Only figures in passages matching this search (default: every passage, in order).
    pub query: Option<String>,
    /// Only figures of this unit (count, percent, money, rate, ...).
    #[arg(long, value_parser = parse_unit)]
    pub unit: Option<Unit>,
    /// Only figures with a value of at least this.
    #[arg(long, allow_hyphen_values = true)]
    pub min: Option<f64>,
    /// Only figures with a value of at most this.
    #[arg(long, allow_hyphen_values = true)]
    pub max: Option<f64>,
    /// Only figures whose period mentions this year ("in 2023", "FY 2023", "2010 to 2023").
    #[arg(long)]
    pub year: Option<u32>,
    /// Only this document (its slug).
    #[arg(long)]
    pub doc: Option<String>,
    /// How many figures to list (default: 100 in a table; every figure with --json).
    #[arg(long, short = 'n')]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub output: FormatArgs,
}

pub fn run(global: &Global, args: FiguresArgs) -> Result<ExitCode> {
    let format = args.output.choose("figures", LISTING)?;
    let corpus = global.corpus()?;
    let filter = match (args.unit, args.min, args.max) {
        (None, None, None) => None,
        (None, _, _) => {
            anyhow::bail!("--min and --max need --unit (e.g. --unit percent --min 50)")
        }
        (Some(unit), min, max) => Some(FigureFilter {
            unit,
            min: min.map_or(Bound::Unbounded, Bound::Included),
            max: max.map_or(Bound::Unbounded, Bound::Included),
        }),
    };
    let request = FigureRequest {
        query: args.query,
        filter,
        year: args.year,
        doc: args.doc,
        // A listing for a program is complete unless the user asked for less.
        limit: args
            .limit
            .unwrap_or(if format.is_data() { usize::MAX } else { 100 }),
    };
    let hits = query::list_figures(&corpus, &request)?;
    if format == OutputFormat::Json {
        print(&output::json_lines(&hits)?)?;
    } else if format == OutputFormat::Csv {
        print(&output::csv_rows(&hits)?)?;
    } else if hits.is_empty() {
        eprintln!("no figures match");
    } else {
        print(&output::figures_table(&hits, global.style))?;
    }
    Ok(super::found(!hits.is_empty()))
}

fn parse_unit(name: &str) -> Result<Unit, String> {
    Unit::parse(name).ok_or_else(|| {
        let units: Vec<&str> = Unit::ALL.iter().map(|unit| unit.as_str()).collect();
        format!("unknown unit {name:?} (use one of: {})", units.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use crate::cli::{Args, Command};
    use clap::Parser;

    #[test]
    fn figures_flags_parse() {
        let args = Args::parse_from([
            "claimdex", "figures", "--unit", "percent", "--min", "-5", "-n", "3",
        ]);
        assert!(matches!(
            args.command,
            Command::Figures(ref figures) if figures.min == Some(-5.0) && figures.limit == Some(3)
        ));
        assert!(Args::try_parse_from(["claimdex", "figures", "--unit", "parsecs"]).is_err());
    }
}
