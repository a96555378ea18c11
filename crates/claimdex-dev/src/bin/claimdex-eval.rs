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
    /// SciFact claim → abstract retrieval: nDCG@10 and Recall@100 beside published BM25 runs.
    Retrieval {
        /// The SciFact folder (holding PROVENANCE.md, original/scifact-hf-csv.zip and beir/).
        path: PathBuf,
        /// Which claims to run: train (for tuning) or test (BEIR's test split, the one to report).
        #[arg(long, default_value = "test")]
        split: claimdex_dev::eval::retrieval::Split,
        /// Instead, score a grid of field boosts on the train claims (whatever --split says).
        #[arg(long)]
        tune: bool,
    },
    /// CheckThat! 2020 task 2: rank verified claims for each test tweet; MAP@1/3/5/10.
    ClaimRetrieval {
        /// The task folder (holding vclaims/ and test/).
        path: PathBuf,
    },
    /// Real news excerpts with gold labels (tests/fixtures/news-eval): figures, periods,
    /// attribution, arithmetic, cross-document pairs and false verdicts, per split.
    News {
        /// The folder holding corpus/, gold/ and pairs.toml.
        path: PathBuf,
        /// The claimdex binary to measure (default: the one beside this binary).
        #[arg(long)]
        bin: Option<PathBuf>,
        /// The datasets to check against (default: the repository's corpus/datasets).
        #[arg(long)]
        datasets: Option<PathBuf>,
    },
    /// quantulum3's English quantity-extraction tests.
    Quantulum {
        /// The `quantulum3-en` folder.
        path: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(text) = text_report(&cli) {
        return match text {
            Ok(text) => {
                let _ = writeln!(std::io::stdout().lock(), "{text}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("claimdex-eval: {error:#}");
                ExitCode::from(2)
            }
        };
    }
    let result = match &cli.suite {
        Suite::Numbers { path } => claimdex_dev::eval::numbers::run(path, cli.verbose),
        Suite::Measeval { path } => claimdex_dev::eval::measeval::run(path, cli.verbose),
        Suite::Quantulum { path } => claimdex_dev::eval::quantulum::run(path, cli.verbose),
        Suite::Checkworthy { path } => claimdex_dev::eval::checkworthy::run(path, cli.verbose),
        Suite::Retrieval { .. } | Suite::ClaimRetrieval { .. } | Suite::News { .. } => {
            return ExitCode::from(2)
        }
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

/// The report of a suite that writes its own text (retrieval, its boost tuning, claim
/// retrieval, news); `None` for the suites with a `SuiteReport`.
fn text_report(cli: &Cli) -> Option<Result<String, String>> {
    let boosts = claimdex::query::FieldBoosts::default();
    match &cli.suite {
        Suite::Retrieval {
            path, tune: true, ..
        } => Some(
            claimdex_dev::eval::retrieval::tune_scifact(path)
                .map(|rows| {
                    rows.iter()
                        .map(|row| format!("{row}\n"))
                        .collect::<String>()
                })
                .map_err(|error| error.to_string()),
        ),
        Suite::Retrieval { path, split, .. } => Some(
            claimdex_dev::eval::retrieval::evaluate_scifact(path, *split, &boosts)
                .map(|report| format!("{report}"))
                .map_err(|error| error.to_string()),
        ),
        Suite::ClaimRetrieval { path } => Some(
            claimdex_dev::eval::claim_retrieval::evaluate_checkthat(path, &boosts)
                .map(|report| format!("{report}"))
                .map_err(|error| error.to_string()),
        ),
        Suite::News {
            path,
            bin,
            datasets,
        } => Some(
            run_news(path, bin.as_deref(), datasets.as_deref(), cli.verbose)
                .map_err(|error| error.to_string()),
        ),
        _ => None,
    }
}

/// `claimdex-eval news`: the claimdex binary beside this one unless `--bin` names another.
fn run_news(
    path: &std::path::Path,
    bin: Option<&std::path::Path>,
    datasets: Option<&std::path::Path>,
    verbose: bool,
) -> Result<String, claimdex_dev::eval::EvalError> {
    let bin = match bin {
        Some(bin) => bin.to_path_buf(),
        None => std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join("claimdex")))
            .unwrap_or_else(|| PathBuf::from("claimdex")),
    };
    let datasets = datasets.map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/datasets"),
        std::path::Path::to_path_buf,
    );
    claimdex_dev::eval::news::run(path, &bin, &datasets, verbose)
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
