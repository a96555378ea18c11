//! `claimdex-eval`: scores claimdex's own search on public test collections. Glue only: the
//! loading, indexing, searching and scoring live in `claimdex::eval`.

use anyhow::Result;
use claimdex::eval::{claim_retrieval, retrieval};
use claimdex::query::FieldBoosts;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Measure claimdex's search against published results on public test collections.
#[derive(Debug, Parser)]
#[command(name = "claimdex-eval", version, about)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// SciFact claim → abstract retrieval: nDCG@10 and Recall@100 beside published BM25 runs.
    Retrieval {
        /// The SciFact folder (holding PROVENANCE.md, original/scifact-hf-csv.zip and beir/).
        dir: PathBuf,
        /// Which claims to run: train (for tuning) or test (BEIR's test split, the one to report).
        #[arg(long, default_value = "test")]
        split: retrieval::Split,
        /// Instead, score a grid of field boosts on the train claims (whatever --split says).
        #[arg(long)]
        tune: bool,
    },
    /// CheckThat! 2020 task 2: rank verified claims for each test tweet; MAP@1/3/5/10.
    ClaimRetrieval {
        /// The task folder (holding vclaims/ and test/).
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = writeln!(std::io::stderr(), "error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Args) -> Result<()> {
    let boosts = FieldBoosts::default();
    let report = match args.command {
        Command::Retrieval {
            dir, tune: true, ..
        } => retrieval::tune_scifact(&dir)?
            .iter()
            .map(|row| format!("{row}\n"))
            .collect(),
        Command::Retrieval { dir, split, .. } => {
            format!("{}\n", retrieval::evaluate_scifact(&dir, split, &boosts)?)
        }
        Command::ClaimRetrieval { dir } => {
            format!("{}\n", claim_retrieval::evaluate_checkthat(&dir, &boosts)?)
        }
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(report.as_bytes()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => Ok(result?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        Args::try_parse_from(std::iter::once("claimdex-eval").chain(args.iter().copied()))
    }

    #[test]
    fn retrieval_defaults_to_the_test_split() {
        let args = parse(&["retrieval", "scifact"]).unwrap();
        assert!(matches!(
            args.command,
            Command::Retrieval {
                split: retrieval::Split::Test,
                tune: false,
                ..
            }
        ));
    }

    #[test]
    fn split_and_tune_flags_parse() {
        let args = parse(&["retrieval", "scifact", "--split", "train", "--tune"]).unwrap();
        assert!(matches!(
            args.command,
            Command::Retrieval {
                split: retrieval::Split::Train,
                tune: true,
                ..
            }
        ));
        let err = parse(&["retrieval", "scifact", "--split", "dev"]).unwrap_err();
        assert!(err.to_string().contains("use train or test"), "{err}");
    }

    #[test]
    fn claim_retrieval_takes_a_folder() {
        let args = parse(&["claim-retrieval", "checkthat"]).unwrap();
        assert!(
            matches!(args.command, Command::ClaimRetrieval { dir } if dir == Path::new("checkthat"))
        );
        assert!(parse(&["claim-retrieval"]).is_err());
    }
}
