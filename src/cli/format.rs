//! The one output format every command chooses from, and the flags that choose it: `--format`,
//! with `--json` and `--csv` as shorthands. Each command names the formats it writes; asking for
//! another is a one-line error that lists them.

use anyhow::{bail, Result};
use clap::{Args as ClapArgs, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Aligned text for a terminal.
    Table,
    /// One JSON object per line.
    Json,
    /// A header row, then one row per item (nested fields as `a.b`, lists joined with "; ").
    Csv,
    /// A report to hand to an editor (`check`).
    Markdown,
    /// A self-contained web page (`check`).
    Html,
    /// schema.org ClaimReview JSON-LD (`check`).
    Claimreview,
}

impl OutputFormat {
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Table => "table",
            OutputFormat::Json => "json",
            OutputFormat::Csv => "csv",
            OutputFormat::Markdown => "markdown",
            OutputFormat::Html => "html",
            OutputFormat::Claimreview => "claimreview",
        }
    }

    /// Whether the output is for a program or a spreadsheet, so a listing is complete unless
    /// the user asked for less.
    pub fn is_data(self) -> bool {
        matches!(self, OutputFormat::Json | OutputFormat::Csv)
    }
}

/// The format flags every listing takes (flattened into its `clap::Args`).
#[derive(Debug, Clone, Default, ClapArgs)]
pub struct FormatArgs {
    /// Output format: table (default), json, csv; `check` also writes markdown, html and
    /// claimreview.
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
    /// One JSON object per line (same as --format json).
    #[arg(long, conflicts_with_all = ["format", "csv"])]
    pub json: bool,
    /// CSV with a header row (same as --format csv; cells starting with = + - @ get a ').
    #[arg(long, conflicts_with = "format")]
    pub csv: bool,
}

impl FormatArgs {
    /// The format asked for, when `command` writes it; else an error naming the ones it does.
    pub fn choose(&self, command: &str, offered: &[OutputFormat]) -> Result<OutputFormat> {
        let format = if self.json {
            OutputFormat::Json
        } else if self.csv {
            OutputFormat::Csv
        } else {
            self.format.unwrap_or(OutputFormat::Table)
        };
        if !offered.contains(&format) {
            let names: Vec<&str> = offered.iter().map(|format| format.name()).collect();
            bail!(
                "claimdex {command} does not write {}; use --format {}",
                format.name(),
                names.join(", ")
            );
        }
        Ok(format)
    }
}

/// What a listing writes: a table, JSON lines or CSV.
pub const LISTING: &[OutputFormat] = &[OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Args;
    use clap::Parser;

    #[test]
    fn the_shorthands_and_format_choose_the_same_and_unoffered_formats_are_named() {
        let with = |flags: &[&str]| {
            let mut argv = vec!["claimdex", "figures"];
            argv.extend_from_slice(flags);
            match Args::try_parse_from(argv).map(|args| args.command) {
                Ok(crate::cli::Command::Figures(figures)) => Ok(figures.output),
                Ok(other) => panic!("wrong command {other:?}"),
                Err(err) => Err(err.kind()),
            }
        };
        let chosen = |flags: &[&str]| with(flags).unwrap().choose("figures", LISTING).unwrap();
        assert_eq!(chosen(&[]), OutputFormat::Table);
        assert_eq!(chosen(&["--json"]), OutputFormat::Json);
        assert_eq!(chosen(&["--format", "json"]), OutputFormat::Json);
        assert_eq!(chosen(&["--csv"]), OutputFormat::Csv);
        assert_eq!(chosen(&["--format", "csv"]), OutputFormat::Csv);
        assert!(with(&["--json", "--csv"]).is_err());
        assert!(with(&["--json", "--format", "table"]).is_err());
        assert!(
            with(&["--format", "xml"]).is_err(),
            "an unknown format is clap's error"
        );
        assert!(with(&["--format"]).is_err(), "--format needs a value");
        let err = with(&["--format", "html"])
            .unwrap()
            .choose("figures", LISTING)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "claimdex figures does not write html; use --format table, json, csv"
        );
    }
}
