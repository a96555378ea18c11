//! Command-line flags (clap derive: each doc comment is the help text) and the commands.

use crate::print;
use anyhow::{Context, Result};
use claimdex::figures::Unit;
use claimdex::index::{self, CorpusIndex, IndexError, IndexOptions, IndexReport};
use claimdex::output::{self, Style};
use claimdex::query::{self, FigureFilter, FigureRequest, SearchRequest};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Ndjson,
    QuickwitConfig,
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
    Index {
        /// Files or folders to index (.txt, .md, .html, .htm, .pdf; folders are walked).
        paths: Vec<PathBuf>,
        /// Delete the index and build it again from scratch.
        #[arg(long)]
        rebuild: bool,
        /// Worker threads for reading and annotating (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Print the summary as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Search passages (tantivy syntax: words, "phrases", AND/OR/NOT, field:value).
    Search {
        /// What to search for, e.g. "Chinese nationals entered Ecuador".
        query: String,
        /// How many passages to show.
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: usize,
        /// Only this document (its slug, as `claimdex show` lists it).
        #[arg(long)]
        doc: Option<String>,
        /// Only documents from this publisher (words of its name).
        #[arg(long)]
        publisher: Option<String>,
        /// Only documents published this year.
        #[arg(long)]
        year: Option<u32>,
        /// Only passages citing a figure that matches UNIT OP NUMBER, e.g. 'percent>50',
        /// 'count>=10000', 'money<1e9' (units: count, percent, percentage_points, money, rate,
        /// multiplier, fraction, year, duration, ordinal, age, measure, other).
        #[arg(long, value_parser = parse_figure_filter)]
        figure: Option<FigureFilter>,
        /// One JSON object per passage, one per line.
        #[arg(long)]
        json: bool,
    },
    /// List the figures the corpus cites: value, unit, qualifier, interval, what they count.
    Figures {
        /// Only figures in passages matching this search (default: every passage, in order).
        query: Option<String>,
        /// Only figures of this unit (count, percent, money, rate, ...).
        #[arg(long, value_parser = parse_unit)]
        unit: Option<Unit>,
        /// Only figures with a value of at least this.
        #[arg(long, allow_hyphen_values = true)]
        min: Option<f64>,
        /// Only figures with a value of at most this.
        #[arg(long, allow_hyphen_values = true)]
        max: Option<f64>,
        /// Only figures whose period mentions this year ("in 2023", "FY 2023", "2010 to 2023").
        #[arg(long)]
        year: Option<u32>,
        /// Only this document (its slug).
        #[arg(long)]
        doc: Option<String>,
        /// How many figures to list.
        #[arg(long, short = 'n', default_value_t = 100)]
        limit: usize,
        /// One JSON object per figure, one per line.
        #[arg(long)]
        json: bool,
    },
    /// Print a document cleaned, with line and passage numbers ([N]).
    Show {
        /// The document's slug (file name without extension) or its path.
        doc: String,
        /// Also list the lines the cleaner dropped, with the reason.
        #[arg(long)]
        dropped: bool,
    },
    /// List the datasets figures are checked against, with row counts and problems.
    Datasets {
        /// One JSON object per dataset.
        #[arg(long)]
        json: bool,
    },
    /// Fact-check the figures of the indexed documents against the datasets, their own
    /// arithmetic and each other.
    Check(crate::check_cmd::CheckArgs),
    /// Export the index for another engine: every passage as NDJSON (figures nested), or a
    /// Quickwit index config matching those fields. See docs/scaling.md.
    Export {
        /// ndjson: one JSON object per passage; quickwit-config: the index config YAML.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to this file instead of stdout.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// The index id written into the Quickwit config.
        #[arg(long, default_value = "claimdex-passages")]
        index_id: String,
    },
    /// List claims (sentences and table rows with a cited figure or a named source), ranked by
    /// relevance to QUERY, then check-worthiness; each with its figures marked and its source.
    Claims {
        /// Only claims in passages matching this search.
        query: Option<String>,
        /// Only claims of this topic (id or name, `claimdex topics` lists them); anything else is
        /// searched for as an ad-hoc topic.
        #[arg(long)]
        topic: Option<String>,
        /// Only claims resting on this source (a name, alias or abbreviation, e.g. CBP).
        #[arg(long)]
        source: Option<String>,
        /// Only this document (its slug).
        #[arg(long)]
        doc: Option<String>,
        /// Only claims whose text names no source: what to check first.
        #[arg(long, conflicts_with = "source")]
        unattributed: bool,
        /// Only claims with a check-worthiness of at least this (0 to 1).
        #[arg(long)]
        min_score: Option<f64>,
        /// How many claims to list.
        #[arg(long, short = 'n', default_value_t = 20)]
        limit: usize,
        /// One JSON object per claim, one per line.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// CSV with a header row (cells starting with = + - @ are prefixed with ').
        #[arg(long)]
        csv: bool,
    },
    /// List the sources claims rest on, most claims first, with documents, topics and citations.
    Sources {
        /// Only sources of claims in passages matching this search.
        query: Option<String>,
        /// Only sources of claims of this topic (id or name; anything else is searched for).
        #[arg(long)]
        topic: Option<String>,
        /// One JSON object per source, one per line.
        #[arg(long)]
        json: bool,
    },
    /// List the topics of the taxonomy with counts of passages, claims and sources.
    Topics {
        /// One JSON object per topic, one per line.
        #[arg(long)]
        json: bool,
    },
    /// List the indexed documents.
    Docs {
        /// One JSON object per document.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(args: Args) -> Result<ExitCode> {
    let style = Style {
        color: use_color(args.color),
    };
    match args.command {
        Command::Index {
            paths,
            rebuild,
            threads,
            json,
        } => {
            let mut options = IndexOptions {
                paths,
                rebuild,
                ..IndexOptions::default()
            };
            if let Some(threads) = threads {
                options.threads = threads.max(1);
            }
            let report = run_index(&args.index, &options)?;
            if json {
                print(&format!("{}\n", serde_json::to_string(&report)?))?;
            } else {
                eprintln!("{}", output::index_summary(&report));
            }
            Ok(if report.has_errors() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Search {
            query,
            limit,
            doc,
            publisher,
            year,
            figure,
            json,
        } => {
            let corpus = open_fresh(&args.index, args.no_update)?;
            let request = SearchRequest {
                query,
                limit,
                doc,
                publisher,
                year,
                figure,
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
            if json {
                print(&output::search_json(&results))?;
            } else if results.hits.is_empty() {
                eprintln!("no passages match");
            } else {
                print(&output::search_table(&results, style))?;
                eprintln!(
                    "{} of {} matching passages shown",
                    results.hits.len(),
                    results.total
                );
            }
            Ok(found(!results.hits.is_empty()))
        }
        Command::Figures {
            query,
            unit,
            min,
            max,
            year,
            doc,
            limit,
            json,
        } => {
            let corpus = open_fresh(&args.index, args.no_update)?;
            let filter = match (unit, min, max) {
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
                query,
                filter,
                year,
                doc,
                limit,
            };
            let hits = query::list_figures(&corpus, &request)?;
            if json {
                print(&output::json_lines(&hits)?)?;
            } else if hits.is_empty() {
                eprintln!("no figures match");
            } else {
                print(&output::figures_table(&hits, style))?;
            }
            Ok(found(!hits.is_empty()))
        }
        Command::Show { doc, dropped } => {
            let corpus = open_fresh(&args.index, args.no_update)?;
            match query::load_document(&corpus, &doc)? {
                Some(document) => {
                    print(&output::render_document(&document, style, dropped))?;
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    anyhow::bail!(
                        "no document '{doc}' in the index at {}; `claimdex docs` lists them",
                        args.index.display()
                    )
                }
            }
        }
        Command::Datasets { json } => {
            if !args.datasets.is_dir() {
                anyhow::bail!(
                    "{}: no such folder of datasets; pass --datasets DIR (default corpus/datasets)",
                    args.datasets.display()
                );
            }
            let (datasets, diagnostics) = claimdex::datasets::load_dir(&args.datasets);
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
            }
            let summaries = claimdex::datasets::summaries(&datasets, &diagnostics);
            if json {
                print(&output::json_lines(&summaries)?)?;
            } else {
                print(&output::datasets_table(&summaries, style))?;
            }
            let has_errors = diagnostics
                .iter()
                .any(|d| d.severity == claimdex::diagnostic::Severity::Error);
            Ok(if has_errors {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Check(check_args) => {
            let corpus = open_fresh(&args.index, args.no_update)?;
            crate::check_cmd::run(&corpus, &args.datasets, &check_args, style)
        }
        Command::Export {
            format,
            output,
            index_id,
        } => {
            // The index is opened before the output file is created, so a missing index leaves
            // no empty file behind.
            let corpus = match format {
                ExportFormat::Ndjson => Some(open_fresh(&args.index, args.no_update)?),
                ExportFormat::QuickwitConfig => None,
            };
            let mut out: Box<dyn std::io::Write> = match &output {
                Some(path) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(path)
                        .with_context(|| format!("{}: cannot create the file", path.display()))?,
                )),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            match corpus {
                None => {
                    out.write_all(claimdex::export::quickwit_config(&index_id).as_bytes())?;
                    out.flush()?;
                }
                Some(corpus) => {
                    let n_passages = claimdex::export::write_ndjson(&corpus, &mut out).map_err(
                        |err| match err {
                            claimdex::export::ExportError::Io(io) => anyhow::Error::from(io),
                            other => anyhow::Error::from(other),
                        },
                    )?;
                    if let Some(path) = &output {
                        eprintln!("{n_passages} passages written to {}", path.display());
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Claims {
            query,
            topic,
            source,
            doc,
            unattributed,
            min_score,
            limit,
            json,
            csv,
        } => {
            let corpus = open_fresh(&args.index, args.no_update)?;
            let request = query::ClaimRequest {
                query,
                topic,
                source,
                doc,
                unattributed,
                min_score,
                limit,
            };
            let rules = corpus_rules(&corpus);
            let results = query::list_claims(&corpus, &request, &rules.registry, &rules.taxonomy)?;
            for note in &results.notes {
                eprintln!("{note}");
            }
            if json {
                print(&output::claims_json(&results.claims))?;
            } else if csv {
                print(&output::claims_csv(&results.claims))?;
            } else if results.claims.is_empty() {
                eprintln!("no claims match");
            } else {
                print(&output::claims_table(&results.claims, style))?;
                eprintln!(
                    "{} of {} matching claims shown",
                    results.claims.len(),
                    results.total
                );
            }
            Ok(found(!results.claims.is_empty()))
        }
        Command::Sources { query, topic, json } => {
            let corpus = open_fresh(&args.index, args.no_update)?;
            let rules = corpus_rules(&corpus);
            let (sources, notes) = query::list_sources(
                &corpus,
                query.as_deref(),
                topic.as_deref(),
                &rules.registry,
                &rules.taxonomy,
            )?;
            for note in &notes {
                eprintln!("{note}");
            }
            if json {
                print(&output::sources_json(&sources))?;
            } else if sources.is_empty() {
                eprintln!("no sources match");
            } else {
                print(&output::sources_table(&sources, style))?;
            }
            Ok(found(!sources.is_empty()))
        }
        Command::Topics { json } => {
            let corpus = open_fresh(&args.index, args.no_update)?;
            let topics = query::topic_counts(&corpus, &corpus_rules(&corpus).taxonomy)?;
            if json {
                print(&output::topics_json(&topics))?;
            } else {
                print(&output::topics_table(&topics, style))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Docs { json } => {
            let corpus = open_fresh(&args.index, args.no_update)?;
            let mut out = String::new();
            for (path, entry) in &corpus.manifest()?.files {
                if json {
                    let value = serde_json::json!({
                        "doc": entry.slug, "path": path, "passages": entry.passages,
                        "sentences": entry.sentences, "bytes": entry.size,
                    });
                    out.push_str(&format!("{value}\n"));
                } else {
                    out.push_str(&format!(
                        "{:<60} {:>5} passages  {}\n",
                        entry.slug,
                        entry.passages,
                        style.cyan(&path.display().to_string())
                    ));
                }
            }
            print(&out)?;
            Ok(ExitCode::SUCCESS)
        }
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

fn parse_figure_filter(spec: &str) -> Result<FigureFilter, String> {
    FigureFilter::parse(spec)
}

fn parse_unit(name: &str) -> Result<Unit, String> {
    Unit::parse(name).ok_or_else(|| {
        let units: Vec<&str> = Unit::ALL.iter().map(|unit| unit.as_str()).collect();
        format!("unknown unit {name:?} (use one of: {})", units.join(", "))
    })
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
fn corpus_rules(corpus: &CorpusIndex) -> claimdex::claims::Rules {
    claimdex::claims::Rules::load(&corpus.payload.roots).0
}

/// Runs `claimdex index` with a progress bar on stderr when stderr is a terminal.
fn run_index(root: &Path, options: &IndexOptions) -> Result<IndexReport> {
    let progress = Bar::new();
    let report = index::update(root, options, &progress)?;
    for diagnostic in &report.diagnostics {
        eprintln!("{diagnostic}");
    }
    Ok(report)
}

/// Opens the index for reading, building it from `corpus/` on first use and bringing it up to
/// date when files changed. A busy index (another run is writing) is searched as it is.
pub fn open_fresh(root: &Path, no_update: bool) -> Result<CorpusIndex> {
    if no_update {
        return Ok(CorpusIndex::open(root)?);
    }
    match CorpusIndex::open(root) {
        Ok(corpus) => {
            if !index::is_stale(&corpus) {
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
            let default = Path::new(index::DEFAULT_CORPUS);
            if !default.is_dir() {
                anyhow::bail!(
                    "no index at {} and no {}/ folder here; run `claimdex index PATH...` on your documents first",
                    root.display(),
                    index::DEFAULT_CORPUS
                );
            }
            eprintln!(
                "building the index of {}/ in {} (first use)",
                index::DEFAULT_CORPUS,
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

impl index::Progress for Bar {
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
    fn flags_parse() {
        let args = Args::parse_from([
            "claimdex", "--index", "/tmp/x", "search", "a b", "--limit", "3", "--year", "2024",
            "--json",
        ]);
        assert_eq!(args.index, PathBuf::from("/tmp/x"));
        match args.command {
            Command::Search {
                query,
                limit,
                year,
                json,
                ..
            } => {
                assert_eq!(
                    (query.as_str(), limit, year, json),
                    ("a b", 3, Some(2024), true)
                );
            }
            other => panic!("wrong command {other:?}"),
        }
        let args = Args::parse_from(["claimdex", "index", "corpus", "extra", "--rebuild"]);
        assert!(
            matches!(args.command, Command::Index { ref paths, rebuild: true, .. } if paths.len() == 2)
        );
        assert!(Args::try_parse_from(["claimdex", "search"]).is_err());
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
            Command::Export {
                format: ExportFormat::QuickwitConfig,
                output: Some(_),
                ..
            }
        ));
        assert!(Args::try_parse_from(["claimdex", "export", "--format", "csv"]).is_err());
        let args = Args::parse_from([
            "claimdex",
            "claims",
            "crime",
            "--topic",
            "darien-gap",
            "--unattributed",
            "--min-score",
            "0.5",
            "-n",
            "7",
            "--csv",
        ]);
        assert!(matches!(
            args.command,
            Command::Claims { ref query, ref topic, unattributed: true, min_score: Some(_), limit: 7, csv: true, json: false, .. }
                if query.as_deref() == Some("crime") && topic.as_deref() == Some("darien-gap")
        ));
        assert!(Args::try_parse_from(["claimdex", "claims", "--json", "--csv"]).is_err());
        let args = Args::parse_from(["claimdex", "sources", "--topic", "x", "--json"]);
        assert!(
            matches!(args.command, Command::Sources { json: true, ref topic, .. } if topic.as_deref() == Some("x"))
        );
        let args = Args::parse_from(["claimdex", "topics", "--json"]);
        assert!(matches!(args.command, Command::Topics { json: true }));
        assert!(Args::try_parse_from(["claimdex", "--color", "sometimes", "docs"]).is_err());
    }
}
