//! Command-line flags (clap derive: each doc comment is the help text) and the glue that runs a
//! command: one file per command, each a `clap::Args` struct and a `run`.

mod check;
mod claims;
mod datasets;
mod docs;
mod export;
mod figures;
mod format;
mod index;
mod review;
mod search;
mod serve;
mod show;
mod sources;
mod topics;

use anyhow::{Context as _, Result};
use claimdex::index::{self as corpus_index, CorpusIndex, IndexError, IndexOptions, IndexReport};
use claimdex::output::{self, Style};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// Search a corpus of articles and reports, and check the figures they cite.
#[derive(Debug, Parser)]
#[command(name = "claimdex", version, about)]
pub struct Args {
    /// Folder of the index (built there on first use).
    #[arg(long, global = true, env = "CLAIMDEX_INDEX", default_value = "index")]
    pub index: PathBuf,

    /// When to colour the output: auto (a terminal, and NO_COLOR unset), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Folder of datasets (CSV + TOML manifest pairs) that figures are checked against.
    #[arg(
        long,
        global = true,
        env = "CLAIMDEX_DATASETS",
        default_value = "corpus/datasets"
    )]
    pub datasets: PathBuf,

    /// Use the index as it is: do not build it or bring it up to date before answering.
    #[arg(long, global = true)]
    pub no_update: bool,

    /// How often, in seconds, a command that brings the index up to date (without
    /// --no-update) stats every file to find files edited in place. In between it stats only
    /// the folders, which shows files added, removed or renamed at once. 0: every time.
    #[arg(
        long,
        global = true,
        env = "CLAIMDEX_FULL_CHECK_EVERY",
        value_name = "SECONDS",
        default_value_t = corpus_index::DEFAULT_FULL_CHECK_EVERY.as_secs()
    )]
    pub full_check_every: u64,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index files and folders (default: corpus/). Re-running indexes only new or changed files.
    Index(index::IndexArgs),
    /// Search passages (tantivy syntax: words, "phrases", AND/OR/NOT, field:value).
    Search(search::SearchArgs),
    /// List the figures the corpus cites: value, unit, qualifier, interval, what they count.
    Figures(figures::FiguresArgs),
    /// Print a document cleaned, with line and passage numbers ([N]).
    Show(show::ShowArgs),
    /// List the datasets figures are checked against, with row counts and problems.
    Datasets(datasets::DatasetsArgs),
    /// Fact-check the figures of the indexed documents against the datasets, their own
    /// arithmetic and each other.
    Check(check::CheckArgs),
    /// Export the index for another engine: every passage as NDJSON (figures nested), or a
    /// Quickwit index config matching those fields. See docs/scaling.md.
    Export(export::ExportArgs),
    /// List claims (sentences and table rows with a cited figure or a named source), ranked by
    /// relevance to QUERY, then check-worthiness; each with its figures marked and its source.
    Claims(claims::ClaimsArgs),
    /// List the sources claims rest on, most claims first, with documents, topics and citations.
    Sources(sources::SourcesArgs),
    /// List the topics of the taxonomy with counts of passages, claims and sources.
    Topics(topics::TopicsArgs),
    /// List the indexed documents.
    Docs(docs::DocsArgs),
    /// Record your own verdict on a claim (kept in the corpus's reviews.toml and shown beside
    /// the machine's in every report), or list the reviews.
    Review(review::ReviewArgs),
    /// The fact-checker's desk in a web browser: search with facets, documents with their
    /// figures marked, claims, sources, the check report and reviews (http://127.0.0.1:8080/).
    Serve(serve::ServeArgs),
}

/// What every command gets from the global flags.
pub struct Global {
    pub index: PathBuf,
    pub datasets: PathBuf,
    pub no_update: bool,
    /// How long a full staleness check vouches for the index (`--full-check-every`).
    pub full_check_every: Duration,
    pub style: Style,
}

impl Global {
    /// The index, built or brought up to date first unless `--no-update`.
    pub fn corpus(&self) -> Result<CorpusIndex> {
        open_fresh(&self.index, self.no_update, self.full_check_every)
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let global = Global {
        index: args.index,
        datasets: args.datasets,
        no_update: args.no_update,
        full_check_every: Duration::from_secs(args.full_check_every),
        style: Style {
            color: use_color(args.color),
        },
    };
    match args.command {
        Command::Index(command) => index::run(&global, command),
        Command::Search(command) => search::run(&global, command),
        Command::Figures(command) => figures::run(&global, command),
        Command::Show(command) => show::run(&global, command),
        Command::Datasets(command) => datasets::run(&global, command),
        Command::Check(command) => check::run(&global, &command),
        Command::Export(command) => export::run(&global, command),
        Command::Claims(command) => claims::run(&global, command),
        Command::Sources(command) => sources::run(&global, command),
        Command::Topics(command) => topics::run(&global, command),
        Command::Docs(command) => docs::run(&global, command),
        Command::Review(command) => review::run(&global, &command),
        Command::Serve(command) => serve::run(&global, &command),
    }
}

/// Exit status of a listing: 0 when something was found, 1 when nothing matched.
fn found(anything: bool) -> ExitCode {
    if anything {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
            !no_color && std::io::stdout().is_terminal()
        }
    }
}

