//! `claimdex export`: the index for another engine.

use anyhow::{Context, Result};
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;

use super::Global;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Ndjson,
    QuickwitConfig,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// ndjson: one JSON object per passage; quickwit-config: the index config YAML.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write to this file instead of stdout.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// The index id written into the Quickwit config.
    #[arg(long, default_value = "claimdex-passages")]
    pub index_id: String,
}

pub fn run(global: &Global, args: ExportArgs) -> Result<ExitCode> {
    // The index is opened before the output file is created, so a missing index leaves no empty
    // file behind.
    let corpus = match args.format {
        ExportFormat::Ndjson => Some(global.corpus()?),
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
