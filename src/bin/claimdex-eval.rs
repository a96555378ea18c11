//! `claimdex-eval`: runs claimdex's annotators against other people's test suites and prints a
//! table per file, what was out of scope and why, and a summary line.

use clap::{Parser, Subcommand};
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Measure claimdex against external test suites (see /work/shared/eval/*/PROVENANCE.md).
#[derive(Debug, Parser)]
#[command(name = "claimdex-eval", version)]
struct Cli {
    #[command(subcommand)]
    suite: Suite,
    /// Also print the first failing cases of each file.
    #[arg(long, short, global = true)]
    verbose: bool,
}

#[derive(Debug, Subcommand)]
enum Suite {
    /// Microsoft Recognizers-Text English Number and NumberWithUnit specs.
    Numbers {
        /// The `recognizers-text-en` folder.
        path: PathBuf,
    },
    /// SemEval-2021 Task 8 (MeasEval) test split: quantities, units, modifiers, measured entities.
    Measeval {
        /// The `measeval` folder.
        path: PathBuf,
    },
    /// CLEF 2020 CheckThat! Task 1 (English): check-worthiness ranking of tweets (MAP, P@k).
    Checkworthy {
        /// The `checkthat2020-task1-en` folder.
        path: PathBuf,
    },
    /// quantulum3's English quantity-extraction tests.
    Quantulum {
        /// The `quantulum3-en` folder.
        path: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.suite {
        Suite::Numbers { path } => claimdex::eval::numbers::run(path, cli.verbose),
        Suite::Measeval { path } => claimdex::eval::measeval::run(path, cli.verbose),
        Suite::Quantulum { path } => claimdex::eval::quantulum::run(path, cli.verbose),
        Suite::Checkworthy { path } => claimdex::eval::checkworthy::run(path, cli.verbose),
    };
    match result {
        Ok(report) => {
            // A closed pipe (`| head`) is not an error: exit 0 quietly, as ripgrep does.
            let mut stdout = std::io::stdout().lock();
            match writeln!(stdout, "{}", report.render()) {
                Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("claimdex-eval: cannot write the report: {error}");
                    ExitCode::from(2)
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(error) => {
            eprintln!("claimdex-eval: {error:#}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_suite_and_path() {
        let cli = Cli::try_parse_from(["claimdex-eval", "numbers", "/tmp/x", "-v"]).unwrap();
        assert!(cli.verbose);
        assert!(matches!(cli.suite, Suite::Numbers { path } if path.as_os_str() == "/tmp/x"));
        assert!(Cli::try_parse_from(["claimdex-eval", "nonsense", "/tmp"]).is_err());
    }
}