/// The registry and taxonomy the index was annotated with: the built-ins extended by the
/// `sources.toml` and `topics.toml` of its roots. Their problems were reported by `index`.
fn corpus_rules(corpus: &CorpusIndex) -> claimdex::claims::ClaimRules {
    claimdex::claims::ClaimRules::load(&corpus.root_paths()).0
}

/// Runs `claimdex index` with a progress bar on stderr when stderr is a terminal.
fn run_index(root: &Path, options: &IndexOptions) -> Result<IndexReport> {
    let progress = Bar::new();
    let report = corpus_index::update(root, options, &progress)?;
    for diagnostic in &report.diagnostics {
        eprintln!("{diagnostic}");
    }
    Ok(report)
}

/// Opens the index for reading, building it from `corpus/` on first use and bringing it up to
/// date when files changed (every file is statted when the last full check is older than
/// `full_check_every`, else only the folders: see `claimdex::index::is_stale`). A busy index
/// (another run is writing) is searched as it is.
pub fn open_fresh(root: &Path, no_update: bool, full_check_every: Duration) -> Result<CorpusIndex> {
    if no_update {
        return Ok(CorpusIndex::open(root)?);
    }
    match CorpusIndex::open(root) {
        Ok(corpus) => {
            if !corpus_index::is_stale(&corpus, full_check_every) {
                return Ok(corpus);
            }
            eprintln!(
                "files changed since the index was built; updating {}",
                root.display()
            );
            match run_index(root, &IndexOptions::default()) {
                Ok(report) => eprintln!("{}", output::index_summary(&report)),
                Err(err)
                    if matches!(
                        err.downcast_ref::<IndexError>(),
                        Some(IndexError::Busy { .. })
                    ) =>
                {
                    eprintln!("warning: {err}; searching the index as it is");
                    return Ok(corpus);
                }
                Err(err) => return Err(err),
            }
        }
        Err(IndexError::Missing { .. }) => {
            let default = Path::new(corpus_index::DEFAULT_CORPUS);
            if !default.is_dir() {
                anyhow::bail!(
                    "no index at {} and no {}/ folder here; run `claimdex index PATH...` on your documents first",
                    root.display(),
                    corpus_index::DEFAULT_CORPUS
                );
            }
            eprintln!(
                "building the index of {}/ in {} (first use)",
                corpus_index::DEFAULT_CORPUS,
                root.display()
            );
            let report = run_index(root, &IndexOptions::default())?;
            eprintln!("{}", output::index_summary(&report));
        }
        Err(err) => return Err(err.into()),
    }
    CorpusIndex::open(root).with_context(|| format!("opening the index at {}", root.display()))
}

/// An indicatif progress bar over bytes; hidden when stderr is not a terminal.
struct Bar(ProgressBar);

impl Bar {
    fn new() -> Bar {
        let bar = if std::io::stderr().is_terminal() {
            ProgressBar::new(0)
        } else {
            ProgressBar::hidden()
        };
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} indexing [{bar:30}] {bytes}/{total_bytes} {msg}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        Bar(bar)
    }
}

impl corpus_index::Progress for Bar {
    fn start(&self, _files: usize, bytes: u64) {
        self.0.set_length(bytes);
    }
    fn advance(&self, bytes: u64, path: &Path) {
        self.0.inc(bytes);
        self.0.set_message(
            path.file_name()
                .map(|name| name.to_string_lossy().to_string())
                .unwrap_or_default(),
        );
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_flags_parse() {
        let args = Args::parse_from(["claimdex", "--index", "/tmp/x", "--no-update", "docs"]);
        assert_eq!(args.index, PathBuf::from("/tmp/x"));
        assert!(args.no_update);
        assert_eq!(args.full_check_every, 60);
        assert!(matches!(args.command, Command::Docs(_)));
        let args = Args::parse_from(["claimdex", "search", "x", "--full-check-every", "0"]);
        assert_eq!(args.full_check_every, 0);
        assert!(Args::try_parse_from(["claimdex", "--full-check-every", "-1", "docs"]).is_err());
        assert!(Args::try_parse_from(["claimdex", "--color", "sometimes", "docs"]).is_err());
        assert!(Args::try_parse_from(["claimdex"]).is_err());
    }
}
