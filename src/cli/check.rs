//! `claimdex check`: flags, the progress bar and rendering; loading, checking and filtering are
//! the library's (`check::select`).

use anyhow::{Context, Result};
use clap::Args as ClapArgs;
use std::path::PathBuf;
use std::process::ExitCode;

use super::format::{FormatArgs, OutputFormat};
use super::Global;
use crate::print;
use claimdex::check::{self, select::Selection, Verdict};
use claimdex::output;

#[derive(Debug, Clone, ClapArgs)]
pub struct CheckArgs {
    /// Only claims in passages matching this search (tantivy syntax, as `claimdex search`).
    pub query: Option<String>,
    /// Only this document (its slug, as `claimdex docs` lists it).
    #[arg(long)]
    pub doc: Option<String>,
    /// Only claims of this topic: an id or name from `claimdex topics`; anything else is
    /// searched for as an ad-hoc topic (as `claimdex claims --topic`).
    #[arg(long)]
    pub topic: Option<String>,
    /// Only results with this verdict: supported, close, contradicted, not_comparable, unverifiable.
    #[arg(long, value_parser = parse_verdict)]
    pub verdict: Option<Verdict>,
    #[command(flatten)]
    pub output_format: FormatArgs,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
}

pub(super) fn parse_verdict(name: &str) -> Result<Verdict, String> {
    Verdict::parse(name).ok_or_else(|| {
        format!("unknown verdict '{name}'; use supported, close, contradicted, not_comparable or unverifiable")
    })
}

/// Runs the check; exit 0 when every result is in, 1 when a filter left nothing, 2 on errors.
pub fn run(global: &Global, args: &CheckArgs) -> Result<ExitCode> {
    let format = args.output_format.choose(
        "check",
        &[
            OutputFormat::Table,
            OutputFormat::Json,
            OutputFormat::Csv,
            OutputFormat::Markdown,
            OutputFormat::Html,
            OutputFormat::Claimreview,
        ],
    )?;
    let corpus = &global.corpus()?;
    let style = global.style;
    let (datasets, diagnostics) = claimdex::datasets::load_dir(&global.datasets);
    for diagnostic in &diagnostics {
        eprintln!("{diagnostic}");
    }
    // The corpus's own taxonomy (its topics.toml), as `claimdex claims --topic` uses.
    let taxonomy = &super::corpus_rules(corpus).taxonomy;
    let selection = Selection {
        doc: args.doc.clone(),
        verdict: args.verdict,
        topic: args.topic.clone(),
        query: args.query.clone(),
    };
    let bar = CheckBar::new();
    let checked = check::select::check_index(corpus, &datasets, taxonomy, &selection, &bar)?;
    for problem in &checked.problems {
        eprintln!("{problem}");
    }
    for note in &checked.notes {
        eprintln!("{note}");
    }
    let (results, problems) = (&checked.results, &checked.problems);
    let rendered = render(format, &checked, corpus, style)?;
    match &args.output {
        Some(path) => {
            std::fs::write(path, rendered)
                .with_context(|| format!("writing the report to {}", path.display()))?;
            eprintln!("{} → {}", output::check::summary(results), path.display());
        }
        None => print(&rendered)?,
    }
    let errors = diagnostics
        .iter()
        .chain(problems)
        .any(|d| d.severity == claimdex::diagnostic::Severity::Error);
    Ok(if errors {
        ExitCode::from(2)
    } else if results.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The report in the chosen format (ClaimReview says on stderr how many results it left out).
fn render(
    format: OutputFormat,
    checked: &check::select::Checked,
    corpus: &claimdex::index::CorpusIndex,
    style: output::Style,
) -> Result<String> {
    let results = &checked.results;
    Ok(match format {
        OutputFormat::Table => output::check::table(results, style),
        OutputFormat::Json => output::check::json_lines(results)?,
        OutputFormat::Csv => output::csv_rows(results)?,
        OutputFormat::Markdown => output::check::markdown(results),
        OutputFormat::Html => output::check_html::html(results),
        OutputFormat::Claimreview => {
            let publisher = claimdex::ingest::meta::publisher(&corpus.root_paths());
            let published = output::check::claimreview(
                results,
                &checked.metadata,
                publisher.as_ref(),
                &claimdex::review::today(),
            )?;
            if published.without_url > 0 {
                eprintln!(
                    "{} results left out of ClaimReview: their documents have no public url in corpus.toml (ClaimReview needs the article's address)",
                    published.without_url
                );
            }
            published.json
        }
    })
}

/// A progress bar on stderr, one stage at a time; hidden when stderr is not a terminal.
pub(super) struct CheckBar(indicatif::ProgressBar);

impl CheckBar {
    pub(super) fn new() -> CheckBar {
        use std::io::IsTerminal;
        let bar = if std::io::stderr().is_terminal() {
            indicatif::ProgressBar::new(0)
        } else {
            indicatif::ProgressBar::hidden()
        };
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len}")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        CheckBar(bar)
    }
}

impl check::Progress for CheckBar {
    fn stage(&self, what: &str, steps: usize) {
        self.0.set_message(what.to_string());
        self.0.set_length(u64::try_from(steps).unwrap_or(u64::MAX));
        self.0.set_position(0);
    }
    fn advance(&self) {
        self.0.inc(1);
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Args, Command};
    use clap::Parser;
    use std::path::PathBuf;

    #[test]
    fn check_flags_parse() {
        let args = Args::parse_from([
            "claimdex",
            "check",
            "refugees",
            "--doc",
            "d",
            "--topic",
            "darien-gap",
            "--verdict",
            "not-comparable",
            "--format",
            "claimreview",
            "-o",
            "out.json",
        ]);
        match args.command {
            Command::Check(check) => {
                assert_eq!(check.query.as_deref(), Some("refugees"));
                assert_eq!(check.doc.as_deref(), Some("d"));
                assert_eq!(check.topic.as_deref(), Some("darien-gap"));
                assert_eq!(check.verdict, Some(Verdict::NotComparable));
                assert_eq!(check.output_format.format, Some(OutputFormat::Claimreview));
                assert_eq!(check.output, Some(PathBuf::from("out.json")));
            }
            other => panic!("wrong command {other:?}"),
        }
        assert!(Args::try_parse_from(["claimdex", "check", "--verdict", "maybe"]).is_err());
        assert!(Args::try_parse_from(["claimdex", "check", "--format", "pdf"]).is_err());
    }
}
