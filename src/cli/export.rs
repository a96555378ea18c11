//! `claimdex export`: the index for another engine.

use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;

use super::Global;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Ndjson,
    QuickwitConfig,
    Sqlite,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// ndjson: one JSON object per passage; quickwit-config: the index config YAML; sqlite:
    /// documents, passages, sentences, figures, claims, sources, topics, check results and
    /// reviews in one SQLite file with full-text search (`datasette FILE` opens it).
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write to this file instead of stdout (required for sqlite).
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// The index id written into the Quickwit config.
    #[arg(long, default_value = "claimdex-passages")]
    pub index_id: String,
}

pub fn run(global: &Global, args: ExportArgs) -> Result<ExitCode> {
    if args.format == ExportFormat::Sqlite {
        return sqlite(global, &args);
    }
    // The index is opened before the output file is created, so a missing index leaves no empty
    // file behind.
    let corpus = match args.format {
        ExportFormat::Ndjson | ExportFormat::Sqlite => Some(global.corpus()?),
        ExportFormat::QuickwitConfig => None,
    };
    let mut out: Box<dyn std::io::Write> = match &args.output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("{}: cannot create the file", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    match corpus {
        None => {
            out.write_all(claimdex::export::quickwit_config(&args.index_id).as_bytes())?;
            out.flush()?;
        }
        Some(corpus) => {
            let n_passages =
                claimdex::export::write_ndjson(&corpus, &mut out).map_err(|err| match err {
                    claimdex::export::ExportError::Io(io) => anyhow::Error::from(io),
                    other => anyhow::Error::from(other),
                })?;
            if let Some(path) = &args.output {
                eprintln!("{n_passages} passages written to {}", path.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The corpus, its check results and its reviews as one SQLite file (checked first, with the
/// progress bar `check` draws).
fn sqlite(global: &Global, args: &ExportArgs) -> Result<ExitCode> {
    let Some(path) = &args.output else {
        bail!("a SQLite export is a file: give it with --output FILE (e.g. --output claimdex.db)");
    };
    let corpus = global.corpus()?;
    let (datasets, diagnostics) = claimdex::datasets::load_dir(&global.datasets);
    for diagnostic in &diagnostics {
        eprintln!("{diagnostic}");
    }
    let taxonomy = &super::corpus_rules(&corpus).taxonomy;
    let bar = super::check::CheckBar::new();
    let checked = claimdex::check::select::check_index(
        &corpus,
        &datasets,
        taxonomy,
        &claimdex::check::select::Selection::default(),
        &bar,
    )?;
    for problem in &checked.problems {
        eprintln!("{problem}");
    }
    let reviews = claimdex::review::Reviews::for_corpus(&corpus)?;
    let summary =
        claimdex::export::write_sqlite(&corpus, &checked.results, &reviews, taxonomy, path)
            .with_context(|| format!("{}: the SQLite export failed", path.display()))?;
    eprintln!(
        "{} documents, {} passages, {} claims, {} check results, {} reviews written to {} (open it with `datasette {}`)",
        summary.documents,
        summary.passages,
        summary.claims,
        summary.results,
        summary.reviews,
        path.display(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::ExportFormat;
    use crate::cli::{Args, Command};
    use clap::Parser;

    #[test]
    fn export_flags_parse() {
        let args = Args::parse_from([
            "claimdex",
            "export",
            "--format",
            "quickwit-config",
            "-o",
            "x",
        ]);
        assert!(matches!(
            args.command,
            Command::Export(ref export)
                if export.format == ExportFormat::QuickwitConfig && export.output.is_some()
        ));
        assert!(Args::try_parse_from(["claimdex", "export", "--format", "csv"]).is_err());
    }
}
